"""The SQLite store: schema, migrations, writes in one transaction each, and queries.

Why raw SQL for writes: sqlite-utils' write helpers commit on their own, and every
publication update here must be a single transaction (a scan killed at any point leaves
a consistent database). sqlite-utils does the schema work and the read queries.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import sqlite_utils
from filelock import FileLock, Timeout

from core.forces import concerns_force, finding_applies_to_force
from core.identity import path_key, publication_key, url_on_site
from core.models import CHIEF_CONSTABLES, ChangeEvent, Publication, counts_of, to_chief_constables

JSON_FIELDS = ("forces", "services", "joint_with", "documents", "warnings")


class StoreError(Exception):
    """The database cannot be used (locked by another scan, newer schema, corrupt, full)."""


#: Seconds a scan waits for another one's lock, or for a writer (a register import).
LOCK_WAIT = 5.0

log = logging.getLogger("hmicfrs_watch.store")


def _storage_failure(exc: BaseException) -> bool:
    """The database itself failed (full, damaged, locked), not a constraint or a bug."""
    return isinstance(exc, sqlite3.DatabaseError) and not isinstance(
        exc, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError
    )


_OPENED: list[Path] = []


def last_opened() -> Path | None:
    """The database this process opened last (for an error met outside the Store)."""
    return _OPENED[-1] if _OPENED else None


def storage_error(exc: BaseException, path: str | os.PathLike[str]) -> StoreError:
    """One sentence for a failure of the database itself (what happened, what to do)."""
    text = str(exc)
    low = text.lower()
    if "full" in low or "disk i/o" in low or isinstance(exc, OSError) and exc.errno in (28, 27):
        return StoreError(
            f"cannot write to {path}: the disk is full or the file reached its size limit "
            f"({text}); the change in progress was rolled back and nothing stored is lost. "
            "Free some space and run it again"
        )
    if "locked" in low or "busy" in low:
        return StoreError(
            f"{path} is busy: another hmicfrs-watch command (a scan or a register import) "
            f"is writing to it and did not finish within {LOCK_WAIT:g} s; run it again when "
            "that has finished"
        )
    if "malformed" in low or "not a database" in low or "corrupt" in low:
        return StoreError(
            f"{path} is not a usable SQLite database: it is damaged ({text}); nothing was "
            "changed. Restore it from a backup, or "
            f"recover what is readable with: sqlite3 {path} .recover > recovered.sql"
        )
    if "readonly" in low or "read-only" in low or "unable to open" in low:
        return StoreError(f"cannot write to {path} ({text}): check the file's permissions")
    return StoreError(f"the database {path} failed: {text}")


def utcnow() -> str:
    """An ISO timestamp in UTC with seconds precision (what every stored time uses)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- migrations -------------------------------------------------------------------------


def _append_only(db: sqlite_utils.Database, table: str) -> None:
    """Triggers that refuse any UPDATE or DELETE on a history table: history is only added to."""
    for action in ("UPDATE", "DELETE"):
        db.conn.execute(
            f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action}"
            f" ON {table} BEGIN"
            f" SELECT RAISE(ABORT, '{table} is append-only'); END"
        )


def _m1_initial(db: sqlite_utils.Database) -> None:
    """The first schema, whole: one function so it reads as the schema it is (a migration
    is never edited once shipped, so there is nothing to share with later ones)."""
    db["publications"].create(
        {
            "id": int,
            "url": str,
            "slug": str,
            "title": str,
            "published": str,
            "type": str,
            "forces": str,
            "all_forces": int,
            "services": str,
            "joint_with": str,
            "summary": str,
            "documents": str,
            "recommendations": int,
            "recommendations_to_chief_constables": int,
            "areas_for_improvement": int,
            "causes_of_concern": int,
            "warnings": str,
            "status": str,
            "content_hash": str,
            "lastmod": str,
            "first_seen": str,
            "last_changed": str,
            "last_checked": str,
        },
        pk="id",
        not_null={"url", "slug", "title", "status"},
        defaults={"status": "active", "all_forces": 0},
    )
    db["publications"].create_index(["url"], unique=True)
    db["publications"].create_index(["published"])
    db["findings"].create(
        {
            "id": int,
            "publication_id": int,
            "ordinal": int,
            "kind": str,
            "number": int,
            "title": str,
            "text": str,
            "deadline": str,
            "addressees": str,
            "applies_to_chief_constables": int,
            "force": str,
            "source": str,
        },
        pk="id",
        foreign_keys=[("publication_id", "publications", "id")],
    )
    db["findings"].create_index(["publication_id"])
    db["snapshots"].create(
        {"id": int, "publication_id": int, "at": str, "content_hash": str, "text_z": bytes},
        pk="id",
        foreign_keys=[("publication_id", "publications", "id")],
    )
    db["snapshots"].create_index(["publication_id", "content_hash"], unique=True)
    db["events"].create(
        {
            "id": int,
            "at": str,
            "kind": str,
            "publication_id": int,
            "url": str,
            "slug": str,
            "title": str,
            "details": str,
            "scan_id": int,
        },
        pk="id",
    )
    db["events"].create_index(["at"])
    db["events"].create_index(["publication_id"])
    db["http_cache"].create(
        {"url": str, "etag": str, "last_modified": str, "checked_at": str}, pk="url"
    )
    db["scans"].create(
        {
            "id": int,
            "started": str,
            "finished": str,
            "status": str,
            "site": str,
            "summary": str,
            "error": str,
        },
        pk="id",
    )
    db["state"].create({"key": str, "value": str}, pk="key")


