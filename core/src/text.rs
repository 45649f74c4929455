//! Text helpers shared by the rules: comparing names the way a reviewer would.

/// A comparison key for names of people and organisations: full-width brackets and spaces are
/// folded (the bureaus compare names character by character but filers mix bracket widths),
/// ASCII is lower-cased.
pub fn name_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '·' | '•' | '・' => '·',
            c => c.to_ascii_lowercase(),
        })
        .collect()
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
    fn folds_brackets_and_spaces() {
        assert_eq!(name_key("上海某某（集团） 有限公司"), name_key("上海某某(集团)有限公司"));
        assert_ne!(name_key("李明"), name_key("李鸣"));
    }
}
