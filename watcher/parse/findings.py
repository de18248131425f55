"""Blocks -> Findings: the counting rules of docs/counting-rules.md (R1-R8).

The extractor reads wording and document structure only (headings, numbered items,
"should" sentences, bold lead-ins), never CSS class names. One pass over the blocks keeps
a stack of section headings; each heading says whether its section is a list of findings
("Recommendations", "Areas for improvement", "Cause of concern"), a labelled finding
("Recommendation 3"), a review of earlier findings ("Progress against our 2023
recommendations", "Recommendation 3 (2023)", "Status: Incomplete"), or a promising-
practice box. Candidates are then de-duplicated (summary list + chapter repeat), given
addressees (the subject of "should") and deadlines, and checked against what the report
says about itself (parser-health warnings).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from watcher.parse.actors import deadline, resolve_actors, split_subject
from watcher.parse.blocks import Block, html_to_blocks, normalise_space, text_to_blocks
from core.models import Finding, ParseWarning, ParsedFindings
from core.text import finding_key, same_text
from watcher.parse import recognisers
from watcher.parse.recognisers.headings import read_heading
from watcher.parse.recognisers.walk import Walk, _Cand, _State, _is_actor_subject  # the walker's reading state
from watcher.parse.witnesses import FIELD, Stated, Summary, check, kinds_named, stated_warning
from core.vocabulary import (  # noqa: F401  (the wording patterns, one copy)
    LABEL_ONLY,
    REC,
    AFI,
    COC,
    _KIND_NAMES,
    _SINGULAR,
    _NAME_KINDS,
    _LABEL,
    _KIND_WORDS,
    _FINDING_WORDS,
    _REVIEW_HEADING,
    _FINDING_HEADING,
    _STATUS_HEADING,
    _NEW_HEADING,
    _NOTES_HEADING,
    _PRACTICE,
    _STATUS_PARA,
    _LEADIN,
    _STATUS_WORDS,
    _STATUS_HEADER_CELL,
    _PART,
    _LETTER_MARKER,
    _TITLE_LIKE,
    _PROSE_START,
    _CONT_SUBJECT,
    _CONT_START,
    _SENTENCE_MODAL,
    _DATE_LEAD,
    _WE_SUBJECT,
    _REPORTED,
    _NUM_WORDS,
    _NUM_RE,
    _STATED,
    _STATED_MORE,
    _READER_NOTE,
    _STATED_SUBJECT,
    _PAST_REF,
    _PRESENT_SUBJECT,
    _SUBSET,
    _SUBSET_POST,
    _NEGATED,
    _NONE_KIND,
    _NONE_MADE,
    _kind_of,
)

__all__ = [
    "combine",
    "findings_from_blocks",
    "findings_from_html",
    "findings_from_pdf",
    "findings_from_text",
    "match_key",
]

# --------------------------------------------------------------------------- matching keys

def match_key(text: str) -> str:
    """The tolerant key of a finding's text (core/text.py: one definition of "same")."""
    return finding_key(text)


def _strip_label(text: str) -> str:
    m = _LABEL.match(text)
    if m and not m.group("plural") and (m.group("num") or (m.group("sep") or "").strip()):
        return m.group("rest")
    return text


def _same(a: "_Cand", b: "_Cand") -> bool:
    """One finding (R3, R8): same text by core.text.same_text, or two copies of one labelled,
    numbered finding whose wording differs a little (a summary's shortened copy)."""
    ka, kb = a.key, b.key
    if same_text(ka, kb):
        return True
    if not ka or not kb:
        return False
    short, long_ = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    return bool(
        a.labelled and b.labelled and a.number is not None and a.number == b.number
        and len(short) >= 0.6 * len(long_) and len(long_) < 4000
        and SequenceMatcher(None, ka, kb, autojunk=False).ratio() >= 0.8
    )


def _extract(blocks: list[Block], forces: tuple[str, ...]) -> _State:
    """The section walker (registry family ``sections``): one pass over the blocks. A
    heading changes the section stack (recognisers/headings.py); any other block goes to
    the walker steps in READING_ORDER (recognisers.STEPS) until one takes it. The steps
    share one reading state (`Walk`: the stack, the open finding, the box, the table, the
    lead-in), because what a block means depends on the blocks before it."""
    w = Walk(blocks)
    for i, b in enumerate(blocks):
        if not w.enter(b):
            continue  # a footnote, or an empty block
        if read_heading(w, i, b):
            continue
        at = w.at(i, b)
        if at.practice or w.box_practice:
            continue
        any(step.read(w, at) for step in recognisers.STEPS)  # the first step that takes it reads it
    # drop labels that never got text (a heading "Recommendation 1" with nothing under it)
    w.st.cands = [c for c in w.st.cands if c.text.strip()]
    return w.st



