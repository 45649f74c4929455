//! Python objects to and from JSON values. Dicts are walked directly (no `json.dumps` round
//! trip); every conversion problem becomes an `INPUT_MALFORMED` input error with the field path.
use beiancheck::codes::INPUT_MALFORMED;
use beiancheck::InputError;
use chrono::NaiveDate;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use pyo3::IntoPyObjectExt;
use serde_json::{Map, Number, Value};

/// Levels of nesting allowed: as many as serde_json parses in JSON text (it refuses the 128th),
/// so a dict and its JSON text are refused alike; it also stops a dict that contains itself.
pub const MAX_DEPTH: usize = 127;

/// One row of a bulk call, converted under the GIL and checked without it.
pub enum Input {
    Value(Value),
    Text(String),
    Bad(InputError),
}

enum Seg {
    Key(String),
    Index(usize),
}

struct Fail {
    /// Innermost segment first (pushed while unwinding).
    segs: Vec<Seg>,
    message: String,
}

impl Fail {
    fn new(message: impl Into<String>) -> Fail {
        Fail { segs: Vec::new(), message: message.into() }
    }
    fn path(&self) -> Option<String> {
        if self.segs.is_empty() {
            return None;
        }
        Some(beiancheck::model::path_text(self.segs.iter().rev().map(|s| match s {
            Seg::Key(k) => beiancheck::model::Seg::Key(k),
            Seg::Index(i) => beiancheck::model::Seg::Index(*i),
        })))
    }
}

pub fn malformed(path: Option<String>, message: impl Into<String>) -> InputError {
    InputError { code: INPUT_MALFORMED, line: 0, column: 0, path, message: message.into() }
}

/// A dict (or any JSON-like Python value) as a JSON value.
pub fn to_value(obj: &Bound<'_, PyAny>) -> Result<Value, InputError> {
    to_value_opt(obj, false)
}

/// As [`to_value`]; with `drop_nulls`, dict entries whose value is None are left out (for rows
/// from Arrow struct columns, where a null field means the row has no such field).
pub fn to_value_opt(obj: &Bound<'_, PyAny>, drop_nulls: bool) -> Result<Value, InputError> {
    walk(obj, 0, drop_nulls).map_err(|f| {
        let path = f.path();
        let message = match &path {
            Some(p) => format!("{} (at {p})", f.message),
            None => f.message,
        };
        malformed(path, message)
    })
}

fn date_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    DATE.import(py, "datetime", "date")
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into())
}

fn walk(obj: &Bound<'_, PyAny>, depth: usize, drop_nulls: bool) -> Result<Value, Fail> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow().map_err(|e| Fail::new(e.to_string()))?.into_owned()));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        if depth >= MAX_DEPTH {
            return Err(Fail::new(format!("nested deeper than {MAX_DEPTH} levels")));
        }
        let mut map = Map::with_capacity(d.len());
        for (k, v) in d.iter() {
            if drop_nulls && v.is_none() {
                continue;
            }
            let key = match k.cast::<PyString>() {
                Ok(s) => s.to_cow().map_err(|e| Fail::new(e.to_string()))?.into_owned(),
                Err(_) => return Err(Fail::new(format!("a key is a {}, not a string", type_name(&k)))),
            };
            match walk(&v, depth + 1, drop_nulls) {
                Ok(x) => {
                    map.insert(key, x);
                }
                Err(mut f) => {
                    f.segs.push(Seg::Key(key));
                    return Err(f);
                }
            }
        }
        return Ok(Value::Object(map));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.cast::<PyInt>().is_ok() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Err(Fail::new("an integer too large for JSON"));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Number::from_f64(f.value()).map(Value::Number).ok_or_else(|| Fail::new("a float that is not finite (NaN or infinity)"));
    }
    let items: Option<Vec<Bound<'_, PyAny>>> =
        if let Ok(l) = obj.cast::<PyList>() { Some(l.iter().collect()) } else { obj.cast::<PyTuple>().ok().map(|t| t.iter().collect()) };
    if let Some(items) = items {
        if depth >= MAX_DEPTH {
            return Err(Fail::new(format!("nested deeper than {MAX_DEPTH} levels")));
        }
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            match walk(v, depth + 1, drop_nulls) {
                Ok(x) => out.push(x),
                Err(mut f) => {
                    f.segs.push(Seg::Index(i));
                    return Err(f);
                }
            }
        }
        return Ok(Value::Array(out));
    }
    // datetime.date / datetime.datetime: their ISO form, which is what the model reads.
    if let Ok(date) = date_type(obj.py()) {
        if obj.is_instance(date).unwrap_or(false) {
            let iso = obj.call_method0("isoformat").and_then(|s| s.extract::<String>()).map_err(|e| Fail::new(e.to_string()))?;
            return Ok(Value::String(iso));
        }
    }
    Err(Fail::new(format!("a {} is not a JSON value (use dict, list, str, int, float, bool, None or date)", type_name(obj))))
}

