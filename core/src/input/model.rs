//! The application model (../shared/DESIGN.md, The model) and its reader.
//!
//! The reader walks parsed JSON by hand rather than through `#[derive(Deserialize)]` so that one
//! pass reports *every* problem with its exact path: unknown fields (a typo must not switch a
//! rule off), missing required fields, wrong types and bad dates, and still yields a model the
//! rules can run on.
//!
//! Every fact keeps the three answers of the fact contract (DESIGN.md, "Facts: absent, null,
//! value") in its type, [`Fact`]: a rule cannot mistake "not given" for "does not exist".
use crate::codes::*;
use crate::ctx;
use crate::dates::{self, Moment};
use crate::input::json::{Json, Object};
use crate::report::sink::Sink;
use crate::vocab;
use chrono::NaiveDate;

/// One fact of the application.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Fact<T> {
    /// Not given: unknown. A rule that needs it reports `FACT_MISSING`; it never passes.
    #[default]
    Absent,
    /// Given as `null`: the thing does not exist (no public IP, never verified, long-term).
    Null,
    /// Given, but not a valid value: `INPUT_INVALID_VALUE` was reported where it stands, so a
    /// rule says nothing more (the input error already makes the verdict `ineligible`).
    Invalid,
    /// A value, to be checked.
    Value(T),
}

impl<T> Fact<T> {
    pub fn get(&self) -> Option<&T> {
        match self {
            Fact::Value(v) => Some(v),
            _ => None,
        }
    }
    pub fn as_deref(&self) -> Option<&T::Target>
    where
        T: std::ops::Deref,
    {
        self.get().map(|v| &**v)
    }
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Fact<U> {
        match self {
            Fact::Absent => Fact::Absent,
            Fact::Null => Fact::Null,
            Fact::Invalid => Fact::Invalid,
            Fact::Value(v) => Fact::Value(f(v)),
        }
    }
    pub fn is_absent(&self) -> bool {
        matches!(self, Fact::Absent)
    }
    pub fn is_null(&self) -> bool {
        matches!(self, Fact::Null)
    }
    pub fn is_value(&self) -> bool {
        matches!(self, Fact::Value(_))
    }
    pub fn is_invalid(&self) -> bool {
        matches!(self, Fact::Invalid)
    }
    /// The value of a claim that relaxes a rule (an existing filing number, a permit): left
    /// out is the same as `null`, so the stricter rule applies (DESIGN.md).
    pub fn claim(&self) -> Option<&T> {
        self.get()
    }
}

impl<T: Copy> Fact<T> {
    pub fn value(&self) -> Option<T> {
        self.get().copied()
    }
}

