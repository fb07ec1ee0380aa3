//! The authority's own положение: «Положение о муниципальной системе
//! наставничества …» (or «… о муниципальной целевой модели …»). What its
//! template sees: the model's name in every case, the acts in force on its
//! date, the methodical service and the schools of the order on
//! implementation, the municipal curator, the coordination council and the
//! targets of the monitoring.

use minijinja::Value;
use nastavnik_core::catalogue::acts::{self, Cited};
use nastavnik_core::grammar::{inflect_with, Case};
use nastavnik_core::model::municipal::Municipal;
use nastavnik_core::model::progress::percent;
use nastavnik_core::{Citing, Order, Organization, Person};
use serde::Serialize;

use crate::documents::context::{house_style, ActsView, HouseView, OrgView, PersonView};
use crate::documents::DocumentKind;
use crate::GenError;

/// The federal acts the municipal положение cites unless the authority
/// chooses (`acts.cite`, `orders.provision.cites`; the letter on the
/// mentoring of teachers, `letter-az-1128`, is added there): the law on
/// education, Р-145 and the Концепция, each only when in force on its date.
pub const MUNICIPAL_DEFAULT: &[&str] = acts::PROVISION_DEFAULT;

/// The target share of pupils when neither `municipal.targets` nor the
/// analytic report gives one (federal project «Современная школа»).
const DEFAULT_PUPILS_TARGET: f64 = 70.0;

/// The default name of the coordination council.
const DEFAULT_COUNCIL: &str = "координационный совет по вопросам наставничества";

/// The default rhythm of the council's meetings.
const DEFAULT_MEETS: &str = "не реже двух раз в год";

/// A phrase in the cases the text needs.
#[derive(Serialize)]
struct Declined {
    nominative: String,
    genitive: String,
    dative: String,
    accusative: String,
    instrumental: String,
    prepositional: String,
}

impl Declined {
    fn new(text: &str, forms: Option<&nastavnik_core::grammar::Forms>) -> Self {
        let text = text.trim();
        let in_case = |case| inflect_with(forms, text, case).text.trim().to_string();
        Declined {
            nominative: text.to_string(),
            genitive: in_case(Case::Genitive),
            dative: in_case(Case::Dative),
            accusative: in_case(Case::Accusative),
            instrumental: in_case(Case::Instrumental),
            prepositional: in_case(Case::Prepositional),
        }
    }
}

/// The methodical service of the order on implementation.
#[derive(Serialize)]
struct ServiceView {
    /// Its name in the cases.
    name: Declined,
    /// «Лапина Н.В.», or empty.
    head: String,
}

/// The coordination council as the text names it.
#[derive(Serialize)]
struct CouncilView {
    /// «координационный совет по вопросам наставничества», in the cases.
    title: Declined,
    /// «Корнилова С.Ю., начальник управления образования», or none.
    head: Option<String>,
    /// Members the same way.
    members: Vec<String>,
    /// «не реже двух раз в год».
    meets: String,
}

/// The targets, printed: «70 %».
#[derive(Serialize)]
struct TargetsView {
    pupils: String,
    young_teachers: Option<String>,
    year: Option<u16>,
}

/// The person behind a key: under `people`, or `head`.
fn person<'a>(org: &'a Organization, key: &str) -> Option<&'a Person> {
    org.people
        .get(key.trim())
        .or_else(|| (key.trim() == "head").then_some(&org.head))
}

/// «Корнилова С.Ю., начальник управления образования».
fn member(p: &Person) -> String {
    let position = p.position.trim();
    if position.is_empty() {
        p.surname_initials()
    } else {
        format!(
            "{}, {}",
            p.surname_initials(),
            crate::grammar_filters::lower_first(position)
        )
    }
}

/// The order approving the положение: its own (`orders.provision`), else
/// the order on implementation.
fn approving(org: &Organization) -> Option<&Order> {
    org.orders
        .provision
        .as_ref()
        .or(org.orders.implementation.as_ref())
}

