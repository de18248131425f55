"""The RSS/Atom feed of change events: validity, order, GUIDs, titles, filters, hostile text.
Events and reports are built here with our own prose."""

from __future__ import annotations

import re

import feedparser
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree, html as lxml_html

from watcher.publish.feed import (
    count_phrase,
    event_guid,
    event_headline,
    filter_events,
    force_key,
    render_feed,
)

SITE = "https://hmicfrs.justiceinspectorates.gov.uk"
WMP = "West Midlands Police"


def rep(slug, title, *, forces=(), all_forces=False, type_="Thematic inspection", recs=0, cc=0, afis=0,
        causes=0, published="2025-10-15"):
    return {
        "url": f"{SITE}/publications/{slug}/", "slug": slug, "title": title, "published": published,
        "type": type_, "forces": list(forces), "all_forces": all_forces, "joint_with": [],
        "summary": f"Summary of {title}.", "recommendations": recs,
        "recommendations_to_chief_constables": cc, "areas_for_improvement": afis,
        "causes_of_concern": causes,
        "documents": [{"url": f"https://assets-hmicfrs.justiceinspectorates.gov.uk/uploads/{slug}.pdf",
                       "title": "Full report", "kind": "pdf", "size": "2.3 MB"}],
        "status": "active", "first_seen": f"{published}T06:00:00+00:00",
        "last_changed": f"{published}T06:00:00+00:00", "warnings": [],
    }


NATIONAL = rep("diverting-children", "Diverting children from the criminal justice system",
               type_="Joint thematic inspection", recs=18, cc=1)
WMP_CP = rep("wmp-child-protection", "West Midlands Police: national child protection inspection",
             forces=[WMP], type_="Child protection inspection", afis=7, published="2025-11-20")
NY_PEEL = rep("ny-peel", "PEEL 2025: North Yorkshire Police", forces=["North Yorkshire Police"],
              type_="PEEL assessment", afis=4, published="2025-11-02")
ALL_FLAG = rep("cse-progress", "Group-based child sexual exploitation: progress report", all_forces=True,
               forces=["Every force in England and Wales"], type_="Progress report", recs=6, cc=4,
               published="2025-10-24")
REPORTS = {r["url"]: r for r in (NATIONAL, WMP_CP, NY_PEEL, ALL_FLAG)}


def ev(id_, at, kind, r, details):
    return {"id": id_, "at": at, "kind": kind, "url": r["url"], "slug": r["slug"], "title": r["title"],
            "details": details}


def counts(r):
    return {k: r[k] for k in ("recommendations", "recommendations_to_chief_constables",
                              "areas_for_improvement", "causes_of_concern")}


EVENTS = [
    ev(1, "2025-10-15T06:00:00Z", "new", NATIONAL,
       {"type": NATIONAL["type"], "published": "2025-10-15", "forces": [], "counts": counts(NATIONAL)}),
    ev(2, "2025-10-24T06:00:00+00:00", "new", ALL_FLAG,
       {"type": ALL_FLAG["type"], "published": "2025-10-24", "forces": [], "counts": counts(ALL_FLAG)}),
    ev(3, "2025-11-02T06:00:00Z", "new", NY_PEEL,
       {"type": NY_PEEL["type"], "published": "2025-11-02", "forces": NY_PEEL["forces"],
        "counts": counts(NY_PEEL)}),
    ev(4, "2025-11-20T06:00:00Z", "new", WMP_CP,
       {"type": WMP_CP["type"], "published": "2025-11-20", "forces": [WMP], "counts": counts(WMP_CP)}),
    ev(5, "2025-10-17T06:00:00Z", "findings_changed", NATIONAL,
       {"old": {"recommendations": 16, "recommendations_to_chief_constables": 1},
        "new": {"recommendations": 18, "recommendations_to_chief_constables": 1},
        "added": [{"kind": "recommendation",
                   "text": "By 31 March 2026, youth justice services should publish diversion data."},
                  {"kind": "recommendation",
                   "text": "By 31 March 2026, the Youth Justice Board should issue guidance."}],
        "removed": []}),
    ev(6, "2025-10-20T06:00:00Z", "document_added", NATIONAL,
       {"documents": [{"url": f"{SITE}/uploads/easy-read.pdf", "title": "Easy read version"}]}),
    ev(7, "2025-10-21T06:00:00Z", "document_removed", NATIONAL,
       {"documents": [{"url": f"{SITE}/uploads/draft.pdf", "title": "Data annex"}]}),
    ev(8, "2025-10-22T06:00:00Z", "metadata_changed", NATIONAL,
       {"changes": {"title": {"old": "Diverting children", "new": NATIONAL["title"]}}}),
    ev(9, "2025-11-25T06:00:00Z", "withdrawn", NY_PEEL, {"status": 410}),
    ev(10, "2025-11-26T06:00:00Z", "reinstated", NY_PEEL, {}),
]


