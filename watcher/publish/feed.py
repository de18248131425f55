"""Change events -> RSS 2.0 / Atom 1.0 feed (feedgen).

Input is plain data: event dicts (``id, at, kind, url, slug, title, details``) as in
docs/architecture.md and, optionally, the current report dicts keyed by URL. Nothing
here touches the database or the network.

- one item per event, newest first (by ``at``, then ``id``);
- the GUID is a ``tag:`` URI derived only from the event's id, url, kind and ``at``
  (plus its details when it has no id), so regenerating the feed never changes it;
  ``isPermaLink="false"``;
- the item link is the publication URL; the title says what happened; the description
  is HTML (escaped once by us, XML-escaped again by lxml) with the report's type, date,
  forces, counts, documents and the details of the change.

All scraped text goes through :mod:`core.textsafe` first: XML 1.0 cannot carry C0/C1
controls or lone surrogates (lxml raises on them) and bidi overrides are dropped.

The headline/detail helpers (:func:`event_headline`, :func:`event_detail_items`,
:func:`count_phrase`) and the force matching (:func:`concerns_force`) are shared with
:mod:`watcher.publish.digest`.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timezone

from feedgen.feed import FeedGenerator

from core.dates import long_date, parse_date
from watcher import __version__
from watcher.parse.witnesses import warning_line
from core.forces import concerns_force, forces_named, force_key, is_national, names_force
from core.textsafe import clean_text, one_line, safe_url

__all__ = [
    "render_feed",
    "filter_events",
    "event_guid",
    "event_headline",
    "event_detail_items",
    "count_phrase",
    "concerns_force",
    "names_force",
    "is_national",
    "force_key",
    "parse_at",
    "display_date",
]

# ---------------------------------------------------------------------------- dates


def parse_at(value) -> datetime | None:
    """An event's ``at`` (ISO, ``Z`` or offset or naive = UTC) -> aware UTC datetime."""
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    elif isinstance(value, str) and value.strip():
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            dt = datetime.fromisoformat(text)
        except ValueError:
            return None
    else:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


def display_date(value) -> str:
    """``2025-10-15`` -> ``15 October 2025`` (core.dates.long_date); unparseable text is
    returned cleaned."""
    return long_date(value) or one_line(value)


# --------------------------------------------------------------------- counting text


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _counts_of(source: Mapping | None) -> dict[str, int]:
    """Normalised counts from a report dict or a ``counts`` dict (tolerant key names)."""
    source = source or {}
    cc = source.get("recommendations_to_chief_constables")
    if cc is None:
        cc = source.get("to_chief_constables", source.get("chief_constables"))
    return {
        "recommendations": _int(source.get("recommendations")),
        "recommendations_to_chief_constables": _int(cc),
        "areas_for_improvement": _int(source.get("areas_for_improvement", source.get("afis"))),
        "causes_of_concern": _int(source.get("causes_of_concern")),
    }


def count_phrase(counts: Mapping | None) -> str:
    """``18 recommendations (1 to chief constables), 0 areas for improvement, 0 causes of concern``."""
    c = _counts_of(counts)
    return (
        f"{_plural(c['recommendations'], 'recommendation', 'recommendations')}"
        f" ({c['recommendations_to_chief_constables']} to chief constables), "
        f"{_plural(c['areas_for_improvement'], 'area for improvement', 'areas for improvement')}, "
        f"{_plural(c['causes_of_concern'], 'cause of concern', 'causes of concern')}"
    )


_COUNT_NAMES = (
    ("recommendations", "recommendation", "recommendations"),
    ("areas_for_improvement", "area for improvement", "areas for improvement"),
    ("causes_of_concern", "cause of concern", "causes of concern"),
)

_FIELD_LABELS = {
    "title": "title",
    "published": "publication date",
    "type": "type",
    "forces": "forces",
    "all_forces": "all-forces flag",
    "summary": "summary",
    "description": "summary",
    "joint_with": "joint inspectorates",
    "services": "services",
    "status": "status",
    "url": "address",
}


