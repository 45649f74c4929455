//! `beiancheck._native`: the Python face of the beiancheck core. It converts inputs and outputs
//! and nothing else; every decision is the core's. The public API is the `beiancheck` package
//! (python/beiancheck), which wraps this module.
//!
//! Not `forbid(unsafe_code)` like core and cli: the Arrow interface (arrow.rs) takes ownership
//! of C stream structs through raw pointers, which only `unsafe` can do.
use beiancheck::{DomainQuery, Engine, InputError as CoreInputError, MaterialsQuery, Report};
use chrono::NaiveDate;
use pyo3::exceptions::{PyException, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyIterator, PyList, PyString};
use rayon::prelude::*;
use std::collections::VecDeque;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{mpsc, Arc, Mutex};

mod arrow;
mod convert;
mod ids;
mod objects;
mod pool;
mod rows;
mod summary;

use convert::Input;
use objects::{PyDomainReport, PyErrorResult, PyFinding, PyReport};

pyo3::create_exception!(beiancheck, BeiancheckError, PyException, "Base class of every error beiancheck raises.");
pyo3::create_exception!(
    beiancheck,
    InputError,
    BeiancheckError,
    "The input is not an application at all (malformed JSON, a value JSON cannot hold). Has .code, .line, .column, .path, .message."
);
pyo3::create_exception!(beiancheck, PackError, BeiancheckError, "A rule pack was refused. Has .path (where in the pack) and .message.");

/// What one row gives: a report, or the reason it is not an application.
pub type Outcome = Result<Report, CoreInputError>;

/// Code of a row whose check panicked in the core (a bug): reported, never propagated.
const INTERNAL_ERROR: &str = "INTERNAL_ERROR";

fn guard(f: impl FnOnce() -> Outcome) -> Outcome {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|p| {
        let what = p.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| p.downcast_ref::<String>().cloned()).unwrap_or_default();
        Err(CoreInputError {
            code: INTERNAL_ERROR,
            line: 0,
            column: 0,
            path: None,
            message: format!("internal error in the engine: {what}"),
        })
    })
}

pub fn run_one(engine: &Engine, input: Input, as_of: Option<NaiveDate>) -> Outcome {
    match input {
        Input::Bad(e) => Err(e),
        Input::Value(v) => guard(|| engine.check_value_at(&v, as_of)),
        Input::Text(s) => guard(|| engine.check_json_at(&s, as_of)),
    }
}

/// A cell of an Arrow string column: null is a bad row, like None in `check_many`.
pub fn run_text(engine: &Engine, text: Option<&str>, as_of: Option<NaiveDate>) -> Outcome {
    match text {
        Some(s) => guard(|| engine.check_json_at(s, as_of)),
        None => Err(convert::malformed(None, "expected an application (a JSON string), got null")),
    }
}

fn input_error(py: Python<'_>, e: CoreInputError) -> PyErr {
    if e.code == INTERNAL_ERROR {
        return BeiancheckError::new_err(e.message);
    }
    let err = InputError::new_err(e.to_string());
    let v = err.value(py);
    // Setting attributes on a fresh exception instance cannot fail in practice; if it did, the
    // exception would still carry the full message.
    let _ = v.setattr("code", e.code);
    let _ = v.setattr("line", e.line);
    let _ = v.setattr("column", e.column);
    let _ = v.setattr("path", e.path.as_deref());
    let _ = v.setattr("message", &e.message);
    err
}

fn pack_error(py: Python<'_>, path: &str, message: &str) -> PyErr {
    let err = PackError::new_err(format!("invalid rule pack at {path}: {message}"));
    let v = err.value(py);
    let _ = v.setattr("path", path);
    let _ = v.setattr("message", message);
    err
}

fn outcome_to_py(py: Python<'_>, index: usize, o: Outcome) -> PyResult<Py<PyAny>> {
    Ok(match o {
        Ok(r) => Py::new(py, PyReport { r })?.into_any(),
        Err(e) => Py::new(py, PyErrorResult { index, e })?.into_any(),
    })
}

