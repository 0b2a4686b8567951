//! Configuration: every environment variable submit-fn reads is read here, once, into [`Config`].
//!
//! | variable | required | meaning |
//! |---|---|---|
//! | `TABLE_NAME` | yes | the DynamoDB table (see [`crate::store`]) |
//! | `CATALOG_PATH` | yes (unless `serve --catalog`) | `catalog.json` written by the generator |
//! | `SITE_URL` | yes | public site base URL for the thank-you redirect, e.g. `https://winner.example.go.id` |
//! | `ALLOWED_ORIGINS` | yes (may be empty) | comma-separated origins that get CORS headers |
//! | `IP_HASH_SECRET` | yes | at least 32 bytes; key of the HMAC that identifies clients |
//! | `AS_OF` | no | pins "today" (`YYYY-MM-DD`) for previews and tests |
//! | `TRUST_X_FORWARDED_FOR` | no | `true` to take the client IP from the last (rightmost) `X-Forwarded-For` entry, the one the proxy in front appended (only behind one proxy that appends it; ignored inside Lambda, where API Gateway's `sourceIp` rules) |
//! | `RATE_LIMIT` | no | `MAX/SECONDS`, stored submissions per client per window; default `20/3600` |
//! | `FUNCTION_TIMEOUT_SECONDS` | no | the Lambda function's configured timeout (default 10); every request is answered within [`Config::deadline`], [`DEADLINE_MARGIN`] less. `deploy/template.yaml` sets the function's `Timeout` and this variable from one parameter |
//!
//! The outbox (#17, [`MailConfig`]), read by the server (which writes messages) and the sender:
//!
//! | variable | required | meaning |
//! |---|---|---|
//! | `MAIL_FROM` | no | the sender address, an SES-verified identity, e.g. `Kompetisi WiNNER <noreply@winner.example.go.id>`; unset, no email is written or sent |
//! | `ORGANISER_EMAIL` | no | where the notice of each new proposal goes, unless its province's content gives its own `organiser_email` (catalog.json); unset, only those provinces get a notice |
//! | `NOTICE_INCLUDES_ANSWERS` | no | `true` to copy the answers (personal data) into the notice; default `false`: the notice points to the export |
//! | `SES_CONFIGURATION_SET` | no | the SES configuration set every message is sent with (bounce and complaint events) |
//! | `SUBMIT_URL` | no | the public URL of `POST /proposals` (site.yaml's `submit_url`), e.g. `https://api.winner.example.go.id/proposals`; with it (and `IP_HASH_SECRET`, which derives the link key) messages to the author carry the private link `<SUBMIT_URL>/link/<token>` (#18) |
//! | `PUBLIC_STATUSES` | no | the organiser's statuses that are emailed to the author (`review set-status`), comma-separated; default `shortlisted,not_selected` |
//!
//! `RUST_LOG` sets the log filter (see [`crate::logging`]).
//! The AWS SDK reads its own variables (`AWS_REGION`, credentials, `AWS_ENDPOINT_URL_DYNAMODB`).
//! Tests build a [`Config`] directly: nothing sets environment variables in-process.

use std::path::PathBuf;
use std::time::Duration;

use time::Date;

/// Everything the app needs besides its clients.
#[derive(Debug, Clone)]
pub struct Config {
    /// DynamoDB table name.
    pub table_name: String,
    /// Where `catalog.json` is read from at start-up.
    pub catalog_path: PathBuf,
    /// Public site base URL, without trailing slash.
    pub site_url: String,
    /// Origins (`scheme://host[:port]`) allowed to call the API from a script.
    pub allowed_origins: Vec<String>,
    /// Key for the HMAC of client IP addresses.
    pub ip_hash_secret: Vec<u8>,
    /// Pinned date, if any.
    pub as_of: Option<Date>,
    /// Whether `X-Forwarded-For` names the client (only behind a trusted proxy).
    pub trust_forwarded_for: bool,
    /// Per-client limit on stored submissions.
    pub rate_limit: RateLimit,
    /// The function's configured timeout (`FUNCTION_TIMEOUT_SECONDS`).
    pub function_timeout: Duration,
}

