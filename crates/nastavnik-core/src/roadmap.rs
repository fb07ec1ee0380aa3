//! The roadmap (дорожная карта, план мероприятий): numbered sections of items.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::Deadline;

/// A roadmap: a title and numbered sections of items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Roadmap {
    /// What the plan is about, after «План мероприятий (дорожная карта)»:
    /// «внедрения методологии наставничества … на 2020 год».
    pub subject: String,
    /// The full title, when it does not start with «План мероприятий (дорожная карта)».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Sections, numbered 1., 2., … in order.
    pub sections: Vec<RoadmapSection>,
}

impl Roadmap {
    /// The title as it heads the document: «План мероприятий (дорожная карта) …».
    pub fn title(&self) -> String {
        match &self.title {
            Some(t) => t.clone(),
            None => format!("План мероприятий (дорожная карта) {}", self.subject.trim()),
        }
    }

    /// Every item with its number («1.1», «6.5.1»), depth first.
    pub fn numbered_items(&self) -> Vec<(String, &RoadmapItem)> {
        fn walk<'a>(
            prefix: &str,
            items: &'a [RoadmapItem],
            out: &mut Vec<(String, &'a RoadmapItem)>,
        ) {
            for (i, item) in items.iter().enumerate() {
                let number = format!("{prefix}.{}", i + 1);
                out.push((number.clone(), item));
                walk(&number, &item.items, out);
            }
        }
        let mut out = Vec::new();
        for (i, section) in self.sections.iter().enumerate() {
            walk(&(i + 1).to_string(), &section.items, &mut out);
        }
        out
    }
}

/// A numbered section of a roadmap: «1. Нормативное правовое регулирование …».
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RoadmapSection {
    /// The section's title.
    pub title: String,
    /// Its items, numbered «1.1», «1.2» …
    #[serde(default)]
    pub items: Vec<RoadmapItem>,
}

/// One activity of a roadmap. Any field but the title may be empty, as in the
/// seeds, where many cells are blank.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RoadmapItem {
    /// What is done: «Назначение кураторов внедрения …».
    pub title: String,
    /// Points listed under the title with dashes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
    /// When it is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Deadline>,
    /// Who answers for it, in order.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub responsible: Vec<Responsible>,
    /// The result and kind of document, one paragraph per line.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub result: Vec<String>,
    /// Sub-items, numbered «6.5.1», «6.5.2» …
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<RoadmapItem>,
}

/// Who answers for a roadmap item.
///
/// In YAML: a plain string is a role or an organisation written as is
/// («наставники», «ГБОУ ДПО НИРО»); `{person: id, as: "Куратор ЦМН –
/// заместитель директора"}` names one of the organisation's people.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Responsible {
    /// A role or an organisation, written as is.
    Text(String),
    /// One of the people listed under `people`.
    Person {
        /// The key of the person under `people`.
        person: String,
        /// How the person is introduced; the position when absent.
        #[serde(rename = "as", skip_serializing_if = "Option::is_none")]
        role: Option<String>,
        /// Words after the name: «(в рамках компетенции)».
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonResponsible {
    person: String,
    #[serde(rename = "as", default)]
    role: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

impl<'de> Deserialize<'de> for Responsible {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Responsible;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("строку (роль, организация) или {person: ключ, as: роль}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Responsible, E> {
                Ok(Responsible::Text(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Responsible, A::Error> {
                let p = PersonResponsible::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Responsible::Person {
                    person: p.person,
                    role: p.role,
                    note: p.note,
                })
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// Accepts one value or a list of values.
fn one_or_many<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct V<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("значение или список значений")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut out = Vec::new();
            while let Some(v) = seq.next_element()? {
                out.push(v);
            }
            Ok(out)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<T>, E> {
            T::deserialize(de::value::StrDeserializer::new(v)).map(|t| vec![t])
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Vec<T>, A::Error> {
            T::deserialize(de::value::MapAccessDeserializer::new(map)).map(|t| vec![t])
        }
        fn visit_unit<E: de::Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
    }
    deserializer.deserialize_any(V(std::marker::PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_has_three_levels() {
        let yaml = r#"
subject: "на 2020 год"
sections:
  - title: Первый
    items:
      - title: a
      - title: b
        items: [{title: c}, {title: d}]
  - title: Второй
    items: [{title: e, responsible: наставники, result: Итог}]
"#;
        let r: Roadmap = serde_yaml::from_str(yaml).unwrap();
        let numbers: Vec<_> = r.numbered_items().into_iter().map(|(n, _)| n).collect();
        assert_eq!(numbers, ["1.1", "1.2", "1.2.1", "1.2.2", "2.1"]);
        assert_eq!(r.title(), "План мероприятий (дорожная карта) на 2020 год");
        let e = &r.sections[1].items[0];
        assert_eq!(e.responsible, vec![Responsible::Text("наставники".into())]);
        assert_eq!(e.result, vec!["Итог".to_string()]);
    }
}
