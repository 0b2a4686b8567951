//! Load and fault harness for proposal intake (not a test; on demand). Loopback only, bounded.
//!
//! ```text
//! scripts/bench-faults.sh            # builds the release binary and this example, then runs it
//! ```
//!
//! It starts moto_server (scripts/moto.sh) on a free loopback port and, between the function
//! and moto, a small proxy of its own (in this process) that
//!
//! - lets only ONE request talk to moto at a time: moto_server 5.2.5 fails under concurrent
//!   writes with HTTP 500 "dictionary changed size during iteration", so unserialised load
//!   figures would measure moto's own failures, not the function's;
//! - can *cut* the store (new connections are reset, requests on open connections get their
//!   connection closed without an answer, requests queued for moto are dropped unsent) and
//!   *freeze* it (connections are accepted and requests read, but nothing is forwarded until
//!   the freeze ends).
//!
//! A request held by the freeze is applied by moto when the freeze ends, even when the
//! function stopped waiting for it long before: the worst case for an honest answer. A request
//! whose sender closed its connection while it merely queued for the one connection to moto
//! is not sent: that queue is the harness's workaround, not part of the store.
//!
//! Then it starts the release `submit-fn serve` (test catalog, `AS_OF=2023-06-01`,
//! `FUNCTION_TIMEOUT_SECONDS=10`, so a deadline of 8 s per request; a rate limit high enough
//! for one client address to send everything) and runs:
//!
//! 1. 1,000 distinct proposals (distinct content and tokens, `started_at` a minute ago) with 32
//!    in flight; the server's peak RSS (`VmHWM` in `/proc/<pid>/status`) is read after this run;
//! 2. 300 proposals with 16 in flight while the store is cut for 3 s (from 1 s in) and then
//!    frozen for 8 s.
//!
//! Each proposal replays the form's script (`themes/default/static/form.js`): a 503
//! `unconfirmed` answer or a lost connection is sent again on its own with the same token
//! after 1 s, then after 2 s (three sends at most), and once an answer for the token was
//! uncertain, a later 503 `unavailable` counts as uncertain too (it is told as "could not
//! confirm", never as "not saved"); a run that still ends without a reference
//! on a 503 ("not saved" or "could not confirm") or a lost connection is followed, 2 s later,
//! by the person pressing send again (the form keeps the token until a reference is shown):
//! one more run of the script. At the end the table is scanned through DynamoDB's API (on
//! moto directly, not through the proxy) and the harness counts, per run: acknowledged,
//! stored, duplicates (same content stored more than once), acknowledged-but-lost (the
//! reference shown is not in the table), refused-but-stored (a run ended with 503
//! `unavailable`, "not saved", yet the table holds the proposal with a `submitted_at` before
//! that answer, i.e. written by a request sent before it; a proposal the person's resend
//! stored afterwards is not one) and how many of those the same-token resend recovered, and
//! the latency of every answer against the deadline and the function's timeout.

#[path = "common/mod.rs"]
mod common;
use common::{Moto, Server, dynamodb, fail, free_port, health, proposal, release_binary, root};

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use aws_sdk_dynamodb::types::AttributeValue;
use axum::body::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioIo};

type Http = Client<HttpConnector, Full<Bytes>>;

/// The function's timeout the harness configures; the deadline is 2 s less (config.rs).
const FUNCTION_TIMEOUT_SECS: u64 = 10;
const DEADLINE_SECS: u64 = FUNCTION_TIMEOUT_SECS - 2;

fn peak_rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

// ---------------------------------------------------------------------------------------------
// The store proxy

const NORMAL: u8 = 0;
const CUT: u8 = 1;
const FREEZE: u8 = 2;

struct Proxy {
    upstream: String,
    mode: AtomicU8,
    /// One request at a time to moto.
    lock: tokio::sync::Mutex<()>,
    client: Http,
    /// Requests read and not yet answered by moto (or dropped): the scan waits for 0.
    pending: AtomicUsize,
    /// Connections reset and requests dropped while cut.
    refused: AtomicUsize,
    /// Requests forwarded to moto, and the total time moto took for them (microseconds).
    forwarded: AtomicUsize,
    upstream_us: AtomicUsize,
    /// Requests forwarded (and applied) after the function had stopped waiting for them.
    orphaned: AtomicUsize,
    /// Requests not sent because their sender had gone while they queued for moto.
    dropped: AtomicUsize,
}

