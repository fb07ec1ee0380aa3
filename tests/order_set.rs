//! The orders of one file as one consistent set: the orders on the
//! положение and the программа (the document annexed), stamps that cite an
//! order approving the document, the curator appointed once, «С приказом
//! ознакомлены» listing whom the points name, dates in a possible order.
//! Proved on an invented school, not only on the samples.

use nastavnik_core::load_str;
use nastavnik_gen::DocumentKind;

use crate::common::{assert_phrases_in_order, both, renderer, sample, squeeze, strings};

/// An invented school: a curator, a working group, staff and pupils in
/// pairs, and every order of the set, each in a consistent place.
const SCHOOL: &str = r#"kind: school
name: Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 4 с. Ключи»
short_name: МБОУ «СОШ № 4 с. Ключи»
head: { surname: Ершова, name: Галина, patronymic: Петровна, position: Директор }
people:
  ershova: { surname: Ершова, name: Галина, patronymic: Петровна, position: директор }
  zorina: { surname: Зорина, name: Ольга, patronymic: Николаевна, position: заместитель директора по воспитательной работе }
  mukhin: { surname: Мухин, name: Артём, patronymic: Ильич, position: учитель информатики }
  yakovleva: { surname: Яковлева, name: Дина, patronymic: Руслановна, position: социальный педагог }
curator: zorina
forms: [учитель – учитель, ученик – ученик]
council: { reference: педагогическим советом, date: 27.08.2025, number: "1" }
roadmap: { from_default: true, period: 2025/2026 }
orders:
  implementation:
    number: "210-о"
    date: 2025-09-01
    start: 2025-09-01
    working_group: { head: zorina, members: [mukhin, yakovleva, ershova] }
  curator: { number: "205-о", date: 2025-08-29 }
  provision:
    number: "211-о"
    date: 2025-09-01
    start: 2025-09-02
    repeals:
      - { name: приказ, number: "96", date: 01.09.2021, title: Об утверждении положения о наставничестве }
  programme: { number: "212-о", date: 2025-09-01 }
  pairs: { number: "230-о", date: 2025-10-01, start: 2025-10-15 }
  rewards:
    number: "118-о"
    date: 2026-05-25
    rewards:
      - { who: sedov, reward: объявить благодарность, reason: за работу с молодым специалистом }
      - { who: danilin, reward: наградить грамотой, reason: за помощь младшим школьникам }
      - { who: ershova, reward: объявить благодарность }
  final_event:
    number: "110-о"
    date: 2026-05-12
    event:
      title: итоговая конференция наставников
      date: 2026-05-20
      responsible: [{ person: yakovleva }, { person: zorina }, классные руководители]
participants:
  mentors:
    - { id: sedov, name: Седов Игорь Маратович, role: учитель истории, category: педагог, consent: true }
    - { id: danilin, name: Данилин Ярослав Олегович, role: 11 «Б» класс, category: обучающийся, consent: true }
  mentees:
    - { id: kireeva, name: Киреева Полина Андреевна, role: учитель биологии, category: молодой специалист, consent: true }
    - { id: popov, name: Попов Денис Витальевич, role: 6 «А» класс, category: обучающийся, consent: true }
  pairs:
    - { mentor: sedov, mentees: kireeva, form: учитель – учитель }
    - { mentor: danilin, mentees: popov, form: ученик – ученик }
"#;

fn school(yaml: &str) -> nastavnik_core::Prepared {
    match load_str(yaml, "klyuchi.yaml") {
        Ok(loaded) => {
            assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
            loaded.organization
        }
        Err(e) => panic!("{e}"),
    }
}

/// The errors of a file, as `check` prints them.
fn errors(yaml: &str) -> String {
    match load_str(yaml, "klyuchi.yaml") {
        Ok(_) => String::new(),
        Err(e) => e.to_string(),
    }
}

/// The warnings of a file that loads, as «field: message» lines.
fn warnings(yaml: &str) -> String {
    let loaded = load_str(yaml, "klyuchi.yaml").unwrap_or_else(|e| panic!("{e}"));
    loaded
        .warnings
        .iter()
        .map(|w| format!("{}: {}\n", w.field, w.message))
        .collect()
}

