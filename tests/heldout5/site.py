"""Fifth held-out site: a WordPress site built to the site model (rules: docs/counting-rules.md).

Theme "Kestrel" (invented for this test): content in `<div class="entry-content">`
inside `<div id="primary">`, publication facts as a `<p>` of `<br>`-separated
"Label: value" lines, listing cards with `<span>` chips, findings as numbered `<h4>`
headings, ordered lists, bold lead-ins, tables and callout boxes. Discovery: robots.txt
names a Yoast-style /sitemap_index.xml (-> /publication-sitemap.xml, /page-sitemap.xml);
/wp-sitemap.xml redirects there; /feed/ carries the newest 10; /publications/page/N/.
PDFs are on the asset listener at /uploads/<file>.pdf (fpdf2, wrapped, page numbers).

`resources(site_url, asset_url)` -> {path: Resource} for MirrorServer.set_resources.
"""

from __future__ import annotations

import html
import re
from datetime import datetime, time, timedelta, timezone
from email.utils import format_datetime

from fpdf import FPDF

from watcher.mirror.render import Resource

from .content import EXPECTED, PUBS, TRIO, Pub  # noqa: F401  (re-exported)

HTML_CT = "text/html; charset=UTF-8"
XML_CT = "application/xml; charset=UTF-8"
RSS_CT = "application/rss+xml; charset=UTF-8"
PDF_CT = "application/pdf"
PER_PAGE = 10


def long_date(d) -> str:
    return f"{d.day} {d:%B %Y}"


def stamp(pub: Pub) -> datetime:
    return datetime.combine(pub.published, time(9, 30), tzinfo=timezone.utc)


def texturize(s: str) -> str:
    """WordPress-style curly apostrophes in text (attributes use double quotes)."""
    return re.sub(r"(?<=\w)'(?=\w)|(?<=s)'(?=\s)", "&#8217;", s)


# --- HTML blocks ---------------------------------------------------------------------------
def render_block(b) -> str:
    kind = b[0]
    if kind == "h2":
        _, text, anchor = b
        aid = f' id="{anchor}"' if anchor else ""
        return f'<h2 class="kst-section"{aid}>{texturize(text)}</h2>'
    if kind == "h3":
        return f"<h3>{texturize(b[1])}</h3>"
    if kind == "h4":
        return f'<h4 class="kst-numbered">{texturize(b[1])}</h4>'
    if kind == "p":
        return f"<p>{texturize(b[1])}</p>"
    if kind == "ol":
        start = f' start="{b[2]}"' if b[2] != 1 else ""
        items = "".join(f"<li>{texturize(i)}</li>" for i in b[1])
        return f'<ol class="kst-list"{start}>{items}</ol>'
    if kind == "ul":
        return "<ul>" + "".join(f"<li>{texturize(i)}</li>" for i in b[1]) + "</ul>"
    if kind == "box":
        _, k, label, paras = b
        inner = "".join(f"<p>{texturize(p)}</p>" for p in paras)
        return (f'<div class="kst-callout kst-callout--{k}"><p class="kst-callout__label">'
                f"{label}</p>{inner}</div>")
    if kind == "table":
        _, header, rows = b
        head = "".join(f"<th>{h}</th>" for h in header)
        body = "".join("<tr>" + "".join(f"<td>{texturize(c)}</td>" for c in r) + "</tr>"
                       for r in rows)
        return (f'<table class="kst-table"><thead><tr>{head}</tr></thead>'
                f"<tbody>{body}</tbody></table>")
    if kind == "quote":
        return "<blockquote>" + "".join(f"<p>{texturize(p)}</p>" for p in b[1]) + "</blockquote>"
    raise ValueError(kind)


def page(title: str, body: str, site: str, *, body_class: str, canonical: str = "") -> bytes:
    canon = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    out = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} &#8211; HMICFRS</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="HMICFRS">
{canon}
<link rel="stylesheet" id="kestrel-style-css" href="{site}/wp-content/themes/kestrel/style.css?ver=2.3.1" media="all">
<link rel="alternate" type="application/rss+xml" title="HMICFRS &raquo; Feed" href="{site}/feed/">
</head>
<body class="{body_class}">
<a class="skip-link screen-reader-text" href="#primary">Skip to content</a>
<header id="masthead" class="kst-header">
  <a class="kst-logo" href="{site}/">HM Inspectorate of Constabulary and Fire &amp; Rescue Services</a>
  <nav class="kst-nav" aria-label="Main"><ul>
    <li><a href="{site}/publications/">Publications</a></li>
    <li><a href="{site}/peel-assessments/">PEEL assessments</a></li>
    <li><a href="{site}/frs-assessment/">Fire and rescue assessments</a></li>
    <li><a href="{site}/about-us/">About us</a></li>
  </ul></nav>
