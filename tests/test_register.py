"""The force's register: sync from findings, the liaison spreadsheet, history, the
open-by-year table (checked against a count done by hand from the same spreadsheet)."""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import date

import pytest
from click.testing import CliRunner

from store.register import (
    RegisterError,
    entry_key,
    export_csv,
    history,
    import_csv,
    list_entries,
    normalise,
    open_by_year,
    set_status,
    sync_register,
)
from watcher.cli import cli
from core.models import Finding, Publication

SITE = "https://hmicfrs.example"
WMP = "West Midlands Police"
PREVIOUS = date(2025, 9, 18)  # the previous JAC
TODAY = date(2025, 12, 1)


def rec(text, *, cc=True, number=None, addressees=None):
    return Finding("recommendation", text, number=number, applies_to_chief_constables=cc,
                   addressees=addressees if addressees is not None else (["chief constables"] if cc else ["NPCC lead"]))


def afi(text, *, force=None, number=None, title=None):
    return Finding("area_for_improvement", text, number=number, force=force, title=title)


def coc(text, *, force=None):
    return Finding("cause_of_concern", text, force=force)


def pub(slug, title, published, findings, *, forces=()):
    return Publication(url=f"{SITE}/publications/{slug}/", slug=slug, title=title, published=published,
                       type="Inspection", forces=list(forces), findings=list(findings))


def corpus():
    """Our own small archive: what the force must track, and what it must not."""
    return [
        pub("custody-2022", "Custody thematic", "2022-03-01", [
            rec("Chief constables should review custody staffing levels.", number=1),
            rec("The NPCC lead should publish custody guidance.", cc=False, number=2),
        ]),
        pub("vetting-2023", "Vetting and misconduct", "2023-05-10", [
            rec("Chief constables should make sure vetting decisions are recorded.", number=1),
            rec("Forces should audit “legacy” vetting files by March.", number=2),
            rec("Chief constables should train vetting officers.", number=3),
        ]),
        pub("peel-wmp-2024", "PEEL 2023–25: West Midlands Police", "2024-06-01", [
            afi("The force should improve how it answers 101 calls.", force=WMP, number=1),
            afi("The force should improve its crime recording.", force=WMP, number=2),
            afi("The force should improve supervision of investigations.", number=3),
            coc("The force does not safeguard vulnerable people well enough.", force=WMP),
            rec("West Midlands Police should address the cause of concern.", cc=False,
                addressees=["West Midlands Police"]),
        ], forces=[WMP]),
        pub("peel-kent-2024", "PEEL 2023–25: Kent Police", "2024-07-01", [
            afi("The force should improve its call handling.", force="Kent Police"),
        ], forces=["Kent Police"]),
        pub("child-protection-2025", "West Midlands Police: child protection", "2025-03-01", [
            afi("The force should improve referrals to social care.", force=WMP),
            afi("The force should train staff on child exploitation.", force=WMP),
        ], forces=[WMP]),
        pub("diverting-children-2025", "Diverting children", "2025-10-15", [
            rec("Chief constables should record diversion outcomes.", number=1),
            rec("Youth offending teams should share data.", cc=False, number=2),
        ]),
    ]


EXPECTED_ENTRIES = 1 + 3 + 5 + 2 + 1  # Kent's AFI and non-CC recommendations are not the force's


@pytest.fixture
def archive(store):
    for p in corpus():
        store.save_publication(p, [])
    return store


def test_sync_takes_the_forces_findings_and_is_idempotent(archive):
    first = sync_register(archive, WMP)
    assert first.added == EXPECTED_ENTRIES
    entries = list_entries(archive)
    assert len(entries) == EXPECTED_ENTRIES
    assert not any("Kent" in (e["report_title"] or "") for e in entries)
    assert not any("NPCC" in e["finding_text"] for e in entries)
    assert {e["status"] for e in entries} == {"open"}
    # each entry opened on its report's publication date
    assert all(history(archive, e["id"])[0]["at"] == e["report_published"] for e in entries)
    rows_before = len(history(archive))

    again = sync_register(archive, WMP)
    assert (again.added, again.updated, again.removed, again.restored) == (0, 0, 0, 0)
    assert again.total == EXPECTED_ENTRIES
    assert [e["id"] for e in list_entries(archive)] == [e["id"] for e in entries]
    assert len(history(archive)) == rows_before


