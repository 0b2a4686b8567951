//! `catalog.json`: the contract with submit-fn, built with the shared
//! [`winner_catalog::Catalog`] type so the schema exists once.

use winner_catalog::{Catalog, EmailTexts, Issue, Lang, Localized, Province, SCHEMA_VERSION};

use super::context::Env;
use super::urls::Route;

/// The catalog of the site: every province in the site's order with all its issues
/// (validated and pending), its proposals window, the form definition unchanged, and the
/// emails' texts (the theme's `email.*` strings, the organiser, the privacy page's path).
pub fn build(env: &Env<'_>) -> Catalog {
    let (site, options) = (env.site, env.options);
    let both = |route: Route<'_>| Localized {
        id: route.path(Lang::Id),
        en: route.path(Lang::En),
    };
    Catalog {
        schema_version: SCHEMA_VERSION,
        site_url: options.base_url.trim_end_matches('/').to_owned(),
        thank_you_path: both(Route::Sent),
        form_path: both(Route::Form),
        home_path: both(Route::Home),
        provinces: site
            .provinces
            .iter()
            .map(|p| Province {
                slug: p.slug.clone(),
                code: p.facts.code.clone(),
                name: p.facts.name.clone(),
                proposals: p.facts.proposals,
                organiser_email: p.facts.organiser_email.clone(),
                issues: p
                    .issues
                    .iter()
                    .map(|i| {
                        let title = |lang| {
                            let (words, _) = i.words.get(lang);
                            words.title.clone().unwrap_or_else(|| i.facts.title.clone())
                        };
                        Issue {
                            slug: i.slug.clone(),
                            title: Localized {
                                id: title(Lang::Id),
                                en: title(Lang::En),
                            },
                            topic: i.facts.topic.clone(),
                            status: i.facts.status,
                        }
                    })
                    .collect(),
            })
            .collect(),
        form: site.form.clone(),
        email: email_texts(env),
    }
}

fn email_texts(env: &Env<'_>) -> Option<EmailTexts> {
    let mut strings = env.strings.with_prefix("email.");
    if strings.is_empty() {
        return None;
    }
    // The thank-you page's own words (`sent.*`): what happens next, so the receipt never says
    // more, and the page submit-fn shows a plain form post its reference on.
    strings.extend(env.strings.with_prefix("sent."));
    Some(EmailTexts {
        organiser: env.site.config.organiser.clone(),
        contact_path: env.privacy_page.map(|p| {
            let route = super::context::page_route(p);
            Localized {
                id: route.path(Lang::Id),
                en: route.path(Lang::En),
            }
        }),
        strings,
    })
}
