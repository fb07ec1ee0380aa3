//! What templates see: the model with the wording rules already applied.

use nastavnik_core::{ImplementationOrder, Organization, OrganizationKind, Person, Roadmap, Unit};
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
    /// The name in the genitive, for «к приказу …».
    pub genitive: String,
    /// «в городском округе город Шарья».
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
            genitive: org
                .name_genitive
                .clone()
                .unwrap_or_else(|| org.short().trim().to_string()),
            territory_locative: org.territory_locative(),
            territory_genitive: org.territory_genitive(),
        }
    }
}

/// A person as templates see them.
#[derive(Serialize)]
pub struct PersonView {
    /// «Е.В. Шевчук».
    pub initials_surname: String,
    /// «Шевчук Е.В.».
    pub surname_initials: String,
    /// «заместитель директора».
    pub position: String,
    /// «заместителя директора», or the nominative when not given.
    pub position_accusative: String,
}

impl PersonView {
    /// Builds the view.
    pub fn new(p: &Person) -> Self {
        PersonView {
            initials_surname: p.initials_surname(),
            surname_initials: p.surname_initials(),
            position: p.position.trim().to_string(),
            position_accusative: p.position_for_appointment().trim().to_string(),
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
    /// «плана мероприятий (дорожная карта) …» for «реализации …».
    pub genitive: String,
}

impl RoadmapView {
    /// Builds the view.
    pub fn new(r: &Roadmap) -> Self {
        let genitive = match &r.title {
            Some(t) => format!("документа {}", nastavnik_core::russian::guillemets(t)),
            None => format!("плана мероприятий (дорожная карта) {}", r.subject.trim()),
        };
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
        }
    }
}
