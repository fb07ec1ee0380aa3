//! How the orders of one file refer to each other and to people: whom an
//! order's points name (they sign «С приказом ознакомлены»), the separate
//! order that appointed the curator, the acts an order repeals.

use nastavnik_core::check::consistency::{names_point, separate_curator_order};
use nastavnik_core::grammar::{self, Case, Gender};
use nastavnik_core::model::participants::Participant;
use nastavnik_core::russian::{date_numeric, guillemets, number_sign};
use nastavnik_core::{Order, Organization, OrganizationKind, Person, Responsible};
use serde::Serialize;

use crate::documents::DocumentKind;
use crate::grammar_filters::lower_first;

/// Whether a participant is a pupil (or a student): a class for a role, or
/// the category says so. Pupils sign no order.
fn is_pupil(p: &Participant) -> bool {
    let category = p.category.as_deref().unwrap_or_default().to_lowercase();
    let role = p.role.as_deref().unwrap_or_default().trim();
    ["обучающ", "учени", "учащ", "студент", "воспитанн"]
        .iter()
        .any(|w| category.contains(w))
        || role.starts_with(|c: char| c.is_ascii_digit())
}

/// Whether `p` is the head, who signs the order and is not acquainted with it.
fn is_head(org: &Organization, p: &Person) -> bool {
    p == &org.head
        || (p.surname.trim() == org.head.surname.trim()
            && p.initials() == org.head.initials()
            && !p.surname.trim().is_empty())
}

/// The people the points of the order of `kind` name or charge with a task,
/// in the order of their first mention: the curator, the working group, the
/// event's responsible, the rewarded staff, the staff in the pairs. The head
/// and pupils are left out; the caller removes repeats.
pub fn named<'a>(
    org: &'a Organization,
    kind: DocumentKind,
    order: Option<&'a Order>,
) -> Vec<&'a Person> {
    // Only an order's own points name people; other documents see the
    // order on implementation, whose people are not theirs.
    if org.kind != OrganizationKind::School || kind.order(org).is_none() {
        return Vec::new();
    }
    let mut out: Vec<&Person> = Vec::new();
    let curator = org.curator();
    let participant = |id: &str| {
        org.participants
            .get(id)
            .filter(|p| !is_pupil(p))
            .map(|p| &p.name)
    };
    // The order on pairs charges the mentors (and names the staff among the
    // mentees) before it charges the curator.
    if kind == DocumentKind::OrderPairs {
        for pair in &org.participants.pairs {
            out.extend(participant(&pair.mentor));
            out.extend(pair.mentees.iter().filter_map(|m| participant(m)));
        }
    }
    match kind {
        DocumentKind::OrderImplementation
        | DocumentKind::OrderCurator
        | DocumentKind::OrderPairs
        | DocumentKind::OrderProvision
        | DocumentKind::OrderProgramme => out.extend(curator),
        _ => {}
    }
    if let Some(group) = order.and_then(|o| o.working_group.as_ref()) {
        out.extend(
            group
                .head
                .iter()
                .chain(&group.members)
                .filter_map(|k| org.people.get(k.trim())),
        );
    }
    match kind {
        DocumentKind::OrderRewards => {
            for r in order.map(|o| &o.rewards[..]).unwrap_or_default() {
                match org.participants.get(&r.who) {
                    Some(_) => out.extend(participant(&r.who)),
                    None => out.extend(org.people.get(&r.who)),
                }
            }
        }
        DocumentKind::OrderFinalEvent => {
            for r in order
                .and_then(|o| o.event.as_ref())
                .map(|e| &e.responsible[..])
                .unwrap_or_default()
            {
                if let Responsible::Person { person, .. } = r {
                    out.extend(org.people.get(person));
                }
            }
        }
        _ => {}
    }
    out.retain(|p| !is_head(org, p));
    out
}

/// The separate order that appointed the curator, as the order on
/// implementation cites it: «Куратору внедрения целевой модели
/// наставничества Е.В. Шевчук (назначена приказом от 01.06.2020 № 48)».
#[derive(Serialize, Debug)]
pub struct CuratorOrderView {
    /// The order's date, ISO (templates format it).
    pub date: String,
    /// Its number.
    pub number: String,
    /// «назначена» / «назначен», agreeing with the curator.
    pub appointed: &'static str,
    /// The role at the start of a point, in full (no «ЦМН» is introduced):
    /// «Куратору внедрения целевой модели наставничества».
    pub role_dative: String,
    /// Whether the YAML's edits name the point `curator`: it stays for them.
    pub keep_point: bool,
}

/// The curator's own order, for the order on implementation only.
pub fn curator_order(org: &Organization, kind: DocumentKind) -> Option<CuratorOrderView> {
    if kind != DocumentKind::OrderImplementation {
        return None;
    }
    let curator = org.curator()?;
    let own = separate_curator_order(org)?;
    let implementation = org.orders.implementation.as_ref()?;
    let role_dative = role_dative_full(&crate::documents::order_text::role(
        org,
        Some(implementation),
    ));
    Some(CuratorOrderView {
        date: own.date.format("%Y-%m-%d").to_string(),
        number: own.number.trim().to_string(),
        appointed: if curator.gender() == Some(Gender::Feminine) {
            "назначена"
        } else {
            "назначен"
        },
        role_dative,
        keep_point: names_point(implementation, "curator"),
    })
}

/// The role at the start of a point, in full, for an order that does not
/// introduce «ЦМН»: «Куратору внедрения целевой модели наставничества»,
/// «Ответственной за внедрение целевой модели наставничества».
pub fn role_dative_full(role: &crate::documents::order_text::RoleView) -> String {
    if role.word == "ответственный" {
        role.short_dative
            .replace(" ЦМН", " целевой модели наставничества")
    } else {
        role.short_dative
            .replace(" ЦМН", " внедрения целевой модели наставничества")
    }
}

/// The acts an order repeals, in the accusative after «Признать утратившим
/// силу»: «приказ от 01.09.2019 № 12 «Об утверждении положения …»».
pub fn repeals(order: &Order) -> Vec<String> {
    order
        .repeals
        .iter()
        .map(|d| {
            let name = d
                .name
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .unwrap_or("приказ");
            let inflected = grammar::inflect_phrase(name, Case::Accusative);
            let name = if inflected.confident {
                lower_first(&inflected.text)
            } else {
                name.to_string()
            };
            let mut out = format!(
                "{name} от {} {}",
                date_numeric(d.date),
                number_sign(&d.number)
            );
            if let Some(title) = d.title.as_deref().filter(|t| !t.trim().is_empty()) {
                out.push(' ');
                out.push_str(&guillemets(title.trim()));
            }
            out
        })
        .collect()
}
