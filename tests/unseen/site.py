"""Build the held-out site: a resource map {path: Resource} for MirrorServer.set_resources.

The theme is GOV.UK-design-system-like (govuk-* and gem-c-* classes, a <dl> of metadata,
<section class="attachment"> documents); discovery follows an SEO plugin's sitemaps:

    /robots.txt            Sitemap: <site>/sitemap_index.xml
    /sitemap_index.xml  -> /publication-sitemap.xml, /page-sitemap.xml (with <lastmod>)
    /wp-sitemap.xml        301 -> /sitemap_index.xml
    /feed/                 RSS 2.0, newest 10
    /publications/, /publications/page/N/   listing, 10 a page, newest first

    with MirrorServer() as server:
        server.set_resources(build_site(server.url, server.asset_url))
"""

from __future__ import annotations

import html
import re
from datetime import date, datetime, time, timedelta, timezone
from email.utils import format_datetime
from html.parser import HTMLParser

from fpdf import FPDF

from watcher.mirror.render import Resource

from .content import ALL_FIRE, ALL_POLICE, PROBATION, PUBLICATIONS, Pub

HTML = "text/html; charset=UTF-8"
XML = "text/xml; charset=UTF-8"
RSS = "application/rss+xml; charset=UTF-8"
PDF = "application/pdf"
TEXT = "text/plain; charset=utf-8"

SITE_NAME = "His Majesty's Inspectorate of Constabulary and Fire &amp; Rescue Services"
PER_PAGE = 10
BUILT = datetime(2025, 12, 10, 9, 0, tzinfo=timezone.utc)


def esc(s: str) -> str:
    return html.escape(s, quote=True)


