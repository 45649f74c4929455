//! The result objects: thin, frozen views over the core's values. Each converts to Python
//! lazily (an attribute is built when read), so bulk checks pay only for what is looked at.
use crate::convert::{ser_to_py, to_py};
use beiancheck::domain::{DomainCheck, DomainQuery, Split};
use beiancheck::{DomainReport, Finding, InputError, Pack, Report, Verdict};
use pyo3::exceptions::{PyKeyError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use pyo3::IntoPyObjectExt;
use std::sync::{Arc, OnceLock};

fn key_error(key: &Bound<'_, PyAny>, keys: &[&str]) -> PyErr {
    PyKeyError::new_err(format!("{key} (keys: {})", keys.join(", ")))
}

fn key_str(key: &Bound<'_, PyAny>) -> PyResult<String> {
    key.extract::<String>().map_err(|_| PyTypeError::new_err("keys are strings"))
}

fn findings_list<'py>(py: Python<'py>, fs: &[Finding]) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, fs.iter().map(|f| PyFinding { f: f.clone() }))
}

// ---------------------------------------------------------------------------------------------

const FINDING_KEYS: &[&str] = &["code", "severity", "path", "message", "context", "source", "title", "url"];

/// One finding. Dict-like (`f["code"]`, `f["message"]["zh"]`) and typed (`f.code`, `f.message_zh`).
#[pyclass(frozen, module = "beiancheck._native", name = "Finding")]
pub struct PyFinding {
    pub f: Finding,
}

#[pymethods]
impl PyFinding {
    #[getter]
    fn code(&self) -> &'static str {
        self.f.code
    }
    #[getter]
    fn severity(&self) -> &'static str {
        self.f.severity.as_str()
    }
    #[getter]
    fn path(&self) -> &str {
        &self.f.path
    }
    #[getter]
    fn message<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ser_to_py(py, &self.f.message)
    }
    #[getter]
    fn message_zh(&self) -> &str {
        &self.f.message.zh
    }
    #[getter]
    fn message_en(&self) -> &str {
        &self.f.message.en
    }
    #[getter]
    fn context<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ser_to_py(py, &self.f.context)
    }
    #[getter]
    fn source(&self) -> &str {
        &self.f.source
    }
    /// The title of the public document `source` names.
    #[getter]
    fn title(&self) -> &str {
        &self.f.title
    }
    /// Its https URL.
    #[getter]
    fn url(&self) -> &str {
        &self.f.url
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ser_to_py(py, &self.f)
    }
    fn keys(&self) -> Vec<&'static str> {
        FINDING_KEYS.to_vec()
    }
    fn __getitem__<'py>(&self, py: Python<'py>, key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        match key_str(key)?.as_str() {
            "code" => self.code().into_bound_py_any(py),
            "severity" => self.severity().into_bound_py_any(py),
            "path" => self.path().into_bound_py_any(py),
            "message" => self.message(py),
            "context" => self.context(py),
            "source" => self.source().into_bound_py_any(py),
            "title" => self.title().into_bound_py_any(py),
            "url" => self.url().into_bound_py_any(py),
            _ => Err(key_error(key, FINDING_KEYS)),
        }
    }
    fn __contains__(&self, key: &Bound<'_, PyAny>) -> bool {
        key.extract::<String>().is_ok_and(|k| FINDING_KEYS.contains(&k.as_str()))
    }
    fn __repr__(&self) -> String {
        format!("<Finding {} {} at {}: {}>", self.f.code, self.f.severity.as_str(), self.f.path, self.f.message.en)
    }
}

// ---------------------------------------------------------------------------------------------

const REPORT_KEYS: &[&str] = &["verdict", "filing_type", "findings", "not_checked", "materials", "steps", "timeline", "rules", "as_of"];

/// The report of one application (DESIGN.md, The report).
#[pyclass(frozen, module = "beiancheck._native", name = "Report")]
pub struct PyReport {
    pub r: Report,
}

