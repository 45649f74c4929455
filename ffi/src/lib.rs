//! The C ABI of beiancheck (`libbeiancheck`, header `include/beiancheck.h`).
//!
//! Translation only: C bytes in, the core's JSON out. Every decision is the core's; nothing here
//! knows a rule. The conventions are rustls-ffi's (see docs/C_API.md):
//!
//! - fallible functions return a [`beian_result`] (explicit numbers from 7000) and write their
//!   outputs only when they return `BEIAN_OK`;
//! - NULL arguments are refused with `BEIAN_NULL_PARAMETER`, never dereferenced;
//! - no panic crosses the boundary: each body runs under `catch_unwind` (`BEIAN_PANIC`);
//! - every allocation handed out has exactly one free function;
//! - the detail of a failure (code, line, column, path, message) is kept per thread and read
//!   with [`beian_last_error_json`], so the common signatures stay small and no hidden state is
//!   shared between threads.
//!
//! `unsafe` is confined to reading caller memory, handing out / taking back ownership, and the
//! `extern "C"` surface itself; each block says what it relies on.
#![allow(non_camel_case_types, reason = "the C names of the ABI types (beian_buf, beian_result, ...) are the header's")]
// Not `forbid(unsafe_code)` like core and cli: a C ABI must read caller memory through raw
// pointers. Each unsafe operation needs its own block, with its SAFETY comment.
#![deny(unsafe_op_in_unsafe_fn)]

use core_engine::{codes, Engine, InputError, PackError};
use serde::Serialize;
use std::cell::RefCell;
use std::ffi::{c_char, c_uint, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, OnceLock};

/// Major version of the library (the `beiancheck-ffi` crate). No ABI stability is promised
/// before 1.0: link against the exact version you built with.
pub const BEIAN_VERSION_MAJOR: u32 = 0;
/// Minor version of the library.
pub const BEIAN_VERSION_MINOR: u32 = 1;
/// Patch version of the library.
pub const BEIAN_VERSION_PATCH: u32 = 0;

// cbindgen copies literals only, so the three numbers are written out; the build fails if they
// ever disagree with Cargo.toml.
const fn parse_u32(s: &str) -> u32 {
    let b = s.as_bytes();
    let mut i = 0;
    let mut n = 0;
    while i < b.len() {
        n = n * 10 + (b[i] - b'0') as u32;
        i += 1;
    }
    n
}
const _: () = assert!(BEIAN_VERSION_MAJOR == parse_u32(env!("CARGO_PKG_VERSION_MAJOR")), "BEIAN_VERSION_MAJOR != Cargo.toml");
const _: () = assert!(BEIAN_VERSION_MINOR == parse_u32(env!("CARGO_PKG_VERSION_MINOR")), "BEIAN_VERSION_MINOR != Cargo.toml");
const _: () = assert!(BEIAN_VERSION_PATCH == parse_u32(env!("CARGO_PKG_VERSION_PATCH")), "BEIAN_VERSION_PATCH != Cargo.toml");

/// The largest input, in bytes, any function accepts (applications, domain names, materials
/// queries and rule packs alike): 16 MiB. A longer input returns `BEIAN_INPUT_TOO_LARGE`
/// without being read.
pub const BEIAN_MAX_INPUT: usize = 16 * 1024 * 1024;

/// Every message `beian_result_message` writes fits in a buffer of this many bytes, the
/// terminating NUL included.
pub const BEIAN_MESSAGE_MAX: usize = 128;

/// The outcome of a call. Values are explicit and never reused; new ones may be added.
///
/// Functions return it as a `uint32_t` (`typedef uint32_t beian_result`), so a C caller can
/// hold values this version does not know.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum beian_result {
    /// Success: the outputs were written.
    BEIAN_OK = 7000,
    /// A pointer argument was NULL.
    BEIAN_NULL_PARAMETER = 7001,
    /// A text argument is not valid UTF-8.
    BEIAN_INVALID_UTF8 = 7002,
    /// The input is not valid JSON, or not the JSON the function takes.
    BEIAN_MALFORMED_JSON = 7003,
    /// The rule pack was refused (the reason and where: `beian_last_error_json`).
    BEIAN_INVALID_PACK = 7004,
    /// The input is longer than `BEIAN_MAX_INPUT`, or over another limit of the engine.
    BEIAN_INPUT_TOO_LARGE = 7005,
    /// A bug: the library panicked. The call had no effect; the engine is still usable.
    BEIAN_PANIC = 7006,
    /// The caller's buffer is too small for the answer (nothing was written).
    BEIAN_BUFFER_TOO_SMALL = 7007,
    /// `beian_last_error_json`: the last call on this thread did not fail.
    BEIAN_NO_ERROR_DETAIL = 7008,
    /// An argument that is not text is not one the function accepts (an unknown kind, a date
    /// that is not `YYYY-MM-DD`); which and why: `beian_last_error_json`.
    BEIAN_INVALID_ARGUMENT = 7009,
}
use beian_result::*;

const ALL_RESULTS: [beian_result; 10] = [
    BEIAN_OK,
    BEIAN_NULL_PARAMETER,
    BEIAN_INVALID_UTF8,
    BEIAN_MALFORMED_JSON,
    BEIAN_INVALID_PACK,
    BEIAN_INPUT_TOO_LARGE,
    BEIAN_PANIC,
    BEIAN_BUFFER_TOO_SMALL,
    BEIAN_NO_ERROR_DETAIL,
    BEIAN_INVALID_ARGUMENT,
];

