"""`hmicfrs-watch` sub-commands: reports, findings, changes: what is stored, for people and scripts."""

from __future__ import annotations

import json

import click

from store.db import Store
from watcher.parse.witnesses import warning_line
from watcher.cli._base import (
    EXIT_USAGE,
    REPORT_COLUMNS,
    Context,
    cli,
    fail,
    parse_day,
    table,
    to_csv,
)

# --- reports / findings / changes --------------------------------------------------------


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
