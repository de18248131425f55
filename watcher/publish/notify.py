"""E-mail and Teams: a message after a scan with news for the force, and when a digest is
written, through Apprise URLs (``[notify] urls = [...]``: mailto://, mailtos://,
msteams://, workflows://, json:// and the rest Apprise supports).

Delivery is an outbox in the store (table ``notifications``), one row per message and
destination, written before anything is sent:

- a scan with news queues one message (the feed items of that scan, same headlines and
  details) for each URL; a digest written queues one message per URL;
- :func:`send_pending` sends every row not yet sent, oldest first, and marks each one sent
  as soon as its destination accepted it; a failure is recorded on the row and returned
  as an error (the caller prints it and exits 1);
- so the next scan retries exactly what was not delivered, and a destination that
  accepted a message never gets it twice (the row key is unique: the scan id or digest
  file, and the destination).

Nothing here writes to the tables a scan stores; a failed send leaves them as they were.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from core.textsafe import one_line
from store.db import Store, utcnow
from watcher.publish.feed import (
    BACKFILL_NEWS_DAYS,
    _description_html,
    event_headline,
    filter_events,
)

log = logging.getLogger("hmicfrs_watch.notify")

__all__ = ["queue_scan_news", "queue_digest", "send_pending", "after_scan", "after_digest",
           "send_test", "NotifyOutcome"]


@dataclass
class NotifyOutcome:
    queued: int = 0
    sent: int = 0
    errors: list[str] = field(default_factory=list)


def _destination(url: str) -> str:
    """A short stable name for a destination, without its password or token."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:12]


def _scheme(url: str) -> str:
    return url.split("://", 1)[0] + "://" if "://" in url else "(no scheme)"


def _queue(store: Store, key: str, title: str, body: str, urls: Iterable[str]) -> int:
    """One outbox row per destination; a key already queued is left as it is."""
    added = 0
    with store.transaction() as conn:
        for url in urls:
            cur = conn.execute(
                "INSERT OR IGNORE INTO notifications (key, created_at, title, body, attempts)"
                " VALUES (?, ?, ?, ?, 0)",
                (f"{key}|{_destination(url)}", utcnow(), title, body),
            )
            added += cur.rowcount
    return added


def _scan_events(store: Store, scan_id: int, extra_ids: Iterable[int] = ()) -> list[dict]:
    """The events a scan recorded, and those recorded after it for it (`extra_ids`: an s55
    response noticed when the force's obligations were refreshed carries no scan id)."""
    ids = sorted({int(i) for i in extra_ids if i})
    rows = store.conn.execute(
        "SELECT id, at, kind, url, slug, title, details, publication_id FROM events"
        f" WHERE scan_id = ? OR id IN ({', '.join('?' for _ in ids) or 'NULL'}) ORDER BY at, id",
        (scan_id, *ids)).fetchall()
    cols = ("id", "at", "kind", "url", "slug", "title", "details", "publication_id")
    out = []
    for r in rows:
        event = dict(zip(cols, r))
        event["details"] = json.loads(event["details"] or "{}")
        out.append(event)
    return out


def scan_message(events: list[dict], reports: Mapping[str, Mapping], force: str | None) -> tuple[str, str]:
    """The title and HTML body: the scan's feed items, each headline linked, then its details."""
    who = f" for {force}" if force else ""
    n = len(events)
    title = f"HMICFRS: {n} new or changed publication{'s' if n != 1 else ''}{who}"
    parts = []
    for event in events:
        report = reports.get(event.get("url"))
        headline = html.escape(one_line(event_headline(event, report)))
        parts.append(f"<h3>{headline}</h3>\n{_description_html(event, report)}")
    return title, "\n".join(parts)


def queue_scan_news(store: Store, scan_id: int, urls: list[str], *, force: str | None,
                    extra_ids: Iterable[int] = ()) -> int:
    """Queue one message for this scan's news for the force (none when there is none)."""
    if not urls or not scan_id:
        return 0
    events = _scan_events(store, scan_id, extra_ids)
    reports = {r["url"]: r for r in store.reports(urls=[e["url"] for e in events])} if events else {}
    news = filter_events(events, force=force, reports=reports, backfill_days=BACKFILL_NEWS_DAYS)
    if not news:
        return 0
    title, body = scan_message(news, reports, force)
    return _queue(store, f"scan:{scan_id}", title, body, urls)


