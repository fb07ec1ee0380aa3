//! The loader in phases, class by class: each case gives the exact Russian
//! message with its line and column. Large inputs are generated here; what
//! is asserted about cost is a bound on work (where the reading stopped),
//! never a time.

use nastavnik_core::load_str;

const HEAD: &str = "kind: school\nname: Школа № 7\nhead: Петрова Анна Сергеевна\n";

/// Every diagnostic as «line:column поле: message».
fn answers(text: &str) -> Vec<String> {
    let err = load_str(text, "t.yaml").expect_err("the file must be refused");
    err.diagnostics()
        .iter()
        .map(|d| format!("{}:{} {}: {}", d.line, d.column, d.field, d.message))
        .collect()
}

#[test]
fn every_structural_mistake_at_once_typed_and_placed() {
    let text = format!(
        "{HEAD}curator: petrov\nforms: [{{a: 1}}]\npeople:\n  petrov: {{surname: Петров, gendr: м}}\n  ivanova: {{name: Анна}}\nroadmap:\n  subject: на год\n  layout: колонки\n  sections:\n    - title: [1, 2]\n      items:\n        - title: Пункт\n          status: сделано\nreports:\n  interim:\n    period: 1 полугодие\n    figures: {{pupils: -3, young_teachers: 1.5}}\n"
    );
    assert_eq!(
        answers(&text),
        [
            "5:9 forms[0]: неверный тип: здесь набор полей (ключ: значение), а ожидается строка",
            "7:29 people.petrov.gendr: неизвестное поле «gendr»; может быть, gender? Допустимые поля: surname, forms, gender, name, patronymic, position, position_accusative, position_forms",
            "8:12 people.ivanova.surname: не указано обязательное поле «surname»",
            "11:11 roadmap.layout: недопустимое значение «колонки»; допустимые: sections, stages, strategies, разделы, этапы, стратегии",
            "13:14 roadmap.sections[0].title: неверный тип: здесь список, а ожидается строка",
            "16:19 roadmap.sections[0].items[0].status: недопустимое значение «сделано»; допустимые: done, in_progress, not_started, postponed, выполнено, в работе, не начато, перенесено",
            "20:23 reports.interim.figures.pupils: число -3 меньше допустимого: не меньше 0",
            "20:43 reports.interim.figures.young_teachers: неверный тип: здесь число 1.5, а ожидается целое число",
        ]
    );
}

#[test]
fn cross_checks_still_run_beside_structural_mistakes() {
    let text =
        format!("{HEAD}curator: petrov\npeople:\n  petrova: {{surname: Петрова, gendr: ж}}\n");
    assert_eq!(
        answers(&text),
        [
            "4:10 curator: человек с ключом «petrov» не найден в разделе people; может быть, petrova?",
            "6:31 people.petrova.gendr: неизвестное поле «gendr»; может быть, gender? Допустимые поля: surname, forms, gender, name, patronymic, position, position_accusative, position_forms",
        ]
    );
}

#[test]
fn duplicate_keys_are_each_reported_and_the_first_value_kept() {
    let text = format!("{HEAD}people:\n  a: А.А. Алексеев\n  a: Б.Б. Борисов\nname: Ещё одна\n");
    assert_eq!(
        answers(&text),
        [
            "6:6 people.a: поле «a» указано дважды: оставьте одно",
            "7:7 name: поле «name» указано дважды: оставьте одно",
        ]
    );
}

