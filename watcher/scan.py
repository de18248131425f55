"""One scan: discover -> fetch -> parse -> diff -> store, one transaction per publication.

The scan never concludes anything from a failure: a timeout or a 5xx leaves the stored
record as it was and is reported as an error (the next scan retries it); only a 404 or
410 on the publication page itself (or a redirect to another publication) is a
withdrawal, and a redirect anywhere else is an error, never the content it left.
Identity is the path on the site (core.identity). Discovery's own validators (sitemaps,
feed) are stored only when every publication was processed, so an interrupted scan is
completed by the next one.
"""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from core.identity import path_key, publication_key
from store.db import Store, StoreError
from watcher.config import Config
from watcher.diff import bounded, diff, withdrawal
from watcher.discover import Candidate, Policy, discover, moved_elsewhere, norm_time
from watcher.fetch import FetchError, Fetcher, Response
from core.models import ChangeEvent, Document, ParseWarning, Publication, counts_of

# Parsing (bs4, lxml, the recognisers) and worker processes are imported where they are
# used: a quiet day's scan reads no page and starts no worker, and their imports were
# most of its CPU (see bench/).
if TYPE_CHECKING:
    from watcher.parse.extract import DocumentsRead, PageRead

log = logging.getLogger(__name__)

MAX_PDFS = 3  # PDFs parsed per publication that has no HTML report
MAX_PDF_BYTES = 40_000_000
MAX_INFLIGHT_BYTES = 64_000_000  # PDFs are large: the parallel window is capped in bytes
POOL_MIN = 200  # publications to read before worker processes are worth starting
MAX_AUTO_WORKERS = 4

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
    workers: int = 1  # processes that parsed pages
    channel: str = ""  # how publications were discovered: rest, sitemaps or listing
    guarantee: str = ""  # how soon an edit is noticed through that channel
    rechecked: int = 0  # stored pages re-read by the rolling re-check (no dates to go by)
    discovery_requests: int = 0  # of `requests`, those discovery made (robots.txt included)
    discovery_bytes: int = 0

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
        if self.channel:
            line += f"; via {self.channel}: {self.guarantee}"
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
            "workers": self.workers,
            "channel": self.channel,
            "guarantee": self.guarantee,
            "rechecked": self.rechecked,
            "discovery_requests": self.discovery_requests,
            "discovery_bytes": self.discovery_bytes,
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
    workers: int | None = 1,
    policy: Policy | None = None,
) -> ScanResult:
    """Scan `site` into `store`. Holds the database's run lock for the whole scan.

    `workers`: processes that parse pages; None lets `workers_for` decide (the CLI does).
    Worker processes are started with "spawn", so a script that passes anything but 1
    needs the usual `if __name__ == "__main__":` guard. `policy`: discovery's channel
    and re-check settings (`Policy.from_config`); the defaults when None.
    """
    with store.exclusive("scan"):
        scan = _Scan(store, fetcher, site.rstrip("/"), full, progress, workers)
        scan.policy = policy or Policy()
        return scan.run()


def workers_for(requested: int | None, fetcher: Fetcher, todo: int) -> int:
    """How many processes should parse pages: one unless parsing would be what waits.

    With a politeness delay (the default 1 s per request) the scan waits on the site and
    one process parses faster than pages arrive. With no delay (a mirror, a benchmark)
    and a backfill-sized job, parsing is the bottleneck: use the cores.
    """
    if requested is not None:
        return max(1, int(requested)) if todo > 1 else 1
    if getattr(fetcher, "delay", 1.0) > 0 or todo < POOL_MIN:
        return 1
    return max(1, min(MAX_AUTO_WORKERS, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                      else (os.cpu_count() or 1)))


