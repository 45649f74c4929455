//! Runs the province cases (tests/provinces/<CODE>-*.json: name, source, application, expect, in
//! the format of ../shared/cases) through the core and through the `beiancheck` binary, and holds
//! tests/provinces_pending.txt to account like tests/cases_pending.txt: a listed case must fail,
//! an unlisted one must pass.
mod common;

use common::{judge, load_cases, repo, through_cli, through_core};
use serde_json::Value;
use std::collections::BTreeSet;

const PENDING: &str = "tests/provinces_pending.txt";

fn cases() -> Vec<(String, Value)> {
    load_cases(&repo().join("tests/provinces"))
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
    judge("core", through_core(cases()), PENDING);
}

#[test]
fn every_province_case_through_the_cli() {
    judge("cli", through_cli(cases(), "provinces"), PENDING);
}
