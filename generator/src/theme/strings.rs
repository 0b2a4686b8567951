//! The theme's UI strings (`i18n/id.yaml`, `i18n/en.yaml`) and the tera function `t`.
//!
//! Each file is a flat map of dotted keys to text (`nav.home: Beranda`). Both files must
//! define the same keys. Texts may hold `{name}` placeholders, filled from the other
//! keyword arguments of `t(key="…", name=…)` or from [`Strings::fill`] in Rust.
//! The YAML itself is read by [`crate::content::yaml`], the one module that calls serde_yaml.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use tera::{Kwargs, State, TeraResult};
use winner_catalog::Lang;

use super::error::ThemeError;

/// UI strings for both languages.
#[derive(Debug, Clone, Default)]
pub struct Strings {
    id: BTreeMap<String, String>,
    en: BTreeMap<String, String>,
}

impl Strings {
    /// Reads `<dir>/id.yaml` and `<dir>/en.yaml`; an error names a key defined in one file
    /// but not the other.
    pub fn load(dir: &Path) -> Result<Strings, ThemeError> {
        let read = |lang: &str| -> Result<BTreeMap<String, String>, ThemeError> {
            let path = dir.join(format!("{lang}.yaml"));
            let text = std::fs::read_to_string(&path).map_err(|source| ThemeError::Io {
                path: path.clone(),
                source,
            })?;
            Self::parse(&text).map_err(|message| ThemeError::Strings { path, message })
        };
        let strings = Strings {
            id: read("id")?,
            en: read("en")?,
        };
        for (lang, mine, other) in [
            ("id", &strings.id, &strings.en),
            ("en", &strings.en, &strings.id),
        ] {
            if let Some(key) = other.keys().find(|k| !mine.contains_key(*k)) {
                return Err(ThemeError::Strings {
                    path: dir.join(format!("{lang}.yaml")),
                    message: format!("key `{key}` is missing (the other language defines it)"),
                });
            }
        }
        Ok(strings)
    }

    /// Parses one flat YAML map of strings.
    pub fn parse(text: &str) -> Result<BTreeMap<String, String>, String> {
        crate::content::yaml::flat_strings(text)
    }

    /// Builds strings from two maps (for tests).
    pub fn from_maps(id: BTreeMap<String, String>, en: BTreeMap<String, String>) -> Self {
        Strings { id, en }
    }

    /// Every key starting with `prefix`, with its text in both languages (for `catalog.json`).
    pub fn with_prefix(&self, prefix: &str) -> BTreeMap<String, winner_catalog::Localized> {
        self.id
            .iter()
            .filter(|(k, _)| k.starts_with(prefix))
            .filter_map(|(k, id)| {
                let en = self.en.get(k)?;
                Some((
                    k.clone(),
                    winner_catalog::Localized {
                        id: id.clone(),
                        en: en.clone(),
                    },
                ))
            })
            .collect()
    }

    /// The text of `key` in `lang`.
    pub fn get(&self, lang: Lang, key: &str) -> Result<&str, ThemeError> {
        let map = match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        };
        map.get(key)
            .map(String::as_str)
            .ok_or_else(|| ThemeError::MissingString {
                lang: lang.code(),
                key: key.to_owned(),
            })
    }

    /// The text of `key` in `lang` with `{name}` placeholders replaced.
    pub fn fill(&self, lang: Lang, key: &str, args: &[(&str, &str)]) -> Result<String, ThemeError> {
        let mut text = self.get(lang, key)?.to_owned();
        for (name, value) in args {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        Ok(text)
    }
}

/// The tera function `t(key="…", …)`: the UI string for the `lang` of the page being
/// rendered (a context variable, `id` or `en`), placeholders filled from the other arguments.
pub fn t_function(strings: Arc<Strings>) -> impl Fn(Kwargs, &State<'_>) -> TeraResult<String> {
    move |kwargs: Kwargs, state: &State<'_>| {
        let key: &str = kwargs.must_get("key")?;
        let code: String = state
            .get("lang")?
            .ok_or_else(|| tera::Error::message("t(): the context has no `lang`"))?;
        let lang = Lang::from_code(&code)
            .ok_or_else(|| tera::Error::message(format!("t(): unknown lang `{code}`")))?;
        let mut text = strings
            .get(lang, key)
            .map_err(|e| tera::Error::message(e.to_string()))?
            .to_owned();
        for (name, value) in kwargs.iter() {
            let Some(name) = name.as_str() else { continue };
            if name == "key" {
                continue;
            }
            let value = match value.as_str() {
                Some(s) => s.to_owned(),
                None => value.to_string(),
            };
            text = text.replace(&format!("{{{name}}}"), &value);
        }
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_and_missing_key() {
        let id = Strings::parse("a.b: Halo {name}\n").unwrap_or_default();
        let en = Strings::parse("a.b: Hello {name}\n").unwrap_or_default();
        let s = Strings::from_maps(id, en);
        assert_eq!(
            s.fill(Lang::En, "a.b", &[("name", "Banten")]).ok(),
            Some("Hello Banten".to_owned())
        );
        let err = s.get(Lang::Id, "nope").err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("missing UI string `nope` for language `id`")
        );
    }
}
