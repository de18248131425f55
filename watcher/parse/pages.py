"""Publication pages and HTML reports -> Publication records.

Everything here keys on wording ("Published:", "Type", "Forces", "All forces", file
extensions, "/publication-html/" links) and document structure (h1, main, dl, tables),
never on a theme's class names: the real theme is unknown to us and changes over time.
The parts: labelled facts (page_labels), JSON-LD / meta / breadcrumbs (page_structured),
weighing every source of date, type and forces (page_facts), documents (page_documents).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from core.bodies import find_inspectorate, inspectorate_of_host, inspectorates_in_text
from core.dates import PUBLISHED_RE, parse_published_date, published_in_text
from core.models import Publication
from watcher.parse import blocks
from watcher.parse.htmltree import first_tag, is_decomposed, parse_html, tags
from watcher.parse.page_documents import find_documents
from watcher.parse.page_facts import (
    labelled_reading,
    sentence_reading,
    slug_reading,
    structured_reading,
    tags_reading,
    title_reading,
    weigh,
)
from watcher.parse.page_labels import (
    DATE_LABELS,
    FORCE_LABELS,
    JOINT_LABELS,
    LOOSE_JOINT_LABELS,
    TYPE_LABELS,
    first_of,
    labelled_values,
)
from watcher.parse.page_labels import containers as _containers
from watcher.parse.page_structured import Structured, names_in, publication_objects, read_structured
from watcher.parse.page_text import clean

def soup_of(html: str | bytes) -> BeautifulSoup:
    """The page's tree, furniture left out (see watcher.parse.htmltree)."""
    return parse_html(html)[0]


def parse_date(text: str | None) -> str | None:
    """"15 October 2025" / "2025-10-15" / "15/10/2025" -> "2025-10-15" (core.dates)."""
    day = parse_published_date(text)
    return day.isoformat() if day else None


def main_content(soup: BeautifulSoup, crumbs: list[list[str]] | None = None) -> Tag:
    """The main content (see watcher.parse.blocks.main_content), breadcrumbs removed too.

    The trails removed are appended to `crumbs`: they name the type or force sometimes.
    """
    node = blocks.main_content(soup)
    for tag in tags(node, ("div", "section", "ol", "ul", "p"), limit=40):  # breadcrumbs lead
        if is_decomposed(tag):
            continue
        text = _short_text(tag, 300)
        if text is not None and BREADCRUMB_RE.match(text.lower()):
            if crumbs is not None:
                items = [clean(s) for s in tag.stripped_strings]
                items = [i for i in items if i and not re.fullmatch(r"[>›»/|:]+", i)
                         and not BREADCRUMB_RE.fullmatch(i.lower().rstrip(":"))]
                crumbs.append(items)
            tag.decompose()
    return node


BREADCRUMB_RE = re.compile(r"^(you are here|breadcrumbs?\b|home\s*[>›/»])")


def _short_text(tag: Tag, cap: int) -> str | None:
    """`tag.get_text(" ", strip=True)` if shorter than `cap`, else None (without reading it all)."""
    parts: list[str] = []
    n = -1
    for s in tag.stripped_strings:
        n += len(s) + 1
        if n >= cap:
            return None
        parts.append(s)
    return " ".join(parts)


LABEL_NOISE_RE = re.compile(r"(?i)^(last updated|page last updated|updated)\b.*$")


TEXT_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "th", "td",
                       "blockquote", "caption", "figcaption"))


def content_text(node: Tag, containers: set[int] | None = None) -> str:
    """Normalised text of a content element, one block per line, noise removed."""
    containers = _containers(node) if containers is None else containers
    lines = []
    for el in tags(node, TEXT_TAGS):
        if id(el) in containers:
            continue  # a container; its children are taken on their own
        line = clean(el.get_text(" "))
        if line and not LABEL_NOISE_RE.match(line):
            lines.append(line)
    return "\n".join(lines)


def slug_of(url: str) -> str:
    parts = [p for p in urlsplit(url).path.split("/") if p]
    return parts[-1] if parts else ""


