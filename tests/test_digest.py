"""The committee digest: the December 2025 paper's section 3, grammar, windows, formats,
hostile text. Reports and events are built here with our own prose."""

from __future__ import annotations

import io
import json
import re
from datetime import date, datetime, timezone

import pytest
from lxml import etree, html as lxml_html

from watcher.publish.digest import build_digest, entry_facts, lead_sentence, recommendation_sentence, render

SITE = "https://hmicfrs.justiceinspectorates.gov.uk"
WMP = "West Midlands Police"
HOSTILE = (
    'Tom & Jerry\'s "review" <script>alert(1)</script> &lt;script&gt;x&lt;/script&gt; '
    "\x00\x07\x1b[31m\x85\u202eevil\u202c \u200fRTL\u200f \ud800 *bold* _u_ [x](javascript:alert(1)) "
    "| pipe # hash\n# Heading\n1. list"
)


def finding(kind, text, *, title=None, force=None, cc=False, number=None):
    return {
        "kind": kind,
        "text": text,
        "number": number,
        "title": title,
        "deadline": None,
        "addressees": ["chief constables"] if cc else [],
        "applies_to_chief_constables": cc,
        "force": force,
        "source": "html",
    }


def report(slug, title, published, *, forces=(), all_forces=False, joint_with=(), recs=0, cc=0,
           afis=0, causes=0, findings=None, summary="", type_="Thematic inspection",
           status="active", warnings=(), documents=None):
    url = f"{SITE}/publications/{slug}/"
    return {
        "url": url,
        "slug": slug,
        "title": title,
        "published": published,
        "type": type_,
        "forces": list(forces),
        "all_forces": all_forces,
        "joint_with": list(joint_with),
        "summary": summary,
        "recommendations": recs,
        "recommendations_to_chief_constables": cc,
        "areas_for_improvement": afis,
        "causes_of_concern": causes,
        "documents": documents if documents is not None else [
            {"url": f"https://assets-hmicfrs.justiceinspectorates.gov.uk/uploads/{slug}.pdf",
             "title": f"{title} (PDF)", "kind": "pdf", "size": "1.1 MB"}
        ],
        "status": status,
        "first_seen": f"{published}T06:00:00+00:00" if published else "2025-11-01T06:00:00+00:00",
        "last_changed": f"{published}T06:00:00+00:00" if published else None,
        "warnings": list(warnings),
        "findings": findings or [],
    }


def diverting():
    recs = [finding("recommendation", f"By 31 March 2026, the Youth Justice Board should review point {i}.",
                    number=i) for i in range(1, 18)]
    recs.append(finding("recommendation", "By 30 June 2026, chief constables should record every "
                        "diversion decision they make for a child.", number=18, cc=True))
    return report(
        "effectiveness-of-diverting-children-from-the-criminal-justice-system",
        "An inspection of the effectiveness of diverting children from the criminal justice system",
        "2025-10-15",
        forces=[WMP, "Durham Constabulary", "Essex Police", "Kent Police", "Cumbria Constabulary",
                "Avon and Somerset Constabulary"],
        joint_with=["HM Inspectorate of Probation"],
        recs=18, cc=1, findings=recs,
        summary="This joint inspection looked at how well children are diverted away from "
                "formal justice. It visited six areas.",
    )


def cse_progress():
    recs = [finding("recommendation", f"By 1 May 2026, chief constables should act on item {i}.",
                    number=i, cc=True) for i in range(1, 5)]
    recs += [finding("recommendation", f"By 1 May 2026, the Home Office should fund item {i}.",
                     number=i) for i in range(5, 7)]
    return report(
        "effectiveness-of-police-and-law-enforcement-response-to-group-based-child-sexual-exploitation-progress",
        "Group-based child sexual exploitation: a progress report",
        "2025-10-24",
        all_forces=True, recs=6, cc=4, findings=recs, type_="Progress report",
        summary="We revisited our 2023 inspection of the police response to group-based "
                "child sexual exploitation.",
    )


def wmp_child_protection():
    afis = [finding("area_for_improvement",
                    f"The force should improve the quality of strand {i} of its child protection work.",
                    title=f"Child protection strand {i}", force=WMP, number=i) for i in range(1, 8)]
    return report(
        "west-midlands-national-child-protection-inspection-november-2025",
        "West Midlands Police: national child protection inspection",
        "2025-11-20",
        forces=[WMP], afis=7, findings=afis, type_="Child protection inspection",
        summary="Our inspection of how West Midlands Police protects children.",
    )


def other_force_report():
    return report("north-yorkshire-peel-2025", "PEEL 2025: North Yorkshire Police", "2025-11-02",
                  forces=["North Yorkshire Police"], afis=5, type_="PEEL assessment")


