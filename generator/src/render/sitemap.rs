//! `sitemap.xml`: every indexable page with its `hreflang` pair (and `x-default`).

use super::Job;
use super::context::Env;
use super::urls::absolute;

/// Escapes text for XML element content and attribute values.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The sitemap of the jobs that carry alternates, sorted by URL.
pub(crate) fn build(env: &Env<'_>, jobs: &[Job]) -> String {
    let base = &env.options.base_url;
    let mut entries: Vec<(String, &str, &str)> = jobs
        .iter()
        .filter_map(|j| {
            let (id, en) = j.alternates.as_ref()?;
            let own = if j.path.starts_with("en/") { en } else { id };
            Some((absolute(base, own), id.as_str(), en.as_str()))
        })
        .collect();
    entries.sort();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for (loc, id, en) in entries {
        let id = xml_escape(&absolute(base, id));
        let en = xml_escape(&absolute(base, en));
        xml.push_str(&format!(
            "<url><loc>{}</loc>\
             <xhtml:link rel=\"alternate\" hreflang=\"id\" href=\"{id}\"/>\
             <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"{en}\"/>\
             <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{id}\"/></url>\n",
            xml_escape(&loc)
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}
