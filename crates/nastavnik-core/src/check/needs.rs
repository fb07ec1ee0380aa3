//! What each document needs from the file: `nastavnik check` lists the
//! kinds a file can produce and, for each it cannot, what is missing and
//! where to add it; rendering refuses a document for the same reasons and
//! no others. A section used only by later documents (pairs, rewards, a
//! council's protocol) never blocks an earlier one.
//!
//! Documents are named by their identifiers (`order-implementation`,
//! `provision` …): the core knows what data they read, not how they look.
//!
//! ```
//! use nastavnik_core::check::needs;
//! let org = nastavnik_core::Organization::default();
//! let missing = needs::missing(&org, "order-pairs");
//! assert_eq!(missing[0].field, "orders.pairs");
//! assert!(needs::missing(&org, "provision").is_empty());
//! ```

use std::fmt;

use crate::Organization;

/// Something a document needs and the file lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// Where to add it in the YAML: `orders.pairs`, `participants.pairs`.
    pub field: &'static str,
    /// What it is, in Russian.
    pub what: &'static str,
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "поле «{}»: {}", self.field, self.what)
    }
}

const fn need(field: &'static str, what: &'static str) -> Missing {
    Missing { field, what }
}

/// What the document `kind` (its identifier) still needs from `org`; empty
/// when it can be made. An unknown identifier needs nothing.
pub fn missing(org: &Organization, kind: &str) -> Vec<Missing> {
    let o = &org.orders;
    let p = &org.participants;
    let mut out = Vec::new();
    let order = match kind {
        "order-implementation" => Some((&o.implementation, "orders.implementation")),
        "order-curator" => Some((&o.curator, "orders.curator")),
        "order-pairs" => Some((&o.pairs, "orders.pairs")),
        "order-rewards" => Some((&o.rewards, "orders.rewards")),
        "order-final-event" => Some((&o.final_event, "orders.final_event")),
        "order-provision" => Some((&o.provision, "orders.provision")),
        "order-programme" => Some((&o.programme, "orders.programme")),
        _ => None,
    };
    if let Some((order, field)) = order {
        if order.is_none() {
            out.push(need(
                field,
                "раздела приказа нет: добавьте его с номером (number) и датой (date)",
            ));
        }
        if org.head.surname.trim().is_empty() {
            out.push(need(
                "head",
                "приказ подписывает руководитель: укажите его фамилию, инициалы и должность",
            ));
        }
    }
    if kind.starts_with("teachers-") {
        teachers(org, kind, &mut out);
        return out;
    }
    let roadmap = org.roadmap.is_some();
    match kind {
        // The order on implementation annexes the roadmap when there is one
        // (orders.implementation.annexes decides); the roadmap itself needs it.
        "roadmap" if !roadmap => out.push(need(
            "roadmap",
            "нет дорожной карты: добавьте раздел roadmap (from_default: true и period дают типовую)",
        )),
        "order-curator" if org.curator().is_none() => out.push(need(
            "curator",
            "приказ назначает куратора: укажите ключ человека из раздела people",
        )),
        "order-pairs" | "development-plan" if p.pairs.is_empty() => out.push(need(
            "participants.pairs",
            "нет наставнических пар: добавьте participants.mentors, participants.mentees и pairs",
        )),
        "order-rewards" if o.rewards.as_ref().is_some_and(|r| r.rewards.is_empty()) => out.push(
            need("orders.rewards.rewards", "нет ни одного поощрения: кого (who) и как (reward)"),
        ),
        "order-final-event" if o.final_event.as_ref().is_some_and(|r| r.event.is_none()) => out
            .push(need(
                "orders.final_event.event",
                "нет мероприятия: его название (title) и дата (date)",
            )),
        "report-interim" | "report-final" => {
            if !roadmap {
                out.push(need("roadmap", "справка строится по дорожной карте: добавьте раздел roadmap"));
            }
            let (report, field, what) = if kind == "report-interim" {
                (
                    &org.reports.interim,
                    "reports.interim",
                    "в файле нет раздела reports.interim: период справки (period) и кто её подготовил (prepared_by)",
                )
            } else {
                (
                    &org.reports.final_,
                    "reports.final",
                    "в файле нет раздела reports.final: период справки (period) и кто её подготовил (prepared_by)",
                )
            };
            if report.is_none() {
                out.push(need(field, what));
            }
        }
        "municipal-report" if org.reports.municipal.is_none() => out.push(need(
            "reports.municipal",
            "в файле нет раздела reports.municipal: период справки (period) и кто её подготовил (prepared_by)",
        )),
        "municipal-provision" => municipal_provision(org, &mut out),
        // One order approving the document and introducing the model is the
        // order on implementation: no order of its own to print.
        "order-provision" | "order-programme" => {
            let (own, field, what) = if kind == "order-provision" {
                (&o.provision, "orders.provision", "положение утверждено приказом о внедрении (тот же номер и дата): отдельного приказа нет — его текст в order-implementation; для отдельного приказа дайте orders.provision свой номер или дату")
            } else {
                (&o.programme, "orders.programme", "программа утверждена приказом о внедрении (тот же номер и дата): отдельного приказа нет — его текст в order-implementation; для отдельного приказа дайте orders.programme свой номер или дату")
            };
            if let (Some(own), Some(implementation)) = (own, &o.implementation) {
                if crate::check::consistency::same_order(own, implementation) {
                    out.push(need(field, what));
                }
            }
        }
        "mentor-base" if p.mentors.is_empty() => out.push(need(
            "participants.mentors",
            "нет наставников",
        )),
        "mentee-base" if p.mentees.is_empty() => out.push(need(
            "participants.mentees",
            "нет наставляемых",
        )),
        _ => {}
    }
    out
}

