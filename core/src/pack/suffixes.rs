//! The Public Suffix List's ICANN section (plus the pack's overlay) as a label trie with FxHash
//! maps, built once at pack load from the pack's dated PSL snapshot.
//!
//! It answers exactly as `publicsuffix::IcannList` did (the same walk: the implicit `*` rule for
//! an unknown TLD, wildcards, exceptions; each rule added in its written and its A-label form,
//! as the crate's `punycode` feature does), without SipHash on every label
//! (core/tests/domain_fast_path.rs compares the two on the compare mix and the conformance
//! names).
use rustc_hash::FxHashMap;

#[derive(Debug, Default)]
struct Node {
    children: FxHashMap<Box<[u8]>, u32>,
    /// Some(is_exception) when a rule ends here.
    leaf: Option<bool>,
}

/// The suffix rules, as a trie from the TLD down.
#[derive(Debug)]
pub struct SuffixList {
    nodes: Vec<Node>,
    /// The text the list was parsed from (the ICANN section and the overlay).
    text: String,
}

/// Where a name's public suffix starts, and whether a rule (not the implicit `*`) gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SuffixMatch {
    /// Bytes of the name that are the suffix (its last `len` bytes).
    pub len: usize,
    pub known: bool,
}

impl SuffixList {
    /// Parses a PSL text: rules are read after `BEGIN ICANN DOMAINS` (and after `BEGIN PRIVATE
    /// DOMAINS`, which a pack's text no longer contains), one per line, the first word of it.
    pub fn parse(text: String) -> Result<SuffixList, String> {
        let mut list = SuffixList { nodes: vec![Node::default()], text: String::new() };
        let mut in_list = false;
        for line in text.lines() {
            if line.contains("BEGIN ICANN DOMAINS") || line.contains("BEGIN PRIVATE DOMAINS") {
                in_list = true;
                continue;
            }
            if line.starts_with("//") || !in_list {
                continue;
            }
            let Some(rule) = line.split_whitespace().next() else { continue };
            list.append(rule)?;
            let ascii = idna::domain_to_ascii(rule).map_err(|_| format!("invalid rule {rule}"))?;
            list.append(&ascii)?;
        }
        if list.nodes[0].children.is_empty() {
            return Err("no rules in the list".to_owned());
        }
        list.text = text;
        Ok(list)
    }

    fn append(&mut self, rule: &str) -> Result<(), String> {
        let (rule, exception) = match rule.strip_prefix('!') {
            Some(r) if r.contains('.') => (r, true),
            Some(_) => return Err(format!("exception rule at the first label: {rule}")),
            None => (rule, false),
        };
        let mut at = 0usize;
        for label in rule.rsplit('.') {
            if label.is_empty() {
                return Err(format!("empty label in rule {rule}"));
            }
            let next = self.nodes.len() as u32;
            let child = *self.nodes[at].children.entry(label.as_bytes().into()).or_insert(next);
            if child == next {
                self.nodes.push(Node::default());
            }
            at = child as usize;
        }
        self.nodes[at].leaf = Some(exception);
        Ok(())
    }

    /// The PSL text this list was parsed from.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The public suffix of a lower-case A-label name without a trailing dot.
    pub fn suffix(&self, name: &[u8]) -> SuffixMatch {
        let mut labels = name.rsplit(|b| *b == b'.');
        let Some(first) = labels.next() else { return SuffixMatch { len: 0, known: false } };
        let mut m = SuffixMatch { len: first.len(), known: false };
        let mut node = match self.nodes[0].children.get(first) {
            Some(&i) => &self.nodes[i as usize],
            None => return m,
        };
        m.known = node.leaf.is_some();
        let mut so_far = m.len;
        for label in labels {
            let next = node.children.get(label).or_else(|| node.children.get(&b"*"[..]));
            let Some(&i) = next else { break };
            node = &self.nodes[i as usize];
            if let Some(exception) = node.leaf {
                m.known = true;
                if exception {
                    m.len = so_far;
                    break;
                }
                m.len = so_far + label.len() + 1;
            }
            so_far += label.len() + 1;
        }
        m
    }

    /// The registrable domain's length (its last bytes) and the suffix's, or None when the name
    /// is a suffix itself (or has nothing left of it but an empty label).
    pub fn domain(&self, name: &[u8]) -> Option<(usize, SuffixMatch)> {
        let s = self.suffix(name);
        if s.len == 0 || name.len() < s.len + 2 {
            return None;
        }
        let sub = &name[..name.len() - s.len - 1];
        let root = sub.rsplit(|b| *b == b'.').next()?;
        Some((root.len() + 1 + s.len, s))
    }
}
