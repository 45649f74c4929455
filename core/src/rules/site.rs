//! The places in the rule families where province rows are asked what they decide: each
//! family builds a [`Site`] with what it knows there and hands it to every applicable row
//! ([`crate::rules::registry::ask`]); each kind's file says what it does at the sites it cares about and ignores the
//! others. Sites carry plain facts (no pack, no family types), so that the kinds, which the
//! pack loads, depend on nothing that depends on the pack.
//!
//! `'s` borrows what the family holds at that point; `'r` is the pack's lifetime, for what a
//! row hands back (its parameters and its source) through the `&mut` slots.
use crate::input::model::{Fact, Person, Subject, Website};
use crate::pack::materials::MaterialRow;
use crate::pack::scope::Holder;
use chrono::{NaiveDate, NaiveDateTime};

pub(crate) enum Site<'s, 'r> {
    // domain/: a website's domain name, its expiry, its holder.
    DomainName(&'s DomainName<'s>),
    DomainExpiry {
        expires_at: NaiveDateTime,
        as_of: NaiveDate,
        path: &'s str,
        province: &'s Place<'s>,
    },
    /// Whether the province accepts only the organisation itself as the holder (the source).
    DomainHolderOnlySubject {
        source: &'s mut Option<&'r str>,
    },

    // subject/: the subject, certificates, people, owners, contact numbers.
    /// The subject as given, once per check (rows about its own fields: name, address …).
    Subject {
        province: &'s Place<'s>,
        subject: &'s Subject,
    },
    /// The province's validity margin for the holder's certificate, if it sets one.
    CertificateMargin {
        holder: Holder,
        margin: &'s mut Option<(u32, &'r str)>,
    },
    /// The certificate types the province accepts for the holder and subject kind, if it lists them.
    CertificateTypes {
        holder: Holder,
        subject_kind: &'s str,
        accepted: &'s mut Option<(&'r [String], &'r str)>,
    },
    /// A person with a valid resident ID, and their age on the evaluation date.
    ResidentAge {
        role: &'s Role<'s>,
        age: u32,
        as_of: NaiveDate,
        province: &'s Place<'s>,
    },
    /// A responsible person whose ID number reads as a resident ID: its sex and their age.
    ResponsibleId {
        role: &'s Role<'s>,
        male: bool,
        age: u32,
        as_of: NaiveDate,
        province: &'s Place<'s>,
    },
    /// A personal filer whose resident ID was issued in another province (`home`);
    /// `permit_here`: the residence permit they give (if any) is this province's.
    NonLocal {
        province: &'s Place<'s>,
        subject: &'s Subject,
        home_zh: &'s str,
        home_en: &'s str,
        permit_here: bool,
        as_of: NaiveDate,
    },
    /// An organisation's subject owner (if given) and its websites.
    Owners {
        province: &'s Place<'s>,
        owner: Option<&'s Person>,
        subject_kind: Option<&'s str>,
        filing_type: Option<&'s str>,
        websites: &'s [Website],
    },
    /// The people with their numbers, the subject owner first when given.
    Contacts {
        province: &'s Place<'s>,
        people: &'s [Role<'s>],
    },

    // website/: the order, names, services, pre-approval keywords, remarks.
    /// The order: `count` websites, the national limit, and the websites the subject has filed
    /// already (`subject.websites_filed`).
    Order {
        filing_type: Option<&'s str>,
        province: &'s Place<'s>,
        personal: bool,
        count: u32,
        national: u32,
        scope_zh: &'s str,
        scope_en: &'s str,
        websites_filed: Fact<u64>,
    },
    /// `significant`: the name's characters without spaces and allowed symbols.
    WebsiteName {
        index: usize,
        name: &'s str,
        significant: &'s [char],
        subject_kind: Option<&'s str>,
    },
    /// The service at `service_content[position]` of `websites[website]`.
    Service {
        province: &'s Place<'s>,
        website: usize,
        service: &'s str,
        position: usize,
        subject_zh: &'s str,
        subject_en: &'s str,
    },
    /// For one pre-approval category: whether row `row` (its index in the province's rules) hit
    /// one of the texts (`hits[text][row]`, texts named by `fields`: a field of
    /// `websites[website]`, or a whole path such as `subject.name`) or the domain's label; the
    /// first hit is kept.
    Keywords {
        category: &'s str,
        row: usize,
        website: usize,
        fields: &'s [&'s str],
        hits: &'s [Vec<bool>],
        domain_label: Option<&'s str>,
        hit: &'s mut Option<(String, &'r str)>,
    },
    /// `websites[index]`'s remarks (`text`: trimmed, empty for none).
    Remarks {
        province: &'s Place<'s>,
        index: usize,
        website: &'s Website,
        text: &'s str,
        subject_kind: Option<&'s str>,
        unknown_reported: &'s mut bool,
    },

    // materials/: the checklist, uploads.
    /// The province's checklist rows for the case (`holds`), in order.
    Checklist {
        holds: &'s dyn Fn(&MaterialRow) -> bool,
        rows: &'s mut Vec<&'r MaterialRow>,
    },
    /// Whether an uploaded kind satisfies the checklist code.
    SatisfiedBy {
        code: &'s str,
        kind: &'s str,
        satisfied: &'s mut bool,
    },
    /// The province's age limit for an upload (`is_material`: whether it is of a checklist
    /// code), if it sets one.
    DocumentAge {
        is_material: &'s dyn Fn(&str) -> bool,
        limit: &'s mut Option<(u32, &'r str)>,
    },
}

/// A province as messages name it.
pub(crate) struct Place<'s> {
    pub zh: &'s str,
    pub en: &'s str,
}

/// A website's parsed domain name, for the name rows.
pub(crate) struct DomainName<'s> {
    pub tld: &'s str,
    /// The registrable label (A-label form).
    pub label: &'s str,
    pub tld_approved: bool,
    pub subject_kind: Option<&'s str>,
    pub province: &'s Place<'s>,
    pub path: &'s str,
    /// A-label to Unicode, for messages and word matching.
    pub to_unicode: fn(&str) -> String,
}

/// A person with a role, for messages.
pub(crate) struct Role<'a> {
    pub path: String,
    pub zh: &'static str,
    pub en: &'static str,
    pub person: &'a Person,
}
