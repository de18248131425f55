"""Serve the output directory's feeds and digests over HTTP (a small WSGI app on waitress).

Only known names are served, matched by pattern and looked up directly in the output
directory, so no request path can reach another file:

    /                      an index page listing what is there
    /feed.xml /feed.atom   the RSS 2.0 / Atom feeds
    /digest-latest.{md,html,docx}, /digest-YYYY-MM-DD[-committee].{md,html,docx}
    /status.json           what the last scheduled scan did
    /calendar.ics          meetings, digest days and what the force owes (iCalendar)

Every file is sent with a strong ETag (a hash of its bytes) and Last-Modified, and a
conditional GET (If-None-Match, else If-Modified-Since) is answered 304, so a feed
reader polling every few minutes costs a few hundred bytes. Files are written by the
jobs atomically (rename), so a response is always one whole version.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import re
import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path

log = logging.getLogger("hmicfrs_watch.serve")

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CONTENT_TYPES = {
    ".xml": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".docx": DOCX,
    ".json": "application/json",
    ".ics": "text/calendar; charset=utf-8",
}
SERVED = re.compile(
    r"(feed\.xml|feed\.atom|status\.json|calendar\.ics"
    r"|digest-(?:latest|\d{4}-\d{2}-\d{2}(?:-[a-z0-9]+(?:-[a-z0-9]+)*)?)\.(?:md|html|docx))"
)
# Digests and the index are our own escaped HTML; still, nothing in them needs more.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
LISTED = ("feed.xml", "feed.atom", "digest-latest.html", "digest-latest.docx", "digest-latest.md",
          "calendar.ics", "status.json")

StartResponse = Callable[[str, list[tuple[str, str]]], object]


def _http_date(ts: float) -> str:
    return formatdate(ts, usegmt=True)


def _etag_matches(header: str, etag: str) -> bool:
    """If-None-Match uses the weak comparison (RFC 9110 13.1.2)."""
    if header.strip() == "*":
        return True
    bare = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == bare for tag in header.split(","))


def _not_modified_since(header: str, mtime: float) -> bool:
    try:
        since = parsedate_to_datetime(header)
    except (TypeError, ValueError, IndexError):
        return False
    if since is None:
        return False
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    return int(mtime) <= since.timestamp()


class FeedApp:
    """The WSGI application: `FeedApp(output_dir)`."""

    def __init__(self, output_dir: str | os.PathLike[str], *, title: str = "hmicfrs-watch"):
        self.root = Path(output_dir)
        self.title = title

    # -- WSGI --

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        path = environ.get("PATH_INFO", "/") or "/"
        if method not in ("GET", "HEAD"):
            return self._plain(start_response, "405 Method Not Allowed", "Only GET and HEAD.\n",
                               method, extra=[("Allow", "GET, HEAD")])
        if path in ("/", "/index.html"):
            body = self.index_page().encode("utf-8")
            return self._send(environ, start_response, body, "text/html; charset=utf-8", None,
                              extra=[("Content-Security-Policy", CSP)])
        name = path[1:]
        if not SERVED.fullmatch(name):
            return self._plain(start_response, "404 Not Found", "Not found.\n", method)
        try:
            with open(self.root / name, "rb") as fh:
                st = os.fstat(fh.fileno())
                body = fh.read()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError):
            return self._plain(start_response, "404 Not Found", "Not found (not written yet).\n", method)
        ctype = CONTENT_TYPES[Path(name).suffix]
        extra = []
        if name.endswith(".html"):
            extra.append(("Content-Security-Policy", CSP))
        if name.endswith(".docx"):
            extra.append(("Content-Disposition", f'attachment; filename="{name}"'))
        return self._send(environ, start_response, body, ctype, st.st_mtime, extra=extra)

    def _send(self, environ, start_response, body: bytes, ctype: str, mtime: float | None, *, extra=()):
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        headers = [
            ("ETag", etag),
            ("Cache-Control", "no-cache"),
            ("X-Content-Type-Options", "nosniff"),
            *extra,
        ]
        if mtime is not None:
            headers.append(("Last-Modified", _http_date(mtime)))
        inm = environ.get("HTTP_IF_NONE_MATCH")
        ims = environ.get("HTTP_IF_MODIFIED_SINCE")
        if inm is not None:
            fresh = _etag_matches(inm, etag)
        else:
            fresh = bool(ims and mtime is not None and _not_modified_since(ims, mtime))
        if fresh:
            start_response("304 Not Modified", headers)
            return [b""]
        headers += [("Content-Type", ctype), ("Content-Length", str(len(body)))]
        start_response("200 OK", headers)
        return [b"" if environ.get("REQUEST_METHOD") == "HEAD" else body]

    @staticmethod
    def _plain(start_response, status: str, text: str, method: str, *, extra=()):
        body = text.encode("utf-8")
        start_response(status, [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("X-Content-Type-Options", "nosniff"),
            *extra,
        ])
        return [b"" if method == "HEAD" else body]

    # -- the index page --

    def files(self) -> list[Path]:
        """What is served now: the main files first, then dated digests, newest first."""
        try:
            names = {p.name for p in self.root.iterdir() if p.is_file() and SERVED.fullmatch(p.name)}
        except OSError:
            return []
        first = [n for n in LISTED if n in names]
        rest = sorted(names - set(first), reverse=True)
        return [self.root / n for n in first + rest]

    def index_page(self) -> str:
        e = html.escape
        rows = []
        for path in self.files():
            try:
                st = path.stat()
            except OSError:
                continue
            when = datetime.fromtimestamp(st.st_mtime, UTC).strftime("%Y-%m-%d %H:%M UTC")
            rows.append(
                f'<tr><td><a href="{e(path.name)}">{e(path.name)}</a></td>'
                f"<td>{e(CONTENT_TYPES[path.suffix].split(';')[0])}</td>"
                f'<td class="n">{st.st_size:,}</td><td>{e(when)}</td></tr>'
            )
        status = ""
        try:
            s = json.loads((self.root / "status.json").read_text(encoding="utf-8"))
            if isinstance(s, dict):
                state = "ok" if s.get("ok") else "FAILED"
                status = (f"<p>Last scan: {e(str(s.get('last_scan', '?')))} ({e(state)}). "
                          f"{e(str(s.get('summary', '')))}</p>")
                errors = s.get("errors") or []
                if errors:
                    status += "<ul>" + "".join(f"<li>{e(str(x))}</li>" for x in errors[:20]) + "</ul>"
        except (OSError, ValueError):
            pass
        table = (
            "<table><tr><th>File</th><th>Type</th><th>Bytes</th><th>Written</th></tr>"
            + "".join(rows) + "</table>"
            if rows else "<p>Nothing written yet: the first scheduled scan writes the feeds.</p>"
        )
        return (
            "<!doctype html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
            f"<title>{e(self.title)}</title>"
            '<link rel="alternate" type="application/rss+xml" title="RSS" href="feed.xml">'
            '<link rel="alternate" type="application/atom+xml" title="Atom" href="feed.atom">'
            "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;padding:0 1em}"
            "td,th{padding:.2em .8em;text-align:left}.n{text-align:right}</style></head><body>"
            f"<h1>{e(self.title)}</h1>"
            "<p>New and changed HMICFRS publications, and the committee digest.</p>"
            f"{status}{table}</body></html>\n"
        )


class FeedServer:
    """waitress serving FeedApp on host:port (port 0 = a free one); `.url`, `.run()`, `.close()`."""

    def __init__(self, output_dir, host: str = "127.0.0.1", port: int = 8080, *, threads: int = 4):
        from waitress.server import create_server

        self.app = FeedApp(output_dir)
        self._map: dict = {}
        self.server = create_server(
            self.app, map=self._map, host=host, port=port, threads=threads,
            ident="hmicfrs-watch", clear_untrusted_proxy_headers=True,
        )
        self.host = self.server.effective_host
        self.port = int(self.server.effective_port)
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in str(self.host) else self.host
        return f"http://{host}:{self.port}"

    def run(self) -> None:
        """Serve until close() (from another thread) or SystemExit / KeyboardInterrupt."""
        from waitress import wasyncore

        adj = self.server.adj
        try:
            # waitress's own loop, one pass at a time, so close() can end it between passes
            while self._map and not self._stopping.is_set():
                wasyncore.loop(timeout=adj.asyncore_loop_timeout, map=self._map,
                               use_poll=adj.asyncore_use_poll, count=1)
        except (SystemExit, KeyboardInterrupt):
            pass
        finally:
            wasyncore.close_all(self._map)
            self.server.task_dispatcher.shutdown()

    def start(self) -> FeedServer:
        """Serve in a background thread (tests, embedding)."""
        self._thread = threading.Thread(target=self.run, name="hmicfrs-watch-serve", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self.server.pull_trigger()  # wake the loop out of select()
            self._thread.join(timeout=10)
        else:
            from waitress import wasyncore

            wasyncore.close_all(self._map)
            self.server.task_dispatcher.shutdown()

    def __enter__(self) -> FeedServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def serve(output_dir, host: str = "127.0.0.1", port: int = 8080, *, on_ready=None) -> None:
    """Serve in the foreground until SIGTERM or Ctrl-C."""
    import signal

    server = FeedServer(output_dir, host, port)

    def _stop(_signum, _frame):
        raise SystemExit(0)  # waitress's loop catches it and shuts its workers down

    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        if on_ready:
            on_ready(server)
        server.run()
    finally:
        signal.signal(signal.SIGTERM, previous)
