//! Bad JSON text is located as invalid UTF-8 is (issue 13): 1-based line and column counted in
//! characters, never column 0, never bytes.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
use beiancheck::Engine;

fn at(text: &str) -> (usize, usize) {
    let e = Engine::embedded().check_json(text).unwrap_err();
    assert_eq!(e.code, "INPUT_MALFORMED");
    (e.line, e.column)
}

#[test]
fn syntax_errors_are_located_in_characters_from_one() {
    // Truncated after a newline: the error is at the start of line 2, column 1 (serde_json says 0).
    assert_eq!(at("{\"province\": \"SH\",\n"), (2, 1));
    // After Chinese text: columns count characters, not UTF-8 bytes (上海 is 6 bytes).
    assert_eq!(at("{\"province\": \"上海\" x}"), (1, 19));
    assert_eq!(at("{\"province\": \"SH\" x}"), (1, 19));
    // The same place as invalid UTF-8 in that position would get.
    let bytes = b"{\"province\": \"\xe4\xb8\x8a\xff\"}";
    let e = Engine::embedded().check_json_bytes(bytes, None).unwrap_err();
    assert_eq!((e.line, e.column), (1, 16));
    // Materials queries are located the same way.
    let e = Engine::embedded().materials_json("{\"province\": \"上海\",\n").unwrap_err();
    assert_eq!((e.line, e.column), (2, 1));
    // The message does not repeat serde_json's own (byte) place.
    let e = Engine::embedded().check_json("{\"province\": \"上海\",\n").unwrap_err();
    assert!(!e.message.contains("column"), "{}", e.message);
    assert_eq!(e.to_string(), format!("INPUT_MALFORMED: line 2, column 1: {}", e.message));
}
