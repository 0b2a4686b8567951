//! Everything that must be refused: a 4xx with a reason, nothing stored, no panic.

use crate::harness::{TestApp, form_body, proposal, proposal_with, proposal_without};

const FORM: Option<&str> = Some("application/x-www-form-urlencoded");
const JSON: Option<&str> = Some("application/json");

/// Asserts a 422 naming `field` in the JSON answer.
async fn invalid(app: &TestApp, pairs: &[(&str, &str)], field: &str) {
    let r = app.post_json(pairs).await;
    assert_eq!(r.status, 422, "{field}: {r:?}");
    let body = r.json();
    assert_eq!(body["error"], "invalid");
    let names: Vec<&str> = body["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .filter_map(|f| f["name"].as_str())
        .collect();
    assert!(names.contains(&field), "{field} not in {names:?}");
    assert!(
        body["fields"][0]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty())
    );
}

#[tokio::test]
async fn catalog_refusals() {
    let app = TestApp::start("target").await;
    invalid(
        &app,
        &proposal_with(&[("province", "atlantis")]),
        "province",
    )
    .await;
    invalid(
        &app,
        &proposal_with(&[("issue", "kemiskinan-ekstrem")]),
        "issue",
    )
    .await; // another province's
    invalid(&app, &proposal_with(&[("issue", "isu-tertunda")]), "issue").await; // pending
    invalid(
        &app,
        &proposal_with(&[("province", "banten"), ("issue", "x")]),
        "issue",
    )
    .await;
    assert_eq!(app.count().await, 0);

    let closed = TestApp::start_with("closed", |c| {
        c.as_of = Some(time::macros::date!(2023 - 06 - 12))
    })
    .await;
    let r = closed.post_json(&proposal_with(&[("lang", "en")])).await;
    assert_eq!(r.status, 422, "{r:?}");
    assert_eq!(
        r.json()["fields"][0]["message"],
        "Proposals closed on 11 June 2023."
    );
    let id = closed.post_json(&proposal()).await;
    assert_eq!(
        id.json()["fields"][0]["message"],
        "Pendaftaran usulan ditutup pada 11 Juni 2023."
    );
    assert_eq!(closed.count().await, 0);
}

#[tokio::test]
async fn field_refusals() {
    let app = TestApp::start("fields").await;
    let long = "x".repeat(201);
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (proposal_without(&["organisation"]), "organisation"),
        (proposal_without(&["consent"]), "consent"),
        (proposal_with(&[("nickname", "x")]), "nickname"),
        (proposal_with(&[("status", "accepted")]), "status"),
        (
            proposal_with(&[("organisation", long.as_str())]),
            "organisation",
        ),
        (
            proposal_with(&[("organisation", "Kop\u{0000}erasi")]),
            "organisation",
        ),
        (
            proposal_with(&[("organisation", "Kop\u{202E}erasi")]),
            "organisation",
        ),
        (
            proposal_with(&[("summary", "Ringkasan \u{2067}yang cukup panjang sekali")]),
            "summary",
        ),
        (proposal_with(&[("email", "siti@@contoh.id")]), "email"),
        (proposal_with(&[("phone", "call me maybe")]), "phone"),
        (
            proposal_with(&[("video_url", "javascript:alert(1)")]),
            "video_url",
        ),
        (proposal_with(&[("legal_form", "llc")]), "legal_form"),
        (proposal_with(&[("token", "bad token!")]), "token"),
    ];
    for (pairs, field) in &cases {
        invalid(&app, pairs, field).await;
    }
    // Too fast: started_at just now. A trap like the honeypot (#16): a normal-looking 201
    // with a reference, and nothing stored.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_millis()
        .to_string();
    let fast = app
        .post_json(&proposal_with(&[("started_at", now.as_str())]))
        .await;
    assert_eq!(fast.status, 201, "{fast:?}");
    assert!(
        fast.json()["reference"]
            .as_str()
            .is_some_and(submit_fn::reference::is_reference)
    );
    // A JSON client (the form's script) must send started_at: without it, a 422 naming it.
    let body = serde_json::Value::Object(
        proposal()
            .iter()
            .map(|(k, v)| ((*k).to_owned(), serde_json::Value::from(*v)))
            .collect(),
    )
    .to_string();
    let missing = app
        .post(Some("application/json"), Some("application/json"), body)
        .await;
    assert_eq!(missing.status, 422, "{missing:?}");
    assert_eq!(missing.json()["fields"][0]["name"], "started_at");
    // A started_at in the future beyond clock skew is refused.
    invalid(
        &app,
        &proposal_with(&[("started_at", "99999999999999")]),
        "started_at",
    )
    .await;
    assert_eq!(
        app.count().await,
        0,
        "nothing stored, not even a rate counter"
    );
}

