//! C ABI overhead: `beian_check_json` (UTF-8 check, panic boundary, copy into a C buffer, free)
//! against the core call it wraps, on the same 3-website application. Target: ≤ 10 % over the
//! core (../shared/DESIGN.md, Targets). Run: `cargo bench -p beiancheck-ffi --bench abi`.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "benchmark code: a failure should stop it loudly")]
use criterion::{black_box, criterion_group, criterion_main, Criterion};

// The library builds only as cdylib/staticlib; its source is compiled into the bench instead,
// which measures the wrapper itself (the dynamic-call cost of the .so is a few ns on top).
#[allow(dead_code, unused, clippy::all, reason = "the ffi source compiled in to call part of it; it is linted as the ffi crate")]
#[path = "../src/lib.rs"]
mod ffi;

fn app3() -> String {
    let base: serde_json::Value = serde_json::from_str(include_str!("../../examples/first-filing-shanghai-enterprise.json")).unwrap();
    let mut a = base.clone();
    let (w0, d0) = (base["websites"][0].clone(), base["domains"][0].clone());
    let mut ws = Vec::new();
    let mut ds = Vec::new();
    for i in 0..3 {
        let name = format!("site{i}-{}", d0["name"].as_str().unwrap());
        let (mut w, mut d) = (w0.clone(), d0.clone());
        w["domain"] = name.clone().into();
        d["name"] = name.into();
        ws.push(w);
        ds.push(d);
    }
    a["websites"] = ws.into();
    a["domains"] = ds.into();
    a.to_string()
}

fn abi(c: &mut Criterion) {
    let input = app3();
    let engine = core_engine::Engine::embedded();
    let mut g = c.benchmark_group("abi_vs_core_3_websites");
    g.bench_function("core check_json + to_json", |b| b.iter(|| black_box(engine.check_json(black_box(&input)).unwrap().to_json())));
    let mut e: *const ffi::beian_engine = std::ptr::null();
    assert_eq!(unsafe { ffi::beian_engine_new_embedded(&mut e) } as u32, ffi::beian_result::BEIAN_OK as u32);
    g.bench_function("beian_check_json + beian_buf_free", |b| {
        b.iter(|| {
            let mut out = ffi::beian_buf { data: std::ptr::null_mut(), len: 0 };
            let r = unsafe { ffi::beian_check_json(e, input.as_ptr().cast(), input.len(), &mut out) };
            assert_eq!(r as u32, ffi::beian_result::BEIAN_OK as u32);
            black_box(out.len);
            unsafe { ffi::beian_buf_free(&mut out) };
        })
    });
    g.finish();
    unsafe { ffi::beian_engine_free(e) };
}

criterion_group!(benches, abi);
criterion_main!(benches);
