//! The private link (#18) against moto: the receipt carries it, it opens the proposal, a
//! correction is a new version with its own receipt, concurrent corrections cannot both win,
//! a withdrawal needs its confirmation and keeps the proposal, a closed window refuses both,
//! and every kind of bad token gets one and the same answer.

use aws_sdk_dynamodb::types::AttributeValue;
use axum::body::Bytes;
use submit_fn::capability::{self, LinkKey};
use submit_fn::store::ProposalRecord;

use crate::harness::reference_of;
use crate::harness::{self, Reply, SECRET, TestApp, form_body, proposal_with};
use crate::outbox::{later, mail, sent_to, setup};

/// The token of the proposal `reference` as the outbox derives it.
pub async fn token_of(app: &TestApp, reference: &str) -> String {
    let r = record(app, reference).await;
    let nonce = r.link.expect("link fields").nonce;
    capability::token_for(
        &LinkKey::from_server_secret(SECRET.as_bytes()),
        reference,
        &nonce,
    )
}

async fn record(app: &TestApp, reference: &str) -> ProposalRecord {
    app.state
        .store()
        .proposal_record(reference)
        .await
        .expect("read")
        .expect("stored")
}

/// Submits `changes` as a plain form and returns the reference.
pub async fn submit(app: &TestApp, changes: &[(&str, &str)]) -> String {
    let r = app.post_form(&proposal_with(changes)).await;
    assert_eq!(r.status, 303, "{r:?}");
    reference_of(r.header("location").expect("location"))
}

pub async fn open(app: &TestApp, token: &str) -> Reply {
    app.request(
        "GET",
        &format!("/proposals/link/{token}"),
        &[],
        Bytes::new(),
    )
    .await
}

pub async fn act(app: &TestApp, pairs: &[(&str, &str)]) -> Reply {
    app.request(
        "POST",
        "/proposals/link",
        &[(
            "content-type",
            "application/x-www-form-urlencoded".to_owned(),
        )],
        Bytes::from(form_body(pairs)),
    )
    .await
}

/// The correction form's fields as the page prefills them, with `changes` applied.
fn correction<'a>(token: &'a str, changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut pairs: Vec<(&str, &str)> = proposal_with(changes)
        .into_iter()
        .filter(|(k, _)| !["province", "issue", "lang", "website"].contains(k))
        .collect();
    pairs.push(("link", token));
    pairs.push(("action", "correct"));
    pairs
}

#[tokio::test]
async fn the_receipt_carries_a_link_that_opens_the_proposal_and_no_item_holds_its_secret() {
    let (app, outbox) = setup("ln-receipt", harness::endpoint()).await;
    let outbox = outbox.with_link(
        LinkKey::from_server_secret(SECRET.as_bytes()),
        format!("{}/proposals", app.url),
    );
    let to = "link-receipt@contoh.id";
    let reference = submit(&app, &[("email", to), ("lang", "en")]).await;
    let s = outbox.drain(later(0)).await.expect("drain");
    assert_eq!(s.sent, 2, "{s:?}");
    let receipts = sent_to(to).await;
    assert_eq!(receipts.len(), 1, "{receipts:?}");
    let body = &receipts[0].body;
    let start = body
        .find(&format!("{}/proposals/link/", app.url))
        .expect("a link in the receipt");
    let url: String = body[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '<' && *c != '"')
        .collect();
    assert!(
        body.contains(&format!("<a href=\"{url}\">{url}</a>")),
        "clickable: {body}"
    );
    let path = url.trim_start_matches(&app.url).to_owned();
    let token = path.trim_start_matches("/proposals/link/").to_owned();
    assert!(token.starts_with(&format!("{reference}.")), "{token}");
    assert_eq!(token, token_of(&app, &reference).await);

    let page = app.request("GET", &path, &[], Bytes::new()).await;
    assert_eq!(page.status, 200, "{page:?}");
    assert_eq!(page.header("referrer-policy"), Some("no-referrer"));
    assert_eq!(page.header("x-robots-tag"), Some("noindex, nofollow"));
    assert_eq!(page.header("cache-control"), Some("no-store"));
    assert!(page.body.contains("<html lang=\"en\">"), "{}", page.body);
    assert!(page.body.contains(&reference));
    assert!(
        page.body.contains("<dd id=\"status\">Received</dd>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("<dd id=\"version\">1</dd>"));
    assert!(page.body.contains("until 11 June 2023"), "{}", page.body);
    assert!(
        page.body.contains("value=\"Koperasi Maju Bersama\""),
        "prefilled"
    );
    assert!(page.body.contains("name=\"action\" value=\"withdraw\""));

    // JSON for scripts: the same facts.
    let json = app
        .request(
            "GET",
            &path,
            &[("accept", "application/json".to_owned())],
            Bytes::new(),
        )
        .await;
    assert_eq!(json.status, 200);
    let v = json.json();
    assert_eq!(v["status"], "received");
    assert_eq!(v["version"], 1);
    assert_eq!(v["editable"], true);
    assert_eq!(v["answers"]["email"], to);
    assert_eq!(v["history"][0]["status"], "received");

    // The secret is in no item, in no form; only its hash and the nonce are.
    let secret = token.split_once('.').expect("dot").1;
    let items = format!("{:?}", app.items().await);
    assert!(!items.contains(secret), "the secret is stored in clear");
    assert!(items.contains(&capability::hash(secret)));
}

