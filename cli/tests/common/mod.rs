//! Shared by the case runners (cli/tests/cases.rs for ../shared/cases, cli/tests/provinces.rs
//! for tests/provinces): what a case expects of a report, and the pending-list bookkeeping.
#![allow(dead_code, reason = "each case runner includes this module and uses part of it")]
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

const VERDICTS: [&str; 3] = ["eligible", "ineligible", "needs_review"];
const FILING_TYPES: [&str; 5] =
    ["first_filing", "new_website_no_subject", "access_filing", "new_website_with_subject", "access_with_subject"];

/// Why an `expect` is not one a runner can hold a report to (empty = well-formed), by the rules
/// of tests/expectations.json: known keys of the right types, catalogue codes, no empty list,
/// something asserted, no code both required and absent. A malformed expectation is refused
/// outright (a typo in a key or a code would otherwise pass silently).
pub fn expectation_problems(expect: &Value) -> Vec<String> {
    let mut v = Vec::new();
    let Some(obj) = expect.as_object() else { return vec![format!("expect must be an object, not {expect}")] };
    if obj.is_empty() {
        v.push("expect: {} asserts nothing".to_owned());
    }
    let codes = |key: &str, x: &Value, v: &mut Vec<String>| match x.as_array() {
        Some(list) if !list.is_empty() => {
            for c in list {
                match c.as_str() {
                    Some(c) if beiancheck::codes::ALL.contains(&c) => {}
                    _ => v.push(format!("{key}: {c} is not a catalogue code")),
                }
            }
        }
        _ => v.push(format!("{key} must be a non-empty list of codes, not {x}")),
    };
    for (key, x) in obj {
        match key.as_str() {
            "verdict" => {
                if !x.as_str().is_some_and(|s| VERDICTS.contains(&s)) {
                    v.push(format!("verdict must be one of {VERDICTS:?}, not {x}"));
                }
            }
            "verdict_in" => match x.as_array() {
                Some(l) if !l.is_empty() && l.iter().all(|s| s.as_str().is_some_and(|s| VERDICTS.contains(&s))) => {}
                _ => v.push(format!("verdict_in must be a non-empty list of {VERDICTS:?}, not {x}")),
            },
            "filing_type" => {
                if !x.as_str().is_some_and(|s| FILING_TYPES.contains(&s)) {
                    v.push(format!("filing_type must be one of {FILING_TYPES:?}, not {x}"));
                }
            }
            "codes" | "absent" => codes(key, x, &mut v),
            "any_of" => match x.as_array() {
                Some(groups) if !groups.is_empty() => groups.iter().for_each(|g| codes("any_of[]", g, &mut v)),
                _ => v.push(format!("any_of must be a non-empty list of lists of codes, not {x}")),
            },
            "no_errors" => {
                if *x != Value::Bool(true) {
                    v.push(format!("no_errors may only be true, not {x}"));
                }
            }
            "materials" => match x.as_array() {
                Some(l)
                    if !l.is_empty()
                        && l.iter().all(|m| {
                            m.as_str().is_some_and(|m| {
                                m.starts_with(|c: char| c.is_ascii_uppercase())
                                    && m.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
                            })
                        }) => {}
                _ => v.push(format!("materials must be a non-empty list of SCREAMING_SNAKE checklist codes, not {x}")),
            },
            "materials_zh" => match x.as_array() {
                Some(l) if !l.is_empty() && l.iter().all(|z| z.as_str().is_some_and(|z| !z.is_empty())) => {}
                _ => v.push(format!("materials_zh must be a non-empty list of non-empty texts, not {x}")),
            },
            _ => v.push(format!("unknown key {key:?}")),
        }
    }
    for c in obj.get("codes").and_then(Value::as_array).into_iter().flatten() {
        if obj.get("absent").and_then(Value::as_array).is_some_and(|a| a.contains(c)) {
            v.push(format!("{c} is both in codes and in absent"));
        }
    }
    v
}

/// Every way the report can fail the case's expectations (empty = the case holds). The
/// expectation must be well-formed (`expectation_problems`); `load_cases` refuses the others.
pub fn violations(report: &Value, expect: &Value) -> Vec<String> {
    let malformed = expectation_problems(expect);
    assert!(malformed.is_empty(), "malformed expectation {expect}: {}", malformed.join("; "));
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
            let malformed = expectation_problems(&v["expect"]);
            assert!(malformed.is_empty(), "{}: malformed expect: {}", p.display(), malformed.join("; "));
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
