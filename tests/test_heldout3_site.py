"""Third held-out site: a final, honest measurement of the parser.

The site (tests/heldout3/) was built only from the site model (docs/counting-rules.md
states its rules) and the committee paper, in a hand-built HTML4-era theme unlike the bundled
mirror and the two earlier held-out sites, by someone who had not read the parser.
The expected counts are a careful liaison officer's reading under docs/counting-rules.md;
each publication's `why` says how it was reached.

Acceptance: counts match on at least 95% of reports; the committee-paper trio exactly.
Do not tune the site or the expectations to the parser: a failure here is a finding.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from heldout3.content import PUBLICATIONS, TRIO
from heldout3.site import build_resources
from store.db import Store
from watcher.config import Config
from core.forces import force_key
from watcher.mirror.server import MirrorServer
from core.models import COUNT_FIELDS
from watcher.scan import make_fetcher, run_scan

BY_SLUG = {p.slug: p for p in PUBLICATIONS}
PUBLICATION_PATHS = ("/publications/", "/publication-html/", "/uploads/")


def _serve() -> MirrorServer:
    server = MirrorServer()
    server.set_resources(build_resources(server.url, server.asset_url))
    return server


@pytest.fixture(scope="module")
def site():
    server = _serve()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="module")
def scanned(site, tmp_path_factory):
    """One full scan of the held-out site, as the conftest `scan` fixture runs it
    (delay 0, retries 1), shared by the per-report tests."""
    path = tmp_path_factory.mktemp("heldout3") / "watch.db"
    with Store(path) as store:
        config = Config(site=site.url, db=store.path, delay=0.0)
        with make_fetcher(config, cache=store, retries=1, backoff=0.01) as fetcher:
            result = run_scan(store, fetcher, site.url)
        rows = {r["slug"]: r for r in store.reports()}
        yield result, rows


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = text.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"',
                                         "\u201d": '"', "\u2013": "-", "\u2014": "-"}))
    return re.sub(r"\s+", " ", text).strip()


def _counts(row: dict) -> dict:
    return {k: row.get(k) for k in COUNT_FIELDS}


def test_every_publication_is_found(scanned):
    result, rows = scanned
    assert result.ok, result.errors
    assert set(rows) == set(BY_SLUG), (
        f"missing: {sorted(set(BY_SLUG) - set(rows))}; extra: {sorted(set(rows) - set(BY_SLUG))}"
    )


@pytest.mark.parametrize("slug", list(BY_SLUG), ids=lambda s: s[:70])
def test_metadata(scanned, slug):
    _, rows = scanned
    pub = BY_SLUG[slug]
    row = rows.get(slug)
    assert row is not None, f"{slug} not stored"
    assert _norm(row["title"]) == _norm(pub.title)
    assert row["published"] == pub.published.isoformat()
    got = sorted(force_key(f) for f in (row["forces"] or []))
    assert got == sorted(force_key(f) for f in pub.forces), (
        f"forces got {row['forces']!r}, expected {pub.forces!r}"
    )


@pytest.mark.parametrize("slug", list(BY_SLUG), ids=lambda s: s[:70])
def test_counts(scanned, slug):
    _, rows = scanned
    pub = BY_SLUG[slug]
    row = rows.get(slug)
    assert row is not None, f"{slug} not stored"
    assert _counts(row) == pub.expected, f"{slug}: {pub.why}"


def test_overall_match_rate(scanned):
    _, rows = scanned
    matched, mismatches = 0, []
    for slug, pub in BY_SLUG.items():
        got = _counts(rows[slug]) if slug in rows else None
        if got == pub.expected:
            matched += 1
        else:
            mismatches.append((slug, got, pub.expected))
    rate = matched / len(BY_SLUG)
    print(f"\nheld-out 3: {matched}/{len(BY_SLUG)} reports match ({rate:.0%})")
    for slug, got, want in mismatches:
        print(f"  MISMATCH {slug}\n    got      {got}\n    expected {want}")
    assert rate >= 0.95, f"{matched}/{len(BY_SLUG)} = {rate:.0%}: {mismatches}"


def test_committee_paper_trio_exact(scanned):
    _, rows = scanned
    got = {slug: _counts(rows[slug]) if slug in rows else None for slug in TRIO}
    assert got == TRIO


def test_no_change_rescan_yields_nothing(store, scan):
    server = _serve()
    try:
        scan(server.url)  # whether every page parsed is test_every_publication_is_found's business
        server.clear_log()
        again = scan(server.url)
        assert again.events == []
        downloads = [
            (r.path, r.status) for r in server.requests
            if r.path.startswith(PUBLICATION_PATHS) and r.status == 200
            and not r.path.startswith("/publications/page/") and r.path != "/publications/"
        ]
        assert downloads == [], downloads
    finally:
        server.close()