#[tokio::test]
async fn wrong_truncated_old_malformed_and_unknown_tokens_get_one_answer() {
    let app = TestApp::start("ln-wrong").await;
    let state = app.state.clone().with_mail(mail());
    assert!(state.mail().is_some());
    let reference = submit(&app, &[("email", "wrong-token@contoh.id")]).await;
    let good = token_of(&app, &reference).await;
    assert_eq!(open(&app, &good).await.status, 200);
    let other_ref = format!("WNR-61-ZZZZZZ.{}", good.split_once('.').expect("dot").1);
    let mut flipped = good.clone();
    let last = flipped.pop().expect("char");
    flipped.push(if last == '0' { '1' } else { '0' });
    let truncated = good[..good.len() - 10].to_owned();
    let malformed = "not-a-token".to_owned();

    // An old secret: the link sent again replaces it.
    let resent = app
        .request(
            "POST",
            "/proposals/link/resend",
            &[(
                "content-type",
                "application/x-www-form-urlencoded".to_owned(),
            )],
            Bytes::from(form_body(&[
                ("reference", &reference),
                ("email", "WRONG-TOKEN@contoh.id"),
            ])),
        )
        .await;
    assert_eq!(resent.status, 202, "{resent:?}");
    let newer = token_of(&app, &reference).await;
    assert_ne!(newer, good, "a new link");
    assert_eq!(open(&app, &newer).await.status, 200);
    // Asking with another address answers the same and changes nothing.
    let wrong_mail = app
        .request(
            "POST",
            "/proposals/link/resend",
            &[(
                "content-type",
                "application/x-www-form-urlencoded".to_owned(),
            )],
            Bytes::from(form_body(&[
                ("reference", &reference),
                ("email", "someone-else@contoh.id"),
            ])),
        )
        .await;
    assert_eq!(wrong_mail.status, 202);
    assert_eq!(
        wrong_mail.body, resent.body,
        "never tells whether it matched"
    );
    assert_eq!(
        token_of(&app, &reference).await,
        newer,
        "a refused re-send keeps the link"
    );

    let answers: Vec<Reply> =
        futures_all(&app, &[&other_ref, &flipped, &truncated, &malformed, &good]).await;
    for (r, what) in answers
        .iter()
        .zip(["unknown", "wrong", "truncated", "malformed", "old"])
    {
        assert_eq!(r.status, 404, "{what}: {r:?}");
        assert_eq!(r.body, answers[0].body, "{what} answers differently");
        assert_eq!(r.header("referrer-policy"), Some("no-referrer"), "{what}");
        assert!(!r.body.contains(&reference), "{what}");
    }
    // The same through POST and JSON.
    let posted = act(&app, &[("link", &flipped), ("action", "view")]).await;
    assert_eq!(posted.status, 404);
    assert_eq!(posted.body, answers[0].body);
}

async fn futures_all(app: &TestApp, tokens: &[&str]) -> Vec<Reply> {
    let mut out = Vec::new();
    for t in tokens {
        out.push(open(app, t).await);
    }
    out
}

