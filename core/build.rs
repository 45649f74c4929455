//! Bundles the rule pack: every `rules/*.json` table and the vendored PSL become one JSON
//! document (`$OUT_DIR/pack.json`), embedded by `Engine::embedded()` and exported by
//! `beiancheck rules --export`. Keys are the file stems in sorted order, so the bundle (and its
//! SHA-256) is byte-identical for the same files.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a build script reports failure by panicking")]
use sha2::Digest;
use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("rules");
    println!("cargo:rerun-if-changed=rules");
    let mut names: Vec<_> = fs::read_dir(dir)
        .expect("core/rules exists")
        .map(|e| e.expect("readable rules dir").file_name().into_string().expect("utf-8 file name"))
        .filter(|n| n.ends_with(".json") || n.ends_with(".dat"))
        .collect();
    names.sort();
    let mut out = String::from("{\"format\":1");
    for name in names {
        println!("cargo:rerun-if-changed=rules/{name}");
        let text = fs::read_to_string(dir.join(&name)).expect("rule file is utf-8");
        if let Some(stem) = name.strip_suffix(".json") {
            // Re-serialise compactly: validates the JSON here, at build time, and keeps the
            // embedded pack small.
            let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("rules/{name} is not valid JSON: {e}"));
            out.push_str(&format!(",{}:{}", serde_json::to_string(stem).unwrap(), v));
        } else {
            let stem = name.trim_end_matches(".dat");
            out.push_str(&format!(",{}:{}", serde_json::to_string(stem).unwrap(), serde_json::to_string(&text).unwrap()));
        }
    }
    out.push('}');
    let out_dir = env::var("OUT_DIR").unwrap();
    // Its SHA-256 too, hashed here once: hashing 1.2 MB is two fifths of a pack load (more in
    // WebAssembly, which has no SHA instructions), and the embedded pack never changes after the
    // build (pack::Pack::from_bytes uses this for exactly those bytes; a test re-hashes them).
    let sha: String = sha2::Sha256::digest(out.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    fs::write(Path::new(&out_dir).join("pack.sha256"), sha).unwrap();
    fs::write(Path::new(&out_dir).join("pack.json"), out).unwrap();
}
