//! The Р-145 roadmap shipped as data: seven stages and their usual
//! activities, dated from the roadmap's period. A school takes it with
//! `from_default: true` and changes it with `drop`, `replace` and `add`.

use crate::check::diagnostic::Severity;
use crate::check::Problem;
use crate::model::roadmap::{Period, RoadmapItem, RoadmapLayout, RoadmapSection, Step};
use crate::{Organization, Responsible};

/// The default roadmap as shipped, with `{Y1}`, `{Y2}`, `{curator}` and
/// `{head}` still in it.
pub const DEFAULT_ROADMAP: &str = include_str!("../../data/default-roadmap.yaml");

/// The default roadmap's sections for a period and an organisation. The
/// roadmap runs from September of the first year to May of the last, so the
/// period must span two calendar years at least (an academic year such as
/// 2023/2024, or 2020–2027); a period inside one year is refused with the
/// reason, in Russian.
///
/// ```
/// use nastavnik_core::{catalogue::default_roadmap::default_sections, Organization, Period};
/// let period = Period::parse("2023/2024").unwrap();
/// let sections = default_sections(&period, &Organization::default()).unwrap();
/// assert_eq!(sections.len(), 7);
/// assert_eq!(sections[0].title, "Подготовка условий для запуска программы наставничества");
/// let first = &sections[0].items[0].steps[0];
/// assert_eq!(first.deadline.as_ref().unwrap().to_string(), "сентябрь 2023\u{a0}г.");
/// let one_year = Period::parse("2022").unwrap();
/// assert!(default_sections(&one_year, &Organization::default()).unwrap_err().contains("2022/2023"));
/// ```
pub fn default_sections(
    period: &Period,
    org: &Organization,
) -> Result<Vec<RoadmapSection>, String> {
    let (first, last) = (period.first_year(), period.last_year());
    if first >= last {
        return Err(format!(
            "типовая дорожная карта идёт с сентября по май, а период «{}» умещается в один календарный год: укажите учебный год, например period: {first}/{}",
            period.describe(),
            first + 1
        ));
    }
    let text = DEFAULT_ROADMAP
        .replace("{Y1}", &first.to_string())
        .replace("{Y2}", &last.to_string());
    let mut sections: Vec<RoadmapSection> = serde_yaml::from_str(&text).map_err(|e| {
        // Only a changed data file gets here: say so without the library's English.
        format!(
            "типовая дорожная карта не читается для периода «{}» (строка {} файла данных)",
            period.describe(),
            e.location().map_or(0, |l| l.line())
        )
    })?;
    crate::model::style::normalise_roadmap(&mut sections);
    let curator = org
        .curator
        .clone()
        .filter(|key| org.people.contains_key(key));
    let head = {
        let who = org.head.initials_surname();
        let position = org.head.position.trim();
        if position.is_empty() {
            who
        } else {
            format!("{position} {who}")
        }
    };
    let resolve = |r: &mut Responsible| {
        if let Responsible::Text(t) = r {
            match t.as_str() {
                "{curator}" => {
                    *r = match &curator {
                        Some(key) => Responsible::Person {
                            person: key.clone(),
                            role: Some("Куратор ЦМН".into()),
                            note: None,
                        },
                        None => Responsible::Text("Куратор ЦМН".into()),
                    }
                }
                "{head}" => *r = Responsible::Text(head.clone()),
                _ => {}
            }
        }
    };
    for section in &mut sections {
        for item in &mut section.items {
            item.responsible.iter_mut().for_each(resolve);
            for step in &mut item.steps {
                step.responsible.iter_mut().for_each(resolve);
            }
        }
    }
    Ok(sections)
}

