"""beiancheck on polars.

* ``beiancheck.polars.check(df, column="application")``: one result row per row of ``df``.
* Importing this module registers the ``beian`` namespace on expressions and Series::

      import beiancheck.polars
      df.with_columns(pl.col("application").beian.check().alias("result"))   # a struct column
      df.with_columns(pl.col("domain").beian.check_domains())
      df.with_columns(pl.col("id_number").beian.check_ids(kind="resident_id"))

  It works in lazy frames too (``map_batches``, with the result type declared so the plan
  knows its schema). ``as_of`` is fixed when the expression is built (default today in
  Shanghai), so every batch of a query is checked on the same date.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Optional

import polars as pl

if TYPE_CHECKING:  # pragma: no cover
    from . import Engine

__all__ = ["check", "BeianNamespace"]


def _engine(engine: "Optional[Engine]") -> "Engine":
    from . import Engine

    return engine if engine is not None else Engine()


def check(
    df: "pl.DataFrame",
    column: str = "application",
    *,
    engine: "Optional[Engine]" = None,
    id_column: Optional[str] = None,
    report: bool = False,
    findings: bool = False,
    threads: Optional[int] = None,
    as_of: Any = None,
) -> "pl.DataFrame":
    """Checks ``df[column]`` (JSON strings, or structs) and returns one result row per row of
    ``df`` (the columns of ``Engine.check_rows``; ``id_column`` carried through), handed over
    through the Arrow C stream interface. ``findings=True`` gives the per-finding view (the
    columns of ``Engine.check_arrow``; ``row`` is the row's position in ``df``)."""
    eng = _engine(engine)
    if findings:
        out = pl.from_arrow(eng.check_arrow(df.select(column), column, threads=threads, as_of=as_of))
        assert isinstance(out, pl.DataFrame)
        return out
    return eng.check_rows(df, column, id_column=id_column, report=report, threads=threads, as_of=as_of)


def _pinned(as_of: Any) -> str:
    """The date every batch uses: the caller's, or today in Shanghai now (not per batch)."""
    if as_of is None:
        return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date().isoformat()
    if isinstance(as_of, datetime.datetime):
        return as_of.date().isoformat()
    if isinstance(as_of, datetime.date):
        return as_of.isoformat()
    return str(as_of)


def _struct(df: "pl.DataFrame") -> "pl.Series":
    return df.to_struct("beian")


def _dtype(df: "pl.DataFrame") -> "pl.DataType":
    return pl.Struct(df.schema)


@pl.api.register_expr_namespace("beian")
@pl.api.register_series_namespace("beian")
class BeianNamespace:
    """``pl.col(...).beian`` / ``series.beian``: checks as polars expressions (struct out)."""

    def __init__(self, x: Any) -> None:
        self._x = x

    def _map(self, fn: Any, empty: "pl.DataFrame") -> Any:
        if isinstance(self._x, pl.Series):
            return _struct(fn(self._x)).alias(self._x.name)
        return self._x.map_batches(lambda s: _struct(fn(s)), return_dtype=_dtype(empty))

    def check(
        self, *, engine: "Optional[Engine]" = None, report: bool = False, as_of: Any = None, threads: Optional[int] = None
    ) -> Any:
        """Applications (JSON strings) → a struct per row: ``verdict, filing_type, codes,
        errors, warnings, error_code, error_message`` (+ ``report``); null in, null result."""
        eng, day = _engine(engine), _pinned(as_of)

        def run(s: "pl.Series") -> "pl.DataFrame":
            # No `row`: inside a query it would count from 0 in every batch.
            out = eng.check_rows(s.cast(pl.String), report=report, as_of=day, threads=threads)
            return out.drop("row")

        return self._map(run, run(pl.Series([], dtype=pl.String)))

    def check_domains(
        self,
        *,
        engine: "Optional[Engine]" = None,
        subject_kind: Optional[str] = None,
        province: Optional[str] = None,
        threads: Optional[int] = None,
    ) -> Any:
        """Domain names → a struct per name (the columns of ``Engine.check_domains``); a null
        name gives a null result."""
        eng = _engine(engine)

        def run(s: "pl.Series") -> "pl.DataFrame":
            out = eng.check_domains(s.cast(pl.String), subject_kind=subject_kind, province=province, threads=threads)
            assert isinstance(out, pl.DataFrame)
            return out

        return self._map(run, run(pl.Series([], dtype=pl.String)))

    def check_ids(
        self, *, kind: str, engine: "Optional[Engine]" = None, as_of: Any = None, threads: Optional[int] = None
    ) -> Any:
        """Identity numbers of one kind → a struct per value (the columns of
        ``Engine.check_ids``); a null value gives a null result."""
        eng, day = _engine(engine), _pinned(as_of)

        def run(s: "pl.Series") -> "pl.DataFrame":
            out = eng.check_ids(s.cast(pl.String), kind=kind, as_of=day, threads=threads)
            assert isinstance(out, pl.DataFrame)
            return out

        return self._map(run, run(pl.Series([], dtype=pl.String)))
