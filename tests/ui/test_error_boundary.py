"""The window's error boundary (issue 10 item 6): an exception on the GUI thread is one
sentence in a message box, its traceback in the log; a database that cannot be opened stops
the start with a sentence, exit 2."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from ecdesk.cli import run
from ecdesk.ui import error_boundary


def boxes(name: str) -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()]


@pytest.mark.qt_no_exception_capture
def test_an_unhandled_gui_exception_becomes_a_sentence_and_a_logged_traceback(qtbot, caplog):
    error_boundary.install(lambda exc: f"Said plainly: {exc}. Do this next.")
    try:
        try:
            raise RuntimeError("the printer caught fire")
        except RuntimeError:
            with caplog.at_level(logging.ERROR):
                sys.excepthook(*sys.exc_info())
    finally:
        error_boundary.uninstall()
    [box] = boxes("errorBoundaryBox")
    assert box.text() == "Said plainly: the printer caught fire. Do this next."
    assert "Traceback" not in box.text()
    assert any(r.exc_info and r.exc_info[0] is RuntimeError for r in caplog.records)
    box.close()
    assert sys.excepthook is not None and "error_boundary" not in repr(sys.excepthook)


def test_a_database_that_cannot_open_stops_the_window_with_a_sentence(tmp_path, monkeypatch,
                                                                     capsys, qtbot):
    shown = []
    monkeypatch.setattr(error_boundary, "show_startup_problem",
                        lambda text: shown.append(text) or 2)
    (tmp_path / "notes.sqlite").write_text("not a database")
    code = run(["--db", f"sqlite:///{tmp_path / 'notes.sqlite'}", "gui"])
    assert code == 2
    assert shown and "is not an ecdesk database" in shown[0]
    assert "Traceback" not in capsys.readouterr().err
