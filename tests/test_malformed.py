"""Files that are not what they should be: a ledger in a folder that is not there, a
FIFO or a device, TOML nested hundreds deep, integers no float holds. Each is one
`error:` line and exit 1: never a traceback, never a hang, nothing written.

Figures here are test data.
"""

from __future__ import annotations

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
