//! The organisation a document is issued by, and everything the YAML says of it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::grammar::{self, Case, Forms, Inflected};
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
    /// Optional: an override of `name_forms.genitive`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_genitive: Option<String>,
    /// Explicit forms of the full name, where the grammar would guess.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_forms: Option<Forms>,
    /// Explicit forms of the short name: `{genitive: Гимназии № 5}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name_forms: Option<Forms>,
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
    /// The acts its положение and программа cite: a choice from the catalogue
    /// of federal acts and the organisation's regional acts.
    #[serde(default, skip_serializing_if = "crate::model::style::is_default")]
    pub acts: crate::catalogue::acts::Acts,
    /// The house style of its documents; an order may override it.
    #[serde(default, skip_serializing_if = "crate::model::style::is_default")]
    pub style: crate::model::style::HouseStyle,
    /// Mentoring of pedagogical workers, a system of its own beside Р-145.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teachers: Option<crate::model::teachers::Teachers>,
    /// An education authority's own model of mentoring: its name, the
    /// coordination council, the targets (`municipal-provision`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipal: Option<crate::model::municipal::Municipal>,
}

impl Organization {
    /// The short name, or the full one when no short name is given.
    pub fn short(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.name)
    }

    /// Where the model is introduced, in the prepositional case: «в городском
    /// округе город Шарья», or «в» + the short name for a school: «в Гимназии № 5».
    pub fn territory_locative(&self) -> String {
        self.territory_locative_inflected().text
    }

    /// [`Organization::territory_locative`] with how sure the grammar is.
    pub fn territory_locative_inflected(&self) -> Inflected {
        let inflected = match &self.territory {
            Some(t) if !t.locative.trim().is_empty() => return certain(t.locative.trim()),
            Some(t) if !t.name.trim().is_empty() => locative_with(t.forms.as_ref(), t.name.trim()),
            _ => self.short_locative(),
        };
        Inflected {
            text: format!("в {}", inflected.text),
            ..inflected
        }
    }

    /// The territory in the genitive case: «городского округа город Шарья»,
    /// or the short name's genitive.
    pub fn territory_genitive(&self) -> String {
        match &self.territory {
            Some(t) if !t.genitive.trim().is_empty() => t.genitive.trim().to_string(),
            Some(t) if !t.name.trim().is_empty() => {
                grammar::inflect_with(t.forms.as_ref(), t.name.trim(), Case::Genitive).text
            }
            _ => self.short_in(Case::Genitive).text,
        }
    }

    /// The short name in a case: «Гимназии № 5»; `short_name_forms` win
    /// (and `name_forms`, `name_genitive` when there is no short name).
    pub fn short_in(&self, case: Case) -> Inflected {
        if self.short_name.is_some() {
            grammar::inflect_with(self.short_name_forms.as_ref(), self.short().trim(), case)
        } else {
            self.name_in(case)
        }
    }

    /// The short name after «в»: «Гимназии № 5», «Детском саду № 3».
    pub fn short_locative(&self) -> Inflected {
        if self.short_name.is_some() {
            locative_with(self.short_name_forms.as_ref(), self.short().trim())
        } else {
            locative_with(self.name_forms.as_ref(), self.name.trim())
        }
    }

    /// The full name in a case; `name_genitive` is the genitive's override.
    pub fn name_in(&self, case: Case) -> Inflected {
        if case == Case::Genitive {
            if let Some(g) = self
                .name_genitive
                .as_deref()
                .filter(|g| !g.trim().is_empty())
            {
                return certain(g.trim());
            }
        }
        grammar::inflect_with(self.name_forms.as_ref(), self.name.trim(), case)
    }

    /// The name for «к приказу …», «приказом …»: the full name's genitive
    /// when `name_genitive` is written (as authorities do), else the short
    /// name's.
    pub fn genitive(&self) -> String {
        match self
            .name_genitive
            .as_deref()
            .filter(|g| !g.trim().is_empty())
        {
            Some(g) => g.trim().to_string(),
            None => self.short_in(Case::Genitive).text,
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

/// The territory where the model is introduced: its name in the nominative,
/// which the grammar declines, or the forms written out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Territory {
    /// «городской округ город Шарья»
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Explicit forms of the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forms: Option<Forms>,
    /// «в городском округе город Шарья»: with the preposition; wins over `name`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub locative: String,
    /// «городского округа город Шарья», as in «на территории …»; wins over `name`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub genitive: String,
}

/// A form written in the YAML: certain.
pub(crate) fn certain(text: &str) -> Inflected {
    Inflected {
        text: text.to_string(),
        confident: true,
        guessed: Vec::new(),
        note: None,
    }
}

/// A phrase after «в»: the explicit prepositional form, else the locative.
pub fn locative_with(forms: Option<&Forms>, text: &str) -> Inflected {
    match forms.and_then(|f| f.get(Case::Prepositional)) {
        Some(form) => certain(form),
        None => grammar::locative(text),
    }
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

impl Orders {
    /// Every order with its key under `orders` («implementation», «curator»
    /// …), in the order the YAML documents them.
    pub fn by_name(&self) -> [(&'static str, &Option<Order>); 7] {
        [
            ("implementation", &self.implementation),
            ("curator", &self.curator),
            ("pairs", &self.pairs),
            ("rewards", &self.rewards),
            ("final_event", &self.final_event),
            ("provision", &self.provision),
            ("programme", &self.programme),
        ]
    }

    /// Whether the file describes any order at all.
    pub fn any(&self) -> bool {
        self.by_name().iter().any(|(_, o)| o.is_some())
    }
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
