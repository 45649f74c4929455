//! Province rules no field of an application can show: kept for the rules reference and the
//! report's notes.
pub mod note;
