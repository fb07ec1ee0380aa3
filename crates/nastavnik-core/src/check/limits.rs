//! Limits on input, chosen so that a whole region fits with room to spare
//! while a file cannot make the tool run out of memory or time.
//!
//! Every list has a ceiling: the named ones below, where a document's cost
//! grows with them, and [`MAX_ANY_LIST`] for any list or map in the file —
//! including fields added to the model later. The README's limits table
//! lists them all.

use crate::check::diagnostic::Severity;
use crate::check::Problem;
use crate::load::tree::{Kind, Node};
use crate::Organization;

/// Largest YAML file read: 4 MiB (a school's file is a few dozen KiB).
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;
/// Most roadmap items, sub-items included.
pub const MAX_ROADMAP_ITEMS: usize = 1_000;
/// Most steps of one roadmap item (each is a row of the item's merged cell).
pub const MAX_STEPS_PER_ITEM: usize = 500;
/// Most steps in the whole roadmap.
pub const MAX_STEPS: usize = 20_000;
/// Most points of one step.
pub const MAX_POINTS: usize = 100;
/// Most mentors and mentees together.
pub const MAX_PARTICIPANTS: usize = 3_000;
/// Most pairs and groups (each is a line of the order and a page of plans).
pub const MAX_PAIRS: usize = 1_000;
/// Most tasks of one pair's development plan.
pub const MAX_PLAN_TASKS: usize = 30;
/// Most tasks of all development plans together (each is a table row of
/// the plans; with [`MAX_PAIRS`] they keep the document under 1 GiB).
pub const MAX_PLAN_TASKS_TOTAL: usize = 1_000;
/// Most people under `people`.
pub const MAX_PEOPLE: usize = 5_000;
/// Most documents under `documents`.
pub const MAX_DOCUMENTS: usize = 1_000;
/// Most forms of mentoring under `forms`.
pub const MAX_FORMS: usize = 50;
/// Most people who sign «С приказом ознакомлены» under one order.
pub const MAX_ACQUAINTED: usize = 500;
/// Most rewards in one order.
pub const MAX_REWARDS: usize = 5_000;
/// Most points of an event's programme.
pub const MAX_PROGRAMME: usize = 200;
/// Most elements of any one list or map in the file.
pub const MAX_ANY_LIST: usize = 20_000;

pub(crate) fn too_big(bytes: usize) -> String {
    let size = format!("{:.1}", bytes as f64 / 1024.0 / 1024.0).replace('.', ",");
    format!(
        "файл слишком большой: {size} МБ при пределе {} МБ; разделите его на несколько (например, по организациям)",
        MAX_FILE_BYTES / 1024 / 1024
    )
}

fn over(problems: &mut Vec<Problem>, field: String, what: &str, count: usize, max: usize) {
    if count > max {
        problems.push(Problem {
            severity: Severity::Error,
            field,
            message: format!(
                "{what}: {count}, а можно не больше {max}; разделите файл на несколько"
            ),
        });
    }
}

/// Reports what exceeds the limits.
pub fn check(org: &Organization) -> Vec<Problem> {
    let mut problems = Vec::new();
    let p = &mut problems;
    if let Some(roadmap) = &org.roadmap {
        let items = roadmap.numbered_items();
        over(
            p,
            "roadmap".into(),
            "пунктов дорожной карты",
            items.len(),
            MAX_ROADMAP_ITEMS,
        );
        let mut steps = 0usize;
        for (s, section) in roadmap.sections.iter().enumerate() {
            let mut stack: Vec<(String, &crate::model::roadmap::RoadmapItem)> = section
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| (format!("roadmap.sections[{s}].items[{i}]"), item))
                .collect();
            while let Some((path, item)) = stack.pop() {
                steps += item.steps.len();
                over(
                    p,
                    format!("{path}.steps"),
                    "шагов у пункта",
                    item.steps.len(),
                    MAX_STEPS_PER_ITEM,
                );
                for (k, step) in item.steps.iter().enumerate() {
                    over(
                        p,
                        format!("{path}.steps[{k}].points"),
                        "подпунктов у шага",
                        step.points.len(),
                        MAX_POINTS,
                    );
                }
                stack.extend(
                    item.items
                        .iter()
                        .enumerate()
                        .map(|(i, sub)| (format!("{path}.items[{i}]"), sub)),
                );
            }
        }
        over(
            p,
            "roadmap".into(),
            "шагов в дорожной карте",
            steps,
            MAX_STEPS,
        );
    }
    let participants = &org.participants;
    over(
        p,
        "participants".into(),
        "участников программы",
        participants.mentors.len() + participants.mentees.len(),
        MAX_PARTICIPANTS,
    );
    over(
        p,
        "participants.pairs".into(),
        "пар и групп",
        participants.pairs.len(),
        MAX_PAIRS,
    );
    let tasks: usize = participants.pairs.iter().map(|pair| pair.plan.len()).sum();
    over(
        p,
        "participants.pairs".into(),
        "задач во всех планах развития",
        tasks,
        MAX_PLAN_TASKS_TOTAL,
    );
    for (i, pair) in participants.pairs.iter().enumerate() {
        over(
            p,
            format!("participants.pairs[{i}].plan"),
            "задач в плане развития",
            pair.plan.len(),
            MAX_PLAN_TASKS,
        );
    }
    over(
        p,
        "people".into(),
        "людей в разделе people",
        org.people.len(),
        MAX_PEOPLE,
    );
    over(
        p,
        "documents".into(),
        "документов в разделе documents",
        org.documents.len(),
        MAX_DOCUMENTS,
    );
    over(
        p,
        "forms".into(),
        "форм наставничества",
        org.forms.len(),
        MAX_FORMS,
    );
    let orders = &org.orders;
    for (name, order) in orders.by_name() {
        let Some(order) = order else { continue };
        let acquainted = order.acquainted.as_ref().map_or(0, Vec::len);
        over(
            p,
            format!("orders.{name}.acquainted"),
            "ознакомленных с приказом",
            acquainted,
            MAX_ACQUAINTED,
        );
        over(
            p,
            format!("orders.{name}.rewards"),
            "поощрений в приказе",
            order.rewards.len(),
            MAX_REWARDS,
        );
        if let Some(event) = &order.event {
            over(
                p,
                format!("orders.{name}.event.programme"),
                "пунктов программы мероприятия",
                event.programme.len(),
                MAX_PROGRAMME,
            );
        }
    }
    problems
}

/// Any list or map of the file longer than [`MAX_ANY_LIST`]: its path, place
/// and message. Walks the tree without recursion.
pub fn check_tree(root: &Node) -> Vec<(String, (usize, usize), String)> {
    let mut out = Vec::new();
    let mut stack: Vec<(&Node, String)> = vec![(root, String::new())];
    while let Some((node, path)) = stack.pop() {
        let len = match &node.kind {
            Kind::Scalar { .. } => continue,
            Kind::List(items) => {
                stack.extend(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, n)| (n, format!("{path}[{i}]"))),
                );
                items.len()
            }
            Kind::Map(entries) => {
                stack.extend(entries.iter().filter_map(|(k, v)| {
                    let k = k.text()?;
                    Some((
                        v,
                        if path.is_empty() {
                            k.to_string()
                        } else {
                            format!("{path}.{k}")
                        },
                    ))
                }));
                entries.len()
            }
        };
        if len > MAX_ANY_LIST {
            out.push((
                path,
                node.at(),
                format!("элементов в одном списке: {len}, а можно не больше {MAX_ANY_LIST}; разделите файл на несколько"),
            ));
        }
    }
    out.sort_by_key(|(_, at, _)| *at);
    out
}
