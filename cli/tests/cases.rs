//! Runs every acceptance case of ../shared/cases through the core and through the `beiancheck`
//! binary, and holds tests/cases_pending.txt to account: a listed case that passes, or an
//! unlisted one that fails, fails the run (so the list only shrinks).
mod common;

use common::{judge, repo, violations};
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

const PENDING: &str = "tests/cases_pending.txt";

fn shared() -> PathBuf {
    std::env::var_os("BEIANCHECK_SHARED").map(PathBuf::from).unwrap_or_else(|| repo().join("../shared"))
}

fn cases() -> Vec<(String, Value)> {
    let dir = shared().join("cases");
    let mut out: Vec<(String, Value)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the acceptance cases must be at {} ({e}); set BEIANCHECK_SHARED", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap()))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= 32, "expected the shared acceptance cases, found {}", out.len());
    out
}

#[test]
fn every_case_through_the_core() {
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
fn every_case_through_the_cli() {
    let dir = std::env::temp_dir().join(format!("beiancheck-cases-{}", std::process::id()));
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
            // Exit code: 1 exactly when the verdict is ineligible.
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

#[test]
fn malformed_case_names_line_and_column() {
    let file = shared().join("cases/malformed.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_beiancheck")).args(["check", "--json"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2, column 0") && err.contains("INPUT_MALFORMED"), "{err}");
    let e = beiancheck::Engine::embedded().check_json(&std::fs::read_to_string(&file).unwrap()).unwrap_err();
    assert_eq!((e.code, e.line), ("INPUT_MALFORMED", 2));
}
