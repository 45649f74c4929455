//! The `beiancheck` command as a script would use it.
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

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("beiancheck-cli-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d.join(name)
}

#[test]
fn domain_answers_each_name() {
    let out = run(&["domain", "--json", "example.io", "例子.中国", "xn--fiqs8s", "gov.cn", "203.0.113.7"]);
    assert_eq!(out.status.code(), Some(1));
    let rows: Vec<Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let verdicts: Vec<&str> = rows.iter().map(|r| r["verdict"].as_str().unwrap()).collect();
    assert_eq!(verdicts, ["ineligible", "eligible", "ineligible", "ineligible", "ineligible"]);
    let first = |r: &Value| r["findings"][0]["code"].as_str().unwrap_or("").to_owned();
    assert_eq!(first(&rows[0]), "DOMAIN_TLD_NOT_APPROVED");
    assert_eq!(first(&rows[2]), "DOMAIN_NOT_REGISTRABLE");
    assert_eq!(first(&rows[3]), "DOMAIN_NOT_REGISTRABLE");
    assert_eq!(first(&rows[4]), "DOMAIN_NOT_REGISTRABLE");
    assert_eq!(rows[1]["registrable"], "xn--fsqu00a.xn--fiqs8s");
    assert_eq!(rows[1]["registrable_unicode"], "例子.中国");
    assert_eq!(rows[1]["tld_status"], "approved");
    assert_eq!(rows[1]["tld_approved_since"], "2018-01-29");
    // All fileable → exit 0; a usage error → 2.
    assert_eq!(run(&["domain", "example.com", "例子.中国"]).status.code(), Some(0));
    assert_eq!(run(&["domain"]).status.code(), Some(2));
    // An unknown province flag is a usage error naming the flag (issue 13), not a verdict.
    assert_eq!(run(&["domain", "x.com", "--province", "火星"]).status.code(), Some(2));
}

#[test]
fn examples_exit_by_verdict() {
    for entry in std::fs::read_dir(repo().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue; // examples/check.c: the C example
        }
        let out = run(&["check", "--json", path.to_str().unwrap()]);
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let want = if report["verdict"] == "ineligible" { 1 } else { 0 };
        assert_eq!(out.status.code(), Some(want), "{}", path.display());
        // The readable form names the verdict in both languages.
        let human = String::from_utf8(run(&["check", path.to_str().unwrap()]).stdout).unwrap();
        assert!(human.contains("结论 Verdict:") && human.contains("流程 Steps:"), "{human}");
    }
}

