//! The one contract between the two deployables.
//!
//! The generator writes `catalog.json` from `content/`; submit-fn reads it at start-up and
//! validates every proposal against it. Both sides use the types in this crate, so a field
//! renamed here is a compile error on both sides rather than a silent mismatch in production.
//!
//! What lives here:
//! - [`Catalog`]: provinces, their issues, and when each accepts proposals;
//! - [`FormDefinition`]: the proposal form's fields and limits (from `content/form.yaml`),
//!   used by the generator to render the form and by submit-fn to enforce it;
//! - [`clock`]: the one place the current date comes from, overridable for previews and tests,
//!   and the one timestamp format;
//! - [`escape`]: the one HTML/XML escape of both binaries;
//! - [`is_email`]: the one rule for an email address.
//!
//! The JSON shape is documented in `docs/catalog.md` at the repository root.

mod address;
pub mod clock;
pub mod escape;
mod form;

pub use address::is_email;
pub use form::{Choice, Field, FieldKind, FormDefinition, FormProblem, RESERVED_FIELD_NAMES};

use serde::{Deserialize, Serialize};
use time::Date;

/// Version of the `catalog.json` shape. Bump on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// A text in both site languages. Indonesian is the default language, English the second.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    /// Indonesian.
    pub id: String,
    /// English.
    pub en: String,
}

impl Localized {
    /// The text for a language code (`"en"` gives English, anything else Indonesian).
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }
}

/// The two site languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bahasa Indonesia, the default, served at `/`.
    Id,
    /// English, served under `/en/`.
    En,
}

impl Lang {
    /// Both languages, default first.
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The BCP 47 code (`id`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Parses `id` or `en`; anything else is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Everything submit-fn needs to know about the site, written by the generator as `catalog.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// Always [`SCHEMA_VERSION`]; a reader refuses other versions.
    pub schema_version: u32,
    /// The public site's base URL, e.g. `https://winner.example.go.id` (no trailing slash).
    pub site_url: String,
    /// Site-relative path of the thank-you page per language, e.g. `/ajukan/terkirim/`.
    pub thank_you_path: Localized,
    /// Site-relative path of the form page per language, e.g. `/ajukan/`.
    pub form_path: Localized,
    /// Site-relative path of the home page per language, e.g. `/en/` (empty: the site's root).
    #[serde(default)]
    pub home_path: Localized,
    /// Every province with content, in the order of the site's province list.
    pub provinces: Vec<Province>,
    /// The proposal form.
    pub form: FormDefinition,
    /// Texts of the emails submit-fn sends about a proposal (receipt, organiser notice); left
    /// out of `catalog.json` when the theme has none (then submit-fn sends no email).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<EmailTexts>,
}

/// What the emails about a proposal say, from the theme's `email.*` strings and the site's
/// content: one home for each text, none of it in submit-fn's code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailTexts {
    /// The organiser, as `content/site.yaml` names it.
    pub organiser: Localized,
    /// Site-relative path of the privacy notice (where the organiser publishes its contact
    /// address), per language; `None` when the site has no such page.
    #[serde(default)]
    pub contact_path: Option<Localized>,
    /// Every theme string whose key starts with `email.` or `sent.` (the thank-you page's
    /// words, which submit-fn's own page for a plain form post repeats), by key, placeholders
    /// unfilled.
    pub strings: std::collections::BTreeMap<String, Localized>,
}

/// A province and its issues.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Province {
    /// URL slug, e.g. `kalimantan-barat`.
    pub slug: String,
    /// Kemendagri code, e.g. `"61"`.
    pub code: String,
    /// Official name, e.g. `Kalimantan Barat`.
    pub name: String,
    /// When the province accepts proposals; `None` means it does not accept any.
    pub proposals: Option<Window>,
    /// Where submit-fn sends the organiser's notice of a proposal for this province, instead
    /// of the deployment's `ORGANISER_EMAIL` (from `organiser_email` in `province.yaml`: an
    /// institution's published address, never a person's). Left out of `catalog.json` when
    /// the content gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organiser_email: Option<String>,
    /// The province's strategic issues (validated or pending).
    pub issues: Vec<Issue>,
}

