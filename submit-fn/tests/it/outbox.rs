//! The email outbox (#17) against moto's DynamoDB and SES v2: messages are written with the
//! proposal, sent by the same code the CLI and the Lambda handler run, and read back from
//! moto's `/moto-api/data.json` (its SES backend's `Message` models: `destinations`,
//! `subject`, `body`; with a text and an HTML part, moto keeps the HTML one).

use std::sync::Arc;

use aws_sdk_sesv2::config::{Credentials, Region};
use submit_fn::config::MailConfig;
use submit_fn::outbox::deliver::{Delivery, Outbox};
use submit_fn::outbox::ses::Mailer;
use submit_fn::store::{self, MessageKind, MessageStatus};
use time::OffsetDateTime;

use crate::harness::{self, TestApp, proposal_with, reference_of};

pub const DOMAIN: &str = "winner.example.go.id";
const ORGANISER: &str = "panitia@winner.example.go.id";

pub async fn ses_client(endpoint: &str) -> aws_sdk_sesv2::Client {
    let conf = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new("test", "test", None, None, "static-test"))
        .endpoint_url(endpoint)
        .timeout_config(store::timeouts())
        .load()
        .await;
    aws_sdk_sesv2::Client::new(&conf)
}

pub fn mail() -> MailConfig {
    MailConfig {
        from: format!("Kompetisi WiNNER <noreply@{DOMAIN}>"),
        organiser: Some(ORGANISER.to_owned()),
        notice_answers: true,
        configuration_set: None,
        submit_url: None,
    }
}

/// An app that writes messages, and a sender whose SES is at `ses_endpoint`.
pub async fn setup(label: &str, ses_endpoint: &str) -> (TestApp, Outbox) {
    let ses = ses_client(harness::endpoint()).await;
    ses.create_email_identity()
        .email_identity(DOMAIN)
        .send()
        .await
        .expect("verify the sender's domain in moto");
    let app = TestApp::start(label).await;
    let state = app.state.clone().with_mail(mail());
    assert!(state.mail().is_some());
    let outbox = sender(&app, ses_endpoint).await;
    (app, outbox)
}

pub async fn sender(app: &TestApp, ses_endpoint: &str) -> Outbox {
    let catalog = submit_fn::load_catalog(&harness::catalog_path()).expect("fixture catalog");
    let m = mail();
    Outbox::new(
        app.state.store().clone(),
        Mailer::new(ses_client(ses_endpoint).await, m.from.clone(), None),
        Arc::new(catalog),
        m,
    )
}

#[derive(Debug)]
pub struct Sent {
    pub to: Vec<String>,
    pub subject: String,
    pub body: String,
}

