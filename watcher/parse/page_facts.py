"""A publication's date, type and subject, read from every place a theme may put them.

Each source gives its own reading (a `Reading`), and the readings are weighed in one
order: the page's labelled facts, then its structured data (JSON-LD, article meta,
<time datetime>), then tag or category links and breadcrumbs, then a sentence that names
the forces ("This report is about Cleveland Police", "We inspected six forces: Durham,
…"), then the title, then the slug. The first source that says something wins; a later
source that contradicts it adds a "sources_disagree" warning. An empty reading (no date,
no type, no force for a force-specific type) is a warning too, never a silent fact
(docs/counting-rules.md, "Doubt").

Forces and fire and rescue services are matched against core.bodies and stored by their
canonical names; types are matched against core.pubtypes, but the page's own wording is
what is stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import parse_qsl, unquote, urlsplit

from bs4 import Tag

from core import pubtypes
from core.bodies import Body, bodies_in_text, find_body, name_key
from core.dates import date_alone, parse_published_date, published_in_text
from core.models import ParseWarning
from watcher.parse.htmltree import tags
from watcher.parse.page_labels import (
    DATE_LABELS,
    FORCE_LABELS,
    LOOSE_FORCE_LABELS,
    LOOSE_TYPE_LABELS,
    TYPE_LABELS,
    first_of,
    split_list,
)
from watcher.parse.page_structured import Structured, names_in, publication_objects
from watcher.parse.page_text import clean

_FORCES_WORDS = (r"(?:\d+\s+|(?:the\s+)?(?:43|forty-three)\s+)?(?:(?:territorial|home office)\s+)?"
                 r"(?:police\s+)?forces(?:\s+and\s+(?:all\s+)?(?:fire\s+and\s+rescue\s+)?services)?")
_IN_ENGLAND = r"\s+(?:in|across)\s+england(?:\s+and\s+wales)?"
ALL_FORCES_RE = re.compile(
    rf"^\s*all\s+{_FORCES_WORDS}(?:{_IN_ENGLAND})?\s*$|^\s*{_FORCES_WORDS}{_IN_ENGLAND}\s*$|"
    r"^\s*all\s+(?:fire\s+and\s+rescue\s+)?services\s*$|^\s*national\s*$|^\s*england\s+and\s+wales\s*$|"
    r"^\s*all\s+(?:police\s+)?forces\b.{0,40}$",
    re.IGNORECASE,
)
_FIRE_WORDS_RE = re.compile(r"fire|rescue", re.I)

#: Source names, most explicit first: the order readings are weighed in.
SOURCES = ("labelled", "structured", "tags", "sentence", "title", "slug")
_SOURCE_WORDS = {
    "labelled": "labelled facts", "structured": "structured data (JSON-LD or article meta)",
    "tags": "tag, category or breadcrumb links", "sentence": "a sentence in the page",
    "title": "title", "slug": "address (slug)",
}


@dataclass
class Reading:
    """What one source says. `sample` marks forces named as the places a national
    inspection visited ("We inspected six forces: …"): they do not contradict "all forces"."""

    source: str
    published: date | None = None
    type: str | None = None
    forces: list[str] = field(default_factory=list)
    services: list[str] = field(default_factory=list)
    all_forces: bool = False
    sample: bool = False
    weak_date: bool = False  # from a bare <time> in the content: a date, not surely the publication's

    def add_body(self, body: Body) -> None:
        target = self.services if body.kind == "fire" else self.forces
        if body.name not in target:
            target.append(body.name)

    @property
    def subjects(self) -> set[str]:
        return set(self.forces) | set(self.services)


@dataclass
class Facts:
    """The weighed result, and the doubts found on the way."""

    published: str | None
    type: str | None
    forces: list[str]
    services: list[str]
    all_forces: bool
    warnings: list[ParseWarning]


def _subjects_from_values(reading: Reading, values: list[str], *, loose: bool, fire: bool = False) -> None:
    """Names from a label's values: register matches become canonical; an explicit label
    keeps a name the register does not know (spelled as the page spells it). Under a
    service label a bare place name ("Cornwall") is that place's fire and rescue service."""
    for value in values:
        if ALL_FORCES_RE.match(value):
            reading.all_forces = True
            continue
        body = find_body(value)
        if fire and (body is None or body.kind != "fire"):
            body = find_body(value + " Fire and Rescue Service", ("fire",)) or body
        if body is not None:
            reading.add_body(body)
            continue
        named = _names_in_list(value) if not loose else bodies_in_text(value)
        if named:
            for b in named:
                reading.add_body(b)
        elif not loose and len(value) <= 80:
            target = reading.services if _FIRE_WORDS_RE.search(value) else reading.forces
            if value not in target:
                target.append(value)


