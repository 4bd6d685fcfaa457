"""The window's one error boundary (issue 10 item 6).

Background jobs already answer failures in words (``ui/workers.py``). What is left is an
exception raised on the GUI thread (a slot, a timer) and a database that cannot be opened at
start: both reach the clerk as one sentence in a message box, never as a traceback; the
traceback goes to the log (the previous ``sys.excepthook``, which the log file set-up owns).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger(__name__)

_installed: tuple[Callable, Callable] | None = None  # (our hook, the one before)
_open_boxes: list[QMessageBox] = []


def message_box(text: str, parent: QWidget | None = None) -> QMessageBox:
    """A non-blocking warning with ``text`` (the clerk closes it)."""
    title = QCoreApplication.translate("ErrorBoundary", "ecdesk could not do that")
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("errorBoundaryBox")
    _open_boxes.append(box)  # Python must keep it alive until the clerk closes it
    box.finished.connect(lambda _result: _open_boxes.remove(box))
    box.open()
    return box


def install(explain: Callable[[BaseException], str],
            parent: Callable[[], QWidget | None] = lambda: None) -> None:
    """Show every unhandled GUI-thread exception as ``explain``'s sentence; the hook that
    was there before still runs (it writes the traceback to the log)."""
    global _installed
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt) or QApplication.instance() is None:
            previous(kind, exc, tb)
            return
        try:
            text = explain(exc)
        except Exception:  # pragma: no cover - explain must never hide the error
            text = str(exc)
        if previous is sys.__excepthook__:  # no log file set up: log it ourselves
            log.error("unexpected error in the window", exc_info=(kind, exc, tb))
        else:
            previous(kind, exc, tb)
        message_box(text, parent())

    sys.excepthook = hook
    _installed = (hook, previous)


def uninstall() -> None:
    """Put back the hook :func:`install` replaced (tests, window closed)."""
    global _installed
    if _installed is not None and sys.excepthook is _installed[0]:
        sys.excepthook = _installed[1]
    _installed = None


def show_startup_problem(text: str) -> int:
    """The window cannot start (its database cannot be opened): say why, answer exit 2."""
    from ecdesk.ui.app import application

    application()
    title = QCoreApplication.translate("ErrorBoundary", "ecdesk cannot start")
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok)
    box.setObjectName("startupProblemBox")
    box.exec()
    return 2
