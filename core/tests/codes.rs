//! Every finding code of the catalogue at its boundary (issue 14): for each code, rows that make
//! it fire, asserting the code AND the path it names, and rows just inside the boundary that
//! keep it silent. `the_table_covers_the_catalogue` fails when a catalogue code has no firing
//! row or no silent row here, so a new code cannot land untested.
//!
//! Each row is a clean base application with a few fields set (JSON pointers; `del()` removes
//! the field, a trailing `/-` appends). Bases: "P" a personal Shanghai filing, "O" a Shanghai
//! enterprise's first filing (examples/first-filing-shanghai-enterprise.json), "A" an access
//! filing (examples/access-filing-shanghai.json), or a province case of tests/provinces/ by
//! name. Identity numbers are literals (their check characters computed by hand, not with
//! beiancheck::ids), so a broken check-digit routine cannot agree with its own test data.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
use beiancheck::codes::*;
use beiancheck::{Engine, Limits};
use serde_json::{json, Value};

mod common;
use common::personal;
use std::path::Path;

fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn read(path: &str) -> Value {
    let p = repo().join(path);
    serde_json::from_slice(&std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))).unwrap()
}

fn base(name: &str) -> Value {
    match name {
        "P" => personal(),
        "O" => read("examples/first-filing-shanghai-enterprise.json"),
        "A" => read("examples/access-filing-shanghai.json"),
        case => read(&format!("tests/provinces/{case}.json"))["application"].clone(),
    }
}

/// Which engine a row runs on.
#[derive(Clone, Copy, PartialEq, Debug)]
enum On {
    Embedded,
    /// The embedded pack with one more not-eligible subject kind, refused: the embedded pack
    /// has none (overseas is only unclear), so SUBJECT_NOT_ELIGIBLE is tested on the mechanism.
    RefusesReligious,
}