def _dedupe(cands: list[_Cand]) -> list[_Cand]:
    for c in cands:
        c.text = normalise_space(c.text)
        c.key = match_key(_strip_label(c.text))
    out: list[_Cand] = []
    by_key: dict[tuple[str, str], _Cand] = {}
    fuzzy = len(cands) <= 600
    for c in cands:
        hit = by_key.get((c.kind, c.key))
        if hit is None and fuzzy:
            for k in out:
                if k.kind == c.kind and _same(k, c):
                    hit = k
                    break
        if hit is None:
            out.append(c)
            by_key[(c.kind, c.key)] = c
            continue
        # R3: one finding; keep the fuller text, one number, any title
        if len(c.text) > len(hit.text):
            hit.text, hit.key, hit.subject = c.text, c.key, c.subject or hit.subject
            by_key[(c.kind, c.key)] = hit
        if hit.number is None or (c.labelled and not hit.labelled and c.number is not None):
            hit.number = c.number if c.number is not None else hit.number
        hit.labelled = hit.labelled or c.labelled
        hit.title = hit.title or c.title
    return out


_STOP = set("the a an of and or to for in on with by its their force service forces how it is be".split())


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2}


def _apply_titles(afis: list[_Cand], titles: list[_Cand]) -> tuple[list[_Cand], int]:
    """Summary lists of AFI (or cause-of-concern) titles: attach as titles; count them only when
    no finding text of that kind exists."""
    if not titles:
        return afis, 0
    seen: set[str] = set()
    uniq = []
    for t in titles:
        k = match_key(t.text)
        if k and k not in seen:
            seen.add(k)
            uniq.append(t)
    if not afis:
        for t in uniq:
            t.title = t.text
        return uniq, 0
    unmatched = 0
    for t in uniq:
        ts = _stems(t.text)
        if not ts:
            continue
        best, best_score = None, 0.0
        for a in afis:
            if a.title and match_key(a.title) == match_key(t.text):
                best, best_score = a, 1.0
                break
            score = len(ts & _stems((a.title or "") + " " + a.text)) / len(ts)
            if score > best_score:
                best, best_score = a, score
        if best is not None and best_score >= 0.6:
            if not best.title:
                best.title = t.text
        else:
            unmatched += 1
    return afis, unmatched


def findings_from_blocks(
    blocks: list[Block], *, source: str, forces=(), title: str = ""
) -> ParsedFindings:
    """Apply the counting rules to a report's blocks: the section walker reads, the other
    recognisers fill what it left empty, the witnesses check the result."""
    forces = tuple(f for f in (forces or ()) if isinstance(f, str) and f.strip())
    st = _extract(blocks, forces)
    doc = recognisers.Doc(blocks, forces, title)
    extra = recognisers.run(doc)
    cands = _dedupe(st.cands)
    summaries = _summaries(extra)
    st.titles.extend(_Cand(kind=c.kind, text=c.text, order=c.order, sec=-1, title_only=True)
                     for c in extra if c.title_only)
    cands, fill_warnings = _fill_gaps(cands, extra, summaries, st)
    unmatched_titles = 0
    for kind in (AFI, COC):
        mine = [c for c in cands if c.kind == kind]
        mine, unmatched = _apply_titles(mine, [t for t in st.titles if t.kind == kind])
        if not any(s.kind == kind for s in summaries):
            unmatched_titles += unmatched  # a summary list's own count check says it (witnesses.check)
        cands = [c for c in cands if c.kind != kind] + mine
    dropped: dict[str, int] = {}
    for kind in st.none_made:
        if any(x.kind == kind for x in st.stated):
            continue  # it also states a number of them: the "no" is about something narrower
        n = sum(1 for c in cands if c.kind == kind)
        if n:
            dropped[kind] = n
            cands = [c for c in cands if c.kind != kind]
    cands.sort(key=lambda c: c.order)
    findings = _to_findings(cands, forces, source)
    named = kinds_named(((b.text, i) for i, b in enumerate(blocks)
                         if b.kind in ("paragraph", "item") and b.container != "footnote"
                         and not doc.section_of[i].reviewing),
                        lambda i: doc.section_of[i].where()) if len(forces) == 1 else {}
    counts = {k: _count(findings, k) for k in (REC, AFI, COC)}
    # a report that reviews earlier findings may name a kind it makes none of (R1)
    mentioned = set() if st.review_seen else st.mentioned
    warnings: list[ParseWarning | str] = check(counts, st.stated, summaries, named, mentioned, st.negated,
                                               _labels(extra))
    warnings.extend(fill_warnings)
    for kind, n in dropped.items():
        warnings.append(ParseWarning(
            kind="none_made", field=FIELD[kind], expected=0, found=n, where="report text",
            message=f"Report says it makes no new {_KIND_NAMES[kind]}; {n} quoted or reviewed "
                    f"{_SINGULAR[kind] if n == 1 else _KIND_NAMES[kind]} not counted"))
    if unmatched_titles:
        warnings.append(ParseWarning(
            kind="summary_titles_unmatched", field="areas_for_improvement", found=unmatched_titles,
            where="a summary list of titles",
            message=f"{unmatched_titles} summary title{' was' if unmatched_titles == 1 else 's were'} "
                    "not matched to an area for improvement or cause of concern in the report body"))
    return ParsedFindings(findings=findings, warnings=warnings)