class _Scan:
    def __init__(
        self, store: Store, fetcher: Fetcher, site: str, full: bool, progress, workers: int | None
    ):
        self.store, self.fetcher, self.site, self.full = store, fetcher, site, full
        self.workers = workers
        self.progress = progress or (lambda *_: None)
        self.result = ScanResult()
        self.backfill = False
        self.policy = Policy()

    def run(self) -> ScanResult:
        res = self.result
        res.scan_id = self.store.start_scan(self.site)
        stats = getattr(self.fetcher, "stats", None)
        before = (_stat(stats, "requests"), _stat(stats, "bytes_downloaded")) if stats else (0, 0)
        status, error = "failed", None
        try:
            known = self.store.known_publications(self.site)
            self._index(known)
            # Backfill lasts until one scan has been through the whole archive, however
            # often the first is interrupted: till then nothing it records is news.
            self.backfill = not self.store.archive_complete()
            self.progress("Discovering publications", 0, 0)
            disc = discover(
                self.fetcher,
                self.site,
                # In a backfill the listing (if walked) goes to its end: an interrupted
                # first scan left its older pages unread, though the newest are known.
                known={} if self.backfill else known,
                sitemap_children=self.store.get_state("sitemap_children", []),
                full=self.full,
                state=self.store.discovery_state(self.site),
                policy=self.policy,
            )
            res.channel, res.guarantee = disc.channel, disc.guarantee
            if stats is not None:
                res.discovery_requests = _stat(stats, "requests") - before[0]
                res.discovery_bytes = _stat(stats, "bytes_downloaded") - before[1]
            res.errors.extend(_one_line_per_cause(disc.errors))
            if disc.candidates and self.store.follow_site(self.site):
                # The site answered from a new address: stored addresses follow it.
                known = self.store.known_publications(self.site)
                self._index(known)
            res.discovered = len(disc.candidates)
            res.complete = disc.complete
            dead = _unreachable(self.site, disc.errors) if not disc.candidates else None
            if dead:
                res.errors[:] = [dead]
            elif not disc.candidates and not known:
                res.errors.append(
                    f"found no publications at {self.site}: no sitemap, feed or listing"
                    " answered with publication links"
                )
            todo = [] if dead else self._plan(  # a dead site: no page can be had either
                disc.candidates, known, disc.complete and not disc.unchanged, disc.recheck)
            self._process(todo)
            self.progress("Checking publications", len(todo), len(todo))
            if self.backfill and not disc.errors and (disc.candidates or known):
                self.store.mark_archive_complete(res.scan_id)
            if not res.errors:
                # Only now may discovery be answered 304 next time: all its work is stored.
                with self.store.transaction():
                    for url, (etag, modified) in disc.validators.items():
                        self.store.remember(url, etag, modified)
                    self.store.set_state("sitemap_children", disc.sitemap_children)
                    self.store.set_discovery_state(self.site, disc.state)
            status = "ok" if res.ok else "partial"
            return res
        except KeyboardInterrupt:
            status, error = "interrupted", "interrupted by the user"
            raise
        except ScanStopped as exc:
            status, error = "interrupted", str(exc)
            exc.scan_result = res
            raise
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}" if not isinstance(exc, StoreError) else str(exc)
            res.errors.append(error)
            exc.scan_result = res  # type: ignore[attr-defined] - what it did before failing
            raise
        finally:
            self._close_record(res, status, error, stats, before)

    def _close_record(self, res: ScanResult, status: str, error, stats, before) -> None:
        """Write the scan's record with its true totals; a broken database must not mask
        the error that is already on its way up (the next scan closes the record)."""
        try:
            res.stored = len(self.store.known_publications())
            if stats is not None:  # this scan's share: one Fetcher may serve several scans
                res.requests = _stat(stats, "requests") - before[0]
                res.bytes = _stat(stats, "bytes_downloaded") - before[1]
            summary = res.to_dict()
            summary.pop("events")
            self.store.finish_scan(res.scan_id, status, summary, error)
        except (StoreError, sqlite3.Error) as exc:
            log.error("could not record the end of scan %s: %s", res.scan_id, exc)
            if status in ("ok", "partial"):
                raise

    def _index(self, known: dict[str, dict]) -> None:
        """Stored rows by identity (the path), whatever address discovery gives them."""
        self.by_key = {row["key"]: row for row in known.values()}
        self.vanishing = self.store.get_state(VANISHING_STATE, {}) or {}

    def _known(self, url: str) -> dict | None:
        return self.by_key.get(publication_key(url))

    def _plan(
        self, candidates: dict[str, Candidate], known: dict[str, dict], complete: bool,
        recheck: list[str] = (),
    ) -> list[tuple[str, Candidate | None]]:
        """Which publication pages to fetch: new, changed (lastmod), gone from a complete
        list, or due for the rolling re-check (where nothing dates edits)."""
        todo: list[tuple[str, Candidate | None]] = []
        for url, cand in candidates.items():
            row = self._known(url)
            if row is None or self.full:
                todo.append((url, cand))
            elif cand.lastmod and norm_time(cand.lastmod) != norm_time(row.get("lastmod")):
                todo.append((url, cand))
        listed = {publication_key(url) for url in candidates}
        if complete:
            for url, row in known.items():
                if row["status"] == "active" and row["key"] not in listed:
                    todo.append((url, None))  # gone from the list: is it withdrawn?
        planned = {publication_key(url) for url, _ in todo}
        for url in recheck:
            row = known.get(url)
            if row is not None and row["key"] not in planned:
                todo.append((url, candidates.get(url)))
                planned.add(row["key"])
                self.result.rechecked += 1
        for url, row in known.items():
            if row["key"] in self.vanishing and row["key"] not in planned:
                # Its findings read as none once: read it again, whatever discovery says.
                todo.append((url, candidates.get(url)))
        return todo

    # --- one publication: fetch its page, read it, fetch and read its documents, store.

    def _process(self, todo: list[tuple[str, Candidate | None]]) -> None:
        """Check every publication in `todo`, in order; store each one as it completes.

        Parsing is most of a backfill's CPU. When there is a lot of it and no politeness
        delay to hide it behind, worker processes read pages while this process fetches
        and stores (see `workers_for`); the results, the order they are stored in and the
        requests made are the same either way.
        """
        workers = workers_for(self.workers, self.fetcher, len(todo))
        self.result.workers = workers
        done = 0

        def settled() -> None:  # the bar counts publications finished with, not fetched
            nonlocal done
            done += 1
            self.progress("Checking publications", done, len(todo))

        self.progress("Checking publications", 0, len(todo))
        if workers <= 1:
            for url, cand in todo:
                job = self._fetch_page(url, cand, self._known(url))
                if job.stage == "page":
                    self._read_inline(job)
                self._finish(job)
                settled()
            return
        from watcher.parse.extract import read_publication

        with _Pool(workers) as pool:
            pending: deque[_Job] = deque()
            items = iter(todo)
            more = True
            while True:
                # Keep the workers fed: fetch pages while few enough are in flight.
                while more and len(pending) < pool.window and _held(pending) < MAX_INFLIGHT_BYTES:
                    item = next(items, None)
                    if item is None:
                        more = False
                        break
                    job = self._fetch_page(item[0], item[1], self._known(item[0]))
                    if job.stage == "page":
                        job.future = pool.submit(read_publication, job.url, job.page)
                    pending.append(job)
                for job in pending:  # pages read: fetch their documents, queue their reading
                    if job.stage == "page" and job.future.done():
                        self._after_page(job, pool)
                moved = False
                while pending and pending[0].done():
                    self._settle(pending.popleft(), pool)  # stored in the order of `todo`
                    settled()
                    moved = True
                if not pending and not more:
                    return
                if not moved and (not more or len(pending) >= pool.window
                                  or _held(pending) >= MAX_INFLIGHT_BYTES):
                    # Rather than wait, read a page no worker has started (while the
                    # workers start up, say); else wait for any worker to finish one.
                    if not self._steal(pending):
                        wait(
                            [j.future for j in pending if j.stage != "done"],
                            return_when=FIRST_COMPLETED,
                        )

    def _steal(self, pending: deque[_Job]) -> bool:
        """Read here the newest page still queued for a worker; False if there is none."""
        for job in reversed(pending):
            if job.stage == "page" and job.future.cancel():
                self._read_inline(job)
                job.stage = "done"
                return True
        return False

    def _settle(self, job: _Job, pool: _Pool) -> None:
        self._wait(job, pool)
        self._finish(job)

    def _fetch_page(self, url: str, cand: Candidate | None, row: dict | None) -> _Job:
        """Fetch a publication page. What the answer means is settled by `_finish`, in
        order, so that a scan with workers stores and reports in the same order."""
        lastmod = cand.lastmod if cand else None
        # A sitemap that says the page changed is believed: fetch it whole. Otherwise a
        # conditional request lets an unchanged page cost a 304.
        changed_signal = bool(
            cand and row and lastmod and norm_time(lastmod) != norm_time(row.get("lastmod"))
        )
        conditional = row is not None and row["status"] == "active" and not changed_signal
        if row is not None and row["key"] in self.vanishing:
            conditional = False  # the second reading must be a reading, not a 304
        job = _Job(url, row, lastmod)
        try:
            job.resp = self.fetcher.get(url, conditional=conditional, remember=False)
        except FetchError as exc:
            job.fetch_error = f"{url}: {exc}"
            return job
        if job.resp.status == 200 and not job.resp.not_modified:
            job.page, job.stage = job.resp.content, "page"
        return job

    def _documents_to_read(self, pub: Publication) -> tuple[str, list[Document]]:
        """The HTML report if there is one (it is the authority), else up to 3 PDFs."""
        reports = [d for d in pub.documents if d.kind == "html" and self.fetcher.allows(d.url)]
        if reports:
            return "html", reports[:1]
        # a PCC's response is never the report; an easy read or a translation only when
        # nothing else is (watcher.parse.page_documents gives each document its role)
        pdfs = [d for d in pub.documents if d.kind == "pdf" and d.role != "response" and self.fetcher.allows(d.url)]
        main = [d for d in pdfs if d.role == "report"]
        return "pdf", (main or pdfs)[:MAX_PDFS]

    def _fetch_documents(self, job: _Job) -> None:
        pub = job.page_read.pub
        job.kind, docs = self._documents_to_read(pub)
        cap = MAX_PDF_BYTES if job.kind == "pdf" else None
        job.bodies = [(d.url, self._get(d.url, max_bytes=cap, kind=job.kind)) for d in docs]

    def _read_inline(self, job: _Job) -> None:
        from watcher.parse.extract import read_documents, read_publication

        try:
            job.page_read = read_publication(job.url, job.page)
            self._fetch_documents(job)
            if job.bodies:
                job.docs_read = read_documents(job.kind, job.bodies, **job.who())
        except Exception as exc:  # noqa: BLE001 - any failure is this publication's error
            job.error = exc

    def _after_page(self, job: _Job, pool: _Pool) -> None:
        """The page has been read (in a worker): fetch its documents, queue their reading."""
        from watcher.parse.extract import read_documents

        try:
            job.page_read = pool.result(job.future)
            self._fetch_documents(job)
        except Exception as exc:  # noqa: BLE001
            job.error, job.stage = exc, "done"
            return
        if job.bodies:
            job.future = pool.submit(read_documents, job.kind, job.bodies, **job.who())
            job.stage = "documents"
        else:
            job.stage = "done"

    def _wait(self, job: _Job, pool: _Pool) -> None:
        if job.stage == "page":
            wait([job.future])  # its errors are taken by _after_page
            self._after_page(job, pool)
        if job.stage == "documents":
            try:
                job.docs_read = pool.result(job.future)
            except Exception as exc:  # noqa: BLE001
                job.error = exc
            job.stage = "done"

    def _finish(self, job: _Job) -> None:
        """Settle one publication: withdrawn, unchanged, an error, or read whole (store it)."""
        from watcher.parse.extract import Incomplete, assemble

        res = self.result
        url, row, resp = job.url, job.row, job.resp
        if resp is None:
            res.errors.append(job.fetch_error)
            return
        res.checked += 1
        if self._moved(job):
            return
        if resp.status in (404, 410):
            if row is not None and row["status"] == "active":
                old = self.store.publication_row(url)
                event = withdrawal(old, resp.status)
                self.store.record_withdrawal(url, event, lastmod=job.lastmod, scan_id=res.scan_id)
                res.events.append(event)
                res.withdrawn += 1
            return
        if resp.not_modified:
            res.unchanged += 1
            self.store.touch_publication(url, lastmod=job.lastmod)
            return
        if resp.status != 200:
            res.errors.append(f"{url}: HTTP {resp.status}")
            return
        moved = page_redirect_problem(resp)
        if moved:
            res.errors.append(f"{moved}; the stored record is kept")
            return
        exc = job.error
        if isinstance(exc, Incomplete):
            res.errors.append(f"{exc} (publication {job.url} not updated; the next scan retries)")
            return
        if exc is not None:  # a parser bug on one page must not stop the scan
            log.error("parsing %s failed", job.url, exc_info=exc)
            res.errors.append(f"{job.url}: could not be parsed ({type(exc).__name__}: {exc})")
            return
        self._pdf_witness(job)
        pub = bounded(assemble(job.page_read, job.docs_read))
        old = self.store.publication_row(job.url) if row is not None else None
        if self._findings_vanish(old, pub):
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
            lastmod=job.lastmod,
            validators={job.url: (resp.etag, resp.last_modified)},
            scan_id=res.scan_id,
        )
        res.events.extend(events)
        from watcher.parse.witnesses import warning_line

        res.warnings.extend(f"{pub.slug}: {warning_line(w)}" for w in pub.warnings)
        if old is None:
            res.new += 1
        elif events:
            res.updated += 1
        else:
            res.unchanged += 1

    def _findings_vanish(self, old: dict | None, pub: Publication) -> bool:
        """Findings never go to zero without a witness. True: keep the stored record.

        A report that had findings and now reads none is more often a page that broke
        (a redirect, a theme change, a truncated report) than a report that lost them.
        The first such reading is a warning and changes nothing; the next scan reads the
        page again, and only if it agrees is the loss recorded.
        """
        key = publication_key(pub.url)
        had = old is not None and any(counts_of(old.get("findings") or []).values())
        if not had or pub.findings:
            if key in self.vanishing:
                self.vanishing.pop(key)
                self._save_vanishing()
            return False
        if key in self.vanishing and self.vanishing[key].get("scan_id") != self.result.scan_id:
            self.vanishing.pop(key)  # a second reading agrees: record the loss
            self._save_vanishing()
            return False
        before = counts_of(old.get("findings") or [])
        warning = ParseWarning(
            kind="findings_vanished",
            message=(
                f"the report had {sum(before.values())} findings and now reads none; the "
                "stored findings are kept until the next scan reads the same"
            ),
            field="recommendations",
            expected=sum(before.values()),
            found=0,
            where=pub.url,
        )
        self.vanishing[key] = {"scan_id": self.result.scan_id, "counts": before}
        self._save_vanishing()
        self.store.add_warning(pub.url, warning.to_dict())
        self.result.warnings.append(f"{pub.slug}: {warning.message}")
        self.result.unchanged += 1
        return True

    def _save_vanishing(self) -> None:
        with self.store.transaction():
            self.store.set_state(VANISHING_STATE, self.vanishing)

    def _moved(self, job: _Job) -> bool:
        """A publication that now redirects to a DIFFERENT publication is withdrawn, with
        where it points (WordPress's guess for a missing slug); the records stay apart."""
        resp = job.resp
        target = moved_elsewhere(job.url, resp.final_url, self.site)
        if target is None:
            return False
        row = job.row
        if row is not None and row["status"] == "active":
            event = withdrawal(self.store.publication_row(job.url), resp.status)
            event.details["moved_to"] = target
            self.store.record_withdrawal(job.url, event, lastmod=job.lastmod,
                                         scan_id=self.result.scan_id)
            self.result.events.append(event)
            self.result.withdrawn += 1
        return True

    def _pdf_witness(self, job: _Job) -> None:
        """When the HTML report's reading is in doubt (extract.needs_pdf_witness), fetch and
        read its PDF too, as a second witness; a PDF that cannot be had leaves the HTML
        reading and its warnings as they are."""
        from watcher.parse.extract import Incomplete, needs_pdf_witness, read_documents

        if not needs_pdf_witness(job.page_read, job.docs_read, job.kind):
            return
        pdfs = [d for d in job.page_read.pub.documents
                if d.kind == "pdf" and d.role == "report" and self.fetcher.allows(d.url)]
        try:
            bodies = [(d.url, self._get(d.url, max_bytes=MAX_PDF_BYTES, kind="pdf")) for d in pdfs[:MAX_PDFS]]
            job.docs_read.witness = read_documents("pdf", bodies, **job.who()).results
        except Incomplete as exc:
            log.info("PDF witness not read: %s", exc)

    def _get(self, url: str, max_bytes: int | None = None, kind: str = "") -> bytes:
        from watcher.parse.extract import Incomplete

        try:
            resp = self.fetcher.get(url, conditional=False, remember=False, max_bytes=max_bytes)
        except FetchError as exc:
            raise Incomplete(f"{url}: {exc.message}") from None
        if resp.status != 200:
            raise Incomplete(f"{url}: HTTP {resp.status}")
        moved = document_redirect_problem(resp, kind)
        if moved:
            raise Incomplete(moved)
        return resp.content


