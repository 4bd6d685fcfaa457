"""The log file: ``ecdesk.log`` in the user's data folder, rotating, never holding a secret.

:func:`setup_logging` is called once per process by the command line and the window (both
start in ``ecdesk.cli.run``). Every unhandled exception (main thread, other threads, a Qt
slot) is written there with its traceback, since a clerk running the window never sees one.
Lines pass through :func:`redact` on the way out, so a credential that slips into a message,
a URL or a traceback is masked; secrets are kept out of messages in the first place.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from ecdesk.db import data_dir

LOG_NAME = "ecdesk.log"
MAX_BYTES = 2_000_000
BACKUPS = 4  # ecdesk.log.1 .. .4: at most 10 MB in all
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"
#: Chatty loggers kept out of the file unless the user asks for detail (``-v``).
QUIET_UNLESS_VERBOSE = ("httpx", "httpcore")

log = logging.getLogger(__name__)

_SECRET_NAMES = (
    r"access_token|refresh_token|token|secret|client_secret|consumer_key|consumer_secret|"
    r"partner_key|app_secret|api_key|apikey|key_id|password|passwd|pwd|sign|signature|"
    r"oauth_signature|oauth_consumer_key"
)
_PATTERNS = (
    # key=value, "key": "value", key: value (query strings, JSON, reprs)
    (re.compile(rf"(?i)(\b(?:{_SECRET_NAMES})\b[\"']?\s*[:=]\s*[\"']?)[^\s\"'&,;)}}\]]+"),
     r"\1***"),
    # Authorization headers
    (re.compile(r"(?i)\b(Bearer|Basic|Digest)\s+[A-Za-z0-9._~+/=-]{6,}"), r"\1 ***"),
    # user:password@ in database and HTTP URLs
    (re.compile(r"(://[^/\s:@]+:)[^@\s/]+@"), r"\1***@"),
)


def log_path() -> Path:
    """Where the log file is (whether or not anything was written yet)."""
    return data_dir() / LOG_NAME


def redact(text: str) -> str:
    """``text`` with anything shaped like a credential masked."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFormatter(logging.Formatter):
    """Formats as usual (traceback included), then masks credentials in the whole text."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class _QuietFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or not record.name.startswith(
            QUIET_UNLESS_VERBOSE)


_handlers: list[logging.Handler] = []
_previous_hooks: tuple | None = None
_previous_root_level: int | None = None


def setup_logging(*, verbose: bool = False, path: Path | None = None) -> Path:
    """Log INFO and above to the rotating file (and WARNING, or INFO with ``verbose``, to
    stderr when there is one); install the unhandled-exception hooks. Calling it again
    replaces what the previous call set up. Returns the log file's path."""
    stop_logging()
    global _previous_root_level
    path = path or log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    formatter = RedactingFormatter(FORMAT)
    file_handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                       encoding="utf-8", delay=True)
    file_handler.setLevel(logging.INFO)
    file_handler.setFormatter(formatter)
    if not verbose:
        file_handler.addFilter(_QuietFilter())
    _handlers.append(file_handler)
    if sys.stderr is not None:  # a Windows app without a console has no stderr
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.INFO if verbose else logging.WARNING)
        console.setFormatter(RedactingFormatter("%(levelname)s %(message)s"))
        _handlers.append(console)
    root = logging.getLogger()
    _previous_root_level = root.level
    root.setLevel(min(root.level or logging.INFO, logging.INFO))
    for handler in _handlers:
        root.addHandler(handler)
    _install_hooks()
    return path


def stop_logging() -> None:
    """Undo :func:`setup_logging` (tests; a second call to it)."""
    global _previous_hooks, _previous_root_level
    root = logging.getLogger()
    while _handlers:
        handler = _handlers.pop()
        root.removeHandler(handler)
        handler.close()
    if _previous_root_level is not None:
        root.setLevel(_previous_root_level)
        _previous_root_level = None
    if _previous_hooks is not None:
        sys.excepthook, threading.excepthook = _previous_hooks
        _previous_hooks = None


def _install_hooks() -> None:
    global _previous_hooks
    previous_sys, previous_thread = sys.excepthook, threading.excepthook
    _previous_hooks = (previous_sys, previous_thread)

    def sys_hook(kind: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
        if not issubclass(kind, KeyboardInterrupt):
            log.critical("Unhandled error", exc_info=(kind, exc, tb))
        previous_sys(kind, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if not issubclass(args.exc_type, SystemExit):
            name = args.thread.name if args.thread else "?"
            log.critical("Unhandled error in thread %s", name,
                         exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
        previous_thread(args)

    sys.excepthook = sys_hook
    threading.excepthook = thread_hook
