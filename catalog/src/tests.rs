use super::*;
use time::macros::date;

fn window(opens: Option<Date>, closes: Option<Date>) -> Window {
    Window {
        opens,
        not_before: None,
        closes,
    }
}

/// Wave II of 2023 as the content states it: opening day unknown, not before 12 May (the day
/// after the last validation meeting), closing on 11 June.
fn unknown_opening() -> Window {
    Window {
        opens: None,
        not_before: Some(date!(2023 - 05 - 12)),
        closes: Some(date!(2023 - 06 - 11)),
    }
}

fn sample() -> Catalog {
    Catalog::from_json(include_str!("../tests/fixtures/catalog.json")).expect("fixture parses")
}

#[test]
fn window_bounds_are_inclusive() {
    let w = window(Some(date!(2023 - 05 - 12)), Some(date!(2023 - 06 - 11)));
    assert_eq!(
        w.state_on(date!(2023 - 05 - 11)),
        WindowState::NotYetOpen(date!(2023 - 05 - 12))
    );
    assert_eq!(w.state_on(date!(2023 - 05 - 12)), WindowState::Open);
    assert_eq!(w.state_on(date!(2023 - 06 - 11)), WindowState::Open);
    assert_eq!(
        w.state_on(date!(2023 - 06 - 12)),
        WindowState::Closed(date!(2023 - 06 - 11))
    );
    assert_eq!(
        window(None, None).state_on(date!(1999 - 01 - 01)),
        WindowState::Open
    );
}

#[test]
fn an_unknown_opening_is_never_open_before_its_earliest_day() {
    let w = unknown_opening();
    assert!(w.opening_unknown());
    for before in [
        date!(2023 - 01 - 15),
        date!(2023 - 02 - 06),
        date!(2023 - 05 - 11),
    ] {
        assert_eq!(
            w.state_on(before),
            WindowState::OpeningUnknown(date!(2023 - 05 - 12)),
            "{before}"
        );
    }
    assert_eq!(w.state_on(date!(2023 - 05 - 12)), WindowState::Open);
    assert_eq!(w.state_on(date!(2023 - 06 - 01)), WindowState::Open);
    assert_eq!(
        w.state_on(date!(2023 - 07 - 01)),
        WindowState::Closed(date!(2023 - 06 - 11))
    );
}

#[test]
fn a_known_opening_wins_over_an_earliest_bound() {
    let w = Window {
        opens: Some(date!(2023 - 06 - 01)),
        not_before: Some(date!(2023 - 02 - 06)),
        closes: None,
    };
    assert!(!w.opening_unknown());
    assert_eq!(
        w.state_on(date!(2023 - 03 - 01)),
        WindowState::NotYetOpen(date!(2023 - 06 - 01))
    );
    assert_eq!(w.state_on(date!(2030 - 01 - 01)), WindowState::Open);
}

#[test]
fn not_before_round_trips_and_is_left_out_when_absent() {
    let json = serde_json::to_string(&unknown_opening()).expect("json");
    assert_eq!(
        json,
        r#"{"opens":null,"not_before":"2023-05-12","closes":"2023-06-11"}"#
    );
    assert_eq!(
        serde_json::from_str::<Window>(&json).expect("parse"),
        unknown_opening()
    );
    let old = serde_json::to_string(&window(None, Some(date!(2023 - 06 - 11)))).expect("json");
    assert_eq!(old, r#"{"opens":null,"closes":"2023-06-11"}"#);
}

#[test]
fn target_refuses_a_window_whose_opening_is_unknown() {
    let mut c = sample();
    let p = c
        .provinces
        .iter_mut()
        .find(|p| p.slug == "kalimantan-barat")
        .expect("fixture has kalimantan-barat");
    p.proposals = Some(unknown_opening());
    assert_eq!(
        c.target("kalimantan-barat", "stunting", date!(2023 - 01 - 15))
            .unwrap_err(),
        TargetError::OpeningUnknown(date!(2023 - 05 - 12))
    );
    assert!(
        !c.province("kalimantan-barat")
            .expect("province")
            .accepts_on(date!(2023 - 01 - 15))
    );
    assert!(
        c.target("kalimantan-barat", "stunting", date!(2023 - 06 - 01))
            .is_ok()
    );
}

#[test]
fn target_explains_each_refusal() {
    let c = sample();
    let open_day = date!(2023 - 06 - 01);
    assert!(c.target("kalimantan-barat", "stunting", open_day).is_ok());
    assert_eq!(
        c.target("atlantis", "stunting", open_day).unwrap_err(),
        TargetError::UnknownProvince("atlantis".into())
    );
    assert!(matches!(
        c.target("kalimantan-barat", "no-such-issue", open_day),
        Err(TargetError::UnknownIssue { .. })
    ));
    assert_eq!(
        c.target("kalimantan-barat", "stunting", date!(2023 - 06 - 12))
            .unwrap_err(),
        TargetError::Closed(date!(2023 - 06 - 11))
    );
    assert_eq!(
        c.target("banten", "x", open_day).unwrap_err(),
        TargetError::UnknownIssue {
            province: "banten".into(),
            issue: "x".into()
        }
    );
}

#[test]
fn json_round_trips_and_rejects_other_versions() {
    let c = sample();
    assert_eq!(Catalog::from_json(&c.to_json()).expect("round trip"), c);
    let newer = c
        .to_json()
        .replacen("\"schema_version\": 1", "\"schema_version\": 2", 1);
    assert!(matches!(
        Catalog::from_json(&newer),
        Err(CatalogError::Version { found: 2, .. })
    ));
    let extra = c.to_json().replacen("{", "{\"surprise\": true,", 1);
    assert!(matches!(
        Catalog::from_json(&extra),
        Err(CatalogError::Json(_))
    ));
}

#[test]
fn unenforceable_forms_are_reported_per_field() {
    let mut form = sample().form;
    assert_eq!(form.problems(), vec![]);
    form.fields[0].max_length = None;
    form.fields[0].kind = FieldKind::Text;
    form.fields.push(form.fields[1].clone());
    let problems = form.problems();
    let named: Vec<_> = problems
        .iter()
        .map(|p| (p.field.as_str(), p.index))
        .collect();
    assert!(
        named.contains(&(form.fields[0].name.as_str(), Some(0))),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.message == "duplicate field name"),
        "{problems:?}"
    );
}

#[test]
fn dates_parse_strictly() {
    assert_eq!(clock::parse_date("2023-06-01"), Ok(date!(2023 - 06 - 01)));
    assert!(clock::parse_date("2023-02-30").is_err());
    assert!(clock::parse_date("1 June 2023").is_err());
    assert_eq!(
        clock::today(Some(date!(2023 - 06 - 01))),
        date!(2023 - 06 - 01)
    );
}

#[test]
fn an_organiser_address_round_trips_and_a_bad_one_is_refused() {
    let mut c = sample();
    assert!(
        !c.to_json().contains("organiser_email"),
        "left out when absent"
    );
    c.provinces[0].organiser_email = Some("bappeda@bantenprov.go.id".into());
    assert_eq!(Catalog::from_json(&c.to_json()).expect("round trip"), c);
    c.provinces[0].organiser_email = Some("Bappeda <bappeda@bantenprov.go.id>".into());
    assert!(matches!(
        Catalog::from_json(&c.to_json()),
        Err(CatalogError::OrganiserEmail(slug)) if slug == c.provinces[0].slug
    ));
}
