"""What a leader reads (SPEC §3, §7; issue 10): the outlook in words labelled as an
estimate, required paces worded as what the rest of the year must or may do, 已无法完成,
比上期, an around figure above its band, English without Chinese units, the title's
period. Figures are test data."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run
from rich.cells import cell_len

PLAN = """\
[plan]
id = "test-2023"
name = "测试市2023年目标"
name_en = "Test 2023"
region = "测试市"
year = 2023
lang = "zh"

[[target]]
id = "gdp"
name = "地区生产总值"
name_en = "GDP"
kind = "growth"
comparator = "around"
value = 5.0
tolerance = 0.5
unit = "%"
frequency = "quarterly"

[[target]]
id = "retail"
name = "社会消费品零售总额"
name_en = "Retail sales"
kind = "growth"
comparator = "at_least"
value = 5.0
unit = "%"
frequency = "monthly"

[[target]]
id = "jobless"
name = "城镇调查失业率"
name_en = "Unemployment rate"
kind = "rate"
comparator = "at_most"
value = 6.0
unit = "%"
frequency = "monthly"
floor = 0

[[target]]
id = "projects"
name = "惠民实事"
name_en = "Livelihood projects"
kind = "total"
comparator = "at_least"
value = 50
unit = "件"
frequency = "monthly"
"""


@pytest.fixture
def plan(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COLUMNS", "160")  # room for every phrase whole
    path = isolated / "targets.toml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def record(run: Run, *figures: tuple[str, str, str]) -> None:
    for target, period, value in figures:
        result = run("record", target, period, value)
        assert result.exit_code == 0, result.output


def line(out: str, name: str) -> str:
    return next(ln for ln in out.splitlines() if ln.startswith(name))


def test_china_2023_reads_likely_with_its_range_labelled_as_an_estimate(
    run: Run, plan: Path
) -> None:
    record(run, ("gdp", "2023-06", "5.5"), ("gdp", "2023-09", "5.2"))
    zh = run("report").stdout
    assert "全年预计" in zh
    gdp = zh[zh.index("地区生产总值") :]
    assert "有望完成" in gdp and "预计5.05–5.2%" in gdp and "比上期回落0.3" in gdp
    en = run("report", "--lang", "en").stdout
    assert "Year (est.)" in en and "likely" in en and "est. 5.05–5.2%" in en
    assert "-0.3 on prev." in en


def test_an_around_figure_above_its_band_is_above_not_behind(run: Run, plan: Path) -> None:
    record(run, ("gdp", "2023-06", "6.5"), ("gdp", "2023-09", "6.2"))
    out = run("report").stdout
    gdp = line(out, "地区生产总值")
    assert "✗ 高于目标区间" in gdp and "滞后" not in gdp
    assert "预计高于目标区间" in out
    assert "above the band" in line(run("report", "--lang", "en").stdout, "GDP")


def test_required_paces_on_the_easy_side_say_what_the_rest_may_do(run: Run, plan: Path) -> None:
    record(run, ("retail", "2023-09", "20"))  # the rest may fall 40% and still reach 5%
    record(run, *(("jobless", f"2023-{m:02d}", "5.0") for m in range(1, 6)))
    out = run("report").stdout
    assert "余下可下降40.0%仍达标" in line(out, "社会消费品零售总额")
    assert "余下月均不超过6.71%即可" in line(out, "城镇调查失业率")
    assert "≥" not in out.split("────")[-1].replace("≥5%", "")  # no bare comparator
    en = run("report", "--lang", "en").stdout
    assert "may fall 40.0% and still meet it" in en and "may average up to 6.71%" in en


def test_a_hard_pace_says_what_the_rest_must_do(run: Run, plan: Path) -> None:
    record(run, ("retail", "2023-06", "4"))
    assert "余下需增长6.0%以上" in line(run("report").stdout, "社会消费品零售总额")


def test_a_cap_far_above_it_after_eleven_months_is_out_of_reach(run: Run, plan: Path) -> None:
    record(run, *(("jobless", f"2023-{m:02d}", "8.0") for m in range(1, 12)))
    assert "已无法完成" in line(run("report").stdout, "城镇调查失业率")
    assert "out of reach" in line(run("report", "--lang", "en").stdout, "Unemployment rate")


def test_english_has_no_chinese_units_and_the_gap_has_its_unit(run: Run, plan: Path) -> None:
    record(run, ("projects", "2023-02", "4"), ("projects", "2023-03", "9"))
    en = run("report", "--lang", "en").stdout
    projects = en[en.index("Livelihood projects") :]
    assert "件" not in en
    assert "50 projects" in projects and "9 projects" in projects
    assert "-3.5 projects" in projects and "+5 projects on prev." in projects
    zh = run("report").stdout
    assert "-3.5件" in zh and "比上期增加5件" in zh


def test_the_title_names_the_period_most_targets_are_at(run: Run, plan: Path) -> None:
    record(run, ("retail", "2023-08", "5"), ("jobless", "2023-08", "5"))
    record(run, ("projects", "2023-09", "30"))  # one target later than the rest
    assert run("report").stdout.splitlines()[0] == "测试市2023年目标 · 1-8月"
    assert run("report", "--lang", "en").stdout.splitlines()[0] == "Test 2023 · Jan–Aug"


def test_no_outlook_hides_the_projection_everywhere_a_person_reads(run: Run, plan: Path) -> None:
    record(run, ("gdp", "2023-06", "5.5"), ("gdp", "2023-09", "5.2"))
    for args in (("report",), ("report", "-f", "markdown"), ("history", "gdp")):
        shown = run(*args).stdout
        hidden = run(*args, "--no-outlook").stdout if args[0] == "report" else None
        assert "全年预计" in shown and "有望完成" in shown
        if hidden is not None:
            assert "全年预计" not in hidden and "预计" not in hidden and "有望完成" not in hidden
    quiet = run("history", "gdp", "--no-outlook").stdout
    assert "全年预计" not in quiet and "有望完成" not in quiet
    md = run("report", "-f", "markdown").stdout
    assert "| 有望完成 · 预计5.05–5.2% |" in md


def test_history_shows_each_periods_projection_and_a_rates_mean(run: Run, plan: Path) -> None:
    record(run, ("gdp", "2023-06", "5.5"), ("gdp", "2023-09", "5.2"))
    record(run, ("jobless", "2023-01", "5.8"), ("jobless", "2023-02", "6.1"))
    gdp = run("history", "gdp").stdout
    assert "5.5% 有望完成" in line(gdp, "上半年")  # no earlier figure: both scenarios 5.5
    assert "5.05–5.2% 有望完成" in line(gdp, "前三季度")
    jobless = run("history", "jobless").stdout
    assert "均值" in jobless
    february = line(jobless, "2月")
    assert "6.1%" in february and "5.95%" in february  # the reading and the mean judged on


def test_at_80_columns_names_keep_six_characters_and_goals_stay_whole(
    run: Run, plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundled plan, every target with a figure (test data), in an 80-column terminal."""
    monkeypatch.setenv("COLUMNS", "80")
    record(run, ("gdp", "2023-06", "6.0"), ("gdp", "2023-09", "5.9"))
    record(run, ("urban_income", "2023-09", "6.1"), ("unemployment", "2023-09", "5.5"))
    record(run, ("livelihood_projects", "2023-09", "30"), ("cpi", "2023-09", "0.2"))
    out = run("report").stdout
    assert max(cell_len(ln) for ln in out.splitlines()) <= 80
    for name in ("城镇常住居民人均可支配收入", "单位地区生产总值能耗降低", "规模以上工业总产值"):
        assert any(ln.startswith(name[:6]) for ln in out.splitlines()), name
    for goal in ("与地区生产总值同步", "≤6%左右", "≥6.5%", "50件"):
        assert goal in out, goal  # whole on its line
    assert "▁" not in out and "█" not in out  # the trend gave way first
    for figure in ("5.9%", "余下需增长", "完成难度大", "预计5.85–5.9%"):
        assert figure in out, figure
