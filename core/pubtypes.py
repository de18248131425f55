"""The one register of publication types, with the variants pages use for each.

A theme may call the same kind of report "PEEL assessment", "PEEL inspection", "PEEL
2025–27" or put it only in the title; "National child protection inspection" may be
"Child protection inspection" or "NCPI". Everything that asks what a type *means* asks
here, with whatever wording the page used:

- ``is_force_specific(type)``: a report about one force or one fire and rescue service, so
  a page of this type that names none is in doubt (docs/counting-rules.md, "Doubt");
- ``always_makes_findings(type)``: an inspection of a force or service that always ends in
  recommendations, areas for improvement or causes of concern, so reading none is a doubt.

The page's own wording stays what is stored and shown; ``canonical_type`` is for
comparing and deciding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class PubType:
    name: str  # the canonical name
    force_specific: bool  # about one force or one fire and rescue service
    makes_findings: bool  # always makes recommendations, AFIs or causes of concern
    aliases: tuple[str, ...] = ()  # whole labels that mean this type
    #: wording that names this type inside a longer text (a title, a slug, a breadcrumb),
    #: tried in register order, so the more specific types come first
    patterns: tuple[str, ...] = ()
    fire: bool = False  # a fire and rescue type (its subject is a service, not a force)


TYPES: tuple[PubType, ...] = (
    PubType("Corporate document", False, False,
            ("corporate", "corporate publication", "corporate document", "business plan", "corporate plan",
             "annual report and accounts", "inspection programme and framework", "consultation",
             "consultation response", "data collection", "freedom of information",
             "disclosure log", "transparency data", "terms of reference"),
            (r"\bbusiness plan\b", r"\bcorporate plan\b", r"\bstrategy 20\d\d", r"\bannual report and accounts\b",
             r"\binspection programme and framework\b", r"\bconsultation\b", r"\bdata collection\b",
             r"\bfreedom of information\b", r"\bdisclosure log\b", r"\bmonitoring our recommendations\b",
             r"\bassessment framework\b")),
    PubType("Cause of concern revisit", True, False,
            ("cause of concern revisit", "cause of concern revisit letter", "revisit letter",
             "cause of concern progress letter"),
            (r"\bcauses? of concern\b.{0,40}\b(revisit|progress|follow[- ]up|update)",
             r"\b(revisit|progress|follow[- ]up)\b.{0,40}\bcauses? of concern\b")),
    PubType("Cause of concern letter", True, True,
            ("cause of concern letter", "accelerated cause of concern letter",
             "accelerated cause of concern", "cause of concern"),
            (r"\baccelerated cause of concern\b", r"\bcause of concern letter\b",
             r"\bletter\b.{0,60}\bcause of concern\b")),
    PubType("Progress report or revisit", False, False,
            ("progress report", "inspection progress report", "revisit", "re-inspection",
             "reinspection", "follow-up inspection", "follow up inspection", "post-inspection review",
             "post inspection review", "progress review", "progress inspection", "revisit report"),
            (r"\bprogress (report|review|inspection|update)\b", r"\brevisit\b", r"\bre-?inspection\b",
             r"\bfollow[- ]up inspection\b", r"\bpost[- ]inspection review\b", r"\bprogress$")),
    PubType("National child protection inspection", True, True,
            ("national child protection inspection", "child protection inspection", "ncpi",
             "national child protection inspections", "child protection inspections"),
            (r"\bchild protection inspections?\b", r"\bnational child protection\b")),
    PubType("Crime data integrity inspection", True, True,
            ("crime data integrity inspection", "crime data integrity", "cdi", "crime recording inspection",
             "crime data integrity inspections"),
            (r"\bcrime data integrity\b", r"\bcrime recording inspection\b")),
    PubType("PEEL inspection", True, True,
            ("peel inspection", "peel assessment", "peel", "peel assessments", "peel inspections",
             "police effectiveness efficiency and legitimacy", "peel report", "force peel inspection"),
            (r"\bpeel\b", r"\bpolice effectiveness,? efficiency and legitimacy\b")),
    PubType("Fire and rescue thematic inspection", False, False,
            ("fire and rescue thematic inspection", "fire and rescue thematic", "fire thematic inspection",
             "fire and rescue services thematic inspection", "fire and rescue thematic report"),
            (r"\bfire and rescue (services )?thematic\b", r"\bthematic\b.{0,40}\bfire and rescue\b",
             r"\bin fire and rescue services\b", r"\bacross fire and rescue services\b"),
            fire=True),
    PubType("Fire and rescue service inspection", True, True,
            ("fire and rescue service inspection", "fire and rescue service inspections",
             "fire and rescue inspection", "frs inspection", "fire and rescue service assessment",
             "fire and rescue service effectiveness efficiency and people",
             "effectiveness efficiency and people", "fire inspection"),
            (r"\bfire and rescue service inspections?\b", r"\bfire and rescue service\b.{0,40}\beffectiveness,? efficiency and people\b",
             r"\beffectiveness,? efficiency and people\b"),
            fire=True),
    PubType("Police custody inspection", True, False,
            ("police custody inspection", "custody inspection", "custody suite inspection",
             "joint custody inspection", "custody inspections", "police custody inspections"),
            (r"\bcustody inspections?\b", r"\binspection (visit )?(of|to) police custody\b",
             r"\bpolice custody suites? in\b")),
    PubType("Super-complaint", False, False,
            ("super-complaint", "super complaint", "super-complaint investigation", "super-complaints"),
            (r"\bsuper[- ]complaint\b",)),
    PubType("Annual assessment", False, False,
            ("annual assessment", "state of policing", "state of fire and rescue", "state of policing report"),
            (r"\bstate of policing\b", r"\bstate of fire and rescue\b", r"\bannual assessment of\b")),
    PubType("Joint inspection", False, False,
            ("joint inspection", "joint thematic inspection", "criminal justice joint inspection",
             "joint thematic", "joint targeted area inspection", "joint review", "jtai",
             "joint inspections"),
            (r"\bjoint (thematic )?(inspection|review)\b", r"\bcriminal justice joint inspection\b")),
    PubType("Force inspection", True, False,
            ("force inspection", "force-specific inspection", "force report", "force inspections",
             "vetting and counter-corruption inspection"),
            (r"\bforce inspection\b",)),
    PubType("Serious and organised crime inspection", False, False,
            ("serious and organised crime inspection", "regional organised crime unit inspection",
             "soc inspection"),
            (r"\bserious and organised crime inspection\b",)),
    PubType("Thematic inspection", False, False,
            ("thematic inspection", "thematic", "thematic report", "thematic review",
             "national thematic inspection", "thematic inspections",
             "police thematic inspection"),
            (r"\bthematic\b",)),
)

BY_NAME = {t.name: t for t in TYPES}


def type_key(text: str) -> str:
    """A type label compared loosely: case, punctuation, "&", years and plurals of "report"."""
    text = (text or "").casefold().replace("&", " and ").replace("’", "'")
    text = re.sub(r"\b(19|20)\d\d(\s*[-–/]\s*\d{2,4})?\b", " ", text)  # "PEEL 2025–27"
    text = re.sub(r"[^\w\s']", " ", text).replace("'", "")
    text = re.sub(r"\s+", " ", text).strip()
    return text[4:] if text.startswith("the ") else text


@lru_cache(maxsize=1)
def _aliases() -> dict[str, PubType]:
    index: dict[str, PubType] = {}
    for t in TYPES:
        for spelling in (t.name, *t.aliases):
            index.setdefault(type_key(spelling), t)
    return index


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern, PubType], ...]:
    return tuple((re.compile(p, re.IGNORECASE), t) for t in TYPES for p in t.patterns)


@lru_cache(maxsize=4096)
def find_type(label: str | None) -> PubType | None:
    """The type a *label* means ("PEEL assessment", "Child protection inspection"), or None.

    A whole label is matched against every known spelling first; a label nobody listed is
    matched by the wording it contains ("Joint thematic inspection of …" is a joint inspection).
    """
    if not label or not label.strip():
        return None
    exact = _aliases().get(type_key(label))
    if exact is not None:
        return exact
    return type_in_text(label)


def is_exact_type(label: str | None) -> bool:
    """`label` is, as a whole, one of the register's spellings of a type."""
    return bool(label) and type_key(label) in _aliases()


