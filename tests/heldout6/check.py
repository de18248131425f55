"""Self-check of the heldout6 fixture: serve it and fetch everything.

Run:  PYTHONPATH=.:tests python -m heldout6.check
"""
from __future__ import annotations

import io
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import httpx

from watcher.mirror.server import MirrorServer

from .content import EXPECTED, PUBS, TRIO, self_check
from .site import resources

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Balance(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.links = [], [], []

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k in ("href", "src") and v:
                self.links.append(v)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> (open: {self.stack[-3:]})")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()


def main() -> int:
    problems = []
    bad = self_check()
    if bad:
        problems.append(f"expected counts disagree with block marks: {bad}")
    assert set(TRIO) <= set(EXPECTED)
    s = MirrorServer()
    try:
        res = resources(s.url, s.asset_url)
        s.set_resources(res)
        site, asset = s.url.rstrip("/"), s.asset_url.rstrip("/")
        with httpx.Client(timeout=30, follow_redirects=False) as c:
            for path, r in sorted(res.items()):
                base = asset if path.startswith("/uploads/") else site
                resp = c.get(base + path)
                if resp.status_code != r.status:
                    problems.append(f"{path}: status {resp.status_code} != {r.status}")
                    continue
                if r.status == 301:
                    loc = resp.headers.get("location", "")
                    tgt = loc.replace(site, "")
                    if tgt not in res:
                        problems.append(f"{path}: redirect to unknown {loc}")
                    continue
                if resp.content != r.body:
                    problems.append(f"{path}: body differs")
                ct = r.content_type
                if ct.startswith("text/html"):
                    b = Balance()
                    b.feed(resp.text)
                    b.close()
                    if b.errors or [t for t in b.stack if t not in ("html", "body")]:
                        problems.append(f"{path}: html balance {b.errors[:3]} {b.stack[-4:]}")
                    for link in b.links:
                        for host in (site, asset):
                            if link.startswith(host):
                                lp = link[len(host):].split("#")[0].split("?")[0] or "/"
                                if lp not in res and not lp.startswith("/wp-content/themes/kestrel/dist/img/") \
                                        and lp not in ("/wp-json/", "/xmlrpc.php", "/wp-admin/admin-post.php"):
                                    problems.append(f"{path}: dead internal link {link}")
                elif "xml" in ct or "rss" in ct:
                    try:
                        ET.fromstring(resp.content)
                    except ET.ParseError as e:
                        problems.append(f"{path}: XML error {e}")
                elif ct == "application/pdf":
                    import pypdf
                    rd = pypdf.PdfReader(io.BytesIO(resp.content))
                    txt = "".join(pg.extract_text() for pg in rd.pages)
                    if len(rd.pages) < 1 or len(txt) < 200:
                        problems.append(f"{path}: PDF suspicious ({len(rd.pages)} pages)")
            # the asset host serves PDFs; the sitemap index lists its children
            idx = ET.fromstring(c.get(site + "/wp-sitemap.xml").content)
            ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
            kids = [e.text for e in idx.findall("s:sitemap/s:loc", ns)]
            seen = set()
            for k in kids:
                doc = ET.fromstring(c.get(k).content)
                seen |= {e.text for e in doc.findall("s:url/s:loc", ns)}
            for p in PUBS:
                if f"{site}/publications/{p.slug}/" not in seen:
                    problems.append(f"sitemap misses {p.slug}")
            robots = c.get(site + "/robots.txt").text
            assert re.search(r"^Sitemap: .*/wp-sitemap\.xml$", robots, re.M)
            feed = ET.fromstring(c.get(site + "/feed/").content)
            assert len(feed.findall("channel/item")) == 10
    finally:
        s.close()
    print(f"{len(res)} resources, {len(PUBS)} publications")
    for pr in problems:
        print("PROBLEM:", pr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