/// A strategic issue as far as the form and the function care.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issue {
    /// URL slug, unique within its province.
    pub slug: String,
    /// Title per language.
    pub title: Localized,
    /// Slug of the national topic this issue belongs to.
    pub topic: String,
    /// Only validated issues accept proposals.
    pub status: IssueStatus,
}

/// Whether a province government has validated an issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IssueStatus {
    /// Validated in the province's meeting; proposals may target it while the window is open.
    Validated,
    /// Announced but not yet validated; shown, but not open for proposals.
    Pending,
}

/// A proposals window, inclusive at both ends, in the competition's reference time zone (WIB).
///
/// Three dates, each optional, each a fact taken from a source:
/// - `opens`: the first day, when a source states it;
/// - `not_before`: when the first day is **unknown**, the earliest day a source allows (for
///   example the competition's launch, or "registration opens after the validation meetings").
///   Before that day the window is [`WindowState::OpeningUnknown`], never open;
/// - `closes`: the last day; absent means open-ended.
///
/// An unknown opening is therefore written `not_before` without `opens`; a window with neither
/// is open from the start (kept for catalogs written before `not_before` existed; the
/// generator's content check refuses it, so the site never claims an opening nobody stated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// First day proposals are accepted, as a source states it; `None` means unknown.
    #[serde(default)]
    pub opens: Option<Date>,
    /// With `opens` unknown: the earliest day the window can have opened, per the sources.
    /// Ignored when `opens` is known. Left out of `catalog.json` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_before: Option<Date>,
    /// Last day proposals are accepted; `None` means open-ended.
    #[serde(default)]
    pub closes: Option<Date>,
}

/// Where a day falls relative to a [`Window`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowState {
    /// Not open yet; opens on the given day.
    NotYetOpen(Date),
    /// Not open: the opening day is unknown, and today is before the given day, the earliest
    /// one the sources allow. Nothing may call the window open or give it an opening date.
    OpeningUnknown(Date),
    /// Open.
    Open,
    /// Closed since the day after the given one.
    Closed(Date),
}

impl Window {
    /// Where `today` falls relative to this window. The one rule both binaries use.
    pub fn state_on(&self, today: Date) -> WindowState {
        if let Some(closes) = self.closes
            && today > closes
        {
            return WindowState::Closed(closes);
        }
        match (self.opens, self.not_before) {
            (Some(opens), _) if today < opens => WindowState::NotYetOpen(opens),
            (None, Some(earliest)) if today < earliest => WindowState::OpeningUnknown(earliest),
            _ => WindowState::Open,
        }
    }

    /// Whether the first day is unknown (only an earliest bound, or nothing, is given).
    pub fn opening_unknown(&self) -> bool {
        self.opens.is_none()
    }
}

/// Why a province/issue pair cannot take a proposal today.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    /// No province with that slug.
    #[error("unknown province `{0}`")]
    UnknownProvince(String),
    /// The province has no issue with that slug.
    #[error("province `{province}` has no issue `{issue}`")]
    UnknownIssue {
        /// Province slug.
        province: String,
        /// Issue slug as submitted.
        issue: String,
    },
    /// The issue exists but is not validated.
    #[error("issue `{0}` is not validated yet")]
    NotValidated(String),
    /// The province does not take proposals at all.
    #[error("province `{0}` does not accept proposals")]
    NotAccepting(String),
    /// The window opens later.
    #[error("proposals open on {0}")]
    NotYetOpen(Date),
    /// The window has not opened, and its opening day is unknown (not before the given day).
    #[error("proposals are not open yet; the opening day is not known (not before {0})")]
    OpeningUnknown(Date),
    /// The window has closed.
    #[error("proposals closed after {0}")]
    Closed(Date),
}

