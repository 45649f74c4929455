//! The process the engine models (seed-access-filing.md: verify resources → verify domain →
//! subject → website → materials → submit → provider review → SMS → bureau review) and its
//! timeline (tencent/facts.md §8, T8).
use crate::pack::province::Province;
use crate::report::findings::{Finding, Severity};
use crate::report::{SharedMessage, SharedTimeline, Step, Text, Timeline};
use once_cell::sync::Lazy;
use std::sync::Arc;

/// Which step a finding code blocks, by its family prefix.
fn step_of(code: &str) -> &'static str {
    const MAP: &[(&str, &str)] = &[
        ("RESOURCE_", "verify_resources"),
        ("AUTH_CODE_", "verify_resources"),
        ("DOMAIN_", "verify_domain"),
        ("SUBJECT_", "subject_info"),
        ("PERSON_", "subject_info"),
        ("RESPONSIBLE_", "subject_info"),
        ("CONTACT_", "subject_info"),
        ("ACCOUNT_", "subject_info"),
        ("PROVINCE_", "subject_info"),
        ("WEBSITE_", "website_info"),
        ("PRE_APPROVAL_", "website_info"),
        ("MATERIAL_", "upload_materials"),
    ];
    MAP.iter().find(|(p, _)| code.starts_with(p)).map(|(_, s)| *s).unwrap_or("submit")
}

const STEPS: &[&str] = &[
    "verify_resources",
    "verify_domain",
    "subject_info",
    "website_info",
    "upload_materials",
    "submit",
    "provider_review",
    "sms_verification",
    "bureau_review",
    "done",
];
/// Steps the applicant completes before submission; the rest happen after it.
const BEFORE_SUBMIT: usize = 5;

/// The steps whose input a finding says is missing or unusable: such a step cannot be `done`.
fn missing_input(f: &Finding) -> &'static [&'static str] {
    use crate::codes::{DOMAIN_FACTS_MISSING, FACT_MISSING, INPUT_INVALID_VALUE, INPUT_MISSING_FIELD};
    if f.code == DOMAIN_FACTS_MISSING {
        return &["verify_domain"];
    }
    if ![FACT_MISSING, INPUT_MISSING_FIELD, INPUT_INVALID_VALUE].contains(&f.code) {
        return &[];
    }
    let root = f.path.split(['.', '[']).next().unwrap_or("");
    match root {
        "resources" => &["verify_resources"],
        // No websites: neither their domains nor their details are known.
        "websites" if f.path == "websites" => &["verify_domain", "website_info"],
        "websites" if f.path.contains(".domains") => &["verify_domain"],
        "websites" => &["website_info"],
        "subject" | "province" | "account" => &["subject_info"],
        "materials" => &["upload_materials"],
        _ => &[],
    }
}

/// Each step `done` (nothing blocks it and its inputs were given), `blocked` (errors listed)
/// or `pending` (its inputs are missing or unusable, or it comes after a blocked step or after
/// submission). `not_checked` names the parts not given (the report's `not_checked`): without
/// the uploaded materials, uploading them is still to do.
pub fn steps(findings: &[Finding], not_checked: &[&str]) -> Vec<Step> {
    let mut out = Vec::with_capacity(STEPS.len());
    let mut blocked_before = false;
    for (i, step) in STEPS.iter().enumerate() {
        let mut codes: Vec<&'static str> =
            findings.iter().filter(|f| f.severity == Severity::Error && step_of(f.code) == *step).map(|f| f.code).collect();
        codes.sort_unstable();
        codes.dedup();
        let missing =
            findings.iter().any(|f| missing_input(f).contains(step)) || (*step == "upload_materials" && not_checked.contains(&"materials"));
        let status = if !codes.is_empty() {
            "blocked"
        } else if blocked_before || missing || i >= BEFORE_SUBMIT {
            "pending"
        } else {
            "done"
        };
        blocked_before |= !codes.is_empty();
        out.push(Step { step, status, blocked_by: codes });
    }
    out
}

/// The timeline for a province (or none); built once and shared by every report.
pub fn timeline(province: Option<&Province>) -> Arc<SharedTimeline> {
    static NONE: Lazy<Arc<SharedTimeline>> = Lazy::new(|| Arc::new(SharedTimeline::new(build_timeline(None))));
    match province {
        Some(p) => p.timeline.get_or_init(|| Arc::new(SharedTimeline::new(build_timeline(Some(p))))).clone(),
        None => NONE.clone(),
    }
}

fn build_timeline(province: Option<&Province>) -> Timeline {
    let mut sources: Vec<Text> = vec![
        "seed-access-filing.md (provider review within 1 working day)".into(),
        "tencent/facts.md §8 (S12, F03: 1-2 working days; SMS within 24 h; bureau ≤ 20 working days)".into(),
    ];
    if let Some(p) = province {
        sources.push(p.bureau_review_days.source.as_str().into());
    }
    Timeline {
        // The seed says 1 working day; current documents say 1-2: the range, seed first.
        provider_review_working_days: [1, 2],
        provider_review_note: SharedMessage {
            zh: "腾讯云初审 1 个工作日内（当前文档为 1-2 个工作日）；审核人员会致电核实，未接通约 1 小时后再次致电，仍无法联系将被驳回".into(),
            en: "Tencent's review takes 1 working day per the seed (current documents: 1-2); the reviewer calls, calls again about an hour later if unanswered, and rejects the order if still unreachable".into(),
        },
        sms_verification_hours: 24,
        bureau_review_working_days_max: 20,
        bureau_review_days: province.map(|p| p.bureau_review_days.range),
        sources,
    }
}
