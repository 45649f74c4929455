//! Runs the province cases (tests/provinces/<CODE>-*.json: name, source, application, expect, in
//! the format of ../shared/cases) through the core and through the `beiancheck` binary, and holds
//! tests/provinces_pending.txt to account like tests/cases_pending.txt: a listed case must fail,
//! an unlisted one must pass.
mod common;

use common::{judge, repo, violations};
use serde_json::Value;
use std::collections::BTreeSet;
use std::process::Command;

const PENDING: &str = "tests/provinces_pending.txt";

fn cases() -> Vec<(String, Value)> {
    let dir = repo().join("tests/provinces");
    let mut out: Vec<(String, Value)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{} ({e})", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            let v: Value = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap_or_else(|e| panic!("{id}: {e}"));
            (id, v)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn every_province_has_a_case_named_by_its_code() {
    let engine = beiancheck::Engine::embedded();
    let cases = cases();
    let prefixes: BTreeSet<&str> = cases.iter().map(|(id, _)| &id[..2]).collect();
    for p in &engine.pack().provinces {
        assert!(prefixes.contains(p.code.as_str()), "no tests/provinces/{}-*.json", p.code);
    }
    for (id, case) in &cases {
        let code = &id[..2];
        assert!(id.as_bytes().get(2) == Some(&b'-'), "{id}: name it <CODE>-<what>.json");
        assert_eq!(case["application"]["province"], code, "{id}: the file name's province and the application's differ");
        for key in ["name", "source", "application", "expect"] {
            assert!(!case[key].is_null(), "{id}: no {key}");
        }
    }
}

#[test]
fn every_province_case_through_the_core() {
    let engine = beiancheck::Engine::embedded();
    let results = cases()
        .into_iter()
        .map(|(id, case)| {
            let report = engine.check_json(&case["application"].to_string()).expect("cases are well-formed JSON");
            let json: Value = serde_json::from_str(&report.to_json()).unwrap();
            (id, violations(&json, &case["expect"]))
        })
        .collect();
    judge("core", results, PENDING);
}

#[test]
fn every_province_case_through_the_cli() {
    let dir = std::env::temp_dir().join(format!("beiancheck-provinces-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let results = cases()
        .into_iter()
        .map(|(id, case)| {
            let file = dir.join(format!("{id}.json"));
            std::fs::write(&file, case["application"].to_string()).unwrap();
            let out = Command::new(env!("CARGO_BIN_EXE_beiancheck")).args(["check", "--json"]).arg(&file).output().unwrap();
            let report: Value = serde_json::from_slice(&out.stdout)
                .unwrap_or_else(|e| panic!("case {id}: CLI printed no report ({e}): {}", String::from_utf8_lossy(&out.stderr)));
            let mut bad = violations(&report, &case["expect"]);
            let want = if report["verdict"] == "ineligible" { 1 } else { 0 };
            if out.status.code() != Some(want) {
                bad.push(format!("exit code {:?} for verdict {}", out.status.code(), report["verdict"]));
            }
            (id, bad)
        })
        .collect();
    judge("cli", results, PENDING);
    std::fs::remove_dir_all(&dir).ok();
}
