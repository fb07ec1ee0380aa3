//! The organisation a document is issued by, and everything the YAML says of it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{russian::dates, Order, Person, Roadmap};

/// A school or an education authority, with its people, roadmap and orders.
///
/// This is the root of a YAML file. An embedder may build it in code:
///
/// ```
/// use nastavnik_core::{Organization, OrganizationKind, Person};
/// let school = Organization {
///     kind: OrganizationKind::School,
///     name: "Муниципальное бюджетное общеобразовательное учреждение средняя школа № 9".into(),
///     short_name: Some("МБОУ средняя школа № 9".into()),
///     head: Person::new("Уханов", "А.", "В.").with_position("Директор"),
///     ..Organization::default()
/// };
/// assert_eq!(school.short(), "МБОУ средняя школа № 9");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// School or education authority.
    pub kind: OrganizationKind,
    /// The full name as it heads an order.
    pub name: String,
    /// The short name used in running text: «МБОУ средняя школа № 9».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// The full name in the genitive case, for «к приказу Управления образования …».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_genitive: Option<String>,
    /// Lines printed above the name, as an authority does: «РОССИЙСКАЯ ФЕДЕРАЦИЯ», the region.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header: Vec<String>,
    /// Place of issue: «г. Шарья».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// How running text names where the model is introduced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub territory: Option<Territory>,
    /// The head who signs: director or head of the authority, with position.
    /// Needed by orders; a standalone roadmap can do without.
    #[serde(default)]
    pub head: Person,
    /// People the documents name, by a short key of your choice.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub people: BTreeMap<String, Person>,
    /// The key of the curator of the target model under `people`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub curator: Option<String>,
    /// The roadmap of the model's introduction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roadmap: Option<Roadmap>,
    /// Orders the organisation issues.
    #[serde(default)]
    pub orders: Orders,
    /// Documents already issued, by a key of your choice, for others to cite.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub documents: BTreeMap<String, IssuedDocument>,
    /// Reports (справки) on the roadmap's progress.
    #[serde(default)]
    pub reports: crate::model::report::Reports,
    /// The forms of mentoring the organisation uses: «учитель – учитель» …
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forms: Vec<crate::catalogue::forms::FormName>,
    /// Mentors, mentees and their pairs and groups.
    #[serde(default)]
    pub participants: crate::model::participants::Participants,
    /// Decisions of collegial bodies: the pedagogical council that adopted the положение.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub council: Option<IssuedDocument>,
}

impl Organization {
    /// The short name, or the full one when no short name is given.
    pub fn short(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.name)
    }

    /// Where the model is introduced, in the prepositional case: «в городском
    /// округе город Шарья», or «в» + the short name for a school.
    pub fn territory_locative(&self) -> String {
        match &self.territory {
            Some(t) => t.locative.clone(),
            None => format!("в {}", self.short()),
        }
    }

    /// The territory in the genitive case: «городского округа город Шарья».
    pub fn territory_genitive(&self) -> String {
        match &self.territory {
            Some(t) => t.genitive.clone(),
            None => self.short().to_string(),
        }
    }

    /// The curator, when one is named and listed under `people`.
    pub fn curator(&self) -> Option<&Person> {
        self.people.get(self.curator.as_deref()?)
    }
}

/// What kind of organisation issues the documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum OrganizationKind {
    /// A school (or college): signed by the director; staff sign «С приказом ознакомлены».
    #[default]
    #[serde(alias = "школа")]
    School,
    /// A municipal or regional education authority: prints header lines above its name.
    #[serde(alias = "орган управления образованием")]
    Authority,
}

/// The territory in the cases running text needs; Russian grammar is data here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Territory {
    /// «в городском округе город Шарья»
    pub locative: String,
    /// «городского округа город Шарья», as in «на территории …»
    pub genitive: String,
}

/// The orders of an organisation, by kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Orders {
    /// Приказ о внедрении целевой модели наставничества.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implementation: Option<Order>,
    /// Приказ о назначении куратора.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub curator: Option<Order>,
    /// Приказ об утверждении наставнических пар / групп.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pairs: Option<Order>,
    /// Приказ о поощрении участников наставнической деятельности.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rewards: Option<Order>,
    /// Приказ о проведении итогового мероприятия.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_event: Option<Order>,
    /// Приказ об утверждении положения о программе наставничества.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provision: Option<Order>,
    /// Приказ об утверждении программы наставничества.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<Order>,
}

/// A document already issued, cited by number and date: «приказом департамента
/// … от 13.08.2020 № 1166 «О внедрении …»».
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct IssuedDocument {
    /// How a preamble names it, in the instrumental case:
    /// «приказом департамента образования и науки Костромской области».
    #[serde(default)]
    pub reference: String,
    /// Its name in the nominative: «приказ директора школы».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Date of signing.
    #[serde(with = "dates::iso_or_russian")]
    #[schemars(schema_with = "crate::load::schema::date")]
    pub date: chrono::NaiveDate,
    /// Registration number: a string, as in «488», «14-а», «181/1».
    pub number: String,
    /// Its title, without quotes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

impl IssuedDocument {
    /// «приказом … от 13.08.2020 № 1166 «О внедрении …»».
    pub fn citation(&self) -> String {
        let mut out = format!(
            "{} от {} {}",
            self.reference.trim(),
            crate::russian::date_numeric(self.date),
            crate::russian::number_sign(&self.number)
        );
        if let Some(title) = &self.title {
            out.push(' ');
            out.push_str(&crate::russian::guillemets(title));
        }
        out
    }
}
