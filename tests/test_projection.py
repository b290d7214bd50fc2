"""Where the year will land (SPEC §7) and what a leader reads beside it (SPEC §3:
reachable, previous, change): DOMAIN's worked examples to four decimals, a case for each
outlook and each kind, the edge rules, and properties.

The national figures are NBS's 2023 releases quoted in DOMAIN.md; the rest is test data.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

from conftest import Run
from hypothesis import given
from hypothesis import strategies as st
from test_evaluation import entries, plan, target

from targets.domain.periods import Period
from targets.domain.plan import Target
from targets.evaluation.judge import Judgement, alone, required
from targets.evaluation.projection import above_band, share
from targets.evaluation.report import evaluate
from targets.present.machine import TARGET_KEYS

FOUR = Decimal("0.0001")


def row(
    t: Target, figures: dict[int, float], *others: tuple[Target, dict[int, float]]
) -> Judgement:
    everything = entries(t.id, figures) + [e for o, f in others for e in entries(o.id, f)]
    report = evaluate(plan(t, *(o for o, _ in others)), everything)
    return report.rows[0]


def four(x: Decimal | None) -> Decimal:
    assert x is not None
    return x.quantize(FOUR)


# --- worked examples -----------------------------------------------------------------


def test_china_2023_after_q1_q3_projects_5_05_to_5_2_against_around_5_likely() -> None:
    """DOMAIN/SPEC §7: after 5.5% for H1 and 5.2% for Q1–Q3, Q3 alone grew about 4.6%,
    so (b) is 5.05 and the projection 5.05–5.2 against "around 5" (±0.5): likely."""
    gdp = target("gdp", value=5.0, tolerance=0.5, frequency="quarterly", comparator="around")
    j = row(gdp, {6: 5.5, 9: 5.2})
    q3 = alone(gdp, j.series)[Period(2023, 9)]
    assert four(q3) == Decimal("4.6000")
    assert (four(j.projected_low), four(j.projected_high)) == (Decimal("5.0500"), Decimal("5.2000"))
    assert j.outlook == "likely"
    assert (j.previous, j.change) == (Decimal("5.5"), Decimal("-0.3"))


def test_nbs_5_2_for_q1_q3_needs_4_4_in_q4_for_5_0() -> None:
    gdp = target("gdp", value=5.0, frequency="quarterly")
    j = row(gdp, {9: 5.2})
    assert four(j.required) == Decimal("4.4000")
    assert j.reachable is True


# --- one case for each outlook and each kind -------------------------------------------


def test_growth_unlikely_when_neither_scenario_reaches_the_value() -> None:
    gdp = target("gdp", value=6.5, frequency="quarterly")
    j = row(gdp, {6: 6.0, 9: 5.9})
    assert (four(j.projected_low), four(j.projected_high)) == (Decimal("5.8500"), Decimal("5.9000"))
    assert j.outlook == "unlikely"


def test_growth_at_risk_when_only_the_latest_pace_reaches_it() -> None:
    gdp = target("gdp", value=5.9, frequency="quarterly")
    j = row(gdp, {6: 5.5, 9: 5.8})
    assert (four(j.projected_low), four(j.projected_high)) == (Decimal("5.8000"), Decimal("5.9500"))
    assert j.outlook == "at_risk"


def test_rate_at_risk_when_the_latest_reading_is_above_the_cap() -> None:
    """(a) the mean 31/6; (b) the rest of the year at June's 6.0: 67/12."""
    cap = target("unemployment", kind="rate", comparator="at_most", value=5.5)
    j = row(cap, {1: 5.0, 2: 5.0, 3: 5.0, 4: 5.0, 5: 5.0, 6: 6.0})
    assert (four(j.projected_low), four(j.projected_high)) == (Decimal("5.1667"), Decimal("5.5833"))
    assert j.outlook == "at_risk"
    assert (four(j.previous), four(j.change)) == (Decimal("5.0000"), Decimal("0.1667"))


def test_rate_likely_when_both_stay_under_the_cap() -> None:
    cpi = target("cpi", kind="rate", comparator="at_most", value=3.0, tolerance=0.5)
    j = row(cpi, {1: 1.0, 2: 0.9})
    assert (four(j.projected_low), four(j.projected_high)) == (Decimal("0.9083"), Decimal("0.9500"))
    assert j.outlook == "likely"


def test_total_unlikely_at_either_pace() -> None:
    """4 projects by February: (a) 4 × 12/2 = 24; (b) 4 + 3 a month × 10 = 34; of 50."""
    projects = target("projects", kind="total", value=50.0, unit="件")
    j = row(projects, {1: 1, 2: 4})
    assert (j.projected_low, j.projected_high, j.outlook) == (Decimal(24), Decimal(34), "unlikely")


