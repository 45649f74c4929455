//! What the rules about people share: who is the same person, numbers in comparable form, and
//! the one way of saying a legal-representative fact is missing.
use crate::codes::RESPONSIBLE_NOT_LEGAL_REPRESENTATIVE;
use crate::ids;
use crate::input::model::Person;
use crate::report::sink::Sink;
use crate::rules::site::Place;
use crate::text::name_key;

/// The same person: by ID number where both have one, else by name.
pub(crate) fn same_person(a: &Person, b: &Person) -> bool {
    match (a.id_number.as_deref(), b.id_number.as_deref()) {
        (Some(x), Some(y)) => x.trim().eq_ignore_ascii_case(y.trim()),
        _ => a.name.is_value() && a.name.as_deref().map(name_key) == b.name.as_deref().map(name_key),
    }
}

/// A number in the form two numbers are compared in: the normalised 11 digits of a mobile, or
/// the trimmed text of anything else (an invalid number is reported once, elsewhere).
pub(crate) fn comparable_mobile(m: &str) -> String {
    ids::normalise_mobile(m).unwrap_or_else(|_| m.trim().to_owned())
}

/// A province rule needs to know whether the subject owner is the legal representative, and
/// the application does not say.
pub(crate) fn legal_rep_unknown(prov: &Place, sink: &mut Sink) {
    sink.fact_missing(
        "subject.responsible_person.is_legal_representative",
        RESPONSIBLE_NOT_LEGAL_REPRESENTATIVE,
        format!("主体负责人是否为法定代表人（{}的规则需要）", prov.zh),
        format!("whether the subject owner is the legal representative ({} rules need it)", prov.en),
    )
}
