//! Rules across files: topics and provinces referred to exist, codes and slugs are unique,
//! URLs are web addresses, dates make sense, the form can be enforced. Every rule adds its
//! problems and carries on, so one run reports everything.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use winner_catalog::IssueStatus;

use super::diagnostic::{Diagnostic, Diagnostics};
use super::index::Files;
use super::load_file::Source;
use super::model::Source as Reference;
use super::site::{Issue, Site, Words};
use super::slug::is_slug;

/// Runs every cross-file rule on a loaded site.
pub(crate) fn validate(site: &Site, files: &Files, diags: &mut Diagnostics) {
    site_file(site, files, diags);
    topics(site, files, diags);
    provinces(site, files, diags);
    news(site, files, diags);
    pages(site, files, diags);
    form(site, files, diags);
    blank_text(site, files, diags);
}

/// Required words left empty (`title: ""`, as `generator new` writes them) are errors: a
/// half-filled file must not reach the public site.
fn blank_text(site: &Site, files: &Files, diags: &mut Diagnostics) {
    for p in &site.provinces {
        let dir = PathBuf::from("provinces").join(&p.slug);
        blank(
            files,
            diags,
            dir.join("province.yaml"),
            "name",
            Some(&p.facts.name),
        );
        blank(
            files,
            diags,
            dir.join("province.yaml"),
            "capital",
            Some(&p.facts.capital),
        );
        for s in &p.facts.sources {
            blank(
                files,
                diags,
                dir.join("province.yaml"),
                "title",
                Some(&s.title),
            );
        }
        for i in &p.issues {
            issue_blank_text(files, &p.slug, i, diags);
        }
    }
    for n in &site.news {
        let name = format!(
            "{}-{}.md",
            winner_catalog::clock::format_date(n.date),
            n.slug
        );
        let path = PathBuf::from("news").join(name);
        blank(files, diags, path.clone(), "title", Some(&n.facts.title));
        blank(
            files,
            diags,
            path.clone(),
            "summary",
            Some(&n.facts.summary),
        );
        for s in &n.facts.sources {
            blank(files, diags, path.clone(), "title", Some(&s.title));
        }
        blank_words(files, diags, path, n.words.en.as_ref());
    }
    for p in &site.pages {
        let path = PathBuf::from("pages").join(format!("{}.md", p.slug));
        blank(files, diags, path.clone(), "title", Some(&p.facts.title));
        blank(
            files,
            diags,
            path.clone(),
            "summary",
            Some(&p.facts.summary),
        );
        blank_words(files, diags, path, p.words.en.as_ref());
    }
}

/// The blank-text rule for one issue of province `province` (see [`blank_text`]).
fn issue_blank_text(files: &Files, province: &str, i: &Issue, diags: &mut Diagnostics) {
    let path = issue_path(province, &i.slug);
    blank(files, diags, path.clone(), "title", Some(&i.facts.title));
    blank(
        files,
        diags,
        path.clone(),
        "summary",
        Some(&i.facts.summary),
    );
    for s in &i.facts.sources {
        blank(files, diags, path.clone(), "title", Some(&s.title));
    }
    blank_words(files, diags, path, i.words.en.as_ref());
}

/// `key` of `path` is present but empty: an error at its value.
fn blank(files: &Files, diags: &mut Diagnostics, path: PathBuf, key: &str, value: Option<&str>) {
    if value.is_some_and(|v| v.trim().is_empty()) {
        let src = files.source(&path);
        diags.push(error_at(
            &path,
            src.value_or_start(key),
            format!("`{key}` is empty"),
            "write the text between the quotes, or remove the file if it is not ready",
        ));
    }
}

/// The blank-text rule for the translation of the document at `base`, if there is one.
fn blank_words(files: &Files, diags: &mut Diagnostics, base: PathBuf, en: Option<&Words>) {
    if let Some(en) = en {
        let en_path = base.with_extension("en.md");
        blank(files, diags, en_path.clone(), "title", en.title.as_deref());
        blank(files, diags, en_path, "summary", en.summary.as_deref());
    }
}

/// `provinces/<province>/issues/<slug>.md`.
fn issue_path(province: &str, slug: &str) -> PathBuf {
    PathBuf::from("provinces")
        .join(province)
        .join("issues")
        .join(format!("{slug}.md"))
}

/// Every rule that concerns one issue alone (its sources, topic, status and blank texts):
/// what `generator serve` re-checks after reloading the issue's files. The full validation
/// runs the same rules through [`validate`].
pub(crate) fn issue(
    site: &Site,
    files: &Files,
    province: &str,
    i: &Issue,
    diags: &mut Diagnostics,
) {
    issue_rules(site, files, province, i, diags);
    issue_blank_text(files, province, i, diags);
}

