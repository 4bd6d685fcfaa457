"""``python -m ecdesk screenshots``: every screen saved as a real image, exit code 0."""

from __future__ import annotations

from PySide6.QtGui import QImage

from ecdesk.ui.screenshots import main

EXPECTED = {"main-window", "tab-1-stores", "tab-2-integration", "tab-3-automation",
            "tab-4-mapping", "tab-5-tools", "held-orders", "order-detail", "stock-view"}


def test_screenshots_writes_one_png_per_screen(qtbot, tmp_path, memory_keyring):
    out = tmp_path / "shots"
    assert main(out, orders=12) == 0
    assert {p.stem for p in out.glob("*.png")} == EXPECTED
    window = QImage(str(out / "main-window.png"))
    assert (window.width(), window.height()) == (1280, 860)
    detail = QImage(str(out / "order-detail.png"))
    assert detail.width() > 400 and detail.height() > 300
    stock = QImage(str(out / "stock-view.png"))
    assert stock.width() > 600 and stock.height() > 300
