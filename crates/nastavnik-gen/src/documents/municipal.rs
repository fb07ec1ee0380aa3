//! The municipal level: an authority's analytic report (аналитическая
//! справка) summed from its schools' own files — pairs and groups by form,
//! the share of pupils and of young teachers covered against the target,
//! and how far each school's roadmap has come.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use nastavnik_core::catalogue::default_roadmap::steps_of;
use nastavnik_core::model::progress::{percent, Status};
use nastavnik_core::{Organization, Report};
use serde::Serialize;

use crate::documents::report::tasks;

/// The target share of coverage when neither the authority nor a school
/// gives one: 70 % (federal project «Современная школа»).
const DEFAULT_TARGET: f64 = 70.0;

/// What one school's file says of its mentoring, summed for the authority.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SchoolSummary {
    /// The school's short name.
    pub name: String,
    /// Pairs and groups by form: `form → (pairs, groups)`.
    pub by_form: BTreeMap<String, (u32, u32)>,
    /// Pupils of the school, when its report gives the figure.
    pub pupils: Option<u32>,
    /// Pupils in mentoring: from the report, or counted in the pairs.
    pub pupils_mentored: Option<u32>,
    /// Young teachers of the school, when its report gives the figure.
    pub young_teachers: Option<u32>,
    /// Young teachers in mentoring: from the report, or counted in the pairs.
    pub young_teachers_mentored: Option<u32>,
    /// Roadmap tasks due by the report's date, and of them done.
    pub tasks_due: usize,
    /// Of the tasks due, those done.
    pub tasks_done: usize,
    /// Tasks in the school's roadmap.
    pub tasks_total: usize,
}

/// Whether a participant's category names a pupil or a student.
fn is_pupil(category: &str) -> bool {
    let c = category.to_lowercase();
    c.contains("обучающ") || c.contains("ученик") || c.contains("студент")
}

/// Whether a participant's category names a young teacher.
fn is_young_teacher(category: &str) -> bool {
    let c = category.to_lowercase();
    c.contains("молод")
}

impl SchoolSummary {
    /// Sums a school's file as of `as_of` (tasks due by then count).
    pub fn of(org: &Organization, as_of: Option<NaiveDate>) -> Self {
        let report = org.reports.final_.as_ref().or(org.reports.interim.as_ref());
        let figures = report.and_then(|r| r.figures.as_ref());
        let p = &org.participants;
        let mut by_form: BTreeMap<String, (u32, u32)> = BTreeMap::new();
        if p.pairs.is_empty() {
            for f in figures.iter().flat_map(|f| &f.by_form) {
                let entry = by_form.entry(f.form.trim().to_string()).or_default();
                entry.0 += f.pairs;
                entry.1 += f.groups;
            }
        } else {
            for pair in &p.pairs {
                let entry = by_form.entry(pair.form.0.clone()).or_default();
                if pair.mentees.len() > 1 {
                    entry.1 += 1;
                } else {
                    entry.0 += 1;
                }
            }
        }
        let paired = |keep: fn(&str) -> bool| -> Option<u32> {
            if p.pairs.is_empty() {
                return None;
            }
            let mut ids: Vec<&str> = p
                .pairs
                .iter()
                .flat_map(|pair| &pair.mentees)
                .filter(|id| {
                    p.get(id)
                        .and_then(|m| m.category.as_deref())
                        .is_some_and(keep)
                })
                .map(String::as_str)
                .collect();
            ids.sort_unstable();
            ids.dedup();
            Some(ids.len() as u32)
        };
        let as_of = as_of.or(report.and_then(|r| r.as_of));
        let all = tasks(org);
        let mut due = 0;
        let mut done = 0;
        for item in &all {
            let steps = steps_of(item);
            let is_due = match as_of {
                Some(day) => steps.iter().any(|s| {
                    s.deadline
                        .as_ref()
                        .and_then(|d| d.last_day())
                        .is_some_and(|d| d <= day)
                }),
                None => true,
            };
            if !is_due {
                continue;
            }
            due += 1;
            let finished = item.status == Some(Status::Done)
                || (!steps.is_empty() && steps.iter().all(|s| s.status == Some(Status::Done)));
            if finished {
                done += 1;
            }
        }
        SchoolSummary {
            name: org.short().trim().to_string(),
            by_form,
            pupils: figures.and_then(|f| f.pupils),
            pupils_mentored: figures
                .and_then(|f| f.pupils_mentored)
                .or_else(|| paired(is_pupil)),
            young_teachers: figures.and_then(|f| f.young_teachers),
            young_teachers_mentored: figures
                .and_then(|f| f.young_teachers_mentored)
                .or_else(|| paired(is_young_teacher)),
            tasks_due: due,
            tasks_done: done,
            tasks_total: all.len(),
        }
    }

