"""The SQLite store."""

from store.db import Store

__all__ = ["Store"]