def test_rescan_rewriting_rows_neither_duplicates_nor_loses_entries(archive):
    sync_register(archive, WMP)
    ids = {e["key"]: e["id"] for e in list_entries(archive)}
    vetting = corpus()[1]
    # a re-scan: rows deleted and re-inserted, in another order, with other whitespace
    vetting.findings = [
        rec("Chief  constables should train\nvetting officers.", number=3),
        rec("Chief constables should make sure vetting decisions are recorded.", number=1),
        rec("Forces should audit “legacy” vetting files by March.", number=2),
    ]
    archive.save_publication(vetting, [])
    result = sync_register(archive, WMP)
    assert result.added == 0 and result.removed == 0
    assert {e["key"]: e["id"] for e in list_entries(archive)} == ids

    # a finding disappears: its entry is kept, flagged
    vetting.findings = vetting.findings[1:]
    archive.save_publication(vetting, [])
    result = sync_register(archive, WMP)
    assert result.removed == 1
    gone = [e for e in list_entries(archive) if e["finding_removed"]]
    assert [normalise(g["finding_text"]) for g in gone] == ["chief constables should train vetting officers"]
    assert len(list_entries(archive)) == EXPECTED_ENTRIES
    # ... and un-flagged when it comes back
    vetting.findings.append(rec("Chief constables should train vetting officers.", number=3))
    archive.save_publication(vetting, [])
    assert sync_register(archive, WMP).restored == 1
    assert not any(e["finding_removed"] for e in list_entries(archive))


def test_history_is_append_only(archive):
    sync_register(archive, WMP)
    entry = list_entries(archive)[0]
    set_status(archive, entry["id"], "closed", by="liaison", note="evidence accepted", at="2025-10-01")
    set_status(archive, entry["id"], "open", by="auditor", note="reopened", at="2025-11-01")
    rows = history(archive, entry["id"])
    assert [(r["status"], r["at"], r["by"]) for r in rows] == [
        ("open", entry["report_published"], "sync"),
        ("closed", "2025-10-01", "liaison"),
        ("open", "2025-11-01", "auditor"),
    ]
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        archive.conn.execute("UPDATE register_history SET status = 'closed' WHERE id = ?", (rows[2]["id"],))
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        archive.conn.execute("DELETE FROM register_history WHERE id = ?", (rows[0]["id"],))
    assert history(archive, entry["id"]) == rows
    # the status at a date comes from the history; a back-dated row counts from its date
    year = entry["report_year"]
    assert _year_row(open_by_year(archive, "2025-10-15"), year)["previous"] == \
        _year_row(open_by_year(archive, "2025-09-30"), year)["previous"] - 1
    with pytest.raises(RegisterError):
        set_status(archive, entry["id"], "parked", by="x", note=None)
    with pytest.raises(RegisterError):
        set_status(archive, 99999, "closed", by="x", note=None)


def _year_row(table, year):
    return next(r for r in table["rows"] if r["year"] == year)


