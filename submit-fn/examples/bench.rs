//! Benchmark of the local server (not a test). Loopback only, bounded loops.
//!
//! ```text
//! scripts/bench-submit.sh            # builds the release binary, then runs this
//! cargo build --release -p submit-fn && cargo run --release -p submit-fn --example bench -- [N]
//! ```
//!
//! It starts moto_server (scripts/moto.sh) on a free loopback port, creates a table with
//! `submit-fn create-table`, starts `submit-fn serve` and measures: start-to-ready (spawn to
//! the first `200` from `/health`), N valid submissions one at a time (p50/p99 of the whole
//! request and of the handler's own time apart from the store, from `server-timing`), then N
//! more from 2 concurrent clients (throughput), the server's peak RSS (`VmHWM`) and the
//! release binary's size. Everything it started is stopped at the end.
//!
//! With `--mail` (`scripts/bench-submit.sh 200 --mail`), the server runs with the email outbox
//! on (#17: `MAIL_FROM` and `ORGANISER_EMAIL` set), so each proposal's transaction also writes
//! a receipt and a notice; nothing is sent on the submit path, so SES is not involved. At the
//! end `submit-fn outbox list` counts the messages written, to show they were.
//!
//! With `--hold-table`, every item is deleted from the table before each of the sequential
//! submissions, outside the timing, so each one is timed against an empty table. moto's
//! `TransactWriteItems` deep-copies the whole table once per item of the call (to roll back on
//! failure), so on a growing table its time grows with the table's size times the call's item
//! count, and a run that writes more items per proposal (the outbox's) is slowed by the copy
//! as much as by its own items; DynamoDB does no such copy (`bench/moto_transact.py` measures
//! it). The messages deleted that way are counted and printed.

#[path = "common/mod.rs"]
mod common;
use common::{Moto, Server, dynamodb, fail, free_port, health, proposal, release_binary, root};

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

type Http = Client<HttpConnector, Full<Bytes>>;

fn body(i: usize) -> String {
    // Distinct content per proposal, and the page-load time the form's script sends (a minute
    // ago), which JSON clients must send.
    let started_at = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis())
        .saturating_sub(60_000);
    proposal(
        &format!("bench-{}-{i:08}", std::process::id()),
        started_at,
        &format!("Koperasi Maju Bersama {i}"),
    )
}

/// (total ms, handler ms apart from the store), or `None` for a 503 (moto too slow to answer
/// within the store's timeouts: counted and reported, not measured).
async fn post(http: &Http, url: &str, i: usize) -> Option<(f64, f64)> {
    let req = hyper::Request::post(url)
        .header("content-type", "application/json")
        .header("accept", "application/json")
        .body(Full::new(Bytes::from(body(i))))
        .unwrap_or_else(|e| fail(&format!("request: {e}")));
    let t = Instant::now();
    let resp = http
        .request(req)
        .await
        .unwrap_or_else(|e| fail(&format!("POST failed: {e}")));
    let status = resp.status();
    let timing = resp
        .headers()
        .get("server-timing")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let _ = resp.into_body().collect().await;
    let total = t.elapsed().as_secs_f64() * 1e3;
    // 200 happens when the SDK retried a write that moto had completed after the attempt
    // timed out: the idempotency record then answers with the same reference.
    if status == 503 {
        return None;
    }
    if status != 201 && status != 200 {
        fail(&format!("submission {i} got {status}"));
    }
    let app = timing
        .split(',')
        .find_map(|p| p.trim().strip_prefix("app;dur="))
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::NAN);
    Some((total, app))
}

