//! The roadmap (дорожная карта, план мероприятий): numbered sections of items.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::Deadline;

/// A roadmap: a title and numbered sections of items, shown in one of three
/// layouts. The data is the same in each; the layout chooses the columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Roadmap {
    /// How the table is laid out; see [`Roadmap::layout`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<RoadmapLayout>,
    /// What the plan is about, after «План мероприятий (дорожная карта)»:
    /// «внедрения методологии наставничества … на 2020 год».
    #[serde(default)]
    pub subject: String,
    /// The full title, when it does not start with «План мероприятий (дорожная карта)».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The period the roadmap covers; deadlines outside it are reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Lines of the annex mark of a standalone roadmap: «Приложение 3».
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mark: Vec<String>,
    /// Approvals (грифы) of the standalone roadmap, in reading order:
    /// «УТВЕРЖДАЮ» with a signature line, «УТВЕРЖДЕН приказом …»,
    /// «СОГЛАСОВАНО …»; absent, the stamp of the implementation order (or the
    /// `mark`). The roadmap annexed to an order keeps the annex mark.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub approvals: Vec<crate::Approval>,
    /// How many approvals stand in a row (1–4); 2 by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_columns: Option<u8>,
    /// The table's columns in order; empty: the layout's own (see
    /// [`Roadmap::columns`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<RoadmapColumn>,
    /// Headers of the columns in order, instead of their own: as many as
    /// there are columns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<String>,
    /// Whether a row «1 2 3 …» numbers the columns under the header; by
    /// default only in the strategies layout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbering_row: Option<bool>,
    /// Start from the Р-145 roadmap shipped with nastavnik (needs `period`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_default: bool,
    /// Numbers of default items to leave out: «2.3».
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drop: Vec<String>,
    /// Default items to replace, by number.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub replace: std::collections::BTreeMap<String, RoadmapItem>,
    /// Items to add to the end of a section of the default roadmap.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add: Vec<Addition>,
    /// Sections, numbered 1., 2., … in order.
    #[serde(default)]
    pub sections: Vec<RoadmapSection>,
}

/// An item added to a section of the default roadmap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Addition {
    /// The section's number: 1 to 7 for the stages of the model.
    pub section: usize,
    /// The item.
    pub item: RoadmapItem,
}

/// The layouts real roadmaps use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RoadmapLayout {
    /// «№ п/п · мероприятие · срок · ответственный · результат», section rows
    /// across the table (a school's plan of 2020, a municipal order of 2020).
    #[default]
    #[serde(alias = "разделы")]
    Sections,
    /// «№ · этап · мероприятия · содержание деятельности · сроки ·
    /// ответственные», the stage cell spanning its rows (a lyceum's roadmap of 2023).
    #[serde(alias = "этапы")]
    Stages,
    /// «№ п/п · стратегии · ключевые механизмы · результаты · сроки ·
    /// ответственные», the strategy cell spanning its mechanisms (a municipal programme of 2022).
    #[serde(alias = "стратегии")]
    Strategies,
}

/// What a column of a roadmap's table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, Hash)]
#[serde(rename_all = "snake_case")]
pub enum ColumnField {
    /// «№»: the item's number («1.1») in the sections layout, the stage's or
    /// strategy's («1.») spanning its rows in the others.
    Number,
    /// The stage or strategy, spanning its rows (stages and strategies layouts).
    Section,
    /// The activity: the item's title and its details; spans the item's steps.
    Title,
    /// «Содержание деятельности»: each step's name and points.
    Content,
    /// «Сроки».
    Deadline,
    /// «Ответственные».
    Responsible,
    /// «Результат», «Ожидаемый результат».
    Result,
}

/// How the points of a cell are set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, Hash)]
#[serde(rename_all = "snake_case")]
pub enum ListStyle {
    /// «1. …», «2. …», counted through an activity.
    Numbers,
    /// «– …».
    Dashes,
    /// Paragraphs with no mark.
    None,
}

