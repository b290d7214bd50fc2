"""A crash in the middle of an append leaves a torn last entry. Nothing before it is lost;
every command that reads the ledger refuses, naming the file and line, exit 1, and leaves
the file as it is; `targets check` says how to repair it by hand.

Figures here are test data, not real Liaoyuan figures.
"""

from __future__ import annotations

import os
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from conftest import Result, Run

from targets.domain.entries import Entry
from targets.domain.periods import Period
from targets.errors import LedgerError
from targets.store import ledger_file as ledger
from targets.store.ledger_file import format_entry

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
    ("gdp", "2023-03", 5.8, "2023-04-20T10:00:00+08:00", "测试数据 test data", None, None),
    ("cpi", "2023-01", 2.1, "2023-02-15T09:30:00+08:00", "test data", None, None),
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
    line of BLOCK's `[[actual]]`, and the last line of the file is where it stops."""
    start = before.count(b"\n") + 2
    data = before + BLOCK[:cut]
    last = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    if data.endswith(b"\n"):
        present = set(re.findall(rb"^(\w+) =", BLOCK[:cut], re.M))
        why = next(f"{k} is missing" for k in REQUIRED if k.encode() not in present)
    else:
        why = "the file ends mid-line"
    return (
        f"{path}, line {last}: the last entry (from line {start}) is incomplete, as a write cut "
        f"short leaves it ({why}); `targets check` says how to repair it"
    )


def repair_advice(path: Path, before: bytes, cut: int = 0) -> str:
    start = before.count(b"\n") + 2
    if cut == len(BLOCK) - 1:  # every field is there: maybe a hand-written entry
        return (
            f"{path}: if the entry from line {start} is one you wrote by hand and it is "
            "complete, end the file with a line break; if not, keep a copy of the file, "
            f"delete line {start} to the end, save, and record that figure again"
        )
    return (
        f"{path}: to repair it, keep a copy of the file, delete line {start} to the end "
        f"(the cut-short entry), save, and record that figure again; every entry before "
        f"line {start} is intact"
    )


def follow_advice(data: bytes, advice: str) -> bytes:
    """What a user does on reading the advice: delete the named line to the end."""
    m = re.search(r"delete line (\d+) to the end", advice)
    assert m, advice
    return b"".join(data.splitlines(keepends=True)[: int(m[1]) - 1])


def test_the_block_is_a_whole_entry_and_the_cuts_cover_every_kind() -> None:
    rows = ledger.parse_ledger(Path("actuals.toml"), GOOD.encode() + BLOCK)
    assert rows == [
        *GOOD_ROWS,
        (
            "gdp",
            "2023-06",
            6.1,
            "2023-07-17T10:00:00+08:00",
            "测试数据 test data",
            "初步核算 test data",
            None,
        ),
    ]
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
def test_every_cut_is_reported_as_a_torn_tail_and_the_advice_keeps_every_earlier_entry(
    cut: int,
) -> None:
    path = Path("actuals.toml")
    before = GOOD.encode()
    data = before + BLOCK[:cut]
    rows, problems, _, _ = ledger.check_ledger(path, data)
    assert problems == [torn_message(path, before, cut)]
    with pytest.raises(LedgerError) as refused:
        ledger.parse_ledger(path, data)
    assert str(refused.value) == torn_message(path, before, cut)
    from targets.checks import repair_advice as advice

    repaired = follow_advice(data, advice(path, data))
    assert repaired.startswith(before.rstrip(b"\n"))
    assert ledger.parse_ledger(path, repaired) == GOOD_ROWS


def test_an_entry_cut_after_its_last_line_but_before_the_newline_is_still_torn() -> None:
    """The tool writes every entry with its newline; without it the write was cut short."""
    path = Path("actuals.toml")
    data = GOOD.encode() + BLOCK[:-1]
    assert ledger.check_ledger(path, data)[1] == [torn_message(path, GOOD.encode(), len(BLOCK) - 1)]


READERS = [
    ("report",),
    ("report", "--format", "json"),
    ("history", "gdp"),
    ("export",),
    ("export", "--what", "actuals"),
    ("record", "cpi", "2023-02", "2.0", "--source", "test data"),
    ("record", "gdp", "2023-H1", "6.1", "--revise", "--source", "test data"),
    ("import", "figures.csv"),
    ("import", "figures.csv", "--revise"),
    ("import", "figures.csv", "--dry-run"),
]


def assert_refused(result: Result, stderr: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.stderr == stderr
    assert result.stdout == ""
    assert "Traceback" not in result.output


@pytest.mark.parametrize("cut", CUTS)
def test_every_reader_refuses_a_torn_ledger_and_leaves_it_as_it_is(
    run: Run, plan_file: Path, ledger_file: Path, isolated: Path, cut: int
) -> None:
    (isolated / "figures.csv").write_text(
        "target,period,value,source\ncpi,2023-02,2.0,test data\n", "utf-8"
    )
    before = GOOD.encode()
    ledger_file.write_bytes(before)
    assert run("report").exit_code == 0  # the index now knows the good ledger
    with ledger_file.open("ab") as f:  # the crash: part of the block reached the disk
        f.write(BLOCK[:cut])
    data = ledger_file.read_bytes()
    plan = plan_file.read_bytes()
    message = torn_message(ledger_file, before, cut)
    for args in READERS:
        assert_refused(run(*args), f"error: {message}\n")
        assert ledger_file.read_bytes() == data, args
        assert plan_file.read_bytes() == plan, args
    checked = run("check")
    advice = repair_advice(ledger_file, before, cut)
    assert_refused(checked, f"error: {message}\nerror: {advice}\n")
    assert ledger_file.read_bytes() == data
    # Following the advice on a copy keeps every earlier entry, and check is content.
    copy = isolated / "repaired.toml"
    copy.write_bytes(follow_advice(data, checked.stderr))
    ok = run("check", "--ledger", str(copy))
    assert ok.exit_code == 0, ok.output
    assert ok.stdout == f"ok: {plan_file} (13 targets) and {copy} (2 entries)\n"
    assert ledger.parse_ledger(copy, copy.read_bytes()) == GOOD_ROWS


@pytest.mark.parametrize("cut", [2, cut_after("[[actual]]\n"), cut_after("6.1\n"), len(BLOCK) - 1])
def test_a_torn_first_entry_is_refused_too(
    run: Run, plan_file: Path, ledger_file: Path, cut: int
) -> None:
    before = ledger.HEADER.encode()
    ledger_file.write_bytes(before + BLOCK[:cut])
    data = ledger_file.read_bytes()
    message = torn_message(ledger_file, before, cut)
    for args in (("report",), ("history", "gdp"), ("record", "cpi", "2023-02", "2.0")):
        assert_refused(run(*args), f"error: {message}\n")
    advice = repair_advice(ledger_file, before, cut)
    assert_refused(run("check"), f"error: {message}\nerror: {advice}\n")
    assert ledger_file.read_bytes() == data


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
