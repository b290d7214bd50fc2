"""What `record` and `import` append to the ledger, byte for byte.

The ledger is a file people read, diff and append to by hand, so the bytes of an entry are
part of the contract: these are the bytes the tool has always written. Figures here are
test data.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from targets.domain.entries import Entry, entry_from_row
from targets.domain.periods import Period
from targets.store import ledger_file as ledger
from targets.store.ledger_file import format_entry

CST = timezone(timedelta(hours=8))

WRITTEN = [
    (
        Entry("gdp", Period(2023, 3), 5.8, datetime(2023, 4, 20, 10, tzinfo=CST)),
        "\n[[actual]]\n"
        'target = "gdp"\n'
        'period = "2023-03"\n'
        "value = 5.8\n"
        "recorded_at = 2023-04-20 10:00:00+08:00\n",
    ),
    (
        Entry(
            "retail_sales",
            Period(2023, 6),
            -0.3,
            datetime(2023, 7, 18, 9, 30, 15, 123456, tzinfo=UTC),
            "辽源市统计局 测试数据",
            "初步核算\n第二行",
        ),
        "\n[[actual]]\n"
        'target = "retail_sales"\n'
        'period = "2023-06"\n'
        "value = -0.3\n"
        'source = "辽源市统计局 测试数据"\n'
        'note = "初步核算\\n第二行"\n'
        "recorded_at = 2023-07-18 09:30:15.123456+00:00\n",
    ),
    (
        Entry(
            "cpi",
            Period(2023, 12),
            100.0,
            datetime(2024, 1, 2, 8, tzinfo=timezone(timedelta(hours=-5, minutes=-30))),
            'the "bureau" \\ site',
            "tab\there\r",
            "东辽县",
        ),
        "\n[[actual]]\n"
        'target = "cpi"\n'
        'period = "2023-12"\n'
        "value = 100.0\n"
        'source = "the \\"bureau\\" \\\\ site"\n'
        'note = "tab\there\\r"\n'
        'region = "东辽县"\n'
        "recorded_at = 2024-01-02 08:00:00-05:30\n",
    ),
    (  # an empty source, note or region is left out, as if not given
        Entry(
            "fiscal_revenue", Period(2023, 1), 1e20, datetime(2023, 2, 1, tzinfo=CST), "", None, ""
        ),
        "\n[[actual]]\n"
        'target = "fiscal_revenue"\n'
        'period = "2023-01"\n'
        "value = 1e+20\n"
        "recorded_at = 2023-02-01 00:00:00+08:00\n",
    ),
]


@pytest.mark.parametrize(("entry", "text"), WRITTEN, ids=[e.target for e, _ in WRITTEN])
def test_an_entry_is_written_as_it_always_was(entry: Entry, text: str) -> None:
    assert format_entry(entry) == text


@pytest.mark.parametrize(("entry", "text"), WRITTEN, ids=[e.target for e, _ in WRITTEN])
def test_an_appended_entry_reads_back_as_itself(entry: Entry, text: str, tmp_path: Path) -> None:
    path = tmp_path / "actuals.toml"
    ledger.append(path, [entry])
    assert path.read_bytes().endswith(text.encode("utf-8"))
    (row,) = ledger.parse_ledger(path, path.read_bytes())
    assert entry_from_row(row) == Entry(
        entry.target,
        entry.period,
        entry.value,
        entry.recorded_at,
        entry.source or None,
        entry.note or None,
        entry.region or None,
    )