    fn pairs(&self) -> u32 {
        self.by_form.values().map(|(p, _)| p).sum()
    }

    fn groups(&self) -> u32 {
        self.by_form.values().map(|(_, g)| g).sum()
    }
}

/// A count with its noun agreeing: «1 организация», «3 организации», «5 организаций».
pub fn count_noun(n: usize, one: &str, few: &str, many: &str) -> String {
    let word = match (n % 10, n % 100) {
        (1, r) if r != 11 => one,
        (2..=4, r) if !(12..=14).contains(&r) => few,
        _ => many,
    };
    format!("{n}\u{a0}{word}")
}

/// «4 из 412 (1 %)», or the part alone, or «—».
fn share(part: Option<u32>, whole: Option<u32>) -> String {
    match (part, whole) {
        (Some(part), Some(whole)) => match percent(part.into(), whole.into()) {
            Some(p) => format!("{part} из {whole} ({p})"),
            None => format!("{part} из {whole}"),
        },
        (Some(part), None) => format!("{part} (всего — нет сведений)"),
        _ => "—".into(),
    }
}

fn ratio(part: Option<u32>, whole: Option<u32>) -> Option<f64> {
    match (part, whole) {
        (Some(part), Some(whole)) if whole > 0 => Some(f64::from(part) / f64::from(whole) * 100.0),
        _ => None,
    }
}

fn sum(values: impl Iterator<Item = Option<u32>>) -> Option<u32> {
    values.fold(None, |acc, v| match (acc, v) {
        (None, v) => v,
        (a, None) => a,
        (Some(a), Some(v)) => Some(a.saturating_add(v)),
    })
}

/// The municipal summary as the template sees it: rows ready to print.
#[derive(Debug, Serialize)]
pub struct MunicipalView {
    /// «3 образовательные организации».
    pub schools_counted: String,
    /// The target, printed: «70 %».
    pub target: String,
    /// Per school: №, name, pairs, groups, pupils covered, young teachers covered, roadmap.
    pub rows: Vec<Vec<String>>,
    /// By form: form, pairs, groups.
    pub forms: Vec<Vec<String>>,
    /// Schools that reached the target share of pupils.
    pub reached: Vec<String>,
    /// Schools that did not, with their share.
    pub behind: Vec<String>,
    /// Schools whose files give no pupil figures.
    pub unknown: Vec<String>,
    /// The share of pupils over all schools that give both figures, printed.
    pub total_share: Option<String>,
}

