//! The rules reference (docs/RULES.md): every province row of the pack, rendered as Markdown
//! with its kind, whom it binds, the finding code it yields, what it says, its source and the
//! choice made where documents disagree. `beiancheck rules --markdown` prints it; a test keeps
//! the committed file in step with the pack.
use crate::pack::province::{AppliesTo, KindInfo, Province, ProvinceRule, KINDS};
use crate::pack::Pack;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The whole reference, deterministic for a given pack.
pub fn rules_markdown(pack: &Pack) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "# Rules reference: the 31 provinces");
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "Generated from the rule pack *{}* {} by `beiancheck rules --markdown`; do not edit by hand. \
         Regenerate with `cargo run -q -p beiancheck-cli -- rules --markdown > docs/RULES.md` \
         (the test `cli/tests/rules_doc.rs` fails while this file is stale).",
        pack.meta.name, pack.meta.version
    );
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "Each row comes from `core/rules/provinces.json`. **Kind** is the row's `rule` (core/src/province.rs), **applies to** says \
         whether it binds personal or organisation filings, **code** is the finding a failed check yields (`MATERIAL_MISSING` for \
         checklist rows; — for notes, which no field of an application can show), **source** is a path under `shared/reference/` \
         and **choice** records how a conflict between documents was settled (reference/README.md). Rows from other providers \
         (sources under `others/`) are listed apart: they are notes for those providers' profiles, never Tencent's checks."
    );
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "**Facts: absent, null, value.** Every rule reads the application's facts under one contract: a field left out is \
         *unknown*, and each rule that needs it reports `FACT_MISSING` (so the verdict is at best `needs_review`): an unknown \
         fact never passes a rule. A field given as `null` states that the thing does not exist (no public IP, never \
         real-name verified, a long-term certificate, no filing number); where `null` means nothing (a name, a kind, a \
         number) it is `INPUT_INVALID_VALUE`. A claim that would relax a rule (an existing filing number, a pre-approval \
         document, a residence permit) left out is the same as `null`. An optional part left out (`account`, `materials`) is \
         not run and is named in the report's `not_checked`. So `eligible` means every rule that applies was checked and \
         passed. The test `core/tests/facts.rs` drives every field through absent, null, a passing and a failing value."
    );
    let _ = writeln!(w);

    // Counts by kind, Tencent rows and other providers' notes apart.
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for r in pack.provinces.iter().flat_map(|p| p.rules.iter()) {
        let e = counts.entry(r.kind()).or_default();
        if r.is_other_provider() {
            e.1 += 1;
        } else {
            e.0 += 1;
        }
    }
    let _ = writeln!(w, "## Rows by kind");
    let _ = writeln!(w);
    let _ = writeln!(w, "| kind | code | Tencent rows | other providers' notes |");
    let _ = writeln!(w, "|---|---|---:|---:|");
    for (kind, (t, o)) in &counts {
        let code = pack.provinces.iter().flat_map(|p| p.rules.iter()).find(|r| r.kind() == *kind).map(code_cell).unwrap_or_default();
        let _ = writeln!(w, "| {kind} | {code} | {t} | {o} |");
    }
    let (t, o) = counts.values().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let _ = writeln!(w, "| **all** | | **{t}** | **{o}** |");
    let _ = writeln!(w);

    let _ = writeln!(w, "## Provinces");
    let _ = writeln!(w);
    for p in &pack.provinces {
        let _ = writeln!(w, "- [{} {} ({})](#{})", p.zh, p.en, p.code, anchor(p));
    }
    let _ = writeln!(w);

    for p in &pack.provinces {
        province(w, p);
    }

    let _ = writeln!(w, "## National materials checklist (core/rules/materials.json)");
    let _ = writeln!(w);
    let _ = writeln!(w, "A province row of the same code replaces the national row (core/src/materials.rs).");
    let _ = writeln!(w);
    let _ = writeln!(w, "| applies to | code | statement | source |");
    let _ = writeln!(w, "|---|---|---|---|");
    for m in &pack.materials {
        let _ = writeln!(
            w,
            "| {} | MATERIAL_MISSING | {} | {} |",
            applies(&m.applies_to),
            cell(&crate::rules::materials::material::describe(m)),
            cell(&m.source)
        );
    }
    out
}

