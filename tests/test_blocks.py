"""html_to_blocks / text_to_blocks: structure, furniture removal, and robustness."""

from __future__ import annotations

import pytest

from hypothesis import given, settings, strategies as st

from watcher.parse.blocks import Block, html_to_blocks, text_to_blocks
from watcher.parse.findings import findings_from_html

PAGE = """<!doctype html><html><head><title>T</title><script>var x = "should";</script><style>p{}</style></head>
<body><header><nav><ul><li>Home</li><li>Publications</li></ul></nav></header>
<div role="dialog"><p>We use cookies to improve the site. <button>Accept all cookies</button></p></div>
<div><p>We use cookies. <a href="#">Accept</a> <a href="#">Reject</a> cookie settings</p></div>
<main><h1>An inspection of custody</h1><p>Published on: 8 December 2023</p>
<h2>Summary</h2><p>Custody   was\n mostly\tsafe.</p>
<ol><li>First<ol type="a"><li>part one</li><li>part two</li></ol></li><li>Second</li></ol>
<table><tr><th>Force</th><th>Grade</th></tr><tr><td>Kent</td><td>Good</td></tr></table>
<aside><h3>Promising practice</h3><p>A good idea.</p></aside>
<p><strong>Recommendation 1</strong></p><p><b>Area for improvement:</b> The force should act.</p>
<form><p>Was this page useful?</p></form></main>
<footer><p>Crown copyright</p></footer></body></html>"""


def test_main_content_and_furniture():
    blocks = html_to_blocks(PAGE)
    texts = [b.text for b in blocks]
    assert texts[0] == "An inspection of custody"
    assert not any("cookie" in t.lower() for t in texts)
    assert not any(t in ("Home", "Crown copyright", "Was this page useful?") for t in texts)
    assert "Custody was mostly safe." in texts
    assert not any("var x" in t for t in texts)


def test_lists_tables_boxes_and_leads():
    blocks = html_to_blocks(PAGE)
    items = [b for b in blocks if b.kind == "item"]
    assert [(b.marker, b.text) for b in items] == [("1", "First (a) part one (b) part two"), ("2", "Second")]
    rows = [b for b in blocks if b.kind == "cell_row"]
    assert rows[1].text == "Kent | Good" and rows[1].cells == ("Kent", "Good")
    box = [b for b in blocks if b.container == "box"]
    assert [b.text for b in box] == ["Promising practice", "A good idea."]
    assert any(b.kind == "heading" and b.level == 7 and b.text == "Recommendation 1" for b in blocks)
    assert any(b.lead == "Area for improvement:" for b in blocks)


def test_fragment_without_main_uses_densest_element():
    html = """<div><p>Menu</p></div><div><h2>Chapter</h2><p>One long paragraph of report text here.</p>
    <p>Another long paragraph of report text here.</p></div>"""
    texts = [b.text for b in html_to_blocks(html)]
    assert "Chapter" in texts and "Menu" not in texts


def test_loose_text_and_inline_markup_become_paragraphs():
    blocks = html_to_blocks("<main><div>By 2026, <em>chief</em> constables <span>should</span> act.<br>Next</div></main>")
    assert blocks == [Block("paragraph", "By 2026, chief constables should act. Next")]


def test_bytes_and_invisible_characters():
    html = "<main><p>Chief\u200b constables\u00a0should\u202e act.</p></main>".encode()
    assert html_to_blocks(html)[0].text == "Chief constables should act."