def old_report():
    return report("old-vetting-report", "An inspection of vetting and misconduct", "2024-03-01",
                  all_forces=True, recs=12, cc=10)


def event(id_, at, kind, rep, details):
    return {"id": id_, "at": at, "kind": kind, "url": rep["url"], "slug": rep["slug"],
            "title": rep["title"], "details": details}


PAPER_REPORTS = [diverting(), cse_progress(), wmp_child_protection()]


def paper_digest(*, reports=None, events=(), **kw):
    args = dict(since=date(2025, 9, 19), until=date(2025, 12, 11), force=WMP, committee="JAC",
                last_meeting=date(2025, 9, 18),
                generated_at=datetime(2025, 12, 11, 9, 0, tzinfo=timezone.utc))
    args.update(kw)
    if reports is None:
        reports = PAPER_REPORTS + [other_force_report(), old_report()]
    return build_digest(reports, list(events), **args)


# ------------------------------------------------------------- the paper's figures


def test_reproduces_december_2025_paper_section_3():
    d = paper_digest()
    assert d["lead"] == ("Since the last JAC on 18 September 2025 there have been 3 reports "
                         "published resulting in recommendations for the force.")
    titles = [r["title"] for r in d["reports"]]
    assert titles == [diverting()["title"], cse_progress()["title"], wmp_child_protection()["title"]]
    div, cse, wmp = d["reports"]
    assert div["recommendation_sentence"] == (
        "18 recommendations were made in total, of which 1 is applicable to chief constables.")
    assert div["joint_sentence"] == "This was a joint inspection with HM Inspectorate of Probation."
    assert div["force_sentence"] == ("West Midlands Police was one of six forces inspected (Avon and "
                                     "Somerset, Cumbria, Durham, Essex, Kent, West Midlands).")
    assert div["group"] == "force" and div["published_short"] == "15/10/2025"
    assert cse["recommendation_sentence"] == (
        "6 recommendations were made in total, of which 4 are applicable to chief constables.")
    assert cse["group"] == "national" and cse["force_named"] is False
    assert wmp["recommendation_sentence"] == "No recommendations were made."
    assert wmp["afis"] == [f"Child protection strand {i}" for i in range(1, 8)]
    assert [r["table"] for r in d["reports"]] == [
        {"recommendations": "18", "to_chief_constables": "1", "afis": "–"},
        {"recommendations": "6", "to_chief_constables": "4", "afis": "–"},
        {"recommendations": "0", "to_chief_constables": "–", "afis": "7"},
    ]
    assert d["totals"]["reports"] == 3
    assert d["totals"]["recommendations"] == 24
    assert d["totals"]["recommendations_to_chief_constables"] == 5
    assert d["totals"]["areas_for_improvement"] == 7
    # the other force's report is listed, not counted; the 2024 report is outside the window
    assert [r["title"] for r in d["other_reports"]] == ["PEEL 2025: North Yorkshire Police"]
    assert all(r["title"] != old_report()["title"] for r in d["reports"])


def test_paper_figures_in_every_format():
    d = paper_digest()
    md = render(d, "md").decode()
    assert "## 3\\. Recommendations" in md or "## 3. Recommendations" in md
    assert "there have been 3 reports published" in md
    assert "| 18 | 1 | – |" in md and "| 6 | 4 | – |" in md and "| 0 | – | 7 |" in md
    assert "1. Child protection strand 1" in md
    page = lxml_html.fromstring(render(d, "html"))
    rows = [[c.text_content().strip() for c in tr.findall("td")] for tr in page.iter("tr")][1:]
    assert rows[0][2:] == ["18", "1", "–"] and rows[2][2:] == ["0", "–", "7"]
    assert rows[-1][0] == "Total" and rows[-1][2:] == ["24", "5", "7"]
    text = docx_text(render(d, "docx"))
    assert "18 recommendations were made in total, of which 1 is applicable to chief constables." in text
    assert "Child protection strand 7" in text
    assert json.loads(render(d, "json"))["totals"]["reports"] == 3


def test_json_round_trip_renders_the_same():
    d = paper_digest()
    again = json.loads(render(d, "json"))
    assert render(again, "md") == render(d, "md")
    assert render(again, "html") == render(d, "html")


# ----------------------------------------------------------------------- grammar


@pytest.mark.parametrize("n, phrase", [(0, "there have been no reports"), (1, "there has been 1 report"),
                                       (2, "there have been 2 reports")])
def test_lead_since_last_meeting(n, phrase):
    s = lead_sentence(n, since=date(2025, 9, 19), until=date(2025, 12, 11), force=WMP,
                      committee="JAC", last_meeting=date(2025, 9, 18))
    assert s == f"Since the last JAC on 18 September 2025 {phrase} published resulting in recommendations for the force."


@pytest.mark.parametrize("n, phrase", [(0, "there were no reports"), (1, "there was 1 report"),
                                       (5, "there were 5 reports")])
