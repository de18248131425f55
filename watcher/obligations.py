"""What the force owes, and by when: derived from what is stored, never fetched.

Three kinds of obligation (docs/obligations.md):

- ``s55_response``: the local policing body's published comments on a report that
  relates to the force, due 56 days after publication (Police Act 1996, s.55). Met when a
  document naming that body and a response appears on the publication page.
- ``recommendation_deadline``: a recommendation to the force's chief constable (or to all
  chief constables) with a deadline: "By 31 March 2026", "Within six months", "immediately".
  Met when the force's register says the finding is closed.
- ``action_plan``: a force inspection's request for an action plan "within six weeks of the
  publication of this report".

Plain dicts in, plain records out, so the store, the CLI, the digest and the calendar all
read the same obligations.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from core.bodies import Body, find_body, name_key
from core.dates import parse_date
from core.deadlines import Due, action_plan_due, due_date
from core.forces import concerns_force, names_force
from core.identity import publication_key

S55_DAYS = 56
KINDS = ("s55_response", "recommendation_deadline", "action_plan")
STATUSES = ("due", "met", "overdue")
_RESPONSE_WORDS = ("response", "comments", "responds", "reply")
_LPB_WORDS = ("pcc", "police and crime commissioner", "commissioner", "mayor", "mopac",
              "policing body", "police authority", "combined authority", "police fire and crime")


@dataclass(frozen=True)
class Obligation:
    key: str  # stable across scans: what UIDs in the calendar and rows in the store use
    kind: str
    slug: str
    report_title: str
    report_url: str
    published: str
    due: str  # ISO date
    basis: str  # the words (or rule) the due date was worked out from
    status: str  # due | met | overdue
    finding_kind: str | None = None
    finding_number: int | None = None
    finding_text: str | None = None
    met_by: str | None = None  # the document (s55) or register entry that met it
    met_url: str | None = None
    register_status: str | None = None  # the finding's entry in the force's register, if any

    def to_dict(self) -> dict:
        return asdict(self)


def s55_applies(report: Mapping, force: str) -> bool:
    """A report relates to the force: it names it, or it is a national report (all forces)
    that makes findings. Reports on other forces or on fire services, and national
    publications that make no finding (plans, programmes, consultations), do not."""
    if report.get("status", "active") != "active" or not parse_date(report.get("published")):
        return False
    if names_force(report, force):
        return True
    return concerns_force(report, force) and bool(report.get("findings"))


def names_local_policing_body(title: str, body: Body) -> bool:
    """A document title such as "West Midlands PCC's response" or "Mayor's Office for
    Policing and Crime response" names the force's local policing body and a response."""
    key = name_key(title)
    if not any(w in key for w in _RESPONSE_WORDS):
        return False
    if any(name_key(alias) in key for alias in (body.local_policing_body, *body.lpb_aliases) if alias):
        return True
    return name_key(body.area) in key and any(w in key for w in _LPB_WORDS)


def _about(report: Mapping) -> dict:
    """The fields every obligation of a report shares."""
    return {"slug": report["slug"], "report_title": report.get("title") or report["slug"],
            "report_url": report.get("url") or "", "published": parse_date(report["published"]).isoformat()}


def _status(due: date, met: bool, today: date) -> str:
    return "met" if met else ("overdue" if due < today else "due")


def _s55(report: Mapping, body: Body, today: date) -> Obligation:
    published = parse_date(report["published"])
    due = published + timedelta(days=S55_DAYS)
    response = next((d for d in report.get("documents") or []
                     if names_local_policing_body(d.get("title") or "", body)), None)
    return Obligation(
        key=f"s55_response:{report['slug']}",
        kind="s55_response",
        **_about(report),
        due=due.isoformat(),
        basis=f"{S55_DAYS} days after publication (Police Act 1996, s.55): "
              f"{body.local_policing_body}",
        status=_status(due, response is not None, today),
        met_by=(response or {}).get("title"),
        met_url=(response or {}).get("url"),
    )


def _applies_to_force(finding: Mapping, force: str) -> bool:
    if finding.get("kind") != "recommendation":
        return False
    if finding.get("force"):
        return names_force({"forces": [finding["force"]]}, force)
    return bool(finding.get("applies_to_chief_constables"))


