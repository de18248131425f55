"""watcher.parse.htmltree: the pruning tree builder and the fast find_all/find walks.

The builder's claim: a tree from `parse_html` reads the same, to every parser, as a
full `BeautifulSoup(html, "lxml")` tree after `blocks._drop_furniture`. The strongest
evidence is the held-out sites (tests/unseen, tests/heldout2..5): themes the pruning was
not written for. Every HTML page of each site is parsed both ways and read by every
parser.

Text either side of a dropped element, comment or processing instruction stays two
strings (as in the full tree), and `tags` follows bs4 on `limit=0` and a bare string
name: tests below hold both.

Where the pruned tree reads differently (better; tests below pin both):
- `_drop_furniture` looks at no more than 30 "cookie" strings, and on a full tree
  those can all be in the navigation, so a later cookie banner survives there (not
  when pruned);
- the first <title> inside a <template>: soup.title.get_text() was "" (bs4 keeps
  template text as TemplateString, which get_text skips); HeadInfo has its text;
"""

from __future__ import annotations

import re
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from watcher.parse import blocks, pages
from watcher.parse.htmltree import (
    DROP_ROLES,
    DROP_TAGS,
    HeadInfo,
    first_tag,
    parse_html,
    tags,
)

sys.path.insert(
    0, str(Path(__file__).parent)
)  # the held-out site packages live in tests/

SITE = "http://127.0.0.1:1"
ASSET = "http://127.0.0.1:2"


# --------------------------------------------------------------- helpers


def _full(html):
    return BeautifulSoup(html, "lxml")


def _old_head(full: BeautifulSoup) -> HeadInfo:
    """What pages.read_page read from a full tree before parse_html existed."""
    title = full.title.get_text() if full.title is not None else None
    meta = {
        (m.get("property") or m.get("name") or "").lower(): m.get("content") or ""
        for m in full.find_all("meta")
    }
    return HeadInfo(title, meta)


class _End:
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name


def canon(node) -> list:
    """The tree as start/end/text events: adjacent text merged and whitespace runs
    collapsed (so only how text is split into NavigableStrings is ignored); comments,
    doctype and processing instructions, which no parser reads, are left out."""
    out: list = []
    buf: list[str] = []

    def flush():
        if buf:
            out.append(re.sub(r"\s+", " ", "".join(buf)))
            buf.clear()

    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, _End):
            flush()
            out.append(("/", n.name))
        elif isinstance(n, Tag):
            flush()
            # a full tree splits class="a b" into a list; the pruned one keeps the string
            out.append((n.name, tuple(sorted(
                (k, " ".join(v) if isinstance(v, list) else str(v)) for k, v in n.attrs.items()
            ))))
            stack.append(_End(n.name))
            stack.extend(reversed(n.contents))
        elif type(n) is NavigableString:
            buf.append(str(n))
    flush()
    return out


def _body_text(soup) -> str:
    return (soup.body or soup).get_text(" ", strip=True)


def _furniture_left(soup) -> list[str]:
    """Elements/comments in a raw tree that the builder should have skipped."""
    bad = []
    for el in soup.descendants:
        if isinstance(el, Comment):
            bad.append("<!--comment-->")
        elif isinstance(el, Tag):
            role = el.get("role")
            if el.name in DROP_TAGS or (
                isinstance(role, str) and role.strip().lower() in DROP_ROLES
            ):
                bad.append(el.name)
            elif (
                el.name in ("header", "footer")
                and el.find_parent(["main", "article", "section"]) is None
            ):
                bad.append(el.name)
    return bad


def _old_page(html) -> pages.Page:
    """pages.Page as read_page built it from a full tree."""
    full = _full(html)
    head = _old_head(full)
    return pages.Page(
        full, pages.main_content(full), pages.clean(head.title), head.meta
    )


# --------------------------------------------------------- 1. real sites


def _mirror():
    from watcher.mirror.content import load_publications
    from watcher.mirror.render import build_site

    return build_site(
        load_publications(),
        base_url=SITE,
        asset_url=ASSET,
        nonce="n",
        built_at=datetime(2025, 12, 1, 9, 0, tzinfo=timezone.utc),
    )


def _unseen():
    from unseen.site import build_site

    return build_site(SITE, ASSET)


def _heldout2():
    from heldout2.content import PUBLICATIONS
    from heldout2.site import build_site

    return build_site(PUBLICATIONS, base_url=SITE, asset_url=ASSET)


def _heldout3():
    from heldout3.site import build_resources

    return build_resources(SITE, ASSET)


