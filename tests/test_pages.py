"""Publication pages in several theme shapes -> the same Publication record.

The real theme is unknown, so each test writes the metadata the way a different theme
might (definition list, table, "Label: value" paragraphs, heading + list) and expects
the parser to read it by wording and structure.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from watcher.parse.pages import clean, parse_date, parse_publication_page, parse_report_page

URL = "https://hmicfrs.justiceinspectorates.gov.uk/publications/an-example-inspection/"
FURNITURE = """
<header class="site-header"><a href="/">HMICFRS</a><nav><a href="/publications/">Publications</a></nav></header>
<div class="cookie-notice"><p>We use cookies to make this site work.</p><button>Accept</button><button>Reject</button></div>
<nav aria-label="Breadcrumb"><a href="/">Home</a> &gt; <a href="/publications/">Publications</a></nav>
"""
FOOTER = """
<footer><p>Last updated: {stamp}</p><a href="https://www.justiceinspectorates.gov.uk/hmicfrs/">Old site</a></footer>
<script>var wpApiSettings = {{"nonce":"{nonce}"}};</script>
"""

META_SHAPES = {
    "definition list": """
      <dl><dt>Published</dt><dd>15 October 2025</dd>
          <dt>Publication type</dt><dd>Joint thematic inspection</dd>
          <dt>Forces</dt><dd><ul><li>Kent Police</li><li>Surrey Police</li></ul></dd></dl>""",
    "table": """
      <table><tr><th>Published</th><td>15 October 2025</td></tr>
             <tr><th>Type</th><td>Joint thematic inspection</td></tr>
             <tr><th>Police forces</th><td>Kent Police, Surrey Police</td></tr></table>""",
    "label paragraphs": """
      <p><strong>Published:</strong> 15 October 2025</p>
      <p><strong>Publication type:</strong> Joint thematic inspection</p>
      <p><strong>Forces:</strong> <a href="/f/kent">Kent Police</a> <a href="/f/surrey">Surrey Police</a></p>""",
    "heading and list": """
      <p>Published: <time datetime="2025-10-15">15 October 2025</time></p>
      <p>Publication type: Joint thematic inspection</p>
      <h2>Police forces</h2><ul><li>Kent Police</li><li>Surrey Police</li></ul>""",
}


def page(meta: str, *, extra: str = "", stamp: str = "1 Jan", nonce: str = "abc") -> str:
    return f"""<!doctype html><html><head><title>An example inspection - HMICFRS</title></head>
    <body>{FURNITURE}<main><article><header><h1>An example inspection &amp; review</h1></header>
    {meta}
    <h2>Summary</h2><p>We inspected how well forces respond to an example problem, and what they should do next.</p>
    {extra}
    </article></main>{FOOTER.format(stamp=stamp, nonce=nonce)}</body></html>"""


@pytest.mark.parametrize("shape", META_SHAPES)
def test_metadata_is_read_whatever_the_theme_shape(shape):
    pub = parse_publication_page(page(META_SHAPES[shape]), URL)
    assert pub.title == "An example inspection & review"
    assert pub.slug == "an-example-inspection"
    assert pub.published == "2025-10-15"
    assert pub.type == "Joint thematic inspection"
    assert sorted(pub.forces) == ["Kent Police", "Surrey Police"]
    assert pub.summary.startswith("We inspected how well forces respond")


@pytest.mark.parametrize(
    "label", ["All forces", "All police forces", "All forces in England and Wales"]
)
def test_all_forces_is_a_flag_not_a_force(label):
    pub = parse_publication_page(page(f"<p>Published: 1 May 2024</p><p>Forces: {label}</p>"), URL)
    assert pub.all_forces and pub.forces == []


def test_fire_and_rescue_services_are_not_police_forces():
    meta = "<p>Published: 1 May 2024</p><h2>Services</h2><ul><li>Avon Fire and Rescue Service</li></ul>"
    pub = parse_publication_page(page(meta), URL)
    assert pub.forces == [] and pub.services == ["Avon Fire and Rescue Service"]
    assert not pub.all_forces


def test_documents_report_link_sizes_and_joint_partners():
    extra = """
      <p>This is a joint inspection by HMICFRS and HM Inspectorate of Probation.</p>
      <p><a href="/publication-html/an-example-inspection/">Read the report online</a></p>
      <ul><li><a href="https://assets-hmicfrs.justiceinspectorates.gov.uk/uploads/example.pdf">
            An example inspection (PDF document)</a> <span>PDF document, 1.2 MB</span></li>
          <li><a href="https://assets-hmicfrs.justiceinspectorates.gov.uk/uploads/example-data.xlsx">Data tables</a></li>
          <li><a href="https://assets-hmicfrs.justiceinspectorates.gov.uk/uploads/example.pdf">Same PDF again</a></li></ul>"""
    pub = parse_publication_page(page(META_SHAPES["table"], extra=extra), URL)
    kinds = [(d.kind, d.title, d.size) for d in pub.documents]
    assert kinds == [
        ("html", "Read the report online", None),
        ("pdf", "An example inspection", "1.2 MB"),
        ("other", "Data tables", None),
    ]
    assert pub.documents[0].url.endswith("/publication-html/an-example-inspection/")
    assert pub.joint_with == ["HM Inspectorate of Probation"]


def test_theme_noise_never_changes_the_text():
    a = parse_publication_page(page(META_SHAPES["table"], stamp="1 Jan", nonce="aaa"), URL)
    b = parse_publication_page(page(META_SHAPES["table"], stamp="9 Feb", nonce="zzz"), URL)
    assert a.text == b.text
    assert "cookies" not in a.text and "Breadcrumb" not in a.text and "Old site" not in a.text


def test_report_page_drops_print_link_and_keeps_chapters():
    html = page("<p>Published on: 8 December 2023</p>", extra=(
        '<p><a href="#" onclick="window.print()">Print this document</a></p>'
        "<h2>Recommendations</h2><ol><li>Chief constables should act.</li></ol>"
    ))
    title, text = parse_report_page(html)
    assert title == "An example inspection & review"
    assert "Print this document" not in text
    assert "Chief constables should act." in text


def test_missing_everything_still_gives_a_record():
    pub = parse_publication_page("<html><body><p>Nothing here</p></body></html>", URL)
    assert pub.url == URL and pub.published is None and pub.documents == []


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("15 October 2025", "2025-10-15"),
        ("Published: 1st Sept 2024", "2024-09-01"),
        ("2023-12-08T09:00:00+00:00", "2023-12-08"),
        ("31 February 2024", None),
        ("next Tuesday", None),
        (None, None),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_clean_removes_control_characters_and_space_before_punctuation():
    assert clean("A\x00 report\x1b \n .") == "A report."


def test_block_theme_table_labels_with_plural_markers():
    """A block-editor theme: "Date of publication", "Force(s) / service(s)"."""
    meta = """
      <figure class="wp-block-table"><table>
        <tr><th scope="row">Date of publication</th><td><time>15 October 2025</time></td></tr>
        <tr><th scope="row">Report type</th><td>PEEL assessment</td></tr>
        <tr><th scope="row">Force(s) / service(s)</th><td>Gwent Police</td></tr>
      </table></figure>"""
    pub = parse_publication_page(page(meta), URL)
    assert pub.published == "2025-10-15"
    assert pub.type == "PEEL assessment"
    assert pub.forces == ["Gwent Police"] and not pub.all_forces


def test_last_updated_time_is_not_the_publication_date():
    meta = """<dl><dt>Last updated</dt><dd><time datetime="2026-01-05">5 January 2026</time></dd>
              <dt>Date of publication</dt><dd>15 October 2025</dd></dl>"""
    assert parse_publication_page(page(meta), URL).published == "2025-10-15"


def test_masthead_h1_and_sidebar_metadata_of_an_old_table_theme():
    html = """<html><head><title>Police custody in Kent « HMICFRS</title></head><body>
    <table><tr><td colspan="2"><h1>HM Inspectorate of Constabulary and Fire &amp; Rescue Services</h1></td></tr>
    <tr><td><div><h2>Police custody in Kent</h2>
      <p>We inspected how Kent Police treats people detained in its custody suites, and how safe they are.</p>
      <p>We found that most detainees were treated well, but some waited too long.</p></div></td>
    <td><aside><ul><li><span>Published</span> 18&nbsp;September&nbsp;2025</li>
      <li><span>Type</span> <span>Joint inspection</span></li>
      <li><span>Police force</span> <span>Kent Police</span></li></ul></aside></td></tr></table>
    </body></html>"""
    pub = parse_publication_page(html, URL)
    assert pub.title == "Police custody in Kent"
    assert pub.published == "2025-09-18"
    assert pub.forces == ["Kent Police"]


def test_facts_in_one_paragraph_separated_by_line_breaks():
    meta = ("<p><strong>Published:</strong> 20 November 2025<br><strong>Type:</strong> "
            "Child protection inspection<br><strong>Forces:</strong> West Midlands Police</p>")
    pub = parse_publication_page(page(meta), URL)
    assert pub.published == "2025-11-20"
    assert pub.type == "Child protection inspection"
    assert pub.forces == ["West Midlands Police"] and not pub.all_forces


@given(st.text(alphabet=st.sampled_from(
    list(" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2028\u3000\x00\x07\x7f") + list("ab.,;:!?)(é")), max_size=40))
def test_clean_collapses_space_drops_controls_and_is_idempotent(text):
    out = clean(text)
    assert out == clean(out)
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", out)
    assert "  " not in out and out == out.strip()
    assert not re.search(r"\s[.,;:!?)]", out)  # no space left before punctuation
    # nothing but whitespace and controls is lost
    kept = re.sub(r"[\s\x00-\x08\x0e-\x1f\x7f-\x9f]", "", text)
    assert re.sub(r"\s", "", out) == kept
