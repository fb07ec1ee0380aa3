//! The JSON Schema of the YAML, with Russian descriptions, for editors.
//!
//! The structure comes from the model's types, so it cannot drift from what
//! the loader reads; the descriptions come from `data/schema-ru.yaml`, one per
//! type and field, and a test makes sure none is missing or left over. An
//! editor with the YAML extension (VS Code, JetBrains) then completes field
//! names, shows what each one means, and underlines a wrong value as it is typed.

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::generate::SchemaSettings;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::Value;

use crate::catalogue::forms::FormName;
use crate::model::progress::{Evidence, Status};
use crate::model::report::TextBlock;
use crate::model::roadmap::{Period, Responsible, RoadmapLayout};
use crate::{Deadline, Organization, OrganizationKind, Person};

/// The Russian descriptions, by type («Person») and by field («Person.surname»).
const DESCRIPTIONS: &str = include_str!("../../data/schema-ru.yaml");

/// The file name the samples' modeline points to, next to the YAML files.
pub const FILE_NAME: &str = "nastavnik.schema.json";

/// The first line of a YAML file that asks the editor to use the schema.
pub const MODELINE: &str = "# yaml-language-server: $schema=nastavnik.schema.json";

/// A date as YAML writes it: «2021-09-01», «01.09.2021» or «1 сентября 2021 г.».
const DATE_PATTERN: &str =
    r"^(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}( ?г\.)?|\d{1,2} [а-яА-Я]+ \d{4}( ?г\.)?)$";

/// The JSON Schema of a description of an organisation (draft 7, which
/// editors support best), with Russian descriptions.
///
/// ```
/// let schema = nastavnik_core::load::schema::json_schema();
/// assert_eq!(schema["properties"]["name"]["description"].as_str().unwrap().split(':').next(),
///            Some("Полное наименование организации"));
/// ```
pub fn json_schema() -> Value {
    let mut schema = generated();
    let descriptions = descriptions();
    describe(&mut schema, "Organization", &descriptions);
    if let Some(Value::Object(defs)) = schema.get_mut("definitions") {
        for (name, def) in defs.iter_mut() {
            describe(def, name, &descriptions);
        }
    }
    accept_numbers_as_text(&mut schema);
    schema["title"] =
        Value::String("Описание школы или органа управления образованием для nastavnik".into());
    schema
}

/// The schema as a file's text: pretty JSON with a final newline.
pub fn json_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&json_schema()).expect("a schema is JSON");
    text.push('\n');
    text
}

/// Every description key the schema has a place for, and whether the
/// description table fills it: for the test that keeps the two together.
pub fn description_places() -> (Vec<String>, Vec<String>) {
    let schema = generated();
    let mut places = Vec::new();
    collect_places(&schema, "Organization", &mut places);
    if let Some(Value::Object(defs)) = schema.get("definitions") {
        for (name, def) in defs {
            collect_places(def, name, &mut places);
        }
    }
    (places, descriptions().into_keys().collect())
}

/// The schema as the model's types give it, before descriptions and tidying.
fn generated() -> Value {
    SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<Organization>()
        .to_value()
}

/// The Russian descriptions, by «Type» and «Type.field».
fn descriptions() -> BTreeMap<String, String> {
    serde_yaml::from_str(DESCRIPTIONS).expect("data/schema-ru.yaml is a map of strings")
}

