"""'Kestrel' - a WordPress theme of the kind a government web contractor builds.

Header with consent banner and mega-nav, breadcrumb trail, a content column with a
sticky contents rail on reports, and a dense footer.  All HTML of the fixture is made here.
"""
from __future__ import annotations

import hashlib
import html
import json
import re
from datetime import date
from urllib.parse import quote

from .blocks import (F, G, H, L, P, Q, Box, Earlier, EarlierSet, Grades, Notes, Section,
                     SumList, T, Tabs)

SITE_NAME = "His Majesty\u2019s Inspectorate of Constabulary and Fire &amp; Rescue Services"
THEME_VER = "3.8.2"

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def esc(s: str) -> str:
    return html.escape(s, quote=True)


def long_date(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def short_date(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"


def slash_date(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def day_date(d: date) -> str:
    return f"{DAYS[d.weekday()]} {long_date(d)}"


def nonce(*parts) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:10]


def slugify(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


_LINK = re.compile(r"\{\{a\|([^|]+)\|([^}]+)\}\}")
_FN = re.compile(r"\[\[(\d+)\]\]")


def inline(text: str, ctx: dict) -> str:
    s = esc(text)
    s = _LINK.sub(lambda m: f'<a href="{m.group(1)}">{m.group(2)}</a>', s)
    pre = ctx.get("fnpre", "fn")
    s = _FN.sub(lambda m: (f'<sup class="ks-fnref"><a href="#{pre}-{m.group(1)}" '
                           f'id="{pre}ref-{m.group(1)}">{m.group(1)}</a></sup>'), s)
    return s


# --------------------------------------------------------------------------- headings

def heading(text: str, level: int, style: str, id_: str | None = None, cls: str = "") -> str:
    idattr = f' id="{id_}"' if id_ else ""
    t = esc(text)
    if style == "aria":
        c = f"ks-heading ks-heading--{level}" + (f" {cls}" if cls else "")
        return f'<div class="{c}" role="heading" aria-level="{level}"{idattr}>{t}</div>'
    if style == "p":
        c = f"ks-h{level}" + (f" {cls}" if cls else "")
        return f'<p class="{c}"{idattr}><strong>{t}</strong></p>'
    c = f' class="{cls}"' if cls else ""
    return f"<h{level}{idattr}{c}>{t}</h{level}>"


# --------------------------------------------------------------------------- findings

KIND_LABEL = {"rec": "Recommendation", "afi": "Area for improvement", "coc": "Cause of concern"}
TONE = {"rec": "teal", "afi": "amber", "coc": "ruby"}


def label_of(f: F) -> str:
    if f.label:
        return f.label
    base = KIND_LABEL[f.kind]
    if f.num and f.kind == "rec" and f.num.isdigit():
        return f"{base} {f.num}"
    if f.num and f.kind == "afi" and f.num.isdigit():
        return f"{base} {f.num}"
    return base


def code_of(f: F) -> str:
    n = f.num or ""
    if f.kind == "rec":
        return n if n.startswith("R") else f"R{n}"
    if f.kind == "afi":
        return f"AFI {n}"
    return f"CoC {n}"


def body_bits(f: F, ctx: dict) -> str:
    out = [f"<p>{inline(f.text, ctx)}</p>"]
    if f.parts:
        out.append('<ol class="ks-alpha" type="a">' + "".join(
            f"<li>{inline(t, ctx)}</li>" for _, t in f.parts) + "</ol>")
    if f.bullets:
        out.append('<ul class="ks-bullets">' + "".join(
            f"<li>{inline(t, ctx)}</li>" for t in f.bullets) + "</ul>")
    for a in f.after:
        out.append(f"<p>{inline(a, ctx)}</p>")
    return "".join(out)


def render_finding(f: F, style: str, ctx: dict) -> str:
    caps = ctx.get("caps", False)
    lab = label_of(f)
    if caps:
        lab = lab.upper()
    if style == "card":
        inner = [f'<span class="ks-note__label">{esc(lab)}</span>']
        if f.title:
            inner.append(f'<p class="ks-note__lead"><strong>{esc(f.title)}</strong></p>')
        inner.append(body_bits(f, ctx))
        if f.recs:
            sub = "RECOMMENDATIONS" if caps else "Recommendations"
            inner.append(f'<p class="ks-note__sub">{sub}</p>')
            for r in f.recs:
                rl = label_of(r)
                inner.append(f'<div class="ks-note__item"><span class="ks-note__label">'
                             f'{esc(rl.upper() if caps else rl)}</span>{body_bits(r, ctx)}</div>')
        return f'<div class="ks-note ks-note--{TONE[f.kind]}">{"".join(inner)}</div>'
    if style == "accordion":
        t = f' <span class="ks-acc__t">{esc(f.title)}</span>' if f.title else ""
        sep = ":" if f.title else ""
        inner = [body_bits(f, ctx)]
        if f.recs:
            inner.append('<p class="ks-acc__sub"><strong>Recommendations</strong></p>')
            for r in f.recs:
                inner.append(f'<p class="ks-acc__ref">{esc(label_of(r))}</p>{body_bits(r, ctx)}')
        return (f'<details class="ks-acc"><summary class="ks-acc__sum"><span class="ks-acc__k">'
                f'{esc(lab)}{sep}</span>{t}</summary><div class="ks-acc__panel">{"".join(inner)}'
                f"</div></details>")
    if style == "numpara":
        lead = f"<strong>{esc(f.title)}.</strong> " if f.title else ""
        out = [f'<p class="ks-np"><span class="ks-np__n">{esc(code_of(f))}</span> {lead}'
               f'{inline(f.text, ctx)}</p>']
        if f.parts:
            out.append('<ol class="ks-alpha" type="a">' + "".join(
                f"<li>{inline(t, ctx)}</li>" for _, t in f.parts) + "</ol>")
        if f.bullets:
            out.append('<ul class="ks-bullets">' + "".join(
                f"<li>{inline(t, ctx)}</li>" for t in f.bullets) + "</ul>")
        for r in f.recs:
            out.append(render_finding(r, "numpara", ctx))
        return "".join(out)
    if style == "plain":
        lead = f'<p class="ks-lead"><strong>{esc(f.title)}</strong></p>' if f.title else ""
        return lead + body_bits(f, ctx) + "".join(render_finding(r, "plain", ctx) for r in f.recs)
    if style == "flag":
        return (f'<div class="ks-flag"><span class="ks-flag__icon" aria-hidden="true">'
                f'<svg viewBox="0 0 16 16" width="16" height="16"><path d="M2 1v14M2 2h10l-2 3 2 3H2"/>'
                f'</svg></span><div class="ks-flag__body">{body_bits(f, ctx)}</div></div>')
    if style == "manual":
        if f.kind == "coc":
            out = [f'<p class="ks-para"><span class="ks-para__no">{esc(f.num or "")}</span> '
                   f'{inline(f.text, ctx)}</p>']
            if f.recs:
                out.append('<p class="ks-para ks-para--sub"><em>Recommendations</em></p>')
            for r in f.recs:
                out.append(f'<p class="ks-para"><span class="ks-para__no">{esc(r.num or "")}</span> '
                           f'{inline(r.text, ctx)}</p>')
            return "".join(out)
        return (f'<p class="ks-para"><span class="ks-para__no">{esc(f.num or "")}</span> '
                f'{inline(f.text, ctx)}</p>')
    if style == "dl":
        return render_group(G(None, [f], style="dl"), ctx)
    if style in ("ol", "table"):
        return render_group(G(None, [f], style=style), ctx)
    raise ValueError(style)


def render_group(g: G, ctx: dict) -> str:
    style = g.style or ctx["layout"]
    out = []
    if g.title:
        out.append(heading(g.title, 3, ctx["heads"]))
    if g.intro:
        out.append(f"<p>{inline(g.intro, ctx)}</p>")
    if style == "table":
        cols = g.columns
        out.append('<div class="ks-table-wrap" tabindex="0"><table class="ks-table ks-table--striped">'
                   "<thead><tr>" + "".join(f'<th scope="col">{esc(c)}</th>' for c in cols) +
                   "</tr></thead><tbody>")
        for f in g.items:
            cell = body_bits(f, ctx)
            out.append(f'<tr><td>{esc(f.num or "")}</td><td>{cell}</td><td>{esc(f.owner or "")}</td>'
                       f'<td>{esc(f.deadline or "")}</td></tr>')
        out.append("</tbody></table></div>")
    elif style == "dl":
        out.append('<dl class="ks-defs">')
        for f in g.items:
            dt = f.title if (f.kind == "afi" and f.title) else label_of(f)
            out.append(f"<dt>{esc(dt)}</dt><dd>{body_bits(f, ctx)}</dd>")
        out.append("</dl>")
    elif style == "ol":
        out.append('<ol class="ks-numbered">')
        for f in g.items:
            out.append(f"<li>{body_bits(f, ctx)}</li>")
        out.append("</ol>")
    else:
        for f in g.items:
            out.append(render_finding(f, f.style or style, ctx))
    return "".join(out)


# --------------------------------------------------------------------------- other blocks

GRADE_N = {"Outstanding": 5, "Good": 4, "Adequate": 3, "Requires improvement": 2, "Inadequate": 1}


def render_block(b, ctx: dict) -> str:
    if isinstance(b, P):
        if b.cls == "sig":
            return f'<p class="ks-sig">{inline(b.text, ctx)}</p>'
        return f"<p>{inline(b.text, ctx)}</p>"
    if isinstance(b, H):
        return heading(b.text, b.level, ctx["heads"])
    if isinstance(b, L):
        tag = "ol" if b.ordered else "ul"
        return f"<{tag}>" + "".join(f"<li>{inline(i, ctx)}</li>" for i in b.items) + f"</{tag}>"
    if isinstance(b, F):
        return render_finding(b, b.style or ctx["layout"], ctx)
    if isinstance(b, G):
        return render_group(b, ctx)
    if isinstance(b, Box):
        return (f'<aside class="ks-panel ks-panel--practice"><p class="ks-panel__kind">{esc(b.kind)}</p>'
                f'<p class="ks-panel__title">{esc(b.title)}</p>' +
                "".join(f"<p>{inline(p, ctx)}</p>" for p in b.paras) + "</aside>")
    if isinstance(b, EarlierSet):
        if b.style == "cards":
            out = []
            for e in b.items:
                out.append(f'<div class="ks-review"><p class="ks-review__ref">{esc(e.label)}</p>'
                           f'<blockquote class="ks-review__quote"><p>{inline(e.text, ctx)}</p></blockquote>'
                           f'<p class="ks-review__status">Progress: <strong>{esc(e.status)}</strong></p>'
                           + (f"<p>{inline(e.note, ctx)}</p>" if e.note else "") + "</div>")
            return "".join(out)
        h1, h2, h3 = b.headers
        rows = "".join(
            f'<tr><td><p class="ks-review__ref">{esc(e.label)}</p><p>{inline(e.text, ctx)}</p></td>'
            f"<td>{inline(e.note, ctx)}</td><td>Status: {esc(e.status)}</td></tr>" for e in b.items)
        return (f'<div class="ks-table-wrap" tabindex="0"><table class="ks-table"><thead><tr>'
                f'<th scope="col">{esc(h1)}</th><th scope="col">{esc(h2)}</th><th scope="col">{esc(h3)}</th>'
                f"</tr></thead><tbody>{rows}</tbody></table></div>")
    if isinstance(b, Grades):
        cap = f"<caption>{esc(b.caption)}</caption>" if b.caption else ""
        rows = "".join(
            f'<tr><th scope="row">{esc(a)}</th><td><span class="ks-grade ks-grade--{GRADE_N.get(g, 0)}">'
            f"{esc(g)}</span></td></tr>" for a, g in b.rows)
        return (f'<table class="ks-judgments">{cap}<thead><tr><th scope="col">Area</th>'
                f'<th scope="col">Judgment</th></tr></thead><tbody>{rows}</tbody></table>')
    if isinstance(b, Notes):
        pre = ctx.get("fnpre", "fn")
        items = "".join(f'<li id="{pre}-{i}">{inline(t, ctx)} <a href="#{pre}ref-{i}" '
                        f'class="ks-back" aria-label="Back to reference {i}">\u21a9</a></li>'
                        for i, t in enumerate(b.items, 1))
        return f'<div class="ks-footnotes"><p class="ks-footnotes__h">Footnotes</p><ol>{items}</ol></div>'
    if isinstance(b, T):
        cap = f"<caption>{esc(b.caption)}</caption>" if b.caption else ""
        head = "".join(f'<th scope="col">{esc(h)}</th>' for h in b.headers)
        rows = "".join("<tr>" + "".join(f"<td>{inline(c, ctx)}</td>" for c in r) + "</tr>" for r in b.rows)
        return (f'<div class="ks-table-wrap" tabindex="0"><table class="ks-table">{cap}<thead><tr>{head}'
                f"</tr></thead><tbody>{rows}</tbody></table></div>")
    if isinstance(b, Q):
        cite = f'<footer class="ks-quote__cite">\u2013 {esc(b.cite)}</footer>' if b.cite else ""
        return f'<blockquote class="ks-quote"><p>{inline(b.text, ctx)}</p>{cite}</blockquote>'
    if isinstance(b, Tabs):
        base = ctx.get("tabbase", "t")
        tabs, panels = [], []
        for i, (label, inner) in enumerate(b.panels):
            tid, pid = f"{base}-tab-{i}", f"{base}-panel-{i}"
            sel = "true" if i == 0 else "false"
            tabs.append(f'<button type="button" role="tab" id="{tid}" aria-controls="{pid}" '
                        f'aria-selected="{sel}" tabindex="{0 if i == 0 else -1}">{esc(label)}</button>')
            hidden = "" if i == 0 else " hidden"
            panels.append(f'<div role="tabpanel" id="{pid}" aria-labelledby="{tid}" tabindex="0"{hidden}>'
                          + "".join(render_block(x, ctx) for x in inner) + "</div>")
        return (f'<div class="ks-tabs" data-ks-tabs><div role="tablist" class="ks-tabs__list">'
                f'{"".join(tabs)}</div>{"".join(panels)}</div>')
    if isinstance(b, SumList):
        tag = "ol" if b.ordered else "ul"
        return (f"<p>{inline(b.intro, ctx)}</p><{tag} class=\"ks-ticks\">" +
                "".join(f"<li>{inline(i, ctx)}</li>" for i in b.items) + f"</{tag}>")
    raise TypeError(type(b))


# --------------------------------------------------------------------------- page shell

NAV = [("Home", "/"), ("About us", "/about-us/"), ("Our work", "/our-work/"),
       ("Publications", "/publications/"), ("News", "/news/"), ("Contact us", "/contact-us/")]

CSS = """/* Kestrel 3.8 */
:root{--ks-ink:#17212b;--ks-brand:#2b1d5c;--ks-accent:#d4351c;--ks-teal:#00706b;--ks-amber:#b65d00;--ks-ruby:#9b1238}
body{font:16px/1.55 "Source Sans 3",Arial,sans-serif;color:var(--ks-ink);margin:0}
.ks-consent{background:#f3f2f1;padding:1rem}.ks-top{background:var(--ks-brand);color:#fff}
.ks-shell{max-width:72rem;margin:0 auto;padding:0 1rem}.ks-keyfacts{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.75rem}
.ks-keyfacts__cell{border-top:4px solid var(--ks-brand);padding:.5rem}.ks-keyfacts__label{font-size:.8rem;color:#505a5f}
.ks-note{border-left:6px solid;padding:1rem;margin:1.5rem 0}.ks-note--teal{border-color:var(--ks-teal)}.ks-note--amber{border-color:var(--ks-amber)}.ks-note--ruby{border-color:var(--ks-ruby)}
.ks-note__label{font-variant:small-caps;letter-spacing:.06em;font-weight:700;display:block}
.ks-acc{border-bottom:1px solid #b1b4b6}.ks-acc__sum{cursor:pointer;padding:.75rem 0;font-weight:700}
.ks-np__n,.ks-para__no{display:inline-block;min-width:3.5rem;font-weight:700}
.ks-panel--practice{background:#e8f1f8;padding:1rem}.ks-panel__kind{text-transform:uppercase;font-size:.8rem}
.ks-flag{display:flex;gap:.5rem;background:#fff7e6;padding:.75rem}.ks-toc{position:sticky;top:1rem}
.ks-h2{font-size:1.6rem}.ks-h3{font-size:1.25rem}.ks-heading--2{font-size:1.6rem;font-weight:700}.ks-heading--3{font-size:1.25rem;font-weight:700}
.ks-chip{display:inline-block;border:1px solid var(--ks-brand);border-radius:1rem;padding:0 .6rem}
[role=tabpanel][hidden]{display:none}@media print{.ks-top,.ks-foot,.ks-toc,.ks-consent{display:none}}
"""

JS = """(function(){document.documentElement.classList.remove('no-js');
document.querySelectorAll('[data-ks-print]').forEach(function(b){b.addEventListener('click',function(){window.print()})});
document.querySelectorAll('[data-ks-tabs]').forEach(function(t){var tabs=t.querySelectorAll('[role=tab]');
tabs.forEach(function(b){b.addEventListener('click',function(){tabs.forEach(function(o){o.setAttribute('aria-selected','false');
document.getElementById(o.getAttribute('aria-controls')).hidden=true});b.setAttribute('aria-selected','true');
document.getElementById(b.getAttribute('aria-controls')).hidden=false})})});})();
"""


def shell(site: str, *, title: str, body: str, body_class: str, canonical: str, key: str,
          crumbs: list | None = None, head_extra: str = "", aside: str = "",
          shortlink: int | None = None, description: str = "") -> str:
    n1, n2, n3 = nonce("search", key), nonce("consent", key), nonce("rest", key)
    nav = "".join(
        f'<li class="ks-nav__item"><a class="ks-nav__link" href="{site}{h}">{esc(t)}</a></li>' for t, h in NAV)
    crumb_html = ""
    if crumbs:
        items = []
        for i, (t, h) in enumerate(crumbs, 1):
            if h:
                items.append(f'<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem">'
                             f'<a itemprop="item" href="{h}"><span itemprop="name">{esc(t)}</span></a>'
                             f'<meta itemprop="position" content="{i}"></li>')
            else:
                items.append(f'<li aria-current="page" itemprop="itemListElement" itemscope '
                             f'itemtype="https://schema.org/ListItem"><span itemprop="name">{esc(t)}</span>'
                             f'<meta itemprop="position" content="{i}"></li>')
        crumb_html = (f'<nav class="ks-crumbs" aria-label="Breadcrumb"><div class="ks-shell">'
                      f'<ol itemscope itemtype="https://schema.org/BreadcrumbList">{"".join(items)}</ol>'
                      f"</div></nav>")
    short = f'<link rel="shortlink" href="{site}/?p={shortlink}">' if shortlink else ""
    desc = f'<meta name="description" content="{esc(description)}">' if description else ""
    return f"""<!DOCTYPE html>
<html lang="en-GB" class="no-js">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} &#8211; HMICFRS</title>
{desc}
<link rel="canonical" href="{canonical}">
{short}
<link rel="alternate" type="application/rss+xml" title="HMICFRS &raquo; Feed" href="{site}/feed/">
<link rel="https://api.w.org/" href="{site}/wp-json/">
<link rel="EditURI" type="application/rsd+xml" title="RSD" href="{site}/xmlrpc.php?rsd">
<meta name="generator" content="WordPress 6.4.3">
<link rel="stylesheet" id="ks-core-css" href="{site}/wp-content/themes/kestrel/dist/core.min.css?ver={THEME_VER}" media="all">
<link rel="icon" href="{site}/wp-content/themes/kestrel/dist/img/crest-32.png" sizes="32x32">
{head_extra}
<script id="ks-app-js-extra">
var ksApp = {json.dumps({"ajaxUrl": site + "/wp-admin/admin-ajax.php", "restNonce": n3, "consentNonce": n2})};
</script>
</head>
<body class="{body_class} ks-theme">
<a class="ks-skip" href="#main">Skip to main content</a>
<div class="ks-consent" id="ks-consent" role="region" aria-label="Cookies on the HMICFRS website" data-nonce="{n2}">
<div class="ks-shell">
<p class="ks-consent__h"><strong>Cookies on the HMICFRS website</strong></p>
<p>We use some essential cookies to make this website work. We would also like to set analytics cookies to understand how you use the site, so that we can improve it.</p>
<form method="post" action="{site}/wp-admin/admin-post.php" class="ks-consent__form">
<input type="hidden" name="action" value="ks_cookie_consent"><input type="hidden" name="_ksnonce" value="{n2}">
<button class="ks-btn" name="consent" value="accept">Accept analytics cookies</button>
<button class="ks-btn ks-btn--secondary" name="consent" value="reject">Reject analytics cookies</button>
<a href="{site}/cookies/">View cookies</a>
</form>
</div>
</div>
<header class="ks-top">
<div class="ks-shell ks-top__bar">
<a class="ks-top__brand" href="{site}/"><img src="{site}/wp-content/themes/kestrel/dist/img/hmicfrs-logo-white.svg" alt="HMICFRS home" width="220" height="48"></a>
<form role="search" method="get" class="ks-search" action="{site}/">
<label class="ks-vh" for="ks-s">Search this site</label>
<input type="search" id="ks-s" name="s" placeholder="Search">
<input type="hidden" name="_ks_search" value="{n1}">
<button type="submit" class="ks-search__go">Search</button>
</form>
</div>
<nav class="ks-nav" aria-label="Main menu"><div class="ks-shell"><ul class="ks-nav__list">{nav}</ul></div></nav>
</header>
{crumb_html}
<main id="main" class="ks-main" tabindex="-1">
<div class="ks-shell">
{body}
</div>
</main>
{aside}
<footer class="ks-foot">
<div class="ks-shell">
<div class="ks-foot__cols">
<div class="ks-foot__col">
<p class="ks-foot__h">About us</p>
<ul><li><a href="{site}/about-us/">About HMICFRS</a></li><li><a href="{site}/about-us/what-we-do/">What we do</a></li><li><a href="{site}/our-work/">Our work</a></li></ul>
</div>
<div class="ks-foot__col">
<p class="ks-foot__h">Help</p>
<ul><li><a href="{site}/accessibility-statement/">Accessibility statement</a></li><li><a href="{site}/cookies/">Cookies</a></li><li><a href="{site}/privacy-notice/">Privacy notice</a></li><li><a href="{site}/contact-us/">Contact us</a></li></ul>
</div>
<div class="ks-foot__col">
<p class="ks-foot__h">Follow us</p>
<ul><li><a href="https://www.linkedin.com/company/hmicfrs">LinkedIn</a></li><li><a href="https://x.com/hmicfrs">X (formerly Twitter)</a></li><li><a href="{site}/feed/">RSS</a></li></ul>
</div>
</div>
<p class="ks-foot__legal">All content is available under the <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">Open Government Licence v3.0</a>, except where otherwise stated.</p>
<p class="ks-foot__legal">&copy; Crown copyright</p>
</div>
</footer>
<script src="{site}/wp-content/themes/kestrel/dist/app.min.js?ver={THEME_VER}" id="ks-app-js"></script>
</body>
</html>
"""


def latest_aside(site: str, pubs: list, exclude: str) -> str:
    items = [p for p in pubs if p.slug != exclude][:3]
    lis = "".join(f'<li><a href="{site}/publications/{p.slug}/">{esc(p.title)}</a></li>' for p in items)
    return (f'<aside class="ks-more" aria-labelledby="ks-more-h"><div class="ks-shell">'
            f'<p class="ks-more__h" id="ks-more-h">Latest from HMICFRS</p><ul class="ks-more__list">{lis}</ul>'
            f"</div></aside>")


# --------------------------------------------------------------------------- publication page

def applies_text(p) -> list:
    if p.forces:
        return list(p.forces)
    if p.services:
        return list(p.services)
    if p.national:
        return ["All forces in England and Wales"]
    return []


def type_slug(t: str) -> str:
    return slugify(t)


def _doc_meta(kind_ext: str, size: int, pages: int | None) -> str:
    kb = max(1, round(size / 1024))
    sz = f"{kb} KB" if kb < 1024 else f"{kb / 1024:.1f} MB"
    if kind_ext == "csv":
        return f"CSV, {sz}"
    return f"PDF, {sz}, {pages} page{'s' if pages != 1 else ''}"


def meta_block(p, site: str) -> tuple[str, str]:
    """Return (html above the summary, extra head html)."""
    d = p.published
    who = applies_text(p)
    head = ""
    if p.meta == "cards":
        cells = [("Published", f'<time datetime="{d.isoformat()}">{short_date(d)}</time>'),
                 ("Publication type", esc(p.type))]
        if who:
            label = "Force(s) / service(s)" if (p.forces or p.services) else "Applies to"
            if len(who) > 1:
                val = '<ul class="ks-inline">' + "".join(f"<li>{esc(w)}</li>" for w in who) + "</ul>"
            else:
                val = esc(who[0])
            cells.append((label, val))
        if p.joint_with:
            cells.append(("Inspected with", esc(", ".join(p.joint_with))))
        html_ = '<div class="ks-keyfacts">' + "".join(
            f'<div class="ks-keyfacts__cell"><div class="ks-keyfacts__label">{esc(k)}</div>'
            f'<div class="ks-keyfacts__value">{v}</div></div>' for k, v in cells) + "</div>"
    elif p.meta == "chips":
        chips = [f'<li><a class="ks-chip ks-chip--type" rel="tag" href="{site}/publication-type/'
                 f'{type_slug(p.type)}/">{esc(p.type)}</a></li>']
        chips += [f'<li><span class="ks-chip">{esc(w)}</span></li>' for w in who]
        about = ""
        if p.forces or p.services:
            about = f'<p class="ks-standfirst">This report is about {esc(" and ".join(who))}.</p>'
        html_ = (f'<p class="ks-dateline">Date published: {slash_date(d)}</p>'
                 f'<ul class="ks-chips" aria-label="Topics">{"".join(chips)}</ul>{about}')
    elif p.meta == "sentence":
        t = p.type
        if len(t) > 1 and t[1].islower():
            t = t[0].lower() + t[1:]
        joint = f", carried out with {', '.join(p.joint_with)}," if p.joint_with else ""
        if p.forces or p.services:
            s2 = f"This {t}{joint} is about {' and '.join(who)}."
        elif p.national:
            s2 = f"This {t}{joint} applies to all police forces in England and Wales."
        else:
            s2 = f"This is a {t}."
        html_ = f'<p class="ks-standfirst">Published on {day_date(d)}. {esc(s2)}</p>'
    elif p.meta == "ld":
        about = [{"@type": "GovernmentOrganization", "name": w} for w in (p.forces or p.services)]
        ld = {"@context": "https://schema.org", "@type": "Report",
              "headline": p.title, "genre": p.type,
              "datePublished": p.published_dt.isoformat(), "dateModified": p.modified_dt.isoformat(),
              "url": f"{site}/publications/{p.slug}/",
              "publisher": {"@type": "GovernmentOrganization", "name": "HMICFRS",
                            "url": site + "/"}}
        if about:
            ld["about"] = about
        elif p.national:
            ld["spatialCoverage"] = "England and Wales"
            ld["audience"] = {"@type": "Audience", "audienceType": "All police forces"}
        if p.isbn:
            ld["isbn"] = p.isbn
        head = ('<script type="application/ld+json">' +
                json.dumps(ld, ensure_ascii=False).replace("</", "<\\/") + "</script>")
        html_ = f'<p class="ks-byline"><span>Published {short_date(d)}</span></p>'
    else:
        raise ValueError(p.meta)
    return html_, head


def og_tags(p, site: str, url: str) -> str:
    return (f'<meta property="og:locale" content="en_GB">'
            f'<meta property="og:type" content="article">'
            f'<meta property="og:title" content="{esc(p.title)}">'
            f'<meta property="og:url" content="{url}">'
            f'<meta property="og:site_name" content="HMICFRS">'
            f'<meta property="article:published_time" content="{p.published_dt.isoformat()}">'
            f'<meta property="article:modified_time" content="{p.modified_dt.isoformat()}">')


def publication_page(p, site: str, asset: str, files: dict, pubs: list) -> str:
    url = f"{site}/publications/{p.slug}/"
    meta_html, ld = meta_block(p, site)
    eyebrow = f'<p class="ks-eyebrow">{esc(p.type)}</p>' if p.meta == "ld" else ""
    intro = "".join(f"<p>{esc(t)}</p>" for t in p.intro)
    docs = []
    if p.pdf:
        size, pages = files[p.pdf]
        docs.append((p.title, p.pdf, "pdf", size, pages, "en"))
    for d in p.docs:
        size, pages = files[d.file]
        docs.append((d.title, d.file, d.file.rsplit(".", 1)[1], size, pages, d.lang))
    items = []
    for title, fn, ext, size, pages, lang in docs:
        langattr = f' hreflang="{lang}" lang="{lang}"' if lang != "en" else ""
        items.append(f'<li class="ks-file"><span class="ks-file__icon" aria-hidden="true">{ext.upper()}</span>'
                     f'<span class="ks-file__body"><a class="ks-file__link" href="{asset}/uploads/{fn}"{langattr}>'
                     f'{esc(title)}</a><span class="ks-file__meta">{_doc_meta(ext, size, pages)}</span>'
                     f"</span></li>")
    online = ""
    if p.html:
        txt = {"cards": "Read the report online", "chips": "View the online version of this report",
               "sentence": "Read online", "ld": "Read the full report"}[p.meta]
        online = (f'<p class="ks-cta"><a class="ks-btn ks-btn--primary" href="{site}/publication-html/'
                  f'{p.slug}/">{txt}</a></p>')
    docs_html = ""
    if items or online:
        docs_html = (f'<section class="ks-downloads" aria-labelledby="dl-h"><h2 id="dl-h" class="ks-downloads__h">'
                     f'Documents</h2>{online}<ul class="ks-files">{"".join(items)}</ul></section>')
    crumbs = [("Home", f"{site}/"), ("Publications", f"{site}/publications/")]
    if p.meta == "sentence":
        crumbs.append((p.type, f"{site}/publication-type/{type_slug(p.type)}/"))
    crumbs.append((p.title, None))
    body = (f'<article class="ks-pub" id="post-{p.post_id}">{eyebrow}<h1 class="ks-pub__title">{esc(p.title)}</h1>'
            f'{meta_html}<div class="ks-pub__summary">{intro}</div>{docs_html}'
            f'<p class="ks-share"><a href="mailto:?subject={quote(p.title)}&amp;body={quote(url, safe="")}">Share by email</a></p>'
            f"</article>")
    return shell(site, title=p.title, body=body,
                 body_class=f"publication-template-default single single-publication postid-{p.post_id}",
                 canonical=url, key=p.slug, crumbs=crumbs, head_extra=og_tags(p, site, url) + ld,
                 aside=latest_aside(site, pubs, p.slug), shortlink=p.post_id, description=p.summary)


# --------------------------------------------------------------------------- HTML report

def report_date_html(p) -> str:
    d = p.published
    if p.report_date == "on":
        return f'<p class="ks-report__date">Published on: {long_date(d)}</p>'
    if p.report_date == "time":
        return f'<p class="ks-report__date">Published <time datetime="{d.isoformat()}">{long_date(d)}</time></p>'
    if p.report_date == "slash":
        return f'<p class="ks-report__date">Date of publication: {slash_date(d)}</p>'
    return f'<p class="ks-report__date">Published {short_date(d)}</p>'


def report_page(p, site: str, asset: str, pubs: list) -> str:
    url = f"{site}/publication-html/{p.slug}/"
    ctx = {"heads": p.heads, "layout": p.layout, "caps": p.caps}
    toc = "".join(f'<li><a href="#{s.id}">{esc(s.title)}</a></li>' for s in p.sections if s.toc)
    secs = []
    for s in p.sections:
        ctx["fnpre"] = f"fn-{s.id}"
        ctx["tabbase"] = f"tabs-{s.id}"
        inner = "".join(render_block(b, ctx) for b in s.blocks)
        secs.append(f'<section class="ks-sec" id="{s.id}">{heading(s.title, 2, p.heads)}{inner}</section>')
    tools = ['<li><button type="button" class="ks-btn ks-btn--ghost" data-ks-print>Print this document</button></li>']
    if p.pdf:
        tools.append(f'<li><a class="ks-btn ks-btn--ghost" href="{asset}/uploads/{p.pdf}">Download as PDF</a></li>')
    tools.append(f'<li><a href="{site}/publications/{p.slug}/">Back to publication page</a></li>')
    body = (f'<article class="ks-report" id="post-{p.html_post_id}">'
            f'<header class="ks-report__masthead"><h1 class="ks-report__title">{esc(p.title)}</h1>'
            f'{report_date_html(p)}<ul class="ks-report__tools">{"".join(tools)}</ul></header>'
            f'<div class="ks-report__layout">'
            f'<nav class="ks-toc" aria-labelledby="toc-h-{p.html_post_id}"><p class="ks-toc__h" '
            f'id="toc-h-{p.html_post_id}">Contents</p><ol class="ks-toc__list">{toc}</ol></nav>'
            f'<div class="ks-report__content">{"".join(secs)}</div></div></article>')
    crumbs = [("Home", f"{site}/"), ("Publications", f"{site}/publications/"),
              (p.title, f"{site}/publications/{p.slug}/"), ("Online report", None)]
    return shell(site, title=p.title, body=body,
                 body_class=f"publication-html-template-default single single-publication-html postid-{p.html_post_id}",
                 canonical=url, key="html" + p.slug, crumbs=crumbs, head_extra=og_tags(p, site, url),
                 shortlink=p.html_post_id)


# --------------------------------------------------------------------------- listings and pages

def teaser(p, site: str) -> str:
    d = p.published
    return (f'<li class="ks-teaser"><div class="ks-teaser__meta"><span class="ks-tag">{esc(p.type)}</span> '
            f'<time datetime="{d.isoformat()}">{long_date(d)}</time></div>'
            f'<h2 class="ks-teaser__title"><a href="{site}/publications/{p.slug}/">{esc(p.title)}</a></h2>'
            f'<p class="ks-teaser__text">{esc(p.summary)}</p></li>')


def pager(site: str, base: str, n: int, total: int) -> str:
    def href(i):
        return f"{site}{base}" if i == 1 else f"{site}{base}page/{i}/"
    parts = []
    if n > 1:
        parts.append(f'<a class="prev page-numbers" href="{href(n - 1)}">Previous</a>')
    for i in range(1, total + 1):
        if i == n:
            parts.append(f'<span aria-current="page" class="page-numbers current">{i}</span>')
        else:
            parts.append(f'<a class="page-numbers" href="{href(i)}">{i}</a>')
    if n < total:
        parts.append(f'<a class="next page-numbers" href="{href(n + 1)}">Next</a>')
    return f'<nav class="ks-pager" aria-label="Pages">{"".join(parts)}</nav>'


def listing_page(site: str, pubs_page: list, n: int, total: int, types: list, count: int) -> str:
    opts = "".join(f'<option value="{type_slug(t)}">{esc(t)}</option>' for t in types)
    body = (f'<h1 class="ks-title">Publications</h1>'
            f'<form class="ks-filter" method="get" action="{site}/publications/">'
            f'<label for="ks-type">Publication type</label><select id="ks-type" name="publication-type">'
            f'<option value="">All types</option>{opts}</select>'
            f'<input type="hidden" name="_ks_filter" value="{nonce("filter", n)}">'
            f'<button type="submit" class="ks-btn">Apply filters</button></form>'
            f'<p class="ks-count">{count} results</p>'
            f'<ul class="ks-teasers">{"".join(teaser(p, site) for p in pubs_page)}</ul>'
            f'{pager(site, "/publications/", n, total)}')
    canon = f"{site}/publications/" if n == 1 else f"{site}/publications/page/{n}/"
    title = "Publications" if n == 1 else f"Publications &#8211; Page {n}"
    return shell(site, title="Publications" if n == 1 else f"Publications \u2013 Page {n}", body=body,
                 body_class="archive post-type-archive post-type-archive-publication" + (" paged" if n > 1 else ""),
                 canonical=canon, key=f"list{n}",
                 crumbs=[("Home", f"{site}/"), ("Publications", None)])


def term_page(site: str, term: str, pubs: list) -> str:
    body = (f'<h1 class="ks-title">Publication type: {esc(term)}</h1>'
            f'<ul class="ks-teasers">{"".join(teaser(p, site) for p in pubs)}</ul>')
    return shell(site, title=term, body=body, body_class="archive tax-publication-type",
                 canonical=f"{site}/publication-type/{type_slug(term)}/", key="term" + term,
                 crumbs=[("Home", f"{site}/"), ("Publications", f"{site}/publications/"), (term, None)])


def simple_page(site: str, path: str, title: str, paras: list, pid: int, kind: str = "page") -> str:
    body = (f'<article class="ks-page" id="post-{pid}"><h1 class="ks-title">{esc(title)}</h1>'
            + "".join(f"<p>{p}</p>" for p in paras) + "</article>")
    return shell(site, title=title, body=body, body_class=f"{kind}-template-default {kind} page-id-{pid}",
                 canonical=f"{site}{path}", key=path, crumbs=[("Home", f"{site}/"), (title, None)],
                 shortlink=pid)


def home_page(site: str, pubs: list) -> str:
    body = (f'<section class="ks-hero"><h1 class="ks-hero__h">We independently assess the effectiveness and '
            f'efficiency of police forces and fire and rescue services</h1>'
            f'<p>In the public interest.</p></section>'
            f'<section class="ks-latest"><h2>Latest publications</h2>'
            f'<ul class="ks-teasers">{"".join(teaser(p, site) for p in pubs[:6])}</ul>'
            f'<p><a href="{site}/publications/">All publications</a></p></section>')
    return shell(site, title="Home", body=body, body_class="home page-template-front-page",
                 canonical=f"{site}/", key="home")
