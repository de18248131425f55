"""`hmicfrs-watch` sub-commands: scan: the daily job."""

from __future__ import annotations

import json
import sys

import click

from store.db import StoreError
from watcher.cli._base import (
    EXIT_CANNOT_RUN,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    Context,
    cli,
    fail,
)

# --- scan -----------------------------------------------------------------------------


@cli.command()
@click.option(
    "--delay",
    type=click.FloatRange(min=0),
    default=None,
    help="Seconds between requests to the same host (default 1, or [site] delay). Be polite.",
)
@click.option(
    "--full",
    is_flag=True,
    help="Re-check every publication and walk the whole listing, not only what the "
    "sitemaps say changed (unchanged pages still cost only a 304).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Processes that parse pages. Default: 1, or one per core (up to 4) when --delay "
    "is 0 and there are 200+ pages to read; with a delay the site, not parsing, sets the pace.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scan result as JSON.")
@click.pass_obj
def scan(obj: Context, delay: float | None, full: bool, workers: int | None, as_json: bool):
    """Find new and changed publications, parse them, store them, record changes.

    The first scan of an empty database backfills the whole archive (a progress bar
    shows how far it is; Ctrl-C is safe and the next scan carries on). Later scans use
    the sitemaps' <lastmod> and conditional requests, so a day with no change costs the
    site a handful of requests. Exit status: 0 ok, 1 errors (printed), 3 locked.
    """
    from watcher.discover import Policy
    from watcher.scan import make_fetcher, run_scan

    cfg = obj.config
    store = obj.store()
    show_progress = not obj.quiet and not as_json and sys.stderr.isatty()
    try:
        with make_fetcher(cfg, delay=delay, cache=store) as fetcher:
            if show_progress:
                result = _scan_with_progress(store, fetcher, cfg.site, full, workers,
                                             Policy.from_config(cfg))
            else:
                result = run_scan(store, fetcher, cfg.site, full=full, workers=workers,
                                  policy=Policy.from_config(cfg))
        if cfg.force:  # what the force owes follows what was stored (s55 responses are news)
            from watcher.obligations import refresh

            result.events.extend(refresh(store, cfg.force))
        from watcher.publish.notify import after_scan

        result.errors.extend(after_scan(cfg, store, result))  # e-mail / Teams; retried next scan
    except StoreError as exc:
        fail(str(exc), EXIT_CANNOT_RUN)
    except KeyboardInterrupt:
        click.secho(
            "interrupted: what was stored is kept; run `scan` again to carry on", err=True
        )
        sys.exit(EXIT_INTERRUPTED)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    elif not obj.quiet or not result.ok:
        click.echo(result.summary(), err=not result.ok)
        for w in result.warnings if not obj.quiet else []:
            click.secho(f"warning: {w}", fg="yellow", err=True)
    for e in result.errors:
        click.secho(f"error: {e}", fg="red", err=True)
    if not result.ok:
        sys.exit(EXIT_FAILED)


def _scan_with_progress(store, fetcher, site, full, workers=None, policy=None):
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from watcher.scan import run_scan

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        transient=True,
    ) as bar:
        task = bar.add_task("Discovering publications", total=None)

        def progress(description: str, done: int, total: int) -> None:
            bar.update(task, description=description, completed=done, total=total or None)

        return run_scan(store, fetcher, site, full=full, progress=progress, workers=workers,
                        policy=policy)
