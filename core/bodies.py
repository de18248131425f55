"""The one register of bodies HMICFRS inspects: police forces, other bodies, fire services.

Every place that reads or checks a force or service name (page metadata, titles, slugs,
sentences, the config, ``--force``) matches against this register, so "Avon & Somerset",
"Avon and Somerset Police" and "avon-and-somerset-constabulary" are one force, and a typo
gets a suggestion instead of a silently empty digest.

``local_policing_body`` is the body that must publish comments on a report under section
55 of the Police Act 1996 (the police and crime commissioner, or a mayor's office).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

BodyKind = Literal["force", "other", "fire"]


@dataclass(frozen=True)
class Body:
    name: str  # the canonical name, as HMICFRS writes it
    kind: BodyKind
    area: str  # the place name ("West Midlands"), used in "West Midlands PCC"
    aliases: tuple[str, ...] = ()  # other names people and pages use
    local_policing_body: str = ""  # police forces: who answers under section 55
    lpb_aliases: tuple[str, ...] = field(default=())


def _force(name: str, area: str, *aliases: str, lpb: str = "", lpb_aliases: tuple = ()) -> Body:
    lpb = lpb or f"{area} Police and Crime Commissioner"
    return Body(name, "force", area, aliases, lpb, lpb_aliases or (f"{area} PCC", lpb))


FORCES: tuple[Body, ...] = (
    _force("Avon and Somerset Constabulary", "Avon and Somerset", "Avon and Somerset Police"),
    _force("Bedfordshire Police", "Bedfordshire"),
    _force("Cambridgeshire Constabulary", "Cambridgeshire"),
    _force("Cheshire Constabulary", "Cheshire", "Cheshire Police"),
    _force("City of London Police", "City of London",
           lpb="City of London Corporation (Police Authority Board)",
           lpb_aliases=("City of London Police Authority", "City of London Corporation",
                        "Police Authority Board")),
    _force("Cleveland Police", "Cleveland"),
    _force("Cumbria Constabulary", "Cumbria", "Cumbria Police"),
    _force("Derbyshire Constabulary", "Derbyshire", "Derbyshire Police"),
    _force("Devon and Cornwall Police", "Devon and Cornwall"),
    _force("Dorset Police", "Dorset"),
    _force("Durham Constabulary", "Durham", "Durham Police"),
    _force("Essex Police", "Essex"),
    _force("Gloucestershire Constabulary", "Gloucestershire", "Gloucestershire Police"),
    _force("Greater Manchester Police", "Greater Manchester", "GMP",
           lpb="Mayor of Greater Manchester",
           lpb_aliases=("Greater Manchester Combined Authority", "GMCA",
                        "Mayor of Greater Manchester", "Greater Manchester Mayor")),
    _force("Hampshire and Isle of Wight Constabulary", "Hampshire and Isle of Wight",
           "Hampshire Constabulary", "Hampshire Police", "Hampshire"),
    _force("Hertfordshire Constabulary", "Hertfordshire", "Hertfordshire Police"),
    _force("Humberside Police", "Humberside"),
    _force("Kent Police", "Kent"),
    _force("Lancashire Constabulary", "Lancashire", "Lancashire Police"),
    _force("Leicestershire Police", "Leicestershire"),
    _force("Lincolnshire Police", "Lincolnshire"),
    _force("Merseyside Police", "Merseyside"),
    _force("Metropolitan Police Service", "London", "Metropolitan Police", "the Met",
           "Met Police", "MPS",
           lpb="Mayor's Office for Policing and Crime",
           lpb_aliases=("MOPAC", "Mayor's Office for Policing and Crime",
                        "Mayor of London")),
    _force("Norfolk Constabulary", "Norfolk", "Norfolk Police"),
    _force("Northamptonshire Police", "Northamptonshire"),
    _force("Northumbria Police", "Northumbria"),
    _force("North Yorkshire Police", "North Yorkshire",
           lpb="Mayor of York and North Yorkshire",
           lpb_aliases=("York and North Yorkshire Combined Authority",
                        "Mayor of York and North Yorkshire", "North Yorkshire PCC",
                        "North Yorkshire Police, Fire and Crime Commissioner")),
    _force("Nottinghamshire Police", "Nottinghamshire"),
    _force("South Yorkshire Police", "South Yorkshire",
           lpb="Mayor of South Yorkshire",
           lpb_aliases=("South Yorkshire Mayoral Combined Authority", "Mayor of South Yorkshire",
                        "South Yorkshire PCC")),
    _force("Staffordshire Police", "Staffordshire"),
    _force("Suffolk Constabulary", "Suffolk", "Suffolk Police"),
    _force("Surrey Police", "Surrey"),
    _force("Sussex Police", "Sussex"),
    _force("Thames Valley Police", "Thames Valley"),
    _force("Warwickshire Police", "Warwickshire"),
    _force("West Mercia Police", "West Mercia"),
    _force("West Midlands Police", "West Midlands", "WMP"),
    _force("West Yorkshire Police", "West Yorkshire",
           lpb="Mayor of West Yorkshire",
           lpb_aliases=("West Yorkshire Combined Authority", "Mayor of West Yorkshire",
                        "West Yorkshire Mayor")),
    _force("Wiltshire Police", "Wiltshire"),
    _force("Dyfed-Powys Police", "Dyfed-Powys", "Dyfed Powys Police", "Heddlu Dyfed-Powys"),
    _force("Gwent Police", "Gwent", "Heddlu Gwent"),
    _force("North Wales Police", "North Wales", "Heddlu Gogledd Cymru"),
    _force("South Wales Police", "South Wales", "Heddlu De Cymru"),
)

OTHER_BODIES: tuple[Body, ...] = (
    Body("British Transport Police", "other", "British Transport Police", ("BTP",),
         "British Transport Police Authority", ("British Transport Police Authority", "BTPA")),
    Body("Civil Nuclear Constabulary", "other", "Civil Nuclear Constabulary", ("CNC",),
         "Civil Nuclear Police Authority", ("Civil Nuclear Police Authority",)),
    Body("Ministry of Defence Police", "other", "Ministry of Defence Police", ("MDP", "MoD Police"),
         "Ministry of Defence Police Committee", ("Ministry of Defence Police Committee",)),
    Body("National Crime Agency", "other", "National Crime Agency", ("NCA",)),
    Body("Police Service of Northern Ireland", "other", "Northern Ireland", ("PSNI",),
         "Northern Ireland Policing Board", ("Northern Ireland Policing Board",)),
    Body("HM Revenue and Customs", "other", "HM Revenue and Customs", ("HMRC",)),
    Body("States of Jersey Police", "other", "Jersey", ("Jersey Police",)),
    Body("Bailiwick of Guernsey Law Enforcement", "other", "Guernsey", ("Guernsey Police",)),
    Body("Isle of Man Constabulary", "other", "Isle of Man", ("Isle of Man Police",)),
    Body("Royal Gibraltar Police", "other", "Gibraltar"),
    Body("Royal Military Police", "other", "Royal Military Police"),
    Body("Royal Navy Police", "other", "Royal Navy Police"),
    Body("Royal Air Force Police", "other", "Royal Air Force Police", ("RAF Police",)),
)


def _frs(area: str, *aliases: str, name: str = "") -> Body:
    name = name or f"{area} Fire and Rescue Service"
    return Body(name, "fire", area, aliases + (f"{area} FRS",))


FIRE_SERVICES: tuple[Body, ...] = (
    _frs("Avon"), _frs("Bedfordshire"), _frs("Royal Berkshire", "Berkshire Fire and Rescue Service"),
    _frs("Buckinghamshire", "Bucks Fire and Rescue Service",
         "Buckinghamshire and Milton Keynes Fire and Rescue Service"),
    _frs("Cambridgeshire"), _frs("Cheshire"),
    _frs("Cleveland", "Cleveland Fire and Rescue Service", name="Cleveland Fire Brigade"),
    _frs("Cornwall"), _frs("County Durham and Darlington", "Durham and Darlington Fire and Rescue Service"),
    _frs("Cumbria"), _frs("Derbyshire"),
    _frs("Devon and Somerset"),
    _frs("Dorset and Wiltshire", "Dorset and Wiltshire Fire and Rescue Service",
         name="Dorset & Wiltshire Fire and Rescue Service"),
    _frs("East Sussex"),
    _frs("Essex", "Essex Fire and Rescue Service", name="Essex County Fire and Rescue Service"),
    _frs("Gloucestershire"),
    _frs("Greater Manchester"), _frs("Hampshire and Isle of Wight"),
    _frs("Hereford and Worcester", "Hereford and Worcester Fire and Rescue Service",
         name="Hereford & Worcester Fire and Rescue Service"),
    _frs("Hertfordshire"), _frs("Humberside"), _frs("Isles of Scilly"), _frs("Kent"),
    _frs("Lancashire"), _frs("Leicestershire"), _frs("Lincolnshire"),
    _frs("London", "London Fire and Rescue Service", name="London Fire Brigade"),
    _frs("Merseyside"), _frs("Norfolk"),
    _frs("North Yorkshire"), _frs("Northamptonshire"), _frs("Northumberland"),
    _frs("Nottinghamshire"), _frs("Oxfordshire"), _frs("Shropshire"), _frs("South Yorkshire"),
    _frs("Staffordshire"), _frs("Suffolk"), _frs("Surrey"), _frs("Tyne and Wear"),
    _frs("Warwickshire"),
    _frs("West Midlands", "West Midlands Fire and Rescue Service", name="West Midlands Fire Service"),
    _frs("West Sussex"), _frs("West Yorkshire"),
)
BODIES: tuple[Body, ...] = FORCES + OTHER_BODIES + FIRE_SERVICES


def name_key(text: str) -> str:
    """A name compared loosely: case, "&"/"and", hyphens, apostrophes and spacing ignored."""
    text = (text or "").casefold().replace("&", " and ").replace("’", "'")
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text[4:] if text.startswith("the ") else text


_SUFFIXES = (" police service", " police force", " police", " constabulary")


def spellings(body: Body) -> set[str]:
    """Every way a body is written: its name, its aliases and, for a force, its area with
    or without any police suffix (they are interchangeable)."""
    names = {body.name, *body.aliases}
    if body.kind == "force":
        names.add(body.area)
        names |= {body.area + s for s in _SUFFIXES}
    return names


@lru_cache(maxsize=1)
def _index() -> dict[str, Body]:
    """Every spelling of every body -> the body."""
    index: dict[str, Body] = {}
    for body in BODIES:
        for n in spellings(body):
            index.setdefault(name_key(n), body)
    return index


@lru_cache(maxsize=8192)
def find_body(name: str, kinds: tuple[BodyKind, ...] = ("force", "other", "fire")) -> Body | None:
    """The body a *name* means ("Avon & Somerset", "the Met", "Kent"), or None."""
    body = _index().get(name_key(name))
    if body is None and (slug := name_key(name.replace("-", " "))) != name_key(name):
        body = _index().get(slug)
    return body if body is not None and body.kind in kinds else None


def canonical_force(name: str) -> str | None:
    """The canonical name of the police force or other police body *name* means, or None."""
    body = find_body(name, ("force", "other"))
    return body.name if body else None


def suggest(name: str, kinds: tuple[BodyKind, ...] = ("force", "other", "fire")) -> str | None:
    """The nearest canonical name to a misspelt one ("West Midlnds Police" -> West Midlands Police)."""
    candidates = {b.name: b for b in BODIES if b.kind in kinds}
    keys = {name_key(n): n for n in candidates}
    match = difflib.get_close_matches(name_key(name), list(keys), n=1, cutoff=0.6)
    return keys[match[0]] if match else None


@lru_cache(maxsize=1)
def _prose_index() -> tuple[dict[str, Body], int]:
    """Names that are safe to look for in running text, by their word key: full names and
    distinctive aliases, never a bare place name ("Kent" in "Kent County Council" is not
    Kent Police). Also the longest name, in words."""
    names: dict[str, Body] = {}
    for body in BODIES:
        spellings = {body.name, *body.aliases}
        if body.kind == "force":
            spellings |= {body.area + s for s in _SUFFIXES}
        for spelling in spellings:
            if len(spelling) >= 3:
                names.setdefault(name_key(spelling), body)
    return names, max(len(k.split()) for k in names)


_WORD_RE = re.compile(r"[^\W_]+|&")


def bodies_in_text(text: str, kinds: tuple[BodyKind, ...] = ("force", "other", "fire")) -> list[Body]:
    """The bodies a sentence or title names, in order of first mention, each once.

    Word n-grams are looked up in a dict (the longest name at each word wins), which is
    many times faster than one regex of several hundred alternatives.
    """
    found: list[Body] = []
    words = [w for w in _WORD_RE.findall(text or "")]
    keys = ["and" if w == "&" else w.casefold() for w in words]
    index, longest = _prose_index()
    i = 0
    while i < len(keys):
        for n in range(min(longest, len(keys) - i), 0, -1):
            body = index.get(" ".join(keys[i:i + n]))
            if body is None:
                continue
            # acronyms only when written as acronyms ("GMP", not "gmp" inside prose);
            # "the Met" as a name
            if n == 1 and len(words[i]) <= 4 and not words[i].isupper() and not (
                    words[i].istitle() and i > 0 and keys[i - 1] == "the"):
                continue
            if body.kind in kinds and body not in found:
                found.append(body)
            i += n - 1
            break
        i += 1
    return found


# --------------------------------------------------------------------------- partners


@dataclass(frozen=True)
class Inspectorate:
    """A sister inspectorate HMICFRS inspects jointly with (a partner, not an inspected body)."""

    name: str
    aliases: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()  # parts of a web address that are theirs


INSPECTORATES: tuple[Inspectorate, ...] = (
    Inspectorate("HM Inspectorate of Probation", ("HMI Probation", "HM Inspectorate of Probation for England and Wales",
                                                  "Probation Inspectorate"), ("hmiprobation",)),
    Inspectorate("HM Inspectorate of Prisons", ("HMI Prisons", "HM Chief Inspector of Prisons"), ("hmiprisons",)),
    Inspectorate("HM Crown Prosecution Service Inspectorate", ("HMCPSI", "CPS Inspectorate", "HM CPS Inspectorate"),
                 ("hmcpsi",)),
    Inspectorate("Ofsted", ("Office for Standards in Education, Children's Services and Skills",), ("ofsted",)),
    Inspectorate("Care Quality Commission", ("CQC",), ("cqc.org.uk",)),
    Inspectorate("Care Inspectorate Wales", ("CIW",), ("careinspectorate.wales",)),
    Inspectorate("Healthcare Inspectorate Wales", ("HIW",), ("hiw.org.uk",)),
    Inspectorate("Estyn", (), ("estyn",)),
    Inspectorate("HM Inspectorate of Constabulary in Scotland", ("HMICS",), ("hmics",)),
    Inspectorate("Criminal Justice Inspection Northern Ireland", ("CJINI",), ("cjini",)),
)


def find_inspectorate(name: str) -> Inspectorate | None:
    """The sister inspectorate a name or an acronym means, or None."""
    key = name_key(name)
    for insp in INSPECTORATES:
        if key in {name_key(n) for n in (insp.name, *insp.aliases)}:
            return insp
    return None


def inspectorate_of_host(host: str) -> Inspectorate | None:
    """The sister inspectorate whose web address this is ("hmiprobation.justiceinspectorates.gov.uk")."""
    host = (host or "").lower()
    return next((i for i in INSPECTORATES if any(h in host for h in i.hosts)), None)


@lru_cache(maxsize=1)
def _inspectorate_pattern() -> re.Pattern:
    names = sorted({n for i in INSPECTORATES for n in (i.name, *i.aliases)}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def inspectorates_in_text(text: str) -> list[Inspectorate]:
    """The sister inspectorates a text names (acronyms only as written, in capitals)."""
    found: list[Inspectorate] = []
    for m in _inspectorate_pattern().finditer(text or ""):
        insp = find_inspectorate(m.group(1))
        if insp is not None and insp not in found:
            found.append(insp)
    return found
