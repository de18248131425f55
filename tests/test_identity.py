"""The same report stays the same report: identity is the path, backfill lasts until a
scan finishes the archive, and databases written before that migrate in place.

The scans run against the bundled mirror on loopback ports; the migration test opens a
database written by the code of the commit before the identity migration
(tests/data/schema3-watch.sql, made by tests/data/make_schema3_dump.py).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.identity import path_key, publication_key, url_on_site
from store.db import MIGRATIONS, Store
from store.register import entry_key, sync_register
from watcher.config import Config
from watcher.mirror.server import MirrorServer
from watcher.publish.window import feed_for_store
from watcher.scan import make_fetcher, run_scan

DUMP = Path(__file__).parent / "data" / "schema3-watch.sql"
DUMP_SCHEMA = 3  # the schema version the dump was written at (before identity and discovery state)
FORCE = "Northumbria Police"


# --- the rule -------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "https://hmicfrs.justiceinspectorates.gov.uk/publications/peel-2023-25-x/",
    "https://hmicfrs.justiceinspectorates.gov.uk/publications/peel-2023-25-x",
    "http://hmicfrs.justiceinspectorates.gov.uk:8080/publications/peel-2023-25-x/",
    "https://www.justiceinspectorates.gov.uk/hmicfrs/publications/peel-2023-25-x/",
    "http://127.0.0.1:41234/publications/peel-2023-25-x/",
    "http://127.0.0.1:41234//publications/peel-2023-25-x//",
    "http://localhost/mirror/publications/peel-2023-25-x/",
    "hmicfrs.justiceinspectorates.gov.uk/publications/peel-2023-25-x/",
])
def test_a_publication_is_its_path_wherever_the_site_is_served(url):
    assert publication_key(url) == "/publications/peel-2023-25-x"


def test_paths_that_differ_are_different_things():
    assert publication_key("http://h/publications/a/") != publication_key("http://h/publications/b/")
    assert path_key("http://h/publication-html/a/") != path_key("http://h/publications/a/")
    assert path_key("http://h:1/uploads/a.pdf") == path_key("https://assets-h/uploads/a.pdf")
    assert path_key("http://h/uploads/a%20b.pdf") == path_key("http://h/uploads/a b.pdf")


def test_url_on_site_is_the_form_discovery_gives():
    assert url_on_site("/publications/x", "http://127.0.0.1:9/") == "http://127.0.0.1:9/publications/x/"


# --- a site on another port or host -----------------------------------------------------------


def _scan(store: Store, site: str, progress=None):
    config = Config(site=site, db=store.path, delay=0.0)
    with make_fetcher(config, cache=store, retries=1, backoff=0.01) as fetcher:
        return run_scan(store, fetcher, site, progress=progress)


def test_the_same_content_under_a_new_port_adds_nothing(tmp_path):
    db = tmp_path / "watch.db"
    with MirrorServer.from_content() as first, Store(db) as store:
        assert _scan(store, first.url).ok
        sync_register(store, FORCE)
        before = {r["slug"]: r for r in store.reports()}
        events_before = len(store.changes())
        entries_before = store.conn.execute("SELECT id, key FROM register_entries").fetchall()
    with MirrorServer.from_content() as moved, Store(db) as store:
        assert moved.url != first.url
        result = _scan(store, moved.url)
        assert result.ok, result.errors
        assert (result.new, result.updated, result.withdrawn) == (0, 0, 0)
        assert result.events == []
        after = {r["slug"]: r for r in store.reports()}
        assert len(after) == len(before) == result.stored
        for slug, row in after.items():  # counts unchanged, addresses follow the site
            assert {k: row[k] for k in ("recommendations", "areas_for_improvement", "causes_of_concern")} == {
                k: before[slug][k] for k in ("recommendations", "areas_for_improvement", "causes_of_concern")}
            assert row["url"].startswith(moved.url + "/")
            assert all(not d["url"].startswith((first.url, first.asset_url)) for d in row["documents"])
        assert len(store.changes()) == events_before
        assert all(e["url"].startswith(moved.url) for e in store.changes())
        sync = sync_register(store, FORCE)
        assert (sync.added, sync.removed) == (0, 0)
        assert store.conn.execute("SELECT id, key FROM register_entries").fetchall() == entries_before
        _, items = feed_for_store(store, moved.url, include_backfill=True)
        assert items == len(before)  # one "new" each, from the first scan: none doubled


def test_a_mistyped_site_moves_no_stored_address(tmp_path, mirror):
    db = tmp_path / "watch.db"
    with Store(db) as store:
        assert _scan(store, mirror.url).ok
        urls = sorted(r["url"] for r in store.reports())
        dead = _scan(store, "http://127.0.0.1:9")
        assert not dead.ok and len(dead.errors) == 1 and "cannot reach" in dead.errors[0]
        assert sorted(r["url"] for r in store.reports()) == urls


# --- backfill until the archive is complete -------------------------------------------------


def _stop_after(n: int):
    def progress(description, done, total):
        if description.startswith("Checking") and done >= n:
            raise KeyboardInterrupt

    return progress


def test_a_first_scan_interrupted_three_times_yields_an_empty_feed(tmp_path, mirror):
    now = datetime.now(UTC)
    with Store(tmp_path / "watch.db") as store:
        for stop in (8, 5, 5):  # Ctrl-C at 8 of 43, then twice more
            with pytest.raises(KeyboardInterrupt):
                _scan(store, mirror.url, progress=_stop_after(stop))
        assert 0 < len(store.reports()) < len(mirror.publications)
        assert not store.archive_complete()
        result = _scan(store, mirror.url)
        assert result.ok and result.new > 0
        assert store.archive_complete()
        assert len(store.reports()) == len([p for p in mirror.publications if not p.withdrawn])
        assert store.changes(include_backfill=False) == []
        data, items = feed_for_store(store, mirror.url, now=now)
        assert items == 0
        assert [s["status"] for s in store.db.query("SELECT status FROM scans ORDER BY id")] == [
            "interrupted", "interrupted", "interrupted", "ok"]


def test_after_the_archive_is_complete_a_new_report_is_news(tmp_path, mirror):
    from watcher.mirror.states import later_state

    with Store(tmp_path / "watch.db") as store:
        with pytest.raises(KeyboardInterrupt):
            _scan(store, mirror.url, progress=_stop_after(3))
        assert _scan(store, mirror.url).ok
        later, expected = later_state(mirror.publications)
        mirror.update(later)
        result = _scan(store, mirror.url)
        assert result.ok
        news = {e["slug"] for e in store.changes(include_backfill=False) if e["kind"] == "new"}
        assert news == {s for s, kinds in expected.items() if "new" in kinds}


def test_a_killed_scan_is_closed_with_its_true_totals_by_the_next(tmp_path, mirror):
    """SIGKILL leaves the record 'running' and no chance to close it: the next scan does."""
    with Store(tmp_path / "watch.db") as store:
        with pytest.raises(KeyboardInterrupt):
            _scan(store, mirror.url, progress=_stop_after(4))
        # what SIGKILL leaves: the same rows, but the record never closed
        store.conn.execute("UPDATE scans SET status = 'running', finished = NULL, summary = NULL")
        stored = len(store.reports())
        assert _scan(store, mirror.url).ok
        killed = store.db["scans"].get(1)
        assert killed["status"] == "killed" and killed["finished"]
        summary = json.loads(killed["summary"])
        assert summary["new"] == stored == 4 and summary["stored"] == stored
        assert store.changes(include_backfill=False) == []  # still backfill after the kill


# --- the migration --------------------------------------------------------------------------


def _load_dump(path: Path) -> None:
    con = sqlite3.connect(path)
    con.executescript(DUMP.read_text(encoding="utf-8"))
    con.execute(f"PRAGMA user_version = {DUMP_SCHEMA}")  # iterdump does not keep it
    con.commit()
    con.close()


def _table(path: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_a_database_from_before_the_identity_migration_upgrades_with_no_loss(tmp_path):
    db = tmp_path / "old.db"
    _load_dump(db)
    old_pubs = _table(db, "SELECT id, slug, url FROM publications ORDER BY id")
    old_events = _table(db, "SELECT id, kind, slug FROM events ORDER BY id")
    old_history = _table(db, "SELECT id, entry_id, at, status, note FROM register_history ORDER BY id")
    old_entries = _table(db, "SELECT id, report_url, kind, finding_text, status FROM register_entries")
    old_snapshots = {row for row in _table(db, "SELECT content_hash FROM snapshots")}
    slugs = {slug for _, slug, _ in old_pubs}
    assert len(old_pubs) == 2 * len(slugs)  # the bug this fixes: every report stored twice

    with Store(db) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert store.integrity_ok()
        pubs = store.reports(with_findings=True)
        # one publication each, kept under its first id, with its findings
        assert sorted(r["slug"] for r in pubs) == sorted(slugs)
        first_ids = {slug: min(i for i, s, _ in old_pubs if s == slug) for slug in slugs}
        assert {r["slug"]: r["id"] for r in pubs} == first_ids
        for r in pubs:
            assert len(r["findings"]) == sum(
                r[k] for k in ("recommendations", "areas_for_improvement", "causes_of_concern"))
        # no event, history row, register entry or snapshot is lost
        assert [(e["id"], e["kind"], e["slug"]) for e in reversed(store.changes())] == old_events
        assert _table(db, "SELECT id, entry_id, at, status, note FROM register_history ORDER BY id") == old_history
        assert len(_table(db, "SELECT id FROM register_entries")) == len(old_entries)
        assert {row for row in _table(db, "SELECT content_hash FROM snapshots")} == old_snapshots
        # the copies' "new" events, and the first complete scan's, are not news
        assert store.changes(include_backfill=False) == []
        assert store.archive_complete()
        # scanned register entries are keyed by report identity: one live entry per finding
        live = _table(db, "SELECT key, report_url, kind, finding_text FROM register_entries"
                          " WHERE finding_removed = 0 AND origin = 'scan'")
        assert live and all(key == entry_key(url, kind, text) for key, url, kind, text in live)
        assert len({key for key, *_ in live}) == len(live)
        # the liaison's closure stays on a live entry, so it survives the next sync
        closed = [i for i, *_, status in old_entries if status == "closed"]
        assert len(closed) == 1
        assert _table(db, f"SELECT status, finding_removed FROM register_entries WHERE id = {closed[0]}") == [
            ("closed", 0)]


def test_a_migrated_database_scans_the_same_site_without_adding_anything(tmp_path):
    from watcher.mirror.content import load_publications

    db = tmp_path / "old.db"
    _load_dump(db)
    slugs = {s for (s,) in _table(db, "SELECT DISTINCT slug FROM publications")}
    pubs = [p for p in load_publications(None, state=1) if p.slug in slugs]
    with MirrorServer.from_publications(pubs, nonce="n0nce") as mirror, Store(db) as store:
        before = len(store.changes())
        result = _scan(store, mirror.url)
        assert result.ok, result.errors
        assert (result.new, result.updated, result.withdrawn) == (0, 0, 0)
        assert len(store.reports()) == len(slugs) and len(store.changes()) == before
        sync = sync_register(store, FORCE)
        assert (sync.added, sync.removed) == (0, 0)


def test_a_dead_site_is_one_clear_line_and_exit_1(tmp_path):
    from click.testing import CliRunner

    from watcher.cli import cli

    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "w.db"), "--site", "http://127.0.0.1:9", "scan"])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "cannot reach http://127.0.0.1:9" in errors[0]
