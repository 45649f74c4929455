//! The materials checklist (tencent/facts.md §5 and the province rows): what must be prepared
//! for this subject, province and case, and the upload rules (S06) for what was supplied.
pub mod document_max_age;
pub mod material;

use crate::codes::*;
use crate::ctx;
use crate::dates;
use crate::pack::province::{AppliesTo, MaterialRow, Province};
use crate::pack::Pack;
use crate::report::findings::Finding;
use crate::report::sink::Sink;
use crate::report::{MaterialItem, SharedMessage};
use crate::rules::registry::ask;
use crate::rules::site::Site;
use crate::rules::Cx;
use crate::{ids, vocab, RulesInfo};
use serde::{Deserialize, Serialize};

pub use crate::pack::materials::{Condition, CONDITIONS, MATERIAL_CODES};

/// The facts of a case that decide its materials. From an application they are derived; from a
/// [`MaterialsQuery`] they are stated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Case {
    pub personal: bool,
    pub non_local: bool,
    pub minor: bool,
    pub subject_owner_not_legal_rep: bool,
    pub website_owner_not_legal_rep: bool,
    pub pre_approval: bool,
    pub domain_not_at_provider: bool,
    pub name_change: bool,
    pub off_campus_training: bool,
    pub websites: u32,
    pub first_filing: bool,
    pub government_or_institution: bool,
    /// The youngest of the filer (personal) or the responsible persons (organisation).
    pub youngest_age: Option<u32>,
    /// A keyword may mean a pre-approval category (needs_review), without the service.
    pub pre_approval_possible: bool,
}

impl Case {
    fn holds(&self, row: &MaterialRow) -> bool {
        let applies = row.applies_to.contains(if self.personal { &AppliesTo::Personal } else { &AppliesTo::Organization });
        applies
            && row.when.iter().all(|w| match w {
                Condition::Always => true,
                Condition::NonLocal => self.non_local,
                Condition::Minor => self.minor,
                Condition::SubjectOwnerNotLegalRep => self.subject_owner_not_legal_rep,
                Condition::WebsiteOwnerNotLegalRep => self.website_owner_not_legal_rep,
                Condition::PreApproval => self.pre_approval,
                Condition::DomainNotAtProvider => self.domain_not_at_provider,
                Condition::NameChange => self.name_change,
                Condition::OffCampusTraining => self.off_campus_training,
                Condition::MinWebsites => row.min_websites.is_some_and(|n| self.websites >= n),
                Condition::FirstFiling => self.first_filing,
                Condition::GovernmentOrInstitution => self.government_or_institution,
                Condition::BelowAge => row.below_age.is_some_and(|a| self.youngest_age.is_some_and(|y| y < a)),
                Condition::PreApprovalPossible => self.pre_approval_possible,
            })
    }
}

fn item(pack: &Pack, row: &MaterialRow) -> MaterialItem {
    row.item
        .get_or_init(|| {
            let code = MATERIAL_CODES.iter().copied().find(|c| *c == row.code).unwrap_or("SUPPLEMENTARY_PROOF");
            // Every citation of a loaded pack resolves (pack.rs).
            #[allow(clippy::expect_used, reason = "every citation of a loaded pack resolves: checked at pack load")]
            let doc = pack.catalogue.document(&row.source).expect("a resolved citation");
            MaterialItem::new(
                code,
                SharedMessage { zh: row.zh.as_str().into(), en: row.en.as_str().into() },
                SharedMessage { zh: row.reason_zh.as_str().into(), en: row.reason_en.as_str().into() },
                row.template.as_deref().map(Into::into),
                row.source.as_str().into(),
                doc.title.clone(),
                doc.url.clone(),
            )
        })
        .clone()
}

/// The checklist: national rows, then the province's own; a province row replaces a national
/// row of the same code (it is the more specific document, reference/README.md rule 2).
pub fn checklist<'p>(pack: &'p Pack, province: Option<&'p Province>, case: &Case) -> Vec<(&'p MaterialRow, MaterialItem)> {
    let mut prov_rows: Vec<&MaterialRow> = Vec::new();
    if let Some(p) = province {
        // The checklist asks nothing that can be a finding.
        let mut none = Sink::new(&pack.catalogue);
        ask(&p.rules, &mut Site::Checklist { holds: &|m| case.holds(m), rows: &mut prov_rows }, &mut none);
    }
    let mut out: Vec<(&MaterialRow, MaterialItem)> = Vec::new();
    for row in pack.materials.iter().filter(|r| case.holds(r)) {
        if !prov_rows.iter().any(|p| p.code == row.code) {
            out.push((row, item(pack, row)));
        }
    }
    for row in prov_rows {
        if !out.iter().any(|(r, _)| r.code == row.code && r.zh == row.zh) {
            out.push((row, item(pack, row)));
        }
    }
    out
}