/// Expands `from_default` into sections and applies `replace`, `drop` and
/// `add`; returns what could not be applied.
pub fn expand(org: &mut Organization) -> Vec<Problem> {
    let mut problems = Vec::new();
    let error = |field: String, message: String| Problem {
        severity: Severity::Error,
        field,
        message,
    };
    let Some(roadmap) = org.roadmap.as_ref() else {
        return problems;
    };
    if !roadmap.from_default {
        for (field, used) in [
            ("roadmap.drop", !roadmap.drop.is_empty()),
            ("roadmap.replace", !roadmap.replace.is_empty()),
            ("roadmap.add", !roadmap.add.is_empty()),
        ] {
            if used {
                problems.push(error(
                    field.into(),
                    "изменять можно только типовую дорожную карту: добавьте from_default: true"
                        .into(),
                ));
            }
        }
        return problems;
    }
    // A default roadmap that cannot be made still gets its title, so that the
    // one mistake is reported once, not again as a missing title.
    let title = |period: Option<&Period>| {
        let mut title = format!(
            "Дорожная карта по реализации целевой модели наставничества {}",
            org.territory_locative()
        );
        if let Some(period) = period {
            title.push_str(&format!(" на {}", period.describe()));
        }
        title
    };
    let untitled = roadmap.subject.trim().is_empty() && roadmap.title.is_none();
    let failed = |org: &mut Organization, title: String, problem: Problem| {
        if let Some(roadmap) = org.roadmap.as_mut().filter(|_| untitled) {
            roadmap.title = Some(title);
        }
        vec![problem]
    };
    let Some(period) = roadmap.period else {
        let title = title(None);
        return failed(
            org,
            title,
            error(
                "roadmap.from_default".into(),
                "для типовой дорожной карты нужен период: добавьте period: 2023/2024".into(),
            ),
        );
    };
    let default_title = title(Some(&period));
    let mut sections = match default_sections(&period, org) {
        Ok(sections) => sections,
        Err(message) => return failed(org, default_title, error("roadmap.period".into(), message)),
    };
    let roadmap = org.roadmap.as_mut().expect("checked above");

    // Numbers refer to the default as shipped, so replace before dropping.
    for (number, item) in &roadmap.replace {
        match item_at(&mut sections, number) {
            Some(slot) => *slot = item.clone(),
            None => problems.push(error(
                format!("roadmap.replace.{number}"),
                format!("в типовой дорожной карте нет пункта {number}"),
            )),
        }
    }
    let mut dropped = Vec::new();
    for (i, number) in roadmap.drop.iter().enumerate() {
        match parse_number(number)
            .filter(|(s, it)| sections.get(*s).is_some_and(|sec| *it < sec.items.len()))
        {
            Some(at) => dropped.push(at),
            None => problems.push(error(
                format!("roadmap.drop[{i}]"),
                format!("в типовой дорожной карте нет пункта {number}"),
            )),
        }
    }
    dropped.sort_unstable();
    dropped.dedup();
    for (s, i) in dropped.into_iter().rev() {
        sections[s].items.remove(i);
    }
    for (i, addition) in roadmap.add.iter().enumerate() {
        match addition
            .section
            .checked_sub(1)
            .and_then(|s| sections.get_mut(s))
        {
            Some(section) => section.items.push(addition.item.clone()),
            None => problems.push(error(
                format!("roadmap.add[{i}].section"),
                format!(
                    "раздела {} нет: в типовой дорожной карте разделы с 1 по {}",
                    addition.section,
                    sections.len()
                ),
            )),
        }
    }
    sections.append(&mut roadmap.sections);
    roadmap.sections = sections;
    if roadmap.layout.is_none() {
        roadmap.layout = Some(RoadmapLayout::Stages);
    }
    if roadmap.subject.trim().is_empty() && roadmap.title.is_none() {
        roadmap.title = Some(default_title);
    }
    problems
}

fn parse_number(number: &str) -> Option<(usize, usize)> {
    let (s, i) = number.trim().trim_end_matches('.').split_once('.')?;
    Some((
        s.parse::<usize>().ok()?.checked_sub(1)?,
        i.parse::<usize>().ok()?.checked_sub(1)?,
    ))
}

fn item_at<'a>(sections: &'a mut [RoadmapSection], number: &str) -> Option<&'a mut RoadmapItem> {
    let (s, i) = parse_number(number)?;
    sections.get_mut(s)?.items.get_mut(i)
}

/// Steps of an item, or the item itself as one step when it has none.
pub fn steps_of(item: &RoadmapItem) -> Vec<Step> {
    if !item.steps.is_empty() {
        return item.steps.clone();
    }
    vec![Step {
        title: None,
        points: item.details.clone(),
        deadline: item.deadline.clone(),
        responsible: item.responsible.clone(),
        result: item.result.clone(),
        status: item.status,
        evidence: item.evidence.clone(),
    }]
}
