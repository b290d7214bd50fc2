"""The province case and the linearity plans for bench/run.py.

- province: a plan with its region and 59 peers (SPEC section 6), 30 monthly growth
  targets, ten years of figures (2014-2023) for all 60 regions, a fifth of them revised a
  month later: 259,200 entries, about 35 MB of TOML, as `targets record` appends them
  (entries of a peer carry `region = "…"`, SPEC 1.2). Beside it the equivalent hledger
  journal (a periodic rule per region, an account per region and target, a transaction per
  entry) and the actuals as CSV (SPEC section 4, CSV out) for LibreOffice to convert.
- linear: plans of 1,000 and 10,000 monthly targets, each with a figure per target for
  every month of the year, to show that a report costs in proportion.
"""

from __future__ import annotations

import csv
import os
import random
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

PLAN_YEAR = 2023
YEARS = range(PLAN_YEAR - 9, PLAN_YEAR + 1)
CST = timezone(timedelta(hours=8))
OWN = "基准市"
N_PEERS = 59
N_TARGETS = 30
REVISED = 0.2  # the share of figures that get a revision
# Where the cold run edits the ledger: the figure nearest this share of the file.
EDIT_AT = 0.5


def region_names() -> list[str]:
    """The plan's own region, then its peers."""
    return [OWN] + [f"第{n:02d}县" if n % 3 else f"第{n:02d}市" for n in range(1, N_PEERS + 1)]


def target_ids(n: int) -> list[str]:
    width = len(str(n))
    return [f"t{i:0{width}d}" for i in range(1, n + 1)]


