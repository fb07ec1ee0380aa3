//! Mentors, mentees, and their pairs and groups.

use serde::{Deserialize, Serialize};

use crate::catalogue::forms::FormName;
use crate::model::progress::Status;
use crate::model::roadmap::one_or_many;
use crate::{Deadline, Person};

/// Everyone taking part, and how they are paired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Participants {
    /// Наставники.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentors: Vec<Participant>,
    /// Наставляемые.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentees: Vec<Participant>,
    /// Наставнические пары и группы.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pairs: Vec<Pair>,
    /// What every individual development plan carries above its table: the
    /// approvals and the date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plans: Option<PlansFrame>,
}

/// The frame of the individual development plans: approvals (грифы) and
/// the date of the plans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct PlansFrame {
    /// Approvals in reading order; the default is «УТВЕРЖДАЮ» signed by the
    /// curator with a blank date; `[]` for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approvals: Option<Vec<crate::Approval>>,
    /// The date the plans are drawn up; by default the date of the order on
    /// the pairs.
    #[serde(
        default,
        with = "crate::russian::dates::option_iso_or_russian",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(schema_with = "crate::load::schema::optional_date")]
    pub date: Option<chrono::NaiveDate>,
}

impl Participants {
    /// A mentor or a mentee by id.
    pub fn get(&self, id: &str) -> Option<&Participant> {
        self.mentors
            .iter()
            .chain(&self.mentees)
            .find(|p| p.id == id)
    }
}

/// A mentor or a mentee. Bases of participants hold personal data (of
/// minors, too): they are rendered only when asked for by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// A short key the pairs refer to.
    pub id: String,
    /// The name: «Петрова Мария Ивановна».
    pub name: Person,
    /// Position or class: «учитель математики», «8 «А» класс».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Category: «педагог», «обучающийся», «студент», «представитель работодателя».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Request (запрос) or competences, as the base records them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Whether consent to process personal data was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<bool>,
}

impl Participant {
    /// «Петрова М.И., учитель математики».
    pub fn with_role(&self) -> String {
        match &self.role {
            Some(role) => format!("{}, {}", self.name.surname_initials(), role.trim()),
            None => self.name.surname_initials(),
        }
    }
}

/// A pair (one mentee) or a group (several mentees) with one mentor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    /// The mentor's id.
    pub mentor: String,
    /// The mentees' ids.
    #[serde(deserialize_with = "one_or_many")]
    #[schemars(schema_with = "crate::load::schema::one_or_many::<String>")]
    pub mentees: Vec<String>,
    /// The form of mentoring.
    pub form: FormName,
    /// For how long: «сентябрь 2020 г. – май 2021 г.».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Deadline>,
    /// The individual development plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<PlanTask>,
}

/// A line of an individual development plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct PlanTask {
    /// Задача.
    pub task: String,
    /// Мероприятие.
    #[serde(default)]
    pub activity: String,
    /// Срок.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Deadline>,
    /// Ожидаемый результат.
    #[serde(default)]
    pub result: String,
    /// Отметка о выполнении.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
}
