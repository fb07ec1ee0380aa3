//! The documents of the mentoring of pedagogical workers (`teachers:`): the
//! положение, its roadmap, the order approving both, the order fixing the
//! pairs and the personalised programmes. What their templates see.

use minijinja::Value;
use nastavnik_core::catalogue::teachers::catalogue;
use nastavnik_core::model::participants::Participant;
use nastavnik_core::model::teachers::{TeacherPair, Teachers};
use nastavnik_core::{Order, Organization, Person, Responsible};
use serde::Serialize;

use crate::documents::context::{OrderView, OrgView, PersonView};
use crate::documents::{missing, DocumentKind};
use crate::grammar_filters::upper_first;
use crate::GenError;

/// The order a teachers' kind rests on, and its field in YAML.
fn order_of(t: &Teachers, kind: DocumentKind) -> Option<(Option<&Order>, &'static str)> {
    let o = &t.orders;
    Some(match kind {
        DocumentKind::TeachersOrder => (o.provision.as_ref(), "teachers.orders.provision"),
        DocumentKind::TeachersPairs => (o.pairs.as_ref(), "teachers.orders.pairs"),
        DocumentKind::TeachersProvision | DocumentKind::TeachersRoadmap => {
            (o.provision.as_ref(), "teachers.orders.provision")
        }
        DocumentKind::TeachersProgramme => (o.pairs.as_ref(), "teachers.orders.pairs"),
        _ => return None,
    })
}

/// The date a teachers' document carries: its order's, or the approving one's.
pub fn date(org: &Organization, kind: DocumentKind) -> Option<chrono::NaiveDate> {
    let (order, _) = order_of(org.teachers.as_ref()?, kind)?;
    order.map(|o| o.date)
}

#[derive(Serialize)]
struct DocRef {
    date: String,
    number: String,
}

impl DocRef {
    fn new(date: chrono::NaiveDate, number: &str) -> Self {
        DocRef {
            date: date.format("%Y-%m-%d").to_string(),
            number: number.trim().to_string(),
        }
    }
}

#[derive(Serialize)]
struct EntryView {
    title: String,
    description: String,
}

#[derive(Serialize)]
struct PairView {
    index: usize,
    mentor: String,
    mentor_sign: String,
    mentees: Vec<String>,
    mentees_sign: Vec<String>,
    form: String,
    kinds: String,
    period: String,
}

#[derive(Serialize)]
struct ProgrammeView {
    /// «Орлов П.И., учитель физики».
    mentee: String,
    /// «Орлов Павел Ильич».
    mentee_full: String,
    mentee_sign: String,
    mentor: String,
    mentor_sign: String,
    /// Other mentees of the same group, when it is one.
    group: Vec<String>,
    form: String,
    kinds: String,
    period: String,
    goal: String,
    tasks: Vec<String>,
    rows: Vec<Vec<String>>,
    results: Vec<String>,
}

fn named<'a>(t: &'a Teachers, id: &str) -> Option<&'a Participant> {
    t.get(id)
}

fn pair_view(t: &Teachers, index: usize, pair: &TeacherPair) -> PairView {
    let with_role = |id: &str| named(t, id).map_or_else(|| id.to_string(), Participant::with_role);
    let sign =
        |id: &str| named(t, id).map_or_else(|| id.to_string(), |p| p.name.initials_surname());
    PairView {
        index,
        mentor: with_role(&pair.mentor),
        mentor_sign: sign(&pair.mentor),
        mentees: pair.mentees.iter().map(|m| with_role(m)).collect(),
        mentees_sign: pair.mentees.iter().map(|m| sign(m)).collect(),
        form: pair.form.0.clone(),
        kinds: pair
            .kinds
            .iter()
            .map(|k| k.0.clone())
            .collect::<Vec<_>>()
            .join(", "),
        period: pair
            .period
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
    }
}

/// A list item without the punctuation the template puts after it.
fn item(text: &str) -> String {
    text.trim()
        .trim_end_matches(['.', ';', ','])
        .trim_end()
        .to_string()
}

