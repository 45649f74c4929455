//! Criterion benchmarks for the targets of ../shared/DESIGN.md (Targets): domain check ≤ 1 µs,
//! a 3-website application JSON → JSON ≤ 20 µs, pack load ≤ 10 ms, check_many scaling.
//! Run: `cargo bench -p beiancheck --bench engine` (medians are in target/criterion).
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "benchmark code: a failure should stop it loudly")]
use beiancheck::{DomainQuery, Engine, Pack, EMBEDDED_PACK};
use criterion::{black_box, criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};

/// A realistic mix: ASCII, IDN, punycode, multi-label .cn suffixes, private suffixes, invalid.
pub const DOMAINS: &[&str] = &[
    "example.com",
    "www.example.com.cn",
    "例子.中国",
    "xn--fsqu00a.xn--fiqs8s",
    "shop.example.gov.cn",
    "国务院.政务.cn",
    "user.github.io",
    "foo.cn.com",
    "EXAMPLE.NET",
    "example.io",
    "bad..name.com",
    "203.0.113.7",
    "例子。公司",
    "a-b-c.top",
    "sub.domain.example.co.uk",
    "ex_ample.com",
];

#[path = "shared/inputs.rs"]
mod inputs;
use inputs::app;

fn domains(c: &mut Criterion) {
    let e = Engine::embedded();
    let q = DomainQuery::default();
    let mut g = c.benchmark_group("domain");
    g.throughput(Throughput::Elements(DOMAINS.len() as u64));
    g.bench_function("check_domain mix (per batch of 16)", |b| {
        b.iter(|| {
            for d in DOMAINS {
                black_box(e.check_domain(black_box(d), &q));
            }
        })
    });
    let pack = e.pack();
    g.bench_function("parse only mix (per batch of 16)", |b| {
        b.iter(|| {
            for d in DOMAINS {
                let _ = black_box(beiancheck::domain::parse(&pack, black_box(d)));
            }
        })
    });
    g.finish();
    // bench/compare.py's mix (its first 5,000 names) and the plain ASCII names among them.
    let mix: Vec<&str> = include_str!("../tests/data/compare_mix_names.txt").lines().collect();
    let ascii: Vec<&str> = mix
        .iter()
        .copied()
        .filter(|n| {
            let ldh = n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
            ldh && !n.is_empty() && !n.contains("..") && !n.contains("xn--") && !n.starts_with('-') && !n.contains(".-")
        })
        .collect();
    for (label, names) in [("compare mix", &mix), ("ascii names of the mix", &ascii)] {
        let mut g = c.benchmark_group(format!("domain {label}"));
        g.throughput(Throughput::Elements(names.len() as u64));
        g.bench_function("check_domain (DomainReport)", |b| {
            b.iter(|| {
                for d in names.iter() {
                    black_box(e.check_domain(black_box(d), &q));
                }
            })
        });
        g.bench_function("check_name_codes (compact)", |b| {
            b.iter(|| {
                for d in names.iter() {
                    black_box(beiancheck::domain::check_name_codes(&pack, black_box(d), &q));
                }
            })
        });
        g.finish();
    }
}

fn applications(c: &mut Criterion) {
    let e = Engine::embedded();
    let mut g = c.benchmark_group("application");
    for n in [1, 3] {
        let input = app(n);
        g.bench_with_input(BenchmarkId::new("json_in_json_out", n), &input, |b, input| {
            b.iter(|| black_box(e.check_json(black_box(input)).unwrap().to_json()))
        });
    }
    g.finish();
}

fn many(c: &mut Criterion) {
    let e = Engine::embedded();
    let inputs: Vec<String> = (0..100_000).map(|i| app(1 + i % 3)).collect();
    let mut g = c.benchmark_group("check_many_100k");
    g.sample_size(10);
    g.throughput(Throughput::Elements(inputs.len() as u64));
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        g.bench_function(BenchmarkId::new("threads", threads), |b| b.iter(|| pool.install(|| black_box(e.check_many_json(&inputs, None)))));
    }
    g.finish();
}

fn pack_load(c: &mut Criterion) {
    // A reload or swap of a pack whose PSL did not change (the parsed list is reused) …
    c.bench_function("pack_load", |b| b.iter_batched(|| EMBEDDED_PACK, |p| black_box(Pack::from_bytes(p).unwrap()), BatchSize::SmallInput));
    // … and the first load in a process, which parses the PSL.
    c.bench_function("pack_load_cold", |b| {
        b.iter_batched(beiancheck::pack::forget_psl_cache, |_| black_box(Pack::from_bytes(EMBEDDED_PACK).unwrap()), BatchSize::SmallInput)
    });
}

criterion_group!(benches, domains, applications, pack_load, many);
criterion_main!(benches);
