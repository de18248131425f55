"""The scheduled jobs as plain functions: scan (+ feeds + status), and the committee digest.

Each job takes a Config and an injectable time (`now` / `today`) so it can be run by the
scheduler, by `hmicfrs-watch schedule --once` from cron or a systemd timer, or by a test,
with the same result. Outputs go to `config.output_dir`:

    feed.xml, feed.atom          RSS 2.0 / Atom of the last FEED_DAYS of changes
    status.json                  what the last scan did (for monitoring)
    digest-<meeting>.{md,html,docx}  the digest for a committee meeting
    digest-latest.{md,html,docx}     a copy of the newest digest written

Every file is written by watcher.publish.outputs (atomically and durably), so a web
server or feed reader never sees half a file; the window a digest covers is
watcher.publish.window's one rule, as for `hmicfrs-watch digest`. The jobs never raise: a failure is
logged at ERROR and reported in the return value / status file, because an exception
must not take the scheduler down and the next run retries.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from watcher.config import Committee, Config
from watcher.scan import ScanStopped
from watcher.publish import notify
from watcher.publish.outputs import write_atomic

log = logging.getLogger("hmicfrs_watch.jobs")

FEED_DAYS = 90  # how far back the published feeds reach (as `hmicfrs-watch feed` default)
FEED_FILES = {"rss": "feed.xml", "atom": "feed.atom"}
CALENDAR_FILE = "calendar.ics"
STATUS_FILE = "status.json"
DIGEST_FORMATS = ("md", "html", "docx")


class ScanCancelled(ScanStopped):
    """The scan was asked to stop (the scheduler is shutting down); what was stored is kept."""


@dataclass
class DigestOutcome:
    """What one digest check did."""

    written: list[Path] = field(default_factory=list)
    meetings: list[date] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


# --- small helpers ----------------------------------------------------------------------


def _now(now: datetime | None) -> datetime:
    now = now or datetime.now(UTC)
    return now if now.tzinfo else now.astimezone()  # naive = local time


def _iso(t: datetime) -> str:
    return t.astimezone(UTC).isoformat(timespec="seconds")


# --- scan -------------------------------------------------------------------------------


def scan_job(
    config: Config,
    *,
    now: datetime | None = None,
    full: bool = False,
    stop: threading.Event | None = None,
):
    """Scan the site, then regenerate feed.xml / feed.atom and status.json in output_dir.

    Returns the ScanResult (with `errors` filled in when anything failed, including a
    locked or unusable database). Never raises an ordinary exception. `stop`, when set,
    makes the scan stop at the next publication boundary (each publication is its own
    transaction, so what was stored is kept and the next scan carries on).
    """
    from store.db import Store, StoreError
    from watcher.scan import ScanResult, make_fetcher, run_scan

    started = _now(now)

    def progress(_description: str, _done: int, _total: int) -> None:
        if stop is not None and stop.is_set():
            raise ScanCancelled("the scheduler is shutting down")

    result = ScanResult()
    store = None
    try:
        store = Store(config.db)
        with make_fetcher(config, cache=store) as fetcher:
            from watcher.discover import Policy

            result = run_scan(
                store, fetcher, config.site, full=full, progress=progress, workers=None,
                policy=Policy.from_config(config),
            )
    except ScanCancelled as exc:
        result = getattr(exc, "scan_result", result)  # what it did: stored, counts
        log.warning("scan stopped early: %s; the next scan carries on", exc)
        result.errors.append(f"stopped early: {exc}")
    except StoreError as exc:
        result = getattr(exc, "scan_result", result)
        log.error("scan could not run: %s", exc)
        if str(exc) not in result.errors:
            result.errors.append(str(exc))
    except Exception as exc:  # noqa: BLE001 - the scheduler must survive anything
        result = getattr(exc, "scan_result", result)
        log.exception("scan failed")
        result.errors.append(f"{type(exc).__name__}: {exc}")
    if store is not None and not result.scan_id:  # it never started (locked): say what is stored
        try:
            result.stored = len(store.known_publications())
        except Exception:  # noqa: BLE001 - an unreadable database is already in the errors
            pass
    if result.ok:
        log.info("%s", result.summary())
    else:
        log.error("%s", result.summary())
        for err in result.errors[:20]:
            log.error("scan error: %s", err)

    feeds: dict[str, str] = {}
    try:
        if store is not None:
            result.events.extend(refresh_obligations(config, store))
            feeds = write_feeds(config, store, now=started)
            if (calendar := write_calendar(config, store, now=started)) is not None:
                feeds["calendar"] = str(calendar)
    except Exception as exc:  # noqa: BLE001
        log.exception("writing the feeds to %s failed", config.output_dir)
        result.errors.append(f"feeds not written: {type(exc).__name__}: {exc}")
    finally:
        if store is not None:  # e-mail / Teams, after the obligations' events: retried next scan
            result.errors.extend(notify.after_scan(config, store, result))
            store.close()

    try:
        finished = started if now is not None else _now(None)  # injected time: deterministic
        write_status(config, result, started=started, finished=finished, feeds=feeds)
    except Exception:  # noqa: BLE001
        log.exception("writing %s failed", config.output_dir / STATUS_FILE)
    return result


def write_feeds(config: Config, store, *, now: datetime | None = None) -> dict[str, str]:
    """Render the RSS and Atom feeds of the last FEED_DAYS of changes; return name -> path."""
    from watcher.publish.window import feed_for_store

    written = {}
    for fmt, name in FEED_FILES.items():
        path = Path(config.output_dir) / name
        data, count = feed_for_store(store, config.site, fmt=fmt, days=FEED_DAYS, now=_now(now))
        write_atomic(path, data)
        written[fmt] = str(path)
    log.info("feeds: %d items -> %s", count, config.output_dir)
    return written


def refresh_obligations(config: Config, store) -> list:
    """Derive and store the force's obligations after a scan; returns the change events
    it recorded (s55 responses that arrived), which belong in this scan's news."""
    from watcher.obligations import refresh

    return refresh(store, config.force, today=_now(None).date()) if config.force else []


