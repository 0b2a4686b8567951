//! The words of the index, per language, for the search page's "did you mean": Pagefind
//! matches whole words and prefixes only, so a typo ("stuntng") finds nothing. The search
//! page then fetches `pagefind/words.<lang>.json` (the site's own words, most widespread
//! first) and proposes the closest one (`themes/default/static/search.js`).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use winner_catalog::Lang;

use super::records::Record;

/// At most this many words per language (about 100 KB before compression).
const MAX_WORDS: usize = 10_000;

/// The output path of a language's word list.
pub(super) fn path(lang: Lang) -> String {
    format!("pagefind/words.{}.json", lang.code())
}

/// The word list of `lang`: every word of three to 24 letters in its records, by the number
/// of pages that have it (then alphabetically), as a JSON array.
pub(super) fn list(records: &[Record], lang: Lang) -> Vec<u8> {
    let counts = records
        .par_iter()
        .filter(|r| r.lang == lang)
        .fold(HashMap::<String, u32>::new, |mut counts, r| {
            let mut seen: HashSet<Cow<'_, str>> = HashSet::new();
            for chunk in r.text.split_whitespace() {
                if chunk.starts_with("___") {
                    continue; // a weight marker
                }
                for w in chunk.split(|c: char| !c.is_alphabetic()) {
                    if !(3..=24).contains(&w.chars().count()) {
                        continue;
                    }
                    if w.chars().any(char::is_uppercase) {
                        seen.insert(Cow::Owned(w.to_lowercase()));
                    } else {
                        seen.insert(Cow::Borrowed(w));
                    }
                }
            }
            for w in seen {
                match counts.get_mut(&*w) {
                    Some(n) => *n += 1,
                    None => {
                        counts.insert(w.into_owned(), 1);
                    }
                }
            }
            counts
        })
        .reduce(HashMap::new, |mut a, b| {
            for (w, n) in b {
                *a.entry(w).or_default() += n;
            }
            a
        });
    let mut words: Vec<(String, u32)> = counts.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    words.truncate(MAX_WORDS);
    let words: Vec<String> = words.into_iter().map(|(w, _)| w).collect();
    serde_json::to_vec(&words).unwrap_or_default()
}
