//! Approvals (грифы) and title pages of the положение and the программа:
//! any number and kind of stamps in a grid, their words agreeing with the
//! document, the signer's line, the cited order or protocol; the title page
//! with compilers and place and year at the foot. Asserted in the PDF and the
//! DOCX as a reader sees them, on the sample and on inputs it does not hold.

use nastavnik_core::{Approval, ApprovalKind, Person, TitlePage};
use nastavnik_gen::{DocumentKind, Format};

use crate::common::*;

const SAMPLE: &str = "berezovka-2023.yaml";

/// The four approvals of the sample's положение, row by row.
fn four_approvals() -> Vec<String> {
    strings(&[
        "ПРИНЯТО",
        "педагогическим советом",
        "МКОУ «Берёзовская СОШ»",
        "(протокол от 29.08.2023 № 1)",
        "УТВЕРЖДАЮ",
        "Директор МКОУ «Берёзовская СОШ»",
        "____________ /Т.Н. Сорокина/",
        "Приказ от 30.08.2023 № 112",
        "СОГЛАСОВАНО",
        "с Управляющим советом",
        "Председатель Управляющего совета",
        "____________ /А.Н. Белова/",
        "Протокол от 28.08.2023 № 3",
        "СОГЛАСОВАНО",
        "Председатель методического совета",
        "____________ /С.И. Лапин/",
        "«28» августа 2023 г.",
        "ПОЛОЖЕНИЕ",
    ])
}

fn text_of(org: &nastavnik_core::Prepared, kind: DocumentKind) -> String {
    renderer()
        .document(org, kind)
        .expect("document builds")
        .plain_text()
        .replace('\u{a0}', " ")
}

#[test]
fn four_approvals_in_a_grid_read_in_order_in_pdf_and_docx() {
    let org = sample(SAMPLE);
    let expected = four_approvals();
    let text = text_of(&org, DocumentKind::Provision);
    let lines: Vec<&str> = text.lines().take(expected.len()).collect();
    assert_eq!(lines, expected, "{text}");

    let docx = render(&org, DocumentKind::Provision, Format::Docx);
    assert_phrases_in_order(&docx_text(&docx), &expected, "DOCX");
    // Two rows of two cells in a table without borders.
    let body = docx_part(&docx, "word/document.xml");
    let grid = &body[..body.find("ПОЛОЖЕНИЕ").unwrap()];
    assert_eq!(grid.matches("<w:tr>").count(), 2, "{grid}");
    assert_eq!(grid.matches("<w:tc>").count(), 4, "{grid}");

    let pdf = render(&org, DocumentKind::Provision, Format::Pdf);
    if let Some(text) = pdf_text(&pdf) {
        assert_phrases_in_order(&text, &expected, "PDF");
    }
}

#[test]
fn the_sample_renders_without_warnings() {
    let org = sample(SAMPLE);
    assert!(org.warnings().is_empty(), "{:#?}", org.warnings());
}

/// The sample with its положение approved by one stamp, the head's.
fn with_head(head: Person, kind: DocumentKind) -> nastavnik_core::Prepared {
    let mut org = sample_model(SAMPLE);
    org.head = head;
    let order = match kind {
        DocumentKind::Programme => org.orders.programme.as_mut().unwrap(),
        _ => org.orders.provision.as_mut().unwrap(),
    };
    order.title_page = None;
    order.approval_columns = None;
    order.approvals = vec![Approval {
        kind: ApprovalKind::Approve,
        date: chrono::NaiveDate::from_ymd_opt(2024, 9, 2),
        ..Approval::default()
    }];
    prepared(org)
}

