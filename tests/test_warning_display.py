"""Typed warnings are shown with the count they doubt: `reports` and the feed item
(docs/counting-rules.md, "Doubt"). Old string warnings still show as they were stored."""

from __future__ import annotations

import json

from click.testing import CliRunner

from core.models import Finding, ParseWarning, Publication
from store.db import Store
from watcher.cli import cli
from watcher.parse.witnesses import warning_line
from watcher.publish.feed import render_feed

WARN = ParseWarning(kind="stated_count", field="areas_for_improvement", expected=7, found=0,
                    where="section 'Summary'",
                    message="Report says it makes seven areas for improvement; 0 were extracted")


def _db(tmp_path):
    db = tmp_path / "w.db"
    pub = Publication(url="https://x/publications/wmp-cp/", slug="wmp-cp", title="West Midlands Police: child protection",
                      published="2025-11-20", type="National child protection inspection",
                      forces=["West Midlands Police"],
                      findings=[Finding("recommendation", "By 2026, chief constables should act.", 1, source="html")],
                      warnings=[WARN.to_dict(), "an old string warning"])
    with Store(db) as store:
        store.save_publication(pub, [])
    return db


def test_warning_line_names_the_doubted_field_and_keeps_old_strings():
    assert warning_line(WARN.to_dict()) == (
        "Report says it makes seven areas for improvement; 0 were extracted (doubts: areas_for_improvement)")
    assert warning_line("an old string warning") == "an old string warning"


def test_reports_shows_the_warning_and_its_field(tmp_path):
    db = _db(tmp_path)
    csv = CliRunner().invoke(cli, ["--db", str(db), "reports", "--format", "csv"], catch_exceptions=False).output
    assert "0 were extracted (doubts: areas_for_improvement)" in csv and "an old string warning" in csv
    rows = json.loads(CliRunner().invoke(cli, ["--db", str(db), "reports", "--format", "json"]).output)
    assert rows[0]["warnings"][0]["field"] == "areas_for_improvement"  # json keeps the typed warning whole


def test_feed_item_shows_the_warning_beside_the_counts(tmp_path):
    with Store(_db(tmp_path)) as store:
        (report,) = store.reports()
    event = {"id": 1, "at": "2025-11-20T06:00:00+00:00", "kind": "new", "url": report["url"], "slug": report["slug"],
             "title": report["title"], "details": {}}
    body = render_feed([event], site_url="https://x", reports={report["url"]: report}).decode()
    assert "(doubts: areas_for_improvement)" in body and "Check:" in body
    clean = {**report, "warnings": []}
    assert "Check:" not in render_feed([event], site_url="https://x", reports={report["url"]: clean}).decode()
