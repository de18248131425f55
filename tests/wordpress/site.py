"""Start Debian's WordPress on 127.0.0.1: MariaDB in a temporary datadir, PHP's built-in
server, a mu-plugin for the publication post types and the shapes, the mirror's content
loaded through WordPress's own functions (wp_insert_post, wp_update_post, wp_trash_post).

`unavailable()` says why it cannot run here (missing packages), or None.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import httpx

from watcher.mirror.content import MirrorPublication
from watcher.mirror.render import build_site

HERE = Path(__file__).resolve().parent
WORDPRESS = Path(os.environ.get("WATCH_WORDPRESS_DIR", "/usr/share/wordpress"))
PACKAGES = "wordpress mariadb-server php-cli php-mysql php-xml php-mbstring"
SHAPES = {  # name -> options: the shapes the watcher is proved against
    "lastmod": {"watch_sitemaps": 1, "watch_lastmod": 1},
    "no-lastmod": {"watch_sitemaps": 1, "watch_lastmod": 0},
    "no-sitemaps": {"watch_sitemaps": 0, "watch_lastmod": 0},
}
_MAIN_RE = re.compile(r"<main\b[^>]*>(.*)</main>", re.S)


def _which(*names: str) -> str | None:
    for name in names:
        for folder in (*os.environ.get("PATH", "").split(os.pathsep), "/usr/sbin", "/sbin"):
            path = Path(folder) / name
            if path.is_file() and os.access(path, os.X_OK):
                return str(path)
    return None


def unavailable() -> str | None:
    """Why a WordPress cannot be started here, or None."""
    missing = [n for n, found in (
        ("php", _which("php")),
        ("mariadbd", _which("mariadbd", "mysqld")),
        ("mariadb-install-db", _which("mariadb-install-db", "mysql_install_db")),
        ("WordPress", (WORDPRESS / "wp-load.php").is_file() or None),
    ) if not found]
    if missing:
        return f"needs {', '.join(missing)} (apt-get install {PACKAGES})"
    mods = subprocess.run([_which("php"), "-m"], capture_output=True, text=True).stdout.lower()
    lacking = [m for m in ("mysqli", "simplexml") if m not in mods.split()]
    if lacking:
        return f"PHP lacks {', '.join(lacking)} (apt-get install {PACKAGES})"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(predicate, what: str, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not start within {timeout:.0f}s")


class WordPress:
    """One WordPress site: `url`, `load(pubs, asset_url)`, `shape(name, rest=...)`."""

    def __init__(self, workdir: Path | None = None):
        self._tmp = None if workdir else tempfile.TemporaryDirectory(prefix="wp-")
        self.dir = Path(workdir or self._tmp.name)
        self.root = self.dir / "wordpress"
        self.sock = self.dir / "mysql.sock"
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._procs: list[subprocess.Popen] = []
        self._slugs: set[str] = set()

    # -- lifecycle
    def start(self) -> WordPress:
        self._start_db()
        self._copy_wordpress()
        self._php("install", {"url": self.url, "title": "HMICFRS (test WordPress)"})
        log = open(self.dir / "php-server.log", "wb")
        self._procs.append(subprocess.Popen(
            [_which("php"), "-S", f"127.0.0.1:{self.port}", "-t", str(self.root),
             str(self.root / "router.php")],
            stdout=log, stderr=subprocess.STDOUT, cwd=self.root,
            env={**os.environ, "PHP_CLI_SERVER_WORKERS": "2"},
        ))
        _wait(self._answers, "PHP's server")
        return self

    def _answers(self) -> bool:
        try:
            return httpx.get(self.url + "/robots.txt", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    def _start_db(self) -> None:
        data = self.dir / "mysql"
        data.mkdir()
        user = ["--user=root"] if os.geteuid() == 0 else []
        install = _which("mariadb-install-db", "mysql_install_db")
        subprocess.run(
            [install, "--no-defaults", f"--datadir={data}", "--auth-root-authentication-method=normal",
             "--skip-test-db", *user],
            check=True, capture_output=True,
        )
        log = open(self.dir / "mysql.log", "wb")
        self._procs.append(subprocess.Popen(
            [_which("mariadbd", "mysqld"), "--no-defaults", f"--datadir={data}",
             f"--socket={self.sock}", "--skip-networking", "--skip-grant-tables",
             f"--pid-file={self.dir / 'mysql.pid'}", "--innodb-buffer-pool-size=32M",
             "--skip-log-bin", *user],
            stdout=log, stderr=subprocess.STDOUT,
        ))
        _wait(self.sock.exists, "MariaDB")
        client = _which("mariadb", "mysql")
        _wait(lambda: subprocess.run([client, "--no-defaults", f"--socket={self.sock}", "-e",
                                      "CREATE DATABASE IF NOT EXISTS wordpress"],
                                     capture_output=True).returncode == 0, "MariaDB's socket")

    def _copy_wordpress(self) -> None:
        shutil.copytree(WORDPRESS, self.root, symlinks=False,
                        ignore=shutil.ignore_patterns("wp-config.php", "languages", "akismet"))
        content = self.root / "wp-content"
        (content / "mu-plugins").mkdir(parents=True, exist_ok=True)
        shutil.copy(HERE / "mu-plugin.php", content / "mu-plugins" / "watch.php")
        shutil.copytree(HERE / "theme", content / "themes" / "watchtest")
        shutil.copy(HERE / "router.php", self.root / "router.php")
        shutil.copy(HERE / "tool.php", self.root / "tool.php")
        (self.root / "wp-config.php").write_text(f"""<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:{self.sock}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$table_prefix = 'wp_';