/// Time kept between a request's deadline and the function's timeout: rendering, the
/// runtime's own work, and a cold start's slack.
pub const DEADLINE_MARGIN: Duration = Duration::from_secs(2);

/// The default `FUNCTION_TIMEOUT_SECONDS` (the template's default too).
pub const DEFAULT_FUNCTION_TIMEOUT: Duration = Duration::from_secs(10);

impl Config {
    /// How long a request may take, every store call and retry included: the function
    /// timeout less [`DEADLINE_MARGIN`].
    pub fn deadline(&self) -> Duration {
        self.function_timeout.saturating_sub(DEADLINE_MARGIN)
    }
}

/// At most `max` submissions per client in each fixed window of `window_secs` seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// Submissions allowed per window.
    pub max: u32,
    /// Window length in seconds.
    pub window_secs: u64,
}

impl Default for RateLimit {
    fn default() -> Self {
        RateLimit {
            max: 20,
            window_secs: 3600,
        }
    }
}

/// Settings that are missing or invalid; all of them, so an operator fixes them in one go.
#[derive(Debug, thiserror::Error)]
#[error("invalid configuration:\n  - {}", .0.join("\n  - "))]
pub struct ConfigError(pub Vec<String>);

/// Shortest accepted `IP_HASH_SECRET`, in bytes.
pub const MIN_SECRET_LEN: usize = 32;

impl Config {
    /// Reads the process environment. `catalog_override` (from `serve --catalog`) replaces
    /// `CATALOG_PATH`.
    pub fn from_env(catalog_override: Option<PathBuf>) -> Result<Config, ConfigError> {
        Config::from_lookup(|name| std::env::var(name).ok(), catalog_override)
    }

    /// Reads settings through `lookup` (the environment in production, a map in tests).
    pub fn from_lookup(
        lookup: impl Fn(&str) -> Option<String>,
        catalog_override: Option<PathBuf>,
    ) -> Result<Config, ConfigError> {
        let mut problems = Vec::new();
        let mut required = |name: &str| match lookup(name) {
            Some(v) if !v.trim().is_empty() => Some(v.trim().to_owned()),
            _ => {
                problems.push(format!("{name} is not set"));
                None
            }
        };
        let table_name = required("TABLE_NAME");
        let catalog_path = match catalog_override {
            Some(p) => Some(p),
            None => required("CATALOG_PATH").map(PathBuf::from),
        };
        let site_url = required("SITE_URL");
        let secret = required("IP_HASH_SECRET");

        if let Some(t) = &table_name
            && let Err(e) = check_table_name(t)
        {
            problems.push(format!("TABLE_NAME: {e}"));
        }
        let site_url = site_url.and_then(|u| match check_origin_like(&u, true) {
            Ok(u) => Some(u),
            Err(e) => {
                problems.push(format!("SITE_URL `{u}`: {e}"));
                None
            }
        });
        let allowed_origins = match lookup("ALLOWED_ORIGINS") {
            None => {
                problems.push(
                    "ALLOWED_ORIGINS is not set (use an empty value for no CORS origins)".into(),
                );
                Vec::new()
            }
            Some(list) => list
                .split(',')
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .filter_map(|o| match check_origin_like(o, false) {
                    Ok(o) => Some(o),
                    Err(e) => {
                        problems.push(format!("ALLOWED_ORIGINS entry `{o}`: {e}"));
                        None
                    }
                })
                .collect(),
        };
        if let Some(s) = &secret
            && s.len() < MIN_SECRET_LEN
        {
            problems.push(format!(
                "IP_HASH_SECRET must be at least {MIN_SECRET_LEN} bytes (it has {})",
                s.len()
            ));
        }
        let as_of = match lookup("AS_OF").filter(|v| !v.trim().is_empty()) {
            None => None,
            Some(v) => match winner_catalog::clock::parse_date(&v) {
                Ok(d) => Some(d),
                Err(e) => {
                    problems.push(format!("AS_OF: {e}"));
                    None
                }
            },
        };
        let trust_forwarded_for = match lookup("TRUST_X_FORWARDED_FOR").as_deref().map(str::trim) {
            None | Some("") | Some("false") => false,
            Some("true") => true,
            Some(other) => {
                problems.push(format!(
                    "TRUST_X_FORWARDED_FOR must be `true` or `false`, not `{other}`"
                ));
                false
            }
        };
        let rate_limit = match lookup("RATE_LIMIT").filter(|v| !v.trim().is_empty()) {
            None => RateLimit::default(),
            Some(v) => parse_rate_limit(&v).unwrap_or_else(|e| {
                problems.push(format!("RATE_LIMIT `{v}`: {e}"));
                RateLimit::default()
            }),
        };

        let function_timeout = match lookup("FUNCTION_TIMEOUT_SECONDS")
            .filter(|v| !v.trim().is_empty())
        {
            None => DEFAULT_FUNCTION_TIMEOUT,
            Some(v) => match v.trim().parse::<u64>() {
                Ok(n) if (3..=900).contains(&n) => Duration::from_secs(n),
                _ => {
                    problems.push(format!(
                        "FUNCTION_TIMEOUT_SECONDS `{v}` must be a whole number of seconds from 3 to 900"
                    ));
                    DEFAULT_FUNCTION_TIMEOUT
                }
            },
        };

        match (table_name, catalog_path, site_url, secret) {
            (Some(table_name), Some(catalog_path), Some(site_url), Some(secret))
                if problems.is_empty() =>
            {
                Ok(Config {
                    table_name,
                    catalog_path,
                    site_url,
                    allowed_origins,
                    ip_hash_secret: secret.into_bytes(),
                    as_of,
                    trust_forwarded_for,
                    rate_limit,
                    function_timeout,
                })
            }
            _ => Err(ConfigError(problems)),
        }
    }
}