</header>
<div id="page" class="kst-wrap">
<div id="primary" class="content-area">
<main id="main" class="site-main">
{body}
</main>
</div>
<aside id="secondary" class="widget-area">
  <section class="widget"><h2 class="widget-title">Sign up for updates</h2>
  <p>Get an email when we publish a new report.</p></section>
</aside>
</div>
<footer class="kst-footer"><p>&copy; Crown copyright. All content is available under the Open Government Licence v3.0.</p>
<p><a href="{site}/privacy/">Privacy</a> | <a href="{site}/accessibility/">Accessibility</a></p></footer>
</body>
</html>
"""
    return out.encode("utf-8")


def facts(pub: Pub) -> str:
    lines = [f"<strong>Published:</strong> {long_date(pub.published)}",
             f"<strong>Type:</strong> {pub.type}"]
    if pub.forces_line:
        lines.append(f"<strong>Forces:</strong> {pub.forces_line}")
    if pub.services:
        lines.append("<strong>Fire and rescue services:</strong> " + ", ".join(pub.services))
    if pub.joint_with:
        lines.append("<strong>Joint inspection with:</strong> " + ", ".join(pub.joint_with))
    return '<p class="kst-facts">' + "<br>\n".join(lines) + "</p>"


def publication_page(pub: Pub, site: str, asset: str, pdf_size: int | None) -> bytes:
    docs = []
    if pub.pdf:
        kb = max(1, (pdf_size or 0) // 1024)
        docs.append(f'<li><a class="kst-doc" href="{asset}/uploads/{pub.pdf_file}">'
                    f"{html.escape(pub.title)}</a> <span class=\"kst-doc-meta\">(PDF document, "
                    f"{kb} KB)</span></li>")
    online = ""
    if pub.html:
        online = (f'<p class="kst-online"><a class="kst-button" href="{site}/publication-html/'
                  f'{pub.slug}/">Read the report online</a></p>')
    docs_html = ""
    if docs:
        docs_html = ('<div class="kst-downloads"><h2>Documents</h2><ul>' + "".join(docs)
                     + "</ul></div>")
    body = f"""<article id="post-{pub.post_id}" class="post-{pub.post_id} publication type-publication status-publish">
<nav class="kst-crumbs"><a href="{site}/">Home</a> &rsaquo; <a href="{site}/publications/">Publications</a></nav>
<header class="entry-header"><h1 class="entry-title">{html.escape(pub.title)}</h1></header>
{facts(pub)}
<div class="entry-content">
<p>{texturize(html.escape(pub.summary, quote=False))}</p>
{online}
{docs_html}
</div>
</article>"""
    return page(pub.title, body, site, body_class=f"publication-template-default single "
                f"single-publication postid-{pub.post_id}",
                canonical=f"{site}/publications/{pub.slug}/")


def report_page(pub: Pub, site: str) -> bytes:
    toc = "".join(f'<li><a href="#{b[2]}">{texturize(b[1])}</a></li>'
                  for b in pub.body if b[0] == "h2" and b[2])
    content = "\n".join(render_block(b) for b in pub.body)
    body = f"""<article class="publication-html">
<header class="kst-report-head">
<h1 class="entry-title">{html.escape(pub.title)}</h1>
<p class="kst-report-date">Published on: {long_date(pub.published)}</p>
<button type="button" class="kst-print" onclick="window.print()">Print this document</button>
</header>
<nav class="kst-toc" aria-label="Contents"><h2>Contents</h2><ol>{toc}</ol></nav>
<div class="entry-content">
{content}
</div>
<p class="kst-back"><a href="{site}/publications/{pub.slug}/">Back to the publication page</a></p>
</article>"""
    return page(pub.title, body, site, body_class="publication-html-template-default single",
                canonical=f"{site}/publication-html/{pub.slug}/")


def listing_page(pubs: list[Pub], n: int, pages: int, site: str) -> bytes:
    cards = []
    for p in pubs:
        cards.append(f"""<article class="kst-card">
