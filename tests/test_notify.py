"""E-mail and Teams: a real SMTP server (aiosmtpd) and a webhook server (http.server), both
on loopback, receive what scans and digests send; a destination that is down gets the
message on the next scan, once."""

from __future__ import annotations

import html
import json
import socket
import threading
from datetime import date
from email import message_from_bytes
from email.header import decode_header, make_header
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from click.testing import CliRunner

from watcher.cli import cli
from watcher.mirror.server import MirrorServer
from watcher.mirror.states import later_state

WMP = "West Midlands Police"


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Smtp:
    """aiosmtpd on a fixed loopback port that can be stopped and started again."""

    def __init__(self):
        self.port = free_port()
        self.messages: list = []
        self._controller = None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"

    def start(self):
        from aiosmtpd.controller import Controller

        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self):
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @property
    def url(self) -> str:
        return (f"mailto://127.0.0.1:{self.port}?from=watch@example.police.uk"
                "&to=liaison@example.police.uk&mode=insecure")

    def subjects(self) -> list[str]:
        return [str(make_header(decode_header(m["Subject"]))) for m in self.messages]

    def html(self, i: int) -> str:
        for part in self.messages[i].walk():
            if part.get_content_type() == "text/html":
                return part.get_payload(decode=True).decode("utf-8")
        return ""


@pytest.fixture
def smtp():
    server = Smtp()
    server.start()
    yield server
    server.stop()


class Hook:
    def __init__(self):
        self.posts: list[dict] = []
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                n = int(self.headers.get("Content-Length") or 0)
                hook.posts.append(json.loads(self.rfile.read(n)))
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"json://127.0.0.1:{self.server.server_port}/teams"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hook():
    h = Hook()
    yield h
    h.close()


@pytest.fixture
def site():
    with MirrorServer.from_content() as server:
        yield server


def config_file(tmp_path, site, urls):
    path = tmp_path / "config.toml"
    quoted = ", ".join(json.dumps(u) for u in urls)
    path.write_text(
        f'db = "{tmp_path / "watch.db"}"\n[site]\nurl = "{site.url}"\ndelay = 0\n'
        f'[force]\nname = "{WMP}"\n[output]\ndir = "{tmp_path / "out"}"\n'
        '[[committees]]\nname = "Joint Audit Committee"\nshort = "JAC"\n'
        "meetings = [2025-09-18, 2025-12-11]\n"
        f"[notify]\nurls = [{quoted}]\n",
        encoding="utf-8",
    )
    return path


def scan(cfg):
    return CliRunner().invoke(cli, ["--config", str(cfg), "scan"], catch_exceptions=False)


def stored(tmp_path):
    from store.db import Store

    with Store(tmp_path / "watch.db") as store:
        return store.reports(), store.changes()


def test_scan_with_news_sends_one_mail_none_without_and_a_down_server_gets_it_next_time(tmp_path, site, smtp):
    cfg = config_file(tmp_path, site, [smtp.url])
    first = scan(cfg)
    assert first.exit_code == 0, first.output
    assert smtp.messages == []  # the first scan's record of the archive is not news
    later, expected = later_state(site.publications)
    site.update(later)
    r = scan(cfg)
    assert r.exit_code == 0, r.output
    assert len(smtp.messages) == 1
    assert smtp.subjects()[0].startswith("HMICFRS: ") and WMP in smtp.subjects()[0]
    # the same content as the feed items of that scan: each headline, for the force only
    from watcher.publish.feed import event_headline, filter_events

    reports, changes = stored(tmp_path)
    by_url = {x["url"]: x for x in reports}
    news = filter_events([e for e in changes if not e["details"].get("backfill")], force=WMP, reports=by_url)
    others = [e for e in changes if not e["details"].get("backfill") and e not in news]
    body = smtp.html(0)
    assert news and all(html.escape(event_headline(e, by_url.get(e["url"]))) in body for e in news)
    assert f"{len(news)} new or changed publication" in smtp.subjects()[0]
    assert all(html.escape(event_headline(e, by_url.get(e["url"]))) not in body for e in others)

    again = scan(cfg)
    assert again.exit_code == 0 and len(smtp.messages) == 1  # no news, no mail

    # SMTP down during a scan with news: everything is stored, exit 1, nothing lost
    smtp.stop()
    ours = next(i for i, p in enumerate(later) if WMP in p.forces and not p.withdrawn)
    renamed = list(later)
    renamed[ours] = later[ours].replace(title=later[ours].title + " (corrected)",
                                        lastmod=max(p.lastmod for p in later).replace(year=2027))
    site.update(renamed)
    down = scan(cfg)
    assert down.exit_code == 1
    assert "not sent" in down.output and "next scan sends it again" in down.output
    reports, changes = stored(tmp_path)
    assert any(x["title"] == renamed[ours].title for x in reports)
    assert any(e["kind"] == "metadata_changed" and e["url"].rstrip("/").endswith(renamed[ours].slug) for e in changes)

    smtp.start()
    after = scan(cfg)  # nothing new on the site: it sends what is waiting
    assert after.exit_code == 0, after.output
    assert len(smtp.messages) == 2 and "(corrected)" in smtp.html(1)
    once_more = scan(cfg)
    assert once_more.exit_code == 0 and len(smtp.messages) == 2  # never twice


