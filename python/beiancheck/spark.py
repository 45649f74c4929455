"""beiancheck on PySpark: ``beiancheck.spark.check(df, column="application")``.

The check runs inside the executors through ``DataFrame.mapInArrow``: each Python worker builds
one engine (cached per rule pack) and checks each Arrow batch natively with one thread, since
Spark already runs one Python worker per core.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterator, Optional

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow
    import pyspark.sql

    from . import Engine

__all__ = ["check", "SCHEMA"]

#: The findings schema (the columns of Engine.check_arrow), as Spark DDL.
SCHEMA = (
    "row long, verdict string, filing_type string, code string, severity string, "
    "path string, message_zh string, message_en string"
)

# One engine per worker process and rule pack.
_ENGINES: Dict[Optional[str], Any] = {}


def _worker_engine(pack: Optional[bytes], sha256: Optional[str]) -> "Engine":
    from . import Engine

    eng = _ENGINES.get(sha256)
    if eng is None:
        eng = Engine() if pack is None else Engine(pack, sha256)
        _ENGINES[sha256] = eng
    return eng


def check(
    df: "pyspark.sql.DataFrame",
    column: str = "application",
    *,
    id_column: Optional[str] = None,
    engine: "Optional[Engine]" = None,
    as_of: Any = None,
) -> "pyspark.sql.DataFrame":
    """Checks ``df[column]`` (JSON strings, or structs) on the executors and returns a Spark
    DataFrame of findings with the schema ``SCHEMA`` (the columns of ``Engine.check_arrow``).

    ``row`` is the value of ``id_column`` (cast to long) when given; otherwise it is
    ``F.monotonically_increasing_id()`` of the input row, so add that column to ``df`` first
    (``df.withColumn("id", F.monotonically_increasing_id())``) and pass ``id_column="id"`` to
    join the findings back to their rows.
    """
    import datetime

    from pyspark.sql import functions as F

    from . import Engine

    eng = engine if engine is not None else Engine()
    # The embedded pack is in every wheel: ship only its digest. Another pack travels as bytes.
    embedded = Engine()
    pack = None if eng.sha256 == embedded.sha256 else eng.pack_bytes()
    sha = None if pack is None else eng.sha256
    day = as_of.isoformat() if isinstance(as_of, datetime.date) else as_of

    if id_column is None:
        ids = F.monotonically_increasing_id()
    else:
        ids = F.col(id_column).cast("long")
    narrow = df.select(ids.alias("__beiancheck_id"), F.col(column).alias("application"))

    def run(batches: Iterator["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:
        import pyarrow.compute as pc

        worker = _worker_engine(pack, sha)
        for batch in batches:
            out = worker.check_arrow(batch, "application", threads=1, as_of=day)
            rows = pc.take(batch.column(0), out.column("row"))
            out = out.set_column(0, "row", rows.cast("int64"))
            yield from out.to_batches()

    return narrow.mapInArrow(run, SCHEMA)