/// Derives the case from an application.
pub(crate) fn case_of(cx: &Cx, findings: &[crate::Finding]) -> Case {
    let app = cx.app;
    let personal = cx.personal.unwrap_or(false);
    let subject = app.subject.as_ref();
    let mut case = Case { personal, websites: app.websites.len() as u32, ..Case::default() };
    let on = ids::Ymd {
        year: chrono::Datelike::year(&cx.as_of),
        month: chrono::Datelike::month(&cx.as_of),
        day: chrono::Datelike::day(&cx.as_of),
    };
    // The people whose IDs decide age and home province: the filer, or the responsible persons.
    let mut people_ids: Vec<ids::ResidentId> = Vec::new();
    if personal {
        people_ids.extend(subject.and_then(|s| s.certificate.get()).and_then(resident_id));
    } else {
        let persons = subject
            .and_then(|s| s.responsible_person.get())
            .into_iter()
            .chain(app.websites.iter().filter_map(|w| w.responsible_person.get()));
        for p in persons {
            if p.id_type.value().is_none_or(|t| t == "resident_id") {
                people_ids.extend(p.id_number.as_deref().and_then(|n| ids::parse_resident_id(n.trim()).ok()));
            }
        }
        let owner = subject.and_then(|s| s.responsible_person.get());
        // Unknown is not "the legal representative": the stricter checklist (with the
        // authorisation letter) stands until the fact is given.
        case.subject_owner_not_legal_rep = owner.is_none_or(|p| p.is_legal_representative.value() != Some(true));
        case.website_owner_not_legal_rep = app.websites.iter().filter_map(|w| w.responsible_person.get()).any(|p| {
            p.is_legal_representative.value() == Some(false)
                || (p.is_legal_representative.value().is_none()
                    && !owner.is_some_and(|o| crate::rules::subject::same_person(p, o))
                    && owner.and_then(|o| o.is_legal_representative.value()) == Some(true))
        });
    }
    if let Some(prov) = cx.province {
        case.non_local = people_ids.iter().any(|id| id.province_prefix != prov.area_prefix);
    }
    case.youngest_age = people_ids.iter().map(|id| ids::age_on(id.birth, on)).min();
    case.minor = case.youngest_age.is_some_and(|a| a < 18);
    case.first_filing = cx.filing_type == Some("first_filing");
    case.government_or_institution = matches!(cx.subject_kind, Some("government" | "institution"));
    // Required by service or by an explicit keyword (the website rules already decided).
    case.pre_approval = app.websites.iter().any(|w| {
        w.services().iter().any(|c| pack_requires_pre_approval(cx.pack, c))
            || w.pre_approvals.iter().any(|p| p.category.value().is_some_and(|c| pack_requires_pre_approval(cx.pack, c)))
    }) || findings.iter().any(|f| f.code == PRE_APPROVAL_REQUIRED);
    case.pre_approval_possible = findings.iter().any(|f| f.code == PRE_APPROVAL_POSSIBLE);
    case.off_campus_training = app.websites.iter().any(|w| w.services().contains(&"off_campus_training"));
    case.domain_not_at_provider =
        app.domains.iter().any(|d| !d.registrar.as_deref().and_then(|r| cx.pack.registrar(r)).is_some_and(|r| r.tencent));
    case
}

/// Whether an uploaded kind is the checklist material `code` (by its code or an upload kind
/// that satisfies it, nationally or in the province).
fn material_matches(pack: &Pack, province: Option<&Province>, code: &str, kind: &str) -> bool {
    if kind == code.to_ascii_lowercase() || pack.materials.iter().any(|m| m.code == code && m.satisfied_by.iter().any(|s| s == kind)) {
        return true;
    }
    let mut satisfied = false;
    if let Some(p) = province {
        let mut none = Sink::new(&pack.catalogue);
        ask(&p.rules, &mut Site::SatisfiedBy { code, kind, satisfied: &mut satisfied }, &mut none);
    }
    satisfied
}

