//! The справка: seed 003 from the roadmap's progress, overdue items, figures.

use crate::common::*;
use nastavnik_core::catalogue::default_roadmap::steps_of;
use nastavnik_core::{load_str, Organization};
use nastavnik_gen::documents::report::tasks;
use nastavnik_gen::{DocumentKind, Format};

const HEADER: &str = "№ п/п Задача Мероприятия Отметка о выполнении";
const SPANNING: &str = "⟨span⟩";

/// Seed 003's text, paragraph by paragraph, as the sample should render it.
fn seed_paragraphs() -> Vec<String> {
    strings(&[
        "Справка",
        "о промежуточных результатах реализации целевой модели наставничества в МОУ СОШ № 19 по итогам 1 полугодия 2021–2022 учебного года",
        "Целью наставничества в школе является максимально полное раскрытие потенциала личности наставляемого, необходимое для успешной личной и профессиональной самореализации в современных условиях неопределенности, а также создание условий для формирования эффективной системы поддержки, самоопределения и профессиональной ориентации всех обучающихся, педагогических работников (далее — педагоги) разных уровней образования и молодых специалистов МОУ СОШ № 19.",
        "В соответствии с «Дорожной картой» реализации целевой модели наставничества в МОУ СОШ № 19 на 2021/2022 учебный год в рамках подготовки условий для запуска программы наставничества проведен ряд мероприятий:",
        "1. Изучение и систематизация имеющихся материалов по проблеме наставничества",
        "2. Подготовка нормативной базы реализации целевой модели наставничества в МОУ СОШ № 19",
        "3. Выбор форм и программ наставничества исходя из потребностей школы",
        "4. Информирование родителей, педагогов, обучающихся о возможностях и целях целевой модели наставничества",
        "Организована работа по формированию базы наставляемых, базы наставников, отбору наставников, формированию наставнических пар, а также спланирована работа наставнических пар.",
        "Программа наставничества (далее – Программа) разработана в МОУ СОШ № 19 в целях реализации региональной методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную деятельность по общеобразовательным, дополнительным общеобразовательным и программам среднего профессионального образования в Хабаровском крае.",
        "Одна из форм Программы – «учитель – учитель» – реализуется в нашей школе в целях успешного закрепления на рабочем месте молодого специалиста",
        "Для достижения целей Программы поставлен ряд задач, решение которых спланировано в период с 01.09.2021 года по август 2024 года.",
        "Условиями запуска Программы являются:",
        "– Нормативно-правовое оформление наставнической программы;",
        "– Разработка дорожной карты реализации наставничества, определение необходимых ресурсов, внутренних и внешних.",
        "Ожидаемые результаты Программы:",
        "1. Высокий уровень включенности молодых (новых) специалистов в педагогическую работу, культурную жизнь образовательной организации;",
        "5. Учителя-наставляемые получают необходимые для данного периода профессиональной реализации компетенции, профессиональные советы и рекомендации, а также стимул и ресурс для комфортного становления и развития внутри организации.",
        "Содержанием Программы определены основные участники программы и их функции, механизм управления программой, этапы процесса наставнического взаимодействия, организация хода наставнического взаимодействия.",
        "разработана Программа наставничества по форме «учитель – ученик».",
        "Взаимодействие наставника и наставляемого ведется в режиме урочной и внеурочной деятельности.",
        "Ожидаемые результаты внедрения целевой модели наставничества:",
        "– снижение показателей неуспеваемости обучающихся.",
        "Основные мероприятия по реализации программы направлены на работу с обучающимися и их родителями (законными представителями).",
        "Мониторинг выполнения мероприятий согласно «Дорожной карте» реализации целевой модели наставничества в МОУ СОШ № 19 на 2021/2022 учебный год",
    ])
}

