#!/usr/bin/env python3
"""The acceptance cases for the C face (stdlib only).

  cases.py extract CASES_DIR OUT_DIR
      writes OUT_DIR/NNN.json: the application of each case NNN.json
  cases.py judge CASES_DIR PENDING_TXT C_REPORTS REFERENCE_REPORTS
      every report the C program wrote must equal the Rust core's byte for byte, and must meet
      its case's expectations exactly as cli/tests/cases.rs `violations()` decides; a case
      listed in PENDING_TXT must fail, an unlisted one must pass (as the Rust runner holds it).
"""
import json
import os
import sys


def cases(cases_dir):
    out = []
    for name in sorted(os.listdir(cases_dir)):
        if name.endswith(".json"):
            with open(os.path.join(cases_dir, name), encoding="utf-8") as f:
                out.append((name[:-5], json.load(f)))
    if len(out) < 32:
        sys.exit(f"expected the shared acceptance cases in {cases_dir}, found {len(out)}")
    return out


def pending(path):
    listed = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                parts = line.split(None, 1)
                listed[parts[0]] = parts[1] if len(parts) > 1 else ""
    return listed


def violations(report, expect):
    """A line-for-line port of violations() in cli/tests/cases.rs."""
    v = []
    codes = [f["code"] for f in report["findings"]]
    verdict = report["verdict"]
    if isinstance(expect.get("verdict"), str) and verdict != expect["verdict"]:
        v.append(f"verdict {verdict}, want {expect['verdict']}")
    if isinstance(expect.get("verdict_in"), list) and verdict not in expect["verdict_in"]:
        v.append(f"verdict {verdict}, want one of {expect['verdict_in']}")
    if isinstance(expect.get("filing_type"), str) and report.get("filing_type") != expect["filing_type"]:
        v.append(f"filing_type {report.get('filing_type')}, want {expect['filing_type']}")
    for c in expect.get("codes") or []:
        if c not in codes:
            v.append(f"missing code {c}")
    for group in expect.get("any_of") or []:
        if not any(c in codes for c in group):
            v.append(f"none of {group}")
    for c in expect.get("absent") or []:
        if c in codes:
            v.append(f"unexpected code {c}")
    if expect.get("no_errors") is True:
        for f in report["findings"]:
            if f["severity"] == "error":
                v.append(f"unexpected error {f['code']} at {f['path']}")
    materials = report["materials"]
    for m in expect.get("materials") or []:
        if not any(x.get("code") == m for x in materials):
            v.append(f"missing material {m}")
    for z in expect.get("materials_zh") or []:
        if not any(z in ((x.get("name") or {}).get("zh") or "") for x in materials):
            v.append(f"no material named like {z}")
    return v


def extract(cases_dir, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for cid, case in cases(cases_dir):
        with open(os.path.join(out_dir, cid + ".json"), "w", encoding="utf-8") as f:
            json.dump(case["application"], f, ensure_ascii=False, separators=(",", ":"))


def judge(cases_dir, pending_txt, c_dir, ref_dir):
    listed = pending(pending_txt)
    problems = []
    ids = []
    for cid, case in cases(cases_dir):
        ids.append(cid)
        try:
            with open(os.path.join(c_dir, cid + ".json"), "rb") as f:
                c_bytes = f.read()
        except OSError as e:
            problems.append(f"c: case {cid}: no report from the C program ({e})")
            continue
        with open(os.path.join(ref_dir, cid + ".json"), "rb") as f:
            if f.read() != c_bytes:
                problems.append(f"c: case {cid}: the C report differs from the core's Report::to_json()")
        bad = violations(json.loads(c_bytes), case["expect"])
        if cid not in listed and bad:
            problems.append(f"c: case {cid} fails: {'; '.join(bad)}")
        if cid in listed and not bad:
            problems.append(f"c: case {cid} passes now: remove it from tests/cases_pending.txt")
    for cid in listed:
        if cid not in ids:
            problems.append(f"tests/cases_pending.txt lists {cid}, which is not a case")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)
    print(f"c: {len(ids)} cases: every report byte-identical to the core's; "
          f"{len(ids) - len(listed)} hold, {len(listed)} pending fail as listed")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "extract":
        extract(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 6 and sys.argv[1] == "judge":
        judge(*sys.argv[2:])
    else:
        sys.exit(__doc__)
