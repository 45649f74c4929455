//! One result row per input row (`Engine.check_rows`): verdict, filing type, finding codes,
//! error and warning counts, the input error of a row that is not an application, and the
//! report JSON on demand; the caller's id column carried through with its own type. A null
//! application gives a null result (only `row` and the id are set), not an input error.
use crate::arrow::{self, Arrays};
use crate::{convert, pool, run_one, run_text, BeiancheckError, Outcome, PyEngine};
use arrow_array::builder::{Int32Builder, Int64Builder, ListBuilder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch, RecordBatchReader};
use arrow_schema::{ArrowError, DataType, Field, FieldRef, Schema, SchemaRef};
use beiancheck::codes::INPUT_MALFORMED;
use beiancheck::{Engine, Severity};
use chrono::NaiveDate;
use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyList};
use std::sync::Arc;

pub fn rows_schema(report: bool, id: Option<&FieldRef>) -> SchemaRef {
    let s = |n: &str| Field::new(n, DataType::Utf8, true);
    let mut fields: Vec<FieldRef> = id.into_iter().cloned().collect();
    fields.extend(
        [
            Field::new("row", DataType::Int64, false),
            s("verdict"),
            s("filing_type"),
            Field::new("codes", DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))), true),
            Field::new("errors", DataType::Int32, true),
            Field::new("warnings", DataType::Int32, true),
            s("error_code"),
            s("error_message"),
        ]
        .map(Arc::new),
    );
    if report {
        fields.push(Arc::new(s("report")));
    }
    Arc::new(Schema::new(fields))
}

struct RowsBuilder {
    report: bool,
    row: Int64Builder,
    text: [StringBuilder; 5],
    codes: ListBuilder<StringBuilder>,
    counts: [Int32Builder; 2],
}

impl RowsBuilder {
    fn new(report: bool) -> Self {
        RowsBuilder {
            report,
            row: Int64Builder::new(),
            text: std::array::from_fn(|_| StringBuilder::new()),
            codes: ListBuilder::new(StringBuilder::new()),
            counts: std::array::from_fn(|_| Int32Builder::new()),
        }
    }

    /// `None`: a null input row, a null result.
    fn add(&mut self, engine: &Engine, row: i64, outcome: Option<&Outcome>) {
        self.row.append_value(row);
        let [verdict, filing_type, code, message, report] = &mut self.text;
        match outcome {
            None => {
                [verdict, filing_type, code, message, report].into_iter().for_each(StringBuilder::append_null);
                self.codes.append_null();
                self.counts.iter_mut().for_each(Int32Builder::append_null);
            }
            Some(Ok(r)) => {
                verdict.append_value(r.verdict.as_str());
                filing_type.append_option(r.filing_type);
                for f in &r.findings {
                    self.codes.values().append_value(f.code);
                }
                self.codes.append(true);
                let n = |s: Severity| r.findings.iter().filter(|f| f.severity == s).count() as i32;
                self.counts[0].append_value(n(Severity::Error));
                self.counts[1].append_value(n(Severity::Warning));
                code.append_null();
                message.append_null();
                if self.report {
                    report.append_value(r.to_json());
                }
            }
            Some(Err(e)) => {
                // Not an application: no verdict; the error as check_arrow words it.
                verdict.append_null();
                filing_type.append_null();
                self.codes.append_null();
                self.counts.iter_mut().for_each(Int32Builder::append_null);
                code.append_value(e.code);
                let en = if e.code == INPUT_MALFORMED {
                    let ctx = beiancheck::ctx!["line" => e.line, "column" => e.column, "detail" => e.message.clone()];
                    engine.pack().catalogue.render(INPUT_MALFORMED, String::new(), ctx, None).message.en
                } else {
                    e.message.clone()
                };
                message.append_value(en);
                if self.report {
                    report.append_null();
                }
            }
        }
    }

    fn finish(mut self, id: Option<(&FieldRef, ArrayRef)>) -> Result<RecordBatch, ArrowError> {
        let mut cols: Vec<ArrayRef> = id.iter().map(|(_, a)| a.clone()).collect();
        let [verdict, filing_type, code, message, report] = &mut self.text;
        let t = |b: &mut StringBuilder| Arc::new(b.finish()) as ArrayRef;
        cols.push(Arc::new(self.row.finish()));
        cols.push(t(verdict));
        cols.push(t(filing_type));
        cols.push(Arc::new(self.codes.finish()));
        cols.push(Arc::new(self.counts[0].finish()));
        cols.push(Arc::new(self.counts[1].finish()));
        cols.push(t(code));
        cols.push(t(message));
        if self.report {
            cols.push(t(report));
        }
        RecordBatch::try_new(rows_schema(self.report, id.map(|(f, _)| f)), cols)
    }
}

/// The lazy per-row stream behind `check_rows` on Arrow text columns.
struct RowsReader {
    engine: Engine,
    threads: usize,
    as_of: Option<NaiveDate>,
    chunk: usize,
    report: bool,
    col: Option<usize>,
    id: Option<(usize, FieldRef)>,
    input: Arrays,
    current: Option<ArrayRef>,
    offset: usize,
    row: i64,
}

