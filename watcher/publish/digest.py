"""Reports + change events in a window -> the "HMICFRS update" committee digest.

The digest produces section 3 of a force's Joint Audit Committee paper
("Recommendations, causes of concern and areas for improvement"; see
shared/committee-paper.md): a lead sentence, one entry per report published since the
last meeting, the areas for improvement given to the force, and what changed on reports
already reported. It takes plain data (report dicts with ``findings``, event dicts, as
in docs/architecture.md), never the database.

:func:`build_digest` returns the JSON form; every sentence a reader sees is already in
it, so :func:`render` only lays it out (Markdown, printable HTML, Word, JSON) and a
digest saved as JSON renders the same later.

Decisions (documented here because a committee paper depends on them):

- **Window**: ``since`` and ``until`` are both inclusive, on the report's ``published``
  date and on the UTC date of an event's ``at``. Reports with no publication date cannot
  be placed in a window: they are left out and named in ``warnings`` when first seen in
  the window.
- **Which reports count** (the lead's N and ``totals``), as committees write "reports
  published resulting in recommendations for the force": reports published in the window
  that name the force (``group: "force"``) and make any finding (a recommendation, AFI or
  cause of concern), and reports that apply to all forces (``group: "national"``) with at
  least one recommendation applicable to chief constables. Everything else published in
  the window -- corporate documents, reports with nothing for the force, reports naming
  only other forces, reports since withdrawn -- is listed under ``other_reports`` with the
  reason, so nothing is silently dropped. With ``force=None`` every report that makes a
  finding counts.
- **Took part**: a report naming several forces, the digest's among them, says "West
  Midlands Police was one of six forces inspected (Durham, Essex, ...)"; the force's
  short name (config ``[force] short``) is used in these sentences when given.
- **Doubts**: a parser warning whose ``field`` names a count or fact is shown next to it
  (``doubts``; a ``*`` on the table cell), and every warning is also listed at the end.
- **AFIs / causes of concern for the force**: findings attributed to the force, plus
  unattributed ones (``force`` empty) in a report that concerns the force; a finding
  attributed to another force is left out. When a report carries counts but no finding
  dicts, its counts are used.
- **Changes**: events in the window on reports published *before* ``since`` (or whose
  report is not in ``reports``), filtered to the force like the feed
  (:func:`watcher.publish.feed.concerns_force`). Events on reports published in the window are
  already reflected in those reports' entries.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping
from datetime import date, datetime, timezone
from pathlib import Path

from watcher.publish.feed import display_date, event_detail_items, event_headline, parse_at, parse_date
from core.bodies import find_body
from core.forces import concerns_force, finding_applies_to_force, is_national, names_force
from core.models import ParseWarning
from core.textsafe import clean_text, deep_clean, first_sentence, md_escape, md_url, one_line, safe_url

__all__ = ["build_digest", "render", "lead_sentence", "recommendation_sentence", "FORMATS"]

FORMATS = ("md", "html", "docx", "json")
TITLE = "HMICFRS update"
SECTION = "3. Recommendations, causes of concern and areas for improvement"
DASH = "–"

# --------------------------------------------------------------------- sentences


def _date(value, name: str) -> date:
    d = parse_date(value)
    if d is None:
        raise ValueError(f"{name} must be a date or an ISO date string, not {value!r}")
    return d


def _range_text(since: date, until: date) -> str:
    """``1 September and 11 December 2025`` (year given once when both share it)."""
    if since.year == until.year:
        if since.month == until.month:
            first = f"{since.day}"
        else:
            first = f"{since.day} {since:%B}"
    else:
        first = display_date(since)
    return f"{first} and {display_date(until)}"


def lead_sentence(
    n: int,
    *,
    since: date,
    until: date,
    force: str | None,
    committee: str | None = None,
    last_meeting: date | None = None,
) -> str:
    """The paper's lead: "Since the last JAC on 18 September 2025 there have been 3 reports
    published resulting in recommendations for the force." (0/1/N handled.)"""
    whom = "the force" if force else "forces"
    committee = one_line(committee)
    if last_meeting or committee:
        opening = f"Since the last {committee or 'committee meeting'}"
        if last_meeting:
            opening += f" on {display_date(last_meeting)}"
        verb = {0: "there have been no reports", 1: "there has been 1 report"}.get(
            n, f"there have been {n} reports"
        )
    else:
        opening = f"Between {_range_text(since, until)}"
        verb = {0: "there were no reports", 1: "there was 1 report"}.get(n, f"there were {n} reports")
    return f"{opening} {verb} published resulting in recommendations for {whom}."


def recommendation_sentence(total: int | None, to_cc: int | None) -> str:
    """ "18 recommendations were made in total, of which 1 is applicable to chief constables." """
    if not total:
        return "No recommendations were made."
    made = f"{total} recommendation{'s were' if total != 1 else ' was'} made in total"
    if to_cc is None:
        return made + "."
    if to_cc == 0:
        return made + ", none of which are applicable to chief constables."
    if total == 1:
        return made + ", which is applicable to chief constables."
    return made + f", of which {to_cc} {'is' if to_cc == 1 else 'are'} applicable to chief constables."


def _joint_sentence(joint: list[str]) -> str | None:
    if not joint:
        return None
    names = joint[0] if len(joint) == 1 else ", ".join(joint[:-1]) + " and " + joint[-1]
    return f"This was a joint inspection with {names}."


# ----------------------------------------------------------------------- entries


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _finding_label(f: Mapping) -> str:
    return one_line(f.get("title"), limit=200) or first_sentence(f.get("text"), limit=300)


