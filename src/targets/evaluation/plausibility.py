"""Whether a figure can mean what its target means (SPEC §9): 185.3 typed for a growth
of 7%, an unemployment rate of 56, half a livelihood project. Such a figure is still
recorded (the bureau may have published it), with a warning, and `check` lists it.
Pure: no I/O, no printing; decimal arithmetic.
"""

from __future__ import annotations

from decimal import Decimal

from targets.domain.entries import Entry
from targets.domain.plan import Plan, Target
from targets.messages import Message, msg

# Units that count whole things: a total in them is a whole number.
COUNTED = ("件", "个", "项", "家")
# How far a growth or rate figure may stray from its target before it looks mistyped:
# max(NEAR, SPREAD × |target|), so 6.5% allows 20 points either way and 30% allows 90.
NEAR = Decimal(20)
SPREAD = Decimal(3)


def doubt(plan: Plan, target: Target, value: float, region: str | None = None) -> Message | None:
    """Why `value` looks wrong for `target` (as `region`, default the plan's own, is
    judged on it), in words that follow "is"; None when it looks like a figure."""
    v = Decimal(repr(value))
    if target.plausible is not None:
        low, high = (Decimal(repr(x)) for x in target.plausible)
        if not low <= v <= high:
            return msg("plausible.range", low=_plain(low), high=_plain(high))
    else:
        expected = _expected(plan, target, region)
        if target.kind in ("growth", "rate") and expected is not None:
            reach = max(NEAR, SPREAD * abs(expected))
            if abs(v - expected) > reach:
                return msg("plausible.far", reach=_plain(reach), expected=_plain(expected))
        lowest = target.lowest
        if lowest is not None and v < Decimal(repr(lowest)):
            return msg("plausible.floor", floor=f"{lowest:g}", target=target.id)
    if target.kind == "total" and target.unit in COUNTED and v != v.to_integral_value():
        return msg("plausible.fraction", unit=target.unit)
    return None


def warning(plan: Plan, entry: Entry, where: Message | str = "") -> Message | None:
    """What to say about a recorded entry whose figure looks wrong (`where`: the place
    it came from); None otherwise, and for a withdrawal or an entry of a target the plan
    does not have."""
    target = next((t for t in plan.targets if t.id == entry.target), None)
    if target is None or entry.value is None:
        return None
    why = doubt(plan, target, entry.value, entry.region)
    if why is None:
        return None
    what = (
        msg("entry.of_region", target=entry.target, period=entry.period, region=entry.region)
        if entry.region
        else msg("entry.plain", target=entry.target, period=entry.period)
    )
    return msg("plausible.warning", where=where, what=what, value=entry.value, why=why)


def _expected(plan: Plan, target: Target, region: str | None) -> Decimal | None:
    """The value a figure is measured against: the region's own, or for a relative
    target the referenced target's; none without one."""
    if target.relative_to is not None:
        ref = next((t for t in plan.targets if t.id == target.relative_to), None)
        if ref is None:
            return None
        target = ref
    value = plan.for_region(target, region).value
    return None if value is None else Decimal(repr(value))


def _plain(x: Decimal) -> str:
    return format(x.normalize(), "f")
