//! `nastavnik schema`: the JSON Schema an editor uses to complete and explain fields.

use std::process::Command;

use crate::common::root;
use serde_json::Value;

/// A YAML text as the JSON an editor's validator sees: keys as text.
fn as_json(yaml: &str) -> Value {
    fn convert(v: serde_yaml::Value) -> Value {
        match v {
            serde_yaml::Value::Null => Value::Null,
            serde_yaml::Value::Bool(b) => Value::Bool(b),
            serde_yaml::Value::Number(n) => serde_json::to_value(n).unwrap(),
            serde_yaml::Value::String(s) => Value::String(s),
            serde_yaml::Value::Sequence(items) => {
                Value::Array(items.into_iter().map(convert).collect())
            }
            serde_yaml::Value::Mapping(map) => Value::Object(
                map.into_iter()
                    .map(|(k, v)| {
                        let key = match k {
                            serde_yaml::Value::String(s) => s,
                            other => serde_yaml::to_string(&other).unwrap().trim().to_string(),
                        };
                        (key, convert(v))
                    })
                    .collect(),
            ),
            serde_yaml::Value::Tagged(t) => convert(t.value),
        }
    }
    convert(serde_yaml::from_str(yaml).unwrap())
}

fn schema() -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_nastavnik"))
        .arg("schema")
        .output()
        .unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

fn samples() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    assert!(out.len() >= 5, "{} samples", out.len());
    out
}

/// Where the validator found the instance wrong, and why: «/kind: …».
fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_schema_is_draft_7_and_every_sample_meets_it() {
    let schema = schema();
    assert!(
        jsonschema::meta::is_valid(&schema),
        "not a valid JSON Schema"
    );
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    let validator = jsonschema::validator_for(&schema).unwrap();
    for (name, text) in samples() {
        let found = errors(&validator, &as_json(&text));
        assert!(found.is_empty(), "{name}: {found:#?}");
    }
}

/// A change that makes a valid description wrong.
type Spoil = &'static dyn Fn(&mut Value);

#[test]
fn wrong_types_and_names_are_rejected_where_they_are() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let (_, text) = samples()
        .into_iter()
        .find(|(n, _)| n == "sosh19-2021.yaml")
        .unwrap();
    let base = as_json(&text);
    assert!(errors(&validator, &base).is_empty());
    let cases: [(&str, Spoil); 6] = [
        ("/kind", &|v| v["kind"] = "гимназия".into()),
        ("", &|v| v["adress"] = "г. Энск".into()),
        ("/documents/order144/date", &|v| {
            v["documents"]["order144"]["date"] = "32 декабря".into()
        }),
        ("/roadmap/sections/0/items/0/steps/0/status", &|v| {
            v["roadmap"]["sections"][0]["items"][0]["steps"][0]["status"] = "готово".into()
        }),
        ("/head", &|v| v["head"] = Value::Array(vec![])),
        ("/roadmap/sections", &|v| {
            v["roadmap"]["sections"] = "раздел".into()
        }),
    ];
    for (place, spoil) in cases {
        let mut wrong = base.clone();
        spoil(&mut wrong);
        let found = errors(&validator, &wrong);
        assert!(
            found.iter().any(|e| e.starts_with(&format!("{place}: "))),
            "{place}: {found:#?}"
        );
    }
    // A count of pupils given as words is not a number.
    let mut wrong = base.clone();
    wrong["reports"]["interim"]["figures"] = serde_json::json!({ "pupils": "много" });
    let found = errors(&validator, &wrong);
    assert!(
        found
            .iter()
            .any(|e| e.starts_with("/reports/interim/figures/pupils: ")),
        "{found:#?}"
    );
    // What YAML reads as a number is text where the loader takes text: «number: 488».
    let mut lenient = base;
    lenient["documents"]["order144"]["number"] = 144.into();
    assert!(errors(&validator, &lenient).is_empty());
}

#[test]
fn every_field_has_a_russian_description_and_none_is_left_over() {
    let (places, described) = nastavnik_core::load::schema::description_places();
    let missing: Vec<&String> = places.iter().filter(|p| !described.contains(p)).collect();
    let stale: Vec<&String> = described.iter().filter(|d| !places.contains(d)).collect();
    assert!(missing.is_empty(), "no description: {missing:?}");
    assert!(stale.is_empty(), "no such field: {stale:?}");
    let schema = schema();
    let name = schema["properties"]["name"]["description"]
        .as_str()
        .unwrap();
    assert!(
        name.starts_with("Полное наименование организации"),
        "{name}"
    );
    let status = schema["definitions"]["Step"]["properties"]["status"]["description"]
        .as_str()
        .unwrap();
    assert!(status.contains("выполнено"), "{status}");
}

#[test]
fn samples_point_their_editor_to_the_schema_beside_them() {
    let committed = std::fs::read_to_string(
        root()
            .join("samples")
            .join(nastavnik_core::load::schema::FILE_NAME),
    )
    .expect("samples/nastavnik.schema.json");
    assert_eq!(
        committed,
        nastavnik_core::load::schema::json_schema_text(),
        "samples/nastavnik.schema.json is stale: run `nastavnik schema --output samples/nastavnik.schema.json`"
    );
    for (name, text) in samples() {
        assert_eq!(
            text.lines().next(),
            Some(nastavnik_core::load::schema::MODELINE),
            "{name}: the first line should be the modeline"
        );
    }
}