impl beian_result {
    fn message(self) -> &'static str {
        match self {
            BEIAN_OK => "success",
            BEIAN_NULL_PARAMETER => "a pointer argument was NULL",
            BEIAN_INVALID_UTF8 => "the input is not valid UTF-8",
            BEIAN_MALFORMED_JSON => "the input is not valid JSON for this call (INPUT_MALFORMED)",
            BEIAN_INVALID_PACK => "the rule pack is invalid",
            BEIAN_INPUT_TOO_LARGE => "the input is over a limit (BEIAN_MAX_INPUT bytes, or an engine limit)",
            BEIAN_PANIC => "internal error: the library panicked (a bug; please report it)",
            BEIAN_BUFFER_TOO_SMALL => "the output buffer is too small",
            BEIAN_NO_ERROR_DETAIL => "the last call on this thread did not fail: no error detail",
            BEIAN_INVALID_ARGUMENT => "an argument is not one the function accepts (see beian_last_error_json)",
        }
    }
    fn from_uint(n: c_uint) -> Option<beian_result> {
        ALL_RESULTS.iter().copied().find(|r| *r as c_uint == n)
    }
}

/// An engine: the validated rule pack, immutable once built.
///
/// Opaque: C code only ever holds a `const beian_engine *`. One engine may be used by any
/// number of threads at once without locking; free it once, after every thread is done.
pub struct beian_engine {
    _private: [u8; 0],
}

/// Bytes owned by the library: a JSON document, UTF-8, not counting a terminating NUL that is
/// always present at `data[len]` (so `data` can be printed as a C string).
///
/// A `beian_buf` filled by the library must be released with `beian_buf_free` exactly once
/// (freeing again, or freeing a zeroed `beian_buf`, is a no-op). Do not change its fields and
/// do not release `data` with `free()`.
#[repr(C)]
pub struct beian_buf {
    pub data: *mut u8,
    pub len: usize,
}

// ---------------------------------------------------------------------------------------------
// The per-thread error detail.

/// What went wrong, as `beian_last_error_json` returns it.
#[derive(Serialize, Debug, Clone, PartialEq)]
struct Detail {
    /// The `beian_result` the call returned.
    result: u32,
    /// The core's code for input errors (`INPUT_MALFORMED`, `INPUT_LIMIT_EXCEEDED`), else
    /// `NULL_PARAMETER`, `INVALID_ARGUMENT`, `PACK_INVALID` or `PANIC`.
    code: &'static str,
    /// 1-based line and column of the problem in the input (0 when not applicable).
    line: usize,
    column: usize,
    /// The field path in the input or pack, or the name of the NULL parameter.
    path: Option<String>,
    message: String,
}

/// A failed call: the code it returns and the detail it leaves for the thread.
struct Failure {
    result: beian_result,
    detail: Detail,
}

impl Failure {
    fn new(result: beian_result, code: &'static str, message: String) -> Failure {
        Failure { result, detail: Detail { result: result as u32, code, line: 0, column: 0, path: None, message } }
    }
    fn null(param: &'static str) -> Failure {
        let mut f = Failure::new(BEIAN_NULL_PARAMETER, "NULL_PARAMETER", format!("the argument `{param}` is NULL"));
        f.detail.path = Some(param.to_owned());
        f
    }
    fn input(e: InputError) -> Failure {
        // The core names the kind of input error; the result code only mirrors it.
        let result = if e.code == codes::INPUT_LIMIT_EXCEEDED { BEIAN_INPUT_TOO_LARGE } else { BEIAN_MALFORMED_JSON };
        Failure {
            result,
            detail: Detail { result: result as u32, code: e.code, line: e.line, column: e.column, path: e.path, message: e.message },
        }
    }
    fn argument(param: &'static str, message: String) -> Failure {
        let mut f = Failure::new(BEIAN_INVALID_ARGUMENT, "INVALID_ARGUMENT", message);
        f.detail.path = Some(param.to_owned());
        f
    }
    /// What a panic inside `guard` would report, for an error that cannot happen (a report
    /// that does not serialise).
    fn internal(e: impl std::fmt::Display) -> Failure {
        Failure::new(BEIAN_PANIC, "PANIC", format!("internal error (please report it): {e}"))
    }
    fn pack(e: PackError) -> Failure {
        let mut f = Failure::new(BEIAN_INVALID_PACK, "PACK_INVALID", e.to_string());
        f.detail.path = Some(e.path);
        f
    }
}

thread_local! {
    static LAST_ERROR: RefCell<Option<Detail>> = const { RefCell::new(None) };
}

fn set_last_error(d: Option<Detail>) {
    // try_with: during thread teardown the slot may be gone; losing the detail then is fine.
    let _ = LAST_ERROR.try_with(|slot| *slot.borrow_mut() = d);
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload.downcast_ref::<&str>().map(|s| (*s).to_owned()).or_else(|| payload.downcast_ref::<String>().cloned()).unwrap_or_default()
}