def _heldout4():
    from heldout4.site import resources

    return resources(SITE, ASSET)


def _heldout5():
    from heldout5.site import resources

    return resources(SITE, ASSET)


SITES = {
    "mirror": _mirror,
    "unseen": _unseen,
    "heldout2": _heldout2,
    "heldout3": _heldout3,
    "heldout4": _heldout4,
    "heldout5": _heldout5,
}


@pytest.mark.parametrize("site", list(SITES))
def test_site_pages_read_the_same_pruned_and_full(site):
    resources = SITES[site]()
    html_pages = {
        p: r.body for p, r in resources.items() if "html" in r.content_type.lower()
    }
    assert len(html_pages) >= 30, (
        f"{site}: expected a whole site, got {len(html_pages)} HTML pages"
    )

    mismatches: list[str] = []
    skipped_furniture = 0
    for path, body in sorted(html_pages.items()):
        full = _full(body)
        old_head = _old_head(full)
        skipped_furniture += len(_furniture_left(full))
        pruned, head = parse_html(body)

        # the builder really pruned: nothing _drop_furniture removes by tag/role is left
        left = _furniture_left(pruned)
        if left:
            mismatches.append(f"{path}: furniture built anyway: {sorted(set(left))}")
        if (head.title, head.meta) != (old_head.title, old_head.meta):
            mismatches.append(f"{path}: head {head!r} != {old_head!r}")

        root_full = blocks.main_content(full)
        root_pruned = blocks.main_content(pruned)
        if _body_text(full) != _body_text(pruned):
            mismatches.append(f"{path}: body text differs")
        if canon(full) != canon(pruned):
            mismatches.append(f"{path}: tree differs")
        if blocks.blocks_of(root_full) != blocks.blocks_of(root_pruned):
            mismatches.append(f"{path}: blocks differ")

        # the page parser, on a Page built from each tree as read_page builds it
        # (main_content again: _drop_furniture is idempotent, blocks_of changes nothing)
        old = pages.Page(
            full, pages.main_content(full), pages.clean(old_head.title), old_head.meta
        )
        new = pages.Page(
            pruned, pages.main_content(pruned), pages.clean(head.title), head.meta
        )
        if path.startswith("/publication-html/"):
            if pages.parse_report_page(old) != pages.parse_report_page(new):
                mismatches.append(f"{path}: parse_report_page differs")
        elif path.startswith("/publications/") and path.count("/") >= 3:
            url = SITE + path
            if pages.parse_publication_page(old, url) != pages.parse_publication_page(
                new, url
            ):
                mismatches.append(f"{path}: parse_publication_page differs")
        elif pages.content_text(old.main) != pages.content_text(new.main):
            mismatches.append(f"{path}: content_text differs")

    assert not mismatches, f"{site}: {len(mismatches)} differences:\n" + "\n".join(
        mismatches[:20]
    )
    # the comparison meant something: these themes do have furniture to skip
    assert skipped_furniture > 2 * len(html_pages)


# ------------------------------------------------------- 2. head capture

