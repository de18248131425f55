"""Report HTML or PDF text -> a flat list of Blocks (headings, paragraphs, list items, table rows).

The findings extractor works on Blocks only, so that HTML and PDF reports go through the
same counting rules. Everything here keys on document *structure* (element names, ARIA
roles, numbering, line shapes) and on *wording*; never on CSS class names, which are a
theme's guess and change without notice.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import PreformattedString

from core.text import _INVISIBLE, clean
from core.vocabulary import LABEL_LINE, LABEL_ONLY, PRACTICE_WORDS
from watcher.parse.htmltree import DROP_ROLES, DROP_TAGS, first_tag, is_decomposed, parse_html, tags

__all__ = ["Block", "html_to_blocks", "text_to_blocks", "normalise_space"]


@dataclass
class Block:
    """One unit of report text.

    kind: "heading" | "paragraph" | "item" (list item) | "cell_row" (table row)
    level: heading level 1-6 (7 = a pseudo-heading, e.g. a wholly bold short paragraph);
           for items, the list nesting depth (1 = top level)
    marker: list marker if any ("1", "a", "iv", "•")
    container: "box" for aside/boxed content, "table" for table rows, "footnote" for footnotes
               and endnotes (never findings), else None
    box: an id shared by all blocks of one box (None outside boxes)
    lead: bold lead-in text at the start of a paragraph/item ("Recommendation 1"), if any
    cells: for table rows, the text of each cell (empty cells kept, so columns line up)
    """

    kind: str
    text: str
    level: int = 0
    marker: str | None = None
    container: str | None = None
    box: int | None = None
    lead: str | None = None
    cells: tuple[str, ...] = ()  # for cell_row: the cell texts


# One definition of text cleaning (core/text.py); the old name stays for callers.
normalise_space = clean


# --------------------------------------------------------------------------- HTML

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKISH = {
    "p", "div", "section", "article", "main", "aside", "ul", "ol", "li", "table", "blockquote",
    "figure", "figcaption", "details", "summary", "dl", "dt", "dd", "pre", "address", "header",
    "footer", "hr", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "center", "fieldset",
    "body", "html", "menu", "hgroup", "legend", *list(_HEADINGS),
}
_BOX_TAGS = {"aside", "figure", "details", "blockquote"}
_BOX_ROLES = {"note", "complementary"}
_BOX_WORDING = re.compile(rf"^\s*(?:{PRACTICE_WORDS}|example\s+of\b)", re.I)
_COOKIE = re.compile(r"\bcookies?\b", re.I)
_COOKIE_BANNER = re.compile(
    r"\b(?:accept|reject|consent|preferences|settings|we use|necessary|analytics|essential)\b", re.I
)
_LABEL_ONLY = LABEL_ONLY
_TERMINAL = re.compile(r"[.!?;:]['\"’”)]?$")
_NOTE_ROLES = {"doc-footnote", "doc-endnotes", "doc-endnote", "doc-footnotes"}
_NOTE_MARK = re.compile(r"^\[?(?:\d{1,3}|[a-z]|[*†‡§])\]?\.?$", re.I)
# the link back from a note to where it is cited: "↩", "^", "Back to text", "Return to content"
_BACKLINK = re.compile(r"^(?:[↩↑⤴^]\ufe0e?|back(?:\s+to\b.*)?|return(?:\s+to\b.*)?|jump up|top)$", re.I)
_MAX_DEPTH = 150


_WRAPPERS = frozenset({"div", "section", "article", "main", "span", "header", "footer", "center", "font"})


def _sole_wrapper(node: Tag) -> Tag | None:
    """The one element inside a bare wrapper (no text of its own), when it is a wrapper too."""
    only = None
    for c in node.children:
        if isinstance(c, Tag):
            if not c.contents and c.name not in ("br", "hr"):
                continue  # an empty decoration (<span class="icon"></span>)
            if only is not None:
                return None
            only = c
        elif _is_text(c) and c.strip():
            return None
    return only if only is not None and only.name in _WRAPPERS else None


def _is_text(node) -> bool:
    return isinstance(node, NavigableString) and not isinstance(node, PreformattedString)


def _inline_text(el: Tag, skip: frozenset[str] = frozenset()) -> str:
    """Text of an element; <br> and block children become spaces; `skip` subtrees omitted."""
    parts: list[str] = []
    stack = [el]
    first = True
    while stack:
        node = stack.pop()
        if _is_text(node):
            parts.append(str(node))
            continue
        if not isinstance(node, Tag):
            continue
        if not first:
            if node.name in skip:
                continue
            if node.name == "br" or node.name in _BLOCKISH:
                parts.append(" ")
        first = False
        stack.extend(reversed(node.contents))
    return normalise_space("".join(parts))


_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold(?:er)?|[6-9]00)\b", re.I)


def _is_bold(tag: Tag) -> bool:
    """<strong>, <b>, or an element styled bold (<span style="font-weight: 700">): how bold
    is spelt is the theme's choice, not a reason to read differently."""
    return tag.name in ("strong", "b") or bool(_BOLD_STYLE.search(tag.get("style") or ""))


