"""The rest of an open finding: its text after a bare label, its parts, its continuation.

A label ("Recommendation 3", "Area for improvement") takes the next paragraph as its text;
a finding ending "... should:" takes the items that follow as its parts, as do lettered
items ((a), (b)) and "(i)" paragraphs (R3: one finding, parts included); "It should also
..." by the same subject continues it. Anything else closes the finding, and a label
section whose finding is read is spent (later text under it is its chapter's).
"""

from __future__ import annotations

import re

from watcher.parse.blocks import normalise_space
from watcher.parse.recognisers import Step, register_step
from watcher.parse.recognisers.walk import At, Walk, _is_actor_subject
from core.vocabulary import COC, _CONT_START, _CONT_SUBJECT, _LETTER_MARKER, _PART


def _is_part(at: At, open_text: str, in_parts: bool) -> bool:
    b, body, ss, subject = at.b, at.body, at.ss, at.subject
    actor = bool(ss) and _is_actor_subject(subject, False)
    if b.kind == "item":
        if b.marker and b.marker.isdigit() and actor and not open_text.rstrip().endswith(":"):
            return False
        return open_text.rstrip().endswith(":") or in_parts or bool(
            b.marker and _LETTER_MARKER.match(b.marker) and not b.marker.isdigit())
    if _PART.match(body) and not (actor and not body.lstrip().startswith("(")):
        return True
    return open_text.rstrip().endswith(":") and b.kind == "paragraph" and len(body) < 400 and not actor


@register_step
class OpenFinding(Step):
    name = "parts"

    def read(self, w: Walk, at: At) -> bool:
        o = w.open_
        if o is None:
            return False
        at.split()
        b, body, ss, subject = at.b, at.body, at.ss, at.subject
        if o.needs_text:
            o.text = body
            o.needs_text = False
            if at.title and not o.title:
                o.title = at.title
            o.subject = subject
            return True
        is_part = _is_part(at, o.text, o.in_parts)
        if is_part or _CONT_START.match(body) or (ss and _CONT_SUBJECT.match(subject)):
            o.text = normalise_space(o.text + " " + body)
            o.in_parts = is_part and b.kind == "item"
            return True
        if ss and re.search(r"\bshould also\b", body, re.I) and subject.lower() == o.subject.lower():
            o.text = normalise_space(o.text + " " + body)
            return True
        # the finding is complete; a label section is spent (later text is its chapter's)
        top, label_sec = at.top, at.label_sec
        if label_sec is not None and o.labelled and label_sec.label != COC:
            label_sec.spent = True
            at.recontext(w)
        elif top.inherited and not top.spent and top.first is not None and o.order >= top.first:
            top.spent = True
            at.recontext(w)
        w.open_ = None
        return False
