//! No personal data or free text in the logs: every log line of this test binary is captured
//! (with the production filter) and searched for the submitted values.

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use tracing_subscriber::fmt::MakeWriter;

use crate::harness::{TestApp, proposal_with};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut v) = self.0.lock() {
            v.extend_from_slice(buf);
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Captured;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

fn capture() -> &'static Captured {
    static CAPTURED: OnceLock<Captured> = OnceLock::new();
    CAPTURED.get_or_init(|| {
        let c = Captured::default();
        let subscriber = tracing_subscriber::fmt()
            .with_env_filter(submit_fn::logging::filter(Some("trace")))
            .json()
            .with_writer(c.clone())
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("first subscriber");
        c
    })
}

#[tokio::test]
async fn logs_carry_request_ids_and_outcomes_but_no_answers() {
    let captured = capture();
    let app = TestApp::start("logs").await;
    let name = "Canary Namasaya Rahasia";
    let email = "canary.rahasia@contoh.id";
    let phone = "0812 9999 1234";
    let story = "Cerita canary rahasia yang tidak boleh masuk log sama sekali.";
    let good = proposal_with(&[
        ("contact_name", name),
        ("email", email),
        ("phone", phone),
        ("summary", story),
    ]);
    let created = app.post_json(&good).await;
    assert_eq!(created.status, 201, "{created:?}");
    let repeated = app.post_form(&good).await;
    assert_eq!(repeated.status, 303);
    let mut bad = good.clone();
    bad.push(("nickname", "canary-nick"));
    let invalid = app.post_json(&bad).await;
    assert_eq!(invalid.status, 422);
    let honey = app
        .post_json(&proposal_with(&[
            ("website", "canary-spam"),
            ("email", email),
        ]))
        .await;
    assert_eq!(honey.status, 201);
    let malformed = app
        .post(
            Some("application/json"),
            None,
            format!("{{\"phone\": 6281299991234, \"email\": \"{email}\"}}"),
        )
        .await;
    assert_eq!(malformed.status, 400);

    let text = String::from_utf8(captured.0.lock().expect("lock").clone()).expect("utf-8");
    let id = created.header("x-request-id").expect("request id");
    assert!(text.contains(id), "request id {id} not logged:\n{text}");
    for outcome in [
        "\"created\"",
        "\"repeated\"",
        "\"invalid\"",
        "\"malformed\"",
        "\"honeypot\"",
    ] {
        assert!(text.contains(outcome), "{outcome} not logged:\n{text}");
    }
    for secret in [
        name,
        email,
        phone,
        story,
        "canary",
        "Canary",
        "6281299991234",
        "siti@contoh.id",
    ] {
        assert!(
            !text.contains(secret),
            "`{secret}` leaked into the logs:\n{text}"
        );
    }
}

#[tokio::test]
async fn the_private_link_and_its_secret_never_reach_the_logs() {
    let captured = capture();
    let app = TestApp::start("logs-link").await;
    let reference = crate::link::submit(&app, &[("email", "link-logs@contoh.id")]).await;
    let token = crate::link::token_of(&app, &reference).await;
    let secret = token.split_once('.').expect("dot").1.to_owned();
    let page = crate::link::open(&app, &token).await;
    assert_eq!(page.status, 200);
    let wrong = crate::link::open(&app, &format!("{reference}.{}", "0".repeat(64))).await;
    assert_eq!(wrong.status, 404);
    let corrected = crate::link::act(&app, &[("link", &token), ("action", "withdraw")]).await;
    assert_eq!(corrected.status, 200);
    let text = String::from_utf8(captured.0.lock().expect("lock").clone()).expect("utf-8");
    assert!(
        text.contains("\"private link request\""),
        "link requests are logged:\n{text}"
    );
    assert!(text.contains("\"outcome\":\"unknown\""), "{text}");
    for leak in [
        secret.as_str(),
        &secret[..16],
        "/proposals/link/",
        "link-logs@contoh.id",
    ] {
        assert!(
            !text.contains(leak),
            "`{leak}` leaked into the logs:\n{text}"
        );
    }
}

#[tokio::test]
async fn the_link_routes_are_rate_limited_like_the_submission() {
    let app = TestApp::start_with("link-rate", |c| {
        c.rate_limit = submit_fn::config::RateLimit {
            max: 2,
            window_secs: 3600,
        };
    })
    .await;
    let reference = crate::link::submit(&app, &[("email", "rate@contoh.id")]).await;
    let token = crate::link::token_of(&app, &reference).await;
    let allowed = 2 * submit_fn::link::REQUESTS_PER_SUBMISSION;
    for n in 0..allowed {
        assert_eq!(
            crate::link::open(&app, &token).await.status,
            200,
            "request {n}"
        );
    }
    let third = crate::link::open(&app, &token).await;
    assert_eq!(third.status, 429, "{third:?}");
    assert!(third.header("retry-after").is_some());
    assert_eq!(third.header("referrer-policy"), Some("no-referrer"));
}