/// The boundary every fallible function goes through: catches panics, records this thread's
/// error detail (or clears it on success) and turns the outcome into a code.
fn guard(f: impl FnOnce() -> Result<(), Failure>) -> beian_result {
    // AssertUnwindSafe: after a panic nothing the closure touched is used again; the engine is
    // immutable, and outputs are written only as the last step of a successful call.
    let outcome = catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        Err(Failure::new(BEIAN_PANIC, "PANIC", format!("internal error (please report it): {}", panic_message(&*payload))))
    });
    match outcome {
        Ok(()) => {
            set_last_error(None);
            BEIAN_OK
        }
        Err(failure) => {
            let result = failure.result;
            set_last_error(Some(failure.detail));
            result
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reading arguments.

fn not_null<T>(p: *const T, name: &'static str) -> Result<(), Failure> {
    if p.is_null() {
        Err(Failure::null(name))
    } else {
        Ok(())
    }
}

fn check_len(len: usize) -> Result<(), Failure> {
    if len > BEIAN_MAX_INPUT {
        return Err(Failure::new(
            BEIAN_INPUT_TOO_LARGE,
            codes::INPUT_LIMIT_EXCEEDED,
            format!("the input is {len} bytes; the limit is {BEIAN_MAX_INPUT} bytes (BEIAN_MAX_INPUT)"),
        ));
    }
    Ok(())
}

/// The caller's `len` bytes at `ptr`, after the NULL and size checks.
///
/// # Safety
/// `ptr` must be NULL or point to `len` readable bytes that stay unchanged during the call.
unsafe fn bytes<'a>(ptr: *const u8, len: usize, name: &'static str) -> Result<&'a [u8], Failure> {
    not_null(ptr, name)?;
    check_len(len)?;
    // SAFETY: non-NULL (checked), `len` readable bytes (the caller's contract), and
    // len <= BEIAN_MAX_INPUT < isize::MAX as from_raw_parts requires.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// The caller's text as UTF-8; an invalid byte is reported with its line and column.
///
/// # Safety
/// As [`bytes`].
unsafe fn text<'a>(ptr: *const c_char, len: usize, name: &'static str) -> Result<&'a str, Failure> {
    // SAFETY: forwarded contract.
    let b = unsafe { bytes(ptr.cast::<u8>(), len, name)? };
    // The core's answer (line and column in characters), as the CLI and Python give it.
    core_engine::utf8(b).map_err(|e| {
        let mut f = Failure::new(BEIAN_INVALID_UTF8, codes::INPUT_MALFORMED, format!("`{name}` is not valid UTF-8: {}", e.message));
        f.detail.line = e.line;
        f.detail.column = e.column;
        f
    })
}

/// # Safety
/// `engine` must be NULL or a live pointer from `beian_engine_new_*`.
unsafe fn engine_ref<'a>(engine: *const beian_engine) -> Result<&'a Engine, Failure> {
    not_null(engine, "engine")?;
    // SAFETY: a live engine pointer is an `Arc<Engine>` turned into a raw pointer by
    // `hand_out_engine`; the reference lives no longer than the call, during which the caller
    // may not free the engine.
    Ok(unsafe { &*engine.cast::<Engine>() })
}

/// Writes the answer: the only place a `beian_buf` is filled.
///
/// # Safety
/// `out` must be non-NULL (checked by the caller first) and writable.
unsafe fn hand_out_buf(out: *mut beian_buf, json: String) {
    let mut bytes = json.into_bytes();
    // The terminating NUL promised by beian_buf; exactly one byte more, so that turning the
    // vector into a boxed slice does not copy the report again to shrink it.
    bytes.reserve_exact(1);
    bytes.push(0);
    let boxed = bytes.into_boxed_slice();
    let len = boxed.len() - 1;
    let data = Box::into_raw(boxed).cast::<u8>();
    // SAFETY: `out` is non-NULL and writable (the caller's contract); it is plain data, so
    // overwriting whatever it held drops nothing.
    unsafe { out.write(beian_buf { data, len }) };
}

/// # Safety
/// `out` must be non-NULL and writable.
unsafe fn hand_out_engine(out: *mut *const beian_engine, engine: Engine) {
    let ptr = Arc::into_raw(Arc::new(engine)).cast::<beian_engine>();
    // SAFETY: as hand_out_buf.
    unsafe { out.write(ptr) };
}

// ---------------------------------------------------------------------------------------------
// The API.

/// Builds an engine on the rule pack embedded in the library.
///
/// On `BEIAN_OK`, `*out` holds a new engine, owned by the caller: release it once with
/// `beian_engine_free`. On failure `*out` is left unchanged.
///
/// Thread-safety: may be called from any thread. The embedded pack is parsed once per process,
/// so later engines are cheap; each is immutable and may be shared by any number of threads.
///
/// # Safety
/// `out` is NULL or points to a writable `const beian_engine *`.
#[no_mangle]
pub unsafe extern "C" fn beian_engine_new_embedded(out: *mut *const beian_engine) -> beian_result {
    guard(|| {
        not_null(out, "out")?;
        // SAFETY: `out` is non-NULL; writable per the contract.
        unsafe { hand_out_engine(out, Engine::embedded()) };
        Ok(())
    })
}

/// Builds an engine on a replacement rule pack: the `len` bytes at `pack` (the format
/// `beiancheck rules --export` writes). The pack is validated completely.
///
/// On `BEIAN_OK`, `*out` holds a new engine owned by the caller (release it with
/// `beian_engine_free`). A pack that fails validation returns `BEIAN_INVALID_PACK` (the reason
/// and where: `beian_last_error_json`) and leaves `*out` unchanged, so an engine the caller
/// already holds stays in use. The bytes are only read during the call; the caller keeps them.
///
/// Thread-safety: may be called from any thread.
///
/// # Safety
/// `pack` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `const beian_engine *`.
#[no_mangle]
pub unsafe extern "C" fn beian_engine_new_from_pack(pack: *const u8, len: usize, out: *mut *const beian_engine) -> beian_result {
    guard(|| {
        not_null(out, "out")?;
        // SAFETY: `pack` points to `len` readable bytes (the caller's contract).
        let b = unsafe { bytes(pack, len, "pack")? };
        let engine = Engine::from_pack(b).map_err(Failure::pack)?;
        // SAFETY: `out` is non-NULL.
        unsafe { hand_out_engine(out, engine) };
        Ok(())
    })
}

