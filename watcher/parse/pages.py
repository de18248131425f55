"""Publication pages and HTML reports -> Publication records.

Everything here keys on wording ("Published:", "Type", "Forces", "All forces", file
extensions, "/publication-html/" links) and document structure (h1, main, dl, tables),
never on a theme's class names: the real theme is unknown to us and changes over time.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from watcher.parse import blocks
from watcher.parse.htmltree import first_tag, is_decomposed, parse_html, tags
from core.models import Document, Publication

MONTHS = {m.lower()[:3]: i for i, m in enumerate(calendar.month_name) if m}
PUBLISHED_RE = re.compile(
    r"\b(?:published|publication date|date published|date of publication)\b(?:\s+on)?\s*:?\s*"
    r"(\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+\d{4}|\d{4}-\d{2}-\d{2})",
    re.IGNORECASE,
)
DOC_EXT_RE = re.compile(r"\.(pdf|docx?|odt|xlsx?|ods|csv|pptx?|zip)(?:$|[?#])", re.IGNORECASE)
SIZE_RE = re.compile(r"(\d+(?:\.\d+)?\s*(?:KB|MB|GB|kB|bytes))", re.IGNORECASE)
SISTER_INSPECTORATES = {
    "hmiprobation": "HM Inspectorate of Probation",
    "hmiprisons": "HM Inspectorate of Prisons",
    "hmcpsi": "HM Crown Prosecution Service Inspectorate",
    "ofsted": "Ofsted",
    "cqc.org.uk": "Care Quality Commission",
    "careinspectorate.wales": "Care Inspectorate Wales",
    "hiw.org.uk": "Healthcare Inspectorate Wales",
    "estyn": "Estyn",
}
JOINT_NAME_RE = re.compile(
    r"\b(HM Inspectorate of Probation|HM Inspectorate of Prisons|"
    r"HM Crown Prosecution Service Inspectorate|HMCPSI|Ofsted|Care Quality Commission|"
    r"Care Inspectorate Wales|Healthcare Inspectorate Wales|Estyn)\b"
)
FORCE_LABELS = ("forces", "force", "police force", "police forces", "force/service",
                "forces and services", "services", "service", "fire and rescue service",
                "fire and rescue services", "forces concerned", "forces/services",
                "applies to", "forces inspected", "force area",
                "forces and fire and rescue services")
DATE_LABELS = ("published", "published on", "date published", "publication date",
               "date of publication", "date")
TYPE_LABELS = ("publication type", "type", "report type", "content type")
JOINT_LABELS = ("joint inspection with", "joint with", "partner inspectorates",
                "inspectorates", "in partnership with", "joint inspectorates")
ALL_FORCES_RE = re.compile(
    r"^\s*all\s+(?:police\s+)?forces(?:\s+(?:in|across)\s+england\s+and\s+wales)?\s*$|"
    r"^\s*all\s+(?:fire\s+and\s+rescue\s+)?services\s*$|^\s*national\s*$",
    re.IGNORECASE,
)


def soup_of(html: str | bytes) -> BeautifulSoup:
    """The page's tree, furniture left out (see watcher.parse.htmltree)."""
    return parse_html(html)[0]


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACE_BEFORE_PUNCT_RE = re.compile(r" (?=[.,;:!?)])")


def clean(text: str | None) -> str:
    """Collapse whitespace and drop control characters (not content, and break XML).

    Called tens of thousands of times a scan: compiled patterns, and str.split() for the
    whitespace (it splits on exactly what the regex class \\s matches once controls are gone).
    """
    if not text:
        return ""
    text = " ".join(_CONTROL_RE.sub("", text).split())
    return _SPACE_BEFORE_PUNCT_RE.sub("", text)  # get_text(" ") puts a space before "."


def parse_date(text: str | None) -> str | None:
    """"15 October 2025" / "2025-10-15" / "15th Oct 2025" -> "2025-10-15"."""
    if not text:
        return None
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    m = re.search(
        r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b", text
    )
    if m:
        month = MONTHS.get(m[2].lower()[:3])
        if month:
            try:
                return date(int(m[3]), month, int(m[1])).isoformat()
            except ValueError:
                return None
    return None


def main_content(soup: BeautifulSoup) -> Tag:
    """The main content (see watcher.parse.blocks.main_content), breadcrumbs removed too."""
    node = blocks.main_content(soup)
    for tag in tags(node, ("div", "section", "ol", "ul", "p"), limit=40):  # breadcrumbs lead
        if is_decomposed(tag):
            continue
        text = _short_text(tag, 300)
        if text is not None and BREADCRUMB_RE.match(text.lower()):
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


BLOCK_TAGS = frozenset(("p", "li", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "div"))
TEXT_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "th", "td",
                       "blockquote", "caption", "figcaption"))


def _containers(node: Tag) -> set[int]:
    """ids of the elements below `node` that hold a block element (one pass, not one per element)."""
    out: set[int] = set()
    for el in tags(node, BLOCK_TAGS):
        for parent in el.parents:
            if parent is node or id(parent) in out:
                break
            out.add(id(parent))
    return out


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


