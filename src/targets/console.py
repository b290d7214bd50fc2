"""What a console can show: when its encoding lacks a character (✔ on a GBK console, or
a table redirected to a file on Chinese Windows), a substitute it has takes its place, so
Chinese is kept and nothing fails to encode."""

from __future__ import annotations

import codecs
from collections.abc import Callable

# Substitutes, best first: GBK (and GB18030) has the first of each; ASCII the last.
SUBSTITUTES: dict[str, tuple[str, ...]] = {
    "✔": ("√", "v"),
    "✓": ("√", "v"),
    "✗": ("×", "x"),
    "✘": ("×", "x"),
    "⚠": ("!",),
    "–": ("-",),
    "—": ("-",),
    "…": ("...",),
    "·": (".",),
    "≤": ("<=",),
    "≥": (">=",),
    "±": ("+-",),
    "×": ("x",),
    "√": ("v",),
    "\u2009": (" ",),
}


def fit(text: str, encoding: str) -> str:
    """`text` with every character `encoding` cannot write replaced: by its substitute
    when the encoding has that, else by `?`."""
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        pass
    except LookupError:
        return text
    encoder = codecs.getencoder(encoding)
    out = []
    for ch in text:
        if _has(encoder, ch):
            out.append(ch)
        else:
            out.append(next((s for s in SUBSTITUTES.get(ch, ()) if _has(encoder, s)), "?"))
    return "".join(out)


def encode(text: str, encoding: str) -> bytes:
    """`text` as bytes in `encoding`, with substitutes for what it lacks."""
    try:
        return fit(text, encoding).encode(encoding, "replace")
    except LookupError:
        return text.encode("utf-8")


def _has(encoder: Callable[[str], object], text: str) -> bool:
    try:
        encoder(text)
    except UnicodeEncodeError:
        return False
    return True