def _applies_to(f: Mapping, report: Mapping, force: str | None) -> bool:
    """A finding is the digest's force's to act on: core.forces' one rule (the register's
    and `findings --applies-to`'s); with no force, every finding."""
    return not force or finding_applies_to_force(f, report, force)


def _group(report: Mapping, force: str | None) -> str:
    if is_national(report):
        return "national"
    if not force or names_force(report, force):
        return "force"
    return "other"


_NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
            9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}


def _area(name: str) -> str:
    """"Durham" for Durham Constabulary, as a paper lists forces in brackets."""
    body = find_body(name, ("force",))
    return body.area if body else name


def took_part_sentence(forces: list[str], *, force: str | None, short: str | None,
                       national: bool) -> str:
    """Whether the force took part, as the paper says it ("WMP were one of six forces that
    took part"): one force named, several named, or a report for all forces."""
    who = one_line(short) or force or ""
    if not force:
        if national and not forces:
            return "This report applies to all forces."
        return f"Forces named: {', '.join(forces)}."
    named = names_force({"forces": forces}, force)
    if named and len(forces) > 1:
        count = _NUMBERS.get(len(forces), str(len(forces)))
        return f"{who} was one of {count} forces inspected ({', '.join(sorted(_area(f) for f in forces))})."
    if named:
        return f"{who} was the force inspected."
    if national:
        return f"{who} was not named in this report; it applies to all forces."
    return f"{who} was not named in this report."


# a doubted count or fact -> the fields of the entry it is shown next to
DOUBT_FIELDS = ("recommendations", "recommendations_to_chief_constables", "areas_for_improvement",
                "causes_of_concern", "forces", "published", "type", "documents", "title")


def _doubts(report: Mapping) -> tuple[dict[str, list[str]], list[str]]:
    """Stored warnings (typed dicts, or plain strings from older databases) split into those
    naming a field we show (``{field: [sentence]}``) and the rest."""
    by_field: dict[str, list[str]] = {}
    general: list[str] = []
    for raw in report.get("warnings") or []:
        if not raw:
            continue
        w = ParseWarning.from_stored(raw)
        text = one_line(w.message)
        if not text:
            continue
        if w.field in DOUBT_FIELDS:
            by_field.setdefault(w.field, []).append(text)
        else:
            general.append(text)
    return by_field, general


def _entry(report: Mapping, force: str | None, short: str | None = None) -> dict:
    findings = [f for f in (report.get("findings") or []) if isinstance(f, Mapping)]

    def of_kind(kind: str) -> list[Mapping]:
        return [f for f in findings if f.get("kind") == kind]

    recs = of_kind("recommendation")
    total = _int_or_none(report.get("recommendations"))
    if total is None:
        total = len(recs)
    to_cc = _int_or_none(report.get("recommendations_to_chief_constables"))
    if to_cc is None and (recs or total == 0):
        to_cc = sum(1 for f in recs if f.get("applies_to_chief_constables"))
    afi_count = _int_or_none(report.get("areas_for_improvement"))
    coc_count = _int_or_none(report.get("causes_of_concern"))

    afis_all, cocs_all = of_kind("area_for_improvement"), of_kind("cause_of_concern")
    afis = [_finding_label(f) for f in afis_all if _applies_to(f, report, force)]
    cocs = [_finding_label(f) for f in cocs_all if _applies_to(f, report, force)]
    afi_for_force = len(afis) if afis_all else (afi_count or 0)
    coc_for_force = len(cocs) if cocs_all else (coc_count or 0)

    forces = [one_line(x) for x in (report.get("forces") or []) if one_line(x)]
    joint = [one_line(x) for x in (report.get("joint_with") or []) if one_line(x)]
    group = _group(report, force)
    national = is_national(report)
    named = bool(force) and names_force(report, force)
    force_sentence = took_part_sentence(
        [] if report.get("all_forces") and not named else forces,
        force=force, short=short, national=national)
    doubts, general = _doubts(report)

    def cell(value: str, *fields: str) -> str:
        return value + "*" if any(doubts.get(f) for f in fields) else value

    published = parse_date(report.get("published"))
    url = one_line(report.get("url"))
    return {
        "title": one_line(report.get("title")) or one_line(report.get("slug")) or url or "(untitled)",
        "url": url,
        "link": safe_url(url),
        "description": first_sentence(report.get("description") or report.get("summary")),
        "published": published.isoformat() if published else None,
        "published_display": display_date(published) if published else "",
        "published_short": f"{published:%d/%m/%Y}" if published else "",
        "type": one_line(report.get("type")),
        "group": group,
        "forces": forces,
        "all_forces": national,
        "joint_with": joint,
        "joint_sentence": _joint_sentence(joint),
        "force_named": named if force else None,
        "force_sentence": force_sentence,
        "recommendations": total,
        "recommendations_to_chief_constables": to_cc,
        "recommendation_sentence": recommendation_sentence(total, to_cc),
        "areas_for_improvement": afi_count if afi_count is not None else len(afis_all),
        "areas_for_improvement_for_force": afi_for_force,
        "afis": afis,
        "causes_of_concern": coc_count if coc_count is not None else len(cocs_all),
        "causes_of_concern_for_force": coc_for_force,
        "causes": cocs,
        "table": {
            "recommendations": cell(str(total), "recommendations"),
            "to_chief_constables": cell(DASH if not total or to_cc is None else str(to_cc),
                                        "recommendations_to_chief_constables"),
            "afis": cell(str(afi_for_force) if afi_for_force else DASH, "areas_for_improvement"),
        },
        "status": one_line(report.get("status")) or "active",
        "doubts": doubts,
        "warnings": [w for ws in doubts.values() for w in ws] + general,
        "notes": general,
    }