impl RowsReader {
    fn slice(&mut self, a: &ArrayRef) -> Result<RecordBatch, ArrowError> {
        let values = match self.col {
            Some(i) => a.as_struct().column(i).clone(),
            None => a.clone(),
        };
        let len = (values.len() - self.offset).min(self.chunk);
        let texts = arrow::strings(values.as_ref(), self.offset, len);
        let (engine, as_of) = (&self.engine, self.as_of);
        let outcomes = pool::map(self.threads, texts, |t| t.map(|t| run_text(engine, Some(t), as_of)))
            .map_err(|e| ArrowError::ExternalError(Box::new(e)))?;
        let mut b = RowsBuilder::new(self.report);
        for (i, o) in outcomes.iter().enumerate() {
            b.add(engine, self.row + i as i64, o.as_ref());
        }
        let id = self.id.as_ref().map(|(i, f)| (f, a.as_struct().column(*i).slice(self.offset, len)));
        self.offset += len;
        self.row += len as i64;
        b.finish(id)
    }

    fn step(&mut self) -> Option<Result<RecordBatch, ArrowError>> {
        loop {
            if let Some(a) = self.current.clone() {
                if self.offset < a.len() {
                    return Some(self.slice(&a));
                }
                self.current = None;
            }
            match self.input.next()? {
                Ok(a) => {
                    self.current = Some(a);
                    self.offset = 0;
                }
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

impl Iterator for RowsReader {
    type Item = Result<RecordBatch, ArrowError>;
    fn next(&mut self) -> Option<Self::Item> {
        arrow::no_panic(|| self.step())
    }
}

impl RecordBatchReader for RowsReader {
    fn schema(&self) -> SchemaRef {
        rows_schema(self.report, self.id.as_ref().map(|(_, f)| f))
    }
}

/// Arrow data with a text `column` → a lazy Arrow stream capsule of result rows.
#[pyfunction]
#[pyo3(signature = (engine, data, column = "application", *, id_column = None, report = false, threads = None, as_of = None, chunk_size = 8192))]
#[allow(clippy::too_many_arguments, reason = "one per keyword argument of the Python function")]
pub fn _check_rows_arrow<'py>(
    py: Python<'py>,
    engine: &Bound<'py, PyEngine>,
    data: &Bound<'py, PyAny>,
    column: &str,
    id_column: Option<&str>,
    report: bool,
    threads: Option<usize>,
    as_of: Option<&Bound<'py, PyAny>>,
    chunk_size: usize,
) -> PyResult<Bound<'py, PyCapsule>> {
    let (field, input) = arrow::import(data)?;
    let col = arrow::select(&field, column)?;
    let id = match (id_column, field.data_type()) {
        (None, _) => None,
        (Some(name), DataType::Struct(fields)) => match fields.iter().position(|f| f.name() == name) {
            Some(i) => Some((i, fields[i].clone())),
            None => return Err(PyKeyError::new_err(format!("no id column {name:?}"))),
        },
        (Some(name), _) => return Err(PyKeyError::new_err(format!("no id column {name:?}: the input is a single array"))),
    };
    let r = RowsReader {
        engine: engine.get().engine.clone(),
        threads: pool::threads(threads)?,
        as_of: convert::as_of(as_of)?,
        chunk: chunk_size.max(1),
        report,
        col,
        id,
        input,
        current: None,
        offset: 0,
        row: 0,
    };
    arrow::export(py, Box::new(r))
}

/// Python rows (dicts, JSON strings, None for a null row, anything else is a bad row) → one
/// batch of result rows as an Arrow stream capsule, rows numbered from `start`.
#[pyfunction]
#[pyo3(signature = (engine, rows, start = 0, *, report = false, threads = None, as_of = None, drop_nulls = false))]
#[allow(clippy::too_many_arguments, reason = "one per keyword argument of the Python function")]
pub fn _rows_batch<'py>(
    py: Python<'py>,
    engine: &Bound<'py, PyEngine>,
    rows: &Bound<'py, PyList>,
    start: i64,
    report: bool,
    threads: Option<usize>,
    as_of: Option<&Bound<'py, PyAny>>,
    drop_nulls: bool,
) -> PyResult<Bound<'py, PyCapsule>> {
    let as_of = convert::as_of(as_of)?;
    let n = pool::threads(threads)?;
    let inputs: Vec<Option<convert::Input>> =
        rows.iter().map(|r| if r.is_none() { None } else { Some(convert::to_input_opt(&r, drop_nulls)) }).collect();
    let engine = &engine.get().engine;
    let batch = py.detach(|| -> PyResult<_> {
        let outcomes = pool::map(n, inputs, |i| i.map(|i| run_one(engine, i, as_of)))?;
        let mut b = RowsBuilder::new(report);
        for (i, o) in outcomes.iter().enumerate() {
            b.add(engine, start + i as i64, o.as_ref());
        }
        b.finish(None).map_err(|e| BeiancheckError::new_err(format!("Arrow: {e}")))
    })?;
    arrow::export(py, Box::new(arrow::Batches(rows_schema(report, None), vec![batch].into_iter())))
}