/// Replaces the rule pack of a live engine with the `len` bytes at `pack` (the format
/// `beiancheck rules --export` writes), for rule updates without a restart.
///
/// The pack is validated completely first. On `BEIAN_OK` every later check on this engine uses
/// the new pack; checks already running on other threads finish on the pack they started with
/// (the swap is one atomic pointer store). A pack that fails validation returns
/// `BEIAN_INVALID_PACK` (the reason and where: `beian_last_error_json`) and the engine keeps the
/// pack it had. The bytes are only read during the call; the caller keeps them.
///
/// Thread-safety: may be called from any thread while other threads check with the engine.
///
/// # Safety
/// `engine` is NULL or a live engine; `pack` is NULL or points to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn beian_engine_swap_pack(engine: *const beian_engine, pack: *const u8, len: usize) -> beian_result {
    guard(|| {
        // SAFETY: the caller's contract for `engine` and `pack`.
        let (engine, b) = unsafe { (engine_ref(engine)?, bytes(pack, len, "pack")?) };
        engine.swap_pack(b).map_err(Failure::pack)?;
        Ok(())
    })
}

/// A new engine on the same rule pack as `engine` with other input limits: `limits_json` is
/// `len` bytes of UTF-8 JSON such as `{"max_websites":10,"max_input_bytes":65536}` (fields:
/// max_input_bytes, max_depth, max_websites, max_domains, max_resources, max_materials,
/// max_string_chars; a missing field keeps its default, an unknown one is refused with
/// `BEIAN_MALFORMED_JSON`). An input over a limit is refused with `BEIAN_INPUT_TOO_LARGE`
/// and the detail names the limit.
///
/// On `BEIAN_OK`, `*out` holds a new engine owned by the caller (release it with
/// `beian_engine_free`); it shares the pack, so `beian_engine_swap_pack` on either changes both.
/// On failure `*out` is left unchanged.
///
/// Thread-safety: may be called from any thread.
///
/// # Safety
/// `engine` is NULL or a live engine; `limits_json` is NULL or points to `len` readable bytes;
/// `out` is NULL or points to a writable `const beian_engine *`.
#[no_mangle]
pub unsafe extern "C" fn beian_engine_with_limits(
    engine: *const beian_engine,
    limits_json: *const c_char,
    len: usize,
    out: *mut *const beian_engine,
) -> beian_result {
    guard(|| {
        not_null(out, "out")?;
        // SAFETY: the caller's contract for `engine` and `limits_json`.
        let (engine, text) = unsafe { (engine_ref(engine)?, text(limits_json, len, "limits_json")?) };
        let limits = core_engine::Limits::from_json(text).map_err(Failure::input)?;
        // SAFETY: `out` is non-NULL.
        unsafe { hand_out_engine(out, engine.clone().with_limits(limits)) };
        Ok(())
    })
}

/// Releases an engine. NULL is accepted and ignored.
///
/// Call it exactly once per engine; the pointer is invalid afterwards.
///
/// Thread-safety: may be called from any thread, once every thread has stopped using the engine.
///
/// # Safety
/// `engine` is NULL or an engine from `beian_engine_new_*` not yet freed.
#[no_mangle]
pub unsafe extern "C" fn beian_engine_free(engine: *const beian_engine) {
    // Nothing in a drop can panic here, but no unwind may ever leave this function.
    let _ = catch_unwind(|| {
        if !engine.is_null() {
            // SAFETY: a non-NULL engine came from `Arc::into_raw` in hand_out_engine and is
            // released once (the caller's contract).
            drop(unsafe { Arc::from_raw(engine.cast::<Engine>()) });
        }
    });
}

/// Checks one filing application: `json` is `len` bytes of UTF-8 JSON (no terminating NUL
/// needed) as described in DESIGN.md. An application without `as_of` is evaluated as of today
/// (Asia/Shanghai).
///
/// On `BEIAN_OK`, `*out` holds the report as compact JSON — byte for byte what the Rust core's
/// `Report::to_json()` gives for the same input — owned by the caller: release it with
/// `beian_buf_free`. A report is returned for every well-formed application, however wrong it
/// is: the findings say what is wrong. Only input that is not a JSON application at all fails:
/// `BEIAN_INVALID_UTF8`, `BEIAN_MALFORMED_JSON` (line and column: `beian_last_error_json`),
/// `BEIAN_INPUT_TOO_LARGE`. On failure `*out` is left unchanged.
///
/// Thread-safety: any number of threads may check with the same engine at the same time.
///
/// # Safety
/// `engine` is NULL or a live engine; `json` is NULL or points to `len` readable bytes; `out`
/// is NULL or points to a writable `beian_buf` (overwritten, not freed: free it first).
#[no_mangle]
pub unsafe extern "C" fn beian_check_json(
    engine: *const beian_engine,
    json: *const c_char,
    len: usize,
    out: *mut beian_buf,
) -> beian_result {
    guard(|| {
        not_null(out, "out")?;
        // SAFETY: the caller's contract for `engine` and `json`.
        let (engine, text) = unsafe { (engine_ref(engine)?, text(json, len, "json")?) };
        let report = engine.check_json_at(text, None).map_err(Failure::input)?;
        // SAFETY: `out` is non-NULL.
        unsafe { hand_out_buf(out, report.to_json()) };
        Ok(())
    })
}