def _labelled_values(node: Tag) -> dict[str, list[str]]:
    """"Label: value" pairs, wherever the theme puts them (dl, table, p, li, div, span)."""
    out: dict[str, list[str]] = {}
    containers = _containers(node)

    def add(label: str, values: list[str]) -> None:
        label = normalise_label(label)
        vals = [clean(v) for v in values if clean(v)]
        if label and vals and len(label) <= 40:
            out.setdefault(label, []).extend(vals)

    found: dict[str, list[Tag]] = {"dt": [], "tr": [], "pair": [], "label": []}
    for el in tags(node, _LABELLED_TAGS):  # one walk; the passes below keep their order
        name = el.name
        if name in ("dt", "tr"):
            found[name].append(el)
            continue
        if name in _PAIR_TAGS:
            found["pair"].append(el)
        if name in _LABEL_TAGS:
            found["label"].append(el)

    for dt in found["dt"]:
        values = []
        for sib in dt.find_next_siblings():
            if sib.name == "dt":
                break
            if sib.name == "dd":
                values.extend(_list_values(sib))
        add(dt.get_text(" "), values)
    for tr in found["tr"]:
        cells = tr.find_all(["th", "td"], recursive=False)
        if len(cells) == 2:
            add(cells[0].get_text(" "), _list_values(cells[1]))
    for el in found["pair"]:
        if id(el) in containers:
            continue
        if first_tag(el, ("br",)) is not None:
            # "<strong>Published:</strong> 20 November 2025<br><strong>Forces:</strong> …":
            # one "Label: value" pair per line.
            for line in _br_lines(el):
                label, sep, value = line.partition(":")
                if sep:
                    add(label, _split_list([value]))
            continue
        strong = first_tag(el, ("strong", "b", "span", "h3", "h4"))
        text = clean(el.get_text(" "))
        if ":" not in text or len(text) > 400:
            continue
        if strong is not None and clean(strong.get_text(" ")).endswith(":"):
            label = clean(strong.get_text(" "))
            rest = [clean(a.get_text(" ")) for a in tags(el, ("a",))] or [
                text[len(label):] if text.startswith(label) else text.split(":", 1)[1]
            ]
            add(label, _split_list(rest))
        else:
            label, _, value = text.partition(":")
            add(label, _split_list([value]))
    # A label in one element and the values in the next (heading + list, span + ul).
    for el in found["label"]:
        if id(el) in containers:
            continue  # a label is a leaf: it holds no block of its own
        label = clean(el.get_text(" ")).rstrip(":").lower()
        if label in FORCE_LABELS + TYPE_LABELS + JOINT_LABELS and label not in out:
            nxt = el.find_next_sibling()
            if nxt is not None:
                add(label, _list_values(nxt))
    return out


_PAIR_TAGS = frozenset(("p", "li", "div", "span"))
_LABEL_TAGS = frozenset(("h2", "h3", "h4", "h5", "strong", "span", "p", "div"))
_LABELLED_TAGS = frozenset(("dt", "tr")) | _PAIR_TAGS | _LABEL_TAGS


def _br_lines(el: Tag) -> list[str]:
    """The element's text split where it has <br> line breaks."""
    lines: list[str] = []
    current: list[str] = []
    for node in el.descendants:
        if isinstance(node, Tag):
            if node.name == "br":
                lines.append(clean("".join(current)))
                current = []
        elif isinstance(node, NavigableString) and not isinstance(node, Comment):
            current.append(str(node))
    lines.append(clean("".join(current)))
    return [line for line in lines if line]


def _list_values(el: Tag) -> list[str]:
    items = tags(el, ("li",)) if el.name in ("ul", "ol", "dd", "td", "div") else []
    if items:
        return [i.get_text(" ") for i in items]
    links = tags(el, ("a",))
    if len(links) > 1:
        return [a.get_text(" ") for a in links]
    return _split_list([el.get_text(" ")])


def _split_list(values: list[str]) -> list[str]:
    out = []
    for v in values:
        for part in re.split(r"\s*[;|]\s*|\s*,\s*(?![^()]*\))", v):
            if clean(part):
                out.append(clean(part))
    return out


def normalise_label(label: str) -> str:
    """"Force(s) / service(s):" -> "forces and services": one spelling per label."""
    label = clean(label).rstrip(":").strip().lower()
    label = re.sub(r"\(s\)", "s", label)
    return re.sub(r"\s*(?:/|&)\s*", " and ", label)


def _first(values: dict[str, list[str]], labels: tuple[str, ...]) -> list[str] | None:
    for label in labels:
        if label in values:
            return values[label]
    return None


def slug_of(url: str) -> str:
    parts = [p for p in urlsplit(url).path.split("/") if p]
    return parts[-1] if parts else ""


SITE_SUFFIX_RE = re.compile(r"\s+[-|–—«»:]\s+(?!.*\s[-|–—«»]\s)")