def _m2_register(db: sqlite_utils.Database) -> None:
    """The force's register (store/register.py): entries and their append-only history.

    New tables only. `finding_id` is deliberately not a foreign key: a re-scan deletes and
    re-inserts a publication's findings, and register entries must survive that.
    """
    db["register_entries"].create(
        {
            "id": int,
            "key": str,
            "origin": str,
            "force": str,
            "report_url": str,
            "report_title": str,
            "report_published": str,
            "report_year": int,
            "kind": str,
            "number": int,
            "finding_title": str,
            "finding_text": str,
            "finding_id": int,
            "status": str,
            "status_at": str,
            "owner": str,
            "notes": str,
            "finding_removed": int,
            "imported_unmatched": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"key", "status"},
        defaults={"status": "open", "finding_removed": 0, "imported_unmatched": 0},
    )
    db["register_entries"].create_index(["key"], unique=True)
    db["register_entries"].create_index(["report_year"])
    db["register_history"].create(
        {"id": int, "entry_id": int, "at": str, "status": str, "by": str, "note": str},
        pk="id",
        not_null={"entry_id", "at", "status"},
        foreign_keys=[("entry_id", "register_entries", "id")],
    )
    db["register_history"].create_index(["entry_id", "at"])
    _append_only(db, "register_history")


def _m3_obligations(db: sqlite_utils.Database) -> None:
    """What the force owes (store/obligations.py): one row per obligation, keyed by its
    stable key (the calendar's UIDs). New table only; derived again on every scan."""
    text = ("key", "force", "kind", "slug", "report_title", "report_url", "published", "due",
            "basis", "status", "finding_kind", "finding_text", "met_by", "met_url",
            "register_status", "first_seen", "updated_at")
    db["obligations"].create({**dict.fromkeys(text, str), "finding_number": int},
                             pk=("force", "key"), not_null={"kind", "slug", "due", "status"})
    db["obligations"].create_index(["force", "due"])


def _m4_discovery(db: sqlite_utils.Database) -> None:
    """Discovery's memory per site (watcher/discover): the channel in use, when it was
    probed, the REST route, the sitemaps that name no publication. A new table only."""
    db["discovery_state"].create(
        {"site": str, "channel": str, "probed": str, "data": str, "updated": str},
        pk="site",
    )


def _m5_register_fields_and_notifications(db: sqlite_utils.Database) -> None:
    """New tables only: owner/notes changes of register entries (append-only, like the
    status history), and notifications waiting to be sent (watcher/publish/notify.py)."""
    db["register_field_history"].create(
        {"id": int, "entry_id": int, "at": str, "field": str, "old": str, "new": str,
         "by": str, "note": str},
        pk="id",
        not_null={"entry_id", "at", "field"},
        foreign_keys=[("entry_id", "register_entries", "id")],
    )
    db["register_field_history"].create_index(["entry_id", "at"])
    _append_only(db, "register_field_history")
    db["notifications"].create(
        {"id": int, "key": str, "created_at": str, "title": str, "body": str,
         "sent_at": str, "attempts": int, "last_error": str},
        pk="id",
        not_null={"key", "created_at", "title", "body"},
        defaults={"attempts": 0},
    )
    db["notifications"].create_index(["key"], unique=True)
    db["notifications"].create_index(["sent_at"])