def test_lead_between_dates(n, phrase):
    s = lead_sentence(n, since=date(2025, 9, 1), until=date(2025, 12, 11), force=WMP)
    assert s == f"Between 1 September and 11 December 2025 {phrase} published resulting in recommendations for the force."


def test_lead_between_years_and_no_force():
    s = lead_sentence(1, since=date(2024, 12, 1), until=date(2025, 1, 31), force=None)
    assert s.startswith("Between 1 December 2024 and 31 January 2025 there was 1 report")
    assert s.endswith("for forces.")


def test_lead_counts_from_build_digest_for_0_and_1():
    none = paper_digest(since=date(2025, 12, 1), committee=None, last_meeting=None)
    assert none["lead"].startswith("Between 1 and 11 December 2025 there were no reports")
    one = paper_digest(since=date(2025, 11, 1), until=date(2025, 11, 30))
    assert "there has been 1 report published" in one["lead"]


@pytest.mark.parametrize("total, cc, expected", [
    (0, 0, "No recommendations were made."),
    (1, 1, "1 recommendation was made in total, which is applicable to chief constables."),
    (1, 0, "1 recommendation was made in total, none of which are applicable to chief constables."),
    (18, 1, "18 recommendations were made in total, of which 1 is applicable to chief constables."),
    (6, 4, "6 recommendations were made in total, of which 4 are applicable to chief constables."),
    (3, None, "3 recommendations were made in total."),
])
def test_recommendation_sentence(total, cc, expected):
    assert recommendation_sentence(total, cc) == expected


# --------------------------------------------------------------- windows, changes


def test_window_boundaries_inclusive():
    first = report("first-day", "Published on the first day", "2025-09-19", all_forces=True, recs=1, cc=1)
    last = report("last-day", "Published on the last day", "2025-12-11", all_forces=True, recs=2, cc=1)
    before = report("day-before", "Published the day before", "2025-09-18", all_forces=True, recs=3)
    after = report("day-after", "Published the day after", "2025-12-12", all_forces=True, recs=4)
    d = paper_digest(reports=[first, last, before, after])
    assert [r["title"] for r in d["reports"]] == ["Published on the first day", "Published on the last day"]
    events = [
        event(1, "2025-09-19T00:00:00Z", "withdrawn", before, {"status": 410}),
        event(2, "2025-12-11T23:59:59Z", "reinstated", before, {}),
        event(3, "2025-09-18T23:59:59Z", "document_added", before, {"documents": []}),
        event(4, "2025-12-12T00:00:00Z", "document_removed", before, {"documents": []}),
    ]
    d = paper_digest(reports=[first, last, before, after], events=events)
    assert [c["id"] for c in d["changes"]] == [1, 2]


def test_changes_only_on_reports_published_before_the_window():
    old = old_report()
    other = other_force_report()
    div = diverting()
    events = [
        event(10, "2025-10-01T07:00:00Z", "findings_changed", old, {
            "old": {"recommendations": 11, "recommendations_to_chief_constables": 9},
            "new": {"recommendations": 12, "recommendations_to_chief_constables": 10},
            "added": [{"kind": "recommendation",
                       "text": "By 1 June 2024, chief constables should check vetting files again."}],
            "removed": []}),
        event(11, "2025-10-16T07:00:00Z", "new", div, {"type": "Thematic inspection",
                                                        "published": "2025-10-15", "forces": div["forces"],
                                                        "counts": {"recommendations": 18}}),
        event(12, "2025-10-20T07:00:00Z", "document_added", div, {"documents": [
            {"url": f"{SITE}/doc.pdf", "title": "Easy read version"}]}),
        event(13, "2025-11-05T07:00:00Z", "metadata_changed", old, {
            "changes": {"title": {"old": "Vetting inspection", "new": old["title"]}}}),
        event(14, "2025-11-06T07:00:00Z", "withdrawn", other | {"published": "2024-01-01"}, {"status": 404}),
    ]
    reports = PAPER_REPORTS + [old, other | {"published": "2024-01-01"}]
    d = paper_digest(reports=reports, events=events)
    assert [c["id"] for c in d["changes"]] == [10, 13]  # 11/12: in-window report; 14: other force
    c10 = d["changes"][0]
    assert c10["headline"] == f"Updated: {old['title']} (1 recommendation added)"
    assert [i["text"] for i in c10["details"]] == [
        "Recommendations: 11 → 12", "Applicable to chief constables: 9 → 10",
        "Added recommendation: By 1 June 2024, chief constables should check vetting files again."]
    assert d["changes"][1]["headline"] == f"Corrected: {old['title']} (title changed)"
    md = render(d, "md").decode()
    assert "### Changes to reports already reported" in md
    assert "Vetting inspection → An inspection of vetting and misconduct" in md


