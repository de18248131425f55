"""Configuration: TOML file + environment + command-line, with defaults a user expects.

Precedence (highest first): command-line option, environment variable, config file,
built-in default. The default database lives in the platform's user data directory and
the default site is the real HMICFRS site.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import platformdirs

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
short = "WMP"                    # how the paper names it in sentences

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
"""


class ConfigError(Exception):
    """The configuration file is missing, unreadable or has a wrong value."""


@dataclass
class Committee:
    name: str = "Joint Audit Committee"
    short: str = "JAC"
    meetings: list[date] = field(default_factory=list)

    def last_meeting(self, today: date) -> date | None:
        """The most recent meeting on or before `today`."""
        past = [m for m in self.meetings if m <= today]
        return max(past) if past else None

    def next_meeting(self, today: date) -> date | None:
        future = [m for m in self.meetings if m > today]
        return min(future) if future else None


@dataclass
class Config:
    site: str = DEFAULT_SITE
    db: Path = field(default_factory=lambda: default_db_path())
    delay: float = 1.0
    contact: str | None = None
    force: str | None = None
    force_short: str | None = None  # [force] short = "WMP": the paper's short name
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
    font: str = "Arial"  # [output] font: the digest's one font family
    generated_note: bool = True  # [output] generated = false: no "Generated ..." line
    notify: list[str] = field(default_factory=list)  # [notify] urls = [Apprise URLs]
    source: Path | None = None  # the file it was read from

    def last_meeting(self, today: date) -> tuple[Committee, date] | None:
        """The most recent past committee meeting across all committees."""
        best: tuple[Committee, date] | None = None
        for c in self.committees:
            m = c.last_meeting(today)
            if m and (best is None or m > best[1]):
                best = (c, m)
        return best


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False)) / "watch.db"


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP, appauthor=False)) / "config.toml"


def _date(value: object, where: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{where}: {value!r} is not a date (write it as 2025-12-11)") from None


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


def _apply(cfg: Config, data: dict, file: Path) -> None:
    def section(name: str) -> dict:
        value = data.get(name, {})
        if not isinstance(value, dict):
            raise ConfigError(f"{file}: [{name}] must be a table")
        return value

    s = section("site")
    cfg.site = str(s.get("url", cfg.site))
    cfg.contact = s.get("contact", cfg.contact)
    cfg.asset_hosts = list(s.get("asset_hosts", cfg.asset_hosts))
    try:
        cfg.delay = float(s.get("delay", cfg.delay))
        sch = section("schedule")
        cfg.jitter = int(sch.get("jitter", cfg.jitter))
        cfg.digest_days_before = int(sch.get("digest_days_before", cfg.digest_days_before))
        cfg.serve_port = int(section("serve").get("port", cfg.serve_port))
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{file}: {exc}") from None
    cfg.scan_at = str(sch.get("scan_at", cfg.scan_at))
    cfg.serve_host = str(section("serve").get("host", cfg.serve_host))
    if "db" in data:
        cfg.db = Path(str(data["db"])).expanduser()
    cfg.force = section("force").get("name", cfg.force)
    cfg.force_short = section("force").get("short", cfg.force_short)
    out = section("output")
    if "dir" in out:
        cfg.output_dir = Path(str(out["dir"])).expanduser()
    cfg.font = str(out.get("font", cfg.font))
    cfg.generated_note = bool(out.get("generated", cfg.generated_note))
    urls = section("notify").get("urls", [])
    cfg.notify = [urls] if isinstance(urls, str) else [str(u) for u in urls]
    committees = data.get("committees", [])
    if isinstance(committees, dict):
        committees = [committees]
    for i, c in enumerate(committees):
        where = f"{file}: committees[{i}]"
        meetings = sorted(_date(m, where) for m in c.get("meetings", []))
        cfg.committees.append(
            Committee(
                name=str(c.get("name", "Joint Audit Committee")),
                short=str(c.get("short", "JAC")),
                meetings=meetings,
            )
        )
