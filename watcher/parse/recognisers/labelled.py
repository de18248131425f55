"""A labelled finding: "Recommendation 3", "Area for improvement 2: Call handling", "AFI 4".

The labels a report numbers its own findings with are a witness that does not depend on
how the text under them is laid out: a report that labels "Recommendation 1" to
"Recommendation 7" makes at least seven recommendations (R3: one numbered finding is one
finding). Labels under a review of earlier findings (R1), in practice boxes or notes, and
labels with a year ("Recommendation 3 (2023)") are not this report's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from watcher.parse.actors import MODAL, split_subject
from watcher.parse.blocks import Block
from watcher.parse.recognisers import Candidate, Doc, Recogniser, Step, register, register_step
from watcher.parse.recognisers.walk import At, Walk
from core.vocabulary import LABEL_ONLY, _LABEL, _kind_of


def own_label(b: Block) -> tuple[re.Match | None, str | None]:
    """A paragraph's or item's label of one finding, and the finding text after it:
    a bold lead-in label ("<b>Recommendation 3</b> Chief constables should ..."), a
    numbered label with a title ("Recommendation 3 Call handling"), or a label and its
    finding in one line ("Area for improvement: the force should ...")."""
    text, lead = b.text, b.lead
    m = _LABEL.match(lead) if lead else None
    if m is None:
        m2 = _LABEL.match(text)
        if m2 and not m2.group("plural") and (
                (m2.group("num") and (m2.group("rest") or "")[:1].isupper())
                or (":" in (m2.group("sep") or "") and MODAL.search(m2.group("rest") or ""))):
            m = m2
    if m is None or m.group("plural") or m.group("kind").lower().startswith(("areas", "causes")):
        return None, None
    lab_text = text[len(lead):].strip(" :.–—-") if (lead and _LABEL.match(lead)) else (m.group("rest") or "").strip()
    return m, lab_text


@register
class LabelledFinding(Recogniser):
    name = "labelled"

    def find(self, doc: Doc) -> Iterator[Candidate]:
        for i, b in enumerate(doc.blocks):
            if b.container == "footnote":
                continue
            text = b.lead if (b.kind != "heading" and b.lead) else b.text
            if b.kind not in ("heading", "paragraph") or len(text) > 120:
                continue
            m = _LABEL.match(text)
            if m is None or not m.group("num") or m.group("plural") or m.group("year"):
                continue
            if m.group("kind").lower().startswith(("areas", "causes")):
                continue
            sec = doc.section_of[i]
            if (sec.reviewing and not m.group("new")) or sec.not_findings:
                continue
            yield Candidate(kind=_kind_of(m.group("kind")), text=text, recogniser=self.name,
                            where=f"label '{text[:40]}' ({sec.where()})", order=i,
                            number=int(m.group("num")), fills_gap=False)


@register_step
class LabelledText(Step):
    """A label in the text itself opens one finding: its text follows in the same block or
    the next one (which the "parts" step fills in)."""

    name = "labelled_text"

    def read(self, w: Walk, at: At) -> bool:
        b, lab, text = at.b, at.lab, at.text
        if lab is None:
            if b.kind in ("paragraph", "item") and LABEL_ONLY.match(text):
                bare = _LABEL.match(text)
                if not bare.group("plural") and not bare.group("kind").lower().startswith(("areas", "causes")):
                    # a bare label ("AREA FOR IMPROVEMENT") the walker could not attach to a text:
                    # the report still names that kind as its own, so reading none of it is a doubt
                    w.st.mentioned.add(_kind_of(bare.group("kind")))
            return False
        kind = _kind_of(lab.group("kind"))
        w.st.mentioned.add(kind)
        num = int(lab.group("num")) if lab.group("num") else None
        title = None
        body = at.lab_text or ""
        if b.lead and _LABEL.match(b.lead):
            rest_of_lead = (lab.group("rest") or "").strip(" :.–—-")
            if rest_of_lead and rest_of_lead != body:
                title = rest_of_lead
        w.open_ = w.new_cand(kind, body, at.i, recogniser=self.name, number=num, title=title, labelled=True,
                             needs_text=not body)
        if body:
            w.open_.subject = (split_subject(body) or ("", ""))[0]
        return True