#[test]
fn a_lone_approve_stamp_of_a_woman_stands_at_the_right() {
    let head = Person::new("Михайлова", "Елена", "Сергеевна")
        .with_position("исполняющая обязанности директора");
    let org = with_head(head, DocumentKind::Provision);
    let expected = strings(&[
        "УТВЕРЖДАЮ",
        "Исполняющая обязанности директора МКОУ «Берёзовская СОШ»",
        "____________ /Е.С. Михайлова/",
        "«02» сентября 2024 г.",
        "ПОЛОЖЕНИЕ",
    ]);
    let text = text_of(&org, DocumentKind::Provision);
    assert_eq!(text.lines().take(5).collect::<Vec<_>>(), expected, "{text}");

    // The one stamp takes the right cell of two; the left one is empty.
    let source = String::from_utf8(render(&org, DocumentKind::Provision, Format::Typ)).unwrap();
    assert!(
        source.contains("#stamps((), (\"УТВЕРЖДАЮ\""),
        "{}",
        source
            .lines()
            .find(|l| l.starts_with("#stamps"))
            .unwrap_or_default()
    );
    let docx = render(&org, DocumentKind::Provision, Format::Docx);
    assert_phrases_in_order(&docx_text(&docx), &expected, "DOCX");
    let body = docx_part(&docx, "word/document.xml");
    let first_cell = &body[body.find("<w:tc>").unwrap()..body.find("</w:tc>").unwrap()];
    assert!(
        !first_cell.contains("<w:t xml"),
        "the left cell is empty: {first_cell}"
    );

    if let Some(text) = pdf_text(&render(&org, DocumentKind::Provision, Format::Pdf)) {
        assert_phrases_in_order(&text, &expected, "PDF");
    }
}

#[test]
fn words_agree_with_the_programme_and_cite_what_they_name() {
    let mut org = sample_model(SAMPLE);
    let programme = org.orders.programme.as_mut().unwrap();
    programme.title_page = None;
    programme.approval_columns = Some(3);
    programme.approvals = vec![
        Approval {
            kind: ApprovalKind::Agreed,
            by: Some("с методическим объединением".into()),
            number: Some("2".into()),
            date: chrono::NaiveDate::from_ymd_opt(2023, 8, 25),
            ..Approval::default()
        },
        Approval {
            kind: ApprovalKind::Adopted,
            by: Some("на заседании педагогического совета".into()),
            ..Approval::default()
        },
        Approval {
            kind: ApprovalKind::Approved,
            document: Some("programme".into()),
            ..Approval::default()
        },
        Approval {
            kind: ApprovalKind::Annex,
            heading: Some("Приложение № 2".into()),
            column: Some(3),
            ..Approval::default()
        },
    ];
    let org = prepared(org);
    let expected = strings(&[
        "СОГЛАСОВАНА",
        "с методическим объединением",
        "Протокол от 25.08.2023 № 2",
        "ПРИНЯТА",
        "на заседании педагогического совета",
        "(протокол от 29.08.2023 № 1)",
        "УТВЕРЖДЕНА",
        "приказом МКОУ «Берёзовская СОШ»",
        "от 30.08.2023 № 113",
        "Приложение № 2",
        "к приказу МКОУ «Берёзовская СОШ»",
        "от 30.08.2023 № 113",
        "ПРОГРАММА НАСТАВНИЧЕСТВА",
    ]);
    let text = text_of(&org, DocumentKind::Programme);
    assert_eq!(
        text.lines().take(expected.len()).collect::<Vec<_>>(),
        expected,
        "{text}"
    );
    let source = String::from_utf8(render(&org, DocumentKind::Programme, Format::Typ)).unwrap();
    let stamps = source
        .lines()
        .find(|l| l.starts_with("#stamps"))
        .unwrap_or_default();
    assert!(
        stamps.starts_with("#stamps(columns: 3, (\"СОГЛАСОВАНА\""),
        "{stamps}"
    );
    // The annex mark in column 3 starts a second row: two empty cells before it.
    assert!(stamps.contains("(), (), (\"Приложение"), "{stamps}");
    let docx = render(&org, DocumentKind::Programme, Format::Docx);
    assert_phrases_in_order(&docx_text(&docx), &expected, "DOCX");
    if let Some(text) = pdf_text(&render(&org, DocumentKind::Programme, Format::Pdf)) {
        assert_phrases_in_order(&text, &expected, "PDF");
    }
}

