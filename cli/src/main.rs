//! The `beiancheck` command. It only reads input, calls the core and prints: every decision is
//! the core's.
#![forbid(unsafe_code)]
use beiancheck::{Engine, InputError, Verdict};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

mod batch;
mod human;
mod id;
mod pipe;
mod report;

#[derive(Parser)]
#[command(
    name = "beiancheck",
    version,
    about = "Check ICP filing (网站备案) applications and domains offline, before submission.",
    long_about = "Check ICP filing (网站备案) applications and domains offline, before submission.\n\nExit codes: 0 eligible (or needs review, unless --strict), 1 not eligible, 2 usage or input error."
)]
struct Cli {
    /// Use this rule pack (as written by `beiancheck rules --export`) instead of the embedded one.
    #[arg(long, global = true, value_name = "FILE")]
    pack: Option<PathBuf>,
    /// Language of the readable output: zh, en, or both (JSON always carries both).
    #[arg(long, global = true, value_enum, default_value = "both")]
    lang: human::Lang,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Check one application (JSON file, or - for standard input).
    Check {
        /// The application JSON, or - for standard input.
        file: String,
        /// Print the report as JSON instead of the readable form.
        #[arg(long)]
        json: bool,
        /// Evaluation date when the application has no as_of (default: today in Shanghai).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        /// Exit 1 on needs_review as well as on ineligible.
        #[arg(long)]
        strict: bool,
    },
    /// Can these domains be filed? One line per name.
    Domain {
        #[arg(value_name = "NAME", required_unless_present = "file", conflicts_with = "file")]
        names: Vec<String>,
        /// Read the names from FILE (- for standard input), one per line; blank lines and lines
        /// starting with # are skipped. Each answer carries its line number.
        #[arg(short = 'f', long = "file", value_name = "FILE")]
        file: Option<String>,
        /// The subject kind that would file (individual, enterprise, government …).
        #[arg(long, value_name = "KIND")]
        subject: Option<String>,
        /// The filing province (code such as BJ, or 北京).
        #[arg(long, value_name = "PROVINCE")]
        province: Option<String>,
        /// One JSON object per line instead of the readable form.
        #[arg(long)]
        json: bool,
        /// Exit 1 on needs_review as well as on ineligible.
        #[arg(long)]
        strict: bool,
    },
    /// What must be prepared: for a province and subject kind, or for an application FILE.
    Materials {
        /// An application JSON: its own checklist (as in its report).
        file: Option<String>,
        /// Filing province (code such as SH, or 上海).
        #[arg(long)]
        province: Option<String>,
        /// Subject kind (individual, enterprise, …).
        #[arg(long = "subject", value_name = "KIND")]
        subject_kind: Option<String>,
        #[arg(long, value_name = "TYPE")]
        filing_type: Option<String>,
        /// The filer's ID was issued in another province.
        #[arg(long)]
        non_local: bool,
        /// The responsible person is under 18.
        #[arg(long)]
        minor: bool,
        /// The subject owner is not the legal representative.
        #[arg(long)]
        owner_not_legal_rep: bool,
        /// A website owner is not the legal representative.
        #[arg(long)]
        website_owner_not_legal_rep: bool,
        /// The website needs a pre-approval.
        #[arg(long)]
        pre_approval: bool,
        /// A domain is registered outside the provider.
        #[arg(long)]
        domain_elsewhere: bool,
        /// The subject's name changed (变更备案).
        #[arg(long)]
        name_change: bool,
        /// Number of websites in the order.
        #[arg(long)]
        websites: Option<u32>,
        /// Age of the youngest responsible person (or the filer), for age-bound materials.
        #[arg(long)]
        age: Option<u32>,
        #[arg(long)]
        json: bool,
    },
    /// Print the JSON Schema of an application (schema/application.schema.json), or with
    /// --markdown the field reference of docs/INPUT.md; both are generated from the reader.
    #[command(hide = true)]
    Schema {
        #[arg(long)]
        markdown: bool,
    },
    /// Print the catalogue entry of a finding code.
    Explain {
        code: String,
        #[arg(long)]
        json: bool,
    },
    /// Show the rule pack: version, SHA-256, table sizes and sources; export it; or print the
    /// rules reference (--markdown, committed as docs/RULES.md).
    Rules {
        #[arg(long)]
        json: bool,
        /// Print the rules reference (every province row; docs/RULES.md) as Markdown.
        #[arg(long, conflicts_with_all = ["json", "export"])]
        markdown: bool,
        /// Write the pack (the format --pack and Engine::from_pack read) to FILE.
        #[arg(long, value_name = "FILE")]
        export: Option<PathBuf>,
    },
    /// Check identity numbers on their own: resident_id, credit_code, mobile, hk_macau_permit,
    /// taiwan_permit, passport, hk_macau_residence, taiwan_residence. One line per value; exit 1
    /// when one is invalid.
    Id {
        /// The kind of number (resident_id, credit_code, mobile, …).
        kind: String,
        /// The numbers to check.
        #[arg(value_name = "VALUE", required_unless_present = "file", conflicts_with = "file")]
        values: Vec<String>,
        /// Read the numbers from FILE, one per line (- for standard input).
        #[arg(short = 'f', long = "file", value_name = "FILE")]
        file: Option<String>,
        /// Date the ages are computed on (default: today in Shanghai).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        /// One JSON object per line instead of the readable form.
        #[arg(long)]
        json: bool,
    },
    /// Check many applications: JSONL (one application per line) or CSV (an `application`
    /// column of JSON) in; one result row per input row out, in order.
    ///
    /// Exit codes: 0 the run completed (whatever the verdicts); 1 it completed and
    /// --fail-on-error found input-error rows; 2 usage error, or the input or output could not
    /// be read or written (the run stopped); 130 interrupted (--resume continues it).
    Batch {
        /// Input file (.jsonl/.ndjson or .csv), or - for standard input (JSONL).
        input: String,
        /// Output file (.jsonl or .csv); - for standard output.
        #[arg(short, long, value_name = "OUT")]
        output: String,
        /// Output format (default: from the output file's extension, else JSONL).
        #[arg(long, value_enum)]
        format: Option<batch::Format>,
        /// Evaluation date for rows without as_of (default: today in Shanghai).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        /// Rows checked in parallel per chunk (memory stays bounded by this).
        #[arg(long, default_value_t = 4096)]
        chunk: usize,
        /// Hide the progress bar even on a terminal.
        #[arg(long)]
        quiet: bool,
        /// Continue an interrupted run from its OUT.progress file, without duplicating rows.
        #[arg(long)]
        resume: bool,
        /// Also write a one-page HTML summary of the run (verdicts, provinces, top findings …).
        #[arg(long, value_name = "REPORT.html")]
        report: Option<PathBuf>,
        /// The input's id column (CSV) or field (JSONL) carried into every output row
        /// [default: id, when present]. A JSONL field is taken out before the check.
        #[arg(long, value_name = "FIELD")]
        id: Option<String>,
        /// Exit 1 when any row was an input error (the run still writes every row).
        #[arg(long)]
        fail_on_error: bool,
        /// Write CSV with a UTF-8 byte-order mark, so Excel opens it as UTF-8 (implies CSV).
        #[arg(long)]
        excel: bool,
        /// Codes only (row, id, verdict, filing_type, codes): no messages or reports, for
        /// warehouse loads.
        #[arg(long)]
        compact: bool,
    },
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    beiancheck::dates::parse_date(s)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let engine = match &cli.pack {
        None => Engine::embedded(),
        Some(p) => match std::fs::read(p).map_err(|e| e.to_string()).and_then(|b| Engine::from_pack(&b).map_err(|e| e.to_string())) {
            Ok(e) => e,
            Err(e) => {
                eprintln!("beiancheck: cannot use the pack {}: {e}", p.display());
                return ExitCode::from(2);
            }
        },
    };
    match run(&engine, cli.cmd, cli.lang) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("beiancheck: {e}");
            ExitCode::from(2)
        }
    }
}

