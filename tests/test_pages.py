"""Publication pages in several theme shapes -> the same Publication record.

The real theme is unknown, so each test writes the metadata the way a different theme
might (definition list, table, "Label: value" paragraphs, heading + list) and expects
the parser to read it by wording and structure.
"""

from __future__ import annotations

import functools
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
    "label", ["All forces", "All police forces", "All forces in England and Wales", "All 43 police forces",
              "Police forces in England and Wales", "All police forces and fire and rescue services"]
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


# --------------------------------------------------------------------------- every source
#
# Each test below gives the page its facts in one place only, so a reader that stops
# looking there fails the test. `bare_page` has a report link (no no_documents warning)
# and nothing else that names a date, type or force.

REPORT_LINK = '<p><a href="/publication-html/an-example-inspection/">Read the report online</a></p>'


def bare_page(content: str = "", *, head: str = "", title: str = "An example inspection",
              before_main: str = "", links: str = REPORT_LINK) -> str:
    return f"""<!doctype html><html><head><title>{title} - HMICFRS</title>{head}</head>
    <body>{before_main}<main><article><h1>{title}</h1>{content}
    <p>We looked at how the work is done and what should happen next in the areas we visited.</p>
    {links}</article></main></body></html>"""


def kinds(pub) -> list[str]:
    return sorted(w.kind for w in pub.warnings)


@pytest.mark.parametrize("order", ["label first", "value first"])
def test_key_facts_card_grid(order):
    cards = [("Published", "15 October 2025"), ("Report type", "PEEL inspection"), ("Force", "Kent Police")]
    cells = "".join(
        f"<div><p>{a}</p><p>{b}</p></div>" if order == "label first" else f"<div><p>{b}</p><p>{a}</p></div>"
        for a, b in cards)
    pub = parse_publication_page(bare_page(f"<div>{cells}</div>"), URL)
    assert (pub.published, pub.type, pub.forces) == ("2025-10-15", "PEEL inspection", ["Kent Police"])
    assert pub.warnings == []


JSON_LD = """<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
  {"@type": "WebPage", "datePublished": "2020-01-01T10:00:00+00:00"},
  {"@type": "Report", "headline": "An example inspection", "datePublished": "2025-10-14T23:30:00+00:00",
   "genre": "Crime data integrity inspection", "about": [{"@type": "Organization", "name": "Avon & Somerset"}]}
]}</script>"""


def test_json_ld_gives_date_type_and_force():
    pub = parse_publication_page(bare_page(head=JSON_LD), URL)
    # 23:30 UTC on 14 October is 00:30 on the 15th in London; the Report, not the WebPage
    assert pub.published == "2025-10-15"
    assert pub.type == "Crime data integrity inspection"
    assert pub.forces == ["Avon and Somerset Constabulary"] and not pub.all_forces
    assert pub.warnings == []


def test_json_ld_in_body_and_malformed_blocks_are_tolerated():
    broken = '<script type="application/ld+json">{not json</script>'
    good = '<script type="application/ld+json">{"@type": "Article", "datePublished": "2024-03-20"}</script>'
    pub = parse_publication_page(bare_page(broken + good, head=broken), URL)
    assert pub.published == "2024-03-20"


def test_opengraph_and_article_meta():
    head = """<meta property="og:title" content="An example inspection | HMICFRS">
      <meta property="article:published_time" content="2025-11-20T00:01:00+00:00">
      <meta property="article:section" content="National child protection inspection">
      <meta property="article:tag" content="Children">
      <meta property="article:tag" content="West Midlands Police">"""
    pub = parse_publication_page(bare_page(head=head), URL)
    assert (pub.published, pub.type, pub.forces) == (
        "2025-11-20", "National child protection inspection", ["West Midlands Police"])
    assert pub.warnings == []


def test_time_element_alone_dates_the_page_but_not_an_updated_one():
    pub = parse_publication_page(bare_page(
        '<p>Last updated <time datetime="2026-01-05">5 January 2026</time></p>'
        '<p><time datetime="2025-06-12T09:00:00+01:00">12 June 2025</time></p>'), URL)
    assert pub.published == "2025-06-12"