_BYLINE_SPLIT_RE = re.compile(r"\s+[|•·]\s+|\s+[-–—]\s+(?=\S)")


def _byline(r: Reading, lines: list[str]) -> None:
    """A short line of facts without labels: "15 October 2025 | PEEL inspection | Kent
    Police". Only segments that are wholly a known type or body count."""
    # an "eyebrow" above or below the title ("PEEL inspection", "Kent Police"): one short
    # line that is wholly a type or a body (several are a list, not a caption)
    top = [line for line in lines[:8] if len(line) <= 60]
    top_types = [line for line in top if pubtypes.is_exact_type(line)]
    top_bodies = [b for b in map(find_body, top) if b is not None]
    top_dates = [d for d in map(date_alone, top) if d is not None]
    if r.published is None and len(top_dates) == 1:
        r.published = top_dates[0]
    if r.type is None and len(top_types) == 1:
        r.type = top_types[0]
    if not (r.subjects or r.all_forces) and len(top_bodies) == 1:
        r.add_body(top_bodies[0])
    for line in lines[:60]:
        if len(line) > 200 or not re.search(r"\s[|•·]\s", line):
            continue
        segments = [clean(s) for s in _BYLINE_SPLIT_RE.split(line) if clean(s)]
        if len(segments) < 2:
            continue
        for seg in segments:
            seg = re.sub(r"^(?:published|type|forces?|services?)\s*:?\s*", "", seg, flags=re.I)
            if r.published is None and (d := parse_published_date(seg)) is not None and len(seg) <= 40:
                r.published = d
            elif r.type is None and pubtypes.is_exact_type(seg):
                r.type = seg
            elif (body := find_body(seg)) is not None and not (r.subjects or r.all_forces):
                r.add_body(body)


def labelled_reading(values: dict[str, list[str]], main_text: str, body_text: str,
                     lines: list[str] = ()) -> Reading:
    """Facts the page states under a label ("Published: …", "Type", "Forces"), or in a
    byline of facts."""
    r = Reading("labelled")
    # A published-date label first, then "Published …" in the text, then a bare "Date".
    r.published = next((d for d in map(parse_published_date, first_of(values, DATE_LABELS[:-1]) or []) if d),
                       None) or published_in_text(main_text) or published_in_text(body_text)
    if r.published is None:
        r.published = next((d for d in map(parse_published_date, values.get("date") or []) if d), None)
    strict = first_of(values, TYPE_LABELS)
    known = next((v for label in TYPE_LABELS + LOOSE_TYPE_LABELS for v in values.get(label, [])
                  if pubtypes.find_type(v)), None)
    r.type = (strict[0] if strict and (pubtypes.find_type(strict[0]) or not known) else known)
    explicit_label = next((label for label in FORCE_LABELS if label in values), None)
    if explicit_label:
        _subjects_from_values(r, values[explicit_label], loose=False,
                              fire="service" in explicit_label and not re.search(r"force|police", explicit_label))
    else:
        for label in LOOSE_FORCE_LABELS:
            _subjects_from_values(r, values.get(label, []), loose=True)
    if r.published is None or r.type is None or not (r.subjects or r.all_forces):
        _byline(r, list(lines))
    return r


