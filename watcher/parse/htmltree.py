"""BeautifulSoup trees (lxml parser) built without the theme furniture no parser reads.

Building bs4 objects is most of a scan's CPU, and on a WordPress theme most of a page's
elements are furniture: the <head>, navigation, the site header and footer, scripts,
forms. `watcher.parse.blocks` used to build all of it and then throw it away. Here the lxml
parser's events still arrive in full, but the subtrees that `blocks._drop_furniture`
would remove are never turned into bs4 objects. The <title> and <meta> tags, the only
part of the <head> we read, are captured on the way past.

What is skipped is exactly what `_drop_furniture` removes by tag and role (it still runs
afterwards, for cookie banners, which are found by their wording). So a tree built here
reads the same, to every parser, as a full tree after `_drop_furniture`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag
from bs4.builder import LXMLTreeBuilder

#: Elements whose whole subtree is furniture or not text (shared with watcher.parse.blocks).
DROP_TAGS = frozenset({
    "script", "style", "noscript", "template", "nav", "form", "iframe", "svg", "button",
    "select", "input", "textarea", "object", "embed", "canvas", "head", "title", "meta",
    "link", "map", "audio", "video", "picture", "img", "math",
})
#: ARIA landmark roles of furniture.
DROP_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "search", "menubar", "toolbar", "dialog", "alert",
})
#: A <header>/<footer> is the site's unless it sits inside one of these.
_CONTENT_SECTIONS = frozenset({"main", "article", "section"})


@dataclass
class HeadInfo:
    """What a page's <head> says that the parsers use."""

    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


class _PruningBuilder(LXMLTreeBuilder):
    """bs4's lxml HTML builder that skips furniture subtrees as lxml reports them."""

    def initialize_soup(self, soup: BeautifulSoup) -> None:
        super().initialize_soup(soup)
        self.head = HeadInfo()
        self._skip = 0  # depth inside a skipped subtree
        self._open: list[str] = []  # names of the kept elements now open
        self._sections = 0  # how many of those are main/article/section
        self._title: list[str] | None = None  # text of the first <title>, while inside it

    def start(self, tag, attrib, nsmap={}):  # noqa: B006 - lxml's own signature
        name = tag if isinstance(tag, str) else str(tag)
        if name == "meta":
            key = (attrib.get("property") or attrib.get("name") or "").lower()
            self.head.meta[key] = attrib.get("content") or ""
        elif name == "title" and self.head.title is None and self._title is None:
            self._title = []
        if self._skip:
            self._skip += 1
            return
        role = attrib.get("role")
        if (
            name in DROP_TAGS
            or (isinstance(role, str) and role.strip().lower() in DROP_ROLES)
            or (name in ("header", "footer") and not self._sections)
        ):
            self._skip = 1
            self.soup.endData()  # text either side stays two strings, as if it were removed
            return
        self._open.append(name)
        self._sections += name in _CONTENT_SECTIONS
        super().start(tag, attrib, nsmap)

    def end(self, tag):
        if self._title is not None and tag == "title":
            self.head.title = "".join(self._title)
            self._title = None
        if self._skip:
            self._skip -= 1
            return
        if self._open:
            self._sections -= self._open.pop() in _CONTENT_SECTIONS
        super().end(tag)

    def data(self, data):
        if self._title is not None:
            self._title.append(data)
        if not self._skip:
            super().data(data)

    def comment(self, text):
        """Comments are never content (`_drop_furniture` removes them too)."""
        if not self._skip:
            self.soup.endData()

    def pi(self, target, data):
        """Processing instructions are not content either."""
        if not self._skip:
            self.soup.endData()


def parse_html(markup: str | bytes) -> tuple[BeautifulSoup, HeadInfo]:
    """The page's tree without furniture, and its <title> and <meta> values.

    `class` stays one string (no parser reads classes; splitting them costs time).
    """
    builder = _PruningBuilder(multi_valued_attributes=None)
    soup = BeautifulSoup(markup, builder=builder)
    return soup, builder.head


def tags(node: Tag, names: Collection[str], limit: int | None = None) -> list[Tag]:
    """`node.find_all(names)`, without bs4's general filter machinery.

    bs4 4.13 builds a filter object per call and matches every descendant through it;
    the parsers make thousands of these calls per page, and a plain walk is several
    times faster. Same elements, same (document) order.
    """
    if isinstance(names, str):
        names = (names,)
    out: list[Tag] = []
    for el in node.descendants:
        if isinstance(el, Tag) and el.name in names:
            out.append(el)
            if limit and len(out) >= limit:  # bs4: a limit of 0 or None is no limit
                break
    return out


def first_tag(node: Tag, names: Collection[str]) -> Tag | None:
    """`node.find(names)`: the first descendant element with one of these names."""
    if isinstance(names, str):
        names = (names,)
    for el in node.descendants:
        if isinstance(el, Tag) and el.name in names:
            return el
    return None


def is_decomposed(tag: Tag) -> bool:
    """`tag.decomposed`, cheaply: on a live tag bs4's property falls back to searching
    the whole subtree for a child element named "_decomposed"."""
    return bool(tag.__dict__.get("_decomposed", False))
