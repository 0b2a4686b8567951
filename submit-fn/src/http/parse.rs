//! Request bodies into one raw [`Submission`]: `application/x-www-form-urlencoded` (a plain
//! HTML form) or `application/json` (a flat object of strings). Strict on purpose: invalid
//! UTF-8 (also inside percent escapes), a name given twice, a non-string JSON value, JSON that
//! is not an object, and more than [`MAX_FIELDS`] fields are refused, never repaired.
//! Error texts never quote the submitted values.

use axum::http::HeaderMap;
use axum::http::header::CONTENT_TYPE;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::validate::{MAX_FIELDS, Submission};

/// The two accepted body types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `application/x-www-form-urlencoded`.
    Form,
    /// `application/json`.
    Json,
}

/// Why a body could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Not UTF-8 (the body, or a percent-decoded name or value).
    #[error("the body is not valid UTF-8")]
    InvalidUtf8,
    /// JSON syntax error, or nesting beyond the parser's limit.
    #[error("malformed JSON at line {line}, column {column}")]
    MalformedJson {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The JSON body is not an object.
    #[error("the JSON body must be an object of strings")]
    NotAnObject,
    /// A JSON value that is not a string.
    #[error("the value of `{0}` must be a string")]
    NotAString(String),
    /// A name given twice.
    #[error("the field `{0}` is given more than once")]
    Duplicate(String),
    /// More than [`MAX_FIELDS`] fields.
    #[error("more than {MAX_FIELDS} fields")]
    TooManyFields,
    /// The body stream failed before it was complete.
    #[error("the body could not be read to its end")]
    Unreadable,
    /// The body did not arrive in full within the server's body read timeout.
    #[error("the body did not arrive in time")]
    TooSlow,
}

impl ParseError {
    /// A short, fixed label for logs (no submitted text, not even field names).
    pub fn kind(&self) -> &'static str {
        match self {
            ParseError::InvalidUtf8 => "invalid_utf8",
            ParseError::MalformedJson { .. } => "malformed_json",
            ParseError::NotAnObject => "not_an_object",
            ParseError::NotAString(_) => "not_a_string",
            ParseError::Duplicate(_) => "duplicate_field",
            ParseError::TooManyFields => "too_many_fields",
            ParseError::Unreadable => "unreadable",
            ParseError::TooSlow => "too_slow",
        }
    }
}

/// The body type from `Content-Type`; a `charset` other than UTF-8 is refused (`None`).
pub fn content_kind(headers: &HeaderMap) -> Option<Kind> {
    let value = headers.get(CONTENT_TYPE)?.to_str().ok()?;
    let mut parts = value.split(';');
    let kind = match parts.next()?.trim().to_ascii_lowercase().as_str() {
        "application/x-www-form-urlencoded" => Kind::Form,
        "application/json" => Kind::Json,
        _ => return None,
    };
    for param in parts {
        let (name, val) = param.split_once('=')?;
        if name.trim().eq_ignore_ascii_case("charset")
            && !val.trim().trim_matches('"').eq_ignore_ascii_case("utf-8")
        {
            return None;
        }
    }
    Some(kind)
}

/// Parses a body of the given kind.
pub fn parse(kind: Kind, body: &[u8]) -> Result<Submission, ParseError> {
    let text = std::str::from_utf8(body).map_err(|_| ParseError::InvalidUtf8)?;
    match kind {
        Kind::Form => parse_form(text),
        Kind::Json => parse_json(text),
    }
}

fn parse_form(text: &str) -> Result<Submission, ParseError> {
    let mut sub = Submission::default();
    for pair in text.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let name = decode_component(name)?;
        let value = decode_component(value)?;
        if sub.len() >= MAX_FIELDS {
            return Err(ParseError::TooManyFields);
        }
        if !sub.insert(name.clone(), value) {
            return Err(ParseError::Duplicate(shorten(&name)));
        }
    }
    Ok(sub)
}

fn decode_component(s: &str) -> Result<String, ParseError> {
    let plus = s.replace('+', " ");
    let bytes: Vec<u8> = percent_encoding::percent_decode_str(&plus).collect();
    String::from_utf8(bytes).map_err(|_| ParseError::InvalidUtf8)
}

fn shorten(name: &str) -> String {
    name.chars().take(64).collect()
}

fn parse_json(text: &str) -> Result<Submission, ParseError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let result = de
        .deserialize_any(TopVisitor)
        .and_then(|r| de.end().map(|()| r));
    match result {
        Ok(r) => r,
        Err(e) => Err(ParseError::MalformedJson {
            line: e.line(),
            column: e.column(),
        }),
    }
}

/// Top level: an object of strings; anything else is consumed and refused.
struct TopVisitor;

