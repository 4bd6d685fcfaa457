"""Secrets live only in the keyring: after syncing every sandbox (with failures on the way),
no credential or token appears in the database file, the sync log, stored payloads, logs
(captured and the log file ecdesk.log, request lines included) or the clerk-facing errors."""

from __future__ import annotations

import logging

from ecdesk import logfile
from ecdesk.demo import configure, start_sandboxes
from ecdesk.sandbox.server import Fault, Response
from ecdesk.service import Service
from ecdesk.sync.http import HttpClient


def test_no_credential_reaches_database_logs_or_errors(tmp_path, memory_keyring, caplog):
    caplog.set_level(logging.DEBUG)
    log_file = logfile.setup_logging(verbose=True)  # -v: every request line reaches the file
    with start_sandboxes(orders=20) as world:
        url = f"sqlite:///{tmp_path / 'leak.sqlite'}"
        svc = Service(url, http=HttpClient(sleep=lambda s: None))
        configure(svc, world)
        # some failures on the way: a 500 and a dropped connection on AutoCount
        world.autocount.inject(Fault(Response.text("boom", 500), times=3, path="/invoice"))
        world.autocount.inject(Fault(None, after_handler=True, path="/invoice", method="POST"))
        first = svc.sync()
        for sb in world.stores().values():
            sb.inject(Fault(Response.text("<html>busy</html>", 503), times=10))
        second = svc.sync()
        svc.close()
    logfile.stop_logging()
    log_text = "".join(p.read_text("utf-8") for p in log_file.parent.glob("ecdesk.log*"))
    assert "HTTP Request" in log_text  # the scan below covers the request lines too

    secrets = {v for (service, _user), v in memory_keyring._data.items() if len(v) >= 6}
    assert len(secrets) >= 8  # app credentials plus the tokens ecdesk obtained
    db_bytes = (tmp_path / "leak.sqlite").read_bytes()
    for wal in tmp_path.glob("leak.sqlite-*"):
        db_bytes += wal.read_bytes()
    text_out = "\n".join(
        [caplog.text, log_text, " ".join(first.errors), " ".join(second.errors), first.line(),
         second.line()])
    for secret in secrets:
        assert secret.encode() not in db_bytes, "a credential reached the database"
        assert secret not in text_out, "a credential reached a log line or an error"