#[tokio::test]
async fn a_correction_is_a_new_version_with_its_own_receipt() {
    let (app, outbox) = setup("ln-correct", harness::endpoint()).await;
    let to = "correct@contoh.id";
    let reference = submit(&app, &[("email", to)]).await;
    let token = token_of(&app, &reference).await;
    let s = outbox.drain(later(0)).await.expect("drain");
    assert_eq!(s.sent, 2);

    // Invalid: the same rules as a new proposal, nothing stored.
    let bad = act(&app, &correction(&token, &[("email", "not-an-address")])).await;
    assert_eq!(bad.status, 422, "{bad:?}");
    assert!(
        bad.body.contains("Masukkan alamat email seperti"),
        "{}",
        bad.body
    );
    assert!(
        bad.body.contains("value=\"not-an-address\"") || bad.body.contains("id=\"f-email-error\"")
    );
    assert_eq!(record(&app, &reference).await.version, Some(1));

    let summary = "Dapur gizi keliling, kini juga untuk ibu hamil di desa pesisir.";
    let ok = act(
        &app,
        &correction(&token, &[("email", to), ("summary", summary)]),
    )
    .await;
    assert_eq!(ok.status, 200, "{ok:?}");
    assert!(ok.body.contains("<dd id=\"version\">2</dd>"), "{}", ok.body);
    assert!(
        ok.body.contains("<dd id=\"status\">Diperbaiki</dd>"),
        "{}",
        ok.body
    );
    assert!(
        ok.body
            .contains("Perbaikan Anda tersimpan sebagai versi baru.")
    );
    let r = record(&app, &reference).await;
    assert_eq!(r.version, Some(2));
    assert_eq!(
        r.history
            .iter()
            .map(|h| h.status.as_str())
            .collect::<Vec<_>>(),
        ["received", "corrected"]
    );
    assert_eq!(
        r.reference.as_deref(),
        Some(reference.as_str()),
        "same reference"
    );
    // Version 1 is kept as it was.
    let v1 = app
        .client
        .get_item()
        .table_name(&app.table)
        .key("pk", AttributeValue::S(format!("VERSION#{reference}#1")))
        .send()
        .await
        .expect("get")
        .item
        .expect("version 1 kept");
    let v1 = format!("{v1:?}");
    assert!(v1.contains("Dapur gizi keliling untuk balita"), "{v1}");
    // The same answers again: no version 3.
    let same = act(
        &app,
        &correction(&token, &[("email", to), ("summary", summary)]),
    )
    .await;
    assert_eq!(same.status, 200);
    assert!(same.body.contains("Tidak ada yang berubah"));
    assert_eq!(record(&app, &reference).await.version, Some(2));

    let s = outbox.drain(later(1)).await.expect("drain");
    assert_eq!(s.sent, 1, "{s:?}");
    let mails = sent_to(to).await;
    assert_eq!(mails.len(), 2, "{mails:?}");
    let receipt = mails
        .iter()
        .find(|m| m.subject.contains("versi 2"))
        .expect("the correction's receipt");
    assert_eq!(
        receipt.subject,
        format!("Perbaikan usulan Anda tersimpan: {reference} (versi 2)")
    );
    assert!(
        receipt.body.contains("kini juga untuk ibu hamil"),
        "{}",
        receipt.body
    );
}

