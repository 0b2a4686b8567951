//! Accepted proposals: storage, idempotency, listing, abuse limits, CORS, outages.

use std::collections::HashMap;

use aws_sdk_dynamodb::types::AttributeValue;

use crate::harness::{self, ORIGIN, TestApp, proposal, proposal_with, reference_of, s};

#[tokio::test]
async fn a_form_post_is_stored_with_every_attribute_and_redirected() {
    let app = TestApp::start("stored").await;
    let pairs = proposal_with(&[
        ("lang", "en"),
        ("organisation", "<script>alert('x')</script> & Co"),
        (
            "summary",
            "Baris satu\r\nbaris dua\tdengan tab, cukup panjang.",
        ),
        ("video_url", "https://contoh.id/video"),
    ]);
    let r = app.post_form(&pairs).await;
    assert_eq!(r.status, 303, "{r:?}");
    let location = r.header("location").expect("location");
    assert!(
        location.starts_with("/proposals/received/WNR-61-") && location.ends_with("?lang=en"),
        "{location}"
    );
    let reference = reference_of(location);
    assert!(
        submit_fn::reference::is_reference(&reference),
        "{reference}"
    );
    // Without JavaScript the reference is in the page the 303 leads to (#14).
    let page = app.request("GET", location, &[], Default::default()).await;
    assert_eq!(page.status, 200, "{page:?}");
    assert!(page.body.contains("<html lang=\"en\">"), "{}", page.body);
    assert!(
        page.body.contains(&format!(
            "<p class=\"reference\" id=\"reference\">{reference}</p>"
        )),
        "{}",
        page.body
    );
    assert_eq!(page.header("referrer-policy"), Some("no-referrer"));
    assert_eq!(page.header("cache-control"), Some("no-store"));

    let store = app.state.store();
    let item = store
        .get_proposal(&reference)
        .await
        .expect("get")
        .expect("item exists");
    let get = |k: &str| {
        item.get(k)
            .unwrap_or_else(|| panic!("missing {k} in {item:?}"))
    };
    assert_eq!(get("pk"), &s(&format!("REF#{reference}")));
    assert_eq!(get("entity"), &s("proposal"));
    assert_eq!(get("reference"), &s(&reference));
    assert_eq!(get("province"), &s("kalimantan-barat"));
    assert_eq!(get("province_code"), &s("61"));
    assert_eq!(get("issue"), &s("stunting"));
    assert_eq!(get("province_issue"), &s("kalimantan-barat#stunting"));
    assert_eq!(get("lang"), &s("en"));
    assert_eq!(get("status"), &s("received"));
    assert_eq!(get("idempotency"), &s("fingerprint"));
    let submitted_at = get("submitted_at").as_s().expect("string").clone();
    assert_eq!(submitted_at.len(), 24, "{submitted_at}");
    assert!(submitted_at.ends_with('Z'));
    let answers = get("answers").as_m().expect("map");
    let want: HashMap<&str, AttributeValue> = HashMap::from([
        ("organisation", s("<script>alert('x')</script> & Co")),
        ("legal_form", s("koperasi")),
        ("stage", s("early")),
        ("contact_name", s("Siti Rahma")),
        ("email", s("siti@contoh.id")),
        ("phone", s("0812 3456 7890")),
        (
            "summary",
            s("Baris satu\nbaris dua\tdengan tab, cukup panjang."),
        ),
        (
            "problem",
            s("Angka stunting di pesisir tinggi menurut data dinas."),
        ),
        (
            "business_model",
            s("Langganan makanan bergizi dengan harga terjangkau."),
        ),
        (
            "impact",
            s("Seribu balita mendapat makanan bergizi setiap minggu."),
        ),
        ("video_url", s("https://contoh.id/video")),
        ("consent", AttributeValue::Bool(true)),
    ]);
    assert_eq!(answers.len(), want.len(), "{answers:?}");
    for (k, v) in &want {
        assert_eq!(answers.get(*k), Some(v), "answer {k}");
    }
    let consent = get("consent").as_m().expect("map");
    assert_eq!(consent.get("given"), Some(&AttributeValue::Bool(true)));
    assert_eq!(consent.get("at"), Some(&s(&submitted_at)));
    assert_eq!(
        consent.get("privacy_notice_version"),
        Some(&s("2023-06-01"))
    );
    // No IP, raw or hashed, on the proposal.
    assert!(!item.keys().any(|k| k.contains("ip")), "{item:?}");
    assert_eq!(app.proposals().await, 1);
}