def test_text_to_blocks_shapes():
    text = ("Contents\nSummary 3\nRecommendations 9\n\f"
            "Report title\nRecommendations\n"
            "1. By 31 March 2026, chief constables should make sure that every force records the outcome of\n"
            "each stop and search and publishes the data.\n"
            "(a) This includes vehicle searches.\n"
            "Recommendation 2\n"
            "By 30 June 2026, the Home Office should publish guidance.\n4\n\f"
            "Report title\nChapter 1\nSome narrative text that wraps across lines because it is long enough to\n"
            "fill the line.\n5\n")
    blocks = text_to_blocks(text)
    kinds = [(b.kind, b.marker, b.text[:30]) for b in blocks]
    assert ("heading", None, "Recommendations") in kinds
    assert ("item", "1", "By 31 March 2026, chief consta") in kinds
    assert ("item", "a", "(a) This includes vehicle sear") in kinds
    assert ("heading", None, "Recommendation 2") in kinds
    assert not any(b.text in ("4", "5", "Report title", "Summary 3") for b in blocks)
    para = [b for b in blocks if b.text.startswith("Some narrative")][0]
    assert para.text.endswith("fill the line.")


# --------------------------------------------------------------------------- properties

TAGS = ["p", "div", "h2", "h3", "li", "ul", "ol", "table", "tr", "td", "strong", "aside", "main", "section", "span", "x-y"]
WORDS = ["Recommendation", "1", "should", "chief constables", "By 31 March 2026,", "the force", "Area for improvement",
         "Cause of concern", "(a)", "Status:", "(2023)", "we make nine recommendations", "\u202e", "\x00", "\u200b",
         "cookies", "Promising practice", ":", ".", "&amp;", "<", ">", "\n"]


@st.composite
def html_soup(draw):
    out = []
    for _ in range(draw(st.integers(0, 60))):
        choice = draw(st.integers(0, 3))
        tag = draw(st.sampled_from(TAGS))
        if choice == 0:
            out.append(f"<{tag}>")
        elif choice == 1:
            out.append(f"</{tag}>")
        else:
            out.append(draw(st.sampled_from(WORDS)) + " ")
    return "".join(out)


REAL = """<main><h2>Summary</h2><p>We make two recommendations.</p><h2>Recommendations</h2><ol>
<li>By 31 March 2026, chief constables should:<ol type="a"><li>x</li></ol></li>
<li>By 30 June 2026, the Home Office, working with chief constables, should y.</li></ol>
<h2>Progress against our 2023 recommendations</h2><h3>Recommendation 1 (2023)</h3><p>Forces should z.</p>
<p>Status: Complete</p><h3>Area for improvement: Title</h3><p>The force should w.</p></main>"""


@settings(max_examples=200, deadline=None)
@given(html_soup())
def test_findings_from_random_html_never_raise_and_are_deterministic(html):
    a = findings_from_html(html, forces=["Kent Police"])
    b = findings_from_html(html, forces=["Kent Police"])
    assert a == b


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(REAL)), st.text(max_size=50))
def test_truncated_and_mangled_real_report(cut, noise):
    html = REAL[:cut] + noise + REAL[cut:][: len(noise)]
    a = findings_from_html(html)
    assert a == findings_from_html(html)


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 3000))
def test_deep_nesting(depth):
    html = "<div>" * depth + "<p>By 31 March 2026, chief constables should act.</p>" + "</div>" * depth
    findings_from_html(html)
    findings_from_html("<ul><li>" * depth + "x")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_text_to_blocks_never_raises(text):
    text_to_blocks(text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_html_bytes_never_raise(data):
    findings_from_html(data)


def test_label_only_paragraph_is_a_heading():
    html = ("<main><div role='note'><p>Cause of concern</p><p><strong>Calls wait too long</strong></p>"
            "<p>Callers give up.</p></div><p>Area for improvement 4:</p><p>Areas for improvement</p>"
            "<p>Area for improvement in custody was slow.</p></main>")
    blocks = html_to_blocks(html)
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Cause of concern"), ("heading", "Calls wait too long"), ("paragraph", "Callers give up."),
        ("heading", "Area for improvement 4:"), ("heading", "Areas for improvement"),
        ("paragraph", "Area for improvement in custody was slow.")]
    assert blocks[0].box == blocks[2].box is not None