def parse_xml(data: bytes):
    return etree.fromstring(data)  # raises on malformed XML


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_feed_parses_cleanly_newest_first(fmt):
    data = render_feed(EVENTS, site_url=SITE, fmt=fmt, reports=REPORTS, self_url=f"{SITE}/feed.xml")
    parse_xml(data)
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == ("rss20" if fmt == "rss" else "atom10")
    assert len(parsed.entries) == len(EVENTS)
    times = [e.published_parsed if fmt == "rss" else e.updated_parsed for e in parsed.entries]
    assert times == sorted(times, reverse=True)
    assert parsed.entries[0].title.startswith("Reinstated: ")
    assert parsed.entries[0].link == NY_PEEL["url"]


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_guids_stable_unique_and_not_permalinks(fmt):
    first = render_feed(EVENTS, site_url=SITE, fmt=fmt, reports=REPORTS)
    second = render_feed(list(reversed(EVENTS)), site_url=SITE, fmt=fmt, reports=REPORTS)
    assert first == second  # same events -> same bytes (lastBuildDate = newest event)
    ids = [e.id for e in feedparser.parse(first).entries]
    assert len(set(ids)) == len(EVENTS)
    assert all(i.startswith("tag:hmicfrs-watch,2025-") for i in ids)
    if fmt == "rss":
        guids = parse_xml(first).findall(".//item/guid")
        assert all(g.get("isPermaLink") == "false" for g in guids)


def test_guid_depends_on_event_identity_only():
    e = EVENTS[4]
    assert event_guid(e) == event_guid(dict(e, title="Renamed later", details={}))
    assert event_guid(e) != event_guid(dict(e, id=99))
    assert event_guid(e) != event_guid(dict(e, at="2025-10-18T06:00:00Z"))
    # equivalent spellings of the same instant give the same GUID
    assert event_guid(dict(e, at="2025-10-17T06:00:00Z")) == event_guid(dict(e, at="2025-10-17T06:00:00+00:00"))
    no_id = dict(e, id=None)
    assert event_guid(no_id) == event_guid(dict(no_id)) and event_guid(no_id) != event_guid(e)


def test_titles_per_kind():
    titles = {e["id"]: event_headline(e, REPORTS.get(e["url"])) for e in EVENTS}
    assert titles[1] == f"New report: {NATIONAL['title']}"
    assert titles[5] == f"Updated: {NATIONAL['title']} (2 recommendations added)"
    assert titles[6] == f"New document: {NATIONAL['title']} (Easy read version)"
    assert titles[7] == f"Document removed: {NATIONAL['title']} (Data annex)"
    assert titles[8] == f"Corrected: {NATIONAL['title']} (title changed)"
    assert titles[9] == f"Withdrawn: {NY_PEEL['title']}"
    assert titles[10] == f"Reinstated: {NY_PEEL['title']}"


def test_headline_variants():
    base = EVENTS[4]
    fewer = dict(base, details={"old": {"recommendations": 3, "areas_for_improvement": 2},
                                "new": {"recommendations": 2, "areas_for_improvement": 3}})
    assert event_headline(fewer).endswith("(1 recommendation removed; 1 area for improvement added)")
    reworded = dict(base, details={"old": {"recommendations": 3}, "new": {"recommendations": 3},
                                   "added": ["x"], "removed": ["y"]})
    assert event_headline(reworded).endswith("(wording of 1 finding changed)")
    # architecture.md documents plain strings in added/removed; diff.py emits {kind, text}
    from watcher.publish.feed import event_detail_items

    texts = [i["text"] for i in event_detail_items(reworded)]
    assert texts == ["Added: x", "Removed: y"]
    several = dict(EVENTS[7], details={"changes": {"published": {"old": "2025-10-14", "new": "2025-10-15"},
                                                   "type": {"old": "A", "new": "B"}}})
    assert event_headline(several).endswith("(publication date and type changed)")
    assert count_phrase({"recommendations": 1, "recommendations_to_chief_constables": 1,
                         "areas_for_improvement": 1, "causes_of_concern": 1}) == (
        "1 recommendation (1 to chief constables), 1 area for improvement, 1 cause of concern")