def _has_finding(entry: Mapping) -> bool:
    return bool(entry["recommendations"] or entry["areas_for_improvement"] or entry["causes_of_concern"])


def selection_reason(entry: Mapping, force: str | None) -> str | None:
    """Why a report published in the window is not one "resulting in recommendations for
    the force" (None: it is). One definition for the lead's N, the table and the list of
    other publications."""
    if entry["status"] == "withdrawn":
        return "Withdrawn from the HMICFRS website since publication."
    if entry["group"] == "other":
        return "Names only other forces."
    if entry["group"] == "force" or not force:
        return None if _has_finding(entry) else "No recommendations, areas for improvement or causes of concern."
    if entry["recommendations_to_chief_constables"]:
        return None
    if entry["recommendations"]:
        return "Applies to all forces; no recommendation is applicable to chief constables."
    return "Applies to all forces; no recommendations, areas for improvement or causes of concern."


def _event_order(event: Mapping):
    """Chronological; events recorded in the same second keep the store's id order."""
    at = parse_at(event.get("at"))
    return (at or datetime.max.replace(tzinfo=timezone.utc), _int_or_none(event.get("id")) or 0)


def _change(event: Mapping, report: Mapping | None) -> dict:
    at = parse_at(event.get("at"))
    published = parse_date((report or {}).get("published")) if report else None
    url = one_line(event.get("url"))
    return {
        "id": event.get("id"),
        "at": at.isoformat() if at else None,
        "date_display": display_date(at.date()) if at else "",
        "kind": one_line(event.get("kind")),
        "title": one_line(event.get("title")) or one_line((report or {}).get("title")),
        "headline": event_headline(event, report),
        "url": url,
        "link": safe_url(url),
        "report_published": published.isoformat() if published else None,
        "details": event_detail_items(event),
    }


# -------------------------------------------------------------------------- build


def _select_reports(by_url: dict, since: date, until: date, force: str | None,
                    short: str | None) -> tuple[list[dict], list[dict], list[dict]]:
    """The reports published in the window, in date order: those the paper counts, the
    others (each with its reason), and the warnings (undated reports first seen in the
    window, and every doubt about a listed report)."""
    counted: list[dict] = []
    others: list[dict] = []
    warnings: list[dict] = []
    for report in sorted(by_url.values(), key=lambda r: (str(r.get("published") or ""), one_line(r.get("title")))):
        published = parse_date(report.get("published"))
        if published is None:
            first_seen = parse_at(report.get("first_seen"))
            if first_seen and since <= first_seen.date() <= until and concerns_force(report, force):
                warnings.append({
                    "title": one_line(report.get("title")) or one_line(report.get("url")),
                    "url": one_line(report.get("url")),
                    "warning": "Publication date unknown, so this report is not in the digest; check it by hand.",
                })
            continue
        if not since <= published <= until:
            continue
        entry = _entry(report, force, short)
        reason = selection_reason(entry, force)
        if reason:
            entry["reason"] = reason
            others.append(entry)
        else:
            counted.append(entry)
        # a doubt is listed wherever the report went: a doubted zero may be why it is "other"
        warnings.extend(
            {"title": entry["title"], "url": entry["url"], "warning": w, "field": f}
            for f, ws in list(entry["doubts"].items()) + [(None, entry["notes"])] for w in ws
        )
    return counted, others, warnings


def _changes_in(events: list[dict], by_url: dict, since: date, until: date,
                force: str | None) -> list[dict]:
    """Changes in the window to reports published before it (and that concern the force);
    a report published in the window shows its current state in its entry instead."""
    changes = []
    for event in sorted(events, key=_event_order):
        at = parse_at(event.get("at"))
        if at is None or not since <= at.date() <= until:
            continue
        if event.get("kind") == "new" and (event.get("details") or {}).get("backfill"):
            continue  # the first scan recording the archive is not a change to a report
        report = by_url.get(event.get("url"))
        info = report if report is not None else (
            event.get("details") if event.get("kind") == "new" else None
        )
        published = parse_date((info or {}).get("published")) if info else None
        if published is not None and published >= since:
            continue  # published in the window: its entry already shows its current state
        if force and info is not None and not concerns_force(info, force):
            continue
        changes.append(_change(event, report))
    return changes


def _totals(counted: list[dict], changes: list, others: list) -> dict:
    """The counts the paper's lead and summary table give."""
    return {
        "reports": len(counted),
        "recommendations": sum(e["recommendations"] or 0 for e in counted),
        "recommendations_to_chief_constables": sum(
            e["recommendations_to_chief_constables"] or 0 for e in counted
        ),
        "areas_for_improvement": sum(e["areas_for_improvement_for_force"] for e in counted),
        "causes_of_concern": sum(e["causes_of_concern_for_force"] for e in counted),
        "changes": len(changes),
        "other_reports": len(others),
    }