#[pymethods]
impl PyReport {
    #[getter]
    fn verdict(&self) -> &'static str {
        self.r.verdict.as_str()
    }
    #[getter]
    fn filing_type(&self) -> Option<&'static str> {
        self.r.filing_type
    }
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        findings_list(py, &self.r.findings)
    }
    /// The finding codes, in report order (a convenience for filters and tests).
    #[getter]
    fn codes(&self) -> Vec<&'static str> {
        self.r.findings.iter().map(|f| f.code).collect()
    }
    /// The optional parts left out of the application, whose rules were not run.
    #[getter]
    fn not_checked(&self) -> Vec<&'static str> {
        self.r.not_checked.clone()
    }
    #[getter]
    fn materials<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ser_to_py(py, &self.r.materials)
    }
    #[getter]
    fn steps<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ser_to_py(py, &self.r.steps)
    }
    #[getter]
    fn timeline<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ser_to_py(py, &self.r.timeline)
    }
    #[getter]
    fn rules<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ser_to_py(py, &self.r.rules)
    }
    #[getter]
    fn as_of(&self) -> &str {
        &self.r.as_of
    }
    /// The province's notes a filer should read in this case (code, zh, en, source, title,
    /// url); an empty list when there are none (the JSON then has no `notes` key).
    #[getter]
    fn notes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ser_to_py(py, &self.r.notes)
    }
    #[getter]
    fn is_error(&self) -> bool {
        false
    }
    /// The report as plain dicts and lists (the JSON shape).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ser_to_py(py, &self.r)
    }
    /// The report as JSON: byte-identical to the core's `Report::to_json()`.
    #[pyo3(signature = (*, pretty = false))]
    fn to_json(&self, pretty: bool) -> String {
        if pretty {
            self.r.to_json_pretty()
        } else {
            self.r.to_json()
        }
    }
    fn keys(&self) -> Vec<&'static str> {
        REPORT_KEYS.to_vec()
    }
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyList::new(py, REPORT_KEYS)?.as_any().try_iter()?.into_any())
    }
    fn __len__(&self) -> usize {
        REPORT_KEYS.len()
    }
    fn __contains__(&self, key: &Bound<'_, PyAny>) -> bool {
        key.extract::<String>().is_ok_and(|k| REPORT_KEYS.contains(&k.as_str()))
    }
    fn __getitem__<'py>(&self, py: Python<'py>, key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        match key_str(key)?.as_str() {
            "verdict" => self.verdict().into_bound_py_any(py),
            "filing_type" => self.filing_type().into_bound_py_any(py),
            "findings" => Ok(self.findings(py)?.into_any()),
            "not_checked" => self.not_checked().into_bound_py_any(py),
            "materials" => self.materials(py),
            "steps" => self.steps(py),
            "timeline" => self.timeline(py),
            "rules" => self.rules(py),
            "as_of" => self.as_of().into_bound_py_any(py),
            // In the JSON (and so among the keys) only when there are notes.
            "notes" if !self.r.notes.is_empty() => self.notes(py),
            _ => Err(key_error(key, REPORT_KEYS)),
        }
    }
    #[pyo3(signature = (key, default = None))]
    fn get<'py>(&self, py: Python<'py>, key: &Bound<'py, PyAny>, default: Option<Bound<'py, PyAny>>) -> PyResult<Bound<'py, PyAny>> {
        match self.__getitem__(py, key) {
            Err(e) if e.is_instance_of::<PyKeyError>(py) => Ok(default.unwrap_or_else(|| py.None().into_bound(py))),
            other => other,
        }
    }
    fn __repr__(&self) -> String {
        let codes: Vec<&str> = self.r.findings.iter().map(|f| f.code).collect();
        format!("<Report {} filing_type={} findings=[{}]>", self.r.verdict.as_str(), self.r.filing_type.unwrap_or("None"), codes.join(", "))
    }
}