/// Rows of seed 003's monitoring table, written out by hand: the task number
/// and title span the rows of tasks whose activities were marked apart.
fn seed_rows() -> Vec<Vec<String>> {
    vec![
        vec![SPANNING.into(), "1. Изучение и систематизация имеющихся материалов по проблеме наставничества".into()],
        strings(&[
            "1. Изучение Распоряжения Министерства просвещения Российской Федерации № Р-145 от 25 декабря 2019 г.",
            "Документ изучен, основные положения доведены в ходе педагогического совета, документ размещен на сайте МОУ СОШ № 19 в разделе «Наставничество» http://kna-s19.edu.27.ru/index.php?id=nastavnichestvo",
        ]),
        strings(&["2. Подготовка системных папок по проблеме наставничества.", "В работе"]),
        strings(&["3. Ознакомление с шаблонами документов для реализации целевой модели.", "Организовано ознакомление"]),
        strings(&[
            "1. Издание приказа «О внедрении целевой модели наставничества в МОУ СОШ № 19».",
            "приказ директора школы от 01.09.2021 г. № 144 «О внедрении целевой модели наставничества»",
            "документ размещен на сайте МОУ СОШ № 19 в разделе «Наставничество» http://kna-s19.edu.27.ru/index.php?id=nastavnichestvo",
        ]),
        strings(&[
            "2. Разработка и утверждение Положения о наставничестве в МОУ СОШ № 19.",
            "Утверждено приказом директора школы от 01.09.2021 г. № 144 «О внедрении целевой модели наставничества» http://kna-s19.edu.27.ru/index.php?id=nastavnichestvo",
        ]),
        strings(&[
            "3. Разработка и утверждение «дорожной карты» внедрения системы наставничества в МОУ СОШ № 19.",
            "Приложение к приказу директора школы от 01.09.2021 г. № 144 «О внедрении целевой модели наставничества»",
        ]),
        strings(&[
            "3. Выбор форм и программ наставничества исходя из потребностей школы",
            "1. Проведение мониторинга по выявлению предварительных запросов",
            "3. Формирование банка программ по выбранным формам наставничества.",
            "проведен 06.09.2021 года Учитель – учитель Учитель – ученик В работе",
        ]),
        strings(&["4. Информирование родителей, педагогов, обучающихся о возможностях и целях целевой модели наставничества", "1. Проведение педагогического совета.", "Протокол от 31.08.2021 г. № 1 По плану работы классных руководителей (сентябрь) http://kna-s19.edu.27.ru/index.php?id=nastavnichestvo"]),
        strings(&["5. Сбор данных о наставляемых", "проведено в работе в работе"]),
        strings(&["6. Формирование базы наставляемых на уровне школы", "Сформирована Папка «Методическая работа в школе» Папки классных руководителей, социальный паспорт класса/школы"]),
        strings(&["7. Формирование баз наставников на уровне школы", "2. Формирование базы данных наставников из числа педагогов", "сформирована"]),
        strings(&["8. Выявление наставников, входящих в базу потенциальных наставников", "Формирование базы наставников и подбор подходящих для конкретной формы.", "Реестр наставников. http://kna-s19.edu.27.ru/index.php?id=nastavnichestvo"]),
        strings(&["9. Обучение наставников для работы с наставляемыми", "2. Организация консультаций для наставников.", "в работе"]),
        strings(&["10. Отбор наставников и наставляемых", "3. Соединение наставников и наставляемых в пары.", "организовано сформированы пары"]),
        strings(&[
            "11. Закрепление наставнических пар",
            "1. Издание приказа «Об утверждении наставнических пар».",
            "Приказ МОУ СОШ № 19 от 01.09.2021 г. № 145 «О назначении наставников и формировании наставнических пар» в работе в работе",
        ]),
        strings(&["12. Организация комплекса последовательных встреч наставников и наставляемых", "Проведение встречи наставника и наставляемого.", "В соответствии с планом работы наставников"]),
    ]
}

/// Every task's rows from the data: points and marks of each step.
fn rows_from_model(org: &Organization) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for (n, item) in tasks(org).into_iter().enumerate() {
        let steps = steps_of(item);
        let head = format!("{}. {}", n + 1, item.title);
        let total: usize = steps.iter().map(|s| s.points.len()).sum();
        if steps.len() > 1 {
            rows.push(vec![SPANNING.into(), head.clone()]);
        }
        let mut counter = 0;
        for step in &steps {
            let mut row = if steps.len() > 1 {
                Vec::new()
            } else {
                vec![head.clone()]
            };
            for p in &step.points {
                counter += 1;
                row.push(if total > 1 {
                    format!("{counter}. {p}")
                } else {
                    p.clone()
                });
            }
            for e in &step.evidence {
                let line = e.line(org);
                row.push(format!("{} {}", line.text, line.link.unwrap_or_default()));
            }
            rows.push(row);
        }
    }
    rows
}

