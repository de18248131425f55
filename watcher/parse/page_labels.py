"""Labelled facts on a publication page: "Label: value" wherever a theme puts it.

A theme may write its facts as a <dl>, a two-column table, "<strong>Published:</strong> …"
paragraphs (one per line, or split by <br>), a heading followed by a list, or a grid of
key-facts cards (a label element and a value element side by side, in either order). All
are read by wording and structure, never by class names.
"""

from __future__ import annotations

import re

from bs4 import Comment, NavigableString, Tag

from watcher.parse.htmltree import first_tag, tags
from watcher.parse.page_text import clean

#: Labels that name the forces or services a report is about. The first group is explicit:
#: whatever it holds is a force or service. The second is loose ("About", "Area"): only
#: names the register knows are taken from it.
FORCE_LABELS = ("forces", "force", "police force", "police forces", "force and service",
                "forces and services", "services", "service", "fire and rescue service",
                "fire and rescue services", "forces concerned", "applies to", "forces inspected",
                "force area", "forces and fire and rescue services", "force or service",
                "forces or services", "police force or service", "police forces inspected",
                "services inspected", "force inspected", "service inspected", "fire service",
                "fire services", "inspected force", "inspected forces", "inspected service",
                "organisation inspected", "organisations inspected", "inspected body",
                "inspected bodies", "police service", "force and fire service",
                "relevant forces", "relevant force", "forces involved", "forces covered",
                "forces in scope", "services covered", "police force area", "force areas",
                "police force areas", "police area", "police areas")
LOOSE_FORCE_LABELS = ("about", "area", "areas", "location", "locations", "region", "subject",
                      "organisation", "organisations", "body", "bodies", "covers", "coverage",
                      "geography", "place", "places", "tags", "topics", "topic", "keywords",
                      "who", "inspected", "scope", "concerns", "relates to", "related to", "local area",
                      "posted in", "filed under", "categories", "category")
DATE_LABELS = ("published", "published on", "date published", "publication date",
               "date of publication", "first published", "published date", "release date",
               "date released", "issued", "date issued", "date")
#: Explicit type labels: the value is the type, known or not. Loose ones ("Category"):
#: only a value core.pubtypes recognises.
TYPE_LABELS = ("publication type", "type", "report type", "content type", "inspection type",
               "document type", "type of publication", "type of report", "type of inspection",
               "publication category", "report category", "kind of publication")
LOOSE_TYPE_LABELS = ("category", "categories", "topic", "topics", "series", "filed under",
                     "tags", "tagged", "collection", "programme", "inspection programme",
                     "theme", "subject", "format", "keywords", "section", "posted in")
JOINT_LABELS = ("joint inspection with", "joint with", "partner inspectorates",
                "inspectorates", "in partnership with", "joint inspectorates",
                "partner inspectorate", "other inspectorates", "with", "joint partners",
                "inspected jointly with", "carried out with", "jointly with")
#: Labels whose values may name a partner inspectorate among other things: only known
#: inspectorates are taken from them.
LOOSE_JOINT_LABELS = ("published by", "author", "authors", "by", "partners", "inspectorates involved",
                      "lead inspectorate", "produced by", "organisations involved", "contributors")
KNOWN_LABELS = frozenset(LOOSE_JOINT_LABELS + FORCE_LABELS + LOOSE_FORCE_LABELS + DATE_LABELS + TYPE_LABELS
                         + LOOSE_TYPE_LABELS + JOINT_LABELS)
#: Labels strong enough to pair with the element after them (heading + list, card grid).
PAIRING_LABELS = frozenset(FORCE_LABELS + DATE_LABELS + TYPE_LABELS + JOINT_LABELS
                           + ("category", "categories", "topic", "topics", "tags", "about", "area",
                              "location", "region", "series", "collection"))

BLOCK_TAGS = frozenset(("p", "li", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "div"))
_PAIR_TAGS = frozenset(("p", "li", "div", "span"))
_LABEL_TAGS = frozenset(("h2", "h3", "h4", "h5", "h6", "strong", "b", "span", "p", "div", "dt", "th"))
_CARD_TAGS = frozenset(("div", "li", "section", "article", "span", "p", "aside"))
_LABELLED_TAGS = frozenset(("dt", "tr")) | _PAIR_TAGS | _LABEL_TAGS | _CARD_TAGS
_ARIA_TAGS = frozenset(("ul", "ol", "dl", "div", "p", "section", "aside"))