/// The row kinds that yield `code`, each with the pack's rows of that kind (province code and
/// index in its `rules`), other providers' rows left out: what `explain` names.
pub fn rows_yielding<'p>(pack: &'p Pack, code: &str) -> Vec<(&'static KindInfo, Vec<(&'p str, usize)>)> {
    KINDS
        .iter()
        .filter(|k| k.code == Some(code))
        .map(|k| {
            let rows = pack
                .provinces
                .iter()
                .flat_map(|p| p.rules.iter().enumerate().map(move |(i, r)| (p, i, r)))
                .filter(|(_, _, r)| r.kind() == k.kind && !r.is_other_provider())
                .map(|(p, i, _)| (p.code.as_str(), i))
                .collect();
            (k, rows)
        })
        .collect()
}

fn anchor(p: &Province) -> String {
    format!("{}-{}", p.code.to_ascii_lowercase(), p.en.to_ascii_lowercase().replace(' ', "-"))
}

fn province(w: &mut String, p: &Province) {
    let _ = writeln!(w, "<a id=\"{}\"></a>", anchor(p));
    let _ = writeln!(w, "### {} {} ({}, {})", p.zh_full, p.en, p.code, p.abbr);
    let _ = writeln!(w);
    let [lo, hi] = p.bureau_review_days.range;
    let _ = writeln!(
        w,
        "Area prefix {} · source {} · bureau review estimate {lo}–{hi} days ({})",
        p.area_prefix, p.source, p.bureau_review_days.source
    );
    let _ = writeln!(w);
    let _ = writeln!(w, "| # | kind | applies to | code | statement | source | choice |");
    let _ = writeln!(w, "|---:|---|---|---|---|---|---|");
    for (i, r) in p.rules.iter().enumerate().filter(|(_, r)| !r.is_other_provider()) {
        let _ = writeln!(
            w,
            "| {i} | {} | {} | {} | {} | {} | {} |",
            r.kind(),
            applies(r.applies_to()),
            code_cell(r),
            cell(&r.statement()),
            cell(r.source()),
            cell(r.choice().unwrap_or(""))
        );
    }
    let others: Vec<_> = p.rules.iter().enumerate().filter(|(_, r)| r.is_other_provider()).collect();
    if !others.is_empty() {
        let _ = writeln!(w);
        let _ = writeln!(w, "Other providers (notes only, reference/README.md rule 4):");
        let _ = writeln!(w);
        let _ = writeln!(w, "| # | applies to | statement | source |");
        let _ = writeln!(w, "|---:|---|---|---|");
        for (i, r) in others {
            if let ProvinceRule::Note(n) = r {
                let (zh, en) = (&n.zh, &n.en);
                let _ = writeln!(w, "| {i} | {} | {} | {} |", applies(r.applies_to()), cell(&format!("{en} / {zh}")), cell(r.source()));
            }
        }
    }
    let _ = writeln!(w);
}

fn code_cell(r: &ProvinceRule) -> String {
    match (r.finding_code(), r) {
        (Some(c), _) => format!("`{c}`"),
        (None, ProvinceRule::Note { .. }) => "—".into(),
        (None, _) => "(no code yet)".into(),
    }
}

fn applies(a: &[AppliesTo]) -> String {
    a.iter()
        .map(|x| match x {
            AppliesTo::Personal => "personal",
            AppliesTo::Organization => "organization",
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A table cell: one line, pipes escaped.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|").replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_every_province_and_row() {
        let pack = crate::Engine::embedded().pack();
        let md = rules_markdown(&pack);
        for p in &pack.provinces {
            assert!(md.contains(&format!("### {} {} ({}", p.zh_full, p.en, p.code)), "{}", p.code);
        }
        let rows = pack.provinces.iter().map(|p| p.rules.len()).sum::<usize>();
        let table_rows =
            md.lines().filter(|l| l.starts_with("| ") && l.split('|').nth(1).is_some_and(|c| c.trim().parse::<usize>().is_ok())).count();
        assert_eq!(table_rows, rows);
        assert_eq!(md, rules_markdown(&pack), "deterministic");
    }

    #[test]
    fn cells_stay_on_one_line() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
    }
}