/// Can this domain be filed? `name` is `len` bytes of UTF-8 (Unicode, punycode or mixed; no
/// terminating NUL needed). Only the name rules run (syntax, public suffix, approved TLD,
/// reserved suffixes), for no particular subject kind or province.
///
/// On `BEIAN_OK`, `*out` holds the domain report as compact JSON (`verdict`, `ascii`,
/// `unicode`, `registrable`, `suffix`, `tld`, `tld_status`, `findings`, `rules` …), owned by
/// the caller: release it with `beian_buf_free`. Any text gets a report, an invalid name
/// included (finding `DOMAIN_INVALID`). Fails only with `BEIAN_NULL_PARAMETER`,
/// `BEIAN_INVALID_UTF8` or `BEIAN_INPUT_TOO_LARGE`, leaving `*out` unchanged.
///
/// Thread-safety: any number of threads may check with the same engine at the same time.
///
/// # Safety
/// `engine` is NULL or a live engine; `name` is NULL or points to `len` readable bytes; `out`
/// is NULL or points to a writable `beian_buf` (overwritten, not freed: free it first).
#[no_mangle]
pub unsafe extern "C" fn beian_check_domain(
    engine: *const beian_engine,
    name: *const c_char,
    len: usize,
    out: *mut beian_buf,
) -> beian_result {
    guard(|| {
        not_null(out, "out")?;
        // SAFETY: the caller's contract for `engine` and `name`.
        let (engine, name) = unsafe { (engine_ref(engine)?, text(name, len, "name")?) };
        let report = engine.check_domain(name, &Default::default());
        let json = serde_json::to_string(&report).map_err(Failure::internal)?;
        // SAFETY: `out` is non-NULL.
        unsafe { hand_out_buf(out, json) };
        Ok(())
    })
}

/// As `beian_check_domain`, for a given subject kind and filing province, so the reserved
/// suffixes (gov.cn, 政务, 公益, edu.cn …) and the province's own lists (Beijing's suffixes, its
/// 中国/国家 rule) are checked too. `subject_kind` (e.g. `"enterprise"`) and `province` (`"BJ"`,
/// `"北京"`) are NUL-terminated UTF-8 strings, or NULL for "not given". An unknown kind or
/// province gets a report with `INPUT_INVALID_VALUE` / `PROVINCE_UNKNOWN`.
///
/// Ownership, failures and thread-safety as `beian_check_domain`.
///
/// # Safety
/// As `beian_check_domain`; `subject_kind` and `province` are NULL or NUL-terminated strings.
#[no_mangle]
pub unsafe extern "C" fn beian_check_domain_for(
    engine: *const beian_engine,
    name: *const c_char,
    len: usize,
    subject_kind: *const c_char,
    province: *const c_char,
    out: *mut beian_buf,
) -> beian_result {
    guard(|| {
        not_null(out, "out")?;
        // SAFETY: the caller's contract for `engine` and `name`.
        let (engine, name) = unsafe { (engine_ref(engine)?, text(name, len, "name")?) };
        // SAFETY: NULL or NUL-terminated, per the contract.
        let opt = |p: *const c_char, what: &'static str| -> Result<Option<String>, Failure> {
            if p.is_null() {
                return Ok(None);
            }
            let c = unsafe { std::ffi::CStr::from_ptr(p) };
            let b = c.to_bytes();
            // SAFETY: `b` is a live slice of the caller's string.
            unsafe { text(b.as_ptr().cast(), b.len(), what) }.map(|s| Some(s.to_owned()))
        };
        let q = core_engine::DomainQuery { subject_kind: opt(subject_kind, "subject_kind")?, province: opt(province, "province")? };
        let report = engine.check_domain(name, &q);
        let json = serde_json::to_string(&report).map_err(Failure::internal)?;
        // SAFETY: `out` is non-NULL.
        unsafe { hand_out_buf(out, json) };
        Ok(())
    })
}

/// What must be prepared, without a whole application: `query_json` is `len` bytes of UTF-8
/// JSON such as `{"province":"SH","subject_kind":"individual","non_local":true}` (fields:
/// province, subject_kind, filing_type, non_local, minor, subject_owner_not_legal_rep,
/// website_owner_not_legal_rep, pre_approval, domain_not_at_provider, name_change,
/// off_campus_training, websites). An unknown field is refused with its name.
///
/// On `BEIAN_OK`, `*out` holds `{"province":…,"subject_kind":…,"materials":[…],"findings":[…],
/// "rules":{…}}` as compact JSON,
/// owned by the caller: release it with `beian_buf_free`. Fails with `BEIAN_NULL_PARAMETER`,
/// `BEIAN_INVALID_UTF8`, `BEIAN_MALFORMED_JSON` (detail: `beian_last_error_json`) or
/// `BEIAN_INPUT_TOO_LARGE`, leaving `*out` unchanged.
///
/// Thread-safety: any number of threads may call it with the same engine at the same time.
///
/// # Safety
/// `engine` is NULL or a live engine; `query_json` is NULL or points to `len` readable bytes; `out`
/// is NULL or points to a writable `beian_buf` (overwritten, not freed: free it first).
#[no_mangle]
pub unsafe extern "C" fn beian_materials_json(
    engine: *const beian_engine,
    query_json: *const c_char,
    len: usize,
    out: *mut beian_buf,
) -> beian_result {
    guard(|| {
        not_null(out, "out")?;
        // SAFETY: the caller's contract for `engine` and `query_json`.
        let (engine, text) = unsafe { (engine_ref(engine)?, text(query_json, len, "query_json")?) };
        let report = engine.materials_json(text).map_err(Failure::input)?;
        let json = serde_json::to_string(&report).map_err(Failure::internal)?;
        // SAFETY: `out` is non-NULL.
        unsafe { hand_out_buf(out, json) };
        Ok(())
    })
}

