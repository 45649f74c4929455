"""Engine.check_rows and the pandas / polars helpers: one result row per input row, keyed by
the caller's index or id column, null in → null out; each compared with check_many."""

from __future__ import annotations

import datetime
import json

import pytest

import beiancheck

pa = pytest.importorskip("pyarrow")
AS_OF = "2026-12-01"
COLS = ["row", "verdict", "filing_type", "codes", "errors", "warnings", "error_code", "error_message"]


def _mixed(apps, n=60):
    """JSON strings, with a null, malformed JSON and an empty string among them."""
    out = []
    for i in range(n):
        out.append(None if i % 11 == 3 else "{" if i % 13 == 4 else "" if i % 17 == 5 else json.dumps(apps[i % len(apps)], ensure_ascii=False))
    return out


def _expected(engine, values):
    """What each row must say, from check_many (None for a null row)."""
    out = []
    for v in values:
        if v is None:
            out.append(None)
            continue
        r = engine.check_many([v], as_of=AS_OF)[0]
        if r.is_error:
            out.append((None, None, None, None, None, r.code))
        else:
            sev = [f.severity for f in r.findings]
            out.append((r.verdict, r.filing_type, r.codes, sev.count("error"), sev.count("warning"), None))
    return out


def _got(d, i):
    if d["verdict"][i] is None and d["error_code"][i] is None:
        assert all(d[k][i] is None for k in COLS[1:]), "a null row is null everywhere"
        return None
    return (d["verdict"][i], d["filing_type"][i], d["codes"][i], d["errors"][i], d["warnings"][i], d["error_code"][i])


def test_arrow_table_with_id_column_of_its_own_type(engine, apps):
    values = _mixed(apps)
    want = _expected(engine, values)
    for ids in (pa.array([f"F-{i:04d}" for i in range(len(values))]), pa.array(range(100, 100 + len(values)), pa.int32())):
        t = engine.check_rows(pa.table({"filing": ids, "application": values}), id_column="filing", as_of=AS_OF, chunk_size=7)
        assert t.column_names == ["filing"] + COLS
        assert t.schema.field("filing").type == ids.type, "the id keeps its type"
        assert t.column("filing").to_pylist() == ids.to_pylist()
        d = t.to_pydict()
        assert d["row"] == list(range(len(values)))
        assert [_got(d, i) for i in range(len(values))] == want
    assert want.count(None) >= 5 and any(w and w[-1] == "INPUT_MALFORMED" for w in want)


def test_report_on_demand_and_findings_view(engine, apps):
    values = [json.dumps(apps[0]), None, "{"]
    t = engine.check_rows(pa.array(values), report=True, as_of=AS_OF)
    rep = t.column("report").to_pylist()
    assert json.loads(rep[0]) == engine.check(values[0], as_of=AS_OF).to_dict() and rep[1] is None and rep[2] is None
    assert "report" not in engine.check_rows(pa.array(values)).column_names
    f = engine.check_rows(pa.array(values), findings=True, as_of=AS_OF)
    assert f.column_names == engine.check_arrow(pa.array(values)).column_names
    with pytest.raises(TypeError, match="findings=True"):
        engine.check_rows(pa.array(values), findings=True, report=True)


def test_struct_column_lists_and_empty(engine, apps):
    rows = [apps[0], None, apps[1]]
    t = engine.check_rows(pa.table({"k": [1, 2, 3], "application": pa.array(rows)}), id_column="k", as_of=AS_OF)
    assert t.column("k").to_pylist() == [1, 2, 3]
    # The struct path reads rows as check_arrow does (a null field is an absent one).
    ref = engine.check_arrow(pa.table({"application": pa.array(rows)}), as_of=AS_OF).to_pydict()
    first = {r: v for r, v in reversed(list(zip(ref["row"], ref["verdict"])))}
    assert t.column("verdict").to_pylist() == [first[0], None, first[2]]
    lst = engine.check_rows([apps[0], None, "{", 5], as_of=AS_OF)
    assert lst.column("verdict").to_pylist()[:2] == [engine.check(apps[0], as_of=AS_OF).verdict, None]
    assert lst.column("error_code").to_pylist()[2:] == ["INPUT_MALFORMED", "INPUT_MALFORMED"]
    for empty in (pa.table({"application": pa.array([], pa.string())}), pa.array([], pa.string()), []):
        e = engine.check_rows(empty)
        assert e.num_rows == 0 and e.column_names == COLS
    assert engine.check_rows(pa.nulls(2)).column("verdict").to_pylist() == [None, None]


def test_refusals(engine):
    t = pa.table({"application": ["{}"]})
    with pytest.raises(KeyError, match="no column 'app'"):
        engine.check_rows(t, "app")
    with pytest.raises(KeyError, match="no id column 'nope'"):
        engine.check_rows(t, id_column="nope")
    with pytest.raises(TypeError, match="many rows"):
        engine.check_rows("{}")
    with pytest.raises(ValueError, match="as_of"):
        engine.check_rows(t, as_of="yesterday")