def queue_digest(store: Store, paths: list[Path], urls: list[str], *, label: str) -> int:
    """Queue one message saying a digest was written (its files listed)."""
    if not urls or not paths:
        return 0
    names = "".join(f"<li>{html.escape(str(p))}</li>" for p in paths)
    stamp = max((p.stat().st_mtime_ns for p in paths if p.exists()), default=0)
    title = f"HMICFRS digest written: {label}"
    body = f"<p>The committee digest ({html.escape(label)}) has been written:</p><ul>{names}</ul>"
    return _queue(store, f"digest:{paths[0].name}:{stamp}", title, body, urls)


def _send_one(url: str, title: str, body: str) -> str | None:
    """Send through Apprise; None when the destination accepted it, else why not."""
    import apprise

    a = apprise.Apprise()
    if not a.add(url):
        return f"{_scheme(url)} URL is not one Apprise understands"
    with apprise.LogCapture(level=logging.WARNING) as captured:
        ok = a.notify(title=title, body=body, body_format=apprise.NotifyFormat.HTML)
    if ok:
        return None
    lines = [line.split(" - ", 2)[-1].strip() for line in captured.getvalue().splitlines() if line.strip()]
    return "; ".join(lines[-2:]) or "the destination refused the message"


def send_pending(store: Store, urls: list[str]) -> NotifyOutcome:
    """Send every outbox row not yet sent to its destination among `urls`."""
    outcome = NotifyOutcome()
    by_dest = {_destination(u): u for u in urls}
    rows = store.conn.execute(
        "SELECT id, key, title, body FROM notifications WHERE sent_at IS NULL ORDER BY id").fetchall()
    for row_id, key, title, body in rows:
        url = by_dest.get(key.rsplit("|", 1)[-1])
        if url is None:
            continue  # a destination no longer configured: kept, not sent
        error = _send_one(url, title, body)
        with store.transaction() as conn:
            if error is None:
                conn.execute("UPDATE notifications SET sent_at = ?, attempts = attempts + 1,"
                             " last_error = NULL WHERE id = ?", (utcnow(), row_id))
            else:
                conn.execute("UPDATE notifications SET attempts = attempts + 1, last_error = ?"
                             " WHERE id = ?", (error, row_id))
        if error is None:
            outcome.sent += 1
        else:
            outcome.errors.append(f"notify: {_scheme(url)} not sent ({error}); it is kept and "
                                  "the next scan sends it again")
    return outcome


def after_scan(config, store: Store, result) -> list[str]:
    """The scan hook: queue this scan's news, send everything pending; return the errors.
    Never raises: a notification problem must not turn a good scan into a traceback."""
    urls = list(getattr(config, "notify", None) or [])
    if not urls:
        return []
    try:
        queue_scan_news(store, getattr(result, "scan_id", 0), urls, force=config.force,
                        extra_ids=[getattr(e, "id", None) for e in getattr(result, "events", [])])
        errors = send_pending(store, urls).errors
    except Exception as exc:  # noqa: BLE001 - report, never crash the scan that succeeded
        log.exception("notify failed")
        return [f"notify: {type(exc).__name__}: {exc}"]
    for error in errors:
        log.error("%s", error)
    return errors


def after_digest(config, paths: list[Path], *, label: str = "committee") -> list[str]:
    """The digest hook (schedules/jobs.py): queue and send "a digest was written"."""
    urls = list(getattr(config, "notify", None) or [])
    if not urls or not paths:
        return []
    try:
        with Store(config.db) as store:
            queue_digest(store, paths, urls, label=label)
            errors = send_pending(store, urls).errors
    except Exception as exc:  # noqa: BLE001
        log.exception("notify failed")
        return [f"notify: {type(exc).__name__}: {exc}"]
    for error in errors:
        log.error("%s", error)
    return errors


def send_test(urls: list[str]) -> list[tuple[str, str | None]]:
    """Send a test message to each URL now (not through the outbox): [(scheme, error)]."""
    title = "hmicfrs-watch: test message"
    body = ("<p>This is a test message from hmicfrs-watch. News for the force will arrive "
            "here after each scan that finds it.</p>")
    return [(_scheme(u), _send_one(u, title, body)) for u in urls]