/// Whether `url` is an `http://` or `https://` address with a host.
pub fn is_web_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let Some(rest) = rest else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    let name = host.split(':').next().unwrap_or("");
    !name.is_empty()
        && !url.chars().any(char::is_whitespace)
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-' || c == '[' || c == ']')
}

fn error_at(path: &Path, at: (usize, usize), message: String, hint: &str) -> Diagnostic {
    Diagnostic::error(path, at.0, at.1, message, hint)
}

/// Checks every source URL of one file.
fn references(path: &Path, src: &Source, list: &[Reference], diags: &mut Diagnostics) {
    for r in list {
        if !is_web_url(&r.url) {
            let at = src
                .text(&r.url, 1)
                .unwrap_or_else(|| src.key_or_start("sources"));
            diags.push(error_at(
                path,
                at,
                format!("source `{}` is not a web address", r.url),
                "sources need a full address starting with https:// (or http://), e.g. https://menpan.go.id/…",
            ));
        }
    }
}

fn site_file(site: &Site, files: &Files, diags: &mut Diagnostics) {
    let path = Path::new("site.yaml");
    let src = files.source(path);
    let c = &site.config;
    if c.languages != ["id", "en"] {
        diags.push(error_at(
            path,
            src.value_or_start("languages"),
            format!(
                "languages must be [id, en], found [{}]",
                c.languages.join(", ")
            ),
            "write `languages: [id, en]`: Indonesian is served at / and English under /en/",
        ));
    }
    for (key, url) in [("base_url", &c.base_url), ("submit_url", &c.submit_url)] {
        if !is_web_url(url) {
            diags.push(error_at(
                path,
                src.key_or_start(key),
                format!("`{key}` `{url}` is not a web address"),
                "write a full address starting with https://",
            ));
        }
    }
    if c.base_url.ends_with('/') {
        diags.push(error_at(
            path,
            src.key_or_start("base_url"),
            "`base_url` must not end with `/`".into(),
            "remove the final slash, e.g. https://winner.menpan.go.id",
        ));
    }
    references(path, &src, &c.sources, diags);
    let mut seen = BTreeMap::new();
    for stage in &c.competition.stages {
        references(path, &src, &stage.sources, diags);
        let at = src
            .text(&format!("slug: {}", stage.slug), 1)
            .unwrap_or_else(|| src.key_or_start("stages"));
        if !is_slug(&stage.slug) {
            diags.push(error_at(
                path,
                at,
                format!(
                    "stage slug `{}` cannot be used in a web address",
                    stage.slug
                ),
                "use only lowercase letters a-z, digits 0-9 and single dashes",
            ));
        }
        if seen.insert(stage.slug.as_str(), ()).is_some() {
            diags.push(error_at(
                path,
                at,
                format!("two stages have the slug `{}`", stage.slug),
                "give every stage its own slug",
            ));
        }
        if let (Some(s), Some(e)) = (stage.starts, stage.ends)
            && s > e
        {
            diags.push(error_at(
                path,
                at,
                format!("stage `{}` ends before it starts", stage.slug),
                "check the starts and ends dates",
            ));
        }
    }
}

fn topics(site: &Site, files: &Files, diags: &mut Diagnostics) {
    let path = Path::new("topics.yaml");
    let src = files.source(path);
    references(path, &src, &site.topic_sources, diags);
    let mut seen = BTreeMap::new();
    for (i, t) in site.topics.iter().enumerate() {
        let at = src
            .key("slug", i + 1)
            .unwrap_or_else(|| src.key_or_start("topics"));
        if !is_slug(&t.slug) {
            diags.push(error_at(
                path,
                at,
                format!("topic slug `{}` cannot be used in a web address", t.slug),
                "use only lowercase letters a-z, digits 0-9 and single dashes",
            ));
        }
        if seen.insert(t.slug.as_str(), ()).is_some() {
            diags.push(error_at(
                path,
                at,
                format!("two topics have the slug `{}`", t.slug),
                "give every topic its own slug",
            ));
        }
    }
}

