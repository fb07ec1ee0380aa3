//! The acts documents cite: a catalogue of federal acts as data
//! (`data/acts.yaml`), the organisation's choice of them and its own
//! regional acts, and citations in the case a sentence needs or as a list.
//!
//! ```
//! use chrono::NaiveDate;
//! use nastavnik_core::catalogue::acts;
//! use nastavnik_core::grammar::Case;
//! let law = acts::find("law-273").unwrap();
//! assert_eq!(
//!     law.inline(Case::Instrumental).replace('\u{a0}', " "),
//!     "Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»"
//! );
//! let concept = acts::find("concept-2030").unwrap();
//! assert!(!concept.in_force_on(NaiveDate::from_ymd_opt(2020, 6, 1).unwrap()));
//! ```

use std::sync::LazyLock;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

use crate::grammar::{self, Case};
use crate::russian::{date_long_words, date_numeric, guillemets, number_sign};
use crate::IssuedDocument;

/// The catalogue shipped with nastavnik.
pub const CATALOGUE_YAML: &str = include_str!("../../data/acts.yaml");

/// A federal act in the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Act {
    /// The key a YAML file names it by: `law-273`.
    pub id: String,
    /// The kind of act and its issuer in the nominative: «Федеральный закон».
    pub name: String,
    /// The same after «в соответствии с»: «Федеральным законом».
    pub instrumental: String,
    /// After «на основании», «во исполнение»: «Федерального закона».
    pub genitive: String,
    /// After «согласно»: «Федеральному закону».
    pub dative: String,
    /// Date of signing.
    pub date: NaiveDate,
    /// Number: «273-ФЗ».
    pub number: String,
    /// Title without quotes, when it has one.
    #[serde(default)]
    pub title: Option<String>,
    /// The day it takes effect, when not the day of signing.
    #[serde(default)]
    pub in_force: Option<NaiveDate>,
}

impl Act {
    /// Whether a document dated `date` may cite it.
    pub fn in_force_on(&self, date: NaiveDate) -> bool {
        self.in_force.unwrap_or(self.date) <= date
    }

    /// «Федеральным законом от 29.12.2012 № 273-ФЗ «…»» in `case`
    /// (instrumental, genitive, dative; the nominative otherwise).
    pub fn inline(&self, case: Case) -> String {
        let head = match case {
            Case::Instrumental => &self.instrumental,
            Case::Genitive => &self.genitive,
            Case::Dative => &self.dative,
            _ => &self.name,
        };
        with_requisites(
            head,
            date_numeric(self.date),
            &self.number,
            self.title.as_deref(),
        )
    }

    /// «Федеральный закон от 29 декабря 2012 года № 273-ФЗ «…»», for a list.
    pub fn listed(&self) -> String {
        with_requisites(
            &self.name,
            date_long_words(self.date),
            &self.number,
            self.title.as_deref(),
        )
    }
}

fn with_requisites(head: &str, date: String, number: &str, title: Option<&str>) -> String {
    let mut out = format!("{} от {} {}", head.trim(), date, number_sign(number));
    if let Some(title) = title.filter(|t| !t.trim().is_empty()) {
        out.push(' ');
        out.push_str(&guillemets(title));
    }
    out
}

/// The catalogue of federal acts.
pub fn catalogue() -> &'static [Act] {
    static ACTS: LazyLock<Vec<Act>> =
        LazyLock::new(|| serde_yaml::from_str(CATALOGUE_YAML).expect("the shipped acts are valid"));
    &ACTS
}

/// The act with this key.
pub fn find(id: &str) -> Option<&'static Act> {
    catalogue().iter().find(|a| a.id == id.trim())
}

/// The acts a положение cites unless the organisation chooses: the law on
/// education, Р-145 and the Концепция (each only when in force).
pub const PROVISION_DEFAULT: &[&str] = &["law-273", "r-145", "concept-2030"];

/// The acts a программа cites unless the organisation chooses.
pub const PROGRAMME_DEFAULT: &[&str] = &["r-145"];

