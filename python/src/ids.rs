//! `check_ids`: identity numbers on their own. The answer is the core's `ids::check_id`; this
//! reads the values (a Python list, or an Arrow string array without a Python object per value)
//! and writes the answers (dicts, or Arrow columns).
use crate::{arrow, convert, pool};
use arrow_array::builder::{BooleanBuilder, Date32Builder, Int32Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch, RecordBatchReader};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use beiancheck::ids::{check_id, IdKind, IdResult};
use chrono::NaiveDate;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyString};
use std::sync::Arc;

fn kind(name: &str) -> PyResult<IdKind> {
    IdKind::parse(name).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The date ages are computed on: the caller's, else today in Shanghai, fixed once per call.
fn day(as_of: Option<&Bound<'_, PyAny>>) -> PyResult<NaiveDate> {
    Ok(convert::as_of(as_of)?.unwrap_or_else(beiancheck::today))
}

/// Values (str, or None for a missing one) → one dict per value, None for None, in order.
#[pyfunction]
#[pyo3(signature = (values, kind_name, as_of = None, threads = None))]
pub fn _check_ids_list<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    kind_name: &str,
    as_of: Option<&Bound<'py, PyAny>>,
    threads: Option<usize>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let (k, on, n) = (kind(kind_name)?, day(as_of)?, pool::threads(threads)?);
    let mut list: Vec<Option<String>> = Vec::new();
    for (i, x) in values.try_iter()?.enumerate() {
        let x = x?;
        if x.is_none() {
            list.push(None);
        } else if let Ok(s) = x.cast::<PyString>() {
            list.push(Some(s.to_cow()?.into_owned()));
        } else {
            return Err(PyTypeError::new_err(format!("values[{i}] is a {}, not a str", x.get_type().name()?)));
        }
    }
    let results = py.detach(|| pool::map(n, list, |v| v.map(|v| check_id(k, &v, on))))?;
    results
        .iter()
        .map(|r| match r {
            Some(r) => convert::ser_to_py(py, r),
            None => Ok(py.None().into_bound(py)),
        })
        .collect()
}

/// An Arrow string array → an Arrow stream capsule of the answers, one row per value.
#[pyfunction]
#[pyo3(signature = (values, kind_name, as_of = None, threads = None))]
pub fn _check_ids_arrow<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyAny>,
    kind_name: &str,
    as_of: Option<&Bound<'py, PyAny>>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyCapsule>> {
    let (k, on, n) = (kind(kind_name)?, day(as_of)?, pool::threads(threads)?);
    let (field, input) = arrow::import(values)?;
    if !arrow::is_text(field.data_type()) {
        return Err(PyTypeError::new_err(format!("expected a string array of identity numbers, got {}", field.data_type())));
    }
    arrow::export(py, Box::new(IdsReader { kind: k, as_of: on, threads: n, input }))
}

pub fn ids_schema() -> SchemaRef {
    let s = |n: &str| Field::new(n, DataType::Utf8, true);
    let i = |n: &str| Field::new(n, DataType::Int32, true);
    Arc::new(Schema::new(vec![
        Field::new("valid", DataType::Boolean, true),
        s("reason"),
        i("position"),
        s("expected"),
        s("message_en"),
        s("message_zh"),
        s("normalised"),
        Field::new("birth_date", DataType::Date32, true),
        s("sex"),
        i("age"),
        s("province"),
        s("area"),
        s("registration_authority"),
        s("org_type"),
        s("org_class"),
        s("org_class_zh"),
    ]))
}

struct IdsReader {
    kind: IdKind,
    as_of: NaiveDate,
    threads: usize,
    input: arrow::Arrays,
}

/// Days from 1970-01-01, as Arrow's date32 counts them.
fn days(iso: &str) -> Option<i32> {
    let d = NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok()?;
    i32::try_from((d - NaiveDate::from_ymd_opt(1970, 1, 1)?).num_days()).ok()
}

fn int(n: Option<impl TryInto<i32>>) -> Option<i32> {
    n.and_then(|n| n.try_into().ok())
}

impl IdsReader {
    fn batch(&self, a: &ArrayRef) -> Result<RecordBatch, ArrowError> {
        let values = arrow::strings(a.as_ref(), 0, a.len());
        let (k, on) = (self.kind, self.as_of);
        let results: Vec<Option<IdResult>> =
            pool::map(self.threads, values, |v| v.map(|v| check_id(k, v, on))).map_err(|e| ArrowError::ExternalError(Box::new(e)))?;
        let mut valid = BooleanBuilder::with_capacity(results.len());
        let mut birth = Date32Builder::with_capacity(results.len());
        let mut ints: [Int32Builder; 2] = std::array::from_fn(|_| Int32Builder::with_capacity(results.len()));
        let mut texts: [StringBuilder; 12] = std::array::from_fn(|_| StringBuilder::new());
        let mut ch = [0u8; 4];
        let mut ch2 = [0u8; 4];
        for r in &results {
            let Some(r) = r else {
                // A null value has no answer: every column null.
                valid.append_null();
                birth.append_null();
                ints.iter_mut().for_each(Int32Builder::append_null);
                texts.iter_mut().for_each(StringBuilder::append_null);
                continue;
            };
            valid.append_value(r.valid);
            birth.append_option(r.birth_date.as_deref().and_then(days));
            ints[0].append_option(int(r.position));
            ints[1].append_option(int(r.age));
            let cells: [Option<&str>; 12] = [
                r.reason,
                r.expected.as_deref(),
                r.message_en.as_deref(),
                r.message_zh.as_deref(),
                r.normalised.as_deref(),
                r.sex,
                r.province,
                r.area.as_deref(),
                r.registration_authority.map(|c| &*c.encode_utf8(&mut ch)),
                r.org_type.map(|c| &*c.encode_utf8(&mut ch2)),
                r.org_class,
                r.org_class_zh,
            ];
            for (b, c) in texts.iter_mut().zip(cells) {
                b.append_option(c);
            }
        }
        let t = |b: &mut StringBuilder| Arc::new(b.finish()) as ArrayRef;
        let [reason, expected, en, zh, norm, sex, prov, area, auth, org, class, class_zh] = &mut texts;
        let [position, age] = &mut ints;
        let cols: Vec<ArrayRef> = vec![
            Arc::new(valid.finish()),
            t(reason),
            Arc::new(position.finish()),
            t(expected),
            t(en),
            t(zh),
            t(norm),
            Arc::new(birth.finish()),
            t(sex),
            Arc::new(age.finish()),
            t(prov),
            t(area),
            t(auth),
            t(org),
            t(class),
            t(class_zh),
        ];
        RecordBatch::try_new(ids_schema(), cols)
    }
}

impl Iterator for IdsReader {
    type Item = Result<RecordBatch, ArrowError>;
    fn next(&mut self) -> Option<Self::Item> {
        arrow::no_panic(|| {
            let a = self.input.next()?;
            Some(a.and_then(|a| self.batch(&a)))
        })
    }
}

impl RecordBatchReader for IdsReader {
    fn schema(&self) -> SchemaRef {
        ids_schema()
    }
}
