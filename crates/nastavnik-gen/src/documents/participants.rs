//! Tables of participants: the pairs annexed to an order, the bases of
//! mentors and mentees, individual development plans.

use nastavnik_core::{Organization, Status};

use crate::documents::components::Base;
use crate::ir::{Cell, Row, Table};

fn header(headers: &[String]) -> Row {
    Row {
        cells: headers
            .iter()
            .map(|h| Cell::text(h.clone()).bold().centered())
            .collect(),
    }
}

fn name_of(org: &Organization, id: &str) -> String {
    org.participants
        .get(id)
        .map(|p| p.with_role())
        .unwrap_or_else(|| id.to_string())
}

/// «№ · наставник · наставляемый · форма · срок»: a group of one mentor and
/// several mentees is one mentor cell over their rows.
pub fn pairs_table(org: &Organization, headers: &[String]) -> Table {
    let mut rows = Vec::new();
    for (i, pair) in org.participants.pairs.iter().enumerate() {
        let span = pair.mentees.len().max(1) as u16;
        let spanning = |mut c: Cell| {
            c.row_span = span;
            c
        };
        let period = pair
            .period
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        for (k, mentee) in pair.mentees.iter().enumerate() {
            let mut cells = Vec::new();
            if k == 0 {
                cells.push(spanning(Cell::text(format!("{}.", i + 1))));
                cells.push(spanning(Cell::text(name_of(org, &pair.mentor))));
            }
            cells.push(Cell::text(name_of(org, mentee)));
            if k == 0 {
                cells.push(spanning(Cell::text(format!("«{}»", pair.form))));
                cells.push(spanning(Cell::text(period.clone())));
            }
            rows.push(Row { cells });
        }
    }
    Table {
        columns: vec![7.0, 30.0, 30.0, 18.0, 15.0],
        header: vec![header(headers)],
        rows,
    }
}

/// The base of mentors (`mentors`) or of mentees: who, role, category, notes,
/// consent, forms and partners from the pairs.
pub fn participants_table(org: &Organization, base: Base, headers: &[String]) -> Table {
    let p = &org.participants;
    let mentors = base == Base::Mentors;
    let list = if mentors { &p.mentors } else { &p.mentees };
    let rows = list
        .iter()
        .enumerate()
        .map(|(i, person)| {
            let pairs: Vec<_> = p
                .pairs
                .iter()
                .filter(|pair| {
                    if mentors {
                        pair.mentor == person.id
                    } else {
                        pair.mentees.contains(&person.id)
                    }
                })
                .collect();
            let mut forms: Vec<String> = pairs
                .iter()
                .map(|pair| format!("«{}»", pair.form))
                .collect();
            forms.dedup();
            let partners: Vec<String> = pairs
                .iter()
                .flat_map(|pair| {
                    if mentors {
                        pair.mentees.clone()
                    } else {
                        vec![pair.mentor.clone()]
                    }
                })
                .filter_map(|id| p.get(&id).map(|x| x.name.surname_initials()))
                .collect();
            let consent = match person.consent {
                Some(true) => "получено",
                Some(false) => "нет",
                None => "",
            };
            Row {
                cells: vec![
                    Cell::text(format!("{}.", i + 1)),
                    Cell::text(person.name.full_name()),
                    Cell::text(person.role.clone().unwrap_or_default()),
                    Cell::text(person.category.clone().unwrap_or_default()),
                    Cell::text(person.notes.clone().unwrap_or_default()),
                    Cell::text(consent),
                    Cell::text(forms.join(", ")),
                    Cell::text(partners.join(", ")),
                ],
            }
        })
        .collect();
    Table {
        columns: vec![5.0, 17.0, 14.0, 11.0, 19.0, 10.0, 12.0, 12.0],
        header: vec![header(headers)],
        rows,
    }
}

/// The plan of the pair at `index` (from 0): задача · мероприятие · срок ·
/// результат · отметка; `None` if there is no such pair.
pub fn plan_table(org: &Organization, index: usize, headers: &[String]) -> Option<Table> {
    let rows = org.participants.pairs.get(index).map(|pair| {
        pair.plan
            .iter()
            .enumerate()
            .map(|(i, t)| Row {
                cells: vec![
                    Cell::text(format!("{}.", i + 1)),
                    Cell::text(t.task.clone()),
                    Cell::text(t.activity.clone()),
                    Cell::text(
                        t.deadline
                            .as_ref()
                            .map(ToString::to_string)
                            .unwrap_or_default(),
                    ),
                    Cell::text(t.result.clone()),
                    Cell::text(t.status.map(Status::word).unwrap_or_default()),
                ],
            })
            .collect()
    })?;
    Some(Table {
        columns: vec![6.0, 22.0, 24.0, 13.0, 20.0, 15.0],
        header: vec![header(headers)],
        rows,
    })
}
