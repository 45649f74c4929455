//! `beiancheck batch`: streams rows through the engine in bounded chunks. One output row per
//! input row, in order; a bad row becomes an error row and the run goes on.
use beiancheck::{Engine, InputError, Report, Severity, Verdict};
use chrono::NaiveDate;
use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::json;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};

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

/// Where an interrupted run stopped: written beside the output (`OUT.progress`) after every
/// chunk, once the chunk's rows are flushed. `--resume` cuts the output back to `bytes` (a kill
/// may leave a partial row after it) and skips `rows_done` input rows.
#[derive(serde::Serialize, serde::Deserialize)]
struct Progress {
    input: String,
    rows_done: u64,
    bytes: u64,
    complete: bool,
}

fn progress_path(output: &str) -> String {
    format!("{output}.progress")
}

fn save_progress(output: &str, p: &Progress) -> Result<(), String> {
    // Write then rename, so the progress file itself is never half-written.
    let path = progress_path(output);
    let tmp = format!("{path}.tmp");
    std::fs::write(&tmp, serde_json::to_vec(p).map_err(|e| e.to_string())?).map_err(|e| format!("cannot write {tmp}: {e}"))?;
    std::fs::rename(&tmp, &path).map_err(|e| format!("cannot write {path}: {e}"))
}

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

#[allow(clippy::too_many_arguments)]
pub fn run(
    engine: &Engine,
    input: &str,
    output: &str,
    format: Option<Format>,
    as_of: Option<NaiveDate>,
    chunk: usize,
    quiet: bool,
    resume: bool,
) -> Result<u8, String> {
    let fmt = format.unwrap_or_else(|| format_of(output));
    let csv = fmt == Format::Csv;
    let mut rows = Rows::open(input)?;
    let to_stdout = output == "-";
    if resume && to_stdout {
        return Err("--resume needs an output file".into());
    }
    // Ctrl-C finishes the chunk in hand, records progress and stops; a second Ctrl-C kills.
    if !to_stdout {
        let _ = ctrlc::set_handler(|| {
            if INTERRUPTED.swap(true, Ordering::SeqCst) {
                std::process::exit(130);
            }
        });
    }

    let mut tally = Tally::default();
    let sink: Box<dyn Write> = if to_stdout {
        Box::new(io::stdout())
    } else if resume {
        let text =
            std::fs::read(progress_path(output)).map_err(|e| format!("cannot resume: no progress file {} ({e})", progress_path(output)))?;
        let p: Progress =
            serde_json::from_slice(&text).map_err(|e| format!("cannot resume: {} is damaged ({e})", progress_path(output)))?;
        if p.input != input {
            return Err(format!("cannot resume: {output} was written from {}, not {input}", p.input));
        }
        if p.complete {
            eprintln!("beiancheck batch: {output} is already complete ({} rows)", p.rows_done);
            return Ok(0);
        }
        let f = std::fs::OpenOptions::new().write(true).open(output).map_err(|e| format!("cannot resume {output}: {e}"))?;
        f.set_len(p.bytes).map_err(|e| format!("cannot resume {output}: {e}"))?;
        for _ in 0..p.rows_done {
            if rows.next_row()?.is_none() {
                return Err(format!("cannot resume: {input} has fewer than the {} rows already written", p.rows_done));
            }
        }
        tally.rows = p.rows_done;
        eprintln!("beiancheck batch: resuming {output} after row {}", p.rows_done);
        let mut f = f;
        std::io::Seek::seek(&mut f, std::io::SeekFrom::End(0)).map_err(|e| e.to_string())?;
        Box::new(f)
    } else {
        Box::new(File::create(output).map_err(|e| format!("cannot create {output}: {e}"))?)
    };
    let mut out = CountingWriter { inner: BufWriter::with_capacity(1 << 16, sink), written: 0 };
    if resume {
        out.written = std::fs::metadata(output).map(|m| m.len()).unwrap_or(0);
    } else if csv {
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
    bar.set_position(tally.rows);

    let mut batch: Vec<Row> = Vec::with_capacity(chunk);
    let mut done = true;
    loop {
        if INTERRUPTED.load(Ordering::SeqCst) {
            done = false;
            break;
        }
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
                (Err(why), _) => Err(row_error(why.clone())),
                (Ok(text), _) if text.trim().is_empty() => Err(row_error("empty row".into())),
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
            if csv {
                write_csv(&mut out, &csv_row(i, &result))?;
            } else {
                let line = match &result {
                    Ok(r) => json!({"row": i, "verdict": r.verdict, "filing_type": r.filing_type, "codes": codes(r), "report": r}),
                    Err(e) => json!({"row": i, "verdict": null, "input_error": e}),
                };
                serde_json::to_writer(&mut out, &line).map_err(|e| e.to_string())?;
                out.write_all(b"\n").map_err(|e| e.to_string())?;
            }
        }
        out.flush().map_err(|e| format!("cannot write {output}: {e}"))?;
        if !to_stdout {
            save_progress(output, &Progress { input: input.to_owned(), rows_done: tally.rows, bytes: out.written, complete: false })?;
        }
        bar.inc(batch.len() as u64);
    }
    out.flush().map_err(|e| format!("cannot write {output}: {e}"))?;
    bar.finish_and_clear();
    if !to_stdout {
        save_progress(output, &Progress { input: input.to_owned(), rows_done: tally.rows, bytes: out.written, complete: done })?;
    }
    if !done {
        eprintln!("beiancheck batch: interrupted after {} rows; `beiancheck batch {input} -o {output} --resume` continues", tally.rows);
        return Ok(130);
    }
    eprintln!(
        "beiancheck batch: {} rows: {} eligible, {} not eligible, {} need review, {} input errors",
        tally.rows, tally.eligible, tally.ineligible, tally.needs_review, tally.errors
    );
    Ok(0)
}

fn row_error(message: String) -> InputError {
    InputError { code: beiancheck::codes::INPUT_MALFORMED, line: 1, column: 1, path: None, message }
}

/// Counts the bytes that reach the output, for the progress file.
struct CountingWriter<W: Write> {
    inner: W,
    written: u64,
}

impl<W: Write> Write for CountingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
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
