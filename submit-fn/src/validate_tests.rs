use super::*;
use time::macros::date;

fn catalog() -> Catalog {
    Catalog::from_json(include_str!("../tests/fixtures/catalog.json")).expect("fixture")
}

const OPEN: Date = date!(2023 - 06 - 01);

fn good() -> Submission {
    let mut s = Submission::default();
    for (k, v) in [
        ("province", "kalimantan-barat"),
        ("issue", "stunting"),
        ("lang", "en"),
        ("token", "0b6f8a52-1c1e-4d7e-9f43-6a2b7c0d9e11"),
        ("started_at", "1685590000000"),
        ("website", ""),
        ("organisation", "  Koperasi Maju Bersama  "),
        ("legal_form", "koperasi"),
        ("stage", "early"),
        ("contact_name", "Siti Rahma"),
        ("email", "siti@contoh.id"),
        ("phone", "+62 812 3456 7890"),
        (
            "summary",
            "Dapur gizi keliling untuk balita\r\ndi desa pesisir.",
        ),
        (
            "problem",
            "Angka stunting di pesisir tinggi menurut data dinas.",
        ),
        (
            "business_model",
            "Langganan makanan bergizi dengan harga terjangkau.",
        ),
        (
            "impact",
            "Seribu balita mendapat makanan bergizi setiap minggu.",
        ),
        ("video_url", "https://contoh.id/video?id=1"),
        ("consent", "yes"),
    ] {
        assert!(s.insert(k.into(), v.into()));
    }
    s
}

fn with(pairs: &[(&str, &str)]) -> Submission {
    let mut base = good();
    let mut s = Submission::default();
    for name in base.names().map(str::to_owned).collect::<Vec<_>>() {
        let value = pairs.iter().find(|(k, _)| *k == name).map_or_else(
            || base.get(&name).unwrap_or("").to_owned(),
            |(_, v)| (*v).to_owned(),
        );
        s.insert(name, value);
    }
    for (k, v) in pairs {
        s.insert((*k).into(), (*v).into());
    }
    base = s;
    base
}

fn problems(sub: &Submission) -> Vec<(String, Problem)> {
    match validate(&catalog(), OPEN, sub) {
        Ok(_) => vec![],
        Err(e) => e.0.into_iter().map(|e| (e.name, e.problem)).collect(),
    }
}

fn one(pairs: &[(&str, &str)]) -> (String, Problem) {
    let p = problems(&with(pairs));
    assert_eq!(p.len(), 1, "{pairs:?} gave {p:?}");
    p[0].clone()
}

#[test]
fn a_good_submission_is_normalised() {
    let v = validate(&catalog(), OPEN, &good()).expect("valid");
    assert_eq!(v.province_code, "61");
    assert_eq!(v.lang, Lang::En);
    assert_eq!(v.started_at, Some(1_685_590_000_000));
    let answer = |n: &str| {
        v.answers
            .iter()
            .find(|(k, _)| k == n)
            .map(|(_, a)| a.clone())
    };
    assert_eq!(
        answer("organisation"),
        Some(Answer::Text("Koperasi Maju Bersama".into()))
    );
    assert_eq!(
        answer("summary"),
        Some(Answer::Text(
            "Dapur gizi keliling untuk balita\ndi desa pesisir.".into()
        ))
    );
    assert_eq!(answer("consent"), Some(Answer::Ticked));
    assert_eq!(answer("collaboration"), None);
}

#[test]
fn target_problems_name_the_right_field() {
    assert_eq!(
        one(&[("province", "atlantis")]),
        ("province".into(), Problem::UnknownProvince)
    );
    assert_eq!(
        one(&[("issue", "kemiskinan-ekstrem")]),
        ("issue".into(), Problem::UnknownIssue),
        "issue of another province"
    );
    assert_eq!(
        one(&[("issue", "isu-tertunda")]),
        ("issue".into(), Problem::NotValidated)
    );
    let closed = validate(&catalog(), date!(2023 - 06 - 12), &good()).expect_err("closed");
    assert_eq!(closed.0[0].problem, Problem::Closed(date!(2023 - 06 - 11)));
    assert_eq!(
        one(&[("province", "")]),
        ("province".into(), Problem::Required)
    );
}

