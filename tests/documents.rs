//! The school's document set: orders in one frame, положение, программа,
//! bases and development plans, from samples/school9-2020.yaml.

use crate::common::*;
use nastavnik_gen::{DocumentKind, Format};

/// What a reader must find in each document, in order.
fn expected(kind: DocumentKind) -> Vec<String> {
    strings(match kind {
        DocumentKind::OrderCurator => &[
            "ПРИКАЗ",
            "«01» июня 2020 г.",
            "№ 48",
            "О назначении куратора внедрения целевой модели наставничества",
            "ПРИКАЗЫВАЮ:",
            "1. Назначить куратором внедрения целевой модели наставничества в МБОУ средняя школа № 9 (далее — куратор ЦМН) заместителя директора Е.В. Шевчук.",
            "2. Возложить на куратора ЦМН следующие обязанности:",
            "2.1. формирование и актуализация базы наставников и базы наставляемых;",
            "2.7. информирование участников образовательных отношений о реализации программы наставничества.",
            "4. Контроль исполнения приказа оставляю за собой.",
            "Директор А.В. Уханов",
            "С приказом ознакомлены:",
            "Е.В. Шевчук",
        ],
        DocumentKind::OrderPairs => &[
            "«28» сентября 2020 г.",
            "№ 112",
            "Об утверждении наставнических пар (групп)",
            "В соответствии с положением о программе наставничества МБОУ средняя школа № 9, на основании результатов анкетирования и собеседования с участниками программы наставничества",
            "1. Утвердить наставнические пары (группы) (приложение 1).",
            "2. Наставникам разработать совместно с наставляемыми индивидуальные планы развития в срок до 09.10.2020.",
            "3. Куратору внедрения целевой модели наставничества Е.В. Шевчук организовать",
            "Приложение 1",
            "от 28.09.2020 № 112",
            "Наставнические пары (группы)",
            "№ п/п Наставник (ФИО, должность) Наставляемый (ФИО, класс / должность) Форма наставничества Срок",
            "1. Петрова М.И., учитель математики Соколова А.П., учитель начальных классов «учитель – учитель» сентябрь 2020 г. – май 2021 г.",
            // Typst draws the group's spanning cells (№, наставник, форма, срок) after its rows;
            // their text is checked in a_group_is_one_mentor_cell_over_three_rows.
            "Иванов К.А., 7 «Б» класс",
            "Лебедев А.О., 7 «Б» класс",
            "Фомина Д.И., 7 «В» класс",
            "3. Ким Е.В., педагог-психолог Зайцев М.Р., 5 «А» класс «учитель – ученик» сентябрь – декабрь 2020 г.",
        ],
        DocumentKind::OrderRewards => &[
            "№ 64",
            "О поощрении участников наставнической деятельности",
            // Each reward is a point of its own, the person in the case its verb takes.
            "1. Объявить благодарность Петровой М.И., учителю математики, за успешную адаптацию молодого специалиста.",
            "2. Наградить грамотой Орлова Д.С., обучающегося 10 «А» класса, за высокие результаты работы наставнической группы.",
            "3. Произвести единовременную выплату Шевчук Е.В., заместителю директора, за организацию программы наставничества в размере 5 000 (пяти тысяч) рублей за счет стимулирующей части фонда оплаты труда.",
            "5. Контроль исполнения приказа оставляю за собой.",
        ],
        DocumentKind::OrderFinalEvent => &[
            "«14» мая 2021 г.",
            "№ 60",
            "О проведении итогового мероприятия в рамках реализации целевой модели наставничества",
            "1. Провести 21 мая 2021 г. школьный фестиваль наставнических практик «Вместе» в актовом зале.",
            "2. Утвердить программу итогового мероприятия (приложение 1).",
            "3. Назначить ответственными за подготовку и проведение мероприятия куратора ЦМН Е.В. Шевчук, классных руководителей.",
            "Программа итогового мероприятия",
            // Items with times, places and responsible: a table.
            "Время Мероприятие Место проведения Ответственные",
            "12:00–12:10 Открытие фестиваля, приветствие директора Директор А.В. Уханов",
            "13:00–13:20 Подведение итогов конкурсов «Наставник года» и «Лучшая пара» Актовый зал Куратор ЦМН Е.В. Шевчук",
        ],
        DocumentKind::Provision => &[
            "ПРИНЯТО",
            "педагогическим советом",
            "(протокол от 29.05.2020 № 8)",
            "УТВЕРЖДЕНО",
            "приказом МБОУ средняя школа № 9",
            "от 01.06.2020 № 47",
            "ПОЛОЖЕНИЕ",
            "о программе наставничества МБОУ средняя школа № 9",
            "1. Общие положения",
            "1.1. Настоящее положение о программе наставничества МБОУ средняя школа № 9",
            "1.3.5. наставник — участник программы наставничества",
            "2. Цели и задачи наставничества",
            "3.2. Руководство деятельностью наставников и контроль за реализацией программы наставничества осуществляет куратор, назначаемый приказом руководителя образовательной организации (куратор — заместитель директора Е.В. Шевчук).",
            "4.1. Программа наставничества реализуется в следующих формах: «ученик – ученик», «учитель – учитель», «учитель – ученик».",
            "5. Мониторинг и оценка результатов реализации программы наставничества",
            "6. Права и обязанности наставника",
            "7. Права и обязанности наставляемого",
            "8. Механизмы мотивации и поощрения наставников",
            "9. Документы, регламентирующие наставничество",
            "10.3. Положение размещается на официальном сайте образовательной организации в разделе «Наставничество».",
        ],
        DocumentKind::Programme => &[
            "ПРИНЯТА",
            "УТВЕРЖДЕНА",
            "приказом МБОУ средняя школа № 9",
            "ПРОГРАММА НАСТАВНИЧЕСТВА",
            "1. Пояснительная записка",
            "2.2.1. разработать и реализовать мероприятия плана (дорожной карты) внедрения целевой модели наставничества;",
            "5. Этапы реализации Программы",
            "6. Формы наставничества",
            "6.1. Форма наставничества «ученик – ученик»",
            "Портреты участников:",
            "Наставник Наставляемый",
            "активный ученик старшей ступени",
            "Вариации ролевых моделей:",
            "– успевающий – неуспевающий;",
            "– адаптированный – неадаптированный.",
            "6.2. Форма наставничества «учитель – учитель»",
            "6.3. Форма наставничества «учитель – ученик»",
            "7. Календарный план реализации Программы",
            "8. Мониторинг реализации Программы",
        ],
        DocumentKind::DevelopmentPlan => &[
            "УТВЕРЖДАЮ",
            "/Е.В. Шевчук/",
            "Индивидуальный план развития наставляемого",
            "Наставник: Петрова М.И., учитель математики",
            "Наставляемый: Соколова А.П., учитель начальных классов",
            "Форма наставничества: «учитель – учитель»",
            "Период: сентябрь 2020 г. – май 2021 г.",
            "Дата составления: 05.10.2020",
            "№ п/п Задача Мероприятие Срок Ожидаемый результат Отметка о выполнении",
            "1. Освоить построение урока по ФГОС Посещение и анализ уроков наставника октябрь 2020 г. Технологическая карта урока выполнено",
            "Наставник М.И. Петрова",
            "Наставляемый А.П. Соколова",
            "Индивидуальный план развития наставляемых",
            "Образовательная организация: МБОУ средняя школа № 9",
            "Наставник: Орлов Д.С., 10 «А» класс",
            "Наставляемые (группа):",
            "1) Иванов К.А., 7 «Б» класс;",
            "3) Фомина Д.И., 7 «В» класс.",
            "Основание: приказ МБОУ средняя школа № 9 от 28.09.2020 № 112 «Об утверждении наставнических пар (групп)»",
            "Наставляемый К.А. Иванов",
            "Наставляемый Д.И. Фомина",
            "Куратор Е.В. Шевчук",
            "Наставник: Ким Е.В., педагог-психолог",
        ],
        DocumentKind::MentorBase => &[
            "Документ содержит персональные данные участников программы наставничества, в том числе несовершеннолетних.",
            "База наставников МБОУ средняя школа № 9",
            "1. Петрова Мария Ивановна учитель математики педагог стаж 22 года, высшая категория получено «учитель – учитель» Соколова А.П.",
            "2. Орлов Денис Сергеевич 10 «А» класс обучающийся победитель регионального этапа олимпиады по физике получено «ученик – ученик» Иванов К.А., Лебедев А.О., Фомина Д.И.",
        ],
        DocumentKind::MenteeBase => &[
            "Документ содержит персональные данные",
            "База наставляемых МБОУ средняя школа № 9",
            "2. Иванов Кирилл Андреевич 7 «Б» класс обучающийся трудности с математикой получено «ученик – ученик» Орлов Д.С.",
            "5. Зайцев Максим Романович 5 «А» класс обучающийся адаптация в новом классе получено «учитель – ученик» Ким Е.В.",
            "6. Смирнова Вера Алексеевна 6 «А» класс обучающийся ждём согласия родителей; в пары не включается нет",
        ],
        _ => &[],
    })
}