def test_a_webhook_that_is_up_is_not_sent_twice_when_mail_was_down(tmp_path, site, smtp, hook):
    cfg = config_file(tmp_path, site, [smtp.url, hook.url])
    assert scan(cfg).exit_code == 0
    smtp.stop()
    later, _ = later_state(site.publications)
    site.update(later)
    assert scan(cfg).exit_code == 1
    assert len(hook.posts) == 1 and hook.posts[0]["title"].startswith("HMICFRS: ")
    smtp.start()
    assert scan(cfg).exit_code == 0
    assert len(smtp.messages) == 1 and len(hook.posts) == 1
    assert smtp.subjects()[0] == hook.posts[0]["title"]


def test_notify_test_command(tmp_path, site, smtp):
    cfg = config_file(tmp_path, site, [smtp.url])
    r = CliRunner().invoke(cli, ["--config", str(cfg), "notify", "--test"], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    assert "mailto:// test message sent" in r.output
    assert smtp.subjects() == ["hmicfrs-watch: test message"]
    smtp.stop()
    r = CliRunner().invoke(cli, ["--config", str(cfg), "notify", "--test"], catch_exceptions=False)
    assert r.exit_code == 1 and "test message not sent" in r.output and "Traceback" not in r.output
    bare = tmp_path / "bare.toml"
    bare.write_text(f'db = "{tmp_path / "x.db"}"\n', encoding="utf-8")
    r = CliRunner().invoke(cli, ["--config", str(bare), "notify", "--test"], catch_exceptions=False)
    assert r.exit_code == 2 and "no [notify] urls" in r.output


def test_a_written_digest_is_announced_once(tmp_path, site, smtp):
    from schedules.jobs import digest_job
    from watcher.config import load_config

    cfg = config_file(tmp_path, site, [smtp.url])
    assert scan(cfg).exit_code == 0
    config = load_config(cfg)
    outcome = digest_job(config, today=date(2025, 12, 5), force=True)
    assert outcome.ok and outcome.written
    assert smtp.subjects() == ["HMICFRS digest written: committee digest"]
    assert "digest-2025-12-11.docx" in smtp.html(0)
    from watcher.publish.notify import send_pending
    from store.db import Store

    with Store(config.db) as store:
        assert send_pending(store, config.notify).sent == 0  # nothing left to send
    assert len(smtp.messages) == 1


def test_an_event_recorded_for_the_scan_without_its_id_is_in_that_scans_message(tmp_path, site, smtp):
    """What the obligations refresh records after a scan (an s55 response arrived) has no
    scan id; it is news of that scan all the same, in the one message."""
    from core.models import ChangeEvent
    from store.db import Store
    from watcher.config import load_config
    from watcher.publish.notify import after_scan
    from watcher.scan import ScanResult

    cfg = config_file(tmp_path, site, [smtp.url])
    assert scan(cfg).exit_code == 0
    config = load_config(cfg)
    with Store(config.db) as store:
        report = next(r for r in store.reports() if WMP in r["forces"])
        scan_id = store.start_scan(site.url)
        event = ChangeEvent("metadata_changed", report["url"], report["slug"], report["title"],
                            {"changes": {"title": {"old": "Earlier title", "new": report["title"]}}})
        with store.transaction():
            store._insert_events(report["id"], [event], "2027-01-02T06:00:00Z", None)
        result = ScanResult(scan_id=scan_id, events=[event])
        assert after_scan(config, store, result) == []
    assert len(smtp.messages) == 1
    assert html.escape(report["title"]) in smtp.html(0)


def test_the_scheduled_scan_sends_too_and_reports_a_failed_send(tmp_path, site, smtp):
    from schedules.jobs import read_status, scan_job
    from watcher.config import load_config

    cfg = config_file(tmp_path, site, [smtp.url])
    config = load_config(cfg)
    assert scan_job(config).ok and smtp.messages == []
    later, _ = later_state(site.publications)
    smtp.stop()
    site.update(later)
    down = scan_job(config)
    assert not down.ok and any("not sent" in e for e in down.errors)
    assert any("not sent" in e for e in read_status(config)["errors"])  # monitoring sees it
    smtp.start()
    assert scan_job(config).ok
    assert len(smtp.messages) == 1 and smtp.subjects()[0].startswith("HMICFRS: ")