#[test]
fn field_rules_from_the_form_definition() {
    let long_org = "x".repeat(201);
    let many_words = "kata ".repeat(201);
    for (pairs, want) in [
        (vec![("organisation", "")], Problem::Required),
        (
            vec![("organisation", long_org.as_str())],
            Problem::TooLong(200),
        ),
        (vec![("summary", "terlalu pendek")], Problem::TooShort(20)),
        (
            vec![("summary", many_words.as_str())],
            Problem::TooManyWords(200),
        ),
        (vec![("legal_form", "llc")], Problem::NotAnOption),
        (vec![("consent", "")], Problem::NotTicked),
        (vec![("consent", "on")], Problem::BadCheckbox),
        (vec![("email", "siti at contoh.id")], Problem::BadEmail),
        (vec![("email", "siti@contoh")], Problem::BadEmail),
        (vec![("phone", "12ab34567")], Problem::BadPhone),
        (vec![("phone", "123")], Problem::BadPhone),
        (vec![("video_url", "javascript:alert(1)")], Problem::BadUrl),
        (vec![("video_url", "ftp://contoh.id/x")], Problem::BadUrl),
        (
            vec![("video_url", "https://user@evil.example/")],
            Problem::BadUrl,
        ),
        (vec![("token", "short")], Problem::BadToken),
        (vec![("started_at", "yesterday")], Problem::BadStartedAt),
    ] {
        let (_, got) = one(&pairs);
        assert_eq!(got, want, "{pairs:?}");
    }
    // Optional fields may be empty.
    assert!(problems(&with(&[("phone", ""), ("video_url", "")])).is_empty());
}

#[test]
fn control_and_bidi_characters_are_refused_but_textarea_keeps_newlines_and_tabs() {
    assert_eq!(
        one(&[("organisation", "Koperasi\u{0007}")]).1,
        Problem::ForbiddenCharacters
    );
    assert_eq!(
        one(&[("organisation", "Kop\nerasi")]).1,
        Problem::ForbiddenCharacters
    );
    assert_eq!(
        one(&[("organisation", "abc\u{202E}cba")]).1,
        Problem::ForbiddenCharacters
    );
    assert_eq!(
        one(&[("summary", "Baris satu yang panjang\u{2066}dan isolasi")]).1,
        Problem::ForbiddenCharacters
    );
    assert!(
        problems(&with(&[(
            "summary",
            "Baris satu\n\tbaris dua yang cukup panjang"
        )]))
        .is_empty()
    );
}

#[test]
fn html_is_plain_text() {
    let v = validate(
        &catalog(),
        OPEN,
        &with(&[("organisation", "<script>alert('x')</script>")]),
    )
    .expect("valid");
    assert!(v.answers.contains(&(
        "organisation".into(),
        Answer::Text("<script>alert('x')</script>".into())
    )));
}

#[test]
fn unknown_and_reserved_names_are_refused() {
    assert_eq!(
        one(&[("nickname", "x")]),
        ("nickname".into(), Problem::UnknownField)
    );
    assert_eq!(
        one(&[("status", "accepted")]),
        ("status".into(), Problem::ReservedField)
    );
    // The honeypot and reserved form fields are known.
    assert!(problems(&with(&[("website", "")])).is_empty());
}

#[test]
fn errors_come_in_form_order() {
    let p = problems(&with(&[
        ("consent", ""),
        ("email", "x"),
        ("organisation", ""),
    ]));
    let names: Vec<_> = p.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["organisation", "email", "consent"]);
}

#[test]
fn formats() {
    assert!(is_phone("0812-3456-7890"));
    assert!(is_phone("(021) 345 6789"));
    assert!(!is_phone("+62 +812 3456"));
    assert!(is_url(
        "HTTPS://Contoh.id:8443/a b".replace(' ', "").as_str()
    ));
    assert!(is_url("http://contoh.id"));
    assert!(!is_url("https://contoh"));
    assert!(!is_url("https:// contoh.id"));
    assert!(!is_url("data:text/html,<b>"));
}
