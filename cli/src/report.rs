//! `beiancheck batch IN -o OUT --report report.html`: the run's summary as one HTML page. The
//! page is the core's (`beiancheck::summary`, also behind Python's `beiancheck.report`); this
//! reads the rows again after the batch has written OUT (so `batch` itself is untouched) and
//! counts OUT's rows to show that every row read was written.
use beiancheck::summary::{Facets, Summary};
use beiancheck::Engine;
use chrono::NaiveDate;
use std::fs::File;
use std::io::Read;
use std::path::Path;

fn is_csv(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".csv")
}

/// Refuses what cannot be reported on before the batch runs.
pub fn precheck(input: &str) -> Result<(), String> {
    if input == "-" {
        return Err("--report reads the input a second time: give an input file, not -".into());
    }
    Ok(())
}

/// Rows in OUT: JSONL lines, or CSV records after the header.
fn rows_out(output: &str, csv: bool) -> Result<usize, String> {
    let f = File::open(output).map_err(|e| format!("cannot read {output}: {e}"))?;
    if csv {
        return Ok(csv::ReaderBuilder::new().flexible(true).from_reader(f).into_records().count());
    }
    let mut n = 0;
    let mut buf = [0u8; 1 << 16];
    let mut r = f;
    loop {
        let k = r.read(&mut buf).map_err(|e| format!("cannot read {output}: {e}"))?;
        if k == 0 {
            return Ok(n);
        }
        n += buf[..k].iter().filter(|b| **b == b'\n').count();
    }
}

#[allow(clippy::too_many_arguments, reason = "the options of `beiancheck batch --report` it reads; one call site")]
pub fn write(
    engine: &Engine,
    input: &str,
    output: &str,
    csv_out: Option<bool>,
    as_of: Option<NaiveDate>,
    chunk: usize,
    id: Option<&str>,
    path: &Path,
) -> Result<(), String> {
    let name = Path::new(input).file_name().map_or_else(|| input.to_owned(), |n| n.to_string_lossy().into_owned());
    let mut s = Summary::new().with_source(name);
    let mut texts: Vec<Result<String, String>> = Vec::with_capacity(chunk);
    let mut it = crate::batch::texts(input, id)?.peekable();
    let mut row = 0usize;
    while it.peek().is_some() {
        texts.clear();
        texts.extend(it.by_ref().take(chunk.max(1)));
        let good: Vec<&str> = texts.iter().filter_map(|t| t.as_deref().ok()).collect();
        let mut checked = engine.check_many_json(&good, as_of).into_iter();
        for t in &texts {
            row += 1;
            match t {
                Ok(text) => {
                    let out = checked.next().ok_or_else(|| "internal error: fewer results than rows".to_owned())?;
                    s.add(row, &Facets::of_json(engine, text), out.as_ref());
                }
                Err(msg) => {
                    let e = beiancheck::InputError {
                        code: beiancheck::codes::INPUT_MALFORMED,
                        line: 0,
                        column: 0,
                        path: None,
                        message: msg.clone(),
                    };
                    s.add(row, &Facets::default(), Err(&e));
                }
            }
        }
    }
    if output != "-" {
        s.set_rows_out(rows_out(output, csv_out.unwrap_or_else(|| is_csv(output)))?);
    }
    std::fs::write(path, s.to_html(engine)).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    eprintln!("beiancheck batch: wrote the report {} ({} rows)", path.display(), s.rows_in());
    Ok(())
}
