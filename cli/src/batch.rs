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

/// One input row: where it starts in the input file (1-based line), the `id` it carries, and
/// its text (or why it could not even be read as text).
struct Row {
    line: usize,
    id: Option<serde_json::Value>,
    text: Result<String, String>,
}

/// Yields input rows one at a time, so memory stays flat however long the input.
enum Rows {
    /// The reader, the id field's name, and the line number of the next line.
    Jsonl(Box<dyn BufRead>, String, usize),
    /// The records, the application column and the id column.
    Csv(csv::StringRecordsIntoIter<Box<dyn Read>>, usize, Option<usize>),
}

impl Rows {
    /// `id`: the id column (CSV) or field (JSONL) named by `--id`; without it `id`, when present.
    fn open(input: &str, id: Option<&str>) -> Result<Rows, String> {
        let reader: Box<dyn Read> = if input == "-" {
            Box::new(io::stdin())
        } else {
            Box::new(File::open(input).map_err(|e| format!("cannot open {input}: {e}"))?)
        };
        if input != "-" && format_of(input) == Format::Csv {
            let mut r = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
            let headers = r.headers().map_err(|e| format!("{input}: cannot read the CSV header: {e}"))?;
            // A BOM (Excel writes one) is not part of the first column's name.
            let name = |h: &str| h.trim_start_matches('\u{feff}').trim().to_owned();
            let col = headers
                .iter()
                .position(|h| name(h) == "application")
                .ok_or_else(|| format!("{input}: the CSV needs a column named \"application\" holding each application's JSON"))?;
            let id_col = headers.iter().position(|h| name(h) == id.unwrap_or("id"));
            if let (Some(f), None) = (id, id_col) {
                return Err(format!("--id {f}: {input} has no column named \"{f}\""));
            }
            Ok(Rows::Csv(r.into_records(), col, id_col))
        } else {
            Ok(Rows::Jsonl(Box::new(BufReader::with_capacity(1 << 16, reader)), id.unwrap_or("id").to_owned(), 1))
        }
    }

    fn next_row(&mut self) -> Result<Option<Row>, String> {
        match self {
            Rows::Jsonl(r, field, next_line) => {
                let mut buf = Vec::new();
                let n = r.read_until(b'\n', &mut buf).map_err(|e| format!("read error: {e}"))?;
                if n == 0 {
                    return Ok(None);
                }
                let line = *next_line;
                *next_line += 1;
                while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                    buf.pop();
                }
                let text = String::from_utf8(buf)
                    .map_err(|e| format!("the row is not UTF-8 (invalid byte at offset {})", e.utf8_error().valid_up_to()));
                let (id, text) = match text {
                    Ok(t) => match take_member(&t, field) {
                        Some((id, rest)) => (Some(id), Ok(rest)),
                        None => (None, Ok(t)),
                    },
                    Err(e) => (None, Err(e)),
                };
                Ok(Some(Row { line, id, text }))
            }
            Rows::Csv(it, col, id_col) => match it.next() {
                None => Ok(None),
                Some(Ok(rec)) => {
                    let line = rec.position().map_or(0, |p| p.line() as usize);
                    let id = id_col.and_then(|c| rec.get(c)).map(|v| serde_json::Value::String(v.to_owned()));
                    let text = rec.get(*col).map(str::to_owned).ok_or_else(|| format!("the row has no field {}", *col + 1));
                    Ok(Some(Row { line, id, text }))
                }
                Some(Err(e)) => {
                    let line = e.position().map_or(0, |p| p.line() as usize);
                    Ok(Some(Row { line, id: None, text: Err(format!("malformed CSV row: {e}")) }))
                }
            },
        }
    }
}

/// Each input row's text as `batch` checks it (JSONL lines without their id field, or the CSV
/// `application` column), for the HTML report's second reading.
pub fn texts(input: &str, id: Option<&str>) -> Result<impl Iterator<Item = Result<String, String>>, String> {
    let mut rows = Rows::open(input, id)?;
    Ok(std::iter::from_fn(move || match rows.next_row() {
        Ok(Some(r)) => Some(r.text),
        Ok(None) => None,
        Err(e) => Some(Err(e)),
    }))
}

