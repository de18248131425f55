"""The force's register: the findings that apply to the configured force, with their
status (open / closed), owner, notes and an append-only status history.

What belongs in the register (:func:`applies_to_force`):

- recommendations applicable to chief constables (or addressed to the force by name) in
  reports that concern the force: national reports and reports naming the force;
- the force's own areas for improvement and causes of concern: attributed to the force,
  or unattributed in a report that names the force (or addressed to chief constables in
  a national report).
  A finding attributed to another force is never the force's.

Stable keys. Scans delete and re-insert a publication's finding rows, so an entry is keyed
by report URL + kind + normalised finding text (:func:`entry_key`), never by row id. A
re-scan neither duplicates nor loses entries; an entry whose finding is no longer found is
kept and flagged ``finding_removed`` (and un-flagged if it comes back).

History. Every status is a row in ``register_history`` (entry id, at, status, by, note);
rows are never updated or deleted (SQLite triggers refuse it). An entry's ``status`` is
always the status of its latest history row (by ``at``, then id), so a closure back-dated
to the day it happened counts from that day. A scanned entry's first row is "open" at
its report's publication date.

Counting (:func:`open_by_year`): an entry is open at a date when its latest history row on
or before that date (end of day) says open; an entry with no row yet did not exist.

Spreadsheet import (:func:`import_csv`): rows match by register ID when present, else by
report (title or URL) + finding text, normalised (case, whitespace, quotes, dashes, a
leading "Recommendation 3:" label) and compared with difflib (ratio >= 0.9). Unmatched rows
are reported and kept as manual entries flagged ``imported_unmatched``. A closed row's
"closed date" is when it closed; without one, the import time is used. A manual entry's
first "open" row is at its published date if the sheet gives one, else 1 January of its
report year, else the import time.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import io
import json
import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from os import PathLike
from pathlib import Path

from core.identity import publication_key
from core.dates import parse_date
from core.text import normalise as _normalise
from core.vocabulary import CLOSED_WORDS, OPEN_WORDS
from store.db import Store, utcnow
from core.forces import finding_applies_to_force, force_key

STATUSES = ("open", "closed")
KINDS = ("recommendation", "area_for_improvement", "cause_of_concern")
MATCH_RATIO = 0.9

_CLOSED_WORDS, _OPEN_WORDS = CLOSED_WORDS, OPEN_WORDS  # one vocabulary (core/vocabulary.py)


class RegisterError(Exception):
    """A register operation cannot be done (unknown entry, bad status, unreadable sheet)."""


# --- normalisation and keys ---------------------------------------------------------------

# One definition of comparison text (core/text.py); its form is hashed into entry keys.
normalise = _normalise


def _norm_url(url) -> str:
    return str(url or "").strip().rstrip("/")


def entry_key(report_url: str, kind: str | None, text: str) -> str:
    """The stable identity of a scanned finding in the register."""
    raw = f"{publication_key(report_url)}\n{kind or ''}\n{normalise(text)}"  # any address of it
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:24]


def _year(published) -> int | None:
    m = re.match(r"(\d{4})", str(published or ""))
    return int(m.group(1)) if m else None


def _at(value) -> str:
    """A history time: a date stays a date ('2025-10-01'), a datetime becomes UTC ISO."""
    if value is None:
        return utcnow()
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.astimezone()
        return value.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    parsed = parse_date(value)
    if parsed is None:
        raise RegisterError(f"{value!r} is not a date; write it as 2025-12-11")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T.*", str(value).strip()):
        return str(value).strip()
    return parsed.isoformat()


def parse_status(value) -> str | None:
    """'Closed', 'complete', 'Open', 'in progress' ... -> 'open' | 'closed'; None if unknown."""
    s = re.sub(r"\s+", " ", str(value or "").strip().casefold())
    if s in _CLOSED_WORDS:
        return "closed"
    if s in _OPEN_WORDS:
        return "open"
    return None


def _kind(value) -> str | None:
    s = re.sub(r"[^a-z]+", " ", str(value or "").casefold()).strip()
    if not s:
        return None
    if s in ("afi", "afis") or s.startswith("area"):
        return "area_for_improvement"
    if s in ("coc", "cocs") or s.startswith("cause"):
        return "cause_of_concern"
    if s.startswith("rec"):
        return "recommendation"
    return None


# --- what belongs in the register -----------------------------------------------------------


def applies_to_force(finding: dict, report: dict, force: str) -> bool:
    """The finding is one the force must track: core.forces decides, for the register and
    for ``findings --applies-to`` alike."""
    return finding_applies_to_force(finding, report, force)


# --- sync -----------------------------------------------------------------------------------


@dataclass
class SyncResult:
    added: int = 0
    updated: int = 0
    removed: int = 0
    restored: int = 0
    adopted: int = 0  # manual (imported) entries that a scanned finding now matches
    total: int = 0

    def to_dict(self) -> dict:
        return asdict(self)

    def summary(self) -> str:
        return (f"register: {self.total} entries ({self.added} added, {self.updated} updated, "
                f"{self.removed} marked finding_removed, {self.restored} restored, "
                f"{self.adopted} imported entries matched to scanned findings)")


def _wanted(store: Store, force: str) -> dict[str, dict]:
    reports = {r["url"]: r for r in store.reports(force=force)}
    wanted: dict[str, dict] = {}
    for f in store.findings():
        report = reports.get(f["report_url"])
        if report is None or not applies_to_force(f, report, force):
            continue
        key = entry_key(report["url"], f["kind"], f["text"])
        wanted.setdefault(key, {
            "report_url": report["url"],
            "report_title": report["title"],
            "report_published": report.get("published"),
            "report_year": _year(report.get("published")),
            "kind": f["kind"],
            "number": f.get("number"),
            "finding_title": f.get("title"),
            "finding_text": f["text"],
            "finding_id": f["id"],
        })
    return wanted


_SYNCED = ("report_url", "report_title", "report_published", "report_year", "kind", "number",
           "finding_title", "finding_text", "finding_id")


def sync_register(store: Store, force: str, *, now: str | None = None) -> SyncResult:
    """Bring the register up to date with the findings table (idempotent, one transaction)."""
    if not force or not force_key(force):
        raise RegisterError("no force given: set [force] name in the config or pass --force")
    now = now or utcnow()
    wanted = _wanted(store, force)
    result = SyncResult()
    with store.transaction() as conn:
        existing = {r["key"]: r for r in _rows(store, "SELECT * FROM register_entries")}
        manual = [r for r in existing.values() if r["imported_unmatched"]]
        for key, data in wanted.items():
            row = existing.get(key)
            if row is None:
                row = _adoptable(manual, data)
                if row is not None:
                    manual.remove(row)
                    conn.execute(
                        "UPDATE register_entries SET key = ?, origin = 'scan', imported_unmatched = 0"
                        " WHERE id = ?", (key, row["id"]))
                    result.adopted += 1
            if row is None:
                cur = conn.execute(
                    "INSERT INTO register_entries (key, origin, force, status, finding_removed,"
                    f" imported_unmatched, created_at, updated_at, {', '.join(_SYNCED)})"
                    f" VALUES (?, 'scan', ?, 'open', 0, 0, ?, ?, {', '.join('?' for _ in _SYNCED)})",
                    [key, force, now, now, *(data[c] for c in _SYNCED)],
                )
                published = parse_date(data["report_published"])
                _append(conn, int(cur.lastrowid), "open", published.isoformat() if published else now,
                        by="sync", note="raised in the report")
                result.added += 1
                continue
            changes = {c: data[c] for c in _SYNCED if row[c] != data[c]}
            if row["finding_removed"]:
                changes["finding_removed"] = 0
                result.restored += 1
            if changes:
                changes["updated_at"] = now
                sets = ", ".join(f"{c} = ?" for c in changes)
                conn.execute(f"UPDATE register_entries SET {sets} WHERE id = ?",
                             [*changes.values(), row["id"]])
                if set(changes) - {"finding_id", "updated_at", "finding_removed"}:
                    result.updated += 1
        for key, row in existing.items():
            if row["origin"] == "scan" and key not in wanted and not row["finding_removed"]:
                conn.execute(
                    "UPDATE register_entries SET finding_removed = 1, finding_id = NULL,"
                    " updated_at = ? WHERE id = ?", (now, row["id"]))
                result.removed += 1
        result.total = conn.execute("SELECT count(*) FROM register_entries").fetchone()[0]
    return result


def _adoptable(manual: list[dict], data: dict) -> dict | None:
    candidates = [m for m in manual if _same_report(m, data["report_url"], data["report_title"])]
    best = _best_match(normalise(data["finding_text"]), candidates)
    return best


# --- history --------------------------------------------------------------------------------


def _append(conn, entry_id: int, status: str, at: str, *, by: str | None, note: str | None) -> dict:
    cur = conn.execute(
        "INSERT INTO register_history (entry_id, at, status, by, note) VALUES (?, ?, ?, ?, ?)",
        (entry_id, at, status, by, note),
    )
    latest = conn.execute(
        "SELECT status, at FROM register_history WHERE entry_id = ? ORDER BY at DESC, id DESC LIMIT 1",
        (entry_id,),
    ).fetchone()
    conn.execute(
        "UPDATE register_entries SET status = ?, status_at = ?, updated_at = ? WHERE id = ?",
        (latest[0], latest[1], utcnow(), entry_id),
    )
    return {"id": int(cur.lastrowid), "entry_id": entry_id, "at": at, "status": status,
            "by": by, "note": note}


def check_not_before_published(entry: dict, day: date | None) -> None:
    """A status cannot change before its report existed (one rule for set and import)."""
    published = parse_date(entry.get("report_published"))
    if day is not None and published is not None and day < published:
        raise RegisterError(
            f"{day:%d/%m/%Y} is before the report was published ({published:%d/%m/%Y})")


def set_status(store: Store, entry_id: int, status: str, *, by: str | None, note: str | None,
               at: date | datetime | str | None = None) -> dict:
    """Record a status for an entry (a new history row; nothing is overwritten). Takes what
    a spreadsheet import takes: "Closed", "complete", 11/12/2025, 11 December 2025."""
    parsed = parse_status(status)
    if parsed is None:
        raise RegisterError(f"unknown status {status!r}: use open or closed (or words like Closed, Complete, In progress)")
    when = _at(at)
    with store.transaction() as conn:
        rows = _rows(store, "SELECT * FROM register_entries WHERE id = ?", [entry_id])
        if not rows:
            raise RegisterError(f"no register entry {entry_id}; see `hmicfrs-watch register list`")
        check_not_before_published(rows[0], parse_date(when))
        return _append(conn, int(entry_id), parsed, when, by=by, note=note)


def _record_fields(conn, entry: dict, updates: dict, *, at: str, by: str | None, note: str | None) -> None:
    """Change an entry's owner/notes and keep each change as a history row (old -> new)."""
    changed = {k: v for k, v in updates.items() if (entry.get(k) or None) != (v or None)}
    if not changed:
        return
    conn.execute(
        f"UPDATE register_entries SET {', '.join(f'{k} = ?' for k in changed)}, updated_at = ?"
        " WHERE id = ?", [*(v or None for v in changed.values()), utcnow(), entry["id"]])
    for k, v in changed.items():
        conn.execute(
            "INSERT INTO register_field_history (entry_id, at, field, old, new, by, note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)", (entry["id"], at, k, entry.get(k) or None, v or None, by, note))
        entry[k] = v or None


