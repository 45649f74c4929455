"""Engine.check_rows: one result row per input row, in the caller's container.

The Arrow text path is native (``_native._check_rows_arrow``: JSON read from the Arrow buffers,
results built as Arrow columns, the id column sliced along). Python rows (dicts, a pandas column)
and struct columns go through ``_native._rows_batch``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Optional

from . import _native
from ._arrow import _chunks, _is_text, _pyarrow, read_capsule

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow

    from . import Engine


def rows_schema(engine: "Engine", report: bool) -> "pyarrow.Schema":
    """The result schema, from the native builder (no id column)."""
    return read_capsule(_native._rows_batch(engine, [], report=report)).schema


def _module(x: Any) -> str:
    return type(x).__module__.split(".")[0]


def check_rows(
    engine: "Engine",
    data: Any,
    column: str,
    *,
    id_column: Optional[str],
    report: bool,
    threads: Optional[int],
    as_of: Any,
    chunk_size: int,
) -> Any:
    pa = _pyarrow()
    kw = dict(report=report, threads=threads, as_of=as_of)
    mod = _module(data)
    if mod == "pandas":
        return _pandas(engine, data, column, id_column, chunk_size, kw)
    if mod == "polars":
        import polars as pl

        if isinstance(data, pl.Series):
            if id_column is not None:
                raise KeyError(f"no id column {id_column!r}: a Series has one column")
            cap = _native._check_rows_arrow(engine, data, column, chunk_size=chunk_size, **kw)
        else:
            if column not in data.columns:
                raise KeyError(f"no column {column!r} (columns: {', '.join(data.columns)})")
            keep = [column] + ([id_column] if id_column is not None and id_column != column else [])
            if id_column is not None and id_column not in data.columns:
                raise KeyError(f"no id column {id_column!r} (columns: {', '.join(data.columns)})")
            sub = data.select(keep)
            dt = sub.schema[column]
            if not (dt == pl.String or dt == pl.Null):
                return pl.from_arrow(_struct_rows(engine, sub.to_arrow(), column, id_column, chunk_size, kw))
            cap = _native._check_rows_arrow(engine, sub, column, id_column=id_column, chunk_size=chunk_size, **kw)
        out = pl.from_arrow(read_capsule(cap).read_all())
        assert isinstance(out, pl.DataFrame)
        return out
    if isinstance(data, (pa.Array, pa.ChunkedArray)):
        if id_column is not None:
            raise KeyError(f"no id column {id_column!r}: an array has one column")
        if _is_text(pa, data.type):
            return read_capsule(_native._check_rows_arrow(engine, data, column, chunk_size=chunk_size, **kw)).read_all()
        return _from_rows(engine, data.to_pylist(), chunk_size, kw, drop_nulls=True)
    if isinstance(data, (pa.Table, pa.RecordBatch, pa.RecordBatchReader)) or hasattr(data, "__arrow_c_stream__"):
        table = data if isinstance(data, pa.Table) else pa.table(data)
        names = table.column_names
        if column not in names:
            raise KeyError(f"no column {column!r} (columns: {', '.join(names)})")
        if id_column is not None and id_column not in names:
            raise KeyError(f"no id column {id_column!r} (columns: {', '.join(names)})")
        if _is_text(pa, table.schema.field(column).type):
            cap = _native._check_rows_arrow(engine, table, column, id_column=id_column, chunk_size=chunk_size, **kw)
            return read_capsule(cap).read_all()
        return _struct_rows(engine, table, column, id_column, chunk_size, kw)
    if isinstance(data, (str, bytes, dict)):
        raise TypeError("check_rows takes many rows; use check for one application")
    return _from_rows(engine, data, chunk_size, kw)


def _from_rows(engine: "Engine", rows: Any, chunk_size: int, kw: dict, drop_nulls: bool = False) -> "pyarrow.Table":
    pa = _pyarrow()
    batches = []
    start = 0
    for chunk in _chunks(rows, max(1, chunk_size)):
        batches.extend(read_capsule(_native._rows_batch(engine, chunk, start, drop_nulls=drop_nulls, **kw)))
        start += len(chunk)
    return pa.Table.from_batches(batches, schema=rows_schema(engine, kw["report"]))


def _struct_rows(
    engine: "Engine", table: "pyarrow.Table", column: str, id_column: Optional[str], chunk_size: int, kw: dict
) -> "pyarrow.Table":
    """A struct (or other non-text) column: rows as dicts (a null field is one the row lacks)."""
    out = _from_rows(engine, table.column(column).to_pylist(), chunk_size, kw, drop_nulls=True)
    if id_column is not None:
        out = out.add_column(0, table.schema.field(id_column), table.column(id_column))
    return out


def _pandas(engine: "Engine", data: Any, column: str, id_column: Optional[str], chunk_size: int, kw: dict) -> Any:
    import pandas as pd

    if isinstance(data, pd.Series):
        if id_column is not None:
            raise KeyError(f"no id column {id_column!r}: a Series has one column")
        values = data
    else:
        if column not in data.columns:
            raise KeyError(f"no column {column!r} (columns: {', '.join(map(str, data.columns))})")
        if id_column is not None and id_column not in data.columns:
            raise KeyError(f"no id column {id_column!r} (columns: {', '.join(map(str, data.columns))})")
        values = data[column]
    # The column's own objects (dicts or JSON strings); pandas' missing values are null rows.
    rows = [None if _missing(v) else v for v in values.tolist()]
    out = to_pandas(_from_rows(engine, rows, chunk_size, kw))
    out = out.drop(columns=["row"])
    out.index = values.index
    if id_column is not None:
        out.insert(0, id_column, data[id_column].to_numpy())
    return out


def to_pandas(table: "pyarrow.Table") -> Any:
    """Counts stay integers where a row is null (pandas' nullable Int32, not float64)."""
    import pandas as pd

    pa = _pyarrow()
    return table.to_pandas(types_mapper={pa.int32(): pd.Int32Dtype()}.get)


def _missing(v: Any) -> bool:
    # None, NaN, pd.NA, NaT: pandas' ways of saying "no value".
    if v is None:
        return True
    if isinstance(v, float):
        return v != v
    return type(v).__name__ in ("NAType", "NaTType")


