//! Changes to a document's default text, written in YAML: the points of an
//! order, the sections and clauses of a положение or a программа, the
//! annexes of an order, its working group and the word naming the curator.
//!
//! A template marks each default point and section with a key (`start`,
//! `roadmap`, `curator` …); a point without a key is addressed by its number
//! in the default text («3.2»). The edits are applied to the document after
//! its template has run, and numbers are computed afterwards, so a dropped
//! point leaves no gap.
//!
//! ```
//! let yaml = r#"
//! kind: school
//! name: Школа № 1
//! head: { surname: Иванова, name: Анна, patronymic: Петровна, position: Директор }
//! orders:
//!   implementation:
//!     number: "12"
//!     date: 2024-09-02
//!     role: координатор
//!     points:
//!       drop: [publish]
//!       insert:
//!         - after: start
//!           text: Провести родительские собрания.
//!           points: [в 5–9 классах;, в 10–11 классах.]
//! "#;
//! let school = nastavnik_core::from_yaml_str(yaml, "s.yaml").unwrap();
//! let order = school.orders.implementation.as_ref().unwrap();
//! let points = order.points.as_ref().unwrap();
//! assert_eq!(points.insert[0].points.len(), 2);
//! assert_eq!(order.role, Some(nastavnik_core::RoleWord::Coordinator));
//! ```

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::model::report::TextBlock;

/// Changes to numbered points (clauses): each names a point by its key in
/// the template (`curator`) or by its number in the default text («2.1»).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct PointEdits {
    /// Points to leave out, with their sub-points.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drop: Vec<String>,
    /// Points whose text (and sub-points) the YAML gives instead.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub replace: BTreeMap<String, Point>,
    /// New points, each after or before a point.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub insert: Vec<Insertion>,
    /// Points in a new order: the named points (siblings) take the places
    /// they held, in this order; the others stay where they are.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order: Vec<String>,
}

impl PointEdits {
    /// Whether the edits change nothing.
    pub fn is_empty(&self) -> bool {
        self.drop.is_empty()
            && self.replace.is_empty()
            && self.insert.is_empty()
            && self.order.is_empty()
    }
}

/// A point written in YAML: its text, sub-points and the annex it refers to.
/// In YAML a string is a point without sub-points.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Point {
    /// The text as written: data, never markup.
    pub text: String,
    /// Sub-points, numbered under this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<Point>,
    /// The key of an annex this point refers to: «(приложение N)» is added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annex: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PointFields {
    text: String,
    #[serde(default)]
    points: Vec<Point>,
    #[serde(default)]
    annex: Option<String>,
}

impl<'de> Deserialize<'de> for Point {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Point;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("текст пункта строкой или {text: …, points: [подпункты]}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Point, E> {
                Ok(Point {
                    text: v.to_string(),
                    ..Point::default()
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Point, A::Error> {
                let f = PointFields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Point {
                    text: f.text,
                    points: f.points,
                    annex: f.annex,
                })
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl JsonSchema for Point {
    fn schema_name() -> Cow<'static, str> {
        "Point".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "properties": {
                        "text": { "type": "string" },
                        "points": { "type": "array", "items": { "$ref": "#/definitions/Point" } },
                        "annex": { "type": "string" }
                    },
                    "required": ["text"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

/// A new point and where it goes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Insertion {
    /// The point after which it goes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// The point before which it goes (instead of `after`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// A key of its own, for `order` and for later insertions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Its text, as written.
    pub text: String,
    /// Its sub-points.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<Point>,
    /// The key of an annex it refers to: «(приложение N)» is added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annex: Option<String>,
}

impl Insertion {
    /// The point it inserts.
    pub fn point(&self) -> Point {
        Point {
            text: self.text.clone(),
            points: self.points.clone(),
            annex: self.annex.clone(),
        }
    }
}

/// Changes to the numbered sections of a положение or a программа, by the
/// key the template gives each (`general`, `goals` …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct SectionEdits {
    /// Sections to leave out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drop: Vec<String>,
    /// Sections whose title and text the YAML gives instead.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub replace: BTreeMap<String, NewSection>,
    /// New sections, each after or before a section.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub insert: Vec<SectionInsertion>,
    /// Sections in a new order: the named ones take the places they held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order: Vec<String>,
}

impl SectionEdits {
    /// Whether the edits change nothing.
    pub fn is_empty(&self) -> bool {
        self.drop.is_empty()
            && self.replace.is_empty()
            && self.insert.is_empty()
            && self.order.is_empty()
    }
}

/// A section written in YAML: a title, paragraphs, numbered clauses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct NewSection {
    /// The title without its number: «Общие положения».
    pub title: String,
    /// Paragraphs before the clauses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text: Vec<String>,
    /// Clauses, numbered «N.1.», «N.2.» …, each with its sub-clauses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<Point>,
}

/// A new section and where it goes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct SectionInsertion {
    /// The section after which it goes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// The section before which it goes (instead of `after`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// A key of its own, for `order` and for later insertions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The title without its number.
    pub title: String,
    /// Paragraphs before the clauses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text: Vec<String>,
    /// Clauses with their sub-clauses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<Point>,
}

impl SectionInsertion {
    /// The section it inserts.
    pub fn section(&self) -> NewSection {
        NewSection {
            title: self.title.clone(),
            text: self.text.clone(),
            clauses: self.clauses.clone(),
        }
    }
}

/// The word an order names the person in charge of the model with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default, Hash)]
pub enum RoleWord {
    /// «куратор внедрения целевой модели наставничества» (the default).
    #[default]
    #[serde(rename = "куратор", alias = "curator")]
    Curator,
    /// «координатор внедрения целевой модели наставничества».
    #[serde(rename = "координатор", alias = "coordinator")]
    Coordinator,
    /// «ответственный за внедрение целевой модели наставничества».
    #[serde(rename = "ответственный", alias = "responsible")]
    Responsible,
}

/// A working group (рабочая группа) an order creates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct WorkingGroup {
    /// What the group is for, after «рабочую группу»: «по внедрению целевой
    /// модели наставничества» when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// The key of its head under `people`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<String>,
    /// Keys of its members under `people` (the head may be among them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
}

/// An annex of an order: one the data builds (`roadmap`, `provision`,
/// `working_group`, `pairs`, `programme`), or a text of the YAML's own.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Annex {
    /// An annex the data builds, by its kind.
    Built(String),
    /// A text annex.
    Text(TextAnnex),
}