def set_fields(store: Store, entry_id: int, *, by: str | None = None, note: str | None = None,
               **fields) -> None:
    """Update an entry's owner and/or notes (each change a history row)."""
    fields = {k: v for k, v in fields.items() if k in ("owner", "notes") and v is not None}
    if not fields:
        return
    with store.transaction() as conn:
        rows = _rows(store, "SELECT * FROM register_entries WHERE id = ?", [entry_id])
        if not rows:
            raise RegisterError(f"no register entry {entry_id}")
        _record_fields(conn, rows[0], fields, at=utcnow(), by=by, note=note)


def history(store: Store, entry_id: int | None = None, *, fields: bool = True) -> list[dict]:
    """Status rows (``status``) and, with ``fields``, owner/notes changes (``field``, ``old``,
    ``new``; ``status`` None), oldest first."""
    where, params = "", []
    if entry_id is not None:
        where = " WHERE entry_id = ?"
        params.append(entry_id)
    rows = _rows(store, "SELECT * FROM register_history" + where, params)
    if fields:
        for r in rows:
            r["field"] = "status"
        rows += [dict(r, status=None) for r in _rows(store, "SELECT * FROM register_field_history" + where, params)]
        rows.sort(key=lambda r: (r["entry_id"], r["at"], r["field"] != "status", r["id"]))
    else:
        rows.sort(key=lambda r: (r["entry_id"], r["at"], r["id"]))
    return rows


