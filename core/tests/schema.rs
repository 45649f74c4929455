//! The input format as written out (schema/application.schema.json, docs/INPUT.md) is the
//! reader's: the committed files are what core/src/schema.rs generates, every field the reader
//! knows has a row there and every row a field, and each row's type, required flag and null
//! answer are the reader's own (a value of the row's type is read without an input error, a
//! value of another type is refused, a required field left out is INPUT_MISSING_FIELD).
//! python/tests/test_schema.py validates every example and case against the schema.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
use beiancheck::model::{field_paths, Shape};
use beiancheck::schema::{self, Ty, OBJECTS, REQUIRED, ROWS};
use beiancheck::vocab;
use beiancheck::Engine;
use serde_json::{json, Value};
use std::path::Path;

fn repo(rel: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let engine = Engine::embedded();
    let generated = schema::schema_json(&engine.pack());
    assert!(
        repo("schema/application.schema.json") == generated,
        "schema/application.schema.json is stale: run `beiancheck schema > schema/application.schema.json`"
    );
    // It is JSON, a 2020-12 schema.
    let v: Value = serde_json::from_str(&generated).unwrap();
    assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
}

#[test]
fn docs_input_md_carries_the_generated_reference() {
    let doc = repo("docs/INPUT.md");
    let generated = schema::input_reference();
    assert!(doc.contains(&generated), "docs/INPUT.md is stale: replace its generated part with `beiancheck schema --markdown`");
}

/// `websites[].responsible_person.mobile` → the object (`Person`) and field (`mobile`).
fn object_and_field(path: &str) -> (&'static str, String) {
    let mut object = "Application";
    let mut fields: &'static [beiancheck::model::Field] = beiancheck::model::fields::APPLICATION;
    let steps: Vec<&str> = path.split('.').map(|s| s.trim_end_matches("[]")).collect();
    for s in &steps[..steps.len() - 1] {
        let fd = fields.iter().find(|f| f.name == *s).unwrap();
        fields = match fd.shape {
            Shape::Object(f) | Shape::Objects(f) => f,
            _ => panic!("{path}"),
        };
        object = schema::object_name(fields).unwrap_or_else(|| panic!("{path}: object without a name in schema::OBJECTS"));
    }
    (object, steps[steps.len() - 1].to_owned())
}

#[test]
fn every_field_has_one_row_and_every_row_a_field() {
    let mut seen = Vec::new();
    for (path, fd) in field_paths() {
        let (object, field) = object_and_field(&path);
        let n = ROWS.iter().filter(|r| r.object == object && r.field == field).count();
        assert_eq!(n, 1, "{path} ({object}.{field}) has {n} rows in schema::ROWS");
        let row = schema::row(object, &field).unwrap();
        // The type fits the shape, and a meaning of null is given exactly where null has one.
        let fits = match (row.ty, fd.shape) {
            (Ty::Object, Shape::Object(_)) | (Ty::Objects, Shape::Objects(_)) | (Ty::Words(_), Shape::List) => true,
            (Ty::Object | Ty::Objects | Ty::Words(_), _) => false,
            (_, shape) => matches!(shape, Shape::Scalar),
        };
        assert!(fits, "{path}: type {:?} for shape {:?}", row.ty, fd.shape);
        assert_eq!(!row.null.is_empty(), fd.nullable, "{path}: a null meaning is given exactly for nullable fields");
        assert!(!row.zh.is_empty() && !row.about.is_empty() && !row.absent.is_empty(), "{path}");
        seen.push((object, field));
    }
    for r in ROWS {
        assert!(seen.iter().any(|(o, f)| *o == r.object && *f == r.field), "schema row {}.{} is no field of the reader", r.object, r.field);
        assert!(OBJECTS.iter().any(|(n, _)| *n == r.object), "{}", r.object);
    }
}

fn base() -> Value {
    serde_json::from_str(&repo("examples/first-filing-shanghai-enterprise.json")).unwrap()
}

