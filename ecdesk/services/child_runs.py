"""Long runs (sync, retry) in a child process, so the window's GUI thread never waits on them.

Why a process: a sync in a thread of the window's process shares its interpreter lock; while
it writes (SQLAlchemy, SQLite) the window's timers and paints waited up to a quarter of a
second (``python -m bench.gui``). A child process has its own lock: the window only reads
lines from a pipe.

The protocol is JSON lines. The parent writes the job on the child's stdin (``{"db": URL,
"op": "sync", "kwargs": {...}}``: the database URL travels on the pipe, never on the command
line where other users of the PC could read it), then ``cancel`` when the clerk presses
Cancel; the child stops between orders, as a run in a thread does, and stops the same way
when its stdin closes (the window went away). The child writes ``@ecdesk {...}`` lines: its
progress, its log records (written to the window's log file, which redacts secrets), and
last its result (run summaries) or the error in the clerk's words.

The child reads credentials from the same keyring (the OS keyring, or the backend named by
``PYTHON_KEYRING_BACKEND``). A run stays in this process when a child could not do the same
work: an in-memory keyring or database, or a service built with its own engine parts (tests,
benches), or ``ECDESK_RUNS_IN_PROCESS=1``.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import keyring

from ecdesk.errors import ChildRunError
from ecdesk.sync.engine import CancelToken, Progress, RunSummary

log = logging.getLogger(__name__)

MARK = "@ecdesk "
#: what a child may be asked to run: the service's long, writing runs
OPS = ("sync", "sync_many", "retry", "retry_all")
IN_PROCESS_ENV = "ECDESK_RUNS_IN_PROCESS"
CHILD_COMMAND = "run-job"


# --- arguments and results as JSON -------------------------------------------------------
def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_encode(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _encode(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "$datetime" in value:
            return datetime.fromisoformat(value["$datetime"])
        if "$date" in value:
            return date.fromisoformat(value["$date"])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def _summary(value: Any) -> Any:
    """A result as the service returns it: a run summary or a list of them."""
    if isinstance(value, list):
        return [_summary(v) for v in value]
    if isinstance(value, dict):
        return RunSummary(**value)
    return value


# --- the parent's side ---------------------------------------------------------------------
def in_process_reason(db_url: str, own_parts: bool) -> str | None:
    """Why a child process cannot run this service's jobs, or None when it can."""
    if os.environ.get(IN_PROCESS_ENV) == "1":
        return f"{IN_PROCESS_ENV}=1"
    if own_parts:
        return "the service was built with its own engine parts"
    if db_url in ("sqlite://", "sqlite:///:memory:") or ":memory:" in db_url:
        return "the database is in memory"
    backend = type(keyring.get_keyring())
    if backend.__module__ == "__main__" or getattr(backend, "per_process", False):
        return "the keyring lives in this process only"
    return None


def child_command() -> list[str]:
    """The program that runs a job: this app's own executable (frozen) or ``python -m``."""
    if getattr(sys, "frozen", False):  # the console twin has real pipes (no window shows)
        exe = Path(sys.executable)
        cli = exe.with_name(exe.name.replace("ecdesk", "ecdesk-cli", 1))
        return [str(cli if cli.exists() else exe), CHILD_COMMAND]
    return [sys.executable, "-m", "ecdesk", CHILD_COMMAND]


