"""The `hmicfrs-watch` command: a thin skin over the Python API.

Each sub-command lives in a small private module; importing them registers them on the
group in `_base`. Exit codes are documented there.
"""

from watcher.cli import (  # noqa: F401  (importing them registers the commands)
    _obligations,
    _outputs,
    _query,
    _register,
    _running,
    _scan,
    _setup,
)
from watcher.cli._base import cli


def main() -> None:
    cli(prog_name="hmicfrs-watch")


__all__ = ["cli", "main"]
