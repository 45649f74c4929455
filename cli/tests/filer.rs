//! What a filer reads from the `beiancheck` command (issue 13): sources they can open, messages
//! in their language, one answer to bad input, script-friendly batch and domain modes.
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_beiancheck"))
}

fn run(args: &[&str]) -> Output {
    bin().current_dir(repo()).args(args).output().unwrap()
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn human_output_names_each_source_by_title_and_url() {
    let out = run(&["check", "examples/rejected-personal-forum.json"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    // Every finding and material names its document with a URL a filer can open.
    let source_lines: Vec<&str> = text.lines().filter(|l| l.trim_start().starts_with("来源 source:")).collect();
    assert!(source_lines.len() >= 4, "{text}");
    for l in &source_lines {
        assert!(l.contains("‹https://") && l.ends_with('›'), "{l}");
        assert!(!l.contains("facts.md") && !l.contains("DESIGN"), "{l}");
    }
    assert!(text.contains("备案域名（可备案的域名后缀，2022-08-30） ‹https://cloud.tencent.com/document/product/243/18905›"), "{text}");

    let json = run(&["check", "--json", "examples/rejected-personal-forum.json"]);
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    for f in v["findings"].as_array().unwrap() {
        assert!(f["url"].as_str().unwrap().starts_with("https://"), "{f}");
        assert!(!f["title"].as_str().unwrap().is_empty(), "{f}");
    }
}

#[test]
fn explain_names_the_source_document() {
    let out = run(&["explain", "--json", "RESOURCE_BILLING_NOT_PREPAID"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    // The seed (Tencent's 接入备案 guide) states the prepaid rule.
    assert_eq!(v["url"], "https://cloud.tencent.com/document/product/243/19024");
    assert!(v["title"].as_str().unwrap().contains("接入备案"));
}