/// A dict as compact JSON text, for bulk rows: one growing buffer instead of a tree of small
/// allocations, so the GIL-bound conversion is cheaper and the worker thread that parses and
/// checks it reads compact, cache-friendly data. Accepts and refuses exactly what `walk` does.
pub fn to_json_text(obj: &Bound<'_, PyAny>, drop_nulls: bool) -> Result<String, InputError> {
    let mut buf = Vec::with_capacity(2048);
    write(obj, 0, drop_nulls, &mut buf).map_err(|f| {
        let path = f.path();
        let message = match &path {
            Some(p) => format!("{} (at {p})", f.message),
            None => f.message,
        };
        malformed(path, message)
    })?;
    // serde_json writes valid UTF-8 and the strings came from Python str.
    String::from_utf8(buf).map_err(|e| malformed(None, e.to_string()))
}

fn put<T: serde::Serialize + ?Sized>(buf: &mut Vec<u8>, x: &T) -> Result<(), Fail> {
    serde_json::to_writer(&mut *buf, x).map_err(|e| Fail::new(e.to_string()))
}

fn write(obj: &Bound<'_, PyAny>, depth: usize, drop_nulls: bool, buf: &mut Vec<u8>) -> Result<(), Fail> {
    if let Ok(s) = obj.cast::<PyString>() {
        return put(buf, &*s.to_cow().map_err(|e| Fail::new(e.to_string()))?);
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        if depth >= MAX_DEPTH {
            return Err(Fail::new(format!("nested deeper than {MAX_DEPTH} levels")));
        }
        buf.push(b'{');
        let mut first = true;
        for (k, v) in d.iter() {
            if drop_nulls && v.is_none() {
                continue;
            }
            let key = match k.cast::<PyString>() {
                Ok(s) => s.to_cow().map_err(|e| Fail::new(e.to_string()))?,
                Err(_) => return Err(Fail::new(format!("a key is a {}, not a string", type_name(&k)))),
            };
            if !first {
                buf.push(b',');
            }
            first = false;
            put(buf, &*key)?;
            buf.push(b':');
            if let Err(mut f) = write(&v, depth + 1, drop_nulls, buf) {
                f.segs.push(Seg::Key(key.into_owned()));
                return Err(f);
            }
        }
        buf.push(b'}');
        return Ok(());
    }
    let items: Option<Vec<Bound<'_, PyAny>>> =
        if let Ok(l) = obj.cast::<PyList>() { Some(l.iter().collect()) } else { obj.cast::<PyTuple>().ok().map(|t| t.iter().collect()) };
    if let Some(items) = items {
        if depth >= MAX_DEPTH {
            return Err(Fail::new(format!("nested deeper than {MAX_DEPTH} levels")));
        }
        buf.push(b'[');
        for (i, v) in items.iter().enumerate() {
            if i > 0 {
                buf.push(b',');
            }
            if let Err(mut f) = write(v, depth + 1, drop_nulls, buf) {
                f.segs.push(Seg::Index(i));
                return Err(f);
            }
        }
        buf.push(b']');
        return Ok(());
    }
    // Scalars (and dates) exactly as the tree walk converts them.
    put(buf, &walk(obj, depth, drop_nulls)?)
}

