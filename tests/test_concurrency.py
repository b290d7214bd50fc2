"""Many people recording at once lose nothing: every append happens under a file lock.

Each recorder is a real process (`python -m targets record …`), as when several people in
a bureau record from their own terminals. Figures here are test data.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROC_LOCKS, Run, wait_until_blocked

from targets.domain.entries import Row
from targets.store import ledger_file as ledger

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("english")]  # English words

MONTHLY = ("industrial_output", "retail_sales", "fiscal_revenue", "cpi", "unemployment")


def _env(plan: Path, actuals: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(TARGETS_PLAN=str(plan), TARGETS_LEDGER=str(actuals), NO_COLOR="1")
    env.update(TARGETS_LANG="en")  # the tests read the English words
    return env


def _start(args: list[str], plan: Path, actuals: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "targets", "record", *args],
        env=_env(plan, actuals),
        cwd=plan.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(procs: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    done = []
    for p in procs:
        out, err = p.communicate(timeout=60)
        done.append((p.returncode, out, err))
    return done


def _rows_from_the_file(actuals: Path) -> list[Row]:
    """The ledger read afresh from its bytes, bypassing the index."""
    return ledger.parse_ledger(actuals, actuals.read_bytes())


def test_24_processes_recording_at_once_lose_no_figure(
    run: Run, plan_file: Path, ledger_file: Path
) -> None:
    """16 figures for different periods and 8 revisions of one period, all at once."""
    figures = [
        (target, f"2023-{month:02d}", f"{n}.{month}", ())
        for n, target in enumerate(MONTHLY[:4], start=1)
        for month in range(1, 5)
    ] + [("unemployment", "2023-06", f"{i}.25", ("--revise",)) for i in range(8)]
    assert len(figures) == 24
    procs = [
        _start(
            [t, p, v, *revise, "--source", "test data", "--note", f"process {i}"],
            plan_file,
            ledger_file,
        )
        for i, (t, p, v, revise) in enumerate(figures)
    ]
    for (code, out, err), (t, p, _, _) in zip(_finish(procs), figures, strict=True):
        assert code == 0, err
        assert err.startswith(f"recorded {t} {p} ") and out == ""
        assert "Traceback" not in err
    rows = _rows_from_the_file(ledger_file)
    assert sorted((r[0], r[1], r[2]) for r in rows) == sorted(
        (t, p, float(v)) for t, p, v, _ in figures
    )
    assert sorted(r[5] or "" for r in rows) == sorted(f"process {i}" for i in range(24))
    assert ledger_file.read_text("utf-8").count("[[actual]]") == 24
    checked = run("check")
    assert checked.exit_code == 0, checked.output
    assert checked.stdout.endswith("(24 entries)\n")
    history = run("history", "unemployment", "--format", "csv")
    assert history.exit_code == 0, history.output
    assert len(history.stdout.splitlines()) == 1 + 8
    assert history.stdout.count(",true,false\n") == 1


def test_of_20_processes_recording_one_period_without_revise_exactly_one_wins(
    plan_file: Path, ledger_file: Path
) -> None:
    """The duplicate check runs under the lock, so two recorders cannot both pass it."""
    procs = [
        _start(["gdp", "2023-Q1", f"{i + 1}.5", "--source", "test data"], plan_file, ledger_file)
        for i in range(20)
    ]
    results = _finish(procs)
    won = [(i, out) for i, (code, out, _) in enumerate(results) if code == 0]
    assert len(won) == 1, results
    winner = won[0][0]
    for i, (code, _, err) in enumerate(results):
        assert "Traceback" not in err
        if i != winner:
            assert code == 1
            assert err.startswith(f"error: gdp 2023-03 already has {winner + 1}.5 (recorded ")
            assert err.endswith("; add --revise to record a correction\n")
    rows = _rows_from_the_file(ledger_file)
    assert [(r[0], r[1], r[2]) for r in rows] == [("gdp", "2023-03", winner + 1.5)]


@pytest.mark.skipif(not PROC_LOCKS.exists(), reason="needs /proc/locks to see a waiting process")
def test_a_recorder_waits_for_the_lock(plan_file: Path, ledger_file: Path) -> None:
    """While someone else holds the ledger's lock, a recorder waits, then appends."""
    with ledger.locked(ledger_file):
        proc = _start(["cpi", "2023-01", "2.0", "--source", "test data"], plan_file, ledger_file)
        wait_until_blocked(proc)
        assert ledger_file.read_bytes() == b""
    code, out, err = _finish([proc])[0]
    assert code == 0, err
    assert err == "recorded cpi 2023-01 (Jan) = 2\n" and out == ""
    assert [(r[0], r[1], r[2]) for r in _rows_from_the_file(ledger_file)] == [
        ("cpi", "2023-01", 2.0)
    ]
