//! The application model (../shared/DESIGN.md, The model) and its reader.
//!
//! The reader walks parsed JSON by hand rather than through `#[derive(Deserialize)]` so that one
//! pass reports *every* problem with its exact path: unknown fields (a typo must not switch a
//! rule off), missing required fields, wrong types and bad dates, and still yields a model the
//! rules can run on.
use crate::codes::*;
use crate::ctx;
use crate::dates::{self, Moment};
use crate::findings::Sink;
use crate::json::{Json, Object};
use crate::vocab;
use chrono::NaiveDate;

#[derive(Debug, Clone, Default)]
pub struct Application {
    pub as_of: Option<NaiveDate>,
    pub province: Option<String>,
    pub filing_type: Option<&'static str>,
    pub account: Option<Account>,
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
    pub kind: Option<&'static str>,
    pub real_name: Option<String>,
    pub real_name_verified_at: Option<Moment>,
    pub security_mobile: Option<String>,
    pub has_order_in_progress: Option<bool>,
}

#[derive(Debug, Clone, Default)]
pub struct Certificate {
    pub kind: Option<&'static str>,
    pub number: Option<String>,
    pub valid_until: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default)]
pub struct Person {
    pub name: Option<String>,
    pub id_type: Option<&'static str>,
    pub id_number: Option<String>,
    pub id_valid_until: Option<NaiveDate>,
    pub mobile: Option<String>,
    pub emergency_mobile: Option<String>,
    pub email: Option<String>,
    pub is_legal_representative: Option<bool>,
}

#[derive(Debug, Clone, Default)]
pub struct ResidencePermit {
    pub province: Option<String>,
    pub valid_until: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default)]
pub struct Subject {
    pub kind: Option<&'static str>,
    pub name: Option<String>,
    pub certificate: Option<Certificate>,
    pub address: Option<String>,
    pub filing_number: Option<String>,
    pub filed_with: Option<&'static str>,
    pub responsible_person: Option<Person>,
    pub residence_permit: Option<ResidencePermit>,
}

