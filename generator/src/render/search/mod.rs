//! The client-side search index (Pagefind) under `pagefind/`, built in-process from the site
//! model while the pages render.
//!
//! Every content page gets one record per language: issues, provinces, topics, news and the
//! pages, each with its full text ([`records`]). Issues carry the filters `province` and
//! `topic` (names in the record's language), so the search page can narrow by either.
//! Records are added as custom records with their language (`id`, `en`), so each language's
//! index uses its stemmer, and no HTML is read back from disk. The languages are indexed one
//! after the other, each by a Pagefind index of its own, and their entry files merged into
//! the one Pagefind's script reads: the same files as one index of both, with Pagefind
//! holding one language's state at a time, not both (peak RSS a third lower at 10,000
//! issues, BENCHMARKS.md). Beside the index, each language gets the list of its words for the
//! search page's "did you mean" ([`words`]).
//!
//! Pagefind's API is async; it runs on a private single-thread tokio runtime on the thread
//! that calls [`build`] (never inside another runtime: `render_jobs` calls it on a thread
//! of its own).
//!
//! [`build`] asks its caller between steps whether the index is still wanted, and stops
//! early when it is not: `serve` re-indexes in the background after an edit, and once a
//! newer edit comes in, the index in progress would be thrown away. Stopping it gives the
//! two cores back to the page update the editor is waiting for.

mod records;
mod words;

use std::collections::BTreeMap;

use pagefind::api::{CustomRecord, PagefindIndex};
use pagefind::options::PagefindServiceConfig;
use rayon::prelude::*;
use winner_catalog::Lang;

use super::context::Env;
use super::error::RenderError;
use super::jobs::Spec;
use crate::output::Output;
use records::{Record, Synonyms};

/// Whether the caller still wants the index being built (see the module docs). A full build
/// always does: `&|| true`.
pub(crate) type Wanted<'a> = &'a (dyn Fn() -> bool + Sync);

/// How many records go to Pagefind between two questions to [`Wanted`]: about a tenth of a
/// second of tokenising on two cores (serve's debug log: 4.4 s for the 20,348 records of the
/// 10,000-issue site).
const RECORDS_PER_STEP: usize = 500;

