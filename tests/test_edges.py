"""Edges found by reviewers trying to break the tool. Figures are test data."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import Run

from targets.cli import main, quick


def test_an_offset_toml_cannot_hold_is_refused_on_import(
    run: Run, plan_file: Path, isolated: Path
) -> None:
    figures = isolated / "x.csv"
    figures.write_text(
        "target,period,value,recorded_at\ngdp,2023-06,5.0,2023-04-20T10:00:00+05:30:15\n", "utf-8"
    )
    result = run("import", str(figures))
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {figures}, line 2: recorded_at '2023-04-20T10:00:00+05:30:15': a UTC offset"
        " is hours and minutes, like +08:00\n"
        f"error: {figures}: nothing was recorded\n"
    )
    assert not (isolated / "actuals.toml").exists()


PLAN = """\
[plan]
id = "edge"
name = "边界测试"
region = "测试市"
year = 2023

[[target]]
id = "first"
name = "{name}"
kind = "rate"
comparator = "at_most"
value = 3.0
unit = "%"
frequency = "monthly"

[[target]]
id = "cpi"
name = "Consumer prices"
kind = "rate"
comparator = "at_most"
value = 3.0
unit = "%"
frequency = "monthly"
"""


def test_an_id_wins_over_another_targets_name(run: Run, isolated: Path) -> None:
    (isolated / "targets.toml").write_text(PLAN.format(name="Other prices"), "utf-8")
    assert run("record", "cpi", "2023-01", "2.5").stderr == "recorded cpi 2023-01 (Jan) = 2.5\n"
    by_name = run("record", "Consumer prices", "2023-02", "1")
    assert by_name.stderr == "recorded cpi 2023-02 (Feb) = 1\n"


def test_a_name_that_is_another_targets_id_is_refused(run: Run, isolated: Path) -> None:
    plan = isolated / "targets.toml"
    plan.write_text(PLAN.format(name="cpi"), "utf-8")
    result = run("check")
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {plan}, line 9 (target 'first'): name 'cpi' is another target's id;"
        " give it another\n"
    )


def test_help_as_an_options_value_is_no_request_for_help(
    plan_file: Path, ledger_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for expected in (0, 1):  # recorded, then refused as a duplicate: never a replayed answer
        with pytest.raises(SystemExit) as ended:
            main(["record", "gdp", "2023-Q1", "5.8", "--note", "a", "--note", "--help"])
        assert ended.value.code == expected
    assert ledger_file.read_text("utf-8").count("[[actual]]") == 1
    assert "already has 5.8" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [("report",), ("report", "-f", "json", "-f", "json"), ("history", "gdp"), ("check",),
     ("export", "--what", "actuals"), ("record", "gdp", "2023-Q1", "5")],
    ids=" ".join,
)  # fmt: skip
def test_a_folder_where_the_ledger_should_be_is_one_clear_line(
    args: tuple[str, ...], run: Run, plan_file: Path, ledger_file: Path
) -> None:
    ledger_file.mkdir()
    result = run(*args)
    assert result.exit_code == 1
    verb = "open the ledger for writing" if args[0] == "record" else "read the ledger"
    assert result.stderr == f"error: {ledger_file}: cannot {verb} (Is a directory)\n"


def test_a_folder_given_as_the_plan_is_the_same_refusal_on_both_paths(
    run: Run, isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = isolated / "d"
    folder.mkdir()
    assert quick(["report", "--plan", str(folder)]) == 1
    quick_err = capsys.readouterr().err
    typer = run("report", "--plan", str(folder), "-f", "json", "-f", "json")  # through typer
    assert (typer.exit_code, typer.stderr) == (1, quick_err)
    assert quick_err == f"error: {folder}: cannot read the plan (Is a directory)\n"


def test_text_that_is_not_utf8_is_refused_and_writes_nothing(
    run: Run, plan_file: Path, ledger_file: Path
) -> None:
    bad = b"\xff".decode("utf-8", "surrogateescape")  # as Python hands such bytes in argv
    result = run("record", "gdp", "2023-Q1", "5", "--source", bad)
    assert (result.exit_code, result.stderr) == (
        1,
        "error: --source holds bytes that are not UTF-8 text\n",
    )
    assert not ledger_file.exists()


def test_an_enormous_figure_is_shown_not_a_crash(run: Run, plan_file: Path) -> None:
    assert run("record", "livelihood_projects", "2023-01", "1e26").exit_code == 0
    for args in (("report",), ("report", "-f", "markdown"), ("history", "livelihood_projects")):
        result = run(*args)
        assert result.exit_code == 0, result.output
        assert "100000000000000000000000000" in result.stdout


def test_as_of_is_null_when_nothing_is_recorded_up_to_it(run: Run, plan_file: Path) -> None:
    assert json.loads(run("report", "-f", "json", "--as-of", "2023-06").stdout)["as_of"] is None
    run("record", "gdp", "2023-Q3", "6.0")
    assert json.loads(run("report", "-f", "json", "--as-of", "2023-06").stdout)["as_of"] is None
    assert json.loads(run("report", "-f", "json", "--as-of", "2023-10").stdout)["as_of"] == (
        "2023-10"
    )


def test_an_import_says_when_a_revision_will_not_be_in_force(
    run: Run, plan_file: Path, isolated: Path
) -> None:
    run("record", "gdp", "2023-Q1", "5.0")
    older = isolated / "older.csv"
    older.write_text(
        "target,period,value,recorded_at\ngdp,2023-03,4.2,2023-05-01T09:00:00+08:00\n", "utf-8"
    )
    result = run("import", str(older), "--revise")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == f"recorded 1 figure from {older}"
    assert lines[1].startswith(
        f"note: {older}, line 2: gdp 2023-03 = 4.2 will not be in force: 5 was recorded later ("
    )
    assert json.loads(run("report", "-f", "json").stdout)["targets"][0]["actual"] == 5.0


if sys.platform == "win32":  # pragma: no cover
    pytest.skip("POSIX folders and argv bytes", allow_module_level=True)
