"""One scan: discover -> fetch -> parse -> diff -> store, one transaction per publication.

The scan never concludes anything from a failure: a timeout or a 5xx leaves the stored
record as it was and is reported as an error (the next scan retries it); only a 404 or
410 on the publication page itself is a withdrawal. Discovery's own validators (sitemaps,
feed) are stored only when every publication was processed, so an interrupted scan is
completed by the next one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from store.db import Store
from watcher.config import Config
from watcher.diff import diff, withdrawal
from watcher.discover import Candidate, discover
from watcher.fetch import FetchError, Fetcher
from watcher.blocks import blocks_of
from watcher.findings import combine, findings_from_blocks, findings_from_text
from watcher.models import ChangeEvent, ParsedFindings, Publication
from watcher.pages import parse_publication_page, parse_report_page, read_page
from watcher.pdf import PdfError, pdf_text

log = logging.getLogger(__name__)

MAX_PDFS = 3  # PDFs parsed per publication that has no HTML report
MAX_PDF_BYTES = 40_000_000
MIN_PDF_TEXT = 40  # characters; less than this is an image-only or damaged PDF

Progress = Callable[[str, int, int], None]  # (description, done, total)


@dataclass
class ScanResult:
    """What a scan did; `ok` is False when anything failed (the cron job must hear)."""

    scan_id: int = 0
    discovered: int = 0
    checked: int = 0
    unchanged: int = 0
    new: int = 0
    updated: int = 0
    withdrawn: int = 0
    events: list[ChangeEvent] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    requests: int = 0
    bytes: int = 0
    complete: bool = False
    stored: int = 0  # publications in the database after the scan

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        """One line for a person or a cron mail."""
        if self.new or self.updated or self.withdrawn:
            what = f"{self.new} new, {self.updated} changed, {self.withdrawn} withdrawn"
        else:
            what = "nothing changed"
        line = f"scan: {what} ({self.checked} pages checked, {self.requests} requests)"
        line += f"; {self.stored} publications stored"
        if self.warnings:
            line += f"; {len(self.warnings)} parser warnings"
        if self.errors:
            line += f"; {len(self.errors)} ERRORS"
        return line

    def to_dict(self) -> dict:
        return {
            "scan_id": self.scan_id,
            "ok": self.ok,
            "discovered": self.discovered,
            "checked": self.checked,
            "unchanged": self.unchanged,
            "new": self.new,
            "updated": self.updated,
            "withdrawn": self.withdrawn,
            "stored": self.stored,
            "events": [e.to_dict() for e in self.events],
            "errors": self.errors,
            "warnings": self.warnings,
            "requests": self.requests,
            "bytes": self.bytes,
        }


def make_fetcher(config: Config, *, delay: float | None = None, **kwargs) -> Fetcher:
    ua = None
    if config.contact:
        from watcher import __version__

        ua = f"hmicfrs-watch/{__version__} (+https://github.com/hmicfrs-watch/hmicfrs-watch; {config.contact})"
    return Fetcher(
        config.site,
        delay=config.delay if delay is None else delay,
        user_agent=ua,
        allowed_hosts=config.asset_hosts or None,
        **kwargs,
    )


def run_scan(
    store: Store,
    fetcher: Fetcher,
    site: str,
    *,
    full: bool = False,
    progress: Progress | None = None,
) -> ScanResult:
    """Scan `site` into `store`. Holds the database's run lock for the whole scan."""
    with store.exclusive("scan"):
        return _Scan(store, fetcher, site.rstrip("/"), full, progress).run()


