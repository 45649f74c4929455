"""beiancheck on polars: ``beiancheck.polars.check(df, column="application")``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:  # pragma: no cover
    import polars

    from . import Engine

__all__ = ["check"]


def check(
    df: "polars.DataFrame",
    column: str = "application",
    *,
    engine: "Optional[Engine]" = None,
    threads: Optional[int] = None,
    as_of: Any = None,
) -> "polars.DataFrame":
    """Checks ``df[column]`` (JSON strings, or structs) and returns a polars DataFrame of
    findings with the columns of ``Engine.check_arrow``; ``row`` is the row's position in ``df``.
    The DataFrame is handed over through the Arrow C stream interface (no copy of the column)."""
    import polars as pl

    from . import Engine

    eng = engine if engine is not None else Engine()
    table = eng.check_arrow(df.select(column), column, threads=threads, as_of=as_of)
    out = pl.from_arrow(table)
    assert isinstance(out, pl.DataFrame)
    return out