// ---------------------------------------------------------------------------------------------

const ERROR_KEYS: &[&str] = &["index", "code", "line", "column", "path", "message"];

/// A bulk row that is not an application (malformed JSON, None, an int …). It stands in the
/// row's place so N rows in give N results out.
#[pyclass(frozen, module = "beiancheck._native", name = "ErrorResult")]
pub struct PyErrorResult {
    #[pyo3(get)]
    pub index: usize,
    pub e: InputError,
}

#[pymethods]
impl PyErrorResult {
    #[getter]
    fn code(&self) -> &'static str {
        self.e.code
    }
    #[getter]
    fn line(&self) -> usize {
        self.e.line
    }
    #[getter]
    fn column(&self) -> usize {
        self.e.column
    }
    #[getter]
    fn path(&self) -> Option<&str> {
        self.e.path.as_deref()
    }
    #[getter]
    fn message(&self) -> &str {
        &self.e.message
    }
    /// Always None: a row that is not an application has no verdict.
    #[getter]
    fn verdict(&self) -> Option<&'static str> {
        None
    }
    #[getter]
    fn filing_type(&self) -> Option<&'static str> {
        None
    }
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> Bound<'py, PyList> {
        PyList::empty(py)
    }
    #[getter]
    fn is_error(&self) -> bool {
        true
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("index", self.index)?;
        d.set_item("code", self.e.code)?;
        d.set_item("line", self.e.line)?;
        d.set_item("column", self.e.column)?;
        d.set_item("path", self.e.path.as_deref())?;
        d.set_item("message", &self.e.message)?;
        Ok(d)
    }
    fn __getitem__<'py>(&self, py: Python<'py>, key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let k = key_str(key)?;
        if !ERROR_KEYS.contains(&k.as_str()) {
            return Err(key_error(key, ERROR_KEYS));
        }
        Ok(self.to_dict(py)?.get_item(k)?.unwrap_or_else(|| py.None().into_bound(py)))
    }
    fn __repr__(&self) -> String {
        format!("<ErrorResult index={} {}: line {}, column {}: {}>", self.index, self.e.code, self.e.line, self.e.column, self.e.message)
    }
}

// ---------------------------------------------------------------------------------------------

const DOMAIN_KEYS: &[&str] = &[
    "input",
    "verdict",
    "ascii",
    "unicode",
    "registrable",
    "registrable_unicode",
    "suffix",
    "suffix_unicode",
    "tld",
    "tld_status",
    "tld_approved_since",
    "tld_source",
    "restriction",
    "findings",
    "rules",
];

/// Can this domain be filed? Built light: the core's compact result (the name, where its parts
/// start, the verdict and codes) is what the object holds; the full `DomainReport` (Unicode
/// forms, messages, sources) is built the first time a field that needs it is read, from the
/// same pack and query.
#[pyclass(frozen, module = "beiancheck._native", name = "DomainReport")]
pub struct PyDomainReport {
    pack: Arc<Pack>,
    query: Arc<DomainQuery>,
    input: String,
    verdict: Verdict,
    split: Option<Split<'static>>,
    tld_status: Option<&'static str>,
    codes: Vec<&'static str>,
    /// Boxed: most objects never build it, and an empty cell stays one word.
    full: OnceLock<Box<DomainReport>>,
}

impl PyDomainReport {
    /// From a codes-only check (`domain::check_name_codes`) of `pack` and `query`.
    pub fn new(pack: Arc<Pack>, query: Arc<DomainQuery>, c: DomainCheck<'_, '_>) -> Self {
        PyDomainReport {
            input: c.input.to_owned(),
            verdict: c.verdict,
            tld_status: c.tld_status.map(|s| s.as_str()),
            codes: c.codes().collect(),
            split: c.into_owned_split(),
            pack,
            query,
            full: OnceLock::new(),
        }
    }

