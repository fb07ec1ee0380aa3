//! Reports (справки) on the roadmap's progress: what the YAML says of them.

use chrono::NaiveDate;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::Responsible;

/// The reports of an organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Reports {
    /// Справка о промежуточных результатах.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interim: Option<Report>,
    /// Справка об итоговых результатах.
    #[serde(default, rename = "final", skip_serializing_if = "Option::is_none")]
    pub final_: Option<Report>,
    /// Аналитическая справка органа управления образованием, собранная из
    /// файлов его школ: период, дата, выводы, кто подготовил.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipal: Option<Report>,
}

/// A справка: its period, the date it speaks for, the school's own text,
/// figures, and who prepared it. The roadmap's progress fills its table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// The period as the title says it: «по итогам 1 полугодия 2021–2022 учебного года».
    pub period: String,
    /// «по состоянию на»: items due before it and not done are overdue.
    #[serde(
        default,
        with = "crate::russian::dates::option_iso_or_russian",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(schema_with = "crate::load::schema::optional_date")]
    pub as_of: Option<NaiveDate>,
    /// The goal of mentoring, when the template's sentence does not fit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    /// The school's own text after what the roadmap says was done.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text: Vec<TextBlock>,
    /// Counts of participants; the report states shares from them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figures: Option<Figures>,
    /// Who prepared it, as the closing line names them.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::roadmap::one_or_many"
    )]
    #[schemars(schema_with = "crate::load::schema::one_or_many::<Responsible>")]
    pub prepared_by: Vec<Responsible>,
}

/// A block of the school's own text: a paragraph, a dash list, a numbered list.
///
/// In YAML: a string is a paragraph; `{list: [...]}` a dash list;
/// `{numbered: [...]}` a numbered list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextBlock {
    /// A paragraph.
    Paragraph(String),
    /// Items with dashes.
    List(Vec<String>),
    /// Items numbered 1., 2. …
    Numbered(Vec<String>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListFields {
    #[serde(default)]
    list: Option<Vec<String>>,
    #[serde(default)]
    numbered: Option<Vec<String>>,
}

impl<'de> Deserialize<'de> for TextBlock {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = TextBlock;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("абзац строкой, {list: [...]} или {numbered: [...]}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<TextBlock, E> {
                Ok(TextBlock::Paragraph(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<TextBlock, A::Error> {
                let f = ListFields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                match (f.list, f.numbered) {
                    (Some(items), None) => Ok(TextBlock::List(items)),
                    (None, Some(items)) => Ok(TextBlock::Numbered(items)),
                    _ => Err(de::Error::custom("укажите либо list, либо numbered")),
                }
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// Counts of participants. Every field is optional: the report states only
/// what is given and invents nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Figures {
    /// Обучающихся в школе (те, к кому относится целевой показатель).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pupils: Option<u32>,
    /// Обучающихся, вовлечённых в наставничество.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pupils_mentored: Option<u32>,
    /// Молодых педагогов (до 35 лет, в первые три года работы).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub young_teachers: Option<u32>,
    /// Молодых педагогов, вовлечённых в наставничество.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub young_teachers_mentored: Option<u32>,
    /// Наставников.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentors: Option<u32>,
    /// Наставляемых.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentees: Option<u32>,
    /// Пар и групп по формам наставничества.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_form: Vec<FormCount>,
    /// Целевой показатель охвата, %; 70 по умолчанию.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
}

/// Pairs and groups of one form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct FormCount {
    /// The form: «учитель – учитель».
    pub form: String,
    /// Наставнических пар.
    #[serde(default)]
    pub pairs: u32,
    /// Наставнических групп.
    #[serde(default)]
    pub groups: u32,
}