const DOCS: [DocumentKind; 9] = [
    DocumentKind::OrderCurator,
    DocumentKind::OrderPairs,
    DocumentKind::OrderRewards,
    DocumentKind::OrderFinalEvent,
    DocumentKind::Provision,
    DocumentKind::Programme,
    DocumentKind::DevelopmentPlan,
    DocumentKind::MentorBase,
    DocumentKind::MenteeBase,
];

#[test]
fn every_kind_renders_from_the_sample_with_its_values() {
    let org = sample("school9-2020.yaml");
    for kind in DOCS {
        let expected = expected(kind);
        assert!(!expected.is_empty());
        let pdf = render(&org, kind, Format::Pdf);
        if let Some(text) = pdf_text(&pdf) {
            let hay = reading_text(&text, &["№ п/п Наставник (ФИО, должность) Наставляемый (ФИО, класс / должность) Форма наставничества Срок"]);
            assert_phrases_in(&hay, &text, &expected, &format!("{} PDF", kind.id()));
        }
        let docx = render(&org, kind, Format::Docx);
        let text = docx_text(&docx);
        // Clause numbers come from Word's numbering, read back as Word shows them.
        assert_phrases_in_order(&text, &expected, &format!("{} DOCX", kind.id()));
        if let Some(pdf) = docx_to_pdf_once(kind, &docx) {
            if let Some(text) = pdf_text(&pdf) {
                let hay = reading_text(&text, &[]);
                assert_phrases_in(
                    &hay,
                    &text,
                    &expected[..expected.len().min(4)],
                    &format!("{} DOCX in LibreOffice", kind.id()),
                );
            }
        }
    }
}

