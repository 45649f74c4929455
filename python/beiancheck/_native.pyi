"""Type stubs for the compiled module ``beiancheck._native`` (python/src/*.rs)."""

import datetime
from typing import Any, Iterable, Iterator, List, Literal, Optional, Tuple, TypedDict, Union

__version__: str
MAX_THREADS_ENV: str

AsOf = Union[str, datetime.date, None]
Verdict = Literal["eligible", "ineligible", "needs_review"]
Severity = Literal["error", "warning", "info"]

class Message(TypedDict):
    zh: str
    en: str

class BeiancheckError(Exception):
    """Base class of every error beiancheck raises."""

class InputError(BeiancheckError):
    """The input is not an application at all (malformed JSON, a value JSON cannot hold)."""

    code: str
    """``INPUT_MALFORMED`` (or ``INPUT_LIMIT_EXCEEDED``)."""
    line: int
    """1-based line of the problem in JSON text (0 when not applicable)."""
    column: int
    path: Optional[str]
    """The field path, for a dict whose value JSON cannot hold."""
    message: str

class PackError(BeiancheckError):
    """A rule pack was refused; the engine that had a pack keeps it."""

    path: str
    """Where in the pack (``catalogue.codes[3].severity``, ``sha256`` …)."""
    message: str

class Finding:
    """One finding: typed attributes, and dict-like access to the JSON shape."""

    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def path(self) -> str: ...
    @property
    def message(self) -> Message: ...
    @property
    def message_zh(self) -> str: ...
    @property
    def message_en(self) -> str: ...
    @property
    def context(self) -> dict[str, Any]: ...
    @property
    def source(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def url(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def keys(self) -> List[str]: ...
    def __getitem__(self, key: str) -> Any: ...
    def __contains__(self, key: object) -> bool: ...

class Report:
    """The report of one application. Attributes build their Python values when read."""

    @property
    def verdict(self) -> Verdict: ...
    @property
    def filing_type(self) -> Optional[str]: ...
    @property
    def findings(self) -> List[Finding]: ...
    @property
    def codes(self) -> List[str]:
        """The finding codes in report order."""
    @property
    def not_checked(self) -> List[str]: ...
    @property
    def materials(self) -> List[dict[str, Any]]: ...
    @property
    def steps(self) -> List[dict[str, Any]]: ...
    @property
    def timeline(self) -> dict[str, Any]: ...
    @property
    def rules(self) -> dict[str, str]: ...
    @property
    def as_of(self) -> str: ...
    @property
    def notes(self) -> List[dict[str, str]]:
        """The province's notes a filer should read (code, zh, en, source, title, url); [] when none."""
    @property
    def is_error(self) -> Literal[False]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, *, pretty: bool = False) -> str:
        """Byte-identical to the core's ``Report::to_json()`` (``pretty``: indented)."""
    def keys(self) -> List[str]: ...
    def get(self, key: str, default: Any = None) -> Any: ...
    def __getitem__(self, key: str) -> Any: ...
    def __iter__(self) -> Iterator[str]: ...
    def __len__(self) -> int: ...
    def __contains__(self, key: object) -> bool: ...

class ErrorResult:
    """A bulk row that is not an application; stands in the row's place."""

    @property
    def index(self) -> int:
        """The row's 0-based position in the input."""
    @property
    def code(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def path(self) -> Optional[str]: ...
    @property
    def message(self) -> str: ...
    @property
    def verdict(self) -> None: ...
    @property
    def filing_type(self) -> None: ...
    @property
    def findings(self) -> List[Finding]: ...
    @property
    def is_error(self) -> Literal[True]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __getitem__(self, key: str) -> Any: ...

class DomainReport:
    """Can this domain be filed? The name rules, without registration facts."""

    @property
    def input(self) -> str: ...
    @property
    def verdict(self) -> Verdict: ...
    @property
    def ascii(self) -> Optional[str]: ...
    @property
    def unicode(self) -> Optional[str]: ...
    @property
    def registrable(self) -> Optional[str]: ...
    @property
    def registrable_unicode(self) -> Optional[str]: ...
    @property
    def suffix(self) -> Optional[str]: ...
    @property
    def suffix_unicode(self) -> Optional[str]: ...
    @property
    def tld(self) -> Optional[str]: ...
    @property
    def tld_status(self) -> Optional[str]: ...
    @property
    def tld_approved_since(self) -> Optional[str]: ...
    @property
    def tld_source(self) -> Optional[str]: ...
    @property
    def restriction(self) -> Optional[dict[str, Any]]: ...
    @property
    def findings(self) -> List[Finding]: ...
    @property
    def codes(self) -> List[str]: ...
    @property
    def rules(self) -> dict[str, str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def keys(self) -> List[str]: ...
    def __getitem__(self, key: str) -> Any: ...
    def __contains__(self, key: object) -> bool: ...

class CheckIter(Iterator[Union[Report, ErrorResult]]):
    """Lazy results of ``Engine.check_iter``, in input order, one per input row."""

    def __iter__(self) -> "CheckIter": ...
    def __next__(self) -> Union[Report, ErrorResult]: ...

class Engine:
    """The native engine; use ``beiancheck.Engine``, which adds the Python-level methods."""

    def __new__(cls, pack: Optional[bytes] = None, sha256: Optional[str] = None) -> "Engine": ...
    @property
    def version(self) -> str: ...
    @property
    def sha256(self) -> str: ...
    def pack_bytes(self) -> bytes: ...
    def swap_pack(self, pack: bytes) -> str:
        """Replace the rule pack in place, atomically, after validating it (PackError keeps the
        old one); checks already running finish on the old pack. Returns the new version."""
    def with_limits(self, **limits: int) -> "Engine":
        """A new engine on the same pack with other input limits (max_input_bytes, max_depth,
        max_websites, max_domains, max_resources, max_materials, max_string_chars)."""
    @property
    def limits(self) -> dict[str, int]: ...
    def __reduce__(self) -> Tuple[Any, Tuple[bytes, str]]: ...
    def check(self, app: Union[dict[str, Any], str, bytes], *, as_of: AsOf = None) -> Report:
        """Checks one application; raises InputError when it is not one (malformed JSON)."""
    def check_iter(
        self,
        rows: Iterable[Any],
        *,
        threads: Optional[int] = None,
        as_of: AsOf = None,
        chunk_size: int = 4096,
    ) -> CheckIter:
        """Lazy: pulls ``chunk_size`` rows at a time, checks them with the GIL released on
        ``threads`` threads while the next chunk is converted, yields results in input order."""
    def check_domain(
        self, name: str, *, subject_kind: Optional[str] = None, province: Optional[str] = None
    ) -> DomainReport: ...
    def _check_domains_list(
        self,
        names: Iterable[Optional[str]],
        *,
        subject_kind: Optional[str] = None,
        province: Optional[str] = None,
        threads: Optional[int] = None,
    ) -> List[Optional[DomainReport]]: ...
    def _check_domains_arrow(
        self,
        names: Any,
        *,
        subject_kind: Optional[str] = None,
        province: Optional[str] = None,
        threads: Optional[int] = None,
    ) -> Any: ...
    def _materials(self, query: dict[str, Any]) -> dict[str, Any]: ...
    def _check_arrow(
        self,
        data: Any,
        column: str = "application",
        *,
        threads: Optional[int] = None,
        as_of: AsOf = None,
        chunk_size: int = 8192,
    ) -> Any: ...
    def _findings_batch(
        self,
        rows: List[Any],
        start: int = 0,
        *,
        threads: Optional[int] = None,
        as_of: AsOf = None,
        drop_nulls: bool = False,
    ) -> Any: ...

def _check_ids_list(
    values: Iterable[Optional[str]], kind_name: str, as_of: AsOf = None, threads: Optional[int] = None
) -> List[Optional[dict[str, Any]]]:
    """Identity numbers of one kind → one dict per value (None for None); see Engine.check_ids."""

def _check_ids_arrow(values: Any, kind_name: str, as_of: AsOf = None, threads: Optional[int] = None) -> Any:
    """An Arrow string array → an Arrow stream capsule of the answers; see Engine.check_ids."""

def _report_html(engine: Engine, results: List[Any], inputs: Optional[List[Any]] = None, source: Optional[str] = None) -> str:
    """Results (+ their inputs) → the run summary page; see beiancheck.report."""
