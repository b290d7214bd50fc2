"""The ledger index, keyed by year and region, never serves stale figures: whatever is
edited by hand in any region's entries (same length, modification time put back), what
it gives is what a fresh parse of the file gives. The oracle is always that parse."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from targets.domain.entries import Entry, Row
from targets.domain.periods import Period
from targets.store import ledger_file
from targets.store.index import cache_path, chunk_dir

CST = timezone(timedelta(hours=8))
REGIONS = [None, "长春市", "吉林市", "四平市"]  # the names have the same length
YEARS = (2022, 2023)


def fresh(path: Path, year: int | None = None, region: str | None = None) -> list[Row]:
    """The rows as a fresh parse gives them, year by year, in file order within a year."""
    rows = ledger_file.parse_ledger(path, path.read_bytes())
    rows.sort(key=lambda r: int(r[1][:4]))  # stable: file order within a year stays
    return [
        r
        for r in rows
        if (year is None or r[1].startswith(f"{year}-"))
        and (region is None or (r[6] or "") == region)
    ]


def a_ledger(path: Path) -> None:
    """Three targets, two years, four regions (one the plan's own), some revisions."""
    entries = []
    n = 0
    for year in YEARS:
        for month in (3, 6):
            for region in REGIONS:
                for target in ("gdp", "retail_sales", "cpi"):
                    n += 1
                    when = datetime(year, month + 1, 20, 9, tzinfo=CST) + timedelta(minutes=n)
                    value = 5.0 + n % 7 / 10
                    period = Period(year, month)
                    entries.append(Entry(target, period, value, when, "统计局", None, region))
                    if n % 5 == 0:
                        later = when + timedelta(days=30)
                        entries.append(
                            Entry(target, period, value + 0.1, later, None, None, region)
                        )
    ledger_file.append(path, entries)


def hand_edit(path: Path, old: bytes, new: bytes, nth: int) -> None:
    """Replace the `nth` occurrence of `old` by `new` (same length), keeping the times."""
    assert len(old) == len(new)
    data = path.read_bytes()
    at = -1
    for _ in range(nth + 1):
        at = data.index(old, at + 1)
    stat = path.stat()
    path.write_bytes(data[:at] + new + data[at + len(old) :])
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size


def all_views_fresh(path: Path) -> None:
    assert ledger_file.read_rows(path) == fresh(path)
    for year in YEARS:
        assert ledger_file.read_rows(path, year) == fresh(path, year)
        for region in ["", *REGIONS[1:]]:
            assert ledger_file.read_rows(path, year, [region]) == fresh(path, year, region)


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    path = tmp_path / "actuals.toml"
    a_ledger(path)
    all_views_fresh(path)  # the index is built and kept
    assert cache_path(path).is_file() and len(os.listdir(chunk_dir(path))) == len(YEARS)
    return path


# Same-length edits a person might make: a figure, which region or year it is of, a target
EDITS = [
    (b"value = 5.", b"value = 7."),
    (b'region = "\xe9\x95\xbf\xe6\x98\xa5\xe5\xb8\x82"', 'region = "吉林市"'.encode()),
    (b'region = "\xe5\x90\x89\xe6\x9e\x97\xe5\xb8\x82"', 'region = "四平市"'.encode()),
    (b'period = "2022-', b'period = "2023-'),
    (b'period = "2023-06"', b'period = "2023-03"'),
    (b'target = "cpi"', b'target = "gdp"'),
    (b"+08:00", b"+09:00"),  # which figure is newest
]


@pytest.mark.parametrize(("old", "new"), EDITS)
def test_an_edit_by_hand_in_any_regions_entries_is_seen(
    old: bytes, new: bytes, ledger: Path
) -> None:
    assert ledger.read_bytes().count(old) > 2
    for where in (0.0, 0.5, 1.0):  # the first, a middle and the last of them
        count = ledger.read_bytes().count(old)
        hand_edit(ledger, old, new, round(where * (count - 1)))
        all_views_fresh(ledger)


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 200)), max_size=4))
def test_whatever_is_edited_where_the_index_matches_a_fresh_parse(
    edits: list[tuple[tuple[bytes, bytes], int]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("ledger") / "actuals.toml"
    a_ledger(path)
    all_views_fresh(path)
    for (old, new), n in edits:
        count = path.read_bytes().count(old)
        if count:
            hand_edit(path, old, new, n % count)
        all_views_fresh(path)


def test_a_record_rewrites_only_its_year(ledger: Path) -> None:
    before = set(os.listdir(chunk_dir(ledger)))
    when = datetime(2024, 1, 20, 9, tzinfo=CST)
    ledger_file.append(ledger, [Entry("gdp", Period(2023, 9), 6.0, when, region="吉林市")])
    after = set(os.listdir(chunk_dir(ledger)))
    assert len(after) == len(YEARS)
    assert [n[:4] for n in before - after] == [n[:4] for n in after - before] == ["2023"]
    all_views_fresh(ledger)


@pytest.mark.parametrize("damage", ["remove", "garbage", "swap"])
def test_a_damaged_year_is_rebuilt(damage: str, ledger: Path) -> None:
    files = sorted(chunk_dir(ledger).iterdir())
    if damage == "remove":
        files[-1].unlink()
    elif damage == "garbage":
        files[-1].write_bytes(b"\x00" * 100)
    else:  # another year's content under this year's name
        files[-1].write_bytes(files[0].read_bytes())
    all_views_fresh(ledger)
    assert len(os.listdir(chunk_dir(ledger))) == len(YEARS)
