//! Values checked for sense wherever they stand in the model: dates in
//! plausible years, links a reader can follow, figures that are numbers,
//! order numbers that are there. Whatever `render` would refuse or print
//! as nonsense, `check` reports at its field.

use serde_json::Value;

use crate::check::diagnostic::Severity;
use crate::check::Problem;
use crate::Organization;

/// The years a document of the model can be dated in.
pub const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;
/// The longest web address accepted.
pub const MAX_LINK: usize = 2_000;

fn error(field: String, message: String) -> Problem {
    Problem {
        severity: Severity::Error,
        field,
        message,
    }
}

/// The problems of values anywhere in the organisation.
pub fn check(org: &Organization) -> Vec<Problem> {
    let mut problems = Vec::new();
    // The model as data: every date and link, found by shape and key, with its path.
    if let Ok(tree) = serde_json::to_value(org) {
        walk(&tree, &mut problems);
    }
    for (name, report) in [
        ("interim", org.reports.interim.as_ref()),
        ("final", org.reports.final_.as_ref()),
        ("municipal", org.reports.municipal.as_ref()),
    ] {
        let target = report
            .and_then(|r| r.figures.as_ref())
            .and_then(|f| f.target);
        if let Some(target) = target.filter(|t| !(t.is_finite() && (0.0..=100.0).contains(t))) {
            problems.push(error(
                format!("reports.{name}.figures.target"),
                format!("целевой показатель — доля в процентах от 0 до 100, а здесь {target}"),
            ));
        }
    }
    let o = &org.orders;
    for (name, order) in o.by_name() {
        if order.as_ref().is_some_and(|o| o.number.trim().is_empty()) {
            problems.push(error(
                format!("orders.{name}.number"),
                "у приказа нет номера: укажите number (например, number: \"47\" или \"14-од\")"
                    .into(),
            ));
        }
    }
    problems
}

/// One step from a value to its child.
#[derive(Clone, Copy)]
enum Step<'v> {
    Key(&'v str),
    Index(usize),
}