#[tokio::test]
async fn of_two_corrections_decided_on_one_revision_exactly_one_wins() {
    let app = TestApp::start("ln-race").await;
    let reference = submit(&app, &[("email", "race@contoh.id")]).await;
    let token = token_of(&app, &reference).await;
    // Two tabs showing revision 1: both send a correction.
    let mut a = correction(
        &token,
        &[(
            "summary",
            "Versi A dari ringkasan usulan ini, cukup panjang.",
        )],
    );
    let mut b = correction(
        &token,
        &[(
            "summary",
            "Versi B dari ringkasan usulan ini, cukup panjang.",
        )],
    );
    a.push(("revision", "1"));
    b.push(("revision", "1"));
    let ra = act(&app, &a).await;
    let rb = act(&app, &b).await;
    assert_eq!((ra.status, rb.status), (200, 409), "{ra:?}\n{rb:?}");
    assert!(rb.body.contains("berubah sementara itu"), "{}", rb.body);
    assert!(
        rb.body.contains("Versi A dari ringkasan"),
        "the loser sees what is stored now"
    );
    let r = record(&app, &reference).await;
    assert_eq!(r.version, Some(2));
    assert_eq!(r.revision, 2);
    assert_eq!(r.history.len(), 2, "{:?}", r.history);

    // The store's own guard, under the page's check: two changes decided on one read, one after
    // the other. (Run at the same instant against moto_server, they show moto's transactions
    // are not isolated: both can succeed, or the loser's rollback can undo the winner; DynamoDB
    // runs TransactWriteItems serializably, so the condition decides there. Measured 6 runs:
    // 3 correct, 1 both stored, 2 winner undone.)
    let seen = record(&app, &reference).await;
    let change = |summary: &'static str| {
        let answers = vec![(
            "summary".to_owned(),
            submit_fn::validate::Answer::Text(summary.to_owned()),
        )];
        (
            answers,
            submit_fn::status::HistoryEntry {
                status: submit_fn::status::Status::Corrected,
                at: "2023-06-01T03:00:00.000Z".to_owned(),
                by: submit_fn::status::BY_AUTHOR.to_owned(),
                version: 3,
                note: None,
            },
        )
    };
    let store = app.state.store();
    let (a1, e1) = change("satu");
    let (a2, e2) = change("dua");
    let first = store
        .change(&submit_fn::store::Change {
            seen: &seen,
            entry: e1,
            answers: Some(&a1),
            messages: Vec::new(),
        })
        .await
        .expect("change");
    let second = store
        .change(&submit_fn::store::Change {
            seen: &seen,
            entry: e2,
            answers: Some(&a2),
            messages: Vec::new(),
        })
        .await
        .expect("change");
    assert_eq!(first, submit_fn::store::Changed::Done);
    assert_eq!(second, submit_fn::store::Changed::Meanwhile);
    let r = record(&app, &reference).await;
    assert_eq!((r.version, r.revision, r.history.len()), (Some(3), 3, 3));
    assert_eq!(
        r.answers.get("summary"),
        Some(&submit_fn::store::StoredValue::Text("satu".into()))
    );
}

#[tokio::test]
async fn a_withdrawal_needs_its_confirmation_and_keeps_the_proposal() {
    let (app, outbox) = setup("ln-withdraw", harness::endpoint()).await;
    let to = "withdraw@contoh.id";
    let reference = submit(&app, &[("email", to), ("lang", "en")]).await;
    let token = token_of(&app, &reference).await;
    let ask = act(&app, &[("link", &token), ("action", "withdraw")]).await;
    assert_eq!(ask.status, 200);
    assert!(
        ask.body.contains("Do you really want to withdraw"),
        "{}",
        ask.body
    );
    assert!(ask.body.contains("value=\"confirm_withdrawal\""));
    assert_eq!(
        record(&app, &reference).await.status.as_deref(),
        Some("received")
    );

    let done = act(&app, &[("link", &token), ("action", "confirm_withdrawal")]).await;
    assert_eq!(done.status, 200, "{done:?}");
    assert!(done.body.contains("Your proposal was withdrawn."));
    assert!(done.body.contains("<dd id=\"status\">Withdrawn</dd>"));
    assert!(
        !done.body.contains("value=\"correct\""),
        "no edit after withdrawal"
    );
    let r = record(&app, &reference).await;
    assert_eq!(r.status.as_deref(), Some("withdrawn"), "kept, marked");
    assert!(r.answers.contains_key("organisation"), "answers kept");

    let again = act(
        &app,
        &correction(
            &token,
            &[("summary", "Satu lagi setelah ditarik, cukup panjang.")],
        ),
    )
    .await;
    assert_eq!(again.status, 403, "{again:?}");
    let s = outbox.drain(later(0)).await.expect("drain");
    assert_eq!(s.sent, 3, "receipt, notice, withdrawal: {s:?}");
    assert!(
        sent_to(to)
            .await
            .iter()
            .any(|m| m.subject == format!("Your proposal was withdrawn: {reference}"))
    );
}

#[tokio::test]
async fn after_the_window_closes_the_page_says_so_and_offers_no_edit() {
    let app = TestApp::start("ln-closed").await;
    let reference = submit(&app, &[("email", "closed@contoh.id")]).await;
    let token = token_of(&app, &reference).await;
    // The same table, read by an app whose clock is past the window.
    let mut cfg = harness::config(&app.table);
    cfg.as_of = Some(time::macros::date!(2023 - 06 - 12));
    let later_app = TestApp::serve(
        cfg,
        app.client.clone(),
        app.client.clone(),
        app.table.clone(),
    )
    .await;
    let page = open(&later_app, &token).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Pendaftaran ditutup pada 11 Juni 2023"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("value=\"correct\""));
    assert!(!page.body.contains("value=\"withdraw\""));
    assert!(
        page.body.contains("Koperasi Maju Bersama"),
        "the answers, read-only"
    );
    for pairs in [
        correction(
            &token,
            &[("summary", "Terlambat tapi cukup panjang untuk ringkasan.")],
        ),
        vec![("link", token.as_str()), ("action", "confirm_withdrawal")],
    ] {
        let r = act(&later_app, &pairs).await;
        assert_eq!(r.status, 403, "{r:?}");
        assert!(r.body.contains("Pendaftaran ditutup pada 11 Juni 2023"));
    }
    assert_eq!(record(&app, &reference).await.version, Some(1));
    assert_eq!(
        record(&app, &reference).await.status.as_deref(),
        Some("received")
    );
}

