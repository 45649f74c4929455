//! The reference the C tests compare against: the Rust core's own compact report
//! (`Report::to_json()`) for each application file, written to OUTDIR/<file name>.
//!
//! cargo run -p beiancheck-ffi --example core_reports -- OUTDIR APP.json...
#![allow(clippy::expect_used, reason = "a test helper the C tests run: it ends on the first failure, with a message")]
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (out, files) = args.split_first().expect("usage: core_reports OUTDIR APP.json...");
    let engine = core_engine::Engine::embedded();
    for f in files {
        let text = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{f}: {e}"));
        let report = engine.check_json(&text).unwrap_or_else(|e| panic!("{f}: {e}"));
        let name = Path::new(f).file_name().expect("a file name");
        std::fs::write(Path::new(out).join(name), report.to_json()).unwrap_or_else(|e| panic!("{out}: {e}"));
    }
}