def _join_words(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _value_text(value, *, limit: int = 200) -> str:
    if value is None or value == "" or value == []:
        return "(none)"
    if isinstance(value, (list, tuple)):
        return one_line("; ".join(one_line(v) for v in value), limit=limit)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return one_line(value, limit=limit)


# --------------------------------------------------------------- event description


def _event_title(event: Mapping, report: Mapping | None) -> str:
    title = one_line(event.get("title"))
    if not title and report:
        title = one_line(report.get("title"))
    return title or one_line(event.get("slug")) or one_line(event.get("url")) or "(untitled)"


def event_headline(event: Mapping, report: Mapping | None = None) -> str:
    """One line saying what happened, e.g. ``Updated: <title> (2 recommendations added)``."""
    kind = event.get("kind")
    details = event.get("details") or {}
    title = _event_title(event, report)
    if kind == "new":
        return f"New report: {title}"
    if kind == "metadata_changed":
        changes = details.get("changes") or {}
        if "title" in changes and one_line((changes["title"] or {}).get("new")):
            title = one_line(changes["title"]["new"])
        labels: list[str] = []
        for field in changes:
            label = _FIELD_LABELS.get(field, one_line(field).replace("_", " "))
            if label and label not in labels:
                labels.append(label)
        suffix = f" ({_join_words(labels)} changed)" if labels else ""
        return f"Corrected: {title}{suffix}"
    if kind in ("document_added", "document_removed"):
        docs = details.get("documents") or []
        verb = "New document" if kind == "document_added" else "Document removed"
        if len(docs) > 1:
            verb = "New documents" if kind == "document_added" else "Documents removed"
            return f"{verb}: {title} ({len(docs)} documents)"
        if len(docs) == 1:
            doc_title = one_line((docs[0] or {}).get("title"), limit=80)
            if doc_title and doc_title != title:
                return f"{verb}: {title} ({doc_title})"
        return f"{verb}: {title}"
    if kind == "findings_changed":
        old, new = _counts_of(details.get("old")), _counts_of(details.get("new"))
        parts = []
        for key, one, many in _COUNT_NAMES:
            delta = new[key] - old[key]
            if delta:
                parts.append(f"{_plural(abs(delta), one, many)} {'added' if delta > 0 else 'removed'}")
        if not parts:
            cc = new["recommendations_to_chief_constables"] - old["recommendations_to_chief_constables"]
            if cc:
                parts.append(
                    f"{abs(cc)} {'more' if cc > 0 else 'fewer'} applicable to chief constables"
                )
            elif details.get("added") or details.get("removed"):
                n = max(len(details.get("added") or []), len(details.get("removed") or []))
                parts.append(f"wording of {_plural(n, 'finding', 'findings')} changed")
        suffix = f" ({'; '.join(parts)})" if parts else " (findings changed)"
        return f"Updated: {title}{suffix}"
    if kind == "withdrawn":
        return f"Withdrawn: {title}"
    if kind == "reinstated":
        return f"Reinstated: {title}"
    if kind == "response_published":
        return f"Section 55 response published: {title}"
    return f"Changed: {title}"


_KIND_LABELS = {
    "recommendation": "recommendation",
    "area_for_improvement": "area for improvement",
    "cause_of_concern": "cause of concern",
}


def _finding_text(item) -> str:
    """`` recommendation: <text>`` for a ``{kind, text}`` dict, ``: <text>`` for a string."""
    if isinstance(item, Mapping):
        kind = _KIND_LABELS.get(item.get("kind"), "")
        text = one_line(item.get("text") or item.get("title"), limit=600)
        return f" {kind}: {text}" if kind else f": {text}"
    return f": {one_line(item, limit=600)}"


def event_detail_items(event: Mapping) -> list[dict]:
    """The details of the change as ``[{"text": str, "url": str | None}]`` (plain text).

    Used for the feed description and the digest's "changes" section alike.
    """
    kind = event.get("kind")
    details = event.get("details") or {}
    items: list[dict] = []

    def add(text: str, url=None) -> None:
        items.append({"text": one_line(text), "url": safe_url(url) if url else None})

    if kind == "new":
        counts = details.get("counts")
        if counts:
            add(f"Found: {count_phrase(counts)}.")
    elif kind == "metadata_changed":
        for field, change in (details.get("changes") or {}).items():
            change = change if isinstance(change, Mapping) else {"old": None, "new": change}
            label = _FIELD_LABELS.get(field, one_line(field).replace("_", " "))
            old, new = change.get("old"), change.get("new")
            if field in ("published",):
                old = display_date(old) if old else old
                new = display_date(new) if new else new
            add(f"{label[:1].upper()}{label[1:]}: {_value_text(old)} → {_value_text(new)}")
    elif kind in ("document_added", "document_removed"):
        verb = "Added" if kind == "document_added" else "Removed"
        for doc in details.get("documents") or []:
            doc = doc or {}
            add(f"{verb}: {one_line(doc.get('title')) or one_line(doc.get('url'))}", doc.get("url"))
    elif kind == "findings_changed":
        old, new = _counts_of(details.get("old")), _counts_of(details.get("new"))
        labels = {
            "recommendations": "Recommendations",
            "recommendations_to_chief_constables": "Applicable to chief constables",
            "areas_for_improvement": "Areas for improvement",
            "causes_of_concern": "Causes of concern",
        }
        for key, label in labels.items():
            if old[key] != new[key]:
                add(f"{label}: {old[key]} → {new[key]}")
        for verb, key in (("Added", "added"), ("Removed", "removed")):
            for item in details.get(key) or []:
                add(f"{verb}{_finding_text(item)}")
    elif kind == "withdrawn":
        status = details.get("status")
        meaning = {404: "not found", 410: "gone"}.get(_int(status))
        if status:
            add(f"The publication page now answers HTTP {one_line(status)}"
                + (f" ({meaning})." if meaning else "."))
        else:
            add("The publication page is no longer available.")
    elif kind == "reinstated":
        add("The publication page is available again.")
    elif kind == "response_published":
        doc = details.get("document") or {}
        add(f"Response: {one_line(doc.get('title')) or one_line(doc.get('url'))}", doc.get("url"))
        if details.get("due"):
            add(f"It was due by {display_date(details['due'])} (56 days after publication).")
    return items


# ------------------------------------------------------------------ force matching

def _info_for(event: Mapping, reports: Mapping[str, Mapping] | None) -> Mapping | None:
    """Best available description of an event's report: the report dict, else details."""
    if reports:
        report = reports.get(event.get("url"))
        if report is not None:
            return report
    details = event.get("details") or {}
    if event.get("kind") == "new" and isinstance(details, Mapping):
        return details
    return None


BACKFILL_NEWS_DAYS = 31


def _old_backfill(event: Mapping, info: Mapping | None, days: int) -> bool:
    """A backfill "new" event for a report published long before it was recorded."""
    if event.get("kind") != "new" or not (event.get("details") or {}).get("backfill"):
        return False
    at = parse_at(event.get("at"))
    published = parse_date((info or {}).get("published"))
    return bool(at and published and (at.date() - published).days > days)


def filter_events(
    events: Iterable[Mapping],
    *,
    force: str | None = None,
    type: str | None = None,  # noqa: A002 - the documented keyword
    kinds: Iterable[str] | None = None,
    reports: Mapping[str, Mapping] | None = None,
    backfill_days: int = BACKFILL_NEWS_DAYS,
) -> list[dict]:
    """Keep the events that match every filter given.

    A first scan records the whole archive as ``new`` events (``details.backfill``); a
    reader wants only the recent ones, so a backfill event is kept only when its report
    was published within ``backfill_days`` of the event.

    - ``force``: the event's report names the force (case-insensitive, see
      :func:`force_key`) OR applies to all forces (``all_forces`` or no forces named);
    - ``type``: case-insensitive substring of the report's type;
    - ``kinds``: the event's kind is in this set.

    The report is looked up by URL in ``reports``; failing that, a ``new`` event's own
    details (type, forces) are used. An event whose report is unknown is kept by the
    force filter (as an all-forces report would be: better one item too many than a
    missed change) and dropped by the type filter (its type cannot match).
    """
    kind_set = set(kinds) if kinds is not None else None
    type_key = one_line(type).casefold() if type else ""
    out = []
    for event in events:
        if kind_set is not None and event.get("kind") not in kind_set:
            continue
        info = _info_for(event, reports)
        if _old_backfill(event, info, backfill_days):
            continue
        if force and info is not None and not concerns_force(info, force):
            continue
        owner = (event.get("details") or {}).get("force") if event.get("kind") == "response_published" else None
        if force and owner and force_key(owner) != force_key(force):
            continue  # another force's local policing body answered
        if type_key and type_key not in one_line((info or {}).get("type")).casefold():
            continue
        out.append(dict(event))
    return out


# ----------------------------------------------------------------------- rendering


def event_guid(event: Mapping) -> str:
    """A stable, unique, non-permalink GUID: ``tag:hmicfrs-watch,<date>:event/<id>-<hash>``.

    The hash covers id, url, kind and ``at`` (and the details when there is no id), all
    of which are fixed once the store has recorded the event.
    """
    at = parse_at(event.get("at"))
    parts = [str(event.get("id")), clean_text(event.get("url")), clean_text(event.get("kind")),
             at.isoformat() if at else clean_text(event.get("at"))]
    if event.get("id") is None:
        parts.append(json.dumps(event.get("details") or {}, sort_keys=True, default=str))
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "replace")).hexdigest()[:16]
    day = at.date().isoformat() if at else "2025"
    ident = event.get("id")
    path = f"{_int(ident)}-{digest}" if ident is not None else digest
    return f"tag:hmicfrs-watch,{day}:event/{path}"


