//! The grammar table: every phrase and person of `grammar_table.txt` in the
//! five oblique cases, as the reference books give them. The file says where
//! each expected form comes from (Розенталь, Грамота.ру, Зализняк) — never
//! from running this code.

use nastavnik_core::grammar::{inflect_person, inflect_phrase, Case, Gender};

const TABLE: &str = include_str!("grammar_table.txt");

const OBLIQUE: [Case; 5] = [
    Case::Genitive,
    Case::Dative,
    Case::Accusative,
    Case::Instrumental,
    Case::Prepositional,
];

/// Cases the grammar is known to get wrong, as «input / case»; the test
/// fails if one of them starts to pass, so that the list stays true.
const KNOWN_WRONG: &[&str] = &[];

struct Row {
    line: usize,
    label: String,
    expected: Vec<String>,
    actual: Vec<String>,
}

fn rows() -> Vec<Row> {
    let mut rows = Vec::new();
    for (n, line) in TABLE.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split(" | ").map(str::trim).collect();
        match fields[0] {
            "P" => {
                assert_eq!(fields.len(), 7, "line {}: {line}", n + 1);
                let phrase = fields[1];
                rows.push(Row {
                    line: n + 1,
                    label: phrase.to_string(),
                    expected: fields[2..].iter().map(|s| s.to_string()).collect(),
                    actual: OBLIQUE
                        .iter()
                        .map(|&c| inflect_phrase(phrase, c).text)
                        .collect(),
                });
            }
            "N" => {
                let fields: Vec<&str> = line.split('|').map(str::trim).collect();
                assert_eq!(fields.len(), 11, "line {}: {line}", n + 1);
                let (surname, name, patronymic) = (fields[1], fields[2], fields[3]);
                let gender = match fields[4] {
                    "m" => Some(Gender::Masculine),
                    "f" => Some(Gender::Feminine),
                    _ => None,
                };
                let style = fields[5];
                let actual = OBLIQUE
                    .iter()
                    .map(|&c| {
                        let p = inflect_person(surname, name, patronymic, c, gender);
                        match style {
                            "full" => p.full_name(),
                            "is" => p.initials_surname(),
                            "si" => p.surname_initials(),
                            other => panic!("line {}: unknown style {other}", n + 1),
                        }
                    })
                    .collect();
                rows.push(Row {
                    line: n + 1,
                    label: format!("{surname} {name} {patronymic} ({style})"),
                    expected: fields[6..]
                        .iter()
                        .map(|s| s.replace('~', "\u{a0}"))
                        .collect(),
                    actual,
                });
            }
            other => panic!("line {}: unknown kind {other}", n + 1),
        }
    }
    rows
}

#[test]
fn the_table_is_large_enough() {
    let cases: usize = rows().iter().map(|r| r.expected.len()).sum();
    assert!(cases >= 300, "only {cases} cases");
}

#[test]
fn every_form_in_the_table() {
    let mut total = 0;
    let mut wrong = Vec::new();
    let mut known_passing = Vec::new();
    for row in rows() {
        for (i, case) in OBLIQUE.iter().enumerate() {
            total += 1;
            let id = format!("{} / {}", row.label, case.name());
            let known = KNOWN_WRONG.contains(&id.as_str());
            if row.actual[i] != row.expected[i] {
                if !known {
                    wrong.push(format!(
                        "line {}: {id}: expected «{}», got «{}»",
                        row.line, row.expected[i], row.actual[i]
                    ));
                }
            } else if known {
                known_passing.push(id);
            }
        }
    }
    println!(
        "{} of {total} forms right ({} known wrong)",
        total - wrong.len() - KNOWN_WRONG.len(),
        KNOWN_WRONG.len()
    );
    assert!(
        wrong.is_empty(),
        "{} of {total} forms wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    assert!(
        known_passing.is_empty(),
        "now right, remove from KNOWN_WRONG: {known_passing:?}"
    );
}

#[test]
fn nominative_is_the_text_itself() {
    for row in rows().iter().filter(|r| !r.label.contains('(')) {
        assert_eq!(inflect_phrase(&row.label, Case::Nominative).text, row.label);
    }
}
