//! The engine as a long-lived, shared object: limits, pack swaps under load, threads.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
use beiancheck::{Engine, Limits};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

fn example() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/rejected-personal-forum.json")).unwrap()
}

/// The embedded pack as version `v`; version "B" also approves `.io`, so the example
/// (guangying.io) gets other findings under it and a report mixing the two packs shows.
fn pack_with_version(v: &str) -> Vec<u8> {
    let mut pack: Value = serde_json::from_slice(beiancheck::EMBEDDED_PACK).unwrap();
    pack["meta"]["version"] = json!(v);
    if v == "B" {
        pack["tlds"]["not_approved"].as_array_mut().unwrap().retain(|t| t["tld"] != "io");
        pack["tlds"]["approved"].as_array_mut().unwrap().push(
            json!({"tld": "io", "unicode": "io", "status": "approved", "since": "2026-01-01", "source": "domain/tlds.json (test: pack B approves .io)"}),
        );
    }
    serde_json::to_vec(&pack).unwrap()
}

#[test]
fn limits_are_named_in_the_error() {
    let e = Engine::embedded().with_limits(Limits { max_input_bytes: 100, ..Limits::default() });
    let err = e.check_json(&example()).unwrap_err();
    assert_eq!(err.code, "INPUT_LIMIT_EXCEEDED");
    assert!(err.message.contains("max_input_bytes"));
    let e = Engine::embedded().with_limits(Limits { max_string_chars: 8, ..Limits::default() });
    let err = e.check_json(&example()).unwrap_err();
    assert!(err.message.contains("max_string_chars") && err.path.is_some(), "{err:?}");
    // serde_json's own recursion guard still answers for absurd nesting.
    let deep = "[".repeat(100_000);
    assert!(Engine::embedded().check_json(&deep).is_err());
}

/// The parsed PSL is reused between loads only when the list is the same: a pack with another
/// list answers by that list, and the old pack keeps answering by its own.
#[test]
fn a_pack_with_another_psl_uses_it() {
    let mut pack: Value = serde_json::from_slice(beiancheck::EMBEDDED_PACK).unwrap();
    let psl = pack["public_suffix_list"].as_str().unwrap().to_owned();
    let end = psl.find("// ===END ICANN DOMAINS===").unwrap();
    let changed = format!("{}beiancheck-test.cn\n{}", &psl[..end], &psl[end..]);
    pack["public_suffix_list"] = json!(changed);
    let old = Engine::embedded();
    let q = Default::default();
    assert_eq!(old.check_domain("shop.beiancheck-test.cn", &q).registrable.as_deref(), Some("beiancheck-test.cn"));
    let new = Engine::from_pack(&serde_json::to_vec(&pack).unwrap()).unwrap();
    assert_eq!(new.check_domain("shop.beiancheck-test.cn", &q).registrable.as_deref(), Some("shop.beiancheck-test.cn"));
    // Loading the embedded pack again after the other one gives the embedded list back.
    let again = Engine::from_pack(beiancheck::EMBEDDED_PACK).unwrap();
    assert_eq!(again.check_domain("shop.beiancheck-test.cn", &q).registrable.as_deref(), Some("beiancheck-test.cn"));
    assert_eq!(old.check_domain("shop.beiancheck-test.cn", &q).registrable.as_deref(), Some("beiancheck-test.cn"));
}

#[test]
fn a_bad_pack_leaves_the_old_one() {
    let e = Engine::embedded();
    let before = e.rules_info();
    let err = e.swap_pack(b"{\"format\": 1}").unwrap_err();
    assert!(!err.message.is_empty());
    assert_eq!(e.rules_info(), before);
    let mut broken: Value = serde_json::from_slice(beiancheck::EMBEDDED_PACK).unwrap();
    broken["catalogue"]["codes"].as_array_mut().unwrap().pop();
    let err = e.swap_pack(&serde_json::to_vec(&broken).unwrap()).unwrap_err();
    assert!(err.message.contains("no entry for"), "{err}");
    assert_eq!(e.rules_info(), before);
}

#[test]
fn swaps_are_atomic_under_load() {
    let e = Engine::embedded();
    let a = pack_with_version("A");
    let b = pack_with_version("B");
    let app = example();
    let codes_of = |e: &Engine| e.check_json(&app).unwrap().findings.iter().map(|f| f.code).collect::<Vec<&str>>();
    e.swap_pack(&b).unwrap();
    let want_b = codes_of(&e);
    e.swap_pack(&a).unwrap();
    let want_a = codes_of(&e);
    assert!(want_a.contains(&"DOMAIN_TLD_NOT_APPROVED") && !want_b.contains(&"DOMAIN_TLD_NOT_APPROVED"), "{want_a:?} / {want_b:?}");
    let stop = Arc::new(AtomicBool::new(false));
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let (e, app, stop, want_a, want_b) = (e.clone(), app.clone(), stop.clone(), want_a.clone(), want_b.clone());
            std::thread::spawn(move || {
                let mut seen = std::collections::BTreeSet::new();
                while !stop.load(Ordering::Relaxed) {
                    let r = e.check_json(&app).unwrap();
                    // Every report comes whole from one pack: its version and its findings agree.
                    let codes: Vec<&str> = r.findings.iter().map(|f| f.code).collect();
                    match &*r.rules.version {
                        "A" => assert_eq!(codes, want_a),
                        "B" => assert_eq!(codes, want_b),
                        v => panic!("a report from neither pack: {v}"),
                    }
                    seen.insert(r.rules.version);
                }
                seen
            })
        })
        .collect();
    for i in 0..20 {
        e.swap_pack(if i % 2 == 0 { &b } else { &a }).unwrap();
        if i % 10 == 0 {
            assert!(e.swap_pack(b"not a pack").is_err());
        }
        std::thread::yield_now();
    }
    stop.store(true, Ordering::Relaxed);
    let mut versions = std::collections::BTreeSet::new();
    for w in workers {
        versions.extend(w.join().unwrap());
    }
    assert!(!versions.is_empty());
}

#[test]
fn check_many_keeps_order_and_matches_single_threaded() {
    let e = Engine::embedded();
    let good = example();
    let inputs: Vec<String> = (0..500)
        .map(|i| {
            if i % 7 == 3 {
                "{broken".to_owned()
            } else if i % 5 == 0 {
                good.replace("guangying.io", "guangying.com")
            } else {
                good.clone()
            }
        })
        .collect();
    let many = e.check_many_json(&inputs, None);
    assert_eq!(many.len(), inputs.len());
    for (i, (input, got)) in inputs.iter().zip(&many).enumerate() {
        match (e.check_json(input), got) {
            (Ok(a), Ok(b)) => assert_eq!(a.to_json(), b.to_json(), "row {i}"),
            (Err(a), Err(b)) => assert_eq!(a, *b),
            _ => panic!("row {i} differs"),
        }
    }
}
