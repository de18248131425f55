"""The scheduled jobs and the scheduler: triggers computed from a fixed time (no sleeping),
the jobs run directly with a fixed clock against the bundled mirror, the digest window on
its boundaries, the one-scheduler-per-database lock, and a clean exit on SIGTERM."""

from __future__ import annotations

import dataclasses
import json
import queue
import signal
import subprocess
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import pytest
from scheduler_process import start_schedule, wait_for
from apscheduler.schedulers.background import BackgroundScheduler
from click.testing import CliRunner

from schedules import jobs
from schedules.scheduler import (
    DIGEST_JOB,
    MISFIRE_GRACE,
    SCAN_JOB,
    SchedulerError,
    build_scheduler,
    last_scheduled_scan,
    parse_scan_at,
    run_scheduler,
    scan_missed,
    scheduler_lock,
)
from store.db import Store
from watcher.cli import cli
from watcher.config import Committee, Config
from watcher.mirror.server import MirrorServer
from watcher.scan import ScanResult

LONDON = ZoneInfo("Europe/London")
WMP = "West Midlands Police"
JAC = Committee("Joint Audit Committee", "JAC", [date(2025, 9, 18), date(2025, 12, 11), date(2026, 3, 19)])
FIXED_NOW = datetime(2025, 12, 1, 7, 45, tzinfo=LONDON)


def make_config(tmp: Path, site: str = "http://127.0.0.1:9", **kw) -> Config:
    values = dict(
        site=site, db=tmp / "watch.db", delay=0.0, output_dir=tmp / "out", force=WMP,
        committees=[dataclasses.replace(JAC, meetings=list(JAC.meetings))],
        scan_at="06:30", jitter=600, digest_days_before=10,
    )
    values.update(kw)
    return Config(**values)


# --- triggers and job options ------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [("06:30", (6, 30)), ("0:05", (0, 5)), (" 23:59 ", (23, 59))])
def test_scan_at_parses(value, expected):
    assert parse_scan_at(value) == expected


@pytest.mark.parametrize("value", ["6.30", "24:00", "06:60", "", "half six", "06:30:00"])
def test_scan_at_rejects_with_a_clear_message(value):
    with pytest.raises(SchedulerError, match="HH:MM"):
        parse_scan_at(value)


def test_jobs_are_coalesced_single_instance_with_a_long_grace(tmp_path):
    sched = build_scheduler(make_config(tmp_path), scheduler_cls=BackgroundScheduler, timezone=LONDON)
    scan, digest = sched.get_job(SCAN_JOB), sched.get_job(DIGEST_JOB)
    for job in (scan, digest):
        assert job.coalesce is True
        assert job.max_instances == 1
        assert job.misfire_grace_time == MISFIRE_GRACE >= 6 * 3600
    assert scan.trigger.jitter == 600
    assert digest.trigger.jitter is None


def test_scan_fires_daily_at_scan_at_local_time_within_jitter(tmp_path):
    sched = build_scheduler(make_config(tmp_path), scheduler_cls=BackgroundScheduler, timezone=LONDON)
    trigger = sched.get_job(SCAN_JOB).trigger
    now = FIXED_NOW  # 07:45, after today's scan time: the next one is tomorrow
    fire = trigger.get_next_fire_time(None, now)
    base = datetime(2025, 12, 2, 6, 30, tzinfo=LONDON)
    assert base <= fire <= base + timedelta(seconds=600)
    # before scan_at: today
    early = datetime(2025, 12, 1, 5, 0, tzinfo=LONDON)
    fire = trigger.get_next_fire_time(None, early)
    assert datetime(2025, 12, 1, 6, 30, tzinfo=LONDON) <= fire <= datetime(2025, 12, 1, 6, 40, tzinfo=LONDON)