def structured_reading(structured: Structured, meta: dict[str, str], main: Tag) -> Reading:
    """JSON-LD, OpenGraph / article meta, and a <time datetime> in the content."""
    r = Reading("structured")
    objects = publication_objects(structured)
    dates = [o.get("datePublished") for o in objects if isinstance(o.get("datePublished"), str)]
    for el in tags(main, _MICRODATA_TAGS):
        prop = el.get("itemprop")
        if isinstance(prop, str) and prop.strip().lower() == "datepublished":
            dates.append(el.get("datetime") or el.get("content") or el.get_text(" "))
    for key in ("article:published_time", "og:published_time", "published_time", "datepublished",
                "dcterms.issued", "dcterms.date", "dc.date.issued", "dc.date", "citation_publication_date"):
        dates.extend(structured.meta.get(key) or ([meta[key]] if meta.get(key) else []))
    r.published = next((d for d in map(parse_published_date, dates) if d), None)
    if r.published is None:
        for t in tags(main, ("time",)):
            context = clean(t.parent.get_text(" ")) if t.parent is not None else ""
            if re.search(r"(?i)\b(updated|modified|revised)\b", context):
                continue
            r.published = parse_published_date(t.get("datetime") or t.get_text(" "))
            if r.published:
                r.weak_date = True
                break
    type_words: list[str] = []
    for o in objects:
        for key in ("genre", "additionalType", "articleSection", "keywords", "about", "category"):
            type_words.extend(names_in(o.get(key)))
    for key in ("article:section", "article:tag", "keywords", "dc.type", "dcterms.type", "category"):
        for v in structured.meta.get(key) or []:
            type_words.extend(split_list([v]) if key in ("keywords",) else [v])
    r.type = _first_known_type(type_words)
    subject_words: list[str] = []
    for o in objects:
        for key in ("about", "spatialCoverage", "contentLocation", "keywords"):
            subject_words.extend(names_in(o.get(key)))
    for key in ("article:tag", "keywords"):
        for v in structured.meta.get(key) or []:
            subject_words.extend(split_list([v]))
    _register_only(r, subject_words)
    return r


_MICRODATA_TAGS = frozenset(("time", "span", "p", "div", "meta", "dd", "td", "li", "abbr", "data"))


def _first_known_type(words: list[str]) -> str | None:
    """The canonical name of the most specific type the words name ("PEEL" over a generic
    "Thematic"; the register lists the specific types first). Only a labelled type keeps
    the page's own wording, as the page states it as the type."""
    known = [t for t in map(pubtypes.find_type, words) if t is not None]
    if not known:
        return None
    return min(known, key=pubtypes.TYPES.index).name


def _register_only(r: Reading, words: list[str]) -> None:
    for w in words:
        if ALL_FORCES_RE.match(w):
            r.all_forces = True
            continue
        body = find_body(w)
        if body is not None:
            r.add_body(body)


_TAXONOMY_RE = re.compile(
    r"/(?:tags?|categor(?:y|ies)|topics?|publication[-_]types?|types?|forces?|services?|subjects?|"
    r"themes?|series|collections?|report[-_]types?|inspection[-_]types?|areas?|regions?)/[^/?#]+/?$", re.I)
_TAXONOMY_QUERY = frozenset(("tag", "category", "cat", "topic", "publication-type", "publication_type",
                             "type", "force", "service", "subject", "theme", "series", "report-type",
                             "inspection-type", "area", "region"))
MAX_TAG_TYPES = 1  # more distinct types than this among tag links is a filter list, not the page's tags
MAX_TAG_SUBJECTS = 12


