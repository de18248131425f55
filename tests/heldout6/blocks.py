"""Document building blocks shared by the HTML theme and the PDF builder.

Text fields are plain text. Two light markers are understood by both renderers:
``[[n]]`` is a footnote reference, and ``{{a|href|text}}`` is a link.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class P:
    text: str
    cls: str = ""


@dataclass
class H:
    text: str
    level: int = 3


@dataclass
class L:
    items: list
    ordered: bool = False


@dataclass
class F:
    """A finding as the report makes it.

    kind: "rec", "afi" or "coc".  ``cc`` is true when the recommendation is
    addressed to chief constables (used only by the fixture's self-check, never
    rendered).  ``repeat`` marks a repetition of a finding already made elsewhere
    in the same report (summary or annex) so the self-check does not count it.
    ``recs`` holds the recommendations that follow a cause of concern.
    """
    kind: str
    text: str
    num: str | None = None
    title: str | None = None
    bullets: list = field(default_factory=list)
    parts: list = field(default_factory=list)
    owner: str | None = None
    deadline: str | None = None
    cc: bool = False
    repeat: bool = False
    style: str | None = None
    label: str | None = None
    recs: list = field(default_factory=list)
    after: list = field(default_factory=list)  # trailing paragraphs inside the box


@dataclass
class G:
    """A group of findings under its own heading."""
    title: str | None
    items: list
    style: str | None = None
    intro: str | None = None
    columns: tuple = ("No.", "Recommendation", "Owner", "Deadline")


@dataclass
class Box:
    kind: str   # e.g. "Promising practice", "Innovative practice", "Notable practice", "Case study"
    title: str
    paras: list


@dataclass
class Earlier:
    label: str
    text: str
    status: str
    note: str = ""


@dataclass
class EarlierSet:
    items: list
    style: str = "table"   # "table" or "cards"
    headers: tuple = ("Recommendation", "What we found", "Status")


@dataclass
class Grades:
    rows: list   # (area, grade)
    caption: str = ""


@dataclass
class Notes:
    items: list  # footnote texts, numbered from 1


@dataclass
class T:
    headers: list
    rows: list
    caption: str = ""


@dataclass
class Q:
    text: str
    cite: str = ""


@dataclass
class Tabs:
    panels: list  # (label, [blocks])


@dataclass
class SumList:
    """A summary list of finding titles that are made in full elsewhere."""
    intro: str
    items: list
    ordered: bool = False


@dataclass
class Section:
    id: str
    title: str
    blocks: list
    toc: bool = True


def walk(blocks):
    """Yield every block, descending into groups, tabs and causes of concern."""
    for b in blocks:
        yield b
        if isinstance(b, G):
            yield from walk(b.items)
        elif isinstance(b, Tabs):
            for _, inner in b.panels:
                yield from walk(inner)
        elif isinstance(b, F) and b.recs:
            yield from walk(b.recs)


def tally(sections):
    """Count the findings the blocks mark as made (self-check only)."""
    out = {"recommendations": 0, "recommendations_to_chief_constables": 0,
           "areas_for_improvement": 0, "causes_of_concern": 0}
    for s in sections:
        for b in walk(s.blocks):
            if not isinstance(b, F) or b.repeat:
                continue
            if b.kind == "rec":
                out["recommendations"] += 1
                if b.cc:
                    out["recommendations_to_chief_constables"] += 1
            elif b.kind == "afi":
                out["areas_for_improvement"] += 1
            elif b.kind == "coc":
                out["causes_of_concern"] += 1
    return out
