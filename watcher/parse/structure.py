"""Blocks -> a tree of sections: the structure stage of the reading engine.

`watcher.parse.blocks` flattens a report into blocks (headings, paragraphs, list items,
table rows), keeping what each sits in: a box (an <aside>, a shaded one-cell table, a
<details> accordion), a table, a footnote. Here those become a tree a recogniser can ask
questions of: which heading is this paragraph under, is that heading about findings, a
review of earlier findings (R1), practice (not findings), notes (not findings)?

A `Section` is a heading and what follows it up to the next heading of the same or a
higher level; a box's headings open sections inside the box only. Definition-list terms
and accordion titles arrive from blocks as headings, so they are sections too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from watcher.parse.blocks import Block
from core.vocabulary import _NEW_HEADING, _NOTES_HEADING, _PRACTICE, _REVIEW_HEADING, _STATUS_HEADING

__all__ = ["Section", "build"]


@dataclass
class Section:
    heading: str
    level: int  # 0 = the document; 1-6 headings; 7 = a pseudo-heading (bold line, <dt>)
    index: int  # index of the heading block (-1 for the document)
    box: int | None = None
    parent: "Section | None" = None
    children: list["Section"] = field(default_factory=list)
    blocks: list[int] = field(default_factory=list)  # indices of the non-heading blocks directly in it

    def path(self) -> list[str]:
        out, s = [], self
        while s is not None and s.level > 0:
            out.append(s.heading)
            s = s.parent
        return out[::-1]

    def where(self) -> str:
        """Where a reading came from, for a warning: "section 'Summary > Areas for improvement'"."""
        p = self.path()
        return f"section '{' > '.join(h[:60] for h in p)}'" if p else "the report's opening text"

    def _any(self, test) -> bool:
        s = self
        while s is not None and s.level > 0:
            if test(s.heading):
                return True
            s = s.parent
        return False

    @property
    def reviewing(self) -> bool:
        """Under a review of earlier findings (R1), and not under a "new recommendations" heading."""
        s = self
        while s is not None and s.level > 0:
            if _NEW_HEADING.search(s.heading):
                return False
            if s.level > 1 and (_REVIEW_HEADING.search(s.heading) or _STATUS_HEADING.match(s.heading)):
                return True
            s = s.parent
        return False

    @property
    def not_findings(self) -> bool:
        """Under a practice box or a notes section: nothing here is a finding."""
        return self._any(lambda h: bool(_PRACTICE.match(h) or _NOTES_HEADING.match(h)))



def build(blocks: list[Block]) -> tuple[Section, list[Section]]:
    """The document's section tree, and for each block the section it sits in."""
    root = Section(heading="", level=0, index=-1)
    stack = [root]
    of: list[Section] = []
    cur_box: int | None = None
    saved: list[Section] = []
    for i, b in enumerate(blocks):
        if b.box != cur_box:
            if cur_box is not None:
                stack[:] = saved  # a box's headings do not outlive it
            if b.box is not None:
                saved = list(stack)
            cur_box = b.box
        if b.kind == "heading" and b.container != "footnote":
            level = b.level or 7
            while len(stack) > 1 and stack[-1].level >= level:
                stack.pop()
            sec = Section(heading=b.text, level=level, index=i, box=b.box, parent=stack[-1])
            stack[-1].children.append(sec)
            stack.append(sec)
            of.append(sec)
            continue
        stack[-1].blocks.append(i)
        of.append(stack[-1])
    return root, of
