

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
