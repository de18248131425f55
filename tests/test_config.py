"""Config validation: a typo is a sentence naming the key and its nearest valid spelling."""

from __future__ import annotations

import tomllib
from datetime import date

import pytest
from click.testing import CliRunner

from watcher.cli import cli
from watcher.config import EXAMPLE, ConfigError, load_config


def load(tmp_path, text: str):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path, env={})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[forces]\nname = "West Midlands Police"\n', "unknown table [forces]: did you mean [force]?"),
        ("[scheduel]\nscan_at = '06:30'\n", "unknown table [scheduel]: did you mean [schedule]?"),
        ("[[committees]]\nmeeting = [2025-09-18]\n",
         "unknown key meeting in [[committees]]: did you mean meetings?"),
        ('[force]\nnmae = "Kent Police"\n', "unknown key nmae in [force]: did you mean name?"),
        ('[force]\nname = "West Midlnds Police"\n',
         "West Midlnds Police is not a police force I know: did you mean West Midlands Police?"),
        ("[[committees]]\nmeetings = ['next week']\n", "'next week' is not a date"),
        ("[[committees]]\nmeetings = 2025-09-18\n", "must be a list of dates"),
        ('[site]\ndelay = "fast"\n', "delay in [site] must be a number"),
        ("[serve]\nport = 70000\n", "port number"),
        ("dbb = 'x.db'\n", "unknown key dbb: did you mean db?"),
    ],
)
def test_a_typo_is_named_with_its_nearest_valid_spelling(tmp_path, text, message):
    with pytest.raises(ConfigError) as err:
        load(tmp_path, text)
    assert message in str(err.value)
    assert str(tmp_path / "config.toml") in str(err.value)  # says which file


def test_the_force_is_stored_by_its_canonical_name(tmp_path):
    cfg = load(tmp_path, '[force]\nname = "west midlands"\nshort = "WMP"\n')
    assert (cfg.force, cfg.force_short) == ("West Midlands Police", "WMP")


def test_meeting_dates_are_read_as_dates_are_everywhere(tmp_path):
    cfg = load(tmp_path, "[[committees]]\nshort = 'JAC'\nmeetings = [2025-12-11, '18/09/2025']\n")
    assert cfg.committees[0].meetings == [date(2025, 9, 18), date(2025, 12, 11)]
    assert cfg.committees[0].label == "JAC"


def test_the_printed_example_is_a_valid_config(tmp_path):
    """`hmicfrs-watch config` prints EXAMPLE: every key in it must be one the schema knows."""
    cfg = load(tmp_path, EXAMPLE)
    data = tomllib.loads(EXAMPLE)
    assert cfg.force == data["force"]["name"]
    assert cfg.committees[0].meetings == sorted(data["committees"][0]["meetings"])


def test_the_cli_exits_2_with_the_sentence(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('[forces]\nname = "West Midlands Police"\n')
    result = CliRunner().invoke(cli, ["--config", str(path), "--db", str(tmp_path / "w.db"), "reports"])
    assert result.exit_code == 2
    assert "did you mean [force]?" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "w.db").exists()


@pytest.mark.parametrize(
    "args",
    [["reports"], ["feed"], ["digest", "--since", "2025-09-18"], ["register", "sync"]],
)
def test_force_on_any_command_must_be_a_force(tmp_path, args):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "w.db"), *args,
                                      "--force", "West Midlnds Police"])
    assert result.exit_code == 2
    assert "did you mean West Midlands Police?" in result.output
    assert not (tmp_path / "w.db").exists()
