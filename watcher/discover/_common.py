"""What every discovery channel shares: candidates, the site's URL shapes, times, XML."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit, urlunsplit

from lxml import etree

from watcher.fetch import Response

PUBLICATION_RE = re.compile(r"^/publications/(?!page/)([^/?#]+)/?$")
REPORT_RE = re.compile(r"^/publication-html/([^/?#]+)/?$")

# Strict (no recover): a truncated sitemap must be an error, not a shorter list of URLs.
_XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, recover=False, remove_comments=True
)
# The feed only points at publications (the sitemap and the page are the authorities),
# so a feed with a stray control character in a title is still read.
_LENIENT_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, recover=True, remove_comments=True
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
    complete: bool = False  # the channel listed every publication (absent = gone from the site)
    unchanged: bool = False  # every publication sitemap answered 304
    validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    sitemap_children: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    listing_pages: int = 0
    channel: str = ""  # "rest", "sitemaps" or "listing": what answered this time
    dated: bool = False  # the channel dates every edit (REST modified_gmt, sitemap lastmod)
    recheck: list[str] = field(default_factory=list)  # stored pages to re-read (no dates)
    guarantee: str = ""  # how soon an edit is noticed, in words
    state: dict = field(default_factory=dict)  # what to remember for the next scan

    def add(self, url: str, source: str, lastmod: str | None = None) -> None:
        cand = self.candidates.setdefault(url, Candidate(url))
        cand.sources.add(source)
        lastmod = norm_time(lastmod)
        if lastmod and (cand.lastmod is None or lastmod > cand.lastmod):
            cand.lastmod = lastmod


def _path_in_site(url: str, site: str) -> str | None:
    parts = urlsplit(url)
    site_parts = urlsplit(site)
    if parts.hostname != site_parts.hostname:
        return None
    base_path = site_parts.path.rstrip("/")
    path = parts.path
    if base_path and path.startswith(base_path):
        path = path[len(base_path):]
    return path


def canonical(url: str, site: str) -> str | None:
    """The site's publication page URL for a link, or None when it is not one.

    Links to /publication-html/<slug>/ map to /publications/<slug>/: one report, one record.
    """
    path = _path_in_site(url, site)
    if path is None:
        return None
    m = PUBLICATION_RE.match(path) or REPORT_RE.match(path)
    if not m:
        return None
    site_parts = urlsplit(site)
    base_path = site_parts.path.rstrip("/")
    return urlunsplit((site_parts.scheme, site_parts.netloc, f"{base_path}/publications/{m[1]}/", "", ""))


def is_publication_page(url: str, site: str) -> bool:
    """A /publications/<slug>/ page itself (not an online report, not a listing page)."""
    path = _path_in_site(url, site)
    return path is not None and PUBLICATION_RE.match(path) is not None


def moved_elsewhere(url: str, final_url: str, site: str) -> str | None:
    """Where a publication now points when a redirect lands on a DIFFERENT publication.

    Identity is the path: a redirect that changes only scheme, host or the trailing
    slash is the same publication (None). WordPress answers a missing slug with a 301 to
    the post whose slug it guesses; that is a withdrawal, never the same record.
    """
    if not final_url or final_url == url:
        return None
    base = urlsplit(site).path.rstrip("/")

    def slug(u: str) -> str | None:
        path = urlsplit(u).path
        if base and path.startswith(base):
            path = path[len(base):]
        m = PUBLICATION_RE.match(path) or REPORT_RE.match(path)
        return m[1] if m else None

    here, there = slug(url), slug(final_url)
    return final_url if here and there and here != there else None


def norm_time(value: str | None) -> str | None:
    """A timestamp as UTC "YYYY-MM-DDTHH:MM:SSZ", so REST, sitemaps and the store compare.

    A bare date stays a date; something unreadable is kept as it came.
    """
    if not value:
        return None
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    if dt.tzinfo is None:  # WordPress's *_gmt fields carry no zone: they are UTC
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def same_site(url: str, site: str) -> bool:
    return urlsplit(url).hostname == urlsplit(site).hostname


def xml(content: bytes, *, lenient: bool = False) -> etree._Element | None:
    try:
        return etree.fromstring(content, _LENIENT_PARSER if lenient else _XML_PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None


def local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def validators(resp: Response) -> tuple[str | None, str | None]:
    return (resp.etag, resp.last_modified)