/// An annex of the YAML's own: a title and its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct TextAnnex {
    /// Its key, for `annex:` of a point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Its heading.
    pub title: String,
    /// Paragraphs, dash lists and numbered lists.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text: Vec<TextBlock>,
}

impl<'de> Deserialize<'de> for Annex {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Annex;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "вид приложения строкой (roadmap, working_group …) или {title: …, text: […]}",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Annex, E> {
                Ok(Annex::Built(v.trim().to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Annex, A::Error> {
                TextAnnex::deserialize(de::value::MapAccessDeserializer::new(map)).map(Annex::Text)
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl JsonSchema for Annex {
    fn schema_name() -> Cow<'static, str> {
        "Annex".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let text = g.subschema_for::<TextAnnex>();
        json_schema!({
            "anyOf": [
                { "type": "string", "examples": ["roadmap", "provision", "working_group", "pairs", "programme"] },
                text
            ]
        })
    }
}

/// Checks what the edits of the orders name outside themselves: the people
/// of a working group exist, and fields for an approved document stand in
/// the order approving it. `report(field, message, is_error)`.
pub(crate) fn check_orders(
    org: &crate::Organization,
    report: &mut dyn FnMut(String, String, bool),
) {
    let o = &org.orders;
    for (name, order) in o.by_name() {
        let Some(order) = order else { continue };
        let approves = matches!(name, "provision" | "programme");
        if let Some(group) = &order.working_group {
            let here = format!("orders.{name}.working_group");
            let keys = group
                .head
                .iter()
                .map(|k| (format!("{here}.head"), k))
                .chain(
                    group
                        .members
                        .iter()
                        .enumerate()
                        .map(|(i, k)| (format!("{here}.members[{i}]"), k)),
                );
            for (field, key) in keys {
                if !org.people.contains_key(key.trim()) {
                    report(
                        field,
                        format!("человек с ключом «{key}» не найден в разделе people; добавьте его туда или исправьте ключ"),
                        true,
                    );
                }
            }
            if group.head.is_none() && group.members.is_empty() {
                report(
                    here,
                    "в рабочей группе никого нет: укажите head и members — ключи из people".into(),
                    true,
                );
            }
        }
        // orders.provision and orders.programme are orders too (order-provision,
        // order-programme): their working group, annexes and role word print
        // there; only the fields of the document they approve are misplaced
        // on the other orders.
        if !approves {
            for (field, present) in [
                ("sections", order.sections.is_some()),
                ("document_title", order.document_title.is_some()),
            ] {
                if present {
                    let message = format!("поле {field} здесь ни на что не влияет: оно действует только в orders.provision и orders.programme");
                    report(format!("orders.{name}.{field}"), message, false);
                }
            }
        }
    }
}
