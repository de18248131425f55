"""Shared fixtures: the bundled site mirror on a loopback port, and a fresh store.

Nothing here reaches beyond 127.0.0.1.
"""

from __future__ import annotations

import pytest

from store.db import Store
from watcher.config import Config
from watcher.mirror.server import MirrorServer
from watcher.scan import make_fetcher, run_scan


@pytest.fixture
def mirror():
    """The bundled mirror, state 1, served on two free loopback ports (site and assets)."""
    with MirrorServer.from_content() as server:
        yield server


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "watch.db") as s:
        yield s


@pytest.fixture
def scan(store):
    """scan(site_url, **kw) -> ScanResult, with no politeness delay (loopback only)."""

    def _scan(site: str, *, full: bool = False, **fetcher_kw):
        config = Config(site=site, db=store.path, delay=0.0)
        fetcher_kw.setdefault("retries", 1)
        fetcher_kw.setdefault("backoff", 0.01)
        with make_fetcher(config, cache=store, **fetcher_kw) as fetcher:
            return run_scan(store, fetcher, site, full=full)

    return _scan
