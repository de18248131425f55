"""Unlabelled "The force should ..." paragraphs in a report on one force.

Some themes set a force-specific report's areas for improvement as plain paragraphs, with
no label, heading or box to mark them. In a report on one police force (or one fire and
rescue service) a paragraph whose sentence subject is the force ("The force should",
"West Midlands Police should", "The service should") is an AFI (R5, R7). This recogniser
only fills a gap: it is used when the section walker read no finding at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from watcher.parse.actors import split_subject
from watcher.parse.recognisers import Candidate, Doc, Recogniser, register
from core.vocabulary import AFI, _REPORTED

_SUBJECT = re.compile(r"^(?:the\s+)?(?:force|service|constabulary|chief constable|chief fire officer)$", re.I)


@register
class UnlabelledForceShould(Recogniser):
    name = "force_should"

    def find(self, doc: Doc) -> Iterator[Candidate]:
        if len(doc.forces) != 1:
            return
        own = doc.forces[0].lower()
        for i, b in enumerate(doc.blocks):
            if b.kind not in ("paragraph", "item") or b.container in ("footnote", "table"):
                continue
            ss = split_subject(b.text)
            if not ss or not re.match(r"\s*should\b", ss[1], re.I):
                continue
            subject = ss[0].strip()
            if not (_SUBJECT.match(subject) or subject.lower() == own) or _REPORTED.search(b.text[:200]):
                continue
            if not b.text.lstrip().lower().startswith(subject.lower()[:12]):
                continue  # "Guidance says the force should": the subject must open the paragraph
            sec = doc.section_of[i]
            if sec.reviewing or sec.not_findings:
                continue
            yield Candidate(kind=AFI, text=b.text, recogniser=self.name,
                            where=f"unlabelled paragraph ({sec.where()})", order=i)
