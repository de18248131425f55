"""`hmicfrs-watch notify`: e-mail and Teams messages ([notify] urls in the config)."""

from __future__ import annotations

import click

from watcher.cli._base import EXIT_FAILED, EXIT_USAGE, Context, cli, fail


@cli.command()
@click.option("--test", "test", is_flag=True, help="Send a test message to every [notify] URL now.")
@click.option("--send", "send", is_flag=True, help="Send the messages still waiting (a failed send is retried).")
@click.pass_obj
def notify(obj: Context, test: bool, send: bool):
    """E-mail / Teams after each scan with news for the force, and when a digest is written.

    \b
    Configure Apprise URLs in the config file:
        [notify]
        urls = ["mailtos://user:password@smtp.example.police.uk?to=liaison@example.police.uk",
                "workflows://prod-00.uksouth.logic.azure.com:443/WORKFLOW/SIGNATURE"]
    A message that cannot be sent is kept and sent by the next scan (never twice).
    Exit status: 0 sent, 1 a destination failed, 2 nothing configured.
    """
    from watcher.publish.notify import send_pending, send_test

    urls = list(obj.config.notify or [])
    if not (test or send):
        raise click.UsageError("give --test (send a test message) or --send (send what is waiting)")
    if not urls:
        fail("no [notify] urls in the config (see `hmicfrs-watch config`)", EXIT_USAGE)
    failed = False
    if test:
        for scheme, error in send_test(urls):
            if error:
                failed = True
                click.secho(f"notify: {scheme} test message not sent: {error}", fg="red", err=True)
            elif not obj.quiet:
                click.echo(f"notify: {scheme} test message sent")
    if send:
        with obj.store() as store:
            outcome = send_pending(store, urls)
        for e in outcome.errors:
            click.secho(e, fg="red", err=True)
        failed = failed or bool(outcome.errors)
        if not obj.quiet:
            click.echo(f"notify: {outcome.sent} sent")
    if failed:
        raise SystemExit(EXIT_FAILED)
