//! Roadmaps in the three layouts of the seeds, the default Р-145 roadmap, and
//! the checks on a roadmap.

use crate::common::*;
use nastavnik_core::catalogue::default_roadmap::steps_of;
use nastavnik_core::{load_str, Organization, RoadmapLayout};
use nastavnik_gen::{DocumentKind, Format};

const STAGES_HEADER: &str =
    "№ Наименование этапа Мероприятия Содержание деятельности Сроки Ответственные";
const STRATEGIES_HEADER: &str = "№ п/п Стратегии программы Ключевые механизмы (мероприятия реализации) Планируемые результаты Сроки исполнения Ответственные исполнители";
const SECTIONS_HEADER: &str = "№ п/п Наименование мероприятия Сроки реализации Ответственный исполнитель Результат. Вид документа";

/// Marks a row that is a cell spanning several rows (a stage, an activity,
/// a strategy). Typst draws such a cell after the rows it spans, so in a PDF
/// its text is looked for anywhere; in a DOCX it stands in order.
const SPANNING: &str = "⟨span⟩";

/// The rows a reader sees, from the data: for stages, the stage, the
/// activity, then each step's numbered points with deadline and responsible;
/// for strategies, the strategy, then each mechanism with its cells.
fn rows_from_model(org: &Organization) -> Vec<Vec<String>> {
    let roadmap = org.roadmap.as_ref().unwrap();
    let mut rows = Vec::new();
    for (i, section) in roadmap.sections.iter().enumerate() {
        rows.push(vec![
            SPANNING.into(),
            format!("{}. {}", i + 1, section.title),
        ]);
        for (k, item) in section.items.iter().enumerate() {
            match roadmap.layout() {
                RoadmapLayout::Stages => {
                    rows.push(vec![SPANNING.into(), item.title.clone()]);
                    let mut n = 0;
                    for step in steps_of(item) {
                        let mut row: Vec<String> = step
                            .points
                            .iter()
                            .map(|p| {
                                n += 1;
                                format!("{n}. {p}")
                            })
                            .collect();
                        row.extend(step.deadline.iter().map(ToString::to_string));
                        row.push(responsible_line(org, &step.responsible));
                        rows.push(row);
                    }
                }
                RoadmapLayout::Strategies => {
                    let mut row = vec![format!("{}. {}", k + 1, item.title)];
                    row.extend(item.details.iter().map(|d| format!("– {d}")));
                    row.extend(item.result.iter().cloned());
                    row.extend(item.deadline.iter().map(ToString::to_string));
                    row.push(responsible_line(org, &item.responsible));
                    rows.push(row);
                }
                RoadmapLayout::Sections => unreachable!("covered by tests/samples.rs"),
            }
        }
    }
    rows
}

/// Checks rows in order in a DOCX's text, spanning cells included.
fn check_docx_rows(text: &str, rows: &[Vec<String>], what: &str) {
    let hay = reading_text(text, &[STAGES_HEADER, STRATEGIES_HEADER, SECTIONS_HEADER]);
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().filter(|c| *c != SPANNING).cloned().collect())
        .collect();
    assert_rows_in(&hay, text, &rows, what);
}

/// Checks the rows of a PDF's text in order, and the spanning cells anywhere.
fn check_pdf_rows(text: &str, rows: &[Vec<String>], what: &str) {
    let hay = reading_text(text, &[STAGES_HEADER, STRATEGIES_HEADER, SECTIONS_HEADER]);
    let (spanning, plain): (Vec<_>, Vec<_>) = rows.iter().cloned().partition(|r| r[0] == SPANNING);
    assert_rows_in(&hay, text, &plain, what);
    for cell in spanning.iter().map(|r| &r[1]) {
        assert_phrases_in(
            &hay,
            text,
            std::slice::from_ref(cell),
            &format!("{what}, spanning cell"),
        );
    }
}

fn span(text: &str) -> Vec<String> {
    vec![SPANNING.to_string(), text.to_string()]
}

