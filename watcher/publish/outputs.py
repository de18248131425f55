"""Writing outputs: one place for the CLI, the scheduler and the demo.

- The format follows the file name (``paper.docx`` is Word, ``feed.atom`` is Atom), so a
  file always opens in what its name promises; an explicit format that contradicts the
  name is refused rather than guessed.
- Files are written atomically and durably: a unique temporary file in the same folder,
  flushed and fsynced, renamed over the target, then the folder fsynced. A web server or
  feed reader sees the old file or the new one, never half of one, even after a crash.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

#: file suffix -> the formats such a file can hold, the first when none is asked for
#: (Atom is XML too, so feed.xml may hold Atom when asked; feed.atom never holds RSS)
FORMATS: dict[str, dict[str, tuple[str, ...]]] = {
    "digest": {".md": ("md",), ".markdown": ("md",), ".html": ("html",), ".htm": ("html",),
               ".docx": ("docx",), ".json": ("json",)},
    "feed": {".atom": ("atom",), ".xml": ("rss", "atom"), ".rss": ("rss",)},
    "calendar": {".ics": ("ics",), ".ical": ("ics",)},
}
DEFAULT_FORMAT = {"digest": "md", "feed": "rss", "calendar": "ics"}
BINARY_FORMATS = {"docx"}  # never written to a terminal


class OutputError(Exception):
    """The output asked for cannot be written as asked (a user's mistake: exit 2)."""


def choices(kind: str) -> list[str]:
    """The formats an output of this kind can take, in a stable order."""
    return list(dict.fromkeys(f for formats in FORMATS[kind].values() for f in formats))


def output_format(kind: str, path: str | os.PathLike[str] | None, explicit: str | None = None) -> str:
    """The format to write: the file name decides; `explicit` may only agree with it."""
    by_suffix = FORMATS[kind]
    if path in (None, "-"):
        fmt = explicit or DEFAULT_FORMAT[kind]
        if fmt in BINARY_FORMATS:
            raise OutputError(f"{fmt} is a file format: add -o paper.{fmt}")
        return fmt
    suffix = Path(path).suffix.casefold()
    named = by_suffix.get(suffix)
    if named is None:
        if explicit:
            return explicit
        known = ", ".join(sorted(by_suffix))
        raise OutputError(f"cannot tell the {kind} format from {Path(path).name!r}: "
                          f"name it {known}, or give --format")
    if explicit and explicit not in named:
        raise OutputError(f"--format {explicit} contradicts the file name {Path(path).name!r} "
                          f"({suffix} is {' or '.join(named)}); drop --format or rename the file")
    return explicit or named[0]


def write_atomic(path: str | os.PathLike[str], data: bytes, *, make_dirs: bool = True) -> Path:
    """Replace `path` with `data` so that readers see the old file or the new one, never half.

    `make_dirs=False` is for a user-named file: a missing folder is their typo, not
    something to create (OutputError).
    """
    path = Path(path)
    if make_dirs:
        path.parent.mkdir(parents=True, exist_ok=True)
    elif not path.parent.is_dir():
        raise OutputError(f"cannot write {path}: the folder {path.parent} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except PermissionError:
        raise OutputError(f"cannot write {path}: no permission to write in {path.parent}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; a web server must be able to read it
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(path.parent)
    return path


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); platforms without directory fds skip it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a directory; the data itself is synced
    finally:
        os.close(fd)


def write_output(data: str | bytes, output: str | os.PathLike[str] | None) -> None:
    """Write a user-named output (``None`` or ``-`` is stdout); never creates folders."""
    blob = data.encode("utf-8") if isinstance(data, str) else data
    if output in (None, "-"):
        sys.stdout.buffer.write(blob)
        sys.stdout.flush()
        return
    write_atomic(output, blob, make_dirs=False)