class ScanStopped(Exception):
    """Raised from a progress callback to stop a scan at the next publication boundary."""


#: State key: publications whose findings read as none once, waiting for a second reading.
VANISHING_STATE = "findings_vanishing"


def page_redirect_problem(resp: Response) -> str | None:
    """Why a publication page that answered through a redirect is not that publication.

    A redirect that only changes scheme, host or trailing slash is the same publication
    (identity is the path); one to the home page, a listing or another publication is
    not its content, and must not be read as it.
    """
    if publication_key(resp.final_url) == publication_key(resp.url):
        return None
    return f"{resp.url}: redirects to {resp.final_url}, which is not this publication"


def document_redirect_problem(resp: Response, kind: str) -> str | None:
    """Why a report or PDF that answered through a redirect is not that document.

    The HTML report must stay on its own path. A PDF may move (a download link that
    redirects to the file on the asset host), but what answers must be a PDF.
    """
    if path_key(resp.final_url) == path_key(resp.url):
        return None
    if kind == "pdf" and (resp.content_type == "application/pdf" or resp.content[:5] == b"%PDF-"):
        return None
    what = "the report" if kind == "html" else "a PDF"
    return f"{resp.url}: redirects to {resp.final_url}, which is not {what}"


@dataclass
class _Job:
    """One publication on its way through a scan: page fetched, read, documents, done."""

    url: str
    row: dict | None  # as stored before this scan
    lastmod: str | None  # the sitemap's
    resp: Response | None = None
    fetch_error: str = ""
    page: bytes = b""  # a page to read (a 200)
    stage: str = "done"  # a page to read: page -> documents -> done
    future: Any = None
    page_read: PageRead | None = None
    kind: str = ""
    bodies: list[tuple[str, bytes]] = field(default_factory=list)
    docs_read: DocumentsRead | None = None
    error: BaseException | None = None

    def who(self) -> dict:
        pub = self.page_read.pub
        return {"forces": pub.forces + pub.services, "title": pub.title}

    def size(self) -> int:
        """Bytes held in memory for this publication (the window is capped in bytes too)."""
        return len(self.page) + sum(len(b) for _, b in self.bodies)

    def done(self) -> bool:
        return self.stage == "done" or (self.stage == "documents" and self.future.done())