fn check_table(text: &str, rows: &[Vec<String>], what: &str, spanning_in_order: bool) {
    let hay = reading_text(text, &[HEADER]);
    let (spanning, plain): (Vec<_>, Vec<_>) = rows.iter().cloned().partition(|r| r[0] == SPANNING);
    if spanning_in_order {
        let all: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.iter().filter(|c| *c != SPANNING).cloned().collect())
            .collect();
        assert_rows_in(&hay, text, &all, what);
    } else {
        assert_rows_in(&hay, text, &plain, what);
        for s in &spanning {
            assert_phrases_in(
                &hay,
                text,
                std::slice::from_ref(&s[1]),
                &format!("{what}, spanning cell"),
            );
        }
    }
}

#[test]
fn sosh19_report_reads_like_seed_003() {
    let org = sample("sosh19-2021.yaml");
    assert_eq!(tasks(&org).len(), 12, "the seed's twelve tasks");
    let docx = render(&org, DocumentKind::ReportInterim, Format::Docx);
    let docx_plain = docx_text(&docx);
    assert_phrases_in_order(&docx_plain, &seed_paragraphs(), "DOCX paragraphs");
    check_table(&docx_plain, &seed_rows(), "DOCX table by hand", true);
    check_table(&docx_plain, &rows_from_model(&org), "DOCX table", true);
    assert!(squeeze(&docx_plain).ends_with(&squeeze("Справку подготовили заместитель директора по УВР Икина Т.А., заместитель директора по ВР Зюзина Л.А.")));
    let body = docx_part(&docx, "word/document.xml");
    assert_eq!(
        body.matches("<w:hyperlink ").count(),
        6,
        "every link is a link"
    );
    assert!(
        !docx_plain.contains("Показатели вовлеченности"),
        "no figures without data"
    );

    let pdf = render(&org, DocumentKind::ReportInterim, Format::Pdf);
    let Some(text) = pdf_text(&pdf) else { return };
    let hay = reading_text(&text, &[HEADER]);
    assert_phrases_in(&hay, &text, &seed_paragraphs(), "PDF paragraphs");
    check_table(&text, &seed_rows(), "PDF table by hand", false);
    check_table(&text, &rows_from_model(&org), "PDF table", false);
    assert!(squeeze(&text).ends_with(&squeeze("Справку подготовили заместитель директора по УВР Икина Т.А., заместитель директора по ВР Зюзина Л.А.")));
}

fn sample_with(extra_report: &str, replace: (&str, &str)) -> nastavnik_core::Prepared {
    let text = std::fs::read_to_string(root().join("samples/sosh19-2021.yaml")).unwrap();
    assert!(text.contains(replace.0), "{}", replace.0);
    let text = text.replace(replace.0, replace.1).replace(
        "    period: по итогам 1 полугодия 2021–2022 учебного года\n",
        &format!("    period: по итогам 1 полугодия 2021–2022 учебного года\n{extra_report}"),
    );
    load_str(&text, "sosh19.yaml").unwrap().organization
}

#[test]
fn overdue_items_are_marked_until_they_are_done() {
    // Task 9 (training of mentors) was due by 01.11.2021 and is still in progress.
    let behind = sample_with(
        "    as_of: 30.12.2021\n",
        (
            "              deadline: в течение всего периода\n              status: в работе",
            "              deadline: до 01.11.2021\n              status: в работе",
        ),
    );
    let docx = docx_text(&render(&behind, DocumentKind::ReportInterim, Format::Docx));
    assert_phrases_in_order(
        &docx,
        &strings(&[
            "По состоянию на 30.12.2021 не выполнены в срок мероприятия по задачам № 9 (всего задач: 1).",
            "9. Обучение наставников для работы с наставляемыми",
            "в работе",
            "не выполнено в срок (до 01.11.2021)",
            "10. Отбор наставников и наставляемых",
        ]),
        "overdue DOCX",
    );
    if let Some(text) = pdf_text(&render(&behind, DocumentKind::ReportInterim, Format::Pdf)) {
        assert!(squeeze(&text).contains(&squeeze("не выполнено в срок (до 01.11.2021)")));
        assert!(squeeze(&text).contains(&squeeze("не выполнены в срок мероприятия по задачам № 9")));
    }

    let done = sample_with(
        "    as_of: 30.12.2021\n",
        (
            "              deadline: в течение всего периода\n              status: в работе",
            "              deadline: до 01.11.2021\n              status: выполнено",
        ),
    );
    let docx = docx_text(&render(&done, DocumentKind::ReportInterim, Format::Docx));
    assert!(!docx.contains("не выполнено в срок"), "{docx}");
    assert!(squeeze(&docx).contains(&squeeze(
        "По состоянию на 30.12.2021 все мероприятия, срок которых наступил, выполнены."
    )));
}

