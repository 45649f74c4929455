//! Arrow in and out through the Arrow PyCapsule interface (`__arrow_c_stream__` /
//! `__arrow_c_array__`): strings are read straight from the Arrow buffers and the findings are
//! built as Arrow arrays, so no Python object is made per row. The output is a lazy stream: one
//! output batch per `chunk` input rows, produced when the consumer asks for it.
use crate::{pool, run_text, Outcome};
use arrow_array::builder::{Int64Builder, ListBuilder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::ffi::{from_ffi, FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::ffi_stream::{ArrayStreamReader, FFI_ArrowArrayStream};
use arrow_array::{make_array, Array, ArrayReader, ArrayRef, RecordBatch, RecordBatchReader};
use arrow_schema::{ArrowError, DataType, Field, FieldRef, Schema, SchemaRef};
use beiancheck::codes::INPUT_MALFORMED;
use beiancheck::{DomainQuery, Engine};
use chrono::NaiveDate;
use pyo3::exceptions::{PyKeyError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyTuple};
use std::sync::Arc;

pub(crate) type Arrays = Box<dyn Iterator<Item = Result<ArrayRef, ArrowError>> + Send>;

/// The readers below are called from C (the Arrow stream's `get_next`), where an unwinding
/// panic would abort the process: a panic becomes a stream error instead.
pub(crate) fn no_panic<T>(f: impl FnOnce() -> Option<Result<T, ArrowError>>) -> Option<Result<T, ArrowError>> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .unwrap_or_else(|_| Some(Err(ArrowError::ComputeError("internal error in beiancheck (a panic); see stderr".into()))))
}

fn arrow_err(e: ArrowError) -> PyErr {
    PyValueError::new_err(format!("Arrow: {e}"))
}

/// Imports anything exposing `__arrow_c_stream__` (a table, a reader, a chunked array, a polars
/// DataFrame or Series) or `__arrow_c_array__` (an array, a record batch).
pub fn import(obj: &Bound<'_, PyAny>) -> PyResult<(FieldRef, Arrays)> {
    if obj.hasattr("__arrow_c_stream__")? {
        let capsule = obj.call_method0("__arrow_c_stream__")?;
        let capsule = capsule.cast::<PyCapsule>()?;
        let ptr = capsule.pointer_checked(Some(c"arrow_array_stream"))?;
        // SAFETY: the capsule holds an ArrowArrayStream (checked by name); from_raw moves it
        // out and marks the capsule's copy released, as the PyCapsule protocol prescribes.
        let stream = unsafe { FFI_ArrowArrayStream::from_raw(ptr.as_ptr().cast()) };
        let reader = ArrayStreamReader::try_new(stream).map_err(arrow_err)?;
        let field = reader.field().clone();
        return Ok((field, Box::new(reader)));
    }
    if obj.hasattr("__arrow_c_array__")? {
        let pair = obj.call_method0("__arrow_c_array__")?;
        let pair = pair.cast::<PyTuple>()?;
        let schema = pair.get_item(0)?;
        let schema = schema.cast::<PyCapsule>()?;
        let array = pair.get_item(1)?;
        let array = array.cast::<PyCapsule>()?;
        let sp = schema.pointer_checked(Some(c"arrow_schema"))?;
        let ap = array.pointer_checked(Some(c"arrow_array"))?;
        // SAFETY: both capsules are checked by name; the schema is borrowed (the capsule keeps
        // ownership), the array is moved out and its release taken over.
        let (field, data) = unsafe {
            let s: &FFI_ArrowSchema = &*sp.as_ptr().cast::<FFI_ArrowSchema>();
            let field = Field::try_from(s).map_err(arrow_err)?;
            let a = FFI_ArrowArray::from_raw(ap.as_ptr().cast());
            (field, from_ffi(a, s).map_err(arrow_err)?)
        };
        return Ok((Arc::new(field), Box::new(std::iter::once(Ok(make_array(data))))));
    }
    Err(PyTypeError::new_err(format!(
        "expected an Arrow object (with __arrow_c_stream__ or __arrow_c_array__), got {}",
        obj.get_type().name()?
    )))
}

pub fn export<'py>(py: Python<'py>, reader: Box<dyn RecordBatchReader + Send>) -> PyResult<Bound<'py, PyCapsule>> {
    PyCapsule::new(py, FFI_ArrowArrayStream::new(reader), Some(c"arrow_array_stream".to_owned()))
}

