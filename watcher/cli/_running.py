"""`hmicfrs-watch` sub-commands: schedule and serve: running it every day."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from watcher.cli._base import (
    EXIT_CANNOT_RUN,
    EXIT_FAILED,
    EXIT_USAGE,
    Context,
    cli,
    fail,
)

# --- schedule / serve -----------------------------------------------------------------


def _setup_logging(quiet: bool) -> None:
    import logging

    logging.basicConfig(
        level=logging.WARNING if quiet else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


@cli.command()
@click.option("--once", is_flag=True,
              help="Run the scan job and the digest check once, then exit (for cron / systemd timers).")
@click.option("--force-digest", is_flag=True,
              help="With --once: (re)write the digest for the next meeting even if written or not yet due.")
@click.option("--no-catch-up", is_flag=True,
              help="On start, do not scan at once when the last scheduled scan was missed.")
@click.pass_obj
def schedule(obj: Context, once: bool, force_digest: bool, no_catch_up: bool):
    """Run the daily jobs in the foreground: scan, feeds, and the committee digest.

    \b
    What runs when (local time, from the config's [schedule] table):
      scan_at (default 06:30), plus up to `jitter` seconds (default 600):
          scan the site, then rewrite feed.xml, feed.atom and status.json
      one hour after scan_at:
          the digest check: from `digest_days_before` days (default 10) before a
          [[committees]] meeting, write digest-<meeting>.{md,html,docx} covering
          the previous meeting to today, and copy it to digest-latest.*; once
          written it is not rewritten
    \b
    Where outputs go: the config's [output] dir (see `hmicfrs-watch config`);
    `hmicfrs-watch serve` publishes them over HTTP.
    \b
    A run missed while the machine slept runs once when it wakes (up to 6 hours
    late); if the scheduler was not running at scan time, it scans once on start.
    One scheduler per database. SIGTERM or Ctrl-C stops it cleanly: a running scan
    stops at the next publication and keeps what it stored.
    \b
    Prefer cron or a systemd timer? Run the jobs once a day instead:
      30 6 * * *  hmicfrs-watch -q schedule --once
    Exit status: 0 ok, 1 a job failed (logged), 2 bad config, 3 another scheduler runs.
    """
    from schedules import jobs
    from schedules.scheduler import SchedulerError, parse_scan_at, run_scheduler

    cfg = obj.config
    _setup_logging(obj.quiet)
    if force_digest and not once:
        raise click.UsageError("--force-digest goes with --once")
    try:
        parse_scan_at(cfg.scan_at)
    except SchedulerError as exc:
        fail(str(exc), EXIT_USAGE)
    if once:
        from schedules.scheduler import scheduler_lock

        try:
            lock = scheduler_lock(cfg)  # a running scheduler does today's work: give way
        except SchedulerError as exc:
            fail(str(exc), EXIT_CANNOT_RUN)
        try:
            now = datetime.now().astimezone()
            result = jobs.scan_job(cfg, now=now)
            outcome = jobs.digest_job(cfg, today=now.date(), force=force_digest)
        finally:
            lock.release()
        if not obj.quiet:
            click.echo(result.summary(), err=True)
            for path in outcome.written:
                click.echo(f"digest -> {path}", err=True)
            click.echo(f"outputs in {cfg.output_dir}", err=True)
        if not (result.ok and outcome.ok):
            sys.exit(EXIT_FAILED)
        return
    try:
        code = run_scheduler(cfg, catch_up=not no_catch_up)
    except SchedulerError as exc:
        fail(str(exc), EXIT_CANNOT_RUN)
    sys.exit(code)


@cli.command()
@click.option("--host", default=None, help="Address to listen on (default [serve] host, 127.0.0.1).")
@click.option("--port", type=click.IntRange(0, 65535), default=None,
              help="Port (default [serve] port, 8080; 0 picks a free one).")
@click.option("--dir", "out_dir", type=click.Path(file_okay=False),
              help="Directory to serve (default: the config's [output] dir).")
@click.pass_obj
def serve(obj: Context, host, port, out_dir):
    """Serve the feeds and the latest digest over HTTP (what `schedule` writes).

    \b
    /                     index of what is there
    /feed.xml /feed.atom  RSS and Atom feeds
    /digest-latest.html   (.md, .docx) the newest committee digest
    /status.json          the last scan's outcome
    Responses carry ETag and Last-Modified; readers re-polling get 304 Not Modified.
    It listens on 127.0.0.1 unless told otherwise: put a reverse proxy (TLS) in front
    to publish it. Stop with SIGTERM or Ctrl-C.
    """
    from watcher.serve import serve as run_server

    cfg = obj.config
    _setup_logging(obj.quiet)
    root = Path(out_dir) if out_dir else cfg.output_dir
    if not root.is_dir():
        click.secho(f"warning: {root} does not exist yet; run `hmicfrs-watch schedule --once` "
                    "to write the feeds", fg="yellow", err=True)

    def ready(server):
        if not obj.quiet:
            click.echo(f"serving {root} at {server.url}/ (Ctrl-C to stop)", err=True)

    try:
        run_server(root, host or cfg.serve_host, cfg.serve_port if port is None else port,
                   on_ready=ready)
    except OSError as exc:
        fail(f"cannot listen on {host or cfg.serve_host}:{port if port is not None else cfg.serve_port}: {exc}",
             EXIT_CANNOT_RUN)
    except KeyboardInterrupt:
        pass
