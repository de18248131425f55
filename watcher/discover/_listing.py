"""The paginated /publications/ listing: the channel of last resort.

Newest first, so a day's walk stops at the first page with nothing new. Withdrawals
need the whole list: the walk also reads the last page, and when the count it implies
differs from what is stored plus what is new, it walks every page (`complete`), so a
stored publication missing from it is re-requested.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from watcher.fetch import FetchError, Fetcher

from ._common import Discovery, canonical, same_site

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

MAX_LISTING_PAGES = 1000


def _links(soup: BeautifulSoup, url: str, site: str, *, main: bool = False) -> list[str]:
    """Publication links on a page; with `main`, only those in its main content (the
    listing's items, not an aside of the latest ones), to count them."""
    out: list[str] = []
    region = (soup.find("main") or soup.find(attrs={"role": "main"}) or soup) if main else soup
    for a in region.find_all("a", href=True):
        pub = canonical(urljoin(url, a["href"]), site)
        if pub and pub not in out:
            out.append(pub)
    return out


def _page(fetcher: Fetcher, url: str, disc: Discovery) -> BeautifulSoup | None:
    try:
        resp = fetcher.get(url, conditional=False, remember=False)
    except FetchError as exc:
        disc.errors.append(f"listing {url}: {exc}")
        return None
    if resp.status != 200:
        return None
    from bs4 import BeautifulSoup  # only when the listing is read: a quiet day needs no parser

    return BeautifulSoup(resp.content, "lxml")


def from_listing(
    fetcher: Fetcher,
    site: str,
    disc: Discovery,
    known: dict[str, dict],
    full: bool,
    *,
    walk_all: bool = False,
) -> None:
    """Walk /publications/ pages; stop early once a page holds nothing new, unless the
    listing's size says something left it (then walk it all and mark it complete)."""
    first = f"{site}/publications/"
    url: str | None = first
    pages = 0
    visited: set[str] = set()
    fresh_total = 0
    per_page = 0
    last_page_url: str | None = None
    reached_end = False
    stopped_early = False
    live = {u for u, row in known.items() if row.get("status") == "active"}
    active = len(live)
    while url and pages < MAX_LISTING_PAGES and url not in visited:
        visited.add(url)
        soup = _page(fetcher, url, disc)
        if soup is None:
            return
        pages += 1
        links = [p for p in _links(soup, url, site) if p != first]
        if pages == 1:
            per_page = len([p for p in _links(soup, url, site, main=True) if p != first])
            last_page_url = _last_page(soup, url, site)
        fresh = 0
        for pub in links:
            if pub not in disc.candidates and pub not in known:
                fresh += 1  # new: the walk goes on
            if pub not in disc.candidates and pub not in live:
                fresh_total += 1  # new or back: the listing grew by it
            disc.add(pub, "listing")
        nxt = _next_page(soup, url, site, pages)
        if nxt is None:
            reached_end = True
            break
        if fresh == 0 and not full and not walk_all and known:
            stopped_early = True
            break
        url = nxt
    disc.listing_pages = pages
    if reached_end:
        disc.complete = True
        return
    if not stopped_early:
        return
    # How many the listing holds: full pages before the last, plus the last page's.
    size = None
    if last_page_url and last_page_url not in visited:
        soup = _page(fetcher, last_page_url, disc)
        disc.listing_pages += 1
        if soup is not None:
            n = _page_number(last_page_url)
            on_last = [p for p in _links(soup, last_page_url, site, main=True) if p != first]
            if n:
                size = (n - 1) * per_page + len(on_last)
                for pub in on_last:
                    disc.add(pub, "listing")
    if size is None or size != active + fresh_total:
        # Something left the listing (or its size is unknown): walk it all.
        earlier = disc.listing_pages
        from_listing(fetcher, site, disc, known, full, walk_all=True)
        disc.listing_pages += earlier


_PAGE_RE = re.compile(r"/page/(\d+)/?(?:$|[?#])|[?&]paged=(\d+)")


def _page_number(url: str) -> int | None:
    m = _PAGE_RE.search(url)
    return int(m[1] or m[2]) if m else None


def _last_page(soup: BeautifulSoup, current: str, site: str) -> str | None:
    """The highest-numbered listing page the pagination links to."""
    best: tuple[int, str] | None = None
    for a in soup.find_all("a", href=True):
        href = urljoin(current, a["href"])
        n = _page_number(href)
        if n and same_site(href, site) and "/publications/" in href and (best is None or n > best[0]):
            best = (n, href)
    return best[1] if best else None


def _next_page(soup: BeautifulSoup, current: str, site: str, pages: int) -> str | None:
    """The next listing page: rel=next, a "Next" link, or the /page/N+1/ pattern."""
    link = soup.find("link", rel="next") or soup.find("a", rel="next")
    if link is None:
        link = soup.find("a", string=re.compile(r"^\s*(next|older)\b", re.I))
    if link is not None and link.get("href"):
        nxt = urljoin(current, link["href"])
        if same_site(nxt, site):
            return nxt
    pattern = re.compile(rf"/publications/page/{pages + 1}/?$|[?&]paged={pages + 1}\b")
    for a in soup.find_all("a", href=True):
        if pattern.search(a["href"]):
            return urljoin(current, a["href"])
    return None