/// One bulk row: a dict, a JSON string (or UTF-8 bytes); anything else is a bad row.
pub fn to_input(obj: &Bound<'_, PyAny>) -> Input {
    to_input_opt(obj, false)
}

pub fn to_input_opt(obj: &Bound<'_, PyAny>, drop_nulls: bool) -> Input {
    if let Ok(s) = obj.cast::<PyString>() {
        return match s.to_cow() {
            Ok(t) => Input::Text(t.into_owned()),
            Err(e) => Input::Bad(malformed(None, format!("the string is not valid UTF-8: {e}"))),
        };
    }
    if obj.cast::<PyDict>().is_ok() {
        return match to_json_text(obj, drop_nulls) {
            Ok(t) => Input::Text(t),
            Err(e) => Input::Bad(e),
        };
    }
    let bytes =
        if let Ok(b) = obj.cast::<PyBytes>() { Some(b.as_bytes().to_vec()) } else { obj.cast::<PyByteArray>().ok().map(|b| b.to_vec()) };
    if let Some(b) = bytes {
        // The core's answer for invalid UTF-8 (line and column in characters), as in every face.
        return match beiancheck::utf8(&b) {
            Ok(t) => Input::Text(t.to_owned()),
            Err(e) => Input::Bad(e),
        };
    }
    let what = if obj.is_none() { "None".to_owned() } else { format!("a value of type {}", type_name(obj)) };
    Input::Bad(malformed(None, format!("expected an application (a dict or a JSON string), got {what}")))
}

/// A JSON value as plain Python objects (dict, list, str, int, float, bool, None).
pub fn to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_bound_py_any(py)?,
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_bound_py_any(py)?
            } else if let Some(u) = n.as_u64() {
                u.into_bound_py_any(py)?
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_bound_py_any(py)?
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(a) => {
            let list = PyList::empty(py);
            for x in a {
                list.append(to_py(py, x)?)?;
            }
            list.into_any()
        }
        Value::Object(m) => {
            let d = PyDict::new(py);
            for (k, x) in m {
                d.set_item(k, to_py(py, x)?)?;
            }
            d.into_any()
        }
    })
}

/// Any serialisable core value as plain Python objects.
pub fn ser_to_py<'py, T: serde::Serialize>(py: Python<'py>, x: &T) -> PyResult<Bound<'py, PyAny>> {
    let v = serde_json::to_value(x).map_err(|e| crate::BeiancheckError::new_err(format!("internal error: {e}")))?;
    to_py(py, &v)
}

/// The `as_of` argument: None, "YYYY-MM-DD" or a `datetime.date`.
pub fn as_of(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<NaiveDate>> {
    let Some(obj) = obj else { return Ok(None) };
    if obj.is_none() {
        return Ok(None);
    }
    let text: String = if let Ok(s) = obj.cast::<PyString>() {
        s.to_cow()?.into_owned()
    } else if obj.is_instance(date_type(obj.py())?)? {
        // A datetime is a date too; its date part is what counts.
        let d = if obj.hasattr("date")? && obj.getattr("hour").is_ok() { obj.call_method0("date")? } else { obj.clone() };
        d.call_method0("isoformat")?.extract()?
    } else {
        return Err(PyValueError::new_err(format!("as_of must be a date or a \"YYYY-MM-DD\" string, not {}", type_name(obj))));
    };
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map(Some)
        .map_err(|e| PyValueError::new_err(format!("as_of {text:?} is not a YYYY-MM-DD date: {e}")))
}