def build_digest(
    reports: list[dict],
    events: list[dict],
    *,
    since: date,
    until: date,
    force: str | None,
    committee: str | None = None,
    last_meeting: date | None = None,
    generated_at: datetime | None = None,
    register_table: Mapping | None = None,
    short: str | None = None,
    obligations: list[Mapping] | None = None,
    next_meeting: date | None = None,
) -> dict:
    """Build the JSON form of the digest for ``since`` .. ``until`` (both inclusive).

    ``register_table`` (optional, from :func:`store.register.open_by_year`): the open
    recommendations / AFIs by report year at the previous paper and now, shown after the
    report entries as ``digest["register"]``. ``short``: the force's short name ("WMP")
    for the took-part sentences.
    """
    since, until = _date(since, "since"), _date(until, "until")
    if since > until:
        raise ValueError(f"since ({since}) is after until ({until})")
    last = _date(last_meeting, "last_meeting") if last_meeting else None
    force = one_line(force) or None
    generated = generated_at or datetime.now(timezone.utc)
    if generated.tzinfo is None:
        generated = generated.replace(tzinfo=timezone.utc)

    by_url = {r.get("url"): r for r in reports if isinstance(r, Mapping)}
    counted, others, warnings = _select_reports(by_url, since, until, force, short)
    changes = _changes_in(events, by_url, since, until, force)

    for n, entry in enumerate(counted, start=1):
        entry["number"] = f"3.1.{n}"  # as the paper numbers them, under the lead (3.1)
    totals = _totals(counted, changes, others)
    digest = {
        "title": TITLE,
        "section": SECTION,
        "since": since.isoformat(),
        "until": until.isoformat(),
        "period": f"{display_date(since)} to {display_date(until)}",
        "force": force,
        "committee": one_line(committee) or None,
        "last_meeting": last.isoformat() if last else None,
        "generated_at": generated.isoformat(timespec="seconds"),
        "lead": lead_sentence(
            len(counted), since=since, until=until, force=force, committee=committee, last_meeting=last
        ),
        "reports": counted,
        "other_reports": others,
        "changes": changes,
        "warnings": warnings,
        "totals": totals,
    }
    if register_table is not None:
        digest["register"] = _register_section(register_table)
        digest["register"]["number"] = "3.2"
    if obligations is not None:
        from watcher.publish.digest_obligations import section

        owed = section(obligations, since=since, until=until, next_meeting=next_meeting,
                       report_slugs=[r.get("slug") for r in reports if r.get("url") in
                                     {e["url"] for e in counted}])
        digest["owed"] = owed
        digest["obligations"] = owed["list"]
    return deep_clean(digest)



OTHER_HEADING = "Other publications in the period"
REGISTER_HEADING = "Open recommendations and areas for improvement by report year"


FIELD_LABELS = {
    "recommendations": "recommendations", "recommendations_to_chief_constables":
    "recommendations applicable to chief constables", "areas_for_improvement": "areas for improvement",
    "causes_of_concern": "causes of concern", "forces": "forces", "published": "publication date",
    "type": "type", "documents": "documents", "title": "title",
}


def _warning_line(w: Mapping) -> str:
    """A listed warning, saying which count or fact it doubts."""
    label = FIELD_LABELS.get(one_line(w.get("field")))
    text = one_line(w.get("warning"))
    return f"({label}) {text}" if label else text


def _register_section(table: Mapping) -> dict:
    """The register table as the digest carries it: every label already written out."""
    rows = [
        {"year": str(r.get("year")), "previous": int(r.get("previous") or 0), "now": int(r.get("now") or 0)}
        for r in table.get("rows") or []
    ]
    totals = table.get("totals") or {}
    previous = parse_date(table.get("previous_date"))
    now = parse_date(table.get("now_date"))
    return {
        "heading": REGISTER_HEADING,
        "previous_date": previous.isoformat() if previous else None,
        "now_date": now.isoformat() if now else None,
        "previous_label": f"Previous paper ({display_date(previous)})" if previous else "Previous paper",
        "now_label": f"Now ({display_date(now)})" if now else "Now",
        "rows": rows,
        "totals": {
            "previous": int(totals.get("previous", sum(r["previous"] for r in rows))),
            "now": int(totals.get("now", sum(r["now"] for r in rows))),
        },
    }


def _register_matrix(d: Mapping) -> tuple[list[str], list[list[str]], list[str]] | None:
    reg = d.get("register")
    if not isinstance(reg, Mapping):
        return None
    headers = ["Report year", reg.get("previous_label") or "Previous paper", reg.get("now_label") or "Now"]
    body = [[str(r.get("year", "")), str(r.get("previous", 0)), str(r.get("now", 0))]
            for r in reg.get("rows") or []]
    totals = reg.get("totals") or {}
    return headers, body, ["Total", str(totals.get("previous", 0)), str(totals.get("now", 0))]


# ------------------------------------------------------------------------- render


def _doubt(r: Mapping, *fields: str) -> list[str]:
    doubts = r.get("doubts") or {}
    return [w for f in fields for w in (doubts.get(f) or [])]


def entry_facts(r: Mapping) -> list[tuple[str, list[str]]]:
    """The bullet points of a report's entry, each with the parser's doubts about it, so
    every format shows a doubt next to the count or fact it doubts."""
    facts = [(f"Published: {r.get('published_display') or ''}", _doubt(r, "published"))]
    if r.get("type") or _doubt(r, "type"):
        facts.append((f"Type: {r.get('type') or 'unknown'}", _doubt(r, "type")))
    if r.get("joint_sentence"):
        facts.append((r["joint_sentence"], []))
    facts.append((r.get("force_sentence") or "", _doubt(r, "forces")))
    facts.append((r.get("recommendation_sentence") or "",
                  _doubt(r, "recommendations", "recommendations_to_chief_constables")))
    if not r.get("afis") and not r.get("areas_for_improvement_for_force") and _doubt(r, "areas_for_improvement"):
        facts.append(("No areas for improvement were read.", _doubt(r, "areas_for_improvement")))
    if not r.get("causes") and _doubt(r, "causes_of_concern"):
        facts.append(("No causes of concern were read.", _doubt(r, "causes_of_concern")))
    if _doubt(r, "documents", "title"):
        facts.append(("Documents and title as read from the site.", _doubt(r, "documents", "title")))
    return [(t, d) for t, d in facts if t]