def tags_reading(body: Tag | None, crumbs: list[list[str]], title: str) -> Reading:
    """Tag and category links (by their address: /tag/…, ?publication-type=…, rel="tag")
    and breadcrumb trails (except the page's own title at their end)."""
    r = Reading("tags")
    words: list[str] = []
    if body is not None:
        for a in tags(body, ("a",)):
            href = a.get("href")
            if not isinstance(href, str):
                continue
            rel = a.get("rel")
            rel_words = rel.split() if isinstance(rel, str) else (rel or [])
            parts = urlsplit(href)
            taxonomy = ("tag" in rel_words or "category" in rel_words or bool(_TAXONOMY_RE.search(parts.path))
                        or any(k.lower() in _TAXONOMY_QUERY for k, _ in parse_qsl(parts.query)))
            if taxonomy:
                text = clean(a.get_text(" "))
                if text and len(text) <= 80:
                    words.append(text)
    title_key = name_key(title)
    for trail in crumbs:
        for i, crumb in enumerate(trail):
            if i == len(trail) - 1 and (name_key(crumb) == title_key or len(crumb) > 60):
                continue
            if name_key(crumb) in ("home", "publications", "reports", "our work", "news"):
                continue
            words.append(crumb)
    types = {pubtypes.canonical_type(w) for w in words if pubtypes.find_type(w)}
    if len(types) <= MAX_TAG_TYPES:
        r.type = _first_known_type(words)
    _register_only(r, words)
    if len(r.subjects) > MAX_TAG_SUBJECTS:
        r.forces, r.services = [], []
    return r


# "This report is about Cleveland Police", "The inspection was of Kent Police".
_ABOUT_RE = re.compile(
    r"\b(?:this|the|our)\s+(?:report|inspection|assessment|review|letter|revisit|publication|"
    r"inspection report)\s+(?:is|was|concerns|covers|looks at|examines|focuses on|relates to|reports on|"
    r"sets out (?:our )?findings (?:on|for|about|from))\s+(?:about|of|into|on|for|"
    r"an inspection of|a (?:review|revisit) of)?\s*(?P<rest>[^.;]{3,200})", re.I)
# "We inspected six forces: Durham, Essex, …", "The forces we inspected were …".
_LIST_RE = re.compile(
    r"\b(?:we\s+(?:inspected|visited|examined|looked at|assessed|reviewed)\s+(?:the\s+following\s+|"
    r"\w+\s+|\d+\s+)?(?:police\s+)?(?:forces?|(?:fire\s+and\s+rescue\s+)?services?|police\s+areas?)"
    r"(?:\s+and\s+(?:\w+\s+)?(?:fire\s+and\s+rescue\s+)?services?)?|"
    r"(?:the\s+)?(?:forces|services)\s+(?:we\s+)?(?:inspected|visited|included|involved|in\s+scope)"
    r"(?:\s+(?:were|are|was))?|"
    r"(?:fieldwork|inspection)\s+(?:took\s+place\s+)?in\s+(?:the\s+following\s+)?(?:\w+\s+)?(?:forces?|areas?))"
    r"\s*(?::|—|–|-|,\s*(?:namely|which\s+were|these\s+were))\s*(?P<list>[^.]{3,400})", re.I)
_DIRECT_RE = re.compile(r"\bwe\s+(?:inspected|revisited|assessed|examined|inspect)\s+(?P<rest>[^.;:]{3,120})", re.I)


def _names_in_list(text: str) -> list[Body]:
    """Bodies named in "Durham, Essex, Avon and Somerset and the Met" (bare place names
    allowed): the longest run of parts joined by "and" that the register knows wins."""
    found: list[Body] = []
    parts = [re.sub(r"^(?:and|the)\s+", "", p.strip(), flags=re.I).rstrip(" .")
             for p in re.split(r"\s*(?:,|;|\band\b(?=\s+(?:the\s+)?[A-Z])|&(?=\s+[A-Z]))\s*", text.strip())]
    parts = [p for p in parts if p]
    i = 0
    while i < len(parts):
        for j in range(min(len(parts), i + 3), i, -1):
            body = find_body(" and ".join(parts[i:j]))
            if body is not None:
                named, i = [body], j
                break
        else:
            named, i = bodies_in_text(parts[i]), i + 1
        for b in named:
            if b not in found:
                found.append(b)
    return found


def sentence_reading(lines: list[str]) -> Reading:
    """A sentence that names the forces or services the report is about."""
    r = Reading("sentence")
    for line in lines[:200]:
        if len(line) > 1500:
            continue
        m = _LIST_RE.search(line)
        if m:
            named = _names_in_list(m.group("list"))
            if named:
                for b in named:
                    r.add_body(b)
                r.sample = True
                continue
        m = _ABOUT_RE.search(line) or _DIRECT_RE.search(line)
        if m:
            for b in bodies_in_text(m.group("rest")):
                r.add_body(b)
    if r.forces or r.services:
        r.sample = r.sample and len(r.subjects) > 1
    return r