/// A column of a roadmap's table: what it shows, under what header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoadmapColumn {
    /// What the column shows.
    pub field: ColumnField,
    /// Its header; the layout's own header of that field when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<String>,
    /// How points in its cells are set; the layout's habit when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<ListStyle>,
}

/// A column as the table is built: every choice made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// What the column shows.
    pub field: ColumnField,
    /// Its header.
    pub header: String,
    /// How points in its cells are set.
    pub list: ListStyle,
}

impl RoadmapLayout {
    /// The layout's columns, headed as the reference documents head them.
    /// This is the one place the default headers live: the standalone
    /// roadmap and the annex of an order take them from here.
    pub fn default_columns(self) -> Vec<RoadmapColumn> {
        use ColumnField::*;
        let fields: &[(ColumnField, &str)] = match self {
            RoadmapLayout::Sections => &[
                (Number, "№ п/п"),
                (Title, "Наименование мероприятия"),
                (Deadline, "Сроки реализации"),
                (Responsible, "Ответственный исполнитель"),
                (Result, "Результат. Вид документа"),
            ],
            RoadmapLayout::Stages => &[
                (Number, "№"),
                (Section, "Наименование этапа"),
                (Title, "Мероприятия"),
                (Content, "Содержание деятельности"),
                (Deadline, "Сроки"),
                (Responsible, "Ответственные"),
            ],
            RoadmapLayout::Strategies => &[
                (Number, "№ п/п"),
                (Section, "Стратегии программы"),
                (Title, "Ключевые механизмы (мероприятия реализации)"),
                (Result, "Планируемые результаты"),
                (Deadline, "Сроки исполнения"),
                (Responsible, "Ответственные исполнители"),
            ],
        };
        fields
            .iter()
            .map(|(field, header)| RoadmapColumn {
                field: *field,
                header: Some(header.to_string()),
                list: None,
            })
            .collect()
    }

    /// The header a field gets when its column names none.
    pub fn default_header(self, field: ColumnField) -> &'static str {
        use ColumnField::*;
        match (self, field) {
            (RoadmapLayout::Sections, Number) | (RoadmapLayout::Strategies, Number) => "№ п/п",
            (_, Number) => "№",
            (RoadmapLayout::Strategies, Section) => "Стратегии программы",
            (_, Section) => "Наименование этапа",
            (RoadmapLayout::Sections, Title) => "Наименование мероприятия",
            (RoadmapLayout::Strategies, Title) => "Ключевые механизмы (мероприятия реализации)",
            (_, Title) => "Мероприятия",
            (_, Content) => "Содержание деятельности",
            (RoadmapLayout::Sections, Deadline) => "Сроки реализации",
            (RoadmapLayout::Strategies, Deadline) => "Сроки исполнения",
            (_, Deadline) => "Сроки",
            (RoadmapLayout::Sections, Responsible) => "Ответственный исполнитель",
            (RoadmapLayout::Strategies, Responsible) => "Ответственные исполнители",
            (_, Responsible) => "Ответственные",
            (RoadmapLayout::Sections, Result) => "Результат. Вид документа",
            (RoadmapLayout::Strategies, Result) => "Планируемые результаты",
            (_, Result) => "Ожидаемый результат",
        }
    }

    /// How points are set in a column of a field when it says nothing: the
    /// content of a stage is numbered, other points take dashes.
    pub fn default_list(self, field: ColumnField) -> ListStyle {
        match (self, field) {
            (RoadmapLayout::Stages, ColumnField::Content) => ListStyle::Numbers,
            (_, ColumnField::Result) => ListStyle::None,
            _ => ListStyle::Dashes,
        }
    }
}

/// The period a roadmap covers.
///
/// In YAML: «2023/2024» (an academic year, 1 September to 31 August),
/// «2020» (a calendar year), «2020–2027» (calendar years), or
/// `{from: 2020-06-01, to: 2020-12-31}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    /// First day.
    pub from: chrono::NaiveDate,
    /// Last day.
    pub to: chrono::NaiveDate,
    /// Whether it is an academic year (September to August).
    #[serde(skip)]
    pub academic: bool,
}