def _held(pending: deque[_Job]) -> int:
    """Page and document bytes held by the publications in flight."""
    return sum(job.size() for job in pending)


class _Pool:
    """Worker processes that parse; if one dies (out of memory, a crash in a C library),
    the work it held is redone in this process, so a scan never fails for it."""

    def __init__(self, workers: int):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        self.window = 8 * workers  # publications in flight: workers stay busy, memory bounded
        self.broken = False
        self.executor = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("spawn"), initializer=_worker_init
        )

    def submit(self, fn: Callable, *args, **kwargs) -> Future:
        from concurrent.futures.process import BrokenProcessPool

        if not self.broken:
            try:
                future = self.executor.submit(fn, *args, **kwargs)
                future.call = (fn, args, kwargs)  # type: ignore[attr-defined]
                return future
            except BrokenProcessPool:
                self._broke()
        future = Future()
        future.call = (fn, args, kwargs)  # type: ignore[attr-defined]
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:  # noqa: BLE001 - delivered through the future, as a worker's
            future.set_exception(exc)
        return future

    def result(self, future: Future) -> Any:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return future.result()
        except BrokenProcessPool:
            self._broke()
            fn, args, kwargs = future.call  # type: ignore[attr-defined]
            return fn(*args, **kwargs)

    def _broke(self) -> None:
        if not self.broken:
            log.warning("a parsing worker process died; parsing in the scan's own process")
        self.broken = True

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, exc_type, *_) -> None:
        # On an interrupt, do not wait for queued work: what was stored is kept.
        self.executor.shutdown(wait=exc_type is None, cancel_futures=True)


