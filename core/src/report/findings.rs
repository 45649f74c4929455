//! Findings: a stable code, a severity, where in the input, a message rendered in Chinese and
//! English from the code's catalogue entry and the finding's context, and the source document.
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "error" => Some(Self::Error),
            "warning" => Some(Self::Warning),
            "info" => Some(Self::Info),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    pub zh: String,
    pub en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub path: String,
    pub message: Message,
    pub context: Context,
    /// The citation (a stable id: the row's or the catalogue's `source`).
    pub source: String,
    /// The public document it names: title and https URL.
    pub title: crate::report::Text,
    pub url: crate::report::Text,
}

/// A finding's context: its values by name, in the order the rule gave them (serialised as a
/// JSON object). A few entries, so a vector searched linearly rather than a hashed map.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Context(pub Vec<(&'static str, Value)>);

impl Context {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Value)> {
        self.0.iter().map(|(k, v)| (*k, v))
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::ops::Index<&str> for Context {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&Value::Null)
    }
}

impl Serialize for Context {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// Context values are kept as JSON so numbers stay numbers in the report.
pub type Ctx = Vec<(&'static str, Value)>;

/// Builds a context list: `ctx!["tld" => "io", "max" => 5]`.
#[macro_export]
macro_rules! ctx {
    () => { Vec::<(&'static str, serde_json::Value)>::new() };
    ($($k:literal => $v:expr),+ $(,)?) => {
        vec![$(($k, serde_json::Value::from($v))),+]
    };
}

/// Fills `{key}` placeholders from the context; unknown keys stay visible as `{key}` so a
/// missing value is noticed in review rather than silently dropped.
pub fn render(template: &str, ctx: &Context) -> String {
    Template::parse(template).render(ctx)
}

/// A message template split once (at pack load) into literal text and `{key}` placeholders, so
/// rendering a finding copies text instead of scanning it for braces.
#[derive(Debug, Clone, PartialEq)]
pub struct Template(Vec<Part>);

#[derive(Debug, Clone, PartialEq)]
enum Part {
    Text(String),
    /// A placeholder, and the vocabulary its values come from (rendered through their names).
    Key(String, Option<&'static [crate::vocab::Named]>),
}

/// The language a template is rendered in: a vocabulary word reads as its Chinese name in zh
/// text and as its English phrase in en text (the context keeps the word itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Template {
    pub fn parse(template: &str) -> Template {
        let mut parts = Vec::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) => {
                    if open > 0 {
                        parts.push(Part::Text(rest[..open].to_owned()));
                    }
                    let key = &after[..close];
                    parts.push(Part::Key(key.to_owned(), crate::vocab::vocabulary_of_key(key)));
                    rest = &after[close + 1..];
                }
                None => break,
            }
        }
        if !rest.is_empty() {
            parts.push(Part::Text(rest.to_owned()));
        }
        Template(parts)
    }

    pub fn render(&self, ctx: &Context) -> String {
        self.render_in(ctx, Lang::En)
    }

    pub fn render_in(&self, ctx: &Context, lang: Lang) -> String {
        self.render_from(&|k| ctx.get(k), lang)
    }

    /// The placeholders of the template, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().filter_map(|p| match p {
            Part::Key(k, _) => Some(k.as_str()),
            Part::Text(_) => None,
        })
    }

    /// Renders with the values `get` gives (a context, or a JSON object such as an example's).
    pub fn render_from<'v>(&self, get: &dyn Fn(&str) -> Option<&'v Value>, lang: Lang) -> String {
        let word = |s: &'_ str, names: Option<&'static [crate::vocab::Named]>| -> String {
            match names.and_then(|n| crate::vocab::named(n, s)) {
                Some(n) if lang == Lang::Zh => n.zh.to_owned(),
                Some(n) => n.en.to_owned(),
                None => s.to_owned(),
            }
        };
        let mut out = String::with_capacity(self.0.iter().map(|p| if let Part::Text(t) = p { t.len() } else { 16 }).sum());
        for part in &self.0 {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Key(key, names) => match get(key) {
                    Some(Value::String(s)) => out.push_str(&word(s, *names)),
                    Some(Value::Array(items)) => {
                        for (i, v) in items.iter().enumerate() {
                            if i > 0 {
                                out.push_str(if lang == Lang::Zh { "、" } else { ", " });
                            }
                            match v.as_str() {
                                Some(s) => out.push_str(&word(s, *names)),
                                None => out.push_str(&v.to_string()),
                            }
                        }
                    }
                    Some(v) => out.push_str(&v.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(key);
                        out.push('}');
                    }
                },
            }
        }
        out
    }
}

/// Deterministic order: errors first, then by where they are, then by code.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.severity, path_key(&a.path), a.code, &a.message.en).cmp(&(b.severity, path_key(&b.path), b.code, &b.message.en))
    });
}

/// Orders `websites[10]` after `websites[2]`.
fn path_key(p: &str) -> Vec<PathPart<'_>> {
    let mut parts = Vec::new();
    for seg in p.split(['.', '[']) {
        if let Some(n) = seg.strip_suffix(']').and_then(|n| n.parse::<u64>().ok()) {
            parts.push(PathPart::Index(n));
        } else {
            parts.push(PathPart::Name(seg));
        }
    }
    parts
}

#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum PathPart<'a> {
    Name(&'a str),
    Index(u64),
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn renders_placeholders() {
        let m = Context(vec![("tld", "io".into()), ("n", 3.into())]);
        assert_eq!(render("x .{tld} {n} {missing}", &m), "x .io 3 {missing}");
        assert_eq!(render("{", &m), "{");
        assert_eq!(render("a {tld", &m), "a {tld");
        assert_eq!(render("{tld}{n}-{}", &m), "io3-{}");
        let list = Context(vec![("xs", serde_json::json!(["a", 1]))]);
        assert_eq!(render("[{xs}]", &list), "[a, 1]");
    }
    #[test]
    fn paths_sort_numerically() {
        let mut v = vec!["websites[10].name", "websites[2].name", "province"];
        v.sort_by_key(|p| path_key(p));
        assert_eq!(v, ["province", "websites[2].name", "websites[10].name"]);
    }
}
