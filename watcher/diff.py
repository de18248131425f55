"""Stored record + freshly parsed Publication -> the change events between them.

Only differences a liaison officer cares about raise events: metadata (title, date, type,
forces, summary), the set of documents, and the findings. Wording edits elsewhere in the
text are kept as a new snapshot version (see `changes --diff`) without an event, so a
reader's feed is not filled with typo fixes.
"""

from __future__ import annotations

import re

from core.identity import path_key
from core.text import finding_key
from core.forces import force_key
from core.models import ChangeEvent, Finding, Publication, counts_of

METADATA_FIELDS = ("title", "published", "type", "forces", "summary")


def norm_text(text: str) -> str:
    """A finding's text compared loosely: the one definition of "same finding" (core/text.py)."""
    return finding_key(text)


def _findings_of(row: dict) -> list[Finding]:
    return [
        Finding(
            kind=f["kind"],
            text=f["text"],
            number=f.get("number"),
            applies_to_chief_constables=bool(f.get("applies_to_chief_constables")),
        )
        for f in row.get("findings") or []
    ]


def _event(kind: str, pub: Publication, details: dict) -> ChangeEvent:
    return ChangeEvent(kind=kind, url=pub.url, slug=pub.slug, title=pub.title, details=details)


def diff(old: dict | None, new: Publication) -> list[ChangeEvent]:
    """The change events that turn the stored record `old` into `new` (none if equal)."""
    new_counts = counts_of(new.findings)
    if old is None:
        return [
            _event(
                "new",
                new,
                {
                    "type": new.type,
                    "published": new.published,
                    "forces": new.forces,
                    "counts": new_counts,
                },
            )
        ]
    events: list[ChangeEvent] = []
    if old.get("status") == "withdrawn":
        events.append(_event("reinstated", new, {}))

    changed = {}
    for name in METADATA_FIELDS:
        before, after = old.get(name), getattr(new, name)
        if name == "forces":  # one force however it was spelt when stored ("Avon & Somerset")
            if sorted(map(force_key, before or [])) == sorted(map(force_key, after or [])):
                continue
            before, after = sorted(before or []), sorted(after or [])
        elif isinstance(before, str) or isinstance(after, str):
            if re.sub(r"\s+", " ", before or "").strip() == re.sub(r"\s+", " ", after or "").strip():
                continue
        if (before or None) != (after or None):
            changed[name] = {"old": before, "new": after}
    if changed:
        events.append(_event("metadata_changed", new, {"changes": changed}))

    # Documents are the same document wherever the site is served from (core.identity).
    old_docs = {path_key(d["url"]): d for d in old.get("documents") or []}
    new_docs = {path_key(d.url): d for d in new.documents}
    added = [d.to_dict() for u, d in new_docs.items() if u not in old_docs]
    removed = [d for u, d in old_docs.items() if u not in new_docs]
    if added:
        events.append(_event("document_added", new, {"documents": added}))
    if removed:
        events.append(_event("document_removed", new, {"documents": removed}))

    old_findings = _findings_of(old)
    old_counts = counts_of(old_findings)
    old_keys = [(f.kind, norm_text(f.text)) for f in old_findings]
    new_keys = [(f.kind, norm_text(f.text)) for f in new.findings]
    if old_counts != new_counts or sorted(old_keys) != sorted(new_keys):
        gained = [f for f, k in zip(new.findings, new_keys, strict=True) if k not in old_keys]
        lost = [f for f, k in zip(old_findings, old_keys, strict=True) if k not in new_keys]
        events.append(
            _event(
                "findings_changed",
                new,
                {
                    "old": old_counts,
                    "new": new_counts,
                    "added": [{"kind": f.kind, "text": f.text} for f in gained],
                    "removed": [{"kind": f.kind, "text": f.text} for f in lost],
                },
            )
        )
    return events


def withdrawal(old: dict, status: int) -> ChangeEvent:
    return ChangeEvent(
        kind="withdrawn",
        url=old["url"],
        slug=old["slug"],
        title=old["title"],
        details={"status": status},
    )


#: Lengths a title and a summary are stored and published at. Real titles are under 200
#: characters and summaries a paragraph; a page that says more (a broken template, a
#: hostile input) must not bloat every feed and digest. The full text stays in the
#: stored snapshot.
MAX_TITLE = 300
MAX_SUMMARY = 2000


def _cap(text: str | None, limit: int) -> str | None:
    if not text or len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.8:
        cut = cut[:space]
    return cut.rstrip() + "…"


def bounded(pub: Publication) -> Publication:
    """The publication with its title and summary capped (before diffing and storing,
    so a long title compares equal to itself the next day)."""
    pub.title = _cap(pub.title, MAX_TITLE) or pub.title
    pub.summary = _cap(pub.summary, MAX_SUMMARY) or ""
    return pub
