"""A findings list under a findings heading ("Recommendations", "Areas for improvement").

Every "should" sentence whose subject is an actor, under a heading that names a kind, is
a finding of that kind (R3); under a heading naming both, a deadline makes it a
recommendation. Short items under an AFI heading are a summary list's titles (R3). The
headings of accordions and definition lists arrive as headings, so their panels read here.
"""

from __future__ import annotations

from watcher.parse.actors import deadline
from watcher.parse.recognisers import Step, register_step
from watcher.parse.recognisers.walk import At, Walk, _is_actor_subject
from core.vocabulary import AFI, REC, _DATE_LEAD


@register_step
class FindingsList(Step):
    name = "findings_list"

    def read(self, w: Walk, at: At) -> bool:
        kinds = at.kinds
        if not kinds:
            return False
        at.split()
        b, body, ss = at.b, at.body, at.ss
        if ss and _is_actor_subject(at.subject, False):
            if REC in kinds and AFI in kinds:
                kind = REC if deadline(body) or _DATE_LEAD.match(body) else AFI
            else:
                kind = AFI if AFI in kinds else REC
            w.read_finding(at, kind, self.name)
        elif not ss and not at.review and AFI in kinds and b.kind == "item" and len(body) <= 160 \
                and not body.rstrip().endswith(":"):
            w.title_of(at, AFI, self.name)
        return True


@register_step
class DatedRecommendation(Step):
    """ "By 31 March 2026, chief constables should ..." standing on its own, under no
    findings heading: a recommendation (its subject must name a real addressee)."""

    name = "dated"

    def read(self, w: Walk, at: At) -> bool:
        at.split()
        body, ss = at.body, at.ss
        if ss and not at.kinds and _DATE_LEAD.match(body) and _is_actor_subject(at.subject, True) \
                and not body.startswith(("\"", "“", "'", "‘")):
            w.read_finding(at, REC, self.name)
        return True
