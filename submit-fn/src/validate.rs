//! Validation: pure functions from (catalog, today, raw submission) to a [`Valid`] proposal or
//! the list of problems per field. No I/O; the date is an argument.
//!
//! Rules, all from `catalog.json` (`winner_catalog`):
//! - `province` and `issue` name an issue that takes proposals today ([`Catalog::target`]);
//! - every field of the form definition: required, type, length in characters, words, format;
//! - `lang`, `token`, `started_at` and the honeypot are the form's own fields (see
//!   `docs/catalog.md`); any other name is refused, names the server sets itself with a
//!   message of their own ([`SERVER_ATTRIBUTES`]);
//! - text is normalised: Unicode NFC (a name typed as `e` + combining accent and one typed
//!   with `é` are the same text), `\r\n` and lone `\r` become `\n`, surrounding white space
//!   and invisible characters trimmed; invisible characters (zero-width spaces and joiners,
//!   the word joiner, soft hyphens, Hangul fillers, variation selectors, tags, direction marks)
//!   count toward neither `required` nor `min_length`;
//!   control characters are refused except `\n` and `\t` in a textarea, and so are the Unicode
//!   bidirectional embedding, override and isolate controls and the line/paragraph separators.
//!   HTML is just text: it is stored as written and escaped wherever it is shown.

use std::collections::BTreeMap;

use time::Date;
use unicode_normalization::UnicodeNormalization;
use winner_catalog::{
    Catalog, Field, FieldKind, Lang, RESERVED_FIELD_NAMES, TargetError, is_email,
};

/// Names of attributes the function sets itself; a submission that carries one is refused.
pub const SERVER_ATTRIBUTES: [&str; 8] = [
    "reference",
    "status",
    "submitted_at",
    "consent_at",
    "privacy_notice_version",
    "answers",
    "pk",
    "expires_at",
];

/// Most fields a submission may carry (form fields plus the reserved ones, with room to spare).
pub const MAX_FIELDS: usize = 64;

/// A submission as received: field names and values, each name once, in arrival order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Submission {
    fields: BTreeMap<String, String>,
    order: Vec<String>,
}

impl Submission {
    /// Adds a field; returns `false` (and changes nothing) when the name is already present.
    pub fn insert(&mut self, name: String, value: String) -> bool {
        if self.fields.contains_key(&name) {
            return false;
        }
        self.order.push(name.clone());
        self.fields.insert(name, value);
        true
    }

    /// A field's value.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields.get(name).map(String::as_str)
    }

    /// Field names in arrival order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.order.iter().map(String::as_str)
    }

    /// Number of fields.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether there are no fields.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The submitter's language: `lang` when it is `id` or `en`, otherwise Indonesian.
    pub fn lang(&self) -> Lang {
        self.get("lang")
            .and_then(|l| Lang::from_code(l.trim()))
            .unwrap_or(Lang::Id)
    }
}

/// An accepted answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Text, normalised.
    Text(String),
    /// A whole number.
    Number(i64),
    /// A ticked checkbox.
    Ticked,
}

/// A proposal that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Valid {
    /// Province slug.
    pub province: String,
    /// Province Kemendagri code (for the reference).
    pub province_code: String,
    /// Issue slug.
    pub issue: String,
    /// Submitter's language.
    pub lang: Lang,
    /// Idempotency token from the form's script.
    pub token: Option<String>,
    /// Page load time in Unix milliseconds, from the form's script.
    pub started_at: Option<i64>,
    /// Non-empty answers in form order.
    pub answers: Vec<(String, Answer)>,
}

impl Valid {
    /// The author's address as submitted (the answer to the form's author email field).
    pub fn author_email(&self, form: &winner_catalog::FormDefinition) -> Option<&str> {
        let field = form.author_email_field()?;
        self.answers.iter().find_map(|(n, a)| match a {
            Answer::Text(t) if *n == field.name => Some(t.as_str()),
            _ => None,
        })
    }
}