def entry_notes(r: Mapping) -> list[str]:
    """Warnings that name no count or fact, shown at the end of the entry."""
    return [n for n in r.get("notes") or [] if n]


DOUBT_LABEL = "Check:"
TABLE_MARK_NOTE = "* The parser doubts this figure: see the note in the report's entry."


def _table_marked(d: Mapping) -> bool:
    return any(str(v).endswith("*") for r in d.get("reports") or [] for v in (r.get("table") or {}).values())


DEFAULT_FONT = "Arial"


def font_name(value) -> str:
    """A font family name safe in CSS and Word XML (letters, digits, spaces, hyphens)."""
    text = "".join(ch for ch in one_line(value) if ch.isalnum() or ch in " -").strip()
    return text[:64] or DEFAULT_FONT


def render(digest: dict, fmt: str, *, font: str | None = None, generated: bool = True) -> bytes:
    """Render a digest (as returned by :func:`build_digest`, or its JSON re-loaded).

    ``font``: the one font family of the HTML and Word files (default Arial).
    ``generated=False`` leaves out the "Generated ..." line, for a paper pasted as it is.
    """
    digest = deep_clean(digest)
    if not generated:
        digest = {**digest, "generated_at": None}
    font = font_name(font or DEFAULT_FONT)
    if fmt == "json":
        return json.dumps(digest, indent=2, ensure_ascii=False, default=str).encode("utf-8")
    if fmt == "md":
        return _render_md(digest).encode("utf-8")
    if fmt == "html":
        return _render_html(digest, font).encode("utf-8")
    if fmt == "docx":
        return _render_docx(digest, font)
    raise ValueError(f"unknown digest format {fmt!r}: use one of {', '.join(FORMATS)}")


def _meta_lines(d: Mapping) -> list[tuple[str, str]]:
    rows = []
    if d.get("force"):
        rows.append(("Force", d["force"]))
    if d.get("committee"):
        committee = d["committee"]
        if d.get("last_meeting"):
            committee += f" (last meeting {display_date(d['last_meeting'])})"
        rows.append(("Committee", committee))
    rows.append(("Period", f"{d.get('period', '')} (inclusive)"))
    if not d.get("generated_at"):
        return rows
    generated = parse_at(d.get("generated_at"))
    rows.append(("Generated", f"{display_date(generated)} {generated:%H:%M} UTC" if generated
                 else one_line(d.get("generated_at"))))
    return rows


# Markdown ----------------------------------------------------------------------


def _md(text) -> str:
    return md_escape(one_line(text))


def _number(value, default: str) -> str:
    """A paragraph number written as it is ("3.1.1", not "3\\.1.1"): only digits and dots."""
    text = one_line(value)
    return text if re.fullmatch(r"\d+(\.\d+)*", text) else default


def _md_link(text, url) -> str:
    href = md_url(url)
    return f"[{_md(text)}]({href})" if href else _md(text)


def _md_entry(r: Mapping, i: int) -> list[str]:
    """One report's entry (3.1.i): its facts, link, areas for improvement, causes and notes."""
    out = [f"{_number(r.get('number'), f'3.1.{i}')} **{_md(r.get('title'))}**", ""]
    if r.get("description"):
        out += [_md(r["description"]), ""]
    for fact, doubts in entry_facts(r):
        out.append(f"- {_md(fact)}" + "".join(f" **{DOUBT_LABEL}** {_md(w)}" for w in doubts))
    if r.get("link"):
        out.append(f"- Report: <{md_url(r['link'])}>")
    out.append("")
    afi_doubts = "".join(f" **{DOUBT_LABEL}** {_md(w)}" for w in _doubt(r, "areas_for_improvement"))
    if r.get("afis"):
        out += [f"Areas for improvement given to the force ({len(r['afis'])}):{afi_doubts}", ""]
        out += [f"{n}. {_md(a)}" for n, a in enumerate(r["afis"], start=1)] + [""]
    elif r.get("areas_for_improvement_for_force"):
        out += [f"{r['areas_for_improvement_for_force']} areas for improvement were given "
                f"(their titles were not recorded).{afi_doubts}", ""]
    if r.get("causes"):
        coc_doubts = "".join(f" **{DOUBT_LABEL}** {_md(w)}" for w in _doubt(r, "causes_of_concern"))
        out += [f"Causes of concern ({len(r['causes'])}):{coc_doubts}", ""]
        out += [f"{n}. {_md(c)}" for n, c in enumerate(r["causes"], start=1)] + [""]
    for note in entry_notes(r):
        out += [f"> **Note:** {_md(note)}", ""]
    return out


