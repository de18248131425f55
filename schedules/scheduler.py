"""The foreground scheduler (APScheduler 3): a daily scan, then a daily digest check.

What runs when (local time of the machine, or `timezone`):

- ``scan`` at ``[schedule] scan_at`` (HH:MM), up to ``jitter`` seconds later: scan the site,
  rewrite feed.xml / feed.atom / status.json in the output directory.
- ``digest`` an hour after scan_at: write the committee digest when one is due (see
  schedules.jobs.due_digests). It waits for a scan still running, so it sees that scan.

Missed runs: if the machine was asleep or the process stalled, a run missed by up to
MISFIRE_GRACE is run once when it can (``coalesce``: several missed days are one run, not
many). If the scheduler was not running at all at scan time, `run_scheduler` notices on
start (the database's last scan is older than the last scheduled time) and scans once.

One scheduler per database: `run_scheduler` holds ``<db>.scheduler.lock`` (a separate file
from the scan lock ``<db>.lock``, which every scan takes, so a manual
``hmicfrs-watch scan`` and the scheduler's own scans still exclude each other).
"""

from __future__ import annotations

import logging
import re
import signal
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, EVENT_JOB_MISSED
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from filelock import FileLock, Timeout

from schedules import jobs
from watcher.config import Config

log = logging.getLogger("hmicfrs_watch.scheduler")

SCAN_JOB, DIGEST_JOB, CATCH_UP_JOB = "scan", "digest", "catch-up-scan"
MISFIRE_GRACE = 6 * 3600  # seconds: a run missed by less than this still runs (once)
DIGEST_AFTER = timedelta(hours=1)  # the digest check runs this long after scan_at

Clock = Callable[[], datetime]


class SchedulerError(Exception):
    """The scheduler cannot start: bad scan_at, or another scheduler holds the database."""


def parse_scan_at(value: str) -> tuple[int, int]:
    """'06:30' -> (6, 30); a clear error otherwise."""
    m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", str(value))
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        raise SchedulerError(
            f"[schedule] scan_at = {value!r} is not a time of day; write it as HH:MM, e.g. \"06:30\""
        )
    return int(m[1]), int(m[2])


def _local_tz() -> tzinfo:
    import tzlocal

    return tzlocal.get_localzone()


def _default_clock() -> datetime:
    return datetime.now(UTC).astimezone()


class _Jobs:
    """The scheduler's job callables: the plain jobs, with the clock, stop flag and order."""

    def __init__(self, config: Config, clock: Clock, stop: threading.Event):
        self.config, self.clock, self.stop = config, clock, stop
        self._daily = threading.Lock()  # the digest check waits for a running scan

    def scan(self):
        with self._daily:
            if self.stop.is_set():
                return None
            result = jobs.scan_job(self.config, now=self.clock(), stop=self.stop)
            return f"{'ok' if result.ok else 'FAILED'}: {result.summary()}"

    def digest(self):
        with self._daily:
            if self.stop.is_set():
                return None
            outcome = jobs.digest_job(self.config, today=self.clock().date())
            if not outcome.ok:
                return f"FAILED: {'; '.join(outcome.errors)}"
            if outcome.meetings:
                return f"ok: digests for {', '.join(m.isoformat() for m in outcome.meetings)}"
            return "ok: no digest due"


def build_scheduler(
    config: Config,
    *,
    scheduler_cls=BlockingScheduler,
    clock: Clock | None = None,
    timezone: tzinfo | str | None = None,
    stop: threading.Event | None = None,
):
    """A configured, not yet started scheduler with the ``scan`` and ``digest`` jobs.

    `clock` gives the jobs their "now" (and "today"); `timezone` is the one scan_at is
    read in (default: the machine's). `stop`, when set, makes a running scan stop early.
    """
    hour, minute = parse_scan_at(config.scan_at)
    tz = timezone or _local_tz()
    runner = _Jobs(config, clock or _default_clock, stop or threading.Event())
    sched = scheduler_cls(
        timezone=tz,
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": MISFIRE_GRACE},
    )
    sched.add_job(
        runner.scan,
        CronTrigger(hour=hour, minute=minute, jitter=max(int(config.jitter), 0) or None, timezone=tz),
        id=SCAN_JOB,
        name=f"scan {config.site} daily at {hour:02d}:{minute:02d}",
        coalesce=True,
        max_instances=1,
        misfire_grace_time=MISFIRE_GRACE,
    )
    after = datetime(2000, 1, 1, hour, minute) + DIGEST_AFTER
    sched.add_job(
        runner.digest,
        CronTrigger(hour=after.hour, minute=after.minute, timezone=tz),
        id=DIGEST_JOB,
        name=f"digest check daily at {after:%H:%M}",
        coalesce=True,
        max_instances=1,
        misfire_grace_time=MISFIRE_GRACE,
    )
    sched.hmicfrs_jobs = runner  # so run_scheduler can add a catch-up scan
    return sched


