//! The reviewers' export against moto: 300 proposals (Indonesian text, commas, quotes, line
//! breaks, a formula-looking answer) read back through the GSIs page by page, parsed with an
//! independent CSV reader and compared value by value; then the binary itself, on proposals
//! written through the store's own write path, for the file, the BOM, the values, the exit
//! codes and what it logs.
//!
//! The 300 are written with BatchWriteItem in the item layout of `store.rs` (25 per call):
//! moto_server manages about 5 TransactWriteItems a second on this machine, so 300 through
//! `put_proposal` would take a minute; the second test keeps the real write path honest.

use std::collections::HashMap;
use std::process::Command;

use aws_sdk_dynamodb::types::{AttributeValue, PutRequest, WriteRequest};
use submit_fn::export::{self, Format, Selection};
use submit_fn::reference;
use submit_fn::store::{NewProposal, Store, Stored};
use submit_fn::validate::{Answer, Valid};
use tokio::task::JoinSet;
use winner_catalog::{FormDefinition, Lang};

use crate::harness::{self, TestApp};

/// One stored proposal and what the export must show for it.
#[derive(Debug, Clone)]
struct Seeded {
    reference: String,
    submitted_at: String,
    province: String,
    issue: String,
    lang: &'static str,
    answers: HashMap<String, Answer>,
}

fn form() -> FormDefinition {
    submit_fn::load_catalog(&harness::catalog_path())
        .expect("fixture catalog")
        .form
}

/// The i-th proposal: 4 of 5 in Kalimantan Barat (two issues), 1 of 5 in Sulawesi Selatan.
fn valid(i: usize) -> Valid {
    let (province, code, issue) = match i % 5 {
        4 => ("sulawesi-selatan", "73", "kemiskinan-ekstrem"),
        n if n % 2 == 0 => ("kalimantan-barat", "61", "stunting"),
        _ => ("kalimantan-barat", "61", "perkawinan-anak"),
    };
    let mut answers = vec![
        (
            "organisation".to_owned(),
            Answer::Text(format!("Koperasi \"Maju Bersama\", Desa Sungai Kakap {i}")),
        ),
        ("legal_form".to_owned(), Answer::Text("koperasi".into())),
        ("stage".to_owned(), Answer::Text("early".into())),
        (
            "contact_name".to_owned(),
            Answer::Text(format!("Siti Rahmawati {i}")),
        ),
        (
            "email".to_owned(),
            Answer::Text(format!("siti.{i}@contoh.id")),
        ),
        ("phone".to_owned(), Answer::Text("0812 3456 7890".into())),
        (
            "summary".to_owned(),
            Answer::Text(format!(
                "Dapur gizi keliling untuk balita, ibu hamil dan \"calon pengantin\" di pesisir #{i}."
            )),
        ),
        (
            "problem".to_owned(),
            Answer::Text(
                "Angka stunting tinggi.\nData Dinas Kesehatan 2022: 27,5 %;\n\n\"Posyandu\" kekurangan kader."
                    .into(),
            ),
        ),
        (
            "business_model".to_owned(),
            Answer::Text(if i == 7 {
                "=HYPERLINK(\"https://contoh.id\",\"klik\")".into()
            } else {
                "Langganan makanan bergizi\tharga terjangkau, subsidi silang.".into()
            }),
        ),
        (
            "impact".to_owned(),
            Answer::Text("Seribu balita mendapat makanan bergizi setiap minggu.".into()),
        ),
    ];
    if i.is_multiple_of(3) {
        answers.push((
            "collaboration".to_owned(),
            Answer::Text(
                "Bersama PKK, Puskesmas & BUMDes \u{2014} \u{201c}gotong royong\u{201d}.".into(),
            ),
        ));
    }
    if i.is_multiple_of(4) {
        answers.push((
            "video_url".to_owned(),
            Answer::Text(format!("https://contoh.id/video?id={i}&bahasa=id")),
        ));
    }
    answers.push(("consent".to_owned(), Answer::Ticked));
    Valid {
        province: province.into(),
        province_code: code.into(),
        issue: issue.into(),
        lang: if i.is_multiple_of(2) {
            Lang::Id
        } else {
            Lang::En
        },
        token: Some(format!("export-token-{i}")),
        started_at: None,
        answers,
    }
}

/// `2023-05-20T00:00:00.000Z` plus `7 * i` minutes (fixed width, sorts as time).
fn instant(i: usize) -> String {
    let minutes = 20 * 24 * 60 + 7 * i;
    format!(
        "2023-05-{:02}T{:02}:{:02}:00.000Z",
        minutes / (24 * 60),
        (minutes / 60) % 24,
        minutes % 60
    )
}

