//! The положение names the person in charge with the order's role word, in
//! every case its clauses need: «координатор», «ответственный за реализацию
//! программы наставничества»; and no act it cites is marked «(?)».
//! Asserted in the PDF and the DOCX on an invented school and on the samples.

use nastavnik_core::Prepared;
use nastavnik_gen::{DocumentKind, Format};

use crate::common::*;

/// МКОУ «Ивановская СОШ» of an invented district with the role word `role`.
fn school(role: &str) -> Prepared {
    let yaml = format!(
        r#"kind: school
name: Муниципальное казённое общеобразовательное учреждение «Ивановская средняя общеобразовательная школа»
short_name: МКОУ «Ивановская СОШ»
place: с. Ивановка
head: {{ surname: Русакова, name: Алла, patronymic: Викторовна, position: Директор }}
people:
  tihonova: {{ surname: Тихонова, name: Марина, patronymic: Олеговна, gender: female, position: заместитель директора по учебно-воспитательной работе }}
curator: tihonova
orders:
  implementation:
    number: "63"
    date: 30.08.2024
    start: 02.09.2024
    role: {role}
"#
    );
    nastavnik_core::from_yaml_str(&yaml, "ivanovka.yaml").expect("the invented school loads")
}

fn both(org: &Prepared) -> Vec<(&'static str, String)> {
    let mut out = vec![(
        "docx",
        squeeze(&docx_text(&render(
            org,
            DocumentKind::Provision,
            Format::Docx,
        ))),
    )];
    if let Some(text) = pdf_text(&render(org, DocumentKind::Provision, Format::Pdf)) {
        out.push(("pdf", reading_text(&text, &[])));
    }
    out
}

fn assert_role(role: &str, phrases: &[&str]) {
    let org = school(role);
    for (format, text) in both(&org) {
        for phrase in phrases {
            assert!(
                text.contains(&squeeze(phrase)),
                "{format}: no «{phrase}» in {text}"
            );
        }
        assert!(
            !text.to_lowercase().contains("куратор"),
            "{format}: «куратор» left in {text}"
        );
    }
}

#[test]
fn a_coordinator_in_every_case_of_the_provision() {
    assert_role(
        "координатор",
        &[
            "координатор — сотрудник образовательной организации",
            "осуществляет координатор, назначаемый приказом руководителя образовательной организации (координатор — заместитель директора по учебно-воспитательной работе М.О. Тихонова).",
            "Координатор формирует и актуализирует базу наставников",
            "дают обратную связь координатору в форме анкеты",
            "Координатор при необходимости корректирует",
            "Мониторинг проводится координатором",
            "анкетирование координатора",
            "мониторинга координатор готовит справку",
            "вносить на рассмотрение координатора и администрации",
            "уведомив координатора.",
            "обратиться к координатору с просьбой",
            "приказ о назначении координатора внедрения целевой модели наставничества;",
        ],
    );
}

#[test]
fn the_one_responsible_for_the_programme_in_every_case_of_the_provision() {
    let r = "ответственный за реализацию программы наставничества";
    assert_role(
        "ответственный",
        &[
            &format!("{r} — сотрудник образовательной организации, назначенный приказом руководителя образовательной организации для организации программы наставничества;"),
            &format!("осуществляет {r}, назначаемый приказом руководителя образовательной организации ({r} — заместитель директора"),
            "Ответственный за реализацию программы наставничества формирует и актуализирует",
            "обратную связь ответственному за реализацию программы наставничества в форме анкеты",
            "Мониторинг проводится ответственным за реализацию программы наставничества",
            "анкетирование ответственного за реализацию программы наставничества",
            "вносить на рассмотрение ответственного за реализацию программы наставничества и администрации",
            "обращаться к ответственному за реализацию программы наставничества и администрации",
            "приказ о назначении ответственного за внедрение целевой модели наставничества;",
        ],
    );
}

#[test]
fn no_cited_act_is_marked_unverified() {
    for act in nastavnik_core::catalogue::acts::catalogue() {
        for text in [
            act.listed(),
            act.inline(nastavnik_core::grammar::Case::Instrumental),
        ] {
            assert!(!text.contains("(?)"), "{}: {text}", act.id);
        }
    }
    let mut seen = 0;
    for entry in std::fs::read_dir(root().join("samples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let org = sample(&name);
        for kind in [
            DocumentKind::Provision,
            DocumentKind::Programme,
            DocumentKind::OrderImplementation,
        ] {
            let Ok(doc) = renderer().document(&org, kind) else {
                continue;
            };
            seen += 1;
            let text = doc.plain_text();
            assert!(!text.contains("(?)"), "{name} {kind:?}: {text}");
        }
    }
    assert!(seen >= 10, "only {seen} documents rendered");
}
