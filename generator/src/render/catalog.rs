//! `catalog.json`: the contract with submit-fn, built with the shared
//! [`winner_catalog::Catalog`] type so the schema exists once.

use winner_catalog::{Catalog, Issue, Lang, Localized, Province, SCHEMA_VERSION};

use super::options::Options;
use super::urls::Route;
use crate::content::Site;

/// The catalog of `site`: every province in the site's order with all its issues
/// (validated and pending), its proposals window, and the form definition unchanged.
pub fn build(site: &Site, options: &Options) -> Catalog {
    let both = |route: Route<'_>| Localized {
        id: route.path(Lang::Id),
        en: route.path(Lang::En),
    };
    Catalog {
        schema_version: SCHEMA_VERSION,
        site_url: options.base_url.trim_end_matches('/').to_owned(),
        thank_you_path: both(Route::Sent),
        form_path: both(Route::Form),
        provinces: site
            .provinces
            .iter()
            .map(|p| Province {
                slug: p.slug.clone(),
                code: p.facts.code.clone(),
                name: p.facts.name.clone(),
                proposals: p.facts.proposals,
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
    }
}
