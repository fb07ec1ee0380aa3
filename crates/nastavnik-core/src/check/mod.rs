//! Cross-checks of a loaded organisation: references between its parts,
//! item numbers, deadlines against the roadmap's period.

mod approvals;
pub mod consistency;
pub mod content;
pub mod diagnostic;
pub mod guesses;
pub mod limits;
pub mod needs;
pub mod prepare;
pub mod teachers;
pub mod values;

use std::collections::HashMap;

use crate::check::diagnostic::Severity;
use crate::model::roadmap::{Period, RoadmapItem};
use crate::{russian, Deadline, Organization, Responsible};

/// A problem found by [`validate`], located by the field's path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The field's path, as in diagnostics.
    pub field: String,
    /// What is wrong and how to fix it, in Russian.
    pub message: String,
}

/// Checks what the schema cannot: that every person named by key exists,
/// that numbers written on items match their places, and that deadlines
/// fall inside the roadmap's period (a warning).
///
/// ```
/// let yaml = "kind: school\nname: Школа\nhead: Иванов И.И.\ncurator: petrova\n";
/// let err = nastavnik_core::from_yaml_str(yaml, "s.yaml").unwrap_err();
/// assert!(err.to_string().contains("s.yaml:4:10"), "{err}");
/// ```
pub fn validate(org: &Organization) -> Vec<Problem> {
    let mut checker = Checker {
        org,
        problems: Vec::new(),
        seen_numbers: HashMap::new(),
    };
    if let Some(key) = &org.curator {
        checker.person(key, "curator".into());
    }
    let orders = &org.orders;
    let any_order = org.orders.any();
    if any_order && org.head.surname.trim().is_empty() {
        checker.error(
            "head".into(),
            "приказ подписывает руководитель: укажите head (например, head: {surname: Иванова, name: А., patronymic: П., position: Директор})".into(),
        );
    }
    for (name, order) in orders.by_name() {
        for (i, key) in order
            .iter()
            .flat_map(|o| o.acquainted.iter().flatten())
            .enumerate()
        {
            checker.person(key, format!("orders.{name}.acquainted[{i}]"));
        }
    }
    for (name, order) in orders.by_name() {
        if let Some(order) = order {
            checker.approvals(name, order);
        }
    }
    if let Some(roadmap) = &org.roadmap {
        checker.roadmap_approvals(roadmap);
    }
    checker.default_stamps_cite_approving();
    crate::model::edits::check_orders(org, &mut |field, message, error| {
        if error {
            checker.error(field, message)
        } else {
            checker.warning(field, message)
        }
    });
    checker.participants();
    for (name, report) in [
        ("interim", &org.reports.interim),
        ("final", &org.reports.final_),
        ("municipal", &org.reports.municipal),
    ] {
        if let Some(report) = report {
            checker.responsible(&report.prepared_by, &format!("reports.{name}.prepared_by"));
        }
    }
    if let Some(roadmap) = &org.roadmap {
        if roadmap.subject.trim().is_empty() && roadmap.title.is_none() {
            checker.error(
                "roadmap.subject".into(),
                "у дорожной карты нет названия: укажите subject (что после «План мероприятий (дорожная карта)») или title".into(),
            );
        }
        for (field, message) in roadmap.column_problems() {
            checker.error(field, message);
        }
        for (s, section) in roadmap.sections.iter().enumerate() {
            checker.items(
                &(s + 1).to_string(),
                &section.items,
                &format!("roadmap.sections[{s}].items"),
                roadmap.period.as_ref(),
            );
        }
    }
    checker.problems.extend(consistency::contradictions(org));
    checker.problems.extend(teachers::problems(org));
    checker.problems.extend(content::problems(org));
    checker.problems
}

struct Checker<'a> {
    org: &'a Organization,
    problems: Vec<Problem>,
    seen_numbers: HashMap<String, String>,
}

