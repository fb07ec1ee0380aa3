//! The second phase of reading: the whole tree checked against the JSON
//! Schema the model's types generate ([`super::schema`]), every mistake at
//! once, each a typed [`Mistake`] put into Russian by a `match`.
//!
//! The schema is the one source of truth: a field added to the model is
//! known here as soon as it is in the schema. Values the model reads by hand
//! (deadlines, periods, people, dates) are then read one by one with the
//! model's own code, so that each wrong value is reported at its place.

use std::sync::OnceLock;

use serde_json::Value;

use super::tree::{Kind, Node};

/// What YAML holds in a place, or what the schema wants there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Nothing (`~`, empty).
    Null,
    /// `true` or `false`.
    Bool,
    /// A whole number.
    Integer,
    /// A number.
    Number,
    /// Text.
    Text,
    /// A list.
    List,
    /// A map of fields.
    Map,
}

impl Shape {
    /// The shape's name in Russian.
    fn russian(self) -> &'static str {
        match self {
            Shape::Null => "пустое значение",
            Shape::Bool => "да/нет (true/false)",
            Shape::Integer => "целое число",
            Shape::Number => "число",
            Shape::Text => "строка",
            Shape::List => "список",
            Shape::Map => "набор полей (ключ: значение)",
        }
    }
}

/// One structural mistake.
#[derive(Debug, Clone, PartialEq)]
pub enum Mistake {
    /// A key the schema does not know here.
    UnknownKey {
        /// The key.
        key: String,
        /// The keys allowed here: required first, then the rest.
        allowed: Vec<String>,
    },
    /// A required field that is not there.
    Missing {
        /// The field.
        name: String,
    },
    /// A value of the wrong shape.
    WrongType {
        /// What is there.
        found: Shape,
        /// The value as written, for text and numbers.
        value: Option<String>,
        /// What is wanted.
        expected: Vec<Shape>,
    },
    /// A value not in the allowed list.
    UnknownValue {
        /// The value.
        value: String,
        /// The allowed values.
        allowed: Vec<String>,
    },
    /// A number outside its range.
    OutOfRange {
        /// The number as written.
        value: String,
        /// The smallest allowed.
        min: Option<i128>,
        /// The largest allowed.
        max: Option<i128>,
    },
    /// A key that is a list or a map.
    ComplexKey,
    /// A value the model's own reading refused, with its Russian reason.
    Value(String),
}

impl Mistake {
    /// The mistake in Russian, with how to fix it.
    pub fn russian(&self) -> String {
        match self {
            Mistake::UnknownKey { key, allowed } if allowed.is_empty() => {
                format!("неизвестное поле «{key}»: здесь полей не ожидается")
            }
            Mistake::UnknownKey { key, allowed } => {
                let close = close(key, allowed);
                if close.is_empty() {
                    format!("неизвестное поле «{key}»; допустимые поля: {}", allowed.join(", "))
                } else {
                    format!(
                        "неизвестное поле «{key}»; может быть, {}? Допустимые поля: {}",
                        close.join(" или "),
                        allowed.join(", ")
                    )
                }
            }
            Mistake::Missing { name } => format!("не указано обязательное поле «{name}»"),
            Mistake::WrongType {
                found,
                value,
                expected,
            } => {
                let found = match (found, value) {
                    (Shape::Text, Some(v)) => format!("строка \"{}\"", shorten(v)),
                    (Shape::Integer | Shape::Number, Some(v)) => format!("число {v}"),
                    (shape, _) => shape.russian().to_string(),
                };
                let expected: Vec<&str> = expected.iter().map(|s| s.russian()).collect();
                format!(
                    "неверный тип: здесь {found}, а ожидается {}",
                    expected.join(" или ")
                )
            }
            Mistake::UnknownValue { value, allowed } => format!(
                "недопустимое значение «{}»; допустимые: {}",
                shorten(value),
                allowed.join(", ")
            ),
            Mistake::OutOfRange { value, min, max } => match (min, max) {
                (Some(min), Some(max)) => {
                    format!("число {value} вне допустимого: от {min} до {max}")
                }
                (Some(min), None) => format!("число {value} меньше допустимого: не меньше {min}"),
                (None, Some(max)) => format!("число {value} больше допустимого: не больше {max}"),
                (None, None) => format!("число {value} вне допустимого"),
            },
            Mistake::ComplexKey => {
                "ключ здесь — список или набор полей, а должен быть словом: проверьте двоеточия и отступы".into()
            }
            Mistake::Value(message) => message.clone(),
        }
    }
}

/// A long value cut for a message.
fn shorten(value: &str) -> String {
    if value.chars().count() <= 60 {
        value.to_string()
    } else {
        format!("{}…", value.chars().take(60).collect::<String>())
    }
}

