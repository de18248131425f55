"""Publish: what is stored -> the feed, the committee digest and the other outputs."""
