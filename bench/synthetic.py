"""A synthetic HMICFRS site of N publications, in the shapes of the offline mirror.

Every synthetic publication is a copy of one of the mirror's own content files (the
"templates": real-shaped report bodies with recommendations, areas for improvement,
causes of concern, tables, PDF-only publications ...) under a new slug, title and date,
so the scanner meets the same HTML and PDFs it is tested on, only many more of them.
Rendering goes through the mirror's own code (`MirrorPublication` -> `build_site` ->
`MirrorServer`), so sitemaps, feed, listings, ETags and 304s are the mirror's.

PDFs are not rendered per publication: each synthetic PDF gets the bytes of its
template's committed PDF (watcher/mirror/pdfs/), by seeding the mirror's PDF cache
under the synthetic source's digest. Generation of N=5000 therefore takes seconds.

    python bench/synthetic.py --n 5000 --check      # build once, check sitemap pagination
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from datetime import date, datetime, time as dtime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from watcher.mirror import build_pdfs  # noqa: E402
from watcher.mirror.content import MirrorPublication, load_publications  # noqa: E402
from watcher.mirror.render import SITEMAP_MAX, build_site  # noqa: E402

#: A fixed nonce and build time, so rebuilding the same publications gives the same bytes
#: (a real WordPress rotates its nonce; `run.py` measures that case separately).
NONCE = "b3nchn0nce"
BUILT_AT = datetime(2025, 11, 20, 6, 0, tzinfo=timezone.utc)
NEWEST = date(2025, 11, 14)
SPAN_DAYS = 20 * 365  # the archive spans ~20 years whatever N
PDF_ONLY_EVERY = 10  # every 10th publication (offset 3) whose template has an HTML report
                     # and a PDF is published as a PDF only


def templates() -> list[MirrorPublication]:
    """The mirror's initial-state publications that are live (not withdrawn)."""
    return [p for p in load_publications() if not p.withdrawn]


def _template_bytes(tsrc) -> bytes:
    return build_pdfs.document_bytes(tsrc)


def _seed_pdfs(pub: MirrorPublication, template: MirrorPublication) -> None:
    """Make `pub`'s documents the bytes of `template`'s (no fpdf2 rendering)."""
    tsrcs = build_pdfs.pdf_sources(template)
    if template.pdf == "none" and pub.pdf != "none":
        # cannot happen: a PDF-only variant is only made from a template with a PDF
        raise ValueError(f"{template.slug} has no PDF to reuse")
    for src, tsrc in zip(build_pdfs.pdf_sources(pub), tsrcs, strict=True):
        if src.is_pdf:
            data = _template_bytes(tsrc)  # takes the cache lock itself: not under it
            with build_pdfs._cache_lock:
                build_pdfs._cache[src.digest] = data