def test_description_content():
    parsed = feedparser.parse(render_feed(EVENTS, site_url=SITE, reports=REPORTS))
    by_title = {e.title: e for e in parsed.entries}
    new = lxml_html.fromstring(by_title[f"New report: {NATIONAL['title']}"].description)
    text = new.text_content()
    assert "Type: Joint thematic inspection" in text
    assert "Published: 15 October 2025" in text
    assert "Forces: All forces" in text
    assert "18 recommendations (1 to chief constables), 0 areas for improvement, 0 causes of concern" in text
    assert f"https://assets-hmicfrs.justiceinspectorates.gov.uk/uploads/{NATIONAL['slug']}.pdf" in new.xpath("//a/@href")
    changed = lxml_html.fromstring(by_title[f"Updated: {NATIONAL['title']} (2 recommendations added)"].description)
    ctext = changed.text_content()
    assert "Recommendations: 16 → 18" in ctext
    assert "Added recommendation: By 31 March 2026, the Youth Justice Board should issue guidance." in ctext
    wmp = lxml_html.fromstring(by_title[f"New report: {WMP_CP['title']}"].description).text_content()
    assert "Forces: West Midlands Police" in wmp and "7 areas for improvement" in wmp
    corrected = lxml_html.fromstring(by_title[f"Corrected: {NATIONAL['title']} (title changed)"].description)
    assert f"Title: Diverting children → {NATIONAL['title']}" in corrected.text_content()


def test_description_without_reports_uses_new_event_details():
    parsed = feedparser.parse(render_feed(EVENTS[:1], site_url=SITE))
    assert "Forces: All forces" in lxml_html.fromstring(parsed.entries[0].description).text_content()


def test_empty_feed_is_valid():
    for fmt in ("rss", "atom"):
        data = render_feed([], site_url=SITE, fmt=fmt)
        parse_xml(data)
        assert feedparser.parse(data).bozo == 0


def test_unknown_format_rejected():
    with pytest.raises(ValueError):
        render_feed(EVENTS, site_url=SITE, fmt="json")


# ----------------------------------------------------------------------- filters


def ids(events):
    return sorted(e["id"] for e in events)


def test_force_filter_keeps_force_and_all_forces():
    kept = filter_events(EVENTS, force="west midlands police", reports=REPORTS)
    assert ids(kept) == [1, 2, 4, 5, 6, 7, 8]  # national, all-forces flag, own; not North Yorkshire
    assert ids(filter_events(EVENTS, force="West Midlands", reports=REPORTS)) == ids(kept)
    assert ids(filter_events(EVENTS, force="North Yorkshire Police", reports=REPORTS)) == [1, 2, 3, 5, 6, 7, 8, 9, 10]


def test_force_filter_without_reports_uses_new_details_and_keeps_unknown():
    kept = filter_events(EVENTS, force=WMP)
    assert 3 not in ids(kept)  # a "new" event names North Yorkshire in its details
    assert {9, 10} <= set(ids(kept))  # unknown report: kept rather than silently missed


def test_type_filter_substring_case_insensitive():
    assert ids(filter_events(EVENTS, type="peel", reports=REPORTS)) == [3, 9, 10]
    assert ids(filter_events(EVENTS, type="INSPECTION", reports=REPORTS)) == [1, 4, 5, 6, 7, 8]


def test_kind_filter_and_combination():
    assert ids(filter_events(EVENTS, kinds={"withdrawn", "reinstated"})) == [9, 10]
    assert ids(filter_events(EVENTS, kinds={"new"}, force=WMP, reports=REPORTS)) == [1, 2, 4]
    assert filter_events(EVENTS, kinds=set()) == []


def test_force_key():
    assert force_key("Avon & Somerset Constabulary") == force_key("avon and somerset")
    assert force_key("The Metropolitan Police Service") == force_key("Metropolitan")
    assert force_key("West Midlands Police") != force_key("West Mercia Police")


# ------------------------------------------------------------------ hostile text

HOSTILE = (
    'Fish & Chips "quoted" \'single\' <script>alert(1)</script> &lt;script&gt;alert(2)&lt;/script&gt; '
    "&amp;amp; \x00\x01\x08\x0b\x0c\x1b[2J\x7f\x85\x9f\ufffe\uffff \ud800 \udfff \u202eesrever\u202c "
    "\u200fRTL mark\u200f ]]> <![CDATA[x]]> <img src=x onerror=alert(3)>"
)


