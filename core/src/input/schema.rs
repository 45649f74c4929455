//! The application's input format, written out for portals and filers: the JSON Schema
//! (schema/application.schema.json, draft 2020-12) and the field reference of docs/INPUT.md.
//!
//! Both are generated from the reader's own field table ([`crate::input::model::fields`]: names,
//! nesting, whether `null` means "does not exist") plus the rows below (each field's type,
//! whether it is required, what absent and null mean). core/tests/schema.rs keeps the rows and
//! the reader in step — every field has one row and every row a field; a value of the row's
//! type is read without an input error and a value of another type is refused — and the
//! committed files equal what [`schema_json`] and [`input_reference`] write.
use crate::input::model::{fields, Field, Shape};
use crate::vocab;

/// The type of a field's value as the reader takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    /// A string (a whole number ≥ 0 is taken as its digits: ID and phone columns exported as numbers).
    Text,
    Bool,
    /// A whole number ≥ 0.
    Uint,
    /// A calendar date `YYYY-MM-DD` (a date-time is taken as its Shanghai date).
    Date,
    /// `YYYY-MM-DD` (00:00 Shanghai) or an RFC 3339 date-time.
    Moment,
    /// `YYYY-MM-DD` only (the evaluation date).
    DateOnly,
    /// A personal ID document: a certificate type the pack lists as personal
    /// (`subjects.person_id_types`; another type is INPUT_INVALID_VALUE).
    PersonId,
    /// One word of a vocabulary (or its Chinese name).
    Word(&'static [&'static str]),
    /// A list of words of a vocabulary.
    Words(&'static [&'static str]),
    /// An object (its fields are the field table's).
    Object,
    /// A list of objects.
    Objects,
}

/// What a field left out means.
pub const REQUIRED: &str = "required: INPUT_MISSING_FIELD (an input error)";
pub const UNKNOWN: &str = "unknown: each rule that needs it reports FACT_MISSING (at best needs_review)";
pub const CLAIM: &str = "none: a claim that would relax a rule, so the stricter rule applies";
pub const PART: &str = "this part is not checked: its rules are not run and the report names it in not_checked";
pub const UNREAD: &str = "nothing: no rule reads it (it is carried for the filing itself)";

/// One field of one object: its type, what it is, and what absent and null mean.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    /// The object ([`OBJECTS`]) and the field's name in it.
    pub object: &'static str,
    pub field: &'static str,
    pub ty: Ty,
    /// The form's label in Chinese (填报页面的名称).
    pub zh: &'static str,
    pub about: &'static str,
    /// What leaving the field out means (one of the constants above, or the field's own).
    pub absent: &'static str,
    /// What `null` means, for fields whose `null` states that the thing does not exist; empty
    /// for the others (there `null` is INPUT_INVALID_VALUE).
    pub null: &'static str,
}

/// The objects of the application, by the name the schema (`$defs`) and docs/INPUT.md use.
pub const OBJECTS: &[(&str, &[Field])] = &[
    ("Application", fields::APPLICATION),
    ("Account", fields::ACCOUNT),
    ("Subject", fields::SUBJECT),
    ("Certificate", fields::CERTIFICATE),
    ("Person", fields::PERSON),
    ("ResidencePermit", fields::RESIDENCE_PERMIT),
    ("Website", fields::WEBSITE),
    ("PreApproval", fields::PRE_APPROVAL),
    ("Domain", fields::DOMAIN),
    ("Registrant", fields::REGISTRANT),
    ("Resource", fields::RESOURCE),
    ("Material", fields::MATERIAL),
];

const fn r(
    object: &'static str,
    field: &'static str,
    ty: Ty,
    zh: &'static str,
    about: &'static str,
    absent: &'static str,
    null: &'static str,
) -> Row {
    Row { object, field, ty, zh, about, absent, null }
}

use vocab::{
    ACCOUNT_KINDS, BILLING, CERTIFICATE_TYPES, FILED_WITH, FILING_TYPES, RESIDENCIES, RESOURCE_KINDS, SERVICE_CONTENT, SUBJECT_KINDS,
    WEBSITE_PURPOSES,
};
use Ty::*;

