//! Mentoring of pedagogical workers (`teachers:`) beside the pupils' Р-145
//! model, from samples/svetloyarsk-gymnasium4-teachers.yaml: every kind in
//! PDF and DOCX, an input the sample does not have, missing data, check.

use crate::common::*;
use nastavnik_core::{Person, Prepared};
use nastavnik_gen::{DocumentKind, Format, GenError};

const SAMPLE: &str = "svetloyarsk-gymnasium4-teachers.yaml";

const KINDS: [DocumentKind; 5] = [
    DocumentKind::TeachersProvision,
    DocumentKind::TeachersRoadmap,
    DocumentKind::TeachersOrder,
    DocumentKind::TeachersPairs,
    DocumentKind::TeachersProgramme,
];

/// What a reader must find in each document, in order.
fn expected(kind: DocumentKind) -> Vec<String> {
    strings(match kind {
        DocumentKind::TeachersProvision => &[
            "ПРИНЯТО",
            "(протокол от 28.08.2025 № 1)",
            "УТВЕРЖДЕНО",
            "от 29.08.2025 № 178-од",
            "ПОЛОЖЕНИЕ",
            "о системе наставничества педагогических работников в Гимназии № 4",
            "1. Общие положения",
            "1.1. Настоящее Положение о системе наставничества педагогических работников в Гимназии № 4",
            "от 21.12.2021 № АЗ-1128/08/657",
            "3.4.1. «педагог – молодой специалист»:",
            "3.4.2. «опытный педагог – педагог, испытывающий затруднения»:",
            "3.5.4. реверсивное:",
            "3.5.7. виртуальное (дистанционное):",
            "4. Права и обязанности наставника",
            "5. Права и обязанности наставляемого",
            "6. Формирование наставнических пар и групп",
            "7. Завершение персонализированной программы наставничества",
            "8. Условия и ресурсы наставничества",
            "9. Мониторинг и оценка результатов наставничества",
            "10.2. Изменения в Положение",
        ],
        DocumentKind::TeachersRoadmap => &[
            "УТВЕРЖДЕНА",
            "приказом Гимназии № 4",
            "от 29.08.2025 № 178-од",
            "Дорожная карта (план мероприятий)",
            "по реализации Положения о системе наставничества педагогических работников в Гимназии № 4 на 2025/2026 учебный год",
            "1. Утверждение Положения о системе наставничества педагогических работников и назначение куратора до 01.09.2025 Директор И.Г. Воронцова Приказ",
            "2. Формирование базы наставников и базы наставляемых сентябрь 2025 г. Куратор Н.В. Сазонова",
            "6. Итоговый мониторинг",
        ],
        DocumentKind::TeachersOrder => &[
            "ПРИКАЗ",
            "«29» августа 2025 г.",
            "№ 178-од",
            "Об утверждении Положения о системе наставничества педагогических работников и дорожной карты по его реализации",
            "В соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ",
            "ПРИКАЗЫВАЮ:",
            "1. Утвердить Положение о системе наставничества педагогических работников в Гимназии № 4 (приложение 1).",
            "2. Утвердить дорожную карту (план мероприятий) по реализации Положения о системе наставничества педагогических работников на 2025/2026 учебный год (приложение 2).",
            "3. Назначить куратором системы наставничества педагогических работников заместителя директора по учебно-воспитательной работе Н.В. Сазонову.",
            "4. Куратору Н.В. Сазоновой организовать выполнение дорожной карты начиная с 01.09.2025",
            "5. Контроль исполнения приказа оставляю за собой.",
            "Директор И.Г. Воронцова",
            "С приказом ознакомлены:",
            "Н.В. Сазонова",
            "Приложение 1",
            "от 29.08.2025 № 178-од",
            "ПОЛОЖЕНИЕ",
            "1.1. Настоящее Положение",
            "Приложение 2",
            "Дорожная карта (план мероприятий)",
            "3. Закрепление наставнических пар и групп",
        ],
        DocumentKind::TeachersPairs => &[
            "«12» сентября 2025 г.",
            "№ 205-од",
            "О закреплении наставников за педагогическими работниками",
            "В соответствии с Положением о системе наставничества педагогических работников в Гимназии № 4, утвержденным приказом Гимназии № 4 от 29.08.2025 № 178-од,",
            "1. Закрепить наставников за педагогическими работниками и утвердить наставнические пары (группы) (приложение 1).",
            "2. Утвердить персонализированные программы наставничества, составленные наставниками совместно с наставляемыми.",
            "4. Куратору системы наставничества педагогических работников Н.В. Сазоновой организовать",
            "5. Контроль исполнения приказа оставляю за собой.",
            "С приказом ознакомлены:",
            // Everyone the order names signs it: the curator, the mentors, the mentees.
            "Н.В. Сазонова",
            "С.Ю. Лапина",
            "Д.О. Егорова",
            "А.В. Марков",
            "А.С. Никитин",
            "О.П. Зуева",
            "Приложение 1",
            "Наставнические пары (группы) педагогических работников",
            "1. Лапина С.Ю., учитель русского языка и литературы Егорова Д.О., учитель русского языка и литературы «педагог – молодой специалист» традиционное (долгосрочное) сентябрь 2025 г. – май 2026 г.",
            "2. Марков А.В., учитель математики Никитин А.С., учитель информатики; Зуева О.П., учитель математики «опытный педагог – педагог, испытывающий затруднения» в группе, реверсивное",
        ],
        DocumentKind::TeachersProgramme => &[
            "УТВЕРЖДЕНА",
            "от 12.09.2025 № 205-од",
            "Персонализированная программа наставничества",
            "Егорова Дарья Олеговна",
            "Наставляемый: Егорова Д.О., учитель русского языка и литературы",
            "Наставник: Лапина С.Ю., учитель русского языка и литературы",
            "Форма наставничества: «педагог – молодой специалист»",
            "Вид наставничества: традиционное (долгосрочное)",
            "Срок реализации: сентябрь 2025 г. – май 2026 г.",
            "Цель: освоение молодым специалистом",
            "– подготовиться к первому открытому уроку.",
            "1. Совместное составление рабочей программы и тематического планирования до 15.09.2025 Рабочая программа выполнено",
            "Ожидаемые результаты:",
            "Наставник С.Ю. Лапина",
            "Наставляемый Д.О. Егорова",
            "Куратор Н.В. Сазонова",
            // A group: a programme for each of its mentees.
            "Никитин Артём Сергеевич",
            "Наставничество в группе; другие наставляемые группы: Зуева О.П., учитель математики",
            "Зуева Ольга Павловна",
            "Наставничество в группе; другие наставляемые группы: Никитин А.С., учитель информатики",
            "Наставляемый О.П. Зуева",
        ],
        _ => unreachable!(),
    })
}

