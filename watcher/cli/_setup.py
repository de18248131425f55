"""`hmicfrs-watch` sub-commands: config and demo."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from watcher.cli._base import (
    EXIT_INTERRUPTED,
    Context,
    cli,
)
from watcher.config import EXAMPLE

# --- config / demo ------------------------------------------------------------------


@cli.command("config")
@click.pass_obj
def show_config(obj: Context):
    """Print an example config file and where this installation looks for it."""
    from watcher.config import default_config_path

    click.echo(f"# read from: {obj.config.source or default_config_path()} "
               f"({'found' if obj.config.source else 'not found'})")
    click.echo(f"# database:  {obj.config.db}")
    click.echo(EXAMPLE)


@cli.command()
@click.option("--dir", "out_dir", type=click.Path(file_okay=False),
              help="Where to put the demo database and outputs (default: a new temp dir).")
@click.option("--keep-serving", is_flag=True, help="Keep the mirror running until Ctrl-C.")
@click.pass_obj
def demo(obj: Context, out_dir, keep_serving):
    """Scan the bundled offline site mirror and write a feed and a committee digest.

    Needs no internet: the mirror is served on a free loopback port. It prints where
    the feed and digests are; open the .html or .docx to see what a committee gets.
    """
    import tempfile

    from watcher.demo import run_demo

    target = Path(out_dir) if out_dir else Path(tempfile.mkdtemp(prefix="hmicfrs-watch-demo-"))
    try:
        run_demo(target, quiet=obj.quiet, keep_serving=keep_serving)
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
