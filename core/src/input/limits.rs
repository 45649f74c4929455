//! Input limits: every input is bounded, and a breach is refused with an error naming the
//! limit and where, never a crash or an unbounded allocation (../shared/DESIGN.md, Reliability).
use crate::codes::INPUT_LIMIT_EXCEEDED;
use crate::input::json::Json;
use crate::input::model::{path_text, Seg};
use crate::input::InputError;
use serde::{Deserialize, Serialize};

/// Limits applied to every input. All are configurable ([`crate::Engine::with_limits`]); from
/// JSON (the C and Python faces) a missing field keeps its default and an unknown one is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Bytes of one application's JSON.
    pub max_input_bytes: usize,
    /// Nesting depth of objects and arrays (the model needs 4).
    pub max_depth: usize,
    pub max_websites: usize,
    pub max_domains: usize,
    pub max_resources: usize,
    pub max_materials: usize,
    /// Characters of any one string value.
    pub max_string_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        // Generous for any real order (≤ 10 websites) while bounding work per call.
        Limits {
            max_input_bytes: 1 << 20,
            max_depth: 16,
            max_websites: 100,
            max_domains: 100,
            max_resources: 100,
            max_materials: 200,
            max_string_chars: 4096,
        }
    }
}

fn exceeded(limit: &str, max: usize, actual: usize, path: Option<String>) -> InputError {
    let at = path.as_deref().map(|p| format!(" at {p}")).unwrap_or_default();
    InputError {
        code: INPUT_LIMIT_EXCEEDED,
        line: 0,
        column: 0,
        path,
        message: format!("input limit {limit} exceeded{at}: maximum {max}, found {actual}"),
    }
}

impl Limits {
    /// Limits from JSON such as `{"max_websites": 10}` (others keep their defaults).
    pub fn from_json(json: &str) -> Result<Limits, InputError> {
        serde_json::from_str(json).map_err(|e| InputError {
            code: crate::codes::INPUT_MALFORMED,
            line: e.line(),
            column: e.column(),
            path: None,
            message: format!("limits: {e}"),
        })
    }

    /// Before parsing: the size.
    pub fn check_size(&self, len: usize) -> Result<(), InputError> {
        if len > self.max_input_bytes {
            return Err(exceeded("max_input_bytes", self.max_input_bytes, len, None));
        }
        Ok(())
    }

    /// After parsing: depth, list lengths and string lengths, with the path of the first breach.
    pub fn check_value(&self, v: &Json) -> Result<(), InputError> {
        if let Json::Object(m) = v {
            for (key, max, name) in [
                ("websites", self.max_websites, "max_websites"),
                ("domains", self.max_domains, "max_domains"),
                ("resources", self.max_resources, "max_resources"),
                ("materials", self.max_materials, "max_materials"),
            ] {
                if let Some(Json::Array(a)) = m.get(key) {
                    if a.len() > max {
                        return Err(exceeded(name, max, a.len(), Some(key.to_owned())));
                    }
                }
            }
        }
        self.walk(v, 0).map_err(|b| {
            // The path is built only for a breach, from the segments collected on the way out.
            let path = path_text(b.path.iter().rev().copied());
            exceeded(b.limit, b.max, b.actual, Some(display(&path)))
        })
    }

    fn walk<'v>(&self, v: &'v Json, depth: usize) -> Result<(), Breach<'v>> {
        let breach = |limit, max, actual| Err(Breach { limit, max, actual, path: Vec::new() });
        match v {
            Json::String(s) => {
                // Count characters only when the byte length could exceed the limit.
                if s.len() > self.max_string_chars {
                    let n = s.chars().count();
                    if n > self.max_string_chars {
                        return breach("max_string_chars", self.max_string_chars, n);
                    }
                }
                Ok(())
            }
            Json::Array(_) | Json::Object(_) if depth >= self.max_depth => breach("max_depth", self.max_depth, depth + 1),
            Json::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    self.walk(x, depth + 1).map_err(|b| b.at(Seg::Index(i)))?;
                }
                Ok(())
            }
            Json::Object(m) => {
                // Keys are names, not values: they share the limit but never below 256, so a
                // tight value limit does not refuse the model's own field names.
                let key_max = self.max_string_chars.max(256);
                for (k, x) in m.iter() {
                    if k.len() > key_max {
                        return Err(Breach { limit: "max_string_chars", max: key_max, actual: k.chars().count(), path: vec![Seg::Key(k)] });
                    }
                    self.walk(x, depth + 1).map_err(|b| b.at(Seg::Key(k)))?;
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

/// A limit breached somewhere below: the path is collected innermost first.
struct Breach<'v> {
    limit: &'static str,
    max: usize,
    actual: usize,
    path: Vec<Seg<'v>>,
}

impl<'v> Breach<'v> {
    fn at(mut self, seg: Seg<'v>) -> Self {
        self.path.push(seg);
        self
    }
}

fn display(path: &str) -> String {
    if path.is_empty() {
        "(root)".to_owned()
    } else {
        path.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    impl Limits {
        fn check_json(&self, v: &serde_json::Value) -> Result<(), InputError> {
            self.check_value(&Json::from_value(v))
        }
    }
    #[test]
    fn each_limit_names_itself() {
        let l = Limits { max_websites: 2, max_string_chars: 10, max_depth: 3, ..Limits::default() };
        let e = l.check_json(&json!({"websites": [1, 2, 3]})).unwrap_err();
        assert!(e.message.contains("max_websites") && e.path.as_deref() == Some("websites"));
        let e = l.check_json(&json!({"subject": {"name": "abcdefghijk"}})).unwrap_err();
        assert_eq!(e.path.as_deref(), Some("subject.name"));
        assert!(e.message.contains("max_string_chars"));
        assert!(l.check_json(&json!({"subject": {"name": "名字名字名字名字名字"}})).is_ok());
        let e = l.check_json(&json!({"a": {"b": {"c": {"d": 1}}}})).unwrap_err();
        assert!(e.message.contains("max_depth"), "{}", e.message);
        assert!(l.check_size(1 << 21).unwrap_err().message.contains("max_input_bytes"));
    }
}
