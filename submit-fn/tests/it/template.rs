//! The DynamoDB table in `deploy/template.yaml` is the one `submit-fn create-table` builds:
//! `store::table_definition()` is compared with the template's `ProposalsTable`, together with
//! the protections the deploy issue asks for (point-in-time recovery, encryption, deletion
//! protection, retained on stack delete). The template's CloudFormation short tags (`!Ref` ...)
//! parse as tagged YAML values, which this check never needs to read.

use std::collections::BTreeSet;

use serde_yaml::Value;
use submit_fn::store::table_definition;

fn template_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../deploy/template.yaml")
}

fn get<'a>(v: &'a Value, path: &[&str]) -> Option<&'a Value> {
    path.iter().try_fold(v, |v, k| v.get(*k))
}

fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(other) => format!("{other:?}"),
        None => "(missing)".into(),
    }
}

/// (name, key type) pairs of a KeySchema list.
fn keys(v: Option<&Value>) -> Vec<(String, String)> {
    v.and_then(Value::as_sequence)
        .map(|s| {
            s.iter()
                .map(|k| (text(k.get("AttributeName")), text(k.get("KeyType"))))
                .collect()
        })
        .unwrap_or_default()
}

/// An index: name, key schema, projection type.
type Index = (String, Vec<(String, String)>, String);

/// Every difference between the template's table and the code's definition.
fn table_problems(template: &str) -> Vec<String> {
    let doc: Value = match serde_yaml::from_str(template) {
        Ok(d) => d,
        Err(e) => return vec![format!("template is not YAML: {e}")],
    };
    let Some(table) = get(&doc, &["Resources", "ProposalsTable"]) else {
        return vec!["no Resources.ProposalsTable".into()];
    };
    let props = table.get("Properties").cloned().unwrap_or(Value::Null);
    let def = table_definition();
    let mut problems = Vec::new();
    let mut expect = |what: &str, found: String, wanted: String| {
        if found != wanted {
            problems.push(format!("{what}: template has {found}, code has {wanted}"));
        }
    };
    expect(
        "Type",
        text(table.get("Type")),
        "AWS::DynamoDB::Table".into(),
    );
    expect(
        "BillingMode",
        text(props.get("BillingMode")),
        def.billing.into(),
    );
    let attributes: BTreeSet<(String, String)> = props
        .get("AttributeDefinitions")
        .and_then(Value::as_sequence)
        .map(|s| {
            s.iter()
                .map(|a| (text(a.get("AttributeName")), text(a.get("AttributeType"))))
                .collect()
        })
        .unwrap_or_default();
    let wanted: BTreeSet<(String, String)> = def
        .attributes
        .iter()
        .map(|a| ((*a).to_owned(), "S".to_owned()))
        .collect();
    expect(
        "AttributeDefinitions",
        format!("{attributes:?}"),
        format!("{wanted:?}"),
    );
    expect(
        "KeySchema",
        format!("{:?}", keys(props.get("KeySchema"))),
        format!(
            "{:?}",
            vec![(def.partition_key.to_owned(), "HASH".to_owned())]
        ),
    );
    let indexes: BTreeSet<Index> = props
        .get("GlobalSecondaryIndexes")
        .and_then(Value::as_sequence)
        .map(|s| {
            s.iter()
                .map(|i| {
                    (
                        text(i.get("IndexName")),
                        keys(i.get("KeySchema")),
                        text(get(i, &["Projection", "ProjectionType"])),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let wanted: BTreeSet<Index> = def
        .indexes
        .iter()
        .map(|(name, hash, range)| {
            (
                (*name).to_owned(),
                vec![
                    ((*hash).to_owned(), "HASH".to_owned()),
                    ((*range).to_owned(), "RANGE".to_owned()),
                ],
                "ALL".to_owned(),
            )
        })
        .collect();
    expect(
        "GlobalSecondaryIndexes",
        format!("{indexes:?}"),
        format!("{wanted:?}"),
    );
    expect(
        "TimeToLiveSpecification.AttributeName",
        text(get(&props, &["TimeToLiveSpecification", "AttributeName"])),
        def.ttl_attribute.into(),
    );
    for (what, path) in [
        ("TTL enabled", &["TimeToLiveSpecification", "Enabled"][..]),
        (
            "point-in-time recovery",
            &[
                "PointInTimeRecoverySpecification",
                "PointInTimeRecoveryEnabled",
            ][..],
        ),
        ("encryption", &["SSESpecification", "SSEEnabled"][..]),
        ("deletion protection", &["DeletionProtectionEnabled"][..]),
    ] {
        expect(what, text(get(&props, path)), "true".into());
    }
    for policy in ["DeletionPolicy", "UpdateReplacePolicy"] {
        expect(policy, text(table.get(policy)), "Retain".into());
    }
    problems
}

#[test]
fn the_template_table_is_the_code_table() {
    let path = template_path();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let problems = table_problems(&text);
    assert!(
        problems.is_empty(),
        "deploy/template.yaml's ProposalsTable differs from store::table_definition():\n  {}",
        problems.join("\n  ")
    );
}

/// The check itself: edited copies of the template must each be caught.
#[test]
fn a_drifted_copy_of_the_template_is_caught() {
    let text = std::fs::read_to_string(template_path()).expect("template");
    let edits = [
        ("IndexName: by_issue", "IndexName: by_topic"),
        ("AttributeName: expires_at", "AttributeName: ttl"),
        (
            "- AttributeName: province_issue\n          AttributeType: S\n",
            "",
        ),
        (
            "PointInTimeRecoveryEnabled: true",
            "PointInTimeRecoveryEnabled: false",
        ),
        ("BillingMode: PAY_PER_REQUEST", "BillingMode: PROVISIONED"),
        (
            "DeletionProtectionEnabled: true",
            "DeletionProtectionEnabled: false",
        ),
        ("ProjectionType: ALL", "ProjectionType: KEYS_ONLY"),
    ];
    for (from, to) in edits {
        assert!(
            text.contains(from),
            "the template no longer contains `{from}`"
        );
        let drifted = text.replacen(from, to, 1);
        assert!(
            !table_problems(&drifted).is_empty(),
            "editing `{from}` went unnoticed"
        );
    }
}

/// #16: the function's timeout and the code's deadline come from one template parameter.
#[test]
fn the_timeout_and_the_deadline_share_one_setting() {
    let text = std::fs::read_to_string(template_path()).expect("template");
    let doc: Value = serde_yaml::from_str(&text).expect("YAML");
    let props = get(&doc, &["Resources", "SubmitFunction", "Properties"]).expect("function");
    let timeout = format!(
        "{:?}",
        props.get("Timeout").expect("Timeout set on the function")
    );
    let env = format!(
        "{:?}",
        get(
            props,
            &["Environment", "Variables", "FUNCTION_TIMEOUT_SECONDS"]
        )
        .expect("FUNCTION_TIMEOUT_SECONDS passed to the code")
    );
    assert_eq!(timeout, env, "one setting for both");
    assert!(timeout.contains("FunctionTimeout"), "{timeout}");
    assert!(
        get(&doc, &["Globals", "Function", "Timeout"]).is_none(),
        "no second home for the timeout"
    );
    let default = get(&doc, &["Parameters", "FunctionTimeout", "Default"]).and_then(Value::as_u64);
    assert_eq!(
        default.map(std::time::Duration::from_secs),
        Some(submit_fn::config::DEFAULT_FUNCTION_TIMEOUT)
    );
}
