//! The forms and kinds of mentoring of pedagogical workers (the system of the
//! joint letter of 21.12.2021 № АЗ-1128/08/657), kept as data like the
//! forms of Р-145 and normalised the same way.

use std::borrow::Cow;
use std::fmt;
use std::sync::LazyLock;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::catalogue::forms::normalize;

/// The catalogue shipped with nastavnik: `data/teachers.yaml`.
pub const CATALOGUE_YAML: &str = include_str!("../../data/teachers.yaml");

/// A role model «наставник – наставляемый» of teachers' mentoring.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeacherForm {
    /// «педагог – молодой специалист».
    pub title: String,
    /// Who mentors.
    pub mentor: String,
    /// Who is mentored.
    pub mentee: String,
    /// Other spellings of the same form.
    #[serde(default)]
    pub synonyms: Vec<String>,
    /// What the form is for, as the положение describes it.
    pub description: String,
}

/// A kind (вид) of mentoring: traditional, group, reverse, distance …
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MentoringKind {
    /// «реверсивное».
    pub title: String,
    /// Other spellings.
    #[serde(default)]
    pub synonyms: Vec<String>,
    /// What it is.
    pub description: String,
}

/// The whole catalogue.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Role models.
    pub forms: Vec<TeacherForm>,
    /// Kinds.
    pub kinds: Vec<MentoringKind>,
}

/// The shipped catalogue.
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
        serde_yaml::from_str(CATALOGUE_YAML).expect("the shipped teachers' catalogue is valid")
    });
    &CATALOGUE
}

fn matches(title: &str, synonyms: &[String], wanted: &str) -> bool {
    normalize(title) == wanted || synonyms.iter().any(|s| normalize(s) == wanted)
}

/// The role model for a spelling, synonyms included.
///
/// ```
/// use nastavnik_core::catalogue::teachers::find_form;
/// assert_eq!(find_form("Педагог-молодой специалист").unwrap().title, "педагог – молодой специалист");
/// ```
pub fn find_form(text: &str) -> Option<&'static TeacherForm> {
    let wanted = normalize(text);
    catalogue()
        .forms
        .iter()
        .find(|f| matches(&f.title, &f.synonyms, &wanted))
}

/// The kind for a spelling, synonyms included: «дистанционное» → «виртуальное (дистанционное)».
pub fn find_kind(text: &str) -> Option<&'static MentoringKind> {
    let wanted = normalize(text);
    catalogue()
        .kinds
        .iter()
        .find(|k| matches(&k.title, &k.synonyms, &wanted))
}

/// The known title closest to an unknown spelling, for «возможно, вы имели в виду …».
pub fn closest<'a>(text: &str, titles: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let wanted: Vec<char> = normalize(text).chars().collect();
    titles
        .map(|t| {
            (
                crate::check::edit_distance(&wanted, &t.chars().collect::<Vec<_>>()),
                t,
            )
        })
        .filter(|(d, t)| *d <= 4.max(t.chars().count() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, t)| t)
}

macro_rules! catalogue_name {
    ($(#[$doc:meta])* $name:ident, $find:ident, $list:ident, $schema:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub struct $name(pub String);

        impl $name {
            /// Reads and normalises a spelling; a synonym becomes the catalogue's title.
            pub fn new(text: &str) -> Self {
                match $find(text) {
                    Some(entry) => $name(entry.title.clone()),
                    None => $name(normalize(text)),
                }
            }

            /// Whether the catalogue knows it.
            pub fn is_known(&self) -> bool {
                $find(&self.0).is_some()
            }

            /// The catalogue's title closest to an unknown spelling.
            pub fn closest(&self) -> Option<&'static str> {
                closest(&self.0, catalogue().$list.iter().map(|e| e.title.as_str()))
            }

            /// Every title of the catalogue, for a hint.
            pub fn titles() -> Vec<&'static str> {
                catalogue().$list.iter().map(|e| e.title.as_str()).collect()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                Ok($name::new(&text))
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                $schema.into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": "string",
                    "examples": $name::titles()
                })
            }
        }
    };
}

catalogue_name!(
    /// A role model as the YAML writes it, normalised on reading.
    TeacherFormName,
    find_form,
    forms,
    "TeacherFormName"
);
catalogue_name!(
    /// A kind of mentoring as the YAML writes it, normalised on reading.
    MentoringKindName,
    find_kind,
    kinds,
    "MentoringKindName"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_meet_in_one_entry() {
        assert_eq!(
            TeacherFormName::new("Опытный педагог - педагог, испытывающий затруднения").0,
            "опытный педагог – педагог, испытывающий затруднения"
        );
        assert_eq!(
            TeacherFormName::new("учитель — молодой специалист").0,
            "педагог – молодой специалист"
        );
        assert_eq!(
            MentoringKindName::new("Дистанционное").0,
            "виртуальное (дистанционное)"
        );
        assert_eq!(MentoringKindName::new("групповое").0, "в группе");
        assert!(!MentoringKindName::new("реверсное").is_known());
        assert_eq!(
            MentoringKindName::new("реверсное").closest(),
            Some("реверсивное")
        );
        assert_eq!(catalogue().kinds.len(), 7);
    }

    #[test]
    fn every_form_has_two_sides() {
        for form in &catalogue().forms {
            assert_eq!(form.title.split(" – ").count(), 2, "{}", form.title);
            assert_eq!(normalize(&form.title), form.title);
        }
    }
}
