//! `beiancheck.report(results, inputs)`: the core's run summary page (`beiancheck::summary`,
//! the same renderer as `beiancheck batch --report`). This only hands the results over.
use crate::objects::{PyErrorResult, PyReport};
use crate::{convert, PyEngine};
use beiancheck::summary::{Facets, Summary};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};

fn facets(engine: &beiancheck::Engine, x: &Bound<'_, PyAny>) -> Facets {
    if let Ok(s) = x.cast::<PyString>() {
        return s.to_cow().map(|s| Facets::of_json(engine, &s)).unwrap_or_default();
    }
    if let Ok(b) = x.cast::<PyBytes>() {
        return std::str::from_utf8(b.as_bytes()).map(|s| Facets::of_json(engine, s)).unwrap_or_default();
    }
    if x.is_instance_of::<PyDict>() {
        return convert::to_value(x).map(|v| Facets::of_value(engine, &v)).unwrap_or_default();
    }
    Facets::default()
}

/// Results (Report, ErrorResult or None, in input order) and optionally the inputs they came
/// from (for the province and subject kind) → the HTML page.
#[pyfunction]
#[pyo3(signature = (engine, results, inputs = None, source = None))]
pub fn _report_html(
    engine: &Bound<'_, PyEngine>,
    results: &Bound<'_, PyList>,
    inputs: Option<&Bound<'_, PyList>>,
    source: Option<String>,
) -> PyResult<String> {
    let engine = &engine.get().engine;
    if let Some(i) = inputs {
        if i.len() != results.len() {
            return Err(PyValueError::new_err(format!("{} inputs for {} results: give one input per result", i.len(), results.len())));
        }
    }
    let mut s = Summary::new();
    if let Some(src) = source {
        s = s.with_source(src);
    }
    for (n, r) in results.iter().enumerate() {
        let f = inputs.map(|i| i.get_item(n).map(|x| facets(engine, &x))).transpose()?.unwrap_or_default();
        if r.is_none() {
            s.add_null();
        } else if let Ok(rep) = r.cast::<PyReport>() {
            s.add(n + 1, &f, Ok(&rep.borrow().r));
        } else if let Ok(err) = r.cast::<PyErrorResult>() {
            s.add(n + 1, &f, Err(&err.borrow().e));
        } else {
            return Err(PyTypeError::new_err(format!(
                "results[{n}] is a {}, not a Report or ErrorResult (what check_many gives)",
                r.get_type().name()?
            )));
        }
    }
    s.set_rows_out(results.len());
    Ok(s.to_html(engine))
}
