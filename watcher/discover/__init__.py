"""Which publications to look at, from the site's own signals.

Order of trust: the sitemaps named in robots.txt (with <lastmod>, they say exactly what
changed and cost one conditional request each), then the RSS feed (the newest ~10
items, quick to notice a new publication), then the paginated /publications/ listing
(the fallback when there is no sitemap, and the backfill path with --full).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

from lxml import etree

from watcher.fetch import FetchError, Fetcher, Response

PUBLICATION_RE = re.compile(r"^/publications/(?!page/)([^/?#]+)/?$")
REPORT_RE = re.compile(r"^/publication-html/([^/?#]+)/?$")
MAX_LISTING_PAGES = 1000
MAX_SITEMAPS = 200
# Strict (no recover): a truncated sitemap must be an error, not a shorter list of URLs.
_XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, recover=False, remove_comments=True
)


@dataclass
class Candidate:
    """A publication page URL the scan may fetch, and what discovery knows of it."""

    url: str
    lastmod: str | None = None
    sources: set[str] = field(default_factory=set)


@dataclass
class Discovery:
    """Every publication URL seen, and whether the list is the site's complete list."""

    candidates: dict[str, Candidate] = field(default_factory=dict)
    complete: bool = False  # every publication sitemap was read (absent = gone from the site)
    unchanged: bool = False  # every publication sitemap answered 304
    validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    sitemap_children: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    listing_pages: int = 0

    def add(self, url: str, source: str, lastmod: str | None = None) -> None:
        cand = self.candidates.setdefault(url, Candidate(url))
        cand.sources.add(source)
        if lastmod and (cand.lastmod is None or lastmod > cand.lastmod):
            cand.lastmod = lastmod


def canonical(url: str, site: str) -> str | None:
    """The site's publication page URL for a link, or None when it is not one.

    Links to /publication-html/<slug>/ map to /publications/<slug>/: one report, one record.
    """
    parts = urlsplit(url)
    site_parts = urlsplit(site)
    if parts.hostname != site_parts.hostname:
        return None
    base_path = site_parts.path.rstrip("/")
    path = parts.path
    if base_path and path.startswith(base_path):
        path = path[len(base_path):]
    m = PUBLICATION_RE.match(path) or REPORT_RE.match(path)
    if not m:
        return None
    return urlunsplit((site_parts.scheme, site_parts.netloc, f"{base_path}/publications/{m[1]}/", "", ""))


# The feed only points at publications (the sitemap and the page are the authorities),
# so a feed with a stray control character in a title is still read.
_LENIENT_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, recover=True, remove_comments=True
)


