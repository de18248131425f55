"""The heldout6 site as a dict of URL path -> Resource."""
from __future__ import annotations

from datetime import datetime, timezone
from email.utils import format_datetime
from xml.sax.saxutils import escape as xesc

from watcher.mirror.render import Resource

from . import theme
from .content import PUBS, Pub
from .pdfgen import all_files

UTC = timezone.utc
PER_PAGE = 10
EPOCH = datetime(2025, 1, 6, 10, 0, tzinfo=UTC)

HTML = "text/html; charset=UTF-8"
XML = "application/xml; charset=UTF-8"

PAGES = [
    # path, title, paragraphs, id, modified
    ("/about-us/", "About us", [
        "His Majesty\u2019s Inspectorate of Constabulary and Fire &amp; Rescue Services (HMICFRS) independently "
        "assesses the effectiveness and efficiency of police forces and fire and rescue services, in the "
        "public interest.",
        "We are led by HM Chief Inspector of Constabulary and HM Chief Inspector of Fire &amp; Rescue Services."],
     12, datetime(2025, 3, 3, 9, 0, tzinfo=UTC)),
    ("/about-us/what-we-do/", "What we do", [
        "We inspect the 43 territorial police forces in England and Wales and the 44 fire and rescue "
        "services in England. We also inspect other policing bodies by invitation.",
        "Our reports are published on this website."],
     14, datetime(2025, 3, 3, 9, 5, tzinfo=UTC)),
    ("/our-work/", "Our work", [
        "Our work includes PEEL inspections of police forces, inspections of fire and rescue services, "
        "national child protection inspections, crime data integrity inspections, custody inspections with "
        "HM Inspectorate of Prisons and thematic inspections, many of them carried out jointly with other "
        "criminal justice inspectorates."],
     16, datetime(2025, 9, 24, 8, 0, tzinfo=UTC)),
    ("/contact-us/", "Contact us", [
        "Email: contact@hmicfrs.gov.uk",
        "Post: HMICFRS, 6th Floor, Globe House, 89 Eccleston Square, London SW1V 1PN"],
     18, datetime(2024, 11, 12, 14, 0, tzinfo=UTC)),
    ("/accessibility-statement/", "Accessibility statement", [
        "This website is run by HMICFRS. We want as many people as possible to be able to use it.",
        "Some older PDF documents are not fully accessible to screen reader software."],
     20, datetime(2025, 6, 2, 10, 0, tzinfo=UTC)),
    ("/cookies/", "Cookies", [
        "We use essential cookies to make this website work, and, with your consent, analytics cookies."],
     22, datetime(2024, 11, 12, 14, 30, tzinfo=UTC)),
    ("/privacy-notice/", "Privacy notice", [
        "This notice explains how HMICFRS uses personal information."],
     24, datetime(2024, 11, 12, 14, 45, tzinfo=UTC)),
]

NEWS = [
    ("children-still-waiting-too-long-for-decisions-on-diversion", "Children still waiting too long for decisions on diversion",
     "2025-10-15", 6875,
     ["A joint inspection by HM Inspectorate of Probation and HMICFRS has found that a child\u2019s chance of "
      "being diverted from the criminal justice system depends too much on where they live.",
      "The inspectorates make 18 recommendations to a range of national and local bodies."]),
    ("progress-on-group-based-child-sexual-exploitation-too-slow", "Progress on group-based child sexual exploitation too slow, says inspectorate",
     "2025-10-24", 6907,
     ["HMICFRS has found that forces and national bodies have been too slow to act on some of the "
      "recommendations in its 2023 report on group-based child sexual exploitation."]),
    ("inspection-programme-2025-26-published", "Inspection programme for 2025/26 published",
     "2025-09-24", 6826,
     ["HMICFRS has published its inspection programme and framework for 2025/26."]),
]

USERS = [("publications-team", "Publications team", 3), ("web-team", "Web team", 5)]


def _res(body, ctype, lm, pid=None, status=200, headers=None):
    if isinstance(body, str):
        body = body.encode("utf-8")
    return Resource(body=body, content_type=ctype, last_modified=lm, status=status,
                    headers=headers or {}, post_id=pid)