def test_total_likely_with_a_schedule() -> None:
    """10 by March of a back-loaded schedule (20% due): (a) 50; (b) 10 + 5 × 9 = 55."""
    schedule = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0)
    projects = target("projects", kind="total", value=50.0, unit="件", schedule=schedule)
    j = row(projects, {2: 5, 3: 10})
    assert (j.projected_low, j.projected_high, j.outlook) == (Decimal(50), Decimal(55), "likely")


def test_around_both_above_the_band_is_unlikely_and_worded_as_above() -> None:
    gdp = target("gdp", value=5.0, tolerance=0.5, frequency="quarterly", comparator="around")
    j = row(gdp, {6: 6.5, 9: 6.2})
    assert (four(j.projected_low), four(j.projected_high)) == (Decimal("6.0500"), Decimal("6.2000"))
    assert j.outlook == "unlikely"
    assert above_band(gdp, j.projected_low)
    assert not above_band(gdp, Decimal("5.5"))


# --- edge rules ----------------------------------------------------------------------


def test_no_projection_for_a_final_figure_a_level_or_no_figure() -> None:
    final = row(target("g", value=5.0), {11: 5.0, 12: 5.1})
    level = row(target("energy", kind="level", value=3.0, frequency="annual"), {12: 2.9})
    nothing = row(target("g", value=5.0), {})
    for j in (final, level, nothing):
        assert (j.projected_low, j.projected_high, j.outlook) == (None, None, None)
    assert (final.previous, final.change) == (Decimal("5.0"), Decimal("0.1"))
    assert (nothing.previous, nothing.change, nothing.reachable) == (None, None, None)


def test_without_a_previous_figure_b_is_a() -> None:
    j = row(target("g", value=5.0), {3: 4.0})
    assert (j.projected_low, j.projected_high, j.outlook) == (
        Decimal("4.0"),
        Decimal("4.0"),
        "unlikely",
    )
    assert (j.previous, j.change) == (None, None)
    total = row(target("p", kind="total", value=12.0), {3: 4})
    assert (total.projected_low, total.projected_high) == (Decimal(16), Decimal(16))


def test_equal_shares_or_none_passed_make_b_equal_a() -> None:
    flat = (0.0, 0.0, 0.25, 0.25, 0.25, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0)
    g = target("g", value=5.0, base_shares=flat)
    same = row(g, {3: 4.0, 5: 6.0})  # s_3 = s_5
    assert (same.projected_low, same.projected_high) == (Decimal("6.0"), Decimal("6.0"))
    early = row(g, {1: 4.0, 2: 6.0})  # s_2 = 0
    assert (early.projected_low, early.projected_high) == (Decimal("6.0"), Decimal("6.0"))
    p = target("p", kind="total", value=10.0, schedule=flat)
    none_due = row(p, {2: 1})
    assert (none_due.projected_low, none_due.projected_high, none_due.outlook) == (None, None, None)
    same_due = row(p, {4: 3, 5: 4})
    assert (same_due.projected_low, same_due.projected_high) == (Decimal(16), Decimal(16))


def test_relative_and_valueless_targets_get_a_projection_but_no_outlook() -> None:
    gdp = target("gdp", value=5.0, frequency="quarterly")
    income = target("income", relative_to="gdp", frequency="quarterly")
    j = row(income, {6: 6.0, 9: 5.9}, (gdp, {6: 5.5, 9: 5.2}))
    assert (four(j.projected_low), j.projected_high, j.outlook) == (
        Decimal("5.8500"),
        Decimal("5.9"),
        None,
    )
    assert (j.previous, j.change, j.reachable) == (Decimal("6.0"), Decimal("-0.1"), None)
    unset = row(target("x", frequency="quarterly"), {6: 1.0, 9: 1.0})
    assert unset.status == "no_target"
    assert (unset.projected_low, unset.outlook) == (Decimal("1.0"), None)


# --- reachable -----------------------------------------------------------------------


def test_an_unemployment_cap_after_eleven_months_far_above_it_is_out_of_reach() -> None:
    """12 × 5.5 − 11 × 8.0 = −22: December would have to read below 0."""
    cap = target("unemployment", kind="rate", comparator="at_most", value=5.5, floor=0.0)
    j = row(cap, dict.fromkeys(range(1, 12), 8.0))
    assert j.required == Decimal("-22.0") and j.reachable is False
    near = row(cap, dict.fromkeys(range(1, 12), 5.8))
    assert near.reachable is True
    # a rate has no floor unless the plan gives one: CPI can fall below 0
    cpi = target("cpi", kind="rate", comparator="at_most", value=5.5)
    assert row(cpi, dict.fromkeys(range(1, 12), 8.0)).reachable is True