impl MunicipalView {
    /// Sums `schools` for `authority`'s report.
    pub fn new(report: &Report, schools: &[&Organization]) -> Self {
        let target = report
            .figures
            .as_ref()
            .and_then(|f| f.target)
            .unwrap_or(DEFAULT_TARGET);
        let summaries: Vec<SchoolSummary> = schools
            .iter()
            .map(|s| SchoolSummary::of(s, report.as_of))
            .collect();
        let roadmap = |s: &SchoolSummary| {
            if s.tasks_total == 0 {
                "—".to_string()
            } else {
                format!("{} из {}", s.tasks_done, s.tasks_due)
            }
        };
        let mut rows: Vec<Vec<String>> = summaries
            .iter()
            .enumerate()
            .map(|(i, s)| {
                vec![
                    format!("{}.", i + 1),
                    s.name.clone(),
                    s.pairs().to_string(),
                    s.groups().to_string(),
                    share(s.pupils_mentored, s.pupils),
                    share(s.young_teachers_mentored, s.young_teachers),
                    roadmap(s),
                ]
            })
            .collect();
        // Totals count only the figures given: a school without a figure adds nothing.
        let both = |s: &&SchoolSummary| s.pupils.is_some() && s.pupils_mentored.is_some();
        let pupils_mentored = sum(summaries.iter().filter(both).map(|s| s.pupils_mentored));
        let pupils = sum(summaries.iter().filter(both).map(|s| s.pupils));
        let young_both =
            |s: &&SchoolSummary| s.young_teachers.is_some() && s.young_teachers_mentored.is_some();
        let young_mentored = sum(summaries
            .iter()
            .filter(young_both)
            .map(|s| s.young_teachers_mentored));
        let young = sum(summaries
            .iter()
            .filter(young_both)
            .map(|s| s.young_teachers));
        let due: usize = summaries.iter().map(|s| s.tasks_due).sum();
        let done: usize = summaries.iter().map(|s| s.tasks_done).sum();
        rows.push(vec![
            String::new(),
            "Итого".into(),
            summaries
                .iter()
                .map(SchoolSummary::pairs)
                .sum::<u32>()
                .to_string(),
            summaries
                .iter()
                .map(SchoolSummary::groups)
                .sum::<u32>()
                .to_string(),
            share(pupils_mentored, pupils),
            share(young_mentored, young),
            if due == 0 {
                "—".into()
            } else {
                format!("{done} из {due}")
            },
        ]);
        let mut by_form: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
        for s in &summaries {
            for (form, (p, g)) in &s.by_form {
                let entry = by_form.entry(form).or_default();
                entry.0 += p;
                entry.1 += g;
            }
        }
        let forms = by_form
            .iter()
            .map(|(form, (p, g))| vec![format!("«{form}»"), p.to_string(), g.to_string()])
            .collect();
        let (mut reached, mut behind, mut unknown) = (Vec::new(), Vec::new(), Vec::new());
        for s in &summaries {
            match ratio(s.pupils_mentored, s.pupils) {
                Some(r) if r + 1e-9 >= target => reached.push(s.name.clone()),
                Some(_) => behind.push(format!(
                    "{} ({})",
                    s.name,
                    percent(
                        f64::from(s.pupils_mentored.unwrap_or(0)),
                        f64::from(s.pupils.unwrap_or(0))
                    )
                    .unwrap_or_default()
                )),
                None => unknown.push(s.name.clone()),
            }
        }
        MunicipalView {
            schools_counted: count_noun(
                summaries.len(),
                "образовательная организация",
                "образовательные организации",
                "образовательных организаций",
            ),
            target: percent(target, 100.0).unwrap_or_default(),
            rows,
            forms,
            reached,
            behind,
            unknown,
            total_share: match (pupils_mentored, pupils) {
                (Some(part), Some(whole)) => percent(part.into(), whole.into()),
                _ => None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_with_their_nouns() {
        let f = |n| count_noun(n, "организация", "организации", "организаций");
        assert_eq!(f(1), "1\u{a0}организация");
        assert_eq!(f(3), "3\u{a0}организации");
        assert_eq!(f(5), "5\u{a0}организаций");
        assert_eq!(f(11), "11\u{a0}организаций");
        assert_eq!(f(21), "21\u{a0}организация");
        assert_eq!(f(112), "112\u{a0}организаций");
        assert_eq!(f(104), "104\u{a0}организации");
    }

    #[test]
    fn sums_count_only_given_figures() {
        assert_eq!(sum([None, Some(2), None, Some(3)].into_iter()), Some(5));
        assert_eq!(sum([None, None].into_iter()), None);
        assert_eq!(share(Some(4), Some(412)), "4 из 412 (1\u{a0}%)");
        assert_eq!(share(None, Some(412)), "—");
    }
}
