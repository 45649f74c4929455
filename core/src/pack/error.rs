//! Why a pack was refused: where in the pack, and what is wrong there.
use std::fmt;

/// Why a pack was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackError {
    /// Where in the pack (`catalogue.codes[3].severity`, `provinces`, …).
    pub path: String,
    pub message: String,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid rule pack at {}: {}", self.path, self.message)
    }
}
impl std::error::Error for PackError {}
