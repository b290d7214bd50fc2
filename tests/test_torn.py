"""A crash in the middle of an append leaves a torn last entry. Nothing before it is lost:
every command that reads the ledger goes on with the complete entries and says what was
left out; a command that would append refuses, naming the file and line, exit 1, and
leaves the file as it is; `targets check --repair` takes the torn entry out, keeping a
copy of the file.

Figures here are test data, not real Liaoyuan figures.
"""

from __future__ import annotations

import os
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from conftest import Run, assert_refused

from targets.domain.entries import Entry
from targets.domain.periods import Period
from targets.store import ledger_file as ledger
from targets.store.ledger_file import format_entry
from targets.store.repair import repair

pytestmark = pytest.mark.usefixtures("english")  # these tests read the English words

CST = timezone(timedelta(hours=8))

GOOD = (
    "# test data: not real Liaoyuan figures\n"
    "\n[[actual]]\n"
    'target = "gdp"\n'
    'period = "2023-03"\n'
    "value = 5.8\n"
    'source = "测试数据 test data"\n'
    "recorded_at = 2023-04-20T10:00:00+08:00\n"
    "\n[[actual]]\n"
    'target = "cpi"\n'
    'period = "2023-01"\n'
    "value = 2.1\n"
    'source = "test data"\n'
    "recorded_at = 2023-02-15T09:30:00+08:00\n"
)
GOOD_ROWS = [
    ("gdp", "2023-03", 5.8, "2023-04-20T10:00:00+08:00", "测试数据 test data", None, None, False),
    ("cpi", "2023-01", 2.1, "2023-02-15T09:30:00+08:00", "test data", None, None, False),
]

# The block the tool appends for one figure, as `targets record` writes it.
BLOCK = format_entry(
    Entry(
        target="gdp",
        period=Period(2023, 6),
        value=6.1,
        recorded_at=datetime(2023, 7, 17, 10, 0, tzinfo=CST),
        source="测试数据 test data",
        note="初步核算 test data",
    )
).encode("utf-8")
REQUIRED = ("target", "period", "value", "recorded_at")


def cut_after(text: str, occurrence: int = 1) -> int:
    """The byte offset just after the `occurrence`-th `text` in BLOCK."""
    at = -1
    for _ in range(occurrence):
        at = BLOCK.index(text.encode("utf-8"), at + 1)
    return at + len(text.encode("utf-8"))


def line_ends() -> list[int]:
    """Every cut that leaves whole lines, so the file is still valid TOML."""
    return [i + 1 for i, byte in enumerate(BLOCK) if byte == ord("\n") and 1 < i + 1 < len(BLOCK)]


# Cuts through the header, a key, a string (inside a Chinese character), a number and a
# date, at every line end, and one byte short of the whole block.
CUTS = sorted(
    {
        2,
        cut_after("[[act"),
        cut_after("[[actual]]"),
        cut_after("ta"),
        cut_after("6."),
        cut_after('source = "') + 1,
        cut_after("初步"),
        cut_after("2023-07"),
        len(BLOCK) - 1,
        *line_ends(),
    }
)


def torn_message(path: Path, before: bytes, cut: int) -> str:
    """What a reader says about `before` + BLOCK[:cut]: the torn entry starts at the
    line of BLOCK's `[[actual]]`."""
    start = before.count(b"\n") + 2
    data = before + BLOCK[:cut]
    if data.endswith(b"\n"):
        present = set(re.findall(rb"^(\w+) =", BLOCK[:cut], re.M))
        why = next(f"{k} is missing" for k in REQUIRED if k.encode() not in present)
    else:
        why = "the file ends mid-line"
    return (
        f"{path}, line {start}: the last entry is incomplete, as a write cut short leaves it"
        f" ({why})"
    )


LEFT_OUT = "; it is left out until `targets check --repair` puts the ledger right"
NOT_RECORDED = "; nothing was recorded: run `targets check --repair` first"


def advice(path: Path) -> str:
    return (
        f"{path}: `targets check --repair` takes out what the cut write left, keeping a copy"
        " of the file; every other entry stays as it is"
    )


BLOCK_ROW = (
    "gdp",
    "2023-06",
    6.1,
    "2023-07-17T10:00:00+08:00",
    "测试数据 test data",
    "初步核算 test data",
    None,
    False,
)


def test_the_block_is_a_whole_entry_and_the_cuts_cover_every_kind() -> None:
    rows = ledger.parse_ledger(Path("actuals.toml"), GOOD.encode() + BLOCK)
    assert rows == [*GOOD_ROWS, BLOCK_ROW]
    assert BLOCK.startswith(b"\n[[actual]]\n") and BLOCK.endswith(b"\n")
    assert len(line_ends()) >= 5
    for cut in CUTS:
        assert 1 < cut < len(BLOCK)
    # one cut ends inside a multi-byte character
    assert any(not _decodes(BLOCK[:cut]) for cut in CUTS)


