"""watcher.publish.outputs and window: what the CLI, scheduler and demo all write through."""

from __future__ import annotations

import json
import os
import zipfile
from datetime import date
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from watcher.cli import cli
from watcher.config import Committee, Config
from watcher.publish import outputs
from watcher.publish.outputs import OutputError, output_format, write_atomic
from watcher.publish.window import FALLBACK_WINDOW_DAYS, WindowError, digest_window

ATOM = "{http://www.w3.org/2005/Atom}feed"


# --- the format follows the file name ---------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "name", "fmt"),
    [("digest", "paper.docx", "docx"), ("digest", "x.HTML", "html"), ("digest", "x.md", "md"),
     ("digest", "x.json", "json"), ("feed", "feed.atom", "atom"), ("feed", "feed.xml", "rss"),
     ("feed", "feed.rss", "rss"), ("digest", None, "md"), ("feed", "-", "rss")],
)
def test_the_name_decides_the_format(kind, name, fmt):
    assert output_format(kind, name) == fmt


def test_an_explicit_format_may_agree_but_never_contradict():
    assert output_format("digest", "x.docx", "docx") == "docx"
    assert output_format("feed", "feed.xml", "atom") == "atom"  # Atom is XML too
    with pytest.raises(OutputError, match="contradicts"):
        output_format("digest", "x.docx", "md")
    with pytest.raises(OutputError, match="contradicts"):
        output_format("feed", "feed.atom", "rss")


def test_a_name_that_says_nothing_needs_a_format():
    with pytest.raises(OutputError, match="--format"):
        output_format("digest", "paper.txt")
    assert output_format("digest", "paper.txt", "html") == "html"


def test_word_is_never_written_to_a_terminal():
    with pytest.raises(OutputError, match="-o"):
        output_format("digest", None, "docx")


# --- atomic, durable writes --------------------------------------------------------------


def test_write_replaces_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "feed.xml"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.xml"]
    assert target.stat().st_mode & 0o777 == 0o644  # a web server can read it


