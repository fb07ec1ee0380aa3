//! Cross-checks of a loaded organisation: references between its parts.

use crate::diagnostic::Severity;
use crate::roadmap::RoadmapItem;
use crate::{Organization, Responsible};

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

/// Checks what the schema cannot: that every person named by key exists.
///
/// ```
/// let yaml = "kind: school\nname: Школа\nhead: Иванов И.И.\ncurator: petrova\n";
/// let err = nastavnik_core::from_yaml_str(yaml, "s.yaml").unwrap_err();
/// assert!(err.to_string().contains("s.yaml:4:10"), "{err}");
/// ```
pub fn validate(org: &Organization) -> Vec<Problem> {
    let mut problems = Vec::new();
    let known: Vec<&str> = org.people.keys().map(String::as_str).collect();
    let mut check = |key: &str, field: String| {
        if !org.people.contains_key(key) {
            let hint = if known.is_empty() {
                "добавьте раздел people с этим человеком".to_string()
            } else {
                format!("известные ключи: {}", known.join(", "))
            };
            problems.push(Problem {
                severity: Severity::Error,
                field,
                message: format!("человек с ключом «{key}» не найден в разделе people; {hint}"),
            });
        }
    };
    if let Some(key) = &org.curator {
        check(key, "curator".into());
    }
    if let Some(order) = &org.orders.implementation {
        for (i, key) in order.acquainted.iter().flatten().enumerate() {
            check(key, format!("orders.implementation.acquainted[{i}]"));
        }
    }
    if let Some(roadmap) = &org.roadmap {
        fn walk(items: &[RoadmapItem], path: &str, check: &mut dyn FnMut(&str, String)) {
            for (i, item) in items.iter().enumerate() {
                let here = format!("{path}[{i}]");
                for (j, r) in item.responsible.iter().enumerate() {
                    if let Responsible::Person { person, .. } = r {
                        check(person, format!("{here}.responsible[{j}].person"));
                    }
                }
                walk(&item.items, &format!("{here}.items"), check);
            }
        }
        for (s, section) in roadmap.sections.iter().enumerate() {
            walk(
                &section.items,
                &format!("roadmap.sections[{s}].items"),
                &mut check,
            );
        }
    }
    problems
}