/// The key of an act of the catalogue, checked when read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct ActId(pub String);

impl ActId {
    /// The act it names.
    pub fn act(&self) -> Option<&'static Act> {
        find(&self.0)
    }
}

impl<'de> Deserialize<'de> for ActId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = String::deserialize(deserializer)?;
        if find(&id).is_some() {
            return Ok(ActId(id.trim().to_string()));
        }
        let known: Vec<&str> = catalogue().iter().map(|a| a.id.as_str()).collect();
        Err(serde::de::Error::custom(format!(
            "«{id}» — нет такого акта в каталоге; известны: {}. Региональный акт впишите в acts.regional (reference, date, number, title)",
            known.join(", ")
        )))
    }
}

/// What the organisation cites: its choice from the catalogue and its own acts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Acts {
    /// Keys of the federal acts the положение and the программа cite, in this order;
    /// when absent, each document's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cite: Option<Vec<ActId>>,
    /// Acts of the region or municipality, cited after the federal ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regional: Vec<IssuedDocument>,
}

/// Chooses the acts a document cites: the organisation's choice or
/// `defaults`, then `own` (regional and order acts), each only when in force
/// on `date` (all of them when the document has no date), without repeats.
pub fn choose<'a>(
    chosen: Option<&'a [ActId]>,
    defaults: &[&str],
    own: impl IntoIterator<Item = &'a IssuedDocument>,
    date: Option<NaiveDate>,
) -> Vec<Cited<'a>> {
    let federal: Vec<&'static Act> = match chosen {
        Some(ids) => ids.iter().filter_map(ActId::act).collect(),
        None => defaults.iter().filter_map(|id| find(id)).collect(),
    };
    let mut out: Vec<Cited<'a>> = Vec::new();
    for act in federal {
        if date.is_none_or(|d| act.in_force_on(d))
            && !out.iter().any(|c| c.same(act.date, &act.number))
        {
            out.push(Cited::Federal(act));
        }
    }
    for doc in own {
        if date.is_none_or(|d| doc.date <= d) && !out.iter().any(|c| c.same(doc.date, &doc.number))
        {
            out.push(Cited::Own(doc));
        }
    }
    out
}

/// An act a document cites.
#[derive(Debug, Clone, Copy)]
pub enum Cited<'a> {
    /// From the catalogue.
    Federal(&'static Act),
    /// Written in the YAML.
    Own(&'a IssuedDocument),
}

impl Cited<'_> {
    fn same(&self, date: NaiveDate, number: &str) -> bool {
        let (d, n) = match self {
            Cited::Federal(a) => (a.date, a.number.as_str()),
            Cited::Own(o) => (o.date, o.number.as_str()),
        };
        d == date && n.trim() == number.trim()
    }

    /// The citation in `case`, for a sentence.
    pub fn inline(&self, case: Case) -> String {
        match self {
            Cited::Federal(a) => a.inline(case),
            Cited::Own(o) => with_requisites(
                &own_head(o, case),
                date_numeric(o.date),
                &o.number,
                o.title.as_deref(),
            ),
        }
    }

    /// The citation in the nominative with the date in words, for a list.
    pub fn listed(&self) -> String {
        match self {
            Cited::Federal(a) => a.listed(),
            Cited::Own(o) => with_requisites(
                &own_head(o, Case::Nominative),
                date_long_words(o.date),
                &o.number,
                o.title.as_deref(),
            ),
        }
    }
}

/// The case a preamble's lead governs: «В соответствии с» the instrumental,
/// «Согласно» the dative, «На основании», «Во исполнение» the genitive.
pub fn case_after(lead: &str) -> Case {
    let lead = lead.trim().to_lowercase();
    if lead.ends_with(" с") || lead.ends_with(" со") || lead == "с" {
        Case::Instrumental
    } else if lead.ends_with("согласно") {
        Case::Dative
    } else {
        Case::Genitive
    }
}

