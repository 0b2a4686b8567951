//! What the search index holds for each page: one record per page and language, with the
//! page's full text (title, summary and Markdown body), its province and topic, and the
//! words people type for what the page says (`search.yaml`).
//!
//! A record's text marks its parts with Pagefind's weight markers, the way Pagefind weighs
//! an HTML page's headings: the title counts 7 times a body word, the province, topic and
//! synonyms 3 times (see `third_party/pagefind/src/fossick/mod.rs`, `parse_digest`). Words
//! of the content that look like such markers are disarmed first.

use std::collections::{BTreeMap, HashSet};

use winner_catalog::Lang;

use super::super::context::Env;
use super::super::error::RenderError;
use super::super::jobs::Spec;
use crate::content::model::Synonym;
use crate::markdown::plain_text;

/// One search record.
pub(super) struct Record {
    /// The page's URL path.
    pub(super) url: String,
    /// Its language.
    pub(super) lang: Lang,
    /// The title shown in the results (an issue's title names its province).
    pub(super) title: String,
    /// The indexed text, with weight markers.
    pub(super) text: String,
    /// `province` and `topic`, for the search page's filters.
    pub(super) filters: BTreeMap<String, Vec<String>>,
}

/// How much the parts of a record count against a body word.
const TITLE_WEIGHT: u8 = 7;
const LABEL_WEIGHT: u8 = 3;

/// The title of an issue in the results: results from different provinces would otherwise
/// read the same ("Stunting", "Stunting").
fn issue_title(title: &str, province: &str) -> String {
    format!("{title} — {province}")
}

/// The record of one page, `None` for pages search does not cover (lists, the form, …).
pub(super) fn record(
    env: &Env<'_>,
    spec: &Spec<'_>,
    synonyms: &Synonyms<'_>,
) -> Result<Option<Record>, RenderError> {
    let Some((route, lang)) = spec.route() else {
        return Ok(None);
    };
    let mut filters = BTreeMap::new();
    // (title, labels: province, topic, capital…, summary, Markdown body)
    let (title, labels, summary, body): (String, Vec<String>, String, &str) = match *spec {
        Spec::Issue(p, i, _) => {
            let card = env.issue_card(p, i, lang)?;
            filters.insert("province".to_owned(), vec![card.province.clone()]);
            filters.insert("topic".to_owned(), vec![card.topic.clone()]);
            let (words, _) = i.words.get(lang);
            (
                card.title,
                vec![card.province, card.topic],
                card.summary,
                &words.body.text,
            )
        }
        Spec::Province(p, _) => {
            let (words, _) = p.narrative.get(lang);
            filters.insert("province".to_owned(), vec![p.facts.name.clone()]);
            (
                p.facts.name.clone(),
                vec![p.facts.capital.clone()],
                words.summary.clone().unwrap_or_default(),
                &words.body.text,
            )
        }
        Spec::Topic(t, _) => {
            let name = t.name.get(lang).to_owned();
            filters.insert("topic".to_owned(), vec![name.clone()]);
            (name, Vec::new(), t.description.get(lang).to_owned(), "")
        }
        Spec::NewsItem(n, _) => {
            let (words, _) = n.words.get(lang);
            let title = words.title.clone().unwrap_or_else(|| n.facts.title.clone());
            let summary = words.summary.clone().unwrap_or(n.facts.summary.clone());
            (title, Vec::new(), summary, &words.body.text)
        }
        Spec::Page(p, _) => {
            let (words, _) = p.words.get(lang);
            let title = words.title.clone().unwrap_or_else(|| p.facts.title.clone());
            let summary = words.summary.clone().unwrap_or(p.facts.summary.clone());
            (title, Vec::new(), summary, &words.body.text)
        }
        _ => return Ok(None),
    };
    let body = plain_text(body);
    let mut text = String::with_capacity(title.len() + summary.len() + body.len() + 256);
    // A synonym of the title's words counts as the title does ("kalbar" finds the province
    // page first); one of the rest as a label.
    let mut heading = title.clone();
    let in_title = synonyms.found_in(&[&title]);
    for term in &in_title {
        heading.push(' ');
        heading.push_str(term);
    }
    weighted(&mut text, TITLE_WEIGHT, &heading);
    let mut extra = labels.join(" ");
    for term in synonyms.found_in(&[&extra, &summary, &body]) {
        if !in_title.contains(&term) {
            extra.push(' ');
            extra.push_str(term);
        }
    }
    if !extra.is_empty() {
        weighted(&mut text, LABEL_WEIGHT, &extra);
    }
    push_disarmed(&mut text, &summary);
    text.push_str(" \n");
    push_disarmed(&mut text, &body);
    let title = match *spec {
        Spec::Issue(p, _, _) => issue_title(&title, &p.facts.name),
        _ => title,
    };
    Ok(Some(Record {
        url: route.path(lang),
        lang,
        title,
        text,
        filters,
    }))
}