def test_changes_in_the_same_second_keep_id_order():
    old = old_report()
    same = "2025-10-01T07:00:00Z"
    events = [event(i, same, "document_added", old, {"documents": []}) for i in (10, 9, 11)]
    assert [c["id"] for c in paper_digest(events=events)["changes"]] == [9, 10, 11]


def test_event_on_unknown_report_is_kept_in_changes():
    ghost = {"id": 99, "at": "2025-10-02T07:00:00Z", "kind": "withdrawn",
             "url": f"{SITE}/publications/gone/", "slug": "gone", "title": "A report we no longer hold",
             "details": {"status": 410}}
    d = paper_digest(events=[ghost])
    assert [c["headline"] for c in d["changes"]] == ["Withdrawn: A report we no longer hold"]


def test_withdrawn_report_in_window_is_listed_not_counted():
    gone = report("pulled", "A report pulled after publication", "2025-10-30", all_forces=True,
                  recs=2, status="withdrawn")
    d = paper_digest(reports=PAPER_REPORTS + [gone])
    assert d["totals"]["reports"] == 3
    assert [r["title"] for r in d["other_reports"]] == ["A report pulled after publication"]
    assert "Withdrawn" in d["other_reports"][0]["reason"]


def test_afis_attributed_to_other_forces_are_left_out():
    joint = report("joint-three-forces", "Joint inspection of three forces", "2025-10-01",
                   forces=[WMP, "Staffordshire Police"], afis=3, findings=[
                       finding("area_for_improvement", "The force should fix A.", force="west midlands"),
                       finding("area_for_improvement", "Staffordshire Police should fix B. It matters.",
                               force="Staffordshire Police"),
                       finding("area_for_improvement", "Forces should fix C. Soon."),
                   ])
    d = paper_digest(reports=[joint])
    (entry,) = d["reports"]
    assert entry["afis"] == ["The force should fix A.", "Forces should fix C."]
    assert entry["table"]["afis"] == "2" and d["totals"]["areas_for_improvement"] == 2


def test_warnings_and_missing_date():
    noisy = report("noisy", "A report that parsed badly", "2025-10-03", all_forces=True,
                   warnings=["Recommendations heading found but no numbered items"])
    undated = report("undated", "A report without a date", None, all_forces=True)
    d = paper_digest(reports=[noisy, undated])
    got = [(w["title"], w["warning"]) for w in d["warnings"]]
    assert ("A report that parsed badly", "Recommendations heading found but no numbered items") in got
    assert any(t == "A report without a date" for t, _ in got)
    # nothing for the force: listed under the other publications, with its doubt kept
    assert [r["title"] for r in d["other_reports"]] == ["A report that parsed badly"]
    assert d["other_reports"][0]["notes"] == ["Recommendations heading found but no numbered items"]
    assert "Parser warnings" in render(d, "md").decode()


def test_force_none_counts_everything():
    d = paper_digest(force=None, reports=PAPER_REPORTS + [other_force_report()])
    assert d["totals"]["reports"] == 4 and d["other_reports"] == []


def test_since_after_until_rejected():
    with pytest.raises(ValueError):
        paper_digest(since=date(2025, 12, 12))


# ------------------------------------------------------------------- hostile text


def hostile_report():
    rep = report("hostile", HOSTILE, "2025-10-10", forces=[WMP], joint_with=[HOSTILE], afis=1, causes=1,
                 summary=HOSTILE, warnings=[HOSTILE], findings=[
                     finding("area_for_improvement", HOSTILE, title=HOSTILE, force=WMP),
                     finding("cause_of_concern", HOSTILE),
                 ])
    rep["url"] = "javascript:alert(1)//"
    return rep


def hostile_digest():
    rep = hostile_report()
    prior = report("prior", HOSTILE, "2024-01-01", all_forces=True)
    events = [event(1, "2025-10-11T07:00:00Z", "metadata_changed", prior,
                    {"changes": {"title": {"old": HOSTILE, "new": HOSTILE + "!"}}}),
              event(2, "2025-10-12T07:00:00Z", "document_added", prior,
                    {"documents": [{"url": "javascript:alert(2)", "title": HOSTILE}]})]
    return paper_digest(reports=[rep, prior], events=events)


FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def test_hostile_json_is_clean_and_encodable():
    d = hostile_digest()
    raw = render(d, "json")
    text = raw.decode("utf-8")
    assert not FORBIDDEN.search(text.replace("\n", " "))
    assert "\\u001b" not in text and "\\u0000" not in text
    loaded = json.loads(raw)
    assert "\u200fRTL\u200f" in loaded["reports"][0]["title"]  # RTL marks kept, overrides dropped
    assert "javascript" not in (loaded["reports"][0]["link"] or "")