/// Every message moto's SES accepted to `to`.
pub async fn sent_to(to: &str) -> Vec<Sent> {
    let url = format!("{}/moto-api/data.json", harness::endpoint());
    let body = tokio::task::spawn_blocking(move || {
        let out = std::process::Command::new("curl")
            .args(["-sf", &url])
            .output()
            .expect("curl");
        assert!(out.status.success(), "GET {url} failed");
        out.stdout
    })
    .await
    .expect("join");
    let data: serde_json::Value = serde_json::from_slice(&body).expect("moto data.json");
    let messages = data
        .pointer("/ses/Message")
        .and_then(|m| m.as_array())
        .cloned()
        .unwrap_or_default();
    messages
        .iter()
        .map(|m| Sent {
            to: m
                .pointer("/destinations/ToAddresses")
                .and_then(|a| a.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default(),
            subject: m["subject"].as_str().unwrap_or_default().to_owned(),
            body: m["body"].as_str().unwrap_or_default().to_owned(),
        })
        .filter(|m| m.to.iter().any(|t| t == to))
        .collect()
}

pub fn later(minutes: i64) -> OffsetDateTime {
    OffsetDateTime::now_utc() + time::Duration::minutes(minutes)
}

#[tokio::test]
async fn a_submission_sends_one_receipt_in_its_language_and_one_notice() {
    let (app, outbox) = setup("ob-receipt", harness::endpoint()).await;
    let to = "receipt-en@contoh.id";
    let r = app
        .post_form(&proposal_with(&[
            ("lang", "en"),
            ("email", to),
            ("organisation", "Koperasi <Maju> & \"Sejahtera\""),
        ]))
        .await;
    assert_eq!(r.status, 303, "{r:?}");
    let reference = reference_of(r.header("location").expect("location"));

    // Written with the proposal, nothing sent yet.
    assert!(sent_to(to).await.is_empty());
    let summary = outbox.drain(later(0)).await.expect("drain");
    assert_eq!(summary.sent, 2, "{summary:?}");

    let receipts = sent_to(to).await;
    assert_eq!(receipts.len(), 1, "{receipts:?}");
    let receipt = &receipts[0];
    assert_eq!(
        receipt.subject,
        format!("Your proposal was received: {reference}")
    );
    let html = &receipt.body;
    assert!(html.contains("<html lang=\"en\">"), "{html}");
    assert!(html.contains(&reference), "{html}");
    assert!(html.contains("Kalimantan Barat"), "{html}");
    assert!(html.contains(" WIB"), "{html}");
    assert!(html.contains("What happens next"), "{html}");
    // The answer, escaped once.
    assert!(
        html.contains("Koperasi &lt;Maju&gt; &amp; &quot;Sejahtera&quot;"),
        "{html}"
    );
    assert!(!html.contains("<Maju>"), "{html}");
    assert!(html.contains(to), "{html}");

    let notices = sent_to(ORGANISER).await;
    let notices: Vec<_> = notices
        .iter()
        .filter(|n| n.subject.contains(&reference))
        .collect();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].subject.starts_with("Usulan baru"));

    // Drained again: nothing more.
    let again = outbox.drain(later(60)).await.expect("drain");
    assert_eq!(again.sent, 0, "{again:?}");
    assert_eq!(sent_to(to).await.len(), 1);
    // Delivered records expire and drop the address.
    let m = app
        .state
        .store()
        .outbox_message(&store::outbox::message_key(
            &reference,
            MessageKind::Receipt,
        ))
        .await
        .expect("get")
        .expect("record");
    assert_eq!(m.status, MessageStatus::Sent);
    assert_eq!(m.to, None);
}

#[tokio::test]
async fn ses_down_during_submission_sends_once_it_is_back_never_twice() {
    // SES at a closed port while the proposal arrives and the first drain runs.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        format!("http://{}", l.local_addr().expect("addr"))
    };
    let (app, down) = setup("ob-down", &closed).await;
    let to = "ses-down@contoh.id";
    let r = app.post_form(&proposal_with(&[("email", to)])).await;
    assert_eq!(r.status, 303, "the proposal is acknowledged: {r:?}");
    let reference = reference_of(r.header("location").expect("location"));
    assert!(
        app.state
            .store()
            .get_proposal(&reference)
            .await
            .expect("get")
            .is_some()
    );

    let s = down.drain(later(0)).await.expect("drain");
    assert_eq!((s.sent, s.retrying), (0, 2), "{s:?}");
    assert!(sent_to(to).await.is_empty());
    // Not due again before its backoff.
    let s = down.drain(later(0)).await.expect("drain");
    assert_eq!(s.sent + s.retrying, 0, "{s:?}");

    let up = sender(&app, harness::endpoint()).await;
    let s = up.drain(later(5)).await.expect("drain");
    assert_eq!(s.sent, 2, "{s:?}");
    let s = up.drain(later(120)).await.expect("drain");
    assert_eq!(s.sent, 0, "{s:?}");
    assert_eq!(sent_to(to).await.len(), 1);
}

#[tokio::test]
async fn a_stream_batch_delivered_twice_sends_once() {
    let (app, outbox) = setup("ob-stream", harness::endpoint()).await;
    let to = "stream-twice@contoh.id";
    let r = app.post_form(&proposal_with(&[("email", to)])).await;
    assert_eq!(r.status, 303, "{r:?}");
    let reference = reference_of(r.header("location").expect("location"));
    let record = |kind, seq: &str| {
        serde_json::json!({
            "eventName": "INSERT",
            "eventSource": "aws:dynamodb",
            "dynamodb": {
                "Keys": { "pk": { "S": store::outbox::message_key(&reference, kind) } },
                "SequenceNumber": seq,
                "StreamViewType": "KEYS_ONLY"
            }
        })
    };
    let batch = serde_json::json!({ "Records": [
        record(MessageKind::Receipt, "100"),
        record(MessageKind::Notice, "101"),
        { "eventName": "INSERT", "dynamodb": { "Keys": { "pk": { "S": format!("REF#{reference}") } }, "SequenceNumber": "99" } }
    ]});
    let (first, failures) = outbox.stream_batch(&batch, later(0)).await;
    assert!(failures.is_empty());
    assert_eq!(first.sent, 2, "{first:?}");
    let (second, failures) = outbox.stream_batch(&batch, later(0)).await;
    assert!(failures.is_empty());
    assert_eq!((second.sent, second.skipped), (0, 2), "{second:?}");
    assert_eq!(sent_to(to).await.len(), 1);
}

