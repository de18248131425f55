"""hmicfrs-watch: watch HMICFRS publications and count the findings in each report."""

__version__ = "0.1.0"

DEFAULT_SITE = "https://hmicfrs.justiceinspectorates.gov.uk"
ASSET_HOST = "assets-hmicfrs.justiceinspectorates.gov.uk"


def _leave_out_httpx_cli() -> None:
    """`import httpx` also imports httpx's own command-line tool (rich and pygments, about
    40% of httpx's import time) whenever those are installed, and the watcher never runs
    it. A stand-in `httpx._main` keeps it unloaded: a quiet day's scan is mostly imports."""
    import sys
    import types

    if "httpx" in sys.modules or "httpx._main" in sys.modules:
        return
    stub = types.ModuleType("httpx._main")

    def main() -> None:
        raise SystemExit("httpx's command-line tool is not loaded inside hmicfrs-watch")

    stub.main = main
    sys.modules["httpx._main"] = stub


_leave_out_httpx_cli()
