//! Limits on input, chosen so that a whole region fits with room to spare
//! while a file cannot make the tool run out of memory or time.

use crate::check::diagnostic::Severity;
use crate::check::Problem;
use crate::Organization;

/// Largest YAML file read: 4 MiB (a school's file is a few dozen KiB).
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;
/// Most roadmap items, sub-items included.
pub const MAX_ROADMAP_ITEMS: usize = 5_000;
/// Most mentors and mentees together.
pub const MAX_PARTICIPANTS: usize = 20_000;
/// Most people under `people`.
pub const MAX_PEOPLE: usize = 5_000;

pub(crate) fn too_big(bytes: usize) -> String {
    let size = format!("{:.1}", bytes as f64 / 1024.0 / 1024.0).replace('.', ",");
    format!(
        "файл слишком большой: {size} МБ при пределе {} МБ; разделите его на несколько (например, по организациям)",
        MAX_FILE_BYTES / 1024 / 1024
    )
}

/// Reports what exceeds the limits.
pub fn check(org: &Organization) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut over = |field: &str, what: &str, count: usize, max: usize| {
        if count > max {
            problems.push(Problem {
                severity: Severity::Error,
                field: field.into(),
                message: format!(
                    "{what}: {count}, а можно не больше {max}; разделите файл на несколько"
                ),
            });
        }
    };
    let items = org.roadmap.as_ref().map_or(0, |r| r.numbered_items().len());
    over(
        "roadmap",
        "пунктов дорожной карты",
        items,
        MAX_ROADMAP_ITEMS,
    );
    let p = &org.participants;
    over(
        "participants",
        "участников программы",
        p.mentors.len() + p.mentees.len(),
        MAX_PARTICIPANTS,
    );
    over(
        "people",
        "людей в разделе people",
        org.people.len(),
        MAX_PEOPLE,
    );
    problems
}
