"""`hmicfrs-watch` sub-commands: feed and digest: the outputs the team reads.

Which days a digest covers, what format a file gets and how it is written are decided in
watcher.publish (window, outputs), the same for the scheduler and the demo.
"""

from __future__ import annotations

from datetime import date

import click

from core.models import EVENT_KINDS
from watcher.cli._base import (
    EXIT_USAGE,
    Context,
    cli,
    emit,
    fail,
    force_name,
    parse_day,
)
from watcher.publish.outputs import OutputError, choices, output_format

def _format(kind: str, output: str | None, fmt: str | None) -> str:
    try:
        return output_format(kind, output, fmt)
    except OutputError as exc:
        fail(str(exc), EXIT_USAGE)


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write here (default stdout); .xml/.rss is RSS, .atom is Atom.")
@click.option("--format", "fmt", type=click.Choice(choices("feed")),
              help="rss or atom (default: from the file name, else rss).")
@click.option("--force", callback=force_name,
              help="Only changes to reports naming this force or concerning all forces.")
@click.option("--type", "pub_type", help="Only this publication type (substring, e.g. PEEL).")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(EVENT_KINDS),
              help="Only these change kinds (repeatable).")
@click.option("--days", type=click.IntRange(min=1), default=90, show_default=True,
              help="How far back the feed reaches.")
@click.option("--backfill", "include_backfill", is_flag=True,
              help="Include the first scan's record of the whole archive (one item per publication).")
@click.pass_obj
def feed(obj: Context, output, fmt, force, pub_type, kinds, days, include_backfill):
    """RSS 2.0 (or Atom) feed of recent changes, one item per change, newest first.

    GUIDs are stable: regenerating the feed never makes a reader show old items as new.
    The first scan's record of the archive is left out, but for reports published in
    the month before it: a reader's first morning is not thousands of "new" items.
    """
    from watcher.publish.window import feed_for_store

    fmt = _format("feed", output, fmt)
    with obj.reader() as store:
        data, count = feed_for_store(
            store, obj.config.site, fmt=fmt, days=days, force=force, type=pub_type,
            kinds=set(kinds) or None, include_backfill=include_backfill,
        )
    emit(data, output)
    if output and not obj.quiet:
        click.echo(f"feed: {count} items -> {output}", err=True)


@cli.command()
@click.option("--since", help="Start of the window (YYYY-MM-DD).")
@click.option("--until", help="End of the window (default today).")
@click.option(
    "--since-last-committee",
    is_flag=True,
    help="From the most recent past meeting in the config's [[committees]] to today.",
)
@click.option("--force", callback=force_name,
              help="The force of interest (default: [force] name in the config).")
@click.option("--format", "fmt", type=click.Choice(choices("digest")),
              help="md, html, docx or json (default: from the file name, else md).")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write here (default stdout); the name decides the format: .md .html .docx .json.")
@click.pass_obj
def digest(obj: Context, since, until, since_last_committee, force, fmt, output):
    """The "since the last committee" digest: section 3 of the HMICFRS update paper.

    Every report published in the window with "N recommendations in total, of which M
    are applicable to chief constables", the AFIs given to the force, then what changed
    on reports already reported, then parser warnings. Word (.docx) is what committee
    papers are written in; html prints well; json scripts well.
    """
    from watcher.publish.digest import render
    from watcher.publish.window import WindowError, digest_for, digest_window

    if since_last_committee and since:
        raise click.UsageError("give --since or --since-last-committee, not both")
    if not (since_last_committee or since):
        raise click.UsageError("give --since DATE or --since-last-committee")
    fmt = _format("digest", output, fmt)
    cfg = obj.config
    end = parse_day(until, "--until") or date.today()
    try:
        window = digest_window(cfg, end=end, since=parse_day(since, "--since"))
    except WindowError as exc:
        fail(str(exc), EXIT_USAGE)
    if window.fallback and not obj.quiet:
        click.secho(f"warning: no committee meeting before {end}; the digest covers "
                    f"{window.start} to {end}", fg="yellow", err=True)
    with obj.reader() as store:
        data = digest_for(store, window, force or cfg.force,
                          short=cfg.force_short if force in (None, cfg.force) else None)
    emit(render(data, fmt, font=cfg.font, generated=cfg.generated_note), output)
    if output and not obj.quiet:
        click.echo(f"digest: {len(data['reports'])} reports -> {output}", err=True)
