//! End-to-end: each sample renders to PDF and DOCX, and both read like the seed.

use crate::common::*;
use nastavnik_core::{Organization, RoadmapItem};
use nastavnik_gen::{DocumentKind, Format};

/// Every row of the roadmap as a reader sees it, cell by cell: number and
/// title, details, deadline, responsible, result — taken from the sample.
fn roadmap_rows(org: &Organization) -> Vec<Vec<String>> {
    fn items(org: &Organization, prefix: &str, list: &[RoadmapItem], out: &mut Vec<Vec<String>>) {
        for (i, item) in list.iter().enumerate() {
            let number = format!("{prefix}.{}", i + 1);
            let mut row = vec![format!("{number} {}", item.title)];
            row.extend(item.details.iter().map(|d| format!("– {d}")));
            row.extend(item.deadline.iter().map(ToString::to_string));
            row.push(responsible_line(org, &item.responsible));
            row.extend(item.result.iter().cloned());
            out.push(row);
            items(org, &number, &item.items, out);
        }
    }
    let roadmap = org.roadmap.as_ref().expect("sample has a roadmap");
    let mut out = Vec::new();
    for (i, s) in roadmap.sections.iter().enumerate() {
        out.push(vec![format!("{}. {}", i + 1, s.title)]);
        items(org, &(i + 1).to_string(), &s.items, &mut out);
    }
    out
}

fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter().map(|r| strings(r)).collect()
}

/// The header rows of the roadmap tables, repeated on every page.
const HEADERS: [&str; 2] = [
    "№ п/п Наименование мероприятия Сроки реализации Ответственный исполнитель Результат. Вид документа",
    "№ п/п Наименование мероприятий Срок реализации Ответственный исполнитель Результат. Вид документа",
];

/// Checks phrases in order in text read without page furniture.
fn check(text: &str, phrases: &[String], what: &str) {
    let hay = reading_text(text, &HEADERS);
    assert_phrases_in(&hay, text, phrases, what);
}

/// Checks table rows in order in text read without page furniture.
fn check_rows(text: &str, table: &[Vec<String>], what: &str) {
    let hay = reading_text(text, &HEADERS);
    assert_rows_in(&hay, text, table, what);
}

/// Seed 004: the order of the Sharya education authority, point by point.
fn sharya_order() -> Vec<String> {
    strings(&[
        "РОССИЙСКАЯ ФЕДЕРАЦИЯ",
        "КОСТРОМСКАЯ ОБЛАСТЬ",
        "Управление образования администрации городского округа город Шарья",
        "ПРИКАЗ",
        "«19» ноября 2020 г.",
        "№ 488",
        "О внедрении методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную деятельность по общеобразовательным, дополнительным общеобразовательным и программам среднего профессионального образования, в городском округе город Шарья",
        "В соответствии с приказом департамента образования и науки Костромской области от 13.08.2020 № 1166 «О внедрении методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную деятельность по общеобразовательным, дополнительным общеобразовательным и программам среднего профессионального образования в Костромской области», приказом департамента образования и науки Костромской области от 13.10.2020 № 1510 «О базовых образовательных организациях, расположенных на территории Костромской области, осуществляющих внедрение методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную деятельность по общеобразовательным, дополнительным общеобразовательным и программам среднего профессионального образования», с целью организации внедрения вышеуказанной модели",
        "ПРИКАЗЫВАЮ:",
        "Приступить к реализации методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную деятельность по общеобразовательным, дополнительным общеобразовательным и программам среднего профессионального образования, в том числе с применением лучших практик обмена опытом между обучающимися (далее — целевая модель наставничества) в городском округе город Шарья с 23 ноября 2020 года.",
        "Утвердить план мероприятий (дорожную карту) внедрения методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную деятельность по общеобразовательным, дополнительным общеобразовательным и программам среднего профессионального образования, в том числе с применением лучших практик обмена опытом между обучающимися, на территории городского округа город Шарья на 2020–2027 годы (приложение 1).",
        "Руководителям МБОУ Гимназия № 3 (Прокофьева Н.Ю.), МБУ ДО ЦДО «Восхождение» (Бурлакова Т.Н.) обеспечить внедрение и реализацию целевой модели наставничества на уровне образовательной организации.",
        "МБУ Центр ППМСП (ММС) (Бачерикова Н.В.) обеспечить методическое сопровождение реализации плана мероприятий (дорожной карты) внедрения методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную деятельность по общеобразовательным, дополнительным общеобразовательным и программам среднего профессионального образования, в том числе с применением лучших практик обмена опытом между обучающимися, на территории городского округа город Шарья на 2020–2027 годы.",
        "Контроль исполнения приказа оставляю за собой.",
        "Начальник управления образования",
        "О.В. Махова",
        "Приложение 1",
        "к приказу Управления образования администрации городского округа город Шарья",
        "от 19.11.2020 № 488",
        "План мероприятий (дорожная карта) внедрения методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную деятельность по общеобразовательным, дополнительным общеобразовательным и программам среднего профессионального образования, в том числе с применением лучших практик обмена опытом между обучающимися, на территории городского округа город Шарья на 2020–2027 годы",
        "№ п/п Наименование мероприятия Сроки реализации Ответственный исполнитель Результат. Вид документа",
    ])
}

