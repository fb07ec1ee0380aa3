//! What templates see: the model with the wording rules already applied.

use nastavnik_core::grammar::{Case, Forms};
use nastavnik_core::{
    ImplementationOrder, Organization, OrganizationKind, Person, Roadmap, Sex, Unit,
};
use serde::Serialize;

/// The organisation as templates see it.
#[derive(Serialize)]
pub struct OrgView {
    /// `school` or `authority`.
    pub kind: &'static str,
    /// Full name.
    pub name: String,
    /// Short name.
    pub short: String,
    /// The name in the genitive, for «к приказу …»: `name_genitive` when
    /// written, else the short name's genitive, «Гимназии № 5».
    pub genitive: String,
    /// «в городском округе город Шарья», or «в Гимназии № 5».
    pub territory_locative: String,
    /// «городского округа город Шарья».
    pub territory_genitive: String,
}

impl OrgView {
    /// Builds the view.
    pub fn new(org: &Organization) -> Self {
        OrgView {
            kind: match org.kind {
                OrganizationKind::School => "school",
                OrganizationKind::Authority => "authority",
            },
            name: org.name.trim().to_string(),
            short: org.short().trim().to_string(),
            genitive: org.genitive(),
            territory_locative: org.territory_locative(),
            territory_genitive: org.territory_genitive(),
        }
    }
}

/// A person as templates see them: the name in the nominative in each
/// style, and what the `case` filter needs to decline it.
#[derive(Serialize)]
pub struct PersonView {
    /// «Е.В. Шевчук».
    pub initials_surname: String,
    /// «Шевчук Е.В.».
    pub surname_initials: String,
    /// «Шевчук Елена Викторовна».
    pub full: String,
    /// «заместитель директора».
    pub position: String,
    /// «заместителя директора»: written, or given by the grammar.
    pub position_accusative: String,
    /// Фамилия.
    pub surname: String,
    /// Имя или инициал.
    pub name: String,
    /// Отчество или инициал.
    pub patronymic: String,
    /// `male`, `female`, or none when the YAML does not say.
    pub gender: Option<&'static str>,
    /// Explicit forms of the surname.
    pub forms: Option<Forms>,
}

impl PersonView {
    /// Builds the view.
    pub fn new(p: &Person) -> Self {
        PersonView {
            initials_surname: p.initials_surname(),
            surname_initials: p.surname_initials(),
            full: p.full_name(),
            position: p.position.trim().to_string(),
            position_accusative: p.position_in(Case::Accusative).text.trim().to_string(),
            surname: p.surname.trim().to_string(),
            name: p.name.trim().to_string(),
            patronymic: p.patronymic.trim().to_string(),
            gender: p.gender.map(|s| match s {
                Sex::Male => "male",
                Sex::Female => "female",
            }),
            forms: p.forms.clone(),
        }
    }
}

/// An organisation named with its head.
#[derive(Serialize)]
pub struct UnitView {
    /// Its name.
    pub name: String,
    /// «Прокофьева Н.Ю.», or empty.
    pub head: String,
}

impl UnitView {
    fn new(u: &Unit) -> Self {
        UnitView {
            name: u.name.trim().to_string(),
            head: u
                .head
                .as_ref()
                .map(Person::surname_initials)
                .unwrap_or_default(),
        }
    }
}

/// The implementation order as templates see it.
#[derive(Serialize)]
pub struct OrderView {
    /// Registration number.
    pub number: String,
    /// ISO date; format it with the date filters.
    pub date: String,
    /// A title given in YAML.
    pub title: Option<String>,
    /// Citations of the acts in the preamble.
    pub basis: Vec<String>,
    /// The purpose closing the preamble.
    pub purpose: Option<String>,
    /// ISO start date.
    pub start: Option<String>,
    /// Organisations that introduce the model.
    pub implementers: Vec<UnitView>,
    /// The organisation that supports them.
    pub methodical_support: Option<UnitView>,
    /// ISO date for publishing on the website.
    pub publish_by: Option<String>,
    /// Further points as written.
    pub extra_points: Vec<String>,
}

fn iso(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

impl OrderView {
    /// Builds the view.
    pub fn new(o: &ImplementationOrder) -> Self {
        OrderView {
            number: o.number.trim().to_string(),
            date: iso(o.date),
            title: o.title.clone(),
            basis: o.basis.iter().map(|b| b.citation()).collect(),
            purpose: o.purpose.clone(),
            start: o.start.map(iso),
            implementers: o.implementers.iter().map(UnitView::new).collect(),
            methodical_support: o.methodical_support.as_ref().map(UnitView::new),
            publish_by: o.publish_by.map(iso),
            extra_points: o.extra_points.clone(),
        }
    }
}

/// The roadmap's names as templates see them.
#[derive(Serialize)]
pub struct RoadmapView {
    /// `sections`, `stages` or `strategies`.
    pub layout: &'static str,
    /// Lines of the annex mark of a standalone roadmap.
    pub mark: Vec<String>,
    /// «План мероприятий (дорожная карта) …».
    pub title: String,
    /// «плана мероприятий (дорожной карты) …» for «реализации …».
    pub genitive: String,
    /// The headers of the table's columns, from the data (one per column).
    pub headers: Vec<String>,
}

impl RoadmapView {
    /// Builds the view.
    pub fn new(r: &Roadmap) -> Self {
        let genitive = crate::grammar_filters::lower_first(
            &nastavnik_core::grammar::inflect_phrase(&r.title(), Case::Genitive).text,
        );
        let layout = match r.layout() {
            nastavnik_core::RoadmapLayout::Sections => "sections",
            nastavnik_core::RoadmapLayout::Stages => "stages",
            nastavnik_core::RoadmapLayout::Strategies => "strategies",
        };
        RoadmapView {
            layout,
            mark: r.mark.clone(),
            title: r.title(),
            genitive,
            headers: crate::documents::roadmap_table::roadmap_headers(r),
        }
    }
}
