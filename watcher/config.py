"""Configuration: TOML file + environment + command-line, with defaults a user expects.

Precedence (highest first): command-line option, environment variable, config file,
built-in default. The default database lives in the platform's user data directory and
the default site is the real HMICFRS site.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import platformdirs

from core.bodies import canonical_force, suggest
from core.dates import parse_date
from watcher import DEFAULT_SITE

APP = "hmicfrs-watch"

EXAMPLE = """\
# hmicfrs-watch configuration (TOML). Every key is optional.

[site]
url = "https://hmicfrs.justiceinspectorates.gov.uk"
delay = 1.0                      # seconds between requests to the same host
contact = "liaison@example.police.uk"  # added to the User-Agent so the site can reach you

[force]
name = "West Midlands Police"    # the force whose liaison team reads the digest
short = "WMP"                    # how the digest's sentences name it

[[committees]]
name = "Joint Audit Committee"
short = "JAC"
meetings = [2025-09-18, 2025-12-11, 2026-03-19]

[output]
dir = "/var/lib/hmicfrs-watch/out"   # feed.xml, feed.atom, digest-*.{md,html,docx}
font = "Arial"                   # the one font of the Word and HTML digest
generated = true                 # false: no "Generated ..." line in the digest

[notify]                         # e-mail / Teams after a scan with news (Apprise URLs)
urls = ["mailtos://user:password@smtp.example.police.uk?to=liaison@example.police.uk"]

[schedule]
scan_at = "06:30"                # daily scan, local time (cron-like HH:MM)
jitter = 600                     # up to this many seconds later, to spread load
digest_days_before = 10          # write a digest this many days before each meeting

[serve]
host = "127.0.0.1"
port = 8080