fn pack_requires_pre_approval(pack: &Pack, category: &str) -> bool {
    pack.preapproval.iter().any(|c| c.category == category && c.required)
}

fn resident_id(c: &crate::input::model::Certificate) -> Option<ids::ResidentId> {
    if c.kind.value().is_some_and(|k| k != "resident_id") {
        return None;
    }
    ids::parse_resident_id(c.number.as_deref()?.trim()).ok()
}

/// A byte count as the documents write it: 200 KB, 9 MB.
fn size_text(bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MB", bytes >> 20)
    } else if bytes >= 1 << 10 && bytes.is_multiple_of(1 << 10) {
        format!("{} KB", bytes >> 10)
    } else {
        format!("{bytes} B")
    }
}

/// The checklist of an application, and the upload rules for what it supplied.
pub(crate) fn check(cx: &Cx, sink: &mut Sink) -> Vec<MaterialItem> {
    let case = case_of(cx, &sink.findings);
    let list = checklist(cx.pack, cx.province, &case);
    let app = cx.app;
    if app.given.materials {
        let supplied: Vec<String> = app.materials.iter().filter_map(|m| m.kind.as_deref()).map(|k| k.trim().to_ascii_lowercase()).collect();
        for (row, item) in &list {
            let ok = supplied.iter().any(|k| *k == row.code.to_ascii_lowercase() || row.satisfied_by.iter().any(|s| s == k));
            if !ok {
                sink.add_sourced(
                    MATERIAL_MISSING,
                    "materials",
                    ctx!["material" => row.code.clone(), "material_zh" => &*item.name.zh, "material_en" => &*item.name.en, "reason_zh" => &*item.reason.zh, "reason_en" => &*item.reason.en],
                    Some(&row.source),
                );
            }
        }
    }
    let up = &cx.pack.upload;
    for (i, m) in app.materials.iter().enumerate() {
        for (field, absent, rule, zh, en) in [
            ("format", m.format.is_absent(), MATERIAL_FORMAT_NOT_ALLOWED, "材料的文件格式", "the material's file format"),
            ("bytes", m.bytes.is_absent(), MATERIAL_SIZE_OUT_OF_RANGE, "材料的文件大小", "the material's file size"),
        ] {
            if absent {
                sink.fact_missing(format!("materials[{i}].{field}"), rule, zh, en);
            }
        }
        if let Some(f) = m.format.as_deref() {
            let norm = f.trim().trim_start_matches('.').to_ascii_lowercase();
            if !up.formats.contains(&norm) {
                sink.add_sourced(MATERIAL_FORMAT_NOT_ALLOWED, format!("materials[{i}].format"), ctx!["format" => f], Some(&up.source));
            }
        }
        if let Some(b) = m.bytes.value() {
            if b < up.min_bytes || b > up.max_bytes {
                sink.add_sourced(
                    MATERIAL_SIZE_OUT_OF_RANGE,
                    format!("materials[{i}].bytes"),
                    ctx!["bytes" => b, "min_size" => size_text(up.min_bytes), "max_size" => size_text(up.max_bytes)],
                    Some(&up.source),
                );
            }
        }
        if let Some(issued) = m.issued_at.value() {
            // Letters and proofs: issued no more than 3 months before submission (S06), or the
            // province's own limit for this material (T9).
            let kind = m.kind.as_deref().unwrap_or("").trim().to_ascii_lowercase();
            let mut province_limit = None;
            let is_material = |code: &str| material_matches(cx.pack, cx.province, code, &kind);
            let mut site = Site::DocumentAge { is_material: &is_material, limit: &mut province_limit };
            ask(cx.rows.iter().copied(), &mut site, sink);
            let (earliest, limit_zh, limit_en, source) = match province_limit {
                Some((days, source)) => (dates::add_days(cx.as_of, -(days as i64)), format!("{days} 天"), format!("{days} days"), source),
                None => (
                    dates::add_months(cx.as_of, -(up.max_age_months as i32)),
                    format!("{} 个月", up.max_age_months),
                    format!("{} months", up.max_age_months),
                    up.source.as_str(),
                ),
            };
            if issued < earliest {
                sink.add_sourced(
                    MATERIAL_TOO_OLD,
                    format!("materials[{i}].issued_at"),
                    ctx!["issued_at" => dates::fmt(issued), "required_after" => dates::fmt(earliest), "limit_zh" => limit_zh, "limit_en" => limit_en],
                    Some(source),
                );
            }
        }
    }
    list.into_iter().map(|(_, i)| i).collect()
}

