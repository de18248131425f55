"""The SQLite store: schema, migrations, writes in one transaction each, and queries.

Why raw SQL for writes: sqlite-utils' write helpers commit on their own, and every
publication update here must be a single transaction (a scan killed at any point leaves
a consistent database). sqlite-utils does the schema work and the read queries.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils
from filelock import FileLock, Timeout

from core.forces import concerns_force, finding_applies_to_force
from core.models import CHIEF_CONSTABLES, ChangeEvent, Publication, counts_of, to_chief_constables

JSON_FIELDS = ("forces", "services", "joint_with", "documents", "warnings")


class StoreError(Exception):
    """The database cannot be used (locked by another scan, newer schema, corrupt)."""


def utcnow() -> str:
    """An ISO timestamp in UTC with seconds precision (what every stored time uses)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- migrations -------------------------------------------------------------------------


def _m1_initial(db: sqlite_utils.Database) -> None:
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
    for action in ("UPDATE", "DELETE"):
        db.conn.execute(
            f"CREATE TRIGGER register_history_no_{action.lower()} BEFORE {action}"
            " ON register_history BEGIN"
            " SELECT RAISE(ABORT, 'register_history is append-only'); END"
        )


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
    for action in ("UPDATE", "DELETE"):
        db.conn.execute(
            f"CREATE TRIGGER register_field_history_no_{action.lower()} BEFORE {action}"
            " ON register_field_history BEGIN"
            " SELECT RAISE(ABORT, 'register_field_history is append-only'); END"
        )
    db["notifications"].create(
        {"id": int, "key": str, "created_at": str, "title": str, "body": str,
         "sent_at": str, "attempts": int, "last_error": str},
        pk="id",
        not_null={"key", "created_at", "title", "body"},
        defaults={"attempts": 0},
    )
    db["notifications"].create_index(["key"], unique=True)
    db["notifications"].create_index(["sent_at"])


MIGRATIONS = [_m1_initial, _m2_register, _m3_obligations, _m4_discovery, _m5_register_fields_and_notifications]


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
                conn = sqlite3.connect(str(path), timeout=30, isolation_level=None)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path} is not a usable SQLite database: {exc}") from exc
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self._migrate()

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
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception (including Ctrl-C)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

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
        cur = self.conn.execute(
            "INSERT INTO scans (started, status, site) VALUES (?, 'running', ?)", (utcnow(), site)
        )
        return int(cur.lastrowid)

    def finish_scan(self, scan_id: int, status: str, summary: dict, error: str | None = None):
        self.conn.execute(
            "UPDATE scans SET finished = ?, status = ?, summary = ?, error = ? WHERE id = ?",
            (utcnow(), status, json.dumps(summary), error, scan_id),
        )

    def last_scan(self) -> dict | None:
        rows = list(self.db.query("SELECT * FROM scans ORDER BY id DESC LIMIT 1"))
        return rows[0] if rows else None

    # -- publications: writes --

    def publication_row(self, url: str) -> dict | None:
        """The stored record of one publication with its findings, or None."""
        rows = list(self.db.query("SELECT * FROM publications WHERE url = ?", [url]))
        if not rows:
            return None
        return self._decode(rows[0], with_findings=True)

    def known_publications(self) -> dict[str, dict]:
        """url -> {lastmod, status, id, published, last_checked} for every stored
        publication (cheap, for discovery and its rolling re-check)."""
        return {
            r["url"]: r
            for r in self.db.query(
                "SELECT id, url, slug, lastmod, status, published, last_checked FROM publications"
            )
        }

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
        counts = counts_of(pub.findings)
        text = pub.text or ""
        digest = content_hash(text)
        with self.transaction():
            row = self.conn.execute(
                "SELECT id, first_seen, last_changed FROM publications WHERE url = ?", (pub.url,)
            ).fetchone()
            values = {
                "url": pub.url,
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
                **counts,
            }
            if row is None:
                values["first_seen"] = now
                values["last_changed"] = now
                cols = ", ".join(values)
                marks = ", ".join("?" for _ in values)
                cur = self.conn.execute(
                    f"INSERT INTO publications ({cols}) VALUES ({marks})", list(values.values())
                )
                pub_id = int(cur.lastrowid)
            else:
                pub_id = row[0]
                values["last_changed"] = now if events else row[2]
                sets = ", ".join(f"{k} = ?" for k in values)
                self.conn.execute(
                    f"UPDATE publications SET {sets} WHERE id = ?", [*values.values(), pub_id]
                )
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
                    for i, f in enumerate(pub.findings, start=1)
                ],
            )
            self.conn.execute(
                "INSERT OR IGNORE INTO snapshots (publication_id, at, content_hash, text_z)"
                " VALUES (?, ?, ?, ?)",
                (pub_id, now, digest, zlib.compress(text.encode("utf-8"), 6)),
            )
            self._insert_events(pub_id, events, now, scan_id)
            for url, (etag, modified) in (validators or {}).items():
                self.remember(url, etag, modified)
        return pub_id

    def touch_publication(
        self,
        url: str,
        *,
        lastmod: str | None = None,
        validators: dict[str, tuple[str | None, str | None]] | None = None,
    ) -> None:
        """Record that a publication was checked and had not changed."""
        with self.transaction():
            if lastmod is None:
                self.conn.execute(
                    "UPDATE publications SET last_checked = ? WHERE url = ?", (utcnow(), url)
                )
            else:
                self.conn.execute(
                    "UPDATE publications SET last_checked = ?, lastmod = ? WHERE url = ?",
                    (utcnow(), lastmod, url),
                )
            for u, (etag, modified) in (validators or {}).items():
                self.remember(u, etag, modified)

    def record_withdrawal(
        self, url: str, event: ChangeEvent, *, lastmod: str | None = None, scan_id=None
    ) -> None:
        """Mark a stored publication withdrawn. The record and its history are kept."""
        now = utcnow()
        with self.transaction():
            row = self.conn.execute("SELECT id FROM publications WHERE url = ?", (url,)).fetchone()
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
            where.append("url IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(urls))
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
            where.append("NOT (kind = 'new' AND json_extract(details, '$.backfill'))")
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
