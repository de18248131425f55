"""End-to-end scans of the loopback mirror: discovery, backfill, change events, politeness.

Every test runs the real path (fetch -> parse -> store -> diff) against a real HTTP
server on 127.0.0.1 that answers conditional requests like the WordPress site does.
"""

from __future__ import annotations

from collections import Counter

import pytest

from store.db import StoreError
from watcher.mirror.render import XML, Resource
from watcher.mirror.states import later_state

PUBLICATION_PATHS = ("/publications/", "/publication-html/", "/uploads/")


def page_requests(mirror):
    """Requests for publication pages, reports or documents (not discovery)."""
    return [
        r
        for r in mirror.requests
        if r.path.startswith(PUBLICATION_PATHS) and not r.path.startswith("/publications/page/")
        and r.path != "/publications/"
    ]


def test_backfill_stores_every_publication_once(mirror, store, scan):
    result = scan(mirror.url)
    assert result.ok, result.errors
    expected = {p.slug for p in mirror.publications if not p.withdrawn}
    stored = {r["slug"] for r in store.reports()}
    assert stored == expected
    events = store.changes()
    assert Counter(e["kind"] for e in events) == {"new": len(expected)}
    # every publication page was fetched exactly once
    pages = Counter(r.path for r in mirror.requests if r.path.startswith("/publications/"))
    assert all(n == 1 for n in pages.values())


def test_stored_metadata_matches_the_site(mirror, store, scan):
    scan(mirror.url)
    by_slug = {r["slug"]: r for r in store.reports()}
    for pub in mirror.publications:
        row = by_slug[pub.slug]
        assert row["title"] == pub.title
        assert row["published"] == pub.published.isoformat()
        assert row["type"] == pub.type
        assert sorted(row["forces"]) == sorted(pub.forces)
        assert row["url"] == f"{mirror.url}/publications/{pub.slug}/"
        assert row["status"] == "active"
        pdfs = [d for d in row["documents"] if d["kind"] == "pdf"]
        assert all(d["url"].startswith(mirror.asset_url + "/uploads/") for d in pdfs)
        if pub.html_report:
            assert any(d["kind"] == "html" for d in row["documents"])
        if pub.joint_with:
            assert set(pub.joint_with) <= set(row["joint_with"])


def test_no_change_rescan_downloads_no_publication_again(mirror, store, scan):
    scan(mirror.url)
    mirror.clear_log()
    result = scan(mirror.url)
    assert result.ok, result.errors
    assert result.events == []
    assert page_requests(mirror) == []
    # robots.txt, sitemap index, publication sitemap, feed: each conditional, each a 304
    assert mirror.requests and all(r.conditional and r.status == 304 for r in mirror.requests)
    assert len(mirror.requests) <= 4


def test_later_state_yields_exactly_the_expected_events(mirror, store, scan):
    scan(mirror.url)
    later, expected = later_state(mirror.publications)
    mirror.update(later)
    mirror.clear_log()
    result = scan(mirror.url)
    assert result.ok, result.errors
    got: dict[str, list[str]] = {}
    for e in result.events:
        got.setdefault(e.slug, []).append(e.kind)
    assert {k: sorted(v) for k, v in got.items()} == {k: sorted(v) for k, v in expected.items()}
    # only the changed publications were fetched
    fetched = {r.path.split("/")[2] for r in page_requests(mirror) if r.path.count("/") >= 3}
    assert fetched <= set(expected)
    # a third scan with nothing changed yields nothing
    assert scan(mirror.url).events == []


def test_withdrawn_record_is_kept_and_reinstatement_noticed(mirror, store, scan):
    scan(mirror.url)
    later, expected = later_state(mirror.publications)
    withdrawn = [s for s, kinds in expected.items() if "withdrawn" in kinds]
    assert withdrawn
    mirror.update(later)
    scan(mirror.url)
    row = store.publication_row(f"{mirror.url}/publications/{withdrawn[0]}/")
    assert row["status"] == "withdrawn" and row["title"]
    assert store.snapshots(withdrawn[0])  # history kept
    # the site puts it back
    back = [p.replace(withdrawn=False, lastmod=max(q.lastmod for q in later)) if p.slug == withdrawn[0] else p for p in later]
    mirror.update(back)
    result = scan(mirror.url)
    assert [e.kind for e in result.events if e.slug == withdrawn[0]] == ["reinstated"]


@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_error_is_never_a_withdrawal(mirror, store, scan, status):
    scan(mirror.url)
    victim = mirror.publications[0]
    mirror.set_status(f"/publications/{victim.slug}/", status)
    result = scan(mirror.url, full=True)
    assert not result.ok
    assert any(victim.slug in e for e in result.errors)
    assert result.events == []
    assert store.publication_row(f"{mirror.url}/publications/{victim.slug}/")["status"] == "active"
    mirror.clear_overrides()
    again = scan(mirror.url, full=True)
    assert again.ok and again.events == []