# --- queries --------------------------------------------------------------------------------


def _rows(store: Store, sql: str, params=()) -> list[dict]:
    cur = store.conn.execute(sql, list(params))
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _decorate(row: dict) -> dict:
    row["finding_removed"] = bool(row["finding_removed"])
    row["imported_unmatched"] = bool(row["imported_unmatched"])
    closed = row["status"] == "closed"
    row["closed_date"] = ((row.get("status_at") or "")[:10] or None) if closed else None
    return row


def list_entries(store: Store, *, status: str | None = None, year: int | None = None) -> list[dict]:
    """Register entries, by report year then report and finding order."""
    where, params = [], []
    if status:
        if status not in STATUSES:
            raise RegisterError(f"status must be one of {', '.join(STATUSES)}")
        where.append("status = ?")
        params.append(status)
    if year is not None:
        where.append("report_year = ?")
        params.append(int(year))
    sql = "SELECT * FROM register_entries"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY report_year IS NULL, report_year, report_published, report_url, kind, number, id"
    return [_decorate(r) for r in _rows(store, sql, params)]


def get_entry(store: Store, entry_id: int) -> dict | None:
    rows = _rows(store, "SELECT * FROM register_entries WHERE id = ?", [entry_id])
    return _decorate(rows[0]) if rows else None


