//! One consistent set: `check` finds the contradictions between the
//! documents one file produces, each at the line of the field to change.

use nastavnik_core::load_str;

/// A school whose documents agree with each other.
const SCHOOL: &str = r#"kind: school
name: Муниципальное автономное общеобразовательное учреждение «Лицей № 2»
short_name: МАОУ «Лицей № 2»
head: { surname: Громова, name: Ирина, patronymic: Львовна, position: Директор }
council: { reference: решением педагогического совета, date: 28.08.2024, number: "1" }
orders:
  implementation: { number: "101-о", date: 2024-09-02, annexes: [provision, programme] }
  pairs: { number: "140-о", date: 2024-10-01 }
  provision: { number: "101-о", date: 2024-09-02 }
participants:
  mentors:
    - { id: belov, name: Белов Олег Петрович, role: учитель физики, category: педагог, consent: true }
  mentees:
    - { id: rudneva, name: Руднева Алиса Игоревна, role: 8 «Б» класс, category: обучающийся, consent: true }
    - { id: kotov, name: Котов Илья Андреевич, role: 8 «Б» класс, category: обучающийся, consent: false }
  pairs:
    - { mentor: belov, mentees: rudneva, form: учитель – ученик }
"#;

/// The errors of a file as `file:line:col: … поле «field»: message` lines.
fn errors(yaml: &str) -> String {
    match load_str(yaml, "licey.yaml") {
        Ok(_) => String::new(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_consistent_set_passes() {
    let loaded = load_str(SCHOOL, "licey.yaml").unwrap_or_else(|e| panic!("{e}"));
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
}

#[test]
fn a_pupil_without_consent_is_named_in_no_pair() {
    let yaml = SCHOOL.replace("mentees: rudneva,", "mentees: [rudneva, kotov],");
    let err = errors(&yaml);
    assert!(
        err.contains("licey.yaml:17:43:") && err.contains("participants.pairs[0].mentees[1]"),
        "{err}"
    );
    assert!(
        err.contains("И.А.» нет согласия на обработку персональных данных (consent: false)"),
        "{err}"
    );
    // Listed in the base with «нет» and paired with nobody: no contradiction.
    assert_eq!(errors(SCHOOL), "");
}

#[test]
fn documents_come_after_what_they_rest_on() {
    let pairs_first = SCHOOL.replace("date: 2024-10-01", "date: 2024-08-30");
    let err = errors(&pairs_first);
    assert!(
        err.contains("licey.yaml:8:") && err.contains("«orders.pairs.date»"),
        "{err}"
    );
    assert!(
        err.contains("приказ об утверждении наставнических пар датирован 30.08.2024, раньше приказа о внедрении целевой модели (02.09.2024 № 101-о)"),
        "{err}"
    );

    let adopted_late = SCHOOL.replace("date: 28.08.2024", "date: 05.09.2024");
    let err = errors(&adopted_late);
    assert!(
        err.contains("licey.yaml:5:") && err.contains("«council.date»"),
        "{err}"
    );
    assert!(err.contains("принимают до утверждения"), "{err}");

    let publish_before = SCHOOL.replace(
        "date: 2024-10-01 }",
        "date: 2024-10-01, publish_by: 2024-09-20 }",
    );
    let err = errors(&publish_before);
    assert!(err.contains("«orders.pairs.publish_by»"), "{err}");
}

#[test]
fn two_orders_of_one_year_never_share_a_number() {
    let yaml = SCHOOL.replace("number: \"140-о\"", "number: \"101-О\"");
    let err = errors(&yaml);
    assert!(
        err.contains("licey.yaml:8:") && err.contains("«orders.pairs.number»"),
        "{err}"
    );
    assert!(
        err.contains("номер № 101-О в 2024 году уже у приказа orders.implementation от 02.09.2024"),
        "{err}"
    );
    // The order on implementation approving the положение is one order
    // under one number (orders.provision repeats it), and a new year
    // starts the registry anew.
    let next_year = SCHOOL.replace(
        "{ number: \"140-о\", date: 2024-10-01 }",
        "{ number: \"101-о\", date: 2025-01-10 }",
    );
    assert_eq!(errors(&next_year), "");
}

#[test]
fn an_authority_is_never_given_a_schools_document() {
    use nastavnik_gen::{DocumentKind, GenError};
    let org = crate::common::sample("sharya-2020.yaml");
    for kind in DocumentKind::ALL {
        let result = crate::common::renderer().document(&org, kind);
        if kind.fits(nastavnik_core::OrganizationKind::Authority) {
            continue;
        }
        match result {
            Err(GenError::MissingData(message)) => assert!(
                message.contains("пишет образовательная организация (kind: school), а этот файл описывает орган управления образованием (kind: authority)")
                    && message.contains("order-implementation, order-final-event, roadmap"),
                "{}: {message}",
                kind.id()
            ),
            Ok(doc) => panic!(
                "{} rendered for an authority:\n{}",
                kind.id(),
                doc.plain_text()
            ),
            Err(other) => panic!("{}: {other}", kind.id()),
        }
    }
    // What fits it renders with its text.
    let order = crate::common::renderer()
        .document(&org, DocumentKind::OrderImplementation)
        .unwrap()
        .plain_text();
    assert!(!order.contains("педагогическим советом"), "{order}");
}