def last_scheduled_scan(config: Config, now: datetime, timezone: tzinfo | str | None = None) -> datetime:
    """The most recent time (<= now) at which the daily scan was due, ignoring jitter."""
    hour, minute = parse_scan_at(config.scan_at)
    trigger = CronTrigger(hour=hour, minute=minute, timezone=timezone or _local_tz())
    start = now - timedelta(days=2)
    fire = trigger.get_next_fire_time(None, start)
    last = fire
    while fire is not None and fire <= now:
        last = fire
        fire = trigger.get_next_fire_time(fire, fire + timedelta(seconds=1))
    return last


def scan_missed(
    config: Config, now: datetime, last_scan: datetime | None, timezone: tzinfo | str | None = None
) -> bool:
    """True when no scan has run to its end since the daily scan was last due (catch up once)."""
    if last_scan is None:
        return True
    return last_scan < last_scheduled_scan(config, now, timezone)


def _last_scan_time(config: Config) -> datetime | None:
    from store.db import Store
    from watcher.publish.feed import parse_at

    if not Path(config.db).exists():
        return None
    with Store(config.db) as store:
        # A scan that was interrupted (SIGTERM, Ctrl-C) or killed did not do the day's
        # work: only one that ran to its end counts, so a restart catches up after it.
        row = store.last_finished_scan()
    return parse_at(row["started"]) if row else None


def scheduler_lock(config: Config) -> FileLock:
    """Acquire ``<db>.scheduler.lock`` or raise SchedulerError naming the holder's lock file.

    `schedule --once` takes it too, so a cron run gives way to a running scheduler
    (exit 3) instead of scanning beside it and rewriting its feeds and status.
    """
    path = Path(f"{config.db}.scheduler.lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise SchedulerError(
            f"another hmicfrs-watch scheduler is already running on {config.db} "
            f"(lock file {path}); run one scheduler per database"
        ) from None
    return lock


def _log_event(event) -> None:
    if event.code == EVENT_JOB_MISSED:
        log.warning("job %s missed its run at %s (more than %ds late)", event.job_id,
                    event.scheduled_run_time, MISFIRE_GRACE)
    elif event.exception is not None:
        log.error("job %s failed: %r", event.job_id, event.exception)
    elif event.retval is not None:
        level = logging.ERROR if str(event.retval).startswith("FAILED") else logging.INFO
        log.log(level, "job %s %s", event.job_id, event.retval)


def run_scheduler(
    config: Config,
    *,
    clock: Clock | None = None,
    catch_up: bool = True,
    timezone: tzinfo | str | None = None,
    ready: Callable[[object], None] | None = None,
    stop: threading.Event | None = None,
) -> int:
    """Run the scheduler in the foreground until SIGTERM / SIGINT; return the exit code (0).

    `stop` (set it to stop) is for callers not in the main thread, where signals are
    not delivered. Raises SchedulerError when another scheduler holds the database or scan_at is bad.
    On a signal it stops taking new runs, asks a running scan to stop at the next
    publication (what was stored is kept), waits for it, and returns.
    """
    parse_scan_at(config.scan_at)
    lock = scheduler_lock(config)
    stop = stop or threading.Event()
    previous = {}
    try:
        sched = build_scheduler(
            config, scheduler_cls=BackgroundScheduler, clock=clock, timezone=timezone, stop=stop
        )
        sched.add_listener(_log_event, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR | EVENT_JOB_MISSED)

        def on_signal(signum, _frame):
            log.info("received %s: finishing up", signal.Signals(signum).name)
            stop.set()

        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGTERM, signal.SIGINT):
                previous[sig] = signal.signal(sig, on_signal)

        sched.start()
        now = (clock or _default_clock)()
        if catch_up:
            try:
                missed = scan_missed(config, now, _last_scan_time(config), sched.timezone)
            except Exception:  # noqa: BLE001 - an unreadable database shows up in the scan
                log.exception("cannot tell when the last scan was; scanning now")
                missed = True
            if missed:
                log.info("no scan since the last scheduled time: scanning once now")
                sched.add_job(sched.hmicfrs_jobs.scan, id=CATCH_UP_JOB, name="catch-up scan",
                              misfire_grace_time=MISFIRE_GRACE)
        for job in sched.get_jobs():
            log.info("scheduled: %s, next at %s", job.name, job.next_run_time)
        log.info("outputs go to %s; stop with SIGTERM or Ctrl-C", config.output_dir)
        if ready:
            ready(sched)
        while not stop.wait(1.0):
            pass
        log.info("shutting down: waiting for a running job to finish")
        sched.shutdown(wait=True)
        log.info("scheduler stopped")
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        lock.release()
