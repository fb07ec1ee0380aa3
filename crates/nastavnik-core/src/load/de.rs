//! The third phase of reading: the model deserialized from the positioned
//! tree, reading scalars as serde_yaml reads them (text wherever text is
//! wanted; `~`, `true`, `12`, `1.5` resolved where any value is taken).
//!
//! The text is parsed once: the tree the budgets were checked on is the one
//! read, so an alias cannot expand again behind the budgets' back, and every
//! error carries the node it happened at. Errors are typed ([`DeError`]);
//! serde's own complaints come through its trait methods, never as English text.

use std::fmt;

use serde::de::{
    self, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess, VariantAccess,
    Visitor,
};

use super::tree::{Kind, Node};

/// Why the model could not be read from the tree.
#[derive(Debug, Clone, PartialEq)]
pub enum DeErrorKind {
    /// The model's own message (Russian).
    Custom(String),
    /// A required field is missing.
    Missing(&'static str),
    /// A field the type does not have.
    UnknownField(String),
    /// A value of another shape.
    WrongType,
    /// A value the type does not allow.
    WrongValue,
    /// A word not among the allowed ones.
    UnknownVariant {
        /// What was written.
        value: String,
        /// What is allowed.
        allowed: &'static [&'static str],
    },
}

/// An error with the place it happened.
#[derive(Debug, Clone, PartialEq)]
pub struct DeError {
    /// What went wrong.
    pub kind: DeErrorKind,
    /// The node, once known.
    pub at: Option<(usize, usize)>,
}

impl DeError {
    fn placed(mut self, node: &Node) -> Self {
        self.at.get_or_insert(node.at());
        self
    }

    fn new(kind: DeErrorKind) -> Self {
        DeError { kind, at: None }
    }

    /// The error in Russian.
    pub fn russian(&self) -> String {
        match &self.kind {
            DeErrorKind::Custom(m) => m.clone(),
            DeErrorKind::Missing(f) => format!("не указано обязательное поле «{f}»"),
            DeErrorKind::UnknownField(f) => format!("неизвестное поле «{f}»"),
            DeErrorKind::WrongType => {
                "неверный тип значения: сравните с образцом (samples/school9-2020.yaml)".into()
            }
            DeErrorKind::WrongValue => {
                "недопустимое значение: сравните с образцом (samples/school9-2020.yaml)".into()
            }
            DeErrorKind::UnknownVariant { value, allowed } => format!(
                "«{value}» — недопустимое значение; допустимы: {}",
                allowed.join(", ")
            ),
        }
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.russian())
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError::new(DeErrorKind::Custom(msg.to_string()))
    }
    fn invalid_type(_: de::Unexpected, _: &dyn de::Expected) -> Self {
        DeError::new(DeErrorKind::WrongType)
    }
    fn invalid_value(_: de::Unexpected, _: &dyn de::Expected) -> Self {
        DeError::new(DeErrorKind::WrongValue)
    }
    fn invalid_length(_: usize, _: &dyn de::Expected) -> Self {
        DeError::new(DeErrorKind::WrongValue)
    }
    fn unknown_variant(variant: &str, allowed: &'static [&'static str]) -> Self {
        DeError::new(DeErrorKind::UnknownVariant {
            value: variant.to_string(),
            allowed,
        })
    }
    fn unknown_field(field: &str, _: &'static [&'static str]) -> Self {
        DeError::new(DeErrorKind::UnknownField(field.to_string()))
    }
    fn missing_field(field: &'static str) -> Self {
        DeError::new(DeErrorKind::Missing(field))
    }
    fn duplicate_field(_: &'static str) -> Self {
        DeError::new(DeErrorKind::WrongValue)
    }
}

/// Reads a `T` from a node.
pub fn from_node<T: de::DeserializeOwned>(node: &Node) -> Result<T, DeError> {
    T::deserialize(NodeDe(node))
}

/// A deserializer over one node.
#[derive(Clone, Copy)]
pub struct NodeDe<'n>(pub &'n Node);

/// A plain scalar as YAML 1.2 reads it.
enum Resolved {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Text,
}

