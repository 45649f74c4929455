//! `beiancheck batch --report`: the HTML page, opened in headless Chromium. The numbers are read
//! back from the rendered DOM, hostile values must show as text with none of their script run,
//! and a screenshot is taken. Without Chromium this skips, saying why — unless
//! BEIANCHECK_REQUIRE_CHROMIUM is set, as tests/report/run.sh does after installing it.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"].into_iter().find(|c| Command::new(c).arg("--version").output().is_ok_and(|o| o.status.success()))
}

/// Headless Chromium on `page` with a fresh profile; `what` is `--dump-dom` or `--screenshot=…`.
fn browse(exe: &str, dir: &Path, page: &Path, what: &[&str]) -> String {
    let profile = dir.join(format!("profile-{}", what[0].len()));
    let out = Command::new(exe)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"])
        .args(["--disable-background-networking", "--disable-component-update", "--disable-sync"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(what)
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "chromium failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn cell(dom: &str, id: &str) -> u64 {
    let at = dom.find(&format!("id=\"{id}\">")).unwrap_or_else(|| panic!("no #{id} in the page"));
    let rest = &dom[at + id.len() + 6..];
    rest[..rest.find('<').unwrap()].trim().parse().unwrap_or_else(|e| panic!("#{id}: {e}"))
}

#[test]
fn report_opens_in_chromium_with_every_value_escaped() {
    let Some(exe) = chromium() else {
        assert!(std::env::var_os("BEIANCHECK_REQUIRE_CHROMIUM").is_none(), "chromium is required (tests/report/run.sh installs it)");
        eprintln!("SKIPPED the HTML report test: chromium is not installed (tests/report/run.sh installs it)");
        return;
    };
    let dir = std::env::temp_dir().join(format!("beiancheck-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let example = std::fs::read_to_string(repo().join("examples/access-filing-shanghai.json")).unwrap();
    let example: serde_json::Value = serde_json::from_str(&example).unwrap();
    // Each hostile value would leave a mark if its script ran: a title, or an attribute.
    let hostile = serde_json::json!({
        "province": "<script>document.title='PWNED'</script>",
        "subject": {"kind": "\"><img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">", "name": "<b>x</b>"},
        "websites": [{"name": "<script>document.title='PWNED2'</script>", "domain": "'><svg onload=\"document.body.setAttribute('data-pwned','2')\">.com"}]
    });
    let rows = [example.to_string(), example.to_string(), "{".to_owned(), hostile.to_string(), String::new()];
    let input = dir.join("in.jsonl");
    std::fs::write(&input, rows.join("\n") + "\n").unwrap();
    let (out, page) = (dir.join("out.jsonl"), dir.join("report.html"));
    let run = Command::new(env!("CARGO_BIN_EXE_beiancheck"))
        .args(["batch", input.to_str().unwrap(), "-o", out.to_str().unwrap(), "--quiet", "--as-of", "2026-12-01", "--report"])
        .arg(&page)
        .output()
        .unwrap();
    assert!(run.status.code().is_some_and(|c| c < 2), "{run:?}");

    let dom = browse(exe, &dir, &page, &["--dump-dom"]);
    assert_eq!((cell(&dom, "rows-in"), cell(&dom, "rows-out")), (5, 5), "rows in = out");
    assert_eq!(cell(&dom, "rows-errors"), 2, "the malformed row and the empty line");
    let verdicts: u64 = ["eligible", "needs_review", "ineligible", "input_error"].iter().map(|v| cell(&dom, &format!("verdict-{v}"))).sum();
    assert_eq!(verdicts, 5);
    assert!(dom.contains("<title>beiancheck · in.jsonl</title>"), "no injected script changed the title");
    assert!(!dom.contains("data-pwned=\"") && !dom.contains("PWNED</title>"), "an injected handler ran");
    assert!(!dom.contains("<img") && !dom.contains("<svg onload"), "hostile markup became elements");
    assert!(dom.contains("&lt;script&gt;document.title='PWNED'&lt;/script&gt;"), "the hostile province shows as text");
    assert!(dom.contains("data-code=\"INPUT_MALFORMED\"") || dom.contains("<code>INPUT_MALFORMED</code>"));

    let shot = dir.join("report.png");
    browse(exe, &dir, &page, &[&format!("--screenshot={}", shot.display()), "--window-size=1100,1600", "--hide-scrollbars"]);
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "a screenshot of the page");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn report_needs_an_input_file() {
    let run = Command::new(env!("CARGO_BIN_EXE_beiancheck")).args(["batch", "-", "-o", "-", "--report", "/tmp/x.html"]).output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--report reads the input a second time"));
}
