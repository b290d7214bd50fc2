"""An export of a ledger that holds other years and other plans' figures imports back
into an empty ledger (SPEC 4, CSV out): rows with their own recorded_at are history.

Figures here are test data.
"""

from __future__ import annotations

from pathlib import Path

from conftest import Run

OTHERS = """
[[actual]]
target = "gdp"
period = "2022-12"
value = 6.0
source = "test data"
recorded_at = 2023-01-20T10:00:00+08:00

[[actual]]
target = "other_plans_target"
period = "2023-03"
value = 1.0
recorded_at = 2023-04-20T10:00:00+08:00
"""


def test_an_export_with_other_years_and_plans_imports_back_whole(
    run: Run, plan_file: Path, ledger_file: Path, isolated: Path
) -> None:
    assert run("record", "gdp", "2023-Q1", "5.8", "--source", "test data").exit_code == 0
    with ledger_file.open("a", encoding="utf-8") as f:
        f.write(OTHERS)
    assert run("export", "--what", "actuals", "-o", "all.csv").exit_code == 0
    exported = (isolated / "all.csv").read_bytes()
    again = run("import", "all.csv", "--ledger", "new.toml", "--lang", "en")
    assert again.exit_code == 0, again.output
    assert again.stderr.startswith("recorded 3 figures from all.csv")
    assert (
        run("export", "--what", "actuals", "--ledger", "new.toml", "-o", "again.csv").exit_code == 0
    )
    assert (isolated / "again.csv").read_bytes() == exported
    # a row without its own recorded_at is a new figure, and must fit the plan
    (isolated / "new.csv").write_text("target,period,value\ngdp,2022-12,6.0\n", "utf-8")
    refused = run("import", "new.csv", "--ledger", "new.toml", "--lang", "en")
    assert refused.exit_code == 1 and "outside the plan's year 2023" in refused.stderr