@dataclass(frozen=True)
class Fig:
    region: str
    target: str
    year: int
    month: int
    value: float
    recorded_at: datetime
    source: str | None

    @property
    def period(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class Province:
    folder: Path
    regions: list[str]
    targets: list[str]
    entries: int

    @property
    def plan(self) -> Path:
        return self.folder / "targets.toml"

    @property
    def ledger(self) -> Path:
        return self.folder / "actuals.toml"

    @property
    def journal(self) -> Path:
        return self.folder / "budget.journal"

    @property
    def csv(self) -> Path:
        return self.folder / "actuals.csv"


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def plan_toml(
    plan_id: str, ids: Sequence[str], values: dict[str, float], peers: Sequence[str]
) -> str:
    out = [
        "[plan]",
        f'id = "{plan_id}"',
        f'name = "基准测试{PLAN_YEAR}年主要预期目标 ({plan_id})"',
        f'region = "{OWN}"',
        f"year = {PLAN_YEAR}",
        'lang = "zh"',
    ]
    if peers:
        out.append("peers = [" + ", ".join(f'"{p}"' for p in peers) + "]")
    out.append("")
    for tid in ids:
        out += [
            "[[target]]",
            f'id = "{tid}"',
            f'name = "指标{tid[1:]}"',
            'kind = "growth"',
            'comparator = "at_least"',
            f"value = {values[tid]}",
            'unit = "%"',
            'frequency = "monthly"',
            "",
        ]
    return "\n".join(out)


def province_figures(regions: Sequence[str], ids: Sequence[str], seed: int) -> list[Fig]:
    """Every region's figure for every target and month of ten years, published on the
    20th of the next month; a fifth revised on the 20th of the month after. In the order
    they were recorded."""
    rng = random.Random(seed)
    out: list[Fig] = []
    for year in YEARS:
        for month in range(1, 13):
            py, pm = _add_months(year, month, 1)
            ry, rm = _add_months(year, month, 2)
            for r, region in enumerate(regions):
                source = f"{region}统计局"
                for t, tid in enumerate(ids):
                    minute = r * len(ids) + t
                    first = datetime(py, pm, 20, 9, 0, tzinfo=CST) + timedelta(minutes=minute)
                    value = round(6.0 + rng.uniform(-4.0, 4.0), 1)
                    out.append(Fig(region, tid, year, month, value, first, source))
                    if rng.random() < REVISED:
                        again = datetime(ry, rm, 20, 9, 0, tzinfo=CST) + timedelta(minutes=minute)
                        revised = round(value + rng.uniform(-0.5, 0.5), 1)
                        out.append(Fig(region, tid, year, month, revised, again, None))
    out.sort(key=lambda f: f.recorded_at)
    return out


def ledger_toml(figs: Sequence[Fig]) -> str:
    """The ledger as `targets record` appends it: an entry of the plan's own region
    carries no `region`."""
    blocks = []
    for f in figs:
        block = f'\n[[actual]]\ntarget = "{f.target}"\nperiod = "{f.period}"\nvalue = {f.value}\n'
        if f.source:
            block += f'source = "{f.source}"\n'
        if f.region != OWN:
            block += f'region = "{f.region}"\n'
        blocks.append(block + f"recorded_at = {f.recorded_at.isoformat()}\n")
    return "# Figures recorded with `targets` (generated by bench/province.py).\n" + "".join(blocks)


def journal(regions: Sequence[str], ids: Sequence[str], figs: Sequence[Fig]) -> str:
    """The hledger equivalent: a periodic rule per region with a posting per target, a
    transaction per figure (revisions included)."""
    rules = [
        f"~ monthly from {PLAN_YEAR}-01-01  {region} targets\n"
        + "".join(f"    (targets:{region}:{tid})  6.0\n" for tid in ids)
        for region in regions
    ]
    txns = [
        f"{date(f.year, f.month, 1).isoformat()} {f.region} {f.target} {f.period}"
        f" recorded {f.recorded_at.isoformat()}\n    (targets:{f.region}:{f.target})  {f.value}\n"
        for f in figs
    ]
    return "\n".join(rules) + "\n" + "\n".join(txns)


def actuals_csv(path: Path, figs: Sequence[Fig]) -> None:
    """What `targets export --what actuals` writes (SPEC section 4, CSV out)."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["target", "period", "value", "recorded_at", "source", "note", "region", "withdrawn"]
        )
        for x in figs:
            when = x.recorded_at.isoformat()
            w.writerow([x.target, x.period, x.value, when, x.source or "", "", x.region, "false"])


def write_province(folder: Path, seed: int = 14) -> Province:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    regions = region_names()
    ids = target_ids(N_TARGETS)
    figs = province_figures(regions, ids, seed)
    case = Province(folder, regions, ids, len(figs))
    values = dict.fromkeys(ids, 6.0)
    case.plan.write_text(plan_toml("bench-province", ids, values, regions[1:]), encoding="utf-8")
    case.ledger.write_text(ledger_toml(figs), encoding="utf-8")
    case.journal.write_text(journal(regions, ids, figs), encoding="utf-8")
    actuals_csv(case.csv, figs)
    return case


def copy_province(case: Province, folder: Path) -> Province:
    """The plan and the ledger alone, for runs that write or edit."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copy2(case.plan, folder / "targets.toml")
    shutil.copy2(case.ledger, folder / "actuals.toml")
    return Province(folder, case.regions, case.targets, case.entries)


class HandEdit:
    """Changes one figure near the middle of a ledger by hand: the same number of bytes,
    and the modification time put back, as an editor that keeps times would leave it.
    Each call writes a different digit, so no two runs see the same content."""

    def __init__(self, ledger: Path) -> None:
        self.ledger = ledger
        data = ledger.read_bytes()
        at = data.index(b"\nvalue = ", int(len(data) * EDIT_AT))
        end = data.index(b"\n", at + 1)
        self.pos = end - 1  # the last digit of that figure
        self.count = 0

    def __call__(self) -> None:
        stat = self.ledger.stat()
        with open(self.ledger, "r+b") as f:
            f.seek(self.pos)
            old = f.read(1)
            assert old.isdigit(), old
            self.count += 1
            f.seek(self.pos)
            f.write(str((int(old) + 1 + self.count % 7) % 10).encode())
        os.utime(self.ledger, ns=(stat.st_atime_ns, stat.st_mtime_ns))


@dataclass(frozen=True)
class Linear:
    folder: Path
    targets: int

    @property
    def plan(self) -> Path:
        return self.folder / "targets.toml"


def write_linear(folder: Path, n: int, months: int = 12, seed: int = 7) -> Linear:
    """A plan of `n` monthly targets with figures for the first `months` months."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    rng = random.Random(seed)
    ids = target_ids(n)
    values = {tid: round(rng.uniform(3.0, 12.0), 1) for tid in ids}
    (folder / "targets.toml").write_text(plan_toml(f"bench-{n}", ids, values, []), "utf-8")
    figs = [
        Fig(
            OWN,
            tid,
            PLAN_YEAR,
            month,
            round(values[tid] + rng.uniform(-3, 3), 1),
            datetime(*_add_months(PLAN_YEAR, month, 1), 20, 9, 0, tzinfo=CST)
            + timedelta(seconds=k),
            None,
        )
        for month in range(1, months + 1)
        for k, tid in enumerate(ids)
    ]
    (folder / "actuals.toml").write_text(ledger_toml(figs), encoding="utf-8")
    return Linear(folder, n)
