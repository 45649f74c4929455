//! Runs the province cases (tests/provinces/<CODE>-*.json: name, source, application, expect, in
//! the format of ../shared/cases) through the core and through the `beiancheck` binary, and holds
//! tests/provinces_pending.txt to account like tests/cases_pending.txt: a listed case must fail,
//! an unlisted one must pass.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
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
        for key in case.as_object().unwrap().keys() {
            assert!(["name", "source", "twin", "application", "expect"].contains(&key.as_str()), "{id}: unknown key {key:?}");
        }
    }
}

/// The codes a case asserts present (`codes`, or an `any_of` group of one).
fn asserted(case: &Value) -> Vec<&str> {
    let e = &case["expect"];
    let mut out: Vec<&str> = e["codes"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    for g in e["any_of"].as_array().into_iter().flatten() {
        if let [one] = g.as_array().unwrap().as_slice() {
            out.extend(one.as_str());
        }
    }
    out
}

/// A case that only says which codes are absent passes when its rule is dead; each has a
/// positive twin: a case of the same province asserting the code, or (where the province has
/// no such rule, e.g. Shanxi's owner need not be the legal representative) the case its `twin`
/// names, which must assert it.
#[test]
fn every_negative_only_case_has_a_positive_twin() {
    let cases = cases();
    let mut lonely = Vec::new();
    for (id, case) in &cases {
        let e = case["expect"].as_object().unwrap();
        if e.keys().any(|k| k != "absent") {
            continue;
        }
        let twins: Vec<&(String, Value)> = match case["twin"].as_str() {
            Some(t) => {
                let found: Vec<_> = cases.iter().filter(|(i, _)| i == t).collect();
                assert!(!found.is_empty(), "{id}: its twin {t} is not a case");
                found
            }
            None => cases.iter().filter(|(i, _)| i[..2] == id[..2] && i != id).collect(),
        };
        for code in e["absent"].as_array().unwrap() {
            let code = code.as_str().unwrap();
            if !twins.iter().any(|(_, t)| asserted(t).contains(&code)) {
                lonely.push(format!("{id}: no positive twin asserts {code}"));
            }
        }
    }
    assert!(lonely.is_empty(), "\n{}", lonely.join("\n"));
}

#[test]
fn every_province_case_through_the_core() {
    judge("core", through_core(cases()), PENDING);
}

#[test]
fn every_province_case_through_the_cli() {
    judge("cli", through_cli(cases(), "provinces"), PENDING);
}