fn provinces(site: &Site, files: &Files, diags: &mut Diagnostics) {
    let mut by_path: Vec<_> = site.provinces.iter().collect();
    by_path.sort_by(|a, b| a.slug.cmp(&b.slug));
    let mut codes: BTreeMap<&str, &str> = BTreeMap::new();
    for p in by_path {
        let path = PathBuf::from("provinces")
            .join(&p.slug)
            .join("province.yaml");
        let src = files.source(&path);
        let code_at = src.value_or_start("code");
        let code = p.facts.code.as_str();
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_digit()) {
            diags.push(error_at(
                &path,
                code_at,
                format!("province code `{code}` is not two digits"),
                "use the two-digit Kemendagri code in quotes, e.g. code: \"61\"",
            ));
        } else if !code_is_quoted(&src) {
            diags.push(error_at(&path, code_at, "the province code must be written in quotes".into(), "write the code in quotes, e.g. code: \"61\", so that codes like \"06\" keep their zero"));
        }
        if let Some(first) = codes.insert(code, &p.slug) {
            codes.insert(code, first);
            diags.push(error_at(
                &path,
                code_at,
                format!("province code `{code}` is already used by `{first}`"),
                "every province has its own Kemendagri code; check which one is right",
            ));
        }
        references(&path, &src, &p.facts.sources, diags);
        if let Some(w) = p.facts.proposals {
            window_rules(&path, &src, w, diags);
        }
        if let Some(stated) = &p.facts.issues_stated {
            issues_stated_rules(&path, &src, p, stated, diags);
        }
        for issue in &p.issues {
            issue_rules(site, files, &p.slug, issue, diags);
        }
    }
}

/// A proposals window says when it opens, or that its opening is unknown and from when it can
/// be open at all: the site never calls a window open before a day some source allows.
fn window_rules(path: &Path, src: &Source, w: winner_catalog::Window, diags: &mut Diagnostics) {
    let at = src.key_or_start("proposals");
    match (w.opens, w.not_before) {
        (Some(_), Some(_)) => diags.push(error_at(
            path,
            src.key("not_before", 1).unwrap_or(at),
            "`not_before` is only for a window whose opening day is unknown, but `opens` is given".into(),
            "keep `opens` (the day a source states) and delete `not_before`",
        )),
        (None, None) => diags.push(error_at(
            path,
            at,
            "the proposals window has no opening day and no earliest day".into(),
            "write `opens:` when a source states the first day; otherwise `not_before:` the earliest day a source allows (e.g. the competition's launch), with the source in a comment",
        )),
        _ => {}
    }
    let first = w.opens.or(w.not_before);
    if let (Some(o), Some(c)) = (first, w.closes)
        && o > c
    {
        diags.push(error_at(
            path,
            at,
            "proposals close before they open".into(),
            "check the opens (or not_before) and closes dates",
        ));
    }
}

/// `issues_stated` is a positive count whose source is listed on the province's page.
fn issues_stated_rules(
    path: &Path,
    src: &Source,
    p: &super::site::Province,
    stated: &super::model::IssuesStated,
    diags: &mut Diagnostics,
) {
    let at = src.key_or_start("issues_stated");
    if stated.count == 0 {
        diags.push(error_at(
            path,
            src.key("count", 1).unwrap_or(at),
            "`issues_stated` has a count of 0".into(),
            "write the number of issues the source states, or delete `issues_stated`",
        ));
    }
    if !p.facts.sources.iter().any(|s| s.url == stated.source) {
        diags.push(error_at(
            path,
            src.text(&stated.source, 1).unwrap_or(at),
            format!(
                "`issues_stated` cites `{}`, which is not one of this province's sources",
                stated.source
            ),
            "add that source under `sources:`, or copy the URL of the listed source that states the count",
        ));
    }
}

