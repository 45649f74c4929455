#!/usr/bin/env python3
"""Identity numbers: beiancheck's check_ids against python-stdnum (stdnum.cn.ric,
stdnum.cn.uscc) and id-validator, on the same generated values, in one run.

    bench/ids.sh [--n 1000000] [--reps 3] [--out docs/BENCHMARKS.md]

(bench/ids.sh builds the release wheel and installs the peers into bench/.venv, then runs this
from bench/.) Writes the "Identity numbers" section of docs/BENCHMARKS.md between its markers
and leaves the rest of the file alone.

* Values are generated once (fixed seed): resident IDs with real area codes (id-validator checks
  the whole 6-digit area against its own table), 1960–1999 births, about 80 % valid and 20 %
  broken (check digit, impossible date, length, a letter); credit codes likewise (check char).
* Before timing, every peer's valid/invalid answer is compared with beiancheck's on all values:
  timings of implementations that disagree would be meaningless; disagreements are printed.
* Each implementation runs ``--reps`` times in this process; the median is reported. The peers
  are per-value Python calls; beiancheck is one call per column (Arrow in, Arrow out), on all
  cores and on one thread, and from a Python list (list of dicts out) for comparison.

Benchmarks are never pass/fail tests; the machine is shared, so compare ratios, not absolutes.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import platform
import random
import re
import statistics
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = 20261202
AS_OF = "2026-12-02"
START, END = "<!-- ids:start -->", "<!-- ids:end -->"

# Real GB/T 2260 county-level areas (known to id-validator's table and to every province list).
AREAS = ["110101", "110105", "120101", "130102", "210102", "310104", "310115", "320102", "330106", "340102",
         "350102", "370102", "410102", "420102", "430102", "440106", "440305", "450102", "500103", "510107",
         "530102", "610102", "620102", "650102"]
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_MAP = "10X98765432"
CC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def resident_ids(n: int, rng: random.Random) -> list:
    out = []
    for _ in range(n):
        birth = _dt.date(1960, 1, 1) + _dt.timedelta(days=rng.randrange(0, 365 * 40))
        body = f"{rng.choice(AREAS)}{birth:%Y%m%d}{rng.randrange(0, 1000):03d}"
        check = ID_MAP[sum(int(c) * w for c, w in zip(body, ID_WEIGHTS)) % 11]
        r = rng.random()
        if r < 0.80:
            out.append(body + check)
        elif r < 0.90:  # wrong check digit
            out.append(body + ID_MAP[(ID_MAP.index(check) + 1 + rng.randrange(10)) % 11])
        elif r < 0.95:  # 30 February, with a matching check digit
            body = body[:10] + "0230" + body[14:]
            out.append(body + ID_MAP[sum(int(c) * w for c, w in zip(body, ID_WEIGHTS)) % 11])
        elif r < 0.98:  # 15-digit legacy / truncated
            out.append((body + check)[:15])
        else:  # a letter inside
            out.append(body[:5] + "A" + body[6:] + check)
    return out


def credit_codes(n: int, rng: random.Random) -> list:
    out = []
    for _ in range(n):
        body = rng.choice(["91", "92", "93", "12", "52"]) + rng.choice(AREAS)
        body += "".join(rng.choice(CC_CHARS) for _ in range(9))
        c = (31 - sum(CC_CHARS.index(ch) * w for ch, w in zip(body, CC_WEIGHTS)) % 31) % 31
        if rng.random() < 0.8:
            out.append(body + CC_CHARS[c])
        else:
            out.append(body + CC_CHARS[(c + 1 + rng.randrange(30)) % 31])
    return out


def timed(fn, reps: int):
    times, result = [], None
    for _ in range(reps):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "docs" / "BENCHMARKS.md"))
    ap.add_argument("--command", default="bench/ids.sh")
    a = ap.parse_args()

    import pyarrow as pa
    import stdnum.cn.ric as ric
    import stdnum.cn.uscc as uscc
    from id_validator import validator

    import beiancheck

    e = beiancheck.Engine()
    rng = random.Random(SEED)
    t0 = time.perf_counter()
    ids, codes = resident_ids(a.n, rng), credit_codes(a.n, rng)
    ids_arrow, codes_arrow = pa.array(ids, pa.string()), pa.array(codes, pa.string())
    print(f"generated {a.n:,} resident IDs and {a.n:,} credit codes in {time.perf_counter() - t0:.1f} s", file=sys.stderr)

    def ours(values, kind, threads=None):
        return e.check_ids(values, kind=kind, as_of=AS_OF, threads=threads)

    # Agreement first, on every value.
    ours_ids = ours(ids_arrow, "resident_id").column("valid").to_pylist()
    ours_codes = ours(codes_arrow, "credit_code").column("valid").to_pylist()
    agree = []
    for name, theirs, mine, values in (
        ("stdnum.cn.ric.is_valid", [ric.is_valid(v) for v in ids], ours_ids, ids),
        ("id_validator.validator.is_valid", [bool(validator.is_valid(v)) for v in ids], ours_ids, ids),
        ("stdnum.cn.uscc.is_valid", [uscc.is_valid(v) for v in codes], ours_codes, codes),
    ):
        diff = [v for v, x, y in zip(values, theirs, mine) if x != y]
        agree.append((name, len(values) - len(diff), len(values), diff[:3]))
        print(f"agreement with {name}: {len(values) - len(diff):,}/{len(values):,} {diff[:3]}", file=sys.stderr)
    valid_share = sum(ours_ids) / len(ours_ids)

    rows = []  # (section, implementation, seconds)

    def run(section, label, fn):
        s, _ = timed(fn, a.reps)
        rows.append((section, label, s))
        print(f"{section:<14} {label:<58} {s:8.3f} s  {a.n / s / 1e6:6.2f} M/s", file=sys.stderr)

    rid, cc = "resident IDs", "credit codes"
    run(rid, "beiancheck `check_ids(pa.array, kind=\"resident_id\")`, all cores", lambda: ours(ids_arrow, "resident_id"))
    run(rid, "beiancheck `check_ids(pa.array, …, threads=1)`", lambda: ours(ids_arrow, "resident_id", 1))
    run(rid, "beiancheck `check_ids(list)` → list of dicts", lambda: ours(ids, "resident_id"))
    run(rid, "python-stdnum `[stdnum.cn.ric.is_valid(v) for v in values]`", lambda: [ric.is_valid(v) for v in ids])
    run(rid, "id-validator `[validator.is_valid(v) for v in values]`", lambda: [validator.is_valid(v) for v in ids])
    run(rid, "id-validator `[validator.get_info(v) for v in values]` (facts)", lambda: [validator.get_info(v) for v in ids])
    run(cc, "beiancheck `check_ids(pa.array, kind=\"credit_code\")`, all cores", lambda: ours(codes_arrow, "credit_code"))
    run(cc, "beiancheck `check_ids(pa.array, …, threads=1)`", lambda: ours(codes_arrow, "credit_code", 1))
    run(cc, "python-stdnum `[stdnum.cn.uscc.is_valid(v) for v in values]`", lambda: [uscc.is_valid(v) for v in codes])

    versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("beiancheck", "python-stdnum", "id-validator", "pyarrow"))
    base = {sec: s for sec, label, s in rows if label.endswith("all cores")}
    md = [START, "## Identity numbers", ""]
    md.append(
        f"Generated by `{a.command}` (bench/ids.py) on {_dt.datetime.now(_dt.timezone.utc):%Y-%m-%d %H:%M} UTC; "
        f"{a.n:,} resident IDs and {a.n:,} credit codes (seed {SEED}, {valid_share:.0%} of the IDs valid), the same "
        f"values for every implementation; median of {a.reps} runs in one process; {versions}; "
        f"Python {platform.python_version()}, {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} CPUs."
    )
    md.append("")
    md.append("beiancheck answers more per value than the peers' `is_valid` (reason code, position, messages, normalised "
              "form, birth date, sex, age, province; organisation class), one call per column, Arrow out; the peers are "
              "one Python call per value. Ratio = peer time / beiancheck (all cores) time.")
    md.append("")
    md.append("| values | implementation | time (s) | values/s | ratio |")
    md.append("|---|---|---:|---:|---:|")
    for sec, label, s in rows:
        md.append(f"| {sec} | {label} | {s:.3f} | {a.n / s:,.0f} | {s / base[sec]:.1f}× |")
    md.append("")
    md.append("Agreement on valid/invalid, checked on every value before timing:")
    md.append("")
    for name, ok, total, diff in agree:
        extra = f" (first: {', '.join(diff)})" if diff else ""
        md.append(f"- {name}: {ok:,} of {total:,} the same{extra}")
    md.append(END)
    block = "\n".join(md) + "\n"

    out = Path(a.out)
    text = out.read_text(encoding="utf-8") if out.exists() else "# Benchmarks\n"
    if START in text:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END) + "\n?", lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + block
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