/// `explain`'s answer to a code the catalogue lacks: the nearest codes (did you mean …?).
fn unknown_code(pack: &beiancheck::pack::Pack, code: &str) -> String {
    let key = code.trim().to_ascii_uppercase().replace(['-', ' '], "_");
    let mut near: Vec<(usize, &str)> = pack
        .catalogue
        .entries()
        .map(|(_, e)| (beiancheck::vocab::edit_distance(&key, &e.code), e.code.as_str()))
        .filter(|(d, c)| *d <= (c.len() / 4).max(2))
        .collect();
    near.sort();
    let mut names: Vec<&str> = near.iter().take(3).map(|(_, c)| *c).collect();
    if names.is_empty() && key.len() >= 3 {
        names = pack.catalogue.entries().map(|(_, e)| e.code.as_str()).filter(|c| c.contains(&key)).take(5).collect();
    }
    let hint = if names.is_empty() { String::new() } else { format!("; did you mean {}?", names.join(", ")) };
    format!("unknown code {code}{hint} (`beiancheck rules --json` lists the catalogue)")
}

fn exit_for(v: Verdict, strict: bool) -> u8 {
    match v {
        Verdict::Eligible => 0,
        Verdict::NeedsReview if !strict => 0,
        _ => 1,
    }
}

fn read_bytes(file: &str) -> Result<Vec<u8>, String> {
    let mut b = Vec::new();
    if file == "-" {
        io::stdin().read_to_end(&mut b).map_err(|e| format!("cannot read standard input: {e}"))?;
    } else {
        b = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    }
    Ok(b)
}

