"""The section walker's steps (watcher/parse/recognisers/): each reads one layout.

Each test reads one small hand-written page through `findings_from_html` and checks which
step's evidence the walker's candidates carry, and that the step is registered.
"""

from watcher.parse import recognisers
from watcher.parse.blocks import html_to_blocks
from watcher.parse.findings import _extract, findings_from_html


def read_by(html: str) -> set[str]:
    """The names of the recognisers whose candidates (findings and summary titles) the walker kept."""
    st = _extract(html_to_blocks(html), ())
    return {c.recogniser for c in st.cands + st.titles}


def test_steps_are_registered_in_reading_order():
    # every step named in READING_ORDER is registered once, and they run in that order
    assert [s.name for s in recognisers.STEPS] == list(recognisers.READING_ORDER)


TABLE = """<h2>Recommendations</h2>
<table><tr><th>Recommendation</th><th>Owner</th><th>Deadline</th></tr>
<tr><td>1. Review the way calls are graded and answered at peak times</td><td>Chief constables</td><td>By 31 March 2026</td></tr>
<tr><td>2. Publish a plan for training every call handler in risk assessment</td><td>College of Policing</td><td>By 30 June 2026</td></tr>
</table>"""


def test_findings_table_reads_one_finding_per_row_with_its_owner():
    r = findings_from_html(TABLE)
    recs = [f for f in r.findings if f.kind == "recommendation"]
    assert [f.number for f in recs] == [1, 2]
    assert recs[0].text.startswith("Review the way calls")
    assert recs[1].addressees == ["College of Policing"]
    assert read_by(TABLE) == {"table"}


def test_a_status_table_is_a_review_not_findings():
    html = TABLE.replace("<th>Deadline</th>", "<th>Status</th>")
    assert [f for f in findings_from_html(html).findings if f.kind == "recommendation"] == []


def test_status_paragraph_turns_a_quoted_recommendation_into_a_review():
    html = """<h2>Recommendation 1</h2>
<p>By 31 March 2026, chief constables should make sure that stalking is recorded correctly.</p>
<p>Status: Incomplete. Forces have not yet changed their recording practice.</p>
<h2>Recommendation 2</h2>
<p>By 31 March 2026, chief constables should publish their stalking data every quarter.</p>"""
    texts = [f.text for f in findings_from_html(html).findings]
    assert len(texts) == 1 and texts[0].endswith("publish their stalking data every quarter.")
    assert "status" in [s.name for s in recognisers.STEPS]


LEAD_IN = """<h2>Recommendations</h2>
<h3>By 30 September 2026, chief constables should:</h3>
<ol><li>make sure that every victim of stalking is offered a risk assessment;</li>
<li>publish how many stalking protection orders they applied for; and</li>
<li>the College of Policing should update its guidance on stalking.</li></ol>"""


def test_lead_in_items_are_one_finding_each_with_the_lead_in_subject():
    recs = [f for f in findings_from_html(LEAD_IN).findings if f.kind == "recommendation"]
    assert len(recs) == 3
    assert recs[0].text.startswith("By 30 September 2026, chief constables should: make sure")
    assert recs[0].applies_to_chief_constables
    assert recs[2].addressees == ["College of Policing"]
    assert read_by(LEAD_IN) == {"lead_in"}


def test_a_bold_label_opens_a_finding_and_a_year_label_is_a_review():
    html = """<p><strong>Recommendation 1:</strong> By 31 March 2026, chief constables should
make sure that stalking is recorded correctly.</p>
<p><strong>Recommendation 2 (2023):</strong> Chief constables should review their stalking data.</p>"""
    recs = [f for f in findings_from_html(html).findings if f.kind == "recommendation"]
    assert [(f.number, f.text[:24]) for f in recs] == [(1, "By 31 March 2026, chief ")]
    assert read_by(html) == {"labelled_text"}
    assert {"labelled_text", "review", "stated"} <= {s.name for s in recognisers.STEPS}


