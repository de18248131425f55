"""Plain data records that flow one way: fetch -> parse -> store -> diff -> publish.

Every layer speaks in these types so that no layer needs to know another's internals.
They are deliberately dumb (no I/O, no behaviour beyond conversion to dicts).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

FindingKind = Literal["recommendation", "area_for_improvement", "cause_of_concern"]
FindingSource = Literal["html", "page", "pdf"]
EventKind = Literal[
    "new",
    "metadata_changed",
    "document_added",
    "document_removed",
    "findings_changed",
    "withdrawn",
    "reinstated",
    "response_published",
]
EVENT_KINDS: tuple[str, ...] = (
    "new",
    "metadata_changed",
    "document_added",
    "document_removed",
    "findings_changed",
    "withdrawn",
    "reinstated",
    "response_published",  # a local policing body's s55 response appeared (obligations)
)

#: The normalised addressee for chief constables (and for "forces should").
CHIEF_CONSTABLES = "chief constables"


@dataclass(frozen=True)
class Document:
    """A downloadable document or the online HTML version linked from a publication page."""

    url: str
    title: str
    kind: str = "pdf"  # "pdf", "html" (the /publication-html/ report), "docx", "other"
    size: str | None = None  # as the page shows it, e.g. "1.2 MB"
    #: what the document is to the publication: "report" (the report itself, any format),
    #: "response" (a PCC's, mayor's or chief's response: section 55), "easy_read", "welsh",
    #: "translation", "summary", "data", "methodology" (watcher.parse.page_documents)
    role: str = "report"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Finding:
    """One recommendation, area for improvement or cause of concern that a report makes."""

    kind: FindingKind
    text: str  # the full text, parts (a)(b)(c) included, whitespace-normalised
    number: int | None = None  # its number in the report ("Recommendation 3" -> 3), else order
    title: str | None = None  # short title (AFIs often have one), else None
    deadline: str | None = None  # ISO date, "By 31 March 2026" -> "2026-03-31"
    addressees: list[str] = field(default_factory=list)  # normalised actor names
    applies_to_chief_constables: bool = False
    force: str | None = None  # the force it applies to, for a force-specific finding
    source: FindingSource = "html"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ParseWarning:
    """A typed doubt about a reading (docs/counting-rules.md, "Doubt").

    ``field`` names what it doubts, so outputs can show it next to that count or fact:
    a count field ("recommendations", "recommendations_to_chief_constables",
    "areas_for_improvement", "causes_of_concern") or a fact ("forces", "published",
    "type", "documents", "title"). ``kind`` is a stable machine name such as
    "stated_count", "summary_list", "kind_named_none_read", "type_without_findings",
    "pdf_disagrees", "no_documents", "no_force", "no_date", "no_type", "sources_disagree".
    """

    kind: str
    message: str  # one sentence for people: what was expected, what was found, where
    field: str | None = None
    expected: str | int | None = None
    found: str | int | None = None
    where: str = ""  # "report HTML, section 'Summary'", a URL, "publication page"

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_stored(cls, value: "ParseWarning | dict | str") -> "ParseWarning":
        """Stored warnings are dicts; databases from before typed warnings hold strings."""
        if isinstance(value, ParseWarning):
            return value
        if isinstance(value, str):
            return cls(kind="legacy", message=value)
        known = {k: value.get(k) for k in ("kind", "message", "field", "expected", "found", "where")
                 if value.get(k) is not None}
        known.setdefault("kind", "unknown")
        known.setdefault("message", "")
        return cls(**known)


def warning_text(value: "ParseWarning | dict | str") -> str:
    """The sentence to show for a stored or fresh warning, whatever its age."""
    return ParseWarning.from_stored(value).message


@dataclass
class ParsedFindings:
    """What the findings extractor returns for one report text."""

    findings: list[Finding] = field(default_factory=list)
    warnings: list[ParseWarning | str] = field(default_factory=list)  # parser-health warnings


@dataclass
class Publication:
    """Everything parsed about one publication, ready to store.

    `text` is the normalised content (page + report body) used for change detection and
    diffs; theme furniture (nav, cookie banner, footer, nonces) is already stripped.
    """

    url: str
    slug: str
    title: str
    published: str | None  # ISO date YYYY-MM-DD
    type: str | None  # e.g. "PEEL assessment", "Thematic inspection"
    forces: list[str] = field(default_factory=list)  # empty = national / all forces
    summary: str = ""
    documents: list[Document] = field(default_factory=list)
    joint_with: list[str] = field(default_factory=list)  # other inspectorates
    all_forces: bool = False  # the page says it concerns all forces
    services: list[str] = field(default_factory=list)  # fire and rescue services named
    findings: list[Finding] = field(default_factory=list)
    warnings: list[ParseWarning | str] = field(default_factory=list)
    text: str = ""

    def to_dict(self) -> dict:
        d = asdict(self)
        return d


@dataclass
class ChangeEvent:
    """A change the watcher noticed; `details` is JSON-serialisable and kind-specific."""

    kind: EventKind
    url: str
    slug: str
    title: str
    details: dict = field(default_factory=dict)
    at: str | None = None  # ISO timestamp (UTC), set by the store when recorded
    id: int | None = None

    def to_dict(self) -> dict:
        return asdict(self)


COUNT_FIELDS: tuple[str, ...] = (
    "recommendations",
    "recommendations_to_chief_constables",
    "areas_for_improvement",
    "causes_of_concern",
)


def to_chief_constables(finding) -> bool:
    """The one meaning of "applicable to chief constables" (counting rule R5): a
    recommendation whose actors include chief constables. An area for improvement or a
    cause of concern is the inspectorate's judgment of one force (or of all forces), never
    a recommendation to chief constables, whatever its sentence's subject."""
    if isinstance(finding, Finding):
        return finding.kind == "recommendation" and finding.applies_to_chief_constables
    return finding.get("kind") == "recommendation" and bool(finding.get("applies_to_chief_constables"))


def counts_of(findings) -> dict[str, int]:
    """The four counts a liaison officer reads, computed from the finding rows."""
    counts = dict.fromkeys(COUNT_FIELDS, 0)
    for f in findings:
        kind = f.kind if isinstance(f, Finding) else f["kind"]
        if kind == "recommendation":
            counts["recommendations"] += 1
            if to_chief_constables(f):
                counts["recommendations_to_chief_constables"] += 1
        elif kind == "area_for_improvement":
            counts["areas_for_improvement"] += 1
        elif kind == "cause_of_concern":
            counts["causes_of_concern"] += 1
    return counts
