"""The counting rules (the site model (docs/counting-rules.md)) on small, realistic report snippets.

All prose here is written for these tests; only the shapes follow HMICFRS reports.
"""

from __future__ import annotations

import pytest

from watcher.parse.findings import combine, findings_from_html, findings_from_text, match_key
from core.models import CHIEF_CONSTABLES, Finding, ParsedFindings, ParseWarning, warning_text

WMP = "West Midlands Police"


def kinds(r: ParsedFindings, kind: str) -> list[Finding]:
    return [f for f in r.findings if f.kind == kind]


def wtexts(r) -> list[str]:
    return [warning_text(w) for w in r.warnings]


def recs(r):
    return kinds(r, "recommendation")


def afis(r):
    return kinds(r, "area_for_improvement")


def cocs(r):
    return kinds(r, "cause_of_concern")


def to_cc(r) -> int:
    return sum(1 for f in recs(r) if f.applies_to_chief_constables)


# --------------------------------------------------------------------------- shapes


def test_recommendation_n_headings():
    html = """<main><h2>Chapter 1</h2><p>Forces record stalking poorly.</p>
    <h3>Recommendation 1</h3><p>By 31 March 2026, chief constables should make sure that stalking is recorded correctly.</p>
    <h2>Chapter 2</h2><p>Guidance is out of date.</p>
    <h3>Recommendation 2</h3><p>By 30 September 2026, the College of Policing should update its stalking guidance.</p></main>"""
    r = findings_from_html(html)
    assert [f.number for f in recs(r)] == [1, 2]
    assert recs(r)[0].addressees == [CHIEF_CONSTABLES] and recs(r)[0].applies_to_chief_constables
    assert recs(r)[1].addressees == ["College of Policing"] and not recs(r)[1].applies_to_chief_constables
    assert recs(r)[1].deadline == "2026-09-30"
    assert r.warnings == []


def test_numbered_list_under_recommendations_heading():
    html = """<h2>Recommendations</h2><p>We make the following recommendations:</p>
    <ol><li>By 31 March 2026, all police forces should review how they grade calls about missing children.</li>
    <li>By 31 March 2026, the Home Office should fund a national missing persons database.</li>
    <li>By June 2026, the National Crime Agency should publish an assessment of county lines.</li></ol>"""
    r = findings_from_html(html)
    assert [f.number for f in recs(r)] == [1, 2, 3]
    assert [f.addressees for f in recs(r)] == [[CHIEF_CONSTABLES], ["Home Office"], ["National Crime Agency"]]
    assert recs(r)[2].deadline == "2026-06-30"


def test_bold_lead_in_labels():
    html = """<h2>Investigating fraud</h2><p>Few forces had enough trained investigators.</p>
    <p><strong>Recommendation 3:</strong> By 31 December 2025, chief constables should make sure they have enough
    trained fraud investigators.</p><p>We also saw good work in some regions.</p>
    <p><strong>Recommendation 4</strong> By 31 December 2025, the National Police Chiefs' Council lead for economic
    crime should publish a fraud workforce plan.</p>"""
    r = findings_from_html(html)
    assert [f.number for f in recs(r)] == [3, 4]
    assert recs(r)[0].text.startswith("By 31 December 2025, chief constables")
    assert recs(r)[1].addressees == ["National Police Chiefs' Council"]
    assert "economic crime" in recs(r)[1].text  # the lead detail stays in the text


def test_afi_title_then_the_force_should():
    html = """<h2>Responding to the public</h2><p>Calls were answered slowly.</p>
    <h3>Area for improvement 1: Call handling</h3>
    <p>The force should make sure that it answers emergency calls within the national target.</p>
    <h2>Leadership</h2>
    <h3>Workforce wellbeing</h3>
    <p>The force should make sure that supervisors have time to support their teams.</p>"""
    r = findings_from_html(html, forces=[WMP])
    # the second heading is a title but nothing labels it an AFI: not counted
    assert len(afis(r)) == 1
    a = afis(r)[0]
    assert (a.number, a.title, a.force, a.addressees, a.applies_to_chief_constables) == (
        1, "Call handling", WMP, [WMP], True)


def test_afis_under_plural_heading_with_short_titles():
    html = """<h2>Areas for improvement</h2>
    <h3>Crime recording</h3><p>The force should improve how it records crimes reported during incidents.</p>
    <h3>Custody</h3><p>The force should make sure that detained children are seen by an appropriate adult quickly.</p>"""
    r = findings_from_html(html, forces=[WMP])
    assert [a.title for a in afis(r)] == ["Crime recording", "Custody"]
    assert all(a.force == WMP for a in afis(r))


def test_cause_of_concern_and_its_recommendations():
    html = """<h2>Investigating crime</h2><p>Investigations were poorly supervised.</p>
    <h3>Cause of concern</h3>
    <p>The force does not investigate crime effectively, and victims are let down as a result.</p>
    <h4>Recommendations</h4>
    <p>Within three months, the force should make sure that every investigation has a plan.</p>
    <p>Within six months, the chief constable should introduce regular audits of closed investigations.</p>
    <h2>Next steps</h2><p>We will revisit the force.</p>"""
    r = findings_from_html(html, forces=[WMP])
    assert len(cocs(r)) == 1 and cocs(r)[0].force == WMP
    assert len(recs(r)) == 2 and to_cc(r) == 2
    assert all(f.force == WMP and f.addressees == [WMP] for f in recs(r))
    assert all(f.deadline is None for f in recs(r))  # "Within three months" has no date


def test_causes_of_concern_list():
    html = """<h2>Causes of concern</h2><p>We have identified two causes of concern.</p>
    <ul><li>The force's response to missing children is not good enough.</li>
    <li>The force does not manage the risk posed by registered sex offenders well enough.</li></ul>"""
    r = findings_from_html(html, forces=[WMP])
    assert len(cocs(r)) == 2 and r.warnings == []