/// A JSONL row's `field` member, taken out: its value and the row without it (so the id the
/// batch carries is not an unknown field of the application). The other members are kept
/// byte for byte, in order. None when the row is not a JSON object holding `field`.
fn take_member(text: &str, field: &str) -> Option<(serde_json::Value, String)> {
    use serde_json::value::RawValue;
    // Cheap test first: most rows of a file without ids never get parsed twice.
    if !text.contains(field) {
        return None;
    }
    struct Members<'a>(Vec<(String, &'a RawValue)>);
    impl<'de: 'a, 'a> serde::Deserialize<'de> for Members<'a> {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V<'a>(std::marker::PhantomData<&'a ()>);
            impl<'de: 'a, 'a> serde::de::Visitor<'de> for V<'a> {
                type Value = Members<'a>;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<M: serde::de::MapAccess<'de>>(self, mut m: M) -> Result<Members<'a>, M::Error> {
                    let mut v = Vec::new();
                    while let Some(kv) = m.next_entry::<String, &'de RawValue>()? {
                        v.push(kv);
                    }
                    Ok(Members(v))
                }
            }
            d.deserialize_map(V(std::marker::PhantomData))
        }
    }
    let Members(members) = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    // The last duplicate wins, as in the engine's reader.
    let id = members.iter().rev().find(|(k, _)| k == field)?.1;
    let id = serde_json::from_str(id.get()).ok()?;
    let mut rest = String::from("{");
    for (k, v) in members.iter().filter(|(k, _)| k != field) {
        if rest.len() > 1 {
            rest.push(',');
        }
        rest.push_str(&serde_json::to_string(k).ok()?);
        rest.push(':');
        rest.push_str(v.get());
    }
    rest.push('}');
    Some((id, rest))
}

/// What `batch` writes besides the rows themselves.
pub struct Options {
    pub id: Option<String>,
    pub fail_on_error: bool,
    /// CSV with a UTF-8 byte-order mark, so Excel reads it as UTF-8.
    pub excel: bool,
    /// Codes only: row, id, verdict, filing type, codes.
    pub compact: bool,
}

#[derive(Clone, Copy, Default, serde::Serialize, serde::Deserialize)]
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
    /// The rows already written, so a resumed run's summary counts the whole output.
    tally: Tally,
    /// The output's shape (format and options): a resume must write the same.
    shape: String,
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