impl Proxy {
    fn mode(&self) -> u8 {
        self.mode.load(Ordering::SeqCst)
    }
}

type ProxyResult = Result<hyper::Response<Full<Bytes>>, std::io::Error>;

async fn forward(p: Arc<Proxy>, req: hyper::Request<Incoming>) -> ProxyResult {
    if p.mode() == CUT {
        p.refused.fetch_add(1, Ordering::SeqCst);
        return Err(std::io::Error::other("store cut"));
    }
    let (parts, body) = req.into_parts();
    let body = body
        .collect()
        .await
        .map_err(std::io::Error::other)?
        .to_bytes();
    let (tx, rx) = tokio::sync::oneshot::channel::<ProxyResult>();
    p.pending.fetch_add(1, Ordering::SeqCst);
    let p2 = Arc::clone(&p);
    // Detached: once read, a request reaches moto even if the function stops waiting for it.
    tokio::spawn(async move {
        let mut held = false;
        while p2.mode() == FREEZE {
            held = true;
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let guard = p2.lock.lock().await;
        let out = if p2.mode() == CUT {
            p2.refused.fetch_add(1, Ordering::SeqCst);
            Err(std::io::Error::other("store cut"))
        } else if tx.is_closed() && !held {
            // The queue in front of moto is the harness's own (moto's workaround), not part
            // of the store, which takes concurrent requests: a request whose sender closed
            // its connection while it waited here never reached the store and is not sent
            // (sending it would only pile the function's abandoned attempts onto the one
            // connection). A request held by a freeze is sent regardless (`held`): the
            // frozen store received it, and applies it after the function gave up.
            p2.dropped.fetch_add(1, Ordering::SeqCst);
            Err(std::io::Error::other("sender gone"))
        } else {
            if tx.is_closed() {
                p2.orphaned.fetch_add(1, Ordering::SeqCst);
            }
            let uri = format!(
                "http://{}{}",
                p2.upstream,
                parts.uri.path_and_query().map_or("/", |pq| pq.as_str())
            );
            let mut b = hyper::Request::builder().method(parts.method).uri(uri);
            for (k, v) in &parts.headers {
                b = b.header(k, v);
            }
            match b.body(Full::new(body)) {
                Err(e) => Err(std::io::Error::other(e)),
                Ok(up) => {
                    let t = Instant::now();
                    let r = p2.client.request(up).await;
                    p2.forwarded.fetch_add(1, Ordering::SeqCst);
                    p2.upstream_us
                        .fetch_add(t.elapsed().as_micros() as usize, Ordering::SeqCst);
                    match r {
                        Err(e) => Err(std::io::Error::other(e)),
                        Ok(resp) => {
                            let (mut parts, body) = resp.into_parts();
                            match body.collect().await {
                                Err(e) => Err(std::io::Error::other(e)),
                                Ok(c) => {
                                    parts.headers.remove(hyper::header::TRANSFER_ENCODING);
                                    parts.headers.remove(hyper::header::CONTENT_LENGTH);
                                    Ok(hyper::Response::from_parts(parts, Full::new(c.to_bytes())))
                                }
                            }
                        }
                    }
                }
            }
        };
        drop(guard);
        p2.pending.fetch_sub(1, Ordering::SeqCst);
        let _ = tx.send(out);
    });
    rx.await.map_err(std::io::Error::other)?
}

async fn run_proxy(listener: tokio::net::TcpListener, p: Arc<Proxy>) {
    loop {
        let Ok((sock, _)) = listener.accept().await else {
            continue;
        };
        if p.mode() == CUT {
            // Reset, not a clean close: the connection is refused as a dead store would.
            let _ = sock.set_zero_linger();
            p.refused.fetch_add(1, Ordering::SeqCst);
            drop(sock);
            continue;
        }
        let p = Arc::clone(&p);
        tokio::spawn(async move {
            let svc = service_fn(move |req| forward(Arc::clone(&p), req));
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(sock), svc)
                .await;
        });
    }
}