def _edit_sheet(path, edits):
    """What the liaison officer does in Excel: change cells, add rows, save as CSV."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows = edits(rows)
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return rows


def by_hand(path, previous: date):
    """Count the spreadsheet as a person would: open at the previous paper if published by
    then and not closed by then; open now if its status says open."""
    counts = {}
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            year = int(row["report year"])
            published = date.fromisoformat(row["published"])
            closed = row["closed date"] and date.fromisoformat(row["closed date"])
            is_closed = row["status"].strip().lower() in ("closed", "complete")
            prev = published <= previous and not (is_closed and closed and closed <= previous)
            now = not is_closed
            c = counts.setdefault(year, [0, 0])
            c[0] += prev
            c[1] += now
    rows = [{"year": y, "previous": p, "now": n} for y, (p, n) in sorted(counts.items()) if (p, n) != (0, 0)]
    return rows, {"previous": sum(r["previous"] for r in rows), "now": sum(r["now"] for r in rows)}


def test_spreadsheet_round_trip_and_the_table_matches_a_count_by_hand(archive, tmp_path):
    sync_register(archive, WMP)
    sheet = tmp_path / "liaison.csv"
    sheet.write_text(export_csv(archive), encoding="utf-8-sig", newline="")

    def edits(rows):
        for r in rows:
            text = r["finding"]
            if "custody staffing" in text:  # closed long before the last JAC
                r.update(status="Closed", **{"closed date": "2023-01-20"}, owner="Supt Custody")
            elif "recorded" in text:  # closed after the last JAC
                r.update(status="complete", **{"closed date": "2025-10-02"})
            elif "101 calls" in text:  # closed before the last JAC; matched without its id,
                r.update(status="closed", **{"closed date": "2025-08-30"})  # by report + text
                r["id"] = ""
                r["finding"] = "  The force should improve how it answers ‘101’ calls  "
            elif "crime recording" in text:  # closed on the day of the last JAC
                r.update(status="Closed", **{"closed date": "2025-09-18"})
                r["id"], r["report"] = "", r["report url"]
                r["report url"] = ""
            elif "referrals" in text:
                r.update(status="Closed", **{"closed date": "2025-11-20"}, notes="Evidence pack 14")
            elif "diversion" in text:
                r.update(owner="Ch Insp Youth")
        rows.append({**{k: "" for k in rows[0]}, "report": "Joint inspection of MAPPA",
                     "report year": "2024", "published": "2024-02-12",
                     "finding": "Police forces should review MAPPA level 2 attendance.",
                     "status": "Open", "owner": "DCI Public Protection"})
        rows.append({**{k: "" for k in rows[0]}, "report": "Joint inspection of MAPPA",
                     "report year": "2024", "published": "2024-02-12",
                     "finding": "Police forces should brief staff on MAPPA.",
                     "status": "Closed", "closed date": "2025-10-30"})
        return rows

    _edit_sheet(sheet, edits)
    result = import_csv(archive, sheet, by="liaison")
    assert result.rows == EXPECTED_ENTRIES + 2
    assert result.matched == EXPECTED_ENTRIES
    assert result.status_changes == 5
    assert [(u["row"], u["report"]) for u in result.unmatched] == [
        (EXPECTED_ENTRIES + 2, "Joint inspection of MAPPA"),
        (EXPECTED_ENTRIES + 3, "Joint inspection of MAPPA"),
    ]
    assert result.problems == []
    kept = [e for e in list_entries(archive) if e["imported_unmatched"]]
    assert [(e["finding_text"], e["status"], e["owner"]) for e in kept] == [
        ("Police forces should review MAPPA level 2 attendance.", "open", "DCI Public Protection"),
        ("Police forces should brief staff on MAPPA.", "closed", None),
    ]
    closed = {e["finding_text"]: e["closed_date"] for e in list_entries(archive, status="closed")}
    assert closed["The force should improve how it answers 101 calls."] == "2025-08-30"
    assert closed["The force should improve its crime recording."] == "2025-09-18"
    owners = {e["finding_text"]: e["owner"] for e in list_entries(archive)}
    assert owners["Chief constables should record diversion outcomes."] == "Ch Insp Youth"

    expected_rows, expected_totals = by_hand(sheet, PREVIOUS)
    table = open_by_year(archive, PREVIOUS)
    assert table["rows"] == expected_rows
    assert table["totals"] == expected_totals
    assert table["totals"] == {"previous": 10, "now": 8}  # and the hand count is what we think

    # importing the same sheet again changes nothing and adds nothing
    entries, rows = list_entries(archive), len(history(archive))
    again = import_csv(archive, sheet, by="liaison")
    assert again.status_changes == 0 and len(again.unmatched) == 2
    assert {u["entry_id"] for u in again.unmatched} == {e["id"] for e in kept}
    assert list_entries(archive) == entries and len(history(archive)) == rows
    # a later sync keeps the status, owner and notes the sheet set
    sync_register(archive, WMP)
    assert list_entries(archive) == entries


def test_unmatched_rows_are_reported_and_kept_never_dropped(archive, tmp_path):
    sync_register(archive, WMP)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "Report,Report year,Finding,Status,Owner,Notes,Closed date\n"
        "Vetting and misconduct,2023,\"Chief constables should train vetting officers\",Closed,,,01/10/2025\n"
        "Something we never scanned,2021,A finding from a paper report,open,PS Smith,,\n"
        "Vetting and misconduct,2023,Chief constables should sing,Closed,,,\n"
        ",,,,,,\n"
        "Custody thematic,2022,Chief constables should review custody staffing levels.,parked,,,\n",
        encoding="utf-8",
    )
    result = import_csv(archive, sheet)
    assert result.matched == 2
    assert [u["row"] for u in result.unmatched] == [3, 4]
    assert all(u["entry_id"] for u in result.unmatched)
    assert [p["row"] for p in result.problems] == [6]  # unknown status 'parked': left open
    manual = {e["finding_text"]: e for e in list_entries(archive) if e["imported_unmatched"]}
    assert manual["A finding from a paper report"]["report_year"] == 2021
    assert manual["A finding from a paper report"]["owner"] == "PS Smith"
    assert manual["Chief constables should sing"]["status"] == "closed"
    closed = {e["finding_text"]: e["closed_date"] for e in list_entries(archive, status="closed")}
    assert closed["Chief constables should train vetting officers."] == "2025-10-01"  # UK date


def test_a_scanned_finding_adopts_the_matching_imported_entry(archive, tmp_path):
    sync_register(archive, WMP)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "report,report url,report year,published,finding,status,closed date\n"
        f"Police response to stalking,{SITE}/publications/stalking-2025/,2025,2025-02-02,"
        "Chief constables should appoint a stalking lead.,closed,2025-06-01\n",
        encoding="utf-8",
    )
    [unmatched] = import_csv(archive, sheet).unmatched
    archive.save_publication(pub("stalking-2025", "Police response to stalking", "2025-02-02", [
        rec("Chief constables should appoint a stalking lead."),
    ]), [])
    result = sync_register(archive, WMP)
    assert result.adopted == 1 and result.added == 0
    entry = next(e for e in list_entries(archive) if e["id"] == unmatched["entry_id"])
    assert (entry["imported_unmatched"], entry["status"], entry["closed_date"]) == (False, "closed", "2025-06-01")
    assert entry["key"] == entry_key(f"{SITE}/publications/stalking-2025/", "recommendation",
                                     "Chief constables should appoint a stalking lead.")


def test_normalise_is_tolerant_of_whitespace_quotes_and_labels():
    a = normalise("Recommendation 2: Forces should audit “legacy”  vetting files by March.")
    assert a == normalise("forces should audit 'legacy' vetting files by March") == \
        "forces should audit legacy vetting files by march"
    assert normalise("2. By 31 March 2024, forces should act.") == normalise("By 31 March 2024, forces should act")


def test_export_guards_formulas(archive, tmp_path):
    sync_register(archive, WMP)
    entry = list_entries(archive)[0]
    archive.conn.execute("UPDATE register_entries SET notes = '=HYPERLINK(\"x\")' WHERE id = ?", (entry["id"],))
    text = export_csv(archive)
    (tmp_path / "out.csv").write_text(text, encoding="utf-8-sig", newline="")
    assert "'=HYPERLINK" in text
    import_csv(archive, tmp_path / "out.csv")
    assert list_entries(archive)[0]["notes"] == '=HYPERLINK("x")'


# --- CLI -------------------------------------------------------------------------------------


@pytest.fixture
def cfg(archive, tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        f'db = "{archive.path}"\n[force]\nname = "{WMP}"\n'
        '[[committees]]\nname = "Joint Audit Committee"\nshort = "JAC"\n'
        "meetings = [2025-06-12, 2025-09-18, 2026-03-19]\n",
        encoding="utf-8",
    )
    return path


def run(cfg, *args):
    result = CliRunner().invoke(cli, ["--config", str(cfg), *args], catch_exceptions=False)
    return result


def test_cli_register_commands(cfg, tmp_path):
    r = run(cfg, "register", "sync")
    assert r.exit_code == 0, r.output
    assert f"{EXPECTED_ENTRIES} entries" in r.output
    r = run(cfg, "register", "list", "--format", "json", "--year", "2024")
    rows = json.loads(r.output)
    assert len(rows) == 5 and {x["report_year"] for x in rows} == {2024}
    first = rows[0]["id"]
    r = run(cfg, "register", "set", str(first), "--status", "closed", "--note", "JAC agreed", "--by", "DS Jones",
            "--at", "2025-09-01")
    assert r.exit_code == 0, r.output
    r = run(cfg, "register", "history", str(first), "--format", "json")
    assert [(h["status"], h["by"], h["note"]) for h in json.loads(r.output)][-1] == ("closed", "DS Jones", "JAC agreed")
    r = run(cfg, "register", "list", "--status", "open", "--format", "csv")
    assert r.output.count("\n") == EXPECTED_ENTRIES  # header + all but one
    out = tmp_path / "reg.csv"
    assert run(cfg, "register", "export", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8-sig").startswith("id,report,")
    r = run(cfg, "register", "import", str(out))
    assert r.exit_code == 0 and "0 unmatched" in r.output
    r = run(cfg, "register", "set", "99999", "--status", "closed")
    assert r.exit_code == 2
    r = run(cfg, "register", "table", "--at", "2025-09-18", "--format", "json")
    table = json.loads(r.output)
    assert table["previous_date"] == "2025-09-18"
    assert table["totals"] == {"previous": EXPECTED_ENTRIES - 1 - 1, "now": EXPECTED_ENTRIES - 1}


def test_digest_shows_the_register_table(cfg, tmp_path):
    # before the register is started, the digest has no table
    r = run(cfg, "digest", "--since-last-committee", "--until", "2025-12-11", "--format", "json")
    assert "register" not in json.loads(r.output)
    run(cfg, "register", "sync")
    r = run(cfg, "digest", "--since-last-committee", "--until", "2025-12-11", "--format", "json")
    data = json.loads(r.output)
    reg = data["register"]
    assert reg["previous_date"] == "2025-09-18"
    assert reg["rows"] == [{"year": "2022", "previous": 1, "now": 1}, {"year": "2023", "previous": 3, "now": 3},
                           {"year": "2024", "previous": 5, "now": 5}, {"year": "2025", "previous": 2, "now": 3}]
    assert reg["totals"] == {"previous": 11, "now": 12}
    md = run(cfg, "digest", "--since-last-committee", "--until", "2025-12-11").output
    assert "3.2 **Open recommendations and areas for improvement by report year**" in md
    assert "| **Total** | **11** | **12** |" in md
    assert md.index("by report year") < md.index("### Changes to reports already reported")
    html = run(cfg, "digest", "--since-last-committee", "--until", "2025-12-11", "--format", "html").output
    assert html.index('<table class="register">') < html.index("<h3>Changes to reports already reported")
    out = tmp_path / "paper.docx"
    assert run(cfg, "digest", "--since-last-committee", "--until", "2025-12-11", "--format", "docx",
               "-o", str(out)).exit_code == 0
    from docx import Document

    tables = Document(str(out)).tables
    assert [c.text for c in tables[-1].rows[-1].cells] == ["Total", "11", "12"]


# --- Excel, conflicts, field history, set, bad files, cost ------------------------------------


def _write_xlsx(path, rows, *, sheet="Register", first_sheet=None):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    if first_sheet:
        ws.title = first_sheet
        ws.append(["nothing", "here"])
        ws = wb.create_sheet(sheet)
    else:
        ws.title = sheet
    headers = list(rows[0])
    ws.append(headers)
    for r in rows:
        ws.append([r[h] for h in headers])
    wb.save(path)


def _entry(store, needle):
    return next(e for e in list_entries(store) if needle in e["finding_text"])


def test_xlsx_import_export_keep_the_csv_rules(archive, tmp_path):
    from store.register import export_xlsx

    sync_register(archive, WMP)
    target = _entry(archive, "custody staffing")
    # a workbook as a liaison officer writes it: no ids, their own header names, a real date cell
    rows = [{"Report title": "Custody thematic", "Recommendation": "Chief constables should review custody staffing levels",
             "Status": "Complete", "Date closed": date(2025, 10, 3), "Action owner": "Supt Custody"}]
    book = tmp_path / "liaison.xlsx"
    _write_xlsx(book, rows, sheet="Tracker", first_sheet="Cover")
    with pytest.raises(RegisterError, match="no 'finding'"):
        import_csv(archive, book)  # the first sheet is the cover sheet
    result = import_csv(archive, book, sheet="Tracker")
    assert (result.matched, result.status_changes, result.updated) == (1, 1, 1)
    got = _entry(archive, "custody staffing")
    assert (got["status"], got["closed_date"], got["owner"]) == ("closed", "2025-10-03", "Supt Custody")
    with pytest.raises(RegisterError, match="no sheet 'Nope'; sheets: Cover, Tracker"):
        import_csv(archive, book, sheet="Nope")
    # export .xlsx, import it back: nothing changes
    out = tmp_path / "register.xlsx"
    assert export_xlsx(archive, out) == EXPECTED_ENTRIES
    before = (list_entries(archive), history(archive))
    again = import_csv(archive, out)
    assert again.matched == EXPECTED_ENTRIES and again.status_changes == again.updated == 0
    assert (list_entries(archive), history(archive)) == before
    assert target["id"] == got["id"]


def test_two_rows_matching_one_entry_are_a_conflict_applied_to_neither(archive, tmp_path):
    sync_register(archive, WMP)
    e = _entry(archive, "crime recording")
    sheet = tmp_path / "dup.csv"
    with sheet.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "report", "finding", "status", "owner"])
        w.writerow([e["id"], "", "", "Closed", "DI Owner"])
        w.writerow(["", e["report_title"], e["finding_text"], "Open", ""])  # the same entry, by text
        w.writerow(["", "Paper report", "A new finding twice", "Open", "A"])
        w.writerow(["", "Paper report", "A new finding twice", "Closed", "B"])
    result = import_csv(archive, sheet)
    assert [c["rows"] for c in result.conflicts] == [[2, 3], [4, 5]]
    assert result.conflicts[0]["entry_id"] == e["id"]
    assert result.status_changes == result.updated == 0 and result.unmatched == []
    after = _entry(archive, "crime recording")
    assert (after["status"], after["owner"]) == ("open", None)
    assert not [x for x in list_entries(archive) if x["finding_text"] == "A new finding twice"]
    assert "2 conflicts (not applied)" in result.summary()


def test_owner_and_notes_changes_are_history_rows(archive, tmp_path):
    from store.register import set_fields

    sync_register(archive, WMP)
    e = _entry(archive, "diversion outcomes")
    set_fields(archive, e["id"], owner="Ch Insp Youth", by="DS Jones")
    sheet = tmp_path / "owner.csv"
    sheet.write_text(f"id,owner,notes\n{e['id']},Supt Youth,Evidence pack 3\n", encoding="utf-8")
    import_csv(archive, sheet)
    changes = [(h["field"], h["old"], h["new"], h["by"]) for h in history(archive, e["id"]) if h["field"] != "status"]
    assert changes == [("owner", None, "Ch Insp Youth", "DS Jones"), ("owner", "Ch Insp Youth", "Supt Youth", "import"),
                       ("notes", None, "Evidence pack 3", "import")]
    # field rows do not change the status, even with a closure back-dated before them
    set_status(archive, e["id"], "closed", by="x", note=None, at="2025-10-20")
    assert _entry(archive, "diversion outcomes")["status"] == "closed"
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        archive.conn.execute("DELETE FROM register_field_history")


def test_set_takes_what_import_takes_and_refuses_dates_before_publication(archive):
    sync_register(archive, WMP)
    e = _entry(archive, "diversion outcomes")  # published 2025-10-15
    row = set_status(archive, e["id"], "Closed", by="x", note=None, at="11/12/2025")
    assert (row["status"], row["at"]) == ("closed", "2025-12-11")
    with pytest.raises(RegisterError, match="before the report was published"):
        set_status(archive, e["id"], "open", by="x", note=None, at="01/10/2025")
    with pytest.raises(RegisterError, match="unknown status"):
        set_status(archive, e["id"], "maybe", by="x", note=None)


def test_cli_set_and_bad_import_files_give_a_sentence(cfg, tmp_path):
    assert run(cfg, "register", "sync").exit_code == 0
    rows = json.loads(run(cfg, "register", "list", "--format", "json", "--year", "2025").output)
    entry = next(r for r in rows if "diversion" in r["finding_text"])
    r = run(cfg, "register", "set", str(entry["id"]), "--status", "Closed", "--at", "11/12/2025")
    assert r.exit_code == 0 and "closed since 2025-12-11" in r.output
    r = run(cfg, "register", "set", str(entry["id"]), "--status", "open", "--at", "14/10/2025")
    assert r.exit_code == 2 and "before the report was published (15/10/2025)" in r.output
    r = run(cfg, "register", "set", str(entry["id"]), "--at", "31/02/2025", "--status", "open")
    assert r.exit_code == 2 and "is not a date" in r.output
    r = run(cfg, "register", "set", str(entry["id"]), "--owner", "DCI A")
    hist = json.loads(run(cfg, "register", "history", str(entry["id"]), "--format", "json").output)
    assert hist[-1]["field"] == "owner" and hist[-1]["new"] == "DCI A"
    # UTF-16 ("Unicode text") is read; binary data and an old .xls are refused in a sentence
    u16 = tmp_path / "unicode.csv"
    u16.write_text("report\tfinding\tstatus\nDiverting children\tChief constables should record "
                   "diversion outcomes.\tOpen\n", encoding="utf-16")
    r = run(cfg, "register", "import", str(u16))
    assert r.exit_code == 0 and "1 matched" in r.output and "1 status changes" in r.output
    binary = tmp_path / "junk.csv"
    binary.write_bytes(bytes(range(256)) * 8)
    r = run(cfg, "register", "import", str(binary))
    assert r.exit_code == 2 and "not a CSV or Excel (.xlsx) file" in r.output and "Traceback" not in r.output
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    r = run(cfg, "register", "import", str(fake))
    assert r.exit_code == 2 and "not a readable Excel workbook" in r.output
    word = tmp_path / "paper.docx"  # a zip, but not a workbook
    run(cfg, "digest", "--since", "2025-09-18", "--until", "2025-12-11", "-o", str(word))
    r = run(cfg, "register", "import", str(word))
    assert r.exit_code == 2 and "not a readable Excel workbook" in r.output and "Traceback" not in r.output
    weird = tmp_path / "weird.csv"
    weird.write_text("id,finding,status\n²,Chief constables should record diversion outcomes.,Open\n", encoding="utf-8")
    r = run(cfg, "register", "import", str(weird))
    assert r.exit_code == 0 and "no register entry with id '²'" in r.output
    r = run(cfg, "register", "import", str(u16), "--sheet", "x")
    assert r.exit_code == 2 and "--sheet goes with an Excel workbook" in r.output
    out = tmp_path / "reg.xlsx"
    assert run(cfg, "register", "export", str(out)).exit_code == 0
    assert out.read_bytes()[:4] == b"PK\x03\x04"


def test_import_cost_grows_linearly_with_the_rows(archive, tmp_path):
    """~3,000 rows: some match scanned findings by report and (fuzzily) text, the rest are
    new manual entries, all under one report title. Each row examines a bounded number of
    candidates (the scanned reports' titles, one report's findings, exact hits), never the
    rows imported before it, which would be ~4.5 million for this sheet. Importing the same
    sheet again matches every manual entry exactly, at the same cost per row."""
    import store.register as register

    sync_register(archive, WMP)
    scanned = list_entries(archive)
    n = 3000
    sheet = tmp_path / "big.csv"
    with sheet.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["report", "finding", "status", "owner"])
        for i in range(n):
            if i < len(scanned):
                e = scanned[i]
                w.writerow([e["report_title"] + ".", e["finding_text"].rstrip(".") + " now", "Open", f"owner {i}"])
            else:
                w.writerow(["Local review", f"Manual action number {i} for the force", "Open", ""])
    titles = {e["report_title"] for e in scanned}
    per_row = len(titles) + 2 * max(sum(1 for e in scanned if e["report_title"] == t) for t in titles) + 2
    for attempt in (1, 2):
        register.COMPARISONS = 0
        result = import_csv(archive, sheet)
        assert result.rows == n and len(result.unmatched) == n - len(scanned)
        assert result.matched == len(scanned)
        assert register.COMPARISONS <= n * per_row, attempt
        assert register.COMPARISONS < n * 15, attempt  # a few per row, not one per earlier row
    assert len(list_entries(archive)) == n  # the second import added nothing