def test_parts_a_b_c_are_one_recommendation():
    html = """<h2>Recommendations</h2>
    <p><strong>Recommendation 1</strong></p>
    <p>By 31 March 2026, chief constables should:</p>
    <p>(a) publish their diversion policy;</p><p>(b) record the outcome of every diversion; and</p>
    <p>(c) review the data each quarter.</p>
    <p><strong>Recommendation 2</strong></p>
    <p>By 31 March 2026, the Youth Justice Board should:</p>
    <ol type="a"><li>issue guidance;</li><li>monitor its use.</li></ol>"""
    r = findings_from_html(html)
    assert len(recs(r)) == 2
    assert "(a) publish" in recs(r)[0].text and "(c) review" in recs(r)[0].text
    assert "monitor its use" in recs(r)[1].text
    assert recs(r)[1].addressees == ["Youth Justice Board"]


def test_nested_lettered_list_stays_with_its_item():
    html = """<h2>Recommendations</h2><ol>
    <li>By 31 March 2026, chief constables should:<ol type="a"><li>do one thing;</li><li>do another.</li></ol></li>
    <li>By 31 March 2026, the Home Office should publish data.</li></ol>"""
    r = findings_from_html(html)
    assert len(recs(r)) == 2 and "(b) do another" in recs(r)[0].text


def test_actor_lead_in_then_items_each_count():
    html = """<h2>Recommendations</h2>
    <h3>Chief constables should:</h3>
    <ol><li>by 31 May 2026, review their missing persons policy;</li><li>train call handlers in risk assessment.</li></ol>
    <h3>The Home Office should:</h3><ol start="3"><li>publish national data on missing children.</li></ol>"""
    r = findings_from_html(html)
    assert [f.number for f in recs(r)] == [1, 2, 3]
    assert to_cc(r) == 2 and recs(r)[2].addressees == ["Home Office"]
    assert recs(r)[0].deadline == "2026-05-31"


def test_lead_in_with_verb_keeps_bullets_as_parts():
    html = """<h3>Cause of concern</h3><p>The force does not supervise investigations well enough.</p>
    <h4>Recommendations</h4>
    <p>By 31 March 2026, the chief constable should make sure that:</p>
    <ul><li>every investigation has a plan;</li><li>supervisors review it monthly.</li></ul>"""
    r = findings_from_html(html, forces=[WMP])
    assert len(recs(r)) == 1 and "supervisors review" in recs(r)[0].text


def test_summary_then_chapter_repeat_counts_once():
    html = """<h2>Summary of recommendations</h2><ol>
    <li>By 31 March 2026, chief constables should make sure that officers record the age of every child stopped.</li>
    <li>By 31 March 2026, the College of Policing should revise its training on searching children.</li></ol>
    <h2>Chapter 3: Searches</h2><p>We found gaps.</p>
    <p><strong>Recommendation 1</strong></p>
    <p>By 31 March 2026, chief constables should make sure that officers record the age of every child stopped.
    (a) This should include searches of vehicles.</p>
    <p><strong>Recommendation 2</strong></p>
    <p>By 31 March 2026, the College of Policing should revise its training on searching children.</p>"""
    r = findings_from_html(html)
    assert len(recs(r)) == 2
    assert "searches of vehicles" in recs(r)[0].text  # the fuller text is kept
    assert [f.number for f in recs(r)] == [1, 2]


def test_similar_but_different_recommendations_are_not_merged():
    html = """<h2>Recommendations</h2><ol>
    <li>By 31 March 2026, chief constables should make sure that forces record the ethnicity of children searched.</li>
    <li>By 31 March 2026, chief constables should make sure that forces record the age of children searched.</li></ol>"""
    assert len(recs(findings_from_html(html))) == 2


def test_prose_mentions_are_not_findings():
    html = """<h2>Introduction</h2>
    <p>Our 2018 recommendation that forces should publish their data remains unimplemented.</p>
    <p>We make nine recommendations in this report. In 2019 we recommended that by 2021 chief constables should act.</p>
    <p>We think that forces should do more, and senior leaders told us they agreed.</p>"""
    r = findings_from_html(html)
    assert r.findings == []


def test_promising_practice_and_grades_are_not_findings():
    html = """<h2>Preventing crime</h2><p>The force is good at preventing crime.</p>
    <aside><h3>Promising practice: neighbourhood panels</h3>
    <p>By 2025, the force should be proud of its panels, which other forces should copy.</p></aside>
    <div><h3>Innovative practice</h3><p>Chief constables should look at this scheme.</p></div>
    <p>Requires improvement</p>
    <h3>Area for improvement</h3><p>The force should make better use of its crime data.</p>"""
    r = findings_from_html(html, forces=[WMP])
    assert len(r.findings) == 1 and afis(r)[0].force == WMP


def test_recommendation_inside_an_aside_box_counts():
    html = """<h2>Chapter 1</h2><p>Narrative.</p>
    <aside><p><strong>Recommendation 1</strong></p>
    <p>By 31 March 2026, chief constables should publish their vetting data.</p></aside><p>More narrative.</p>"""
    assert len(recs(findings_from_html(html))) == 1


def test_standalone_dated_should_paragraph_counts():
    html = """<h2>Chapter 2</h2><p>Narrative.</p>
    <p>By 30 June 2026, the Home Office should amend the statutory guidance on custody.</p>"""
    r = findings_from_html(html)
    assert len(recs(r)) == 1 and recs(r)[0].addressees == ["Home Office"]


def test_quoted_guidance_in_narrative_is_not_a_finding():
    html = """<h2>Chapter 2</h2>
    <p>The national guidance says that officers should record the reason for every stop.</p>
    <p>"By 2020, forces should have a plan," the guidance states.</p>"""
    assert findings_from_html(html).findings == []


# --------------------------------------------------------------------------- progress reports


