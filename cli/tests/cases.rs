//! Runs every acceptance case of ../shared/cases through the core and through the `beiancheck`
//! binary, and holds tests/cases_pending.txt to account: a listed case that passes, or an
//! unlisted one that fails, fails the run (so the list only shrinks).
mod common;

use common::{judge, load_cases, repo, through_cli, through_core};
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

const PENDING: &str = "tests/cases_pending.txt";

fn shared() -> PathBuf {
    std::env::var_os("BEIANCHECK_SHARED").map(PathBuf::from).unwrap_or_else(|| repo().join("../shared"))
}

fn cases() -> Vec<(String, Value)> {
    let out = load_cases(&shared().join("cases"));
    assert!(out.len() >= 32, "expected the shared acceptance cases, found {}", out.len());
    out
}

#[test]
fn every_case_through_the_core() {
    judge("core", through_core(cases()), PENDING);
}

#[test]
fn every_case_through_the_cli() {
    judge("cli", through_cli(cases(), "cases"), PENDING);
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
