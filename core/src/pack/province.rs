//! The 31 provinces and their own rules, as typed rows of rules/provinces.json. Each family's
//! module (domain, subject, website …) reads the rows of its kind; this module only knows their
//! shape and which filings they apply to.
use crate::pack::words::Words;
use crate::pack::PackError;
use serde::Deserialize;
use ProvinceRule as Self_;

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Province {
    /// Two-letter code (`SH`).
    pub code: String,
    /// The abbreviation in filing numbers (`沪`).
    pub abbr: String,
    pub zh: String,
    pub zh_full: String,
    pub en: String,
    /// GB/T 2260 prefix of IDs and credit codes registered here (`31`).
    pub area_prefix: String,
    pub source: String,
    pub bureau_review_days: Sourced<[u32; 2]>,
    #[serde(default)]
    pub rules: Vec<ProvinceRule>,
    /// The report's timeline for this province, built on first use and shared.
    #[serde(skip)]
    pub(crate) timeline: once_cell::sync::OnceCell<std::sync::Arc<crate::report::SharedTimeline>>,
    /// Every keyword of the province's pre-approval rows in one automaton, built on first use.
    #[serde(skip)]
    keywords: once_cell::sync::OnceCell<ProvinceKeywords>,
}

/// The keywords of all `PreApprovalKeywords` rows of a province (lower-cased), each pattern
/// tagged with its row's index in `Province::rules`: a text is scanned once for all rows.
#[derive(Debug, Clone)]
pub(crate) struct ProvinceKeywords {
    automaton: aho_corasick::AhoCorasick,
    row_of: Vec<usize>,
}

