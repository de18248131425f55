"""A fault-injecting HTTP/1.1 server on 127.0.0.1 for fetch- and scan-level tests.

It stands in for the HMICFRS site (and, on a second instance, its asset host) so tests
can prove the watcher stays correct when the network misbehaves. Stdlib only: a
``ThreadingHTTPServer`` on an ephemeral port in a daemon thread.

Usage::

    with FaultServer() as srv:                      # starts; stops on exit
        srv.robots("User-agent: *\\nDisallow: /private/\\nSitemap: /wp-sitemap.xml\\n")
        srv.route("/publications/x/", body="<html>...</html>",
                  faults=[Fault.burst(503, n=2)])    # first 2 requests 503, then 200
        srv.redirect("/old/", "/publications/x/")   # 301
        fetch(srv.url("/publications/x/"))
        assert srv.hits("/publications/x/") == 3
        srv.log                                      # list[LoggedRequest], in arrival order

Routes (``srv.route(path, body=..., ...)``)
    ``path`` matches the request path exactly (with its query string if the route has
    one, else ignoring the query). Unknown paths get 404. Re-routing a path replaces it,
    so a test can change a page between two scans. ``body`` is bytes, str (encoded as
    utf-8) or a :class:`Stream` (generated lazily, never held in memory). Every bytes
    route gets an ETag (sha1 of the body) and a fixed Last-Modified and answers
    If-None-Match / If-Modified-Since with 304, unless ``etag=None`` /
    ``last_modified=None`` / ``conditional=False``. ``gzip=True`` compresses when the
    client accepts it; ``content_encoding="gzip"`` declares an already-encoded body
    (see :func:`gzip_bomb`). ``content_type`` may be anything, wrong charsets included.

Faults (``faults=[...]``, checked in order; each applies to its next ``n`` requests,
``n=None`` for every request; when all are used up the route answers normally)
    ``Fault.burst(503, n=2)`` / ``Fault.status_code(500)`` an error status (n=None: always)
    ``Fault.rate_limited(7)``                              429 + ``Retry-After: 7``
    ``Fault.rate_limited(30, status=503, http_date=True)`` Retry-After as an HTTP-date
    ``Fault.timeout(hang=5)``                              read the request, answer nothing
    ``Fault.reset()`` / ``Fault.reset(after_bytes=100)``   TCP RST before / mid-body
    ``Fault.truncate(keep=100)``                           full Content-Length, fewer bytes, FIN
    ``Fault.dribble(chunk=1, interval=0.05)``              body trickles out slowly
    ``Fault.redirect(location, status=302)``               redirect (loops, off-site targets)
    ``Fault.with_headers({"Content-Type": ...})``          override response headers

Random faults: ``srv.chaos(rate=0.3, seed=1)`` gives every request (on any route, or
on ``paths``) that has no scripted fault a ``rate`` chance of a fault drawn from
``kinds``; the draw is reproducible for a given seed and request order.

Bodies: :func:`huge_body` (e.g. 50 MB, lazily), :func:`gzip_bomb` (small compressed,
huge decompressed), :data:`MALFORMED` (broken HTML / XML / PDF samples).

The request log records method, path, headers (lower-cased names), HTTP version,
the fault applied, the status sent and how many body bytes were actually written,
so a test can prove a client aborted early or never contacted a host.
"""

from __future__ import annotations

import dataclasses
import gzip as _gzip
import hashlib
import random
import socket
import sys
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

__all__ = [
    "DEFAULT_LAST_MODIFIED",
    "MALFORMED",
    "Fault",
    "FaultServer",
    "LoggedRequest",
    "Route",
    "Stream",
    "gzip_bomb",
    "huge_body",
]

DEFAULT_LAST_MODIFIED = "Mon, 06 Oct 2025 09:00:00 GMT"

#: Broken documents for parser robustness tests (served like any other body).
MALFORMED: dict[str, bytes] = {
    "html": b"<!DOCTYPE html><html><head><title>Broken</title><body><div><p>Unclosed <b>bold"
    b"<table><tr><td>cell<li>stray item</ul></span>&bogus; &#xZZ; \xff\xfe</body",
    "xml": b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/'
    b'schemas/sitemap/0.9"><url><loc>https://example.invalid/a/</loc><lastmod>2025-13-45'
    b"</lastmod></url><url><loc>https://example.invalid/b/</loc",
    "pdf": b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type "
    b"/Pages /Kids [3 0 R] /Count 1 >>\nendobj\nxref\n0 2\ngarbage\ntrailer\n<< /Root 1 0 R",
}


