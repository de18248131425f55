"""`hmicfrs-watch` sub-commands: obligations and calendar: what the force owes, and by when."""

from __future__ import annotations

import json
from datetime import date

import click

from watcher.cli._base import EXIT_USAGE, Context, cli, emit, fail, parse_day, table, to_csv

OBLIGATION_COLUMNS = ["due", "status", "kind", "slug", "report_title", "finding_number", "basis",
                      "met_by", "register_status", "published", "report_url", "key"]


def _force(obj: Context, force: str | None) -> str:
    force = force or obj.config.force
    if not force:
        fail("which force? set [force] name in the config, or pass --force "
             "'West Midlands Police'", EXIT_USAGE)
    return force


def _current(obj: Context, force: str, today: date) -> list[dict]:
    from watcher.obligations import current

    with obj.reader() as store:
        return [o.to_dict() for o in current(store, force, today=today)]


@cli.command()
@click.option("--force", help="The force (default: [force] name in the config).")
@click.option("--due-before", help="Only obligations due before this date (YYYY-MM-DD).")
@click.option("--status", type=click.Choice(["due", "met", "overdue"]),
              help="Only obligations with this status.")
@click.option("--kind", "kinds", multiple=True,
              type=click.Choice(["s55_response", "recommendation_deadline", "action_plan"]),
              help="Only these kinds (repeatable).")
@click.option("--today", help="Work statuses out as on this date (default: today).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
@click.pass_obj
def obligations(obj: Context, force, due_before, status, kinds, today, fmt):
    """What the force owes, and by when.

    \b
    s55_response             the local policing body's comments on a report that relates
                             to the force: due 56 days after publication (Police Act 1996
                             s.55); met when its response is listed on the publication page
    recommendation_deadline  "By 31 March 2026", "Within six months" (from publication),
                             "immediately": met when the register closes the finding
    action_plan              "within six weeks of the publication of this report"

    \b
    hmicfrs-watch obligations --status due --due-before 2026-03-19
    hmicfrs-watch obligations --kind s55_response --format csv > s55.csv
    """
    force = _force(obj, force)
    day = parse_day(today, "--today") or date.today()
    before = parse_day(due_before, "--due-before")
    rows = [o for o in _current(obj, force, day)
            if (not status or o["status"] == status)
            and (before is None or o["due"] < before.isoformat())
            and (not kinds or o["kind"] in kinds)]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(to_csv(rows, OBLIGATION_COLUMNS), nl=False)
    else:
        table(rows, [("due", "Due"), ("status", "Status"), ("kind", "Kind"),
                     ("report_title", "Report"), ("finding_number", "No."), ("basis", "Worked out from")],
              title=f"{len(rows)} obligations for {force} on {day.isoformat()}")


@cli.command()
@click.option("-o", "--output", default="-", show_default=True,
              help="Write the .ics here (atomically); - for stdout.")
@click.option("--force", help="The force (default: [force] name in the config).")
@click.pass_obj
def calendar(obj: Context, output, force):
    """An iCalendar (.ics) file for the team's calendar: committee meetings, the days the
    digest is written, and every s55 response, action plan and recommendation deadline.

    UIDs are stable, so a calendar that subscribes to the file (or to `serve`'s
    /calendar.ics) sees changes and no duplicates.
    """
    from watcher.publish.calendar import build_calendar
    from watcher.publish.outputs import OutputError, output_format

    try:
        output_format("calendar", None if output == "-" else output)
    except OutputError as exc:
        fail(str(exc), EXIT_USAGE)
    force = _force(obj, force)
    cfg = obj.config
    meetings = [(c.name, m) for c in cfg.committees for m in c.meetings]
    data = build_calendar(_current(obj, force, date.today()), force=force, meetings=meetings,
                          digest_days_before=cfg.digest_days_before)
    emit(data, output)
