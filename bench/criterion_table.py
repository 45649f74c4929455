#!/usr/bin/env python3
"""The medians of the criterion benches (target/criterion/**/new/estimates.json) as a Markdown
table, with the Rust targets of ../shared/DESIGN.md.

    bench/criterion_table.py [target/criterion]

Run `cargo bench -p beiancheck --bench engine` and `cargo bench -p beiancheck-ffi --bench abi`
first (bench/run.sh does). Used by bench/compare.py for docs/BENCHMARKS.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def load(root: Path) -> dict:
    """full_id -> (median ns, [low, high] of the median's confidence interval ns, elements or None)."""
    out = {}
    for bj in root.glob("**/new/benchmark.json"):
        meta = json.loads(bj.read_text())
        est = json.loads((bj.parent / "estimates.json").read_text())
        m = est["median"]
        tp = meta.get("throughput") or {}
        out[meta["full_id"]] = (m["point_estimate"], (m["confidence_interval"]["lower_bound"], m["confidence_interval"]["upper_bound"]),
                                tp.get("Elements"))
    return out


def human(ns: float) -> str:
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.0f} ns"


def markdown(root: Path):
    """(markdown table, [(target label, measured, 'met'/'not met')])."""
    if not root.exists():
        return "No criterion results (target/criterion missing): run without `--no-rust`.\n", []
    b = load(root)
    rows, targets = [], []

    def get(fid):
        return b.get(fid)

    L = ["| benchmark (criterion full id) | median | per element | 95% CI of the median |", "|---|---:|---:|---|"]
    for fid in sorted(b):
        ns, (lo, hi), el = b[fid]
        per = human(ns / el) if el else ""
        L.append(f"| `{fid}` | {human(ns)} | {per} | {human(lo)} – {human(hi)} |")
    L.append("")

    d = get("domain/check_domain mix (per batch of 16)")
    if d:
        per = d[0] / 16
        targets.append(("Rust domain check ≤ 1 µs per domain", f"{human(per)} (mix of 16, core/benches/engine.rs)", "met" if per <= 1000 else "not met"))
    for n in (1, 3):
        a = get(f"application/json_in_json_out/{n}")
        if a:
            targets.append((f"Rust application JSON → JSON ≤ 20 µs ({n} website{'s' if n > 1 else ''})", human(a[0]),
                            "met" if a[0] <= 20_000 else "not met"))
    p = get("pack_load")
    if p:
        targets.append(("Rule pack load ≤ 10 ms (reload, same PSL: the parsed list is reused)", human(p[0]), "met" if p[0] <= 10e6 else "not met"))
    c = get("pack_load_cold")
    if c:
        targets.append(("Rule pack load ≤ 10 ms (cold: first load in a process, PSL parsed)", human(c[0]), "met" if c[0] <= 10e6 else "not met"))
    t1, t2 = get("check_many_100k/threads/1"), get("check_many_100k/threads/2")
    if t1:
        s = f"1 thread {human(t1[0] / 100_000)}/app"
        if t2:
            s += f", 2 threads {human(t2[0] / 100_000)}/app (speed-up {t1[0] / t2[0]:.2f}×)"
        targets.append(("check_many 100k (Rust, for reference)", s, "—"))
    core = get("abi_vs_core_3_websites/core check_json + to_json")
    ffi = get("abi_vs_core_3_websites/beian_check_json + beian_buf_free")
    if core and ffi:
        ov = (ffi[0] / core[0] - 1) * 100
        targets.append(("C ABI overhead ≤ 10 %", f"{ov:+.1f} % ({human(ffi[0])} vs {human(core[0])})", "met" if ov <= 10 else "not met"))
    return "\n".join(L), targets


if __name__ == "__main__":
    md, t = markdown(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "target" / "criterion")
    print(md)
    for row in t:
        print(" | ".join(row))