impl Checker<'_> {
    fn error(&mut self, field: String, message: String) {
        self.problems.push(Problem {
            severity: Severity::Error,
            field,
            message,
        });
    }

    fn warning(&mut self, field: String, message: String) {
        self.problems.push(Problem {
            severity: Severity::Warning,
            field,
            message,
        });
    }

    fn person(&mut self, key: &str, field: String) {
        if self.org.people.contains_key(key) {
            return;
        }
        let hint = if self.org.people.is_empty() {
            "добавьте раздел people с этим человеком".to_string()
        } else {
            close_keys(key, self.org.people.keys())
        };
        self.error(
            field,
            format!("человек с ключом «{key}» не найден в разделе people; {hint}"),
        );
    }

    fn responsible(&mut self, list: &[Responsible], path: &str) {
        for (j, r) in list.iter().enumerate() {
            if let Responsible::Person { person, .. } = r {
                self.person(person, format!("{path}[{j}].person"));
            }
        }
    }

    fn form(&mut self, form: &crate::catalogue::forms::FormName, field: String) {
        if form.form().is_some() {
            return;
        }
        let hint = match crate::catalogue::forms::closest(&form.0) {
            Some(f) => format!("возможно, вы имели в виду «{}»", f.title),
            None => "проверьте написание; в перечне Р-145: «ученик – ученик», «учитель – учитель», «студент – ученик», «работодатель – ученик», «работодатель – студент»".into(),
        };
        self.warning(field, format!("форма «{}» не из перечня: {hint}", form.0));
    }

    fn participants(&mut self) {
        let org = self.org;
        for (i, form) in org.forms.iter().enumerate() {
            self.form(form, format!("forms[{i}]"));
        }
        let p = &org.participants;
        for (i, pair) in p.pairs.iter().enumerate() {
            let here = format!("participants.pairs[{i}]");
            if !p.mentors.iter().any(|m| m.id == pair.mentor) {
                self.error(
                    format!("{here}.mentor"),
                    format!(
                        "наставник «{}» не найден в participants.mentors",
                        pair.mentor
                    ),
                );
            }
            for (j, id) in pair.mentees.iter().enumerate() {
                if !p.mentees.iter().any(|m| &m.id == id) {
                    self.error(
                        format!("{here}.mentees[{j}]"),
                        format!("наставляемый «{id}» не найден в participants.mentees"),
                    );
                }
            }
            self.form(&pair.form, format!("{here}.form"));
        }
        if let Some(order) = &org.orders.rewards {
            for (i, reward) in order.rewards.iter().enumerate() {
                if p.get(&reward.who).is_none() && !org.people.contains_key(&reward.who) {
                    self.error(
                        format!("orders.rewards.rewards[{i}].who"),
                        format!(
                            "«{}» нет ни среди наставников и наставляемых, ни в разделе people",
                            reward.who
                        ),
                    );
                }
            }
        }
        if let Some(event) = org
            .orders
            .final_event
            .as_ref()
            .and_then(|o| o.event.as_ref())
        {
            self.responsible(&event.responsible, "orders.final_event.event.responsible");
        }
    }

    fn evidence(&mut self, list: &[crate::Evidence], path: &str) {
        for (j, e) in list.iter().enumerate() {
            let Some(key) = &e.document else { continue };
            if !self.org.documents.contains_key(key) {
                let hint = if self.org.documents.is_empty() {
                    "опишите его в разделе documents: {номер, дата, название}".to_string()
                } else {
                    close_keys(key, self.org.documents.keys())
                };
                self.error(
                    format!("{path}.evidence[{j}].document"),
                    format!("документ с ключом «{key}» не найден в разделе documents; {hint}"),
                );
            }
        }
    }

    fn deadline(&mut self, deadline: Option<&Deadline>, period: Option<&Period>, field: String) {
        let (Some(d), Some(p)) = (deadline, period) else {
            return;
        };
        let outside = d.first_day().is_some_and(|day| day > p.to)
            || d.last_day().is_some_and(|day| day < p.from)
            || d.first_day().is_some_and(|day| day < p.from)
                && !matches!(d.when, crate::When::By(_))
            || d.last_day().is_some_and(|day| day > p.to);
        if outside {
            self.warning(
                field,
                format!(
                    "срок «{d}» выходит за период дорожной карты ({} – {})",
                    russian::date_numeric(p.from),
                    russian::date_numeric(p.to)
                ),
            );
        }
    }

    fn items(&mut self, prefix: &str, items: &[RoadmapItem], path: &str, period: Option<&Period>) {
        for (i, item) in items.iter().enumerate() {
            let here = format!("{path}[{i}]");
            let number = format!("{prefix}.{}", i + 1);
            if let Some(written) = &item.number {
                let written = written.trim().trim_end_matches('.').to_string();
                if let Some(first) = self.seen_numbers.get(&written).cloned() {
                    self.error(
                        format!("{here}.number"),
                        format!("номер {written} повторяется: он уже стоит у пункта «{first}»"),
                    );
                } else if written != number {
                    self.error(
                        format!("{here}.number"),
                        format!("у пункта написан номер {written}, а по месту в дорожной карте он {number}: исправьте номер или перенесите пункт"),
                    );
                }
                self.seen_numbers.insert(written, item.title.clone());
            }
            self.responsible(&item.responsible, &format!("{here}.responsible"));
            self.evidence(&item.evidence, &here);
            self.deadline(item.deadline.as_ref(), period, format!("{here}.deadline"));
            for (k, step) in item.steps.iter().enumerate() {
                let step_path = format!("{here}.steps[{k}]");
                self.responsible(&step.responsible, &format!("{step_path}.responsible"));
                self.evidence(&step.evidence, &step_path);
                self.deadline(
                    step.deadline.as_ref(),
                    period,
                    format!("{step_path}.deadline"),
                );
            }
            self.items(&number, &item.items, &format!("{here}.items"), period);
        }
    }
}
/// A hint for an unknown key: the few known keys closest to it, never the
/// whole list (a file may have thousands of people).
fn close_keys<'a>(key: &str, known: impl Iterator<Item = &'a String>) -> String {
    const SHOWN: usize = 3;
    // Past this many keys the search would cost more than the hint is worth
    // (every unknown reference of a large file would scan them all).
    const SEARCHED: usize = 500;
    let key: Vec<char> = key.to_lowercase().chars().collect();
    let known: Vec<&String> = known.collect();
    let search = known.len() <= SEARCHED;
    let mut scored: Vec<(usize, &str)> = known
        .into_iter()
        .map(|k| {
            let d = if search {
                distance(&key, &k.to_lowercase().chars().collect::<Vec<_>>())
            } else {
                usize::MAX
            };
            (d, k.as_str())
        })
        .collect();
    let total = scored.len();
    scored.sort();
    let near: Vec<&str> = scored
        .iter()
        .take_while(|(d, _)| *d <= (key.len() / 3).max(2))
        .take(SHOWN)
        .map(|(_, k)| *k)
        .collect();
    if near.is_empty() {
        let some: Vec<&str> = scored.iter().take(SHOWN).map(|(_, k)| *k).collect();
        let rest = total.saturating_sub(some.len());
        let more = if rest > 0 {
            format!(" и ещё {rest}")
        } else {
            String::new()
        };
        format!(
            "похожих ключей нет; есть, например: {}{more}",
            some.join(", ")
        )
    } else {
        format!("может быть, {}?", near.join(", "))
    }
}