#: Wording that makes a force-specific kind national: "PEEL spotlight report", "National
#: child protection inspections: thematic report", "Crime data integrity: national overview".
_NATIONAL_RE = re.compile(
    r"\b(?:spotlight|thematic|overview|national picture|summary of (?:our )?findings|lessons|"
    r"annual report|framework|methodology|guidance|programme)\b", re.I)


@lru_cache(maxsize=4096)
def type_in_text(text: str | None) -> PubType | None:
    """The type a title, a slug or a breadcrumb names by its wording, or None.

    A force-specific kind named in a national framing ("PEEL spotlight report") is a
    thematic: a title's words must never invent a force-specific report.
    """
    if not text:
        return None
    text = text.replace("-", " ") if "/" not in text and " " not in text.strip() else text
    for pattern, t in _patterns():
        if pattern.search(text):
            if t.force_specific and _NATIONAL_RE.search(text):
                return BY_NAME["Fire and rescue thematic inspection" if t.fire else "Thematic inspection"]
            return t
    return None


def canonical_type(label: str | None) -> str | None:
    """The canonical name of the type *label* means, or None."""
    t = find_type(label)
    return t.name if t else None


def is_force_specific(type_label: str | None) -> bool:
    """A report of this type is about one force or one fire and rescue service."""
    t = find_type(type_label)
    return bool(t and t.force_specific)


def always_makes_findings(type_label: str | None) -> bool:
    """A report of this type always makes recommendations, AFIs or causes of concern
    (force PEEL, child protection, crime data integrity, fire and rescue service
    inspections), so reading none from it is a doubt, never a fact."""
    t = find_type(type_label)
    return bool(t and t.makes_findings)


def is_fire_type(type_label: str | None) -> bool:
    """A fire and rescue type: its subject is a service, not a police force."""
    t = find_type(type_label)
    return bool(t and t.fire)
