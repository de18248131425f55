"""Sixth held-out site: built blind, in a theme unlike the five before it.

The site (tests/heldout6/) was built by a helper who read only docs/counting-rules.md and
the site model (what is known of HMICFRS and of real WordPress), never the parser or the
earlier sites: 24 publications with prose of its own, metadata in key-facts card grids,
tag chips, a sentence, or JSON-LD only, and findings in cards, accordions, tables, <dl>s,
tabbed panels, "R1"/"AFI 3" paragraphs and custody-style numbered paragraphs. The expected
counts are its careful reading under the counting rules. The first run is recorded in
tests/heldout6/FIRST_RUN.md, measured before anything was changed for this site.
"""

from __future__ import annotations

import pytest

from heldout6.site import resources
from heldout6.content import EXPECTED, PUBS, TRIO
from store.db import Store
from watcher.config import Config
from watcher.mirror.server import MirrorServer
from watcher.scan import make_fetcher, run_scan

KEYS = ("recommendations", "recommendations_to_chief_constables", "areas_for_improvement",
        "causes_of_concern")


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    server = MirrorServer()
    server.set_resources(resources(server.url, server.asset_url))
    try:
        with Store(tmp_path_factory.mktemp("h6") / "watch.db") as store:
            config = Config(site=server.url, db=store.path, delay=0.0)
            with make_fetcher(config, cache=store, retries=1, backoff=0.01) as fetcher:
                result = run_scan(store, fetcher, server.url)
            rows = {r["slug"]: r for r in store.reports()}
            yield result, rows
    finally:
        server.close()


def _got(row) -> dict:
    return {k: row.get(k) or 0 for k in KEYS}


def test_every_publication_is_found(scanned):
    result, rows = scanned
    assert result.ok, result.errors
    assert set(rows) == {p.slug for p in PUBS}


@pytest.mark.parametrize("slug", [p.slug for p in PUBS])
def test_metadata(scanned, slug):
    _, rows = scanned
    pub = next(p for p in PUBS if p.slug == slug)
    row = rows[slug]
    assert row["title"] == pub.title
    assert row["published"] == pub.published.isoformat()
    assert sorted(row["forces"] or []) == sorted(pub.forces)
    assert sorted(row["services"] or []) == sorted(pub.services)


@pytest.mark.parametrize("slug", [p.slug for p in PUBS])
def test_counts_per_report(scanned, slug):
    _, rows = scanned
    assert _got(rows[slug]) == EXPECTED[slug]


def test_committee_trio(scanned):
    _, rows = scanned
    assert [_got(rows[s]) for s in TRIO] == [EXPECTED[s] for s in TRIO]