// ---------------------------------------------------------------------------------------------
// The client (the form's script)

fn organisation(run: u8, i: usize) -> String {
    format!("Koperasi Maju Bersama r{run} n{i}")
}

fn body(run: u8, i: usize, started_at: u128) -> String {
    proposal(
        &format!("faults-{}-r{run}-{i:06}", std::process::id()),
        started_at,
        &organisation(run, i),
    )
}

/// One answer: HTTP status (0 = no answer: connection lost or the client's own 30 s limit),
/// the `error` code or the reference, and how long it took.
struct Answer {
    status: u16,
    error: String,
    reference: Option<String>,
    ms: f64,
}

async fn send(http: &Http, url: &str, payload: &str) -> Answer {
    let t = Instant::now();
    let req = match hyper::Request::post(url)
        .header("content-type", "application/json")
        .header("accept", "application/json")
        .body(Full::new(Bytes::from(payload.to_owned())))
    {
        Ok(r) => r,
        Err(e) => fail(&format!("request: {e}")),
    };
    let lost = |t: Instant| Answer {
        status: 0,
        error: "lost".into(),
        reference: None,
        ms: t.elapsed().as_secs_f64() * 1e3,
    };
    let resp = match tokio::time::timeout(Duration::from_secs(30), http.request(req)).await {
        Ok(Ok(r)) => r,
        _ => return lost(t),
    };
    let status = resp.status().as_u16();
    let Ok(bytes) = resp.into_body().collect().await.map(|c| c.to_bytes()) else {
        return lost(t);
    };
    let ms = t.elapsed().as_secs_f64() * 1e3;
    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
    Answer {
        status,
        error: v["error"].as_str().unwrap_or("").to_owned(),
        reference: v["reference"].as_str().map(str::to_owned),
        ms,
    }
}

/// What happened to one proposal on the client's side.
#[derive(Default)]
struct Fate {
    /// The reference the person was finally shown.
    acknowledged: Option<String>,
    /// When a run of the script first ended with "not saved" (503 `unavailable`) shown to the
    /// person, in the table's `submitted_at` format (UTC, sorts as time).
    refused_at: Option<String>,
    /// The reference came only with the person's resend (the second run of the script).
    by_resend: bool,
    /// Some answer was `unconfirmed`, or a connection was lost.
    unconfirmed: bool,
}

fn acknowledged(a: &Answer) -> bool {
    (a.status == 200 || a.status == 201) && a.reference.is_some()
}

/// One press of the send button, as `themes/default/static/form.js` handles it: a 503
/// `unconfirmed` answer or a lost connection is sent again on its own, with the same token
/// and content, after 1 s and then 2 s (three sends at most); any other answer ends the run.
async fn script(
    http: &Http,
    url: &str,
    payload: &str,
    lat: &std::sync::Mutex<Vec<f64>>,
    fate: &mut Fate,
) -> Answer {
    let mut attempt = 0;
    loop {
        let a = send(http, url, payload).await;
        if let Ok(mut l) = lat.lock() {
            l.push(a.ms);
        }
        // After an uncertain answer for this token, the script treats "not saved" as uncertain
        // too (an earlier send may still store it), as form.js does.
        let unsure = a.status == 0
            || (a.status == 503
                && (a.error == "unconfirmed" || (fate.unconfirmed && a.error == "unavailable")));
        fate.unconfirmed |= unsure;
        if !unsure || attempt == 2 {
            return a;
        }
        attempt += 1;
        tokio::time::sleep(Duration::from_millis(1000 * attempt)).await;
    }
}