/// Every field of every object, in the field table's order.
pub const ROWS: &[Row] = &[
    r(
        "Application",
        "as_of",
        DateOnly,
        "评估日期",
        "The date the application is judged on (the start of that day, Asia/Shanghai).",
        "the caller's default date (the CLI: today in Shanghai)",
        "",
    ),
    r(
        "Application",
        "province",
        Text,
        "备案省份",
        "The filing province: a code (BJ … XJ) or its Chinese name (上海, 上海市).",
        REQUIRED,
        "",
    ),
    r(
        "Application",
        "filing_type",
        Word(FILING_TYPES),
        "备案类型",
        "The filing type the applicant believes applies; the engine derives its own and reports FILING_TYPE_MISMATCH when they differ.",
        "nothing: the engine derives the filing type",
        "not stated (the same as left out)",
    ),
    r("Application", "account", Object, "云账号", "The cloud account that files.", PART, "this part is not checked (the same as left out)"),
    r("Application", "subject", Object, "主体信息", "The filing subject (备案主体): the person or organisation that files.", REQUIRED, ""),
    r("Application", "websites", Objects, "网站信息", "The websites of this order.", REQUIRED, ""),
    r(
        "Application",
        "domains",
        Objects,
        "域名注册信息",
        "Registration facts of the domains (from WHOIS or the registrar).",
        "no registration facts: each website's domain is DOMAIN_FACTS_MISSING",
        "no registration facts (the same as left out)",
    ),
    r(
        "Application",
        "resources",
        Objects,
        "备案云资源",
        "The cloud resources the websites are served from (`websites[].resource` indexes this list).",
        UNKNOWN,
        "there is no resource: RESOURCE_MISSING",
    ),
    r(
        "Application",
        "materials",
        Objects,
        "备案材料",
        "The files uploaded so far, checked against the application's checklist.",
        PART,
        "nothing uploaded: every material on the checklist is MATERIAL_MISSING",
    ),
    r("Account", "kind", Word(ACCOUNT_KINDS), "账号类型", "Whether the account is real-named as a person or an enterprise.", UNKNOWN, ""),
    r(
        "Account",
        "real_name",
        Text,
        "实名认证名称",
        "The name the account is real-named as; must equal the subject's name.",
        UNKNOWN,
        "the account is not real-name verified: ACCOUNT_NOT_REAL_NAME_VERIFIED",
    ),
    r(
        "Account",
        "real_name_verified_at",
        Moment,
        "实名认证时间",
        "When the account passed real-name verification.",
        UNKNOWN,
        "never verified: ACCOUNT_NOT_REAL_NAME_VERIFIED",
    ),
    r(
        "Account",
        "security_mobile",
        Text,
        "安全手机",
        "The account's security phone; a personal filing's subject owner must use it.",
        UNKNOWN,
        "the account has no security phone",
    ),
    r(
        "Account",
        "has_order_in_progress",
        Bool,
        "有流程中的订单",
        "Whether the account already has a filing order in progress.",
        UNKNOWN,
        "no order in progress",
    ),
    r("Subject", "kind", Word(SUBJECT_KINDS), "主体性质", "What the subject is (个人, 企业, 事业单位 …).", REQUIRED, ""),
    r("Subject", "name", Text, "主办单位名称 / 姓名", "The subject's name as on its certificate.", REQUIRED, ""),
    r(
        "Subject",
        "certificate",
        Object,
        "主体证件",
        "The subject's certificate (an individual's ID card, an organisation's licence).",
        UNKNOWN,
        "",
    ),
    r("Subject", "address", Text, "通信地址", "The subject's mailing address.", UNREAD, "no address"),
    r(
        "Subject",
        "filing_number",
        Text,
        "主体备案号",
        "The subject's existing ICP filing number (沪ICP备12345678号), if it has one.",
        CLAIM,
        "the subject has no filing",
    ),
    r(
        "Subject",
        "filed_with",
        Word(FILED_WITH),
        "主体备案接入商",
        "Where the subject's existing filing is.",
        UNKNOWN,
        "unknown where (the same as left out)",
    ),
    r(
        "Subject",
        "responsible_person",
        Object,
        "主体负责人",
        "The subject's responsible person (for an organisation usually its legal representative).",
        UNKNOWN,
        "",
    ),
    r(
        "Subject",
        "residence_permit",
        Object,
        "居住证",
        "An individual's residence permit in the filing province (for an ID issued elsewhere).",
        CLAIM,
        "no residence permit",
    ),
    r("Certificate", "type", Word(CERTIFICATE_TYPES), "证件类型", "The certificate's type.", UNKNOWN, ""),
    r(
        "Certificate",
        "number",
        Text,
        "证件号码",
        "The certificate's number (an 18-digit resident ID, an 18-character unified social credit code …).",
        UNKNOWN,
        "",
    ),
    r(
        "Certificate",
        "valid_until",
        Date,
        "证件有效期",
        "The last day the certificate is valid.",
        UNKNOWN,
        "long-term (长期): it does not expire",
    ),
    r("Person", "name", Text, "姓名", "The person's name as on the ID.", UNKNOWN, ""),
    r(
        "Person",
        "id_type",
        PersonId,
        "证件类型",
        "The person's ID document (a personal one: 居民身份证, 护照, 港澳居民来往内地通行证 …).",
        UNKNOWN,
        "",
    ),
    r("Person", "id_number", Text, "证件号码", "The ID's number.", UNKNOWN, ""),
    r("Person", "id_valid_until", Date, "证件有效期", "The last day the ID is valid.", UNKNOWN, "long-term (长期): it does not expire"),
    r("Person", "mobile", Text, "手机号码", "The person's mobile number (11 digits; +86 and spaces allowed).", UNKNOWN, ""),
    r("Person", "emergency_mobile", Text, "应急联系电话", "A second mobile number for emergencies.", UNKNOWN, "none"),
    r("Person", "email", Text, "电子邮箱", "The person's email address.", UNREAD, "none"),
    r(
        "Person",
        "is_legal_representative",
        Bool,
        "是否法定代表人",
        "Whether the person is the subject's legal representative.",
        UNKNOWN,
        "",
    ),
    r(
        "Subject",
        "business_scope",
        Text,
        "经营范围",
        "The business scope (经营范围) as registered on the licence; scanned for pre-approval keywords like the names (前置审批相关: 备案单位名称/经营范围/网站名称).",
        "unknown: for an enterprise or individual business the pre-approval scan reports FACT_MISSING; for other kinds nothing",
        "the certificate lists no business scope",
    ),
    r(
        "Subject",
        "trade_name",
        Text,
        "字号",
        "An individual business's (个体工商户) trade name (字号) as on its licence; read by no rule yet (13 provinces' note rows on 字号).",
        UNREAD,
        "no trade name (无字号)",
    ),
    r(
        "Subject",
        "has_seal",
        Bool,
        "有公章",
        "Whether the subject has an official seal (公章); read by no rule yet (BJ, SH, ZJ, FJ, SD, HB, GZ note rows).",
        UNREAD,
        "",
    ),
    r(
        "Subject",
        "websites_filed",
        Uint,
        "已备案网站数",
        "Websites the subject has already filed (at any provider, as the MIIT system shows), not counting this order; with the order it is held against a province's per-subject total (max_websites.per_subject).",
        "unknown: a province with a per-subject total reports FACT_MISSING",
        "none filed",
    ),
    r(
        "Subject",
        "superior_unit",
        Text,
        "上级主管单位",
        "The superior unit (上级主管单位) of a government body, institution or organisation; read by no rule yet (FJ, SD, GX, YN, GS, NX note rows).",
        UNREAD,
        "no superior unit",
    ),
    r(
        "Person",
        "mobile_province",
        Text,
        "手机号码归属地",
        "The home province (归属地) of the person's mobile, as the carrier registers it (code or Chinese name); read by no rule yet (SN, GS, XJ note rows).",
        UNREAD,
        "",
    ),
    r(
        "Person",
        "residency",
        Word(RESIDENCIES),
        "居民身份",
        "Where the person is a resident (内地, 香港, 澳门, 台湾, 外籍); read by no rule yet (SH, GD note rows on 港澳台 and foreign filers).",
        UNREAD,
        "",
    ),
    r("ResidencePermit", "province", Text, "居住证省份", "The province that issued the permit (code or Chinese name).", UNKNOWN, ""),
    r("ResidencePermit", "valid_until", Date, "居住证有效期", "The last day the permit is valid.", UNKNOWN, ""),
    r("Website", "name", Text, "网站名称", "The website's name.", REQUIRED, ""),
    r("Website", "domain", Text, "网站域名", "The website's domain (example.com; a Unicode name is converted).", REQUIRED, ""),
    r(
        "Website",
        "filing_number",
        Text,
        "网站备案号",
        "The website's existing filing number (沪ICP备12345678号-1), if it has one.",
        CLAIM,
        "the website has no filing",
    ),
    r(
        "Website",
        "filed_with",
        Word(FILED_WITH),
        "网站备案接入商",
        "Where the website's existing filing is.",
        "nothing: it decides the filing type only with a filing number",
        "unknown where (the same as left out)",
    ),
    r("Website", "service_content", Words(SERVICE_CONTENT), "网站服务内容", "What the website offers (one or more words).", UNKNOWN, ""),
    r("Website", "pre_approvals", Objects, "前置审批", "The pre-approval documents the website holds.", CLAIM, "no pre-approval"),
    r("Website", "remarks", Text, "网站备注", "The website's remarks (some bureaus require what they must state).", UNKNOWN, "no remarks"),
    r("Website", "responsible_person", Object, "网站负责人", "The website's responsible person.", UNKNOWN, ""),
    r(
        "Website",
        "resource",
        Uint,
        "接入资源",
        "The index into `resources` of the resource the website is served from.",
        "with exactly one resource, that one; with several, unknown (FACT_MISSING)",
        "",
    ),
    r(
        "Website",
        "purpose",
        Word(WEBSITE_PURPOSES),
        "备案用途",
        "What the domain is filed for: a website, or only a mini-program (小程序), official account (公众号) or mailbox; read by no rule yet (JX, HA, GD, GX, SN, ZJ note rows).",
        UNREAD,
        "",
    ),
    r(
        "PreApproval",
        "category",
        Word(SERVICE_CONTENT),
        "审批类别",
        "The regulated service the document approves (the words of service_content).",
        UNKNOWN,
        "",
    ),
    r("PreApproval", "document_number", Text, "审批文号", "The approval document's number.", UNKNOWN, ""),
    r("Domain", "name", Text, "域名", "The registered domain these facts are about (matches websites[].domain).", REQUIRED, ""),
    r("Domain", "registrar", Text, "注册商", "The domain's registrar.", "nothing when registrar_domestic answers for it", ""),
    r(
        "Domain",
        "registrar_domestic",
        Bool,
        "境内注册商",
        "Whether the registrar is an MIIT-approved domestic one.",
        "the pack's registrar list answers for it",
        "",
    ),
    r("Domain", "expires_at", Moment, "域名到期时间", "When the domain's registration expires.", UNKNOWN, ""),
    r(
        "Domain",
        "real_name_verified",
        Bool,
        "已实名认证",
        "Whether the domain passed real-name verification.",
        "the date real_name_verified_at answers for it",
        "",
    ),
    r(
        "Domain",
        "real_name_verified_at",
        Moment,
        "实名认证时间",
        "When the domain passed real-name verification.",
        UNKNOWN,
        "never verified: DOMAIN_NOT_REAL_NAME_VERIFIED",
    ),
    r("Domain", "registrant", Object, "域名持有者", "The domain's holder (must be the filing subject).", UNKNOWN, ""),
    r(
        "Domain",
        "filing_number",
        Text,
        "域名已有备案号",
        "The filing number the domain is already filed under, if any.",
        CLAIM,
        "not filed",
    ),
    r("Registrant", "name", Text, "持有者名称", "The holder's name.", UNKNOWN, ""),
    r("Registrant", "id_type", Word(CERTIFICATE_TYPES), "持有者证件类型", "The holder's certificate type.", UNKNOWN, ""),
    r("Registrant", "id_number", Text, "持有者证件号码", "The holder's certificate number.", UNKNOWN, ""),
    r("Resource", "kind", Word(RESOURCE_KINDS), "资源类型", "What the resource is (云服务器, 轻量应用服务器, 备案授权码 …).", REQUIRED, ""),
    r("Resource", "region", Text, "地域", "The Tencent Cloud region id (ap-shanghai, ap-hongkong …).", UNKNOWN, ""),
    r("Resource", "public_ip", Text, "公网 IP", "The resource's public IP address.", UNKNOWN, "no public IP: RESOURCE_NO_PUBLIC_IP"),
    r("Resource", "billing", Word(BILLING), "计费方式", "How the resource is billed.", UNKNOWN, ""),
    r("Resource", "purchased_months", Uint, "购买时长（月）", "How many months were bought (renewals count).", UNKNOWN, ""),
    r("Resource", "expires_at", Moment, "到期时间", "When the resource expires.", UNKNOWN, ""),
    r(
        "Resource",
        "websites_filed",
        Uint,
        "已备案网站数",
        "Websites already filed on this instance, not counting this order.",
        UNKNOWN,
        "none filed",
    ),
    r(
        "Resource",
        "code",
        Text,
        "备案授权码",
        "The authorisation code (for kind authorization_code).",
        UNKNOWN,
        "no code: AUTH_CODE_NOT_ALLOWED",
    ),
    r(
        "Resource",
        "issuer_account_kind",
        Word(ACCOUNT_KINDS),
        "授权码签发账号类型",
        "The kind of account that issued the code.",
        UNKNOWN,
        "",
    ),
    r(
        "Resource",
        "issuer_resource_kind",
        Word(RESOURCE_KINDS),
        "授权码签发资源类型",
        "The kind of server that issued the code.",
        UNKNOWN,
        "",
    ),
    r("Resource", "codes_issued", Uint, "已生成授权码数", "Codes the issuing server has given out, this one included.", UNKNOWN, ""),
    r(
        "Resource",
        "bound_to",
        Uint,
        "绑定的云服务器",
        "For a CLB: the index into `resources` of the CVM it is bound to.",
        UNKNOWN,
        "not bound to a server: RESOURCE_KIND_NOT_SUPPORTED",
    ),
    r(
        "Material",
        "kind",
        Text,
        "材料类型",
        "The checklist code of the material (SUBJECT_CERTIFICATE, RESPONSIBLE_ID … or a name such as id_card_front).",
        "nothing: an upload of no listed kind is only extra",
        "",
    ),
    r("Material", "format", Text, "文件格式", "The file's format (jpg, jpeg, png, gif).", UNKNOWN, ""),
    r("Material", "bytes", Uint, "文件大小（字节）", "The file's size in bytes.", UNKNOWN, ""),
    r("Material", "issued_at", Date, "出具日期", "When the document was issued (for materials that must be recent).", UNKNOWN, ""),
];

