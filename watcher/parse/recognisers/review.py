"""Review and progress sections (R1): what a report says of earlier findings is not its own.

A section whose heading names a review ("Progress against our 2023 recommendations") is
marked by the walker's headings; this step reads the paragraphs that turn a section into
a review after the fact ("Status: Incomplete" under "Recommendation 3": the finding above
was a quote, so what the section read is dropped), and skips the page's reading
instructions ("Select each heading to see the detail").
"""

from __future__ import annotations

from watcher.parse.recognisers import Step, register_step
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