/// One proposal: the script's run; then, when it ended without a reference on a 503 or a
/// lost connection ("not saved" or "could not confirm", both of which ask the person to press
/// send again, and the form keeps the token until a reference is shown), the person's resend
/// 2 s later: a second run of the script with the same token and content.
async fn propose(
    http: &Http,
    url: &str,
    run: u8,
    i: usize,
    lat: &std::sync::Mutex<Vec<f64>>,
) -> Fate {
    let started_at = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis())
        .saturating_sub(60_000);
    let payload = body(run, i, started_at);
    let mut fate = Fate::default();
    for press in 0..2 {
        let a = script(http, url, &payload, lat, &mut fate).await;
        if acknowledged(&a) {
            fate.by_resend = press == 1;
            fate.acknowledged = a.reference;
            return fate;
        }
        // "Not saved" is shown only when no answer for the token was uncertain (form.js).
        if a.status == 503
            && a.error == "unavailable"
            && !fate.unconfirmed
            && fate.refused_at.is_none()
        {
            fate.refused_at = Some(submit_fn::store::timestamp(time::OffsetDateTime::now_utc()));
        }
        if !(a.status == 0 || a.status == 503) {
            return fate;
        }
        if press == 0 {
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    }
    fate
}

// ---------------------------------------------------------------------------------------------
// The run

struct Figures {
    n: usize,
    in_flight: usize,
    acknowledged: usize,
    by_resend: usize,
    stored: usize,
    duplicates: usize,
    ack_lost: usize,
    ack_wrong: usize,
    refused: usize,
    refused_stored: usize,
    refused_recovered: usize,
    refused_then_resent: usize,
    unconfirmed: usize,
    unresolved_stored: usize,
    unresolved_absent: usize,
    answers: usize,
    p50: f64,
    p99: f64,
    max: f64,
    over_deadline: usize,
    wall: f64,
    refused_by_proxy: usize,
    forwarded: usize,
    upstream_ms_mean: f64,
    orphaned: usize,
    dropped: usize,
}