def _lead(el: Tag) -> str | None:
    """Bold lead-in: the first non-blank child is <strong>/<b> (possibly nested in <p>)."""
    node = el
    for _ in range(3):
        child = None
        for c in node.children:
            if _is_text(c):
                if str(c).strip():
                    return None
                continue
            if isinstance(c, Tag):
                child = c
                break
        if child is None:
            return None
        if _is_bold(child):
            t = _inline_text(child)
            return t or None
        if child.name in ("p", "span", "div"):
            node = child
            continue
        return None
    return None


def _starts_with_note_mark(el: Tag) -> bool:
    """A paragraph whose first content is a superscript number ("<sup>1</sup> Guidance says ...")."""
    node = el
    for _ in range(4):
        child = None
        for c in node.children:
            if _is_text(c):
                if str(c).strip():
                    return False
                continue
            if isinstance(c, Tag):
                child = c
                break
        if child is None:
            return False
        if child.name == "sup":
            return bool(_NOTE_MARK.match(_inline_text(child)))
        if child.name in ("a", "span", "small", "p"):
            node = child
            continue
        return False
    return False


def _has_backlink(el: Tag) -> bool:
    """A note ends with an in-page link back to its citation."""
    links = [a for a in tags(el, ("a",)) if a.get("href") is not None]
    if not links:
        return False
    last = links[-1]
    href = last.get("href")
    return isinstance(href, str) and href.startswith("#") and bool(_BACKLINK.match(_inline_text(last)))


def _child_lists(li: Tag) -> list[Tag]:
    """Lists whose nearest enclosing <li> is `li` (without scanning deeper items)."""
    out: list[Tag] = []
    stack = list(reversed(li.contents))
    while stack:
        node = stack.pop()
        if not isinstance(node, Tag):
            continue
        if node.name in ("ul", "ol"):
            out.append(node)
        elif node.name != "li":
            stack.extend(reversed(node.contents))
    return out


def _role(el: Tag) -> str:
    r = el.get("role")
    return r.strip().lower() if isinstance(r, str) else ""


def _roman(n: int) -> str:
    vals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def _marker(n: int, typ: str) -> str:
    if typ in ("a", "lower-alpha") and 1 <= n <= 26:
        return chr(ord("a") + n - 1)
    if typ in ("A", "upper-alpha") and 1 <= n <= 26:
        return chr(ord("A") + n - 1)
    if typ in ("i", "lower-roman") and 1 <= n <= 39:
        return _roman(n)
    if typ in ("I", "upper-roman") and 1 <= n <= 39:
        return _roman(n).upper()
    return str(n)


def _int_attr(el: Tag, name: str, default: int | None) -> int | None:
    v = el.get(name)
    if isinstance(v, str):
        v = v.strip()
        if v.lstrip("-").isdigit() and len(v) < 7:
            return int(v)
    return default