fn pct(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

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

/// Deletes every item of `table`; returns how many were outbox messages.
async fn empty_table(db: &aws_sdk_dynamodb::Client, table: &str) -> usize {
    let mut outbox = 0;
    let mut pages = db
        .scan()
        .table_name(table)
        .projection_expression("pk")
        .into_paginator()
        .items()
        .send();
    let mut keys = Vec::new();
    while let Some(item) = pages.next().await {
        let item = item.unwrap_or_else(|e| fail(&format!("scan: {e}")));
        if let Some(pk) = item.get("pk") {
            keys.push(pk.clone());
        }
    }
    for pk in keys {
        if pk.as_s().is_ok_and(|k| k.starts_with("OUTBOX#")) {
            outbox += 1;
        }
        db.delete_item()
            .table_name(table)
            .key("pk", pk)
            .send()
            .await
            .unwrap_or_else(|e| fail(&format!("delete: {e}")));
    }
    outbox
}

#[tokio::main]
async fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200)
        .clamp(10, 20_000);
    let mail = std::env::args().skip(1).any(|a| a == "--mail");
    let hold_table = std::env::args().skip(1).any(|a| a == "--hold-table");
    let root = root();
    let bin = release_binary();
    let _moto = Moto::start();
    let moto_port = _moto.0;
    let endpoint = format!("http://127.0.0.1:{moto_port}");
    let table = format!("bench-{}", std::process::id());
    let mut envs = vec![
        ("AWS_ENDPOINT_URL_DYNAMODB", endpoint.as_str()),
        ("AWS_REGION", "us-east-1"),
        ("AWS_ACCESS_KEY_ID", "test"),
        ("AWS_SECRET_ACCESS_KEY", "test"),
        ("TABLE_NAME", table.as_str()),
        ("SITE_URL", "http://127.0.0.1:8080"),
        ("ALLOWED_ORIGINS", "http://127.0.0.1:8080"),
        (
            "IP_HASH_SECRET",
            "bench-secret-bench-secret-bench-secret-01",
        ),
        ("AS_OF", "2023-06-01"),
        ("RATE_LIMIT", "1000000/3600"),
        ("RUST_LOG", "warn"),
    ];
    if mail {
        envs.push(("MAIL_FROM", "Kompetisi WiNNER <noreply@winner.local>"));
        envs.push(("ORGANISER_EMAIL", "panitia@winner.local"));
    }
    let envs = envs;
    let ok = Command::new(&bin)
        .arg("create-table")
        .envs(envs.iter().copied())
        .stdout(Stdio::null())
        .status();
    if !ok.is_ok_and(|s| s.success()) {
        fail("submit-fn create-table failed");
    }

    let port = free_port();
    let catalog = root.join("submit-fn/tests/fixtures/catalog.json");
    let t0 = Instant::now();
    let child = Command::new(&bin)
        .args([
            "serve",
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--catalog",
        ])
        .arg(&catalog)
        .envs(envs.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| fail(&format!("cannot start submit-fn: {e}")));
    let pid = child.id();
    let mut server = Server(child);
    let stdout = server.0.stdout.take();
    let mut listening = None;
    if let Some(out) = stdout {
        let mut line = String::new();
        if BufReader::new(out).read_line(&mut line).is_ok() && line.contains("listening") {
            listening = Some(t0.elapsed());
        }
    }
    while !health(port) {
        if t0.elapsed() > Duration::from_secs(10) {
            fail("submit-fn did not become ready within 10 s");
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    let ready = t0.elapsed();

    let http: Http = Client::builder(TokioExecutor::new()).build_http();
    let url = format!("http://127.0.0.1:{port}/proposals");
    // Warm-up (first connections, moto's lazy backend).
    for i in 0..10 {
        post(&http, &url, 1_000_000 + i).await;
    }
    let mut totals = Vec::with_capacity(n);
    let mut apps = Vec::with_capacity(n);
    let mut unavailable = 0;
    let db = hold_table.then(|| dynamodb(&endpoint));
    let mut deleted_messages = 0;
    for i in 0..n {
        if let Some(db) = &db {
            deleted_messages += empty_table(db, &table).await;
        }
        match post(&http, &url, i).await {
            Some((t, a)) => {
                totals.push(t);
                apps.push(a);
            }
            None => unavailable += 1,
        }
    }
    totals.sort_by(f64::total_cmp);
    apps.sort_by(f64::total_cmp);

    let workers = 2;
    let started = Instant::now();
    let mut tasks = Vec::new();
    for w in 0..workers {
        let http = http.clone();
        let url = url.clone();
        tasks.push(tokio::spawn(async move {
            let mut failed = 0usize;
            for i in 0..n / workers {
                if post(&http, &url, 2_000_000 + w * 100_000 + i)
                    .await
                    .is_none()
                {
                    failed += 1;
                }
            }
            failed
        }));
    }
    for t in tasks {
        match t.await {
            Ok(failed) => unavailable += failed,
            Err(_) => fail("a concurrent client failed"),
        }
    }
    let concurrent = started.elapsed();
    let throughput = (n / workers * workers) as f64 / concurrent.as_secs_f64();
    let rss = peak_rss_kib(pid);
    let size = std::fs::metadata(&bin).map(|m| m.len()).unwrap_or(0);

    // What the outbox holds now: one line per message on stdout (`submit-fn outbox list`).
    let messages = Command::new(&bin)
        .args(["outbox", "list"])
        .envs(envs.iter().copied())
        .stderr(Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).lines().count());

    println!(
        "## submit-fn benchmark ({n} sequential + {n} concurrent valid submissions, loopback, moto_server, outbox {})",
        if mail { "on" } else { "off" }
    );
    println!();
    println!("| measure | value |");
    println!("|---|---|");
    if let Some(l) = listening {
        println!("| spawn → listening | {:.1} ms |", l.as_secs_f64() * 1e3);
    }
    println!(
        "| spawn → first 200 /health (ready) | {:.1} ms |",
        ready.as_secs_f64() * 1e3
    );
    println!(
        "| latency p50 / p99 (whole request) | {:.2} / {:.2} ms |",
        pct(&totals, 0.5),
        pct(&totals, 0.99)
    );
    println!(
        "| handler time apart from the store p50 / p99 | {:.3} / {:.3} ms |",
        pct(&apps, 0.5),
        pct(&apps, 0.99)
    );
    println!("| throughput, {workers} concurrent clients | {throughput:.0} submissions/s |");
    println!("| peak RSS (VmHWM) | {:.1} MB |", rss as f64 / 1024.0);
    println!(
        "| release binary size | {:.1} MB |",
        size as f64 / 1_048_576.0
    );
    println!(
        "| 503 (store timed out) | {unavailable} of {} |",
        n + n / workers * workers
    );
    if hold_table {
        println!(
            "| table emptied before each sequential submission; outbox messages deleted so | {deleted_messages} |"
        );
    }
    match messages {
        Some(m) => println!("| outbox messages written (`outbox list`) | {m} |"),
        None => println!("| outbox messages written (`outbox list`) | (list failed) |"),
    }
}