/// Checks one identity number on its own: `value` is `len` bytes of UTF-8 (no terminating NUL
/// needed), checked as `kind`, a NUL-terminated name: `resident_id`, `credit_code`, `mobile`,
/// `hk_macau_permit`, `taiwan_permit`, `passport`, `hk_macau_residence` or `taiwan_residence`.
/// Ages are computed on `as_of` (NUL-terminated `YYYY-MM-DD`), or today in Asia/Shanghai when
/// `as_of` is NULL. No engine is needed: the formats are national standards, not pack rules.
///
/// On `BEIAN_OK`, `*out` holds the core's answer as compact JSON — `{"kind":…,"valid":…,
/// "reason":…,"position":…,"expected":…,"message_en":…,"message_zh":…,"normalised":…,
/// "birth_date":…,"sex":…,"age":…,"province":…,"area":…,"registration_authority":…,
/// "org_type":…,"org_class":…,"org_class_zh":…}`, the same as `beiancheck id --json` —
/// owned by the caller: release it with `beian_buf_free`. An invalid number is still
/// `BEIAN_OK` (`"valid":false` and its `reason`). Fails with `BEIAN_NULL_PARAMETER`,
/// `BEIAN_INVALID_UTF8`, `BEIAN_INPUT_TOO_LARGE`, or `BEIAN_INVALID_ARGUMENT` for an unknown
/// kind or a bad date (`path` is `kind` / `as_of`), leaving `*out` unchanged.
///
/// Thread-safety: may be called from any thread; touches no shared state.
///
/// # Safety
/// `kind` is NULL or NUL-terminated; `value` is NULL or points to `len` readable bytes;
/// `as_of` is NULL or NUL-terminated; `out` is NULL or points to a writable `beian_buf`
/// (overwritten, not freed: free it first).
#[no_mangle]
pub unsafe extern "C" fn beian_check_id(
    kind: *const c_char,
    value: *const c_char,
    len: usize,
    as_of: *const c_char,
    out: *mut beian_buf,
) -> beian_result {
    guard(|| {
        not_null(out, "out")?;
        not_null(kind, "kind")?;
        // SAFETY: `kind` is non-NULL and NUL-terminated (the caller's contract).
        let k = unsafe { std::ffi::CStr::from_ptr(kind) }.to_bytes();
        // SAFETY: `k` is a live slice of the caller's string.
        let k = unsafe { text(k.as_ptr().cast(), k.len(), "kind")? };
        let k = core_engine::ids::IdKind::parse(k).map_err(|e| Failure::argument("kind", e.to_string()))?;
        // SAFETY: the caller's contract for `value`.
        let v = unsafe { text(value, len, "value")? };
        let day = if as_of.is_null() {
            core_engine::today()
        } else {
            // SAFETY: non-NULL and NUL-terminated (the caller's contract).
            let d = unsafe { std::ffi::CStr::from_ptr(as_of) }.to_bytes();
            // SAFETY: `d` is a live slice of the caller's string.
            let d = unsafe { text(d.as_ptr().cast(), d.len(), "as_of")? };
            core_engine::dates::parse_date(d).map_err(|e| Failure::argument("as_of", e))?
        };
        let r = core_engine::ids::check_id(k, v, day);
        let json = serde_json::to_string(&r).map_err(Failure::internal)?;
        // SAFETY: `out` is non-NULL.
        unsafe { hand_out_buf(out, json) };
        Ok(())
    })
}

/// Releases the bytes of a `beian_buf` filled by this library and zeroes it
/// (`data = NULL, len = 0`). NULL, a zeroed `beian_buf` and an already freed one are accepted
/// and ignored, so freeing twice is harmless.
///
/// Thread-safety: a `beian_buf` belongs to one owner; it may be freed on any thread.
///
/// # Safety
/// `buf` is NULL or points to a `beian_buf` that is zeroed or was filled by this library and
/// not changed since.
#[no_mangle]
pub unsafe extern "C" fn beian_buf_free(buf: *mut beian_buf) {
    let _ = catch_unwind(|| {
        if buf.is_null() {
            return;
        }
        // SAFETY: non-NULL; a `beian_buf` the caller owns (the caller's contract).
        let buf = unsafe { &mut *buf };
        if !buf.data.is_null() {
            let whole = std::ptr::slice_from_raw_parts_mut(buf.data, buf.len + 1);
            // SAFETY: `data`/`len` were made by hand_out_buf from a boxed slice of len + 1
            // bytes (the NUL included) and are unchanged (the caller's contract).
            drop(unsafe { Box::from_raw(whole) });
        }
        buf.data = std::ptr::null_mut();
        buf.len = 0;
    });
}

/// The detail of the last call on this thread, when it failed: a JSON object
/// `{"result":7003,"code":"INPUT_MALFORMED","line":2,"column":0,"path":null,"message":"…"}`.
/// `code` is the core's (`INPUT_MALFORMED`, invalid UTF-8 included, or `INPUT_LIMIT_EXCEEDED`)
/// for input errors, else
/// `NULL_PARAMETER` or `INVALID_ARGUMENT` (`path` names the argument), `PACK_INVALID` (`path` is where in the pack)
/// or `PANIC`; `line` and `column` are 1-based (0 when not applicable).
///
/// Every function returning a `beian_result`, except this one and `beian_result_message`,
/// replaces this thread's detail: with its own on failure, with none on success. So call this
/// right after the failing call, on the same thread.
///
/// On `BEIAN_OK`, `*out` holds the JSON, owned by the caller (release it with `beian_buf_free`).
/// Returns `BEIAN_NO_ERROR_DETAIL` when the last call on this thread did not fail, and
/// `BEIAN_NULL_PARAMETER` when `out` is NULL; `*out` is unchanged then.
///
/// Thread-safety: reads only the calling thread's own detail.
///
/// # Safety
/// `out` is NULL or points to a writable `beian_buf` (overwritten, not freed).
#[no_mangle]
pub unsafe extern "C" fn beian_last_error_json(out: *mut beian_buf) -> beian_result {
    // Not through `guard`: reading the detail must not replace it.
    let r = catch_unwind(|| {
        if out.is_null() {
            return BEIAN_NULL_PARAMETER;
        }
        let detail = LAST_ERROR.try_with(|slot| slot.borrow().clone()).ok().flatten();
        match detail {
            None => BEIAN_NO_ERROR_DETAIL,
            Some(d) => {
                // As a panic would be (below): a detail of strings and numbers always serialises.
                let Ok(json) = serde_json::to_string(&d) else { return BEIAN_PANIC };
                // SAFETY: `out` is non-NULL.
                unsafe { hand_out_buf(out, json) };
                BEIAN_OK
            }
        }
    });
    r.unwrap_or(BEIAN_PANIC)
}

