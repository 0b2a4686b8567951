//! The proposal form page (`/ajukan/`, `/en/apply/`) and the thank-you page.
//!
//! The form is generated from the one [`FormDefinition`](winner_catalog::FormDefinition) in
//! `site.form`: every label, hint and limit comes from there, never from a second copy.
//! Only provinces and validated issues that accept proposals on `options.today` are offered;
//! when there are none the page shows a "closed" notice instead of the form.

use serde::Serialize;
use winner_catalog::{Field, FieldKind, IssueStatus, Lang};

use super::context::{
    Env, FormView, IssueChoice, IssueGroup, Job, Meta, ProvinceChoice, accepts, job, page_route,
};
use super::error::RenderError;
use super::urls::Route;

/// One question as the template renders it.
#[derive(Debug, Serialize)]
pub struct FieldView {
    /// `name` attribute.
    pub name: String,
    /// Element id (`f-<name>`).
    pub id: String,
    /// `text`, `email`, `tel`, `url`, `number`, `textarea`, `select` or `checkbox`.
    pub kind: &'static str,
    /// Label text.
    pub label: String,
    /// Hint text, if any.
    pub hint: Option<String>,
    /// Required.
    pub required: bool,
    /// `minlength`.
    pub min_length: Option<u32>,
    /// `maxlength`.
    pub max_length: Option<u32>,
    /// Most words, for the script's counter and the hint.
    pub max_words: Option<u32>,
    /// `min` (number).
    pub min: Option<i64>,
    /// `max` (number).
    pub max: Option<i64>,
    /// `autocomplete` token.
    pub autocomplete: Option<String>,
    /// Choices (select).
    pub options: Vec<ChoiceView>,
}

/// One choice of a select.
#[derive(Debug, Serialize)]
pub struct ChoiceView {
    /// Submitted value.
    pub value: String,
    /// What people see.
    pub label: String,
}

impl FieldView {
    fn new(f: &Field, lang: Lang) -> Self {
        FieldView {
            name: f.name.clone(),
            id: format!("f-{}", f.name),
            kind: kind_name(f.kind),
            label: f.label.get(lang).to_owned(),
            hint: f.hint.as_ref().map(|h| h.get(lang).to_owned()),
            required: f.required,
            min_length: f.min_length,
            max_length: f.max_length,
            max_words: f.max_words,
            min: f.min,
            max: f.max,
            autocomplete: f.autocomplete.clone(),
            options: f
                .options
                .iter()
                .map(|c| ChoiceView {
                    value: c.value.clone(),
                    label: c.label.get(lang).to_owned(),
                })
                .collect(),
        }
    }
}

fn kind_name(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Text => "text",
        FieldKind::Textarea => "textarea",
        FieldKind::Email => "email",
        FieldKind::Tel => "tel",
        FieldKind::Url => "url",
        FieldKind::Number => "number",
        FieldKind::Select => "select",
        FieldKind::Checkbox => "checkbox",
    }
}

/// The UI strings the form script reads from `data-*` attributes.
const SCRIPT_STRINGS: [&str; 13] = [
    "sending",
    "network",
    "summary-title",
    "unexpected",
    "reference",
    "required",
    "too-many-words",
    "too-short",
    "too-long",
    "bad-email",
    "bad-url",
    "bad-number",
    "not-ticked",
];

pub(crate) fn form_page(env: &Env<'_>, lang: Lang) -> Result<Job, RenderError> {
    let mut m = Meta {
        route: Route::Form,
        title: env.t(lang, "form.title")?,
        title_fallback: false,
        title_context: None,
        description: env.t(lang, "form.description")?,
        crumbs: Vec::new(),
        section: "form",
        og_type: "website",
        sources: &[],
        noindex: false,
    };
    m.sources = &[];
    let mut ctx = env.base(lang, &m)?;
    let mut provinces = Vec::new();
    let mut groups = Vec::new();
    for p in env
        .site
        .provinces
        .iter()
        .filter(|p| accepts(p, env.options.today))
    {
        provinces.push(ProvinceChoice {
            slug: &p.slug,
            name: &p.facts.name,
        });
        let mut issues = Vec::new();
        for i in p
            .issues
            .iter()
            .filter(|i| i.facts.status == IssueStatus::Validated)
        {
            let (words, fallback) = i.words.get(lang);
            issues.push(IssueChoice {
                slug: &i.slug,
                title: words.title.clone().unwrap_or_else(|| i.facts.title.clone()),
                fallback,
            });
        }
        groups.push(IssueGroup {
            province: &p.slug,
            name: &p.facts.name,
            issues,
        });
    }
    let fields: Vec<FieldView> = env
        .site
        .form
        .fields
        .iter()
        .map(|f| FieldView::new(f, lang))
        .collect();
    let mut script = std::collections::BTreeMap::new();
    for key in SCRIPT_STRINGS {
        script.insert((*key).to_owned(), env.t(lang, &format!("form.js.{key}"))?);
    }
    ctx.insert(
        "form",
        &FormView {
            open: !provinces.is_empty(),
            action: &env.options.submit_url,
            provinces,
            groups,
            fields,
            honeypot: &env.site.form.honeypot,
            privacy_href: env.privacy_page.map(|p| page_route(p).path(lang)),
            script,
            sent_href: Route::Sent.path(lang),
        },
    );
    Ok(job(Route::Form, lang, "form.html", ctx))
}

pub(crate) fn sent_page(env: &Env<'_>, lang: Lang) -> Result<Job, RenderError> {
    let m = Meta {
        route: Route::Sent,
        title: env.t(lang, "sent.title")?,
        title_fallback: false,
        title_context: None,
        description: env.t(lang, "sent.description")?,
        crumbs: vec![(env.t(lang, "form.title")?, Route::Form)],
        section: "form",
        og_type: "website",
        sources: &[],
        noindex: true,
    };
    let ctx = env.base(lang, &m)?;
    Ok(job(Route::Sent, lang, "sent.html", ctx))
}