impl Province {
    /// For each row of `rules`, whether `lowered` mentions one of its keywords at a position
    /// `skip` does not veto (a negation before it). Rows of other kinds are never hit.
    pub(crate) fn keyword_rows_hit(&self, lowered: &str, skip: impl Fn(usize) -> bool) -> Vec<bool> {
        let mut hit = vec![false; self.rules.len()];
        if lowered.is_empty() {
            return hit;
        }
        let k = self.keywords.get_or_init(|| {
            let mut words = Vec::new();
            let mut row_of = Vec::new();
            for (i, r) in self.rules.iter().enumerate() {
                if let ProvinceRule::PreApprovalKeywords { keywords, .. } = r {
                    for w in keywords.iter().filter(|w| !w.is_empty()) {
                        words.push(w.to_lowercase());
                        row_of.push(i);
                    }
                }
            }
            let automaton = aho_corasick::AhoCorasick::new(&words).expect("a keyword list of the pack's size always compiles");
            ProvinceKeywords { automaton, row_of }
        });
        if k.row_of.is_empty() {
            return hit;
        }
        for m in k.automaton.find_overlapping_iter(lowered) {
            let row = k.row_of[m.pattern().as_usize()];
            if !hit[row] && !skip(m.start()) {
                hit[row] = true;
            }
        }
        hit
    }
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Sourced<T> {
    pub range: T,
    pub source: String,
}

pub use crate::pack::scope::AppliesTo;

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Word {
    pub word: String,
    pub en: String,
}

/// One province rule. `applies_to` says whether it binds personal filings, organisation
/// filings or both; `source` names the document; `choice` records how a conflict between
/// documents was settled (reference/README.md).
#[derive(Deserialize, Clone, Debug)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum ProvinceRule {
    /// Only these TLDs (A-labels) may be filed here; `idn_tlds` admits every approved IDN TLD.
    DomainAllowedTlds {
        applies_to: Vec<AppliesTo>,
        tlds: Vec<String>,
        #[serde(default)]
        idn_tlds: bool,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// The registrable label may not contain these words unless the subject is of an exempt kind.
    DomainReservedWords {
        applies_to: Vec<AppliesTo>,
        words: Vec<Word>,
        exempt_kinds: Vec<String>,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// The domain holder must be the organisation itself (主办单位名称), not its legal
    /// representative (where the national rule, tencent/facts.md §3, accepts either).
    DomainOwnerIsSubject {
        applies_to: Vec<AppliesTo>,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// The domain must have more than `months` of validity left on the submission date.
    DomainValidityMinMonths {
        applies_to: Vec<AppliesTo>,
        months: u32,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// A material this province requires (same shape as the national rows of materials.json).
    Material(MaterialRow),
    /// The filer (personal) or the responsible persons (organisation) must be at least `age`.
    MinAge {
        applies_to: Vec<AppliesTo>,
        age: u32,
        #[serde(default)]
        note_zh: Option<String>,
        #[serde(default)]
        note_en: Option<String>,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// Responsible persons (网站负责人) who have reached this age, by the sex the resident ID
    /// encodes (17th digit odd = male), cannot be responsible persons (Tianjin: past retirement
    /// age). No finding code exists yet: the check needs one (e.g. `PERSON_OVER_AGE`).
    RetirementAge {
        applies_to: Vec<AppliesTo>,
        male: u32,
        female: u32,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// How the bureau treats a personal filer whose resident ID was issued in another province
    /// (judged from the ID's area code): `allowed`, `residence_permit` (a local permit valid at
    /// least `permit_min_months`), `refused`, or `special` (proofs named in the note).
    NonLocalId {
        applies_to: Vec<AppliesTo>,
        policy: NonLocalPolicy,
        #[serde(default)]
        permit_min_months: Option<u32>,
        #[serde(default)]
        note_zh: Option<String>,
        #[serde(default)]
        note_en: Option<String>,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// Who may be the subject owner (主体负责人): `legal_rep` (must be the legal
    /// representative), `authorized` (another person with an authorisation letter), `free`.
    /// `authorized_kinds`: subject kinds that may instead use an authorisation letter although
    /// the policy is `legal_rep` (Qinghai: 事业单位/政府机关). `filing_types`: when not empty, the
    /// policy binds only these filing types; for the others the owner is free (Guangdong: legal
    /// representative only for 首次备案/新增网站).
    SubjectOwner {
        applies_to: Vec<AppliesTo>,
        policy: OwnerPolicy,
        #[serde(default)]
        authorized_kinds: Vec<String>,
        #[serde(default)]
        filing_types: Vec<String>,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// Every website owner (网站负责人) must be the subject owner; with
    /// `only_if_subject_owner_not_legal_rep`, only when the subject owner is not the legal
    /// representative (Heilongjiang, Jiangsu, Hainan).
    WebsiteOwnerIsSubjectOwner {
        applies_to: Vec<AppliesTo>,
        #[serde(default)]
        only_if_subject_owner_not_legal_rep: bool,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// Only these certificate types are accepted: for the subject's certificate (`of: subject`;
    /// for a personal filing that is the filer's ID) or for the responsible persons' IDs
    /// (`of: people`). `subject_kinds`, when not empty, narrows the rule to those subject kinds.
    CertificateTypes {
        applies_to: Vec<AppliesTo>,
        of: Holder,
        #[serde(default)]
        subject_kinds: Vec<String>,
        types: Vec<String>,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// At most `per_order` websites in one order (and `per_subject` in total, where stated).
    /// `filing_types`, when not empty, limits the rule to those filing types (Hubei: one website
    /// per 首次备案/新增网站). The application does not say how many websites the subject has
    /// filed already, so `per_subject` can only be checked against the order itself.
    MaxWebsites {
        applies_to: Vec<AppliesTo>,
        per_order: u32,
        #[serde(default)]
        per_subject: Option<u32>,
        #[serde(default)]
        filing_types: Vec<String>,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// Website names may not be all Latin letters/digits (e.g. Shanghai personal sites).
    WebsiteNameNotPureLatin {
        applies_to: Vec<AppliesTo>,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// Website names may not contain a Latin letter at all (Chongqing: 网站名称不能涉及英文).
    WebsiteNameNoLatin {
        applies_to: Vec<AppliesTo>,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// Website names need at least `min` Chinese characters (Tianjin: 3个以上汉字).
    WebsiteNameMinChinese {
        applies_to: Vec<AppliesTo>,
        min: u32,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// Website names may not contain these words (subjects of `exempt_kinds` may).
    WebsiteNameForbiddenWords {
        applies_to: Vec<AppliesTo>,
        words: Words,
        #[serde(default)]
        exempt_kinds: Vec<String>,
        #[serde(default)]
        reason_zh: Option<String>,
        #[serde(default)]
        reason_en: Option<String>,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// These service_content values are not allowed (e.g. personal 博客/个人空间 in Beijing).
    ServiceNotAllowed {
        applies_to: Vec<AppliesTo>,
        services: Vec<String>,
        #[serde(default)]
        reason_zh: Option<String>,
        #[serde(default)]
        reason_en: Option<String>,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// The website remarks may not contain these words (Guizhou: personal remarks may not
    /// mention 论坛/博客).
    RemarksForbiddenWords {
        applies_to: Vec<AppliesTo>,
        words: Words,
        #[serde(default)]
        reason_zh: Option<String>,
        #[serde(default)]
        reason_en: Option<String>,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// Extra pre-approval keywords of this province (website name, subject name, remarks; with
    /// `in_domain` also the domain's registrable label, e.g. Shanghai's "game" prefix). A hit
    /// without the category among the website's pre-approvals needs the approval
    /// (`PRE_APPROVAL_REQUIRED`; for individuals `PRE_APPROVAL_NOT_AVAILABLE`), also for a
    /// category the national table does not require (forum, religion).
    PreApprovalKeywords {
        applies_to: Vec<AppliesTo>,
        category: String,
        keywords: Words,
        #[serde(default)]
        in_domain: bool,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// The website remarks must state something: when `services` is not empty, only for
    /// websites offering one of them; `any_of` lists words of which one must appear (empty: any
    /// non-empty remark); `min_chars`, when given, is the least number of characters.
    RemarksRequired {
        applies_to: Vec<AppliesTo>,
        #[serde(default)]
        services: Vec<String>,
        any_of: Words,
        #[serde(default)]
        min_chars: Option<u32>,
        required_zh: String,
        required_en: String,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// Contact numbers that must differ: `owner_mobile_vs_emergency` (a person's 联系方式1 and
    /// 应急联系方式), `three_of_four` (subject and website owners' four numbers hold at least three
    /// different ones when the owners differ), `two_of_four` (the four numbers hold at least two
    /// different ones), `owner_mobiles_differ` (different subject and website owners have
    /// different 联系方式1), `emergency_vs_mobiles` (every 应急联系方式 differs from every owner's
    /// 联系方式1), `all`. A province may have several rows of different scopes.
    DistinctNumbers {
        applies_to: Vec<AppliesTo>,
        scope: DistinctScope,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// Certificates must stay valid at least `months` after submission: the subject's
    /// certificate (`of: subject`), the people's IDs (`of: people`), or both (no `of`).
    CertificateValidityMinMonths {
        applies_to: Vec<AppliesTo>,
        months: u32,
        #[serde(default)]
        of: Option<Holder>,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// An uploaded material of this kind (a checklist code of materials.rs) may be at most
    /// `max_days` old (T9 exceptions to the national 3 months).
    DocumentMaxAge {
        applies_to: Vec<AppliesTo>,
        material: String,
        max_days: u32,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// A rule of this province that no field of the application can show; kept for the rules
    /// reference and the report's notes, with why it is not a check.
    Note {
        applies_to: Vec<AppliesTo>,
        zh: String,
        en: String,
        why_not_checked: String,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
}

#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum NonLocalPolicy {
    Allowed,
    ResidencePermit,
    Refused,
    Special,
}

#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum OwnerPolicy {
    LegalRep,
    Authorized,
    Free,
}

#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DistinctScope {
    OwnerMobileVsEmergency,
    ThreeOfFour,
    TwoOfFour,
    OwnerMobilesDiffer,
    EmergencyVsMobiles,
    All,
}

/// Whose certificate a rule is about.
#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Holder {
    /// The subject's certificate (a personal filer's own ID).
    Subject,
    /// The responsible persons' IDs.
    People,
}

pub use crate::pack::materials::MaterialRow;

/// Every variant's `applies_to`, `source` and `choice`, in one place.
macro_rules! each_rule {
    ($self:expr, $field:ident) => {
        match $self {
            Self::Material(m) => &m.$field,
            Self::DomainAllowedTlds { $field, .. }
            | Self::DomainReservedWords { $field, .. }
            | Self::DomainOwnerIsSubject { $field, .. }
            | Self::DomainValidityMinMonths { $field, .. }
            | Self::MinAge { $field, .. }
            | Self::RetirementAge { $field, .. }
            | Self::NonLocalId { $field, .. }
            | Self::SubjectOwner { $field, .. }
            | Self::WebsiteOwnerIsSubjectOwner { $field, .. }
            | Self::CertificateTypes { $field, .. }
            | Self::MaxWebsites { $field, .. }
            | Self::WebsiteNameNotPureLatin { $field, .. }
            | Self::WebsiteNameNoLatin { $field, .. }
            | Self::WebsiteNameMinChinese { $field, .. }
            | Self::WebsiteNameForbiddenWords { $field, .. }
            | Self::ServiceNotAllowed { $field, .. }
            | Self::RemarksForbiddenWords { $field, .. }
            | Self::PreApprovalKeywords { $field, .. }
            | Self::RemarksRequired { $field, .. }
            | Self::DistinctNumbers { $field, .. }
            | Self::CertificateValidityMinMonths { $field, .. }
            | Self::DocumentMaxAge { $field, .. }
            | Self::Note { $field, .. } => $field,
        }
    };
}

impl ProvinceRule {
    pub fn applies_to(&self) -> &[AppliesTo] {
        each_rule!(self, applies_to)
    }
    pub fn source(&self) -> &str {
        each_rule!(self, source)
    }
    /// How a conflict between documents was settled for this row, if there was one.
    pub fn choice(&self) -> Option<&str> {
        each_rule!(self, choice).as_deref()
    }
    pub fn kind(&self) -> &'static str {
        match self {
            Self::DomainAllowedTlds { .. } => "domain_allowed_tlds",
            Self::DomainReservedWords { .. } => "domain_reserved_words",
            Self::DomainOwnerIsSubject { .. } => "domain_owner_is_subject",
            Self::DomainValidityMinMonths { .. } => "domain_validity_min_months",
            Self::Material(_) => "material",
            Self::MinAge { .. } => "min_age",
            Self::RetirementAge { .. } => "retirement_age",
            Self::NonLocalId { .. } => "non_local_id",
            Self::SubjectOwner { .. } => "subject_owner",
            Self::WebsiteOwnerIsSubjectOwner { .. } => "website_owner_is_subject_owner",
            Self::CertificateTypes { .. } => "certificate_types",
            Self::MaxWebsites { .. } => "max_websites",
            Self::WebsiteNameNotPureLatin { .. } => "website_name_not_pure_latin",
            Self::WebsiteNameNoLatin { .. } => "website_name_no_latin",
            Self::WebsiteNameMinChinese { .. } => "website_name_min_chinese",
            Self::WebsiteNameForbiddenWords { .. } => "website_name_forbidden_words",
            Self::ServiceNotAllowed { .. } => "service_not_allowed",
            Self::RemarksForbiddenWords { .. } => "remarks_forbidden_words",
            Self::PreApprovalKeywords { .. } => "pre_approval_keywords",
            Self::RemarksRequired { .. } => "remarks_required",
            Self::DistinctNumbers { .. } => "distinct_numbers",
            Self::CertificateValidityMinMonths { .. } => "certificate_validity_min_months",
            Self::DocumentMaxAge { .. } => "document_max_age",
            Self::Note { .. } => "note",
        }
    }
    /// The finding code a failed check of this row yields (`None` for notes, and for
    /// `retirement_age`, whose code the engine does not have yet).
    pub fn finding_code(&self) -> Option<&'static str> {
        use crate::codes::*;
        Some(match self {
            Self::DomainAllowedTlds { .. } => DOMAIN_TLD_NOT_ALLOWED_IN_PROVINCE,
            Self::DomainReservedWords { .. } => DOMAIN_RESERVED_WORD,
            Self::DomainOwnerIsSubject { .. } => DOMAIN_OWNER_MISMATCH,
            Self::DomainValidityMinMonths { .. } => DOMAIN_VALIDITY_TOO_SHORT,
            Self::Material(_) => MATERIAL_MISSING,
            Self::MinAge { .. } => PERSON_UNDERAGE,
            Self::NonLocalId { .. } => PERSON_NONLOCAL_ID,
            Self::SubjectOwner { .. } => RESPONSIBLE_NOT_LEGAL_REPRESENTATIVE,
            Self::WebsiteOwnerIsSubjectOwner { .. } => WEBSITE_OWNER_NOT_SUBJECT_OWNER,
            Self::CertificateTypes { .. } => SUBJECT_CERTIFICATE_TYPE_NOT_ALLOWED,
            Self::MaxWebsites { .. } => WEBSITE_COUNT_EXCEEDED,
            Self::WebsiteNameNotPureLatin { .. } | Self::WebsiteNameNoLatin { .. } => WEBSITE_NAME_NOT_CHINESE,
            Self::WebsiteNameMinChinese { .. } => WEBSITE_NAME_TOO_SHORT,
            Self::WebsiteNameForbiddenWords { .. } => WEBSITE_NAME_RESERVED_WORD,
            Self::ServiceNotAllowed { .. } | Self::RemarksForbiddenWords { .. } => WEBSITE_SERVICE_NOT_ALLOWED,
            Self::PreApprovalKeywords { .. } => PRE_APPROVAL_REQUIRED,
            Self::RemarksRequired { .. } => WEBSITE_REMARKS_REQUIRED,
            Self::DistinctNumbers { .. } => CONTACT_NUMBERS_NOT_DISTINCT,
            Self::CertificateValidityMinMonths { .. } => SUBJECT_CERTIFICATE_EXPIRING,
            Self::DocumentMaxAge { .. } => MATERIAL_TOO_OLD,
            Self::RetirementAge { .. } => PERSON_OVER_AGE,
            Self::Note { .. } => return None,
        })
    }
    /// A row recording another provider's rule (reference/others/): data for a future provider
    /// profile, never one of Tencent's checks (reference/README.md rule 4).
    pub fn is_other_provider(&self) -> bool {
        self.source().starts_with("others/")
    }
    pub fn applies(&self, personal: bool) -> bool {
        self.applies_to().contains(if personal { &AppliesTo::Personal } else { &AppliesTo::Organization })
    }

    /// What distinguishes two rows of one kind that may stand side by side for the same filings;
    /// `None` when a second row of the kind would contradict the first.
    fn repeat_key(&self) -> Option<String> {
        Some(match self {
            // Materials: per code, conditions and title (Jiangsu has two letters of one code).
            Self::Material(m) => format!("{}|{:?}|{:?}|{}", m.code, m.when, m.min_websites, m.zh),
            Self::PreApprovalKeywords { category, .. } => category.clone(),
            Self::DocumentMaxAge { material, .. } => material.clone(),
            Self::DistinctNumbers { scope, .. } => format!("{scope:?}"),
            Self::CertificateTypes { of, subject_kinds, .. } => format!("{of:?}|{subject_kinds:?}"),
            Self::CertificateValidityMinMonths { of, .. } => format!("{of:?}"),
            Self::Note { zh, en, .. } => format!("{zh}|{en}"),
            Self::WebsiteNameForbiddenWords { words, .. } | Self::RemarksForbiddenWords { words, .. } => words.join("|"),
            Self::ServiceNotAllowed { services, .. } => services.join("|"),
            Self::RemarksRequired { services, any_of, .. } => format!("{services:?}|{any_of:?}"),
            _ => return None,
        })
    }
}

impl Province {
    pub(crate) fn validate(&self, at: &str) -> Result<(), PackError> {
        let bad = |field: &str, msg: &str| PackError { path: format!("{at}.{field}"), message: msg.to_owned() };
        if self.code.len() != 2 || !self.code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(bad("code", "must be two upper-case letters"));
        }
        if self.area_prefix.len() != 2 || !self.area_prefix.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("area_prefix", "must be two digits"));
        }
        if self.abbr.chars().count() != 1 {
            return Err(bad("abbr", "must be one character"));
        }
        let [lo, hi] = self.bureau_review_days.range;
        if lo > hi {
            return Err(bad("bureau_review_days.range", "low end above high end"));
        }
        // Each row's key once (comparing every pair would format each key n times).
        let keys: Vec<Option<String>> = self.rules.iter().map(ProvinceRule::repeat_key).collect();
        for (i, r) in self.rules.iter().enumerate() {
            let here = format!("rules[{i}]");
            if r.source().trim().is_empty() {
                return Err(bad(&format!("{here}.source"), "every rule names its source"));
            }
            if r.choice().is_some_and(|c| c.trim().is_empty()) {
                return Err(bad(&format!("{here}.choice"), "an empty choice says nothing: leave it out"));
            }
            if r.applies_to().is_empty() {
                return Err(bad(&format!("{here}.applies_to"), "must name personal and/or organization"));
            }
            if let Self_::Material(m) = r {
                crate::pack::materials::validate_row(m, &format!("{at}.{here}"))?;
            }
            r.validate_fields().map_err(|(field, msg)| bad(&format!("{here}.{field}"), &msg))?;
            // Two rows of one kind for the same filings would contradict each other, unless the
            // kind may repeat with a different key (materials, word lists, scopes, notes …).
            for (j, other) in self.rules[..i].iter().enumerate() {
                let clash = other.kind() == r.kind()
                    && other.applies_to().iter().any(|a| r.applies_to().contains(a))
                    && match (&keys[j], &keys[i]) {
                        (Some(a), Some(b)) => a == b,
                        _ => true,
                    };
                if clash {
                    return Err(bad(&here, &format!("a second {} rule for the same filings (contradictory rows)", r.kind())));
                }
            }
        }
        Ok(())
    }
}

impl ProvinceRule {
    /// Field-level checks: every word of the vocabularies known, numbers sane, texts present.
    fn validate_fields(&self) -> Result<(), (&'static str, String)> {
        use crate::vocab::{CERTIFICATE_TYPES, FILING_TYPES, SERVICE_CONTENT, SUBJECT_KINDS};
        fn known(field: &'static str, values: &[String], vocab: &[&str]) -> Result<(), (&'static str, String)> {
            match values.iter().find(|v| !vocab.contains(&v.as_str())) {
                Some(v) => Err((field, format!("unknown value {v} (known: {})", vocab.join(", ")))),
                None => Ok(()),
            }
        }
        fn text(field: &'static str, v: &str) -> Result<(), (&'static str, String)> {
            if v.trim().is_empty() {
                Err((field, "must not be empty".into()))
            } else {
                Ok(())
            }
        }
        fn words(field: &'static str, v: &[String]) -> Result<(), (&'static str, String)> {
            if v.is_empty() || v.iter().any(|w| w.trim().is_empty()) {
                Err((field, "needs at least one word, none empty".into()))
            } else {
                Ok(())
            }
        }
        let org_only = |applies_to: &[AppliesTo]| -> Result<(), (&'static str, String)> {
            if applies_to.contains(&AppliesTo::Personal) {
                Err(("applies_to", format!("{} binds organisations only", self.kind())))
            } else {
                Ok(())
            }
        };
        match self {
            Self::DomainAllowedTlds { tlds, .. } => {
                if tlds.iter().any(|t| t.is_empty() || !t.is_ascii() || *t != t.to_ascii_lowercase() || t.starts_with('.')) {
                    return Err(("tlds", "lower-case A-labels without a leading dot".into()));
                }
            }
            Self::DomainReservedWords { words: w, exempt_kinds, .. } => {
                if w.is_empty() || w.iter().any(|x| x.word.trim().is_empty() || x.en.trim().is_empty()) {
                    return Err(("words", "needs at least one word, each with its English".into()));
                }
                known("exempt_kinds", exempt_kinds, SUBJECT_KINDS)?;
            }
            Self::DomainOwnerIsSubject { applies_to, .. } | Self::WebsiteOwnerIsSubjectOwner { applies_to, .. } => org_only(applies_to)?,
            Self::DomainValidityMinMonths { months, .. } | Self::CertificateValidityMinMonths { months, .. } => {
                if *months == 0 || *months > 120 {
                    return Err(("months", "between 1 and 120".into()));
                }
            }
            Self::Material(_) => {}
            Self::MinAge { age, .. } => {
                if !(1..=100).contains(age) {
                    return Err(("age", "between 1 and 100".into()));
                }
            }
            Self::RetirementAge { male, female, .. } => {
                if !(18..=100).contains(male) || !(18..=100).contains(female) {
                    return Err(("male", "ages between 18 and 100".into()));
                }
            }
            Self::NonLocalId { applies_to, policy, permit_min_months, note_zh, note_en, .. } => {
                if applies_to.contains(&AppliesTo::Organization) {
                    return Err(("applies_to", "non_local_id binds personal filings only".into()));
                }
                if permit_min_months.is_some() && *policy != NonLocalPolicy::ResidencePermit {
                    return Err(("permit_min_months", "only with policy residence_permit".into()));
                }
                if *policy == NonLocalPolicy::Special && (note_zh.is_none() || note_en.is_none()) {
                    return Err(("note_zh", "policy special names the accepted proofs in note_zh and note_en".into()));
                }
            }
            Self::SubjectOwner { applies_to, authorized_kinds, filing_types, .. } => {
                org_only(applies_to)?;
                known("authorized_kinds", authorized_kinds, SUBJECT_KINDS)?;
                known("filing_types", filing_types, FILING_TYPES)?;
            }
            Self::CertificateTypes { subject_kinds, types, .. } => {
                known("subject_kinds", subject_kinds, SUBJECT_KINDS)?;
                if types.is_empty() {
                    return Err(("types", "name at least one certificate type".into()));
                }
                known("types", types, CERTIFICATE_TYPES)?;
            }
            Self::MaxWebsites { per_order, per_subject, filing_types, .. } => {
                if *per_order == 0 || per_subject.is_some_and(|n| n < *per_order) {
                    return Err(("per_order", "at least 1, and per_subject (if given) not below it".into()));
                }
                known("filing_types", filing_types, FILING_TYPES)?;
            }
            Self::WebsiteNameNotPureLatin { .. } | Self::WebsiteNameNoLatin { .. } => {}
            Self::WebsiteNameMinChinese { min, .. } => {
                if *min == 0 {
                    return Err(("min", "at least 1".into()));
                }
            }
            Self::WebsiteNameForbiddenWords { words: w, exempt_kinds, .. } => {
                words("words", w)?;
                known("exempt_kinds", exempt_kinds, SUBJECT_KINDS)?;
            }
            Self::ServiceNotAllowed { services, .. } => {
                words("services", services)?;
                known("services", services, SERVICE_CONTENT)?;
            }
            Self::RemarksForbiddenWords { words: w, .. } => words("words", w)?,
            Self::PreApprovalKeywords { category, keywords, .. } => {
                known("category", std::slice::from_ref(category), SERVICE_CONTENT)?;
                words("keywords", keywords)?;
            }
            Self::RemarksRequired { services, any_of, required_zh, required_en, .. } => {
                known("services", services, SERVICE_CONTENT)?;
                if any_of.iter().any(|w| w.trim().is_empty()) {
                    return Err(("any_of", "no empty word (leave the list empty for any non-empty remark)".into()));
                }
                text("required_zh", required_zh)?;
                text("required_en", required_en)?;
            }
            Self::DistinctNumbers { .. } => {}
            Self::DocumentMaxAge { material, max_days, .. } => {
                if !crate::pack::materials::MATERIAL_CODES.contains(&material.as_str()) {
                    return Err(("material", format!("unknown material code {material}")));
                }
                if *max_days == 0 {
                    return Err(("max_days", "at least 1".into()));
                }
            }
            Self::Note { zh, en, why_not_checked, .. } => {
                text("zh", zh)?;
                text("en", en)?;
                text("why_not_checked", why_not_checked)?;
            }
        }
        Ok(())
    }
}
