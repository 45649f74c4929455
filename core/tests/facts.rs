//! The fact contract (DESIGN.md, "Facts: absent, null, value"), field by field: every field of
//! the application is driven through absent / null / a passing value / a failing value on a
//! complete application that is `eligible`, and each answer is the contract's: absent is
//! `FACT_MISSING` (or a claim that is the same as `null`), null is "does not exist" (or an
//! invalid value where that means nothing), a value is checked. `every_field_has_a_row` keeps
//! the table complete: a field the reader learns without a row here fails.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
use beiancheck::model::field_paths;
use beiancheck::{Engine, Report, Verdict};
use serde_json::{json, Value};

/// What the engine must answer for one state of one field.
#[derive(Clone, Copy, Debug)]
enum Expect {
    /// Still eligible: nothing is reported at or under the field.
    Ok,
    /// Unknown: `FACT_MISSING` at the field (or under it), and never `eligible`.
    Missing,
    /// This code, at or under the field.
    Code(&'static str),
    /// This code anywhere (rules that report where the fix is, not where the fact is).
    CodeAt(&'static str, &'static str),
    /// The part is not run and the report names it in `not_checked`.
    NotChecked(&'static str),
    /// `INPUT_INVALID_VALUE` at the field.
    Invalid,
    /// `INPUT_MISSING_FIELD` at the field.
    Required,
}
use Expect::*;

/// A base application that is eligible with every fact given.
#[derive(Clone, Copy, Debug)]
enum Base {
    /// A Shanghai individual's access filing (shared case 001).
    Person,
    /// The same in Beijing, whose bureau requires remarks from individuals.
    PersonBj,
    /// The same with a Beijing ID and a Shanghai residence permit.
    PersonWithPermit,
    /// A Shanghai enterprise's first filing (examples/).
    Org,
    /// The enterprise on an authorisation code.
    OrgCode,
    /// The enterprise behind a CLB bound to a CVM.
    OrgClb,
    /// The person with an upload.
    PersonMaterials,
    /// The enterprise with a pre-approval document for a news website.
    OrgPreApproval,
    /// The enterprise filing in Shaanxi, whose bureau limits an organisation to 30 websites.
    OrgSn,
}

struct Row {
    /// The field, `[]` for every list element (the first is changed).
    field: &'static str,
    base: Base,
    absent: Expect,
    null: Expect,
    pass: Option<Value>,
    fail: Option<(Value, Expect)>,
    /// Why, where the row is not the plain contract (a claim, a field no rule reads).
    why: &'static str,
}

fn row(field: &'static str, base: Base, absent: Expect, null: Expect, pass: Option<Value>, fail: Option<(Value, Expect)>) -> Row {
    Row { field, base, absent, null, pass, fail, why: "" }
}

fn rows() -> Vec<Row> {
    use Base::*;
    let s = |v: &str| Some(json!(v));
    let bad = |v: Value, e: Expect| Some((v, e));
    const NONLOCAL: Expect = CodeAt("PERSON_NONLOCAL_ID", "subject.certificate.number");
    let claim = "a claim that relaxes a rule: left out is the same as null (DESIGN.md)";
    let unread = "no rule reads this field: it is carried for the filing itself";
    vec![
        Row {
            why: "the evaluation date: left out, the injected default date is used",
            ..row("as_of", Person, Ok, Invalid, s("2026-11-29"), bad(json!("2026-13-01"), Invalid))
        },
        row("province", Person, Required, Invalid, s("上海"), bad(json!("ZZ"), Code("PROVINCE_UNKNOWN"))),
        Row {
            why: "what the applicant believes; the engine derives its own",
            ..row("filing_type", Person, Ok, Ok, s("access_filing"), bad(json!("first_filing"), Code("FILING_TYPE_MISMATCH")))
        },
        row("account", Person, NotChecked("account"), NotChecked("account"), None, bad(json!([]), Invalid)),
        row("account.kind", Person, Missing, Invalid, s("personal"), bad(json!("company"), Invalid)),
        row(
            "account.real_name",
            Person,
            Missing,
            Code("ACCOUNT_NOT_REAL_NAME_VERIFIED"),
            s("李明"),
            bad(json!("李强"), Code("ACCOUNT_SUBJECT_MISMATCH")),
        ),
        row(
            "account.real_name_verified_at",
            Person,
            Missing,
            Code("ACCOUNT_NOT_REAL_NAME_VERIFIED"),
            s("2026-11-26T23:59:59+08:00"),
            bad(json!("2026-11-27T00:00:01+08:00"), Code("ACCOUNT_REAL_NAME_TOO_RECENT")),
        ),
        row(
            "account.security_mobile",
            Person,
            Missing,
            Code("ACCOUNT_SECURITY_MOBILE_MISMATCH"),
            s("+86 138 1234 5678"),
            bad(json!("13900000000"), CodeAt("ACCOUNT_SECURITY_MOBILE_MISMATCH", "subject.responsible_person.mobile")),
        ),
        row("account.has_order_in_progress", Person, Missing, Ok, Some(json!(false)), bad(json!(true), Code("ACCOUNT_ORDER_IN_PROGRESS"))),
        row("subject", Person, Required, Invalid, None, bad(json!("李明"), Invalid)),
        row("subject.kind", Person, Required, Invalid, s("individual"), bad(json!("overseas"), Code("SUBJECT_ELIGIBILITY_UNCLEAR"))),
        row(
            "subject.name",
            Person,
            Required,
            Invalid,
            s("李明"),
            bad(json!("李强"), CodeAt("ACCOUNT_SUBJECT_MISMATCH", "account.real_name")),
        ),
        row("subject.certificate", Person, Missing, Invalid, None, bad(json!("310104199001011233"), Invalid)),
        row(
            "subject.certificate.type",
            Person,
            Missing,
            Invalid,
            s("resident_id"),
            bad(json!("business_license"), Code("SUBJECT_CERTIFICATE_TYPE_NOT_ALLOWED")),
        ),
        row(
            "subject.certificate.number",
            Person,
            Missing,
            Invalid,
            s("310104199001011233"),
            bad(json!("310104199001011230"), Code("SUBJECT_CERTIFICATE_INVALID")),
        ),
        row(
            "subject.certificate.valid_until",
            Person,
            Missing,
            Ok,
            s("2027-02-28"),
            bad(json!("2027-02-27"), Code("SUBJECT_CERTIFICATE_EXPIRING")),
        ),
        row(
            "subject.address",
            Person,
            Missing,
            Ok,
            s("上海市徐汇区漕溪北路1号"),
            bad(json!("上海市市辖区漕溪北路1号"), Code("SUBJECT_ADDRESS_NOT_ACCEPTED")),
        ),
        Row {
            why: claim,
            ..row(
                "subject.filing_number",
                Person,
                Ok,
                Ok,
                s("沪ICP备2021012345号"),
                bad(json!("沪ICP备2021012346号"), CodeAt("FILING_NUMBER_INVALID", "websites[0].filing_number")),
            )
        },
        row("subject.filed_with", Person, Missing, Missing, s("other"), bad(json!("aliyun"), Invalid)),
        row("subject.responsible_person", Person, Missing, Invalid, None, bad(json!("李明"), Invalid)),
        row("subject.responsible_person.name", Person, Missing, Invalid, s("李明"), None),
        row("subject.responsible_person.id_type", Person, Missing, Invalid, s("resident_id"), bad(json!("business_license"), Invalid)),
        row(
            "subject.responsible_person.id_number",
            Person,
            Missing,
            Invalid,
            s("310104199001011233"),
            bad(json!("310104199001011234"), Code("PERSON_ID_INVALID")),
        ),
        row(
            "subject.responsible_person.id_valid_until",
            Person,
            Missing,
            Ok,
            s("2027-02-28"),
            bad(json!("2027-02-27"), Code("SUBJECT_CERTIFICATE_EXPIRING")),
        ),
        row(
            "subject.responsible_person.mobile",
            Person,
            Missing,
            Invalid,
            s("13812345678"),
            bad(json!("1381234567"), Code("CONTACT_MOBILE_INVALID")),
        ),
        row(
            "subject.responsible_person.emergency_mobile",
            Person,
            Missing,
            Ok,
            s("13912345678"),
            bad(json!("23912345678"), Code("CONTACT_MOBILE_INVALID")),
        ),
        Row { why: unread, ..row("subject.responsible_person.email", Person, Ok, Ok, s("a@example.cn"), None) },
        row(
            "subject.responsible_person.is_legal_representative",
            Org,
            Missing,
            Invalid,
            Some(json!(true)),
            bad(json!(false), Code("RESPONSIBLE_NOT_LEGAL_REPRESENTATIVE")),
        ),
        Row { why: claim, ..row("subject.residence_permit", PersonWithPermit, NONLOCAL, NONLOCAL, None, bad(json!("SH"), Invalid)) },
        Row {
            why: "a permit of no known province is no permit here",
            ..row("subject.residence_permit.province", PersonWithPermit, NONLOCAL, Invalid, s("上海"), bad(json!("BJ"), NONLOCAL))
        },
        row(
            "subject.residence_permit.valid_until",
            PersonWithPermit,
            Missing,
            Invalid,
            s("2026-12-30"),
            bad(json!("2026-12-29"), Code("PERSON_RESIDENCE_PERMIT_EXPIRED")),
        ),
        row("websites", Person, Required, Invalid, None, bad(json!({}), Invalid)),
        row("websites[].name", Person, Required, Invalid, s("光影随笔集"), bad(json!("中国光影"), Code("WEBSITE_NAME_RESERVED_WORD"))),
        row("websites[].domain", Person, Required, Invalid, None, bad(json!("guangying.io"), Code("DOMAIN_TLD_NOT_APPROVED"))),
        Row {
            why: claim,
            ..row(
                "websites[].filing_number",
                Person,
                Ok,
                Ok,
                s("沪ICP备2021012345号-1"),
                bad(json!("沪ICP2021012345号-1"), Code("FILING_NUMBER_INVALID")),
            )
        },
        Row {
            why: "decides the filing type only with a filing number; a personal site filed elsewhere",
            ..row("websites[].filed_with", Person, Ok, Ok, s("other"), bad(json!("aliyun"), Invalid))
        },
        row(
            "websites[].service_content",
            Person,
            Missing,
            Invalid,
            Some(json!(["blog"])),
            bad(json!(["forum"]), Code("WEBSITE_SERVICE_NOT_ALLOWED")),
        ),
        Row {
            why: claim,
            ..row(
                "websites[].pre_approvals",
                OrgPreApproval,
                CodeAt("PRE_APPROVAL_REQUIRED", "websites[0].service_content[0]"),
                CodeAt("PRE_APPROVAL_REQUIRED", "websites[0].service_content[0]"),
                None,
                bad(json!({}), Invalid),
            )
        },
        row(
            "websites[].pre_approvals[].category",
            OrgPreApproval,
            CodeAt("PRE_APPROVAL_REQUIRED", "websites[0].service_content[0]"),
            Invalid,
            s("news"),
            bad(json!("finance"), CodeAt("PRE_APPROVAL_REQUIRED", "websites[0].service_content[0]")),
        ),
        row(
            "websites[].pre_approvals[].document_number",
            OrgPreApproval,
            CodeAt("PRE_APPROVAL_REQUIRED", "websites[0].service_content[0]"),
            Invalid,
            s("沪新闻[2026]1号"),
            bad(json!(" "), CodeAt("PRE_APPROVAL_REQUIRED", "websites[0].service_content[0]")),
        ),
        row(
            "websites[].remarks",
            PersonBj,
            Missing,
            Code("WEBSITE_REMARKS_REQUIRED"),
            s("个人摄影作品展示。"),
            bad(json!(""), Code("WEBSITE_REMARKS_REQUIRED")),
        ),
        row("websites[].responsible_person", Person, Missing, Invalid, None, bad(json!(1), Invalid)),
        row("websites[].responsible_person.name", Person, Missing, Invalid, s("李明"), None),
        row("websites[].responsible_person.id_type", Person, Missing, Invalid, s("resident_id"), bad(json!("military_code"), Invalid)),
        row(
            "websites[].responsible_person.id_number",
            Person,
            Missing,
            Invalid,
            s("310104199001011233"),
            bad(json!("31010419900101123X"), Code("PERSON_ID_INVALID")),
        ),
        row(
            "websites[].responsible_person.id_valid_until",
            Person,
            Missing,
            Ok,
            s("2027-02-28"),
            bad(json!("2026-12-01"), Code("SUBJECT_CERTIFICATE_EXPIRING")),
        ),
        row(
            "websites[].responsible_person.mobile",
            Person,
            Missing,
            Invalid,
            s("13812345678"),
            bad(json!("abc"), Code("CONTACT_MOBILE_INVALID")),
        ),
        row(
            "websites[].responsible_person.emergency_mobile",
            Person,
            Missing,
            Ok,
            s("13912345678"),
            bad(json!("139123456789"), Code("CONTACT_MOBILE_INVALID")),
        ),
        Row { why: unread, ..row("websites[].responsible_person.email", Person, Ok, Ok, s("b@example.cn"), None) },
        Row {
            why: "read by province rules on owners of organisations only (tests/provinces/)",
            ..row("websites[].responsible_person.is_legal_representative", Person, Ok, Invalid, Some(json!(true)), None)
        },
        Row {
            why: "with one resource, a website is served from it",
            ..row("websites[].resource", Person, Ok, Invalid, Some(json!(0)), bad(json!(1), Invalid))
        },
        Row {
            why: "the registration facts: left out, each website's domain is DOMAIN_FACTS_MISSING",
            ..row(
                "domains",
                Person,
                CodeAt("DOMAIN_FACTS_MISSING", "websites[0].domain"),
                CodeAt("DOMAIN_FACTS_MISSING", "websites[0].domain"),
                None,
                bad(json!({}), Invalid),
            )
        },
        row(
            "domains[].name",
            Person,
            Required,
            Invalid,
            s("GUANGYING-SUIBI.COM"),
            bad(json!("other.com"), CodeAt("DOMAIN_FACTS_MISSING", "websites[0].domain")),
        ),
        Row {
            why: "registrar_domestic answers whether it is domestic; an unknown registrar waits the longer working days",
            ..row("domains[].registrar", Person, Ok, Invalid, s("阿里云计算有限公司"), None)
        },
        Row {
            why: "the pack knows this registrar",
            ..row(
                "domains[].registrar_domestic",
                Person,
                Ok,
                Invalid,
                Some(json!(true)),
                bad(json!(false), Code("DOMAIN_REGISTRAR_NOT_DOMESTIC")),
            )
        },
        row("domains[].expires_at", Person, Missing, Invalid, s("2027-03-01"), bad(json!("2026-11-29"), Code("DOMAIN_EXPIRED"))),
        Row {
            why: "the date answers for it",
            ..row(
                "domains[].real_name_verified",
                Person,
                Ok,
                Invalid,
                Some(json!(true)),
                bad(json!(false), Code("DOMAIN_NOT_REAL_NAME_VERIFIED")),
            )
        },
        row(
            "domains[].real_name_verified_at",
            Person,
            Missing,
            Code("DOMAIN_NOT_REAL_NAME_VERIFIED"),
            s("2026-11-24"),
            bad(json!("2026-11-26"), Code("DOMAIN_REAL_NAME_TOO_RECENT")),
        ),
        row("domains[].registrant", Person, Missing, Invalid, None, bad(json!("李明"), Invalid)),
        row("domains[].registrant.name", Person, Missing, Invalid, s("李明"), bad(json!("李强"), Code("DOMAIN_OWNER_MISMATCH"))),
        row(
            "domains[].registrant.id_type",
            Person,
            Missing,
            Invalid,
            s("resident_id"),
            bad(json!("passport"), CodeAt("DOMAIN_OWNER_MISMATCH", "domains[0].registrant")),
        ),
        row(
            "domains[].registrant.id_number",
            Person,
            Missing,
            Invalid,
            s("310104199001011233"),
            bad(json!("110105199001011232"), Code("DOMAIN_OWNER_MISMATCH")),
        ),
        Row {
            why: claim,
            ..row(
                "domains[].filing_number",
                Person,
                Ok,
                Ok,
                s("沪ICP备2021012345号-1"),
                bad(json!("京ICP备17000001号-1"), Code("DOMAIN_ALREADY_FILED")),
            )
        },
        // Issue 19 step 2: the model additions.
        row(
            "subject.business_scope",
            Org,
            Missing,
            Ok,
            s("软件开发；信息技术咨询服务"),
            bad(json!("投资管理；资产管理"), Code("PRE_APPROVAL_REQUIRED")),
        ),
        Row { why: unread, ..row("subject.trade_name", Org, Ok, Ok, s("云杉"), None) },
        Row { why: unread, ..row("subject.has_seal", Org, Ok, Invalid, Some(json!(true)), None) },
        row(
            "subject.websites_filed",
            OrgSn,
            Missing,
            Ok,
            Some(json!(29)),
            bad(json!(30), CodeAt("WEBSITE_COUNT_EXCEEDED", "subject.websites_filed")),
        ),
        Row { why: unread, ..row("subject.superior_unit", Org, Ok, Ok, s("上海市经济和信息化委员会"), None) },
        Row { why: unread, ..row("subject.responsible_person.mobile_province", Org, Ok, Invalid, s("SH"), None) },
        Row { why: unread, ..row("subject.responsible_person.residency", Org, Ok, Invalid, s("mainland"), bad(json!("mars"), Invalid)) },
        Row { why: unread, ..row("websites[].responsible_person.mobile_province", Org, Ok, Invalid, s("上海"), None) },
        Row {
            why: unread, ..row("websites[].responsible_person.residency", Org, Ok, Invalid, s("香港居民"), bad(json!("mars"), Invalid))
        },
        Row { why: unread, ..row("websites[].purpose", Org, Ok, Invalid, s("mini_program"), bad(json!("blog"), Invalid)) },
        row("resources", Person, Missing, Code("RESOURCE_MISSING"), None, bad(json!({}), Invalid)),
        row("resources[].kind", Person, Required, Invalid, s("lighthouse"), bad(json!("bogus"), Invalid)),
        row("resources[].region", Person, Missing, Invalid, s("ap-beijing"), bad(json!("ap-hongkong"), Code("RESOURCE_NOT_MAINLAND"))),
        row(
            "resources[].public_ip",
            Person,
            Missing,
            Code("RESOURCE_NO_PUBLIC_IP"),
            s("203.0.113.99"),
            bad(json!(" "), Code("RESOURCE_NO_PUBLIC_IP")),
        ),
        row("resources[].billing", Person, Missing, Invalid, s("prepaid"), bad(json!("postpaid"), Code("RESOURCE_BILLING_NOT_PREPAID"))),
        row("resources[].purchased_months", Person, Missing, Invalid, Some(json!(3)), bad(json!(2), Code("RESOURCE_TERM_TOO_SHORT"))),
        row(
            "resources[].expires_at",
            Person,
            Missing,
            Invalid,
            s("2026-12-29"),
            bad(json!("2026-12-28"), Code("RESOURCE_REMAINING_TOO_SHORT")),
        ),
        row(
            "resources[].websites_filed",
            Person,
            Missing,
            Ok,
            Some(json!(4)),
            bad(json!(5), CodeAt("RESOURCE_QUOTA_EXCEEDED", "resources[0]")),
        ),
        row(
            "resources[].code",
            OrgCode,
            Missing,
            Code("AUTH_CODE_NOT_ALLOWED"),
            s("ABCD1234"),
            bad(json!(""), Code("AUTH_CODE_NOT_ALLOWED")),
        ),
        row(
            "resources[].issuer_account_kind",
            OrgCode,
            Missing,
            Invalid,
            s("enterprise"),
            bad(json!("personal"), Code("AUTH_CODE_NOT_ALLOWED")),
        ),
        row(
            "resources[].issuer_resource_kind",
            OrgCode,
            Missing,
            Invalid,
            s("cvm"),
            bad(json!("lighthouse"), Code("AUTH_CODE_NOT_ALLOWED")),
        ),
        row("resources[].codes_issued", OrgCode, Missing, Invalid, Some(json!(5)), bad(json!(6), Code("AUTH_CODE_QUOTA_EXCEEDED"))),
        row(
            "resources[].bound_to",
            OrgClb,
            Missing,
            Code("RESOURCE_KIND_NOT_SUPPORTED"),
            Some(json!(1)),
            bad(json!(0), Code("RESOURCE_KIND_NOT_SUPPORTED")),
        ),
        row("materials", Person, NotChecked("materials"), Code("MATERIAL_MISSING"), None, bad(json!({}), Invalid)),
        Row {
            why: "an upload of a kind the checklist does not name is only extra",
            ..row("materials[].kind", PersonMaterials, Ok, Invalid, s("id_card_back"), None)
        },
        row("materials[].format", PersonMaterials, Missing, Invalid, s("PNG"), bad(json!("pdf"), Code("MATERIAL_FORMAT_NOT_ALLOWED"))),
        row(
            "materials[].bytes",
            PersonMaterials,
            Missing,
            Invalid,
            Some(json!(204800)),
            bad(json!(204799), Code("MATERIAL_SIZE_OUT_OF_RANGE")),
        ),
        Row {
            why: "an ID photo has no issue date; letters and proofs are checked in tests/rules.rs",
            ..row("materials[].issued_at", PersonMaterials, Ok, Invalid, s("2026-11-01"), None)
        },
    ]
}

fn base(b: Base) -> Value {
    let case: Value = serde_json::from_str(&std::fs::read_to_string(shared().join("cases/001.json")).unwrap()).unwrap();
    let person = case["application"].clone();
    let org: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/first-filing-shanghai-enterprise.json")).unwrap(),
    )
    .unwrap();
    match b {
        Base::Person => person,
        Base::PersonBj => {
            let text = person.to_string().replace("310104199001011233", "110105199001011232").replace("沪ICP备", "京ICP备");
            let mut v: Value = serde_json::from_str(&text).unwrap();
            v["province"] = json!("BJ");
            // Beijing takes no personal blogs; a site of other content it does.
            v["websites"][0]["service_content"] = json!(["other"]);
            v
        }
        Base::PersonWithPermit => {
            let text = person.to_string().replace("310104199001011233", "110105199001011232");
            let mut v: Value = serde_json::from_str(&text).unwrap();
            v["subject"]["residence_permit"] = json!({"province": "SH", "valid_until": "2027-06-01"});
            v
        }
        Base::Org => org,
        Base::OrgSn => {
            // Shaanxi: the same enterprise (a Shaanxi credit code, address, IDs and region).
            let text = org
                .to_string()
                .replace("91310104MA1FL1234P", "91610104MA1FL1234U")
                .replace("上海", "陕西")
                .replace("沪ICP备", "陕ICP备")
                .replace("ap-shanghai", "ap-chengdu");
            let mut v: Value = serde_json::from_str(&text).unwrap();
            v["province"] = json!("SN");
            v["subject"]["websites_filed"] = json!(0);
            v
        }
        Base::OrgCode => {
            let mut v = org;
            v["resources"] = json!([{"kind": "authorization_code", "code": "ABCD1234", "issuer_account_kind": "enterprise", "issuer_resource_kind": "cvm",
                "codes_issued": 1, "region": "ap-shanghai", "public_ip": "203.0.113.30", "billing": "prepaid", "purchased_months": 12,
                "expires_at": "2027-06-01", "websites_filed": 0}]);
            v
        }
        Base::OrgClb => {
            let mut v = org;
            let cvm = v["resources"][0].clone();
            // The CLB first, so the rows change its fields.
            v["resources"] = json!([{"kind": "clb", "region": "ap-shanghai", "bound_to": 1, "websites_filed": 0}, cvm]);
            v["websites"][0]["resource"] = json!(0);
            v
        }
        Base::PersonMaterials => {
            let mut v = person;
            // Every item of the checklist, plus the upload the rows change.
            let r = engine().check_value_at(&v, None).unwrap();
            let mut m: Vec<Value> =
                r.materials.iter().map(|i| json!({"kind": i.code, "format": "jpg", "bytes": 345678, "issued_at": "2026-11-20"})).collect();
            m.insert(0, json!({"kind": "id_card_front", "format": "jpg", "bytes": 345678, "issued_at": "2026-11-20"}));
            v["materials"] = Value::Array(m);
            v
        }
        Base::OrgPreApproval => {
            let mut v = org;
            v["websites"][0]["name"] = json!("云杉新闻资讯");
            v["websites"][0]["service_content"] = json!(["news"]);
            v["websites"][0]["pre_approvals"] = json!([{"category": "news", "document_number": "沪新闻[2026]1号"}]);
            v
        }
    }
}

fn shared() -> std::path::PathBuf {
    std::env::var_os("BEIANCHECK_SHARED")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared"))
}

fn engine() -> Engine {
    Engine::embedded()
}

/// The JSON location of a field in the base (`websites[].name` → websites, 0, name).
fn steps(field: &str) -> Vec<String> {
    field.replace("[]", ".0").split('.').map(str::to_owned).collect()
}

fn path_of(field: &str) -> String {
    field.replace("[]", "[0]")
}

/// Sets (Some) or removes (None) the field; its parents must exist in the base.
fn with(mut app: Value, field: &str, v: Option<Value>) -> Value {
    let steps = steps(field);
    let (last, parents) = steps.split_last().unwrap();
    let mut at = &mut app;
    for s in parents {
        at = match s.parse::<usize>() {
            Result::Ok(i) => &mut at[i],
            Err(_) => &mut at[s.as_str()],
        };
    }
    match v {
        Some(v) => match last.parse::<usize>() {
            Result::Ok(i) => at[i] = v,
            Err(_) => at[last.as_str()] = v,
        },
        None => {
            at.as_object_mut().unwrap_or_else(|| panic!("{field}: parent is not an object")).remove(last.as_str());
        }
    }
    app
}

fn at_or_under(f_path: &str, path: &str) -> bool {
    f_path == path || f_path.starts_with(&format!("{path}.")) || f_path.starts_with(&format!("{path}["))
}

fn summary(r: &Report) -> String {
    let fs: Vec<String> = r.findings.iter().map(|f| format!("{} {}", f.code, f.path)).collect();
    format!("{:?} not_checked={:?} [{}]", r.verdict, r.not_checked, fs.join("; "))
}

fn judge(r: &Report, field: &str, e: Expect) -> Result<(), String> {
    let path = path_of(field);
    let has = |code: &str, p: &str| r.findings.iter().any(|f| f.code == code && at_or_under(&f.path, p));
    let ok = match e {
        Ok => r.verdict == Verdict::Eligible && !r.findings.iter().any(|f| at_or_under(&f.path, &path)),
        Missing => has("FACT_MISSING", &path) && r.verdict != Verdict::Eligible,
        Code(c) => has(c, &path) && r.verdict != Verdict::Eligible,
        CodeAt(c, p) => has(c, p) && r.verdict != Verdict::Eligible,
        NotChecked(part) => r.not_checked.contains(&part) && r.verdict == Verdict::Eligible,
        Invalid => has("INPUT_INVALID_VALUE", &path) && r.verdict == Verdict::Ineligible && !has("FACT_MISSING", &path),
        Required => has("INPUT_MISSING_FIELD", &path) && r.verdict == Verdict::Ineligible,
    };
    if ok {
        Result::Ok(())
    } else {
        Err(format!("{field}: expected {e:?}, got {}", summary(r)))
    }
}

#[test]
fn the_bases_are_eligible() {
    use Base::*;
    for b in [Person, PersonBj, PersonWithPermit, Org, OrgCode, OrgClb, PersonMaterials, OrgPreApproval, OrgSn] {
        let r = engine().check_value_at(&base(b), None).unwrap();
        assert_eq!(r.verdict, Verdict::Eligible, "{b:?}: {}", summary(&r));
    }
}

#[test]
fn every_fact_through_absent_null_pass_fail() {
    let engine = engine();
    let mut failures = Vec::new();
    for row in rows() {
        let b = base(row.base);
        let run = |app: &Value| engine.check_value_at(app, None).unwrap();
        let mut try_ = |what: &str, app: Value, e: Expect| {
            if let Err(msg) = judge(&run(&app), row.field, e) {
                failures.push(format!("{what}: {msg}"));
            }
        };
        try_("absent", with(b.clone(), row.field, None), row.absent);
        try_("null", with(b.clone(), row.field, Some(Value::Null)), row.null);
        if let Some(v) = &row.pass {
            try_("pass", with(b.clone(), row.field, Some(v.clone())), Ok);
        }
        if let Some((v, e)) = &row.fail {
            try_("fail", with(b.clone(), row.field, Some(v.clone())), *e);
        }
    }
    assert!(failures.is_empty(), "{} of the fact table's answers are wrong:\n{}", failures.len(), failures.join("\n"));
}

/// The table has a row for every field the reader knows, and no row for a field it does not.
#[test]
fn every_field_has_a_row() {
    let known: Vec<String> = field_paths().into_iter().map(|(p, _)| p).collect();
    let table: Vec<&str> = rows().iter().map(|r| r.field).collect();
    let missing: Vec<&String> = known.iter().filter(|k| !table.contains(&k.as_str())).collect();
    let extra: Vec<&&str> = table.iter().filter(|t| !known.iter().any(|k| k == **t)).collect();
    assert!(missing.is_empty(), "fields without a row in the fact table: {missing:?}");
    assert!(extra.is_empty(), "rows for fields the reader does not know: {extra:?}");
    // A field whose absence passes says why (a claim, a default, a field no rule reads).
    for r in rows() {
        assert!(!matches!(r.absent, Ok) || !r.why.is_empty(), "{}: absent passes, which needs a reason", r.field);
    }
}

/// A value of the wrong type has one answer, INPUT_INVALID_VALUE where it stands: never also a
/// FACT_MISSING for the same field or a field inside it (the value was given, it is wrong).
#[test]
fn a_wrong_value_is_answered_once() {
    let engine = engine();
    let mut failures = Vec::new();
    for (path, field) in field_paths() {
        let row = rows().into_iter().find(|r| r.field == path).expect("every field has a row");
        let wrong = match field.shape {
            beiancheck::model::Shape::Scalar => json!({"x": 1}),
            _ => json!(5),
        };
        let r = engine.check_value_at(&with(base(row.base), &path, Some(wrong)), None).unwrap();
        let at = path_of(&path);
        let invalid = r.findings.iter().any(|f| f.code == "INPUT_INVALID_VALUE" && f.path == at);
        let missing: Vec<&str> =
            r.findings.iter().filter(|f| f.code == "FACT_MISSING" && at_or_under(&f.path, &at)).map(|f| f.path.as_str()).collect();
        if !invalid || !missing.is_empty() || r.verdict != Verdict::Ineligible {
            failures.push(format!("{path}: {}", summary(&r)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