/// LibreOffice is slow to start: convert the orders with clause numbers only.
fn docx_to_pdf_once(kind: DocumentKind, docx: &[u8]) -> Option<Vec<u8>> {
    matches!(kind, DocumentKind::OrderCurator | DocumentKind::Provision)
        .then(|| docx_to_pdf(docx))
        .flatten()
}

#[test]
fn approval_stamps_agree_with_the_document() {
    let org = sample("school9-2020.yaml");
    let stamp = |kind| -> String {
        let doc = renderer().document(&org, kind).unwrap();
        doc.plain_text()
    };
    let provision = stamp(DocumentKind::Provision);
    assert!(provision.contains("УТВЕРЖДЕНО\n") && !provision.contains("УТВЕРЖДЕНА\n"));
    let programme = stamp(DocumentKind::Programme);
    assert!(
        programme.contains("УТВЕРЖДЕНА\n")
            && programme.contains("ПРИНЯТА\n")
            && !programme.contains("УТВЕРЖДЕНО\n")
    );
    assert!(stamp(DocumentKind::Roadmap).contains("УТВЕРЖДЕН\n"));
}

#[test]
fn a_group_is_one_mentor_cell_over_three_rows() {
    let org = sample("school9-2020.yaml");
    let group = &org.participants.pairs[1];
    assert_eq!(group.mentees.len(), 3);
    let docx = render(&org, DocumentKind::OrderPairs, Format::Docx);
    let xml = docx_part(&docx, "word/document.xml");
    // The group spans four cells (№, наставник, форма, срок) over its three rows.
    assert_eq!(xml.matches(r#"<w:vMerge w:val="restart" />"#).count(), 4);
    assert_eq!(
        xml.matches(r#"<w:vMerge w:val="continue" />"#).count(),
        4 * 2
    );
    let text = docx_text(&docx);
    assert_eq!(
        squeeze(&text).matches(&squeeze("Орлов Д.С.")).count(),
        1,
        "the mentor is named once"
    );
    let doc = renderer().document(&org, DocumentKind::OrderPairs).unwrap();
    let table = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            nastavnik_gen::ir::Block::Table(t) => Some(t),
            _ => None,
        });
    let table = table.unwrap();
    assert_eq!(table.rows.len(), 5);
    assert_eq!(table.rows[1].cells[1].row_span, 3);
    assert_eq!(
        table.rows[2].cells.len(),
        1,
        "covered rows hold only the mentee"
    );
    if let Some(text) = pdf_text(&render(&org, DocumentKind::OrderPairs, Format::Pdf)) {
        assert_eq!(squeeze(&text).matches(&squeeze("Орлов Д.С.")).count(), 1);
    }
}

#[test]
fn bases_stay_out_of_everything_not_asking_for_them() {
    let org = sample("school9-2020.yaml");
    assert!(!DocumentKind::MentorBase.is_public() && !DocumentKind::MenteeBase.is_public());
    let public: Vec<DocumentKind> = DocumentKind::ALL
        .into_iter()
        .filter(|k| k.is_public())
        .collect();
    assert_eq!(public.len(), DocumentKind::ALL.len() - 2);
    // What only the bases hold: full names of minors, their requests, consents.
    let private = [
        "Кирилл Андреевич",
        "трудности с математикой",
        "адаптация после перевода",
        "Максим Романович",
        "стаж 22 года",
    ];
    let mut unrendered = Vec::new();
    for kind in public.into_iter().filter(|k| k.fits(org.kind)) {
        let doc = match renderer().document(&org, kind) {
            Ok(doc) => doc,
            Err(nastavnik_gen::GenError::MissingData(_)) => {
                unrendered.push(kind);
                continue;
            }
            Err(other) => panic!("{}: {other}", kind.id()),
        };
        let text = doc.plain_text();
        for p in private {
            assert!(!text.contains(p), "{} shows «{p}»", kind.id());
        }
    }
    // Every public kind was read but the reports and the teachers' system,
    // which the sample has no data for.
    // School 9's положение is annex 2 of its order on implementation: no
    // order of its own.
    unrendered.retain(|k| !k.id().starts_with("teachers-"));
    assert_eq!(
        unrendered,
        [
            DocumentKind::OrderProvision,
            DocumentKind::ReportInterim,
            DocumentKind::ReportFinal
        ]
    );
    let base = renderer()
        .document(&org, DocumentKind::MenteeBase)
        .unwrap()
        .plain_text();
    assert!(private.iter().filter(|p| base.contains(*p)).count() >= 3);
}

#[test]
fn forms_are_normalised_and_unknown_ones_get_a_suggestion() {
    let org = sample("school9-2020.yaml");
    let forms: Vec<&str> = org.forms.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(
        forms,
        ["ученик – ученик", "учитель – учитель", "учитель – ученик"]
    );
    let yaml = std::fs::read_to_string(root().join("samples/school9-2020.yaml"))
        .unwrap()
        .replace("  - учитель — ученик\n", "  - учитель – учнеик\n");
    let loaded = nastavnik_core::load_str(&yaml, "school9.yaml").unwrap();
    let line = yaml.lines().position(|l| l.contains("учнеик")).unwrap() + 1;
    let w = loaded
        .warnings
        .iter()
        .map(ToString::to_string)
        .find(|w| w.contains("учнеик"))
        .expect("a warning");
    assert!(
        w.starts_with(&format!(
            "school9.yaml:{line}:5: предупреждение: поле «forms[2]»"
        )),
        "{w}"
    );
    assert!(
        w.contains("возможно, вы имели в виду «учитель – ученик»"),
        "{w}"
    );
}

#[test]
fn list_shows_every_kind() {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_nastavnik"))
        .arg("list")
        .output()
        .unwrap();
    let text = String::from_utf8(o.stdout).unwrap();
    for kind in DocumentKind::ALL {
        assert!(
            text.contains(kind.id()) && text.contains(kind.title()),
            "{}",
            kind.id()
        );
    }
}

/// A head's position written in lower case («директор») opens the signature's
/// line with a capital, in the PDF and the DOCX.
#[test]
fn the_signature_opens_with_a_capital() {
    let org = sample("berezovka-2023.yaml");
    assert_eq!(org.head.position.trim(), "директор");
    let pdf = render(&org, DocumentKind::OrderProvision, Format::Pdf);
    let docx = render(&org, DocumentKind::OrderProvision, Format::Docx);
    if let Some(text) = pdf_text(&pdf) {
        assert!(text.lines().any(|l| l.starts_with("Директор ")), "{text}");
        assert!(!text.lines().any(|l| l.starts_with("директор ")), "{text}");
    }
    let text = docx_text(&docx);
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("Директор\t")),
        "{text}"
    );
}
