//! Approvals (грифы) and the title page of an approved document: the
//! положение or the программа.
//!
//! An approval is data: its kind («УТВЕРЖДАЮ», «УТВЕРЖДЕНО», «ПРИНЯТО»,
//! «СОГЛАСОВАНО», «Приложение»), who approves, the person who signs, the
//! order or protocol it cites and where it stands in the grid of stamps. A
//! document without approvals in the YAML gets the two stamps of old:
//! «ПРИНЯТО педагогическим советом» on the left and «УТВЕРЖДЕНО приказом» on
//! the right.

use std::borrow::Cow;

use chrono::NaiveDate;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

use crate::{russian::dates, Responsible};

/// The most stamps a row of the grid holds.
pub const MAX_APPROVAL_COLUMNS: u8 = 4;

/// One approval (гриф) at the top of a document.
///
/// ```
/// let yaml = "kind: утверждаю\nperson: head\ndate: 30.08.2023\n";
/// let a: nastavnik_core::Approval = serde_yaml::from_str(yaml).unwrap();
/// assert_eq!(a.kind, nastavnik_core::ApprovalKind::Approve);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// What the stamp says: approve (УТВЕРЖДАЮ), approved (УТВЕРЖДЕНО),
    /// adopted (ПРИНЯТО), agreed (СОГЛАСОВАНО), annex (Приложение).
    pub kind: ApprovalKind,
    /// The first line as written, instead of the kind's word:
    /// «Приложение № 1», «УТВЕРЖДЕНО И ВВЕДЕНО В ДЕЙСТВИЕ».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// Who approves, in the instrumental case, as written: «педагогическим
    /// советом», «с Управляющим советом», «приказом директора школы».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The signer's position line as written: «Председатель методического
    /// совета»; by default the person's position and the organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// The key of the person who signs (under `people`, or `head`): a
    /// signature line «____________ /И.О. Фамилия/».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// The cited order or protocol by key: an order under `orders`
    /// (`implementation`, `provision` …), a key under `documents`, or `council`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// The number of the cited order or protocol, written here instead of
    /// `document` (with `date`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The date of the cited order or protocol (with `number`), or alone the
    /// date of the signature: «"30" августа 2023 г.».
    #[serde(
        default,
        with = "dates::option_iso_or_russian",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(schema_with = "crate::load::schema::optional_date")]
    pub date: Option<NaiveDate>,
    /// The column the stamp stands in, from 1 (left); by default the next one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<u8>,
}

/// What an approval says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalKind {
    /// «УТВЕРЖДАЮ»: the head signs; no order needed.
    #[serde(alias = "утверждаю")]
    Approve,
    /// «УТВЕРЖДЕНО приказом … от … № …», agreeing with the document's title.
    #[default]
    #[serde(
        alias = "утверждено",
        alias = "утверждена",
        alias = "утвержден",
        alias = "утверждён"
    )]
    Approved,
    /// «ПРИНЯТО педагогическим советом (протокол от … № …)».
    #[serde(alias = "принято", alias = "принята", alias = "принят")]
    Adopted,
    /// «СОГЛАСОВАНО с Управляющим советом», «СОГЛАСОВАНО Председатель …».
    #[serde(alias = "согласовано", alias = "согласована", alias = "согласован")]
    Agreed,
    /// «Приложение к приказу … от … № …»: the document annexed to an order.
    #[serde(alias = "приложение")]
    Annex,
}

impl JsonSchema for ApprovalKind {
    fn schema_name() -> Cow<'static, str> {
        "ApprovalKind".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "enum": ["approve", "approved", "adopted", "agreed", "annex",
                     "утверждаю", "утверждено", "утверждена", "утвержден", "утверждён",
                     "принято", "принята", "принят",
                     "согласовано", "согласована", "согласован", "приложение"]
        })
    }
}

/// The title page of a положение or a программа: the founder's and the
/// organisation's lines, the approvals, the title, the compilers, and the
/// place and year at the foot; the text starts on the next page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct TitlePage {
    /// Lines above the organisation: its founder, «Управление образования
    /// администрации … района».
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub founder: Vec<String>,
    /// The organisation's line as written; its full name by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// The title's lines instead of the document's own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub title: Vec<String>,
    /// Under the title: «на 2021–2022 учебный год».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// The compilers: «Фамилия Имя Отчество, должность»; a person by key
    /// (`{person: ключ, as: заместитель директора, высшая категория}`) or text.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::roadmap::one_or_many"
    )]
    #[schemars(schema_with = "crate::load::schema::one_or_many::<crate::Responsible>")]
    pub compilers: Vec<Responsible>,
    /// The place at the foot: «г. Заречный»; the organisation's `place` by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The year at the foot; the year of the approving order by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}
