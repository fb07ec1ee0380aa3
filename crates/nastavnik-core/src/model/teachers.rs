//! Mentoring of pedagogical workers: a system of its own beside the Р-145
//! model (the joint letter of Минпросвещения России and the Профсоюз of
//! 21.12.2021 № АЗ-1128/08/657). A school keeps it under `teachers:`, with
//! its own curator, pairs, personalised programmes, roadmap and orders.

use serde::{Deserialize, Serialize};

use crate::catalogue::teachers::{MentoringKindName, TeacherFormName};
use crate::model::participants::Participant;
use crate::model::progress::Status;
use crate::model::roadmap::one_or_many;
use crate::{Deadline, IssuedDocument, Order, Responsible};

/// The system of mentoring of pedagogical workers of one school.
///
/// ```
/// let yaml = r#"
/// kind: school
/// name: Школа
/// head: Иванов И.И.
/// teachers:
///   mentors: [{ id: petrova, name: Петрова Анна Сергеевна, role: учитель математики }]
///   mentees: [{ id: orlov, name: Орлов Павел Ильич, role: учитель физики }]
///   pairs: [{ mentor: petrova, mentees: orlov, form: педагог-молодой специалист, kinds: традиционное }]
/// "#;
/// let school = nastavnik_core::from_yaml_str(yaml, "s.yaml").unwrap();
/// let pair = &school.teachers.as_ref().unwrap().pairs[0];
/// assert_eq!(pair.form.0, "педагог – молодой специалист");
/// assert_eq!(pair.kinds[0].0, "традиционное (долгосрочное)");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Teachers {
    /// The key of the curator of the system under `people`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub curator: Option<String>,
    /// Наставники — experienced teachers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentors: Vec<Participant>,
    /// Наставляемые — young specialists, teachers new to the school or in difficulty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentees: Vec<Participant>,
    /// Pairs and groups, each with its personalised programme.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pairs: Vec<TeacherPair>,
    /// The roadmap (план мероприятий) of the положение's implementation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roadmap: Option<TeacherRoadmap>,
    /// The pedagogical council's decision that adopted the положение.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub council: Option<IssuedDocument>,
    /// The system's own orders.
    #[serde(default)]
    pub orders: TeacherOrders,
}

impl Teachers {
    /// A mentor or a mentee by id.
    pub fn get(&self, id: &str) -> Option<&Participant> {
        self.mentors
            .iter()
            .chain(&self.mentees)
            .find(|p| p.id == id)
    }
}

/// The orders of the teachers' system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct TeacherOrders {
    /// Approves the положение and the roadmap and appoints the curator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provision: Option<Order>,
    /// Fixes the mentor–mentee pairs and approves their programmes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pairs: Option<Order>,
}

/// A pair (one mentee) or a group (several) of teachers with one mentor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct TeacherPair {
    /// The mentor's id.
    pub mentor: String,
    /// The mentees' ids.
    #[serde(deserialize_with = "one_or_many")]
    #[schemars(schema_with = "crate::load::schema::one_or_many::<String>")]
    pub mentees: Vec<String>,
    /// The role model: «педагог – молодой специалист».
    pub form: TeacherFormName,
    /// Kinds of mentoring: «традиционное», «реверсивное», «виртуальное» …
    #[serde(
        default,
        deserialize_with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(schema_with = "crate::load::schema::one_or_many::<MentoringKindName>")]
    pub kinds: Vec<MentoringKindName>,
    /// For how long: «сентябрь 2024 г. – май 2025 г.».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Deadline>,
    /// The personalised programme (персонализированная программа наставничества).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<PersonalProgramme>,
}

/// A personalised mentoring programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct PersonalProgramme {
    /// Its goal.
    pub goal: String,
    /// Its tasks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<String>,
    /// What is done, by when, with what result.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<ProgrammeActivity>,
    /// Expected results.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<String>,
}

/// A line of a personalised programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeActivity {
    /// Мероприятие.
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

/// The roadmap of the положение's implementation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct TeacherRoadmap {
    /// For what period: «2024/2025 учебный год».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Its items, in order.
    #[serde(default)]
    pub items: Vec<TeacherRoadmapItem>,
}

/// An item of the teachers' roadmap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct TeacherRoadmapItem {
    /// Мероприятие.
    pub title: String,
    /// Срок.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Deadline>,
    /// Ответственные: a role as written or `{person: key}`.
    #[serde(
        default,
        deserialize_with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(schema_with = "crate::load::schema::one_or_many::<Responsible>")]
    pub responsible: Vec<Responsible>,
    /// Результат.
    #[serde(default)]
    pub result: String,
}
