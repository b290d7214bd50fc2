"""Recorded figures: the `Entry`, the key that names what it is a figure of, and which
figure is in force. Data only: reading and appending the ledger is `targets.store`'s job.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from targets.domain.periods import Period

# The fields of a ledger entry, in the order the ledger writes them (recorded_at last, so
# a write cut short always shows). Everything that lists an entry's fields reads this.
# `batch` and `batch_size` mark the entries of one multi-entry write (an import): the
# ledger's business, not the figure's, so an Entry does not carry them.
FIELDS = (
    "target",
    "period",
    "value",
    "source",
    "note",
    "region",
    "withdrawn",
    "batch",
    "batch_size",
    "recorded_at",
)

# China's time: a recorded_at without an offset is read in it, and a day ends in it.
CHINA = timezone(timedelta(hours=8), "UTC+08:00")

# What a figure is a figure of: (region, target id, period). The region is the plan's
# own when an entry names none.
Key = tuple[str, str, Period]


@dataclass(frozen=True)
class Entry:
    """One recorded figure, or a withdrawal (`withdrawn`, no value): from then on its
    target, period and region have no figure in force until a new one is recorded."""

    target: str
    period: Period
    value: float | None  # None only for a withdrawal
    recorded_at: datetime
    source: str | None = None
    note: str | None = None
    region: str | None = None  # None: the plan's own region
    withdrawn: bool = False

    def key(self, home: str) -> Key:
        """The figure's key, `home` standing for the plan's own region."""
        return (self.region or home, self.target, self.period)

    def to_row(self) -> Row:
        return (
            self.target,
            str(self.period),
            self.value,
            self.recorded_at.isoformat(),
            self.source,
            self.note,
            self.region,
            self.withdrawn,
        )


# How the index keeps an entry: plain data that marshal stores and loads quickly.
Row = tuple[str, str, float | None, str, str | None, str | None, str | None, bool]


def entry_from_row(row: Row) -> Entry:
    target, period, value, recorded_at, source, note, region, withdrawn = row
    year, month = period.split("-")
    return Entry(
        target,
        Period(int(year), int(month)),
        value,
        datetime.fromisoformat(recorded_at),
        source,
        note,
        region,
        withdrawn,
    )


def in_force(entries: Iterable[Entry], home: str = "") -> dict[Key, Entry]:
    """For each region, target and period, the figure in force: the newest recorded_at
    wins, and of two recorded at the same instant the later in the ledger. `home` is the
    plan's own region, which an entry without a region belongs to."""
    best: dict[Key, Entry] = {}
    for e in entries:
        key = e.key(home)
        if key not in best or e.recorded_at >= best[key].recorded_at:
            best[key] = e
    return best


def known_on(entries: Iterable[Entry], day: date) -> list[Entry]:
    """The entries recorded by the end of `day` in China's time (SPEC §7): what was known
    when that day's briefing was given, later revisions left out."""
    end = datetime.combine(day + timedelta(days=1), time(), CHINA)
    return [e for e in entries if e.recorded_at < end]


@dataclass(frozen=True)
class Figure:
    """A figure in force: an entry that is no withdrawal, with its value."""

    entry: Entry
    value: float


def figures_in_force(entries: Iterable[Entry], home: str = "") -> dict[Key, Figure]:
    """The figures in force, keyed as by `in_force`: where the newest entry is a
    withdrawal there is none. Everything that judges figures reads them here, so no
    withdrawn figure is ever judged."""
    return {
        key: Figure(e, e.value)
        for key, e in in_force(entries, home).items()
        if not e.withdrawn and e.value is not None
    }
