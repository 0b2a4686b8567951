//! `sitemap.xml`: every indexable page with its `hreflang` pair (and `x-default`), and its
//! `lastmod` where the content gives the page a date ([`Spec::lastmod`]).

use winner_catalog::Lang;

use super::context::Env;
use super::jobs::Spec;
use super::urls::absolute;
use winner_catalog::escape::html as xml_escape;

/// The sitemap of the pages that belong in it, sorted by URL.
pub(crate) fn build(env: &Env<'_>, specs: &[Spec<'_>]) -> String {
    let base = &env.options.base_url;
    let mut entries: Vec<(String, String, String, Option<time::Date>)> = specs
        .iter()
        .filter(|s| s.in_sitemap())
        .filter_map(|s| {
            let (route, lang) = s.route()?;
            Some((
                absolute(base, &route.path(lang)),
                route.path(Lang::Id),
                route.path(Lang::En),
                s.lastmod(env.site),
            ))
        })
        .collect();
    entries.sort();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for (loc, id, en, lastmod) in entries {
        let id = xml_escape(&absolute(base, &id));
        let en = xml_escape(&absolute(base, &en));
        let lastmod = lastmod
            .map(|d| format!("<lastmod>{}</lastmod>", super::dates::iso(d)))
            .unwrap_or_default();
        xml.push_str(&format!(
            "<url><loc>{}</loc>{lastmod}\
             <xhtml:link rel=\"alternate\" hreflang=\"id\" href=\"{id}\"/>\
             <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"{en}\"/>\
             <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{id}\"/></url>\n",
            xml_escape(&loc)
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}