def run_in_child(db_url: str, op: str, kwargs: dict[str, Any], *,
                 progress: Progress, cancel: CancelToken | None) -> Any:
    """Run ``op`` of a service on ``db_url`` in a child process (module docstring) and
    return what the service would have returned; progress arrives as it happens."""
    if op not in OPS:
        raise ValueError(f"not a job a child runs: {op}")
    backend = type(keyring.get_keyring())
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": f"{backend.__module__}.{backend.__qualname__}",
           "PYTHONIOENCODING": "utf-8"}
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console flashing on Windows
    proc = subprocess.Popen(child_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, encoding="utf-8", errors="replace",
                            creationflags=flags)
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    stderr: list[str] = []
    readers = [threading.Thread(target=lambda: stderr.extend(proc.stderr), daemon=True)]
    done = threading.Event()
    if cancel is not None:
        readers.append(threading.Thread(target=_pass_cancel, args=(cancel, done, proc.stdin),
                                        daemon=True))
    try:
        proc.stdin.write(json.dumps({"db": db_url, "op": op, "kwargs": _encode(kwargs)}) + "\n")
        proc.stdin.flush()
    except OSError:
        pass  # it died at once: its exit code and stderr say why, below
    for t in readers:
        t.start()
    outcome: dict[str, Any] = {}
    try:
        for line in proc.stdout:
            if not line.startswith(MARK):
                log.info("sync process: %s", line.rstrip())
                continue
            msg = json.loads(line[len(MARK):])
            if "progress" in msg:
                progress(*msg["progress"])
            elif "log" in msg:
                name, level, text = msg["log"]
                logging.getLogger(name).log(level, "[sync process] %s", text)
            else:
                outcome = msg
    finally:
        code = proc.wait()
        done.set()
        readers[0].join(timeout=5)
        try:
            proc.stdin.close()
        except OSError:
            pass
    if "result" in outcome:
        return _summary(_decode(outcome["result"]))
    if "error" in outcome:
        raise ChildRunError(outcome["error"])
    detail = "".join(stderr).strip().splitlines()[-1:] or [f"exit code {code}"]
    log.error("the sync process stopped without a result (exit code %s): %s", code,
              "".join(stderr)[-4000:])
    raise ChildRunError(
        "The sync stopped unexpectedly (" + detail[0][:200] + "). Nothing was posted twice: "
        "the next sync carries on where it stopped. Details are in the log file (Tools).")


def _pass_cancel(cancel: CancelToken, done: threading.Event, stdin: IO[str]) -> None:
    """Tell the child once the clerk cancels (checked a few times a second)."""
    while not done.is_set():
        if cancel.wait(0.2):
            try:
                stdin.write("cancel\n")
                stdin.flush()
            except (OSError, ValueError):
                pass
            return


# --- the child's side ----------------------------------------------------------------------
class _PipeLog(logging.Handler):
    """The child's log records go to the parent, which writes its log file."""

    def __init__(self, emit: Callable[[dict[str, Any]], None]) -> None:
        super().__init__(logging.INFO)
        self._send = emit

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = record.getMessage()
            if record.exc_info:
                text += "\n" + logging.Formatter().formatException(record.exc_info)
            self._send({"log": [record.name, record.levelno, text]})
        except Exception:  # pragma: no cover - logging must never stop the run
            self.handleError(record)


def child_main(stdin: IO[str] | None = None, stdout: IO[str] | None = None) -> int:
    """``ecdesk run-job``: read one job from stdin, run it, answer on stdout (module
    docstring). Exit 0 with a result, 1 with an error."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    if hasattr(stdout, "reconfigure"):
        stdout.reconfigure(encoding="utf-8")  # a clerk's words in Malay or Chinese
    lock = threading.Lock()

    def send(msg: dict[str, Any]) -> None:
        with lock:
            stdout.write(MARK + json.dumps(msg, ensure_ascii=False) + "\n")
            stdout.flush()

    root = logging.getLogger()
    root.handlers[:] = [_PipeLog(send)]
    root.setLevel(logging.INFO)
    job = json.loads(stdin.readline() or "{}")
    cancel = CancelToken()

    def listen() -> None:
        for line in stdin:
            if line.strip() == "cancel":
                break
        cancel.cancel()  # Cancel pressed, or the window went away (stdin closed)

    threading.Thread(target=listen, daemon=True).start()
    from ecdesk.service import Service
    from ecdesk.wording import explain

    try:
        if job.get("op") not in OPS:
            raise ValueError(f"not a job a child runs: {job.get('op')}")
        svc = Service(job["db"])
        try:
            result = getattr(svc, job["op"])(
                **_decode(job.get("kwargs") or {}),
                progress=lambda done, total, text: send({"progress": [done, total, text]}),
                cancel=cancel)
        finally:
            svc.close()
    except Exception as exc:
        log.exception("the %s job failed", job.get("op"))
        send({"error": explain(exc)})
        return 1
    send({"result": _encode(result)})
    return 0
