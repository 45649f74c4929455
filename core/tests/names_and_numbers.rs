//! Website names of personal sites (place names from the divisions table, the filer's own name,
//! sensitive words) and filing numbers (licence forms, folding, province), through the engine.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
use beiancheck::Engine;
use serde_json::{json, Value};

mod common;
use common::personal;

/// The findings as (code, context word) pairs.
fn findings(e: &Engine, app: &Value) -> Vec<(String, String)> {
    let r = serde_json::to_value(e.check_value_at(app, None).unwrap()).unwrap();
    r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["code"].as_str().unwrap().to_owned(), f["context"]["word"].as_str().unwrap_or("").to_owned()))
        .collect()
}

fn named(name: &str) -> Value {
    let mut a = personal();
    a["websites"][0]["name"] = json!(name);
    a
}

#[test]
fn every_place_of_the_table_is_a_place_name_of_a_personal_site() {
    let e = Engine::embedded();
    let pack: Value = serde_json::from_slice(beiancheck::EMBEDDED_PACK).unwrap();
    let places = pack["divisions"]["places"].as_array().unwrap();
    assert!(places.len() > 3000, "{} places", places.len());
    // Every name of every place (cities, counties, their short forms) is found in a name built
    // around it; checking through the engine costs one check per place, so every 7th place
    // goes through the engine and all of them through the table's own matcher.
    let engine_pack = e.pack();
    for (i, p) in places.iter().enumerate() {
        for n in p.as_str().unwrap().split(' ').skip(1) {
            let text = format!("我的{n}随笔");
            let hit = engine_pack.place_names.find_in(&text).unwrap_or_else(|| panic!("{n} not found"));
            assert!(hit.name.contains(n) || n.contains(hit.name), "{n}: found {hit:?}");
            if i % 7 == 0 {
                let f = findings(&e, &named(&text));
                assert!(f.iter().any(|(c, _)| c == "WEBSITE_NAME_NOT_PERSONAL"), "{text}: {f:?}");
            }
        }
    }
    // The same names do not concern an organisation's site.
    let mut org = named("我的海淀区随笔");
    org["subject"] = json!({"kind": "enterprise", "name": "上海光影信息科技有限公司"});
    assert!(!findings(&e, &org).iter().any(|(c, _)| c == "WEBSITE_NAME_NOT_PERSONAL"));
}

#[test]
fn everyday_words_are_not_place_names() {
    let e = Engine::embedded();
    let pack: Value = serde_json::from_slice(beiancheck::EMBEDDED_PACK).unwrap();
    let mut words: Vec<String> =
        pack["divisions"]["common_words"].as_array().unwrap().iter().map(|w| w["word"].as_str().unwrap().to_owned()).collect();
    // County stems of 1–2 characters, 2-character full names, and words that run on from a
    // full name (区块, 市场).
    words.extend(
        [
            "朝阳产业观察",
            "长安大学生活",
            "和平鸽之家",
            "白云深处",
            "城区漫步",
            "郊区小记",
            "完成县级作业",
            "东方美学",
            "新华字典",
            "朝阳区块链笔记",
            "长安区域",
        ]
        .map(String::from),
    );
    for w in words {
        let f = findings(&e, &named(&format!("{w}随笔")));
        assert!(!f.iter().any(|(c, _)| c == "WEBSITE_NAME_NOT_PERSONAL"), "{w}: {f:?}");
    }
}

#[test]
fn a_personal_site_named_with_the_filers_name() {
    let e = Engine::embedded();
    let own = |a: &Value| findings(&e, a).into_iter().filter(|(c, w)| c == "WEBSITE_NAME_NOT_PERSONAL" && w == "李明").count();
    assert_eq!(own(&named("李明的摄影")), 1);
    // The website's responsible person counts too, and each name is reported once.
    let mut a = named("王芳的摄影");
    a["websites"][0]["responsible_person"]["name"] = json!("王芳");
    assert_eq!(findings(&e, &a).iter().filter(|(c, w)| c == "WEBSITE_NAME_NOT_PERSONAL" && w == "王芳").count(), 1);
    assert_eq!(own(&named("光影随笔")), 0);
    // A one-character name is not compared.
    let mut a = named("明月随笔");
    a["subject"]["name"] = json!("明");
    assert!(!findings(&e, &a).iter().any(|(c, _)| c == "WEBSITE_NAME_NOT_PERSONAL"));
}

#[test]
fn sensitive_words_in_any_website_name() {
    let e = Engine::embedded();
    let pack: Value = serde_json::from_slice(beiancheck::EMBEDDED_PACK).unwrap();
    for group in pack["websites"]["sensitive_words"].as_array().unwrap() {
        for w in group["words"].as_array().unwrap().iter().map(|w| w.as_str().unwrap()) {
            for kind in ["individual", "enterprise"] {
                let mut a = named(&format!("{w}观察随笔"));
                a["subject"]["kind"] = json!(kind);
                let f = findings(&e, &a);
                assert!(f.contains(&("WEBSITE_NAME_SENSITIVE_WORD".to_owned(), w.to_owned())), "{kind} {w}: {f:?}");
            }
        }
    }
}