/// Writes `n` proposals in a scrambled order (so order must come from the index), 4 at a time
/// (moto_server answers a bare 500 to many concurrent transactions).
async fn seed(store: &Store, n: usize) -> Vec<Seeded> {
    let mut seeded = Vec::new();
    let order: Vec<usize> = (0..n).map(|k| (k * 7 + 3) % n).collect();
    for chunk in order.chunks(4) {
        let mut set = JoinSet::new();
        for &i in chunk {
            let store = store.clone();
            set.spawn(async move {
                let v = valid(i);
                let p = NewProposal {
                    valid: &v,
                    key: reference::idempotency_key(&v),
                    fingerprint: reference::content_fingerprint(&v),
                    submitted_at: instant(i),
                    now_secs: 1_685_590_000,
                    privacy_notice_version: "2023-04",
                    messages: Vec::new(),
                    link: submit_fn::store::LinkFields {
                        nonce: format!("nonce-{i}"),
                        hash: format!("hash-{i}"),
                    },
                };
                let stored = store.put_proposal(&p).await.expect("put");
                let Stored::Created(reference) = stored else {
                    panic!("proposal {i} was not new: {stored:?}");
                };
                Seeded {
                    reference,
                    submitted_at: instant(i),
                    province: v.province.clone(),
                    issue: v.issue.clone(),
                    lang: v.lang.code(),
                    answers: v.answers.into_iter().collect(),
                }
            });
        }
        while let Some(done) = set.join_next().await {
            seeded.push(done.expect("task"));
        }
    }
    seeded.sort_by(|a, b| a.submitted_at.cmp(&b.submitted_at));
    seeded
}

/// Writes `n` proposals directly, 25 per BatchWriteItem, in a scrambled order.
async fn seed_direct(app: &TestApp, n: usize) -> Vec<Seeded> {
    let s = |v: &str| AttributeValue::S(v.to_owned());
    let mut seeded = Vec::new();
    let order: Vec<usize> = (0..n).map(|k| (k * 7 + 3) % n).collect();
    for chunk in order.chunks(25) {
        let mut requests = Vec::new();
        for &i in chunk {
            let v = valid(i);
            let reference = format!("WNR-{}-T{i:05}", v.province_code);
            let answers: HashMap<String, AttributeValue> = v
                .answers
                .iter()
                .map(|(k, a)| {
                    let value = match a {
                        Answer::Text(t) => s(t),
                        Answer::Number(n) => AttributeValue::N(n.to_string()),
                        Answer::Ticked => AttributeValue::Bool(true),
                    };
                    (k.clone(), value)
                })
                .collect();
            let item = HashMap::from([
                ("pk".to_owned(), s(&format!("REF#{reference}"))),
                ("entity".to_owned(), s("proposal")),
                ("reference".to_owned(), s(&reference)),
                ("province".to_owned(), s(&v.province)),
                ("province_code".to_owned(), s(&v.province_code)),
                ("issue".to_owned(), s(&v.issue)),
                (
                    "province_issue".to_owned(),
                    s(&format!("{}#{}", v.province, v.issue)),
                ),
                ("lang".to_owned(), s(v.lang.code())),
                ("submitted_at".to_owned(), s(&instant(i))),
                ("status".to_owned(), s("received")),
                ("version".to_owned(), AttributeValue::N("1".into())),
                ("updated_at".to_owned(), s(&instant(i))),
                (
                    "history".to_owned(),
                    AttributeValue::L(vec![AttributeValue::M(HashMap::from([
                        ("status".to_owned(), s("received")),
                        ("at".to_owned(), s(&instant(i))),
                        ("by".to_owned(), s("author")),
                        ("version".to_owned(), AttributeValue::N("1".into())),
                    ]))]),
                ),
                ("answers".to_owned(), AttributeValue::M(answers)),
            ]);
            requests.push(
                WriteRequest::builder()
                    .put_request(
                        PutRequest::builder()
                            .set_item(Some(item))
                            .build()
                            .expect("put"),
                    )
                    .build(),
            );
            seeded.push(Seeded {
                reference,
                submitted_at: instant(i),
                province: v.province.clone(),
                issue: v.issue.clone(),
                lang: v.lang.code(),
                answers: v.answers.into_iter().collect(),
            });
        }
        let out = app
            .client
            .batch_write_item()
            .request_items(&app.table, requests)
            .send()
            .await
            .expect("batch write");
        assert!(
            out.unprocessed_items().is_none_or(HashMap::is_empty),
            "moto left items unprocessed"
        );
    }
    seeded.sort_by(|a, b| a.submitted_at.cmp(&b.submitted_at));
    seeded
}

