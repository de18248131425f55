"""Render the mirrored HMICFRS WordPress site: publications -> {path: Resource}.

Shapes follow what a WordPress site really serves (see shared/site-model.md): core
sitemaps, an RSS 2.0 feed of the newest ten, paginated archive listings, publication
pages, `/publication-html/` reports and PDFs on a separate asset host. Every HTML page
carries the theme furniture a change detector must ignore: cookie banner, header, nav,
search, breadcrumbs, a "Latest publications" aside, a footer with a "Last updated"
stamp and a per-build WordPress nonce. Class names are guesses at the real theme;
nothing downstream should key on them.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import format_datetime
from urllib.parse import urlsplit

import jinja2

from .build_pdfs import document_bytes, document_type, long_date, pdf_sources
from .content import MirrorPublication, sort_newest_first

SITE_NAME = "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services"
SHORT_NAME = "HMICFRS"
WP_VERSION = "6.6.2"
PER_PAGE = 10  # archive listing page size (WordPress "posts per page")
FEED_ITEMS = 10  # WordPress "syndication feeds show the most recent"
SITEMAP_MAX = 2000  # WordPress core sitemaps paginate at 2000 URLs
OLD_SITE = "https://www.justiceinspectorates.gov.uk/hmicfrs"
STATIC_DATE = datetime(2024, 3, 4, 10, 15, tzinfo=timezone.utc)

#: Partner inspectorates and where their copy of joint work lives.
PARTNER_SITES: dict[str, tuple[str, str]] = {
    "HM Inspectorate of Probation": (
        "https://hmiprobation.justiceinspectorates.gov.uk/",
        "https://hmiprobation.justiceinspectorates.gov.uk/document/{slug}/",
    ),
    "HM Inspectorate of Prisons": (
        "https://hmiprisons.justiceinspectorates.gov.uk/",
        "https://hmiprisons.justiceinspectorates.gov.uk/hmipris/reports/{slug}/",
    ),
    "HM Crown Prosecution Service Inspectorate": (
        "https://hmcpsi.justiceinspectorates.gov.uk/",
        "https://hmcpsi.justiceinspectorates.gov.uk/inspections/{slug}/",
    ),
    "Ofsted": ("https://www.gov.uk/government/organisations/ofsted",
               "https://www.gov.uk/government/publications/{slug}"),
    "Care Quality Commission": ("https://www.cqc.org.uk/", "https://www.cqc.org.uk/publications/{slug}"),
}

#: Hosts other than the site and asset host that mirror pages may link to.
KNOWN_EXTERNAL_HOSTS = frozenset({
    "www.justiceinspectorates.gov.uk",  # the old site (redirects)
    "hmiprobation.justiceinspectorates.gov.uk",
    "hmiprisons.justiceinspectorates.gov.uk",
    "hmcpsi.justiceinspectorates.gov.uk",
    "www.gov.uk",
    "www.cqc.org.uk",
    "www.nationalarchives.gov.uk",
    "www.sitemaps.org",
    "wordpress.org",
    "purl.org",
    "www.w3.org",
    "wellformedweb.org",
    "x.com",
    "www.linkedin.com",
})

STATIC_PAGES: dict[str, tuple[str, str]] = {
    "about-us": ("About us", """
<p>We independently assess the effectiveness and efficiency of police forces and fire and
rescue services, in the public interest. We ask the questions that the public would ask,
and publish what we find in accessible form.</p>
<p>Our reports from before 2021 are kept on the
<a href="https://www.justiceinspectorates.gov.uk/hmicfrs/about-us/">justice inspectorates site</a>.</p>"""),
    "contact-us": ("Contact us", """
<p>You can write to us at the address below or email our enquiries team. We do not
investigate individual complaints about the police or fire and rescue services.</p>
<p>Telephone: 0300 000 0000 (an invented number for the offline mirror)</p>"""),
    "cookies": ("Cookies", """
<p>We use essential cookies to make this website work, and analytics cookies, only if you
accept them, to understand how people use it.</p>"""),
    "accessibility": ("Accessibility statement", """
<p>We want as many people as possible to be able to use this website. Some older PDF
documents are not fully accessible.</p>"""),
    "privacy-notice": ("Privacy notice", """
<p>This notice explains what personal data we collect when you use this website and
how we look after it.</p>"""),
    "our-work": ("Our work", """
