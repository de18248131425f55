"""`hmicfrs-watch` sub-commands: the force's register, and browse."""

from __future__ import annotations

import json
import sys
from datetime import date

import click

from store.db import StoreError
from watcher.cli._base import (
    EXIT_CANNOT_RUN,
    EXIT_USAGE,
    Context,
    cli,
    emit,
    fail,
    force_name,
    parse_day,
    table,
    to_csv,
)

# --- the force's register / browse ------------------------------------------------------


@cli.group()
def register():
    """The force's register: the findings the force must act on, with status and history.

    \b
    Start it:            hmicfrs-watch register sync      (needs [force] name in the config)
    Bring in the sheet:  hmicfrs-watch register import liaison.csv
    Close a finding:     hmicfrs-watch register set 12 --status closed --note "JAC 11/12/2025"
    Back to Excel:       hmicfrs-watch register export register.csv
    \b
    Every status change is kept (`register history ID`); the digest's "open by report
    year" table (previous paper vs now) is computed from that history.
    """


def _force_or_fail(obj: Context, force: str | None) -> str:
    force = force or obj.config.force
    if not force:
        fail("no force: set [force] name in the config (see `hmicfrs-watch config`) or pass --force",
             EXIT_USAGE)
    return force


@register.command("sync")
@click.option("--force", callback=force_name, help="The force (default: [force] name in the config).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.pass_obj
def register_sync(obj: Context, force, as_json):
    """Add the force's findings from the scanned reports to the register (safe to repeat).

    Entries are keyed by report URL, kind and finding text, so re-scans never duplicate
    them; an entry whose finding is no longer found is kept and flagged finding_removed.
    """
    from store.register import RegisterError, sync_register

    force = _force_or_fail(obj, force)
    with obj.store() as store:
        try:
            result = sync_register(store, force)
        except RegisterError as exc:
            fail(str(exc), EXIT_USAGE)
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2))
    elif not obj.quiet:
        click.echo(result.summary())


REGISTER_COLUMNS = ["id", "report_year", "report_title", "kind", "number", "finding_text", "status",
                    "closed_date", "owner", "notes", "finding_removed", "imported_unmatched",
                    "report_url", "report_published", "deadline", "overdue"]


@register.command("list")
@click.option("--status", type=click.Choice(["open", "closed"]), help="Only entries with this status.")
@click.option("--year", type=int, help="Only findings from reports published in this year.")
@click.option("--overdue", is_flag=True, help="Only open entries past their finding's deadline.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True
)
@click.pass_obj
def register_list(obj: Context, status, year, overdue, fmt):
    """List register entries by report year, each with its finding's deadline (from the
    report's words: "By 31 March 2026", "Within six months") and whether it is overdue."""
    from store.register import list_entries
    from watcher.obligations import with_deadlines

    with obj.reader() as store:
        rows = with_deadlines(store, list_entries(store, status=status, year=year))
    if overdue:
        rows = [r for r in rows if r["overdue"]]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(to_csv(rows, REGISTER_COLUMNS), nl=False)
    else:
        for r in rows:
            r["flags"] = " ".join(f for f in ("finding_removed", "imported_unmatched") if r[f])
            r["what"] = r["finding_text"] if len(r["finding_text"] or "") <= 160 else r["finding_text"][:157] + "..."
        table(
            rows,
            [("id", "ID"), ("report_year", "Year"), ("report_title", "Report"), ("kind", "Kind"),
             ("what", "Finding"), ("status", "Status"), ("deadline", "Deadline"),
             ("closed_date", "Closed"), ("owner", "Owner"), ("flags", "Flags")],
            title=f"{len(rows)} register entries",
        )


def _status(_ctx, _param, value: str | None) -> str | None:
    """What the spreadsheet import takes ("Closed", "complete", "in progress" ...)."""
    from store.register import parse_status

    if value is None:
        return None
    status = parse_status(value)
    if status is None:
        raise click.BadParameter(f"{value!r} is not a status: give open or closed "
                                 "(or a word the spreadsheet import reads, like complete)")
    return status


@register.command("set")
@click.argument("entry_id", type=int)
@click.option("--status", callback=_status, help="The new status: open or closed (or what a sheet says: Closed, Complete, In progress).")
@click.option("--note", help="Why (kept in the history).")
@click.option("--by", help="Who (default: your login name).")
@click.option("--at", "at", help="When it happened, if not now (2025-12-11, 11/12/2025, 11 December 2025).")
@click.option("--owner", help="Set the owner (kept in the history).")
@click.option("--notes", help="Replace the entry's notes (kept in the history).")
@click.pass_obj
def register_set(obj: Context, entry_id, status, note, by, at, owner, notes):
    """Record a status (a new history row; earlier rows are never changed), owner or notes.

    Takes what `register import` takes; a date before the report's publication is refused.
    """
    import getpass

    from store.register import RegisterError, get_entry, set_fields, set_status

    if not (status or owner is not None or notes is not None):
        raise click.UsageError("give --status, --owner or --notes")
    when = parse_day(at, "--at")
    if by is None:
        try:
            by = getpass.getuser()
        except Exception:  # no login name (containers): leave it empty
            by = None
    with obj.store() as store:
        try:
            if get_entry(store, entry_id) is None:
                fail(f"no register entry {entry_id}; see `hmicfrs-watch register list`", EXIT_USAGE)
            if status:
                set_status(store, entry_id, status, by=by, note=note, at=when)
            set_fields(store, entry_id, owner=owner, notes=notes, by=by, note=note)
            entry = get_entry(store, entry_id)
        except RegisterError as exc:
            fail(str(exc), EXIT_USAGE)
    if not obj.quiet:
        click.echo(f"register {entry_id}: {entry['status']}"
                   + (f" since {entry['status_at'][:10]}" if entry.get("status_at") else ""))


