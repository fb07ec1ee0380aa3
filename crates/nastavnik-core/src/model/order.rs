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
    /// In `programme`: the years the programme runs («2021–2023»,
    /// «2024/2025»); by default the roadmap's period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<crate::Period>,
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
    /// What is on the programme, in order: a line each, or a slot with its
    /// time, place and who answers for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programme: Vec<ProgrammeItem>,
    /// Who prepares it.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::roadmap::one_or_many"
    )]
    #[schemars(schema_with = "crate::load::schema::one_or_many::<crate::Responsible>")]
    pub responsible: Vec<crate::Responsible>,
}

impl Event {
    /// Whether some item of the programme has a time, a place or a
    /// responsible: the annex is then a table, else a numbered list.
    pub fn programme_is_timed(&self) -> bool {
        self.programme.iter().any(|i| match i {
            ProgrammeItem::Text(_) => false,
            ProgrammeItem::Slot(s) => {
                s.time.is_some() || s.place.is_some() || !s.responsible.is_empty()
            }
        })
    }
}

/// An item of an event's programme.
///
/// In YAML: a line («Открытие фестиваля»), or `{time: "10:00–10:15", title:
/// …, place: …, responsible: …}`.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum ProgrammeItem {
    /// What happens, as written.
    #[schemars(description = "Что проводится, строкой: «Открытие фестиваля».")]
    Text(String),
    /// What happens, when, where and who answers for it.
    #[schemars(description = "Что, когда, где и кто отвечает: {time, title, place, responsible}.")]
    Slot(ProgrammeSlot),
}

impl ProgrammeItem {
    /// What happens.
    pub fn title(&self) -> &str {
        match self {
            ProgrammeItem::Text(t) => t,
            ProgrammeItem::Slot(s) => &s.title,
        }
    }
}

/// A slot of an event's programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeSlot {
    /// When, as written: «10:00–10:15».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// What happens: «Открытие фестиваля».
    pub title: String,
    /// Where: «актовый зал».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Who answers for it: a key of `people`, a text, or a list.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::roadmap::one_or_many"
    )]
    #[schemars(schema_with = "crate::load::schema::one_or_many::<crate::Responsible>")]
    pub responsible: Vec<crate::Responsible>,
}

impl<'de> Deserialize<'de> for ProgrammeItem {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{self, MapAccess, Visitor};
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ProgrammeItem;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("строку или {time: время, title: что, place: где, responsible: кто}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ProgrammeItem, E> {
                Ok(ProgrammeItem::Text(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ProgrammeItem, A::Error> {
                ProgrammeSlot::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(ProgrammeItem::Slot)
            }
        }
        deserializer.deserialize_any(V)
    }
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
    /// A payment's sum in rubles: «в размере 5 000 (пяти тысяч) рублей».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<u64>,
    /// A payment's source of funds, as written after the sum: «за счет
    /// стимулирующей части фонда оплаты труда».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The stems that make a reward a payment (data: `data/monetary-rewards.yaml`).
const MONETARY: &str = include_str!("../../data/monetary-rewards.yaml");

impl Reward {
    /// Whether the reward is a payment, which needs a sum and a source of
    /// funds: its words hold a stem of `data/monetary-rewards.yaml`
    /// («выплата», «премия», «денежное поощрение» …).
    ///
    /// ```
    /// let r = nastavnik_core::model::order::Reward { reward: "Премировать".into(), ..Default::default() };
    /// assert!(r.is_monetary());
    /// let r = nastavnik_core::model::order::Reward { reward: "почетная грамота".into(), ..Default::default() };
    /// assert!(!r.is_monetary());
    /// ```
    pub fn is_monetary(&self) -> bool {
        static STEMS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
            serde_yaml::from_str::<Vec<String>>(MONETARY)
                .expect("the shipped stems are a list")
                .into_iter()
                .map(|s| s.to_lowercase().replace('ё', "е"))
                .collect()
        });
        let text = self.reward.to_lowercase().replace('ё', "е");
        text.split(|c: char| !c.is_alphabetic())
            .any(|word| STEMS.iter().any(|stem| word.starts_with(stem.as_str())))
    }
}
