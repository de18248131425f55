"""Load the mirror's content files (see content/FORMAT.md) into `MirrorPublication`s.

A content file is TOML front matter between two `+++` lines, then the report body as an
HTML fragment. Every error names the file, so a typo in one of dozens of fixtures is
found in seconds.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent / "content"

PDF_MODES = ("report", "none", "only")
EXPECTED_COUNTS = (
    "recommendations",
    "recommendations_to_chief_constables",
    "areas_for_improvement",
    "causes_of_concern",
)


class ContentError(ValueError):
    """A content file is malformed; the message names the file and the problem."""


@dataclass
class MirrorPublication:
    """One publication of the mirrored site, as its content file describes it."""

    slug: str
    title: str
    published: date
    lastmod: datetime  # timezone-aware (UTC)
    type: str
    summary: str
    body: str  # the report body (HTML fragment)
    forces: list[str] = field(default_factory=list)
    all_forces: bool = False
    services: list[str] = field(default_factory=list)
    joint_with: list[str] = field(default_factory=list)
    html_report: bool = True
    pdf: str = "report"  # "report" | "none" | "only"
    pdf_title: str = ""
    pdf_file: str = ""  # file name under /uploads/ of the main PDF (default <slug>.pdf)
    extra_documents: list[dict] = field(default_factory=list)  # {title, file, text}
    # (file: x.pdf is rendered as a PDF; other types (.docx, .ods, .csv ...) are served
    # as small placeholder files of that type)
    page_findings: str = ""
    expected: dict = field(default_factory=dict)
    state: int = 1  # the first site state the publication appears in (see FORMAT.md)
    withdrawn: bool = False  # the page answers 410 Gone
    post_id: int = 0  # WordPress post ID (guid ?p=...), derived from the slug
    source: str = ""  # the content file it was loaded from

    def __post_init__(self) -> None:
        if not self.post_id:
            self.post_id = 1000 + zlib.crc32(self.slug.encode()) % 89000
        if not self.pdf_file and self.pdf != "none":
            self.pdf_file = f"{self.slug}.pdf"
        if not self.pdf_title and self.pdf != "none":
            self.pdf_title = f"{self.title} (PDF document)"

    @property
    def path(self) -> str:
        """The publication page's path on the site."""
        return f"/publications/{self.slug}/"

    @property
    def report_path(self) -> str | None:
        return f"/publication-html/{self.slug}/" if self.html_report else None

    def replace(self, **changes) -> MirrorPublication:
        """A copy with some fields changed (lists and dicts are copied, not shared)."""
        fields = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        for k, v in fields.items():
            if isinstance(v, list):
                fields[k] = [dict(x) if isinstance(x, dict) else x for x in v]
            elif isinstance(v, dict):
                fields[k] = dict(v)
        fields.update(changes)
        return MirrorPublication(**fields)


# key -> (accepted types, required)
_SCHEMA: dict[str, tuple[tuple[type, ...], bool]] = {
    "title": ((str,), True),
    "published": ((date, str), True),
    "lastmod": ((datetime, date, str), False),
    "type": ((str,), True),
    "forces": ((list,), False),
    "all_forces": ((bool,), False),
    "services": ((list,), False),
    "joint_with": ((list,), False),
    "summary": ((str,), True),
    "html_report": ((bool,), False),
    "pdf": ((str,), False),
    "pdf_title": ((str,), False),
    "pdf_file": ((str,), False),
    "extra_documents": ((list,), False),
    "page_findings": ((str,), False),
    "expected": ((dict,), True),
    "state": ((int,), False),
    "withdrawn": ((bool,), False),
    "post_id": ((int,), False),
}


def _split(text: str, name: str) -> tuple[str, str]:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "+++":
        raise ContentError(f"{name}: must start with a '+++' line (TOML front matter)")
    for i in range(1, len(lines)):
        if lines[i].strip() == "+++":
            return "".join(lines[1:i]), "".join(lines[i + 1 :])
    raise ContentError(f"{name}: front matter is not closed by a second '+++' line")