PROGRESS = """<main><h1>Stalking: a progress report</h1>
<h2>Summary</h2>
<p>In our 2023 report we made nine recommendations and one area for improvement. In this report we have made
three new recommendations.</p>
<h2>Progress against our 2023 recommendations</h2>
<h3>Recommendation 1 (2023)</h3>
<p>By 31 March 2024, chief constables should make sure that stalking is recorded correctly.</p>
<p>Status: Incomplete</p><p>Our assessment: most forces have made progress, but not all.</p>
<h3>Recommendation 2 (2023)</h3>
<p>By 31 March 2024, the Home Office should review stalking protection orders.</p>
<p>Status: Complete</p>
<h3>Area for improvement (2023)</h3><p>The force should improve victim updates.</p>
<table><tr><th>Recommendation</th><th>Status</th></tr>
<tr><td>By 2024, chief constables should train all staff in stalking.</td><td>Partially complete</td></tr></table>
<h2>Our new recommendations</h2>
<p><strong>Recommendation 1</strong></p><p>By 31 March 2026, chief constables should appoint a stalking lead.</p>
<p><strong>Recommendation 2</strong></p><p>By 31 March 2026, all police forces should audit their stalking cases.</p>
<p><strong>Recommendation 3</strong></p><p>By 31 March 2026, the College of Policing should revise its guidance.</p>
</main>"""


def test_progress_report_counts_only_new_findings():
    r = findings_from_html(PROGRESS)
    assert len(recs(r)) == 3 and to_cc(r) == 2
    assert afis(r) == []
    assert r.warnings == []  # "we made nine" refers to the 2023 report


def test_status_paragraph_without_year_marks_a_review():
    html = """<h2>What we found</h2>
    <p><strong>Recommendation 4</strong></p>
    <p>By March 2024, the NPCC lead should publish guidance.</p>
    <p>Status: Not achieved</p>
    <h2>Recommendations</h2>
    <ol><li>By 31 March 2026, chief constables should publish stalking data.</li></ol>"""
    r = findings_from_html(html)
    assert len(recs(r)) == 1 and recs(r)[0].applies_to_chief_constables


# --------------------------------------------------------------------------- actors (rules 4 and 5)

ACTOR_CASES = [
    ("By 30 June 2026, the Home Office, working with chief constables, should publish data.", (), ["Home Office"], False),
    ("By 30 June 2026, the Home Office, in consultation with chief constables, should publish data.", (), ["Home Office"], False),
    ("The Home Office, supported by chief constables, should publish data.", (), ["Home Office"], False),
    ("The College of Policing, with the support of chief constables, should publish data.", (), ["College of Policing"], False),
    ("The Home Office, in partnership with the NPCC, should publish data.", (), ["Home Office"], False),
    ("In consultation with chief constables, the Home Office should publish data.", (), ["Home Office"], False),
    ("Chief constables should publish data.", (), [CHIEF_CONSTABLES], True),
    ("All chief constables and the NPCC lead should publish data.", (), [CHIEF_CONSTABLES, "National Police Chiefs' Council"], True),
    ("Chief constables and police and crime commissioners should publish data.", (), [CHIEF_CONSTABLES, "police and crime commissioners"], True),
    ("Forces should publish data.", (), [CHIEF_CONSTABLES], True),
    ("All police forces should publish data.", (), [CHIEF_CONSTABLES], True),
    ("The force should publish data.", (WMP,), [WMP], True),
    ("The chief constable should publish data.", (WMP,), [WMP], True),
    ("West Midlands Police should publish data.", (WMP,), [WMP], True),
    ("The National Police Chiefs' Council lead for children should publish data.", (), ["National Police Chiefs' Council"], False),
    ("The NPCC should publish data.", (), ["National Police Chiefs' Council"], False),
    ("Police and crime commissioners should publish data.", (), ["police and crime commissioners"], False),
    ("Fire and rescue services should publish data.", (), ["fire and rescue services"], False),
    ("Chief fire officers should publish data.", (), ["fire and rescue services"], False),
    ("The service should publish data.", (), ["fire and rescue services"], False),
    ("The service should publish data.", ("Avon Fire and Rescue Service",), ["Avon Fire and Rescue Service"], False),
    ("The Ministry of Justice and the Youth Justice Board should publish data.", (), ["Ministry of Justice", "Youth Justice Board"], False),
    ("The Crown Prosecution Service should publish data.", (), ["Crown Prosecution Service"], False),
    ("Local authorities should publish data.", (), ["local authorities"], False),
    ("HM Prison and Probation Service should publish data.", (), ["HM Prison and Probation Service"], False),
    ("The National Crime Agency should publish data.", (), ["National Crime Agency"], False),
    ("The Department for Education should publish data.", (), ["Department for Education"], False),
    ("To address this cause of concern, the force should publish data.", (WMP,), [WMP], True),
    ("We recommend that the Ministry of Justice should publish data.", (), ["Ministry of Justice"], False),
]


@pytest.mark.parametrize("sentence,forces,addressees,to_cc_", ACTOR_CASES, ids=[c[0][:60] for c in ACTOR_CASES])
def test_actors(sentence, forces, addressees, to_cc_):
    r = findings_from_html(f"<h2>Recommendations</h2><ol><li>{sentence}</li></ol>", forces=forces)
    (f,) = recs(r)
    assert f.addressees == addressees
    assert f.applies_to_chief_constables is to_cc_
    if forces and "Police" in forces[0] and to_cc_:
        assert f.force == forces[0]


@pytest.mark.parametrize(
    "text,iso",
    [
        ("By 31 March 2026, chief constables should act.", "2026-03-31"),
        ("By March 2026, chief constables should act.", "2026-03-31"),
        ("By February 2028, chief constables should act.", "2028-02-29"),
        ("By 1st April 2026, chief constables should act.", "2026-04-01"),
        ("By the end of June 2026, chief constables should act.", "2026-06-30"),
        ("By the end of 2026, chief constables should act.", "2026-12-31"),
        ("Within six months, chief constables should act.", None),
        ("Chief constables should act immediately.", None),
        ("Chief constables should, by 30 September 2026, act.", "2026-09-30"),
    ],
)
def test_deadlines(text, iso):
    (f,) = recs(findings_from_html(f"<h2>Recommendations</h2><p>{text}</p>"))
    assert f.deadline == iso


# --------------------------------------------------------------------------- tables