def test_scan_keeps_local_time_across_the_clocks_changing(tmp_path):
    cfg = make_config(tmp_path, jitter=0)
    trigger = build_scheduler(cfg, scheduler_cls=BackgroundScheduler, timezone=LONDON).get_job(SCAN_JOB).trigger
    fire = trigger.get_next_fire_time(None, datetime(2026, 3, 27, 12, 0, tzinfo=LONDON))
    second = trigger.get_next_fire_time(fire, fire + timedelta(seconds=1))
    assert (fire.hour, fire.minute, second.hour, second.minute) == (6, 30, 6, 30)
    assert second.utcoffset() != fire.utcoffset()  # GMT -> BST, still 06:30 on the wall


def test_digest_check_runs_an_hour_after_the_scan(tmp_path):
    cfg = make_config(tmp_path, scan_at="23:30")
    trigger = build_scheduler(cfg, scheduler_cls=BackgroundScheduler, timezone=LONDON).get_job(DIGEST_JOB).trigger
    fire = trigger.get_next_fire_time(None, FIXED_NOW)
    assert fire == datetime(2025, 12, 2, 0, 30, tzinfo=LONDON)


def test_missed_runs_are_coalesced_into_one(tmp_path):
    """Three days of missed runs, the last within the grace time: exactly one run."""
    now = datetime.now(UTC)
    due = now - timedelta(hours=1)
    cfg = make_config(tmp_path, scan_at=f"{due:%H:%M}", jitter=0)
    sched = build_scheduler(cfg, scheduler_cls=BackgroundScheduler, timezone=UTC)
    calls, ran = [], threading.Event()

    def fake_scan():
        calls.append(datetime.now(UTC))
        ran.set()

    sched.modify_job(SCAN_JOB, func=fake_scan, next_run_time=due - timedelta(days=3))
    sched.remove_job(DIGEST_JOB)
    sched.start()
    try:
        assert ran.wait(timeout=30), "the missed scan never ran"
    finally:
        sched.shutdown(wait=True)
    assert len(calls) == 1


def test_last_scheduled_scan_and_catch_up(tmp_path):
    cfg = make_config(tmp_path)
    at_0630 = datetime(2025, 12, 1, 6, 30, tzinfo=LONDON)
    assert last_scheduled_scan(cfg, FIXED_NOW, LONDON) == at_0630
    assert last_scheduled_scan(cfg, datetime(2025, 12, 1, 6, 0, tzinfo=LONDON), LONDON) == at_0630 - timedelta(days=1)
    assert scan_missed(cfg, FIXED_NOW, None, LONDON)
    assert not scan_missed(cfg, FIXED_NOW, at_0630 + timedelta(minutes=3), LONDON)
    assert scan_missed(cfg, FIXED_NOW, at_0630 - timedelta(minutes=1), LONDON)
    assert not scan_missed(cfg, FIXED_NOW + timedelta(hours=20), at_0630 + timedelta(minutes=3), LONDON)


# --- the scan job against the mirror ---------------------------------------------------------


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    """One scan of the mirror, run through the scheduler's own job with a fixed clock."""
    tmp = tmp_path_factory.mktemp("scanned")
    with MirrorServer.from_content() as mirror:
        cfg = make_config(tmp, site=mirror.url)
        sched = build_scheduler(cfg, scheduler_cls=BackgroundScheduler, clock=lambda: FIXED_NOW,
                                timezone=LONDON)
        outcome = sched.get_job(SCAN_JOB).func()
        yield cfg, outcome


def test_scan_job_writes_feeds_that_parse(scanned):
    cfg, outcome = scanned
    assert outcome.startswith("ok: scan:"), outcome
    for name, version in (("feed.xml", "rss20"), ("feed.atom", "atom10")):
        parsed = feedparser.parse((cfg.output_dir / name).read_bytes())
        assert parsed.bozo == 0, parsed.get("bozo_exception")
        assert parsed.version == version
        # the first scan records the archive; none of it is recent, so none of it is news
        assert parsed.entries == []
    assert not [p for p in cfg.output_dir.iterdir() if p.name.endswith(".tmp")]
    assert oct((cfg.output_dir / "feed.xml").stat().st_mode & 0o777) == oct(0o644)


