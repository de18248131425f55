"""Heldout site 4: the theme ("Civic", a plain HTML5 public-sector theme) and the
resource map a MirrorServer serves.  Content lives in content.py.

build_site(base_url, asset_url) -> {path: Resource}
"""

from __future__ import annotations

import html
import io
import re
from datetime import datetime, timedelta, timezone

from fpdf import FPDF

from watcher.mirror.render import Resource

HTML = "text/html; charset=UTF-8"
XML = "application/xml; charset=UTF-8"
RSS = "application/rss+xml; charset=UTF-8"
PDF = "application/pdf"
TEXT = "text/plain; charset=utf-8"

PER_PAGE = 8
FEED_ITEMS = 10
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def long_date(d) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _id(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", re.sub(r"<[^>]+>", "", text).lower()).strip("-")


# --- page furniture ----------------------------------------------------------------------

def page(base: str, title: str, body: str, *, body_class: str = "", description: str = "") -> bytes:
    return f"""<!DOCTYPE html>
<html lang="en-GB" class="no-js">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} &#8211; His Majesty&#8217;s Inspectorate of Constabulary and Fire &amp; Rescue Services</title>
<meta name="description" content="{html.escape(description)}">
<meta property="og:site_name" content="HMICFRS">
<meta property="og:title" content="{html.escape(title)}">
<link rel="stylesheet" id="civic-style-css" href="{base}/wp-content/themes/civic/dist/main.css?ver=3.2.1" media="all">
<link rel="alternate" type="application/rss+xml" title="HMICFRS &raquo; Feed" href="{base}/feed/">
<link rel="https://api.w.org/" href="{base}/wp-json/">
</head>
<body class="{body_class}">
<a class="skip-link" href="#content">Skip to main content</a>
<div class="notice-bar" role="region" aria-label="Cookies"><p>We use some essential cookies to make this website work. <a href="{base}/cookies/">Read our cookie policy</a>.</p></div>
<header class="site-header">
  <div class="site-header__inner">
    <a class="site-header__logo" href="{base}/" rel="home"><img src="{base}/wp-content/themes/civic/dist/img/logo.svg" alt="His Majesty's Inspectorate of Constabulary and Fire &amp; Rescue Services"></a>
    <form class="site-search" role="search" action="{base}/"><label for="s">Search this site</label><input id="s" name="s" type="search"><button>Search</button></form>
  </div>
  <nav class="primary-nav" aria-label="Main menu"><ul>
    <li><a href="{base}/about-us/">About us</a></li>
    <li><a href="{base}/police-forces/">Police forces</a></li>
    <li><a href="{base}/fire-and-rescue-services/">Fire &amp; rescue services</a></li>
    <li><a href="{base}/publications/">Publications</a></li>
    <li><a href="{base}/news/">News</a></li>
  </ul></nav>
</header>
<main id="content" class="site-main">
{body}
</main>
<footer class="site-footer">
  <section class="site-footer__newsletter"><h2>Stay up to date</h2><p>Sign up to get an email whenever we publish a report.</p><p><a href="{base}/subscribe/">Subscribe</a></p></section>
  <nav aria-label="Footer"><ul><li><a href="{base}/accessibility/">Accessibility</a></li><li><a href="{base}/privacy-notice/">Privacy</a></li><li><a href="{base}/contact-us/">Contact us</a></li></ul></nav>
  <p class="site-footer__copy">&copy; Crown copyright 2025. All content is available under the Open Government Licence v3.0, except where otherwise stated.</p>
</footer>
<script src="{base}/wp-content/themes/civic/dist/main.js?ver=3.2.1" id="civic-js"></script>
</body>
</html>
""".encode()


# --- report blocks -> HTML ---------------------------------------------------------------

def _attrs(opts: dict) -> str:
    return "".join(f' {k}="{html.escape(str(v))}"' for k, v in opts.items())


def block_html(b) -> str:
    kind = b[0]
    if kind in ("h3", "h4"):
        return f"<{kind} id=\"{_id(b[1])}\">{b[1]}</{kind}>"
    if kind == "p":
        return f"<p>{b[1]}</p>"
    if kind in ("ol", "ul"):
        opts = b[2] if len(b) > 2 else {}
        items = "".join(f"<li>{i}</li>" for i in b[1])
        return f"<{kind}{_attrs(opts)}>{items}</{kind}>"
    if kind == "quote":
        return "<blockquote class=\"wp-block-quote\">" + "".join(f"<p>{p}</p>" for p in b[1]) + "</blockquote>"
    if kind == "callout":  # ("callout", label, title|None, [paras], css)
        _, label, title, paras, css = b
        inner = f'<p class="callout__label">{label}</p>'
        if title:
            inner += f'<h4 class="callout__title">{title}</h4>'
        inner += "".join(f"<p>{p}</p>" for p in paras)
        tag = "aside" if "practice" in css else "div"
        return f'<{tag} class="callout {css}">{inner}</{tag}>'
    if kind == "table":  # ("table", caption, head, rows)
        _, caption, head, rows = b
        th = "".join(f'<th scope="col">{h}</th>' for h in head)
        trs = "".join("<tr>" + f'<th scope="row">{r[0]}</th>' + "".join(f"<td>{c}</td>" for c in r[1:]) + "</tr>" for r in rows)
        return f'<figure class="wp-block-table"><table><caption>{caption}</caption><thead><tr>{th}</tr></thead><tbody>{trs}</tbody></table></figure>'
    if kind == "raw":
        return b[1]
    raise ValueError(kind)


def report_html(base: str, asset: str, pub) -> bytes:
    sections = []  # (title, [blocks])
    for b in pub.report:
        if b[0] == "h2":
            sections.append((b[1], []))
        else:
            sections[-1][1].append(b)
    toc = "".join(f'<li><a href="#{_id(t)}">{t}</a></li>' for t, _ in sections)
    parts = []
    for t, blocks in sections:
        inner = "\n".join(block_html(b) for b in blocks)
        parts.append(f'<section class="report-section" id="{_id(t)}" aria-labelledby="{_id(t)}-h">\n'
                     f'<h2 id="{_id(t)}-h">{t}</h2>\n{inner}\n</section>')
    pdf_link = ""
    if pub.pdf:
        pdf_link = (f'<li><a class="report-tools__pdf" href="{asset}/uploads/{pub.pdf_file}">'
                    f'Download this report as a PDF</a></li>')
    body = f"""<div class="report-layout">
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="{base}/">Home</a></li><li><a href="{base}/publications/">Publications</a></li><li><a href="{base}/publications/{pub.slug}/">{pub.title}</a></li><li aria-current="page">Online report</li></ol></nav>
<article class="report" id="post-{pub.post_id + 5000}">
<header class="report__header">
<p class="report__kicker">{pub.type}</p>
<h1 class="report__title">{pub.title}</h1>
<p class="report__date">Published on: <time datetime="{pub.published.isoformat()}">{long_date(pub.published)}</time></p>
<ul class="report-tools">
<li><button type="button" class="report-tools__print" onclick="window.print()">Print this document</button></li>
{pdf_link}
</ul>
</header>
<nav class="report-contents" aria-labelledby="contents-heading">
<h2 id="contents-heading" class="report-contents__heading">Contents</h2>
<ol>{toc}</ol>
</nav>
<div class="report__body">
{chr(10).join(parts)}
</div>
<footer class="report__footer"><p><a href="#content">Back to top</a></p></footer>
</article>
</div>"""
    return page(base, pub.title + " (online report)", body, body_class="publication-html-template-default single single-publication-html")


# --- publication page ----------------------------------------------------------------------

def publication_page(base: str, asset: str, pub, pdf_size: int | None) -> bytes:
    dl = [f'<dt>Published:</dt><dd><time datetime="{pub.published.isoformat()}">{long_date(pub.published)}</time></dd>',
          f'<dt>Publication type:</dt><dd>{pub.type}</dd>']
    if pub.forces:
        label = "Force:" if len(pub.forces) == 1 else "Forces:"
        dl.append(f"<dt>{label}</dt>" + "".join(f"<dd>{f}</dd>" for f in pub.forces))
    elif pub.services:
        label = "Fire and rescue service:" if len(pub.services) == 1 else "Fire and rescue services:"
        dl.append(f"<dt>{label}</dt>" + "".join(f"<dd>{s}</dd>" for s in pub.services))
    elif pub.all_forces:
        dl.append("<dt>Forces:</dt><dd>All forces</dd>")
    if pub.joint_with:
        dl.append("<dt>Joint inspection with:</dt>" + "".join(f"<dd>{j}</dd>" for j in pub.joint_with))
    docs = []
    if pub.report and pub.html_report:
        docs.append(f'<li class="doc doc--html"><a href="{base}/publication-html/{pub.slug}/">Read the report online</a> <span class="doc__meta">(HTML)</span></li>')
    if pub.pdf:
        kb = max(1, round(pdf_size / 1024))
        docs.append(f'<li class="doc doc--pdf"><a href="{asset}/uploads/{pub.pdf_file}">{pub.pdf_label}</a> <span class="doc__meta">(PDF document, {kb} KB)</span></li>')
    docs_html = ""
    if docs:
        docs_html = f'<section class="publication__documents" aria-labelledby="docs-h"><h2 id="docs-h">Documents</h2><ul class="doc-list">{"".join(docs)}</ul></section>'
    summary = "".join(f"<p>{p}</p>" for p in pub.summary)
    related = ('<section class="publication__related"><h2>Related publications</h2><ul>'
               f'<li><a href="{base}/publications/">Browse all publications</a></li>'
               f'<li><a href="https://www.justiceinspectorates.gov.uk/hmicfrs/our-work/">Our work (archived site)</a></li></ul></section>')
    body = f"""<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="{base}/">Home</a></li><li><a href="{base}/publications/">Publications</a></li><li aria-current="page">{pub.title}</li></ol></nav>
<article class="publication" id="post-{pub.post_id}">
<h1 class="publication__title">{pub.title}</h1>
<dl class="publication__facts">
{chr(10).join(dl)}
</dl>
<div class="publication__summary">
<h2>Summary</h2>
{summary}
</div>
{docs_html}
<section class="share"><h2 class="visually-hidden">Share this page</h2><ul><li><a href="https://www.linkedin.com/shareArticle?url={base}/publications/{pub.slug}/">LinkedIn</a></li><li><a href="mailto:?subject={html.escape(pub.title)}">Email</a></li></ul></section>
</article>
{related}"""
    return page(base, pub.title, body, body_class=f"publication-template-default single single-publication postid-{pub.post_id}",
                description=pub.summary[0] if pub.summary else "")


def listing_page(base: str, pubs, n: int, pages: int) -> bytes:
    cards = []
    for p in pubs:
        cards.append(f"""<article class="card card--publication">
<p class="card__type">{p.type}</p>
<h2 class="card__title"><a href="{base}/publications/{p.slug}/">{p.title}</a></h2>
<p class="card__meta"><time datetime="{p.published.isoformat()}">{long_date(p.published)}</time></p>
<p class="card__summary">{p.summary[0]}</p>
</article>""")
    nav = []
    if n > 1:
        prev = f"{base}/publications/" if n == 2 else f"{base}/publications/page/{n - 1}/"
        nav.append(f'<a class="prev page-numbers" href="{prev}">Previous</a>')
    for i in range(1, pages + 1):
        href = f"{base}/publications/" if i == 1 else f"{base}/publications/page/{i}/"
        nav.append(f'<span aria-current="page" class="page-numbers current">{i}</span>' if i == n
                   else f'<a class="page-numbers" href="{href}">{i}</a>')
    if n < pages:
        nav.append(f'<a class="next page-numbers" href="{base}/publications/page/{n + 1}/">Next</a>')
    body = f"""<header class="archive-header"><h1>Publications</h1><p>Our inspection reports, data and corporate documents.</p></header>
<div class="archive-list">
{chr(10).join(cards)}
</div>
<nav class="navigation pagination" aria-label="Posts"><div class="nav-links">{" ".join(nav)}</div></nav>"""
    return page(base, "Publications" + (f" &#8211; Page {n}" if n > 1 else ""), body,
                body_class="archive post-type-archive post-type-archive-publication")


# --- PDF ------------------------------------------------------------------------------------

_SUBS = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
         "\u00a0": " ", "&nbsp;": " "}


