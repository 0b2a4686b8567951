//! The in-memory model of the whole site: what loading produces and rendering consumes.
//!
//! Loading turns files into these values and validation checks them across files; rendering
//! reads them and never touches the disk. Every piece of Markdown keeps the file and line it
//! came from, so later checks (links, images) can point editors at the right place.

use std::collections::BTreeMap;
use std::path::PathBuf;

use time::Date;
use winner_catalog::{FormDefinition, Lang};

use super::media::Media;
use super::model::{
    IssueFront, NewsFront, PageFront, ProvinceFile, SiteFile, Source, Synonym, Topic,
};

/// The whole site, loaded and validated.
#[derive(Debug, Clone)]
pub struct Site {
    /// `site.yaml`.
    pub config: SiteFile,
    /// `topics.yaml` topics, in file order.
    pub topics: Vec<Topic>,
    /// `topics.yaml` sources.
    pub topic_sources: Vec<Source>,
    /// `form.yaml`.
    pub form: FormDefinition,
    /// `search.yaml`'s synonyms (none when the file is absent).
    pub synonyms: Vec<Synonym>,
    /// Provinces sorted by name.
    pub provinces: Vec<Province>,
    /// News, newest first (ties by slug).
    pub news: Vec<NewsItem>,
    /// Pages sorted by `nav_order`, then slug.
    pub pages: Vec<Page>,
    /// Accepted images and documents by their path in the content folder.
    pub media: BTreeMap<PathBuf, Media>,
}

/// Markdown text with the place it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Markdown {
    /// The Markdown body (front matter removed).
    pub text: String,
    /// The file it came from, relative to the content folder.
    pub path: PathBuf,
    /// 1-based line in that file where `text` starts.
    pub first_line: usize,
}

/// Something written in Indonesian and perhaps translated to English.
/// A missing translation is a warning; the English page then shows the Indonesian text
/// with a notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bilingual<T> {
    /// The Indonesian original (always present).
    pub id: T,
    /// The English translation, if written.
    pub en: Option<T>,
}

impl<T> Bilingual<T> {
    /// The value for `lang`, falling back to Indonesian; the flag says whether it fell back.
    pub fn get(&self, lang: Lang) -> (&T, bool) {
        match (lang, &self.en) {
            (Lang::En, Some(en)) => (en, false),
            (Lang::En, None) => (&self.id, true),
            (Lang::Id, _) => (&self.id, false),
        }
    }
}

/// Translated words of a document: title (if any), summary (if any) and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// Title.
    pub title: Option<String>,
    /// Summary.
    pub summary: Option<String>,
    /// Body.
    pub body: Markdown,
}

/// A province with its narrative and issues.
#[derive(Debug, Clone)]
pub struct Province {
    /// Folder name, e.g. `kalimantan-barat`.
    pub slug: String,
    /// `province.yaml`.
    pub facts: ProvinceFile,
    /// `index.md` / `index.en.md` (title absent).
    pub narrative: Bilingual<Words>,
    /// Issues sorted by title (Indonesian).
    pub issues: Vec<Issue>,
}

/// A strategic issue of a province.
#[derive(Debug, Clone)]
pub struct Issue {
    /// File stem, e.g. `stunting`.
    pub slug: String,
    /// The province's slug.
    pub province: String,
    /// Facts from the Indonesian front matter.
    pub facts: IssueFront,
    /// Title, summary and body per language (Indonesian title/summary copied from `facts`).
    pub words: Bilingual<Words>,
}

/// A news item.
#[derive(Debug, Clone)]
pub struct NewsItem {
    /// Slug (file name without the date prefix and extension).
    pub slug: String,
    /// Date from the file name.
    pub date: Date,
    /// Facts from the Indonesian front matter.
    pub facts: NewsFront,
    /// Title, summary and body per language.
    pub words: Bilingual<Words>,
}

impl Site {
    /// The privacy notice: the page whose slug names it (`privasi`, or `privacy` in English).
    /// The form links to it, the emails point to it, and `check` holds it to the form's
    /// `privacy_notice_version`.
    pub fn privacy_page(&self) -> Option<&Page> {
        self.pages
            .iter()
            .find(|p| p.slug.contains("privasi") || p.slug_en.contains("privacy"))
    }

    /// The issue `slug` of the province at position `province` of [`Site::provinces`].
    pub fn issue(&self, province: usize, slug: &str) -> Option<&Issue> {
        self.provinces
            .get(province)?
            .issues
            .iter()
            .find(|i| i.slug == slug)
    }
}

/// A page such as About, Stages, Privacy or FAQ.
#[derive(Debug, Clone)]
pub struct Page {
    /// Indonesian slug (file stem), e.g. `tentang`.
    pub slug: String,
    /// English slug from the translation's front matter; the Indonesian slug when untranslated.
    pub slug_en: String,
    /// Facts from the Indonesian front matter.
    pub facts: PageFront,
    /// Title, summary and body per language.
    pub words: Bilingual<Words>,
}
