"""kill -9 at random moments: nothing acknowledged is lost, no import is half there.

Each trial forks a process that runs the real command line (`targets record …` or
`targets import …`, imports already loaded, so its short life is all reading, locking and
writing) and kills it with SIGKILL after a random delay spread over that life. Then:

- acknowledged: the process had said "recorded …" before it died;
- lost: acknowledged, but what the readers see does not hold it (must be 0);
- partial: some but not all of one import's figures are seen (must be 0).

The readers must still run after every kill; what a kill left (a torn last entry, an
import cut short) is put right with `check --repair` before the next trial, as the office
would. Further trials replace or delete the ledger, under its lock, while a recorder waits
for it. And an import's write cut at every page boundary, as the kernel can leave it, is
left out whole.
"""

from __future__ import annotations

import os
import random
import signal
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run

from targets import app, cli
from targets.store import cuts
from targets.store import ledger_file as ledger

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="forks the recorders"),
    pytest.mark.usefixtures("english"),  # the tests read the English confirmations
]

MONTHLY = ("industrial_output", "retail_sales", "fiscal_revenue", "fixed_asset_investment")
IMPORT_ROWS = 200  # some 30 kB: a write of many pages


def fork_command(args: list[str]) -> tuple[int, int]:
    """Run `targets ARGS…` in a forked process; its pid and the read end of its stderr."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 70
        try:
            os.close(read)
            # a lock the test holds must not be held on in the child's copy of its file
            os.closerange(3, write)
            os.closerange(write + 1, 1 << 16)
            os.dup2(write, 2)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115
            sys.stderr = open(2, "w", buffering=1, closefd=False)  # noqa: SIM115
            try:
                cli.main(args)
                code = 0
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else 1
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def finish(pid: int, read: int) -> tuple[int, str]:
    _, status = os.waitpid(pid, 0)
    with os.fdopen(read, "rb") as f:
        said = f.read().decode("utf-8", "replace")
    return status, said


def lifetime(args: Callable[[int], list[str]], runs: int = 3) -> float:
    """How long the command takes when nothing kills it."""
    took = []
    for n in range(runs):
        start = time.perf_counter()
        status, said = finish(*fork_command(args(-1 - n)))
        took.append(time.perf_counter() - start)
        assert os.waitstatus_to_exitcode(status) == 0, said
    return statistics.median(took)


def seen(path: Path) -> list[ledger.Row]:
    """What every reader sees: the ledger's complete entries."""
    rows = ledger.read_rows(path)
    cuts.left_out()  # said by the command; here only counted
    return rows


def put_right(path: Path, counts: Counter[str]) -> None:
    checked = ledger.check_ledger(path, path.read_bytes())
    assert not checked.problems, checked.problems
    if checked.torn or checked.cut:
        counts["torn"] += bool(checked.torn)
        counts["cut imports"] += len(checked.cut)
        assert app.repair(path) is not None
        counts["repaired"] += 1


def report(name: str, counts: Counter[str]) -> None:
    shown = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print(f"\n{name}: {shown}")


def test_kill_9_at_random_moments_of_record_loses_nothing_acknowledged(
    run: Run, plan_file: Path, ledger_file: Path
) -> None:
    rng = random.Random(15)
    assert run("record", "gdp", "2023-Q1", "5.8", "--source", "test data").exit_code == 0

    def args(i: int) -> list[str]:
        target, month = MONTHLY[i % 4], 1 + i % 12
        note = f"trial {i}"
        return [
            "record",
            target,
            f"2023-{month:02d}",
            f"{abs(i) + 1}.5",
            "--revise",
            "--note",
            note,
        ]

    life = lifetime(args)
    counts: Counter[str] = Counter()
    for i in range(100):
        pid, read = fork_command(args(i))
        time.sleep(rng.uniform(0, 1.3 * life))
        os.kill(pid, signal.SIGKILL)
        status, said = finish(pid, read)
        counts["trials"] += 1
        counts["killed"] += os.WIFSIGNALED(status)
        acknowledged = "recorded " in said
        counts["acknowledged"] += acknowledged
        assert "Traceback" not in said, said
        rows = seen(ledger_file)
        present = any(r[5] == f"trial {i}" for r in rows)
        counts["present"] += present
        counts["lost"] += acknowledged and not present
        put_right(ledger_file, counts)
    report("record", counts)
    assert counts["lost"] == 0, counts
    assert counts["acknowledged"] > 0 and counts["killed"] > 0, counts
    assert run("check").exit_code == 0


