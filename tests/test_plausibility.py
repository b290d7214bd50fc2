"""Figures far from what their target can mean (SPEC §9): recorded, with a warning, and
listed by `check`; figures of ids no target claims are named by `report` and `check`."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run

from targets.domain.plan import Plan, Target
from targets.evaluation.plausibility import doubt

GDP = Target(
    id="gdp",
    name="地区生产总值",
    kind="growth",
    comparator="at_least",
    unit="%",
    frequency="quarterly",
    value=7.0,
    values={"长春市": 30.0},
)
INCOME = Target(
    id="income",
    name="居民收入",
    kind="growth",
    comparator="at_least",
    unit="%",
    frequency="quarterly",
    relative_to="gdp",
)
JOBLESS = Target(
    id="jobless",
    name="城镇调查失业率",
    kind="rate",
    comparator="at_most",
    unit="%",
    frequency="monthly",
    value=5.5,
    floor=0.0,
)
CPI = Target(
    id="cpi",
    name="居民消费价格涨幅",
    kind="rate",
    comparator="at_most",
    unit="%",
    frequency="monthly",
)
PROJECTS = Target(
    id="projects",
    name="惠民实事",
    kind="total",
    comparator="at_least",
    unit="件",
    frequency="monthly",
    value=50.0,
)
BOUNDED = Target(
    id="bounded", name="固定资产投资", kind="growth", comparator="at_least", unit="%",
    frequency="monthly", value=8.0, plausible=(-50.0, 60.0),
)  # fmt: skip
PLAN = Plan(
    id="p", name="测试", region="辽源市", year=2023, peers=("长春市",),
    targets=(GDP, INCOME, JOBLESS, CPI, PROJECTS, BOUNDED),
)  # fmt: skip


@pytest.mark.parametrize(
    ("target", "value", "region", "said"),
    [
        (GDP, 185.3, None, "more than 21 away from the target, 7"),
        (GDP, 27.9, None, None),  # 20.9 away: within max(20, 3 × 7)
        (GDP, -14.5, None, "more than 21 away from the target, 7"),
        (GDP, -14.0, None, None),  # exactly 21 away: the boundary is in
        (GDP, 100.0, "长春市", None),  # Changchun's own target of 30 allows 90 either way
        (GDP, 121.0, "长春市", "more than 90 away from the target, 30"),
        (INCOME, 185.3, None, "more than 21 away from the target, 7"),  # gdp's value
        (JOBLESS, 56.0, None, "more than 20 away from the target, 5.5"),
        (JOBLESS, -0.5, None, "below 0, the lowest figure jobless can take"),
        (CPI, -30.0, None, None),  # no value, no floor: nothing to measure against
        (PROJECTS, 12.5, None, "not a whole number of 件"),
        (PROJECTS, -1.0, None, "below 0, the lowest figure projects can take"),
        (PROJECTS, 120.0, None, None),
        (BOUNDED, 55.0, None, None),  # the plan's range replaces the default distance
        (BOUNDED, 61.0, None, "outside the plausible range [-50, 60] the plan gives"),
        (BOUNDED, -120.0, None, "outside the plausible range [-50, 60] the plan gives"),
    ],
)
def test_a_figure_is_doubted_for_what_its_target_cannot_mean(
    target: Target, value: float, region: str | None, said: str | None
) -> None:
    found = doubt(PLAN, target, value, region)
    assert (None if found is None else found.render("en")) == said


def test_a_doubt_is_said_in_chinese_too() -> None:
    found = doubt(PLAN, GDP, 185.3)
    assert found is not None and found.render("zh") == "与目标值 7 相差超过 21"


def test_a_doubtful_figure_is_recorded_with_a_warning_and_listed_by_check(
    run: Run, plan_file: Path, ledger_file: Path, isolated: Path, english: None
) -> None:
    result = run("record", "gdp", "一季度", "185.3")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "recorded gdp 2023-03 (Jan–Mar) = 185.3\n"
        "warning: gdp 2023-03 = 185.3 is more than 20 away from the target, 6.5; check it\n"
    )
    sheet = isolated / "sheet.csv"
    sheet.write_text("指标,期间,数值\n惠民实事,1-3月,12.5\n", "utf-8")
    imported = run("import", str(sheet))
    assert imported.stderr == (
        f"recorded 1 figure from {sheet} (UTF-8)\n"
        f"warning: {sheet}, line 2: livelihood_projects 2023-03 = 12.5 is not a whole number"
        " of 件; check it\n"
    )
    checked = run("check")
    assert checked.exit_code == 0, checked.output
    assert checked.stderr == (
        f"warning: {ledger_file}, line 4: gdp 2023-03 = 185.3 is more than 20 away from the"
        " target, 6.5; check it\n"
        f"warning: {ledger_file}, line 10: livelihood_projects 2023-03 = 12.5 is not a whole"
        " number of 件; check it\n"
    )
    run("record", "gdp", "一季度", "5.8", "--revise")
    assert "gdp" not in run("check").stderr  # revised: the doubtful figure is out of force


def test_a_plan_range_must_be_low_then_high(run: Run, plan_file: Path, english: None) -> None:
    text = plan_file.read_text("utf-8").replace(
        'id = "gdp"\n', 'id = "gdp"\nplausible = [40, -20]\n', 1
    )
    plan_file.write_text(text, "utf-8")
    result = run("check")
    assert result.exit_code == 1
    assert "plausible must be [low, high] with low below high, not [40.0, -20.0]" in result.stderr


UNCLAIMED = (
    '\n[[actual]]\ntarget = "{id}"\nperiod = "{period}"\nvalue = 5.1\n'
    "recorded_at = 2023-04-20T10:00:00+08:00\n"
)


def test_figures_no_target_claims_are_named_by_report_and_fail_check(
    run: Run, plan_file: Path, ledger_file: Path, english: None
) -> None:
    run("record", "gdp", "一季度", "5.8")
    with ledger_file.open("a", encoding="utf-8") as f:
        for target_id, period in (("gdp_old", "2023-03"), ("gdp_old", "2023-06"),
                                  ("retail", "2023-03"), ("retired", "2022-12")):  # fmt: skip
            f.write(UNCLAIMED.format(id=target_id, period=period))
    report = run("report", "--format", "json")
    assert report.exit_code == 0, report.output
    assert report.stderr == (
        "note: 3 figures of 2023 under ids no target of liaoyuan-2023 has, left out of the"
        " report: 'gdp_old' (2), 'retail' (1); `targets check` names them\n"
    )
    checked = run("check")
    assert checked.exit_code == 1
    assert (
        f"error: {ledger_file}: 2 entries for 'gdp_old', which no target of liaoyuan-2023"
        " claims (2 of 2023: was the target renamed?)\n"
    ) in checked.stderr
    assert (
        f"note: {ledger_file}: 1 entry for 'retired', which no target of liaoyuan-2023 claims\n"
    ) in checked.stderr


def test_the_warnings_are_chinese_under_a_chinese_plan(
    run: Run, plan_file: Path, ledger_file: Path
) -> None:
    assert run("record", "livelihood_projects", "1-3月", "12.5").stderr == (
        "已记录 livelihood_projects 2023-03（1-3月）= 12.5\n"
        "警告：livelihood_projects 2023-03 = 12.5，不是整数个（件），请核对\n"
    )
    with ledger_file.open("a", encoding="utf-8") as f:
        f.write(UNCLAIMED.format(id="gdp_old", period="2023-03"))
    assert run("report", "--format", "json").stderr == (
        "注意：2023年有 1 个数据所属的指标不在计划 liaoyuan-2023 中，报告未计入："
        "'gdp_old' (1)；`targets check` 会列出\n"
    )