/// Head words of acts: instrumental, genitive, dative, nominative.
const HEADS: &[[&str; 4]] = &[
    [
        "Федеральным законом",
        "Федерального закона",
        "Федеральному закону",
        "Федеральный закон",
    ],
    [
        "методическими рекомендациями",
        "методических рекомендаций",
        "методическим рекомендациям",
        "методические рекомендации",
    ],
    ["приказом", "приказа", "приказу", "приказ"],
    [
        "распоряжением",
        "распоряжения",
        "распоряжению",
        "распоряжение",
    ],
    [
        "постановлением",
        "постановления",
        "постановлению",
        "постановление",
    ],
    ["решением", "решения", "решению", "решение"],
    ["письмом", "письма", "письму", "письмо"],
    ["указом", "указа", "указу", "указ"],
    ["законом", "закона", "закону", "закон"],
    ["положением", "положения", "положению", "положение"],
    ["планом", "плана", "плану", "план"],
    ["программой", "программы", "программе", "программа"],
    ["уставом", "устава", "уставу", "устав"],
];

/// How an act written in the YAML is named in `case`: `reference` is the
/// instrumental as written, `name` the nominative the grammar declines; a
/// reference alone has its head word changed («приказом департамента …» →
/// «приказа департамента …»).
fn own_head(doc: &IssuedDocument, case: Case) -> String {
    let reference = doc.reference.trim();
    let name = doc.name.as_deref().map(str::trim).filter(|n| !n.is_empty());
    if case == Case::Instrumental && !reference.is_empty() {
        return reference.to_string();
    }
    if let Some(name) = name {
        return grammar::inflect_phrase(name, case).text;
    }
    let column = match case {
        Case::Genitive => 1,
        Case::Dative => 2,
        Case::Instrumental => 0,
        _ => 3,
    };
    let lower = reference.to_lowercase();
    for head in HEADS {
        if lower.starts_with(&head[0].to_lowercase()) {
            let rest = &reference[head[0].len()..];
            let word = head[column];
            // Keep a capital the YAML wrote: «Указом» → «Указа».
            let word = if reference.starts_with(|c: char| c.is_uppercase()) {
                upper_first(word)
            } else {
                word.to_string()
            };
            return format!("{word}{rest}");
        }
    }
    reference.to_string()
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_catalogue_reads_and_every_act_has_its_forms() {
        assert!(catalogue().len() >= 6);
        for act in catalogue() {
            assert!(
                !act.instrumental.is_empty() && !act.genitive.is_empty(),
                "{}",
                act.id
            );
        }
    }

    #[test]
    fn a_document_of_2020_does_not_cite_the_concept_of_2025() {
        let cited = choose(None, PROVISION_DEFAULT, [], Some(d(2020, 6, 1)));
        let text: Vec<String> = cited.iter().map(|c| c.inline(Case::Instrumental)).collect();
        assert_eq!(text.len(), 2);
        assert!(!text.join(" ").contains("1264-р"));
        let later = choose(None, PROVISION_DEFAULT, [], Some(d(2025, 9, 1)));
        assert_eq!(later.len(), 3);
    }

    #[test]
    fn a_listed_act_is_in_the_nominative_with_the_date_in_words() {
        let decree = find("decree-94").unwrap();
        assert_eq!(
            decree.listed().replace('\u{a0}', " "),
            "Указ Президента Российской Федерации от 2 марта 2018 года № 94 «Об учреждении знака отличия „За наставничество“»"
        );
    }

    #[test]
    fn a_regional_act_takes_the_case_of_the_lead() {
        let doc = IssuedDocument {
            reference: "приказом департамента образования Тверской области".into(),
            date: d(2020, 8, 13),
            number: "1166".into(),
            ..Default::default()
        };
        let cited = Cited::Own(&doc);
        assert!(cited
            .inline(case_after("На основании"))
            .starts_with("приказа департамента образования Тверской области от 13.08.2020"));
        assert!(cited.listed().starts_with("приказ департамента"));
        assert_eq!(case_after("В соответствии с"), Case::Instrumental);
        assert_eq!(case_after("Во исполнение"), Case::Genitive);
    }
}