#[test]
fn syntax_mistakes_get_their_usual_cause() {
    for (text, expected) in [
        (
            format!("{HEAD}curator petrov\npeople: {{}}\n"),
            "5:1 : ошибка синтаксиса YAML: в этой строке или строкой выше после ключа нет двоеточия: напишите «ключ: значение», а текст с переносом строки возьмите в кавычки целиком",
        ),
        (
            format!("{HEAD}header: [a, b\n"),
            "5:1 header[2]: ошибка синтаксиса YAML: YAML не разобран: проверьте кавычки, скобки и отступы в этой строке и строкой выше — похоже, что-то не закрыто",
        ),
        (
            format!("{HEAD}header: [*nope]\n"),
            "4:10 header[0]: ошибка синтаксиса YAML: ссылка *имя на якорь &имя, который не объявлен выше: объявите якорь или уберите ссылку",
        ),
        (
            format!("{HEAD}---\nkind: school\n"),
            "4:1 : в файле несколько документов (второй начинается с «---»): опишите одну организацию в одном файле",
        ),
    ] {
        assert_eq!(answers(&text), [expected], "{text}");
    }
}

/// Every kind of control character is refused at its place — a C0 byte,
/// DEL, a C1 character (two bytes in UTF-8) — and a Cyrillic letter whose
/// second byte looks like a C1 one («Р», 0xD0 0xA0) is not.
#[test]
fn control_characters_of_every_kind_are_placed() {
    let message = "ошибка синтаксиса YAML: в тексте есть управляющий (невидимый) символ: удалите его или перепечатайте строку";
    for control in ["\u{1}", "\u{7f}", "\u{9b}", "\u{80}"] {
        let text = format!("{HEAD}short_name: Лицей{control} № 2\n");
        // «short_name: Лицей» is 17 characters: the control is the 18th.
        assert_eq!(answers(&text), [format!("4:18 : {message}")], "{control:?}");
    }
    let fine = format!("{HEAD}short_name: Лицей РФ\n");
    assert!(load_str(&fine, "t.yaml").is_ok());
}

/// One 200 KB anchored string and 40 000 aliases of it: 8 GB expanded.
/// The reading stops at the alias that crosses the budget, counted by size.
#[test]
fn an_alias_fan_out_is_charged_its_expanded_size() {
    let mut text = format!("{HEAD}short_name: &s {}\nheader:\n", "ш".repeat(100_000));
    for _ in 0..40_000 {
        text.push_str("  - *s\n");
    }
    assert!(text.len() < 4 * 1024 * 1024);
    // 32 MiB of text / 200 000 bytes a copy, the anchored one included:
    // the 167th alias crosses it, and nothing past it is copied.
    let crossing = nastavnik_core::load::tree::MAX_EXPANDED_BYTES / 200_000;
    assert_eq!(
        answers(&text),
        [format!(
            "{}:5 header[{}]: ссылки (&якорь и *ссылка) раскрываются в слишком большой документ (больше 32 МБ текста) — файл похож на «YAML-бомбу»; раскройте ссылки вручную",
            5 + crossing,
            crossing - 1
        )]
    );
}

#[test]
fn nesting_and_long_values_are_bounded() {
    let mut text = format!("{HEAD}header:\n");
    for depth in 1..=100 {
        text.push_str(&format!("{}- \n", "  ".repeat(depth)));
    }
    let depth = nastavnik_core::load::tree::MAX_DEPTH;
    assert_eq!(
        answers(&text),
        [format!(
            "{}:{} header: вложенность глубже {depth} уровней: в описании организации столько не бывает — проверьте скобки [ ] и {{ }} и отступы",
            4 + depth,
            2 * depth + 1
        )]
    );
    let text = format!("{HEAD}short_name: {}\n", "я".repeat(150_000));
    assert_eq!(
        answers(&text),
        ["4:13 short_name: значение слишком длинное: 292 КБ при пределе 256 КБ"]
    );
}

