//! The readable output: Chinese and English side by side (or one of them, `--lang`), as a
//! filer reads it.
use beiancheck::{vocab, DomainReport, Report, Severity, Verdict};
use std::fmt::Write;

/// Which language(s) the readable output is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Zh,
    En,
    Both,
}

impl Lang {
    /// A label or text in the chosen language(s), the Chinese first.
    pub fn pick(self, zh: &str, en: &str) -> String {
        match self {
            Lang::Zh => zh.to_owned(),
            Lang::En => en.to_owned(),
            Lang::Both if zh == en => zh.to_owned(),
            Lang::Both => format!("{zh} {en}"),
        }
    }
    /// Two texts on one line, `zh / en`.
    pub fn slash(self, zh: &str, en: &str) -> String {
        match self {
            Lang::Zh => zh.to_owned(),
            Lang::En => en.to_owned(),
            Lang::Both => format!("{zh} / {en}"),
        }
    }
    /// Two texts on lines of their own (messages), with an indent.
    fn lines(self, o: &mut String, indent: &str, zh: &str, en: &str) {
        if self != Lang::En {
            let _ = writeln!(o, "{indent}{zh}");
        }
        if self != Lang::Zh {
            let _ = writeln!(o, "{indent}{en}");
        }
    }
}

fn verdict_names(v: Verdict) -> (&'static str, &'static str) {
    match v {
        Verdict::Eligible => ("可以备案", "eligible"),
        Verdict::Ineligible => ("不能备案", "not eligible"),
        Verdict::NeedsReview => ("需人工确认", "needs review"),
    }
}

fn mark(s: Severity, l: Lang) -> String {
    match s {
        Severity::Error => format!("✗ {}", l.pick("错误", "error")),
        Severity::Warning => format!("? {}", l.pick("待确认", "warning")),
        Severity::Info => format!("i {}", l.pick("提示", "info")),
    }
}

pub fn report(r: &Report, l: Lang) -> String {
    let mut o = String::new();
    let (vz, ve) = verdict_names(r.verdict);
    let _ = writeln!(o, "{}: {}", l.pick("结论", "Verdict"), l.pick(vz, ve));
    if let Some(t) = r.filing_type {
        let (z, e) = vocab::filing_type_names(t);
        let _ = writeln!(o, "{}: {} ({t})", l.pick("备案类型", "Filing type"), l.pick(z, e));
    }
    let _ = writeln!(
        o,
        "{}: {} · {} {} ({})",
        l.pick("日期", "As of"),
        r.as_of,
        l.pick("规则", "rules"),
        r.rules.version,
        &r.rules.sha256[..12]
    );
    if r.findings.is_empty() {
        let _ = writeln!(o, "\n{}", l.pick("未发现问题", "No findings."));
    } else {
        let _ = writeln!(o, "\n{} ({}):", l.pick("发现", "Findings"), r.findings.len());
        for f in &r.findings {
            let _ = writeln!(o, "\n{} [{}] {}", mark(f.severity, l), f.code, f.path);
            l.lines(&mut o, "  ", &f.message.zh, &f.message.en);
            let _ = writeln!(o, "  {}: {} ‹{}›", l.pick("来源", "source"), f.title, f.url);
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
        let _ = writeln!(o, "\n{}:", l.pick("需准备的材料", "Materials to prepare"));
        for m in &r.materials {
            let _ = writeln!(o, "  - {} ({})", l.pick(&m.name.zh, &m.name.en), m.code);
            let _ = writeln!(o, "    {}", l.slash(&m.reason.zh, &m.reason.en));
            let _ = writeln!(o, "    {}: {} ‹{}›", l.pick("来源", "source"), m.title, m.url);
        }
    }
    if !r.notes.is_empty() {
        let _ = writeln!(o, "\n{} ({}):", l.pick("本省提示（请阅读）", "Province notes (read these)"), r.notes.len());
        for n in &r.notes {
            let _ = writeln!(o, "  - [{}]", n.code);
            l.lines(&mut o, "    ", &n.zh, &n.en);
            let _ = writeln!(o, "    {}: {} ‹{}›", l.pick("来源", "source"), n.title, n.url);
        }
    }
    let _ = writeln!(o, "\n{}:", l.pick("流程", "Steps"));
    for s in &r.steps {
        let (z, e) = vocab::step_names(s.step);
        let st = match s.status {
            "done" => format!("✓ {}", l.pick("就绪", "ready")),
            "blocked" => format!("✗ {}", l.pick("受阻", "blocked")),
            _ => format!("… {}", l.pick("待办", "pending")),
        };
        let by = if s.blocked_by.is_empty() { String::new() } else { format!(" ← {}", s.blocked_by.join(", ")) };
        let _ = writeln!(o, "  {st:<16} {}{by}", l.pick(z, e));
    }
    let t = &r.timeline;
    let [lo, hi] = t.provider_review_working_days;
    let _ = writeln!(o, "\n{}:", l.pick("时间", "Timeline"));
    let _ = writeln!(o, "  {}", l.pick(&format!("腾讯云初审：{lo}-{hi} 个工作日"), &format!("provider review: {lo}-{hi} working days")));
    l.lines(&mut o, "    ", &t.provider_review_note.zh, &t.provider_review_note.en);
    let h = t.sms_verification_hours;
    let _ = writeln!(o, "  {}", l.pick(&format!("短信核验：{h} 小时内"), &format!("SMS verification: within {h} hours")));
    let max = t.bureau_review_working_days_max;
    let bureau = match t.bureau_review_days {
        Some([lo, hi]) => l.pick(
            &format!("管局审核：约 {lo}-{hi} 天（法定最长 {max} 个工作日）"),
            &format!("bureau review: about {lo}-{hi} days (legal maximum {max} working days)"),
        ),
        None => l.pick(&format!("管局审核：最长 {max} 个工作日"), &format!("bureau review: at most {max} working days")),
    };
    let _ = writeln!(o, "  {bureau}");
    o.trim_end().to_owned()
}

pub fn domain_line(r: &DomainReport, l: Lang) -> String {
    let (vz, ve) = verdict_names(r.verdict);
    // English first here, as scripts have always read this line.
    let v = match l {
        Lang::Both => format!("{ve} {vz}"),
        Lang::Zh => vz.to_owned(),
        Lang::En => ve.to_owned(),
    };
    let mut o = format!("{}\t{v}", r.input);
    if let (Some(reg), Some(u)) = (&r.registrable, &r.registrable_unicode) {
        if reg == u {
            let _ = write!(o, "\t{reg}");
        } else {
            let _ = write!(o, "\t{u} ({reg})");
        }
    }
    for f in &r.findings {
        let _ = write!(o, "\n  {} [{}] {}", mark(f.severity, l), f.code, l.slash(&f.message.zh, &f.message.en));
    }
    o
}