def test_breadcrumb_trail_in_a_nav_names_the_type():
    crumbs = ('<nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li>'
              '<li><a href="/publications/">Publications</a></li>'
              '<li><a href="/peel/">PEEL inspections</a></li><li>An example inspection</li></ol></nav>')
    pub = parse_publication_page(bare_page("<p>Published: 1 May 2024</p><p>Force: Gwent Police</p>",
                                           before_main=crumbs), URL)
    assert pub.type == "PEEL inspection" and pub.warnings == []


def test_breadcrumb_list_in_json_ld_names_the_force_and_type():
    ld = ('<script type="application/ld+json">{"@type": "BreadcrumbList", "itemListElement": ['
          '{"position": 1, "name": "Home"}, {"position": 2, "name": "Child protection inspections"},'
          '{"position": 3, "name": "North Wales Police"}, {"position": 4, "name": "An example inspection"}]}</script>')
    pub = parse_publication_page(bare_page("<p>Published: 1 May 2024</p>", head=ld), URL)
    assert pub.type == "National child protection inspection"
    assert pub.forces == ["North Wales Police"]


def test_tag_and_category_links():
    tags_html = ('<p>Filed under <a href="/category/fire-and-rescue-service-inspection/">'
                 'Fire and rescue service inspection</a>, '
                 '<a rel="tag" href="/x/?p=1">Cornwall Fire and Rescue Service</a>, '
                 '<a href="/publications/?topic=workforce">Workforce</a></p>')
    pub = parse_publication_page(bare_page("<p>Published: 22 May 2025</p>" + tags_html), URL)
    assert pub.type == "Fire and rescue service inspection"
    assert pub.services == ["Cornwall Fire and Rescue Service"] and pub.forces == []
    assert pub.warnings == []


def test_a_list_of_every_type_is_a_filter_not_the_pages_tags():
    filters = "".join(f'<li><a href="/publications/?publication-type={t}">{t}</a></li>'
                      for t in ("PEEL inspection", "Thematic inspection", "Crime data integrity"))
    pub = parse_publication_page(bare_page(f"<p>Published: 22 May 2025</p><aside><ul>{filters}</ul></aside>"), URL)
    assert pub.type is None and kinds(pub) == ["no_type"]


def test_sentence_that_names_the_force():
    pub = parse_publication_page(bare_page(
        "<p>Published: 12 June 2025</p><p>Type: Force inspection</p>"
        "<p>This report is about Cleveland Police and how it investigates crime.</p>"), URL)
    assert pub.forces == ["Cleveland Police"] and not pub.all_forces and pub.warnings == []


def test_sentence_listing_bare_place_names_after_forces():
    pub = parse_publication_page(bare_page(
        "<p>Published: 12 June 2025</p><p>Type: Thematic inspection</p>"
        "<p>We inspected six forces: Durham, Essex, Hampshire, Kent, Avon and Somerset and the Met.</p>"), URL)
    assert pub.forces == ["Durham Constabulary", "Essex Police", "Hampshire and Isle of Wight Constabulary",
                          "Kent Police", "Avon and Somerset Constabulary", "Metropolitan Police Service"]


@pytest.mark.parametrize(("title", "forces", "ptype"), [
    ("West Midlands Police: National child protection inspection", ["West Midlands Police"],
     "National child protection inspection"),
    ("PEEL 2025–27: An inspection of Kent Police", ["Kent Police"], "PEEL inspection"),
    ("Durham: national child protection inspection", ["Durham Constabulary"],
     "National child protection inspection"),
])
def test_title_names_force_and_type(title, forces, ptype):
    pub = parse_publication_page(bare_page("<p>Published: 3 March 2025</p>", title=title), URL)
    assert pub.forces == forces and pub.type == ptype and pub.warnings == []


