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
- **Which reports count** (the lead's N and ``totals``): reports published in the window
  that name the force (``group: "force"``) or apply to all forces (``group:
  "national"``: ``all_forces`` set or no force named), whether or not they make
  recommendations -- the December 2025 paper counted a 0-recommendation AFI report.
  Reports naming only other forces, and reports since withdrawn, are not counted; they
  are listed under ``other_reports`` with the reason, so nothing published in the window
  is silently dropped. With ``force=None`` every report in the window counts.
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
from collections.abc import Mapping
from datetime import date, datetime, timezone
from pathlib import Path

from watcher.publish.feed import (
    concerns_force,
    display_date,
    event_detail_items,
    event_headline,
    force_key,
    is_national,
    names_force,
    parse_at,
    parse_date,
)
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


def _applies_to(f: Mapping, force: str | None) -> bool:
    """A finding concerns the digest's force (see module docstring)."""
    if not force or not one_line(f.get("force")):
        return True
    return force_key(f.get("force")) == force_key(force)


def _group(report: Mapping, force: str | None) -> str:
    if is_national(report):
        return "national"
    if not force or names_force(report, force):
        return "force"
    return "other"


def _entry(report: Mapping, force: str | None) -> dict:
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
    afis = [_finding_label(f) for f in afis_all if _applies_to(f, force)]
    cocs = [_finding_label(f) for f in cocs_all if _applies_to(f, force)]
    afi_for_force = len(afis) if afis_all else (afi_count or 0)
    coc_for_force = len(cocs) if cocs_all else (coc_count or 0)

    forces = [one_line(x) for x in (report.get("forces") or []) if one_line(x)]
    joint = [one_line(x) for x in (report.get("joint_with") or []) if one_line(x)]
    group = _group(report, force)
    national = is_national(report)
    named = bool(force) and names_force(report, force)
    if force:
        if named:
            force_sentence = "The force was named in this report."
        elif national:
            force_sentence = "The force was not named in this report; it applies to all forces."
        else:
            force_sentence = "The force was not named in this report."
    else:
        force_sentence = (
            "This report applies to all forces." if national else f"Forces named: {', '.join(forces)}."
        )

    notes = []
    if not (total or afi_count or coc_count or findings):
        notes.append(
            "No recommendations, areas for improvement or causes of concern were recorded "
            "for this report; check the report itself before relying on this."
        )
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
            "recommendations": str(total),
            "to_chief_constables": DASH if not total or to_cc is None else str(to_cc),
            "afis": str(afi_for_force) if afi_for_force else DASH,
        },
        "status": one_line(report.get("status")) or "active",
        "warnings": [one_line(w) for w in (report.get("warnings") or []) if one_line(w)],
        "notes": notes,
    }


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
    obligations: list[Mapping] | None = None,
    next_meeting: date | None = None,
) -> dict:
    """Build the JSON form of the digest for ``since`` .. ``until`` (both inclusive).

    ``register_table`` (optional, from :func:`store.register.open_by_year`): the open
    recommendations / AFIs by report year at the previous paper and now, shown after the
    report entries as ``digest["register"]``.
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
        entry = _entry(report, force)
        if entry["status"] == "withdrawn":
            entry["reason"] = "Withdrawn from the HMICFRS website since publication."
            others.append(entry)
        elif entry["group"] == "other":
            entry["reason"] = "Names only other forces."
            others.append(entry)
        else:
            counted.append(entry)
            warnings.extend(
                {"title": entry["title"], "url": entry["url"], "warning": w} for w in entry["warnings"]
            )

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

    totals = {
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
    if obligations is not None:
        from watcher.publish.digest_obligations import section

        owed = section(obligations, since=since, until=until, next_meeting=next_meeting,
                       report_slugs=[r.get("slug") for r in reports if r.get("url") in
                                     {e["url"] for e in counted}])
        digest["owed"] = owed
        digest["obligations"] = owed["list"]
    return deep_clean(digest)


REGISTER_HEADING = "Open recommendations and areas for improvement by report year"


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


def render(digest: dict, fmt: str) -> bytes:
    """Render a digest (as returned by :func:`build_digest`, or its JSON re-loaded)."""
    digest = deep_clean(digest)
    if fmt == "json":
        return json.dumps(digest, indent=2, ensure_ascii=False, default=str).encode("utf-8")
    if fmt == "md":
        return _render_md(digest).encode("utf-8")
    if fmt == "html":
        return _render_html(digest).encode("utf-8")
    if fmt == "docx":
        return _render_docx(digest)
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
    generated = parse_at(d.get("generated_at"))
    rows.append(("Generated", f"{display_date(generated)} {generated:%H:%M} UTC" if generated
                 else one_line(d.get("generated_at"))))
    return rows


# Markdown ----------------------------------------------------------------------


def _md(text) -> str:
    return md_escape(one_line(text))


def _md_link(text, url) -> str:
    href = md_url(url)
    return f"[{_md(text)}]({href})" if href else _md(text)


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
    for i, r in enumerate(reports, start=2):
        out += [f"3.{i} **{_md(r.get('title'))}**", ""]
        if r.get("description"):
            out += [_md(r["description"]), ""]
        facts = [f"Published: {_md(r.get('published_display'))}"]
        if r.get("type"):
            facts.append(f"Type: {_md(r['type'])}")
        if r.get("joint_sentence"):
            facts.append(_md(r["joint_sentence"]))
        facts.append(_md(r.get("force_sentence")))
        facts.append(_md(r.get("recommendation_sentence")))
        if r.get("link"):
            facts.append(f"Report: <{md_url(r['link'])}>")
        out += [f"- {f}" for f in facts if f] + [""]
        if r.get("afis"):
            out += [f"Areas for improvement given to the force ({len(r['afis'])}):", ""]
            out += [f"{n}. {_md(a)}" for n, a in enumerate(r["afis"], start=1)] + [""]
        elif r.get("areas_for_improvement_for_force"):
            out += [f"{r['areas_for_improvement_for_force']} areas for improvement were given "
                    "(their titles were not recorded).", ""]
        if r.get("causes"):
            out += [f"Causes of concern ({len(r['causes'])}):", ""]
            out += [f"{n}. {_md(c)}" for n, c in enumerate(r["causes"], start=1)] + [""]
        for note in (r.get("warnings") or []) + (r.get("notes") or []):
            out += [f"> **Note:** {_md(note)}", ""]
    matrix = _register_matrix(d)
    if matrix:
        headers, body, total = matrix
        out += [f"### {_md(d['register'].get('heading') or REGISTER_HEADING)}", "",
                "| " + " | ".join(_md(h) for h in headers) + " |", "|---|---:|---:|"]
        out += ["| " + " | ".join(_md(c) for c in row) + " |" for row in body]
        out += [f"| **{total[0]}** | **{total[1]}** | **{total[2]}** |", ""]
    if d.get("other_reports"):
        out += ["### Other reports published in the period (not counted above)", ""]
        for r in d["other_reports"]:
            forces = ", ".join(r.get("forces") or [])
            bits = [r.get("published_display") or "", forces]
            meta = "; ".join(_md(b) for b in bits if b)
            out.append(f"- {_md_link(r.get('title'), r.get('link'))} ({meta}): {_md(r.get('reason'))}")
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
        out += [f"- **{_md(w.get('title'))}**: {_md(w.get('warning'))}" for w in d["warnings"]]
    else:
        out.append("None.")
    out.append("")
    return "\n".join(out)


# HTML --------------------------------------------------------------------------

_TEMPLATES = Path(__file__).parent / "templates"


def _render_html(d: Mapping) -> str:
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
    page = env.get_template("digest.html.j2").render(d=d, meta=_meta_lines(d))
    matrix = _register_matrix(d)
    if matrix:
        headers, body, total = matrix
        fragment = env.get_template("digest_register.html.j2").render(
            heading=d["register"].get("heading") or REGISTER_HEADING, headers=headers, body=body, total=total
        )
        # after the report entries: before the first heading that follows them (all text is
        # escaped, so these literal tags can only come from the template)
        for marker in ("<h3>Other reports published in the period", "<h3>Changes to reports already reported"):
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


def _render_docx(d: Mapping) -> bytes:
    from docx import Document
    from docx.shared import Pt

    doc = _FastDoc(Document())
    props = doc.core_properties
    props.title = TITLE
    props.subject = _docx_text(" ".join(filter(None, [d.get("force"), d.get("period")])))[:255]
    props.author = "hmicfrs-watch"
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(11)

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
        headers = ["Report", "Published", "Recommendations", "Applicable to chief constables", "AFIs"]
        table = doc.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, headers):
            cell.text = ""
            cell.paragraphs[0].add_run(text).bold = True
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
        _column_widths(table, [6.0, 2.7, 2.6, 2.6, 1.6])

    for i, r in enumerate(reports, start=2):
        doc.heading(_docx_text(f"3.{i} {r.get('title', '')}"), level=2)
        if r.get("description"):
            doc.para(_docx_text(r["description"]))
        facts = [f"Published: {r.get('published_display', '')}"]
        if r.get("type"):
            facts.append(f"Type: {r['type']}")
        facts += [r.get("joint_sentence"), r.get("force_sentence"), r.get("recommendation_sentence")]
        for fact in filter(None, facts):
            doc.para(_docx_text(fact), style="List Bullet")
        if r.get("link"):
            p = doc.para(style="List Bullet")
            p.add_run("Report: ")
            _add_hyperlink(doc, p, r["link"], r["link"])
        if r.get("afis"):
            doc.para(f"Areas for improvement given to the force ({len(r['afis'])}):")
            for a in r["afis"]:
                doc.para(_docx_text(a), style="List Number")
        elif r.get("areas_for_improvement_for_force"):
            doc.para(f"{r['areas_for_improvement_for_force']} areas for improvement were "
                              "given (their titles were not recorded).")
        if r.get("causes"):
            doc.para(f"Causes of concern ({len(r['causes'])}):")
            for c in r["causes"]:
                doc.para(_docx_text(c), style="List Number")
        for note in (r.get("warnings") or []) + (r.get("notes") or []):
            p = doc.para()
            p.add_run("Note: ").bold = True
            p.add_run(_docx_text(note))

    matrix = _register_matrix(d)
    if matrix:
        headers, body, total = matrix
        doc.heading(_docx_text(d["register"].get("heading") or REGISTER_HEADING), level=2)
        table = doc.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, headers):
            cell.text = ""
            cell.paragraphs[0].add_run(_docx_text(text)).bold = True
        for row in body:
            for cell, value in zip(table.add_row().cells, row):
                cell.text = _docx_text(value)
        for cell, value in zip(table.add_row().cells, total):
            cell.text = ""
            cell.paragraphs[0].add_run(_docx_text(value)).bold = True

    if d.get("other_reports"):
        doc.heading("Other reports published in the period (not counted above)", level=2)
        for r in d["other_reports"]:
            p = doc.para(style="List Bullet")
            _add_hyperlink(doc, p, r.get("title", ""), r.get("link"))
            meta = "; ".join(b for b in [r.get("published_display"), ", ".join(r.get("forces") or [])] if b)
            p.add_run(_docx_text(f" ({meta}): {r.get('reason', '')}"))

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
            p.add_run(_docx_text(f": {w.get('warning', '')}"))
    else:
        doc.para("None.")

    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