def test_hostile_markdown_is_escaped():
    md = render(hostile_digest(), "md").decode()
    assert not FORBIDDEN.search(md.replace("\n", " ").replace("\t", " "))
    assert "<script>" not in md and "</script>" not in md
    assert "\\<script\\>" in md
    assert "\\&lt;script\\&gt;" in md  # entity text stays literal
    assert not re.search(r"(?<!\\)\]\(javascript", md) and "<javascript" not in md
    assert "\\*bold\\*" in md
    # scraped text never starts a block: no line is a heading other than ours
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert all(h.startswith(("# HMICFRS", "## 3", "### ")) for h in headings)
    for line in md.splitlines():
        if line.startswith("|") and "Tom" in line:
            assert line.count("|") - line.count("\\|") == 6  # pipes in text are escaped


def test_hostile_markdown_renders_without_html_if_markdown_it_available():
    markdown_it = pytest.importorskip("markdown_it")
    html_out = markdown_it.MarkdownIt("commonmark").enable("table").render(render(hostile_digest(), "md").decode())
    doc = lxml_html.fromstring(html_out)
    assert not doc.xpath("//script")
    assert not [a for a in doc.xpath("//a/@href") if a.lower().startswith("javascript")]
    assert "<script>" in doc.text_content()


def test_hostile_html_is_escaped():
    raw = render(hostile_digest(), "html")
    doc = lxml_html.fromstring(raw)
    assert not doc.xpath("//script")
    assert not [h for h in doc.xpath("//@href") if not h.startswith("https://")]
    assert not doc.xpath("//link[@rel='stylesheet']") and not doc.xpath("//img")
    text = doc.text_content()
    assert "<script>alert(1)</script>" in text  # shown as text
    assert "&lt;script&gt;" in text  # the entity trick stays literal
    assert not FORBIDDEN.search(raw.decode().replace("\n", " "))
    assert "@media print" in raw.decode()


def docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def test_hostile_docx_opens_and_is_sanitised():
    import docx

    data = render(hostile_digest(), "docx")
    document = docx.Document(io.BytesIO(data))
    assert document.core_properties.title == "HMICFRS update"
    assert document.paragraphs[0].text == "HMICFRS update"
    text = docx_text(data)
    assert "Tom & Jerry's" in text and "<script>alert(1)</script>" in text
    assert not FORBIDDEN.search(text.replace("\n", " ").replace("\t", " "))
    # every XML part of the package is well-formed, and no hyperlink points at javascript:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(z.read(name))
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert "javascript" not in rels


def test_docx_links_resolve_and_the_section_stays_last():
    """The fast Word path (paragraphs put before <w:sectPr>, one relationship per URL)
    must still give a valid document: the section properties the body's last child,
    each link's r:id an external relationship to its own URL, a URL related once."""
    import zipfile

    reps = [report(f"r{i}", f"Report {i}", "2025-10-01", forces=["West Midlands Police"], recs=1)
            for i in range(3)]
    d = paper_digest(reports=reps)
    d["changes"] = [
        {"date_display": "1 Oct", "headline": "Same link twice", "link": "https://example.org/a",
         "details": [{"text": "again", "url": "https://example.org/a"},
                     {"text": "other", "url": "https://example.org/b"}]},
    ]
    data = render(d, "docx")
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = etree.fromstring(z.read("word/document.xml")).find("w:body", ns)
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
    assert etree.QName(body[-1]).localname == "sectPr"
    targets = {r.get("Id"): r.get("Target") for r in rels
               if r.get("Type", "").endswith("/hyperlink")}
    assert sorted(targets.values()) == sorted(set(targets.values()))  # one per URL
    used = body.xpath(".//w:hyperlink/@r:id", namespaces=ns)
    assert used and set(used) <= set(targets)
    linked = {targets[i] for i in used}
    assert {"https://example.org/a", "https://example.org/b"} <= linked
    text = docx_text(data)
    assert "Same link twice" in text and "Report 2" in text


def test_unknown_format_rejected():
    with pytest.raises(ValueError):
        render(paper_digest(), "pdf")


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=60))
def test_any_text_renders_in_every_format(text):
    rep = report("any", text or "x", "2025-10-10", forces=[WMP], afis=1, summary=text, warnings=[text],
                 findings=[finding("area_for_improvement", text, title=text or None, force=WMP)])
    d = paper_digest(reports=[rep])
    json.loads(render(d, "json"))
    assert not lxml_html.fromstring(render(d, "html")).xpath("//script")
    render(d, "md").decode("utf-8")
    import docx

    docx.Document(io.BytesIO(render(d, "docx")))


# ------------------------------------------- the December 2025 paper, from the mirror