/// The names under «С приказом ознакомлены:», in the document model.
fn acquainted(org: &nastavnik_core::Prepared, kind: DocumentKind) -> String {
    let text = renderer()
        .document(org, kind)
        .expect("document builds")
        .plain_text()
        .replace('\u{a0}', " ");
    let after = text
        .split("С приказом ознакомлены:")
        .nth(1)
        .unwrap_or_else(|| panic!("{kind:?}: no acquaintance list in\n{text}"));
    after
        .lines()
        .map(|l| l.split("____").next().unwrap_or_default().trim())
        .take_while(|l| !l.starts_with("Приложение"))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn the_order_on_the_provision_approves_it_as_its_annex_in_pdf_and_docx() {
    let org = school(SCHOOL);
    let phrases = strings(&[
        "ПРИКАЗ",
        "№ 211-о",
        "Об утверждении положения о программе наставничества",
        "ПРИКАЗЫВАЮ:",
        "1. Утвердить положение о программе наставничества МБОУ «СОШ № 4 с. Ключи» (приложение 1).",
        "2. Ввести положение в действие с 2 сентября 2025 года.",
        "3. Признать утратившим силу приказ от 01.09.2021 № 96 «Об утверждении положения о наставничестве».",
        "4. Куратору внедрения целевой модели наставничества О.Н. Зориной ознакомить с положением педагогических работников",
        "5. Разместить положение на официальном сайте МБОУ «СОШ № 4 с. Ключи» в разделе «Наставничество».",
        "6. Контроль исполнения приказа оставляю за собой.",
        "С приказом ознакомлены:",
        "О.Н. Зорина",
        "Приложение 1",
        "к приказу МБОУ «СОШ № 4 с. Ключи»",
        "от 01.09.2025 № 211-о",
        "ПОЛОЖЕНИЕ",
        "1. Общие положения",
        "1.1. Настоящее положение",
    ]);
    for (text, what) in both(&org, DocumentKind::OrderProvision) {
        assert_phrases_in_order(&text, &phrases, what);
        // The annex mark stands for the положение's own stamps.
        assert!(!squeeze(&text).contains("УТВЕРЖДЕНО"), "{what}");
    }
    // The положение itself cites this order in its stamp.
    for (text, what) in both(&org, DocumentKind::Provision) {
        assert_phrases_in_order(
            &text,
            &strings(&[
                "ПРИНЯТО",
                "(протокол от 27.08.2025 № 1)",
                "УТВЕРЖДЕНО",
                "от 01.09.2025 № 211-о",
            ]),
            what,
        );
    }
}

#[test]
fn the_order_on_the_programme_approves_it_as_its_annex_in_pdf_and_docx() {
    let org = school(SCHOOL);
    let phrases = strings(&[
        "№ 212-о",
        "Об утверждении программы наставничества",
        "положением о программе наставничества МБОУ «СОШ № 4 с. Ключи»",
        "1. Утвердить программу наставничества МБОУ «СОШ № 4 с. Ключи» на 2025/2026 учебный год (приложение 1).",
        "2. Ввести программу в действие со дня подписания настоящего приказа.",
        "3. Куратору внедрения целевой модели наставничества О.Н. Зориной ознакомить с программой",
        "4. Разместить программу на официальном сайте",
        "Приложение 1",
        "от 01.09.2025 № 212-о",
        "ПРОГРАММА НАСТАВНИЧЕСТВА",
    ]);
    for (text, what) in both(&org, DocumentKind::OrderProgramme) {
        assert_phrases_in_order(&text, &phrases, what);
        assert!(!text.contains("Признать утратившим"), "{what}");
    }
}

#[test]
fn two_repealed_acts_are_a_list() {
    let yaml = SCHOOL.replace(
        "      - { name: приказ, number: \"96\"",
        "      - { name: положение о наставничестве, number: \"3\", date: 30.08.2021 }\n      - { name: приказ, number: \"96\"",
    );
    let org = school(&yaml);
    for (text, what) in both(&org, DocumentKind::OrderProvision) {
        assert_phrases_in_order(
            &text,
            &strings(&[
                "3. Признать утратившими силу:",
                "3.1. положение о наставничестве от 30.08.2021 № 3;",
                "3.2. приказ от 01.09.2021 № 96 «Об утверждении положения о наставничестве».",
            ]),
            what,
        );
    }
}

#[test]
fn the_sample_stamp_cites_the_order_on_the_provision_and_that_order_renders() {
    // Берёзовка: «УТВЕРЖДАЮ … Приказ от 30.08.2023 № 112» cites orders.provision.
    let org = sample("berezovka-2023.yaml");
    for (text, what) in both(&org, DocumentKind::OrderProvision) {
        assert_phrases_in_order(
            &text,
            &strings(&[
                "№ 112",
                "Об утверждении положения о программе наставничества",
                "1. Утвердить положение о программе наставничества МКОУ «Берёзовская СОШ» (приложение 1).",
                "Приложение 1",
                "от 30.08.2023 № 112",
                "ПОЛОЖЕНИЕ",
            ]),
            what,
        );
    }
    for (text, what) in both(&org, DocumentKind::Provision) {
        assert!(
            squeeze(&text).contains("Приказот30.08.2023№112"),
            "{what}: {text}"
        );
    }
}

#[test]
fn an_authority_gets_no_order_on_a_school_provision() {
    let org = sample("sharya-2020.yaml");
    let err = renderer()
        .document(&org, DocumentKind::OrderProvision)
        .unwrap_err()
        .to_string();
    assert!(err.contains("пишет образовательная организация"), "{err}");
}

#[test]
fn a_provision_approved_by_the_order_on_implementation_is_its_annex_not_an_order_of_its_own() {
    // School 9: orders.provision is order № 47, the order on implementation.
    let org = sample("school9-2020.yaml");
    let missing = nastavnik_core::check::needs::missing(&org, "order-provision");
    assert_eq!(missing[0].field, "orders.provision", "{missing:?}");
    assert!(missing[0].what.contains("утверждено приказом о внедрении"));
    for (text, what) in both(&org, DocumentKind::OrderImplementation) {
        assert_phrases_in_order(
            &text,
            &strings(&[
                "3. Утвердить положение о программе наставничества МБОУ средняя школа № 9 (приложение 2).",
                "Приложение 2",
                "от 01.06.2020 № 47",
                "ПОЛОЖЕНИЕ",
            ]),
            what,
        );
    }
}

#[test]
fn every_stamp_cites_an_order_that_approves_the_document() {
    // A stamp citing the order on pairs.
    let yaml = SCHOOL.replace(
        "    start: 2025-09-02\n",
        "    start: 2025-09-02\n    approvals: [{ kind: принято }, { kind: утверждено, document: pairs }]\n",
    );
    let err = errors(&yaml);
    assert!(
        err.contains("«orders.provision.approvals[1].document»")
            && err.contains("гриф ссылается на приказ orders.pairs (01.10.2025 № 230-о), а этот приказ положение не утверждает"),
        "{err}"
    );
    // A number written in the stamp that no order of the file has.
    let yaml = SCHOOL.replace(
        "    start: 2025-09-02\n",
        "    start: 2025-09-02\n    approvals: [{ kind: утверждено, number: \"299\", date: 01.09.2025 }]\n",
    );
    let err = errors(&yaml);
    assert!(
        err.contains("«orders.provision.approvals[0].number»")
            && err
                .contains("в файле нет приказа от 01.09.2025 № 299, которым положение утверждено"),
        "{err}"
    );
    // The order on implementation, cited, approves the положение only as its annex.
    let yaml = SCHOOL.replace(
        "    start: 2025-09-02\n",
        "    start: 2025-09-02\n    approvals: [{ kind: утверждено, document: implementation }]\n",
    );
    assert!(
        errors(&yaml).contains("добавьте provision в orders.implementation.annexes"),
        "{}",
        errors(&yaml)
    );
}

#[test]
fn the_order_on_implementation_that_is_the_provisions_order_annexes_it() {
    // orders.provision is order № 210-о, and its annexes are listed without it.
    let yaml = SCHOOL
        .replace(
            "    number: \"211-о\"\n    date: 2025-09-01\n",
            "    number: \"210-о\"\n    date: 2025-09-01\n",
        )
        .replace(
            "    start: 2025-09-01\n    working_group",
            "    start: 2025-09-01\n    annexes: [roadmap, working_group]\n    working_group",
        );
    let err = errors(&yaml);
    assert!(
        err.contains("«orders.provision.number»")
            && err.contains("это приказ о внедрении, а в его приложениях положения нет"),
        "{err}"
    );
    // Two orders approving one положение.
    let yaml = SCHOOL.replace(
        "    start: 2025-09-01\n    working_group",
        "    start: 2025-09-01\n    annexes: [roadmap, provision]\n    working_group",
    );
    let err = errors(&yaml);
    assert!(
        err.contains("«orders.implementation.annexes»")
            && err.contains("положение утверждают два приказа"),
        "{err}"
    );
    // Without an order of its own the stamp would cite the order on implementation.
    let yaml = SCHOOL.replace("  programme: { number: \"212-о\", date: 2025-09-01 }\n", "");
    let w = warnings(&yaml);
    assert!(
        w.contains("orders.implementation: гриф программы «УТВЕРЖДЕНО приказом от 01.09.2025 № 210-о» ссылается на приказ о внедрении"),
        "{w}"
    );
}

#[test]
fn the_curator_is_appointed_once() {
    let org = school(SCHOOL);
    for (text, what) in both(&org, DocumentKind::OrderImplementation) {
        assert_phrases_in_order(
            &text,
            &strings(&[
                "ПРИКАЗЫВАЮ:",
                "Куратору внедрения целевой модели наставничества в МБОУ «СОШ № 4 с. Ключи» О.Н. Зориной (назначена приказом от 29.08.2025 № 205-о) обеспечить",
            ]),
            what,
        );
        assert!(
            !squeeze(&text).contains("Назначитькуратором"),
            "{what}: {text}"
        );
    }
    // The order on the curator appoints her.
    for (text, what) in both(&org, DocumentKind::OrderCurator) {
        assert!(squeeze(&text).contains("1.Назначитькуратором"), "{what}");
    }
    // A male curator: «назначен».
    let yaml = SCHOOL.replace("curator: zorina", "curator: mukhin");
    let text = renderer()
        .document(&school(&yaml), DocumentKind::OrderImplementation)
        .unwrap()
        .plain_text()
        .replace('\u{a0}', " ");
    assert!(
        text.contains("А.И. Мухину (назначен приказом от 29.08.2025 № 205-о)"),
        "{text}"
    );
    // A YAML that writes the appointing point itself is told which point to drop.
    let yaml = SCHOOL.replace(
        "    start: 2025-09-01\n    working_group",
        "    start: 2025-09-01\n    points: { replace: { curator: Назначить куратором О.Н. Зорину. } }\n    working_group",
    );
    let w = warnings(&yaml);
    assert!(
        w.contains("orders.implementation.points: куратора назначает приказ orders.curator (29.08.2025 № 205-о)")
            && w.contains("points: {drop: [curator]}"),
        "{w}"
    );
    // Dropping it is what the hint asks: no warning, and no appointment.
    let yaml = SCHOOL.replace(
        "    start: 2025-09-01\n    working_group",
        "    start: 2025-09-01\n    points: { drop: [curator] }\n    working_group",
    );
    let text = renderer()
        .document(&school(&yaml), DocumentKind::OrderImplementation)
        .unwrap()
        .plain_text();
    assert!(!text.contains("Назначить куратором"), "{text}");
    // The order cited is signed before the order that cites it.
    let yaml = SCHOOL.replace(
        "curator: { number: \"205-о\", date: 2025-08-29 }",
        "curator: { number: \"215-о\", date: 2025-09-05 }",
    );
    let err = errors(&yaml);
    assert!(
        err.contains("«orders.curator.date»")
            && err.contains("ссылается на приказ о назначении куратора, а тот датирован позже"),
        "{err}"
    );
}

#[test]
fn the_acquainted_are_whom_the_points_name() {
    let org = school(SCHOOL);
    // The curator, then the working group; the head (a member) signs the order itself.
    assert_eq!(
        acquainted(&org, DocumentKind::OrderImplementation),
        "О.Н. Зорина; А.И. Мухин; Д.Р. Яковлева"
    );
    // Staff in the pairs, then the curator; the pupils never.
    assert_eq!(
        acquainted(&org, DocumentKind::OrderPairs),
        "И.М. Седов; П.А. Киреева; О.Н. Зорина"
    );
    // The rewarded staff: the pupil and the head are left out.
    assert_eq!(acquainted(&org, DocumentKind::OrderRewards), "И.М. Седов");
    // The event's responsible, in their order.
    assert_eq!(
        acquainted(&org, DocumentKind::OrderFinalEvent),
        "Д.Р. Яковлева; О.Н. Зорина"
    );
    assert_eq!(acquainted(&org, DocumentKind::OrderCurator), "О.Н. Зорина");
    // `acquainted:` written in the YAML wins.
    let yaml = SCHOOL.replace(
        "  pairs: { number: \"230-о\", date: 2025-10-01, start: 2025-10-15 }",
        "  pairs: { number: \"230-о\", date: 2025-10-01, start: 2025-10-15, acquainted: [yakovleva] }",
    );
    assert_eq!(
        acquainted(&school(&yaml), DocumentKind::OrderPairs),
        "Д.Р. Яковлева"
    );
    // In both backends.
    for (text, what) in both(&org, DocumentKind::OrderPairs) {
        assert_phrases_in_order(
            &text,
            &strings(&[
                "С приказом ознакомлены:",
                "И.М. Седов",
                "П.А. Киреева",
                "О.Н. Зорина",
            ]),
            what,
        );
        assert!(
            !text.contains("Д.О. Данилин") && !text.contains("Д.В. Попов"),
            "{what}"
        );
    }
}

#[test]
fn dates_of_the_set_come_in_a_possible_order() {
    // The order on pairs cites the положение: not before its order.
    let yaml = SCHOOL.replace(
        "  provision:\n    number: \"211-о\"\n    date: 2025-09-01\n    start: 2025-09-02\n",
        "  provision:\n    number: \"231-о\"\n    date: 2025-10-03\n    start: 2025-10-03\n",
    );
    let err = errors(&yaml);
    assert!(
        err.contains("«orders.pairs.date»")
            && err.contains("ссылается на положение о программе наставничества, а оно утверждено позже — приказом от 03.10.2025 № 231-о"),
        "{err}"
    );
    // ПРИНЯТО with its own date after the order that approves.
    let yaml = SCHOOL.replace(
        "    start: 2025-09-02\n",
        "    start: 2025-09-02\n    approvals: [{ kind: принято, by: педагогическим советом, number: \"2\", date: 03.09.2025 }, { kind: утверждено }]\n",
    );
    let err = errors(&yaml);
    assert!(
        err.contains("«orders.provision.approvals[0].date»")
            && err.contains("принимают до утверждения"),
        "{err}"
    );
    // Put into force before it is signed: a warning.
    let yaml = SCHOOL.replace("    start: 2025-09-02\n", "    start: 2025-08-20\n");
    assert!(
        warnings(&yaml).contains(
            "orders.provision.start: положение вводится в действие с 20.08.2025, раньше приказа"
        ),
        "{}",
        warnings(&yaml)
    );
    // The council adopts before the order on implementation approves the положение as its annex.
    let yaml = SCHOOL
        .replace(
            "  provision:\n    number: \"211-о\"\n    date: 2025-09-01\n    start: 2025-09-02\n    repeals:\n      - { name: приказ, number: \"96\", date: 01.09.2021, title: Об утверждении положения о наставничестве }\n",
            "",
        )
        .replace(
            "    start: 2025-09-01\n    working_group",
            "    start: 2025-09-01\n    annexes: [roadmap, provision]\n    working_group",
        )
        .replace("date: 27.08.2025", "date: 04.09.2025");
    let err = errors(&yaml);
    assert!(
        err.contains("«council.date»")
            && err.contains(
                "педагогический совет принял положение 04.09.2025, позже приказа о внедрении"
            ),
        "{err}"
    );
    // A report written before the period it reports on.
    let yaml = format!(
        "{SCHOOL}reports:\n  interim: {{ period: по итогам 1 полугодия 2025–2026 учебного года, as_of: 2025-08-25 }}\n"
    );
    let err = errors(&yaml);
    assert!(
        err.contains("«reports.interim.as_of»") && err.contains("до начала периода дорожной карты"),
        "{err}"
    );
}

#[test]
fn the_sample_sets_and_the_starter_are_consistent() {
    for name in [
        "school9-2020.yaml",
        "ozyorsk-school-2024.yaml",
        "kamenny-brod-2025.yaml",
        "berezovka-2023.yaml",
    ] {
        let path = crate::common::root().join("samples").join(name);
        let loaded = nastavnik_core::load_path(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(loaded.warnings.is_empty(), "{name}: {:#?}", loaded.warnings);
    }
    // A starter with its blanks filled approves the roadmap, the положение
    // and the программа by its first order, and says nothing against it.
    let starter = nastavnik_core::load::starter::starter_yaml(
        "МБОУ «СОШ № 4 с. Ключи»",
        nastavnik_core::OrganizationKind::School,
        2026,
    );
    assert!(
        starter.contains("annexes: [roadmap, provision, programme]"),
        "{starter}"
    );
}

/// `check` reports a bad annex of the order on the положение (it builds
/// `order-provision` as `render` does), with its place, and calls none of
/// that order's fields idle.
#[test]
fn check_reads_the_annexes_of_the_order_on_the_provision() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        std::fs::read_to_string(crate::common::root().join("samples/berezovka-2023.yaml")).unwrap();
    let marker = "  provision:                    # приказ, которым утверждено положение, и его грифы\n    number: \"112\"\n    date: 30.08.2023\n";
    assert!(text.contains(marker), "the sample's orders.provision");
    let text = text.replacen(
        marker,
        &format!("{marker}    annexes: [provision, roadmapp]\n"),
        1,
    );
    let file = dir.path().join("school.yaml");
    std::fs::write(&file, text).unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_nastavnik"))
        .args(["check", file.to_str().unwrap()])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!o.status.success(), "{out}");
    assert!(
        out.contains("school.yaml:35:26: ошибка: поле «orders.provision.annexes[1]»: приложения «roadmapp» у этого приказа нет"),
        "{out}"
    );
    assert!(!out.contains("ни на что не влияет"), "{out}");
}
