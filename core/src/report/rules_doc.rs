//! The rules reference (docs/RULES.md): every province row of the pack, rendered as Markdown
//! with its kind, whom it binds, the finding code it yields, what it says, its source and the
//! choice made where documents disagree. `beiancheck rules --markdown` prints it; a test keeps
//! the committed file in step with the pack.
use crate::pack::materials::MATERIAL_CODES;
use crate::pack::province::{AppliesTo, DistinctScope, Holder, MaterialRow, NonLocalPolicy, OwnerPolicy, Province, ProvinceRule};
use crate::pack::Pack;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The whole reference, deterministic for a given pack.
pub fn rules_markdown(pack: &Pack) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# Rules reference: the 31 provinces");
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "Generated from the rule pack *{}* {} by `beiancheck rules --markdown`; do not edit by hand. \
         Regenerate with `cargo run -q -p beiancheck-cli -- rules --markdown > docs/RULES.md` \
         (the test `cli/tests/rules_doc.rs` fails while this file is stale).",
        pack.meta.name, pack.meta.version
    );
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "Each row comes from `core/rules/provinces.json`. **Kind** is the row's `rule` (core/src/province.rs), **applies to** says \
         whether it binds personal or organisation filings, **code** is the finding a failed check yields (`MATERIAL_MISSING` for \
         checklist rows; — for notes, which no field of an application can show), **source** is a path under `shared/reference/` \
         and **choice** records how a conflict between documents was settled (reference/README.md). Rows from other providers \
         (sources under `others/`) are listed apart: they are notes for those providers' profiles, never Tencent's checks."
    );
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "**Facts: absent, null, value.** Every rule reads the application's facts under one contract: a field left out is \
         *unknown*, and each rule that needs it reports `FACT_MISSING` (so the verdict is at best `needs_review`): an unknown \
         fact never passes a rule. A field given as `null` states that the thing does not exist (no public IP, never \
         real-name verified, a long-term certificate, no filing number); where `null` means nothing (a name, a kind, a \
         number) it is `INPUT_INVALID_VALUE`. A claim that would relax a rule (an existing filing number, a pre-approval \
         document, a residence permit) left out is the same as `null`. An optional part left out (`account`, `materials`) is \
         not run and is named in the report's `not_checked`. So `eligible` means every rule that applies was checked and \
         passed. The test `core/tests/facts.rs` drives every field through absent, null, a passing and a failing value."
    );
    let _ = writeln!(w);

    // Counts by kind, Tencent rows and other providers' notes apart.
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for r in pack.provinces.iter().flat_map(|p| p.rules.iter()) {
        let e = counts.entry(r.kind()).or_default();
        if r.is_other_provider() {
            e.1 += 1;
        } else {
            e.0 += 1;
        }
    }
    let _ = writeln!(w, "## Rows by kind");
    let _ = writeln!(w);
    let _ = writeln!(w, "| kind | code | Tencent rows | other providers' notes |");
    let _ = writeln!(w, "|---|---|---:|---:|");
    for (kind, (t, o)) in &counts {
        let code = pack.provinces.iter().flat_map(|p| p.rules.iter()).find(|r| r.kind() == *kind).map(code_cell).unwrap_or_default();
        let _ = writeln!(w, "| {kind} | {code} | {t} | {o} |");
    }
    let (t, o) = counts.values().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let _ = writeln!(w, "| **all** | | **{t}** | **{o}** |");
    let _ = writeln!(w);

    let _ = writeln!(w, "## Provinces");
    let _ = writeln!(w);
    for p in &pack.provinces {
        let _ = writeln!(w, "- [{} {} ({})](#{})", p.zh, p.en, p.code, anchor(p));
    }
    let _ = writeln!(w);

    for p in &pack.provinces {
        province(w, p);
    }

    let _ = writeln!(w, "## National materials checklist (core/rules/materials.json)");
    let _ = writeln!(w);
    let _ = writeln!(w, "A province row of the same code replaces the national row (core/src/materials.rs).");
    let _ = writeln!(w);
    let _ = writeln!(w, "| applies to | code | statement | source |");
    let _ = writeln!(w, "|---|---|---|---|");
    for m in &pack.materials {
        let _ = writeln!(w, "| {} | MATERIAL_MISSING | {} | {} |", applies(&m.applies_to), cell(&material(m)), cell(&m.source));
    }
    out
}

