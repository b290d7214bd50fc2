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
from typer.testing import CliRunner

from targets.commands import app

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
    """The plan with FIGURES recorded: one import rather than a record each (the same
    entries, and a tenth of the time)."""
    (isolated / "targets.toml").write_text(PLAN, encoding="utf-8")
    rows = "".join(f"{t},{p},{v},test data\n" for t, p, v in FIGURES)
    (isolated / "figures.csv").write_text("target,period,value,source\n" + rows, "utf-8")
    result = run("import", "figures.csv")
    assert result.exit_code == 0, result.output
    (isolated / "figures.csv").unlink()
    return isolated


def snapshot(name: str, text: str) -> None:
    """Compare with tests/snapshots/NAME; TARGETS_UPDATE_SNAPSHOTS=1 rewrites them.

    A snapshot holds the layout; each test also asserts the figures and words a reader
    looks for, so rewriting a snapshot cannot quietly accept a wrong figure."""
    path = SNAPSHOTS / name
    if os.environ.get("TARGETS_UPDATE_SNAPSHOTS"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} changed: check the new output, then TARGETS_UPDATE_SNAPSHOTS=1 pytest"
    )


def cells(table: str, first: str) -> list[str]:
    """The cells of the table line that starts with `first`, as a reader separates them
    (by two or more spaces)."""
    lines = [line for line in table.splitlines() if line.startswith(first)]
    assert len(lines) == 1, (first, table)
    return re.split(r" {2,}", lines[0].strip())


def in_order(seen: list[str], wanted: list[str]) -> bool:
    """Whether `wanted` appear among `seen` in this order (other columns may lie between)."""
    rest = iter(seen)
    return all(any(cell == w for cell in rest) for w in wanted)


def markdown_rows(text: str) -> dict[str, list[str]]:
    """A markdown table's rows by their first cell: the cells after it."""
    rows = [line.strip("|").split(" | ") for line in text.splitlines() if line.startswith("| ")]
    return {row[0].strip(): [c.strip() for c in row[1:]] for row in rows[1:]}