fn terengul_by_hand() -> Vec<Vec<String>> {
    vec![
        span("1. Подготовка условий для запуска программы наставничества."),
        span("Изучение и систематизация имеющихся материалов по проблеме наставничества."),
        strings(&[
            "1. Изучение Распоряжения министерства образования Российской Федерации № Р-145 от 25 декабря 2019 г.",
            "2. Ознакомление с шаблонами документов для реализации целевой модели.",
            "сентябрь 2023",
            "Рукавишникова Е.А., директор лицея",
        ]),
        strings(&[
            "3. Сформировать банк программ по трем формам наставничества «Ученик – ученик», «Учитель – учитель», «Учитель – ученик».",
            "сентябрь 2023 г.",
            "Данилова Н.И., куратор Целевой модели наставничества",
        ]),
        span("5. Формирование наставнических пар / групп"),
        strings(&[
            "3. Организация психологического сопровождения наставляемым, не сформировавшим пару или группу (при необходимости), продолжить поиск наставника.",
            "2023–2024 учебный год",
            "Горшкова Р.Н., педагог-психолог",
        ]),
        span("7. Завершение наставничества"),
        span("Мотивация и поощрения наставников."),
        strings(&["1. Приказ о поощрении участников наставнической деятельности.", "май 2024"]),
        strings(&["4. Публикация результатов программы наставничества, лучших наставников, информации на сайтах школы и организаций-партнеров.", "май 2024"]),
    ]
}

fn novoshakhtinsk_by_hand() -> Vec<Vec<String>> {
    vec![
        span("1. Организационно-деятельностное сопровождение развития наставничества в образовательных организациях г. Новошахтинска."),
        strings(&[
            "1. Реализация муниципальной системы наставничества в образовательных организациях г. Новошахтинска, исходя из планируемых результатов внедрения муниципальной программы наставничества",
            "Положение о муниципальной системе наставничества в образовательных организациях г. Новошахтинска",
            "май 2022 г.",
            "МБУ ЦБУ ХО МС ведущий методист В.Н. Куценко",
        ]),
        strings(&["3. Направление на обучение на курсах повышения квалификации", "приказ", "в течение всего периода реализации программы", "МБУ ЦБУ ХО МС ведущий методист Н.Л. Падун"]),
        strings(&["1. Блок «Вхождение в проблему»", "– анкетирование для формирования наставнических пар", "анкетирование", "справка", "2 раза в год", "Кураторы общеобразовательных организаций"]),
        strings(&[
            "3. «Аналитический блок», постановка задач",
            "– проведение мониторинга эффективности реализации программы наставничества согласно показателям целевых индикаторов",
            "мониторинг",
            "совещание",
            "август",
        ]),
    ]
}

fn check_sample(name: &str, by_hand: Vec<Vec<String>>, title: &str) {
    let org = sample(name);
    let from_model = rows_from_model(&org);
    let docx = render(&org, DocumentKind::Roadmap, Format::Docx);
    let docx_plain = docx_text(&docx);
    assert_phrases_in_order(&docx_plain, &strings(&[title]), "DOCX title");
    check_docx_rows(&docx_plain, &from_model, &format!("{name} DOCX"));
    check_docx_rows(&docx_plain, &by_hand, &format!("{name} DOCX by hand"));
    let pdf = render(&org, DocumentKind::Roadmap, Format::Pdf);
    if let Some(text) = pdf_text(&pdf) {
        assert_phrases_in_order(&text, &strings(&[title]), "PDF title");
        check_pdf_rows(&text, &from_model, &format!("{name} PDF"));
        check_pdf_rows(&text, &by_hand, &format!("{name} PDF by hand"));
    }
}

#[test]
fn terengul_lyceum_by_stages_reads_like_seed_001() {
    check_sample(
        "terengul-lyceum-2023.yaml",
        terengul_by_hand(),
        "Дорожная карта по реализации целевой модели наставничества МОУ «Тереньгульский лицей при УлГТУ» на 2023–2024 учебный год",
    );
}

