//! Every sentence an editor can see, from one Project Fluent catalogue per language:
//! `generator/messages/id.ftl` (the default) and `generator/messages/en.ftl`.
//!
//! Problems in the content have a stable short code (`K0101`, listed in [`codes`]): the code
//! is the Fluent message id, its value is the one-line message, `.hint` says what to do and
//! `.explain` is the longer text `generator explain K0101` prints, with a wrong and a right
//! example. Other texts (summaries, `new`'s next steps, `serve`'s overlay) have descriptive
//! ids. Code asks for a text by id with its arguments ([`text`], [`Msg`]) and never assembles
//! a sentence itself, so the guide's message table, the tool and the translations cannot
//! drift apart (tests walk the catalogue).

pub mod codes;

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
pub use winner_catalog::Lang;

/// The Indonesian catalogue (the default language).
pub const ID_FTL: &str = include_str!("../../messages/id.ftl");
/// The English catalogue.
pub const EN_FTL: &str = include_str!("../../messages/en.ftl");

/// The environment variable that picks the language when `--lang` is not given.
pub const LANG_ENV: &str = "WINNER_LANG";

/// The value of one argument of a message.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    /// Text, shown as written.
    Text(String),
    /// A count (Fluent picks the plural form by it).
    Number(i64),
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Number(i64::from(n))
    }
}
impl From<u8> for Arg {
    fn from(n: u8) -> Arg {
        Arg::Number(i64::from(n))
    }
}

/// A message of the catalogue with its arguments, rendered in a language only when shown.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Msg {
    /// The catalogue id (for problems, the code, e.g. `K0101`).
    pub id: &'static str,
    /// Named arguments, in the order given.
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    /// The message `id` without arguments yet.
    pub fn new(id: &'static str) -> Msg {
        Msg {
            id,
            args: Vec::new(),
        }
    }

    /// Adds the argument `name`.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Msg {
        self.args.push((name, value.into()));
        self
    }

    /// The argument `name`, if given.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// The message itself in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        format(lang, self.id, None, &self.args)
    }

    /// An attribute of the message (`hint`, `explain`, `title`) in `lang`; empty if absent.
    pub fn attr(&self, lang: Lang, attr: &str) -> String {
        format(lang, self.id, Some(attr), &self.args)
    }
}

/// The text `id` in `lang` with `args`.
pub fn text(lang: Lang, id: &'static str, args: &[(&'static str, Arg)]) -> String {
    format(lang, id, None, args)
}

/// Whether the catalogue of `lang` has the message `id` (with a value, or only attributes).
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// Whether message `id` of `lang` has the attribute `attr`.
pub fn has_attr(lang: Lang, id: &str, attr: &str) -> bool {
    bundle(lang)
        .get_message(id)
        .is_some_and(|m| m.get_attribute(attr).is_some())
}

/// The language chosen by `--lang`, else by `WINNER_LANG` (`id` or `en`), else Indonesian.
pub fn choose(flag: Option<Lang>) -> Lang {
    flag.or_else(|| {
        std::env::var(LANG_ENV)
            .ok()
            .and_then(|v| Lang::from_code(v.trim().get(..2).unwrap_or("")))
    })
    .unwrap_or(Lang::Id)
}

/// `generator explain CODE`: the title, the explanation with its examples, and the short
/// message's hint; `None` for a code the catalogue does not have.
pub fn explain(lang: Lang, code: &str) -> Option<String> {
    let code = codes::ALL.iter().find(|c| c.eq_ignore_ascii_case(code))?;
    let title = format(lang, code, Some("title"), &[]);
    let body = format(lang, code, Some("explain"), &[]);
    Some(format!("{code}: {title}\n\n{body}\n"))
}

fn format(lang: Lang, id: &str, attr: Option<&str>, args: &[(&'static str, Arg)]) -> String {
    let bundle = bundle(lang);
    let Some(message) = bundle.get_message(id) else {
        return format!("[{id}]");
    };
    let pattern = match attr {
        None => message.value(),
        Some(a) => message.get_attribute(a).map(|a| a.value()),
    };
    let Some(pattern) = pattern else {
        return String::new();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(t) => fluent_args.set(*name, FluentValue::from(t.as_str())),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static ID: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static EN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    match lang {
        Lang::Id => ID.get_or_init(|| make(ID_FTL, "id")),
        Lang::En => EN.get_or_init(|| make(EN_FTL, "en")),
    }
}

/// A bundle of `source`; parse errors are caught by the catalogue tests, and the entries that
/// did parse are used.
fn make(source: &str, locale: &str) -> FluentBundle<FluentResource> {
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let langid: unic_langid::LanguageIdentifier = locale.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    let _ = bundle.add_resource(resource);
    bundle
}

/// The parse errors of the catalogue of `lang` (empty when it is well formed).
pub fn parse_errors(lang: Lang) -> Vec<String> {
    let source = match lang {
        Lang::Id => ID_FTL,
        Lang::En => EN_FTL,
    };
    match FluentResource::try_new(source.to_owned()) {
        Ok(_) => Vec::new(),
        Err((_, errors)) => errors.iter().map(|e| format!("{e:?}")).collect(),
    }
}

/// The closest of `candidates` to `word` by edit distance, when close enough to be a likely
/// misspelling (for "did you mean `topic`?").
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).clamp(1, 3);
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_words() {
        assert_eq!(closest("topc", ["title", "topic", "status"]), Some("topic"));
        assert_eq!(closest("titel", ["title", "topic"]), Some("title"));
        assert_eq!(closest("xyz", ["title", "topic"]), None);
    }

    #[test]
    fn language_choice() {
        assert_eq!(choose(Some(Lang::En)), Lang::En);
    }
}
