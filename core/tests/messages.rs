//! Every catalogue template, rendered with every value its context can take: zh text reads as
//! Chinese (no vocabulary word left in ASCII), en text as English (no Chinese from the template).
use beiancheck::vocab::{self, VOCABULARIES};
use beiancheck::Engine;
use serde_json::Value;

fn placeholders(t: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = t;
    while let Some(i) = rest.find('{') {
        let Some(j) = rest[i..].find('}') else { break };
        out.push(rest[i + 1..i + j].to_owned());
        rest = &rest[i + j + 1..];
    }
    out
}

/// Every ASCII vocabulary word (values such as `postpaid`, `forum`, `individual`).
fn vocabulary_words() -> Vec<&'static str> {
    let mut w: Vec<&str> = VOCABULARIES.iter().flat_map(|v| v.values.iter().map(|n| n.value)).collect();
    w.sort_unstable();
    w.dedup();
    w
}

fn ascii_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).filter(|w| !w.is_empty())
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// English messages that quote what a filer types in Chinese (a province name, the form of a
/// filing number): the Chinese there is the input, not untranslated text.
const TYPED_IN_CHINESE: &[&str] = &["PROVINCE_UNKNOWN", "FILING_NUMBER_INVALID"];

#[test]
fn every_template_with_every_vocabulary_value_reads_in_its_language() {
    let engine = Engine::embedded();
    let pack = engine.pack();
    let words = vocabulary_words();
    let mut rendered = 0;
    let mut bad = Vec::new();
    for (_, e) in pack.catalogue.entries() {
        let (code, _, _) = pack.catalogue.get(&e.code).unwrap();
        let mut keys = placeholders(&e.zh);
        keys.extend(placeholders(&e.en));
        keys.sort();
        keys.dedup();
        // One rendering per value of each vocabulary key; other keys get a sample in the
        // language of the text under test (so what remains comes from the template or a name).
        let vocab_keys: Vec<(&String, &[vocab::Named])> = keys.iter().filter_map(|k| vocab::vocabulary_of_key(k).map(|v| (k, v))).collect();
        let rounds = vocab_keys.iter().map(|(_, v)| v.len()).max().unwrap_or(1);
        for round in 0..rounds {
            for (lang, sample) in [("zh", "样例"), ("en", "sample")] {
                let ctx: Vec<(&'static str, Value)> = keys
                    .iter()
                    .map(|k| {
                        let k: &'static str = Box::leak(k.clone().into_boxed_str());
                        let v = match vocab::vocabulary_of_key(k) {
                            // A list key (allowed) gets every value at once as well.
                            Some(v) if k == "allowed" => Value::from(v.iter().map(|n| n.value).collect::<Vec<_>>()),
                            Some(v) => Value::from(v[round % v.len()].value),
                            None if matches!(k, "line" | "column" | "max" | "count" | "age" | "days" | "months") => Value::from(3),
                            None => Value::from(sample),
                        };
                        (k, v)
                    })
                    .collect();
                let f = pack.catalogue.render(code, "x".into(), ctx, None);
                rendered += 1;
                if lang == "zh" {
                    for w in ascii_words(&f.message.zh) {
                        if words.contains(&w) {
                            bad.push(format!("{code} zh: {:?} ({w})", f.message.zh));
                        }
                    }
                } else if f.message.en.chars().any(is_cjk) && !TYPED_IN_CHINESE.contains(&code) {
                    bad.push(format!("{code} en: {:?}", f.message.en));
                }
            }
        }
    }
    assert!(rendered > 200, "{rendered}");
    bad.dedup();
    assert!(bad.is_empty(), "{} messages not in their language:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn english_messages_do_not_say_a_before_a_vowel() {
    let engine = Engine::embedded();
    let pack = engine.pack();
    for (_, e) in pack.catalogue.entries() {
        let (code, _, _) = pack.catalogue.get(&e.code).unwrap();
        for kind in vocab::SUBJECT_KINDS {
            let ctx = vec![("subject_kind", Value::from(*kind)), ("subject_en", Value::from(vocab::subject_kind_en(kind)))];
            let en = pack.catalogue.render(code, "x".into(), ctx, None).message.en;
            let lower = en.to_lowercase();
            for v in ["a a", "a e", "a i", "a o", "a u"] {
                assert!(!lower.starts_with(v) && !lower.contains(&format!(" {v}")), "{code}: {en}");
            }
        }
    }
}
