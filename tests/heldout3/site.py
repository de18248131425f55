"""Third held-out site: a hand-built, HTML4-era WordPress theme ("Inspectorate Classic").

Built only from the site model (rules: docs/counting-rules.md) and the committee paper, without
looking at the parser. `build_resources(site_url, asset_url)` returns the resource map
for `MirrorServer.set_resources`.

Theme choices (deliberately unlike classic WordPress, GOV.UK or block-editor themes):
- table-based layout, the site name in the only <h1>, the post title in <h2 class="posttitle">;
- metadata in a sidebar <aside> as a <ul class="meta"> of <span class="label"> / value
  pairs with no colons ("Published", "Type", "Police force" / "Forces" /
  "Fire and rescue service", "Working with"), dates with non-breaking spaces;
- a "Recent publications" sidebar widget on every page;
- documents in a bordered download table; the online report linked by "Read this report online";
- discovery: robots.txt -> Yoast-style /sitemap_index.xml -> /publication-sitemap.xml
  (with <lastmod>), /wp-sitemap.xml redirecting there; /feed/ RSS 2.0 (newest 10);
  /publications/page/N/ listing, 8 to a page.
"""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

from watcher.mirror.render import HTML, PDF, RSS, TEXT, XML, Resource

from .content import PUBLICATIONS, Pub

SITE_NAME = "HM Inspectorate of Constabulary and Fire &amp; Rescue Services"
PER_PAGE = 8
FEED_ITEMS = 10
BUILT = datetime(2025, 12, 10, 9, 0, tzinfo=timezone.utc)


def _long_date(d) -> str:
    return f"{d.day} {d:%B %Y}"


def _nbsp_date(d) -> str:
    return f"{d.day}&nbsp;{d:%B}&nbsp;{d:%Y}"