def _m6_identity(db: sqlite_utils.Database) -> None:
    """Publications are keyed by their path (core.identity), not their URL.

    Before this, a scan of the same site under another port or host stored every
    publication again. Rows that are one publication under two addresses are merged
    into the oldest: its id (so register links hold), the freshest content, every
    event and snapshot; the copy's "new" events are marked as the artefacts they are
    (backfill). Backfill state is derived from the scans recorded so far.
    """
    conn = db.conn
    conn.execute("ALTER TABLE publications ADD COLUMN key TEXT")
    # One publication may be stored under two URLs until merged below: url stops being unique.
    conn.execute("DROP INDEX IF EXISTS idx_publications_url")
    conn.execute("CREATE INDEX idx_publications_url ON publications (url)")
    rows = conn.execute(
        "SELECT id, url, last_checked FROM publications ORDER BY id"
    ).fetchall()
    groups: dict[str, list[tuple]] = {}
    for pub_id, url, checked in rows:
        groups.setdefault(publication_key(url), []).append((pub_id, url, checked))
    for key, members in groups.items():
        keep = members[0][0]
        conn.execute("UPDATE publications SET key = ? WHERE id = ?", (key, keep))
        if len(members) == 1:
            continue
        freshest = max(members, key=lambda m: (m[2] or "", m[0]))[0]
        if freshest != keep:
            _copy_content(conn, freshest, keep)
        for dup, _url, _checked in members[1:]:
            conn.execute(
                "UPDATE events SET details = json_set(COALESCE(details, '{}'), '$.backfill', json('true'),"
                " '$.duplicate_address', json('true')) WHERE publication_id = ? AND kind = 'new'",
                (dup,),
            )
            conn.execute("UPDATE events SET publication_id = ? WHERE publication_id = ?", (keep, dup))
            conn.execute(
                "UPDATE OR IGNORE snapshots SET publication_id = ? WHERE publication_id = ?", (keep, dup)
            )
            conn.execute("DELETE FROM snapshots WHERE publication_id = ?", (dup,))
            conn.execute("DELETE FROM findings WHERE publication_id = ?", (dup,))
            conn.execute("DELETE FROM publications WHERE id = ?", (dup,))
    conn.execute("CREATE UNIQUE INDEX idx_publications_key ON publications (key)")
    _rekey_register(conn)
    complete = conn.execute(
        "SELECT min(id) FROM scans WHERE status IN ('ok', 'partial')"
    ).fetchone()[0]
    if complete is not None:
        # Scans up to the first one that ran to its end recorded the archive, not news.
        conn.execute(
            "UPDATE events SET details = json_set(COALESCE(details, '{}'), '$.backfill', json('true'))"
            " WHERE kind = 'new' AND scan_id <= ?", (complete,)
        )
        conn.execute(
            "INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)",
            (ARCHIVE_STATE, json.dumps({"scan_id": complete})),
        )


def _copy_content(conn: sqlite3.Connection, source: int, target: int) -> None:
    """Give row `target` the stored reading of row `source` (one publication, merged)."""
    cols = [r[1] for r in conn.execute("PRAGMA table_info(publications)")
            if r[1] not in ("id", "first_seen", "key")]
    sets = ", ".join(f"{c} = (SELECT {c} FROM publications WHERE id = :src)" for c in cols)
    conn.execute(f"UPDATE publications SET {sets} WHERE id = :tgt", {"src": source, "tgt": target})
    conn.execute("DELETE FROM findings WHERE publication_id = ?", (target,))
    conn.execute("UPDATE findings SET publication_id = ? WHERE publication_id = ?", (target, source))


def _rekey_register(conn: sqlite3.Connection) -> None:
    """Scanned register entries are keyed by report identity now, not its URL.

    Two entries that turn out to be one finding (the same report under two
    addresses) keep the older; the other keeps its history under a marked key and is
    flagged finding_removed, so nothing is lost and sync leaves it alone.
    """
    from store.register import entry_key  # the register's own rule, one definition

    taken: set[str] = set()
    rows = conn.execute(
        "SELECT id, key, report_url, kind, finding_text FROM register_entries"
        " WHERE origin = 'scan' ORDER BY id"
    ).fetchall()
    for entry_id, _old, url, kind, text in rows:
        conn.execute("UPDATE register_entries SET key = ? WHERE id = ?", (f"rekey:{entry_id}", entry_id))
    for entry_id, _old, url, kind, text in rows:
        key = entry_key(url or "", kind, text or "")
        if key in taken:
            conn.execute(
                "UPDATE register_entries SET key = ?, finding_removed = 1, finding_id = NULL"
                " WHERE id = ?", (f"{key}:duplicate:{entry_id}", entry_id),
            )
            continue
        taken.add(key)
        conn.execute("UPDATE register_entries SET key = ? WHERE id = ?", (key, entry_id))


#: State key: the first scan that ran to its end (until then, every scan is backfill).
ARCHIVE_STATE = "archive_complete"