[discovery]
channel = "auto"                 # or "rest", "sitemaps", "listing" (auto: best that answers)
recent_days = 90                 # without dated edits: re-read these publications every scan
recheck_days = 30                # ... and every older one at least this often
reprobe_days = 7                 # how often "auto" looks for a better channel again
"""


class ConfigError(Exception):
    """The configuration file is missing, unreadable or has a wrong value."""


@dataclass
class Committee:
    name: str = "Joint Audit Committee"
    short: str = "JAC"
    meetings: list[date] = field(default_factory=list)

    @property
    def label(self) -> str:
        """How outputs name it: "JAC"."""
        return self.short or self.name

    def next_meeting(self, today: date) -> date | None:
        future = [m for m in self.meetings if m > today]
        return min(future) if future else None


@dataclass
class Config:
    site: str = DEFAULT_SITE
    db: Path = field(default_factory=lambda: default_db_path())
    delay: float = 1.0
    contact: str | None = None
    force: str | None = None  # the canonical name (core.bodies)
    force_short: str | None = None  # "WMP", for the digest's sentences
    committees: list[Committee] = field(default_factory=list)
    output_dir: Path = field(
        default_factory=lambda: Path(platformdirs.user_data_dir(APP, appauthor=False)) / "out"
    )
    scan_at: str = "06:30"
    jitter: int = 600
    digest_days_before: int = 10
    serve_host: str = "127.0.0.1"
    serve_port: int = 8080
    asset_hosts: list[str] = field(default_factory=list)
    discovery_channel: str = "auto"
    recent_days: int = 90
    recheck_days: int = 30
    reprobe_days: int = 7
    font: str = "Arial"  # [output] font: the digest's one font family
    generated_note: bool = True  # [output] generated = false: no "Generated ..." line
    notify: list[str] = field(default_factory=list)  # [notify] urls = [Apprise URLs]
    source: Path | None = None  # the file it was read from

    def last_meeting(self, today: date) -> tuple[Committee, date] | None:
        """The most recent committee meeting on or before `today`, across all committees."""
        return self.previous_meeting(today)

    def previous_meeting(
        self, end: date, *, before: date | None = None, committee: Committee | None = None
    ) -> tuple[Committee, date] | None:
        """The latest meeting on or before `end` (and before `before`), of `committee` or of
        any committee: where a digest window starts."""
        best: tuple[Committee, date] | None = None
        for c in [committee] if committee else self.committees:
            past = [m for m in c.meetings if m <= end and (before is None or m < before)]
            if past and (best is None or max(past) > best[1]):
                best = (c, max(past))
        return best


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False)) / "watch.db"


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP, appauthor=False)) / "config.toml"


def load_config(
    path: str | os.PathLike[str] | None = None,
    *,
    site: str | None = None,
    db: str | os.PathLike[str] | None = None,
    env: dict[str, str] | None = None,
) -> Config:
    """Build the Config from a TOML file (optional), the environment and overrides."""
    env = dict(os.environ if env is None else env)
    cfg = Config()
    explicit = path is not None or "HMICFRS_WATCH_CONFIG" in env
    file = Path(path or env.get("HMICFRS_WATCH_CONFIG") or default_config_path())
    if file.exists():
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config {file}: {exc}") from exc
        _apply(cfg, data, file)
        cfg.source = file
    elif explicit:
        raise ConfigError(f"config file {file} does not exist")
    if env.get("HMICFRS_WATCH_SITE"):
        cfg.site = env["HMICFRS_WATCH_SITE"]
    if env.get("HMICFRS_WATCH_DB"):
        cfg.db = Path(env["HMICFRS_WATCH_DB"])
    if site:
        cfg.site = site
    if db:
        cfg.db = Path(db)
    cfg.site = cfg.site.rstrip("/")
    if not cfg.site.startswith(("http://", "https://")):
        raise ConfigError(f"site {cfg.site!r} must start with http:// or https://")
    return cfg


# --- the schema: one line per key ------------------------------------------------------
#
# Each table maps its keys to (Config attribute, reader). A reader takes the TOML value
# and where it was found, and returns the value to store or raises ConfigError. Adding a
# key is one line here (and one field on Config).


def _text(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{where} must be text in quotes, not {value!r}")
    return value


def _texts(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of text, like [\"a\", \"b\"]")
    return list(value)


def _number(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ConfigError(f"{where} must be a number of 0 or more, not {value!r}")
    return float(value)


def _whole(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"{where} must be a whole number of 0 or more, not {value!r}")
    return value


def _port(value: object, where: str) -> int:
    port = _whole(value, where)
    if port > 65535:
        raise ConfigError(f"{where} must be a port number (0 to 65535), not {value!r}")
    return port


def _yes_no(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where} must be true or false, not {value!r}")
    return value


def _path(value: object, where: str) -> Path:
    return Path(_text(value, where)).expanduser()


def _force_name(value: object, where: str) -> str:
    try:
        return canonical_force_or_error(_text(value, where))
    except ConfigError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def _dates(value: object, where: str) -> list[date]:
    if not isinstance(value, list):
        raise ConfigError(f"{where} must be a list of dates, like [2025-09-18, 2025-12-11]")
    out = []
    for v in value:
        d = parse_date(v) if isinstance(v, date | str) else None
        if d is None:
            raise ConfigError(f"{where}: {v!r} is not a date (write it as 2025-12-11)")
        out.append(d)
    return sorted(out)


def _channel(value: object, where: str) -> str:
    channel = _text(value, where)
    if channel not in ("auto", "rest", "sitemaps", "listing"):
        raise ConfigError(f"{where} must be auto, rest, sitemaps or listing, not {channel!r}")
    return channel


def _days(least: int) -> Callable[[object, str], int]:
    def read(value: object, where: str) -> int:
        days = _whole(value, where)
        if days < least:
            raise ConfigError(f"{where} = {days} is too small (at least {least})")
        return days
    return read


Reader = Callable[[object, str], object]

ROOT: dict[str, tuple[str, Reader]] = {
    "db": ("db", _path),
}
TABLES: dict[str, dict[str, tuple[str, Reader]]] = {
    "site": {
        "url": ("site", _text),
        "delay": ("delay", _number),
        "contact": ("contact", _text),
        "asset_hosts": ("asset_hosts", _texts),
    },
    "force": {
        "name": ("force", _force_name),
        "short": ("force_short", _text),
    },
    "output": {
        "dir": ("output_dir", _path),
        "font": ("font", _text),
        "generated": ("generated_note", _yes_no),
    },
    "notify": {
        "urls": ("notify", _texts),
    },
    "schedule": {
        "scan_at": ("scan_at", _text),
        "jitter": ("jitter", _whole),
        "digest_days_before": ("digest_days_before", _whole),
    },
    "serve": {
        "host": ("serve_host", _text),
        "port": ("serve_port", _port),
    },
    "discovery": {
        "channel": ("discovery_channel", _channel),
        "recent_days": ("recent_days", _days(0)),
        "recheck_days": ("recheck_days", _days(1)),
        "reprobe_days": ("reprobe_days", _days(1)),
    },
}
COMMITTEE_KEYS: dict[str, tuple[str, Reader]] = {
    "name": ("name", _text),
    "short": ("short", _text),
    "meetings": ("meetings", _dates),
}


def _nearest(word: str, options) -> str | None:
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.5)
    return match[0] if match else None


def _unknown(what: str, word: str, options, shown=lambda s: s) -> ConfigError:
    near = _nearest(word, options)
    hint = f": did you mean {shown(near)}?" if near else f" (known: {', '.join(map(shown, options))})"
    return ConfigError(f"unknown {what}{hint}")


def canonical_force_or_error(name: str) -> str:
    """The canonical name of the police force `name` means; a ConfigError suggests the nearest.

    The config's [force] name and every --force go through here, so a typo never gives a
    digest that silently treats the force's own reports as another force's.
    """
    found = canonical_force(name)
    if found:
        return found
    near = suggest(name, ("force", "other"))
    hint = f": did you mean {near}?" if near else " (write it as HMICFRS does, e.g. West Midlands Police)"
    raise ConfigError(f"{name} is not a police force I know{hint}")


def _apply(cfg: Config, data: dict, file: Path) -> None:
    """Read `data` (the parsed TOML) into `cfg` by the schema; anything unknown is an error."""
    tables = [*TABLES, "committees"]
    for key, value in data.items():
        if key in ROOT:
            attr, read = ROOT[key]
            setattr(cfg, attr, read(value, f"{file}: {key}"))
        elif key in tables:
            continue
        elif isinstance(value, dict | list):
            shown = lambda t: f"[{t}]"  # noqa: E731
            raise ConfigError(f"{file}: {_unknown(f'table [{key}]', key, tables, shown)}")
        else:
            raise ConfigError(f"{file}: {_unknown(f'key {key}', key, [*ROOT, *tables])}")
    for name, keys in TABLES.items():
        table = data.get(name, {})
        if not isinstance(table, dict):
            raise ConfigError(f"{file}: [{name}] must be a table")
        _read_table(cfg, table, keys, f"[{name}]", file)
    committees = data.get("committees", [])
    if isinstance(committees, dict):
        committees = [committees]
    if not isinstance(committees, list) or not all(isinstance(c, dict) for c in committees):
        raise ConfigError(f"{file}: committees must be [[committees]] tables")
    for c in committees:
        committee = Committee()
        _read_table(committee, c, COMMITTEE_KEYS, "[[committees]]", file)
        cfg.committees.append(committee)


def _read_table(target: object, table: dict, keys: dict[str, tuple[str, Reader]],
                label: str, file: Path) -> None:
    for key, value in table.items():
        if key not in keys:
            raise ConfigError(f"{file}: {_unknown(f'key {key} in {label}', key, keys)}")
        attr, read = keys[key]
        setattr(target, attr, read(value, f"{file}: {key} in {label}"))
