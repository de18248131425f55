"""Hosts and origins: what the Fetcher may ask, and the unit of politeness and robots.

Two rules, on purpose different. A *link* the site's own pages give (a PDF on the asset
host) may name any port of an allowed hostname: the site says where its files are. A
*redirect* may only land on a trusted origin, compared by scheme, host AND port: a page
that starts answering 301 to another server is not that server's content, and that
server must see no request (not even for robots.txt).
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}


def _norm_host(host: str) -> str:
    return host.strip().rstrip(".").lower()


def _hostname_of(value: str) -> str:
    """Hostname from a URL, "host:port" or bare host (ports are ignored on purpose)."""
    target = value if "://" in value else f"//{value}"
    return _norm_host(urlsplit(target).hostname or "")


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _origin(url: str) -> str:
    """scheme://host[:port] with the default port dropped: the unit of politeness and robots."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = _norm_host(parts.hostname or "")
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    if port is None or port == _DEFAULT_PORTS.get(scheme):
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def _origin_of_setting(value: str, site_scheme: str) -> str | None:
    """An allowed-hosts entry as an origin: a URL as given; "host[:port]" on the site's scheme."""
    value = value.strip()
    if not value:
        return None
    target = value if "://" in value else f"{site_scheme}://{value}"
    try:
        parts = urlsplit(target)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return _origin(target)


def _same_origin_but_scheme(a: str, b: str) -> bool:
    """http://h and https://h (default ports): the same site moving to TLS, not another server."""
    pa, pb = urlsplit(a), urlsplit(b)
    return (
        _norm_host(pa.hostname or "") == _norm_host(pb.hostname or "")
        and pa.port is None and pb.port is None
    )
