"""The command line as a user and a cron job meet it: help, JSON contracts, exit codes."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner

from watcher.cli import cli

COMMANDS = ["scan", "reports", "findings", "changes", "feed", "digest", "demo", "config"]
REPORT_KEYS = {
    "url", "slug", "title", "published", "type", "forces", "recommendations",
    "recommendations_to_chief_constables", "areas_for_improvement", "causes_of_concern",
    "documents", "status", "first_seen", "last_changed",
}
EVENT_KEYS = {"at", "kind", "url", "slug", "title", "details"}


def run(*args, env=None):
    result = CliRunner().invoke(cli, list(args), env=env or {}, catch_exceptions=False)
    return result


@pytest.fixture
def scanned(mirror, tmp_path):
    """A database holding one scan of the mirror, and the global options that reach it."""
    db = tmp_path / "cli.db"
    opts = ["--db", str(db), "--site", mirror.url]
    result = run(*opts, "scan", "--delay", "0")
    assert result.exit_code == 0, result.output
    return opts


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_that_teaches(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output and len(result.output.splitlines()) > 4


def test_top_level_help_shows_the_daily_commands():
    out = run("--help").output
    for word in ("--db", "--site", "--config", "--quiet", "scan", "digest", "demo"):
        assert word in out


def test_scan_prints_one_summary_line_and_quiet_prints_nothing(mirror, tmp_path):
    opts = ["--db", str(tmp_path / "a.db"), "--site", mirror.url]
    first = run(*opts, "scan", "--delay", "0")
    assert first.exit_code == 0
    assert first.stdout.count("\n") == 1 and first.stdout.startswith("scan:")
    quiet = run(*opts, "-q", "scan", "--delay", "0")
    assert quiet.exit_code == 0 and quiet.output == ""


def test_reports_json_has_the_documented_fields(scanned, mirror):
    rows = json.loads(run(*scanned, "reports", "--format", "json").output)
    assert len(rows) == len(mirror.publications)
    for row in rows:
        assert REPORT_KEYS <= row.keys()
        assert row["status"] == "active"
        assert all({"url", "title"} <= d.keys() for d in row["documents"])
    published = [r["published"] for r in rows]
    assert published == sorted(published, reverse=True)


def test_reports_filters_by_date_and_force(scanned):
    rows = json.loads(
        run(*scanned, "reports", "--since", "2025-09-18", "--until", "2025-12-11",
            "--force", "West Midlands Police", "--format", "json").output
    )
    assert rows and all("2025-09-18" <= r["published"] <= "2025-12-11" for r in rows)
    assert all(
        r["all_forces"] or "West Midlands Police" in r["forces"] for r in rows
    )


def test_bad_date_is_a_usage_error(scanned):
    result = CliRunner().invoke(cli, [*scanned, "reports", "--since", "the 18th"])
    assert result.exit_code == 2 and "2025-12-11" in result.output


def test_a_uk_date_means_what_the_register_import_reads(scanned):
    """One reading of dates (core.dates): 18/09/2025 is 18 September, as in the spreadsheet."""
    uk = run(*scanned, "reports", "--since", "18/09/2025", "--format", "json").output
    assert json.loads(uk) == json.loads(run(*scanned, "reports", "--since", "2025-09-18",
                                            "--format", "json").output)
    assert all(r["published"] >= "2025-09-18" for r in json.loads(uk))


def test_changes_json_lists_new_events(scanned, mirror):
    events = json.loads(run(*scanned, "changes", "--format", "json").output)
    assert len(events) == len(mirror.publications)
    assert all(EVENT_KEYS <= e.keys() and e["kind"] == "new" for e in events)


def test_findings_trace_a_count(scanned):
    slug = "west-midlands-national-child-protection-inspection-november-2025"
    rows = json.loads(run(*scanned, "findings", "--report", slug, "--format", "json").output)
    report = next(
        r for r in json.loads(run(*scanned, "reports", "--format", "json").output)
        if r["slug"] == slug
    )
    assert len([r for r in rows if r["kind"] == "area_for_improvement"]) == report[
        "areas_for_improvement"
    ]


def test_feed_written_to_file_parses_and_leaves_out_the_backfill(scanned, mirror, tmp_path):
    from watcher.mirror.states import later_state

    out = tmp_path / "feed.xml"
    assert run(*scanned, "feed", "-o", str(out)).exit_code == 0
    parsed = feedparser.parse(out.read_bytes())
    assert not parsed.bozo and parsed.entries == []  # the archive's record is not news
    later, expected = later_state(mirror.publications)
    mirror.update(later)
    assert run(*scanned, "scan", "--delay", "0").exit_code == 0
    assert run(*scanned, "feed", "--format", "atom", "-o", str(out)).exit_code == 0
    parsed = feedparser.parse(out.read_bytes())
    assert not parsed.bozo and parsed.version == "atom10"
    titles = [e.title for e in parsed.entries]
    assert len(titles) == sum(len(k) for k in expected.values())
    assert any(t.startswith("Withdrawn: ") for t in titles)
    only_new = feedparser.parse(run(*scanned, "feed", "--kind", "new").stdout_bytes)
    assert [e.title.startswith("New report: ") for e in only_new.entries] == [True, True]


def test_digest_json_reproduces_the_committee_paper(scanned):
    data = json.loads(
        run(*scanned, "digest", "--since", "2025-09-18", "--until", "2025-12-11",
            "--force", "West Midlands Police", "--format", "json").output
    )
    assert {"since", "until", "force", "reports", "changes"} <= data.keys()
    figures = {
        r["url"].rstrip("/").rsplit("/", 1)[-1]: (r["recommendations"], r["recommendations_to_chief_constables"],
                    r["areas_for_improvement"])
        for r in data["reports"]
    }
    assert figures[
        "effectiveness-of-diverting-children-from-the-criminal-justice-system"
    ] == (18, 1, 0)
    assert figures[
        "effectiveness-of-police-and-law-enforcement-response-to-group-based-child-sexual-exploitation-progress"
    ] == (6, 4, 0)
    assert figures["west-midlands-national-child-protection-inspection-november-2025"] == (0, 0, 7)


def test_since_last_committee_uses_the_config(scanned, tmp_path):
    config = tmp_path / "c.toml"
    config.write_text(
        '[force]\nname = "West Midlands Police"\n'
        "[[committees]]\nname = 'Joint Audit Committee'\nshort = 'JAC'\n"
        "meetings = [2025-09-18, 2099-01-01]\n"
    )
    out = run("--config", str(config), *scanned, "digest", "--since-last-committee").output
    assert "Since the last JAC on 18 September 2025" in out


def test_since_last_committee_without_meetings_says_what_to_do(scanned, tmp_path):
    config = tmp_path / "empty.toml"
    config.write_text("")
    result = CliRunner().invoke(
        cli, ["--config", str(config), *scanned, "digest", "--since-last-committee"]
    )
    assert result.exit_code == 2 and "committees" in result.output


def test_unreachable_site_exits_non_zero_and_says_why(tmp_path):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "x.db"), "--site", f"http://127.0.0.1:{port}",
              "-q", "scan", "--delay", "0"],
    )
    assert result.exit_code == 1
    assert "error:" in result.output


def test_locked_database_exits_3(scanned, mirror):
    from store.db import Store

    db = scanned[1]
    with Store(db) as store, store.exclusive("scan"):
        result = CliRunner().invoke(cli, [*scanned, "scan", "--delay", "0"])
    assert result.exit_code == 3 and "already running" in result.output


def test_bad_config_is_a_clear_usage_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[[committees]]\nmeetings = ['next tuesday']\n")
    result = CliRunner().invoke(cli, ["--config", str(bad), "reports"])
    assert result.exit_code == 2 and "2025-12-11" in result.output


def test_console_script_is_installed():
    out = subprocess.run(
        [sys.executable, "-m", "watcher.cli", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0 and "hmicfrs-watch" in out.stdout


def test_changes_diff_shows_what_changed_in_the_text(scanned, mirror):
    from watcher.mirror.states import GAIN_RECOMMENDATION, later_state

    later, _ = later_state(mirror.publications)
    mirror.update(later)
    assert run(*scanned, "scan", "--delay", "0").exit_code == 0
    slug = next(iter(GAIN_RECOMMENDATION))
    out = run(*scanned, "changes", "--diff", slug).output
    added = [line for line in out.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert any("domestic abuse protection order in every relevant" in line for line in added)
    # the furniture (nonce, "last updated" stamp) never shows up as a change
    assert not any("nonce" in line.lower() or "last updated" in line.lower() for line in added)


def test_changes_diff_of_unknown_slug_is_a_usage_error(scanned):
    result = CliRunner().invoke(cli, [*scanned, "changes", "--diff", "no-such-report"])
    assert result.exit_code == 2 and "reports" in result.output


# --- every command, with --help and with a bad argument: a sentence, never a traceback ----


def all_commands(group=cli, path=()):
    """(path, command) for every sub-command and sub-sub-command."""
    import click

    for name, command in sorted(group.commands.items()):
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from all_commands(command, (*path, name))


ALL = [" ".join(p) for p, _ in all_commands()]
BAD_VALUES = {"--since": "someday", "--until": "someday", "--at": "someday", "--force": "Nowhere Police",
              "--applies-to": "the moon", "--report": "no-such-report"}


def bad_arguments(command) -> list[list[str]]:
    """An unknown option, and a bad value for each option whose values are checked."""
    import click

    out = [["--no-such-option"]]
    for p in command.params:
        if not isinstance(p, click.Option) or p.is_flag:
            continue
        name = max(p.opts, key=len)
        if name in BAD_VALUES:
            out.append([name, BAD_VALUES[name]])
        elif isinstance(p.type, click.Choice | click.types._NumberRangeBase | click.types.IntParamType
                        | click.types.FloatParamType):
            out.append([name, "bogus"])
    return out


CASES = [(" ".join(p), args) for p, c in all_commands() if not hasattr(c, "commands")
         for args in bad_arguments(c)]


def test_the_sweep_reaches_every_command():
    assert {"scan", "reports", "findings", "digest", "register sync", "register export", "browse",
            "schedule", "serve"} <= set(ALL)
    assert len(CASES) > len(ALL)


@pytest.mark.parametrize("command", ALL)
def test_help_of_every_command(command):
    result = CliRunner().invoke(cli, [*command.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output and "Traceback" not in result.output


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory):
    from store.db import Store

    path = tmp_path_factory.mktemp("sweep") / "watch.db"
    Store(path).close()
    return path


@pytest.mark.parametrize(("command", "args"), CASES, ids=[f"{c} {' '.join(a)}" for c, a in CASES])
def test_a_bad_argument_is_a_usage_error_not_a_traceback(empty_db, command, args):
    positional = {"register set": ["1"], "register import": [], "register export": ["-"]}.get(command, [])
    result = CliRunner().invoke(cli, ["--db", str(empty_db), *command.split(), *positional, *args])
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert "Traceback" not in result.output and result.output.strip()


def test_a_bad_argument_in_a_real_process_prints_one_sentence(tmp_path):
    missing = tmp_path / "no" / "dir" / "watch.db"
    out = subprocess.run([sys.executable, "-m", "watcher.cli", "--db", str(missing), "reports"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert out.stderr.startswith("error: the database") and "does not exist" in out.stderr
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "no").exists()


# --- read commands read: they never create, and work on what they may not change ----------

READ_COMMANDS = [["reports"], ["findings"], ["changes"], ["feed"], ["digest", "--since", "2025-09-18"],
                 ["register", "list"], ["register", "export", "-"], ["register", "history"],
                 ["register", "table", "--at", "2025-09-18"]]


@pytest.mark.parametrize("args", READ_COMMANDS, ids=" ".join)
def test_a_read_command_never_creates_a_database_or_folders(tmp_path, args):
    db = tmp_path / "nonexistent" / "dir" / "watch.db"
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert result.exit_code == 2 and "does not exist" in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def read_only(scanned, monkeypatch):
    """The scanned database as a user who may not write it (simulated: tests run as root)."""
    import store.db

    real = os.access
    monkeypatch.setattr(store.db.os, "access",
                        lambda p, mode, **kw: False if mode & os.W_OK else real(p, mode, **kw))
    return scanned


@pytest.mark.parametrize("args", READ_COMMANDS, ids=" ".join)
def test_a_read_command_works_on_a_read_only_database(read_only, args):
    db = Path(read_only[1])
    before = (db.stat().st_mtime_ns, db.read_bytes())
    names = {p.name for p in db.parent.iterdir()}
    result = CliRunner().invoke(cli, [*read_only, *args])
    assert result.exit_code == 0, result.output
    assert (db.stat().st_mtime_ns, db.read_bytes()) == before
    # nothing new but SQLite's own WAL index, which it makes only where it can
    assert {p.name for p in db.parent.iterdir()} - names <= {"cli.db-wal", "cli.db-shm"}


def as_a_user_bound_by_permissions() -> list[str]:
    """A command prefix under which file modes are obeyed: none for an ordinary user; for
    root (as in containers), setpriv dropping the capabilities that override them."""
    if os.geteuid() != 0:
        return []
    import shutil

    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: file modes cannot be made to bind")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]


@pytest.mark.parametrize("args", [["reports", "--format", "json"], ["digest", "--since", "2025-09-18"]],
                         ids=" ".join)
def test_a_read_command_works_in_a_read_only_folder(scanned, args):
    db = Path(scanned[1])
    db.chmod(0o444)
    db.parent.chmod(0o555)
    try:
        out = subprocess.run([*as_a_user_bound_by_permissions(), sys.executable, "-m", "watcher.cli",
                              "--db", str(db), *args], capture_output=True, text=True, timeout=120)
        write = subprocess.run([*as_a_user_bound_by_permissions(), sys.executable, "-m", "watcher.cli",
                                "--db", str(db), "register", "sync", "--force", "Kent Police"],
                               capture_output=True, text=True, timeout=120)
    finally:
        db.parent.chmod(0o755)
        db.chmod(0o644)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() and "Traceback" not in out.stderr
    # a command that writes says why it cannot, in a sentence
    assert write.returncode == 3 and "read-only" in write.stderr and "Traceback" not in write.stderr


# --- unknown values are usage errors with the valid choices ---------------------------------


@pytest.mark.parametrize(
    ("args", "hint"),
    [(["findings", "--report", "peel-2025-cumbria"], "did you mean"),
     (["findings", "--kind", "afi"], "area_for_improvement"),
     (["changes", "--kind", "renamed"], "metadata_changed"),
     (["feed", "--kind", "renamed"], "metadata_changed"),
     (["findings", "--applies-to", "chief constabels"], "chief-constables"),
     (["findings", "--applies-to", "West Midlnds"], "did you mean West Midlands Police?")],
)
def test_an_unknown_value_lists_the_choices(scanned, args, hint):
    result = CliRunner().invoke(cli, [*scanned, *args])
    assert result.exit_code == 2 and hint in result.output


# --- one meaning of "applies to chief constables" -------------------------------------------


def test_findings_to_chief_constables_are_the_rows_reports_count(scanned):
    reports = json.loads(run(*scanned, "reports", "--format", "json").output)
    rows = json.loads(run(*scanned, "findings", "--applies-to", "chief-constables", "--format", "json").output)
    assert len(rows) == sum(r["recommendations_to_chief_constables"] for r in reports) > 0
    assert {r["kind"] for r in rows} == {"recommendation"}
    per_report = {r["slug"]: r["recommendations_to_chief_constables"] for r in reports}
    for slug in {r["report_slug"] for r in rows}:
        assert sum(1 for r in rows if r["report_slug"] == slug) == per_report[slug]


def test_a_single_forces_afis_apply_to_that_force(scanned):
    rows = json.loads(run(*scanned, "findings", "--kind", "area_for_improvement", "--format", "json").output)
    reports = {r["slug"]: r for r in json.loads(run(*scanned, "reports", "--format", "json").output)}
    single = [r for r in rows if len(reports[r["report_slug"]]["forces"]) == 1]
    assert single
    for r in single:
        assert r["force"] == reports[r["report_slug"]]["forces"][0]
        assert r["applies_to_chief_constables"] is False
    wmp = json.loads(run(*scanned, "findings", "--applies-to", "west midlands", "--format", "json").output)
    assert {r["force"] for r in wmp if r["kind"] == "area_for_improvement"} == {"West Midlands Police"}


def test_findings_for_a_force_are_its_register(scanned, tmp_path):
    """`findings --applies-to FORCE` and the force's register hold the same findings."""
    rows = json.loads(run(*scanned, "findings", "--applies-to", "West Midlands Police",
                          "--format", "json").output)
    assert run(*scanned, "register", "sync", "--force", "West Midlands Police").exit_code == 0
    entries = json.loads(run(*scanned, "register", "list", "--format", "json").output)
    assert sorted((r["report_url"], r["kind"], r["text"]) for r in rows) == sorted(
        (e["report_url"], e["kind"], e["finding_text"]) for e in entries)


def test_register_set_takes_what_the_import_takes(scanned):
    assert run(*scanned, "register", "sync", "--force", "West Midlands Police").exit_code == 0
    entry = json.loads(run(*scanned, "register", "list", "--format", "json").output)[0]
    result = run(*scanned, "register", "set", str(entry["id"]), "--status", "Closed",
                 "--at", "11/12/2025")
    assert result.exit_code == 0, result.output
    after = json.loads(run(*scanned, "register", "history", str(entry["id"]), "--format", "json").output)
    assert after[-1]["status"] == "closed" and after[-1]["at"].startswith("2025-12-11")
    bad = CliRunner().invoke(cli, [*scanned, "register", "set", str(entry["id"]), "--status", "maybe"])
    assert bad.exit_code == 2 and "open or closed" in bad.output


def test_every_force_option_is_checked_against_the_register():
    forces = [(p, c) for p, c in all_commands() for o in c.params if "--force" in getattr(o, "opts", ())]
    assert len(forces) >= 5
    from watcher.cli._base import force_name

    for path, command in forces:
        option = next(o for o in command.params if "--force" in getattr(o, "opts", ()))
        assert option.callback is force_name, " ".join(path)
