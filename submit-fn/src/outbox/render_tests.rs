use super::*;

#[test]
fn fill_replaces_known_placeholders_once() {
    assert_eq!(
        fill("a {x} b {y} {z", &[("x", "{y}"), ("y", "2")]),
        "a {y} b 2 {z"
    );
}

#[test]
fn subjects_stay_on_one_line() {
    assert_eq!(one_line("a\r\nb"), "a  b");
}

#[test]
fn html_escapes_every_value() {
    let rows = [("<b>".to_owned(), "\"x\" & 'y' </dd>".to_owned())];
    let html = html_part(Lang::En, "s<", "l>", &rows, "t", &rows, &[]);
    assert!(!html.contains("<b>"), "{html}");
    assert!(!html.contains("</dd>\""), "{html}");
    assert!(
        html.contains("&lt;b&gt;") && html.contains("&amp;"),
        "{html}"
    );
    assert!(html.contains("<title>s&lt;</title>"), "{html}");
}

#[test]
fn a_notice_without_answers_tells_a_province_recipient_whom_to_ask() {
    let mut catalog =
        Catalog::from_json(include_str!("../../tests/fixtures/catalog.json")).expect("fixture");
    let proposal = crate::store::ProposalRecord {
        reference: Some("WNR-61-7K3Q9X".into()),
        submitted_at: Some("2023-06-01T03:04:05.000Z".into()),
        province: Some("kalimantan-barat".into()),
        issue: Some("stunting".into()),
        lang: Some("id".into()),
        ..Default::default()
    };
    let notice = |catalog: &Catalog| {
        render(&Request {
            catalog,
            proposal: &proposal,
            kind: MessageKind::Notice,
            lang: Lang::Id,
            notice_answers: false,
            seq: 0,
            link: None,
        })
        .expect("notice renders")
        .text
    };
    // To the central organiser: the export command it can run.
    let central = notice(&catalog);
    assert!(
        central.contains("submit-fn export --province kalimantan-barat"),
        "{central}"
    );
    // To a province's own address: whom to ask, with the reference; no command.
    if let Some(p) = catalog
        .provinces
        .iter_mut()
        .find(|p| p.slug == "kalimantan-barat")
    {
        p.organiser_email = Some("bappeda@kalbarprov.go.id".into());
    }
    let provincial = notice(&catalog);
    assert!(!provincial.contains("submit-fn export"), "{provincial}");
    assert!(
        provincial.contains("Mintalah salinannya kepada")
            && provincial.contains("kode referensi WNR-61-7K3Q9X"),
        "{provincial}"
    );
}
