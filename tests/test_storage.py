"""Big inputs, bounded; storage failures, one sentence: locks, full disks, damaged pages.

Every failure of the database itself is a clear message and exit 3, never a traceback,
and loses nothing that was stored. A title of a megabyte does not make a megabyte feed.
"""

from __future__ import annotations

import os
import resource
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import store.db as db_module
from store.db import Store, StoreError
from watcher.cli import cli
from watcher.config import Config
from watcher.diff import MAX_SUMMARY, MAX_TITLE
from watcher.mirror.content import load_publications
from watcher.mirror.server import MirrorServer
from watcher.mirror.states import later_state
from watcher.publish.digest import render
from watcher.publish.window import digest_for_window, feed_for_store
from watcher.scan import make_fetcher, run_scan

CLI = Path(sys.executable).with_name("hmicfrs-watch")


def _env(tmp: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HMICFRS_WATCH_")}
    env.update(HOME=str(tmp), XDG_CONFIG_HOME=str(tmp / "cfg"), XDG_DATA_HOME=str(tmp / "data"))
    return env


def _scan(store: Store, site: str):
    with make_fetcher(Config(site=site, db=store.path, delay=0.0), cache=store, retries=1,
                      backoff=0.01) as fetcher:
        return run_scan(store, fetcher, site)


@pytest.fixture
def short_waits(monkeypatch):
    monkeypatch.setattr(db_module, "LOCK_WAIT", 0.3)


# --- locks ----------------------------------------------------------------------------------


def test_a_scan_waits_for_a_running_scan_then_exits_3(tmp_path, short_waits, caplog):
    db = tmp_path / "watch.db"
    with Store(db) as other, other.exclusive("scan"):
        result = CliRunner().invoke(cli, ["--db", str(db), "--site", "http://127.0.0.1:9", "scan"])
    assert result.exit_code == 3, result.output
    assert "already running" in result.output and "Traceback" not in result.output
    assert any("waiting up to" in r.getMessage() for r in caplog.records)


def test_a_scan_during_a_register_import_exits_3_without_a_traceback(tmp_path, mirror, short_waits, caplog):
    db = tmp_path / "watch.db"
    Store(db).close()
    importer = sqlite3.connect(db, isolation_level=None)
    importer.execute("BEGIN IMMEDIATE")  # what a long register import holds
    try:
        result = CliRunner().invoke(cli, ["--db", str(db), "--site", mirror.url, "scan"])
    finally:
        importer.execute("ROLLBACK")
        importer.close()
    assert result.exit_code == 3, result.output
    assert "busy" in result.output and "register import" in result.output
    assert "locked" not in result.output.replace("busy", "")  # not sqlite's raw words
    assert any("waiting up to" in r.getMessage() for r in caplog.records)
    with Store(db) as store:  # and the next scan, with the writer gone, runs
        assert _scan(store, mirror.url).ok


# --- a full disk ----------------------------------------------------------------------------


def test_a_full_disk_mid_scan_is_a_store_error_and_loses_nothing(tmp_path, mirror):
    db = tmp_path / "watch.db"
    with Store(db) as store:
        assert _scan(store, mirror.url).ok
        before = {r["slug"]: r for r in store.reports()}
        events = len(store.changes())
    later, _ = later_state(mirror.publications)
    mirror.update(later)
    with Store(db) as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full
        with pytest.raises(StoreError, match="disk is full"):
            _scan(store, mirror.url)
    with Store(db) as store:
        assert store.integrity_ok()
        assert {r["slug"]: r for r in store.reports()} == before
        assert len(store.changes()) == events


def test_the_cli_on_a_full_disk_says_so_and_exits_3(tmp_path, mirror):
    db = tmp_path / "watch.db"

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, resource.RLIM_INFINITY))

    proc = subprocess.run(
        [str(CLI), "--db", str(db), "--site", mirror.url, "scan", "--delay", "0"],
        env=_env(tmp_path), capture_output=True, text=True, preexec_fn=small_files, timeout=300,
    )
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "disk is full" in proc.stderr
    with Store(db) as store:
        assert store.integrity_ok()
        stored = store.reports(with_findings=True)
        for r in stored:  # whatever was stored is whole
            assert len(r["findings"]) == sum(
                r[k] for k in ("recommendations", "areas_for_improvement", "causes_of_concern"))


# --- a damaged database ---------------------------------------------------------------------


@pytest.mark.parametrize("damage", ["schema", "data"])
def test_a_damaged_database_page_is_one_sentence_and_exit_3(tmp_path, mirror, damage):
    """Damage met when opening (the schema) or by a read (a table's pages)."""
    db = tmp_path / "watch.db"
    with Store(db) as store:
        assert _scan(store, mirror.url).ok
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = store.conn.execute("PRAGMA page_size").fetchone()[0]
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    data = bytearray(db.read_bytes())
    start = page * (1 if damage == "schema" else pages // 2)
    data[start:] = bytes([0xA5]) * (len(data) - start)
    db.write_bytes(bytes(data))
    proc = subprocess.run([str(CLI), "--db", str(db), "reports"], env=_env(tmp_path),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "damaged" in proc.stderr and ".recover" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


# --- big titles -----------------------------------------------------------------------------


def test_a_megabyte_title_does_not_bloat_the_feed_or_the_digest(tmp_path):
    pubs = load_publications(None, state=1)
    huge = "A title that never ends " * 42_000  # ~1 MB
    victim = pubs[0]
    pubs = [p.replace(title=huge, summary=huge) if p.slug == victim.slug else p for p in pubs]
    with MirrorServer.from_publications(pubs) as mirror, Store(tmp_path / "w.db") as store:
        assert _scan(store, mirror.url).ok
        row = next(r for r in store.reports() if r["slug"] == victim.slug)
        assert len(row["title"]) <= MAX_TITLE and len(row["summary"] or "") <= MAX_SUMMARY
        assert huge.strip() in store.snapshots(victim.slug)[-1]["text"]  # kept whole there
        feed, _ = feed_for_store(store, mirror.url, include_backfill=True)
        assert len(feed) < 200_000
        digest = digest_for_window(store, date(2000, 1, 1), date(2100, 1, 1), None, "JAC", None)
        for fmt in ("md", "html"):
            assert len(render(digest, fmt)) < 400_000
        assert _scan(store, mirror.url).events == []  # a capped title equals itself tomorrow
