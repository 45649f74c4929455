//! Source documents: every `source` a pack row cites resolves to the public document it came
//! from (title and URL), through the pack's `source_documents` table (core/rules/source_documents.json, generated
//! by scripts/gen_sources.py from shared/reference).
//!
//! A citation keeps its own text (the stable id reports carry, e.g. `tencent/facts.md §4 (S03)`);
//! its document is the first source id it names (`S03`, `P-BJ`, `JD-SUPP`, `TC2022` …), else the
//! longest alias it starts with (`tencent/facts.md §4` → the document that section rests on).
use crate::pack::PackError;
use crate::report::Text;
use rustc_hash::FxHashMap as HashMap;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// The public document behind a citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceDoc {
    pub id: Text,
    pub title: Text,
    pub url: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSources {
    #[allow(dead_code, reason = "read so that deny_unknown_fields accepts it; documentation only")]
    about: Option<String>,
    documents: BTreeMap<String, RawDoc>,
    aliases: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDoc {
    title: String,
    url: String,
    #[allow(dead_code, reason = "required in the pack file (where the copy came from); the engine never reads it")]
    origin: String,
}

/// The documents and aliases of a pack.
pub struct Sources {
    docs: HashMap<String, Arc<SourceDoc>>,
    /// Longest first, so `tencent/facts.md §10` wins over `tencent/facts.md §1`.
    aliases: Vec<(String, Arc<SourceDoc>)>,
}

fn err(path: impl Into<String>, message: impl Into<String>) -> PackError {
    PackError { path: path.into(), message: message.into() }
}

impl Sources {
    pub(crate) fn new(raw: RawSources) -> Result<Sources, PackError> {
        let mut docs = HashMap::default();
        for (id, d) in raw.documents {
            if d.title.trim().is_empty() {
                return Err(err(format!("sources.documents.{id}.title"), "must not be empty"));
            }
            // A filer must be able to open it: a public https address, nothing relative.
            if !d.url.starts_with("https://") || d.url.contains(char::is_whitespace) {
                return Err(err(format!("sources.documents.{id}.url"), format!("\"{}\" is not an https URL", d.url)));
            }
            let doc = Arc::new(SourceDoc { id: id.as_str().into(), title: d.title.into(), url: d.url.into() });
            docs.insert(id, doc);
        }
        let mut aliases = Vec::new();
        for (cite, id) in raw.aliases {
            let Some(doc) = docs.get(&id) else {
                return Err(err(format!("sources.aliases.{cite}"), format!("names no document {id}")));
            };
            aliases.push((cite, doc.clone()));
        }
        aliases.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        Ok(Sources { docs, aliases })
    }

    /// The document a citation names, if any.
    pub fn resolve(&self, cite: &str) -> Option<&Arc<SourceDoc>> {
        let token = |c: char| c.is_ascii_alphanumeric() || c == '-';
        for t in cite.split(|c: char| !token(c)) {
            let t = t.trim_matches('-');
            if let Some(d) = self.docs.get(t) {
                return Some(d);
            }
        }
        self.aliases.iter().find(|(a, _)| cite.starts_with(a.as_str())).map(|(_, d)| d)
    }

    /// Resolves every citation in a pack document (any string under a `source` or `sources`
    /// key, at any depth), so a pack citing a document it does not describe is refused.
    pub(crate) fn resolve_all(&self, pack: &[u8]) -> Result<HashMap<String, Arc<SourceDoc>>, PackError> {
        let mut cites = Vec::new();
        let mut de = serde_json::Deserializer::from_slice(pack);
        Collect { out: &mut cites, cited: false, top: true }
            .deserialize(&mut de)
            .map_err(|e| err("sources", format!("reading citations: {e}")))?;
        let mut resolved = HashMap::default();
        for c in cites {
            if resolved.contains_key(&c) {
                continue;
            }
            let Some(doc) = self.resolve(&c) else {
                return Err(err("sources", format!("the citation \"{c}\" names no document of sources.documents")));
            };
            resolved.insert(c, doc.clone());
        }
        Ok(resolved)
    }

    pub fn documents(&self) -> impl Iterator<Item = &Arc<SourceDoc>> {
        self.docs.values()
    }
}

/// Walks a JSON document without building it, collecting the strings under `source(s)` keys.
struct Collect<'a> {
    out: &'a mut Vec<String>,
    cited: bool,
    /// The pack's top level (where `public_suffix_list` is the PSL text).
    top: bool,
}

#[derive(PartialEq, Eq)]
enum Key {
    Citation,
    Psl,
    Other,
}

impl<'de> DeserializeSeed<'de> for Collect<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Collect<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("JSON")
    }
    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        if self.cited {
            self.out.push(v.to_owned());
        }
        Ok(())
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Collect { out: &mut *self.out, cited: self.cited, top: false })?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key_seed(IsCitation)? {
            if self.top && key == Key::Psl {
                // The PSL is one ~0.3 MB string with no citation in it: skipped, not unescaped.
                map.next_value::<serde::de::IgnoredAny>()?;
            } else {
                map.next_value_seed(Collect { out: &mut *self.out, cited: key == Key::Citation, top: false })?;
            }
        }
        Ok(())
    }
}

/// Whether a key is `source` or `sources` (or the PSL's), read without copying it (a pack has
/// ~100k keys).
struct IsCitation;

impl<'de> DeserializeSeed<'de> for IsCitation {
    type Value = Key;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for IsCitation {
    type Value = Key;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E>(self, v: &str) -> Result<Key, E> {
        Ok(match v {
            "source" | "sources" => Key::Citation,
            "public_suffix_list" => Key::Psl,
            _ => Key::Other,
        })
    }
}