#[test]
fn every_list_has_a_limit() {
    // Any list: a field another part of the model may add later is bounded too.
    let mut text = format!("{HEAD}header:\n");
    for _ in 0..20_001 {
        text.push_str("  - строка\n");
    }
    assert_eq!(
        answers(&text),
        ["5:3 header: элементов в одном списке: 20001, а можно не больше 20000; разделите файл на несколько"]
    );
    // Pairs: each is a line of the order and a page of plans.
    let mut text = format!("{HEAD}participants:\n  mentors: [{{id: m, name: Иванов И.И.}}]\n  mentees: [{{id: u, name: Петров П.П.}}]\n  pairs:\n");
    for _ in 0..1_001 {
        text.push_str("    - {mentor: m, mentees: u, form: ученик – ученик}\n");
    }
    let found = answers(&text);
    assert_eq!(
        found,
        ["7:3 participants.pairs: пар и групп: 1001, а можно не больше 1000; разделите файл на несколько"]
    );
    // Tasks of all development plans together: each is a row of the plans.
    let mut text = format!("{HEAD}participants:\n  mentors: [{{id: m, name: Иванов И.И.}}]\n  mentees: [{{id: u, name: Петров П.П.}}]\n  pairs:\n");
    let plan = vec!["{task: Задача}"; 30].join(", ");
    for _ in 0..34 {
        text.push_str(&format!(
            "    - {{mentor: m, mentees: u, form: ученик – ученик, plan: [{plan}]}}\n"
        ));
    }
    assert_eq!(
        answers(&text),
        ["7:3 participants.pairs: задач во всех планах развития: 1020, а можно не больше 1000; разделите файл на несколько"]
    );
    // Steps of one item: the merged cell's rows stay far below u16.
    let mut text = format!("{HEAD}roadmap:\n  subject: на год\n  sections:\n    - title: Раздел\n      items:\n        - title: Пункт\n          steps:\n");
    for _ in 0..501 {
        text.push_str("            - {title: шаг}\n");
    }
    assert_eq!(
        answers(&text),
        ["10:11 roadmap.sections[0].items[0].steps: шагов у пункта: 501, а можно не больше 500; разделите файл на несколько"]
    );
}

#[test]
fn deadlines_read_only_ascii_digits_and_plausible_counts() {
    let item = |deadline: &str| {
        format!("{HEAD}roadmap:\n  subject: на год\n  sections:\n    - title: Раздел\n      items:\n        - title: Пункт\n          deadline: {deadline}\n")
    };
    let org = load_str(&item("до ０３.０６.２０２０"), "t.yaml")
        .unwrap()
        .organization;
    let org = org.into_organization();
    let deadline = org.roadmap.unwrap().sections[0].items[0]
        .deadline
        .clone()
        .unwrap();
    assert_eq!(deadline.to_string(), "до ０３.０６.２０２０");
    assert_eq!(
        answers(&item("99999999999 раза в год")),
        ["10:21 roadmap.sections[0].items[0].deadline: в сроке «99999999999 раза в год» число раз 99999999999 невозможно: напишите от 1 до 366 или опишите срок словами"]
    );
    assert_eq!(
        answers(&item("до 03.06.0000")),
        ["10:21 roadmap.sections[0].items[0].deadline: в сроке «до 03.06.0000» год 0000 невозможен: годы программы — от 1990 до 2100"]
    );
}

/// Values read by hand (deadlines) whose shapes are right are read with the
/// model first; when the model does not read, every wrong one is still
/// named at its place, not only the first.
#[test]
fn every_wrong_deadline_is_placed_though_the_shapes_are_right() {
    let text = format!(
        "{HEAD}roadmap:\n  subject: на год\n  sections:\n    - title: Этап\n      items:\n        - title: А\n          deadline: до 31.02.2021\n        - title: Б\n          deadline: сентябрь 2021 г.\n        - title: В\n          deadline: до 30.13.2021\n"
    );
    let found = answers(&text);
    let places: Vec<&str> = found
        .iter()
        .map(|a| a.split(": ").next().unwrap_or(""))
        .collect();
    assert_eq!(
        places,
        [
            "10:21 roadmap.sections[0].items[0].deadline",
            "14:21 roadmap.sections[0].items[2].deadline"
        ],
        "{found:#?}"
    );
}
