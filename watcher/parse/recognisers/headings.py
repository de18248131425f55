"""Section headings: the stack of sections the walker reads every other block in (``sections``).

Each heading says whether its section is a list of findings ("Recommendations", "Areas
for improvement", "Cause of concern"), a labelled finding ("Recommendation 3"), a review
of earlier findings ("Progress against our 2023 recommendations", "Status: Incomplete":
R1), a practice box or notes (never findings), a lead-in ("Chief constables should:"), or a
title: a plain heading straight after a bare label is the labelled finding's title, and
same-level headings after a findings heading each take its kind (one per finding). The
titles and terms of accordions and definition lists arrive as headings too.
"""

from __future__ import annotations

from watcher.parse.blocks import Block
from watcher.parse.recognisers.lead_in import open_lead_in
from watcher.parse.recognisers.walk import (
    Walk, _Sec, _classify_heading, _collect_stated, _heads_own_labels, _title_of_pseudo_label,
)
from core.vocabulary import _LABEL, _LEADIN, _PAST_REF, _SENTENCE_MODAL

NAME = "sections"


def _as_heading(b: Block) -> tuple[bool, bool]:
    """Whether `b` is read as a heading, and whether it is a lead-in ("... should:")."""
    if b.kind != "heading":
        return False, False
    lead_in = bool(_LEADIN.search(b.text))
    if not lead_in and len(b.text) > 60 and _SENTENCE_MODAL.search(b.text) and not _LABEL.match(b.text):
        return False, False  # a "should" sentence set as a heading is text ("needs to improve" is a title)
    return True, lead_in


def _titles_open_label(w: Walk, i: int, level: int) -> bool:
    """"Area for improvement" then a title heading (same level or deeper, or a bold line):
    the title of the labelled finding just opened, not a new section."""
    o = w.open_
    return (o is not None and o.labelled and o.needs_text and o.order == i - 1 and bool(w.stack[-1].label)
            and (level >= w.stack[-1].level or _title_of_pseudo_label(w.stack, level, w.blocks, i)))


def _push_section(w: Walk, text: str, level: int, info: dict, plain: bool) -> None:
    """Close the sections at or below `level` and open the heading's own."""
    popped: _Sec | None = None
    while len(w.stack) > 1 and w.stack[-1].level >= level:
        popped = w.stack.pop()
    inherit: tuple[str, ...] = ()
    if (plain and popped is not None and popped.level == level and popped.kinds and not popped.label
            and not popped.review and not popped.practice and (popped.empty or (popped.inherited and popped.found))):
        # "Areas for improvement" directly followed by same-level headings, one per
        # finding: each is a finding title of that kind (its "should" text is the finding).
        # The run ends at a title section that held no finding.
        inherit = popped.kinds
    if info["status"]:
        # "Our assessment" under "Recommendation 3": the finding above was a quote
        w.rollback(w.stack[-1].serial)
    w.serial += 1
    w.stack.append(_Sec(level=level, serial=w.serial, heading=text, kinds=info["kinds"] or inherit,
                        review=info["review"], new=info["new"], practice=info["practice"], label=info["label"],
                        inherited=bool(inherit), past=level > 1 and bool(_PAST_REF.search(text))))
    if info["review"]:
        w.st.review_seen = True


def read_heading(w: Walk, i: int, b: Block) -> bool:
    """Read `b` if it is a heading (True), changing the section stack for what follows."""
    is_heading, lead_in = _as_heading(b)
    if not is_heading:
        return False
    text = b.text
    info = _classify_heading(text)
    level = b.level or 7
    if info["label"] and info["num"] is None and not info["title"] \
            and _heads_own_labels(w.blocks, i, level, info["label"]):
        info["label"] = None  # "Cause of concern" over "Cause of concern: Call handling": a section
    plain = not (info["kinds"] or info["label"] or info["review"] or info["practice"] or info["status"]
                 or info["new"] or lead_in) and len(text) <= 200
    if plain and _titles_open_label(w, i, level):
        if not w.open_.title:
            w.open_.title = text.strip(" :.")
        return True
    w.open_ = None
    if level == 1:
        info["review"] = info["status"] = False  # the document title ("...: progress report")
    _push_section(w, text, level, info, plain)
    kinds, review, practice, _ = w.ctx()
    if review or practice or w.box_practice:
        return True
    for k in info["kinds"]:
        w.st.mentioned.add(k)
    _collect_stated(text, w.st, w.progressish or any(s.past for s in w.stack))
    if info["label"]:
        w.open_ = w.new_cand(info["label"], "", i, recogniser="labelled_heading", number=info["num"],
                             title=info["title"], labelled=True, needs_text=True)
    if lead_in:
        open_lead_in(w, text, kinds)
    return True