/// The allowed keys nearest to a mistyped one (at most three).
fn close(key: &str, allowed: &[String]) -> Vec<String> {
    let key: Vec<char> = key.to_lowercase().chars().collect();
    let mut scored: Vec<(usize, &String)> = allowed
        .iter()
        .map(|a| {
            let a_chars: Vec<char> = a.chars().collect();
            (distance(&key, &a_chars), a)
        })
        .filter(|(d, _)| *d <= (key.len() / 3).max(2))
        .collect();
    scored.sort();
    // Only the nearest: «dat» gets «date», not «as» too.
    let best = scored.first().map_or(0, |(d, _)| *d);
    scored
        .into_iter()
        .take_while(|(d, _)| *d == best)
        .take(3)
        .map(|(_, a)| a.clone())
        .collect()
}

/// Levenshtein distance; long words are not compared (hints need no more).
fn distance(a: &[char], b: &[char]) -> usize {
    if a.len() > 64 || b.len() > 64 {
        return usize::MAX;
    }
    crate::check::edit_distance(a, b)
}

/// A mistake with its place.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The field's path: «roadmap.sections[0].title».
    pub field: String,
    /// Line and column.
    pub at: (usize, usize),
    /// What is wrong.
    pub mistake: Mistake,
}

/// The schema, built once.
fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(super::schema::json_schema)
}

/// Every structural mistake of the document `root`, values the model reads
/// by hand (deadlines, periods, people) included.
pub fn validate(root: &Node) -> Vec<Found> {
    walk(root, true)
}

/// The mistakes of shape only: types, fields, allowed values — not the
/// values read by hand, which reading the model reads anyway. For a file
/// that is right (the usual case) this and reading the model is all.
pub fn validate_shapes(root: &Node) -> Vec<Found> {
    walk(root, false)
}

fn walk(root: &Node, by_hand: bool) -> Vec<Found> {
    let schema = schema();
    let mut walker = Walker {
        definitions: schema.get("definitions"),
        found: Vec::new(),
        by_hand,
    };
    walker.walk(root, schema, &mut String::new());
    walker.found
}

struct Walker<'s> {
    definitions: Option<&'s Value>,
    found: Vec<Found>,
    /// Whether values the model reads by hand are read here too.
    by_hand: bool,
}

/// How YAML reads a plain scalar (YAML 1.2 core schema, as serde_yaml does).
fn scalar_shape(node: &Node) -> Shape {
    let Kind::Scalar { text, plain } = &node.kind else {
        return match node.kind {
            Kind::List(_) => Shape::List,
            _ => Shape::Map,
        };
    };
    if !plain {
        return Shape::Text;
    }
    if node.is_null() {
        return Shape::Null;
    }
    if matches!(
        text.as_str(),
        "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
    ) {
        return Shape::Bool;
    }
    if integer(text).is_some() {
        return Shape::Integer;
    }
    let t = text.strip_prefix(['+', '-']).unwrap_or(text);
    let float = matches!(t, ".inf" | ".Inf" | ".INF")
        || matches!(text.as_str(), ".nan" | ".NaN" | ".NAN")
        || (t
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == '.')
            && t.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
            && t.parse::<f64>().is_ok());
    if float {
        Shape::Number
    } else {
        Shape::Text
    }
}

/// A plain scalar as a whole number: decimal, `0x…` or `0o…`.
pub(crate) fn integer(text: &str) -> Option<i128> {
    let (sign, t) = match text.strip_prefix('-') {
        Some(t) => (-1, t),
        None => (1, text.strip_prefix('+').unwrap_or(text)),
    };
    let value = if let Some(hex) = t.strip_prefix("0x") {
        i128::from_str_radix(hex, 16).ok()?
    } else if let Some(oct) = t.strip_prefix("0o") {
        i128::from_str_radix(oct, 8).ok()?
    } else if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        t.parse::<i128>().ok()?
    } else {
        return None;
    };
    Some(sign * value)
}

/// Whether a value of shape `found` satisfies a schema type name.
fn fits(found: Shape, wanted: &str) -> bool {
    match wanted {
        // serde_yaml reads any scalar as text where text is wanted.
        "string" => !matches!(found, Shape::List | Shape::Map),
        "integer" => found == Shape::Integer,
        "number" => matches!(found, Shape::Integer | Shape::Number),
        "boolean" => found == Shape::Bool,
        "null" => found == Shape::Null,
        "array" => found == Shape::List,
        "object" => found == Shape::Map,
        _ => true,
    }
}

fn shape_of_type(wanted: &str) -> Option<Shape> {
    Some(match wanted {
        "string" => Shape::Text,
        "integer" => Shape::Integer,
        "number" => Shape::Number,
        "boolean" => Shape::Bool,
        "null" => Shape::Null,
        "array" => Shape::List,
        "object" => Shape::Map,
        _ => return None,
    })
}