<p>We inspect police forces through PEEL assessments, fire and rescue services through
our fire inspections, and carry out thematic inspections across forces and services,
often jointly with other inspectorates.</p>"""),
}

CATEGORIES: dict[str, str] = {
    "news": "News",
    "press-releases": "Press releases",
    "speeches": "Speeches",
}


@dataclass
class Resource:
    """One servable response: body, headers and validators."""

    body: bytes
    content_type: str
    last_modified: datetime
    etag: str = ""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    post_id: int | None = None  # publication pages: the WordPress post ID (for /?p=ID)

    def __post_init__(self) -> None:
        if self.last_modified.tzinfo is None:
            self.last_modified = self.last_modified.replace(tzinfo=timezone.utc)
        self.last_modified = self.last_modified.astimezone(timezone.utc).replace(microsecond=0)
        if not self.etag:
            self.etag = '"' + hashlib.sha1(self.body).hexdigest()[:20] + '"'


HTML = "text/html; charset=UTF-8"
XML = "application/xml; charset=UTF-8"
XSL = "text/xsl; charset=UTF-8"
RSS = "application/rss+xml; charset=UTF-8"
PDF = "application/pdf"
TEXT = "text/plain; charset=utf-8"
CSS = "text/css; charset=utf-8"
SVG = "image/svg+xml"


# --- templates -------------------------------------------------------------------------

_LAYOUT = """<!DOCTYPE html>
<html lang="en-GB" class="no-js">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ page_title }} - {{ site_name }}</title>
<meta name="robots" content="index, follow, max-image-preview:large">
{% if status == 200 %}<link rel="canonical" href="{{ base }}{{ path }}">{% endif %}
<link rel="alternate" type="application/rss+xml" title="{{ short_name }} &raquo; Feed" href="{{ base }}/feed/">
<link rel="https://api.w.org/" href="{{ base }}/wp-json/">
<link rel="stylesheet" id="hmicfrs-style-css" href="{{ base }}/wp-content/themes/hmicfrs/style.css?ver=2.4.1" media="all">
<script id="wp-api-request-js-extra">
var wpApiSettings = {"root":"{{ base }}\\/wp-json\\/","nonce":"{{ nonce }}","versionString":"wp\\/v2\\/"};
</script>
<meta name="generator" content="WordPress {{ wp_version }}">
</head>
<body class="{{ body_class }} wp-theme-hmicfrs">
<div id="cookie-banner" class="cookie-banner" role="region" aria-label="Cookies on {{ short_name }}">
  <div class="cookie-banner__content">
    <h2 class="cookie-banner__heading">Cookies on {{ short_name }}</h2>
    <p>We use cookies to collect information about how you use our website. We use this
    information to make the website work as well as possible and to improve our services.</p>
    <button type="button" class="button cookie-banner__accept" data-cookie="accept">Accept analytics cookies</button>
    <button type="button" class="button cookie-banner__reject" data-cookie="reject">Reject analytics cookies</button>
    <a class="cookie-banner__link" href="{{ base }}/cookies/">View cookies</a>
  </div>
</div>
<a class="skip-link screen-reader-text" href="#main-content">Skip to main content</a>
<header id="masthead" class="site-header">
  <div class="site-header__inner">
    <a href="{{ base }}/" class="custom-logo-link" rel="home"><img src="{{ base }}/wp-content/themes/hmicfrs/images/logo.svg" class="custom-logo" alt="{{ site_name }}" width="240" height="60"></a>
    <form role="search" method="get" class="search-form" action="{{ base }}/">
      <label><span class="screen-reader-text">Search for:</span>
      <input type="search" class="search-field" placeholder="Search &hellip;" value="" name="s"></label>
      <button type="submit" class="search-submit">Search</button>
    </form>
  </div>
  <nav id="site-navigation" class="main-navigation" aria-label="Main menu">
    <ul id="primary-menu" class="menu">
      <li class="menu-item"><a href="{{ base }}/">Home</a></li>
      <li class="menu-item"><a href="{{ base }}/about-us/">About us</a></li>
      <li class="menu-item"><a href="{{ base }}/our-work/">Our work</a></li>
      <li class="menu-item{% if section == 'publications' %} current-menu-item{% endif %}"><a href="{{ base }}/publications/">Publications</a></li>
      <li class="menu-item"><a href="{{ base }}/category/news/">News</a></li>
      <li class="menu-item"><a href="{{ base }}/contact-us/">Contact us</a></li>
    </ul>
  </nav>
</header>
{% if crumbs %}<nav class="breadcrumbs" aria-label="Breadcrumb">
  <ol class="breadcrumbs__list">
  {% for label, href in crumbs %}{% if href %}<li class="breadcrumbs__item"><a href="{{ base }}{{ href }}">{{ label }}</a></li>
  {% else %}<li class="breadcrumbs__item" aria-current="page">{{ label }}</li>
  {% endif %}{% endfor %}</ol>
