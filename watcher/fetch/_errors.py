"""Errors: what a caller may see (FetchError) and what stays inside (_Retry, _TooLarge)."""

from __future__ import annotations

class FetchError(Exception):
    """A URL did not yield a usable answer.

    ``transient=True`` means "try again later and conclude nothing" (timeouts, resets,
    truncation, 5xx, rate limiting, robots.txt unavailable). ``transient=False`` means
    this Fetcher will not or cannot fetch it as asked (off-site, robots-disallowed, too
    large, 4xx other than 404/410): retrying soon will not help.
    ``retry_after`` is set (seconds) when the server told us how long to wait.
    """

    def __init__(
        self,
        url: str,
        message: str,
        transient: bool,
        *,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(f"{url}: {message}")
        self.url = url
        self.message = message
        self.transient = transient
        self.status = status
        self.retry_after = retry_after

    def __repr__(self) -> str:
        return f"FetchError({self.url!r}, {self.message!r}, transient={self.transient})"



class _Retry(Exception):
    """A transient failure of one attempt; the retry loop decides what happens next."""

    def __init__(self, problem: str, *, status: int | None = None, retry_after: float | None = None):
        super().__init__(problem)
        self.problem = problem
        self.status = status
        self.retry_after = retry_after


class _TooLarge(Exception):
    pass

