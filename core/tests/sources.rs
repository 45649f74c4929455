//! Sources a filer can open: every citation in the rule pack names a public document (title and
//! https URL), never a design note, a contract document or an issue thread.
use beiancheck::Engine;
use serde_json::Value;

/// Every string under a `source` or `sources` key of the embedded pack.
fn citations(v: &Value, cited: bool, out: &mut Vec<String>) {
    match v {
        Value::String(s) if cited => out.push(s.clone()),
        Value::Array(xs) => xs.iter().for_each(|x| citations(x, cited, out)),
        Value::Object(m) => m.iter().for_each(|(k, x)| citations(x, k == "source" || k == "sources", out)),
        _ => {}
    }
}

#[test]
fn every_citation_in_the_pack_resolves_to_a_title_and_an_https_url() {
    let engine = Engine::embedded();
    let pack = engine.pack();
    let doc: Value = serde_json::from_slice(&pack.bytes).unwrap();
    let mut cites = Vec::new();
    citations(&doc, false, &mut cites);
    assert!(cites.len() > 1000, "the pack cites its sources row by row ({} found)", cites.len());
    for c in &cites {
        let d = pack.catalogue.document(c).unwrap_or_else(|| panic!("{c:?} names no document"));
        assert!(!d.title.trim().is_empty(), "{c:?}");
        assert!(d.url.starts_with("https://") && !d.url.contains(' '), "{c:?} → {}", d.url);
        // Design notes and contract documents are never a rule's source; nor is an issue thread.
        for bad in ["DESIGN.md", "CONTRACT", "/issues/", "/pull/"] {
            assert!(!d.url.contains(bad) && !c.contains(bad), "{c:?} → {}", d.url);
        }
    }
    // Every catalogue entry too (its findings carry the entry's citation).
    for (_, e) in pack.catalogue.entries() {
        assert!(pack.catalogue.document(&e.source).is_some(), "{}", e.code);
    }
}

#[test]
fn reports_carry_the_citation_its_title_and_url() {
    let engine = Engine::embedded();
    let app = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/rejected-personal-forum.json")).unwrap();
    let v: Value = serde_json::from_str(&engine.check_json(&app).unwrap().to_json()).unwrap();
    let tld = v["findings"].as_array().unwrap().iter().find(|f| f["code"] == "DOMAIN_TLD_NOT_APPROVED").expect(".io is refused");
    // The basis for refusing .io is Tencent's list of fileable suffixes, not a user report.
    assert_eq!(tld["url"], "https://cloud.tencent.com/document/product/243/18905");
    assert!(tld["source"].as_str().unwrap().contains("TC2022"));
    for f in v["findings"].as_array().unwrap().iter().chain(v["materials"].as_array().unwrap()) {
        assert!(f["source"].is_string() && f["title"].is_string(), "{f}");
        assert!(f["url"].as_str().unwrap().starts_with("https://"), "{f}");
    }
}

#[test]
fn a_pack_citing_an_unknown_document_is_refused() {
    let engine = Engine::embedded();
    let mut doc: Value = serde_json::from_slice(&engine.pack().bytes).unwrap();
    doc["catalogue"]["codes"][0]["source"] = Value::from("../DESIGN.md (The model)");
    let Err(e) = Engine::from_pack(&serde_json::to_vec(&doc).unwrap()) else { panic!("refused") };
    assert!(e.to_string().contains("../DESIGN.md"), "{e}");

    let mut doc: Value = serde_json::from_slice(&engine.pack().bytes).unwrap();
    doc["source_documents"]["documents"]["S05"]["url"] = Value::from("../reference/tencent/sources/x.md");
    let Err(e) = Engine::from_pack(&serde_json::to_vec(&doc).unwrap()) else { panic!("refused") };
    assert!(e.to_string().contains("https"), "{e}");
}

#[test]
fn section_citations_resolve_to_the_document_they_rest_on() {
    let engine = Engine::embedded();
    let pack = engine.pack();
    // Longest alias wins (§10 is not §1); an explicit id wins over the section.
    let s = |c: &str| pack.sources().resolve(c).map(|d| d.id.to_string());
    assert_eq!(s("tencent/facts.md §10").as_deref(), Some("S05"));
    assert_eq!(s("tencent/facts.md §1.1").as_deref(), Some("S01"));
    assert_eq!(s("tencent/facts.md §1 T8 (F03, estimate only)").as_deref(), Some("F03"));
    assert_eq!(s("tencent/provinces.json (BJ organization)").as_deref(), Some("P-BJ"));
    assert_eq!(s("others/provinces.json (SH notes, JD-ADD)").as_deref(), Some("JD-ADD"));
    assert_eq!(s("../DESIGN.md (The model)"), None);
}