/// `(Engine, (pack bytes, sha256))`: what pickle stores.
type Reduced<'py> = (Bound<'py, PyAny>, (Bound<'py, PyBytes>, String));

/// The rule engine: an immutable, validated rule pack. Safe to share between threads.
#[pyclass(subclass, frozen, module = "beiancheck._native", name = "Engine")]
pub struct PyEngine {
    engine: Engine,
}

#[pymethods]
impl PyEngine {
    /// `Engine()` is the embedded pack; `Engine(pack_bytes, sha256)` (what unpickling calls)
    /// loads a pack and, when `sha256` is given, refuses one whose digest differs.
    #[new]
    #[pyo3(signature = (pack = None, sha256 = None))]
    fn new(py: Python<'_>, pack: Option<&[u8]>, sha256: Option<&str>) -> PyResult<Self> {
        let embedded = Engine::embedded();
        let engine = match pack {
            None => embedded,
            // The embedded pack needs no second parse (the common case when unpickling).
            Some(b) if sha256 == Some(embedded.pack().sha256.as_str()) && b == beiancheck::EMBEDDED_PACK => embedded,
            Some(b) => Engine::from_pack(b).map_err(|e| pack_error(py, &e.path, &e.message))?,
        };
        if let Some(want) = sha256 {
            if engine.pack().sha256 != want {
                let msg = format!("the pack's SHA-256 is {}, expected {want}", engine.pack().sha256);
                return Err(pack_error(py, "sha256", &msg));
            }
        }
        Ok(PyEngine { engine })
    }

    /// The rule pack's version.
    #[getter]
    fn version(&self) -> String {
        self.engine.pack().meta.version.clone()
    }

    /// The SHA-256 of the rule pack's bytes (as in every report's `rules`).
    #[getter]
    fn sha256(&self) -> String {
        self.engine.pack().sha256.clone()
    }

    /// Replaces the rule pack in place (bytes, as `Engine.from_pack` reads), atomically: the
    /// pack is validated completely first (PackError, the old pack stays); checks already
    /// running finish on the old pack. Returns the new pack's version. The GIL is released
    /// while the pack is parsed, so other threads keep checking.
    fn swap_pack(&self, py: Python<'_>, pack: &[u8]) -> PyResult<String> {
        let owned = pack.to_vec();
        let engine = self.engine.clone();
        let done = py.detach(move || engine.swap_pack(&owned));
        match done {
            Ok(info) => Ok(info.version.to_string()),
            Err(e) => Err(pack_error(py, &e.path, &e.message)),
        }
    }

    /// A new engine on the same pack with other input limits, e.g.
    /// `engine.with_limits(max_websites=10, max_input_bytes=65536)`; unnamed limits keep their
    /// defaults. An unknown name raises InputError.
    #[pyo3(signature = (**limits))]
    fn with_limits(&self, py: Python<'_>, limits: Option<&Bound<'_, pyo3::types::PyDict>>) -> PyResult<PyEngine> {
        let mut v = serde_json::Map::new();
        if let Some(d) = limits {
            for (k, val) in d.iter() {
                let k: String = k.extract()?;
                let n: u64 = val.extract()?;
                v.insert(k, n.into());
            }
        }
        let l = beiancheck::Limits::from_json(&serde_json::Value::Object(v).to_string()).map_err(|e| input_error(py, e))?;
        Ok(PyEngine { engine: self.engine.clone().with_limits(l) })
    }

    /// The input limits in force (bytes, depth, list lengths, string length).
    #[getter]
    fn limits<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
        let l = self.engine.limits();
        let d = pyo3::types::PyDict::new(py);
        d.set_item("max_input_bytes", l.max_input_bytes)?;
        d.set_item("max_depth", l.max_depth)?;
        d.set_item("max_websites", l.max_websites)?;
        d.set_item("max_domains", l.max_domains)?;
        d.set_item("max_resources", l.max_resources)?;
        d.set_item("max_materials", l.max_materials)?;
        d.set_item("max_string_chars", l.max_string_chars)?;
        Ok(d)
    }

    /// The rule pack itself (the bytes `Engine.from_pack` reads).
    fn pack_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.engine.pack().bytes)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        let e = &slf.get().engine;
        Ok((slf.get_type().into_any(), (PyBytes::new(slf.py(), &e.pack().bytes), e.pack().sha256.clone())))
    }

    fn __repr__(&self) -> String {
        format!("<beiancheck.Engine rules {} sha256={}>", self.engine.pack().meta.version, &self.engine.pack().sha256)
    }

    /// Checks one application (a dict, or JSON as str or bytes). Raises InputError when it is
    /// not an application at all.
    #[pyo3(signature = (app, *, as_of = None))]
    fn check(&self, py: Python<'_>, app: &Bound<'_, PyAny>, as_of: Option<&Bound<'_, PyAny>>) -> PyResult<PyReport> {
        let as_of = convert::as_of(as_of)?;
        // One dict: straight into the model (hot in cache for the check that follows at once).
        let input = match convert::to_input(app) {
            Input::Text(_) if app.is_instance_of::<PyDict>() => match convert::to_value(app) {
                Ok(v) => Input::Value(v),
                Err(e) => return Err(input_error(py, e)),
            },
            // Any other Python value (42, None, a list) is not an application: the same
            // InputError as the JSON text `42` and the same answer check_many gives as a row.
            i => i,
        };
        let engine = &self.engine;
        match py.detach(|| run_one(engine, input, as_of)) {
            Ok(r) => Ok(PyReport { r }),
            Err(e) => Err(input_error(py, e)),
        }
    }

    /// A lazy iterator of results in input order (see `beiancheck.Engine.check_iter`).
    #[pyo3(signature = (rows, *, threads = None, as_of = None, chunk_size = 4096))]
    fn check_iter(
        &self,
        rows: &Bound<'_, PyAny>,
        threads: Option<usize>,
        as_of: Option<&Bound<'_, PyAny>>,
        chunk_size: usize,
    ) -> PyResult<CheckIter> {
        let source = rows.try_iter()?.unbind();
        Ok(CheckIter {
            engine: self.engine.clone(),
            source: Some(source),
            threads: pool::threads(threads)?,
            as_of: convert::as_of(as_of)?,
            chunk: chunk_size.max(1),
            read: 0,
            ready: VecDeque::new(),
            pending: None,
            deferred: None,
        })
    }

    /// Can this domain be filed (name rules only)?
    #[pyo3(signature = (name, *, subject_kind = None, province = None))]
    fn check_domain(&self, py: Python<'_>, name: &str, subject_kind: Option<String>, province: Option<String>) -> PyDomainReport {
        let q = Arc::new(DomainQuery { subject_kind, province });
        let pack = self.engine.pack();
        py.detach(|| PyDomainReport::new(pack.clone(), q.clone(), beiancheck::domain::check_name_codes(&pack, name, &q)))
    }

    /// Many names (str, or None for a missing one) → a list of DomainReport (None for None), in order.
    #[pyo3(signature = (names, *, subject_kind = None, province = None, threads = None))]
    fn _check_domains_list(
        &self,
        py: Python<'_>,
        names: &Bound<'_, PyAny>,
        subject_kind: Option<String>,
        province: Option<String>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Option<PyDomainReport>>> {
        let mut list = Vec::new();
        for (i, x) in names.try_iter()?.enumerate() {
            let x = x?;
            if x.is_none() {
                list.push(None);
            } else if let Ok(s) = x.cast::<PyString>() {
                list.push(Some(s.to_cow()?.into_owned()));
            } else {
                return Err(PyTypeError::new_err(format!("names[{i}] is a {}, not a str", x.get_type().name()?)));
            }
        }
        let q = Arc::new(DomainQuery { subject_kind, province });
        let n = pool::threads(threads)?;
        let pack = self.engine.pack();
        // Light objects from the compact result, made on the threads (each holds the pack and
        // the query by reference count); the full report is built only when asked for.
        let (p, qq) = (&pack, &q);
        let runs = py.detach(|| {
            pool::map_runs(n, &list, |part| {
                part.iter()
                    .map(|s| {
                        s.as_deref().map(|s| PyDomainReport::new(p.clone(), qq.clone(), beiancheck::domain::check_name_codes(p, s, qq)))
                    })
                    .collect::<Vec<_>>()
            })
        })?;
        Ok(runs.into_iter().flatten().collect())
    }

    /// Names in an Arrow string array → an Arrow stream capsule of
    /// `domain, verdict, registrable, suffix, tld, tld_status, codes`.
    #[pyo3(signature = (names, *, subject_kind = None, province = None, threads = None))]
    fn _check_domains_arrow<'py>(
        &self,
        py: Python<'py>,
        names: &Bound<'py, PyAny>,
        subject_kind: Option<String>,
        province: Option<String>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, pyo3::types::PyCapsule>> {
        let q = DomainQuery { subject_kind, province };
        let r = arrow::DomainsReader::new(self.engine.clone(), names, q, pool::threads(threads)?)?;
        arrow::export(py, Box::new(r))
    }

    /// The materials checklist for a query (a dict of MaterialsQuery fields).
    fn _materials<'py>(&self, py: Python<'py>, query: &Bound<'py, PyDict>) -> PyResult<Bound<'py, PyAny>> {
        let v = convert::to_value(query).map_err(|e| input_error(py, e))?;
        let q: MaterialsQuery = serde_json::from_value(v).map_err(|e| PyTypeError::new_err(format!("materials(): {e}")))?;
        convert::ser_to_py(py, &self.engine.materials(&q))
    }

    /// A column of application JSON strings in an Arrow stream → a lazy Arrow stream capsule
    /// of findings (see `beiancheck.Engine.check_arrow`).
    #[pyo3(signature = (data, column = "application", *, threads = None, as_of = None, chunk_size = 8192))]
    fn _check_arrow<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
        column: &str,
        threads: Option<usize>,
        as_of: Option<&Bound<'py, PyAny>>,
        chunk_size: usize,
    ) -> PyResult<Bound<'py, pyo3::types::PyCapsule>> {
        let r = arrow::FindingsReader::new(self.engine.clone(), data, column, pool::threads(threads)?, convert::as_of(as_of)?, chunk_size)?;
        arrow::export(py, Box::new(r))
    }

    /// Rows as Python objects (dicts, str, anything) → one findings batch as an Arrow stream
    /// capsule, rows numbered from `start`. The path for struct columns, which pyarrow turns
    /// into dicts (`drop_nulls`: a null struct field is an absent one).
    #[pyo3(signature = (rows, start = 0, *, threads = None, as_of = None, drop_nulls = false))]
    fn _findings_batch<'py>(
        &self,
        py: Python<'py>,
        rows: &Bound<'py, PyList>,
        start: i64,
        threads: Option<usize>,
        as_of: Option<&Bound<'py, PyAny>>,
        drop_nulls: bool,
    ) -> PyResult<Bound<'py, pyo3::types::PyCapsule>> {
        let as_of = convert::as_of(as_of)?;
        let n = pool::threads(threads)?;
        let inputs: Vec<Input> = rows.iter().map(|r| convert::to_input_opt(&r, drop_nulls)).collect();
        let engine = &self.engine;
        let batch = py.detach(|| -> PyResult<_> {
            let outcomes = pool::map(n, inputs, |i| run_one(engine, i, as_of))?;
            let mut b = arrow::FindingsBuilder::new();
            for (i, o) in outcomes.iter().enumerate() {
                b.add(engine, start + i as i64, o);
            }
            b.finish().map_err(|e| BeiancheckError::new_err(format!("Arrow: {e}")))
        })?;
        arrow::export(py, Box::new(arrow::Batches(arrow::findings_schema(), vec![batch].into_iter())))
    }
}