_TITLE_LEAD_RE = re.compile(r"^\s*(?P<name>[A-Z][\w&' -]{2,60}?)\s*(?::|–|—|\s-\s)")
_TITLE_TAIL_RE = re.compile(r"\b(?:inspection|assessment|revisit|review)\s+(?:of|in|for)\s+(?P<name>[A-Z][\w&' -]{2,60})\s*$")


def title_reading(title: str) -> Reading:
    """Forces and type the title names: "West Midlands Police: …", "PEEL 2025: An
    inspection of Kent Police"; a bare place name only where a name stands alone
    ("Durham: national child protection inspection", "An inspection of Gwent")."""
    r = Reading("title")
    for b in bodies_in_text(title):
        r.add_body(b)
    if not r.subjects:
        for pattern in (_TITLE_LEAD_RE, _TITLE_TAIL_RE):
            m = pattern.search(title)
            if m and (b := find_body(m.group("name"))) is not None:
                r.add_body(b)
    t = pubtypes.type_in_text(title)
    r.type = t.name if t else None
    return r


def slug_reading(url: str) -> Reading:
    """Forces and type the address names: "peel-2025-kent-police",
    "west-midlands-national-child-protection-inspection-november-2025"."""
    r = Reading("slug")
    parts = [p for p in urlsplit(url).path.split("/") if p]
    slug = unquote(parts[-1]).lower() if parts else ""
    if not slug:
        return r
    words = slug.split("-")
    n = len(words)
    i = 0
    index = _slug_index()
    while i < n:
        for length in range(min(9, n - i), 0, -1):
            chunk = " ".join(words[i:i + length])
            body = index.get(chunk)
            if body is None:
                continue
            bare = chunk == name_key(body.area) and body.kind == "force"
            # a bare place name counts at the start, after "peel-2025", or after "in"/"of" at the end
            if bare and not (i == 0 or _after_peel(words, i) or (i + length == n and words[i - 1] in ("in", "of"))):
                continue
            r.add_body(body)
            i += length - 1
            break
        i += 1
    t = pubtypes.type_in_text(slug.replace("-", " "))
    r.type = t.name if t else None
    return r


def _after_peel(words: list[str], i: int) -> bool:
    before = words[:i]
    return bool(before) and before[0] == "peel" and all(w.isdigit() or w in ("peel", "an", "inspection", "of", "assessment")
                                                         for w in before)


def _slug_index() -> dict[str, Body]:
    cached = getattr(_slug_index, "_cache", None)
    if cached is None:
        from core.bodies import BODIES, spellings

        cached = {}
        for body in BODIES:
            for spelling in spellings(body):
                key = name_key(spelling.replace("-", " "))
                if len(key) >= 4 and not (spelling.isupper() and len(spelling) <= 4):
                    cached.setdefault(key, body)
        _slug_index._cache = cached  # type: ignore[attr-defined]
    return cached


# --------------------------------------------------------------------------- weighing


def _describe(values) -> str:
    if isinstance(values, (set, list, tuple)):
        return ", ".join(sorted(values)) or "none"
    return str(values)


def _subject_disagrees(chosen: Reading, witness: Reading) -> bool:
    """A witness contradicts the chosen subject when it names only forces or services the
    chosen reading leaves out ("Force: Kent Police" under the title "…: Essex Police"), or
    names one for a page that says "all forces" (a national report's fieldwork forces and
    a sentence's passing mention do not). A witness that names one more body beside the
    chosen ones ("with the National Crime Agency") is no contradiction."""
    if not witness.subjects:
        return False
    if not chosen.subjects:
        return chosen.all_forces and not witness.sample and witness.source in ("structured", "title", "slug")
    return not (witness.subjects & chosen.subjects) and not witness.sample


_ORTHOGONAL_TYPES = frozenset(("Progress report or revisit", "Cause of concern revisit", "Joint inspection"))


