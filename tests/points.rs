//! Points, sections and annexes as data: an order's points and a положение's
//! sections dropped, replaced, inserted and reordered from YAML, numbers
//! computed afterwards, annexes numbered from the data — read in the PDF
//! (pdftotext), the DOCX and the document model.

use crate::common::*;
use nastavnik_core::{Annex, Insertion, Point, PointEdits, RoleWord, SectionEdits};
use nastavnik_gen::{DocumentKind, Format, GenError};

const SAMPLE: &str = "ozyorsk-school-2024.yaml";

fn text(org: &nastavnik_core::Prepared, kind: DocumentKind) -> String {
    renderer()
        .document(org, kind)
        .expect("document builds")
        .plain_text()
        .replace('\u{a0}', " ")
}

fn edit_error(org: nastavnik_core::Organization, kind: DocumentKind) -> (String, String) {
    match renderer().document(&prepared(org), kind) {
        Err(GenError::InvalidData { field, message }) => (field, message),
        Err(other) => panic!("another error: {other}"),
        Ok(_) => panic!("the edit was accepted"),
    }
}

#[test]
fn an_order_without_a_roadmap_has_its_own_points_a_working_group_and_numbered_annexes() {
    let org = sample(SAMPLE);
    let phrases = strings(&[
        "ПРИКАЗЫВАЮ:",
        "1. Внедрить целевую модель наставничества в МБОУ «Озёрская ООШ» с 2 сентября 2024 года в формах «учитель – учитель» и «ученик – ученик».",
        "2. Назначить координатором внедрения целевой модели наставничества в МБОУ «Озёрская ООШ» (далее — координатор ЦМН) заместителя директора по учебно-воспитательной работе И.С. Орлову.",
        "3. Создать рабочую группу по внедрению целевой модели наставничества в МБОУ «Озёрская ООШ» (далее — рабочая группа) в составе согласно приложению 1.",
        "Руководителем рабочей группы назначить заместителя директора по учебно-воспитательной работе И.С. Орлову.",
        "4. Рабочей группе в срок до 30.09.2024:",
        "4.1. разработать положение о наставничестве;",
        "4.2. сформировать базы наставников и наставляемых;",
        "4.3. подготовить проект программы наставничества.",
        "5. Утвердить план информационной кампании (приложение 2).",
        "6. Контроль исполнения приказа оставляю за собой.",
        "Приложение 1",
        "к приказу МБОУ «Озёрская ООШ»",
        "от 30.08.2024 № 112-од",
        "Состав рабочей группы по внедрению целевой модели наставничества в МБОУ «Озёрская ООШ»",
        "Орлова Ирина Сергеевна",
        "руководитель рабочей группы",
        "Громова Анна Ильинична",
        "член рабочей группы",
        "Приложение 2",
        "План информационной кампании о внедрении целевой модели наставничества",
        "1. Родительские собрания в 1–9 классах.",
        "3. Публикация новостей в разделе «Наставничество» на сайте школы.",
    ]);
    for (text, what) in both(&org, DocumentKind::OrderImplementation) {
        assert_phrases_in_order(&text, &phrases, what);
        let squeezed = squeeze(&text);
        for absent in ["дорожн", "Куратор", "куратор", "7.Контроль", "Приложение3"]
        {
            assert!(!squeezed.contains(absent), "{what}: «{absent}» in\n{text}");
        }
    }
}