enum Pending {
    /// Checked already (one thread: inline on the caller).
    Done(usize, Vec<Outcome>),
    /// Being checked on the pool while the caller converts the next chunk.
    Running(usize, Mutex<mpsc::Receiver<Vec<Outcome>>>),
}

/// Results of `check_iter`, in input order, one per row. Pulls `chunk_size` rows at a time from
/// the source, so memory stays flat however long the source is: at most one chunk being
/// converted, one being checked and one being handed out.
#[pyclass(module = "beiancheck._native", name = "CheckIter")]
pub struct CheckIter {
    engine: Engine,
    source: Option<Py<PyIterator>>,
    threads: usize,
    as_of: Option<NaiveDate>,
    chunk: usize,
    read: usize,
    ready: VecDeque<(usize, Outcome)>,
    pending: Option<Pending>,
    /// An exception raised by the source; raised after the rows read before it are out.
    deferred: Option<PyErr>,
}

impl CheckIter {
    fn read_chunk(&mut self, py: Python<'_>) -> (usize, Vec<Input>) {
        let start = self.read;
        let Some(src) = self.source.as_ref().map(|s| s.bind(py).clone()) else { return (start, Vec::new()) };
        let mut it = src;
        let mut out = Vec::with_capacity(self.chunk);
        while out.len() < self.chunk {
            match it.next() {
                None => {
                    self.source = None;
                    break;
                }
                Some(Err(e)) => {
                    self.deferred = Some(e);
                    self.source = None;
                    break;
                }
                Some(Ok(obj)) => out.push(convert::to_input(&obj)),
            }
        }
        self.read += out.len();
        (start, out)
    }

