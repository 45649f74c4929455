//! Rule boundaries, through the public API: a clean application, one change at a time.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
use beiancheck::Engine;
use serde_json::{json, Value};

mod common;
use common::personal;

fn codes_of(engine: &Engine, app: &Value) -> Vec<&'static str> {
    engine.check_value_at(app, None).unwrap().findings.iter().map(|f| f.code).collect()
}

fn codes(app: &Value) -> Vec<&'static str> {
    codes_of(&Engine::embedded(), app)
}

/// An engine whose pack has one extra province rule (tests the mechanism, not the data).
fn with_rule(province: &str, rule: Value) -> Engine {
    let mut pack: Value = serde_json::from_slice(beiancheck::EMBEDDED_PACK).unwrap();
    let provs = pack["provinces"]["provinces"].as_array_mut().unwrap();
    let p = provs.iter_mut().find(|p| p["code"] == province).unwrap();
    let rules = p["rules"].as_array_mut().unwrap();
    let kind = rule["rule"].clone();
    rules.retain(|r| r["rule"] != kind);
    rules.push(rule);
    Engine::from_pack(&serde_json::to_vec(&pack).unwrap()).unwrap()
}

#[test]
fn the_clean_application_is_eligible() {
    let r = Engine::embedded().check_value_at(&personal(), None).unwrap();
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert_eq!(r.filing_type, Some("first_filing"));
}

#[test]
fn domain_expiry_and_shanghai_margin() {
    let mut a = personal();
    a["domains"][0]["expires_at"] = json!("2026-11-28");
    assert!(codes(&a).contains(&"DOMAIN_EXPIRED"));
    // Shanghai: more than 3 months left, i.e. after 2027-02-28 (3 months after as_of, clamped).
    a["domains"][0]["expires_at"] = json!("2027-03-01");
    assert!(!codes(&a).contains(&"DOMAIN_VALIDITY_TOO_SHORT"));
    a["domains"][0]["expires_at"] = json!("2027-02-28");
    assert!(codes(&a).contains(&"DOMAIN_VALIDITY_TOO_SHORT"));
    // Elsewhere only the expiry itself counts.
    a["province"] = json!("BJ");
    assert!(!codes(&a).contains(&"DOMAIN_VALIDITY_TOO_SHORT"));
}

#[test]
fn real_name_waits_three_days() {
    let mut a = personal();
    // Not registered at Tencent: 3 working days. 2026-11-24 (Tue) + 3 working days = 11-27.
    a["domains"][0]["real_name_verified_at"] = json!("2026-11-24");
    assert!(!codes(&a).contains(&"DOMAIN_REAL_NAME_TOO_RECENT"));
    // 2026-11-26 (Thu) + 3 working days = 12-01, after as_of.
    a["domains"][0]["real_name_verified_at"] = json!("2026-11-26");
    assert!(codes(&a).contains(&"DOMAIN_REAL_NAME_TOO_RECENT"));
    // At Tencent's registrar: 3 natural days, so 11-26 is ready on 11-29.
    a["domains"][0]["registrar"] = json!("腾讯云计算(北京)有限责任公司");
    assert!(!codes(&a).contains(&"DOMAIN_REAL_NAME_TOO_RECENT"));
    a["domains"][0]["real_name_verified"] = json!(false);
    assert!(codes(&a).contains(&"DOMAIN_NOT_REAL_NAME_VERIFIED"));
}

#[test]
fn owner_and_already_filed() {
    let mut a = personal();
    a["domains"][0]["registrant"]["name"] = json!("王芳");
    assert!(codes(&a).contains(&"DOMAIN_OWNER_MISMATCH"));
    let mut b = personal();
    b["domains"][0]["filing_number"] = json!("京ICP备17000001号-1");
    assert!(codes(&b).contains(&"DOMAIN_ALREADY_FILED"));
    let mut c = personal();
    c["domains"][0]["registrar_domestic"] = json!(false);
    assert!(codes(&c).contains(&"DOMAIN_REGISTRAR_NOT_DOMESTIC"));
}