def test_stated_numbers_are_read_as_witnesses_not_findings():
    html = """<p>We make no recommendations in this report.</p>
<p>Forces should share what they learn with each other.</p>"""
    st = _extract(html_to_blocks(html), ())
    assert "recommendation" in st.none_made
    assert st.cands == []


def test_a_finding_ending_in_a_colon_takes_its_items_as_parts():
    html = """<h2>Areas for improvement</h2>
<p>The force should improve how it supervises investigations by:</p>
<ul><li>checking that each plan is reviewed within a week;</li><li>recording why a case was closed.</li></ul>
<p>The force should make sure victims are updated every 28 days.</p>"""
    afis = [f for f in findings_from_html(html, forces=("Kent Police",)).findings
            if f.kind == "area_for_improvement"]
    assert len(afis) == 2
    assert afis[0].text.endswith("reviewed within a week; recording why a case was closed.")
    assert "parts" in [s.name for s in recognisers.STEPS]


def test_recommendations_under_a_cause_of_concern_are_its_recommendations():
    html = """<h2>Cause of concern: Responding to the public</h2>
<p>The force is not answering emergency calls quickly enough.</p>
<h3>Recommendations</h3>
<p>Within three months, the force should make sure it has enough call handlers.</p>
<p>The force should monitor how long callers wait to be answered.</p>"""
    r = findings_from_html(html, forces=("Kent Police",))
    kinds = sorted(f.kind for f in r.findings)
    assert kinds.count("recommendation") == 2
    assert "cause_of_concern" in [s.name for s in recognisers.STEPS]


def test_a_list_of_causes_of_concern_reads_one_per_item():
    html = """<h2>Causes of concern</h2>
<ul><li>the force does not understand the demand it faces from domestic abuse cases</li>
<li>victims are too often left without an update on their case for many weeks</li></ul>"""
    cocs = [f for f in findings_from_html(html, forces=("Kent Police",)).findings if f.kind == "cause_of_concern"]
    assert len(cocs) == 2
    assert read_by(html) == {"cause_of_concern"}


def test_should_sentences_under_an_afi_heading_are_areas_for_improvement():
    html = """<h2>Areas for improvement</h2>
<h3>Call handling</h3>
<p>The force should make sure that it answers non-emergency calls promptly.</p>
<h3>Vetting</h3>
<p>The force should make sure that all its staff hold the right level of vetting.</p>"""
    afis = [f for f in findings_from_html(html, forces=("Kent Police",)).findings
            if f.kind == "area_for_improvement"]
    assert [f.title for f in afis] == ["Call handling", "Vetting"]
    assert read_by(html) == {"findings_list"}


def test_a_dated_recommendation_standing_on_its_own():
    html = """<h2>Our findings</h2>
<p>By 31 March 2026, chief constables should make sure that stalking is recorded correctly.</p>
<p>Forces told us that recording stalking is difficult.</p>"""
    recs = [f for f in findings_from_html(html).findings if f.kind == "recommendation"]
    assert len(recs) == 1 and recs[0].applies_to_chief_constables
    assert read_by(html) == {"dated"}


def test_section_headings_skip_reviews_and_practice_and_label_findings():
    html = """<h2>Progress against our 2023 recommendations</h2>
<p>By 31 March 2024, chief constables should have reviewed their stalking policies.</p>
<h2>Promising practice</h2>
<p>By 31 March 2024, chief constables should copy what Kent Police does.</p>
<h2>Our new recommendations</h2>
<h3>Recommendation 1</h3>
<p>By 31 March 2026, chief constables should make sure that stalking is recorded correctly.</p>"""
    recs = [f for f in findings_from_html(html).findings if f.kind == "recommendation"]
    assert [(f.number, f.text.endswith("recorded correctly.")) for f in recs] == [(1, True)]
    assert read_by(html) == {"labelled_heading"}
