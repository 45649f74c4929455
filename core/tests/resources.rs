//! Which resource serves each website, the quota, authorisation codes and the filing-type fact,
//! through the engine, asserting code and path. Each test kills mutants of core/src/resource.rs
//! and core/src/filing_type.rs that survived the first cargo-mutants run (docs/MUTANTS.md).
use beiancheck::codes::*;
use serde_json::{json, Value};

mod common;
use common::{found, personal};

fn has(f: &[(&'static str, String)], code: &str, at: &str) -> bool {
    f.iter().any(|(c, p)| *c == code && p == at)
}

fn at_path<'a>(f: &'a [(&'static str, String)], at: &str) -> Vec<&'a str> {
    f.iter().filter(|(_, p)| p == at).map(|(c, _)| *c).collect()
}

/// A second server, fine by itself.
fn second_cvm() -> Value {
    json!({"kind": "cvm", "region": "ap-beijing", "public_ip": "203.0.113.20", "billing": "prepaid", "purchased_months": 12, "expires_at": "2027-08-01", "websites_filed": 0})
}

/// A personal application whose one resource is an authorisation code in good standing.
fn on_auth_code() -> Value {
    let mut a = personal();
    a["resources"][0] = json!({"kind": "authorization_code", "code": "BA-2026-0001", "issuer_account_kind": "enterprise", "issuer_resource_kind": "cvm", "codes_issued": 5,
        "region": "ap-shanghai", "public_ip": "203.0.113.10", "billing": "prepaid", "purchased_months": 12, "expires_at": "2027-08-01", "websites_filed": 0});
    a
}

fn second_site() -> Value {
    json!({"name": "光影随笔二", "domain": "guangying-two.com", "service_content": ["blog"], "remarks": "个人摄影作品展示", "resource": 0})
}

#[test]
fn a_resource_index_must_point_into_resources() {
    // One resource: index 0 is it, index 1 (== the count) is not.
    let mut a = personal();
    assert!(found(&a).is_empty());
    a["websites"][0]["resource"] = json!(1);
    assert!(has(&found(&a), INPUT_INVALID_VALUE, "websites[0].resource"), "{:?}", found(&a));
    a["websites"][0]["resource"] = json!(7);
    assert!(has(&found(&a), INPUT_INVALID_VALUE, "websites[0].resource"));
    // Two resources: index 1 is the second, and its quota counts the website.
    a["resources"].as_array_mut().unwrap().push(second_cvm());
    a["websites"][0]["resource"] = json!(1);
    assert!(found(&a).is_empty(), "{:?}", found(&a));
    a["resources"][1]["websites_filed"] = json!(5);
    assert!(has(&found(&a), RESOURCE_QUOTA_EXCEEDED, "resources[1]"), "{:?}", found(&a));
    assert!(!has(&found(&a), RESOURCE_QUOTA_EXCEEDED, "resources[0]"));
}

#[test]
fn a_website_without_an_index_is_served_by_the_only_resource() {
    let mut a = personal();
    a["websites"][0].as_object_mut().unwrap().remove("resource");
    a["resources"][0]["websites_filed"] = json!(4);
    assert!(found(&a).is_empty(), "{:?}", found(&a));
    a["resources"][0]["websites_filed"] = json!(5);
    assert_eq!(found(&a), vec![(RESOURCE_QUOTA_EXCEEDED, "resources[0]".to_owned())]);
}

#[test]
fn with_several_resources_a_website_must_say_which() {
    let mut a = personal();
    a["websites"][0].as_object_mut().unwrap().remove("resource");
    a["resources"].as_array_mut().unwrap().push(second_cvm());
    assert_eq!(found(&a), vec![(FACT_MISSING, "websites[0].resource".to_owned())]);
}

#[test]
fn an_invalid_index_counts_on_no_resource() {
    // The bad value is reported once by the reader; the site is not counted on resource 0.
    let mut a = personal();
    a["websites"][0]["resource"] = json!("zero");
    a["resources"][0]["websites_filed"] = json!(5);
    let f = found(&a);
    assert!(has(&f, INPUT_INVALID_VALUE, "websites[0].resource"), "{f:?}");
    assert!(!f.iter().any(|(c, _)| *c == RESOURCE_QUOTA_EXCEEDED), "{f:?}");
}

#[test]
fn websites_filed_null_is_none_filed() {
    // An authorisation code serves one website: null filed + two added is over.
    let mut a = on_auth_code();
    a["resources"][0]["websites_filed"] = Value::Null;
    assert!(found(&a).is_empty(), "{:?}", found(&a));
    a["websites"].as_array_mut().unwrap().push(second_site());
    assert!(has(&found(&a), RESOURCE_QUOTA_EXCEEDED, "resources[0]"), "{:?}", found(&a));
}

#[test]
fn websites_filed_is_asked_only_of_a_resource_that_serves_a_website() {
    let mut a = personal();
    a["resources"][0].as_object_mut().unwrap().remove("websites_filed");
    assert_eq!(found(&a), vec![(FACT_MISSING, "resources[0].websites_filed".to_owned())]);
    // A second server that serves none of this order's websites: its count does not matter.
    let mut b = personal();
    let mut idle = second_cvm();
    idle.as_object_mut().unwrap().remove("websites_filed");
    b["resources"].as_array_mut().unwrap().push(idle);
    assert!(found(&b).is_empty(), "{:?}", found(&b));
}

#[test]
fn a_term_is_asked_only_of_kinds_with_a_minimum() {
    // Serverless has no minimum purchase, no term, no IP and no billing rule: leaving them out is fine.
    let mut a = personal();
    a["resources"][0] = json!({"kind": "serverless", "region": "ap-shanghai", "websites_filed": 0});
    assert!(found(&a).is_empty(), "{:?}", found(&a));
    // A server is asked.
    let mut b = personal();
    b["resources"][0].as_object_mut().unwrap().remove("purchased_months");
    assert_eq!(found(&b), vec![(FACT_MISSING, "resources[0].purchased_months".to_owned())]);
}

#[test]
fn a_null_region_is_the_readers_error_not_also_a_missing_fact() {
    // region is not nullable: the reader reports the null, the rule does not ask again.
    let mut a = personal();
    a["resources"][0]["region"] = Value::Null;
    let f = found(&a);
    assert_eq!(at_path(&f, "resources[0].region"), vec![INPUT_INVALID_VALUE], "{f:?}");
}

#[test]
fn an_authorisation_code_needs_the_code_itself() {
    for empty in [json!(""), json!("  "), Value::Null] {
        let mut a = on_auth_code();
        a["resources"][0]["code"] = empty.clone();
        assert!(has(&found(&a), AUTH_CODE_NOT_ALLOWED, "resources[0].code"), "{empty}: {:?}", found(&a));
    }
    let mut a = on_auth_code();
    assert!(found(&a).is_empty(), "{:?}", found(&a));
    a["resources"][0].as_object_mut().unwrap().remove("code");
    assert_eq!(found(&a), vec![(FACT_MISSING, "resources[0].code".to_owned())]);
}

#[test]
fn an_unknown_expiry_of_an_authorisation_code_is_asked_once() {
    let mut a = on_auth_code();
    a["resources"][0].as_object_mut().unwrap().remove("expires_at");
    assert_eq!(at_path(&found(&a), "resources[0].expires_at"), vec![FACT_MISSING]);
}

#[test]
fn an_authorisation_code_without_a_server_term_asks_for_the_days_left() {
    // On a pack whose authorisation codes have no server term, the code's own 30-day rule asks.
    let mut pack: Value = serde_json::from_slice(beiancheck::EMBEDDED_PACK).unwrap();
    let kinds = pack["resources"]["kinds"].as_array_mut().unwrap();
    let k = kinds.iter_mut().find(|k| k["kind"] == "authorization_code").unwrap();
    k["has_term"] = json!(false);
    let e = beiancheck::Engine::from_pack(&serde_json::to_vec(&pack).unwrap()).unwrap();
    let mut a = on_auth_code();
    a["resources"][0].as_object_mut().unwrap().remove("expires_at");
    let r = e.check_value_at(&a, None).unwrap();
    let asked: Vec<&str> = r.findings.iter().filter(|f| f.path == "resources[0].expires_at").map(|f| f.code).collect();
    assert_eq!(asked, vec![FACT_MISSING]);
    let v = serde_json::to_value(&r).unwrap();
    let f = v["findings"].as_array().unwrap().iter().find(|f| f["path"] == "resources[0].expires_at").unwrap();
    assert_eq!(f["context"]["rule"], json!(AUTH_CODE_EXPIRED), "{f}");
}

#[test]
fn a_missing_server_fact_of_an_authorisation_code_names_the_issuing_server() {
    let check_en = |a: &Value| -> String {
        let v = serde_json::to_value(beiancheck::Engine::embedded().check_value_at(a, None).unwrap()).unwrap();
        let f = v["findings"].as_array().unwrap().iter().find(|f| f["path"] == "resources[0].region").cloned();
        f.unwrap_or_else(|| panic!("no finding at resources[0].region: {v}"))["context"]["check_en"].as_str().unwrap().to_owned()
    };
    let mut a = on_auth_code();
    a["resources"][0].as_object_mut().unwrap().remove("region");
    assert!(check_en(&a).contains("the server that issued the code"), "{}", check_en(&a));
    let mut b = personal();
    b["resources"][0].as_object_mut().unwrap().remove("region");
    assert!(check_en(&b).contains("the resource"), "{}", check_en(&b));
}

#[test]
fn a_filed_subject_must_say_where_it_is_filed() {
    let access = || -> Value {
        let p = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/access-filing-shanghai.json");
        serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
    };
    let mut a = access();
    assert!(found(&a).is_empty(), "{:?}", found(&a));
    a["subject"].as_object_mut().unwrap().remove("filed_with");
    assert!(has(&found(&a), FACT_MISSING, "subject.filed_with"), "{:?}", found(&a));
    // An invalid value is the reader's INPUT_INVALID_VALUE, not also a missing fact.
    let mut b = access();
    b["subject"]["filed_with"] = json!("elsewhere");
    let f = found(&b);
    assert!(has(&f, INPUT_INVALID_VALUE, "subject.filed_with"), "{f:?}");
    assert!(!has(&f, FACT_MISSING, "subject.filed_with"), "{f:?}");
}