def _drop_furniture(soup: BeautifulSoup) -> None:
    """Remove theme furniture in place: scripts, navigation, site header and footer,
    comments, cookie banners.

    One walk over the tree collects everything (bs4's filtered find_all, once per kind,
    was a fifth of a scan's time).
    """
    drop: list[Tag] = []
    edges: list[Tag] = []
    comments = []
    hits = []
    for node in soup.descendants:
        if isinstance(node, Tag):
            if node.name in DROP_TAGS or _role(node) in DROP_ROLES:
                drop.append(node)
            elif node.name in ("header", "footer"):
                edges.append(node)
        elif isinstance(node, Comment):
            comments.append(node)
        elif len(hits) < 30 and "ookie" in node and _COOKIE.search(node):
            hits.append(node)
    for c in comments:
        c.extract()
    for t in drop:
        if not is_decomposed(t):
            t.decompose()
    for t in edges:
        if not is_decomposed(t) and t.find_parent(["main", "article", "section"]) is None:
            t.decompose()
    # Cookie banners: the smallest-to-largest ancestor of a "cookie" text that reads like a
    # consent prompt and is short. Capped so a report about cookies cannot make this slow.
    for s in hits:
        best = None
        node = getattr(s, "parent", None)  # a hit inside an already-removed banner has none
        steps = 0
        while isinstance(node, Tag) and node.name not in ("body", "html", "main", "article", "[document]"):
            steps += 1
            if steps > 12:
                break
            if first_tag(node, ("h1", "main", "article")) is not None:
                break
            text = node.get_text(" ", strip=True)
            if len(text) > 1200:
                break
            if _COOKIE_BANNER.search(text):
                best = node
            node = node.parent
        if best is not None and not is_decomposed(best):
            best.decompose()


def _p_text_totals(root: Tag) -> dict[int, int]:
    totals: dict[int, int] = {}
    for p in tags(root, ("p",)):
        n = len(p.get_text(strip=True))
        if not n:
            continue
        node = p.parent
        depth = 0
        while isinstance(node, Tag) and depth < 400:
            totals[id(node)] = totals.get(id(node), 0) + n
            node = node.parent
            depth += 1
    return totals


