//! The typed views templates see: plain serialisable structs built from the model by
//! [`super::context`] and the page builders, never the model itself and never ad-hoc JSON.
//! A template that names a field no view has fails to render, naming the field.

use std::collections::BTreeMap;

use serde::Serialize;

use super::dates::DateView;

/// A link of the main navigation.
#[derive(Debug, Serialize)]
pub(crate) struct NavItem {
    pub(crate) label: String,
    pub(crate) href: String,
    /// The call to propose, shown as a button while some province takes proposals.
    pub(crate) cta: bool,
    /// `aria-current` value: `page` on the page itself, `true` inside its section, or empty.
    pub(crate) current: &'static str,
}

/// A breadcrumb.
#[derive(Debug, Serialize)]
pub struct Crumb {
    /// What people see.
    pub label: String,
    /// Where it goes.
    pub href: String,
}

/// A source as shown in a page's sources section.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    /// Title.
    pub title: String,
    /// URL.
    pub url: String,
    /// Publisher, if known.
    pub publisher: Option<String>,
    /// Publication date, if known.
    pub published: Option<DateView>,
}

/// A Markdown body rendered for one language.
#[derive(Debug, Clone, Serialize)]
pub struct Body {
    /// Safe HTML.
    pub html: String,
    /// Indonesian text shown on an English page.
    pub fallback: bool,
}

/// Whether proposals are taken, in words.
#[derive(Debug, Clone, Serialize)]
pub struct WindowView {
    /// `open`, `not_yet`, `closed` or `none`.
    pub state: &'static str,
    /// A sentence such as "Dibuka hingga 11 Juni 2023".
    pub text: String,
}

/// An issue in a list.
#[derive(Debug, Clone, Serialize)]
pub struct IssueCard {
    /// Title.
    pub title: String,
    /// Title and summary are Indonesian on an English page.
    pub fallback: bool,
    /// Issue page.
    pub href: String,
    /// Province name.
    pub province: String,
    /// Province page.
    pub province_href: String,
    /// Topic name.
    pub topic: String,
    /// Topic page.
    pub topic_href: String,
    /// Validated (else pending).
    pub validated: bool,
    /// Day of validation.
    pub validated_on: Option<DateView>,
    /// One-line summary.
    pub summary: String,
}

/// A province in a list.
#[derive(Debug, Clone, Serialize)]
pub struct ProvinceCard {
    /// Name.
    pub name: String,
    /// Province page.
    pub href: String,
    /// Kemendagri code.
    pub code: String,
    /// Competition wave.
    pub wave: Option<u8>,
    /// Number of validated issues published.
    pub validated: usize,
    /// Number of issues published at all.
    pub issues: usize,
    /// The number of issues the source itself states, where it differs from the issue pages.
    pub issues_stated: Option<u32>,
    /// Proposals window.
    pub window: WindowView,
}

/// A province that takes proposals today, named on the home page.
#[derive(Debug, Clone, Serialize)]
pub struct OpenProvince {
    /// Name.
    pub name: String,
    /// Province page.
    pub href: String,
    /// Last day of its window, if known.
    pub closes: Option<DateView>,
}

/// The home page's map.
#[derive(Debug, Clone, Serialize)]
pub struct MapView {
    /// Inline SVG (safe HTML).
    pub svg: String,
    /// Some province takes proposals today (the legend explains the mark).
    pub any_open: bool,
    /// The map has provinces drawn as points (the legend explains them).
    pub has_points: bool,
}

/// A province's locator image.
#[derive(Debug, Clone, Serialize)]
pub struct LocatorView {
    /// Root-relative URL of the SVG file.
    pub src: String,
    /// Text alternative.
    pub alt: String,
    /// Intrinsic width (view-box units), for the aspect ratio.
    pub width: i32,
    /// Intrinsic height.
    pub height: i32,
}

/// A national topic in a list.
#[derive(Debug, Clone, Serialize)]
pub struct TopicCard {
    /// Name.
    pub name: String,
    /// Topic page.
    pub href: String,
    /// Short description.
    pub description: String,
    /// Issues across provinces with this topic.
    pub count: usize,
}

/// A news item in a list.
#[derive(Debug, Clone, Serialize)]
pub struct NewsCard {
    /// Headline.
    pub title: String,
    /// Indonesian text on an English page.
    pub fallback: bool,
    /// News page.
    pub href: String,
    /// Date.
    pub date: DateView,
    /// One sentence.
    pub summary: String,
}

/// `page`: what every HTML page says about itself (head, language switch, breadcrumbs).
#[derive(Debug, Serialize)]
pub struct PageView {
    /// `<h1>` and `<title>`.
    pub title: String,
    /// The title is Indonesian text on an English page.
    pub title_fallback: bool,
    /// What the `<title>` adds after the title to tell like-named pages apart (an issue's
    /// province), if anything.
    pub title_context: Option<String>,
    /// Meta description.
    pub description: String,
    /// Root-relative path of the page.
    pub path: String,
    /// Canonical URL.
    pub url: String,
    /// URL of the Indonesian version.
    pub url_id: String,
    /// URL of the English version.
    pub url_en: String,
    /// Root-relative path of the translation.
    pub translation: String,
    /// Code of the other language.
    pub other_lang: &'static str,
    /// `website` or `article`.
    pub og_type: &'static str,
    /// Open Graph locale of the page.
    pub og_locale: &'static str,
    /// Open Graph locale of the translation.
    pub og_locale_alt: &'static str,
    /// Breadcrumbs from Home to the parent of this page.
    pub crumbs: Vec<Crumb>,
    /// The home page.
    pub is_home: bool,
    /// Keep out of search engines.
    pub noindex: bool,
    /// Sources listed at the end of the page.
    pub sources: Vec<SourceView>,
}

