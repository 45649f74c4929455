//! A run's summary and the one HTML page that shows it (`beiancheck batch --report`,
//! `beiancheck.report(...)` in Python): verdicts overall, by province and by subject kind, the
//! most frequent finding codes with their meaning and an example row, what could not be checked
//! (`FACT_MISSING`, `not_checked`), the rule pack, and the row counts (in = out, errors).
//!
//! The page is self-contained (inline CSS and SVG, no script, no network) and every value in it
//! comes from untrusted input, so every value goes through [`esc`]; a Content-Security-Policy
//! that allows no script at all backs that up.
use crate::input::InputError;
use crate::{Engine, Report, Verdict};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write;

/// What a row says about where it belongs: its `province` (as given, and the pack's code when
/// it names one) and its `subject.kind`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub province: Option<String>,
    pub subject_kind: Option<String>,
}

impl Facets {
    /// Reads the two fields from an application given as JSON text; anything unreadable has
    /// neither (the row is counted under "unknown").
    pub fn of_json(engine: &Engine, json: &str) -> Facets {
        match serde_json::from_str::<Value>(json.strip_prefix('\u{feff}').unwrap_or(json)) {
            Ok(v) => Facets::of_value(engine, &v),
            Err(_) => Facets::default(),
        }
    }

    pub fn of_value(engine: &Engine, v: &Value) -> Facets {
        let text = |x: Option<&Value>| x.and_then(Value::as_str).map(str::to_owned);
        let given = text(v.get("province"));
        // The pack's code when the text names a province (北京, bj, BJ → BJ), else as given.
        let province = given.map(|p| engine.pack().province(&p).map(|x| x.code.clone()).unwrap_or(p));
        Facets { province, subject_kind: text(v.get("subject").and_then(|s| s.get("kind"))) }
    }
}

const VERDICTS: [&str; 3] = ["eligible", "needs_review", "ineligible"];
/// How many codes and input errors the page lists.
const TOP_CODES: usize = 15;
const LISTED_ERRORS: usize = 20;

#[derive(Debug, Clone, Default)]
struct Tally {
    /// eligible, needs_review, ineligible, not an application.
    n: [usize; 4],
}

impl Tally {
    fn total(&self) -> usize {
        self.n.iter().sum()
    }
}

#[derive(Debug, Clone)]
struct CodeStat {
    severity: &'static str,
    findings: usize,
    rows: usize,
    /// The first row (1-based) with this code, its path and message.
    example: (usize, String, String, String),
}

/// A run's numbers, added to row by row, rendered with [`Summary::to_html`]. Deterministic:
/// the same rows in the same order give the same page.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    rows_in: usize,
    rows_out: Option<usize>,
    null_rows: usize,
    overall: Tally,
    by_province: BTreeMap<String, Tally>,
    by_kind: BTreeMap<String, Tally>,
    codes: BTreeMap<&'static str, CodeStat>,
    fact_missing: BTreeMap<String, usize>,
    not_checked: BTreeMap<&'static str, usize>,
    errors: Vec<(usize, String, String)>,
    error_codes: BTreeMap<String, usize>,
    as_of: BTreeMap<String, usize>,
    source: Option<String>,
}

fn verdict_index(v: Verdict) -> usize {
    match v {
        Verdict::Eligible => 0,
        Verdict::NeedsReview => 1,
        Verdict::Ineligible => 2,
    }
}

/// `websites[3].domain` → `websites[].domain`: one line per field, not per website.
fn field_of(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut skip = false;
    for c in path.chars() {
        match c {
            '[' => {
                skip = true;
                out.push('[');
            }
            ']' => {
                skip = false;
                out.push(']');
            }
            _ if skip => {}
            c => out.push(c),
        }
    }
    out
}

impl Summary {
    pub fn new() -> Summary {
        Summary::default()
    }

    /// Names what was checked (a file name), shown in the title.
    pub fn with_source(mut self, source: impl Into<String>) -> Summary {
        self.source = Some(source.into());
        self
    }

