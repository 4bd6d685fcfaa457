"""Start the window: ``run_gui(service)`` (``python -m ecdesk`` with no arguments)."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ecdesk.resources import resource_path
from ecdesk.service import Service

STYLE = resource_path("style.qss")


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
    app.setWindowIcon(QIcon(str(resource_path("ecdesk.png"))))
    return app


_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}


def qt_messages_to_log(kind: QtMsgType, _context: object, message: str) -> None:
    """Qt's own warnings go to ecdesk.log with everything else (no console on Windows)."""
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def run_gui(service: Service, *, schedule: bool = True) -> int:
    from ecdesk.ui import i18n
    from ecdesk.ui.main_window import MainWindow

    app = application()
    qInstallMessageHandler(qt_messages_to_log)
    i18n.install(i18n.chosen_language(), app)
    from ecdesk.ui import error_boundary

    window = MainWindow(service, schedule=schedule)
    error_boundary.install(service.explain, lambda: window)
    window.show()
    try:
        return app.exec()
    finally:
        error_boundary.uninstall()