/// The row of a field of an object.
pub fn row(object: &str, field: &str) -> Option<&'static Row> {
    ROWS.iter().find(|r| r.object == object && r.field == field)
}

/// The name of an object's field list (`fields::PERSON` → `Person`), by its field names (a
/// `const` slice has no one address to compare).
pub fn object_name(fields: &[Field]) -> Option<&'static str> {
    let same = |f: &[Field]| f.len() == fields.len() && f.iter().zip(fields).all(|(a, b)| a.name == b.name);
    OBJECTS.iter().find(|(_, f)| same(f)).map(|(n, _)| *n)
}

/// A JSON value whose objects keep their keys' order (serde_json's map sorts them).
enum J {
    Str(String),
    Num(String),
    Bool(bool),
    Arr(Vec<J>),
    Obj(Vec<(&'static str, J)>),
}

fn s(t: impl Into<String>) -> J {
    J::Str(t.into())
}

impl J {
    fn write(&self, out: &mut String, indent: usize) {
        let pad = |n: usize| "  ".repeat(n);
        match self {
            J::Str(t) => out.push_str(&serde_json::Value::from(t.as_str()).to_string()),
            J::Num(n) => out.push_str(n),
            J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            J::Arr(items) if items.iter().all(|i| matches!(i, J::Str(_) | J::Num(_))) => {
                // Short scalar lists (enums, types) on one line.
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write(out, indent);
                }
                out.push(']');
            }
            J::Arr(items) => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    out.push_str(&pad(indent + 1));
                    item.write(out, indent + 1);
                    out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(indent));
                out.push(']');
            }
            J::Obj(members) => {
                out.push_str("{\n");
                for (i, (k, v)) in members.iter().enumerate() {
                    out.push_str(&pad(indent + 1));
                    out.push_str(&serde_json::Value::from(*k).to_string());
                    out.push_str(": ");
                    v.write(out, indent + 1);
                    out.push_str(if i + 1 < members.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(indent));
                out.push('}');
            }
        }
    }
}

