"""A summary list: "We have identified the following areas for improvement:" + titles.

Child protection and PEEL reports often open with such a list of short titles, the
findings' full text following in the chapters (or not at all in the HTML). Its items are
the report's own list of its findings: a witness of the count (R3: a summary and its
chapter copy are one finding), and the findings themselves when nothing else was read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from watcher.parse.recognisers import Candidate, Doc, Recogniser, register
from core.vocabulary import _NUM_RE, _kind_of

# "We have identified the following areas for improvement:", "We found these five causes
# of concern:", "The areas for improvement we identified are:", "Our recommendations are:"
INTRO = re.compile(
    r"\b(?:we(?:\s+have)?|this (?:report|inspection)(?:\s+has)?|inspectors(?:\s+have)?)\s+(?:also\s+)?"
    r"(?:identified|found|made|make|set out|raised|give|gives|makes|identifies)\s+"
    rf"(?:the following|these|(?:the following\s+)?(?:{_NUM_RE}))\s+(?:(?:{_NUM_RE})\s+)?"
    r"(?P<kind>recommendations?|areas? for improvement|causes? of concern)\b[^:.;]{0,80}:\s*$"
    r"|\b(?:the|our)\s+(?P<kind2>recommendations|areas for improvement|causes of concern)\s+"
    r"(?:(?:that\s+)?we\s+(?:have\s+)?(?:identified|found|made|make|raised)\s+)?(?:are|is)\s*(?:as follows)?\s*:\s*$",
    re.I,
)
_MAX_TITLE = 200
_LAST_SENTENCE = re.compile(r"(?<=[.!?])\s+|,\s+and\s+(?=we\b)")


@register
class SummaryList(Recogniser):
    name = "summary_list"

    def find(self, doc: Doc) -> Iterator[Candidate]:
        blocks = doc.blocks
        for i, b in enumerate(blocks):
            if b.kind not in ("paragraph", "heading") or not b.text.rstrip().endswith(":"):
                continue
            m = INTRO.search(_LAST_SENTENCE.split(b.text)[-1])
            if m is None:
                continue
            sec = doc.section_of[i]
            if sec.reviewing or sec.not_findings:
                continue
            kind = _kind_of(m.group("kind") or m.group("kind2"))
            items = []
            for j in range(i + 1, len(blocks)):
                nb = blocks[j]
                if nb.kind != "item" or nb.box != b.box or nb.container == "footnote":
                    break
                if (nb.level or 1) == 1:
                    items.append((j, nb))
            for j, nb in items:
                text = nb.text.strip()
                short = len(text) <= _MAX_TITLE and kind != "recommendation"
                yield Candidate(kind=kind, text=text, recogniser=self.name,
                                where=f"summary list after '{b.text[:70]}' ({sec.where()})",
                                order=j, title=text if short else None, title_only=short)
