"""The log file from the window: Tools opens it and its folder; a background job's failure
lands in it with the traceback, while the clerk sees a sentence."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ecdesk import logfile
from ecdesk.ui.workers import Runner


def test_tools_opens_the_log_file_and_its_folder(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setenv("ECDESK_HOME", str(tmp_path))
    opened = []
    window.tools.open_url = opened.append
    qtbot.mouseClick(window.tools.log_file_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.tools.log_folder_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(tmp_path / "ecdesk.log"), str(tmp_path)]
    assert (tmp_path / "ecdesk.log").exists()


def test_a_failed_background_job_lands_in_the_log_with_its_traceback(qtbot, tmp_path,
                                                                      monkeypatch):
    monkeypatch.setenv("ECDESK_HOME", str(tmp_path))
    path = logfile.setup_logging()
    runner = Runner()
    messages = []

    def job(progress, cancel):
        raise ZeroDivisionError("the ledger broke")

    runner.submit(job, failed=messages.append, name="nightly")
    qtbot.waitUntil(lambda: bool(messages))
    assert runner.shutdown()
    logfile.stop_logging()  # flushes and closes the file
    text = path.read_text("utf-8")
    assert messages == ["the ledger broke"]
    assert "background job nightly failed" in text
    assert "Traceback" in text and "ZeroDivisionError: the ledger broke" in text
