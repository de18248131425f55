"""What the outputs show, read from the store: one place for the CLI, scheduler and demo.

- `digest_for_window`: reports published in a window, change events recorded in it (with
  the reports they concern, even when published earlier), and the register's open-by-year
  table where the register has been started.
- `feed_for_store`: the feed of recent change events, filtered as a subscriber asked.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta

from store.db import Store
from watcher.publish.digest import build_digest
from watcher.publish.feed import BACKFILL_NEWS_DAYS, filter_events, render_feed

log = logging.getLogger(__name__)


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