def test_the_next_days_changes_are_in_the_feed(tmp_path):
    from watcher.mirror.states import later_state

    with MirrorServer.from_content() as mirror:
        cfg = make_config(tmp_path, site=mirror.url)
        assert jobs.scan_job(cfg, now=FIXED_NOW).ok
        later, expected = later_state(mirror.publications)
        mirror.update(later)
        assert jobs.scan_job(cfg, now=FIXED_NOW + timedelta(days=1)).ok
    for name in ("feed.xml", "feed.atom"):
        parsed = feedparser.parse((cfg.output_dir / name).read_bytes())
        assert parsed.bozo == 0
        assert len(parsed.entries) == sum(len(kinds) for kinds in expected.values())


def test_scan_job_writes_status(scanned):
    cfg, _ = scanned
    status = json.loads((cfg.output_dir / "status.json").read_text())
    assert status["ok"] is True and status["errors"] == []
    assert status["last_scan"] == FIXED_NOW.astimezone(UTC).isoformat(timespec="seconds")
    assert status["last_ok_scan"] == status["last_scan"]
    assert status["counts"]["new"] > 10
    assert status["summary"].startswith("scan: ")
    assert set(status["feeds"]) == {"rss", "atom"} | ({"calendar"} if cfg.force else set())


def test_a_failed_scan_is_logged_and_does_not_raise(tmp_path, caplog):
    cfg = make_config(tmp_path)
    jobs.write_status(cfg, ScanResult(), started=FIXED_NOW, finished=FIXED_NOW)  # an ok one before
    with Store(cfg.db) as store, store.exclusive("scan"):  # a manual scan is running
        result = jobs.scan_job(cfg, now=FIXED_NOW + timedelta(days=1))
    assert not result.ok
    assert "already running" in result.errors[0]
    assert any(r.levelname == "ERROR" and "already running" in r.getMessage() for r in caplog.records)
    status = json.loads((cfg.output_dir / "status.json").read_text())
    assert status["ok"] is False and "already running" in status["errors"][0]
    assert status["last_ok_scan"] == FIXED_NOW.astimezone(UTC).isoformat(timespec="seconds")
    # the feeds are still (re)written from what is stored, so readers keep a valid feed
    assert feedparser.parse((cfg.output_dir / "feed.xml").read_bytes()).bozo == 0


def test_a_scan_asked_to_stop_keeps_what_it_stored(tmp_path, mirror):
    cfg = make_config(tmp_path, site=mirror.url)
    stop = threading.Event()
    stop.set()
    result = jobs.scan_job(cfg, now=FIXED_NOW, stop=stop)
    assert not result.ok and "stopped early" in result.errors[-1]
    with Store(cfg.db) as store:
        assert store.last_scan()["status"] == "interrupted"  # so the scheduler catches up
        assert store.last_finished_scan() is None


# --- the digest window ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "today, due",
    [
        (date(2025, 11, 30), []),  # 11 days before: not yet
        (date(2025, 12, 1), [date(2025, 12, 11)]),  # exactly digest_days_before
        (date(2025, 12, 5), [date(2025, 12, 11)]),  # in the window (the scheduler was down)
        (date(2025, 12, 10), [date(2025, 12, 11)]),  # the day before
        (date(2025, 12, 11), []),  # the meeting itself: too late, and the next is far off
        (date(2025, 9, 8), [date(2025, 9, 18)]),
        (date(2026, 3, 20), []),  # no more meetings
    ],
)
def test_due_digests_boundaries(tmp_path, today, due):
    assert jobs.due_digests(make_config(tmp_path), today) == due


