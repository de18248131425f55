"""`hmicfrs-watch` sub-commands: reports, findings, changes: what is stored, for people and scripts."""

from __future__ import annotations

import json

import click

from core.models import CHIEF_CONSTABLES, EVENT_KINDS
from store.db import Store
from watcher.parse.witnesses import warning_line
from watcher.cli._base import (
    EXIT_USAGE,
    REPORT_COLUMNS,
    Context,
    cli,
    fail,
    force_name,
    parse_day,
    table,
    to_csv,
)
from watcher.config import ConfigError, canonical_force_or_error

FINDING_KINDS = ("recommendation", "area_for_improvement", "cause_of_concern")

# --- reports / findings / changes --------------------------------------------------------


@cli.command()
@click.option("--since", help="Published on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Published on or before this date (YYYY-MM-DD).")
@click.option("--force", "force", callback=force_name,
              help="Only reports naming this force or concerning all forces.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True
)
@click.option("--findings", "with_findings", is_flag=True, help="Include each report's findings (json).")
@click.pass_obj
def reports(obj: Context, since, until, force, fmt, with_findings):
    """List stored publications with their counts, newest first.

    Every count can be traced to its rows: `hmicfrs-watch findings --report SLUG`.
    """
    start, end = parse_day(since, "--since"), parse_day(until, "--until")
    if start and end and start > end:
        fail(f"--since {since} is after --until {until}", EXIT_USAGE)
    with obj.reader() as store:
        rows = store.reports(since=start and start.isoformat(), until=end and end.isoformat(),
                             force=force, with_findings=with_findings)
    if fmt != "json":  # typed warnings: their sentence and the count they doubt (json keeps them whole)
        for r in rows:
            r["warnings"] = [warning_line(w) for w in r.get("warnings") or []]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(to_csv(rows, list(REPORT_COLUMNS) + ["warnings"]), nl=False)
    else:
        table(
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


def _applies_to(_ctx, _param, value: str | None) -> str | None:
    """'chief-constables' or a police force (its canonical name); anything else a usage error."""
    if value is None or value.casefold().replace("-", " ").strip() == CHIEF_CONSTABLES:
        return value and "chief-constables"
    try:
        return canonical_force_or_error(value)
    except ConfigError as exc:
        raise click.BadParameter(f"give chief-constables or a police force: {exc}") from None


@cli.command()
@click.option("--report", "slug", help="Only this report (its slug, as in `reports`).")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(FINDING_KINDS),
              help="Only findings of these kinds (repeatable).")
@click.option(
    "--applies-to", callback=_applies_to,
    help="'chief-constables' (the recommendations counted as applicable to chief constables), "
    "or a police force (the findings its register holds).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True
)
@click.pass_obj
def findings(obj: Context, slug, kinds, applies_to, fmt):
    """List recommendations, areas for improvement and causes of concern, one per row.

    A force's own areas for improvement carry its name in the force column; only
    recommendations are ever applicable to chief constables, so `--applies-to
    chief-constables` lists exactly the rows that `reports` counts in "To CCs".
    """
    with obj.reader() as store:
        if slug and slug not in _slugs(store):
            _unknown_slug(store, slug)
        rows = store.findings(slug=slug, applies_to=applies_to)
    if kinds:
        rows = [r for r in rows if r["kind"] in kinds]
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
        click.echo(to_csv(rows, cols), nl=False)
    else:
        table(
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
@click.option("--kind", "kinds", multiple=True, type=click.Choice(EVENT_KINDS),
              help="Only these kinds (repeatable).")
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
    start = parse_day(since, "--since")
    with obj.reader() as store:
        if diff_slug:
            _print_diff(store, diff_slug)
            return
        rows = store.changes(since=start and start.isoformat(), kinds=kinds or None)
    if fmt == "json":
        for r in rows:
            r.pop("publication_id", None)
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for r in rows:
            r["what"] = _describe(r)
        table(rows, [("at", "At"), ("kind", "Kind"), ("title", "Publication"), ("what", "Details")])


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


def _slugs(store: Store) -> list[str]:
    return [r["slug"] for r in store.db.query("SELECT slug FROM publications ORDER BY slug")]


def _unknown_slug(store: Store, slug: str) -> None:
    """Exit 2 naming the nearest stored slugs: an unknown --report is a typo, not "no rows"."""
    import difflib

    near = difflib.get_close_matches(slug, _slugs(store), n=3, cutoff=0.5)
    hint = f"; did you mean {' or '.join(near)}?" if near else "; see `hmicfrs-watch reports` for slugs"
    fail(f"no stored report {slug!r}{hint}", EXIT_USAGE)


def _print_diff(store: Store, slug: str) -> None:
    import difflib

    from core.textsafe import terminal_safe

    versions = store.snapshots(slug)
    if not versions:
        _unknown_slug(store, slug)
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