pub(crate) fn is_text(t: &DataType) -> bool {
    matches!(t, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View | DataType::Null)
}

/// Which array holds the values: the stream's own arrays (a chunked array / series) or one
/// field of its struct arrays (a table), by name.
pub(crate) fn select(field: &Field, column: &str) -> PyResult<Option<usize>> {
    match field.data_type() {
        DataType::Struct(fields) => {
            let Some(i) = fields.iter().position(|f| f.name() == column) else {
                let names: Vec<&str> = fields.iter().map(|f| f.name().as_str()).collect();
                return Err(PyKeyError::new_err(format!("no column {column:?} (columns: {})", names.join(", "))));
            };
            let t = fields[i].data_type();
            if !is_text(t) {
                return Err(PyTypeError::new_err(format!("column {column:?} is {t}, not a string column")));
            }
            Ok(Some(i))
        }
        t if is_text(t) => Ok(None),
        t => Err(PyTypeError::new_err(format!("expected a table or a string array, got {t}"))),
    }
}

/// Values `start..start+len` of a string array (None for nulls), borrowed from its buffers.
pub(crate) fn strings(a: &dyn Array, start: usize, len: usize) -> Vec<Option<&str>> {
    let range = start..start + len;
    match a.data_type() {
        DataType::Utf8 => {
            let s = a.as_string::<i32>();
            range.map(|i| s.is_valid(i).then(|| s.value(i))).collect()
        }
        DataType::LargeUtf8 => {
            let s = a.as_string::<i64>();
            range.map(|i| s.is_valid(i).then(|| s.value(i))).collect()
        }
        DataType::Utf8View => {
            let s = a.as_string_view();
            range.map(|i| s.is_valid(i).then(|| s.value(i))).collect()
        }
        _ => vec![None; len],
    }
}

/// Reads the next array of the stream and picks the column out of it.
fn next_column(input: &mut Arrays, col: Option<usize>) -> Option<Result<ArrayRef, ArrowError>> {
    input.next().map(|r| {
        r.map(|a| match col {
            Some(i) => a.as_struct().column(i).clone(),
            None => a,
        })
    })
}

// ------------------------------------------------------------------------------------------
// Findings: one row per finding, a row without findings once with a null code, a bad row once
// with its input error.

pub fn findings_schema() -> SchemaRef {
    let s = |n: &str| Field::new(n, DataType::Utf8, true);
    Arc::new(Schema::new(vec![
        Field::new("row", DataType::Int64, false),
        s("verdict"),
        s("filing_type"),
        s("code"),
        s("severity"),
        s("path"),
        s("message_zh"),
        s("message_en"),
    ]))
}

pub struct FindingsBuilder {
    row: Int64Builder,
    cols: [StringBuilder; 7],
}

impl FindingsBuilder {
    pub fn new() -> Self {
        FindingsBuilder { row: Int64Builder::new(), cols: std::array::from_fn(|_| StringBuilder::new()) }
    }

    fn push(&mut self, row: i64, cells: [Option<&str>; 7]) {
        self.row.append_value(row);
        for (b, c) in self.cols.iter_mut().zip(cells) {
            b.append_option(c);
        }
    }

