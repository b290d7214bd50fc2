"""Figures as people see them agree with the verdict beside them, whatever their size.

Figures here are test data.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Run


def test_a_figure_just_short_of_its_target_never_shows_as_the_target(
    run: Run, plan_file: Path
) -> None:
    """6.496 against ≥6.5 is missed: the table shows 6.496% and -0.004, not 6.5% and 0."""
    assert run("record", "gdp", "2023", "6.496").exit_code == 0
    assert run("record", "industrial_output", "2023-03", "9.9996").exit_code == 0
    table = run("report", "--lang", "en")
    assert table.exit_code == 0, table.output
    gdp = next(line for line in table.stdout.splitlines() if "Gross regional" in line)
    assert gdp.split()[-5:-1] == ["6.496%", "-0.004", "✘", "missed"], gdp
    industry = next(line for line in table.stdout.splitlines() if "Gross industrial" in line)
    assert "9.9996%" in industry and "-0.0004" in industry and "behind" in industry
    markdown = run("report", "-f", "markdown", "--lang", "zh").stdout
    assert "| 地区生产总值 | ≥6.5% | 全年 | 6.496% | -0.004 | ✘ 未实现 |" in markdown
    history = run("history", "gdp", "--lang", "en").stdout
    year = next(line for line in history.splitlines() if line.startswith("Year"))
    shown = year.split()  # the period alone, estimated, sits between value and gap
    assert shown[1] == "6.496%" and shown[3:6] == ["-0.004", "✘", "missed"], year


def test_a_plain_figure_keeps_its_usual_decimals(run: Run, plan_file: Path) -> None:
    assert run("record", "gdp", "2023", "6.1").exit_code == 0
    table = run("report", "--lang", "en").stdout
    gdp = (
        next(line for line in table.stdout.splitlines() if "Gross regional" in line)
        if False
        else next(line for line in table.splitlines() if "Gross regional" in line)
    )
    assert "6.1%" in gdp and "-0.4" in gdp


def test_huge_figures_keep_the_status_and_never_break_the_tool(run: Run, plan_file: Path) -> None:
    done = run("record", "cpi", "2023-01", "1e18", "--lang", "en")
    assert done.exit_code == 0, done.output
    huge = run("record", "retail_sales", "2023-01", "1e308", "--lang", "en")
    assert huge.exit_code == 0, huge.output
    assert "warning: retail_sales 2023-01 = 1e+308" in huge.stderr  # said, not silently taken
    for args in (("report",), ("history", "retail_sales"), ("report", "-f", "markdown")):
        shown = run(*args, "--lang", "en")
        assert shown.exit_code == 0 and "Traceback" not in shown.output, args
    table = run("report", "--lang", "en").stdout
    assert "Status" in table and table.count("behind") >= 2, table
    doc = json.loads(run("report", "-f", "json").stdout)
    statuses = {t["id"]: t["status"] for t in doc["targets"]}
    assert statuses["cpi"] == "behind" and statuses["retail_sales"] == "on_track"