@pytest.mark.parametrize(("slug", "forces", "ptype"), [
    ("peel-2025-avon-and-somerset-constabulary", ["Avon and Somerset Constabulary"], "PEEL inspection"),
    ("west-midlands-national-child-protection-inspection-november-2025", ["West Midlands Police"],
     "National child protection inspection"),
    ("london-fire-brigade-inspection-2025", [], None),
    ("report-on-an-unannounced-inspection-of-police-custody-suites-in-essex", ["Essex Police"],
     "Police custody inspection"),
])
def test_slug_names_force_and_type(slug, forces, ptype):
    url = f"https://hmicfrs.justiceinspectorates.gov.uk/publications/{slug}/"
    pub = parse_publication_page(bare_page("<p>Published: 3 March 2025</p>", title="Report"), url)
    assert pub.forces == forces and pub.type == ptype
    if slug.startswith("london"):
        assert pub.services == ["London Fire Brigade"]


def test_labelled_facts_win_over_title_and_the_disagreement_is_a_warning():
    pub = parse_publication_page(bare_page(
        "<p>Published: 3 March 2025</p><p>Type: PEEL inspection</p><p>Force: Kent Police</p>",
        title="PEEL 2025: An inspection of Essex Police"), URL)
    assert pub.forces == ["Kent Police"]
    [w] = pub.warnings
    assert (w.kind, w.field, w.expected, w.found) == ("sources_disagree", "forces", "Kent Police", "Essex Police")
    assert "title" in w.message


def test_labelled_date_wins_over_article_meta_with_a_warning():
    head = '<meta property="article:published_time" content="2025-09-01T09:00:00+01:00">'
    pub = parse_publication_page(bare_page(
        "<p>Published: 15 October 2025</p><p>Type: Thematic inspection</p>", head=head), URL)
    assert pub.published == "2025-10-15"
    assert [(w.kind, w.field, w.found) for w in pub.warnings] == [("sources_disagree", "published", "2025-09-01")]


def test_labelled_type_wins_over_structured_type_that_names_a_force():
    pub = parse_publication_page(bare_page("<p>Published: 15 October 2025</p><p>Type: Thematic inspection</p>",
                                           head=JSON_LD), URL)
    assert pub.type == "Thematic inspection"
    assert ("sources_disagree", "type") in [(w.kind, w.field) for w in pub.warnings]


def test_agreeing_sources_and_fieldwork_forces_of_a_national_report_carry_no_warning():
    pub = parse_publication_page(bare_page(
        "<p>Published: 15 October 2025</p><p>Type: Thematic inspection</p><p>Forces: All forces</p>"
        "<p>We inspected four forces: Kent, Essex, Gwent and Durham.</p>",
        head='<meta property="article:published_time" content="2025-10-15T00:01:00+01:00">'), URL)
    assert pub.all_forces and pub.warnings == []


@pytest.mark.parametrize("line", [
    "Published: 15 October 2025", "Published on: 15 October 2025", "Published 15 Oct 2025",
    "Date published: 15/10/2025", "Publication date: 2025-10-15", "Published: 15th October 2025",
    "Published: Wednesday 15 October 2025", "Published: October 15, 2025", "Date of publication - 15.10.2025",
])
def test_every_published_date_form(line):
    pub = parse_publication_page(bare_page(f"<p>{line}</p><p>Type: Thematic inspection</p>"), URL)
    assert pub.published == "2025-10-15", line


@pytest.mark.parametrize(("text", "iso"), [
    ("15/10/2025", "2025-10-15"), ("05/04/2025", "2025-04-05"), ("2025-10-14T23:30:00Z", "2025-10-15"),
    ("2025-01-14T23:30:00Z", "2025-01-14"), ("October 15, 2025", "2025-10-15"), ("15 Sept. 2025", "2025-09-15"),
    ("15th of October 2025", "2025-10-15"), ("2025/10/15", "2025-10-15"), ("30/02/2025", None), ("13/13/2025", None),
])
def test_parse_published_date_forms(text, iso):
    from core.dates import parse_published_date

    got = parse_published_date(text)
    assert (got.isoformat() if got else None) == iso