const DATE: &str = r"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*$";
const MOMENT: &str = r"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?([Zz]|[+-][0-9]{2}:[0-9]{2})?)?\s*$";

/// The schema of one vocabulary word: the values (titled with their Chinese names) or another
/// spelling the reader takes for one of them.
fn word(values: &[&'static str]) -> J {
    let names = vocab::names_of(values);
    let consts = values
        .iter()
        .map(|v| {
            let nm = names.and_then(|n| vocab::named(n, v)).or_else(|| vocab::any_named(v));
            let mut m = vec![("const", s(*v))];
            if let Some(nm) = nm {
                m.push(("title", s(nm.zh)));
                m.push(("description", s(nm.en)));
            }
            J::Obj(m)
        })
        .collect();
    let others: Vec<J> = vocab::spellings(values).into_iter().filter(|(sp, _)| !values.contains(sp)).map(|(sp, _)| s(sp)).collect();
    J::Obj(vec![(
        "anyOf",
        J::Arr(vec![
            J::Obj(vec![("oneOf", J::Arr(consts))]),
            J::Obj(vec![
                ("description", s("A Chinese name or other spelling of one of the values, read as that value")),
                ("enum", J::Arr(others)),
            ]),
        ]),
    )])
}

/// The personal ID documents of a pack, as certificate type words.
pub fn person_id_types(pack: &crate::pack::Pack) -> Vec<&'static str> {
    CERTIFICATE_TYPES.iter().copied().filter(|t| pack.subjects.person_id_types.types.iter().any(|x| x == t)).collect()
}