    fn submit(&mut self, py: Python<'_>, start: usize, inputs: Vec<Input>) -> PyResult<()> {
        let as_of = self.as_of;
        if self.threads <= 1 {
            let engine = &self.engine;
            let out = py.detach(|| inputs.into_iter().map(|i| run_one(engine, i, as_of)).collect());
            self.pending = Some(Pending::Done(start, out));
        } else {
            let pool = pool::pool(self.threads)?;
            let engine = self.engine.clone();
            let (tx, rx) = mpsc::sync_channel(1);
            pool.spawn(move || {
                let out: Vec<Outcome> = inputs.into_par_iter().with_min_len(16).map(|i| run_one(&engine, i, as_of)).collect();
                let _ = tx.send(out);
            });
            self.pending = Some(Pending::Running(start, Mutex::new(rx)));
        }
        Ok(())
    }

    fn refill(&mut self, py: Python<'_>) -> PyResult<()> {
        if self.pending.is_none() {
            let (start, first) = self.read_chunk(py);
            if first.is_empty() {
                return Ok(());
            }
            self.submit(py, start, first)?;
        }
        // Convert the next chunk while the pending one is checked.
        let (next_start, next) = self.read_chunk(py);
        let (start, results) = match self.pending.take() {
            Some(Pending::Done(s, r)) => (s, r),
            Some(Pending::Running(s, rx)) => {
                let rx = rx.into_inner().unwrap_or_else(|e| e.into_inner());
                (s, py.detach(move || rx.recv()).map_err(|_| BeiancheckError::new_err("a check worker stopped without an answer"))?)
            }
            None => return Ok(()),
        };
        self.ready.extend(results.into_iter().enumerate().map(|(i, o)| (start + i, o)));
        if !next.is_empty() {
            self.submit(py, next_start, next)?;
        }
        Ok(())
    }
}

