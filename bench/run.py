"""Benchmark `targets` against hledger's budget report and LibreOffice on equivalent data.

Run from the repository root:

    python bench/run.py [--case NAME ...] [--runs N] [--province-runs N] [--warmup N]
                        [--out DIR] [--strict]

It writes its cases into bench/out/ (gitignored):

- small: a city's plan, 13 monthly growth targets, one figure per target and month of
  2023 (156 entries);
- big: 200 monthly growth targets; ten years of figures (2014-2023), each (target,
  period) recorded twice, a first figure and a revision (48,000 entries). The plan's
  year is 2023, so the report reads one year of a ten-year ledger;
- province (bench/province.py): a plan with 59 peers, 30 monthly targets, ten years of
  figures of all 60 regions, a fifth revised (259,176 entries, 35 MiB of TOML), with
  the equivalent journal and the actuals as CSV;
- linear: plans of 1,000 and 10,000 monthly targets with a year of figures each.

For small, big and province it also writes the equivalent hledger journal: periodic rules
(`~ monthly from 2023-01-01`) posting each target's value to an account per target (and
region), and one transaction per ledger entry (revisions included), dated in the entry's
period. hledger is asked for the same year: `bal --budget -M -b 2023-01-01 -e 2024-01-01`.

Each comparison runs its commands in turn (A B A B ...) after a warm-up of each (the
warm-up also lets `targets` build its caches beside the files), and reports the median
wall time and the peak resident memory (ru_maxrss of the child, from os.wait4) of each,
and the ratio of the medians against the goal (`--case` picks them):

- small: targets report --format json <= 2.0 x hledger
- big: <= 0.33 x hledger, and no more peak memory than hledger
- province, four commands in turn against one series of hledger runs: the warm report
  <= 0.10 x hledger; the report right after a hand edit of one figure in the middle of
  the ledger (same length, modification time put back) <= 0.50 x hledger, with peak
  memory <= 0.50 x hledger's; `compare t01`, warm, <= 0.10 x hledger
- xlsx: `export --what actuals --format xlsx` of the province's entries <= 0.75 x
  `soffice --headless --convert-to xlsx` of the same CSV
- record: one figure into the big ledger, and into the province's, <= 1.5 x the small
  report
- help, completion: targets --help, and bash completion of `targets report --`, both
  answered by typer afresh each time: <= 3.0 x the small report
- linear: the report of 10,000 targets <= 10 x the report of 1,000

Without hledger or soffice on PATH, `targets` is measured alone and those ratios are not
judged; a command this `targets` does not offer yet (compare, the xlsx export) is
printed as n/a.

The children run with this environment, except that settings pointing either tool at
other files are dropped and Python may cache bytecode (in out/scratch/pycache), as an
installed tool has it. Peak memory has a floor of a few MiB (what `true` measures, printed):
a child is forked from a small helper process, whose memory the child starts with.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import province

BENCH_DIR = Path(__file__).resolve().parent
PLAN_YEAR = 2023
CST = timezone(timedelta(hours=8))
# Files are left to settle this long before they are timed: a ledger is normally older
# than a coarse file-system clock tick when the next command reads it.
SETTLE_S = 2.1

SMALL_NAMES = (
    "地区生产总值",
    "规模以上工业总产值",
    "规模以上工业增加值",
    "固定资产投资",
    "社会消费品零售总额",
    "城镇常住居民人均可支配收入",
    "农村常住居民人均可支配收入",
    "一般公共预算收入",
    "外贸进出口总额",
    "实际利用外资",
    "服务业增加值",
    "农业总产值",
    "旅游总收入",
)


# --- the data -------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One ledger entry, and the same figure as one hledger transaction."""

    target: str
    year: int
    month: int
    value: float
    recorded_at: datetime

    @property
    def period(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class Case:
    name: str
    folder: Path
    targets: int
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


def target_ids(n: int) -> list[str]:
    width = len(str(n))
    return [f"t{i:0{width}d}" for i in range(1, n + 1)]


def plan_toml(plan_id: str, names: Sequence[tuple[str, str]], values: dict[str, float]) -> str:
    """A plan (SPEC 1.1): monthly growth targets, at_least their value."""
    out = [
        "[plan]",
        f'id = "{plan_id}"',
        f'name = "基准测试{PLAN_YEAR}年主要预期目标 ({plan_id})"',
        f'name_en = "Benchmark plan {plan_id}"',
        'region = "基准市"',
        f"year = {PLAN_YEAR}",
        'lang = "zh"',
        "",
    ]
    for tid, name in names:
        out += [
            "[[target]]",
            f'id = "{tid}"',
            f'name = "{name}"',
            'kind = "growth"',
            'comparator = "at_least"',
            f"value = {values[tid]}",
            'unit = "%"',
            'frequency = "monthly"',
            "",
        ]
    return "\n".join(out)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def figures(
    ids: Sequence[str], values: dict[str, float], years: range, revisions: bool, seed: int
) -> list[Figure]:
    """Every target's figure for every month of `years`, published on the 20th of the next
    month (a revision: a month later), in the order they were recorded."""
    rng = random.Random(seed)
    out: list[Figure] = []
    for year in years:
        for month in range(1, 13):
            for minute, tid in enumerate(ids):
                py, pm = add_months(year, month, 1)
                first = datetime(py, pm, 20, 9, 0, tzinfo=CST) + timedelta(minutes=minute)
                value = round(values[tid] + rng.uniform(-3.0, 3.0), 1)
                out.append(Figure(tid, year, month, value, first))
                if revisions:
                    ry, rm = add_months(year, month, 2)
                    again = datetime(ry, rm, 20, 9, 0, tzinfo=CST) + timedelta(minutes=minute)
                    revised = round(value + rng.uniform(-0.5, 0.5), 1)
                    out.append(Figure(tid, year, month, revised, again))
    out.sort(key=lambda f: f.recorded_at)
    return out


def ledger_toml(entries: Sequence[Figure]) -> str:
    """The ledger (SPEC 1.2), as `targets record` would have appended it."""
    blocks = [
        f'\n[[actual]]\ntarget = "{f.target}"\nperiod = "{f.period}"\nvalue = {f.value}\n'
        f"recorded_at = {f.recorded_at.isoformat()}\n"
        for f in entries
    ]
    return "# Figures recorded with `targets` (generated by bench/run.py).\n" + "".join(blocks)


def journal(ids: Sequence[str], values: dict[str, float], entries: Sequence[Figure]) -> str:
    """The hledger equivalent: a periodic rule per target, a transaction per figure.

    hledger sums a period's postings where `targets` lets the newest revision win; the
    work (one rule per target, one posting per entry) is the same.
    """
    rules = [
        f"~ monthly from {PLAN_YEAR}-01-01  {tid} target\n    (targets:{tid})  {values[tid]}\n"
        for tid in ids
    ]
    txns = [
        f"{date(f.year, f.month, 1).isoformat()} {f.target} {f.period}"
        f" recorded {f.recorded_at.isoformat()}\n    (targets:{f.target})  {f.value}\n"
        for f in entries
    ]
    return "\n".join(rules) + "\n" + "\n".join(txns)


def write_case(
    folder: Path,
    name: str,
    names: Sequence[tuple[str, str]],
    years: range,
    revisions: bool,
    seed: int,
) -> Case:
    if folder.exists():
        shutil.rmtree(folder)  # stale caches and records of an earlier run go too
    folder.mkdir(parents=True)
    rng = random.Random(seed)
    ids = [tid for tid, _ in names]
    values = {tid: round(rng.uniform(3.0, 12.0), 1) for tid in ids}
    entries = figures(ids, values, years, revisions, seed + 1)
    case = Case(name, folder, len(ids), len(entries))
    case.plan.write_text(plan_toml(f"bench-{name}", names, values), encoding="utf-8")
    case.ledger.write_text(ledger_toml(entries), encoding="utf-8")
    case.journal.write_text(journal(ids, values, entries), encoding="utf-8")
    return case


def copy_case(case: Case, folder: Path) -> Case:
    """The plan and ledger alone (no caches, no journal), for runs that write."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copy2(case.plan, folder / "targets.toml")
    shutil.copy2(case.ledger, folder / "actuals.toml")
    return Case(case.name + "-record", folder, case.targets, case.entries)


# --- running and measuring ------------------------------------------------------------


@dataclass(frozen=True)
class Command:
    """A command to time; `argv(i)` may differ per run (each record records anew)."""

    label: str
    argv: Callable[[int], list[str]]
    cwd: Path
    env: dict[str, str] = field(default_factory=dict)
    check: Callable[[bytes], str | None] = lambda out: None  # an error message, or None
    before: Callable[[int], None] | None = None  # done before each run, not timed


@dataclass
class Samples:
    wall_ms: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.wall_ms)

    @property
    def median_mib(self) -> float:
        return statistics.median(self.rss_kib) / 1024


class BenchError(Exception):
    pass


def base_env(pycache: Path) -> dict[str, str]:
    """This environment without settings that would point either tool elsewhere.

    Python may write bytecode, into `pycache` (not the source tree): an installed tool has
    its modules compiled, while PYTHONDONTWRITEBYTECODE would make an editable install
    compile every module of `targets` on every run.
    """
    drop = {"TARGETS_PLAN", "TARGETS_LEDGER", "TARGETS_LANG", "LEDGER_FILE"}
    drop.add("PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


# A fresh, small process forks and times every run. A child's ru_maxrss counts the memory
# of the process it was forked from (vfork, as subprocess uses, counts its parent's peak),
# so the fork happens here and not in this script, which holds the generated data.
SPAWNER = r"""
import json, os, sys, time
for line in sys.stdin:
    req = json.loads(line)
    fds = [os.open(os.devnull, os.O_RDONLY)]
    fds += [os.open(req[k], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644) for k in ("out", "err")]
    start = time.perf_counter_ns()
    pid = os.fork()
    if pid == 0:
        try:
            os.chdir(req["cwd"])
            for n, fd in enumerate(fds):
                os.dup2(fd, n)
            os.execve(req["argv"][0], req["argv"], req["env"])
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter_ns() - start
    for fd in fds:
        os.close(fd)
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps({"ns": wall, "maxrss": usage.ru_maxrss, "code": code}), flush=True)
"""


class Runner:
    """Runs commands through the spawner; wall time and peak RSS of each child."""

    def __init__(self, scratch: Path) -> None:
        self.scratch = scratch
        self.env = base_env(scratch / "pycache")
        self.proc = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", SPAWNER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait()

    def run_once(self, cmd: Command, i: int) -> tuple[float, int, bytes]:
        """Wall time (ms), peak RSS (KiB) and stdout of one run; BenchError if it fails."""
        argv = cmd.argv(i)
        if cmd.before is not None:
            cmd.before(i)
        exe = shutil.which(argv[0])
        if exe is None:
            raise BenchError(f"{argv[0]}: not found")
        out, err = self.scratch / "stdout", self.scratch / "stderr"
        req = {
            "argv": [os.path.abspath(exe), *argv[1:]],
            "cwd": str(cmd.cwd),
            "env": self.env | cmd.env,
            "out": str(out),
            "err": str(err),
        }
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(req) + "\n")
        self.proc.stdin.flush()
        reply = self.proc.stdout.readline()
        if not reply:
            raise BenchError("the spawner process died")
        result = json.loads(reply)
        stdout = out.read_bytes()
        if result["code"] != 0:
            detail = err.read_text(encoding="utf-8", errors="replace").strip()[-2000:]
            raise BenchError(f"{' '.join(argv)} exited {result['code']} in {cmd.cwd}:\n{detail}")
        problem = cmd.check(stdout + err.read_bytes())  # what it printed, messages too
        if problem:
            raise BenchError(f"{' '.join(argv)} in {cmd.cwd}: {problem}")
        return result["ns"] / 1e6, int(result["maxrss"]), stdout  # ru_maxrss: KiB on Linux

    def measure(self, cmds: Sequence[Command], runs: int, warmup: int) -> list[Samples]:
        """Warm each command up, then run them in turn (A B A B ...) `runs` times each."""
        for w in range(warmup):
            for cmd in cmds:
                self.run_once(cmd, -1 - w)
        samples = [Samples() for _ in cmds]
        for i in range(runs):
            for cmd, s in zip(cmds, samples, strict=True):
                ms, kib, _ = self.run_once(cmd, i)
                s.wall_ms.append(ms)
                s.rss_kib.append(kib)
        return samples


def settle(*paths: Path) -> None:
    """Wait until every file is older than a coarse file-system clock tick."""
    newest = max(p.stat().st_mtime for p in paths)
    wait = newest + SETTLE_S - time.time()
    if wait > 0:
        time.sleep(wait)


# --- checks of the outputs ------------------------------------------------------------


def report_check(n_targets: int) -> Callable[[bytes], str | None]:
    def check(out: bytes) -> str | None:
        try:
            data = json.loads(out)
        except ValueError as e:
            return f"the report is not JSON ({e})"
        got = len(data.get("targets", []))
        if got != n_targets or data.get("as_of") != f"{PLAN_YEAR}-12":
            as_of = data.get("as_of")
            return f"expected {n_targets} targets as of {PLAN_YEAR}-12, got {got} as of {as_of}"
        statuses = {t.get("status") for t in data["targets"]}
        if not statuses <= {"met", "missed"}:
            return f"unexpected statuses for final figures: {sorted(map(str, statuses))}"
        return None

    return check


def hledger_check(n_targets: int) -> Callable[[bytes], str | None]:
    def check(out: bytes) -> str | None:
        text = out.decode("utf-8", errors="replace")
        if f"Budget performance in {PLAN_YEAR}" not in text:
            return "no budget report for the year in hledger's output"
        # one row per target's account (in the province, per region and target), beside
        # the rows hledger adds for the regions' parent accounts
        leaf = re.compile(r"\s*targets:(?:[^:\s]+:)*t[0-9]+\s")
        rows = [line for line in text.splitlines() if leaf.match(line)]
        if len(rows) != n_targets:
            return f"expected {n_targets} account rows in hledger's output, got {len(rows)}"
        if "Jan" not in text or "Dec" not in text:
            return "hledger's budget report has no monthly columns"
        return None

    return check


def contains(word: str) -> Callable[[bytes], str | None]:
    def check(out: bytes) -> str | None:
        return None if word.encode() in out else f"{word!r} not in the output"

    return check


def recorded(out: bytes) -> str | None:
    """The confirmation, in English or (the plans here are zh) Chinese."""
    if out.startswith(b"recorded ") or out.startswith("已记录".encode()):
        return None
    return f"unexpected output {out[:200].decode('utf-8', 'replace')!r}"


# --- the comparisons ------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    case: str
    a_ms: float
    a_mib: float
    b_ms: float | None
    b_mib: float | None
    goal: float | None  # a/b at most this
    memory_goal: float | None = None  # a's peak memory at most this times b's

    @property
    def ratio(self) -> float | None:
        return self.a_ms / self.b_ms if self.b_ms else None

    @property
    def passed(self) -> bool | None:
        if self.ratio is None or self.goal is None:
            return None
        return self.ratio <= self.goal

    @property
    def memory_ratio(self) -> float | None:
        return self.a_mib / self.b_mib if self.b_mib else None

    @property
    def memory_passed(self) -> bool | None:
        if self.memory_goal is None or self.memory_ratio is None:
            return None
        return self.memory_ratio <= self.memory_goal


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "MISS")


def measure(
    title: str, cmds: Sequence[Command], runs: int, warmup: int, runner: Runner
) -> list[Samples]:
    """Run `cmds` in turn and print each one's median, spread and peak memory."""
    samples = runner.measure(cmds, runs, warmup)
    print(f"\n{title}")
    width = max(len(c.label) for c in cmds)
    for cmd, s in zip(cmds, samples, strict=True):
        spread = f"min {min(s.wall_ms):7.1f}  max {max(s.wall_ms):7.1f}"
        print(
            f"  {cmd.label:<{width}}  median {s.median_ms:8.1f} ms  ({spread})"
            f"  peak {s.median_mib:7.1f} MiB"
        )
    return samples