impl Catalog {
    /// Parses `catalog.json` and refuses another schema version, a form that cannot be
    /// enforced and an organiser address that is not one.
    pub fn from_json(text: &str) -> Result<Catalog, CatalogError> {
        let catalog: Catalog = serde_json::from_str(text)?;
        if catalog.schema_version != SCHEMA_VERSION {
            return Err(CatalogError::Version {
                found: catalog.schema_version,
                expected: SCHEMA_VERSION,
            });
        }
        let problems = catalog.form.problems();
        if !problems.is_empty() {
            return Err(CatalogError::Form(problems));
        }
        if let Some(p) = catalog
            .provinces
            .iter()
            .find(|p| p.organiser_email.as_deref().is_some_and(|a| !is_email(a)))
        {
            return Err(CatalogError::OrganiserEmail(p.slug.clone()));
        }
        Ok(catalog)
    }

    /// Serialises to pretty, stable JSON (field order is the struct order).
    pub fn to_json(&self) -> String {
        // Serialising plain structs of strings, dates and vectors cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// A province by slug.
    pub fn province(&self, slug: &str) -> Option<&Province> {
        self.provinces.iter().find(|p| p.slug == slug)
    }

    /// Checks that `issue` of `province` takes proposals on `today`.
    pub fn target(
        &self,
        province: &str,
        issue: &str,
        today: Date,
    ) -> Result<(&Province, &Issue), TargetError> {
        let p = self
            .province(province)
            .ok_or_else(|| TargetError::UnknownProvince(province.to_owned()))?;
        let i =
            p.issues
                .iter()
                .find(|i| i.slug == issue)
                .ok_or_else(|| TargetError::UnknownIssue {
                    province: province.to_owned(),
                    issue: issue.to_owned(),
                })?;
        if i.status != IssueStatus::Validated {
            return Err(TargetError::NotValidated(issue.to_owned()));
        }
        let window = p
            .proposals
            .ok_or_else(|| TargetError::NotAccepting(province.to_owned()))?;
        match window.state_on(today) {
            WindowState::Open => Ok((p, i)),
            WindowState::NotYetOpen(d) => Err(TargetError::NotYetOpen(d)),
            WindowState::OpeningUnknown(d) => Err(TargetError::OpeningUnknown(d)),
            WindowState::Closed(d) => Err(TargetError::Closed(d)),
        }
    }
}

impl Province {
    /// Whether any validated issue of this province takes proposals on `today`.
    pub fn accepts_on(&self, today: Date) -> bool {
        takes_proposals(self.proposals, self.issues.iter().map(|i| i.status), today)
    }
}

/// The one rule for "this province takes proposals today": its window is open on `today` and
/// at least one of its issues (their `statuses`) is validated. The generator applies it to
/// the content, submit-fn to the catalog.
pub fn takes_proposals(
    window: Option<Window>,
    statuses: impl IntoIterator<Item = IssueStatus>,
    today: Date,
) -> bool {
    window.is_some_and(|w| w.state_on(today) == WindowState::Open)
        && statuses.into_iter().any(|s| s == IssueStatus::Validated)
}

/// Why `catalog.json` could not be used.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// Not valid JSON for the schema.
    #[error("catalog.json does not match the schema: {0}")]
    Json(#[from] serde_json::Error),
    /// Written by another version of the generator.
    #[error("catalog.json has schema_version {found}, this program reads {expected}")]
    Version {
        /// Version in the file.
        found: u32,
        /// Version this build understands.
        expected: u32,
    },
    /// The form definition cannot be enforced.
    #[error("the form definition cannot be enforced: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Form(Vec<FormProblem>),
    /// A province's `organiser_email` is not an address (the generator's check refuses it;
    /// a hand-edited catalog may not have passed that check).
    #[error("province {0}: organiser_email is not an email address")]
    OrganiserEmail(String),
}

#[cfg(test)]
mod tests;