#[test]
fn check_reads_stdin_and_rejects_garbage() {
    let mut child =
        bin().args(["check", "--json", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(b"{\"province\": \"SH\",\n  \"subject\": [1,}").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("line 2, column"), "{err}");
    assert_eq!(run(&["check", "/no/such/file.json"]).status.code(), Some(2));
}

#[test]
fn explain_and_rules() {
    let out = run(&["explain", "domain_tld_not_approved"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("DOMAIN_TLD_NOT_APPROVED") && text.contains("domain/tlds.json"), "{text}");
    assert_eq!(run(&["explain", "NOPE"]).status.code(), Some(2));

    let info: Value = serde_json::from_slice(&run(&["rules", "--json"]).stdout).unwrap();
    assert_eq!(info["tables"]["provinces"], 31);
    let sha = info["sha256"].as_str().unwrap().to_owned();
    let pack = tmp("pack.json");
    assert_eq!(run(&["rules", "--export", pack.to_str().unwrap()]).status.code(), Some(0));
    let again: Value = serde_json::from_slice(&run(&["--pack", pack.to_str().unwrap(), "rules", "--json"]).stdout).unwrap();
    assert_eq!(again["sha256"], sha.as_str());
    std::fs::write(&pack, b"{\"format\": 2}").unwrap();
    let bad = run(&["--pack", pack.to_str().unwrap(), "domain", "example.com"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8(bad.stderr).unwrap().contains("invalid rule pack"));
}

#[test]
fn materials_per_province() {
    let out = run(&["materials", "--province", "SH", "--subject", "individual", "--non-local", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = v["materials"].as_array().unwrap().iter().map(|m| m["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"RESIDENCE_PERMIT"), "{codes:?}");
    let bj: Value =
        serde_json::from_slice(&run(&["materials", "--province", "BJ", "--subject", "individual", "--non-local", "--json"]).stdout)
            .unwrap();
    assert_ne!(v["materials"], bj["materials"]);
    assert_eq!(run(&["materials", "--province", "XX", "--subject", "individual"]).status.code(), Some(2));
}

#[test]
fn batch_keeps_every_row_in_order() {
    let good = std::fs::read_to_string(repo().join("examples/access-filing-shanghai.json")).unwrap();
    let good: Value = serde_json::from_str(&good).unwrap();
    let bad_domain = {
        let mut g = good.clone();
        g["websites"][0]["domain"] = "x.io".into();
        g
    };
    let input = tmp("in.jsonl");
    let mut f = std::fs::File::create(&input).unwrap();
    writeln!(f, "{good}").unwrap();
    writeln!(f, "{{not json").unwrap();
    writeln!(f).unwrap();
    f.write_all(b"\xff\xfe\n").unwrap();
    writeln!(f, "{bad_domain}").unwrap();
    write!(f, "{good}").unwrap(); // no final newline
    drop(f);
    let output = tmp("out.jsonl");
    // A small chunk size exercises the chunk boundaries.
    let out = run(&["batch", input.to_str().unwrap(), "-o", output.to_str().unwrap(), "--chunk", "2"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<Value> = std::fs::read_to_string(&output).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 6);
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r["row"], i);
    }
    let v: Vec<&Value> = rows.iter().map(|r| &r["verdict"]).collect();
    assert_eq!(
        v,
        [&Value::from("eligible"), &Value::Null, &Value::Null, &Value::Null, &Value::from("ineligible"), &Value::from("eligible")]
    );
    assert!(rows[3]["input_error"]["message"].as_str().unwrap().contains("UTF-8"));

    // CSV in (an `application` column), CSV out.
    let csv_in = tmp("in.csv");
    let mut w = String::from("id,application\n");
    for (i, app) in [good.to_string(), "{oops".to_string(), bad_domain.to_string()].iter().enumerate() {
        w.push_str(&format!("{i},\"{}\"\n", app.replace('"', "\"\"")));
    }
    std::fs::write(&csv_in, w).unwrap();
    let csv_out = tmp("out.csv");
    assert_eq!(run(&["batch", csv_in.to_str().unwrap(), "-o", csv_out.to_str().unwrap()]).status.code(), Some(0));
    let text = std::fs::read_to_string(&csv_out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(lines[0].starts_with("row,id,verdict,filing_type"));
    assert!(lines[1].starts_with("0,0,eligible,access_filing"));
    assert!(lines[2].starts_with("1,1,,") && lines[2].contains("INPUT_MALFORMED"));
    assert!(lines[3].starts_with("2,2,ineligible") && lines[3].contains("DOMAIN_TLD_NOT_APPROVED"));
}

/// Runs a batch, stops it with `signal` once it has written progress, resumes, and compares
/// the result with an uninterrupted run: same bytes, no row twice, none missing.
fn interrupt_and_resume(signal: &str) {
    let good = std::fs::read_to_string(repo().join("examples/access-filing-shanghai.json")).unwrap();
    let good: Value = serde_json::from_str(&good).unwrap();
    let line = good.to_string();
    let input = tmp(&format!("big-{signal}.jsonl"));
    let mut text = String::new();
    for i in 0..12_000 {
        text.push_str(if i % 97 == 0 { "{broken" } else { &line });
        text.push('\n');
    }
    std::fs::write(&input, text).unwrap();
    let clean = tmp(&format!("clean-{signal}.csv"));
    let clean_run = run(&["batch", input.to_str().unwrap(), "-o", clean.to_str().unwrap(), "--chunk", "32"]);
    assert_eq!(clean_run.status.code(), Some(0));
    let summary = |o: &Output| String::from_utf8_lossy(&o.stderr).lines().last().unwrap_or_default().to_owned();

    let out = tmp(&format!("cut-{signal}.csv"));
    let progress = format!("{}.progress", out.display());
    let _ = std::fs::remove_file(&progress);
    let mut child = bin()
        .args(["batch", input.to_str().unwrap(), "-o", out.to_str().unwrap(), "--chunk", "32"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until at least one chunk is recorded, then stop the process.
    let t0 = std::time::Instant::now();
    loop {
        if let Ok(p) = std::fs::read_to_string(&progress) {
            let v: Value = serde_json::from_str(&p).unwrap_or(Value::Null);
            if v["rows_done"].as_u64().unwrap_or(0) > 0 {
                break;
            }
        }
        assert!(t0.elapsed().as_secs() < 60, "no progress written");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    Command::new("kill").args([signal, &child.id().to_string()]).status().unwrap();
    let status = child.wait().unwrap();
    let p: Value = serde_json::from_str(&std::fs::read_to_string(&progress).unwrap()).unwrap();
    if p["complete"] == true {
        panic!("the run finished before it could be interrupted; use a larger input");
    }
    if signal == "-INT" {
        assert_eq!(status.code(), Some(130));
    }
    let done = p["rows_done"].as_u64().unwrap();
    assert!(done > 0 && done < 12_000);
    let resumed = run(&["batch", input.to_str().unwrap(), "-o", out.to_str().unwrap(), "--chunk", "32", "--resume"]);
    assert_eq!(resumed.status.code(), Some(0), "{}", String::from_utf8_lossy(&resumed.stderr));
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&clean).unwrap(), "resumed output differs from a clean run");
    // The resumed run's summary counts the whole output, the rows written before it included.
    assert_eq!(summary(&resumed), summary(&clean_run));
    assert!(summary(&clean_run).contains("12000 rows:") && summary(&clean_run).contains("124 input errors"), "{}", summary(&clean_run));
    let p: Value = serde_json::from_str(&std::fs::read_to_string(&progress).unwrap()).unwrap();
    assert_eq!((p["complete"].clone(), p["rows_done"].clone()), (Value::Bool(true), Value::from(12_000)));
}

#[test]
fn batch_resumes_after_ctrl_c() {
    interrupt_and_resume("-INT");
}

#[test]
fn batch_resumes_after_kill() {
    interrupt_and_resume("-KILL");
}

/// A part left out is said to be unchecked, in the human output and the JSON alike.
#[test]
fn not_checked_parts_are_named() {
    let path = repo().join("examples/access-filing-shanghai.json");
    let human = String::from_utf8(run(&["check", path.to_str().unwrap()]).stdout).unwrap();
    assert!(human.contains("未核验 Not checked (not given): 已上传材料 / the uploaded materials"), "{human}");
    let json: Value = serde_json::from_slice(&run(&["check", "--json", path.to_str().unwrap()]).stdout).unwrap();
    assert_eq!(json["not_checked"], serde_json::json!(["materials"]));
}