#[test]
fn novoshakhtinsk_strategies_read_like_seed_002() {
    check_sample(
        "novoshakhtinsk-2022.yaml",
        novoshakhtinsk_by_hand(),
        "Дорожная карта (план мероприятий) по реализации муниципальной программы по реализации целевой модели наставничества «Не рядом, а вместе» в образовательных организациях города Новошахтинска на период 2022–2024 год",
    );
    let org = sample("novoshakhtinsk-2022.yaml");
    let pdf = render(&org, DocumentKind::Roadmap, Format::Pdf);
    if let Some(text) = pdf_text(&pdf) {
        let text = squeeze(&text);
        assert!(text.starts_with(&squeeze("Приложение 3")), "{text}");
        assert!(
            text.contains(&squeeze(&format!("{STRATEGIES_HEADER} 1 2 3 4 5 6"))),
            "numbered header row"
        );
    }
}

#[test]
fn merged_cells_really_merge_in_docx() {
    // Seed 001: every stage spans its rows (7), and so does its number (7);
    // four activities span their several steps.
    let docx = render(
        &sample("terengul-lyceum-2023.yaml"),
        DocumentKind::Roadmap,
        Format::Docx,
    );
    let xml = docx_part(&docx, "word/document.xml");
    assert_eq!(
        xml.matches(r#"<w:vMerge w:val="restart" />"#).count(),
        7 * 2 + 4
    );
    let org = sample("terengul-lyceum-2023.yaml");
    let roadmap = org.roadmap.as_ref().unwrap();
    let rows: usize = roadmap
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .map(|i| steps_of(i).len())
        .sum();
    let continues = xml.matches(r#"<w:vMerge w:val="continue" />"#).count();
    // Each row after a stage's first continues both stage cells; each step after an activity's first continues it.
    let stage_continues: usize = roadmap
        .sections
        .iter()
        .map(|s| 2 * (s.items.iter().map(|i| steps_of(i).len()).sum::<usize>() - 1))
        .sum();
    let activity_continues: usize = roadmap
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .map(|i| steps_of(i).len() - 1)
        .sum();
    assert_eq!(
        continues,
        stage_continues + activity_continues,
        "{rows} rows"
    );
    // Seed 002: three strategies span their mechanisms; the header has two rows.
    let docx = render(
        &sample("novoshakhtinsk-2022.yaml"),
        DocumentKind::Roadmap,
        Format::Docx,
    );
    let xml = docx_part(&docx, "word/document.xml");
    assert_eq!(
        xml.matches(r#"<w:vMerge w:val="restart" />"#).count(),
        3 * 2
    );
    assert_eq!(xml.matches("<w:tblHeader />").count(), 2);
    assert!(xml.contains(r#"w:orient="landscape""#));
}

#[test]
fn two_hundred_items_keep_the_header_on_every_page() {
    let mut yaml = String::from(
        "kind: school\nname: МБОУ «Школа № 1»\nroadmap:\n  subject: на 2024 год\n  sections:\n",
    );
    for s in 1..=10 {
        yaml.push_str(&format!("    - title: Раздел {s}\n      items:\n"));
        for i in 1..=20 {
            yaml.push_str(&format!(
                "        - title: Мероприятие {s}.{i} по реализации целевой модели наставничества\n          deadline: до 01.{:02}.2024\n          responsible: Куратор ЦМН\n          result: Отчет {s}.{i}\n",
                (i % 12) + 1
            ));
        }
    }
    let org = load_str(&yaml, "200.yaml").unwrap().organization;
    assert_eq!(org.roadmap.as_ref().unwrap().numbered_items().len(), 200);
    let docx = render(&org, DocumentKind::Roadmap, Format::Docx);
    assert_eq!(
        docx_part(&docx, "word/document.xml")
            .matches("<w:tblHeader />")
            .count(),
        1
    );
    assert!(docx_text(&docx).contains("Мероприятие 10.20"));
    let pdf = render(&org, DocumentKind::Roadmap, Format::Pdf);
    let Some(pages) = pdf_pages(&pdf) else { return };
    assert!(pages >= 10, "{pages} pages");
    for page in 1..=pages {
        let text = squeeze(&pdf_page_text(&pdf, page).unwrap());
        assert!(
            text.contains(&squeeze(SECTIONS_HEADER)),
            "page {page} has no header:\n{text}"
        );
    }
    let last = squeeze(&pdf_page_text(&pdf, pages).unwrap());
    assert!(last.contains(&squeeze("10.20 Мероприятие 10.20")), "{last}");
}

const MINIMAL: &str = "kind: school
name: Муниципальное бюджетное общеобразовательное учреждение «Школа № 1»
short_name: МБОУ «Школа № 1»
head: { surname: Иванова, name: Анна, patronymic: Петровна, position: Директор }
people:
  petrova: { surname: Петрова, name: Мария, patronymic: Ивановна, position: заместитель директора }
curator: petrova
roadmap:
  from_default: true
  period: 2024/2025
";

#[test]
fn the_default_roadmap_dates_itself_and_renders_without_warnings() {
    let loaded = load_str(MINIMAL, "school.yaml").unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let org = loaded.organization;
    let roadmap = org.roadmap.as_ref().unwrap();
    assert_eq!(roadmap.layout(), RoadmapLayout::Stages);
    assert_eq!(roadmap.sections.len(), 7);
    let title = strings(&["Дорожная карта по реализации целевой модели наставничества в МБОУ «Школа № 1» на 2024/2025 учебный год"]);
    let rows = vec![
        span("1. Подготовка условий для запуска программы наставничества"),
        strings(&["1. Изучение распоряжения Минпросвещения России от 25.12.2019 № Р-145", "сентябрь 2024 г.", "Куратор ЦМН М.И. Петрова"]),
        strings(&["1. Издание приказа о внедрении целевой модели наставничества", "сентябрь 2024 г.", "Директор А.П. Иванова"]),
        span("4. Отбор и обучение наставников"),
        span("7. Завершение наставничества"),
        strings(&["1. Проведение мониторинга личной удовлетворенности участием в программе наставничества", "май 2025 г."]),
    ];
    let docx = render(&org, DocumentKind::Roadmap, Format::Docx);
    let docx_plain = docx_text(&docx);
    assert_phrases_in_order(&docx_plain, &title, "default roadmap DOCX");
    check_docx_rows(&docx_plain, &rows, "default roadmap DOCX");
    check_docx_rows(
        &docx_plain,
        &rows_from_model(&org),
        "default roadmap DOCX, every row",
    );
    let pdf = render(&org, DocumentKind::Roadmap, Format::Pdf);
    if let Some(text) = pdf_text(&pdf) {
        assert_phrases_in_order(&text, &title, "default roadmap PDF");
        check_pdf_rows(&text, &rows, "default roadmap PDF");
        check_pdf_rows(
            &text,
            &rows_from_model(&org),
            "default roadmap PDF, every row",
        );
    }
}

#[test]
fn the_default_roadmap_can_be_changed() {
    let yaml = format!(
        "{MINIMAL}  drop: [\"1.1\"]\n  replace:\n    \"2.2\": {{ title: Своё мероприятие, deadline: октябрь 2024 г., responsible: наставники }}\n  add:\n    - section: 7\n      item: {{ title: Школьный фестиваль наставничества, deadline: май 2025 г. }}\n"
    );
    let org = load_str(&yaml, "school.yaml").unwrap().organization;
    let roadmap = org.roadmap.as_ref().unwrap();
    assert_ne!(
        roadmap.sections[0].items[0].title,
        "Изучение и систематизация материалов по проблеме наставничества"
    );
    assert_eq!(roadmap.sections[1].items[1].title, "Своё мероприятие");
    assert_eq!(
        roadmap.sections[6].items.last().unwrap().title,
        "Школьный фестиваль наставничества"
    );
}

/// Loads YAML that must fail; returns the rendered diagnostics.
fn errors(yaml: &str) -> String {
    load_str(yaml, "карта.yaml").unwrap_err().to_string()
}

fn line_of(yaml: &str, needle: &str) -> usize {
    yaml.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn roadmap_checks_name_file_line_column() {
    // An item added under a section the default roadmap does not have.
    let yaml = format!("{MINIMAL}  add:\n    - section: 9\n      item: {{ title: Лишнее }}\n");
    let err = errors(&yaml);
    assert!(
        err.contains(&format!(
            "карта.yaml:{}:16: ошибка: поле «roadmap.add[0].section»",
            line_of(&yaml, "section: 9")
        )),
        "{err}"
    );
    assert!(
        err.contains("раздела 9 нет: в типовой дорожной карте разделы с 1 по 7"),
        "{err}"
    );

    // A default item that does not exist.
    let yaml = format!("{MINIMAL}  drop: [\"3.9\"]\n");
    assert!(errors(&yaml).contains("в типовой дорожной карте нет пункта 3.9"));

    // Impossible dates.
    let yaml = "kind: school\nname: Школа\nroadmap:\n  subject: на 2020 год\n  sections:\n    - title: Раздел\n      items:\n        - title: Пункт\n          deadline: до 31.06.2020\n";
    let err = errors(yaml);
    assert!(
        err.contains("карта.yaml:9:21: ошибка: поле «roadmap.sections[0].items[0].deadline»"),
        "{err}"
    );
    assert!(err.contains("нет такой даты: 31.06.2020"), "{err}");

    // Duplicate and misplaced numbers, and a responsible person nobody listed: all reported at once.
    let yaml = "kind: school\nname: Школа\nroadmap:\n  subject: на 2020 год\n  sections:\n    - title: Раздел\n      items:\n        - { number: \"1.1\", title: Первый }\n        - { number: \"1.1\", title: Второй }\n        - { number: \"1.5\", title: Третий, responsible: { person: ivanov } }\n";
    let err = errors(yaml);
    assert!(err.contains("карта.yaml:9:21: ошибка: поле «roadmap.sections[0].items[1].number»: номер 1.1 повторяется"), "{err}");
    assert!(err.contains("поле «roadmap.sections[0].items[2].number»: у пункта написан номер 1.5, а по месту в дорожной карте он 1.3"), "{err}");
    assert!(err.contains("поле «roadmap.sections[0].items[2].responsible[0].person»: человек с ключом «ivanov» не найден"), "{err}");
}

#[test]
fn a_deadline_outside_the_period_is_a_warning_that_does_not_stop_rendering() {
    let yaml = "kind: school\nname: Школа\nroadmap:\n  subject: на 2023/2024 учебный год\n  period: 2023/2024\n  sections:\n    - title: Раздел\n      items:\n        - title: Пункт\n          deadline: май 2025 г.\n";
    let loaded = load_str(yaml, "карта.yaml").unwrap();
    assert_eq!(loaded.warnings.len(), 1);
    let w = loaded.warnings[0].to_string().replace('\u{a0}', " ");
    assert!(
        w.starts_with(
            "карта.yaml:10:21: предупреждение: поле «roadmap.sections[0].items[0].deadline»"
        ),
        "{w}"
    );
    assert!(
        w.contains("срок «май 2025 г.» выходит за период дорожной карты (01.09.2023 – 31.08.2024)"),
        "{w}"
    );

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("карта.yaml"), yaml).unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_nastavnik"))
        .args([
            "render",
            "карта.yaml",
            "--doc",
            "roadmap",
            "--output",
            "карта.pdf",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("предупреждение"));
    assert!(dir.path().join("карта.pdf").exists());
}
