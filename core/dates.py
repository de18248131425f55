"""One definition of dates: how a page's publication date, a date a person typed, and a
stored date are read, and how outputs print one.

A theme may print "Published: 15 October 2025", "Published on: 8 December 2023",
"15 Oct 2025", "October 15, 2025" (WordPress's default format), "15/10/2025" (UK order,
day first), an ISO date, or a <time datetime="2025-10-14T23:30:00Z">. All of them mean one
date, and a timestamp means the date it was in London (HMICFRS publishes at 00:01 UK time,
which is the evening before in UTC during summer time). The CLI (--since, --at), the
config (meeting dates) and the register's import read typed dates with `parse_date`, so
"11/12/2025" means 11 December everywhere; every output writes "11 December 2025".
"""

from __future__ import annotations

import re
from datetime import date, datetime

try:
    from zoneinfo import ZoneInfo

    _LONDON = ZoneInfo("Europe/London")
except Exception:  # no tz database: a timestamp's own date is the best we can do
    _LONDON = None

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
         r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
MONTH_PATTERN = _MONTH  # a month's name or abbreviation, for patterns elsewhere (core.deadlines)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"

#: One date anywhere in a text: ISO (with an optional time), day-first numeric, day month
#: year, month day year. Used to find a date after a "Published" label.
DATE_PATTERN = (
    r"(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{4}/\d{1,2}/\d{1,2}"
    r"|[0-3]?\d[/.\-][01]?\d[/.\-](?:\d{4}|\d{2})(?!\d)"
    rf"|{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
    rf"|{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+\d{{4}})"
)
_DATE_RE = re.compile(DATE_PATTERN, re.IGNORECASE)

#: "Published: 15 October 2025", "Date published - 15/10/2025", "Published on 8 Dec 2023",
#: "First published: …". Not "Last updated" or "Modified": those are not the publication.
PUBLISHED_RE = re.compile(
    r"(?<![\w-])(?:first\s+)?(?:published|publication\s+date|date\s+published|date\s+of\s+publication"
    r"|release\s+date|date\s+released)(?:\s+on)?\s*[:\-–—]?\s*(" + DATE_PATTERN + r")",
    re.IGNORECASE,
)

_ISO_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?"
)
_NUMERIC_RE = re.compile(r"(?<!\d)([0-3]?\d)[/.\-]([01]?\d)[/.\-](\d{4}|\d{2})(?!\d)")
_YMD_SLASH_RE = re.compile(r"(?<!\d)(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)")
_DMY_RE = re.compile(rf"(?<!\d)([0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH}),?\s+(\d{{4}})", re.I)
_MDY_RE = re.compile(rf"(?<![\w])({_MONTH})\s+([0-3]?\d)(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.I)


def _date_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_number(word: str) -> int | None:
    """1 to 12 for a month's name or abbreviation ("Sept", "March."), else None."""
    return _month_number(word)


def _month_number(word: str) -> int | None:
    word = word.rstrip(".").casefold()
    return next((i for i, name in enumerate(_MONTH_NAMES, 1) if name.startswith(word[:3])), None)


def _from_iso(m: re.Match) -> date | None:
    day = _date_or_none(int(m[1]), int(m[2]), int(m[3]))
    if day is None or not m[4] or not m[7] or _LONDON is None:
        return day
    offset = m[7]
    if offset != "Z" and ":" not in offset:
        offset = offset[:3] + ":" + offset[3:]
    try:
        stamp = datetime.fromisoformat(f"{m[1]}-{m[2]}-{m[3]}T{m[4]}:{m[5]}:{m[6] or '00'}"
                                       + ("+00:00" if offset == "Z" else offset))
    except ValueError:
        return day
    return stamp.astimezone(_LONDON).date() if stamp.tzinfo else day


def parse_published_date(text) -> date | None:
    """The first date in `text`, in any of the forms pages use; None if there is none.

    Numeric dates are UK order (15/10/2025 is 15 October). A timestamp with an offset is
    the date it was in London. An impossible date (31 February) is no date.
    """
    if isinstance(text, datetime):
        stamp = text if text.tzinfo is None or _LONDON is None else text.astimezone(_LONDON)
        return stamp.date()
    if isinstance(text, date):
        return text
    text = str(text or "")
    m = _DATE_RE.search(text)
    if m is None:
        return None
    found = m.group(0)
    if (iso := _ISO_RE.fullmatch(found)) is not None:
        return _from_iso(iso)
    if (ymd := _YMD_SLASH_RE.fullmatch(found)) is not None:
        return _date_or_none(int(ymd[1]), int(ymd[2]), int(ymd[3]))
    if (num := _NUMERIC_RE.fullmatch(found)) is not None:
        year = int(num[3])
        return _date_or_none(year + 2000 if year < 100 else year, int(num[2]), int(num[1]))
    if (dmy := _DMY_RE.search(found)) is not None:
        month = _month_number(dmy[2])
        return _date_or_none(int(dmy[3]), month, int(dmy[1])) if month else None
    if (mdy := _MDY_RE.search(found)) is not None:
        month = _month_number(mdy[1])
        return _date_or_none(int(mdy[3]), month, int(mdy[2])) if month else None
    return None


def published_in_text(text: str) -> date | None:
    """The date a "Published: …" statement in running text gives, or None."""
    m = PUBLISHED_RE.search(text or "")
    return parse_published_date(m.group(1)) if m else None


def date_alone(text: str | None) -> date | None:
    """The date, if `text` is nothing but a date ("15 October 2025", "15/10/2025")."""
    text = (text or "").strip().rstrip(".")
    return parse_published_date(text) if text and _DATE_RE.fullmatch(text) else None


def parse_date(value) -> date | None:
    """2025-10-01, 2025-10-01T..., 01/10/2025 (UK order), 1 October 2025, 1 Oct 2025; else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value or "").strip()
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})", s)
    if m:
        d, mo, y = (int(x) for x in m.groups())
        return _date_or_none(y + 2000 if y < 100 else y, mo, d)
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})", s)
    if m and len(m.group(2)) >= 3:
        month = next((i for i, name in enumerate(_MONTH_NAMES, 1) if name.startswith(m.group(2).casefold())), None)
        if month:
            return _date_or_none(int(m.group(3)), month, int(m.group(1)))
    return None


def require_date(value, what: str) -> date:
    """parse_date, or a ValueError whose message a user can act on."""
    d = parse_date(value)
    if d is None:
        raise ValueError(f"{what}: {value!r} is not a date (write it as 2025-12-11)")
    return d


def long_date(value) -> str:
    """The one way outputs print a date: ``15 October 2025`` (en-GB, no leading zero)."""
    d = parse_date(value)
    return f"{d.day} {_MONTH_NAMES[d.month - 1].capitalize()} {d.year}" if d else ""