def _worker_init() -> None:
    """Ctrl-C is the scan's to handle (it stops cleanly); workers ignore it. And a worker
    whose scan was killed (SIGKILL, the OOM killer, a service manager's timeout) exits
    rather than wait for work forever: its task queue never reports end-of-file, because
    the worker holds both ends of that pipe."""
    import multiprocessing
    import multiprocessing.connection

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:

        def exit_with_the_scan() -> None:
            multiprocessing.connection.wait([parent.sentinel])
            os._exit(1)

        threading.Thread(target=exit_with_the_scan, name="scan-watch", daemon=True).start()


def _unreachable(site: str, errors: list[str]) -> str | None:
    """One line for a site that answered nothing at all (a dead or mistyped --site).

    robots.txt is asked first, and when it cannot be fetched every channel fails with
    that same cause: say it once, with what to check.
    """
    marker = "unavailable ("
    causes = {e[e.index(marker) + len(marker):] for e in errors if "robots.txt for " in e and marker in e}
    if not errors or len(causes) != 1 or not all("robots.txt for " in e for e in errors):
        return None
    cause = causes.pop().removesuffix("; treating the host as disallowed for now").removesuffix(")")
    return f"cannot reach {site}: {cause}; nothing was changed (check --site or [site] url)"


def _one_line_per_cause(errors: list[str]) -> list[str]:
    """Errors that share one cause are one line: a host's robots.txt failure is reported
    by every discovery channel that tried, and a person needs to read it once."""
    out: list[str] = []
    causes: set[str] = set()
    for err in errors:
        at = err.find("robots.txt for ")
        cause = err[at:] if at >= 0 else err
        if cause not in causes:
            causes.add(cause)
            out.append(err)
    return out


def _stat(stats: object, name: str) -> int:
    if isinstance(stats, dict):
        return int(stats.get(name, 0))
    return int(getattr(stats, name, 0))