fn read_input(file: &str) -> Result<String, String> {
    let mut s = String::new();
    if file == "-" {
        io::stdin().read_to_string(&mut s).map_err(|e| format!("cannot read standard input: {e}"))?;
    } else {
        let bytes = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
        s = beiancheck::utf8(&bytes).map_err(|e| input_error(file, &e))?.to_owned();
    }
    Ok(s)
}

fn run(engine: &Engine, cmd: Cmd, lang: human::Lang) -> Result<u8, String> {
    let mut out = pipe::stdout();
    let w = |out: &mut pipe::Quiet<io::StdoutLock>, s: &str| writeln!(out, "{s}").map_err(|e| e.to_string());
    match cmd {
        Cmd::Check { file, json, as_of, strict } => {
            let bytes = read_bytes(&file)?;
            match engine.check_json_bytes(&bytes, as_of) {
                Ok(report) => {
                    if json {
                        w(&mut out, &report.to_json_pretty())?;
                    } else {
                        w(&mut out, &human::report(&report, lang))?;
                    }
                    Ok(exit_for(report.verdict, strict))
                }
                Err(e) => {
                    if json {
                        w(&mut out, &serde_json::json!({ "error": e }).to_string())?;
                    }
                    Err(input_error(&file, &e))
                }
            }
        }
        Cmd::Domain { names, file, subject, province, json, strict } => {
            let subject = flag_word("--subject", subject, beiancheck::vocab::SUBJECT_KINDS)?;
            let province = flag_province(engine, province)?;
            let q = beiancheck::DomainQuery { subject_kind: subject, province };
            let mut code = 0;
            let mut answer = |out: &mut pipe::Quiet<io::StdoutLock>, line: Option<usize>, n: &str| -> Result<(), String> {
                let r = engine.check_domain(n, &q);
                code = code.max(exit_for(r.verdict, strict));
                if json {
                    let mut v = serde_json::to_value(&r).map_err(|e| e.to_string())?;
                    if let (Some(l), Some(o)) = (line, v.as_object_mut()) {
                        o.insert("line".into(), l.into());
                    }
                    w(out, &v.to_string())
                } else {
                    let at = line.map(|l| format!("{l}: ")).unwrap_or_default();
                    w(out, &format!("{at}{}", human::domain_line(&r, lang)))
                }
            };
            match &file {
                None => {
                    for n in &names {
                        answer(&mut out, None, n)?;
                    }
                }
                Some(f) => {
                    let reader: Box<dyn io::BufRead> = if f == "-" {
                        Box::new(io::stdin().lock())
                    } else {
                        Box::new(io::BufReader::new(std::fs::File::open(f).map_err(|e| format!("cannot read {f}: {e}"))?))
                    };
                    for (i, line) in io::BufRead::split(reader, b'\n').enumerate() {
                        let bytes = line.map_err(|e| format!("cannot read {f}: {e}"))?;
                        let text = beiancheck::utf8(&bytes).map_err(|e| format!("{f}: line {}, column {}: not UTF-8", i + 1, e.column))?;
                        let name = text.trim();
                        if name.is_empty() || name.starts_with('#') {
                            continue;
                        }
                        answer(&mut out, Some(i + 1), name)?;
                    }
                }
            }
            Ok(code)
        }
        Cmd::Materials {
            file,
            province,
            subject_kind,
            filing_type,
            non_local,
            minor,
            owner_not_legal_rep,
            website_owner_not_legal_rep,
            pre_approval,
            domain_elsewhere,
            name_change,
            websites,
            age,
            json,
        } => {
            let (materials, findings) = match file {
                Some(file) => {
                    let r = engine.check_json(&read_input(&file)?).map_err(|e| input_error(&file, &e))?;
                    (r.materials, Vec::new())
                }
                None => {
                    // A bad flag value is a usage error naming the flag, and nothing is printed.
                    let province = flag_province(engine, province)?;
                    let subject_kind = flag_word("--subject", subject_kind, beiancheck::vocab::SUBJECT_KINDS)?;
                    let filing_type = flag_word("--filing-type", filing_type, beiancheck::vocab::FILING_TYPES)?;
                    let q = beiancheck::MaterialsQuery {
                        province,
                        subject_kind,
                        filing_type,
                        non_local,
                        minor,
                        subject_owner_not_legal_rep: owner_not_legal_rep,
                        website_owner_not_legal_rep,
                        pre_approval,
                        domain_not_at_provider: domain_elsewhere,
                        name_change,
                        off_campus_training: false,
                        websites,
                        age,
                        pre_approval_possible: false,
                    };
                    let r = engine.materials(&q);
                    (r.materials, r.findings)
                }
            };
            if json {
                w(&mut out, &serde_json::json!({"materials": materials, "findings": findings}).to_string())?;
            } else {
                for f in &findings {
                    w(&mut out, &format!("✗ [{}] {}", f.code, lang.slash(&f.message.zh, &f.message.en)))?;
                }
                for m in &materials {
                    let tpl = m.template.as_deref().map(|t| format!("\n    {}: {t}", lang.pick("模板", "template"))).unwrap_or_default();
                    let names = match lang {
                        human::Lang::Both => format!("{} ({})\n  {}", m.name.zh, m.code, m.name.en),
                        _ => format!("{} ({})", lang.pick(&m.name.zh, &m.name.en), m.code),
                    };
                    w(
                        &mut out,
                        &format!(
                            "- {names}\n    {}\n    {}: {} ‹{}›{tpl}",
                            lang.slash(&m.reason.zh, &m.reason.en),
                            lang.pick("来源", "source"),
                            m.title,
                            m.url
                        ),
                    )?;
                }
            }
            Ok(if findings.iter().any(|f| f.severity == beiancheck::Severity::Error) { 2 } else { 0 })
        }
        Cmd::Schema { markdown } => {
            let text = if markdown { beiancheck::schema::input_reference() } else { beiancheck::schema::schema_json(&engine.pack()) };
            write!(out, "{text}").map_err(|e| e.to_string())?;
            Ok(0)
        }
        Cmd::Explain { code, json } => {
            let key = code.trim().to_ascii_uppercase().replace(['-', ' '], "_");
            let pack = engine.pack();
            let Some((_, sev, e)) = pack.catalogue.get(&key) else {
                return Err(unknown_code(&pack, &code));
            };
            let doc = pack.catalogue.document(&e.source);
            let (title, url) = doc.map(|d| (&*d.title, &*d.url)).unwrap_or_default();
            // Every code has one (the pack is refused without it).
            let how = pack.catalogue.explain(e.code.as_str()).ok_or_else(|| format!("no fix text for {}", e.code))?;
            // Where the code is decided: the family's national rules and the province row kinds
            // (each with its rows) that yield it.
            let family_file = beiancheck::rules::registry::family_file(&e.family);
            let kinds = beiancheck::rules_doc::rows_yielding(&pack, e.code.as_str());
            if json {
                w(
                    &mut out,
                    &serde_json::json!({"code": e.code, "family": e.family, "severity": sev, "zh": e.zh, "en": e.en,
                                        "fix": {"zh": how.fix.zh, "en": how.fix.en},
                                        "example": {"path": how.example_path, "context": how.example_context,
                                                    "message": {"zh": how.example.zh, "en": how.example.en}},
                                        "source": e.source, "title": title, "url": url,
                                        "decided_in": {"family": family_file, "kinds": kinds.iter().map(|(k, rows)| serde_json::json!({
                                            "kind": k.kind, "file": k.file,
                                            "rows": rows.iter().map(|(p, i)| format!("{p} rules[{i}]")).collect::<Vec<_>>()})).collect::<Vec<_>>()}})
                    .to_string(),
                )?;
            } else {
                // What the severity does to the verdict (DESIGN.md, The report).
                let (effect_zh, effect_en) = match sev {
                    beiancheck::Severity::Error => {
                        ("错误：备案会被驳回（结论为“不能备案”）", "error: the filing would be rejected (verdict ineligible)")
                    }
                    beiancheck::Severity::Warning => {
                        ("待确认：无法自动判定，需人工确认", "warning: could not be decided, needs a human look (verdict needs_review)")
                    }
                    beiancheck::Severity::Info => ("提示：仅供参考，不影响结论", "info: advice only, the verdict is unchanged"),
                };
                let mut text = format!("{} ({})\n", e.code, e.family);
                if lang != human::Lang::En {
                    text.push_str(&format!(
                        "  含义：{}\n  影响：{effect_zh}\n  依据：{title} ‹{url}›\n  如何修改：{}\n  示例：{}: {}\n",
                        e.zh, how.fix.zh, how.example_path, how.example.zh
                    ));
                }
                if lang != human::Lang::Zh {
                    text.push_str(&format!(
                        "  meaning: {}\n  effect: {effect_en}\n  basis: {title} ‹{url}›\n  how to fix: {}\n  example: {}: {}\n",
                        e.en, how.fix.en, how.example_path, how.example.en
                    ));
                }
                text.push_str(&format!("  cited as: {}", e.source));
                if let Some(f) = family_file {
                    text.push_str(&format!("\n  {}: {f}", lang.pick("判定代码", "decided in")));
                }
                for (k, rows) in &kinds {
                    let rows: Vec<String> = rows.iter().map(|(p, i)| format!("{p} rules[{i}]")).collect();
                    let rows = if rows.is_empty() {
                        lang.pick("（本规则包无此类行）", "(no rows in this pack)")
                    } else {
                        rows.join(", ")
                    };
                    text.push_str(&format!("\n  {} {} ({}): {rows}", lang.pick("省份规则", "province rows"), k.kind, k.file));
                }
                w(&mut out, &text)?;
            }
            Ok(0)
        }
        Cmd::Rules { json, export, markdown } => {
            let pack = engine.pack();
            if markdown {
                write!(out, "{}", beiancheck::rules_markdown(&pack)).map_err(|e| e.to_string())?;
                return Ok(0);
            }
            if let Some(path) = export {
                std::fs::write(&path, &*pack.bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                eprintln!("wrote {} ({} bytes, sha256 {})", path.display(), pack.bytes.len(), pack.sha256);
                return Ok(0);
            }
            let catalogue: Vec<_> = pack
                .catalogue
                .entries()
                .map(|(s, e)| serde_json::json!({"code": e.code, "family": e.family, "severity": s, "source": e.source}))
                .collect();
            if json {
                let v = serde_json::json!({
                    "name": pack.meta.name, "version": pack.meta.version, "sha256": pack.sha256,
                    "psl_version": pack.meta.psl_version, "tlds_as_of": pack.tlds_as_of,
                    "tables": pack.table_sizes.iter().map(|(k, n)| (k.to_string(), serde_json::json!(n))).collect::<serde_json::Map<_, _>>(),
                    "catalogue": catalogue,
                });
                w(&mut out, &v.to_string())?;
            } else {
                w(
                    &mut out,
                    &format!(
                        "{} {}\nsha256 {}\nPSL {} · TLD list as of {}",
                        pack.meta.name, pack.meta.version, pack.sha256, pack.meta.psl_version, pack.tlds_as_of
                    ),
                )?;
                for (k, n) in &pack.table_sizes {
                    w(&mut out, &format!("  {k:<26} {n:>6}"))?;
                }
                let mut sources: Vec<_> = pack.catalogue.entries().filter_map(|(_, e)| pack.catalogue.document(&e.source)).collect();
                sources.sort_unstable_by(|a, b| a.id.cmp(&b.id));
                sources.dedup_by(|a, b| a.id == b.id);
                w(&mut out, "documents the catalogue cites:")?;
                for d in sources {
                    w(&mut out, &format!("  {:<16} {} ‹{}›", d.id, d.title, d.url))?;
                }
            }
            Ok(0)
        }
        Cmd::Id { kind, values, file, as_of, json } => {
            drop(out);
            id::run(id::Args { kind, values, file, as_of, json })
        }
        Cmd::Batch { input, output, format, as_of, chunk, quiet, resume, report, id, fail_on_error, excel, compact } => {
            drop(out);
            if report.is_some() {
                report::precheck(&input)?;
            }
            let opts = batch::Options { id, fail_on_error, excel, compact };
            let code = batch::run(engine, &input, &output, format, as_of, chunk.max(1), quiet, resume, &opts)?;
            match report {
                // An interrupted run has no complete output to report on.
                Some(path) if code != 130 => report::write(
                    engine,
                    &input,
                    &output,
                    format.map(|f| f == batch::Format::Csv).or(excel.then_some(true)),
                    as_of,
                    chunk.max(1),
                    opts.id.as_deref(),
                    &path,
                )?,
                _ => {}
            }
            Ok(code)
        }
    }
}

/// A flag's vocabulary word (or its Chinese name), else a usage error naming the flag and the
/// nearest value (the core's vocabulary and matching).
fn flag_word(flag: &str, v: Option<String>, values: &'static [&'static str]) -> Result<Option<String>, String> {
    let Some(v) = v else { return Ok(None) };
    match beiancheck::vocab::parse(values, &v) {
        Ok(w) => Ok(Some(w.to_owned())),
        Err(near) => {
            let hint = near.map(|w| format!(" (did you mean {w}?)")).unwrap_or_default();
            Err(format!("{flag} {v}: not a known value{hint}; values: {}", values.join(", ")))
        }
    }
}

/// A province flag the pack knows (code or Chinese name), else a usage error naming the flag.
fn flag_province(engine: &Engine, v: Option<String>) -> Result<Option<String>, String> {
    match v {
        Some(p) if engine.pack().province(&p).is_none() => {
            Err(format!("--province {p}: unknown province; use a code such as SH or a Chinese name such as 上海"))
        }
        v => Ok(v),
    }
}

fn input_error(file: &str, e: &InputError) -> String {
    format!("{file}: line {}, column {}: input error {}: {}", e.line, e.column, e.code, e.message)
}
