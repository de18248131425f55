"""The bundled offline HMICFRS site mirror (tests and demo)."""
