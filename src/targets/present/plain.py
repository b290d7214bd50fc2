"""Untrusted text made safe to show a person at a terminal.

A note, a source, a plan's name or a unit may hold control characters: an escape sequence
that moves the cursor, sets the window title or hides what follows, a carriage return
that overwrites the line, a bidirectional override that reorders it. Everything the tool
shows a person (tables, messages, check's findings) passes through `plain`, which writes
each such character as a visible escape (`\\x1b`, `\\u202e`) instead. Line breaks stay:
tables and messages break lines themselves. Machine formats (JSON, CSV) keep the text
exactly as recorded.
"""

from __future__ import annotations

# C0 controls but the line break, DEL, C1 controls (0x9b is a one-byte escape
# sequence introducer), and the bidirectional embeddings, overrides and isolates.
_CONTROLS = [
    *(c for c in range(0x20) if c != 0x0A),
    *range(0x7F, 0xA0),
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
]
_VISIBLE = {c: (f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}") for c in _CONTROLS}


def plain(text: str) -> str:
    """`text` with every control character shown as an escape, never acted upon."""
    return text.translate(_VISIBLE)