    /// One row (`row` is 1-based: a line or row number): its facets and what the check said.
    pub fn add(&mut self, row: usize, facets: &Facets, outcome: Result<&Report, &InputError>) {
        self.rows_in += 1;
        let i = match outcome {
            Ok(r) => verdict_index(r.verdict),
            Err(_) => 3,
        };
        self.overall.n[i] += 1;
        let unknown = || "—".to_owned();
        self.by_province.entry(facets.province.clone().unwrap_or_else(unknown)).or_default().n[i] += 1;
        self.by_kind.entry(facets.subject_kind.clone().unwrap_or_else(unknown)).or_default().n[i] += 1;
        match outcome {
            Err(e) => {
                *self.error_codes.entry(e.code.to_owned()).or_default() += 1;
                if self.errors.len() < LISTED_ERRORS {
                    let at = if e.line > 0 { format!("line {}, column {}: ", e.line, e.column) } else { String::new() };
                    self.errors.push((row, e.code.to_owned(), format!("{at}{}", e.message)));
                }
            }
            Ok(r) => {
                *self.as_of.entry(r.as_of.clone()).or_default() += 1;
                let mut seen: Vec<&str> = Vec::new();
                let mut missing: Vec<String> = Vec::new();
                for f in &r.findings {
                    let s = self.codes.entry(f.code).or_insert_with(|| CodeStat {
                        severity: f.severity.as_str(),
                        findings: 0,
                        rows: 0,
                        example: (row, f.path.clone(), f.message.zh.to_string(), f.message.en.to_string()),
                    });
                    s.findings += 1;
                    if !seen.contains(&f.code) {
                        s.rows += 1;
                        seen.push(f.code);
                    }
                    if f.code == crate::codes::FACT_MISSING {
                        let field = field_of(&f.path);
                        if !missing.contains(&field) {
                            *self.fact_missing.entry(field.clone()).or_default() += 1;
                            missing.push(field);
                        }
                    }
                }
                for part in &r.not_checked {
                    *self.not_checked.entry(part).or_default() += 1;
                }
            }
        }
    }

    /// A null row (Python's None): counted in and out, no verdict.
    pub fn add_null(&mut self) {
        self.rows_in += 1;
        self.null_rows += 1;
    }

    /// How many rows the run wrote (shown next to the rows read; they must be equal).
    pub fn set_rows_out(&mut self, n: usize) {
        self.rows_out = Some(n);
    }

    pub fn rows_in(&self) -> usize {
        self.rows_in
    }

