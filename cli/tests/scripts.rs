//! The `beiancheck` command inside scripts and pipelines (issue 13, item 5): closed pipes,
//! batch rows that say where they came from and what they are, exit codes, `domain -f`, and
//! process steps that are not ready when their inputs are missing.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_beiancheck"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("beiancheck-scripts-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d.join(name)
}

fn example(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(repo().join("examples").join(name)).unwrap()).unwrap()
}

fn jsonl(text: &str) -> Vec<Value> {
    text.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// Runs `args` with its standard output a pipe whose reader has already gone (as after
/// `| head -1`): the input arrives on standard input only once the pipe is closed, so the
/// command's first write always finds it closed.
fn closed_pipe(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_ends_quietly_with_the_verdicts_exit_code() {
    let rejected = std::fs::read(repo().join("examples/rejected-personal-forum.json")).unwrap();
    let eligible = std::fs::read(repo().join("examples/access-filing-shanghai.json")).unwrap();
    let batch_in = format!("{}\n{{broken\n", example("access-filing-shanghai.json")).repeat(50);
    for (args, input, code) in [
        (&["check", "-"][..], &rejected[..], 1),
        (&["check", "--json", "-"][..], &rejected[..], 1),
        (&["check", "-"][..], &eligible[..], 0),
        (&["domain", "-f", "-"][..], &b"example.com\nexample.io\n"[..], 1),
        (&["domain", "--json", "-f", "-"][..], &b"example.com\n"[..], 0),
        (&["id", "mobile", "-f", "-"][..], &b"13800138000\n"[..], 0),
        (&["batch", "-", "-o", "-"][..], batch_in.as_bytes(), 0),
        (&["batch", "-", "-o", "-", "--fail-on-error"][..], batch_in.as_bytes(), 1),
    ] {
        let out = closed_pipe(args, input);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        assert!(!err.to_lowercase().contains("broken pipe") && !err.contains("beiancheck: "), "{args:?}: {err}");
    }
}

#[test]
fn batch_error_rows_give_the_input_files_line_once() {
    let good = example("access-filing-shanghai.json").to_string();
    let input = tmp("lines.jsonl");
    std::fs::write(&input, format!("{good}\n{good}\n{{\"province\": oops}}\n[1, 2]\n")).unwrap();
    let out = run(&["batch", input.to_str().unwrap(), "-o", "-"]);
    assert_eq!(out.status.code(), Some(0));
    let rows = jsonl(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(rows.iter().map(|r| r["line"].as_u64().unwrap()).collect::<Vec<_>>(), [1, 2, 3, 4]);
    let e = &rows[2]["input_error"];
    assert_eq!((e["line"].as_u64(), e["column"].as_u64()), (Some(3), Some(14)), "{e}");
    assert!(!e["message"].as_str().unwrap().contains("line"), "the position is given twice: {e}");
    assert_eq!(rows[3]["input_error"]["line"], 4);

    // CSV: the line the record's JSON is on, a quoted field spanning lines included.
    let csv_in = tmp("lines.csv");
    let quoted = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    std::fs::write(&csv_in, format!("application\n{}\n{}\n{}\n", quoted(&good), quoted("{\n\"a\": 1,\n\"b\": }"), quoted("[1]"))).unwrap();
    let out = run(&["batch", csv_in.to_str().unwrap(), "-o", "-", "--format", "jsonl"]);
    let rows = jsonl(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(rows.iter().map(|r| r["line"].as_u64().unwrap()).collect::<Vec<_>>(), [2, 3, 6]);
    assert_eq!(rows[1]["input_error"]["line"], 5, "{}", rows[1]);
    let out = run(&["batch", csv_in.to_str().unwrap(), "-o", "-", "--format", "csv"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\"line 5, column 6: expected value\""), "{text}");
}

#[test]
fn batch_carries_the_id_into_every_row() {
    let good = example("access-filing-shanghai.json");
    let with = |k: &str, v: Value| {
        let mut g = good.clone();
        g[k] = v;
        g.to_string()
    };
    // JSONL: an `id` field when present; it is taken out, not an unknown field of the application.
    let input = tmp("ids.jsonl");
    std::fs::write(&input, format!("{}\n{}\n{good}\n", with("id", "A-1".into()), with("id", 7.into()))).unwrap();
    let rows = jsonl(&String::from_utf8(run(&["batch", input.to_str().unwrap(), "-o", "-"]).stdout).unwrap());
    assert_eq!(rows.iter().map(|r| r["id"].clone()).collect::<Vec<_>>(), [Value::from("A-1"), Value::from(7), Value::Null]);
    assert_eq!(rows[0]["report"], rows[2]["report"], "the id changed the check");
    assert_eq!(rows[0]["verdict"], "eligible");

    // --id names another field; `id` is then the application's own (and unknown to it).
    std::fs::write(&input, format!("{}\n", with("ref", "R9".into()))).unwrap();
    let rows = jsonl(&String::from_utf8(run(&["batch", input.to_str().unwrap(), "-o", "-", "--id", "ref"]).stdout).unwrap());
    assert_eq!((rows[0]["id"].as_str(), rows[0]["verdict"].as_str()), (Some("R9"), Some("eligible")));

    // CSV: the `id` column, error rows included; --id names the column; a missing one is a usage error.
    let csv_in = tmp("ids.csv");
    let quoted = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    std::fs::write(&csv_in, format!("case,id,application\nc1,k-1,{}\nc2,k-2,{{broken\nc3,k-3,\n", quoted(&good.to_string()))).unwrap();
    let text = String::from_utf8(run(&["batch", csv_in.to_str().unwrap(), "-o", "-", "--format", "csv"]).stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("row,id,verdict,"), "{text}");
    assert!(lines[1].starts_with("0,k-1,eligible,") && lines[2].starts_with("1,k-2,,") && lines[3].starts_with("2,k-3,,"), "{text}");
    let rows = jsonl(&String::from_utf8(run(&["batch", csv_in.to_str().unwrap(), "-o", "-", "--id", "case"]).stdout).unwrap());
    assert_eq!(rows.iter().map(|r| r["id"].as_str().unwrap()).collect::<Vec<_>>(), ["c1", "c2", "c3"]);
    assert!(rows[1]["input_error"].is_object());
    let out = run(&["batch", csv_in.to_str().unwrap(), "-o", "-", "--id", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--id nope"));
}

#[test]
fn batch_exit_codes_and_fail_on_error() {
    let good = example("access-filing-shanghai.json").to_string();
    let rejected = example("rejected-personal-forum.json").to_string();
    let clean = format!("{good}\n{rejected}\n");
    let broken = format!("{good}\n{{broken\n");
    let code = |args: &[&str], input: &str| run_stdin(args, input.as_bytes()).status.code();
    assert_eq!(code(&["batch", "-", "-o", "-"], &broken), Some(0), "without the flag an error row does not fail the run");
    assert_eq!(code(&["batch", "-", "-o", "-", "--fail-on-error"], &broken), Some(1));
    assert_eq!(code(&["batch", "-", "-o", "-", "--fail-on-error"], &clean), Some(0), "ineligible rows are answers, not errors");
    let help = String::from_utf8(run(&["batch", "--help"]).stdout).unwrap();
    for word in ["--fail-on-error", "Exit codes", "130", "--excel", "--compact", "--id"] {
        assert!(help.contains(word), "batch --help does not mention {word}");
    }
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    for word in ["--fail-on-error", "cargo install --path cli", "domain -f", "--excel", "--compact", "130"] {
        assert!(readme.contains(word), "README.md does not mention {word}");
    }
}

#[test]
fn excel_writes_a_bom_and_compact_writes_codes_only() {
    let input = format!("{}\n{{broken\n", example("rejected-personal-forum.json"));
    let out = run_stdin(&["batch", "-", "-o", "-", "--excel"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.starts_with("\u{feff}row,id,verdict,".as_bytes()), "{}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(out.stdout.windows(3).filter(|w| *w == "\u{feff}".as_bytes()).count(), 1);
    // Excel's CSV is read back by batch itself (the BOM is not part of the first column's name).
    let path = tmp("excel.csv");
    std::fs::write(&path, b"\xef\xbb\xbfapplication\n\"{}\"\n").unwrap();
    assert_eq!(run(&["batch", path.to_str().unwrap(), "-o", "-"]).status.code(), Some(0));
    assert_eq!(run_stdin(&["batch", "-", "-o", "-", "--excel", "--format", "jsonl"], input.as_bytes()).status.code(), Some(2));

    let out = run_stdin(&["batch", "-", "-o", "-", "--compact"], input.as_bytes());
    let rows = jsonl(&String::from_utf8(out.stdout).unwrap());
    let keys = |r: &Value| r.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&rows[0]), ["row", "line", "id", "verdict", "filing_type", "codes"]);
    assert_eq!(keys(&rows[1]), keys(&rows[0]), "an error row has the same fields");
    assert_eq!(rows[0]["verdict"], "ineligible");
    assert!(rows[0]["codes"].as_array().unwrap().iter().any(|c| c.as_str().unwrap().starts_with("WEBSITE_")), "{}", rows[0]);
    assert_eq!(rows[1]["codes"], serde_json::json!(["INPUT_MALFORMED"]));
    let out = run_stdin(&["batch", "-", "-o", "-", "--compact", "--format", "csv"], input.as_bytes());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "row,id,verdict,filing_type,codes");
    assert!(lines[1].starts_with("0,,ineligible,") && lines[2] == "1,,,,INPUT_MALFORMED", "{text}");
}

#[test]
fn domain_reads_names_from_a_file_or_stdin() {
    let list = "example.com\n\n# a comment\n  example.io \r\n";
    let path = tmp("names.txt");
    std::fs::write(&path, list).unwrap();
    for out in [run(&["domain", "--json", "-f", path.to_str().unwrap()]), run_stdin(&["domain", "--json", "-f", "-"], list.as_bytes())] {
        assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
        let rows = jsonl(&String::from_utf8(out.stdout).unwrap());
        let got: Vec<(&str, u64, &str)> =
            rows.iter().map(|r| (r["input"].as_str().unwrap(), r["line"].as_u64().unwrap(), r["verdict"].as_str().unwrap())).collect();
        assert_eq!(got, [("example.com", 1, "eligible"), ("example.io", 4, "ineligible")]);
    }
    let human = String::from_utf8(run_stdin(&["domain", "-f", "-"], list.as_bytes()).stdout).unwrap();
    assert!(human.starts_with("1: example.com") && human.contains("\n4: example.io"), "{human}");
    // Names and a file together, or a file that is not there, are usage errors.
    assert_eq!(run(&["domain", "a.com", "-f", path.to_str().unwrap()]).status.code(), Some(2));
    assert_eq!(run(&["domain", "-f", tmp("absent.txt").to_str().unwrap()]).status.code(), Some(2));
    let out = run_stdin(&["domain", "-f", "-"], b"a.com\n\xffb.com\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2, column 1"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn steps_whose_inputs_are_missing_are_pending() {
    let status = |r: &Value, step: &str| r["steps"].as_array().unwrap().iter().find(|s| s["step"] == step).unwrap()["status"].clone();
    let out = run_stdin(&["check", "--json", "-"], b"{}");
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    for step in ["verify_resources", "verify_domain", "subject_info", "website_info", "upload_materials"] {
        assert_eq!(status(&r, step), "pending", "{step} with nothing given: {}", r["steps"]);
    }
    let human = String::from_utf8(run_stdin(&["check", "-"], b"{}").stdout).unwrap();
    assert!(!human.contains("就绪 ready"), "{human}");

    // A complete application's steps are done, up to the materials it did not give.
    let path = repo().join("examples/access-filing-shanghai.json");
    let r: Value = serde_json::from_slice(&run(&["check", "--json", path.to_str().unwrap()]).stdout).unwrap();
    for step in ["verify_resources", "verify_domain", "subject_info", "website_info"] {
        assert_eq!(status(&r, step), "done", "{step}: {}", r["steps"]);
    }
    assert_eq!(status(&r, "upload_materials"), "pending");

    // Only the resources left out: their step is pending, the others are not held back by it.
    let mut app = example("access-filing-shanghai.json");
    app.as_object_mut().unwrap().remove("resources");
    let r: Value = serde_json::from_slice(&run_stdin(&["check", "--json", "-"], app.to_string().as_bytes()).stdout).unwrap();
    assert_eq!(status(&r, "verify_resources"), "pending", "{}", r["steps"]);
    assert_eq!(status(&r, "subject_info"), "done", "{}", r["steps"]);
}