/// What is wrong with one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Required and empty.
    Required,
    /// Fewer characters than `min_length`.
    TooShort(u32),
    /// More characters than `max_length`.
    TooLong(u32),
    /// More words than `max_words`.
    TooManyWords(u32),
    /// Control or bidirectional-override characters.
    ForbiddenCharacters,
    /// Not an email address.
    BadEmail,
    /// Not a phone number.
    BadPhone,
    /// Not an `http(s)://` address.
    BadUrl,
    /// Not a whole number.
    NotANumber,
    /// Outside `min..=max`.
    OutOfRange(Option<i64>, Option<i64>),
    /// Not one of the options.
    NotAnOption,
    /// A checkbox value other than `yes`.
    BadCheckbox,
    /// Required checkbox not ticked.
    NotTicked,
    /// No such province.
    UnknownProvince,
    /// No such issue in the province.
    UnknownIssue,
    /// Issue not validated yet.
    NotValidated,
    /// Province takes no proposals.
    NotAccepting,
    /// Window opens later.
    NotYetOpen(Date),
    /// Window closed.
    Closed(Date),
    /// Not a field of this form.
    UnknownField,
    /// A name the server sets itself.
    ReservedField,
    /// Malformed idempotency token.
    BadToken,
    /// Malformed `started_at`.
    BadStartedAt,
    /// Sent faster than the minimum fill time (seconds).
    TooFast(u32),
}

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field name as submitted (shortened to 64 characters for unknown names).
    pub name: String,
    /// What is wrong.
    pub problem: Problem,
}

/// Every problem of a submission, in the order of the form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    fn push(&mut self, name: &str, problem: Problem) {
        self.0.push(FieldError {
            name: name.chars().take(64).collect(),
            problem,
        });
    }
}

/// Validates `sub` against the catalog and its form on `today`.
pub fn validate(catalog: &Catalog, today: Date, sub: &Submission) -> Result<Valid, FieldErrors> {
    let form = &catalog.form;
    let mut errors = FieldErrors::default();

    let province = sub.get("province").map(str::trim).unwrap_or("");
    let issue = sub.get("issue").map(str::trim).unwrap_or("");
    let mut target = None;
    if province.is_empty() {
        errors.push("province", Problem::Required);
    }
    if issue.is_empty() {
        errors.push("issue", Problem::Required);
    }
    if !province.is_empty() && !issue.is_empty() {
        match catalog.target(province, issue, today) {
            Ok((p, i)) => target = Some((p.slug.clone(), p.code.clone(), i.slug.clone())),
            Err(e) => {
                let (name, problem) = match e {
                    TargetError::UnknownProvince(_) => ("province", Problem::UnknownProvince),
                    TargetError::UnknownIssue { .. } => ("issue", Problem::UnknownIssue),
                    TargetError::NotValidated(_) => ("issue", Problem::NotValidated),
                    TargetError::NotAccepting(_) => ("province", Problem::NotAccepting),
                    TargetError::NotYetOpen(d) => ("province", Problem::NotYetOpen(d)),
                    TargetError::OpeningUnknown(_) => ("province", Problem::NotAccepting),
                    TargetError::Closed(d) => ("province", Problem::Closed(d)),
                };
                errors.push(name, problem);
            }
        }
    }

    let mut answers = Vec::new();
    for field in &form.fields {
        match check_field(field, sub.get(&field.name)) {
            Ok(Some(answer)) => answers.push((field.name.clone(), answer)),
            Ok(None) => {}
            Err(problem) => errors.push(&field.name, problem),
        }
    }

    let token = match sub.get("token").map(str::trim).filter(|t| !t.is_empty()) {
        None => None,
        Some(t) if is_token(t) => Some(t.to_owned()),
        Some(_) => {
            errors.push("token", Problem::BadToken);
            None
        }
    };
    let started_at = match sub
        .get("started_at")
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        None => None,
        Some(t) => match t.parse::<i64>() {
            Ok(ms) if t.len() <= 16 && ms > 0 => Some(ms),
            _ => {
                errors.push("started_at", Problem::BadStartedAt);
                None
            }
        },
    };

    for name in sub.names() {
        let known = RESERVED_FIELD_NAMES.contains(&name)
            || name == form.honeypot
            || form.field(name).is_some();
        if known {
            continue;
        }
        let problem = if SERVER_ATTRIBUTES.contains(&name) {
            Problem::ReservedField
        } else {
            Problem::UnknownField
        };
        errors.push(name, problem);
    }

    match target {
        Some((province, province_code, issue)) if errors.0.is_empty() => Ok(Valid {
            province,
            province_code,
            issue,
            lang: sub.lang(),
            token,
            started_at,
            answers,
        }),
        _ => Err(errors),
    }
}