#[derive(Debug, Clone, Default)]
pub struct PreApproval {
    pub category: Option<&'static str>,
    pub document_number: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Website {
    pub name: Option<String>,
    pub domain: Option<String>,
    pub filing_number: Option<String>,
    pub filed_with: Option<&'static str>,
    pub service_content: Vec<&'static str>,
    pub pre_approvals: Vec<PreApproval>,
    pub remarks: Option<String>,
    pub responsible_person: Option<Person>,
    pub resource: Option<u64>,
}

#[derive(Debug, Clone, Default)]
pub struct Registrant {
    pub name: Option<String>,
    pub id_type: Option<&'static str>,
    pub id_number: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct DomainFacts {
    pub name: Option<String>,
    pub registrar: Option<String>,
    pub registrar_domestic: Option<bool>,
    pub expires_at: Option<Moment>,
    pub real_name_verified: Option<bool>,
    pub real_name_verified_at: Option<Moment>,
    pub registrant: Option<Registrant>,
    pub filing_number: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Resource {
    pub kind: Option<&'static str>,
    pub region: Option<String>,
    pub public_ip: Option<String>,
    pub billing: Option<&'static str>,
    pub purchased_months: Option<u64>,
    pub expires_at: Option<Moment>,
    pub websites_filed: Option<u64>,
    pub code: Option<String>,
    pub issuer_account_kind: Option<&'static str>,
    pub issuer_resource_kind: Option<&'static str>,
    pub codes_issued: Option<u64>,
    /// For a CLB: the index of the CVM it is bound to.
    pub bound_to: Option<u64>,
}

#[derive(Debug, Clone, Default)]
pub struct Material {
    pub kind: Option<String>,
    pub format: Option<String>,
    pub bytes: Option<u64>,
    pub issued_at: Option<NaiveDate>,
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

/// Walks JSON into the model, reporting problems into the sink.
pub struct Reader<'s, 'c> {
    pub sink: &'s mut Sink<'c>,
}

impl Reader<'_, '_> {
    fn invalid(&mut self, path: &str, reason_en: String, reason_zh: String) {
        let path = if path.is_empty() { "(root)" } else { path };
        self.sink.add(INPUT_INVALID_VALUE, path, ctx!["field" => path, "reason_en" => reason_en, "reason_zh" => reason_zh]);
    }

    fn wrong_type(&mut self, path: &str, want: &str, want_zh: &str, v: &Json) {
        self.invalid(path, format!("expected {want}, found {}", v.type_name()), format!("应为{want_zh}，实为{}", v.type_name()));
    }

    /// The object at `path`, reporting its unknown fields.
    pub fn object<'v, 'a>(&mut self, v: &'v Json<'a>, path: &Path, known: &[&str]) -> Option<&'v Object<'a>> {
        match v {
            Json::Object(m) => {
                for k in m.keys() {
                    if !known.contains(&k) {
                        let at = path.at(k);
                        self.sink.add(INPUT_UNKNOWN_FIELD, at.clone(), ctx!["field" => at, "known" => known.to_vec()]);
                    }
                }
                Some(m)
            }
            _ => {
                self.wrong_type(&path.to_string(), "an object", "对象", v);
                None
            }
        }
    }

    fn get<'v, 'a>(m: &'v Object<'a>, key: &str) -> Option<&'v Json<'a>> {
        m.get(key).filter(|v| !v.is_null())
    }

    pub fn missing(&mut self, path: &str) {
        self.sink.add(INPUT_MISSING_FIELD, path, ctx!["field" => path]);
    }

    pub fn string(&mut self, m: &Object<'_>, key: &str, path: &Path) -> Option<String> {
        let v = Self::get(m, key)?;
        match v {
            Json::String(s) => Some(s.to_string()),
            // Numbers for ID/phone fields are a common export artefact; accept their digits.
            Json::Number(n) if n.is_u64() => Some(n.to_string()),
            _ => {
                self.wrong_type(&path.at(key), "a string", "字符串", v);
                None
            }
        }
    }

    pub fn boolean(&mut self, m: &Object<'_>, key: &str, path: &Path) -> Option<bool> {
        let v = Self::get(m, key)?;
        match v {
            Json::Bool(b) => Some(*b),
            _ => {
                self.wrong_type(&path.at(key), "true or false", "布尔值", v);
                None
            }
        }
    }

    pub fn uint(&mut self, m: &Object<'_>, key: &str, path: &Path) -> Option<u64> {
        let v = Self::get(m, key)?;
        match v.as_u64() {
            Some(n) => Some(n),
            None => {
                let at = path.at(key);
                match v {
                    Json::Number(_) => {
                        self.invalid(&at, format!("expected a whole number ≥ 0, found {v}"), format!("应为非负整数，实为 {v}"))
                    }
                    _ => self.wrong_type(&at, "a whole number", "整数", v),
                }
                None
            }
        }
    }

    /// A string field without copying it (for values parsed or matched right away).
    fn str_of<'v>(&mut self, m: &'v Object<'_>, key: &str, path: &Path) -> Option<std::borrow::Cow<'v, str>> {
        let v = Self::get(m, key)?;
        match v {
            Json::String(s) => Some(std::borrow::Cow::Borrowed(s.as_ref())),
            Json::Number(n) if n.is_u64() => Some(std::borrow::Cow::Owned(n.to_string())),
            _ => {
                self.wrong_type(&path.at(key), "a string", "字符串", v);
                None
            }
        }
    }

    pub fn date(&mut self, m: &Object<'_>, key: &str, path: &Path) -> Option<NaiveDate> {
        let s = self.str_of(m, key, path)?;
        // A date-time is accepted where a date is expected; its Shanghai date is used.
        match dates::parse_moment(&s) {
            Ok(t) => Some(t.date()),
            Err(e) => {
                self.invalid(&path.at(key), e, format!("“{s}”不是有效日期（应为 YYYY-MM-DD）"));
                None
            }
        }
    }

    pub fn moment(&mut self, m: &Object<'_>, key: &str, path: &Path) -> Option<Moment> {
        let s = self.str_of(m, key, path)?;
        match dates::parse_moment(&s) {
            Ok(t) => Some(t),
            Err(e) => {
                self.invalid(&path.at(key), e, format!("“{s}”不是有效日期或时间"));
                None
            }
        }
    }

    pub fn word(&mut self, m: &Object<'_>, key: &str, path: &Path, vocab: &'static [&'static str]) -> Option<&'static str> {
        let s = self.str_of(m, key, path)?;
        match vocab.iter().find(|w| **w == s) {
            Some(w) => Some(w),
            None => self.word_of(&s, &path.at(key), vocab),
        }
    }

    fn word_of(&mut self, s: &str, at: &str, vocab: &'static [&'static str]) -> Option<&'static str> {
        match vocab.iter().find(|w| **w == s) {
            Some(w) => Some(w),
            None => {
                let list = vocab.join(", ");
                self.invalid(at, format!("\"{s}\" is not one of: {list}"), format!("“{s}”不在可选值中：{list}"));
                None
            }
        }
    }

    pub fn array<'v, 'a>(&mut self, m: &'v Object<'a>, key: &str, path: &Path) -> Option<&'v [Json<'a>]> {
        let v = Self::get(m, key)?;
        match v {
            Json::Array(a) => Some(a),
            _ => {
                self.wrong_type(&path.at(key), "an array", "数组", v);
                None
            }
        }
    }

    fn list<T>(
        &mut self,
        m: &Object<'_>,
        key: &str,
        path: &Path,
        mut f: impl FnMut(&mut Self, &Json, &Path) -> Option<T>,
    ) -> (bool, Vec<T>) {
        let Some(items) = self.array(m, key, path) else {
            return (m.get(key).is_some_and(|v| !v.is_null()), Vec::new());
        };
        let base = path.key(key);
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            // A bad element still takes its place so indices (websites[].resource) stay right.
            if let Some(t) = f(self, item, &Path::Index(&base, i)) {
                out.push(t);
            }
        }
        (true, out)
    }

    pub fn application(&mut self, v: &Json) -> Application {
        const KNOWN: &[&str] = &["as_of", "province", "filing_type", "account", "subject", "websites", "domains", "resources", "materials"];
        let mut app = Application::default();
        let Some(m) = self.object(v, &Path::Root, KNOWN) else { return app };
        if let Some(s) = self.string(m, "as_of", &Path::Root) {
            match dates::parse_date(&s) {
                Ok(d) => app.as_of = Some(d),
                Err(e) => self.invalid("as_of", e, format!("“{s}”不是有效日期（应为 YYYY-MM-DD）")),
            }
        }
        app.province = self.string(m, "province", &Path::Root);
        if app.province.is_none() && !m.contains_key("province") {
            self.missing("province");
        }
        app.filing_type = self.word(m, "filing_type", &Path::Root, vocab::FILING_TYPES);
        app.account = Self::get(m, "account").and_then(|v| self.account(v, &Path::Root.key("account")));
        match Self::get(m, "subject") {
            Some(v) => app.subject = self.subject(v, &Path::Root.key("subject")),
            None => self.missing("subject"),
        }
        let (given, websites) = self.list(m, "websites", &Path::Root, |r, v, p| Some(r.website(v, p)));
        app.websites = websites;
        app.given.websites = given;
        if !given {
            self.missing("websites");
        }
        (app.given.domains, app.domains) = self.list(m, "domains", &Path::Root, |r, v, p| Some(r.domain_facts(v, p)));
        (app.given.resources, app.resources) = self.list(m, "resources", &Path::Root, |r, v, p| Some(r.resource(v, p)));
        (app.given.materials, app.materials) = self.list(m, "materials", &Path::Root, |r, v, p| Some(r.material(v, p)));
        app
    }

    fn account(&mut self, v: &Json, path: &Path) -> Option<Account> {
        let m = self.object(v, path, &["kind", "real_name", "real_name_verified_at", "security_mobile", "has_order_in_progress"])?;
        Some(Account {
            kind: self.word(m, "kind", path, vocab::ACCOUNT_KINDS),
            real_name: self.string(m, "real_name", path),
            real_name_verified_at: self.moment(m, "real_name_verified_at", path),
            security_mobile: self.string(m, "security_mobile", path),
            has_order_in_progress: self.boolean(m, "has_order_in_progress", path),
        })
    }

    fn subject(&mut self, v: &Json, path: &Path) -> Option<Subject> {
        const KNOWN: &[&str] =
            &["kind", "name", "certificate", "address", "filing_number", "filed_with", "responsible_person", "residence_permit"];
        let m = self.object(v, path, KNOWN)?;
        let s = Subject {
            kind: self.word(m, "kind", path, vocab::SUBJECT_KINDS),
            name: self.string(m, "name", path),
            certificate: Self::get(m, "certificate").and_then(|v| self.certificate(v, &path.key("certificate"))),
            address: self.string(m, "address", path),
            filing_number: self.string(m, "filing_number", path),
            filed_with: self.word(m, "filed_with", path, vocab::FILED_WITH),
            responsible_person: Self::get(m, "responsible_person").and_then(|v| self.person(v, &path.key("responsible_person"))),
            residence_permit: Self::get(m, "residence_permit").and_then(|v| self.residence_permit(v, &path.key("residence_permit"))),
        };
        if !m.contains_key("kind") {
            self.missing(&path.at("kind"));
        }
        if !m.contains_key("name") {
            self.missing(&path.at("name"));
        }
        Some(s)
    }

    fn certificate(&mut self, v: &Json, path: &Path) -> Option<Certificate> {
        let m = self.object(v, path, &["type", "number", "valid_until"])?;
        Some(Certificate {
            kind: self.word(m, "type", path, vocab::CERTIFICATE_TYPES),
            number: self.string(m, "number", path),
            valid_until: self.date(m, "valid_until", path),
        })
    }

    pub fn person(&mut self, v: &Json, path: &Path) -> Option<Person> {
        const KNOWN: &[&str] =
            &["name", "id_type", "id_number", "id_valid_until", "mobile", "emergency_mobile", "email", "is_legal_representative"];
        let m = self.object(v, path, KNOWN)?;
        Some(Person {
            name: self.string(m, "name", path),
            id_type: self.word(m, "id_type", path, vocab::CERTIFICATE_TYPES),
            id_number: self.string(m, "id_number", path),
            id_valid_until: self.date(m, "id_valid_until", path),
            mobile: self.string(m, "mobile", path),
            emergency_mobile: self.string(m, "emergency_mobile", path),
            email: self.string(m, "email", path),
            is_legal_representative: self.boolean(m, "is_legal_representative", path),
        })
    }

    fn residence_permit(&mut self, v: &Json, path: &Path) -> Option<ResidencePermit> {
        let m = self.object(v, path, &["province", "valid_until"])?;
        Some(ResidencePermit { province: self.string(m, "province", path), valid_until: self.date(m, "valid_until", path) })
    }

    fn website(&mut self, v: &Json, path: &Path) -> Website {
        const KNOWN: &[&str] = &[
            "name",
            "domain",
            "filing_number",
            "filed_with",
            "service_content",
            "pre_approvals",
            "remarks",
            "responsible_person",
            "resource",
        ];
        let Some(m) = self.object(v, path, KNOWN) else { return Website::default() };
        let mut w = Website {
            name: self.string(m, "name", path),
            domain: self.string(m, "domain", path),
            filing_number: self.string(m, "filing_number", path),
            filed_with: self.word(m, "filed_with", path, vocab::FILED_WITH),
            remarks: self.string(m, "remarks", path),
            responsible_person: Self::get(m, "responsible_person").and_then(|v| self.person(v, &path.key("responsible_person"))),
            resource: self.uint(m, "resource", path),
            ..Website::default()
        };
        for key in ["name", "domain"] {
            if !m.contains_key(key) {
                self.missing(&path.at(key));
            }
        }
        if let Some(items) = self.array(m, "service_content", path) {
            let base = path.key("service_content");
            for (i, item) in items.iter().enumerate() {
                let at = || Path::Index(&base, i).to_string();
                match item.as_str() {
                    Some(s) => match vocab::SERVICE_CONTENT.iter().find(|w| **w == s) {
                        Some(found) => w.service_content.push(found),
                        None => w.service_content.extend(self.word_of(s, &at(), vocab::SERVICE_CONTENT)),
                    },
                    None => self.wrong_type(&at(), "a string", "字符串", item),
                }
            }
        }
        (_, w.pre_approvals) = self.list(m, "pre_approvals", path, |r, v, p| {
            let m = r.object(v, p, &["category", "document_number"])?;
            Some(PreApproval {
                category: r.word(m, "category", p, vocab::SERVICE_CONTENT),
                document_number: r.string(m, "document_number", p),
            })
        });
        w
    }

    fn domain_facts(&mut self, v: &Json, path: &Path) -> DomainFacts {
        const KNOWN: &[&str] = &[
            "name",
            "registrar",
            "registrar_domestic",
            "expires_at",
            "real_name_verified",
            "real_name_verified_at",
            "registrant",
            "filing_number",
        ];
        let Some(m) = self.object(v, path, KNOWN) else { return DomainFacts::default() };
        if !m.contains_key("name") {
            self.missing(&path.at("name"));
        }
        DomainFacts {
            name: self.string(m, "name", path),
            registrar: self.string(m, "registrar", path),
            registrar_domestic: self.boolean(m, "registrar_domestic", path),
            expires_at: self.moment(m, "expires_at", path),
            real_name_verified: self.boolean(m, "real_name_verified", path),
            real_name_verified_at: self.moment(m, "real_name_verified_at", path),
            registrant: Self::get(m, "registrant").and_then(|v| {
                let p = path.key("registrant");
                let m = self.object(v, &p, &["name", "id_type", "id_number"])?;
                Some(Registrant {
                    name: self.string(m, "name", &p),
                    id_type: self.word(m, "id_type", &p, vocab::CERTIFICATE_TYPES),
                    id_number: self.string(m, "id_number", &p),
                })
            }),
            filing_number: self.string(m, "filing_number", path),
        }
    }

    fn resource(&mut self, v: &Json, path: &Path) -> Resource {
        const KNOWN: &[&str] = &[
            "kind",
            "region",
            "public_ip",
            "billing",
            "purchased_months",
            "expires_at",
            "websites_filed",
            "code",
            "issuer_account_kind",
            "issuer_resource_kind",
            "codes_issued",
            "bound_to",
        ];
        let Some(m) = self.object(v, path, KNOWN) else { return Resource::default() };
        if !m.contains_key("kind") {
            self.missing(&path.at("kind"));
        }
        Resource {
            kind: self.word(m, "kind", path, vocab::RESOURCE_KINDS),
            region: self.string(m, "region", path),
            public_ip: self.string(m, "public_ip", path),
            billing: self.word(m, "billing", path, vocab::BILLING),
            purchased_months: self.uint(m, "purchased_months", path),
            expires_at: self.moment(m, "expires_at", path),
            websites_filed: self.uint(m, "websites_filed", path),
            code: self.string(m, "code", path),
            issuer_account_kind: self.word(m, "issuer_account_kind", path, vocab::ACCOUNT_KINDS),
            issuer_resource_kind: self.word(m, "issuer_resource_kind", path, vocab::RESOURCE_KINDS),
            codes_issued: self.uint(m, "codes_issued", path),
            bound_to: self.uint(m, "bound_to", path),
        }
    }

    fn material(&mut self, v: &Json, path: &Path) -> Material {
        let Some(m) = self.object(v, path, &["kind", "format", "bytes", "issued_at"]) else { return Material::default() };
        Material {
            kind: self.string(m, "kind", path),
            format: self.string(m, "format", path),
            bytes: self.uint(m, "bytes", path),
            issued_at: self.date(m, "issued_at", path),
        }
    }
}
