"""What the force owes, and by when (docs/obligations.md): deadlines, s55 responses,
action plans, the calendar and the digest's section.

The end-to-end tests scan the bundled mirror on loopback, then let a later day add the
local policing body's response document, as HMICFRS lists them on the publication page.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from core.deadlines import action_plan_due, add_months, due_date
from store import obligations as stored
from store.db import Store
from watcher.cli import cli
from watcher.config import Config
from watcher.mirror.server import start_mirror
from watcher.obligations import S55_DAYS, current, derive, names_local_policing_body, refresh
from watcher.publish.calendar import build_calendar
from watcher.scan import make_fetcher, run_scan
from core.bodies import find_body
from core.identity import publication_key

WMP = "West Midlands Police"
PUB = date(2025, 10, 15)

# --- deadlines ---------------------------------------------------------------------------


@pytest.mark.parametrize("text, published, due", [
    ("By 31 March 2026, chief constables should review …", PUB, date(2026, 3, 31)),
    ("By March 2026, chief constables should …", PUB, date(2026, 3, 31)),
    ("By the end of 2026, forces should …", PUB, date(2026, 12, 31)),
    ("Within six months, the force should …", PUB, date(2026, 4, 15)),
    ("Within 6 months the force should …", PUB, date(2026, 4, 15)),
    ("Within three months of this report's publication, the force should …", PUB, date(2026, 1, 15)),
    ("Within 28 days, the force should …", PUB, PUB + timedelta(days=28)),
    ("Within twelve months, chief constables should …", PUB, date(2026, 10, 15)),
    ("Chief constables should immediately make sure …", PUB, PUB),
    ("With immediate effect, the force should …", PUB, PUB),
    # the last day of a month: six months after 31 August is the end of February
    ("Within six months, the force should …", date(2025, 8, 31), date(2026, 2, 28)),
    # a leap day: three months after 30 November 2027 is 29 February 2028 ...
    ("Within three months, the force should …", date(2027, 11, 30), date(2028, 2, 29)),
    # ... and a year after 29 February 2028 is 28 February 2029
    ("Within a year, the force should …", date(2028, 2, 29), date(2029, 2, 28)),
    ("By 29 February 2028, forces should …", PUB, date(2028, 2, 29)),
])
def test_deadline_forms(text, published, due):
    assert due_date(text, published).on == due


def test_no_deadline_and_impossible_dates():
    assert due_date("The force should improve how it records crime.", PUB) is None
    assert due_date("By 30 February 2026, forces should …", PUB) is None  # no such day
    assert due_date("Within six months, the force should …", None) is None  # nothing to count from


def test_the_first_stated_deadline_wins_and_basis_keeps_the_words():
    due = due_date("Within three months, the force should …, and by 31 December 2026 it "
                   "should also …", PUB)
    assert due.on == date(2026, 1, 15)
    assert due.basis.lower() == "within three months"


def test_add_months_clamps_to_month_end():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2025, 12, 15), 2) == date(2026, 2, 15)


def test_action_plan_within_weeks_of_publication():
    text = ("We expect the force to send us an action plan within six weeks of the publication "
            "of this report. The force should improve …")
    assert action_plan_due(text, date(2025, 11, 20)).on == date(2026, 1, 1)
    assert action_plan_due("The force should have a plan for within six months.", PUB) is None


# --- s55 and deadlines from plain records ------------------------------------------------


def _report(slug, *, forces=(), findings=(), documents=(), published=PUB, **extra):
    return {"slug": slug, "url": f"https://site/publications/{slug}/", "title": slug.title(),
            "published": published.isoformat(), "forces": list(forces), "findings": list(findings),
            "documents": list(documents), "status": "active", **extra}


REC_CC = {"kind": "recommendation", "number": 1, "applies_to_chief_constables": True,
          "text": "By 31 March 2026, chief constables should make sure that …"}
REC_NPCC = {"kind": "recommendation", "number": 2, "applies_to_chief_constables": False,
            "text": "By 31 March 2026, the NPCC lead should …"}


def test_s55_applies_to_reports_relating_to_the_force_only():
    reports = [
        _report("national-thematic", findings=[REC_CC]),
        _report("force-own", forces=[WMP]),
        _report("another-force", forces=["Kent Police"], findings=[REC_CC]),
        _report("fire-service", services=["Avon Fire and Rescue Service"], findings=[REC_CC]),
        _report("business-plan"),  # national, makes no finding: nothing to respond to
        _report("withdrawn", forces=[WMP], status="withdrawn"),
    ]
    s55 = {o.slug: o for o in derive(reports, WMP, today=PUB) if o.kind == "s55_response"}
    assert set(s55) == {"national-thematic", "force-own"}
    assert all(o.due == (PUB + timedelta(days=S55_DAYS)).isoformat() for o in s55.values())


@pytest.mark.parametrize("title, force, met", [
    ("West Midlands PCC's response", WMP, True),
    ("West Midlands Police and Crime Commissioner – response to the report", WMP, True),
    ("Response from the Police and Crime Commissioner for West Midlands", WMP, True),
    ("Mayor's Office for Policing and Crime response", "Metropolitan Police Service", True),
    ("Gwent PCC's response", WMP, False),  # another force's body
    ("West Midlands PCC's annual report", WMP, False),  # not a response
])
def test_response_document_names_the_local_policing_body(title, force, met):
    assert names_local_policing_body(title, find_body(force)) is met


def test_status_due_met_overdue():
    response = {"title": "West Midlands PCC's response", "url": "https://assets/r.pdf"}
    reports = [_report("a", forces=[WMP], documents=[response]), _report("b", forces=[WMP])]
    due_day = PUB + timedelta(days=S55_DAYS)
    on_time = {o.slug: o.status for o in derive(reports, WMP, today=due_day)}
    late = {o.slug: o for o in derive(reports, WMP, today=due_day + timedelta(days=1))}
    assert on_time == {"a": "met", "b": "due"}
    assert late["b"].status == "overdue" and late["a"].status == "met"
    assert late["a"].met_by == "West Midlands PCC's response"


def test_recommendation_deadlines_only_for_the_force_and_met_by_a_closed_register_entry():
    report = _report("national", findings=[REC_CC, REC_NPCC])
    obs = [o for o in derive([report], WMP, today=date(2026, 4, 1)) if o.kind == "recommendation_deadline"]
    assert [(o.finding_number, o.due, o.status) for o in obs] == [(1, "2026-03-31", "overdue")]
    closed = {(publication_key(report["url"]), "recommendation", 1): ("closed", "register entry 4, closed 2026-03-01")}
    obs = [o for o in derive([report], WMP, today=date(2026, 4, 1), register=closed)
           if o.kind == "recommendation_deadline"]
    assert obs[0].status == "met" and obs[0].register_status == "closed"


def test_unknown_force_owes_nothing():
    assert derive([_report("a", forces=[WMP])], "Not A Force", today=PUB) == []


# --- against the mirror ------------------------------------------------------------------


@pytest.fixture
def scanned(tmp_path):
    mirror = start_mirror()
    store = Store(tmp_path / "watch.db")
    config = Config(site=mirror.url, db=store.path, delay=0.0, force=WMP)
    try:
        with make_fetcher(config, cache=store, retries=1, backoff=0.01) as fetcher:
            assert run_scan(store, fetcher, mirror.url).ok
        yield mirror, store, config
    finally:
        store.close()
        mirror.close()


def test_every_report_concerning_the_force_owes_an_s55_response_56_days_on(scanned):
    _, store, _ = scanned
    obs = current(store, WMP, today=date(2025, 12, 11))
    s55 = {o.slug: date.fromisoformat(o.due) for o in obs if o.kind == "s55_response"}
    concerning = [r for r in store.reports(force=WMP, include_withdrawn=False)
                  if WMP in r["forces"] or (r["recommendations"] or r["areas_for_improvement"]
                                           or r["causes_of_concern"])]
    assert concerning and set(s55) == {r["slug"] for r in concerning}
    for r in concerning:
        assert s55[r["slug"]] == date.fromisoformat(r["published"]) + timedelta(days=56), r["slug"]


def _with_response(mirror, slug):
    pubs = []
    for p in mirror.publications:
        if p.slug == slug:
            doc = {"title": "West Midlands PCC's response", "file": "wm-pcc-response.pdf",
                   "text": "The Police and Crime Commissioner for West Midlands responds to the "
                           "report and sets out what the force will do about each recommendation."}
            p = p.replace(extra_documents=[*p.extra_documents, doc],
                          lastmod=p.lastmod + timedelta(days=30))
        pubs.append(p)
    mirror.update(pubs)


DIVERTING = "effectiveness-of-diverting-children-from-the-criminal-justice-system"


def test_a_response_arriving_later_turns_s55_met_with_an_event_and_a_feed_item(scanned, tmp_path):
    mirror, store, config = scanned
    assert refresh(store, WMP, today=date(2025, 12, 1)) == []  # the first derivation is no news
    _with_response(mirror, DIVERTING)
    with make_fetcher(config, cache=store, retries=1, backoff=0.01) as fetcher:
        assert run_scan(store, fetcher, mirror.url).ok
    events = refresh(store, WMP, today=date(2025, 12, 1))
    assert [(e.kind, e.slug) for e in events] == [("response_published", DIVERTING)]
    row = [o for o in stored.rows(store, WMP, kinds=["s55_response"]) if o["slug"] == DIVERTING][0]
    assert row["status"] == "met" and row["met_by"] == "West Midlands PCC's response"
    assert refresh(store, WMP, today=date(2025, 12, 2)) == []  # recorded once
    changes = [c for c in store.changes() if c["kind"] == "response_published"]
    assert len(changes) == 1
    from watcher.publish.window import feed_for_store

    feed, count = feed_for_store(store, mirror.url, force=WMP, days=10**5)
    assert b"Section 55 response published" in feed and b"West Midlands PCC&#8217;s response" not in feed
    assert b"West Midlands PCC" in feed
    other, _ = feed_for_store(store, mirror.url, force="Kent Police", days=10**5)
    assert b"Section 55 response published" not in other  # another force's body, not Kent's


def test_digest_for_the_december_2025_committee_shows_each_reports_s55(scanned):
    _, store, _ = scanned
    from watcher.publish.digest import render
    from watcher.publish.window import digest_for_window

    data = digest_for_window(store, date(2025, 9, 18), date(2025, 12, 11), WMP, "JAC",
                             date(2025, 9, 18), next_meeting=date(2026, 3, 19))
    s55 = {i["report_slug"]: (i["due"], i["status"]) for i in data["owed"]["s55"]}
    assert s55 == {
        DIVERTING: ("2025-12-10", "overdue"),  # published 15 October: due the day before the JAC
        "effectiveness-of-police-and-law-enforcement-response-to-group-based-child-sexual-exploitation-progress":
            ("2025-12-19", "due"),
        "west-midlands-national-child-protection-inspection-november-2025": ("2026-01-15", "due"),
    }
    listed = json.loads(render(data, "json"))["obligations"]
    assert {"kind", "report_slug", "finding_number", "due", "status"} <= set(listed[0])
    assert any(o["kind"] == "action_plan" for o in listed)
    md = render(data, "md").decode()
    assert "Due before the next meeting (19 March 2026)" in md and "10 December 2025, **overdue**" in md
    html = render(data, "html").decode()
    assert "Section 55 responses" in html and "<script" not in html.lower()
    from docx import Document
    import io

    text = "\n".join(p.text for p in Document(io.BytesIO(render(data, "docx"))).paragraphs)
    assert "due 10 December 2025, overdue" in text and "Nothing is overdue." not in text


# --- the calendar ------------------------------------------------------------------------


def _calendar(store, today):
    meetings = [("Joint Audit Committee", date(2025, 12, 11)), ("Joint Audit Committee", date(2026, 3, 19))]
    return build_calendar([o.to_dict() for o in current(store, WMP, today=today)], force=WMP,
                          meetings=meetings, digest_days_before=10)


def test_calendar_parses_and_its_uids_are_stable(scanned):
    from icalendar import Calendar

    mirror, store, config = scanned
    first = Calendar.from_ical(_calendar(store, date(2025, 12, 1)))
    events = [c for c in first.walk("VEVENT")]
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))
    summaries = [str(e["SUMMARY"]) for e in events]
    assert summaries.count("Joint Audit Committee") == 2
    assert any(s.startswith("HMICFRS digest written") for s in summaries)
    assert any(s.startswith("Section 55 response due") for s in summaries)
    # a later day: a status changes, a response arrives; no UID changes, none is duplicated
    _with_response(mirror, DIVERTING)
    with make_fetcher(config, cache=store, retries=1, backoff=0.01) as fetcher:
        assert run_scan(store, fetcher, mirror.url).ok
    later = Calendar.from_ical(_calendar(store, date(2026, 1, 20)))
    assert sorted(str(e["UID"]) for e in later.walk("VEVENT")) == sorted(uids)
    assert _calendar(store, date(2026, 1, 20)) == _calendar(store, date(2026, 1, 20))


@pytest.mark.skipif(shutil.which("calcurse") is None, reason="calcurse (a real calendar client) is not installed")
def test_calendar_imports_into_calcurse(scanned, tmp_path):
    _, store, _ = scanned
    ics = tmp_path / "owes.ics"
    ics.write_bytes(_calendar(store, date(2025, 12, 11)))
    expected = ics.read_bytes().count(b"BEGIN:VEVENT")
    out = subprocess.run(["calcurse", "-D", str(tmp_path / "cc"), "-i", str(ics)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert f"{expected} events" in out.stdout and "0 skipped" in out.stdout, out.stdout
    listed = subprocess.run(["calcurse", "-D", str(tmp_path / "cc"), "--input-datefmt", "4", "-Q", "--from", "2026-01-15",
                             "--to", "2026-01-15"], capture_output=True, text=True, timeout=60)
    assert "Section 55 response due: West Midlands Police" in listed.stdout, listed.stdout


# --- the CLI -----------------------------------------------------------------------------


def test_cli_scan_stores_obligations_and_the_commands_read_them(scanned, tmp_path):
    mirror, store, _ = scanned
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[site]\nurl = "{mirror.url}"\ndelay = 0\n[force]\nname = "{WMP}"\n'
                   '[[committees]]\nname = "Joint Audit Committee"\nshort = "JAC"\n'
                   "meetings = [2025-09-18, 2025-12-11, 2026-03-19]\n")
    base = ["--db", str(store.path), "--config", str(cfg)]
    runner = CliRunner()
    result = runner.invoke(cli, [*base, "-q", "scan"])
    assert result.exit_code == 0, result.output
    assert stored.rows(store, WMP)  # the scan derived and stored them
    result = runner.invoke(cli, [*base, "obligations", "--status", "due", "--due-before", "2026-01-16",
                                 "--today", "2025-12-11", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and all(r["status"] == "due" and r["due"] < "2026-01-16" for r in rows)
    assert "west-midlands-national-child-protection-inspection-november-2025" in {r["slug"] for r in rows}
    out = tmp_path / "owes.ics"
    result = runner.invoke(cli, [*base, "calendar", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")
    result = runner.invoke(cli, ["--db", str(store.path), "--config", "/dev/null", "obligations"])
    assert result.exit_code == 2 and "which force?" in result.output


def test_scheduled_scan_rewrites_the_calendar_and_serve_publishes_it(tmp_path):
    from wsgiref.util import setup_testing_defaults

    from schedules.jobs import scan_job
    from watcher.serve import FeedApp

    mirror = start_mirror()
    try:
        config = Config(site=mirror.url, db=tmp_path / "w.db", delay=0.0, force=WMP,
                        output_dir=tmp_path / "out")
        result = scan_job(config)
        assert result.ok, result.errors
        ics = (tmp_path / "out" / "calendar.ics").read_bytes()
        assert ics.startswith(b"BEGIN:VCALENDAR") and b"Section 55 response due" in ics
        status = json.loads((tmp_path / "out" / "status.json").read_text())
        assert status["feeds"]["calendar"].endswith("calendar.ics")
    finally:
        mirror.close()
    environ = {"PATH_INFO": "/calendar.ics"}
    setup_testing_defaults(environ)
    seen = {}
    body = b"".join(FeedApp(tmp_path / "out")(environ, lambda s, h: seen.update(status=s, headers=dict(h))))
    assert seen["status"].startswith("200") and body == ics
    assert seen["headers"]["Content-Type"].startswith("text/calendar")


def test_register_entries_carry_their_findings_deadline_and_show_overdue(scanned, tmp_path):
    from store.register import list_entries, set_status, sync_register
    from watcher.obligations import with_deadlines

    _, store, _ = scanned
    sync_register(store, WMP)
    entries = with_deadlines(store, list_entries(store), today=date(2025, 12, 11))
    dated = [e for e in entries if e["deadline"]]
    assert dated and all(e["kind"] == "recommendation" for e in dated)
    late = [e for e in dated if e["deadline"] < "2025-12-11"]
    assert late and all(e["overdue"] for e in late)
    assert not any(e["overdue"] for e in dated if e["deadline"] >= "2025-12-11")
    set_status(store, late[0]["id"], "closed", at="2025-12-01", by="test", note=None)
    again = {e["id"]: e for e in with_deadlines(store, list_entries(store), today=date(2025, 12, 11))}
    assert again[late[0]["id"]]["overdue"] is False  # closed: no longer owed
