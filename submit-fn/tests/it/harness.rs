//! The test harness: a DynamoDB API (moto_server), an app on a loopback port, an HTTP client.
//!
//! DynamoDB: when `AWS_ENDPOINT_URL_DYNAMODB` is set (the team's test command starts moto and
//! exports it), that endpoint is used. Otherwise the harness starts
//! `.local/venv/bin/moto_server` itself on a free loopback port, installing it first with
//! `scripts/moto.sh install` when missing, and panics with the reason if that fails (never a
//! silent skip). That server is watched by a small shell loop that stops it when this test
//! process exits. Every test creates its own table, so tests run in parallel.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::config::{Credentials, Region};
use aws_sdk_dynamodb::types::{AttributeValue, Select};
use axum::body::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client as HttpClient;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use submit_fn::config::{Config, RateLimit};
use submit_fn::store::{self, Store};
use submit_fn::{AppState, app, load_catalog};

pub const SECRET: &str = "test-secret-test-secret-test-secret-0123";
pub const SITE: &str = "http://127.0.0.1:8080";
pub const ORIGIN: &str = "http://127.0.0.1:8080";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn catalog_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalog.json")
}

/// The DynamoDB endpoint for this test process.
pub fn endpoint() -> &'static str {
    static ENDPOINT: OnceLock<String> = OnceLock::new();
    ENDPOINT.get_or_init(|| match std::env::var("AWS_ENDPOINT_URL_DYNAMODB") {
        Ok(e) if !e.trim().is_empty() => e,
        _ => start_moto(),
    })
}

fn start_moto() -> String {
    let root = root();
    let moto = root.join(".local/venv/bin/moto_server");
    if !moto.exists() {
        let status = Command::new("bash")
            .arg(root.join("scripts/moto.sh"))
            .arg("install")
            .status()
            .unwrap_or_else(|e| panic!("cannot run scripts/moto.sh install: {e}"));
        assert!(
            status.success(),
            "scripts/moto.sh install failed ({status}); see its output above"
        );
        assert!(
            moto.exists(),
            "{} still missing after install",
            moto.display()
        );
    }
    let mut last_error = String::new();
    for _ in 0..3 {
        let port = {
            let l = TcpListener::bind("127.0.0.1:0").expect("bind a probe port");
            l.local_addr().expect("probe address").port()
        };
        let log = root.join(format!(".local/moto-test-{port}.log"));
        // moto runs under a watchdog that stops it once this test process is gone.
        let script = format!(
            "'{moto}' -H 127.0.0.1 -p {port} >'{log}' 2>&1 & m=$!; \
             trap 'kill $m 2>/dev/null' EXIT; \
             while kill -0 {parent} 2>/dev/null && kill -0 $m 2>/dev/null; do sleep 0.5; done",
            moto = moto.display(),
            log = log.display(),
            parent = std::process::id(),
        );
        let spawned = Command::new("bash")
            .arg("-c")
            .arg(script)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        if let Err(e) = spawned {
            panic!("cannot start moto_server: {e}");
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if moto_ready(port) {
                return format!("http://127.0.0.1:{port}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        last_error = std::fs::read_to_string(&log).unwrap_or_default();
    }
    panic!("moto_server did not become ready on a loopback port; last log:\n{last_error}");
}

fn moto_ready(port: u16) -> bool {
    let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
    if s.write_all(b"GET /moto-api/ HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
        .is_err()
    {
        return false;
    }
    let mut buf = [0u8; 16];
    matches!(s.read(&mut buf), Ok(n) if n >= 12 && buf[9..12] == *b"200")
}

/// A DynamoDB client for `endpoint`, with the production timeouts.
pub async fn client_for(endpoint: &str) -> Client {
    let conf = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new("test", "test", None, None, "static-test"))
        .endpoint_url(endpoint)
        .timeout_config(store::timeouts())
        .load()
        .await;
    Client::new(&conf)
}

fn table_name(label: &str) -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    format!(
        "it-{label}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

pub fn config(table: &str) -> Config {
    Config {
        table_name: table.to_owned(),
        catalog_path: catalog_path(),
        site_url: SITE.to_owned(),
        allowed_origins: vec![ORIGIN.to_owned()],
        ip_hash_secret: SECRET.as_bytes().to_vec(),
        as_of: Some(time::macros::date!(2023 - 06 - 01)),
        trust_forwarded_for: false,
        rate_limit: RateLimit {
            max: 50,
            window_secs: 3600,
        },
        function_timeout: submit_fn::config::DEFAULT_FUNCTION_TIMEOUT,
    }
}

/// A running app with its own table.
pub struct TestApp {
    pub url: String,
    pub client: Client,
    pub table: String,
    pub state: AppState,
}

impl TestApp {
    /// Starts an app with the default test configuration.
    pub async fn start(label: &str) -> TestApp {
        TestApp::start_with(label, |_| {}).await
    }

    /// Starts an app after `adjust` changes its configuration.
    pub async fn start_with(label: &str, adjust: impl FnOnce(&mut Config)) -> TestApp {
        let client = client_for(endpoint()).await;
        let table = table_name(label);
        store::create_table(&client, &table)
            .await
            .unwrap_or_else(|e| panic!("create table {table}: {e}"));
        let mut cfg = config(&table);
        adjust(&mut cfg);
        TestApp::serve(cfg, client.clone(), client, table).await
    }

    /// Starts an app whose store client is `store_client` (e.g. pointing at a closed port),
    /// while `client` still reads the real table.
    pub async fn serve(
        cfg: Config,
        store_client: Client,
        client: Client,
        table: String,
    ) -> TestApp {
        let catalog = load_catalog(&cfg.catalog_path).expect("fixture catalog");
        let state = AppState::new(cfg, catalog, Store::new(store_client, table.clone()));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let addr: SocketAddr = listener.local_addr().expect("address");
        let router = app(state.clone());
        tokio::spawn(async move {
            let _ = submit_fn::serve(listener, router).await;
        });
        TestApp {
            url: format!("http://{addr}"),
            client,
            table,
            state,
        }
    }

    /// Every item in the table.
    pub async fn items(&self) -> Vec<HashMap<String, AttributeValue>> {
        let out = self
            .client
            .scan()
            .table_name(&self.table)
            .consistent_read(true)
            .send()
            .await
            .expect("scan");
        out.items().to_vec()
    }

    /// Number of items in the table.
    pub async fn count(&self) -> i32 {
        self.client
            .scan()
            .table_name(&self.table)
            .select(Select::Count)
            .consistent_read(true)
            .send()
            .await
            .expect("scan count")
            .count()
    }

    /// Number of proposals in the table.
    pub async fn proposals(&self) -> usize {
        self.items()
            .await
            .iter()
            .filter(|i| i.get("entity") == Some(&AttributeValue::S("proposal".into())))
            .count()
    }

    /// Posts `body` to `/proposals`.
    pub async fn post(
        &self,
        content_type: Option<&str>,
        accept: Option<&str>,
        body: impl Into<Bytes>,
    ) -> Reply {
        let mut headers = Vec::new();
        if let Some(ct) = content_type {
            headers.push(("content-type", ct.to_owned()));
        }
        if let Some(a) = accept {
            headers.push(("accept", a.to_owned()));
        }
        self.request("POST", "/proposals", &headers, body.into())
            .await
    }

    /// Posts a form body (plain form post, HTML answers).
    pub async fn post_form(&self, pairs: &[(&str, &str)]) -> Reply {
        self.post(
            Some("application/x-www-form-urlencoded"),
            None,
            form_body(pairs),
        )
        .await
    }

    /// Posts a JSON object of strings, as the form's script does: with a `started_at` a
    /// minute ago unless `pairs` has one.
    pub async fn post_json(&self, pairs: &[(&str, &str)]) -> Reply {
        let mut map: serde_json::Map<String, serde_json::Value> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), serde_json::Value::String((*v).to_owned())))
            .collect();
        map.entry("started_at")
            .or_insert_with(|| serde_json::Value::String(minute_ago()));
        self.post(
            Some("application/json"),
            Some("application/json"),
            serde_json::Value::Object(map).to_string(),
        )
        .await
    }

    /// Any request.
    pub async fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, String)],
        body: Bytes,
    ) -> Reply {
        let client: HttpClient<HttpConnector, Full<Bytes>> =
            HttpClient::builder(TokioExecutor::new()).build_http();
        let mut req = hyper::Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.url));
        for (k, v) in headers {
            req = req.header(*k, v.as_str());
        }
        let req = req.body(Full::new(body)).expect("request");
        let resp = client.request(req).await.expect("response");
        let status = resp.status().as_u16();
        let headers = resp
            .headers()
            .iter()
            .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
            .collect();
        let body = resp.into_body().collect().await.expect("body").to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
        }
    }
}

