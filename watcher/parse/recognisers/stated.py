"""What a report says of itself: "We make four recommendations", "We make no
recommendations". Never a finding: the witnesses (watcher/parse/witnesses.py) check the
count against these numbers, so this step reads every block and takes none.
"""

from __future__ import annotations

from watcher.parse.recognisers import Step, register_step
from watcher.parse.recognisers.walk import At, Walk, _collect_stated
from core.vocabulary import _NEGATED, _NONE_MADE, _kind_of


@register_step
class StatedNumbers(Step):
    name = "stated"

    def read(self, w: Walk, at: At) -> bool:
        i, b, text = at.i, at.b, at.text
        blocks = w.blocks
        prev = blocks[i - 1].text if i and blocks[i - 1].kind == "paragraph" and blocks[i - 1].box == b.box else ""
        _collect_stated(text, w.st, w.progressish or any(s.past for s in w.stack), prev)
        for nm in _NEGATED.finditer(text):
            w.st.negated.add(_kind_of(nm.group("kind")))
        for nm in _NONE_MADE.finditer(text):
            for g in ("kind", "kind2"):
                if nm.group(g):
                    w.st.none_made.add(_kind_of(nm.group(g)))
        return False
