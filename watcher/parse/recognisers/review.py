"""Review and progress sections (R1): what a report says of earlier findings is not its own.

A section whose heading names a review ("Progress against our 2023 recommendations") is
marked by the walker's headings; this step reads the paragraphs that turn a section into
a review after the fact ("Status: Incomplete" under "Recommendation 3": the finding above
was a quote, so what the section read is dropped), and skips the page's reading
instructions ("Select each heading to see the detail").
"""

from __future__ import annotations

from watcher.parse.recognisers import Step, register_step
from watcher.parse.recognisers.labelled import own_label
from watcher.parse.recognisers.walk import At, Walk
from core.vocabulary import _READER_NOTE, _STATUS_PARA


@register_step
class StatusParagraph(Step):
    name = "status"

    def read(self, w: Walk, at: At) -> bool:
        if at.b.kind == "paragraph" and _READER_NOTE.match(at.text):
            return True  # the page's instructions, not text
        if not _STATUS_PARA.match(at.text):
            return False
        if not at.review:
            w.rollback(w.stack[-1].serial)
            w.stack[-1].review = True
        return True


@register_step
class ReviewText(Step):
    """Inside a review section only an explicitly new finding counts ("New recommendation");
    a label with a year ("Recommendation 3 (2023)") is an earlier report's."""

    name = "review"

    def read(self, w: Walk, at: At) -> bool:
        at.lab, at.lab_text = own_label(at.b)
        if at.review and not (at.lab is not None and at.lab.group("new")):
            return True
        if at.lab is not None and at.lab.group("year"):
            w.st.review_seen = True
            w.open_ = None
            return True
        return False