def _main_content(soup: BeautifulSoup) -> Tag:
    body = soup.body or soup
    total_text = len(body.get_text(strip=True)) if isinstance(body, Tag) else 0
    for cand in (
        first_tag(soup, ("main",)),
        next((el for el in soup.descendants if isinstance(el, Tag) and _role(el) == "main"), None),
        None,
    ):
        if cand is None:
            continue
        n = len(cand.get_text(strip=True))
        if n >= 200 or (total_text and n >= 0.3 * total_text):
            return cand
    articles = tags(soup, ("article",))
    if articles:
        best = max(articles, key=lambda a: len(a.get_text(strip=True)))
        n = len(best.get_text(strip=True))
        if n >= 200 or (total_text and n >= 0.3 * total_text):
            return best
    # The element holding most of the <p> text: walk down from <body> while one child
    # holds at least 60% of it.
    totals = _p_text_totals(body)
    node = body
    t = totals.get(id(node), 0)
    if not t:
        return body
    for _ in range(400):
        nxt = None
        for c in node.children:
            if isinstance(c, Tag) and totals.get(id(c), 0) >= 0.6 * t:
                nxt = c
                break
        if nxt is None:
            break
        node = nxt
    return node


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.buf: list[str] = []
        self.box_counter = 0

    # inline buffer -> paragraph
    def flush(self, container: str | None, box: int | None) -> None:
        if self.buf:
            text = normalise_space("".join(self.buf))
            self.buf = []
            if text and _LABEL_ONLY.match(text):
                # a bare label run ("<div><span class=label>AREA FOR IMPROVEMENT</span><p>...")
                # heads what follows it, as a <p> label does: the element is the theme's choice
                self.blocks.append(Block("heading", text, level=7, container=container, box=box))
            elif text:
                self.blocks.append(Block("paragraph", text, container=container, box=box))

    def add_para(self, el: Tag, container, box) -> None:
        text = _inline_text(el)
        if not text:
            return
        if _starts_with_note_mark(el) or _has_backlink(el):
            self.blocks.append(Block("paragraph", text, container="footnote", box=box))
            return
        if _LABEL_ONLY.match(text):
            # "<p>Area for improvement</p>" heading a box or a run of text: a label, set as a
            # paragraph by the theme, is a heading for what follows it
            self.blocks.append(Block("heading", text, level=7, container=container, box=box))
            return
        lead = _lead(el)
        if lead and lead == text and len(text) <= 150 and not text.endswith("."):
            self.blocks.append(Block("heading", text, level=7, container=container, box=box))
            return
        self.blocks.append(Block("paragraph", text, container=container, box=box, lead=lead))

    def add_list(self, el: Tag, depth: int, container, box) -> None:
        ordered = el.name == "ol"
        typ = el.get("type") if isinstance(el.get("type"), str) else "1"
        n = _int_attr(el, "start", 1) or 1
        for child in el.children:
            if _is_text(child):
                if str(child).strip():
                    self.blocks.append(Block("paragraph", normalise_space(str(child)), container=container, box=box))
                continue
            if not isinstance(child, Tag):
                continue
            if child.name != "li":
                self.walk(child, depth + 1, container, box)
                continue
            n = _int_attr(child, "value", n) or n
            marker = _marker(n, typ) if ordered else "•"
            n += 1
            text = _inline_text(child, skip=frozenset({"ul", "ol"}))
            parts = self._nested_parts(child, depth + 1)
            if parts:
                text = normalise_space(text + " " + " ".join(parts))
            if text:
                note = container == "footnote" or _has_backlink(child)
                self.blocks.append(
                    Block("item", text, level=depth, marker=marker, container="footnote" if note else container,
                          box=box, lead=_lead(child))
                )

    def _nested_parts(self, li: Tag, depth: int) -> list[str]:
        """Nested lists inside an item stay attached to it as "(a) ..." parts."""
        out: list[str] = []
        if depth > 30:
            return out
        for sub in _child_lists(li):
            ordered = sub.name == "ol"
            typ = sub.get("type") if isinstance(sub.get("type"), str) else "1"
            n = _int_attr(sub, "start", 1) or 1
            for item in sub.find_all("li", recursive=False):
                n = _int_attr(item, "value", n) or n
                t = _inline_text(item, skip=frozenset({"ul", "ol"}))
                if ordered:
                    m = _marker(n, typ)
                    if not re.match(r"^\(?[a-zA-Z0-9]{1,4}[).]\s", t):
                        t = f"({m}) {t}"
                elif not re.match(r"^\(?[a-zA-Z0-9]{1,4}[).]\s", t):
                    t = f"• {t}"
                n += 1
                out.append(t)
                out.extend(self._nested_parts(item, depth + 1))
        return out

    def add_table(self, el: Tag, box) -> None:
        cap = el.find("caption")
        if cap is not None:
            t = _inline_text(cap)
            if t:
                self.blocks.append(Block("paragraph", t, container="table", box=box))
        for tr in el.find_all("tr"):
            if tr.find_parent("table") is not el:
                continue
            cells = [_inline_text(c) for c in tr.find_all(["td", "th"], recursive=False)]
            if any(cells):
                self.blocks.append(
                    Block("cell_row", " | ".join(c for c in cells if c), container="table", box=box, cells=tuple(cells))
                )

    @staticmethod
    def _one_column(table: Tag) -> bool:
        """Every row of the table has at most one cell with text in it."""
        rows = 0
        for tr in table.find_all("tr"):
            if tr.find_parent("table") is not table:
                continue
            rows += 1
            filled = 0
            for c in tr.find_all(["td", "th"], recursive=False):
                if any(s.strip() for s in c.find_all(string=True)):
                    filled += 1
                    if filled > 1:
                        return False
        return rows > 0

    def _is_box(self, el: Tag) -> bool:
        if el.name in _BOX_TAGS or _role(el) in _BOX_ROLES:
            return True
        if el.name in ("div", "section"):
            for c in el.children:
                if _is_text(c):
                    if str(c).strip():
                        return False
                    continue
                if isinstance(c, Tag):
                    if c.name in _HEADINGS or c.name in ("p", "strong", "b", "span"):
                        return bool(_BOX_WORDING.match(_inline_text(c)[:80]))
                    return False
        return False

    def walk(self, node: Tag, depth: int, container: str | None, box: int | None) -> None:
        """Turn an element's children into blocks. One dispatch over element kinds (a long
        if/elif, kept together so that the order of the tests, which decides what a
        <details>, a one-cell table or a bare wrapper is, reads in one place)."""
        if depth > _MAX_DEPTH:
            self.buf.append(" " + node.get_text(" ") + " ")
            return
        for child in node.children:
            if _is_text(child):
                self.buf.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name == "br":
                self.buf.append(" ")
                continue
            if name not in _BLOCKISH and name not in _HEADINGS and _role(child) != "heading":
                # inline (or unknown) element: its text joins the current run
                self.walk(child, depth + 1, container, box)
                continue
            self.flush(container, box)
            if _role(child) in _NOTE_ROLES and container != "footnote":
                # footnotes and endnotes (DPUB-ARIA roles): text about the report, never findings
                self.walk(child, depth + 1, "footnote", box)
                self.flush("footnote", box)
            elif name == "summary":
                # The visible title of a <details> accordion is that section's heading,
                # one level below the heading it sits under.
                text = _inline_text(child)
                if text:
                    last = next((b.level for b in reversed(self.blocks) if b.kind == "heading"), 2)
                    self.blocks.append(Block("heading", text, level=min((last or 2) + 1, 6), container=container, box=box))
            elif name == "dt" and not any(isinstance(c, Tag) and c.name in _BLOCKISH for c in child.descendants):
                # a definition list's term titles its definitions ("Area for improvement 1"
                # then the finding): a pseudo-heading, as a bold label line is
                text = _inline_text(child)
                if text:
                    short = _LABEL_ONLY.match(text) or (len(text) <= 150 and not _TERMINAL.search(text))
                    self.blocks.append(Block("heading" if short else "paragraph", text, level=7 if short else 0,
                                             container=container, box=box))
            elif name in _HEADINGS or _role(child) == "heading":
                level = _HEADINGS.get(name) or _int_attr(child, "aria-level", 3) or 3
                text = _inline_text(child)
                if text:
                    self.blocks.append(Block("heading", text, level=max(1, min(level, 7)), container=container, box=box))
            elif name == "p":
                self.add_para(child, container, box)
            elif name in ("ul", "ol", "menu"):
                self.add_list(child, self._list_depth(child), container, box)
            elif name == "table":
                if not self._one_column(child):
                    self.add_table(child, box)
                elif box is not None or first_tag(child, ("h1", "h2")) is not None:
                    # a layout table (the page's own frame, or one inside a box): its cells
                    # are ordinary content
                    self.walk(child, depth + 1, container, box)
                    self.flush(container, box)
                else:
                    # a single-cell (or one-column) table is a shaded box, not data: its
                    # content is walked as paragraphs, headings and lists
                    self.box_counter += 1
                    self.walk(child, depth + 1, "box", self.box_counter)
                    self.flush("box", self.box_counter)
            elif name in ("th", "caption") and container is not None and not any(
                    isinstance(c, Tag) and c.name in _BLOCKISH for c in child.descendants):
                # the header cell or caption of a box table is its title ("Cause of concern")
                text = _inline_text(child)
                if text:
                    if _LABEL_ONLY.match(text) or (len(text) <= 150 and not _TERMINAL.search(text)):
                        self.blocks.append(Block("heading", text, level=7, container=container, box=box))
                    else:
                        self.blocks.append(Block("paragraph", text, container=container, box=box))
            elif name == "li":  # stray <li> outside a list
                text = _inline_text(child)
                if text:
                    self.blocks.append(Block("item", text, level=1, marker="•", container=container, box=box, lead=_lead(child)))
            elif box is None and self._is_box(child):
                self.box_counter += 1
                self.walk(child, depth + 1, "box", self.box_counter)
                self.flush("box", self.box_counter)
            else:
                # a chain of bare wrappers (<div><div><div>...) adds no structure: step down
                # it here, so that no depth of wrapping costs text (the depth cap stays for
                # real nesting)
                inner = _sole_wrapper(child)
                while inner is not None and not (box is None and self._is_box(inner)) \
                        and _role(inner) not in _NOTE_ROLES:
                    child, inner = inner, _sole_wrapper(inner)
                self.walk(child, depth + 1, container, box)
                self.flush(container, box)
        # text left in the buffer belongs to the enclosing run; the caller flushes

    @staticmethod
    def _list_depth(el: Tag) -> int:
        d = 1
        for _ in el.find_parents(["ul", "ol"], limit=20):
            d += 1
        return d