impl<T> From<Option<T>> for Fact<T> {
    /// For models built in Rust: `None` is not given.
    fn from(o: Option<T>) -> Self {
        o.map_or(Fact::Absent, Fact::Value)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Application {
    pub as_of: Option<NaiveDate>,
    pub province: Option<String>,
    pub filing_type: Option<&'static str>,
    /// An optional part: absent (or `null`) means its rules are not run and the report names
    /// it in `not_checked`.
    pub account: Fact<Account>,
    pub subject: Option<Subject>,
    pub websites: Vec<Website>,
    pub domains: Vec<DomainFacts>,
    pub resources: Vec<Resource>,
    pub materials: Vec<Material>,
    /// Whether `websites`, `domains`, `resources`, `materials` were given at all (an empty
    /// list given on purpose differs from a list not given).
    pub given: Given,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Given {
    pub websites: bool,
    pub domains: bool,
    pub resources: bool,
    pub materials: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Account {
    pub kind: Fact<&'static str>,
    pub real_name: Fact<String>,
    pub real_name_verified_at: Fact<Moment>,
    pub security_mobile: Fact<String>,
    pub has_order_in_progress: Fact<bool>,
}

#[derive(Debug, Clone, Default)]
pub struct Certificate {
    pub kind: Fact<&'static str>,
    pub number: Fact<String>,
    pub valid_until: Fact<NaiveDate>,
}

#[derive(Debug, Clone, Default)]
pub struct Person {
    pub name: Fact<String>,
    pub id_type: Fact<&'static str>,
    pub id_number: Fact<String>,
    pub id_valid_until: Fact<NaiveDate>,
    pub mobile: Fact<String>,
    pub emergency_mobile: Fact<String>,
    pub email: Fact<String>,
    pub is_legal_representative: Fact<bool>,
    /// The home province (归属地) of `mobile`, as the carrier registers it (code or name).
    pub mobile_province: Fact<String>,
    /// Where the person is a resident (vocab::RESIDENCIES: 内地, 香港, 澳门, 台湾, 外籍).
    pub residency: Fact<&'static str>,
}

#[derive(Debug, Clone, Default)]
pub struct ResidencePermit {
    pub province: Fact<String>,
    pub valid_until: Fact<NaiveDate>,
}

#[derive(Debug, Clone, Default)]
pub struct Subject {
    pub kind: Fact<&'static str>,
    pub name: Fact<String>,
    pub certificate: Fact<Certificate>,
    pub address: Fact<String>,
    pub filing_number: Fact<String>,
    pub filed_with: Fact<&'static str>,
    pub responsible_person: Fact<Person>,
    pub residence_permit: Fact<ResidencePermit>,
    /// 经营范围 as on the licence; `null`: the certificate lists none.
    pub business_scope: Fact<String>,
    /// A 个体工商户's trade name (字号); `null`: it has none.
    pub trade_name: Fact<String>,
    /// Whether the subject has an official seal (公章).
    pub has_seal: Fact<bool>,
    /// Websites the subject has filed already (at any provider), not counting this order.
    pub websites_filed: Fact<u64>,
    /// The superior unit (上级主管单位); `null`: it has none.
    pub superior_unit: Fact<String>,
}

#[derive(Debug, Clone, Default)]
pub struct PreApproval {
    pub category: Fact<&'static str>,
    pub document_number: Fact<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Website {
    pub name: Fact<String>,
    pub domain: Fact<String>,
    pub filing_number: Fact<String>,
    pub filed_with: Fact<&'static str>,
    /// The services; `Absent` when `service_content` was not given (unknown), `Value` of the
    /// valid entries otherwise.
    pub service_content: Fact<Vec<&'static str>>,
    pub pre_approvals: Vec<PreApproval>,
    pub remarks: Fact<String>,
    pub responsible_person: Fact<Person>,
    pub resource: Fact<u64>,
    /// What the domain is filed for (vocab::WEBSITE_PURPOSES: a website, a 小程序, a 公众号 …).
    pub purpose: Fact<&'static str>,
}

impl Website {
    /// The services given (none when unknown: rules that need them report `FACT_MISSING`).
    pub fn services(&self) -> &[&'static str] {
        self.service_content.get().map_or(&[], Vec::as_slice)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Registrant {
    pub name: Fact<String>,
    pub id_type: Fact<&'static str>,
    pub id_number: Fact<String>,
}

#[derive(Debug, Clone, Default)]
pub struct DomainFacts {
    pub name: Fact<String>,
    pub registrar: Fact<String>,
    pub registrar_domestic: Fact<bool>,
    pub expires_at: Fact<Moment>,
    pub real_name_verified: Fact<bool>,
    pub real_name_verified_at: Fact<Moment>,
    pub registrant: Fact<Registrant>,
    pub filing_number: Fact<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Resource {
    pub kind: Fact<&'static str>,
    pub region: Fact<String>,
    pub public_ip: Fact<String>,
    pub billing: Fact<&'static str>,
    pub purchased_months: Fact<u64>,
    pub expires_at: Fact<Moment>,
    pub websites_filed: Fact<u64>,
    pub code: Fact<String>,
    pub issuer_account_kind: Fact<&'static str>,
    pub issuer_resource_kind: Fact<&'static str>,
    pub codes_issued: Fact<u64>,
    /// For a CLB: the index of the CVM it is bound to.
    pub bound_to: Fact<u64>,
}

#[derive(Debug, Clone, Default)]
pub struct Material {
    pub kind: Fact<String>,
    pub format: Fact<String>,
    pub bytes: Fact<u64>,
    pub issued_at: Fact<NaiveDate>,
}

/// One field the reader knows: its name, whether `null` is a meaningful answer (the thing does
/// not exist) and, for objects and lists of objects, the fields inside. The one list of the
/// input's fields: the reader reports unknown fields from it and the fact-table test
/// (core/tests/facts.rs) keeps a row for every field in it.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    /// `null` states that the thing does not exist; otherwise `null` is an invalid value.
    pub nullable: bool,
    pub shape: Shape,
}

#[derive(Debug, Clone, Copy)]
pub enum Shape {
    Scalar,
    /// A list of scalars (service_content).
    List,
    Object(&'static [Field]),
    Objects(&'static [Field]),
}

const fn f(name: &'static str, nullable: bool) -> Field {
    Field { name, nullable, shape: Shape::Scalar }
}

/// The fields of each object of the application.
pub mod fields {
    use super::{f, Field, Shape};
    pub const ACCOUNT: &[Field] = &[
        f("kind", false),
        f("real_name", true),
        f("real_name_verified_at", true),
        f("security_mobile", true),
        f("has_order_in_progress", true),
    ];
    pub const CERTIFICATE: &[Field] = &[f("type", false), f("number", false), f("valid_until", true)];
    pub const PERSON: &[Field] = &[
        f("name", false),
        f("id_type", false),
        f("id_number", false),
        f("id_valid_until", true),
        f("mobile", false),
        f("emergency_mobile", true),
        f("email", true),
        f("is_legal_representative", false),
        f("mobile_province", false),
        f("residency", false),
    ];
    pub const RESIDENCE_PERMIT: &[Field] = &[f("province", false), f("valid_until", false)];
    pub const SUBJECT: &[Field] = &[
        f("kind", false),
        f("name", false),
        Field { name: "certificate", nullable: false, shape: Shape::Object(CERTIFICATE) },
        f("address", true),
        f("filing_number", true),
        f("filed_with", true),
        Field { name: "responsible_person", nullable: false, shape: Shape::Object(PERSON) },
        Field { name: "residence_permit", nullable: true, shape: Shape::Object(RESIDENCE_PERMIT) },
        f("business_scope", true),
        f("trade_name", true),
        f("has_seal", false),
        f("websites_filed", true),
        f("superior_unit", true),
    ];
    pub const PRE_APPROVAL: &[Field] = &[f("category", false), f("document_number", false)];
    pub const WEBSITE: &[Field] = &[
        f("name", false),
        f("domain", false),
        f("filing_number", true),
        f("filed_with", true),
        Field { name: "service_content", nullable: false, shape: Shape::List },
        Field { name: "pre_approvals", nullable: true, shape: Shape::Objects(PRE_APPROVAL) },
        f("remarks", true),
        Field { name: "responsible_person", nullable: false, shape: Shape::Object(PERSON) },
        f("resource", false),
        f("purpose", false),
    ];
    pub const REGISTRANT: &[Field] = &[f("name", false), f("id_type", false), f("id_number", false)];
    pub const DOMAIN: &[Field] = &[
        f("name", false),
        f("registrar", false),
        f("registrar_domestic", false),
        f("expires_at", false),
        f("real_name_verified", false),
        f("real_name_verified_at", true),
        Field { name: "registrant", nullable: false, shape: Shape::Object(REGISTRANT) },
        f("filing_number", true),
    ];
    pub const RESOURCE: &[Field] = &[
        f("kind", false),
        f("region", false),
        f("public_ip", true),
        f("billing", false),
        f("purchased_months", false),
        f("expires_at", false),
        f("websites_filed", true),
        f("code", true),
        f("issuer_account_kind", false),
        f("issuer_resource_kind", false),
        f("codes_issued", false),
        f("bound_to", true),
    ];
    pub const MATERIAL: &[Field] = &[f("kind", false), f("format", false), f("bytes", false), f("issued_at", false)];
    pub const APPLICATION: &[Field] = &[
        f("as_of", false),
        f("province", false),
        f("filing_type", true),
        Field { name: "account", nullable: true, shape: Shape::Object(ACCOUNT) },
        Field { name: "subject", nullable: false, shape: Shape::Object(SUBJECT) },
        Field { name: "websites", nullable: false, shape: Shape::Objects(WEBSITE) },
        Field { name: "domains", nullable: true, shape: Shape::Objects(DOMAIN) },
        Field { name: "resources", nullable: true, shape: Shape::Objects(RESOURCE) },
        Field { name: "materials", nullable: true, shape: Shape::Objects(MATERIAL) },
    ];
}

/// Every field path of the application, lists written `[]`: `websites[].responsible_person.mobile`.
pub fn field_paths() -> Vec<(String, Field)> {
    fn walk(prefix: &str, fields: &[Field], out: &mut Vec<(String, Field)>) {
        for fd in fields {
            let path = if prefix.is_empty() { fd.name.to_owned() } else { format!("{prefix}.{}", fd.name) };
            out.push((path.clone(), *fd));
            match fd.shape {
                Shape::Object(inner) => walk(&path, inner, out),
                Shape::Objects(inner) => walk(&format!("{path}[]"), inner, out),
                Shape::Scalar | Shape::List => {}
            }
        }
    }
    let mut out = Vec::new();
    walk("", fields::APPLICATION, &mut out);
    out
}

/// One step of a field path.
#[derive(Clone, Copy, Debug)]
pub enum Seg<'s> {
    Key(&'s str),
    Index(usize),
}

/// A field path as text from its steps, outermost first: `websites`, 0, `name` →
/// `websites[0].name` (the form every face reports).
pub fn path_text<'s>(segs: impl IntoIterator<Item = Seg<'s>>) -> String {
    let mut path = String::new();
    for seg in segs {
        match seg {
            Seg::Key(k) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Seg::Index(i) => {
                use std::fmt::Write;
                let _ = write!(path, "[{i}]");
            }
        }
    }
    path
}

/// Where the reader is in the input, built into text only when a problem is reported (most
/// inputs have none, and a `format!` per field was a tenth of reading).
#[derive(Clone, Copy)]
pub enum Path<'p> {
    Root,
    Key(&'p Path<'p>, &'p str),
    Index(&'p Path<'p>, usize),
}

impl Path<'_> {
    pub fn key<'p>(&'p self, key: &'p str) -> Path<'p> {
        Path::Key(self, key)
    }
    /// `subject` + `name` → `subject.name`.
    pub fn at(&self, key: &str) -> String {
        let mut s = self.to_string();
        if !s.is_empty() {
            s.push('.');
        }
        s.push_str(key);
        s
    }
}

impl std::fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, k) => f.write_str(k),
            Path::Key(p, k) => write!(f, "{p}.{k}"),
            Path::Index(p, i) => write!(f, "{p}[{i}]"),
        }
    }
}

/// A JSON value's type in Chinese, for zh messages (`Json::type_name` is the English).
fn type_name_zh(v: &Json) -> &'static str {
    match v {
        Json::Null => "空值 null",
        Json::Bool(_) => "布尔值",
        Json::Number(_) => "数字",
        Json::String(_) => "字符串",
        Json::Array(_) => "数组",
        Json::Object(_) => "对象",
    }
}

/// Walks JSON into the model, reporting problems into the sink.
pub struct Reader<'s, 'c> {
    pub sink: &'s mut Sink<'c>,
}

/// An object being read: its members, where it stands and the fields it may have.
pub struct Obj<'v, 'a, 'p> {
    m: &'v Object<'a>,
    path: &'p Path<'p>,
    fields: &'static [Field],
}

impl Obj<'_, '_, '_> {
    fn has(&self, key: &str) -> bool {
        self.m.contains_key(key)
    }
}

