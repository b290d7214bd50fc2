"""Reading the ledger fast: the tool writes every entry in one regular layout.

`record` and `import` append each `[[actual]]` block the same way (`format_entry`): one
`key = value` line per field, in the order of `FIELDS`, strings without escapes as a rule,
numbers and times as Python spells them. A ledger the tool wrote is a run of such blocks
after a few comment lines, and one regular expression reads it about ten times faster than
tomllib (bench/parsers.py). Anything else — a comment between entries, an escape, another
order, a table written by hand, a date that does not exist — makes `read` answer None,
and the caller reads the file with tomllib, which also names the line of any mistake.

The grammar below is a subset of TOML's, and a block it accepts reads to the same row as
tomllib's reading of it: tests/test_layout_reader.py checks both readers against each
other.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from targets.domain.entries import FIELDS, Row

# A basic string without escapes: TOML allows any character there but ", \ and the
# control characters other than tab.
_STR = r'"([^"\\\x00-\x08\x0a-\x1f\x7f]*)"'
# A float or an integer as Python's repr writes one (no underscores, no leading zeros).
_NUM = r"(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)"
# An offset date-time as tomli_w writes one (isoformat, T or a space between).
_WHEN = (
    r"([0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}"
    r"(?:\.[0-9]{6})?[+-][0-9]{2}:[0-9]{2})"
)
# How each field's value is written; a field missing here turns the fast reader off (and
# fails tests/test_layout_reader.py), so that a new field is never read wrongly.
_VALUE = {
    "target": _STR,
    "period": _STR,
    "value": _NUM,
    "source": _STR,
    "note": _STR,
    "region": _STR,
    "withdrawn": r"(true)",  # written only on a withdrawal, which has no value
    # an import's entries: its name and size (a size below 2, or an empty name, is the
    # slow reader's to name)
    "batch": _STR.replace("*", "+"),
    "batch_size": r"([2-9]|[1-9][0-9]+)",
    "recorded_at": _WHEN,
}
REQUIRED = ("target", "period", "recorded_at")
# Comment lines and blank lines before the first entry (the header the tool writes).
_HEAD = re.compile(r"(?:#[^\x00-\x08\x0a-\x1f\x7f]*\n|\n)*")


def _block() -> re.Pattern[str] | None:
    if any(name not in _VALUE for name in FIELDS):
        return None
    lines = []
    for name in FIELDS:
        line = rf"{name} = {_VALUE[name]}\n"
        lines.append(line if name in REQUIRED else f"(?:{line})?")
    return re.compile(r"\n\[\[actual\]\]\n" + "".join(lines))


_BLOCK = _block()
_AT = {name: n for n, name in enumerate(FIELDS)}


def read(
    text: str,
    period: Callable[[str], str],
    batches: dict[str, list[tuple[int, int]]] | None = None,
) -> list[Row] | None:
    """The rows of a ledger in the tool's own layout, or None for anything else.

    `period` turns a period as written into its canonical form (raising ValueError for
    one that is no period: then None too, and tomllib's reading names the mistake).
    `batches`, when given, gets each import's name → (row, size) of each of its entries.
    """
    if _BLOCK is None:
        return None
    head = _HEAD.match(text)
    pos = head.end() if head else 0
    if pos and text.startswith("[[", pos):
        pos -= 1  # the blank line before the first block is that block's own
    at_target, at_period, at_value = _AT["target"], _AT["period"], _AT["value"]
    at_when, at_source, at_note = _AT["recorded_at"], _AT["source"], _AT["note"]
    at_region, at_batch, at_size = _AT["region"], _AT["batch"], _AT["batch_size"]
    at_withdrawn = _AT["withdrawn"]
    if batches is None:
        batches = {}
    periods: dict[str, str] = {}
    names: dict[str, str] = {}  # one object per distinct text: a year holds few of them
    intern = names.setdefault
    fromiso = datetime.fromisoformat
    rows: list[Row] = []
    for m in _BLOCK.finditer(text, pos):
        if m.start() != pos:
            return None
        pos = m.end()
        g = m.groups()
        target = g[at_target]
        if not target:
            return None
        canon = periods.get(g[at_period])
        if canon is None:
            try:
                canon = periods[g[at_period]] = period(g[at_period])
            except ValueError:
                return None
        try:
            when = fromiso(g[at_when]).isoformat()
        except ValueError:
            return None
        source, note, region = g[at_source], g[at_note], g[at_region]
        if g[at_batch] is not None or g[at_size] is not None:
            if g[at_batch] is None or g[at_size] is None:
                return None
            batches.setdefault(g[at_batch], []).append((len(rows), int(g[at_size])))
        value, withdrawn = g[at_value], g[at_withdrawn] is not None
        if (value is None) != withdrawn:
            return None  # a figure without its value, or a withdrawal with one: tomllib names it
        if value is not None and len(value) > 30:  # maybe beyond a float: tomllib names it
            return None
        rows.append(
            (
                intern(target, target),
                canon,
                None if value is None else float(value),
                when,
                None if source is None else intern(source, source),
                note,
                None if region is None else intern(region, region),
                withdrawn,
            )
        )
    return rows if pos == len(text) else None
