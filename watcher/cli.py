"""The `hmicfrs-watch` command: a thin skin over the Python API.

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
import json
import sys
from datetime import date, datetime
from pathlib import Path

import click

from store.db import Store, StoreError
from watcher import DEFAULT_SITE, __version__
from watcher.config import EXAMPLE, Config, ConfigError, load_config

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
        try:
            return Store(self.config.db)
        except StoreError as exc:
            fail(str(exc), EXIT_CANNOT_RUN)


def fail(message: str, code: int = EXIT_FAILED) -> None:
    click.secho(f"error: {message}", fg="red", err=True)
    sys.exit(code)


def parse_day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as 2025-12-11", param_hint=name)


def emit(text: str | bytes, output: str | None) -> None:
    """Write to a file (atomically: readers never see half a feed) or to stdout."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    if output in (None, "-"):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


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
    For the committee:  hmicfrs-watch digest --since-last-committee --format docx -o paper.docx
    Try it offline:     hmicfrs-watch demo
    """
    try:
        config = load_config(config_path, site=site, db=db)
    except ConfigError as exc:
        fail(str(exc), EXIT_USAGE)
    ctx.obj = Context(config, quiet)


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
    from watcher.scan import make_fetcher, run_scan

    cfg = obj.config
    store = obj.store()
    show_progress = not obj.quiet and not as_json and sys.stderr.isatty()
    try:
        with make_fetcher(cfg, delay=delay, cache=store) as fetcher:
            if show_progress:
                result = _scan_with_progress(store, fetcher, cfg.site, full, workers)
            else:
                result = run_scan(store, fetcher, cfg.site, full=full, workers=workers)
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


def _scan_with_progress(store, fetcher, site, full, workers=None):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

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

        return run_scan(store, fetcher, site, full=full, progress=progress, workers=workers)


# --- reports / findings / changes --------------------------------------------------------


def _table(rows: list[dict], columns: list[tuple[str, str]], title: str | None = None) -> None:
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
        table.add_row(*(escape(terminal_safe(_cell(r.get(k)))) for k, _ in columns))
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


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(v.get("title", v.get("url", "")) if isinstance(v, dict) else str(v) for v in value)
    return str(value)


def _csv(rows: list[dict], columns: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: _csv_cell(r.get(k)) for k in columns})
    return buf.getvalue()


def _csv_cell(value) -> str:
    """Lists joined with "; ", then made safe for a spreadsheet (no live formulas)."""
    from core.textsafe import csv_safe

    return csv_safe(_cell(value) if isinstance(value, list) else ("" if value is None else value))


@cli.command()
@click.option("--since", help="Published on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Published on or before this date (YYYY-MM-DD).")
@click.option("--force", "force", help="Only reports naming this force or concerning all forces.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True
)
@click.option("--findings", "with_findings", is_flag=True, help="Include each report's findings (json).")
@click.pass_obj
def reports(obj: Context, since, until, force, fmt, with_findings):
    """List stored publications with their counts, newest first.

    Every count can be traced to its rows: `hmicfrs-watch findings --report SLUG`.
    """
    parse_day(since, "--since"), parse_day(until, "--until")
    with obj.store() as store:
        rows = store.reports(since=since, until=until, force=force, with_findings=with_findings)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(_csv(rows, list(REPORT_COLUMNS) + ["warnings"]), nl=False)
    else:
        _table(
            rows,
            [
                ("published", "Published"),
                ("title", "Title"),
                ("type", "Type"),
                ("forces", "Forces"),
                ("recommendations", "Recs"),
                ("recommendations_to_chief_constables", "To CCs"),
                ("areas_for_improvement", "AFIs"),
                ("causes_of_concern", "CoCs"),
                ("status", "Status"),
                ("warnings", "Warnings"),
            ],
            title=f"{len(rows)} reports",
        )


@cli.command()
@click.option("--report", "slug", help="Only this report (its slug, as in `reports`).")
@click.option(
    "--applies-to",
    help="'chief-constables', or a force name (findings addressed to or about that force).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True
)
@click.pass_obj
def findings(obj: Context, slug, applies_to, fmt):
    """List recommendations, areas for improvement and causes of concern, one per row."""
    with obj.store() as store:
        rows = store.findings(slug=slug, applies_to=applies_to)
    cols = [
        "report_slug",
        "kind",
        "number",
        "title",
        "text",
        "deadline",
        "addressees",
        "applies_to_chief_constables",
        "force",
        "source",
        "report_url",
    ]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(_csv(rows, cols), nl=False)
    else:
        _table(
            rows,
            [
                ("report_slug", "Report"),
                ("kind", "Kind"),
                ("number", "No."),
                ("text", "Text"),
                ("addressees", "Addressees"),
                ("applies_to_chief_constables", "To CCs"),
                ("deadline", "Deadline"),
            ],
            title=f"{len(rows)} findings",
        )


@cli.command()
@click.option("--since", help="Changes recorded on or after this date (YYYY-MM-DD).")
@click.option("--kind", "kinds", multiple=True, help="Only these kinds (repeatable).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option("--diff", "diff_slug", metavar="SLUG", help="Show the text diff of a publication's versions.")
@click.pass_obj
def changes(obj: Context, since, kinds, fmt, diff_slug):
    """List what changed on the site, as the scans recorded it, newest first.

    Kinds: new, metadata_changed, document_added, document_removed, findings_changed,
    withdrawn, reinstated.
    """
    parse_day(since, "--since")
    with obj.store() as store:
        if diff_slug:
            _print_diff(store, diff_slug)
            return
        rows = store.changes(since=since, kinds=kinds or None)
    if fmt == "json":
        for r in rows:
            r.pop("publication_id", None)
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for r in rows:
            r["what"] = _describe(r)
        _table(rows, [("at", "At"), ("kind", "Kind"), ("title", "Publication"), ("what", "Details")])


def _describe(event: dict) -> str:
    d = event.get("details") or {}
    if event["kind"] == "findings_changed":
        o, n = d.get("old", {}), d.get("new", {})
        return ", ".join(
            f"{k.replace('_', ' ')} {o.get(k)} -> {n.get(k)}" for k in n if o.get(k) != n.get(k)
        ) or "finding text changed"
    if event["kind"] == "metadata_changed":
        return ", ".join(d.get("changes", {}))
    if event["kind"] in ("document_added", "document_removed"):
        return ", ".join(x.get("title", "") for x in d.get("documents", []))
    if event["kind"] == "new":
        c = d.get("counts", {})
        return f"{c.get('recommendations', 0)} recs, {c.get('areas_for_improvement', 0)} AFIs"
    return json.dumps(d) if d else ""


def _print_diff(store: Store, slug: str) -> None:
    import difflib

    from core.textsafe import terminal_safe

    versions = store.snapshots(slug)
    if not versions:
        fail(f"no stored versions of {slug!r}; see `hmicfrs-watch reports` for slugs", EXIT_USAGE)
    if len(versions) == 1:
        click.echo(f"{slug}: only one version stored ({versions[0]['at']}); nothing to compare")
        return
    a, b = versions[-2], versions[-1]
    lines = difflib.unified_diff(
        a["text"].splitlines(),
        b["text"].splitlines(),
        fromfile=f"{slug} @ {a['at']}",
        tofile=f"{slug} @ {b['at']}",
        lineterm="",
    )
    for line in lines:
        click.echo(terminal_safe(line))


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
    from watcher.publish.window import digest_for_window

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
            store, start, end, force, committee, last, register_since=known_last
        )
    emit(render(data, fmt), output)
    if output and not obj.quiet:
        click.echo(f"digest: {len(data['reports'])} reports -> {output}", err=True)


# --- config / demo ------------------------------------------------------------------


@cli.command("config")
@click.pass_obj
def show_config(obj: Context):
    """Print an example config file and where this installation looks for it."""
    from watcher.config import default_config_path

    click.echo(f"# read from: {obj.config.source or default_config_path()} "
               f"({'found' if obj.config.source else 'not found'})")
    click.echo(f"# database:  {obj.config.db}")
    click.echo(EXAMPLE)


@cli.command()
@click.option("--dir", "out_dir", type=click.Path(file_okay=False),
              help="Where to put the demo database and outputs (default: a new temp dir).")
@click.option("--keep-serving", is_flag=True, help="Keep the mirror running until Ctrl-C.")
@click.pass_obj
def demo(obj: Context, out_dir, keep_serving):
    """Scan the bundled offline site mirror and write a feed and a committee digest.

    Needs no internet: the mirror is served on a free loopback port. It prints where
    the feed and digests are; open the .html or .docx to see what a committee gets.
    """
    import tempfile

    from watcher.demo import run_demo

    target = Path(out_dir) if out_dir else Path(tempfile.mkdtemp(prefix="hmicfrs-watch-demo-"))
    try:
        run_demo(target, quiet=obj.quiet, keep_serving=keep_serving)
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)


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
        now = datetime.now().astimezone()
        result = jobs.scan_job(cfg, now=now)
        outcome = jobs.digest_job(cfg, today=now.date(), force=force_digest)
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
@click.option("--force", help="The force (default: [force] name in the config).")
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
                    "report_url", "report_published"]


@register.command("list")
@click.option("--status", type=click.Choice(["open", "closed"]), help="Only entries with this status.")
@click.option("--year", type=int, help="Only findings from reports published in this year.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True
)
@click.pass_obj
def register_list(obj: Context, status, year, fmt):
    """List register entries by report year."""
    from store.register import list_entries

    with obj.store() as store:
        rows = list_entries(store, status=status, year=year)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(_csv(rows, REGISTER_COLUMNS), nl=False)
    else:
        for r in rows:
            r["flags"] = " ".join(f for f in ("finding_removed", "imported_unmatched") if r[f])
            r["what"] = r["finding_text"] if len(r["finding_text"] or "") <= 160 else r["finding_text"][:157] + "..."
        _table(
            rows,
            [("id", "ID"), ("report_year", "Year"), ("report_title", "Report"), ("kind", "Kind"),
             ("what", "Finding"), ("status", "Status"), ("closed_date", "Closed"), ("owner", "Owner"),
             ("flags", "Flags")],
            title=f"{len(rows)} register entries",
        )


@register.command("set")
@click.argument("entry_id", type=int)
@click.option("--status", type=click.Choice(["open", "closed"]), help="The new status.")
@click.option("--note", help="Why (kept in the history).")
@click.option("--by", help="Who (default: your login name).")
@click.option("--at", "at", help="When it happened, if not now (YYYY-MM-DD).")
@click.option("--owner", help="Set the owner.")
@click.option("--notes", help="Replace the entry's notes.")
@click.pass_obj
def register_set(obj: Context, entry_id, status, note, by, at, owner, notes):
    """Record a status (a new history row; earlier rows are never changed), owner or notes."""
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
            set_fields(store, entry_id, owner=owner, notes=notes)
            if status:
                set_status(store, entry_id, status, by=by, note=note, at=when)
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

    with obj.store() as store:
        rows = history(store, entry_id)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        _table(rows, [("entry_id", "Entry"), ("at", "At"), ("status", "Status"), ("by", "By"),
                      ("note", "Note")])


@register.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--by", default="import", show_default=True, help="Recorded as who made the changes.")
@click.option("--json", "as_json", is_flag=True, help="Print the result (with unmatched rows) as JSON.")
@click.pass_obj
def register_import(obj: Context, file, by, as_json):
    """Apply the liaison officer's spreadsheet (CSV: report, report year, finding, status,
    owner, notes, closed date; an id column from `register export` matches exactly).

    Rows match by id, else by report (title or URL) and finding text (tolerant of
    whitespace, quotes and small differences). Unmatched rows are listed and kept as
    manual entries flagged imported_unmatched; nothing is dropped.
    """
    from store.register import RegisterError, import_csv

    with obj.store() as store:
        try:
            result = import_csv(store, file, by=by)
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


@register.command("export")
@click.argument("file", type=click.Path(dir_okay=False))
@click.pass_obj
def register_export(obj: Context, file):
    """Write the register as a CSV spreadsheet (opens in Excel; `-` for stdout)."""
    from store.register import export_csv

    with obj.store() as store:
        text = export_csv(store, None if file == "-" else file)
    if file == "-":
        click.echo(text, nl=False)
    elif not obj.quiet:
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
    with obj.store() as store:
        table = open_by_year(store, day)
    if fmt == "json":
        click.echo(json.dumps(table, indent=2))
    else:
        rows = table["rows"] + [{"year": "Total", **table["totals"]}]
        _table(rows, [("year", "Report year"), ("previous", f"Open {table['previous_date']}"),
                      ("now", "Open now")])


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True,
              help="Port (0 picks a free one).")
@click.option("--open", "open_browser", is_flag=True, help="Open a web browser at the start page.")
@click.option("--force", help="The force (default: [force] name in the config).")
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


def main() -> None:
    cli(prog_name="hmicfrs-watch")


if __name__ == "__main__":
    main()
