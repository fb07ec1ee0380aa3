//! What the grammar guessed: a warning (never an error) for each name or
//! phrase a document declines whose form is not certain, with the guessed
//! forms and the YAML override to write.
//!
//! Only what the documents actually decline is checked: the curator (named
//! in the accusative and the dative), the people rewarded or made
//! responsible for the final event, the organisation's short name (genitive
//! and after «в»), the territory, the roadmap's title (accusative, and the
//! stamp agreeing with it), the event's title and place.

use crate::check::diagnostic::Severity;
use crate::check::Problem;
use crate::grammar::{self, Case, Inflected, InflectedPerson};
use crate::model::organization::locative_with;
use crate::{Organization, Person, Responsible};

/// The warnings, one per field at most.
pub fn check(org: &Organization) -> Vec<Problem> {
    let mut out = Guesses::default();
    let has = |o: &Option<crate::Order>| o.is_some();
    let orders = &org.orders;
    let any_order = org.orders.any();
    // The organisation: «приказом Гимназии № 5», «в Гимназии № 5».
    if any_order {
        let (field, key) = if org.short_name.is_some() {
            ("short_name", "short_name_forms")
        } else {
            ("name", "name_forms")
        };
        let nominative = org.short().trim();
        let mut found = vec![(Case::Genitive, org.short_in(Case::Genitive))];
        let uses_short_locative = org
            .territory
            .as_ref()
            .is_none_or(|t| t.locative.trim().is_empty() && t.name.trim().is_empty());
        if uses_short_locative {
            found.push((Case::Prepositional, org.short_locative()));
        }
        out.phrase(field, key, nominative, found);
    }
    if let Some(t) = &org.territory {
        if !t.name.trim().is_empty() {
            let mut found = Vec::new();
            if t.locative.trim().is_empty() {
                found.push((
                    Case::Prepositional,
                    locative_with(t.forms.as_ref(), t.name.trim()),
                ));
            }
            if t.genitive.trim().is_empty() {
                found.push((
                    Case::Genitive,
                    grammar::inflect_with(t.forms.as_ref(), t.name.trim(), Case::Genitive),
                ));
            }
            out.phrase("territory.name", "territory.forms", t.name.trim(), found);
        }
    }
    // The curator: «назначить … заместителя директора О.И. Сидорову»,
    // «Куратору ЦМН О.И. Сидоровой».
    if let (Some(key), Some(p)) = (&org.curator, org.curator()) {
        if has(&orders.curator) || has(&orders.implementation) || has(&orders.pairs) {
            out.person(
                &format!("people.{key}.surname"),
                p,
                &[Case::Accusative, Case::Dative],
            );
            out.position(&format!("people.{key}"), p, Case::Accusative);
        }
    }
    if let Some(order) = &orders.rewards {
        for (i, r) in order.rewards.iter().enumerate() {
            let field = format!("orders.rewards.rewards[{i}].who");
            if let Some(x) = org.participants.get(&r.who) {
                out.person(&field, &x.name, &[Case::Dative, Case::Accusative]);
            } else if let Some(p) = org.people.get(&r.who) {
                // At the person, once, however many documents name them.
                let field = format!("people.{}.surname", r.who);
                out.person(&field, p, &[Case::Dative, Case::Accusative]);
            }
        }
    }
    if let Some(event) = orders.final_event.as_ref().and_then(|o| o.event.as_ref()) {
        out.phrase(
            "orders.final_event.event.title",
            "",
            event.title.trim(),
            vec![(
                Case::Accusative,
                grammar::inflect_phrase(event.title.trim(), Case::Accusative),
            )],
        );
        if let Some(place) = &event.place {
            let lower = place.trim().to_lowercase();
            if !["в ", "во ", "на ", "по "]
                .iter()
                .any(|p| lower.starts_with(p))
            {
                out.phrase(
                    "orders.final_event.event.place",
                    "",
                    place.trim(),
                    vec![(Case::Prepositional, grammar::locative(place.trim()))],
                );
            }
        }
        for r in &event.responsible {
            if let Responsible::Person { person, .. } = r {
                if let Some(p) = org.people.get(person) {
                    out.person(&format!("people.{person}.surname"), p, &[Case::Accusative]);
                }
            }
        }
    }
    if let Some(r) = &org.roadmap {
        if has(&orders.implementation) {
            let field = if r.title.is_some() {
                "roadmap.title"
            } else {
                "roadmap.subject"
            };
            let title = r.title();
            out.phrase(
                field,
                "",
                &title,
                vec![(
                    Case::Accusative,
                    grammar::inflect_phrase(&title, Case::Accusative),
                )],
            );
            if !grammar::agreement(&title).confident {
                out.note(
                    field,
                    format!(
                        "род заголовка «{title}» не определён: гриф «УТВЕРЖДЕН…» может не согласоваться — проверьте документ"
                    ),
                );
            }
        }
    }
    out.problems
}

