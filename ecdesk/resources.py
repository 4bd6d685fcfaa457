"""Where the files under ``resources/`` are: beside the package in a checkout, or in the
PyInstaller bundle (``build_installer.spec`` copies ``resources/`` in)."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_path(name: str) -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parents[1]
    return base / "resources" / name
