"""hmicfrs-watch: watch HMICFRS publications and count the findings in each report."""

__version__ = "0.1.0"

DEFAULT_SITE = "https://hmicfrs.justiceinspectorates.gov.uk"
ASSET_HOST = "assets-hmicfrs.justiceinspectorates.gov.uk"