def test_due_on_the_day_when_digest_days_before_is_zero(tmp_path):
    cfg = make_config(tmp_path, digest_days_before=0)
    assert jobs.due_digests(cfg, date(2025, 12, 10)) == []
    assert jobs.due_digests(cfg, date(2025, 12, 11)) == [date(2025, 12, 11)]


def test_no_committees_no_digests(tmp_path):
    cfg = make_config(tmp_path, committees=[])
    assert jobs.due_digests(cfg, date(2025, 12, 1)) == []
    assert jobs.digest_job(cfg, today=date(2025, 12, 1)).written == []


def test_digest_job_writes_once_per_meeting(scanned, tmp_path):
    cfg = dataclasses.replace(scanned[0], output_dir=tmp_path / "out")
    first = jobs.digest_job(cfg, today=date(2025, 12, 1))
    assert first.ok and first.meetings == [date(2025, 12, 11)]
    names = sorted(p.name for p in cfg.output_dir.iterdir())
    assert names == [
        "digest-2025-12-11.docx", "digest-2025-12-11.html", "digest-2025-12-11.md",
        "digest-latest.docx", "digest-latest.html", "digest-latest.md",
    ]
    md = (cfg.output_dir / "digest-2025-12-11.md").read_text()
    assert (cfg.output_dir / "digest-latest.md").read_text() == md
    assert "18 September 2025" in md and "1 December 2025" in md  # last meeting to today
    assert "JAC" in md
    assert (cfg.output_dir / "digest-latest.docx").read_bytes()[:2] == b"PK"

    assert jobs.due_digests(cfg, date(2025, 12, 2)) == []
    again = jobs.digest_job(cfg, today=date(2025, 12, 2))
    assert again.ok and again.written == [] and again.meetings == []
    assert (cfg.output_dir / "digest-2025-12-11.md").read_text() == md

    forced = jobs.digest_job(cfg, today=date(2025, 12, 2), force=True)
    assert forced.meetings == [date(2025, 12, 11)]
    assert "2 December 2025" in (cfg.output_dir / "digest-2025-12-11.md").read_text()


def test_a_missing_format_is_rewritten(tmp_path):
    cfg = make_config(tmp_path)
    assert jobs.digest_job(cfg, today=date(2025, 12, 1)).meetings == [date(2025, 12, 11)]
    (cfg.output_dir / "digest-2025-12-11.docx").unlink()
    assert jobs.due_digests(cfg, date(2025, 12, 2)) == [date(2025, 12, 11)]


def test_several_committees_get_their_own_files(tmp_path):
    pcc = Committee("Police and Crime Panel", "PCP", [date(2025, 10, 1), date(2025, 12, 11)])
    cfg = make_config(tmp_path, committees=[dataclasses.replace(JAC), pcc])
    out = jobs.digest_job(cfg, today=date(2025, 12, 3))
    assert out.ok
    names = {p.name for p in cfg.output_dir.iterdir()}
    assert {"digest-2025-12-11-jac.md", "digest-2025-12-11-pcp.md"} <= names
    assert "1 October 2025" in (cfg.output_dir / "digest-2025-12-11-pcp.md").read_text()


def test_first_meeting_without_an_earlier_one_covers_a_fallback_window(tmp_path):
    cfg = make_config(tmp_path, committees=[Committee("New", "NEW", [date(2025, 12, 11)])])
    out = jobs.digest_job(cfg, today=date(2025, 12, 1))
    assert out.ok and out.meetings == [date(2025, 12, 11)]
    assert "2 September 2025" in (cfg.output_dir / "digest-2025-12-11.md").read_text()


def test_scheduler_digest_job_uses_the_clock(tmp_path):
    cfg = make_config(tmp_path)
    sched = build_scheduler(cfg, scheduler_cls=BackgroundScheduler, timezone=LONDON,
                            clock=lambda: datetime(2025, 12, 4, 7, 30, tzinfo=LONDON))
    assert sched.get_job(DIGEST_JOB).func() == "ok: digests for 2025-12-11"
    assert sched.get_job(DIGEST_JOB).func() == "ok: no digest due"