/// The path of step `at` in `steps` (each step knows its parent's index),
/// written only for a problem: «roadmap.sections[0].items[2].link».
fn path_of(steps: &[(usize, Step<'_>)], mut at: usize) -> String {
    let mut chain = Vec::new();
    while at != 0 {
        let (parent, step) = steps[at];
        chain.push(step);
        at = parent;
    }
    let mut path = String::new();
    for step in chain.into_iter().rev() {
        match step {
            Step::Key(key) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Step::Index(i) => {
                path.push('[');
                path.push_str(&i.to_string());
                path.push(']');
            }
        }
    }
    path
}

fn walk(value: &Value, problems: &mut Vec<Problem>) {
    // An explicit stack: the model's depth is the file's, and a file is not
    // trusted. Every value's path is a step after its parent's, so that only
    // a problem's path is ever written out.
    let mut steps: Vec<(usize, Step<'_>)> = vec![(0, Step::Index(0))];
    let mut stack = vec![(value, 0)];
    while let Some((value, at)) = stack.pop() {
        match value {
            Value::Object(map) => {
                for (key, v) in map {
                    steps.push((at, Step::Key(key)));
                    let child = steps.len() - 1;
                    if key == "link" {
                        if let Value::String(link) = v {
                            if let Some(message) = link_problem(link) {
                                problems.push(error(path_of(&steps, child), message));
                            }
                        }
                    }
                    stack.push((v, child));
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    steps.push((at, Step::Index(i)));
                    stack.push((v, steps.len() - 1));
                }
            }
            Value::String(text) => {
                if let Some(year) = iso_year(text) {
                    if !YEARS.contains(&year) {
                        problems.push(error(
                            path_of(&steps, at),
                            format!(
                                "год {year} не похож на настоящий: даты документов — с {} по {} год",
                                YEARS.start(),
                                YEARS.end()
                            ),
                        ));
                    }
                }
            }
            _ => {}
        }
    }
}

/// The year of a date as the model writes it: «2020-11-19».
fn iso_year(text: &str) -> Option<i32> {
    let b = text.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if shaped {
        return text[..4].parse().ok();
    }
    // A year beyond four digits, or before zero: «+99999-01-01», «-0005-01-01».
    let (sign, rest) = match text.strip_prefix(['-', '+']) {
        Some(rest) => (if text.starts_with('-') { -1 } else { 1 }, rest),
        None => (1, text),
    };
    let (year, tail) = rest.split_once('-')?;
    let tail_shaped = tail.len() == 5
        && tail.as_bytes()[2] == b'-'
        && tail
            .bytes()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit());
    (tail_shaped && !year.is_empty() && year.bytes().all(|c| c.is_ascii_digit()))
        .then(|| year.parse::<i32>().ok().map(|y| sign * y))
        .flatten()
}

/// Why a link cannot stand in a document, if it cannot.
pub fn link_problem(link: &str) -> Option<String> {
    let link = link.trim();
    if link.is_empty() {
        return Some("пустая ссылка: укажите адрес (https://…) или уберите link".into());
    }
    if link.chars().count() > MAX_LINK {
        return Some(format!(
            "ссылка длиннее {MAX_LINK} знаков: укажите адрес страницы короче"
        ));
    }
    if link.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Some("в ссылке пробел или управляющий символ: адрес пишется без пробелов".into());
    }
    let lower = link.to_ascii_lowercase();
    let allowed = ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len());
    if !allowed {
        return Some(format!(
            "ссылка «{link}» не ведёт на сайт или почту: адрес начинается с https://, http:// или mailto:"
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_web_or_mail_and_nothing_else() {
        assert_eq!(link_problem("https://school.ru/nastavnik"), None);
        assert_eq!(link_problem("mailto:school@mail.ru"), None);
        for bad in [
            "",
            "javascript:alert(1)",
            "file://host/share",
            "http://a b",
            "https://x/\u{7}",
            "https://",
        ] {
            assert!(link_problem(bad).is_some(), "{bad:?}");
        }
    }

    #[test]
    fn years_are_read_from_every_date_shape() {
        assert_eq!(iso_year("2020-11-19"), Some(2020));
        assert_eq!(iso_year("0000-06-03"), Some(0));
        assert_eq!(iso_year("+99999-01-01"), Some(99_999));
        assert_eq!(iso_year("-0005-01-01"), Some(-5));
        assert_eq!(iso_year("приказ 2020-го"), None);
        assert_eq!(iso_year("2020"), None);
    }

    #[test]
    fn implausible_dates_bad_links_figures_and_numbers_are_placed() {
        let yaml = "kind: school\nname: Школа\nhead: Иванов И.И.\norders:\n  curator: {number: \" \", date: 0005-01-01}\n";
        let err = crate::load_str(yaml, "s.yaml").unwrap_err();
        let fields: Vec<&str> = err.diagnostics().iter().map(|d| d.field.as_str()).collect();
        assert!(fields.contains(&"orders.curator.number"), "{err}");
        assert!(fields.contains(&"orders.curator.date"), "{err}");
        let placed = err
            .diagnostics()
            .iter()
            .find(|d| d.field == "orders.curator.date")
            .unwrap();
        assert_eq!(placed.line, 5, "{err}");
    }

    #[test]
    fn a_problem_deep_in_lists_is_placed_at_its_own_item() {
        let sample = include_str!("../../../../samples/sosh19-2021.yaml");
        let yaml = sample.replacen(
            "&site http://kna-s19.edu.27.ru/index.php?id=nastavnichestvo",
            "&site javascript:alert(1)",
            1,
        );
        let err = crate::load_str(&yaml, "s.yaml").unwrap_err();
        let links: Vec<(&str, usize)> = err
            .diagnostics()
            .iter()
            .filter(|d| d.field.ends_with(".link"))
            .map(|d| (d.field.as_str(), d.line))
            .collect();
        // The anchor's own place and every alias of it, each at its item.
        assert!(links.len() > 2, "{err}");
        assert_eq!(links[0].1, 39, "{err}");
        assert!(
            links[0].0.starts_with("roadmap.") && links[0].0.ends_with("].evidence[0].link"),
            "{err}"
        );
        assert!(
            links
                .iter()
                .any(|(f, line)| f.ends_with(".evidence[1].link") && *line == 55),
            "{err}"
        );
    }
}
