"""Arrow in and out: pyarrow tables and arrays, polars, pandas; each compared row by row with
check_many on the same inputs."""

from __future__ import annotations

import json

import pytest

import beiancheck
from conftest import expected_findings, full_rows, table_rows

pa = pytest.importorskip("pyarrow")


def _rows(apps, n=600):
    """JSON strings with a sprinkling of bad rows (None → null, malformed, empty)."""
    out = []
    for i in range(n):
        if i % 17 == 5:
            out.append(None)
        elif i % 23 == 7:
            out.append('{"subject": ')
        elif i % 29 == 11:
            out.append("")
        else:
            out.append(json.dumps(apps[i % len(apps)], ensure_ascii=False))
    return out


def _check_table(engine, table, rows):
    ref = engine.check_many(rows)
    assert table.schema.names == ["row", "verdict", "filing_type", "code", "severity", "path", "message_zh", "message_en"]
    assert table.schema.field("row").type == pa.int64()
    assert table_rows(table) == expected_findings(ref)
    # Reports' messages are carried as they are; bad rows get the catalogue's INPUT_MALFORMED text.
    d = table.to_pydict()
    full = full_rows(ref)
    for i, want in enumerate(full):
        if want[3] is not None and ref[want[0]].is_error:
            assert d["message_en"][i].startswith("The input is not valid JSON") and d["message_zh"][i].startswith("输入不是有效的 JSON")
        else:
            assert (d["message_zh"][i], d["message_en"][i]) == want[6:], i
    # Every input row appears at least once.
    assert sorted(set(d["row"])) == list(range(len(rows)))


def test_check_arrow_pyarrow_table(engine, apps):
    rows = _rows(apps)
    table = pa.table({"id": list(range(len(rows))), "application": pa.array(rows, pa.string())})
    _check_table(engine, engine.check_arrow(table, threads=2, chunk_size=100), rows)


@pytest.mark.parametrize("typ", ["large_string", "string_view"])
def test_check_arrow_other_string_types_and_chunks(engine, apps, typ):
    rows = _rows(apps, 300)
    t = getattr(pa, typ)()
    chunked = pa.chunked_array([pa.array(rows[:120], t), pa.array(rows[120:], t)])
    table = pa.table({"app": chunked})
    _check_table(engine, engine.check_arrow(table, "app"), rows)
    _check_table(engine, engine.check_arrow(chunked), rows)  # a bare column works too
    _check_table(engine, engine.check_arrow(pa.array(rows, t)), rows)


def test_check_arrow_record_batch_and_lazy_reader(engine, apps):
    rows = _rows(apps, 250)
    batch = pa.record_batch({"application": pa.array(rows)})
    _check_table(engine, engine.check_arrow(batch), rows)
    reader = engine.check_arrow_reader(pa.table({"application": rows}), chunk_size=50)
    assert isinstance(reader, pa.RecordBatchReader)
    batches = list(reader)
    assert len(batches) == 5
    _check_table(engine, pa.Table.from_batches(batches), rows)


def test_check_arrow_struct_column(engine, apps):
    table = pa.table({"application": pa.array(apps)})  # pyarrow infers a struct column
    assert pa.types.is_struct(table.schema.field("application").type)
    out = engine.check_arrow(table)
    # Struct rows carry a null for every field another row has, so a struct cannot say "null"
    # (does not exist) apart from "absent" (unknown): its nulls are read as absent. JSON text
    # columns keep the difference.
    def drop_nulls(v):
        if isinstance(v, dict):
            return {k: drop_nulls(x) for k, x in v.items() if x is not None}
        if isinstance(v, list):
            return [drop_nulls(x) for x in v]
        return v

    assert table_rows(out) == expected_findings(engine.check_many([drop_nulls(a) for a in apps]))
    assert any(drop_nulls(a) != a for a in apps), "the cases state some facts as null"


def test_check_arrow_errors(engine):
    with pytest.raises(KeyError, match="application"):
        engine.check_arrow(pa.table({"x": ["{}"]}))
    with pytest.raises(TypeError):
        engine.check_arrow([1, 2, 3])
    ints = engine.check_arrow(pa.table({"application": [1, None]}))
    assert ints.column("code").to_pylist() == ["INPUT_MALFORMED", "INPUT_MALFORMED"]
    assert ints.column("row").to_pylist() == [0, 1]


def test_check_rows_arrow_matches_check_many(engine, apps):
    rows = apps + [None, 3, "{", json.dumps(apps[0])]
    out = engine.check_rows_arrow(rows, chunk_size=7)
    assert table_rows(out) == expected_findings(engine.check_many(rows))


def test_check_domains_arrow(engine):
    names = ["例子.中国", "example.io", None, "gov.cn", "www.example.com.cn"]
    want = engine.check_domains(names)
    for arr in (pa.array(names), pa.chunked_array([names[:2], names[2:]]), pa.array(names, pa.large_string())):
        t = engine.check_domains(arr)
        assert t.schema.names == ["domain", "verdict", "registrable", "suffix", "tld", "tld_status", "codes"]
        d = t.to_pydict()
        assert d["domain"] == names
        assert want[2] is None and all(v is None for v in t.slice(2, 1).to_pylist()[0].values()), "null in, null out"
        assert d["verdict"] == [None if r is None else r.verdict for r in want]
        assert d["registrable"] == [None if r is None else r.registrable for r in want]
        assert d["suffix"] == [None if r is None else r.suffix for r in want]
        assert d["tld"] == [None if r is None else r.tld for r in want]
        assert d["tld_status"] == [None if r is None else r.tld_status for r in want]
        assert d["codes"] == [None if r is None else r.codes for r in want]


def test_polars(engine, apps):
    pl = pytest.importorskip("polars")
    rows = _rows(apps, 400)
    df = pl.DataFrame({"application": rows, "other": list(range(len(rows)))})
    out = beiancheck.polars.check(df, engine=engine, findings=True)
    assert isinstance(out, pl.DataFrame)
    _check_table(engine, out.to_arrow(), rows)
    _check_table(engine, engine.check_arrow(df), rows)  # a polars DataFrame through __arrow_c_stream__
    _check_table(engine, engine.check_arrow(df["application"]), rows)  # and a Series
    names = pl.Series(["例子.中国", "example.io", None])
    t = engine.check_domains(names)
    assert isinstance(t, pl.DataFrame), "polars in, polars out"
    assert t["verdict"].to_list() == ["eligible", "ineligible", None]


def test_pandas(engine, apps):
    pd = pytest.importorskip("pandas")
    rows = _rows(apps, 300)
    mixed = rows[:150] + [apps[i % len(apps)] for i in range(150)]  # JSON strings and dicts
    df = pd.DataFrame({"application": mixed})
    out = beiancheck.pandas.check(df, engine=engine, findings=True)
    assert isinstance(out, pd.DataFrame)
    want = expected_findings(engine.check_many(mixed))
    got = [
        tuple(None if (v is None or (isinstance(v, float) and v != v)) else v for v in t)
        for t in out[["row", "verdict", "filing_type", "code", "severity", "path"]].itertuples(index=False, name=None)
    ]
    assert got == want