#[test]
fn the_programme_has_a_title_page_and_its_text_starts_on_page_two() {
    let org = sample(SAMPLE);
    let title_page = strings(&[
        "Отдел образования администрации Заречного муниципального района",
        "Муниципальное казённое общеобразовательное учреждение «Берёзовская средняя общеобразовательная школа»",
        "ПРИНЯТА",
        "педагогическим советом",
        "(протокол от 29.08.2023 № 1)",
        "УТВЕРЖДЕНА",
        "приказом МКОУ «Берёзовская СОШ»",
        "от 30.08.2023 № 113",
        "ПРОГРАММА НАСТАВНИЧЕСТВА",
        "«Шаг навстречу»",
        "на 2023–2024 учебный год",
        "Составители:",
        "Кравец Ольга Викторовна, заместитель директора по учебно-воспитательной работе, высшая категория",
        "Лапин Сергей Игоревич, учитель истории, первая категория",
        "с. Берёзовка",
        "2023",
    ]);
    let text = text_of(&org, DocumentKind::Programme);
    assert_phrases_in_order(&text, &title_page, "IR");

    let docx = render(&org, DocumentKind::Programme, Format::Docx);
    let mut with_body = title_page.clone();
    with_body.push("1. Пояснительная записка".into());
    assert_phrases_in_order(&docx_text(&docx), &with_body, "DOCX");
    let body = docx_part(&docx, "word/document.xml");
    let foot = body.find("Берёзовка").unwrap();
    let frame = body[..foot]
        .rfind("<w:framePr")
        .expect("place and year in a frame");
    assert!(
        body[frame..foot].contains("w:yAlign=\"bottom\""),
        "{}",
        &body[frame..foot]
    );
    assert!(
        body[foot..].contains("w:type=\"page\""),
        "a page break after the title page"
    );

    let pdf = render(&org, DocumentKind::Programme, Format::Pdf);
    if let (Some(first), Some(second)) = (pdf_page_text(&pdf, 1), pdf_page_text(&pdf, 2)) {
        assert_phrases_in_order(&first, &title_page, "PDF page 1");
        assert!(!first.contains("Пояснительная"), "{first}");
        assert!(
            squeeze(&second).contains(&squeeze("1. Пояснительная записка")),
            "{second}"
        );
        // Place and year are the last lines of the page.
        let last: Vec<&str> = first.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(last[last.len() - 2..], ["с. Берёзовка", "2023"], "{first}");
    }
}

#[test]
fn a_title_page_with_defaults_names_the_organisation_and_the_order_year() {
    let mut org = sample_model("school9-2020.yaml");
    org.orders.provision.as_mut().unwrap().title_page = Some(TitlePage::default());
    let org = prepared(org);
    let text = text_of(&org, DocumentKind::Provision);
    let expected = strings(&[
        "Муниципальное бюджетное общеобразовательное учреждение средняя школа № 9",
        "ПРИНЯТО",
        "УТВЕРЖДЕНО",
        "ПОЛОЖЕНИЕ",
        "о программе наставничества МБОУ средняя школа № 9",
        "2020",
        "ПОЛОЖЕНИЕ",
    ]);
    assert_phrases_in_order(&text, &expected, "IR");
    let docx = render(&org, DocumentKind::Provision, Format::Docx);
    assert_phrases_in_order(&docx_text(&docx), &expected, "DOCX");
    if let Some(first) = pdf_page_text(&render(&org, DocumentKind::Provision, Format::Pdf), 1) {
        assert_phrases_in_order(&first, &expected[..6], "PDF page 1");
    }

    // Each field written wins over its default.
    let mut org = org.into_organization();
    org.orders.provision.as_mut().unwrap().title_page = Some(TitlePage {
        organization: Some("МБОУ «Средняя школа № 9» г. Энска".into()),
        place: Some("г. Энск".into()),
        year: Some(2021),
        compilers: vec![nastavnik_core::Responsible::Text(
            "И.И. Петрова, методист".into(),
        )],
        ..TitlePage::default()
    });
    let org = prepared(org);
    let expected = strings(&[
        "МБОУ «Средняя школа № 9» г. Энска",
        "ПРИНЯТО",
        "Составитель:",
        "И.И. Петрова, методист",
        "г. Энск",
        "2021",
    ]);
    assert_phrases_in_order(&text_of(&org, DocumentKind::Provision), &expected, "IR");
    let docx = render(&org, DocumentKind::Provision, Format::Docx);
    assert_phrases_in_order(&docx_text(&docx), &expected, "DOCX");
    if let Some(first) = pdf_page_text(&render(&org, DocumentKind::Provision, Format::Pdf), 1) {
        assert_phrases_in_order(&first, &expected, "PDF page 1");
    }
}

