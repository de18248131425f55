"""A real WordPress (Debian's packages) on loopback, loaded with the mirror's content."""