def open_by_year(store: Store, at: date | str, *, now: date | str | None = None) -> dict:
    """Open entries by report year at ``at`` (e.g. the previous committee meeting) and now.

    Computed from the status history: an entry counts as open at a date when its latest
    history row on or before that date says open. ``now`` defaults to the current status.
    Returns ``{"previous_date", "now_date", "rows": [{"year", "previous", "now"}],
    "totals": {"previous", "now"}}``; years with nothing open at either date are left out,
    entries without a report year count under "unknown".
    """
    prev_day = _day(at, "at")
    now_day = _day(now, "now") if now is not None else None

    def status_on(day: date) -> dict[int, str]:
        out: dict[int, str] = {}
        for r in _rows(store, "SELECT entry_id, status FROM register_history"
                       " WHERE substr(at, 1, 10) <= ? ORDER BY entry_id, at, id", [day.isoformat()]):
            out[r["entry_id"]] = r["status"]  # the last row per entry wins
        return out

    entries = _rows(store, "SELECT id, report_year, status FROM register_entries")
    before = status_on(prev_day)
    current = status_on(now_day) if now_day else {e["id"]: e["status"] for e in entries}
    counts: dict = defaultdict(lambda: [0, 0])
    for e in entries:
        year = e["report_year"] if e["report_year"] is not None else "unknown"
        if before.get(e["id"]) == "open":
            counts[year][0] += 1
        if current.get(e["id"]) == "open":
            counts[year][1] += 1
    years = sorted((y for y in counts if counts[y] != [0, 0]), key=lambda y: (isinstance(y, str), y))
    rows = [{"year": y, "previous": counts[y][0], "now": counts[y][1]} for y in years]
    return {
        "previous_date": prev_day.isoformat(),
        "now_date": (now_day or datetime.now(UTC).date()).isoformat(),
        "rows": rows,
        "totals": {"previous": sum(r["previous"] for r in rows), "now": sum(r["now"] for r in rows)},
    }


def _day(value, name: str) -> date:
    d = parse_date(value)
    if d is None:
        raise RegisterError(f"{name}: {value!r} is not a date")
    return d


# --- spreadsheet ----------------------------------------------------------------------------

EXPORT_COLUMNS = ["id", "report", "report url", "report year", "published", "kind", "number",
                  "finding", "status", "owner", "notes", "closed date", "flags"]

_ALIASES = {
    "id": ("id", "register id", "entry id", "register ref"),
    "report": ("report", "report title", "publication", "title", "report name", "inspection"),
    "report_url": ("report url", "url", "link", "report link"),
    "year": ("report year", "year"),
    "published": ("published", "report date", "publication date", "date published", "date"),
    "kind": ("kind", "type", "finding type"),
    "finding": ("finding", "finding text", "recommendation", "recommendation afi", "text",
                "description", "recommendation area for improvement", "afi"),
    "status": ("status", "state", "rag"),
    "owner": ("owner", "lead", "action owner", "responsible officer"),
    "notes": ("notes", "note", "comments", "update", "progress"),
    "closed": ("closed date", "date closed", "closed", "closure date", "completed", "date completed"),
}


def _header_map(headers: list[str]) -> dict[str, str]:
    """Our field -> the sheet's column name."""
    norm = {re.sub(r"[^a-z0-9]+", " ", (h or "").casefold()).strip(): h for h in headers}
    found: dict[str, str] = {}
    for fieldname, aliases in _ALIASES.items():
        for a in aliases:
            if a in norm and norm[a] not in found.values():
                found[fieldname] = norm[a]
                break
    return found


def _unguard(value) -> str:
    s = str(value or "").strip()
    if len(s) > 1 and s[0] == "'" and s[1] in "=+-@\t\r":
        s = s[1:]
    return s


XLSX_SUFFIXES = (".xlsx", ".xlsm")
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # the old binary .xls