/// Appends `words` inside a weight block.
fn weighted(out: &mut String, weight: u8, words: &str) {
    out.push_str(&format!("___PAGEFIND_WEIGHT___{weight} "));
    push_disarmed(out, words);
    out.push_str(" ___END_PAGEFIND_WEIGHT___ ");
}

/// Appends `words`, dropping the leading underscores of any word that starts with one:
/// Pagefind reads `___PAGEFIND_…` words as instructions, and content is not to give any.
fn push_disarmed(out: &mut String, words: &str) {
    if !words.contains('_') {
        out.push_str(words);
        return;
    }
    for (n, word) in words.split_whitespace().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        out.push_str(word.trim_start_matches('_'));
    }
}

/// `search.yaml`, prepared for matching: each meaning as lowercase words.
pub(super) struct Synonyms<'a> {
    entries: Vec<(&'a Synonym, Vec<Vec<String>>)>,
}

impl<'a> Synonyms<'a> {
    /// Prepares `list`.
    pub(super) fn new(list: &'a [Synonym]) -> Synonyms<'a> {
        Synonyms {
            entries: list
                .iter()
                .map(|s| {
                    let means = s.means.iter().map(|m| words(m)).filter(|w| !w.is_empty());
                    (s, means.collect())
                })
                .collect(),
        }
    }

    /// The terms of every entry one of whose meanings occurs, as whole words and ignoring
    /// case, in `texts`.
    pub(super) fn found_in(&self, texts: &[&str]) -> Vec<&'a str> {
        if self.entries.is_empty() {
            return Vec::new();
        }
        let seq: Vec<String> = texts.iter().flat_map(|t| words(t)).collect();
        let present: HashSet<&str> = seq.iter().map(String::as_str).collect();
        let mut out = Vec::new();
        for (s, means) in &self.entries {
            let hit = means.iter().any(|m| {
                m.iter().all(|w| present.contains(w.as_str()))
                    && seq.windows(m.len()).any(|win| win == m.as_slice())
            });
            if hit {
                out.extend(s.terms.iter().map(|t| t.trim()));
            }
        }
        out
    }
}

/// The lowercase words of `text` (letters and digits; everything else separates).
pub(super) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn synonym(terms: &[&str], means: &[&str]) -> Synonym {
        Synonym {
            terms: terms.iter().map(|s| (*s).to_owned()).collect(),
            means: means.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    #[test]
    fn synonyms_match_whole_phrases_ignoring_case() {
        let list = [
            synonym(&["kalbar"], &["Kalimantan Barat"]),
            synonym(&["nikah dini"], &["perkawinan anak", "child marriage"]),
            synonym(&["KIA"], &["kesehatan ibu dan anak"]),
        ];
        let s = Synonyms::new(&list);
        assert_eq!(
            s.found_in(&["Isu di KALIMANTAN barat.", "Kasus perkawinan anak."]),
            ["kalbar", "nikah dini"]
        );
        // Both words present, but not as the phrase: no match.
        assert!(s.found_in(&["Barat dan Kalimantan"]).is_empty());
        // A word that only starts like a meaning is no match.
        assert!(s.found_in(&["Kalimantan Baratan"]).is_empty());
        assert_eq!(s.found_in(&["Ending child-marriage"]), ["nikah dini"]);
    }

    #[test]
    fn content_cannot_give_pagefind_instructions() {
        let mut out = String::new();
        push_disarmed(&mut out, "a ___PAGEFIND_WEIGHT___0 b __init__");
        assert_eq!(out, "a PAGEFIND_WEIGHT___0 b init__");
    }
}