def _w3c(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def _rfc822(dt: datetime) -> str:
    return dt.strftime("%a, %d %b %Y %H:%M:%S +0000")


# --- PDF -------------------------------------------------------------------------------

_BLOCK_TAGS = {"p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "caption"}


class _Blocks(HTMLParser):
    """HTML fragment -> [(kind, level, text, boxed)] for the PDF writer."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, int, str, bool]] = []
        self.buf: list[str] = []
        self.cur: tuple[str, int] | None = None
        self.lists: list[list] = []  # [type, counter]
        self.box = 0

    def _flush(self):
        text = re.sub(r"[ \t\r\f\v]+", " ", "".join(self.buf)).strip()
        text = re.sub(r" *\n *", "\n", text)
        if text and self.cur:
            kind, level = self.cur
            self.blocks.append((kind, level, text, self.box > 0))
        self.buf = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "blockquote":
            self._flush()
            self.box += 1
        if tag in ("ol", "ul"):
            self._flush()
            self.lists.append([tag if tag == "ul" else (a.get("type") or "1"), 0])
        if tag in _BLOCK_TAGS:
            self._flush()
            if tag[0] == "h" and tag[1:].isdigit():
                self.cur = ("h", int(tag[1]))
            else:
                self.cur = ("p", 0)
            if tag == "li" and self.lists:
                lst = self.lists[-1]
                lst[1] += 1
                if lst[0] == "ul":
                    self.buf.append("\u2022 ")
                elif lst[0] == "a":
                    self.buf.append(f"({chr(96 + lst[1])}) ")
                else:
                    self.buf.append(f"{lst[1]}. ")
        if tag == "br":
            self.buf.append("\n")

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self._flush()
            self.cur = ("p", 0)
        if tag in ("ol", "ul") and self.lists:
            self._flush()
            self.lists.pop()
        if tag == "blockquote":
            self._flush()
            self.box = max(0, self.box - 1)

    def handle_data(self, data):
        if self.cur is None:
            self.cur = ("p", 0)
        self.buf.append(data.replace("\n", " "))

    def close(self):
        super().close()
        self._flush()


def _pdf_blocks(fragment: str):
    p = _Blocks()
    # shaded box tables (class "box") become blockquotes for the PDF; other tables vanish
    parts = re.split(r"(<table[^>]*>|</table>)", fragment)
    stack: list[bool] = []
    out = []
    for part in parts:
        if part.startswith("<table"):
            isbox = "box" in part
            stack.append(isbox)
            out.append("<blockquote>" if isbox else "")
        elif part == "</table>":
            isbox = stack.pop() if stack else False
            out.append("</blockquote>" if isbox else "")
        else:
            out.append(part)
    p.feed("".join(out))
    p.close()
    return p.blocks


_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def make_pdf(title: str, published, body: str, running_head: str) -> bytes:
    from fpdf import FPDF

    class _PDF(FPDF):
        def header(self):
            if self.page_no() > 1:
                self.set_font(self._face, "", 8)
                self.set_text_color(90, 90, 90)
                self.cell(0, 6, running_head, align="R")
                self.ln(9)
                self.set_text_color(0, 0, 0)

        def footer(self):
            if self.page_no() > 1:
                self.set_y(-14)
                self.set_font(self._face, "", 8)
                self.cell(0, 8, f"{self.page_no()}", align="C")

    pdf = _PDF(format="A4")
    pdf.set_creation_date(datetime(2025, 12, 1, tzinfo=timezone.utc))
    pdf.set_title(title)
    pdf.set_author("HMICFRS")
    if (_FONT_DIR / "DejaVuSans.ttf").exists():
        pdf.add_font("DejaVu", "", str(_FONT_DIR / "DejaVuSans.ttf"))
        pdf.add_font("DejaVu", "B", str(_FONT_DIR / "DejaVuSans-Bold.ttf"))
        pdf._face = "DejaVu"
        clean = lambda s: s  # noqa: E731
    else:  # pragma: no cover - ASCII fallback
        pdf._face = "helvetica"
        table = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                               "\u2013": "-", "\u2014": "-", "\u2022": "*", "\xa0": " "})
        clean = lambda s: s.translate(table).encode("latin-1", "replace").decode("latin-1")  # noqa: E731
    face = pdf._face
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_margins(22, 18, 22)

    # cover
    pdf.add_page()
    pdf.set_font(face, "B", 11)
    pdf.multi_cell(0, 6, clean("His Majesty\u2019s Inspectorate of Constabulary and Fire & Rescue Services"))
    pdf.ln(40)
    pdf.set_font(face, "B", 20)
    pdf.multi_cell(0, 10, clean(title), align="L")
    pdf.ln(8)
    pdf.set_font(face, "", 11)
    pdf.multi_cell(0, 6, clean(_long_date(published)))

    def render_toc(p, outline):
        p.set_x(p.l_margin)
        p.set_font(face, "B", 16)
        p.cell(0, 10, "Contents")
        p.ln(14)
        p.set_font(face, "", 11)
        for sec in outline:
            if sec.level > 0:
                continue
            name = clean(sec.name)
            p.cell(140, 7, name)
            p.cell(0, 7, str(sec.page_number), align="R")
            p.ln(7)

    pdf.add_page()
    pdf.insert_toc_placeholder(render_toc, pages=1)
    for kind, level, text, boxed in _pdf_blocks(body):
        text = clean(text)
        if kind == "h":
            size = {1: 18, 2: 16, 3: 14, 4: 12, 5: 11, 6: 11}.get(level, 11)
            if level <= 3 and pdf.get_y() > 200:
                pdf.add_page()
            pdf.ln(3)
            if level == 3:
                pdf.start_section(text.replace("\n", " "), level=0)
            pdf.set_font(face, "B", size)
            pdf.multi_cell(0, size * 0.5, text, align="L")
            pdf.ln(2)
        else:
            pdf.set_font(face, "", 10)
            if boxed:
                pdf.set_fill_color(230, 236, 242)
            pdf.multi_cell(0, 5, text, fill=boxed)
            pdf.ln(2.5)
    return bytes(pdf.output())


# --- HTML theme ------------------------------------------------------------------------

def _recent_widget(base: str, pubs: list[Pub]) -> str:
    items = "".join(
        f'<li><a href="{base}/publications/{p.slug}/">{html.escape(p.title)}</a></li>'
        for p in sorted(pubs, key=lambda q: q.published, reverse=True)[:5]
    )
    return f'<div class="widget"><h3 class="widgettitle">Recent publications</h3><ul>{items}</ul></div>'


def _shell(base: str, pubs: list[Pub], page_title: str, content: str, sidebar: str = "",
           body_class: str = "page", extra_head: str = "") -> str:
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html lang="en-GB">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>{page_title} &laquo; HMICFRS</title>
<link rel="stylesheet" type="text/css" href="{base}/wp-content/themes/inspectorate-classic/style.css?ver=3.2.1">
<link rel="alternate" type="application/rss+xml" title="HMICFRS &raquo; Feed" href="{base}/feed/">
<link rel="pingback" href="{base}/xmlrpc.php">
{extra_head}
<script type="text/javascript" src="{base}/wp-includes/js/jquery/jquery.js?ver=1.4.2"></script>
</head>
<body class="{body_class}" bgcolor="#ffffff">
<table id="page" width="960" align="center" cellpadding="0" cellspacing="0" border="0">
<tr><td id="masthead" colspan="2" bgcolor="#1d3c5a">
<h1 id="site-title"><a href="{base}/"><font color="#ffffff">{SITE_NAME}</font></a></h1>
<div id="site-description">Independent inspection of police and fire &amp; rescue services</div>
<div id="access"><ul class="menu">
<li><a href="{base}/">Home</a></li><li><a href="{base}/publications/">Publications</a></li>
<li><a href="{base}/about-us/">About us</a></li><li><a href="{base}/contact/">Contact</a></li>
</ul></div>
</td></tr>
<tr>
<td id="content" valign="top" width="680">
{content}
</td>
<td id="sidebar" valign="top" width="280" bgcolor="#eef1f4">
{sidebar}
{_recent_widget(base, pubs)}
<div class="widget"><h3 class="widgettitle">Archive</h3><p>Older material is on our
<a href="https://www.justiceinspectorates.gov.uk/hmicfrs/publications/">previous website</a>.</p></div>
</td>
</tr>
<tr><td id="footer" colspan="2"><p>&copy; Crown copyright 2025 &middot;
<a href="{base}/accessibility/">Accessibility</a> &middot; <a href="{base}/privacy/">Privacy</a> &middot;
Powered by WordPress</p></td></tr>
</table>
</body>
</html>
"""


def _meta_sidebar(p: Pub) -> str:
    rows = [("Published", _nbsp_date(p.published)), ("Type", html.escape(p.type))]
    if p.area_label:
        rows.append((p.area_label, p.area_value))
    if p.joint_with:
        rows.append(("Working with", ", ".join(html.escape(j) for j in p.joint_with)))
    items = "\n".join(
        f'<li><span class="label">{k}</span> <span class="value">{v}</span></li>' for k, v in rows
    )
    return f'<aside class="pubmeta"><h3 class="widgettitle">About this publication</h3>\n<ul class="meta">\n{items}\n</ul></aside>'


def _pdf_name(p: Pub) -> str:
    return p.pdf_file or f"{p.slug}.pdf"


def _size(n: int) -> str:
    return f"{n / 1024:.0f}&nbsp;KB" if n < 1024 * 1024 else f"{n / 1048576:.1f}&nbsp;MB"


def _publication_page(base: str, asset: str, pubs, p: Pub, pdf_sizes) -> str:
    downloads = ""
    if p.pdf_body is not None:
        downloads = f"""<h4>Documents</h4>
<table class="downloads" border="1" cellpadding="6" cellspacing="0" width="100%">
<tr><td width="40"><img src="{base}/wp-content/themes/inspectorate-classic/images/pdf.gif" alt="PDF"></td>
<td><a href="{asset}/uploads/{_pdf_name(p)}">{html.escape(p.pdf_title or p.title)}</a><br>
<small>PDF document, {_size(pdf_sizes[p.slug])}</small></td></tr>
</table>"""
    online = ""
    if p.html_body is not None:
        online = (f'<p class="online"><a href="{base}/publication-html/{p.slug}/">'
                  f"Read this report online &raquo;</a></p>")
    content = f"""<div id="post-{p.post_id}" class="post publication type-publication hentry">
<h2 class="posttitle">{html.escape(p.title)}</h2>
<div class="entry">
{p.summary}
{online}
{downloads}
</div>
<p class="postmetadata">Posted in <a href="{base}/publications/">Publications</a></p>
</div>"""
    return _shell(base, pubs, html.escape(p.title), content, _meta_sidebar(p),
                  f"single single-publication postid-{p.post_id}",
                  f'<link rel="canonical" href="{base}/publications/{p.slug}/">\n'
                  f'<link rel="shortlink" href="{base}/?p={p.post_id}">')


def _report_page(base: str, pubs, p: Pub) -> str:
    heads = re.findall(r'<h3 id="([^"]+)">(.*?)</h3>', p.html_body)
    toc = "\n".join(f'<li><a href="#{i}">{t}</a></li>' for i, t in heads)
    content = f"""<div class="post report">
<h2 class="posttitle">{html.escape(p.title)}</h2>
<p class="pubdate"><i>Published on: {_nbsp_date(p.published)}</i></p>
<p class="printlink"><a href="javascript:window.print()">Print this document</a></p>
<table class="toc" border="0" cellpadding="8" width="100%" bgcolor="#f4f4f4"><tr><td>
<p><b>Contents</b></p>
<ol>
{toc}
</ol>
</td></tr></table>
<div class="entry">
{p.html_body}
</div>
<p><a href="#site-title">Back to top</a></p>
</div>"""
    return _shell(base, pubs, html.escape(p.title), content,
                  f'<p><a href="{base}/publications/{p.slug}/">&laquo; Back to the publication</a></p>',
                  "single single-publication-html",
                  f'<link rel="canonical" href="{base}/publication-html/{p.slug}/">')


def _listing(base: str, pubs, page: int, pages: int, chunk) -> str:
    items = []
    for p in chunk:
        items.append(f"""<tr><td class="listing-item" valign="top">
<h3><a href="{base}/publications/{p.slug}/">{html.escape(p.title)}</a></h3>
<p class="listing-meta"><span class="label">Published</span> {_nbsp_date(p.published)} &middot;
<span class="label">Type</span> {html.escape(p.type)}</p>
<p>{html.escape(p.teaser)}</p>
</td></tr>""")
    nav = []
    if page < pages:
        nav.append(f'<a class="next" href="{base}/publications/page/{page + 1}/">&laquo; Older publications</a>')
    if page > 1:
        prev = f"{base}/publications/" if page == 2 else f"{base}/publications/page/{page - 1}/"
        nav.append(f'<a class="prev" href="{prev}">Newer publications &raquo;</a>')
    content = f"""<h2 class="pagetitle">Publications</h2>
<table class="listing" width="100%" cellpadding="6" border="0">
{''.join(items)}
</table>
<div class="navigation">{' | '.join(nav)}</div>"""
    return _shell(base, pubs, "Publications" + (f" &raquo; Page {page}" if page > 1 else ""),
                  content, "", "archive post-type-archive-publication")


def build_resources(base: str, asset: str, pubs: list[Pub] | None = None) -> dict[str, Resource]:
    pubs = list(pubs or PUBLICATIONS)
    res: dict[str, Resource] = {}
    newest = max(p.lastmod for p in pubs)

    pdfs: dict[str, bytes] = {}
    for p in pubs:
        if p.pdf_body is not None:
            pdfs[p.slug] = make_pdf(p.title, p.published, p.pdf_body, p.running_head or p.title)
    sizes = {k: len(v) for k, v in pdfs.items()}

    for p in pubs:
        res[f"/publications/{p.slug}/"] = Resource(
            _publication_page(base, asset, pubs, p, sizes).encode(), HTML, p.lastmod,
            post_id=p.post_id)
        if p.html_body is not None:
            res[f"/publication-html/{p.slug}/"] = Resource(
                _report_page(base, pubs, p).encode(), HTML, p.lastmod)
        if p.slug in pdfs:
            res[f"/uploads/{_pdf_name(p)}"] = Resource(pdfs[p.slug], PDF, p.lastmod)

    ordered = sorted(pubs, key=lambda q: (q.published, q.post_id), reverse=True)
    pages = (len(ordered) + PER_PAGE - 1) // PER_PAGE
    for n in range(1, pages + 1):
        chunk = ordered[(n - 1) * PER_PAGE: n * PER_PAGE]
        path = "/publications/" if n == 1 else f"/publications/page/{n}/"
        res[path] = Resource(_listing(base, pubs, n, pages, chunk).encode(), HTML,
                             max(q.lastmod for q in chunk))

    # simple pages
    for slug, title, text in (
        ("about-us", "About us", "We independently assess the effectiveness and efficiency of police forces and fire and rescue services."),
        ("contact", "Contact", "Write to us at our London office."),
    ):
        res[f"/{slug}/"] = Resource(
            _shell(base, pubs, title, f'<h2 class="pagetitle">{title}</h2><p>{text}</p>').encode(),
            HTML, BUILT - timedelta(days=300))
    res["/"] = Resource(_shell(base, pubs, "Home", '<h2 class="pagetitle">Welcome</h2><p>Latest publications are listed on the right.</p>').encode(), HTML, newest)
    res["/404/"] = Resource(_shell(base, pubs, "Page not found", "<h2>Not found</h2><p>Sorry, that page does not exist.</p>").encode(), HTML, BUILT, status=404)

    # sitemaps (Yoast style)
    stamp = newest
    urls = "".join(
        f"<url><loc>{base}/publications/{p.slug}/</loc><lastmod>{_w3c(p.lastmod)}</lastmod></url>"
        for p in ordered
    )
    res["/publication-sitemap.xml"] = Resource(
        ('<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" href="'
         f'{base}/main-sitemap.xsl"?>\n<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
         'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" '
         'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
         f"<url><loc>{base}/publications/</loc><lastmod>{_w3c(newest)}</lastmod></url>"
         f"{urls}</urlset>\n").encode(), XML, stamp)
    old = BUILT - timedelta(days=300)
    res["/page-sitemap.xml"] = Resource(
        ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
         f"<url><loc>{base}/</loc><lastmod>{_w3c(old)}</lastmod></url>"
         f"<url><loc>{base}/about-us/</loc><lastmod>{_w3c(old)}</lastmod></url>"
         f"<url><loc>{base}/contact/</loc><lastmod>{_w3c(old)}</lastmod></url></urlset>\n").encode(),
        XML, old)
    res["/sitemap_index.xml"] = Resource(
        ('<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" href="'
         f'{base}/main-sitemap.xsl"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
         f"<sitemap><loc>{base}/page-sitemap.xml</loc><lastmod>{_w3c(old)}</lastmod></sitemap>"
         f"<sitemap><loc>{base}/publication-sitemap.xml</loc><lastmod>{_w3c(stamp)}</lastmod></sitemap>"
         "</sitemapindex>\n<!-- XML Sitemap generated by Yoast SEO -->").encode(), XML, stamp)
    res["/wp-sitemap.xml"] = Resource(b"", HTML, stamp, status=301,
                                      headers={"Location": f"{base}/sitemap_index.xml"})
    res["/robots.txt"] = Resource(
        (f"# START YOAST BLOCK\nUser-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
         f"Sitemap: {base}/sitemap_index.xml\n# END YOAST BLOCK\n").encode(), TEXT, old)

    # RSS 2.0, newest 10
    items = []
    for p in ordered[:FEED_ITEMS]:
        pub_dt = datetime(p.published.year, p.published.month, p.published.day, 9, 30, tzinfo=timezone.utc)
        items.append(f"""<item>
<title>{html.escape(p.title)}</title>
<link>{base}/publications/{p.slug}/</link>
<pubDate>{_rfc822(pub_dt)}</pubDate>
<dc:creator><![CDATA[HMICFRS]]></dc:creator>
<category><![CDATA[{p.type}]]></category>
<guid isPermaLink="false">{base}/?p={p.post_id}</guid>
<description><![CDATA[{p.teaser}]]></description>
</item>""")
    feed = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:atom="http://www.w3.org/2005/Atom"
 xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
<channel>
<title>HMICFRS</title>
<atom:link href="{base}/feed/" rel="self" type="application/rss+xml" />
<link>{base}</link>
<description>Independent inspection of police and fire &amp; rescue services</description>
<lastBuildDate>{_rfc822(newest)}</lastBuildDate>
<language>en-GB</language>
<sy:updatePeriod>hourly</sy:updatePeriod>
<generator>https://wordpress.org/?v=4.9.8</generator>
{''.join(items)}
</channel>
</rss>
"""
    res["/feed/"] = Resource(feed.encode(), RSS, newest)
    return res
