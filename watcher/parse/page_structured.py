"""What a page says about itself for machines: JSON-LD, OpenGraph / article meta, breadcrumbs.

The content tree (watcher.parse.htmltree) is built without <script>, <nav> and <head>, so
these are read from the raw markup. That is exact for what is read here: a script's text
ends at the first "</script" (the HTML rule), and <meta> and <nav> are short. Repeated
meta tags (one article:tag per tag) are all kept, which a dict of the <head> cannot do.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from dataclasses import dataclass, field

from watcher.parse.page_text import clean

_SCRIPT_RE = re.compile(
    r"<script\b[^>]*type\s*=\s*[\"']?application/ld\+json[^>]*>(.*?)</script", re.I | re.S
)
_META_RE = re.compile(r"<meta\b([^>]*)>", re.I)
_ATTR_RE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
#: An element that says it is a breadcrumb trail: by its ARIA label or schema.org type, or
#: a <nav> (left out of the content tree) whose text starts "Home" or "You are here".
_CRUMB_OPEN_RE = re.compile(
    r"<(nav|ol|ul|div|p|section)\b([^>]*(?:aria-label\s*=\s*[\"']?[^\"'>]*breadcrumb|"
    r"itemtype\s*=\s*[\"']?[^\"'>]*BreadcrumbList)[^>]*)>|<(nav)\b([^>]*)>", re.I)
_TAG_RE = re.compile(r"<[^>]+>")
_ITEM_SPLIT_RE = re.compile(r"</(?:a|li|span)\s*>|\s[>›»/|]\s|&gt;|&rsaquo;|&raquo;", re.I)
_CRUMB_WORD_RE = re.compile(r"breadcrumb|you are here", re.I)


@dataclass
class Structured:
    """The raw page's JSON-LD objects, meta values (every repeat) and breadcrumb trails,
    and the markup of page headers the content tree leaves out (a "hero" header outside
    <main> holding the title and the key facts)."""

    json_ld: list[dict] = field(default_factory=list)
    meta: dict[str, list[str]] = field(default_factory=dict)
    crumbs: list[list[str]] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)


_HEADER_RE = re.compile(r"<header\b[^>]*>(.*?)</header\s*>", re.I | re.S)
_FACT_HINT_RE = re.compile(r"<h1\b|publish", re.I)


def read_structured(markup: str | bytes) -> Structured:
    """JSON-LD, every <meta> value and the breadcrumb trails of a raw page."""
    if isinstance(markup, bytes):
        markup = markup.decode("utf-8", "replace")
    out = Structured()
    for m in _SCRIPT_RE.finditer(markup):
        out.json_ld.extend(_json_objects(m.group(1)))
    for m in _META_RE.finditer(markup):  # the <head>'s, and microdata <meta itemprop> in the body
        attrs = {k.lower(): html_lib.unescape(a or b or c) for k, a, b, c in _ATTR_RE.findall(m.group(1))}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key and attrs.get("content"):
            out.meta.setdefault(key, []).append(clean(attrs["content"]))
    out.crumbs.extend(_nav_crumbs(markup))
    for m in _HEADER_RE.finditer(markup):
        inner = m.group(1)
        if len(inner) <= 20_000 and _FACT_HINT_RE.search(inner):
            out.headers.append(inner)
    for obj in out.json_ld:
        if _types_of(obj) & {"breadcrumblist"}:
            trail = [clean(_name(item)) for item in _items(obj.get("itemListElement"))]
            if trail := [t for t in trail if t]:
                out.crumbs.append(trail)
    return out


def _json_objects(text: str) -> list[dict]:
    text = text.strip()
    if text.startswith("<!--"):
        text = text[4:]
    if text.endswith("-->"):
        text = text[:-3]
    try:
        data = json.loads(text, strict=False)
    except ValueError:
        return []
    out: list[dict] = []

    def walk(value) -> None:
        if isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            out.append(value)
            if "@graph" in value:
                walk(value["@graph"])

    walk(data)
    return out


def _types_of(obj: dict) -> set[str]:
    t = obj.get("@type")
    values = t if isinstance(t, list) else [t]
    return {str(v).casefold() for v in values if v}


def _items(value) -> list:
    if isinstance(value, list):
        items = value
    elif value is None:
        items = []
    else:
        items = [value]
    return sorted(items, key=lambda i: i.get("position", 0) if isinstance(i, dict)
                  and isinstance(i.get("position"), int) else 0)


def _name(value) -> str:
    """The name a JSON-LD value gives: a string, or {"name": …}, or an item's name."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("name", "headline", "title"):
            if isinstance(value.get(key), str):
                return value[key]
        if "item" in value:
            return _name(value["item"])
    return ""


def names_in(value) -> list[str]:
    """Every name a JSON-LD field holds: a string (comma-separated), an object, or a list."""
    if isinstance(value, list):
        return [n for v in value for n in names_in(v)]
    if isinstance(value, str):
        return [clean(p) for p in value.split(",") if clean(p)]
    name = _name(value)
    return [clean(name)] if clean(name) else []


#: JSON-LD types that describe the publication itself (a WebPage's dates are the page's).
ARTICLE_TYPES = frozenset(("article", "newsarticle", "report", "creativework", "scholarlyarticle",
                           "blogposting", "publicationissue", "governmentpublication", "digitaldocument",
                           "techarticle", "book", "periodical"))


def publication_objects(structured: Structured) -> list[dict]:
    """The JSON-LD objects about the publication: articles and reports first, then pages."""
    first = [o for o in structured.json_ld if _types_of(o) & ARTICLE_TYPES]
    rest = [o for o in structured.json_ld if o not in first and not (_types_of(o) & {
        "breadcrumblist", "organization", "person", "website", "imageobject", "searchaction",
        "governmentorganization", "place", "listitem"})]
    return first + rest


def _nav_crumbs(markup: str) -> list[list[str]]:
    """Trails from elements that call themselves breadcrumbs ("aria-label=Breadcrumb",
    "You are here"), in the <nav> the content tree leaves out or anywhere else."""
    trails: list[list[str]] = []
    for m in _CRUMB_OPEN_RE.finditer(markup):
        name = m.group(1) or m.group(3)
        close = re.compile(rf"</{name}\s*>", re.I).search(markup, m.end())
        if close is None or close.start() - m.end() > 5000:
            continue
        inner = markup[m.end():close.start()]
        plain = clean(html_lib.unescape(_TAG_RE.sub(" ", inner)))
        if m.group(3) and not (_CRUMB_WORD_RE.match(plain) or re.match(r"home\s*[>›»/|]", plain, re.I)):
            continue
        items = [clean(html_lib.unescape(_TAG_RE.sub(" ", part))) for part in _ITEM_SPLIT_RE.split(inner)]
        items = [i for i in items if i and not _CRUMB_WORD_RE.fullmatch(i.rstrip(":"))
                 and not re.fullmatch(r"[>›»/|:]+", i)]
        items = [re.sub(r"^(?:you are here|breadcrumbs?)\s*:?\s*", "", i, flags=re.I) for i in items]
        if len(items) >= 2:
            trails.append([i for i in items if i])
    return trails