@dataclass(frozen=True)
class Stream:
    """A lazily generated body: ``factory()`` is called per request and never materialised.

    With ``size`` set the server declares it as Content-Length; otherwise it uses
    chunked transfer encoding, so the client cannot know the size in advance.
    """

    factory: Callable[[], Iterable[bytes]]
    size: int | None = None


def huge_body(size: int = 50_000_000, *, declare_length: bool = False, chunk: int = 65536) -> Stream:
    """``size`` bytes of HTML-ish filler, generated chunk by chunk as the client reads."""
    block = (b"<p>filler</p>\n" * (chunk // 14 + 1))[:chunk]

    def generate() -> Iterator[bytes]:
        remaining = size
        while remaining > 0:
            n = min(remaining, len(block))
            yield block[:n]
            remaining -= n

    return Stream(generate, size if declare_length else None)


@lru_cache(maxsize=4)
def gzip_bomb(decompressed_size: int = 64 * 1024 * 1024) -> bytes:
    """A gzip stream of ``decompressed_size`` zero bytes (~1000:1, so 64 MiB -> ~64 KiB).

    Serve it with ``content_encoding="gzip"``. Cached: built once per size per run.
    """
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1 << 20)
    out = []
    remaining = decompressed_size
    while remaining > 0:
        n = min(remaining, len(zeros))
        out.append(comp.compress(zeros[:n]))
        remaining -= n
    out.append(comp.flush())
    return b"".join(out)


@dataclass
class Fault:
    """One scripted misbehaviour; see the module docstring for the menu.

    A Fault counts its own uses: ``route()`` copies the faults it is given, so one
    Fault object may be reused across routes.
    """

    kind: str
    n: int | None = 1
    status: int = 500
    retry_after: int | None = None
    http_date: bool = False
    hang: float = 5.0
    after_bytes: int | None = None
    chunk: int = 1
    interval: float = 0.05
    location: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    used: int = 0

    @property
    def exhausted(self) -> bool:
        return self.n is not None and self.used >= self.n

    @classmethod
    def status_code(cls, status: int, *, n: int | None = None, headers: Mapping[str, str] | None = None) -> Fault:
        """Answer ``status`` (with a short body) to the next ``n`` requests (None: always)."""
        return cls("status", n=n, status=status, headers=dict(headers or {}))

    @classmethod
    def burst(cls, status: int = 503, *, n: int = 2) -> Fault:
        """The first ``n`` requests fail with ``status``, later ones succeed."""
        return cls("status", n=n, status=status)

    @classmethod
    def rate_limited(
        cls, retry_after: int = 5, *, status: int = 429, n: int | None = 1, http_date: bool = False
    ) -> Fault:
        """``status`` (429 or 503) with Retry-After in seconds, or as an HTTP-date."""
        return cls("status", n=n, status=status, retry_after=retry_after, http_date=http_date)

    @classmethod
    def timeout(cls, *, n: int | None = 1, hang: float = 5.0) -> Fault:
        """Read the request and send nothing for ``hang`` seconds (or until the server stops)."""
        return cls("timeout", n=n, hang=hang)

    @classmethod
    def reset(cls, *, n: int | None = 1, after_bytes: int | None = None) -> Fault:
        """TCP RST: before any response, or after headers plus ``after_bytes`` of body."""
        return cls("reset", n=n, after_bytes=after_bytes)

    @classmethod
    def truncate(cls, *, n: int | None = 1, keep: int | None = None) -> Fault:
        """Declare the full Content-Length, send ``keep`` bytes (default half), close."""
        return cls("truncate", n=n, after_bytes=keep)

    @classmethod
    def dribble(cls, *, n: int | None = None, chunk: int = 1, interval: float = 0.05) -> Fault:
        """Send the body ``chunk`` bytes at a time, ``interval`` seconds apart."""
        return cls("dribble", n=n, chunk=chunk, interval=interval)

    @classmethod
    def redirect(cls, location: str, *, status: int = 302, n: int | None = None) -> Fault:
        """Redirect to ``location`` (relative or absolute; loops and off-site welcome)."""
        return cls("redirect", n=n, status=status, location=location)

    @classmethod
    def with_headers(cls, headers: Mapping[str, str], *, n: int | None = None) -> Fault:
        """Serve the route normally but override these response headers."""
        return cls("headers", n=n, headers=dict(headers))


#: The faults ``chaos()`` draws from by default.
CHAOS_KINDS: dict[str, Callable[[], Fault]] = {
    "500": lambda: Fault.status_code(500, n=1),
    "502": lambda: Fault.status_code(502, n=1),
    "503": lambda: Fault.status_code(503, n=1),
    "429": lambda: Fault.rate_limited(1),
    "timeout": lambda: Fault.timeout(),
    "reset": lambda: Fault.reset(),
    "reset_mid_body": lambda: Fault.reset(after_bytes=10),
    "truncate": lambda: Fault.truncate(),
}


@dataclass
class Route:
    """What one path serves; created by :meth:`FaultServer.route`."""

    path: str
    body: bytes | Stream = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    conditional: bool = True
    gzip: bool = False
    content_encoding: str | None = None
    faults: list[Fault] = field(default_factory=list)


@dataclass
class LoggedRequest:
    """One request as the server saw it (``done`` once the handler has finished)."""

    method: str
    path: str
    headers: dict[str, str]
    version: str
    at: float
    fault: str | None = None
    status: int | None = None
    bytes_sent: int = 0
    done: bool = False


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    owner: FaultServer

    def handle_error(self, request: object, client_address: object) -> None:
        # Clients aborting or resetting connections is what these tests provoke.
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server
    timeout = 30  # idle keep-alive connections die eventually
    _now: float | None = None

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        self.server.owner._handle(self)

    def do_HEAD(self) -> None:  # noqa: N802
        self.server.owner._handle(self, head=True)

    def date_time_string(self, timestamp: float | None = None) -> str:
        # Date and an HTTP-date Retry-After come from the same instant, so tests are exact.
        return formatdate(timestamp if timestamp is not None else (self._now or time.time()), usegmt=True)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def finish(self) -> None:
        try:
            super().finish()
        except OSError:
            pass


class FaultServer:
    """A scriptable, misbehaving web server on 127.0.0.1:<ephemeral port>."""

    def __init__(self, *, host: str = "127.0.0.1", seed: int | None = None) -> None:
        self.host = host
        self._routes: dict[str, Route] = {}
        self._log: list[LoggedRequest] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._rng = random.Random(seed)
        self._chaos_rate = 0.0
        self._chaos_kinds: list[Callable[[], Fault]] = []
        self._chaos_paths: set[str] | None = None
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------

    def start(self) -> FaultServer:
        httpd = _Server((self.host, 0), _Handler)
        httpd.owner = self
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True,
            name=f"FaultServer:{self.port}",
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; hanging handlers are released at once."""
        self._stop.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._httpd is not None, "server not started"
        return self._httpd.server_address[1]

    def url(self, path: str = "/", *, host: str | None = None) -> str:
        """Absolute URL; ``host="localhost"`` gives a URL with a *different hostname*."""
        return f"http://{host or self.host}:{self.port}{path}"

    @property
    def origin(self) -> str:
        return self.url("")

    # -- configuration -----------------------------------------------------------------

    def route(
        self,
        path: str,
        body: bytes | str | Stream = b"",
        *,
        status: int = 200,
        content_type: str | None = "text/html; charset=utf-8",
        headers: Mapping[str, str] | None = None,
        etag: str | bool | None = True,
        last_modified: str | bool | None = True,
        conditional: bool = True,
        gzip: bool = False,
        content_encoding: str | None = None,
        faults: Sequence[Fault] = (),
    ) -> Route:
        """Serve ``body`` at ``path`` (replacing any earlier route for it)."""
        data: bytes | Stream = body.encode("utf-8") if isinstance(body, str) else body
        if etag is True:
            etag = (
                '"' + hashlib.sha1(data).hexdigest()[:16] + '"' if isinstance(data, bytes) else None
            )
        if last_modified is True:
            last_modified = DEFAULT_LAST_MODIFIED if isinstance(data, bytes) else None
        route = Route(
            path=path,
            body=data,
            status=status,
            content_type=content_type,
            headers=dict(headers or {}),
            etag=etag or None,
            last_modified=last_modified or None,
            conditional=conditional,
            gzip=gzip,
            content_encoding=content_encoding,
            faults=[dataclasses.replace(f, used=0) for f in faults],
        )
        with self._lock:
            self._routes[path] = route
        return route

    def robots(self, text: str) -> Route:
        return self.route("/robots.txt", text, content_type="text/plain; charset=utf-8")

    def redirect(self, path: str, to: str, *, status: int = 301) -> Route:
        return self.route(path, b"", faults=[Fault.redirect(to, status=status, n=None)])

    def add_faults(self, path: str, *faults: Fault) -> None:
        """Append faults to an existing route (e.g. between two scans)."""
        with self._lock:
            self._routes[path].faults.extend(dataclasses.replace(f, used=0) for f in faults)

    def chaos(
        self,
        rate: float,
        *,
        seed: int | None = None,
        kinds: Iterable[str | Fault] | None = None,
        paths: Iterable[str] | None = None,
    ) -> None:
        """Give unscripted requests a ``rate`` chance of a random fault (reproducible by seed)."""
        if seed is not None:
            self._rng = random.Random(seed)
        chosen: list[Callable[[], Fault]] = []
        for kind in kinds if kinds is not None else CHAOS_KINDS:
            if isinstance(kind, Fault):
                chosen.append(lambda k=kind: dataclasses.replace(k, used=0))
            else:
                chosen.append(CHAOS_KINDS[kind])
        self._chaos_rate = rate
        self._chaos_kinds = chosen
        self._chaos_paths = set(paths) if paths is not None else None

    # -- the log -------------------------------------------------------------------------

    @property
    def log(self) -> list[LoggedRequest]:
        with self._lock:
            return list(self._log)

    def requests(self, path: str | None = None) -> list[LoggedRequest]:
        """Logged requests, optionally only those for ``path`` (query string ignored)."""
        return [r for r in self.log if path is None or urlsplit(r.path).path == path or r.path == path]

    def hits(self, path: str | None = None) -> int:
        return len(self.requests(path))

    def clear_log(self) -> None:
        with self._lock:
            self._log.clear()

    def wait_idle(self, timeout: float = 5.0) -> None:
        """Wait until every logged request's handler has finished (for bytes_sent)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if all(r.done for r in self.log):
                return
            time.sleep(0.01)

    # -- serving ---------------------------------------------------------------------------

    def _match(self, raw_path: str) -> Route | None:
        with self._lock:
            route = self._routes.get(raw_path)
            if route is None:
                route = self._routes.get(urlsplit(raw_path).path)
            return route

    def _pick_fault(self, route: Route | None, path: str) -> Fault | None:
        with self._lock:
            if route is not None:
                for fault in route.faults:
                    if not fault.exhausted:
                        fault.used += 1
                        return fault
            if self._chaos_rate and self._chaos_kinds and (
                self._chaos_paths is None or urlsplit(path).path in self._chaos_paths
            ):
                if self._rng.random() < self._chaos_rate:
                    return self._rng.choice(self._chaos_kinds)()
        return None

    def _handle(self, h: _Handler, *, head: bool = False) -> None:
        now = time.time()
        h._now = now
        entry = LoggedRequest(
            method=h.command,
            path=h.path,
            headers={k.lower(): v for k, v in h.headers.items()},
            version=h.request_version,
            at=now,
        )
        with self._lock:
            self._log.append(entry)
        route = self._match(h.path)
        fault = self._pick_fault(route, h.path)
        entry.fault = fault.kind if fault else None
        try:
            self._respond(h, route, fault, entry, now, head)
        except OSError:  # client went away (the point of several tests)
            h.close_connection = True
        finally:
            entry.done = True

    @staticmethod
    def _rst(h: _Handler) -> None:
        """Close with SO_LINGER 0 so the kernel sends RST instead of FIN."""
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        h.connection.close()
        h.close_connection = True

    def _simple(self, h: _Handler, entry: LoggedRequest, status: int, headers: Mapping[str, str], body: bytes) -> None:
        h.send_response(status)
        for k, v in headers.items():
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if h.command != "HEAD":
            h.wfile.write(body)
            entry.bytes_sent = len(body)
        entry.status = status

    def _respond(
        self, h: _Handler, route: Route | None, fault: Fault | None, entry: LoggedRequest,
        now: float, head: bool,
    ) -> None:
        kind = fault.kind if fault else None
        if fault is not None and kind == "timeout":
            self._stop.wait(fault.hang)
            h.close_connection = True
            return
        if fault is not None and kind == "reset" and fault.after_bytes is None:
            self._rst(h)
            return
        if fault is not None and kind == "status":
            headers = {"Content-Type": "text/plain; charset=utf-8", **fault.headers}
            if fault.retry_after is not None:
                headers["Retry-After"] = (
                    formatdate(int(now) + fault.retry_after, usegmt=True)
                    if fault.http_date
                    else str(fault.retry_after)
                )
                h._now = float(int(now))  # Date header: the same whole second
            self._simple(h, entry, fault.status, headers, f"HTTP {fault.status}\n".encode())
            return
        if fault is not None and kind == "redirect":
            assert fault.location is not None
            self._simple(h, entry, fault.status, {"Location": fault.location}, b"")
            return
        if route is None:
            self._simple(h, entry, 404, {"Content-Type": "text/plain; charset=utf-8"}, b"Not found\n")
            return

        headers: dict[str, str] = {}
        if route.content_type is not None:
            headers["Content-Type"] = route.content_type
        if route.etag:
            headers["ETag"] = route.etag
        if route.last_modified:
            headers["Last-Modified"] = route.last_modified
        headers.update(route.headers)
        if fault is not None and kind == "headers":
            headers.update(fault.headers)

        if route.conditional and route.status == 200 and self._not_modified(h, route):
            h.send_response(304)
            for k in ("ETag", "Last-Modified"):
                if k in headers:
                    h.send_header(k, headers[k])
            h.end_headers()
            entry.status = 304
            return

        body = route.body
        if isinstance(body, bytes):
            if route.gzip and "gzip" in h.headers.get("Accept-Encoding", ""):
                body = _gzip.compress(body, mtime=0)
                headers["Content-Encoding"] = "gzip"
                headers["Vary"] = "Accept-Encoding"
            elif route.content_encoding:
                headers["Content-Encoding"] = route.content_encoding
            chunks: Iterable[bytes] = [body]
            length: int | None = len(body)
        else:
            if route.content_encoding:
                headers["Content-Encoding"] = route.content_encoding
            chunks = body.factory()
            length = body.size

        h.send_response(route.status)
        for k, v in headers.items():
            h.send_header(k, v)
        chunked = length is None
        if chunked:
            h.send_header("Transfer-Encoding", "chunked")
        else:
            h.send_header("Content-Length", str(length))
        h.end_headers()
        entry.status = route.status
        if head:
            return
        self._write_body(h, chunks, chunked, length, fault, entry)

    @staticmethod
    def _not_modified(h: _Handler, route: Route) -> bool:
        inm = h.headers.get("If-None-Match")
        if inm is not None:
            if not route.etag:
                return False
            wanted = {t.strip().removeprefix("W/") for t in inm.split(",")}
            return "*" in wanted or route.etag.removeprefix("W/") in wanted
        ims = h.headers.get("If-Modified-Since")
        if ims and route.last_modified:
            try:
                return parsedate_to_datetime(route.last_modified) <= parsedate_to_datetime(ims)
            except (TypeError, ValueError):
                return False
        return False

    def _write_body(
        self, h: _Handler, chunks: Iterable[bytes], chunked: bool, length: int | None,
        fault: Fault | None, entry: LoggedRequest,
    ) -> None:
        kind = fault.kind if fault else None
        limit: int | None = None
        if fault is not None and kind == "truncate":
            limit = fault.after_bytes if fault.after_bytes is not None else (length or 0) // 2
        elif fault is not None and kind == "reset":
            limit = fault.after_bytes

        def send(piece: bytes) -> None:
            h.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
            entry.bytes_sent += len(piece)

        stopped_early = False
        for chunk in chunks:
            if limit is not None and entry.bytes_sent + len(chunk) >= limit:
                chunk = chunk[: limit - entry.bytes_sent]
                stopped_early = True
            if fault is not None and kind == "dribble":
                for i in range(0, len(chunk), fault.chunk):
                    if self._stop.wait(fault.interval):
                        h.close_connection = True
                        return
                    send(chunk[i : i + fault.chunk])
            elif chunk:
                send(chunk)
            if stopped_early or self._stop.is_set():
                break
        else:
            if chunked:
                h.wfile.write(b"0\r\n\r\n")
        if stopped_early:
            if kind == "reset":
                self._rst(h)
            else:
                h.close_connection = True  # FIN after a short body: the truncation fault