def test_table_of_recommendations_with_owner_column():
    html = """<h2>Recommendations</h2><table>
    <tr><th>Recommendation</th><th>Owner</th><th>Deadline</th></tr>
    <tr><td>1. Publish a national plan for regional units.</td><td>Home Office</td><td>31 March 2026</td></tr>
    <tr><td>2. Make sure each unit has the agreed capabilities.</td><td>All chief constables</td><td>June 2026</td></tr>
    </table>"""
    r = findings_from_html(html)
    assert [(f.number, f.addressees, f.deadline) for f in recs(r)] == [
        (1, ["Home Office"], "2026-03-31"), (2, [CHIEF_CONSTABLES], "2026-06-30")]
    assert r.warnings == []  # a table with an owner column is read with confidence: no false alarm


def test_statistics_table_is_not_findings():
    html = """<h2>The numbers</h2><table><tr><th>Year</th><th>Recommendations</th><th>Areas for improvement</th></tr>
    <tr><td>2021</td><td>141</td><td>388</td></tr></table><p>We have not made any new recommendations.</p>"""
    r = findings_from_html(html)
    assert r.findings == [] and r.warnings == []


# --------------------------------------------------------------------------- warnings


def test_warning_when_stated_number_differs():
    html = """<h2>Summary</h2><p>We make nine recommendations.</p><h2>Recommendations</h2><ol>
    <li>By March 2026, chief constables should do one thing.</li><li>By March 2026, the Home Office should do another.</li></ol>"""
    r = findings_from_html(html)
    assert len(recs(r)) == 2
    assert wtexts(r) == ["Report says it makes nine recommendations; 2 were extracted"]
    (w,) = r.warnings
    assert (w.kind, w.field, w.expected, w.found) == ("stated_count", "recommendations", 9, 2)


@pytest.mark.parametrize(
    "sentence",
    ["We have made 6 new recommendations.", "This report makes six recommendations.",
     "In this report, we make a total of six recommendations."],
)
def test_stated_number_forms(sentence):
    html = f"<h2>Summary</h2><p>{sentence}</p><h2>Recommendations</h2><ol><li>By March 2026, forces should act.</li></ol>"
    (w,) = wtexts(findings_from_html(html))
    assert w.startswith("Report says it makes ") and w.endswith(" recommendations; 1 were extracted")


def test_warning_when_afis_mentioned_but_none_extracted():
    html = """<h2>Summary</h2><p>We identified seven areas for improvement.</p>
    <h2>Areas for improvement</h2><p>See the annex for our areas for improvement, which are in a separate document.</p>"""
    r = findings_from_html(html, forces=[WMP])
    assert afis(r) == []
    assert "Report says it makes seven areas for improvement; 0 were extracted" in wtexts(r)


def test_no_warning_for_mention_with_negation():
    html = "<h2>Recommendations</h2><p>We have not made any recommendations in this report.</p>"
    assert findings_from_html(html).warnings == []


def test_mention_heading_without_findings_warns():
    html = "<h2>Areas for improvement</h2><p>Our areas for improvement are set out in the PDF version.</p>"
    r = findings_from_html(html)
    assert wtexts(r) == ["Report text mentions 'areas for improvement' but none were extracted"]
    assert r.warnings[0].field == "areas_for_improvement" and r.warnings[0].kind == "kind_named_none_read"


def test_no_false_warning_in_progress_report():
    html = """<h2>Summary</h2><p>In 2023 we made nine recommendations. We have made two new recommendations.</p>
    <h2>Progress against our 2023 recommendations</h2><h3>Recommendation 1 (2023)</h3><p>Chief constables should x.</p>
    <p>Status: Complete</p><h2>New recommendations</h2><ol><li>By March 2026, forces should a.</li>
    <li>By March 2026, the Home Office should b.</li></ol>"""
    r = findings_from_html(html)
    assert len(recs(r)) == 2 and r.warnings == []


# --------------------------------------------------------------------------- combine (rule 8)


def test_combine_counts_a_finding_once_and_prefers_html():
    html = findings_from_html("""<h2>Recommendations</h2><ol>
    <li>By 31 March 2026, chief constables should make sure that multi-agency plans are reviewed “promptly”.</li></ol>""")
    pdf_text = ("Recommendations\n1. By 31 March 2026, chief constables should make sure that multi-\n"
                "agency plans are reviewed \"promptly\".\n2. By 31 March 2026, the Home Office should publish data.\n")
    pdf = findings_from_text(pdf_text, source="pdf")
    assert len(recs(pdf)) == 2
    both = combine([pdf, html])
    assert [f.source for f in both.findings] == ["html", "pdf"]
    assert len(both.findings) == 2


def test_combine_rechecks_count_warnings():
    a = ParsedFindings([Finding("recommendation", "By 2026, forces should a.", 1, source="html")],
                       [ParseWarning(kind="stated_count", field="recommendations", expected=2, found=1,
                                     message="Report says it makes two recommendations; 1 were extracted")])
    b = ParsedFindings([Finding("recommendation", "By 2026, forces should a.", 1, source="pdf"),
                        Finding("recommendation", "By 2026, the Home Office should b.", 2, source="pdf")], [])
    both = combine([a, b])
    assert len(both.findings) == 2 and both.warnings == []


def test_match_key_tolerates_wrapping_and_quotes():
    assert match_key("multi-\nagency ‘plans’ — reviewed") == match_key("multiagency 'plans' reviewed")


# --------------------------------------------------------------------------- the three known public figures


def _joint_diversion_report() -> str:
    actors = [
        "the Ministry of Justice should", "the Youth Justice Board should", "the Home Office, working with chief constables, should",
        "the Department for Education should", "local authorities should", "the Crown Prosecution Service should",
        "the Youth Justice Board, in consultation with the NPCC, should", "HM Prison and Probation Service should",
        "the Ministry of Justice, supported by the Youth Justice Board, should", "the College of Policing should",
        "the National Police Chiefs' Council lead for children should", "police and crime commissioners should",
        "the Home Office should", "chief constables should", "the Ministry of Justice and the Department for Education should",
        "the Youth Justice Board should", "local authorities, in partnership with health services, should",
        "the Crown Prosecution Service, working with the NPCC, should",
    ]
    topics = ["publish data on out-of-court resolutions", "set national standards for diversion", "fund local schemes",
              "review eligibility rules", "share information with youth justice services", "evaluate outcomes",
              "train practitioners", "make sure that victims are consulted", "align funding streams", "update guidance",
              "develop performance measures", "scrutinise local decisions", "consult on legislation",
              "record the ethnicity of every child diverted", "review school exclusions", "monitor disparities",
              "commission health assessments", "review charging decisions for children"]
    items = "".join(f"<li>By 31 March 2026, {a} {t}.</li>" for a, t in zip(actors, topics))
    return f"""<main><h2>Foreword</h2><p>This joint inspection with HM Inspectorate of Probation looked at how
    children are diverted from the criminal justice system. We make 18 recommendations.</p>
    <h2>Chapter 1</h2><p>The national guidance says that forces should consider diversion for every child.</p>
    <h2>Recommendations</h2><ol>{items}</ol></main>"""


