"""``make translations-update`` (``python -m ecdesk.ui.i18n_update``): refresh every
``resources/i18n/*.ts`` from the code with ``pyside6-lupdate``, keeping what is translated.

New strings arrive ``type="unfinished"``: translate them (Linguist, or edit the XML), then
``make translations``. Line numbers are left out so parallel edits merge cleanly.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from ecdesk.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
# Where translatable strings live: the window, plus the plain-Python message catalogues
# the window translates (hold reasons...).
SOURCE_DIRS = ("ecdesk/ui",)
SOURCE_FILES = ("ecdesk/messages.py",)


def sources(root: Path = ROOT) -> list[Path]:
    found = [p for d in SOURCE_DIRS for p in sorted((root / d).rglob("*.py"))]
    return found + [root / f for f in SOURCE_FILES if (root / f).exists()]


def lupdate() -> str:
    here = Path(sys.executable).parent / "pyside6-lupdate"
    tool = str(here) if here.exists() else shutil.which("pyside6-lupdate")
    if tool is None:
        raise SystemExit("pyside6-lupdate not found: install PySide6-Essentials (make test).")
    return tool


def catalogues() -> list[Path]:
    return sorted(resource_path("i18n").glob("ecdesk_*.ts"))


def language_of(ts: Path) -> str:
    return ts.stem.removeprefix("ecdesk_")


def update(ts: Path, root: Path = ROOT) -> None:
    """Bring ``ts`` in line with the code (new strings added, vanished ones dropped)."""
    args = [lupdate(), *map(str, sources(root)), "-ts", str(ts), "-no-obsolete",
            "-locations", "none", "-source-language", "en",
            "-target-language", language_of(ts), "-silent"]
    subprocess.run(args, check=True)


Message = tuple[str, str]  # (context, source)


def messages(ts: Path) -> dict[Message, ET.Element]:
    """Every message of ``ts`` with its ``<translation>`` element."""
    out: dict[Message, ET.Element] = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is not None:
                out[(name, msg.findtext("source") or "")] = tr
    return out


def unfinished(translation: ET.Element) -> bool:
    return translation.get("type") in ("unfinished", "vanished", "obsolete") \
        or not (translation.text or "").strip()


def compile_all() -> list[Path]:
    """Every ``.ts`` to its ``.qm`` beside it (the build step: ``make translations``, the
    PyInstaller spec)."""
    from ecdesk.ui.i18n import compile_catalogue

    built = []
    for ts in catalogues():
        qm = ts.with_suffix(".qm")
        if not compile_catalogue(ts, qm):
            raise SystemExit(f"could not compile {ts}: is pyside6-lrelease installed?")
        built.append(qm)
    return built


def main() -> int:
    for ts in catalogues():
        update(ts)
        todo = sum(unfinished(t) for t in messages(ts).values())
        print(f"{ts.relative_to(ROOT)}: {len(messages(ts))} strings, {todo} to translate")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
