//! Content the review found thin: payments with their sum in words and
//! source of funds, the final event's programme with times, places and who
//! answers, the programme's period, calendar plan, indicators and role
//! models, the development plan's approval and date — each read in the PDF
//! (pdftotext) and in the DOCX, on a school none of the samples describes.

use crate::common::*;
use nastavnik_core::load_str;
use nastavnik_gen::DocumentKind;

/// An invented school with every new field in use.
const SCHOOL: &str = r#"kind: school
name: Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 4 села Кедровка»
short_name: МБОУ «СШ № 4 с. Кедровка»
head: { surname: Ларионова, name: Вера, patronymic: Павловна, position: Директор }
curator: gusev
people:
  gusev: { surname: Гусев, name: Р., patronymic: Т., position: заместитель директора по УВР }
  pahomova: { surname: Пахомова, name: Л., patronymic: Н., position: педагог-организатор }
forms: [учитель – учитель, ученик – ученик]
council: { date: 2021-08-27, number: "1" }
orders:
  implementation: { number: "77", date: 2021-09-01 }
  pairs: { number: "90", date: 2021-09-20 }
  programme: { number: "77", date: 2021-09-01, period: 2021–2023 }
  rewards:
    number: "41"
    date: 2023-05-26
    rewards:
      - { who: gusev, reward: премировать, reason: "за организацию работы наставнических пар;", amount: 2500, source: за счет стимулирующей части фонда оплаты труда }
      - { who: kalinina, reward: выплатить денежное поощрение, amount: 101000, source: "за счет средств от приносящей доход деятельности." }
      - { who: kalinina, reward: объявить благодарность }
  final_event:
    number: "38"
    date: 2023-05-15
    event:
      title: итоговая конференция наставнических пар
      date: 2023-05-25
      place: библиотека
      programme:
        - { time: "14:00–14:10", title: Приветственное слово, responsible: head_text }
        - { time: "14:10–15:00", title: "Выступления пар: опыт и результаты", place: читальный зал, responsible: [gusev, { person: pahomova, as: Педагог-организатор }] }
        - Награждение победителей
roadmap:
  subject: реализации программы наставничества на 2021–2023 годы
  period: 2021–2023
  sections:
    - title: Подготовка
      items:
        - title: Издание приказа о внедрении целевой модели
          deadline: до 01.09.2021
          responsible: { person: gusev, as: Куратор }
        - title: Формирование баз наставников и наставляемых
          deadline: октябрь 2021 г.
          responsible: [{ person: gusev, as: Куратор }, классные руководители]
participants:
  mentors:
    - { id: kalinina, name: Калинина Дарья Олеговна, role: учитель истории, category: педагог, consent: true }
  mentees:
    - { id: zorin, name: Зорин Павел Ильич, role: учитель истории, category: педагог, consent: true }
  plans:
    date: 15.09.2021
    approvals:
      - { kind: согласовано, by: с методическим советом, number: "2", date: 2021-09-14 }
      - { kind: утверждаю, person: gusev }
  pairs:
    - mentor: kalinina
      mentees: zorin
      form: учитель – учитель
      plan:
        - { task: Освоить электронный журнал, activity: Практикум с наставником, deadline: октябрь 2021 г., result: Журнал ведется без ошибок }
reports:
  final:
    period: 2021–2023
    prepared_by: { person: gusev }
    figures: { target: 75 }
"#;

fn school(yaml: &str) -> nastavnik_core::Prepared {
    load_str(yaml, "kedrovka.yaml")
        .unwrap_or_else(|e| panic!("{e}"))
        .organization
}

