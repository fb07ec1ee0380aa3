//! A roadmap's columns are data: which fields, in what order, under what
//! headers, with what list style, and the numbering row — rendered without
//! template overrides, the same in the standalone roadmap and the annex of
//! the order, in PDF and DOCX.

use crate::common::*;
use nastavnik_core::load_str;
use nastavnik_gen::ir::{Block, Document, Table};
use nastavnik_gen::{DocumentKind, Format};

const KAMENNY_BROD: &str = "kamenny-brod-2025.yaml";

const OWN_HEADERS: [&str; 6] = [
    "№ п/п",
    "Этап реализации",
    "Содержание работы",
    "Срок",
    "Ответственный",
    "Ожидаемый результат",
];

fn tables(doc: &Document) -> Vec<&Table> {
    doc.sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

fn roadmap_yaml(layout: &str, extra: &str) -> String {
    format!(
        r#"kind: school
name: Муниципальное бюджетное общеобразовательное учреждение «Школа № 4»
short_name: МБОУ «Школа № 4»
head: {{ surname: Петрова, name: Анна, patronymic: Ивановна, position: Директор }}
roadmap:
  layout: {layout}
  subject: на 2025 год
{extra}  sections:
    - title: Подготовка
      items:
        - title: Приказ о внедрении
          details: [проект приказа, согласование]
          deadline: сентябрь 2025 г.
          responsible: куратор
          result: Приказ
        - title: Встречи пар
          steps:
            - points: [организационная встреча, план пары]
              deadline: октябрь 2025 г.
              responsible: наставники
              result: Планы пар
            - points: итоговая встреча
              deadline: май 2025 г.
              responsible: наставники
              result: [Отчёт, Анкеты]
"#
    )
}

fn table_text(yaml: &str) -> String {
    let org = load_str(yaml, "школа.yaml").unwrap().organization;
    let doc = renderer().document(&org, DocumentKind::Roadmap).unwrap();
    doc.plain_text().replace('\u{a0}', " ")
}

#[test]
fn a_school_s_own_columns_and_numbering_row_in_pdf_and_docx() {
    let org = sample(KAMENNY_BROD);
    // The model: the header, the numbering row, rows without «Мероприятия».
    let doc = renderer().document(&org, DocumentKind::Roadmap).unwrap();
    let text = doc.plain_text().replace('\u{a0}', " ");
    assert!(text.contains(&OWN_HEADERS.join(" | ")), "{text}");
    assert!(text.contains("\n1 | 2 | 3 | 4 | 5 | 6\n"), "{text}");
    assert!(
        text.contains(
            "1. | Подготовительный | Нормативная база наставничества – издание приказа о внедрении целевой модели наставничества – назначение куратора – утверждение положения о наставничестве | сентябрь 2025 г. | куратор Г.А. Лисицын | Приказ, положение о наставничестве"
        ),
        "{text}"
    );
    assert!(
        text.contains("Промежуточный мониторинг | январь 2026 г. | куратор Г.А. Лисицын | Справка о промежуточных результатах"),
        "{text}"
    );
    assert!(!text.contains("Мероприятия |"), "{text}");

    // The DOCX: the header cells, the numbering row and the first row in order.
    let docx = render(&org, DocumentKind::Roadmap, Format::Docx);
    let docx_lines = docx_text(&docx).replace('\u{a0}', " ");
    let mut expected: Vec<String> = OWN_HEADERS.iter().map(|h| h.to_string()).collect();
    expected.extend((1..=6).map(|n| n.to_string()));
    expected.extend(strings(&[
        "1.",
        "Подготовительный",
        "Нормативная база наставничества",
        "– издание приказа о внедрении целевой модели наставничества",
        "– назначение куратора",
        "– утверждение положения о наставничестве",
        "сентябрь 2025 г.",
        "куратор Г.А. Лисицын",
        "Приказ, положение о наставничестве",
    ]));
    assert!(
        docx_lines.contains(&expected.join("\n")),
        "the DOCX lacks the header, numbering row and first row:\n{docx_lines}"
    );

    // The PDF: the header and the numbering row, then the rows' cells in order.
    let pdf = render(&org, DocumentKind::Roadmap, Format::Pdf);
    let Some(pdf_text) = pdf_text(&pdf) else {
        return;
    };
    let hay = squeeze(&pdf_text);
    assert!(
        hay.contains(&squeeze(&format!("{} 1 2 3 4 5 6", OWN_HEADERS.join(" ")))),
        "{pdf_text}"
    );
    assert_phrases_in_order(
        &pdf_text,
        &strings(&[
            "Нормативная база наставничества",
            "– назначение куратора",
            "сентябрь 2025 г.",
            "Приказ, положение о наставничестве",
            "Анкетирование обучающихся и педагогов",
            "педагог-психолог В.П.\u{a0}Орехова",
            "База наставляемых, база наставников",
            "Итоговое мероприятие «Наставник года»",
            "Приказ о поощрении наставников",
        ]),
        "PDF of kamenny-brod",
    );
    for stage in [
        "Подготовительный",
        "Формирование баз наставников и наставляемых",
    ] {
        assert!(hay.contains(&squeeze(stage)), "the PDF lacks «{stage}»");
    }
}

#[test]
fn the_order_s_annex_and_the_standalone_roadmap_head_their_columns_alike() {
    for name in [
        KAMENNY_BROD,
        "school9-2020.yaml",
        "sharya-2020.yaml",
        "novoshakhtinsk-2022.yaml",
    ] {
        let org = sample(name);
        let headers = |kind| {
            let doc = renderer().document(&org, kind).unwrap();
            let t = tables(&doc)
                .last()
                .copied()
                .cloned()
                .expect("a roadmap table");
            Document {
                sections: vec![nastavnik_gen::ir::Section {
                    blocks: vec![Block::Table(Table { rows: vec![], ..t })],
                    ..Default::default()
                }],
                ..Default::default()
            }
            .plain_text()
        };
        if org.orders.implementation.is_none() {
            continue;
        }
        assert_eq!(
            headers(DocumentKind::Roadmap),
            headers(DocumentKind::OrderImplementation),
            "{name}"
        );
    }
}

#[test]
fn a_stages_layout_with_an_expected_result_and_no_activities_column() {
    let text = table_text(&roadmap_yaml(
        "stages",
        "  columns:\n    - { field: number }\n    - { field: section }\n    - { field: content, list: none }\n    - { field: deadline }\n    - { field: responsible }\n    - { field: result, header: Ожидаемый результат, list: dashes }\n",
    ));
    assert!(
        text.contains("№ | Наименование этапа | Содержание деятельности | Сроки | Ответственные | Ожидаемый результат"),
        "{text}"
    );
    // No numbering row unless asked for.
    assert!(!text.contains("1 | 2 | 3"), "{text}");
    // The activity's title heads its content; points plain; results in their column.
    assert!(
        text.contains("1. | Подготовка | Приказ о внедрении проект приказа согласование | сентябрь 2025 г. | куратор | – Приказ"),
        "{text}"
    );
    assert!(
        text.contains("Встречи пар организационная встреча план пары | октябрь 2025 г. | наставники | – Планы пар"),
        "{text}"
    );
    assert!(
        text.contains("итоговая встреча | май 2025 г. | наставники | – Отчёт – Анкеты"),
        "{text}"
    );
}

#[test]
fn sections_with_a_numbering_row_and_numbered_details() {
    let text = table_text(&roadmap_yaml(
        "sections",
        "  numbering_row: true\n  columns:\n    - { field: number, header: № }\n    - { field: title, header: Мероприятие, list: numbers }\n    - { field: responsible }\n    - { field: deadline, header: Когда }\n",
    ));
    assert!(
        text.contains(
            "№ | Мероприятие | Ответственный исполнитель | Когда\n1 | 2 | 3 | 4\n1. | Подготовка\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("1.1 | Приказ о внедрении 1. проект приказа 2. согласование | куратор | сентябрь 2025 г."),
        "{text}"
    );
    // With no column for them, the steps' points stand under the title.
    assert!(
        text.contains("1.2 | Встречи пар – организационная встреча – план пары – итоговая встреча | наставники | октябрь 2025 г."),
        "{text}"
    );
}

#[test]
fn headers_that_do_not_match_the_columns_are_an_error_with_its_place() {
    let yaml = roadmap_yaml("stages", "  headers: [№, Этап, Содержание]\n");
    let err = load_str(&yaml, "школа.yaml").unwrap_err().to_string();
    assert!(err.contains("школа.yaml:"), "{err}");
    assert!(err.contains("roadmap.headers"), "{err}");
    assert!(err.contains("заголовков 3, а столбцов"), "{err}");
    assert!(err.contains("6"), "{err}");
    let line = yaml.lines().position(|l| l.contains("headers:")).unwrap() + 1;
    assert!(err.contains(&format!("школа.yaml:{line}:")), "{err}");

    let yaml = roadmap_yaml(
        "sections",
        "  columns:\n    - { field: title }\n    - { field: section }\n    - { field: title }\n",
    );
    let err = load_str(&yaml, "школа.yaml").unwrap_err().to_string();
    assert!(err.contains("roadmap.columns[1].field"), "{err}");
    assert!(err.contains("roadmap.columns[2].field"), "{err}");
    assert!(err.contains("уже есть"), "{err}");

    let yaml = roadmap_yaml("stages", "  columns:\n    - { field: deadlines }\n");
    let err = load_str(&yaml, "школа.yaml").unwrap_err().to_string();
    assert!(err.contains("deadlines"), "{err}");

    // Headers as data, one for each column, rename them.
    let text = table_text(&roadmap_yaml(
        "sections",
        "  headers: [№, Что, Когда, Кто, Итог]\n",
    ));
    assert!(text.contains("№ | Что | Когда | Кто | Итог"), "{text}");
}

#[test]
fn column_widths_come_from_the_content() {
    for name in [
        KAMENNY_BROD,
        "school9-2020.yaml",
        "sharya-2020.yaml",
        "terengul-lyceum-2023.yaml",
        "novoshakhtinsk-2022.yaml",
        "sosh19-2021.yaml",
    ] {
        let org = sample(name);
        let doc = renderer().document(&org, DocumentKind::Roadmap).unwrap();
        let table = tables(&doc)[0];
        let total: f32 = table.columns.iter().sum();
        assert!((total - 100.0).abs() < 0.5, "{name}: {:?}", table.columns);
        // Every header word fits its column whole (about 130 characters across).
        for (cell, width) in table.header[0].cells.iter().zip(&table.columns) {
            let header = Document {
                sections: vec![nastavnik_gen::ir::Section {
                    blocks: cell.blocks.clone(),
                    ..Default::default()
                }],
                ..Default::default()
            }
            .plain_text();
            let longest = header
                .split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0) as f32;
            assert!(
                width * 1.3 >= longest * 1.1,
                "{name}: «{}» does not fit {width} %",
                header.trim()
            );
        }
    }
    // A long activity column takes more room than the deadline beside it.
    let org = sample("school9-2020.yaml");
    let doc = renderer().document(&org, DocumentKind::Roadmap).unwrap();
    let w = &tables(&doc)[0].columns;
    assert!(w[1] > 2.0 * w[2] && w[0] < w[2], "{w:?}");
}