#[tokio::test]
async fn a_repeated_json_submission_gives_one_item_and_the_same_reference() {
    let app = TestApp::start("repeat").await;
    let token = "5f0c2d7e-8a41-4b6e-9d1c-3e2f7a9b0c11";
    let first = app.post_json(&proposal_with(&[("token", token)])).await;
    assert_eq!(first.status, 201, "{first:?}");
    let body = first.json();
    assert_eq!(body["status"], "received");
    let reference = body["reference"].as_str().expect("reference").to_owned();
    assert_eq!(
        body["thank_you_url"],
        format!("http://127.0.0.1:8080/ajukan/terkirim/?ref={reference}")
    );
    // A retry with the same token: same reference, 200.
    let again = app.post_json(&proposal_with(&[("token", token)])).await;
    assert_eq!(again.status, 200, "{again:?}");
    assert_eq!(again.json(), body);
    // The same token with an edited answer is never silently dropped: 409 naming the first.
    let edited = app
        .post_json(&proposal_with(&[("token", token), ("stage", "idea")]))
        .await;
    assert_eq!(edited.status, 409, "{edited:?}");
    assert_eq!(edited.json()["error"], "conflict");
    assert_eq!(edited.json()["reference"], body["reference"]);
    assert_eq!(app.proposals().await, 1);

    // Without a token, the same content (any language, any start time) is a repeat too.
    let a = app
        .post_form(&proposal_with(&[("issue", "perkawinan-anak")]))
        .await;
    // (a start a minute ago: #16 bounds started_at to the last day)
    let minute_ago = (std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_millis()
        - 60_000)
        .to_string();
    let b = app
        .post_form(&proposal_with(&[
            ("issue", "perkawinan-anak"),
            ("lang", "en"),
            ("started_at", minute_ago.as_str()),
        ]))
        .await;
    assert_eq!((a.status, b.status), (303, 303));
    assert_eq!(
        reference_of(a.header("location").expect("location")),
        reference_of(b.header("location").expect("location"))
    );
    assert_eq!(app.proposals().await, 2);
}

#[tokio::test]
async fn concurrent_double_clicks_store_once() {
    let app = TestApp::start("double").await;
    let pairs = proposal_with(&[("token", "double-click-token-0001")]);
    let (a, b) = tokio::join!(app.post_json(&pairs), app.post_json(&pairs));
    let mut statuses = [a.status, b.status];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 201], "{a:?} {b:?}");
    assert_eq!(a.json()["reference"], b.json()["reference"]);
    assert_eq!(app.proposals().await, 1);
}