def _decodes(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@pytest.mark.parametrize("cut", range(2, len(BLOCK)))
def test_every_cut_leaves_the_earlier_entries_readable_and_repair_takes_it_out(
    cut: int, tmp_path: Path
) -> None:
    path = tmp_path / "actuals.toml"
    before = GOOD.encode()
    data = before + BLOCK[:cut]
    checked = ledger.check_ledger(path, data)
    assert checked.torn == torn_message(path, before, cut)
    assert (checked.problems, checked.cut) == ([], [])
    assert checked.rows == GOOD_ROWS
    assert ledger.parse_ledger(path, data) == GOOD_ROWS
    path.write_bytes(data)
    done = repair(path)
    assert done.copy is not None and done.copy.read_bytes() == data
    mended = path.read_bytes()
    if cut == len(BLOCK) - 1:  # every field is there but the line end: the entry is kept
        assert [str(m) for m in done.done] == [
            "ended the file with the line break its last entry lacked"
        ]
        assert mended == before + BLOCK
        assert ledger.parse_ledger(path, mended) == [*GOOD_ROWS, BLOCK_ROW]
    else:
        assert [str(m) for m in done.done] == ["cut off its incomplete last entry"]
        assert mended == before
    assert repair(path) == ([], None)  # nothing more to mend


READERS = [
    ("report", "--format", "json"),
    ("history", "gdp", "--format", "csv"),
    ("export",),
    ("export", "--what", "actuals"),
]
WRITERS = [
    ("record", "cpi", "2023-02", "2.0", "--source", "test data"),
    ("record", "gdp", "2023-H1", "6.1", "--revise", "--source", "test data"),
    ("import", "figures.csv"),
    ("import", "figures.csv", "--revise"),
]


@pytest.mark.parametrize("cut", CUTS)
def test_a_torn_ledger_is_read_without_its_torn_entry_and_check_repair_puts_it_right(
    run: Run, plan_file: Path, ledger_file: Path, isolated: Path, cut: int
) -> None:
    (isolated / "figures.csv").write_text(
        "target,period,value,source\ncpi,2023-02,2.0,test data\n", "utf-8"
    )
    before = GOOD.encode()
    ledger_file.write_bytes(before)
    assert run("report").exit_code == 0  # the index now knows the good ledger
    expected = {args: run(*args).stdout for args in READERS}
    with ledger_file.open("ab") as f:  # the crash: part of the block reached the disk
        f.write(BLOCK[:cut])
    data = ledger_file.read_bytes()
    message = torn_message(ledger_file, before, cut)
    for args in READERS:  # the office goes on with every complete entry, told what was cut
        read = run(*args)
        assert read.exit_code == 0, read.output
        assert read.stdout == expected[args], args
        assert read.stderr == f"note: {message}{LEFT_OUT}\n", args
    for args in WRITERS:  # appended after a cut line, an entry would make the file unreadable
        assert_refused(run(*args), f"error: {message}{NOT_RECORDED}\n")
        assert ledger_file.read_bytes() == data, args
    assert_refused(run("check"), f"error: {message}\nerror: {advice(ledger_file)}\n")
    assert ledger_file.read_bytes() == data
    repaired = run("check", "--repair")
    assert repaired.exit_code == 0, repaired.output
    (copy,) = isolated.glob("actuals.toml.before-repair-*")
    assert copy.read_bytes() == data
    whole = cut == len(BLOCK) - 1
    what = (
        "ended the file with the line break its last entry lacked"
        if whole
        else "cut off its incomplete last entry"
    )
    assert repaired.stderr == (
        f"repaired {ledger_file}: {what}; the file as it was is kept as {copy}\n"
    )
    assert repaired.stdout.endswith(f"({3 if whole else 2} entries)\n")
    assert ledger_file.read_bytes() == (before + BLOCK if whole else before)
    again = run(*WRITERS[1])
    assert again.exit_code == 0, again.output
    assert run("check").exit_code == 0


@pytest.mark.parametrize("cut", [2, cut_after("[[actual]]\n"), cut_after("6.1\n"), len(BLOCK) - 1])
def test_a_torn_first_entry_leaves_an_empty_ledger_that_repair_puts_right(
    run: Run, plan_file: Path, ledger_file: Path, cut: int
) -> None:
    before = ledger.HEADER.encode()
    ledger_file.write_bytes(before + BLOCK[:cut])
    data = ledger_file.read_bytes()
    message = torn_message(ledger_file, before, cut)
    for args in (("report",), ("history", "gdp")):
        read = run(*args)
        assert read.exit_code == 0, read.output
        assert read.stderr == f"note: {message}{LEFT_OUT}\n"
    assert_refused(run(*WRITERS[0]), f"error: {message}{NOT_RECORDED}\n")
    assert_refused(run("check"), f"error: {message}\nerror: {advice(ledger_file)}\n")
    assert ledger_file.read_bytes() == data
    assert run("check", "--repair").exit_code == 0
    assert run(*WRITERS[0]).exit_code == 0


class _ShortWrites:
    """`os` as the ledger sees it, except that a write stops after `keep` bytes, as when
    the disk fills or the machine stops mid-write."""

    def __init__(self, keep: int) -> None:
        self.keep = keep

    def write(self, fd: int, data: bytes) -> int:
        return os.write(fd, data[: self.keep])

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)


def test_a_write_cut_short_is_taken_back_and_loses_nothing(
    run: Run, plan_file: Path, ledger_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the disk takes only part of an entry, the tool, still holding the lock, cuts
    back exactly what it just added: the ledger is as it was, and says nothing was
    recorded."""
    ledger_file.write_text(GOOD, encoding="utf-8")
    with monkeypatch.context() as patch:
        patch.setattr(ledger, "os", _ShortWrites(keep=20))
        result = run("record", "gdp", "2023-H1", "6.1", "--source", "test data")
    assert_refused(
        result,
        f"error: {ledger_file}: nothing was recorded: the write failed"
        " (the disk took only part of it)\n",
    )
    assert ledger_file.read_bytes() == GOOD.encode()
    assert run("report").exit_code == 0
    assert run("check").exit_code == 0
    again = run("record", "gdp", "2023-H1", "6.1", "--source", "test data")
    assert again.exit_code == 0, again.output
    assert ledger.parse_ledger(ledger_file, ledger_file.read_bytes())[:2] == GOOD_ROWS