/// The type names a schema allows at its top, if it says.
fn types(schema: &Value) -> Option<Vec<&str>> {
    match schema.get("type")? {
        Value::String(t) => Some(vec![t.as_str()]),
        Value::Array(ts) => Some(ts.iter().filter_map(Value::as_str).collect()),
        _ => None,
    }
}

fn push_key(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl<'s> Walker<'s> {
    fn mistake(&mut self, node: &Node, field: &str, mistake: Mistake) {
        self.found.push(Found {
            field: field.to_string(),
            at: node.at(),
            mistake,
        });
    }

    /// Follows `$ref`s: the schema and the definition's name, if any.
    fn resolve(&self, schema: &'s Value) -> (&'s Value, Option<&'s str>) {
        let mut schema = schema;
        let mut name = None;
        for _ in 0..16 {
            let Some(target) = schema.get("$ref").and_then(Value::as_str) else {
                break;
            };
            let Some(def) = target.strip_prefix("#/definitions/") else {
                break;
            };
            match self.definitions.and_then(|d| d.get(def)) {
                Some(s) => {
                    schema = s;
                    name = Some(def);
                }
                None => break,
            }
        }
        (schema, name)
    }

    /// Checks `node` against `schema`; mistakes go to `self.found`.
    fn walk(&mut self, node: &Node, schema: &'s Value, path: &mut String) {
        let (schema, name) = self.resolve(schema);
        let before = self.found.len();
        if let Some(Value::Array(all)) = schema.get("allOf") {
            for s in all {
                self.walk(node, s, path);
            }
        }
        let alternatives = schema
            .get("anyOf")
            .or_else(|| schema.get("oneOf"))
            .and_then(Value::as_array);
        if let Some(alts) = alternatives {
            self.alternatives(node, alts, path);
        } else {
            self.single(node, schema, path);
        }
        // A value the model reads by hand: read it now, if its shape was right.
        if self.by_hand && self.found.len() == before {
            if let Some(message) = name.and_then(|n| read_by_hand(n, node)) {
                self.mistake(node, path, Mistake::Value(message));
            }
        }
    }

    /// Several allowed forms: the one that fits the value's shape best.
    fn alternatives(&mut self, node: &Node, alts: &'s [Value], path: &mut String) {
        let found = scalar_shape(node);
        let mut fitting: Vec<&'s Value> = Vec::new();
        let mut expected: Vec<Shape> = Vec::new();
        for alt in alts {
            let (resolved, _) = self.resolve(alt);
            let Some(ts) = types(resolved).or_else(|| {
                // An alternative without a type (a nested anyOf): try it.
                Some(vec![])
            }) else {
                continue;
            };
            if ts.is_empty() || ts.iter().any(|t| fits(found, t)) {
                fitting.push(alt);
            }
            expected.extend(ts.iter().filter_map(|t| shape_of_type(t)));
        }
        match fitting.as_slice() {
            [] => {
                expected.dedup();
                // «null» is how an optional field is written out, not what the author should write.
                expected.retain(|s| *s != Shape::Null);
                self.mistake(
                    node,
                    path,
                    Mistake::WrongType {
                        found,
                        value: node.text().map(str::to_string),
                        expected,
                    },
                );
            }
            [only] => self.walk(node, only, path),
            several => {
                // The first that reads without a mistake, else the one with fewest.
                let mut best: Option<Vec<Found>> = None;
                for alt in several {
                    let mut trial = Walker {
                        definitions: self.definitions,
                        found: Vec::new(),
                        by_hand: self.by_hand,
                    };
                    trial.walk(node, alt, path);
                    if trial.found.is_empty() {
                        return;
                    }
                    if best.as_ref().is_none_or(|b| trial.found.len() < b.len()) {
                        best = Some(trial.found);
                    }
                }
                self.found.extend(best.unwrap_or_default());
            }
        }
    }

    /// One form: type, allowed values, fields, items.
    fn single(&mut self, node: &Node, schema: &'s Value, path: &mut String) {
        let found = scalar_shape(node);
        if let Some(ts) = types(schema) {
            if !ts.iter().any(|t| fits(found, t)) {
                let mut expected: Vec<Shape> = ts.iter().filter_map(|t| shape_of_type(t)).collect();
                if expected.contains(&Shape::Text) {
                    // Text where numbers are also taken as text: say «строка».
                    expected.retain(|s| !matches!(s, Shape::Number | Shape::Integer));
                }
                expected.retain(|s| *s != Shape::Null);
                self.mistake(
                    node,
                    path,
                    Mistake::WrongType {
                        found,
                        value: node.text().map(str::to_string),
                        expected,
                    },
                );
                return;
            }
        }
        if let (Some(Value::Array(allowed)), Some(text)) = (schema.get("enum"), node.text()) {
            if !node.is_null() && !allowed.iter().any(|a| a.as_str() == Some(text)) {
                let allowed = allowed
                    .iter()
                    .filter_map(|a| a.as_str().map(str::to_string))
                    .collect();
                self.mistake(
                    node,
                    path,
                    Mistake::UnknownValue {
                        value: text.to_string(),
                        allowed,
                    },
                );
                return;
            }
        }
        if found == Shape::Integer {
            self.range(node, schema, path);
        }
        if schema.get("pattern").is_some() && found != Shape::Null {
            if let Some(text) = node.text() {
                // The only patterns are dates: read it as the model reads a date.
                if let Err(message) = crate::russian::dates::parse_date(text) {
                    self.mistake(node, path, Mistake::Value(message));
                }
            }
        }
        match &node.kind {
            Kind::Map(entries) => self.map(node, entries, schema, path),
            Kind::List(items) => {
                if let Some(item_schema) = schema.get("items") {
                    for (i, item) in items.iter().enumerate() {
                        let len = path.len();
                        path.push_str(&format!("[{i}]"));
                        self.walk(item, item_schema, path);
                        path.truncate(len);
                    }
                }
            }
            Kind::Scalar { .. } => {}
        }
    }

    fn range(&mut self, node: &Node, schema: &Value, path: &str) {
        let Some(value) = node.text().and_then(integer) else {
            return;
        };
        let bound = |key: &str| schema.get(key).and_then(Value::as_f64).map(|f| f as i128);
        let mut min = bound("minimum");
        let mut max = bound("maximum");
        match schema.get("format").and_then(Value::as_str) {
            Some("uint8") => max = max.or(Some(u8::MAX.into())),
            Some("uint16") => max = max.or(Some(u16::MAX.into())),
            Some("uint32" | "uint") => max = max.or(Some(u32::MAX.into())),
            Some("uint64") => max = max.or(Some(u64::MAX.into())),
            Some("int32") => {
                min = min.or(Some(i32::MIN.into()));
                max = max.or(Some(i32::MAX.into()));
            }
            _ => {}
        }
        // Only the side that is crossed is named: «не меньше 0», not u32's upper end.
        let (min, max) = match (min, max) {
            (Some(m), _) if value < m => (Some(m), None),
            (_, Some(m)) if value > m => (None, Some(m)),
            _ => return,
        };
        self.mistake(
            node,
            path,
            Mistake::OutOfRange {
                value: node.text().unwrap_or_default().to_string(),
                min,
                max,
            },
        );
    }

    fn map(&mut self, node: &Node, entries: &[(Node, Node)], schema: &'s Value, path: &mut String) {
        let properties = schema.get("properties").and_then(Value::as_object);
        let additional = schema.get("additionalProperties");
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for (key, value) in entries {
            let Some(name) = key.text() else {
                self.mistake(key, path, Mistake::ComplexKey);
                continue;
            };
            let len = path.len();
            *path = push_key(path, name);
            match (properties.and_then(|p| p.get(name)), additional) {
                (Some(sub), _) => self.walk(value, sub, path),
                (None, Some(Value::Bool(false))) => {
                    let mut allowed: Vec<String> = required.iter().map(|r| r.to_string()).collect();
                    allowed.extend(
                        properties
                            .into_iter()
                            .flat_map(|p| p.keys())
                            .filter(|k| !required.contains(&k.as_str()))
                            .cloned(),
                    );
                    self.mistake(
                        key,
                        path,
                        Mistake::UnknownKey {
                            key: name.to_string(),
                            allowed,
                        },
                    );
                }
                (None, Some(sub @ Value::Object(_))) => self.walk(value, sub, path),
                (None, _) => {}
            }
            path.truncate(len);
        }
        for name in required {
            if !entries.iter().any(|(k, _)| k.text() == Some(name)) {
                let field = push_key(path, name);
                self.mistake(
                    node,
                    &field,
                    Mistake::Missing {
                        name: name.to_string(),
                    },
                );
            }
        }
    }
}

/// Reads a value of a type the model reads by hand, with the model's own
/// code: its Russian refusal, if it refuses.
fn read_by_hand(definition: &str, node: &Node) -> Option<String> {
    use crate::model::progress::Evidence;
    use crate::model::report::TextBlock;
    use crate::model::roadmap::Period;
    use crate::{Deadline, Person, Responsible};
    fn read<T: serde::de::DeserializeOwned>(node: &Node) -> Option<String> {
        let err = super::de::from_node::<T>(node).err()?;
        Some(err.russian())
    }
    match definition {
        "Deadline" => read::<Deadline>(node),
        "Period" => read::<Period>(node),
        "Person" => read::<Person>(node),
        "Responsible" => read::<Responsible>(node),
        "Evidence" => read::<Evidence>(node),
        "TextBlock" => read::<TextBlock>(node),
        _ => None,
    }
}
