//! The set-up scripts the README promises (issue 13, item 6), run against stand-ins so that no
//! real installation or suite run happens: scripts/test.sh times each step and ends with one
//! summary line; scripts/install-cbindgen.sh never replaces a user's own cbindgen.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("beiancheck-setup-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn script(path: &Path, body: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, format!("#!/usr/bin/env bash\n{body}\n")).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn path_with(bin: &Path) -> String {
    format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default())
}

/// scripts/test.sh in a stand-in repository: `cargo` and each step's script are stubs that
/// succeed, except `failing` (a step script path) which exits 1.
fn test_sh(failing: Option<&str>) -> Output {
    let d = scratch(failing.map_or("pass", |_| "fail"));
    let root = d.join("repo");
    std::fs::create_dir_all(root.join("scripts")).unwrap();
    std::fs::create_dir_all(d.join("shared/cases")).unwrap();
    std::fs::copy(repo().join("scripts/test.sh"), root.join("scripts/test.sh")).unwrap();
    for s in ["tests/c/run.sh", "bindings/run-tests.sh", "tests/report/run.sh", "python/run-tests.sh"] {
        script(&root.join(s), if Some(s) == failing { "echo failing >&2; exit 1" } else { "exit 0" });
    }
    script(&d.join("bin/cargo"), "exit 0");
    Command::new("bash").arg(root.join("scripts/test.sh")).env("PATH", path_with(&d.join("bin"))).output().unwrap()
}

#[test]
fn test_sh_times_each_step_and_ends_with_one_summary_line() {
    let text = std::fs::read_to_string(repo().join("scripts/test.sh")).unwrap();
    let steps = text.lines().filter(|l| l.starts_with("step \"")).count();
    assert!(text.contains(&format!("steps_total={steps}\n")), "steps_total is not the number of steps ({steps})");

    let out = test_sh(None);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(stdout.matches(": passed in ").count(), steps, "{stdout}");
    let last = stdout.lines().last().unwrap();
    assert!(last.starts_with(&format!("scripts/test.sh: {steps}/{steps} steps passed in ")) && last.ends_with('s'), "{last}");

    // A failing step stops the run; the last line names it, with the steps passed before it.
    let out = test_sh(Some("bindings/run-tests.sh"));
    assert_ne!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stdout.matches(": passed in ").count(), 4, "{stdout}");
    let last = stderr.lines().last().unwrap();
    assert!(
        last.starts_with(&format!("scripts/test.sh: FAILED at step 5/{steps} (Bindings")) && last.contains("4 passed, total "),
        "{last}"
    );
}

#[test]
fn install_cbindgen_never_replaces_the_users_own() {
    let pinned = std::fs::read_to_string(repo().join("ffi/cbindgen.toml"))
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("# pinned-cbindgen = \"").and_then(|l| l.strip_suffix('"')).map(str::to_owned))
        .unwrap();
    let d = scratch("cbindgen");
    // The user's own cbindgen, another version, in CARGO_HOME/bin; cargo records what it is asked.
    let cargo_home = d.join("cargo-home");
    let mine = cargo_home.join("bin/cbindgen");
    script(&mine, "echo 'cbindgen 0.0.1-mine'");
    // And another on PATH, ahead of any the machine has.
    script(&d.join("bin/cbindgen"), "echo 'cbindgen 0.0.2-mine'");
    let log = d.join("cargo.log");
    script(
        &d.join("bin/cargo"),
        &format!(
            "echo \"$@\" >> '{log}'\nroot=''; while [ $# -gt 0 ]; do [ \"$1\" = --root ] && root=$2; shift; done\n\
             mkdir -p \"$root/bin\" && printf '#!/bin/sh\\necho \"cbindgen {pinned}\"\\n' > \"$root/bin/cbindgen\" && chmod +x \"$root/bin/cbindgen\"",
            log = log.display()
        ),
    );
    let run = || {
        Command::new("bash")
            .arg(repo().join("scripts/install-cbindgen.sh"))
            .env("PATH", path_with(&d.join("bin")))
            .env("CARGO_HOME", &cargo_home)
            .env("XDG_CACHE_HOME", d.join("cache"))
            .env_remove("BEIAN_TOOLS_DIR")
            .output()
            .unwrap()
    };
    let out = run();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let used = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert_eq!(used, d.join(format!("cache/beiancheck/cbindgen-{pinned}/bin/cbindgen")).display().to_string());
    let asked = std::fs::read_to_string(&log).unwrap();
    assert!(asked.contains(&format!("install cbindgen --version {pinned}")) && asked.contains("--root"), "{asked}");
    assert!(!asked.contains("--force"), "cargo install --force: {asked}");
    assert_eq!(
        std::fs::read_to_string(&mine).unwrap(),
        "#!/usr/bin/env bash\necho 'cbindgen 0.0.1-mine'\n",
        "the user's cbindgen was replaced"
    );
    assert_eq!(std::fs::read_to_string(d.join("bin/cbindgen")).unwrap(), "#!/usr/bin/env bash\necho 'cbindgen 0.0.2-mine'\n");
    // Installed once: the second run finds it and asks cargo nothing.
    let out = run();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), used);
    assert_eq!(std::fs::read_to_string(&log).unwrap(), asked);
}
