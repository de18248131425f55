"""Fifth held-out site: the acceptance measurement for the findings parser.

The site (tests/heldout5/) was built from the site model (rules: docs/counting-rules.md) and
committee-paper.md only, without reading the parser or the earlier held-out sites.
Twenty publications with prose written for this test; the expected counts are a careful
liaison officer's reading. Acceptance: the counts match on at least 95% of reports.
Run once; the first result is recorded in tests/heldout5/FIRST_RUN.md, and failing
assertions stay as they are.
"""

from __future__ import annotations

import pytest

from heldout5.site import EXPECTED, PUBS, TRIO, resources
from store.db import Store
from watcher.config import Config
from watcher.mirror.server import MirrorServer
from watcher.scan import make_fetcher, run_scan

KEYS = ("recommendations", "recommendations_to_chief_constables", "areas_for_improvement",
        "causes_of_concern")
DOC_PREFIXES = ("/publications/", "/publication-html/", "/uploads/")


def _serve() -> MirrorServer:
    server = MirrorServer()
    server.set_resources(resources(server.url, server.asset_url))
    return server


@pytest.fixture
def site5():
    server = _serve()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    """One scan of the site (same path as the `scan` fixture), shared by the count tests."""
    server = _serve()
    try:
        with Store(tmp_path_factory.mktemp("h5") / "watch.db") as store:
            config = Config(site=server.url, db=store.path, delay=0.0)
            with make_fetcher(config, cache=store, retries=1, backoff=0.01) as fetcher:
                result = run_scan(store, fetcher, server.url)
            rows = {r["slug"]: r for r in store.reports()}
            yield result, rows
    finally:
        server.close()


def _got(row) -> dict:
    return {k: row.get(k) or 0 for k in KEYS}


def test_every_publication_is_found(site5, store, scan):
    result = scan(site5.url)
    assert result.ok, result.errors
    assert {r["slug"] for r in store.reports()} == {p.slug for p in PUBS}


def test_metadata(scanned):
    _, rows = scanned
    for pub in PUBS:
        row = rows[pub.slug]
        assert row["title"] == pub.title, pub.slug
        assert row["published"] == pub.published.isoformat(), pub.slug
        assert sorted(row["forces"] or []) == sorted(pub.forces), pub.slug


@pytest.mark.parametrize("slug", [p.slug for p in PUBS])
def test_counts_per_report(scanned, slug):
    _, rows = scanned
    assert _got(rows[slug]) == EXPECTED[slug]


def test_overall_match_rate(scanned):
    _, rows = scanned
    mismatches = []
    for pub in PUBS:
        got = _got(rows[pub.slug]) if pub.slug in rows else None
        if got != EXPECTED[pub.slug]:
            mismatches.append((pub.slug, got, EXPECTED[pub.slug]))
    rate = 1 - len(mismatches) / len(PUBS)
    print(f"\nheldout5 match rate: {len(PUBS) - len(mismatches)}/{len(PUBS)} = {rate:.0%}")
    for slug, got, want in mismatches:
        print(f"  MISMATCH {slug}\n    got      {got}\n    expected {want}")
    assert rate >= 0.95


def test_committee_paper_trio_exact(scanned):
    _, rows = scanned
    for slug in TRIO:
        assert _got(rows[slug]) == EXPECTED[slug], slug


def test_no_change_rescan_is_quiet(site5, store, scan):
    first = scan(site5.url)
    assert first.ok, first.errors
    site5.clear_log()
    again = scan(site5.url)
    assert again.ok, again.errors
    assert again.events == []
    downloads = [
        r for r in site5.requests
        if r.status == 200 and r.path.startswith(DOC_PREFIXES)
        and not r.path.startswith("/publications/page/") and r.path != "/publications/"
    ]
    assert downloads == []
