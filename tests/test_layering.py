"""The layering rules of docs/architecture.md, checked on the source's imports.

The pipeline reads one way (fetch -> parse -> store -> publish) and each layer may use
only what is below it. The imports are read with ast, so an import inside a function
counts as much as one at the top of a module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "store", "watcher", "schedules")

#: (modules the rule covers, imports they must not make, why)
RULES = [
    ("core", ("watcher", "store", "schedules"), "core holds the shared records and rules: it uses nothing above it"),
    ("store", ("watcher", "schedules"), "the store keeps plain records; it knows no fetching, parsing or publishing"),
    ("watcher.parse", ("watcher.fetch", "watcher.discover", "store", "schedules"),
     "parsing is pure: bytes in, records out"),
    ("watcher.publish", ("httpx", "watcher.fetch", "watcher.discover", "urllib.request", "socket",
                         "http.client", "requests"),
     "publishing writes files from the store; it never reaches the network"),
]


def modules() -> dict[str, Path]:
    out = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            out[".".join(parts)] = path
    return out


def imports_of(path: Path, module: str) -> set[str]:
    """Every module `path` imports, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def violations(sources: dict[str, Path]) -> list[str]:
    out = []
    for module, path in sources.items():
        for covered, banned, why in RULES:
            if not within(module, covered):
                continue
            for name in sorted(imports_of(path, module)):
                hit = next((b for b in banned if within(name, b)), None)
                if hit:
                    out.append(f"{module} imports {name} ({why})")
    return sorted(set(out))


def test_the_tree_keeps_its_layers():
    sources = modules()
    assert {"core.models", "store.db", "watcher.parse.findings", "watcher.publish.feed"} <= sources.keys()
    assert violations(sources) == []


@pytest.mark.parametrize(
    ("module", "source", "rule"),
    [
        ("store.fake", "from watcher.config import Config\n", "store imports nothing of watcher"),
        ("core.fake", "def f():\n    import store.db\n", "core imports nothing above it, even lazily"),
        ("watcher.parse.fake", "from watcher.fetch import Fetcher\n", "parsing does not fetch"),
        ("watcher.parse.fake", "from ..fetch import Fetcher\n", "relative imports count"),
        ("watcher.publish.fake", "import httpx\n", "publishing does not reach the network"),
        ("watcher.publish.fake", "from urllib.request import urlopen\n", "nor through urllib"),
    ],
)
def test_a_violation_is_found(tmp_path, module, source, rule):
    path = tmp_path / "fake.py"
    path.write_text(source, encoding="utf-8")
    assert violations({module: path}), rule


def test_allowed_imports_pass(tmp_path):
    path = tmp_path / "fake.py"
    path.write_text("from core.models import Finding\nfrom store.db import Store\n"
                    "from urllib.parse import urljoin\n", encoding="utf-8")
    assert violations({"watcher.publish.fake": path}) == []
