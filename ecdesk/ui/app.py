"""Start the window: ``run_gui(service)`` (``python -m ecdesk`` with no arguments)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ecdesk.service import Service

STYLE = Path(__file__).resolve().parents[2] / "resources" / "style.qss"


def style_sheet() -> str:
    """The app's look (``resources/style.qss``); plain Fusion when it is not there."""
    try:
        return STYLE.read_text("utf-8")
    except OSError:
        return ""


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("ecdesk")
    app.setStyle("Fusion")
    app.setStyleSheet(style_sheet())
    return app


def run_gui(service: Service, *, schedule: bool = True) -> int:
    from ecdesk.ui.main_window import MainWindow

    app = application()
    window = MainWindow(service, schedule=schedule)
    window.show()
    return app.exec()
