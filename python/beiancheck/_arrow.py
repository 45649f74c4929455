"""Arrow plumbing shared by Engine.check_arrow, beiancheck.pandas/polars/spark.

The fast path is native: the engine reads the JSON strings straight from the Arrow buffers and
builds the findings as Arrow arrays (``Engine._check_arrow``). Struct columns and any other
column type go through pyarrow's ``to_pylist`` and the same native checker as ``check_many``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Iterator, Optional

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow

    from . import Engine


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("Arrow support needs pyarrow: pip install 'beiancheck[arrow]'") from e
    return pyarrow


class _Stream:
    """Hands a native Arrow stream capsule to pyarrow (once)."""

    __slots__ = ("_capsule",)

    def __init__(self, capsule: Any) -> None:
        self._capsule = capsule

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
        cap, self._capsule = self._capsule, None
        if cap is None:
            raise ValueError("this Arrow stream was already consumed")
        return cap


def read_capsule(capsule: Any) -> "pyarrow.RecordBatchReader":
    return _pyarrow().RecordBatchReader.from_stream(_Stream(capsule))


def findings_schema(engine: "Engine") -> "pyarrow.Schema":
    """The findings schema, taken from the native builder so the two paths cannot drift."""
    return read_capsule(engine._findings_batch([])).schema


def _is_text(pa: Any, t: Any) -> bool:
    return bool(
        pa.types.is_string(t)
        or pa.types.is_large_string(t)
        or (hasattr(pa.types, "is_string_view") and pa.types.is_string_view(t))
        or pa.types.is_null(t)
    )


def check_arrow_reader(
    engine: "Engine",
    data: Any,
    column: str,
    *,
    threads: Optional[int],
    as_of: Any,
    chunk_size: int,
) -> "pyarrow.RecordBatchReader":
    pa = _pyarrow()
    if isinstance(data, (pa.Array, pa.ChunkedArray)):
        # A 1-D column of JSON strings: native when it is text, rows otherwise.
        if _is_text(pa, data.type):
            return read_capsule(engine._check_arrow(data, column, threads=threads, as_of=as_of, chunk_size=chunk_size))
        return rows_reader(engine, data.to_pylist(), threads=threads, as_of=as_of, chunk_size=chunk_size)
    if isinstance(data, pa.RecordBatch):
        reader = pa.RecordBatchReader.from_batches(data.schema, [data])
    elif isinstance(data, pa.Table):
        reader = pa.RecordBatchReader.from_batches(data.schema, data.to_batches())
    elif isinstance(data, pa.RecordBatchReader):
        reader = data
    elif hasattr(data, "__arrow_c_stream__"):
        try:
            reader = pa.RecordBatchReader.from_stream(data)
        except (TypeError, ValueError, pa.ArrowInvalid):
            # Not a table-like stream (a polars Series): 1-D, handled natively.
            return read_capsule(engine._check_arrow(data, column, threads=threads, as_of=as_of, chunk_size=chunk_size))
    else:
        raise TypeError(
            "check_arrow takes Arrow data (anything with __arrow_c_stream__: a pyarrow Table, "
            f"a polars DataFrame …), not {type(data).__name__}"
        )
    names = reader.schema.names
    if column not in names:
        raise KeyError(f"no column {column!r} (columns: {', '.join(names)})")
    if _is_text(pa, reader.schema.field(column).type):
        return read_capsule(engine._check_arrow(reader, column, threads=threads, as_of=as_of, chunk_size=chunk_size))
    return pa.RecordBatchReader.from_batches(
        findings_schema(engine), _column_rows(engine, reader, column, threads, as_of, chunk_size)
    )


def _column_rows(
    engine: "Engine", reader: Any, column: str, threads: Optional[int], as_of: Any, chunk_size: int
) -> Iterator["pyarrow.RecordBatch"]:
    start = 0
    for batch in reader:
        col = batch.column(batch.schema.get_field_index(column))
        for off in range(0, len(col), chunk_size):
            rows = col.slice(off, chunk_size).to_pylist()
            # A struct column has one schema for all rows: a null field is one the row lacks.
            batch_cap = engine._findings_batch(rows, start, threads=threads, as_of=as_of, drop_nulls=True)
            yield from read_capsule(batch_cap)
            start += len(rows)


def _chunks(rows: Iterable[Any], size: int) -> Iterator[list]:
    chunk: list = []
    for r in rows:
        chunk.append(r)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def rows_reader(
    engine: "Engine", rows: Iterable[Any], *, threads: Optional[int], as_of: Any, chunk_size: int
) -> "pyarrow.RecordBatchReader":
    """Python rows (dicts, JSON strings, anything) → the lazy findings reader."""
    pa = _pyarrow()

    def batches() -> Iterator["pyarrow.RecordBatch"]:
        start = 0
        for chunk in _chunks(rows, max(1, chunk_size)):
            yield from read_capsule(engine._findings_batch(chunk, start, threads=threads, as_of=as_of))
            start += len(chunk)

    return pa.RecordBatchReader.from_batches(findings_schema(engine), batches())
