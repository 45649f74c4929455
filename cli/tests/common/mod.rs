//! Shared by the case runners (cli/tests/cases.rs for ../shared/cases, cli/tests/provinces.rs
//! for tests/provinces): what a case expects of a report, and the pending-list bookkeeping.
#![allow(dead_code)]
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// `<case> <why>` lines of a pending list (tests/cases_pending.txt, tests/provinces_pending.txt).
pub fn pending(file: &str) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(repo().join(file)).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (id, why) = l.split_once(char::is_whitespace).unwrap_or((l, ""));
            (id.to_owned(), why.trim().to_owned())
        })
        .collect()
}

/// Every way the report can fail the case's expectations (empty = the case holds).
pub fn violations(report: &Value, expect: &Value) -> Vec<String> {
    let mut v = Vec::new();
    let codes: Vec<&str> = report["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    let verdict = report["verdict"].as_str().unwrap();
    if let Some(want) = expect["verdict"].as_str() {
        if verdict != want {
            v.push(format!("verdict {verdict}, want {want}"));
        }
    }
    if let Some(list) = expect["verdict_in"].as_array() {
        if !list.iter().any(|w| w == verdict) {
            v.push(format!("verdict {verdict}, want one of {list:?}"));
        }
    }
    if let Some(want) = expect["filing_type"].as_str() {
        if report["filing_type"] != want {
            v.push(format!("filing_type {}, want {want}", report["filing_type"]));
        }
    }
    for c in expect["codes"].as_array().into_iter().flatten() {
        if !codes.contains(&c.as_str().unwrap()) {
            v.push(format!("missing code {c}"));
        }
    }
    for group in expect["any_of"].as_array().into_iter().flatten() {
        if !group.as_array().unwrap().iter().any(|c| codes.contains(&c.as_str().unwrap())) {
            v.push(format!("none of {group}"));
        }
    }
    for c in expect["absent"].as_array().into_iter().flatten() {
        if codes.contains(&c.as_str().unwrap()) {
            v.push(format!("unexpected code {c}"));
        }
    }
    if expect["no_errors"] == true {
        for f in report["findings"].as_array().unwrap() {
            if f["severity"] == "error" {
                v.push(format!("unexpected error {} at {}", f["code"], f["path"]));
            }
        }
    }
    let materials: Vec<&Value> = report["materials"].as_array().unwrap().iter().collect();
    for m in expect["materials"].as_array().into_iter().flatten() {
        if !materials.iter().any(|x| x["code"] == *m) {
            v.push(format!("missing material {m}"));
        }
    }
    for z in expect["materials_zh"].as_array().into_iter().flatten() {
        if !materials.iter().any(|x| x["name"]["zh"].as_str().unwrap_or("").contains(z.as_str().unwrap())) {
            v.push(format!("no material named like {z}"));
        }
    }
    v
}

/// A listed case that passes, or an unlisted one that fails, fails the run (so the list only
/// shrinks).
pub fn judge(face: &str, results: Vec<(String, Vec<String>)>, pending_file: &str) {
    let pending = pending(pending_file);
    let mut problems = Vec::new();
    for (id, bad) in &results {
        match (pending.contains_key(id), bad.is_empty()) {
            (false, false) => problems.push(format!("{face}: case {id} fails: {}", bad.join("; "))),
            (true, true) => problems.push(format!("{face}: case {id} passes now: remove it from {pending_file}")),
            _ => {}
        }
    }
    for id in pending.keys() {
        if !results.iter().any(|(r, _)| r == id) {
            problems.push(format!("{pending_file} lists {id}, which is not a case"));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// Every `*.json` case in `dir` as (file stem, parsed case), sorted by stem.
pub fn load_cases(dir: &Path) -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("the cases must be at {} ({e}); set BEIANCHECK_SHARED for ../shared", dir.display()))
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

/// Each case through the core: its violations.
pub fn through_core(cases: Vec<(String, Value)>) -> Vec<(String, Vec<String>)> {
    let engine = beiancheck::Engine::embedded();
    cases
        .into_iter()
        .map(|(id, case)| {
            let report = engine.check_json(&case["application"].to_string()).expect("cases are well-formed JSON");
            let json: Value = serde_json::from_str(&report.to_json()).unwrap();
            (id, violations(&json, &case["expect"]))
        })
        .collect()
}

/// Each case through `beiancheck check --json`: its violations, and the exit code (1 exactly
/// when the verdict is ineligible).
pub fn through_cli(cases: Vec<(String, Value)>, tag: &str) -> Vec<(String, Vec<String>)> {
    let dir = std::env::temp_dir().join(format!("beiancheck-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let results = cases
        .into_iter()
        .map(|(id, case)| {
            let file = dir.join(format!("{id}.json"));
            std::fs::write(&file, case["application"].to_string()).unwrap();
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_beiancheck")).args(["check", "--json"]).arg(&file).output().unwrap();
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
    std::fs::remove_dir_all(&dir).ok();
    results
}
