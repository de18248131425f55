"""A cause of concern with its recommendations (R6).

Under a "Cause of concern" label the "should" sentences that follow are the
recommendations that answer it; under a "Causes of concern" list heading each item is a
cause of concern, or, when it is a short title, a summary list's title matched to the
chapter's cause of concern (R3).
"""

from __future__ import annotations

from watcher.parse.actors import MODAL
from watcher.parse.recognisers import Step, register_step
from watcher.parse.recognisers.walk import At, Walk, _is_actor_subject
from core.vocabulary import AFI, COC, REC, _PROSE_START, _STATED, _TITLE_LIKE


@register_step
class CauseOfConcern(Step):
    name = "cause_of_concern"

    def read(self, w: Walk, at: At) -> bool:
        at.split()
        coc_label = at.label_sec is not None and at.label_sec.label == COC
        kinds = (COC,) if coc_label else at.kinds
        if COC not in kinds:
            return False
        b, body, ss = at.b, at.body, at.ss
        if ss and _is_actor_subject(at.subject, False):
            if coc_label or (REC not in kinds and AFI not in kinds):
                w.read_finding(at, REC, self.name)  # R6: recommendations that follow a cause of concern
                return True
            return coc_label  # a list naming several kinds: findings_list decides
        if coc_label:
            return True
        if ss or at.review or kinds != (COC,) or b.kind != "item":
            return False
        if _TITLE_LIKE.match(body) and not MODAL.search(body):
            w.title_of(at, COC, self.name)
            return True
        if not _PROSE_START.match(body) and not body.rstrip().endswith(":") and not _STATED.search(body) \
                and len(body) > 15:
            w.read_finding(at, COC, self.name)
            return True
        return False