@pytest.mark.parametrize(("content", "links", "expected"), [
    ("<p>Published: 1 May 2024</p><p>Type: Thematic inspection</p>", "", ["no_documents"]),
    ("<p>Type: Thematic inspection</p>", REPORT_LINK, ["no_date"]),
    ("<p>Published: 1 May 2024</p>", REPORT_LINK, ["no_type"]),
    ("<p>Published: 1 May 2024</p><p>Type: PEEL assessment</p>", REPORT_LINK, ["no_force"]),
    ("<p>Published: 1 May 2024</p><p>Type: Fire and rescue service inspection</p>", REPORT_LINK, ["no_force"]),
])
def test_each_empty_reading_is_a_warning(content, links, expected):
    pub = parse_publication_page(bare_page(content, links=links), URL)
    assert kinds(pub) == expected
    field = {"no_documents": "documents", "no_date": "published", "no_type": "type", "no_force": "forces"}
    assert [w.field for w in pub.warnings] == [field[expected[0]]]


def test_no_force_warning_names_a_service_for_a_fire_type():
    pub = parse_publication_page(bare_page("<p>Published: 1 May 2024</p><p>Type: Fire and rescue service "
                                           "inspection</p>"), URL)
    assert "fire and rescue service" in pub.warnings[0].message


def test_register_variants_are_stored_by_canonical_name():
    pub = parse_publication_page(bare_page(
        "<p>Published: 1 May 2024</p><p>Type: Force inspection</p>"
        "<p>Forces: Avon &amp; Somerset; Hampshire Police; West Midlands Fire and Rescue Service</p>"), URL)
    assert pub.forces == ["Avon and Somerset Constabulary", "Hampshire and Isle of Wight Constabulary"]
    assert pub.services == ["West Midlands Fire Service"]


# --------------------------------------------------------------------------- documents

ASSET = "https://assets-hmicfrs.justiceinspectorates.gov.uk"


def test_documents_found_by_wording_without_extensions():
    links = f"""
      <div><h3>Police response to stalking: full report</h3><p>PDF, 2.4 MB</p>
        <a href="{ASSET}/download/?id=101">Download</a></div>
      <p><a href="/reports/police-response-to-stalking/">View the HTML version</a></p>
      <p><a href="{ASSET}/file/202">Data tables (Excel, 80 KB)</a></p>
      <p><a href="{ASSET}/get/303" download>Easy read version</a></p>
      <p><a href="/about-us/">About us</a> <a href="#contents">Contents</a></p>"""
    pub = parse_publication_page(bare_page("<p>Published: 1 May 2024</p><p>Type: Thematic inspection</p>",
                                           links=links), URL)
    got = [(d.kind, d.title, d.size, d.role) for d in pub.documents]
    assert got == [
        ("pdf", "Police response to stalking: full report", "2.4 MB", "report"),
        ("html", "View the HTML version", None, "report"),
        ("other", "Data tables", "80 KB", "data"),
        ("pdf", "Easy read version", None, "easy_read"),
    ]
    assert pub.warnings == []


def test_response_and_other_secondary_documents_keep_their_titles_and_follow_the_report():
    links = f"""<ul>
      <li><a href="{ASSET}/uploads/gwent-pcc-response.pdf">Gwent PCC's response</a></li>
      <li><a href="{ASSET}/uploads/mopac-response.pdf">Mayor's Office for Policing and Crime response</a></li>
      <li><a href="{ASSET}/uploads/report-cy.pdf">Adroddiad (fersiwn Gymraeg)</a></li>
      <li><a href="{ASSET}/uploads/method.pdf">Methodology</a></li>
      <li><a href="{ASSET}/uploads/the-police-response-to-stalking.pdf">The police response to stalking (PDF, 1 MB)</a></li>
    </ul>"""
    pub = parse_publication_page(bare_page("<p>Published: 1 May 2024</p><p>Type: Thematic inspection</p>",
                                           links=links), URL)
    got = [(d.title, d.role) for d in pub.documents]
    assert got == [
        ("The police response to stalking", "report"),
        ("Gwent PCC's response", "response"),
        ("Mayor's Office for Policing and Crime response", "response"),
        ("Adroddiad (fersiwn Gymraeg)", "welsh"),
        ("Methodology", "methodology"),
    ]