def _summaries(extra: list["recognisers.Candidate"]) -> list[Summary]:
    """One witness per summary list: how many findings of one kind it names."""
    by_where: dict[tuple[str, str], int] = {}
    for c in extra:
        if c.recogniser == "summary_list":
            by_where[(c.kind, c.where)] = by_where.get((c.kind, c.where), 0) + 1
    return [Summary(kind=k, num=n, where=w) for (k, w), n in by_where.items()]


def _labels(extra: list["recognisers.Candidate"]) -> list[Summary]:
    """Per kind, how many distinct numbered labels the report gives its own findings."""
    nums: dict[str, set[int]] = {}
    first: dict[str, str] = {}
    for c in extra:
        if c.recogniser == "labelled" and c.number is not None:
            nums.setdefault(c.kind, set()).add(c.number)
            first.setdefault(c.kind, c.where)
    return [Summary(kind=k, num=len(v), where=first[k]) for k, v in nums.items()]


def _fill_gaps(cands: list[_Cand], extra: list["recognisers.Candidate"], summaries: list[Summary],
               st: _State) -> tuple[list[_Cand], list[ParseWarning]]:
    """Recognisers other than the walker add findings only where it read nothing: full-text
    summary items of a kind it read none of, and unlabelled "The force should" paragraphs
    when it read no finding at all. An unlabelled reading no witness confirms is a doubt."""
    warnings: list[ParseWarning] = []
    have = {c.kind for c in cands}
    for kind in (REC, AFI, COC):
        if kind in have:
            continue
        items = [c for c in extra if c.kind == kind and c.recogniser == "summary_list" and not c.title_only]
        for c in items:
            ss = split_subject(c.text)
            if ss and _is_actor_subject(ss[0], False):
                cands.append(_Cand(kind=kind, text=c.text, order=c.order, sec=-1, subject=ss[0]))
    if not cands and not st.review_seen and not st.none_made:
        loose = [c for c in extra if c.recogniser == "force_should"]
        if loose:
            cands.extend(_Cand(kind=c.kind, text=c.text, order=c.order, sec=-1,
                               subject=(split_subject(c.text) or ("", ""))[0]) for c in loose)
            cands = _dedupe(cands)
            n = len(cands)
            confirmed = any(w.kind == AFI and w.num == n for w in [*st.stated, *summaries])
            if not confirmed:
                warnings.append(ParseWarning(
                    kind="unlabelled_reading", field="areas_for_improvement", expected=None, found=n,
                    where=loose[0].where,
                    message=f"No finding is labelled; {n} unlabelled 'The force should' paragraph"
                            f"{'s were' if n != 1 else ' was'} read as areas for improvement"))
    return cands, warnings


