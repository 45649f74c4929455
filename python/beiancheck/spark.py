"""beiancheck on PySpark: ``beiancheck.spark.check(df)`` and ``beiancheck.spark.check_domains(df)``.

The check runs inside the executors through ``DataFrame.mapInArrow``: each Python worker builds
one engine (cached per rule pack) and checks each Arrow batch natively with one thread, since
Spark already runs one Python worker per core. What every task must agree on is fixed on the
driver: the evaluation date (``as_of``, default today in Shanghai when ``check`` is called) and
the rule pack (the embedded one by digest; another as a broadcast variable, sent to each
executor once, not in every task's closure).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow
    import pyspark.sql

    from . import Engine

__all__ = ["check", "check_domains", "SCHEMA", "ROWS_SCHEMA", "CODES_SCHEMA", "DOMAINS_SCHEMA"]

#: The findings schema (the columns of Engine.check_arrow), as Spark DDL.
SCHEMA = (
    "row long, verdict string, filing_type string, code string, severity string, "
    "path string, message_zh string, message_en string"
)
#: The per-row result columns (``output="rows"``), added after the input's own columns.
ROWS_SCHEMA = (
    "verdict string, filing_type string, codes array<string>, errors int, warnings int, "
    "error_code string, error_message string"
)
#: ``output="codes"``: the smallest answer per row, for large runs.
CODES_SCHEMA = "verdict string, codes array<string>, error_code string"
#: check_domains: the result columns added after the input's own columns.
DOMAINS_SCHEMA = "verdict string, registrable string, suffix string, tld string, tld_status string, codes array<string>"

# One engine per worker process and rule pack.
_ENGINES: Dict[Optional[str], Any] = {}


def _worker_engine(pack: Any, sha256: Optional[str]) -> "Engine":
    from . import Engine

    eng = _ENGINES.get(sha256)
    if eng is None:
        # `pack` is a broadcast variable: its value is fetched once per executor.
        eng = Engine() if pack is None else Engine(pack.value, sha256)
        _ENGINES[sha256] = eng
    return eng


def pin_as_of(as_of: Any) -> str:
    """The date every executor and every retry uses, decided here on the driver: a
    ``datetime.date`` or ``"YYYY-MM-DD"``, or None for today in Shanghai (now, once). A
    ``datetime`` is refused: which day it falls on depends on a time zone."""
    if isinstance(as_of, datetime.datetime):
        raise TypeError(
            f"as_of must be a date, not a datetime ({as_of!r}): its day depends on the time zone. "
            "Pass as_of.date() or a 'YYYY-MM-DD' string"
        )
    if as_of is None:
        return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date().isoformat()
    if isinstance(as_of, datetime.date):
        return as_of.isoformat()
    if isinstance(as_of, str):
        try:
            return datetime.date.fromisoformat(as_of.strip()).isoformat()
        except ValueError:
            raise ValueError(f"as_of {as_of!r} is not a YYYY-MM-DD date") from None
    raise TypeError(f"as_of must be a date or a 'YYYY-MM-DD' string, not {type(as_of).__name__}")


def _pack(df: "pyspark.sql.DataFrame", engine: "Optional[Engine]") -> "tuple[Any, Optional[str]]":
    """The pack as (broadcast bytes or None for the embedded one, its digest)."""
    from . import Engine

    eng = engine if engine is not None else Engine()
    if eng.sha256 == Engine().sha256:
        return None, None  # every wheel has it: ship nothing
    return df.sparkSession.sparkContext.broadcast(eng.pack_bytes()), eng.sha256


def _text(df: "pyspark.sql.DataFrame", column: str) -> Any:
    """The column as JSON text: a struct (or map) column is written as JSON by Spark itself
    (to_json leaves null fields out: a null field is an absent one), never row by row in Python."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    if column not in df.columns:
        raise KeyError(f"no column {column!r} (columns: {', '.join(df.columns)})")
    t = df.schema[column].dataType
    if isinstance(t, T.StringType):
        return F.col(column)
    if isinstance(t, (T.StructType, T.MapType, T.ArrayType)):
        return F.to_json(F.col(column))
    raise TypeError(f"column {column!r} is {t.simpleString()}: expected JSON strings or structs")


def _schema(*parts: Any) -> Any:
    from pyspark.sql import types as T

    fields: List[Any] = []
    for p in parts:
        fields.extend(p.fields if isinstance(p, T.StructType) else T._parse_datatype_string(p).fields)
    names = [f.name for f in fields]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise ValueError(f"the input already has column(s) {', '.join(dup)}: rename them first")
    return T.StructType(fields)


