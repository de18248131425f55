"""The `hmicfrs-watch` command: a thin skin over the Python API.

Each sub-command lives in a small private module; importing them registers them on the
group in `_base`. Exit codes are documented there.
"""

from watcher.cli import (  # noqa: F401  (importing them registers the commands)
    _notify,
    _obligations,
    _outputs,
    _query,
    _register,
    _running,
    _scan,
    _setup,
)
from watcher.cli._base import cli, force_name


def _every_force_is_checked(group) -> None:
    """Every --force, on any command (present or added later), names a force in core.bodies'
    register: a typo is a usage error with a suggestion, never a silently empty answer."""
    import click

    for command in group.commands.values():
        if isinstance(command, click.Group):
            _every_force_is_checked(command)
        for param in command.params:
            if isinstance(param, click.Option) and "--force" in param.opts and param.callback is None:
                param.callback = force_name


_every_force_is_checked(cli)


def main() -> None:
    import sqlite3

    from store.db import StoreError, last_opened, storage_error
    from watcher.cli._base import EXIT_CANNOT_RUN, fail

    try:
        cli(prog_name="hmicfrs-watch", standalone_mode=True)
    except StoreError as exc:  # a database that cannot be used: one sentence, exit 3
        fail(str(exc), EXIT_CANNOT_RUN)
    except sqlite3.DatabaseError as exc:  # a damaged page met by a read, a full disk
        fail(str(storage_error(exc, last_opened() or "the database")), EXIT_CANNOT_RUN)


__all__ = ["cli", "main"]