def _iso(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def _urlset(site: str, entries: list) -> str:
    rows = []
    for loc, lm in entries:
        lmx = f"<lastmod>{_iso(lm)}</lastmod>" if lm else ""
        rows.append(f"<url><loc>{xesc(loc)}</loc>{lmx}</url>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<?xml-stylesheet type="text/xsl" href="{site}/wp-sitemap.xsl" ?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + "".join(rows) + "</urlset>\n")


XSL = """<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
 xmlns:sitemap="http://www.sitemaps.org/schemas/sitemap/0.9" exclude-result-prefixes="sitemap">
<xsl:output method="html" encoding="UTF-8" indent="yes"/>
<xsl:template match="/"><html lang="en-GB"><head><title>XML Sitemap</title></head><body>
<h1>XML Sitemap</h1><p>This XML Sitemap is generated by WordPress to make your content more visible for search engines.</p>
<table><xsl:for-each select="//sitemap:loc"><tr><td><a href="{.}"><xsl:value-of select="."/></a></td></tr></xsl:for-each></table>
</body></html></xsl:template>
</xsl:stylesheet>
"""


def _feed(site: str, pubs: list) -> tuple[str, datetime]:
    newest = sorted(pubs, key=lambda p: p.published_dt, reverse=True)[:10]
    last_mod = max(p.modified_dt for p in PUBS)
    items = []
    for p in newest:
        items.append(
            "<item>"
            f"<title>{xesc(p.title)}</title>"
            f"<link>{site}/publications/{p.slug}/</link>"
            f"<dc:creator><![CDATA[{dict((u, n) for u, n, _ in USERS)[p.author]}]]></dc:creator>"
            f"<pubDate>{format_datetime(p.published_dt, usegmt=True)}</pubDate>"
            f"<category><![CDATA[{p.type}]]></category>"
            f'<guid isPermaLink="false">{site}/?post_type=publication&amp;p={p.post_id}</guid>'
            f"<description><![CDATA[{p.summary}]]></description>"
            "</item>")
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:atom="http://www.w3.org/2005/Atom" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/" '
            'xmlns:slash="http://purl.org/rss/1.0/modules/slash/">\n<channel>'
            "<title>HMICFRS</title>"
            f'<atom:link href="{site}/feed/" rel="self" type="application/rss+xml" />'
            f"<link>{site}</link>"
            "<description>His Majesty&#039;s Inspectorate of Constabulary and Fire &amp; Rescue Services</description>"
            f"<lastBuildDate>{format_datetime(last_mod, usegmt=True)}</lastBuildDate>"
            "<language>en-GB</language><sy:updatePeriod>hourly</sy:updatePeriod>"
            "<sy:updateFrequency>1</sy:updateFrequency><generator>https://wordpress.org/?v=6.4.3</generator>"
            + "".join(items) + "</channel></rss>\n")
    return body, last_mod


def resources(site: str, asset: str) -> dict:
    site = site.rstrip("/")
    asset = asset.rstrip("/")
    files = all_files()
    fileinfo = {k: (len(v[0]), v[2]) for k, v in files.items()}
    pubs = sorted(PUBS, key=lambda p: p.published_dt, reverse=True)
    newest_mod = max(p.modified_dt for p in PUBS)
    out: dict = {}

    # robots
    out["/robots.txt"] = _res(
        "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
        f"Sitemap: {site}/wp-sitemap.xml\n", "text/plain; charset=utf-8", EPOCH)

    # publications and HTML reports
    for p in pubs:
        out[f"/publications/{p.slug}/"] = _res(theme.publication_page(p, site, asset, fileinfo, pubs),
                                               HTML, p.modified_dt, p.post_id)
        if p.html:
            out[f"/publication-html/{p.slug}/"] = _res(theme.report_page(p, site, asset, pubs),
                                                       HTML, p.modified_dt, p.html_post_id)

    # files on the asset host
    for name, (data, ctype, _) in files.items():
        owner = next(p for p in PUBS if p.pdf == name or any(d.file == name for d in p.docs))
        lm = owner.published_dt if owner.pdf == name else owner.modified_dt
        out[f"/uploads/{name}"] = _res(data, ctype, lm)

    # listing
    types = sorted({p.type for p in PUBS})
    total = (len(pubs) + PER_PAGE - 1) // PER_PAGE
    for n in range(1, total + 1):
        chunk = pubs[(n - 1) * PER_PAGE:n * PER_PAGE]
        body = theme.listing_page(site, chunk, n, total, types, len(pubs))
        lm = max(p.modified_dt for p in chunk)
        # page 1 is /publications/ (the server answers /publications/page/1/ itself)
        out["/publications/" if n == 1 else f"/publications/page/{n}/"] = _res(body, HTML, lm)

    # taxonomy archives
    for t in types:
        tp = [p for p in pubs if p.type == t]
        out[f"/publication-type/{theme.type_slug(t)}/"] = _res(theme.term_page(site, t, tp), HTML,
                                                               max(p.modified_dt for p in tp))

    # pages, news, authors, home
    out["/"] = _res(theme.home_page(site, pubs), HTML, newest_mod, 2)
    for path, title, paras, pid, lm in PAGES:
        out[path] = _res(theme.simple_page(site, path, title, paras, pid), HTML, lm, pid)
    news_entries = []
    for slug, title, d, pid, paras in NEWS:
        lm = datetime.fromisoformat(d).replace(hour=0, minute=5, tzinfo=UTC)
        out[f"/news/{slug}/"] = _res(theme.simple_page(site, f"/news/{slug}/", title,
                                                       [theme.esc(x) for x in paras], pid, "post"), HTML, lm, pid)
        news_entries.append((f"{site}/news/{slug}/", lm))
    news_entries.sort(key=lambda e: e[1], reverse=True)
    out["/news/"] = _res(theme.simple_page(site, "/news/", "News", [
        f'<a href="{loc}">{theme.esc(next(t for s, t, *_ in NEWS if loc.endswith("/" + s + "/")))}</a>'
        for loc, _ in news_entries], 26), HTML, news_entries[0][1], 26)
    for uslug, uname, uid in USERS:
        mine = [p for p in pubs if p.author == uslug]
        out[f"/author/{uslug}/"] = _res(
            theme.shell(site, title=uname, body=f'<h1 class="ks-title">Posts by {theme.esc(uname)}</h1>'
                        f'<ul class="ks-teasers">{"".join(theme.teaser(p, site) for p in mine)}</ul>',
                        body_class=f"archive author author-{uslug} author-{uid}",
                        canonical=f"{site}/author/{uslug}/", key="author" + uslug),
            HTML, max(p.modified_dt for p in mine))

    # WordPress "guess" redirects for near-miss slugs
    for wrong, right in [
        ("/publications/west-midlands-national-child-protection-inspection/",
         "/publications/west-midlands-national-child-protection-inspection-november-2025/"),
        ("/publications/peel-2025-27-kent-police/", "/publications/peel-2025-27-inspection-of-kent-police/"),
        ("/publications/diverting-children-from-the-criminal-justice-system/",
         "/publications/effectiveness-of-diverting-children-from-the-criminal-justice-system/"),
    ]:
        out[wrong] = _res(b"", HTML, EPOCH, status=301, headers={"Location": site + right})

    # theme assets
    out["/wp-content/themes/kestrel/dist/core.min.css"] = _res(theme.CSS, "text/css; charset=utf-8", EPOCH)
    out["/wp-content/themes/kestrel/dist/app.min.js"] = _res(theme.JS, "application/javascript; charset=utf-8", EPOCH)

    # feed
    feed, feed_lm = _feed(site, pubs)
    out["/feed/"] = _res(feed, "application/rss+xml; charset=UTF-8", feed_lm)

    # core sitemaps (WordPress 6.5+ with lastmod)
    children = {
        "posts-post": [(loc, lm) for loc, lm in news_entries],
        "posts-page": [(f"{site}/", newest_mod)] + [(f"{site}{path}", lm) for path, _, _, _, lm in PAGES],
        "posts-publication": [(f"{site}/publications/{p.slug}/", p.modified_dt) for p in pubs],
        "posts-publication-html": [(f"{site}/publication-html/{p.slug}/", p.modified_dt) for p in pubs if p.html],
        "taxonomies-publication-type": [(f"{site}/publication-type/{theme.type_slug(t)}/", None) for t in types],
        "users": [(f"{site}/author/{u}/", None) for u, _, _ in USERS],
    }
    idx = []
    for name, entries in children.items():
        path = f"/wp-sitemap-{name}-1.xml"
        out[path] = _res(_urlset(site, entries), XML, newest_mod)
        idx.append(f"<sitemap><loc>{site}{path}</loc></sitemap>")
    out["/wp-sitemap.xml"] = _res(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<?xml-stylesheet type="text/xsl" href="{site}/wp-sitemap-index.xsl" ?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + "".join(idx) +
        "</sitemapindex>\n", XML, newest_mod)
    out["/wp-sitemap.xsl"] = _res(XSL, XML, EPOCH)
    out["/wp-sitemap-index.xsl"] = _res(XSL, XML, EPOCH)
    return out
