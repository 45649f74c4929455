"""Every shared acceptance case through check (dict and JSON), check_many and check_iter, held to
tests/cases_pending.txt exactly as cli/tests/cases.rs holds the core and the CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import beiancheck
from conftest import REPO, expectation_problems, judge, shared, violations


def test_every_case_through_check_dict(engine, cases):
    judge("python check(dict)", [(cid, violations(engine.check(c["application"]).to_dict(), c["expect"])) for cid, c in cases])


def test_every_case_through_check_json(engine, cases):
    results = []
    for cid, c in cases:
        report = engine.check(json.dumps(c["application"], ensure_ascii=False))
        # The dict-like object answers like the JSON it serialises to.
        as_json = json.loads(report.to_json())
        assert as_json == report.to_dict()
        assert [f["code"] for f in report["findings"]] == [f["code"] for f in as_json["findings"]]
        results.append((cid, violations(as_json, c["expect"])))
    judge("python check(str)", results)


def test_every_case_through_check_many(engine, cases):
    rows = [c["application"] for _, c in cases] + [json.dumps(c["application"]) for _, c in cases]
    results = engine.check_many(rows, threads=2)
    assert len(results) == 2 * len(cases)
    n = len(cases)
    for i, (cid, _) in enumerate(cases):
        assert results[i].to_json() == results[n + i].to_json(), f"case {cid}: dict and JSON string disagree"
    judge("python check_many", [(cid, violations(results[i].to_dict(), c["expect"])) for i, (cid, c) in enumerate(cases)])


def test_every_case_through_check_iter_one_thread(engine, cases):
    results = list(engine.check_iter((c["application"] for _, c in cases), threads=1, chunk_size=5))
    assert len(results) == len(cases), f"check_iter gave {len(results)} results for {len(cases)} cases"
    judge("python check_iter", [(cid, violations(r.to_dict(), c["expect"])) for r, (cid, c) in zip(results, cases)])


def test_malformed_expectations_are_refused():
    """The runner refuses every malformed expectation of tests/expectations.json (as the Rust
    and C runners do) and accepts the well-formed ones."""
    spec = json.loads((REPO / "tests" / "expectations.json").read_text(encoding="utf-8"))
    assert len(spec["malformed"]) >= 20
    for m in spec["malformed"]:
        assert expectation_problems(m["expect"]), f"accepted: {m['expect']!r} ({m['why']})"
    for w in spec["well_formed"]:
        assert expectation_problems(w) == [], w
    report = {"verdict": "eligible", "filing_type": None, "findings": [], "materials": []}
    with pytest.raises(AssertionError, match="malformed expectation"):
        violations(report, {"absent": ["DOMAIN_INVALD"]})
    with pytest.raises(AssertionError, match="results for"):
        judge("a lost result", [])


def test_malformed_case_raises_input_error_with_line(engine):
    text = (shared() / "cases" / "malformed.txt").read_text(encoding="utf-8")
    with pytest.raises(beiancheck.InputError) as info:
        engine.check(text)
    e = info.value
    assert (e.code, e.line) == ("INPUT_MALFORMED", 2)
    assert isinstance(e, beiancheck.BeiancheckError)
    assert "line 2" in str(e)
    [r] = engine.check_many([text])
    assert r.is_error and r.verdict is None and (r.code, r.line, r.index) == ("INPUT_MALFORMED", 2, 0)


def _cli() -> Path:
    """BEIANCHECK_CLI first; then the debug build scripts/test.sh has just made (a release
    binary lying around may be older than the wheel). With neither, the debug build is made
    here: the parity test never skips (cargo missing fails it, with the reason)."""
    env = os.environ.get("BEIANCHECK_CLI")
    if env:
        assert Path(env).is_file(), f"BEIANCHECK_CLI={env} is not a file"
        return Path(env)
    p = REPO / "target" / "debug" / "beiancheck"
    if not p.exists():
        cargo = shutil.which("cargo")
        assert cargo, "the beiancheck CLI is not built and cargo is not on PATH to build it (cargo build -p beiancheck-cli)"
        subprocess.run([cargo, "build", "-q", "--locked", "-p", "beiancheck-cli"], cwd=REPO, check=True)
    assert p.exists(), f"cargo build -p beiancheck-cli did not make {p}"
    return p


def test_to_json_is_byte_identical_to_the_cli(engine, cases, tmp_path):
    """`beiancheck check --json` prints the core's Report::to_json_pretty(); the wheel's
    to_json(pretty=True) must be the same bytes, and to_json() the same document."""
    cli = _cli()
    for cid, c in cases[:8]:
        f = tmp_path / f"{cid}.json"
        f.write_text(json.dumps(c["application"], ensure_ascii=False), encoding="utf-8")
        out = subprocess.run([str(cli), "check", "--json", str(f)], capture_output=True, check=False)
        report = engine.check(c["application"])
        assert out.returncode == (1 if report.verdict == "ineligible" else 0), (cid, out.stderr)
        assert out.stdout.strip() == report.to_json(pretty=True).encode(), cid
        assert json.loads(out.stdout) == json.loads(report.to_json()), cid
