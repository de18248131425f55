"""Shared machinery for the reliability tests: the mirror behind a fault-injecting server.

`FaultSite` renders the bundled mirror (a small, representative subset of it, so each
scan is fast) and serves every resource through two `tests/faultserver.FaultServer`s,
one for the site and one for the asset host. Real HTTP faults (resets, hangs,
truncation, dribbling, bombs) can then be scripted on any one path.

`dump(store)` is the normalised database content two scans are compared on: reports
with their counts, documents and findings, and the set of (slug, kind) events -- no
timestamps, ids or ports.
"""

from __future__ import annotations

import sqlite3
import sys
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/ (faultserver)

import socket
import threading

import faultserver
from faultserver import FaultServer

from store.db import Store
from watcher.config import Config
from watcher.mirror.content import load_publications
from watcher.mirror.render import build_site
from watcher.mirror.states import later_state
from watcher.scan import make_fetcher, run_scan

#: Small client limits: every fault resolves in well under a second.
FAST = dict(timeout=0.5, retries=1, backoff=0.01, max_retry_after=1, max_duration=2.0)

#: One of each shape the scan handles differently.
SLUGS = {
    "html": "an-inspection-of-police-use-of-domestic-abuse-protection-orders",  # HTML report, no PDF
    "both": "peel-2023-25-northumbria-police",  # HTML report and a PDF
    "pdf": "lancashire-constabulary-accelerated-cause-of-concern-letter",  # PDF only
    "meta": "an-inspection-of-the-police-response-to-hate-crime",  # HTML report; title fixed later
    "gone": "hmicfrs-business-plan-2024-25",  # PDF only; withdrawn later
    "plain": "peel-2023-25-cumbria-constabulary",  # HTML report
}
BUILT_AT = datetime(2025, 10, 6, 9, 0, tzinfo=UTC)


def subset_publications():
    pubs = {p.slug: p for p in load_publications(None, state=1)}
    return [pubs[s] for s in SLUGS.values()]


def later_publications(pubs):
    """The subset's later state: title fix, a gained recommendation, a new document, a withdrawal."""
    later, expected = later_state(pubs, new=[])
    # and a lastmod-only bump of the PDF-only letter: refetched, nothing changes
    later = [p.replace(lastmod=p.lastmod + timedelta(days=3)) if p.slug == SLUGS["pdf"] else p
             for p in later]
    return later, expected


class _NoDelayHandler(faultserver._Handler):
    def setup(self) -> None:
        super().setup()
        # Headers and body go out in separate writes: without this, Nagle's algorithm
        # and delayed ACKs add ~40 ms to every response.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class QuickFaultServer(FaultServer):
    """A FaultServer whose responses are not held back by Nagle's algorithm."""

    def start(self) -> QuickFaultServer:
        httpd = faultserver._Server((self.host, 0), _NoDelayHandler)
        httpd.owner = self
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True,
            name=f"QuickFaultServer:{self.port}",
        )
        self._thread.start()
        return self


class FaultSite:
    """The rendered mirror served by a site FaultServer and an asset FaultServer."""

    def __init__(self) -> None:
        self.site = QuickFaultServer().start()
        self.assets = QuickFaultServer().start()
        self.url = self.site.url("")
        self.asset_url = self.assets.url("")
        self.pubs: list = []

    def load(self, pubs) -> None:
        """Serve the site built from `pubs`; every scripted fault is dropped."""
        resources = build_site(pubs, base_url=self.url, asset_url=self.asset_url,
                               nonce="fixednonce", built_at=BUILT_AT)
        for srv in (self.site, self.assets):
            with srv._lock:
                srv._routes.clear()
        for path, res in resources.items():
            if path in ("/404/", "/410/"):
                continue
            srv = self.assets if path.startswith("/uploads/") else self.site
            srv.route(
                path,
                res.body,
                status=res.status,
                content_type=res.content_type,
                headers=dict(res.headers),
                etag=res.etag if res.status == 200 else None,
                last_modified=format_datetime(res.last_modified, usegmt=True) if res.status == 200 else None,
                conditional=res.status == 200,
            )
        self.pubs = list(pubs)

    def server_for(self, path: str) -> FaultServer:
        return self.assets if path.startswith("/uploads/") else self.site

    def fault(self, path: str, *faults) -> None:
        self.server_for(path).add_faults(path, *faults)

    def replace(self, path: str, body, **kw) -> None:
        """Serve `body` at `path` instead (content_type etc. as FaultServer.route)."""
        self.server_for(path).route(path, body, **kw)

    def body(self, path: str) -> bytes:
        return self.server_for(path)._routes[path].body

    def clear_logs(self) -> None:
        self.site.clear_log()
        self.assets.clear_log()

    def close(self) -> None:
        self.site.stop()
        self.assets.stop()

    # paths of the subset
    def page(self, key: str) -> str:
        return f"/publications/{SLUGS[key]}/"

    def report(self, key: str) -> str:
        return f"/publication-html/{SLUGS[key]}/"

    def pdf(self, key: str) -> str:
        pub = next(p for p in self.pubs if p.slug == SLUGS[key])
        return f"/uploads/{pub.pdf_file}"


