"""General reading rules found on a blind theme, each held by a hand-written snippet
(docs/counting-rules.md R2, R3 and "Doubt"): a label is a label whatever element carries
it and however it is cased; a bare label over labels of its own kind is a section; the
counts of one statement are all stated; a contents list is not content; another report's
total is not this report's."""

from __future__ import annotations

from watcher.parse.blocks import html_to_blocks
from watcher.parse.findings import findings_from_html, findings_from_text

KENT = "Kent Police"


def _kinds(r):
    return [f.kind for f in r.findings]


def _card(label: str, title: str, text: str) -> str:
    return (f'<div class="note"><span class="note__label">{label}</span>'
            f'<p class="note__lead"><strong>{title}</strong></p><p>{text}</p></div>')


CARDS = ("<main><h1>Kent Police: national child protection inspection</h1><h2>Referrals</h2>"
         "<p>Referrals were made promptly in most cases.</p>"
         + _card("AREA FOR IMPROVEMENT", "The voice of the child",
                 "The force should improve how it records the voice of the child.")
         + "<p>Some strategy discussions were delayed.</p>"
         + _card("Area for improvement", "Strategy discussions",
                 "The force should hold strategy discussions promptly.")
         + "</main>")


def test_a_label_in_a_bare_span_heads_its_card_in_any_case():
    heads = [b.text for b in html_to_blocks(CARDS) if b.kind == "heading"]
    assert "AREA FOR IMPROVEMENT" in heads and "Area for improvement" in heads
    for forces in ((KENT,), ()):  # read as labelled findings, not as unlabelled "force should"s
        r = findings_from_html(CARDS, forces=forces)
        assert _kinds(r) == ["area_for_improvement"] * 2
        assert [f.title for f in r.findings] == ["The voice of the child", "Strategy discussions"]
        assert r.warnings == []


def test_a_cause_of_concern_card_with_span_labels_and_its_recommendations():
    html = ('<main><h1>Kent Police: inspection</h1><h2>Missing children</h2><div class="note">'
            '<span class="lbl">CAUSE OF CONCERN</span><p><strong>Missing children</strong></p>'
            "<p>The force does not adequately assess the risk to children who go missing.</p>"
            '<p class="sub">RECOMMENDATIONS</p>'
            '<div><span class="lbl">RECOMMENDATION 1</span><p>Within three months, the force should '
            "review every missing child report.</p></div>"
            '<div><span class="lbl">RECOMMENDATION 2</span><p>Within six months, the chief constable should '
            "make sure that return home interviews are held.</p></div></div></main>")
    r = findings_from_html(html, forces=(KENT,))
    assert _kinds(r) == ["cause_of_concern", "recommendation", "recommendation"]
    assert r.warnings == []


def test_an_unattached_label_still_names_its_kind():
    html = ("<main><h1>Custody review</h1><h2>Findings</h2><p>Custody was mostly safe.</p>"
            "<ul><li>AREA FOR IMPROVEMENT</li></ul><p>Detainees waited too long for a nurse.</p></main>")
    (w,) = findings_from_html(html).warnings
    assert (w.kind, w.field, w.found) == ("kind_named_none_read", "areas_for_improvement", 0)
    # a list naming the sections of a report is not a label
    tabs = "<main><h1>Custody review</h1><ul><li>Summary</li><li>Areas for improvement</li></ul><p>Safe.</p></main>"
    assert findings_from_html(tabs).warnings == []


def test_every_count_of_one_statement_is_a_witness():
    html = ("<main><h1>Kent Police: inspection</h1><h2>Summary</h2><p>We have identified one cause of "
            "concern, with two recommendations, and four areas for improvement.</p></main>")
    got = {w.field: w.expected for w in findings_from_html(html, forces=(KENT,)).warnings}
    assert got == {"causes_of_concern": 1, "recommendations": 2, "areas_for_improvement": 4}
    recs = "".join(f"<p>Recommendation {i}</p><p>By 31 May 2026, {who} should review x{i}.</p>"
                   for i, who in enumerate(("chief constables", "the Home Office", "the Home Office"), 1))
    part = ("<main><h2>Summary</h2><p>We have identified one cause of concern, and two recommendations to the "
            "Home Office.</p><h2>Cause of concern</h2><p>The service does not vet its staff.</p>"
            f"<h2>Recommendations</h2>{recs}</main>")
    r = findings_from_html(part)
    assert len(r.findings) == 4 and r.warnings == []  # "two ... to the Home Office" is a part, not a total


