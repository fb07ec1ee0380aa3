//! Grammar in the documents: every kind rendered for schools of different
//! shapes, with the sentences a director signs asserted word for word —
//! names, positions, organisations and titles in the case the sentence
//! needs, participles agreeing with what they approve.
//!
//! The expected wording follows the rules of Russian official style and the
//! reference grammars (Розенталь, «Справочник по правописанию и
//! литературной правке»; Грамота.ру): «назначить (кого?) заместителя
//! директора О.И. Сидорову», «куратору (кому?) О.И. Сидоровой», «в (чём?)
//! Гимназии № 5», a woman's surname on a consonant («Шевчук») does not
//! decline, an abbreviation-led name («МБОУ СОШ № 7») stays as it is.

use crate::common::*;
use nastavnik_core::Prepared;
use nastavnik_gen::DocumentKind;

/// A school in YAML: every order, a roadmap, participants and reports.
struct School {
    name: &'static str,
    short: &'static str,
    head: &'static str,
    curator: &'static str,
    curator_position: &'static str,
    mentor: &'static str,
    /// The roadmap's `title:` line, or empty for the default title.
    roadmap_title: &'static str,
    reward: &'static str,
    extra_people: &'static str,
}

impl School {
    fn yaml(&self) -> String {
        let title = if self.roadmap_title.is_empty() {
            String::new()
        } else {
            format!("  title: \"{}\"\n", self.roadmap_title)
        };
        format!(
            r#"kind: school
name: "{name}"
short_name: "{short}"
head: {{ surname: {hs}, name: {hn}, patronymic: {hp}, position: Директор }}
people:
  cur: {{ surname: {cs}, name: {cn}, patronymic: {cp}, position: {pos} }}
{extra}curator: cur
council: {{ date: 28.08.2025, number: "1" }}
orders:
  implementation: {{ number: "101", date: 01.09.2025, start: 01.09.2025 }}
  curator: {{ number: "102", date: 01.09.2025 }}
  pairs: {{ number: "103", date: 01.10.2025 }}
  rewards:
    number: "104"
    date: 25.05.2026
    rewards:
      - {{ who: m1, reward: {reward}, reason: за успешную работу наставнической пары }}
  provision: {{ number: "106", date: 01.09.2025 }}
  programme: {{ number: "107", date: 01.09.2025 }}
  final_event:
    number: "105"
    date: 15.05.2026
    event:
      title: итоговый фестиваль наставнических практик
      date: 22.05.2026
      place: актовый зал
      responsible: [{{ person: cur, as: Куратор ЦМН }}]
participants:
  mentors:
    - {{ id: m1, name: {mentor}, role: учитель, category: педагог, consent: true }}
  mentees:
    - {{ id: e1, name: Белова Анна Игоревна, role: молодой специалист, category: педагог, consent: true }}
  pairs:
    - {{ mentor: m1, mentees: [e1], form: учитель – учитель, period: сентябрь 2025 г. – май 2026 г. }}
reports:
  interim:
    period: по итогам 1 полугодия 2025–2026 учебного года
    prepared_by: [{{ person: cur }}]
  final:
    period: по итогам 2025–2026 учебного года
    prepared_by: [{{ person: cur }}]
roadmap:
{title}  subject: внедрения целевой модели наставничества
  from_default: true
  period: 2025/2026
"#,
            name = self.name,
            short = self.short,
            hs = word(self.head, 0),
            hn = word(self.head, 1),
            hp = word(self.head, 2),
            cs = word(self.curator, 0),
            cn = word(self.curator, 1),
            cp = word(self.curator, 2),
            pos = self.curator_position,
            mentor = self.mentor,
            reward = self.reward,
            extra = self.extra_people,
        )
    }

    fn load(&self) -> Prepared {
        let loaded = nastavnik_core::load_str(&self.yaml(), "school.yaml")
            .unwrap_or_else(|e| panic!("{e}\n{}", self.yaml()));
        loaded.organization
    }
}