def long_date(d: date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"


def stamp(p: Pub) -> datetime:
    """When the publication last changed (its sitemap <lastmod>, Last-Modified)."""
    d = p.last_updated or p.published
    return datetime.combine(d, time(9, 30), tzinfo=timezone.utc)


def post_id(p: Pub) -> int:
    return 40000 + PUBLICATIONS.index(p) * 7


# ------------------------------------------------------------------ PDF rendering

class _Blocks(HTMLParser):
    """HTML fragment -> [(kind, level, text)] for the PDF: heading / para / item."""

    BLOCK = {"p", "div", "section", "aside", "blockquote", "tr", "h1", "h2", "h3", "h4", "h5", "h6"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[tuple[str, int, str]] = []
        self.buf: list[str] = []
        self.kind = ("para", 0)
        self.lists: list[list] = []  # [tag, type, counter]
        self.cells = 0

    def flush(self):
        text = re.sub(r"\s+", " ", "".join(self.buf)).strip()
        if text:
            self.out.append((self.kind[0], self.kind[1], text))
        self.buf = []
        self.kind = ("para", 0)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("ol", "ul"):
            self.flush()
            self.lists.append([tag, a.get("type", "1"), 0])
        elif tag == "li":
            self.flush()
            lst = self.lists[-1]
            lst[2] += 1
            if lst[0] == "ul":
                prefix = "-"
            elif lst[1] == "a":
                prefix = f"({'abcdefghij'[lst[2] - 1]})"
            else:
                prefix = f"{lst[2]}."
            self.kind = ("item", len(self.lists))
            self.buf.append(prefix + " ")
        elif tag in ("td", "th"):
            if self.cells:
                self.buf.append(" | ")
            self.cells += 1
        elif tag in self.BLOCK:
            if self.kind[0] == "item" and tag == "p":
                return  # a paragraph inside a list item continues the item
            self.flush()
            if tag == "tr":
                self.cells = 0
            if tag[0] == "h" and tag[1:].isdigit():
                self.kind = ("heading", int(tag[1]))
        elif tag == "br":
            self.buf.append(" ")

    def handle_endtag(self, tag):
        if tag in ("ol", "ul"):
            self.flush()
            if self.lists:
                self.lists.pop()
        elif tag == "li":
            self.flush()
        elif tag in self.BLOCK:
            if self.kind[0] == "item" and tag == "p":
                return
            self.flush()

    def handle_data(self, data):
        self.buf.append(data)


def html_blocks(fragment: str) -> list[tuple[str, int, str]]:
    p = _Blocks()
    p.feed(fragment)
    p.close()
    p.flush()
    return p.out


def _latin1(s: str) -> str:
    table = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
             "\u2014": "-", "\u2022": "-", "\u00a0": " "}
    for k, v in table.items():
        s = s.replace(k, v)
    return s.encode("latin-1", "replace").decode("latin-1")


class _ReportPDF(FPDF):
    def __init__(self, running: str):
        super().__init__(format="A4")
        self.running = _latin1(running)
        self.set_auto_page_break(True, margin=22)
        self.set_margins(22, 24, 22)

    def header(self):
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "", 8)
        self.set_text_color(110, 110, 110)
        self.set_y(10)
        self.cell(0, 5, self.running, align="L")
        self.set_y(24)
        self.set_text_color(0, 0, 0)

    def footer(self):
        self.set_y(-14)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def render_pdf(p: Pub) -> bytes:
    blocks = html_blocks(p.body)
    pdf = _ReportPDF(f"{p.title} | HMICFRS")
    pdf.alias_nb_pages()
    # cover
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(0, 6, _latin1(SITE_NAME.replace("&amp;", "&")), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(30)
    pdf.set_font("Helvetica", "B", 22)
    pdf.multi_cell(0, 10, _latin1(p.title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.set_font("Helvetica", "", 12)
    pdf.multi_cell(0, 7, _latin1(f"{p.published.strftime('%B %Y')}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(60)
    pdf.set_font("Helvetica", "", 8)
    pdf.multi_cell(0, 4, _latin1(f"(c) HMICFRS {p.published.year}. ISBN: 978-1-78655-{post_id(p)}-0"), new_x="LMARGIN", new_y="NEXT")
    # contents
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 9, "Contents", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 10.5)
    for kind, level, text in blocks:
        if kind == "heading" and level == 2:
            pdf.multi_cell(0, 6, _latin1(text), new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    for kind, level, text in blocks:
        text = _latin1(text)
        if kind == "heading":
            size = {1: 20, 2: 16, 3: 13, 4: 11.5}.get(level, 11)
            pdf.ln(3 if level > 2 else 5)
            pdf.set_font("Helvetica", "B", size)
            pdf.multi_cell(0, size * 0.55, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        elif kind == "item":
            indent = 6 * level
            pdf.set_font("Helvetica", "", 10.5)
            pdf.set_x(pdf.l_margin + indent)
            pdf.multi_cell(pdf.epw - indent, 5.4, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.2)
        else:
            pdf.set_font("Helvetica", "", 10.5)
            pdf.multi_cell(0, 5.4, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.2)
    return bytes(pdf.output())


def pdf_meta(data: bytes) -> tuple[str, int]:
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    size = len(data)
    human = f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"
    return human, pages


# ------------------------------------------------------------------ theme

def shell(site: str, title: str, main: str, *, canonical: str, extra_head: str = "") -> bytes:
    return f"""<!DOCTYPE html>
<html lang="en-GB" class="govuk-template">
<head>
<meta charset="utf-8">
<title>{esc(title)} - HMICFRS</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="canonical" href="{canonical}">
<meta property="og:title" content="{esc(title)}">
<meta property="og:site_name" content="HMICFRS">
<link rel="alternate" type="application/rss+xml" title="HMICFRS &raquo; Feed" href="{site}/feed/">
<link rel="stylesheet" href="{site}/wp-content/themes/inspectorate-frontier/dist/app.css?ver=3.2.1">
{extra_head}
</head>
<body class="govuk-template__body js-enabled">
<div class="gem-c-cookie-banner" role="region" aria-label="Cookies on HMICFRS">
<p>We use some essential cookies to make this website work.</p>
<button class="govuk-button" data-accept-cookies="true">Accept additional cookies</button>
</div>
<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<header class="govuk-header" role="banner">
<div class="govuk-header__container govuk-width-container">
<a href="{site}/" class="govuk-header__link govuk-header__link--homepage">HMICFRS</a>
<nav aria-label="Menu" class="govuk-header__navigation">
<ul class="govuk-header__navigation-list">
<li><a href="{site}/publications/">Publications</a></li>
<li><a href="{site}/peel-assessments/">PEEL assessments</a></li>
<li><a href="{site}/frs-assessment/">Fire and rescue</a></li>
<li><a href="{site}/about-us/">About us</a></li>
</ul></nav></div></header>
<div class="govuk-width-container">
{main}
</div>
<footer class="govuk-footer" role="contentinfo">
<div class="govuk-width-container">
<h2 class="govuk-visually-hidden">Support links</h2>
<ul class="govuk-footer__inline-list">
<li><a href="{site}/accessibility/">Accessibility</a></li>
<li><a href="{site}/privacy-notice/">Privacy</a></li>
<li><a href="{site}/contact-us/">Contact us</a></li>
</ul>
<p>All content is available under the Open Government Licence v3.0, except where otherwise stated.</p>
<p>&copy; Crown copyright</p>
</div></footer>
</body></html>""".encode()


def _org_links(p: Pub) -> str:
    links = []
    for org in p.from_:
        if org == PROBATION:
            links.append(f'<a href="https://hmiprobation.justiceinspectorates.gov.uk/">{esc(org)}</a>')
        elif org == "HMICFRS":
            links.append(f'<a href="/about-us/">{SITE_NAME}</a>')
        else:
            links.append(f'<a href="https://www.justiceinspectorates.gov.uk/hmcpsi/">{esc(org)}</a>')
    return " and ".join(links)


def _applies(p: Pub) -> str:
    if p.applies_to in ([ALL_POLICE], [ALL_FIRE]):
        return esc(p.applies_to[0])
    return ", ".join(f'<a href="/publications/?force={esc(f.lower().replace(" ", "-"))}">{esc(f)}</a>'
                     for f in p.applies_to)


def publication_page(site: str, asset: str, p: Pub, pdf_info: dict, related: list[Pub]) -> bytes:
    docs = []
    if p.html:
        docs.append(f"""<section class="attachment embedded attachment--html">
<div class="attachment-thumb"><a href="{site}/publication-html/{p.slug}/" aria-hidden="true" tabindex="-1"><svg class="thumbnail" viewBox="0 0 99 140" width="99" height="140"></svg></a></div>
<div class="attachment-details">
<h3 class="title"><a href="{site}/publication-html/{p.slug}/">{esc(p.title)}</a></h3>
<p class="metadata"><span class="type">HTML</span></p>
</div></section>""")
    if p.pdf:
        size, pages = pdf_info[p.slug]
        label = p.title if p.html else f"{p.title} (PDF)"
        docs.append(f"""<section class="attachment embedded attachment--pdf">
<div class="attachment-thumb"><a href="{asset}/uploads/{p.pdf}" aria-hidden="true" tabindex="-1"><img src="{asset}/uploads/thumbnail-{p.pdf.removesuffix('.pdf')}.png" alt=""></a></div>
<div class="attachment-details">
<h3 class="title"><a href="{asset}/uploads/{p.pdf}" class="govuk-link" target="_self">{esc(label)}</a></h3>
<p class="metadata"><span class="type"><abbr title="Portable Document Format">PDF</abbr></span>, <span class="file-size">{size}</span>, <span class="page-length">{pages} pages</span></p>
<p class="opendocument-help">This file may not be suitable for users of assistive technology.
<a href="mailto:contact@hmicfrs.example">Request an accessible format.</a></p>
</div></section>""")
    updated = ""
    if p.last_updated:
        updated = (f'<dt class="gem-c-metadata__term">Last updated</dt>'
                   f'<dd class="gem-c-metadata__definition">{long_date(p.last_updated)} '
                   f'<a href="#history" class="govuk-link">see all updates</a></dd>')
    rel = "".join(f'<li><a href="{site}/publications/{r.slug}/">{esc(r.title)}</a></li>' for r in related)
    main = f"""<div class="govuk-breadcrumbs"><ol class="govuk-breadcrumbs__list">
<li class="govuk-breadcrumbs__list-item"><a href="{site}/">Home</a></li>
<li class="govuk-breadcrumbs__list-item"><a href="{site}/publications/">Publications</a></li>
</ol></div>
<main class="govuk-main-wrapper" id="main-content" role="main" data-post-id="{post_id(p)}">
<div class="gem-c-title">
<span class="govuk-caption-xl gem-c-title__context">{esc(p.type)}</span>
<h1 class="gem-c-title__text govuk-heading-xl">{esc(p.title)}</h1>
</div>
<p class="gem-c-lead-paragraph">{esc(p.summary)}</p>
<div class="gem-c-metadata" data-module="metadata">
<dl class="gem-c-metadata__list">
<dt class="gem-c-metadata__term">From:</dt>
<dd class="gem-c-metadata__definition">{_org_links(p)}</dd>
<dt class="gem-c-metadata__term">Published</dt>
<dd class="gem-c-metadata__definition"><time datetime="{p.published.isoformat()}">{long_date(p.published)}</time></dd>
{updated}
<dt class="gem-c-metadata__term">Type</dt>
<dd class="gem-c-metadata__definition">{esc(p.type)}</dd>
<dt class="gem-c-metadata__term">Applies to</dt>
<dd class="gem-c-metadata__definition">{_applies(p)}</dd>
</dl></div>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h2 class="govuk-heading-l" id="documents">Documents</h2>
{''.join(docs)}
<h2 class="govuk-heading-l" id="details">Details</h2>
<div class="govspeak"><p>{esc(p.summary)}</p>
<p>Find out more about <a href="https://www.justiceinspectorates.gov.uk/hmicfrs/our-work/">our work</a>.</p></div>
</div>
<div class="govuk-grid-column-one-third">
<aside class="gem-c-related-navigation" role="complementary">
<h2 class="gem-c-related-navigation__main-heading">Related content</h2>
<ul class="gem-c-related-navigation__link-list">{rel}</ul>
</aside></div></div>
</main>"""
    return shell(site, p.title, main, canonical=f"{site}/publications/{p.slug}/")


def report_page(site: str, asset: str, p: Pub) -> bytes:
    chapters = re.findall(r'<h2 id="([^"]+)">(.*?)</h2>', p.body)
    toc = "".join(f'<li><a href="#{i}">{t}</a></li>' for i, t in chapters)
    pdf_link = (f'<li><a href="{asset}/uploads/{p.pdf}" class="govuk-link">Download the PDF version</a></li>'
                if p.pdf else "")
    main = f"""<main class="govuk-main-wrapper html-publication" id="main-content" role="main">
<div class="publication-header">
<p class="publication-header__org">{SITE_NAME}</p>
<h1 class="publication-header__title">{esc(p.title)}</h1>
<p class="publication-header__date">Published on: {long_date(p.published)}</p>
</div>
<ul class="publication-tools">
<li><a href="#" class="govuk-link print-link" data-module="print-link">Print this document</a></li>
{pdf_link}
<li><a href="{site}/publications/{p.slug}/" class="govuk-link">Back to publication</a></li>
</ul>
<div class="govuk-grid-row">
<nav class="govuk-grid-column-one-quarter publication-contents" aria-label="Contents">
<h2 class="publication-contents__heading">Contents</h2>
<ol class="publication-contents__list">{toc}</ol>
</nav>
<article class="govuk-grid-column-three-quarters govspeak publication-body">
{p.body}
</article>
</div>
<div class="publication-footer"><a href="#main-content" class="back-to-top">Back to top</a></div>
</main>"""
    return shell(site, p.title, main, canonical=f"{site}/publication-html/{p.slug}/")


def listing_page(site: str, pubs: list[Pub], n: int, pages: int) -> bytes:
    items = "".join(
        f"""<li class="gem-c-document-list__item">
<a class="gem-c-document-list__item-title govuk-link" href="{site}/publications/{p.slug}/">{esc(p.title)}</a>
<p class="gem-c-document-list__item-description">{esc(p.summary)}</p>
<ul class="gem-c-document-list__item-metadata">
<li class="gem-c-document-list__attribute">{esc(p.type)}</li>
<li class="gem-c-document-list__attribute">Published <time datetime="{p.published.isoformat()}">{long_date(p.published)}</time></li>
</ul></li>"""
        for p in pubs
    )
    nav = []
    if n > 1:
        prev = f"{site}/publications/" if n == 2 else f"{site}/publications/page/{n - 1}/"
        nav.append(f'<div class="govuk-pagination__prev"><a href="{prev}" rel="prev">Previous page</a></div>')
    if n < pages:
        nav.append(f'<div class="govuk-pagination__next"><a href="{site}/publications/page/{n + 1}/" rel="next">Next page</a></div>')
    main = f"""<main class="govuk-main-wrapper" id="main-content" role="main">
<h1 class="govuk-heading-xl">Publications</h1>
<p class="govuk-body">Page {n} of {pages}</p>
<ul class="gem-c-document-list">{items}</ul>
<nav class="govuk-pagination" role="navigation" aria-label="results">{''.join(nav)}</nav>
</main>"""
    canon = f"{site}/publications/" if n == 1 else f"{site}/publications/page/{n}/"
    return shell(site, "Publications", main, canonical=canon)


def simple_page(site: str, title: str, text: str, path: str) -> bytes:
    main = (f'<main class="govuk-main-wrapper" id="main-content" role="main">'
            f'<h1 class="govuk-heading-xl">{esc(title)}</h1><div class="govspeak"><p>{text}</p></div></main>')
    return shell(site, title, main, canonical=f"{site}{path}")


# ------------------------------------------------------------------ discovery documents

def _w3c(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def sitemap_index(site: str, newest: datetime) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" href="//{site.split('//')[1]}/main-sitemap.xsl"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
\t<sitemap>
\t\t<loc>{site}/page-sitemap.xml</loc>
\t\t<lastmod>2025-03-02T11:04:51+00:00</lastmod>
\t</sitemap>
\t<sitemap>
\t\t<loc>{site}/publication-sitemap.xml</loc>
\t\t<lastmod>{_w3c(newest)}</lastmod>
\t</sitemap>
</sitemapindex>
<!-- XML Sitemap generated by Yoast SEO -->""".encode()


def publication_sitemap(site: str, asset: str, pubs: list[Pub], newest: datetime) -> bytes:
    urls = [f"\t<url>\n\t\t<loc>{site}/publications/</loc>\n\t\t<lastmod>{_w3c(newest)}</lastmod>\n\t</url>"]
    for p in sorted(pubs, key=stamp):
        img = ""
        if p.pdf:
            img = (f"\n\t\t<image:image>\n\t\t\t<image:loc>{asset}/uploads/thumbnail-"
                   f"{p.pdf.removesuffix('.pdf')}.png</image:loc>\n\t\t</image:image>")
        urls.append(f"\t<url>\n\t\t<loc>{site}/publications/{p.slug}/</loc>\n"
                    f"\t\t<lastmod>{_w3c(stamp(p))}</lastmod>{img}\n\t</url>")
    return ('<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" '
            f'href="//{site.split("//")[1]}/main-sitemap.xsl"?>\n'
            '<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" '
            'xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 '
            'http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd" '
            'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "\n".join(urls) + "\n</urlset>\n<!-- XML Sitemap generated by Yoast SEO -->").encode()


def page_sitemap(site: str) -> bytes:
    locs = ["/", "/about-us/", "/accessibility/"]
    body = "".join(f"<url><loc>{site}{l}</loc><lastmod>2025-03-02T11:04:51+00:00</lastmod></url>" for l in locs)
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + body + "</urlset>").encode()


def feed(site: str, pubs: list[Pub]) -> bytes:
    items = []
    for p in pubs[:10]:
        pub_dt = datetime.combine(p.published, time(0, 1), tzinfo=timezone.utc)
        items.append(f"""<item>
<title>{esc(p.title)}</title>
<link>{site}/publications/{p.slug}/</link>
<dc:creator><![CDATA[HMICFRS]]></dc:creator>
<pubDate>{format_datetime(pub_dt, usegmt=True)}</pubDate>
<category><![CDATA[{p.type}]]></category>
<guid isPermaLink="false">{site}/?post_type=publication&amp;p={post_id(p)}</guid>
<description><![CDATA[{p.summary}]]></description>
</item>""")
    newest = max(stamp(p) for p in pubs)
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
xmlns:content="http://purl.org/rss/1.0/modules/content/"
xmlns:dc="http://purl.org/dc/elements/1.1/"
xmlns:atom="http://www.w3.org/2005/Atom"
xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
<channel>
<title>HMICFRS</title>
<atom:link href="{site}/feed/" rel="self" type="application/rss+xml" />
<link>{site}</link>
<description>His Majesty's Inspectorate of Constabulary and Fire &amp; Rescue Services</description>
<lastBuildDate>{format_datetime(newest, usegmt=True)}</lastBuildDate>
<language>en-GB</language>
<sy:updatePeriod>hourly</sy:updatePeriod>
<sy:updateFrequency>1</sy:updateFrequency>
<generator>https://wordpress.org/?v=6.7.1</generator>
{''.join(items)}
</channel>
</rss>""".encode()


# ------------------------------------------------------------------ the site

_PDF_CACHE: dict[str, bytes] = {}


def pdf_bytes(p: Pub) -> bytes:
    if p.slug not in _PDF_CACHE:
        _PDF_CACHE[p.slug] = render_pdf(p)
    return _PDF_CACHE[p.slug]


def build_site(site: str, asset: str, pubs: list[Pub] | None = None) -> dict[str, Resource]:
    site, asset = site.rstrip("/"), asset.rstrip("/")
    pubs = sorted(pubs if pubs is not None else PUBLICATIONS, key=lambda p: (p.published, p.slug),
                  reverse=True)
    newest = max(stamp(p) for p in pubs)
    res: dict[str, Resource] = {}
    pdf_info = {}
    for p in pubs:
        if p.pdf:
            data = pdf_bytes(p)
            pdf_info[p.slug] = pdf_meta(data)
            res[f"/uploads/{p.pdf}"] = Resource(data, PDF, stamp(p))
    for i, p in enumerate(pubs):
        related = [q for q in (pubs[i - 1] if i else None, pubs[(i + 1) % len(pubs)]) if q]
        res[f"/publications/{p.slug}/"] = Resource(
            publication_page(site, asset, p, pdf_info, related), HTML, stamp(p), post_id=post_id(p))
        if p.html:
            res[f"/publication-html/{p.slug}/"] = Resource(report_page(site, asset, p), HTML, stamp(p))
    pages = -(-len(pubs) // PER_PAGE)
    for n in range(1, pages + 1):
        chunk = pubs[(n - 1) * PER_PAGE:n * PER_PAGE]
        path = "/publications/" if n == 1 else f"/publications/page/{n}/"
        res[path] = Resource(listing_page(site, chunk, n, pages), HTML, max(stamp(p) for p in chunk))
    res["/robots.txt"] = Resource(
        (f"User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
         f"Sitemap: {site}/sitemap_index.xml\n").encode(), TEXT, newest)
    res["/sitemap_index.xml"] = Resource(sitemap_index(site, newest), XML, newest)
    res["/publication-sitemap.xml"] = Resource(publication_sitemap(site, asset, pubs, newest), XML, newest)
    res["/page-sitemap.xml"] = Resource(page_sitemap(site), XML, datetime(2025, 3, 2, tzinfo=timezone.utc))
    res["/wp-sitemap.xml"] = Resource(b"", HTML, newest, status=301,
                                      headers={"Location": f"{site}/sitemap_index.xml"})
    res["/feed/"] = Resource(feed(site, pubs), RSS, newest)
    res["/"] = Resource(simple_page(site, "HMICFRS", "We independently assess the effectiveness "
                                    "and efficiency of police forces and fire and rescue services.", "/"),
                        HTML, newest)
    res["/about-us/"] = Resource(simple_page(site, "About us", "Who we are and what we do.", "/about-us/"),
                                 HTML, datetime(2025, 3, 2, tzinfo=timezone.utc))
    res["/404/"] = Resource(simple_page(site, "Page not found", "If you typed the web address, "
                                        "check it is correct.", "/404/"), HTML, BUILT)
    return res