SITE_SUFFIX_RE = re.compile(r"\s+[-|–—«»:]\s+(?!.*\s[-|–—«»]\s)")


def _title(node: Tag, soup: BeautifulSoup, head_title: str, meta: dict[str, str],
           structured: Structured | None = None) -> str:
    """The publication's title: its h1, else the heading the <title> starts with.

    An h1 outside the content is often the site's masthead ("HM Inspectorate of ..."),
    so it is used only when nothing better names the page.
    """
    h1 = first_tag(node, ("h1",))
    if h1 is not None and clean(h1.get_text(" ")):
        return clean(h1.get_text(" "))
    head = SITE_SUFFIX_RE.split(head_title)[0] if head_title else ""
    for h in tags(node, ("h2", "h3"), limit=8):
        text = clean(h.get_text(" "))
        if text and head and (head.startswith(text) or text.startswith(head)):
            return text
    og = clean(meta.get("og:title"))
    if og:
        return SITE_SUFFIX_RE.split(og)[0]
    for obj in publication_objects(structured) if structured is not None else []:
        headline = obj.get("headline") or obj.get("name")
        if isinstance(headline, str) and clean(headline):
            return SITE_SUFFIX_RE.split(clean(headline))[0]
    if head:
        return head
    h1 = first_tag(soup, ("h1",))
    return clean(h1.get_text(" ")) if h1 is not None else ""


@dataclass
class Page:
    """One parsed HTML page: its tree, its cleaned main content, its <title> and <meta>.

    Parsing is most of a scan's cost, so a page is parsed once and the same tree serves
    the page parser here and the findings parser (`watcher.parse.blocks.blocks_of(page.main)`).
    `raw` (read for JSON-LD, every meta value and breadcrumbs outside the tree, only by
    the publication-page reader) and `crumbs` (breadcrumb trails removed from the
    content) feed the metadata readers.
    """

    soup: BeautifulSoup
    main: Tag
    head_title: str
    meta: dict[str, str]
    raw: str | bytes | None = None
    crumbs: list[list[str]] = field(default_factory=list)


def read_page(html: str | bytes | Page) -> Page:
    if isinstance(html, Page):
        return html
    soup, head = parse_html(html)
    head_title = clean(head.title)
    crumbs: list[list[str]] = []
    main = main_content(soup, crumbs)
    return Page(soup, main, head_title, head.meta, html, crumbs)


