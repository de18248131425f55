"""A synthetic HMICFRS site of N publications, in the shapes of the offline mirror.

Every synthetic publication is a copy of one of the mirror's own content files (the
"templates": real-shaped report bodies with recommendations, areas for improvement,
causes of concern, tables, PDF-only publications ...) under a new slug, title and date,
so the scanner meets the same HTML and PDFs it is tested on, only many more of them.
Rendering goes through the mirror's own code (`MirrorPublication` -> `build_site` ->
`MirrorServer`), so sitemaps, feed, listings, ETags and 304s are the mirror's.

Sizes are those of real reports, not of the mirror's short test files: each template's
HTML report is lengthened to 5,000-25,000 words by annex chapters of neutral prose (no
findings, checked by tests/test_bench_synthetic.py), its PDF is 40-150 pages, and every
HTML page carries the furniture of a WordPress theme (inline global styles, emoji and
analytics scripts, a mega-menu), so a publication page is about 30 KB.

PDFs are not rendered per publication: each template's long PDF is rendered once with
fpdf2, cached under bench/results/tmp/pdfs/, and every synthetic publication made from
that template gets its bytes, by seeding the mirror's PDF cache under the synthetic
source's digest. After the first run, generation of N=5000 takes seconds.

    python bench/synthetic.py --n 5000 --check      # build once, check sitemap pagination
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import statistics
import sys
import time
from functools import lru_cache
from datetime import date, datetime, time as dtime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from watcher.mirror import build_pdfs  # noqa: E402
from watcher.mirror.content import MirrorPublication, load_publications  # noqa: E402
from watcher.mirror.render import HTML, SITEMAP_MAX, Resource, build_site  # noqa: E402

#: A fixed nonce and build time, so rebuilding the same publications gives the same bytes
#: (a real WordPress rotates its nonce; `run.py` measures that case separately).
NONCE = "b3nchn0nce"
BUILT_AT = datetime(2025, 11, 20, 6, 0, tzinfo=timezone.utc)
NEWEST = date(2025, 11, 14)
SPAN_DAYS = 20 * 365  # the archive spans ~20 years whatever N
PDF_ONLY_EVERY = 10  # every 10th publication (offset 3) whose template has an HTML report
                     # and a PDF is published as a PDF only
REPORT_WORDS = (5_000, 25_000)  # words of an HTML report (uniform per template)
PDF_PAGES = (40, 150)  # pages of a report PDF (uniform per template)
PDF_CACHE = Path(__file__).resolve().parent / "results" / "tmp" / "pdfs"
LONG_PDF_VERSION = "1"  # bump when `render_long_pdf` changes


# --- realistic length: neutral prose --------------------------------------------------

# Words chosen to carry no finding: no modal verbs ("should", "must"), no "recommend",
# "improve", "concern", "priority", "expect", no force names, no dates.
_SUBJECTS = ["The inspection team", "Officers in the control room", "Staff we spoke with",
             "Neighbourhood teams", "The data we examined", "Supervisors on the late shift",
             "Partner agencies", "Members of the public", "The case files we reviewed",
             "Call handlers", "Senior leaders", "Analysts in the performance unit"]
_VERBS = ["described", "reviewed", "showed us", "discussed", "recorded", "explained",
          "referred to", "talked about", "set out", "gave examples of", "noted", "outlined"]
_OBJECTS = ["the process for allocating incidents", "how information is shared between teams",
            "the training available to new recruits", "the volume of calls received each week",
            "the arrangements for out-of-hours cover", "the systems used to record crime",
            "the way demand changes across the year", "the structure of local teams",
            "the use of overtime at weekends", "the role of volunteers and special constables",
            "the layout of the custody suites", "the survey of local residents"]
_TAILS = ["during our fieldwork.", "in the interviews we held.", "in the documents provided.",
          "across the areas we visited.", "over the period we examined.",
          "in each of the focus groups.", "when we visited the stations.",
          "in the sample of records.", "in the questionnaires returned.", "in some detail."]
_ANNEX_TITLES = ["About the data", "Methodology", "Fieldwork", "Glossary of terms",
                 "Survey results", "Context", "Terms of reference", "Demand and resources",
                 "Workforce profile", "Acknowledgements"]


def _sentence(rng: random.Random) -> str:
    return (f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} "
            f"{rng.choice(_TAILS)}")


def prose(rng: random.Random, words: int) -> list[str]:
    """Paragraphs of neutral prose, about `words` words in all."""
    paras, n = [], 0
    while n < words:
        para = " ".join(_sentence(rng) for _ in range(rng.randint(3, 7)))
        paras.append(para)
        n += len(para.split())
    return paras


def _words(html_text: str) -> int:
    return len(re.sub(r"<[^>]+>", " ", html_text).split())


def lengthen(body: str, words: int, seed: str) -> str:
    """`body` followed by annex chapters of neutral prose, to about `words` words."""
    rng = random.Random(seed)
    need = words - _words(body)
    parts, k = [body], 0
    while need > 0:
        chunk = min(need, rng.randint(1200, 2500))
        title = _ANNEX_TITLES[k % len(_ANNEX_TITLES)]
        parts.append(f"<h2>Annex {chr(ord('A') + k % 26)}: {title}</h2>")
        for i, para in enumerate(prose(rng, chunk)):
            if i % 6 == 5:
                parts.append(f"<h3>{title}: part {i // 6 + 1}</h3>")
            parts.append(f"<p>{para}</p>")
        need -= chunk
        k += 1
    return "\n".join(parts)


def render_long_pdf(title: str, subtitle: str, body_html: str, pages: int, seed: str) -> bytes:
    """A report PDF of at least `pages` pages: cover, the body (each chapter on a new
    page, as real reports are set), then annex prose until the page count is reached."""
    from fpdf import FPDF  # test extra; only needed the first time (results are cached)

    class _Pdf(FPDF):
        def footer(self):
            self.set_y(-12)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 6, str(self.page_no()), align="C")

    clean = build_pdfs._clean
    pdf = _Pdf(format="A4")
    pdf.set_creation_date(build_pdfs.CREATION_DATE)
    pdf.set_producer("HMICFRS mirror (fpdf2, bench)")
    pdf.set_title(clean(title))
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_margins(20, 18, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(0, 10, clean(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 12)
    pdf.multi_cell(0, 7, clean(subtitle), new_x="LMARGIN", new_y="NEXT")
    sizes = {1: 16, 2: 14, 3: 12, 4: 11}

    def block(kind: str, level: int, text: str) -> None:
        if kind == "h":
            if level <= 2:
                pdf.add_page()
            pdf.ln(3)
            pdf.set_font("Helvetica", "B", sizes[level])
            pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
            return
        pdf.set_font("Helvetica", "", 10.5)
        indent = 6 * (level + 1) if kind == "li" else 0
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(pdf.epw - indent, 5.5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1 if kind == "li" else 2)

    for kind, level, text in build_pdfs.html_blocks(body_html):
        block(kind, level, text)
    rng = random.Random(seed + ":pdf")
    k = 0
    while pdf.page_no() < pages:
        block("h", 2, f"Appendix {k + 1}: {_ANNEX_TITLES[k % len(_ANNEX_TITLES)]}")
        for para in prose(rng, 1500):
            if pdf.page_no() >= pages:
                break
            block("p", 0, para)
        k += 1
    return bytes(pdf.output())


def _cached_pdf(src, pages: int, seed: str) -> bytes:
    key = hashlib.sha256("\0".join((LONG_PDF_VERSION, src.title, src.subtitle, src.body_html,
                                    str(pages), seed)).encode()).hexdigest()[:32]
    path = PDF_CACHE / f"{key}.pdf"
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = render_long_pdf(src.title, src.subtitle, src.body_html, pages, seed)
    PDF_CACHE.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{id(data)}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return data


@lru_cache(maxsize=1)
def templates() -> tuple[MirrorPublication, ...]:
    """The mirror's live initial-state publications, lengthened to real reports' sizes."""
    out = []
    for t in load_publications():
        if t.withdrawn:
            continue
        rng = random.Random(t.slug)
        words = rng.randint(*REPORT_WORDS)
        out.append(t.replace(body=lengthen(t.body, words, t.slug)))
    return tuple(out)


_template_pdfs: dict[str, bytes] = {}


def _template_bytes(tsrc, template: MirrorPublication) -> bytes:
    """A template's document: its report PDF long (40-150 pages), others as the mirror's."""
    if not (tsrc.is_pdf and tsrc.file == template.pdf_file):
        return build_pdfs.document_bytes(tsrc)
    if tsrc.digest not in _template_pdfs:
        pages = random.Random(template.slug + ":pages").randint(*PDF_PAGES)
        _template_pdfs[tsrc.digest] = _cached_pdf(tsrc, pages, template.slug)
    return _template_pdfs[tsrc.digest]


def _seed_pdfs(pub: MirrorPublication, template: MirrorPublication) -> None:
    """Make `pub`'s documents the bytes of `template`'s (no fpdf2 rendering)."""
    tsrcs = build_pdfs.pdf_sources(template)
    if template.pdf == "none" and pub.pdf != "none":
        # cannot happen: a PDF-only variant is only made from a template with a PDF
        raise ValueError(f"{template.slug} has no PDF to reuse")
    for src, tsrc in zip(build_pdfs.pdf_sources(pub), tsrcs, strict=True):
        if src.is_pdf:
            data = _template_bytes(tsrc, template)  # may take the cache lock: not under it
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


# --- theme furniture -----------------------------------------------------------------

_COLOURS = ["black", "white", "navy", "teal", "cyan-bluish-gray", "pale-pink", "vivid-red",
            "luminous-vivid-orange", "luminous-vivid-amber", "light-green-cyan",
            "vivid-green-cyan", "pale-cyan-blue", "vivid-cyan-blue", "vivid-purple",
            "hmicfrs-blue", "hmicfrs-dark-blue", "hmicfrs-light-blue", "hmicfrs-grey",
            "hmicfrs-light-grey", "hmicfrs-yellow", "hmicfrs-green", "hmicfrs-red"]
_MENU = {"About us": ["Who we are", "What we do", "Our inspectors", "Corporate information",
                      "Working for us", "Freedom of information"],
         "Our work": ["Police inspections", "Fire and rescue inspections", "Thematic inspections",
                      "Joint inspections", "Inspection programme", "Data and statistics"],
         "Publications": ["Reports", "Letters", "Corporate documents", "Consultations",
                          "Data", "Archive"],
         "News": ["Press releases", "Speeches", "Blogs", "Events", "Newsletters", "Media contacts"]}


@lru_cache(maxsize=1)
def _furniture() -> tuple[bytes, bytes, bytes]:
    """(head, header, foot) blocks of a WordPress theme's markup: ~20 KB a page, the same
    on every page (a change detector must ignore it; the nonce varies on its own)."""
    css = [":root{" + "".join(f"--wp--preset--color--{c}: #{(hash_hex(c))};" for c in _COLOURS)
           + "".join(f"--wp--preset--font-size--{s}: {i + 13}px;" for i, s in
                     enumerate(["small", "medium", "large", "x-large", "xx-large"])) + "}"]
    for c in _COLOURS:
        css.append(f".has-{c}-color{{color: var(--wp--preset--color--{c}) !important;}}")
        css.append(f".has-{c}-background-color{{background-color: var(--wp--preset--color--{c})"
                   " !important;}")
        css.append(f".has-{c}-border-color{{border-color: var(--wp--preset--color--{c})"
                   " !important;}")
        for b in ("button",):
            css.append(f".wp-block-{b}.is-style-{c}{{--wp--custom--{b}--accent: var(--wp--preset"
                       f"--color--{c});padding: var(--wp--style--block-gap, 1.5rem);}}")
    head = ('<style id="global-styles-inline-css">\n' + "\n".join(css) + "\n</style>\n"
            '<script id="wp-emoji-settings" type="application/json">{"baseUrl":"https:\\/\\/s.w.org'
            '\\/images\\/core\\/emoji\\/15.0.3\\/72x72\\/","ext":".png","svgUrl":"https:'
            '\\/\\/s.w.org\\/images\\/core\\/emoji\\/15.0.3\\/svg\\/","svgExt":".svg"}</script>\n'
            "<script>\n" + "".join(
                f"window._hm{i}=function(e,t){{var n=document.createElement('canvas');"
                f"return n.getContext&&n.getContext('2d')?e.replace(/[^a-z]/g,'{i}')+t:!1}};\n"
                for i in range(24)) + "</script>\n")
    menu = ['<div class="mega-menu" hidden>']
    for group, items in _MENU.items():
        menu.append(f'<div class="mega-menu__panel"><h2 class="mega-menu__title">{group}</h2><ul>')
        menu += [f'<li class="mega-menu__item"><a href="#{i.lower().replace(" ", "-")}">{i}</a>'
                 f'<p class="mega-menu__blurb">Find out more about {i.lower()}.</p></li>'
                 for i in items]
        menu.append("</ul></div>")
    menu.append("</div>\n")
    foot = ('<div class="analytics-consent" hidden><p>Analytics cookies are off until you accept '
            "them.</p></div>\n<script>\n" + "".join(
                f"(function(w,d,i){{w.dataLayer=w.dataLayer||[];w.dataLayer.push({{event:'hm-{i}',"
                f"ts:+new Date()}});}})(window,document,{i});\n" for i in range(40)) + "</script>\n")
    return head.encode(), "\n".join(menu).encode(), foot.encode()


def hash_hex(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:6]


def furnish(body: bytes) -> bytes:
    """An HTML page of the mirror with the theme's furniture added."""
    head, header, foot = _furniture()
    body = body.replace(b"</head>", head + b"</head>", 1)
    body = body.replace(b"</header>", header + b"</header>", 1)
    return body.replace(b"</body>", foot + b"</body>", 1)


