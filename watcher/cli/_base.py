"""The `hmicfrs-watch` group, its global options, and what every sub-command shares.

Exit codes (for cron and scripts):
  0  success
  1  the scan ran but something failed (errors are printed; the next scan retries)
  2  bad usage or configuration
  3  cannot run: the database is locked by another scan, unreadable, or newer
  130 interrupted (Ctrl-C); what was stored is kept and the next scan continues
"""

from __future__ import annotations

import csv
import io
import sys
from datetime import date
from pathlib import Path

import click

from core.dates import require_date
from store.db import Store, StoreError
from watcher import DEFAULT_SITE, __version__
from watcher.config import Config, ConfigError, canonical_force_or_error, load_config
from watcher.publish.outputs import OutputError, write_output

EXIT_FAILED, EXIT_USAGE, EXIT_CANNOT_RUN, EXIT_INTERRUPTED = 1, 2, 3, 130

REPORT_COLUMNS = (
    "url",
    "slug",
    "title",
    "published",
    "type",
    "forces",
    "recommendations",
    "recommendations_to_chief_constables",
    "areas_for_improvement",
    "causes_of_concern",
    "documents",
    "status",
    "first_seen",
    "last_changed",
)


class Context:
    """What every sub-command gets: the resolved configuration and the output settings."""

    def __init__(self, config: Config, quiet: bool):
        self.config = config
        self.quiet = quiet

    def store(self) -> Store:
        """The database, created if need be: for commands that write (scan, register)."""
        try:
            return Store(self.config.db)
        except StoreError as exc:
            fail(str(exc), EXIT_CANNOT_RUN)

    def reader(self) -> Store:
        """The database for a command that only reads: never created, may be read-only."""
        if not Path(self.config.db).is_file():
            fail(f"the database {self.config.db} does not exist; run `hmicfrs-watch scan` to "
                 "create it, or give --db", EXIT_USAGE)
        try:
            return Store(self.config.db, read_only=True)
        except StoreError as exc:
            fail(str(exc), EXIT_CANNOT_RUN)


def fail(message: str, code: int = EXIT_FAILED) -> None:
    click.secho(f"error: {message}", fg="red", err=True)
    sys.exit(code)


def parse_day(value: str | None, name: str) -> date | None:
    """A date option (as core.dates reads dates), or a usage error that says how to write it."""
    if value is None:
        return None
    try:
        return require_date(value, name)
    except ValueError as exc:
        raise click.BadParameter(str(exc).split(": ", 1)[1], param_hint=name) from None


def force_name(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """click callback for every --force: the canonical name, or a usage error with the nearest."""
    if value is None:
        return None
    try:
        return canonical_force_or_error(value)
    except ConfigError as exc:
        raise click.BadParameter(str(exc)) from None


def emit(text: str | bytes, output: str | None) -> None:
    """Write to a file (atomically: readers never see half a feed) or to stdout."""
    try:
        write_output(text, output)
    except OutputError as exc:
        fail(str(exc), EXIT_USAGE)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}", EXIT_CANNOT_RUN)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    envvar="HMICFRS_WATCH_DB",
    help="SQLite database. Default: your platform's user data directory "
    "(e.g. ~/.local/share/hmicfrs-watch/watch.db). Env: HMICFRS_WATCH_DB.",
)
@click.option(
    "--site",
    envvar="HMICFRS_WATCH_SITE",
    help=f"Site to watch. Default: {DEFAULT_SITE}. Env: HMICFRS_WATCH_SITE.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    envvar="HMICFRS_WATCH_CONFIG",
    help="TOML config (force, committee dates, output directory). "
    "Default: the platform config dir's hmicfrs-watch/config.toml if it exists. "
    "`hmicfrs-watch config` prints an example.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on success (for cron).")
@click.version_option(__version__, prog_name="hmicfrs-watch")
@click.pass_context
def cli(ctx: click.Context, db: str | None, site: str | None, config_path: str | None, quiet: bool):
    """Watch HMICFRS publications and count the findings in each report.

    \b
    A daily run:        hmicfrs-watch -q scan
    What was found:     hmicfrs-watch reports --since 2025-09-18
    For feed readers:   hmicfrs-watch feed -o /srv/www/hmicfrs.xml
    For the committee:  hmicfrs-watch digest --since-last-committee -o paper.docx
    Try it offline:     hmicfrs-watch demo
    """
    try:
        config = load_config(config_path, site=site, db=db)
    except ConfigError as exc:
        fail(str(exc), EXIT_USAGE)
    ctx.obj = Context(config, quiet)


# --- tables and CSV shared by the listing commands --------------------------------------


def table(rows: list[dict], columns: list[tuple[str, str]], title: str | None = None) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from core.textsafe import terminal_safe

    table = Table(title=title, show_lines=False)
    for key, header in columns:
        if key in NARROW_COLUMNS:  # dates, counts, flags: never squeezed into "2025…"
            table.add_column(header, no_wrap=True, justify="right" if key in COUNT_COLUMNS else "left")
        else:
            table.add_column(header, ratio=3 if key in ("title", "text") else 1, overflow="fold")
    for r in rows:
        table.add_row(*(escape(terminal_safe(cell(r.get(k)))) for k, _ in columns))
    console = Console()
    if not console.is_terminal:
        console.width = max(console.width, 160)  # piped to a file or a pager: room to read
    console.print(table)


COUNT_COLUMNS = {
    "number", "recommendations", "recommendations_to_chief_constables",
    "areas_for_improvement", "causes_of_concern",
}
NARROW_COLUMNS = {
    "published", "at", "number", "deadline", "status", "recommendations",
    "recommendations_to_chief_constables", "areas_for_improvement", "causes_of_concern",
    "applies_to_chief_constables", "kind",
}


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(v.get("title", v.get("url", "")) if isinstance(v, dict) else str(v) for v in value)
    return str(value)


def to_csv(rows: list[dict], columns: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: csv_cell(r.get(k)) for k in columns})
    return buf.getvalue()


def csv_cell(value) -> str:
    """Lists joined with "; ", then made safe for a spreadsheet (no live formulas)."""
    from core.textsafe import csv_safe

    return csv_safe(cell(value) if isinstance(value, list) else ("" if value is None else value))
