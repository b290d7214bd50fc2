"""Parse a ledger with each candidate reader and print the median time of several runs.

    python bench/parsers.py [LEDGER] [--runs N]

LEDGER defaults to the province case's (bench/out/province/actuals.toml; `python
bench/run.py --case province` writes it). The candidates: tomllib (the standard
library's), tomli (its compiled wheel, if installed), rtoml (if installed), and the
ledger's own reader (`targets`' regular-layout reader, which falls back to tomllib for
anything irregular). Each turns the text into the list of entry tables; the own reader
into the rows the index keeps.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent


def candidates() -> dict[str, Callable[[str], Any]]:
    import tomllib

    found: dict[str, Callable[[str], Any]] = {"tomllib": tomllib.loads}
    try:
        import tomli

        kind = "compiled" if _is_compiled(tomli) else "pure Python"
        found[f"tomli ({kind})"] = tomli.loads
    except ImportError:
        print("tomli: not installed (pip install tomli)")
    try:
        import rtoml

        found[f"rtoml {rtoml.__version__}"] = rtoml.loads
    except ImportError:
        print("rtoml: not installed (pip install rtoml)")
    try:
        from targets.store import layout, ledger_file

        def own(text: str) -> Any:
            rows = layout.read(text, ledger_file._period)
            assert rows is not None, "not in the tool's own layout"
            return rows

        found["targets' layout reader (with checks)"] = own
    except ImportError:
        print("targets.store.layout: not importable (install the project)")
    return found


def _is_compiled(module: Any) -> bool:
    parser = sys.modules.get(module.__name__ + "._parser")
    return parser is not None and str(getattr(parser, "__file__", "")).endswith(".so")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    default = BENCH_DIR / "out" / "province" / "actuals.toml"
    parser.add_argument("ledger", nargs="?", type=Path, default=default)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    text = args.ledger.read_text(encoding="utf-8")
    print(
        f"{args.ledger}: {len(text.encode()) / 2**20:.1f} MiB, {text.count('[[actual]]')} entries"
    )
    print(f"python {sys.version.split()[0]}, median of {args.runs} runs")
    for name, loads in candidates().items():
        times = []
        for _ in range(args.runs):
            gc.collect()
            start = time.perf_counter()
            result = loads(text)
            times.append(time.perf_counter() - start)
            del result
        spread = f"min {min(times):.2f}  max {max(times):.2f}"
        print(f"  {name:<38} {statistics.median(times):6.2f} s  ({spread})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
