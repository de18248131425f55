"""Who a finding is addressed to, and by when.

The addressees of a recommendation are the grammatical subject of its "should" (docs/counting-rules.md R4):
in "By 30 June 2026, the Home Office, working with chief constables, should ..." the
actor is the Home Office only. Subject phrases are normalised to a small vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.deadlines import absolute_due
from core.models import CHIEF_CONSTABLES

__all__ = [
    "MODAL",
    "Actors",
    "deadline",
    "resolve_actors",
    "split_subject",
    "strip_leads",
    "NON_ACTOR_START",
]

HOME_OFFICE = "Home Office"
NPCC = "National Police Chiefs' Council"
COLLEGE = "College of Policing"
NCA = "National Crime Agency"
PCCS = "police and crime commissioners"
FRS = "fire and rescue services"
MOJ = "Ministry of Justice"
YJB = "Youth Justice Board"
CPS = "Crown Prosecution Service"
LAS = "local authorities"
HMPPS = "HM Prison and Probation Service"

MODAL = re.compile(r"\b(?:should|must|needs? to|(?:is|are) required to)\b", re.I)

def deadline(text: str) -> str | None:
    """ISO deadline from "By 31 March 2026" / "By March 2026" (end of month) /
    "By the end of 2026" (31 December); core.deadlines is the one reading of them.
    "Within six months" has no date until it is counted from publication: None here."""
    due = absolute_due(text[:400])
    return due.on.isoformat() if due else None


# Leading adverbial clauses before the subject: "By 31 March 2026, ", "Within six months, ",
# "To address this cause of concern, ", "As a priority, ".
_LEAD = re.compile(
    r"^\s*(?:"
    r"(?:by|before|no later than|not later than)\s+[^,]{0,60}?(?:\d{4}|year|month|months|report)"
    r"|within\s+[^,]{1,90}|immediately|urgently|now|therefore|also|in addition|additionally|further(?:more)?"
    r"|as a (?:matter of )?(?:priority|urgency)|with immediate effect|from\s+[^,]{1,50}"
    r"|in the (?:next|coming)\s+[^,]{1,50}|over the (?:next|coming)\s+[^,]{1,50}"
    r"|(?:in order )?to\s+[^,]{1,160}|as soon as\s+[^,]{1,80}|once\s+[^,]{1,100}|following\s+[^,]{1,100}"
    r"|when\s+[^,]{1,100}|where\s+[^,]{1,100}|after\s+[^,]{1,100}|building on\s+[^,]{1,100}"
    r"|in light of\s+[^,]{1,100}|given\s+[^,]{1,100}|at (?:a )?(?:national|local|regional) level"
    r"|(?:in consultation|in partnership|in collaboration|in conjunction|in liaison|working|together|jointly) with\s+[^,]{1,120}"
    r"|(?:supported|assisted|advised) by\s+[^,]{1,120}|with the (?:support|help) of\s+[^,]{1,120}"
    r"|nationally|locally|in the meantime|meanwhile|as part of\s+[^,]{1,100}|in (?:england|wales)[^,]{0,30}"
    r")\s*,\s*",
    re.I,
)
_RECOMMEND_THAT = re.compile(
    r"^\s*(?:we|hmicfrs|hmi\w*|the inspectorates?|inspectors|the inspection team)\s+(?:therefore\s+|also\s+|now\s+)?"
    r"recommends?\s+that\s*,?\s*",
    re.I,
)

NON_ACTOR_START = {
    "we", "i", "you", "it", "this", "these", "that", "those", "they", "there", "such", "which", "who",
    "if", "when", "where", "while", "whilst", "although", "though", "as", "because", "since", "so",
    "however", "but", "or", "our", "its", "their", "his", "her", "what", "how", "why", "any", "no",
    "some", "one", "he", "she", "perhaps", "ideally", "in", "on", "for", "at", "whether", "nothing",
    "more", "everyone", "anyone", "someone", "people", "officers", "staff", "victims", "children",
}

# Phrases that name partners, not actors: removed (up to the next comma) before actors are read.
_NON_ACTOR = re.compile(
    r"(?:,\s*|\(\s*|\s|^)\b(?:working|in consultation|in conjunction|in partnership|in collaboration|in liaison"
    r"|in cooperation|in co-operation|together|jointly|alongside|supported by|with the support of"
    r"|with support from|assisted by|advised by|with help from|with the help of|co-ordinating with"
    r"|coordinating with|consulting|engaging with|as well as|led by|overseen by|with)\b[^,()]*(?:[,)]|$)",
    re.I,
)

_APOS = "['’`‘]?"
_VOCAB: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\bnational police chiefs{_APOS}\s*council(?:\s*\(npcc\))?(?:{_APOS}s)?(?:\s+(?:national\s+)?leads?\b(?:\s+(?:for|on)\s+[^,]*?(?=,|\band\b|$))?)?", re.I), NPCC),
    (re.compile(r"\bnpcc(?:'s)?(?:\s+(?:national\s+)?leads?\b(?:\s+(?:for|on)\s+[^,]*?(?=,|\band\b|$))?)?", re.I), NPCC),
    (re.compile(r"\bcollege of policing\b", re.I), COLLEGE),
    (re.compile(r"\bnational crime agency\b|\bnca\b", re.I), NCA),
    (re.compile(r"\bhome office\b|\bhome secretary\b", re.I), HOME_OFFICE),
    (re.compile(r"\bministry of justice\b|\bmoj\b", re.I), MOJ),
    (re.compile(r"\byouth justice board\b|\byjb\b", re.I), YJB),
    (re.compile(r"\bcrown prosecution service\b|\bcps\b", re.I), CPS),
    (re.compile(rf"\b(?:hm|his majesty{_APOS}s|her majesty{_APOS}s)\s+prison and probation service\b|\bhmpps\b", re.I), HMPPS),
    (re.compile(r"\b(?:police,?\s+fire and crime|police and crime)\s+commissioners?\b|\bp(?:f)?ccs?\b|\bcommissioners\b", re.I), PCCS),
    (re.compile(r"\bfire and rescue (?:services|authorities)\b|\bchief fire officers\b|\bfrss\b", re.I), FRS),
    (re.compile(r"\blocal authorit(?:y|ies)\b|\blocal councils\b", re.I), LAS),
]
_CC = re.compile(
    r"\b(?:all\s+|each\s+|every\s+)?chief constables\b|\b(?:each|every|all)\s+chief constable\b"
    r"|\b(?:all\s+|the\s+)?(?:police\s+)?forces\b(?!\s+of)|\b(?:each|every)\s+(?:police\s+)?force\b",
    re.I,
)
_THE_FORCE = re.compile(r"\bthe (?:police )?force\b(?:{0}s)?|\bthe chief constable\b|\bthe constabulary\b".format(_APOS), re.I)
_THE_SERVICE = re.compile(r"\bthe (?:fire and rescue )?service\b|\bthe chief fire officer\b|\bthe fire and rescue authority\b", re.I)
_SINGLE_FRS = re.compile(r"\bfire and rescue service\b|\bchief fire officer\b", re.I)

_ORG_NOUNS = re.compile(
    r"\b(?:teams?|services?|partnerships?|boards?|bodies|agenc(?:y|ies)|authorit(?:y|ies)|organisations?"
    r"|providers?|councils?|leaders?|officers?|commissioners?|partners?|departments?|groups?|units?"
    r"|inspectorates?|ministers?|government|office|commission|trusts?|ofsted|executives?)\b",
    re.I,
)
_LEFTOVER_SKIP = re.compile(r"^(?:by|to|in|within|as|when|if|where|once|following|from|for|at|on|with|and|or)\b", re.I)


@dataclass
class Actors:
    addressees: list[str]
    applies_to_chief_constables: bool
    force: str | None


def strip_leads(s: str) -> str:
    for _ in range(6):
        before = s
        s = _RECOMMEND_THAT.sub("", s)
        s = _LEAD.sub("", s)
        if s == before:
            break
    return s.strip()


def split_subject(text: str) -> tuple[str, str] | None:
    """(subject, rest) around the first modal verb of the first sentence holding one."""
    m = MODAL.search(text)
    if not m:
        return None
    before = text[: m.start()]
    # the subject lives in the sentence holding the modal
    cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "), before.rfind(": "))
    if cut >= 0:
        before = before[cut + 2 :]
    return strip_leads(before).strip(" ,;"), text[m.start() :]


def _is_fire(name: str) -> bool:
    return "fire" in name.lower()


def resolve_actors(subject: str, forces: tuple[str, ...] | list[str] = ()) -> Actors:
    """Normalise the subject of a "should" to addressees (order of mention, no repeats)."""
    s = _NON_ACTOR.sub(" , ", " " + subject + " ")
    found: list[tuple[int, str]] = []
    claimed: list[tuple[int, int]] = []

    def claim(pat: re.Pattern[str], name: str) -> None:
        for m in pat.finditer(s):
            a, b = m.span()
            if any(a < y and x < b for x, y in claimed):
                continue
            claimed.append((a, b))
            found.append((a, name))

    forces = tuple(f for f in forces if isinstance(f, str) and f.strip())
    single = forces[0] if len(forces) == 1 else None
    # named forces/services first (their names may contain "Police" or "Fire and Rescue Service")
    for f in forces:
        variants = {f}
        short = re.sub(r"\s+(?:police(?: service)?|constabulary|fire and rescue service|fire and rescue)$", "", f, flags=re.I)
        if short != f and len(short) > 3:
            variants.add(short)
        for v in sorted(variants, key=len, reverse=True):
            claim(re.compile(rf"\b{re.escape(v)}\b(?:{_APOS}s)?", re.I), f)
    for pat, name in _VOCAB:
        claim(pat, name)
    if single:
        claim(_THE_FORCE, single)
        claim(_THE_SERVICE, single if _is_fire(single) else FRS)
        if _is_fire(single):
            claim(_SINGLE_FRS, single)
    else:
        claim(_THE_FORCE, "the force")
        claim(_THE_SERVICE, FRS)
    claim(_CC, CHIEF_CONSTABLES)
    claim(re.compile(r"\bchief constable\b", re.I), CHIEF_CONSTABLES)
    # whatever is left that reads like an organisation is kept as its own text
    rest = s
    for a, b in sorted(claimed, reverse=True):
        rest = rest[:a] + " , " + rest[b:]
    pos = 0
    for chunk in re.split(r",|;|&|\band\b|\bor\b|\bboth\b", rest):
        raw = chunk
        chunk = re.sub(r"^\s*(?:(?:the|all|each|every|a|an|both|relevant|individual)(?:\s+|$))+", "", chunk.strip(), flags=re.I)
        chunk = chunk.strip(" .:'’\"()")
        idx = s.find(raw.strip()) if raw.strip() else -1
        pos = idx if idx >= 0 else pos
        if not chunk or len(chunk.split()) > 8 or _LEFTOVER_SKIP.match(chunk) or any(c.isdigit() for c in chunk):
            continue
        if chunk.split()[0].lower() in NON_ACTOR_START:
            continue
        if chunk[:1].isupper() or _ORG_NOUNS.search(chunk):
            found.append((pos, chunk))
    found.sort(key=lambda t: t[0])
    out: list[str] = []
    for _, name in found:
        if name not in out:
            out.append(name)
    police_force_names = {f for f in forces if not _is_fire(f)}
    applies = CHIEF_CONSTABLES in out or "the force" in out or any(a in police_force_names for a in out)
    force_addr = [a for a in out if a in forces]
    return Actors(out, applies, force_addr[0] if len(force_addr) == 1 else None)