#[tokio::test]
async fn a_rejected_address_is_parked_listed_and_replayable() {
    let (app, outbox) = setup("ob-rejected", harness::endpoint()).await;
    let to = "parked@contoh.id";
    let r = app.post_form(&proposal_with(&[("email", to)])).await;
    assert_eq!(r.status, 303, "{r:?}");
    let reference = reference_of(r.header("location").expect("location"));
    // A sender whose identity moto has not verified: SES answers MessageRejected.
    let catalog = submit_fn::load_catalog(&harness::catalog_path()).expect("catalog");
    let unverified = Outbox::new(
        app.state.store().clone(),
        Mailer::new(
            ses_client(harness::endpoint()).await,
            "noreply@unverified.example".into(),
            None,
        ),
        Arc::new(catalog),
        mail(),
    );
    let pk = store::outbox::message_key(&reference, MessageKind::Receipt);
    assert_eq!(
        unverified.deliver(&pk, later(0)).await.expect("deliver"),
        Delivery::Parked
    );
    let failed = app.state.store().failed_messages().await.expect("list");
    let parked = failed
        .iter()
        .find(|m| m.pk == pk)
        .expect("listed as failed");
    assert!(
        parked
            .last_error
            .as_deref()
            .unwrap_or("")
            .starts_with("rejected:"),
        "{parked:?}"
    );
    assert!(sent_to(to).await.is_empty());
    // The operator's view, through the binary: `outbox list --failed` shows the parked receipt
    // only; `outbox list` also the notice still waiting; never an address.
    let list = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_submit-fn"))
            .args(["outbox", "list"])
            .args(args)
            .env("TABLE_NAME", &app.table)
            .env("AWS_ENDPOINT_URL_DYNAMODB", harness::endpoint())
            .env("AWS_REGION", "us-east-1")
            .env("AWS_ACCESS_KEY_ID", "test")
            .env("AWS_SECRET_ACCESS_KEY", "test")
            .output()
            .expect("run submit-fn");
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(
            !stdout.contains(to) && !stderr.contains(to),
            "{stdout}{stderr}"
        );
        let rows: Vec<Vec<String>> = stdout
            .lines()
            .map(|l| l.split('\t').map(str::to_owned).collect())
            .collect();
        (rows, stderr)
    };
    let (rows, stderr) = list(&["--failed"]);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0][..2], [pk.clone(), "failed".to_owned()], "{rows:?}");
    assert_eq!(rows[0][3], "attempts=1", "{rows:?}");
    assert!(rows[0][4].starts_with("rejected:"), "{rows:?}");
    assert!(stderr.contains("1 parked message(s)"), "{stderr}");
    let (rows, stderr) = list(&[]);
    let notice = store::outbox::message_key(&reference, MessageKind::Notice);
    let keys: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(
        keys,
        [(notice.as_str(), "pending"), (pk.as_str(), "failed")],
        "{rows:?}"
    );
    assert!(stderr.contains("1 waiting, 1 parked"), "{stderr}");
    // Parked means never retried by a drain ...
    let s = outbox.drain(later(600)).await.expect("drain");
    assert_eq!(sent_to(to).await.len(), 0, "{s:?}");
    // ... until an operator replays it.
    assert!(
        app.state
            .store()
            .replay_message(&pk, &store::timestamp(later(0)))
            .await
            .expect("replay")
    );
    outbox.drain(later(1)).await.expect("drain");
    assert_eq!(sent_to(to).await.len(), 1);
}
