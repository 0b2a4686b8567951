//! Rules across files: topics and provinces referred to exist, codes and slugs are unique,
//! URLs are web addresses, dates make sense, the form can be enforced. Every rule adds its
//! problems and carries on, so one run reports everything.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use winner_catalog::IssueStatus;

use super::diagnostic::{Diagnostic, Diagnostics};
use super::index::Files;
use super::load_assemble::StandIns;
use super::load_file::Source;
use super::model::Source as Reference;
use super::site::{Issue, Site, Words};
use super::slug::is_slug;
use crate::messages::{Msg, codes};

/// Runs every cross-file rule on a loaded site, except the rules of site-wide files that
/// stand in for missing or broken ones (their own error is reported already).
pub(crate) fn validate(site: &Site, files: &Files, stand_ins: StandIns, diags: &mut Diagnostics) {
    if !stand_ins.config {
        site_file(site, files, diags);
    }
    if !stand_ins.topics {
        topics(site, files, diags);
    }
    provinces(site, files, diags);
    news(site, files, diags);
    pages(site, files, diags);
    if !stand_ins.form {
        form(site, files, diags);
        privacy_version(site, diags);
    }
    synonyms(site, files, diags);
    blank_text(site, files, diags);
}

/// `search.yaml`: every entry has words on both sides, and no word people type is claimed
/// by two entries (which of the two meanings would a search get?).
fn synonyms(site: &Site, files: &Files, diags: &mut Diagnostics) {
    let path = Path::new("search.yaml");
    let src = files.source(path);
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (i, s) in site.synonyms.iter().enumerate() {
        let start = src
            .key("terms", i + 1)
            .or_else(|| src.key("means", i + 1))
            .unwrap_or_else(|| src.key_or_start("synonyms"));
        for (key, list) in [("terms", &s.terms), ("means", &s.means)] {
            let at = src.key(key, i + 1).unwrap_or(start);
            if list.iter().all(|w| w.trim().is_empty()) {
                diags.push(error_at(
                    path,
                    at,
                    Msg::new(codes::SYNONYM_SIDE_EMPTY)
                        .arg("entry", i + 1)
                        .arg("key", key),
                ));
            } else if list.iter().any(|w| w.trim().is_empty()) {
                diags.push(error_at(
                    path,
                    at,
                    Msg::new(codes::SYNONYM_EMPTY_ITEM)
                        .arg("entry", i + 1)
                        .arg("key", key),
                ));
            }
        }
        for term in &s.terms {
            let key = term.trim().to_lowercase();
            if key.is_empty() {
                continue;
            }
            if let Some(first) = seen.insert(key, i) {
                let at = src.text(term, start.0).unwrap_or(start);
                diags.push(error_at(
                    path,
                    at,
                    Msg::new(codes::SYNONYM_TERM_TWICE)
                        .arg("term", term.as_str())
                        .arg("first", first + 1),
                ));
            }
        }
    }
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
        blank_source_titles(files, diags, dir.join("province.yaml"), &p.facts.sources);
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
        blank_source_titles(files, diags, path.clone(), &n.facts.sources);
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
    blank_source_titles(files, diags, path.clone(), &i.facts.sources);
    blank_words(files, diags, path, i.words.en.as_ref());
}

/// Empty `title`s of the entries of `sources`, each reported at its own `title:` (inline
/// `- { title: "", … }` or block entries alike), not at the file's own `title:`.
fn blank_source_titles(
    files: &Files,
    diags: &mut Diagnostics,
    path: PathBuf,
    sources: &[Reference],
) {
    let src = files.source(&path);
    let mut from = src.key("sources", 1).map_or(1, |(line, _)| line);
    for s in sources {
        let at = src.text("title:", from);
        if let Some((line, _)) = at {
            from = line + 1;
        }
        if s.title.trim().is_empty() {
            diags.push(error_at(
                &path,
                at.unwrap_or_else(|| src.key_or_start("sources")),
                Msg::new(codes::BLANK_FIELD)
                    .arg("field", "sources.title")
                    .arg("kind", "source"),
            ));
        }
    }
}