def _render_md(d: Mapping) -> str:
    out: list[str] = [f"# {_md(d.get('title') or TITLE)}", ""]
    out += [f"**{_md(k)}:** {_md(v)}  " for k, v in _meta_lines(d)]
    section = one_line(d.get("section")) or SECTION
    # our own heading is written as it is ("3\\." would be correct Markdown but ugly)
    out += ["", f"## {SECTION if section == SECTION else _md(section)}", "",
            f"3.1 {_md(d.get('lead'))}", ""]
    reports = d.get("reports") or []
    totals = d.get("totals") or {}
    if reports:
        out += [
            "| Report | Published | Recommendations | Applicable to chief constables | AFIs |",
            "|---|---|---|---|---|",
        ]
        for r in reports:
            t = r.get("table") or {}
            out.append(
                f"| {_md(r.get('title'))} | {_md(r.get('published_short'))} | {_md(t.get('recommendations'))}"
                f" | {_md(t.get('to_chief_constables'))} | {_md(t.get('afis'))} |"
            )
        out.append(
            f"| **Total** | | {totals.get('recommendations', 0)} | "
            f"{totals.get('recommendations_to_chief_constables', 0)} | {totals.get('areas_for_improvement', 0)} |"
        )
        out.append("")
    if _table_marked(d):
        out += [_md(TABLE_MARK_NOTE), ""]
    for i, r in enumerate(reports, start=1):
        out += _md_entry(r, i)
    matrix = _register_matrix(d)
    if matrix:
        headers, body, total = matrix
        out += [f"{_number(d['register'].get('number'), '3.2')} **{_md(d['register'].get('heading') or REGISTER_HEADING)}**", "",
                "| " + " | ".join(_md(h) for h in headers) + " |", "|---|---:|---:|"]
        out += ["| " + " | ".join(_md(c) for c in row) + " |" for row in body]
        out += [f"| **{total[0]}** | **{total[1]}** | **{total[2]}** |", ""]
    if d.get("other_reports"):
        out += [f"### {OTHER_HEADING}", ""]
        for r in d["other_reports"]:
            forces = ", ".join(r.get("forces") or [])
            bits = [r.get("published_display") or "", r.get("type") or "", forces]
            meta = "; ".join(_md(b) for b in bits if b)
            checks = "".join(f" **{DOUBT_LABEL}** {_md(w)}" for w in r.get("warnings") or [])
            out.append(f"- {_md_link(r.get('title'), r.get('link'))} ({meta}): {_md(r.get('reason'))}{checks}")
        out.append("")
    if d.get("owed"):
        from watcher.publish.digest_obligations import to_md

        out += to_md(d["owed"], _md, _md_link)
    out += ["### Changes to reports already reported", ""]
    if d.get("changes"):
        for c in d["changes"]:
            out.append(f"- {_md(c.get('date_display'))}: {_md_link(c.get('headline'), c.get('link'))}")
            for item in c.get("details") or []:
                out.append(f"    - {_md_link(item.get('text'), item.get('url'))}")
    else:
        out.append("No changes were noticed to reports published before the period.")
    out += ["", "### Parser warnings", ""]
    if d.get("warnings"):
        out += [f"- **{_md(w.get('title'))}**: {_md(_warning_line(w))}" for w in d["warnings"]]
    else:
        out.append("None.")
    out.append("")
    return "\n".join(out)


# HTML --------------------------------------------------------------------------

_TEMPLATES = Path(__file__).parent / "templates"


def _render_html(d: Mapping, font: str = DEFAULT_FONT) -> str:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
        autoescape=True,
        undefined=jinja2.ChainableUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["one_line"] = one_line
    env.filters["entry_facts"] = entry_facts
    env.filters["entry_notes"] = entry_notes
    env.filters["doubt"] = _doubt
    env.filters["warning_line"] = _warning_line
    page = env.get_template("digest.html.j2").render(
        d=d, meta=_meta_lines(d), font=font, other_heading=OTHER_HEADING, doubt_label=DOUBT_LABEL,
        table_note=TABLE_MARK_NOTE if _table_marked(d) else "",
    )
    matrix = _register_matrix(d)
    if matrix:
        headers, body, total = matrix
        fragment = env.get_template("digest_register.html.j2").render(
            heading=d["register"].get("heading") or REGISTER_HEADING, headers=headers, body=body, total=total,
            number=d["register"].get("number") or "3.2",
        )
        # after the report entries: before the first heading that follows them (all text is
        # escaped, so these literal tags can only come from the template)
        for marker in ("<!-- after-entries -->",):
            at = page.find(marker)
            if at != -1:
                page = page[:at] + fragment + page[at:]
                break
        else:
            page = page.replace("</body>", fragment + "</body>", 1)
    if d.get("owed"):
        fragment = env.get_template("digest_obligations.html.j2").render(sec=d["owed"])
        at = page.find("<h3>Changes to reports already reported")
        page = page[:at] + fragment + page[at:] if at != -1 else page.replace("</body>", fragment + "</body>", 1)
    return page


# DOCX --------------------------------------------------------------------------


def _docx_text(text) -> str:
    return clean_text(text)


def _column_widths(table, cm: list[float]) -> None:
    """Give the report title room in the summary table."""
    from docx.shared import Cm

    table.autofit = False
    for column, width in zip(table.columns, cm, strict=False):
        column.width = Cm(width)  # the grid: what LibreOffice reads
    for row in table.rows:  # the cells: what Word reads
        for cell, width in zip(row.cells, cm, strict=False):
            cell.width = Cm(width)


def _add_hyperlink(doc: _FastDoc, paragraph, text: str, url: str | None) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    href = safe_url(url)
    if not href:
        paragraph.add_run(_docx_text(text))
        return
    r_id = doc.link_id(href)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(color)
    props.append(underline)
    run.append(props)
    t = OxmlElement("w:t")
    t.text = _docx_text(text)
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


