"""Periods (SPEC §2): every accepted form, the frequency rules, labels in both languages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from targets.domain.periods import Period, label, parse_period, spreadsheet_month
from targets.domain.plan import Plan, Target
from targets.errors import PeriodError, RecordError


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("2023-03", 3),
        ("2023-3", 3),
        ("2023-Q1", 3),
        ("2023Q1", 3),
        ("2023-q3", 9),
        ("2023-H1", 6),
        ("2023-H2", 12),
        ("2023", 12),
        ("2023年1-3月", 3),
        ("2023年1－3月", 3),
        ("2023年1月-3月", 3),
        ("2023年3月", 3),
        ("2023年一季度", 3),
        ("2023年上半年", 6),
        ("2023年前三季度", 9),
        ("2023年", 12),
        ("2023年全年", 12),
        ("2023年1-2月", 2),
        (" 2023-06 ", 6),
        ("２０２３年１-２月", 2),
        ("２０２３－Ｑ１", 3),
        # as a point in the year (--as-of), a later quarter or half is its end
        ("2023-Q3", 9),
        ("2023年二季度", 6),
        ("2023年9月", 9),
    ],
)
def test_every_accepted_form_means_one_canonical_period(text: str, month: int) -> None:
    assert parse_period(text) == Period(2023, month)
    assert str(parse_period(text)) == f"2023-{month:02d}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2023-13", "period '2023-13': there is no month 13"),
        ("2023-00", "period '2023-00': there is no month 0"),
        (
            "March",
            "cannot read period 'March': write it like 2023-03, 2023-Q1, 2023-H1, 2023, "
            "2023年1-3月, 2023年一季度, 2023年上半年",
        ),
        ("2023年4-6月", "period '2023年4-6月': year-to-date periods start in January (1-6月)"),
    ],
)
def test_unreadable_periods_are_refused_by_name(text: str, message: str) -> None:
    with pytest.raises(PeriodError) as e:
        parse_period(text)
    assert str(e.value) == message


def _plan(*targets: Target) -> Plan:
    return Plan(id="p", name="测试计划", region="测试市", year=2023, targets=targets)


GDP = Target(
    id="gdp",
    name="地区生产总值",
    kind="growth",
    comparator="at_least",
    unit="%",
    frequency="quarterly",
    value=6.5,
)
CPI = Target(
    id="cpi",
    name="CPI",
    kind="rate",
    comparator="at_most",
    unit="%",
    frequency="monthly",
    value=3.0,
)
ENERGY = Target(
    id="energy", name="能耗", kind="level", comparator="at_least", unit="%", frequency="monthly"
)


def test_quarterly_targets_take_quarter_ends_only() -> None:
    plan = _plan(GDP)
    assert plan.period_for(GDP, "2023年上半年") == Period(2023, 6)
    with pytest.raises(PeriodError) as e:
        plan.period_for(GDP, "2023-05")
    assert str(e.value) == (
        "period '2023-05': gdp is quarterly and takes only quarter ends (03, 06, 09, 12)"
    )


def test_level_targets_take_only_the_year() -> None:
    plan = _plan(ENERGY)
    assert plan.period_for(ENERGY, "2023年") == Period(2023, 12)
    with pytest.raises(PeriodError, match="takes only the year"):
        plan.period_for(ENERGY, "2023-06")


def test_a_period_outside_the_plans_year_is_refused() -> None:
    with pytest.raises(PeriodError) as e:
        _plan(CPI).period_for(CPI, "2024-01")
    assert str(e.value) == "period '2024-01' is outside the plan's year 2023"


def test_unknown_target_suggests_the_nearest() -> None:
    with pytest.raises(RecordError) as e:
        _plan(GDP, CPI).target("gpd")
    assert str(e.value) == "unknown target 'gpd'; did you mean 'gdp'?"
    assert _plan(GDP).target("地区生产总值") is GDP


@pytest.mark.parametrize(
    ("month", "zh", "en"),
    [
        (1, "1月", "Jan"),
        (2, "1-2月", "Jan–Feb"),
        (3, "1-3月", "Jan–Mar"),
        (5, "1-5月", "Jan–May"),
        (6, "上半年", "H1"),
        (9, "前三季度", "Q1–Q3"),
        (11, "1-11月", "Jan–Nov"),
        (12, "全年", "Year"),
    ],
)
def test_year_to_date_labels(month: int, zh: str, en: str) -> None:
    assert label(Period(2023, month), "zh") == zh
    assert label(Period(2023, month), "en") == en


def test_a_rate_reading_is_labelled_by_its_month() -> None:
    assert label(Period(2023, 3), "zh", cumulative=False) == "3月"
    assert label(Period(2023, 3), "en", cumulative=False) == "Mar"


periods = st.builds(Period, st.integers(1000, 9999), st.integers(1, 12))


@given(periods)
def test_canonical_form_round_trips(p: Period) -> None:
    assert parse_period(str(p)) == p


@given(periods)
def test_chinese_labels_read_back_as_the_same_period(p: Period) -> None:
    assert parse_period(f"{p.year}年{label(p, 'zh')}") == p
    assert parse_period(f"{p.year}年{label(p, 'zh', cumulative=False)}") == p


@given(periods)
def test_quarter_and_half_forms_agree(p: Period) -> None:
    if p.month % 3 == 0:
        assert parse_period(f"{p.year}-Q{p.month // 3}") == p
        assert parse_period(f"{p.year}Q{p.month // 3}") == p
    if p.month % 6 == 0:
        assert parse_period(f"{p.year}-H{p.month // 6}") == p


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("一季度", 3),
        ("上半年", 6),
        ("前三季度", 9),
        ("全年", 12),
        ("1-3月", 3),
        ("1-2月", 2),
        ("１－２月", 2),
        ("1月", 1),
    ],
)
def test_the_bureaus_forms_without_a_year_take_the_plans_year(text: str, month: int) -> None:
    industry = Target(
        id="industry", name="工业", kind="growth", comparator="at_least", unit="%",
        frequency="monthly", value=6.0,
    )  # fmt: skip
    target = industry if month in (1, 2) else GDP
    assert _plan(GDP, industry).period_for(target, text) == Period(2023, month)


@pytest.mark.parametrize("text", ["一季度", "1-3月", "2023-Q1", "2023-H1", "2023"])
def test_a_monthly_rate_takes_a_month_not_a_span(text: str) -> None:
    with pytest.raises(PeriodError, match="spans months, and a monthly rate takes each month"):
        _plan(CPI).period_for(CPI, text)
    assert _plan(CPI).period_for(CPI, "3月") == Period(2023, 3)


def test_a_month_alone_is_a_rate_reading_and_no_year_to_date_figure() -> None:
    plan = _plan(GDP, CPI)
    assert plan.period_for(CPI, "3月") == Period(2023, 3)
    assert plan.period_for(CPI, "2023年3月") == Period(2023, 3)
    with pytest.raises(PeriodError) as e:
        plan.period_for(GDP, "2023年6月")
    assert str(e.value) == (
        "period '2023年6月' names one month alone; figures are year to date: write 2023年上半年"
    )


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("二季度", "write 上半年"),
        ("三季度", "write 前三季度"),
        ("四季度", "write 全年"),
        ("2023年下半年", "write 2023年全年"),
        ("2023-Q2", "write 2023-H1"),
        ("2023Q3", "write 2023年前三季度"),
        ("2023-Q4", "write 2023"),
        ("2023-H2", "write 2023"),
    ],
)
def test_a_later_quarter_or_half_is_refused_with_the_year_to_date_form(
    text: str, hint: str
) -> None:
    with pytest.raises(PeriodError) as e:
        _plan(GDP).period_for(GDP, text)
    assert str(e.value).startswith(f"period {text!r} names one ")
    assert str(e.value).endswith(f"figures are year to date: {hint}")


def test_as_of_reads_a_later_quarter_as_its_end() -> None:
    plan = _plan(GDP)
    assert plan.period("2023-Q3") == Period(2023, 9)
    assert plan.period("三季度") == Period(2023, 9)
    assert plan.period("9月") == Period(2023, 9)
    assert plan.period("2023-H2") == Period(2023, 12)


@pytest.mark.parametrize(
    "text", ["2023/3/1", "2023/3", "2023-03-01", "2023年3月1日", "Mar-23", "2023/03/31 00:00"]
)
def test_the_dates_a_spreadsheet_makes_of_a_month_are_that_month(text: str) -> None:
    assert spreadsheet_month(text) == Period(2023, 3)


@pytest.mark.parametrize("text", ["2023-03", "2023", "一季度", "March", "2023-Q1"])
def test_periods_are_no_spreadsheet_dates(text: str) -> None:
    assert spreadsheet_month(text) is None
