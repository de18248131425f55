"""The bundled offline site mirror: content loading, WordPress shapes, HTTP semantics.

Everything runs against real HTTP on 127.0.0.1 (two listeners: site and asset host).
"""

from __future__ import annotations

import io
import re
import threading
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime, parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import feedparser
import httpx
import pypdf
import pytest
from bs4 import BeautifulSoup

from core.models import EVENT_KINDS
from watcher.mirror.build_pdfs import (
    MANIFEST,
    PDF_DIR,
    all_sources,
    html_blocks,
    pdf_sources,
    render_pdf,
)
from watcher.mirror.content import ContentError, load_publications, parse_content
from watcher.mirror.render import KNOWN_EXTERNAL_HOSTS, PER_PAGE, build_site
from watcher.mirror.server import MirrorServer
from watcher.mirror.states import later_state

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
DIVERT = "effectiveness-of-diverting-children-from-the-criminal-justice-system"
GBCSE = ("effectiveness-of-police-and-law-enforcement-response-to-group-based-child-"
         "sexual-exploitation-progress")
WMP = "west-midlands-national-child-protection-inspection-november-2025"


@pytest.fixture(scope="module")
def site():
    with MirrorServer.from_content() as server:
        yield server


@pytest.fixture(scope="module")
def client():
    with httpx.Client(timeout=10) as c:
        yield c


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


# --- content ------------------------------------------------------------------------

def test_content_loads_newest_first_with_the_committee_paper_reports():
    pubs = load_publications()
    assert len(pubs) >= 12
    keys = [(p.published, p.lastmod) for p in pubs]
    assert keys == sorted(keys, reverse=True)
    by = {p.slug: p for p in pubs}
    assert by[DIVERT].published.isoformat() == "2025-10-15"
    assert by[DIVERT].joint_with == ["HM Inspectorate of Probation"]
    assert (by[DIVERT].expected["recommendations"],
            by[DIVERT].expected["recommendations_to_chief_constables"]) == (18, 1)
    assert (by[GBCSE].expected["recommendations"],
            by[GBCSE].expected["recommendations_to_chief_constables"]) == (6, 4)
    assert by[WMP].forces == ["West Midlands Police"]
    assert by[WMP].published.strftime("%Y-%m") == "2025-11"
    assert (by[WMP].expected["areas_for_improvement"], by[WMP].expected["recommendations"]) == (7, 0)
    assert {p.published.year for p in pubs} >= {2023, 2024, 2025}
    assert all(p.state == 1 for p in pubs)
    assert len({p.post_id for p in pubs}) == len(pubs)


GOOD = '''+++
title = "T"
published = 2024-01-02
type = "Thematic inspection"
summary = "S"
[expected]
recommendations = 1
recommendations_to_chief_constables = 0
areas_for_improvement = 0
causes_of_concern = 0
+++
<h2>Recommendations</h2><ol><li>The Home Office should act.</li></ol>
'''


@pytest.mark.parametrize("mutate, message", [
    (lambda t: t.replace("+++\n<h2>", "<h2>", 1), "not closed"),
    (lambda t: t.replace('title = "T"', 'title = T'), "not valid TOML"),
    (lambda t: t.replace('title = "T"\n', ""), "missing required"),
    (lambda t: t.replace('summary = "S"', 'summary = "S"\nhtml_reprot = true'), "unknown"),
    (lambda t: t.replace("recommendations = 1", "recommendations = -1"), "recommendations"),
    (lambda t: t.replace("published = 2024-01-02", "published = 2024-13-02"), "TOML"),
    (lambda t: t.replace('summary = "S"', 'summary = "S"\npdf = "sometimes"'), "pdf must be"),
    (lambda t: t.replace('summary = "S"', 'summary = "S"\nforces = "Kent Police"'), "forces"),
    (lambda t: t.replace("recommendations_to_chief_constables = 0",
                         "recommendations_to_chief_constables = 2"), "exceeds"),
])
def test_bad_front_matter_raises_an_error_naming_the_file(tmp_path, mutate, message):
    assert parse_content(GOOD, "ok", source="ok.html").expected["warning"] is False
    path = tmp_path / "broken-report.html"
    path.write_text(mutate(GOOD), encoding="utf-8")
    with pytest.raises(ContentError, match=message) as info:
        load_publications(tmp_path)
    assert "broken-report.html" in str(info.value)