def check(
    df: "pyspark.sql.DataFrame",
    column: str = "application",
    *,
    id_column: Optional[str] = None,
    output: str = "findings",
    engine: "Optional[Engine]" = None,
    as_of: Any = None,
) -> "pyspark.sql.DataFrame":
    """Checks ``df[column]`` (JSON strings, or structs) on the executors.

    ``output="findings"`` (default): one row per finding, the columns of ``SCHEMA``; the first
    column is ``id_column`` itself (its own name and type) when given, else ``row`` =
    ``F.monotonically_increasing_id()`` of the input row (a number that is not in ``df``: pass
    ``id_column`` to join findings back).
    ``output="rows"``: every column of ``df`` followed by ``ROWS_SCHEMA`` — one result per row,
    nothing to join; a null application gives null results.
    ``output="codes"``: ``id_column`` (required) followed by ``CODES_SCHEMA``.
    """
    from pyspark.sql import functions as F

    if output not in ("findings", "rows", "codes"):
        raise ValueError(f"output must be 'findings', 'rows' or 'codes', not {output!r}")
    if id_column is not None and id_column not in df.columns:
        raise KeyError(f"no id column {id_column!r} (columns: {', '.join(df.columns)})")
    if output == "codes" and id_column is None:
        raise TypeError("output='codes' needs id_column: the codes are keyed by it")
    day = pin_as_of(as_of)
    pack, sha = _pack(df, engine)
    text = _text(df, column)
    key = "__beiancheck_application"

    if output == "rows":
        narrow = df.withColumn(key, text)
        schema = _schema(df.schema, ROWS_SCHEMA)
        keep = df.columns

        def rows(batches: Iterator["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:
            import pyarrow as pa

            worker = _worker_engine(pack, sha)
            for batch in batches:
                res = worker.check_rows(batch.select([key]), key, threads=1, as_of=day).drop_columns(["row"])
                cols = [batch.column(n) for n in keep] + [res.column(n).combine_chunks() for n in res.column_names]
                yield from pa.Table.from_arrays(cols, names=keep + res.column_names).to_batches()

        return narrow.mapInArrow(rows, schema)

    if output == "codes":
        narrow = df.select(F.col(id_column), text.alias(key))
        schema = _schema(df.select(id_column).schema, CODES_SCHEMA)

        def codes(batches: Iterator["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:
            import pyarrow as pa

            worker = _worker_engine(pack, sha)
            for batch in batches:
                res = worker.check_rows(batch, key, id_column=id_column, threads=1, as_of=day)
                yield from res.select([id_column, "verdict", "codes", "error_code"]).to_batches()

        return narrow.mapInArrow(codes, schema)

    if id_column is None:
        narrow = df.select(F.monotonically_increasing_id().alias("row"), text.alias(key))
        schema = _schema(SCHEMA)
    else:
        narrow = df.select(F.col(id_column), text.alias(key))
        schema = _schema(df.select(id_column).schema, SCHEMA.split(", ", 1)[1])
    first = schema.fields[0].name

    def findings(batches: Iterator["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:
        import pyarrow.compute as pc

        worker = _worker_engine(pack, sha)
        for batch in batches:
            out = worker.check_arrow(batch, key, threads=1, as_of=day)
            ids = pc.take(batch.column(0), out.column("row"))
            yield from out.set_column(0, first, ids).to_batches()

    return narrow.mapInArrow(findings, schema)


def check_domains(
    df: "pyspark.sql.DataFrame",
    column: str = "domain",
    *,
    subject_kind: Optional[str] = None,
    province: Optional[str] = None,
    engine: "Optional[Engine]" = None,
) -> "pyspark.sql.DataFrame":
    """Checks the domain names in ``df[column]`` on the executors: every column of ``df``
    followed by ``DOMAINS_SCHEMA`` (the columns of ``Engine.check_domains``); a null name gives
    null results."""
    from pyspark.sql import types as T

    if column not in df.columns:
        raise KeyError(f"no column {column!r} (columns: {', '.join(df.columns)})")
    if not isinstance(df.schema[column].dataType, T.StringType):
        raise TypeError(f"column {column!r} is {df.schema[column].dataType.simpleString()}, not a string column")
    pack, sha = _pack(df, engine)
    schema = _schema(df.schema, DOMAINS_SCHEMA)
    keep = df.columns

    def run(batches: Iterator["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:
        import pyarrow as pa

        worker = _worker_engine(pack, sha)
        for batch in batches:
            res = worker.check_domains(batch.column(column), subject_kind=subject_kind, province=province, threads=1)
            extra = [n for n in res.column_names if n != "domain"]
            cols = [batch.column(n) for n in keep] + [res.column(n).combine_chunks() for n in extra]
            yield from pa.Table.from_arrays(cols, names=keep + extra).to_batches()

    return df.mapInArrow(run, schema)