# --- one scheduler per database, and stopping -------------------------------------------------


def test_a_second_scheduler_is_refused(tmp_path):
    cfg = make_config(tmp_path)
    lock = scheduler_lock(cfg)
    try:
        with pytest.raises(SchedulerError, match="another hmicfrs-watch scheduler"):
            scheduler_lock(cfg)
        with pytest.raises(SchedulerError, match="scheduler.lock"):
            run_scheduler(cfg, catch_up=False)
        # the scheduler's lock is not the scan lock: scans still run
        with Store(cfg.db) as store, store.exclusive("scan"):
            pass
    finally:
        lock.release()
    scheduler_lock(cfg).release()  # free again


def test_run_scheduler_stops_when_asked(tmp_path):
    cfg = make_config(tmp_path, scan_at=f"{(datetime.now() + timedelta(hours=12)):%H:%M}")
    stop, ready, codes = threading.Event(), threading.Event(), []
    thread = threading.Thread(
        target=lambda: codes.append(run_scheduler(cfg, catch_up=False, stop=stop,
                                                  ready=lambda s: ready.set())))
    thread.start()
    assert ready.wait(timeout=30)
    stop.set()
    thread.join(timeout=30)
    assert not thread.is_alive() and codes == [0]
    scheduler_lock(cfg).release()  # the lock was released


def _write_config(tmp: Path, site: str, scan_at: str) -> Path:
    path = tmp / "config.toml"
    path.write_text(
        f'db = "{tmp / "watch.db"}"\n'
        f'[site]\nurl = "{site}"\ndelay = 0\n'
        f'[output]\ndir = "{tmp / "out"}"\n'
        f'[schedule]\nscan_at = "{scan_at}"\njitter = 0\n'
        '[[committees]]\nname = "Joint Audit Committee"\nshort = "JAC"\nmeetings = [2025-09-18, 2025-12-11]\n',
        encoding="utf-8",
    )
    return path


def _start_schedule(tmp: Path, site: str, *args: str) -> tuple[subprocess.Popen, queue.Queue]:
    far = (datetime.now() + timedelta(hours=12)).strftime("%H:%M")
    cfg = _write_config(tmp, site, far)
    return start_schedule(cfg, *args)




def _stop(proc: subprocess.Popen) -> int:
    proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_sigterm_stops_the_schedule_command_cleanly(tmp_path, mirror):
    proc, lines = _start_schedule(tmp_path, mirror.url, "--no-catch-up")
    wait_for(lines, "stop with SIGTERM")
    assert _stop(proc) == 0


def test_sigterm_during_the_catch_up_scan_exits_cleanly(tmp_path, mirror):
    proc, lines = _start_schedule(tmp_path, mirror.url)
    wait_for(lines, "scanning once now")
    assert _stop(proc) == 0
    with Store(tmp_path / "watch.db") as store:  # the database is consistent and usable
        assert store.integrity_ok()


def test_schedule_once_runs_both_jobs(tmp_path, mirror):
    cfg = _write_config(tmp_path, mirror.url, "06:30")
    result = CliRunner().invoke(cli, ["--config", str(cfg), "schedule", "--once", "--force-digest"],
                                env={"HMICFRS_WATCH_DB": None, "HMICFRS_WATCH_SITE": None})
    assert result.exit_code == 0, result.output
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert {"feed.xml", "feed.atom", "status.json"} <= names
    # the config's meetings are in the past: --force-digest with no next meeting writes none
    assert not any(n.startswith("digest-") for n in names)


def test_schedule_rejects_a_bad_scan_at(tmp_path):
    cfg = _write_config(tmp_path, "http://127.0.0.1:9", "6pm")
    result = CliRunner().invoke(cli, ["--config", str(cfg), "schedule", "--once"])
    assert result.exit_code == 2
    assert "HH:MM" in result.output
