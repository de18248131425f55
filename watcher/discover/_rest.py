"""The WordPress REST API: the one channel that dates every edit and counts the whole list.

Probe (weekly): /wp-json/wp/v2/types, or the root named by the `Link: <…>;
rel="https://api.w.org/"` header of the home page; the publication type is the one whose
items link to /publications/<slug>/. A day: the type's items newest-modified first, paged
only until an item already stored at that modified time; `X-WP-Total` against the stored
count says whether anything left (then every page is read and the list is complete).
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode

from watcher.fetch import FetchError, Fetcher, Response

from ._common import Discovery, canonical, is_publication_page, norm_time

FIELDS = "id,slug,link,modified_gmt,date_gmt,status"
PER_PAGE = 100  # the API's maximum
FIRST_PAGE = 10  # a quiet day's one request: the ten most recently modified
MAX_PAGES = 500
# Core types that are never publications (not asked about when probing).
CORE_TYPES = frozenset({
    "post", "page", "attachment", "nav_menu_item", "wp_block", "wp_template",
    "wp_template_part", "wp_navigation", "wp_global_styles", "wp_font_family", "wp_font_face",
})
_LINK_RE = re.compile(r'<([^>]+)>\s*;\s*rel="?https://api\.w\.org/"?')


def rest_url(root: str, route: str, params: dict | None = None) -> str:
    """`root` + route, for both /wp-json/ and ?rest_route=/ roots."""
    url = root + route.lstrip("/")
    if params:
        url += ("&" if "?" in url else "?") + urlencode(params)
    return url


def _json(fetcher: Fetcher, url: str) -> tuple[Response | None, object]:
    try:
        resp = fetcher.get(url, conditional=False, remember=False)
    except FetchError:
        return None, None
    if resp.status != 200:
        return resp, None
    try:
        return resp, json.loads(resp.content)
    except ValueError:
        return resp, None


def probe(fetcher: Fetcher, site: str) -> dict | None:
    """{"root", "route"} of the publication type's collection, or None (no usable API)."""
    roots = [f"{site}/wp-json/"]
    types = None
    _, types = _json(fetcher, rest_url(roots[0], "wp/v2/types"))
    if not isinstance(types, dict):
        try:
            home = fetcher.get(f"{site}/", conditional=False, remember=False)
        except FetchError:
            return None
        m = _LINK_RE.search(home.headers.get("link", "") or "")
        if not m or m[1] == roots[0]:
            return None
        roots = [m[1]]
        _, types = _json(fetcher, rest_url(roots[0], "wp/v2/types"))
        if not isinstance(types, dict):
            return None
    root = roots[0]
    # Likeliest first: a type named like the site's publications.
    names = sorted((t for t in types if t not in CORE_TYPES), key=lambda t: "publication" not in t)
    for name in names:
        info = types[name] if isinstance(types[name], dict) else {}
        base = info.get("rest_base") or name
        ns = info.get("rest_namespace") or "wp/v2"
        route = f"{ns}/{base}"
        _, items = _json(fetcher, rest_url(root, route, {"per_page": 1, "_fields": "link"}))
        if isinstance(items, list) and items and isinstance(items[0], dict):
            if is_publication_page(str(items[0].get("link", "")), site):
                return {"root": root, "route": route}
    return None


def _total(resp: Response) -> int | None:
    value = resp.headers.get("x-wp-total") or resp.headers.get("X-WP-Total")
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def from_rest(
    fetcher: Fetcher, site: str, api: dict, disc: Discovery, known: dict[str, dict], full: bool
) -> bool:
    """Read the changed items into `disc`; False when the API did not answer usably."""
    active = {u for u, row in known.items() if row.get("status") == "active"}
    stored_mod = {u: norm_time(row.get("lastmod")) for u, row in known.items()}
    walk_all = full or not known
    page, offset, total, fresh = 1, 0, None, 0
    while page <= MAX_PAGES:
        size = PER_PAGE if walk_all or page > 1 else FIRST_PAGE
        params = {"orderby": "modified", "order": "desc", "per_page": size,
                  "_fields": FIELDS, "offset": offset}
        url = rest_url(api["root"], api["route"], params)
        resp, items = _json(fetcher, url)
        if resp is not None and resp.status == 400 and page > 1:
            break  # past the last page
        offset += len(items) if isinstance(items, list) else 0
        if not isinstance(items, list):
            disc.errors.append(f"REST API {url}: no list of items"
                               + (f" (HTTP {resp.status})" if resp is not None else ""))
            return False
        if total is None:
            total = _total(resp)
        seen_before = False
        for item in items:
            if not isinstance(item, dict):
                continue
            pub = canonical(str(item.get("link", "")), site)
            if pub is None:
                continue
            mod = norm_time(item.get("modified_gmt"))
            if pub in known and stored_mod.get(pub) == mod and pub in active:
                seen_before = True
                if walk_all:
                    disc.add(pub, "rest", mod)
                continue
            fresh += pub not in active and pub not in disc.candidates  # new, or back
            disc.add(pub, "rest", mod)
        if len(items) < size or (seen_before and not walk_all):
            break
        page += 1
    disc.dated = True
    if walk_all:
        disc.complete = True
        return True
    if total is not None and total != len(active) + fresh:
        # Something left the list (or came back): read it all to find out what.
        disc.candidates.clear()
        # Their lastmods still decide which pages are fetched.
        return from_rest(fetcher, site, api, disc, known, True)
    return True