fn word(full: &str, i: usize) -> &str {
    full.split_whitespace().nth(i).unwrap_or_default()
}

/// A document's text with non-breaking spaces made plain.
fn text(org: &Prepared, kind: DocumentKind) -> String {
    renderer()
        .document(org, kind)
        .unwrap_or_else(|e| panic!("{}: {e}", kind.id()))
        .plain_text()
        .replace(['\u{a0}', '\u{202f}'], " ")
}

fn assert_has(org: &Prepared, kind: DocumentKind, sentences: &[&str]) {
    let t = text(org, kind);
    for s in sentences {
        assert!(t.contains(s), "{}: no «{s}» in\n{t}", kind.id());
    }
}

fn assert_lacks(org: &Prepared, kind: DocumentKind, wrong: &[&str]) {
    let t = text(org, kind);
    for s in wrong {
        assert!(!t.contains(s), "{}: «{s}» in\n{t}", kind.id());
    }
}

/// Patterns no document may contain, whatever the school.
const WRONG: &[&str] = &[
    "в Гимназия",
    "приказом Гимназия",
    "сайте Гимназия",
    "наставничества Гимназия",
    "в Лицей №",
    "приказом Лицей",
    "Утвердить дорожная",
    "Утвердить план мероприятий (дорожная",
    "Куратору ЦМН (",
    "(Директор ",
    ": Куратор ЦМН",
    "(актовый зал)",
    "— объявить",
    "Положение, образовательная организация",
    "Справку подготовил(а)",
];

fn all_kinds(org: &Prepared) {
    // The teachers' system has a section of its own these schools lack (tests/teachers.rs).
    // The orders on the положение and the программа when the file has them (the
    // starter's order on implementation approves both itself).
    let own_order = |k: &DocumentKind| {
        !matches!(
            k,
            DocumentKind::OrderProvision | DocumentKind::OrderProgramme
        ) || nastavnik_core::check::needs::missing(org, k.id()).is_empty()
    };
    for kind in DocumentKind::ALL
        .into_iter()
        .filter(|k| k.fits(org.kind) && !k.id().starts_with("teachers-") && own_order(k))
    {
        assert_lacks(org, kind, WRONG);
    }
}

fn gymnasium() -> School {
    School {
        name: "Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 5»",
        short: "Гимназия № 5",
        head: "Петрова Анна Сергеевна",
        curator: "Сидорова Ольга Ивановна",
        curator_position: "заместитель директора по учебно-воспитательной работе",
        mentor: "Кузнецова Мария Петровна",
        roadmap_title: "Дорожная карта по реализации целевой модели наставничества в Гимназии № 5 на 2025/2026 учебный год",
        reward: "объявить благодарность",
        extra_people: "",
    }
}

