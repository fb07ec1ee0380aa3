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
use crate::{Annex, Order, Organization, OrganizationKind};

/// Whether two entries under `orders` are one order written twice: the same
/// number on the same date (the order on implementation that also approves
/// the положение).
pub fn same_order(a: &Order, b: &Order) -> bool {
    a.number.trim() == b.number.trim() && a.date == b.date
}

/// Whether the school's order on implementation approves `document`
/// (`provision` or `programme`) as its annex: `provision` is listed in its
/// `annexes`, or, without that list, `orders.provision` is that very order.
pub fn implementation_approves(org: &Organization, document: &str) -> bool {
    let Some(implementation) = &org.orders.implementation else {
        return false;
    };
    if org.kind != OrganizationKind::School {
        return false;
    }
    match &implementation.annexes {
        Some(listed) => listed
            .iter()
            .any(|a| matches!(a, Annex::Built(name) if name.trim() == document)),
        None => approved_order(org, document).is_some_and(|o| same_order(o, implementation)),
    }
}

/// `orders.provision` or `orders.programme`, by the key.
pub fn approved_order<'a>(org: &'a Organization, document: &str) -> Option<&'a Order> {
    match document {
        "provision" => org.orders.provision.as_ref(),
        "programme" => org.orders.programme.as_ref(),
        _ => None,
    }
}

/// The order that approves `document` (`provision` or `programme`): its own
/// order, or the order on implementation when that one annexes it.
pub fn approving_order<'a>(org: &'a Organization, document: &str) -> Option<&'a Order> {
    approved_order(org, document).or_else(|| {
        implementation_approves(org, document)
            .then_some(org.orders.implementation.as_ref())
            .flatten()
    })
}

/// The separate order appointing the curator, when the school has one
/// besides its order on implementation: then the order on implementation
/// does not appoint the curator again but refers to it.
pub fn separate_curator_order(org: &Organization) -> Option<&Order> {
    let implementation = org.orders.implementation.as_ref()?;
    let curator = org.orders.curator.as_ref()?;
    (org.kind == OrganizationKind::School && !same_order(implementation, curator))
        .then_some(curator)
}

/// Whether the YAML's edits of an order's points name the point `key`
/// (drop it, replace it, insert beside it or move it).
pub fn names_point(order: &Order, key: &str) -> bool {
    order.points.as_ref().is_some_and(|p| {
        p.drop.iter().any(|k| k.trim() == key)
            || p.replace.contains_key(key)
            || p.order.iter().any(|k| k.trim() == key)
            || p.insert.iter().any(|i| {
                i.after.as_deref().map(str::trim) == Some(key)
                    || i.before.as_deref().map(str::trim) == Some(key)
            })
    })
}

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
    approval_dates(org, &mut found);
    curator_once(org, &mut found);
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

fn warning(found: &mut Vec<Problem>, field: String, message: String) {
    found.push(Problem {
        severity: Severity::Warning,
        field,
        message,
    });
}

/// The curator is appointed once. With a separate order on the curator the
/// order on implementation refers to it instead of its own point
/// `curator`; a YAML that keeps that point (replaces it, moves it, inserts
/// beside it) appoints the curator twice, and is told which point to drop.
fn curator_once(org: &Organization, found: &mut Vec<Problem>) {
    let (Some(curator), Some(implementation)) =
        (separate_curator_order(org), &org.orders.implementation)
    else {
        return;
    };
    if org.curator().is_none() {
        return;
    }
    let forced = names_point(implementation, "curator")
        && !implementation
            .points
            .as_ref()
            .is_some_and(|p| p.drop.iter().any(|k| k.trim() == "curator"));
    if forced {
        warning(
            found,
            "orders.implementation.points".into(),
            format!(
                "куратора назначает приказ orders.curator ({} № {}), а пункт curator приказа о внедрении назначает его ещё раз; уберите этот пункт — points: {{drop: [curator]}} — приказ о внедрении сошлётся на приказ о назначении куратора сам",
                numeric(curator.date),
                curator.number.trim()
            ),
        );
    }
    if curator.date > implementation.date {
        error(
            found,
            "orders.curator.date".into(),
            format!(
                "приказ о внедрении ({} № {}) ссылается на приказ о назначении куратора, а тот датирован позже — {}; назначают куратора не позже приказа о внедрении — проверьте даты",
                numeric(implementation.date),
                implementation.number.trim(),
                numeric(curator.date)
            ),
        );
    }
}

