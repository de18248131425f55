"""Which reports concern which force: one definition for the store, the feed and the digest."""

from __future__ import annotations

import re
from collections.abc import Mapping

from core.bodies import find_body
from core.models import CHIEF_CONSTABLES
from core.textsafe import one_line

_FORCE_SUFFIX = re.compile(r"\s+(police service|police force|police|constabulary)$")


def force_key(name) -> str:
    """Normalise a force name for comparison.

    A name the register (core.bodies) knows is keyed by its body, so "Avon & Somerset",
    "avon-and-somerset-constabulary", "Avon and Somerset Police" and "the Met" / "MPS"
    each mean one force. Any other name is compared case-insensitively, ``&`` = ``and``,
    punctuation and a trailing "Police" / "Constabulary" / "Police Service" ignored.
    """
    text = one_line(name)
    body = find_body(text) if text else None
    return _loose_key(body.name if body is not None else text)


def _loose_key(text: str) -> str:
    text = text.casefold().replace("&", " and ")
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    stripped = _FORCE_SUFFIX.sub("", text)
    return stripped or text


def forces_named(info: Mapping | None) -> list[str]:
    """The forces a report (or event details) names, cleaned; a lone string is one force."""
    forces = (info or {}).get("forces") or []
    if isinstance(forces, str):
        forces = [forces]
    return [f for f in (one_line(x) for x in forces) if f]


def is_national(info: Mapping | None) -> bool:
    """A report (or ``new`` event details) that applies to all forces: flag set, or no force
    and no fire and rescue service named."""
    info = info or {}
    return bool(info.get("all_forces")) or not (forces_named(info) or info.get("services"))


def names_force(info: Mapping | None, force: str) -> bool:
    """The report names ``force`` among its forces."""
    key = force_key(force)
    return bool(key) and any(force_key(f) == key for f in forces_named(info))


def concerns_force(info: Mapping | None, force: str | None) -> bool:
    """The report concerns ``force``: it names it, or it applies to all forces."""
    if not force or not force_key(force):
        return True
    return is_national(info) or names_force(info, force)


def finding_applies_to_force(finding: Mapping, report: Mapping | None, force: str) -> bool:
    """The finding is one ``force`` must act on: the one rule for ``findings --applies-to``
    and the force's register.

    - Never a finding attributed to another force, nor one in a report that does not
      concern the force.
    - A recommendation: applicable to chief constables, or addressed to the force by name.
    - An area for improvement or cause of concern: attributed or addressed to the force,
      in a report that names the force, or addressed to chief constables or "the force"
      in a national report.
    """
    if not concerns_force(report, force):
        return False
    key = force_key(force)
    attributed = force_key(finding.get("force")) if finding.get("force") else ""
    if attributed and attributed != key:
        return False
    addressees = finding.get("addressees") or []
    addressed = attributed == key or key in {force_key(a) for a in addressees}
    if finding.get("kind") == "recommendation":
        return bool(finding.get("applies_to_chief_constables")) or addressed
    if finding.get("kind") in ("area_for_improvement", "cause_of_concern"):
        to_forces = bool({CHIEF_CONSTABLES, "the force"} & {one_line(a).casefold() for a in addressees})
        return addressed or names_force(report, force) or (to_forces and is_national(report))
    return False
