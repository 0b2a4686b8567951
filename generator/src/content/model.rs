//! The shapes of the content files, exactly as editors write them.
//!
//! Every struct rejects unknown fields, so a misspelt key is an error at its line rather than
//! a value silently ignored. Facts (topic, status, dates, agencies, sources) live once, in the
//! Indonesian file; a translation (`*.en.md`) carries only what is translated: see the
//! `*Translation` structs, which accept nothing else.
//!
//! Dates are written `YYYY-MM-DD` (unquoted is fine).

use serde::Deserialize;
use time::Date;
use winner_catalog::Localized;

/// A public source backing the facts on a page. Every page lists its sources.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Title as shown by the publisher (or a description of the page).
    pub title: String,
    /// `https://` or `http://` URL.
    pub url: String,
    /// Who published it, e.g. `KemenPANRB`.
    #[serde(default)]
    pub publisher: Option<String>,
    /// When it was published, if known.
    #[serde(default)]
    pub published: Option<Date>,
}

/// `content/site.yaml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteFile {
    /// Site title per language.
    pub title: Localized,
    /// One line under the title.
    pub tagline: Localized,
    /// Meta description for the home page and link previews.
    pub description: Localized,
    /// A short paragraph on the home page (plain text).
    pub intro: Localized,
    /// Public base URL without trailing slash, e.g. `https://winner.menpan.go.id`.
    pub base_url: String,
    /// Where the form posts; `--submit-url` overrides it.
    pub submit_url: String,
    /// Must be `[id, en]`: Indonesian first (served at `/`), English second (under `/en/`).
    pub languages: Vec<String>,
    /// Who runs the competition, per language (footer and About).
    pub organiser: Localized,
    /// The competition itself.
    pub competition: Competition,
    /// Sources for the home page and the facts in this file.
    pub sources: Vec<Source>,
}

/// The competition as described in `site.yaml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competition {
    /// Full name, e.g. `Kompetisi Wirausaha Sosial untuk Negeri (WiNNER)`.
    pub name: Localized,
    /// The edition shown on the site, e.g. `2023`.
    pub edition: String,
    /// The legal basis in words, e.g. the KepmenPANRB number and title.
    pub legal_basis: Localized,
    /// The stages in order.
    pub stages: Vec<Stage>,
}

/// One stage of the competition. Unknown dates are left out and `note` says so.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    /// Anchor id on the stages page, e.g. `peluncuran`.
    pub slug: String,
    /// Stage name.
    pub title: Localized,
    /// What happens in this stage.
    pub description: Localized,
    /// First day, if published.
    #[serde(default)]
    pub starts: Option<Date>,
    /// Last day, if published.
    #[serde(default)]
    pub ends: Option<Date>,
    /// Extra words about timing, e.g. "date not published".
    #[serde(default)]
    pub note: Option<Localized>,
    /// Where the dates come from.
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// `content/topics.yaml`: the national priority topics.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicsFile {
    /// Where the list comes from.
    pub sources: Vec<Source>,
    /// The topics in display order.
    pub topics: Vec<Topic>,
}

/// A national priority topic (the cross-province category of an issue).
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// URL slug, e.g. `stunting`.
    pub slug: String,
    /// Name per language.
    pub name: Localized,
    /// One or two sentences per language.
    pub description: Localized,
}

/// `content/search.yaml` (optional): words people type into the search box, and what they
/// mean on the site. A page whose text contains one of `means` is also found under each of
/// `terms` (see `render/search/records.rs`), in both languages.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchFile {
    /// The synonyms and abbreviations, in any order.
    #[serde(default)]
    pub synonyms: Vec<Synonym>,
}

/// One entry of `search.yaml`, e.g. `terms: [kalbar]`, `means: [Kalimantan Barat]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Synonym {
    /// What people type: abbreviations, colloquial words (`kalbar`, `nikah dini`).
    pub terms: Vec<String>,
    /// The words the site uses for it, in either language (`Kalimantan Barat`,
    /// `perkawinan anak`, `child marriage`); matched whole-word and ignoring case.
    pub means: Vec<String>,
}

