"""The engine recipes of docs/PYTHON.md (DuckDB, Dask, Ray Data), run as written there: each
``<!-- recipe: NAME -->`` block is executed and what it computed is checked here. Dask and Ray
are skipped, saying why, where their wheels are not installed (python/run-tests.sh tries)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import beiancheck

REPO = Path(__file__).resolve().parents[2]
AS_OF = "2026-12-01"


def recipe(name: str) -> str:
    text = (REPO / "docs" / "PYTHON.md").read_text(encoding="utf-8")
    blocks = re.findall(r"<!-- recipe: " + re.escape(name) + r" -->\s*```python\n(.*?)```", text, re.S)
    assert len(blocks) == 1, f"docs/PYTHON.md: expected one ```python block after <!-- recipe: {name} -->"
    return blocks[0]


def run(name: str) -> dict:
    app_json = (REPO / "examples" / "access-filing-shanghai.json").read_text(encoding="utf-8")
    ns = {"engine": beiancheck.Engine(), "app_json": app_json, "Path": Path}
    exec(compile(recipe(name), f"docs/PYTHON.md recipe {name}", "exec"), ns)
    return ns


def want_verdict() -> str:
    return beiancheck.Engine().check((REPO / "examples" / "access-filing-shanghai.json").read_text(encoding="utf-8"), as_of=AS_OF).verdict


def test_duckdb_relation_and_udf():
    pytest.importorskip("duckdb", reason="duckdb is not installed")
    ns = run("duckdb")
    v = beiancheck.Engine().check((REPO / "examples" / "access-filing-shanghai.json").read_text(encoding="utf-8")).verdict
    r = ns["results"]
    assert r.column("id").to_pylist() == ["F-1", "F-2", "F-3"], "the id column came through"
    assert r.column("verdict").to_pylist() == [v, None, None]
    assert r.column("error_code").to_pylist() == [None, None, "INPUT_MALFORMED"]
    assert sorted(ns["by_verdict"], key=str) == sorted([(v, 1), (None, 2)], key=str)
    assert ns["verdicts"] == [("F-1", v), ("F-2", None), ("F-3", None)], "the SQL function: null in, null out"


def test_duckdb_empty_relation():
    duckdb = pytest.importorskip("duckdb", reason="duckdb is not installed")
    con = duckdb.connect()
    con.execute("CREATE TABLE filings (id INTEGER, application VARCHAR)")
    r = beiancheck.Engine().check_rows(con.sql("SELECT * FROM filings"), id_column="id")
    assert r.num_rows == 0 and r.schema.field("id").type.bit_width == 32


def test_dask_map_partitions():
    pytest.importorskip("dask.dataframe", reason="dask[dataframe] is not installed (python/run-tests.sh installs it when it can)")
    r = run("dask")["results"]
    assert list(r.index) == [0, 1, 2, 3], "each partition keeps its index"
    assert list(r["id"]) == ["F-1", "F-2", "F-3", "F-4"]
    assert r.loc[0, "verdict"] == want_verdict() == r.loc[3, "verdict"]
    assr = r.loc[1]
    assert assr.isna()[["verdict", "codes", "errors", "error_code"]].all(), "a null row is null"
    assert r.loc[2, "error_code"] == "INPUT_MALFORMED"
    assert str(r["errors"].dtype) == "Int32"


def test_ray_data_map_batches():
    pytest.importorskip("ray.data", reason="ray is not installed (python/run-tests.sh installs it when its wheel does)")
    import ray

    try:
        r = run("ray")["results"]
    finally:
        ray.shutdown()
    assert r.column("id").to_pylist() == ["F-1", "F-2", "F-3"]
    assert r.column("verdict").to_pylist() == [want_verdict(), None, None]
    assert r.column("error_code").to_pylist() == [None, None, "INPUT_MALFORMED"]


def test_pandera_checks():
    pytest.importorskip("pandera.pandas", reason="pandera (>= 0.24) is not installed (python/run-tests.sh installs it when it can)")
    ns = run("pandera")
    f = ns["failures"]
    by_column = {c: sorted(set(f[f["column"] == c]["index"])) for c in set(f["column"])}
    # F-1 is the example (not ineligible) with a valid ID; F-2 is an empty application (ineligible)
    # and a wrong check digit.
    assert want_verdict() != "ineligible"
    assert by_column == {"application": ["F-2"], "owner_id": ["F-2"]}, f