/// The acts the положение cites: the authority's choice or the default,
/// then its regional acts and the approving order's `basis` (the order on
/// implementation's when the approving order has none), in force on the
/// document's date.
fn acts_view(org: &Organization) -> ActsView {
    let o = &org.orders;
    let own = o.provision.as_ref();
    let date = approving(org).map(|x| x.date);
    let chosen = match own.filter(|a| !a.cites.is_empty()) {
        Some(a) => Some(&a.cites[..]),
        None => org.acts.cite.as_deref(),
    };
    let basis = match own.filter(|a| !a.basis.is_empty()) {
        Some(a) => &a.basis[..],
        None => o
            .implementation
            .as_ref()
            .map(|i| &i.basis[..])
            .unwrap_or_default(),
    };
    let cited: Vec<Cited> = acts::choose(
        chosen,
        MUNICIPAL_DEFAULT,
        org.acts.regional.iter().chain(basis),
        date,
    );
    let style = house_style(org, DocumentKind::MunicipalProvision);
    ActsView {
        style: match style.acts.unwrap_or_default() {
            Citing::Inline => "inline",
            Citing::List => "list",
        },
        inline: cited.iter().map(|c| c.inline(Case::Instrumental)).collect(),
        listed: cited.iter().map(Cited::listed).collect(),
    }
}

/// The context of `municipal-provision`, or `None` for any other kind.
pub fn context(org: &Organization, kind: DocumentKind) -> Result<Option<Value>, GenError> {
    if kind != DocumentKind::MunicipalProvision {
        return Ok(None);
    }
    let default = Municipal::default();
    let municipal = org.municipal.as_ref().unwrap_or(&default);
    let implementation = org.orders.implementation.as_ref();
    let own = org.orders.provision.as_ref();
    // The schools and the service: the approving order's, else the order on
    // implementation's.
    let schools: Vec<String> = own
        .filter(|o| !o.implementers.is_empty())
        .or(implementation)
        .map(|o| &o.implementers[..])
        .unwrap_or_default()
        .iter()
        .map(|u| u.name.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    let service = own
        .and_then(|o| o.methodical_support.as_ref())
        .or(implementation.and_then(|o| o.methodical_support.as_ref()))
        .filter(|u| !u.name.trim().is_empty())
        .map(|u| ServiceView {
            name: Declined::new(&u.name, None),
            head: u
                .head
                .as_ref()
                .map(Person::surname_initials)
                .unwrap_or_default(),
        });
    let council = municipal.council.as_ref().map(|c| {
        let name = c
            .name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .unwrap_or(DEFAULT_COUNCIL);
        CouncilView {
            title: Declined::new(&crate::grammar_filters::lower_first(name), None),
            head: c.head.as_deref().and_then(|k| person(org, k)).map(member),
            members: c
                .members
                .iter()
                .filter(|k| c.head.as_deref() != Some(k.as_str()))
                .filter_map(|k| person(org, k))
                .map(member)
                .collect(),
            meets: c
                .meets
                .as_deref()
                .map(str::trim)
                .filter(|m| !m.is_empty())
                .unwrap_or(DEFAULT_MEETS)
                .to_string(),
        }
    });
    let targets = municipal.targets.as_ref();
    let pupils = targets
        .and_then(|t| t.pupils)
        .or_else(|| {
            org.reports
                .municipal
                .as_ref()
                .and_then(|r| r.figures.as_ref())
                .and_then(|f| f.target)
        })
        .unwrap_or(DEFAULT_PUPILS_TARGET);
    let targets = TargetsView {
        pupils: percent(pupils, 100.0).unwrap_or_default(),
        young_teachers: targets
            .and_then(|t| t.young_teachers)
            .and_then(|y| percent(y, 100.0)),
        year: targets.and_then(|t| t.year),
    };
    let document_title = own
        .and_then(|o| o.document_title.as_deref())
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    let model = Declined::new(municipal.model_name(), municipal.model_forms.as_ref());
    let report_title = format!(
        "аналитическую справку о реализации целевой модели наставничества {}",
        org.territory_locative().trim()
    );
    // The names' forms written in the YAML (`name_genitive`, `name_forms` …).
    let forms = crate::grammar_filters::explicit_forms(org);
    Ok(Some(minijinja::context! {
        org => Value::from_serialize(OrgView::new(org)),
        short => Value::from_serialize(Declined::new(org.short(), forms.get(org.short().trim()))),
        name => Value::from_serialize(Declined::new(&org.name, forms.get(org.name.trim()))),
        grammar_forms => Value::from_serialize(&forms),
        head => Value::from_serialize(PersonView::new(&org.head)),
        curator => org.curator().map(|p| Value::from_serialize(PersonView::new(p))),
        house => Value::from_serialize(HouseView::new(&house_style(org, kind))),
        acts => Value::from_serialize(acts_view(org)),
        model => Value::from_serialize(&model),
        document_title => document_title,
        schools => schools,
        service => service.map(Value::from_serialize),
        coordination_council => council.map(Value::from_serialize),
        targets => Value::from_serialize(&targets),
        report_title => report_title,
    }))
}
