"""Retry-After, as delta-seconds or an HTTP-date measured against the server's own Date."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime


def _http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def parse_retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), else None.

    An HTTP-date is measured against the response's own Date header when present, so
    a skewed local clock does not shorten or stretch the wait.
    """
    value = (headers.get("retry-after") or "").strip()
    if not value:
        return None
    if re.fullmatch(r"[0-9]+", value):  # not str.isdigit(): that accepts "²"
        return float(int(value))
    when = _http_date(value)
    if when is None:
        return None
    reference = _http_date(headers.get("date")) or datetime.now(timezone.utc)
    return max(0.0, (when - reference).total_seconds())

