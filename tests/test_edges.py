"""Edges found by reviewers trying to break the tool. Figures are test data."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import Run

from targets.cli import main, quick

pytestmark = pytest.mark.usefixtures("english")  # these tests read the English words


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


def test_an_id_wins_even_when_another_targets_name_is_that_id(run: Run, isolated: Path) -> None:
    (isolated / "targets.toml").write_text(PLAN.format(name="cpi"), "utf-8")
    assert run("check").exit_code == 0
    assert run("record", "cpi", "2023-01", "2.5").stderr == "recorded cpi 2023-01 (Jan) = 2.5\n"


def test_help_as_an_options_value_is_no_request_for_help(
    plan_file: Path, ledger_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for value, expected in (("5.8", 0), ("5.9", 1)):  # then refused: never a replayed answer
        with pytest.raises(SystemExit) as ended:
            main(["record", "gdp", "2023-Q1", value, "--note", "a", "--note", "--help"])
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
        assert "1e+26" in result.stdout  # short, so the table keeps its columns


def test_as_of_is_null_only_when_nothing_is_recorded(run: Run, plan_file: Path) -> None:
    """SPEC §5: null when nothing is recorded; asked for a period, the report is as of it,
    in JSON as in the table's title."""
    assert json.loads(run("report", "-f", "json", "--as-of", "2023-06").stdout)["as_of"] is None
    assert "尚无数据" in run("report", "--as-of", "2023-06", "--lang", "zh").stdout.splitlines()[0]
    run("record", "gdp", "2023-09", "6.0")
    doc = json.loads(run("report", "-f", "json", "--as-of", "2023-06").stdout)
    assert doc["as_of"] == "2023-06" and doc["targets"][0]["status"] == "no_data"
    assert "· 上半年" in run("report", "--as-of", "2023-06", "--lang", "zh").stdout.splitlines()[0]


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
    assert lines[0] == f"recorded 1 figure from {older} (UTF-8)"
    assert lines[1].startswith(
        f"note: {older}, line 2: gdp 2023-03 = 4.2 will not be in force: 5 was recorded later ("
    )
    assert json.loads(run("report", "-f", "json").stdout)["targets"][0]["actual"] == 5.0


if sys.platform == "win32":  # pragma: no cover
    pytest.skip("POSIX folders and argv bytes", allow_module_level=True)


def test_record_says_when_its_revision_will_not_be_in_force(
    run: Run, plan_file: Path, isolated: Path
) -> None:
    future = isolated / "future.csv"
    future.write_text(
        "target,period,value,recorded_at\ngdp,2023-09,4.0,2099-01-01T00:00:00+08:00\n", "utf-8"
    )
    assert run("import", str(future)).exit_code == 0
    result = run("record", "gdp", "2023-09", "6.1", "--revise")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "recorded gdp 2023-09 (Q1–Q3) = 6.1 (revision)",
        "note: gdp 2023-09 = 6.1 will not be in force: 4 was recorded later"
        " (2099-01-01 00:00), and the latest recording counts",
    ]


def test_an_import_refuses_a_span_for_a_monthly_rate(
    run: Run, plan_file: Path, isolated: Path
) -> None:
    figures = isolated / "rates.csv"
    figures.write_text("target,period,value\nunemployment,2023年上半年,5.5\n", "utf-8")
    result = run("import", str(figures))
    assert result.stderr.splitlines() == [
        f"error: {figures}, line 2: period '2023年上半年' spans months, and a monthly rate"
        " takes each month's reading (the bureau's figure for a span is their mean):"
        " write the month, 2023-06",
        f"error: {figures}: nothing was recorded",
    ]


def test_an_unclosed_quote_is_named_by_the_line_it_opens_on(
    run: Run, plan_file: Path, isolated: Path
) -> None:
    figures = isolated / "q.csv"
    figures.write_text(
        'target,period,value,source\ngdp,2023-Q1,5.8,ok\ngdp,2023-H1,6.0,"open\nx\ny\n', "utf-8"
    )
    result = run("import", str(figures))
    assert result.stderr.splitlines() == [
        f"error: {figures}, line 3: a quote is opened and never closed",
        f"error: {figures}: nothing was recorded",
    ]


def test_the_estimate_is_left_out_when_the_period_before_is_missing(
    run: Run, plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    run("record", "gdp", "2023-Q1", "4.5")
    run("record", "gdp", "2023-09", "5.5")  # no 上半年: Q3 alone cannot be told
    shown = run("history", "gdp", "--no-outlook", "--lang", "zh").stdout  # the projection has %
    rows = [ln for ln in shown.splitlines() if ln.startswith(("1-", "前"))]
    assert rows[0].count("4.5%") == 2 and rows[1].count("%") == 1


def test_a_closed_pipe_is_no_error(plan_file: Path) -> None:
    import subprocess

    done = subprocess.run(
        f"{sys.executable} -m targets report -f json | true",  # the reader has gone
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "error" not in done.stderr and "Traceback" not in done.stderr


def test_history_in_a_narrow_terminal_drops_the_estimate_before_any_figure(
    run: Run, plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("record", "gdp", "2023-Q1", "4.5")
    run("record", "gdp", "2023-H1", "5.2")
    for width in ("44", "50", "60"):
        monkeypatch.setenv("COLUMNS", width)
        out = run("history", "gdp", "--lang", "zh").stdout
        assert "1-3月" in out and "4.5%" in out and "-2.0" in out and "✗ 滞后" in out, width