impl<'de> Visitor<'de> for TopVisitor {
    type Value = Result<Submission, ParseError>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut sub = Submission::default();
        let mut first_error = None;
        while let Some(name) = map.next_key::<String>()? {
            let value = map.next_value::<StringOrOther>()?;
            if first_error.is_some() {
                continue; // keep consuming so the syntax is still checked to the end
            }
            match value {
                StringOrOther::Str(_) if sub.len() >= MAX_FIELDS => {
                    first_error = Some(ParseError::TooManyFields);
                }
                StringOrOther::Str(v) => {
                    if !sub.insert(name.clone(), v) {
                        first_error = Some(ParseError::Duplicate(shorten(&name)));
                    }
                }
                StringOrOther::Other => first_error = Some(ParseError::NotAString(shorten(&name))),
            }
        }
        Ok(match first_error {
            Some(e) => Err(e),
            None => Ok(sub),
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Err(ParseError::NotAnObject))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Err(ParseError::NotAnObject))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Err(ParseError::NotAnObject))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Err(ParseError::NotAnObject))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Err(ParseError::NotAnObject))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Err(ParseError::NotAnObject))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Err(ParseError::NotAnObject))
    }
}

/// A field value: a string, or anything else (consumed, never quoted in errors).
enum StringOrOther {
    Str(String),
    Other,
}

impl<'de> serde::Deserialize<'de> for StringOrOther {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = StringOrOther;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(StringOrOther::Str(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(StringOrOther::Str(v))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(StringOrOther::Other)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(StringOrOther::Other)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(StringOrOther::Other)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(StringOrOther::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(StringOrOther::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(StringOrOther::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(StringOrOther::Other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(s: &str) -> Result<Submission, ParseError> {
        parse(Kind::Form, s.as_bytes())
    }

    fn json(s: &str) -> Result<Submission, ParseError> {
        parse(Kind::Json, s.as_bytes())
    }

    #[test]
    fn form_bodies_decode_strictly() {
        let sub = form("a=x+y%21&b=%E2%9C%93&c=&&d").expect("valid");
        assert_eq!(sub.get("a"), Some("x y!"));
        assert_eq!(sub.get("b"), Some("✓"));
        assert_eq!(sub.get("c"), Some(""));
        assert_eq!(sub.get("d"), Some(""));
        assert_eq!(form("a=%FF"), Err(ParseError::InvalidUtf8));
        assert_eq!(form("a=1&a=2"), Err(ParseError::Duplicate("a".into())));
        assert_eq!(parse(Kind::Form, b"a=\xff"), Err(ParseError::InvalidUtf8));
        let many: Vec<String> = (0..=MAX_FIELDS).map(|i| format!("f{i}=1")).collect();
        assert_eq!(form(&many.join("&")), Err(ParseError::TooManyFields));
    }

    #[test]
    fn json_bodies_are_flat_objects_of_strings() {
        let sub = json(r#"{"a":"1","b":"<script>"}"#).expect("valid");
        assert_eq!(sub.get("b"), Some("<script>"));
        assert_eq!(
            json(r#"{"a":"1","a":"2"}"#),
            Err(ParseError::Duplicate("a".into()))
        );
        assert_eq!(
            json(r#"{"a":"1","\u0061":"2"}"#),
            Err(ParseError::Duplicate("a".into()))
        );
        assert_eq!(
            json(r#"{"phone":6281234567}"#),
            Err(ParseError::NotAString("phone".into()))
        );
        assert_eq!(
            json(r#"{"a":{"b":"c"}}"#),
            Err(ParseError::NotAString("a".into()))
        );
        assert_eq!(json(r#"["a"]"#), Err(ParseError::NotAnObject));
        assert_eq!(json(r#""secret""#), Err(ParseError::NotAnObject));
        assert!(matches!(
            json(r#"{"a":"1""#),
            Err(ParseError::MalformedJson { .. })
        ));
        assert!(matches!(
            json(r#"{"a":"1"} x"#),
            Err(ParseError::MalformedJson { .. })
        ));
        assert!(matches!(
            json(r#"{"a":"\ud800"}"#),
            Err(ParseError::MalformedJson { .. })
        ));
        let deep = format!("{{\"a\":{}{}}}", "[".repeat(5000), "]".repeat(5000));
        // Nested values are skipped without recursion, then refused as not a string.
        assert_eq!(json(&deep), Err(ParseError::NotAString("a".into())));
        let deep_top = "[".repeat(100_000);
        assert!(matches!(
            json(&deep_top),
            Err(ParseError::MalformedJson { .. })
        ));
    }

    #[test]
    fn content_types_and_charsets() {
        let mut h = HeaderMap::new();
        assert_eq!(content_kind(&h), None);
        for (value, want) in [
            ("application/json", Some(Kind::Json)),
            ("application/json; charset=UTF-8", Some(Kind::Json)),
            ("Application/X-WWW-Form-Urlencoded", Some(Kind::Form)),
            (
                "application/x-www-form-urlencoded; charset=iso-8859-1",
                None,
            ),
            ("multipart/form-data; boundary=x", None),
            ("text/plain", None),
        ] {
            h.insert(CONTENT_TYPE, value.parse().expect("header"));
            assert_eq!(content_kind(&h), want, "{value}");
        }
    }
}