/// The CSV cells the export must write for `s`: fixed columns, then the form's fields.
fn csv_row(s: &Seeded, form: &FormDefinition) -> Vec<String> {
    let guard = |t: &str| {
        if t.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{t}")
        } else {
            t.to_owned()
        }
    };
    let mut row = vec![
        s.reference.clone(),
        s.submitted_at.clone(),
        s.province.clone(),
        s.issue.clone(),
        s.lang.to_owned(),
        "received".to_owned(),
        "1".to_owned(),
        s.submitted_at.clone(),
        format!("{} received v1 author", s.submitted_at),
    ];
    for f in &form.fields {
        row.push(match s.answers.get(&f.name) {
            Some(Answer::Text(t)) => guard(t),
            Some(Answer::Number(n)) => n.to_string(),
            Some(Answer::Ticked) => "yes".into(),
            None => String::new(),
        });
    }
    row
}

fn json_row(s: &Seeded, form: &FormDefinition) -> Vec<(String, serde_json::Value)> {
    let mut row: Vec<(String, serde_json::Value)> = vec![
        ("reference".into(), s.reference.clone().into()),
        ("submitted_at".into(), s.submitted_at.clone().into()),
        ("province".into(), s.province.clone().into()),
        ("issue".into(), s.issue.clone().into()),
        ("lang".into(), s.lang.into()),
        ("status".into(), "received".into()),
        ("version".into(), 1.into()),
        ("updated_at".into(), s.submitted_at.clone().into()),
        (
            "history".into(),
            serde_json::json!([{"status": "received", "at": s.submitted_at, "by": "author", "version": 1, "note": null}]),
        ),
    ];
    for f in &form.fields {
        row.push((
            f.name.clone(),
            match s.answers.get(&f.name) {
                Some(Answer::Text(t)) => t.clone().into(),
                Some(Answer::Number(n)) => (*n).into(),
                Some(Answer::Ticked) => true.into(),
                None => serde_json::Value::Null,
            },
        ));
    }
    row
}

/// Parses CSV text (after its BOM) with the `csv` crate: header and records.
fn parse_csv(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    let body = text
        .strip_prefix('\u{feff}')
        .expect("CSV starts with a BOM");
    assert!(
        !body.starts_with('\u{feff}'),
        "exactly one BOM at the start"
    );
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(body.as_bytes());
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("record").iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

#[tokio::test]
async fn exports_300_proposals_by_province_and_issue_page_by_page() {
    let app = TestApp::start("export").await;
    let form = form();
    let seeded = seed_direct(&app, 300).await;
    assert_eq!(seeded.len(), 300);

    // CSV, whole province, 7 items per page: 240 rows in time order, every value exact.
    let selection = Selection {
        province: "kalimantan-barat".into(),
        issue: None,
        since: None,
    };
    let mut out = Vec::new();
    let summary = export::export(
        app.state.store(),
        &form,
        &selection,
        Format::Csv,
        Some(7),
        &mut out,
    )
    .await
    .expect("export csv");
    let expected: Vec<&Seeded> = seeded
        .iter()
        .filter(|s| s.province == "kalimantan-barat")
        .collect();
    assert_eq!(expected.len(), 240);
    assert_eq!(summary.rows, 240);
    assert!(
        summary.pages >= 240 / 7,
        "expected many pages, got {}",
        summary.pages
    );
    assert!(summary.unknown_fields.is_empty());
    // RFC 4180: CRLF between records; the line breaks inside answers stay LF inside quotes.
    let text = String::from_utf8(out.clone()).expect("UTF-8");
    assert!(
        text.starts_with(
            "\u{feff}reference,submitted_at,province,issue,lang,status,version,updated_at,history,organisation,"
        )
    );
    assert!(text.contains("\"Koperasi \"\"Maju Bersama\"\", Desa Sungai Kakap 0\""));
    let (header, rows) = parse_csv(&out);
    assert_eq!(header, export::columns(&form));
    assert_eq!(rows.len(), 240);
    for (row, s) in rows.iter().zip(&expected) {
        assert_eq!(row, &csv_row(s, &form), "row of {}", s.reference);
    }
    // The formula-looking answer is neutralised in CSV.
    let seventh = rows
        .iter()
        .find(|r| {
            r[0] == seeded
                .iter()
                .find(|s| s.submitted_at == instant(7))
                .expect("7")
                .reference
        })
        .expect("proposal 7 exported");
    assert!(
        seventh
            .iter()
            .any(|c| c == "'=HYPERLINK(\"https://contoh.id\",\"klik\")")
    );

    // JSON Lines, one issue, since a date: exact values, keys in column order, no BOM.
    let selection = Selection {
        province: "kalimantan-barat".into(),
        issue: Some("stunting".into()),
        since: Some(winner_catalog::clock::parse_date("2023-05-20").expect("date")),
    };
    // 00:00 WIB on 20 May is 17:00 UTC on 19 May: every proposal (they start at 00:00 UTC on
    // the 20th). From the 21st (WIB), only those at or after 2023-05-20T17:00Z.
    let mut out = Vec::new();
    let summary = export::export(
        app.state.store(),
        &form,
        &selection,
        Format::Jsonl,
        Some(11),
        &mut out,
    )
    .await
    .expect("export jsonl");
    let stunting: Vec<&Seeded> = seeded
        .iter()
        .filter(|s| s.province == "kalimantan-barat" && s.issue == "stunting")
        .collect();
    assert_eq!(summary.rows, stunting.len());
    let text = String::from_utf8(out).expect("UTF-8");
    assert!(!text.starts_with('\u{feff}'));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), stunting.len());
    for (line, s) in lines.iter().zip(&stunting) {
        let expected = json_row(s, &form);
        let expected_text = format!(
            "{{{}}}",
            expected
                .iter()
                .map(|(k, v)| format!("{}:{}", serde_json::Value::from(k.as_str()), v))
                .collect::<Vec<_>>()
                .join(",")
        );
        assert_eq!(*line, expected_text);
    }

    let selection = Selection {
        since: Some(winner_catalog::clock::parse_date("2023-05-21").expect("date")),
        ..selection
    };
    let mut out = Vec::new();
    let summary = export::export(
        app.state.store(),
        &form,
        &selection,
        Format::Jsonl,
        Some(11),
        &mut out,
    )
    .await
    .expect("export since");
    let later = stunting
        .iter()
        .filter(|s| s.submitted_at.as_str() >= "2023-05-20T17:00:00.000Z")
        .count();
    assert!(later > 0 && later < stunting.len());
    assert_eq!(summary.rows, later);
}