struct Gen {
    limits: crate::input::limits::Limits,
    person_ids: Vec<&'static str>,
}

fn schema_of(fd: &Field, row: &Row, g: &Gen) -> J {
    let limits = &g.limits;
    let text_types = |extra: &[&str]| J::Arr(["string", "integer"].iter().chain(extra).map(|t| s(*t)).collect());
    let null = fd.nullable;
    let mut m: Vec<(&'static str, J)> = vec![("title", s(row.zh)), ("description", s(describe(row)))];
    #[allow(
        clippy::expect_used,
        reason = "every object field list of the static schema tables is in OBJECTS (the schema test renders them all)"
    )]
    let ref_to = |f: &'static [Field]| s(format!("#/$defs/{}", object_name(f).expect("every object is named")));
    let max_items = |name: &str| match name {
        "websites" => Some(limits.max_websites),
        "domains" => Some(limits.max_domains),
        "resources" => Some(limits.max_resources),
        "materials" => Some(limits.max_materials),
        _ => None,
    };
    let or_null = |inner: J| match inner {
        _ if !null => inner,
        // A word's anyOf takes null as one more alternative.
        J::Obj(mut m) if m.len() == 1 && m[0].0 == "anyOf" => {
            if let J::Arr(alts) = &mut m[0].1 {
                alts.push(J::Obj(vec![("type", s("null"))]));
            }
            J::Obj(m)
        }
        inner => J::Obj(vec![("anyOf", J::Arr(vec![inner, J::Obj(vec![("type", s("null"))])]))]),
    };
    let body = match (row.ty, fd.shape) {
        (Text, _) => {
            let mut t = vec![("type", text_types(if null { &["null"] } else { &[] }))];
            t.push(("minimum", J::Num("0".into())));
            t.push(("maxLength", J::Num(limits.max_string_chars.to_string())));
            J::Obj(t)
        }
        (Bool, _) => J::Obj(vec![("type", if null { J::Arr(vec![s("boolean"), s("null")]) } else { s("boolean") })]),
        (Uint, _) => J::Obj(vec![
            ("type", if null { J::Arr(vec![s("integer"), s("null")]) } else { s("integer") }),
            ("minimum", J::Num("0".into())),
            ("maximum", J::Num(u64::MAX.to_string())),
        ]),
        (Date | DateOnly, _) => or_null(J::Obj(vec![("type", s("string")), ("format", s("date")), ("pattern", s(DATE))])),
        (Moment, _) => or_null(J::Obj(vec![("type", s("string")), ("pattern", s(MOMENT))])),
        (Word(v), _) => or_null(word(v)),
        (PersonId, _) => or_null(word(&g.person_ids)),
        (Words(v), _) => or_null(J::Obj(vec![("type", s("array")), ("items", word(v))])),
        (Object, Shape::Object(f)) => or_null(J::Obj(vec![("$ref", ref_to(f))])),
        (Objects, Shape::Objects(f)) => {
            let mut a = vec![("type", s("array")), ("items", J::Obj(vec![("$ref", ref_to(f))]))];
            if let Some(n) = max_items(fd.name) {
                a.push(("maxItems", J::Num(n.to_string())));
            }
            or_null(J::Obj(a))
        }
        (ty, shape) => unreachable!("{}.{}: type {ty:?} for shape {shape:?} (core/tests/schema.rs)", row.object, row.field),
    };
    match body {
        J::Obj(b) => m.extend(b),
        other => m.push(("allOf", J::Arr(vec![other]))),
    }
    J::Obj(m)
}