PAPER_SECTION_3 = [
    # (slug, the paper's row: published, recommendations, to chief constables, AFIs,
    #  and the sentences the paper writes about the report)
    ("effectiveness-of-diverting-children-from-the-criminal-justice-system",
     ("15/10/2025", "18", "1", "–"),
     ["This was a joint inspection with HM Inspectorate of Probation.",
      "WMP was one of six forces inspected (",
      "18 recommendations were made in total, of which 1 is applicable to chief constables."]),
    ("effectiveness-of-police-and-law-enforcement-response-to-group-based-child-sexual-exploitation-progress",
     ("24/10/2025", "6", "4", "–"),
     ["6 recommendations were made in total, of which 4 are applicable to chief constables."]),
    ("west-midlands-national-child-protection-inspection-november-2025",
     ("/11/2025", "0", "–", "7"),
     ["No recommendations were made."]),
]


def _mirror_digest(store, site, *, until=date(2025, 12, 11)):
    from watcher.publish.window import digest_for_window

    return digest_for_window(store, date(2025, 9, 18), until, WMP, "JAC", date(2025, 9, 18), short="WMP")


def test_december_2025_digest_from_the_mirror_reads_like_the_paper(mirror, store, scan):
    scan(mirror.url)
    d = _mirror_digest(store, mirror.url)
    assert d["lead"] == ("Since the last JAC on 18 September 2025 there have been 3 reports "
                         "published resulting in recommendations for the force.")
    assert [r["url"].rstrip("/").rsplit("/", 1)[-1] for r in d["reports"]] == [s for s, _, _ in PAPER_SECTION_3]
    for entry, (slug, row, sentences) in zip(d["reports"], PAPER_SECTION_3):
        t = entry["table"]
        assert entry["published_short"].endswith(row[0]), slug
        assert (t["recommendations"], t["to_chief_constables"], t["afis"]) == row[1:], slug
        facts = [text for text, _ in entry_facts(entry)]
        for sentence in sentences:
            assert any(f.startswith(sentence) for f in facts), (slug, sentence, facts)
    div = d["reports"][0]
    assert "Durham" in div["force_sentence"] and "West Midlands" in div["force_sentence"]
    assert [n for n in (r["number"] for r in d["reports"])] == ["3.1.1", "3.1.2", "3.1.3"]
    md = render(d, "md").decode()
    assert "3.1.1 **An inspection of the effectiveness of diverting children" in md
    assert "WMP was one of six forces inspected" in md
    # the force's own inspection lists its AFIs by title, as the paper does
    assert len(d["reports"][2]["afis"]) == 7


def test_busier_period_counts_only_reports_with_findings_for_the_force(store, scan):
    """More national publications and two corporate documents moved into the window: the
    lead counts what the content files say has findings for the force; the rest are listed
    under "Other publications" only."""
    from watcher.mirror.content import load_publications
    from watcher.mirror.server import MirrorServer

    pubs = load_publications()
    moved = {
        "hmicfrs-corporate-plan-2025-28": date(2025, 10, 2),
        "hmicfrs-inspection-programme-and-framework-2025-26": date(2025, 10, 9),
        "an-inspection-of-police-use-of-body-worn-video": date(2025, 10, 20),
        "the-detention-of-vulnerable-people-in-police-custody": date(2025, 11, 3),
        "an-inspection-of-how-well-the-police-manage-digital-forensics": date(2025, 11, 12),
        "consultation-on-the-peel-2025-assessment-framework": date(2025, 11, 25),
    }
    busy = []
    for p in pubs:
        if p.slug in moved:
            day = moved[p.slug]
            p = p.replace(published=day, lastmod=datetime(day.year, day.month, day.day, 8, tzinfo=timezone.utc))
        busy.append(p)
    in_window = [p for p in busy if date(2025, 9, 18) <= p.published <= date(2025, 12, 11) and not p.withdrawn]
    assert set(moved) <= {p.slug for p in in_window}

    def for_the_force(p) -> bool:  # the committees' rule, from the content files' own figures
        e = p.expected
        if WMP in p.forces:
            return bool(e.get("recommendations") or e.get("areas_for_improvement") or e.get("causes_of_concern"))
        if p.all_forces or not (p.forces or p.services):
            return bool(e.get("recommendations_to_chief_constables"))
        return False

    want = sorted(p.slug for p in in_window if for_the_force(p))
    with MirrorServer.from_publications(busy) as site:
        scan(site.url)
        d = _mirror_digest(store, site.url)
    slug = lambda r: r["url"].rstrip("/").rsplit("/", 1)[-1]  # noqa: E731
    assert sorted(slug(r) for r in d["reports"]) == want
    assert d["lead"].startswith(f"Since the last JAC on 18 September 2025 there have been {len(want)} reports")
    assert len(want) >= 4 and len(in_window) - len(want) >= 3  # busier, and not all counted
    others = {slug(r): r for r in d["other_reports"]}
    assert {"hmicfrs-corporate-plan-2025-28", "hmicfrs-inspection-programme-and-framework-2025-26"} <= set(others)
    assert set(others) | {slug(r) for r in d["reports"]} == {p.slug for p in in_window}
    assert not set(others) & {slug(r) for r in d["reports"]}
    for fmt in ("md", "html"):
        text = render(d, fmt).decode()
        plan = "HMICFRS corporate plan"
        head, _, tail = text.partition("Other publications in the period")
        assert tail and plan.lower() in tail.lower()
        assert plan.lower() not in head.lower(), fmt