#[test]
fn reserved_suffix_against_subject_kind() {
    let mut a = personal();
    a["websites"][0]["domain"] = json!("example.gov.cn");
    a["domains"][0]["name"] = json!("example.gov.cn");
    assert!(codes(&a).contains(&"DOMAIN_SUFFIX_RESERVED"));
    let e = Engine::embedded();
    let q = |kind: &str| beiancheck::DomainQuery { subject_kind: Some(kind.into()), province: None };
    assert!(e.check_domain("国务院.政务.cn", &q("government")).findings.is_empty());
    assert_eq!(e.check_domain("国务院.政务.cn", &q("institution")).findings[0].code, "DOMAIN_SUFFIX_CONDITIONAL");
    assert_eq!(e.check_domain("某某.公益", &q("enterprise")).findings[0].code, "DOMAIN_SUFFIX_RESERVED");
    assert!(e.check_domain("某某.公益", &q("foundation")).findings.is_empty());
    assert_eq!(e.check_domain("school.edu.cn", &q("individual")).findings[0].code, "DOMAIN_SUFFIX_RESERVED");
}

#[test]
fn beijing_suffixes_and_reserved_words() {
    let e = Engine::embedded();
    let bj = |kind: &str| beiancheck::DomainQuery { subject_kind: Some(kind.into()), province: Some("北京".into()) };
    let c = |name: &str, kind: &str| e.check_domain(name, &bj(kind)).findings.iter().map(|f| f.code).collect::<Vec<_>>();
    assert_eq!(c("example.asia", "enterprise"), ["DOMAIN_TLD_NOT_ALLOWED_IN_PROVINCE"]);
    assert!(c("example.com", "enterprise").is_empty());
    assert!(c("例子.中国", "enterprise").is_empty());
    assert_eq!(c("中国好人.cn", "enterprise"), ["DOMAIN_RESERVED_WORD"]);
    assert!(c("中国好人.cn", "government").is_empty());
}

#[test]
fn age_on_the_birthday_is_enough() {
    let e = with_rule(
        "SH",
        json!({"rule": "min_age", "applies_to": ["personal"], "age": 18, "source": "tencent/provinces.json (SH personal)"}),
    );
    let mut a = personal();
    // Born 2008-11-29: 18 on 2026-11-29, 17 the day before.
    let id = "31010420081129123";
    let check = beiancheck::ids::resident_id_check_char(id).unwrap();
    let full = format!("{id}{check}");
    for p in [
        "/subject/certificate/number",
        "/subject/responsible_person/id_number",
        "/websites/0/responsible_person/id_number",
        "/domains/0/registrant/id_number",
    ] {
        *a.pointer_mut(p).unwrap() = json!(full);
    }
    assert!(!codes_of(&e, &a).contains(&"PERSON_UNDERAGE"), "{:?}", codes_of(&e, &a));
    a["as_of"] = json!("2026-11-28");
    assert!(codes_of(&e, &a).contains(&"PERSON_UNDERAGE"));
}

#[test]
fn check_digits_including_x() {
    let mut a = personal();
    a["subject"]["certificate"]["number"] = json!("310104199001011230");
    assert!(codes(&a).contains(&"SUBJECT_CERTIFICATE_INVALID"));
    a["subject"]["responsible_person"]["id_number"] = json!("11010519491231002x");
    let c = codes(&a);
    assert!(!c.contains(&"PERSON_ID_INVALID"), "{c:?}");
}