/// A member before its type is read.
enum Raw<'v, 'a> {
    Absent,
    Null,
    /// `null` where the field has no "does not exist" meaning: reported as an invalid value.
    Invalid,
    Given(&'v Json<'a>),
}

impl Reader<'_, '_> {
    fn invalid(&mut self, path: &str, reason_en: String, reason_zh: String) {
        let path = if path.is_empty() { "(root)" } else { path };
        self.sink.add(INPUT_INVALID_VALUE, path, ctx!["field" => path, "reason_en" => reason_en, "reason_zh" => reason_zh]);
    }

    fn wrong_type(&mut self, path: &str, want: &str, want_zh: &str, v: &Json) {
        self.invalid(path, format!("expected {want}, found {}", v.type_name()), format!("应为{want_zh}，实为{}", type_name_zh(v)));
    }

    /// The object at `path`, reporting its unknown fields.
    pub fn object<'v, 'a, 'p>(&mut self, v: &'v Json<'a>, path: &'p Path<'p>, fields: &'static [Field]) -> Option<Obj<'v, 'a, 'p>> {
        match v {
            Json::Object(m) => {
                for k in m.keys() {
                    if !fields.iter().any(|f| f.name == k) {
                        let at = path.at(k);
                        let known: Vec<&str> = fields.iter().map(|f| f.name).collect();
                        self.sink.add(INPUT_UNKNOWN_FIELD, at.clone(), ctx!["field" => at, "known" => known]);
                    }
                }
                Some(Obj { m, path, fields })
            }
            _ => {
                self.wrong_type(&path.to_string(), "an object", "对象", v);
                None
            }
        }
    }

    fn raw<'v, 'a>(&mut self, o: &Obj<'v, 'a, '_>, key: &str) -> Raw<'v, 'a> {
        match o.m.get(key) {
            None => Raw::Absent,
            Some(v) if v.is_null() => {
                if o.fields.iter().any(|f| f.name == key && f.nullable) {
                    Raw::Null
                } else {
                    self.invalid(
                        &o.path.at(key),
                        "null is not a value of this field (leave the field out when it is unknown)".into(),
                        "此字段不能为 null（未知时请不填该字段）".into(),
                    );
                    Raw::Invalid
                }
            }
            Some(v) => Raw::Given(v),
        }
    }

    /// Reads a member: absent and null as they are, a given value through `read` (which
    /// reports what is wrong with it and answers `None`).
    fn fact<'v, 'a, T>(
        &mut self,
        o: &Obj<'v, 'a, '_>,
        key: &str,
        read: impl FnOnce(&mut Self, &'v Json<'a>, &str) -> Option<T>,
    ) -> Fact<T> {
        match self.raw(o, key) {
            Raw::Absent => Fact::Absent,
            Raw::Null => Fact::Null,
            Raw::Invalid => Fact::Invalid,
            Raw::Given(v) => match read(self, v, key) {
                Some(t) => Fact::Value(t),
                None => Fact::Invalid,
            },
        }
    }

    pub fn missing(&mut self, path: &str) {
        self.sink.add(INPUT_MISSING_FIELD, path, ctx!["field" => path]);
    }

    /// A required member: absent is `INPUT_MISSING_FIELD`.
    fn require(&mut self, o: &Obj, key: &str) {
        if !o.has(key) {
            self.missing(&o.path.at(key));
        }
    }

    pub fn string(&mut self, o: &Obj, key: &str) -> Fact<String> {
        let path = o.path;
        self.fact(o, key, |r, v, key| match v {
            Json::String(s) => Some(s.to_string()),
            // Numbers for ID/phone fields are a common export artefact; accept their digits.
            Json::Number(n) if n.is_u64() => Some(n.to_string()),
            _ => {
                r.wrong_type(&path.at(key), "a string", "字符串", v);
                None
            }
        })
    }

    pub fn boolean(&mut self, o: &Obj, key: &str) -> Fact<bool> {
        let path = o.path;
        self.fact(o, key, |r, v, key| match v {
            Json::Bool(b) => Some(*b),
            _ => {
                r.wrong_type(&path.at(key), "true or false", "布尔值", v);
                None
            }
        })
    }

    pub fn uint(&mut self, o: &Obj, key: &str) -> Fact<u64> {
        let path = o.path;
        self.fact(o, key, |r, v, key| match v.as_u64() {
            Some(n) => Some(n),
            None => {
                let at = path.at(key);
                match v {
                    Json::Number(_) => r.invalid(&at, format!("expected a whole number ≥ 0, found {v}"), format!("应为非负整数，实为 {v}")),
                    _ => r.wrong_type(&at, "a whole number", "整数", v),
                }
                None
            }
        })
    }

    /// A string member's text without copying it (for values parsed or matched right away).
    fn text<'v>(&mut self, v: &'v Json<'_>, at: &dyn Fn() -> String) -> Option<std::borrow::Cow<'v, str>> {
        match v {
            Json::String(s) => Some(std::borrow::Cow::Borrowed(s.as_ref())),
            Json::Number(n) if n.is_u64() => Some(std::borrow::Cow::Owned(n.to_string())),
            _ => {
                self.wrong_type(&at(), "a string", "字符串", v);
                None
            }
        }
    }

    pub fn date(&mut self, o: &Obj, key: &str) -> Fact<NaiveDate> {
        let path = o.path;
        self.fact(o, key, |r, v, key| {
            let s = r.text(v, &|| path.at(key))?;
            // A date-time is accepted where a date is expected; its Shanghai date is used.
            match dates::parse_moment(&s) {
                Ok(t) => Some(t.date()),
                Err(e) => {
                    r.invalid(&path.at(key), e, format!("“{s}”不是有效日期（应为 YYYY-MM-DD）"));
                    None
                }
            }
        })
    }

    pub fn moment(&mut self, o: &Obj, key: &str) -> Fact<Moment> {
        let path = o.path;
        self.fact(o, key, |r, v, key| {
            let s = r.text(v, &|| path.at(key))?;
            match dates::parse_moment(&s) {
                Ok(t) => Some(t),
                Err(e) => {
                    r.invalid(&path.at(key), e, format!("“{s}”不是有效日期或时间"));
                    None
                }
            }
        })
    }

    pub fn word(&mut self, o: &Obj, key: &str, vocab: &'static [&'static str]) -> Fact<&'static str> {
        let path = o.path;
        self.fact(o, key, |r, v, key| {
            let s = r.text(v, &|| path.at(key))?;
            r.word_of(&s, &path.at(key), vocab)
        })
    }

    fn word_of(&mut self, s: &str, at: &str, vocab: &'static [&'static str]) -> Option<&'static str> {
        // The value, or its Chinese name (个人, 包年包月 …); else the nearest value (vocab.rs).
        match vocab::parse(vocab, s) {
            Ok(w) => Some(w),
            Err(near) => {
                let list = vocab.join(", ");
                let list_zh: Vec<String> = vocab.iter().map(|w| vocab::zh_of(vocab, w)).collect();
                let (hint_en, hint_zh) = match near {
                    Some(w) => (format!("did you mean \"{w}\"? "), format!("是否应为“{}”？", vocab::zh_of(vocab, w))),
                    None => (String::new(), String::new()),
                };
                self.invalid(
                    at,
                    format!("\"{s}\" is not one of the values ({hint_en}values: {list})"),
                    format!("“{s}”不是可选值（{hint_zh}可选值：{}）", list_zh.join("、")),
                );
                None
            }
        }
    }

    /// A member that is an object, read by `read`.
    fn nested<T>(&mut self, o: &Obj, key: &str, fields: &'static [Field], read: impl FnOnce(&mut Self, &Obj) -> T) -> Fact<T> {
        let p = o.path.key(key);
        match self.raw(o, key) {
            Raw::Absent => Fact::Absent,
            Raw::Null => Fact::Null,
            Raw::Invalid => Fact::Invalid,
            Raw::Given(v) => match self.object(v, &p, fields) {
                Some(inner) => Fact::Value(read(self, &inner)),
                None => Fact::Invalid,
            },
        }
    }

    /// A member that is a list, each element read by `read` (which may drop it).
    fn list<T>(&mut self, o: &Obj, key: &str, mut read: impl FnMut(&mut Self, &Json, &Path) -> Option<T>) -> Fact<Vec<T>> {
        let base = o.path.key(key);
        match self.raw(o, key) {
            Raw::Absent => Fact::Absent,
            Raw::Null => Fact::Null,
            Raw::Invalid => Fact::Invalid,
            Raw::Given(Json::Array(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    if let Some(t) = read(self, item, &Path::Index(&base, i)) {
                        out.push(t);
                    }
                }
                Fact::Value(out)
            }
            Raw::Given(v) => {
                self.wrong_type(&base.to_string(), "an array", "数组", v);
                Fact::Invalid
            }
        }
    }

    pub fn application(&mut self, v: &Json) -> Application {
        let mut app = Application::default();
        let Some(o) = self.object(v, &Path::Root, fields::APPLICATION) else { return app };
        if let Fact::Value(s) = self.string(&o, "as_of") {
            match dates::parse_date(&s) {
                Ok(d) => app.as_of = Some(d),
                Err(e) => self.invalid("as_of", e, format!("“{s}”不是有效日期（应为 YYYY-MM-DD）")),
            }
        }
        app.province = self.string(&o, "province").get().cloned();
        self.require(&o, "province");
        app.filing_type = self.word(&o, "filing_type", vocab::FILING_TYPES).value();
        app.account = self.nested(&o, "account", fields::ACCOUNT, Self::account);
        match self.nested(&o, "subject", fields::SUBJECT, Self::subject) {
            Fact::Value(s) => app.subject = Some(s),
            Fact::Absent => self.missing("subject"),
            Fact::Null | Fact::Invalid => {}
        }
        let websites = self.list(&o, "websites", |r, v, p| Some(r.website(v, p)));
        app.given.websites = !websites.is_absent() && !websites.is_null();
        if websites.is_absent() {
            self.missing("websites");
        }
        app.websites = websites.get().cloned().unwrap_or_default();
        let domains = self.list(&o, "domains", |r, v, p| Some(r.domain_facts(v, p)));
        // `null`: no registration facts, the same as none given.
        app.given.domains = domains.is_value() || domains.is_invalid();
        app.domains = domains.get().cloned().unwrap_or_default();
        let resources = self.list(&o, "resources", |r, v, p| Some(r.resource(v, p)));
        // `null`: there is no resource (RESOURCE_MISSING), not an unknown one.
        app.given.resources = !resources.is_absent();
        app.resources = resources.get().cloned().unwrap_or_default();
        let materials = self.list(&o, "materials", |r, v, p| Some(r.material(v, p)));
        // `null`: nothing uploaded, so the checklist is checked against an empty list.
        app.given.materials = !materials.is_absent();
        app.materials = materials.get().cloned().unwrap_or_default();
        app
    }

    fn account(&mut self, o: &Obj) -> Account {
        Account {
            kind: self.word(o, "kind", vocab::ACCOUNT_KINDS),
            real_name: self.string(o, "real_name"),
            real_name_verified_at: self.moment(o, "real_name_verified_at"),
            security_mobile: self.string(o, "security_mobile"),
            has_order_in_progress: self.boolean(o, "has_order_in_progress"),
        }
    }

    fn subject(&mut self, o: &Obj) -> Subject {
        let s = Subject {
            kind: self.word(o, "kind", vocab::SUBJECT_KINDS),
            name: self.string(o, "name"),
            certificate: self.nested(o, "certificate", fields::CERTIFICATE, |r, c| Certificate {
                kind: r.word(c, "type", vocab::CERTIFICATE_TYPES),
                number: r.string(c, "number"),
                valid_until: r.date(c, "valid_until"),
            }),
            address: self.string(o, "address"),
            filing_number: self.string(o, "filing_number"),
            filed_with: self.word(o, "filed_with", vocab::FILED_WITH),
            responsible_person: self.nested(o, "responsible_person", fields::PERSON, Self::person),
            residence_permit: self.nested(o, "residence_permit", fields::RESIDENCE_PERMIT, |r, p| ResidencePermit {
                province: r.string(p, "province"),
                valid_until: r.date(p, "valid_until"),
            }),
            business_scope: self.string(o, "business_scope"),
            trade_name: self.string(o, "trade_name"),
            has_seal: self.boolean(o, "has_seal"),
            websites_filed: self.uint(o, "websites_filed"),
            superior_unit: self.string(o, "superior_unit"),
        };
        self.require(o, "kind");
        self.require(o, "name");
        s
    }

    pub fn person(&mut self, o: &Obj) -> Person {
        Person {
            name: self.string(o, "name"),
            id_type: self.word(o, "id_type", vocab::CERTIFICATE_TYPES),
            id_number: self.string(o, "id_number"),
            id_valid_until: self.date(o, "id_valid_until"),
            mobile: self.string(o, "mobile"),
            emergency_mobile: self.string(o, "emergency_mobile"),
            email: self.string(o, "email"),
            is_legal_representative: self.boolean(o, "is_legal_representative"),
            mobile_province: self.string(o, "mobile_province"),
            residency: self.word(o, "residency", vocab::RESIDENCIES),
        }
    }

    fn website(&mut self, v: &Json, path: &Path) -> Website {
        // An element that is not an object keeps its place (indices stay right) with every
        // fact invalid: its one INPUT_INVALID_VALUE is the answer, not a FACT_MISSING per field.
        let Some(o) = self.object(v, path, fields::WEBSITE) else {
            return Website {
                name: Fact::Invalid,
                domain: Fact::Invalid,
                filing_number: Fact::Invalid,
                filed_with: Fact::Invalid,
                service_content: Fact::Invalid,
                pre_approvals: Vec::new(),
                remarks: Fact::Invalid,
                responsible_person: Fact::Invalid,
                resource: Fact::Invalid,
                purpose: Fact::Invalid,
            };
        };
        let mut w = Website {
            name: self.string(&o, "name"),
            domain: self.string(&o, "domain"),
            filing_number: self.string(&o, "filing_number"),
            filed_with: self.word(&o, "filed_with", vocab::FILED_WITH),
            remarks: self.string(&o, "remarks"),
            responsible_person: self.nested(&o, "responsible_person", fields::PERSON, Self::person),
            resource: self.uint(&o, "resource"),
            purpose: self.word(&o, "purpose", vocab::WEBSITE_PURPOSES),
            ..Website::default()
        };
        self.require(&o, "name");
        self.require(&o, "domain");
        w.service_content = self.list(&o, "service_content", |r, item, at| match item.as_str() {
            Some(s) => r.word_of(s, &at.to_string(), vocab::SERVICE_CONTENT),
            None => {
                r.wrong_type(&at.to_string(), "a string", "字符串", item);
                None
            }
        });
        w.pre_approvals = self
            .list(&o, "pre_approvals", |r, v, p| {
                let o = r.object(v, p, fields::PRE_APPROVAL)?;
                Some(PreApproval {
                    category: r.word(&o, "category", vocab::SERVICE_CONTENT),
                    document_number: r.string(&o, "document_number"),
                })
            })
            .get()
            .cloned()
            .unwrap_or_default();
        w
    }

    fn domain_facts(&mut self, v: &Json, path: &Path) -> DomainFacts {
        let Some(o) = self.object(v, path, fields::DOMAIN) else {
            return DomainFacts {
                name: Fact::Invalid,
                registrar: Fact::Invalid,
                registrar_domestic: Fact::Invalid,
                expires_at: Fact::Invalid,
                real_name_verified: Fact::Invalid,
                real_name_verified_at: Fact::Invalid,
                registrant: Fact::Invalid,
                filing_number: Fact::Invalid,
            };
        };
        self.require(&o, "name");
        DomainFacts {
            name: self.string(&o, "name"),
            registrar: self.string(&o, "registrar"),
            registrar_domestic: self.boolean(&o, "registrar_domestic"),
            expires_at: self.moment(&o, "expires_at"),
            real_name_verified: self.boolean(&o, "real_name_verified"),
            real_name_verified_at: self.moment(&o, "real_name_verified_at"),
            registrant: self.nested(&o, "registrant", fields::REGISTRANT, |r, g| Registrant {
                name: r.string(g, "name"),
                id_type: r.word(g, "id_type", vocab::CERTIFICATE_TYPES),
                id_number: r.string(g, "id_number"),
            }),
            filing_number: self.string(&o, "filing_number"),
        }
    }

    fn resource(&mut self, v: &Json, path: &Path) -> Resource {
        let Some(o) = self.object(v, path, fields::RESOURCE) else {
            return Resource {
                kind: Fact::Invalid,
                region: Fact::Invalid,
                public_ip: Fact::Invalid,
                billing: Fact::Invalid,
                purchased_months: Fact::Invalid,
                expires_at: Fact::Invalid,
                websites_filed: Fact::Invalid,
                code: Fact::Invalid,
                issuer_account_kind: Fact::Invalid,
                issuer_resource_kind: Fact::Invalid,
                codes_issued: Fact::Invalid,
                bound_to: Fact::Invalid,
            };
        };
        self.require(&o, "kind");
        Resource {
            kind: self.word(&o, "kind", vocab::RESOURCE_KINDS),
            region: self.string(&o, "region"),
            public_ip: self.string(&o, "public_ip"),
            billing: self.word(&o, "billing", vocab::BILLING),
            purchased_months: self.uint(&o, "purchased_months"),
            expires_at: self.moment(&o, "expires_at"),
            websites_filed: self.uint(&o, "websites_filed"),
            code: self.string(&o, "code"),
            issuer_account_kind: self.word(&o, "issuer_account_kind", vocab::ACCOUNT_KINDS),
            issuer_resource_kind: self.word(&o, "issuer_resource_kind", vocab::RESOURCE_KINDS),
            codes_issued: self.uint(&o, "codes_issued"),
            bound_to: self.uint(&o, "bound_to"),
        }
    }

    fn material(&mut self, v: &Json, path: &Path) -> Material {
        let Some(o) = self.object(v, path, fields::MATERIAL) else {
            return Material { kind: Fact::Invalid, format: Fact::Invalid, bytes: Fact::Invalid, issued_at: Fact::Invalid };
        };
        Material {
            kind: self.string(&o, "kind"),
            format: self.string(&o, "format"),
            bytes: self.uint(&o, "bytes"),
            issued_at: self.date(&o, "issued_at"),
        }
    }
}
