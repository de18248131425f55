"""The reading engine's parts: the structure stage, the recognisers, the witnesses and
the PDF as a second witness (docs/counting-rules.md R3, R7, R8 and "Doubt")."""

from __future__ import annotations

from core.models import Document, Finding, ParsedFindings, ParseWarning, Publication, warning_text
from watcher.parse import recognisers
from watcher.parse.blocks import html_to_blocks
from watcher.parse.extract import DocumentsRead, PageRead, assemble, needs_pdf_witness
from watcher.parse.findings import findings_from_html, findings_from_text
from watcher.parse.structure import build

WMP = "West Midlands Police"
TITLES = ["Identifying children at risk", "Sharing information with partners", "Recording the voice of the child",
          "Supervising investigations", "Managing registered sex offenders", "Training for call handlers",
          "Using police protection powers"]


def afis(r):
    return [f for f in r.findings if f.kind == "area_for_improvement"]


def kinds_of(r):
    return [w.kind for w in r.warnings]


def _summary_report(titles, intro="We have identified the following areas for improvement:"):
    items = "".join(f"<li>{t}</li>" for t in titles)
    return (f"<main><h1>West Midlands Police: national child protection inspection</h1><h2>Summary</h2>"
            f"<p>We found that the force works well with its partners.</p><p>{intro}</p><ul>{items}</ul>"
            "<h2>Initial contact</h2><p>Call handlers identify most children at risk.</p></main>")


# --------------------------------------------------------------------------- structure


def test_structure_nests_sections_and_keeps_box_headings_inside_the_box():
    blocks = html_to_blocks("<main><h2>Summary</h2><p>a</p><aside><h3>Promising practice</h3><p>b</p></aside>"
                            "<p>c</p><h3>Progress against our 2021 recommendations</h3><p>d</p></main>")
    root, of = build(blocks)
    assert [s.heading for s in root.children] == ["Summary"]
    by_text = {b.text: of[i] for i, b in enumerate(blocks)}
    assert by_text["b"].not_findings and not by_text["a"].not_findings
    assert by_text["c"].heading == "Summary"  # the box's heading did not outlive it
    assert by_text["d"].reviewing and by_text["d"].where() == (
        "section 'Summary > Progress against our 2021 recommendations'")


# --------------------------------------------------------------------------- recognisers


def test_every_recogniser_has_a_name_and_gives_its_evidence():
    names = [r.name for r in recognisers.REGISTRY]
    assert len(names) == len(set(names)) and {"summary_list", "force_should"} <= set(names)
    doc = recognisers.Doc(html_to_blocks(_summary_report(TITLES[:2])), (WMP,))
    cands = recognisers.run(doc, ("summary_list",))
    assert [c.text for c in cands] == TITLES[:2]
    assert all(c.recogniser == "summary_list" and "Summary'" in c.where for c in cands)


def test_summary_list_is_the_findings_when_nothing_else_reads_them():
    # the child protection report that once read 0 instead of 7, in silence
    r = findings_from_html(_summary_report(TITLES), forces=[WMP])
    assert [f.title for f in afis(r)] == TITLES
    assert all(f.force == WMP for f in afis(r))  # R7
    assert r.warnings == []


def test_summary_list_titles_match_the_chapters_without_counting_twice():
    chapters = "".join(f"<h2>{t}</h2><h3>Area for improvement</h3><p>The force should improve {t.lower()}.</p>"
                       for t in TITLES[:3])
    html = _summary_report(TITLES[:3]).replace("</main>", chapters + "</main>")
    r = findings_from_html(html, forces=[WMP])
    assert len(afis(r)) == 3 and r.warnings == []


def test_summary_list_that_disagrees_with_the_chapters_is_a_typed_warning():
    chapters = "".join(f"<h2>{t}</h2><h3>Area for improvement</h3><p>The force should improve {t.lower()}.</p>"
                       for t in TITLES[:2])
    html = _summary_report(TITLES[:3]).replace("</main>", chapters + "</main>")
    r = findings_from_html(html, forces=[WMP])
    assert len(afis(r)) == 2
    w = next(w for w in r.warnings if w.kind == "summary_list")
    assert (w.field, w.expected, w.found) == ("areas_for_improvement", 3, 2)
    assert "Summary" in w.where


def test_summary_intro_after_another_kind_names_the_right_kind():
    intro = ("We have identified one cause of concern, and we have made two recommendations to address it. "
             "We have also found three areas for improvement:")
    r = findings_from_html(_summary_report(TITLES[:3], intro), forces=[WMP])
    assert len(afis(r)) == 3 and [f for f in r.findings if f.kind == "recommendation"] == []