def test_documents_outside_the_content_column_are_still_found():
    html = f"""<html><head><title>Example - HMICFRS</title></head><body>
      <main><h1>An example inspection</h1><p>Published: 1 May 2024</p><p>Type: Thematic inspection</p>
      <p>We looked at how the work is done and what should happen next in the areas we visited.</p></main>
      <aside><h2>Downloads</h2><a href="{ASSET}/uploads/example.pdf">An example inspection</a></aside></body></html>"""
    pub = parse_publication_page(html, URL)
    assert [d.kind for d in pub.documents] == ["pdf"] and pub.warnings == []


# --------------------------------------------------------------------------- existing sites

@functools.lru_cache(maxsize=1)
def _site_pages() -> tuple:
    """Every publication page of every site the project has (mirror and held-out 2-5, unseen)."""
    return tuple(_build_site_pages())


def _build_site_pages():
    from heldout2.content import PUBLICATIONS as P2
    from heldout2.site import build_site as build2
    from heldout3.site import build_resources as build3
    from heldout4.site import resources as build4
    from heldout5.site import resources as build5
    from unseen.site import build_site as build_unseen
    from watcher.mirror.content import load_publications
    from watcher.mirror.render import build_site as build_mirror

    base, asset = "http://127.0.0.1:1", "http://127.0.0.1:2"
    sites = {
        "mirror": build_mirror(load_publications(None, state=1), base_url=base, asset_url=asset),
        "unseen": build_unseen(base, asset), "heldout2": build2(P2, base_url=base, asset_url=asset),
        "heldout3": build3(base, asset), "heldout4": build4(base, asset), "heldout5": build5(base, asset),
    }
    for name, resources in sites.items():
        for path, res in sorted(resources.items()):
            parts = [p for p in path.split("/") if p]
            if (len(parts) == 2 and parts[0] == "publications" and parts[1] != "page"
                    and res.status == 200 and res.content_type.startswith("text/html")):
                yield name, base + path, res.body


def test_no_warning_on_any_clean_page_of_every_existing_site():
    pages = list(_site_pages())
    assert len({name for name, _, _ in pages}) == 6 and len(pages) >= 140
    warned = {url: [w.message for w in pub.warnings]
              for _, url, body in pages if (pub := parse_publication_page(body, url)).warnings}
    assert warned == {}


@pytest.mark.parametrize("facts", [
    # a facts table laid out sideways
    "<table><tr><th>Published</th><th>Type</th><th>Forces</th></tr>"
    "<tr><td>15 October 2025</td><td>PEEL inspection</td><td>Kent and Essex</td></tr></table>",
    # a bold label on one line, its value on the next
    "<p><b>Published</b><br>15 October 2025<br><b>Type</b><br>PEEL inspection<br><b>Forces</b><br>"
    "Kent and Essex</p>",
    # a byline of facts with no labels
    "<p>15 October 2025 | PEEL inspection | Kent Police</p><p>Forces: Kent Police, Essex Police</p>",
    # a grid of label and value elements with no wrapper per fact
    "<div><div>Published</div><div>15 October 2025</div><div>Type</div><div>PEEL inspection</div>"
    "<div>Forces</div><div><ul><li>Kent</li><li>Essex</li></ul></div></div>",
])
def test_more_labelled_layouts(facts):
    pub = parse_publication_page(bare_page(facts), URL)
    assert (pub.published, pub.type, pub.forces) == ("2025-10-15", "PEEL inspection", ["Kent Police", "Essex Police"])
    assert pub.warnings == []


def test_a_bare_place_under_a_service_label_is_its_fire_and_rescue_service():
    pub = parse_publication_page(bare_page(
        "<p>Published: 1 May 2024</p><p>Type: Fire and rescue service inspection</p><p>Service: Cornwall</p>"), URL)
    assert pub.services == ["Cornwall Fire and Rescue Service"] and pub.forces == [] and pub.warnings == []


def test_a_list_that_names_itself_by_aria_label():
    pub = parse_publication_page(bare_page(
        '<p>Published: 2 July 2025</p><ul aria-label="Tags"><li>Crime data integrity</li><li>Thames Valley</li></ul>'
    ), URL)
    assert (pub.type, pub.forces) == ("Crime data integrity", ["Thames Valley Police"]) and pub.warnings == []