# ------------------------------------------------- a Word file a UK clerk can use as it is

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_parts(data: bytes) -> dict[str, etree._Element]:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: etree.fromstring(z.read(name)) for name in
                ("word/document.xml", "word/styles.xml", "word/settings.xml", "word/footer1.xml",
                 "word/numbering.xml", "docProps/core.xml") if name in z.namelist()}


@pytest.mark.parametrize("font", ["Arial", "Verdana"])
def test_docx_is_a4_en_gb_in_one_font_with_page_numbers(font):
    parts = _docx_parts(render(paper_digest(), "docx", font=font))
    size = parts["word/document.xml"].find(f".//{W}pgSz")
    assert (int(size.get(f"{W}w")), int(size.get(f"{W}h"))) == (11906, 16838)  # A4 in twips, ±1
    langs = {el.get(f"{W}val") for part in ("word/styles.xml",) for el in parts[part].iter(f"{W}lang")}
    assert langs == {"en-GB"}
    assert parts["word/settings.xml"].find(f"{W}themeFontLang").get(f"{W}val") == "en-GB"
    assert b"en-GB" in etree.tostring(parts["docProps/core.xml"])
    families = set()
    for part in ("word/styles.xml", "word/document.xml", "word/numbering.xml"):
        for el in parts[part].iter(f"{W}rFonts"):
            assert not [a for a in el.attrib if a.lower().endswith("theme")], etree.tostring(el)
            families |= {v for k, v in el.attrib.items()}
    assert families == {font}  # headings and bullets too: no theme or symbol font left
    footer = etree.tostring(parts["word/footer1.xml"]).decode()
    assert "PAGE" in footer and "NUMPAGES" in footer


def test_docx_summary_headers_fit_their_columns():
    from docx import Document
    from watcher.publish.digest import SUMMARY_HEADERS, SUMMARY_WIDTHS

    doc = Document(io.BytesIO(render(paper_digest(), "docx")))
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == SUMMARY_HEADERS
    assert sum(SUMMARY_WIDTHS) <= 17.0  # A4 less 2 cm margins
    for text, width, cell in zip(SUMMARY_HEADERS, SUMMARY_WIDTHS, table.rows[0].cells):
        longest = max(text.split(), key=len)
        # bold 10 pt Arial is at most ~0.62 em per character; cell padding 0.38 cm
        assert len(longest) * 0.62 * 10 / 72 * 2.54 + 0.38 <= width, text
        assert abs(cell.width.cm - width) < 0.01
    assert table.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None  # repeated on each page


def test_generated_line_can_be_left_out():
    d = paper_digest()
    for fmt in ("md", "html"):
        assert "Generated" in render(d, fmt).decode()
        assert "Generated" not in render(d, fmt, generated=False).decode()
    assert "Generated" not in docx_text(render(d, "docx", generated=False))


def test_html_summary_table_becomes_labelled_cards_on_a_phone():
    """(tests/test_phone_layout.py measures it in a real browser.)"""
    page = lxml_html.fromstring(render(paper_digest(), "html", font="Verdana"))
    viewport = page.find(".//meta[@name='viewport']")
    assert "width=device-width" in viewport.get("content")
    table = page.find(".//table")
    style = page.find(".//style").text
    assert re.search(r"@media \(max-width: 40em\)[^@]*table\.summary tr[^{]*{[^}]*display:\s*block", style)
    labels = [td.get("data-label") for td in table.find(".//tbody/tr").iter("td")]
    assert labels[1:] == ["Published", "Recommendations", "Applicable to chief constables", "AFIs"]
    assert "font-family: Verdana" in style
    # headers may wrap between words, never inside one (no soft hyphens, no word-breaking)
    headers = [th.text_content() for th in table.iter("th")]
    assert headers[2] == "Recommendations" and "\u00ad" not in "".join(headers)
    assert re.search(r"table\.summary th\s*{[^}]*word-break:\s*keep-all", style)