    /// The page. `engine` gives the rule pack's version and the codes' meanings.
    pub fn to_html(&self, engine: &Engine) -> String {
        let pack = engine.pack();
        let mut h = String::with_capacity(32 * 1024);
        let title = match &self.source {
            Some(s) => format!("beiancheck · {}", s),
            None => "beiancheck".to_owned(),
        };
        let _ = write!(
            h,
            "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{CSS}</style></head><body>\n",
            esc(&title)
        );
        let _ = write!(h, "<h1>备案检查报告 <span class=\"en\">Filing check report</span></h1>\n<p class=\"sub\">{}", esc(&title));
        let _ = write!(
            h,
            " · 规则 rules <b id=\"pack-version\">{}</b> <code>{}</code>",
            esc(&pack.meta.version),
            esc(&pack.sha256[..pack.sha256.len().min(16)])
        );
        if !self.as_of.is_empty() {
            let dates: Vec<String> = self.as_of.keys().map(|d| esc(d)).collect();
            let _ = write!(h, " · 日期 as of {}", dates.join(", "));
        }
        h.push_str("</p>\n");

        // Row counts.
        let out = self.rows_out.unwrap_or(self.rows_in);
        let ok = out == self.rows_in;
        let errors = self.overall.n[3];
        let _ = write!(
            h,
            "<section><h2>行数 <span class=\"en\">Rows</span></h2><table class=\"counts\">\
             <tr><th>读入 rows in</th><td id=\"rows-in\">{}</td></tr>\
             <tr><th>写出 rows out</th><td id=\"rows-out\">{}</td></tr>\
             <tr><th>in = out</th><td id=\"rows-match\" class=\"{}\">{}</td></tr>\
             <tr><th>检查报告 reports</th><td id=\"rows-reports\">{}</td></tr>\
             <tr><th>非申请（输入错误）not applications (input errors)</th><td id=\"rows-errors\">{}</td></tr>",
            self.rows_in,
            out,
            if ok { "good" } else { "bad" },
            if ok { "✓ yes" } else { "✗ NO" },
            self.overall.total() - errors,
            errors
        );
        if self.null_rows > 0 {
            let _ = write!(h, "<tr><th>空行 null rows</th><td id=\"rows-null\">{}</td></tr>", self.null_rows);
        }
        h.push_str("</table></section>\n");

        // Verdicts overall.
        h.push_str("<section><h2>结论 <span class=\"en\">Verdicts</span></h2>\n");
        let labels = ["可以备案 eligible", "需人工确认 needs review", "不能备案 ineligible", "输入错误 input error"];
        let total = self.overall.total().max(1);
        h.push_str(&bar_chart("verdicts", &(0..4).map(|i| (labels[i].to_owned(), self.overall.n[i], CLASSES[i])).collect::<Vec<_>>()));
        h.push_str("<table><tr><th>verdict</th><th>rows</th><th>%</th></tr>");
        for (i, key) in VERDICTS.iter().chain(["input_error"].iter()).enumerate() {
            let n = self.overall.n[i];
            let _ = write!(
                h,
                "<tr><td>{}</td><td id=\"verdict-{key}\">{n}</td><td>{:.1}</td></tr>",
                esc(labels[i]),
                100.0 * n as f64 / total as f64
            );
        }
        h.push_str("</table></section>\n");

        for (id, zh, en, map) in
            [("province", "按省份", "By province", &self.by_province), ("kind", "按主体性质", "By subject kind", &self.by_kind)]
        {
            let _ = writeln!(h, "<section><h2>{zh} <span class=\"en\">{en}</span></h2>");
            h.push_str(&stacked_chart(id, map));
            h.push_str(
                "<table><tr><th></th><th>eligible</th><th>needs review</th><th>ineligible</th><th>input error</th><th>rows</th></tr>",
            );
            for (k, t) in map {
                let name = if id == "province" {
                    pack.province_by_code(k).map(|p| format!("{} {}", p.zh, k)).unwrap_or_else(|| k.clone())
                } else {
                    k.clone()
                };
                let _ = write!(h, "<tr data-{id}=\"{}\"><td>{}</td>", esc(k), esc(&name));
                for n in t.n {
                    let _ = write!(h, "<td>{n}</td>");
                }
                let _ = write!(h, "<td>{}</td></tr>", t.total());
            }
            h.push_str("</table></section>\n");
        }

        // Top codes.
        let mut top: Vec<(&&str, &CodeStat)> = self.codes.iter().collect();
        top.sort_by(|a, b| b.1.rows.cmp(&a.1.rows).then(b.1.findings.cmp(&a.1.findings)).then(a.0.cmp(b.0)));
        h.push_str("<section><h2>最常见的问题 <span class=\"en\">Most frequent findings</span></h2>\n");
        h.push_str(&bar_chart(
            "codes",
            &top.iter().take(TOP_CODES).map(|(c, s)| ((**c).to_owned(), s.rows, sev_class(s.severity))).collect::<Vec<_>>(),
        ));
        h.push_str("<table class=\"codes\"><tr><th>code</th><th>severity</th><th>rows</th><th>findings</th><th>含义 meaning</th><th>例 example</th></tr>");
        for (code, s) in top.iter().take(TOP_CODES) {
            let (zh, en) = pack.catalogue.get(code).map(|(_, _, e)| (meaning(&e.zh), meaning(&e.en))).unwrap_or_default();
            let (row, path, mzh, men) = &s.example;
            let _ = write!(
                h,
                "<tr data-code=\"{c}\"><td><code>{c}</code></td><td class=\"{sc}\">{sev}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
                 <td>{}<br><span class=\"en\">{}</span></td><td>row {row} · <code>{}</code><br>{}<br><span class=\"en\">{}</span></td></tr>",
                s.rows,
                s.findings,
                esc(&zh),
                esc(&en),
                esc(path),
                esc(mzh),
                esc(men),
                c = esc(code),
                sc = sev_class(s.severity),
                sev = esc(s.severity),
            );
        }
        if top.is_empty() {
            h.push_str("<tr><td colspan=\"6\">—</td></tr>");
        }
        h.push_str("</table></section>\n");

        // Could not be checked.
        h.push_str("<section><h2>无法核验 <span class=\"en\">What could not be checked</span></h2>\n");
        h.push_str("<p><code>FACT_MISSING</code>: 未提供的事实，相关规则未能核验 / facts not given, so their rules could not run (rows per field).</p><table><tr><th>field</th><th>rows</th></tr>");
        let mut missing: Vec<(&String, &usize)> = self.fact_missing.iter().collect();
        missing.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (f, n) in &missing {
            let _ = write!(h, "<tr data-missing=\"{f}\"><td><code>{f}</code></td><td>{n}</td></tr>", f = esc(f));
        }
        if missing.is_empty() {
            h.push_str("<tr><td colspan=\"2\">—</td></tr>");
        }
        h.push_str("</table><p><code>not_checked</code>: 申请中未包含的部分 / parts the applications left out (rows).</p><table><tr><th>part</th><th>rows</th></tr>");
        for (p, n) in &self.not_checked {
            let _ = write!(h, "<tr data-not-checked=\"{p}\"><td><code>{p}</code></td><td>{n}</td></tr>", p = esc(p));
        }
        if self.not_checked.is_empty() {
            h.push_str("<tr><td colspan=\"2\">—</td></tr>");
        }
        h.push_str("</table></section>\n");

        // Input errors.
        h.push_str("<section><h2>输入错误 <span class=\"en\">Input errors</span></h2><table><tr><th>code</th><th>rows</th></tr>");
        for (c, n) in &self.error_codes {
            let _ = write!(h, "<tr><td><code>{}</code></td><td>{n}</td></tr>", esc(c));
        }
        if self.error_codes.is_empty() {
            h.push_str("<tr><td colspan=\"2\">—</td></tr>");
        }
        h.push_str("</table>");
        if !self.errors.is_empty() {
            let _ = write!(h, "<p>The first {}:</p><table><tr><th>row</th><th>code</th><th>message</th></tr>", self.errors.len());
            for (row, code, msg) in &self.errors {
                let _ = write!(h, "<tr><td>{row}</td><td><code>{}</code></td><td>{}</td></tr>", esc(code), esc(msg));
            }
            h.push_str("</table>");
        }
        h.push_str("</section>\n<footer>beiancheck ");
        h.push_str(&esc(env!("CARGO_PKG_VERSION")));
        h.push_str(" · sha256 ");
        h.push_str(&esc(&pack.sha256));
        h.push_str("</footer>\n</body></html>\n");
        h
    }
}

