"""`hmicfrs-watch` sub-commands: feed and digest: the outputs the team reads."""

from __future__ import annotations

from datetime import date

import click

from watcher.cli._base import (
    EXIT_USAGE,
    Context,
    cli,
    emit,
    fail,
    parse_day,
)

# --- feed / digest --------------------------------------------------------------------


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (default stdout).")
@click.option("--format", "fmt", type=click.Choice(["rss", "atom"]), default="rss", show_default=True)
@click.option("--force", help="Only changes to reports naming this force or concerning all forces.")
@click.option("--type", "pub_type", help="Only this publication type (substring, e.g. PEEL).")
@click.option("--kind", "kinds", multiple=True, help="Only these change kinds (repeatable).")
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

    with obj.store() as store:
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
@click.option("--force", help="The force of interest (default: [force] name in the config).")
@click.option(
    "--format", "fmt", type=click.Choice(["md", "html", "docx", "json"]), default="md", show_default=True
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (default stdout; docx needs -o).")
@click.pass_obj
def digest(obj: Context, since, until, since_last_committee, force, fmt, output):
    """The "since the last committee" digest: section 3 of the HMICFRS update paper.

    Every report published in the window with "N recommendations in total, of which M
    are applicable to chief constables", the AFIs given to the force, then what changed
    on reports already reported, then parser warnings. Word (.docx) is what committee
    papers are written in; html prints well; json scripts well.
    """
    from watcher.publish.digest import render
    from watcher.publish.window import digest_for_window, next_meeting_after

    cfg = obj.config
    force = force or cfg.force
    end = parse_day(until, "--until") or date.today()
    committee, last = None, None
    if since_last_committee:
        if since:
            raise click.UsageError("give --since or --since-last-committee, not both")
        found = cfg.last_meeting(end)
        if found is None:
            fail(
                "no past committee meeting in the config; add [[committees]] meetings = [...] "
                "(see `hmicfrs-watch config`) or use --since DATE",
                EXIT_USAGE,
            )
        committee, last = found[0].short or found[0].name, found[1]
        start = last
    elif since:
        start = parse_day(since, "--since")
    else:
        raise click.UsageError("give --since DATE or --since-last-committee")
    if fmt == "docx" and not output:
        raise click.UsageError("--format docx writes a file: add -o paper.docx")
    with obj.store() as store:
        known_last = last or (cfg.last_meeting(end) or (None, None))[1]
        data = digest_for_window(
            store, start, end, force, committee, last, register_since=known_last,
            next_meeting=next_meeting_after(cfg.committees, end),
        )
    emit(render(data, fmt), output)
    if output and not obj.quiet:
        click.echo(f"digest: {len(data['reports'])} reports -> {output}", err=True)
