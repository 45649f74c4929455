//! The readable output: Chinese and English side by side, as a filer reads it.
use beiancheck::{vocab, DomainReport, Report, Severity, Verdict};
use std::fmt::Write;

fn verdict_names(v: Verdict) -> (&'static str, &'static str) {
    match v {
        Verdict::Eligible => ("可以备案", "eligible"),
        Verdict::Ineligible => ("不能备案", "not eligible"),
        Verdict::NeedsReview => ("需人工确认", "needs review"),
    }
}

fn mark(s: Severity) -> &'static str {
    match s {
        Severity::Error => "✗ 错误 error",
        Severity::Warning => "? 待确认 warning",
        Severity::Info => "i 提示 info",
    }
}

pub fn report(r: &Report) -> String {
    let mut o = String::new();
    let (vz, ve) = verdict_names(r.verdict);
    let _ = writeln!(o, "结论 Verdict: {vz} {ve}");
    if let Some(t) = r.filing_type {
        let (z, e) = vocab::filing_type_names(t);
        let _ = writeln!(o, "备案类型 Filing type: {z} {e} ({t})");
    }
    let _ = writeln!(o, "日期 As of: {} · 规则 rules {} ({})", r.as_of, r.rules.version, &r.rules.sha256[..12]);
    if r.findings.is_empty() {
        let _ = writeln!(o, "\n未发现问题 No findings.");
    } else {
        let _ = writeln!(o, "\n发现 Findings ({}):", r.findings.len());
        for f in &r.findings {
            let _ = writeln!(o, "\n{} [{}] {}", mark(f.severity), f.code, f.path);
            let _ = writeln!(o, "  {}", f.message.zh);
            let _ = writeln!(o, "  {}", f.message.en);
            let _ = writeln!(o, "  来源 source: {} ‹{}›", f.title, f.url);
        }
    }
    if !r.not_checked.is_empty() {
        let parts: Vec<(&str, &str)> = r
            .not_checked
            .iter()
            .map(|p| match *p {
                "account" => ("云账号", "the account"),
                "materials" => ("已上传材料", "the uploaded materials"),
                other => (other, other),
            })
            .collect();
        let zh: Vec<&str> = parts.iter().map(|p| p.0).collect();
        let en: Vec<&str> = parts.iter().map(|p| p.1).collect();
        let _ = writeln!(o, "\n未核验 Not checked (not given): {} / {}", zh.join("、"), en.join(", "));
    }
    if !r.materials.is_empty() {
        let _ = writeln!(o, "\n需准备的材料 Materials to prepare:");
        for m in &r.materials {
            let _ = writeln!(o, "  - {} {} ({})", m.name.zh, m.name.en, m.code);
            let _ = writeln!(o, "    {} / {}", m.reason.zh, m.reason.en);
            let _ = writeln!(o, "    来源 source: {} ‹{}›", m.title, m.url);
        }
    }
    let _ = writeln!(o, "\n流程 Steps:");
    for s in &r.steps {
        let (z, e) = vocab::step_names(s.step);
        let st = match s.status {
            "done" => "✓ 就绪 ready",
            "blocked" => "✗ 受阻 blocked",
            _ => "… 待办 pending",
        };
        let by = if s.blocked_by.is_empty() { String::new() } else { format!(" ← {}", s.blocked_by.join(", ")) };
        let _ = writeln!(o, "  {st:<16} {z} {e}{by}");
    }
    let t = &r.timeline;
    let _ = writeln!(o, "\n时间 Timeline:");
    let _ = writeln!(
        o,
        "  腾讯云初审 provider review: {}-{} 个工作日 working days",
        t.provider_review_working_days[0], t.provider_review_working_days[1]
    );
    let _ = writeln!(o, "    {}", t.provider_review_note.zh);
    let _ = writeln!(o, "  短信核验 SMS verification: {} 小时内 within {} hours", t.sms_verification_hours, t.sms_verification_hours);
    match t.bureau_review_days {
        Some([lo, hi]) => {
            let _ = writeln!(
                o,
                "  管局审核 bureau review: 约 {lo}-{hi} 天 about {lo}-{hi} days (法定最长 {} 个工作日 legal maximum {} working days)",
                t.bureau_review_working_days_max, t.bureau_review_working_days_max
            );
        }
        None => {
            let _ = writeln!(
                o,
                "  管局审核 bureau review: 最长 {} 个工作日 at most {} working days",
                t.bureau_review_working_days_max, t.bureau_review_working_days_max
            );
        }
    }
    o.trim_end().to_owned()
}

pub fn domain_line(r: &DomainReport) -> String {
    let (vz, ve) = verdict_names(r.verdict);
    let mut o = format!("{}\t{ve} {vz}", r.input);
    if let (Some(reg), Some(u)) = (&r.registrable, &r.registrable_unicode) {
        if reg == u {
            let _ = write!(o, "\t{reg}");
        } else {
            let _ = write!(o, "\t{u} ({reg})");
        }
    }
    for f in &r.findings {
        let _ = write!(o, "\n  {} [{}] {} / {}", mark(f.severity), f.code, f.message.zh, f.message.en);
    }
    o
}