def make_publications(n: int, *, seed_pdfs: bool = True) -> list[MirrorPublication]:
    """N publications, newest first, cycling through the templates."""
    temps = templates()
    out: list[MirrorPublication] = []
    for i in range(n):
        t = temps[i % len(temps)]
        slug = f"{t.slug}-{i:05d}"
        published = NEWEST - timedelta(days=(i * SPAN_DAYS) // max(n, 1))
        lastmod = datetime.combine(published + timedelta(days=i % 5), dtime(9, 30), timezone.utc)
        changes = dict(
            slug=slug,
            title=f"{t.title} (no. {i})",
            published=published,
            lastmod=lastmod,
            pdf_file="",
            pdf_title="",
            post_id=0,
            source=f"synthetic:{t.slug}",
            extra_documents=[
                {**d, "file": f"s{i:05d}-{d['file']}"} for d in t.extra_documents
            ],
        )
        if i % PDF_ONLY_EVERY == 3 and t.html_report and t.pdf == "report":
            changes.update(html_report=False, pdf="only")
        pub = t.replace(**changes)
        pub.post_id = 0
        pub.pdf_file = f"{slug}.pdf" if pub.pdf != "none" else ""
        pub.pdf_title = f"{pub.title} (PDF document)" if pub.pdf != "none" else ""
        pub.__post_init__()
        if seed_pdfs:
            _seed_pdfs(pub, t)
        out.append(pub)
    return out


def template_of(pub: MirrorPublication) -> MirrorPublication:
    name = pub.source.removeprefix("synthetic:")
    for t in templates():
        if t.slug == name:
            return t
    raise KeyError(name)


_SHOULD = re.compile(r"\bshould\b")


def change_publications(
    pubs: list[MirrorPublication], k: int = 10, *, days: int = 3
) -> tuple[list[MirrorPublication], list[str]]:
    """A copy of the site where `k` publications changed: lastmod bumped, body altered.

    The alteration rewords one finding ("should" -> "must, as a priority,"), chosen so
    the parser's findings really change (checked with `findings_from_html` on the
    report body), i.e. each altered publication is worth exactly one findings_changed
    event. Only publications with an HTML report are picked, spread over the archive.
    Returns (new list, changed slugs).
    """
    from watcher.parse.findings import findings_from_html

    def keys(body: str) -> set:
        return {(f.kind, " ".join(f.text.split())) for f in findings_from_html(body).findings}

    step = max(1, len(pubs) // (k * 3))
    chosen: dict[int, MirrorPublication] = {}
    tried_templates: dict[str, bool] = {}
    order = list(range(1, len(pubs), step))
    order += [i for i in range(len(pubs)) if i not in set(order)]
    for idx in order:
        if len(chosen) == k:
            break
        p = pubs[idx]
        if not p.html_report or not _SHOULD.search(p.body):
            continue
        new_body = _SHOULD.sub("must, as a priority,", p.body, count=1)
        ok = tried_templates.get(p.source)
        if ok is None:
            ok = tried_templates[p.source] = keys(new_body) != keys(p.body)
        if not ok:
            continue
        new = p.replace(body=new_body, lastmod=p.lastmod + timedelta(days=days))
        _seed_pdfs(new, template_of(p))
        chosen[idx] = new
    if len(chosen) < k:
        raise RuntimeError(f"only {len(chosen)} publications could be changed")
    out = [chosen.get(i, p) for i, p in enumerate(pubs)]
    return out, [p.slug for p in chosen.values()]


def check_sitemaps(resources: dict, n_live: int) -> dict:
    """Does the built site paginate core sitemaps at 2000 URLs, as WordPress does?"""
    children = sorted(
        (k for k in resources if re.fullmatch(r"/wp-sitemap-posts-publication-\d+\.xml", k)),
        key=lambda k: int(re.search(r"(\d+)\.xml$", k)[1]),
    )
    counts = [resources[k].body.count(b"<url>") for k in children]
    index = resources["/wp-sitemap.xml"].body.decode()
    listed = all(k in index for k in children)
    expected = max(1, -(-n_live // SITEMAP_MAX))
    return {
        "sitemaps": children,
        "urls_per_sitemap": counts,
        "max_per_sitemap": SITEMAP_MAX,
        "all_in_index": listed,
        "ok": listed and len(children) == expected and sum(counts) == n_live
        and all(c <= SITEMAP_MAX for c in counts),
    }


def build(pubs: list[MirrorPublication], base_url="http://127.0.0.1:1",
          asset_url="http://127.0.0.1:2") -> dict:
    return build_site(pubs, base_url=base_url, asset_url=asset_url, nonce=NONCE, built_at=BUILT_AT)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--check", action="store_true", help="check core sitemap pagination")
    ap.add_argument("--out", help="also write the site's files under this directory")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    pubs = make_publications(args.n)
    t1 = time.perf_counter()
    res = build(pubs)
    t2 = time.perf_counter()
    pdf_only = sum(p.pdf == "only" for p in pubs)
    size = sum(len(r.body) for r in res.values())
    print(f"{args.n} publications ({pdf_only} PDF-only) in {t1 - t0:.2f} s; "
          f"site of {len(res)} resources, {size / 1e6:.1f} MB built in {t2 - t1:.2f} s")
    if args.check:
        print(check_sitemaps(res, len(pubs)))
    if args.out:
        out = Path(args.out)
        for path, r in res.items():
            rel = path.strip("/") or "index"
            dest = out / (rel + ("/index.html" if path.endswith("/") and rel != "index" else ""))
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(r.body)
        print(f"written under {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