/// `content/provinces/<slug>/province.yaml` (shape fixed in DESIGN.md).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProvinceFile {
    /// Kemendagri code, always a quoted string, e.g. `"61"`.
    pub code: String,
    /// Official name.
    pub name: String,
    /// Capital city.
    pub capital: String,
    /// Competition wave (gelombang), if known.
    #[serde(default)]
    pub wave: Option<u8>,
    /// The meeting that validated the issues, if documented.
    #[serde(default)]
    pub validation: Option<Validation>,
    /// When the province accepts proposals; absent means it does not. A window whose first
    /// day no source states gives `not_before` (the earliest day a source allows) instead of
    /// `opens`; `check` refuses a window with neither.
    #[serde(default)]
    pub proposals: Option<winner_catalog::Window>,
    /// The number of strategic issues the source itself states, where it differs from the
    /// number of issue files (e.g. a release that says "five" and lists six items). Shown
    /// instead of the file count, beside it.
    #[serde(default)]
    pub issues_stated: Option<IssuesStated>,
    /// Where the organiser's notice of each proposal for this province is sent instead of the
    /// deployment's address: an institution's published address, never a person's (it is
    /// public in `catalog.json`). Never shown on the pages.
    #[serde(default)]
    pub organiser_email: Option<String>,
    /// Sources for the facts in this file.
    pub sources: Vec<Source>,
    /// The editors' reasoning behind these facts and their sources (why a window has only
    /// `not_before`, why a count differs from the list). Never shown on the site. A field,
    /// not `#` comments, because the editing studio rewrites YAML without its comments.
    #[serde(default)]
    pub notes: Option<String>,
}

/// A count of strategic issues as a source states it, and which source.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct IssuesStated {
    /// The number in the source's own words (e.g. `5` for "lima isu strategis").
    pub count: u32,
    /// URL of the source that states it; must be one of the province's `sources`.
    pub source: String,
}

/// The validation meeting (FGD) of a province's strategic issues.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Validation {
    /// Day of the meeting.
    pub date: Date,
    /// Where it was held.
    pub place: String,
    /// Who opened it, if reported.
    #[serde(default)]
    pub opened_by: Option<String>,
    /// Provincial agencies that took part.
    #[serde(default)]
    pub agencies: Vec<String>,
}

/// Front matter of `provinces/<slug>/index.md` (optional: the file may have none).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProvinceIndexFront {
    /// One sentence for lists and link previews.
    #[serde(default)]
    pub summary: Option<String>,
}

/// Front matter of `provinces/<p>/issues/<slug>.md` (shape fixed in DESIGN.md).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssueFront {
    /// Title.
    pub title: String,
    /// A slug from `topics.yaml`.
    pub topic: String,
    /// `validated` or `pending`.
    pub status: winner_catalog::IssueStatus,
    /// Day of validation, if known.
    #[serde(default)]
    pub validated_on: Option<Date>,
    /// Agencies responsible, if known.
    #[serde(default)]
    pub agencies: Vec<String>,
    /// One sentence for lists and link previews.
    pub summary: String,
    /// Sources for this issue.
    pub sources: Vec<Source>,
}

/// Front matter of a translation (`*.en.md`) of an issue, a news item or a province narrative:
/// only the translated words.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// Translated title (required for issues and news, absent for province narratives).
    #[serde(default)]
    pub title: Option<String>,
    /// Translated summary.
    #[serde(default)]
    pub summary: Option<String>,
}

/// Front matter of `news/<YYYY-MM-DD>-<slug>.md`. The date comes from the file name.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewsFront {
    /// Headline.
    pub title: String,
    /// One sentence for lists and feeds.
    pub summary: String,
    /// Slugs of the provinces this item is about.
    #[serde(default)]
    pub provinces: Vec<String>,
    /// Where the facts come from.
    pub sources: Vec<Source>,
}

/// Front matter of `pages/<slug>.md`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageFront {
    /// Title.
    pub title: String,
    /// One sentence for link previews.
    pub summary: String,
    /// Position in the main navigation; absent means not in the navigation.
    #[serde(default)]
    pub nav_order: Option<u32>,
    /// Extra content drawn from data: `stages` adds the timeline from `site.yaml`.
    #[serde(default)]
    pub layout: Option<PageLayout>,
    /// Where the facts come from.
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// Front matter of `pages/<slug>.en.md`: the translated words and the English URL word.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageTranslation {
    /// English URL slug, e.g. `about` for `tentang` (served at `/en/about/`).
    pub slug: String,
    /// Translated title.
    pub title: String,
    /// Translated summary.
    pub summary: String,
}

/// Data-driven extras a page may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PageLayout {
    /// Append the competition's stages from `site.yaml`.
    Stages,
}