class _FastDoc:
    """python-docx's Document, made linear for a digest of thousands of reports.

    Three of its conveniences are quadratic in the document's size: `add_paragraph(style=)`
    scans every style element per paragraph; every body insertion searches the body's
    children for the closing <w:sectPr>; and each hyperlink scans every relationship
    (twice: to reuse one, and for a free rId). Here styles and link ids are looked up
    once, and paragraphs go straight in front of the <w:sectPr>. The XML is the same.
    """

    def __init__(self, doc):
        from docx.opc.constants import RELATIONSHIP_TYPE

        self._doc = doc
        self._ids: dict[str, str | None] = {}
        self._links: dict[str, str] = {}
        self._sect = doc.element.body.sectPr
        self._hyperlink = RELATIONSHIP_TYPE.HYPERLINK
        rels = doc.part.rels
        self._next_rid = 1 + max(
            (int(r[3:]) for r in rels if r.startswith("rId") and r[3:].isdigit()), default=0
        )

    def __getattr__(self, name):
        return getattr(self._doc, name)

    def _style_id(self, name: str) -> str | None:
        if name not in self._ids:
            self._ids[name] = self._doc.styles[name].style_id
        return self._ids[name]

    def para(self, text: str = "", style: str | None = None):
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph

        p = OxmlElement("w:p")
        if self._sect is not None:
            self._sect.addprevious(p)  # the section properties stay the body's last child
        else:
            self._doc.element.body.append(p)
        paragraph = Paragraph(p, self._doc._body)
        if text:
            paragraph.add_run(text)
        if style:
            p.style = self._style_id(style)
        return paragraph

    def heading(self, text: str, level: int = 1):
        return self.para(text, "Title" if level == 0 else f"Heading {level}")

    def link_id(self, url: str) -> str:
        """The relationship id of an external hyperlink to `url` (one per URL)."""
        rid = self._links.get(url)
        if rid is None:
            rels = self._doc.part.rels
            while f"rId{self._next_rid}" in rels:
                self._next_rid += 1
            rid = f"rId{self._next_rid}"
            rels.add_relationship(self._hyperlink, url, rid, is_external=True)
            self._links[url] = rid
        return rid


def _set_fonts(rpr, font: str, lang: str) -> None:
    """One font family for every script, with no theme font that would override it, and
    the document language, in one <w:rPr>."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.lower().endswith("theme"):
            del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)
    language = rpr.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        rpr.append(language)
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        language.set(qn(attr), lang)


def _uk_document(doc, font: str) -> None:
    """A4 with 2 cm margins, en-GB, `font` for every style (headings too), page numbers."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    for section in doc.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin = section.bottom_margin = Cm(2.0)
        footer = section.footer.paragraphs[0]
        footer.alignment = 1  # centred
        footer.add_run("Page ")
        for i, instr in enumerate(("PAGE", "NUMPAGES")):
            if i:
                footer.add_run(" of ")
            field = OxmlElement("w:fldSimple")
            field.set(qn("w:instr"), f" {instr} ")
            run = OxmlElement("w:r")
            text = OxmlElement("w:t")
            text.text = "1"
            run.append(text)
            field.append(run)
            footer._p.append(field)
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    if rpr_default is not None:
        rpr = rpr_default.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            rpr_default.append(rpr)
        _set_fonts(rpr, font, LANGUAGE)
    for element in styles.iter(qn("w:style")):
        if element.get(qn("w:type")) in ("paragraph", "character", "table"):
            _set_fonts(element.get_or_add_rPr(), font, LANGUAGE)
    for fonts in styles.iter(qn("w:rFonts")):  # table styles' first-row/column formats too
        _set_fonts(fonts.getparent(), font, LANGUAGE)
    doc.styles["Normal"].font.size = Pt(11)
    settings = doc.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is None:
        theme_lang = OxmlElement("w:themeFontLang")
        settings.append(theme_lang)
    theme_lang.set(qn("w:val"), LANGUAGE)
    doc.core_properties.language = LANGUAGE
    _bullets_in(doc, font)


def _bullets_in(doc, font: str) -> None:
    """The template's bullets are Symbol/Wingdings/Courier glyphs: draw them in `font`
    instead (a bullet and a dash, both in every text font), so the page has one family."""
    from docx.oxml.ns import qn

    try:
        numbering = doc.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return
    for lvl in numbering.iter(qn("w:lvl")):
        fmt = lvl.find(qn("w:numFmt"))
        if fmt is None or fmt.get(qn("w:val")) != "bullet":
            continue
        text = lvl.find(qn("w:lvlText"))
        if text is not None:
            text.set(qn("w:val"), "\u2013" if int(lvl.get(qn("w:ilvl"), "0")) % 2 else "\u2022")
        rpr = lvl.find(qn("w:rPr"))
        fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
        if fonts is not None:
            for attr in list(fonts.attrib):
                del fonts.attrib[attr]
            for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                fonts.set(qn(attr), font)


LANGUAGE = "en-GB"
# Widths (cm, 17 cm between A4 margins) in which each header word fits on one line at
# 10 pt bold Arial: headers break only between words.
SUMMARY_HEADERS = ["Report", "Published", "Recommendations", "Applicable to chief constables", "AFIs"]
SUMMARY_WIDTHS = [5.6, 2.5, 3.7, 3.4, 1.8]