def test_an_eyebrow_line_names_type_and_force_but_a_list_of_them_does_not():
    eyebrow = "<p>PEEL inspection</p><p>Kent Police</p><p>Published: 2 July 2025</p>"
    pub = parse_publication_page(bare_page(eyebrow), URL)
    assert (pub.type, pub.forces) == ("PEEL inspection", ["Kent Police"])
    listed = "<p>Published: 2 July 2025</p><ul><li>PEEL inspection</li><li>Thematic inspection</li></ul>"
    assert parse_publication_page(bare_page(listed), URL).type is None


def test_microdata_date_published():
    pub = parse_publication_page(bare_page(
        '<p>Type: Thematic inspection</p><p>Issued <span itemprop="datePublished" content="2025-03-04">4 March</span></p>'
    ), URL)
    assert pub.published == "2025-03-04"


@pytest.mark.parametrize("link", [
    '<a href="/reports/an-example/">Full report</a>',
    '<a href="/reports/an-example/">Report (HTML)</a>',
    '<a href="/reports/an-example/">Read the full report</a>',
])
def test_html_report_link_by_its_words(link):
    pub = parse_publication_page(bare_page("<p>Published: 1 May 2024</p><p>Type: Thematic inspection</p>",
                                           links=f"<p>{link}</p>"), URL)
    assert [(d.kind, d.url) for d in pub.documents] == [("html", "https://hmicfrs.justiceinspectorates.gov.uk/reports/an-example/")]


def test_a_download_link_with_no_format_is_a_document_titled_by_its_card():
    links = '<div><h3>An example inspection</h3><a href="/documents/12/">Download report</a></div>'
    pub = parse_publication_page(bare_page("<p>Published: 1 May 2024</p><p>Type: Thematic inspection</p>",
                                           links=links), URL)
    assert [(d.kind, d.title) for d in pub.documents] == [("pdf", "An example inspection")]


def _facts(pub) -> tuple:
    return (pub.title, pub.published, pub.type, pub.forces, pub.services, pub.all_forces,
            [(d.kind, d.url, d.role) for d in pub.documents], [w.kind for w in pub.warnings])


def test_metadata_never_depends_on_class_or_id_attributes():
    """Every existing site's pages read the same with every class and id removed."""
    strip = re.compile(rb"""\s(?:class|id)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""")
    checked = 0
    for _, url, body in _site_pages():
        bare = strip.sub(b"", body)
        assert _facts(parse_publication_page(bare, url)) == _facts(parse_publication_page(body, url)), url
        checked += 1
    assert checked >= 140


def test_passing_mentions_and_other_dates_are_not_disagreements():
    """False alarms cost trust: a fieldwork date in a <time>, a sentence naming a partner
    beside the force, and a topic tag that shares words with a type are all consistent."""
    pub = parse_publication_page(bare_page(
        "<p>Published: 15 October 2025</p><p>Type: Thematic inspection</p><p>Force: Kent Police</p>"
        '<p>Fieldwork took place in <time datetime="2025-03-01">March 2025</time>.</p>'
        "<p>This report is about Kent Police and its work with the National Crime Agency.</p>"
        '<p><a href="/topic/child-protection/">Child protection</a></p>'), URL)
    assert pub.forces == ["Kent Police"] and pub.warnings == []


def test_facts_in_a_page_header_outside_main():
    """A "hero" header before <main> is left out of the content tree as site furniture;
    its facts are still read."""
    hero = ('<header><h1>PEEL 2025: An inspection of Gwent Police</h1>'
            '<dl><dt>Published</dt><dd>11 September 2025</dd><dt>Type</dt><dd>PEEL inspection</dd>'
            '<dt>Force</dt><dd>Gwent</dd></dl></header>')
    html = f"""<html><head><title>PEEL 2025: An inspection of Gwent Police | HMICFRS</title></head>
      <body>{hero}<main><p>We assessed how well Gwent Police keeps people safe and reduces crime.</p>
      {REPORT_LINK}</main></body></html>"""
    pub = parse_publication_page(html, URL)
    assert (pub.title, pub.published, pub.type, pub.forces) == (
        "PEEL 2025: An inspection of Gwent Police", "2025-09-11", "PEEL inspection", ["Gwent Police"])
    assert pub.warnings == []