/// What a document is, for messages: «положение», «программа».
pub(crate) fn noun(document: &str) -> (&'static str, &'static str) {
    // (nominative, accusative)
    match document {
        "provision" => ("положение", "положение"),
        _ => ("программа", "программу"),
    }
}

/// «утверждено» / «утверждена», agreeing with the document.
pub(crate) fn approved_word(document: &str) -> &'static str {
    if document == "provision" {
        "утверждено"
    } else {
        "утверждена"
    }
}

/// Adopted (ПРИНЯТО) before approved (УТВЕРЖДЕНО), for each stamp that
/// carries its own date; the approving order puts it into force not
/// before it is signed.
fn approval_dates(org: &Organization, found: &mut Vec<Problem>) {
    for document in ["provision", "programme"] {
        let Some(approving) = approving_order(org, document) else {
            continue;
        };
        let (nominative, accusative) = noun(document);
        // The council's date is checked in `order_dates` for the documents'
        // own orders; here the order on implementation that approves them.
        if approved_order(org, document).is_none() {
            if let Some(council) = &org.council {
                if council.date > approving.date {
                    error(
                        found,
                        "council.date".into(),
                        format!(
                            "педагогический совет принял {accusative} {}, позже приказа о внедрении, которым {} {} ({} № {}); принимают до утверждения — проверьте даты",
                            numeric(council.date),
                            if document == "provision" { "оно" } else { "она" },
                            approved_word(document),
                            numeric(approving.date),
                            approving.number.trim()
                        ),
                    );
                }
            }
        }
        if let Some(own) = approved_order(org, document) {
            for (i, a) in own.approvals.iter().enumerate() {
                let adopted = a.kind == crate::ApprovalKind::Adopted;
                let Some(date) = a.date.filter(|_| adopted && a.document.is_none()) else {
                    continue;
                };
                if date > approving.date {
                    error(
                        found,
                        format!("orders.{document}.approvals[{i}].date"),
                        format!(
                            "гриф «ПРИНЯТО» датирован {}, позже приказа, которым {nominative} {} ({} № {}); принимают до утверждения — проверьте даты",
                            numeric(date),
                            approved_word(document),
                            numeric(approving.date),
                            approving.number.trim()
                        ),
                    );
                }
            }
            if let Some(start) = own.start {
                if start < own.date {
                    warning(
                        found,
                        format!("orders.{document}.start"),
                        format!(
                            "{nominative} вводится в действие с {}, раньше приказа, который {} утверждает ({}); обычно вводят в действие со дня приказа или позже",
                            numeric(start),
                            if document == "provision" { "его" } else { "её" },
                            numeric(own.date)
                        ),
                    );
                }
            }
        }
    }
    // The orders on pairs and on rewards cite the положение in their
    // preamble: it is approved by then.
    if let Some(provision) = approving_order(org, "provision") {
        let o = &org.orders;
        for (name, order, what) in [
            (
                "pairs",
                &o.pairs,
                "приказ об утверждении наставнических пар",
            ),
            ("rewards", &o.rewards, "приказ о поощрении"),
        ] {
            let Some(order) = order else { continue };
            if order.date < provision.date {
                error(
                    found,
                    format!("orders.{name}.date"),
                    format!(
                        "{what} датирован {} и ссылается на положение о программе наставничества, а оно утверждено позже — приказом от {} № {}; проверьте даты",
                        numeric(order.date),
                        numeric(provision.date),
                        provision.number.trim()
                    ),
                );
            }
        }
    }
    // A report is written after the period it reports on has begun.
    if let Some(period) = org.roadmap.as_ref().and_then(|r| r.period) {
        for (name, report) in [
            ("interim", &org.reports.interim),
            ("final", &org.reports.final_),
        ] {
            let Some(as_of) = report.as_ref().and_then(|r| r.as_of) else {
                continue;
            };
            if as_of < period.from {
                error(
                    found,
                    format!("reports.{name}.as_of"),
                    format!(
                        "справка составлена на {}, до начала периода дорожной карты ({} – {}), о котором она отчитывается; проверьте дату",
                        numeric(as_of),
                        numeric(period.from),
                        numeric(period.to)
                    ),
                );
            }
        }
    }
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
    o.by_name()
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