def main_content(soup: BeautifulSoup) -> Tag:
    """The page's main content, found by structure, with theme furniture removed in place.

    Shared with watcher.parse.pages so that "what is the content of this page" has one answer.
    """
    _drop_furniture(soup)
    root = _main_content(soup)
    return root if isinstance(root, Tag) else soup


def blocks_of(root: Tag) -> list[Block]:
    """Blocks of a main-content element already found and cleaned by `main_content`.

    The scan parses each page once and gives the same tree to the page parser and here.
    """
    w = _Walker()
    w.walk(root, 0, None, None)
    w.flush(None, None)
    return w.blocks


def html_to_blocks(html: str | bytes) -> list[Block]:
    """Parse report HTML (a whole page or a fragment) into Blocks of its main content."""
    if isinstance(html, bytes):
        soup = parse_html(html)[0]
    else:
        soup = parse_html(_INVISIBLE.sub("", html or ""))[0]
    return blocks_of(main_content(soup))


# --------------------------------------------------------------------------- PDF text

_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$|^[ivxlc]{1,6}$", re.I
)
_LABEL_LINE = LABEL_LINE
_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+(\S.*)$")
_PART = re.compile(r"^\(?([a-z]|[ivx]{1,5})\)\s+(\S.*)$")
_BULLET = re.compile(r"^[•●▪◦■□➢►\-–—*]\s*(\S.*)$")
_DOT_LEADER = re.compile(r"\.{3,}\s*\d{1,4}$|\s{2,}\d{1,4}$")
_MONTH_YEAR = re.compile(r"^(?:published\s+)?(?:\d{1,2}\s+)?[A-Z][a-z]+\s+(?:19|20)\d\d$")