# What the report says of gdp (Q1-Q3 5.9% against at least 6.5%) and of the unemployment
# rate (a mean of 5.93% against at most 6% give or take 0.5), in each language.
# The required pace is a sentence that may take two lines: its first words are on the row.
GDP_ROW = {
    "zh": ("地区生产总值", ["≥6.5%", "前三季度", "5.9%", "-0.6", "✗ 滞后", "余下需增长"]),
    "en": ("Gross regional", ["≥6.5%", "Q1–Q3", "5.9%", "-0.6", "✗ behind", "needs ≥8.3%"]),
}
UNEMPLOYMENT_ROW = {
    "zh": ("城镇调查失业率", ["≤6%左右", "9月", "均5.93%", "-0.07", "✓ 符合预期", "余下月均"]),
    "en": ("Surveyed urban", ["≤6%", "Sep", "avg 5.93%", "-0.07", "✓ on track", "may average"]),
}
SUMMARY = {
    "zh": "已实现 1，符合预期 3，滞后 1，未实现 1，无数据 1，无目标值 1",
    "en": "1 met, 3 on track, 1 behind, 1 missed, 1 without data, 1 without a target",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_table_snapshot(lang: str, run: Run, recorded: Path) -> None:
    result = run("report", "--lang", lang)
    assert result.exit_code == 0, result.output
    snapshot(f"report-{lang}.txt", result.stdout)
    for first, wanted in (GDP_ROW[lang], UNEMPLOYMENT_ROW[lang]):
        assert in_order(cells(result.stdout, first), wanted), (first, wanted)
    assert result.stdout.splitlines()[-1] == SUMMARY[lang]


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
    for figure in ("5.9%", "-0.6", "✗ 滞后", "8.3%以上", "51件", "均5.93%", "缺6个月", "≥6.5%"):
        assert figure in out
    assert "…" not in out
    monkeypatch.setenv("COLUMNS", "60")  # the status goes to its symbol, figures stay whole
    out = run("report").stdout
    assert "-0.6   ✗   余下需增" in out and "8.3%以上" in out and "…" not in out


def test_grouped_by_department(run: Run, recorded: Path) -> None:
    result = run("report", "--by", "department")
    assert result.exit_code == 0, result.output
    snapshot("report-by-department.txt", result.stdout)
    lines = result.stdout.splitlines()
    groups = [n for n, line in enumerate(lines) if line.startswith(("市", "未指定部门"))]
    assert [lines[n].strip() for n in groups] == ["市统计局", "市工信局", "市人社局", "未指定部门"]
    statistics = "\n".join(lines[groups[0] : groups[1]])
    assert "地区生产总值" in statistics and "城镇常住居民人均" in statistics
    assert "社会消费品零售" in "\n".join(lines[groups[3] :])  # no department given
    assert in_order(cells(result.stdout, "地区生产总值"), GDP_ROW["zh"][1])


def test_markdown_for_briefings(run: Run, recorded: Path) -> None:
    result = run("report", "--format", "markdown")
    snapshot("report.md", result.stdout)
    rows = markdown_rows(result.stdout)
    gdp = ["≥6.5%", "前三季度", "5.9%", "-0.6", "✗ 滞后", "余下需增长8.3%以上"]
    assert in_order(
        rows["地区生产总值"], gdp + ["完成难度大 · 预计5.8–5.9%", "▁█▃ · 比上期回落0.2"]
    )
    assert in_order(rows["城镇调查失业率"], ["均5.93% · 9月 6.3% · 缺6个月", "✓ 符合预期"])
    assert in_order(rows["惠民实事"], ["51件", "+13.5件", "✔ 已实现", "完成102% · 序时75%"])
    assert in_order(rows["规模以上工业增加值[快报]"], ["11.4%", "✓ 符合预期"])
    assert result.stdout.splitlines()[-1] == SUMMARY["zh"]


def test_history_with_revisions_and_bars(run: Run, recorded: Path) -> None:
    run("record", "gdp", "2023-Q1", "5.7", "--revise", "--note", "test data: revised")
    for lang in ("zh", "en"):
        out = run("history", "gdp", "--lang", lang).stdout
        out = re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d", "YYYY-MM-DD HH:MM", out)
        snapshot(f"history-{lang}.txt", out)
    # The revised first quarter is marked; the figure in force is judged.
    table = [re.split(r" {2,}", line.strip()) for line in out.splitlines()]
    quarters = [row for row in table if row[0] == "Jan–Mar"]
    assert [q[1] for q in quarters] == ["5.8%", "5.7%"]
    assert "revised" in quarters[0] and "✗ behind" in quarters[1]
    assert in_order(cells(out, "H1"), ["6.1%", "6.5%", "-0.4", "✗ behind"])
    assert in_order(cells(out, "Q1–Q3"), ["5.9%", "5.5%", "-0.6", "✗ behind"])


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
    def env(words: str) -> dict[str, str]:
        cword = str(len(words.split(" ")) - 1)
        return {"_TARGETS_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword}

    def complete(words: str) -> list[str]:
        """Typer's answer in this process (a shell asks `targets` itself: see below)."""
        done = CliRunner().invoke(app, [], env=env(words), prog_name="targets")
        assert done.exit_code == 0, done.output
        return done.stdout.split()

    # As a shell asks it: the installed entry point answers.
    done = subprocess.run(
        [sys.executable, "-m", "targets"],
        capture_output=True,
        text=True,
        env={**os.environ, **env("targets record ")},
        check=False,
    )
    assert done.stdout.split() == [
        "gdp", "industry", "unemployment", "income", "energy", "projects", "retail", "emissions",
    ]  # fmt: skip
    assert complete("targets record ") == done.stdout.split()
    assert complete("targets record in") == ["industry", "income"]
    assert complete("targets record gdp 2023-") == ["2023-03", "2023-06", "2023-09", "2023-12"]
    assert complete("targets history en") == ["energy"]