/// What the authority's положение о муниципальной системе наставничества
/// needs: the territory it names, and people behind the council's keys.
fn municipal_provision(org: &Organization, out: &mut Vec<Missing>) {
    if org.territory.as_ref().is_none_or(|t| {
        t.name.trim().is_empty() && t.locative.trim().is_empty() && t.genitive.trim().is_empty()
    }) {
        out.push(need(
            "territory",
            "положение называет муниципальное образование: укажите territory (name: Заречный муниципальный округ)",
        ));
    }
    let targets = org.municipal.as_ref().and_then(|m| m.targets.as_ref());
    let shares = targets.iter().flat_map(|t| [t.pupils, t.young_teachers]);
    if shares.flatten().any(|s| !(0.0..=100.0).contains(&s)) {
        out.push(need(
            "municipal.targets",
            "целевой показатель — доля в процентах: число от 0 до 100",
        ));
    }
    let reported = org
        .reports
        .municipal
        .as_ref()
        .and_then(|r| r.figures.as_ref())
        .and_then(|f| f.target);
    if let (Some(own), Some(reported)) = (targets.and_then(|t| t.pupils), reported) {
        if (own - reported).abs() > 1e-9 {
            out.push(need(
                "municipal.targets.pupils",
                "положение и аналитическая справка называют разный целевой показатель охвата обучающихся (reports.municipal.figures.target): оставьте один",
            ));
        }
    }
    let known = |k: &String| k.trim() == "head" || org.people.contains_key(k.trim());
    if let Some(c) = org.municipal.as_ref().and_then(|m| m.council.as_ref()) {
        if !c.head.iter().chain(&c.members).all(known) {
            out.push(need(
                "municipal.council",
                "в составе координационного совета есть ключ, которого нет в разделе people",
            ));
        }
    }
}

/// What the documents of the teachers' mentoring system need (`teachers:`).
fn teachers(org: &Organization, kind: &str, out: &mut Vec<Missing>) {
    let Some(t) = org.teachers.as_ref() else {
        out.push(need(
            "teachers",
            "нет раздела teachers (наставничество педагогических работников: куратор, наставники, наставляемые, пары)",
        ));
        return;
    };
    match kind {
        "teachers-order" if t.orders.provision.is_none() => out.push(need(
            "teachers.orders.provision",
            "раздела приказа нет: добавьте его с номером (number) и датой (date)",
        )),
        "teachers-pairs" if t.orders.pairs.is_none() => out.push(need(
            "teachers.orders.pairs",
            "раздела приказа нет: добавьте его с номером (number) и датой (date)",
        )),
        _ => {}
    }
    if kind == "teachers-order"
        && t.curator
            .as_deref()
            .and_then(|k| org.people.get(k))
            .is_none()
    {
        out.push(need(
            "teachers.curator",
            "приказ назначает куратора: укажите ключ человека из раздела people",
        ));
    }
    if matches!(kind, "teachers-order" | "teachers-roadmap")
        && t.roadmap.as_ref().is_none_or(|r| r.items.is_empty())
    {
        out.push(need(
            "teachers.roadmap.items",
            "нет мероприятий дорожной карты: мероприятие, срок, ответственные, результат",
        ));
    }
    if matches!(kind, "teachers-pairs" | "teachers-programme") && t.pairs.is_empty() {
        out.push(need("teachers.pairs", "нет наставнических пар педагогов"));
    } else if kind == "teachers-programme" && t.pairs.iter().all(|p| p.programme.is_none()) {
        out.push(need(
            "teachers.pairs",
            "ни у одной пары нет персонализированной программы (programme: цель, задачи, мероприятия)",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_order_needs_neither_pairs_nor_a_council() {
        let yaml = r#"
kind: school
name: Муниципальное бюджетное общеобразовательное учреждение «Школа № 3»
short_name: МБОУ «Школа № 3»
head: { surname: Петрова, name: Анна, patronymic: Сергеевна, position: Директор }
orders:
  implementation: { number: "1", date: 01.09.2025 }
roadmap: { from_default: true, period: 2025/2026 }
"#;
        let org = crate::from_yaml_str(yaml, "s.yaml").unwrap();
        assert!(missing(&org, "order-implementation").is_empty());
        assert!(missing(&org, "provision").is_empty());
        let pairs = missing(&org, "order-pairs");
        assert_eq!(
            pairs.iter().map(|m| m.field).collect::<Vec<_>>(),
            ["orders.pairs", "participants.pairs"]
        );
    }
}