#[test]
fn non_local_ids_and_permits() {
    let e = with_rule(
        "SH",
        json!({"rule": "non_local_id", "applies_to": ["personal"], "policy": "residence_permit", "permit_min_months": 1, "source": "tencent/provinces.json (SH personal)"}),
    );
    let mut a = personal();
    let id = "13010219910707333X";
    for p in [
        "/subject/certificate/number",
        "/subject/responsible_person/id_number",
        "/websites/0/responsible_person/id_number",
        "/domains/0/registrant/id_number",
    ] {
        *a.pointer_mut(p).unwrap() = json!(id);
    }
    assert!(codes_of(&e, &a).contains(&"PERSON_NONLOCAL_ID"));
    a["subject"]["residence_permit"] = json!({"province": "上海", "valid_until": "2026-12-30"});
    assert!(codes_of(&e, &a).is_empty(), "{:?}", codes_of(&e, &a));
    a["subject"]["residence_permit"]["valid_until"] = json!("2026-12-29");
    assert_eq!(codes_of(&e, &a), ["PERSON_RESIDENCE_PERMIT_EXPIRED"]);
}

#[test]
fn certificate_validity_three_months() {
    let mut a = personal();
    a["subject"]["certificate"]["valid_until"] = json!("2027-02-28");
    assert!(!codes(&a).contains(&"SUBJECT_CERTIFICATE_EXPIRING"));
    a["subject"]["certificate"]["valid_until"] = json!("2027-02-27");
    assert!(codes(&a).contains(&"SUBJECT_CERTIFICATE_EXPIRING"));
}

#[test]
fn account_rules() {
    let mut a = personal();
    a["account"]["real_name_verified_at"] = json!("2026-11-27T00:00:00+08:00");
    assert!(!codes(&a).contains(&"ACCOUNT_REAL_NAME_TOO_RECENT"));
    a["account"]["real_name_verified_at"] = json!("2026-11-27T00:00:01+08:00");
    assert!(codes(&a).contains(&"ACCOUNT_REAL_NAME_TOO_RECENT"));
    let mut b = personal();
    b["account"]["security_mobile"] = json!("13700000000");
    assert!(codes(&b).contains(&"ACCOUNT_SECURITY_MOBILE_MISMATCH"));
    b["account"]["real_name"] = json!("王芳");
    b["account"]["has_order_in_progress"] = json!(true);
    let c = codes(&b);
    assert!(c.contains(&"ACCOUNT_SUBJECT_MISMATCH") && c.contains(&"ACCOUNT_ORDER_IN_PROGRESS"));
}

#[test]
fn website_names_and_services() {
    let mut a = personal();
    for (name, code) in [
        ("光影", "WEBSITE_NAME_TOO_SHORT"),
        ("12345", "WEBSITE_NAME_NOT_CHINESE"),
        ("光影!随笔", "WEBSITE_NAME_FORBIDDEN_SYMBOL"),
        ("中国光影", "WEBSITE_NAME_RESERVED_WORD"),
        ("光影工作室", "WEBSITE_NAME_NOT_PERSONAL"),
        ("上海光影", "WEBSITE_NAME_NOT_PERSONAL"),
    ] {
        a["websites"][0]["name"] = json!(name);
        assert!(codes(&a).contains(&code), "{name}: {:?}", codes(&a));
    }
    a["websites"][0]["name"] = json!("光(影)-a");
    assert!(codes(&a).is_empty(), "{:?}", codes(&a));
    a["websites"][0]["service_content"] = json!(["forum"]);
    assert!(codes(&a).contains(&"WEBSITE_SERVICE_NOT_ALLOWED"));
    a["websites"][0]["service_content"] = json!(["news"]);
    assert!(codes(&a).contains(&"PRE_APPROVAL_NOT_AVAILABLE"));
}