#[pymethods]
impl CheckIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(mut slf: PyRefMut<'_, Self>) -> PyResult<Option<Py<PyAny>>> {
        let py = slf.py();
        loop {
            if let Some((i, o)) = slf.ready.pop_front() {
                return outcome_to_py(py, i, o).map(Some);
            }
            if slf.pending.is_none() && slf.source.is_none() {
                return match slf.deferred.take() {
                    Some(e) => Err(e),
                    None => Ok(None),
                };
            }
            slf.refill(py)?;
        }
    }
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<PyEngine>()?;
    m.add_class::<PyReport>()?;
    m.add_class::<PyFinding>()?;
    m.add_class::<PyErrorResult>()?;
    m.add_class::<PyDomainReport>()?;
    m.add_class::<CheckIter>()?;
    m.add_function(wrap_pyfunction!(ids::_check_ids_list, m)?)?;
    m.add_function(wrap_pyfunction!(ids::_check_ids_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(rows::_check_rows_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(rows::_rows_batch, m)?)?;
    m.add_function(wrap_pyfunction!(summary::_report_html, m)?)?;
    m.add("BeiancheckError", py.get_type::<BeiancheckError>())?;
    m.add("InputError", py.get_type::<InputError>())?;
    m.add("PackError", py.get_type::<PackError>())?;
    m.add("MAX_THREADS_ENV", pool::ENV)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
