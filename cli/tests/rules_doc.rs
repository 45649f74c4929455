//! docs/RULES.md is the rendered rules reference: it must be exactly what the binary prints for
//! the embedded pack, so that a change to core/rules/ cannot leave the reference behind.
use std::path::Path;
use std::process::Command;

#[test]
fn docs_rules_md_is_current() {
    let out = Command::new(env!("CARGO_BIN_EXE_beiancheck")).args(["rules", "--markdown"]).output().unwrap();
    assert!(out.status.success(), "beiancheck rules --markdown failed: {}", String::from_utf8_lossy(&out.stderr));
    let printed = String::from_utf8(out.stdout).expect("UTF-8 Markdown");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/RULES.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if printed != committed {
        let line = printed.lines().zip(committed.lines()).position(|(a, b)| a != b).map(|i| i + 1);
        panic!(
            "docs/RULES.md is stale (first difference at line {}); regenerate it from the repository root with\n\n    \
             cargo run -q -p beiancheck-cli -- rules --markdown > docs/RULES.md\n",
            line.map_or_else(|| "the end".to_owned(), |l| l.to_string())
        );
    }
}

#[test]
fn markdown_names_every_province_code() {
    let out = Command::new(env!("CARGO_BIN_EXE_beiancheck")).args(["rules", "--markdown"]).output().unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    for code in ["BJ", "TJ", "SH", "GD", "XJ"] {
        assert!(md.contains(&format!("({code}, ")), "{code}");
    }
}
