"""Data the offline demo ships with: a liaison officer's register workbook (see make_sample_register)."""

from pathlib import Path

SAMPLE_REGISTER = Path(__file__).parent / "register-sample.xlsx"
