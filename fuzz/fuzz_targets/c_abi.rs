//! The C ABI with arbitrary bytes and lengths: `beian_check_json` and `beian_check_domain`
//! return a result code and, on success, a buffer that `beian_buf_free` releases.
#![no_main]
use libfuzzer_sys::fuzz_target;

// The ffi source names the core `core_engine` (its Cargo.toml renames it); an extern crate at
// the root puts that name in the extern prelude here too.
extern crate beiancheck as core_engine;

// The ffi crate builds only as cdylib/staticlib, so its source is compiled in here.
#[allow(dead_code, unused, clippy::all, reason = "the ffi source compiled in to call part of it; it is linted as the ffi crate")]
#[path = "../../ffi/src/lib.rs"]
mod ffi;

fuzz_target!(|data: &[u8]| {
    let mut engine: *const ffi::beian_engine = std::ptr::null();
    let r = unsafe { ffi::beian_engine_new_embedded(&mut engine) };
    assert_eq!(r as u32, ffi::beian_result::BEIAN_OK as u32);
    // The first byte picks a length shorter than, equal to, or (as NULL) absent from the data.
    let len = match data.first() {
        Some(b) if b % 3 == 0 => data.len() / 2,
        _ => data.len(),
    };
    let mut out = ffi::beian_buf { data: std::ptr::null_mut(), len: 0 };
    let r = unsafe { ffi::beian_check_json(engine, data.as_ptr().cast(), len, &mut out) };
    if r as u32 == ffi::beian_result::BEIAN_OK as u32 {
        assert!(!out.data.is_null());
    } else {
        assert!(out.data.is_null());
    }
    unsafe { ffi::beian_buf_free(&mut out) };
    unsafe { ffi::beian_buf_free(&mut out) };
    let r = unsafe { ffi::beian_check_domain(engine, data.as_ptr().cast(), len, &mut out) };
    if r as u32 == ffi::beian_result::BEIAN_OK as u32 {
        unsafe { ffi::beian_buf_free(&mut out) };
    }
    unsafe { ffi::beian_engine_free(engine) };
});
