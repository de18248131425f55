"""A publication page's documents: its online HTML report and its downloads.

Found by the link, never by a class name: an address under /publication-html/ or with a
document's extension, an <a download> or <a type="application/pdf">, or wording ("Read
the report online", "View the HTML version", "Download", "(PDF, 1.2 MB)"). Each is given
a role from its title and file name, so that a PCC's response (section 55) or an easy
read version is kept, with its title, and never mistaken for the report.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from bs4 import Tag

from core.models import Document
from watcher.parse.htmltree import tags
from watcher.parse.page_text import clean

DOC_EXT_RE = re.compile(r"\.(pdf|docx?|odt|ods|odp|xlsx?|csv|pptx?|zip|rtf|epub)(?:$|[?#])", re.IGNORECASE)
SIZE_RE = re.compile(r"(\d+(?:[.,]\d+)?\s*(?:KB|MB|GB|kB|Kb|Mb|bytes))", re.IGNORECASE)
#: A link to the report's online version, by its words.
HTML_LINK_RE = re.compile(
    r"(?i)^\s*(?:read|view|open|see)\s+(?:the\s+|this\s+)?(?:full\s+)?(?:report|inspection|publication|document)?\s*"
    r"(?:online|on\s*line|on\s+this\s+site|in\s+your\s+browser|as\s+a\s+web\s*page)\b|"
    r"\b(?:html|online|web)\s+version\b|^\s*(?:read|view)\s+(?:the\s+)?(?:full\s+)?report\s*[»›>]?\s*$|"
    r"^\s*(?:full|online|html)\s+report\s*[»›>]?\s*$|\(\s*html\s*\)"
)
#: The file format a link's words give: "(PDF, 1.2 MB)", "Word document", "Download the spreadsheet".
FORMAT_RE = re.compile(r"(?i)\b(pdf|docx?|word|odt|opendocument|excel|xlsx?|ods|csv|spreadsheet|powerpoint)\b")
DOWNLOAD_RE = re.compile(r"(?i)\bdownload\b")
#: "HTML" as a document's format beside its link (GOV.UK-style attachments).
_HTML_WORD_RE = re.compile(r"\bHTML\b")
_GENERIC_TEXT_RE = re.compile(
    r"(?i)^\s*(?:download|view|open|get|read)?\s*(?:the\s+|this\s+)?(?:full\s+)?(?:report|document|file|pdf|"
    r"publication|version)?\s*(?:\((?:[^)]*)\)|(?:pdf|word|odt|excel|csv)\b.*)?\s*[»›>]?\s*$"
)
_FORMAT_SUFFIX_RE = re.compile(
    r"\s*[(\[]\s*(?:pdf|word|docx?|odt|excel|xlsx?|csv|opens?\s+in|file|document|\d)[^)\]]*[)\]]\s*$", re.I)
_MIME_KINDS = {"application/pdf": "pdf"}

ROLE_PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    ("response", re.compile(
        r"(?i)(?:['’]s|s['’])\s+(?:formal\s+)?response\b|\bresponse\s+(?:from|by)\b|"
        r"\b(?:pcc|p\s*f\s*cc|police\s+and\s+crime\s+commissioner|police,\s+fire\s+and\s+crime\s+commissioner|"
        r"commissioner|mayor|mopac|chief\s+constable|police\s+authority|combined\s+authority|policing\s+board|"
        r"fire\s+authority|chief\s+fire\s+officer|home\s+secretary|home\s+office)\b[^.]{0,60}\bresponse\b|"
        r"\bresponse\s+to\s+(?:the\s+|this\s+|our\s+|hmicfrs['’]?s?\s+)?(?:report|inspection|recommendations|findings)\b|"
        r"\bsection\s+55\b")),
    ("easy_read", re.compile(r"(?i)\beasy[- ]?read\b|\bfor\s+children\s+and\s+young\s+people\b|"
                             r"\byoung\s+people['’]s\s+version\b|\bchild[- ]friendly\b")),
    ("welsh", re.compile(r"(?i)\bwelsh\b|\bcymraeg\b|\bgymraeg\b|\bfersiwn\b|\barolygiad\b|\basesiad\b|"
                         r"(?:^|[-_])cy(?:[-_.]|$)")),
    ("translation", re.compile(r"(?i)\b(?:arabic|polish|urdu|bengali|punjabi|gujarati|romanian|somali|"
                               r"translations?|translated)\b")),
    ("data", re.compile(r"(?i)\bdata\s+(?:tables?|packs?|annex(?:es)?|files?|sets?|appendix)\b|\bdatasets?\b|"
                        r"\bstatistical\s+(?:annex|tables?)\b")),
    ("methodology", re.compile(r"(?i)\bmethodology\b|\btechnical\s+(?:annex|appendix|note)\b")),
    ("summary", re.compile(r"(?i)\bsummary\s+(?:for|of)\b|\bexecutive\s+summary\b|\bsummary\s+report\b|"
                           r"^\s*summary\s*$")),
)


def document_role(title: str, url: str, kind: str) -> str:
    """What a document is to its publication, from its title and file name."""
    name = urlsplit(url).path.rsplit("/", 1)[-1]
    for role, pattern in ROLE_PATTERNS:
        if pattern.search(title) or (role in ("welsh", "easy_read", "response", "data") and pattern.search(
                re.sub(r"[-_]+", " ", name) if role != "welsh" else name)):
            return role
    if kind in ("other",) and re.search(r"(?i)\.(xlsx?|csv|ods)(?:$|[?#])", url):
        return "data"
    return "report"


def _kind_of(ext: str | None, words: str, mime: str) -> str:
    if ext:
        ext = ext.lower()
        return "pdf" if ext == "pdf" else ("docx" if ext.startswith("doc") else "other")
    if mime in _MIME_KINDS:
        return _MIME_KINDS[mime]
    m = FORMAT_RE.search(words)
    if m is None:
        return "pdf"  # "Download (1.2 MB)": HMICFRS's downloads are PDFs
    word = m.group(1).lower()
    return "pdf" if word == "pdf" else ("docx" if word in ("doc", "docx", "word") else "other")


def _context_title(a: Tag) -> str:
    """A title for a link whose own words are generic ("Download", "PDF, 1.2 MB"): the
    heading or first text of the card it sits in."""
    node = a
    for _ in range(3):
        node = node.parent
        if node is None or node.name in ("main", "article", "body"):
            break
        for h in tags(node, ("h2", "h3", "h4", "h5", "h6", "strong", "b", "dt", "th", "figcaption", "caption")):
            text = clean(h.get_text(" "))
            if text and not _GENERIC_TEXT_RE.match(text) and not SIZE_RE.fullmatch(text):
                return text
        for s in node.stripped_strings:
            text = clean(s)
            if len(text) > 6 and not _GENERIC_TEXT_RE.match(text) and not SIZE_RE.search(text) \
                    and not FORMAT_RE.fullmatch(text) and text not in clean(a.get_text(" ")):
                return text
    return ""


def _around(a: Tag, text: str) -> str:
    """The text of the link's card: its parent, or a wider ancestor (up to three levels)
    while that holds no other link and stays short ("<h3><a>…</a></h3><p>PDF, 1.4 MB</p>")."""
    around = text
    node = a
    for level in range(3):
        node = node.parent
        if node is None or node.name in ("main", "article", "body", "ul", "ol", "table"):
            break
        if level and len([x for x in tags(node, ("a",), limit=2)]) > 1:
            break
        wider = clean(node.get_text(" "))
        if len(wider) > 300:
            break
        around = wider
    return around


def _title_of(a: Tag, href: str) -> str:
    label = clean(a.get_text(" ")) or clean(a.get("title")) or clean(a.get("aria-label"))
    if not label or _GENERIC_TEXT_RE.match(label):
        label = _context_title(a) or label or urlsplit(href).path.rstrip("/").rsplit("/", 1)[-1]
    stripped = _FORMAT_SUFFIX_RE.sub("", label)
    stripped = re.sub(r"\s*[-–—,|]\s*(?:pdf|word|odt)\b.*$", "", stripped, flags=re.I) if stripped else stripped
    return stripped or label


def find_documents(node: Tag, url: str) -> tuple[list[Document], list[str]]:
    """The documents a publication page links to, and the hosts of every link (for the
    joint partners a link to a sister inspectorate names)."""
    documents: list[Document] = []
    hosts: list[str] = []
    seen: set[str] = set()
    page = urlsplit(url)
    for a in tags(node, ("a",)):
        raw = a.get("href")
        if not isinstance(raw, str) or not raw.strip():
            continue
        raw = raw.strip()
        if raw.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        href = urljoin(url, raw)
        parts = urlsplit(href)
        if parts.scheme not in ("http", "https"):
            continue
        hosts.append(parts.hostname or "")
        if href in seen or (parts.netloc == page.netloc and parts.path == page.path):
            continue
        text = clean(a.get_text(" "))
        around = _around(a, text)
        ext_m = DOC_EXT_RE.search(parts.path)
        mime = (a.get("type") or "").lower() if isinstance(a.get("type"), str) else ""
        if "/publication-html/" in parts.path and not ext_m:
            seen.add(href)
            slug = parts.path.rstrip("/").rsplit("/", 1)[-1]
            documents.append(Document(url=href, title=text or clean(a.get("title")) or slug, kind="html"))
            continue
        is_download = (ext_m is not None or a.has_attr("download") or mime in _MIME_KINDS
                       or (SIZE_RE.search(text) and FORMAT_RE.search(text))
                       or re.match(r"(?i)\s*download\b", text)
                       or (SIZE_RE.search(around) and FORMAT_RE.search(around) and not _HTML_WORD_RE.search(around))
                       or (DOWNLOAD_RE.search(text) and (FORMAT_RE.search(around) or SIZE_RE.search(around))))
        if not is_download and parts.netloc == page.netloc and (
                HTML_LINK_RE.search(text) or (_HTML_WORD_RE.search(around) and not _HTML_WORD_RE.search(text)
                                              and len(text) > 12)):
            seen.add(href)
            documents.append(Document(url=href, title=text, kind="html"))
            continue
        if not is_download:
            continue
        seen.add(href)
        kind = _kind_of(ext_m.group(1) if ext_m else None, text + " " + around, mime)
        size = SIZE_RE.search(text) or SIZE_RE.search(around)
        title = _title_of(a, href)
        documents.append(Document(url=href, title=title, kind=kind,
                                  size=size.group(1) if size else None,
                                  role=document_role(title, href, kind)))
    documents.sort(key=lambda d: d.role != "report")  # the report first; order kept otherwise
    return documents, hosts