def _decode(raw: bytes, name: str) -> str:
    """Spreadsheet text as Excel and LibreOffice save it: UTF-8 (with or without BOM),
    UTF-16 ("Unicode text"), or Windows-1252. Anything else is not a text sheet."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise RegisterError(f"{name}: not readable as UTF-16 text") from None
    if b"\x00" in raw[:4096]:
        raise RegisterError(f"{name}: this is not a CSV or Excel (.xlsx) file (it holds binary data); "
                            "save the sheet as .xlsx or CSV")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "cp1252" and sum(ch < " " and ch not in "\t\r\n" for ch in text[:4096]) > 2:
            break
        return text
    raise RegisterError(f"{name}: this is not a CSV or Excel (.xlsx) file; save the sheet as .xlsx or CSV")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if (value.hour, value.minute, value.second) == (0, 0, 0) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(path: Path, sheet: str | None) -> tuple[list[str], list[tuple[int, dict]]]:
    """The first sheet (or `sheet`) of a workbook: headers in row 1, as the CSV reader."""
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - zip, XML or openpyxl's own: all "cannot read it"
        reason = f"{type(exc).__name__}: {exc}" if not isinstance(exc, zipfile.BadZipFile) else str(exc)
        raise RegisterError(f"{path.name}: not a readable Excel workbook ({reason[:200]})") from None
    try:
        if sheet is not None and sheet not in wb.sheetnames:
            raise RegisterError(f"{path.name}: no sheet {sheet!r}; sheets: {', '.join(wb.sheetnames)}")
        ws = wb[sheet] if sheet is not None else wb.worksheets[0]
        it = ws.iter_rows(values_only=True)
        header = next(it, None) or ()
        headers = [_cell(h).strip() for h in header]
        rows = []
        for n, values in enumerate(it, start=2):
            row = {h: _cell(v) for h, v in zip(headers, values) if h}
            if any(v.strip() for v in row.values()):
                rows.append((n, row))
        return headers, rows
    finally:
        wb.close()


def _read_sheet(path: Path, sheet: str | None = None) -> tuple[list[str], list[tuple[int, dict]]]:
    """The sheet's headers and its non-empty rows, each with its spreadsheet row number."""
    raw = path.read_bytes()
    if raw.startswith(_ZIP) or path.suffix.lower() in XLSX_SUFFIXES:
        return _read_xlsx(path, sheet)
    if sheet is not None:
        raise RegisterError(f"--sheet goes with an Excel workbook (.xlsx), not {path.name}")
    if raw.startswith(_OLE):
        raise RegisterError(f"{path.name}: an old Excel .xls file; save it as .xlsx or CSV")
    text = _decode(raw, path.name)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
        rows = [(n, r) for n, r in enumerate(reader, start=2)  # row 1 is the header
                if any((v or "").strip() for v in r.values() if isinstance(v, str))]
    except csv.Error as exc:
        raise RegisterError(f"{path.name}: not a readable CSV file ({exc})") from None
    return list(reader.fieldnames or []), rows


def _same_report(entry: dict, url: str | None, title: str | None) -> bool:
    if url and publication_key(entry.get("report_url")) == publication_key(url):
        return True
    if title:
        a, b = normalise(entry.get("report_title")), normalise(title)
        if a and b and (a == b or _ratio(a, b) >= MATCH_RATIO):
            return True
    return False


COMPARISONS = 0  # candidates examined and fuzzy comparisons made: the import's cost (see tests)


def _ratio(a: str, b: str) -> float:
    global COMPARISONS
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    COMPARISONS += 1
    m = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if m.real_quick_ratio() < MATCH_RATIO or m.quick_ratio() < MATCH_RATIO:
        return 0.0
    return m.ratio()


def _best_match(text: str, candidates: list[dict], *, kind: str | None = None) -> dict | None:
    """The candidate whose finding text (or title) matches best, if >= MATCH_RATIO and unique."""
    global COMPARISONS
    COMPARISONS += len(candidates)
    scored = []
    for c in candidates:
        score = max(_ratio(text, normalise(c.get("finding_text"))),
                    _ratio(text, normalise(c.get("finding_title"))))
        if score >= MATCH_RATIO:
            scored.append((score, kind is not None and c.get("kind") == kind, c))
    if not scored:
        return None
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    if len(scored) > 1 and scored[0][:2] == scored[1][:2] and scored[0][2]["id"] != scored[1][2]["id"]:
        return None  # ambiguous: two entries match equally well
    return scored[0][2]


