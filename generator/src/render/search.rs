//! The client-side search index (Pagefind) under `pagefind/`, built in-process from the site
//! model while the pages render.
//!
//! Every content page gets one record per language: issues, provinces, topics, news and the
//! pages. A record's text is what identifies the page: its title, summary, province and
//! topic (not the whole body: see BENCHMARKS.md, indexing 20,000 full bodies takes longer
//! than the rest of the build). Issues carry the filters `province` and `topic` (names in
//! the record's language), so the search page can narrow by either. Records are added as
//! custom records with their language (`id`, `en`), so Pagefind keeps one index per language
//! with its stemmer, and no HTML is read back from disk.
//!
//! Pagefind's API is async; it runs on a private single-thread tokio runtime on the thread
//! that calls [`build`] (never inside another runtime: `render_into` calls it on a thread
//! of its own).

use std::collections::BTreeMap;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use winner_catalog::Lang;

use super::context::Env;
use super::error::RenderError;
use super::jobs::Spec;

/// Fragments are bundled into at most this many files per language (Pagefind's default is
/// one file per page, 10,000 files per language on a large site).
const MAX_FRAGMENTS: u32 = 256;

/// One search record.
struct Record {
    url: String,
    lang: Lang,
    title: String,
    text: String,
    filters: BTreeMap<String, Vec<String>>,
}

/// The records of the pages that search covers.
fn records(env: &Env<'_>, specs: &[Spec<'_>]) -> Result<Vec<Record>, RenderError> {
    let mut out = Vec::new();
    for spec in specs {
        let Some((route, lang)) = spec.route() else {
            continue;
        };
        let url = route.path(lang);
        let mut filters = BTreeMap::new();
        let (title, text) = match *spec {
            Spec::Issue(p, i, _) => {
                let card = env.issue_card(p, i, lang)?;
                filters.insert("province".to_owned(), vec![card.province.clone()]);
                filters.insert("topic".to_owned(), vec![card.topic.clone()]);
                let text = format!(
                    "{}. {} {}. {}.",
                    card.title, card.summary, card.province, card.topic
                );
                (card.title, text)
            }
            Spec::Province(p, _) => {
                let (words, _) = p.narrative.get(lang);
                filters.insert("province".to_owned(), vec![p.facts.name.clone()]);
                let text = format!(
                    "{}. {} {}",
                    p.facts.name,
                    p.facts.capital,
                    words.summary.as_deref().unwrap_or_default()
                );
                (p.facts.name.clone(), text)
            }
            Spec::Topic(t, _) => {
                let name = t.name.get(lang).to_owned();
                filters.insert("topic".to_owned(), vec![name.clone()]);
                let text = format!("{name}. {}", t.description.get(lang));
                (name, text)
            }
            Spec::NewsItem(n, _) => {
                let (words, _) = n.words.get(lang);
                let title = words.title.clone().unwrap_or_else(|| n.facts.title.clone());
                let summary = words.summary.as_deref().unwrap_or(&n.facts.summary);
                let text = format!("{title}. {summary}");
                (title, text)
            }
            Spec::Page(p, _) => {
                let (words, _) = p.words.get(lang);
                let title = words.title.clone().unwrap_or_else(|| p.facts.title.clone());
                let summary = words.summary.as_deref().unwrap_or(&p.facts.summary);
                let text = format!("{title}. {summary}");
                (title, text)
            }
            _ => continue,
        };
        out.push(Record {
            url,
            lang,
            title,
            text,
            filters,
        });
    }
    Ok(out)
}

/// Builds the index of the site: `(output path, bytes)` of every file under `pagefind/`.
pub(crate) fn build(
    env: &Env<'_>,
    specs: &[Spec<'_>],
) -> Result<Vec<(String, Vec<u8>)>, RenderError> {
    let started = std::time::Instant::now();
    let records = records(env, specs)?;
    let count = records.len();
    tracing::debug!(
        "search index: records made in {:.3} s",
        started.elapsed().as_secs_f64()
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| RenderError::Search(format!("cannot start a runtime: {e}")))?;
    runtime.block_on(async {
        let config = PagefindServiceConfig::builder()
            .max_fragments(MAX_FRAGMENTS)
            .build();
        let mut index = PagefindIndex::new(Some(config)).map_err(|e| fail("options", e))?;
        for r in records {
            let meta = BTreeMap::from([("title".to_owned(), r.title)]);
            index
                .add_custom_record(
                    r.url,
                    r.text,
                    r.lang.code().to_owned(),
                    Some(meta),
                    Some(r.filters),
                    None,
                )
                .await
                .map_err(|e| fail("record", e))?;
        }
        tracing::debug!(
            "search index: records added in {:.3} s",
            started.elapsed().as_secs_f64()
        );
        let files = index.get_files().await.map_err(|e| fail("build", e))?;
        let mut out: Vec<(String, Vec<u8>)> = files
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
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        tracing::debug!(
            "search index: {count} records, {} files in {:.3} s",
            out.len(),
            started.elapsed().as_secs_f64()
        );
        Ok(out)
    })
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
