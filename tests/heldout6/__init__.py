"""heldout6: blind held-out HMICFRS site fixture ("Kestrel" theme). See content.py and site.py."""
