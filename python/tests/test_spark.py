"""beiancheck.spark in local mode: a few thousand rows through mapInArrow, compared row by row
with check_many."""

from __future__ import annotations

import json
import os
import shutil
import sys

import pytest

import beiancheck
from conftest import expected_findings

# python/run-tests.sh (what CI runs) installs Java and pyspark and sets
# BEIANCHECK_REQUIRE_SPARK=1: there a missing runtime fails the suite instead of skipping it.
_REQUIRED = os.environ.get("BEIANCHECK_REQUIRE_SPARK") == "1"


def _missing() -> "str | None":
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed"
    if shutil.which("java") is None:
        return "Spark needs Java (java -version)"
    return None


if _missing() is not None:
    if _REQUIRED:
        raise RuntimeError(f"BEIANCHECK_REQUIRE_SPARK=1 but {_missing()}: the Spark test cannot run")
    pytest.skip(_missing(), allow_module_level=True)


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    s = (
        SparkSession.builder.master("local[2]")
        .appName("beiancheck-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "500")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


def _rows(apps, n):
    out = []
    for i in range(n):
        if i % 97 == 3:
            out.append(None)
        elif i % 89 == 5:
            out.append("{broken")
        else:
            out.append(json.dumps(apps[i % len(apps)], ensure_ascii=False))
    return out


def test_spark_matches_check_many(spark, engine, apps):
    rows = _rows(apps, 3000)
    df = spark.createDataFrame([(i, r) for i, r in enumerate(rows)], "id long, application string").repartition(3)
    out = beiancheck.spark.check(df, id_column="id")
    assert out.schema.simpleString() == (
        "struct<id:bigint,verdict:string,filing_type:string,code:string,severity:string,"
        "path:string,message_zh:string,message_en:string>"
    )
    got = sorted(
        (tuple(r) for r in out.select("id", "verdict", "filing_type", "code", "severity", "path").collect()),
        key=lambda t: (t[0], t[3] or "", t[5] or ""),
    )
    want = sorted(expected_findings(engine.check_many(rows)), key=lambda t: (t[0], t[3] or "", t[5] or ""))
    assert len(got) == len(want)
    assert got == want


def test_spark_default_row_ids(spark, engine, apps):
    rows = _rows(apps, 400)
    df = spark.createDataFrame([(r,) for r in rows], "application string").coalesce(1)
    out = beiancheck.spark.check(df).collect()
    # With no id column, row is monotonically_increasing_id(): on one partition, 0..n-1.
    assert sorted({r["row"] for r in out}) == list(range(len(rows)))
    want = expected_findings(engine.check_many(rows))
    got = sorted(((r["row"], r["verdict"], r["filing_type"], r["code"], r["severity"], r["path"]) for r in out), key=lambda t: (t[0], t[3] or "", t[5] or ""))
    assert got == sorted(want, key=lambda t: (t[0], t[3] or "", t[5] or ""))


AS_OF = "2026-12-01"


def test_id_column_keeps_its_type_and_as_of_is_pinned(spark, engine, apps):
    rows = _rows(apps, 300)
    df = spark.createDataFrame([(f"F-{i:05d}", r) for i, r in enumerate(rows)], "filing string, application string").repartition(2)
    out = beiancheck.spark.check(df, id_column="filing", as_of=AS_OF)
    assert out.schema["filing"].dataType.simpleString() == "string", "a string id stays a string"
    got = sorted(
        ((int(r["filing"][2:]), r["verdict"], r["filing_type"], r["code"], r["severity"], r["path"]) for r in out.collect()),
        key=lambda t: (t[0], t[3] or "", t[5] or ""),
    )
    want = sorted(expected_findings(engine.check_many(rows, as_of=AS_OF)), key=lambda t: (t[0], t[3] or "", t[5] or ""))
    assert got == want
    # Decided on the driver, with a clear error, not late on an executor.
    import datetime

    with pytest.raises(TypeError, match="as_of must be a date, not a datetime"):
        beiancheck.spark.check(df, as_of=datetime.datetime(2026, 12, 1, 12, 0))
    with pytest.raises(ValueError, match="not a YYYY-MM-DD date"):
        beiancheck.spark.check(df, as_of="2026-02-30")
    assert beiancheck.spark.pin_as_of(None) == beiancheck.spark.pin_as_of(None)
    with pytest.raises(KeyError, match="no id column 'nope'"):
        beiancheck.spark.check(df, id_column="nope")


def test_rows_output_nulls_structs_and_empty(spark, engine, apps):
    rows = _rows(apps, 200)
    df = spark.createDataFrame([(i, r, i % 3) for i, r in enumerate(rows)], "id long, application string, extra int").repartition(2)
    out = beiancheck.spark.check(df, output="rows", as_of=AS_OF)
    assert out.columns == ["id", "application", "extra", "verdict", "filing_type", "codes", "errors", "warnings", "error_code", "error_message"]
    res = {r["id"]: r for r in out.collect()}
    assert len(res) == len(rows)
    for i, app in enumerate(rows):
        r = res[i]
        assert r["extra"] == i % 3 and r["application"] == app, "the input's columns come through"
        if app is None:
            assert all(r[k] is None for k in ("verdict", "codes", "errors", "error_code")), "null in, null out"
            continue
        want = engine.check_many([app], as_of=AS_OF)[0]
        if want.is_error:
            assert (r["verdict"], r["error_code"]) == (None, want.code)
        else:
            assert (r["verdict"], list(r["codes"])) == (want.verdict, want.codes)
    # A struct column goes through Spark's to_json (no row-by-row conversion in Python).
    structs = spark.read.json(spark.sparkContext.parallelize([json.dumps(a, ensure_ascii=False) for a in apps[:6]]))
    from pyspark.sql import functions as F

    nested = structs.select(F.struct(*structs.columns).alias("application"))
    sout = beiancheck.spark.check(nested, output="rows", as_of=AS_OF)
    assert sout.count() == 6 and sout.filter("verdict IS NULL").count() == 0
    empty = spark.createDataFrame([], "id long, application string")
    assert beiancheck.spark.check(empty, output="rows").count() == 0
    with pytest.raises(ValueError, match="already has column"):
        beiancheck.spark.check(df.withColumnRenamed("extra", "verdict"), output="rows")


def test_codes_output_and_broadcast_pack(spark, engine, apps):
    pack = json.loads(engine.pack_bytes())
    for e in pack["catalogue"]["codes"]:
        e["en"] = "CUSTOM PACK: " + e["en"]
    custom = beiancheck.Engine.from_pack(json.dumps(pack, ensure_ascii=False).encode())
    rows = _rows(apps, 120)
    df = spark.createDataFrame([(i, r) for i, r in enumerate(rows)], "id long, application string")
    bc, sha = beiancheck.spark._pack(df, custom)
    assert type(bc).__name__ == "Broadcast" and sha == custom.sha256
    assert beiancheck.spark._pack(df, engine) == (None, None), "the embedded pack is not shipped"
    msgs = [r["message_en"] for r in beiancheck.spark.check(df, id_column="id", engine=custom, as_of=AS_OF).collect()]
    found = [m for m in msgs if m]
    assert found and all(m.startswith("CUSTOM PACK: ") for m in found if not m.startswith("The input is not valid JSON")), found[:3]
    codes = beiancheck.spark.check(df, id_column="id", output="codes", as_of=AS_OF)
    assert codes.columns == ["id", "verdict", "codes", "error_code"]
    got = {r["id"]: (r["verdict"], r["codes"] and list(r["codes"])) for r in codes.collect()}
    for i, app in enumerate(rows):
        if app is None:
            assert got[i] == (None, None)
        elif not (w := engine.check_many([app], as_of=AS_OF)[0]).is_error:
            assert got[i] == (w.verdict, w.codes)
    with pytest.raises(TypeError, match="needs id_column"):
        beiancheck.spark.check(df, output="codes")


def test_check_domains(spark, engine):
    names = ["例子.中国", None, "example.io", "gov.cn", ""]
    df = spark.createDataFrame([(i, n) for i, n in enumerate(names)], "k int, domain string")
    out = beiancheck.spark.check_domains(df)
    assert out.columns == ["k", "domain", "verdict", "registrable", "suffix", "tld", "tld_status", "codes"]
    got = {r["k"]: r for r in out.collect()}
    for i, n in enumerate(names):
        if n is None:
            assert got[i]["verdict"] is None and got[i]["codes"] is None, "a null name: null results"
        else:
            want = engine.check_domain(n)
            assert (got[i]["verdict"], list(got[i]["codes"])) == (want.verdict, want.codes)
    assert beiancheck.spark.check_domains(spark.createDataFrame([], "domain string")).count() == 0