/// A few rows of the seed 004 annex written out by hand, independent of the model.
fn sharya_rows_by_hand() -> Vec<Vec<String>> {
    rows(&[
        &["1.1 Назначение кураторов внедрения целевой модели наставничества в образовательных организациях (далее — кураторы внедрения ЦМН)", "до 25.11.2020", "Руководители образовательных организаций", "Приказ ОО"],
        &["2.3 Разработка и ведение веб-ресурса на сайте муниципальной методической службы по информационной поддержке внедрения ЦМН", "ноябрь 2020 г. в течение всего периода", "Муниципальная методическая служба", "Веб-ресурс"],
        &["2.5 Участие в региональной научно-практической конференции, посвященной вопросам реализации целевой модели наставничества", "2022 г. 2024 г."],
        &["3. Обеспечение реализации мер по дополнительному профессиональному образованию наставников и кураторов"],
        &["4.2 Внесение в формы федерального статистического наблюдения (далее — формы ФСН) данных о количестве участников программ наставничества и предоставление этих форм в Минпросвещения России", "В соответствии со сроками, устанавливаемыми Минпросвещения России", "Руководители ОО, кураторы внедрения целевой модели наставничества в ОО", "Внесены данные в формы ФСН"],
    ])
}

fn with_numbers(order: Vec<String>, numbered_from: usize, count: usize) -> Vec<String> {
    order
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            if (numbered_from..numbered_from + count).contains(&i) {
                format!("{}. {p}", i - numbered_from + 1)
            } else {
                p
            }
        })
        .collect()
}

#[test]
fn sharya_order_pdf_reads_like_seed_004() {
    let org = sample("sharya-2020.yaml");
    let pdf = render(&org, DocumentKind::OrderImplementation, Format::Pdf);
    assert!(pdf.starts_with(b"%PDF"));
    let Some(text) = pdf_text(&pdf) else { return };
    check(&text, &with_numbers(sharya_order(), 9, 5), "PDF");
    check_rows(&text, &roadmap_rows(&org), "PDF roadmap");
    check_rows(&text, &sharya_rows_by_hand(), "PDF roadmap by hand");
    // The order fits two pages; the landscape annex follows.
    assert!(pdf_pages(&pdf).unwrap() >= 3);
}