def _as_date(value, name: str, key: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ContentError(f"{name}: {key} = {value!r} is not a date (YYYY-MM-DD)") from None


def _as_datetime(value, name: str, key: str) -> datetime:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise ContentError(f"{name}: {key} = {value!r} is not an ISO datetime") from None
    if not isinstance(value, datetime):  # a plain date
        value = datetime.combine(value, time(9, 30))
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def _extra_documents(meta: dict, name: str) -> list[dict]:
    """The extra documents, each with a string title and a bare file name."""
    docs = []
    for i, doc in enumerate(meta.get("extra_documents", [])):
        if not isinstance(doc, dict) or not all(
            isinstance(doc.get(k), str) and doc.get(k) for k in ("title", "file")
        ):
            raise ContentError(f"{name}: extra_documents[{i}] needs string title and file")
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*\.[A-Za-z0-9]+", doc["file"]):
            raise ContentError(
                f"{name}: extra_documents[{i}].file must be a bare file name like x.pdf"
            )
        docs.append({"title": doc["title"], "file": doc["file"], "text": str(doc.get("text", ""))})
    return docs


def _expected(meta: dict, name: str) -> dict:
    """The [expected] counts: non-negative integers, no more to chief constables than in
    all, and a true/false `warning` (false when absent)."""
    expected = dict(meta["expected"])
    for key in EXPECTED_COUNTS:
        value = expected.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ContentError(f"{name}: [expected] {key} must be a non-negative integer")
    if expected["recommendations_to_chief_constables"] > expected["recommendations"]:
        raise ContentError(
            f"{name}: [expected] recommendations_to_chief_constables exceeds recommendations"
        )
    expected.setdefault("warning", False)
    if not isinstance(expected["warning"], bool):
        raise ContentError(f"{name}: [expected] warning must be true or false")
    return expected


def parse_content(text: str, slug: str, *, source: str = "") -> MirrorPublication:
    """Parse one content file's text. `source` (the file name) is used in errors."""
    name = source or slug
    front, body = _split(text, name)
    try:
        meta = tomllib.loads(front)
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{name}: front matter is not valid TOML: {exc}") from None
    unknown = sorted(set(meta) - set(_SCHEMA))
    if unknown:
        raise ContentError(f"{name}: unknown front matter key(s): {', '.join(unknown)}")
    for key, (types, required) in _SCHEMA.items():
        if key not in meta:
            if required:
                raise ContentError(f"{name}: missing required front matter key {key!r}")
            continue
        if not isinstance(meta[key], types) or (int in types and isinstance(meta[key], bool)):
            want = " or ".join(t.__name__ for t in types)
            raise ContentError(f"{name}: {key} must be {want}, got {meta[key]!r}")
    for key in ("forces", "services", "joint_with"):
        if not all(isinstance(x, str) and x.strip() for x in meta.get(key, [])):
            raise ContentError(f"{name}: {key} must be a list of non-empty strings")
    pdf = meta.get("pdf", "report")
    if pdf not in PDF_MODES:
        raise ContentError(f"{name}: pdf must be one of {PDF_MODES}, got {pdf!r}")
    html_report = meta.get("html_report", True)
    if pdf == "only" and html_report:
        raise ContentError(f"{name}: pdf = 'only' needs html_report = false")
    docs = _extra_documents(meta, name)
    expected = _expected(meta, name)
    if not body.strip() and pdf != "none":
        raise ContentError(f"{name}: the body is empty but a PDF of it is promised")
    published = _as_date(meta["published"], name, "published")
    lastmod = _as_datetime(meta.get("lastmod", published), name, "lastmod")
    if lastmod.date() < published:
        raise ContentError(f"{name}: lastmod {lastmod.isoformat()} is before published {published}")
    state = meta.get("state", 1)
    if state < 1:
        raise ContentError(f"{name}: state must be >= 1")
    return MirrorPublication(
        slug=slug,
        title=meta["title"].strip(),
        published=published,
        lastmod=lastmod,
        type=meta["type"].strip(),
        summary=meta["summary"].strip(),
        body=body.strip() + "\n",
        forces=list(meta.get("forces", [])),
        all_forces=meta.get("all_forces", False),
        services=list(meta.get("services", [])),
        joint_with=list(meta.get("joint_with", [])),
        html_report=html_report,
        pdf=pdf,
        pdf_title=meta.get("pdf_title", ""),
        pdf_file=meta.get("pdf_file", ""),
        extra_documents=docs,
        page_findings=meta.get("page_findings", ""),
        expected=expected,
        state=state,
        withdrawn=meta.get("withdrawn", False),
        post_id=meta.get("post_id", 0),
        source=source,
    )


def load_file(path: Path | str) -> MirrorPublication:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(f"{path.name}: not UTF-8: {exc}") from None
    return parse_content(text, path.stem, source=path.name)


def load_publications(
    directory: Path | str | None = None, *, state: int = 1, exact: bool = False
) -> list[MirrorPublication]:
    """All publications of the site in `state` (default: the initial state), newest first.

    A file with `state = N` appears from state N on. `exact=True` returns only the files
    whose `state` equals `state` (what `states.later_state` adds).
    """
    directory = Path(directory) if directory is not None else CONTENT_DIR
    if not directory.is_dir():
        raise ContentError(f"{directory}: no such content directory")
    pubs = [load_file(p) for p in sorted(directory.glob("*.html"))]
    if exact:
        pubs = [p for p in pubs if p.state == state]
    else:
        pubs = [p for p in pubs if p.state <= state]
    return sort_newest_first(pubs)


def sort_newest_first(pubs: list[MirrorPublication]) -> list[MirrorPublication]:
    """Newest first by publication date; ties broken by lastmod then slug (stable order)."""
    return sorted(pubs, key=lambda p: (p.published, p.lastmod, p.slug), reverse=True)