MIGRATIONS = [
    _m1_initial, _m2_register, _m3_obligations, _m4_discovery,
    _m5_register_fields_and_notifications, _m6_identity,
]


def _publication_values(pub: Publication, digest: str, lastmod: str | None, now: str) -> dict:
    """The publications row for a freshly parsed publication (first_seen and last_changed
    are set by the caller, who knows whether the row is new)."""
    return {
        "url": pub.url,
        "key": publication_key(pub.url),
        "slug": pub.slug,
        "title": pub.title,
        "published": pub.published,
        "type": pub.type,
        "forces": json.dumps(pub.forces),
        "all_forces": int(pub.all_forces),
        "services": json.dumps(pub.services),
        "joint_with": json.dumps(pub.joint_with),
        "summary": pub.summary,
        "documents": json.dumps([d.to_dict() for d in pub.documents]),
        "warnings": json.dumps(pub.warnings),
        "status": "active",
        "content_hash": digest,
        "lastmod": lastmod,
        "last_checked": now,
        **counts_of(pub.findings),
    }


# --- the store ----------------------------------------------------------------------------


class Store:
    """One watcher database.

    Writes go through `save_publication` / `record_withdrawal` (one transaction each),
    reads through the query methods, which return plain dicts in the shapes that
    `reports --format json` and `changes --format json` print.
    """

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False):
        """Open (and create, and migrate) the database at `path`.

        `read_only=True` is for commands that only read: a missing database is a
        StoreError (nothing is created), and a file or folder this user cannot write is
        opened read-only instead of failing.
        """
        self.path = Path(path)
        _OPENED[:] = [self.path]
        if read_only and not self.path.is_file():
            raise StoreError(f"the database {path} does not exist; run `hmicfrs-watch scan` "
                             "to create it, or give --db")
        writable = os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK)
        if not read_only and self.path.is_file() and not writable:
            raise StoreError(f"cannot write the database {path}: it or its folder is read-only "
                             "for this user (commands that only read, such as reports, still work)")
        if str(path) != ":memory:" and not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            if read_only and not writable:
                conn = _open_read_only(self.path)
            else:
                conn = sqlite3.connect(str(path), timeout=LOCK_WAIT, isolation_level=None)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
        except sqlite3.DatabaseError as exc:
            raise storage_error(exc, path) from exc
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        try:
            self._migrate()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise storage_error(exc, path) from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema --

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path} was written by a newer hmicfrs-watch (schema {version}); upgrade"
            )
        if version < len(MIGRATIONS) and self.conn.execute("PRAGMA query_only").fetchone()[0]:
            raise StoreError(f"{self.path} needs upgrading and cannot be written here; run "
                             "`hmicfrs-watch scan` as a user who can write it")
        for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.transaction():
                migration(self.db)
                self.conn.execute(f"PRAGMA user_version={number}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception (including Ctrl-C).

        Another writer (a register import, say) is waited for up to LOCK_WAIT seconds,
        with a message; a database failure (disk full, damaged page, still locked) is a
        StoreError that says what to do, and leaves the database as it was.
        """
        self._begin()
        try:
            yield self.conn
        except BaseException as exc:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # SQLite already rolled back (e.g. SQLITE_FULL)
            if _storage_failure(exc):
                raise storage_error(exc, self.path) from exc
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            raise storage_error(exc, self.path) from exc

    def _begin(self) -> None:
        try:
            self.conn.execute("PRAGMA busy_timeout = 0")
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
            log.warning("%s is in use by another hmicfrs-watch command; waiting up to %g s",
                        self.path, LOCK_WAIT)
            self.conn.execute(f"PRAGMA busy_timeout = {int(LOCK_WAIT * 1000)}")
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise storage_error(exc, self.path) from exc
        finally:
            try:
                self.conn.execute(f"PRAGMA busy_timeout = {int(LOCK_WAIT * 1000)}")
            except sqlite3.Error:
                pass

    # -- conditional-request validators (the Fetcher's cache protocol) --

    def validators(self, url: str) -> tuple[str | None, str | None] | None:
        row = self.conn.execute(
            "SELECT etag, last_modified FROM http_cache WHERE url = ?", (url,)
        ).fetchone()
        return (row[0], row[1]) if row else None

    def remember(self, url: str, etag: str | None, last_modified: str | None) -> None:
        """Store validators for a URL. Called inside the transaction that stored its content."""
        if not etag and not last_modified:
            self.conn.execute("DELETE FROM http_cache WHERE url = ?", (url,))
            return
        self.conn.execute(
            "INSERT INTO http_cache (url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(url) DO UPDATE SET etag=excluded.etag,"
            " last_modified=excluded.last_modified, checked_at=excluded.checked_at",
            (url, etag, last_modified, utcnow()),
        )

    def robots_cache(self, url: str) -> dict | None:
        """The last robots.txt body and its validators, for a conditional request."""
        return self.get_state(f"robots:{url}")

    def remember_robots(self, url: str, body: str, etag: str | None, modified: str | None):
        self.set_state(f"robots:{url}", {"body": body, "etag": etag, "last_modified": modified})

    def forget(self, url: str) -> None:
        self.conn.execute("DELETE FROM http_cache WHERE url = ?", (url,))

    # -- small key/value state (e.g. sitemap lastmods) --

    def get_state(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_state(self, key: str, value: Any) -> None:
        self.conn.execute(
            "INSERT INTO state (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value=excluded.value",
            (key, json.dumps(value)),
        )

    # -- discovery's memory (one row per site) --

    def discovery_state(self, site: str) -> dict:
        row = self.conn.execute(
            "SELECT data FROM discovery_state WHERE site = ?", (site,)
        ).fetchone()
        return json.loads(row[0]) if row and row[0] else {}

    def set_discovery_state(self, site: str, state: dict) -> None:
        self.conn.execute(
            "INSERT INTO discovery_state (site, channel, probed, data, updated)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT(site) DO UPDATE SET channel=excluded.channel,"
            " probed=excluded.probed, data=excluded.data, updated=excluded.updated",
            (site, state.get("channel"), state.get("probed"), json.dumps(state), utcnow()),
        )

    # -- scans --

    def start_scan(self, site: str) -> int:
        """Record a scan as running. Call with the run lock held (see `exclusive`)."""
        self.close_killed_scans()
        with self.transaction():
            cur = self.conn.execute(
                "INSERT INTO scans (started, status, site) VALUES (?, 'running', ?)",
                (utcnow(), site),
            )
        return int(cur.lastrowid)

    def finish_scan(self, scan_id: int, status: str, summary: dict, error: str | None = None):
        with self.transaction():
            self.conn.execute(
                "UPDATE scans SET finished = ?, status = ?, summary = ?, error = ? WHERE id = ?",
                (utcnow(), status, json.dumps(summary), error, scan_id),
            )

    def close_killed_scans(self) -> list[int]:
        """Close the records of scans that were killed (SIGKILL, power cut) while running.

        Only safe with the run lock held: then no scan is running, so a record still
        'running' is one whose process died. Its totals are what it stored: its events,
        and the publications in the database now (nothing has run since).
        """
        ids = [r[0] for r in self.conn.execute("SELECT id FROM scans WHERE status = 'running'")]
        if not ids:
            return []
        stored = self.conn.execute("SELECT count(*) FROM publications").fetchone()[0]
        with self.transaction():
            for scan_id in ids:
                kinds = dict(self.conn.execute(
                    "SELECT kind, count(DISTINCT publication_id) FROM events WHERE scan_id = ?"
                    " GROUP BY kind", (scan_id,)
                ).fetchall())
                last = self.conn.execute(
                    "SELECT max(at) FROM events WHERE scan_id = ?", (scan_id,)
                ).fetchone()[0]
                changed = self.conn.execute(
                    "SELECT count(DISTINCT publication_id) FROM events WHERE scan_id = ?"
                    " AND kind NOT IN ('new', 'withdrawn')", (scan_id,)
                ).fetchone()[0]
                summary = {
                    "scan_id": scan_id, "ok": False, "new": kinds.get("new", 0),
                    "updated": changed, "withdrawn": kinds.get("withdrawn", 0),
                    "events": sum(kinds.values()), "stored": stored,
                }
                self.conn.execute(
                    "UPDATE scans SET status = 'killed', finished = COALESCE(?, started),"
                    " summary = ?, error = ? WHERE id = ?",
                    (last, json.dumps(summary),
                     "the scan's process ended without finishing (killed); closed by the next scan",
                     scan_id),
                )
        return ids

    def last_scan(self) -> dict | None:
        rows = list(self.db.query("SELECT * FROM scans ORDER BY id DESC LIMIT 1"))
        return rows[0] if rows else None

    def last_finished_scan(self) -> dict | None:
        """The last scan that ran to its end (errors allowed): interrupted ones do not count."""
        rows = list(self.db.query(
            "SELECT * FROM scans WHERE status IN ('ok', 'partial') ORDER BY id DESC LIMIT 1"
        ))
        return rows[0] if rows else None

    # -- backfill: until a scan has been through the whole archive, nothing is news --

    def archive_complete(self) -> bool:
        return self.get_state(ARCHIVE_STATE) is not None

    def mark_archive_complete(self, scan_id: int) -> None:
        if not self.archive_complete():
            with self.transaction():
                self.set_state(ARCHIVE_STATE, {"scan_id": scan_id, "at": utcnow()})

    # -- publications: writes --

    def publication_row(self, url: str) -> dict | None:
        """The stored record of one publication (any address of it) with its findings, or None."""
        rows = list(self.db.query("SELECT * FROM publications WHERE key = ?", [publication_key(url)]))
        if not rows:
            return None
        return self._decode(rows[0], with_findings=True)

    def known_publications(self, site: str | None = None) -> dict[str, dict]:
        """url -> {lastmod, status, id, key, published, last_checked} for every stored
        publication (cheap, for discovery and its rolling re-check).

        With `site`, the URLs are the publications' addresses on that site as served now,
        whatever address they were stored under (identity is the path: core.identity).
        """
        rows = self.db.query(
            "SELECT id, url, key, slug, lastmod, status, published, last_checked FROM publications"
        )
        if site is None:
            return {r["url"]: r for r in rows}
        return {url_on_site(r["key"], site): r for r in rows}

    def follow_site(self, site: str) -> int:
        """Move every stored address to `site` as served now; return how many moved.

        Called once a scan has reached the site, so a mistyped --site never rewrites
        anything. Documents on the old site's own origin move with it; a publication
        with documents elsewhere (an asset host, which may have moved too) forgets its
        lastmod, so this scan reads its page again and learns where they are now.
        """
        moved = 0
        with self.transaction():
            rows = self.conn.execute("SELECT id, url, key, documents FROM publications").fetchall()
            for pub_id, url, key, documents in rows:
                new = url_on_site(key, site)
                if new == url:
                    continue
                old_origin, new_origin = _origin_of(url), _origin_of(new)
                docs = json.loads(documents or "[]")
                elsewhere = False
                for doc in docs:
                    if _origin_of(doc.get("url", "")) == old_origin:
                        doc["url"] = new_origin + _site_path(site) + path_key(doc["url"])
                    elif _origin_of(doc.get("url", "")) != new_origin:
                        elsewhere = True
                self.conn.execute(
                    "UPDATE publications SET url = ?, documents = ?,"
                    " lastmod = CASE WHEN ? THEN NULL ELSE lastmod END WHERE id = ?",
                    (new, json.dumps(docs), elsewhere, pub_id),
                )
                self.conn.execute(
                    "UPDATE events SET url = ? WHERE publication_id = ? AND url = ?",
                    (new, pub_id, url),
                )
                self.conn.execute(  # what joins the register to its report moves too
                    "UPDATE register_entries SET report_url = ? WHERE report_url = ?", (new, url)
                )
                moved += 1
        return moved

    def save_publication(
        self,
        pub: Publication,
        events: list[ChangeEvent],
        *,
        lastmod: str | None = None,
        validators: dict[str, tuple[str | None, str | None]] | None = None,
        scan_id: int | None = None,
    ) -> int:
        """Store one freshly parsed publication, its findings, a snapshot and its events.

        All in one transaction: a crash leaves either the old record or the new one.
        """
        now = utcnow()
        text = pub.text or ""
        digest = content_hash(text)
        with self.transaction():
            pub_id = self._upsert_publication(
                _publication_values(pub, digest, lastmod, now), bool(events), now)
            self._replace_findings(pub_id, pub.findings)
            self.conn.execute(
                "INSERT OR IGNORE INTO snapshots (publication_id, at, content_hash, text_z)"
                " VALUES (?, ?, ?, ?)",
                (pub_id, now, digest, zlib.compress(text.encode("utf-8"), 6)),
            )
            self._insert_events(pub_id, events, now, scan_id)
            for url, (etag, modified) in (validators or {}).items():
                self.remember(url, etag, modified)
        return pub_id

    def _upsert_publication(self, values: dict, changed: bool, now: str) -> int:
        """Insert the publication's row, or update it in place (keeping its id and
        first_seen; last_changed moves only when something `changed`); returns its id."""
        row = self.conn.execute(
            "SELECT id, first_seen, last_changed FROM publications WHERE key = ?",
            (values["key"],),
        ).fetchone()
        if row is None:
            values["first_seen"] = now
            values["last_changed"] = now
            cols = ", ".join(values)
            marks = ", ".join("?" for _ in values)
            cur = self.conn.execute(
                f"INSERT INTO publications ({cols}) VALUES ({marks})", list(values.values())
            )
            return int(cur.lastrowid)
        pub_id = row[0]
        values["last_changed"] = now if changed else row[2]
        sets = ", ".join(f"{k} = ?" for k in values)
        self.conn.execute(
            f"UPDATE publications SET {sets} WHERE id = ?", [*values.values(), pub_id]
        )
        return pub_id

    def _replace_findings(self, pub_id: int, findings: list) -> None:
        """A publication's findings are always stored whole: the new list replaces the old."""
        self.conn.execute("DELETE FROM findings WHERE publication_id = ?", (pub_id,))
        self.conn.executemany(
            "INSERT INTO findings (publication_id, ordinal, kind, number, title, text,"
            " deadline, addressees, applies_to_chief_constables, force, source)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    pub_id,
                    i,
                    f.kind,
                    f.number,
                    f.title,
                    f.text,
                    f.deadline,
                    json.dumps(f.addressees),
                    int(f.applies_to_chief_constables),
                    f.force,
                    f.source,
                )
                for i, f in enumerate(findings, start=1)
            ],
        )

    def touch_publication(
        self,
        url: str,
        *,
        lastmod: str | None = None,
        validators: dict[str, tuple[str | None, str | None]] | None = None,
    ) -> None:
        """Record that a publication was checked and had not changed."""
        with self.transaction():
            self.conn.execute(
                "UPDATE publications SET last_checked = ?, lastmod = COALESCE(?, lastmod)"
                " WHERE key = ?",
                (utcnow(), lastmod, publication_key(url)),
            )
            for u, (etag, modified) in (validators or {}).items():
                self.remember(u, etag, modified)

    def add_warning(self, url: str, warning: dict) -> None:
        """Attach a doubt to a stored publication without touching its reading."""
        with self.transaction():
            row = self.conn.execute(
                "SELECT id, warnings FROM publications WHERE key = ?", (publication_key(url),)
            ).fetchone()
            if row is None:
                return
            warnings = [w for w in json.loads(row[1] or "[]")
                        if not (isinstance(w, dict) and w.get("kind") == warning.get("kind"))]
            warnings.append(warning)
            self.conn.execute(
                "UPDATE publications SET warnings = ?, last_checked = ? WHERE id = ?",
                (json.dumps(warnings), utcnow(), row[0]),
            )

    def record_withdrawal(
        self, url: str, event: ChangeEvent, *, lastmod: str | None = None, scan_id=None
    ) -> None:
        """Mark a stored publication withdrawn. The record and its history are kept."""
        now = utcnow()
        with self.transaction():
            row = self.conn.execute(
                "SELECT id FROM publications WHERE key = ?", (publication_key(url),)
            ).fetchone()
            if row is None:
                return
            self.conn.execute(
                "UPDATE publications SET status = 'withdrawn', last_changed = ?,"
                " last_checked = ?, lastmod = COALESCE(?, lastmod) WHERE id = ?",
                (now, now, lastmod, row[0]),
            )
            self.forget(url)
            self._insert_events(row[0], [event], now, scan_id)

    def _insert_events(self, pub_id: int, events: list[ChangeEvent], now: str, scan_id) -> None:
        for ev in events:
            cur = self.conn.execute(
                "INSERT INTO events (at, kind, publication_id, url, slug, title, details, scan_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    ev.at or now,
                    ev.kind,
                    pub_id,
                    ev.url,
                    ev.slug,
                    ev.title,
                    json.dumps(ev.details, ensure_ascii=False),
                    scan_id,
                ),
            )
            ev.id = int(cur.lastrowid)
            ev.at = ev.at or now

    # -- queries --

    def _decode(self, row: dict, *, with_findings: bool = False) -> dict:
        out = dict(row)
        for key in JSON_FIELDS:
            out[key] = json.loads(out[key]) if out.get(key) else []
        out["all_forces"] = bool(out.get("all_forces"))
        out.pop("content_hash", None)
        out.pop("key", None)
        if with_findings:
            out["findings"] = self.findings(publication_id=row["id"])
        return out

    def reports(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        force: str | None = None,
        include_withdrawn: bool = True,
        with_findings: bool = False,
        urls: Iterable[str] | None = None,
    ) -> list[dict]:
        """Publications by publication date, newest first.

        `force` keeps reports that name the force or concern all forces (empty `forces`).
        """
        where, params = [], []
        if since:
            where.append("published >= ?")
            params.append(since)
        if until:
            where.append("published <= ?")
            params.append(until)
        if not include_withdrawn:
            where.append("status = 'active'")
        if urls is not None:
            urls = list(dict.fromkeys(urls))
            if not urls:
                return []
            where.append("key IN (SELECT value FROM json_each(?))")
            params.append(json.dumps([publication_key(u) for u in urls]))
        sql = "SELECT * FROM publications"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY published DESC, id DESC"
        rows = [self._decode(r, with_findings=with_findings) for r in self.db.query(sql, params)]
        if force:
            rows = [r for r in rows if concerns_force(r, force)]
        return rows

    def findings(
        self,
        *,
        publication_id: int | None = None,
        slug: str | None = None,
        applies_to: str | None = None,
    ) -> list[dict]:
        """Finding rows, each with its report's slug, title and URL for tracing.

        `applies_to` is "chief-constables" (the recommendations counted in a report's
        recommendations_to_chief_constables) or a force's canonical name (what its
        register holds: core.forces.finding_applies_to_force).
        """
        sql = (
            "SELECT f.*, p.slug AS report_slug, p.title AS report_title, p.url AS report_url,"
            " p.published AS report_published FROM findings f"
            " JOIN publications p ON p.id = f.publication_id"
        )
        where, params = [], []
        if publication_id is not None:
            where.append("f.publication_id = ?")
            params.append(publication_id)
        if slug:
            where.append("p.slug = ?")
            params.append(slug)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY p.published DESC, f.publication_id, f.ordinal"
        to_cc = bool(applies_to) and applies_to.casefold().replace("-", " ") == CHIEF_CONSTABLES
        reports = ({r["url"]: r for r in self.reports(force=applies_to)}
                   if applies_to and not to_cc else None)
        out = []
        for r in self.db.query(sql, params):
            r = dict(r)
            r["addressees"] = json.loads(r["addressees"] or "[]")
            # one meaning (core.models.to_chief_constables): a force's own AFIs show their force
            r["applies_to_chief_constables"] = to_chief_constables(r)
            if to_cc and not r["applies_to_chief_constables"]:
                continue
            if reports is not None and (
                r["report_url"] not in reports
                or not finding_applies_to_force(r, reports[r["report_url"]], applies_to)
            ):
                continue
            out.append(r)
        return out

    def changes(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        kinds: Iterable[str] | None = None,
        limit: int | None = None,
        include_backfill: bool = True,
    ) -> list[dict]:
        """Change events, newest first.

        `include_backfill=False` leaves out the first scan's "new" events (its record of
        the archive), which outputs about change never show.
        """
        where, params = [], []
        if not include_backfill:
            # COALESCE: a "new" event without the flag is news (NOT NULL would drop it).
            where.append("NOT (kind = 'new' AND COALESCE(json_extract(details, '$.backfill'), 0))")
        if since:
            where.append("at >= ?")
            params.append(since)
        if until:
            where.append("at <= ?")
            params.append(until)
        kinds = list(kinds or [])
        if kinds:
            where.append(f"kind IN ({', '.join('?' for _ in kinds)})")
            params.extend(kinds)
        sql = "SELECT id, at, kind, url, slug, title, details, publication_id FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY at DESC, id DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        out = []
        for r in self.db.query(sql, params):
            r = dict(r)
            r["details"] = json.loads(r["details"] or "{}")
            out.append(r)
        return out

    def snapshots(self, slug: str) -> list[dict]:
        """Every stored version of a publication's text, oldest first."""
        rows = self.db.query(
            "SELECT s.id, s.at, s.content_hash, s.text_z FROM snapshots s"
            " JOIN publications p ON p.id = s.publication_id WHERE p.slug = ? ORDER BY s.id",
            [slug],
        )
        return [
            {
                "id": r["id"],
                "at": r["at"],
                "content_hash": r["content_hash"],
                "text": zlib.decompress(r["text_z"]).decode("utf-8"),
            }
            for r in rows
        ]

    @contextmanager
    def exclusive(self, what: str = "scan") -> Iterator[None]:
        """Hold the database's run lock: two scans (or schedulers) never run at once on it."""
        lock = FileLock(f"{self.path}.lock")
        try:
            lock.acquire(timeout=0)
        except Timeout:
            log.warning("another hmicfrs-watch scan is running on %s; waiting up to %g s",
                        self.path, LOCK_WAIT)
            try:
                lock.acquire(timeout=LOCK_WAIT)
            except Timeout:
                raise StoreError(
                    f"another hmicfrs-watch {what} is already running on {self.path} "
                    f"(lock file {self.path}.lock); wait for it to finish"
                ) from None
        try:
            yield
        finally:
            lock.release()

    def integrity_ok(self) -> bool:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _origin_of(url: str) -> str:
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}".lower()


def _site_path(site: str) -> str:
    return urlsplit(site).path.rstrip("/")


def _open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes: read-only, or immutable when a read-only folder
    leaves SQLite no way to make the WAL's shared-memory file."""
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=30, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        conn = sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)
    conn.execute("PRAGMA query_only=ON")
    return conn