def test_a_bare_label_over_labels_of_its_kind_is_a_section_and_reader_notes_are_not_findings():
    html = ("<main><h1>Kent Police: inspection</h1><h2>Cause of concern</h2>"
            "<p>Select each heading to see the detail.</p>"
            "<details><summary>Cause of concern: Responding to the public</summary>"
            "<p>The force does not answer calls from the public quickly enough.</p>"
            "<h4>Recommendation 1</h4><p>Within three months, the force should answer emergency calls "
            "within ten seconds.</p></details>"
            "<h2>Investigations</h2><p>Investigations were thorough.</p></main>")
    r = findings_from_html(html, forces=(KENT,))
    assert _kinds(r) == ["cause_of_concern", "recommendation"]
    assert r.findings[0].text.startswith("The force does not answer")
    intro = html.replace("Select each heading to see the detail.", "This section sets out what we found.")
    assert _kinds(findings_from_html(intro, forces=(KENT,))) == ["cause_of_concern", "recommendation"]
    # a single "Cause of concern" heading over its own text is still one finding
    one = ("<main><h1>Kent Police: inspection</h1><h2>Cause of concern</h2><p>Click on a heading to expand it.</p>"
           "<p>The force does not answer calls quickly enough.</p><h2>Next steps</h2><p>We will revisit.</p></main>")
    r = findings_from_html(one, forces=(KENT,))
    assert _kinds(r) == ["cause_of_concern"] and r.findings[0].text.startswith("The force does not")


PDF_PAGES = [
    "Raising standards\nContents\nForeword\nSummary\n1. Introduction\n2. Recommendations\nAnnex A: Data",
    "Foreword\nThe public must be able to trust the people who police them.\nIn 2022 we published a report on "
    "vetting.\nWe made 43 recommendations. Since then, forces have dismissed officers who should never have "
    "been recruited.",
    "Summary\nWe make two recommendations.\n1. Introduction\nVetting is governed by a code of practice.",
    "2. Recommendations\nRecommendation 1\nBy 31 October 2025, chief constables should record the rationale "
    "for every vetting decision.\nRecommendation 2\nBy 31 March 2026, the College of Policing should amend "
    "its guidance on aftercare.",
    "Annex A: Data\nFigures are for eight forces.",
]


def test_a_pdf_contents_list_without_page_numbers_is_not_content_and_an_earlier_total_is_not_stated():
    r = findings_from_text("\f".join(PDF_PAGES), source="pdf")
    assert [f.number for f in r.findings] == [1, 2]
    assert [f.applies_to_chief_constables for f in r.findings] == [True, False]
    assert r.warnings == []  # "We made 43" closes on "In 2022 we published a report": not this report's


def test_a_past_total_after_a_present_paragraph_is_still_stated():
    html = ("<main><h1>Kent Police: inspection</h1><h2>Summary</h2><p>We inspected the force's response.</p>"
            "<p>We have identified three areas for improvement.</p></main>")
    (w,) = findings_from_html(html, forces=(KENT,)).warnings
    assert (w.kind, w.expected, w.found) == ("stated_count", 3, 0)


def test_a_summary_list_that_is_the_only_place_the_afis_are_given_in_full_is_read():
    """"We have identified the following areas for improvement:" and a list, with no chapter
    repeating them: the list items are the AFIs, given to the force (R7)."""
    html = ("<main><h1>West Midlands Police: inspection</h1><h2>Summary</h2>"
            "<p>We have identified the following areas for improvement:</p><ul>"
            "<li>The force should improve how it records the voice of the child.</li>"
            "<li>The force should make sure that officers attend missing child reports promptly.</li>"
            "</ul><h2>Chapter 1</h2><p>We found that officers were committed.</p></main>")
    r = findings_from_html(html, forces=["West Midlands Police"])
    afis = [f for f in r.findings if f.kind == "area_for_improvement"]
    assert [f.text for f in afis] == [
        "The force should improve how it records the voice of the child.",
        "The force should make sure that officers attend missing child reports promptly."]
    assert all(f.force == "West Midlands Police" for f in afis)