/// Writes a short English description of `result` into the caller's buffer `buf` of `len`
/// bytes, NUL-terminated, and its length (without the NUL) into `*out_n`. Unknown values get
/// a description too ("unknown beian_result"). Every message fits in `BEIAN_MESSAGE_MAX` bytes.
///
/// Returns `BEIAN_OK`; `BEIAN_BUFFER_TOO_SMALL` when the message and its NUL do not fit in
/// `len` bytes, or `BEIAN_NULL_PARAMETER`; on failure nothing is written. Nothing is allocated.
/// Takes `unsigned int` rather than `beian_result` so that any value a caller holds is valid.
///
/// Thread-safety: may be called from any thread; touches no shared state (not even this
/// thread's error detail).
///
/// # Safety
/// `buf` is NULL or points to `len` writable bytes; `out_n` is NULL or points to a writable
/// `size_t`.
#[no_mangle]
pub unsafe extern "C" fn beian_result_message(result: c_uint, buf: *mut c_char, len: usize, out_n: *mut usize) -> beian_result {
    let r = catch_unwind(|| {
        if buf.is_null() || out_n.is_null() {
            return BEIAN_NULL_PARAMETER;
        }
        let msg = beian_result::from_uint(result).map_or("unknown beian_result", beian_result::message);
        if msg.len() + 1 > len {
            return BEIAN_BUFFER_TOO_SMALL;
        }
        // SAFETY: `buf` has `len` writable bytes (the caller's contract) and we write
        // msg.len() + 1 <= len of them; `out_n` is non-NULL and writable.
        unsafe {
            std::ptr::copy_nonoverlapping(msg.as_ptr(), buf.cast::<u8>(), msg.len());
            buf.add(msg.len()).write(0);
            out_n.write(msg.len());
        }
        BEIAN_OK
    });
    r.unwrap_or(BEIAN_PANIC)
}

static VERSION: OnceLock<CString> = OnceLock::new();

#[allow(
    clippy::expect_used,
    reason = "the embedded pack's version has no NUL; were it to, beian_version catches the panic and answers FALLBACK"
)]
fn version_string(rules: &str) -> CString {
    CString::new(format!("beiancheck/{} rules/{rules}", env!("CARGO_PKG_VERSION"))).expect("a version has no NUL")
}

/// `"beiancheck/X.Y.Z rules/VERSION"`: the library version and the version of the rule pack
/// embedded in it, as a NUL-terminated string owned by the library (static: never free it).
///
/// Thread-safety: may be called from any thread.
#[no_mangle]
pub extern "C" fn beian_version() -> *const c_char {
    const FALLBACK: &[u8] = concat!("beiancheck/", env!("CARGO_PKG_VERSION"), " rules/unknown\0").as_bytes();
    catch_unwind(|| {
        VERSION
            .get_or_init(|| {
                let rules = Engine::embedded().rules_info().version;
                version_string(&rules)
            })
            .as_ptr()
    })
    .unwrap_or(FALLBACK.as_ptr().cast())
}

// The engine is shared by C threads through a `const` pointer.
const _: () = {
    const fn shareable<T: Send + Sync>() {}
    shareable::<Engine>();
};

#[cfg(test)]
mod tests {
    use super::*;
    use std::ptr::{null, null_mut};

    fn last_error() -> Option<serde_json::Value> {
        let mut b = beian_buf { data: null_mut(), len: 0 };
        // SAFETY: a valid out pointer.
        if unsafe { beian_last_error_json(&mut b) } != BEIAN_OK {
            return None;
        }
        // SAFETY: data/len from the library, freed right after.
        let v = serde_json::from_slice(unsafe { std::slice::from_raw_parts(b.data, b.len) }).unwrap();
        unsafe { beian_buf_free(&mut b) };
        Some(v)
    }

    #[test]
    fn a_panic_becomes_a_code_and_a_detail() {
        let r = guard(|| panic!("boom"));
        assert_eq!(r, BEIAN_PANIC);
        let d = last_error().unwrap();
        assert_eq!((d["result"].as_u64(), d["code"].as_str()), (Some(7006), Some("PANIC")));
        assert!(d["message"].as_str().unwrap().contains("boom"));
        // The next successful call clears it.
        assert_eq!(guard(|| Ok(())), BEIAN_OK);
        assert!(last_error().is_none());
    }

