"""The judgement (SPEC §3): worked examples from DOMAIN.md and SPEC.md, a whole year of
every kind and comparator month by month, and properties of the rules.

Figures marked "test data" are invented for the tests; the NBS figures are the national
2023 releases quoted in DOMAIN.md.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from targets.domain.entries import Entry
from targets.domain.periods import Period
from targets.domain.plan import Plan, Target
from targets.evaluation.judge import judge, required
from targets.evaluation.report import evaluate

CST = timezone(timedelta(hours=8))
T0 = datetime(2023, 1, 1, tzinfo=CST)


def target(id: str, kind: str = "growth", comparator: str = "at_least", **kw: object) -> Target:
    fields: dict[str, object] = {"name": id, "unit": "%", "frequency": "monthly", **kw}
    return Target(id=id, kind=kind, comparator=comparator, **fields)  # type: ignore[arg-type]


def plan(*targets: Target, year: int = 2023) -> Plan:
    return Plan(id="test", name="test plan", region="test", year=year, targets=targets)


def entries(target_id: str, figures: dict[int, float], year: int = 2023) -> list[Entry]:
    return [
        Entry(target_id, Period(year, m), v, T0 + timedelta(days=31 * m), "test data")
        for m, v in figures.items()
    ]


def one(t: Target, figures: dict[int, float], as_of: int | None = None) -> object:
    report = evaluate(plan(t), entries(t.id, figures), Period(2023, as_of) if as_of else None)
    return report.rows[0]


# --- worked examples -----------------------------------------------------------------


def test_nbs_october_2023_q4_needs_4_4_after_5_2_for_q1_q3() -> None:
    """DOMAIN: after 5.2% for Q1–Q3, Q4 needs at least 4.4% for the year to reach 5%."""
    gdp = target("gdp", value=5.0, tolerance=0.5, frequency="quarterly")
    row = one(gdp, {9: 5.2})
    assert row.required == Decimal("4.4")  # type: ignore[attr-defined]
    assert row.status == "on_track"  # type: ignore[attr-defined]


def test_county_investment_45_2_percent_is_3_5_points_ahead_of_schedule() -> None:
    """DOMAIN: after January–May, 45.2% of the annual plan done is 3.5 points ahead of
    the 41.7% schedule."""
    plan_done = target("investment_plan", kind="total", value=100.0)
    row = one(plan_done, {5: 45.2})
    assert round(row.schedule * 100, 1) == Decimal("41.7")  # type: ignore[attr-defined]
    assert row.progress == Decimal("0.452")  # type: ignore[attr-defined]
    assert round(row.gap, 1) == Decimal("3.5")  # type: ignore[attr-defined]
    assert row.status == "on_track"  # type: ignore[attr-defined]


def test_spec_json_example_gdp_5_9_after_q1_q3_against_6_5() -> None:
    gdp = target("gdp", value=6.5, frequency="quarterly")
    row = one(gdp, {3: 5.8, 6: 6.0, 9: 5.9})
    assert (row.actual, row.gap, row.required, row.status) == (  # type: ignore[attr-defined]
        Decimal("5.9"),
        Decimal("-0.6"),
        Decimal("8.3"),
        "behind",
    )


def test_boundary_4_5_against_at_least_5_with_tolerance_0_5_meets() -> None:
    t = target("g", value=5.0, tolerance=0.5)
    assert one(t, {12: 4.5}).status == "met"  # type: ignore[attr-defined]
    assert one(t, {12: 4.49}).status == "missed"  # type: ignore[attr-defined]
    assert one(t, {6: 4.5}).status == "on_track"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("value", "tolerance", "actual"),
    [(0.3, 0.1, 0.2), (6.0, 0.3, 5.7), (1.1, 0.2, 0.9), (3.3, 0.1, 3.2), (0.7, 0.6, 0.1)],
)
def test_boundaries_are_decimal_not_binary(value: float, tolerance: float, actual: float) -> None:
    """In floats 0.3 - 0.1 < 0.2; a person, and the tool, says it meets."""
    assert one(target("g", value=value, tolerance=tolerance), {12: actual}).status == "met"  # type: ignore[attr-defined]
    cap = target("c", kind="rate", comparator="at_most", value=actual, tolerance=tolerance)
    assert one(cap, dict.fromkeys(range(1, 13), value)).status == "met"  # type: ignore[attr-defined]


def test_nbs_2023_unemployment_readings_average_5_2_against_5_5_around() -> None:
    """DOMAIN: the 2023 monthly surveyed unemployment readings averaged 5.2."""
    readings = [5.5, 5.6, 5.3, 5.2, 5.2, 5.2, 5.3, 5.2, 5.0, 5.0, 5.0, 5.1]
    t = target("unemployment", kind="rate", comparator="at_most", value=5.5, tolerance=0.5)
    row = one(t, dict(enumerate(readings, 1)))
    assert round(row.actual, 1) == Decimal("5.2")  # type: ignore[attr-defined]
    assert row.latest == Decimal("5.1")  # type: ignore[attr-defined]
    assert row.status == "met"  # type: ignore[attr-defined]


def test_nbs_2023_cpi_readings_average_0_2_against_a_3_percent_ceiling() -> None:
    readings = [2.1, 1.0, 0.7, 0.1, 0.2, 0.0, -0.3, 0.1, 0.0, -0.2, -0.5, -0.3]
    t = target("cpi", kind="rate", comparator="at_most", value=3.0, tolerance=0.5)
    row = one(t, dict(enumerate(readings, 1)))
    assert round(row.actual, 1) == Decimal("0.2")  # type: ignore[attr-defined]
    assert row.status == "met"  # type: ignore[attr-defined]


def test_nbs_2023_gdp_5_2_against_around_5_was_achieved() -> None:
    gdp = target("gdp", value=5.0, tolerance=0.5, frequency="quarterly")
    assert one(gdp, {3: 4.5, 6: 5.5, 9: 5.2, 12: 5.2}).status == "met"  # type: ignore[attr-defined]


# --- a whole year, every kind and comparator ------------------------------------------

YEAR = plan(
    target("g1", value=6.0),
    target("g2", comparator="around", value=5.0, tolerance=0.5, frequency="quarterly"),
    target("r1", kind="rate", comparator="at_most", value=5.5),
    target("r2", kind="rate", comparator="around", value=3.0, tolerance=0.5),
    target("t1", kind="total", value=12.0, unit="件"),
    target("t2", kind="total", comparator="at_most", value=120.0, unit="亿元"),
    target("l1", kind="level", value=3.0, frequency="annual"),
    target("rel", relative_to="g2", frequency="quarterly"),
    target("open", frequency="quarterly"),
)
FIGURES = {
    "g1": [5.0, 5.5, 5.8, 6.0, 6.2, 6.1, 6.0, 5.9, 6.0, 6.1, 6.2, 6.3],
    "g2": {3: 4.4, 6: 4.5, 9: 5.5, 12: 5.6},
    "r1": [5.0, 6.0, 6.0, 5.0, 5.5, 5.5, 5.5, 5.5, 5.5, 5.5, 5.5, 5.5],
    "r2": [3.4] + [3.6] * 11,
    "t1": [1, 2, 3, 4, 5, 5, 7, 8, 9, 10, 12, 12],
    "t2": [10, 20, 35, 40, 50, 60, 70, 80, 90, 100, 110, 125],
    "l1": {12: 2.9},
    "rel": {3: 4.0, 6: 5.0, 12: 5.6},
    "open": {3: 1.0},
}
ON, BEHIND, MET, MISSED, NONE, OPEN = "on_track", "behind", "met", "missed", "no_data", "no_target"
EXPECTED = {  # status at the end of each month, January to December
    "g1": [BEHIND] * 3 + [ON] * 4 + [BEHIND] + [ON] * 3 + [MET],
    "g2": [NONE] * 2 + [BEHIND] * 3 + [ON] * 6 + [MISSED],
    "r1": [ON, ON, BEHIND] + [ON] * 8 + [MET],
    "r2": [ON, ON] + [BEHIND] * 9 + [MISSED],
    "t1": [ON] * 5 + [BEHIND] + [ON] * 4 + [MET, MET],
    "t2": [ON, ON, BEHIND] + [ON] * 8 + [MISSED],
    "l1": [NONE] * 11 + [MISSED],
    "rel": [NONE] * 2 + [BEHIND] * 3 + [ON] * 6 + [MET],
    "open": [OPEN] * 12,
}


def year_entries() -> list[Entry]:
    out: list[Entry] = []
    for tid, figures in FIGURES.items():
        by_month = dict(enumerate(figures, 1)) if isinstance(figures, list) else figures
        out += entries(tid, by_month)
    return out


@pytest.mark.parametrize("month", range(1, 13))
def test_a_whole_year_month_by_month(month: int) -> None:
    report = evaluate(YEAR, year_entries(), Period(2023, month))
    got = {r.target.id: r.status for r in report.rows}
    assert got == {tid: statuses[month - 1] for tid, statuses in EXPECTED.items()}


def test_the_year_end_figures_in_detail() -> None:
    rows = {r.target.id: r for r in evaluate(YEAR, year_entries()).rows}
    assert evaluate(YEAR, year_entries()).as_of == Period(2023, 12)
    assert rows["r1"].actual == Decimal("5.5") and rows["r1"].latest == Decimal("5.5")
    assert rows["t2"].gap == Decimal("5") and rows["t2"].progress == Decimal("125") / 120
    assert rows["rel"].effective == Decimal("5.6") and rows["rel"].gap == 0
    assert all(r.required is None for r in rows.values())  # final: nothing left to deliver


def test_mid_year_required_and_schedule() -> None:
    rows = {r.target.id: r for r in evaluate(YEAR, year_entries(), Period(2023, 9)).rows}
    assert rows["g1"].required == Decimal("6.0")
    assert rows["r1"].required == (12 * Decimal("5.5") - 9 * rows["r1"].actual) / 3  # type: ignore[operator]
    assert rows["t1"].required == Decimal(3) and rows["t1"].schedule == Decimal(9) / 12
    assert rows["rel"].required is None  # relative: the year's value is not known yet
    assert rows["rel"].period == Period(2023, 6)  # its newest figure at or before 1-9月


def test_a_relative_target_without_the_references_figure_has_no_target() -> None:
    income = target("income", relative_to="gdp")
    gdp = target("gdp", value=6.5, frequency="quarterly")
    report = evaluate(plan(gdp, income), entries("gdp", {3: 5.8}) + entries("income", {2: 6.0}))
    assert report.rows[1].status == "no_target"
    assert report.rows[1].actual == Decimal("6.0")


def test_seasonal_schedule_and_base_shares_are_used() -> None:
    schedule = (0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.85, 1.0)
    t = target("projects", kind="total", value=50.0, schedule=schedule)
    row = one(t, {3: 5})
    assert row.schedule == Decimal("0.1") and row.status == "on_track"  # type: ignore[attr-defined]
    shares = (0.07, 0.15, 0.24, 0.32, 0.4, 0.5, 0.58, 0.66, 0.75, 0.83, 0.91, 1.0)
    g = target("g", value=5.0, base_shares=shares)
    row = one(g, {9: 5.2})
    assert row.required == Decimal("4.4")  # type: ignore[attr-defined]


def test_revisions_the_newest_recorded_figure_wins() -> None:
    t = target("g", value=6.0)
    first = Entry("g", Period(2023, 3), 5.8, T0, "test data")
    revised = Entry("g", Period(2023, 3), 6.1, T0 + timedelta(days=30), "test data")
    assert evaluate(plan(t), [revised, first]).rows[0].actual == Decimal("6.1")
    assert evaluate(plan(t), [first, revised]).rows[0].actual == Decimal("6.1")


def test_as_of_takes_each_targets_newest_figure_at_or_before_it() -> None:
    gdp = target("gdp", value=6.5, frequency="quarterly")
    industry = target("industry", value=11.0)
    figures = entries("gdp", {3: 5.8, 6: 6.0}) + entries("industry", {2: 9.0, 7: 10.5, 8: 10.8})
    report = evaluate(plan(gdp, industry), figures, Period(2023, 7))
    assert [r.period for r in report.rows] == [Period(2023, 6), Period(2023, 7)]
    assert evaluate(plan(gdp, industry), figures).as_of == Period(2023, 8)


def test_other_years_and_unclaimed_targets_are_ignored() -> None:
    t = target("g", value=6.0)
    noise = entries("g", {12: 1.0}, year=2022) + entries("other", {3: 1.0})
    report = evaluate(plan(t), noise + entries("g", {3: 6.5}))
    assert report.as_of == Period(2023, 3) and report.rows[0].actual == Decimal("6.5")
    assert evaluate(plan(t), noise).as_of is None


# --- properties ------------------------------------------------------------------------

tenths = st.integers(-300, 300).map(lambda n: n / 10)
months = st.integers(1, 12)
kinds = st.sampled_from(["growth", "rate", "total"])


@given(kinds, tenths, st.integers(0, 20).map(lambda n: n / 10), months, tenths, tenths)
def test_a_higher_actual_never_turns_at_least_from_on_course_to_behind(
    kind: str, value: float, tolerance: float, m: int, a: float, b: float
) -> None:
    low, high = sorted((a, b))
    good = {"on_track", "met"}
    t = target("t", kind=kind, value=value, tolerance=tolerance)
    if one(t, {m: low}).status in good:  # type: ignore[attr-defined]
        assert one(t, {m: high}).status in good  # type: ignore[attr-defined]
    cap = target("t", kind=kind, comparator="at_most", value=value, tolerance=tolerance)
    if one(cap, {m: high}).status in good:  # type: ignore[attr-defined]
        assert one(cap, {m: low}).status in good  # type: ignore[attr-defined]


@given(tenths, tenths, st.integers(1, 11))
def test_delivering_exactly_the_required_growth_lands_on_the_target(
    value: float, actual: float, m: int
) -> None:
    t = target("g", value=value)
    need = required(t, Decimal(repr(value)), Decimal(repr(actual)), m)
    assert need is not None
    s = Decimal(m) / 12
    year = (1 + Decimal(repr(actual)) / 100) * s + (1 + need / 100) * (1 - s)
    assert abs((year - 1) * 100 - Decimal(repr(value))) < Decimal("1e-20")


@given(tenths, tenths, st.integers(1, 11))
def test_delivering_exactly_the_required_rate_lands_on_the_target(
    value: float, mean: float, m: int
) -> None:
    t = target("r", kind="rate", comparator="at_most", value=value)
    need = required(t, Decimal(repr(value)), Decimal(repr(mean)), m)
    assert need is not None
    year = (m * Decimal(repr(mean)) + (12 - m) * need) / 12
    assert abs(year - Decimal(repr(value))) < Decimal("1e-20")


@given(st.integers(1, 1000), st.integers(0, 1000), st.integers(1, 11))
def test_a_total_needs_what_remains(value: int, done: int, m: int) -> None:
    row = judge(target("t", kind="total", value=float(value)), {m: Decimal(done)}, m, 2023)
    assert row.required == max(Decimal(value - done), Decimal(0))


def test_a_relative_target_is_held_against_its_references_actual_a_rates_mean() -> None:
    cpi = target("cpi", kind="rate", comparator="at_most", value=3.0)
    wages = target("wages", relative_to="cpi")
    figures = entries("cpi", {1: 1.0, 2: 5.0}) + entries("wages", {2: 4.0})
    row = evaluate(plan(cpi, wages), figures).rows[1]
    assert (row.effective, row.gap, row.status) == (Decimal(3), Decimal(1), "on_track")


def test_a_relative_total_is_not_scaled_by_the_schedule() -> None:
    exports = target("exports", kind="total", value=100.0)
    imports = target("imports", kind="total", relative_to="exports")
    figures = entries("exports", {6: 50}) + entries("imports", {6: 50})
    row = evaluate(plan(exports, imports), figures).rows[1]
    assert (row.gap, row.status, row.progress, row.schedule) == (0, "on_track", None, None)


@pytest.mark.parametrize("comparator", ["at_most", "around"])
def test_the_straight_line_schedule_is_exact_at_its_boundary(comparator: str) -> None:
    """3.0 × 4/12 is exactly 1: a total of 1.0 by April is on schedule, gap 0."""
    t = target("t", kind="total", comparator=comparator, value=3.0)
    row = one(t, {4: 1.0})
    assert (row.status, row.gap) == ("on_track", 0)  # type: ignore[attr-defined]


def test_a_target_without_a_value_still_shows_its_figure() -> None:
    energy = target("energy", kind="level", frequency="annual")
    row = one(energy, {12: 13.5})
    assert (row.status, row.actual, row.period) == (  # type: ignore[attr-defined]
        "no_target",
        Decimal("13.5"),
        Period(2023, 12),
    )
    assert row.gap is None and row.required is None  # type: ignore[attr-defined]


def test_nbs_2023_quarters_alone_from_year_to_date_gdp() -> None:
    """DOMAIN: a single period's growth from two year-to-date figures, equal weights, is an
    estimate within a few tenths. NBS 2023: 4.5, 5.5, 5.2, 5.2 year to date; the quarters
    alone were published as 4.5, 6.3, 4.9 and 5.2."""
    from targets.evaluation.judge import alone

    gdp = target("gdp", value=5.0, tolerance=0.5, frequency="quarterly")
    ytd = {3: "4.5", 6: "5.5", 9: "5.2", 12: "5.2"}
    series = tuple((Period(2023, m), Decimal(v)) for m, v in ytd.items())
    estimated = alone(gdp, series)
    assert {p.month: round(v, 1) for p, v in estimated.items()} == {
        3: Decimal("4.5"),
        6: Decimal("6.5"),
        9: Decimal("4.6"),
        12: Decimal("5.2"),
    }
    published = {3: Decimal("4.5"), 6: Decimal("6.3"), 9: Decimal("4.9"), 12: Decimal("5.2")}
    assert all(abs(v - published[p.month]) <= Decimal("0.4") for p, v in estimated.items())
    assert alone(target("cpi", kind="rate", comparator="at_most", value=3.0), series) == {}
