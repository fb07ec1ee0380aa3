//! The standalone roadmap's own approvals (грифы) as data: «УТВЕРЖДАЮ» with
//! a signature line, «УТВЕРЖДЕН приказом …», «СОГЛАСОВАНО …», side by side,
//! on an invented school; the roadmap in the order's annex keeps its
//! «Приложение … к приказу» mark; without approvals, the stamp of old.

use nastavnik_core::Prepared;
use nastavnik_gen::{DocumentKind, Format};

use crate::common::*;

/// МАОУ «Гимназия № 12» of an invented town; `approvals` is YAML under `roadmap:`.
fn school(approvals: &str) -> Prepared {
    nastavnik_core::from_yaml_str(&school_yaml(approvals), "gymnasium12.yaml")
        .expect("the invented school loads")
}

fn school_yaml(approvals: &str) -> String {
    format!(
        r#"kind: school
name: Муниципальное автономное общеобразовательное учреждение «Гимназия № 12» города Светлогорска
short_name: МАОУ «Гимназия № 12»
place: г. Светлогорск
head: {{ surname: Кудрявцева, name: Ольга, patronymic: Романовна, position: директор }}
people:
  lvov: {{ surname: Львов, name: Антон, patronymic: Игоревич, gender: male, position: заместитель директора по учебно-воспитательной работе }}
  belkina: {{ surname: Белкина, name: Нина, patronymic: Павловна, gender: female, position: председатель Управляющего совета }}
curator: lvov
documents:
  us5: {{ reference: Управляющим советом, name: протокол заседания Управляющего совета, date: 25.08.2024, number: "5" }}
orders:
  implementation:
    number: 118-од
    date: 29.08.2024
    start: 02.09.2024
roadmap:
  subject: внедрения целевой модели наставничества в МАОУ «Гимназия № 12» на 2024/2025 учебный год
  period: 2024/2025
{approvals}
  sections:
    - title: Подготовка условий
      items:
        - title: Издание приказа о внедрении целевой модели наставничества
          deadline: до 02.09.2024
          responsible: {{ person: lvov }}
          result: Приказ
"#
    )
}

const THREE: &str = r#"  approval_columns: 3
  approvals:
    - kind: согласовано
      by: с Управляющим советом
      person: belkina
      position: Председатель Управляющего совета
      document: us5
    - kind: утверждено
      document: implementation
    - kind: утверждаю
      date: 30.08.2024"#;

fn three_stamps() -> Vec<String> {
    strings(&[
        "СОГЛАСОВАН",
        "с Управляющим советом",
        "Председатель Управляющего совета",
        "/Н.П. Белкина/",
        "Протокол заседания Управляющего совета от 25.08.2024 № 5",
        "УТВЕРЖДЕН",
        "приказом МАОУ «Гимназия № 12»",
        "от 29.08.2024 № 118-од",
        "УТВЕРЖДАЮ",
        "Директор МАОУ «Гимназия № 12»",
        "/О.Р. Кудрявцева/",
        "«30» августа 2024 г.",
        "План мероприятий (дорожная карта)",
    ])
}

#[test]
fn three_approvals_of_the_roadmap_in_pdf_and_docx() {
    let org = school(THREE);
    assert!(org.warnings().is_empty(), "{:#?}", org.warnings());
    let expected = three_stamps();
    let docx = render(&org, DocumentKind::Roadmap, Format::Docx);
    assert_phrases_in_order(&docx_text(&docx), &expected, "DOCX");
    // One row of three cells before the title.
    let body = docx_part(&docx, "word/document.xml");
    let grid = &body[..body.find("План мероприятий").unwrap()];
    assert_eq!(grid.matches("<w:tr>").count(), 1, "{grid}");
    assert_eq!(grid.matches("<w:tc>").count(), 3, "{grid}");
    let text = docx_text(&docx);
    assert!(!text.contains("УТВЕРЖДЕНА"), "{text}");

    if let Some(text) = pdf_text(&render(&org, DocumentKind::Roadmap, Format::Pdf)) {
        assert_phrases_in_order(&text, &expected, "PDF");
    }
}

#[test]
fn the_annexed_roadmap_keeps_its_annex_mark() {
    let org = school(THREE);
    let docx = render(&org, DocumentKind::OrderImplementation, Format::Docx);
    let text = docx_text(&docx);
    let annex = &text[text.find("Приложение").expect("the roadmap is annexed")..];
    assert_phrases_in_order(
        annex,
        &strings(&[
            "Приложение",
            "к приказу",
            "от 29.08.2024 № 118-од",
            "План мероприятий",
        ]),
        "DOCX",
    );
    for stamp in ["УТВЕРЖДАЮ", "СОГЛАСОВАН", "/О.Р. Кудрявцева/"] {
        assert!(!annex.contains(stamp), "«{stamp}» in the annex: {annex}");
    }
    if let Some(pdf) = pdf_text(&render(
        &org,
        DocumentKind::OrderImplementation,
        Format::Pdf,
    )) {
        assert!(!pdf.contains("УТВЕРЖДАЮ"), "{pdf}");
        assert!(!pdf.contains("СОГЛАСОВАН"), "{pdf}");
    }
}

#[test]
fn without_approvals_the_roadmap_keeps_its_stamp_of_old() {
    let org = school("");
    let expected = strings(&[
        "УТВЕРЖДЕН",
        "приказом МАОУ «Гимназия № 12»",
        "от 29.08.2024 № 118-од",
        "План мероприятий (дорожная карта)",
    ]);
    let docx = render(&org, DocumentKind::Roadmap, Format::Docx);
    assert_phrases_in_order(&docx_text(&docx), &expected, "DOCX");
    if let Some(text) = pdf_text(&render(&org, DocumentKind::Roadmap, Format::Pdf)) {
        assert_phrases_in_order(&text, &expected, "PDF");
    }
}

#[test]
fn a_roadmap_approval_citing_a_missing_document_is_an_error() {
    let yaml = school_yaml("  approvals:\n    - kind: утверждено\n      document: us9");
    let err = nastavnik_core::from_yaml_str(&yaml, "gymnasium12.yaml")
        .expect_err("a missing document must not load")
        .to_string();
    assert!(err.contains("roadmap.approvals[0].document"), "{err}");
    assert!(err.contains("us5"), "the close key is offered: {err}");
}

#[test]
fn a_mark_beside_approvals_is_reported_not_silently_dropped() {
    let org = school(&format!("  mark: [Приложение 3]\n{THREE}"));
    let warnings: Vec<String> = org.warnings().iter().map(|w| w.field.clone()).collect();
    assert_eq!(warnings, ["roadmap.mark"]);
}
