//! The proposal form's definition: one list of fields and limits that the generator renders
//! into HTML attributes and that submit-fn enforces. There is no second copy of any limit.

use serde::{Deserialize, Serialize};

use crate::Localized;

/// Field names the form may not define, because the page or the function own them:
/// the target (`province`, `issue`), the language, the idempotency token and the fill-time stamp.
/// The honeypot's name is reserved too (see [`FormDefinition::honeypot`]).
pub const RESERVED_FIELD_NAMES: [&str; 5] = ["province", "issue", "lang", "token", "started_at"];

/// The proposal form (`content/form.yaml`, copied into `catalog.json`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormDefinition {
    /// Version of the privacy notice that the consent field refers to, e.g. `"2023-06-01"`.
    pub privacy_notice_version: String,
    /// A submission completed faster than this many seconds after the page loaded is refused.
    pub min_fill_seconds: u32,
    /// Name of the honeypot field: hidden from people, filled by bots.
    pub honeypot: String,
    /// The questions, in display order.
    pub fields: Vec<Field>,
}

/// One question of the form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// The form field's `name`, lowercase ASCII letters, digits and `_`.
    pub name: String,
    /// Input kind.
    #[serde(rename = "type")]
    pub kind: FieldKind,
    /// Whether an answer is required (for a checkbox: it must be ticked).
    #[serde(default)]
    pub required: bool,
    /// The label.
    pub label: Localized,
    /// A hint shown under the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Localized>,
    /// Shortest accepted answer, in characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
    /// Longest accepted answer, in characters (Unicode scalar values). Required for text kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    /// Most words accepted (textarea only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_words: Option<u32>,
    /// Smallest number accepted (number only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    /// Largest number accepted (number only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    /// Choices (select only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// The browser's `autocomplete` token, e.g. `email`, `tel`, `name`, `organization`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autocomplete: Option<String>,
    /// Whether this answer is personal data (name, email, phone): never logged, never published.
    #[serde(default)]
    pub personal: bool,
}

/// Kinds of input the form and the function both understand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Several lines of text.
    Textarea,
    /// An email address.
    Email,
    /// A phone number.
    Tel,
    /// An `https://` or `http://` URL.
    Url,
    /// A whole number.
    Number,
    /// One of [`Field::options`].
    Select,
    /// A tick box; the submitted value is `yes`.
    Checkbox,
}

impl FieldKind {
    /// Whether answers are free text with a length limit.
    pub fn is_text(self) -> bool {
        matches!(
            self,
            FieldKind::Text
                | FieldKind::Textarea
                | FieldKind::Email
                | FieldKind::Tel
                | FieldKind::Url
        )
    }
}

/// One choice of a select field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// The submitted value.
    pub value: String,
    /// What people see.
    pub label: Localized,
}

/// A form definition that the function could not enforce.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("field `{field}`: {message}")]
pub struct FormProblem {
    /// The field's name (or `form` for form-wide problems).
    pub field: String,
    /// Index of the field in [`FormDefinition::fields`], for locating it in the source.
    pub index: Option<usize>,
    /// What is wrong, in plain words.
    pub message: String,
}

/// Upper bound on any text answer: keeps a proposal well inside DynamoDB's 400 KB item limit
/// and the function's 64 KiB body limit.
pub const MAX_TEXT_LENGTH: u32 = 10_000;

impl FormDefinition {
    /// A field by name.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The field whose answer is the author's address: the form's first email field. Receipts,
    /// corrections, status messages and lost links all go there.
    pub fn author_email_field(&self) -> Option<&Field> {
        self.fields.iter().find(|f| f.kind == FieldKind::Email)
    }

