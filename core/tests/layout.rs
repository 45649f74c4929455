//! The core's modules import one another without a circle (issue 15): each `crate::…` path in
//! core/src is resolved to the module file it names, and the graph of files must be acyclic, so
//! a reader can follow the flow from input to report one way. Leaves that every layer uses
//! (codes, dates, text, vocab) are modules like any other here.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `input/model.rs` → `input::model`, `pack/mod.rs` → `pack`, `lib.rs` → ``.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let parts: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).filter(|p| *p != "mod" && *p != "lib").collect();
    parts.join("::")
}

/// The source without `#[cfg(test)]` modules (tests may reach anywhere) and without comments.
fn code_of(text: &str) -> String {
    let mut out = String::new();
    let mut skip_depth: Option<usize> = None;
    let mut depth = 0usize;
    let mut pending_test = false;
    for line in text.lines() {
        let t = line.trim_start();
        if skip_depth.is_none() && t.starts_with("#[cfg(test)]") {
            pending_test = true;
            continue;
        }
        let opens = line.matches('{').count();
        let closes = line.matches('}').count();
        if pending_test {
            pending_test = false;
            if opens > closes {
                skip_depth = Some(depth);
                depth += opens - closes;
                continue;
            }
            continue;
        }
        depth = (depth + opens).saturating_sub(closes);
        if let Some(d) = skip_depth {
            if depth <= d {
                skip_depth = None;
            }
            continue;
        }
        if t.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The module a `crate::a::b::C` path lands in: its longest prefix that is a module.
fn target(modules: &BTreeSet<String>, path: &str) -> Option<String> {
    let parts: Vec<&str> = path.split("::").collect();
    (1..=parts.len()).rev().map(|n| parts[..n].join("::")).find(|m| modules.contains(m))
}

fn edges() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let modules: BTreeSet<String> = all.iter().map(|f| module_of(&src, f)).collect();
    let mut graph = BTreeMap::new();
    for f in &all {
        let from = module_of(&src, f);
        let code = code_of(&std::fs::read_to_string(f).unwrap());
        let mut to = BTreeSet::new();
        let mut rest = code.as_str();
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + 7..];
            // `crate::{a, b::c}` lists several paths.
            let group = if let Some(body) = rest.strip_prefix('{') { &body[..body.find('}').unwrap_or(body.len())] } else { rest };
            for item in group.split(',') {
                let p: String = item.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
                let p = p.trim_end_matches(':');
                if let Some(t) = target(&modules, p) {
                    if t != from && !from.starts_with(&format!("{t}::")) {
                        to.insert(t);
                    }
                }
                if !rest.starts_with('{') {
                    break;
                }
            }
        }
        graph.insert(from, to);
    }
    graph
}

#[test]
fn no_module_imports_itself_through_others() {
    let graph = edges();
    assert!(graph.len() > 20, "the module scan found only {} modules", graph.len());
    // Depth-first search with colours; a grey module met again closes a circle.
    fn visit<'a>(
        g: &'a BTreeMap<String, BTreeSet<String>>,
        m: &'a str,
        state: &mut BTreeMap<&'a str, u8>,
        stack: &mut Vec<&'a str>,
        found: &mut Vec<String>,
    ) {
        state.insert(m, 1);
        stack.push(m);
        for n in g.get(m).into_iter().flatten() {
            match state.get(n.as_str()) {
                Some(1) => {
                    let at = stack.iter().position(|x| *x == n).unwrap();
                    found.push(format!("{} → {n}", stack[at..].join(" → ")));
                }
                Some(_) => {}
                None => visit(g, n, state, stack, found),
            }
        }
        stack.pop();
        state.insert(m, 2);
    }
    let mut state = BTreeMap::new();
    let mut found = Vec::new();
    for m in graph.keys() {
        if !state.contains_key(m.as_str()) {
            visit(&graph, m, &mut state, &mut Vec::new(), &mut found);
        }
    }
    assert!(found.is_empty(), "import circles among core modules:\n{}", found.join("\n"));
}