def _header_row(table, headers: list[str]) -> None:
    """Bold 10 pt headers, repeated on every page; one-word headers never wrap."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    row = table.rows[0]
    tr_pr = row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for cell, text in zip(row.cells, headers):
        cell.text = ""
        run = cell.paragraphs[0].add_run(_docx_text(text))
        run.bold = True
        run.font.size = Pt(10)
        if " " not in text.strip():
            cell._tc.get_or_add_tcPr().append(OxmlElement("w:noWrap"))


def _docx_doubts(paragraph, doubts: list[str]) -> None:
    for w in doubts:
        paragraph.add_run(f" {DOUBT_LABEL} ").bold = True
        paragraph.add_run(_docx_text(w))


def _docx_summary(doc, d: Mapping, reports: list, totals: Mapping) -> None:
    """The summary table of the counted reports, with its total row (and the mark's note)."""
    table = doc.add_table(rows=1, cols=len(SUMMARY_HEADERS))
    table.style = "Table Grid"
    _header_row(table, SUMMARY_HEADERS)
    for r in reports:
        t = r.get("table") or {}
        cells = table.add_row().cells
        values = [r.get("title"), r.get("published_short"), t.get("recommendations"),
                  t.get("to_chief_constables"), t.get("afis")]
        for cell, value in zip(cells, values):
            cell.text = _docx_text(value or "")
    cells = table.add_row().cells
    for cell, value in zip(cells, ["Total", "", totals.get("recommendations", 0),
                                   totals.get("recommendations_to_chief_constables", 0),
                                   totals.get("areas_for_improvement", 0)]):
        cell.text = ""
        cell.paragraphs[0].add_run(_docx_text(value)).bold = True
    _column_widths(table, SUMMARY_WIDTHS)
    if _table_marked(d):
        doc.para(_docx_text(TABLE_MARK_NOTE))


def _docx_entry(doc, r: Mapping, i: int) -> None:
    """One report's entry (3.1.i): its facts, link, areas for improvement, causes and notes."""
    doc.heading(_docx_text(f"{r.get('number') or f'3.1.{i}'} {r.get('title', '')}"), level=2)
    if r.get("description"):
        doc.para(_docx_text(r["description"]))
    for fact, doubts in entry_facts(r):
        p = doc.para(_docx_text(fact), style="List Bullet")
        _docx_doubts(p, doubts)
    if r.get("link"):
        p = doc.para(style="List Bullet")
        p.add_run("Report: ")
        _add_hyperlink(doc, p, r["link"], r["link"])
    afi_doubts = _doubt(r, "areas_for_improvement")
    if r.get("afis"):
        p = doc.para(f"Areas for improvement given to the force ({len(r['afis'])}):")
        _docx_doubts(p, afi_doubts)
        for a in r["afis"]:
            doc.para(_docx_text(a), style="List Number")
    elif r.get("areas_for_improvement_for_force"):
        p = doc.para(f"{r['areas_for_improvement_for_force']} areas for improvement were "
                     "given (their titles were not recorded).")
        _docx_doubts(p, afi_doubts)
    if r.get("causes"):
        p = doc.para(f"Causes of concern ({len(r['causes'])}):")
        _docx_doubts(p, _doubt(r, "causes_of_concern"))
        for c in r["causes"]:
            doc.para(_docx_text(c), style="List Number")
    for note in entry_notes(r):
        p = doc.para()
        p.add_run("Note: ").bold = True
        p.add_run(_docx_text(note))


def _docx_register(doc, d: Mapping, matrix: tuple) -> None:
    """The open-findings-by-report-year table (3.2)."""
    headers, body, total = matrix
    doc.heading(_docx_text(f"{d['register'].get('number') or '3.2'} "
                           f"{d['register'].get('heading') or REGISTER_HEADING}"), level=2)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    _header_row(table, headers)
    for row in body:
        for cell, value in zip(table.add_row().cells, row):
            cell.text = _docx_text(value)
    for cell, value in zip(table.add_row().cells, total):
        cell.text = ""
        cell.paragraphs[0].add_run(_docx_text(value)).bold = True
    _column_widths(table, [4.0, 6.5, 6.5])


def _render_docx(d: Mapping, font: str = DEFAULT_FONT) -> bytes:
    from docx import Document

    doc = _FastDoc(Document())
    props = doc.core_properties
    props.title = TITLE
    props.subject = _docx_text(" ".join(filter(None, [d.get("force"), d.get("period")])))[:255]
    props.author = "hmicfrs-watch"
    _uk_document(doc, font)

    doc.heading(_docx_text(d.get("title") or TITLE), level=0)
    for key, value in _meta_lines(d):
        p = doc.para()
        p.add_run(f"{key}: ").bold = True
        p.add_run(_docx_text(value))
    doc.heading(_docx_text(d.get("section") or SECTION), level=1)
    doc.para(_docx_text(f"3.1 {d.get('lead', '')}"))

    reports = d.get("reports") or []
    totals = d.get("totals") or {}
    if reports:
        _docx_summary(doc, d, reports, totals)

    for i, r in enumerate(reports, start=1):
        _docx_entry(doc, r, i)

    matrix = _register_matrix(d)
    if matrix:
        _docx_register(doc, d, matrix)

    if d.get("other_reports"):
        doc.heading(OTHER_HEADING, level=2)
        for r in d["other_reports"]:
            p = doc.para(style="List Bullet")
            _add_hyperlink(doc, p, r.get("title", ""), r.get("link"))
            meta = "; ".join(b for b in [r.get("published_display"), r.get("type"),
                                         ", ".join(r.get("forces") or [])] if b)
            p.add_run(_docx_text(f" ({meta}): {r.get('reason', '')}"))
            _docx_doubts(p, r.get("warnings") or [])

    if d.get("owed"):
        from watcher.publish.digest_obligations import to_docx

        to_docx(doc, d["owed"], _docx_text)

    doc.heading("Changes to reports already reported", level=2)
    if d.get("changes"):
        for c in d["changes"]:
            p = doc.para(style="List Bullet")
            p.add_run(_docx_text(f"{c.get('date_display', '')}: "))
            _add_hyperlink(doc, p, c.get("headline", ""), c.get("link"))
            for item in c.get("details") or []:
                q = doc.para(style="List Bullet 2")
                _add_hyperlink(doc, q, item.get("text", ""), item.get("url"))
    else:
        doc.para("No changes were noticed to reports published before the period.")

    doc.heading("Parser warnings", level=2)
    if d.get("warnings"):
        for w in d["warnings"]:
            p = doc.para(style="List Bullet")
            p.add_run(_docx_text(w.get("title", ""))).bold = True
            p.add_run(_docx_text(f": {_warning_line(w)}"))
    else:
        doc.para("None.")

    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
