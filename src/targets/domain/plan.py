"""The plan: the year's targets as the work report words them (`targets.toml`).

The models are plain dataclasses, with no file I/O, so that a report can be built from the
cache without loading pydantic; `targets.store.plan_file` reads the file and
`targets.store.schema` checks it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from targets.domain.periods import Period, allowed_months, figure_period, parse_period
from targets.errors import PeriodError, RecordError

Kind = Literal["growth", "rate", "total", "level"]
Comparator = Literal["at_least", "at_most", "around"]
Frequency = Literal["monthly", "quarterly", "annual"]
Lang = Literal["zh", "en"]
Better = Literal["higher", "lower"]


@dataclass(frozen=True)
class Target:
    """One target of the plan, as written in `[[target]]`."""

    id: str
    name: str
    kind: Kind
    comparator: Comparator
    unit: str
    frequency: Frequency
    name_en: str | None = None
    value: float | None = None
    tolerance: float = 0.0
    relative_to: str | None = None
    department: str | None = None
    quote: str | None = None
    schedule: tuple[float, ...] | None = None
    base_shares: tuple[float, ...] | None = None
    floor: float | None = None  # the lowest figure that can occur; see `lowest`

    @property
    def lowest(self) -> float | None:
        """The lowest figure that can occur (SPEC §3 floor): as the plan gives it, else
        -100 for growth (all gone), 0 for totals, none for rates (CPI can fall below 0)."""
        if self.floor is not None:
            return self.floor
        return {"growth": -100.0, "total": 0.0}.get(self.kind)

    better: Better | None = None
    values: dict[str, float] | None = None  # the target's value for other regions
    plausible: tuple[float, float] | None = None  # [low, high]: figures outside draw a warning

    def display_name(self, lang: str) -> str:
        return (self.name_en or self.name) if lang == "en" else self.name

    @property
    def cumulative(self) -> bool:
        """Year-to-date figures (growth, total) rather than monthly readings (rate)."""
        return self.kind != "rate"

    @property
    def months(self) -> tuple[int, ...]:
        return allowed_months(self.frequency, self.kind)

    @property
    def higher_first(self) -> bool:
        """Whether a higher figure ranks first: `better`, else lower first for caps."""
        if self.better is not None:
            return self.better == "higher"
        return self.comparator != "at_most"


@dataclass(frozen=True)
class Plan:
    """The `[plan]` table and its targets, in plan order."""

    id: str
    name: str
    region: str
    year: int
    targets: tuple[Target, ...] = field(default=())
    name_en: str | None = None
    lang: Lang | None = None
    source: str | None = None
    outlook: bool = True  # false: the office publishes no estimates; projections hidden
    peers: tuple[str, ...] = ()  # regions ranked beside `region`
    reference: str | None = None  # the region compared with, not ranked (the province)
    names_en: dict[str, str] | None = None  # English names of the regions

    def display_name(self, lang: str) -> str:
        return (self.name_en or self.name) if lang == "en" else self.name

    @property
    def ranked(self) -> tuple[str, ...]:
        """The regions that are ranked: the plan's own, then its peers as listed."""
        return (self.region, *self.peers)

    @property
    def regions(self) -> tuple[str, ...]:
        """Every region the plan names: its own, its peers, then the reference."""
        return self.ranked + ((self.reference,) if self.reference else ())

    def region_label(self, region: str, lang: str) -> str:
        """A region's name in the output's language."""
        if lang == "en" and self.names_en:
            return self.names_en.get(region, region)
        return region

    def region_named(self, text: str) -> str:
        """The region a person names, by its name or its English name (any case); the
        known ones named otherwise. Everything that reads a region from a person goes
        through here."""
        wanted = text.strip()
        for region in self.regions:
            if wanted == region:
                return region
        for region in self.regions:
            english = (self.names_en or {}).get(region)
            if english and wanted.casefold() == english.casefold():
                return region
        known = ", ".join(
            f"{r} ({self.names_en[r]})" if self.names_en and r in self.names_en else r
            for r in self.regions
        )
        raise RecordError("region.unknown", text=text, known=known)

    def for_region(self, target: Target, region: str | None) -> Target:
        """The target as a region is judged on it: the plan's value for its own region,
        the region's entry in `values` for another (none: no value)."""
        if region is None or region == self.region:
            return target
        from dataclasses import replace

        value = (target.values or {}).get(region)
        return replace(target, value=value)

    def language(self, chosen: str | None) -> str:
        """The output's language: as chosen (--lang, TARGETS_LANG), else the plan's, else en."""
        from targets.config import language

        return language(chosen, self.lang)

    def target(self, text: str) -> Target:
        """The target with this id, else with this name; RecordError suggesting the
        nearest otherwise."""
        for t in self.targets:
            if text == t.id:
                return t
        for t in self.targets:
            if text in (t.name, t.name_en):
                return t
        import difflib

        known = [t.id for t in self.targets] + [t.name for t in self.targets]
        same_letters = [k for k in known if k.lower() == text.lower()]
        close = same_letters or difflib.get_close_matches(text, known, n=1, cutoff=0.5)
        from targets.messages import msg

        hint = (
            msg("target.unknown.did_you_mean", close=close[0])
            if close
            else msg("target.unknown.list")
        )
        raise RecordError("target.unknown", text=text, hint=hint)

    def period_for(self, target: Target, text: str) -> Period:
        """Parse a figure's period for this target: year to date (or a rate's month), in
        the plan's year (meant when the text names none), and one its frequency takes."""
        reading = target.kind == "rate" and target.frequency == "monthly"
        found = figure_period(text, self.year, cumulative=target.cumulative, reading=reading)
        period = self._in_year(found, text)
        if period.month not in target.months:
            from targets.messages import msg

            takes = msg({(12,): "takes.year", (3, 6, 9, 12): "takes.quarters"}[target.months])
            what = "annual" if target.kind == "level" else target.frequency  # one figure a year
            raise PeriodError(
                "period.not_taken",
                text=text,
                target=target.id,
                frequency=msg(f"frequency.{what}"),
                takes=takes,
            )
        return period

    def period(self, text: str) -> Period:
        """Parse a point in the plan's year (`--as-of`: `2023-Q3` is the end of Q3); the
        plan's year is meant when the text names none; refuse one outside it."""
        return self._in_year(parse_period(text, self.year), text)

    def _in_year(self, period: Period, text: str) -> Period:
        if period.year != self.year:
            raise PeriodError("period.outside_year", text=text, year=self.year)
        return period


def plan_from_dict(data: dict[str, Any]) -> Plan:
    """Build the models from validated data (the schema's output or the cache's)."""
    targets = tuple(
        Target(
            **{
                **t,
                "schedule": _tuple(t.get("schedule")),
                "base_shares": _tuple(t.get("base_shares")),
                "plausible": _tuple(t.get("plausible")),
            }
        )
        for t in data["targets"]
    )
    return Plan(**{**data["plan"], "targets": targets})


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The validated plan as plain data, for the cache."""
    head = {k: v for k, v in vars(plan).items() if k != "targets"}
    return {
        "plan": head,
        "targets": [
            {
                **vars(t),
                "schedule": _list(t.schedule),
                "base_shares": _list(t.base_shares),
                "plausible": _list(t.plausible),
            }
            for t in plan.targets
        ],
    }


def _tuple(xs: list[float] | None) -> tuple[float, ...] | None:
    return None if xs is None else tuple(xs)


def _list(xs: tuple[float, ...] | None) -> list[float] | None:
    return None if xs is None else list(xs)