/// Sources, topic and status of one issue of province `province`.
fn issue_rules(site: &Site, files: &Files, province: &str, issue: &Issue, diags: &mut Diagnostics) {
    let path = issue_path(province, &issue.slug);
    let src = files.source(&path);
    references(&path, &src, &issue.facts.sources, diags);
    if !site.topics.iter().any(|t| t.slug == issue.facts.topic) {
        diags.push(error_at(
            &path,
            src.value_or_start("topic"),
            format!("there is no topic `{}` in topics.yaml", issue.facts.topic),
            &format!(
                "use one of: {}",
                site.topics
                    .iter()
                    .map(|t| t.slug.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    if issue.facts.status == IssueStatus::Pending && issue.facts.validated_on.is_some() {
        diags.push(error_at(
            &path,
            src.value_or_start("validated_on"),
            "a pending issue cannot have a validation date".into(),
            "either set `status: validated` or remove `validated_on`",
        ));
    }
}

fn code_is_quoted(src: &Source) -> bool {
    let Some((line, _)) = src.key("code", 1) else {
        return true;
    };
    src.yaml
        .lines()
        .nth(line - src.first_line)
        .and_then(|l| l.split_once(':'))
        .is_none_or(|(_, v)| v.trim_start().starts_with(['"', '\'']))
}

fn news(site: &Site, files: &Files, diags: &mut Diagnostics) {
    let mut by_slug: BTreeMap<&str, PathBuf> = BTreeMap::new();
    let mut items: Vec<_> = site.news.iter().collect();
    items.sort_by(|a, b| (a.date, &a.slug).cmp(&(b.date, &b.slug)));
    for n in items {
        let name = format!(
            "{}-{}.md",
            winner_catalog::clock::format_date(n.date),
            n.slug
        );
        let path = PathBuf::from("news").join(name);
        let src = files.source(&path);
        references(&path, &src, &n.facts.sources, diags);
        let from = src.key_or_start("provinces").0;
        for p in &n.facts.provinces {
            let facts = PathBuf::from("provinces").join(p).join("province.yaml");
            if !files.present.contains(&facts) {
                diags.push(error_at(
                    &path,
                    src.text(p, from).unwrap_or((from, 1)),
                    format!("there is no province `{p}`"),
                    "use the name of a folder under provinces/, e.g. kalimantan-barat",
                ));
            }
        }
        if let Some(first) = by_slug.get(n.slug.as_str()) {
            diags.push(Diagnostic::error(
                &path,
                1,
                1,
                format!("`{}` has the same slug as {}", n.slug, first.display()),
                "news web addresses use the part after the date: give this item another name",
            ));
        } else {
            by_slug.insert(&n.slug, path);
        }
    }
}

fn pages(site: &Site, files: &Files, diags: &mut Diagnostics) {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for p in &site.pages {
        let path = PathBuf::from("pages").join(format!("{}.md", p.slug));
        let src = files.source(&path);
        references(&path, &src, &p.facts.sources, diags);
        if p.words.en.is_none() {
            continue;
        }
        let en_path = PathBuf::from("pages").join(format!("{}.en.md", p.slug));
        let en_src = files.source(&en_path);
        let at = en_src.key_or_start("slug");
        if !is_slug(&p.slug_en) {
            diags.push(error_at(
                &en_path,
                at,
                format!("`{}` cannot be used in a web address", p.slug_en),
                "use only lowercase letters a-z, digits 0-9 and single dashes",
            ));
        }
        if let Some(other) = seen.insert(&p.slug_en, &p.slug) {
            diags.push(error_at(
                &en_path,
                at,
                format!(
                    "the English slug `{}` is also used by pages/{other}.en.md",
                    p.slug_en
                ),
                "give every page its own English slug",
            ));
        }
    }
}

fn form(site: &Site, files: &Files, diags: &mut Diagnostics) {
    let path = Path::new("form.yaml");
    let src = files.source(path);
    for problem in site.form.problems() {
        let at = match problem.index {
            Some(i) => field_line(&src, site, i),
            None if problem.message.contains("honeypot") => src.key_or_start("honeypot"),
            None if problem.message.contains("min_fill_seconds") => {
                src.key_or_start("min_fill_seconds")
            }
            None => src.key_or_start("fields"),
        };
        diags.push(error_at(
            path,
            at,
            problem.to_string(),
            "the form must be one the submission service can check; fix the field as the message says (see the comment at the top of form.yaml)",
        ));
    }
}

/// The file line of the `index`-th field's `name:` in form.yaml.
fn field_line(src: &Source, site: &Site, index: usize) -> (usize, usize) {
    let Some(field) = site.form.fields.get(index) else {
        return src.key_or_start("fields");
    };
    let nth = site.form.fields[..index]
        .iter()
        .filter(|f| f.name == field.name)
        .count();
    let mut from = 1;
    let mut found = None;
    for _ in 0..=nth {
        found = src.text(&format!("name: {}", field.name), from);
        match found {
            Some((line, _)) => from = line + 1,
            None => break,
        }
    }
    found.unwrap_or_else(|| src.key_or_start("fields"))
}

#[cfg(test)]
mod tests {
    use super::is_web_url;

    #[test]
    fn web_urls() {
        assert!(is_web_url("https://menpan.go.id/site/berita"));
        assert!(is_web_url("http://example.org"));
        assert!(!is_web_url("https://"));
        assert!(!is_web_url("ftp://example.org"));
        assert!(!is_web_url("menpan.go.id"));
        assert!(!is_web_url("https://exa mple.org"));
    }
}
