//! The use case without HTTP and without a real clock: `now` is chosen by each test, and the
//! store points at a closed loopback port, so a test sees whether a rule stopped the request
//! before storage (its own decision) or let it through (`Unavailable`, the dead store's answer);
//! or at a port that accepts and never answers, for the deadline.

use std::net::IpAddr;

use aws_sdk_dynamodb::config::retry::RetryConfig;
use aws_sdk_dynamodb::config::{BehaviorVersion, Credentials, Region};
use time::OffsetDateTime;
use time::macros::datetime;
use tokio::time::Instant;

use super::*;
use crate::config::{Config, RateLimit};
use crate::store::Store;
use crate::validate::Problem;

fn state(as_of: Option<time::Date>) -> AppState {
    state_at("http://127.0.0.1:9", as_of)
}

fn state_at(endpoint: &str, as_of: Option<time::Date>) -> AppState {
    let catalog =
        winner_catalog::Catalog::from_json(include_str!("../tests/fixtures/catalog.json"))
            .expect("fixture");
    let conf = aws_sdk_dynamodb::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new("t", "t", None, None, "test"))
        .endpoint_url(endpoint)
        .retry_config(RetryConfig::disabled())
        .build();
    let store = Store::new(aws_sdk_dynamodb::Client::from_conf(conf), "unit-test");
    let config = Config {
        table_name: "unit-test".into(),
        catalog_path: "unused".into(),
        site_url: "https://winner.example".into(),
        allowed_origins: vec![],
        ip_hash_secret: b"0123456789abcdef0123456789abcdef".to_vec(),
        as_of,
        trust_forwarded_for: false,
        rate_limit: RateLimit::default(),
        function_timeout: crate::config::DEFAULT_FUNCTION_TIMEOUT,
    };
    AppState::new(config, catalog, store)
}

fn submission(extra: &[(&str, &str)]) -> Submission {
    let mut sub = Submission::default();
    let mut pairs = vec![
        ("province", "kalimantan-barat"),
        ("issue", "stunting"),
        ("organisation", "Koperasi Maju Bersama"),
        ("legal_form", "koperasi"),
        ("stage", "early"),
        ("contact_name", "Siti Rahma"),
        ("email", "siti@contoh.id"),
        ("summary", "Dapur gizi keliling untuk balita."),
        ("problem", "Angka stunting di pesisir tinggi."),
        ("business_model", "Langganan makanan bergizi murah."),
        ("impact", "Seribu balita mendapat makanan."),
        ("consent", "yes"),
    ];
    for (k, v) in extra {
        match pairs.iter_mut().find(|(n, _)| n == k) {
            Some(slot) => slot.1 = v,
            None => pairs.push((k, v)),
        }
    }
    for (k, v) in pairs {
        assert!(sub.insert(k.to_owned(), v.to_owned()));
    }
    sub
}

fn client() -> Client {
    Client {
        address: ClientAddress {
            source_ip: None,
            peer: Some(IpAddr::from([127, 0, 0, 1])),
            forwarded_for: None,
        },
        scripted: false,
    }
}

fn scripted() -> Client {
    Client {
        scripted: true,
        ..client()
    }
}

fn at(wall: OffsetDateTime) -> Now {
    Now {
        wall,
        deadline: Instant::now() + Duration::from_secs(5),
    }
}

fn ms(at: OffsetDateTime) -> String {
    (at.unix_timestamp() * 1000).to_string()
}

#[tokio::test]
async fn the_honeypot_is_answered_before_anything_else() {
    let s = state(None);
    let t = std::time::Instant::now();
    let out = accept(
        &s,
        &submission(&[("website", "x")]),
        &client(),
        at(datetime!(2023-06-01 03:00 UTC)),
    )
    .await;
    assert!(
        matches!(&out.decision, Decision::Created(r) if r.starts_with("WNR-61-")),
        "{out:?}"
    );
    assert_eq!(out.detail, "honeypot");
    // It waited about as long as a typical write (30 ms before any write was measured),
    // and reports that wait as store time, like a real write.
    assert!(
        t.elapsed() >= Duration::from_millis(20),
        "{:?}",
        t.elapsed()
    );
    assert!(out.store_time >= Duration::from_millis(20), "{out:?}");
}

#[tokio::test]
async fn the_window_follows_now_in_wib_when_no_date_is_pinned() {
    let s = state(None);
    // kalimantan-barat closes on 2023-06-11: 23:59:59 WIB is still open (the dead store answers).
    let open = accept(
        &s,
        &submission(&[]),
        &client(),
        at(datetime!(2023-06-11 16:59:59 UTC)),
    )
    .await;
    assert_eq!(open.decision, Decision::Unavailable, "{open:?}");
    assert_eq!(
        open.target,
        Some(("kalimantan-barat".into(), "stunting".into()))
    );
    let closed = accept(
        &s,
        &submission(&[]),
        &client(),
        at(datetime!(2023-06-11 17:00:00 UTC)),
    )
    .await;
    match closed.decision {
        Decision::Invalid(FieldErrors(e)) => {
            assert!(matches!(e[0].problem, Problem::Closed(_)), "{e:?}")
        }
        other => panic!("expected closed, got {other:?}"),
    }
}

#[tokio::test]
async fn the_fill_time_is_measured_against_now_and_traps_like_the_honeypot() {
    let s = state(Some(time::macros::date!(2023 - 06 - 01)));
    let wall = datetime!(2023-06-01 03:00:00 UTC);
    let started = ms(wall - Duration::from_secs(2));
    let fast = accept(
        &s,
        &submission(&[("started_at", &started)]),
        &scripted(),
        at(wall),
    )
    .await;
    assert_eq!(fast.detail, "too_fast");
    assert!(
        matches!(&fast.decision, Decision::Created(r) if r.starts_with("WNR-61-")),
        "{fast:?}"
    );
    let started = ms(wall - Duration::from_secs(6));
    let slow = accept(
        &s,
        &submission(&[("started_at", &started)]),
        &scripted(),
        at(wall),
    )
    .await;
    assert_eq!(slow.decision, Decision::Unavailable, "{slow:?}");
    for started in [
        None,
        Some(ms(wall + Duration::from_secs(600))),
        Some(ms(wall - Duration::from_secs(25 * 3600))),
    ] {
        let extra: Vec<(&str, &str)> = started.iter().map(|v| ("started_at", v.as_str())).collect();
        let bad = accept(&s, &submission(&extra), &scripted(), at(wall)).await;
        assert_eq!(
            bad.decision,
            Decision::Invalid(FieldErrors(vec![FieldError {
                name: "started_at".into(),
                problem: Problem::BadStartedAt,
            }])),
            "{started:?}"
        );
    }
}

#[tokio::test]
async fn a_store_that_never_answers_is_cut_at_the_deadline() {
    // Accepts connections and never answers: the SDK client here has no timeouts of its own.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((sock, _)) = listener.accept().await {
            held.push(sock);
        }
    });
    let s = state_at(&format!("http://{addr}"), None);
    let t = std::time::Instant::now();
    let now = Now {
        wall: datetime!(2023-06-01 03:00 UTC),
        deadline: Instant::now() + Duration::from_millis(300),
    };
    let out = accept(&s, &submission(&[]), &client(), now).await;
    assert_eq!(out.decision, Decision::Unavailable, "nothing was sent yet");
    assert_eq!(out.detail, "deadline");
    let took = t.elapsed();
    assert!(
        (Duration::from_millis(290)..Duration::from_millis(1500)).contains(&took),
        "{took:?}"
    );
}