#[test]
fn a_word_led_school_name_declines_in_every_document() {
    let org = gymnasium().load();
    all_kinds(&org);
    let appoint = "Назначить куратором внедрения целевой модели наставничества в Гимназии № 5 (далее — куратор ЦМН) заместителя директора по учебно-воспитательной работе О.И. Сидорову.";
    assert_has(
        &org,
        DocumentKind::OrderImplementation,
        &[
            "Внедрить целевую модель наставничества в Гимназии № 5",
            "Утвердить дорожную карту по реализации целевой модели наставничества в Гимназии № 5 на 2025/2026 учебный год (приложение 1).",
            // The curator's own order № 102 appoints her (its text below); this one cites it.
            "Куратору внедрения целевой модели наставничества в Гимназии № 5 О.И. Сидоровой (назначена приказом от 01.09.2025 № 102) обеспечить выполнение мероприятий дорожной карты",
            "к приказу Гимназии № 5",
        ],
    );
    assert_has(
        &org,
        DocumentKind::OrderCurator,
        &[
            "в целях организации внедрения целевой модели наставничества в Гимназии № 5",
            appoint,
            "Куратору ЦМН О.И. Сидоровой руководствоваться в работе положением о программе наставничества Гимназии № 5.",
        ],
    );
    assert_has(
        &org,
        DocumentKind::OrderPairs,
        &[
            "В соответствии с положением о программе наставничества Гимназии № 5,",
            "Куратору внедрения целевой модели наставничества О.И. Сидоровой организовать сопровождение работы наставнических пар (групп)",
            "к приказу Гимназии № 5",
        ],
    );
    assert_has(
        &org,
        DocumentKind::OrderRewards,
        &[
            "Объявить благодарность Кузнецовой М.П., учителю, за успешную работу наставнической пары.",
            "Информацию о поощрении участников разместить на официальном сайте Гимназии № 5 в разделе «Наставничество».",
        ],
    );
    assert_has(
        &org,
        DocumentKind::OrderFinalEvent,
        &[
            "итоговый фестиваль наставнических практик в актовом зале.",
            "Назначить ответственной за подготовку и проведение мероприятия куратора ЦМН О.И. Сидорову.",
            "реализации целевой модели наставничества в Гимназии № 5",
        ],
    );
    assert_has(
        &org,
        DocumentKind::Provision,
        &[
            "о программе наставничества Гимназии № 5",
            "Настоящее положение (далее — Положение) о программе наставничества в Гимназии № 5 (далее — образовательная организация) разработано",
            "(куратор — заместитель директора по учебно-воспитательной работе О.И. Сидорова)",
            "педагогическим советом",
            "приказом Гимназии № 5",
        ],
    );
    assert_has(
        &org,
        DocumentKind::Programme,
        &[
            "Программа наставничества Гимназии № 5 (далее — Программа) разработана",
            "положением о программе наставничества Гимназии № 5.",
            "руководитель образовательной организации (директор А.С. Петрова)",
            "молодых педагогов",
        ],
    );
    let roadmap = text(&org, DocumentKind::Roadmap);
    assert!(roadmap.contains("УТВЕРЖДЕНА"), "{roadmap}");
    assert!(!roadmap.contains("УТВЕРЖДЕН\n"), "{roadmap}");
    assert!(roadmap.contains("приказом Гимназии № 5"), "{roadmap}");
    assert_has(
        &org,
        DocumentKind::ReportInterim,
        &[
            "о промежуточных результатах реализации целевой модели наставничества в Гимназии № 5",
            "молодых специалистов Гимназии № 5.",
            "Справку подготовила",
        ],
    );
    assert_has(
        &org,
        DocumentKind::ReportFinal,
        &["об итоговых результатах реализации целевой модели наставничества в Гимназии № 5"],
    );
    assert_has(
        &org,
        DocumentKind::MentorBase,
        &["База наставников Гимназии № 5"],
    );
    assert_has(
        &org,
        DocumentKind::MenteeBase,
        &["База наставляемых Гимназии № 5"],
    );
    assert_has(
        &org,
        DocumentKind::DevelopmentPlan,
        &["Наставник: Кузнецова М.П., учитель"],
    );
}