def _plain(text: str) -> str:
    text = re.sub(r"<br\s*/?>", "\n", text)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    for a, b in _SUBS.items():
        text = text.replace(a, b)
    return text.encode("latin-1", "replace").decode("latin-1")


class _Doc(FPDF):
    running = ""

    def header(self):
        if self.page_no() > 1:
            self.set_font("Helvetica", "I", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 8, self.running, align="R")
            self.ln(12)
            self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 10, f"{self.page_no()}", align="C")


def report_pdf(pub) -> bytes:
    doc = _Doc(format="A4")
    doc.running = _plain(pub.title)[:90]
    doc.set_creation_date(datetime(pub.published.year, pub.published.month, pub.published.day, tzinfo=timezone.utc))
    doc.set_title(_plain(pub.title))
    doc.set_author("HMICFRS")
    doc.set_auto_page_break(True, margin=20)
    doc.set_margins(22, 20, 22)
    doc.add_page()
    doc.set_font("Helvetica", "B", 22)
    doc.ln(40)
    doc.multi_cell(0, 10, _plain(pub.title), new_x="LMARGIN", new_y="NEXT")
    doc.ln(6)
    doc.set_font("Helvetica", "", 12)
    doc.multi_cell(0, 7, f"{long_date(pub.published)}", new_x="LMARGIN", new_y="NEXT")
    doc.ln(80)
    doc.set_font("Helvetica", "", 9)
    doc.multi_cell(0, 5, "(c) HMICFRS 2025. ISBN: 978-1-80" + str(1000 + pub.post_id)[-3:] + "-4" + str(pub.post_id)[-2:] + "-0\nwww.hmicfrs.justiceinspectorates.gov.uk", new_x="LMARGIN", new_y="NEXT")
    doc.add_page()
    doc.set_font("Helvetica", "B", 16)
    doc.cell(0, 10, "Contents", new_x="LMARGIN", new_y="NEXT")
    doc.ln(2)
    doc.set_font("Helvetica", "", 11)
    for b in pub.report:
        if b[0] == "h2":
            doc.cell(0, 7, _plain(b[1]), new_x="LMARGIN", new_y="NEXT")
    for b in pub.report:
        kind = b[0]
        if kind == "h2":
            doc.add_page()
            doc.set_font("Helvetica", "B", 16)
            doc.multi_cell(0, 9, _plain(b[1]), new_x="LMARGIN", new_y="NEXT")
            doc.ln(3)
        elif kind in ("h3", "h4"):
            doc.ln(2)
            doc.set_font("Helvetica", "B", 13 if kind == "h3" else 11)
            doc.multi_cell(0, 7, _plain(b[1]), new_x="LMARGIN", new_y="NEXT")
            doc.ln(1)
        elif kind == "p":
            doc.set_font("Helvetica", "", 11)
            doc.multi_cell(0, 6, _plain(b[1]), new_x="LMARGIN", new_y="NEXT")
            doc.ln(3)
        elif kind in ("ol", "ul"):
            opts = b[2] if len(b) > 2 else {}
            start = int(opts.get("start", 1))
            doc.set_font("Helvetica", "", 11)
            for i, item in enumerate(b[1]):
                if kind == "ol" and opts.get("type") != "a":
                    mark = f"{start + i}."
                elif kind == "ol":
                    mark = ""
                else:
                    mark = "-" if "parts" not in opts.get("class", "") else ""
                doc.set_x(22)
                doc.cell(10, 6, mark)
                doc.multi_cell(0, 6, _plain(item), new_x="LMARGIN", new_y="NEXT")
                doc.ln(2)
            doc.ln(1)
        elif kind == "quote":
            doc.set_font("Helvetica", "I", 11)
            for p in b[1]:
                doc.set_x(32)
                doc.multi_cell(0, 6, _plain(p), new_x="LMARGIN", new_y="NEXT")
                doc.ln(2)
        elif kind == "callout":
            _, label, title, paras, _css = b
            doc.ln(2)
            doc.set_font("Helvetica", "B", 11)
            doc.multi_cell(0, 6, _plain(label + (": " + title if title else "")), new_x="LMARGIN", new_y="NEXT")
            doc.set_font("Helvetica", "", 11)
            for p in paras:
                doc.multi_cell(0, 6, _plain(p), new_x="LMARGIN", new_y="NEXT")
                doc.ln(2)
            doc.ln(2)
        elif kind == "table":
            _, caption, head, rows = b
            doc.set_font("Helvetica", "B", 10)
            doc.multi_cell(0, 6, _plain(caption), new_x="LMARGIN", new_y="NEXT")
            doc.set_font("Helvetica", "", 10)
            for r in rows:
                doc.cell(100, 6, _plain(r[0]))
                doc.cell(0, 6, _plain(" ".join(r[1:])), new_x="LMARGIN", new_y="NEXT")
            doc.ln(3)
        elif kind == "raw":
            doc.set_font("Helvetica", "", 11)
            doc.multi_cell(0, 6, _plain(b[2]), new_x="LMARGIN", new_y="NEXT")
            doc.ln(3)
    out = doc.output()
    return bytes(out)


