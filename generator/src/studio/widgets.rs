//! Small builders for the studio's form fields (Sveltia CMS field objects, the same shape as
//! Decap CMS's), so that `config` reads as a list of fields and not as JSON plumbing.
//!
//! Every builder takes the field's name (the key in the content file), its label and its help
//! text, both in Indonesian (the editors' language).

use serde_json::{Map, Value, json};

/// The one date format of the content files (`YYYY-MM-DD`, see `content::model`).
pub const DATE_FORMAT: &str = "YYYY-MM-DD";

/// A URL as `check` accepts it in sources.
pub const URL_PATTERN: &str = "^https?://\\S+$";

/// A slug as `check` accepts it: lowercase letters, digits and single hyphens.
pub const SLUG_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

fn base(widget: &str, name: &str, label: &str, hint: &str, required: bool) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("name".into(), json!(name));
    m.insert("label".into(), json!(label));
    m.insert("widget".into(), json!(widget));
    m.insert("required".into(), json!(required));
    if !hint.is_empty() {
        m.insert("hint".into(), json!(hint));
    }
    m
}

/// One line of text.
pub fn string(name: &str, label: &str, hint: &str, required: bool) -> Value {
    Value::Object(base("string", name, label, hint, required))
}

/// One line of text that must match `pattern` (`message` says what is expected).
pub fn pattern(
    name: &str,
    label: &str,
    hint: &str,
    required: bool,
    pattern: &str,
    message: &str,
) -> Value {
    let mut m = base("string", name, label, hint, required);
    m.insert("pattern".into(), json!([pattern, message]));
    Value::Object(m)
}

/// Plain text over several lines.
pub fn text(name: &str, label: &str, hint: &str, required: bool) -> Value {
    Value::Object(base("text", name, label, hint, required))
}

/// The Markdown body of a file.
pub fn body(hint: &str) -> Value {
    let mut m = base("markdown", "body", "Isi", hint, true);
    // Raw HTML is escaped by the generator; the editor offers only Markdown.
    m.insert("sanitize_preview".into(), json!(true));
    // Raw Markdown only: the rich-text editor's round trip rewrites untouched text (it
    // escaped `## ` headings as `\#\#` in our browser test), and the body must stay the
    // editor's own words, byte for byte, when only a front matter field changes.
    m.insert("modes".into(), json!(["raw"]));
    Value::Object(m)
}

/// A whole number between `min` and `max`.
pub fn integer(name: &str, label: &str, hint: &str, required: bool, min: u32, max: u32) -> Value {
    let mut m = base("number", name, label, hint, required);
    m.insert("value_type".into(), json!("int"));
    m.insert("min".into(), json!(min));
    m.insert("max".into(), json!(max));
    Value::Object(m)
}

/// A day, stored as `YYYY-MM-DD`.
pub fn date(name: &str, label: &str, hint: &str, required: bool) -> Value {
    let mut m = base("datetime", name, label, hint, required);
    m.insert("format".into(), json!(DATE_FORMAT));
    m.insert("time_format".into(), json!(false));
    m.insert("picker_utc".into(), json!(true));
    Value::Object(m)
}

/// A choice among `options` (value, label).
pub fn select(
    name: &str,
    label: &str,
    hint: &str,
    required: bool,
    multiple: bool,
    options: &[(String, String)],
) -> Value {
    let mut m = base("select", name, label, hint, required);
    let options: Vec<Value> = options
        .iter()
        .map(|(value, label)| json!({ "value": value, "label": label }))
        .collect();
    m.insert("options".into(), Value::Array(options));
    if multiple {
        m.insert("multiple".into(), json!(true));
    }
    Value::Object(m)
}

/// A list of short texts (one per line in the form).
pub fn strings(name: &str, label: &str, hint: &str, required: bool) -> Value {
    let mut m = base("list", name, label, hint, required);
    m.insert("field".into(), string("item", label, "", true));
    Value::Object(m)
}

/// A group of fields stored as a mapping.
pub fn object(name: &str, label: &str, hint: &str, required: bool, fields: Vec<Value>) -> Value {
    let mut m = base("object", name, label, hint, required);
    m.insert("fields".into(), Value::Array(fields));
    Value::Object(m)
}

/// A list of groups of fields.
pub fn list(name: &str, label: &str, hint: &str, required: bool, fields: Vec<Value>) -> Value {
    let mut m = base("list", name, label, hint, required);
    m.insert("fields".into(), Value::Array(fields));
    Value::Object(m)
}

/// Marks a field as translated: written in each language's file.
pub fn translated(mut field: Value) -> Value {
    if let Value::Object(m) = &mut field {
        m.insert("i18n".into(), json!(true));
    }
    field
}

/// Marks a field as required only in the given languages (and present only there when empty).
pub fn required_in(mut field: Value, langs: &[&str]) -> Value {
    if let Value::Object(m) = &mut field {
        m.insert("required".into(), json!(langs));
    }
    field
}