#[test]
fn an_abbreviation_led_name_stays_and_an_indeclinable_surname_too() {
    let org = School {
        name: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 7»",
        short: "МБОУ СОШ № 7",
        head: "Иванов Пётр Сергеевич",
        curator: "Шевчук Елена Викторовна",
        curator_position: "педагог-психолог",
        mentor: "Ким Ирина Олеговна",
        roadmap_title: "",
        // A payment names its sum and source (the flow mapping takes the fields).
        reward: "произвести единовременную выплату, amount: 3000, source: за счет стимулирующей части фонда оплаты труда",
        extra_people: "",
    }
    .load();
    all_kinds(&org);
    let appoint = "Назначить куратором внедрения целевой модели наставничества в МБОУ СОШ № 7 (далее — куратор ЦМН) педагога-психолога Е.В. Шевчук.";
    assert_has(
        &org,
        DocumentKind::OrderImplementation,
        &[
            "Утвердить план мероприятий (дорожную карту) внедрения целевой модели наставничества (приложение 1).",
            "Куратору внедрения целевой модели наставничества в МБОУ СОШ № 7 Е.В. Шевчук (назначена приказом от 01.09.2025 № 102) обеспечить",
            "к приказу МБОУ СОШ № 7",
        ],
    );
    assert_has(
        &org,
        DocumentKind::OrderCurator,
        &[
            appoint,
            "положением о программе наставничества МБОУ СОШ № 7.",
        ],
    );
    assert_has(
        &org,
        DocumentKind::OrderRewards,
        &["Произвести единовременную выплату Ким И.О., учителю, за успешную работу наставнической пары в размере 3 000 (трех тысяч) рублей за счет стимулирующей части фонда оплаты труда."],
    );
    assert_has(
        &org,
        DocumentKind::OrderFinalEvent,
        &["Назначить ответственной за подготовку и проведение мероприятия куратора ЦМН Е.В. Шевчук."],
    );
    assert_has(
        &org,
        DocumentKind::Programme,
        &[
            "(директор П.С. Иванов)",
            "Программа наставничества МБОУ СОШ № 7 (далее — Программа)",
        ],
    );
    assert_has(
        &org,
        DocumentKind::Provision,
        &["о программе наставничества в МБОУ СОШ № 7 (далее — образовательная организация)"],
    );
    // «План мероприятий» is masculine: the stamp says УТВЕРЖДЕН.
    let roadmap = text(&org, DocumentKind::Roadmap);
    assert!(roadmap.contains("УТВЕРЖДЕН\n"), "{roadmap}");
    assert_has(&org, DocumentKind::ReportFinal, &["Справку подготовила"]);
}

#[test]
fn a_male_head_and_curator_with_declinable_surnames() {
    let org = School {
        name: "Муниципальное общеобразовательное учреждение «Лицей № 2»",
        short: "Лицей № 2",
        head: "Орлов Дмитрий Николаевич",
        curator: "Волков Сергей Петрович",
        curator_position: "советник директора по воспитанию",
        mentor: "Соколов Андрей Ильич",
        roadmap_title:
            "План мероприятий (дорожная карта) внедрения целевой модели наставничества в Лицее № 2",
        reward: "почетная грамота",
        extra_people: "",
    }
    .load();
    all_kinds(&org);
    assert_has(
        &org,
        DocumentKind::OrderImplementation,
        &[
            "Внедрить целевую модель наставничества в Лицее № 2",
            "Утвердить план мероприятий (дорожную карту) внедрения целевой модели наставничества в Лицее № 2 (приложение 1).",
            "Куратору внедрения целевой модели наставничества в Лицее № 2 С.П. Волкову (назначен приказом от 01.09.2025 № 102) обеспечить",
            "к приказу Лицея № 2",
        ],
    );
    assert_has(
        &org,
        DocumentKind::OrderRewards,
        &["Наградить почетной грамотой Соколова А.И., учителя, за успешную работу наставнической пары."],
    );
    assert_has(
        &org,
        DocumentKind::OrderFinalEvent,
        &["Назначить ответственным за подготовку и проведение мероприятия куратора ЦМН С.П. Волкова."],
    );
    assert_has(
        &org,
        DocumentKind::Programme,
        &[
            "(директор Д.Н. Орлов)",
            "Программа наставничества Лицея № 2 (далее — Программа)",
        ],
    );
    assert_has(
        &org,
        DocumentKind::ReportInterim,
        &["Справку подготовил советник директора по воспитанию С.П. Волков"],
    );
    let roadmap = text(&org, DocumentKind::Roadmap);
    assert!(
        roadmap.contains("УТВЕРЖДЕН\n") && roadmap.contains("приказом Лицея № 2"),
        "{roadmap}"
    );
}

