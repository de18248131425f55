"""Sitemaps: robots.txt's, else WordPress's usual places; only the children that name
publications are read once that is learned (pages, users, taxonomies and the online-report
type never do), so a quiet day costs robots.txt, the index and one child."""

from __future__ import annotations

from dataclasses import dataclass, field

from watcher.fetch import FetchError, Fetcher

from ._common import Discovery, canonical, is_publication_page, local, same_site, validators, xml

MAX_SITEMAPS = 200
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


@dataclass
class _Tally:
    """What one walk of the sitemaps learned, for the verdicts `from_sitemaps` returns."""

    with_pubs: list[str] = field(default_factory=list)
    without_pubs: set[str] = field(default_factory=set)
    ok_roots: int = 0
    failed_children: int = 0
    unchanged_children: int = 0
    fetched_children: int = 0
    undated: int = 0
    read_any: bool = False

    def finish(self, disc: Discovery) -> tuple[set[str], bool | None]:
        disc.sitemap_children = self.with_pubs
        disc.complete = bool(self.with_pubs) and self.failed_children == 0 and self.ok_roots > 0
        disc.unchanged = (
            disc.complete and self.fetched_children == 0
            and self.unchanged_children == len(self.with_pubs)
        )
        # Dated: every entry read carries a lastmod (None: nothing was read, all 304).
        dated = (self.undated == 0) if self.read_any else None
        return self.without_pubs, dated


def from_sitemaps(
    fetcher: Fetcher,
    site: str,
    disc: Discovery,
    remembered: list[str],
    full: bool,
    skip: set[str] = frozenset(),
) -> tuple[set[str], bool | None]:
    """Read the publication sitemaps into `disc`; returns the children that name none,
    and whether every entry read had a <lastmod> (None when every child answered 304).

    `remembered`: children found to name publications last time (an index answered 304
    still leads to them). `skip`: children learned to name none; not fetched again.
    """
    roots, guessed = _sitemap_roots(fetcher, site, disc)
    queue: list[tuple[str, int]] = [(u, 0) for u in roots]
    seen: set[str] = set()
    tally = _Tally()
    while queue and len(seen) < MAX_SITEMAPS:
        url, depth = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        if depth > 0 and url in skip and not full:
            tally.without_pubs.add(url)
            continue
        try:
            resp = fetcher.get(url, conditional=not full, remember=False)
        except FetchError as exc:
            if depth > 0:
                tally.failed_children += 1
            disc.errors.append(f"sitemap {url}: {exc}")
            continue
        if resp.status in (404, 410):
            continue
        if depth == 0:
            tally.ok_roots += 1
        disc.validators[url] = validators(resp)
        if resp.not_modified:
            if depth == 0:
                # The index is unchanged: its children are the ones found last time.
                queue.extend((c, 1) for c in remembered if c not in seen)
            else:
                tally.unchanged_children += 1
                tally.with_pubs.append(url)
            continue
        root = xml(resp.content)
        kind = local(root.tag) if root is not None else ""
        if depth == 0 and guessed and kind not in ("sitemapindex", "urlset"):
            tally.ok_roots -= 1  # a guessed address that is not a sitemap: there is none there
            continue
        if root is None:
            disc.errors.append(f"sitemap {url}: not well-formed XML")
            if depth > 0:
                tally.failed_children += 1
            continue
        if kind == "sitemapindex":
            for loc in root.iter("{*}loc"):
                child = (loc.text or "").strip()
                if child and depth < 2 and same_site(child, site):
                    queue.append((child, depth + 1))
        elif kind != "urlset":
            disc.errors.append(f"sitemap {url}: not a sitemap (root element <{kind}>)")
            if depth > 0:
                tally.failed_children += 1
            continue
        else:
            _read_urlset(root, url, depth, site, disc, tally)
    return tally.finish(disc)


def _read_urlset(root, url: str, depth: int, site: str, disc: Discovery, tally: _Tally) -> None:
    """Add a urlset's publications to `disc`, if it names any publication page (or is
    itself the root); a child that names none is remembered so as not to be read again."""
    if depth > 0:
        tally.fetched_children += 1
    pages = 0
    entries: list[tuple[str, str | None]] = []
    for entry in root.iter("{*}url"):
        loc = entry.find("{*}loc")
        if loc is None or not (loc.text or "").strip():
            continue
        pub = canonical(loc.text.strip(), site)
        if pub is None:
            continue
        pages += is_publication_page(loc.text.strip(), site)
        mod = entry.find("{*}lastmod")
        entries.append((pub, (mod.text or "").strip() if mod is not None else None))
    if pages or (depth == 0 and entries):
        for pub, mod in entries:
            disc.add(pub, "sitemap", mod)
            tally.undated += not mod
        tally.with_pubs.append(url)
        tally.read_any = True
    elif depth > 0:
        # Online reports only (their pages are reached from the publication's),
        # or no publications at all: not worth a request a day.
        tally.without_pubs.add(url)