#[test]
fn pre_approval_keywords() {
    let mut a = personal();
    a["subject"] = json!({"kind": "enterprise", "name": "上海某某理财有限公司"});
    let c = codes(&a);
    assert!(c.contains(&"PRE_APPROVAL_REQUIRED"), "{c:?}");
    a["subject"]["name"] = json!("上海某某信息科技有限公司");
    a["websites"][0]["remarks"] = json!("不涉及理财，仅展示产品");
    assert!(!codes(&a).contains(&"PRE_APPROVAL_REQUIRED"));
    a["websites"][0]["name"] = json!("某某视频分享");
    assert!(codes(&a).contains(&"PRE_APPROVAL_POSSIBLE"));
    a["websites"][0]["service_content"] = json!(["broadcasting"]);
    a["websites"][0]["pre_approvals"] = json!([{"category": "broadcasting", "document_number": "1234"}]);
    let c = codes(&a);
    assert!(!c.contains(&"PRE_APPROVAL_REQUIRED") && !c.contains(&"PRE_APPROVAL_POSSIBLE"), "{c:?}");
}

#[test]
fn filing_types() {
    let e = Engine::embedded();
    let ft = |a: &Value| e.check_value_at(a, None).unwrap().filing_type;
    let mut a = personal();
    assert_eq!(ft(&a), Some("first_filing"));
    a["subject"]["filing_number"] = json!("沪ICP备2021012345号");
    a["subject"]["filed_with"] = json!("other");
    assert_eq!(ft(&a), Some("new_website_no_subject"));
    a["websites"][0]["filing_number"] = json!("沪ICP备2021012345号-1");
    assert_eq!(ft(&a), Some("access_filing"));
    a["subject"]["filed_with"] = json!("tencent");
    assert_eq!(ft(&a), Some("access_with_subject"));
    a["websites"][0]["filing_number"] = json!(null);
    assert_eq!(ft(&a), Some("new_website_with_subject"));
    a["filing_type"] = json!("first_filing");
    assert!(codes(&a).contains(&"FILING_TYPE_MISMATCH"));
    a["websites"][0]["filing_number"] = json!("沪ICP备2021099999号-1");
    assert!(codes(&a).contains(&"FILING_NUMBER_INVALID"));
}

#[test]
fn materials_uploads() {
    let mut a = personal();
    a["materials"] = json!([
        {"kind": "id_card_front", "format": "bmp", "bytes": 300000},
        {"kind": "verification_photo", "format": "jpg", "bytes": 100000},
        {"kind": "domain_real_name_proof", "format": "png", "bytes": 9437185},
        {"kind": "residence_permit", "format": "jpg", "bytes": 300000, "issued_at": "2026-08-28"},
    ]);
    // Each finding names the upload it is about: bmp → [0], 100 000 bytes (under 200 KiB) → [1],
    // 9 MiB + 1 byte → [2], a residence permit issued 3 months and a day ago → [3].
    let r = Engine::embedded().check_value_at(&a, None).unwrap();
    let upload_findings: Vec<(&str, &str)> =
        r.findings.iter().filter(|f| f.path.starts_with("materials[")).map(|f| (f.code, f.path.as_str())).collect();
    assert_eq!(
        upload_findings,
        [
            ("MATERIAL_FORMAT_NOT_ALLOWED", "materials[0].format"),
            ("MATERIAL_SIZE_OUT_OF_RANGE", "materials[1].bytes"),
            ("MATERIAL_SIZE_OUT_OF_RANGE", "materials[2].bytes"),
            ("MATERIAL_TOO_OLD", "materials[3].issued_at"),
        ]
    );
    a["materials"] = json!([{"kind": "verification_photo", "format": "jpg", "bytes": 300000, "issued_at": "2026-08-29"}]);
    let c = codes(&a);
    assert!(c.contains(&"MATERIAL_MISSING") && !c.contains(&"MATERIAL_TOO_OLD"), "{c:?}");
}

