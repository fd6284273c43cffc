//! The published JSON Schema is generated from the raw types; this test keeps the file in step.

#![allow(clippy::unwrap_used)]

use super::raw::RawDataset;

/// Where the schema is published, relative to the crate root.
const SCHEMA_PATH: &str = "public/dataset.schema.json";

/// The schema text as generated now.
fn generated() -> String {
    let mut schema = schemars::schema_for!(RawDataset);
    schema.insert("title".into(), "Union State timeline dataset".into());
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[test]
fn published_schema_matches_the_types() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA_PATH);
    let want = generated();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{SCHEMA_PATH} is out of date with src/model/raw.rs: run `UPDATE_SCHEMA=1 cargo test --lib schema` and commit it"
    );
}

#[test]
fn schema_requires_sources_and_confidence() {
    let schema: serde_json::Value = serde_json::from_str(&generated()).unwrap_or_default();
    let event = &schema["$defs"]["RawEvent"];
    let required: Vec<&str> = event["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str())
        .collect();
    for field in [
        "id",
        "date",
        "title",
        "summary",
        "track",
        "kind",
        "sources",
        "confidence",
    ] {
        assert!(
            required.contains(&field),
            "{field} is not required: {required:?}"
        );
    }
    assert_eq!(
        event["additionalProperties"],
        serde_json::Value::Bool(false)
    );
}
