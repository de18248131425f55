"""The rolling re-check: where no channel dates edits, stored pages are re-read on a
schedule, so an edit is noticed within a stated time instead of never.

Publications from the last `recent_days` are re-read every scan; the older ones are
spread so that each is re-read at least every `recheck_days` (with a daily scan: a
1/recheck_days share a day, least recently checked first, plus any already overdue).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

CHANNELS = ("auto", "rest", "sitemaps", "listing")


@dataclass(frozen=True)
class Policy:
    """How discovery chooses its channel and how far the re-check goes ([discovery])."""

    channel: str = "auto"  # or force one of "rest", "sitemaps", "listing"
    recent_days: int = 90
    recheck_days: int = 30
    reprobe_days: int = 7

    @classmethod
    def from_config(cls, config: object) -> Policy:
        return cls(
            channel=getattr(config, "discovery_channel", cls.channel),
            recent_days=getattr(config, "recent_days", cls.recent_days),
            recheck_days=getattr(config, "recheck_days", cls.recheck_days),
            reprobe_days=getattr(config, "reprobe_days", cls.reprobe_days),
        )


SAME_DAY = "edits noticed the same day"


def guarantee(policy: Policy, dated: bool) -> str:
    """In words: how soon an edit to a stored publication is noticed."""
    if dated:
        return SAME_DAY
    return (f"edits noticed within {policy.recheck_days} days"
            f" (the same day for publications of the last {policy.recent_days} days)")


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def due(known: dict[str, dict], policy: Policy, now: datetime | None = None) -> list[str]:
    """The stored, active publications to re-read this scan, recent ones first."""
    now = now or datetime.now(UTC)
    today = now.date()
    recent_from = today - timedelta(days=policy.recent_days)
    recent, older = [], []
    for url, row in known.items():
        if row.get("status") != "active":
            continue
        published = _day(row.get("published"))
        (recent if published and published >= recent_from else older).append(url)
    never = date.min

    def checked(url: str) -> date:
        return _day(known[url].get("last_checked")) or never

    older.sort(key=lambda u: (checked(u), u))
    share = math.ceil(len(older) / max(1, policy.recheck_days))
    overdue_before = today - timedelta(days=max(0, policy.recheck_days - 1))
    # Never checked (no date): first in line, but not all at once.
    picked = [u for i, u in enumerate(older)
              if i < share or never < checked(u) < overdue_before]
    return sorted(recent) + picked