#[test]
fn figures_give_shares_as_russian_reports_write_them() {
    let org = sample_with(
        "    figures:\n      pupils: 400\n      pupils_mentored: 290\n      young_teachers: 8\n      young_teachers_mentored: 6\n      mentors: 15\n      by_form:\n        - { form: учитель – учитель, pairs: 5, groups: 0 }\n        - { form: учитель – ученик, pairs: 7, groups: 1 }\n",
        ("", ""),
    );
    let expected = strings(&[
        "Показатели вовлеченности в наставничество",
        "Показатель Значение",
        "Наставников 15",
        "Обучающихся в школе 400",
        "Обучающихся, вовлеченных в наставничество 290",
        "Доля обучающихся, вовлеченных в наставничество (целевой показатель — 70 %) 72,5 %",
        "Молодых педагогов 8",
        "Доля молодых педагогов, вовлеченных в наставничество (целевой показатель — 70 %) 75 %",
        "Форма «учитель – учитель»: пар / групп 5 / 0",
        "Форма «учитель – ученик»: пар / групп 7 / 1",
        "Мониторинг выполнения мероприятий",
    ]);
    let docx = render(&org, DocumentKind::ReportInterim, Format::Docx);
    assert_phrases_in_order(&docx_text(&docx), &expected, "figures DOCX");
    assert_eq!(
        docx_part(&docx, "word/document.xml")
            .matches("<w:tbl>")
            .count(),
        2
    );
    if let Some(text) = pdf_text(&render(&org, DocumentKind::ReportInterim, Format::Pdf)) {
        assert_phrases_in_order(&text, &expected, "figures PDF");
    }
    // Only what is given is stated: no pupils, no share.
    let partial = sample_with("    figures:\n      mentors: 15\n", ("", ""));
    let text = docx_text(&render(&partial, DocumentKind::ReportInterim, Format::Docx));
    assert!(
        text.contains("Наставников") && !text.contains("Доля"),
        "{text}"
    );
}

#[test]
fn a_report_needs_its_section_and_cites_existing_documents() {
    let org = sample("school9-2020.yaml");
    let err = crate::common::renderer()
        .document(&org, DocumentKind::ReportInterim)
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("в файле нет раздела reports.interim"),
        "{err}"
    );

    let text = std::fs::read_to_string(root().join("samples/sosh19-2021.yaml"))
        .unwrap()
        .replace("document: order145", "document: order146");
    let line = text.lines().position(|l| l.contains("order146")).unwrap() + 1;
    let err = load_str(&text, "sosh19.yaml").unwrap_err().to_string();
    assert!(err.contains(&format!("sosh19.yaml:{line}:")), "{err}");
    assert!(err.contains("документ с ключом «order146» не найден в разделе documents; может быть, order144, order145?"), "{err}");
}

#[test]
fn the_final_report_renders_from_a_sample_with_its_figures() {
    let org = sample("sosh19-2021.yaml");
    let phrases = strings(&[
        "Справка",
        "об итоговых результатах реализации целевой модели наставничества в МОУ СОШ № 19 по итогам 2021–2022 учебного года",
        "В 2021–2022 учебном году программа наставничества реализовывалась в МОУ СОШ № 19 по формам «учитель – учитель» и «учитель – ученик».",
        "По итогам года:",
        "опыт наставнических пар представлен на заседании педагогического совета.",
        "Показатели вовлеченности в наставничество",
        "Обучающихся, вовлеченных в наставничество",
        "Мониторинг выполнения мероприятий",
    ]);
    let docx = docx_text(&render(&org, DocumentKind::ReportFinal, Format::Docx));
    assert_phrases_in_order(&docx, &phrases, "DOCX");
    // 39 of 486 pupils, 6 of 6 young teachers; 3 pairs and 5 groups of one form.
    for figure in ["8 %", "100 %", "3/5"] {
        assert!(
            squeeze(&docx).contains(&squeeze(figure)),
            "«{figure}» in\n{docx}"
        );
    }
    assert!(squeeze(&docx).ends_with(&squeeze(
        "Справку подготовили заместитель директора по УВР Икина Т.А., заместитель директора по ВР Зюзина Л.А."
    )));
    let pdf = render(&org, DocumentKind::ReportFinal, Format::Pdf);
    let Some(text) = pdf_text(&pdf) else { return };
    let hay = reading_text(&text, &[HEADER]);
    assert_phrases_in(&hay, &text, &phrases, "PDF");
}
