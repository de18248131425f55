"""A labelled finding: "Recommendation 3", "Area for improvement 2: Call handling", "AFI 4".

The labels a report numbers its own findings with are a witness that does not depend on
how the text under them is laid out: a report that labels "Recommendation 1" to
"Recommendation 7" makes at least seven recommendations (R3: one numbered finding is one
finding). Labels under a review of earlier findings (R1), in practice boxes or notes, and
labels with a year ("Recommendation 3 (2023)") are not this report's.
"""

from __future__ import annotations

from collections.abc import Iterator

from watcher.parse.recognisers import Candidate, Doc, Recogniser, register
from core.vocabulary import _LABEL, _kind_of


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
