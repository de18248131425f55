"""Second held-out site: a block-editor theme the parser was not built against.

The site (tests/heldout2/) follows the site model (rules: docs/counting-rules.md) with its own theme
(Gutenberg blocks, Bootstrap classes, metadata in a wp-block-table, accordions) and prose
written for it. Expected counts are what a careful liaison officer applying the Counting
rules would record; see tests/heldout2/content.py.

Acceptance: counts match on at least 95% of reports; the committee-paper trio exactly.

The theme labels the publication date "Date of publication" in a details table.
`test_theme_date_label_is_understood` scans the site exactly so. The count and metadata
tests scan a variant that differs only in that one row header ("Published", the wording
site-model.md records), so that a failure to read the label does not hide the counts.
"""

from __future__ import annotations

import pytest

from heldout2.content import PUBLICATIONS, TRIO
from heldout2.site import build_site
from core.forces import force_key
from watcher.mirror.server import MirrorServer

FIELDS = ("recommendations", "recommendations_to_chief_constables", "areas_for_improvement",
          "causes_of_concern")
PUBLICATION_PATHS = ("/publications/", "/publication-html/", "/uploads/")


COUNT_VARIANT = {"date_label": "Published"}


@pytest.fixture(scope="module")
def site():
    server = MirrorServer()
    try:
        server.set_resources(build_site(PUBLICATIONS, base_url=server.url, asset_url=server.asset_url,
                                        **COUNT_VARIANT))
        yield server
    finally:
        server.close()


@pytest.fixture(scope="module")
def scanned(site, tmp_path_factory):
    """One backfill scan of the held-out site, shared by the count tests."""
    from store.db import Store
    from watcher.config import Config
    from watcher.scan import make_fetcher, run_scan

    path = tmp_path_factory.mktemp("heldout2") / "watch.db"
    store = Store(path)
    config = Config(site=site.url, db=store.path, delay=0.0)
    with make_fetcher(config, cache=store, retries=1, backoff=0.01) as fetcher:
        result = run_scan(store, fetcher, site.url)
    rows = {r["slug"]: r for r in store.reports()}
    yield result, rows, store
    store.close()


def _counts(row: dict) -> dict:
    return {f: row.get(f) or 0 for f in FIELDS}


def _page_requests(server):
    return [r for r in server.requests
            if r.path.startswith(PUBLICATION_PATHS) and not r.path.startswith("/publications/page/")
            and r.path != "/publications/"]


def test_scan_completes(scanned):
    result, _, _ = scanned
    assert result.ok, result.errors


def test_every_publication_found_once(site, scanned):
    _, rows, _ = scanned
    expected = {p.slug for p in PUBLICATIONS}
    assert set(rows) == expected, (sorted(set(rows) - expected), sorted(expected - set(rows)))
    urls = sorted(r["url"] for r in rows.values())
    assert urls == sorted(f"{site.url}/publications/{s}/" for s in expected)


@pytest.mark.parametrize("pub", PUBLICATIONS, ids=lambda p: p.slug)
def test_metadata(pub, scanned):
    _, rows, _ = scanned
    row = rows[pub.slug]
    assert row["title"] == pub.title
    assert row["published"] == pub.published.isoformat()
    assert sorted(force_key(f) for f in row["forces"]) == sorted(force_key(f) for f in pub.forces)
    kinds = {d["kind"] for d in row["documents"]}
    if pub.pdf:
        assert "pdf" in kinds
    if pub.html:
        assert "html" in kinds


@pytest.mark.parametrize("pub", PUBLICATIONS, ids=lambda p: p.slug)
def test_counts(pub, scanned):
    _, rows, _ = scanned
    assert _counts(rows[pub.slug]) == pub.expected, pub.note


def test_overall_match_rate(scanned):
    _, rows, _ = scanned
    matched, lines = 0, []
    for pub in PUBLICATIONS:
        got = _counts(rows[pub.slug]) if pub.slug in rows else None
        if got == pub.expected:
            matched += 1
        else:
            lines.append(f"{pub.slug}: got {got} expected {pub.expected} [{pub.note}]")
    rate = matched / len(PUBLICATIONS)
    print(f"\nheld-out 2: {matched}/{len(PUBLICATIONS)} reports match ({rate:.0%})")
    for line in lines:
        print("  MISMATCH", line)
    assert rate >= 0.95, "\n".join(lines)


@pytest.mark.parametrize("slug", sorted(TRIO))
def test_committee_paper_trio_exact(slug, scanned):
    _, rows, _ = scanned
    assert _counts(rows[slug]) == TRIO[slug]


def test_findings_rows_explain_counts(scanned):
    _, rows, store = scanned
    for slug, row in rows.items():
        found = store.findings(slug=slug)
        assert row["recommendations"] == sum(f["kind"] == "recommendation" for f in found), slug
        assert row["areas_for_improvement"] == sum(f["kind"] == "area_for_improvement" for f in found), slug


def test_theme_date_label_is_understood(store, scan):
    """The theme as designed: '<tr><th scope="row">Date of publication</th><td>15 October 2025</td></tr>'."""
    with MirrorServer() as server:
        server.set_resources(build_site(PUBLICATIONS, base_url=server.url, asset_url=server.asset_url))
        result = scan(server.url)
        rows = {r["slug"]: r for r in store.reports()}
        assert result.ok, result.errors[:3]
        assert {s: r["published"] for s, r in rows.items()} == {
            p.slug: p.published.isoformat() for p in PUBLICATIONS}


def test_no_change_rescan_is_quiet(store, scan):
    with MirrorServer() as server:
        server.set_resources(build_site(PUBLICATIONS, base_url=server.url, asset_url=server.asset_url,
                                        **COUNT_VARIANT))
        first = scan(server.url)
        assert first.ok, first.errors
        server.clear_log()
        again = scan(server.url)
        assert again.ok, again.errors
        assert again.events == []
        assert _page_requests(server) == []
