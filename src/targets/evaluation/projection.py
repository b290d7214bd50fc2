"""Where the year will land (SPEC §7): two scenarios and a verdict for an interim figure.

(a) the rest of the year goes on at the pace of the year so far; (b) at the pace of the
latest period alone, estimated from the latest two figures. Both are estimates, and every
output labels them so. Pure and decimal, like the judgement.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from targets.domain.plan import Target

Outlook = Literal["likely", "at_risk", "unlikely"]
OUTLOOKS: tuple[Outlook, ...] = ("likely", "at_risk", "unlikely")

ONE = Decimal(1)
HUNDRED = Decimal(100)
TWELVE = Decimal(12)


@dataclass(frozen=True)
class Projection:
    low: Decimal | None
    high: Decimal | None
    outlook: Outlook | None


NONE = Projection(None, None, None)


def project(
    target: Target,
    m: int,
    actual: Decimal,
    latest: Decimal | None,
    k: int | None,
    previous: Decimal | None,
) -> Projection:
    """The projection of an interim figure at month `m` (`actual`, and for a rate the
    month's `latest` reading), with `previous` the figure at month `k`, the previous month
    with one (None: no previous figure). Nothing when final, or for a level."""
    if m >= 12 or target.kind == "level":
        return NONE
    scenarios = _scenarios(target, m, actual, latest, k, previous)
    if scenarios is None:
        return NONE
    low, high = sorted(scenarios)
    return Projection(low, high, outlook(target, low, high))


def _scenarios(
    target: Target,
    m: int,
    actual: Decimal,
    latest: Decimal | None,
    k: int | None,
    previous: Decimal | None,
) -> tuple[Decimal, Decimal] | None:
    if target.kind == "rate":
        alone = latest if latest is not None else actual
        return actual, (m * actual + (12 - m) * alone) / TWELVE
    if target.kind == "growth":
        s_m = share(target.base_shares, m)
        if k is None or previous is None or s_m == 0:
            return actual, actual
        s_k = share(target.base_shares, k)
        if s_m == s_k:
            return actual, actual
        now, before = ONE + actual / HUNDRED, ONE + previous / HUNDRED
        alone = (now * s_m - before * s_k) / (s_m - s_k)  # growth factor of the latest period
        return actual, (now * s_m + alone * (ONE - s_m) - ONE) * HUNDRED
    # total
    s_m = share(target.schedule, m)
    if s_m == 0:
        return None
    # with the straight-line schedule, × 12 / m keeps 4 × 12 / 2 exactly 24
    a = actual * TWELVE / m if target.schedule is None else actual / s_m
    if k is None or previous is None or share(target.schedule, k) == s_m:
        return a, a
    return a, actual + (actual - previous) / (m - k) * (12 - m)


def outlook(target: Target, low: Decimal, high: Decimal) -> Outlook | None:
    """likely when both scenarios meet the year's value, at_risk when one does, unlikely
    when neither; None for a relative target or one without a value."""
    if target.value is None or target.relative_to is not None:
        return None
    value, tolerance = Decimal(repr(target.value)), Decimal(repr(target.tolerance))
    meeting = sum(1 for x in (low, high) if meets(target, x, value, tolerance))
    return OUTLOOKS[2 - meeting]


def above_band(target: Target, low: Decimal | None) -> bool:
    """An around target whose projections both lie above its band (worded as such)."""
    if target.comparator != "around" or target.value is None or low is None:
        return False
    return low > Decimal(repr(target.value)) + Decimal(repr(target.tolerance))


def meets(target: Target, actual: Decimal, effective: Decimal, tolerance: Decimal) -> bool:
    """The figure meets the target (SPEC §3), the boundary included."""
    if target.comparator == "at_least":
        return actual >= effective - tolerance
    if target.comparator == "at_most":
        return actual <= effective + tolerance
    return abs(actual - effective) <= tolerance


def share(given: tuple[float, ...] | None, m: int) -> Decimal:
    """The cumulative share of the year by the end of month m: given, or m/12."""
    return Decimal(repr(given[m - 1])) if given is not None else Decimal(m) / TWELVE