/// Exit codes: 0 the run completed; 1 it completed and `--fail-on-error` found input-error
/// rows; 2 usage, read or write error; 130 interrupted (`--resume` continues).
#[allow(clippy::too_many_arguments, reason = "one per command-line option of `beiancheck batch`")]
pub fn run(
    engine: &Engine,
    input: &str,
    output: &str,
    format: Option<Format>,
    as_of: Option<NaiveDate>,
    chunk: usize,
    quiet: bool,
    resume: bool,
    opts: &Options,
) -> Result<u8, String> {
    let fmt = match (format, opts.excel) {
        (Some(Format::Jsonl), true) => return Err("--excel writes CSV: it cannot go with --format jsonl".into()),
        (_, true) => Format::Csv,
        (Some(f), false) => f,
        (None, false) => format_of(output),
    };
    let csv = fmt == Format::Csv;
    let shape = format!(
        "{}{}{}",
        if csv { "csv" } else { "jsonl" },
        if opts.excel { "+excel" } else { "" },
        if opts.compact { "+compact" } else { "" }
    );
    let mut rows = Rows::open(input, opts.id.as_deref())?;
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
    let exit = |t: &Tally| u8::from(opts.fail_on_error && t.errors > 0);

    let mut tally = Tally::default();
    let sink: Box<dyn Write> = if to_stdout {
        Box::new(crate::pipe::stdout())
    } else if resume {
        let text =
            std::fs::read(progress_path(output)).map_err(|e| format!("cannot resume: no progress file {} ({e})", progress_path(output)))?;
        let p: Progress =
            serde_json::from_slice(&text).map_err(|e| format!("cannot resume: {} is damaged ({e})", progress_path(output)))?;
        if p.input != input {
            return Err(format!("cannot resume: {output} was written from {}, not {input}", p.input));
        }
        if p.shape != shape {
            return Err(format!("cannot resume: {output} was written as {}, not {shape}: give the same options", p.shape));
        }
        if p.complete {
            eprintln!("beiancheck batch: {output} is already complete ({} rows)", p.rows_done);
            return Ok(exit(&p.tally));
        }
        let f = std::fs::OpenOptions::new().write(true).open(output).map_err(|e| format!("cannot resume {output}: {e}"))?;
        f.set_len(p.bytes).map_err(|e| format!("cannot resume {output}: {e}"))?;
        for _ in 0..p.rows_done {
            if rows.next_row()?.is_none() {
                return Err(format!("cannot resume: {input} has fewer than the {} rows already written", p.rows_done));
            }
        }
        tally = p.tally;
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
        if opts.excel {
            out.write_all("\u{feff}".as_bytes()).map_err(|e| e.to_string())?;
        }
        if opts.compact {
            write_csv(&mut out, &["row", "id", "verdict", "filing_type", "codes"])?;
        } else {
            write_csv(
                &mut out,
                &["row", "id", "verdict", "filing_type", "errors", "warnings", "codes", "first_error_zh", "first_error_en", "input_error"],
            )?;
        }
    }
    let bar = if !quiet && io::stderr().is_terminal() {
        ProgressBar::new_spinner()
    } else {
        ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden())
    };
    if let Ok(style) = ProgressStyle::with_template("{spinner} {pos} rows checked ({per_sec}) {elapsed}") {
        bar.set_style(style);
    }
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
        let texts: Vec<&str> = batch.iter().map(|r| r.text.as_deref().unwrap_or("")).collect();
        let results = engine.check_many_json(&texts, as_of);
        for (row, result) in batch.iter().zip(results) {
            let result = match (&row.text, result) {
                (Err(why), _) => Err(row_error(why.clone())),
                (Ok(text), _) if text.trim().is_empty() => Err(row_error("empty row".into())),
                (_, r) => r,
            }
            // The error's position in the input file: its line there (a row's JSON starts on
            // the row's line), its column within the row (JSONL) or the application field (CSV).
            .map_err(|e| InputError { line: row.line + e.line.max(1) - 1, ..e });
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
            let id = row.id.clone().unwrap_or(serde_json::Value::Null);
            if csv {
                write_csv(&mut out, &csv_row(i, &id, &result, opts.compact))?;
            } else {
                let line = match (&result, opts.compact) {
                    (Ok(r), false) => {
                        json!({"row": i, "line": row.line, "id": id, "verdict": r.verdict, "filing_type": r.filing_type, "codes": codes(r), "report": r})
                    }
                    (Ok(r), true) => {
                        json!({"row": i, "line": row.line, "id": id, "verdict": r.verdict, "filing_type": r.filing_type, "codes": codes(r)})
                    }
                    (Err(e), false) => json!({"row": i, "line": row.line, "id": id, "verdict": null, "input_error": e}),
                    (Err(e), true) => {
                        json!({"row": i, "line": row.line, "id": id, "verdict": null, "filing_type": null, "codes": [e.code]})
                    }
                };
                serde_json::to_writer(&mut out, &line).map_err(|e| e.to_string())?;
                out.write_all(b"\n").map_err(|e| e.to_string())?;
            }
        }
        out.flush().map_err(|e| format!("cannot write {output}: {e}"))?;
        if !to_stdout {
            let p = Progress {
                input: input.to_owned(),
                rows_done: tally.rows,
                bytes: out.written,
                complete: false,
                tally,
                shape: shape.clone(),
            };
            save_progress(output, &p)?;
        }
        bar.inc(batch.len() as u64);
    }
    out.flush().map_err(|e| format!("cannot write {output}: {e}"))?;
    bar.finish_and_clear();
    let rows_done = tally.rows;
    let summary = format!(
        "{} rows: {} eligible, {} not eligible, {} need review, {} input errors",
        tally.rows, tally.eligible, tally.ineligible, tally.needs_review, tally.errors
    );
    let code = exit(&tally);
    if !to_stdout {
        save_progress(output, &Progress { input: input.to_owned(), rows_done, bytes: out.written, complete: done, tally, shape })?;
    }
    if !done {
        eprintln!("beiancheck batch: interrupted after {rows_done} rows; `beiancheck batch {input} -o {output} --resume` continues");
        return Ok(130);
    }
    eprintln!("beiancheck batch: {summary}");
    Ok(code)
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

/// A CSV cell for the id: a string as it is, any other JSON value as JSON text.
fn id_cell(id: &serde_json::Value) -> String {
    match id {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        v => v.to_string(),
    }
}

fn csv_row(i: u64, id: &serde_json::Value, result: &Result<Report, InputError>, compact: bool) -> Vec<String> {
    let (i, id) = (i.to_string(), id_cell(id));
    match (result, compact) {
        (Ok(r), true) => vec![i, id, r.verdict.as_str().to_owned(), r.filing_type.unwrap_or("").to_owned(), codes(r).join(" ")],
        (Err(e), true) => vec![i, id, String::new(), String::new(), e.code.to_owned()],
        (Ok(r), false) => {
            let errors = r.findings.iter().filter(|f| f.severity == Severity::Error).count();
            let warnings = r.findings.iter().filter(|f| f.severity == Severity::Warning).count();
            let first = r.findings.iter().find(|f| f.severity == Severity::Error);
            vec![
                i,
                id,
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
        (Err(e), false) => vec![
            i,
            id,
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
