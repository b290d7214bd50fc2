"""A ledger replaced, deleted or edited by hand while a figure is being recorded: the
figure is recorded in the file at the path, or refused; never acknowledged and lost. And
the index never hides an entry it has not read.

Each recorder is a real process, held at the ledger's lock by the test until the other
program has done its work. Figures here are test data.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Run, wait_until_blocked

from targets.store import ledger_file as ledger

pytestmark = [
    pytest.mark.skipif(
        not sys.platform.startswith("linux"), reason="waits for the recorder in /proc/locks"
    ),
    pytest.mark.usefixtures("english"),  # these tests read the English words
]

HAND = (
    "\n[[actual]]\n"
    'target = "cpi"\n'
    'period = "2023-01"\n'
    "value = 2.1\n"
    'source = "written by hand, test data"\n'
    "recorded_at = 2023-02-15T09:30:00+08:00\n"
)


def start_record(plan: Path, actuals: Path, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, TARGETS_PLAN=str(plan), TARGETS_LEDGER=str(actuals), NO_COLOR="1")
    env.update(TARGETS_LANG="en")  # the tests read the English words
    return subprocess.Popen(
        [sys.executable, "-m", "targets", "record", *args, "--source", "test data"],
        env=env,
        cwd=plan.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def rows(path: Path) -> list[tuple[str, str, float]]:
    """The ledger read afresh from its bytes, bypassing the index."""
    return [(r[0], r[1], r[2]) for r in ledger.parse_ledger(path, path.read_bytes())]


def test_a_ledger_replaced_while_the_recorder_waits_gets_the_figure(
    plan_file: Path, ledger_file: Path
) -> None:
    """An editor saves the ledger (a new file renamed over the path) while the recorder
    waits: the figure goes into the file now at the path, beside what the editor wrote."""
    ledger_file.write_text(ledger.HEADER, "utf-8")
    with ledger.locked(ledger_file):
        proc = start_record(plan_file, ledger_file, "gdp", "2023-Q1", "5.8")
        wait_until_blocked(proc)
        saved = ledger_file.with_name("actuals.toml~")
        saved.write_text(ledger.HEADER + HAND, "utf-8")
        os.replace(saved, ledger_file)
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, out, err) == (0, "", "recorded gdp 2023-03 (Jan–Mar) = 5.8\n")
    assert rows(ledger_file) == [("cpi", "2023-01", 2.1), ("gdp", "2023-03", 5.8)]


def test_a_ledger_deleted_while_the_recorder_waits_is_refused(
    plan_file: Path, ledger_file: Path
) -> None:
    ledger_file.write_text(ledger.HEADER + HAND, "utf-8")
    with ledger.locked(ledger_file):
        proc = start_record(plan_file, ledger_file, "gdp", "2023-Q1", "5.8")
        wait_until_blocked(proc)
        ledger_file.unlink()
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, out) == (1, "")
    assert err == (
        f"error: {ledger_file}: the ledger was removed while this waited for it;"
        " nothing was recorded\n"
    )
    assert not ledger_file.exists()


def test_a_ledger_whose_folder_is_deleted_while_the_recorder_waits_is_refused(
    plan_file: Path, isolated: Path
) -> None:
    folder = isolated / "share"
    folder.mkdir()
    actuals = folder / "actuals.toml"
    actuals.write_text(ledger.HEADER + HAND, "utf-8")
    with ledger.locked(actuals):
        proc = start_record(plan_file, actuals, "gdp", "2023-Q1", "5.8")
        wait_until_blocked(proc)
        actuals.unlink()
        folder.rmdir()
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, out) == (1, "")
    assert err == (
        f"error: {actuals}: the ledger was removed while this waited for it; nothing was recorded\n"
    )
    assert not folder.exists()


def test_an_entry_appended_by_hand_during_a_record_is_never_hidden_by_the_index(
    run: Run, plan_file: Path, ledger_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone appends a whole entry by hand (no lock) after the recorder has read the
    ledger and before it writes. The index then describes bytes it never read; saved,
    it would hide the hand entry from report, history and export for good."""
    assert run("record", "gdp", "2023-Q1", "5.8", "--source", "test data").exit_code == 0
    original = ledger.append

    def append_with_a_hand_edit(
        path: Path, entries: object, check: object = None, regions: object = None
    ) -> object:
        def check_then_edit(existing: list[ledger.Row]) -> None:
            if callable(check):
                check(existing)
            with path.open("a", encoding="utf-8") as f:  # the editor's append
                f.write(HAND)

        return original(path, entries, check_then_edit, regions)  # type: ignore[arg-type]

    monkeypatch.setattr(ledger, "append", append_with_a_hand_edit)
    done = run("record", "gdp", "2023-H1", "6.1", "--source", "test data")
    assert done.exit_code == 0, done.output
    monkeypatch.setattr(ledger, "append", original)
    assert rows(ledger_file) == [
        ("gdp", "2023-03", 5.8),
        ("cpi", "2023-01", 2.1),
        ("gdp", "2023-06", 6.1),
    ]
    history = run("history", "cpi", "--format", "csv")
    assert history.exit_code == 0, history.output
    assert history.stdout.splitlines()[1:] == [
        '2023-01,2.1,2023-02-15T09:30:00+08:00,"written by hand, test data",,true,false'
    ]
    exported = run("export", "--what", "actuals")
    assert exported.stdout.count("\n") == 1 + 3, exported.stdout
    checked = run("check")
    assert checked.stdout.endswith("(3 entries)\n"), checked.output