/// A field's description: what it is, then what absent and null mean.
fn describe(row: &Row) -> String {
    let null = if row.null.is_empty() { "an input error (INPUT_INVALID_VALUE)" } else { row.null };
    format!("{} Left out: {}. null: {}.", row.about, row.absent, null)
}

fn object_schema(name: &str, fields: &'static [Field], g: &Gen) -> J {
    let props = fields
        .iter()
        .map(|fd| {
            let row = row(name, fd.name).unwrap_or_else(|| panic!("{name}.{} has no row in schema::ROWS", fd.name));
            (fd.name, schema_of(fd, row, g))
        })
        .collect();
    let required: Vec<J> =
        fields.iter().filter(|fd| row(name, fd.name).is_some_and(|r| r.absent == REQUIRED)).map(|fd| s(fd.name)).collect();
    let mut m = vec![("type", s("object")), ("properties", J::Obj(props))];
    if !required.is_empty() {
        m.push(("required", J::Arr(required)));
    }
    m.push(("additionalProperties", J::Bool(false)));
    J::Obj(m)
}

/// schema/application.schema.json: the JSON Schema (draft 2020-12) of an application.
pub fn schema_json(pack: &crate::pack::Pack) -> String {
    let g = Gen { limits: crate::input::limits::Limits::default(), person_ids: person_id_types(pack) };
    let mut root = vec![
        ("$schema", s("https://json-schema.org/draft/2020-12/schema")),
        ("title", s("beiancheck application (ICP 备案申请)")),
        (
            "description",
            s("An ICP filing application as beiancheck reads it (docs/INPUT.md). Generated by `beiancheck schema` from the reader's field table: do not edit by hand. A field left out is unknown (FACT_MISSING where a rule needs it) unless its description says otherwise; null states that the thing does not exist where the description gives null a meaning, and is an input error elsewhere. The reader also accepts vocabulary values in any letter case and with surrounding spaces; lists are limited as the engine's default limits are."),
        ),
    ];
    if let J::Obj(app) = object_schema("Application", fields::APPLICATION, &g) {
        root.extend(app);
    }
    let defs = OBJECTS.iter().filter(|(n, _)| *n != "Application").map(|(n, f)| (*n, object_schema(n, f, &g))).collect();
    root.push(("$defs", J::Obj(defs)));
    let mut out = String::new();
    J::Obj(root).write(&mut out, 0);
    out.push('\n');
    out
}