#[test]
fn input_problems_have_paths() {
    let mut a = personal();
    a["websites"][0]["servce_content"] = json!(["blog"]);
    a["resources"][0]["purchased_months"] = json!("twelve");
    a["as_of"] = json!("2026-02-30");
    a["subject"]["kind"] = json!("company");
    let r = Engine::embedded().check_value_at(&a, None).unwrap();
    let at = |code: &str| r.findings.iter().filter(|f| f.code == code).map(|f| f.path.clone()).collect::<Vec<_>>();
    assert_eq!(at("INPUT_UNKNOWN_FIELD"), ["websites[0].servce_content"]);
    let invalid = at("INPUT_INVALID_VALUE");
    for p in ["as_of", "subject.kind", "resources[0].purchased_months"] {
        assert!(invalid.contains(&p.to_string()), "{p}: {invalid:?}");
    }
    let none: Value = json!({});
    let r = Engine::embedded().check_value_at(&none, None).unwrap();
    let missing: Vec<_> = r.findings.iter().filter(|f| f.code == "INPUT_MISSING_FIELD").map(|f| f.path.as_str()).collect();
    assert_eq!(missing, ["province", "subject", "websites"]);
}

#[test]
fn reports_are_byte_identical() {
    let e = Engine::embedded();
    let mut a = personal();
    a["websites"][0]["name"] = json!("ab");
    let one = e.check_json(&a.to_string()).unwrap().to_json();
    let two = e.check_json(&a.to_string()).unwrap().to_json();
    assert_eq!(one, two);
    assert!(one.contains("\"sha256\""));
}

/// A related field must not silence a rule: a pre-approval document listed by an individual
/// (who cannot hold one, F07) leaves PRE_APPROVAL_NOT_AVAILABLE in place, for the category
/// the website needs and for the document itself; for an organisation the document lifts
/// PRE_APPROVAL_REQUIRED only for its own category.
#[test]
fn pre_approval_documents_do_not_silence_the_rule() {
    let mut app = personal();
    app["websites"][0]["name"] = json!("光影新闻");
    app["websites"][0]["service_content"] = json!(["news"]);
    for category in ["news", "finance", "culture"] {
        app["websites"][0]["pre_approvals"] = json!([{"category": category, "document_number": "沪新闻[2026]1号"}]);
        let r = Engine::embedded().check_value_at(&app, None).unwrap();
        let at = |p: &str| r.findings.iter().any(|f| f.code == "PRE_APPROVAL_NOT_AVAILABLE" && f.path == p);
        assert!(at("websites[0].service_content[0]"), "{category}: the news site of an individual still needs what they cannot hold");
        assert!(at("websites[0].pre_approvals[0]"), "{category}: an individual's document is itself refused");
    }
    let mut org = app.clone();
    org["subject"] = json!({"kind": "enterprise", "name": "上海云杉信息科技有限公司",
        "certificate": {"type": "business_license", "number": "91310104MA1FL1234P", "valid_until": null},
        "responsible_person": app["subject"]["responsible_person"].clone()});
    org["websites"][0]["pre_approvals"] = json!([{"category": "finance", "document_number": "X1"}]);
    assert!(codes(&org).contains(&"PRE_APPROVAL_REQUIRED"), "a document for another category lifts nothing");
    org["websites"][0]["pre_approvals"] = json!([{"category": "news", "document_number": "X1"}]);
    assert!(!codes(&org).contains(&"PRE_APPROVAL_REQUIRED"));
}

/// Negation is a phrase bound to the keyword it negates, never a single 无 / 非 / 不 inside
/// a place name or an everyday word.
#[test]
fn keyword_negation_is_by_phrase() {
    let org = |name: &str, remarks: &str| {
        let mut app = personal();
        app["subject"] = json!({"kind": "enterprise", "name": "上海云杉信息科技有限公司",
            "certificate": {"type": "business_license", "number": "91310104MA1FL1234P", "valid_until": null},
            "responsible_person": app["subject"]["responsible_person"].clone()});
        app["websites"][0]["name"] = json!(name);
        app["websites"][0]["service_content"] = json!(["enterprise_site"]);
        app["websites"][0]["remarks"] = json!(remarks);
        codes(&app)
    };
    let needs = |c: &[&str]| c.contains(&"PRE_APPROVAL_REQUIRED") || c.contains(&"PRE_APPROVAL_POSSIBLE");
    // Place names and everyday words that start with a negating character.
    for name in ["无锡新闻网", "非凡理财咨询", "非遗新闻", "无人机新闻资讯", "不夜城新闻", "无限游戏"] {
        assert!(needs(&org(name, "公司介绍")), "{name}: the keyword is not negated");
    }
    // Phrases that negate the keyword after them, within a few characters, in one clause.
    for remarks in ["本站不涉及新闻", "不提供任何新闻服务", "不涉及金融、新闻", "本网站没有新闻栏目"] {
        assert!(!needs(&org("云杉科技", remarks)), "{remarks}: negated");
    }
    // A negation in another clause, or too far before the keyword, does not reach it.
    assert!(needs(&org("云杉科技", "不涉及金融，提供新闻")));
    assert!(needs(&org("云杉科技", "不涉及本公司之外的任何第三方新闻")));
}

