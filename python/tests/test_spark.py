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
        "struct<row:bigint,verdict:string,filing_type:string,code:string,severity:string,"
        "path:string,message_zh:string,message_en:string>"
    )
    got = sorted(
        (tuple(r) for r in out.select("row", "verdict", "filing_type", "code", "severity", "path").collect()),
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