def _deadlines(report: Mapping, force: str, register: Mapping, today: date) -> Iterable[Obligation]:
    published = parse_date(report["published"])
    for f in report.get("findings") or []:
        if not _applies_to_force(f, force):
            continue
        due = due_date(f.get("text") or "", published)
        if due is None and f.get("deadline"):  # the parser's own reading of a stated date
            on = parse_date(f["deadline"])
            due = None if on is None else Due(on, f"by {on.day} {on:%B %Y}")
        if due is None:
            continue
        number = f.get("number")
        status, entry = register.get((publication_key(report.get("url")), f.get("kind"), number),
                                     (None, None))
        yield Obligation(
            key=f"recommendation_deadline:{report['slug']}:{number if number is not None else f.get('ordinal')}",
            kind="recommendation_deadline",
            **_about(report),
            due=due.on.isoformat(),
            basis=due.basis,
            status=_status(due.on, status == "closed", today),
            finding_kind=f.get("kind"),
            finding_number=number,
            finding_text=f.get("text"),
            met_by=entry if status == "closed" else None,
            register_status=status,
        )


def _action_plan(report: Mapping, force: str, today: date) -> Obligation | None:
    if not names_force(report, force):
        return None
    published = parse_date(report["published"])
    due = action_plan_due(report.get("text") or "", published)
    if due is None:
        return None
    return Obligation(
        key=f"action_plan:{report['slug']}",
        kind="action_plan",
        **_about(report),
        due=due.on.isoformat(),
        basis=due.basis,
        status=_status(due.on, False, today),
    )


def derive(reports: Iterable[Mapping], force: str, *, today: date,
           register: Mapping[tuple, tuple[str, str]] | None = None) -> list[Obligation]:
    """Every obligation the force has from ``reports`` (store rows with ``findings`` and,
    for action plans, ``text``), with its status on ``today``.

    ``register`` maps (report identity, finding kind, finding number) to the status ("open" or
    "closed") and description of the force's register entry for that finding: a closed
    entry meets a recommendation deadline.
    """
    body = find_body(force, ("force", "other"))
    if body is None:
        return []
    out: list[Obligation] = []
    for report in reports:
        if not s55_applies(report, force):
            continue
        out.append(_s55(report, body, today))
        out.extend(_deadlines(report, force, register or {}, today))
        if (plan := _action_plan(report, force, today)) is not None:
            out.append(plan)
    out.sort(key=lambda o: (o.due, o.slug, o.kind, o.finding_number or 0))
    return out


def current(store, force: str | None, *, today: date | None = None) -> list[Obligation]:
    """The force's obligations as they stand on ``today``, worked out from what is stored
    (read-only: the digest, the calendar and ``obligations`` use this)."""
    from store import obligations as stored

    if not force:
        return []
    reports = store.reports(force=force, include_withdrawn=False)
    by_report: dict[str, list] = {}
    for f in store.findings():
        by_report.setdefault(f["report_slug"], []).append(f)
    for r in reports:
        r["findings"] = by_report.get(r["slug"], [])
    texts = stored.latest_texts(store, [r["slug"] for r in reports if names_force(r, force)])
    for r in reports:
        r["text"] = texts.get(r["slug"], "")
    return derive(reports, force, today=today or date.today(),
                  register=stored.register_findings(store, force))


def refresh(store, force: str | None, *, today: date | None = None) -> list:
    """Store the force's obligations (after every scan), so they can be queried and an
    s55 response that arrived is recorded as a change event. Returns those events."""
    from store import obligations as stored

    if not force:
        return []
    return stored.replace(store, force, [o.to_dict() for o in current(store, force, today=today)])


def with_deadlines(store, entries: list[dict], *, today: date | None = None) -> list[dict]:
    """Register entries with their finding's deadline (``deadline``, ISO) and whether the
    entry is still open past it (``overdue``): the same deadlines the obligations use."""
    today = today or date.today()
    due: dict[tuple, str] = {}
    for force in {e.get("force") for e in entries if e.get("force")}:
        for o in current(store, force, today=today):
            if o.kind == "recommendation_deadline":
                due[(force, publication_key(o.report_url), o.finding_kind, o.finding_number)] = o.due
    for e in entries:
        e["deadline"] = due.get((e.get("force"), publication_key(e.get("report_url")), e.get("kind"),
                                 e.get("number")))
        e["overdue"] = bool(e["deadline"] and e.get("status") == "open" and e["deadline"] < today.isoformat())
    return entries
