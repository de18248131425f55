"""A lead-in sentence followed by items: "Chief constables should:" then one item each.

Each numbered or bulleted item under a lead-in heading is one finding of the lead-in's
kind (R3), addressed to the lead-in's subject unless the item names its own; lettered
items ((a), (b)) are parts of one finding, read by the "should" step.
"""

from __future__ import annotations

from watcher.parse.actors import split_subject
from watcher.parse.blocks import normalise_space
from watcher.parse.recognisers import Step, register_step
from watcher.parse.recognisers.walk import At, Walk, _is_actor_subject
from core.vocabulary import AFI, REC, _CONT_SUBJECT


def open_lead_in(w: Walk, text: str, kinds: tuple[str, ...]) -> None:
    """A lead-in heading: remember its subject and kind for the items that follow."""
    ss = split_subject(text)
    if ss and _is_actor_subject(ss[0], False):
        kind = AFI if kinds == (AFI,) else REC
        w.lead_in = {"subject": ss[0], "sentence": text, "kind": kind, "cand": None}


@register_step
class LeadInItems(Step):
    name = "lead_in"

    def read(self, w: Walk, at: At) -> bool:
        b, text = at.b, at.text
        if w.lead_in is None or b.kind != "item" or not b.marker or at.review \
                or not (b.marker.isdigit() or b.marker == "•"):
            return False
        if w.lead_in["cand"] is not None and w.lead_in["cand"] in w.st.cands:
            w.st.cands.remove(w.lead_in["cand"])
            w.lead_in["cand"] = None
        own = split_subject(text)
        if own and _is_actor_subject(own[0], False) and not _CONT_SUBJECT.match(own[0]):
            c = w.new_cand(w.lead_in["kind"], text, at.i, recogniser=self.name)
            c.subject = own[0]
        else:
            c = w.new_cand(w.lead_in["kind"], normalise_space(w.lead_in["sentence"] + " " + text), at.i,
                           recogniser=self.name)
            c.subject = w.lead_in["subject"]
        if b.marker.isdigit() and len(b.marker) <= 3:
            c.number = int(b.marker)
        w.st.mentioned.add(c.kind)
        w.open_ = c
        return True