@register.command("history")
@click.argument("entry_id", type=int, required=False)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def register_history(obj: Context, entry_id, fmt):
    """Every status recorded (for one entry, or all), oldest first."""
    from store.register import history

    with obj.reader() as store:
        rows = history(store, entry_id)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for r in rows:
            if r.get("field") not in (None, "status"):
                r["status"] = f"{r['field']}: {r.get('old') or '(none)'} -> {r.get('new') or '(none)'}"
        table(rows, [("entry_id", "Entry"), ("at", "At"), ("status", "Change"), ("by", "By"),
                      ("note", "Note")])


@register.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--sheet", help="The workbook's sheet to read (default: the first).")
@click.option("--by", default="import", show_default=True, help="Recorded as who made the changes.")
@click.option("--json", "as_json", is_flag=True, help="Print the result (with unmatched rows) as JSON.")
@click.pass_obj
def register_import(obj: Context, file, sheet, by, as_json):
    """Apply the liaison officer's spreadsheet (.xlsx or CSV: report, report year, finding,
    status, owner, notes, closed date; an id column from `register export` matches exactly).

    Two rows matching one entry are a conflict: both are reported, neither is applied.

    Rows match by id, else by report (title or URL) and finding text (tolerant of
    whitespace, quotes and small differences). Unmatched rows are listed and kept as
    manual entries flagged imported_unmatched; nothing is dropped.
    """
    from store.register import RegisterError, import_csv

    with obj.store() as store:
        try:
            result = import_csv(store, file, by=by, sheet=sheet)
        except RegisterError as exc:
            fail(str(exc), EXIT_USAGE)
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        return
    if not obj.quiet:
        click.echo(result.summary())
    for u in result.unmatched:
        click.secho(f"unmatched row {u['row']}: {u['report'] or '(no report)'}: "
                    f"{(u['finding'] or '')[:100]} -> entry {u['entry_id']} ({u['reason']})",
                    fg="yellow", err=True)
    for p in result.problems:
        click.secho(f"row {p['row']}: {p['problem']}", fg="yellow", err=True)
    for c in result.conflicts:
        click.secho(f"conflict: {c['problem']}", fg="red", err=True)


@register.command("export")
@click.argument("file", type=click.Path(dir_okay=False))
@click.pass_obj
def register_export(obj: Context, file):
    """Write the register as a spreadsheet: .xlsx when the name says so, else CSV
    (opens in Excel; `-` for CSV on stdout)."""
    from store.register import export_csv, export_xlsx

    if file != "-" and file.lower().endswith(".xlsx"):
        with obj.reader() as store:
            count = export_xlsx(store, file)
        if not obj.quiet:
            click.echo(f"register: {count} entries -> {file}", err=True)
        return
    with obj.reader() as store:
        text = export_csv(store)
    if file == "-":
        click.echo(text, nl=False)
        return
    emit(text.encode("utf-8-sig"), file)  # with a BOM, so Excel reads it as UTF-8
    if not obj.quiet:
        click.echo(f"register: {text.count(chr(10)) - 1} entries -> {file}", err=True)


@register.command("table")
@click.option("--at", "at", help="The previous paper's date (default: the last committee meeting).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def register_table(obj: Context, at, fmt):
    """Open findings by report year: at the previous paper and now (from the history)."""
    from store.register import open_by_year

    day = parse_day(at, "--at")
    if day is None:
        found = obj.config.last_meeting(date.today())
        if found is None:
            fail("no past committee meeting in the config: give --at DATE", EXIT_USAGE)
        day = found[1]
    with obj.reader() as store:
        counts = open_by_year(store, day)
    if fmt == "json":
        click.echo(json.dumps(counts, indent=2))
    else:
        rows = counts["rows"] + [{"year": "Total", **counts["totals"]}]
        table(rows, [("year", "Report year"), ("previous", f"Open {counts['previous_date']}"),
                      ("now", "Open now")])


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True,
              help="Port (0 picks a free one).")
@click.option("--open", "open_browser", is_flag=True, help="Open a web browser at the start page.")
@click.option("--force", callback=force_name, help="The force (default: [force] name in the config).")
@click.pass_obj
def browse(obj: Context, host, port, open_browser, force):
    """Explore the database in Datasette: search, facets, saved queries.

    \b
    Full-text search over report titles and summaries and finding text; facets by year,
    forces, type, kind and addressees; saved queries "open findings for the force by
    year" and "recommendations to chief constables since the last committee".
    Needs the optional extra:  pip install 'hmicfrs-watch[browse]'
    Stop with Ctrl-C.
    """
    from watcher.browse import BrowseError, run_browse

    try:
        code = run_browse(obj.config, host=host, port=port, open_browser=open_browser,
                          force=force or obj.config.force, quiet=obj.quiet)
    except BrowseError as exc:
        fail(str(exc), EXIT_CANNOT_RUN if exc.cannot_run else EXIT_USAGE)
    except StoreError as exc:
        fail(str(exc), EXIT_CANNOT_RUN)
    sys.exit(code)