def parse_publication_page(html: str | bytes | Page, url: str) -> Publication:
    """Parse a `/publications/<slug>/` page. Findings are added by the caller.

    Date, type and forces are read from every source (watcher.parse.page_facts) and
    weighed; documents by their links (watcher.parse.page_documents). What is missing
    or contradicted is a warning in `Publication.warnings`, never a silent blank.
    """
    page = read_page(html)
    soup, node, head_title, meta = page.soup, page.main, page.head_title, page.meta
    structured = read_structured(page.raw) if page.raw is not None else Structured()
    title = _title(node, soup, head_title, meta, structured)
    containers = _containers(node)
    text = content_text(node, containers)

    values = labelled_values(node)
    # Old themes keep the metadata in a sidebar beside the content: look there for
    # whatever the content column does not say.
    if soup.body is not None and not all(first_of(values, g) for g in (DATE_LABELS, FORCE_LABELS, TYPE_LABELS)):
        for label, found in labelled_values(soup.body).items():
            values.setdefault(label, found)
    main_flat = clean(node.get_text(" "))
    body_flat = clean(soup.body.get_text(" ")) if soup.body is not None and published_in_text(main_flat) is None else ""
    if structured.headers and not all(first_of(values, g) for g in (DATE_LABELS, TYPE_LABELS)):
        # a header outside the content (left out of the tree as site furniture) may hold the facts
        for markup in structured.headers:
            header = parse_html(f"<html><body><div>{markup}</div></body></html>")[0].body
            for label, found in labelled_values(header).items():
                values.setdefault(label, found)
            if published_in_text(main_flat) is None:
                body_flat = (body_flat + " " + clean(header.get_text(" "))).strip()
    lines = text.split("\n")
    readings = [
        labelled_reading(values, main_flat, body_flat, lines),
        structured_reading(structured, meta, node),
        tags_reading(soup.body if soup.body is not None else node, structured.crumbs + page.crumbs, title),
        sentence_reading(lines),
        title_reading(title),
        slug_reading(url),
    ]

    documents, hosts = find_documents(node, url)
    if not documents and soup.body is not None and soup.body is not node:
        # the download box may sit outside what was taken for the content (a sidebar)
        documents, _ = find_documents(soup.body, url)
        hosts.extend(urlsplit(d.url).hostname or "" for d in documents)
    facts = weigh(readings, has_documents=bool(documents))

    joint = joint_partners(values, hosts, node, containers, structured)

    summary = clean(meta.get("description") or meta.get("og:description"))
    heading = node.find(["h2", "h3"], string=re.compile(r"^\s*(summary|overview|about this report)\s*$", re.I))
    if not summary and heading is not None:
        para = heading.find_next("p")
        summary = clean(para.get_text(" ")) if para is not None else ""
    if not summary:
        for p in tags(node, ("p",)):
            t = clean(p.get_text(" "))
            if len(t) > 60 and not PUBLISHED_RE.search(t) and ":" not in t[:30]:
                summary = t
                break

    return Publication(
        url=url,
        slug=slug_of(url),
        title=title,
        published=facts.published,
        type=facts.type,
        forces=facts.forces,
        all_forces=facts.all_forces,
        services=facts.services,
        summary=summary,
        documents=documents,
        joint_with=joint,
        warnings=list(facts.warnings),
        text=text,
    )


JOINT_WORDING_RE = re.compile(r"(?i)\bjoint(ly)?\b.{0,60}\b(inspect|review|report|thematic|by|with)")


def joint_partners(values: dict[str, list[str]], hosts: list[str], node: Tag, containers: set[int],
                   structured: Structured) -> list[str]:
    """The other inspectorates a publication is joint with: a label ("Joint with:"), a
    link to their site, a sentence ("This is a joint inspection by HMICFRS and Ofsted"),
    or the page's structured data (JSON-LD author / contributor). Known ones by their
    canonical name (core.bodies.INSPECTORATES)."""
    joint: list[str] = []

    def add(name: str) -> None:
        if name and name not in joint:
            joint.append(name)

    for v in first_of(values, JOINT_LABELS) or []:
        insp = find_inspectorate(v)
        add(insp.name if insp else v)
    for label in LOOSE_JOINT_LABELS:
        for v in values.get(label, []):
            for insp in [find_inspectorate(v)] if find_inspectorate(v) else inspectorates_in_text(v):
                add(insp.name)
    for host in hosts:
        if (insp := inspectorate_of_host(host)) is not None:
            add(insp.name)
    for el in tags(node, ("p", "li", "dd", "div")):
        if id(el) in containers:
            continue
        sentence = clean(el.get_text(" "))
        if JOINT_WORDING_RE.search(sentence):
            for insp in inspectorates_in_text(sentence):
                add(insp.name)
    for obj in structured.json_ld:
        for key in ("author", "contributor", "publisher", "creator", "sourceOrganization"):
            for name in names_in(obj.get(key)):
                if (insp := find_inspectorate(name)) is not None:
                    add(insp.name)
    return joint


def parse_report_page(html: str | bytes | Page) -> tuple[str, str]:
    """A `/publication-html/` report -> (title, normalised text) for change detection."""
    page = read_page(html)
    soup, node = page.soup, page.main
    h1 = first_tag(node, ("h1",)) or first_tag(soup, ("h1",))
    for el in node.find_all(string=re.compile(r"(?i)print this (document|page)")):
        parent = el.parent
        if parent is not None and parent.name == "a":
            parent.decompose()
    return (clean(h1.get_text(" ")) if h1 else "", content_text(node))

