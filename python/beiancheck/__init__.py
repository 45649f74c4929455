"""beiancheck: an offline rules engine for China's ICP filing (网站备案).

>>> import beiancheck
>>> engine = beiancheck.Engine()
>>> engine.check_domain("example.io").verdict
'ineligible'

Every decision is made by the Rust core; this package converts inputs and outputs. See
docs/PYTHON.md for the whole API.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Optional, Union

from . import _native
from ._native import (
    MAX_THREADS_ENV,
    BeiancheckError,
    CheckIter,
    DomainReport,
    ErrorResult,
    Finding,
    InputError,
    PackError,
    Report,
)

if TYPE_CHECKING:  # pragma: no cover
    import datetime

    import pyarrow

    AsOf = Union[str, datetime.date, None]

__version__: str = _native.__version__

__all__ = [
    "Engine",
    "report",
    "Report",
    "Finding",
    "ErrorResult",
    "DomainReport",
    "CheckIter",
    "BeiancheckError",
    "InputError",
    "PackError",
    "MAX_THREADS_ENV",
    "__version__",
]


class Engine(_native.Engine):
    """The rule engine on one rule pack: immutable, thread-safe, picklable.

    ``Engine()`` uses the pack embedded in the wheel; ``Engine.from_pack(...)`` loads another.
    Pickling sends the pack's bytes and SHA-256; unpickling re-validates the pack and refuses
    one whose digest differs, so an engine can be shipped to worker processes.
    """

    @classmethod
    def from_pack(cls, source: Union[bytes, bytearray, memoryview, str, "os.PathLike[str]"]) -> "Engine":
        """An engine on a replacement rule pack: the pack's bytes, or the path of a pack file
        (a ``str`` is a path). Raises PackError when the pack is refused (``.path`` says where)."""
        if isinstance(source, (bytes, bytearray, memoryview)):
            data = bytes(source)
        elif isinstance(source, (str, os.PathLike)):
            data = Path(source).read_bytes()
        else:
            raise TypeError(f"from_pack takes bytes or a path, not {type(source).__name__}")
        return cls(data)

    def check_many(
        self,
        rows: Iterable[Any],
        *,
        threads: Optional[int] = None,
        as_of: "AsOf" = None,
        chunk_size: int = 4096,
    ) -> "list[Union[Report, ErrorResult]]":
        """Checks every row and returns a list: one result per row, in input order.

        A row is a dict or a JSON string (or UTF-8 bytes). A row that is not an application
        (malformed JSON, None, an int …) gives an ErrorResult carrying its index instead of
        raising. The work runs on ``threads`` threads (default ``BEIANCHECK_MAX_THREADS`` or the
        CPU count) with the GIL released. For inputs too large to hold, use ``check_iter``.
        """
        return list(self.check_iter(rows, threads=threads, as_of=as_of, chunk_size=chunk_size))

    def check_domains(
        self,
        names: Any,
        *,
        subject_kind: Optional[str] = None,
        province: Optional[str] = None,
        threads: Optional[int] = None,
    ) -> Any:
        """Checks many domain names.

        An iterable of ``str`` gives a list of DomainReport (None for a None name). An Arrow string array (a pyarrow
        Array or ChunkedArray, a polars Series: anything with ``__arrow_c_array__`` or
        ``__arrow_c_stream__``) gives a ``pyarrow.Table`` with the columns
        ``domain, verdict, registrable, suffix, tld, tld_status, codes`` (a null name: a null
        row). A pandas Series gives a pandas DataFrame on its index; a polars Series a polars
        DataFrame.
        """
        mod = type(names).__module__.split(".")[0]
        if mod == "pandas" and hasattr(names, "index"):
            import pyarrow as pa

            try:
                arr = pa.Array.from_pandas(names, type=pa.string())
            except (pa.ArrowInvalid, pa.ArrowTypeError) as e:
                raise TypeError(f"check_domains takes a Series of strings: {e}") from None
            out = self.check_domains(arr, subject_kind=subject_kind, province=province, threads=threads).to_pandas()
            out.index = names.index
            return out
        if not isinstance(names, (str, bytes)) and (
            hasattr(names, "__arrow_c_stream__") or hasattr(names, "__arrow_c_array__")
        ):
            from ._arrow import read_capsule

            cap = self._check_domains_arrow(names, subject_kind=subject_kind, province=province, threads=threads)
            table = read_capsule(cap).read_all()
            if mod == "polars":
                import polars as pl

                return pl.from_arrow(table)
            return table
        if isinstance(names, str):
            raise TypeError("check_domains takes many names; use check_domain for one")
        return self._check_domains_list(names, subject_kind=subject_kind, province=province, threads=threads)

    def check_ids(
        self,
        values: Any,
        *,
        kind: str,
        as_of: "AsOf" = None,
        threads: Optional[int] = None,
    ) -> Any:
        """Checks many identity numbers of one ``kind`` on their own: ``resident_id``,
        ``credit_code``, ``mobile``, ``hk_macau_permit``, ``taiwan_permit``, ``passport``,
        ``hk_macau_residence`` or ``taiwan_residence``. Ages are computed on ``as_of`` (a date
        or ``"YYYY-MM-DD"``; default today in Shanghai, fixed once for the whole call).

        What comes back follows what goes in, one answer per value, in order, a null for a
        null: a list of ``str``/``None`` gives a list of dicts (``None`` for ``None``); a
        pyarrow array gives a ``pyarrow.Table``; a pandas Series a pandas DataFrame with the
        Series' index; a polars Series a polars DataFrame. The columns (dict keys): ``valid,
        reason, position, expected, message_en, message_zh, normalised, birth_date, sex, age,
        province, area, registration_authority, org_type, org_class, org_class_zh`` (in the
        dicts also ``kind``; ``birth_date`` is a date in Arrow, ``"YYYY-MM-DD"`` in a dict).
        An unknown ``kind`` raises ValueError; a value that is not a string, TypeError.
        """
        if isinstance(values, (str, bytes)):
            raise TypeError("check_ids takes many values; use check_id for one")
        module = type(values).__module__.split(".")[0]
        if module == "pandas" and hasattr(values, "index"):
            import pyarrow as pa

            try:
                arr = pa.Array.from_pandas(values, type=pa.string())
            except (pa.ArrowInvalid, pa.ArrowTypeError) as e:
                raise TypeError(f"check_ids takes a Series of strings: {e}") from None
            from ._rows import to_pandas

            out = to_pandas(self.check_ids(arr, kind=kind, as_of=as_of, threads=threads))
            out.index = values.index
            return out
        if hasattr(values, "__arrow_c_stream__") or hasattr(values, "__arrow_c_array__"):
            from ._arrow import read_capsule

            table = read_capsule(_native._check_ids_arrow(values, kind, as_of, threads)).read_all()
            if module == "polars":
                import polars as pl

                return pl.from_arrow(table)
            return table
        return _native._check_ids_list(values, kind, as_of, threads)

    def check_id(self, value: str, *, kind: str, as_of: "AsOf" = None) -> "dict[str, Any]":
        """One identity number: the dict ``check_ids`` gives for it."""
        if not isinstance(value, str):
            raise TypeError(f"check_id takes a str, not {type(value).__name__}")
        return _native._check_ids_list([value], kind, as_of, 1)[0]

    def materials(
        self,
        *,
        province: Optional[str] = None,
        subject_kind: Optional[str] = None,
        filing_type: Optional[str] = None,
        **case: Any,
    ) -> "dict[str, Any]":
        """The materials checklist for a province, subject kind and case. ``case`` takes the
        other MaterialsQuery fields: non_local, minor, subject_owner_not_legal_rep,
        website_owner_not_legal_rep, pre_approval, domain_not_at_provider, name_change,
        off_campus_training (bool) and websites (int). An unknown field raises TypeError."""
        query: "dict[str, Any]" = {k: v for k, v in case.items()}
        for k, v in (("province", province), ("subject_kind", subject_kind), ("filing_type", filing_type)):
            if v is not None:
                query[k] = v
        return self._materials(query)

    def check_arrow(
        self,
        data: Any,
        column: str = "application",
        *,
        threads: Optional[int] = None,
        as_of: "AsOf" = None,
        chunk_size: int = 8192,
    ) -> "pyarrow.Table":
        """Checks a column of applications in Arrow data and returns a ``pyarrow.Table`` of
        findings: ``row, verdict, filing_type, code, severity, path, message_zh, message_en``,
        one row per finding; an application without findings appears once with a null code; a
        bad row (malformed JSON, null) once with its input error (code INPUT_MALFORMED).

        ``data`` is anything with ``__arrow_c_stream__`` (a pyarrow Table or RecordBatchReader,
        a polars DataFrame), a pyarrow RecordBatch, or a 1-D string array. The column holds
        JSON strings (read natively from the Arrow buffers, no Python object per row) or
        structs (converted to dicts through pyarrow).
        """
        return self.check_arrow_reader(data, column, threads=threads, as_of=as_of, chunk_size=chunk_size).read_all()

    def check_rows(
        self,
        data: Any,
        column: str = "application",
        *,
        id_column: Optional[str] = None,
        report: bool = False,
        findings: bool = False,
        threads: Optional[int] = None,
        as_of: "AsOf" = None,
        chunk_size: int = 8192,
    ) -> Any:
        """One result row per input row, in the container that came in: a pyarrow Table (or
        RecordBatch, reader, array, anything with ``__arrow_c_stream__``) gives a
        ``pyarrow.Table``; a polars DataFrame or Series a polars DataFrame; a pandas DataFrame or
        Series a pandas DataFrame on the same index; a list of rows (dicts / JSON strings, as
        ``check_many``) a ``pyarrow.Table``.

        Columns: ``row`` (position; not in pandas, whose index is kept), ``verdict``,
        ``filing_type``, ``codes`` (list of finding codes), ``errors`` and ``warnings``
        (counts), ``error_code`` / ``error_message`` for a row that is not an application
        (malformed JSON), and with ``report=True`` the report as JSON. ``id_column`` names a
        column of ``data`` carried through first, with its own type. A null application gives
        a null result (everything null but ``row`` and the id). ``findings=True`` gives the
        per-finding view of ``check_arrow`` instead.
        """
        if findings:
            if id_column is not None or report:
                raise TypeError("findings=True is the check_arrow view: it takes no id_column or report")
            return self.check_arrow(data, column, threads=threads, as_of=as_of, chunk_size=chunk_size)
        from ._rows import check_rows

        return check_rows(
            self, data, column, id_column=id_column, report=report, threads=threads, as_of=as_of, chunk_size=chunk_size
        )

    def check_arrow_reader(
        self,
        data: Any,
        column: str = "application",
        *,
        threads: Optional[int] = None,
        as_of: "AsOf" = None,
        chunk_size: int = 8192,
    ) -> "pyarrow.RecordBatchReader":
        """As ``check_arrow``, but lazy: a ``pyarrow.RecordBatchReader`` that checks
        ``chunk_size`` input rows each time a batch is read (flat memory on any input size)."""
        from ._arrow import check_arrow_reader

        return check_arrow_reader(self, data, column, threads=threads, as_of=as_of, chunk_size=chunk_size)

    def check_rows_arrow(
        self,
        rows: Iterable[Any],
        *,
        threads: Optional[int] = None,
        as_of: "AsOf" = None,
        chunk_size: int = 8192,
    ) -> "pyarrow.Table":
        """Python rows (dicts or JSON strings, as for ``check_many``) → the findings table of
        ``check_arrow``. Used by ``beiancheck.pandas``."""
        from ._arrow import rows_reader

        return rows_reader(self, rows, threads=threads, as_of=as_of, chunk_size=chunk_size).read_all()




def report(
    results: Iterable[Any],
    inputs: Optional[Iterable[Any]] = None,
    *,
    engine: Optional[Engine] = None,
    source: Optional[str] = None,
    path: Union[str, "os.PathLike[str]", None] = None,
) -> str:
    """One self-contained HTML page summarising a run (the page ``beiancheck batch --report``
    writes, from the same renderer in the core): verdicts overall, by province and subject kind,
    the most frequent finding codes with their meaning and an example row, what could not be
    checked, the rule pack and the row counts.

    ``results`` are what ``check_many`` / ``check_iter`` give (Report, ErrorResult; None for a
    null row); ``inputs``, the rows they came from (dicts or JSON), give each row's province and
    subject kind. ``source`` names the run in the title. Every value is HTML-escaped; the page
    has no script and a policy that allows none. Returns the HTML; with ``path``, writes it too.
    """
    eng = engine if engine is not None else Engine()
    res = list(results)
    ins = None if inputs is None else list(inputs)
    html = _native._report_html(eng, res, ins, source)
    if path is not None:
        Path(path).write_text(html, encoding="utf-8")
    return html


def __getattr__(name: str) -> Any:
    # beiancheck.pandas / .polars / .spark work after a plain `import beiancheck`, without
    # importing pandas, polars or pyspark until they are used.
    if name in ("pandas", "polars", "spark"):
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
