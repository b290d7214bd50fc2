"""The derived caches never serve stale figures, whatever happens to the files: the oracle
is always a fresh parse of the ledger itself. Figures are test data."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import Run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from targets.store import ledger_file as ledger
from targets.store.index import cache_path


def gdp(run: Run) -> float | None:
    doc = json.loads(run("report", "-f", "json").stdout)
    value: float | None = doc["targets"][0]["actual"]
    return value


def fresh(path: Path) -> list[ledger.Row]:
    return ledger.parse_ledger(path, path.read_bytes())


def test_appended_by_the_tool(run: Run, plan_file: Path, ledger_file: Path) -> None:
    run("record", "gdp", "2023-Q1", "5.8")
    assert gdp(run) == 5.8
    assert cache_path(ledger_file).exists()
    run("record", "gdp", "2023-H1", "6.1")
    assert gdp(run) == 6.1
    assert ledger.read_rows(ledger_file) == fresh(ledger_file)


def test_edited_by_hand_same_size_same_second(run: Run, plan_file: Path, ledger_file: Path) -> None:
    run("record", "gdp", "2023-Q1", "5.8")
    assert gdp(run) == 5.8
    stat = ledger_file.stat()
    ledger_file.write_bytes(ledger_file.read_bytes().replace(b"5.8", b"5.3"))
    os.utime(ledger_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # as an editor keeping mtime
    assert ledger_file.stat().st_size == stat.st_size
    assert gdp(run) == 5.3


def test_a_coarse_clock_is_caught_by_the_content_hash(
    run: Run, plan_file: Path, ledger_file: Path
) -> None:
    """On a file system whose times cannot tell two writes apart, only the bytes can."""
    run("record", "gdp", "2023-Q1", "5.8")
    assert gdp(run) == 5.8
    ledger_file.write_bytes(ledger_file.read_bytes().replace(b"5.8", b"5.3"))
    assert gdp(run) == 5.3


def test_replaced_by_another_file(run: Run, plan_file: Path, ledger_file: Path) -> None:
    run("record", "gdp", "2023-Q1", "5.8")
    assert gdp(run) == 5.8
    other = ledger_file.with_name("other.toml")
    other.write_text(
        '[[actual]]\ntarget = "gdp"\nperiod = "2023-06"\nvalue = 6.6\n'
        "recorded_at = 2023-07-20T10:00:00+08:00\n",
        encoding="utf-8",
    )
    os.replace(other, ledger_file)
    assert gdp(run) == 6.6


def test_restored_from_a_backup_with_an_older_modification_time(
    run: Run, plan_file: Path, ledger_file: Path
) -> None:
    run("record", "gdp", "2023-Q1", "5.8")
    backup = ledger_file.with_name("backup.toml")
    shutil.copy2(ledger_file, backup)
    os.utime(backup, ns=(0, ledger_file.stat().st_mtime_ns - 86_400 * 10**9))
    run("record", "gdp", "2023-H1", "6.1")
    assert gdp(run) == 6.1
    shutil.copy2(backup, ledger_file)  # same inode, older content, older mtime
    assert gdp(run) == 5.8


@pytest.mark.parametrize(
    "garbage", [b"", b"not marshal at all", b"\xe3\x00\x00", b"\xfb" * 64, b"N"]
)
def test_a_corrupt_cache_is_rebuilt(
    garbage: bytes, run: Run, plan_file: Path, ledger_file: Path
) -> None:
    run("record", "gdp", "2023-Q1", "5.8")
    cache_path(ledger_file).write_bytes(garbage)
    cache_path(plan_file).write_bytes(garbage)
    assert gdp(run) == 5.8
    run("record", "gdp", "2023-Q1", "5.9", "--revise")
    assert gdp(run) == 5.9
    assert ledger.read_rows(ledger_file) == fresh(ledger_file)


def test_a_foreign_cache_of_the_right_shape_is_not_trusted(
    run: Run, plan_file: Path, ledger_file: Path
) -> None:
    run("record", "gdp", "2023-Q1", "5.8")
    gdp(run)
    other = ledger_file.with_name("elsewhere.toml")
    shutil.copy2(ledger_file, other)
    shutil.copy2(cache_path(ledger_file), cache_path(other))  # a cache for another file
    run("record", "gdp", "2023-Q1", "5.2", "--revise")
    shutil.copy2(cache_path(ledger_file), cache_path(other))
    assert [r[2] for r in ledger.read_rows(other)] == [5.8]


def test_an_unwritable_cache_costs_only_time(run: Run, plan_file: Path, ledger_file: Path) -> None:
    cache_path(ledger_file).mkdir()  # nothing can be written there, or read
    cache_path(plan_file).mkdir()
    assert run("record", "gdp", "2023-Q1", "5.8").exit_code == 0
    assert gdp(run) == 5.8
    assert run("record", "gdp", "2023-H1", "6.1").exit_code == 0
    assert gdp(run) == 6.1


def test_the_plan_cache_follows_the_plan(run: Run, plan_file: Path) -> None:
    run("record", "gdp", "2023-Q1", "5.8")
    assert json.loads(run("report", "-f", "json").stdout)["targets"][0]["status"] == "behind"
    plan_file.write_text(
        plan_file.read_text("utf-8").replace("value = 6.5", "value = 5.5"), encoding="utf-8"
    )
    doc = json.loads(run("report", "-f", "json").stdout)
    assert (doc["targets"][0]["value"], doc["targets"][0]["status"]) == (5.5, "on_track")


OPS = st.lists(
    st.tuples(
        st.sampled_from(["record", "revise", "edit", "replace", "restore", "corrupt"]),
        st.integers(1, 12),
        st.integers(0, 99),
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=max(5, settings.default.max_examples // 4),
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(ops=OPS)
def test_whatever_happens_the_index_matches_a_fresh_parse(
    ops: list[tuple[str, int, int]], plan_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from targets.recording import make_entry
    from targets.store.plan_file import load_plan

    plan = load_plan(plan_file)
    path = tmp_path_factory.mktemp("ledger") / "actuals.toml"
    backup = path.with_name("backup.toml")
    for op, month, n in ops:
        period = f"2023-{month:02d}"
        if op in ("record", "revise"):
            entry = make_entry(plan, "industrial_output", period, f"{n / 10}")
            ledger.append(path, [entry])
            shutil.copy2(path, backup)
        elif op == "edit" and path.exists():
            data = path.read_bytes()
            path.write_bytes(data.replace(b"value = ", b"value = 1", 1))
        elif op == "replace" and path.exists():
            tmp = path.with_name("new.toml")
            tmp.write_bytes(path.read_bytes() + b"\n")
            os.replace(tmp, path)
        elif op == "restore" and backup.exists():
            shutil.copy2(backup, path)
        elif op == "corrupt":
            cache_path(path).write_bytes(bytes([n]) * n)
        if path.exists():
            assert ledger.read_rows(path) == fresh(path)