<h2 class="kst-card__title"><a href="{site}/publications/{p.slug}/">{html.escape(p.title)}</a></h2>
<div class="kst-chips"><span class="kst-chip kst-chip--date">{long_date(p.published)}</span> <span class="kst-chip">{p.type}</span></div>
<p>{texturize(html.escape(p.summary, quote=False))}</p>
</article>""")
    nav = []
    if n > 1:
        prev = f"{site}/publications/" if n == 2 else f"{site}/publications/page/{n - 1}/"
        nav.append(f'<a class="prev page-numbers" href="{prev}">Previous</a>')
    for i in range(1, pages + 1):
        href = f"{site}/publications/" if i == 1 else f"{site}/publications/page/{i}/"
        nav.append(f'<span aria-current="page" class="page-numbers current">{i}</span>' if i == n
                   else f'<a class="page-numbers" href="{href}">{i}</a>')
    if n < pages:
        nav.append(f'<a class="next page-numbers" href="{site}/publications/page/{n + 1}/">Next</a>')
    body = ('<header class="page-header"><h1 class="page-title">Publications</h1></header>'
            + "\n".join(cards)
            + '<nav class="navigation pagination"><div class="nav-links">' + " ".join(nav)
            + "</div></nav>")
    return page("Publications", body, site, body_class="archive post-type-archive "
                "post-type-archive-publication")


# --- PDF -----------------------------------------------------------------------------------
def _plain(s: str) -> str:
    s = re.sub(r"<br\s*/?>", "\n", s)
    s = re.sub(r"<[^>]+>", "", s)
    s = html.unescape(s)
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u2013", "-"), ("\u2014", "-"), ("\u00a0", " ")):
        s = s.replace(a, b)
    return s.encode("latin-1", "replace").decode("latin-1")


class _Doc(FPDF):
    def __init__(self, title):
        super().__init__(format="A4")
        self.doc_title = title
        self.set_auto_page_break(True, margin=20)
        self.set_margins(22, 20, 22)

    def footer(self):
        self.set_y(-14)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 6, f"{self.page_no()}", align="C")


def build_pdf(pub: Pub) -> bytes:
    pdf = _Doc(pub.title)
    pdf.set_title(_plain(pub.title))
    pdf.set_author("HMICFRS")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.ln(30)
    pdf.multi_cell(0, 10, _plain(pub.title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.set_font("Helvetica", "", 12)
    pdf.multi_cell(0, 7, f"Published: {long_date(pub.published)}", new_x="LMARGIN",
                   new_y="NEXT")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, "Contents", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    for b in pub.body:
        if b[0] == "h2":
            pdf.cell(0, 6, _plain(b[1]), new_x="LMARGIN", new_y="NEXT")
    for b in pub.body:
        k = b[0]
        if k == "h2":
            pdf.add_page()
            pdf.set_font("Helvetica", "B", 15)
            pdf.multi_cell(0, 8, _plain(b[1]), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif k in ("h3", "h4"):
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 13 if k == "h3" else 11)
            pdf.multi_cell(0, 6, _plain(b[1]), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif k == "p":
            pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(0, 5.5, _plain(b[1]), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif k in ("ol", "ul"):
            pdf.set_font("Helvetica", "", 11)
            start = b[2] if k == "ol" else 1
            for i, item in enumerate(b[1], start):
                mark = f"{i}." if k == "ol" else "-"
                pdf.cell(8, 5.5, mark)
                pdf.multi_cell(0, 5.5, _plain(item), new_x="LMARGIN", new_y="NEXT")
                pdf.ln(1.5)
        elif k == "box":
            _, _kind, label, paras = b
            pdf.set_font("Helvetica", "B", 11)
            pdf.multi_cell(0, 6, _plain(label), border="LTR", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "", 11)
            for p in paras:
                pdf.multi_cell(0, 5.5, _plain(p), border="LR", new_x="LMARGIN", new_y="NEXT")
            pdf.cell(0, 1, "", border="LBR", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        elif k == "table":
            _, header, rows = b
            pdf.set_font("Helvetica", "B", 10)
            pdf.multi_cell(0, 5.5, _plain(" | ".join(header)), new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "", 10)
            for r in rows:
                pdf.multi_cell(0, 5.5, _plain(" | ".join(r)), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif k == "quote":
            pdf.set_font("Helvetica", "I", 11)
            pdf.set_x(pdf.l_margin + 8)
            for p in b[1]:
                pdf.multi_cell(pdf.epw - 8, 5.5, _plain(p), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    pdf.set_creation_date(stamp(pub))
    return bytes(pdf.output())


# --- discovery -----------------------------------------------------------------------------
def _iso(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def sitemap_urlset(entries) -> bytes:
    urls = "".join(f"<url><loc>{html.escape(loc)}</loc><lastmod>{_iso(lm)}</lastmod></url>"
                   for loc, lm in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<?xml-stylesheet type="text/xsl" href="//127.0.0.1/main-sitemap.xsl"?>\n'
            '<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" '
            'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + urls
            + "</urlset>\n").encode()


def feed(pubs: list[Pub], site: str, built: datetime) -> bytes:
    items = []
    for p in pubs[:10]:
        link = f"{site}/publications/{p.slug}/"
        items.append(f"""<item>