#[test]
fn a_provision_of_its_own_sections_is_numbered_after_the_edits() {
    let org = sample(SAMPLE);
    let phrases = strings(&[
        "ПОЛОЖЕНИЕ",
        "о наставничестве в МБОУ «Озёрская ООШ»",
        "1. Общие положения",
        "1.1. Настоящее положение (далее — Положение) о наставничестве в МБОУ «Озёрская ООШ» (далее — образовательная организация)",
        "1.3.9. благодарный выпускник",
        "1.4. Участие в программе наставничества является добровольным.",
        "1.5. Участниками программы наставничества",
        "2. Цели и задачи наставничества",
        "2.2.6. формирование у выпускников",
        "3. Формы наставничества в школе",
        "3.1. В школе применяются формы:",
        "3.2. «учитель – учитель» — для молодых специалистов",
        "3.2.1. опытный педагог – молодой специалист;",
        "3.2.2. опытный классный руководитель – молодой специалист.",
        "3.3. «ученик – ученик» — для обучающихся 5–9 классов.",
        "4. Организационные основы наставничества",
        "4.8. Базы наставников и наставляемых",
        "5. Реализация программы наставничества",
        "6. Права и обязанности наставляемого",
        "6.1. Наставляемый обязан:",
        "7. Права и обязанности наставника",
        "7.2. Наставник имеет право:",
        "8. Заключительные положения",
        "8.1. Положение действует с 2 сентября 2024 года до его отмены приказом директора.",
        "8.2. Изменения в Положение принимает педагогический совет.",
    ]);
    for (text, what) in both(&org, DocumentKind::Provision) {
        assert_phrases_in_order(&text, &phrases, what);
        let squeezed = squeeze(&text);
        for absent in [
            "Мониторингиоценка",
            "Механизмымотивации",
            "Документы,регламентирующие",
            "9.Документы",
            "8.3.",
        ] {
            assert!(!squeezed.contains(absent), "{what}: «{absent}»");
        }
    }
}

#[test]
fn keys_that_do_not_exist_are_errors_naming_the_field_and_the_keys_there_are() {
    let mut org = sample_model("school9-2020.yaml");
    org.orders.implementation.as_mut().unwrap().points = Some(PointEdits {
        drop: vec!["curator_dutis".into()],
        ..Default::default()
    });
    let (field, message) = edit_error(org, DocumentKind::OrderImplementation);
    assert_eq!(field, "orders.implementation.points.drop[0]");
    assert!(message.contains("«curator_dutis»"), "{message}");
    assert!(message.contains("может быть, curator_duties"), "{message}");
    assert!(message.contains("control"), "{message}");

    let mut org = sample_model("school9-2020.yaml");
    org.orders.provision.as_mut().unwrap().sections = Some(SectionEdits {
        order: vec!["mentor".into(), "mentee".into(), "golas".into()],
        ..Default::default()
    });
    let (field, message) = edit_error(org, DocumentKind::Provision);
    assert_eq!(field, "orders.provision.sections.order[2]");
    assert!(message.contains("может быть, goals?"), "{message}");

    let mut org = sample_model("school9-2020.yaml");
    org.orders.implementation.as_mut().unwrap().annexes = Some(vec![
        Annex::Built("pairs".into()),
        Annex::Built("provision".into()),
    ]);
    let (field, message) = edit_error(org, DocumentKind::OrderImplementation);
    assert_eq!(field, "orders.implementation.annexes[0]");
    assert!(message.contains("roadmap"), "{message}");

    let mut org = sample_model("school9-2020.yaml");
    org.orders.implementation.as_mut().unwrap().points = Some(PointEdits {
        insert: vec![Insertion {
            after: Some("start".into()),
            before: Some("roadmap".into()),
            text: "Пункт.".into(),
            ..Default::default()
        }],
        ..Default::default()
    });
    let (field, _) = edit_error(org, DocumentKind::OrderImplementation);
    assert_eq!(field, "orders.implementation.points.insert[0]");

    let mut org = sample_model("school9-2020.yaml");
    org.orders.implementation.as_mut().unwrap().points = Some(PointEdits {
        insert: vec![Insertion {
            after: Some("start".into()),
            text: "Пункт.".into(),
            annex: Some("plan".into()),
            ..Default::default()
        }],
        ..Default::default()
    });
    let (field, message) = edit_error(org, DocumentKind::OrderImplementation);
    assert_eq!(field, "orders.implementation.points.insert[0].annex");
    assert!(message.contains("roadmap"), "{message}");
}

