"""check_many / check_iter: one result per row, in order, bad rows as ErrorResult; threads;
streaming in bounded memory."""

from __future__ import annotations

import json
import threading

import pytest

import beiancheck
from beiancheck import ErrorResult, Report


def _mixed(apps, n):
    """n rows cycling through good dicts, good JSON strings and every kind of bad row."""
    good_json = [json.dumps(a, ensure_ascii=False) for a in apps]
    kinds = ["dict", "json", "bad_json", "none", "empty", "int", "list", "bytes"]
    rows, kind_of = [], []
    for i in range(n):
        k = kinds[i % len(kinds)]
        a = i % len(apps)
        rows.append(
            {
                "dict": lambda: apps[a],
                "json": lambda: good_json[a],
                "bad_json": lambda: '{"province": "SH",',
                "none": lambda: None,
                "empty": lambda: "",
                "int": lambda: i,
                "list": lambda: [1, 2],
                "bytes": lambda: good_json[a].encode(),
            }[k]()
        )
        kind_of.append((k, a))
    return rows, kind_of


def test_100k_mixed_rows_keep_order_and_count(engine, apps):
    n = 100_000
    rows, kinds = _mixed(apps, n)
    single = {a: engine.check(app).to_json() for a, app in enumerate(apps)}
    results = engine.check_many(rows, threads=2)
    assert len(results) == n
    for i, (r, (k, a)) in enumerate(zip(results, kinds)):
        if k in ("dict", "json", "bytes"):
            assert isinstance(r, Report), (i, k, r)
            assert r.to_json() == single[a], (i, k)
        else:
            assert isinstance(r, ErrorResult), (i, k, r)
            assert r.index == i and r.verdict is None and r.code == "INPUT_MALFORMED", (i, k, r)
            assert r.is_error and r.findings == []
    bad = [r for r in results if r.is_error]
    assert len(bad) == n * 5 // 8


def test_error_rows_say_what_is_wrong(engine):
    res = engine.check_many(['{"a":\n  1,,}', None, 7, "", {"x": float("nan")}, {1: "a"}])
    assert [r.index for r in res] == list(range(6))
    assert (res[0].line, res[0].column) == (2, 5)
    assert "None" in res[1].message and "int" in res[2].message
    assert res[3].line == 1
    assert res[4].path == "x" and "finite" in res[4].message
    assert "key" in res[5].message
    d = res[0].to_dict()
    assert d["index"] == 0 and d["code"] == "INPUT_MALFORMED" and res[0]["line"] == 2


def test_four_python_threads_at_once_match_single_threaded(engine, apps):
    rows, _ = _mixed(apps, 20_000)
    want = [r.to_json() if not r.is_error else (r.index, r.message) for r in engine.check_many(rows, threads=1)]
    got = [None] * 4
    errors = []

    def work(k):
        try:
            res = engine.check_many(rows, threads=2, chunk_size=1000 + 333 * k)
            got[k] = [r.to_json() if not r.is_error else (r.index, r.message) for r in res]
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert not errors, errors
    for k in range(4):
        assert got[k] == want, f"thread {k} differs"


def test_check_iter_is_lazy_and_bounded(engine, apps):
    pulled = 0

    def gen():
        nonlocal pulled
        for i in range(50_000):
            pulled += 1
            yield apps[i % len(apps)]

    it = engine.check_iter(gen(), chunk_size=100, threads=2)
    assert pulled == 0, "nothing is read before the first result is asked for"
    first = next(it)
    assert isinstance(first, Report)
    # One chunk being checked and one converted ahead, never the whole input.
    assert pulled <= 200, pulled
    count = 1 + sum(1 for _ in it)
    assert count == 50_000 and pulled == 50_000
    with pytest.raises(StopIteration):
        next(it)


def test_source_exception_comes_after_the_rows_before_it(engine, apps):
    def gen():
        for i in range(250):
            yield apps[0]
        raise RuntimeError("source broke")

    it = engine.check_iter(gen(), chunk_size=100)
    got = []
    with pytest.raises(RuntimeError, match="source broke"):
        for r in it:
            got.append(r)
    assert len(got) == 250


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_thread_counts_agree(engine, apps, threads):
    rows = [apps[i % len(apps)] for i in range(500)]
    ref = [r.to_json() for r in engine.check_many(rows, threads=1)]
    assert [r.to_json() for r in engine.check_many(rows, threads=threads, chunk_size=64)] == ref


def test_thread_cap_from_environment(engine, apps, monkeypatch):
    monkeypatch.setenv(beiancheck.MAX_THREADS_ENV, "0")
    with pytest.raises(ValueError, match="BEIANCHECK_MAX_THREADS"):
        engine.check_many(apps)
    monkeypatch.setenv(beiancheck.MAX_THREADS_ENV, "1")
    assert len(engine.check_many(apps)) == len(apps)
    with pytest.raises(ValueError):
        engine.check_many(apps, threads=0)


def test_as_of_is_the_default_date(engine, apps):
    app = {k: v for k, v in apps[0].items() if k != "as_of"}
    import datetime

    a = engine.check(app, as_of="2026-11-29")
    b = engine.check(app, as_of=datetime.date(2026, 11, 29))
    [c] = engine.check_many([app], as_of="2026-11-29")
    assert a.as_of == b.as_of == c.as_of == "2026-11-29"
    assert a.to_json() == b.to_json() == c.to_json()
    with pytest.raises(ValueError):
        engine.check(app, as_of="29/11/2026")


def _child_check(q, apps):
    import beiancheck as bc

    q.put(len(bc.Engine().check_many(apps * 10, threads=2)))


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs fork")
def test_fork_after_pool_use_does_not_hang(engine, apps):
    import multiprocessing as mp

    engine.check_many(apps, threads=2)  # the parent now has a 2-thread pool
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=_child_check, args=(q, apps))
    p.start()
    p.join(timeout=120)
    if p.is_alive():
        p.kill()
        pytest.fail("check_many hung in a forked child (it used the parent's pool)")
    assert p.exitcode == 0 and q.get(timeout=5) == len(apps) * 10