fn pct(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

/// One stored proposal: its reference and `submitted_at` (when the request that wrote it
/// reached the function).
struct Row {
    reference: String,
    submitted_at: String,
}

/// organisation -> the proposals stored under it (this run only).
async fn scan(db: &aws_sdk_dynamodb::Client, table: &str, run: u8) -> HashMap<String, Vec<Row>> {
    let prefix = format!("Koperasi Maju Bersama r{run} ");
    let mut out: HashMap<String, Vec<Row>> = HashMap::new();
    let mut start = None;
    loop {
        let resp = db
            .scan()
            .table_name(table)
            .set_exclusive_start_key(start)
            .send()
            .await
            .unwrap_or_else(|e| fail(&format!("scan: {e:?}")));
        for item in resp.items() {
            if item
                .get("entity")
                .and_then(|v| v.as_s().ok())
                .map(String::as_str)
                != Some("proposal")
            {
                continue;
            }
            let org = item
                .get("answers")
                .and_then(|v| v.as_m().ok())
                .and_then(|m| m.get("organisation"))
                .and_then(|v: &AttributeValue| v.as_s().ok())
                .cloned()
                .unwrap_or_default();
            if !org.starts_with(&prefix) {
                continue;
            }
            let text = |name: &str| {
                item.get(name)
                    .and_then(|v| v.as_s().ok())
                    .cloned()
                    .unwrap_or_default()
            };
            out.entry(org).or_default().push(Row {
                reference: text("reference"),
                submitted_at: text("submitted_at"),
            });
        }
        match resp.last_evaluated_key() {
            Some(k) if !k.is_empty() => start = Some(k.clone()),
            _ => break,
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
async fn run(
    http: &Http,
    url: &str,
    db: &aws_sdk_dynamodb::Client,
    table: &str,
    proxy: &Arc<Proxy>,
    run_no: u8,
    n: usize,
    in_flight: usize,
    faults: bool,
) -> Figures {
    let next = Arc::new(AtomicUsize::new(0));
    let lat = Arc::new(std::sync::Mutex::new(Vec::new()));
    let fates = Arc::new(std::sync::Mutex::new(HashMap::new()));
    let refused_before = proxy.refused.load(Ordering::SeqCst);
    let forwarded_before = proxy.forwarded.load(Ordering::SeqCst);
    let upstream_before = proxy.upstream_us.load(Ordering::SeqCst);
    let orphaned_before = proxy.orphaned.load(Ordering::SeqCst);
    let dropped_before = proxy.dropped.load(Ordering::SeqCst);
    let t0 = Instant::now();
    let schedule = faults.then(|| {
        let p = Arc::clone(proxy);
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_secs(1)).await;
            p.mode.store(CUT, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_secs(3)).await;
            p.mode.store(FREEZE, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_secs(8)).await;
            p.mode.store(NORMAL, Ordering::SeqCst);
        })
    });
    let mut workers = Vec::new();
    for _ in 0..in_flight {
        let (http, url, next, lat, fates) = (
            http.clone(),
            url.to_owned(),
            Arc::clone(&next),
            Arc::clone(&lat),
            Arc::clone(&fates),
        );
        workers.push(tokio::spawn(async move {
            loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= n {
                    break;
                }
                let f = propose(&http, &url, run_no, i, &lat).await;
                if let Ok(mut m) = fates.lock() {
                    m.insert(i, f);
                }
            }
        }));
    }
    for w in workers {
        if w.await.is_err() {
            fail("a client task failed");
        }
    }
    let wall = t0.elapsed().as_secs_f64();
    if let Some(s) = schedule {
        let _ = s.await;
    }
    // Let every request the proxy holds reach moto (or be dropped) before looking.
    let settle = Instant::now();
    while proxy.pending.load(Ordering::SeqCst) > 0 && settle.elapsed() < Duration::from_secs(60) {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let stored = scan(db, table, run_no).await;
    let mut lat = std::mem::take(&mut *lat.lock().unwrap_or_else(|e| e.into_inner()));
    lat.sort_by(f64::total_cmp);
    let fates = std::mem::take(&mut *fates.lock().unwrap_or_else(|e| e.into_inner()));
    let mut f = Figures {
        n,
        in_flight,
        acknowledged: 0,
        by_resend: 0,
        stored: stored.len(),
        duplicates: stored.values().filter(|r| r.len() > 1).count(),
        ack_lost: 0,
        ack_wrong: 0,
        refused: 0,
        refused_stored: 0,
        refused_recovered: 0,
        refused_then_resent: 0,
        unconfirmed: 0,
        unresolved_stored: 0,
        unresolved_absent: 0,
        answers: lat.len(),
        p50: pct(&lat, 0.5),
        p99: pct(&lat, 0.99),
        max: lat.last().copied().unwrap_or(f64::NAN),
        over_deadline: lat
            .iter()
            .filter(|&&ms| ms > DEADLINE_SECS as f64 * 1e3)
            .count(),
        wall,
        refused_by_proxy: proxy.refused.load(Ordering::SeqCst) - refused_before,
        forwarded: proxy.forwarded.load(Ordering::SeqCst) - forwarded_before,
        upstream_ms_mean: 0.0,
        orphaned: proxy.orphaned.load(Ordering::SeqCst) - orphaned_before,
        dropped: proxy.dropped.load(Ordering::SeqCst) - dropped_before,
    };
    f.upstream_ms_mean = (proxy.upstream_us.load(Ordering::SeqCst) - upstream_before) as f64
        / 1e3
        / f.forwarded.max(1) as f64;
    for (i, fate) in &fates {
        let refs = stored.get(&organisation(run_no, *i));
        if fate.unconfirmed {
            f.unconfirmed += 1;
        }
        if let Some(r) = &fate.acknowledged {
            f.acknowledged += 1;
            f.by_resend += usize::from(fate.by_resend);
            match refs {
                None => f.ack_lost += 1,
                Some(rs) if !rs.iter().any(|row| row.reference == *r) => f.ack_wrong += 1,
                Some(_) => {}
            }
        } else if refs.is_some() {
            f.unresolved_stored += 1;
        } else {
            f.unresolved_absent += 1;
        }
        if let Some(refused_at) = &fate.refused_at {
            f.refused += 1;
            // Stored by a request that reached the function before "not saved" was shown: the
            // answer was false. (Stored by the person's resend afterwards: the answer was true.)
            let before = refs.is_some_and(|rs| rs.iter().any(|row| row.submitted_at < *refused_at));
            if before {
                f.refused_stored += 1;
                f.refused_recovered += usize::from(
                    refs.zip(fate.acknowledged.as_ref())
                        .is_some_and(|(rs, r)| rs.iter().any(|row| row.reference == *r)),
                );
            } else if refs.is_some() {
                f.refused_then_resent += 1;
            }
        }
    }
    if fates.len() != n {
        fail(&format!("{} of {n} proposals have no fate", fates.len()));
    }
    f
}

fn print(title: &str, f: &Figures) {
    println!("### {title}");
    println!();
    println!("| measure | value | target |");
    println!("|---|---|---|");
    println!("| proposals / in flight | {} / {} | |", f.n, f.in_flight);
    println!("| wall time | {:.1} s | |", f.wall);
    println!(
        "| acknowledged (reference shown) | {} (of which after the person's resend: {}) | |",
        f.acknowledged, f.by_resend
    );
    println!(
        "| stored (distinct proposals in the table) | {} | |",
        f.stored
    );
    println!(
        "| duplicates (same content stored twice) | {} | 0 |",
        f.duplicates
    );
    println!(
        "| acknowledged-but-lost (reference not in the table / other reference) | {} / {} | 0 |",
        f.ack_lost, f.ack_wrong
    );
    println!(
        "| told \"not saved\" (503 `unavailable`) / of those stored afterwards by the person's resend | {} / {} | |",
        f.refused, f.refused_then_resent
    );
    println!(
        "| refused-but-stored (written by a request before \"not saved\" was shown) / of those recovered by the same-token resend | {} / {} | 0, or all recovered |",
        f.refused_stored, f.refused_recovered
    );
    println!(
        "| proposals with an `unconfirmed` answer or a lost connection | {} | |",
        f.unconfirmed
    );
    println!(
        "| never acknowledged: stored / not stored | {} / {} | |",
        f.unresolved_stored, f.unresolved_absent
    );
    println!(
        "| answers (all sends) p50 / p99 / max | {:.1} / {:.1} / {:.1} ms | max < {} s timeout |",
        f.p50, f.p99, f.max, FUNCTION_TIMEOUT_SECS
    );
    println!(
        "| answers given at the {} s deadline (store still busy) | {} of {} | |",
        DEADLINE_SECS, f.over_deadline, f.answers
    );
    println!(
        "| store calls sent to moto / mean time in moto / of those after the function stopped waiting (held by the freeze) | {} / {:.1} ms / {} | |",
        f.forwarded, f.upstream_ms_mean, f.orphaned
    );
    println!(
        "| store calls not sent: their sender had gone while they queued for moto | {} | |",
        f.dropped
    );
    println!(
        "| store connections reset / requests dropped by the proxy's cut | {} | |",
        f.refused_by_proxy
    );
    println!();
}

#[tokio::main]
async fn main() {
    let root = root();
    let bin = release_binary();
    let moto = Moto::start();
    let moto_port = moto.0;
    let direct = format!("http://127.0.0.1:{moto_port}");

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap_or_else(|e| fail(&format!("proxy bind: {e}")));
    let proxy_port = listener
        .local_addr()
        .map(|a| a.port())
        .unwrap_or_else(|e| fail(&format!("proxy address: {e}")));
    let proxy = Arc::new(Proxy {
        upstream: format!("127.0.0.1:{moto_port}"),
        mode: AtomicU8::new(NORMAL),
        lock: tokio::sync::Mutex::new(()),
        client: Client::builder(TokioExecutor::new()).build_http(),
        pending: AtomicUsize::new(0),
        refused: AtomicUsize::new(0),
        forwarded: AtomicUsize::new(0),
        upstream_us: AtomicUsize::new(0),
        orphaned: AtomicUsize::new(0),
        dropped: AtomicUsize::new(0),
    });
    tokio::spawn(run_proxy(listener, Arc::clone(&proxy)));
    let via_proxy = format!("http://127.0.0.1:{proxy_port}");

    let table = format!("faults-{}", std::process::id());
    let timeout = FUNCTION_TIMEOUT_SECS.to_string();
    let envs = |endpoint: &str| {
        vec![
            ("AWS_ENDPOINT_URL_DYNAMODB", endpoint.to_owned()),
            ("AWS_REGION", "us-east-1".into()),
            ("AWS_ACCESS_KEY_ID", "test".into()),
            ("AWS_SECRET_ACCESS_KEY", "test".into()),
            ("TABLE_NAME", table.clone()),
            ("SITE_URL", "http://127.0.0.1:8080".into()),
            ("ALLOWED_ORIGINS", "http://127.0.0.1:8080".into()),
            (
                "IP_HASH_SECRET",
                "faults-secret-faults-secret-faults-secret-01".into(),
            ),
            ("AS_OF", "2023-06-01".into()),
            // Every proposal comes from 127.0.0.1: the limit must not refuse the harness.
            ("RATE_LIMIT", "1000000/3600".into()),
            ("FUNCTION_TIMEOUT_SECONDS", timeout.clone()),
            ("RUST_LOG", "error".into()),
        ]
    };
    let ok = Command::new(&bin)
        .arg("create-table")
        .envs(envs(&direct))
        .stdout(Stdio::null())
        .status();
    if !ok.is_ok_and(|s| s.success()) {
        fail("submit-fn create-table failed");
    }

    let port = free_port();
    let catalog = root.join("submit-fn/tests/fixtures/catalog.json");
    let child = Command::new(&bin)
        .args([
            "serve",
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--catalog",
        ])
        .arg(&catalog)
        .envs(envs(&via_proxy))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| fail(&format!("cannot start submit-fn: {e}")));
    let pid = child.id();
    let mut server = Server(child);
    if let Some(out) = server.0.stdout.take() {
        let mut line = String::new();
        let _ = BufReader::new(out).read_line(&mut line);
    }
    let t0 = Instant::now();
    while !health(port) {
        if t0.elapsed() > Duration::from_secs(10) {
            fail("submit-fn did not become ready within 10 s");
        }
        std::thread::sleep(Duration::from_millis(2));
    }

    let db = dynamodb(&direct);
    let http: Http = Client::builder(TokioExecutor::new()).build_http();
    let url = format!("http://127.0.0.1:{port}/proposals");

    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let n1 = args.first().copied().unwrap_or(1000).clamp(10, 5000);
    let n2 = args.get(1).copied().unwrap_or(300).clamp(10, 5000);

    let r1 = run(&http, &url, &db, &table, &proxy, 1, n1, 32, false).await;
    let rss = peak_rss_kib(pid);
    let r2 = run(&http, &url, &db, &table, &proxy, 2, n2, 16, true).await;

    println!(
        "## submit-fn under load and faults (loopback; moto_server 5.2.5 behind a proxy that serialises it; deadline {DEADLINE_SECS} s, timeout {FUNCTION_TIMEOUT_SECS} s)"
    );
    println!();
    print(
        &format!("Run 1: {n1} proposals, 32 in flight, no faults"),
        &r1,
    );
    println!(
        "Peak RSS of submit-fn after run 1 (VmHWM): {:.1} MB (target < 30 MB)",
        rss as f64 / 1024.0
    );
    println!();
    print(
        &format!(
            "Run 2: {n2} proposals, 16 in flight; store cut 3 s (from 1 s in), then frozen 8 s"
        ),
        &r2,
    );
    let bad =
        r1.duplicates + r2.duplicates + r1.ack_lost + r2.ack_lost + r1.ack_wrong + r2.ack_wrong;
    let unrecovered =
        (r1.refused_stored - r1.refused_recovered) + (r2.refused_stored - r2.refused_recovered);
    let late = r1.max.max(r2.max) >= FUNCTION_TIMEOUT_SECS as f64 * 1e3;
    if bad > 0 || unrecovered > 0 || late || rss >= 30 * 1024 {
        println!("RESULT: a target was missed (see the tables)");
        // `exit` runs no destructors: stop the server and moto first.
        drop(server);
        drop(moto);
        std::process::exit(1);
    }
    println!("RESULT: every target met");
}