/// `key` of `path` is present but empty: an error at its value.
fn blank(files: &Files, diags: &mut Diagnostics, path: PathBuf, key: &str, value: Option<&str>) {
    if value.is_some_and(|v| v.trim().is_empty()) {
        let src = files.source(&path);
        diags.push(error_at(
            &path,
            src.value_or_start(key),
            Msg::new(codes::BLANK_FIELD)
                .arg("field", key)
                .arg("kind", "text"),
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

fn error_at(path: &Path, at: (usize, usize), msg: Msg) -> Diagnostic {
    Diagnostic::error(path, at.0, at.1, msg)
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
                Msg::new(codes::SOURCE_NOT_URL).arg("url", &r.url),
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
            Msg::new(codes::BAD_LANGUAGES).arg("found", c.languages.join(", ")),
        ));
    }
    for (key, url) in [("base_url", &c.base_url), ("submit_url", &c.submit_url)] {
        if !is_web_url(url) {
            diags.push(error_at(
                path,
                src.key_or_start(key),
                Msg::new(codes::SITE_URL_INVALID)
                    .arg("field", key)
                    .arg("url", url),
            ));
        }
    }
    if c.base_url.ends_with('/') {
        diags.push(error_at(
            path,
            src.key_or_start("base_url"),
            Msg::new(codes::BASE_URL_SLASH),
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
                Msg::new(codes::STAGE_SLUG_INVALID).arg("slug", &stage.slug),
            ));
        }
        if seen.insert(stage.slug.as_str(), ()).is_some() {
            diags.push(error_at(
                path,
                at,
                Msg::new(codes::STAGE_SLUG_DUPLICATE).arg("slug", &stage.slug),
            ));
        }
        if let (Some(s), Some(e)) = (stage.starts, stage.ends)
            && s > e
        {
            diags.push(error_at(
                path,
                at,
                Msg::new(codes::STAGE_DATES_REVERSED).arg("slug", &stage.slug),
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
                Msg::new(codes::TOPIC_SLUG_INVALID).arg("slug", &t.slug),
            ));
        }
        if seen.insert(t.slug.as_str(), ()).is_some() {
            diags.push(error_at(
                path,
                at,
                Msg::new(codes::TOPIC_SLUG_DUPLICATE).arg("slug", &t.slug),
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
                Msg::new(codes::CODE_NOT_TWO_DIGITS).arg("code", code),
            ));
        } else if !code_is_quoted(&src) {
            diags.push(error_at(&path, code_at, Msg::new(codes::CODE_UNQUOTED)));
        }
        if let Some(first) = codes.insert(code, &p.slug) {
            codes.insert(code, first);
            diags.push(error_at(
                &path,
                code_at,
                Msg::new(codes::CODE_DUPLICATE)
                    .arg("code", code)
                    .arg("other", first),
            ));
        }
        references(&path, &src, &p.facts.sources, diags);
        if let Some(wave) = p.facts.wave
            && !WAVES.contains(&wave)
        {
            diags.push(error_at(
                &path,
                src.value_or_start("wave"),
                Msg::new(codes::WAVE_UNKNOWN)
                    .arg("wave", wave)
                    .arg("waves", WAVES.map(|w| w.to_string()).join(", ")),
            ));
        }
        if let Some(w) = p.facts.proposals {
            window_rules(&path, &src, w, diags);
        }
        if let Some(stated) = &p.facts.issues_stated {
            issues_stated_rules(&path, &src, p, stated, diags);
        }
        if let Some(address) = &p.facts.organiser_email
            && !winner_catalog::is_email(address)
        {
            diags.push(error_at(
                &path,
                src.value_or_start("organiser_email"),
                Msg::new(codes::ORGANISER_EMAIL_INVALID).arg("address", address),
            ));
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
            Msg::new(codes::WINDOW_BOTH_STARTS),
        )),
        (None, None) => diags.push(error_at(path, at, Msg::new(codes::WINDOW_NO_START))),
        _ => {}
    }
    let first = w.opens.or(w.not_before);
    if let (Some(o), Some(c)) = (first, w.closes)
        && o > c
    {
        diags.push(error_at(path, at, Msg::new(codes::WINDOW_REVERSED)));
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
            Msg::new(codes::ISSUES_STATED_ZERO),
        ));
    }
    if !p.facts.sources.iter().any(|s| s.url == stated.source) {
        diags.push(error_at(
            path,
            src.text(&stated.source, 1).unwrap_or(at),
            Msg::new(codes::ISSUES_STATED_SOURCE).arg("url", &stated.source),
        ));
    }
}