def _title(node: Tag, soup: BeautifulSoup, head_title: str, meta: dict[str, str]) -> str:
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
    if head:
        return head
    h1 = first_tag(soup, ("h1",))
    return clean(h1.get_text(" ")) if h1 is not None else ""


@dataclass
class Page:
    """One parsed HTML page: its tree, its cleaned main content, its <title> and <meta>.

    Parsing is most of a scan's cost, so a page is parsed once and the same tree serves
    the page parser here and the findings parser (`watcher.parse.blocks.blocks_of(page.main)`).
    """

    soup: BeautifulSoup
    main: Tag
    head_title: str
    meta: dict[str, str]


def read_page(html: str | bytes | Page) -> Page:
    if isinstance(html, Page):
        return html
    soup, head = parse_html(html)
    head_title = clean(head.title)
    meta = head.meta
    return Page(soup, main_content(soup), head_title, meta)


def parse_publication_page(html: str | bytes | Page, url: str) -> Publication:
    """Parse a `/publications/<slug>/` page. Findings are added by the caller."""
    page = read_page(html)
    soup, node, head_title, meta = page.soup, page.main, page.head_title, page.meta
    title = _title(node, soup, head_title, meta)
    text = content_text(node)

    values = _labelled_values(node)
    # Old themes keep the metadata in a sidebar beside the content: look there for
    # whatever the content column does not say.
    if soup.body is not None and not all(_first(values, g) for g in (DATE_LABELS, FORCE_LABELS)):
        for label, found in _labelled_values(soup.body).items():
            values.setdefault(label, found)
    # "Published: 15 October 2025" in prose, else a labelled date, else a <time>, else meta.
    published = None
    m = PUBLISHED_RE.search(clean(node.get_text(" "))) or (
        PUBLISHED_RE.search(clean(soup.body.get_text(" "))) if soup.body is not None else None
    )
    if m:
        published = parse_date(m.group(1))
    if not published:
        dated = (parse_date(v) for v in _first(values, DATE_LABELS) or [])
        published = next((d for d in dated if d), None)
    if not published:
        t = first_tag(node, ("time",))
        if t is not None:
            published = parse_date(t.get("datetime") or t.get_text(" "))
    if not published:
        published = parse_date(meta.get("article:published_time"))

    type_values = _first(values, TYPE_LABELS)
    pub_type = type_values[0] if type_values else None

    forces_raw = _first(values, FORCE_LABELS) or []
    all_forces = any(ALL_FORCES_RE.match(v) for v in forces_raw)
    forces = [v for v in forces_raw if not ALL_FORCES_RE.match(v)]
    services = [f for f in forces if re.search(r"fire|rescue", f, re.I)]
    forces = [f for f in forces if f not in services]

    joint: list[str] = []
    for v in _first(values, JOINT_LABELS) or []:
        if v not in joint:
            joint.append(v)
    documents: list[Document] = []
    seen_urls: set[str] = set()
    for a in (a for a in tags(node, ("a",)) if a.get("href") is not None):
        href = urljoin(url, a["href"].strip())
        host = urlsplit(href).hostname or ""
        for key, name in SISTER_INSPECTORATES.items():
            if key in host and name not in joint:
                joint.append(name)
        if href in seen_urls:
            continue
        label = clean(a.get_text(" ")) or clean(a.get("title")) or slug_of(href)
        if "/publication-html/" in urlsplit(href).path:
            seen_urls.add(href)
            documents.append(Document(url=href, title=label, kind="html"))
        elif DOC_EXT_RE.search(urlsplit(href).path):
            seen_urls.add(href)
            ext = DOC_EXT_RE.search(urlsplit(href).path).group(1).lower()
            around = clean(a.parent.get_text(" ")) if a.parent else label
            size = SIZE_RE.search(label) or SIZE_RE.search(around)
            label = re.sub(r"\s*\((?:pdf|word)[^)]*\)\s*$", "", label, flags=re.I) or label
            documents.append(
                Document(
                    url=href,
                    title=label,
                    kind="pdf" if ext == "pdf" else ("docx" if ext.startswith("doc") else "other"),
                    size=size.group(1) if size else None,
                )
            )
    # Wording: "This is a joint inspection by HMICFRS and Ofsted and ..." names partners.
    containers = _containers(node)
    for el in tags(node, ("p", "li", "dd", "div")):
        if id(el) in containers:
            continue
        sentence = clean(el.get_text(" "))
        if re.search(r"(?i)\bjoint(ly)?\b.{0,60}\b(inspect|review|report|thematic|by|with)", sentence):
            for name in JOINT_NAME_RE.findall(sentence):
                name = "HM Crown Prosecution Service Inspectorate" if name == "HMCPSI" else name
                if name not in joint:
                    joint.append(name)

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
        published=published,
        type=pub_type,
        forces=forces,
        all_forces=all_forces or (not forces and not services),
        services=services,
        summary=summary,
        documents=documents,
        joint_with=joint,
        text=text,
    )


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