# --- every kind of resource ----------------------------------------------------------

def test_every_kind_of_resource_is_served_with_validators(site, client):
    pub = f"/publications/{DIVERT}/"
    cases = {
        site.url + "/robots.txt": "text/plain",
        site.url + "/wp-sitemap.xml": "application/xml",
        site.url + "/wp-sitemap-posts-publication-1.xml": "application/xml",
        site.url + "/wp-sitemap-posts-page-1.xml": "application/xml",
        site.url + "/wp-sitemap-taxonomies-category-1.xml": "application/xml",
        site.url + "/feed/": "application/rss+xml",
        site.url + "/": "text/html",
        site.url + "/publications/": "text/html",
        site.url + "/publications/page/2/": "text/html",
        site.url + pub: "text/html",
        site.url + f"/publication-html/{DIVERT}/": "text/html",
        site.url + "/about-us/": "text/html",
        site.asset_url + f"/uploads/{DIVERT}.pdf": "application/pdf",
    }
    for url, ctype in cases.items():
        r = client.get(url)
        assert r.status_code == 200, url
        assert r.headers["content-type"].startswith(ctype), url
        assert re.fullmatch(r'"[0-9a-f]+"', r.headers["etag"]), url  # strong
        parsedate_to_datetime(r.headers["last-modified"])
        assert int(r.headers["content-length"]) == len(r.content)
    # the asset host serves only /uploads/, the site never does
    assert client.get(site.url + f"/uploads/{DIVERT}.pdf").status_code == 404
    assert client.get(site.asset_url + "/robots.txt").status_code == 404


def test_conditional_requests_and_head(site, client):
    site.clear_log()
    url = site.url + f"/publications/{DIVERT}/"
    first = client.get(url)
    etag, lm = first.headers["etag"], first.headers["last-modified"]
    r = client.get(url, headers={"If-None-Match": etag})
    assert r.status_code == 304 and r.content == b"" and r.headers["etag"] == etag
    assert client.get(url, headers={"If-None-Match": f'"nope", W/{etag}'}).status_code == 304
    assert client.get(url, headers={"If-Modified-Since": lm}).status_code == 304
    earlier = format_datetime(parsedate_to_datetime(lm) - timedelta(seconds=1), usegmt=True)
    assert client.get(url, headers={"If-Modified-Since": earlier}).status_code == 200
    # If-None-Match takes precedence over If-Modified-Since (RFC 9110 13.2.2)
    future = format_datetime(datetime.now(timezone.utc) + timedelta(days=9), usegmt=True)
    r = client.get(url, headers={"If-None-Match": '"stale"', "If-Modified-Since": future})
    assert r.status_code == 200 and r.content == first.content
    assert client.get(url, headers={"If-Modified-Since": "garbage"}).status_code == 200
    head = client.head(url)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["etag"] == etag
    assert int(head.headers["content-length"]) == len(first.content)
    pdf = site.asset_url + f"/uploads/{DIVERT}.pdf"
    tag = client.get(pdf).headers["etag"]
    assert client.get(pdf, headers={"If-None-Match": tag}).status_code == 304
    log = [r for r in site.requests if r.path.startswith("/publications/")]
    assert [r.status for r in log] == [200, 304, 304, 304, 200, 200, 200, 200]
    assert [r.conditional for r in log] == [False, True, True, True, True, True, True, False]
    assert log[-1].method == "HEAD"
    assert {r.host for r in site.requests} == {"site", "assets"}


