//! Every catalogue template, rendered with every value its context can take: zh text reads as
//! Chinese (no vocabulary word left in ASCII), en text as English (no Chinese from the template).
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
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

/// Removes what a message quotes from the input (“…” in zh, "…" in en, and every context value
/// that is not a text of the message's own (`*_zh`, `*_en`): the field path, a number as typed):
/// what remains is the message's own words.
fn own_words(text: &str, inputs: &[String]) -> String {
    let mut t = text.to_owned();
    let mut inputs: Vec<&String> = inputs.iter().filter(|i| !i.is_empty()).collect();
    inputs.sort_by_key(|i| std::cmp::Reverse(i.len()));
    for i in inputs {
        t = t.replace(i.as_str(), " ");
    }
    let mut out = String::new();
    let mut quoted = false;
    for c in t.chars() {
        match c {
            '“' | '”' | '"' => {
                quoted = c == '“' || (c == '"' && !quoted);
                if c == '”' {
                    quoted = false;
                }
                out.push(' ');
            }
            _ if quoted => {}
            _ => out.push(c),
        }
    }
    out
}

/// ASCII words a Chinese message may keep: the JSON keyword and formats, the field names of
/// the input (named as the filer wrote them).
const ZH_ASCII: &[&str] =
    &["null", "JSON", "YYYY", "MM", "DD", "resources", "ICP", "B2", "SH", "BJ", "IP", "JPG", "JPEG", "PNG", "GIF", "Serverless"];

/// The context values of a finding that come from the input.
fn inputs_of(f: &beiancheck::Finding) -> Vec<String> {
    f.context
        .0
        .iter()
        .filter(|(k, _)| !k.ends_with("_zh") && !k.ends_with("_en"))
        .filter_map(|(_, v)| match v {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
        .collect()
}

fn bad_inputs() -> Vec<serde_json::Value> {
    use beiancheck::model::{field_paths, Shape};
    use serde_json::json;
    let base: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/first-filing-shanghai-enterprise.json")).unwrap(),
    )
    .unwrap();
    let mut out = vec![json!([1, 2]), json!("42"), json!(null), json!({"provnce": "SH"})];
    for (path, fd) in field_paths() {
        let wrong: Vec<serde_json::Value> = match fd.shape {
            Shape::Scalar => vec![
                json!([]),
                json!({}),
                json!("zzqq"),
                json!("individul"),
                json!(true),
                json!(1.5),
                json!(-1),
                json!(null),
                json!("2026-02-30"),
            ],
            _ => vec![json!("zzqq"), json!(5), json!(true), json!(null), json!([1]), json!(["zzqq"])],
        };
        for v in wrong {
            // Put v at the path, creating containers (lists get one element).
            let mut app = base.clone();
            let steps: Vec<&str> = path.split('.').collect();
            let mut at = &mut app;
            for (i, s) in steps.iter().enumerate() {
                let (k, list) = s.strip_suffix("[]").map_or((*s, false), |k| (k, true));
                if i + 1 == steps.len() {
                    at[k] = v.clone();
                    break;
                }
                if at.get(k).is_none_or(|x| x.is_null()) {
                    at[k] = if list { json!([{}]) } else { json!({}) };
                }
                at = &mut at[k];
                if list {
                    at = &mut at[0];
                }
            }
            out.push(app);
        }
    }
    out
}

/// The reasons the reader and the rules write themselves (INPUT_INVALID_VALUE's reason_zh and
/// reason_en, the type a value was found to be, the values it may take): zh reads as Chinese,
/// en as English. Every field through every wrong type and an unknown word, plus the domain and
/// materials queries.
#[test]
fn reasons_written_by_the_reader_read_in_their_language() {
    use beiancheck::domain::DomainQuery;
    let engine = Engine::embedded();
    let mut messages: Vec<(String, beiancheck::findings::Message, Vec<String>)> = Vec::new();
    for app in bad_inputs() {
        if let Ok(r) = engine.check_value_at(&app, None) {
            for f in r.findings {
                messages.push((f.code.to_owned(), f.message.clone(), inputs_of(&f)));
            }
        }
    }
    let q = DomainQuery { subject_kind: Some("zzqq".into()), province: Some("SH".into()) };
    for f in engine.check_domain("example.com", &q).findings {
        messages.push((f.code.to_owned(), f.message.clone(), inputs_of(&f)));
    }
    let mq: beiancheck::materials::MaterialsQuery =
        serde_json::from_value(serde_json::json!({"province": "SH", "subject_kind": "zzqq", "filing_type": "zzqq"})).unwrap();
    for f in engine.materials(&mq).findings {
        messages.push((f.code.to_owned(), f.message.clone(), inputs_of(&f)));
    }
    assert!(messages.iter().filter(|(c, _, _)| c == "INPUT_INVALID_VALUE").count() > 300, "{}", messages.len());
    let mut bad = Vec::new();
    for (code, m, inputs) in &messages {
        let zh = own_words(&m.zh, inputs);
        for w in ascii_words(&zh) {
            if w.chars().any(|c| c.is_ascii_alphabetic()) && w.len() > 1 && !ZH_ASCII.contains(&w) {
                bad.push(format!("{code} zh: {:?} ({w})", m.zh));
                break;
            }
        }
        if own_words(&m.en, inputs).chars().any(is_cjk) && !TYPED_IN_CHINESE.contains(&code.as_str()) {
            bad.push(format!("{code} en: {:?}", m.en));
        }
    }
    bad.sort();
    bad.dedup();
    assert!(bad.is_empty(), "{} messages mix languages:\n{}", bad.len(), bad.join("\n"));
}
