"""An import is all or none, across a crash too. Its entries are one write; the kernel
writes a long one page by page, so a crash inside it can leave a whole number of its
entries. Each entry names its batch and the batch's size, and a batch short of its size
is left out whole by every reader, said on stderr, listed by `check`, and taken out by
`check --repair`.

Figures here are test data.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from pathlib import Path

import pytest
from conftest import Run

from targets.store import ledger_file as ledger

pytestmark = pytest.mark.usefixtures("english")  # these tests read the English words

FIGURES = (
    "target,period,value,source\n"
    "cpi,2023-01,2.1,test data\n"
    "cpi,2023-02,2.0,test data\n"
    "cpi,2023-03,1.9,test data\n"
)


def imported(run: Run, ledger_file: Path, isolated: Path) -> tuple[bytes, bytes]:
    """The ledger before an import of FIGURES, and the bytes the import appended."""
    (isolated / "figures.csv").write_text(FIGURES, "utf-8")
    assert run("record", "gdp", "2023-Q1", "5.8", "--source", "test data").exit_code == 0
    before = ledger_file.read_bytes()
    done = run("import", "figures.csv")
    assert done.exit_code == 0, done.output
    return before, ledger_file.read_bytes()[len(before) :]


def entry_ends(block: bytes) -> list[int]:
    """Where each entry of the block ends: a crash between pages can stop there."""
    starts = [m.start() for m in re.finditer(rb"\n\[\[actual\]\]\n", block)]
    return [*starts[1:], len(block)]


def test_every_entry_of_an_import_names_its_batch_and_the_ledger_stays_toml(
    run: Run, plan_file: Path, ledger_file: Path, isolated: Path
) -> None:
    _, block = imported(run, ledger_file, isolated)
    data = tomllib.loads(ledger_file.read_text("utf-8"))
    batches = {(e.get("batch"), e.get("batch_size")) for e in data["actual"]}
    assert len(batches) == 2 and (None, None) in batches  # the record is one entry alone
    ((batch, size),) = batches - {(None, None)}
    assert re.fullmatch(r"[0-9a-f]{16}", batch) and size == 3
    assert len(entry_ends(block)) == 3


@pytest.mark.parametrize("kept", [1, 2])
def test_an_import_cut_short_is_left_out_whole_said_and_repaired(
    run: Run, plan_file: Path, ledger_file: Path, isolated: Path, kept: int
) -> None:
    before, block = imported(run, ledger_file, isolated)
    cut = before + block[: entry_ends(block)[kept - 1]]
    ledger_file.write_bytes(cut)
    line = before.count(b"\n") + 2
    said = (
        f"note: {re.escape(str(ledger_file))}, line {line}: {kept} of the 3 entries of an"
        r" import cut short are left out \(batch [0-9a-f]{16}\); import that file again, and"
        r" `targets check --repair` takes them out of the ledger\n"
    )
    report = run("report", "--format", "json")
    assert report.exit_code == 0, report.output
    assert re.fullmatch(said, report.stderr), report.stderr
    cpi = next(t for t in json.loads(report.stdout)["targets"] if t["id"] == "cpi")
    assert cpi["actual"] is None and cpi["status"] == "no_data"
    history = run("history", "cpi", "--format", "csv")
    assert history.stdout.splitlines()[1:] == [] and re.fullmatch(said, history.stderr)
    exported = run("export", "--what", "actuals")
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert [r["target"] for r in rows] == ["gdp"] and re.fullmatch(said, exported.stderr)
    checked = run("check")
    assert checked.exit_code == 1
    assert re.fullmatch(
        said.replace("note: ", "error: ") + r"error: .*--repair.*\n", checked.stderr
    )
    # Recording goes on meanwhile, after the cut batch; the import is then made again.
    assert run("record", "gdp", "2023-H1", "6.1", "--source", "test data").exit_code == 0
    again = run("import", "figures.csv")
    assert again.exit_code == 0, again.output
    assert again.stderr.startswith("recorded 3 figures from figures.csv")
    repaired = run("check", "--repair")
    assert repaired.exit_code == 0, repaired.output
    n = f"{kept} entr{'y' if kept == 1 else 'ies'}"
    assert repaired.stderr.startswith(f"repaired {ledger_file}: took out {n} of an import")
    assert repaired.stdout.endswith("(5 entries)\n")
    (copy,) = isolated.glob("actuals.toml.before-repair-*")
    assert copy.read_bytes().startswith(cut)
    rows_now = ledger.parse_ledger(ledger_file, ledger_file.read_bytes())
    assert [(r[0], r[1]) for r in rows_now] == [
        ("gdp", "2023-03"),
        ("gdp", "2023-06"),
        ("cpi", "2023-01"),
        ("cpi", "2023-02"),
        ("cpi", "2023-03"),
    ]
    assert tomllib.loads(ledger_file.read_text("utf-8"))  # still plain TOML
    clean = run("report")
    assert clean.exit_code == 0 and clean.stderr == ""


def test_a_whole_import_cut_only_in_its_last_line_end_is_kept_by_repair(
    run: Run, plan_file: Path, ledger_file: Path, isolated: Path
) -> None:
    before, block = imported(run, ledger_file, isolated)
    ledger_file.write_bytes(before + block[:-1])
    assert run("history", "cpi").stderr.count("note: ") == 2  # the torn entry, the batch
    repaired = run("check", "--repair")
    assert repaired.exit_code == 0, repaired.output
    assert ledger_file.read_bytes() == before + block
    assert repaired.stdout.endswith("(4 entries)\n")


def test_batch_fields_written_wrong_are_named(run: Run, plan_file: Path, ledger_file: Path) -> None:
    ledger_file.write_text(
        '[[actual]]\ntarget = "gdp"\nperiod = "2023-03"\nvalue = 5.8\nbatch = "x"\n'
        "batch_size = 1\nrecorded_at = 2023-04-20T10:00:00+08:00\n",
        "utf-8",
    )
    checked = run("check")
    assert checked.stderr == (
        f"error: {ledger_file}, line 1 (entry 1): batch_size must be the number of entries"
        " of the import, 2 or more\n"
    )
