"""Serve the mirrored site over real HTTP on loopback: a site host and an asset host.

    with MirrorServer.from_content() as mirror:
        httpx.get(mirror.url + "/wp-sitemap.xml")
        httpx.get(mirror.asset_url + "/uploads/<file>.pdf")
        mirror.set_status("/publications/<slug>/", 410)   # a withdrawal
        mirror.update(later_pubs)                          # a later state of the site

Each 200 carries a strong ETag and Last-Modified; If-None-Match (which takes precedence,
RFC 9110 13.2.2) and If-Modified-Since are answered with 304. `?paged=N` on
`/publications/` serves the same page as `/publications/page/N/`; `/?p=ID` and
`/?post_type=publication&p=ID` redirect (301) to the publication, as WordPress does;
a path without its trailing slash redirects to the slashed one.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .content import MirrorPublication, load_publications
from .render import Resource, build_site

__all__ = ["MirrorServer", "RequestRecord", "start_mirror", "main"]


@dataclass(frozen=True)
class RequestRecord:
    """One request the mirror answered."""

    method: str
    path: str  # path and query as requested
    status: int
    conditional: bool  # the request carried If-None-Match or If-Modified-Since
    host: str  # "site" or "assets"
    user_agent: str = ""
    at: float = field(default=0.0)


@dataclass
class _Override:
    status: int
    headers: dict[str, str]
    body: bytes | None = None


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # do not wait for idle keep-alive connections on close
    allow_reuse_address = True
    request_queue_size = 128  # socketserver's 5 drops a parallel client's connections (urlwatch)

    def __init__(self, addr, mirror: MirrorServer, role: str):
        self.mirror = mirror
        self.role = role
        super().__init__(addr, _Handler)

    def handle_error(self, request, client_address):  # quiet: clients hang up mid-reply
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Apache"
    sys_version = ""
    timeout = 10  # idle keep-alive connections end after this

    def log_message(self, format, *args):  # noqa: A002 - quiet
        pass

    def do_GET(self):
        self._answer(head=False)

    def do_HEAD(self):
        self._answer(head=True)

    def _not_allowed(self):
        self._send(405, {"Allow": "GET, HEAD", "Content-Type": "text/plain"}, b"", False)

    do_POST = do_PUT = do_DELETE = do_PATCH = _not_allowed

    def setup(self):
        super().setup()
        try:  # headers and body go out in one write; no Nagle / delayed-ACK stalls
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass

    def _send(self, status, headers, body, head):
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self._headers_buffer.append(b"\r\n")
        if not head and body:
            self._headers_buffer.append(body)
        self.flush_headers()

    def _answer(self, *, head: bool):
        mirror: MirrorServer = self.server.mirror
        role = self.server.role
        conditional = bool(self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"))
        status, headers, body = mirror._respond(role, self.path, self.headers)
        mirror._log(RequestRecord(self.command, self.path, status, conditional, role,
                                  self.headers.get("User-Agent", ""), time.time()))
        try:
            self._send(status, headers, body, head)
        except (BrokenPipeError, ConnectionResetError):
            pass


def _http_date(dt: datetime) -> str:
    return format_datetime(dt.astimezone(timezone.utc), usegmt=True)


def _etag_matches(header: str, etag: str) -> bool:
    """Weak comparison (RFC 9110 13.1.2), as If-None-Match uses."""
    if header.strip() == "*":
        return True
    opaque = etag.removeprefix("W/")
    return any(t.strip().removeprefix("W/") == opaque for t in header.split(","))


class MirrorServer:
    """Two loopback HTTP listeners (site and asset host) over a swappable resource map."""

    def __init__(self, resources: dict[str, Resource] | None = None, *, host: str = "127.0.0.1"):
        self._lock = threading.RLock()
        self._resources: dict[str, Resource] = dict(resources or {})
        self._overrides: dict[str, _Override] = {}
        self._log_records: list[RequestRecord] = []
        self.publications: list[MirrorPublication] = []
        self.sitemap_style = "core"
        self._site = _Server((host, 0), self, "site")
        self._assets = _Server((host, 0), self, "assets")
        self.url = f"http://{host}:{self._site.server_address[1]}"
        self.asset_url = f"http://{host}:{self._assets.server_address[1]}"
        self._threads = []
        for srv in (self._site, self._assets):
            t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.1},
                                 name=f"mirror-{srv.role}", daemon=True)
            t.start()
            self._threads.append(t)
        self._closed = False

    # --- construction
    @classmethod
    def from_content(
        cls, directory: Path | str | None = None, *, state: int = 1, nonce: str | None = None,
        sitemap_style: str = "core",
    ) -> MirrorServer:
        """Bind both ports, then build the site from content files with those base URLs."""
        server = cls()
        try:
            server.update(load_publications(directory, state=state), nonce=nonce,
                          sitemap_style=sitemap_style)
        except BaseException:
            server.close()
            raise
        return server

    @classmethod
    def from_publications(cls, pubs: list[MirrorPublication], *, nonce: str | None = None,
                          sitemap_style: str = "core") -> MirrorServer:
        server = cls()
        try:
            server.update(pubs, nonce=nonce, sitemap_style=sitemap_style)
        except BaseException:
            server.close()
            raise
        return server

    # --- state
    def update(self, pubs: list[MirrorPublication], *, nonce: str | None = None,
               built_at: datetime | None = None, sitemap_style: str | None = None) -> None:
        """Atomically swap to the site built from `pubs` (overrides are kept).

        `sitemap_style` ("core" or "seo", see `render.build_site`) sticks for later updates.
        """
        if sitemap_style is not None:
            self.sitemap_style = sitemap_style
        resources = build_site(pubs, base_url=self.url, asset_url=self.asset_url,
                               nonce=nonce, built_at=built_at, sitemap_style=self.sitemap_style)
        self.set_resources(resources)
        with self._lock:
            self.publications = list(pubs)

    def set_resources(self, resources: dict[str, Resource]) -> None:
        with self._lock:
            self._resources = dict(resources)

    @property
    def resources(self) -> dict[str, Resource]:
        with self._lock:
            return dict(self._resources)

    def set_status(self, path: str, status: int, *, headers: dict[str, str] | None = None,
                   body: bytes | None = None) -> None:
        """Answer `path` (exact, without query) with `status` from now on.

        200 clears an earlier override. Useful: 410 / 404 (withdrawal), 500 / 503 with
        `headers={"Retry-After": "1"}` (transient errors), 301 with a Location header.
        """
        with self._lock:
            if status == 200 and not headers and body is None:
                self._overrides.pop(path, None)
            else:
                self._overrides[path] = _Override(status, dict(headers or {}), body)

    def remove(self, path: str) -> None:
        """`path` answers 404 from now on."""
        self.set_status(path, 404)

    def redirect(self, path: str, location: str, status: int = 301) -> None:
        self.set_status(path, status, headers={"Location": location})

    def clear_overrides(self) -> None:
        with self._lock:
            self._overrides.clear()

    # --- request log
    def _log(self, record: RequestRecord) -> None:
        with self._lock:
            self._log_records.append(record)

    @property
    def requests(self) -> list[RequestRecord]:
        """A copy of the request log, oldest first."""
        with self._lock:
            return list(self._log_records)

    def clear_log(self) -> None:
        with self._lock:
            self._log_records.clear()

    # --- answering
    def _lookup(self, role: str, raw_path: str):
        """-> (resource | None, redirect location | None)."""
        parts = urlsplit(raw_path)
        path = parts.path or "/"
        query = parse_qs(parts.query)
        with self._lock:
            resources = self._resources
        if role == "assets":
            if not path.startswith("/uploads/"):
                return None, None
            return resources.get(path), None
        if path.startswith("/uploads/"):
            return None, None
        if path == "/" and "p" in query:
            wanted = query["p"][0]
            for key, res in resources.items():
                if res.post_id is not None and str(res.post_id) == wanted:
                    return None, self.url + key
            return None, None
        if path == "/publications/page/1/":
            return None, self.url + "/publications/"
        if path == "/publications/" and "paged" in query:
            try:
                n = int(query["paged"][0])
            except ValueError:
                n = 1
            path = "/publications/" if n <= 1 else f"/publications/page/{n}/"
        if path in ("/404/", "/410/"):
            return None, None
        res = resources.get(path)
        if res is None and not path.endswith("/") and path + "/" in resources:
            return None, self.url + path + "/" + (f"?{parts.query}" if parts.query else "")
        return res, None

    def _respond(self, role: str, raw_path: str, req_headers) -> tuple[int, dict, bytes]:
        path = urlsplit(raw_path).path or "/"
        with self._lock:
            override = self._overrides.get(path)
            not_found = self._resources.get("/404/")
        if override is not None and override.status != 200:
            body = override.body
            ctype = "text/plain; charset=utf-8"
            if body is None:
                page = self._resources.get(f"/{override.status}/") if role == "site" else None
                if page is not None:
                    body, ctype = page.body, page.content_type
                else:
                    body = f"{override.status}\n".encode()
            headers = {"Content-Type": ctype, **override.headers}
            return override.status, headers, body
        res, location = self._lookup(role, raw_path)
        if location:
            return 301, {"Location": location, "Content-Type": "text/html; charset=UTF-8"}, b""
        if res is None:
            if not_found is not None and role == "site":
                return 404, {"Content-Type": not_found.content_type}, not_found.body
            return 404, {"Content-Type": "text/plain; charset=utf-8"}, b"Not Found\n"
        headers = {"Content-Type": res.content_type, **res.headers}
        if res.status != 200:
            return res.status, headers, res.body
        headers["ETag"] = res.etag
        headers["Last-Modified"] = _http_date(res.last_modified)
        headers["Cache-Control"] = "max-age=0, must-revalidate"
        inm = req_headers.get("If-None-Match")
        ims = req_headers.get("If-Modified-Since")
        fresh = False
        if inm is not None:
            fresh = _etag_matches(inm, res.etag)
        elif ims is not None:
            try:
                since = parsedate_to_datetime(ims)
                if since.tzinfo is None:
                    since = since.replace(tzinfo=timezone.utc)
                fresh = res.last_modified <= since
            except (TypeError, ValueError, IndexError):
                fresh = False
        if fresh:
            keep = {k: v for k, v in headers.items() if k != "Content-Type"}
            return 304, keep, b""
        return 200, headers, res.body

    # --- lifecycle
    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for srv in (self._site, self._assets):
            srv.shutdown()
            srv.server_close()
        for t in self._threads:
            t.join(timeout=5)

    def __enter__(self) -> MirrorServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<MirrorServer site={self.url} assets={self.asset_url}>"


def start_mirror(
    directory: Path | str | None = None, *, state: int = 1, sitemap_style: str = "core"
) -> MirrorServer:
    """A running mirror of the bundled content (background threads); call `.close()`."""
    return MirrorServer.from_content(directory, state=state, sitemap_style=sitemap_style)


def main(argv: list[str] | None = None) -> int:
    """`python -m watcher.mirror.server [--state 2]`: serve until interrupted."""
    import argparse

    parser = argparse.ArgumentParser(description="Serve the offline HMICFRS mirror.")
    parser.add_argument("--content", help="content directory (default: the bundled one)")
    parser.add_argument("--later", action="store_true", help="serve the later state")
    parser.add_argument("--seo-sitemaps", action="store_true",
                        help="an SEO plugin's /sitemap_index.xml instead of core sitemaps")
    args = parser.parse_args(argv)
    mirror = start_mirror(args.content, sitemap_style="seo" if args.seo_sitemaps else "core")
    if args.later:
        from .states import later_state

        pubs, _ = later_state(mirror.publications, directory=args.content)
        mirror.update(pubs)
    print(f"site:   {mirror.url}/\nassets: {mirror.asset_url}/uploads/\nCtrl-C to stop.",
          flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        mirror.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