/// What the outbox sends and from where (see the module's second table).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailConfig {
    /// `MAIL_FROM`.
    pub from: String,
    /// `ORGANISER_EMAIL`.
    pub organiser: Option<String>,
    /// `NOTICE_INCLUDES_ANSWERS`.
    pub notice_answers: bool,
    /// `SES_CONFIGURATION_SET`.
    pub configuration_set: Option<String>,
    /// `SUBMIT_URL`, without a trailing `/`.
    pub submit_url: Option<String>,
}

impl MailConfig {
    /// Reads the process environment; `Ok(None)` when `MAIL_FROM` is unset.
    pub fn from_env() -> Result<Option<MailConfig>, ConfigError> {
        MailConfig::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `lookup`; every problem at once.
    pub fn from_lookup(
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<Option<MailConfig>, ConfigError> {
        let get = |name: &str| {
            lookup(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let Some(from) = get("MAIL_FROM") else {
            return Ok(None);
        };
        let mut problems = Vec::new();
        if let Err(e) = check_address(&from, true) {
            problems.push(format!("MAIL_FROM `{from}`: {e}"));
        }
        let organiser = get("ORGANISER_EMAIL");
        if let Some(o) = &organiser
            && let Err(e) = check_address(o, false)
        {
            problems.push(format!("ORGANISER_EMAIL `{o}`: {e}"));
        }
        let notice_answers = match get("NOTICE_INCLUDES_ANSWERS").as_deref() {
            None | Some("false") => false,
            Some("true") => true,
            Some(other) => {
                problems.push(format!(
                    "NOTICE_INCLUDES_ANSWERS must be `true` or `false`, not `{other}`"
                ));
                false
            }
        };
        let configuration_set = get("SES_CONFIGURATION_SET");
        if let Some(c) = &configuration_set
            && !c
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '_' | '-'))
        {
            problems.push(format!(
                "SES_CONFIGURATION_SET `{c}` may hold only letters, digits, _ and -"
            ));
        }
        let submit_url = get("SUBMIT_URL").and_then(|u| match check_origin_like(&u, true) {
            Ok(u) => Some(u),
            Err(e) => {
                problems.push(format!("SUBMIT_URL `{u}`: {e}"));
                None
            }
        });
        if !problems.is_empty() {
            return Err(ConfigError(problems));
        }
        Ok(Some(MailConfig {
            from,
            organiser,
            notice_answers,
            configuration_set,
            submit_url,
        }))
    }
}

/// An address as SES takes it: `local@domain`, or `Name <local@domain>` when `named`; no
/// whitespace in the address, no line breaks anywhere.
fn check_address(value: &str, named: bool) -> Result<(), &'static str> {
    if value.contains(['\r', '\n']) {
        return Err("must not contain a line break");
    }
    let address = match (named, value.rsplit_once('<')) {
        (true, Some((_, rest))) => rest
            .strip_suffix('>')
            .ok_or("a `<` without a closing `>`")?,
        _ => value,
    };
    if winner_catalog::is_email(address) {
        Ok(())
    } else {
        Err("is not an email address like name@example.go.id")
    }
}

/// `IP_HASH_SECRET` alone, for the outbox sender (it derives the private link's key), when set
/// and long enough.
pub fn server_secret_from_env() -> Option<Vec<u8>> {
    std::env::var("IP_HASH_SECRET")
        .ok()
        .map(|s| s.trim().to_owned())
        .filter(|s| s.len() >= MIN_SECRET_LEN)
        .map(String::into_bytes)
}

/// `PUBLIC_STATUSES`, unparsed (see `crate::status::public_statuses`).
pub fn public_statuses_from_env() -> Option<String> {
    std::env::var("PUBLIC_STATUSES").ok()
}

/// Reads only `TABLE_NAME` (for `create-table`, which needs nothing else).
pub fn table_name_from_env() -> Result<String, ConfigError> {
    match std::env::var("TABLE_NAME") {
        Ok(t) if !t.trim().is_empty() => {
            check_table_name(t.trim())
                .map_err(|e| ConfigError(vec![format!("TABLE_NAME: {e}")]))?;
            Ok(t.trim().to_owned())
        }
        _ => Err(ConfigError(vec!["TABLE_NAME is not set".into()])),
    }
}

/// The `RUST_LOG` filter, if set.
pub fn rust_log() -> Option<String> {
    std::env::var("RUST_LOG").ok()
}

/// Whether the process runs inside AWS Lambda (the runtime API address is set by Lambda).
pub fn in_lambda() -> bool {
    std::env::var_os("AWS_LAMBDA_RUNTIME_API").is_some()
}

/// DynamoDB's rule: 3 to 255 characters of `a-z A-Z 0-9 _ - .`.
pub fn check_table_name(name: &str) -> Result<(), String> {
    let ok_chars = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    if (3..=255).contains(&name.len()) && ok_chars {
        Ok(())
    } else {
        Err(format!(
            "`{name}` is not a DynamoDB table name (3 to 255 of a-z, A-Z, 0-9, _, -, .)"
        ))
    }
}

/// Accepts `http(s)://host[:port]`, optionally with a path when `allow_path`; strips a trailing `/`.
fn check_origin_like(value: &str, allow_path: bool) -> Result<String, String> {
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .ok_or("must start with https:// or http://")?;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    if host.is_empty()
        || !host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
    {
        return Err("has no valid host".into());
    }
    if !allow_path && !path.is_empty() {
        return Err("an origin has no path".into());
    }
    if value.contains(['?', '#', ' ']) {
        return Err("must not contain a query, fragment or space".into());
    }
    Ok(value.trim_end_matches('/').to_owned())
}

fn parse_rate_limit(value: &str) -> Result<RateLimit, String> {
    let (max, secs) = value
        .trim()
        .split_once('/')
        .ok_or("expected MAX/SECONDS, e.g. 20/3600")?;
    let max: u32 = max
        .trim()
        .parse()
        .map_err(|_| "MAX is not a whole number")?;
    let window_secs: u64 = secs
        .trim()
        .parse()
        .map_err(|_| "SECONDS is not a whole number")?;
    if max == 0 || window_secs == 0 || window_secs > 86_400 {
        return Err("MAX must be at least 1 and SECONDS between 1 and 86400".into());
    }
    Ok(RateLimit { max, window_secs })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn lookup(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |k| map.get(k).cloned()
    }

    const GOOD: [(&str, &str); 5] = [
        ("TABLE_NAME", "winner-proposals"),
        ("CATALOG_PATH", "public/catalog.json"),
        ("SITE_URL", "https://winner.example.go.id/"),
        (
            "ALLOWED_ORIGINS",
            "https://winner.example.go.id, http://127.0.0.1:8080",
        ),
        ("IP_HASH_SECRET", "0123456789abcdef0123456789abcdef"),
    ];

    #[test]
    fn reads_a_complete_environment() {
        let c = Config::from_lookup(lookup(&GOOD), None).expect("valid");
        assert_eq!(c.site_url, "https://winner.example.go.id");
        assert_eq!(c.allowed_origins.len(), 2);
        assert_eq!(c.rate_limit, RateLimit::default());
        assert!(!c.trust_forwarded_for);
        assert_eq!(c.deadline(), Duration::from_secs(8));
        let mut pairs = GOOD.to_vec();
        pairs.push(("FUNCTION_TIMEOUT_SECONDS", "15"));
        let c = Config::from_lookup(lookup(&pairs), None).expect("valid");
        assert_eq!(c.deadline(), Duration::from_secs(13));
        pairs.push(("FUNCTION_TIMEOUT_SECONDS", "2"));
        let pairs: Vec<_> = pairs.into_iter().filter(|p| p.1 != "15").collect();
        assert!(Config::from_lookup(lookup(&pairs), None).is_err());
    }

    #[test]
    fn reports_every_problem_at_once() {
        let err = Config::from_lookup(
            lookup(&[
                ("TABLE_NAME", "x"),
                ("SITE_URL", "ftp://nope"),
                ("IP_HASH_SECRET", "short"),
                ("AS_OF", "1 June"),
                ("RATE_LIMIT", "0/10"),
            ]),
            None,
        )
        .expect_err("invalid");
        let text = err.to_string();
        for needle in [
            "TABLE_NAME",
            "CATALOG_PATH",
            "SITE_URL",
            "ALLOWED_ORIGINS",
            "IP_HASH_SECRET",
            "AS_OF",
            "RATE_LIMIT",
        ] {
            assert!(text.contains(needle), "{needle} missing from {text}");
        }
    }

    #[test]
    fn mail_settings_are_optional_and_checked() {
        assert_eq!(MailConfig::from_lookup(lookup(&[])).expect("no mail"), None);
        let m = MailConfig::from_lookup(lookup(&[
            (
                "MAIL_FROM",
                "Kompetisi WiNNER <noreply@winner.example.go.id>",
            ),
            ("ORGANISER_EMAIL", "panitia@winner.example.go.id"),
        ]))
        .expect("valid")
        .expect("configured");
        assert!(!m.notice_answers);
        let err = MailConfig::from_lookup(lookup(&[
            ("MAIL_FROM", "noreply"),
            ("ORGANISER_EMAIL", "a b@x.id"),
            ("NOTICE_INCLUDES_ANSWERS", "yes"),
            ("SES_CONFIGURATION_SET", "bad set"),
        ]))
        .expect_err("invalid")
        .to_string();
        for needle in [
            "MAIL_FROM",
            "ORGANISER_EMAIL",
            "NOTICE_INCLUDES_ANSWERS",
            "SES_CONFIGURATION_SET",
        ] {
            assert!(err.contains(needle), "{needle} missing from {err}");
        }
    }

    #[test]
    fn catalog_flag_replaces_the_variable() {
        let pairs: Vec<_> = GOOD
            .iter()
            .filter(|(k, _)| *k != "CATALOG_PATH")
            .copied()
            .collect();
        let c = Config::from_lookup(lookup(&pairs), Some("x.json".into())).expect("valid");
        assert_eq!(c.catalog_path, PathBuf::from("x.json"));
    }
}
