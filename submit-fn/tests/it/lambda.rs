//! The Lambda code path: recorded API Gateway v2 / Function URL events (payload format 2.0,
//! hand-written, in `tests/fixtures/`) through `lambda_http::request::from_str` and the same
//! router, via `tower::ServiceExt::oneshot`.

use axum::body::Body;
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::harness::{self, TestApp, s};

async fn invoke(app: &TestApp, fixture: &str) -> (u16, axum::http::HeaderMap, String) {
    let path = format!("{}/tests/fixtures/{fixture}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        // The form's script's page-load time, which a JSON client must send (a minute ago).
        .replace("@STARTED_AT@", &harness::minute_ago());
    let req = lambda_http::request::from_str(&text).unwrap_or_else(|e| panic!("{fixture}: {e}"));
    let resp = submit_fn::app(app.state.clone())
        .oneshot(req.map(Body::new))
        .await
        .expect("infallible");
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let body = resp.into_body().collect().await.expect("body").to_bytes();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn a_base64_form_event_is_stored_and_redirected() {
    let app = TestApp::start("lambda-form").await;
    let (status, headers, _) = invoke(&app, "apigw_v2_form_base64.json").await;
    assert_eq!(status, 303);
    let location = headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("location");
    assert!(
        location.starts_with("/proposals/received/WNR-61-") && location.ends_with("?lang=en"),
        "{location}"
    );
    assert_eq!(
        headers.get("x-request-id").and_then(|v| v.to_str().ok()),
        Some("c6af9ac6-7b61-11e6-9a41-93e812345678")
    );
    assert_eq!(
        headers
            .get("access-control-allow-origin")
            .and_then(|v| v.to_str().ok()),
        Some(harness::ORIGIN)
    );
    let reference = harness::reference_of(location);
    let reference = reference.as_str();
    let item = app
        .state
        .store()
        .get_proposal(reference)
        .await
        .expect("get")
        .expect("stored");
    assert_eq!(item.get("idempotency"), Some(&s("token")));
    assert_eq!(item.get("lang"), Some(&s("en")));

    // The client is the request context's sourceIp, hashed; the raw IP is stored nowhere.
    let hash = submit_fn::abuse::client_hash(
        harness::SECRET.as_bytes(),
        Some("198.51.100.7".parse().expect("ip")),
    );
    let items = format!("{:?}", app.items().await);
    assert!(items.contains(&format!("RATE#{hash}#")), "{items}");
    assert!(!items.contains("198.51.100.7"));

    // The same event again (a Lambda retry): same reference, one proposal.
    let (again, headers2, _) = invoke(&app, "apigw_v2_form_base64.json").await;
    assert_eq!(again, 303);
    assert_eq!(headers2.get("location"), headers.get("location"));
    assert_eq!(app.proposals().await, 1);
}

#[tokio::test]
async fn a_plain_json_event_gets_201_and_html_is_stored_as_text() {
    let app = TestApp::start("lambda-json").await;
    let (status, _, body) = invoke(&app, "apigw_v2_json.json").await;
    assert_eq!(status, 201, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).expect("json");
    let reference = v["reference"].as_str().expect("reference");
    let item = app
        .state
        .store()
        .get_proposal(reference)
        .await
        .expect("get")
        .expect("stored");
    let answers = item
        .get("answers")
        .and_then(|a| a.as_m().ok())
        .expect("answers");
    assert_eq!(
        answers.get("organisation"),
        Some(&s("Koperasi <b>Pesisir</b>"))
    );
}

#[tokio::test]
async fn preflight_health_and_invalid_events() {
    let app = TestApp::start("lambda-misc").await;
    let (status, headers, _) = invoke(&app, "apigw_v2_preflight.json").await;
    assert_eq!(status, 204);
    assert!(headers.get("access-control-allow-methods").is_some());
    let (status, _, body) = invoke(&app, "apigw_v2_health.json").await;
    assert_eq!((status, body.as_str()), (200, "ok"));
    let (status, _, body) = invoke(&app, "apigw_v2_invalid_base64.json").await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("\"province\""));
    assert_eq!(app.count().await, 0);
}