/// The errors `check` reports for a file, one line each.
fn errors(yaml: &str) -> String {
    match load_str(yaml, "kedrovka.yaml") {
        Ok(_) => String::new(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_payment_names_its_sum_in_words_and_its_source() {
    let org = school(SCHOOL);
    let points = strings(&[
        "1. Премировать Гусева Р.Т., заместителя директора по УВР, за организацию работы наставнических пар в размере 2 500 (двух тысяч пятисот) рублей за счет стимулирующей части фонда оплаты труда.",
        "2. Выплатить денежное поощрение Калининой Д.О., учителю истории, в размере 101 000 (ста одной тысячи) рублей за счет средств от приносящей доход деятельности.",
        "3. Объявить благодарность Калининой Д.О., учителю истории.",
        "4. Информацию о поощрении участников разместить",
    ]);
    for (text, what) in both(&org, DocumentKind::OrderRewards) {
        assert_phrases_in_order(&text, &points, what);
        // The reason's own «;» and the source's «.» do not double the point's stop.
        assert!(
            !text.contains(";.") && !text.contains(".."),
            "{what}: {text}"
        );
    }
}

#[test]
fn a_payment_without_sum_or_source_is_an_error_at_its_place() {
    let yaml = SCHOOL.replace(
        ", amount: 2500, source: за счет стимулирующей части фонда оплаты труда",
        "",
    );
    let err = errors(&yaml);
    assert!(
        err.contains("kedrovka.yaml:19:9:")
            && err.contains("orders.rewards.rewards[0].amount")
            && err.contains("«премировать» — денежное поощрение: укажите сумму в рублях"),
        "{err}"
    );
    assert!(
        err.contains("orders.rewards.rewards[0].source")
            && err.contains("укажите источник средств"),
        "{err}"
    );
    // A thank-you is no payment; the valid school passes.
    assert_eq!(errors(SCHOOL), "");
    // A sum on a thank-you is printed, with a warning.
    let thanks = SCHOOL.replace(
        "reward: объявить благодарность }",
        "reward: объявить благодарность, amount: 500 }",
    );
    let loaded = load_str(&thanks, "kedrovka.yaml").unwrap_or_else(|e| panic!("{e}"));
    let warnings = format!("{:?}", loaded.warnings);
    assert!(
        warnings.contains("orders.rewards.rewards[2].amount")
            && warnings.contains("не названо выплатой"),
        "{warnings}"
    );
    // A payment spelled otherwise is still one.
    let bonus = SCHOOL.replace("reward: объявить благодарность", "reward: Выплата премии");
    let err = errors(&bonus);
    assert!(err.contains("orders.rewards.rewards[2].amount"), "{err}");
}

#[test]
fn the_final_event_programme_is_a_table_of_times_places_and_responsible() {
    let org = school(SCHOOL);
    let rows = vec![
        strings(&["14:00–14:10", "Приветственное слово", "head_text"]),
        strings(&[
            "14:10–15:00",
            "Выступления пар: опыт и результаты",
            "Читальный зал",
            "заместитель директора по УВР Р.Т. Гусев, Педагог-организатор Л.Н. Пахомова",
        ]),
        strings(&["Награждение победителей"]),
    ];
    for (text, what) in both(&org, DocumentKind::OrderFinalEvent) {
        let hay = reading_text(&text, &[]);
        assert_phrases_in(
            &hay,
            &text,
            &strings(&[
                "Программа итогового мероприятия",
                "Время",
                "Мероприятие",
                "Место проведения",
                "Ответственные",
            ]),
            what,
        );
        assert_rows_in(&hay, &text, &rows, what);
    }
    // Without times, places or responsible: a numbered list, one stop at its end.
    let plain = SCHOOL
        .replace(
            r#"{ time: "14:00–14:10", title: Приветственное слово, responsible: head_text }"#,
            "приветственное слово",
        )
        .replace(
            r#"{ time: "14:10–15:00", title: "Выступления пар: опыт и результаты", place: читальный зал, responsible: [gusev, { person: pahomova, as: Педагог-организатор }] }"#,
            "выступления пар",
        )
        .replace("- Награждение победителей", "- награждение победителей");
    let org = school(&plain);
    for (text, what) in both(&org, DocumentKind::OrderFinalEvent) {
        assert_phrases_in_order(
            &text,
            &strings(&[
                "1. приветственное слово;",
                "2. выступления пар;",
                "3. награждение победителей.",
            ]),
            what,
        );
        assert!(!text.contains("Место проведения"), "{what}: {text}");
    }
}

#[test]
fn an_unknown_person_in_the_event_programme_is_placed() {
    let yaml = SCHOOL.replace("{ person: pahomova,", "{ person: pahomva,");
    let err = errors(&yaml);
    assert!(
        err.contains("orders.final_event.event.programme[1].responsible[1].person")
            && err.contains("«pahomva» не найден"),
        "{err}"
    );
}

#[test]
fn the_programme_has_its_period_calendar_plan_indicators_and_whole_role_models() {
    let org = school(SCHOOL);
    for (text, what) in both(&org, DocumentKind::Programme) {
        let hay = reading_text(&text, &[]);
        assert_phrases_in(
            &hay,
            &text,
            &strings(&[
                "МБОУ «СШ № 4 с. Кедровка» на 2021–2023 годы",
                "Срок реализации Программы: 2021–2023 годы.",
                "Ожидаемые результаты и показатели по формам наставничества",
                "Форма наставничества",
                "Ожидаемые результаты",
                "Показатели",
                "«учитель – учитель»",
                "Доля молодых специалистов, продолживших работу в организации после первого года",
                // The role models of two forms, whole, one a line.
                "Вариации ролевых моделей:",
                "– опытный педагог – молодой специалист;",
                "– опытный классный руководитель – молодой специалист;",
                "– лидер педагогического сообщества – педагог, испытывающий проблемы;",
                "– педагог-новатор – консервативный педагог;",
                "– опытный предметник – неопытный предметник.",
                "Вариации ролевых моделей:",
                "– успевающий – неуспевающий;",
                "– лидер – пассивный;",
                "– равный – равному;",
                "– адаптированный – неадаптированный.",
                "Календарный план реализации Программы",
                "№ п/п",
                "Мероприятие",
                "Сроки",
                "Ответственные",
            ]),
            what,
        );
        assert_rows_in(
            &hay,
            &text,
            &[
                strings(&[
                    "1.1.",
                    "Издание приказа о внедрении целевой модели",
                    "до 01.09.2021",
                    "Куратор Р.Т. Гусев",
                ]),
                strings(&[
                    "1.2.",
                    "Формирование баз наставников и наставляемых",
                    "октябрь 2021 г.",
                    "Куратор Р.Т. Гусев, классные руководители",
                ]),
            ],
            what,
        );
        assert_phrases_in(
            &hay,
            &text,
            &strings(&[
                "Мониторинг реализации Программы",
                "Показатели мониторинга: доля молодых специалистов",
                "Целевой показатель: доля обучающихся, вовлеченных в различные формы наставничества, — не менее 75 %.",
            ]),
            what,
        );
        // No role model is cut at its comma into a lower-case fragment.
        assert!(!hay.contains("педагог;испытывающий"), "{what}");
    }
    // Every task list ends with a stop, not «;».
    let doc = renderer()
        .document(&org, DocumentKind::Programme)
        .expect("builds")
        .plain_text();
    assert!(
        doc.contains("ускорить процесс профессионального становления педагога."),
        "{doc}"
    );
}

#[test]
fn a_school_drops_the_calendar_plan_and_the_period_follows_the_roadmap() {
    let yaml = SCHOOL.replace(
        "programme: { number: \"77\", date: 2021-09-01, period: 2021–2023 }",
        "programme: { number: \"77\", date: 2021-09-01, sections: { drop: [calendar] } }",
    );
    let org = school(&yaml);
    for (text, what) in both(&org, DocumentKind::Programme) {
        assert!(!text.contains("Календарный план"), "{what}: {text}");
        assert_phrases_in_order(
            &text,
            &strings(&["Срок реализации Программы: 2021–2023 годы."]),
            what,
        );
    }
    // A period on another order has no effect: an error says where it belongs.
    let wrong = SCHOOL.replace(
        "pairs: { number: \"90\", date: 2021-09-20 }",
        "pairs: { number: \"90\", date: 2021-09-20, period: 2021–2023 }",
    );
    let err = errors(&wrong);
    assert!(
        err.contains("orders.pairs.period") && err.contains("orders.programme"),
        "{err}"
    );
}

#[test]
fn a_development_plan_carries_its_approvals_and_date() {
    let org = school(SCHOOL);
    for (text, what) in both(&org, DocumentKind::DevelopmentPlan) {
        assert_phrases_in_order(
            &text,
            &strings(&[
                // The participle agrees with «план».
                "СОГЛАСОВАН",
                "с методическим советом",
                "Протокол от 14.09.2021 № 2",
                "УТВЕРЖДАЮ",
                "Заместитель директора по УВР МБОУ «СШ № 4 с. Кедровка»",
                "/Р.Т. Гусев/",
                "Индивидуальный план развития наставляемого",
                "Образовательная организация: МБОУ «СШ № 4 с. Кедровка»",
                "Наставник: Калинина Д.О., учитель истории",
                "Наставляемый: Зорин П.И., учитель истории",
                "Дата составления: 15.09.2021",
                "Основание: приказ",
            ]),
            what,
        );
    }
    // By default the curator approves, dated by hand; the date is the pairs order's.
    let yaml = SCHOOL.replace(
        "  plans:\n    date: 15.09.2021\n    approvals:\n      - { kind: согласовано, by: с методическим советом, number: \"2\", date: 2021-09-14 }\n      - { kind: утверждаю, person: gusev }\n",
        "",
    );
    assert_ne!(yaml, SCHOOL);
    let org = school(&yaml);
    for (text, what) in both(&org, DocumentKind::DevelopmentPlan) {
        assert_phrases_in_order(
            &text,
            &strings(&[
                "УТВЕРЖДАЮ",
                "/Р.Т. Гусев/",
                "«___» __________ 20___ г.",
                "Индивидуальный план развития",
                "Дата составления: 20.09.2021",
            ]),
            what,
        );
        assert!(!text.contains("СОГЛАСОВАН"), "{what}");
    }
    // `approvals: []`: no stamp at all.
    let none = SCHOOL.replace(
        "    approvals:\n      - { kind: согласовано, by: с методическим советом, number: \"2\", date: 2021-09-14 }\n      - { kind: утверждаю, person: gusev }\n",
        "    approvals: []\n",
    );
    let org = school(&none);
    for (text, what) in both(&org, DocumentKind::DevelopmentPlan) {
        assert!(!text.contains("УТВЕРЖДАЮ"), "{what}: {text}");
    }
}

#[test]
fn a_list_of_sub_points_ends_with_a_stop_after_any_edit() {
    // The last duty dropped: the one before it now ends the list with «.».
    let dropped = SCHOOL.replace(
        "  rewards:\n    number: \"41\"",
        "  curator: { number: \"78\", date: 2021-09-01, points: { drop: [\"2.7\"] } }\n  rewards:\n    number: \"41\"",
    );
    let org = school(&dropped);
    for (text, what) in both(&org, DocumentKind::OrderCurator) {
        assert_phrases_in_order(
            &text,
            &strings(&[
                "2.5. организация и проведение мониторинга реализации программы наставничества;",
                "2.6. контроль выполнения мероприятий дорожной карты и подготовка справок о результатах.",
                "3.",
            ]),
            what,
        );
    }
    // A duty added after the last: the old last now ends with «;».
    let added = SCHOOL.replace(
        "  rewards:\n    number: \"41\"",
        "  curator:\n    number: \"78\"\n    date: 2021-09-01\n    points: { insert: [{ after: \"2.7\", text: \"ведение страницы «Наставничество» на сайте школы;\" }] }\n  rewards:\n    number: \"41\"",
    );
    let org = school(&added);
    for (text, what) in both(&org, DocumentKind::OrderCurator) {
        assert_phrases_in_order(
            &text,
            &strings(&[
                "2.7. информирование участников образовательных отношений о реализации программы наставничества;",
                "2.8. ведение страницы «Наставничество» на сайте школы.",
            ]),
            what,
        );
    }
    // A programme's task list likewise.
    let tasks = SCHOOL.replace(
        "period: 2021–2023 }",
        "period: 2021–2023, points: { drop: [\"2.2.6\"] } }",
    );
    let doc = renderer()
        .document(&school(&tasks), DocumentKind::Programme)
        .expect("builds")
        .plain_text();
    assert!(
        doc.contains("провести мониторинг и оценку результатов реализации Программы."),
        "{doc}"
    );
}