def _xml(content: bytes, *, lenient: bool = False) -> etree._Element | None:
    try:
        root = etree.fromstring(content, _LENIENT_PARSER if lenient else _XML_PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None
    return root


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _validators(resp: Response) -> tuple[str | None, str | None]:
    return (resp.etag, resp.last_modified)


def discover(
    fetcher: Fetcher,
    site: str,
    *,
    known: dict[str, dict],
    sitemap_children: list[str] | None = None,
    full: bool = False,
    use_listing: bool | None = None,
) -> Discovery:
    """Find publication URLs. `known` is url -> stored row (with lastmod) from the store.

    `sitemap_children` are the publication sitemaps found last time, so an unchanged
    sitemap index (304) still leads to them. With `full`, every sitemap is fetched
    without validators and the whole listing is walked.
    """
    disc = Discovery()
    site = site.rstrip("/")
    _from_sitemaps(fetcher, site, disc, sitemap_children or [], full)
    _from_feed(fetcher, site, disc, full)
    if use_listing is None:
        use_listing = full or not disc.complete
    if use_listing:
        _from_listing(fetcher, site, disc, known, full)
    return disc


GUESSED_ROOTS = ("/wp-sitemap.xml", "/sitemap_index.xml")


def _sitemap_roots(fetcher: Fetcher, site: str, disc: Discovery) -> tuple[list[str], bool]:
    """The sitemaps robots.txt names, else WordPress's usual places (guessed=True)."""
    try:
        roots = list(fetcher.sitemaps(site))
    except FetchError as exc:
        disc.errors.append(f"robots.txt {site}/robots.txt: {exc.message}")
        roots = []
    if roots:
        return roots, False
    return [site + p for p in GUESSED_ROOTS], True


def _from_sitemaps(
    fetcher: Fetcher, site: str, disc: Discovery, remembered: list[str], full: bool
) -> None:
    roots, guessed = _sitemap_roots(fetcher, site, disc)
    queue: list[tuple[str, int]] = [(u, 0) for u in roots]
    seen: set[str] = set()
    children_with_pubs: list[str] = []
    ok_roots = 0
    failed_children = 0
    unchanged_children = 0
    fetched_children = 0
    while queue and len(seen) < MAX_SITEMAPS:
        url, depth = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        try:
            resp = fetcher.get(url, conditional=not full, remember=False)
        except FetchError as exc:
            if depth > 0:
                failed_children += 1
            disc.errors.append(f"sitemap {url}: {exc}")
            continue
        if resp.status in (404, 410):
            continue
        if depth == 0:
            ok_roots += 1
        disc.validators[url] = _validators(resp)
        if resp.not_modified:
            if depth == 0:
                # The index is unchanged: its children are the ones found last time.
                queue.extend((c, 1) for c in remembered if c not in seen)
            else:
                unchanged_children += 1
                children_with_pubs.append(url)
            continue
        root = _xml(resp.content)
        kind = _local(root.tag) if root is not None else ""
        if depth == 0 and guessed and kind not in ("sitemapindex", "urlset"):
            ok_roots -= 1  # a guessed address that is not a sitemap: there is none there
            continue
        if root is None:
            disc.errors.append(f"sitemap {url}: not well-formed XML")
            if depth > 0:
                failed_children += 1
            continue
        if kind == "sitemapindex":
            for loc in root.iter("{*}loc"):
                child = (loc.text or "").strip()
                if child and depth < 2 and _same_site(child, site):
                    queue.append((child, depth + 1))
        elif kind != "urlset":
            disc.errors.append(f"sitemap {url}: not a sitemap (root element <{kind}>)")
            if depth > 0:
                failed_children += 1
            continue
        else:
            if depth > 0:
                fetched_children += 1
            found = 0
            for entry in root.iter("{*}url"):
                loc = entry.find("{*}loc")
                if loc is None or not (loc.text or "").strip():
                    continue
                pub = canonical(loc.text.strip(), site)
                if pub is None:
                    continue
                mod = entry.find("{*}lastmod")
                disc.add(pub, "sitemap", (mod.text or "").strip() if mod is not None else None)
                found += 1
            if found:
                children_with_pubs.append(url)
    disc.sitemap_children = children_with_pubs
    disc.complete = bool(children_with_pubs) and failed_children == 0 and ok_roots > 0
    disc.unchanged = (
        disc.complete and fetched_children == 0 and unchanged_children == len(children_with_pubs)
    )


def _same_site(url: str, site: str) -> bool:
    return urlsplit(url).hostname == urlsplit(site).hostname


def _from_feed(fetcher: Fetcher, site: str, disc: Discovery, full: bool) -> None:
    url = f"{site}/feed/"
    try:
        resp = fetcher.get(url, conditional=not full, remember=False)
    except FetchError as exc:
        disc.errors.append(f"feed {url}: {exc.message}")
        return
    if resp.status in (404, 410):
        return
    disc.validators[url] = _validators(resp)
    if resp.not_modified:
        return
    root = _xml(resp.content, lenient=True)
    if root is None:
        disc.errors.append(f"feed {url}: not well-formed XML")
        return
    for item in root.iter("item", "{*}entry"):
        link = item.findtext("link") or ""
        if not link.strip():
            el = item.find("{*}link")
            link = el.get("href", "") if el is not None else ""
        pub = canonical(link.strip(), site)
        if pub:
            # No lastmod from the feed: its dates are publication dates, not edits.
            disc.add(pub, "feed")


def _from_listing(
    fetcher: Fetcher, site: str, disc: Discovery, known: dict[str, dict], full: bool
) -> None:
    """Walk /publications/ pages, newest first; stop early once a page holds nothing new."""
    from bs4 import BeautifulSoup  # here, not at the top: a quiet day's scan reads no listing

    url: str | None = f"{site}/publications/"
    pages = 0
    visited: set[str] = set()
    while url and pages < MAX_LISTING_PAGES and url not in visited:
        visited.add(url)
        try:
            resp = fetcher.get(url, conditional=False, remember=False)
        except FetchError as exc:
            disc.errors.append(f"listing {url}: {exc}")
            return
        if resp.status != 200:
            return
        pages += 1
        soup = BeautifulSoup(resp.content, "lxml")
        fresh = 0
        for a in soup.find_all("a", href=True):
            pub = canonical(urljoin(url, a["href"]), site)
            if pub and pub not in disc.candidates:
                disc.add(pub, "listing")
                if pub not in known:
                    fresh += 1
            elif pub:
                disc.candidates[pub].sources.add("listing")
        if fresh == 0 and not full and known:
            break
        url = _next_page(soup, url, site, pages)
    disc.listing_pages = pages


def _next_page(soup: BeautifulSoup, current: str, site: str, pages: int) -> str | None:
    """The next listing page: rel=next, a "Next" link, or the /page/N+1/ pattern."""
    link = soup.find("link", rel="next") or soup.find("a", rel="next")
    if link is None:
        link = soup.find("a", string=re.compile(r"^\s*(next|older)\b", re.I))
    if link is not None and link.get("href"):
        nxt = urljoin(current, link["href"])
        if _same_site(nxt, site):
            return nxt
    pattern = re.compile(rf"/publications/page/{pages + 1}/?$|[?&]paged={pages + 1}\b")
    for a in soup.find_all("a", href=True):
        if pattern.search(a["href"]):
            return urljoin(current, a["href"])
    return None