    // Needs the embedded pack: parsing 1 MB of rules and the PSL takes too long interpreted.
    #[cfg_attr(miri, ignore)]
    #[test]
    fn invalid_utf8_is_located() {
        let mut engine = null();
        assert_eq!(unsafe { beian_engine_new_embedded(&mut engine) }, BEIAN_OK);
        let input = b"{\n  \"province\": \"\xff\"}";
        let mut out = beian_buf { data: null_mut(), len: 7 };
        // SAFETY: valid pointers and lengths.
        let r = unsafe { beian_check_json(engine, input.as_ptr().cast(), input.len(), &mut out) };
        assert_eq!(r, BEIAN_INVALID_UTF8);
        assert_eq!((out.data, out.len), (null_mut(), 7), "outputs are written only on success");
        let d = last_error().unwrap();
        assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(2), Some(16)));
        unsafe { beian_engine_free(engine) };
    }

    /// The pointer paths without a rule pack (cheap enough for Miri): messages into buffers of
    /// every size around the message, NULLs, buffers freed twice, the error slot.
    #[test]
    fn result_messages_fit_exactly_or_are_refused() {
        for r in ALL_RESULTS.iter() {
            let msg = r.message();
            let mut n = usize::MAX;
            let mut small = vec![b'x' as c_char; msg.len()];
            // SAFETY: a buffer of `small.len()` writable bytes and a valid `n`.
            let got = unsafe { beian_result_message(*r as c_uint, small.as_mut_ptr(), small.len(), &mut n) };
            assert_eq!(got, BEIAN_BUFFER_TOO_SMALL);
            assert_eq!(n, usize::MAX, "outputs are written only on success");
            assert!(small.iter().all(|c| *c == b'x' as c_char), "nothing written on failure");
            let mut exact = vec![0 as c_char; msg.len() + 1];
            // SAFETY: as above, one byte more.
            let got = unsafe { beian_result_message(*r as c_uint, exact.as_mut_ptr(), exact.len(), &mut n) };
            assert_eq!((got, n), (BEIAN_OK, msg.len()));
            // SAFETY: NUL-terminated by the call.
            assert_eq!(unsafe { std::ffi::CStr::from_ptr(exact.as_ptr()) }.to_str().unwrap(), msg);
        }
        let mut n = 0;
        let mut buf = [0 as c_char; BEIAN_MESSAGE_MAX];
        // SAFETY: NULLs are refused before any access.
        assert_eq!(unsafe { beian_result_message(7000, null_mut(), 10, &mut n) }, BEIAN_NULL_PARAMETER);
        assert_eq!(unsafe { beian_result_message(7000, buf.as_mut_ptr(), buf.len(), null_mut()) }, BEIAN_NULL_PARAMETER);
        // An unknown value still gets a message.
        assert_eq!(unsafe { beian_result_message(9999, buf.as_mut_ptr(), buf.len(), &mut n) }, BEIAN_OK);
    }

    #[test]
    fn buffers_free_once_and_null_is_harmless() {
        let mut b = beian_buf { data: null_mut(), len: 0 };
        // SAFETY: a valid out pointer.
        unsafe { hand_out_buf(&mut b, "{\"a\":1}".to_owned()) };
        assert_eq!(b.len, 7);
        // SAFETY: data/len from hand_out_buf; NUL-terminated one past len.
        assert_eq!(unsafe { *b.data.add(b.len) }, 0);
        unsafe { beian_buf_free(&mut b) };
        assert_eq!((b.data, b.len), (null_mut(), 0));
        // Freeing the emptied buffer again, and NULL, do nothing.
        unsafe { beian_buf_free(&mut b) };
        unsafe { beian_buf_free(null_mut()) };
        // Empty output still has its NUL.
        unsafe { hand_out_buf(&mut b, String::new()) };
        assert_eq!(b.len, 0);
        assert_eq!(unsafe { *b.data }, 0);
        unsafe { beian_buf_free(&mut b) };
    }

    #[test]
    fn null_arguments_are_refused_before_use() {
        let mut out = beian_buf { data: null_mut(), len: 0 };
        let mut engine = null();
        // SAFETY: every call is given a NULL where a pointer is required; nothing is read.
        unsafe {
            assert_eq!(beian_check_json(null(), c"{}".as_ptr(), 2, &mut out), BEIAN_NULL_PARAMETER);
            assert_eq!(beian_check_domain(null(), c"a.cn".as_ptr(), 4, &mut out), BEIAN_NULL_PARAMETER);
            assert_eq!(beian_materials_json(null(), c"{}".as_ptr(), 2, &mut out), BEIAN_NULL_PARAMETER);
            assert_eq!(beian_engine_new_from_pack(null(), 3, &mut engine), BEIAN_NULL_PARAMETER);
            assert_eq!(beian_engine_new_embedded(null_mut()), BEIAN_NULL_PARAMETER);
            assert_eq!(beian_last_error_json(null_mut()), BEIAN_NULL_PARAMETER);
            beian_engine_free(null());
        }
        assert!(engine.is_null() && out.data.is_null(), "outputs are written only on success");
        let d = last_error().unwrap();
        assert_eq!(d["result"].as_u64(), Some(7001));
    }

    #[test]
    fn a_bad_pack_is_refused_with_its_reason() {
        let mut engine = null();
        let pack = b"{\"format\": 1";
        // SAFETY: valid pointers and lengths.
        let r = unsafe { beian_engine_new_from_pack(pack.as_ptr(), pack.len(), &mut engine) };
        assert_ne!(r, BEIAN_OK);
        assert!(engine.is_null());
        assert!(last_error().is_some());
    }

    #[test]
    fn every_message_fits_and_every_value_is_distinct() {
        for (i, r) in ALL_RESULTS.iter().enumerate() {
            assert_eq!(*r as u32, 7000 + i as u32);
            assert!(r.message().len() < BEIAN_MESSAGE_MAX, "{r:?}");
        }
    }
}