impl Period {
    /// Reads the string forms of a period.
    ///
    /// ```
    /// use nastavnik_core::model::roadmap::Period;
    /// let p = Period::parse("2023/2024 учебный год").unwrap();
    /// assert_eq!(p.from.to_string(), "2023-09-01");
    /// assert_eq!(p.to.to_string(), "2024-08-31");
    /// assert_eq!(Period::parse("2020–2027").unwrap().to.to_string(), "2027-12-31");
    /// ```
    pub fn parse(text: &str) -> Result<Period, String> {
        let t = text.trim();
        let digits: Vec<i32> = t
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| s.len() == 4)
            .filter_map(|s| s.parse().ok())
            .collect();
        let date = |y: i32, m: u32, d: u32| chrono::NaiveDate::from_ymd_opt(y, m, d);
        let bad = || {
            format!("«{text}» — не период: напишите «2023/2024» (учебный год), «2020», «2020–2027» или {{from: 2020-06-01, to: 2020-12-31}}")
        };
        match digits.as_slice() {
            [a, b] if t.contains('/') && *b == a + 1 => Ok(Period {
                from: date(*a, 9, 1).ok_or_else(bad)?,
                to: date(*b, 8, 31).ok_or_else(bad)?,
                academic: true,
            }),
            [a] => Ok(Period {
                from: date(*a, 1, 1).ok_or_else(bad)?,
                to: date(*a, 12, 31).ok_or_else(bad)?,
                academic: false,
            }),
            [a, b] if !t.contains('/') && a <= b => Ok(Period {
                from: date(*a, 1, 1).ok_or_else(bad)?,
                to: date(*b, 12, 31).ok_or_else(bad)?,
                academic: false,
            }),
            _ => Err(bad()),
        }
    }

    /// «2023/2024 учебный год», «2020 год», «2020–2027 годы».
    pub fn describe(&self) -> String {
        let (a, b) = (self.first_year(), self.last_year());
        if self.academic {
            format!("{a}/{b} учебный год")
        } else if a == b {
            format!("{a} год")
        } else {
            format!("{} годы", crate::russian::range(a, b))
        }
    }

    /// The first calendar year of the period.
    pub fn first_year(&self) -> i32 {
        chrono::Datelike::year(&self.from)
    }

    /// The last calendar year of the period.
    pub fn last_year(&self) -> i32 {
        chrono::Datelike::year(&self.to)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Range {
            #[serde(with = "crate::russian::dates::iso_or_russian")]
            from: chrono::NaiveDate,
            #[serde(with = "crate::russian::dates::iso_or_russian")]
            to: chrono::NaiveDate,
        }
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Period;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("период: «2023/2024», «2020», «2020–2027» или {from, to}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Period, E> {
                Period::parse(v).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Period, E> {
                Period::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Period, A::Error> {
                let r = Range::deserialize(de::value::MapAccessDeserializer::new(map))?;
                if r.from > r.to {
                    return Err(de::Error::custom("начало периода позже его окончания"));
                }
                Ok(Period {
                    from: r.from,
                    to: r.to,
                    academic: false,
                })
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl Roadmap {
    /// The layout: as given, or numbered sections.
    pub fn layout(&self) -> RoadmapLayout {
        self.layout.unwrap_or_default()
    }

    /// The table's columns with every default filled in: the YAML's
    /// `columns` (or the layout's), headed by `headers` when given.
    /// A count of `headers` that does not match is reported by
    /// [`Roadmap::column_problems`]; here the extra headers are ignored.
    pub fn columns(&self) -> Vec<Column> {
        let layout = self.layout();
        let given = if self.columns.is_empty() {
            layout.default_columns()
        } else {
            self.columns.clone()
        };
        given
            .iter()
            .enumerate()
            .map(|(i, c)| Column {
                field: c.field,
                header: self
                    .headers
                    .get(i)
                    .or(c.header.as_ref())
                    .map(|h| h.trim().to_string())
                    .unwrap_or_else(|| layout.default_header(c.field).to_string()),
                list: c.list.unwrap_or_else(|| layout.default_list(c.field)),
            })
            .collect()
    }

    /// Whether the row «1 2 3 …» stands under the header.
    pub fn numbering_row(&self) -> bool {
        self.numbering_row
            .unwrap_or(self.layout() == RoadmapLayout::Strategies)
    }

    /// What is wrong with the columns, as (field path, message): headers
    /// that do not match the columns in number, a column twice, a column
    /// the layout cannot fill, no column at all.
    pub fn column_problems(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let layout = self.layout();
        let count = if self.columns.is_empty() {
            layout.default_columns().len()
        } else {
            self.columns.len()
        };
        if !self.headers.is_empty() && self.headers.len() != count {
            let whose = if self.columns.is_empty() {
                "в этом виде таблицы (layout)"
            } else {
                "в columns"
            };
            out.push((
                "roadmap.headers".to_string(),
                format!(
                    "заголовков {}, а столбцов {whose} {count}: дайте по заголовку на каждый столбец, по порядку",
                    self.headers.len()
                ),
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for (i, c) in self.columns.iter().enumerate() {
            if !seen.insert(c.field) {
                out.push((
                    format!("roadmap.columns[{i}].field"),
                    "этот столбец уже есть в таблице: каждый столбец — один раз".to_string(),
                ));
            }
            if c.field == ColumnField::Section && layout == RoadmapLayout::Sections {
                out.push((
                    format!("roadmap.columns[{i}].field"),
                    "в виде sections разделы — строки через всю таблицу, столбца section в нём нет; выберите layout: stages или strategies".to_string(),
                ));
            }
        }
        if !self.columns.is_empty()
            && !self
                .columns
                .iter()
                .any(|c| matches!(c.field, ColumnField::Title | ColumnField::Content))
        {
            out.push((
                "roadmap.columns".to_string(),
                "в таблице нет столбца с мероприятиями: добавьте field: title или content"
                    .to_string(),
            ));
        }
        out
    }

    /// The title as it heads the document: «План мероприятий (дорожная карта) …».
    pub fn title(&self) -> String {
        match &self.title {
            Some(t) => t.clone(),
            None => format!("План мероприятий (дорожная карта) {}", self.subject.trim()),
        }
    }

    /// Every item with its number («1.1», «6.5.1»), depth first.
    pub fn numbered_items(&self) -> Vec<(String, &RoadmapItem)> {
        fn walk<'a>(
            prefix: &str,
            items: &'a [RoadmapItem],
            out: &mut Vec<(String, &'a RoadmapItem)>,
        ) {
            for (i, item) in items.iter().enumerate() {
                let number = format!("{prefix}.{}", i + 1);
                out.push((number.clone(), item));
                walk(&number, &item.items, out);
            }
        }
        let mut out = Vec::new();
        for (i, section) in self.sections.iter().enumerate() {
            walk(&(i + 1).to_string(), &section.items, &mut out);
        }
        out
    }
}

/// A numbered section of a roadmap: «1. Нормативное правовое регулирование …».
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct RoadmapSection {
    /// The section's title.
    pub title: String,
    /// Its items, numbered «1.1», «1.2» …
    #[serde(default)]
    pub items: Vec<RoadmapItem>,
}

/// One activity of a roadmap. Any field but the title may be empty, as in the
/// real plans, where many cells are blank.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct RoadmapItem {
    /// What is done: «Назначение кураторов внедрения …».
    pub title: String,
    /// Points listed under the title with dashes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
    /// When it is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Deadline>,
    /// Who answers for it, in order.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    #[schemars(schema_with = "crate::load::schema::one_or_many::<Responsible>")]
    pub responsible: Vec<Responsible>,
    /// The result and kind of document, one paragraph per line.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    #[schemars(schema_with = "crate::load::schema::one_or_many::<String>")]
    pub result: Vec<String>,
    /// Sub-items, numbered «6.5.1», «6.5.2» …
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<RoadmapItem>,
    /// Blocks of the activity's content, each with its own deadline and
    /// responsible: the rows of an activity in the stages layout, the
    /// mechanisms of a strategy in the strategies layout.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
    /// The number the author gave the item; checked against its place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// How far it has come.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<crate::model::progress::Status>,
    /// What shows it was done.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    #[schemars(
        schema_with = "crate::load::schema::one_or_many::<crate::model::progress::Evidence>"
    )]
    pub evidence: Vec<crate::model::progress::Evidence>,
}

/// A block of an activity's content with its own deadline and responsible.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// A name for the block: «Вхождение в проблему».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What is done, one point per line; numbered in the stages layout,
    /// with dashes in the strategies layout.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    #[schemars(schema_with = "crate::load::schema::one_or_many::<String>")]
    pub points: Vec<String>,
    /// When it is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Deadline>,
    /// Who answers for it.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    #[schemars(schema_with = "crate::load::schema::one_or_many::<Responsible>")]
    pub responsible: Vec<Responsible>,
    /// What comes of it.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    #[schemars(schema_with = "crate::load::schema::one_or_many::<String>")]
    pub result: Vec<String>,
    /// How far it has come.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<crate::model::progress::Status>,
    /// What shows it was done.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    #[schemars(
        schema_with = "crate::load::schema::one_or_many::<crate::model::progress::Evidence>"
    )]
    pub evidence: Vec<crate::model::progress::Evidence>,
}

/// Who answers for a roadmap item.
///
/// In YAML: a plain string is a role or an organisation written as is
/// («наставники», «ГБОУ ДПО НИРО»); `{person: id, as: "Куратор ЦМН –
/// заместитель директора"}` names one of the organisation's people.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Responsible {
    /// A role or an organisation, written as is.
    Text(String),
    /// One of the people listed under `people`.
    Person {
        /// The key of the person under `people`.
        person: String,
        /// How the person is introduced; the position when absent.
        #[serde(rename = "as", skip_serializing_if = "Option::is_none")]
        role: Option<String>,
        /// Words after the name: «(в рамках компетенции)».
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonResponsible {
    person: String,
    #[serde(rename = "as", default)]
    role: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

impl<'de> Deserialize<'de> for Responsible {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Responsible;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("строку (роль, организация) или {person: ключ, as: роль}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Responsible, E> {
                Ok(Responsible::Text(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Responsible, A::Error> {
                let p = PersonResponsible::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Responsible::Person {
                    person: p.person,
                    role: p.role,
                    note: p.note,
                })
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// Accepts one value or a list of values.
pub(crate) fn one_or_many<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct V<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("значение или список значений")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut out = Vec::new();
            while let Some(v) = seq.next_element()? {
                out.push(v);
            }
            Ok(out)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Vec<T>, E> {
            T::deserialize(de::value::StrDeserializer::new(v)).map(|t| vec![t])
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Vec<T>, A::Error> {
            T::deserialize(de::value::MapAccessDeserializer::new(map)).map(|t| vec![t])
        }
        fn visit_unit<E: de::Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
    }
    deserializer.deserialize_any(V(std::marker::PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_has_three_levels() {
        let yaml = r#"
subject: "на 2020 год"
sections:
  - title: Первый
    items:
      - title: a
      - title: b
        items: [{title: c}, {title: d}]
  - title: Второй
    items: [{title: e, responsible: наставники, result: Итог}]
"#;
        let r: Roadmap = serde_yaml::from_str(yaml).unwrap();
        let numbers: Vec<_> = r.numbered_items().into_iter().map(|(n, _)| n).collect();
        assert_eq!(numbers, ["1.1", "1.2", "1.2.1", "1.2.2", "2.1"]);
        assert_eq!(r.title(), "План мероприятий (дорожная карта) на 2020 год");
        let e = &r.sections[1].items[0];
        assert_eq!(e.responsible, vec![Responsible::Text("наставники".into())]);
        assert_eq!(e.result, vec!["Итог".to_string()]);
    }
}
