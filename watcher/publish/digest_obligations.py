"""The digest's "what the force owes" section: each reported report's s55 response, what
falls due before the next meeting, and what is overdue.

Kept apart from digest.py so the section is one unit: :func:`section` builds its plain data
(from obligation dicts, see watcher/obligations.py) and the three renderers draw it.

- "Section 55 responses": for every report the paper lists, the response's due date and its
  status on the day the digest is written (due, met or overdue).
- "Due before the next meeting": anything not yet met that falls due from the digest's day
  up to the next meeting (or the next 90 days when no meeting is known).
- "Overdue": recommendation deadlines that have passed while the force's register still
  has the finding open, and s55 responses and action plans that fell due in the period
  without being met.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from core.textsafe import one_line

HEADING = "What the force owes"
KIND_LABELS = {
    "s55_response": "Section 55 response",
    "recommendation_deadline": "Recommendation deadline",
    "action_plan": "Action plan",
}
_NO_MEETING_HORIZON = timedelta(days=90)


def _display(iso: str | None) -> str:
    try:
        d = date.fromisoformat(str(iso)[:10])
    except ValueError:
        return one_line(iso)
    return f"{d.day} {d:%B %Y}"


def _item(o: Mapping) -> dict:
    label = KIND_LABELS.get(o.get("kind"), one_line(o.get("kind")))
    if o.get("kind") == "recommendation_deadline" and o.get("finding_number") is not None:
        label += f" (recommendation {o['finding_number']})"
    return {
        "kind": o.get("kind"),
        "label": label,
        "report_slug": o.get("slug"),
        "report_title": one_line(o.get("report_title")),
        "report_url": o.get("report_url"),
        "finding_number": o.get("finding_number"),
        "due": o.get("due"),
        "due_display": _display(o.get("due")),
        "status": o.get("status"),
        "basis": one_line(o.get("basis")),
        "met_by": one_line(o.get("met_by")) or None,
    }


def section(obligations: Iterable[Mapping], *, since: date, until: date,
            next_meeting: date | None, report_slugs: Iterable[str]) -> dict:
    """The section's data, on ``until`` (the day the digest is written)."""
    obs = list(obligations)
    slugs = list(dict.fromkeys(report_slugs))
    s55 = {o["slug"]: o for o in obs if o.get("kind") == "s55_response"}
    horizon = next_meeting or (until + _NO_MEETING_HORIZON)
    due_soon = [o for o in obs if o.get("status") != "met"
                and until.isoformat() <= str(o.get("due")) <= horizon.isoformat()]
    overdue = [o for o in obs if o.get("status") == "overdue" and (
        (o.get("kind") == "recommendation_deadline" and o.get("register_status") == "open")
        or (o.get("kind") != "recommendation_deadline" and str(o.get("due")) >= since.isoformat()))]
    shown = [s55[s] for s in slugs if s in s55] + due_soon + overdue
    listed = list({id(o): o for o in shown}.values())
    return {
        "heading": HEADING,
        "as_of": until.isoformat(),
        "as_of_display": _display(until.isoformat()),
        "next_meeting": next_meeting.isoformat() if next_meeting else None,
        "due_heading": ("Due before the next meeting" + (f" ({_display(next_meeting.isoformat())})"
                                                         if next_meeting else " (next 90 days)")),
        "s55": [_item(s55[s]) for s in slugs if s in s55],
        "due": [_item(o) for o in due_soon],
        "overdue": [_item(o) for o in overdue],
        "list": [{k: _item(o)[k] for k in ("kind", "report_slug", "finding_number", "due", "status")}
                 for o in listed],
    }


def _line(item: Mapping, *, with_status: bool = True) -> str:
    text = f"{item['label']}: {item['report_title']}, due {item['due_display']}"
    if with_status:
        text += f" ({item['status']}"
        text += f", {item['met_by']})" if item.get("met_by") else ")"
    return text


def to_md(sec: Mapping, esc, link) -> list[str]:
    """Markdown lines; ``esc`` and ``link`` are the digest's own escaping helpers."""
    out = [f"### {esc(sec['heading'])}", ""]
    if sec.get("s55"):
        out += [f"Section 55 responses (as at {esc(sec['as_of_display'])}):", ""]
        out += [f"- {link(i['report_title'], i['report_url'])}: due {esc(i['due_display'])}, "
                f"**{esc(i['status'])}**" + (f" ({esc(i['met_by'])})" if i.get("met_by") else "")
                for i in sec["s55"]]
        out.append("")
    out += [f"#### {esc(sec['due_heading'])}", ""]
    out += [f"- {esc(_line(i, with_status=False))}" + (f" ({esc(i['basis'])})" if i["kind"] != "s55_response" else "")
            for i in sec["due"]] or ["Nothing falls due."]
    out += ["", "#### Overdue", ""]
    out += [f"- {esc(_line(i))}" for i in sec["overdue"]] or ["Nothing is overdue."]
    out.append("")
    return out


def to_docx(doc, sec: Mapping, text) -> None:
    """Append the section to a digest's python-docx document (``text`` cleans a string)."""
    doc.heading(text(sec["heading"]), level=2)
    if sec.get("s55"):
        doc.para(text(f"Section 55 responses (as at {sec['as_of_display']}):"))
        for i in sec["s55"]:
            extra = f" ({i['met_by']})" if i.get("met_by") else ""
            doc.para(text(f"{i['report_title']}: due {i['due_display']}, {i['status']}{extra}"),
                     style="List Bullet")
    doc.heading(text(sec["due_heading"]), level=3)
    for i in sec["due"] or [None]:
        doc.para(text(_line(i, with_status=False) if i else "Nothing falls due."),
                 style="List Bullet" if i else None)
    doc.heading("Overdue", level=3)
    for i in sec["overdue"] or [None]:
        doc.para(text(_line(i) if i else "Nothing is overdue."), style="List Bullet" if i else None)
