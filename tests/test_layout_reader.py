"""The fast reader of the ledger's own layout reads exactly what tomllib reads, and steps
aside for anything else. The oracle is the same check with the fast reader turned off."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from targets.domain.entries import FIELDS, Entry, Row
from targets.domain.periods import Period
from targets.store import layout, ledger_file
from targets.store.ledger_file import HEADER, LedgerCheck, check_ledger, format_entry

CST = timezone(timedelta(hours=8))


def slow(path: Path, source: bytes, monkeypatch: pytest.MonkeyPatch) -> LedgerCheck:
    with monkeypatch.context() as m:
        m.setattr(layout, "read", lambda *a, **k: None)
        return check_ledger(path, source)


def fast_read(text: str) -> list[Row] | None:
    return layout.read(text, ledger_file._period)


def entry(n: int, region: str | None = None, **kw: object) -> Entry:
    fields: dict[str, object] = {
        "target": "gdp",
        "period": Period(2023, 1 + n % 12),
        "value": 5.0 + n / 10,
        "recorded_at": datetime(2023, 4, 20, 10, 0, tzinfo=CST) + timedelta(minutes=n),
        "region": region,
    }
    fields.update(kw)
    return Entry(**fields)  # type: ignore[arg-type]


def ledger_text(entries: list[Entry]) -> str:
    return HEADER + "".join(format_entry(e) for e in entries)


def test_every_field_has_a_layout() -> None:
    """A field added to entries without a pattern here would turn the fast reader off."""
    assert layout._BLOCK is not None, [f for f in FIELDS if f not in layout._VALUE]


def test_what_the_tool_writes_is_read_fast_and_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "actuals.toml"
    entries = [
        entry(n, region=[None, "长春市", "吉林市"][n % 3], source="统计局") for n in range(30)
    ]
    entries.append(entry(31, note='初步 "核算"', source="a\\b"))  # escapes: tomllib reads it
    text = ledger_text(entries[:30])
    got = fast_read(text)
    assert got is not None
    assert got == slow(path, text.encode(), monkeypatch).rows
    assert check_ledger(path, text.encode()) == slow(path, text.encode(), monkeypatch)
    assert [r[6] for r in got[:3]] == [None, "长春市", "吉林市"]
    escaped = ledger_text(entries).encode()
    assert fast_read(escaped.decode()) is None
    assert check_ledger(path, escaped) == slow(path, escaped, monkeypatch)
    assert check_ledger(path, escaped).rows[-1][4:6] == ("a\\b", '初步 "核算"')


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8)
VALUES = st.floats(allow_nan=False, allow_infinity=False, width=64)
WHEN = st.datetimes(
    min_value=datetime(2000, 1, 1),
    max_value=datetime(2099, 12, 31),
    timezones=st.sampled_from([CST, UTC, timezone(timedelta(hours=-5, minutes=-30))]),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    items=st.lists(
        st.tuples(
            VALUES,
            WHEN,
            st.none() | TEXT,
            st.none() | TEXT,
            st.none() | TEXT,
            st.integers(1, 12),
        ),
        max_size=6,
    )
)
def test_any_entries_the_tool_writes_read_the_same_both_ways(
    items: list[tuple[float, datetime, str | None, str | None, str | None, int]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "actuals.toml"
    entries = [
        Entry("t1", Period(2023, m), v, when, source, note, region)
        for v, when, source, note, region, m in items
        if math.isfinite(v)
    ]
    source = ledger_text(entries).encode()
    assert check_ledger(path, source) == slow(path, source, monkeypatch)


IRREGULAR = [
    # a comment between entries, as a person might add
    ("\n[[actual]]\n", "\n# checked with the bureau\n[[actual]]\n"),
    # keys in another order
    ('target = "gdp"\nperiod = "2023-01"\n', 'period = "2023-01"\ntarget = "gdp"\n'),
    ("value = 5.0\n", "value = 1_005.0\n"),
    ("value = 5.0\n", "value = 05.0\n"),  # no TOML number: tomllib names the line
    ("value = 5.0\n", 'value = "5.0"\n'),
    ("recorded_at = 2023-04-20 10:00:00+08:00\n", "recorded_at = 2023-02-30T10:00:00+08:00\n"),
    ("recorded_at = 2023-04-20 10:00:00+08:00\n", "recorded_at = 2023-04-20T10:00:00\n"),
    ("recorded_at = 2023-04-20 10:00:00+08:00\n", "recorded_at = 2023-04-20T10:00:00Z\n"),
    ("+08:00\n", ".000000+08:00\n"),
    ("+08:00\n", ".250000+08:00\n"),
    ("2023-04-20 10:", "2023-04-20T10:"),
    ('region = "长春市"', 'region = "\x85\u2028长春市"'),  # line breaks to splitlines
    ('period = "2023-01"\n', 'period = "2023-13"\n'),
    ('period = "2023-01"\n', 'period = "2023-Q1"\n'),
    ('target = "gdp"\n', 'target = ""\n'),
    ('target = "gdp"\n', 'target = "gdp"\nextra = 1\n'),
    ("\n[[actual]]\n", "\n[actual]\n"),
    ("\n[[actual]]\n", "\n[[ actual ]]\n"),
    ("\n", "\r\n"),
    ("value = 5.0\n", "value = 5.0 # revised\n"),
    ('target = "gdp"\n', "target = 'gdp'\n"),
    ('target = "gdp"\n', 'target = "g\\u0064p"\n'),
]


@pytest.mark.parametrize(("old", "new"), IRREGULAR)
def test_anything_irregular_reads_as_tomllib_reads_it(
    old: str, new: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "actuals.toml"
    text = ledger_text([entry(0), entry(1, region="长春市")])
    assert old in text
    edited = text.replace(old, new).encode()
    assert check_ledger(path, edited) == slow(path, edited, monkeypatch)


def test_a_ledger_of_other_hands_reads_through_tomllib(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written by another program: inline tables are TOML too, and read the same."""
    path = tmp_path / "actuals.toml"
    source = (
        b'actual = [{target = "gdp", period = "2023-03", value = 5.8,'
        b" recorded_at = 2023-04-20T10:00:00+08:00}]\n"
    )
    got = check_ledger(path, source)
    assert got == slow(path, source, monkeypatch)
    assert [r[:3] for r in got.rows] == [("gdp", "2023-03", 5.8)]


def test_a_withdrawal_is_read_fast_and_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "actuals.toml"
    text = ledger_text([entry(0), entry(1, value=None, withdrawn=True, note="录错")])
    got = fast_read(text)
    assert got is not None and got == slow(path, text.encode(), monkeypatch).rows
    assert [(r[2], r[7]) for r in got] == [(5.0, False), (None, True)]
    both = text.replace("withdrawn = true\n", "value = 1.0\nwithdrawn = true\n")
    assert fast_read(both) is None