#[test]
fn the_council_reference_words_the_adopted_stamp() {
    let mut org = sample_model("school9-2020.yaml");
    org.council.as_mut().unwrap().reference = "решением педагогического совета".into();
    let org = prepared(org);
    let text = text_of(&org, DocumentKind::Provision);
    assert!(
        text.starts_with("ПРИНЯТО\nрешением педагогического совета\nМБОУ средняя школа № 9\n(протокол от 29.05.2020 № 8)\n"),
        "{text}"
    );
}

const SCHOOL: &str = "kind: school
name: МКОУ «Озёрная ООШ»
head: { surname: Ларина, name: Вера, patronymic: Павловна, position: директор }
orders:
  provision:
    number: \"78\"
    date: 14.04.2022
    approvals:
";

#[test]
fn a_missing_key_or_a_number_without_date_is_a_russian_error_with_its_place() {
    let yaml = format!(
        "{SCHOOL}      - {{ kind: утверждено, document: prikaz78 }}\n      - {{ kind: согласовано, number: \"3\" }}\n      - {{ kind: утверждаю, person: zam, column: 5 }}\n"
    );
    let err = nastavnik_core::from_yaml_str(&yaml, "школа.yaml")
        .unwrap_err()
        .to_string();
    for expected in [
        "школа.yaml:9:39",
        "orders.provision.approvals[0].document",
        "документ с ключом «prikaz78» не найден ни в orders, ни в documents",
        "orders.provision.approvals[1].number",
        "у номера нет даты",
        "orders.provision.approvals[2].person",
        "человек с ключом «zam» не найден",
        "orders.provision.approvals[2].column",
        "столбца 5 нет",
    ] {
        assert!(err.contains(expected), "{expected}:\n{err}");
    }

    // An order cited that the file does not describe.
    let yaml = format!("{SCHOOL}      - {{ kind: приложение, document: implementation }}\n");
    let err = nastavnik_core::from_yaml_str(&yaml, "школа.yaml")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("приказа orders.implementation в файле нет"),
        "{err}"
    );
}

#[test]
fn approvals_on_an_order_that_does_not_print_them_are_a_warning() {
    let yaml = "kind: school
name: МКОУ «Озёрная ООШ»
head: { surname: Ларина, name: Вера, patronymic: Павловна, position: директор }
orders:
  curator:
    number: \"5\"
    date: 14.04.2022
    approvals: [{ kind: утверждаю }]
";
    let org = nastavnik_core::from_yaml_str(yaml, "школа.yaml").unwrap();
    let warnings: Vec<String> = org.warnings().iter().map(|w| w.to_string()).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("orders.curator.approvals")
                && w.contains("только у положения и программы")),
        "{warnings:#?}"
    );
}

#[test]
fn check_names_the_missing_key_at_its_line_in_russian() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = format!("{SCHOOL}      - {{ kind: утверждено, document: prikaz78 }}\n");
    std::fs::write(dir.path().join("школа.yaml"), yaml).unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_nastavnik"))
        .args(["check", "школа.yaml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert!(
        out.contains("школа.yaml:9:39: ошибка: поле «orders.provision.approvals[0].document»: документ с ключом «prikaz78» не найден"),
        "{out}"
    );
}

#[test]
fn what_a_stamp_says_cannot_change_the_layout() {
    let hostile = "#set page(width: 1cm) ]) \" <w:p/> *жирный* @[#0]";
    let mut org = sample_model(SAMPLE);
    let provision = org.orders.provision.as_mut().unwrap();
    provision.approvals[2].by = Some(hostile.into());
    provision.approvals[3].heading = Some(hostile.into());
    let org = prepared(org);
    let text = text_of(&org, DocumentKind::Provision);
    assert_eq!(text.matches("#set page(width: 1cm)").count(), 2, "{text}");
    let docx = render(&org, DocumentKind::Provision, Format::Docx);
    assert_eq!(docx_text(&docx).matches("<w:p/>").count(), 2);
    let pdf = render(&org, DocumentKind::Provision, Format::Pdf);
    if let Some(text) = pdf_text(&pdf) {
        assert_eq!(
            squeeze(&text).matches(&squeeze("*жирный* @[#0]")).count(),
            2,
            "{text}"
        );
    }
}
