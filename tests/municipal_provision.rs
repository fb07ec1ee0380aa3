//! The authority's own положение (`municipal-provision`): «Положение о
//! муниципальной системе (целевой модели) наставничества», its stamp from
//! the authority's order, its sections as data, the authority's name in the
//! cases the text needs, and the kinds an authority and a school are refused.

use crate::common::*;
use nastavnik_core::Prepared;
use nastavnik_gen::{DocumentKind, Format, GenError};

fn load(path: &str) -> Prepared {
    nastavnik_core::from_path(&root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn zarechny() -> Prepared {
    load("samples/municipal/zarechny-2025.yaml")
}

fn lugovoy() -> Prepared {
    load("samples/municipal/lugovoy-district-2025.yaml")
}

/// The DOCX text and, where pdftotext is installed, the PDF text of the
/// положение, each checked for `phrases` in order.
fn assert_both(org: &Prepared, phrases: &[String]) {
    let docx = render(org, DocumentKind::MunicipalProvision, Format::Docx);
    assert_phrases_in_order(&docx_text(&docx), phrases, "DOCX");
    let pdf = render(org, DocumentKind::MunicipalProvision, Format::Pdf);
    if let Some(text) = pdf_text(&pdf) {
        assert_phrases_in_order(&text, phrases, "PDF");
    }
}

#[test]
fn the_authoritys_provision_reads_in_pdf_and_docx() {
    assert_both(
        &zarechny(),
        &strings(&[
            // The stamp: the authority's own order on the положение, no council.
            "УТВЕРЖДЕНО",
            "приказом Управления образования администрации Заречного муниципального округа",
            "от 26.08.2024 № 215",
            "ПОЛОЖЕНИЕ",
            "о муниципальной системе наставничества в Заречном муниципальном округе",
            "1. Общие положения",
            "1.1. Настоящее положение (далее — Положение) определяет цели и задачи муниципальной системы наставничества в Заречном муниципальном округе",
            // Acts in force on 26.08.2024: not the Концепция of 2025.
            "в соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ",
            "в том числе с применением лучших практик обмена опытом между обучающимися».",
            "2. Цели и задачи",
            "3. Участники муниципальной системы наставничества",
            "Управление образования администрации Заречного муниципального округа (далее — Управление образования);",
            "Муниципальная методическая служба (далее — методическая служба);",
            "В реализации муниципальной системы наставничества участвуют образовательные организации:",
            "МБОУ «СОШ № 1 г. Заречного»;",
            "МАОУ «Гимназия № 2»;",
            "МКОУ «Ольховская ООШ».",
            "4. Функции участников",
            "4.1. Управление образования:",
            "назначает муниципального куратора и утверждает состав координационного совета по вопросам наставничества;",
            "представляют в Управление образования сведения",
            "5. Координация",
            "осуществляет Управление образования. Муниципальный куратор назначается приказом Управления образования (муниципальный куратор — главный специалист управления образования Н.В. Лапина).",
            "при Управлении образования создается координационный совет по вопросам наставничества (далее — координационный совет) в составе:",
            "председатель — Корнилова С.Ю., начальник управления образования;",
            "члены координационного совета — Лапина Н.В., главный специалист управления образования; Громова И.П., методист муниципальной методической службы; Юдин П.А., директор МБОУ «СОШ № 1 г. Заречного».",
            "Заседания проводятся не реже двух раз в год",
            "6. Мониторинг",
            "проводится Управлением образования совместно с методической службой",
            // The pupils' target is the analytic report's; the teachers' is the provision's own.
            "(целевой показатель — не менее 30 % к 2027 году);",
            "(целевой показатель — не менее 50 % к 2027 году);",
            "составляет аналитическую справку о реализации целевой модели наставничества в Заречном муниципальном округе (далее — аналитическая справка)",
            "и на заседании координационного совета",
            "7. Заключительные положения",
            "со дня его утверждения приказом Управления образования",
        ]),
    );
    let text = renderer()
        .document(&zarechny(), DocumentKind::MunicipalProvision)
        .unwrap()
        .plain_text();
    assert!(
        !text.contains("1264-р"),
        "an act of 2025 in a положение of 2024"
    );
    // An authority's положение is adopted by no pedagogical council.
    assert!(!text.contains("ПРИНЯТО"), "{text}");
    assert!(!text.contains("педагогическим советом"), "{text}");
}

#[test]
fn another_authority_declines_its_own_name_and_model() {
    let org = lugovoy();
    assert_both(
        &org,
        &strings(&[
            "УТВЕРЖДЕНО",
            // No name_genitive in the file: the dictionary declines the full name.
            "приказом Отдела образования администрации Луговского муниципального района",
            "от 20.08.2025 № 35-од",
            "ПОЛОЖЕНИЕ",
            "о муниципальной целевой модели наставничества обучающихся и педагогических работников Луговского муниципального района",
            "муниципальной целевой модели наставничества в Луговском муниципальном районе",
            // The authority's choice, in force on 20.08.2025; then the regional act.
            "№ 1264-р",
            "приказом Министерства образования Тверской области от 15.02.2021 № 201/ПК",
            "муниципальный куратор — специалист Отдела образования, который координирует реализацию муниципальной целевой модели наставничества.",
            "Муниципальная целевая модель наставничества охватывает",
            "Отдел образования администрации Луговского муниципального района (далее — Отдел образования);",
            "Районный методический центр (далее — методическая служба);",
            "осуществляет Отдел образования.",
            "приказом Отдела образования (муниципальный куратор — ведущий специалист отдела образования Д.И. Сорокин).",
            // No council: the heads' meetings.
            "рассматриваются на совещаниях руководителей образовательных организаций при Отделе образования.",
            "проводится Отделом образования совместно с методической службой",
            "(целевой показатель — не менее 70 % к 2030 году);",
            "(целевой показатель — не менее 60 % к 2030 году);",
            "в Луговском муниципальном районе (далее — аналитическая справка)",
            "на официальном сайте Отдела образования.",
        ]),
    );
    let text = renderer()
        .document(&org, DocumentKind::MunicipalProvision)
        .unwrap()
        .plain_text();
    assert!(!text.contains("координационн"), "no council in this file");
}

#[test]
fn the_sections_are_data() {
    let doc = renderer()
        .document(&lugovoy(), DocumentKind::MunicipalProvision)
        .unwrap();
    let headings: Vec<String> = heading_texts(&doc)
        .into_iter()
        .filter(|h| h.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .collect();
    // «Функции участников» dropped, «Поощрение наставников» inserted after
    // the monitoring; numbers follow.
    assert_eq!(
        headings,
        strings(&[
            "1. Общие положения",
            "2. Цели и задачи",
            "3. Участники муниципальной целевой модели наставничества",
            "4. Координация",
            "5. Мониторинг",
            "6. Поощрение наставников",
            "7. Заключительные положения",
        ])
    );
    assert_both(
        &lugovoy(),
        &strings(&[
            "6. Поощрение наставников",
            "6.1. Наставники, показавшие высокие результаты, поощряются благодарностью Отдела образования",
            "6.2. Ежегодно по итогам учебного года Районный методический центр:",
            "6.2.1. проводит районный фестиваль наставнических практик «Вместе»;",
            "7. Заключительные положения",
        ]),
    );

    // A key the положение does not have names the field and the keys it has.
    let mut org = lugovoy().into_organization();
    let sections = org
        .orders
        .provision
        .as_mut()
        .unwrap()
        .sections
        .as_mut()
        .unwrap();
    sections.drop = vec!["coordinaton".into()];
    match renderer().document(&prepared(org), DocumentKind::MunicipalProvision) {
        Err(e) => {
            let m = e.to_string();
            assert!(
                m.contains("orders.provision.sections.drop[0]")
                    && m.contains("coordination")
                    && m.contains("monitoring"),
                "{m}"
            );
        }
        Ok(_) => panic!("an unknown section was dropped silently"),
    }
}

#[test]
fn kinds_that_do_not_fit_are_refused_both_ways() {
    // An authority still gets no school положение, and is told its own kind.
    match renderer().document(&zarechny(), DocumentKind::Provision) {
        Err(GenError::MissingData(m)) => assert!(
            m.contains("пишет образовательная организация (kind: school), а этот файл описывает орган управления образованием (kind: authority)")
                && m.contains("municipal-provision"),
            "{m}"
        ),
        other => panic!("{other:?}"),
    }
    // A school gets no municipal положение.
    let school = load("samples/municipal/schools/sosh1-zarechny.yaml");
    match renderer().document(&school, DocumentKind::MunicipalProvision) {
        Err(GenError::MissingData(m)) => assert!(
            m.contains("«Положение о муниципальной системе (целевой модели) наставничества» пишет орган управления образованием (kind: authority), а этот файл описывает образовательную организацию (kind: school)")
                && m.contains("provision"),
            "{m}"
        ),
        other => panic!("{other:?}"),
    }
    assert!(DocumentKind::MunicipalProvision.applies_to(zarechny().organization()));
    assert!(!DocumentKind::MunicipalProvision.applies_to(school.organization()));
}

/// An authority invented here, in no sample: a city district with its own
/// stamps, acts as a list, a council named in its own words and a key that
/// is not in `people`.
const CITY: &str = r#"
kind: authority
name: Комитет по образованию администрации города Озёрска
short_name: Комитет по образованию
territory: { name: городской округ город Озёрск }
head: { surname: Рябинина, name: Ольга, patronymic: Сергеевна, gender: female, position: Председатель комитета по образованию }
people:
  belov: { surname: Белов, name: Артём, patronymic: Олегович, position: главный специалист комитета }
curator: belov
style: { acts: list }
municipal:
  council: { name: Муниципальный совет наставников, head: belov, members: [belov, nobody], meets: ежеквартально }
orders:
  provision:
    number: 12/1-п
    date: 2026-02-02
    approvals:
      - { kind: утверждено }
      - { kind: согласовано, by: с Муниципальным советом наставников, date: 2026-01-30 }
"#;

#[test]
fn an_invented_authority_and_what_check_asks_of_it() {
    let org = nastavnik_core::from_yaml_str(CITY, "city.yaml").unwrap();
    // The council names a key that is not in people: check and render say where.
    let missing = nastavnik_core::check::needs::missing(&org, "municipal-provision");
    assert_eq!(
        missing.iter().map(|m| m.field).collect::<Vec<_>>(),
        ["municipal.council"]
    );
    match renderer().document(&org, DocumentKind::MunicipalProvision) {
        Err(GenError::MissingData(m)) => assert!(m.contains("municipal.council"), "{m}"),
        other => panic!("{other:?}"),
    }
    let fixed = CITY.replace("members: [belov, nobody]", "members: [belov]");
    let org = nastavnik_core::from_yaml_str(&fixed, "city.yaml").unwrap();
    assert_both(
        &org,
        &strings(&[
            "УТВЕРЖДЕНО",
            "приказом Комитета по образованию администрации города Озёрска",
            "от 02.02.2026 № 12/1-п",
            "СОГЛАСОВАНО",
            "с Муниципальным советом наставников",
            "о муниципальной системе наставничества в городском округе город Озёрск",
            // Acts as a dash list, in force on 02.02.2026.
            "Положение разработано в соответствии со следующими документами:",
            "— Федеральный закон от 29 декабря 2012 года № 273-ФЗ",
            "1264-р",
            "Комитет по образованию администрации города Озёрска (далее — Комитет по образованию);",
            "муниципальная методическая служба (далее — методическая служба);",
            "при Комитете по образованию создается муниципальный совет наставников (далее — координационный совет) в составе:",
            "председатель — Белов А.О., главный специалист комитета.",
            "Заседания проводятся ежеквартально",
            "проводится Комитетом по образованию совместно с методической службой",
            // No targets anywhere: the federal 70 %, no year, no teachers' target.
            "(целевой показатель — не менее 70 %);",
            "за которыми закреплены наставники;",
        ]),
    );
    // A share over 100 %, and a target the analytic report contradicts.
    let wrong = fixed.replace(
        "meets: ежеквартально }",
        "meets: ежеквартально }\n  targets: { pupils: 75, young_teachers: 120 }\nreports:\n  municipal: { period: за 2026 год, figures: { target: 70 } }",
    );
    let org = nastavnik_core::from_yaml_str(&wrong, "city.yaml").unwrap();
    let missing = nastavnik_core::check::needs::missing(&org, "municipal-provision");
    assert_eq!(
        missing.iter().map(|m| m.field).collect::<Vec<_>>(),
        ["municipal.targets", "municipal.targets.pupils"]
    );
    // Without a territory the положение cannot name its municipality.
    let bare = fixed.replace("territory: { name: городской округ город Озёрск }\n", "");
    let org = nastavnik_core::from_yaml_str(&bare, "city.yaml").unwrap();
    match renderer().document(&org, DocumentKind::MunicipalProvision) {
        Err(GenError::MissingData(m)) => assert!(m.contains("поле «territory»"), "{m}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn check_offers_the_kind_to_an_authority() {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_nastavnik"))
        .current_dir(root())
        .args(["check", "samples/municipal/lugovoy-district-2025.yaml"])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{out}");
    let can = out
        .lines()
        .find(|l| l.contains("можно сделать:"))
        .unwrap_or_default();
    assert!(can.contains("municipal-provision"), "{out}");
}

#[test]
fn the_authoritys_words_are_printed_as_written() {
    let hostile = CITY
        .replace("members: [belov, nobody]", "members: [belov]")
        .replace(
            "short_name: Комитет по образованию",
            "short_name: \"Комитет *по* {{ 7*7 }} # [ссылка](http://x) <w:p/> #set page(width: 1cm)\"",
        )
        .replace(
            "name: Муниципальный совет наставников,",
            "name: \"Совет _наставников_ \\\\ {% if true %}да{% endif %}\",",
        );
    let org = nastavnik_core::from_yaml_str(&hostile, "city.yaml").unwrap();
    let doc = renderer()
        .document(&org, DocumentKind::MunicipalProvision)
        .unwrap();
    let text = doc.plain_text();
    assert!(
        !text.contains("49"),
        "a template expression in data was evaluated"
    );
    for literal in [
        "Комитет *по* {{ 7*7 }} # [ссылка](http://x) <w:p/> #set page(width: 1cm)",
        "{% if true %}да{% endif %}",
    ] {
        assert!(
            text.contains(literal),
            "{literal} not printed as written:\n{text}"
        );
    }
    // The structure is the template's: the same seven sections.
    let sections = heading_texts(&doc)
        .into_iter()
        .filter(|h| h.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .count();
    assert_eq!(sections, 7);
    let docx = render(&org, DocumentKind::MunicipalProvision, Format::Docx);
    assert!(docx_text(&docx).contains("<w:p/>"));
    assert!(!render(&org, DocumentKind::MunicipalProvision, Format::Pdf).is_empty());
}

/// A service whose name ends in its own bracket («МБУ Центр ППМСП (ММС)»)
/// takes «далее —» inside that bracket, not in a second one; a name without
/// a bracket keeps its own.
#[test]
fn hereinafter_joins_a_bracket_the_name_already_has() {
    let sharya = load("samples/sharya-2020.yaml");
    assert_both(
        &sharya,
        &strings(&["МБУ Центр ППМСП (ММС; далее — методическая служба);"]),
    );
    let docx = render(&sharya, DocumentKind::MunicipalProvision, Format::Docx);
    assert!(!docx_text(&docx).contains(") (далее"));
    assert_both(
        &lugovoy(),
        &strings(&["Районный методический центр (далее — методическая служба);"]),
    );
}
