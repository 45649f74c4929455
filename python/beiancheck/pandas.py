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
    threads: Optional[int] = None,
    as_of: Any = None,
) -> "pandas.DataFrame":
    """Checks ``df[column]`` (dicts or JSON strings, one application per row) and returns a
    pandas DataFrame of findings with the columns of ``Engine.check_arrow``; ``row`` is the
    row's position in ``df`` (use ``df.iloc[row]``)."""
    from . import Engine

    eng = engine if engine is not None else Engine()
    # The column's own objects are checked (not a pyarrow conversion of them): pyarrow would
    # turn a column of dicts into structs, adding a null for every key another row has.
    table = eng.check_rows_arrow(df[column].tolist(), threads=threads, as_of=as_of)
    return table.to_pandas()
