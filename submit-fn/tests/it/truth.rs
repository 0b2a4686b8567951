//! Issue #16: answers that stay true under repetition and abuse, through the real router and
//! moto. (The deadline is `intake_tests::a_store_that_never_answers_is_cut_at_the_deadline`
//! and `template::the_timeout_and_the_deadline_share_one_setting`; the same token with other
//! content is `submit::a_repeated_json_submission_gives_one_item_and_the_same_reference`.)

use std::time::{Duration, Instant};

use axum::body::Bytes;

use crate::harness::{self, Reply, TestApp, proposal_with};

/// The JSON body the form's script would send for `pairs` (with a `started_at`).
fn json_body(pairs: &[(&str, &str)]) -> Bytes {
    let mut map: serde_json::Map<String, serde_json::Value> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), serde_json::Value::from(*v)))
        .collect();
    map.entry("started_at")
        .or_insert_with(|| harness::minute_ago().into());
    serde_json::Value::Object(map).to_string().into()
}

/// Posts `pairs` as JSON with an `X-Forwarded-For` header.
async fn post_forwarded(app: &TestApp, pairs: &[(&str, &str)], xff: &str) -> Reply {
    let headers = [
        ("content-type", "application/json".to_owned()),
        ("accept", "application/json".to_owned()),
        ("x-forwarded-for", xff.to_owned()),
    ];
    app.request("POST", "/proposals", &headers, json_body(pairs))
        .await
}

#[tokio::test]
async fn the_same_content_under_two_tokens_is_one_proposal() {
    let app = TestApp::start("near-dup").await;
    // NFC "Siti Rahmā" and its NFD spelling, with other spaces around the words.
    let first = app
        .post_json(&proposal_with(&[
            ("token", "near-dup-token-000000001"),
            ("contact_name", "Siti Rahm\u{101}"),
        ]))
        .await;
    assert_eq!(first.status, 201, "{first:?}");
    let second = app
        .post_json(&proposal_with(&[
            ("token", "near-dup-token-000000002"),
            ("contact_name", "  Siti   Rahma\u{304} "),
        ]))
        .await;
    assert_eq!(second.status, 200, "{second:?}");
    assert_eq!(second.json()["reference"], first.json()["reference"]);
    assert_eq!(app.proposals().await, 1);
    // Other content under a third token is a new proposal.
    let other = app
        .post_json(&proposal_with(&[
            ("token", "near-dup-token-000000003"),
            ("contact_name", "Siti Rahmat"),
        ]))
        .await;
    assert_eq!(other.status, 201, "{other:?}");
    assert_eq!(app.proposals().await, 2);
}

#[tokio::test]
async fn behind_a_proxy_the_client_is_the_last_forwarded_hop() {
    let app = TestApp::start_with("xff", |c| {
        c.trust_forwarded_for = true;
        c.rate_limit = submit_fn::config::RateLimit {
            max: 2,
            window_secs: 3600,
        };
    })
    .await;
    // The client rotates what it writes itself; the proxy appends the address it saw.
    let mut statuses = Vec::new();
    for (i, org) in ["Satu", "Dua", "Tiga", "Empat"].iter().enumerate() {
        let r = post_forwarded(
            &app,
            &proposal_with(&[("organisation", org)]),
            &format!("203.0.113.{i}, 198.51.100.9"),
        )
        .await;
        statuses.push(r.status);
    }
    assert_eq!(statuses, [201, 201, 429, 429]);
    // Another client behind the same proxy has its own count.
    let r = post_forwarded(
        &app,
        &proposal_with(&[("organisation", "Lima")]),
        "198.51.100.10",
    )
    .await;
    assert_eq!(r.status, 201, "{r:?}");
    let items = format!("{:?}", app.items().await);
    let hash = submit_fn::abuse::client_hash(
        harness::SECRET.as_bytes(),
        Some("198.51.100.9".parse().expect("ip")),
    );
    assert!(items.contains(&format!("RATE#{hash}#")), "{items}");
}

