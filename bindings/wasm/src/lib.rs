//! beiancheck in WebAssembly: the core's JSON faces for JavaScript (wasm-bindgen).
//!
//! Translation only, like ffi/ and python/: JSON text in, the core's JSON text out, errors as
//! the core's [`InputError`] in JSON. No rule lives here.
//!
//! The date always comes from the caller: wasm32-unknown-unknown has no clock (reading it
//! traps), so a check takes `today` — `YYYY-MM-DD`, or an RFC 3339 date-time such as
//! `Date.prototype.toISOString()` gives — and the core uses it when the application has no
//! `as_of`. The JavaScript wrapper (js/index.js) turns a `Date` into that string.
#![forbid(unsafe_code)]
use beiancheck::{codes, dates, ids, DomainQuery, Engine, InputError};
use chrono::NaiveDate;
use std::sync::OnceLock;
use wasm_bindgen::prelude::*;

/// One engine per module instance: the pack is parsed once, on the first call (or `warmUp`).
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(Engine::embedded)
}

/// The C ABI's `BEIAN_INVALID_ARGUMENT` (ffi/), the result an unknown identity-number kind gets
/// in every binding.
const INVALID_ARGUMENT: u32 = 7009;

#[allow(clippy::expect_used, reason = "an input error is strings and numbers: it always serialises")]
fn error(e: &InputError) -> JsValue {
    JsValue::from_str(&serde_json::to_string(e).expect("an input error always serialises"))
}

/// The caller's date, read by the core's own date reader (a date-time becomes the Shanghai day).
fn today_of(s: &str) -> Result<NaiveDate, JsValue> {
    dates::parse_moment(s)
        .map(|m| m.date())
        .map_err(|message| error(&InputError { code: codes::INPUT_INVALID_VALUE, line: 0, column: 0, path: Some("today".into()), message }))
}

/// Parses the rule pack now (otherwise the first call does); returns the pack's version.
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up() -> String {
    engine().rules_info().version.to_string()
}

/// Checks one application (JSON text); `today` is the evaluation date when the application
/// has no `as_of`. The report's JSON, byte for byte what the core writes; an input that is not
/// an application throws the core's input error as JSON (`code`, `line`, `column`, `path`,
/// `message`).
#[wasm_bindgen(js_name = checkJson)]
pub fn check_json(application: &str, today: &str) -> Result<String, JsValue> {
    let day = today_of(today)?;
    engine().check_json_at(application, Some(day)).map(|r| r.to_json()).map_err(|e| error(&e))
}

/// Can this domain be filed (with a subject kind and a province, their rules too)? The domain
/// report's JSON.
#[allow(clippy::expect_used, reason = "a domain report has no map with non-string keys and no fallible Serialize impl")]
#[wasm_bindgen(js_name = checkDomainJson)]
pub fn check_domain_json(name: &str, subject_kind: Option<String>, province: Option<String>) -> String {
    let report = engine().check_domain(name, &DomainQuery { subject_kind, province });
    serde_json::to_string(&report).expect("a domain report always serialises")
}

/// What must be prepared: a materials query (JSON text). The materials report's JSON.
#[allow(clippy::expect_used, reason = "a materials report has no map with non-string keys and no fallible Serialize impl")]
#[wasm_bindgen(js_name = materialsJson)]
pub fn materials_json(query: &str) -> Result<String, JsValue> {
    let report = engine().materials_json(query).map_err(|e| error(&e))?;
    Ok(serde_json::to_string(&report).expect("a materials report always serialises"))
}

/// One identity number (`kind`: `resident_id`, `credit_code`, `mobile`, … as the core names
/// them), judged on `today`: the core's answer as JSON, the same as C's `beian_check_id` and
/// `beiancheck id --json`. An invalid number is an answer (`"valid":false` and its `reason`);
/// an unknown kind throws the C ABI's error detail as JSON: result 7009, code
/// `INVALID_ARGUMENT`, path `kind`.
#[allow(clippy::expect_used, reason = "an IdResult is strings and booleans: it always serialises")]
#[wasm_bindgen(js_name = checkIdJson)]
pub fn check_id_json(kind: &str, value: &str, today: &str) -> Result<String, JsValue> {
    let kind = ids::IdKind::parse(kind).map_err(|e| {
        let detail = serde_json::json!({
            "result": INVALID_ARGUMENT, "code": "INVALID_ARGUMENT", "line": 0, "column": 0,
            "path": "kind", "message": e.to_string(),
        });
        JsValue::from_str(&detail.to_string())
    })?;
    let day = today_of(today)?;
    Ok(serde_json::to_string(&ids::check_id(kind, value, day)).expect("an IdResult always serialises"))
}

/// The rule pack's version and SHA-256, as JSON.
#[allow(clippy::expect_used, reason = "rules info is two strings: it always serialises")]
#[wasm_bindgen(js_name = rulesJson)]
pub fn rules_json() -> String {
    serde_json::to_string(&engine().rules_info()).expect("rules info always serialises")
}