    /// Every reason this definition could not be enforced by the function; empty when it can.
    pub fn problems(&self) -> Vec<FormProblem> {
        let mut out = Vec::new();
        let mut push = |field: &str, index: Option<usize>, message: String| {
            out.push(FormProblem {
                field: field.to_owned(),
                index,
                message,
            })
        };
        if !is_field_name(&self.honeypot) || RESERVED_FIELD_NAMES.contains(&self.honeypot.as_str())
        {
            push(
                "form",
                None,
                format!(
                    "honeypot `{}` must be a plain name (a-z, 0-9, _) and not a reserved one",
                    self.honeypot
                ),
            );
        }
        if self.min_fill_seconds > 600 {
            push(
                "form",
                None,
                "min_fill_seconds above 600 would refuse honest people".into(),
            );
        }
        let text_budget: u64 = self
            .fields
            .iter()
            .filter_map(|f| f.max_length)
            .map(u64::from)
            .sum();
        // Worst case UTF-8 (4 bytes a character) must fit the function's 64 KiB body limit
        // after percent-encoding of ASCII; we keep the characters themselves under 48 K.
        if text_budget > 48_000 {
            push(
                "form",
                None,
                format!(
                    "the max_length values add up to {text_budget} characters; keep the total under 48000 so a full form fits the 64 KiB request limit"
                ),
            );
        }
        for (i, f) in self.fields.iter().enumerate() {
            let at = Some(i);
            if !is_field_name(&f.name) {
                push(
                    &f.name,
                    at,
                    "name must use only a-z, 0-9 and _, starting with a letter".into(),
                );
            }
            if RESERVED_FIELD_NAMES.contains(&f.name.as_str()) || f.name == self.honeypot {
                push(
                    &f.name,
                    at,
                    "this name is reserved for the form itself".into(),
                );
            }
            if self.fields[..i].iter().any(|g| g.name == f.name) {
                push(&f.name, at, "duplicate field name".into());
            }
            if f.kind.is_text() {
                match f.max_length {
                    None => push(&f.name, at, "text fields need max_length".into()),
                    Some(0) => push(&f.name, at, "max_length must be at least 1".into()),
                    Some(m) if m > MAX_TEXT_LENGTH => push(
                        &f.name,
                        at,
                        format!("max_length {m} is above the limit of {MAX_TEXT_LENGTH}"),
                    ),
                    Some(_) => {}
                }
                if let (Some(min), Some(max)) = (f.min_length, f.max_length)
                    && min > max
                {
                    push(
                        &f.name,
                        at,
                        format!("min_length {min} is above max_length {max}"),
                    );
                }
            } else if f.min_length.is_some() || f.max_length.is_some() {
                push(
                    &f.name,
                    at,
                    "min_length/max_length apply only to text fields".into(),
                );
            }
            if f.max_words.is_some() && f.kind != FieldKind::Textarea {
                push(
                    &f.name,
                    at,
                    "max_words applies only to textarea fields".into(),
                );
            }
            if (f.min.is_some() || f.max.is_some()) && f.kind != FieldKind::Number {
                push(&f.name, at, "min/max apply only to number fields".into());
            }
            if let (Some(min), Some(max)) = (f.min, f.max)
                && min > max
            {
                push(&f.name, at, format!("min {min} is above max {max}"));
            }
            match f.kind {
                FieldKind::Select if f.options.is_empty() => {
                    push(&f.name, at, "a select field needs options".into())
                }
                FieldKind::Select => {
                    for (j, c) in f.options.iter().enumerate() {
                        if c.value.is_empty() || c.value.len() > 100 {
                            push(
                                &f.name,
                                at,
                                format!("option {} needs a value of 1 to 100 bytes", j + 1),
                            );
                        }
                        if f.options[..j].iter().any(|d| d.value == c.value) {
                            push(&f.name, at, format!("duplicate option value `{}`", c.value));
                        }
                    }
                }
                _ if !f.options.is_empty() => {
                    push(&f.name, at, "options apply only to select fields".into())
                }
                _ => {}
            }
        }
        if !self
            .fields
            .iter()
            .any(|f| f.kind == FieldKind::Checkbox && f.required && f.name == "consent")
        {
            push(
                "consent",
                None,
                "the form needs a required checkbox named `consent` (privacy notice)".into(),
            );
        }
        out
    }
}

fn is_field_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && s.len() <= 40
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}
