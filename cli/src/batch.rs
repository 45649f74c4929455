//! `beiancheck batch`: streams rows through the engine in bounded chunks. One output row per
//! input row, in order; a bad row becomes an error row and the run goes on.
use beiancheck::{Engine, InputError, Report, Severity, Verdict};
use chrono::NaiveDate;
use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::json;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Csv,
}

fn format_of(path: &str) -> Format {
    if path.to_ascii_lowercase().ends_with(".csv") {
        Format::Csv
    } else {
        Format::Jsonl
    }
}

/// One input row: its text, or why it could not even be read as text.
type Row = Result<String, String>;

/// Yields input rows one at a time, so memory stays flat however long the input.
enum Rows {
    Jsonl(Box<dyn BufRead>),
    Csv(csv::StringRecordsIntoIter<Box<dyn Read>>, usize),
}

impl Rows {
    fn open(input: &str) -> Result<Rows, String> {
        let reader: Box<dyn Read> = if input == "-" {
            Box::new(io::stdin())
        } else {
            Box::new(File::open(input).map_err(|e| format!("cannot open {input}: {e}"))?)
        };
        if input != "-" && format_of(input) == Format::Csv {
            let mut r = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
            let headers = r.headers().map_err(|e| format!("{input}: cannot read the CSV header: {e}"))?;
            let col = headers
                .iter()
                .position(|h| h.trim() == "application")
                .ok_or_else(|| format!("{input}: the CSV needs a column named \"application\" holding each application's JSON"))?;
            Ok(Rows::Csv(r.into_records(), col))
        } else {
            Ok(Rows::Jsonl(Box::new(BufReader::with_capacity(1 << 16, reader))))
        }
    }

    fn next_row(&mut self) -> Result<Option<Row>, String> {
        match self {
            Rows::Jsonl(r) => {
                let mut buf = Vec::new();
                let n = r.read_until(b'\n', &mut buf).map_err(|e| format!("read error: {e}"))?;
                if n == 0 {
                    return Ok(None);
                }
                while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                    buf.pop();
                }
                Ok(Some(
                    String::from_utf8(buf)
                        .map_err(|e| format!("the row is not UTF-8 (invalid byte at offset {})", e.utf8_error().valid_up_to())),
                ))
            }
            Rows::Csv(it, col) => match it.next() {
                None => Ok(None),
                Some(Ok(rec)) => Ok(Some(rec.get(*col).map(str::to_owned).ok_or_else(|| format!("the row has no field {}", *col + 1)))),
                Some(Err(e)) => Ok(Some(Err(format!("malformed CSV row: {e}")))),
            },
        }
    }
}

#[derive(Default)]
struct Tally {
    rows: u64,
    eligible: u64,
    ineligible: u64,
    needs_review: u64,
    errors: u64,
}