</nav>{% endif %}
<div id="content" class="site-content">
<main id="main-content" class="site-main" role="main">
{{ main|safe }}
</main>
<aside id="secondary" class="widget-area" aria-label="Latest publications">
  <section class="widget widget_recent_entries">
    <h2 class="widget-title">Latest publications</h2>
    <ul>{% for p in latest %}
      <li><a href="{{ base }}{{ p.path }}">{{ p.title }}</a> <span class="post-date">{{ p.published|longdate }}</span></li>{% endfor %}
    </ul>
  </section>
</aside>
</div>
<footer id="colophon" class="site-footer">
  <nav class="footer-navigation" aria-label="Footer menu">
    <ul class="footer-menu">
      <li><a href="{{ base }}/accessibility/">Accessibility</a></li>
      <li><a href="{{ base }}/cookies/">Cookies</a></li>
      <li><a href="{{ base }}/privacy-notice/">Privacy notice</a></li>
      <li><a href="{{ base }}/contact-us/">Contact us</a></li>
      <li><a href="{{ old_site }}/publications/">Publications archive (before 2021)</a></li>
    </ul>
  </nav>
  <div class="footer-partners">
    <p>Other justice inspectorates:
      <a href="https://hmiprobation.justiceinspectorates.gov.uk/">HM Inspectorate of Probation</a>,
      <a href="https://hmiprisons.justiceinspectorates.gov.uk/">HM Inspectorate of Prisons</a>,
      <a href="https://hmcpsi.justiceinspectorates.gov.uk/">HM Crown Prosecution Service Inspectorate</a></p>
    <p class="social">Follow us: <a href="https://x.com/hmicfrs">X</a> <a href="https://www.linkedin.com/company/hmicfrs">LinkedIn</a></p>
  </div>
  <p class="site-info">All content is available under the
    <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">Open Government Licence v3.0</a>,
    except where otherwise stated. &copy; Crown copyright</p>
  <p class="mirror-note">Offline test mirror: the publications on this site are invented for testing.</p>
  <p class="last-updated">Last updated: {{ built_at }}</p>
</footer>
<script src="{{ base }}/wp-includes/js/wp-embed.min.js?ver={{ wp_version }}" id="wp-embed-js"></script>
<script>document.documentElement.className = document.documentElement.className.replace('no-js', 'js');</script>
</body>
</html>
"""

_PUBLICATION = """<article id="post-{{ pub.post_id }}" class="post-{{ pub.post_id }} publication type-publication status-publish hentry">
  <header class="entry-header">
    <h1 class="entry-title">{{ pub.title }}</h1>
  </header>
  <div class="publication-meta">
    <p class="publication-meta__date">Published: <time datetime="{{ pub.published.isoformat() }}">{{ pub.published|longdate }}</time></p>
    <p class="publication-meta__type">Publication type: <a href="{{ base }}/publications/?publication-type={{ pub.type|slugify }}">{{ pub.type }}</a></p>
    {% if pub.forces or pub.all_forces %}<div class="publication-meta__forces">
      <h2 class="publication-meta__heading">Police forces</h2>
      <ul>{% if pub.all_forces %}<li>All forces</li>{% endif %}{% for f in pub.forces %}<li>{{ f }}</li>{% endfor %}</ul>
    </div>{% endif %}
    {% if pub.services %}<div class="publication-meta__services">
      <h2 class="publication-meta__heading">Fire and rescue services</h2>
      <ul>{% for s in pub.services %}<li>{{ s }}</li>{% endfor %}</ul>
    </div>{% endif %}
    {% if pub.joint_with %}<div class="publication-meta__joint">
      <p>This is a joint inspection by {{ short_name }} and
      {% for partner, home, copy in partners %}<a href="{{ home }}">{{ partner }}</a>{% if not loop.last %} and {% endif %}{% endfor %}.</p>
      {% for partner, home, copy in partners %}{% if copy %}<p>This report is also published on <a href="{{ copy }}">{{ partner }}'s website</a>.</p>{% endif %}{% endfor %}
    </div>{% endif %}
  </div>
  <div class="entry-content">
    <div class="publication-summary">
      <h2>Summary</h2>
      {% for para in summary_paras %}<p>{{ para }}</p>
      {% endfor %}
    </div>
    {% if pub.page_findings %}<div class="publication-findings">
{{ pub.page_findings|safe }}
    </div>{% endif %}
    {% if pub.html_report %}<p class="publication-read-online"><a class="button" href="{{ base }}{{ pub.report_path }}">Read the report online</a></p>{% endif %}
    {% if documents %}<section class="publication-downloads">
      <h2>Documents</h2>
      <ul class="download-list">{% for d in documents %}
        <li class="download-list__item">
          <a class="download-list__link" href="{{ d.url }}">{{ d.title }}</a>
          <span class="download-list__meta">{{ d.label }}, {{ d.size }}</span>
        </li>{% endfor %}
      </ul>
    </section>{% endif %}
  </div>
