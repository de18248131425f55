"""A held-out test site: built to the site model (docs/counting-rules.md), never seen by the parser's authors.

Different theme (GOV.UK-design-system-like markup), different prose, SEO-plugin sitemaps.
"""
