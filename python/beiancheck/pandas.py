"""beiancheck on pandas: ``beiancheck.pandas.check(df, column="application")``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from . import Engine

__all__ = ["check"]


def check(
    df: "pandas.DataFrame",
    column: str = "application",
    *,
    engine: "Optional[Engine]" = None,
    id_column: Optional[str] = None,
    report: bool = False,
    findings: bool = False,
    threads: Optional[int] = None,
    as_of: Any = None,
) -> "pandas.DataFrame":
    """Checks ``df[column]`` (dicts or JSON strings, one application per row; a missing value
    is a null result) and returns one result row per row of ``df``, on ``df``'s index: the
    columns of ``Engine.check_rows``. ``findings=True`` gives the per-finding view instead
    (the columns of ``Engine.check_arrow``; ``row`` is the position in ``df``)."""
    from . import Engine

    eng = engine if engine is not None else Engine()
    if findings:
        # The column's own objects are checked (not a pyarrow conversion of them): pyarrow would
        # turn a column of dicts into structs, adding a null for every key another row has.
        return eng.check_rows_arrow(df[column].tolist(), threads=threads, as_of=as_of).to_pandas()
    return eng.check_rows(df, column, id_column=id_column, report=report, threads=threads, as_of=as_of)