#[tokio::test]
async fn body_refusals() {
    let app = TestApp::start("bodies").await;
    let good = form_body(&proposal());
    let huge = format!("{good}&summary2={}", "a".repeat(70 * 1024));
    let deep = format!(
        "{{\"province\":{}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let cases: Vec<(Option<&str>, Vec<u8>, u16, &str)> = vec![
        (FORM, huge.into_bytes(), 413, "too_large"),
        (None, good.clone().into_bytes(), 415, "unsupported_type"),
        (
            Some("text/plain"),
            good.clone().into_bytes(),
            415,
            "unsupported_type",
        ),
        (
            Some("multipart/form-data; boundary=x"),
            good.clone().into_bytes(),
            415,
            "unsupported_type",
        ),
        (
            Some("application/x-www-form-urlencoded; charset=latin1"),
            good.clone().into_bytes(),
            415,
            "unsupported_type",
        ),
        (FORM, b"province=\xff\xfe".to_vec(), 400, "malformed"),
        (FORM, b"province=%C3%28".to_vec(), 400, "malformed"),
        (
            JSON,
            b"{\"province\": \"\xc3\x28\"}".to_vec(),
            400,
            "malformed",
        ),
        (
            JSON,
            b"{\"province\": \"kalimantan-barat\"".to_vec(),
            400,
            "malformed",
        ),
        (JSON, b"[1,2,3]".to_vec(), 400, "malformed"),
        (JSON, b"{\"consent\": true}".to_vec(), 400, "malformed"),
        (JSON, deep.into_bytes(), 400, "malformed"),
        (JSON, "[".repeat(50_000).into_bytes(), 400, "malformed"),
        (
            JSON,
            b"{\"email\":\"a@b.id\",\"email\":\"c@d.id\"}".to_vec(),
            400,
            "malformed",
        ),
        (
            FORM,
            format!("{good}&email=other%40contoh.id").into_bytes(),
            400,
            "malformed",
        ),
    ];
    for (ct, body, status, code) in cases {
        let r = app.post(ct, Some("application/json"), body).await;
        assert_eq!(r.status, status, "{ct:?}: {r:?}");
        let j = r.json();
        assert_eq!(j["error"], code, "{j}");
        assert!(j["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    let dup = app
        .post(
            JSON,
            None,
            b"{\"email\":\"a@b.id\",\"email\":\"c@d.id\"}".to_vec(),
        )
        .await;
    assert!(
        dup.json()["reason"]
            .as_str()
            .is_some_and(|r| r.contains("`email`")),
        "{dup:?}"
    );
    assert_eq!(app.count().await, 0);
}

#[tokio::test]
async fn html_error_pages_list_problems_escape_echoes_and_link_back() {
    let app = TestApp::start("html").await;
    let r = app
        .post_form(&proposal_with(&[
            ("lang", "en"),
            ("email", "nope"),
            ("<img src=x onerror=alert(1)>", "x"),
        ]))
        .await;
    assert_eq!(r.status, 422);
    assert!(
        r.header("content-type")
            .is_some_and(|c| c.starts_with("text/html"))
    );
    let page = &r.body;
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<html lang=\"en\">"));
    assert!(page.contains("<title>"));
    assert!(page.contains("Email address"));
    assert!(page.contains("Enter an email address"));
    assert!(!page.contains("<img"), "{page}");
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
    // The way back preselects the province and issue sent (docs/submit-api.md).
    assert!(
        page.contains(
            "href=\"http://127.0.0.1:8080/en/apply/?provinsi=kalimantan-barat&amp;isu=stunting\""
        ),
        "{page}"
    );

    let id = app.post_form(&proposal_without(&["consent"])).await;
    assert!(id.body.contains("<html lang=\"id\">"));
    assert!(id.body.contains("Centang kotak ini"));
    let big = app
        .post(FORM, None, format!("a={}", "x".repeat(65 * 1024)))
        .await;
    assert_eq!(big.status, 413);
    assert!(big.body.contains("<!DOCTYPE html>"));
    assert_eq!(app.count().await, 0);
}