fn type_text(ty: Ty, shape: Shape) -> String {
    match (ty, shape) {
        (Text, _) => "string".into(),
        (Bool, _) => "true / false".into(),
        (Uint, _) => "whole number ≥ 0".into(),
        (Date, _) => "date `YYYY-MM-DD`".into(),
        (DateOnly, _) => "date `YYYY-MM-DD` (no time)".into(),
        (Moment, _) => "date `YYYY-MM-DD` or RFC 3339 date-time".into(),
        (PersonId, _) => format!(
            "one word of [{0}](#{1}) that is a personal ID document",
            vocabulary_title(CERTIFICATE_TYPES),
            anchor(vocabulary_title(CERTIFICATE_TYPES))
        ),
        (Word(v), _) => format!("one word of [{}](#{})", vocabulary_title(v), anchor(vocabulary_title(v))),
        (Words(v), _) => format!("list of words of [{}](#{})", vocabulary_title(v), anchor(vocabulary_title(v))),
        (_, Shape::Object(f)) => format!("[{0}](#{1}) object", object_name(f).unwrap_or("?"), anchor(object_name(f).unwrap_or("?"))),
        (_, Shape::Objects(f)) => {
            format!("list of [{0}](#{1}) objects", object_name(f).unwrap_or("?"), anchor(object_name(f).unwrap_or("?")))
        }
        _ => "?".into(),
    }
}