# --- discovery -----------------------------------------------------------------------------

def _w3c(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def _rfc822(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).strftime("%a, %d %b %Y %H:%M:%S +0000")


def urlset(base: str, entries) -> bytes:
    rows = "".join(f"\n\t<url>\n\t\t<loc>{loc}</loc>\n\t\t<lastmod>{_w3c(lm)}</lastmod>\n\t</url>" for loc, lm in entries)
    return (f'<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" href="{base}/main-sitemap.xsl"?>\n'
            '<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" '
            'xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd '
            'http://www.google.com/schemas/sitemap-image/1.1 http://www.google.com/schemas/sitemap-image/1.1/sitemap-image.xsd" '
            f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}\n</urlset>\n<!-- XML Sitemap generated by Yoast SEO -->').encode()


def feed(base: str, pubs, built: datetime) -> bytes:
    items = []
    for p in pubs[:FEED_ITEMS]:
        items.append(f"""	<item>
		<title>{html.escape(p.title)}</title>
		<link>{base}/publications/{p.slug}/</link>
		<dc:creator><![CDATA[HMICFRS]]></dc:creator>
		<pubDate>{_rfc822(p.posted)}</pubDate>
		<category><![CDATA[{p.type}]]></category>
		<guid isPermaLink="false">{base}/?post_type=publication&#038;p={p.post_id}</guid>
		<description><![CDATA[{p.summary[0]}]]></description>
	</item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>
<channel>
	<title>HMICFRS</title>
	<atom:link href="{base}/feed/" rel="self" type="application/rss+xml" />
	<link>{base}</link>
	<description>His Majesty&#039;s Inspectorate of Constabulary and Fire &amp; Rescue Services</description>
	<lastBuildDate>{_rfc822(built)}</lastBuildDate>
	<language>en-GB</language>
	<sy:updatePeriod>hourly</sy:updatePeriod>
	<sy:updateFrequency>1</sy:updateFrequency>
	<generator>https://wordpress.org/?v=6.7.2</generator>
{chr(10).join(items)}
</channel>
</rss>
""".encode()


def build_site(pubs, base_url: str, asset_url: str) -> dict[str, Resource]:
    base, asset = base_url.rstrip("/"), asset_url.rstrip("/")
    pubs = sorted(pubs, key=lambda p: (p.published, p.post_id), reverse=True)
    res: dict[str, Resource] = {}
    newest = max(p.modified for p in pubs)
    html_entries, pub_entries = [], []
    for p in pubs:
        size = None
        if p.pdf:
            body = report_pdf(p)
            size = len(body)
            res[f"/uploads/{p.pdf_file}"] = Resource(body, PDF, p.modified)
        if p.report and p.html_report:
            res[f"/publication-html/{p.slug}/"] = Resource(report_html(base, asset, p), HTML, p.modified)
            html_entries.append((f"{base}/publication-html/{p.slug}/", p.modified))
        res[f"/publications/{p.slug}/"] = Resource(publication_page(base, asset, p, size), HTML, p.modified, post_id=p.post_id)
        pub_entries.append((f"{base}/publications/{p.slug}/", p.modified))
    pages = (len(pubs) + PER_PAGE - 1) // PER_PAGE
    for n in range(1, pages + 1):
        chunk = pubs[(n - 1) * PER_PAGE: n * PER_PAGE]
        path = "/publications/" if n == 1 else f"/publications/page/{n}/"
        res[path] = Resource(listing_page(base, chunk, n, pages), HTML, max(c.modified for c in chunk))
    # Yoast SEO sitemaps: the post-type archive comes first in its sitemap, as Yoast does
    pub_entries.sort(key=lambda e: e[1])
    html_entries.sort(key=lambda e: e[1])
    site_born = datetime(2023, 5, 2, 10, 4, 11, tzinfo=timezone.utc)
    res["/publication-sitemap.xml"] = Resource(urlset(base, [(f"{base}/publications/", newest)] + pub_entries), XML, newest)
    res["/publication-html-sitemap.xml"] = Resource(urlset(base, html_entries), XML, newest)
    page_entries = [(f"{base}/", newest)] + [(f"{base}/{s}/", site_born) for s in ("about-us", "contact-us", "accessibility", "police-forces", "fire-and-rescue-services")]
    res["/page-sitemap.xml"] = Resource(urlset(base, page_entries), XML, site_born)
    index = "".join(f"\n\t<sitemap>\n\t\t<loc>{base}/{name}</loc>\n\t\t<lastmod>{_w3c(lm)}</lastmod>\n\t</sitemap>"
                    for name, lm in (("page-sitemap.xml", newest), ("publication-sitemap.xml", newest),
                                     ("publication-html-sitemap.xml", newest)))
    res["/sitemap_index.xml"] = Resource(
        (f'<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" href="{base}/main-sitemap.xsl"?>\n'
         f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{index}\n</sitemapindex>\n'
         '<!-- XML Sitemap generated by Yoast SEO -->').encode(), XML, newest)
    res["/wp-sitemap.xml"] = Resource(b"", HTML, newest, status=301,
                                      headers={"Location": f"{base}/sitemap_index.xml", "X-Redirect-By": "Yoast SEO"})
    res["/robots.txt"] = Resource(
        (f"# START YOAST BLOCK\n# ---------------------------\nUser-agent: *\nDisallow: /wp-admin/\n"
         f"Allow: /wp-admin/admin-ajax.php\n\nSitemap: {base}/sitemap_index.xml\n# ---------------------------\n# END YOAST BLOCK\n").encode(),
        TEXT, site_born)
    res["/feed/"] = Resource(feed(base, sorted(pubs, key=lambda p: p.posted, reverse=True), newest), RSS, newest)
    res["/"] = Resource(page(base, "Home", f'<h1>HMICFRS</h1><p>We independently assess the effectiveness and efficiency of police forces and fire and rescue services.</p><p><a href="{base}/publications/">Latest publications</a></p>'), HTML, newest)
    res["/404/"] = Resource(page(base, "Page not found", "<h1>Page not found</h1><p>Sorry, we can&#8217;t find that page.</p>"), HTML, site_born, status=404)
    return res