def test_unlabelled_force_should_paragraphs_in_a_force_report():
    html = ("<main><h2>Responding to the public</h2><p>The force answers most calls quickly.</p>"
            "<p>The force should make sure it answers non-emergency calls within its own target.</p>"
            "<h2>Investigating crime</h2><p>West Midlands Police should allocate investigations promptly.</p>"
            "<p>Home Office guidance says the force should review cases monthly.</p></main>")
    r = findings_from_html(html, forces=[WMP])
    assert len(afis(r)) == 2
    assert kinds_of(r) == ["unlabelled_reading"]  # no witness confirms the reading: a doubt
    confirmed = findings_from_html(html.replace("<main>", "<main><p>We have identified two areas for improvement.</p>"),
                                   forces=[WMP])
    assert len(afis(confirmed)) == 2 and confirmed.warnings == []


def test_unlabelled_force_should_is_not_read_in_a_national_report():
    html = "<main><h2>Findings</h2><p>The force should make sure it answers calls.</p></main>"
    assert findings_from_html(html).findings == []


def test_definition_list_of_findings():
    html = ("<main><h2>Areas for improvement</h2><dl><dt>Area for improvement 1</dt>"
            "<dd>The force should improve call handling.</dd><dt>Area for improvement 2</dt>"
            "<dd>The force should record crime accurately.</dd></dl></main>")
    r = findings_from_html(html, forces=[WMP])
    assert [f.number for f in afis(r)] == [1, 2] and r.warnings == []


def test_accordion_of_recommendations():
    html = ("<main><h2>Recommendations</h2>"
            "<details><summary>Recommendation 1</summary><p>By June 2026, chief constables should publish data.</p></details>"
            "<details><summary>Recommendation 2</summary><p>By June 2026, the Home Office should fund units.</p></details></main>")
    r = findings_from_html(html)
    assert [f.number for f in r.findings] == [1, 2] and r.warnings == []


# --------------------------------------------------------------------------- witnesses


def test_report_naming_its_afis_with_none_read_is_a_doubt():
    html = ("<main><h2>Summary</h2><p>The areas for improvement we have identified are set out in the full report.</p>"
            "</main>")
    r = findings_from_html(html, forces=[WMP])
    (w,) = r.warnings
    assert (w.kind, w.field, w.found) == ("kind_named_none_read", "areas_for_improvement", 0)
    assert "Summary" in w.where


def test_organisation_totals_are_not_this_reports_numbers():
    html = ("<main><h2>Our performance last year</h2><p>We identified 19 causes of concern.</p>"
            "<h2>Performance</h2><p>In 2024 to 2025 we published 87 reports. We made 214 recommendations and "
            "identified 1,032 areas for improvement.</p></main>")
    assert findings_from_html(html).warnings == []


# --------------------------------------------------------------------------- the PDF as a second witness


def _pub(type_="National child protection inspection", forces=(WMP,), docs=("html", "pdf"), title=None):
    documents = [Document(url=f"https://x/report.{k}", title="report", kind=k) for k in docs]
    return Publication(url="https://x/p/", slug="p", title=title or f"{WMP}: national child protection inspection",
                       published="2025-11-20", type=type_, forces=list(forces), documents=documents)


def _pdf_reading(n):
    text = "Areas for improvement\n" + "\n".join(f"Area for improvement {i + 1}\nThe force should improve "
                                                  f"{t.lower()}." for i, t in enumerate(TITLES[:n]))
    return findings_from_text(text, source="pdf", forces=[WMP])


def test_pdf_is_read_when_the_html_disagrees_with_its_summary_and_used_where_it_agrees():
    html = _summary_report(TITLES).replace("</main>", "<h2>Calls</h2><h3>Area for improvement</h3>"
                                           "<p>The force should improve training for call handlers.</p></main>")
    html_reading = findings_from_html(html, forces=[WMP])
    assert len(afis(html_reading)) == 1 and kinds_of(html_reading) == ["summary_list"]
    page = PageRead(_pub(), ParsedFindings())
    docs = DocumentsRead(results=[html_reading])
    assert needs_pdf_witness(page, docs, "html")
    docs.witness = [_pdf_reading(7)]
    pub = assemble(page, docs)
    assert len([f for f in pub.findings if f.kind == "area_for_improvement"]) == 7
    assert pub.warnings == []  # the PDF agrees with the summary: the doubt is settled