def test_pandas_keeps_the_index(engine, apps):
    pd = pytest.importorskip("pandas")
    values = _mixed(apps, 30)
    values[7] = float("nan")  # pandas' missing value: a null row
    df = pd.DataFrame({"application": values, "ref": [f"r{i}" for i in range(30)]}, index=range(1000, 1030))
    out = beiancheck.pandas.check(df, id_column="ref", as_of=AS_OF)
    assert isinstance(out, pd.DataFrame) and list(out.index) == list(df.index)
    assert list(out.columns) == ["ref"] + COLS[1:]
    assert list(out["ref"]) == list(df["ref"])
    want = _expected(engine, [None if isinstance(v, float) else v for v in values])
    assert str(out["errors"].dtype) == "Int32", "counts stay integers next to null rows"

    def na(v):
        return v is None or (not hasattr(v, "__len__") and bool(pd.isna(v)))

    d = {k: [None if na(v) else v for v in out[k]] for k in COLS[1:]}
    d["codes"] = [None if v is None else list(v) for v in d["codes"]]
    d["errors"] = [None if v is None else int(v) for v in d["errors"]]
    d["warnings"] = [None if v is None else int(v) for v in d["warnings"]]
    assert [_got(d, i) for i in range(30)] == want
    # Dicts, a Series, an empty frame, the per-finding view.
    s = pd.Series([apps[0], None], index=["x", "y"])
    r = engine.check_rows(s, as_of=AS_OF)
    assert list(r.index) == ["x", "y"] and r.loc["x", "verdict"] == engine.check(apps[0], as_of=AS_OF).verdict
    assert pd.isna(r.loc["y", "verdict"])
    assert beiancheck.pandas.check(pd.DataFrame({"application": []})).shape == (0, len(COLS) - 1)
    assert "code" in beiancheck.pandas.check(df, findings=True).columns


def test_polars_frames_series_and_expressions(engine, apps):
    pl = pytest.importorskip("polars")
    import beiancheck.polars  # noqa: F401  (registers the `beian` namespace)

    values = _mixed(apps, 25)
    want = _expected(engine, values)
    df = pl.DataFrame({"id": [f"A{i}" for i in range(25)], "application": values})
    out = beiancheck.polars.check(df, id_column="id", as_of=AS_OF)
    assert isinstance(out, pl.DataFrame) and out.columns == ["id"] + COLS
    assert out["id"].to_list() == df["id"].to_list()
    d = out.to_dict(as_series=False)
    assert [_got(d, i) for i in range(25)] == want
    s = engine.check_rows(df["application"], as_of=AS_OF)
    assert isinstance(s, pl.DataFrame) and s["verdict"].to_list() == out["verdict"].to_list()
    assert "code" in beiancheck.polars.check(df, findings=True).columns

    # The namespace: eager, lazy (map_batches with a declared type), Series.
    q = df.lazy().with_columns(pl.col("application").beian.check(as_of=AS_OF).alias("r"))
    assert q.collect_schema()["r"] == pl.Struct  # the plan knows the type before running
    got = q.collect().unnest("r")
    assert got["verdict"].to_list() == out["verdict"].to_list() and got["codes"].to_list() == out["codes"].to_list()
    dom = pl.DataFrame({"domain": ["例子.中国", None, "example.io"]})
    r = dom.select(pl.col("domain").beian.check_domains().alias("d")).unnest("d")
    assert r["verdict"].to_list() == ["eligible", None, "ineligible"]
    ids = pl.Series("n", ["310104199001011233", None, "1"]).beian.check_ids(kind="resident_id", as_of=AS_OF)
    assert ids.struct.field("valid").to_list() == [True, None, False]
    assert ids.struct.field("age").to_list() == [36, None, None]
    empty = pl.DataFrame({"application": pl.Series([], dtype=pl.String)})
    assert empty.lazy().select(pl.col("application").beian.check()).collect().height == 0


def test_expression_pins_as_of_once(engine, monkeypatch):
    pl = pytest.importorskip("polars")
    import beiancheck.polars as bp

    assert bp._pinned(datetime.datetime(2026, 1, 2, 23, 59)) == "2026-01-02"
    assert bp._pinned(datetime.date(2026, 1, 3)) == "2026-01-03"
    seen = []
    real = beiancheck.Engine.check_ids

    def spy(self, values, **kw):
        seen.append(kw["as_of"])
        return real(self, values, **kw)

    monkeypatch.setattr(beiancheck.Engine, "check_ids", spy)
    df = pl.DataFrame({"n": ["310104199001011233"] * 3})
    df.lazy().select(pl.col("n").beian.check_ids(kind="resident_id")).collect()
    assert len(set(seen)) == 1 and seen[0] is not None, seen


def test_domains_null_in_null_out_in_every_container(engine):
    pd = pytest.importorskip("pandas")
    names = ["例子.中国", None, "example.io"]
    assert engine.check_domains(names)[1] is None
    t = engine.check_domains(pa.array(names))
    assert t.column("verdict").to_pylist() == ["eligible", None, "ineligible"] and t.column("codes").to_pylist()[1] is None
    df = engine.check_domains(pd.Series(names, index=[7, 8, 9]))
    assert list(df.index) == [7, 8, 9] and df.loc[9, "verdict"] == "ineligible" and pd.isna(df.loc[8, "verdict"])
    assert engine.check_domains(pa.array([], pa.string())).num_rows == 0