def test_listing_is_the_fallback_when_there_is_no_sitemap(mirror, store, scan):
    for path in ("/robots.txt", "/wp-sitemap.xml", "/sitemap_index.xml", "/feed/"):
        mirror.set_status(path, 404)
    result = scan(mirror.url)
    assert result.ok, result.errors
    assert {r["slug"] for r in store.reports()} == {p.slug for p in mirror.publications}
    assert any(r.path.startswith("/publications/page/") for r in mirror.requests)


def test_seo_plugin_sitemaps_found_through_robots(mirror, store, scan):
    """Yoast-style /sitemap_index.xml -> /publication-sitemap.xml, named in robots.txt."""
    res = dict(mirror.resources)
    urlset = res["/wp-sitemap-posts-publication-1.xml"]
    stamp = urlset.last_modified
    index = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{mirror.url}/publication-sitemap.xml</loc></sitemap>"
        "</sitemapindex>"
    ).encode()
    res["/sitemap_index.xml"] = Resource(index, XML, stamp)
    res["/publication-sitemap.xml"] = Resource(urlset.body, XML, stamp)
    res["/robots.txt"] = Resource(
        f"User-agent: *\nDisallow: /wp-admin/\n\nSitemap: {mirror.url}/sitemap_index.xml\n".encode(),
        "text/plain",
        stamp,
    )
    del res["/wp-sitemap.xml"]
    mirror.set_resources(res)
    result = scan(mirror.url)
    assert result.ok and result.complete
    assert len(store.reports()) == len(mirror.publications)
    assert not any(r.path.startswith("/publications/page/") for r in mirror.requests)


def test_interrupted_backfill_is_completed_by_the_next_scan(mirror, store):
    from watcher.config import Config
    from watcher.scan import make_fetcher, run_scan

    config = Config(site=mirror.url, db=store.path, delay=0.0)

    def stop_after_five(description, done, total):
        if description.startswith("Checking") and done == 5:
            raise KeyboardInterrupt

    with make_fetcher(config, cache=store) as fetcher, pytest.raises(KeyboardInterrupt):
        run_scan(store, fetcher, mirror.url, progress=stop_after_five)
    assert len(store.reports()) == 5
    assert store.integrity_ok()
    with make_fetcher(config, cache=store) as fetcher:
        result = run_scan(store, fetcher, mirror.url)
    assert result.ok
    assert len(store.reports()) == len(mirror.publications)
    kinds = Counter((e["slug"], e["kind"]) for e in store.changes())
    assert all(n == 1 for n in kinds.values())
    assert store.last_scan()["status"] == "ok"


def test_two_scans_cannot_run_at_once(mirror, store, scan):
    with store.exclusive("scan"), pytest.raises(StoreError, match="already running"):
        scan(mirror.url)


def test_findings_rows_explain_every_count(mirror, store, scan):
    scan(mirror.url)
    for report in store.reports():
        rows = store.findings(slug=report["slug"])
        assert report["recommendations"] == sum(r["kind"] == "recommendation" for r in rows)
        assert report["areas_for_improvement"] == sum(
            r["kind"] == "area_for_improvement" for r in rows
        )
        assert report["recommendations_to_chief_constables"] == sum(
            r["kind"] == "recommendation" and r["applies_to_chief_constables"] for r in rows
        )


def test_a_response_pdf_is_never_read_as_the_report_and_an_easy_read_only_alone():
    """R8: documents beside the report (a PCC's response, an easy read) are not further
    reports; reading one would count the recommendations it quotes."""
    from core.models import Document, Publication
    from watcher.scan import _Scan

    class AllowAll:
        def allows(self, url):
            return True

    def pub(*docs):
        return Publication(url="http://x/publications/p/", slug="p", title="P", published="2025-01-01",
                           type="PEEL inspection", documents=list(docs))

    scan = _Scan(None, AllowAll(), "http://x", False, None, None)
    response = Document(url="http://a/r.pdf", title="Gwent PCC's response", role="response")
    report = Document(url="http://a/p.pdf", title="PEEL 2025: Gwent Police")
    easy = Document(url="http://a/e.pdf", title="Easy read version", role="easy_read")
    assert scan._documents_to_read(pub(response, report, easy)) == ("pdf", [report])
    assert scan._documents_to_read(pub(response, easy)) == ("pdf", [easy])
    assert scan._documents_to_read(pub(response)) == ("pdf", [])