def test_pdf_that_also_disagrees_leaves_the_warning():
    html_reading = ParsedFindings([], [ParseWarning(kind="stated_count", field="areas_for_improvement",
                                                    expected=7, found=0, message="Report says ...; 0 were extracted")])
    docs = DocumentsRead(results=[html_reading], witness=[_pdf_reading(5)])
    pub = assemble(PageRead(_pub(), ParsedFindings()), docs)
    assert any(w["kind"] == "stated_count" for w in pub.warnings)


def test_a_clean_html_reading_does_not_fetch_the_pdf():
    clean = ParsedFindings([Finding("area_for_improvement", "The force should improve.", 1, source="html")], [])
    assert not needs_pdf_witness(PageRead(_pub(), ParsedFindings()), DocumentsRead(results=[clean]), "html")
    assert not needs_pdf_witness(PageRead(_pub(docs=("html",)), ParsedFindings()),
                                 DocumentsRead(results=[ParsedFindings()]), "html")


def test_an_empty_reading_of_an_always_findings_type_is_a_doubt():
    pub = assemble(PageRead(_pub(), ParsedFindings()), DocumentsRead(results=[ParsedFindings()]))
    assert [w["kind"] for w in pub.warnings] == ["type_without_findings"]
    assert pub.warnings[0]["field"] == "areas_for_improvement"
    revisit = assemble(PageRead(_pub(title="West Midlands Police: revisit of the cause of concern"), ParsedFindings()),
                       DocumentsRead(results=[ParsedFindings()]))
    assert revisit.warnings == []  # R1: a revisit may rightly make nothing new


def test_a_force_specific_type_without_a_force_and_a_page_without_documents_are_doubts():
    pub = assemble(PageRead(_pub(forces=(), docs=()), ParsedFindings()), None)
    assert sorted(w["kind"] for w in pub.warnings) == ["no_documents", "no_force"]
    assert all(warning_text(w) for w in pub.warnings)


def test_abbreviated_numbered_labels():
    html = ("<main><h2>Findings</h2><p><strong>AFI 1:</strong> The force should answer calls more quickly.</p>"
            "<p><strong>AFI 2:</strong> The force should record crime accurately.</p></main>")
    r = findings_from_html(html, forces=[WMP])
    assert [f.number for f in afis(r)] == [1, 2] and r.warnings == []


def test_label_and_finding_on_one_line_in_a_quote_box():
    html = ("<main><h2>Calls</h2><blockquote><p>Area for improvement: the force should answer calls more quickly.</p>"
            "</blockquote><h2>Crime</h2><blockquote><p>Area for improvement: the force should record crime.</p>"
            "</blockquote><p>Area for improvement is a phrase we use in every report.</p></main>")
    r = findings_from_html(html, forces=[WMP])
    assert [f.text for f in afis(r)] == ["the force should answer calls more quickly.", "the force should record crime."]


def test_an_unknown_layout_under_a_findings_heading_is_loud_not_silent():
    # subjunctive recommendations with no "should": not read, and the heading makes it a doubt
    html = ("<main><h2>Recommendations</h2><p>We recommend that, by June 2026, chief constables publish data.</p>"
            "</main>")
    r = findings_from_html(html)
    assert r.findings == [] and [w.field for w in r.warnings] == ["recommendations"]


def test_pdf_used_when_the_report_names_a_kind_the_html_read_none_of():
    html_reading = findings_from_html("<main><h2>Summary</h2><p>The areas for improvement we have identified "
                                      "are in the full report.</p></main>", forces=[WMP])
    assert kinds_of(html_reading) == ["kind_named_none_read"]
    pub = assemble(PageRead(_pub(), ParsedFindings()), DocumentsRead(results=[html_reading], witness=[_pdf_reading(3)]))
    assert len(pub.findings) == 3 and pub.warnings == []


def test_numbered_labels_are_a_floor_for_the_count():
    html = ("<main><h2>Recommendations</h2><h3>Recommendation 1</h3><p>By June 2026, chief constables should "
            "publish data.</p><h3>Recommendation 2</h3><p><img alt='chart'></p><h3>Recommendation 3</h3>"
            "<p>We recommend that the Home Office funds units.</p>"
            "<h2>Progress on our 2021 recommendations</h2><h3>Recommendation 4</h3><p>Chief constables should x.</p>"
            "<p>Status: complete</p></main>")
    r = findings_from_html(html)
    assert [f.number for f in r.findings] == [1, 3]  # the label under "Recommendation 2" has no text to read
    w = next(w for w in r.warnings if w.kind == "labelled_count")
    assert (w.field, w.expected, w.found) == ("recommendations", 3, 2)  # the reviewed 4th is not this report's
    names = {c.recogniser for c in recognisers.run(recognisers.Doc(html_to_blocks(html)))}
    assert "labelled" in names
