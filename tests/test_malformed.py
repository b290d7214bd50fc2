"""Files that are not what they should be: a ledger in a folder that is not there, a
FIFO or a device, TOML nested hundreds deep, integers no float holds. Each is one
`error:` line and exit 1: never a traceback, never a hang, nothing written.

Figures here are test data.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import Run, assert_refused

pytestmark = pytest.mark.usefixtures("english")  # these tests read the English words


def missing_folder(path: Path) -> str:
    return (
        f"error: {path}: the folder {path.parent} does not exist (point --ledger or"
        " TARGETS_LEDGER at the ledger, or create the folder)\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        ("check",),
        ("record", "gdp", "2023-Q1", "5.8"),
        ("report",),
        ("history", "gdp"),
        ("export", "--what", "actuals"),
        ("import", "figures.csv"),
    ],
)
def test_a_ledger_whose_folder_is_missing_is_refused_and_no_folder_is_made(
    run: Run, plan_file: Path, isolated: Path, args: tuple[str, ...]
) -> None:
    """An unmounted share or a typo in the path: the ledger is not empty, it is not there."""
    (isolated / "figures.csv").write_text("target,period,value\ngdp,2023-Q1,5.8\n", "utf-8")
    ledger = isolated / "share" / "actuals.toml"
    assert_refused(run(*args, "--ledger", str(ledger)), missing_folder(ledger))
    assert not ledger.parent.exists()


def test_a_missing_ledger_in_a_folder_that_exists_is_created_alone(
    run: Run, plan_file: Path, isolated: Path
) -> None:
    (isolated / "share").mkdir()
    ledger = isolated / "share" / "actuals.toml"
    assert run("check", "--ledger", str(ledger)).exit_code == 0
    assert run("report", "--ledger", str(ledger)).exit_code == 0
    done = run("record", "gdp", "2023-Q1", "5.8", "--ledger", str(ledger))
    assert done.exit_code == 0, done.output
    assert sorted(p.name for p in ledger.parent.iterdir() if not p.name.startswith(".")) == [
        "actuals.toml"
    ]


ENTRY = (
    '\n[[actual]]\ntarget = "gdp"\nperiod = "2023-03"\nvalue = {value}\n'
    "recorded_at = 2023-04-20T10:00:00+08:00\n"
)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("x = " + "[" * 600 + "]" * 600 + "\n", ": not valid TOML: nested too deep"),
        (ENTRY.format(value="9" * 5000), ": not valid TOML: a number of thousands of digits"),
        (
            ENTRY.format(value="9" * 400),
            ", line 2 (entry 1): value is a number of 400 digits: no figure is",
        ),
        (
            ENTRY.format(value="1" + "0" * 309 + ".0"),
            ", line 2 (entry 1): value must be a finite number, not inf",
        ),
    ],
)
def test_a_malformed_ledger_is_one_error_line(
    run: Run, plan_file: Path, ledger_file: Path, text: str, said: str
) -> None:
    ledger_file.write_text(text, "utf-8")
    for args in (("report",), ("history", "gdp"), ("check",), ("record", "cpi", "2023-01", "2")):
        assert_refused(run(*args), f"error: {ledger_file}{said}\n")
    assert ledger_file.read_text("utf-8") == text


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("x = " + "[" * 600 + "]" * 600 + "\n", "not valid TOML: nested too deep"),
        ("x = " + "9" * 5000 + "\n", "not valid TOML: a number of thousands of digits"),
    ],
)
def test_a_malformed_plan_is_one_error_line(
    run: Run, plan_file: Path, text: str, said: str
) -> None:
    plan_file.write_text(plan_file.read_text("utf-8") + text, "utf-8")
    for args in (("report",), ("list",), ("record", "cpi", "2023-01", "2")):
        assert_refused(run(*args), f"error: {plan_file}: {said}\n")
    result = run("check")
    assert result.exit_code == 1 and result.stderr.endswith(f"\nerror: {plan_file}: {said}\n")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
@pytest.mark.parametrize("what", ["ledger", "plan"])
def test_a_fifo_or_a_device_for_a_file_is_refused_never_waited_on(
    run: Run, plan_file: Path, ledger_file: Path, isolated: Path, what: str
) -> None:
    fifo = isolated / "fifo.toml"
    os.mkfifo(fifo)
    option = "--ledger" if what == "ledger" else "--plan"
    for path in (fifo, Path(os.devnull)):
        for args in (("report",), ("check",), ("record", "cpi", "2023-01", "2")):
            assert_refused(
                run(*args, option, str(path)), f"error: {path}: the {what} is not a regular file\n"
            )


def test_init_force_never_writes_the_plan_over_the_ledger(
    run: Run, plan_file: Path, ledger_file: Path, isolated: Path
) -> None:
    assert run("record", "gdp", "2023-Q1", "5.8").exit_code == 0
    figures = ledger_file.read_bytes()
    said = "is the ledger: a plan written there would replace every figure recorded;"
    for args in (
        ("--plan", "actuals.toml"),
        ("--plan", str(ledger_file)),
        ("--plan", "sub/../actuals.toml"),
        ("--plan", "other.toml", "--ledger", "other.toml"),
    ):
        result = run("init", "--force", *args, "--lang", "en")
        assert result.exit_code == 1, result.output
        assert said in result.stderr and "give --plan another file" in result.stderr
    assert ledger_file.read_bytes() == figures
    assert not (isolated / "other.toml").exists()
    assert run("init", "--force", "--lang", "en").exit_code == 0  # the plan itself: fine


def test_two_targets_with_one_name_are_refused_by_the_plan_check(run: Run, plan_file: Path) -> None:
    text = plan_file.read_text("utf-8")
    plan_file.write_text(text.replace('name = "规模以上工业总产值"', 'name = "地区生产总值"', 1))
    lines = plan_file.read_text("utf-8").splitlines()
    line = [n for n, ln in enumerate(lines, 1) if ln == 'name = "地区生产总值"'][1]
    said = (
        f"error: {plan_file}, line {line} (target 'industrial_output'): '地区生产总值' is also"
        " the name of gdp: a record by name could not tell them apart\n"
    )
    checked = run("check", "--lang", "en")
    assert checked.exit_code == 1 and checked.stderr.endswith(said), checked.stderr
    assert_refused(run("record", "地区生产总值", "2023-Q1", "5.8", "--lang", "en"), said)
