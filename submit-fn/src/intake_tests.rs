//! The use case without HTTP and without a real clock: `now` is chosen by each test, and the
//! store points at a closed loopback port, so a test sees whether a rule stopped the request
//! before storage (its own decision) or let it through (`Unavailable`, the dead store's answer).

use std::net::IpAddr;

use aws_sdk_dynamodb::config::retry::RetryConfig;
use aws_sdk_dynamodb::config::{BehaviorVersion, Credentials, Region};
use time::OffsetDateTime;
use time::macros::datetime;

use super::*;
use crate::config::{Config, RateLimit};
use crate::store::Store;
use crate::validate::Problem;

fn state(as_of: Option<time::Date>) -> AppState {
    let catalog =
        winner_catalog::Catalog::from_json(include_str!("../tests/fixtures/catalog.json"))
            .expect("fixture");
    let conf = aws_sdk_dynamodb::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new("t", "t", None, None, "test"))
        .endpoint_url("http://127.0.0.1:9")
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

fn client() -> ClientAddress {
    ClientAddress {
        source_ip: None,
        peer: Some(IpAddr::from([127, 0, 0, 1])),
        forwarded_for: None,
    }
}

fn ms(at: OffsetDateTime) -> String {
    (at.unix_timestamp() * 1000).to_string()
}

#[tokio::test]
async fn the_honeypot_is_answered_before_anything_else() {
    let s = state(None);
    let out = accept(
        &s,
        &submission(&[("website", "x")]),
        &client(),
        datetime!(2023-06-01 03:00 UTC),
    )
    .await;
    assert!(
        matches!(&out.decision, Decision::Created(r) if r.starts_with("WNR-61-")),
        "{out:?}"
    );
    assert_eq!(out.detail, "honeypot");
    assert_eq!(out.store_time, Duration::ZERO);
}

#[tokio::test]
async fn the_window_follows_now_in_wib_when_no_date_is_pinned() {
    let s = state(None);
    // kalimantan-barat closes on 2023-06-11: 23:59:59 WIB is still open (the dead store answers).
    let open = accept(
        &s,
        &submission(&[]),
        &client(),
        datetime!(2023-06-11 16:59:59 UTC),
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
        datetime!(2023-06-11 17:00:00 UTC),
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
async fn the_fill_time_is_measured_against_now() {
    let s = state(Some(time::macros::date!(2023 - 06 - 01)));
    let now = datetime!(2023-06-01 03:00:00 UTC);
    let started = ms(now - Duration::from_secs(2));
    let fast = accept(&s, &submission(&[("started_at", &started)]), &client(), now).await;
    assert_eq!(fast.detail, "too_fast");
    assert_eq!(
        fast.decision,
        Decision::Invalid(FieldErrors(vec![FieldError {
            name: "started_at".into(),
            problem: Problem::TooFast(5),
        }]))
    );
    assert_eq!(fast.store_time, Duration::ZERO);
    let started = ms(now - Duration::from_secs(6));
    let slow = accept(&s, &submission(&[("started_at", &started)]), &client(), now).await;
    assert_eq!(slow.decision, Decision::Unavailable, "{slow:?}");
}