/// The holder is compared by identity (name, certificate type and number), not by name alone;
/// a full pinyin name is the organisation where the province accepts it and the certificate is
/// the organisation's own.
#[test]
fn domain_holder_by_identity() {
    let org = |province: &str, registrant: Value| {
        let mut app = personal();
        app["province"] = json!(province);
        let rep = json!({"name": "王强", "id_type": "resident_id", "id_number": "31010519850505321X", "id_valid_until": null,
            "mobile": "13611112222", "emergency_mobile": "13633334444", "is_legal_representative": true});
        app["subject"] = json!({"kind": "enterprise", "name": "上海云杉信息科技有限公司",
            "certificate": {"type": "business_license", "number": "91310104MA1FL1234P", "valid_until": null}, "responsible_person": rep});
        app["domains"][0]["registrant"] = registrant;
        Engine::embedded()
            .check_value_at(&app, None)
            .unwrap()
            .findings
            .into_iter()
            .filter(|f| f.code == "DOMAIN_OWNER_MISMATCH")
            .map(|f| f.path)
            .collect::<Vec<_>>()
    };
    let company = |name: &str, number: &str| json!({"name": name, "id_type": "business_license", "id_number": number});
    let person = |name: &str, number: &str| json!({"name": name, "id_type": "resident_id", "id_number": number});
    assert!(org("SH", company("上海云杉信息科技有限公司", "91310104MA1FL1234P")).is_empty());
    assert_eq!(org("SH", company("上海云杉信息科技有限公司", "91350100M000100Y43")), ["domains[0].registrant.id_number"]);
    // The legal representative, and a namesake with another ID.
    assert!(org("SH", person("王强", "31010519850505321X")).is_empty());
    assert_eq!(org("SH", person("王强", "310104199001011233")), ["domains[0].registrant.id_number"]);
    // Shanghai takes the full pinyin name with the company's own certificate; not with another.
    let pinyin = "Shanghai Yunshan Xinxi Keji Youxian Gongsi";
    assert!(org("SH", company(pinyin, "91310104MA1FL1234P")).is_empty());
    assert_eq!(org("SH", company(pinyin, "91350100M000100Y43")), ["domains[0].registrant.name"]);
    // Where no page accepts pinyin, it is not the organisation's name.
    assert_eq!(org("TJ", company(pinyin, "91310104MA1FL1234P")), ["domains[0].registrant.name"]);
}