def test_redirects_like_wordpress(site, client):
    r = client.get(site.url + f"/publications/{DIVERT}")
    assert r.status_code == 301 and r.headers["location"] == site.url + f"/publications/{DIVERT}/"
    r = client.get(site.url + "/publications/page/1/")
    assert r.status_code == 301 and r.headers["location"] == site.url + "/publications/"
    pub = next(p for p in site.publications if p.slug == DIVERT)
    r = client.get(site.url + f"/?post_type=publication&p={pub.post_id}")
    assert r.status_code == 301 and r.headers["location"].endswith(f"/publications/{DIVERT}/")


def test_unknown_paths_get_a_themed_404(site, client):
    r = client.get(site.url + "/no/such/page/")
    assert r.status_code == 404 and "Page not found" in r.text and "We use cookies" in r.text
    assert client.get(site.url + "/publications/page/999/").status_code == 404
    assert client.get(site.url + "/publications/no-such-report/").status_code == 404
    assert client.get(site.asset_url + "/uploads/nope.pdf").status_code == 404
    assert client.post(site.url + "/feed/").status_code == 405


# --- robots, sitemaps, feed ---------------------------------------------------------

def test_robots_points_to_a_sitemap_index_listing_every_publication(site, client):
    robots = client.get(site.url + "/robots.txt").text
    assert "User-agent: *" in robots and "Disallow: /wp-admin/" in robots
    sitemap_url = re.search(r"^Sitemap: (\S+)$", robots, re.M).group(1)
    assert sitemap_url == site.url + "/wp-sitemap.xml"
    index = client.get(sitemap_url)
    assert b'<?xml-stylesheet type="text/xsl"' in index.content
    root = ET.fromstring(index.content)
    assert root.tag == f"{SM}sitemapindex"
    maps = [loc.text for loc in root.iter(f"{SM}loc")]
    assert site.url + "/wp-sitemap-posts-publication-1.xml" in maps
    assert site.url + "/wp-sitemap-posts-page-1.xml" in maps
    assert site.url + "/wp-sitemap-taxonomies-category-1.xml" in maps
    seen: dict[str, str | None] = {}
    for url in maps:
        r = client.get(url)
        assert r.status_code == 200
        sub = ET.fromstring(r.content)
        assert sub.tag == f"{SM}urlset"
        for entry in sub.iter(f"{SM}url"):
            loc = entry.find(f"{SM}loc").text
            lastmod = entry.find(f"{SM}lastmod")
            assert loc not in seen
            seen[loc] = lastmod.text if lastmod is not None else None
    pub_locs = {loc for loc in seen if "/publications/" in loc}
    assert pub_locs == {site.url + p.path for p in site.publications}
    for p in site.publications:
        assert datetime.fromisoformat(seen[site.url + p.path]) == p.lastmod
    for loc in seen:
        assert client.get(loc).status_code == 200, loc


