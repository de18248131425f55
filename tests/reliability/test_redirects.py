"""A redirect is never the content it left, and findings never go to zero unwitnessed.

A stored state-1 database is scanned again while one report, PDF or page answers
through a redirect: to the home page, to the same host on another port (another
server, which must see no request at all), to another publication's report. Each time
the stored record stays exactly as it was, no `findings_changed` is recorded, and the
scan says what happened (an error naming the URL, so the cron job hears).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import SLUGS, QuickFaultServer, _copy_db, dump, scan_into, subset_publications
from faultserver import Fault

from core.models import COUNT_FIELDS
from store.db import Store

EMPTY_REPORT = (
    "<!DOCTYPE html><html><head><title>{title}</title></head><body><main>"
    "<h1>{title}</h1><p>This report sets out what we found in our inspection. It is long "
    "enough to be read as a report, and it makes no recommendations and names no areas "
    "for improvement at all.</p></main></body></html>"
)


@pytest.fixture
def other_port():
    """The same host (127.0.0.1) on another port, serving a plausible report."""
    srv = QuickFaultServer().start()
    srv.route("/publication-html/elsewhere/", EMPTY_REPORT.format(title="Not this report"))
    srv.route("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
    yield srv
    srv.stop()


@pytest.fixture
def stored(site, reference, tmp_path):
    db = tmp_path / "w.db"
    _copy_db(reference["base_db"], db)
    return db


def _counts(store: Store) -> dict[str, dict[str, int]]:
    return {r["slug"]: {k: r[k] for k in COUNT_FIELDS} for r in store.reports()}


def _bump(site, key: str) -> None:
    """The site says the publication changed (a new lastmod), so the scan reads it again."""
    pubs = [p.replace(lastmod=p.lastmod + timedelta(days=1)) if p.slug == SLUGS[key] else p
            for p in subset_publications()]
    site.load(pubs)


def _kept(site, db, result, url: str) -> None:
    with Store(db) as store:
        assert not result.ok
        assert any(url in e for e in result.errors), result.errors
        assert "findings_changed" not in {e.kind for e in result.events}
        assert all(e["kind"] == "new" for e in store.changes())  # only the backfill's events


@pytest.mark.parametrize("where", ["home", "other-port", "other-report"])
def test_a_report_that_redirects_keeps_the_stored_record(site, stored, other_port, where):
    _bump(site, "html")
    target = {
        "home": "/",
        "other-port": other_port.url("/publication-html/elsewhere/"),
        "other-report": site.report("plain"),
    }[where]
    site.fault(site.report("html"), Fault.redirect(target, status=301, n=None))
    with Store(stored) as store:
        before, snapshot = _counts(store), dump(store, site.url, site.asset_url)["reports"]
        assert any(before[SLUGS["html"]].values())
        result = scan_into(store, site.url)
        assert _counts(store) == before
        assert dump(store, site.url, site.asset_url)["reports"][SLUGS["html"]] == snapshot[SLUGS["html"]]
    _kept(site, stored, result, site.url + site.report("html"))
    assert other_port.log == []  # not even robots.txt


def test_a_publication_page_that_redirects_home_keeps_the_stored_record(site, stored):
    _bump(site, "html")
    site.fault(site.page("html"), Fault.redirect("/", status=301, n=None))
    with Store(stored) as store:
        before = _counts(store)
        result = scan_into(store, site.url)
        assert _counts(store) == before
        assert store.publication_row(site.url + site.page("html"))["status"] == "active"
    _kept(site, stored, result, site.url + site.page("html"))


def test_a_pdf_that_redirects_to_a_page_keeps_the_stored_record(site, stored):
    _bump(site, "pdf")
    site.assets.route("/not-a-pdf/", EMPTY_REPORT.format(title="Home"))
    site.fault(site.pdf("pdf"), Fault.redirect("/not-a-pdf/", status=301, n=None))
    with Store(stored) as store:
        before = _counts(store)
        assert any(before[SLUGS["pdf"]].values())
        result = scan_into(store, site.url)
        assert _counts(store) == before
    _kept(site, stored, result, site.asset_url + site.pdf("pdf"))


def test_a_redirect_that_only_drops_the_trailing_slash_is_the_same_publication(site, stored):
    _bump(site, "html")
    page = site.page("html")
    body = site.body(page)
    site.site.route(page.rstrip("/"), body)
    site.fault(page, Fault.redirect(page.rstrip("/"), status=301, n=None))
    with Store(stored) as store:
        before = _counts(store)
        result = scan_into(store, site.url)
        assert result.ok, result.errors
        assert result.events == [] and _counts(store) == before


def test_findings_that_vanish_are_kept_until_a_second_reading_agrees(site, stored):
    slug = SLUGS["html"]
    _bump(site, "html")
    site.replace(site.report("html"), EMPTY_REPORT.format(title="A report"))
    with Store(stored) as store:
        before = _counts(store)
        assert any(before[slug].values())
        first = scan_into(store, site.url)
        assert first.ok, first.errors  # a doubt, not a failure
        assert any(slug in w and "now reads none" in w for w in first.warnings)
        assert first.events == [] and _counts(store) == before
        row = store.publication_row(site.url + site.page("html"))
        assert any(isinstance(w, dict) and w["kind"] == "findings_vanished" for w in row["warnings"])
        # the second reading agrees (the page is read again though nothing else changed)
        second = scan_into(store, site.url)
        assert second.ok, second.errors
        assert [e.kind for e in second.events] == ["findings_changed"]
        assert not any(_counts(store)[slug].values())


def test_findings_that_come_back_clear_the_doubt(site, stored):
    slug = SLUGS["html"]
    _bump(site, "html")
    original = site.body(site.report("html"))
    site.replace(site.report("html"), EMPTY_REPORT.format(title="A report"))
    with Store(stored) as store:
        before = _counts(store)
        scan_into(store, site.url)
        site.replace(site.report("html"), original)  # a broken deploy, fixed
        again = scan_into(store, site.url)
        assert again.ok and again.events == [] and _counts(store) == before
        scan_into(store, site.url)
        assert store.get_state("findings_vanishing") == {}
    assert slug