#[test]
fn text_from_yaml_is_text_never_markup() {
    let mut org = sample_model("school9-2020.yaml");
    let hostile = "**жирно** # @[key=control] `код` <b>";
    org.orders.implementation.as_mut().unwrap().points = Some(PointEdits {
        replace: [(
            "start".to_string(),
            Point {
                text: hostile.into(),
                points: vec![Point {
                    text: "1. [ссылка](http://x)".into(),
                    ..Default::default()
                }],
                annex: None,
            },
        )]
        .into(),
        ..Default::default()
    });
    let org = prepared(org);
    let text = text(&org, DocumentKind::OrderImplementation);
    assert!(
        text.contains("1. **жирно** # @[key=control] `код` <b>\n"),
        "{text}"
    );
    assert!(text.contains("1.1. 1. [ссылка](http://x)\n"), "{text}");
    assert!(text.contains("6. Контроль исполнения приказа"), "{text}");
    let typ =
        String::from_utf8(render(&org, DocumentKind::OrderImplementation, Format::Typ)).unwrap();
    // A string literal in Typst: never markup.
    assert!(
        typ.contains(r#"#clause("1.", "**жирно** # @[key=control] `код` <b>")"#),
        "{typ}"
    );
}

#[test]
fn points_reorder_and_insert_before_the_closing_point_and_extra_points_still_work() {
    let mut org = sample_model("school9-2020.yaml");
    let order = org.orders.implementation.as_mut().unwrap();
    order.extra_points = vec!["Пункт из extra_points.".into()];
    order.points = Some(PointEdits {
        order: vec!["curator".into(), "start".into()],
        insert: vec![Insertion {
            text: "Вставленный без места пункт.".into(),
            ..Default::default()
        }],
        ..Default::default()
    });
    let text = text(&prepared(org), DocumentKind::OrderImplementation);
    let phrases = strings(&[
        "1. Назначить куратором внедрения",
        "2. Утвердить план мероприятий",
        // orders.provision is this order (№ 47): it approves the положение.
        "3. Утвердить положение",
        "4. Внедрить целевую модель наставничества",
        "5. Куратору ЦМН",
        "6. Пункт из extra_points.",
        "7. Разместить настоящий приказ",
        "8. Вставленный без места пункт.",
        "9. Контроль исполнения",
        "Приложение 1",
    ]);
    assert_phrases_in_order(&text, &phrases, "IR");
}

#[test]
fn the_role_word_is_used_in_every_order() {
    let mut org = sample_model("school9-2020.yaml");
    org.orders.implementation.as_mut().unwrap().role = Some(RoleWord::Responsible);
    let org = prepared(org);
    let implementation = text(&org, DocumentKind::OrderImplementation);
    // School 9 appoints her by order № 48: the order on implementation cites it.
    assert!(
        implementation.contains("4. Ответственной за внедрение целевой модели наставничества в МБОУ средняя школа № 9 Е.В. Шевчук (назначена приказом от 01.06.2020 № 48) обеспечить"),
        "{implementation}"
    );
    let curator = text(&org, DocumentKind::OrderCurator);
    assert!(
        curator.contains("О назначении ответственного за внедрение целевой модели наставничества"),
        "{curator}"
    );
    assert!(
        curator.contains("2. Возложить на ответственную за внедрение ЦМН следующие обязанности:"),
        "{curator}"
    );
    let pairs = text(&org, DocumentKind::OrderPairs);
    assert!(
        pairs.contains(
            "Ответственной за внедрение целевой модели наставничества Е.В. Шевчук организовать"
        ),
        "{pairs}"
    );
    for (text, what) in both(&org, DocumentKind::OrderCurator) {
        assert_phrases_in_order(
            &text,
            &strings(&[
                "О назначении ответственного за внедрение",
                "1. Назначить ответственной за внедрение",
                "2.7. информирование",
            ]),
            what,
        );
    }
}

#[test]
fn programme_sections_and_curator_duties_are_named_too() {
    let mut org = sample_model("school9-2020.yaml");
    org.orders.programme = Some(nastavnik_core::Order {
        number: "47".into(),
        date: chrono::NaiveDate::from_ymd_opt(2020, 6, 1).unwrap(),
        document_title: Some("МБОУ средняя школа № 9 на 2020–2021 учебный год".into()),
        sections: Some(SectionEdits {
            drop: vec!["results".into()],
            ..Default::default()
        }),
        points: Some(PointEdits {
            drop: vec!["2.2.3".into()],
            ..Default::default()
        }),
        ..Default::default()
    });
    org.orders.curator.as_mut().unwrap().points = Some(PointEdits {
        drop: vec!["2.1".into()],
        replace: [(
            "provision".to_string(),
            Point {
                text: "Настоящий приказ вступает в силу со дня подписания.".into(),
                ..Default::default()
            },
        )]
        .into(),
        ..Default::default()
    });
    let org = prepared(org);
    let programme = text(&org, DocumentKind::Programme);
    assert_phrases_in_order(
        &programme,
        &strings(&[
            "МБОУ средняя школа № 9 на 2020–2021 учебный год",
            "1. Пояснительная записка",
            "2. Цели и задачи Программы",
            "2.2.3. создать условия для адаптации",
            "3. Механизм управления Программой",
            "3.1. Программу утверждает",
            "5. Формы наставничества",
            "6. Календарный план реализации Программы",
            "7. Мониторинг реализации Программы",
            "7.4. По итогам мониторинга",
        ]),
        "programme",
    );
    assert!(!programme.contains("Ожидаемые результаты"), "{programme}");
    let curator = text(&org, DocumentKind::OrderCurator);
    assert_phrases_in_order(
        &curator,
        &strings(&[
            "2.1. разработка проекта программы наставничества",
            "2.6. информирование участников",
            "3. Настоящий приказ вступает в силу со дня подписания.",
            "4. Контроль исполнения",
        ]),
        "curator order",
    );
}

#[test]
fn the_provision_can_be_annex_2_of_the_order_on_implementation() {
    let mut org = sample_model("school9-2020.yaml");
    org.orders.implementation.as_mut().unwrap().annexes = Some(vec![
        Annex::Built("roadmap".into()),
        Annex::Built("provision".into()),
    ]);
    org.orders.provision.as_mut().unwrap().sections = Some(SectionEdits {
        drop: vec!["documents".into()],
        ..Default::default()
    });
    let org = prepared(org);
    let phrases = strings(&[
        "2. Утвердить план мероприятий",
        "(приложение 1).",
        "3. Утвердить положение о программе наставничества МБОУ средняя школа № 9 (приложение 2).",
        "4. Куратору внедрения целевой модели наставничества в МБОУ средняя школа № 9 Е.В. Шевчук (назначена приказом от 01.06.2020 № 48)",
        "Приложение 1",
        "Приложение 2",
        "к приказу МБОУ средняя школа № 9",
        "ПОЛОЖЕНИЕ",
        "о программе наставничества МБОУ средняя школа № 9",
        "1. Общие положения",
        "1.1. Настоящее положение",
        "9. Заключительные положения",
        "9.3. Положение размещается на официальном сайте",
    ]);
    for (text, what) in both(&org, DocumentKind::OrderImplementation) {
        assert_phrases_in_order(&text, &phrases, what);
        let squeezed = squeeze(&text);
        // The annex mark stands for the approval stamp.
        assert!(!squeezed.contains("УТВЕРЖДЕНО"), "{what}");
        assert!(!squeezed.contains("Документы,регламентирующие"), "{what}");
    }
}
