"""What a fetch returns (Response), what it counts (FetchStats), and the cache protocol."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Protocol

from watcher.fetch._decode import decode_text, detect_encoding

#: Returned to the caller, who decides whether it means "withdrawn".
GONE_STATUSES = frozenset({404, 410})


class ValidatorCache(Protocol):
    """Where conditional-request validators live (the Store implements it)."""

    def validators(self, url: str) -> tuple[str | None, str | None] | None: ...

    def remember(self, url: str, etag: str | None, last_modified: str | None) -> None: ...


@dataclass
class FetchStats:
    """Counters for the scan summary and the benchmark (one set per Fetcher).

    ``requests`` counts every HTTP request sent (robots.txt, redirect hops and retries
    included); ``bytes_downloaded`` counts bytes off the wire (before decompression).
    """

    requests: int = 0
    conditional_requests: int = 0
    not_modified: int = 0
    bytes_downloaded: int = 0
    retries: int = 0
    errors: int = 0
    redirects: int = 0
    robots_fetches: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)



@dataclass(frozen=True)
class Response:
    """A usable answer: 2xx content, a 304 (``not_modified``), or a 404/410 (``status``).

    ``url`` is the URL asked for, ``final_url`` the one that answered after redirects.
    ``etag``/``last_modified`` are the validators the caller should store alongside the
    content if it fetched with ``remember=False``.
    """

    url: str
    final_url: str
    status: int
    content: bytes
    headers: Mapping[str, str] = field(default_factory=dict)
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None

    @property
    def content_type(self) -> str:
        """The media type without parameters, lower-cased ("" if the server sent none)."""
        value = self.headers.get("content-type") or ""
        return value.split(";", 1)[0].strip().lower()

    @cached_property
    def encoding(self) -> str:
        return detect_encoding(self.content, self.headers.get("content-type"))

    @cached_property
    def text(self) -> str:
        return decode_text(self.content, self.headers.get("content-type"))

    @property
    def gone(self) -> bool:
        """True for 404/410: the caller may treat the page as withdrawn."""
        return self.status in GONE_STATUSES