def _type_disagrees(chosen: str, witness: Reading) -> bool:
    """Two type readings contradict each other only where it matters: one is about a
    single force or service and the other is not (and the witness that says "one force"
    names one), or both are about one but one is police and the other fire. A revisit or a
    joint inspection can be of any kind; a title's wording alone ("custody") is no force."""
    a, b = pubtypes.find_type(chosen), pubtypes.find_type(witness.type)
    if a is None or b is None or a is b:
        return False
    if a.name in _ORTHOGONAL_TYPES or b.name in _ORTHOGONAL_TYPES:
        return False
    if a.force_specific != b.force_specific:
        return a.force_specific or bool(witness.subjects)
    return a.force_specific and a.fire != b.fire


def weigh(readings: list[Reading], *, has_documents: bool, where: str = "publication page") -> Facts:
    """One answer per fact from the readings (most explicit first), with its doubts."""
    by_rank = sorted(readings, key=lambda r: SOURCES.index(r.source))
    warnings: list[ParseWarning] = []

    dated = [r for r in by_rank if r.published]
    published = dated[0].published if dated else None
    if len(dated) > 1 and dated[0].source == "labelled":
        other = next((r for r in dated[1:] if r.source == "structured" and not r.weak_date
                      and r.published != published), None)
        if other is not None:
            warnings.append(ParseWarning(
                kind="sources_disagree", field="published",
                message=(f"The page's labelled date ({published.isoformat()}) differs from its "
                         f"{_SOURCE_WORDS[other.source]} ({other.published.isoformat()}); kept the labelled date."),
                expected=published.isoformat(), found=other.published.isoformat(), where=where))

    typed = [r for r in by_rank if r.type]
    pub_type = typed[0].type if typed else None
    for other in typed[1:]:
        if _type_disagrees(pub_type, other):
            warnings.append(ParseWarning(
                kind="sources_disagree", field="type",
                message=(f"The page's {_SOURCE_WORDS[typed[0].source]} give the type {pub_type!r} but its "
                         f"{_SOURCE_WORDS[other.source]} say {other.type!r}; kept {pub_type!r}."),
                expected=pub_type, found=other.type, where=where))
            break

    named = [r for r in by_rank if r.subjects or r.all_forces]
    chosen = named[0] if named else Reading("labelled")
    for other in named[1:]:
        if _subject_disagrees(chosen, other):
            kept = _describe(chosen.subjects) if chosen.subjects else "all forces"
            warnings.append(ParseWarning(
                kind="sources_disagree", field="forces",
                message=(f"The page's {_SOURCE_WORDS[chosen.source]} name {kept} but its "
                         f"{_SOURCE_WORDS[other.source]} name {_describe(other.subjects)}; kept {kept}."),
                expected=kept, found=_describe(other.subjects), where=where))
            break
    forces, services = list(chosen.forces), list(chosen.services)
    all_forces = chosen.all_forces or (not forces and not services)

    if not has_documents:
        warnings.append(ParseWarning(
            kind="no_documents", field="documents",
            message="No report link and no document were found on the publication page; "
                    "every HMICFRS publication has at least one.",
            expected="at least one", found=0, where=where))
    if published is None:
        warnings.append(ParseWarning(
            kind="no_date", field="published", message="No publication date was found on the page.",
            expected="a date", found=None, where=where))
    if not pub_type:
        warnings.append(ParseWarning(
            kind="no_type", field="type", message="No publication type was found on the page.",
            expected="a type", found=None, where=where))
    elif pubtypes.is_force_specific(pub_type) and not (forces or services):
        subject = "fire and rescue service" if pubtypes.is_fire_type(pub_type) else "force"
        warnings.append(ParseWarning(
            kind="no_force", field="forces",
            message=f"A {pub_type} is about one {subject}, but the page names none.",
            expected=f"a {subject}", found=None, where=where))
    return Facts(
        published=published.isoformat() if published else None,
        type=pub_type,
        forces=forces,
        services=services,
        all_forces=all_forces,
        warnings=warnings,
    )