#[tokio::test]
async fn set_status_records_who_and_tells_the_author_only_for_public_statuses() {
    use submit_fn::review::{self, Outcome, Request};
    use submit_fn::status::Status;
    let (app, outbox) = setup("ln-review", harness::endpoint()).await;
    let to = "review@contoh.id";
    let reference = submit(&app, &[("email", to)]).await;
    let catalog = submit_fn::load_catalog(&harness::catalog_path()).expect("catalog");
    let public = submit_fn::status::public_statuses(None).expect("default");
    let m = mail();
    let set = |status, note: Option<&str>| Request {
        reference: reference.clone(),
        status,
        note: note.map(str::to_owned),
        by: "Budi (panitia)".to_owned(),
    };
    let now = later(0);
    let store = app.state.store();
    let r = review::set_status(
        store,
        &catalog,
        Some(&m),
        &public,
        &set(Status::UnderReview, None),
        now,
    )
    .await
    .expect("set");
    assert_eq!(r, Outcome::Set { notified: false });
    let r = review::set_status(
        store,
        &catalog,
        Some(&m),
        &public,
        &set(Status::Shortlisted, Some("Lanjut ke tahap presentasi.")),
        now,
    )
    .await
    .expect("set");
    assert_eq!(r, Outcome::Set { notified: true });
    let rec = record(&app, &reference).await;
    assert_eq!(rec.status.as_deref(), Some("shortlisted"));
    let last = rec.history.last().expect("entry");
    assert_eq!(last.by, "Budi (panitia)");
    assert_eq!(last.note.as_deref(), Some("Lanjut ke tahap presentasi."));
    assert_eq!(rec.history.len(), 3);

    let s = outbox.drain(later(1)).await.expect("drain");
    assert_eq!(s.sent, 3, "receipt, notice, one status: {s:?}");
    let mails = sent_to(to).await;
    let statuses: Vec<_> = mails
        .iter()
        .filter(|m| m.subject.starts_with("Status usulan"))
        .collect();
    assert_eq!(statuses.len(), 1, "{mails:?}");
    assert_eq!(
        statuses[0].subject,
        format!("Status usulan Anda {reference}: Masuk daftar pendek")
    );
    assert!(statuses[0].body.contains("Lanjut ke tahap presentasi."));

    // The page shows it; the export carries status, version and history.
    let token = token_of(&app, &reference).await;
    let page = open(&app, &token).await;
    assert!(
        page.body
            .contains("<dd id=\"status\">Masuk daftar pendek</dd>"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("Sedang ditinjau · Versi 1 · penyelenggara"),
        "{}",
        page.body
    );
    let mut out = Vec::new();
    submit_fn::export::export(
        store,
        &catalog.form,
        &submit_fn::export::Selection {
            province: "kalimantan-barat".into(),
            issue: None,
            since: None,
        },
        submit_fn::export::Format::Jsonl,
        None,
        &mut out,
    )
    .await
    .expect("export");
    let line: serde_json::Value =
        serde_json::from_slice(out.split(|b| *b == b'\n').next().expect("line")).expect("json");
    assert_eq!(line["status"], "shortlisted");
    assert_eq!(line["version"], 1);
    assert_eq!(line["history"][1]["status"], "under_review");
    assert_eq!(line["history"][2]["by"], "Budi (panitia)");

    // A withdrawn proposal keeps its status.
    let done = act(&app, &[("link", &token), ("action", "confirm_withdrawal")]).await;
    assert_eq!(done.status, 200);
    let r = review::set_status(
        store,
        &catalog,
        Some(&m),
        &public,
        &set(Status::NotSelected, None),
        now,
    )
    .await
    .expect("set");
    assert_eq!(r, Outcome::Withdrawn);
    let r = review::set_status(
        store,
        &catalog,
        Some(&m),
        &public,
        &Request {
            reference: "WNR-61-ZZZZZZ".into(),
            ..set(Status::NotSelected, None)
        },
        now,
    )
    .await
    .expect("set");
    assert_eq!(r, Outcome::NotFound);
}

#[tokio::test]
async fn review_set_status_through_the_binary_one_and_from_csv() {
    let app = TestApp::start("ln-cli").await;
    let first = submit(&app, &[("email", "cli-one@contoh.id")]).await;
    let second = submit(
        &app,
        &[
            ("email", "cli-two@contoh.id"),
            ("organisation", "Koperasi Kedua"),
        ],
    )
    .await;
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("decisions.csv");
    std::fs::write(
        &csv,
        format!("reference,status,note,by\n{first},not_selected,\"Terima kasih, belum terpilih.\",Ani\n{second},shortlisted,,\n"),
    )
    .expect("write csv");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_submit-fn"))
            .arg("review")
            .args(args)
            .env("TABLE_NAME", &app.table)
            .env("CATALOG_PATH", harness::catalog_path())
            .env("AWS_ENDPOINT_URL_DYNAMODB", harness::endpoint())
            .env("AWS_REGION", "us-east-1")
            .env("AWS_ACCESS_KEY_ID", "test")
            .env("AWS_SECRET_ACCESS_KEY", "test")
            .env_remove("MAIL_FROM")
            .output()
            .expect("run submit-fn");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, stdout, stderr) = run(&["set-status", &first, "under_review", "--by", "Budi"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        stdout,
        format!("{first}\tunder_review\tset; not public, no email\n")
    );
    let (code, stdout, stderr) = run(&[
        "set-status",
        "--csv",
        csv.to_str().expect("path"),
        "--by",
        "Tim",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        stdout,
        format!(
            "{first}\tnot_selected\tset; no email (email is not configured)\n{second}\tshortlisted\tset; no email (email is not configured)\n"
        )
    );
    assert!(stderr.contains("2 of 2 status(es) set"), "{stderr}");
    let one = record(&app, &first).await;
    assert_eq!(one.status.as_deref(), Some("not_selected"));
    let by: Vec<_> = one.history.iter().map(|h| h.by.as_str()).collect();
    assert_eq!(by, ["author", "Budi", "Ani"]);
    assert_eq!(
        one.history.last().and_then(|h| h.note.as_deref()),
        Some("Terima kasih, belum terpilih.")
    );
    assert_eq!(
        record(&app, &second)
            .await
            .history
            .last()
            .map(|h| h.by.as_str()),
        Some("Tim")
    );
    // Usage errors exit 2; an unknown reference exits 1.
    let (code, _, stderr) = run(&["set-status", &first, "withdrawn"]);
    assert_eq!(code, Some(2), "{stderr}");
    let (code, stdout, _) = run(&["set-status", "WNR-61-ZZZZZZ", "shortlisted"]);
    assert_eq!(code, Some(1));
    assert_eq!(stdout, "WNR-61-ZZZZZZ\tshortlisted\tnot found\n");
}

#[tokio::test]
async fn the_lost_link_page_and_the_resend_answer_are_pages_in_their_language() {
    let app = TestApp::start("ln-lost").await;
    let lost = app
        .request("GET", "/proposals/link/?lang=en", &[], Bytes::new())
        .await;
    assert_eq!(lost.status, 200, "{lost:?}");
    assert!(lost.body.contains("<html lang=\"en\">"));
    assert!(lost.body.contains("action=\"/proposals/link/resend\""));
    assert_eq!(lost.header("referrer-policy"), Some("no-referrer"));
    let resent = app
        .request(
            "POST",
            "/proposals/link/resend",
            &[(
                "content-type",
                "application/x-www-form-urlencoded".to_owned(),
            )],
            Bytes::from(form_body(&[
                ("reference", "WNR-61-ZZZZZZ"),
                ("email", "nobody@contoh.id"),
                ("lang", "en"),
            ])),
        )
        .await;
    assert_eq!(resent.status, 202);
    assert!(
        resent
            .body
            .contains("If the reference and the email address belong to one proposal"),
        "{}",
        resent.body
    );
    assert!(
        !resent.body.contains("nobody@contoh.id"),
        "never echoes the address"
    );
}
