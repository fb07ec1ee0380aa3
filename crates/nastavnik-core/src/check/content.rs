//! What the orders on rewards, on the final event and the programme say: a
//! payment names its sum and its source of funds; the people an event's
//! programme charges exist; a programme's period stands on the programme.

use crate::check::diagnostic::Severity;
use crate::check::Problem;
use crate::{Organization, Responsible};

fn error(field: String, message: String) -> Problem {
    Problem {
        severity: Severity::Error,
        field,
        message,
    }
}

/// The problems of `orders.rewards` and `orders.final_event`.
pub fn problems(org: &Organization) -> Vec<Problem> {
    let mut out = Vec::new();
    let o = &org.orders;
    for (name, order) in o.by_name() {
        if name != "programme" && order.as_ref().is_some_and(|o| o.period.is_some()) {
            out.push(error(
                format!("orders.{name}.period"),
                "срок реализации (period) печатает только программа: перенесите его в orders.programme".into(),
            ));
        }
    }
    let rewards = org.orders.rewards.iter().flat_map(|o| &o.rewards);
    for (i, r) in rewards.enumerate() {
        let at = format!("orders.rewards.rewards[{i}]");
        if r.amount == Some(0) {
            out.push(error(
                format!("{at}.amount"),
                "сумма выплаты — 0 рублей: укажите сумму в рублях числом (amount: 5000)".into(),
            ));
        }
        if !r.is_monetary() {
            if r.amount.is_some() {
                out.push(Problem {
                    severity: Severity::Warning,
                    field: format!("{at}.amount"),
                    message: format!(
                        "сумма указана у поощрения «{}», которое не названо выплатой: приказ напечатает «в размере …»; назовите поощрение выплатой или премией либо уберите amount",
                        r.reward.trim()
                    ),
                });
            }
            continue;
        }
        let what = r.reward.trim();
        if r.amount.is_none() {
            out.push(error(
                format!("{at}.amount"),
                format!("«{what}» — денежное поощрение: укажите сумму в рублях (amount: 5000), приказ напишет «в размере 5 000 (пяти тысяч) рублей»"),
            ));
        }
        if r.source.as_deref().is_none_or(|s| s.trim().is_empty()) {
            out.push(error(
                format!("{at}.source"),
                format!("«{what}» — денежное поощрение: укажите источник средств (source: за счет стимулирующей части фонда оплаты труда)"),
            ));
        }
    }
    let event = org
        .orders
        .final_event
        .as_ref()
        .and_then(|o| o.event.as_ref());
    for (i, item) in event.iter().flat_map(|e| e.programme.iter()).enumerate() {
        let at = format!("orders.final_event.event.programme[{i}]");
        if item.title().trim().is_empty() {
            out.push(error(
                format!("{at}.title"),
                "пункт программы пуст: напишите, что проводится (title)".into(),
            ));
        }
        let crate::model::order::ProgrammeItem::Slot(slot) = item else {
            continue;
        };
        for (k, r) in slot.responsible.iter().enumerate() {
            if let Responsible::Person { person, .. } = r {
                if !org.people.contains_key(person) {
                    out.push(error(
                        format!("{at}.responsible[{k}].person"),
                        format!(
                            "человек с ключом «{person}» не найден в разделе people; {}",
                            super::close_keys(person, org.people.keys())
                        ),
                    ));
                }
            }
        }
    }
    out
}