#[test]
fn sharya_order_docx_reads_like_seed_004() {
    let org = sample("sharya-2020.yaml");
    let docx = render(&org, DocumentKind::OrderImplementation, Format::Docx);
    let text = docx_text(&docx);
    // Word numbers the points itself: the body holds the text, numbering.xml the «1.».
    check(&text, &with_numbers(sharya_order(), 9, 5), "DOCX");
    check_rows(&text, &roadmap_rows(&org), "DOCX roadmap");
    check_rows(&text, &sharya_rows_by_hand(), "DOCX roadmap by hand");
    let body = docx_part(&docx, "word/document.xml");
    assert_eq!(body.matches("<w:numPr>").count(), 5, "five numbered points");
    let numbering = docx_part(&docx, "word/numbering.xml");
    assert!(
        numbering.contains(r#"<w:lvlText w:val="%1." />"#),
        "{numbering}"
    );
    // The roadmap's header row repeats; its section rows span the four other columns.
    assert_eq!(body.matches("<w:tblHeader />").count(), 1);
    assert_eq!(body.matches(r#"<w:gridSpan w:val="4" />"#).count(), 4);
    // Landscape annex after a portrait order.
    assert!(
        body.contains(r#"w:orient="landscape""#),
        "landscape section"
    );
    let styles = docx_part(&docx, "word/styles.xml");
    assert!(styles.contains(r#"<w:lang w:val="ru-RU""#));
    assert!(
        styles.contains(r#"w:eastAsia="Times New Roman""#)
            && styles.contains(r#"w:cs="Times New Roman""#)
    );
}

#[test]
fn sharya_docx_opens_in_libreoffice_with_the_same_text_and_numbers() {
    let org = sample("sharya-2020.yaml");
    let docx = render(&org, DocumentKind::OrderImplementation, Format::Docx);
    let Some(pdf) = docx_to_pdf(&docx) else {
        return;
    };
    let Some(text) = pdf_text(&pdf) else { return };
    check(
        &text,
        &with_numbers(sharya_order(), 9, 5),
        "DOCX via LibreOffice",
    );
    check_rows(
        &text,
        &sharya_rows_by_hand(),
        "DOCX via LibreOffice, roadmap",
    );
}

fn school9_order() -> Vec<String> {
    strings(&[
        "Муниципальное бюджетное общеобразовательное учреждение средняя школа № 9",
        "ПРИКАЗ",
        "«01» июня 2020 г.",
        "№ 47",
        "О внедрении целевой модели наставничества в МБОУ средняя школа № 9",
        "ПРИКАЗЫВАЮ:",
        "1. Внедрить целевую модель наставничества в МБОУ средняя школа № 9 с 1 июня 2020 года.",
        "2. Утвердить план мероприятий (дорожную карту) внедрения методологии наставничества обучающихся в МБОУ средняя школа № 9 на 2020 год (приложение 1).",
        // Seed 000 appoints the curator here; the sample's set has her own order № 48,
        // which this order cites, and it approves the положение (orders.provision is № 47).
        "3. Утвердить положение о программе наставничества МБОУ средняя школа № 9 (приложение 2).",
        "4. Куратору внедрения целевой модели наставничества в МБОУ средняя школа № 9 Е.В. Шевчук (назначена приказом от 01.06.2020 № 48) обеспечить",
        "6. Контроль исполнения приказа оставляю за собой.",
        "Директор А.В. Уханов",
        "С приказом ознакомлены:",
        "Е.В. Шевчук",
        "Приложение 1",
        "План мероприятий (дорожная карта) внедрения методологии наставничества обучающихся в МБОУ средняя школа № 9 на 2020 год",
    ])
}

/// Rows of seed 000 written out by hand, including empty cells and the third level.
fn school9_rows_by_hand() -> Vec<Vec<String>> {
    rows(&[
        &["1.1 Назначение кураторов внедрения целевой модели наставничества в МБОУ средняя школа № 9 (далее — кураторы внедрения ЦМН)", "до 03.06.2020", "Директор А.В. Уханов", "Приказы образовательных организаций"],
        &["1.2 Разработка дорожных карт внедрения целевой модели наставничества в МБОУ средняя школа № 9", "до 22.06.2020", "Куратор ЦМН – заместитель директора Е.В. Шевчук", "Дорожные карты"],
        &["1.4 Разработка и утверждение распорядительных актов образовательных организаций о внедрении ЦМН в МБОУ средняя школа № 9, включающие:", "– сроки внедрения ЦМН в МБОУ средняя школа № 9;", "– утверждение положения о программе наставничества и дорожной карты внедрения ЦМН в МБОУ средняя школа № 9.", "до 15.07.2020"],
        &["2.3 Информирование педагогов, родителей, обучающихся МБОУ средняя школа № 9, сообщества выпускников о реализации целевой модели наставничества", "август – декабрь 2020 г."],
        &["4.2 Проведение анкетирования среди обучающихся/педагогов, желающих принять участие в программе наставничества. Сбор согласий на сбор и обработку персональных данных от совершеннолетних участников программы", "с 1 по 15 сентября 2020 г."],
        // Rows with every other cell empty, as in the seed: the next row follows at once.
        &["4.6 Оценка участников-наставляемых по заданным параметрам, необходимым для будущего сравнения и мониторинга влияния программ на всех участников 4.7"],
        &["4.13 Обучение наставников", "по отдельному графику", "ГБОУ ДПО НИРО, ГБУДО ЦЭВДНО, ОУО 4.14"],
        &["6.5 Мониторинг процесса реализации программ наставничества"],
        &["6.5.1 Оценка качества реализации программ наставничества", "декабрь 2020 г.", "Куратор ЦМН – заместитель директора Е.В. Шевчук, педагог-психолог, наставники"],
        &["6.5.2 Оценка мотивационно-личностного, компетентностного, профессионального роста участников целевой модели наставничества. 7."],
        &["7.1 – контроль процедуры внедрения целевой модели наставничества; – контроль проведения программ наставничества.", "с 1 июня по 31 декабря 2020 г."],
    ])
}

#[test]
fn school9_order_pdf_and_docx_read_like_seed_000() {
    let org = sample("school9-2020.yaml");
    let roadmap = org.roadmap.as_ref().unwrap();
    assert_eq!(roadmap.sections.len(), 7);
    assert_eq!(roadmap.numbered_items().len(), 51, "every item of seed 000");
    let pdf = render(&org, DocumentKind::OrderImplementation, Format::Pdf);
    let docx = render(&org, DocumentKind::OrderImplementation, Format::Docx);
    let docx_plain = docx_text(&docx);
    check(&docx_plain, &school9_order(), "DOCX");
    check_rows(&docx_plain, &roadmap_rows(&org), "DOCX roadmap");
    check_rows(&docx_plain, &school9_rows_by_hand(), "DOCX roadmap by hand");
    let Some(text) = pdf_text(&pdf) else { return };
    check(&text, &school9_order(), "PDF");
    check_rows(&text, &roadmap_rows(&org), "PDF roadmap");
    check_rows(&text, &school9_rows_by_hand(), "PDF roadmap by hand");
}

#[test]
fn school9_roadmap_stands_alone() {
    let org = sample("school9-2020.yaml");
    let doc = crate::common::renderer()
        .document(&org, DocumentKind::Roadmap)
        .unwrap();
    assert_eq!(doc.sections.len(), 1);
    assert_eq!(
        doc.sections[0].orientation,
        nastavnik_gen::ir::Orientation::Landscape
    );
    let pdf = render(&org, DocumentKind::Roadmap, Format::Pdf);
    let Some(text) = pdf_text(&pdf) else { return };
    check(
        &text,
        &strings(&[
            "УТВЕРЖДЕН",
            "приказом МБОУ средняя школа № 9",
            "от 01.06.2020 № 47",
        ]),
        "roadmap PDF",
    );
    check_rows(&text, &roadmap_rows(&org), "roadmap PDF");
}

#[test]
fn same_input_gives_the_same_bytes() {
    for name in ["sharya-2020.yaml", "school9-2020.yaml"] {
        let org = sample(name);
        for format in [Format::Pdf, Format::Docx, Format::Typ] {
            let first = render(&org, DocumentKind::OrderImplementation, format);
            let again = render(&sample(name), DocumentKind::OrderImplementation, format);
            assert!(
                first == again,
                "{name} {format:?} differs between two renders"
            );
        }
    }
}
