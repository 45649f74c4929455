"""Rows per second through each bulk path, on the shared acceptance cases repeated to N rows.

    python python/bench/throughput.py [N] [--threads T]

Numbers depend on the machine and on what else runs on it; this script is for comparing paths
and builds, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import beiancheck


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=100_000)
    ap.add_argument("--threads", type=int, default=None)
    args = ap.parse_args()
    shared = Path(os.environ.get("BEIANCHECK_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
    apps = [json.loads(p.read_text(encoding="utf-8"))["application"] for p in sorted((shared / "cases").glob("*.json"))]
    dicts = [apps[i % len(apps)] for i in range(args.n)]
    texts = [json.dumps(a, ensure_ascii=False) for a in dicts]
    engine = beiancheck.Engine()

    def run(name, f):
        t = time.perf_counter()
        f()
        dt = time.perf_counter() - t
        print(f"{name:<34} {args.n / dt:>10,.0f} rows/s  ({dt / args.n * 1e6:6.1f} us/row)")

    run("check (one at a time, dicts)", lambda: [engine.check(a) for a in dicts[: args.n]])
    run("check_many (dicts)", lambda: engine.check_many(dicts, threads=args.threads))
    run("check_many (JSON strings)", lambda: engine.check_many(texts, threads=args.threads))
    try:
        import pyarrow as pa

        table = pa.table({"application": texts})
        run("check_arrow (pyarrow strings)", lambda: engine.check_arrow(table, threads=args.threads))
    except ImportError:
        pass
    names = [f"site{i}.example.com.cn" for i in range(args.n)]
    run("check_domains (list of str)", lambda: engine.check_domains(names, threads=args.threads))


if __name__ == "__main__":
    main()
