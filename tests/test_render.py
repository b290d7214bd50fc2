"""The report and history as people see them: snapshots in both languages, alignment of
Chinese in terminal cells, literal [brackets], colour only for terminals. Test data."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Run
from rich.cells import cell_len

SNAPSHOTS = Path(__file__).parent / "snapshots"

PLAN = """\
[plan]
id = "test-city-2023"
name = "测试市2023年主要预期目标"
name_en = "Test City 2023: main targets"
region = "测试市"
year = 2023
lang = "zh"

[[target]]
id = "gdp"
name = "地区生产总值"
name_en = "Gross regional product"
kind = "growth"
comparator = "at_least"
value = 6.5
unit = "%"
frequency = "quarterly"
department = "市统计局"

[[target]]
id = "industry"
name = "规模以上工业增加值[快报]"
name_en = "Industrial value added [flash]"
kind = "growth"
comparator = "at_least"
value = 11.0
unit = "%"
frequency = "monthly"
department = "市工信局"

[[target]]
id = "unemployment"
name = "城镇调查失业率"
name_en = "Surveyed urban unemployment rate"
kind = "rate"
comparator = "at_most"
value = 6.0
tolerance = 0.5
unit = "%"
frequency = "monthly"
department = "市人社局"

[[target]]
id = "income"
name = "城镇常住居民人均可支配收入"
name_en = "Urban per-capita disposable income"
kind = "growth"
comparator = "at_least"
relative_to = "gdp"
unit = "%"
frequency = "quarterly"
department = "市统计局"

[[target]]
id = "energy"
name = "单位地区生产总值能耗降低"
name_en = "Energy use per unit of GDP, reduction"
kind = "level"
comparator = "at_least"
value = 3.0
unit = "%"
frequency = "annual"

[[target]]
id = "projects"
name = "惠民实事"
name_en = "Livelihood projects"
kind = "total"
comparator = "at_least"
value = 50
unit = "件"
frequency = "monthly"

[[target]]
id = "retail"
name = "社会消费品零售总额"
name_en = "Retail sales"
kind = "growth"
comparator = "at_least"
value = 7.0
unit = "%"
frequency = "monthly"