pub fn run(
    engine: &Engine,
    input: &str,
    output: &str,
    format: Option<Format>,
    as_of: Option<NaiveDate>,
    chunk: usize,
    quiet: bool,
) -> Result<u8, String> {
    let fmt = format.unwrap_or_else(|| format_of(output));
    let mut rows = Rows::open(input)?;
    let sink: Box<dyn Write> = if output == "-" {
        Box::new(io::stdout())
    } else {
        Box::new(File::create(output).map_err(|e| format!("cannot create {output}: {e}"))?)
    };
    let mut out = BufWriter::with_capacity(1 << 16, sink);
    let csv = fmt == Format::Csv;
    if csv {
        write_csv(
            &mut out,
            &["row", "verdict", "filing_type", "errors", "warnings", "codes", "first_error_zh", "first_error_en", "input_error"],
        )?;
    }
    let bar = if !quiet && io::stderr().is_terminal() {
        ProgressBar::new_spinner()
    } else {
        ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden())
    };
    bar.set_style(ProgressStyle::with_template("{spinner} {pos} rows checked ({per_sec}) {elapsed}").expect("valid template"));

    let mut tally = Tally::default();
    let mut batch: Vec<Row> = Vec::with_capacity(chunk);
    loop {
        batch.clear();
        while batch.len() < chunk {
            match rows.next_row()? {
                Some(r) => batch.push(r),
                None => break,
            }
        }
        if batch.is_empty() {
            break;
        }
        let texts: Vec<&str> = batch.iter().map(|r| r.as_deref().unwrap_or("")).collect();
        let results = engine.check_many_json(&texts, as_of);
        for (row, result) in batch.iter().zip(results) {
            let result = match (row, result) {
                (Err(why), _) => {
                    Err(InputError { code: beiancheck::codes::INPUT_MALFORMED, line: 1, column: 1, path: None, message: why.clone() })
                }
                (Ok(text), _) if text.trim().is_empty() => Err(InputError {
                    code: beiancheck::codes::INPUT_MALFORMED,
                    line: 1,
                    column: 1,
                    path: None,
                    message: "empty row".into(),
                }),
                (_, r) => r,
            };
            let i = tally.rows;
            tally.rows += 1;
            match &result {
                Ok(r) => match r.verdict {
                    Verdict::Eligible => tally.eligible += 1,
                    Verdict::Ineligible => tally.ineligible += 1,
                    Verdict::NeedsReview => tally.needs_review += 1,
                },
                Err(_) => tally.errors += 1,
            }
            match csv {
                true => write_csv(&mut out, &csv_row(i, &result))?,
                false => {
                    let line = match &result {
                        Ok(r) => json!({"row": i, "verdict": r.verdict, "filing_type": r.filing_type, "codes": codes(r), "report": r}),
                        Err(e) => json!({"row": i, "verdict": null, "input_error": e}),
                    };
                    serde_json::to_writer(&mut out, &line).map_err(|e| e.to_string())?;
                    out.write_all(b"\n").map_err(|e| e.to_string())?;
                }
            }
        }
        bar.inc(batch.len() as u64);
    }
    out.flush().map_err(|e| format!("cannot write {output}: {e}"))?;
    bar.finish_and_clear();
    eprintln!(
        "beiancheck batch: {} rows: {} eligible, {} not eligible, {} need review, {} input errors",
        tally.rows, tally.eligible, tally.ineligible, tally.needs_review, tally.errors
    );
    Ok(0)
}

fn codes(r: &Report) -> Vec<&'static str> {
    let mut c: Vec<&'static str> = r.findings.iter().map(|f| f.code).collect();
    c.dedup();
    c
}

fn csv_row(i: u64, result: &Result<Report, InputError>) -> Vec<String> {
    match result {
        Ok(r) => {
            let errors = r.findings.iter().filter(|f| f.severity == Severity::Error).count();
            let warnings = r.findings.iter().filter(|f| f.severity == Severity::Warning).count();
            let first = r.findings.iter().find(|f| f.severity == Severity::Error);
            vec![
                i.to_string(),
                r.verdict.as_str().to_owned(),
                r.filing_type.unwrap_or("").to_owned(),
                errors.to_string(),
                warnings.to_string(),
                codes(r).join(" "),
                first.map(|f| f.message.zh.clone()).unwrap_or_default(),
                first.map(|f| f.message.en.clone()).unwrap_or_default(),
                String::new(),
            ]
        }
        Err(e) => vec![
            i.to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            e.code.to_owned(),
            String::new(),
            String::new(),
            format!("line {}, column {}: {}", e.line, e.column, e.message),
        ],
    }
}

/// Writes one CSV record (quoted as needed by the csv crate).
fn write_csv<S: AsRef<str>>(out: &mut impl Write, rec: &[S]) -> Result<(), String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(rec.iter().map(|s| s.as_ref())).map_err(|e| e.to_string())?;
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    out.write_all(&bytes).map_err(|e| e.to_string())
}