/// A response, read in full.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: HashMap<String, String>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(String::as_str)
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// The reference in the `Location` of a plain form post's 303:
/// `/proposals/received/<reference>`, with `?lang=en` for English.
pub fn reference_of(location: &str) -> String {
    location
        .strip_prefix("/proposals/received/")
        .and_then(|rest| rest.split('?').next())
        .unwrap_or_else(|| panic!("no reference in {location}"))
        .to_owned()
}

/// Unix milliseconds a minute ago: a `started_at` past the minimum fill time.
pub fn minute_ago() -> String {
    (std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_millis()
        - 60_000)
        .to_string()
}

pub fn form_body(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// A complete, valid proposal (without token and started_at).
pub fn proposal() -> Vec<(&'static str, &'static str)> {
    vec![
        ("province", "kalimantan-barat"),
        ("issue", "stunting"),
        ("lang", "id"),
        ("website", ""),
        ("organisation", "Koperasi Maju Bersama"),
        ("legal_form", "koperasi"),
        ("stage", "early"),
        ("contact_name", "Siti Rahma"),
        ("email", "siti@contoh.id"),
        ("phone", "0812 3456 7890"),
        (
            "summary",
            "Dapur gizi keliling untuk balita di desa pesisir.",
        ),
        (
            "problem",
            "Angka stunting di pesisir tinggi menurut data dinas.",
        ),
        (
            "business_model",
            "Langganan makanan bergizi dengan harga terjangkau.",
        ),
        (
            "impact",
            "Seribu balita mendapat makanan bergizi setiap minggu.",
        ),
        ("consent", "yes"),
    ]
}

/// The proposal with some fields replaced or added.
pub fn proposal_with<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut p: Vec<(&str, &str)> = proposal();
    for (k, v) in changes {
        match p.iter_mut().find(|(n, _)| n == k) {
            Some(slot) => slot.1 = v,
            None => p.push((k, v)),
        }
    }
    p
}

/// The proposal without some fields.
pub fn proposal_without(names: &[&str]) -> Vec<(&'static str, &'static str)> {
    proposal()
        .into_iter()
        .filter(|(k, _)| !names.contains(k))
        .collect()
}

pub fn s(v: &str) -> AttributeValue {
    AttributeValue::S(v.to_owned())
}