/// A responsible as a table cell: «Заместитель директора Н.В. Сомова».
fn responsible_cell(org: &Organization, all: &[Responsible]) -> String {
    all.iter()
        .map(|r| match r {
            Responsible::Text(t) => t.trim().to_string(),
            Responsible::Person { person, role, note } => {
                let Some(p) = org.people.get(person) else {
                    return person.clone();
                };
                let role = role.as_deref().unwrap_or(p.position.as_str()).trim();
                let mut out = if role.is_empty() {
                    p.initials_surname()
                } else {
                    format!("{} {}", upper_first(role), p.initials_surname())
                };
                if let Some(note) = note {
                    out.push(' ');
                    out.push_str(note.trim());
                }
                out
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The context of a teachers' kind, or `None` for any other kind.
pub fn context(org: &Organization, kind: DocumentKind) -> Result<Option<Value>, GenError> {
    let Some((_, field)) = order_of(&Teachers::default(), kind) else {
        return Ok(None);
    };
    let Some(t) = org.teachers.as_ref() else {
        return Err(missing(
            "в файле нет раздела teachers (наставничество педагогических работников: куратор, наставники, наставляемые, пары)",
        ));
    };
    let (order, _) = order_of(t, kind).expect("a teachers' kind");
    let curator: Option<&Person> = t.curator.as_deref().and_then(|k| org.people.get(k));
    match kind {
        DocumentKind::TeachersOrder | DocumentKind::TeachersPairs if order.is_none() => {
            return Err(missing(&format!(
                "в файле нет раздела {field} (номер, дата и содержание приказа)"
            )))
        }
        DocumentKind::TeachersOrder if curator.is_none() => {
            return Err(missing(
                "приказ назначает куратора системы наставничества педагогических работников: укажите teachers.curator — ключ человека из раздела people",
            ))
        }
        DocumentKind::TeachersOrder | DocumentKind::TeachersRoadmap
            if t.roadmap.as_ref().is_none_or(|r| r.items.is_empty()) =>
        {
            return Err(missing(
                "в файле нет дорожной карты системы наставничества педагогов: заполните teachers.roadmap.items (мероприятие, срок, ответственные, результат)",
            ))
        }
        DocumentKind::TeachersPairs | DocumentKind::TeachersProgramme if t.pairs.is_empty() => {
            return Err(missing(
                "в файле нет наставнических пар педагогов: заполните teachers.pairs",
            ))
        }
        DocumentKind::TeachersProgramme if t.pairs.iter().all(|p| p.programme.is_none()) => {
            return Err(missing(
                "ни у одной пары педагогов нет персонализированной программы: заполните teachers.pairs[…].programme (цель, задачи, мероприятия)",
            ))
        }
        _ => {}
    }
    let acquainted: Vec<String> = match order.and_then(|o| o.acquainted.clone()) {
        Some(keys) => keys
            .iter()
            .filter_map(|k| org.people.get(k))
            .map(Person::initials_surname)
            .collect(),
        None => {
            // Everyone the order names signs that they have read it.
            let mut names: Vec<String> =
                curator.map(Person::initials_surname).into_iter().collect();
            if kind == DocumentKind::TeachersPairs {
                for pair in &t.pairs {
                    for id in std::iter::once(&pair.mentor).chain(&pair.mentees) {
                        if let Some(p) = named(t, id) {
                            let name = p.name.initials_surname();
                            if !names.contains(&name) {
                                names.push(name);
                            }
                        }
                    }
                }
            }
            names
        }
    };
    let pairs: Vec<PairView> = t
        .pairs
        .iter()
        .enumerate()
        .map(|(i, p)| pair_view(t, i + 1, p))
        .collect();
    let pairs_rows: Vec<Vec<String>> = pairs
        .iter()
        .map(|p| {
            vec![
                format!("{}.", p.index),
                p.mentor.clone(),
                p.mentees.join("; "),
                format!("«{}»", p.form),
                p.kinds.clone(),
                p.period.clone(),
            ]
        })
        .collect();
    let mut programmes = Vec::new();
    for (pair, view) in t.pairs.iter().zip(&pairs) {
        let Some(programme) = &pair.programme else {
            continue;
        };
        for (j, id) in pair.mentees.iter().enumerate() {
            let rows = programme
                .activities
                .iter()
                .enumerate()
                .map(|(k, a)| {
                    vec![
                        format!("{}.", k + 1),
                        a.activity.trim().to_string(),
                        a.deadline
                            .as_ref()
                            .map(ToString::to_string)
                            .unwrap_or_default(),
                        a.result.trim().to_string(),
                        a.status.map(|s| s.word().to_string()).unwrap_or_default(),
                    ]
                })
                .collect();
            programmes.push(ProgrammeView {
                mentee: view.mentees[j].clone(),
                mentee_full: named(t, id).map_or_else(|| id.clone(), |p| p.name.full_name()),
                mentee_sign: view.mentees_sign[j].clone(),
                mentor: view.mentor.clone(),
                mentor_sign: view.mentor_sign.clone(),
                group: view
                    .mentees
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| *k != j)
                    .map(|(_, m)| m.clone())
                    .collect(),
                form: view.form.clone(),
                kinds: view.kinds.clone(),
                period: view.period.clone(),
                goal: item(&programme.goal),
                tasks: programme.tasks.iter().map(|x| item(x)).collect(),
                rows,
                results: programme.results.iter().map(|x| item(x)).collect(),
            });
        }
    }
    let roadmap_rows: Vec<Vec<String>> = t
        .roadmap
        .iter()
        .flat_map(|r| &r.items)
        .enumerate()
        .map(|(i, item)| {
            vec![
                format!("{}.", i + 1),
                item.title.trim().to_string(),
                item.deadline
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                responsible_cell(org, &item.responsible),
                item.result.trim().to_string(),
            ]
        })
        .collect();
    let forms: Vec<EntryView> = catalogue()
        .forms
        .iter()
        .map(|f| EntryView {
            title: f.title.clone(),
            description: f.description.clone(),
        })
        .collect();
    let kinds: Vec<EntryView> = catalogue()
        .kinds
        .iter()
        .map(|k| EntryView {
            title: k.title.clone(),
            description: k.description.clone(),
        })
        .collect();
    let provision_order = t
        .orders
        .provision
        .as_ref()
        .map(|o| DocRef::new(o.date, &o.number));
    let pairs_order = t
        .orders
        .pairs
        .as_ref()
        .map(|o| DocRef::new(o.date, &o.number));
    let council = t.council.as_ref().map(|c| DocRef::new(c.date, &c.number));
    let pairs_period = match pairs.first() {
        Some(first)
            if pairs.iter().all(|p| p.period == first.period) && !first.period.is_empty() =>
        {
            Some(first.period.clone())
        }
        _ => None,
    };
    Ok(Some(minijinja::context! {
        pairs_period => pairs_period,
        grammar_forms => Value::from_serialize(crate::grammar_filters::explicit_forms(org)),
        org => Value::from_serialize(OrgView::new(org)),
        head => Value::from_serialize(PersonView::new(&org.head)),
        curator => curator.map(|p| Value::from_serialize(PersonView::new(p))),
        order => order.map(|o| Value::from_serialize(OrderView::new(o, org))),
        acquainted => acquainted,
        header_lines => org.header.clone(),
        pairs => Value::from_serialize(&pairs),
        pairs_rows => pairs_rows,
        programmes => Value::from_serialize(&programmes),
        roadmap_rows => roadmap_rows,
        roadmap_period => t.roadmap.as_ref().and_then(|r| r.period.clone()),
        forms => Value::from_serialize(&forms),
        kinds => Value::from_serialize(&kinds),
        provision_order => provision_order.map(Value::from_serialize),
        pairs_order => pairs_order.map(Value::from_serialize),
        council => council.map(Value::from_serialize),
        // The order frame's points and annexes as data: the teachers' orders
        // have no working group and annex through their own blocks.
        working_group => Value::from(()),
        annex_no => Value::from_serialize(std::collections::BTreeMap::<String, usize>::new()),
        annexes => Value::from_serialize(Vec::<String>::new()),
    }))
}
