"""Recording figures: one from the command line, and withdrawing one (the import of many
is `targets.importing`).

Everything a figure must satisfy is checked before anything is written: the target is
the plan's, the period is in the plan's year and one its frequency takes, the value is a
finite number, and a second figure for a period is a revision only when asked for.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from targets.domain.entries import Entry, Key, Row, entry_from_row, figures_in_force, in_force
from targets.domain.plan import Plan
from targets.errors import RecordError
from targets.evaluation import plausibility
from targets.messages import Message, msg
from targets.store import ledger_file as ledger


def parse_value(text: str) -> float:
    """A figure as typed (full-width digits too): a finite number; RecordError otherwise."""
    plain = unicodedata.normalize("NFKC", text).strip()  # ５．８ is 5.8, －０．３ is -0.3
    try:
        if "_" in plain:  # Python reads 1_000 as a number; nobody writes a figure so
            raise ValueError
        if any(unicodedata.category(c) == "No" for c in text):
            raise ValueError  # NFKC reads 5² as 52 and ① as 1: no figure is written so
        value = float(plain)
    except ValueError:
        hint = msg("value.percent_hint", plain=plain[:-1]) if plain.endswith("%") else ""
        raise RecordError("value.not_number", text=text, hint=hint) from None
    if not math.isfinite(value):
        raise RecordError("value.not_finite", text=text)
    return value


def make_entry(
    plan: Plan,
    target: str,
    period: str,
    value: str,
    *,
    source: str | None = None,
    note: str | None = None,
    recorded_at: datetime | None = None,
    region: str | None = None,
    withdrawn: bool = False,
) -> Entry:
    """A figure (or with `withdrawn`, a withdrawal, which has no value) checked against
    the plan: its target, its period, a finite number."""
    for name, text in (("source", source), ("note", note)):
        if text and not _encodes(text):
            raise RecordError("option.not_utf8", name=name)
    t = plan.target(target)
    period_in_plan = plan.period_for(t, period)
    if withdrawn and value.strip():
        raise RecordError("withdraw.no_value", value=value)
    return Entry(
        target=t.id,
        period=period_in_plan,
        value=None if withdrawn else parse_value(value),
        recorded_at=recorded_at or now(),
        source=source or None,
        note=note or None,
        region=None if region in (None, "", plan.region) else region,
        withdrawn=withdrawn,
    )


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


def dec(x: float | None) -> Decimal | None:
    """A figure as the decimal a person wrote, for telling equal figures (as the judge
    does); None for a withdrawal."""
    return None if x is None else Decimal(repr(x))


def shown(e: Entry) -> Message | str:
    """An entry's figure in a message: 5.8, or that it is a withdrawal."""
    return msg("figure.withdrawn") if e.value is None else f"{e.value:g}"


@dataclass(frozen=True)
class Duplicate:
    """A figure for a period that already has one: in the ledger, or earlier in the batch."""

    index: int  # in the batch
    recorded: Entry | None  # the ledger's figure for the period, when that is the clash
    earlier: int  # otherwise the earlier figure's index in the batch

    def say(self, new: list[Entry], where: Callable[[int], Message | str]) -> Message:
        e = new[self.index]
        what = (
            msg("entry.of_region", target=e.target, period=e.period, region=e.region)
            if e.region
            else msg("entry.plain", target=e.target, period=e.period)
        )
        if self.recorded is not None:
            old = self.recorded
            return msg(
                "record.duplicate",
                what=what,
                value=shown(old),
                recorded_at=f"{old.recorded_at:%Y-%m-%d %H:%M}",
            )
        return msg("record.duplicate_in_file", what=what, where=where(self.earlier))


def duplicates(new: list[Entry], rows: list[Row], revise: bool, home: str) -> list[Duplicate]:
    """The figures of `new` that would need --revise, given the ledger's `rows`: those
    for a period with a figure in force. A withdrawal needs none, and after one a figure
    needs none either."""
    if revise:
        return []
    standing = {k: f.entry for k, f in figures_in_force(map(entry_from_row, rows), home).items()}
    found: list[Duplicate] = []
    given: dict[Key, int] = {}
    for i, e in enumerate(new):
        key = e.key(home)
        if e.withdrawn:
            standing.pop(key, None)
            given.pop(key, None)
            continue
        if key in standing:
            found.append(Duplicate(i, standing[key], -1))
        elif key in given:
            found.append(Duplicate(i, None, given[key]))
        given.setdefault(key, i)
    return found


@dataclass(frozen=True)
class Recorded:
    revised: bool  # the period had a figure before
    notes: list[Message]  # what the person recording should know
    unchanged: Entry | None = None  # the same figure is in force already: nothing written


class _Unchanged(Exception):
    def __init__(self, entry: Entry) -> None:
        self.entry = entry


def record(plan: Plan, path: Path, entry: Entry, *, revise: bool = False) -> Recorded:
    """Append one figure to the ledger; the same figure as the one in force is no
    revision, and nothing is written."""
    earlier: list[Entry] = []
    key = entry.key(plan.region)

    def check(rows: list[Row]) -> None:
        earlier.extend(e for e in map(entry_from_row, rows) if e.key(plan.region) == key)
        current = figures_in_force(earlier, plan.region).get(key)
        if current is not None and dec(current.value) == dec(entry.value):
            raise _Unchanged(current.entry)
        if clash := duplicates([entry], rows, revise, plan.region):
            raise RecordError(clash[0].say([entry], str))

    try:
        ledger.append(path, [entry], check, _regions(plan, entry))
    except _Unchanged as same:
        return Recorded(True, [], same.entry)
    notes: list[Message] = []
    if warning := plausibility.warning(plan, entry):
        notes.append(warning)
    winner = in_force([*earlier, entry], plan.region)[key]
    if winner is not entry:
        notes.append(outranked_note("", entry, winner))
    return Recorded(bool(earlier), notes)


@dataclass(frozen=True)
class Withdrawn:
    entry: Entry  # the withdrawal
    figure: Entry  # the figure it took out of force


def withdraw(plan: Plan, path: Path, entry: Entry) -> Withdrawn:
    """Append a withdrawal (`entry`, made with `make_entry(…, withdrawn=True)`): refused
    when its target, period and region have no figure in force."""
    key = entry.key(plan.region)
    found: list[Entry] = []

    def check(rows: list[Row]) -> None:
        mine = (e for e in map(entry_from_row, rows) if e.key(plan.region) == key)
        figure = figures_in_force(mine, plan.region).get(key)
        if figure is None:
            raise RecordError("withdraw.none_in_force", target=entry.target, period=entry.period)
        found.append(figure.entry)

    ledger.append(path, [entry], check, _regions(plan, entry))
    return Withdrawn(entry, found[0])


def _regions(plan: Plan, entry: Entry) -> list[str]:
    """The regions whose rows a check of `entry` needs, as the index names them: an entry
    of the plan's own region may name it or name none (""). The rest of a province's
    ledger is not read."""
    region = entry.region or plan.region
    return ["", region] if region == plan.region else [region]


def outranked_note(where: Message | str, entry: Entry, winner: Entry) -> Message:
    """A figure that a figure recorded later outranks: the latest recording counts."""
    return msg(
        "note.outranked",
        where=where,
        target=entry.target,
        period=entry.period,
        value=shown(entry),
        later=shown(winner),
        recorded_at=f"{winner.recorded_at:%Y-%m-%d %H:%M}",
    )
