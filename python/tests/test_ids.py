"""Engine.check_ids / check_id: identity numbers on their own, in every container (list,
pyarrow, pandas, polars), with nulls, bad values and empty columns in each."""

from __future__ import annotations

import datetime

import pytest

import beiancheck

pa = pytest.importorskip("pyarrow")

E = beiancheck.Engine()
GOOD = "310104199001011233"  # 1990-01-01, male, 上海
BAD = "310104199001011234"  # check digit should be 3
COLUMNS = [
    "valid", "reason", "position", "expected", "message_en", "message_zh", "normalised", "birth_date", "sex",
    "age", "province", "area", "registration_authority", "org_type", "org_class", "org_class_zh",
]


def test_one_value_all_facts():
    r = E.check_id(GOOD, kind="resident_id", as_of="2026-01-01")
    assert r["valid"] is True and r["reason"] is None
    assert (r["birth_date"], r["sex"], r["age"], r["province"], r["area"]) == ("1990-01-01", "male", 36, "SH", "310104")
    assert r["kind"] == "resident_id" and r["normalised"] == GOOD
    # The birthday itself counts; as_of takes a date too.
    assert E.check_id(GOOD, kind="resident_id", as_of=datetime.date(2025, 12, 31))["age"] == 35
    r = E.check_id("11100000000013127d", kind="credit_code")
    assert (r["valid"], r["normalised"], r["province"], r["org_class"], r["org_class_zh"]) == (
        True, "11100000000013127D", None, "government_organ", "机关")
    r = E.check_id(BAD, kind="resident_id")
    assert (r["valid"], r["reason"], r["expected"]) == (False, "CHECK_DIGIT", "3")
    assert r["message_zh"] == "校验码应为3，实为4" and r["birth_date"] is None


def test_list_nulls_bad_values_empty():
    out = E.check_ids([GOOD, None, "", BAD, "<script>"], kind="resident_id", as_of="2026-01-01")
    assert out[1] is None, "a null in gives a null out"
    assert [o["reason"] for o in out if o] == [None, "LENGTH", "CHECK_DIGIT", "CHARSET"]
    assert out[4]["position"] == 1
    assert E.check_ids([], kind="mobile") == []
    assert E.check_ids(iter(["+86 138 0013 8000"]), kind="mobile")[0]["normalised"] == "13800138000"


def test_refusals_are_clear():
    with pytest.raises(ValueError, match=r'unknown identity-number kind "ssn" \(kinds: resident_id, credit_code'):
        E.check_ids([GOOD], kind="ssn")
    with pytest.raises(TypeError, match=r"values\[1\] is a int, not a str"):
        E.check_ids([GOOD, 42], kind="resident_id")
    with pytest.raises(TypeError, match="use check_id for one"):
        E.check_ids(GOOD, kind="resident_id")
    with pytest.raises(ValueError, match="as_of"):
        E.check_ids([GOOD], kind="resident_id", as_of="2026-02-30")
    with pytest.raises(TypeError, match="string array"):
        E.check_ids(pa.array([1, 2]), kind="resident_id")


def test_arrow_matches_the_list_path():
    values = [GOOD, None, "", BAD, " 11010519491231002x ", "990101199001011230", "３１０１"]
    for arr in (pa.array(values), pa.array(values, pa.large_string()), pa.chunked_array([values[:3], values[3:]])):
        t = E.check_ids(arr, kind="resident_id", as_of="2026-01-01")
        assert isinstance(t, pa.Table) and t.column_names == COLUMNS and t.num_rows == len(values)
        assert t.schema.field("birth_date").type == pa.date32()
        rows = t.to_pylist()
        want = E.check_ids(values, kind="resident_id", as_of="2026-01-01")
        for got, w in zip(rows, want):
            if w is None:
                assert all(v is None for v in got.values()), got
                continue
            w = dict(w, birth_date=w["birth_date"] and datetime.date.fromisoformat(w["birth_date"]))
            del w["kind"]
            assert got == w
    # Empty columns, and a column that is all nulls (Arrow type null).
    assert E.check_ids(pa.array([], pa.string()), kind="resident_id").num_rows == 0
    assert E.check_ids(pa.array([], pa.string()), kind="resident_id").column_names == COLUMNS
    t = E.check_ids(pa.nulls(3), kind="passport")
    assert t.num_rows == 3 and t.column("valid").null_count == 3


def test_pandas_in_pandas_out_same_index():
    pd = pytest.importorskip("pandas")
    s = pd.Series([GOOD, None, BAD, float("nan")], index=["a", "b", "c", "d"])
    df = E.check_ids(s, kind="resident_id", as_of="2026-01-01")
    assert isinstance(df, pd.DataFrame) and list(df.index) == ["a", "b", "c", "d"]
    assert df.loc["a", "valid"] == True and df.loc["c", "reason"] == "CHECK_DIGIT"  # noqa: E712
    assert pd.isna(df.loc["b", "valid"]) and pd.isna(df.loc["d", "valid"]), "None and NaN are nulls"
    assert E.check_ids(pd.Series([], dtype=object), kind="mobile").shape == (0, len(COLUMNS))
    with pytest.raises(TypeError, match="Series of strings"):
        E.check_ids(pd.Series([1, 2]), kind="mobile")


def test_polars_in_polars_out():
    pl = pytest.importorskip("polars")
    df = E.check_ids(pl.Series("id", [GOOD, None, "x"]), kind="resident_id", as_of="2026-01-01")
    assert isinstance(df, pl.DataFrame) and df.columns == COLUMNS
    assert df["valid"].to_list() == [True, None, False]
    assert df["birth_date"].dtype == pl.Date and df["age"].to_list() == [36, None, None]
    assert E.check_ids(pl.Series("id", [], dtype=pl.Utf8), kind="resident_id").height == 0


def test_agrees_with_the_application_rule():
    """The same number is invalid in check_ids exactly when the application check says
    PERSON_ID_INVALID for it."""
    for number in (GOOD, BAD, "", "11010519491231002x", "990101199001011230"):
        app = {"province": "SH", "subject": {"kind": "individual", "name": "张三",
               "responsible_person": {"name": "张三", "id_type": "resident_id", "id_number": number}}}
        codes = E.check(app, as_of="2026-01-01").codes
        assert ("PERSON_ID_INVALID" in codes) == (not E.check_id(number, kind="resident_id")["valid"]), number