def containers(node: Tag) -> set[int]:
    """ids of the elements below `node` that hold a block element (one pass, not one per element)."""
    out: set[int] = set()
    for el in tags(node, BLOCK_TAGS):
        for parent in el.parents:
            if parent is node or id(parent) in out:
                break
            out.add(id(parent))
    return out


def normalise_label(label: str) -> str:
    """"Force(s) / service(s):" -> "forces and services": one spelling per label."""
    label = clean(label).rstrip(":").strip().lower()
    label = re.sub(r"\(s\)", "s", label)
    label = re.sub(r"\s*(?:/|&)\s*", " and ", label)
    return label.rstrip(" :-–—")


def labelled_values(node: Tag) -> dict[str, list[str]]:
    """"Label: value" pairs, wherever the theme puts them (dl, table, p, li, div, span, cards)."""
    out: dict[str, list[str]] = {}
    holds_blocks = containers(node)

    def add(label: str, values: list[str]) -> None:
        label = normalise_label(label)
        vals = [clean(v) for v in values if clean(v)]
        if label and vals and len(label) <= 40:
            out.setdefault(label, []).extend(vals)

    found = _gather(node)

    for dt in found["dt"]:
        values = []
        for sib in dt.find_next_siblings():
            if sib.name == "dt":
                break
            if sib.name == "dd":
                values.extend(list_values(sib))
        add(dt.get_text(" "), values)
    for tr in found["tr"]:
        cells = tr.find_all(["th", "td"], recursive=False)
        if len(cells) == 2:
            add(cells[0].get_text(" "), list_values(cells[1]))
    # A facts table laid out sideways: one row of labels over one row of values.
    for head_row in found["tr"]:
        cells = head_row.find_all(["th", "td"], recursive=False)
        labels = [normalise_label(c.get_text(" ")) for c in cells]
        if len(cells) < 2 or not sum(lab in PAIRING_LABELS for lab in labels) >= 2:
            continue
        value_row = head_row.find_next("tr")
        if value_row is None or value_row.find_parent("table") is not head_row.find_parent("table"):
            continue
        values = value_row.find_all(["th", "td"], recursive=False)
        if len(values) == len(cells):
            for label, value in zip(labels, values, strict=True):
                if label in PAIRING_LABELS and label not in out:
                    add(label, list_values(value))
    for el in found["pair"]:
        if id(el) not in holds_blocks:
            _read_pair(el, out, add)
    # A label in one element and the values in the next (heading + list, span + ul).
    for el in found["label"]:
        if id(el) in holds_blocks:
            continue  # a label is a leaf: it holds no block of its own
        label = normalise_label(el.get_text(" "))
        if label in PAIRING_LABELS and label not in out:
            nxt = el.find_next_sibling()
            if nxt is not None:
                add(label, list_values(nxt))
    # A list that names itself: <ul aria-label="Tags"><li>PEEL</li><li>Kent Police</li></ul>
    for el in found["aria"]:
        label = normalise_label(el["aria-label"])
        if label in PAIRING_LABELS and label not in out:
            add(label, list_values(el))
    for el in found["card"]:
        _read_card(el, holds_blocks, out, add)
    return out


def _gather(node: Tag) -> dict[str, list[Tag]]:
    """The elements each pass below reads, found in one walk (each list in document order)."""
    found: dict[str, list[Tag]] = {"dt": [], "tr": [], "pair": [], "label": [], "card": [], "aria": []}
    for el in tags(node, _LABELLED_TAGS | _ARIA_TAGS):  # one walk; the passes below keep their order
        name = el.name
        aria = el.get("aria-label")
        if isinstance(aria, str) and name in _ARIA_TAGS:
            found["aria"].append(el)
        if name in ("dt", "tr"):
            found[name].append(el)
            continue
        if name in _PAIR_TAGS:
            found["pair"].append(el)
        if name in _LABEL_TAGS:
            found["label"].append(el)
        if name in _CARD_TAGS:
            found["card"].append(el)
    return found


