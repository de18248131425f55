"""A findings table: a header row naming a findings column, then one finding per row.

"Recommendation | Owner | Deadline" tables give each finding its addressee and deadline
in their own columns. A table with a status column or status cells ("Complete",
"Partially achieved") is a review of earlier findings (R1), never this report's own.
"""

from __future__ import annotations

import re

from watcher.parse.recognisers import Step, register_step
from watcher.parse.recognisers.walk import At, Walk, _table_header
from core.vocabulary import _STATUS_HEADER_CELL, _STATUS_WORDS


@register_step
class FindingsTable(Step):
    name = "table"

    def read(self, w: Walk, at: At) -> bool:
        b, i, text = at.b, at.i, at.text
        if b.kind != "cell_row":
            return False
        if _STATUS_HEADER_CELL.search(text) or _STATUS_WORDS.search(text):
            w.table_review = True
            w.st.review_seen = True
        if w.table_review or at.review:
            return True
        cells = list(b.cells) or [text]
        if w.table_cols is None and (i == 0 or w.blocks[i - 1].kind != "cell_row"):
            w.table_cols = _table_header(cells, at.kinds)
            if w.table_cols is not None:
                return True
        if not w.table_cols:
            return False  # rows of a table without a findings column: read as text
        kind, tc, oc, dc = w.table_cols
        cell = cells[tc] if tc < len(cells) else ""
        if len(re.findall(r"[A-Za-z]{2,}", cell)) >= 4:
            mnum = re.match(r"^\s*(\d{1,3})[.)]?\s+(\S.*)$", cell)
            c = w.new_cand(kind, mnum.group(2) if mnum else cell, i, recogniser=self.name,
                           number=int(mnum.group(1)) if mnum else None)
            c.owner = cells[oc] if oc is not None and oc < len(cells) and cells[oc] else None
            c.due = cells[dc] if dc is not None and dc < len(cells) and cells[dc] else None
            w.st.table_findings += 1
            w.st.mentioned.add(kind)
            w.open_ = c
        return True