def judge(
    case: str,
    a: Samples | None,
    b: Samples | None,
    goal: float,
    memory_goal: float | None = None,
) -> Result | None:
    """The ratio of a's median to b's against the goal; None when a was not measured."""
    if a is None:
        print(f"  {case}: not measured (goal <= {goal:.2f})")
        return None
    result = Result(
        case,
        a.median_ms,
        a.median_mib,
        b.median_ms if b else None,
        b.median_mib if b else None,
        goal,
        memory_goal,
    )
    if result.ratio is not None:
        print(
            f"  {case}: ratio of medians {result.ratio:.2f}  goal <= {goal:.2f}"
            f"  {verdict(result.passed)}"
        )
    else:
        print(f"  {case}: ratio not measured (goal <= {goal:.2f})")
    if memory_goal is not None and result.memory_ratio is not None:
        print(
            f"  {case}: peak memory {result.a_mib:.1f} MiB vs {result.b_mib:.1f} MiB,"
            f" ratio {result.memory_ratio:.2f}  goal <= {memory_goal:.2f}"
            f"  {verdict(result.memory_passed)}"
        )
    return result


def pair(
    case: str,
    a: Command,
    b: Command | None,
    goal: float,
    runs: int,
    warmup: int,
    runner: Runner,
    memory_goal: float | None = None,
) -> Result | None:
    """Measure a against b in turn and judge the ratio."""
    samples = measure(case, [a] if b is None else [a, b], runs, warmup, runner)
    return judge(case, samples[0], samples[1] if b is not None else None, goal, memory_goal)