def _line_key(line: str) -> str:
    return re.sub(r"\d+", "#", line.lower()).strip()


def _strip_running(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and running headers/footers (lines repeated at page edges)."""
    edge_counts: Counter[str] = Counter()
    if len(pages) >= 2:
        for lines in pages:
            seen = set()
            for ln in lines[:3] + lines[-3:]:
                k = _line_key(ln)
                if k and k not in seen and len(ln) < 120:
                    seen.add(k)
                    edge_counts[k] += 1
    threshold = max(2, len(pages) - 1) if len(pages) < 4 else max(3, int(len(pages) * 0.4))
    out = []
    for lines in pages:
        kept = []
        n = len(lines)
        for i, ln in enumerate(lines):
            at_edge = i < 3 or i >= n - 3
            if at_edge and _PAGE_NUMBER.match(ln):
                continue
            if at_edge and edge_counts.get(_line_key(ln), 0) >= threshold and not _LABEL_LINE.match(ln):
                continue
            kept.append(ln)
        out.append(kept)
    return out


def _drop_contents(lines: list[str]) -> list[str]:
    """Drop a contents list: after a "Contents" line, the entries with page numbers or dot
    leaders, and the short entries without them that recur later as the headings they list."""
    out: list[str] = []
    last: dict[str, int] = {}
    for k, ln in enumerate(lines):
        last[ln.strip().lower()] = k
    i = 0
    while i < len(lines):
        ln = lines[i]
        out.append(ln)
        i += 1
        if ln.strip().lower() in ("contents", "table of contents"):
            out.pop()
            j = i
            while j < len(lines) and j - i < 120 and (
                    re.search(r"\s\d{1,4}$", lines[j]) or _DOT_LEADER.search(lines[j])
                    or (len(lines[j]) <= 100 and last.get(lines[j].strip().lower(), -1) > j)):
                j += 1
            i = j
    return out


def text_to_blocks(text: str) -> list[Block]:
    """Turn extracted PDF text (pages separated by form feeds) into Blocks.

    Headings: short lines without final punctuation that stand alone, "Recommendation 3"
    style labels, numbered section titles. Numbered "1." lines become items, "(a)" lines
    become parts (items with a letter marker), wrapped lines are joined into paragraphs.
    """
    if not text:
        return []
    lines = _pdf_lines(str(text))
    if not lines:
        return []
    lengths = sorted(len(ln) for ln in lines)
    width = max(40, lengths[int(len(lengths) * 0.9)] if lengths else 80)
    full = 0.75 * width

    blocks: list[Block] = []
    cur: Block | None = None
    cur_last = ""  # last physical line of the current block

    def close() -> None:
        nonlocal cur, cur_last
        if cur is not None and cur.text:
            cur.text = normalise_space(cur.text)
            blocks.append(cur)
        cur = None
        cur_last = ""

    for idx, ln in enumerate(lines):
        nxt = lines[idx + 1] if idx + 1 < len(lines) else ""
        continues = _continues(cur, cur_last, ln, full)
        is_label = bool(ln[:1].isupper() and _LABEL_LINE.match(ln))  # "area for improvement." mid-sentence is not
        starts = bool(_NUMBERED.match(ln) or _PART.match(ln) or _BULLET.match(ln) or is_label)
        if continues and not starts:
            sep = "" if cur_last.endswith("-") and ln[:1].islower() and not cur_last.endswith(" -") else " "
            cur.text += sep + ln
            cur_last = ln
            continue
        if continues and starts and is_label and cur is not None and not _NUMBERED.match(ln):
            # "... set out in" / "Recommendation 3 of our report": a label only if it stands alone
            m = _LABEL_LINE.match(ln)
            rest = ln[m.end():]
            if rest[:1].islower() or rest.strip()[:2] in ("of", "in"):
                cur.text += " " + ln
                cur_last = ln
                continue
        close()
        cur = _start_block(ln, nxt, full, is_label, blocks)
        if cur is not None:
            cur_last = ln
    close()
    return blocks


def _pdf_lines(text: str) -> list[str]:
    """The text's non-empty lines, running headers and footers and the contents pages gone."""
    pages: list[list[str]] = []
    for pg in text.split("\f"):
        lines = [normalise_space(ln) for ln in pg.splitlines()]
        pages.append([ln for ln in lines if ln])
    pages = _strip_running(pages)
    return _drop_contents([ln for pg in pages for ln in pg])


def _continues(cur: Block | None, cur_last: str, ln: str, full: float) -> bool:
    """A line continues the current block if that block's last line was full width and
    did not end a sentence, or if the line starts lower-case."""
    if cur is None or cur.kind == "heading":
        return False
    prev_full = len(cur_last) >= full
    if prev_full and not re.search(r"[.!?]['\"’”)]?$", cur_last):
        return True
    if prev_full and ln[:1].islower():
        return True
    if ln[:1].islower() or ln[:1] in ",;)":
        return True
    return cur_last.endswith((",", "-", "–", "and", "or", "the", "of", "to"))


def _start_block(ln: str, nxt: str, full: float, is_label: bool, blocks: list[Block]) -> Block | None:
    """The block a line that continues nothing begins; a heading it makes on its own is
    appended to `blocks` at once (None: nothing left open for later lines to join)."""
    m_label = _LABEL_LINE.match(ln) if is_label else None
    if m_label:
        rest = ln[m_label.end():].strip()
        rest_clean = rest.lstrip(":.–—- ").strip()
        label = ln[: m_label.end()].strip()
        if not rest_clean:
            blocks.append(Block("heading", label, level=4))
            return None
        if rest[:1].islower():
            return Block("paragraph", ln)
        if len(ln) < full and not _TERMINAL.search(ln) and " should " not in f" {ln} ":
            blocks.append(Block("heading", ln, level=4))
            return None
        return Block("paragraph", ln, lead=label)
    m = _NUMBERED.match(ln)
    if m:
        body = m.group(2)
        if len(ln) < full and not _TERMINAL.search(ln) and " should " not in f" {body} " and body[:1].isupper() \
                and (not nxt or nxt[:1].isupper()):
            blocks.append(Block("heading", ln, level=2))
            return None
        return Block("item", body, level=1, marker=m.group(1))
    m = _PART.match(ln)
    if m:
        return Block("item", ln, level=2, marker=m.group(1))
    m = _BULLET.match(ln)
    if m:
        return Block("item", m.group(1), level=2, marker="•")
    # heading: short, no final punctuation, starts upper-case/digit, stands alone
    if (
        len(ln) < min(full, 100)
        and not _TERMINAL.search(ln)
        and (ln[:1].isupper() or ln[:1].isdigit())
        and not ln.endswith((",", "-", "–"))
        and " should " not in f" {ln} "
        and not _MONTH_YEAR.match(ln)
        and (not nxt or not nxt[:1].islower())
    ):
        # a heading line straight after a bare label ("Area for improvement") is the label's
        # title: one level below it, so it does not end the label's section
        title = bool(blocks) and blocks[-1].kind == "heading" and blocks[-1].level == 4 \
            and _LABEL_LINE.fullmatch(blocks[-1].text) is not None
        blocks.append(Block("heading", ln, level=5 if title else 3))
        return None
    return Block("paragraph", ln)
