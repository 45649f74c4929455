//! What comes in: JSON text, its limits, and the reader that turns it into the typed model
//! under the fact contract (absent, null, invalid, value).
pub mod json;
pub mod limits;
pub mod model;
pub mod schema;

use crate::codes::INPUT_MALFORMED;
use serde::Serialize;
use std::fmt;

/// Bytes as UTF-8 text, or the input error every face reports for them: the 1-based line and
/// column (in characters) of the first byte that is not UTF-8.
pub fn utf8(bytes: &[u8]) -> Result<&str, InputError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        // The prefix is valid UTF-8 by construction.
        let column = std::str::from_utf8(&good[line_start..]).map_or(0, |t| t.chars().count()) + 1;
        InputError {
            code: INPUT_MALFORMED,
            line,
            column,
            path: None,
            message: format!("invalid UTF-8 at line {line}, column {column} (byte {})", e.valid_up_to()),
        }
    })
}

/// A JSON syntax error as every face reports it: the 1-based line and column in characters, as
/// for invalid UTF-8 (serde_json counts the column in bytes, and 0 before a line's first byte).
pub fn syntax_error(text: &str, e: &serde_json::Error) -> InputError {
    let (line, column) = (e.line(), e.column());
    let column = match text.split('\n').nth(line.saturating_sub(1)) {
        Some(l) if line > 0 => {
            let mut end = column.min(l.len());
            while !l.is_char_boundary(end) {
                end += 1;
            }
            l[..end].chars().count().max(1)
        }
        _ => column,
    };
    // serde_json's text ends with its own (byte) place: the error carries the place already.
    let text = e.to_string();
    let message = match text.rsplit_once(" at line ") {
        Some((m, place)) if place.split(" column ").all(|n| n.parse::<usize>().is_ok()) => m.to_owned(),
        _ => text,
    };
    InputError { code: INPUT_MALFORMED, line, column, path: None, message }
}

/// The 1-based line and column (characters) of the first non-blank character of a text.
pub(crate) fn first_token(text: &str) -> (usize, usize) {
    let (mut line, mut column) = (1, 1);
    for c in text.chars() {
        match c {
            '\n' => {
                line += 1;
                column = 1;
            }
            ' ' | '\t' | '\r' => column += 1,
            _ => break,
        }
    }
    (line, column)
}

/// An input that is not an application at all: JSON that does not parse, or one over a limit.
/// Everything else about an input becomes a finding in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputError {
    /// `INPUT_MALFORMED` or `INPUT_LIMIT_EXCEEDED`.
    pub code: &'static str,
    /// 1-based line and column of the problem (0 when not applicable).
    pub line: usize,
    pub column: usize,
    /// The field path, when the problem has one.
    pub path: Option<String>,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: line {}, column {}: {}", self.code, self.line, self.column, self.message)
    }
}
impl std::error::Error for InputError {}

/// An application is an object; any other JSON document is not one (one answer in every face),
/// refused where `at` says it starts.
pub(crate) fn not_an_object(value: &json::Json, at: impl FnOnce() -> (usize, usize)) -> Result<(), InputError> {
    if value.as_object().is_some() {
        return Ok(());
    }
    let (line, column) = at();
    Err(InputError {
        code: INPUT_MALFORMED,
        line,
        column,
        path: None,
        message: format!("an application is a JSON object {{…}}, not {}", value.type_name()),
    })
}
