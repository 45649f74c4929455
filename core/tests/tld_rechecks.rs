//! The TLDs re-checked against newer sources (scripts/tld_rechecks.json, merged into
//! core/rules/tlds.json by scripts/gen_tlds.py): the pack carries each row as re-checked, and a
//! domain under it gets the finding its status calls for, with both sides of a dispute.
use beiancheck::{DomainQuery, Engine, Verdict};
use serde_json::Value;
use std::path::Path;

#[test]
fn every_rechecked_tld_is_in_the_pack_and_decides_as_rechecked() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/tld_rechecks.json")).unwrap();
    let rechecks: Value = serde_json::from_str(&text).unwrap();
    let pack: Value = serde_json::from_slice(beiancheck::EMBEDDED_PACK).unwrap();
    let e = Engine::embedded();
    let rows = rechecks["rows"].as_array().unwrap();
    assert!(rows.len() >= 5);
    for r in rows {
        let tld = r["tld"].as_str().unwrap();
        let disputed = r["status"] == "disputed";
        let list = if disputed { "approved" } else { "not_approved" };
        // Regenerated: the pack row is the re-checked one (python3 scripts/gen_tlds.py).
        let row = pack["tlds"][list].as_array().unwrap().iter().find(|x| x["tld"] == tld);
        let row = row.unwrap_or_else(|| panic!(".{tld} is not in tlds.{list}: run python3 scripts/gen_tlds.py"));
        if disputed {
            assert_eq!((&row["status"], &row["source"]), (&r["status"], &r["source"]), ".{tld}: run python3 scripts/gen_tlds.py");
        } else {
            // A refusal rests on the provider's filing lists; what was re-checked is its note.
            assert_eq!(row["status"], "not_listed", ".{tld}: run python3 scripts/gen_tlds.py");
            let note = row["note"].as_str().unwrap_or("");
            assert!(note.contains(r["source"].as_str().unwrap()), ".{tld}: the note keeps what was re-checked: {note}");
        }
        let d = e.check_domain(&format!("example.{}", r["unicode"].as_str().unwrap()), &DomainQuery::default());
        let codes: Vec<&str> = d.findings.iter().map(|f| f.code).collect();
        if disputed {
            assert_eq!((d.verdict, codes.as_slice()), (Verdict::NeedsReview, &["DOMAIN_TLD_DISPUTED"][..]), ".{tld}");
            // Both sides: the note carries what speaks against, the source what speaks for.
            let f = &d.findings[0];
            assert!(f.message.zh.contains(r["note"].as_str().unwrap()), ".{tld}: {}", f.message.zh);
            assert_eq!(Some(f.source.as_str()), r["source"].as_str(), ".{tld}");
        } else {
            assert_eq!((d.verdict, codes.as_slice()), (Verdict::Ineligible, &["DOMAIN_TLD_NOT_APPROVED"][..]), ".{tld}");
            assert_eq!(Some(d.findings[0].source.as_str()), row["source"].as_str(), ".{tld}");
            assert_eq!(&*d.findings[0].url, "https://cloud.tencent.com/document/product/243/18905", ".{tld}");
        }
    }
}