def publish(server, pubs: list[MirrorPublication], *, nonce: str = NONCE,
            built_at: datetime = BUILT_AT) -> None:
    """Serve `pubs` from `server` (a MirrorServer): the mirror's site, its HTML furnished."""
    res = build_site(pubs, base_url=server.url, asset_url=server.asset_url, nonce=nonce,
                     built_at=built_at, sitemap_style=server.sitemap_style)
    for path, r in res.items():
        if r.content_type == HTML and r.status == 200:
            res[path] = Resource(furnish(r.body), r.content_type, r.last_modified,
                                 status=r.status, headers=r.headers, post_id=r.post_id)
    server.set_resources(res)
    server.publications = list(pubs)


def size_summary(resources: dict, pubs: list[MirrorPublication]) -> dict:
    """Medians and ranges of what a scan meets: page KB, report words, PDF pages and KB."""
    def rng(xs):
        xs = sorted(xs)
        return {"median": round(statistics.median(xs), 1), "min": round(xs[0], 1),
                "max": round(xs[-1], 1)} if xs else None

    page_kb = [len(resources[p.path].body) / 1000 for p in pubs if p.path in resources]
    words = [_words(p.body) for p in pubs if p.html_report]
    pdfs = {p.pdf_file for p in pubs if p.pdf != "none"}
    pdf_kb, pdf_pages = [], []
    for f in pdfs:
        r = resources.get(f"/uploads/{f}")
        if r is not None:
            pdf_kb.append(len(r.body) / 1000)
            pdf_pages.append(len(re.findall(rb"/Type\s*/Page\b", r.body)))
    return {"publication_page_kb": rng(page_kb), "html_report_words": rng(words),
            "pdf_kb": rng(pdf_kb), "pdf_pages": rng(pdf_pages)}


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
    res = build_site(pubs, base_url=base_url, asset_url=asset_url, nonce=NONCE, built_at=BUILT_AT)
    return {path: Resource(furnish(r.body), r.content_type, r.last_modified, status=r.status,
                           headers=r.headers, post_id=r.post_id)
            if r.content_type == HTML and r.status == 200 else r for path, r in res.items()}


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
    print(size_summary(res, pubs))
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
