"""Streams N generated applications through Engine.check_iter (the lazy path of check_many) and
samples the process's resident memory every 100,000 rows. Flat RSS = constant memory.

    python python/bench/stream_memory.py [N] [--threads T] [--json-strings]

Rows cycle through the shared acceptance cases (../shared/cases or $BEIANCHECK_SHARED/cases),
as dicts by default or as JSON strings with --json-strings; one row in 1,000 is malformed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import beiancheck


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=1_000_000)
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--json-strings", action="store_true")
    args = ap.parse_args()

    shared = Path(os.environ.get("BEIANCHECK_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
    apps = [json.loads(p.read_text(encoding="utf-8"))["application"] for p in sorted((shared / "cases").glob("*.json"))]
    texts = [json.dumps(a, ensure_ascii=False) for a in apps]

    def rows():
        # A generator: nothing is held but the current row.
        for i in range(args.n):
            if i % 1000 == 999:
                yield '{"malformed": '
            elif args.json_strings:
                yield texts[i % len(texts)]
            else:
                yield apps[i % len(apps)]

    engine = beiancheck.Engine()
    print(f"rows={args.n} input={'json' if args.json_strings else 'dict'} threads={args.threads or 'default'} start_rss={rss_mb():.1f} MB")
    counts = {"eligible": 0, "ineligible": 0, "needs_review": 0, None: 0}
    t0 = time.perf_counter()
    i = 0
    for i, r in enumerate(engine.check_iter(rows(), threads=args.threads), 1):
        counts[r.verdict] += 1
        if i % 100_000 == 0:
            dt = time.perf_counter() - t0
            print(f"{i:>9,} rows  rss={rss_mb():7.1f} MB  {i / dt:>9,.0f} rows/s", flush=True)
    dt = time.perf_counter() - t0
    assert i == args.n, (i, args.n)
    print(f"done: {i:,} rows in {dt:.1f}s = {i / dt:,.0f} rows/s; max_rss (ru_maxrss) = "
          f"{__import__('resource').getrusage(__import__('resource').RUSAGE_SELF).ru_maxrss / 1024:.1f} MB; "
          f"verdicts {({str(k): v for k, v in counts.items()})}")


if __name__ == "__main__":
    sys.exit(main())