def test_kill_9_at_random_moments_of_import_leaves_all_or_none(
    run: Run, plan_file: Path, ledger_file: Path, isolated: Path
) -> None:
    rng = random.Random(1515)

    def args(i: int) -> list[str]:
        name = isolated / f"figures-{i}.csv"
        if not name.exists():
            lines = ["target,period,value,note"]
            for k in range(IMPORT_ROWS):
                target, month = MONTHLY[k % 4], 1 + (k // 4) % 12
                lines.append(f"{target},2023-{month:02d},{abs(i) + 1}.{k:05d},trial {i}")
            name.write_text("\n".join(lines) + "\n", "utf-8")
        return ["import", str(name), "--revise"]

    life = lifetime(args, runs=2)
    counts: Counter[str] = Counter()
    for i in range(40):
        pid, read = fork_command(args(i))
        if i % 8 != 7:  # every eighth runs to its end: the ledger grows, and so do imports
            time.sleep(rng.uniform(0, 1.3 * life))
            os.kill(pid, signal.SIGKILL)
        status, said = finish(pid, read)
        counts["trials"] += 1
        counts["killed"] += os.WIFSIGNALED(status)
        acknowledged = f"recorded {IMPORT_ROWS} figures" in said
        counts["acknowledged"] += acknowledged
        assert "Traceback" not in said, said
        n = sum(r[5] == f"trial {i}" for r in seen(ledger_file))
        counts["whole"] += n == IMPORT_ROWS
        counts["partial"] += 0 < n < IMPORT_ROWS
        counts["lost"] += acknowledged and n != IMPORT_ROWS
        put_right(ledger_file, counts)
    report("import", counts)
    assert counts["lost"] == 0 and counts["partial"] == 0, counts
    assert counts["acknowledged"] > 0 and counts["killed"] > 0, counts


def test_an_import_cut_at_any_page_leaves_all_or_none(
    run: Run, plan_file: Path, ledger_file: Path, isolated: Path
) -> None:
    """The kernel copies a long write page by page and stops between two on SIGKILL:
    every such cut of an import's write is left out whole and mended by repair."""
    figures = isolated / "figures.csv"
    rows = [f"{MONTHLY[k % 4]},2023-{1 + (k // 4) % 12:02d},1.{k:05d},page test" for k in range(48)]
    figures.write_text("target,period,value,note\n" + "\n".join(rows) + "\n", "utf-8")
    assert run("record", "gdp", "2023-Q1", "5.8").exit_code == 0
    before = ledger_file.read_bytes()
    assert run("import", str(figures), "--revise").exit_code == 0
    whole = ledger_file.read_bytes()
    page = 4096 - len(before) % 4096  # the first page boundary inside the write
    counts: Counter[str] = Counter()
    for cut in range(len(before) + page, len(whole), 512):  # pages, and smaller blocks
        ledger_file.write_bytes(whole[:cut])
        counts["cuts"] += 1
        n = sum(r[5] == "page test" for r in seen(ledger_file))
        counts["partial"] += 0 < n < len(rows)
        put_right(ledger_file, counts)
        assert ledger_file.read_bytes() == before
    report("import cut at page boundaries", counts)
    assert counts["partial"] == 0 and counts["cuts"] >= 8, counts


def test_ledgers_replaced_or_deleted_while_recorders_wait_lose_nothing_acknowledged(
    run: Run, plan_file: Path, ledger_file: Path
) -> None:
    """Another program takes the ledger's lock and, at a random moment, replaces the file
    (a restore, an editor that locks) or deletes it; the recorder that waited records
    into the file at the path, or refuses."""
    rng = random.Random(155)
    assert run("record", "gdp", "2023-Q1", "5.8", "--source", "test data").exit_code == 0
    counts: Counter[str] = Counter()
    for i in range(40):
        deleting = i % 3 == 2
        with ledger.locked(ledger_file):
            pid, read = fork_command(
                ["record", MONTHLY[i % 4], f"2023-{1 + i % 12:02d}", f"{i}.5", "--revise"]
                + ["--note", f"trial {i}"]
            )
            time.sleep(rng.uniform(0, 0.05))
            content = ledger_file.read_bytes()
            if deleting:
                ledger_file.unlink()
            else:
                copy = ledger_file.with_name("actuals.toml.restored")
                copy.write_bytes(content)
                os.replace(copy, ledger_file)
        status, said = finish(pid, read)
        counts["trials"] += 1
        acknowledged = os.waitstatus_to_exitcode(status) == 0 and "recorded " in said
        counts["acknowledged"] += acknowledged
        counts["refused"] += "was removed while this waited" in said
        assert "Traceback" not in said, said
        if not ledger_file.exists():
            ledger_file.write_bytes(content)  # the restore after a deletion
            counts["deleted"] += 1
        present = any(r[5] == f"trial {i}" for r in seen(ledger_file))
        counts["lost"] += acknowledged and not present
    report("replaced or deleted", counts)
    assert counts["lost"] == 0, counts
    assert counts["acknowledged"] > 0 and counts["refused"] > 0, counts