class _Index:
    """The register entries, looked up the way a sheet row names them, in O(1) per row.

    Exact lookups (id; report URL or normalised report title together with the normalised
    finding text) are dictionaries. Fuzzy matching is only ever against *scanned* entries:
    a report title against the distinct titles of scanned reports (memoised per title), a
    finding against the scanned findings of that report. Entries the import itself creates
    are matched exactly, so a sheet of thousands of unmatched rows stays linear.
    """

    def __init__(self, entries: list[dict]):
        self.by_id: dict[int, dict] = {}
        self.exact: dict[tuple[str, str, str], list[dict]] = defaultdict(list)  # (how, report, text)
        self.scanned_by: dict[tuple[str, str], list[dict]] = defaultdict(list)  # (how, report)
        self.scanned: list[dict] = []
        self.scanned_titles: set[str] = set()
        self._title_memo: dict[str, list[str]] = {}
        for e in entries:
            self.add(e)

    def add(self, e: dict) -> None:
        self.by_id[e["id"]] = e
        reports = [("url", _norm_url(e.get("report_url"))), ("title", normalise(e.get("report_title")))]
        reports = [(how, r) for how, r in reports if r]
        texts = {normalise(e.get("finding_text")), normalise(e.get("finding_title"))} - {""}
        for t in texts:
            self.exact[("any", "", t)].append(e)
            for how, r in reports:
                self.exact[(how, r, t)].append(e)
        if e.get("origin") == "scan":
            self.scanned.append(e)
            for how, r in reports:
                self.scanned_by[(how, r)].append(e)
                if how == "title" and r not in self.scanned_titles:
                    self.scanned_titles.add(r)
                    self._title_memo.clear()

    def _titles_like(self, title: str) -> list[str]:
        """Scanned report titles within MATCH_RATIO of `title` (itself included if scanned)."""
        if title not in self._title_memo:
            self._title_memo[title] = [t for t in self.scanned_titles if _ratio(title, t) >= MATCH_RATIO]
        return self._title_memo[title]

    def match(self, text: str, url: str, report: str, kind: str | None) -> dict | None:
        norm = normalise(text)
        if not (url or report):
            exact = self.exact.get(("any", "", norm), [])
            return _best_match(norm, exact or self.scanned, kind=kind)
        keys = [("url", _norm_url(url))] if url else []
        title = normalise(report)
        if title:
            keys += [("title", t) for t in {title, *self._titles_like(title)}]
        found: dict[int, dict] = {}
        for how, r in keys:
            found.update((e["id"], e) for e in self.exact.get((how, r, norm), []))
        if found:
            return _best_match(norm, list(found.values()), kind=kind)
        candidates: dict[int, dict] = {}
        for key in keys:
            candidates.update((e["id"], e) for e in self.scanned_by.get(key, []))
        return _best_match(norm, list(candidates.values()), kind=kind)


@dataclass
class ImportResult:
    rows: int = 0
    matched: int = 0
    status_changes: int = 0
    updated: int = 0
    unmatched: list[dict] = field(default_factory=list)  # {row, report, finding, entry_id, reason}
    problems: list[dict] = field(default_factory=list)  # {row, problem}
    conflicts: list[dict] = field(default_factory=list)  # {rows, entry_id, problem}

    def to_dict(self) -> dict:
        return asdict(self)

    def summary(self) -> str:
        return (f"import: {self.rows} rows, {self.matched} matched, {self.status_changes} status "
                f"changes, {self.updated} owner/notes updates, {len(self.unmatched)} unmatched "
                f"(kept as manual entries flagged imported_unmatched), {len(self.conflicts)} conflicts "
                f"(not applied), {len(self.problems)} problems")


def import_csv(store: Store, path: str | PathLike[str], *, by: str | None = "import",
               now: str | None = None, sheet: str | None = None) -> ImportResult:
    """Apply the liaison officer's spreadsheet (CSV or .xlsx) to the register, in one
    transaction. Two rows that match one entry are a conflict: neither is applied."""
    path = Path(path)
    try:
        headers, rows = _read_sheet(path, sheet)
    except OSError as exc:
        raise RegisterError(f"cannot read {path}: {exc}") from exc
    cols = _header_map(headers)
    if "finding" not in cols and "id" not in cols:
        raise RegisterError(
            f"{path.name}: no 'finding' (or 'id') column; columns found: {', '.join(map(str, headers))}")
    now = now or utcnow()
    result = ImportResult()
    note = f"imported from {path.name}"
    with store.transaction() as conn:
        index = _Index([_decorate(r) for r in _rows(store, "SELECT * FROM register_entries")])
        plans = []  # (row number, getter, entry or None, target, status, closed, report, url, text)
        for n, raw in rows:
            result.rows += 1
            plan = _plan_row(n, raw, cols, index, result)
            if plan is not None:
                plans.append(plan)
        by_target = _flag_conflicts(plans, result)
        for plan in plans:
            if len(by_target[plan[3]]) == 1:
                _apply_row(conn, plan, cols, index, result, now=now, by=by, note=note)
    return result