    pub fn add(&mut self, engine: &Engine, row: i64, outcome: &Outcome) {
        match outcome {
            Ok(r) => {
                let v = Some(r.verdict.as_str());
                if r.findings.is_empty() {
                    self.push(row, [v, r.filing_type, None, None, None, None, None]);
                }
                for f in &r.findings {
                    let cells = [
                        v,
                        r.filing_type,
                        Some(f.code),
                        Some(f.severity.as_str()),
                        Some(f.path.as_str()),
                        Some(&f.message.zh),
                        Some(&f.message.en),
                    ];
                    self.push(row, cells);
                }
            }
            Err(e) => {
                // The message comes from the catalogue like any finding's; codes outside it
                // (an internal error) keep the plain message in both languages.
                let (zh, en) = if e.code == INPUT_MALFORMED {
                    let ctx = beiancheck::ctx!["line" => e.line, "column" => e.column, "detail" => e.message.clone()];
                    let f = engine.pack().catalogue.render(INPUT_MALFORMED, String::new(), ctx, None);
                    (f.message.zh, f.message.en)
                } else {
                    (e.message.clone(), e.message.clone())
                };
                self.push(row, [None, None, Some(e.code), Some("error"), e.path.as_deref(), Some(&zh), Some(&en)]);
            }
        }
    }

    pub fn finish(mut self) -> Result<RecordBatch, ArrowError> {
        let mut cols: Vec<ArrayRef> = vec![Arc::new(self.row.finish())];
        cols.extend(self.cols.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
        RecordBatch::try_new(findings_schema(), cols)
    }
}

/// The lazy findings stream behind `check_arrow`.
pub struct FindingsReader {
    pub engine: Engine,
    pub threads: usize,
    pub as_of: Option<NaiveDate>,
    pub chunk: usize,
    col: Option<usize>,
    input: Arrays,
    current: Option<ArrayRef>,
    offset: usize,
    row: i64,
}

impl FindingsReader {
    pub fn new(
        engine: Engine,
        obj: &Bound<'_, PyAny>,
        column: &str,
        threads: usize,
        as_of: Option<NaiveDate>,
        chunk: usize,
    ) -> PyResult<Self> {
        let (field, input) = import(obj)?;
        let col = select(&field, column)?;
        Ok(FindingsReader { engine, threads, as_of, chunk: chunk.max(1), col, input, current: None, offset: 0, row: 0 })
    }

    fn slice(&mut self, a: &ArrayRef) -> Result<RecordBatch, ArrowError> {
        let len = (a.len() - self.offset).min(self.chunk);
        let texts = strings(a.as_ref(), self.offset, len);
        let engine = &self.engine;
        let as_of = self.as_of;
        let outcomes =
            pool::map(self.threads, texts, |t| run_text(engine, t, as_of)).map_err(|e| ArrowError::ExternalError(Box::new(e)))?;
        let mut b = FindingsBuilder::new();
        for (i, o) in outcomes.iter().enumerate() {
            b.add(engine, self.row + i as i64, o);
        }
        self.offset += len;
        self.row += len as i64;
        b.finish()
    }
}

impl Iterator for FindingsReader {
    type Item = Result<RecordBatch, ArrowError>;
    fn next(&mut self) -> Option<Self::Item> {
        no_panic(|| self.step())
    }
}

impl FindingsReader {
    fn step(&mut self) -> Option<Result<RecordBatch, ArrowError>> {
        loop {
            if let Some(a) = self.current.clone() {
                if self.offset < a.len() {
                    return Some(self.slice(&a));
                }
                self.current = None;
            }
            match next_column(&mut self.input, self.col)? {
                Ok(a) => {
                    self.current = Some(a);
                    self.offset = 0;
                }
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

impl RecordBatchReader for FindingsReader {
    fn schema(&self) -> SchemaRef {
        findings_schema()
    }
}

/// A stream of batches already built.
pub struct Batches(pub SchemaRef, pub std::vec::IntoIter<RecordBatch>);

impl Iterator for Batches {
    type Item = Result<RecordBatch, ArrowError>;
    fn next(&mut self) -> Option<Self::Item> {
        self.1.next().map(Ok)
    }
}

impl RecordBatchReader for Batches {
    fn schema(&self) -> SchemaRef {
        self.0.clone()
    }
}

// ------------------------------------------------------------------------------------------
// Domains: one row per name.

pub fn domains_schema() -> SchemaRef {
    let s = |n: &str| Field::new(n, DataType::Utf8, true);
    Arc::new(Schema::new(vec![
        s("domain"),
        s("verdict"),
        s("registrable"),
        s("suffix"),
        s("tld"),
        s("tld_status"),
        Field::new("codes", DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))), true),
    ]))
}

pub struct DomainsReader {
    engine: Engine,
    query: DomainQuery,
    threads: usize,
    input: Arrays,
}

impl DomainsReader {
    pub fn new(engine: Engine, obj: &Bound<'_, PyAny>, query: DomainQuery, threads: usize) -> PyResult<Self> {
        let (field, input) = import(obj)?;
        if !is_text(field.data_type()) {
            return Err(PyTypeError::new_err(format!("expected a string array of domain names, got {}", field.data_type())));
        }
        Ok(DomainsReader { engine, query, threads, input })
    }