def _h(text) -> str:
    return html.escape(one_line(text), quote=True)


def _link(text, url) -> str:
    href = safe_url(url)
    if href:
        return f'<a href="{html.escape(href, quote=True)}">{_h(text)}</a>'
    return _h(text)


def _description_html(event: Mapping, report: Mapping | None) -> str:
    details = event.get("details") or {}
    info = report if report is not None else (details if event.get("kind") == "new" else None)
    out: list[str] = []
    if info is not None:
        rows = []
        if one_line(info.get("type")):
            rows.append(("Type", _h(info.get("type"))))
        if info.get("published"):
            rows.append(("Published", _h(display_date(info.get("published")))))
        forces = forces_named(info)
        rows.append(("Forces", "All forces" if is_national(info) else _h(", ".join(forces))))
        joint = [one_line(j) for j in (info.get("joint_with") or []) if one_line(j)]
        if joint:
            rows.append(("Joint inspection with", _h(", ".join(joint))))
        counts = info.get("counts") if "counts" in info else info
        rows.append(("Findings", _h(count_phrase(counts))))
        # typed parser warnings, beside the counts they doubt (docs/counting-rules.md, "Doubt")
        doubts = [one_line(warning_line(w), limit=300) for w in (info.get("warnings") or []) if w]
        if any(doubts):
            rows.append(("Check", "; ".join(_h(d) for d in doubts if d)))
        if report is not None and report.get("status") == "withdrawn":
            rows.append(("Status", "withdrawn"))
        out.append("<ul>" + "".join(f"<li><strong>{k}:</strong> {v}</li>" for k, v in rows) + "</ul>")
        summary = one_line(info.get("description") or info.get("summary"), limit=600)
        if summary:
            out.append(f"<p>{_h(summary)}</p>")
        docs = [d for d in (info.get("documents") or []) if isinstance(d, Mapping)]
        if docs:
            lis = []
            for d in docs:
                label = one_line(d.get("title")) or one_line(d.get("url")) or "document"
                extra = [one_line(x) for x in (d.get("kind"), d.get("size")) if one_line(x)]
                suffix = f" ({_h(', '.join(extra))})" if extra else ""
                lis.append(f"<li>{_link(label, d.get('url'))}{suffix}</li>")
            out.append("<p><strong>Documents:</strong></p><ul>" + "".join(lis) + "</ul>")
    items = event_detail_items(event)
    if items and event.get("kind") != "new":
        lis = "".join(f"<li>{_link(i['text'], i['url'])}</li>" for i in items)
        out.append(f"<p><strong>What changed:</strong></p><ul>{lis}</ul>")
    out.append(f"<p>{_link('Read it on the HMICFRS website', event.get('url'))}</p>")
    return "\n".join(out)