def test_known_figure_joint_inspection_18_recs_1_to_cc():
    r = findings_from_html(_joint_diversion_report())
    assert len(recs(r)) == 18 and to_cc(r) == 1 and r.warnings == []


def test_known_figure_progress_report_6_new_4_to_cc():
    old = "".join(
        f"<h3>Recommendation {n} (2023)</h3><p>By 2024, chief constables should do thing {n}.</p><p>Status: Incomplete</p>"
        for n in range(1, 10))
    html = f"""<main><h2>Summary</h2><p>In our 2023 report we made nine recommendations and one area for
    improvement. We have now made six new recommendations, four of them for chief constables.</p>
    <h2>Progress against our previous recommendations</h2>{old}
    <h3>Area for improvement (2023)</h3><p>Forces should improve intelligence sharing.</p><p>Our assessment: partly met.</p>
    <h2>New recommendations</h2><ol>
    <li>By 30 June 2026, chief constables should make sure that every report of exploitation is recorded.</li>
    <li>By 30 June 2026, all chief constables and the NPCC lead should agree a national data standard.</li>
    <li>By 30 June 2026, forces should train investigators in trauma-informed interviewing.</li>
    <li>By 30 June 2026, chief constables and police and crime commissioners should fund victim advocates.</li>
    <li>By 30 June 2026, the Home Office, working with chief constables, should update the action plan.</li>
    <li>By 30 June 2026, the College of Policing should publish investigation guidance.</li></ol></main>"""
    r = findings_from_html(html)
    assert len(recs(r)) == 6 and to_cc(r) == 4 and afis(r) == [] and r.warnings == []


def test_known_figure_force_child_protection_7_afis():
    titles = ["Recognising risk at first contact", "Hearing the voice of the child", "Strategy discussions",
              "Children who go missing", "Supervision of investigations", "Managing sex offenders",
              "Understanding performance"]
    texts = ["identify and record risk to children in every call", "speak to children and record their views",
             "attend every strategy discussion", "use return home interviews to reduce exploitation risk",
             "make sure supervisors review investigations regularly", "complete offender risk assessments on time",
             "develop its performance framework for child protection"]
    summary = "".join(f"<li>{t}</li>" for t in titles)
    chapters = "".join(
        f"<h2>Chapter {n}</h2><p>Narrative about {t.lower()}.</p><h3>Area for improvement: {t}</h3>"
        f"<p>The force should {x}.</p>" for n, (t, x) in enumerate(zip(titles, texts), 1))
    html = f"""<h2>Summary</h2><p>We have identified seven areas for improvement:</p><ul>{summary}</ul>{chapters}"""
    r = findings_from_html(html, forces=[WMP])
    assert len(afis(r)) == 7 and recs(r) == [] and r.warnings == []
    assert [a.title for a in afis(r)] == titles
    assert all(a.force == WMP for a in afis(r))


def test_afi_summary_in_full_then_chapters_counts_once():
    items = ["The force should improve call handling.", "The force should review its custody procedures."]
    html = ("<h2>Areas for improvement</h2><ul>" + "".join(f"<li>{t}</li>" for t in items) + "</ul>"
            + "".join(f"<h2>Chapter</h2><h3>Area for improvement</h3><p>{t}</p>" for t in items))
    assert len(afis(findings_from_html(html, forces=[WMP]))) == 2


def test_deterministic():
    a = findings_from_html(PROGRESS)
    b = findings_from_html(PROGRESS)
    assert a == b


def test_document_title_saying_progress_report_is_not_a_review_section():
    html = f"<html><body><main><h1>Child exploitation: progress report</h1>{PROGRESS[PROGRESS.index('<h2>'):]}"
    r = findings_from_html(html)
    assert len(recs(r)) == 3


def test_pdf_line_starting_mid_sentence_with_area_for_improvement_is_prose():
    text = ("In our 2023 report we made nine recommendations and one area for improvement and we said then that\n"
            "area for improvement. We said then that the police were too slow, and that they needed to improve.\n")
    r = findings_from_text(text, source="pdf")
    assert r.findings == []


# --------------------------------------------------------------------------- held-out shapes (own snippets)


def test_repeat_with_lettered_parts_counts_once_with_or_without_markers():
    """Rule 3: the summary renders the nested <ol type="a"> inline as "(a) ... (b) ...", the
    chapter keeps it as a separate lettered list after a lead-in <div>: one recommendation."""
    parts = "<ol type='a'><li>write a custody audit plan;</li><li>run it in two sites; and</li><li>report on it.</li></ol>"
    html = (
        "<h2>Recommendations</h2><ol>"
        "<li>By 30 April 2026, the Home Office should publish custody data.</li>"
        f"<li>By 31 May 2026, the College of Policing and the NPCC lead should together:{parts}</li></ol>"
        "<h2>Chapter 3</h2><h4>Recommendation 2</h4>"
        f"<div>By 31 May 2026, the College of Policing and the NPCC lead should together:{parts}</div>"
    )
    r = findings_from_html(html)
    assert len(recs(r)) == 2
    assert "(a)" in recs(r)[1].text


def test_match_key_ignores_part_markers():
    assert match_key("X should: (a) do one; (b) do two; and (c) do three.") == match_key(
        "X should: do one; do two; and do three.")
    assert match_key("X should: a) do one; ii. do two") == match_key("X should: do one; do two")