/// HTML-escapes text for element content and quoted attribute values alike.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// A catalogue template without its placeholders: `… .{tld} …` → `… .… …`.
fn meaning(t: &str) -> String {
    let mut o = String::new();
    let mut depth = 0;
    for c in t.chars() {
        match c {
            '{' => {
                depth += 1;
                if depth == 1 {
                    o.push('…');
                }
            }
            '}' if depth > 0 => depth -= 1,
            c if depth == 0 => o.push(c),
            _ => {}
        }
    }
    o
}

const CLASSES: [&str; 4] = ["eligible", "review", "ineligible", "error"];

fn sev_class(s: &str) -> &'static str {
    match s {
        "error" => "ineligible",
        "warning" => "review",
        _ => "info",
    }
}

/// A chart label that fits the space left of the bars (the table below has the whole text).
fn short(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        return label.to_owned();
    }
    let mut s: String = label.chars().take(max - 1).collect();
    s.push('…');
    s
}

/// Horizontal bars, one per (label, value, class).
fn bar_chart(id: &str, bars: &[(String, usize, &str)]) -> String {
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let (w, row, left) = (760.0, 24.0, 260.0);
    let hgt = row * bars.len().max(1) as f64 + 8.0;
    let mut s =
        format!("<svg id=\"chart-{}\" class=\"chart\" viewBox=\"0 0 {w} {hgt}\" width=\"{w}\" height=\"{hgt}\" role=\"img\">", esc(id));
    for (i, (label, v, class)) in bars.iter().enumerate() {
        let y = 4.0 + row * i as f64;
        let bw = (w - left - 70.0) * (*v as f64) / max as f64;
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect class=\"{}\" x=\"{left}\" y=\"{y}\" width=\"{bw:.1}\" height=\"{}\"></rect>\
             <text x=\"{}\" y=\"{}\">{v}</text>",
            left - 8.0,
            y + 15.0,
            esc(&short(label, 34)),
            class,
            row - 6.0,
            left + bw + 6.0,
            y + 15.0
        );
    }
    s.push_str("</svg>\n");
    s
}

/// One stacked bar per key: eligible / needs review / ineligible / input error.
fn stacked_chart(id: &str, map: &BTreeMap<String, Tally>) -> String {
    let max = map.values().map(Tally::total).max().unwrap_or(0).max(1);
    let (w, row, left) = (760.0, 22.0, 140.0);
    let hgt = row * map.len().max(1) as f64 + 8.0;
    let mut s =
        format!("<svg id=\"chart-{}\" class=\"chart\" viewBox=\"0 0 {w} {hgt}\" width=\"{w}\" height=\"{hgt}\" role=\"img\">", esc(id));
    for (i, (k, t)) in map.iter().enumerate() {
        let y = 4.0 + row * i as f64;
        let _ = write!(s, "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", left - 8.0, y + 14.0, esc(&short(k, 16)));
        let mut x = left;
        for (j, n) in t.n.iter().enumerate() {
            let bw = (w - left - 70.0) * (*n as f64) / max as f64;
            if *n > 0 {
                let _ =
                    write!(s, "<rect class=\"{}\" x=\"{x:.1}\" y=\"{y}\" width=\"{bw:.1}\" height=\"{}\"></rect>", CLASSES[j], row - 6.0);
            }
            x += bw;
        }
        let _ = write!(s, "<text x=\"{:.1}\" y=\"{}\">{}</text>", x + 6.0, y + 14.0, t.total());
    }
    s.push_str("</svg>\n");
    s
}

