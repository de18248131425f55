"""`hmicfrs-watch browse`: the database in Datasette (optional extra ``browse``).

:func:`prepare_browse` readies the database once per run (idempotent):

- full-text search (sqlite-utils ``enable_fts`` with triggers, so scans keep it current):
  ``publications`` on title and summary, ``findings`` on text and title;
- two views with a ``year`` column for faceting: ``report_list`` and ``finding_list``
  (searchable through the tables' FTS indexes);
- the force's register synced (when a force is configured).

The FTS tables and triggers are created here and not in a migration: they are only
needed by people who browse, and ``executescript`` (which enable_fts uses) commits, so it
cannot run inside a migration's transaction. The triggers add a little work to each scan
write once browsing has been used.

:func:`metadata` builds Datasette's metadata: facets (year, forces, type, kind,
addressees, status) and canned queries: ``open_findings_by_year`` (the register, for the
force) and ``recommendations_to_chief_constables_since`` (``:since``, default the last
committee meeting).
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from store.db import Store

INSTALL_HINT = "pip install 'hmicfrs-watch[browse]'"


class BrowseError(Exception):
    def __init__(self, message: str, *, cannot_run: bool = True):
        super().__init__(message)
        self.cannot_run = cannot_run


def datasette_available() -> bool:
    return importlib.util.find_spec("datasette") is not None


_VIEWS = {
    "report_list": """
        SELECT id, substr(published, 1, 4) AS year, published, title, type, forces, all_forces,
               joint_with, recommendations, recommendations_to_chief_constables,
               areas_for_improvement, causes_of_concern, status, summary, url, slug
        FROM publications""",
    "finding_list": """
        SELECT f.id, substr(p.published, 1, 4) AS year, p.published, p.title AS report,
               p.type, p.forces, f.kind, f.number, f.title, f.text, f.addressees,
               -- "applicable to chief constables" as core.models.to_chief_constables
               (f.kind = 'recommendation' AND f.applies_to_chief_constables)
                 AS applies_to_chief_constables, f.force, f.deadline, f.source, p.url AS report_url
        FROM findings f JOIN publications p ON p.id = f.publication_id""",
}


def prepare_browse(store: Store, *, force: str | None = None) -> dict:
    """Full-text search with triggers, faceting views and (with a force) a register sync.

    Safe to run again: an existing index is left as it is (its triggers kept it current).
    """
    db = store.db
    done = {}
    for table, columns in (("publications", ["title", "summary"]), ("findings", ["text", "title"])):
        fts = f"{table}_fts"
        if not db[fts].exists():
            db[table].enable_fts(columns, create_triggers=True, tokenize="porter")
            done[table] = "created"
        else:
            done[table] = "kept"
    for name, sql in _VIEWS.items():
        store.conn.execute(f"DROP VIEW IF EXISTS {name}")
        store.conn.execute(f"CREATE VIEW {name} AS {sql}")
    if force:
        from store.register import sync_register

        done["register"] = sync_register(store, force).to_dict()
    return done


def _sql_date(value: date | None) -> str:
    return (value or date(1900, 1, 1)).isoformat()  # an ISO date: safe to inline


def metadata(db_name: str, *, force: str | None, last_meeting: date | None, site: str = "") -> dict:
    """Datasette metadata: titles, facets, search on the views, canned queries."""
    whom = force or "the force"
    since_default = _sql_date(last_meeting)
    register_facets = ["status", "report_year", "kind", "finding_removed", "imported_unmatched"]
    return {
        "title": "hmicfrs-watch" + (f": {force}" if force else ""),
        "description": "HMICFRS publications and their recommendations, areas for improvement "
        "and causes of concern, as scanned by hmicfrs-watch.",
        "source": "HMICFRS",
        "source_url": site or "https://hmicfrs.justiceinspectorates.gov.uk",
        "databases": {
            db_name: {
                "tables": {
                    "publications": {
                        "facets": ["type", {"array": "forces"}, "status"],
                        "sort_desc": "published",
                        "label_column": "title",
                    },
                    "report_list": {
                        "description": "Publications with their year (search: title and summary).",
                        "facets": ["year", {"array": "forces"}, "type", "status"],
                        "sort_desc": "published",
                        "fts_table": "publications_fts",
                        "fts_pk": "id",
                    },
                    "findings": {
                        "facets": ["kind", {"array": "addressees"}, "applies_to_chief_constables", "force"],
                    },
                    "finding_list": {
                        "description": "Every finding with its report's year, type and forces "
                        "(search: finding text and title).",
                        "facets": ["year", "kind", {"array": "addressees"}, {"array": "forces"}, "type",
                                   "applies_to_chief_constables"],
                        "sort_desc": "published",
                        "fts_table": "findings_fts",
                        "fts_pk": "id",
                    },
                    "register_entries": {
                        "description": f"The register of findings {whom} must act on.",
                        "facets": register_facets,
                        "label_column": "finding_text",
                    },
                    "register_history": {"description": "Every status recorded (append-only)."},
                },
                "queries": {
                    "open_findings_by_year": {
                        "title": f"Open findings for {whom} by year",
                        "description": "Open register entries by report year and kind "
                        "(`hmicfrs-watch register sync` adds new findings).",
                        "sql": (
                            "SELECT coalesce(report_year, 'unknown') AS year,"
                            " sum(kind = 'recommendation') AS recommendations,"
                            " sum(kind = 'area_for_improvement') AS areas_for_improvement,"
                            " sum(kind = 'cause_of_concern') AS causes_of_concern,"
                            " sum(kind IS NULL OR kind NOT IN ('recommendation',"
                            " 'area_for_improvement', 'cause_of_concern')) AS other,"
                            " count(*) AS open"
                            " FROM register_entries WHERE status = 'open'"
                            " GROUP BY report_year ORDER BY report_year IS NULL, report_year"
                        ),
                    },
                    "recommendations_to_chief_constables_since": {
                        "title": "Recommendations to chief constables since the last committee",
                        "description": f"Reports published on or after :since (YYYY-MM-DD; "
                        f"left empty: the last committee meeting, {since_default}).",
                        "sql": (
                            "SELECT p.published, p.title AS report, f.number, f.text, f.deadline,"
                            " p.url AS report_url FROM findings f"
                            " JOIN publications p ON p.id = f.publication_id"
                            " WHERE f.kind = 'recommendation' AND f.applies_to_chief_constables = 1"
                            " AND p.status = 'active'"
                            f" AND p.published >= coalesce(nullif(trim(:since), ''), '{since_default}')"
                            " ORDER BY p.published DESC, f.publication_id, f.ordinal"
                        ),
                    },
                },
            }
        },
    }


def datasette_command(db_path: Path, metadata_path: Path, *, host: str, port: int,
                      open_browser: bool = False, immutable: bool = False) -> list[str]:
    """`immutable`: Datasette opens the file without writing (a read-only database)."""
    cmd = [sys.executable, "-m", "datasette", "serve",
           *(["-i", str(db_path)] if immutable else [str(db_path)]), "--metadata", str(metadata_path),
           "--host", host, "--port", str(port), "--setting", "sql_time_limit_ms", "5000",
           "--setting", "facet_time_limit_ms", "1000"]
    if open_browser:
        cmd.append("--open")
    return cmd


def run_browse(config, *, host: str = "127.0.0.1", port: int = 8001, open_browser: bool = False,
               force: str | None = None, quiet: bool = False, today: date | None = None) -> int:
    """Prepare the database, write the metadata and run Datasette until stopped."""
    if not datasette_available():
        raise BrowseError(f"Datasette is not installed; install it with:  {INSTALL_HINT}",
                          cannot_run=False)
    db_path = Path(config.db)
    if not db_path.exists():
        raise BrowseError(f"no database at {db_path}; run `hmicfrs-watch scan` first", cannot_run=False)
    found = config.last_meeting(today or date.today())
    read_only = not (os.access(db_path, os.W_OK) and os.access(db_path.parent, os.W_OK))
    if read_only:  # a read command works on what it may not change: browse it as it is
        print(f"browse: {db_path} is read-only; search and views are as the last writer left them",
              file=sys.stderr)
    else:
        with Store(db_path) as store:
            prepare_browse(store, force=force)
    meta = metadata(db_path.stem, force=force, last_meeting=found[1] if found else None,
                    site=config.site)
    with tempfile.TemporaryDirectory(prefix="hmicfrs-watch-browse-") as tmp:
        meta_path = Path(tmp) / "metadata.json"
        meta_path.write_text(json.dumps(meta, indent=2), encoding="utf-8")
        cmd = datasette_command(db_path, meta_path, host=host, port=port, open_browser=open_browser,
                                immutable=read_only)
        if not quiet:
            print(f"browse: {db_path} at http://{host}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
        proc = subprocess.Popen(cmd)
        previous = signal.getsignal(signal.SIGTERM)
        stopped = []

        def stop(signum, frame):
            stopped.append(signum)
            proc.terminate()

        signal.signal(signal.SIGTERM, stop)
        try:
            code = proc.wait()
        except KeyboardInterrupt:
            stopped.append(signal.SIGINT)
            proc.terminate()
            try:
                code = proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                code = proc.wait()
        finally:
            signal.signal(signal.SIGTERM, previous)
        return 0 if stopped else code  # asked to stop: a clean exit