/// Checks one answer; `Ok(None)` for an optional field left empty.
pub fn check_field(field: &Field, raw: Option<&str>) -> Result<Option<Answer>, Problem> {
    let raw = raw.unwrap_or("");
    if field.kind == FieldKind::Checkbox {
        return match raw.trim() {
            "" if field.required => Err(Problem::NotTicked),
            "" => Ok(None),
            "yes" => Ok(Some(Answer::Ticked)),
            _ => Err(Problem::BadCheckbox),
        };
    }
    let text = normalise(raw);
    if !text.chars().any(|c| !c.is_whitespace() && !invisible(c)) {
        return if field.required {
            Err(Problem::Required)
        } else {
            Ok(None)
        };
    }
    let multiline = field.kind == FieldKind::Textarea;
    if text.chars().any(|c| forbidden_char(c, multiline)) {
        return Err(Problem::ForbiddenCharacters);
    }
    let chars = text.chars().count();
    if let Some(max) = field.max_length
        && chars > max as usize
    {
        return Err(Problem::TooLong(max));
    }
    let visible = text.chars().filter(|c| !invisible(*c)).count();
    if let Some(min) = field.min_length
        && visible < min as usize
    {
        return Err(Problem::TooShort(min));
    }
    if let Some(max) = field.max_words
        && text.split_whitespace().count() > max as usize
    {
        return Err(Problem::TooManyWords(max));
    }
    match field.kind {
        FieldKind::Email if !is_email(&text) => Err(Problem::BadEmail),
        FieldKind::Tel if !is_phone(&text) => Err(Problem::BadPhone),
        FieldKind::Url if !is_url(&text) => Err(Problem::BadUrl),
        FieldKind::Number => {
            let n: i64 = text.parse().map_err(|_| Problem::NotANumber)?;
            let below = field.min.is_some_and(|m| n < m);
            let above = field.max.is_some_and(|m| n > m);
            if below || above {
                Err(Problem::OutOfRange(field.min, field.max))
            } else {
                Ok(Some(Answer::Number(n)))
            }
        }
        FieldKind::Select if !field.options.iter().any(|o| o.value == text) => {
            Err(Problem::NotAnOption)
        }
        _ => Ok(Some(Answer::Text(text))),
    }
}

/// NFC; `\r\n` and lone `\r` become `\n`; surrounding white space and invisible characters go.
pub fn normalise(raw: &str) -> String {
    let nfc: String = raw.nfc().collect();
    nfc.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim_matches(|c: char| c.is_whitespace() || invisible(c))
        .to_owned()
}

/// Characters that show nothing: they may stay inside text (some scripts and emoji need the
/// joiners) but never make an answer or its length.
pub fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}'
        | '\u{206A}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{E0000}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}')
}

/// Control characters (except `\n`, `\t` in multi-line text), bidi controls, line separators.
fn forbidden_char(c: char, multiline: bool) -> bool {
    if multiline && (c == '\n' || c == '\t') {
        return false;
    }
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

/// A client token: 8 to 128 of `A-Z a-z 0-9 - _` (a UUID fits).
pub fn is_token(t: &str) -> bool {
    (8..=128).contains(&t.len())
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A phone number as people write it: digits with spaces, dots, hyphens or brackets,
/// an optional leading `+`, and 7 to 15 digits in all (E.164 has at most 15).
pub fn is_phone(s: &str) -> bool {
    let body = s.strip_prefix('+').unwrap_or(s);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    (7..=15).contains(&digits)
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'))
}

/// `http://` or `https://`, a dotted host (letters, digits, hyphens, any script), an optional
/// port, then anything without white space. No user info (`user@host` hides the real host).
pub fn is_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &s[8..]
    } else if lower.starts_with("http://") {
        &s[7..]
    } else {
        return false;
    };
    if s.chars().any(char::is_whitespace) {
        return false;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return false;
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()));
    let labels: Vec<&str> = host.split('.').collect();
    port_ok
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