def _note(*paras: str) -> str:
    return '<div class="x-panel" role="note">' + "".join(f"<p>{p}</p>" for p in paras) + "</div>"


def test_label_paragraph_heads_its_box_with_a_bold_title():
    html = ("<h2>Custody</h2><p>Detainees waited too long.</p>"
            + _note("Area for improvement", "<strong>The force needs to improve how it books detainees in</strong>",
                    "The force should make sure that every detainee is booked in within an hour.")
            + "<h2>Vetting</h2>"
            + _note("Area for improvement 2", "<b>The force needs to improve its vetting</b>",
                    "The force should make sure that vetting is renewed on time."))
    r = findings_from_html(html, forces=[WMP])
    assert [a.text for a in afis(r)] == [
        "The force should make sure that every detainee is booked in within an hour.",
        "The force should make sure that vetting is renewed on time."]
    assert afis(r)[0].title == "The force needs to improve how it books detainees in"
    assert recs(r) == [] and cocs(r) == []


def test_label_paragraph_box_without_title_fire_service():
    html = ("<h2>Prevention</h2>" + _note("Area for improvement", "The service should target its safety visits better.")
            + "<p>The service is good at school visits.</p>"
            + _note("Area for improvement", "The service should review its on-call contracts."))
    r = findings_from_html(html, forces=["Kent Fire and Rescue Service"])
    assert len(afis(r)) == 2 and recs(r) == []


def test_cause_of_concern_box_then_recommendations_then_afi_box():
    html = ("<h2>Answering calls</h2>"
            + _note("Cause of concern", "<strong>The force is too slow to answer 999 calls</strong>",
                    "Callers wait too long and some give up.")
            + "<h4>Recommendations</h4><p>Within three months, the force should:</p>"
            "<ul><li>make sure that it has enough call handlers on every shift; and</li>"
            "<li>make sure that it reviews abandoned calls daily.</li></ul>"
            + _note("Area for improvement", "<strong>The force needs to improve its crime data</strong>",
                    "The force should make sure that it records crimes when they are reported."))
    r = findings_from_html(html, forces=[WMP])
    assert len(cocs(r)) == 1 and cocs(r)[0].title == "The force is too slow to answer 999 calls"
    # counting-rules.md R3: "the force should:" + bullets is one recommendation with parts
    assert len(recs(r)) == 1
    assert recs(r)[0].text.endswith("make sure that it reviews abandoned calls daily.")
    assert [a.text for a in afis(r)] == ["The force should make sure that it records crimes when they are reported."]


def test_a_box_does_not_continue_the_finding_before_it():
    html = ("<main><h3>Recommendations</h3><p>By June 2026, the force should:</p>"
            "<ul><li>publish its plan.</li></ul>"
            + _note("This plan should be shared with the public, the chief inspector said.") + "</main>")
    r = findings_from_html(html, forces=[WMP])
    assert [f.text for f in recs(r)] == ["By June 2026, the force should: publish its plan."]


def test_same_level_titles_under_an_areas_for_improvement_heading():
    html = ("<h2>Responding to the public</h2><h3>Areas for improvement</h3>"
            "<h3>The force needs to improve how it answers non-emergency calls from the public</h3>"
            "<p>The force should answer more non-emergency calls.</p>"
            "<h3>The force needs to improve call-backs</h3><p>The force should call victims back when promised.</p>"
            "<p>We saw some good work in the control room.</p>"
            "<h2>Investigating crime</h2><h3>Area for improvement</h3>"
            "<h3>The force needs to improve its handling of its investigation backlog</h3>"
            "<p>The force should allocate investigations promptly.</p>")
    r = findings_from_html(html, forces=[WMP])
    assert [a.title for a in afis(r)] == [
        "The force needs to improve how it answers non-emergency calls from the public",
        "The force needs to improve call-backs",
        "The force needs to improve its handling of its investigation backlog"]
    assert [a.text for a in afis(r)] == [
        "The force should answer more non-emergency calls.",
        "The force should call victims back when promised.",
        "The force should allocate investigations promptly."]


def test_run_of_inherited_titles_ends_at_a_section_without_a_finding():
    html = ("<h2>Leadership</h2><h3>Areas for improvement</h3>"
            "<h3>The force needs to improve its vetting</h3><p>The force should vet all staff on time.</p>"
            "<h3>Wellbeing</h3><p>Staff told us they felt supported.</p>"
            "<h3>Training</h3><p>The force should be proud of its training record.</p>")
    r = findings_from_html(html, forces=[WMP])
    assert [a.text for a in afis(r)] == ["The force should vet all staff on time."]


def test_heading_after_a_filled_findings_section_is_a_new_section():
    html = ("<h2>Recommendations</h2><ol><li>By 2026, chief constables should act on data.</li></ol>"
            "<h2>Introduction</h2><p>The Home Office should note that this is prose.</p>")
    assert len(recs(findings_from_html(html))) == 1


def test_pdf_label_line_then_title_line_then_should_text():
    text = ("Responding to the public\n"
            "We found that the force answers most emergency calls quickly but it is slow to answer\n"
            "non-emergency calls and many callers give up before their call is answered at all.\n"
            "Recommendations\n"
            "Within six months, the force should:\n"
            "• make sure that it answers non-emergency calls within its own standard.\n"
            "Area for improvement\n"
            "The force needs to improve how it records equality data\n"
            "The force should make sure that officers record ethnicity in every stop and search.\n"
            "Area for improvement\n"
            "The force needs to improve its victim updates\n"
            "The force should make sure that victims are updated when it has said it would.\n")
    r = findings_from_text(text, source="pdf", forces=[WMP])
    assert len(recs(r)) == 1
    assert [a.title for a in afis(r)] == ["The force needs to improve how it records equality data",
                                         "The force needs to improve its victim updates"]
    assert afis(r)[0].text == "The force should make sure that officers record ethnicity in every stop and search."


# --------------------------------------------------------------------------- table boxes