def targets_command() -> list[str]:
    """The installed console script beside this interpreter, else on PATH, else -m."""
    beside = Path(sys.executable).parent / "targets"
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside)]
    found = shutil.which("targets")
    if found:
        return [found]
    return [sys.executable, "-m", "targets"]


def version(argv: list[str]) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    except OSError as e:
        return f"unavailable ({e})"
    return (done.stdout or done.stderr).strip().splitlines()[0] if done.returncode == 0 else "?"


def offers(argv: list[str], word: str) -> bool:
    """Whether `argv` (a --help) succeeds and mentions `word`: a command not built yet is
    printed as n/a rather than failing the bench."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    except OSError:
        return False
    return done.returncode == 0 and word in done.stdout


def table(results: Sequence[Result | None], missing: Sequence[tuple[str, float]]) -> None:
    print("\nsummary (ratio = median A / median B; memory = peak A / peak B)")
    head = f"  {'case':<22} {'A ms':>9} {'B ms':>9} {'ratio':>6} {'goal':>7}  {'time':<5}"
    head += f" {'A MiB':>7} {'B MiB':>7} {'ratio':>6} {'goal':>7}  memory"
    print(head)
    print("  " + "-" * (len(head) - 2))
    for r in results:
        if r is None:
            continue
        b_ms = f"{r.b_ms:9.1f}" if r.b_ms is not None else f"{'-':>9}"
        b_mib = f"{r.b_mib:7.1f}" if r.b_mib is not None else f"{'-':>7}"
        ratio = f"{r.ratio:6.2f}" if r.ratio is not None else f"{'-':>6}"
        goal = f"<={r.goal:.2f}" if r.goal is not None else "-"
        mem = f"{r.memory_ratio:6.2f}" if r.memory_goal and r.memory_ratio else f"{'':>6}"
        mem_goal = f"<={r.memory_goal:.2f}" if r.memory_goal is not None else ""
        mem_verdict = verdict(r.memory_passed) if r.memory_goal is not None else ""
        print(
            f"  {r.case:<22} {r.a_ms:9.1f} {b_ms} {ratio} {goal:>7}  {verdict(r.passed):<5}"
            f" {r.a_mib:7.1f} {b_mib} {mem} {mem_goal:>7}  {mem_verdict}".rstrip()
        )
    for case, limit in missing:
        print(f"  {case:<22} {'n/a':>9} {'':>9} {'':>6} {'<=' + format(limit, '.2f'):>7}  n/a")


CASES = ("small", "big", "record", "help", "completion", "province", "xlsx", "linear")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=9, help="timed runs of each command (9)")
    parser.add_argument(
        "--province-runs",
        type=int,
        default=5,
        help="timed runs in the province and linear cases (5)",
    )
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs of each first (1)")
    parser.add_argument("--out", type=Path, default=BENCH_DIR / "out", help="where to generate")
    parser.add_argument("--hledger", default=None, help="the hledger to compare with (PATH's)")
    parser.add_argument("--soffice", default=None, help="the LibreOffice to compare with")
    parser.add_argument(
        "--case", action="append", choices=CASES, help="run only these cases (repeatable)"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 if a goal is missed")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.warmup < 1 or args.province_runs < 1:
        parser.error("--runs, --province-runs and --warmup must be at least 1")
    chosen = set(args.case or CASES)

    targets = targets_command()
    hledger = args.hledger or shutil.which("hledger")
    soffice = args.soffice or shutil.which("soffice")
    out: Path = args.out.resolve()
    scratch = out / "scratch"

    print(f"targets: {' '.join(targets)}")
    print(f"hledger: {hledger + ' (' + version([hledger, '--version']) + ')' if hledger else '-'}")
    print(f"soffice: {soffice + ' (' + version([soffice, '--version']) + ')' if soffice else '-'}")
    print(f"python {platform.python_version()}, {platform.platform()}, {os.cpu_count()} CPUs")
    print(f"{args.runs} timed runs of each command ({args.province_runs} in the province cases),")
    cases = ", ".join(c for c in CASES if c in chosen)
    print(f"alternating, after {args.warmup} warm-up; cases: {cases}")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("PYTHONDONTWRITEBYTECODE is set here; the runs write bytecode anyway, into out/")
    if hledger is None:
        print("hledger is not on PATH: measuring targets alone; the hledger ratios are not judged")

    t0 = time.perf_counter()
    scratch.mkdir(parents=True, exist_ok=True)
    small_names = list(zip(target_ids(len(SMALL_NAMES)), SMALL_NAMES, strict=True))
    big_names = [(tid, f"指标{tid[1:]}") for tid in target_ids(200)]
    small = write_case(
        out / "small", "small", small_names, range(PLAN_YEAR, PLAN_YEAR + 1), False, 1
    )
    written: list[Path] = [small.plan, small.ledger]
    big = big_rec = prov = prov_cold = prov_rec = None
    if chosen & {"big", "record"}:
        big = write_case(
            out / "big", "big", big_names, range(PLAN_YEAR - 9, PLAN_YEAR + 1), True, 2
        )
        big_rec = copy_case(big, out / "big-record")
        written += [big.plan, big.ledger, big_rec.plan, big_rec.ledger]
        print(f"big: {big.targets} targets, {big.entries} entries")
    if chosen & {"province", "xlsx", "record"}:
        prov = province.write_province(out / "province")
        prov_cold = province.copy_province(prov, out / "province-cold")
        prov_rec = province.copy_province(prov, out / "province-record")
        written += [prov.plan, prov.ledger, prov_cold.ledger, prov_rec.ledger]
        print(
            f"province: {len(prov.regions)} regions, {len(prov.targets)} targets,"
            f" {prov.entries} entries ({prov.ledger.stat().st_size / 2**20:.1f} MiB ledger,"
            f" {prov.journal.stat().st_size / 2**20:.1f} MiB journal,"
            f" {prov.csv.stat().st_size / 2**20:.1f} MiB CSV)"
        )
    linear = []
    if "linear" in chosen:
        linear = [province.write_linear(out / f"linear-{n}", n) for n in (1000, 10000)]
        written += [c.plan for c in linear]
    print(f"generated in {time.perf_counter() - t0:.1f} s in {out}")
    settle(*written)

    def report(folder: Path, name: str, n_targets: int, **kw: Any) -> Command:
        return Command(
            f"targets report --format json ({name})",
            lambda i: [*targets, "report", "--format", "json"],
            folder,
            check=report_check(n_targets),
            **kw,
        )

    def budget(journal_path: Path, name: str, n_accounts: int) -> Command | None:
        if hledger is None:
            return None
        cmd = [hledger, "-f", str(journal_path), "bal", "--budget", "-M"]
        cmd += ["-b", f"{PLAN_YEAR}-01-01", "-e", f"{PLAN_YEAR + 1}-01-01"]
        return Command(
            f"hledger bal --budget -M ({name})",
            lambda i: cmd,
            journal_path.parent,
            check=hledger_check(n_accounts),
        )

    def record_into(folder: Path, name: str, extra: list[str]) -> Command:
        return Command(
            f"targets record --revise ({name})",
            # a new value each run: every run appends one revision to the ledger
            lambda i: [
                *targets,
                "record",
                "t001" if name == "big" else "t01",
                f"{PLAN_YEAR}-12",
                f"{5 + (i + 100) / 1000:.3f}",
                "--revise",
                *extra,
            ],
            folder,
            check=recorded,
        )

    small_report = report(small.folder, "small", small.targets)
    n, w, pn = args.runs, args.warmup, args.province_runs
    results: list[Result | None] = []
    missing: list[tuple[str, float]] = []
    runner = Runner(scratch)
    try:
        if shutil.which("true"):
            floor = statistics.median(
                runner.run_once(Command("true", lambda i: ["true"], out), i)[1] for i in range(3)
            )
            print(f"peak memory floor (what `true` measures the same way): {floor / 1024:.1f} MiB")
        if "small" in chosen:
            yard = budget(small.journal, "small", small.targets)
            results.append(pair("small report", small_report, yard, 2.0, n, w, runner))
        if "big" in chosen and big is not None:
            cmd = report(big.folder, "big", big.targets)
            yard = budget(big.journal, "big", big.targets)
            results.append(pair("big report", cmd, yard, 0.33, n, w, runner, 1.0))
        if "province" in chosen and prov is not None and prov_cold is not None:
            results += province_group(prov, prov_cold, targets, report, budget, pn, w, runner)
            if not offers([*targets, "compare", "--help"], "TARGET"):
                missing.append(("compare (province)", 0.10))
        if "xlsx" in chosen and prov is not None:
            got = xlsx_group(prov, targets, soffice, scratch, pn, w, runner)
            if got is None:
                missing.append(("xlsx export (province)", 0.75))
            else:
                results.append(got)
        if "record" in chosen and big_rec is not None and prov_rec is not None:
            cmd = record_into(big_rec.folder, "big", [])
            results.append(pair("record (big)", cmd, small_report, 1.5, n, w, runner))
            region = (
                ["--region", prov.regions[5]]
                if offers([*targets, "record", "--help"], "--region") and prov
                else []
            )
            cmd = record_into(prov_rec.folder, "province", region)
            results.append(pair("record (province)", cmd, small_report, 1.5, n, w, runner))
        if "help" in chosen:
            helps = Command(
                "targets --help",
                lambda i: [*targets, "--help"],
                small.folder,
                check=contains("report"),
            )
            results.append(pair("help", helps, small_report, 3.0, n, w, runner))
        if "completion" in chosen:
            completion = Command(
                "completion: targets report --",
                lambda i: targets,
                small.folder,
                env={
                    "_TARGETS_COMPLETE": "complete_bash",
                    "COMP_WORDS": "targets report --",
                    "COMP_CWORD": "2",
                },
                check=contains("--format"),
            )
            results.append(pair("completion", completion, small_report, 3.0, n, w, runner))
        if "linear" in chosen:
            a, b = (report(c.folder, f"{c.targets} targets", c.targets) for c in reversed(linear))
            results.append(pair("10,000 vs 1,000 targets", a, b, 10.0, pn, w, runner))
    except BenchError as e:
        print(f"\nerror: {e}", file=sys.stderr)
        return 2
    finally:
        runner.close()
    table(results, missing)
    print(f"\ntotal {time.perf_counter() - t0:.0f} s")
    missed = [r for r in results if r and (r.passed is False or r.memory_passed is False)]
    return 1 if args.strict and missed else 0


def province_group(
    prov: province.Province,
    cold: province.Province,
    targets: list[str],
    report: Callable[..., Command],
    budget: Callable[[Path, str, int], Command | None],
    runs: int,
    warmup: int,
    runner: Runner,
) -> list[Result | None]:
    """Warm report, cold report after a hand edit, and compare, each against one shared
    series of hledger runs: all four commands in turn."""
    n_targets = len(prov.targets)
    warm = report(prov.folder, "province, warm", n_targets)
    edit = province.HandEdit(cold.ledger)
    cold_cmd = report(cold.folder, "province, after a hand edit", n_targets)
    cold_cmd = Command(
        cold_cmd.label, cold_cmd.argv, cold_cmd.cwd, check=cold_cmd.check, before=lambda i: edit()
    )
    cmds = [warm, cold_cmd]
    has_compare = offers([*targets, "compare", "--help"], "TARGET")
    if has_compare:
        cmds.append(
            Command(
                "targets compare t01 --format json (province, warm)",
                lambda i: [*targets, "compare", "t01", "--format", "json"],
                prov.folder,
                check=compare_check(len(prov.regions)),
            )
        )
    yard = budget(prov.journal, "province", len(prov.regions) * n_targets)
    if yard is not None:
        cmds.append(yard)
    samples = measure("province (60 regions, 30 targets, ten years)", cmds, runs, warmup, runner)
    h = samples[-1] if yard is not None else None
    results = [
        judge("warm report (province)", samples[0], h, 0.10),
        judge("cold report (province)", samples[1], h, 0.50, 0.50),
    ]
    if has_compare:
        results.append(judge("compare (province)", samples[2], h, 0.10))
    return results


def compare_check(n_regions: int) -> Callable[[bytes], str | None]:
    def check(out: bytes) -> str | None:
        try:
            data = json.loads(out)
        except ValueError as e:
            return f"compare's output is not JSON ({e})"
        got = len(data.get("regions", []))
        return None if got == n_regions else f"expected {n_regions} regions, got {got}"

    return check


def xlsx_group(
    prov: province.Province,
    targets: list[str],
    soffice: str | None,
    scratch: Path,
    runs: int,
    warmup: int,
    runner: Runner,
) -> Result | None:
    """`targets export --what actuals --format xlsx` against LibreOffice converting the
    same entries from CSV; None when this `targets` cannot write xlsx yet."""
    if not offers([*targets, "export", "--help"], "xlsx"):
        print("\nxlsx export: this targets has no `export --format xlsx` yet (n/a)")
        return None
    ours = scratch / "actuals.xlsx"
    theirs_dir = scratch / "soffice-out"
    theirs = theirs_dir / "actuals.xlsx"

    def made(path: Path) -> Callable[[bytes], str | None]:
        def check(out: bytes) -> str | None:
            ok = path.is_file() and path.stat().st_size > 100_000
            return None if ok else f"{path} was not written"

        return check

    cmds = [
        Command(
            "targets export --what actuals --format xlsx (province)",
            lambda i: [
                *targets,
                "export",
                "--what",
                "actuals",
                "--format",
                "xlsx",
                "--output",
                str(ours),
            ],
            prov.folder,
            check=made(ours),
            before=lambda i: ours.unlink(missing_ok=True),
        )
    ]
    if soffice is not None:
        profile = (scratch / "soffice-profile").as_uri()
        cmds.append(
            Command(
                "soffice --headless --convert-to xlsx actuals.csv",
                lambda i: [
                    soffice,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--infilter=CSV:44,34,76,1",
                    "--convert-to",
                    "xlsx",
                    "--outdir",
                    str(theirs_dir),
                    str(prov.csv),
                ],
                prov.folder,
                check=made(theirs),
                before=lambda i: theirs.unlink(missing_ok=True),
            )
        )
    samples = measure("xlsx export (260,000 entries)", cmds, runs, warmup, runner)
    return judge("xlsx export (province)", samples[0], samples[1] if soffice else None, 0.75)


if __name__ == "__main__":
    sys.exit(main())