fn assert_both(org: &Prepared, kind: DocumentKind, expected: &[String]) {
    if let Some(text) = pdf_text(&render(org, kind, Format::Pdf)) {
        let hay = reading_text(&text, &[]);
        assert_phrases_in(&hay, &text, expected, &format!("{} PDF", kind.id()));
    }
    let text = docx_text(&render(org, kind, Format::Docx));
    assert_phrases_in_order(&text, expected, &format!("{} DOCX", kind.id()));
}

#[test]
fn every_teachers_kind_renders_from_the_sample() {
    let org = sample(SAMPLE);
    assert!(org.warnings().is_empty(), "{:?}", org.warnings());
    for kind in KINDS {
        assert_both(&org, kind, &expected(kind));
    }
}

#[test]
fn the_sample_runs_both_systems_from_one_file() {
    let org = sample(SAMPLE);
    // The pupils' pairs (Р-145) keep their own order and curator.
    let docx = docx_text(&render(&org, DocumentKind::OrderPairs, Format::Docx));
    assert_phrases_in_order(
        &docx,
        &strings(&[
            "№ 214-од",
            "Об утверждении наставнических пар (групп)",
            "Куратору внедрения целевой модели наставничества О.П. Гусеву",
            "Белов М.А., 10 «Б» класс",
        ]),
        "order-pairs DOCX",
    );
    assert!(!docx.contains("Сазонов"), "{docx}");
}

