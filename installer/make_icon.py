"""Draw ecdesk's icon (``resources/ecdesk.png`` and ``resources/ecdesk.ico``).

Run once when the look changes: ``QT_QPA_PLATFORM=offscreen python installer/make_icon.py``.
The ``.ico`` holds PNG images at 16-256 px (Windows Vista and later read PNG-in-ICO).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

SIZES = (16, 24, 32, 48, 64, 128, 256)
OUT = Path(__file__).resolve().parents[1] / "resources"


def draw(size: int) -> QImage:
    """A teal rounded square with a white 'ec' and an accent tick."""
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#0f766e"))
    p.drawRoundedRect(QRectF(0, 0, size, size), size * 0.2, size * 0.2)
    p.setPen(QColor("white"))
    font = QFont("DejaVu Sans")
    font.setBold(True)
    font.setPixelSize(max(8, int(size * 0.5)))
    p.setFont(font)
    p.drawText(QRectF(0, 0, size, size * 0.92), Qt.AlignmentFlag.AlignCenter, "ec")
    p.setBrush(QColor("#fbbf24"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRect(QRectF(size * 0.2, size * 0.76, size * 0.6, max(1.0, size * 0.08)))
    p.end()
    return img


def png_bytes(img: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """ICONDIR + one ICONDIRENTRY per size + the PNG payloads."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, payload = b"", b""
    for size, data in images.items():
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        payload += data
    return header + entries + payload


def main() -> int:
    QGuiApplication(sys.argv[:1])
    images = {size: png_bytes(draw(size)) for size in SIZES}
    (OUT / "ecdesk.png").write_bytes(images[256])
    (OUT / "ecdesk.ico").write_bytes(ico_bytes(images))
    return 0


if __name__ == "__main__":
    sys.exit(main())
