"""`hmicfrs-watch browse`: FTS kept current by triggers, Datasette metadata, and the real
thing served on a free loopback port in a subprocess, queried over HTTP (JSON API)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from store.register import list_entries
from watcher import browse
from watcher.cli import cli
from core.models import Finding, Publication

ROOT = Path(__file__).resolve().parents[1]
SITE = "https://hmicfrs.example"
WMP = "West Midlands Police"


def pub(slug, title, published, findings, *, forces=(), summary=""):
    return Publication(url=f"{SITE}/publications/{slug}/", slug=slug, title=title, published=published,
                       type="Thematic inspection" if not forces else "PEEL", forces=list(forces),
                       summary=summary, findings=list(findings))


def cc(text, n):
    return Finding("recommendation", text, number=n, applies_to_chief_constables=True,
                   addressees=["chief constables"])


@pytest.fixture
def archive(store):
    store.save_publication(pub("vetting-2023", "Vetting and misconduct", "2023-05-10", [
        cc("Chief constables should make sure vetting decisions are recorded.", 1),
        cc("Chief constables should train vetting officers.", 2),
    ], summary="How forces vet their officers and staff."), [])
    store.save_publication(pub("peel-wmp-2025", "PEEL: West Midlands Police", "2025-03-01", [
        Finding("area_for_improvement", "The force should improve how it answers 101 calls.", force=WMP),
    ], forces=[WMP]), [])
    store.save_publication(pub("diverting-2025", "Diverting children from the criminal justice system",
                               "2025-10-15", [cc("Chief constables should record diversion outcomes.", 1)],
                               summary="A joint inspection of out-of-court resolutions for children."), [])
    return store


def _fts(store, table, term):
    return [r[0] for r in store.conn.execute(
        f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?", (term,))]


def test_prepare_browse_indexes_and_stays_current(archive):
    done = browse.prepare_browse(archive, force=WMP)
    assert done["publications"] == done["findings"] == "created"
    assert done["register"]["added"] == 4
    assert len(_fts(archive, "findings", "vetting")) == 2
    assert len(_fts(archive, "publications", "children")) == 1
    # a later scan rewrites finding rows: the triggers keep the index current
    archive.save_publication(pub("vetting-2023", "Vetting and misconduct", "2023-05-10", [
        cc("Chief constables should audit probationers.", 1),
    ]), [])
    assert _fts(archive, "findings", "vetting") == []
    assert len(_fts(archive, "findings", "probationers")) == 1
    again = browse.prepare_browse(archive, force=WMP)
    assert again["publications"] == again["findings"] == "kept"
    assert len(_fts(archive, "findings", "probationers")) == 1
    assert {r[0] for r in archive.conn.execute("SELECT year FROM finding_list")} == {"2023", "2025"}
    assert archive.integrity_ok()


def test_browse_without_datasette_says_how_to_install(archive, tmp_path, monkeypatch):
    monkeypatch.setattr(browse, "datasette_available", lambda: False)
    result = CliRunner().invoke(cli, ["--db", str(archive.path), "browse"])
    assert result.exit_code == 2
    assert "pip install 'hmicfrs-watch[browse]'" in result.output


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(archive, tmp_path):
    """`hmicfrs-watch browse` in a subprocess on a free loopback port; its base URL."""
    pytest.importorskip("datasette")
    config = tmp_path / "config.toml"
    config.write_text(
        f'db = "{archive.path}"\n[force]\nname = "{WMP}"\n'
        "[[committees]]\nmeetings = [2025-09-18]\n", encoding="utf-8")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "watcher.cli", "--config", str(config), "browse", "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"browse exited with {proc.returncode}: {proc.stdout.read().decode()}")
            try:
                if httpx.get(f"{base}/-/versions.json", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("Datasette did not answer within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # the CLI and the Datasette it started
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        proc.stdout.close()


def _get(base, path, **params):
    r = httpx.get(f"{base}{path}", params=params, timeout=10)
    assert r.status_code == 200, r.text[:500]
    return r.json()


def test_datasette_search_facets_and_canned_queries(served, archive):
    rows = _get(served, "/watch/findings.json", _search="vetting", _shape="array")
    assert sorted(r["text"] for r in rows) == [
        "Chief constables should make sure vetting decisions are recorded.",
        "Chief constables should train vetting officers.",
    ]
    rows = _get(served, "/watch/publications.json", _search="children", _shape="array")
    assert [r["title"] for r in rows] == ["Diverting children from the criminal justice system"]
    # the view with the year column is searchable too, and faceted as configured
    data = _get(served, "/watch/finding_list.json", _search="diversion")
    assert [dict(zip(data["columns"], r))["year"] for r in data["rows"]] == ["2025"]
    facets = _get(served, "/watch/finding_list.json")["facet_results"]
    assert {"year", "kind", "addressees", "forces", "type"} <= set(facets)
    # canned queries
    by_year = _get(served, "/watch/open_findings_by_year.json", _shape="array")
    assert [(r["year"], r["open"]) for r in by_year] == [(2023, 2), (2025, 2)]
    assert len(list_entries(archive, status="open")) == 4  # browse synced the register
    since = _get(served, "/watch/recommendations_to_chief_constables_since.json", since="", _shape="array")
    assert [r["text"] for r in since] == ["Chief constables should record diversion outcomes."]  # since 18/09/2025
    since = _get(served, "/watch/recommendations_to_chief_constables_since.json", since="2023-01-01",
                 _shape="array")
    assert len(since) == 3
    meta = _get(served, "/-/metadata.json")
    assert meta["databases"]["watch"]["queries"]["open_findings_by_year"]["title"] == \
        f"Open findings for {WMP} by year"


def test_metadata_is_json_and_names_the_database():
    meta = browse.metadata("watch", force=None, last_meeting=None)
    json.dumps(meta)
    queries = meta["databases"]["watch"]["queries"]
    assert "1900-01-01" in queries["recommendations_to_chief_constables_since"]["sql"]
