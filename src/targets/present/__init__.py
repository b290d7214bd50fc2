"""Rendering: every output format, registered by name in `formats`."""