def test_details_summary_is_the_heading_of_its_accordion():
    html = """<main><h2>Findings</h2><details><summary>Areas for improvement</summary>
    <ol><li>The service should review its on-call availability.</li></ol></details></main>"""
    blocks = html_to_blocks(html)
    heading = next(b for b in blocks if b.text == "Areas for improvement")
    assert heading.kind == "heading" and heading.level == 3
    from watcher.parse.findings import findings_from_html

    found = findings_from_html(html, forces=["Kent Fire and Rescue Service"]).findings
    assert [f.kind for f in found] == ["area_for_improvement"]


def test_one_column_table_is_a_box_walked_as_content():
    html = ("<main><h2>Custody</h2><p>Detainees waited a long time for a review.</p>"
            "<table><tr><th>Cause of concern</th></tr><tr><td><p>Reviews of detention are late.</p>"
            "<ul><li>first point</li><li>second point</li></ul></td></tr><tr><td></td></tr></table>"
            "<table><tr><td>Force</td><td>Reviews on time</td></tr><tr><td>Kent</td><td>80%</td></tr></table></main>")
    blocks = html_to_blocks(html)
    assert [(b.kind, b.text) for b in blocks[2:5]] == [
        ("heading", "Cause of concern"), ("paragraph", "Reviews of detention are late."), ("item", "first point")]
    assert blocks[2].container == "box" and blocks[2].box == blocks[5].box is not None
    # a table with two filled columns stays a data table
    assert [(b.kind, b.cells) for b in blocks[6:]] == [
        ("cell_row", ("Force", "Reviews on time")), ("cell_row", ("Kent", "80%"))]


def test_one_column_layout_table_holding_the_page_is_not_one_box():
    html = ("<body><table><tr><td><h1>A report</h1><h2>Summary</h2><p>Some text about the report here.</p>"
            "<table><tr><td><p>Cause of concern</p><p>Vetting is slow.</p></td></tr></table>"
            "<p>More text after the box.</p></td></tr></table></body>")
    blocks = html_to_blocks(html)
    assert [b.box for b in blocks] == [None, None, None, 1, 1, None]
    assert blocks[3].kind == "heading"


def test_footnotes_are_marked_as_footnotes():
    html = ("<main><h2>Findings</h2><p>Forces keep records.<sup>1</sup></p>"
            "<p><sup>1</sup> Guidance says forces should keep records.</p>"
            "<ol><li>A note. <a href='#ref-2'>↩︎</a></li><li>Another item.</li></ol>"
            "<section role='doc-endnotes'><ol><li>An endnote.</li></ol></section></main>")
    blocks = html_to_blocks(html)
    assert [(b.text, b.container) for b in blocks[1:]] == [
        ("Forces keep records.1", None), ("1 Guidance says forces should keep records.", "footnote"),
        ("A note. ↩\ufe0e", "footnote"), ("Another item.", None), ("An endnote.", "footnote")]


_DEEP_INNER = ("<h2>Recommendations</h2><ol><li>By June 2026, chief constables should publish data.</li>"
               "<li>By June 2026, the College of Policing should write guidance.</li></ol>"
               "<h2>Areas for improvement</h2><p>The force should improve call handling.</p>")


@pytest.mark.parametrize("depth", [250, 600])
@pytest.mark.parametrize("shape", ["bare", "decorated"])
def test_no_depth_of_wrapping_loses_findings(depth, shape):
    # a theme's page builder may wrap content in hundreds of <div>s; wrapping is no
    # structure, so the findings read exactly as unwrapped (they once all read as 0)
    from watcher.parse.findings import findings_from_html

    if shape == "bare":
        html = "<main>" + "<div>" * depth + _DEEP_INNER + "</div>" * depth + "</main>"
    else:
        html = ("<main>" + "<div><span class='icon'></span>\n<div class='wrap'>" * depth + _DEEP_INNER
                + "</div></div>" * depth + "</main>")
    flat = findings_from_html("<main>" + _DEEP_INNER + "</main>", forces=["Kent Police"])
    deep = findings_from_html(html, forces=["Kent Police"])
    assert [(f.kind, f.text) for f in deep.findings] == [(f.kind, f.text) for f in flat.findings]
    assert len(deep.findings) == 3
