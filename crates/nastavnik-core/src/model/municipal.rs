//! The authority's own model of mentoring (`municipal:`): what its
//! положение о муниципальной системе (целевой модели) наставничества says
//! beyond the orders — the name of the model, the coordination council and
//! the targets its monitoring measures. The schools and the methodical
//! service come from the order on implementation (`implementers`,
//! `methodical_support`), the municipal curator from `curator`.

use serde::{Deserialize, Serialize};

use crate::grammar::Forms;

/// The model as the default title and text call it.
pub const DEFAULT_MODEL: &str = "муниципальная система наставничества";

/// What an education authority's положение says of its model of mentoring.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Municipal {
    /// The model's name in the nominative, lower case: «муниципальная
    /// система наставничества» (the default) or «муниципальная целевая
    /// модель наставничества»; the title and the text decline it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// The model's forms when the dictionary declines it wrongly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_forms: Option<Forms>,
    /// The coordination council, when the authority has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub council: Option<CoordinationCouncil>,
    /// The targets the monitoring measures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub targets: Option<Targets>,
}

impl Municipal {
    /// The model's name in the nominative: the YAML's or the default.
    pub fn model_name(&self) -> &str {
        self.model
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .unwrap_or(DEFAULT_MODEL)
    }
}

/// A coordination council (координационный совет) of the municipal model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct CoordinationCouncil {
    /// Its name in the nominative: «координационный совет по вопросам
    /// наставничества» when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The key of its chair under `people`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<String>,
    /// Keys of its members under `people`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    /// How often it meets, as the text says it: «не реже двух раз в год».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meets: Option<String>,
}

/// Target shares, in per cent, the monitoring compares the schools against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Targets {
    /// Share of pupils aged 10 to 18 involved in mentoring, %; when absent,
    /// `reports.municipal.figures.target`, else 70.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pupils: Option<f64>,
    /// Share of young teachers (under 35, in their first three years)
    /// with a mentor, %.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub young_teachers: Option<f64>,
    /// The year by which the targets are to be reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
}