#[test]
fn forms_written_in_the_yaml_win_and_the_old_fields_still_work() {
    let yaml = gymnasium()
        .yaml()
        .replace(
            "short_name: \"Гимназия № 5\"\n",
            "short_name: \"Гимназия № 5\"\nshort_name_forms: {genitive: Гимназии номер пять, prepositional: Гимназии номер пять}\n",
        )
        .replace(
            "position: заместитель директора по учебно-воспитательной работе }",
            "position: заместитель директора по учебно-воспитательной работе, position_accusative: замдиректора по УВР, forms: {dative: Сидоровой-Особой} }",
        );
    let org = nastavnik_core::load_str(&yaml, "school.yaml")
        .unwrap()
        .organization;
    assert_has(
        &org,
        DocumentKind::OrderCurator,
        &[
            "в целях организации внедрения целевой модели наставничества в Гимназии номер пять",
            "(далее — куратор ЦМН) замдиректора по УВР О.И. Сидорову.",
            "Куратору ЦМН О.И. Сидоровой-Особой руководствоваться в работе положением о программе наставничества Гимназии номер пять.",
        ],
    );
    // A territory's hand-written forms are used as written.
    let yaml = gymnasium().yaml().replace(
        "curator: cur\n",
        "curator: cur\nterritory: { locative: в образовательных организациях города N, genitive: города N }\n",
    );
    let org = nastavnik_core::load_str(&yaml, "school.yaml")
        .unwrap()
        .organization;
    assert_has(
        &org,
        DocumentKind::OrderCurator,
        &["в целях организации внедрения целевой модели наставничества в образовательных организациях города N"],
    );
    // A territory named in the nominative declines by itself.
    let yaml = gymnasium().yaml().replace(
        "curator: cur\n",
        "curator: cur\nterritory: { name: городской округ город Шарья }\n",
    );
    let org = nastavnik_core::load_str(&yaml, "school.yaml")
        .unwrap()
        .organization;
    assert_has(
        &org,
        DocumentKind::OrderCurator,
        &["в целях организации внедрения целевой модели наставничества в городском округе город Шарья"],
    );
}

#[test]
fn check_warns_what_it_guessed_at_the_field_and_in_json() {
    // Initials only: a «Шевчук» could be a man (Шевчука) or a woman (Шевчук).
    let yaml = gymnasium().yaml().replace(
        "cur: { surname: Сидорова, name: Ольга, patronymic: Ивановна,",
        "cur: { surname: Шевчук, name: Е., patronymic: В.,",
    );
    let loaded = nastavnik_core::load_str(&yaml, "school.yaml").unwrap();
    let line = yaml.lines().position(|l| l.contains("Шевчук")).unwrap() + 1;
    assert_eq!(loaded.warnings.len(), 1, "{:#?}", loaded.warnings);
    let w = &loaded.warnings[0];
    let message = w.message.replace('\u{a0}', " ");
    assert_eq!(w.severity, nastavnik_core::Severity::Warning);
    assert_eq!((w.line, w.field.as_str()), (line, "people.cur.surname"));
    assert!(
        message.contains("винительный «Е.В. Шевчук»")
            && message.contains("forms: {accusative: Шевчук, dative: Шевчук}")
            && message.contains("gender: female / male"),
        "{message}"
    );
    // Told the gender, it is sure.
    let told = yaml.replace("patronymic: В.,", "patronymic: В., gender: female,");
    assert!(nastavnik_core::load_str(&told, "school.yaml")
        .unwrap()
        .warnings
        .is_empty());
    // The command line: a warning, not an error, in text and in JSON.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("school.yaml"), &yaml).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_nastavnik"))
        .args(["check", "school.yaml", "--format", "json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json = String::from_utf8(out.stdout).unwrap();
    assert!(
        json.contains("\"severity\": \"warning\"")
            && json.contains("\"field\": \"people.cur.surname\"")
            && json.contains(&format!("\"line\": {line}")),
        "{json}"
    );
    // Unknown words in the school's name: a guess, with the override to write.
    let yaml = gymnasium()
        .yaml()
        .replace("Гимназия № 5\"\n", "Хрюмзель № 5\"\n");
    let loaded = nastavnik_core::load_str(&yaml, "school.yaml").unwrap();
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.field == "short_name" && w.message.contains("short_name_forms: {genitive:")),
        "{:#?}",
        loaded.warnings
    );
    // The samples guess nothing.
    for name in [
        "school9-2020.yaml",
        "sharya-2020.yaml",
        "sosh19-2021.yaml",
        "terengul-lyceum-2023.yaml",
        "novoshakhtinsk-2022.yaml",
    ] {
        let loaded = nastavnik_core::load_path(&root().join("samples").join(name)).unwrap();
        assert!(loaded.warnings.is_empty(), "{name}: {:#?}", loaded.warnings);
    }
}