def _plan_row(n: int, raw: dict, cols: dict, index: _Index, result: ImportResult) -> tuple | None:
    """Read one spreadsheet row and match it to its register entry (or to a new manual
    one); None, with the problem recorded, when the row cannot be applied at all."""
    def get(f):
        return _unguard(raw.get(cols[f])) if f in cols else ""

    report, url, text = get("report"), get("report_url"), get("finding")
    if report.startswith(("http://", "https://")) and not url:
        report, url = "", report
    status_text, closed_text = get("status"), get("closed")
    status = parse_status(status_text) if status_text else None
    if status_text and status is None:
        result.problems.append({"row": n, "problem": f"unknown status {status_text!r}; "
                                "status left as it was (use open or closed)"})
    closed = parse_date(closed_text) if closed_text else None
    if closed_text and closed is None:
        result.problems.append({"row": n, "problem": f"closed date {closed_text!r} is not a "
                                "date; the import time is used"})
    if status is None and closed is not None:
        status = "closed"
    entry = None
    ident = get("id")
    if ident:
        entry = index.by_id.get(int(ident)) if ident.isascii() and ident.isdigit() else None
        if entry is None:
            result.problems.append({"row": n, "problem": f"no register entry with id "
                                    f"{ident!r}; matched by report and finding instead"})
    if entry is None and text:
        entry = index.match(text, url, report, _kind(get("kind")))
    if entry is None and not text:
        result.problems.append({"row": n, "problem": "no finding text and no known id; "
                                "row not applied"})
        result.unmatched.append({"row": n, "report": report or url, "finding": text,
                                 "entry_id": None, "reason": "empty"})
        return None
    target = ("entry", entry["id"]) if entry is not None else ("new", _manual_key(url, report, get("kind"), text))
    return (n, get, entry, target, status, closed, report, url, text)


def _flag_conflicts(plans: list[tuple], result: ImportResult) -> dict:
    """Rows grouped by the entry they would change; every group of more than one is
    recorded as a conflict (and none of its rows is applied)."""
    by_target: dict = defaultdict(list)
    for plan in plans:
        by_target[plan[3]].append(plan[0])
    for target, numbers in by_target.items():
        if len(numbers) > 1:
            entry_id = target[1] if target[0] == "entry" else None
            result.conflicts.append({
                "rows": numbers, "entry_id": entry_id,
                "problem": (f"rows {', '.join(map(str, numbers))} all match "
                            + (f"register entry {entry_id}" if entry_id else "the same new finding")
                            + "; none of them applied: keep one row per finding"),
            })
    return by_target


def _apply_row(conn, plan: tuple, cols: dict, index: _Index, result: ImportResult, *,
               now: str, by: str | None, note: str) -> None:
    """Apply one unconflicted row: a new manual entry, or the owner, notes and status it
    changes on its matched entry."""
    n, get, entry, _target, status, closed, report, url, text = plan
    if closed is not None and status == "closed":
        try:
            check_not_before_published(entry or {"report_published": get("published")}, closed)
        except RegisterError as exc:
            result.problems.append({"row": n, "problem": f"closed date: {exc}; row not applied"})
            return
    if entry is None:
        entry = _manual_entry(conn, raw=get, report=report, url=url, text=text,
                              status=status, closed=closed, now=now, by=by, note=note)
        index.add(entry)
        result.unmatched.append({"row": n, "report": report or url, "finding": text,
                                 "entry_id": entry["id"], "reason": "no matching finding"})
        return
    if entry["imported_unmatched"]:
        result.unmatched.append({"row": n, "report": report or url, "finding": text,
                                 "entry_id": entry["id"],
                                 "reason": "matches an earlier imported entry, not a scanned finding"})
    else:
        result.matched += 1
    updates = {f: get(f) or None for f in ("owner", "notes")
               if f in cols and (entry.get(f) or None) != (get(f) or None)}
    if updates:
        _record_fields(conn, entry, updates, at=now, by=by, note=f"{note}, row {n}")
        result.updated += 1
    if status and status != entry["status"]:
        at = closed.isoformat() if status == "closed" and closed else now
        _append(conn, entry["id"], status, at, by=by, note=f"{note}, row {n}")
        entry["status"] = conn.execute(
            "SELECT status FROM register_entries WHERE id = ?", (entry["id"],)).fetchone()[0]
        result.status_changes += 1