    pub fn report(&self) -> &DomainReport {
        self.full.get_or_init(|| Box::new(beiancheck::domain::check_name(&self.pack, &self.input, &self.query).report(&self.pack)))
    }
}

#[pymethods]
impl PyDomainReport {
    #[getter]
    fn input(&self) -> &str {
        &self.input
    }
    #[getter]
    fn verdict(&self) -> &'static str {
        self.verdict.as_str()
    }
    #[getter]
    fn ascii(&self) -> Option<&str> {
        self.split.as_ref().map(|s| &*s.ascii)
    }
    #[getter]
    fn unicode(&self) -> Option<&str> {
        self.report().unicode.as_deref()
    }
    #[getter]
    fn registrable(&self) -> Option<&str> {
        self.split.as_ref().map(Split::registrable)
    }
    #[getter]
    fn registrable_unicode(&self) -> Option<&str> {
        self.report().registrable_unicode.as_deref()
    }
    #[getter]
    fn suffix(&self) -> Option<&str> {
        self.split.as_ref().map(Split::suffix)
    }
    #[getter]
    fn suffix_unicode(&self) -> Option<&str> {
        self.report().suffix_unicode.as_deref()
    }
    #[getter]
    fn tld(&self) -> Option<&str> {
        self.split.as_ref().map(Split::tld)
    }
    #[getter]
    fn tld_status(&self) -> Option<&'static str> {
        self.tld_status
    }
    #[getter]
    fn tld_approved_since(&self) -> Option<&str> {
        self.report().tld_approved_since.as_deref()
    }
    #[getter]
    fn tld_source(&self) -> Option<&str> {
        self.report().tld_source.as_deref()
    }
    #[getter]
    fn restriction<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ser_to_py(py, &self.report().restriction)
    }
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        findings_list(py, &self.report().findings)
    }
    #[getter]
    fn codes(&self) -> Vec<&'static str> {
        self.codes.clone()
    }
    #[getter]
    fn rules<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ser_to_py(py, &self.pack.info)
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ser_to_py(py, self.report())
    }
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(self.report()).map_err(|e| crate::BeiancheckError::new_err(format!("internal error: {e}")))
    }
    fn keys(&self) -> Vec<&'static str> {
        DOMAIN_KEYS.to_vec()
    }
    fn __contains__(&self, key: &Bound<'_, PyAny>) -> bool {
        key.extract::<String>().is_ok_and(|k| DOMAIN_KEYS.contains(&k.as_str()))
    }
    fn __getitem__<'py>(&self, py: Python<'py>, key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let k = key_str(key)?;
        match k.as_str() {
            "findings" => Ok(self.findings(py)?.into_any()),
            _ if DOMAIN_KEYS.contains(&k.as_str()) => {
                let v = serde_json::to_value(self.report()).map_err(|e| crate::BeiancheckError::new_err(format!("internal error: {e}")))?;
                to_py(py, &v[k.as_str()])
            }
            _ => Err(key_error(key, DOMAIN_KEYS)),
        }
    }
    fn __repr__(&self) -> String {
        let d = self.report();
        let codes: Vec<&str> = d.findings.iter().map(|f| f.code).collect();
        let mut s = format!("<DomainReport {} {}", d.input, d.verdict.as_str());
        if let (Some(r), Some(ru)) = (&d.registrable, &d.registrable_unicode) {
            if r == ru {
                s.push_str(&format!(" registrable={r}"));
            } else {
                s.push_str(&format!(" registrable={ru} ({r})"));
            }
        }
        if let Some(sx) = &d.suffix_unicode {
            s.push_str(&format!(" suffix={sx}"));
        }
        if let Some(st) = d.tld_status {
            s.push_str(&format!(" tld_status={st}"));
        }
        s.push_str(&format!(" findings=[{}]>", codes.join(", ")));
        s
    }
}
