#!/usr/bin/env python3
"""The acceptance cases for the C face (stdlib only).

  cases.py extract CASES_DIR OUT_DIR
      writes OUT_DIR/NNN.json: the application of each case NNN.json
  cases.py selftest
      refuses every malformed expectation of tests/expectations.json, accepts the well-formed
  cases.py judge CASES_DIR PENDING_TXT C_REPORTS REFERENCE_REPORTS
      every report the C program wrote must equal the Rust core's byte for byte, and must meet
      its case's expectations exactly as cli/tests/cases.rs `violations()` decides; a case
      listed in PENDING_TXT must fail, an unlisted one must pass (as the Rust runner holds it).
"""
import json
import os
import sys


def cases(cases_dir):
    known = catalogue_codes()
    out = []
    for name in sorted(os.listdir(cases_dir)):
        if name.endswith(".json"):
            with open(os.path.join(cases_dir, name), encoding="utf-8") as f:
                case = json.load(f)
            bad = expectation_problems(case.get("expect"), known)
            if bad:
                sys.exit(f"{name}: malformed expect: {'; '.join(bad)}")
            out.append((name[:-5], case))
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


REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VERDICTS = ("eligible", "ineligible", "needs_review")
FILING_TYPES = ("first_filing", "new_website_no_subject", "access_filing", "new_website_with_subject", "access_with_subject")


def catalogue_codes():
    with open(os.path.join(REPO, "core", "rules", "catalogue.json"), encoding="utf-8") as f:
        return [c["code"] for c in json.load(f)["codes"]]


def expectation_problems(expect, known):
    """Why `expect` cannot be held to (empty = well-formed): the rules of
    tests/expectations.json, as expectation_problems() in cli/tests/common decides."""
    if not isinstance(expect, dict):
        return ["expect must be an object, not %r" % (expect,)]
    v = [] if expect else ["expect: {} asserts nothing"]

    def code_list(x):
        return isinstance(x, list) and len(x) > 0 and all(isinstance(c, str) and c in known for c in x)

    def checklist(m):
        return isinstance(m, str) and m[:1].isascii() and m[:1].isupper() and all(
            c.isascii() and (c.isupper() or c.isdigit() or c == "_") for c in m)

    checks = {
        "verdict": lambda x: isinstance(x, str) and x in VERDICTS,
        "verdict_in": lambda x: isinstance(x, list) and len(x) > 0 and all(isinstance(s, str) and s in VERDICTS for s in x),
        "filing_type": lambda x: isinstance(x, str) and x in FILING_TYPES,
        "codes": code_list,
        "absent": code_list,
        "any_of": lambda x: isinstance(x, list) and len(x) > 0 and all(code_list(g) for g in x),
        "no_errors": lambda x: x is True,
        "materials": lambda x: isinstance(x, list) and len(x) > 0 and all(checklist(m) for m in x),
        "materials_zh": lambda x: isinstance(x, list) and len(x) > 0 and all(isinstance(z, str) and z for z in x),
    }
    for key, x in expect.items():
        if key not in checks:
            v.append("unknown key %r" % key)
        elif not checks[key](x):
            v.append("%s: ill-typed or empty: %r" % (key, x))
    if isinstance(expect.get("codes"), list) and isinstance(expect.get("absent"), list):
        for c in expect["codes"]:
            if c in expect["absent"]:
                v.append("%s is both in codes and in absent" % (c,))
    return v


def violations(report, expect):
    """A line-for-line port of violations() in cli/tests/common; the expectation must be
    well-formed (cases() refuses the others)."""
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


def selftest():
    """Every malformed expectation of tests/expectations.json is refused, every well-formed one
    accepted (the Rust and Python runners are held to the same file)."""
    with open(os.path.join(REPO, "tests", "expectations.json"), encoding="utf-8") as f:
        spec = json.load(f)
    known = catalogue_codes()
    wrong = [f"accepted: {m['expect']!r} ({m['why']})" for m in spec["malformed"] if not expectation_problems(m["expect"], known)]
    wrong += [f"refused: {w!r}" for w in spec["well_formed"] if expectation_problems(w, known)]
    if wrong or len(spec["malformed"]) < 20:
        sys.exit("\n".join(wrong) or "tests/expectations.json: too few malformed expectations")
    print(f"c runner: {len(spec['malformed'])} malformed expectations refused, {len(spec['well_formed'])} well-formed accepted")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "extract":
        extract(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 6 and sys.argv[1] == "judge":
        judge(*sys.argv[2:])
    elif len(sys.argv) == 2 and sys.argv[1] == "selftest":
        selftest()
    else:
        sys.exit(__doc__)