class _Scan:
    def __init__(self, store: Store, fetcher: Fetcher, site: str, full: bool, progress):
        self.store, self.fetcher, self.site, self.full = store, fetcher, site, full
        self.progress = progress or (lambda *_: None)
        self.result = ScanResult()
        self.backfill = False

    def run(self) -> ScanResult:
        res = self.result
        res.scan_id = self.store.start_scan(self.site)
        stats = getattr(self.fetcher, "stats", None)
        before = (_stat(stats, "requests"), _stat(stats, "bytes_downloaded")) if stats else (0, 0)
        status, error = "failed", None
        try:
            known = self.store.known_publications()
            self.backfill = not known
            self.progress("Discovering publications", 0, 0)
            disc = discover(
                self.fetcher,
                self.site,
                known=known,
                sitemap_children=self.store.get_state("sitemap_children", []),
                full=self.full,
            )
            res.errors.extend(disc.errors)
            res.discovered = len(disc.candidates)
            res.complete = disc.complete
            if not disc.candidates and not known:
                res.errors.append(
                    f"found no publications at {self.site}: no sitemap, feed or listing"
                    " answered with publication links"
                )
            todo = self._plan(disc.candidates, known, disc.complete and not disc.unchanged)
            for i, (url, cand) in enumerate(todo, start=1):
                self.progress("Checking publications", i - 1, len(todo))
                self._one(url, cand, known.get(url))
            self.progress("Checking publications", len(todo), len(todo))
            if not res.errors:
                # Only now may discovery be answered 304 next time: all its work is stored.
                with self.store.transaction():
                    for url, (etag, modified) in disc.validators.items():
                        self.store.remember(url, etag, modified)
                    self.store.set_state("sitemap_children", disc.sitemap_children)
            status = "ok" if res.ok else "partial"
            return res
        except KeyboardInterrupt:
            status, error = "interrupted", "interrupted by the user"
            raise
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
            res.errors.append(error)
            raise
        finally:
            res.stored = len(self.store.known_publications())
            if stats is not None:  # this scan's share: one Fetcher may serve several scans
                res.requests = _stat(stats, "requests") - before[0]
                res.bytes = _stat(stats, "bytes_downloaded") - before[1]
            summary = res.to_dict()
            summary.pop("events")
            self.store.finish_scan(res.scan_id, status, summary, error)

    def _plan(
        self, candidates: dict[str, Candidate], known: dict[str, dict], complete: bool
    ) -> list[tuple[str, Candidate | None]]:
        """Which publication pages to fetch: new, changed (lastmod), or gone from the sitemap."""
        todo: list[tuple[str, Candidate | None]] = []
        for url, cand in candidates.items():
            row = known.get(url)
            if row is None or self.full:
                todo.append((url, cand))
            elif cand.lastmod and cand.lastmod != row.get("lastmod"):
                todo.append((url, cand))
        if complete:
            for url, row in known.items():
                if row["status"] == "active" and url not in candidates:
                    todo.append((url, None))  # gone from the sitemap: is it withdrawn?
        return todo

    def _one(self, url: str, cand: Candidate | None, row: dict | None) -> None:
        res = self.result
        lastmod = cand.lastmod if cand else None
        # A sitemap that says the page changed is believed: fetch it whole. Otherwise a
        # conditional request lets an unchanged page cost a 304.
        changed_signal = bool(cand and row and lastmod and lastmod != row.get("lastmod"))
        conditional = row is not None and row["status"] == "active" and not changed_signal
        try:
            resp = self.fetcher.get(url, conditional=conditional, remember=False)
        except FetchError as exc:
            res.errors.append(f"{url}: {exc}")
            return
        res.checked += 1
        if resp.status in (404, 410):
            if row is not None and row["status"] == "active":
                old = self.store.publication_row(url)
                event = withdrawal(old, resp.status)
                self.store.record_withdrawal(url, event, lastmod=lastmod, scan_id=res.scan_id)
                res.events.append(event)
                res.withdrawn += 1
            return
        if resp.not_modified:
            res.unchanged += 1
            self.store.touch_publication(url, lastmod=lastmod)
            return
        if resp.status != 200:
            res.errors.append(f"{url}: HTTP {resp.status}")
            return
        old = self.store.publication_row(url) if row is not None else None
        try:
            pub = self._parse(url, resp.content)
        except Incomplete as exc:
            res.errors.append(f"{exc} (publication {url} not updated; the next scan retries)")
            return
        except Exception as exc:  # a parser bug on one page must not stop the scan
            log.exception("parsing %s failed", url)
            res.errors.append(f"{url}: could not be parsed ({type(exc).__name__}: {exc})")
            return
        events = diff(old, pub)
        if self.backfill:
            # The first scan records the archive: its "new" events are not news.
            for event in events:
                if event.kind == "new":
                    event.details["backfill"] = True
        self.store.save_publication(
            pub,
            events,
            lastmod=lastmod,
            validators={url: (resp.etag, resp.last_modified)},
            scan_id=res.scan_id,
        )
        res.events.extend(events)
        res.warnings.extend(f"{pub.slug}: {w}" for w in pub.warnings)
        if old is None:
            res.new += 1
        elif events:
            res.updated += 1
        else:
            res.unchanged += 1

    def _parse(self, url: str, page: bytes) -> Publication:
        """The page, then its HTML report, else its PDFs -- all of them, or nothing.

        Counts from part of a report are worse than none, so any source that cannot be
        read (timeout, dead link, too large, not a PDF, not a report) raises
        `Incomplete`: the stored record stays as it was and the error is reported.
        """
        parsed = read_page(page)  # parsed once: the page parser and the findings share it
        pub = parse_publication_page(parsed, url)
        if not pub.title or not pub.published:
            raise Incomplete(f"{url}: does not look like a publication page (no title or date)")
        forces = pub.forces + pub.services
        page_result = findings_from_blocks(
            blocks_of(parsed.main), source="page", forces=forces, title=pub.title
        )
        results: list[ParsedFindings] = []
        texts = [pub.text]
        reports = [d for d in pub.documents if d.kind == "html" and self.fetcher.allows(d.url)]
        if reports:
            report = read_page(self._get(reports[0].url))
            title, text = parse_report_page(report)
            if not title or not text:
                raise Incomplete(f"{reports[0].url}: does not look like a report (no title or text)")
            texts.append(text)
            results.append(
                findings_from_blocks(
                    blocks_of(report.main), source="html", forces=forces, title=pub.title
                )
            )
        else:
            pdfs = [d for d in pub.documents if d.kind == "pdf" and self.fetcher.allows(d.url)]
            for doc in pdfs[:MAX_PDFS]:
                got = self._get(doc.url, max_bytes=MAX_PDF_BYTES)
                try:
                    text = pdf_text(got)
                except PdfError as exc:
                    raise Incomplete(f"{doc.url}: {exc}") from None
                if len(text.strip()) < MIN_PDF_TEXT:
                    # An image-only or damaged PDF: no text is not the same as no findings.
                    raise Incomplete(f"{doc.url}: the PDF has no readable text")
                texts.append(text)
                results.append(
                    findings_from_text(text, source="pdf", forces=forces, title=pub.title)
                )
        if results:
            # The report is the authority; the page's own prose only adds findings.
            page_result = ParsedFindings(findings=page_result.findings, warnings=[])
        merged = combine([*results, page_result])
        pub.findings = merged.findings
        pub.warnings = list(dict.fromkeys(merged.warnings))
        pub.text = "\n\n".join(t for t in texts if t)
        return pub

    def _get(self, url: str, max_bytes: int | None = None) -> bytes:
        try:
            resp = self.fetcher.get(url, conditional=False, remember=False, max_bytes=max_bytes)
        except FetchError as exc:
            raise Incomplete(f"{url}: {exc.message}") from None
        if resp.status != 200:
            raise Incomplete(f"{url}: HTTP {resp.status}")
        return resp.content


class Incomplete(Exception):
    """A publication could not be read whole; nothing about it is stored this time."""


def _stat(stats: object, name: str) -> int:
    if isinstance(stats, dict):
        return int(stats.get(name, 0))
    return int(getattr(stats, name, 0))