import_sheet = import_csv  # the name says CSV; it reads .xlsx too


def _manual_key(url, report, kind_text, text) -> str:
    kind = _kind(kind_text)
    return "manual:" + hashlib.sha256(
        f"{_norm_url(url)}\n{normalise(report)}\n{kind or ''}\n{normalise(text)}".encode()).hexdigest()[:24]


def _manual_entry(conn, *, raw, report, url, text, status, closed, now, by, note) -> dict:
    published = parse_date(raw("published"))
    year_text = raw("year")
    year = int(year_text) if re.fullmatch(r"[0-9]{4}", year_text or "") else (published.year if published else None)
    kind = _kind(raw("kind"))
    key = _manual_key(url, report, raw("kind"), text)
    cur = conn.execute(
        "INSERT INTO register_entries (key, origin, report_url, report_title, report_published,"
        " report_year, kind, finding_text, status, owner, notes, finding_removed,"
        " imported_unmatched, created_at, updated_at)"
        " VALUES (?, 'import', ?, ?, ?, ?, ?, ?, 'open', ?, ?, 0, 1, ?, ?)",
        (key, url or None, report or None, published.isoformat() if published else None, year,
         kind, text, raw("owner") or None, raw("notes") or None, now, now),
    )
    entry_id = int(cur.lastrowid)
    opened = published.isoformat() if published else (f"{year}-01-01" if year else now)
    _append(conn, entry_id, "open", opened, by=by, note=f"{note} (no matching finding)")
    if status == "closed":
        _append(conn, entry_id, "closed", closed.isoformat() if closed else now, by=by, note=note)
    row = conn.execute("SELECT * FROM register_entries WHERE id = ?", (entry_id,))
    cols = [c[0] for c in row.description]
    return _decorate(dict(zip(cols, row.fetchone())))


def export_rows(store: Store) -> list[dict]:
    out = []
    for e in list_entries(store):
        flags = [f for f in ("finding_removed", "imported_unmatched") if e[f]]
        out.append({
            "id": e["id"],
            "report": e["report_title"],
            "report url": e["report_url"],
            "report year": e["report_year"],
            "published": e["report_published"],
            "kind": e["kind"],
            "number": e["number"],
            "finding": e["finding_text"],
            "status": e["status"],
            "owner": e["owner"],
            "notes": e["notes"],
            "closed date": e["closed_date"],
            "flags": " ".join(flags),
        })
    return out


def _guard(value) -> str:
    from core.textsafe import csv_safe

    return csv_safe("" if value is None else value)


def export_csv(store: Store) -> str:
    """The register as CSV text; the caller writes it with a BOM (so Excel reads it as
    UTF-8). The same columns are read back by :func:`import_csv`."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=EXPORT_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in export_rows(store):
        writer.writerow({k: _guard(v) for k, v in row.items()})
    return buf.getvalue()


def export_xlsx(store: Store, path: str | PathLike[str]) -> int:
    """Write the register as an Excel workbook (one sheet "Register", the CSV's columns,
    header frozen, formulas never written as formulas); returns the number of entries."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Register"
    ws.append(EXPORT_COLUMNS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    rows = export_rows(store)
    for row in rows:
        values = []
        for k in EXPORT_COLUMNS:
            v = row[k]
            if isinstance(v, str) and v[:1] in "=+-@":
                v = _guard(v)  # text, never a formula
            values.append(v)
        ws.append(values)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    ws.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHIJKLM", (6, 40, 30, 8, 12, 20, 8, 60, 9, 20, 30, 12, 16)):
        ws.column_dimensions[letter].width = width
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    wb.save(tmp)
    tmp.replace(target)
    return len(rows)


def dumps(rows) -> str:
    return json.dumps(rows, indent=2, ensure_ascii=False, default=str)


def digest_table(store: Store, force: str, last_meeting: date, *, until: date | None = None) -> dict | None:
    """The digest's table, or None while the register has never been started (an unsynced
    register would show every finding ever made as open). Syncs first, so findings published
    since the last sync count as open now. ``until`` before today is computed from history."""
    if store.conn.execute("SELECT count(*) FROM register_entries").fetchone()[0] == 0:
        return None
    sync_register(store, force)
    today = datetime.now(UTC).date()
    return open_by_year(store, last_meeting, now=until if until and until < today else None)
