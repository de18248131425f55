"""The data behind a committee digest for one window, read from the store.

One place for the CLI, the scheduler and the demo: reports published in the window,
change events recorded in it (with the reports they concern, even when published
earlier), and the register's open-by-year table where the register has been started.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from store.db import Store
from watcher.digest import build_digest

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
) -> dict:
    """build_digest() over what the store holds for [start, end] (both inclusive).

    The register table compares open findings at `register_since` (default: `last`,
    the previous meeting) with `end`.
    """
    reports = store.reports(since=start.isoformat(), until=end.isoformat(), with_findings=True)
    events = store.changes(since=start.isoformat(), until=(end + timedelta(days=1)).isoformat())
    for url in {e["url"] for e in events} - {r["url"] for r in reports}:
        row = store.publication_row(url)
        if row:
            reports.append(row)
    table = register_table(store, force, register_since or last, end) if with_register else None
    return build_digest(
        reports,
        events,
        since=start,
        until=end,
        force=force,
        committee=committee,
        last_meeting=last,
        register_table=table,
    )