fn anchor(p: &Province) -> String {
    format!("{}-{}", p.code.to_ascii_lowercase(), p.en.to_ascii_lowercase().replace(' ', "-"))
}

fn province(w: &mut String, p: &Province) {
    let _ = writeln!(w, "<a id=\"{}\"></a>", anchor(p));
    let _ = writeln!(w, "### {} {} ({}, {})", p.zh_full, p.en, p.code, p.abbr);
    let _ = writeln!(w);
    let [lo, hi] = p.bureau_review_days.range;
    let _ = writeln!(
        w,
        "Area prefix {} · source {} · bureau review estimate {lo}–{hi} days ({})",
        p.area_prefix, p.source, p.bureau_review_days.source
    );
    let _ = writeln!(w);
    let _ = writeln!(w, "| # | kind | applies to | code | statement | source | choice |");
    let _ = writeln!(w, "|---:|---|---|---|---|---|---|");
    for (i, r) in p.rules.iter().enumerate().filter(|(_, r)| !r.is_other_provider()) {
        let _ = writeln!(
            w,
            "| {i} | {} | {} | {} | {} | {} | {} |",
            r.kind(),
            applies(r.applies_to()),
            code_cell(r),
            cell(&statement(r)),
            cell(r.source()),
            cell(r.choice().unwrap_or(""))
        );
    }
    let others: Vec<_> = p.rules.iter().enumerate().filter(|(_, r)| r.is_other_provider()).collect();
    if !others.is_empty() {
        let _ = writeln!(w);
        let _ = writeln!(w, "Other providers (notes only, reference/README.md rule 4):");
        let _ = writeln!(w);
        let _ = writeln!(w, "| # | applies to | statement | source |");
        let _ = writeln!(w, "|---:|---|---|---|");
        for (i, r) in others {
            if let ProvinceRule::Note { zh, en, .. } = r {
                let _ = writeln!(w, "| {i} | {} | {} | {} |", applies(r.applies_to()), cell(&format!("{en} / {zh}")), cell(r.source()));
            }
        }
    }
    let _ = writeln!(w);
}

fn code_cell(r: &ProvinceRule) -> String {
    match (r.finding_code(), r) {
        (Some(c), _) => format!("`{c}`"),
        (None, ProvinceRule::Note { .. }) => "—".into(),
        (None, _) => "(no code yet)".into(),
    }
}

