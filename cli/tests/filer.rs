//! What a filer reads from the `beiancheck` command (issue 13): sources they can open, messages
//! in their language, one answer to bad input, script-friendly batch and domain modes.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
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

#[test]
fn lang_chooses_the_language_of_the_readable_output() {
    let zh = stdout(&run(&["--lang", "zh", "check", "examples/rejected-personal-forum.json"]));
    // Vocabulary values read as their Chinese names; no English message line.
    assert!(zh.contains("资源计费方式为按量计费"), "{zh}");
    assert!(zh.contains("个人网站不能提供“论坛”服务"), "{zh}");
    assert!(!zh.contains("postpaid") && !zh.contains("\"forum\"") && !zh.contains("The resource"), "{zh}");
    let en = stdout(&run(&["--lang", "en", "check", "examples/rejected-personal-forum.json"]));
    assert!(en.contains("A website filed by an individual may not offer \"forum\""), "{en}");
    assert!(!en.contains("A individual") && !en.contains("资源计费"), "{en}");
    let both = stdout(&run(&["check", "examples/rejected-personal-forum.json"]));
    assert!(both.contains("资源计费方式为按量计费") && both.contains("The resource is billed pay-as-you-go"), "{both}");
    // A bad value for --lang is a usage error naming the flag.
    let bad = run(&["--lang", "fr", "check", "examples/rejected-personal-forum.json"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--lang"));
}

#[test]
fn explain_says_what_a_code_means_and_what_it_does() {
    let out = run(&["explain", "domain_tld_not_approved"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for part in ["含义：", "影响：错误", "依据：", "meaning:", "effect: error", "basis:", "‹https://"] {
        assert!(text.contains(part), "{part}: {text}");
    }
    let unknown = run(&["explain", "NOT_A_CODE"]);
    assert_eq!(unknown.status.code(), Some(2));
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut c = bin()
        .current_dir(repo())
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    c.stdin.take().unwrap().write_all(input).unwrap();
    c.wait_with_output().unwrap()
}

#[test]
fn a_json_document_that_is_not_an_object_is_an_input_error() {
    for (doc, kind, line, col) in
        [(&b"[1,2]"[..], "an array", 1, 1), (b"\n  \"42\"", "a string", 2, 3), (b"42", "a number", 1, 1), (b"null", "null", 1, 1)]
    {
        let out = run_stdin(&["check", "-"], doc);
        assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(doc));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("line {line}, column {col}: input error INPUT_MALFORMED")) && err.contains(kind), "{err}");
        assert!(out.stdout.is_empty(), "nothing pretends to answer");
    }
    // Invalid UTF-8: line and column in characters (the core's answer; C and Python give the same).
    let out = run_stdin(&["check", "-"], "{\"名\":\n \"é\u{1}".as_bytes().iter().copied().chain([0xff]).collect::<Vec<u8>>().as_slice());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2, column 5:"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn bad_flag_values_are_usage_errors_naming_the_flag() {
    let out = run(&["domain", "example.com", "--subject", "foo"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--subject foo"));
    assert!(out.stdout.is_empty(), "the domain is not blamed");
    let out = run(&["domain", "example.com", "--subject", "enterprize"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean enterprise?"));
    let out = run(&["materials", "--province", "ZZ"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--province ZZ"));
    assert!(out.stdout.is_empty(), "no checklist after an error");
    // Chinese names are accepted.
    let out = run(&["domain", "example.com", "--subject", "企业", "--province", "上海"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}
