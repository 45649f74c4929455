"""Reliability through Python: the hostile corpus (tests/hostile/), input limits, and pack
swaps while other threads check."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import beiancheck
from conftest import REPO


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile")
    subprocess.run([sys.executable, str(REPO / "tests" / "hostile" / "materialize.py"), str(out)], check=True)
    rows = []
    for line in (out / "list.tsv").read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        assert len(fields) == 6, f"list.tsv: want 6 tab-separated fields: {line!r}"
        name, expect, codes, verdict, last, where = fields
        pos = tuple(int(x) for x in where.split(":")) if where != "-" else None
        rows.append((name, (out / name).read_bytes(), expect, [c for c in codes.split(",") if c], verdict, last, pos))
    assert len(rows) >= 20
    return rows


def test_every_hostile_input_gets_its_answer(hostile):
    engine = beiancheck.Engine()
    for name, data, expect, codes, verdict, last, pos in hostile:
        if expect == "report":
            report = engine.check(data)
            for c in codes:
                assert c in report.codes, (name, report.codes)
            if verdict != "-":
                assert report.verdict == verdict, (name, report.verdict, report.codes)
            if last == "none":
                assert report.codes == [], (name, report.codes)
        else:
            with pytest.raises(beiancheck.InputError) as e:
                engine.check(data)
            assert e.value.code == expect, (name, e.value.code, e.value.message)
            # The same line and column as the CLI and C give (the core's answer); a JSON string
            # gets the same answer as the bytes.
            if pos is not None:
                assert (e.value.line, e.value.column) == pos, (name, e.value.line, e.value.column, e.value.message)
                if b"\xff" not in data:
                    with pytest.raises(beiancheck.InputError) as e2:
                        engine.check(data.decode("utf-8"))
                    assert (e2.value.code, e2.value.line, e2.value.column) == (expect, *pos), name


def test_hostile_rows_in_bulk_keep_their_places(hostile):
    engine = beiancheck.Engine()
    rows = [data.decode("utf-8", errors="replace") if i % 2 else data for i, (_, data, *_) in enumerate(hostile)]
    results = engine.check_many(rows)
    assert len(results) == len(rows)
    for i, (r, (name, _, expect, *_)) in enumerate(zip(results, hostile)):
        if r.is_error:
            assert r.index == i
        # Rows passed as bytes get their manifest answer in bulk too (decoded ones may differ:
        # the replacement character makes invalid UTF-8 valid).
        if i % 2 == 0:
            assert r.is_error == (expect != "report") and (not r.is_error or r.code == expect), (name, r)


def test_limits_are_configurable_and_named():
    engine = beiancheck.Engine()
    app = {"province": "SH", "subject": {"kind": "individual", "name": "abcdefghijklmnopq"}, "websites": []}
    # Under the default limits a report: the subject's certificate and the resources are
    # unknown, so it is needs_review with FACT_MISSING, and no limit is breached.
    r = engine.check(app)
    assert (r.verdict, sorted(set(r.codes))) == ("needs_review", ["FACT_MISSING"]), (r.verdict, r.codes)
    strict = engine.with_limits(max_string_chars=12)
    assert strict.limits["max_string_chars"] == 12 and strict.limits["max_websites"] == engine.limits["max_websites"]
    with pytest.raises(beiancheck.InputError) as e:
        strict.check(app)
    assert e.value.code == "INPUT_LIMIT_EXCEEDED" and "max_string_chars" in e.value.message and e.value.path == "subject.name"
    with pytest.raises(beiancheck.InputError):
        engine.with_limits(max_widgets=3)


def _pack(version: str) -> bytes:
    """The embedded pack as `version`; "B" also approves .io, so the example (guangying.io)
    gets other findings under it and a report mixing the two packs shows."""
    pack = json.loads(beiancheck.Engine().pack_bytes())
    pack["meta"]["version"] = version
    if version == "B":
        pack["tlds"]["not_approved"] = [t for t in pack["tlds"]["not_approved"] if t["tld"] != "io"]
        pack["tlds"]["approved"].append({"tld": "io", "unicode": "io", "status": "approved", "since": "2026-01-01", "source": "domain/tlds.json (test: pack B approves .io)"})
    return json.dumps(pack, ensure_ascii=False).encode("utf-8")


def test_swap_pack_while_threads_check():
    engine = beiancheck.Engine()
    a, b = _pack("A"), _pack("B")
    app = (REPO / "examples" / "rejected-personal-forum.json").read_text(encoding="utf-8")
    assert engine.swap_pack(b) == "B"
    want_b = engine.check(app).codes
    assert engine.swap_pack(a) == "A"
    want_a = engine.check(app).codes
    assert "DOMAIN_TLD_NOT_APPROVED" in want_a and "DOMAIN_TLD_NOT_APPROVED" not in want_b, (want_a, want_b)
    want = {"A": want_a, "B": want_b}
    stop = threading.Event()
    seen, problems = set(), []

    def worker():
        while not stop.is_set():
            for r in engine.check_many([app] * 20):
                v = r.rules["version"]
                seen.add(v)
                # Every report comes whole from one pack: its version and its findings agree.
                if v not in want or r.codes != want[v]:
                    problems.append((v, r.codes))

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for i in range(8):
        assert engine.swap_pack(b if i % 2 == 0 else a) in ("A", "B")
        with pytest.raises(beiancheck.PackError):
            engine.swap_pack(b'{"format": 1}')
    stop.set()
    for t in threads:
        t.join()
    assert not problems
    assert seen <= {"A", "B"} and seen
    # The last good swap installed A; the refused packs after it changed nothing.
    assert engine.version == "A"