fn anchor(title: &str) -> String {
    title
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
        .collect::<String>()
        .replace(' ', "-")
}

/// The vocabularies of the input, by the title docs/INPUT.md gives them.
pub const VOCABULARY_TITLES: &[(&str, &[&str])] = &[
    ("Subject kinds", SUBJECT_KINDS),
    ("Certificate types", CERTIFICATE_TYPES),
    ("Resource kinds", RESOURCE_KINDS),
    ("Service content", SERVICE_CONTENT),
    ("Filing types", FILING_TYPES),
    ("Billing", BILLING),
    ("Filed with", FILED_WITH),
    ("Account kinds", ACCOUNT_KINDS),
    ("Website purposes", WEBSITE_PURPOSES),
    ("Residencies", RESIDENCIES),
];

fn vocabulary_title(values: &[&str]) -> &'static str {
    VOCABULARY_TITLES.iter().find(|(_, v)| *v == values).map_or("?", |(t, _)| t)
}

fn cell(t: &str) -> String {
    t.replace('|', "\\|")
}

/// The generated part of docs/INPUT.md: one table per object and one per vocabulary.
pub fn input_reference() -> String {
    let mut out = String::new();
    out.push_str("<!-- generated by `beiancheck schema --markdown` from core/src/schema.rs: do not edit by hand -->\n");
    for (name, fields) in OBJECTS {
        out.push_str(&format!("\n### {name}\n\n| field | 中文 | type | what it is | left out | null |\n|---|---|---|---|---|---|\n"));
        for fd in fields.iter() {
            let Some(row) = row(name, fd.name) else { continue };
            let null = if fd.nullable { row.null } else { "input error (INPUT_INVALID_VALUE)" };
            let absent = if row.absent == REQUIRED { "**required**: INPUT_MISSING_FIELD" } else { row.absent };
            out.push_str(&format!(
                "| `{}` | {} | {} | {} | {} | {} |\n",
                fd.name,
                cell(row.zh),
                type_text(row.ty, fd.shape),
                cell(row.about),
                cell(absent),
                cell(null)
            ));
        }
    }
    out.push_str("\n## Vocabularies\n\nEach value may also be written as its Chinese name (中文) or one of the other spellings listed; the reader takes it as the value. Values are matched in any letter case.\n");
    for (title, values) in VOCABULARY_TITLES {
        let names = vocab::names_of(values);
        let spellings = vocab::spellings(values);
        out.push_str(&format!("\n### {title}\n\n| value | 中文 | English | also accepted |\n|---|---|---|---|\n"));
        for v in values.iter() {
            let nm = names.and_then(|n| vocab::named(n, v));
            let also: Vec<String> = spellings
                .iter()
                .filter(|(sp, val)| val == v && *sp != *v && nm.is_none_or(|n| n.zh != *sp))
                .map(|(sp, _)| format!("`{sp}`"))
                .collect();
            out.push_str(&format!("| `{v}` | {} | {} | {} |\n", nm.map_or("", |n| n.zh), nm.map_or("", |n| n.en), also.join(", ")));
        }
    }
    out
}
