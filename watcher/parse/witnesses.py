"""Witnesses: what a report says about its own findings, checked against what was read.

A reading is checked against evidence that does not depend on it (docs/counting-rules.md,
"Doubt"): a number the report states ("we have identified seven areas for improvement"),
a summary list of N titles, the report naming a kind of finding it makes ("the areas for
improvement we have identified") when none of that kind was read. Whatever disagrees
becomes a typed `ParseWarning` naming the count it doubts (`field`). A reading every
witness agrees with carries no warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.models import ParseWarning
from core.vocabulary import AFI, COC, REC, _KIND_NAMES, _SINGULAR, _kind_of

__all__ = ["FIELD", "Stated", "Summary", "check", "kinds_named", "stated_warning", "warning_line"]

#: the count field each kind of finding is counted in
FIELD = {REC: "recommendations", AFI: "areas_for_improvement", COC: "causes_of_concern"}


@dataclass
class Stated:
    """ "We make nine recommendations": a number the report states of itself."""

    kind: str
    num: int
    word: str
    where: str = "report text"


@dataclass
class Summary:
    """A summary list of `num` findings of one kind (recognisers/summary_list.py)."""

    kind: str
    num: int
    where: str


# The report names a kind of finding as its own: "the areas for improvement we have
# identified", "we have identified a number of areas for improvement", "our causes of concern".
_NAMED = re.compile(
    r"\bthe\s+(?P<k1>recommendations|areas for improvement|causes of concern)\s+(?:that\s+)?we\s+"
    r"(?:have\s+)?(?:identified|found|made|make|raised|set out)\b"
    r"|\bwe\s+(?:have\s+)?(?:identified|found)\s+(?:the following|a number of|several|some|these)\s+"
    r"(?P<k2>recommendations?|areas? for improvement|causes? of concern)\b"
    r"|\b(?:we|i)\s+have\s+(?:also\s+)?(?:identified|found|raised)\s+(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?"
    r"(?:\w+\s+)?(?P<k3>areas?\s+(?:where|in which)\s+the\s+(?:force|service)\s+(?:needs|should|must)\s+to\s+improve)",
    re.I,
)


def kinds_named(texts, where=str) -> dict[str, str]:
    """Kinds of finding the report names as its own, each with where it says so
    (`texts`: (text, place) pairs; `where(place)` says where, asked only on a match).

    Only asked of a report on one force or service: a national plan or framework speaks of
    "the recommendations we make" in general, and that is not this report's finding."""
    out: dict[str, str] = {}
    for text, place in texts:
        low = text.lower()
        if "we" not in low or ("recommendation" not in low and "improve" not in low and "concern" not in low):
            continue
        for m in _NAMED.finditer(text):
            word = m.group("k1") or m.group("k2") or ("area for improvement" if m.group("k3") else "")
            out.setdefault(_kind_of(word), where(place))
    return out


def stated_warning(kind: str, s: Stated, n: int) -> ParseWarning:
    name = _KIND_NAMES[kind] if s.num != 1 else _SINGULAR[kind]
    return ParseWarning(
        kind="stated_count", field=FIELD[kind], expected=s.num, found=n, where=s.where,
        message=f"Report says it makes {s.word} {name}; {n} were extracted",
    )


def check(counts: dict[str, int], stated: list[Stated], summaries: list[Summary],
          named: dict[str, str], mentioned: set[str], negated: set[str],
          labels: list[Summary] = ()) -> list[ParseWarning]:
    """The typed warnings for one reading: each witness that disagrees with the counts.

    A stated number wins over a summary list (it is the report's own total); a summary
    list is checked only where no number is stated; "names a kind but none read" only
    where neither says anything. `mentioned` are the kinds a findings heading or label
    names (the walker's own evidence); `negated` the kinds the report says it makes none of.
    `labels` (distinct numbered labels of a kind, "Recommendation 1" to "Recommendation 7")
    are a floor: fewer findings than labels is a doubt.
    """
    out: list[ParseWarning] = []
    top: dict[str, Stated] = {}
    for s in stated:
        if s.kind not in top or s.num > top[s.kind].num:
            top[s.kind] = s
    lists: dict[str, Summary] = {}
    for s in summaries:
        if s.kind not in lists or s.num > lists[s.kind].num:
            lists[s.kind] = s
    floors = {s.kind: s for s in labels}
    for kind in (REC, AFI, COC):
        n = counts.get(kind, 0)
        if kind in floors and n < floors[kind].num and kind not in top:
            s = floors[kind]
            out.append(ParseWarning(
                kind="labelled_count", field=FIELD[kind], expected=s.num, found=n, where=s.where,
                message=f"The report labels {s.num} {_KIND_NAMES[kind]}; {n} were extracted"))
            continue
        if kind in top:
            if top[kind].num != n:
                out.append(stated_warning(kind, top[kind], n))
            continue
        if kind in lists and lists[kind].num != n:
            s = lists[kind]
            out.append(ParseWarning(
                kind="summary_list", field=FIELD[kind], expected=s.num, found=n, where=s.where,
                message=f"A summary list names {s.num} {_KIND_NAMES[kind] if s.num != 1 else _SINGULAR[kind]}; "
                        f"{n} were extracted"))
            continue
        if n == 0 and kind not in negated and (kind in mentioned or kind in named):
            where = named.get(kind, "a findings heading or label")
            out.append(ParseWarning(
                kind="kind_named_none_read", field=FIELD[kind], expected="at least 1", found=0, where=where,
                message=f"Report text mentions '{_KIND_NAMES[kind]}' but none were extracted"))
    return out


def warning_line(value) -> str:
    """One line for people: the warning's sentence and the count or fact it doubts
    ("Report says it makes seven areas for improvement; 0 were extracted (doubts:
    areas_for_improvement)"). Old string warnings are shown as they were stored."""
    w = ParseWarning.from_stored(value)
    return f"{w.message} (doubts: {w.field})" if w.field else w.message