def write_calendar(config: Config, store, *, now: datetime | None = None) -> Path | None:
    """calendar.ics in the output directory: meetings, digest days and what the force owes."""
    from watcher.obligations import current
    from watcher.publish.calendar import build_calendar

    if not config.force:
        return None
    today = _now(now).date()
    meetings = [(c.name, m) for c in config.committees for m in c.meetings]
    data = build_calendar([o.to_dict() for o in current(store, config.force, today=today)],
                          force=config.force, meetings=meetings,
                          digest_days_before=config.digest_days_before)
    path = Path(config.output_dir) / CALENDAR_FILE
    write_atomic(path, data)
    return path


def write_status(
    config: Config,
    result,
    *,
    started: datetime,
    finished: datetime,
    feeds: dict[str, str] | None = None,
) -> Path:
    """status.json: the last scan's outcome, and when the last successful one was."""
    path = Path(config.output_dir) / STATUS_FILE
    previous = read_status(config)
    summary = result.to_dict()
    summary.pop("events", None)
    status = {
        "last_scan": _iso(started),
        "finished": _iso(finished),
        "ok": result.ok,
        "summary": result.summary(),
        "errors": list(result.errors),
        "warnings": len(result.warnings),
        "events": len(result.events),
        "counts": {k: summary.get(k) for k in ("discovered", "checked", "new", "updated", "withdrawn")},
        "last_ok_scan": _iso(started) if result.ok else previous.get("last_ok_scan"),
        "feeds": feeds or {},
        "site": config.site,
        "discovery": {"channel": summary.get("channel"), "guarantee": summary.get("guarantee")},
    }
    write_atomic(path, (json.dumps(status, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    return path


def read_status(config: Config) -> dict:
    try:
        data = json.loads((Path(config.output_dir) / STATUS_FILE).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


# --- digest -----------------------------------------------------------------------------


def _label(committee: Committee) -> str:
    return committee.label


def digest_stem(config: Config, committee: Committee, meeting: date) -> str:
    """digest-2025-12-11, or digest-2025-12-11-jac when several committees are configured."""
    stem = f"digest-{meeting.isoformat()}"
    if len(config.committees) > 1:
        slug = re.sub(r"[^a-z0-9]+", "-", _label(committee).casefold()).strip("-")
        stem += f"-{slug or 'committee'}"
    return stem


def due_days(config: Config, meeting: date) -> tuple[date, date]:
    """The days on which a digest for `meeting` is due: from `digest_days_before` days
    before it to the day before it (or the day itself when digest_days_before is 0)."""
    days = max(int(config.digest_days_before), 0)
    first = meeting - timedelta(days=days)
    last = meeting - timedelta(days=1) if days > 0 else meeting
    return first, last


def _written(config: Config, committee: Committee, meeting: date) -> bool:
    stem = digest_stem(config, committee, meeting)
    return all((Path(config.output_dir) / f"{stem}.{fmt}").exists() for fmt in DIGEST_FORMATS)


def _due(config: Config, today: date, *, force: bool = False) -> list[tuple[Committee, date]]:
    out = []
    for committee in config.committees:
        in_window = [
            m for m in committee.meetings
            if due_days(config, m)[0] <= today <= due_days(config, m)[1]
        ]
        if in_window:
            meeting = min(in_window)
        elif force:
            meeting = committee.next_meeting(today)
            if meeting is None:
                continue
        else:
            continue
        if force or not _written(config, committee, meeting):
            out.append((committee, meeting))
    return sorted(out, key=lambda cm: (cm[1], _label(cm[0])))


def due_digests(config: Config, today: date) -> list[date]:
    """Meetings whose digest should be written today.

    A meeting is due when today is within its window (digest_days_before days before
    it, up to the day before) and its digest files do not exist yet; so a scheduler that
    was down on the exact day still writes it, and running again writes nothing new.
    """
    return sorted({m for _, m in _due(config, today)})


def digest_job(config: Config, *, today: date, force: bool = False) -> DigestOutcome:
    """Write the digests that are due today (see due_digests) and refresh digest-latest.*.

    Each covers from the committee's previous meeting up to `today`. With `force`, the
    digest for the next meeting is (re)written even if it exists or is not yet due.
    Never raises an ordinary exception.
    """
    outcome = DigestOutcome()
    try:
        todo = _due(config, today, force=force)
    except Exception as exc:  # noqa: BLE001
        log.exception("digest check failed")
        outcome.errors.append(f"{type(exc).__name__}: {exc}")
        return outcome
    if not todo:
        log.info("digest: none due on %s", today.isoformat())
        return outcome
    try:
        from store.db import Store

        with Store(config.db) as store:
            for committee, meeting in todo:
                try:
                    outcome.written.extend(_write_digest(config, store, committee, meeting, today))
                    outcome.meetings.append(meeting)
                except Exception as exc:  # noqa: BLE001
                    log.exception("digest for the %s of %s failed", _label(committee), meeting)
                    outcome.errors.append(f"{_label(committee)} {meeting}: {type(exc).__name__}: {exc}")
    except Exception as exc:  # noqa: BLE001 - e.g. the database cannot be opened
        log.exception("digest: cannot open the database %s", config.db)
        outcome.errors.append(f"{type(exc).__name__}: {exc}")
    outcome.errors.extend(notify.after_digest(config, outcome.written, label="committee digest"))
    return outcome


def _write_digest(config: Config, store, committee: Committee, meeting: date, today: date) -> list[Path]:
    from watcher.publish.digest import render
    from watcher.publish.window import digest_for, digest_window

    window = digest_window(config, end=today, meeting=meeting, committee=committee, today=today)
    if window.fallback:
        log.warning("digest: the %s has no meeting before %s in the config; covering %s to %s",
                    _label(committee), meeting, window.start, today)
    data = digest_for(store, window, config.force, short=config.force_short)
    out = Path(config.output_dir)
    stem = digest_stem(config, committee, meeting)
    written = []
    for fmt in DIGEST_FORMATS:
        blob = render(data, fmt, font=config.font, generated=config.generated_note)
        write_atomic(out / f"{stem}.{fmt}", blob)
        write_atomic(out / f"digest-latest.{fmt}", blob)
        written.append(out / f"{stem}.{fmt}")
    log.info(
        "digest for the %s of %s (%s to %s): %d reports -> %s.*",
        _label(committee), meeting, window.start, today, len(data.get("reports", [])), out / stem,
    )
    return written