/// `site`: the site-wide texts and links in the page's language.
#[derive(Debug, Serialize)]
pub struct SiteView<'a> {
    /// Site title.
    pub title: &'a str,
    /// Tagline.
    pub tagline: &'a str,
    /// The organiser's name.
    pub organiser: &'a str,
    /// The competition's name.
    pub competition: &'a str,
    /// The edition (year).
    pub edition: &'a str,
    /// Home page.
    pub home_href: String,
    /// The proposal form.
    pub form_href: String,
    /// The news list.
    pub news_href: String,
    /// The Atom feed.
    pub feed: String,
    /// The stages page, if any.
    pub stages_href: Option<String>,
}

/// A named link (a province or topic in a list).
#[derive(Debug, Serialize)]
pub struct LinkView {
    /// What people see.
    pub name: String,
    /// Where it goes.
    pub href: String,
}

/// The meeting that validated a province's issues.
#[derive(Debug, Serialize)]
pub struct ValidationView<'a> {
    /// Its day.
    pub date: DateView,
    /// Where it took place.
    pub place: &'a str,
    /// Who opened it, if known.
    pub opened_by: Option<&'a str>,
    /// The agencies that took part.
    pub agencies: &'a [String],
}

/// A proposals window's dates, in words.
#[derive(Debug, Serialize)]
pub struct WindowDates {
    /// First day, if known.
    pub opens: Option<DateView>,
    /// Last day, if any.
    pub closes: Option<DateView>,
}

/// `province`: the facts of a province page.
#[derive(Debug, Serialize)]
pub struct ProvinceView<'a> {
    /// Name.
    pub name: &'a str,
    /// Kemendagri code.
    pub code: &'a str,
    /// Capital.
    pub capital: &'a str,
    /// Competition wave.
    pub wave: Option<u8>,
    /// The validation meeting, if known.
    pub validation: Option<ValidationView<'a>>,
    /// The proposals window's dates, if it has one.
    pub window: Option<WindowDates>,
    /// Whether proposals are taken, in words.
    pub status: WindowView,
    /// Whether any of its issues takes proposals today.
    pub accepts: bool,
    /// The proposal form with this province preselected.
    pub form_href: String,
}

/// `issue`: the facts of an issue page.
#[derive(Debug, Serialize)]
pub struct IssueView<'a> {
    /// The issue's card (title, topic, status …).
    pub card: IssueCard,
    /// Agencies responsible.
    pub agencies: &'a [String],
    /// The province's window, in words.
    pub window: WindowView,
    /// Whether this issue takes proposals today.
    pub open: bool,
    /// The form, with province and issue preselected.
    pub apply_href: String,
}

/// A stage of the competition, on the stages page.
#[derive(Debug, Serialize)]
pub struct StageView<'a> {
    /// Anchor.
    pub slug: &'a str,
    /// Title.
    pub title: &'a str,
    /// Description.
    pub description: &'a str,
    /// First day, if known.
    pub starts: Option<DateView>,
    /// Last day, if known.
    pub ends: Option<DateView>,
    /// A note, if any.
    pub note: Option<&'a str>,
}

/// A province among the form's choices.
#[derive(Debug, Serialize)]
pub struct ProvinceChoice<'a> {
    /// Submitted value.
    pub slug: &'a str,
    /// What people see.
    pub name: &'a str,
}

/// An issue among the form's choices.
#[derive(Debug, Serialize)]
pub struct IssueChoice<'a> {
    /// Submitted value.
    pub slug: &'a str,
    /// What people see.
    pub title: String,
    /// The title is Indonesian text on an English page.
    pub fallback: bool,
}

/// The issues of one province, as a group of the form's issue choices.
#[derive(Debug, Serialize)]
pub struct IssueGroup<'a> {
    /// Province slug.
    pub province: &'a str,
    /// Province name.
    pub name: &'a str,
    /// Its validated issues.
    pub issues: Vec<IssueChoice<'a>>,
}

/// `form`: the proposal form.
#[derive(Debug, Serialize)]
pub struct FormView<'a, F: Serialize> {
    /// Some province takes proposals today (else the page says the form is closed).
    pub open: bool,
    /// Where the form posts.
    pub action: &'a str,
    /// Provinces that take proposals today.
    pub provinces: Vec<ProvinceChoice<'a>>,
    /// Their validated issues, by province.
    pub groups: Vec<IssueGroup<'a>>,
    /// The questions.
    pub fields: Vec<F>,
    /// Name of the honeypot field.
    pub honeypot: &'a str,
    /// The privacy notice, if any.
    pub privacy_href: Option<String>,
    /// Messages for the form's script (`data-msg-*`), sorted by key.
    pub script: BTreeMap<String, String>,
    /// The thank-you page.
    pub sent_href: String,
}
