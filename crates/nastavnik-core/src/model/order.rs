//! The data of orders (приказы).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{russian::dates, IssuedDocument, Person};

/// The order introducing the target model; every order has the same data.
pub type ImplementationOrder = Order;

/// An order (приказ): what the YAML says of it. All orders share this frame;
/// each kind uses the fields it needs, and its wording lives in its template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Order {
    /// Registration number, a string: «488», «259-од».
    pub number: String,
    /// Date of signing.
    #[serde(with = "dates::iso_or_russian")]
    #[schemars(schema_with = "crate::load::schema::date")]
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
    #[schemars(schema_with = "crate::load::schema::optional_date")]
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
    #[schemars(schema_with = "crate::load::schema::optional_date")]
    pub publish_by: Option<NaiveDate>,
    /// Further points, inserted before the closing one, as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_points: Vec<String>,
    /// The event an order on the final event announces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<Event>,
    /// Who is rewarded and how, in an order on rewards.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rewards: Vec<Reward>,
    /// Keys of the people who sign «С приказом ознакомлены:» (a school's order);
    /// when absent, everyone the order's points name or charge with a task
    /// (the head and pupils left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acquainted: Option<Vec<String>>,
    /// Earlier acts the order repeals («Признать утратившим силу …»): an
    /// order on the положение or the программа replacing an older one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub repeals: Vec<IssuedDocument>,
    // Approvals and the title page of the положение and the программа
    // (model/approval.rs); other orders do not print them.
    /// Approvals (грифы) of the положение or the программа this order approves,
    /// in reading order; the default is «ПРИНЯТО» and «УТВЕРЖДЕНО».
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approvals: Vec<crate::Approval>,
    /// How many approvals stand in a row (1–4); 2 by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_columns: Option<u8>,
    /// A title page before the text of the положение or the программа.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_page: Option<crate::TitlePage>,
    /// The words that open the preamble: «В соответствии с» when absent,
    /// «На основании», «Во исполнение»; the acts take the case they govern.
    /// Empty: no acts, the preamble is the purpose alone (or nothing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// Federal acts from the catalogue the preamble cites, before `basis`
    /// (for an order on the положение, the acts the положение cites).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cites: Vec<crate::catalogue::acts::ActId>,
    /// The house style of this order over the organisation's `style`.
    #[serde(default, skip_serializing_if = "crate::model::style::is_default")]
    pub style: crate::model::style::HouseStyle,
    // The order's text as data (see `model::edits`): role word, points,
    // annexes, working group; for the orders approving a положение or a
    // программа, the approved document's title, sections and clauses.
    /// The word for the person in charge: «куратор» (default), «координатор»,
    /// «ответственный»; the implementation order's word serves every order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<crate::model::edits::RoleWord>,
    /// Changes to the default points (in `provision` and `programme`: to the
    /// clauses of the approved document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<crate::model::edits::PointEdits>,
    /// Annexes in their order; absent, the data decides (the roadmap, the
    /// working group's list, the pairs …); `[]` for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annexes: Option<Vec<crate::model::edits::Annex>>,
    /// The working group the order creates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub working_group: Option<crate::model::edits::WorkingGroup>,
    /// In `provision` and `programme`: the title line of the approved
    /// document under «ПОЛОЖЕНИЕ» / «ПРОГРАММА НАСТАВНИЧЕСТВА».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_title: Option<String>,
    /// In `provision` and `programme`: changes to the approved document's sections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sections: Option<crate::model::edits::SectionEdits>,
}

/// An organisation named in an order with its head: «МБОУ Гимназия № 3 (Прокофьева Н.Ю.)».
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// The organisation's short name.
    pub name: String,
    /// Its head.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<Person>,
}

/// An event: the final event of a mentoring programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// What it is: «Фестиваль наставнических практик „Вместе“».
    pub title: String,
    /// When.
    #[serde(with = "dates::iso_or_russian")]
    #[schemars(schema_with = "crate::load::schema::date")]
    pub date: NaiveDate,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// What is on the programme, one item per line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programme: Vec<String>,
    /// Who prepares it.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::roadmap::one_or_many"
    )]
    #[schemars(schema_with = "crate::load::schema::one_or_many::<crate::Responsible>")]
    pub responsible: Vec<crate::Responsible>,
}

/// A reward for a participant of mentoring.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Reward {
    /// The key of a mentor, mentee or person.
    pub who: String,
    /// How: «благодарность», «грамота», «выплата» …
    pub reward: String,
    /// For what: «за высокие результаты работы наставнической пары».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}