def test_the_file_and_its_folder_are_synced(tmp_path, monkeypatch):
    synced = []
    real = os.fsync

    def fsync(fd):
        synced.append(os.path.isdir(f"/proc/self/fd/{fd}") if os.path.exists("/proc/self/fd") else None)
        real(fd)

    monkeypatch.setattr(outputs.os, "fsync", fsync)
    write_atomic(tmp_path / "a.md", b"x")
    assert len(synced) == 2
    if synced[0] is not None:
        assert synced == [False, True]  # the data, then the rename


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "digest-latest.md"
    target.write_bytes(b"old paper")

    def broken(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(outputs.os, "replace", broken)
    with pytest.raises(OSError):
        write_atomic(target, b"new paper")
    assert target.read_bytes() == b"old paper"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest-latest.md"]


def test_two_writers_never_share_a_temporary_name(tmp_path, monkeypatch):
    names = []
    real = outputs.tempfile.mkstemp

    def spy(**kw):
        fd, name = real(**kw)
        names.append(name)
        return fd, name

    monkeypatch.setattr(outputs.tempfile, "mkstemp", spy)
    write_atomic(tmp_path / "feed.xml", b"a")
    write_atomic(tmp_path / "feed.xml", b"b")
    assert len(set(names)) == 2


def test_a_user_named_file_in_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        outputs.write_output(b"x", tmp_path / "no" / "such" / "paper.md")
    assert list(tmp_path.iterdir()) == []


# --- through the CLI ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from watcher.mirror.server import MirrorServer

    path = tmp_path_factory.mktemp("outputs") / "watch.db"
    with MirrorServer.from_content() as mirror:
        result = CliRunner().invoke(cli, ["--db", str(path), "--site", mirror.url, "scan", "--delay", "0"])
        assert result.exit_code == 0, result.output
    return path


def test_digest_to_docx_is_a_real_word_file(db, tmp_path):
    out = tmp_path / "x.docx"
    result = CliRunner().invoke(cli, ["--db", str(db), "digest", "--since", "2025-09-18",
                                      "--until", "2025-12-11", "-o", str(out)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "recommendations" in xml


def test_feed_to_atom_is_atom(db, tmp_path):
    out = tmp_path / "feed.atom"
    result = CliRunner().invoke(cli, ["--db", str(db), "feed", "--backfill", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert ElementTree.parse(out).getroot().tag == ATOM


def test_digest_to_json_is_json(db, tmp_path):
    out = tmp_path / "d.json"
    CliRunner().invoke(cli, ["--db", str(db), "digest", "--since", "2025-09-18", "-o", str(out)])
    assert json.loads(out.read_text())["reports"]


@pytest.mark.parametrize(
    "args",
    [["digest", "--since", "2025-09-18", "--format", "md", "-o", "{tmp}/x.docx"],
     ["feed", "--format", "rss", "-o", "{tmp}/feed.atom"],
     ["digest", "--since", "2025-09-18", "--format", "docx"]],
)
def test_a_contradicting_format_is_a_usage_error_and_writes_nothing(db, tmp_path, args):
    args = [a.format(tmp=tmp_path) for a in args]
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert result.exit_code == 2 and "error:" in result.output and result.exception.__class__ is SystemExit
    assert list(tmp_path.iterdir()) == []


# --- one digest-window rule ----------------------------------------------------------------


def config(*committees: Committee) -> Config:
    return Config(committees=list(committees))


JAC = Committee("Joint Audit Committee", "JAC", [date(2025, 9, 18), date(2025, 12, 11)])


def test_since_the_last_committee_runs_from_the_previous_meeting():
    w = digest_window(config(JAC), end=date(2025, 12, 1), today=date(2025, 12, 1))
    assert (w.start, w.end, w.committee, w.last_meeting, w.fallback) == (
        date(2025, 9, 18), date(2025, 12, 1), "JAC", date(2025, 9, 18), False)


def test_a_paper_for_a_meeting_starts_at_the_one_before_it():
    """On the meeting day itself the window still starts at the previous meeting."""
    w = digest_window(config(JAC), end=date(2025, 12, 11), meeting=date(2025, 12, 11),
                      today=date(2025, 12, 11))
    assert w.start == date(2025, 9, 18)


def test_a_first_meeting_falls_back_for_cli_and_scheduler_alike():
    new = Committee("New", "NEW", [date(2025, 12, 11)])
    for kw in ({}, {"meeting": date(2025, 12, 11), "committee": new}):
        w = digest_window(config(new), end=date(2025, 12, 1), today=date(2025, 12, 1), **kw)
        assert w.fallback and w.committee == "NEW"
        assert (w.end - w.start).days == FALLBACK_WINDOW_DAYS


def test_explicit_dates_keep_the_register_comparison():
    w = digest_window(config(JAC), end=date(2025, 12, 1), since=date(2025, 10, 1),
                      today=date(2025, 12, 1))
    assert (w.start, w.last_meeting, w.register_since) == (date(2025, 10, 1), None, date(2025, 9, 18))


@pytest.mark.parametrize(
    ("kw", "message"),
    [({"since": date(2030, 1, 1)}, "future"),
     ({"since": date(2025, 11, 2)}, "after it ends"),
     ({}, "no past committee meeting")],
)
def test_windows_a_digest_cannot_cover(kw, message):
    cfg = config() if not kw else config(JAC)
    with pytest.raises(WindowError, match=message):
        digest_window(cfg, end=date(2025, 11, 1), today=date(2025, 12, 1), **kw)


@pytest.mark.parametrize("since", ["2030-01-01", "2025-12-12"])
def test_the_cli_says_so_in_a_sentence(db, since):
    result = CliRunner().invoke(cli, ["--db", str(db), "digest", "--since", since, "--until", "2025-12-11"])
    assert result.exit_code == 2 and result.output.startswith("error: the window starts")
