//! Coverage of the province tables (issue 4): every province has rows for personal and
//! organisation filings, every source in the pack names a file that exists under
//! ../shared/reference/, every finding code has its Chinese and English messages, and every
//! province row yields a code the catalogue knows.
use beiancheck::province::{AppliesTo, ProvinceRule};
use beiancheck::Engine;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn shared() -> PathBuf {
    std::env::var_os("BEIANCHECK_SHARED").map(PathBuf::from).unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared"))
}

#[test]
fn every_province_has_personal_and_organization_rows() {
    let engine = Engine::embedded();
    let provinces = &engine.pack().provinces;
    assert_eq!(provinces.len(), 31);
    for p in provinces {
        // Tencent's own rows: other providers' notes do not count.
        let own: Vec<&ProvinceRule> = p.rules.iter().filter(|r| !r.is_other_provider()).collect();
        for who in [AppliesTo::Personal, AppliesTo::Organization] {
            assert!(own.iter().any(|r| r.applies_to().contains(&who)), "{} has no Tencent row for {who:?} filings", p.code);
        }
        // And more than notes: at least one checked rule each.
        for who in [AppliesTo::Personal, AppliesTo::Organization] {
            assert!(
                own.iter().any(|r| r.applies_to().contains(&who) && r.finding_code().is_some()),
                "{} has no checked row for {who:?} filings",
                p.code
            );
        }
    }
}

/// The file a source names: the text before the first space or '§' (`../DESIGN.md` is
/// shared/DESIGN.md; the rest are under shared/reference/).
fn source_file(part: &str) -> Option<PathBuf> {
    let end = part.find([' ', '§', '(']).unwrap_or(part.len());
    let path = part[..end].trim().trim_end_matches([',', ';', ':']);
    if path.is_empty() {
        return None;
    }
    Some(match path.strip_prefix("../") {
        Some(rest) => shared().join(rest),
        None => shared().join("reference").join(path),
    })
}

fn sources(v: &Value, at: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let here = format!("{at}.{k}");
                match (k.as_str(), x) {
                    ("source", Value::String(s)) => out.push((here, s.clone())),
                    _ => sources(x, &here, out),
                }
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                sources(x, &format!("{at}[{i}]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_source_names_an_existing_reference_file() {
    assert!(
        shared().join("reference/README.md").is_file(),
        "the reference documents must be at {}; set BEIANCHECK_SHARED",
        shared().display()
    );
    let pack: Value = serde_json::from_slice(beiancheck::EMBEDDED_PACK).unwrap();
    let engine = beiancheck::Engine::embedded();
    let mut all = Vec::new();
    sources(&pack, "pack", &mut all);
    assert!(all.len() > 1000, "found only {} sources", all.len());
    let mut bad = Vec::new();
    for (at, s) in &all {
        // A source may cite several documents: "tencent/facts.md §1 T1 (F06); tencent/facts.md §1.9 (P-SH)".
        // The first part must be a file; later parts are checked when they look like paths.
        for (i, part) in s.split("; ").enumerate() {
            let looks_like_path =
                part.split([' ', '§']).next().is_some_and(|p| p.ends_with(".md") || p.ends_with(".json") || p.ends_with(".dat"));
            if i > 0 && !looks_like_path {
                continue;
            }
            // A public document outside reference/ (an RFC) is cited by its id in the pack's
            // source_documents table, which names its URL.
            let first = part.split([' ', '§']).next().unwrap_or_default();
            if engine.pack().sources().resolve(first).is_some_and(|d| &*d.id == first) {
                continue;
            }
            match source_file(part) {
                Some(f) if f.is_file() => {}
                _ => bad.push(format!("{at}: {s:?}")),
            }
        }
    }
    assert!(bad.is_empty(), "{} sources name no file under shared/reference/:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn catalogue_has_both_languages_and_every_province_code() {
    let engine = Engine::embedded();
    let cat = &engine.pack().catalogue;
    for (_, e) in cat.entries() {
        assert!(!e.zh.trim().is_empty() && !e.en.trim().is_empty(), "{} lacks a message", e.code);
        assert!(e.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}: the zh message has no Chinese", e.code);
    }
    for p in &engine.pack().provinces {
        for (i, r) in p.rules.iter().enumerate() {
            if let Some(code) = r.finding_code() {
                assert!(cat.get(code).is_some(), "{} rules[{i}] ({}) yields {code}, which the catalogue lacks", p.code, r.kind());
            }
        }
    }
}

#[test]
fn notes_say_why_and_other_providers_say_who() {
    let engine = Engine::embedded();
    for p in &engine.pack().provinces {
        for (i, r) in p.rules.iter().enumerate() {
            if r.is_other_provider() {
                let ProvinceRule::Note(note) = r else { panic!("{} rules[{i}]: another provider's row must be a note", p.code) };
                let en = &note.en;
                assert!(
                    ["JD Cloud", "Huawei Cloud", "Alibaba Cloud", "Baidu AI Cloud", "Xinnet", "jisuyun", "guokeyun"]
                        .iter()
                        .any(|n| en.starts_with(n)),
                    "{} rules[{i}]: the note does not say which provider: {en}",
                    p.code
                );
            }
        }
    }
}

/// `[text](url)` → `text`, whitespace runs → one space (how rows quote the pages).
fn clean(z: &str) -> String {
    let mut out = String::new();
    let mut rest = z.trim();
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find("](").and_then(|m| after[m + 2..].find(')').map(|e| (m, m + 2 + e))) {
            Some((m, end)) => {
                out.push_str(&after[..m]);
                rest = &after[end + 1..];
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every rule of the province pages (tencent/provinces.json, personal and organization tabs) is
/// encoded: a typed row quotes it in its source, or a note carries its text.
#[test]
fn every_province_page_rule_is_encoded() {
    let text = std::fs::read_to_string(shared().join("reference/tencent/provinces.json")).expect("tencent/provinces.json");
    let pages: Value = serde_json::from_str(&text).unwrap();
    let pack: Value = serde_json::from_slice(beiancheck::EMBEDDED_PACK).unwrap();
    let mut missing = Vec::new();
    let mut seen = 0;
    for p in pack["provinces"]["provinces"].as_array().unwrap() {
        let code = p["code"].as_str().unwrap();
        let rows: Vec<String> = p["rules"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| !r["source"].as_str().unwrap_or("").starts_with("others/"))
            .map(|r| serde_json::to_string(r).unwrap())
            .collect();
        let (_, page) =
            pages.as_object().unwrap().iter().find(|(k, _)| k.starts_with(code)).unwrap_or_else(|| panic!("no page for {code}"));
        for tab in ["personal", "organization"] {
            for (i, e) in page[tab].as_array().unwrap().iter().enumerate() {
                seen += 1;
                let key: String = clean(e["zh"].as_str().unwrap()).chars().take(16).collect();
                let key = serde_json::to_string(&key).unwrap();
                let key = &key[1..key.len() - 1];
                if !rows.iter().any(|r| r.contains(key)) {
                    missing.push(format!("{code} {tab}[{i}]: {}", e["zh"]));
                }
            }
        }
    }
    assert!(seen > 500, "read only {seen} page rules");
    assert!(missing.is_empty(), "{} page rules are in no row:\n{}", missing.len(), missing.join("\n"));
}

#[test]
fn clean_removes_links_and_folds_space() {
    assert_eq!(clean(" 到 [工信部](https://beian.miit.gov.cn/)  网站。"), "到 工信部 网站。");
    assert_eq!(clean("a [b"), "a [b");
}