#[test]
fn init_with_a_word_led_name_filled_in_renders_every_kind_without_agreement_errors() {
    let yaml = nastavnik_core::load::starter::uncomment_later(
        &nastavnik_core::load::starter::starter_yaml(
            "Гимназия № 5",
            nastavnik_core::OrganizationKind::School,
            2025,
        ),
    );
    let mut filled = String::new();
    // Each order gets a number of its own, as a registry gives them.
    let mut numbers = 11..;
    for line in yaml.lines() {
        let line = match line.find("\"ЗАПОЛНИТЕ: ") {
            Some(at) => {
                let hint = line[at + 1..].split('"').next().unwrap();
                let value = if hint.contains("дата") {
                    "29.08.2025"
                } else if hint.contains("номер") {
                    &format!("\"{}\"", numbers.next().unwrap())
                } else if hint.contains("наименование") {
                    "Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 5»"
                } else if hint.contains("ФИО наставника") {
                    "Кузнецова Мария Петровна"
                } else if hint.contains("ФИО") {
                    "Белова Анна Игоревна"
                } else if hint.contains("фамилия руководителя") {
                    "Петрова"
                } else if hint.contains("имя руководителя") {
                    "Анна"
                } else if hint.contains("отчество руководителя") {
                    "Сергеевна"
                } else if hint.contains("фамилия куратора") {
                    "Сидорова"
                } else if hint.contains("имя куратора") {
                    "Ольга"
                } else {
                    "Ивановна"
                };
                line.replacen(&format!("\"{hint}\""), value, 1)
            }
            None => line.to_string(),
        };
        filled.push_str(&line);
        filled.push('\n');
    }
    let filled = filled.replace(
        "position: заместитель директора ",
        "position: заместитель директора по учебно-воспитательной работе ",
    );
    let loaded = nastavnik_core::load_str(&filled, "school.yaml").unwrap_or_else(|e| panic!("{e}"));
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    let org = loaded.organization;
    all_kinds(&org);
    assert_has(
        &org,
        DocumentKind::OrderImplementation,
        &[
            "Утвердить дорожную карту по реализации целевой модели наставничества в Гимназии № 5 на 2025/2026 учебный год (приложение 1).",
            // The starter's curator order appoints her; this order cites it.
            "Куратору внедрения целевой модели наставничества в Гимназии № 5 О.И. Сидоровой (назначена приказом от 01.09.2025 №",
        ],
    );
    assert_has(
        &org,
        DocumentKind::OrderCurator,
        &["(далее — куратор ЦМН) заместителя директора по учебно-воспитательной работе О.И. Сидорову."],
    );
    assert_has(
        &org,
        DocumentKind::OrderRewards,
        &["Объявить благодарность Кузнецовой М.П., учителю, за успешную работу наставнической пары."],
    );
    let roadmap = text(&org, DocumentKind::Roadmap);
    assert!(
        roadmap.contains("УТВЕРЖДЕНА\n") && !roadmap.contains("УТВЕРЖДЕН\n"),
        "{roadmap}"
    );
}
