//! tests/hostile/: every hostile input through the core and the CLI gets a clear answer
//! (the expected input error, or a report), never a crash or a hang.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().join("tests/hostile")
}

/// The bytes of one manifest case (generated ones are built here).
pub fn bytes_of(case: &Value) -> Vec<u8> {
    if let Some(f) = case["file"].as_str() {
        return std::fs::read(dir().join(f)).unwrap();
    }
    let g = &case["generate"];
    match g["kind"].as_str().unwrap() {
        "long_string" => {
            let n = g["bytes"].as_u64().unwrap() as usize;
            match g["field"].as_str() {
                Some("subject.name") => format!(
                    "{{\"province\":\"SH\",\"subject\":{{\"kind\":\"individual\",\"name\":\"{}\"}},\"websites\":[]}}",
                    "名".repeat(n / 3)
                )
                .into_bytes(),
                _ => format!("{{\"province\":\"{}\"}}", "x".repeat(n)).into_bytes(),
            }
        }
        "deep_nesting" => {
            let d = g["depth"].as_u64().unwrap() as usize;
            format!("{{\"province\":{}{}}}", "[".repeat(d), "]".repeat(d)).into_bytes()
        }
        k => panic!("unknown generator {k}"),
    }
}

fn cases() -> Vec<Value> {
    let m: Value = serde_json::from_slice(&std::fs::read(dir().join("manifest.json")).unwrap()).unwrap();
    m["cases"].as_array().unwrap().clone()
}

/// A report against the manifest's `expect`: listed codes present, the verdict when given, and
/// exactly the findings (as [code, path]) when given.
fn report_meets(report: &Value, want: &Value, name: &str) {
    let findings: Vec<(&str, &str)> =
        report["findings"].as_array().unwrap().iter().map(|f| (f["code"].as_str().unwrap(), f["path"].as_str().unwrap())).collect();
    for w in want["codes"].as_array().into_iter().flatten() {
        assert!(findings.iter().any(|(c, _)| *c == w.as_str().unwrap()), "{name}: missing {w} in {findings:?}");
    }
    if let Some(v) = want.get("verdict") {
        assert_eq!(&report["verdict"], v, "{name}: {findings:?}");
    }
    if let Some(exact) = want.get("findings") {
        let exact: Vec<(&str, &str)> = exact.as_array().unwrap().iter().map(|p| (p[0].as_str().unwrap(), p[1].as_str().unwrap())).collect();
        assert_eq!(findings, exact, "{name}");
    }
}

fn name(c: &Value) -> String {
    c["file"].as_str().or(c["name"].as_str()).unwrap().to_owned()
}

/// A homoglyph (Cyrillic а in a Latin name) is its own domain, not folded onto the look-alike.
#[test]
fn a_homoglyph_is_not_its_look_alike() {
    let e = beiancheck::Engine::embedded();
    let q = beiancheck::DomainQuery::default();
    let homoglyph = e.check_domain("gu\u{430}ngying-suibi.com", &q);
    let latin = e.check_domain("guangying-suibi.com", &q);
    assert_eq!(latin.ascii.as_deref(), Some("guangying-suibi.com"));
    let a = homoglyph.ascii.as_deref().unwrap();
    assert!(a.starts_with("xn--") && a.ends_with(".com"), "{a}");
}

#[test]
fn every_hostile_input_through_the_core() {
    let e = beiancheck::Engine::embedded();
    for c in cases() {
        let got = e.check_json_bytes(&bytes_of(&c), None);
        let want = &c["expect"];
        match (got, want["input_error"].as_str()) {
            (Err(err), Some(code)) => {
                assert_eq!(err.code, code, "{}: {}", name(&c), err.message);
                // Where, when the manifest says: the same line and column in every face.
                if let (Some(l), Some(col)) = (want["line"].as_u64(), want["column"].as_u64()) {
                    assert_eq!((err.line as u64, err.column as u64), (l, col), "{}: {}", name(&c), err.message);
                }
            }
            (Ok(r), None) => {
                let json: Value = serde_json::from_str(&r.to_json()).unwrap();
                report_meets(&json, want, &name(&c));
            }
            (Err(err), None) => panic!("{}: expected a report, got {err:?}", name(&c)),
            (Ok(_), Some(code)) => panic!("{}: expected {code}, got a report", name(&c)),
        }
    }
}

#[test]
fn every_hostile_input_through_the_cli() {
    let tmp = std::env::temp_dir().join(format!("beiancheck-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    for c in cases() {
        let f = tmp.join(name(&c));
        std::fs::write(&f, bytes_of(&c)).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_beiancheck")).args(["check", "--json"]).arg(&f).output().unwrap();
        let code = out.status.code();
        assert!(code.is_some(), "{}: killed by a signal", name(&c));
        match c["expect"]["input_error"].as_str() {
            Some(want) => {
                assert_eq!(code, Some(2), "{}", name(&c));
                let err = String::from_utf8_lossy(&out.stderr);
                assert!(err.contains(want) && err.contains("line"), "{}: {err}", name(&c));
                if let (Some(l), Some(col)) = (c["expect"]["line"].as_u64(), c["expect"]["column"].as_u64()) {
                    assert!(err.contains(&format!("line {l}, column {col}:")), "{}: {err}", name(&c));
                }
            }
            None => {
                assert!(matches!(code, Some(0) | Some(1)), "{}: exit {code:?}: {}", name(&c), String::from_utf8_lossy(&out.stderr));
                let r: Value = serde_json::from_slice(&out.stdout).unwrap();
                report_meets(&r, &c["expect"], &name(&c));
                assert_eq!(code, Some(if r["verdict"] == "ineligible" { 1 } else { 0 }), "{}", name(&c));
            }
        }
    }
    std::fs::remove_dir_all(&tmp).ok();
}
