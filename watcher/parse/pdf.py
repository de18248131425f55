"""PDF bytes -> text, with pypdf, capped in bytes, pages, output size and time.

Every failure surfaces as `PdfError` with a message a liaison officer can act on; nothing
from pypdf escapes, and nothing hangs on a hostile file (page cap, pypdf's own
decompression limits, an output-size cap and a time budget checked between pages).
"""

from __future__ import annotations

import io
import logging
import time

__all__ = ["PdfError", "pdf_text"]

MAX_TEXT_CHARS = 20_000_000


class PdfError(Exception):
    """The PDF could not be read (encrypted, corrupt, too large, a bomb, too many pages)."""


def pdf_text(
    data: bytes,
    *,
    max_pages: int = 300,
    max_bytes: int = 50_000_000,
    max_seconds: float = 120.0,
) -> str:
    """Extract the text of a PDF; pages are separated by form feeds ("\\f").

    Raises PdfError for: not bytes / empty / not a PDF, more than `max_bytes`, encrypted
    (unless it opens with an empty password), more than `max_pages` pages (a partial count
    would be a wrong count), decompression bombs, any parse failure, or text beyond
    MAX_TEXT_CHARS / `max_seconds`.
    """
    data = _pdf_bytes(data, max_bytes)
    try:
        from pypdf import PdfReader
        from pypdf import filters as _filters
    except Exception as exc:  # pragma: no cover - dependency missing
        raise PdfError(f"pypdf is not available: {exc}") from exc

    _cap_decompression(_filters)

    log = logging.getLogger("pypdf")
    old_level = log.level
    log.setLevel(logging.ERROR)
    started = time.monotonic()
    try:
        reader, n_pages = _open(PdfReader, data, max_pages)
        out: list[str] = []
        total = 0
        for i in range(n_pages):
            if time.monotonic() - started > max_seconds:
                raise PdfError(f"PDF text extraction took longer than {max_seconds:.0f}s (at page {i + 1})")
            try:
                t = reader.pages[i].extract_text() or ""
            except PdfError:
                raise
            except Exception as exc:
                raise PdfError(
                    f"PDF page {i + 1} could not be read (corrupt or a decompression bomb): "
                    f"{type(exc).__name__}: {exc}"
                ) from exc
            total += len(t)
            if total > MAX_TEXT_CHARS:
                raise PdfError("PDF text is implausibly large (possible decompression bomb)")
            out.append(t.replace("\f", "\n"))
        return "\f".join(out)
    except PdfError:
        raise
    except Exception as exc:  # anything else pypdf throws
        raise PdfError(f"PDF could not be read: {type(exc).__name__}: {exc}") from exc
    finally:
        log.setLevel(old_level)


def _pdf_bytes(data, max_bytes: int) -> bytes:
    """The data as bytes, refused before parsing when it is empty, too large or no PDF."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise PdfError("PDF data must be bytes")
    data = bytes(data)
    if not data:
        raise PdfError("PDF is empty")
    if len(data) > max_bytes:
        raise PdfError(f"PDF is too large ({len(data):,} bytes; the cap is {max_bytes:,})")
    if b"%PDF-" not in data[:1024]:
        raise PdfError("Not a PDF (no %PDF- header)")
    return data


def _cap_decompression(filters) -> None:
    """pypdf's own decompression-bomb limits; keep them at most at our byte budget."""
    for name in ("ZLIB_MAX_OUTPUT_LENGTH", "LZW_MAX_OUTPUT_LENGTH", "RUN_LENGTH_MAX_OUTPUT_LENGTH",
                 "MAX_DECLARED_STREAM_LENGTH", "MAX_ARRAY_BASED_STREAM_OUTPUT_LENGTH"):
        cur = getattr(filters, name, None)
        if isinstance(cur, int) and cur > 75_000_000:
            setattr(filters, name, 75_000_000)


def _open(reader_class, data: bytes, max_pages: int):
    """The reader (decrypted when an empty password opens it) and its page count; PdfError
    when it cannot be opened or has no pages or more than `max_pages`."""
    try:
        reader = reader_class(io.BytesIO(data), strict=False)
    except Exception as exc:
        raise PdfError(f"PDF is corrupt or unreadable: {type(exc).__name__}: {exc}") from exc
    try:
        encrypted = reader.is_encrypted
    except Exception as exc:
        raise PdfError(f"PDF is corrupt or unreadable: {type(exc).__name__}: {exc}") from exc
    if encrypted:
        try:
            ok = reader.decrypt("")
        except Exception as exc:
            raise PdfError(f"PDF is encrypted and cannot be opened: {exc}") from exc
        if not ok:
            raise PdfError("PDF is encrypted (password required)")
    try:
        n_pages = len(reader.pages)
    except Exception as exc:
        raise PdfError(f"PDF is corrupt (cannot read its page tree): {type(exc).__name__}: {exc}") from exc
    if n_pages > max_pages:
        raise PdfError(f"PDF has {n_pages} pages, more than the cap of {max_pages}; not read")
    if n_pages == 0:
        raise PdfError("PDF has no pages")
    return reader, n_pages
