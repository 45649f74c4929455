//! `beiancheck explain CODE` (issue 13): for every code of the catalogue it says what the code
//! means, what it does to the verdict, where the rule comes from, how to fix it and an example
//! finding; an unknown code is a usage error (exit 2) that names the nearest codes.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_beiancheck")).current_dir(repo()).args(args).output().unwrap()
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn codes() -> Vec<String> {
    let cat: Value = serde_json::from_str(&std::fs::read_to_string(repo().join("core/rules/catalogue.json")).unwrap()).unwrap();
    cat["codes"].as_array().unwrap().iter().map(|c| c["code"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn every_code_says_how_to_fix_it_with_an_example() {
    let fixes: Value = serde_json::from_str(&std::fs::read_to_string(repo().join("core/rules/explain.json")).unwrap()).unwrap();
    let codes = codes();
    assert!(codes.len() > 70);
    for code in &codes {
        let entry = fixes["codes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["code"] == code.as_str())
            .unwrap_or_else(|| panic!("{code}: no entry in explain.json"));
        let out = run(&["explain", code]);
        assert_eq!(out.status.code(), Some(0), "{code}");
        let text = String::from_utf8(out.stdout).unwrap();
        for part in ["含义：", "影响：", "依据：", "如何修改：", "示例：", "meaning:", "effect:", "basis:", "how to fix:", "example:"]
        {
            assert!(text.contains(part), "{code}: no {part}\n{text}");
        }
        assert!(text.contains(entry["fix_zh"].as_str().unwrap()) && text.contains(entry["fix_en"].as_str().unwrap()), "{code}: {text}");
        assert!(text.contains(&format!("示例：{}: ", entry["example"]["path"].as_str().unwrap())), "{code}: {text}");
        // The example is rendered: no placeholder is left over.
        let example: Vec<&str> = text.lines().filter(|l| l.contains("示例：") || l.contains("example:")).collect();
        assert!(example.iter().all(|l| !l.contains('{')), "{code}: {example:?}");

        let json = run(&["explain", "--json", code]);
        let v: Value = serde_json::from_slice(&json.stdout).unwrap();
        assert_eq!(v["fix"]["zh"], entry["fix_zh"], "{code}");
        assert!(!v["example"]["message"]["en"].as_str().unwrap().contains('{'), "{code}: {v}");
    }
    // Vocabulary words of the example read as words in each language.
    let out = run(&["--lang", "zh", "explain", "RESOURCE_BILLING_NOT_PREPAID"]);
    let zh = String::from_utf8(out.stdout).unwrap();
    assert!(zh.contains("示例：resources[0].billing: 资源计费方式为按量计费") && !zh.contains("meaning:"), "{zh}");
}

#[test]
fn an_unknown_code_is_a_usage_error_with_the_nearest_codes() {
    let out = run(&["explain", "domain-expird"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("unknown code domain-expird") && err.contains("did you mean DOMAIN_EXPIRED?"), "{err}");
    let part = run(&["explain", "TLD"]);
    assert_eq!(part.status.code(), Some(2));
    assert!(String::from_utf8(part.stderr).unwrap().contains("DOMAIN_TLD_NOT_APPROVED"));
    let none = run(&["explain", "QQQQQQQQ"]);
    assert_eq!(none.status.code(), Some(2));
    assert!(!String::from_utf8(none.stderr).unwrap().contains("did you mean"));
}

/// `explain` names where a code is decided (issue 15): the family's national file and each
/// province row kind yielding it, with its file and the pack rows of that kind; every file
/// named exists.
#[test]
fn names_the_deciding_files_and_rows() {
    for code in codes() {
        let out = run(&["explain", "--json", &code]);
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let d = &v["decided_in"];
        if let Some(f) = d["family"].as_str() {
            assert!(repo().join(f).is_file(), "{code}: {f}");
        }
        for k in d["kinds"].as_array().unwrap() {
            assert!(repo().join(k["file"].as_str().unwrap()).is_file(), "{code}: {k}");
        }
    }
    let v: Value = serde_json::from_slice(&run(&["explain", "--json", "DOMAIN_TLD_NOT_ALLOWED_IN_PROVINCE"]).stdout).unwrap();
    let kinds = v["decided_in"]["kinds"].as_array().unwrap();
    assert_eq!(kinds.len(), 1);
    assert_eq!(kinds[0]["kind"], "domain_allowed_tlds");
    assert_eq!(kinds[0]["file"], "core/src/rules/domain/allowed_tlds.rs");
    assert!(!kinds[0]["rows"].as_array().unwrap().is_empty());
    // Two kinds yield WEBSITE_NAME_NOT_CHINESE; the text names both.
    let text = String::from_utf8(run(&["explain", "--lang", "en", "WEBSITE_NAME_NOT_CHINESE"]).stdout).unwrap();
    assert!(text.contains("decided in: core/src/rules/website/mod.rs"), "{text}");
    assert!(text.contains("province rows website_name_not_pure_latin (core/src/rules/website/name_not_pure_latin.rs): "), "{text}");
    assert!(text.contains("province rows website_name_no_latin (core/src/rules/website/name_no_latin.rs): CQ rules["), "{text}");
}