def test_reachable_for_growth_and_totals() -> None:
    cap = target("energy_use", comparator="at_most", value=1.0)
    assert row(cap, {11: 30.0}).reachable is False  # the rest would fall more than 100%
    assert row(cap, {6: 3.0}).reachable is True
    assert row(target("g", value=50.0), {11: -20.0}).reachable is True  # at_least: always
    spend = target("spend", kind="total", comparator="at_most", value=100.0, unit="万元")
    assert row(spend, {6: 101.0}).reachable is False  # already past its value
    assert row(spend, {6: 100.0}).reachable is True
    assert row(target("p", kind="total", value=5.0), {6: 7}).reachable is True


# --- properties ----------------------------------------------------------------------

figures = st.decimals(min_value=-30, max_value=60, places=2)
months = st.integers(min_value=1, max_value=11)


@given(g=figures, goal=figures, m=months)
def test_growth_delivering_exactly_required_lands_on_the_target(
    g: Decimal, goal: Decimal, m: int
) -> None:
    t = target("g", value=float(goal))
    r = required(t, goal, g, m)
    assert r is not None
    s = share(None, m)
    year = ((1 + g / 100) * s + (1 + r / 100) * (1 - s) - 1) * 100
    assert abs(year - goal) < Decimal("1e-20")


@given(mean=figures, goal=figures, m=months)
def test_rate_delivering_exactly_required_lands_on_the_target(
    mean: Decimal, goal: Decimal, m: int
) -> None:
    t = target("r", kind="rate", comparator="at_most", value=float(goal))
    r = required(t, goal, mean, m)
    assert r is not None
    assert abs((m * mean + (12 - m) * r) / 12 - goal) < Decimal("1e-20")


@given(done=st.integers(0, 100), goal=st.integers(0, 100), m=months)
def test_total_delivering_exactly_required_lands_on_the_target(
    done: int, goal: int, m: int
) -> None:
    t = target("p", kind="total", value=float(goal))
    r = required(t, Decimal(goal), Decimal(done), m)
    assert r is not None
    assert done + r == max(goal, done)


@given(ytd=st.lists(figures, min_size=1, max_size=11), goal=figures)
def test_scenario_a_of_growth_is_its_year_to_date_figure(ytd: list[Decimal], goal: Decimal) -> None:
    t = target("g", value=float(goal))
    j = row(t, {m: float(v) for m, v in enumerate(ytd, 1)})
    assert j.actual is not None and j.actual in (j.projected_low, j.projected_high)
    assert j.projected_low is not None and j.projected_high is not None
    assert j.projected_low <= j.projected_high


# --- through the command line ----------------------------------------------------------


def test_json_and_csv_carry_the_projection_and_no_outlook_hides_it(
    run: Run, plan_file: Path
) -> None:
    for args in (("gdp", "2023-06", "6.0"), ("gdp", "2023-09", "5.9")):
        assert run("record", *args).exit_code == 0
    gdp = json.loads(run("report", "-f", "json").stdout)["targets"][0]
    assert (gdp["projected_low"], gdp["projected_high"], gdp["outlook"]) == (5.85, 5.9, "unlikely")
    rows = list(csv.DictReader(io.StringIO(run("report", "-f", "csv").stdout)))
    assert list(rows[0]) == list(TARGET_KEYS)
    assert (rows[0]["reachable"], rows[0]["projected_low"], rows[0]["outlook"]) == (
        "true",
        "5.85",
        "unlikely",
    )
    hidden = json.loads(run("report", "-f", "json", "--no-outlook").stdout)["targets"][0]
    assert (hidden["projected_low"], hidden["projected_high"], hidden["outlook"]) == (None,) * 3
    assert hidden["change"] == -0.1  # the figures themselves stay
    plan_file.write_text(
        plan_file.read_text("utf-8").replace('lang = "zh"', 'lang = "zh"\noutlook = false'),
        encoding="utf-8",
    )
    quiet = json.loads(run("report", "-f", "json").stdout)["targets"][0]
    assert (quiet["projected_low"], quiet["outlook"]) == (None, None)


def test_floor_and_outlook_in_the_plan_are_checked(run: Run, plan_file: Path) -> None:
    text = plan_file.read_text("utf-8")
    plan_file.write_text(
        text.replace('department = "市统计局"', 'department = "市统计局"\nfloor = "zero"', 1),
        encoding="utf-8",
    )
    result = run("report")
    assert result.exit_code == 1
    line = next(n for n, ln in enumerate(text.splitlines(), 1) if "市统计局" in ln) + 1
    assert result.stderr == (
        f"error: {plan_file}, line {line} (target 'gdp'): floor must be a number, not 'zero'\n"
    )
    plan_file.write_text(text.replace('lang = "zh"', 'outlook = "no"'), encoding="utf-8")
    result = run("report")
    assert result.exit_code == 1
    assert "outlook must be true or false, not 'no'" in result.stderr