def hostile_events():
    r = dict(rep("hostile", HOSTILE, forces=[HOSTILE], type_=HOSTILE, recs=2, cc=1))
    r["summary"] = HOSTILE
    r["documents"] = [{"url": "javascript:alert(4)", "title": HOSTILE, "kind": HOSTILE, "size": HOSTILE},
                      {"url": f"{SITE}/a\"b<c>.pdf", "title": "odd url", "kind": "pdf", "size": None}]
    r["joint_with"] = [HOSTILE]
    base = {"url": r["url"], "slug": HOSTILE, "title": HOSTILE}
    events = [
        dict(base, id=1, at="2025-10-01T00:00:00Z", kind="new",
             details={"type": HOSTILE, "published": HOSTILE, "forces": [HOSTILE], "counts": {}}),
        dict(base, id=2, at="2025-10-02T00:00:00Z", kind="metadata_changed",
             details={"changes": {HOSTILE: {"old": HOSTILE, "new": [HOSTILE]}, "title": {"old": HOSTILE, "new": HOSTILE}}}),
        dict(base, id=3, at="2025-10-03T00:00:00Z", kind="document_added",
             details={"documents": [{"url": "javascript:alert(5)", "title": HOSTILE}]}),
        dict(base, id=4, at="2025-10-04T00:00:00Z", kind="findings_changed",
             details={"old": {}, "new": {"recommendations": 1}, "added": [HOSTILE], "removed": [HOSTILE]}),
        dict(base, id=5, at="2025-10-05T00:00:00Z", kind="withdrawn", details={"status": HOSTILE}),
        dict(base, id=6, at=HOSTILE, kind=HOSTILE, details={}),
    ]
    return events, {r["url"]: r}


XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e]")


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_hostile_text_gives_well_formed_escaped_feed(fmt):
    events, reports = hostile_events()
    data = render_feed(events, site_url=SITE, fmt=fmt, reports=reports, title=HOSTILE)
    root = parse_xml(data)
    assert not XML_FORBIDDEN.search(data.decode("utf-8"))
    # no element other than the feed's own vocabulary: markup in text stayed text
    local = {etree.QName(el).localname for el in root.iter() if isinstance(el.tag, str)}
    assert not local & {"script", "img", "p", "ul", "li", "a"}
    parsed = feedparser.parse(data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert len(parsed.entries) == len(events)
    for entry in parsed.entries:
        raw_html = entry.get("description") or entry.content[0].value
        doc = lxml_html.fromstring(f"<div>{raw_html}</div>")
        assert not doc.xpath("//script") and not doc.xpath("//img")
        assert not [h for h in doc.xpath("//@href") if not h.startswith("https://")]
        assert not [a for a in doc.xpath("//@*") if a.attrname.startswith("on")]
    # the description's HTML (before feedparser's own sanitising) shows the markup as text
    desc = root.find(".//item/description") if fmt == "rss" else root.find(".//{*}entry/{*}content")
    inner = lxml_html.fromstring(f"<div>{desc.text}</div>")
    assert not inner.xpath("//script")
    assert "<script>alert(1)</script>" in inner.text_content()
    assert "&lt;script&gt;alert(2)" in inner.text_content()  # entity trick stays literal
    assert "\u200fRTL mark\u200f" in inner.text_content()
    titles = [e.title for e in parsed.entries]
    assert any("Fish & Chips" in t for t in titles)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.text(max_size=40), summary=st.text(max_size=40), fmt=st.sampled_from(["rss", "atom"]))
def test_any_text_gives_parseable_feed(title, summary, fmt):
    r = dict(rep("any", title), summary=summary)
    events = [{"id": 1, "at": "2025-10-01T00:00:00Z", "kind": "new", "url": r["url"], "slug": "any",
               "title": title, "details": {"type": summary, "forces": [summary], "counts": {}}},
              {"id": 2, "at": "2025-10-02T00:00:00Z", "kind": "findings_changed", "url": r["url"],
               "slug": "any", "title": title, "details": {"added": [summary], "removed": [title]}}]
    data = render_feed(events, site_url=SITE, fmt=fmt, reports={r["url"]: r})
    parse_xml(data)
    assert feedparser.parse(data).bozo == 0