/// Levenshtein distance, stopping early on long keys: hints need no more.
fn distance(a: &[char], b: &[char]) -> usize {
    if a.len().abs_diff(b.len()) > 8 || a.len() > 64 || b.len() > 64 {
        return usize::MAX;
    }
    edit_distance(a, b)
}

/// Levenshtein distance between two words: how many letters to insert,
/// delete or change. Every «возможно, вы имели в виду …» hint uses it.
///
/// ```
/// let c = |s: &str| s.chars().collect::<Vec<_>>();
/// assert_eq!(nastavnik_core::check::edit_distance(&c("куратор"), &c("кураотр")), 2);
/// ```
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_unknown_key_gets_a_few_close_ones_not_the_whole_list() {
        let keys: Vec<String> = (0..400).map(|i| format!("person{i}")).collect();
        let hint = super::close_keys("persn17", keys.iter());
        assert!(hint.starts_with("может быть, person17"), "{hint}");
        assert!(hint.len() < 100, "{hint}");
        let hint = super::close_keys("шевчук", keys.iter());
        assert!(hint.ends_with("и ещё 397"), "{hint}");
        let many: Vec<String> = (0..5_000).map(|i| format!("person{i}")).collect();
        let hint = super::close_keys("persn17", many.iter());
        assert!(hint.ends_with("и ещё 4997"), "{hint}");
    }
}