</article>
"""

_REPORT = """<article id="post-{{ pub.post_id }}" class="publication-html">
  <header class="entry-header">
    <h1 class="entry-title">{{ pub.title }}</h1>
    <p class="publication-html__date">Published on: {{ pub.published|longdate }}</p>
    <p class="publication-html__back"><a href="{{ base }}{{ pub.path }}">Back to the publication page</a></p>
  </header>
  <nav class="publication-html__contents" aria-label="Contents">
    <h2 class="contents-heading">Contents</h2>
    <ol>{% for anchor, text in contents %}
      <li><a href="#{{ anchor }}">{{ text }}</a></li>{% endfor %}
    </ol>
  </nav>
  <p class="publication-html__print"><a href="#" class="print-link" onclick="window.print();return false;">Print this document</a></p>
  <div class="entry-content publication-html__body">
{{ body|safe }}
  </div>
</article>
"""

_LISTING = """<header class="page-header">
  <h1 class="page-title">Publications</h1>
  <p class="archive-description">Our inspection reports, assessments and other publications, newest first.</p>
</header>
<div class="publication-list">
{% for p in items %}<article class="publication-list__item post-{{ p.post_id }}">
  <h2 class="publication-list__title"><a href="{{ base }}{{ p.path }}">{{ p.title }}</a></h2>
  <p class="publication-list__meta"><span class="publication-list__date">{{ p.published|longdate }}</span> <span class="publication-list__type">{{ p.type }}</span></p>
  <p class="publication-list__summary">{{ p.summary|excerpt }}</p>
</article>
{% endfor %}</div>
{% if pages > 1 %}<nav class="navigation pagination" aria-label="Publications pagination">
  <h2 class="screen-reader-text">Publications navigation</h2>
  <div class="nav-links">
  {% if page > 1 %}<a class="prev page-numbers" href="{{ base }}{{ page_path(page - 1) }}">Previous</a>{% endif %}
  {% for n in range(1, pages + 1) %}{% if n == page %}<span aria-current="page" class="page-numbers current">{{ n }}</span>
  {% else %}<a class="page-numbers" href="{{ base }}{{ page_path(n) }}">{{ n }}</a>
  {% endif %}{% endfor %}
  {% if page < pages %}<a class="next page-numbers" href="{{ base }}{{ page_path(page + 1) }}">Next</a>{% endif %}
  </div>
</nav>{% endif %}
"""

_HOME = """<section class="home-hero">
  <h1>{{ site_name }}</h1>
  <p>We independently assess the effectiveness and efficiency of police forces and fire and
  rescue services in England and Wales, in the public interest.</p>
</section>
<section class="home-latest">
  <h2>Latest publications</h2>
  <ul>{% for p in items %}
    <li><a href="{{ base }}{{ p.path }}">{{ p.title }}</a> <span>{{ p.published|longdate }}</span></li>{% endfor %}
  </ul>
  <p><a href="{{ base }}/publications/">All publications</a></p>
</section>
"""

_SIMPLE = """<article class="page">
  <header class="entry-header"><h1 class="entry-title">{{ title }}</h1></header>
  <div class="entry-content">
{{ content|safe }}
  </div>
</article>
"""

_ERROR = """<section class="error-404 not-found">
  <header class="page-header"><h1 class="page-title">{{ title }}</h1></header>
  <div class="page-content">
    <p>{{ message }}</p>
    <p><a href="{{ base }}/publications/">Browse our publications</a> or search the site.</p>
  </div>
</section>
"""


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _excerpt(text: str, words: int = 40) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" [&hellip;]" if len(parts) > words else "")


_env = jinja2.Environment(
    loader=jinja2.DictLoader({
        "layout": _LAYOUT, "publication": _PUBLICATION, "report": _REPORT,
        "listing": _LISTING, "home": _HOME, "simple": _SIMPLE, "error": _ERROR,
    }),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
)
_env.filters["longdate"] = long_date
_env.filters["slugify"] = _slugify
_env.filters["excerpt"] = lambda t: _excerpt(t, 40).replace(" [&hellip;]", " [\u2026]")


def human_size(n: int) -> str:
    """1.2 MB / 312 KB, as the download area shows sizes."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    return f"{max(1, round(n / 1024))} KB"


