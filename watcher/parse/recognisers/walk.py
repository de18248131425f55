"""The section walker's shared reading state (registry family ``sections``).

One pass over a report's blocks keeps a stack of section headings (`_Sec`), the finding
being read (`open_`), the box, the table columns and the lead-in sentence; the walker steps
(watcher/parse/recognisers/: headings, tables, lead-ins, labels, "should" sentences) each
read one kind of block and change this state for the next. `_Cand` is a finding one step
read, with its evidence (`recogniser`, `where`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from watcher.parse.actors import MODAL, NON_ACTOR_START, resolve_actors, split_subject
from watcher.parse.blocks import Block
from watcher.parse.witnesses import Stated
from core.vocabulary import (
    AFI,
    COC,
    _FINDING_HEADING,
    _FINDING_WORDS,
    _KIND_WORDS,
    _LABEL,
    _NEW_HEADING,
    _NOTES_HEADING,
    _NUM_WORDS,
    _PAST_REF,
    _PRACTICE,
    _PRESENT_SUBJECT,
    _REPORTED,
    _REVIEW_HEADING,
    _STATED,
    _STATED_MORE,
    _STATED_SUBJECT,
    _STATUS_HEADING,
    _SUBSET,
    _SUBSET_POST,
    _WE_SUBJECT,
    REC,
    _kind_of,
)

# --------------------------------------------------------------------------- structures


@dataclass
class _Sec:
    level: int
    serial: int
    kinds: tuple[str, ...] = ()
    review: bool = False
    new: bool = False
    practice: bool = False
    label: str | None = None  # kind of a single-finding label heading
    spent: bool = False  # a label (or inherited) section whose finding has been read
    inherited: bool = False  # a title heading that took its kind from the findings section before it
    first: int | None = None  # index of the section's first non-heading block
    empty: bool = True  # no non-heading block has been read in this section yet
    found: bool = False  # a finding was read in this section
    past: bool = False  # a heading about another period ("Our performance last year")
    heading: str = ""  # its text (evidence only)


@dataclass
class _Cand:
    kind: str
    text: str
    order: int
    sec: int
    number: int | None = None
    title: str | None = None
    labelled: bool = False
    needs_text: bool = False
    title_only: bool = False
    subject: str = ""
    key: str = ""
    coc_parent: "_Cand | None" = None
    recs_after: int = 0
    from_list: bool = False
    in_parts: bool = False  # list items are being read as this finding's parts
    owner: str | None = None  # addressee column of a table of findings
    due: str | None = None  # deadline column of a table of findings
    recogniser: str = "sections"  # evidence: which recogniser read it
    where: str = ""  # evidence: where it was read


_Stated = Stated  # a number the report states of itself (watcher/parse/witnesses.py)


@dataclass
class _State:
    cands: list[_Cand] = field(default_factory=list)
    titles: list[_Cand] = field(default_factory=list)
    stated: list[_Stated] = field(default_factory=list)
    mentioned: set[str] = field(default_factory=set)
    negated: set[str] = field(default_factory=set)
    none_made: set[str] = field(default_factory=set)  # "we make no new recommendations"
    review_seen: bool = False
    table_findings: int = 0


def _classify_heading(text: str) -> dict:
    info: dict = {"kinds": (), "label": None, "num": None, "title": None, "review": False, "new": False,
                  "practice": False, "status": False}
    t = text.strip()
    if _PRACTICE.match(t) or _NOTES_HEADING.match(t):
        info["practice"] = True
        return info
    m = _LABEL.match(t)
    if m:
        kind = _kind_of(m.group("kind"))
        plural = bool(m.group("plural")) or m.group("kind").lower().startswith(("areas", "causes"))
        rest = (m.group("rest") or "").strip()
        if m.group("new"):
            info["new"] = True
        if m.group("year"):
            info["review"] = True
        if not plural and (not rest or m.group("num") or (m.group("sep") or "").strip() or rest[:1].isupper()):
            info["label"] = kind
            info["num"] = int(m.group("num")) if m.group("num") else None
            title = rest.strip(" :.–—-")
            info["title"] = title or None
            info["kinds"] = (kind,)
    if info["label"] is None and len(t.split()) <= 14 and _FINDING_HEADING.match(t):
        kinds = tuple(k for k, rx in _KIND_WORDS if rx.search(t))
        if m and m.group("andrec") and kinds:
            kinds = (COC,)  # "Causes of concern and recommendations": the "should"s are theirs (R6)
        info["kinds"] = kinds
    if _REVIEW_HEADING.search(t) and not _NEW_HEADING.search(t):
        info["review"] = True
    if _NEW_HEADING.search(t):
        info["new"] = True
    if _STATUS_HEADING.match(t) and len(t.split()) <= 6:
        info["status"] = True
        info["review"] = True
    return info


def _title_of_pseudo_label(stack: list[_Sec], level: int, blocks: list[Block], i: int) -> bool:
    """A real heading straight after a label set as a paragraph ("<p>Area for improvement</p>
    <h4>Call handling</h4><p>The force should ...</p>"): the paragraph label has no level of its
    own, so a heading below the section the label sits in, followed by text, is its title."""
    if stack[-1].level != 7 or len(stack) < 2 or level >= 7 or level <= stack[-2].level:
        return False
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return nxt is not None and nxt.kind != "heading" and nxt.container != "footnote" and nxt.box == blocks[i].box


def _heads_own_labels(blocks: list[Block], i: int, level: int, kind: str) -> bool:
    """A bare label heading ("Cause of concern") whose next heading is a deeper label of the
    same kind ("Cause of concern: Responding to the public") names a section of such
    findings, not one finding: the text between them is an introduction (R3: one finding
    is read once, from its own label)."""
    for nb in blocks[i + 1 :]:
        if nb.kind != "heading" or nb.container == "footnote":
            continue
        if (nb.level or 7) <= level:
            return False
        return _classify_heading(nb.text)["label"] == kind
    return False


def _is_actor_subject(subject: str, strict: bool) -> bool:
    if not subject or len(subject) > 250:
        return False
    first = subject.split()[0].lower().strip("(\"'“‘")
    if first in NON_ACTOR_START:
        return False
    if _WE_SUBJECT.search(subject) or _REPORTED.search(subject):
        return False
    if strict:
        acts = resolve_actors(subject)
        return bool(acts.addressees) and len(subject.split()) <= 16
    return True


_PAST_VERBS = {"made", "identified", "found", "raised", "gave"}


def _collect_stated(text: str, st: _State, progressish: bool, prev: str = "") -> None:
    """The numbers the report states of itself in `text` (`prev`: the paragraph before it,
    whose last sentence may say which report a "We made 43 recommendations" was about)."""
    low = text.lower()
    if "recommendation" not in low and "improve" not in low and "of concern" not in low:
        return  # _STATED needs one of its kinds; most blocks have none (and the scan is slow)
    for m in _STATED.finditer(text):
        start, end = m.span()
        pre = text[max(0, start - 160) : start]
        cut = max(pre.rfind(". "), pre.rfind("; "), pre.rfind(": "))
        sentence_pre = pre[cut + 1 :] if cut >= 0 else pre
        clause_pre = re.split(r",|\band\b|\bbut\b", sentence_pre)[-1]
        post = text[end : end + 120]
        post = re.split(r"[.;:]\s", post)[0]
        clause_post = re.split(r",|\band\b|\bbut\b|\bof which\b", post)[0]
        if not _STATED_SUBJECT.search(sentence_pre):
            continue
        if _PAST_REF.search(clause_pre) or _PAST_REF.search(clause_post):
            continue
        if _PAST_REF.search(sentence_pre) and not _PRESENT_SUBJECT.search(clause_pre):
            continue
        if m.group("verb").lower() in _PAST_VERBS and _PAST_REF.search(pre[: cut + 1] if cut >= 0 else ""):
            continue  # "In 2024 to 2025 we published 87 reports. We made 214 ...": another period's total
        if m.group("verb").lower() in _PAST_VERBS and cut < 0 and len(pre) < 160 and prev \
                and _PAST_REF.search(re.split(r"(?<=[.!?])\s+", prev.strip())[-1]):
            continue  # the same, the earlier sentence closing the paragraph before
        if _SUBSET.search(sentence_pre) or _SUBSET.search(clause_post) or _SUBSET_POST.match(clause_post):
            continue
        verb = m.group("verb").lower()
        if verb in ("made", "found", "identified", "raised", "set out") and progressish:
            # "We made nine recommendations": in a progress report that is the earlier report
            if not re.search(r"\b(?:have|has)\s*$", text[max(0, start - 8) : start]):
                continue
        word = m.group("num").lower()
        num = int(word) if word.isdigit() else _NUM_WORDS[word]
        if num <= 0:
            continue
        st.stated.append(_Stated(_kind_of(m.group("kind")), num, m.group("num")))
        pos = end
        while (more := _STATED_MORE.match(text, pos)) is not None:
            # "..., with two recommendations, and four areas for improvement": the same statement
            pos = more.end()
            if _SUBSET_POST.match(text[pos : pos + 80]):
                break  # "and two to the Home Office": a part of the count, not a kind's total
            w = more.group("num").lower()
            n = int(w) if w.isdigit() else _NUM_WORDS[w]
            if n > 0:
                st.stated.append(_Stated(_kind_of(more.group("kind")), n, more.group("num")))


def _table_header(cells: list[str], kinds: tuple[str, ...]) -> tuple | None:
    """A header row naming a findings column (and owner/deadline columns), else None."""
    if len(cells) < 2 or any(len(c) > 60 for c in cells):
        return None
    tc = oc = dc = None
    kind = None
    for j, c in enumerate(cells):
        low = c.lower()
        if tc is None and re.search(rf"{_FINDING_WORDS}|\baction\b", low):
            tc = j
            kind = _kind_of(low) if re.search(_FINDING_WORDS, low) else (kinds[0] if kinds else REC)
        elif re.search(_FINDING_WORDS, low):
            continue
        elif oc is None and re.search(r"\b(?:owner|lead|responsib|addressee|actor|who|organisation|body|for)\b", low):
            oc = j
        elif dc is None and re.search(r"\b(?:deadline|by when|date|timescale|due|when)\b", low):
            dc = j
    if tc is None or (oc is None and dc is None):
        return None
    return (kind, tc, oc, dc)


@dataclass
class Walk:
    """The walker's reading state, shared by its steps: each block may change it for the next."""

    blocks: list[Block]
    st: _State = field(default_factory=_State)
    stack: list[_Sec] = field(default_factory=lambda: [_Sec(level=0, serial=0)])
    serial: int = 0
    open_: _Cand | None = None  # the finding being read (later text may continue it)
    cur_box: int | None = None
    saved_stack: list[_Sec] = field(default_factory=list)
    box_practice: bool = False
    table_review: bool = False
    table_cols: tuple | None = None
    lead_in: dict | None = None  # "Chief constables should:" governing the items that follow
    progressish: bool = False  # any review heading at all (for the stated-number check)

    def __post_init__(self) -> None:
        self.progressish = any(b.kind == "heading" and _REVIEW_HEADING.search(b.text) for b in self.blocks)

    def ctx(self) -> tuple[tuple[str, ...], bool, bool, _Sec | None]:
        """The kinds the open sections read, whether a review or practice box is open, and
        the innermost unspent label section."""
        review = False
        practice = False
        for s in self.stack:
            if s.new:
                review = False
            elif s.review:
                review = True
            practice = practice or s.practice
        kinds: tuple[str, ...] = ()
        label_sec = None
        for s in reversed(self.stack):
            if s.label and not s.spent and label_sec is None:
                label_sec = s
            if s.kinds and not s.spent:
                kinds = s.kinds
                break
        return kinds, review, practice, label_sec

    def new_cand(self, kind: str, text: str, order: int, recogniser: str = "sections", **kw) -> _Cand:
        c = _Cand(kind=kind, text=text, order=order, sec=self.stack[-1].serial, recogniser=recogniser,
                  where=self.where(order), **kw)
        self.st.cands.append(c)
        self.stack[-1].found = True
        return c

    def rollback(self, sec_serial: int) -> None:
        """A section turned out to be a review ("Status: Incomplete"): drop what it read."""
        self.st.cands[:] = [c for c in self.st.cands if c.sec != sec_serial]
        self.st.review_seen = True
        self.open_ = None

    def enter(self, b: Block) -> bool:
        """Enter a block: leave or enter a box, reset the table and lead-in a block ends;
        False for a block never read (a footnote, or an empty one)."""
        if b.box != self.cur_box:
            if self.cur_box is not None:
                self.stack[:] = self.saved_stack  # headings inside a box do not outlive it
            # a box is a unit of its own: a finding open before it does not run into it, and
            # one read inside it does not run on past it (nor does a lead-in's kind)
            self.open_ = None
            self.lead_in = None
            self.cur_box = b.box
            self.box_practice = False
            if b.box is not None:
                self.saved_stack = list(self.stack)
                self.box_practice = bool(_PRACTICE.match(b.text) or (b.lead and _PRACTICE.match(b.lead)))
        if b.container == "footnote":
            return False  # a footnote or endnote is never a finding, and does not end one
        if b.kind != "cell_row":
            self.table_review = False
            self.table_cols = None
        if b.kind != "item":
            self.lead_in = None
        return bool(b.text)

    def read_finding(self, at: "At", kind: str, recogniser: str) -> _Cand:
        """Open a finding read from `at`'s "should" sentence (or cause-of-concern item): its
        number from a numbered item, its title from a bold lead-in or, for an AFI or cause of
        concern, from the specific heading just above."""
        b, i = at.b, at.i
        number = None
        if b.kind == "item" and b.marker and b.marker.isdigit() and b.level <= 1 and len(b.marker) <= 3:
            number = int(b.marker)
        title = at.title
        if title is None and kind in (AFI, COC):
            for j in range(i - 1, max(-1, i - 3), -1):
                pb = self.blocks[j]
                if pb.kind != "heading":
                    break
                hi = _classify_heading(pb.text)
                if not hi["kinds"] and not hi["review"] and not hi["practice"] and len(pb.text) <= 120:
                    title = pb.text.strip(" :.")
                elif hi["label"] and hi["title"]:
                    title = hi["title"]
                break
        c = self.new_cand(kind, at.body, i, recogniser=recogniser, number=number, title=title,
                          from_list=b.kind == "item")
        c.subject = at.subject
        self.open_ = c
        # A sentence ending "... should:" keeps its items as parts of this one finding
        # (counting-rules.md R3): the open finding ends in ":", so the items join it (parts.py).
        self.st.mentioned.add(kind)
        return c

    def title_of(self, at: "At", kind: str, recogniser: str) -> None:
        """A summary list's short title, matched to the chapters' findings by title (R3)."""
        self.st.titles.append(_Cand(kind=kind, text=at.body, order=at.i, sec=self.stack[-1].serial,
                                    title_only=True, recogniser=recogniser, where=self.where(at.i)))

    def at(self, i: int, b: Block) -> "At":
        """Open a non-heading block: mark its section begun and read the context it sits in."""
        top = self.stack[-1]
        if top.empty:
            top.empty = False
            top.first = i
        elif top.inherited and not top.spent and (self.open_ is None or self.open_.order < top.first):
            top.spent = True  # an inherited title's kind covers its first finding only
        kinds, review, practice, label_sec = self.ctx()
        return At(i, b, b.text, top, kinds, review, practice, label_sec)

    def where(self, i: int) -> str:
        """Evidence: the block and the headings it sits under."""
        path = " > ".join(s.heading[:40] for s in self.stack if s.heading)
        return f"block {i} ({path or 'top'})"


@dataclass
class At:
    """One non-heading block and the section context the walker reads it in."""

    i: int
    b: Block
    text: str
    top: _Sec
    kinds: tuple[str, ...]
    review: bool
    practice: bool
    label_sec: _Sec | None
    lab: re.Match | None = None  # the block's own label ("Recommendation 3: ..."), see labelled.py
    lab_text: str | None = None  # the label's finding text in the same block, if any
    body: str | None = None  # the text without a bold title lead-in (see `split`)
    title: str | None = None
    ss: tuple[str, str] | None = None  # (subject, rest) of its "should" sentence
    subject: str = ""

    def split(self) -> None:
        """Split a bold title lead-in ("Crime recording. The force should ...") from the
        text, and find the sentence's subject (once per block)."""
        if self.body is not None:
            return
        lead, text = self.b.lead, self.text
        self.body = text
        if lead and len(lead) <= 100 and not MODAL.search(lead) and not re.search(r"\d{4}", lead):
            remainder = text[len(lead):].strip() if text.startswith(lead) else ""
            remainder = remainder.lstrip(":.–—- ").strip()
            if remainder[:1].isupper() and MODAL.search(remainder):
                self.title, self.body = lead.strip(" :.–—-"), remainder
        self.ss = split_subject(self.body)
        self.subject = self.ss[0] if self.ss else ""

    def recontext(self, w: Walk) -> None:
        """After a label or title section is spent, its kinds no longer govern what follows."""
        self.kinds, self.review, self.practice, self.label_sec = w.ctx()
