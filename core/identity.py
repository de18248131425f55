"""What makes two URLs the same publication, report or document: the path on the site.

Scheme, host and port say where the site is served today (a port for a local mirror, a
new host after a move, http before TLS); they are not part of what a publication *is*.
So identity is the path, with the trailing slash, doubled slashes, percent-encoding and
the legacy ``www.justiceinspectorates.gov.uk/hmicfrs/`` prefix normalised away.
Changing ``--site`` therefore changes no identity, and adds nothing.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote, urlsplit

#: The inspectorate's pages lived under this prefix on the shared justice site.
LEGACY_PREFIX = "/hmicfrs"
_PUBLICATION = re.compile(r"/publications/(?!page/)[^/]+$")


def path_key(url: str | None) -> str:
    """The identity of any page or file on the site: its normalised path (and query).

    >>> path_key("https://www.justiceinspectorates.gov.uk/hmicfrs/publications/x/")
    '/publications/x'
    >>> path_key("http://127.0.0.1:8123/publications/x")
    '/publications/x'
    """
    value = str(url or "").strip()
    if not value:
        return ""
    if "://" not in value and not value.startswith("/"):
        value = "//" + value  # "host/path" as people paste it
    try:
        parts = urlsplit(value)
    except ValueError:
        return value
    path = re.sub(r"/{2,}", "/", unquote(parts.path or "/"))
    if path == LEGACY_PREFIX or path.startswith(LEGACY_PREFIX + "/"):
        path = path[len(LEGACY_PREFIX):]
    path = path.rstrip("/") or "/"
    if not path.startswith("/"):
        path = "/" + path
    return path + (f"?{parts.query}" if parts.query else "")


def publication_key(url: str | None) -> str:
    """A publication's identity, ``/publications/<slug>``, wherever the site is served from.

    A site served under some base path (``http://host/mirror/publications/x/``) keys the
    same as one served at the root.
    """
    key = path_key(url).split("?", 1)[0]
    match = _PUBLICATION.search(key)
    return match.group(0) if match else key


def url_on_site(key: str, site: str) -> str:
    """The URL of a publication key on the site as it is served now (the form discovery uses)."""
    return site.rstrip("/") + quote(key, safe="/?=&%:@+,;~!$'()*") + "/"