HEAD_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Custody &amp; detention &ndash; HMICFRS</title>
<title>Second title</title>
<meta name="Description" content="A report about custody">
<meta property="OG:Title" content="Custody and detention">
<meta property="article:published_time" content="2025-11-20T09:00:00+00:00">
<meta name="robots">
<link rel="stylesheet" href="s.css">
<script>var t = "<title>not this</title>";</script>
</head><body>
<nav><a href="/">Home</a><title>nav title</title></nav>
<main><h1>Custody</h1><p>Report text.</p>
<meta name="citation_title" content="In the body"></main>
</body></html>"""


def test_title_is_first_and_entity_decoded():
    _, head = parse_html(HEAD_PAGE)
    assert head.title == "Custody & detention \u2013 HMICFRS"


def test_meta_by_name_and_property_lowercased_including_body():
    _, head = parse_html(HEAD_PAGE)
    assert head.meta["description"] == "A report about custody"
    assert head.meta["og:title"] == "Custody and detention"
    assert head.meta["article:published_time"] == "2025-11-20T09:00:00+00:00"
    assert head.meta["robots"] == ""  # no content attribute
    assert head.meta["citation_title"] == "In the body"
    assert "OG:Title" not in head.meta and "Description" not in head.meta
    assert head == _old_head(_full(HEAD_PAGE))


def test_head_script_nav_not_in_tree_but_content_is():
    soup, _ = parse_html(HEAD_PAGE)
    names = {el.name for el in soup.find_all(True)}
    assert not names & {"head", "title", "meta", "link", "script", "nav"}
    assert soup.body is not None
    text = soup.body.get_text(" ", strip=True)
    assert text == "Custody Report text."
    assert "Home" not in text and "not this" not in text


def test_title_missing_and_late():
    assert parse_html("<html><body><p>No title</p></body></html>")[1].title is None
    assert (
        parse_html("<html><body><p>x</p><title>Late</title></body></html>")[1].title
        == "Late"
    )
    # an empty first title is the title (as soup.title was)
    html = "<html><head><title></title></head><body><title>B</title></body></html>"
    assert parse_html(html)[1].title == "" == _old_head(_full(html)).title
    # a title never closed runs to the end of the document, as lxml reads it
    html = "<html><head><title>T &amp; U"
    assert parse_html(html)[1].title == "T & U" == _old_head(_full(html)).title


def test_duplicate_meta_last_wins_as_before():
    html = (
        '<meta name="description" content="first">'
        '<meta name="DESCRIPTION" content="second">'
        '<meta property="og:title" name="ignored" content="prop wins">'
    )
    _, head = parse_html(html)
    assert head.meta == {"description": "second", "og:title": "prop wins"}
    assert head.meta == _old_head(_full(html)).meta


# ------------------------------------- 3. header/footer, roles, comments


def _text(html) -> str:
    return _body_text(parse_html(html)[0])


def test_site_header_and_footer_outside_content_dropped():
    html = (
        "<body><header><h1>HM Inspectorate</h1><p>Site strapline</p></header>"
        "<div><p>Report body.</p></div><footer><p>Crown copyright</p></footer></body>"
    )
    assert _text(html) == "Report body."


@pytest.mark.parametrize("section", ["article", "section", "main"])
def test_header_footer_inside_content_section_kept(section):
    html = (
        f"<body><header>Site</header><div><{section}><header><h1>Report title</h1>"
        f"<p>Published 1 May 2025</p></header><p>Body.</p>"
        f"<footer><p>Report footnote</p></footer>"
        f"</{section}></div><footer>Site footer</footer></body>"
    )
    soup, _ = parse_html(html)
    assert _body_text(soup) == "Report title Published 1 May 2025 Body. Report footnote"
    assert [h.parent.name for h in soup.find_all("header")] == [section]
    assert [f.parent.name for f in soup.find_all("footer")] == [section]


def test_header_after_content_section_closed_is_dropped_again():
    # the builder's "inside a section" count must go back down when the section ends
    html = (
        "<body><article><header>Kept</header><p>A.</p></article>"
        "<header>Dropped</header>"
        "<section><div><footer>Kept too</footer></div></section>"
        "<footer>Dropped too</footer></body>"
    )
    assert _text(html) == "Kept A. Kept too"


@pytest.mark.parametrize(
    "role",
    [
        "navigation",
        "Navigation",
        " NAVIGATION ",
        "banner",
        "\tBanner\n",
        "contentinfo",
        "search",
        "menubar",
        "toolbar",
        "dialog",
        "alert",
    ],
)
def test_furniture_roles_dropped_any_case_and_spacing(role):
    html = (
        f'<body><div role="{role}"><p>Furniture</p><a href="/">link</a></div>'
        "<p>Content.</p></body>"
    )
    soup, _ = parse_html(html)
    assert _body_text(soup) == "Content."
    assert soup.find(attrs={"role": True}) is None


@pytest.mark.parametrize(
    "role", ["main", "note", "complementary", "navigation menu", "heading"]
)
def test_other_roles_kept(role):
    html = f'<body><div role="{role}"><p>Kept text</p></div></body>'
    soup, _ = parse_html(html)
    assert _body_text(soup) == "Kept text"
    assert soup.find("div")["role"] == role


def test_furniture_inside_a_kept_role_subtree_and_nested_skips():
    # depth counting: the skipped subtree ends where its element ends, however deep
    html = (
        '<body><main><div role="navigation">'
        "<div><nav><ul><li><a>Menu</a></li></ul></nav></div>"
        "<script>x</script><p>still nav</p></div>"
        "<p>Content after.</p><form><p>Q</p></form>"
        "<p>End.</p></main></body>"
    )
    assert _text(html) == "Content after. End."


def test_comments_and_processing_instructions_dropped():
    html = (
        "<body><main><p>One</p><!-- a comment --><p>Two<!--inline--></p>"
        "<?php echo 1 ?></main></body>"
    )
    soup, _ = parse_html(html)
    assert not soup.find_all(string=lambda s: isinstance(s, Comment))
    assert [
        type(s) for s in soup.main.descendants if isinstance(s, NavigableString)
    ] == [NavigableString] * 2
    assert _body_text(soup) == "One Two"


@pytest.mark.parametrize(
    "tag",
    [
        "script",
        "style",
        "noscript",
        "template",
        "form",
        "iframe",
        "svg",
        "button",
        "select",
        "textarea",
        "object",
        "canvas",
        "map",
        "audio",
        "video",
        "picture",
        "math",
    ],
)
def test_drop_tags_with_content(tag):
    html = (
        f"<body><main><p>Before.</p><{tag}><p>inside</p>inner</{tag}>"
        "<p>After.</p></main></body>"
    )
    soup, _ = parse_html(html)
    assert soup.find(tag) is None
    assert _body_text(soup) == "Before. After."


# ------------------------------------------------ 4. bytes and encodings


@pytest.mark.parametrize(
    "declaration",
    [
        '<meta charset="windows-1252">',
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
    ],
)
def test_bytes_with_declared_windows_1252(declaration):
    page = (
        f"<html><head>{declaration}"
        "<title>\u201cCustody\u201d report \u2013 \u00a35m</title></head><body><main>"
        "<p>It said \u201cimprove\u201d; it cost \u00a33 \u2014 caf\u00e9.</p></main>"
        "</body></html>"
    )
    raw = page.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # so a wrong guess would show
    soup, head = parse_html(raw)
    assert head.title == "\u201cCustody\u201d report \u2013 \u00a35m"
    assert (
        _body_text(soup)
        == "It said \u201cimprove\u201d; it cost \u00a33 \u2014 caf\u00e9."
    )
    assert soup.original_encoding.lower() in ("windows-1252", "cp1252")
    full = _full(raw)
    blocks._drop_furniture(full)
    assert _body_text(full) == _body_text(soup)


def test_bytes_utf8_undeclared():
    raw = "<html><body><p>\u00a3 \u201cok\u201d</p></body></html>".encode()
    assert _body_text(parse_html(raw)[0]) == "\u00a3 \u201cok\u201d"


# --------------------------------------------------- 5. tags / first_tag

VARIED = [
    HEAD_PAGE,
    "<div><p>a<span>b<p>c</p></span></p><ul><li>1<ul><li>2</li></ul></li><li>3</li></ul>"
    "<table><tr><td>x</td><th>y</th></tr><tr><td><p>z</p></td></tr></table></div>",
    "<h2>A</h2><div><h3>B</h3><section><h2>C</h2><h4>D</h4></section></div><h3>E</h3><p><b>F</b></p>",
    "<p>no match here</p>",
    "",
]
NAME_SETS = [
    ("p",),
    ("h2", "h3"),
    frozenset({"li", "td", "th"}),
    ("h1",),
    frozenset({"a"}),
    ("div", "section", "ol", "ul", "p"),
    ("table", "tr", "b", "span"),
]


@pytest.mark.parametrize("doc", range(len(VARIED)))
def test_tags_and_first_tag_match_bs4(doc):
    soup = _full(VARIED[doc])
    starts = [soup] + soup.find_all(True)
    for node in starts:
        for names in NAME_SETS:
            expected = node.find_all(list(names))
            got = tags(node, names)
            assert [id(e) for e in got] == [id(e) for e in expected]
            for limit in (1, 2, 3, 40):
                assert tags(node, names, limit=limit) == expected[:limit]
                assert [id(e) for e in tags(node, names, limit=limit)] == [
                    id(e) for e in expected[:limit]
                ]
            found = node.find(list(names))
            assert first_tag(node, names) is found


def test_tags_excludes_the_node_itself_and_strings():
    soup = _full("<div id=o><div id=i>div text</div></div>")
    outer = soup.find(id="o")
    assert [e["id"] for e in tags(outer, ("div",))] == ["i"]
    assert first_tag(soup.find(id="i"), ("div",)) is None
    assert tags(outer, ("div",), limit=None) == outer.find_all("div")


def test_tags_limit_zero_like_find_all():
    soup = _full("<p>a</p><p>b</p><p>c</p>")
    assert tags(soup, ("p",), limit=0) == soup.find_all("p", limit=0)


def test_tags_bare_string_name_like_find_all():
    soup = _full("<a>x</a><table><tr><td>y</td></tr></table>")
    assert tags(soup, "table") == soup.find_all("table")


# ------------------------------------------------------------ hypothesis

_NAMES = [
    "div",
    "p",
    "span",
    "main",
    "article",
    "section",
    "header",
    "footer",
    "nav",
    "aside",
    "ul",
    "li",
    "table",
    "tr",
    "td",
    "h2",
    "a",
    "b",
    "form",
    "button",
    "svg",
]
# (no <template>: see test_title_inside_template)
_ROLES = [
    None,
    None,
    None,
    "navigation",
    " Banner ",
    "contentinfo",
    "main",
    "note",
    "dialog",
]
_WORDS = ["Report", "text", " ", "\n  ", "a b", "&amp; co", "\u00a3", "x"]
_LEAVES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(
        [
            "<!-- c -->",
            "<br>",
            '<img src="i.png" alt="i">',
            "<input>",
            '<meta name="Gen" content="m">',
            "<script>var s = '<p>no</p>';</script>",
            "<style>p{}</style>",
            "<title>Body title</title>",
            "<?pi x?>",
        ]
    ),
)


def _element(args) -> str:
    name, role, kids = args
    attr = f' role="{role}"' if role is not None else ""
    return f"<{name}{attr}>{''.join(kids)}</{name}>"


_NODES = st.recursive(
    _LEAVES,
    lambda kids: st.tuples(
        st.sampled_from(_NAMES), st.sampled_from(_ROLES), st.lists(kids, max_size=4)
    ).map(_element),
    max_leaves=30,
)
_HEADS = st.lists(
    st.sampled_from(
        [
            "<title>T &amp; t</title>",
            '<meta property="og:title" content="O">',
            '<meta name="description" content="D">',
            "<script>s()</script>",
            '<link rel="x" href="y">',
        ]
    ),
    max_size=4,
)
_DOCS = st.tuples(_HEADS, st.lists(_NODES, max_size=5)).map(
    lambda t: (
        f"<!DOCTYPE html><html><head>{''.join(t[0])}</head>"
        f"<body>{''.join(t[1])}</body></html>"
    )
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCS)
def test_generated_pages_prune_like_drop_furniture(html):
    full = _full(html)
    old_head = _old_head(full)
    pruned, head = parse_html(html)
    assert (head.title, head.meta) == (old_head.title, old_head.meta)
    assert _furniture_left(pruned) == []
    blocks._drop_furniture(full)
    blocks._drop_furniture(pruned)
    assert canon(pruned) == canon(full)
    assert re.sub(r"\s+", " ", pruned.get_text()) == re.sub(
        r"\s+", " ", full.get_text()
    )


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_NODES, max_size=5),
    st.sampled_from(NAME_SETS),
    st.sampled_from([None, 1, 2, 5]),
)
def test_generated_tags_and_first_tag_match_bs4(nodes, names, limit):
    soup = _full("".join(nodes))
    for node in [soup] + soup.find_all(True)[:20]:
        expected = node.find_all(list(names), limit=limit)
        assert [id(e) for e in tags(node, names, limit=limit)] == [
            id(e) for e in expected
        ]
        assert first_tag(node, names) is node.find(list(names))


# ----------------------------------------------------- 6. malformed HTML

MALFORMED = {
    "nav closed by parent": (
        "<body><div><nav><a>menu</a></div><p>After nav.</p></body>",
        "After nav.",
    ),
    "role nav closed by p": (
        '<body><p>A<span role="navigation">menu</p><p>B.</p></body>',
        "A B.",
    ),
    "unclosed tags": (
        "<body><main><p>a<p>b<ul><li>c<li>d</main><footer>f</footer>",
        "a b c d",
    ),
    "stray end tags": (
        "<body><main><p>one</div><p>two</span></p></main></div></div><p>three",
        "one two three",
    ),
    "header unclosed in article": (
        "<body><article><header><h2>H</h2><p>body</article><p>after</p>",
        "H body after",
    ),
    "form never closed": (
        "<body><main><p>x</p><form><p>field</p></main><p>y</p>",
        None,
    ),
    "nav never closed": ("<body><nav><ul><li>a</ul><p>Report text</p></body>", None),
    "deep divs": (
        "<body><main>"
        + "<div>" * 2000
        + "deep text"
        + "</div>" * 2000
        + "<p>after</p></main>",
        "deep text after",
    ),
    "deep divs in nav": (
        "<body><nav>"
        + "<div>" * 2000
        + "menu"
        + "</div>" * 2000
        + "</nav><p>after</p>",
        "after",
    ),
    "deep unclosed": ("<body><main>" + "<div><p>t" * 2000, None),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_malformed_html_prunes_as_lxml_reads_it(case):
    html, expected = MALFORMED[case]
    pruned, _ = parse_html(html)
    full = _full(html)
    blocks._drop_furniture(full)
    if expected is not None:
        assert _body_text(pruned) == expected
    assert _body_text(pruned) == _body_text(full)
    assert canon(pruned) == canon(full)
    assert _furniture_left(pruned) == []


def test_deep_tree_blocks_and_walks_do_not_raise():
    html = "<body><main>" + "<div>" * 2000 + "<p>deep</p>" + "</div>" * 2000 + "</main>"
    soup, _ = parse_html(html)
    assert [e.name for e in tags(soup, ("p",))] == ["p"]
    assert first_tag(soup, ("p",)).get_text() == "deep"
    found = blocks.blocks_of(blocks.main_content(soup))
    assert "deep" in " ".join(b.text for b in found)


# ----------------------------------------------------- known differences

SPLIT_TEXT = (
    '<html><body><main><p>Read the report<img src="pdf.svg" alt="">(PDF)</p>'
    "<p>Inspected 12<!-- -->%</p><p>a<?php echo 1 ?>b</p><p>Lead<nav>m</nav>tail</p>"
    "</main></body></html>"
)


def test_text_split_by_dropped_element_same_blocks():
    # blocks join inline strings with nothing between them, so they do not see the split
    assert blocks.blocks_of(
        blocks.main_content(parse_html(SPLIT_TEXT)[0])
    ) == blocks.blocks_of(blocks.main_content(_full(SPLIT_TEXT)))


def test_text_split_by_dropped_element_get_text_with_separator():
    full = _full(SPLIT_TEXT)
    blocks._drop_furniture(full)
    assert _body_text(parse_html(SPLIT_TEXT)[0]) == _body_text(full)


def test_text_split_by_dropped_element_content_text():
    assert pages.content_text(pages.read_page(SPLIT_TEXT).main) == pages.content_text(
        _old_page(SPLIT_TEXT).main
    )


def test_text_in_list_split_by_script_blocks():
    html = (
        "<html><body><main><ul>one<script>x</script>two<li>item</li></ul>"
        "</main></body></html>"
    )
    assert blocks.blocks_of(
        blocks.main_content(parse_html(html)[0])
    ) == blocks.blocks_of(blocks.main_content(_full(html)))


COOKIE_NAV = (
    "<body><nav>"
    + "".join(f"<a>cookie policy {i}</a>" for i in range(35))
    + "</nav><div><p>We use cookies. Accept or reject.</p></div>"
    + f"<main><h1>T</h1><p>{'Report text. ' * 30}</p></main></body>"
)


def test_cookie_banner_after_a_cookie_heavy_nav_pruned():
    pruned, _ = parse_html(COOKIE_NAV)
    blocks._drop_furniture(pruned)
    assert _body_text(pruned) == "T " + ("Report text. " * 30).strip()


def test_cookie_banner_after_a_cookie_heavy_nav_is_kept_by_a_full_tree():
    """Why the pruned tree reads better here: the full tree spends _drop_furniture's 30
    "cookie" strings on the nav and keeps the banner."""
    full = _full(COOKIE_NAV)
    blocks._drop_furniture(full)
    assert "We use cookies" in _body_text(full)


def test_title_inside_template_is_read():
    """bs4 keeps <template> text as TemplateString, which get_text skips (the old
    reading gave ""); the builder captures the title's text itself."""
    html = (
        "<html><head></head><body>"
        "<template><title>Body title</title></template></body></html>"
    )
    assert _old_head(_full(html)).title == ""
    assert parse_html(html)[1].title == "Body title"


def test_is_decomposed_matches_bs4_on_live_removed_and_inner_tags():
    from watcher.parse.htmltree import is_decomposed

    soup, _ = parse_html("<main><div><p>a <b>b</b></p></div><p>c</p></main>")
    div, last = soup.find("div"), soup.find_all("p")[-1]
    inner = div.find("b")
    div.decompose()
    assert is_decomposed(div) and div.decomposed
    assert is_decomposed(inner) and inner.decomposed  # a descendant of a removed tag
    assert not is_decomposed(last) and not last.decomposed
    assert not is_decomposed(soup.find("main"))


def test_class_attribute_stays_one_string():
    soup, _ = parse_html('<main><p class="lead  intro">x</p></main>')
    assert soup.find("p")["class"] == "lead  intro"