/// Sources, topic and status of one issue of province `province`.
fn issue_rules(site: &Site, files: &Files, province: &str, issue: &Issue, diags: &mut Diagnostics) {
    let path = issue_path(province, &issue.slug);
    let src = files.source(&path);
    references(&path, &src, &issue.facts.sources, diags);
    // No topic known: topics.yaml is missing or broken, and says so itself.
    if !site.topics.is_empty() && !site.topics.iter().any(|t| t.slug == issue.facts.topic) {
        diags.push(error_at(
            &path,
            src.value_or_start("topic"),
            suggest(
                Msg::new(codes::UNKNOWN_TOPIC)
                    .arg("topic", &issue.facts.topic)
                    .arg(
                        "topics",
                        site.topics
                            .iter()
                            .map(|t| t.slug.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                &issue.facts.topic,
                site.topics.iter().map(|t| t.slug.as_str()),
            ),
        ));
    }
    let meeting = site
        .provinces
        .iter()
        .find(|p| p.slug == province)
        .and_then(|p| p.facts.validation.as_ref());
    if let (Some(on), Some(meeting)) = (issue.facts.validated_on, meeting)
        && on != meeting.date
    {
        let at = src.value_or_start("validated_on");
        diags.push(Diagnostic::warning(
            &path,
            at.0,
            at.1,
            Msg::new(codes::VALIDATED_ON_DIFFERS)
                .arg("date", winner_catalog::clock::format_date(on))
                .arg("meeting", winner_catalog::clock::format_date(meeting.date)),
        ));
    }
    if issue.facts.status == IssueStatus::Pending && issue.facts.validated_on.is_some() {
        diags.push(error_at(
            &path,
            src.value_or_start("validated_on"),
            Msg::new(codes::PENDING_WITH_DATE),
        ));
    }
}

/// `msg` with a `suggestion` when one of `candidates` is a likely spelling of `word`.
fn suggest<'a>(msg: Msg, word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Msg {
    match crate::messages::closest(word, candidates) {
        Some(s) => msg.arg("suggestion", s),
        None => msg,
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
                    suggest(
                        Msg::new(codes::UNKNOWN_PROVINCE).arg("province", p),
                        p,
                        site.provinces.iter().map(|q| q.slug.as_str()),
                    ),
                ));
            }
        }
        if let Some(first) = by_slug.get(n.slug.as_str()) {
            diags.push(Diagnostic::error(
                &path,
                1,
                1,
                Msg::new(codes::NEWS_SLUG_DUPLICATE)
                    .arg("slug", &n.slug)
                    .arg("other", first.display().to_string()),
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
        if let Some(url) = RESERVED_ID.iter().find(|r| **r == p.slug) {
            diags.push(Diagnostic::error(
                &path,
                0,
                0,
                reserved(&p.slug, &format!("/{url}/")),
            ));
        }
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
                Msg::new(codes::PAGE_SLUG_INVALID).arg("slug", &p.slug_en),
            ));
        }
        if RESERVED_EN.contains(&p.slug_en.as_str()) {
            diags.push(error_at(
                &en_path,
                en_src.value_or_start("slug"),
                reserved(&p.slug_en, &format!("/en/{}/", p.slug_en)),
            ));
        }
        if let Some(other) = seen.insert(&p.slug_en, &p.slug) {
            diags.push(error_at(
                &en_path,
                at,
                Msg::new(codes::PAGE_SLUG_DUPLICATE)
                    .arg("slug", &p.slug_en)
                    .arg("other", other.to_string()),
            ));
        }
    }
}

/// First path words of the pages the site makes itself (Indonesian, at the root).
const RESERVED_ID: [&str; 8] = [
    "provinsi",
    "berita",
    "topik",
    "ajukan",
    "cari",
    "en",
    "pagefind",
    super::media::OUTPUT_FOLDER,
];
/// First path words of the English pages the site makes itself (under /en/).
const RESERVED_EN: [&str; 6] = ["provinces", "news", "topics", "apply", "search", "pagefind"];

/// The reserved-route message for a page named `name` that would be served at `url`.
fn reserved(name: &str, url: &str) -> Msg {
    Msg::new(codes::RESERVED_ROUTE)
        .arg("name", name)
        .arg("url", url)
        .arg(
            "reserved",
            RESERVED_ID.join(", ") + ", " + &RESERVED_EN.join(", "),
        )
}

/// The waves of the competition (2023: gelombang I and II).
const WAVES: [u8; 2] = [1, 2];

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
            Msg::new(codes::FORM_PROBLEM).arg("detail", problem.to_string()),
        ));
    }
}

/// Applicants consent to the privacy notice by its version (`privacy_notice_version` in
/// form.yaml, stored with each proposal): the notice itself, in each language, must state
/// that version, or a proposal would record consent to a text nobody can find.
fn privacy_version(site: &Site, diags: &mut Diagnostics) {
    let Some(page) = site.privacy_page() else {
        return;
    };
    let version = site.form.privacy_notice_version.as_str();
    let words = std::iter::once(&page.words.id).chain(page.words.en.as_ref());
    for md in words.map(|w| &w.body) {
        if !md.text.contains(version) {
            diags.push(Diagnostic::error(
                &md.path,
                md.first_line,
                1,
                Msg::new(codes::PRIVACY_VERSION_NOT_STATED).arg("version", version),
            ));
        }
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
