//! Runs every acceptance case of ../shared/cases through the core and through the `beiancheck`
//! binary, and holds tests/cases_pending.txt to account: a listed case that passes, or an
//! unlisted one that fails, fails the run (so the list only shrinks).
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
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
    // Characters from 1, as for invalid UTF-8 (serde_json would say column 0).
    assert!(err.contains("line 2, column 1") && err.contains("INPUT_MALFORMED"), "{err}");
    let e = beiancheck::Engine::embedded().check_json(&std::fs::read_to_string(&file).unwrap()).unwrap_err();
    assert_eq!((e.code, e.line, e.column), ("INPUT_MALFORMED", 2, 1));
}

/// The runner refuses every malformed expectation of tests/expectations.json (the Python and C
/// runners are held to the same file) and accepts the well-formed ones.
#[test]
fn malformed_expectations_are_refused() {
    let file: Value = serde_json::from_slice(&std::fs::read(repo().join("tests/expectations.json")).unwrap()).unwrap();
    let malformed = file["malformed"].as_array().unwrap();
    assert!(malformed.len() >= 20);
    for m in malformed {
        assert!(!common::expectation_problems(&m["expect"]).is_empty(), "accepted: {} ({})", m["expect"], m["why"]);
    }
    for w in file["well_formed"].as_array().unwrap() {
        assert_eq!(common::expectation_problems(w), Vec::<String>::new(), "refused: {w}");
    }
    // And a malformed expectation cannot be judged at all.
    let report = serde_json::json!({"verdict": "eligible", "findings": [], "materials": []});
    let refused = std::panic::catch_unwind(|| common::violations(&report, &serde_json::json!({"absent": ["DOMAIN_INVALD"]})));
    assert!(refused.is_err(), "violations() judged a malformed expectation");
}

/// Each kind of expectation can fail: a report that breaks it is caught.
#[test]
fn every_expectation_key_can_fail() {
    let report = serde_json::json!({
        "verdict": "ineligible", "filing_type": "first_filing",
        "findings": [{"code": "DOMAIN_INVALID", "severity": "error", "path": "websites[0].domain"}],
        "materials": [{"code": "RESIDENCE_PERMIT", "name": {"zh": "居住证", "en": "residence permit"}}],
    });
    let holds = serde_json::json!({"verdict": "ineligible", "verdict_in": ["ineligible"], "filing_type": "first_filing",
        "codes": ["DOMAIN_INVALID"], "any_of": [["DOMAIN_EXPIRED", "DOMAIN_INVALID"]], "absent": ["DOMAIN_EXPIRED"],
        "materials": ["RESIDENCE_PERMIT"], "materials_zh": ["居住"]});
    assert_eq!(common::violations(&report, &holds), Vec::<String>::new());
    for (key, bad) in [
        ("verdict", serde_json::json!("eligible")),
        ("verdict_in", serde_json::json!(["eligible", "needs_review"])),
        ("filing_type", serde_json::json!("access_filing")),
        ("codes", serde_json::json!(["DOMAIN_NOT_REGISTRABLE"])),
        ("any_of", serde_json::json!([["DOMAIN_EXPIRED"]])),
        ("absent", serde_json::json!(["DOMAIN_INVALID"])),
        ("no_errors", serde_json::json!(true)),
        ("materials", serde_json::json!(["GUARDIAN_CONSENT"])),
        ("materials_zh", serde_json::json!(["监护人"])),
    ] {
        let mut e = holds.clone();
        e[key] = bad;
        if key == "absent" {
            // Required and absent at once is itself malformed.
            e.as_object_mut().unwrap().remove("codes");
        }
        assert_eq!(common::violations(&report, &e).len(), 1, "{key}: {e}");
    }
}