    /// The columns written straight from the core's compact result (`DomainCheck`, codes only:
    /// no report, no message, no Unicode form), in runs of at most `RUN` names so that the
    /// results held at once stay small; each run is checked on the threads, then written.
    fn batch(&self, a: &ArrayRef) -> Result<RecordBatch, ArrowError> {
        const RUN: usize = 1 << 16;
        let names = strings(a.as_ref(), 0, a.len());
        let pack = self.engine.pack();
        let (pack, q) = (&*pack, &self.query);
        let len = names.len();
        let bytes: usize = names.iter().map(|n| n.map_or(0, str::len)).sum();
        let mut domain = StringBuilder::with_capacity(len, bytes);
        let mut verdict = StringBuilder::with_capacity(len, len * 10);
        let mut registrable = StringBuilder::with_capacity(len, bytes);
        let mut suffix = StringBuilder::with_capacity(len, len * 4);
        let mut tld = StringBuilder::with_capacity(len, len * 3);
        let mut status = StringBuilder::with_capacity(len, len * 8);
        let mut codes = ListBuilder::with_capacity(StringBuilder::new(), len);
        for run in names.chunks(RUN) {
            let checks = pool::map_runs(self.threads, run, |part| {
                part.iter().map(|n| n.map(|n| beiancheck::domain::check_name_codes(pack, n, q))).collect::<Vec<_>>()
            })
            .map_err(|e| ArrowError::ExternalError(Box::new(e)))?;
            for r in checks.iter().flatten() {
                // A null name is a null result, not an invalid name.
                let Some(r) = r else {
                    for b in [&mut domain, &mut verdict, &mut registrable, &mut suffix, &mut tld, &mut status] {
                        b.append_null();
                    }
                    codes.append_null();
                    continue;
                };
                domain.append_value(r.input);
                verdict.append_value(r.verdict.as_str());
                registrable.append_option(r.registrable());
                suffix.append_option(r.suffix());
                tld.append_option(r.tld());
                status.append_option(r.tld_status.map(|s| s.as_str()));
                for c in r.codes() {
                    codes.values().append_value(c);
                }
                codes.append(true);
            }
        }
        let arrays: Vec<ArrayRef> = vec![
            Arc::new(domain.finish()),
            Arc::new(verdict.finish()),
            Arc::new(registrable.finish()),
            Arc::new(suffix.finish()),
            Arc::new(tld.finish()),
            Arc::new(status.finish()),
            Arc::new(codes.finish()),
        ];
        RecordBatch::try_new(domains_schema(), arrays)
    }
}

impl Iterator for DomainsReader {
    type Item = Result<RecordBatch, ArrowError>;
    fn next(&mut self) -> Option<Self::Item> {
        no_panic(|| {
            let a = self.input.next()?;
            Some(a.and_then(|a| self.batch(&a)))
        })
    }
}

impl RecordBatchReader for DomainsReader {
    fn schema(&self) -> SchemaRef {
        domains_schema()
    }
}
