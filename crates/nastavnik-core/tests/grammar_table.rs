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

/// What the grammar must flag as guessed, and what it must not: the words of
/// school documents are in its dictionary, names of the Russian types follow
/// certain rules; an unknown head word, a surname whose declension depends on
/// stress or origin, and a person whose gender the name does not show are
/// guesses.
#[test]
fn guesses_are_flagged_and_certainties_are_not() {
    use nastavnik_core::grammar::{agreement, inflect_person_with, Forms};
    let certain = [
        "заместитель директора по учебно-воспитательной работе",
        "Гимназия № 5",
        "Муниципальное бюджетное общеобразовательное учреждение «Лицей № 2»",
        "план мероприятий (дорожная карта)",
        "городской округ город Шарья",
        "Костромская область",
        "МБОУ СОШ № 7",
    ];
    for phrase in certain {
        for case in OBLIQUE {
            let r = inflect_phrase(phrase, case);
            assert!(r.confident, "{phrase} / {case:?}: {r:?}");
            assert!(r.warning(case).is_none());
        }
    }
    for phrase in ["Хрюмзель", "Зоосад «Ёлочка»", "эквилибрист"] {
        let r = inflect_phrase(phrase, Case::Genitive);
        assert!(!r.confident, "{phrase}: {r:?}");
        assert!(!r.guessed.is_empty());
        let w = r.warning(Case::Genitive).unwrap();
        assert!(w.starts_with("форма угадана: «"), "{w}");
        assert!(w.contains("укажите forms: {genitive: …}"), "{w}");
    }
    assert!(!agreement("Хрюмзель").confident);
    assert!(agreement("Дорожная карта").confident);

    let person = |s, n, p| inflect_person(s, n, p, Case::Dative, None);
    for (s, n, p) in [
        ("Сидорова", "Ольга", "Ивановна"),
        ("Шевчук", "Елена", "Викторовна"),
        ("Шевчук", "Евгений", "Викторович"),
        ("Черных", "А.", "С."),
        ("Петров-Водкин", "Кузьма", "Сергеевич"),
        ("Гонсалес", "Мария", "Луиза"),
    ] {
        assert!(person(s, n, p).confident, "{s} {n} {p}");
    }
    for (s, n, p) in [
        ("Шевчук", "Е.", "В."),
        ("Кравец", "Пётр", "Ильич"),
        ("Кваша", "Игорь", "Петрович"),
    ] {
        let r = person(s, n, p);
        assert!(!r.confident, "{s} {n} {p}");
        assert!(r
            .warning(Case::Dative)
            .unwrap()
            .contains("forms: {dative: …}"));
    }
    // An explicit form settles it.
    let forms = Forms {
        dative: Some("Шевчуку".into()),
        ..Forms::default()
    };
    let r = inflect_person_with(Some(&forms), "Шевчук", "Е.", "В.", Case::Dative, None);
    assert!(r.confident);
    assert_eq!(r.initials_surname(), "Е.В.\u{a0}Шевчуку");
}

/// The locative after «в»: the prepositional, with «саду» for «сад».
#[test]
fn locative_after_v() {
    use nastavnik_core::grammar::locative;
    let cases = [
        ("Гимназия № 5", "Гимназии № 5"),
        ("актовый зал", "актовом зале"),
        (
            "городской округ город Шарья",
            "городском округе город Шарья",
        ),
        ("Детский сад № 3 «Солнышко»", "Детском саду № 3 «Солнышко»"),
        ("Краснодарский край", "Краснодарском крае"),
        ("МБОУ СОШ № 7", "МБОУ СОШ № 7"),
    ];
    for (text, expected) in cases {
        assert_eq!(locative(text).text, expected);
    }
}

/// Gender and number of a title's head pick the stamp's participle.
#[test]
fn stamps_agree_with_titles() {
    use nastavnik_core::grammar::{participle, phrase_agreement, Participle};
    let cases = [
        ("Дорожная карта", "УТВЕРЖДЕНА"),
        ("Положение о программе наставничества", "УТВЕРЖДЕНО"),
        ("План мероприятий (дорожная карта)", "УТВЕРЖДЕН"),
        ("Методические рекомендации", "УТВЕРЖДЕНЫ"),
        ("Программа наставничества", "УТВЕРЖДЕНА"),
        ("Порядок проведения конкурса", "УТВЕРЖДЕН"),
        ("ДОРОЖНАЯ КАРТА", "УТВЕРЖДЕНА"),
    ];
    for (title, stamp) in cases {
        let (g, n) = phrase_agreement(title);
        assert_eq!(
            participle(Participle::Approved, g, n, true),
            stamp,
            "{title}"
        );
    }
}
