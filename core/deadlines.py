"""When a finding or a report is due: one reading of "By 31 March 2026", "Within six
months", "immediately" and "within six weeks of the publication of this report".

Relative deadlines count from the report's publication date (docs/obligations.md).
Month arithmetic keeps to the month's last day: six months after 31 August 2025 is
28 February 2026, and one month after 31 January 2028 is 29 February 2028.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from core.dates import MONTH_PATTERN, month_number

_MONTH = MONTH_PATTERN  # core.dates: the one reading of a month's name
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "eighteen": 18, "twenty-four": 24, "twenty four": 24,
}
_COUNT = r"(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty[- ]four)"

ABSOLUTE = re.compile(
    rf"\b(?:by|before|no later than|not later than)\s+(?:the\s+end\s+of\s+)?"
    rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<month>{_MONTH})\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
END_OF_YEAR = re.compile(r"\b(?:by|before)\s+the\s+end\s+of\s+(?P<year>(?:19|20)\d\d)\b", re.I)
RELATIVE = re.compile(
    rf"\b(?:within|in the next|over the next|no later than)\s+{_COUNT}\s+(?P<unit>days?|weeks?|months?|years?)\b"
    r"(?P<tail>[^.;:]{0,80})",
    re.I,
)
IMMEDIATELY = re.compile(r"\b(?:immediately|with immediate effect)\b", re.I)
ACTION_PLAN = re.compile(r"\baction plan\b", re.I)


@dataclass(frozen=True)
class Due:
    """A due date and the words it was worked out from (shown to people as the basis)."""

    on: date
    basis: str


def add_months(start: date, months: int) -> date:
    """``start`` plus whole months, clamped to the last day of the month."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _count(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBERS.get(word.replace("  ", " "))


def absolute_due(text: str) -> Due | None:
    """A stated date: "By 31 March 2026", "by March 2026" (month end), "by the end of 2026"."""
    m = ABSOLUTE.search(text)
    if m:
        year = int(m.group("year"))
        month = month_number(m.group("month"))
        if month:
            last = calendar.monthrange(year, month)[1]
            day = int(m.group("day")) if m.group("day") else last
            if 1 <= day <= last:
                return Due(date(year, month, day), m.group(0).strip())
    m = END_OF_YEAR.search(text)
    if m:
        return Due(date(int(m.group("year")), 12, 31), m.group(0).strip())
    return None


def relative_due(text: str, published: date) -> Due | None:
    """"Within six months", "within three months of this report's publication",
    "within 28 days": counted from the publication date."""
    m = RELATIVE.search(text)
    if not m:
        return None
    n = _count(m.group("n"))
    if not n:
        return None
    unit = m.group("unit").lower().rstrip("s")
    if unit == "day":
        on = published + timedelta(days=n)
    elif unit == "week":
        on = published + timedelta(weeks=n)
    elif unit == "month":
        on = add_months(published, n)
    else:
        on = add_months(published, 12 * n)
    words = m.group(0)
    tail = m.group("tail")
    if tail and not re.match(r"\s*(?:of|from|after)\b", tail, re.I):
        words = words[: len(words) - len(tail)]
    return Due(on, words.strip().rstrip(","))


def due_date(text: str, published: date | None) -> Due | None:
    """The first deadline a finding's text states, absolute or relative, or None.

    Only the opening of the finding is read: a deadline is stated up front ("By …,",
    "Within six months, …") or in the main clause, not in quoted background further on.
    """
    head = (text or "")[:400]
    found = []
    if (a := absolute_due(head)) is not None:
        found.append((head.lower().find(a.basis.lower()), a))
    if published is not None:
        if (r := relative_due(head, published)) is not None:
            found.append((head.lower().find(r.basis.lower()), r))
        if (m := IMMEDIATELY.search(head)) is not None:
            found.append((m.start(), Due(published, m.group(0))))
    if not found:
        return None
    return min(found, key=lambda pair: pair[0])[1]


def action_plan_due(text: str, published: date) -> Due | None:
    """A report's request for an action plan, "within six weeks of the publication of this
    report": the sentence naming an action plan that also states a period."""
    for sentence in re.split(r"(?<=[.!?])\s+", text or ""):
        if ACTION_PLAN.search(sentence):
            due = relative_due(sentence, published) or absolute_due(sentence)
            if due is not None:
                return due
    return None