[[target]]
id = "emissions"
name = "主要污染物减排"
name_en = "Pollutant emissions, reduction"
kind = "level"
comparator = "at_least"
unit = "%"
frequency = "annual"
"""

FIGURES = [  # test data, one of every status at the year's end
    ("gdp", "2023-Q1", "5.8"),
    ("gdp", "2023-H1", "6.1"),
    ("gdp", "2023-09", "5.9"),
    ("industry", "2023-08", "11.2"),
    ("industry", "2023-09", "11.4"),
    ("unemployment", "2023-07", "5.6"),
    ("unemployment", "2023-08", "5.9"),
    ("unemployment", "2023-09", "6.3"),
    ("income", "2023-09", "6.2"),
    ("energy", "2023", "2.5"),
    ("projects", "2023-09", "51"),
]


@pytest.fixture
def recorded(run: Run, isolated: Path) -> Path:
    (isolated / "targets.toml").write_text(PLAN, encoding="utf-8")
    for target, period, value in FIGURES:
        result = run("record", target, period, value, "--source", "test data")
        assert result.exit_code == 0, result.output
    return isolated


def snapshot(name: str, text: str) -> None:
    """Compare with tests/snapshots/NAME; TARGETS_UPDATE_SNAPSHOTS=1 rewrites them."""
    path = SNAPSHOTS / name
    if os.environ.get("TARGETS_UPDATE_SNAPSHOTS"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_table_snapshot(lang: str, run: Run, recorded: Path) -> None:
    result = run("report", "--lang", lang)
    assert result.exit_code == 0, result.output
    snapshot(f"report-{lang}.txt", result.stdout)


def test_every_status_and_literal_brackets(
    run: Run, recorded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # nothing folds
    zh = run("report").stdout
    for status in ("✔ 已实现", "✓ 符合预期", "✗ 滞后", "✘ 未实现", "? 无数据", "- 无目标值"):
        assert status in zh
    assert "规模以上工业增加值[快报]" in zh
    assert "Industrial value added [flash]" in run("report", "--lang", "en").stdout
    assert zh.splitlines()[-1] == "已实现 1，符合预期 3，滞后 1，未实现 1，无数据 1，无目标值 1"


@pytest.mark.parametrize("width", [60, 80, 100, 160])
def test_every_line_of_the_chinese_table_is_equally_wide(
    width: int, run: Run, recorded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    lines = run("report").stdout.splitlines()
    table = lines[1:-1]  # between the title and the summary
    widths = {cell_len(line) for line in table}
    assert len(widths) == 1, widths
    assert widths.pop() <= width
    assert "1-9月" in lines[0] or "前三季度" in lines[0] or "全年" in lines[0]


def test_narrow_terminals_keep_every_figure_whole(
    run: Run, recorded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "70")
    out = run("report").stdout
    for figure in ("5.9%", "-0.6", "✗ 滞后", "≥8.3%", "51件", "均5.93%", "缺6个月", "≥6.5%"):
        assert figure in out
    assert "…" not in out
    monkeypatch.setenv("COLUMNS", "60")  # the status goes to its symbol, figures stay whole
    out = run("report").stdout
    assert "-0.6   ✗   ≥8.3%" in out and "…" not in out


def test_grouped_by_department(run: Run, recorded: Path) -> None:
    result = run("report", "--by", "department")
    assert result.exit_code == 0, result.output
    snapshot("report-by-department.txt", result.stdout)


def test_markdown_for_briefings(run: Run, recorded: Path) -> None:
    result = run("report", "--format", "markdown")
    snapshot("report.md", result.stdout)
    assert "规模以上工业增加值[快报]" in result.stdout


def test_history_with_revisions_and_bars(run: Run, recorded: Path) -> None:
    run("record", "gdp", "2023-Q1", "5.7", "--revise", "--note", "test data: revised")
    for lang in ("zh", "en"):
        out = run("history", "gdp", "--lang", lang).stdout
        out = re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d", "YYYY-MM-DD HH:MM", out)
        snapshot(f"history-{lang}.txt", out)


def test_no_colour_in_a_pipe_and_with_no_color(recorded: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    piped = subprocess.run(
        [sys.executable, "-m", "targets", "report"], capture_output=True, env=env, check=True
    )
    assert b"\x1b[" not in piped.stdout
    forced = subprocess.run(
        [sys.executable, "-m", "targets", "report"],
        capture_output=True,
        env={**env, "FORCE_COLOR": "1"},
        check=True,
    )
    assert b"\x1b[32m" in forced.stdout or b"\x1b[1;32m" in forced.stdout  # green: on course
    plain = subprocess.run(
        [sys.executable, "-m", "targets", "report"],
        capture_output=True,
        env={**env, "FORCE_COLOR": "1", "NO_COLOR": "1"},
        check=True,
    )
    assert not re.search(rb"\x1b\[[0-9;]*3[0-7]m", plain.stdout)


def test_shell_completion_offers_target_ids_and_periods(recorded: Path) -> None:
    def complete(words: str) -> list[str]:
        env = {
            **os.environ,
            "_TARGETS_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split(" ")) - 1),
        }
        done = subprocess.run(
            [sys.executable, "-m", "targets"], capture_output=True, text=True, env=env, check=False
        )
        return done.stdout.split()

    assert complete("targets record ") == [
        "gdp", "industry", "unemployment", "income", "energy", "projects", "retail", "emissions",
    ]  # fmt: skip
    assert complete("targets record in") == ["industry", "income"]
    assert complete("targets record gdp 2023-") == ["2023-03", "2023-06", "2023-09", "2023-12"]
    assert complete("targets history en") == ["energy"]
