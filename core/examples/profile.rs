//! A loop to profile one check (see docs/BENCHMARKS.md, profile):
//! `cargo run --release -p beiancheck --example profile -- [app|domain|pack|pack-cold] [N] [WEBSITES]`
//! or `… -- jsonl N FILE` (every line of a JSONL file, N passes).
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "example code: a failure should stop it loudly")]
use beiancheck::{DomainQuery, Engine};
use std::hint::black_box;
use std::time::Instant;

#[path = "../benches/shared/inputs.rs"]
mod inputs;
use inputs::app;

/// The measured loop (callgrind: `--toggle-collect=profile::checks`).
#[inline(never)]
fn checks(e: &Engine, input: &str, n: usize) -> usize {
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 29);
    let mut bytes = 0;
    for _ in 0..n {
        bytes = black_box(e.check_json_at(input, as_of).unwrap().to_json()).len();
    }
    bytes
}

/// One pass over JSONL rows (callgrind: `--toggle-collect=profile::lines_checked`).
#[inline(never)]
fn lines_checked(e: &Engine, lines: &[&str]) -> usize {
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 29);
    for l in lines {
        black_box(e.check_json_at(l, as_of).map(|r| r.findings.len()).unwrap_or(0));
    }
    lines.len()
}

/// One pass over a list of names, compact result with codes only (what the Python columns are
/// written from; callgrind: `--toggle-collect=profile::names_compact`).
#[inline(never)]
fn names_compact(pack: &beiancheck::Pack, names: &[&str]) -> usize {
    let q = DomainQuery::default();
    for n in names {
        black_box(beiancheck::domain::check_name_codes(pack, n, &q));
    }
    names.len()
}

/// One pass over a list of names (callgrind: `--toggle-collect=profile::names_checked`).
#[inline(never)]
fn names_checked(e: &Engine, names: &[&str]) -> usize {
    let q = DomainQuery::default();
    for n in names {
        black_box(e.check_domain(n, &q));
    }
    names.len()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let what = args.get(1).map_or("app", |s| s.as_str());
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(20_000);
    let websites: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(3);
    let e = Engine::embedded();
    e.check_domain("warm.up", &DomainQuery::default()); // the pack is parsed on first use
    let t = Instant::now();
    match what {
        // Every line of a JSONL file (e.g. bench/compare.py's applications), N passes.
        "jsonl" => {
            let path = args.get(3).expect("jsonl N FILE");
            let text = std::fs::read_to_string(path).unwrap();
            let lines: Vec<&str> = text.lines().collect();
            let mut rows = 0;
            for _ in 0..n {
                rows += lines_checked(&e, &lines);
            }
            eprintln!("{rows} rows");
        }
        "pack" => {
            for _ in 0..n {
                black_box(beiancheck::Pack::from_bytes(beiancheck::EMBEDDED_PACK).unwrap());
            }
        }
        "pack-cold" => {
            for _ in 0..n {
                beiancheck::pack::forget_psl_cache();
                black_box(beiancheck::Pack::from_bytes(beiancheck::EMBEDDED_PACK).unwrap());
            }
        }
        // Every line of a file of names (e.g. bench/compare.py's mix), N passes
        // (callgrind: `--toggle-collect=profile::names_checked`).
        "names" => {
            let path = args.get(3).expect("names N FILE");
            let text = std::fs::read_to_string(path).unwrap();
            let names: Vec<&str> = text.lines().collect();
            let mut rows = 0;
            for _ in 0..n {
                rows += names_checked(&e, &names);
            }
            eprintln!("{rows} names");
        }
        "names-compact" => {
            let path = args.get(3).expect("names-compact N FILE");
            let text = std::fs::read_to_string(path).unwrap();
            let names: Vec<&str> = text.lines().collect();
            let pack = e.pack();
            let mut rows = 0;
            for _ in 0..n {
                rows += names_compact(&pack, &names);
            }
            eprintln!("{rows} names");
        }
        // The JSON report of every name of a file, one a line, without and with a query
        // (subject kind and province): for comparing two builds byte for byte.
        "dump" => {
            let path = args.get(3).expect("dump 0 FILE");
            let text = std::fs::read_to_string(path).unwrap();
            let qs = [
                DomainQuery::default(),
                DomainQuery { subject_kind: Some("enterprise".into()), province: Some("SH".into()) },
                DomainQuery { subject_kind: Some("individual".into()), province: Some("BJ".into()) },
                DomainQuery { subject_kind: Some("government".into()), province: None },
            ];
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for l in text.lines() {
                for q in &qs {
                    use std::io::Write;
                    writeln!(out, "{}", serde_json::to_string(&e.check_domain(l, q)).unwrap()).unwrap();
                }
            }
        }
        "domain" => {
            let q = DomainQuery::default();
            let names = [
                "example.com",
                "www.example.com.cn",
                "例子.中国",
                "xn--fsqu00a.xn--fiqs8s",
                "user.github.io",
                "example.io",
                "bad..name.com",
                "EXAMPLE.NET",
            ];
            for i in 0..n {
                black_box(e.check_domain(names[i % names.len()], &q));
            }
        }
        _ => {
            let input = app(websites);
            let bytes = checks(&e, &input, n);
            eprintln!("input {} bytes, output {} bytes", input.len(), bytes);
        }
    }
    let el = t.elapsed();
    eprintln!("{what}: {n} in {el:?} = {:.2} µs each", el.as_secs_f64() * 1e6 / n as f64);
}
