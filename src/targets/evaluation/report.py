"""The report (`targets report`): every target of the plan judged at one period, as one
region stands, ranked among the plan's regions. Pure: no I/O, no printing."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from targets.domain.entries import Entry
from targets.domain.periods import Period
from targets.domain.plan import Plan
from targets.evaluation.judge import Report
from targets.evaluation.ranking import Regions


def evaluate(
    plan: Plan,
    entries: Iterable[Entry],
    as_of: Period | None = None,
    region: str | None = None,
    known_on: date | None = None,
) -> Report:
    """Judge every target of the plan at `as_of` (default: the latest period recorded) as
    `region` (default: the plan's own) stands, against its own values, ranked among the
    plan's regions."""
    region = region or plan.region
    judged = tuple(entries)
    regions = Regions(plan, judged)
    figures = regions.figures[region]
    months = [m for f in figures.values() for m in f]
    if not months:
        as_of = None  # nothing recorded: there is no period to report as of
    elif as_of is None:
        as_of = Period(plan.year, max(months))
    cutoff = as_of.month if as_of is not None else 0
    rows = tuple(regions.row(t, region, cutoff) for t in plan.targets)
    return Report(plan, as_of, rows, region, known_on, judged)


def unclaimed(plan: Plan, entries: Iterable[Entry]) -> tuple[tuple[str, int], ...]:
    """The ids of the plan's year's entries that no target of the plan has, each with
    how many (SPEC §9: a renamed id must not hide figures silently)."""
    ids = {t.id for t in plan.targets}
    found: dict[str, int] = {}
    for e in entries:
        if e.target not in ids and e.period.year == plan.year:
            found[e.target] = found.get(e.target, 0) + 1
    return tuple(found.items())