def test_feed_is_wordpress_rss_of_the_newest_ten(site, client):
    r = client.get(site.url + "/feed/")
    feed = feedparser.parse(r.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert feed.feed.generator.startswith("https://wordpress.org/?v=6.")
    assert any(link.get("rel") == "self" and link["href"] == site.url + "/feed/"
               for link in feed.feed.links)
    newest = site.publications[:10]
    assert len(feed.entries) == 10
    assert [e.link for e in feed.entries] == [site.url + p.path for p in newest]
    for entry, pub in zip(feed.entries, newest):
        assert entry.title == pub.title
        assert entry.id == f"{site.url}/?post_type=publication&p={pub.post_id}"
        assert entry.guidislink is False
        assert entry.author == "HMICFRS"
        assert entry.tags[0].term == pub.type
        assert entry.published_parsed[:3] == pub.published.timetuple()[:3]
        assert entry.summary and "content" in entry
    root = ET.fromstring(r.content)  # plain XML too, namespaces declared
    assert root.find("channel/lastBuildDate") is not None


# --- listings -----------------------------------------------------------------------

def _listing_links(html: str, base: str) -> tuple[list[str], str | None]:
    soup = BeautifulSoup(html, "lxml")
    main = soup.find("main")
    links = [a["href"] for h2 in main.find_all("h2") for a in h2.find_all("a", href=True)]
    nxt = main.find("a", string=re.compile(r"^\s*Next\s*$"))
    return links, (urljoin(base, nxt["href"]) if nxt else None)


def test_listing_pagination_covers_every_publication_exactly_once(site, client):
    url, seen, pages = site.url + "/publications/", [], 0
    while url:
        r = client.get(url)
        assert r.status_code == 200
        links, url = _listing_links(r.text, site.url)
        assert 0 < len(links) <= PER_PAGE
        seen += links
        pages += 1
    assert pages >= 2
    assert len(seen) == len(set(seen))
    assert seen == [site.url + p.path for p in site.publications]  # newest first
    page2 = client.get(site.url + "/publications/page/2/")
    assert "Previous" in page2.text and 'aria-current="page"' in page2.text
    assert client.get(site.url + "/publications/?paged=2").content == page2.content
    first = site.publications[0]
    assert "15 October 2025" in client.get(site.url + "/publications/").text or first
    item = BeautifulSoup(client.get(site.url + "/publications/").text, "lxml").find("article")
    text = flat(item.get_text(" "))
    assert first.title in text and first.type in text
    assert f"{first.published.day} {first.published:%B %Y}" in text


# --- publication page, report, PDFs --------------------------------------------------

def test_publication_page_shows_what_the_real_one_does(site, client):
    html = client.get(site.url + f"/publications/{DIVERT}/").text
    soup = BeautifulSoup(html, "lxml")
    main = soup.find("main")
    text = flat(main.get_text(" "))
    assert soup.find("h1").get_text(strip=True).startswith("An inspection of the effectiveness")
    assert "Published: 15 October 2025" in text
    assert "Joint thematic inspection" in text and "West Midlands Police" in text  # six forces named
    hrefs = [a["href"] for a in main.find_all("a", href=True)]
    assert f"https://hmiprobation.justiceinspectorates.gov.uk/document/{DIVERT}/" in hrefs
    online = main.find("a", string=re.compile("Read the report online"))
    assert online["href"] == site.url + f"/publication-html/{DIVERT}/"
    pdf_links = [h for h in hrefs if h.startswith(site.asset_url + "/uploads/")]
    assert pdf_links[0] == site.asset_url + f"/uploads/{DIVERT}.pdf"
    sizes = re.findall(r"PDF document, (\d+(?:\.\d)? [KM]B)", text)
    assert len(sizes) == len(pdf_links) == 2
    n = len(client.get(pdf_links[0]).content)
    assert sizes[0] == f"{max(1, round(n / 1024))} KB"
    # the theme furniture a change detector must ignore
    for noise in ("We use cookies", "wpApiSettings", '"nonce":"', "Last updated:",
                  "Skip to main content", "Latest publications",
                  "https://www.justiceinspectorates.gov.uk/hmicfrs/"):
        assert noise in html
    assert soup.find("form", attrs={"role": "search"}) is not None
    assert soup.find("nav", attrs={"aria-label": "Breadcrumb"}) is not None


def test_force_and_service_pages_name_them(site, client):
    wmp = flat(BeautifulSoup(client.get(site.url + f"/publications/{WMP}/").text, "lxml")
               .find("main").get_text(" "))
    assert "West Midlands Police" in wmp and "All forces" not in wmp
    assert "Published: 20 November 2025" in wmp
    frs = [p for p in site.publications if p.services]
    assert frs
    text = client.get(site.url + frs[0].path).text
    assert all(s in BeautifulSoup(text, "lxml").get_text() for s in frs[0].services)


def test_pdf_only_report_has_no_html_version(site, client):
    pub = next(p for p in site.publications if p.slug == "the-detention-of-vulnerable-people-in-police-custody")
    html = client.get(site.url + pub.path).text
    assert "/publication-html/" not in html and "Read the report online" not in html
    assert client.get(site.url + f"/publication-html/{pub.slug}/").status_code == 404
    text = flat(pdf_text(client.get(f"{site.asset_url}/uploads/{pub.pdf_file}").content))
    for n in range(1, 5):
        assert f"Recommendation {n}" in text
    assert "By 31 March 2024, chief constables should make sure" in text


def test_html_report_has_contents_print_link_and_body(site, client):
    html = client.get(site.url + f"/publication-html/{DIVERT}/").text
    soup = BeautifulSoup(html, "lxml")
    main = soup.find("main")
    text = flat(main.get_text(" "))
    assert "Published on: 15 October 2025" in text
    assert main.find("a", string=re.compile("Print this document")) is not None
    contents = main.find("nav", attrs={"aria-label": "Contents"})
    anchors = [a["href"] for a in contents.find_all("a")]
    body_h2 = [h for h in main.find_all("h2") if h.find_parent("nav") is None]
    assert anchors == [f"#{h['id']}" for h in body_h2]
    assert [a.get_text(strip=True) for a in contents.find_all("a")][:2] == ["Foreword", "Summary"]
    assert "Recommendation 18" in text


def test_report_pdf_text_is_the_body_in_reading_order(site, client):
    pub = next(p for p in site.publications if p.slug == DIVERT)
    text = flat(pdf_text(client.get(f"{site.asset_url}/uploads/{pub.pdf_file}").content))
    assert text.startswith("An inspection of the effectiveness of diverting children")
    assert "Published: 15 October 2025" in text
    for n in range(1, 19):
        assert f"Recommendation {n}" in text
    assert "18. By 30 June 2026, the National Police Chiefs' Council lead" in text
    assert text.index("Foreword") < text.index("Recommendation 1") < text.index("Annex A")
    easy = flat(pdf_text(client.get(site.asset_url + "/uploads/diverting-children-easy-read.pdf").content))
    assert "stay out of court" in easy


def test_render_pdf_is_deterministic_and_keeps_list_numbers():
    body = ('<h2>Recommendations</h2><ol><li>By 30 June 2025, forces should make sure that:'
            '<ol type="a"><li>one;</li><li>two; and</li><li>three.</li></ol></li>'
            '<li>The Home Office should act \u2013 soon.</li></ol><p>Closing words.</p>')
    a = render_pdf("A title", body, subtitle="Published: 1 May 2025")
    assert a == render_pdf("A title", body, subtitle="Published: 1 May 2025")
    assert len(a) < 20_000
    text = flat(pdf_text(a))
    assert "1. By 30 June 2025, forces should make sure that:" in text
    assert "(a) one; (b) two; and (c) three. 2. The Home Office should act - soon." in text
    assert html_blocks(body)[0] == ("h", 2, "Recommendations")


def test_committed_pdfs_are_current():
    manifest = MANIFEST.read_text(encoding="utf-8")
    stale = [f for f, src in all_sources().items()
             if src.is_pdf and (f'"{f}": "{src.digest}"' not in manifest
                                or not (PDF_DIR / f).is_file())]
    assert not stale, f"run `python -m watcher.mirror.build_pdfs` and commit: {stale}"


# --- links --------------------------------------------------------------------------

def test_no_resource_links_to_an_unexpected_host(site, client):
    allowed = {urlsplit(site.url).netloc, urlsplit(site.asset_url).netloc} | KNOWN_EXTERNAL_HOSTS
    internal: set[str] = set()
    for path, res in site.resources.items():
        if res.content_type.startswith("text/html"):
            soup = BeautifulSoup(res.body, "lxml")
            urls = [t.get(attr) for t in soup.find_all(True)
                    for attr in ("href", "src", "action") if t.get(attr)]
        elif "xml" in res.content_type:
            urls = re.findall(rb"(?:<loc>|<link>|href=\")([^<\"]+)", res.body)
            urls = [u.decode() for u in urls]
        else:
            continue
        for url in urls:
            if url.startswith("#"):
                continue
            absolute = urljoin(site.url + path, url)
            host = urlsplit(absolute).netloc
            assert host in allowed, f"{path} links to {absolute}"
            if host == urlsplit(site.url).netloc or host == urlsplit(site.asset_url).netloc:
                internal.add(absolute.split("#")[0])
    for url in sorted(internal):
        r = client.get(url, follow_redirects=True)
        assert r.status_code == 200, url


# --- furniture noise ----------------------------------------------------------------

def test_two_builds_differ_only_in_furniture():
    pubs = load_publications()
    a = build_site(pubs, base_url="http://h", asset_url="http://a", nonce="aaaaaaaaaa",
                   built_at=datetime(2025, 12, 1, 9, 0, tzinfo=timezone.utc))
    b = build_site(pubs, base_url="http://h", asset_url="http://a")
    page = f"/publications/{DIVERT}/"
    assert a[page].body != b[page].body and a[page].etag != b[page].etag
    main = lambda r: BeautifulSoup(r.body, "lxml").find("main").decode()  # noqa: E731
    assert main(a[page]) == main(b[page])
    assert a["/wp-sitemap-posts-publication-1.xml"].body == b["/wp-sitemap-posts-publication-1.xml"].body
    assert a[f"/uploads/{DIVERT}.pdf"].body == b[f"/uploads/{DIVERT}.pdf"].body


def test_html_is_escaped():
    pub = parse_content(GOOD.replace('title = "T"', 'title = "Fish & chips <script>x</script>"')
                        .replace('summary = "S"', 'summary = "a < b & \\"c\\""'),
                        "escape-test")
    res = build_site([pub], base_url="http://h", asset_url="http://a", nonce="n")
    html = res["/publications/escape-test/"].body.decode()
    assert "<script>x</script>" not in html
    assert "Fish &amp; chips &lt;script&gt;x&lt;/script&gt;" in html
    assert "a &lt; b &amp; &#34;c&#34;" in html or "a &lt; b &amp; &quot;c&quot;" in html
    feed = feedparser.parse(res["/feed/"].body)
    assert feed.bozo == 0 and feed.entries[0].title == "Fish & chips <script>x</script>"
    ET.fromstring(res["/wp-sitemap-posts-publication-1.xml"].body)


# --- state changes ------------------------------------------------------------------

def test_later_state_has_every_kind_of_change_and_update_swaps_it(client):
    pubs = load_publications()
    before = {p.slug: p.replace() for p in pubs}
    later, expected = later_state(pubs)
    assert {p.slug: p for p in pubs}.keys() == before.keys()
    assert all(before[p.slug].title == p.title and before[p.slug].body == p.body for p in pubs)
    kinds = {k for ks in expected.values() for k in ks}
    assert kinds == {"new", "metadata_changed", "document_added", "findings_changed", "withdrawn"}
    assert kinds <= set(EVENT_KINDS)
    assert sum(ks == ["new"] for ks in expected.values()) == 2
    old_max = max(p.lastmod for p in pubs)
    by = {p.slug: p for p in later}
    for slug, ks in expected.items():
        if ks != ["new"]:
            assert by[slug].lastmod > old_max, slug
    with MirrorServer.from_publications(pubs) as server:
        smap = site_lastmods(client, server)
        server.update(later)
        smap2 = site_lastmods(client, server)
        for slug, ks in expected.items():
            url = server.url + f"/publications/{slug}/"
            r = client.get(url)
            if ks == ["withdrawn"]:
                assert r.status_code == 410 and url not in smap2
                assert url not in client.get(server.url + "/publications/").text
                pub = by[slug]
                for src in pdf_sources(pub):
                    assert client.get(f"{server.asset_url}/uploads/{src.file}").status_code == 410
                continue
            assert r.status_code == 200
            assert smap2[url] == by[slug].lastmod
            if ks == ["new"]:
                assert url not in smap
                assert url in client.get(server.url + "/feed/").text
            else:
                assert smap2[url] > smap[url]
            if "metadata_changed" in ks:
                assert by[slug].title in r.text and before[slug].title not in r.text
            if "document_added" in ks:
                new_doc = by[slug].extra_documents[-1]["file"]
                assert f"{server.asset_url}/uploads/{new_doc}" in r.text
                assert client.get(f"{server.asset_url}/uploads/{new_doc}").status_code == 200
            if "findings_changed" in ks:
                report = client.get(server.url + f"/publication-html/{slug}/").text
                assert report.count("should") > before[slug].body.count("should")
                assert by[slug].expected["recommendations"] == before[slug].expected["recommendations"] + 1
        # unchanged publications keep their lastmod
        for slug in set(before) - set(expected):
            url = server.url + f"/publications/{slug}/"
            assert smap2[url] == smap[url]


def site_lastmods(client, server) -> dict[str, datetime]:
    body = client.get(server.url + "/wp-sitemap-posts-publication-1.xml").content
    return {u.find(f"{SM}loc").text: datetime.fromisoformat(u.find(f"{SM}lastmod").text)
            for u in ET.fromstring(body).iter(f"{SM}url")}


def test_set_status_remove_and_restore(client):
    with MirrorServer.from_content() as server:
        path = f"/publications/{WMP}/"
        server.set_status(path, 410)
        r = client.get(server.url + path)
        assert r.status_code == 410 and "removed" in r.text
        server.remove(path)
        assert client.get(server.url + path).status_code == 404
        server.set_status(path, 503, headers={"Retry-After": "1"})
        r = client.get(server.url + path)
        assert r.status_code == 503 and r.headers["retry-after"] == "1"
        server.set_status(path, 200)
        assert client.get(server.url + path).status_code == 200
        server.redirect("/old/", server.url + path)
        assert client.get(server.url + "/old/", follow_redirects=True).url == server.url + path
        server.set_status(f"/uploads/{WMP}.pdf", 410)
        assert client.get(f"{server.asset_url}/uploads/{WMP}.pdf").status_code == 410
        server.clear_overrides()
        assert client.get(f"{server.asset_url}/uploads/{WMP}.pdf").status_code == 200


def test_request_log_is_thread_safe(site):
    site.clear_log()
    errors = []

    def worker():
        try:
            with httpx.Client(timeout=10) as c:
                for _ in range(10):
                    c.get(site.url + "/robots.txt")
        except Exception as exc:  # pragma: no cover
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    log = site.requests
    assert len(log) == 80 and all(r.path == "/robots.txt" and r.status == 200 for r in log)
    site.clear_log()
    assert site.requests == []


def test_close_is_prompt_and_frees_the_ports(client):
    server = MirrorServer.from_content()
    client.get(server.url + "/robots.txt")  # leaves a keep-alive connection open
    server.close()
    server.close()  # idempotent
    with pytest.raises(httpx.TransportError):
        httpx.get(server.url + "/robots.txt", timeout=2)


def test_seo_plugin_sitemaps_are_found_through_robots(client):
    with MirrorServer.from_content(sitemap_style="seo") as server:
        robots = client.get(server.url + "/robots.txt").text
        assert f"Sitemap: {server.url}/sitemap_index.xml" in robots
        r = client.get(server.url + "/wp-sitemap.xml")
        assert r.status_code == 301 and r.headers["location"] == server.url + "/sitemap_index.xml"
        index = ET.fromstring(client.get(server.url + "/sitemap_index.xml").content)
        maps = {s.find(f"{SM}loc").text: s.find(f"{SM}lastmod").text for s in index}
        assert server.url + "/publication-sitemap.xml" in maps
        urls = ET.fromstring(client.get(server.url + "/publication-sitemap.xml").content)
        locs = [u.find(f"{SM}loc").text for u in urls]
        assert sorted(locs) == sorted(server.url + p.path for p in server.publications)
        later, _ = later_state(server.publications)
        server.update(later)  # the style sticks
        assert client.get(server.url + "/wp-sitemap.xml").status_code == 301