const CSS: &str = "body{font:14px/1.45 system-ui,'Noto Sans CJK SC','PingFang SC',sans-serif;margin:24px auto;max-width:1000px;color:#1d2430;padding:0 16px}\
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #dde3ea;padding-bottom:4px}\
.en{color:#5b6776;font-weight:normal}.sub{color:#5b6776;margin:0 0 12px}code{font:12px ui-monospace,monospace;background:#f2f4f7;padding:1px 4px;border-radius:3px;word-break:break-all}\
table{border-collapse:collapse;margin:8px 0;width:100%}th,td{border:1px solid #dde3ea;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f6f8fa;font-weight:600}\
td.n{text-align:right}table.codes td:first-child code{word-break:normal;white-space:nowrap}.counts{width:auto}.good{color:#137333;font-weight:600}.bad{color:#b3261e;font-weight:700}\
svg.chart{display:block;max-width:100%;height:auto;font-size:12px}svg text{fill:#1d2430}\
rect.eligible{fill:#34a853}rect.review{fill:#f9ab00}rect.ineligible{fill:#d93025}rect.error{fill:#80868b}rect.info{fill:#4285f4}\
td.ineligible{color:#b3261e}td.review{color:#8a5a00}td.info{color:#1a5fb4}footer{margin-top:32px;color:#80868b;font-size:12px}";

#[cfg(test)]
mod tests {
    use super::*;

    fn run(rows: &[&str]) -> (Summary, Engine) {
        let engine = Engine::embedded();
        let mut s = Summary::new().with_source("<b>in.jsonl</b>");
        for (i, r) in rows.iter().enumerate() {
            let out = engine.check_json_at(r, chrono::NaiveDate::from_ymd_opt(2026, 12, 1));
            s.add(i + 1, &Facets::of_json(&engine, r), out.as_ref());
        }
        (s, engine)
    }

    #[test]
    fn every_value_is_escaped() {
        let hostile = r#"{"province":"<script>alert(1)</script>","subject":{"kind":"\"><img src=x onerror=alert(2)>","name":"<script>x</script>"},"websites":[{"name":"<script>alert(3)</script>","domain":"\"><svg onload=alert(4)>.com"}]}"#;
        let (s, engine) = run(&[hostile, "{", "[1]"]);
        let html = s.to_html(&engine);
        for bad in ["<script", "<img", "<svg onload", "<b>in.jsonl"] {
            assert!(!html.contains(bad), "{bad} reached the page unescaped");
        }
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the hostile province shows as text");
        assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
        assert!(html.contains("Content-Security-Policy"));
        assert_eq!(esc(r#"<a href="x" title='y'>&"#), "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;");
    }

    #[test]
    fn counts_add_up() {
        let ok = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/access-filing-shanghai.json")).unwrap();
        let (mut s, engine) = run(&[&ok, &ok, "{", r#"{"province":"北京"}"#]);
        s.add_null();
        s.set_rows_out(5);
        let html = s.to_html(&engine);
        assert!(html.contains("<td id=\"rows-in\">5</td>") && html.contains("<td id=\"rows-out\">5</td>"), "{html}");
        assert!(html.contains("<td id=\"rows-errors\">1</td>") && html.contains("<td id=\"rows-null\">1</td>"));
        assert!(html.contains("data-province=\"BJ\""), "a province name is grouped under its code");
        assert!(html.contains("data-province=\"SH\""));
        assert!(html.contains("data-code=\"INPUT_MISSING_FIELD\""));
        assert!(html.contains(&format!("<b id=\"pack-version\">{}</b>", engine.pack().meta.version)));
        s.set_rows_out(4);
        assert!(s.to_html(&engine).contains("✗ NO"), "in ≠ out is shown");
        assert_eq!(field_of("websites[12].domain.registrar"), "websites[].domain.registrar");
        assert_eq!(meaning("后缀 .{tld} 不在（{status}）"), "后缀 .… 不在（…）");
        // Deterministic: the same rows give the same page.
        assert_eq!(run(&[&ok, "{"]).0.to_html(&engine), run(&[&ok, "{"]).0.to_html(&engine));
    }

    #[test]
    fn an_empty_run_renders() {
        let engine = Engine::embedded();
        let html = Summary::new().to_html(&engine);
        assert!(html.contains("<td id=\"rows-in\">0</td>") && html.contains("✓ yes") && html.ends_with("</html>\n"));
    }
}
