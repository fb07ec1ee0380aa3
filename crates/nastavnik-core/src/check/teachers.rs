//! Checks of the teachers' mentoring system (`teachers:`): that the curator,
//! mentors, mentees and responsible people exist, that ids are unique, and
//! that forms and kinds are the recommendations' own (a hint when not).

use std::collections::HashSet;

use crate::check::diagnostic::Severity;
use crate::check::{close_keys, Problem};
use crate::model::teachers::Teachers;
use crate::{Organization, Responsible};

/// Every problem of `teachers:`, located by the field's path.
pub fn problems(org: &Organization) -> Vec<Problem> {
    let Some(teachers) = &org.teachers else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut error = |field: String, message: String| {
        out.push(Problem {
            severity: Severity::Error,
            field,
            message,
        })
    };
    let person = |key: &str| -> Option<String> {
        if org.people.contains_key(key) {
            return None;
        }
        let hint = if org.people.is_empty() {
            "добавьте раздел people с этим человеком".to_string()
        } else {
            close_keys(key, org.people.keys())
        };
        Some(format!(
            "человек с ключом «{key}» не найден в разделе people; {hint}"
        ))
    };
    if let Some(key) = &teachers.curator {
        if let Some(m) = person(key) {
            error("teachers.curator".into(), m);
        }
    }
    for (name, order) in [
        ("provision", &teachers.orders.provision),
        ("pairs", &teachers.orders.pairs),
    ] {
        for (i, key) in order
            .iter()
            .flat_map(|o| o.acquainted.iter().flatten())
            .enumerate()
        {
            if let Some(m) = person(key) {
                error(format!("teachers.orders.{name}.acquainted[{i}]"), m);
            }
        }
    }
    if let Some(roadmap) = &teachers.roadmap {
        for (i, item) in roadmap.items.iter().enumerate() {
            for (j, r) in item.responsible.iter().enumerate() {
                if let Responsible::Person { person: key, .. } = r {
                    if let Some(m) = person(key) {
                        error(
                            format!("teachers.roadmap.items[{i}].responsible[{j}].person"),
                            m,
                        );
                    }
                }
            }
        }
    }
    let mut seen = HashSet::new();
    for (list, name) in [
        (&teachers.mentors, "mentors"),
        (&teachers.mentees, "mentees"),
    ] {
        for (i, p) in list.iter().enumerate() {
            if !seen.insert(p.id.as_str()) {
                error(
                    format!("teachers.{name}[{i}].id"),
                    format!(
                        "ключ «{}» уже есть среди наставников или наставляемых педагогов: у каждого свой ключ",
                        p.id
                    ),
                );
            }
        }
    }
    out.extend(pairs(teachers));
    out
}

fn pairs(teachers: &Teachers) -> Vec<Problem> {
    let mut out = Vec::new();
    let ids = |list: &[crate::model::participants::Participant]| {
        list.iter().map(|p| p.id.clone()).collect::<Vec<_>>()
    };
    let mentors = ids(&teachers.mentors);
    let mentees = ids(&teachers.mentees);
    let unknown = |key: &str, known: &[String], what: &str, section: &str| -> Option<String> {
        if known.iter().any(|k| k == key) {
            return None;
        }
        let hint = if known.is_empty() {
            format!("заполните teachers.{section}")
        } else {
            close_keys(key, known.iter())
        };
        Some(format!(
            "{what} с ключом «{key}» нет в teachers.{section}; {hint}"
        ))
    };
    for (i, pair) in teachers.pairs.iter().enumerate() {
        let here = format!("teachers.pairs[{i}]");
        if let Some(m) = unknown(&pair.mentor, &mentors, "наставника", "mentors") {
            out.push(error(format!("{here}.mentor"), m));
        }
        if pair.mentees.is_empty() {
            out.push(error(
                format!("{here}.mentees"),
                "у пары нет наставляемого: укажите его ключ из teachers.mentees".into(),
            ));
        }
        for (j, key) in pair.mentees.iter().enumerate() {
            if let Some(m) = unknown(key, &mentees, "наставляемого", "mentees") {
                out.push(error(format!("{here}.mentees[{j}]"), m));
            }
        }
        if !pair.form.is_known() {
            let hint = match pair.form.closest() {
                Some(t) => format!("возможно, вы имели в виду «{t}»"),
                None => format!(
                    "в перечне: {}",
                    quoted(crate::catalogue::teachers::TeacherFormName::titles())
                ),
            };
            out.push(warning(
                format!("{here}.form"),
                format!(
                    "форма наставничества педагогов «{}» не из перечня: {hint}",
                    pair.form
                ),
            ));
        }
        for (j, kind) in pair.kinds.iter().enumerate() {
            if kind.is_known() {
                continue;
            }
            let hint = match kind.closest() {
                Some(t) => format!("возможно, вы имели в виду «{t}»"),
                None => format!(
                    "в перечне: {}",
                    quoted(crate::catalogue::teachers::MentoringKindName::titles())
                ),
            };
            out.push(warning(
                format!("{here}.kinds[{j}]"),
                format!("вид наставничества «{kind}» не из перечня: {hint}"),
            ));
        }
    }
    out
}

fn quoted(titles: Vec<&str>) -> String {
    titles
        .iter()
        .map(|t| format!("«{t}»"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn error(field: String, message: String) -> Problem {
    Problem {
        severity: Severity::Error,
        field,
        message,
    }
}

fn warning(field: String, message: String) -> Problem {
    Problem {
        severity: Severity::Warning,
        field,
        message,
    }
}
