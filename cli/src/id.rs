//! `beiancheck id KIND VALUE…` / `-f FILE`: identity numbers checked on their own. The answer
//! is the core's `ids::check_id`; this prints it.
use beiancheck::ids::{self, IdKind, IdResult};
use chrono::NaiveDate;
use std::io::{self, BufRead, Write};

/// Where the values come from: the arguments, or a file / standard input, one per line.
pub struct Args {
    pub kind: String,
    pub values: Vec<String>,
    pub file: Option<String>,
    pub as_of: Option<NaiveDate>,
    pub json: bool,
}

/// Exit 0 when every value is valid, 1 when one is not, 2 on a usage or read error.
pub fn run(a: Args) -> Result<u8, String> {
    let kind = IdKind::parse(&a.kind).map_err(|e| e.to_string())?;
    let as_of = a.as_of.unwrap_or_else(beiancheck::today);
    let mut out = crate::pipe::stdout();
    let mut code = 0;
    let mut emit = |line: Option<usize>, value: &str| -> Result<(), String> {
        let r = ids::check_id(kind, value, as_of);
        if !r.valid {
            code = 1;
        }
        let text = if a.json { json_line(line, value, &r) } else { human(line, value, &r) };
        writeln!(out, "{text}").map_err(|e| e.to_string())
    };
    match &a.file {
        None => {
            for v in &a.values {
                emit(None, v)?;
            }
        }
        Some(f) => {
            let reader: Box<dyn BufRead> = if f == "-" {
                Box::new(io::stdin().lock())
            } else {
                Box::new(io::BufReader::new(std::fs::File::open(f).map_err(|e| format!("cannot read {f}: {e}"))?))
            };
            for (i, line) in reader.split(b'\n').enumerate() {
                let bytes = line.map_err(|e| format!("cannot read {f}: {e}"))?;
                let text = std::str::from_utf8(&bytes).map_err(|e| format!("{f}: line {}: not UTF-8 (byte {})", i + 1, e.valid_up_to()))?;
                // A CRLF file's line ends are not part of the value.
                emit(Some(i + 1), text.strip_suffix('\r').unwrap_or(text))?;
            }
        }
    }
    Ok(code)
}

#[allow(clippy::expect_used, reason = "an IdResult is a struct of strings and booleans: it serialises, to an object")]
fn json_line(line: Option<usize>, value: &str, r: &IdResult) -> String {
    let mut v = serde_json::to_value(r).expect("an IdResult always serialises");
    let obj = v.as_object_mut().expect("an IdResult is an object");
    obj.insert("value".into(), value.into());
    if let Some(n) = line {
        obj.insert("line".into(), n.into());
    }
    v.to_string()
}

fn human(line: Option<usize>, value: &str, r: &IdResult) -> String {
    let at = line.map(|n| format!("{n}: ")).unwrap_or_default();
    // Debug quoting shows control characters and spaces in the value as escapes.
    let shown = format!("{value:?}");
    if r.valid {
        let mut facts = vec![r.normalised.clone().unwrap_or_default()];
        facts.extend(r.birth_date.clone());
        facts.extend(r.sex.map(str::to_owned));
        facts.extend(r.age.map(|a| format!("age {a}")));
        facts.extend(r.province.map(str::to_owned));
        facts.extend(r.org_class_zh.map(|z| format!("{z} ({})", r.org_class.unwrap_or_default())));
        format!("{at}✓ {} {shown}: {}", r.kind.as_str(), facts.join(" · "))
    } else {
        format!(
            "{at}✗ {} {shown}: {} {} / {}",
            r.kind.as_str(),
            r.reason.unwrap_or_default(),
            r.message_zh.as_deref().unwrap_or_default(),
            r.message_en.as_deref().unwrap_or_default()
        )
    }
}
