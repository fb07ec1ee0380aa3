//! Deadlines print as the YAML writes them («IV квартал 2023 г.», «до 25
//! числа каждого месяца», «до 1.09.2023 г.»), while their dates are still
//! read for checks and reports; `style.deadlines: normalised` prints the
//! canonical wording instead. Ten spellings the samples do not hold, on an
//! invented school, asserted in the PDF and the DOCX.

use nastavnik_core::Prepared;
use nastavnik_gen::{DocumentKind, Format};

use crate::common::*;

/// Ten deadlines as a school writes them, with the canonical wording the
/// parser would print instead (the same where it keeps the text).
const SPELLINGS: [(&str, &str); 10] = [
    (
        "по мере необходимости, но не реже 1 раза в четверть",
        "по мере необходимости, но не реже 1 раза в четверть",
    ),
    ("IV квартал 2023 г.", "IV квартал 2023 г."),
    ("до 25 числа каждого месяца", "до 25 числа каждого месяца"),
    ("до 1.09.2023 г.", "до 01.09.2023"),
    ("Октябрь 2023", "октябрь 2023 г."),
    ("дважды в год", "2 раза в год"),
    ("Ежеквартально", "ежеквартально"),
    ("2023 г. 2024 г.", "2023 г., 2024 г."),
    ("с 1 по 15 октября 2023 года", "с 1 по 15 октября 2023 г."),
    ("ноябрь-декабрь 2023 г.", "ноябрь – декабрь 2023 г."),
];

/// МБОУ «Лесновская ООШ» of an invented village, its roadmap with the ten
/// deadlines, one item each.
fn school(style: &str) -> Prepared {
    let items: String = SPELLINGS
        .iter()
        .enumerate()
        .map(|(i, (deadline, _))| {
            format!(
                "        - title: Мероприятие {n} лесновского плана\n          deadline: \"{deadline}\"\n          responsible: {{ person: zorina }}\n          result: Итог {n}\n",
                n = i + 1
            )
        })
        .collect();
    let yaml = format!(
        r#"kind: school
name: Муниципальное бюджетное общеобразовательное учреждение «Лесновская основная общеобразовательная школа»
short_name: МБОУ «Лесновская ООШ»
place: с. Лесное
head: {{ surname: Гаврилов, name: Степан, patronymic: Ильич, position: Директор }}
people:
  zorina: {{ surname: Зорина, name: Вера, patronymic: Павловна, gender: female, position: заместитель директора по воспитательной работе }}
curator: zorina
{style}
orders:
  implementation:
    number: 41-о
    date: 28.08.2023
    start: 01.09.2023
roadmap:
  subject: внедрения целевой модели наставничества в МБОУ «Лесновская ООШ» на 2023/2024 учебный год
  period: 2023/2024
  sections:
    - title: Организация наставничества
      items:
{items}"#
    );
    nastavnik_core::from_yaml_str(&yaml, "lesnoe.yaml").expect("the invented school loads")
}

/// The roadmap as a reader sees it: (format, squeezed text).
fn texts(org: &Prepared) -> Vec<(&'static str, String)> {
    let mut out = vec![(
        "docx",
        squeeze(&docx_text(&render(
            org,
            DocumentKind::Roadmap,
            Format::Docx,
        ))),
    )];
    if let Some(text) = pdf_text(&render(org, DocumentKind::Roadmap, Format::Pdf)) {
        out.push(("pdf", reading_text(&text, &[])));
    }
    out
}

#[test]
fn ten_deadlines_print_exactly_as_written_in_pdf_and_docx() {
    let org = school("");
    for (format, text) in texts(&org) {
        for (i, (written, normalised)) in SPELLINGS.iter().enumerate() {
            let row = squeeze(&format!(
                "Мероприятие {n} лесновского плана{written}",
                n = i + 1
            ));
            assert!(text.contains(&row), "{format}: no «{written}» in {text}");
            if written != normalised {
                assert!(
                    !text.contains(&squeeze(normalised)),
                    "{format}: «{normalised}» printed instead of «{written}»"
                );
            }
        }
    }
}

#[test]
fn written_deadlines_keep_their_dates_for_checks() {
    let org = school("");
    let items = &org.roadmap.as_ref().unwrap().sections[0].items;
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
    let by = items[3].deadline.as_ref().unwrap();
    assert_eq!(by.to_string(), "до 1.09.2023 г.");
    assert_eq!(by.last_day(), day(2023, 9, 1));
    assert_eq!(
        items[4].deadline.as_ref().unwrap().last_day(),
        day(2023, 10, 31)
    );
    assert_eq!(
        items[8].deadline.as_ref().unwrap().first_day(),
        day(2023, 10, 1)
    );
    assert_eq!(
        items[9].deadline.as_ref().unwrap().last_day(),
        day(2023, 12, 31)
    );
    // Free wording has no date: never overdue, never outside the period.
    assert_eq!(items[1].deadline.as_ref().unwrap().last_day(), None);
    // The years are still read: «2023 г. 2024 г.» reaches outside the
    // academic year, and the warning quotes the deadline as written.
    let warnings: Vec<String> = org
        .warnings()
        .iter()
        .map(|w| format!("{}: {}", w.field, w.message))
        .collect();
    assert_eq!(
        warnings,
        ["roadmap.sections[0].items[7].deadline: срок «2023 г. 2024 г.» выходит за период дорожной карты (01.09.2023 – 31.08.2024)"]
    );
}

#[test]
fn the_house_style_can_ask_for_one_wording() {
    let org = school("style: { deadlines: normalised }");
    for (format, text) in texts(&org) {
        for (i, (_, normalised)) in SPELLINGS.iter().enumerate() {
            let row = squeeze(&format!(
                "Мероприятие {n} лесновского плана{normalised}",
                n = i + 1
            ));
            assert!(text.contains(&row), "{format}: no «{normalised}» in {text}");
        }
        for written in [
            "до1.09.2023г.",
            "Октябрь2023",
            "дваждывгод",
            "Ежеквартально",
        ] {
            assert!(!text.contains(written), "{format}: «{written}» kept");
        }
    }
}