def scan_into(store: Store, site_url: str, *, full: bool = False, **fetcher_kw):
    kw = dict(FAST)
    kw.update(fetcher_kw)
    config = Config(site=site_url, db=store.path, delay=0.0)
    with make_fetcher(config, cache=store, **kw) as fetcher:
        return run_scan(store, fetcher, site_url, full=full)


def dump(store_or_path, *origins: str) -> dict:
    """Normalised content: reports (counts, documents, findings, status) and event keys."""
    path = store_or_path.path if isinstance(store_or_path, Store) else store_or_path
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row

    def norm(value):
        if isinstance(value, str):
            for i, origin in enumerate(origins):
                value = value.replace(origin, f"<origin{i}>")
        return value

    reports = {}
    try:
        for r in con.execute("SELECT * FROM publications ORDER BY slug"):
            row = {k: norm(r[k]) for k in r.keys() if k not in (
                "id", "first_seen", "last_changed", "last_checked")}
            row["findings"] = [
                tuple(norm(f[k]) for k in f.keys() if k not in ("id", "publication_id"))
                for f in con.execute(
                    "SELECT * FROM findings WHERE publication_id = ? ORDER BY ordinal", (r["id"],))
            ]
            reports[r["slug"]] = row
        events = sorted({(e["slug"], e["kind"]) for e in con.execute("SELECT slug, kind FROM events")})
    finally:
        con.close()
    return {"reports": reports, "events": events}


def event_keys(result) -> list[tuple[str, str]]:
    return sorted((e.slug, e.kind) for e in result.events)


@pytest.fixture(scope="session")
def fsite():
    site = FaultSite()
    try:
        yield site
    finally:
        site.close()


@pytest.fixture
def site(fsite):
    """The session's FaultSite at state 1, with no faults and empty logs."""
    fsite.load(subset_publications())
    fsite.clear_logs()
    yield fsite
    fsite.load(subset_publications())


@pytest.fixture(scope="session")
def reference(fsite, tmp_path_factory):
    """Fault-free dumps: after a backfill of state 1, and after a scan of the later state."""
    path = tmp_path_factory.mktemp("reference")
    pubs = subset_publications()
    fsite.load(pubs)
    with Store(path / "ref.db") as store:
        first = scan_into(store, fsite.url)
        assert first.ok, first.errors
        backfill = dump(store, fsite.url, fsite.asset_url)
        store.close()
    # keep a copy of the state-1 database for update scenarios
    base_db = path / "base.db"
    _copy_db(path / "ref.db", base_db)
    later, expected = later_publications(pubs)
    fsite.load(later)
    with Store(path / "ref.db") as store:
        second = scan_into(store, fsite.url)
        assert second.ok, second.errors
        assert {(s, k) for s, k in event_keys(second)} == {
            (s, k) for s, kinds in expected.items() for k in kinds}
        updated = dump(store, fsite.url, fsite.asset_url)
    fsite.load(pubs)
    return {"backfill": backfill, "updated": updated, "base_db": base_db,
            "later": later, "expected": expected}


def _copy_db(src: Path, dst: Path) -> None:
    s = sqlite3.connect(src)
    d = sqlite3.connect(dst)
    try:
        s.backup(d)
    finally:
        d.close()
        s.close()