def _to_findings(cands: list[_Cand], forces: tuple[str, ...], source: str) -> list[Finding]:
    """Candidates -> Finding rows: addressees (R4), chief constables (R5), the force (R7)."""
    single = forces[0] if len(forces) == 1 else None
    findings: list[Finding] = []
    counters = {REC: 0, AFI: 0, COC: 0}
    for c in cands:
        counters[c.kind] += 1
        subject = c.subject
        if not subject:
            ss = split_subject(c.text)
            subject = ss[0] if ss else ""
        if c.owner:
            subject = c.owner
        acts = resolve_actors(subject, forces) if subject else None
        addressees = list(acts.addressees) if acts else []
        applies = acts.applies_to_chief_constables if acts else False
        force = acts.force if acts else None
        if c.kind in (AFI, COC) and single:
            force = single  # R7
            if not addressees:
                addressees = [single]
                applies = "fire" not in single.lower()
        findings.append(
            Finding(
                kind=c.kind,
                text=c.text,
                number=c.number if c.number is not None else counters[c.kind],
                title=c.title or None,
                deadline=(deadline("by " + c.due) if c.due else None) or deadline(c.text),
                addressees=addressees,
                applies_to_chief_constables=bool(applies),
                force=force,
                source=source if source in ("html", "page", "pdf") else "html",
            )
        )
    return findings


def _count(findings: list[Finding], kind: str) -> int:
    return sum(1 for f in findings if f.kind == kind)


# --------------------------------------------------------------------------- entry points


def findings_from_html(html, *, source: str = "html", forces=(), title: str = "") -> ParsedFindings:
    return findings_from_blocks(html_to_blocks(html or ""), source=source, forces=forces, title=title)


def findings_from_text(text: str, *, source: str, forces=(), title: str = "") -> ParsedFindings:
    return findings_from_blocks(text_to_blocks(text or ""), source=source, forces=forces, title=title)


def findings_from_pdf(data: bytes, *, forces=(), title: str = "") -> ParsedFindings:
    """Findings of a PDF report. An unreadable PDF gives no findings and a warning."""
    from watcher.parse.pdf import PdfError, pdf_text

    try:
        text = pdf_text(data)
    except PdfError as exc:
        return ParsedFindings(findings=[], warnings=[ParseWarning(
            kind="pdf_unreadable", field="documents", where="the report's PDF",
            message=f"PDF could not be read: {exc}")])
    return findings_from_text(text, source="pdf", forces=forces, title=title)


_COUNT_KINDS = {v: k for k, v in FIELD.items()}


def combine(results: list[ParsedFindings]) -> ParsedFindings:
    """Rule 8: the HTML report and a PDF of the same report are one report.

    HTML findings are kept as they are; a finding from another source is added only if no
    finding of the same kind matches it (core/text.py: tolerant of line wrapping,
    hyphenation, quotes and label prefixes). Warnings are merged, and count warnings are
    re-checked against the combined counts (a count one source missed, the other read).
    """
    results = [r for r in results if r is not None]

    def rank(r: ParsedFindings) -> int:
        srcs = {f.source for f in r.findings}
        return 0 if "html" in srcs else 1 if "page" in srcs else 2 if srcs else 3

    ordered = sorted(results, key=rank)  # stable: equal ranks keep their order
    kept: list[Finding] = []
    keyed: list[_Cand] = []
    for r in ordered:
        for f in r.findings:
            c = _Cand(kind=f.kind, text=f.text, order=0, sec=0, number=f.number)
            c.key = match_key(_strip_label(f.text))
            dup = next((k for k in keyed if k.kind == c.kind and _same(k, c)), None)
            if dup is None:
                keyed.append(c)
                kept.append(f)
    warnings: list[ParseWarning | str] = []
    for r in ordered:
        for w in r.warnings:
            w = _recheck(w, kept)
            if w is not None and w not in warnings:
                warnings.append(w)
    return ParsedFindings(findings=kept, warnings=warnings)


def _recheck(w: ParseWarning | str, kept: list[Finding]) -> ParseWarning | str | None:
    """A count warning against the combined findings: gone if they now agree, else restated."""
    if not isinstance(w, ParseWarning) or w.field not in _COUNT_KINDS:
        return w
    kind = _COUNT_KINDS[w.field]
    n = _count(kept, kind)
    if w.kind in ("stated_count", "summary_list") and isinstance(w.expected, int):
        if n == w.expected:
            return None
        if w.kind == "stated_count":
            word = w.message.split(" ")[4] if w.message.startswith("Report says it makes ") else str(w.expected)
            return stated_warning(kind, Stated(kind, w.expected, word, w.where), n)
        return ParseWarning(**{**w.to_dict(), "found": n,
                               "message": w.message.rsplit(";", 1)[0] + f"; {n} were extracted"})
    if w.kind == "kind_named_none_read" and n:
        return None
    return w