/// A lyceum and a school whose names decline otherwise, with a male curator.
#[test]
fn other_names_and_a_male_curator_agree() {
    for (short, locative, genitive) in [
        ("Лицей № 3", "в Лицее № 3", "приказом Лицея № 3"),
        (
            "Средняя школа № 12",
            "в Средней школе № 12",
            "приказом Средней школы № 12",
        ),
    ] {
        let mut org = sample_model(SAMPLE);
        org.short_name = Some(short.into());
        org.people.insert(
            "pavlov".into(),
            Person::new("Павлов", "Сергей", "Андреевич")
                .with_position("заместитель директора по научно-методической работе"),
        );
        let t = org.teachers.as_mut().unwrap();
        t.curator = Some("pavlov".into());
        t.orders.provision.as_mut().unwrap().acquainted = None;
        let org = prepared(org);
        assert_both(
            &org,
            DocumentKind::TeachersOrder,
            &strings(&[
                &format!("1. Утвердить Положение о системе наставничества педагогических работников {locative} (приложение 1)."),
                "3. Назначить куратором системы наставничества педагогических работников заместителя директора по научно-методической работе С.А. Павлова.",
                "4. Куратору С.А. Павлову организовать",
                "С приказом ознакомлены:",
                "С.А. Павлов",
                &format!("о системе наставничества педагогических работников {locative}"),
            ]),
        );
        assert_both(
            &org,
            DocumentKind::TeachersProvision,
            &strings(&[genitive, &format!("1.1. Настоящее Положение о системе наставничества педагогических работников {locative}")]),
        );
    }
}

/// A change that takes data away from the sample.
type Change = fn(&mut nastavnik_core::Organization);

#[test]
fn a_kind_the_file_cannot_make_names_the_missing_field() {
    let cases: [(Change, DocumentKind, &str); 5] = [
        (
            |o| o.teachers = None,
            DocumentKind::TeachersProvision,
            "teachers",
        ),
        (
            |o| o.teachers.as_mut().unwrap().orders.pairs = None,
            DocumentKind::TeachersPairs,
            "teachers.orders.pairs",
        ),
        (
            |o| o.teachers.as_mut().unwrap().curator = None,
            DocumentKind::TeachersOrder,
            "teachers.curator",
        ),
        (
            |o| o.teachers.as_mut().unwrap().roadmap = None,
            DocumentKind::TeachersRoadmap,
            "teachers.roadmap",
        ),
        (
            |o| {
                for p in &mut o.teachers.as_mut().unwrap().pairs {
                    p.programme = None;
                }
            },
            DocumentKind::TeachersProgramme,
            "programme",
        ),
    ];
    for (change, kind, field) in cases {
        let mut org = sample_model(SAMPLE);
        change(&mut org);
        let org = prepared(org);
        match renderer().render(&org, kind, Format::Pdf) {
            Err(GenError::MissingData(reason)) => {
                assert!(reason.contains(field), "{}: {reason}", kind.id())
            }
            other => panic!("{}: {:?}", kind.id(), other.map(|r| r.bytes.len())),
        }
    }
}

#[test]
fn check_finds_unknown_people_forms_and_kinds_in_teachers() {
    let yaml = std::fs::read_to_string(root().join("samples").join(SAMPLE))
        .unwrap()
        .replace(
            "form: педагог – молодой специалист",
            "form: педагог – молодой спецалист",
        )
        .replace(
            "kinds: [в группе, реверсивное]",
            "kinds: [в группе, реверсное]",
        )
        .replace("    - mentor: markov", "    - mentor: markow");
    let warnings = nastavnik_core::load_str(&yaml, "g4.yaml")
        .map(|l| {
            l.warnings
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let errors = nastavnik_core::load_str(&yaml, "g4.yaml")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    let all = format!("{errors}\n{}", warnings.join("\n"));
    let line = |needle: &str| yaml.lines().position(|l| l.contains(needle)).unwrap() + 1;
    assert!(
        all.contains(&format!("g4.yaml:{}:", line("mentor: markow")))
            && all.contains("поле «teachers.pairs[1].mentor»")
            && all.contains("наставника с ключом «markow» нет в teachers.mentors")
            && all.contains("markov"),
        "{all}"
    );
    assert!(
        all.contains("поле «teachers.pairs[0].form»")
            && all.contains("возможно, вы имели в виду «педагог – молодой специалист»"),
        "{all}"
    );
    assert!(
        all.contains("поле «teachers.pairs[1].kinds[1]»")
            && all.contains("возможно, вы имели в виду «реверсивное»"),
        "{all}"
    );
}