fn applies(a: &[AppliesTo]) -> String {
    a.iter()
        .map(|x| match x {
            AppliesTo::Personal => "personal",
            AppliesTo::Organization => "organization",
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A table cell: one line, pipes escaped.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn list(v: &[String]) -> String {
    v.join("、")
}

fn material(m: &MaterialRow) -> String {
    let mut when: Vec<String> = Vec::new();
    for c in &m.when {
        when.push(match c.as_str() {
            "min_websites" => format!("min_websites ≥ {}", m.min_websites.unwrap_or(0)),
            "below_age" => format!("below_age < {}", m.below_age.unwrap_or(0)),
            other => other.to_owned(),
        });
    }
    let code = MATERIAL_CODES.iter().find(|c| **c == m.code).copied().unwrap_or("?");
    let mut s = format!("{code}: {} / {} — when {}; {} / {}", m.zh, m.en, when.join(" and "), m.reason_zh, m.reason_en);
    if let Some(t) = &m.template {
        let _ = write!(s, "; template {t}");
    }
    s
}

/// What a row says, in words (Chinese where the data has it, English throughout).
pub fn statement(r: &ProvinceRule) -> String {
    match r {
        ProvinceRule::DomainAllowedTlds { tlds, idn_tlds, .. } => {
            let mut s = format!("Only these TLDs may be filed: .{}", tlds.join(" ."));
            if *idn_tlds {
                s.push_str(", and every approved Chinese (IDN) TLD");
            }
            s
        }
        ProvinceRule::DomainReservedWords { words, exempt_kinds, .. } => {
            let ws: Vec<String> = words.iter().map(|x| format!("{} ({})", x.word, x.en)).collect();
            format!("The domain's label may not contain {} unless the subject is {}", ws.join(", "), exempt_kinds.join(" or "))
        }
        ProvinceRule::DomainOwnerIsSubject { .. } => {
            "The domain holder must be the organisation itself (主办单位名称), not its legal representative".into()
        }
        ProvinceRule::DomainValidityMinMonths { months, .. } => format!("The domain must have more than {months} months of validity left"),
        ProvinceRule::Material(m) => format!("Material {}", material(m)),
        ProvinceRule::MinAge { age, note_zh, note_en, .. } => {
            let mut s = format!("The filer / responsible persons must be at least {age}");
            if let (Some(z), Some(e)) = (note_zh, note_en) {
                let _ = write!(s, "; {e} ({z})");
            }
            s
        }
        ProvinceRule::RetirementAge { male, female, .. } => {
            format!("A responsible person who has reached {male} (men) or {female} (women) cannot be one")
        }
        ProvinceRule::NonLocalId { policy, permit_min_months, note_zh, note_en, .. } => {
            let mut s = match policy {
                NonLocalPolicy::Allowed => "A personal filer with an ID from another province is accepted".to_owned(),
                NonLocalPolicy::Refused => "A personal filer must hold a local ID (IDs from other provinces are refused)".to_owned(),
                NonLocalPolicy::ResidencePermit => match permit_min_months {
                    Some(m) => format!(
                        "A personal filer with an ID from another province needs a local residence permit valid more than {m} month{}",
                        if *m == 1 { "" } else { "s" }
                    ),
                    None => "A personal filer with an ID from another province needs a local residence permit".to_owned(),
                },
                NonLocalPolicy::Special => "A personal filer with an ID from another province needs the proofs named".to_owned(),
            };
            if let (Some(z), Some(e)) = (note_zh, note_en) {
                let _ = write!(s, ": {e} ({z})");
            }
            s
        }
        ProvinceRule::SubjectOwner { policy, authorized_kinds, filing_types, .. } => {
            let mut s = match policy {
                OwnerPolicy::LegalRep => "The subject owner (主体负责人) must be the legal representative".to_owned(),
                OwnerPolicy::Authorized => {
                    "The subject owner may be another person than the legal representative, with an authorisation letter".to_owned()
                }
                OwnerPolicy::Free => "The subject owner need not be the legal representative".to_owned(),
            };
            if !authorized_kinds.is_empty() {
                let _ = write!(s, "; subjects of kind {} may use an authorisation letter instead", authorized_kinds.join(", "));
            }
            if !filing_types.is_empty() {
                let _ = write!(s, "; binds only {}", filing_types.join(", "));
            }
            s
        }
        ProvinceRule::WebsiteOwnerIsSubjectOwner { only_if_subject_owner_not_legal_rep, .. } => {
            let mut s = "Every website owner (网站负责人) must be the subject owner".to_owned();
            if *only_if_subject_owner_not_legal_rep {
                s.push_str(" when the subject owner is not the legal representative");
            }
            s
        }
        ProvinceRule::CertificateTypes { of, subject_kinds, types, .. } => {
            let whose = match of {
                Holder::Subject => "The subject's certificate",
                Holder::People => "The responsible persons' IDs",
            };
            let kinds = if subject_kinds.is_empty() { String::new() } else { format!(" (subjects of kind {})", subject_kinds.join(", ")) };
            format!("{whose}{kinds} must be one of: {}", types.join(", "))
        }
        ProvinceRule::MaxWebsites { per_order, per_subject, filing_types, .. } => {
            let mut s = format!("At most {per_order} websites per order");
            if let Some(t) = per_subject {
                let _ = write!(s, ", {t} in total with those already filed");
            }
            if !filing_types.is_empty() {
                let _ = write!(s, " (for {})", filing_types.join(", "));
            }
            s
        }
        ProvinceRule::WebsiteNameNotPureLatin { .. } => "The website name may not be made of Latin letters only".into(),
        ProvinceRule::WebsiteNameNoLatin { .. } => "The website name may not contain Latin letters".into(),
        ProvinceRule::WebsiteNameMinChinese { min, .. } => format!("The website name needs at least {min} Chinese characters"),
        ProvinceRule::WebsiteNameForbiddenWords { words, exempt_kinds, reason_zh, reason_en, .. } => {
            let mut s = format!("The website name may not contain {}", list(words));
            if !exempt_kinds.is_empty() {
                let _ = write!(s, " (except subjects of kind {})", exempt_kinds.join(", "));
            }
            reason(&mut s, reason_zh, reason_en);
            s
        }
        ProvinceRule::ServiceNotAllowed { services, reason_zh, reason_en, .. } => {
            let mut s = format!("Service content not allowed: {}", services.join(", "));
            reason(&mut s, reason_zh, reason_en);
            s
        }
        ProvinceRule::RemarksForbiddenWords { words, reason_zh, reason_en, .. } => {
            let mut s = format!("The remarks may not contain {}", list(words));
            reason(&mut s, reason_zh, reason_en);
            s
        }
        ProvinceRule::PreApprovalKeywords { category, keywords, in_domain, .. } => {
            let mut s = format!("Pre-approval keywords for {category} in the names and remarks: {}", list(keywords));
            if *in_domain {
                s.push_str("; also matched in the domain's label");
            }
            s
        }
        ProvinceRule::RemarksRequired { services, any_of, min_chars, required_zh, required_en, .. } => {
            let mut s = format!("The remarks must state {required_en} ({required_zh})");
            if !services.is_empty() {
                let _ = write!(s, "; for websites offering {}", services.join(", "));
            }
            if !any_of.is_empty() {
                let _ = write!(s, "; checked by the words {}", list(any_of));
            } else {
                s.push_str("; checked as a non-empty remark");
            }
            if let Some(n) = min_chars {
                let _ = write!(s, "; at least {n} characters");
            }
            s
        }
        ProvinceRule::DistinctNumbers { scope, .. } => match scope {
            DistinctScope::OwnerMobileVsEmergency => "Each person's mobile (联系方式1) and emergency number must differ".into(),
            DistinctScope::ThreeOfFour => {
                "When the subject and website owners differ, their four numbers must hold at least three different ones".into()
            }
            DistinctScope::TwoOfFour => "The four numbers of the subject and website owners must hold at least two different ones".into(),
            DistinctScope::OwnerMobilesDiffer => "Different subject and website owners must have different mobiles (联系方式1)".into(),
            DistinctScope::EmergencyVsMobiles => "Every emergency number must differ from every owner's mobile (联系方式1)".into(),
            DistinctScope::All => "All contact numbers must differ".into(),
        },
        ProvinceRule::CertificateValidityMinMonths { months, of, .. } => {
            let whose = match of {
                Some(Holder::Subject) => "The subject's certificate",
                Some(Holder::People) => "The responsible persons' IDs",
                None => "Certificates (subject and people)",
            };
            format!("{whose} must stay valid at least {months} months after submission")
        }
        ProvinceRule::DocumentMaxAge { material, max_days, .. } => {
            format!("An uploaded {material} may be at most {max_days} days old")
        }
        ProvinceRule::Note { zh, en, why_not_checked, .. } => format!("{en} / {zh} — not checked: {why_not_checked}"),
    }
}

fn reason(s: &mut String, zh: &Option<String>, en: &Option<String>) {
    if let (Some(z), Some(e)) = (zh, en) {
        let _ = write!(s, " ({e}; {z})");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_every_province_and_row() {
        let pack = crate::Engine::embedded().pack();
        let md = rules_markdown(&pack);
        for p in &pack.provinces {
            assert!(md.contains(&format!("### {} {} ({}", p.zh_full, p.en, p.code)), "{}", p.code);
        }
        let rows = pack.provinces.iter().map(|p| p.rules.len()).sum::<usize>();
        let table_rows =
            md.lines().filter(|l| l.starts_with("| ") && l.split('|').nth(1).is_some_and(|c| c.trim().parse::<usize>().is_ok())).count();
        assert_eq!(table_rows, rows);
        assert_eq!(md, rules_markdown(&pack), "deterministic");
    }

    #[test]
    fn cells_stay_on_one_line() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
    }
}
