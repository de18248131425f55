"""Parse: fetched bytes -> Publication with its findings (no I/O, no store)."""
