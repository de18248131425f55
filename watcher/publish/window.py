"""What the outputs show, read from the store: one place for the CLI, scheduler and demo.

- `digest_window`: the one rule for the days a digest covers (explicit dates, or the
  previous committee meeting to the day it is written).
- `digest_for_window`: reports published in a window, change events recorded in it (with
  the reports they concern, even when published earlier), and the register's open-by-year
  table where the register has been started.
- `feed_for_store`: the feed of recent change events, filtered as a subscriber asked.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from core.dates import long_date
from store.db import Store
from watcher.config import Committee, Config
from watcher.publish.digest import build_digest
from watcher.publish.feed import BACKFILL_NEWS_DAYS, filter_events, render_feed

log = logging.getLogger(__name__)

FALLBACK_WINDOW_DAYS = 90  # a committee's first configured meeting has no previous one


class WindowError(ValueError):
    """The window asked for is not one a digest can cover (a user's mistake: exit 2)."""


@dataclass(frozen=True)
class DigestWindow:
    start: date
    end: date
    committee: str | None = None  # the committee's short name, for "since the last JAC"
    last_meeting: date | None = None  # the meeting the window starts at, if it does
    register_since: date | None = None  # the register table compares this date with `end`
    fallback: bool = False  # no earlier meeting: FALLBACK_WINDOW_DAYS before `end`
    next_meeting: date | None = None  # what "due before the next meeting" runs up to


def digest_window(
    config: Config,
    *,
    end: date,
    since: date | None = None,
    meeting: date | None = None,
    committee: Committee | None = None,
    today: date | None = None,
) -> DigestWindow:
    """The days a digest covers, both inclusive: the one rule for CLI, scheduler and demo.

    With `since`: from it to `end`. Otherwise from the previous committee meeting to `end`:
    the latest meeting on or before `end` (and before `meeting`, the one the paper is for),
    of `committee` or of any configured committee. A committee whose first meeting is the
    one the paper is for has none: the window then reaches FALLBACK_WINDOW_DAYS back.
    No configured meeting at all, a window that starts after it ends, or one that starts
    in the future is a WindowError.
    """
    today = today or date.today()
    previous = config.previous_meeting(end, before=meeting, committee=committee)
    # the committee reading the paper wants what falls due before it next meets
    upcoming = next_meeting_after([committee] if committee else config.committees, meeting or end)
    if since is not None:
        if since > today:
            raise WindowError(f"the window starts in the future ({long_date(since)}; today is "
                              f"{long_date(today)})")
        if since > end:
            raise WindowError(f"the window starts ({long_date(since)}) after it ends "
                              f"({long_date(end)})")
        return DigestWindow(since, end, register_since=previous[1] if previous else None,
                            next_meeting=upcoming)
    if previous is not None:
        (c, last) = previous
        return DigestWindow(last, end, c.label, last, last, next_meeting=upcoming)
    owners = [committee] if committee else [c for c in config.committees if c.meetings]
    if not owners or not any(c.meetings for c in owners):
        raise WindowError("no past committee meeting in the config; add [[committees]] "
                          "meetings = [...] (see `hmicfrs-watch config`) or use --since DATE")
    return DigestWindow(end - timedelta(days=FALLBACK_WINDOW_DAYS), end, owners[0].label,
                        fallback=True, next_meeting=upcoming)


def register_table(store: Store, force: str | None, last: date | None, end: date) -> dict | None:
    """The open-by-year table, only with a force, a known last meeting and a started register."""
    from store.register import RegisterError, digest_table

    if not force or last is None:
        return None
    try:
        return digest_table(store, force, last, until=end)
    except RegisterError as exc:
        log.warning("register table left out: %s", exc)
        return None


def next_meeting_after(committees, day: date) -> date | None:
    """The first committee meeting after ``day`` (what "due before the next meeting" means)."""
    return min((m for c in committees for m in c.meetings if m > day), default=None)


def digest_for(store: Store, window: DigestWindow, force: str | None, *, short: str | None = None) -> dict:
    """The digest for a window decided by digest_window(); `short` names the force in the
    took-part sentences ("WMP was one of six forces inspected")."""
    return digest_for_window(store, window.start, window.end, force, window.committee,
                             window.last_meeting, register_since=window.register_since,
                             next_meeting=window.next_meeting, short=short)


def digest_for_window(
    store: Store,
    start: date,
    end: date,
    force: str | None,
    committee: str | None,
    last: date | None,
    *,
    with_register: bool = True,
    register_since: date | None = None,
    next_meeting: date | None = None,
    short: str | None = None,
) -> dict:
    """build_digest() over what the store holds for [start, end] (both inclusive).

    The register table compares open findings at `register_since` (default: `last`,
    the previous meeting) with `end`.
    """
    reports = store.reports(since=start.isoformat(), until=end.isoformat(), with_findings=True)
    events = store.changes(
        since=start.isoformat(), until=(end + timedelta(days=1)).isoformat(), include_backfill=False
    )
    for url in {e["url"] for e in events} - {r["url"] for r in reports}:
        row = store.publication_row(url)
        if row:
            reports.append(row)
    table = register_table(store, force, register_since or last, end) if with_register else None
    owed = None
    if force:
        from watcher.obligations import current

        owed = [o.to_dict() for o in current(store, force, today=end)]
    return build_digest(
        reports,
        events,
        since=start,
        until=end,
        force=force,
        committee=committee,
        last_meeting=last,
        register_table=table,
        obligations=owed,
        next_meeting=next_meeting,
        short=short,
    )


def feed_for_store(
    store: Store,
    site: str,
    *,
    fmt: str = "rss",
    days: int = 90,
    force: str | None = None,
    type: str | None = None,  # noqa: A002 - as the CLI option
    kinds: set[str] | None = None,
    now: datetime | None = None,
    include_backfill: bool = False,
) -> tuple[bytes, int]:
    """The feed of the last `days` of changes (and how many items it holds)."""
    since = ((now or datetime.now(UTC)) - timedelta(days=days)).date().isoformat()
    changes = store.changes(since=since)
    reports = {r["url"]: r for r in store.reports(urls=[e["url"] for e in changes])}
    events = filter_events(
        changes, force=force, type=type, kinds=kinds, reports=reports,
        backfill_days=10**6 if include_backfill else BACKFILL_NEWS_DAYS,
    )
    return render_feed(events, site_url=site, fmt=fmt, reports=reports), len(events)