/// An access filing in `province` whose subject and website carry these numbers.
fn access(province: &str, subject_number: &str, website_number: &str) -> Value {
    let mut a = personal();
    a["province"] = json!(province);
    a["subject"]["filing_number"] = json!(subject_number);
    a["subject"]["filed_with"] = json!("other");
    a["websites"][0]["filing_number"] = json!(website_number);
    a
}

fn number_codes(e: &Engine, a: &Value) -> Vec<(String, String)> {
    let r = serde_json::to_value(e.check_value_at(a, None).unwrap()).unwrap();
    r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"].as_str().unwrap().starts_with("FILING_NUMBER"))
        .map(|f| (f["code"].as_str().unwrap().to_owned(), f["path"].as_str().unwrap().to_owned()))
        .collect()
}

#[test]
fn filing_and_licence_numbers_name_their_province() {
    let e = Engine::embedded();
    let pack: Value = serde_json::from_slice(beiancheck::EMBEDDED_PACK).unwrap();
    let provinces = pack["provinces"]["provinces"].as_array().unwrap();
    assert_eq!(provinces.len(), 31);
    for (i, p) in provinces.iter().enumerate() {
        let (code, abbr) = (p["code"].as_str().unwrap(), p["abbr"].as_str().unwrap());
        let other = provinces[(i + 1) % provinces.len()]["code"].as_str().unwrap();
        for (subject, website) in [
            (format!("{abbr}ICP备2021012345号"), format!("{abbr}ICP备2021012345号-1")),
            (format!("{abbr}ICP证030173号"), format!("{abbr}ICP证030173号-2")),
            (format!("{abbr}B2-20090059"), format!("{abbr}B2-20090059-1")),
        ] {
            // In its own province: valid, and the website's number belongs to the subject's.
            assert_eq!(number_codes(&e, &access(code, &subject, &website)), vec![], "{code} {website}");
            // Filed in another province: both numbers say so.
            let want = vec![
                ("FILING_NUMBER_PROVINCE_MISMATCH".to_owned(), "subject.filing_number".to_owned()),
                ("FILING_NUMBER_PROVINCE_MISMATCH".to_owned(), "websites[0].filing_number".to_owned()),
            ];
            assert_eq!(number_codes(&e, &access(other, &subject, &website)), want, "{other} {website}");
        }
    }
}

#[test]
fn numbers_are_read_through_spaces_and_full_width_forms() {
    let e = Engine::embedded();
    for (subject, website) in [
        ("沪ＩＣＰ备２０２１０１２３４５号", "沪 ICP 备 2021012345 号 － 1"),
        ("沪icp证030173号", "沪ICP证０３０１７３号-1"),
        ("沪Ｂ２－２００８０２２４", "沪 B2-20080224 -1"),
    ] {
        assert_eq!(number_codes(&e, &access("SH", subject, website)), vec![], "{website}");
    }
    // Another subject's website number, a licence number in the other form, a malformed one.
    for website in ["沪ICP备2021099999号-1", "沪ICP证2021012345号-1", "沪B2-2021012345-1"] {
        let c = number_codes(&e, &access("SH", "沪ICP备2021012345号", website));
        assert_eq!(c, vec![("FILING_NUMBER_INVALID".to_owned(), "websites[0].filing_number".to_owned())], "{website}");
    }
}

/// The example names the national naming rules give for personal sites (S11) pass every
/// personal-name rule: the place names, the filer's name and the sensitive words must not
/// catch ordinary names.
#[test]
fn the_naming_rules_own_examples_pass() {
    let shared = std::env::var_os("BEIANCHECK_SHARED")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared"));
    let doc = std::fs::read_to_string(shared.join("reference/tencent/sources/product__域名与网站__网站备案__备案介绍__网站命名要求.md"))
        .expect("the reference documents are at ../shared (or set BEIANCHECK_SHARED)");
    let names: Vec<String> = doc
        .lines()
        .filter_map(|l| l.strip_prefix(">-"))
        .filter_map(|l| l.split_once('：'))
        .flat_map(|(_, list)| list.trim().trim_end_matches("等。").split('、').map(|n| n.trim().to_owned()).collect::<Vec<_>>())
        .collect();
    assert!(names.len() >= 20, "{names:?}");
    let e = Engine::embedded();
    for n in names {
        let f: Vec<(String, String)> = findings(&e, &named(&n))
            .into_iter()
            .filter(|(c, _)| c == "WEBSITE_NAME_NOT_PERSONAL" || c == "WEBSITE_NAME_SENSITIVE_WORD")
            .collect();
        assert!(f.is_empty(), "{n}: {f:?}");
    }
}
