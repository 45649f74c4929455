//! `beiancheck id`: identity numbers on their own, through the built binary.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    run_bytes(args, stdin.unwrap_or("").as_bytes())
}

fn run_bytes(args: &[&str], stdin: &[u8]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_beiancheck"));
    c.arg("id").args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin).unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(o.stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn values_as_arguments_human_and_json() {
    let o = run(&["resident_id", "310104199001011233", "--as-of", "2026-01-01"], None);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.contains("✓ resident_id") && text.contains("1990-01-01 · male · age 36 · SH"), "{text}");

    let o = run(&["resident_id", "310104199001011233", "310104199001011234", "--json", "--as-of", "2026-01-01"], None);
    assert_eq!(o.status.code(), Some(1), "one invalid value exits 1");
    let rows = json_lines(&o);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["valid"], true);
    assert_eq!(rows[0]["age"], 36);
    assert_eq!(rows[1]["valid"], false);
    assert_eq!(rows[1]["reason"], "CHECK_DIGIT");
    assert_eq!(rows[1]["expected"], "3");
    assert_eq!(rows[1]["value"], "310104199001011234");
    assert_eq!(rows[1]["message_zh"], "校验码应为3，实为4");
}

#[test]
fn file_lines_bad_values_and_empty_input() {
    // A CRLF line, an empty line (an empty value: LENGTH), hostile text, a credit code.
    let input = "11100000000013127D\r\n\n<script>alert(1)</script>\n";
    let o = run(&["credit_code", "-f", "-", "--json"], Some(input));
    assert_eq!(o.status.code(), Some(1));
    let rows = json_lines(&o);
    assert_eq!(rows.len(), 3, "one row per line, no row for the final newline");
    assert_eq!((rows[0]["line"].as_u64(), rows[0]["valid"].as_bool()), (Some(1), Some(true)));
    assert_eq!(rows[0]["org_class"], "government_organ");
    assert_eq!((rows[1]["reason"].as_str(), rows[1]["value"].as_str()), (Some("LENGTH"), Some("")));
    assert_eq!((rows[2]["reason"].as_str(), rows[2]["position"].as_u64()), (Some("CHARSET"), Some(1)));
    // An empty file: nothing to say, nothing invalid.
    let o = run(&["mobile", "-f", "-"], Some(""));
    assert_eq!((o.status.code(), o.stdout.len()), (Some(0), 0));
}

#[test]
fn usage_errors_exit_2_with_the_reason() {
    let o = run(&["ssn", "123"], None);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("unknown identity-number kind \"ssn\"") && err.contains("resident_id, credit_code"), "{err}");
    let o = run(&["mobile", "-f", "/nonexistent/ids.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8(o.stderr).unwrap().contains("cannot read /nonexistent/ids.txt"));
    let o = run_bytes(&["mobile", "-f", "-"], b"13800138000\n\xff\n");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("line 2: not UTF-8"));
    assert_eq!(run(&["mobile"], None).status.code(), Some(2), "no values and no file");
}
