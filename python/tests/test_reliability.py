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
        name, expect, codes, where = (line.split("\t") + ["-", "-"])[:4]
        pos = tuple(int(x) for x in where.split(":")) if where != "-" else None
        rows.append((name, (out / name).read_bytes(), expect, [c for c in codes.split(",") if c and c != "-"], pos))
    return rows


def test_every_hostile_input_gets_its_answer(hostile):
    engine = beiancheck.Engine()
    for name, data, expect, codes, pos in hostile:
        if expect == "report":
            report = engine.check(data)
            for c in codes:
                assert c in report.codes, (name, report.codes)
        else:
            with pytest.raises(beiancheck.InputError) as e:
                engine.check(data)
            assert e.value.code == expect, (name, e.value.code, e.value.message)
            # The same line and column as the CLI and C give (the core's answer).
            if pos is not None:
                assert (e.value.line, e.value.column) == pos, (name, e.value.line, e.value.column, e.value.message)
            # A JSON string and bytes get the same answer.
            if pos is not None and expect == "INPUT_MALFORMED" and b"\xff" not in data:
                with pytest.raises(beiancheck.InputError) as e2:
                    engine.check(data.decode("utf-8"))
                assert (e2.value.code, e2.value.line, e2.value.column) == (expect, *pos), name


def test_hostile_rows_in_bulk_keep_their_places(hostile):
    engine = beiancheck.Engine()
    rows = [data.decode("utf-8", errors="replace") if i % 2 else data for i, (_, data, _, _, _) in enumerate(hostile)]
    results = engine.check_many(rows)
    assert len(results) == len(rows)
    for i, r in enumerate(results):
        if r.is_error:
            assert r.index == i


def test_limits_are_configurable_and_named():
    engine = beiancheck.Engine()
    app = {"province": "SH", "subject": {"kind": "individual", "name": "abcdefghijklmnopq"}, "websites": []}
    assert engine.check(app).verdict in ("ineligible", "needs_review", "eligible")
    strict = engine.with_limits(max_string_chars=12)
    assert strict.limits["max_string_chars"] == 12 and strict.limits["max_websites"] == engine.limits["max_websites"]
    with pytest.raises(beiancheck.InputError) as e:
        strict.check(app)
    assert e.value.code == "INPUT_LIMIT_EXCEEDED" and "max_string_chars" in e.value.message and e.value.path == "subject.name"
    with pytest.raises(beiancheck.InputError):
        engine.with_limits(max_widgets=3)


def _pack(version: str) -> bytes:
    pack = json.loads(beiancheck.Engine().pack_bytes())
    pack["meta"]["version"] = version
    return json.dumps(pack, ensure_ascii=False).encode("utf-8")


def test_swap_pack_while_threads_check():
    engine = beiancheck.Engine()
    a, b = _pack("A"), _pack("B")
    assert engine.swap_pack(a) == "A"
    app = (REPO / "examples" / "rejected-personal-forum.json").read_text(encoding="utf-8")
    want = engine.check(app).codes
    stop = threading.Event()
    seen, problems = set(), []

    def worker():
        while not stop.is_set():
            for r in engine.check_many([app] * 20):
                seen.add(r.rules["version"])
                if r.codes != want:
                    problems.append(r.codes)

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