def _read_pair(el: Tag, out: dict[str, list[str]], add) -> None:
    """One element holding "Label: value" itself (or one pair per <br> line, or a known
    label, a dash or bar, and a value)."""
    if first_tag(el, ("br",)) is not None:
        # "<strong>Published:</strong> 20 November 2025<br><strong>Forces:</strong> …":
        # one "Label: value" pair per line.
        lines = br_lines(el)
        for i, line in enumerate(lines):
            label, sep, value = line.partition(":")
            if sep and value.strip():
                add(label, split_list([value]))
            elif normalise_label(line) in PAIRING_LABELS and i + 1 < len(lines):
                add(line, split_list([lines[i + 1]]))  # "<b>Published</b><br>15 October 2025"
        return
    strong = first_tag(el, ("strong", "b", "span", "h3", "h4"))
    text = clean(el.get_text(" "))
    if len(text) > 400:
        return
    if ":" not in text:
        # "Published – 15 October 2025", "Type | PEEL inspection": a known label, a dash or bar, a value
        m = _DASH_PAIR_RE.match(text) if len(text) <= 200 else None
        if m and normalise_label(m.group(1)) in PAIRING_LABELS and normalise_label(m.group(1)) not in out:
            add(m.group(1), split_list([m.group(2)]))
        return
    if strong is not None and clean(strong.get_text(" ")).endswith(":"):
        label = clean(strong.get_text(" "))
        rest = [clean(a.get_text(" ")) for a in tags(el, ("a",))] or [
            text[len(label):] if text.startswith(label) else text.split(":", 1)[1]
        ]
        add(label, split_list(rest))
    else:
        label, _, value = text.partition(":")
        add(label, split_list([value]))


def _read_card(el: Tag, holds_blocks: set[int], out: dict[str, list[str]], add) -> None:
    """A key-facts card: an element holding just a label element and a value element, in
    either order ("<div><p>Published</p><p>15 October 2025</p></div>", or the big value
    above its caption)."""
    pair = _two_children(el)
    if pair is None:
        return
    first, second = pair
    if isinstance(first, str):  # "Type <strong>PEEL inspection</strong>"
        a = normalise_label(first)
        if a in PAIRING_LABELS and a not in out:
            add(a, list_values(second))
        return
    a = normalise_label(_short(first, 41) or "")
    second_text = _short(second, 45)
    b = normalise_label(second_text) if second_text is not None else ""
    if a in PAIRING_LABELS and a not in out and b not in KNOWN_LABELS:
        add(a, list_values(second))
    elif b in PAIRING_LABELS and b not in out and a not in KNOWN_LABELS and id(first) not in holds_blocks:
        add(b, list_values(first))


_DASH_PAIR_RE = re.compile(r"^\s*([^–—|-]{2,40}?)\s+[–—|-]\s+(.+)$")


def _short(el: Tag, cap: int) -> str | None:
    """The element's text if shorter than `cap` characters (without reading all of a long one)."""
    parts: list[str] = []
    n = 0
    for s in el.stripped_strings:
        n += len(s) + 1
        if n > cap:
            return None
        parts.append(s)
    return clean(" ".join(parts))


def _two_children(el: Tag) -> tuple[Tag | str, Tag] | None:
    """The two children of `el` if it holds exactly two: two elements, or a leading text
    (a label written bare) and one element."""
    kids: list[Tag | str] = []
    for child in el.children:
        if isinstance(child, Tag):
            if child.name in ("br", "hr"):
                continue
            kids.append(child)
        elif isinstance(child, NavigableString) and not isinstance(child, Comment) and child.strip():
            if kids:
                return None  # text after an element: a sentence, not a card
            kids.append(clean(str(child)))
        if len(kids) > 2:
            return None
    if len(kids) != 2 or not isinstance(kids[1], Tag):
        return None
    first = kids[0]
    if isinstance(first, str) and len(first) > 40:
        return None
    if isinstance(first, Tag) and _short(first, 41) is None:
        return None
    return first, kids[1]


def br_lines(el: Tag) -> list[str]:
    """The element's text split where it has <br> line breaks."""
    lines: list[str] = []
    current: list[str] = []
    for node in el.descendants:
        if isinstance(node, Tag):
            if node.name == "br":
                lines.append(clean("".join(current)))
                current = []
        elif isinstance(node, NavigableString) and not isinstance(node, Comment):
            current.append(str(node))
    lines.append(clean("".join(current)))
    return [line for line in lines if line]


def list_values(el: Tag) -> list[str]:
    items = tags(el, ("li",)) if el.name in ("ul", "ol", "dd", "td", "div") else []
    if items:
        return [i.get_text(" ") for i in items]
    links = tags(el, ("a",))
    if len(links) > 1:
        return [a.get_text(" ") for a in links]
    return split_list([el.get_text(" ")])


def split_list(values: list[str]) -> list[str]:
    out = []
    for v in values:
        for part in re.split(r"\s*[;|•·]\s*|\s*,\s*(?![^()]*\))", v):
            if clean(part):
                out.append(clean(part))
    return out


def first_of(values: dict[str, list[str]], labels: tuple[str, ...]) -> list[str] | None:
    for label in labels:
        if label in values:
            return values[label]
    return None