def _sort_key(event: Mapping):
    at = parse_at(event.get("at"))
    return (at or datetime.min.replace(tzinfo=timezone.utc), _int(event.get("id")))


def render_feed(
    events: list[dict],
    *,
    site_url: str,
    fmt: str = "rss",
    title: str = "HMICFRS publications",
    self_url: str | None = None,
    reports: Mapping[str, Mapping] | None = None,
    updated: datetime | None = None,
) -> bytes:
    """Render change events as an RSS 2.0 (``fmt="rss"``) or Atom (``fmt="atom"``) feed.

    ``reports`` (url -> report dict) enriches each item with the report's current type,
    date, forces, counts and documents. ``updated`` (the feed's lastBuildDate / updated)
    defaults to the newest event's time, so the same events give the same bytes.
    """
    if fmt not in ("rss", "atom"):
        raise ValueError(f"unknown feed format {fmt!r}: use 'rss' or 'atom'")
    site = safe_url(site_url) or "https://hmicfrs.justiceinspectorates.gov.uk/"
    ordered = sorted(events, key=_sort_key, reverse=True)
    times = [t for t in (parse_at(e.get("at")) for e in ordered) if t]
    feed_updated = updated or (max(times) if times else datetime.now(timezone.utc))
    if feed_updated.tzinfo is None:
        feed_updated = feed_updated.replace(tzinfo=timezone.utc)

    fg = FeedGenerator()
    feed_title = one_line(title) or "HMICFRS publications"
    fg.id(safe_url(self_url) or site)
    fg.title(feed_title)
    fg.subtitle(f"{feed_title}: new and changed HMICFRS publications, noticed by hmicfrs-watch")
    fg.link(href=site, rel="alternate")
    if safe_url(self_url):
        fg.link(href=safe_url(self_url), rel="self")
    fg.author({"name": "hmicfrs-watch"})
    fg.language("en-GB")
    fg.generator("hmicfrs-watch", __version__)
    fg.updated(feed_updated)
    fg.lastBuildDate(feed_updated)

    for event in ordered:
        report = (reports or {}).get(event.get("url")) if reports else None
        fe = fg.add_entry(order="append")
        fe.id(event_guid(event))
        fe.guid(event_guid(event), permalink=False)
        fe.title(event_headline(event, report))
        fe.link(href=safe_url(event.get("url")) or site)
        at = parse_at(event.get("at")) or feed_updated
        fe.updated(at)
        fe.pubDate(at)
        fe.content(_description_html(event, report), type="html")
        kind = one_line(event.get("kind"))
        if kind:
            fe.category(term=kind)
        rtype = one_line((report or event.get("details") or {}).get("type"))
        if rtype:
            fe.category(term=rtype)

    return fg.atom_str(pretty=True) if fmt == "atom" else fg.rss_str(pretty=True)
