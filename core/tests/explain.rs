//! explain.json is checked when a pack loads: every code says how to fix it, in both
//! languages, with an example that fills every placeholder of its messages.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
use beiancheck::Engine;
use serde_json::Value;

fn pack_with(change: impl FnOnce(&mut Value)) -> Result<Engine, String> {
    let mut v: Value = serde_json::from_slice(&Engine::embedded().pack().bytes).unwrap();
    change(&mut v);
    Engine::from_pack(&serde_json::to_vec(&v).unwrap()).map_err(|e| e.to_string())
}

fn entry<'v>(v: &'v mut Value, code: &str) -> &'v mut Value {
    v["explain"]["codes"].as_array_mut().unwrap().iter_mut().find(|e| e["code"] == code).unwrap()
}

#[test]
fn every_code_has_a_fix_and_a_rendered_example() {
    let engine = Engine::embedded();
    let pack = engine.pack();
    for code in beiancheck::codes::ALL {
        let e = pack.catalogue.explain(code).unwrap_or_else(|| panic!("{code}"));
        assert!(!e.fix.zh.is_empty() && !e.fix.en.is_empty(), "{code}");
        assert!(!e.example.zh.contains('{') && !e.example.en.contains('{'), "{code}: {:?}", e.example);
        assert!(e.fix.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{code}: fix_zh is not Chinese");
    }
}

#[test]
fn a_pack_without_a_fix_or_with_an_incomplete_example_is_refused() {
    assert!(pack_with(|_| {}).is_ok());
    let err = pack_with(|v| {
        v["explain"]["codes"].as_array_mut().unwrap().retain(|e| e["code"] != "DOMAIN_EXPIRED");
    })
    .err()
    .unwrap();
    assert!(err.contains("explain.codes") && err.contains("DOMAIN_EXPIRED"), "{err}");
    let err = pack_with(|v| {
        entry(v, "DOMAIN_EXPIRED")["example"]["context"].as_object_mut().unwrap().remove("expires_at");
    })
    .err()
    .unwrap();
    assert!(err.contains("{expires_at}"), "{err}");
    let err = pack_with(|v| entry(v, "DOMAIN_EXPIRED")["fix_en"] = Value::from(" ")).err().unwrap();
    assert!(err.contains("fix_en"), "{err}");
    let err = pack_with(|v| {
        entry(v, "DOMAIN_EXPIRED")["example"]["context"]["nonsense"] = Value::from(1);
    })
    .err()
    .unwrap();
    assert!(err.contains("nonsense"), "{err}");
    let err = pack_with(|v| entry(v, "DOMAIN_EXPIRED")["code"] = Value::from("NOT_A_CODE")).err().unwrap();
    assert!(err.contains("NOT_A_CODE"), "{err}");
}
