"""The team's calendar (iCalendar, RFC 5545): committee meetings, the days the digest is
written, and every s55 response, action plan and recommendation deadline for the force.

Each event's UID is derived from what it is (an obligation's key, a meeting's date), never
from when the file was made, so a calendar client that subscribes sees changes and no
duplicates. All events are all-day events in the force's own calendar days.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta, timezone

from core.textsafe import one_line

PRODID = "-//hmicfrs-watch//obligations calendar//EN"
_KIND_TITLES = {
    "s55_response": "Section 55 response due",
    "recommendation_deadline": "Recommendation deadline",
    "action_plan": "Action plan due",
}


def _uid(*parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]
    return f"{digest}@hmicfrs-watch"


def _stamp(value: str | None) -> datetime:
    """DTSTAMP from a stored time (or the report's publication day), never the clock, so
    regenerating an unchanged calendar changes nothing."""
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except (TypeError, ValueError):
        parsed = datetime(2000, 1, 1, tzinfo=timezone.utc)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _all_day(event, day: date) -> None:
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("transp", "TRANSPARENT")


def obligation_summary(o: Mapping) -> str:
    label = _KIND_TITLES.get(o.get("kind"), "Due")
    if o.get("kind") == "recommendation_deadline" and o.get("finding_number") is not None:
        label = f"{label} (recommendation {o['finding_number']})"
    status = "" if o.get("status") == "due" else f" [{o.get('status')}]"
    return one_line(f"{label}: {o.get('report_title') or o.get('slug')}{status}")[:250]


def build_calendar(
    obligations: Iterable[Mapping],
    *,
    force: str,
    meetings: Iterable[tuple[str, date]] = (),
    digest_days_before: int = 10,
    stamp: str | None = None,
) -> bytes:
    """The .ics bytes. ``obligations`` are stored obligation rows (or Obligation dicts);
    ``meetings`` are (committee name, meeting day) pairs."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", one_line(f"HMICFRS: what {force} owes"))
    cal.add("x-wr-timezone", "Europe/London")
    for name, day in sorted(set(meetings), key=lambda m: (m[1], m[0])):
        meeting = Event()
        meeting.add("uid", _uid("meeting", name, day.isoformat()))
        meeting.add("dtstamp", _stamp(stamp or day.isoformat()))
        meeting.add("summary", one_line(name))
        _all_day(meeting, day)
        cal.add_component(meeting)
        write = Event()
        write.add("uid", _uid("digest", name, day.isoformat()))
        write.add("dtstamp", _stamp(stamp or day.isoformat()))
        write.add("summary", one_line(f"HMICFRS digest written for the {name} of {day.day} {day:%B %Y}"))
        write.add("description", "hmicfrs-watch writes the 'since the last committee' digest "
                                 "for section 3 of the paper today.")
        _all_day(write, day - timedelta(days=digest_days_before))
        cal.add_component(write)
    for o in obligations:
        try:
            due = date.fromisoformat(str(o.get("due"))[:10])
        except ValueError:
            continue
        event = Event()
        event.add("uid", _uid("obligation", force, str(o.get("key"))))
        event.add("dtstamp", _stamp(o.get("updated_at") or stamp or o.get("published")))
        event.add("summary", obligation_summary(o))
        lines = [f"Report: {one_line(o.get('report_title'))}",
                 f"Published: {o.get('published')}", f"Due: {due.isoformat()} ({one_line(o.get('basis'))})",
                 f"Status: {o.get('status')}"]
        if o.get("finding_text"):
            lines.append(f"Finding: {one_line(o.get('finding_text'))[:1000]}")
        if o.get("met_by"):
            lines.append(f"Met by: {one_line(o.get('met_by'))}")
        event.add("description", "\n".join(lines))
        if o.get("report_url"):
            event.add("url", o["report_url"])
        event.add("categories", [str(o.get("kind"))])
        _all_day(event, due)
        cal.add_component(event)
    return cal.to_ical()
