"""The vocabulary every stage shares: records, the force register, safe text.

`core` imports nothing of `watcher`, `store` or `schedules`; they all import it.
"""
