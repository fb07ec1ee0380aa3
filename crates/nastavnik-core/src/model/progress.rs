//! Progress on a roadmap: the status of an item and the evidence for it,
//! entered where the item is so that the roadmap and the report agree.

use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::{russian, Organization};

/// How far an activity has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// «выполнено»
    #[serde(alias = "выполнено")]
    Done,
    /// «в работе»
    #[serde(alias = "в работе")]
    InProgress,
    /// «не начато»
    #[serde(alias = "не начато")]
    NotStarted,
    /// «перенесено»
    #[serde(alias = "перенесено")]
    Postponed,
}

impl Status {
    /// The Russian word for the status.
    pub fn word(self) -> &'static str {
        match self {
            Status::Done => "выполнено",
            Status::InProgress => "в работе",
            Status::NotStarted => "не начато",
            Status::Postponed => "перенесено",
        }
    }
}

/// What shows an activity was done: a note, an issued document, a date, a link.
///
/// In YAML a plain string is a note; a map may hold `note`, `document` (a key
/// under `documents`) with `as` (how the sentence names it), `date` and `link`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Evidence {
    /// Free text: «Документ изучен».
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The key of an issued document under `documents`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// How the document is named here: «приказ директора школы».
    #[serde(rename = "as", skip_serializing_if = "Option::is_none")]
    pub as_: Option<String>,
    /// A date, printed «06.09.2021».
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// A web address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EvidenceFields {
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    document: Option<String>,
    #[serde(rename = "as", default)]
    as_: Option<String>,
    #[serde(default, with = "crate::russian::dates::option_iso_or_russian")]
    date: Option<NaiveDate>,
    #[serde(default)]
    link: Option<String>,
}

impl<'de> Deserialize<'de> for Evidence {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Evidence;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("отметку строкой или {note, document, as, date, link}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Evidence, E> {
                Ok(Evidence {
                    note: Some(v.to_string()),
                    ..Evidence::default()
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Evidence, A::Error> {
                let f = EvidenceFields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Evidence {
                    note: f.note,
                    document: f.document,
                    as_: f.as_,
                    date: f.date,
                    link: f.link,
                })
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// One line of a mark: text, and a link shown after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkLine {
    /// The words.
    pub text: String,
    /// A web address, if any.
    pub link: Option<String>,
}

impl Evidence {
    /// The evidence as a reader sees it: «приказ директора школы от
    /// 01.09.2021 г. № 144 «О внедрении …», документ размещен …».
    pub fn line(&self, org: &Organization) -> MarkLine {
        let mut parts = Vec::new();
        if let Some(key) = &self.document {
            match org.documents.get(key) {
                Some(doc) => {
                    let name = self
                        .as_
                        .clone()
                        .or_else(|| doc.name.clone())
                        .unwrap_or_else(|| doc.reference.clone());
                    let mut text = format!(
                        "{} от {}{}г. {}",
                        name.trim(),
                        russian::date_numeric(doc.date),
                        russian::NBSP,
                        russian::number_sign(&doc.number)
                    );
                    if let Some(title) = &doc.title {
                        text.push(' ');
                        text.push_str(&russian::guillemets(title));
                    }
                    parts.push(text);
                }
                None => parts.push(key.clone()),
            }
        }
        if let Some(date) = self.date {
            parts.push(russian::date_numeric(date));
        }
        if let Some(note) = &self.note {
            parts.push(note.trim().to_string());
        }
        MarkLine {
            text: parts.join(", "),
            link: self.link.clone(),
        }
    }
}

/// «72,5 %»: a share with one decimal, written with a comma and a
/// non-breaking space; whole numbers without decimals («75 %»).
///
/// ```
/// assert_eq!(nastavnik_core::model::progress::percent(290.0, 400.0), Some("72,5\u{a0}%".to_string()));
/// assert_eq!(nastavnik_core::model::progress::percent(3.0, 4.0), Some("75\u{a0}%".to_string()));
/// assert_eq!(nastavnik_core::model::progress::percent(1.0, 0.0), None);
/// ```
pub fn percent(part: f64, whole: f64) -> Option<String> {
    if whole <= 0.0 {
        return None;
    }
    let value = (part / whole * 1000.0).round() / 10.0;
    let text = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}").replace('.', ",")
    };
    Some(format!("{text}{}%", russian::NBSP))
}

/// Whether an activity is overdue on `as_of`: its deadline has passed and it
/// is not done. An activity with no dated deadline is never overdue.
///
/// ```
/// use nastavnik_core::model::progress::{is_overdue, Status};
/// use chrono::NaiveDate;
/// let d: nastavnik_core::Deadline = "до 01.10.2021".parse().unwrap();
/// let day = NaiveDate::from_ymd_opt(2021, 12, 30).unwrap();
/// assert!(is_overdue(Some(&d), None, day));
/// assert!(is_overdue(Some(&d), Some(Status::InProgress), day));
/// assert!(!is_overdue(Some(&d), Some(Status::Done), day));
/// assert!(!is_overdue(Some(&d), None, NaiveDate::from_ymd_opt(2021, 9, 1).unwrap()));
/// ```
pub fn is_overdue(
    deadline: Option<&crate::Deadline>,
    status: Option<Status>,
    as_of: NaiveDate,
) -> bool {
    status != Some(Status::Done)
        && deadline
            .and_then(crate::Deadline::last_day)
            .is_some_and(|last| last < as_of)
}
