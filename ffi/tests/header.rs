//! include/beiancheck.h is committed; this regenerates it with the pinned cbindgen and fails on
//! any difference, so the header C programs compile against is the one the code describes.
//!
//! Without cbindgen it skips, saying why — unless BEIANCHECK_REQUIRE_CBINDGEN is set, as
//! tests/c/run.sh does after installing the pinned version (so CI never skips it).
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn pinned() -> String {
    let toml = std::fs::read_to_string(repo().join("ffi/cbindgen.toml")).unwrap();
    toml.lines()
        .find_map(|l| l.strip_prefix("# pinned-cbindgen = \""))
        .and_then(|l| l.strip_suffix('"'))
        .expect("ffi/cbindgen.toml pins cbindgen with a `# pinned-cbindgen = \"X.Y.Z\"` line")
        .to_owned()
}

/// The pinned cbindgen: $BEIANCHECK_CBINDGEN, on PATH, in ~/.cargo/bin, or where
/// scripts/install-cbindgen.sh installs it; Err(why) when there is none.
fn cbindgen(pinned: &str) -> Result<PathBuf, String> {
    let home = std::env::var_os("CARGO_HOME").map(PathBuf::from).or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")));
    let tools = std::env::var_os("BEIAN_TOOLS_DIR").map(PathBuf::from).or_else(|| {
        std::env::var_os("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache")))
            .map(|c| c.join("beiancheck"))
    });
    let candidates = [
        std::env::var_os("BEIANCHECK_CBINDGEN").map(PathBuf::from),
        Some(PathBuf::from("cbindgen")),
        home.map(|h| h.join("bin/cbindgen")),
        tools.map(|t| t.join(format!("cbindgen-{pinned}/bin/cbindgen"))),
    ];
    let mut seen = Vec::new();
    for c in candidates.into_iter().flatten() {
        if let Ok(out) = Command::new(&c).arg("--version").output() {
            let v = String::from_utf8_lossy(&out.stdout).trim().to_owned();
            if v == format!("cbindgen {pinned}") {
                return Ok(c);
            }
            seen.push(format!("{} is {v:?}", c.display()));
        }
    }
    if seen.is_empty() {
        Err("cbindgen is not installed".into())
    } else {
        Err(format!("cbindgen {pinned} is not installed ({})", seen.join(", ")))
    }
}

#[test]
fn committed_header_matches_cbindgen_output() {
    let pinned = pinned();
    let exe = match cbindgen(&pinned) {
        Ok(exe) => exe,
        Err(why) if std::env::var_os("BEIANCHECK_REQUIRE_CBINDGEN").is_none() => {
            // Written past the test harness's capture so the skip is visible.
            let _ = writeln!(std::io::stderr(), "SKIPPED header drift check: {why}; run scripts/install-cbindgen.sh (tests/c/run.sh does)");
            return;
        }
        Err(why) => panic!("{why}: run scripts/install-cbindgen.sh"),
    };
    let fresh = std::env::temp_dir().join(format!("beiancheck-header-{}.h", std::process::id()));
    let out = Command::new(&exe)
        .current_dir(repo())
        .args(["--config", "ffi/cbindgen.toml", "--quiet", "--output"])
        .arg(&fresh)
        .arg("ffi")
        .output()
        .unwrap();
    assert!(out.status.success(), "cbindgen failed: {}", String::from_utf8_lossy(&out.stderr));
    let fresh_text = std::fs::read_to_string(&fresh).unwrap();
    std::fs::remove_file(&fresh).ok();
    let committed = std::fs::read_to_string(repo().join("include/beiancheck.h")).unwrap_or_default();
    if fresh_text != committed {
        let first = fresh_text
            .lines()
            .zip(committed.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(fresh_text.lines().count().min(committed.lines().count()));
        panic!(
            "include/beiancheck.h is out of date (first difference at line {}: generated {:?}, committed {:?}).\n\
             Regenerate it: cbindgen --config ffi/cbindgen.toml --output include/beiancheck.h ffi",
            first + 1,
            fresh_text.lines().nth(first),
            committed.lines().nth(first)
        );
    }
    assert!(fresh_text.contains(&format!("Generated with cbindgen:{pinned}")), "the header records the cbindgen version");
}