<title>{html.escape(p.title)}</title>
<link>{link}</link>
<pubDate>{format_datetime(stamp(p), usegmt=True)}</pubDate>
<dc:creator><![CDATA[HMICFRS]]></dc:creator>
<category><![CDATA[{p.type}]]></category>
<guid isPermaLink="false">{site}/?post_type=publication&amp;p={p.post_id}</guid>
<description><![CDATA[{p.summary}]]></description>
</item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:atom="http://www.w3.org/2005/Atom"
 xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
<channel>
<title>HMICFRS</title>
<atom:link href="{site}/feed/" rel="self" type="application/rss+xml" />
<link>{site}</link>
<description>His Majesty&#039;s Inspectorate of Constabulary and Fire &amp; Rescue Services</description>
<lastBuildDate>{format_datetime(built, usegmt=True)}</lastBuildDate>
<language>en-GB</language>
<sy:updatePeriod>hourly</sy:updatePeriod>
<generator>https://wordpress.org/?v=6.6.2</generator>
{''.join(items)}
</channel>
</rss>
""".encode()


def resources(site: str, asset: str) -> dict[str, Resource]:
    site, asset = site.rstrip("/"), asset.rstrip("/")
    pubs = sorted(PUBS, key=lambda p: p.published, reverse=True)
    built = max(stamp(p) for p in pubs) + timedelta(hours=2)
    res: dict[str, Resource] = {}
    sitemap_entries = []
    for p in pubs:
        lm = stamp(p)
        size = None
        if p.pdf:
            body = build_pdf(p)
            size = len(body)
            res[f"/uploads/{p.pdf_file}"] = Resource(body, PDF_CT, lm)
        if p.html:
            res[f"/publication-html/{p.slug}/"] = Resource(report_page(p, site), HTML_CT, lm)
        res[f"/publications/{p.slug}/"] = Resource(publication_page(p, site, asset, size),
                                                  HTML_CT, lm, post_id=p.post_id)
        sitemap_entries.append((f"{site}/publications/{p.slug}/", lm))
    pages = (len(pubs) + PER_PAGE - 1) // PER_PAGE
    for n in range(1, pages + 1):
        chunk = pubs[(n - 1) * PER_PAGE:n * PER_PAGE]
        path = "/publications/" if n == 1 else f"/publications/page/{n}/"
        res[path] = Resource(listing_page(chunk, n, pages, site), HTML_CT, built)
    static = {"/about-us/": "About us", "/privacy/": "Privacy", "/accessibility/": "Accessibility"}
    for path, title in static.items():
        res[path] = Resource(page(title, f"<article><h1>{title}</h1><div class=\"entry-content\">"
                                  "<p>About HMICFRS.</p></div></article>", site,
                                  body_class="page"), HTML_CT, built)
    res["/"] = Resource(page("HMICFRS", '<section class="kst-home"><h1>Latest publications</h1>'
                             + "".join(f'<p><a href="{site}/publications/{p.slug}/">'
                                       f"{html.escape(p.title)}</a></p>" for p in pubs[:5])
                             + "</section>", site, body_class="home"), HTML_CT, built)
    res["/publication-sitemap.xml"] = Resource(sitemap_urlset(sitemap_entries), XML_CT, built)
    res["/page-sitemap.xml"] = Resource(
        sitemap_urlset([(f"{site}{p}", built) for p in static]), XML_CT, built)
    index = ('<?xml version="1.0" encoding="UTF-8"?>'
             '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             f"<sitemap><loc>{site}/publication-sitemap.xml</loc><lastmod>{_iso(built)}"
             "</lastmod></sitemap>"
             f"<sitemap><loc>{site}/page-sitemap.xml</loc><lastmod>{_iso(built)}</lastmod>"
             "</sitemap></sitemapindex>\n").encode()
    res["/sitemap_index.xml"] = Resource(index, XML_CT, built)
    res["/wp-sitemap.xml"] = Resource(b"", HTML_CT, built, status=301,
                                      headers={"Location": f"{site}/sitemap_index.xml"})
    res["/robots.txt"] = Resource(
        ("User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
         f"Sitemap: {site}/sitemap_index.xml\n").encode(), "text/plain; charset=utf-8", built)
    res["/feed/"] = Resource(feed(pubs, site, built), RSS_CT, built)
    res["/404/"] = Resource(page("Page not found", "<h1>Page not found</h1>", site,
                                 body_class="error404"), HTML_CT, built, status=404)
    return res