/// Sets (Some) or removes (None) the field at `path` (`[]` = the first element), creating the
/// objects and one-element lists on the way.
fn with(mut app: Value, path: &str, v: Option<Value>) -> Value {
    let steps: Vec<&str> = path.split('.').collect();
    let mut at = &mut app;
    for (i, s) in steps.iter().enumerate() {
        let (key, list) = match s.strip_suffix("[]") {
            Some(k) => (k, true),
            None => (*s, false),
        };
        let last = i + 1 == steps.len();
        if last && !list {
            match v {
                Some(v) => at[key] = v,
                None => {
                    at.as_object_mut().unwrap().remove(key);
                }
            }
            return app;
        }
        if last {
            at[key] = match v {
                Some(v) => v,
                None => Value::Null,
            };
            return app;
        }
        if at.get(key).is_none_or(Value::is_null) {
            at[key] = if list { json!([{}]) } else { json!({}) };
        }
        at = &mut at[key];
        if list {
            if at.as_array().is_some_and(Vec::is_empty) {
                at.as_array_mut().unwrap().push(json!({}));
            }
            at = &mut at[0];
        }
    }
    app
}

/// Values of each type the reader takes, and a value of another type it refuses.
fn samples(ty: Ty, engine: &Engine) -> (Vec<Value>, Value) {
    let words = |v: &[&'static str]| -> Vec<Value> { vocab::spellings(v).into_iter().map(|(s, _)| json!(s)).collect() };
    match ty {
        Ty::Text => (vec![json!("文本"), json!(12345)], json!(true)),
        Ty::Bool => (vec![json!(true), json!(false)], json!("true")),
        Ty::Uint => (vec![json!(0)], json!(-1)),
        Ty::Date => (vec![json!("2030-01-31")], json!("2030-02-30")),
        Ty::DateOnly => (vec![json!("2026-11-29")], json!("2026-11-29T10:00:00+08:00")),
        Ty::Moment => (vec![json!("2030-01-31"), json!("2030-01-31T10:00:00+08:00"), json!("2030-01-31 10:00:00")], json!("31/01/2030")),
        Ty::Word(v) => (words(v), json!("zzqq")),
        Ty::PersonId => (words(&schema::person_id_types(&engine.pack())), json!("business_license")),
        Ty::Words(v) => (words(v).into_iter().map(|w| json!([w])).collect(), json!(["zzqq"])),
        Ty::Object => (vec![json!({})], json!("x")),
        Ty::Objects => (vec![json!([])], json!({})),
    }
}

#[test]
fn each_row_answers_as_the_reader_does() {
    let engine = Engine::embedded();
    let mut failures = Vec::new();
    for (path, fd) in field_paths() {
        let (object, field) = object_and_field(&path);
        let row = schema::row(object, &field).unwrap();
        let at = path.replace("[]", "[0]");
        let input_error = |app: &Value, code: &str| {
            let r = engine.check_value_at(app, None).unwrap();
            r.findings.iter().any(|f| f.code == code && (f.path == at || f.path.starts_with(&format!("{at}["))))
        };
        let (good, bad) = samples(row.ty, &engine);
        for v in good {
            if input_error(&with(base(), &path, Some(v.clone())), "INPUT_INVALID_VALUE") {
                failures.push(format!("{path}: {v} is of type {:?} but the reader refuses it", row.ty));
            }
        }
        if !input_error(&with(base(), &path, Some(bad.clone())), "INPUT_INVALID_VALUE") {
            failures.push(format!("{path}: {bad} is not of type {:?} but the reader takes it", row.ty));
        }
        if input_error(&with(base(), &path, Some(Value::Null)), "INPUT_INVALID_VALUE") == fd.nullable {
            failures.push(format!("{path}: null (nullable: {})", fd.nullable));
        }
        let required = input_error(&with(base(), &path, None), "INPUT_MISSING_FIELD");
        if required != (row.absent == REQUIRED) {
            failures.push(format!("{path}: left out, INPUT_MISSING_FIELD is {required}, the row says {}", row.absent));
        }
    }
    assert!(failures.is_empty(), "{} rows differ from the reader:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_schema_takes_the_chinese_names() {
    let v: Value = serde_json::from_str(&schema::schema_json(&Engine::embedded().pack())).unwrap();
    let text = v.to_string();
    for zh in ["个人", "企业", "包年包月", "按量计费", "论坛", "博客", "居民身份证", "云服务器", "首次备案"] {
        assert!(text.contains(&format!("\"{zh}\"")), "{zh}");
    }
    // Every spelling listed is one the reader takes for its value.
    for (_, values) in schema::VOCABULARY_TITLES {
        for (sp, value) in vocab::spellings(values) {
            assert_eq!(vocab::parse(values, sp), Ok(value), "{sp}");
        }
    }
    // The personal ID documents are the pack's.
    let engine = Engine::embedded();
    assert_eq!(schema::person_id_types(&engine.pack()).len(), engine.pack().subjects.person_id_types.types.len());
}
