"""The offline demo: serve the bundled mirror on loopback, scan it, write feed and digest.

It runs the same code path as a real daily run (scan -> store -> feed -> digest); only
the site URL differs. The committee window is the one in shared committee papers: the
meeting of 18 September 2025 to that of 11 December 2025, for West Midlands Police.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import click

from store.db import Store
from watcher.config import Committee, Config

DEMO_FORCE = "West Midlands Police"
DEMO_MEETINGS = [date(2025, 9, 18), date(2025, 12, 11), date(2026, 3, 19)]
DEMO_SHORT = "WMP"


def _import_sample_register(store: Store) -> str:
    """Start the register and apply the bundled sample workbook (watcher/demo_data)."""
    from store.register import import_csv, sync_register
    from watcher.demo_data import SAMPLE_REGISTER

    sync_register(store, DEMO_FORCE)
    result = import_csv(store, SAMPLE_REGISTER, by="demo", now="2025-12-01T09:00:00Z")
    return f"register: {SAMPLE_REGISTER.name}: " + result.summary()


def run_demo(target: Path, *, quiet: bool = False, keep_serving: bool = False) -> dict[str, Path]:
    """Scan the mirror into `target`/demo.db and write the outputs there; return their paths."""
    from watcher.mirror.server import start_mirror
    from watcher.mirror.states import later_state
    from watcher.publish.digest import render
    from watcher.publish.outputs import output_format, write_atomic
    from watcher.publish.window import digest_for, digest_window, feed_for_store
    from watcher.obligations import current
    from watcher.publish.calendar import build_calendar
    from watcher.scan import make_fetcher, run_scan

    target.mkdir(parents=True, exist_ok=True)
    say = (lambda *_: None) if quiet else (lambda msg: click.echo(msg, err=True))
    mirror = start_mirror()
    try:
        say(f"Serving the bundled HMICFRS site mirror at {mirror.url}")
        config = Config(
            site=mirror.url,
            db=target / "demo.db",
            delay=0.0,
            force=DEMO_FORCE,
            committees=[Committee("Joint Audit Committee", "JAC", DEMO_MEETINGS)],
        )
        started = time.monotonic()
        with Store(config.db) as store, make_fetcher(config, cache=store) as fetcher:
            result = run_scan(store, fetcher, config.site)
            say(result.summary() + f" in {time.monotonic() - started:.1f}s (the first scan)")
            for err in result.errors:
                click.secho(f"error: {err}", fg="red", err=True)
            # The liaison officer's register workbook, so section 3 has its open-by-year table.
            say(_import_sample_register(store))
            # The paper for the JAC of 11 December 2025, written from what the site held then.
            paths = {"database": config.db}
            paper_day = DEMO_MEETINGS[1]
            window = digest_window(config, end=paper_day, meeting=paper_day, today=paper_day)
            data = digest_for(store, window, DEMO_FORCE, short=DEMO_SHORT)
            for name in ("digest.md", "digest.html", "digest.docx", "digest.json"):
                fmt = output_format("digest", name)
                paths[f"digest ({fmt})"] = write_atomic(target / name, render(data, fmt))
            # What the force owes, as the team's calendar sees it on the day of the paper.
            owed = [o.to_dict() for o in current(store, DEMO_FORCE, today=paper_day)]
            paths["calendar"] = write_atomic(target / "calendar.ics", build_calendar(
                owed, force=DEMO_FORCE, meetings=[("Joint Audit Committee", m) for m in DEMO_MEETINGS]))
            # A day later the site has changed: two new reports, a corrected title, a
            # report that gains a recommendation, a new document, a withdrawal.
            later, _ = later_state(mirror.publications)
            mirror.update(later)
            result = run_scan(store, fetcher, config.site)
            say(result.summary() + " (the next day's scan)")
            for err in result.errors:
                click.secho(f"error: {err}", fg="red", err=True)
            for name in ("feed.xml", "feed.atom"):
                fmt = output_format("feed", name)
                feed, count = feed_for_store(store, config.site, fmt=fmt, days=3650)
                paths[f"feed ({fmt})"] = write_atomic(target / name, feed)
            say(f"feed: {count} items: the day's changes (the first scan's record of the archive is not news)")
        if not quiet:
            click.echo(f"\nDigest since the JAC of 18 September 2025, for {DEMO_FORCE}:")
            click.echo("  " + data.get("lead", ""))
        for name, path in paths.items():
            click.echo(f"{name:>15}: {path}")
        click.echo(
            f"\nTry: hmicfrs-watch --db {config.db} reports"
            f"\n     hmicfrs-watch --db {config.db} findings --applies-to chief-constables"
            f"\n     hmicfrs-watch --db {config.db} obligations --force '{DEMO_FORCE}' --today {paper_day}"
        )
        if keep_serving:
            say(f"\nMirror still serving at {mirror.url} (Ctrl-C to stop)")
            while True:
                time.sleep(3600)
        return paths
    finally:
        mirror.close()