fn resolve(text: &str, plain: bool) -> Resolved {
    if !plain {
        return Resolved::Text;
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Resolved::Null,
        "true" | "True" | "TRUE" => return Resolved::Bool(true),
        "false" | "False" | "FALSE" => return Resolved::Bool(false),
        ".nan" | ".NaN" | ".NAN" => return Resolved::Float(f64::NAN),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Resolved::Float(f64::INFINITY)
        }
        "-.inf" | "-.Inf" | "-.INF" => return Resolved::Float(f64::NEG_INFINITY),
        _ => {}
    }
    if let Some(i) = super::validate::integer(text) {
        return Resolved::Int(i);
    }
    let t = text.strip_prefix(['+', '-']).unwrap_or(text);
    if t.chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == '.')
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
    {
        if let Ok(f) = text.parse::<f64>() {
            return Resolved::Float(f);
        }
    }
    Resolved::Text
}

macro_rules! through_any {
    ($($name:ident)*) => {
        $(fn $name<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
            self.deserialize_any(visitor)
        })*
    };
}

impl<'de, 'n> de::Deserializer<'de> for NodeDe<'n> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let node = self.0;
        let result = match &node.kind {
            Kind::Scalar { text, plain } => match resolve(text, *plain) {
                Resolved::Null => visitor.visit_unit(),
                Resolved::Bool(b) => visitor.visit_bool(b),
                Resolved::Int(i) => match (u64::try_from(i), i64::try_from(i)) {
                    (Ok(u), _) => visitor.visit_u64(u),
                    (_, Ok(s)) => visitor.visit_i64(s),
                    _ => visitor.visit_f64(i as f64),
                },
                Resolved::Float(f) => visitor.visit_f64(f),
                Resolved::Text => visitor.visit_str(text),
            },
            Kind::List(items) => visitor.visit_seq(Seq {
                items: items.iter(),
            }),
            Kind::Map(entries) => visitor.visit_map(Map {
                entries: entries.iter(),
                value: None,
            }),
        };
        result.map_err(|e| e.placed(node))
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match &self.0.kind {
            // serde_yaml reads any scalar as text where text is wanted.
            Kind::Scalar { text, .. } => visitor
                .visit_str::<DeError>(text)
                .map_err(|e| e.placed(self.0)),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        if self.0.is_null() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
        .map_err(|e| e.placed(self.0))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor
            .visit_newtype_struct(self)
            .map_err(|e| e.placed(self.0))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let node = self.0;
        let result = match &node.kind {
            Kind::Scalar { text, .. } => visitor.visit_enum(
                IntoDeserializer::<DeError>::into_deserializer(text.as_str()),
            ),
            Kind::Map(entries) if entries.len() == 1 => visitor.visit_enum(Variant(&entries[0])),
            _ => Err(de::Error::invalid_type(
                de::Unexpected::Other("value"),
                &visitor,
            )),
        };
        result.map_err(|e| e.placed(node))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_any(visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_any(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_any(visitor)
    }

    through_any! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_u128 deserialize_f32 deserialize_f64 deserialize_bytes
        deserialize_byte_buf deserialize_unit deserialize_seq deserialize_map
    }
}

struct Seq<'n> {
    items: std::slice::Iter<'n, Node>,
}

impl<'de> SeqAccess<'de> for Seq<'_> {
    type Error = DeError;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        match self.items.next() {
            Some(node) => seed
                .deserialize(NodeDe(node))
                .map(Some)
                .map_err(|e| e.placed(node)),
            None => Ok(None),
        }
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Map<'n> {
    entries: std::slice::Iter<'n, (Node, Node)>,
    value: Option<&'n Node>,
}

impl<'de> MapAccess<'de> for Map<'_> {
    type Error = DeError;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        match self.entries.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(NodeDe(key))
                    .map(Some)
                    .map_err(|e| e.placed(key))
            }
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let node = self
            .value
            .take()
            .ok_or_else(|| DeError::new(DeErrorKind::WrongValue))?;
        seed.deserialize(NodeDe(node)).map_err(|e| e.placed(node))
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

struct Variant<'n>(&'n (Node, Node));

impl<'de, 'n> EnumAccess<'de> for Variant<'n> {
    type Error = DeError;
    type Variant = NodeDe<'n>;
    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, NodeDe<'n>), DeError> {
        let (key, value) = self.0;
        let v = seed.deserialize(NodeDe(key))?;
        Ok((v, NodeDe(value)))
    }
}

impl<'de> VariantAccess<'de> for NodeDe<'_> {
    type Error = DeError;
    fn unit_variant(self) -> Result<(), DeError> {
        Ok(())
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, DeError> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, DeError> {
        de::Deserializer::deserialize_any(self, visitor)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        de::Deserializer::deserialize_any(self, visitor)
    }
}
