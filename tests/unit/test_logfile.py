"""The log file: rotating, in the data folder, masks credentials, catches every unhandled
traceback (main thread and other threads)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from logging.handlers import RotatingFileHandler

import pytest

from ecdesk import logfile


@pytest.fixture
def log_file(tmp_path, monkeypatch):
    monkeypatch.setenv("ECDESK_HOME", str(tmp_path))
    path = logfile.setup_logging()
    yield path
    logfile.stop_logging()


def read(path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text("utf-8")


def test_the_log_is_ecdesk_log_in_the_data_folder_and_rotates(log_file, tmp_path):
    assert log_file == tmp_path / "ecdesk.log" == logfile.log_path()
    logging.getLogger("ecdesk.test").info("first line")
    assert "INFO ecdesk.test [MainThread] first line" in read(log_file)
    handler = next(h for h in logging.getLogger().handlers
                   if getattr(h, "baseFilename", "") == str(log_file))
    assert handler.maxBytes > 0 and handler.backupCount > 0


def test_credentials_are_masked_in_messages_urls_and_tracebacks(log_file):
    log = logging.getLogger("ecdesk.test")
    log.warning("GET https://shop.example/api?access_token=shpat_abc123&page=2")
    log.warning("headers {'Authorization': 'Bearer sk_live_999999', 'X': 1}")
    log.warning("db postgresql+psycopg://clerk:hunter2secret@db.local/ecdesk")
    try:
        raise ValueError('{"client_secret": "cs_topsecret", "api_key": "AK-7777777"}')
    except ValueError:
        log.exception("failed")
    text = read(log_file)
    for secret in ("shpat_abc123", "sk_live_999999", "hunter2secret", "cs_topsecret",
                   "AK-7777777"):
        assert secret not in text
    assert "page=2" in text and "clerk:***@db.local" in text and "ValueError" in text


def test_http_request_lines_only_with_verbose(tmp_path, monkeypatch):
    monkeypatch.setenv("ECDESK_HOME", str(tmp_path))
    for verbose in (False, True):
        path = logfile.setup_logging(verbose=verbose)
        logging.getLogger("httpx").info("HTTP Request: GET http://x/%s", verbose)
        logfile.stop_logging()
    text = path.read_text("utf-8")
    assert "GET http://x/True" in text and "GET http://x/False" not in text


SCRIPT = """
import threading
from logging.handlers import RotatingFileHandler
from ecdesk import logfile
logfile.setup_logging()

def work():
    raise KeyError("worker failed")

t = threading.Thread(target=work, name="sync-worker")
t.start()
t.join()
raise RuntimeError("nobody saw this")
"""


def test_unhandled_errors_in_threads_and_the_main_thread_land_in_the_log(tmp_path):
    env = {**os.environ, "ECDESK_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 1 and "RuntimeError" in done.stderr  # still shown on a console
    text = (tmp_path / "ecdesk.log").read_text("utf-8")
    assert "CRITICAL" in text and "Unhandled error in thread sync-worker" in text
    assert "KeyError: 'worker failed'" in text
    assert "Unhandled error" in text and "RuntimeError: nobody saw this" in text


def test_stop_logging_restores_hooks_and_handlers(tmp_path, monkeypatch):
    monkeypatch.setenv("ECDESK_HOME", str(tmp_path))
    before = (sys.excepthook, threading.excepthook, list(logging.getLogger().handlers))
    logfile.setup_logging()
    logfile.setup_logging()  # a second call replaces, never stacks
    assert sum(isinstance(h, RotatingFileHandler) for h in logging.getLogger().handlers) == 1
    logfile.stop_logging()
    assert (sys.excepthook, threading.excepthook, list(logging.getLogger().handlers)) == before


def test_every_command_logs_to_the_file(tmp_path, monkeypatch):
    from ecdesk.cli import run

    monkeypatch.setenv("ECDESK_HOME", str(tmp_path))
    assert run(["--db", f"sqlite:///{tmp_path / 'x.sqlite'}", "store", "list"]) == 0
    logging.getLogger("ecdesk.sync").warning("AutoCount answered 503")
    logfile.stop_logging()
    assert "WARNING ecdesk.sync" in (tmp_path / "ecdesk.log").read_text("utf-8")
