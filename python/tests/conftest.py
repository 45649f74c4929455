"""Shared fixtures: the engine, the acceptance cases and their expectation rules (the same as
cli/tests/cases.rs), and the findings table check_arrow must produce for check_many's results."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

import beiancheck

REPO = Path(__file__).resolve().parents[2]


def shared() -> Path:
    env = os.environ.get("BEIANCHECK_SHARED")
    return Path(env) if env else REPO.parent / "shared"


VERDICTS = ("eligible", "ineligible", "needs_review")
FILING_TYPES = ("first_filing", "new_website_no_subject", "access_filing", "new_website_with_subject", "access_with_subject")


def catalogue_codes() -> List[str]:
    cat = json.loads((REPO / "core" / "rules" / "catalogue.json").read_text(encoding="utf-8"))
    return [c["code"] for c in cat["codes"]]


def _is_code_list(x: Any, known: List[str]) -> bool:
    return isinstance(x, list) and len(x) > 0 and all(isinstance(c, str) and c in known for c in x)


def _is_checklist_code(m: Any) -> bool:
    return isinstance(m, str) and m[:1].isascii() and m[:1].isupper() and all(c.isascii() and (c.isupper() or c.isdigit() or c == "_") for c in m)


def expectation_problems(expect: Any, known: "List[str] | None" = None) -> List[str]:
    """Why `expect` cannot be held to (empty = well-formed), by the rules of
    tests/expectations.json, as cli/tests/common `expectation_problems` decides."""
    known = catalogue_codes() if known is None else known
    if not isinstance(expect, dict):
        return [f"expect must be an object, not {expect!r}"]
    v: List[str] = []
    if not expect:
        v.append("expect: {} asserts nothing")
    for key, x in expect.items():
        if key == "verdict":
            ok = isinstance(x, str) and x in VERDICTS
        elif key == "verdict_in":
            ok = isinstance(x, list) and len(x) > 0 and all(isinstance(s, str) and s in VERDICTS for s in x)
        elif key == "filing_type":
            ok = isinstance(x, str) and x in FILING_TYPES
        elif key in ("codes", "absent"):
            ok = _is_code_list(x, known)
        elif key == "any_of":
            ok = isinstance(x, list) and len(x) > 0 and all(_is_code_list(g, known) for g in x)
        elif key == "no_errors":
            ok = x is True
        elif key == "materials":
            ok = isinstance(x, list) and len(x) > 0 and all(_is_checklist_code(m) for m in x)
        elif key == "materials_zh":
            ok = isinstance(x, list) and len(x) > 0 and all(isinstance(z, str) and z for z in x)
        else:
            v.append(f"unknown key {key!r}")
            continue
        if not ok:
            v.append(f"{key}: ill-typed or empty: {x!r}")
    both = set(expect.get("codes") or []) & set(expect.get("absent") or []) if isinstance(expect.get("codes"), list) and isinstance(expect.get("absent"), list) else set()
    for c in sorted(map(str, both)):
        v.append(f"{c} is both in codes and in absent")
    return v


def load_cases() -> List[Tuple[str, Dict[str, Any]]]:
    d = shared() / "cases"
    files = sorted(d.glob("*.json"))
    assert len(files) >= 32, f"expected the shared acceptance cases at {d} (set BEIANCHECK_SHARED), found {len(files)}"
    known = catalogue_codes()
    out = []
    for p in files:
        case = json.loads(p.read_text(encoding="utf-8"))
        bad = expectation_problems(case.get("expect"), known)
        assert not bad, f"{p}: malformed expect: {'; '.join(bad)}"
        out.append((p.stem, case))
    return out


def pending() -> Dict[str, str]:
    p = REPO / "tests" / "cases_pending.txt"
    out: Dict[str, str] = {}
    if p.exists():
        for line in p.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 1)
            out[parts[0]] = parts[1] if len(parts) > 1 else ""
    return out


def violations(report: Dict[str, Any], expect: Dict[str, Any]) -> List[str]:
    """Every way the report fails the case's expectations (cli/tests/common `violations`); a
    malformed expectation is refused, not judged."""
    bad = expectation_problems(expect)
    assert not bad, f"malformed expectation {expect!r}: {'; '.join(bad)}"
    v: List[str] = []
    codes = [f["code"] for f in report["findings"]]
    verdict = report["verdict"]
    if "verdict" in expect and verdict != expect["verdict"]:
        v.append(f"verdict {verdict}, want {expect['verdict']}")
    if "verdict_in" in expect and verdict not in expect["verdict_in"]:
        v.append(f"verdict {verdict}, want one of {expect['verdict_in']}")
    if "filing_type" in expect and report["filing_type"] != expect["filing_type"]:
        v.append(f"filing_type {report['filing_type']}, want {expect['filing_type']}")
    for c in expect.get("codes", []):
        if c not in codes:
            v.append(f"missing code {c}")
    for group in expect.get("any_of", []):
        if not any(c in codes for c in group):
            v.append(f"none of {group}")
    for c in expect.get("absent", []):
        if c in codes:
            v.append(f"unexpected code {c}")
    if expect.get("no_errors") is True:
        for f in report["findings"]:
            if f["severity"] == "error":
                v.append(f"unexpected error {f['code']} at {f['path']}")
    materials = report["materials"]
    for m in expect.get("materials", []):
        if not any(x["code"] == m for x in materials):
            v.append(f"missing material {m}")
    for z in expect.get("materials_zh", []):
        if not any(z in x["name"]["zh"] for x in materials):
            v.append(f"no material named like {z}")
    return v


def judge(face: str, results: List[Tuple[str, List[str]]]) -> None:
    """A listed case must fail, an unlisted one must pass, every listed id must be a case, and
    every case has exactly one result (a lost or doubled result fails)."""
    pend = pending()
    problems = []
    want_ids = [cid for cid, _ in load_cases()]
    got_ids = [cid for cid, _ in results]
    if got_ids != want_ids:
        problems.append(f"{face}: results for {len(got_ids)} cases {got_ids}, want one for each of {want_ids}")
    for cid, bad in results:
        if cid not in pend and bad:
            problems.append(f"{face}: case {cid} fails: {'; '.join(bad)}")
        if cid in pend and not bad:
            problems.append(f"{face}: case {cid} passes now: remove it from tests/cases_pending.txt")
    ids = {cid for cid, _ in results}
    for cid in pend:
        if cid not in ids:
            problems.append(f"tests/cases_pending.txt lists {cid}, which is not a case")
    assert not problems, "\n" + "\n".join(problems)


def expected_findings(results: List[Any]) -> List[Tuple[Any, ...]]:
    """The check_arrow rows that check_many's results stand for (messages of bad rows aside,
    which the table renders from the catalogue)."""
    rows: List[Tuple[Any, ...]] = []
    for i, r in enumerate(results):
        if r.is_error:
            rows.append((i, None, None, r.code, "error", r.path))
        elif not r.findings:
            rows.append((i, r.verdict, r.filing_type, None, None, None))
        else:
            for f in r.findings:
                rows.append((i, r.verdict, r.filing_type, f.code, f.severity, f.path))
    return rows


def table_rows(table: Any) -> List[Tuple[Any, ...]]:
    d = table.to_pydict()
    keys = ["row", "verdict", "filing_type", "code", "severity", "path"]
    return list(zip(*(d[k] for k in keys)))


def full_rows(results: List[Any]) -> List[Tuple[Any, ...]]:
    """As expected_findings, with the messages of reports (bad rows: None)."""
    rows: List[Tuple[Any, ...]] = []
    for i, r in enumerate(results):
        if r.is_error:
            rows.append((i, None, None, r.code, "error", r.path, None, None))
        elif not r.findings:
            rows.append((i, r.verdict, r.filing_type, None, None, None, None, None))
        else:
            for f in r.findings:
                rows.append((i, r.verdict, r.filing_type, f.code, f.severity, f.path, f.message_zh, f.message_en))
    return rows


@pytest.fixture(scope="session")
def engine() -> beiancheck.Engine:
    return beiancheck.Engine()


@pytest.fixture(scope="session")
def cases() -> List[Tuple[str, Dict[str, Any]]]:
    return load_cases()


@pytest.fixture(scope="session")
def apps(cases: List[Tuple[str, Dict[str, Any]]]) -> List[Dict[str, Any]]:
    return [c["application"] for _, c in cases]


def pytest_report_header(config: Any) -> str:
    return f"beiancheck {beiancheck.__version__} from {Path(beiancheck.__file__).parent}"
