//! Text helpers shared by the rules: comparing names the way a reviewer would.

/// A comparison key for names of people and organisations: full-width brackets and spaces are
/// folded (the bureaus compare names character by character but filers mix bracket widths),
/// ASCII is lower-cased.
pub fn name_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').map(|c| match c {
        '（' => '(',
        '）' => ')',
        '·' | '•' | '・' => '·',
        c => c.to_ascii_lowercase(),
    }));
    out
}

/// `s` lower-cased, borrowed when nothing changes (Chinese text has no case, and
/// `str::to_lowercase` costs a table lookup per character).
pub fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    let plain = |c: char| {
        if c.is_ascii() {
            !c.is_ascii_uppercase()
        } else {
            is_cjk(c) || {
                let mut l = c.to_lowercase();
                l.next() == Some(c) && l.next().is_none()
            }
        }
    };
    if s.chars().all(plain) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

/// Whether `s` contains a CJK ideograph.
pub fn has_cjk(s: &str) -> bool {
    s.chars().any(is_cjk)
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn lower_agrees_with_to_lowercase() {
        for s in ["", "云杉博客", "My Game 站", "ÄBC", "ǅ", "İstanbul", "ΣΑΣ", "不涉及金融"] {
            assert_eq!(lower(s), s.to_lowercase(), "{s}");
        }
    }
    #[test]
    fn folds_brackets_and_spaces() {
        assert_eq!(name_key("上海某某（集团） 有限公司"), name_key("上海某某(集团)有限公司"));
        assert_ne!(name_key("李明"), name_key("李鸣"));
    }
}