_H2 = re.compile(r"<h2(?P<attrs>\s[^>]*)?>(?P<inner>.*?)</h2>", re.S | re.I)
_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""", re.I)


def add_contents_anchors(body: str) -> tuple[str, list[tuple[str, str]]]:
    """Give every <h2> of the body an id; return the new body and (anchor, text) pairs."""
    contents: list[tuple[str, str]] = []
    used: set[str] = set()

    def fix(m: re.Match) -> str:
        attrs = m.group("attrs") or ""
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", m.group("inner"))).split())
        found = _ID.search(attrs)
        if found:
            anchor = found.group(1)
        else:
            anchor = base = _slugify(text) or "section"
            n = 2
            while anchor in used:
                anchor, n = f"{base}-{n}", n + 1
            attrs = f' id="{anchor}"' + attrs
        used.add(anchor)
        contents.append((anchor, text))
        return f"<h2{attrs}>{m.group('inner')}</h2>"

    return _H2.sub(fix, body), contents


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _xml(text: str) -> str:
    return html.escape(text, quote=False)


def _w3c(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def _pubdate(pub: MirrorPublication) -> datetime:
    """The post date: HMICFRS publishes at 00:01 on the publication day."""
    return datetime(pub.published.year, pub.published.month, pub.published.day, 0, 1,
                    tzinfo=timezone.utc)


class _Site:
    def __init__(self, pubs, base_url, asset_url, nonce, built_at, sitemap_style="core"):
        self.sitemap_style = sitemap_style
        self.base = base_url.rstrip("/")
        self.asset = asset_url.rstrip("/")
        self.nonce = nonce
        self.built_at = built_at
        self.all = sort_newest_first(list(pubs))
        self.live = [p for p in self.all if not p.withdrawn]
        self.newest = max((p.lastmod for p in self.live), default=STATIC_DATE)
        self.out: dict[str, Resource] = {}

    # --- helpers
    def page(self, path, *, page_title, main, crumbs=(), body_class="page", section="",
             last_modified, status=200, post_id=None):
        text = _env.get_template("layout").render(
            base=self.base, path=path, page_title=page_title, main=main, crumbs=list(crumbs),
            body_class=body_class, section=section, nonce=self.nonce, status=status,
            built_at=self.built_at.strftime("%H:%M, ") + long_date(self.built_at),
            latest=self.live[:3], site_name=SITE_NAME, short_name=SHORT_NAME,
            wp_version=WP_VERSION, old_site=OLD_SITE,
        )
        headers = {"Link": f'<{self.base}/wp-json/>; rel="https://api.w.org/"'}
        return Resource(text.encode("utf-8"), HTML, last_modified, status=status,
                        headers=headers, post_id=post_id)

    def render(self, name, **kw):
        return _env.get_template(name).render(base=self.base, site_name=SITE_NAME,
                                              short_name=SHORT_NAME, **kw)

    # --- pages
    def build(self) -> dict[str, Resource]:
        self.robots()
        self.sitemaps()
        self.feed()
        self.home()
        self.listings()
        for pub in self.all:
            self.publication(pub)
        self.static()
        self.theme_assets()
        self.out["/404/"] = self.error_page("/404/", 404)
        self.out["/410/"] = self.error_page("/410/", 410)
        return self.out

    def robots(self):
        body = (
            "User-agent: *\n"
            "Disallow: /wp-admin/\n"
            "Allow: /wp-admin/admin-ajax.php\n\n"
            f"Sitemap: {self.base}{self.sitemap_index_path}\n"
        )
        self.out["/robots.txt"] = Resource(body.encode(), TEXT, STATIC_DATE)

    def _urlset(self, entries):
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<?xml-stylesheet type="text/xsl" href="{self.base}/wp-sitemap.xsl" ?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        ]
        for loc, lastmod in entries:
            lm = f"<lastmod>{_w3c(lastmod)}</lastmod>" if lastmod else ""
            lines.append(f"<url><loc>{_xml(loc)}</loc>{lm}</url>")
        lines.append("</urlset>")
        return ("\n".join(lines) + "\n").encode("utf-8")

    @property
    def sitemap_index_path(self) -> str:
        return "/sitemap_index.xml" if self.sitemap_style == "seo" else "/wp-sitemap.xml"

    def sitemaps(self):
        if self.sitemap_style == "seo":
            return self.seo_sitemaps()
        groups: list[tuple[str, list[tuple[str, datetime | None]]]] = []
        by_lastmod = sorted(self.live, key=lambda p: (p.lastmod, p.slug), reverse=True)
        groups.append(("posts-publication",
                       [(self.base + p.path, p.lastmod) for p in by_lastmod]))
        groups.append(("posts-page",
                       [(f"{self.base}/{slug}/", STATIC_DATE) for slug in STATIC_PAGES]))
        groups.append(("taxonomies-category",
                       [(f"{self.base}/category/{slug}/", None) for slug in CATEGORIES]))
        index = []
        for name, entries in groups:
            chunks = max(1, math.ceil(len(entries) / SITEMAP_MAX))
            for i in range(chunks):
                chunk = entries[i * SITEMAP_MAX:(i + 1) * SITEMAP_MAX]
                path = f"/wp-sitemap-{name}-{i + 1}.xml"
                dates = [lm for _, lm in chunk if lm]
                lm = max(dates) if dates else STATIC_DATE
                self.out[path] = Resource(self._urlset(chunk), XML, lm)
                index.append(self.base + path)
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<?xml-stylesheet type="text/xsl" href="{self.base}/wp-sitemap-index.xsl" ?>',
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
            *[f"<sitemap><loc>{_xml(loc)}</loc></sitemap>" for loc in index],
            "</sitemapindex>",
        ]
        self.out["/wp-sitemap.xml"] = Resource(("\n".join(lines) + "\n").encode(), XML,
                                               self.newest)
        xsl = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"'
               ' xmlns:sitemap="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
               '<xsl:output method="html" encoding="UTF-8" indent="yes"/>\n'
               '<xsl:template match="/"><html><body><h1>XML Sitemap</h1>'
               '<xsl:for-each select="//sitemap:loc"><p><xsl:value-of select="."/></p>'
               '</xsl:for-each></body></html></xsl:template>\n</xsl:stylesheet>\n').encode()
        self.out["/wp-sitemap.xsl"] = Resource(xsl, XSL, STATIC_DATE)
        self.out["/wp-sitemap-index.xsl"] = Resource(xsl, XSL, STATIC_DATE)

    def seo_sitemaps(self):
        """An SEO plugin's sitemaps (Yoast-like): /sitemap_index.xml with <lastmod> per
        sitemap, /publication-sitemap.xml oldest-modified first, 1000 URLs per sitemap,
        and core's /wp-sitemap.xml redirecting to the index."""
        per = 1000
        by_lastmod = sorted(self.live, key=lambda p: (p.lastmod, p.slug))
        groups = [
            ("publication", [(self.base + p.path, p.lastmod) for p in by_lastmod]),
            ("page", [(f"{self.base}/{slug}/", STATIC_DATE) for slug in STATIC_PAGES]),
            ("category", [(f"{self.base}/category/{slug}/", None) for slug in CATEGORIES]),
        ]
        index = []
        for name, entries in groups:
            chunks = max(1, math.ceil(len(entries) / per))
            for i in range(chunks):
                chunk = entries[i * per:(i + 1) * per]
                path = f"/{name}-sitemap{'' if i == 0 else i + 1}.xml"
                dates = [lm for _, lm in chunk if lm]
                lm = max(dates) if dates else STATIC_DATE
                body = self._urlset(chunk).replace(
                    f"{self.base}/wp-sitemap.xsl".encode(), f"{self.base}/main-sitemap.xsl".encode())
                self.out[path] = Resource(body, XML, lm)
                index.append((self.base + path, lm))
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<?xml-stylesheet type="text/xsl" href="{self.base}/main-sitemap.xsl"?>',
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
            *[f"\t<sitemap>\n\t\t<loc>{_xml(loc)}</loc>\n\t\t<lastmod>{_w3c(lm)}</lastmod>\n"
              "\t</sitemap>" for loc, lm in index],
            "</sitemapindex>",
            "<!-- XML Sitemap generated by an SEO plugin -->",
        ]
        self.out["/sitemap_index.xml"] = Resource(("\n".join(lines) + "\n").encode(), XML,
                                                  self.newest)
        self.out["/wp-sitemap.xml"] = Resource(
            b"", HTML, STATIC_DATE, status=301,
            headers={"Location": f"{self.base}/sitemap_index.xml", "X-Redirect-By": "WordPress"})
        xsl = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>\n'
               ).encode()
        self.out["/main-sitemap.xsl"] = Resource(xsl, XSL, STATIC_DATE)

    def feed(self):
        items = self.live[:FEED_ITEMS]
        last_build = max((p.lastmod for p in items), default=STATIC_DATE)
        out = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<rss version="2.0"',
            '\txmlns:content="http://purl.org/rss/1.0/modules/content/"',
            '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"',
            '\txmlns:dc="http://purl.org/dc/elements/1.1/"',
            '\txmlns:atom="http://www.w3.org/2005/Atom"',
            '\txmlns:sy="http://purl.org/rss/1.0/modules/syndication/"',
            '\txmlns:slash="http://purl.org/rss/1.0/modules/slash/"',
            '\t>',
            '',
            '<channel>',
            f'\t<title>{_xml(SITE_NAME)}</title>',
            f'\t<atom:link href="{_xml(self.base)}/feed/" rel="self" type="application/rss+xml" />',
            f'\t<link>{_xml(self.base)}/</link>',
            '\t<description>Independently assessing police and fire &amp; rescue services</description>',
            f'\t<lastBuildDate>{format_datetime(last_build, usegmt=False)}</lastBuildDate>',
            '\t<language>en-GB</language>',
            '\t<sy:updatePeriod>\n\thourly\t</sy:updatePeriod>',
            '\t<sy:updateFrequency>\n\t1\t</sy:updateFrequency>',
            f'\t<generator>https://wordpress.org/?v={WP_VERSION}</generator>',
        ]
        for p in items:
            link = self.base + p.path
            content = (f"<p>{html.escape(p.summary)}</p>\n"
                       f'<p>The post <a href="{html.escape(link)}">{html.escape(p.title)}</a> '
                       f'appeared first on <a href="{html.escape(self.base)}/">{SHORT_NAME}</a>.</p>')
            out += [
                '\t<item>',
                f'\t\t<title>{_xml(p.title)}</title>',
                f'\t\t<link>{_xml(link)}</link>',
                f'\t\t<dc:creator>{_cdata("HMICFRS")}</dc:creator>',
                f'\t\t<pubDate>{format_datetime(_pubdate(p), usegmt=False)}</pubDate>',
                f'\t\t<category>{_cdata(p.type)}</category>',
                f'\t\t<guid isPermaLink="false">{_xml(self.base)}/?post_type=publication&#038;p={p.post_id}</guid>',
                f'\t\t<description>{_cdata(_excerpt(p.summary, 55))}</description>',
                f'\t\t<content:encoded>{_cdata(content)}</content:encoded>',
                '\t</item>',
            ]
        out += ['\t</channel>', '</rss>', '']
        self.out["/feed/"] = Resource("\n".join(out).encode("utf-8"), RSS, last_build)

    def home(self):
        main = self.render("home", items=self.live[:5])
        self.out["/"] = self.page("/", page_title="Home", main=main, body_class="home page",
                                  last_modified=self.newest)

    @staticmethod
    def page_path(n: int) -> str:
        return "/publications/" if n == 1 else f"/publications/page/{n}/"

    def listings(self):
        pages = max(1, math.ceil(len(self.live) / PER_PAGE))
        for n in range(1, pages + 1):
            items = self.live[(n - 1) * PER_PAGE:n * PER_PAGE]
            main = self.render("listing", items=items, page=n, pages=pages,
                               page_path=self.page_path)
            crumbs = [("Home", "/"), ("Publications", None if n == 1 else "/publications/")]
            if n > 1:
                crumbs.append((f"Page {n}", None))
            lm = max((p.lastmod for p in items), default=STATIC_DATE)
            self.out[self.page_path(n)] = self.page(
                self.page_path(n), page_title="Publications" + (f" - Page {n}" if n > 1 else ""),
                main=main, crumbs=crumbs, body_class="archive post-type-archive",
                section="publications", last_modified=max(lm, self.newest))

    def publication(self, pub: MirrorPublication):
        if pub.withdrawn:
            gone = self.error_page(pub.path, 410)
            self.out[pub.path] = gone
            if pub.html_report:
                self.out[pub.report_path] = self.error_page(pub.report_path, 410)
            for src in pdf_sources(pub):
                self.out[f"/uploads/{src.file}"] = Resource(
                    b"Gone\n", TEXT, pub.lastmod, status=410)
            return
        documents = []
        for src in pdf_sources(pub):
            data = document_bytes(src)
            ctype, label = document_type(src.file)
            self.out[f"/uploads/{src.file}"] = Resource(data, ctype, pub.lastmod)
            documents.append({"url": f"{self.asset}/uploads/{src.file}", "label": label,
                              "title": src.link_title, "size": human_size(len(data))})
        partners = []
        for name in pub.joint_with:
            home, copy = PARTNER_SITES.get(name, ("", ""))
            partners.append((name, home or f"{OLD_SITE}/", copy.format(slug=pub.slug) if copy else ""))
        summary_paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", pub.summary) if p.strip()]
        main = self.render("publication", pub=pub, documents=documents, partners=partners,
                           summary_paras=summary_paras)
        crumbs = [("Home", "/"), ("Publications", "/publications/"), (pub.title, None)]
        self.out[pub.path] = self.page(
            pub.path, page_title=pub.title, main=main, crumbs=crumbs,
            body_class=f"publication-template-default single single-publication postid-{pub.post_id}",
            section="publications", last_modified=pub.lastmod, post_id=pub.post_id)
        if pub.html_report:
            body, contents = add_contents_anchors(pub.body)
            main = self.render("report", pub=pub, body=body, contents=contents)
            crumbs = [("Home", "/"), ("Publications", "/publications/"),
                      (pub.title, pub.path), ("Read online", None)]
            self.out[pub.report_path] = self.page(
                pub.report_path, page_title=pub.title, main=main, crumbs=crumbs,
                body_class="publication-html-template-default single single-publication-html",
                section="publications", last_modified=pub.lastmod)

    def static(self):
        for slug, (title, content) in STATIC_PAGES.items():
            path = f"/{slug}/"
            main = self.render("simple", title=title, content=content)
            self.out[path] = self.page(path, page_title=title, main=main,
                                       crumbs=[("Home", "/"), (title, None)],
                                       last_modified=STATIC_DATE)
        for slug, name in CATEGORIES.items():
            path = f"/category/{slug}/"
            main = self.render("simple", title=name,
                               content="<p>There are no posts in this category yet.</p>")
            self.out[path] = self.page(path, page_title=name, main=main,
                                       crumbs=[("Home", "/"), (name, None)],
                                       body_class="archive category", last_modified=STATIC_DATE)

    def theme_assets(self):
        css = b"body{font-family:Arial,sans-serif;margin:0}.cookie-banner{background:#eee}\n"
        self.out["/wp-content/themes/hmicfrs/style.css"] = Resource(css, CSS, STATIC_DATE)
        svg = (b'<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60">'
               b'<text x="0" y="40" font-size="32">HMICFRS</text></svg>\n')
        self.out["/wp-content/themes/hmicfrs/images/logo.svg"] = Resource(svg, SVG, STATIC_DATE)
        api = json.dumps({"name": SITE_NAME, "description": "", "url": self.base,
                          "namespaces": ["oembed/1.0", "wp/v2"], "authentication": []}).encode()
        self.out["/wp-json/"] = Resource(api, "application/json; charset=UTF-8", STATIC_DATE)
        js = b"/* wp-embed */\n"
        self.out["/wp-includes/js/wp-embed.min.js"] = Resource(
            js, "application/javascript; charset=utf-8", STATIC_DATE)

    def error_page(self, path: str, status: int) -> Resource:
        if status == 410:
            title, message = ("This page has been removed",
                              "The publication you are looking for has been withdrawn.")
        else:
            title, message = ("Page not found",
                              "Sorry, we cannot find the page you are looking for.")
        main = self.render("error", title=title, message=message)
        return self.page(path, page_title=title, main=main, body_class="error404",
                         last_modified=self.newest, status=status)


