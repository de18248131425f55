"""Stored obligations: what the force owes and by when, kept as rows so they can be
queried, diffed and subscribed to (the calendar's UIDs are their keys).

The rows are derived on every scan from what is stored (watcher/obligations.py); this
module only persists them. Replacing them is one transaction, and an s55 response that
arrives (an obligation stored as due or overdue that is now met) is recorded as a
``response_published`` change event in the same transaction, so the feed hears of it.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Mapping

from core.identity import publication_key
from core.models import ChangeEvent
from store.db import Store, utcnow

COLUMNS = ("key", "force", "kind", "slug", "report_title", "report_url", "published", "due",
           "basis", "status", "finding_kind", "finding_number", "finding_text", "met_by",
           "met_url", "register_status", "first_seen", "updated_at")


def latest_texts(store: Store, slugs: Iterable[str]) -> dict[str, str]:
    """The newest stored text of each publication (for wording such as "action plan")."""
    slugs = list(dict.fromkeys(slugs))
    if not slugs:
        return {}
    rows = store.conn.execute(
        "SELECT p.slug, s.text_z FROM snapshots s JOIN publications p ON p.id = s.publication_id"
        " WHERE p.slug IN (SELECT value FROM json_each(?))"
        " AND s.id = (SELECT MAX(id) FROM snapshots WHERE publication_id = p.id)",
        (json.dumps(slugs),),
    )
    return {slug: zlib.decompress(blob).decode("utf-8") for slug, blob in rows}


def register_findings(store: Store, force: str) -> dict[tuple, tuple[str, str]]:
    """(report identity, kind, number) -> (status, "register entry N, <status> <date>") for
    the force's register entries; the identity is the report's path, so a site that moved
    host or port still matches (core.identity)."""
    if not store.db["register_entries"].exists():
        return {}
    rows = store.conn.execute(
        "SELECT report_url, kind, number, id, status, status_at FROM register_entries"
        " WHERE force = ?", (force,))
    return {(publication_key(url), kind, number):
            (status, f"register entry {eid}, {status} {str(at or '')[:10]}".strip())
            for url, kind, number, eid, status, at in rows}


def replace(store: Store, force: str, obligations: Iterable[Mapping]) -> list[ChangeEvent]:
    """Store ``obligations`` for ``force`` in place of the old ones; return the events
    recorded (an s55 response that arrived since the last derivation)."""
    now = utcnow()
    new = {o["key"]: dict(o) for o in obligations}
    events: list[ChangeEvent] = []
    with store.transaction():
        old = {r[0]: {"status": r[1], "first_seen": r[2]} for r in store.conn.execute(
            "SELECT key, status, first_seen FROM obligations WHERE force = ?", (force,))}
        store.conn.execute("DELETE FROM obligations WHERE force = ?", (force,))
        for key, o in new.items():
            before = old.get(key)
            o["force"] = force
            o["first_seen"] = before["first_seen"] if before else now
            o["updated_at"] = now
            store.conn.execute(
                f"INSERT INTO obligations ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
                [o.get(c) for c in COLUMNS],
            )
            if (o["kind"] == "s55_response" and o["status"] == "met" and before is not None
                    and before["status"] != "met"):
                events.append(_response_event(store, o, now))
    return events


def _response_event(store: Store, o: Mapping, now: str) -> ChangeEvent:
    row = store.conn.execute("SELECT id FROM publications WHERE slug = ?", (o["slug"],)).fetchone()
    event = ChangeEvent(
        kind="response_published", url=o["report_url"], slug=o["slug"], title=o["report_title"],
        details={"force": o["force"], "document": {"title": o["met_by"], "url": o["met_url"]},
                 "due": o["due"], "obligation": o["key"]},
    )
    store._insert_events(row[0] if row else None, [event], now, None)
    return event


def rows(store: Store, force: str, *, status: str | None = None, due_before: str | None = None,
         kinds: Iterable[str] | None = None) -> list[dict]:
    """Stored obligations of ``force``, soonest first."""
    if not store.db["obligations"].exists():
        return []
    where, params = ["force = ?"], [force]
    if status:
        where.append("status = ?")
        params.append(status)
    if due_before:
        where.append("due < ?")
        params.append(due_before)
    if kinds is not None:
        where.append("kind IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(kinds)))
    sql = (f"SELECT {', '.join(COLUMNS)} FROM obligations WHERE {' AND '.join(where)}"
           " ORDER BY due, slug, kind, finding_number")
    return [dict(zip(COLUMNS, r)) for r in store.conn.execute(sql, params)]