define('WP_DEBUG', false);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT',
          'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as $k) define($k, 'test-' . $k);
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
""")

    def close(self) -> None:
        for proc in reversed(self._procs):
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self._procs.clear()
        if self._tmp is not None:
            self._tmp.cleanup()

    def __enter__(self) -> WordPress:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    # -- content and shapes
    def _php(self, command: str, args) -> str:
        payload = self.dir / f"{command}.json"
        payload.write_text(json.dumps(args))
        done = subprocess.run([_which("php"), str(self.root / "tool.php"), str(self.root), command,
                               str(payload)], capture_output=True, text=True, cwd=self.root)
        if done.returncode != 0 or "Fatal error" in done.stdout:
            raise RuntimeError(f"tool.php {command} failed: {done.stdout[-2000:]}{done.stderr[-2000:]}")
        return done.stdout

    def shape(self, name: str, *, rest: bool = True) -> None:
        """Switch the site to one of SHAPES, with its REST API on or off."""
        self._php("options", {**SHAPES[name], "watch_rest": int(rest)})

    def load(self, pubs: list[MirrorPublication], asset_url: str) -> None:
        """Make the site hold exactly `pubs` (as the mirror renders them): new ones are
        inserted, changed ones updated (their modified time is the content's lastmod),
        withdrawn ones and ones no longer listed trashed."""
        pages = build_site(pubs, base_url=self.url, asset_url=asset_url, nonce="0",
                           built_at=None)
        posts = []
        for pub in pubs:
            date = f"{pub.published.isoformat()} 00:01:00"
            mod = pub.lastmod.strftime("%Y-%m-%d %H:%M:%S")
            for kind, path in (("publication", pub.path), ("publication-html", pub.report_path)):
                if path is None:
                    continue
                body = "" if pub.withdrawn else _MAIN_RE.search(pages[path].body.decode())[1]
                posts.append({"type": kind, "slug": pub.slug, "title": pub.title, "content": body,
                              "date_gmt": date, "modified_gmt": mod, "trash": pub.withdrawn})
        gone = self._slugs - {p.slug for p in pubs}
        for slug in sorted(gone):  # no longer on the site at all
            posts += [{"type": kind, "slug": slug, "title": "", "content": "", "date_gmt": "",
                       "modified_gmt": "", "trash": True} for kind in ("publication", "publication-html")]
        self._slugs = {p.slug for p in pubs}
        self._php("load", posts)