def test_cause_of_concern_in_a_one_cell_table_box_with_its_recommendation():
    html = ("<main><h2>Protecting people</h2><p>We reviewed forty cases of domestic abuse.</p>"
            "<table class='shaded'><tr><td><p><b>Cause of concern</b></p>"
            "<p>The force does not assess risk to domestic abuse victims consistently.</p>"
            "<p><b>Recommendation(s)</b></p>"
            "<p>By 30 November 2026, the force should make sure every victim has a risk assessment.</p>"
            "</td></tr></table><p>Officers said the Home Office should simplify forms.</p></main>")
    r = findings_from_html(html, forces=[WMP])
    assert [c.text for c in cocs(r)] == ["The force does not assess risk to domestic abuse victims consistently."]
    assert [f.text for f in recs(r)] == [
        "By 30 November 2026, the force should make sure every victim has a risk assessment."]
    assert to_cc(r) == 1


def test_should_colon_list_in_a_table_box_is_one_recommendation_with_parts():
    # counting-rules.md R3: a sentence ending in a colon and continued in bullets is ONE
    # recommendation, whether the colon follows "should" or "make sure that"
    html = ("<main><h2>Summary</h2><table><tr><td><p><b>Recommendations</b></p>"
            "<p>By 31 January 2027, chief constables should:</p>"
            "<ul><li>appoint a lead for hate crime;</li><li>train call handlers in hate crime;</li>"
            "<li>audit hate crime outcomes.</li></ul>"
            "<p>By 31 January 2027, the College of Policing should make sure that:</p>"
            "<ul><li>its hate crime guidance is current; and</li><li>it is tested with victims.</li></ul>"
            "</td></tr></table></main>")
    r = findings_from_html(html)
    assert len(recs(r)) == 2 and to_cc(r) == 1
    assert recs(r)[0].text == ("By 31 January 2027, chief constables should: appoint a lead for hate crime; "
                               "train call handlers in hate crime; audit hate crime outcomes.")
    assert recs(r)[1].addressees == ["College of Policing"]


def test_should_colon_heading_groups_numbered_recommendations_by_addressee():
    # a heading "X should:" is not a sentence but a group title: each numbered item under
    # it is its own recommendation (R3: one numbered finding is one finding), ul or ol
    for tag in ("ol", "ul"):
        html = (f"<main><h2>Recommendations</h2><h3>Chief constables should:</h3><{tag}>"
                "<li>by June 2026, publish their bail data;</li><li>train custody officers in bail.</li>"
                f"</{tag}><h3>The Home Office should:</h3><{tag}><li>issue bail guidance.</li></{tag}></main>")
        r = findings_from_html(html)
        assert len(recs(r)) == 3 and to_cc(r) == 2, tag


def test_bold_recommendation_labels_inside_a_table_box():
    html = ("<main><h2>Our recommendations</h2><table><tr><td>"
            "<p><b>Recommendation 1</b> By June 2026, chief constables should publish their bail data.</p>"
            "<p><b>Recommendation 2</b> The NPCC lead for bail should write national bail guidance.</p>"
            "<p><b>Recommendation 3</b> Police and crime commissioners should scrutinise bail decisions.</p>"
            "</td></tr></table></main>")
    r = findings_from_html(html)
    assert [f.number for f in recs(r)] == [1, 2, 3]
    assert [f.addressees for f in recs(r)] == [
        [CHIEF_CONSTABLES], ["National Police Chiefs' Council"], ["police and crime commissioners"]]
    assert to_cc(r) == 1


@pytest.mark.parametrize("label", ["<h3>Cause of concern and recommendations</h3>",
                                   "<p><strong>Cause of concern and recommendation</strong></p>",
                                   "<p>Cause of concern with recommendations:</p>"])
def test_combined_cause_of_concern_and_recommendations_label(label):
    html = ("<main><h2>Vetting</h2><p>We examined the force's vetting files.</p>" + label
            + "<p>The force is not vetting new officers before they start work.</p>"
            "<p>By 31 August 2026, the force should vet every officer before appointment.</p>"
            "<p>By 31 August 2026, the force should audit its vetting backlog.</p>"
            "<h2>Training</h2><p>The Home Office should note that this is prose.</p></main>")
    r = findings_from_html(html, forces=[WMP])
    assert [c.text for c in cocs(r)] == ["The force is not vetting new officers before they start work."]
    assert len(recs(r)) == 2 and to_cc(r) == 2


def test_pdf_combined_cause_of_concern_and_recommendation_line():
    text = ("Vetting\n"
            "Cause of concern and recommendations\n"
            "The force is not vetting new officers before they start work.\n"
            "By 31 August 2026, the force should vet every officer before appointment.\n")
    r = findings_from_text(text, source="pdf", forces=[WMP])
    assert len(cocs(r)) == 1 and len(recs(r)) == 1


# --------------------------------------------------------------------------- footnotes


def test_footnotes_and_reported_guidance_are_not_findings():
    html = ("<main><h2>Recommendations</h2>"
            "<p>By 31 May 2026, chief constables should publish their use-of-force data.<sup>3</sup></p>"
            "<p><sup>3</sup> The Home Office says forces should publish data every quarter.</p>"
            "<p><a href='#r4'><sup>[4]</sup></a> Forces should read the national code.</p>"
            "<p>The code of practice states that officers should explain the grounds for a search.</p>"
            "<ol><li>Chief constables should keep records. <a href='#cite-5'>↩</a></li></ol>"
            "<div role='doc-endnotes'><p>The College of Policing should be consulted, its guidance notes.</p></div>"
            "<aside role='doc-footnote'><p>Forces should see annex B.</p></aside>"
            "<h2>Footnotes</h2><p>6. Police and crime commissioners should read the protocol.</p></main>")
    r = findings_from_html(html)
    assert [f.text for f in recs(r)] == ["By 31 May 2026, chief constables should publish their use-of-force data.3"]


def test_a_footnote_does_not_end_the_finding_it_follows():
    html = ("<main><h3>Recommendation 1</h3><p><sup>1</sup> See our 2022 report.</p>"
            "<p>By 2027, the College of Policing should revise its guidance.</p></main>")
    r = findings_from_html(html)
    assert [f.text for f in recs(r)] == ["By 2027, the College of Policing should revise its guidance."]