/// A materials question without a whole application.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaterialsQuery {
    pub province: Option<String>,
    pub subject_kind: Option<String>,
    pub filing_type: Option<String>,
    #[serde(default)]
    pub non_local: bool,
    #[serde(default)]
    pub minor: bool,
    #[serde(default)]
    pub subject_owner_not_legal_rep: bool,
    #[serde(default)]
    pub website_owner_not_legal_rep: bool,
    #[serde(default)]
    pub pre_approval: bool,
    #[serde(default)]
    pub domain_not_at_provider: bool,
    #[serde(default)]
    pub name_change: bool,
    #[serde(default)]
    pub off_campus_training: bool,
    #[serde(default)]
    pub websites: Option<u32>,
    /// The youngest responsible person's (or the filer's) age, for age-bound materials.
    #[serde(default)]
    pub age: Option<u32>,
    /// A keyword may mean a pre-approval category.
    #[serde(default)]
    pub pre_approval_possible: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct MaterialsReport {
    pub province: Option<String>,
    pub subject_kind: Option<String>,
    pub materials: Vec<MaterialItem>,
    pub findings: Vec<Finding>,
    pub rules: RulesInfo,
}

pub(crate) fn answer(pack: &Pack, q: &MaterialsQuery, rules: RulesInfo) -> MaterialsReport {
    let mut sink = Sink::new(&pack.catalogue);
    let province = match q.province.as_deref() {
        Some(p) => crate::rules::province_of(pack, Some(p), &mut sink),
        None => {
            sink.add(INPUT_MISSING_FIELD, "province", ctx!["field" => "province"]);
            None
        }
    };
    let kind = match q.subject_kind.as_deref() {
        Some(k) => {
            let found = vocab::SUBJECT_KINDS.iter().copied().find(|v| *v == k);
            if found.is_none() {
                let list = vocab::SUBJECT_KINDS.join(", ");
                sink.add(INPUT_INVALID_VALUE, "subject_kind", ctx!["field" => "subject_kind", "reason_en" => format!("\"{k}\" is not one of: {list}"), "reason_zh" => format!("“{k}”不在可选值中：{}", vocab::SUBJECT_KINDS.iter().map(|w| vocab::zh_of(vocab::SUBJECT_KINDS, w)).collect::<Vec<_>>().join("、"))]);
            }
            found
        }
        None => {
            sink.add(INPUT_MISSING_FIELD, "subject_kind", ctx!["field" => "subject_kind"]);
            None
        }
    };
    if let Some(t) = q.filing_type.as_deref() {
        if !vocab::FILING_TYPES.contains(&t) {
            let list = vocab::FILING_TYPES.join(", ");
            sink.add(INPUT_INVALID_VALUE, "filing_type", ctx!["field" => "filing_type", "reason_en" => format!("\"{t}\" is not one of: {list}"), "reason_zh" => format!("“{t}”不在可选值中：{}", vocab::FILING_TYPES.iter().map(|w| vocab::zh_of(vocab::FILING_TYPES, w)).collect::<Vec<_>>().join("、"))]);
        }
    }
    let case = Case {
        personal: kind.is_some_and(vocab::is_personal),
        non_local: q.non_local,
        minor: q.minor,
        subject_owner_not_legal_rep: q.subject_owner_not_legal_rep,
        website_owner_not_legal_rep: q.website_owner_not_legal_rep,
        pre_approval: q.pre_approval,
        domain_not_at_provider: q.domain_not_at_provider,
        name_change: q.name_change,
        off_campus_training: q.off_campus_training,
        websites: q.websites.unwrap_or(1),
        first_filing: q.filing_type.as_deref() == Some("first_filing"),
        government_or_institution: matches!(kind, Some("government" | "institution")),
        youngest_age: q.age,
        pre_approval_possible: q.pre_approval_possible,
    };
    let materials = if kind.is_some() { checklist(pack, province, &case).into_iter().map(|(_, i)| i).collect() } else { Vec::new() };
    let findings = sink.finish();
    MaterialsReport { province: province.map(|p| p.code.clone()), subject_kind: kind.map(str::to_owned), materials, findings, rules }
}
