"""A tiny loopback HTTP server every sandbox builds on.

Each sandbox registers routes (method + regex on the path) and answers :class:`Response`
values. The server runs in a daemon thread on 127.0.0.1 and a free port. Tests can queue
faults (``inject``) that the next matching requests receive before any handler runs, and
give the sandbox a fake clock so expiry and rate limits are tested without sleeping.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from ecdesk.json_codec import dumps, loads

Clock = Callable[[], float]


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    body: bytes
    raw_path: str = ""  # path + query exactly as sent (for signature checks)
    match: re.Match[str] | None = None

    def arg(self, name: str, default: str | None = None) -> str | None:
        values = self.query.get(name)
        return values[-1] if values else default

    def json(self) -> Any:
        return loads(self.body or b"null")

    def form(self) -> dict[str, str]:
        return {k: v[-1] for k, v in parse_qs(self.body.decode("utf-8")).items()}


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def json(cls, payload: Any, status: int = 200, headers: dict[str, str] | None = None):
        hdrs = {"Content-Type": "application/json; charset=utf-8", **(headers or {})}
        return cls(status, dumps(payload), hdrs)

    @classmethod
    def text(cls, text: str, status: int = 200, content_type: str = "text/plain"):
        return cls(status, text.encode("utf-8"), {"Content-Type": content_type})


@dataclass
class Fault:
    """A canned answer for the next ``times`` requests whose path contains ``path``."""

    response: Response | None  # None: close the connection without answering
    times: int = 1
    path: str = ""
    method: str = ""
    after_handler: bool = False  # run the handler (apply the write), then drop/replace answer


Handler = Callable[[Request], Response]


class SandboxServer:
    """Base class: subclasses call :meth:`route` in ``__init__`` and implement handlers."""

    name = "sandbox"
    platform = ""

    def __init__(self, clock: Clock = time.time) -> None:
        self.clock = clock
        self._routes: list[tuple[str, re.Pattern[str], Handler]] = []
        self._faults: list[Fault] = []
        self._lock = threading.RLock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.requests: list[Request] = []  # every request seen, for assertions

    # --- set-up -------------------------------------------------------------------------
    def route(self, method: str, pattern: str, handler: Handler) -> None:
        self._routes.append((method.upper(), re.compile(pattern + r"\Z"), handler))

    def inject(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault)

    def credentials(self) -> dict[str, str]:
        """Demo credentials printed by ``python -m ecdesk sandbox``."""
        return {}

    # --- lifecycle ----------------------------------------------------------------------
    @property
    def url(self) -> str:
        assert self._httpd is not None, "sandbox not started"
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self, port: int = 0) -> SandboxServer:
        sandbox = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body leave at once: no 40 ms ACK wait

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                req = Request(
                    method=self.command,
                    path=parts.path,
                    query=parse_qs(parts.query, keep_blank_values=True),
                    headers={k.lower(): v for k, v in self.headers.items()},
                    body=body,
                    raw_path=self.path,
                )
                resp = sandbox.dispatch(req)
                if resp is None:
                    self.close_connection = True
                    try:
                        self.connection.shutdown(2)
                    except OSError:
                        pass
                    return
                self.send_response(resp.status)
                for k, v in resp.headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(resp.body)))
                self.end_headers()
                self.wfile.write(resp.body)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _serve

        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), _Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True,
                                        name=f"sandbox-{self.name}")
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- dispatch -----------------------------------------------------------------------
    def _take_fault(self, req: Request, after: bool) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.after_handler != after:
                    continue
                if fault.path and fault.path not in req.path:
                    continue
                if fault.method and fault.method.upper() != req.method:
                    continue
                fault.times -= 1
                if fault.times <= 0:
                    self._faults.remove(fault)
                return fault
        return None

    def dispatch(self, req: Request) -> Response | None:
        with self._lock:
            self.requests.append(req)
        fault = self._take_fault(req, after=False)
        if fault is not None:
            return fault.response
        resp = self._handle(req)
        fault = self._take_fault(req, after=True)
        if fault is not None:
            return fault.response
        return resp

    def _handle(self, req: Request) -> Response:
        allowed = False
        for method, pattern, handler in self._routes:
            m = pattern.match(req.path)
            if not m:
                continue
            allowed = True
            if method != req.method:
                continue
            req.match = m
            try:
                with self._lock:
                    return handler(req)
            except Exception as exc:  # a sandbox bug must show, not hang the client
                return self.error(500, f"sandbox error: {exc!r}")
        if allowed:
            return self.error(405, "Method Not Allowed")
        return self.error(404, "Not Found")

    def error(self, status: int, message: str) -> Response:
        """The platform's error shape; subclasses override."""
        return Response.json({"error": message}, status)


def money(value: Decimal | str | int) -> str:
    """Money as the platforms send it in JSON strings: two decimals."""
    return f"{Decimal(value):.2f}"


def json_text(payload: Any) -> str:
    return json.dumps(payload, indent=2, default=str)
