"""Second held-out site: a block-editor (Gutenberg) WordPress theme, built to site-model.md.

    resources = build_site(PUBLICATIONS, base_url=mirror.url, asset_url=mirror.asset_url)
    mirror.set_resources(resources)

Discovery is WordPress core: /robots.txt -> /wp-sitemap.xml (index) ->
/wp-sitemap-posts-publication-1.xml (publication pages, with <lastmod>) and
/wp-sitemap-posts-publication-html-1.xml (the online reports, a second custom post type),
/feed/ (RSS 2.0, newest 10) and /publications/page/N/ (10 a page, newest first).
PDFs live on the asset listener at /uploads/<file>.pdf.

Report bodies are written as small block lists (see content.py) and rendered to block-editor
markup here, and, for PDF documents, to a real PDF with fpdf2 (cover, contents page,
running heads, page numbers, wrapped lines).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime

from watcher.mirror.render import Resource

HTML_T = "text/html; charset=UTF-8"
XML_T = "application/xml; charset=UTF-8"
RSS_T = "application/rss+xml; charset=UTF-8"
PDF_T = "application/pdf"
TEXT_T = "text/plain; charset=utf-8"
XSL_T = "text/xsl; charset=UTF-8"

PER_PAGE = 10


@dataclass
class Pub:
    slug: str
    title: str
    published: date
    type: str  # "Report type" as shown on the page
    forces: list[str]  # forces named (empty: all forces / none)
    forces_label: str  # what the "Force(s) / service(s)" cell shows ("" to omit the row)
    summary: str
    expected: dict  # recommendations, recommendations_to_chief_constables, areas_for_improvement, causes_of_concern
    body: list = field(default_factory=list)  # blocks
    html: bool = True  # an online /publication-html/ version
    pdf: str | None = None  # file name under /uploads/ (same report as the HTML when both)
    joint_with: list[str] = field(default_factory=list)
    post_id: int = 0
    lastmod: datetime | None = None
    note: str = ""  # what the report tests (for people reading failures)

    @property
    def stamp(self) -> datetime:
        return self.lastmod or datetime(self.published.year, self.published.month,
                                        self.published.day, 9, 30, tzinfo=timezone.utc)


def esc(s: str) -> str:
    return html.escape(s, quote=True)


def long_date(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def slugify(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", re.sub(r"<[^>]+>", "", s).lower()).strip("-")


# --- block rendering: HTML --------------------------------------------------------------

_FN = re.compile(r"\[\[fn:(.+?)\]\]")


class _Html:
    def __init__(self) -> None:
        self.footnotes: list[str] = []

    def inline(self, text: str) -> str:
        def fn(m):
            self.footnotes.append(m.group(1))
            n = len(self.footnotes)
            return (f'<sup data-fn="fn-{n}" class="fn"><a href="#fn-{n}" id="fn-{n}-link">'
                    f"{n}</a></sup>")

        return _FN.sub(fn, text)

    def block(self, b) -> str:
        kind = b[0]
        if kind in ("h2", "h3", "h4", "h5", "h6"):
            text = b[1]
            return f'<{kind} class="wp-block-heading" id="{slugify(text)[:60]}">{self.inline(text)}</{kind}>'
        if kind == "p":
            return f"<p>{self.inline(b[1])}</p>"
        if kind in ("ol", "ul"):
            items = "".join(f"<li>{self.inline(i)}</li>" for i in b[1])
            start = f' start="{b[2]}"' if len(b) > 2 and b[2] else ""
            return f'<{kind} class="wp-block-list"{start}>{items}</{kind}>'
        if kind == "details":
            inner = "".join(self.block(x) for x in b[2])
            return (f'<details class="wp-block-details is-layout-flow"><summary>{self.inline(b[1])}'
                    f"</summary>{inner}</details>")
        if kind == "box":
            title, inner = b[1], "".join(self.block(x) for x in b[2])
            style = b[3] if len(b) > 3 else "callout"
            head = f'<p class="has-large-font-size"><strong>{self.inline(title)}</strong></p>' if title else ""
            return (f'<div class="wp-block-group has-background is-style-{style} '
                    f'has-pale-cyan-blue-background-color is-layout-constrained">'
                    f'<div class="wp-block-group__inner-container">{head}{inner}</div></div>')
        if kind == "table":
            headers, rows = b[1], b[2]
            caption = b[3] if len(b) > 3 else ""
            thead = "".join(f"<th>{self.inline(h)}</th>" for h in headers)
            tbody = "".join("<tr>" + "".join(f"<td>{self.inline(c)}</td>" for c in r) + "</tr>"
                            for r in rows)
            cap = f'<figcaption class="wp-element-caption">{esc(caption)}</figcaption>' if caption else ""
            return (f'<figure class="wp-block-table is-style-stripes"><table class="has-fixed-layout">'
                    f"<thead><tr>{thead}</tr></thead><tbody>{tbody}</tbody></table>{cap}</figure>")
        if kind == "quote":
            inner = "".join(self.block(x) for x in b[1])
            return f'<blockquote class="wp-block-quote is-layout-flow">{inner}</blockquote>'
        if kind == "sep":
            return '<hr class="wp-block-separator has-alpha-channel-opacity"/>'
        if kind == "raw":
            return b[1]
        raise ValueError(kind)

    def footnote_block(self) -> str:
        if not self.footnotes:
            return ""
        items = "".join(f'<li id="fn-{i}">{t} <a href="#fn-{i}-link" aria-label="Jump to footnote '
                        f'reference {i}">\u21a9\ufe0e</a></li>'
                        for i, t in enumerate(self.footnotes, 1))
        return f'<ol class="wp-block-footnotes">{items}</ol>'


def _headings(blocks) -> list[str]:
    return [b[1] for b in blocks if b[0] == "h2"]


# --- PDF ---------------------------------------------------------------------------------

_LATIN = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                        "\u2013": "-", "\u2014": "-", "\u2026": "...", "\u00a0": " ",
                        "\u2022": "-"})


def _pdf_text(s: str) -> str:
    s = _FN.sub("", s)
    s = re.sub(r"<[^>]+>", "", s)
    s = html.unescape(s).translate(_LATIN)
    return s.encode("latin-1", "replace").decode("latin-1")


def build_pdf(pub: Pub) -> bytes:
    from fpdf import FPDF

    title = _pdf_text(pub.title)

    class Doc(FPDF):
        def header(self):
            if self.page_no() <= 1:
                return
            self.set_font("Helvetica", "I", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 6, title[:95], align="L")
            self.ln(10)
            self.set_text_color(0, 0, 0)

        def footer(self):
            if self.page_no() <= 1:
                return
            self.set_y(-14)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 8, str(self.page_no()), align="C")

    pdf = Doc(format="A4")
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_margins(20, 18, 20)
    pdf.set_title(title)
    pdf.set_author("HMICFRS")
    # cover
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 22)
    pdf.ln(40)
    pdf.multi_cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.set_font("Helvetica", "", 12)
    pdf.multi_cell(0, 7, _pdf_text(long_date(pub.published)), new_x="LMARGIN", new_y="NEXT")
    if pub.joint_with:
        pdf.multi_cell(0, 7, _pdf_text("A joint inspection with " + " and ".join(pub.joint_with)), new_x="LMARGIN", new_y="NEXT")
    # contents (page numbers are placeholders computed on a dry run)
    heads = _headings(pub.body)
    pages = _dry_run_pages(pub, Doc)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, "Contents", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    for h in heads:
        pdf.cell(150, 7, _pdf_text(h)[:80])
        pdf.cell(0, 7, str(pages.get(h, "")), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    _pdf_blocks(pdf, pub.body, {})
    # the PDF's creation date is fixed so that the bytes (and the ETag) are stable
    pdf.set_creation_date(datetime(pub.published.year, pub.published.month, pub.published.day,
                                   tzinfo=timezone.utc))
    return bytes(pdf.output())


def _dry_run_pages(pub: Pub, Doc) -> dict[str, int]:
    pdf = Doc(format="A4")
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_margins(20, 18, 20)
    pdf.add_page()
    pdf.add_page()
    pdf.add_page()
    seen: dict[str, int] = {}
    _pdf_blocks(pdf, pub.body, seen)
    return seen


def _pdf_blocks(pdf, blocks, seen: dict[str, int], indent: float = 0) -> None:
    w = pdf.epw - indent

    def para(text, style="", size=10.5, h=5.4):
        pdf.set_font("Helvetica", style, size)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(w, h, _pdf_text(text), new_x="LMARGIN", new_y="NEXT")

    for b in blocks:
        kind = b[0]
        if kind == "h2":
            if pdf.get_y() > 60:
                pdf.add_page()
            seen[b[1]] = pdf.page_no()
            para(b[1], "B", 16, 8)
            pdf.ln(2)
        elif kind in ("h3", "h4", "h5", "h6"):
            pdf.ln(2)
            para(b[1], "B", {"h3": 13, "h4": 12, "h5": 11, "h6": 11}[kind], 6.5)
        elif kind == "p":
            para(b[1])
            pdf.ln(2.2)
        elif kind in ("ol", "ul"):
            start = b[2] if len(b) > 2 and b[2] else 1
            for i, item in enumerate(b[1], start):
                para(f"{i}. {item}" if kind == "ol" else f"- {item}")
                pdf.ln(1.2)
            pdf.ln(1)
        elif kind == "details":
            para(b[1], "B", 12, 6.5)
            _pdf_blocks(pdf, b[2], seen, indent)
        elif kind == "box":
            pdf.ln(1)
            if b[1]:
                para(b[1], "B", 11, 6)
            _pdf_blocks(pdf, b[2], seen, indent + 4)
            pdf.ln(1)
        elif kind == "table":
            headers, rows = b[1], b[2]
            para(" | ".join(headers), "B", 9.5, 5)
            for r in rows:
                para(" | ".join(r), "", 9.5, 5)
            pdf.ln(2)
        elif kind == "quote":
            _pdf_blocks(pdf, b[1], seen, indent + 6)
        elif kind in ("sep", "raw"):
            pass


# --- pages -------------------------------------------------------------------------------


def _head(title: str, base: str, extra: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="UTF-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)} &#8211; HM Inspectorate of Constabulary and Fire &amp; Rescue Services</title>\n"
        f'<link rel="stylesheet" id="wp-block-library-css" href="{base}/wp-includes/css/dist/block-library/style.min.css?ver=6.7.1" media="all">\n'
        f'<link rel="stylesheet" id="bootstrap-css" href="{base}/wp-content/themes/inspectorate-blocks/assets/bootstrap.min.css?ver=5.3.3" media="all">\n'
        f'<link rel="alternate" type="application/rss+xml" title="HMICFRS &raquo; Feed" href="{base}/feed/">\n'
        f'<link rel="https://api.w.org/" href="{base}/wp-json/">\n'
        f"{extra}"
        '<meta name="generator" content="WordPress 6.7.1">\n</head>\n'
    )


def _chrome_top(base: str, body_class: str) -> str:
    return (
        f'<body class="{body_class} wp-embed-responsive">\n'
        '<div class="wp-site-blocks">\n'
        '<a class="skip-link screen-reader-text visually-hidden-focusable" href="#wp--skip-link--target">Skip to content</a>\n'
        '<header class="wp-block-template-part">\n'
        '<div class="wp-block-group navbar navbar-expand-lg bg-dark is-layout-flex">\n'
        f'<p class="wp-block-site-title navbar-brand"><a href="{base}/" rel="home">HM Inspectorate of Constabulary and Fire &amp; Rescue Services</a></p>\n'
        '<nav class="wp-block-navigation is-responsive" aria-label="Main">\n<ul class="wp-block-navigation__container navbar-nav">\n'
        f'<li class="wp-block-navigation-item nav-item"><a class="nav-link" href="{base}/publications/">Publications</a></li>\n'
        f'<li class="wp-block-navigation-item nav-item"><a class="nav-link" href="{base}/peel-assessments/">PEEL assessments</a></li>\n'
        f'<li class="wp-block-navigation-item nav-item"><a class="nav-link" href="{base}/frs-assessment/">Fire and rescue assessments</a></li>\n'
        f'<li class="wp-block-navigation-item nav-item"><a class="nav-link" href="{base}/about-us/">About us</a></li>\n'
        '</ul>\n</nav>\n'
        f'<form role="search" method="get" action="{base}/" class="wp-block-search"><label for="s" class="visually-hidden">Search</label>'
        '<input type="search" id="s" name="s" class="form-control" placeholder="Search publications"><button type="submit" class="btn btn-light">Search</button></form>\n'
        '</div>\n</header>\n'
        '<main class="wp-block-group container py-4 is-layout-constrained" id="wp--skip-link--target">\n'
    )


def _chrome_bottom(base: str) -> str:
    return (
        '</main>\n<footer class="wp-block-template-part">\n<div class="wp-block-group bg-light py-3 is-layout-flow">\n'
        '<div class="wp-block-columns is-layout-flex">'
        '<div class="wp-block-column"><p><strong>Sign up for updates</strong></p>'
        '<p>Get an email when we publish a new inspection report. You can choose the forces and services you want to hear about.</p></div>'
        '<div class="wp-block-column"><ul class="wp-block-list">'
        f'<li><a href="{base}/accessibility/">Accessibility</a></li><li><a href="{base}/privacy-notice/">Privacy notice</a></li>'
        f'<li><a href="{base}/cookies/">Cookies</a></li><li><a href="{base}/feed/">RSS</a></li></ul></div></div>\n'
        '<p class="has-small-font-size">&copy; Crown copyright. All content is available under the Open Government Licence v3.0, except where otherwise stated.</p>\n'
        '</div>\n</footer>\n</div>\n'
        f'<script src="{base}/wp-content/themes/inspectorate-blocks/assets/bootstrap.bundle.min.js?ver=5.3.3" id="bootstrap-js"></script>\n'
        '</body>\n</html>\n'
    )


def _pdf_size(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


def publication_page(pub: Pub, base: str, asset: str, pdf_sizes: dict[str, int],
                     date_label: str = "Date of publication") -> str:
    rows = [(date_label, long_date(pub.published)), ("Report type", esc(pub.type))]
    if pub.forces_label:
        rows.append(("Force(s) / service(s)", esc(pub.forces_label)))
    if pub.joint_with:
        rows.append(("Joint inspection with", esc(", ".join(pub.joint_with))))
    meta = "".join(f"<tr><th scope=\"row\">{k}</th><td>{v}</td></tr>" for k, v in rows)
    docs = []
    if pub.html:
        docs.append(
            '<div class="wp-block-buttons is-layout-flex"><div class="wp-block-button">'
            f'<a class="wp-block-button__link btn btn-primary wp-element-button" href="{base}/publication-html/{pub.slug}/">'
            "Read the report online</a></div></div>"
        )
    if pub.pdf:
        href = f"{asset}/uploads/{pub.pdf}"
        docs.append(
            f'<div class="wp-block-file"><a id="wp-block-file--media-{pub.post_id}" href="{href}">'
            f"{esc(pub.title)}</a> <span class=\"badge text-bg-secondary\">PDF, "
            f"{_pdf_size(pdf_sizes[pub.pdf])}</span>"
            f'<a href="{href}" class="wp-block-file__button wp-element-button btn btn-outline-primary" download '
            f'aria-describedby="wp-block-file--media-{pub.post_id}">Download</a></div>'
        )
    body = (
        _head(pub.title, base,
              f'<link rel="canonical" href="{base}/publications/{pub.slug}/">\n'
              f'<link rel="shortlink" href="{base}/?p={pub.post_id}">\n'
              f'<meta property="og:title" content="{esc(pub.title)}">\n'
              f'<meta property="og:type" content="article">\n')
        + _chrome_top(base, f"publication-template-default single single-publication postid-{pub.post_id}")
        + '<nav aria-label="breadcrumb" class="yoast-breadcrumbs"><ol class="breadcrumb">'
        f'<li class="breadcrumb-item"><a href="{base}/">Home</a></li>'
        f'<li class="breadcrumb-item"><a href="{base}/publications/">Publications</a></li>'
        f'<li class="breadcrumb-item active" aria-current="page">{esc(pub.title)}</li></ol></nav>\n'
        f'<h1 class="wp-block-post-title display-6">{esc(pub.title)}</h1>\n'
        '<figure class="wp-block-table is-style-regular publication-details"><table class="table table-sm">'
        f"<tbody>{meta}</tbody></table></figure>\n"
        '<div class="entry-content wp-block-post-content is-layout-constrained">\n'
        f"<p>{esc(pub.summary)}</p>\n</div>\n"
        '<div class="wp-block-group documents is-layout-flow">'
        '<h2 class="wp-block-heading h5">Documents</h2>\n' + "\n".join(docs) + "</div>\n"
        '<div class="wp-block-group share is-layout-flex"><p class="small">Share this page: '
        f'<a href="https://twitter.com/intent/tweet?url={base}/publications/{pub.slug}/">X</a> '
        f'<a href="mailto:?subject={esc(pub.title)}">Email</a></p></div>\n'
        + _chrome_bottom(base)
    )
    return body


def report_page(pub: Pub, base: str, asset: str) -> str:
    r = _Html()
    content = "\n".join(r.block(b) for b in pub.body)
    toc = "".join(f'<li><a href="#{slugify(h)[:60]}">{esc(re.sub(r"<[^>]+>", "", h))}</a></li>'
                  for h in _headings(pub.body))
    pdf_link = ""
    if pub.pdf:
        pdf_link = (f'<a class="btn btn-outline-secondary btn-sm" href="{asset}/uploads/{pub.pdf}">'
                    "Download the PDF version</a> ")
    return (
        _head(pub.title, base, f'<link rel="canonical" href="{base}/publication-html/{pub.slug}/">\n')
        + _chrome_top(base, f"publication-html-template-default single single-publication-html postid-{pub.post_id + 5000}")
        + f'<h1 class="wp-block-post-title">{esc(pub.title)}</h1>\n'
        f'<div class="wp-block-group report-meta is-layout-flex"><p class="text-muted">Published on: '
        f'<time datetime="{pub.published.isoformat()}">{long_date(pub.published)}</time></p>'
        f'<p>{pdf_link}<button class="btn btn-outline-secondary btn-sm" onclick="window.print()">Print this document</button></p></div>\n'
        '<nav class="wp-block-table-of-contents" aria-label="Contents"><p><strong>Contents</strong></p>'
        f"<ol>{toc}</ol></nav>\n"
        f'<div class="entry-content wp-block-post-content is-layout-constrained">\n{content}\n'
        f"{r.footnote_block()}\n</div>\n"
        + _chrome_bottom(base)
    )


def listing_page(pubs: list[Pub], n: int, pages: int, base: str) -> str:
    arts = []
    for p in pubs:
        arts.append(
            f'<li class="wp-block-post post-{p.post_id} publication type-publication status-publish">'
            '<div class="card mb-3"><div class="card-body">'
            f'<h2 class="wp-block-post-title h5"><a href="{base}/publications/{p.slug}/" target="_self">{esc(p.title)}</a></h2>'
            f'<div class="wp-block-post-date"><time datetime="{p.published.isoformat()}T09:30:00+00:00">{long_date(p.published)}</time></div>'
            f'<div class="taxonomy-publication-type wp-block-post-terms"><a href="{base}/publication-type/{slugify(p.type)}/" rel="tag">{esc(p.type)}</a></div>'
            f'<div class="wp-block-post-excerpt"><p class="wp-block-post-excerpt__excerpt">{esc(p.summary[:160])}&hellip;</p></div>'
            "</div></div></li>"
        )
    nav = []
    if n > 1:
        prev = f"{base}/publications/" if n == 2 else f"{base}/publications/page/{n - 1}/"
        nav.append(f'<a href="{prev}" class="wp-block-query-pagination-previous">Newer publications</a>')
    nums = "".join(
        (f'<span aria-current="page" class="page-numbers current">{i}</span>' if i == n else
         f'<a class="page-numbers" href="{base}/publications/{"" if i == 1 else f"page/{i}/"}">{i}</a>')
        for i in range(1, pages + 1))
    nav.append(f'<div class="wp-block-query-pagination-numbers">{nums}</div>')
    if n < pages:
        nav.append(f'<a href="{base}/publications/page/{n + 1}/" class="wp-block-query-pagination-next">Older publications</a>')
    title = "Publications" + (f" &#8211; Page {n} of {pages}" if n > 1 else "")
    return (
        _head("Publications" + (f" - Page {n}" if n > 1 else ""), base)
        + _chrome_top(base, "archive post-type-archive post-type-archive-publication")
        + f'<h1 class="wp-block-query-title">{title}</h1>\n'
        '<div class="wp-block-query is-layout-flow"><ul class="wp-block-post-template list-unstyled">'
        + "".join(arts) + "</ul>"
        '<nav class="wp-block-query-pagination is-layout-flex" aria-label="Pagination">' + "".join(nav) + "</nav></div>\n"
        + _chrome_bottom(base)
    )


def _rfc822(d: datetime) -> str:
    return format_datetime(d.astimezone(timezone.utc), usegmt=True).replace("GMT", "+0000")


def feed(pubs: list[Pub], base: str, built: datetime) -> str:
    items = []
    for p in pubs[:10]:
        items.append(
            "<item>\n"
            f"<title>{esc(p.title)}</title>\n"
            f"<link>{base}/publications/{p.slug}/</link>\n"
            f"<dc:creator><![CDATA[HMICFRS]]></dc:creator>\n"
            f"<pubDate>{_rfc822(datetime(p.published.year, p.published.month, p.published.day, 9, 30, tzinfo=timezone.utc))}</pubDate>\n"
            f"<category><![CDATA[{p.type}]]></category>\n"
            f'<guid isPermaLink="false">{base}/?post_type=publication&amp;p={p.post_id}</guid>\n'
            f"<description><![CDATA[{p.summary}]]></description>\n"
            "</item>\n"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"\n'
        '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
        '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
        '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '\txmlns:atom="http://www.w3.org/2005/Atom"\n'
        '\txmlns:sy="http://purl.org/rss/1.0/modules/syndication/"\n'
        '\txmlns:slash="http://purl.org/rss/1.0/modules/slash/"\n>\n<channel>\n'
        "<title>HM Inspectorate of Constabulary and Fire &amp; Rescue Services</title>\n"
        f'<atom:link href="{base}/feed/" rel="self" type="application/rss+xml" />\n'
        f"<link>{base}</link>\n<description>Independent inspection of police and fire and rescue services</description>\n"
        f"<lastBuildDate>{_rfc822(built)}</lastBuildDate>\n<language>en-GB</language>\n"
        "<sy:updatePeriod>hourly</sy:updatePeriod>\n<sy:updateFrequency>1</sy:updateFrequency>\n"
        "<generator>https://wordpress.org/?v=6.7.1</generator>\n"
        + "".join(items) + "</channel>\n</rss>\n"
    )


def _urlset(entries: list[tuple[str, datetime]], base: str) -> str:
    urls = "".join(
        f"<url><loc>{loc}</loc><lastmod>{lm.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%S+00:00')}</lastmod></url>"
        for loc, lm in entries)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet type="text/xsl" href="{base}/wp-sitemap.xsl" ?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n')


STATIC_PAGES = {
    "/about-us/": ("About us", "We independently assess the effectiveness and efficiency of police forces and fire and rescue services, in the public interest."),
    "/accessibility/": ("Accessibility statement", "This website is run by HMICFRS. We want as many people as possible to be able to use it."),
    "/privacy-notice/": ("Privacy notice", "This notice explains how we use personal information."),
}


def build_site(pubs: list[Pub], *, base_url: str, asset_url: str,
               built_at: datetime | None = None,
               date_label: str = "Date of publication") -> dict[str, Resource]:
    """The site's resource map. `date_label` is the header of the publication date row in
    each publication page's details table: this theme says "Date of publication"; pass
    "Published" (the wording site-model.md records) to isolate that one difference."""
    base, asset = base_url.rstrip("/"), asset_url.rstrip("/")
    pubs = sorted(pubs, key=lambda p: (p.published, p.post_id), reverse=True)
    newest = max(p.stamp for p in pubs)
    built = built_at or newest
    res: dict[str, Resource] = {}
    pdf_sizes: dict[str, int] = {}
    for p in pubs:
        if p.pdf:
            data = build_pdf(p)
            pdf_sizes[p.pdf] = len(data)
            res[f"/uploads/{p.pdf}"] = Resource(data, PDF_T, p.stamp)
    for p in pubs:
        res[f"/publications/{p.slug}/"] = Resource(
            publication_page(p, base, asset, pdf_sizes, date_label).encode(), HTML_T, p.stamp, post_id=p.post_id)
        if p.html:
            res[f"/publication-html/{p.slug}/"] = Resource(
                report_page(p, base, asset).encode(), HTML_T, p.stamp, post_id=p.post_id + 5000)
    pages = max(1, -(-len(pubs) // PER_PAGE))
    for n in range(1, pages + 1):
        chunk = pubs[(n - 1) * PER_PAGE: n * PER_PAGE]
        path = "/publications/" if n == 1 else f"/publications/page/{n}/"
        res[path] = Resource(listing_page(chunk, n, pages, base).encode(), HTML_T,
                             max(p.stamp for p in chunk))
    res["/feed/"] = Resource(feed(pubs, base, built).encode(), RSS_T, built)
    page_stamp = datetime(2024, 3, 1, tzinfo=timezone.utc)
    for path, (t, text) in STATIC_PAGES.items():
        res[path] = Resource((_head(t, base) + _chrome_top(base, "page-template-default page")
                              + f'<h1 class="wp-block-post-title">{t}</h1><p>{text}</p>'
                              + _chrome_bottom(base)).encode(), HTML_T, page_stamp)
    res["/"] = Resource((_head("Home", base) + _chrome_top(base, "home page")
                         + "<h1>HM Inspectorate of Constabulary and Fire &amp; Rescue Services</h1>"
                         + f'<p><a href="{base}/publications/">Latest publications</a></p>'
                         + _chrome_bottom(base)).encode(), HTML_T, built)
    pub_entries = [(f"{base}/publications/{p.slug}/", p.stamp) for p in pubs]
    html_entries = [(f"{base}/publication-html/{p.slug}/", p.stamp) for p in pubs if p.html]
    page_entries = [(f"{base}{path}", page_stamp) for path in STATIC_PAGES]
    res["/wp-sitemap-posts-publication-1.xml"] = Resource(_urlset(pub_entries, base).encode(), XML_T, newest)
    html_stamp = max(lm for _, lm in html_entries)
    res["/wp-sitemap-posts-publication-html-1.xml"] = Resource(_urlset(html_entries, base).encode(), XML_T, html_stamp)
    res["/wp-sitemap-posts-page-1.xml"] = Resource(_urlset(page_entries, base).encode(), XML_T, page_stamp)
    index = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet type="text/xsl" href="{base}/wp-sitemap-index.xsl" ?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{base}/wp-sitemap-posts-page-1.xml</loc></sitemap>"
        f"<sitemap><loc>{base}/wp-sitemap-posts-publication-1.xml</loc></sitemap>"
        f"<sitemap><loc>{base}/wp-sitemap-posts-publication-html-1.xml</loc></sitemap>"
        "</sitemapindex>\n"
    )
    res["/wp-sitemap.xml"] = Resource(index.encode(), XML_T, newest)
    xsl = ('<?xml version="1.0" encoding="UTF-8"?><xsl:stylesheet version="1.0" '
           'xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/">'
           "<html><body><h1>XML Sitemap</h1></body></html></xsl:template></xsl:stylesheet>")
    res["/wp-sitemap.xsl"] = Resource(xsl.encode(), XSL_T, page_stamp)
    res["/wp-sitemap-index.xsl"] = Resource(xsl.encode(), XSL_T, page_stamp)
    res["/robots.txt"] = Resource(
        ("User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
         f"Sitemap: {base}/wp-sitemap.xml\n").encode(), TEXT_T, page_stamp)
    not_found = (_head("Page not found", base) + _chrome_top(base, "error404")
                 + "<h1>Page not found</h1><p>Sorry, we cannot find that page.</p>" + _chrome_bottom(base))
    res["/404/"] = Resource(not_found.encode(), HTML_T, page_stamp, status=404)
    return res