@pytest.mark.parametrize("where", [
    "<p>Published by: HMICFRS and HMI Probation</p>",
    "<p>This joint inspection was carried out with HM Inspectorate of Probation.</p>",
    '<p><a href="https://hmiprobation.justiceinspectorates.gov.uk/document/example/">Read it on their site</a></p>',
    '<script type="application/ld+json">{"@type": "Report", "author": [{"name": "HMICFRS"},'
    ' {"name": "HM Inspectorate of Probation"}]}</script>',
])
def test_joint_partner_from_every_place(where):
    pub = parse_publication_page(bare_page("<p>Published: 1 May 2024</p><p>Type: Joint inspection</p>" + where), URL)
    assert pub.joint_with == ["HM Inspectorate of Probation"]


def test_a_date_alone_under_the_title_is_the_publication_date():
    pub = parse_publication_page(bare_page("<p>15 October 2025</p><p>Type: Thematic inspection</p>"), URL)
    assert pub.published == "2025-10-15" and pub.warnings == []
    two = "<p>15 October 2025</p><p>3 March 2024</p><p>Type: Thematic inspection</p>"
    assert parse_publication_page(bare_page(two), URL).published is None  # which one? a doubt, not a guess


def test_the_most_specific_of_several_structured_types_and_posted_in_categories():
    head = ('<meta property="article:tag" content="Thematic">'
            '<meta property="article:tag" content="PEEL">')
    pub = parse_publication_page(bare_page("<p>Published: 1 May 2024</p><p>Force: Kent</p>", head=head), URL)
    assert pub.type == "PEEL inspection" and pub.warnings == []
    posted = "<p>Published: 1 May 2024</p><p>Posted in: Crime data integrity, Thames Valley Police</p>"
    pub = parse_publication_page(bare_page(posted), URL)
    assert (pub.type, pub.forces) == ("Crime data integrity", ["Thames Valley Police"])


def test_attachment_cards_with_the_format_beside_the_link():
    links = f"""
      <section><div><h3><a href="/reports/an-example-inspection/">An example inspection: full report</a></h3>
        <p>HTML</p></div>
      <div><h3><a href="{ASSET}/media/4411/">An example inspection: full report</a></h3>
        <p>PDF, 1.4 MB, 60 pages</p></div></section>"""
    pub = parse_publication_page(bare_page("<p>Published: 1 May 2024</p><p>Type: Thematic inspection</p>",
                                           links=links), URL)
    assert [(d.kind, d.size) for d in pub.documents] == [("html", None), ("pdf", "1.4 MB")]


@pytest.mark.parametrize("facts", [
    "<ul><li>Published – 15 October 2025</li><li>Type – PEEL inspection</li><li>Force – Kent Police</li></ul>",
    "<p>Published <strong>15 October 2025</strong></p><p>Type <strong>PEEL inspection</strong></p>"
    "<p>Force <strong>Kent Police</strong></p>",
    "<p>Published | 15 October 2025</p><p>Type | PEEL inspection</p><p>Force | Kent Police</p>",
])
def test_labels_without_colons(facts):
    pub = parse_publication_page(bare_page(facts), URL)
    assert (pub.published, pub.type, pub.forces) == ("2025-10-15", "PEEL inspection", ["Kent Police"])
    assert pub.warnings == []


def test_title_from_json_ld_headline_when_the_page_has_no_heading():
    html = ("<html><head><script type='application/ld+json'>{\"@type\": \"Report\", \"headline\": "
            "\"Kent Police: crime data integrity inspection\", \"datePublished\": \"2025-06-05\"}</script></head>"
            f"<body><main><p>We inspected how well Kent Police records crime reported to it.</p>{REPORT_LINK}"
            "</main></body></html>")
    pub = parse_publication_page(html, URL)
    assert (pub.title, pub.published, pub.type, pub.forces) == (
        "Kent Police: crime data integrity inspection", "2025-06-05", "Crime data integrity inspection",
        ["Kent Police"])
    assert pub.warnings == []