#[derive(Default)]
struct Guesses {
    problems: Vec<Problem>,
}

impl Guesses {
    fn note(&mut self, field: &str, message: String) {
        if self.problems.iter().any(|p| p.field == field) {
            return;
        }
        self.problems.push(Problem {
            severity: Severity::Warning,
            field: field.to_string(),
            message,
        });
    }

    /// A phrase's guessed forms in one warning: «Хрюмзель»: формы угаданы — …
    fn phrase(&mut self, field: &str, key: &str, nominative: &str, found: Vec<(Case, Inflected)>) {
        let guessed: Vec<(Case, Inflected)> =
            found.into_iter().filter(|(_, r)| !r.confident).collect();
        if guessed.is_empty() {
            return;
        }
        let why = guessed
            .iter()
            .find_map(|(_, r)| r.note.clone())
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        let override_hint = if key.is_empty() {
            "если неверно, перепишите текст так, как он должен стоять в документе".to_string()
        } else {
            format!("если неверно, укажите {key}: {{{}}}", forms_hint(&guessed))
        };
        self.note(
            field,
            format!(
                "«{nominative}»: {}{why} — {override_hint}",
                listed(guessed.iter().map(|(c, r)| (*c, r.text.clone())))
            ),
        );
    }

    fn position(&mut self, field: &str, p: &Person, case: Case) {
        if p.position.trim().is_empty() {
            return;
        }
        let r = p.position_in(case);
        self.phrase(
            &format!("{field}.position"),
            &format!("{field}.position_forms"),
            p.position.trim(),
            vec![(case, r)],
        );
    }

    fn person(&mut self, field: &str, p: &Person, cases: &[Case]) {
        let guessed: Vec<(Case, InflectedPerson)> = cases
            .iter()
            .map(|&c| (c, p.in_case(c)))
            .filter(|(_, r)| !r.confident)
            .collect();
        let Some((_, first)) = guessed.first() else {
            return;
        };
        let why = first
            .note
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        let gender_hint = if p.gender.is_none() && first.gender.is_none() {
            " или gender: female / male"
        } else {
            ""
        };
        let forms: Vec<(Case, String)> = guessed
            .iter()
            .map(|(c, r)| (*c, r.initials_surname()))
            .collect();
        let hint = guessed
            .iter()
            .map(|(c, r)| format!("{}: {}", c.name(), r.surname))
            .collect::<Vec<_>>()
            .join(", ");
        self.note(
            field,
            format!(
                "«{}»: {}{why} — если неверно, укажите у человека forms: {{{hint}}}{gender_hint}",
                p.initials_surname(),
                listed(forms.into_iter()),
            ),
        );
    }
}

fn listed(forms: impl Iterator<Item = (Case, String)>) -> String {
    let forms: Vec<String> = forms
        .map(|(c, text)| format!("{} «{text}»", c.russian_name()))
        .collect();
    format!(
        "форм{} угадан{}: {}",
        if forms.len() > 1 { "ы" } else { "а" },
        if forms.len() > 1 { "ы" } else { "а" },
        forms.join(", ")
    )
}

fn forms_hint(guessed: &[(Case, Inflected)]) -> String {
    guessed
        .iter()
        .map(|(c, r)| format!("{}: {}", c.name(), r.text))
        .collect::<Vec<_>>()
        .join(", ")
}