def test_pdf_footnote_reporting_guidance_is_not_a_finding():
    text = ("Recommendations\n"
            "By 30 June 2026, forces should record the reason for every search.\n"
            "2 National guidance says scrutiny panels should include young people.\n")
    r = findings_from_text(text, source="pdf")
    assert len(recs(r)) == 1 and to_cc(r) == 1


# --------------------------------------------------------------------------- label paragraph + title heading


def test_paragraph_label_then_deeper_title_heading_in_a_plain_div():
    """<p>Area for improvement</p><h4>title</h4><p>text</p> in a div that is not a box: the h4
    is the label's title, not a new section that swallows the label."""
    box = ('<div class="x"><p>Area for improvement</p><h4>{t}</h4>'
           '<p>The force should {v}.</p></div>')
    html = ("<main><h2>Summary</h2><p>We have identified three areas for improvement:</p>"
            "<ul><li>Bail management</li><li>Digital evidence</li><li>Officer wellbeing</li></ul>"
            "<h2>Investigation</h2><p>Bail was often allowed to lapse.</p>"
            + box.format(t="Bail management", v="review how it uses pre-charge bail")
            + box.format(t="Digital evidence", v="reduce the backlog of phones awaiting download")
            + "<h2>Workforce</h2>"
            + box.format(t="Officer wellbeing", v="monitor the workload of its investigators")
            + "</main>")
    r = findings_from_html(html, forces=[WMP])
    assert [f.title for f in afis(r)] == ["Bail management", "Digital evidence", "Officer wellbeing"]
    assert afis(r)[1].text.startswith("The force should reduce the backlog")
    assert not r.warnings


def test_paragraph_label_cause_of_concern_with_title_then_recommendations():
    html = """<main><h2>Neighbourhood policing</h2>
    <p>Cause of concern</p><h4>Problem-solving</h4>
    <p>The force doesn't give its neighbourhood teams the time to solve local problems.</p>
    <h4>Recommendations</h4><ol>
    <li>By 30 June 2026, the force should protect neighbourhood officers from being moved to response.</li>
    <li>By 30 June 2026, the force should train its neighbourhood teams in problem-solving.</li></ol>
    </main>"""
    r = findings_from_html(html, forces=[WMP])
    assert len(cocs(r)) == 1 and cocs(r)[0].title == "Problem-solving"
    assert cocs(r)[0].text.startswith("The force doesn't give")
    assert len(recs(r)) == 2


def test_paragraph_label_with_nothing_under_it_does_not_take_the_next_chapter():
    html = """<main><h2>One</h2><p>Area for improvement</p><h2>Two</h2>
    <p>The force answers calls quickly.</p></main>"""
    r = findings_from_html(html, forces=[WMP])
    assert afis(r) == []


def test_summary_list_of_cause_of_concern_titles_counts_once_with_chapters():
    html = """<main><h2>Overview</h2><h3>Causes of concern</h3>
    <ul><li>Managing sex offenders</li><li>Answering 101 calls</li></ul>
    <h2>Offender management</h2><h3>Cause of concern: Managing sex offenders</h3>
    <p>The force has a backlog of overdue visits to registered sex offenders.</p>
    <h4>Recommendation 1</h4><p>By 31 May 2026, the force should clear its backlog of visits.</p>
    <h2>Contact</h2><h3>Cause of concern: Answering 101 calls</h3>
    <p>Callers to the non-emergency number wait too long.</p>
    <h4>Recommendation 2</h4><p>By 31 May 2026, the force should answer non-emergency calls promptly.</p>
    </main>"""
    r = findings_from_html(html, forces=[WMP])
    assert [f.title for f in cocs(r)] == ["Managing sex offenders", "Answering 101 calls"]
    assert cocs(r)[0].text.startswith("The force has a backlog")
    assert len(recs(r)) == 2


def test_summary_list_of_cause_of_concern_titles_alone_still_counts():
    html = """<main><h2>Summary</h2><h3>Causes of concern</h3>
    <ul><li>Managing sex offenders</li><li>Answering 101 calls</li></ul>
    <p>We set these out in full in the force's action plan.</p></main>"""
    r = findings_from_html(html, forces=[WMP])
    assert [f.title for f in cocs(r)] == ["Managing sex offenders", "Answering 101 calls"]


def test_cause_of_concern_statements_in_a_list_still_count():
    html = """<main><h2>Causes of concern</h2><ul>
    <li>The force does not manage the risk posed by registered sex offenders.</li>
    <li>The force does not answer non-emergency calls promptly.</li></ul></main>"""
    r = findings_from_html(html, forces=[WMP])
    assert len(cocs(r)) == 2


@pytest.mark.parametrize("heading", [
    "Recommendations made in 2022",
    "Areas for improvement identified in March 2021",
    "Our 2022 recommendations",
    "Recommendations from our previous inspection",
])
def test_heading_naming_earlier_findings_opens_a_review_section(heading):
    html = f"""<main><h2>Background</h2><h3>{heading}</h3>
    <blockquote><p>By 30 September 2023, the service should review its on-call availability.</p>
    <p>By 30 September 2023, the service should train its crews in water rescue.</p></blockquote>
    <h2>What we found</h2><p>Both have been completed.</p></main>"""
    r = findings_from_html(html)
    assert r.findings == []


def test_report_saying_it_makes_no_new_recommendations_counts_none_of_its_quotes():
    html = """<main><h2>The earlier findings</h2><h3>What we asked the service to do</h3>
    <blockquote><p>By 30 September 2023, the service should review its on-call availability.</p>
    <p>By 30 September 2023, the service should train its crews in water rescue.</p></blockquote>
    <h2>Conclusion</h2><p>The service has done what we asked. We make no new recommendations.</p></main>"""
    r = findings_from_html(html)
    assert recs(r) == []
    assert any("no new recommendations" in w for w in wtexts(r))


def test_no_recommendations_to_one_body_is_not_a_report_wide_none():
    html = """<main><h2>Recommendations</h2>
    <p>We make no recommendations to the Home Office.</p>
    <ol><li>By 31 March 2026, chief constables should publish their stalking data.</li></ol></main>"""
    r = findings_from_html(html)
    assert len(recs(r)) == 1
