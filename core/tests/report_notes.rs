//! Province notes in the report (issue 19 step 3): the `note` rows a filer should read in this
//! case (provinces.json `report_notes` topics; pack/notes.rs), Tencent's rows only, by
//! applies_to and filing type; a report without notes has no `notes` key (unchanged JSON).
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
use beiancheck::Engine;
use serde_json::{json, Value};

fn report(app: &Value) -> Value {
    let r = Engine::embedded().check_json(&app.to_string()).expect("a report");
    serde_json::from_str(&r.to_json()).unwrap()
}

fn codes(r: &Value) -> Vec<String> {
    r["notes"].as_array().map_or_else(Vec::new, |a| a.iter().map(|n| n["code"].as_str().unwrap().to_owned()).collect())
}

fn app(province: &str, kind: &str, name: &str, filing_type: &str, filed: bool) -> Value {
    let mut v = json!({
        "as_of": "2026-11-29", "province": province, "filing_type": filing_type,
        "subject": {"kind": kind, "name": name},
        "websites": [{"name": "云杉科技官网", "domain": "example.cn", "service_content": ["other"]}]
    });
    if filed {
        v["subject"]["filing_number"] = json!("浙ICP备12345678号");
        v["subject"]["filed_with"] = json!("other");
        v["websites"][0]["filing_number"] = json!("浙ICP备12345678号-1");
        v["websites"][0]["filed_with"] = json!("other");
    }
    v
}

#[test]
fn an_access_filing_shows_the_old_certificate_handling_and_the_photo_rules() {
    let r = report(&app("ZJ", "enterprise", "杭州云杉信息科技有限公司", "access_filing", true));
    assert_eq!(r["filing_type"], "access_filing");
    let c = codes(&r);
    assert!(c.contains(&"NOTE_OLD_CERTIFICATE_FILING".to_owned()) && c.contains(&"NOTE_VERIFICATION_PHOTO".to_owned()), "{c:?}");
    for n in r["notes"].as_array().unwrap() {
        for k in ["zh", "en", "source", "title", "url"] {
            assert!(n[k].as_str().is_some_and(|s| !s.is_empty()), "{n}: {k}");
        }
        assert!(!n["source"].as_str().unwrap().starts_with("others/"), "{n}: another provider's row");
    }
}

#[test]
fn a_first_filing_does_not_show_the_access_filing_notes() {
    let r = report(&app("ZJ", "enterprise", "杭州云杉信息科技有限公司", "first_filing", false));
    assert_eq!(r["filing_type"], "first_filing");
    assert_eq!(codes(&r), ["NOTE_VERIFICATION_PHOTO"]);
}

#[test]
fn a_personal_filing_does_not_show_organisation_notes() {
    let r = report(&app("ZJ", "individual", "李明", "access_filing", true));
    assert!(!codes(&r).contains(&"NOTE_OLD_CERTIFICATE_FILING".to_owned()), "{:?}", codes(&r));
}

#[test]
fn the_change_deadline_shows_on_an_access_filing_in_beijing() {
    let mut a = app("BJ", "enterprise", "北京云杉信息科技有限公司", "access_filing", true);
    let t = a.to_string().replace("浙ICP备", "京ICP备");
    a = serde_json::from_str(&t).unwrap();
    let r = report(&a);
    assert!(codes(&r).contains(&"NOTE_CHANGE_DEADLINE".to_owned()), "{} {:?}", r["filing_type"], codes(&r));
}

#[test]
fn a_report_without_notes_has_no_notes_key() {
    let r = report(&app("SH", "enterprise", "上海云杉信息科技有限公司", "first_filing", false));
    assert!(r.get("notes").is_none(), "{:?}", r.get("notes"));
}

/// The count the issue asks for: rows the topics select, all Tencent's.
#[test]
fn the_topics_select_42_tencent_rows() {
    let e = Engine::embedded();
    let pack = e.pack();
    let n: usize = pack.provinces.iter().map(|p| pack.province_notes(p).len()).sum();
    assert_eq!(n, 42);
}
