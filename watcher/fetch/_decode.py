"""Bytes -> text, never raising: charset from BOM, Content-Type, <meta> or XML declaration;
and the streaming Content-Encoding decoder with a hard cap on decoded bytes."""

from __future__ import annotations

import codecs
import re
import zlib

from watcher.fetch._errors import _TooLarge

_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:+-]+)""", re.IGNORECASE
)
_XML_DECL = re.compile(
    rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:+-]+)["']""", re.IGNORECASE
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _codec(label: str | None, *, from_markup: bool = False) -> str | None:
    """Python codec name for a charset label, or None if unknown.

    Follows the WHATWG Encoding Standard where it matters for real pages: latin-1 and
    ascii labels mean windows-1252, and a UTF-16 label found *inside* ASCII-compatible
    markup must be wrong, so it means utf-8.
    """
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    if name in {"latin-1", "iso8859-1", "ascii"}:
        return "cp1252"
    if from_markup and name.startswith("utf-16"):
        return "utf-8"
    return name


def _content_type_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def detect_encoding(content: bytes, content_type: str | None) -> str:
    """Pick the codec for ``content``: BOM, Content-Type charset, <meta>/XML declaration, utf-8."""
    for bom, name in _BOMS:
        if content.startswith(bom):
            return name
    declared = _codec(_content_type_charset(content_type))
    if declared:
        return declared
    head = content[:4096]
    match = _XML_DECL.match(head) or _META_CHARSET.search(head)
    if match:
        sniffed = _codec(match.group(1).decode("ascii", "replace"), from_markup=True)
        if sniffed:
            return sniffed
    return "utf-8"


def decode_text(content: bytes, content_type: str | None) -> str:
    """Decode a body to text without ever raising: a wrong charset yields U+FFFD, not a crash."""
    encoding = detect_encoding(content, content_type)
    try:
        return content.decode(encoding, errors="replace")
    except (LookupError, ValueError):  # pragma: no cover - codec found but unusable
        return content.decode("utf-8", errors="replace")



class _Decoder:
    """Streaming Content-Encoding decoder with a hard cap on decoded bytes.

    httpx would decompress for us, but one 64 KiB chunk of a gzip bomb inflates to
    ~64 MB before any cap could be checked; here each zlib call gets ``max_length``.
    """

    def __init__(self, coding: str, cap: int) -> None:
        self.coding = coding
        self.cap = cap
        self.total = 0
        self._fed = False
        self._obj: zlib._Decompress | None = None
        if coding in ("gzip", "x-gzip"):
            self._obj = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif coding == "deflate":
            self._obj = zlib.decompressobj(zlib.MAX_WBITS)
        elif coding not in ("", "identity"):
            raise ValueError(coding)

    def _count(self, out: bytes) -> bytes:
        self.total += len(out)
        if self.total > self.cap:
            raise _TooLarge
        return out

    def feed(self, data: bytes) -> bytes:
        if self._obj is None:
            return self._count(data)
        first = not self._fed
        self._fed = True
        try:
            return self._inflate(data)
        except zlib.error:
            if first and self.coding == "deflate":
                # Some servers send raw deflate without the zlib wrapper.
                self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
                return self._inflate(data)
            raise

    def _inflate(self, data: bytes) -> bytes:
        assert self._obj is not None
        outs: list[bytes] = []
        pending = data
        while pending:
            # max_length: never inflate more than one byte past the cap in one call.
            out = self._obj.decompress(pending, self.cap - self.total + 1)
            outs.append(self._count(out))
            if self._obj.eof:
                leftover = self._obj.unused_data
                if leftover.startswith(b"\x1f\x8b") and self.coding != "deflate":
                    self._obj = zlib.decompressobj(16 + zlib.MAX_WBITS)  # next gzip member
                    pending = leftover
                    continue
                break  # trailing junk after the stream (some servers pad): ignore
            tail = self._obj.unconsumed_tail
            if tail and not out:  # no progress: cannot happen, but never spin
                raise zlib.error("decompressor made no progress")
            pending = tail
        return b"".join(outs)

    def finish(self) -> bytes:
        if self._obj is None:
            return b""
        return self._count(self._obj.flush())

    @property
    def complete(self) -> bool:
        """False if a compressed stream stopped before its end (a truncated body)."""
        return self._obj is None or not self._fed or self._obj.eof