def build_site(
    pubs: list[MirrorPublication],
    *,
    base_url: str,
    asset_url: str,
    nonce: str | None = None,
    built_at: datetime | None = None,
    sitemap_style: str = "core",
) -> dict[str, Resource]:
    """Render the whole site. Keys are paths; `/uploads/...` keys belong on the asset host.

    `/404/` and `/410/` hold the error pages the server answers unknown and withdrawn
    paths with (they are not served at those paths). `nonce` and
    `built_at` (the footer's "Last updated") default to a random nonce and now: two builds
    of the same content differ only in that furniture.

    `sitemap_style="seo"` replaces WordPress core sitemaps with an SEO plugin's, as many
    WordPress sites do: robots.txt names /sitemap_index.xml, which lists
    /publication-sitemap.xml etc., and /wp-sitemap.xml redirects (301) to the index.
    """
    if sitemap_style not in ("core", "seo"):
        raise ValueError(f"sitemap_style must be 'core' or 'seo', not {sitemap_style!r}")
    for url in (base_url, asset_url):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"not an absolute http(s) URL: {url!r}")
    slugs = [p.slug for p in pubs]
    dupes = sorted({s for s in slugs if slugs.count(s) > 1})
    if dupes:
        raise ValueError(f"duplicate publication slugs: {', '.join(dupes)}")
    nonce = nonce or secrets.token_hex(5)
    built_at = built_at or datetime.now(timezone.utc)
    return _Site(pubs, base_url, asset_url, nonce, built_at, sitemap_style).build()


def not_found_page(resources: dict[str, Resource]) -> Resource:
    return resources["/404/"]
