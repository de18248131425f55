"""One definition of dates: how a date a person typed is read, and how outputs print one.

The CLI (--since, --at), the config (meeting dates), the register's spreadsheet import
and the outputs all read dates here, so "11/12/2025" means the same everywhere (UK day
first) and every output writes "11 December 2025".
"""

from __future__ import annotations

import re
from datetime import date, datetime

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")


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
        return _make(y + 2000 if y < 100 else y, mo, d)
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})", s)
    if m and len(m.group(2)) >= 3:
        month = next((i for i, name in enumerate(_MONTHS, 1) if name.startswith(m.group(2).casefold())), None)
        if month:
            return _make(int(m.group(3)), month, int(m.group(1)))
    return None


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
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
    return f"{d.day} {_MONTHS[d.month - 1].capitalize()} {d.year}" if d else ""
