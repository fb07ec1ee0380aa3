//! One consistent set: what the documents of one file say of each other.
//!
//! Each document may be right on its own and the set still contradict
//! itself: a pupil without consent named in an order, a council that
//! adopted the положение after the director approved it, two orders of one
//! year under one number. These checks read the whole organisation and
//! report each contradiction at the field to change.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::check::diagnostic::Severity;
use crate::check::Problem;
use crate::russian::date_numeric as numeric;
use crate::{Order, Organization};

/// Every contradiction between the parts of `org`, as problems to report.
///
/// ```
/// let yaml = "kind: school\nname: Школа\nhead: Иванов И.И.\norders:\n  implementation: {number: '5', date: 2024-09-02}\n  pairs: {number: '5', date: 2024-08-30}\n";
/// let err = nastavnik_core::from_yaml_str(yaml, "s.yaml").unwrap_err().to_string();
/// assert!(err.contains("orders.pairs.date"), "{err}");
/// assert!(err.contains("orders.pairs.number"), "{err}");
/// ```
pub fn contradictions(org: &Organization) -> Vec<Problem> {
    let mut found = Vec::new();
    consent(org, &mut found);
    order_dates(org, &mut found);
    order_numbers(org, &mut found);
    found
}

fn error(found: &mut Vec<Problem>, field: String, message: String) {
    found.push(Problem {
        severity: Severity::Error,
        field,
        message,
    });
}

/// A participant whose `consent` is false is named by no public document:
/// the order on pairs and the development plans name every paired person.
fn consent(org: &Organization, found: &mut Vec<Problem>) {
    let p = &org.participants;
    for (i, pair) in p.pairs.iter().enumerate() {
        let people = std::iter::once((format!("participants.pairs[{i}].mentor"), &pair.mentor))
            .chain(
                pair.mentees
                    .iter()
                    .enumerate()
                    .map(|(j, id)| (format!("participants.pairs[{i}].mentees[{j}]"), id)),
            );
        for (field, id) in people {
            let Some(person) = p.get(id) else { continue };
            if person.consent == Some(false) {
                error(
                    found,
                    field,
                    format!(
                        "у участника «{}» нет согласия на обработку персональных данных (consent: false), а пары называют поимённо приказ об утверждении пар и индивидуальные планы; получите согласие и напишите consent: true или не включайте его в пары",
                        person.name.surname_initials()
                    ),
                );
            }
        }
    }
}

/// The orders of a file, with their YAML names, in the order they are listed.
fn orders(org: &Organization) -> Vec<(&'static str, &Order)> {
    let o = &org.orders;
    [
        ("implementation", &o.implementation),
        ("curator", &o.curator),
        ("pairs", &o.pairs),
        ("rewards", &o.rewards),
        ("final_event", &o.final_event),
        ("provision", &o.provision),
        ("programme", &o.programme),
    ]
    .into_iter()
    .filter_map(|(name, order)| order.as_ref().map(|order| (name, order)))
    .collect()
}

/// Dates in a possible order: a document comes after what it rests on.
fn order_dates(org: &Organization, found: &mut Vec<Problem>) {
    let o = &org.orders;
    if let Some(implementation) = &o.implementation {
        let after_implementation = [
            (
                "pairs",
                &o.pairs,
                "приказ об утверждении наставнических пар",
            ),
            ("rewards", &o.rewards, "приказ о поощрении"),
            (
                "final_event",
                &o.final_event,
                "приказ о проведении итогового мероприятия",
            ),
        ];
        for (name, order, what) in after_implementation {
            let Some(order) = order else { continue };
            if order.date < implementation.date {
                error(
                    found,
                    format!("orders.{name}.date"),
                    format!(
                        "{what} датирован {}, раньше приказа о внедрении целевой модели ({} № {}), на котором он основан; проверьте даты",
                        numeric(order.date),
                        numeric(implementation.date),
                        implementation.number.trim()
                    ),
                );
            }
        }
        for (name, report) in [
            ("interim", &org.reports.interim),
            ("final", &org.reports.final_),
        ] {
            let Some(as_of) = report.as_ref().and_then(|r| r.as_of) else {
                continue;
            };
            if as_of < implementation.date {
                error(
                    found,
                    format!("reports.{name}.as_of"),
                    format!(
                        "справка составлена на {}, раньше приказа о внедрении целевой модели ({} № {}): отчитываться ещё не о чем; проверьте дату",
                        numeric(as_of),
                        numeric(implementation.date),
                        implementation.number.trim()
                    ),
                );
            }
        }
    }
    if let (Some(interim), Some(last)) = (
        org.reports.interim.as_ref().and_then(|r| r.as_of),
        org.reports.final_.as_ref().and_then(|r| r.as_of),
    ) {
        if last < interim {
            error(
                found,
                "reports.final.as_of".into(),
                format!(
                    "итоговая справка ({}) датирована раньше промежуточной ({}); проверьте даты",
                    numeric(last),
                    numeric(interim)
                ),
            );
        }
    }
    // The council adopts (ПРИНЯТО) before the head approves (УТВЕРЖДЕНО).
    if let Some(council) = &org.council {
        for (name, order) in [("provision", &o.provision), ("programme", &o.programme)] {
            let Some(order) = order else { continue };
            let adopted = council.date;
            if adopted > order.date {
                error(
                    found,
                    "council.date".into(),
                    format!(
                        "педагогический совет принял документ {}, позже приказа, которым он утверждён ({} № {}, orders.{name}); принимают до утверждения — проверьте даты",
                        numeric(adopted),
                        numeric(order.date),
                        order.number.trim()
                    ),
                );
            }
        }
    }
    for (name, order) in orders(org) {
        if let Some(by) = order.publish_by {
            if by < order.date {
                error(
                    found,
                    format!("orders.{name}.publish_by"),
                    format!(
                        "срок размещения на сайте ({}) раньше даты самого приказа ({}); проверьте даты",
                        numeric(by),
                        numeric(order.date)
                    ),
                );
            }
        }
    }
}

/// Registration numbers are unique within a year among the organisation's
/// orders; one order may stand for several documents (the order on
/// implementation that also approves the положение), so the same number
/// on the same date is one order, not two.
fn order_numbers(org: &Organization, found: &mut Vec<Problem>) {
    let mut seen: BTreeMap<(i32, String), (&str, NaiveDate)> = BTreeMap::new();
    for (name, order) in orders(org) {
        let number = order.number.trim();
        if number.is_empty() {
            continue;
        }
        let key = (order.date.year(), number.to_lowercase());
        match seen.get(&key) {
            Some((first, date)) if *date != order.date => error(
                found,
                format!("orders.{name}.number"),
                format!(
                    "номер № {number} в {} году уже у приказа orders.{first} от {}; у разных приказов одного года номера разные",
                    order.date.year(),
                    numeric(*date)
                ),
            ),
            Some(_) => {}
            None => {
                seen.insert(key, (name, order.date));
            }
        }
    }
}