def test_doubts_are_shown_next_to_the_count_they_doubt_in_every_format():
    doubted = dict(cse_progress(), warnings=[
        {"kind": "stated_count", "field": "recommendations", "expected": 7, "found": 6,
         "message": "The summary says 7 recommendations; 6 were read.", "where": "report HTML"},
        "An old database's plain warning.",
    ])
    d = paper_digest(reports=[diverting(), doubted, wmp_child_protection()])
    cse = d["reports"][1]
    assert cse["doubts"] == {"recommendations": ["The summary says 7 recommendations; 6 were read."]}
    assert cse["table"]["recommendations"] == "6*" and cse["table"]["to_chief_constables"] == "4"
    assert cse["notes"] == ["An old database's plain warning."]
    assert ("recommendations", "The summary says 7 recommendations; 6 were read.") in [
        (w["field"], w["warning"]) for w in d["warnings"]]
    sentence = "6 recommendations were made in total, of which 4 are applicable to chief constables."
    md = render(d, "md").decode()
    assert f"- {sentence} **Check:** The summary says 7 recommendations; 6 were read." in md
    page = lxml_html.fromstring(render(d, "html"))
    li = [e for e in page.iter("li") if e.text_content().startswith(sentence)]
    assert li and "Check: The summary says 7" in li[0].text_content()
    text = docx_text(render(d, "docx"))
    assert f"{sentence} Check: The summary says 7 recommendations; 6 were read." in text


def test_the_demo_shows_all_of_section_3_with_the_sample_register(tmp_path):
    """The demo imports the bundled workbook, so its digest has the open-by-year table
    with previous-paper and current columns, besides the three reports."""
    from watcher.demo import run_demo
    from watcher.demo_data import SAMPLE_REGISTER

    assert SAMPLE_REGISTER.exists()
    paths = run_demo(tmp_path, quiet=True)
    d = json.loads(paths["digest (json)"].read_text(encoding="utf-8"))
    assert d["totals"]["reports"] == 3
    reg = d["register"]
    assert reg["previous_label"] == "Previous paper (18 September 2025)"
    assert reg["now_label"] == "Now (11 December 2025)"
    years = {r["year"] for r in reg["rows"]}
    assert {"2022", "2023", "2024", "2025"} <= years
    # the sheet's three findings from a 2022 paper report: two open, one closed in 2024
    assert next(r for r in reg["rows"] if r["year"] == "2022") == {"year": "2022", "previous": 2, "now": 2}
    assert reg["totals"]["previous"] != reg["totals"]["now"]  # closures and new reports both show
    assert sum(r["now"] for r in reg["rows"]) == reg["totals"]["now"]
    from docx import Document

    tables = Document(str(paths["digest (docx)"])).tables
    assert [c.text for c in tables[-1].rows[0].cells] == [
        "Report year", "Previous paper (18 September 2025)", "Now (11 December 2025)"]


def test_cli_digest_takes_short_name_font_and_generated_from_the_config(tmp_path):
    from click.testing import CliRunner

    from core.models import Finding, Publication
    from store.db import Store
    from watcher.cli import cli

    with Store(tmp_path / "watch.db") as store:
        store.save_publication(Publication(
            url=f"{SITE}/publications/shoplifting-five-forces/", slug="shoplifting-five-forces",
            title="Shoplifting: an inspection of five forces", published="2025-10-20", type="Thematic inspection",
            forces=[WMP, "Durham Constabulary", "Essex Police", "Kent Police", "Avon and Somerset Constabulary"],
            findings=[Finding("recommendation", "Chief constables should record every shop theft.",
                              applies_to_chief_constables=True, addressees=["chief constables"])]), [])
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'db = "{tmp_path / "watch.db"}"\n[force]\nname = "{WMP}"\nshort = "WMP"\n'
                   '[output]\nfont = "Verdana"\ngenerated = false\n'
                   '[[committees]]\nname = "Joint Audit Committee"\nshort = "JAC"\nmeetings = [2025-09-18]\n',
                   encoding="utf-8")
    run = lambda *a: CliRunner().invoke(cli, ["--config", str(cfg), "digest", "--since-last-committee",  # noqa: E731
                                              "--until", "2025-12-11", *a], catch_exceptions=False)
    md = run().output
    assert "WMP was one of five forces inspected (Avon and Somerset, Durham, Essex, Kent, West Midlands)." in md
    assert "Generated" not in md
    out = tmp_path / "paper.docx"
    assert run("-o", str(out)).exit_code == 0
    fonts = {v for el in _docx_parts(out.read_bytes())["word/styles.xml"].iter(f"{W}rFonts") for v in el.attrib.values()}
    assert fonts == {"Verdana"}
    bad = tmp_path / "bad.toml"
    bad.write_text(cfg.read_text(encoding="utf-8").replace("generated = false", 'generated = "no"'), encoding="utf-8")
    r = CliRunner().invoke(cli, ["--config", str(bad), "digest", "--since", "2025-09-18"])
    assert r.exit_code == 2 and "must be true or false" in r.output