/// The records of the pages that search covers, made in parallel; `None` once the index is
/// no longer wanted.
fn records(
    env: &Env<'_>,
    specs: &[Spec<'_>],
    wanted: Wanted<'_>,
) -> Result<Option<Vec<Record>>, RenderError> {
    let synonyms = Synonyms::new(&env.site.synonyms);
    let made: Result<Vec<Option<Record>>, RenderError> = specs
        .par_iter()
        // Once unwanted, the remaining pages are skipped rather than made.
        .map(|spec| match wanted() {
            true => records::record(env, spec, &synonyms),
            false => Ok(None),
        })
        .collect();
    let made = made?;
    Ok(wanted().then(|| made.into_iter().flatten().collect()))
}

/// Builds the index of the site: output path to bytes of every file under `pagefind/`, or
/// `None` if `wanted` said no between two steps.
pub(crate) fn build(
    env: &Env<'_>,
    specs: &[Spec<'_>],
    wanted: Wanted<'_>,
) -> Result<Option<Output>, RenderError> {
    build_in_steps(env, specs, wanted, RECORDS_PER_STEP)
}

/// [`build`], giving Pagefind `step` records at a time (a test shows the steps change
/// nothing: `serve/search.rs`).
pub(crate) fn build_in_steps(
    env: &Env<'_>,
    specs: &[Spec<'_>],
    wanted: Wanted<'_>,
    step: usize,
) -> Result<Option<Output>, RenderError> {
    let started = std::time::Instant::now();
    let Some(records) = records(env, specs, wanted)? else {
        return Ok(None);
    };
    let count = records.len();
    tracing::debug!(
        "search index: records made in {:.3} s",
        started.elapsed().as_secs_f64()
    );
    let mut out = Output::new();
    for &lang in Lang::ALL.iter() {
        // A third of a second each at 10,000 issues, on one thread.
        if !wanted() {
            return Ok(None);
        }
        out.insert(words::path(lang), words::list(&records, lang));
    }
    tracing::debug!(
        "search index: word lists in {:.3} s",
        started.elapsed().as_secs_f64()
    );
    if !wanted() {
        return Ok(None);
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| RenderError::Search(format!("cannot start a runtime: {e}")))?;
    let mut entry: Option<Entry> = None;
    let mut rest = records;
    // One language at a time, each in an index of its own that is dropped before the next
    // begins: Pagefind holds every record's words and positions, then the language's whole
    // word index, until its files are made, so this holds one language's, not both (the
    // languages' indexes share nothing; their entries are merged below).
    for &lang in Lang::ALL.iter() {
        let (mine, others): (Vec<Record>, Vec<Record>) =
            rest.into_iter().partition(|r| r.lang == lang);
        rest = others;
        let Some(files) = runtime.block_on(index_language(mine, wanted, step))? else {
            return Ok(None);
        };
        for (path, bytes) in files {
            if path == ENTRY {
                let more: Entry = serde_json::from_slice(&bytes).map_err(|e| fail("entry", e))?;
                entry = Some(match entry.take() {
                    Some(first) => first.merge(more)?,
                    None => more,
                });
            } else if let Some(earlier) = out.insert(path.clone(), bytes) {
                // Pagefind's script and worker come with each language's index, the same.
                if out.get(&path) != Some(&earlier) {
                    return Err(fail("merge", format!("the languages' {path} differ")));
                }
            }
        }
        tracing::debug!(
            "search index: {} done in {:.3} s",
            lang.code(),
            started.elapsed().as_secs_f64()
        );
    }
    if let Some(entry) = entry {
        let bytes = serde_json::to_vec(&entry).map_err(|e| fail("entry", e))?;
        out.insert(ENTRY.to_owned(), bytes);
    }
    tracing::debug!(
        "search index: {count} records, {} files in {:.3} s",
        out.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(Some(out))
}

/// The index of one language's records: output path to bytes of every file Pagefind makes
/// for it that the search page uses, or `None` if `wanted` said no between two steps.
async fn index_language(
    records: Vec<Record>,
    wanted: Wanted<'_>,
    step: usize,
) -> Result<Option<Output>, RenderError> {
    // One fragment file per page (Pagefind's default), not bundled: a visitor's query then
    // downloads the fragments of the results it shows, not the groups they sit in. On the
    // 10,000-issue benchmark, 256 groups per language made a 20-result query download
    // 879 KB (665 KB of fragments); one file per page, 229 KB (BENCHMARKS.md).
    let config = PagefindServiceConfig::builder().build();
    let mut index = PagefindIndex::new(Some(config)).map_err(|e| fail("options", e))?;
    let mut records: Vec<CustomRecord> = records
        .into_iter()
        .map(|r| CustomRecord {
            url: r.url,
            content: r.text,
            language: r.lang.code().to_owned(),
            meta: BTreeMap::from([("title".to_owned(), r.title)]),
            filters: r.filters,
            sort: BTreeMap::new(),
        })
        .collect();
    // In steps, asking between them; Pagefind appends the pages in order, so the index is
    // the same as from one call.
    while !records.is_empty() {
        let rest = records.split_off(records.len().min(step.max(1)));
        index
            .add_custom_records(records)
            .await
            .map_err(|e| fail("record", e))?;
        if !wanted() {
            return Ok(None);
        }
        records = rest;
    }
    let files = index.get_files().await.map_err(|e| fail("build", e))?;
    if !wanted() {
        return Ok(None);
    }
    Ok(Some(
        files
            .into_iter()
            .filter(|f| is_used(&f.filename))
            .map(|f| {
                let name = f
                    .filename
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                (format!("pagefind/{name}"), f.contents)
            })
            .collect(),
    ))
}

/// Where Pagefind's script looks for the list of the site's language indexes.
const ENTRY: &str = "pagefind/pagefind-entry.json";

/// Pagefind's entry file: its fields, in its order (`third_party/pagefind/src/output/entry.rs`),
/// so that the merged file reads as Pagefind would write it for both languages at once.
#[derive(serde::Serialize, serde::Deserialize)]
struct Entry {
    version: String,
    languages: BTreeMap<String, EntryLanguage>,
    include_characters: Vec<char>,
}

/// One language's line in [`Entry`].
#[derive(serde::Serialize, serde::Deserialize)]
struct EntryLanguage {
    hash: String,
    wasm: Option<String>,
    page_count: usize,
}

impl Entry {
    /// Both entries' languages in one (made by the same Pagefind with the same options, so
    /// the rest must agree).
    fn merge(mut self, other: Entry) -> Result<Entry, RenderError> {
        if self.version != other.version || self.include_characters != other.include_characters {
            return Err(fail("merge", "the languages' entries disagree"));
        }
        self.languages.extend(other.languages);
        Ok(self)
    }
}

/// A search index failure, as a render error: the library or the machine failed, not the
/// content (which Pagefind accepts as any text).
fn fail(what: &str, e: impl std::fmt::Display) -> RenderError {
    RenderError::Search(format!("{what}: {e}"))
}

/// Whether a file of Pagefind's bundle is used by the theme's search page: the search API,
/// its worker and WebAssembly, and the index itself; not Pagefind's own UI components, nor
/// the WebAssembly for pages of an unknown language (every record has `id` or `en`).
fn is_used(file: &std::path::Path) -> bool {
    let name = file.to_string_lossy();
    let ui = name.starts_with("pagefind-")
        && name != "pagefind-entry.json"
        && name != "pagefind-worker.js";
    !(ui || name == "wasm.unknown.pagefind")
}
