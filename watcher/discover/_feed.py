"""The RSS feed: the newest ~10 items, the one WordPress URL that answers 304."""

from __future__ import annotations

from watcher.fetch import FetchError, Fetcher

from ._common import Discovery, canonical, validators, xml


def from_feed(fetcher: Fetcher, site: str, disc: Discovery, full: bool) -> None:
    url = f"{site}/feed/"
    try:
        resp = fetcher.get(url, conditional=not full, remember=False)
    except FetchError as exc:
        disc.errors.append(f"feed {url}: {exc.message}")
        return
    if resp.status in (404, 410):
        return
    disc.validators[url] = validators(resp)
    if resp.not_modified:
        return
    root = xml(resp.content, lenient=True)
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
