//! The data of orders (приказы).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{dates, IssuedDocument, Person};

/// Приказ о внедрении целевой модели наставничества: what the YAML says of it.
/// The wording around these values lives in the template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ImplementationOrder {
    /// Registration number, a string: «488», «259-од».
    pub number: String,
    /// Date of signing.
    #[serde(with = "dates::iso_or_russian")]
    pub date: NaiveDate,
    /// The title «О …», when the template's default does not fit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Acts the preamble cites («В соответствии с …»).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub basis: Vec<IssuedDocument>,
    /// The purpose closing the preamble: «с целью организации внедрения вышеуказанной модели».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// The day the model starts.
    #[serde(
        default,
        with = "dates::option_iso_or_russian",
        skip_serializing_if = "Option::is_none"
    )]
    pub start: Option<NaiveDate>,
    /// Organisations whose heads are to introduce the model (an authority's order).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub implementers: Vec<Unit>,
    /// The organisation that gives methodological support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub methodical_support: Option<Unit>,
    /// The deadline for publishing the order on the website, if the order says so.
    #[serde(
        default,
        with = "dates::option_iso_or_russian",
        skip_serializing_if = "Option::is_none"
    )]
    pub publish_by: Option<NaiveDate>,
    /// Further points, inserted before the closing one, as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_points: Vec<String>,
    /// Keys of the people who sign «С приказом ознакомлены:» (a school's order);
    /// the curator when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acquainted: Option<Vec<String>>,
}

/// An organisation named in an order with its head: «МБОУ Гимназия № 3 (Прокофьева Н.Ю.)».
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// The organisation's short name.
    pub name: String,
    /// Its head.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<Person>,
}