struct Row {
    code: &'static str,
    base: &'static str,
    set: Vec<(&'static str, Value)>,
    /// Some(path): the code must fire there; None: the code must not fire at all.
    at: Option<&'static str>,
    on: On,
}

fn fire(code: &'static str, base: &'static str, set: Vec<(&'static str, Value)>, at: &'static str) -> Row {
    Row { code, base, set, at: Some(at), on: On::Embedded }
}

fn silent(code: &'static str, base: &'static str, set: Vec<(&'static str, Value)>) -> Row {
    Row { code, base, set, at: None, on: On::Embedded }
}

fn del() -> Value {
    json!({"$delete": true})
}

/// The same identity number for the subject, both owners and the domain holder (base "P" and
/// the personal province cases).
fn everyone(id: &str) -> Vec<(&'static str, Value)> {
    [
        "/subject/certificate/number",
        "/subject/responsible_person/id_number",
        "/websites/0/responsible_person/id_number",
        "/domains/0/registrant/id_number",
    ]
    .into_iter()
    .map(|p| (p, json!(id)))
    .collect()
}

/// The same identity number for the subject owner and the website owner.
fn owners(id: &str) -> Vec<(&'static str, Value)> {
    vec![("/subject/responsible_person/id_number", json!(id)), ("/websites/0/responsible_person/id_number", json!(id))]
}

fn with(mut set: Vec<(&'static str, Value)>, at: &'static str, v: Value) -> Vec<(&'static str, Value)> {
    set.push((at, v));
    set
}

/// Uploads of these kinds, each a 300 000-byte JPEG.
fn uploads(kinds: &[&str]) -> Vec<(&'static str, Value)> {
    vec![("/materials", Value::Array(kinds.iter().map(|k| json!({"kind": k, "format": "jpg", "bytes": 300000})).collect()))]
}

/// A second personal website (for counts and mixed filing types).
fn second_site(filing_number: Option<&str>) -> Value {
    let mut w = json!({"name": "光影随笔二", "domain": "guangying-two.com", "service_content": ["blog"], "remarks": "个人摄影作品展示", "resource": 0});
    if let Some(n) = filing_number {
        w["filing_number"] = json!(n);
        w["filed_with"] = json!("other");
    }
    w
}

/// An authorisation code in good standing: its issuing server has exactly 30 days left.
fn auth_code() -> Value {
    json!({"kind": "authorization_code", "code": "BA-2026-0001", "issuer_account_kind": "enterprise", "issuer_resource_kind": "cvm", "codes_issued": 5,
        "region": "ap-shanghai", "public_ip": "203.0.113.10", "billing": "prepaid", "purchased_months": 12, "expires_at": "2026-12-29", "websites_filed": 0})
}

/// A Hebei resident ID (area 130102), for non-local filings in Shanghai.
const HEBEI_ID: &str = "13010219910707333X";

fn rows() -> Vec<Row> {
    let mut rows = vec![
        fire(INPUT_MISSING_FIELD, "P", vec![("/province", del())], "province"),
        silent(INPUT_MISSING_FIELD, "P", vec![("/province", json!("SH"))]),
        fire(INPUT_INVALID_VALUE, "P", vec![("/resources/0/purchased_months", json!(-1))], "resources[0].purchased_months"),
        silent(INPUT_INVALID_VALUE, "P", vec![("/resources/0/purchased_months", json!(0))]),
        fire(INPUT_UNKNOWN_FIELD, "P", vec![("/websites/0/servce_content", json!(["blog"]))], "websites[0].servce_content"),
        silent(INPUT_UNKNOWN_FIELD, "P", vec![("/websites/0/service_content", json!(["blog"]))]),
        fire(PROVINCE_UNKNOWN, "P", vec![("/province", json!("XX"))], "province"),
        silent(PROVINCE_UNKNOWN, "P", vec![("/province", json!("上海市"))]),
        fire(FACT_MISSING, "P", vec![("/resources/0/billing", del())], "resources[0].billing"),
        silent(FACT_MISSING, "P", vec![("/resources/0/billing", json!("prepaid"))]),
        fire(
            DOMAIN_INVALID,
            "P",
            vec![("/websites/0/domain", json!("guangying_suibi.com")), ("/domains/0/name", json!("guangying_suibi.com"))],
            "websites[0].domain",
        ),
        silent(
            DOMAIN_INVALID,
            "P",
            vec![("/websites/0/domain", json!("guangying-suibi.com")), ("/domains/0/name", json!("guangying-suibi.com"))],
        ),
        fire(
            DOMAIN_NOT_REGISTRABLE,
            "P",
            vec![("/websites/0/domain", json!("com.cn")), ("/domains/0/name", json!("com.cn"))],
            "websites[0].domain",
        ),
        silent(
            DOMAIN_NOT_REGISTRABLE,
            "P",
            vec![("/websites/0/domain", json!("guangying.com.cn")), ("/domains/0/name", json!("guangying.com.cn"))],
        ),
        fire(
            DOMAIN_TLD_NOT_APPROVED,
            "P",
            vec![("/websites/0/domain", json!("guangying.io")), ("/domains/0/name", json!("guangying.io"))],
            "websites[0].domain",
        ),
        silent(
            DOMAIN_TLD_NOT_APPROVED,
            "P",
            vec![("/websites/0/domain", json!("guangying.cn")), ("/domains/0/name", json!("guangying.cn"))],
        ),
        fire(
            DOMAIN_TLD_DISPUTED,
            "P",
            vec![("/websites/0/domain", json!("guangying.me")), ("/domains/0/name", json!("guangying.me"))],
            "websites[0].domain",
        ),
        silent(DOMAIN_TLD_DISPUTED, "P", vec![("/websites/0/domain", json!("guangying.net")), ("/domains/0/name", json!("guangying.net"))]),
        fire(
            DOMAIN_TLD_NOT_ALLOWED_IN_PROVINCE,
            "BJ-personal-remarks-given",
            vec![("/websites/0/domain", json!("guangying-suibi.asia")), ("/domains/0/name", json!("guangying-suibi.asia"))],
            "websites[0].domain",
        ),
        silent(DOMAIN_TLD_NOT_ALLOWED_IN_PROVINCE, "BJ-personal-remarks-given", vec![]),
        fire(
            DOMAIN_SUFFIX_RESERVED,
            "O",
            vec![("/websites/0/domain", json!("yunshan.gov.cn")), ("/domains/0/name", json!("yunshan.gov.cn"))],
            "websites[0].domain",
        ),
        silent(
            DOMAIN_SUFFIX_RESERVED,
            "O",
            vec![("/websites/0/domain", json!("yunshan.com.cn")), ("/domains/0/name", json!("yunshan.com.cn"))],
        ),
        fire(
            DOMAIN_SUFFIX_CONDITIONAL,
            "O",
            vec![
                ("/websites/0/domain", json!("云杉.政务.cn")),
                ("/domains/0/name", json!("云杉.政务.cn")),
                ("/subject/kind", json!("institution")),
            ],
            "websites[0].domain",
        ),
        silent(
            DOMAIN_SUFFIX_CONDITIONAL,
            "O",
            vec![
                ("/websites/0/domain", json!("云杉.政务.cn")),
                ("/domains/0/name", json!("云杉.政务.cn")),
                ("/subject/kind", json!("government")),
            ],
        ),
        fire(
            DOMAIN_RESERVED_WORD,
            "BJ-org-asia-domain",
            vec![("/websites/0/domain", json!("中国好人.cn")), ("/domains/0/name", json!("中国好人.cn"))],
            "websites[0].domain",
        ),
        silent(
            DOMAIN_RESERVED_WORD,
            "BJ-org-asia-domain",
            vec![("/websites/0/domain", json!("好人.cn")), ("/domains/0/name", json!("好人.cn"))],
        ),
        fire(DOMAIN_REGISTRAR_NOT_DOMESTIC, "P", vec![("/domains/0/registrar_domestic", json!(false))], "domains[0].registrar_domestic"),
        silent(DOMAIN_REGISTRAR_NOT_DOMESTIC, "P", vec![("/domains/0/registrar_domestic", json!(true))]),
        fire(DOMAIN_EXPIRED, "P", vec![("/domains/0/expires_at", json!("2026-11-29"))], "domains[0].expires_at"),
        silent(DOMAIN_EXPIRED, "P", vec![("/domains/0/expires_at", json!("2026-11-30"))]),
        fire(DOMAIN_VALIDITY_TOO_SHORT, "P", vec![("/domains/0/expires_at", json!("2027-02-28"))], "domains[0].expires_at"),
        silent(DOMAIN_VALIDITY_TOO_SHORT, "P", vec![("/domains/0/expires_at", json!("2027-03-01"))]),
        fire(DOMAIN_NOT_REAL_NAME_VERIFIED, "P", vec![("/domains/0/real_name_verified", json!(false))], "domains[0].real_name_verified"),
        silent(DOMAIN_NOT_REAL_NAME_VERIFIED, "P", vec![("/domains/0/real_name_verified", json!(true))]),
        fire(
            DOMAIN_REAL_NAME_TOO_RECENT,
            "P",
            vec![("/domains/0/real_name_verified_at", json!("2026-11-26"))],
            "domains[0].real_name_verified_at",
        ),
        silent(DOMAIN_REAL_NAME_TOO_RECENT, "P", vec![("/domains/0/real_name_verified_at", json!("2026-11-24"))]),
        fire(DOMAIN_OWNER_MISMATCH, "P", vec![("/domains/0/registrant/name", json!("王芳"))], "domains[0].registrant.name"),
        silent(DOMAIN_OWNER_MISMATCH, "P", vec![("/domains/0/registrant/name", json!("李明"))]),
        fire(DOMAIN_ALREADY_FILED, "P", vec![("/domains/0/filing_number", json!("京ICP备17000001号-1"))], "domains[0].filing_number"),
        silent(DOMAIN_ALREADY_FILED, "A", vec![("/domains/0/filing_number", json!("沪ICP备2021012345号-1"))]),
        fire(DOMAIN_FACTS_MISSING, "P", vec![("/domains/0/name", json!("other-site.com"))], "websites[0].domain"),
        silent(DOMAIN_FACTS_MISSING, "P", vec![("/domains/0/name", json!("www.guangying-suibi.com"))]),
        fire(RESOURCE_MISSING, "P", vec![("/resources", json!([])), ("/websites/0/resource", del())], "resources"),
        silent(RESOURCE_MISSING, "P", vec![]),
        fire(RESOURCE_NOT_MAINLAND, "P", vec![("/resources/0/region", json!("ap-hongkong"))], "resources[0].region"),
        silent(RESOURCE_NOT_MAINLAND, "P", vec![("/resources/0/region", json!("ap-guangzhou"))]),
        fire(RESOURCE_REGION_UNKNOWN, "P", vec![("/resources/0/region", json!("ap-mars"))], "resources[0].region"),
        silent(RESOURCE_REGION_UNKNOWN, "P", vec![("/resources/0/region", json!("ap-beijing"))]),
        fire(RESOURCE_NO_PUBLIC_IP, "P", vec![("/resources/0/public_ip", json!(""))], "resources[0].public_ip"),
        silent(RESOURCE_NO_PUBLIC_IP, "P", vec![("/resources/0/public_ip", json!("203.0.113.11"))]),
        fire(RESOURCE_BILLING_NOT_PREPAID, "P", vec![("/resources/0/billing", json!("postpaid"))], "resources[0].billing"),
        silent(RESOURCE_BILLING_NOT_PREPAID, "P", vec![("/resources/0/billing", json!("prepaid"))]),
        fire(RESOURCE_TERM_TOO_SHORT, "P", vec![("/resources/0/purchased_months", json!(2))], "resources[0].purchased_months"),
        silent(RESOURCE_TERM_TOO_SHORT, "P", vec![("/resources/0/purchased_months", json!(3))]),
        fire(RESOURCE_REMAINING_TOO_SHORT, "P", vec![("/resources/0/expires_at", json!("2026-12-28"))], "resources[0].expires_at"),
        silent(RESOURCE_REMAINING_TOO_SHORT, "P", vec![("/resources/0/expires_at", json!("2026-12-29"))]),
        fire(RESOURCE_EXPIRED, "P", vec![("/resources/0/expires_at", json!("2026-11-29"))], "resources[0].expires_at"),
        silent(RESOURCE_EXPIRED, "P", vec![("/resources/0/expires_at", json!("2026-11-30"))]),
        fire(RESOURCE_QUOTA_EXCEEDED, "P", vec![("/resources/0/websites_filed", json!(5))], "resources[0]"),
        silent(RESOURCE_QUOTA_EXCEEDED, "P", vec![("/resources/0/websites_filed", json!(4))]),
        fire(RESOURCE_KIND_NOT_SUPPORTED, "P", vec![("/resources/0/kind", json!("cloudbase_run"))], "resources[0].kind"),
        silent(RESOURCE_KIND_NOT_SUPPORTED, "A", vec![("/resources/0/kind", json!("cloudbase_run"))]),
        fire(
            SUBJECT_CERTIFICATE_INVALID,
            "P",
            vec![("/subject/certificate/number", json!("310104199001011230"))],
            "subject.certificate.number",
        ),
        silent(SUBJECT_CERTIFICATE_INVALID, "P", vec![("/subject/certificate/number", json!("310104199001011233"))]),
        fire(
            SUBJECT_CERTIFICATE_TYPE_NOT_ALLOWED,
            "P",
            vec![("/subject/certificate/type", json!("business_license"))],
            "subject.certificate.type",
        ),
        silent(SUBJECT_CERTIFICATE_TYPE_NOT_ALLOWED, "P", vec![("/subject/certificate/type", json!("resident_id"))]),
        fire(
            SUBJECT_CERTIFICATE_EXPIRING,
            "P",
            vec![("/subject/certificate/valid_until", json!("2027-02-27"))],
            "subject.certificate.valid_until",
        ),
        silent(SUBJECT_CERTIFICATE_EXPIRING, "P", vec![("/subject/certificate/valid_until", json!("2027-02-28"))]),
        fire(SUBJECT_CROSS_PROVINCE, "O", vec![("/subject/certificate/number", json!("91110105MA1FL1234Q"))], "subject.certificate.number"),
        silent(SUBJECT_CROSS_PROVINCE, "O", vec![]),
        fire(SUBJECT_ADDRESS_NOT_ACCEPTED, "P", vec![("/subject/address", json!("上海市市辖区漕溪北路1号"))], "subject.address"),
        silent(SUBJECT_ADDRESS_NOT_ACCEPTED, "P", vec![("/subject/address", json!("上海市徐汇区漕溪北路1号"))]),
        fire(SUBJECT_ELIGIBILITY_UNCLEAR, "O", vec![("/subject/kind", json!("overseas"))], "subject.kind"),
        silent(SUBJECT_ELIGIBILITY_UNCLEAR, "O", vec![("/subject/kind", json!("enterprise"))]),
        fire(
            PERSON_ID_INVALID,
            "P",
            vec![("/websites/0/responsible_person/id_number", json!("310104199001011230"))],
            "websites[0].responsible_person.id_number",
        ),
        fire(
            PERSON_ID_INVALID,
            "P",
            vec![("/subject/responsible_person/id_number", json!("310104199001011230"))],
            "subject.responsible_person.id_number",
        ),
        fire(
            PERSON_ID_INVALID,
            "O",
            vec![("/subject/responsible_person/id_number", json!("310105198505053210"))],
            "subject.responsible_person.id_number",
        ),
        silent(PERSON_ID_INVALID, "O", vec![("/subject/responsible_person/id_number", json!("31010519850505321x"))]),
        // Jiangxi: 16 or older (P-JX). Born 2010-11-30: 15 on 2026-11-29; born 2010-11-29: 16.
        fire(PERSON_UNDERAGE, "JX-personal-sixteen", everyone("360102201011301230"), "subject.responsible_person.id_number"),
        silent(PERSON_UNDERAGE, "JX-personal-sixteen", everyone("360102201011291239")),
        // Tianjin: owners under 60 (men) / 55 (women) (P-TJ); exactly 60 or 55 is too old.
        fire(PERSON_OVER_AGE, "TJ-org-retired-owner", owners("120101196611291238"), "subject.responsible_person.id_number"),
        fire(PERSON_OVER_AGE, "TJ-org-retired-owner", owners("120101196611291238"), "websites[0].responsible_person.id_number"),
        silent(PERSON_OVER_AGE, "TJ-org-retired-owner", owners("12010119661130123X")),
        fire(PERSON_OVER_AGE, "TJ-org-retired-owner", owners("120101197111291244"), "subject.responsible_person.id_number"),
        silent(PERSON_OVER_AGE, "TJ-org-retired-owner", owners("120101197111301246")),
        // Shanghai: a non-local ID (Hebei's) needs a Shanghai residence permit valid more than 1 month.
        fire(PERSON_NONLOCAL_ID, "P", everyone(HEBEI_ID), "subject.certificate.number"),
        silent(
            PERSON_NONLOCAL_ID,
            "P",
            with(everyone(HEBEI_ID), "/subject/residence_permit", json!({"province": "上海", "valid_until": "2026-12-30"})),
        ),
        fire(
            PERSON_RESIDENCE_PERMIT_EXPIRED,
            "P",
            with(everyone(HEBEI_ID), "/subject/residence_permit", json!({"province": "上海", "valid_until": "2026-12-29"})),
            "subject.residence_permit.valid_until",
        ),
        silent(
            PERSON_RESIDENCE_PERMIT_EXPIRED,
            "P",
            with(everyone(HEBEI_ID), "/subject/residence_permit", json!({"province": "上海", "valid_until": "2026-12-30"})),
        ),
        fire(
            RESPONSIBLE_NOT_LEGAL_REPRESENTATIVE,
            "ZJ-org-owner-not-legal-rep",
            vec![],
            "subject.responsible_person.is_legal_representative",
        ),
        silent(
            RESPONSIBLE_NOT_LEGAL_REPRESENTATIVE,
            "ZJ-org-owner-not-legal-rep",
            vec![("/subject/responsible_person/is_legal_representative", json!(true))],
        ),
        fire(WEBSITE_OWNER_NOT_SUBJECT_OWNER, "HL-org-delegated-owner-other-website-owner", vec![], "websites[0].responsible_person"),
        silent(WEBSITE_OWNER_NOT_SUBJECT_OWNER, "HL-org-legal-rep-other-website-owner", vec![]),
        fire(
            CONTACT_MOBILE_INVALID,
            "P",
            vec![("/subject/responsible_person/emergency_mobile", json!("1391234567"))],
            "subject.responsible_person.emergency_mobile",
        ),
        silent(CONTACT_MOBILE_INVALID, "P", vec![("/subject/responsible_person/emergency_mobile", json!("+86 139 1234 5678"))]),
        // Beijing: 3 of the owners' 4 numbers distinct; the fixture's two owners swap two numbers.
        fire(CONTACT_NUMBERS_NOT_DISTINCT, "BJ-org-three-numbers", vec![], "websites[0].responsible_person"),
        silent(
            CONTACT_NUMBERS_NOT_DISTINCT,
            "BJ-org-three-numbers",
            vec![("/websites/0/responsible_person/emergency_mobile", json!("13655556666"))],
        ),
        fire(ACCOUNT_SUBJECT_MISMATCH, "P", vec![("/account/real_name", json!("王芳"))], "account.real_name"),
        silent(ACCOUNT_SUBJECT_MISMATCH, "P", vec![("/account/real_name", json!("李明"))]),
        fire(
            ACCOUNT_REAL_NAME_TOO_RECENT,
            "P",
            vec![("/account/real_name_verified_at", json!("2026-11-27T00:00:01+08:00"))],
            "account.real_name_verified_at",
        ),
        silent(ACCOUNT_REAL_NAME_TOO_RECENT, "P", vec![("/account/real_name_verified_at", json!("2026-11-27T00:00:00+08:00"))]),
        fire(
            ACCOUNT_SECURITY_MOBILE_MISMATCH,
            "P",
            vec![("/account/security_mobile", json!("13812345679"))],
            "subject.responsible_person.mobile",
        ),
        silent(ACCOUNT_SECURITY_MOBILE_MISMATCH, "P", vec![("/account/security_mobile", json!("+8613812345678"))]),
        fire(ACCOUNT_ORDER_IN_PROGRESS, "P", vec![("/account/has_order_in_progress", json!(true))], "account.has_order_in_progress"),
        silent(ACCOUNT_ORDER_IN_PROGRESS, "P", vec![("/account/has_order_in_progress", json!(false))]),
        fire(WEBSITE_COUNT_EXCEEDED, "P", vec![("/websites/-", second_site(None))], "websites"),
        silent(WEBSITE_COUNT_EXCEEDED, "P", vec![]),
        fire(WEBSITE_NAME_TOO_SHORT, "P", vec![("/websites/0/name", json!("光影"))], "websites[0].name"),
        silent(WEBSITE_NAME_TOO_SHORT, "P", vec![("/websites/0/name", json!("光影a"))]),
        fire(WEBSITE_NAME_NOT_CHINESE, "P", vec![("/websites/0/name", json!("12345"))], "websites[0].name"),
        silent(WEBSITE_NAME_NOT_CHINESE, "P", vec![("/websites/0/name", json!("光12345"))]),
        fire(WEBSITE_NAME_FORBIDDEN_SYMBOL, "P", vec![("/websites/0/name", json!("光影!随笔"))], "websites[0].name"),
        silent(WEBSITE_NAME_FORBIDDEN_SYMBOL, "P", vec![("/websites/0/name", json!("光影(随笔)-a"))]),
        fire(WEBSITE_NAME_RESERVED_WORD, "P", vec![("/websites/0/name", json!("中国光影"))], "websites[0].name"),
        silent(WEBSITE_NAME_RESERVED_WORD, "P", vec![("/websites/0/name", json!("光影随笔"))]),
        fire(WEBSITE_NAME_NOT_PERSONAL, "P", vec![("/websites/0/name", json!("光影工作室"))], "websites[0].name"),
        silent(WEBSITE_NAME_NOT_PERSONAL, "P", vec![("/websites/0/name", json!("光影随笔"))]),
        fire(
            WEBSITE_SERVICE_NOT_ALLOWED,
            "P",
            vec![("/websites/0/service_content", json!(["blog", "forum"]))],
            "websites[0].service_content[1]",
        ),
        silent(WEBSITE_SERVICE_NOT_ALLOWED, "P", vec![("/websites/0/service_content", json!(["blog", "other"]))]),
        fire(WEBSITE_REMARKS_REQUIRED, "CQ-personal-other-no-remarks", vec![], "websites[0].remarks"),
        silent(WEBSITE_REMARKS_REQUIRED, "CQ-personal-other-with-remarks", vec![]),
        fire(
            PRE_APPROVAL_REQUIRED,
            "O",
            vec![("/websites/0/service_content", json!(["enterprise_site", "news"]))],
            "websites[0].service_content[1]",
        ),
        silent(
            PRE_APPROVAL_REQUIRED,
            "O",
            vec![
                ("/websites/0/service_content", json!(["enterprise_site", "news"])),
                ("/websites/0/pre_approvals", json!([{"category": "news", "document_number": "国新网许字2026-001"}])),
            ],
        ),
        fire(
            PRE_APPROVAL_REQUIRED,
            "O",
            vec![
                ("/websites/0/service_content", json!(["enterprise_site", "news"])),
                ("/websites/0/pre_approvals", json!([{"category": "news", "document_number": " "}])),
            ],
            "websites[0].service_content[1]",
        ),
        fire(PRE_APPROVAL_NOT_AVAILABLE, "P", vec![("/websites/0/service_content", json!(["news"]))], "websites[0].service_content[0]"),
        silent(PRE_APPROVAL_NOT_AVAILABLE, "P", vec![("/websites/0/service_content", json!(["blog"]))]),
        fire(PRE_APPROVAL_POSSIBLE, "O", vec![("/websites/0/name", json!("云杉视频分享"))], "websites[0].name"),
        silent(PRE_APPROVAL_POSSIBLE, "O", vec![("/websites/0/name", json!("云杉图片分享"))]),
        fire(FILING_TYPE_MISMATCH, "P", vec![("/filing_type", json!("access_filing"))], "filing_type"),
        silent(FILING_TYPE_MISMATCH, "P", vec![("/filing_type", json!("first_filing"))]),
        // Access filings and new websites cannot share an order (F14): the first new website is named.
        fire(FILING_TYPE_COMBINATION, "A", vec![("/websites/-", second_site(None))], "websites[1]"),
        silent(FILING_TYPE_COMBINATION, "A", vec![("/websites/-", second_site(Some("沪ICP备2021012345号-2")))]),
        fire(FILING_NUMBER_INVALID, "A", vec![("/websites/0/filing_number", json!("沪ICP备2021099999号-1"))], "websites[0].filing_number"),
        silent(FILING_NUMBER_INVALID, "A", vec![("/websites/0/filing_number", json!("沪ICP备2021012345号-2"))]),
        fire(MATERIAL_MISSING, "P", uploads(&["id_card_front", "id_card_back", "domain_real_name_proof"]), "materials"),
        silent(MATERIAL_MISSING, "P", uploads(&["id_card_front", "id_card_back", "domain_real_name_proof", "verification_photo"])),
        fire(
            MATERIAL_FORMAT_NOT_ALLOWED,
            "P",
            vec![("/materials", json!([{"kind": "verification_photo", "format": "bmp", "bytes": 300000}]))],
            "materials[0].format",
        ),
        silent(
            MATERIAL_FORMAT_NOT_ALLOWED,
            "P",
            vec![("/materials", json!([{"kind": "verification_photo", "format": "gif", "bytes": 300000}]))],
        ),
        fire(
            MATERIAL_SIZE_OUT_OF_RANGE,
            "P",
            vec![("/materials", json!([{"kind": "verification_photo", "format": "jpg", "bytes": 9437185}]))],
            "materials[0].bytes",
        ),
        silent(
            MATERIAL_SIZE_OUT_OF_RANGE,
            "P",
            vec![("/materials", json!([{"kind": "verification_photo", "format": "jpg", "bytes": 9437184}]))],
        ),
        fire(
            MATERIAL_SIZE_OUT_OF_RANGE,
            "P",
            vec![("/materials", json!([{"kind": "verification_photo", "format": "jpg", "bytes": 204799}]))],
            "materials[0].bytes",
        ),
        silent(
            MATERIAL_SIZE_OUT_OF_RANGE,
            "P",
            vec![("/materials", json!([{"kind": "verification_photo", "format": "jpg", "bytes": 204800}]))],
        ),
        fire(
            MATERIAL_TOO_OLD,
            "P",
            vec![("/materials", json!([{"kind": "residence_permit", "format": "jpg", "bytes": 300000, "issued_at": "2026-08-28"}]))],
            "materials[0].issued_at",
        ),
        silent(
            MATERIAL_TOO_OLD,
            "P",
            vec![("/materials", json!([{"kind": "residence_permit", "format": "jpg", "bytes": 300000, "issued_at": "2026-08-29"}]))],
        ),
    ];
    // 备案授权码 (S04, F01): issued by an enterprise account's CVM, at most 5 per server, void
    // once the issuing server has fewer than 30 days left (2026-12-29 is 30 days after as_of).
    let code = |field: &'static str, v: Value| vec![("/resources/0", auth_code()), (field, v)];
    rows.extend([
        fire(AUTH_CODE_NOT_ALLOWED, "P", code("/resources/0/issuer_account_kind", json!("personal")), "resources[0].issuer_account_kind"),
        fire(
            AUTH_CODE_NOT_ALLOWED,
            "P",
            code("/resources/0/issuer_resource_kind", json!("lighthouse")),
            "resources[0].issuer_resource_kind",
        ),
        silent(AUTH_CODE_NOT_ALLOWED, "P", code("/resources/0/issuer_account_kind", json!("enterprise"))),
        fire(AUTH_CODE_QUOTA_EXCEEDED, "P", code("/resources/0/codes_issued", json!(6)), "resources[0].codes_issued"),
        silent(AUTH_CODE_QUOTA_EXCEEDED, "P", code("/resources/0/codes_issued", json!(5))),
        fire(AUTH_CODE_EXPIRED, "P", code("/resources/0/expires_at", json!("2026-12-28")), "resources[0].expires_at"),
        silent(AUTH_CODE_EXPIRED, "P", code("/resources/0/expires_at", json!("2026-12-29"))),
    ]);
    // The fact contract (DESIGN.md "Facts: absent, null, value"): absent is unknown
    // (FACT_MISSING), null states the thing does not exist.
    rows.extend([
        fire(RESOURCE_NO_PUBLIC_IP, "P", vec![("/resources/0/public_ip", Value::Null)], "resources[0].public_ip"),
        fire(FACT_MISSING, "P", vec![("/resources/0/public_ip", del())], "resources[0].public_ip"),
        silent(FACT_MISSING, "P", vec![("/resources/0/public_ip", Value::Null)]),
        fire(
            DOMAIN_NOT_REAL_NAME_VERIFIED,
            "P",
            vec![("/domains/0/real_name_verified_at", Value::Null)],
            "domains[0].real_name_verified_at",
        ),
        silent(DOMAIN_NOT_REAL_NAME_VERIFIED, "P", vec![("/domains/0/real_name_verified_at", json!("2021-02-01"))]),
        fire(FACT_MISSING, "P", vec![("/domains/0/real_name_verified_at", del())], "domains[0].real_name_verified_at"),
        // A certificate without an expiry date is long-term (长期); one whose date is not given is unknown.
        silent(SUBJECT_CERTIFICATE_EXPIRING, "P", vec![("/subject/certificate/valid_until", Value::Null)]),
        silent(FACT_MISSING, "P", vec![("/subject/certificate/valid_until", Value::Null)]),
        fire(FACT_MISSING, "P", vec![("/subject/certificate/valid_until", del())], "subject.certificate.valid_until"),
        fire(FACT_MISSING, "P", vec![("/subject/responsible_person/id_valid_until", del())], "subject.responsible_person.id_valid_until"),
        silent(FACT_MISSING, "P", vec![("/subject/responsible_person/id_valid_until", Value::Null)]),
        // The account: never real-name verified (null) against not said (absent).
        fire(ACCOUNT_NOT_REAL_NAME_VERIFIED, "P", vec![("/account/real_name_verified_at", Value::Null)], "account.real_name_verified_at"),
        fire(ACCOUNT_NOT_REAL_NAME_VERIFIED, "P", vec![("/account/real_name", Value::Null)], "account.real_name"),
        silent(ACCOUNT_NOT_REAL_NAME_VERIFIED, "P", vec![("/account/real_name_verified_at", json!("2026-11-27T00:00:00+08:00"))]),
        fire(FACT_MISSING, "P", vec![("/account/real_name_verified_at", del())], "account.real_name_verified_at"),
        // An individual's pre-approval document changes nothing: individuals cannot hold one (F07).
        fire(
            PRE_APPROVAL_NOT_AVAILABLE,
            "P",
            vec![
                ("/websites/0/service_content", json!(["news"])),
                ("/websites/0/pre_approvals", json!([{"category": "news", "document_number": "国新网许字2026-001"}])),
            ],
            "websites[0].pre_approvals[0]",
        ),
        // The domain holder is the filer by name, ID type and number.
        fire(DOMAIN_OWNER_MISMATCH, "P", vec![("/domains/0/registrant/id_type", json!("passport"))], "domains[0].registrant.id_number"),
        fire(
            DOMAIN_OWNER_MISMATCH,
            "P",
            vec![("/domains/0/registrant/id_number", json!("310104199001011234"))],
            "domains[0].registrant.id_number",
        ),
        silent(DOMAIN_OWNER_MISMATCH, "P", vec![("/domains/0/registrant/id_type", json!("resident_id"))]),
        fire(WEBSITE_NAME_SENSITIVE_WORD, "P", vec![("/websites/0/name", json!("反腐随笔"))], "websites[0].name"),
        silent(WEBSITE_NAME_SENSITIVE_WORD, "P", vec![("/websites/0/name", json!("反思随笔"))]),
        // A filing number names its province (京 = Beijing), which must be this filing's.
        fire(
            FILING_NUMBER_PROVINCE_MISMATCH,
            "A",
            vec![("/subject/filing_number", json!("京ICP备2021012345号")), ("/websites/0/filing_number", json!("京ICP备2021012345号-1"))],
            "websites[0].filing_number",
        ),
        fire(FILING_NUMBER_PROVINCE_MISMATCH, "A", vec![("/subject/filing_number", json!("京ICP备2021012345号"))], "subject.filing_number"),
        silent(FILING_NUMBER_PROVINCE_MISMATCH, "A", vec![("/subject/filing_number", json!("沪ICP备2021012345号"))]),
        // A subject's number has no -N website serial (killed two surviving mutants, docs/MUTANTS.md).
        fire(FILING_NUMBER_INVALID, "A", vec![("/subject/filing_number", json!("沪ICP备2021012345号-1"))], "subject.filing_number"),
        // An authorisation code's resource is checked like a server's.
        fire(RESOURCE_NOT_MAINLAND, "P", code("/resources/0/region", json!("ap-hongkong")), "resources[0].region"),
        fire(RESOURCE_NO_PUBLIC_IP, "P", code("/resources/0/public_ip", Value::Null), "resources[0].public_ip"),
        fire(RESOURCE_BILLING_NOT_PREPAID, "P", code("/resources/0/billing", json!("postpaid")), "resources[0].billing"),
        fire(RESOURCE_TERM_TOO_SHORT, "P", code("/resources/0/purchased_months", json!(2)), "resources[0].purchased_months"),
        silent(RESOURCE_TERM_TOO_SHORT, "P", code("/resources/0/purchased_months", json!(3))),
        fire(FACT_MISSING, "P", code("/resources/0/region", del()), "resources[0].region"),
    ]);
    // SUBJECT_NOT_ELIGIBLE: the embedded pack refuses no kind outright; overseas stays unclear.
    rows.push(silent(SUBJECT_NOT_ELIGIBLE, "O", vec![("/subject/kind", json!("overseas"))]));
    rows.push(Row {
        on: On::RefusesReligious,
        ..fire(SUBJECT_NOT_ELIGIBLE, "O", vec![("/subject/kind", json!("religious"))], "subject.kind")
    });
    rows.push(Row { on: On::RefusesReligious, ..silent(SUBJECT_NOT_ELIGIBLE, "O", vec![("/subject/kind", json!("enterprise"))]) });
    rows
}

fn apply(app: &mut Value, set: &[(&str, Value)]) {
    for (ptr, v) in set {
        let (parent, last) = ptr.rsplit_once('/').unwrap();
        let slot = app.pointer_mut(parent).unwrap_or_else(|| panic!("no {parent} in the base"));
        match (slot, last) {
            (Value::Array(a), "-") => a.push(v.clone()),
            (Value::Array(a), i) if *v == del() => {
                a.remove(i.parse().unwrap());
            }
            (Value::Array(a), i) => a[i.parse::<usize>().unwrap()] = v.clone(),
            (Value::Object(m), k) if *v == del() => {
                m.remove(k);
            }
            (Value::Object(m), k) => {
                m.insert(k.to_owned(), v.clone());
            }
            (other, _) => panic!("{ptr}: cannot set inside {other}"),
        }
    }
}

fn engine(on: On) -> Engine {
    match on {
        On::Embedded => Engine::embedded(),
        On::RefusesReligious => {
            let mut pack: Value = serde_json::from_slice(beiancheck::EMBEDDED_PACK).unwrap();
            pack["subjects"]["not_eligible"].as_array_mut().unwrap().push(json!({
                "kind": "religious", "eligibility": "refused", "reason_zh": "测试：不接受", "reason_en": "test: refused", "source": "tencent/facts.md §5"
            }));
            Engine::from_pack(&serde_json::to_vec(&pack).unwrap()).unwrap()
        }
    }
}

fn describe(r: &Row) -> String {
    let set: Vec<String> = r.set.iter().map(|(p, v)| format!("{p}={v}")).collect();
    format!("{} on {} with [{}]", r.code, r.base, set.join(", "))
}

#[test]
fn every_code_fires_at_its_boundary_and_stays_silent_inside() {
    let engines = [(On::Embedded, engine(On::Embedded)), (On::RefusesReligious, engine(On::RefusesReligious))];
    let mut wrong = Vec::new();
    for r in rows() {
        let mut app = base(r.base);
        apply(&mut app, &r.set);
        let e = &engines.iter().find(|(on, _)| *on == r.on).unwrap().1;
        let report = match e.check_value_at(&app, None) {
            Ok(rep) => rep,
            Err(err) => {
                wrong.push(format!("{}: an input error, not a report: {err:?}", describe(&r)));
                continue;
            }
        };
        let found: Vec<(&str, &str)> = report.findings.iter().map(|f| (f.code, f.path.as_str())).collect();
        match r.at {
            Some(at) if !found.contains(&(r.code, at)) => wrong.push(format!("{}: must fire at {at}; findings {found:?}", describe(&r))),
            None if found.iter().any(|(c, _)| *c == r.code) => {
                wrong.push(format!("{}: must stay silent; findings {found:?}", describe(&r)))
            }
            _ => {}
        }
    }
    assert!(wrong.is_empty(), "{} rows do not hold:\n{}", wrong.len(), wrong.join("\n"));
}

/// The two codes that are input errors, not findings: INPUT_MALFORMED (line and column) and
/// INPUT_LIMIT_EXCEEDED (the limit and the path).
#[test]
fn input_errors_at_their_boundaries() {
    let e = Engine::embedded();
    let err = e.check_json("{\"province\": \"SH\",\n}").unwrap_err();
    assert_eq!((err.code, err.line), (INPUT_MALFORMED, 2));
    assert!(e.check_json("{\"province\": \"SH\"\n}").is_ok());
    // max_websites: exactly the limit passes, one more is refused, naming the field.
    let limited = Engine::embedded().with_limits(Limits { max_websites: 1, ..Limits::default() });
    let mut app = personal();
    assert!(limited.check_value_at(&app, None).is_ok());
    app["websites"].as_array_mut().unwrap().push(second_site(None));
    let err = limited.check_value_at(&app, None).unwrap_err();
    assert_eq!((err.code, err.path.as_deref()), (INPUT_LIMIT_EXCEEDED, Some("websites")), "{err:?}");
}

/// Every code of the catalogue has a firing row and a silent row above (the input errors have
/// input_errors_at_their_boundaries), and every row's code is a catalogue code.
#[test]
fn the_table_covers_the_catalogue() {
    let engine = Engine::embedded();
    let pack = engine.pack();
    let catalogue: Vec<&str> = pack.catalogue.entries().map(|(_, e)| e.code.as_ref()).collect();
    assert_eq!(catalogue.len(), ALL.len());
    let rows = rows();
    let mut gaps = Vec::new();
    for code in &catalogue {
        if [INPUT_MALFORMED, INPUT_LIMIT_EXCEEDED].contains(code) {
            continue;
        }
        if !rows.iter().any(|r| r.code == *code && r.at.is_some()) {
            gaps.push(format!("{code}: no row makes it fire"));
        }
        if !rows.iter().any(|r| r.code == *code && r.at.is_none()) {
            gaps.push(format!("{code}: no row keeps it silent"));
        }
    }
    for r in &rows {
        assert!(catalogue.contains(&r.code), "a row for {}, which the catalogue lacks", r.code);
    }
    assert!(gaps.is_empty(), "\n{}", gaps.join("\n"));
}

/// The bases are clean: every finding a row sees comes from what the row set.
#[test]
fn the_bases_are_clean() {
    let e = Engine::embedded();
    for b in ["P", "O", "A"] {
        let r = e.check_value_at(&base(b), None).unwrap();
        assert!(r.findings.is_empty(), "base {b}: {:?}", r.findings.iter().map(|f| (f.code, &f.path)).collect::<Vec<_>>());
    }
}