#[tokio::test]
async fn the_binary_writes_a_private_file_and_logs_no_answers() {
    let app = TestApp::start("export-bin").await;
    let seeded = seed(app.state.store(), 25).await;
    let form = form();
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("kalbar.csv");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_submit-fn"))
            .arg("export")
            .args(args)
            .env("TABLE_NAME", &app.table)
            .env("CATALOG_PATH", harness::catalog_path())
            .env("AWS_ENDPOINT_URL_DYNAMODB", harness::endpoint())
            .env("AWS_REGION", "us-east-1")
            .env("AWS_ACCESS_KEY_ID", "test")
            .env("AWS_SECRET_ACCESS_KEY", "test")
            .env("RUST_LOG", "trace")
            .output()
            .expect("run submit-fn")
    };
    let out = run(&[
        "--province",
        "kalimantan-barat",
        "--format",
        "csv",
        "--page-size",
        "3",
        "--out",
        file.to_str().expect("path"),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(out.stdout.is_empty());
    assert!(stderr.contains("exported 20 proposal(s)"), "{stderr}");
    assert!(stderr.contains("CSV separated by `,`"), "{stderr}");
    // The phone number whole, as typed and as digits only: its first four digits alone also
    // turn up in the trace log's microsecond timestamps (05:01:14.160812Z failed a CI run).
    for secret in [
        "Siti",
        "contoh.id",
        "Koperasi",
        "0812 3456 7890",
        "081234567890",
    ] {
        assert!(
            !stderr.contains(secret),
            "personal data in the log: {stderr}"
        );
    }
    let bytes = std::fs::read(&file).expect("file written");
    let (_, rows) = parse_csv(&bytes);
    let expected: Vec<Vec<String>> = seeded
        .iter()
        .filter(|s| s.province == "kalimantan-barat")
        .map(|s| csv_row(s, &form))
        .collect();
    assert_eq!(rows, expected);
    assert!(!dir.path().join("kalbar.csv.part").exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    // JSON Lines to standard output.
    let out = run(&[
        "--province",
        "kalimantan-barat",
        "--issue",
        "stunting",
        "--format",
        "jsonl",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 10);

    // A typo is a usage error (2), not an empty file.
    let missing = dir.path().join("none.csv");
    for args in [
        vec!["--province", "kalbar", "--format", "csv"],
        vec![
            "--province",
            "kalimantan-barat",
            "--issue",
            "stuntin",
            "--format",
            "csv",
        ],
        vec!["--province", "kalimantan-barat", "--format", "xlsx"],
        vec![
            "--province",
            "kalimantan-barat",
            "--since",
            "1 Juni",
            "--format",
            "csv",
        ],
    ] {
        let mut args = args.clone();
        args.extend(["--out", missing.to_str().expect("path")]);
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!missing.exists());
    }
}