#[tokio::test]
async fn proposals_are_listed_by_province_and_issue_in_time_order() {
    let app = TestApp::start("list").await;
    let mut refs = Vec::new();
    for (issue, org) in [
        ("stunting", "Satu"),
        ("perkawinan-anak", "Dua"),
        ("stunting", "Tiga"),
    ] {
        let r = app
            .post_json(&proposal_with(&[("issue", issue), ("organisation", org)]))
            .await;
        assert_eq!(r.status, 201, "{r:?}");
        refs.push(r.json()["reference"].as_str().expect("ref").to_owned());
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let store = app.state.store();
    assert_eq!(
        store
            .list_by_province("kalimantan-barat", 10)
            .await
            .expect("query"),
        refs
    );
    assert_eq!(
        store
            .list_by_issue("kalimantan-barat", "stunting", 10)
            .await
            .expect("query"),
        vec![refs[0].clone(), refs[2].clone()]
    );
    assert!(
        store
            .list_by_province("sulawesi-selatan", 10)
            .await
            .expect("query")
            .is_empty()
    );
}

#[tokio::test]
async fn the_honeypot_gets_a_normal_looking_success_and_nothing_is_stored() {
    let app = TestApp::start("honeypot").await;
    let r = app
        .post_json(&proposal_with(&[("website", "http://spam.example")]))
        .await;
    assert_eq!(r.status, 201, "{r:?}");
    let reference = r.json()["reference"].as_str().expect("ref").to_owned();
    assert!(submit_fn::reference::is_reference(&reference));
    let f = app.post_form(&proposal_with(&[("website", "spam")])).await;
    assert_eq!(f.status, 303);
    assert_eq!(app.count().await, 0, "nothing at all is stored");
}

#[tokio::test]
async fn the_rate_limit_answers_429_with_retry_after() {
    let app = TestApp::start_with("rate", |c| {
        c.rate_limit = submit_fn::config::RateLimit {
            max: 2,
            window_secs: 3600,
        };
    })
    .await;
    for org in ["Satu", "Dua"] {
        let r = app
            .post_json(&proposal_with(&[("organisation", org)]))
            .await;
        assert_eq!(r.status, 201, "{r:?}");
    }
    let r = app
        .post_json(&proposal_with(&[("organisation", "Tiga")]))
        .await;
    assert_eq!(r.status, 429, "{r:?}");
    assert_eq!(r.json()["error"], "rate_limited");
    let retry: u64 = r
        .header("retry-after")
        .expect("retry-after")
        .parse()
        .expect("seconds");
    assert!((1..=3600).contains(&retry), "{retry}");
    let html = app
        .post_form(&proposal_with(&[("organisation", "Empat")]))
        .await;
    assert_eq!(html.status, 429);
    assert!(html.header("retry-after").is_some());
    assert_eq!(app.proposals().await, 2);
    // The counter is keyed by the HMAC of the client IP, never the IP itself.
    let items = format!("{:?}", app.items().await);
    assert!(!items.contains("127.0.0.1"), "{items}");
    let hash =
        submit_fn::abuse::client_hash(harness::SECRET.as_bytes(), Some([127, 0, 0, 1].into()));
    assert!(items.contains(&format!("RATE#{hash}#")), "{items}");
}

#[tokio::test]
async fn an_unreachable_store_gives_503_and_acknowledges_nothing() {
    let client = harness::client_for(harness::endpoint()).await;
    let table = format!("it-down-{}", std::process::id());
    submit_fn::store::create_table(&client, &table)
        .await
        .expect("table");
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let dead = harness::client_for(&format!("http://127.0.0.1:{closed}")).await;
    let cfg = harness::config(&table);
    let app = TestApp::serve(cfg, dead, client, table).await;
    let r = app.post_json(&proposal()).await;
    assert_eq!(r.status, 503, "{r:?}");
    assert_eq!(r.json()["error"], "unavailable");
    assert!(r.json().get("reference").is_none());
    let html = app.post_form(&proposal()).await;
    assert_eq!(html.status, 503);
    assert!(html.header("location").is_none());
    assert!(html.body.contains("<html lang=\"id\">"));
    assert_eq!(app.count().await, 0);
}

#[tokio::test]
async fn cors_only_for_configured_origins_and_health() {
    let app = TestApp::start("cors").await;
    let pre = |origin: &str| {
        vec![
            ("origin", origin.to_owned()),
            ("access-control-request-method", "POST".to_owned()),
            ("access-control-request-headers", "content-type".to_owned()),
        ]
    };
    let ok = app
        .request("OPTIONS", "/proposals", &pre(ORIGIN), Default::default())
        .await;
    assert_eq!(ok.status, 204, "{ok:?}");
    assert_eq!(ok.header("access-control-allow-origin"), Some(ORIGIN));
    assert!(
        ok.header("access-control-allow-methods")
            .is_some_and(|m| m.contains("POST"))
    );
    let bad = app
        .request(
            "OPTIONS",
            "/proposals",
            &pre("https://evil.example"),
            Default::default(),
        )
        .await;
    assert_eq!(bad.status, 403);
    assert!(bad.header("access-control-allow-origin").is_none());

    let post = app
        .request(
            "POST",
            "/proposals",
            &[
                ("origin", ORIGIN.to_owned()),
                ("content-type", "application/json".to_owned()),
            ],
            serde_json::json!({"province": "atlantis"})
                .to_string()
                .into(),
        )
        .await;
    assert_eq!(post.status, 422);
    assert_eq!(post.header("access-control-allow-origin"), Some(ORIGIN));

    let health = app.request("GET", "/health", &[], Default::default()).await;
    assert_eq!((health.status, health.body.as_str()), (200, "ok"));
    assert!(health.header("x-request-id").is_some());
}

#[tokio::test]
async fn the_received_page_shows_only_a_well_formed_reference() {
    let app = TestApp::start("received").await;
    let ok = app
        .request(
            "GET",
            "/proposals/received/WNR-61-7K3Q9X",
            &[],
            Default::default(),
        )
        .await;
    assert_eq!(ok.status, 200, "{ok:?}");
    assert!(ok.body.contains("<html lang=\"id\">"), "{}", ok.body);
    assert!(ok.body.contains(">WNR-61-7K3Q9X</p>"), "{}", ok.body);
    for bad in [
        "/proposals/received/%3Cscript%3E",
        "/proposals/received/WNR-61-7K3Q9",
        "/proposals/received/wnr-61-7k3q9x",
    ] {
        let r = app.request("GET", bad, &[], Default::default()).await;
        assert_eq!(r.status, 404, "{bad}: {r:?}");
        assert!(!r.body.contains("script"), "{bad}: {}", r.body);
        assert!(
            r.body.contains("Alamat ini tidak ada."),
            "{bad}: {}",
            r.body
        );
    }
}