/// The objects a type's schema describes: itself, or the maps among its alternatives.
fn objects_mut(schema: &mut Value) -> Vec<&mut serde_json::Map<String, Value>> {
    let Value::Object(map) = schema else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (key, value) in map.iter_mut() {
        match (key.as_str(), value) {
            ("properties", Value::Object(props)) => out.push(props),
            ("anyOf" | "oneOf", Value::Array(alternatives)) => {
                for alt in alternatives {
                    if let Some(Value::Object(props)) = alt.get_mut("properties") {
                        out.push(props);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn collect_places(schema: &Value, name: &str, out: &mut Vec<String>) {
    out.push(name.to_string());
    let mut schema = schema.clone();
    for props in objects_mut(&mut schema) {
        out.extend(props.keys().map(|k| format!("{name}.{k}")));
    }
}

fn describe(schema: &mut Value, name: &str, descriptions: &BTreeMap<String, String>) {
    if let Some(text) = descriptions.get(name) {
        schema["description"] = Value::String(text.clone());
    }
    for props in objects_mut(schema) {
        for (field, sub) in props.iter_mut() {
            if let Some(text) = descriptions.get(&format!("{name}.{field}")) {
                sub["description"] = Value::String(text.clone());
            }
        }
    }
}

/// YAML reads `number: 488` as a number; the loader takes it as the text
/// «488», so the schema must not underline it. And an editor completing a
/// field should not insert the model's empty default.
fn accept_numbers_as_text(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            map.remove("default");
            // An optional section: `anyOf: [section, null]` would make a
            // validator blame the whole section for one wrong field inside.
            let optional = match map.get("anyOf") {
                Some(Value::Array(alts))
                    if alts.len() == 2 && alts[1] == serde_json::json!({"type": "null"}) =>
                {
                    Some(alts[0].clone())
                }
                _ => None,
            };
            if let Some(section) = optional {
                map.remove("anyOf");
                map.insert("allOf".into(), Value::Array(vec![section]));
            }
            let plain = !map.contains_key("pattern") && !map.contains_key("enum");
            match map.get_mut("type") {
                Some(t @ Value::String(_)) if plain && t == "string" => {
                    *t = serde_json::json!(["string", "number"]);
                }
                Some(Value::Array(types))
                    if plain
                        && types.iter().any(|t| t == "string")
                        && !types.iter().any(|t| t == "number") =>
                {
                    types.push(Value::String("number".into()));
                }
                _ => {}
            }
            for (key, value) in map.iter_mut() {
                if key != "propertyNames" {
                    accept_numbers_as_text(value);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(accept_numbers_as_text),
        _ => {}
    }
}

/// A required date: «2021-09-01» or «01.09.2021».
pub(crate) fn date(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "string",
        "pattern": DATE_PATTERN,
        "examples": ["2021-09-01", "01.09.2021"]
    })
}

/// An optional date.
pub(crate) fn optional_date(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": ["string", "null"],
        "pattern": DATE_PATTERN,
        "examples": ["2021-09-01", "01.09.2021"]
    })
}

/// One value, or a list of them.
pub(crate) fn one_or_many<T: JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    let one = generator.subschema_for::<T>();
    json_schema!({
        "anyOf": [one, { "type": "array", "items": one }, { "type": "null" }]
    })
}

/// Implements `JsonSchema` for a type whose YAML is read by hand.
macro_rules! by_hand {
    ($type:ty, $name:literal, |$g:ident| $body:expr) => {
        impl JsonSchema for $type {
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }
            fn json_schema($g: &mut SchemaGenerator) -> Schema {
                $body
            }
        }
    };
}

by_hand!(OrganizationKind, "OrganizationKind", |_g| json_schema!({
    "type": "string",
    "enum": ["school", "authority", "школа", "орган управления образованием"]
}));

by_hand!(Status, "Status", |_g| json_schema!({
    "type": "string",
    "enum": ["done", "in_progress", "not_started", "postponed",
             "выполнено", "в работе", "не начато", "перенесено"]
}));

by_hand!(RoadmapLayout, "RoadmapLayout", |_g| json_schema!({
    "type": "string",
    "enum": ["sections", "stages", "strategies", "разделы", "этапы", "стратегии"]
}));

by_hand!(Deadline, "Deadline", |_g| json_schema!({
    "type": ["string", "integer"],
    "examples": ["до 03.06.2020", "сентябрь 2021 г.", "август – декабрь 2020 г.",
                 "в течение всего периода", "ежеквартально", "2022 г."]
}));

by_hand!(FormName, "FormName", |_g| json_schema!({
    "type": "string",
    "examples": crate::catalogue::forms::catalogue().iter().map(|f| f.title.clone()).collect::<Vec<_>>()
}));

by_hand!(Period, "Period", |g| {
    let date = date(g);
    json_schema!({
        "anyOf": [
            { "type": ["string", "integer"], "examples": ["2023/2024", "2020", "2020–2027"] },
            {
                "type": "object",
                "properties": { "from": date, "to": date },
                "required": ["from", "to"],
                "additionalProperties": false
            }
        ]
    })
});

by_hand!(Person, "Person", |_g| json_schema!({
    "anyOf": [
        { "type": "string", "examples": ["Иванова Н.В."] },
        {
            "type": "object",
            "properties": {
                "surname": { "type": "string" },
                "name": { "type": "string" },
                "patronymic": { "type": "string" },
                "position": { "type": "string" },
                "position_accusative": { "type": "string" }
            },
            "required": ["surname"],
            "additionalProperties": false
        }
    ]
}));

by_hand!(Responsible, "Responsible", |_g| json_schema!({
    "anyOf": [
        { "type": "string" },
        {
            "type": "object",
            "properties": {
                "person": { "type": "string" },
                "as": { "type": "string" },
                "note": { "type": "string" }
            },
            "required": ["person"],
            "additionalProperties": false
        }
    ]
}));

by_hand!(Evidence, "Evidence", |g| {
    let date = optional_date(g);
    json_schema!({
        "anyOf": [
            { "type": "string" },
            {
                "type": "object",
                "properties": {
                    "note": { "type": "string" },
                    "document": { "type": "string" },
                    "as": { "type": "string" },
                    "date": date,
                    "link": { "type": "string" }
                },
                "additionalProperties": false
            }
        ]
    })
});

by_hand!(TextBlock, "TextBlock", |_g| json_schema!({
    "anyOf": [
        { "type": "string" },
        {
            "type": "object",
            "properties": { "list": { "type": "array", "items": { "type": "string" } } },
            "required": ["list"],
            "additionalProperties": false
        },
        {
            "type": "object",
            "properties": { "numbered": { "type": "array", "items": { "type": "string" } } },
            "required": ["numbered"],
            "additionalProperties": false
        }
    ]
}));
