//! Atom feeds of the news, one per language: `feed.xml` and `en/feed.xml`.
//!
//! `updated` is the newest news date (or `options.today` when there is no news), so the
//! feed changes only when the content does.

use winner_catalog::Lang;

use super::context::Env;
use super::dates::iso;
use super::error::RenderError;
use super::urls::{Route, absolute};
use winner_catalog::escape::html as xml_escape;

/// `(output path, Atom XML)` for each language.
pub(crate) fn build(env: &Env<'_>) -> Result<Vec<(String, String)>, RenderError> {
    let base = &env.options.base_url;
    let site = env.site;
    let updated = site
        .news
        .iter()
        .map(|n| n.date)
        .max()
        .unwrap_or(env.options.today);
    let stamp = |d| format!("{}T00:00:00+07:00", iso(d));
    let mut out = Vec::new();
    for lang in Lang::ALL {
        let home = absolute(base, &Route::Home.path(lang));
        let self_url = format!("{home}feed.xml");
        let title = format!(
            "{} · {}",
            site.config.title.get(lang),
            env.t(lang, "news.title")?
        );
        let mut xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n\
             <title>{}</title>\n<id>{}</id>\n<link rel=\"self\" href=\"{}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n\
             <updated>{}</updated>\n<author><name>{}</name></author>\n",
            lang.code(),
            xml_escape(&title),
            xml_escape(&self_url),
            xml_escape(&self_url),
            xml_escape(&absolute(base, &Route::News.path(lang))),
            stamp(updated),
            xml_escape(site.config.organiser.get(lang)),
        );
        for n in &site.news {
            let (words, fallback) = n.words.get(lang);
            let url = absolute(base, &Route::NewsItem(&n.slug).path(lang));
            let title = words.title.as_deref().unwrap_or(&n.facts.title);
            let summary = words.summary.as_deref().unwrap_or(&n.facts.summary);
            let entry_lang = if fallback { " xml:lang=\"id\"" } else { "" };
            xml.push_str(&format!(
                "<entry{entry_lang}>\n<title>{}</title>\n<id>{}</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n\
                 <updated>{}</updated>\n<summary>{}</summary>\n</entry>\n",
                xml_escape(title),
                xml_escape(&url),
                xml_escape(&url),
                stamp(n.date),
                xml_escape(summary),
            ));
        }
        xml.push_str("</feed>\n");
        let path = format!("{}feed.xml", Route::Home.path(lang).trim_start_matches('/'));
        out.push((path, xml));
    }
    Ok(out)
}