/// Every number a message states comes from the rule's own row: a pack with other numbers
/// says those numbers (no template hard-codes 3 months, 5 codes, 30 days, 48 hours, 200 KB).
#[test]
fn messages_state_the_rows_numbers() {
    let mut pack: Value = serde_json::from_slice(beiancheck::EMBEDDED_PACK).unwrap();
    for k in pack["resources"]["kinds"].as_array_mut().unwrap() {
        if k["kind"] == "cvm" {
            k["min_purchased_months"] = json!(7);
            k["min_remaining_months"] = json!(2);
        }
        if k["kind"] == "authorization_code" {
            k["max_codes_per_server"] = json!(4);
            k["code_expires_days_left"] = json!(40);
        }
    }
    pack["subjects"]["account"]["personal_real_name_wait_hours"] = json!(72);
    pack["subjects"]["domain_holder"]["real_name_wait_days"] = json!(5);
    pack["materials"]["upload"]["min_bytes"] = json!(102400);
    pack["materials"]["upload"]["max_bytes"] = json!(2097152);
    let engine = Engine::from_pack(&serde_json::to_vec(&pack).unwrap()).unwrap();
    let says = |app: &Value, code: &str, zh: &str, en: &str| {
        let r = engine.check_value_at(app, None).unwrap();
        let f = r.findings.iter().find(|f| f.code == code).unwrap_or_else(|| panic!("{code} expected"));
        assert!(f.message.zh.contains(zh) && f.message.en.contains(en), "{code}: {:?}", f.message);
    };
    let mut app = personal();
    app["resources"][0]["purchased_months"] = json!(6);
    app["resources"][0]["expires_at"] = json!("2027-01-15");
    says(&app, "RESOURCE_TERM_TOO_SHORT", "需 7 个月", "at least 7 months");
    says(&app, "RESOURCE_REMAINING_TOO_SHORT", "需 2 个月", "at least 2 month");
    let mut app = personal();
    app["account"]["real_name_verified_at"] = json!("2026-11-27T10:00:00+08:00");
    app["domains"][0]["real_name_verified_at"] = json!("2026-11-26");
    says(&app, "ACCOUNT_REAL_NAME_TOO_RECENT", "72 小时", "72 hours");
    says(&app, "DOMAIN_REAL_NAME_TOO_RECENT", "需满 5 个", "after 5 ");
    let mut app = personal();
    app["materials"] = json!([{"kind": "id_card_front", "format": "jpg", "bytes": 50000}]);
    says(&app, "MATERIAL_SIZE_OUT_OF_RANGE", "100 KB 至 2 MB", "between 100 KB and 2 MB");
    let mut app = personal();
    app["resources"] = json!([{"kind": "authorization_code", "code": "ABC", "issuer_account_kind": "enterprise", "issuer_resource_kind": "cvm",
        "codes_issued": 5, "region": "ap-shanghai", "public_ip": "203.0.113.1", "billing": "prepaid", "purchased_months": 12,
        "expires_at": "2027-01-01", "websites_filed": 0}]);
    says(&app, "AUTH_CODE_QUOTA_EXCEEDED", "最多生成 4 个", "at most 4 ");
    says(&app, "AUTH_CODE_EXPIRED", "不足 40 天", "less than 40 days");
}

/// Whether the subject owner is the legal representative decides authorisation letters in the
/// checklist; left out, the stricter checklist (as for "not the legal representative") stands.
#[test]
fn unknown_legal_representative_keeps_the_letter_in_the_checklist() {
    let engine = Engine::embedded();
    let mut differs = 0;
    for p in engine.pack().provinces.iter() {
        let mats = |rep: Option<bool>| {
            let mut app = personal();
            app["province"] = json!(p.code);
            let mut owner = app["subject"]["responsible_person"].clone();
            match rep {
                Some(b) => owner["is_legal_representative"] = json!(b),
                None => {
                    owner.as_object_mut().unwrap().remove("is_legal_representative");
                }
            }
            app["subject"] = json!({"kind": "enterprise", "name": "某某科技有限公司",
                "certificate": {"type": "business_license", "number": "91310104MA1FL1234P", "valid_until": null}, "responsible_person": owner});
            let r = engine.check_value_at(&app, None).unwrap();
            r.materials.iter().map(|m| m.code).collect::<Vec<_>>()
        };
        let (yes, no, unknown) = (mats(Some(true)), mats(Some(false)), mats(None));
        if yes != no {
            differs += 1;
        }
        assert_eq!(unknown, no, "{}: unknown must ask for what 'not the legal representative' asks for", p.code);
    }
    assert!(differs > 0, "some province's checklist depends on the fact");
}