#[tokio::test]
async fn a_stored_proposal_is_answered_before_the_rate_limit() {
    let app = TestApp::start_with("idem-first", |c| {
        c.rate_limit = submit_fn::config::RateLimit {
            max: 1,
            window_secs: 3600,
        };
    })
    .await;
    let a = proposal_with(&[("token", "idem-first-token-0000001")]);
    let first = app.post_json(&a).await;
    assert_eq!(first.status, 201, "{first:?}");
    // Past the limit, retries of the stored proposal still get its reference, however many.
    for _ in 0..3 {
        let again = app.post_json(&a).await;
        assert_eq!(again.status, 200, "{again:?}");
        assert_eq!(again.json()["reference"], first.json()["reference"]);
    }
    // A new proposal from the same client is over the limit.
    let b = app
        .post_json(&proposal_with(&[
            ("token", "idem-first-token-0000002"),
            ("organisation", "Lain"),
        ]))
        .await;
    assert_eq!(b.status, 429, "{b:?}");
    // Retries were not counted: the counter holds the first write and the refused one only.
    let hits: Vec<String> = app
        .items()
        .await
        .iter()
        .filter(|i| i.get("entity") == Some(&harness::s("rate")))
        .filter_map(|i| i.get("hits").and_then(|h| h.as_n().ok()).cloned())
        .collect();
    assert_eq!(hits, ["2"], "retries counted against the limit");
}

#[tokio::test]
async fn invisible_characters_do_not_count_as_an_answer() {
    let app = TestApp::start("invisible").await;
    let zw = "\u{200b}".repeat(25);
    let padded = format!("Pendek{}", "\u{200d}\u{2060}\u{feff}".repeat(10));
    for (field, value) in [
        ("organisation", "\u{200b}"),
        ("contact_name", "\u{2060}\u{200c}"),
        ("summary", zw.as_str()),
        ("problem", padded.as_str()),
    ] {
        let r = app.post_json(&proposal_with(&[(field, value)])).await;
        assert_eq!(r.status, 422, "{field}: {r:?}");
        assert_eq!(r.json()["fields"][0]["name"], field, "{r:?}");
    }
    assert_eq!(app.count().await, 0);
}

#[tokio::test]
async fn the_traps_look_like_a_real_submission() {
    let app = TestApp::start("decoys").await;
    let names = |r: &Reply| {
        let mut n: Vec<String> = r
            .headers
            .keys()
            .filter(|k| *k != "date" && *k != "content-length")
            .cloned()
            .collect();
        n.sort();
        n
    };
    let store_ms = |r: &Reply| -> f64 {
        r.header("server-timing")
            .and_then(|v| v.strip_prefix("store;dur="))
            .and_then(|v| v.split(',').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("server-timing: {r:?}"))
    };
    // A few real submissions teach the decoys how long a write takes.
    let mut real = Vec::new();
    for org in ["Satu", "Dua", "Tiga"] {
        let t = Instant::now();
        let r = app
            .post_json(&proposal_with(&[("organisation", org)]))
            .await;
        real.push(t.elapsed());
        assert_eq!(r.status, 201, "{r:?}");
        real.sort();
        if org == "Tiga" {
            let typical = app.state.typical_store_time();
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .expect("clock")
                .as_millis()
                .to_string();
            let t = Instant::now();
            let honeypot = app
                .post_json(&proposal_with(&[
                    ("organisation", "Empat"),
                    ("website", "http://spam.example"),
                ]))
                .await;
            let honeypot_took = t.elapsed();
            let t = Instant::now();
            let too_fast = app
                .post_json(&proposal_with(&[
                    ("organisation", "Lima"),
                    ("started_at", now.as_str()),
                ]))
                .await;
            let too_fast_took = t.elapsed();
            for (decoy, took) in [(&honeypot, honeypot_took), (&too_fast, too_fast_took)] {
                assert_eq!(decoy.status, r.status, "{decoy:?}");
                assert_eq!(names(decoy), names(&r), "{decoy:?} vs {r:?}");
                let body = decoy.json();
                let keys: Vec<&str> = body
                    .as_object()
                    .expect("object")
                    .keys()
                    .map(String::as_str)
                    .map(|k| match k {
                        "reference" | "status" | "thank_you_url" => k,
                        _ => "other",
                    })
                    .collect();
                assert_eq!(keys, ["reference", "status", "thank_you_url"]);
                // Time in the store is reported and spent like a real write's.
                let reported = store_ms(decoy);
                assert!(
                    reported >= typical.as_secs_f64() * 1e3 * 0.7,
                    "store;dur={reported} against a typical {typical:?}"
                );
                assert!(
                    took >= typical.mul_f64(0.7) && took < Duration::from_secs(5),
                    "took {took:?} against a typical {typical:?}"
                );
            }
        }
    }
    assert_eq!(app.proposals().await, 3, "the decoys stored nothing");
}
