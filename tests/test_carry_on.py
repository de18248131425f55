"""Every scan after a killed one carries on: the scheduler catches up after any scan that
did not finish, status.json tells the truth about what is stored, and `schedule --once`
gives way to a running scheduler.

The scheduler runs as a real `hmicfrs-watch schedule` process, stopped with SIGTERM.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from scheduler_process import start_schedule, wait_for
from click.testing import CliRunner

from schedules.scheduler import scheduler_lock, scan_missed
from store.db import Store
from watcher.cli import cli
from watcher.config import load_config


def _config(tmp: Path, site: str, *, delay: float = 0.0, scan_at: str | None = None) -> Path:
    scan_at = scan_at or (datetime.now() + timedelta(hours=12)).strftime("%H:%M")
    path = tmp / "config.toml"
    path.write_text(
        f'db = "{tmp / "watch.db"}"\n'
        f'[site]\nurl = "{site}"\ndelay = {delay}\n'
        f'[output]\ndir = "{tmp / "out"}"\n'
        f'[schedule]\nscan_at = "{scan_at}"\njitter = 0\n',
        encoding="utf-8",
    )
    return path


def _stored(db: Path, *, tries: int = 10) -> int:
    """Publications stored so far, read without writing (a read-write open would wait on,
    or race, the scan's own writes); a database still being created is asked again."""
    for _ in range(tries):
        if not db.exists():
            return 0
        try:
            with Store(db, read_only=True) as store:
                return len(store.reports())
        except Exception:  # noqa: BLE001 - mid-migration on the first open: ask again
            time.sleep(0.1)
    return 0


def _stop(proc: subprocess.Popen) -> int:
    proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=90)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_sigterm_during_the_catch_up_scan_is_caught_up_after_a_restart(tmp_path, mirror):
    # a politeness delay keeps the catch-up scan running long enough to stop it midway
    cfg = _config(tmp_path, mirror.url, delay=0.15)
    db = tmp_path / "watch.db"
    proc, lines = start_schedule(cfg)
    wait_for(lines, "scanning once now")
    deadline = time.monotonic() + 120
    while _stored(db) < 3 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _stop(proc) == 0
    stored = _stored(db)
    assert 3 <= stored < len(mirror.publications), "the scan was not stopped midway"
    status = json.loads((tmp_path / "out" / "status.json").read_text())
    assert status["ok"] is False
    assert f"; {stored} publications stored" in status["summary"]  # not "0 publications"
    with Store(db) as store:
        assert store.last_scan()["status"] == "interrupted"

    proc, lines = start_schedule(cfg)  # the restarted scheduler must catch up, not wait for tomorrow
    wait_for(lines, "scanning once now")
    assert _stop(proc) == 0


def test_only_a_scan_that_ran_to_its_end_counts_as_the_days_scan(tmp_path, mirror):
    cfg_path = _config(tmp_path, mirror.url, scan_at="00:00")
    config = load_config(cfg_path)
    now = datetime.now().astimezone()
    with Store(config.db) as store:
        store.conn.execute(
            "INSERT INTO scans (started, status, site) VALUES (?, 'interrupted', ?)",
            (now.isoformat(), mirror.url))
        assert store.last_finished_scan() is None
    from schedules.scheduler import _last_scan_time

    assert _last_scan_time(config) is None
    assert scan_missed(config, now, _last_scan_time(config))


def test_schedule_once_gives_way_to_a_running_scheduler(tmp_path, mirror):
    cfg_path = _config(tmp_path, mirror.url)
    config = load_config(cfg_path)
    lock = scheduler_lock(config)
    try:
        result = CliRunner().invoke(cli, ["--config", str(cfg_path), "schedule", "--once"],
                                    env={"HMICFRS_WATCH_DB": None, "HMICFRS_WATCH_SITE": None})
    finally:
        lock.release()
    assert result.exit_code == 3, result.output
    assert "scheduler" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()  # no feed, no status.json rewritten
    assert not Path(config.db).exists() or _stored(Path(config.db)) == 0


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_sigkilled_first_scan_is_still_backfill_and_is_closed(tmp_path, mirror):
    """SIGKILL at some point of the first scan: the next scans record no news of the archive."""
    db = tmp_path / "watch.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith("HMICFRS_WATCH_")}
    proc = subprocess.Popen(
        [str(Path(sys.executable).with_name("hmicfrs-watch")), "--db", str(db), "--site",
         mirror.url, "-q", "scan", "--delay", "0.1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while _stored(db) < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    killed_at = _stored(db)
    assert 3 <= killed_at < len(mirror.publications), f"scan exited {proc.returncode} after {killed_at}"
    result = CliRunner().invoke(cli, ["--db", str(db), "--site", mirror.url, "scan", "--json"])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        first = store.db["scans"].get(1)
        assert first["status"] == "killed"
        assert json.loads(first["summary"])["new"] == killed_at
        assert store.changes(include_backfill=False) == []


def test_status_after_a_scan_that_could_not_start_still_counts_what_is_stored(tmp_path, mirror,
                                                                              monkeypatch):
    import store.db as db_module
    from schedules import jobs

    monkeypatch.setattr(db_module, "LOCK_WAIT", 0.2)

    cfg_path = _config(tmp_path, mirror.url)
    config = load_config(cfg_path)
    jobs.scan_job(config)
    stored = _stored(Path(config.db))
    assert stored > 0
    with Store(config.db) as other, other.exclusive("scan"):  # a manual scan is running
        result = jobs.scan_job(config)
    assert not result.ok
    status = json.loads((tmp_path / "out" / "status.json").read_text())
    assert f"; {stored} publications stored" in status["summary"]
