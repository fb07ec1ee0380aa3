//! The `nastavnik` binary: outputs, exit codes, and messages for people.

use std::path::Path;
use std::process::{Command, Output};

use crate::common::root;

fn nastavnik(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nastavnik"))
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn renders_pdf_and_docx_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let sample = root().join("samples/sharya-2020.yaml");
    let out = dir.path().join("new/prikaz");
    let o = nastavnik(
        &[
            "render",
            sample.to_str().unwrap(),
            "--doc",
            "order-implementation",
            "--format",
            "pdf,docx",
            "--output",
            out.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = std::fs::read(dir.path().join("new/prikaz.pdf")).unwrap();
    let docx = std::fs::read(dir.path().join("new/prikaz.docx")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(docx.starts_with(b"PK"));
}

#[test]
fn typst_source_goes_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let sample = root().join("samples/school9-2020.yaml");
    let o = nastavnik(
        &[
            "render",
            sample.to_str().unwrap(),
            "--format",
            "typ",
            "--output",
            "-",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let source = String::from_utf8(o.stdout).unwrap();
    assert!(source.contains("font: \"Liberation Serif\""), "{source}");
    assert!(source.contains("lang: \"ru\""));
    assert!(
        std::fs::read_dir(dir.path()).unwrap().next().is_none(),
        "nothing written to disk"
    );
}

#[test]
fn list_names_the_kinds_in_russian() {
    let o = nastavnik(&["list"], &root());
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(o.status.success());
    assert!(
        text.contains("order-implementation") && text.contains("Приказ о внедрении"),
        "{text}"
    );
    assert!(text.contains("roadmap") && text.contains("План мероприятий (дорожная карта)"));
}

#[test]
fn every_command_explains_itself_in_russian_with_an_example() {
    for command in [
        &[][..],
        &["render"],
        &["bundle"],
        &["check"],
        &["init"],
        &["schema"],
        &["templates"],
        &["templates", "export"],
        &["list"],
    ] {
        let mut args = command.to_vec();
        args.push("--help");
        let o = nastavnik(&args, &root());
        assert_eq!(o.status.code(), Some(0), "{command:?}");
        let help = String::from_utf8(o.stdout).unwrap();
        assert!(help.contains("Вызов: nastavnik"), "{command:?}\n{help}");
        assert!(help.contains("Показать эту справку"), "{command:?}\n{help}");
        assert!(help.contains("Пример"), "{command:?}: no example\n{help}");
        for english in [
            "Usage",
            "Options",
            "Arguments",
            "Commands",
            "Print help",
            "[default",
        ] {
            assert!(!help.contains(english), "{command:?}: «{english}»\n{help}");
        }
    }
    let o = nastavnik(&["rendr"], &root());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("неизвестная команда «rendr»"),
        "{}",
        stderr(&o)
    );
    let o = nastavnik(&["check", "--bogus"], &root());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("неизвестный параметр «--bogus»"),
        "{}",
        stderr(&o)
    );
    let o = nastavnik(&["check"], &root());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("не указано обязательное: <ФАЙЛЫ>"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn misuse_exits_with_2() {
    let sample = root().join("samples/sharya-2020.yaml");
    let o = nastavnik(
        &["render", sample.to_str().unwrap(), "--doc", "prikaz"],
        &root(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("неизвестный вид документа «prikaz»"),
        "{}",
        stderr(&o)
    );
    let o = nastavnik(
        &["render", sample.to_str().unwrap(), "--format", "odt"],
        &root(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("неизвестный формат «odt»"));
    let o = nastavnik(
        &[
            "render",
            sample.to_str().unwrap(),
            "--format",
            "pdf,docx",
            "--output",
            "-",
        ],
        &root(),
    );
    assert_eq!(o.status.code(), Some(2));
}

/// Writes `yaml` as a file, renders it, and returns the failure's stderr;
/// checks exit code 1 and that no output was written or truncated.
fn fails(yaml: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("школа.yaml");
    std::fs::write(&input, yaml).unwrap();
    let existing = dir.path().join("old.pdf");
    std::fs::write(&existing, b"previous output").unwrap();
    for output in ["new.pdf", "old.pdf"] {
        let o = nastavnik(
            &[
                "render",
                "школа.yaml",
                "--format",
                "pdf",
                "--output",
                output,
            ],
            dir.path(),
        );
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(
            !dir.path().join("new.pdf").exists(),
            "a failed render wrote a file"
        );
        assert_eq!(
            std::fs::read(&existing).unwrap(),
            b"previous output",
            "a failed render touched the old file"
        );
    }
    let o = nastavnik(
        &[
            "render",
            "школа.yaml",
            "--format",
            "pdf,docx",
            "--output",
            "x",
        ],
        dir.path(),
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "only the input and the old file remain"
    );
    stderr(&o)
}

fn sample_text() -> String {
    std::fs::read_to_string(root().join("samples/sharya-2020.yaml")).unwrap()
}

#[test]
fn wrong_date_is_reported_with_position_and_field() {
    let yaml = sample_text().replace("    date: 2020-11-19", "    date: 2020-11-31");
    let line = yaml.lines().position(|l| l.contains("2020-11-31")).unwrap() + 1;
    let err = fails(&yaml);
    assert!(
        err.contains(&format!(
            "школа.yaml:{line}:11: ошибка: поле «orders.implementation.date»"
        )),
        "{err}"
    );
    assert!(err.contains("«2020-11-31» — не дата"), "{err}");
}

#[test]
fn wrong_deadline_is_reported_with_position_and_field() {
    let yaml = sample_text().replace("deadline: до 30.11.2020 г.", "deadline: до 31.11.2020 г.");
    let line = yaml.lines().position(|l| l.contains("31.11.2020")).unwrap() + 1;
    let err = fails(&yaml);
    assert!(err.contains(&format!("школа.yaml:{line}:")), "{err}");
    assert!(
        err.contains("поле «roadmap.sections[0].items[1].deadline»"),
        "{err}"
    );
    assert!(err.contains("нет такой даты: 31.11.2020"), "{err}");
}

#[test]
fn missing_required_field_is_reported() {
    let yaml = sample_text().replace("    number: \"488\"\n", "");
    let err = fails(&yaml);
    let line = yaml
        .lines()
        .position(|l| l.starts_with("  implementation:"))
        .unwrap()
        + 2;
    assert!(err.contains(&format!("школа.yaml:{line}:")), "{err}");
    assert!(err.contains("поле «orders.implementation.number»"), "{err}");
    assert!(
        err.contains("не указано обязательное поле «number»"),
        "{err}"
    );
}

#[test]
fn unknown_key_is_reported_with_the_allowed_ones() {
    let yaml = sample_text().replace("  surname: Махова", "  surname: Махова\n  nmae: Ольга");
    let line = yaml.lines().position(|l| l.contains("nmae")).unwrap() + 1;
    let err = fails(&yaml);
    assert!(
        err.contains(&format!("школа.yaml:{line}:3: ошибка: поле «head.nmae»")),
        "{err}"
    );
    assert!(
        err.contains("неизвестное поле «nmae»; может быть, name? Допустимые поля: surname, forms, gender, name, patronymic"),
        "{err}"
    );
}

#[test]
fn unknown_person_is_reported_where_it_is_named() {
    let yaml = std::fs::read_to_string(root().join("samples/school9-2020.yaml"))
        .unwrap()
        .replace("curator: shevchuk", "curator: shevcuk");
    let line = yaml
        .lines()
        .position(|l| l.starts_with("curator:"))
        .unwrap()
        + 1;
    let err = fails(&yaml);
    assert!(
        err.contains(&format!("школа.yaml:{line}:10: ошибка: поле «curator»")),
        "{err}"
    );
    assert!(
        err.contains("человек с ключом «shevcuk» не найден"),
        "{err}"
    );
}

#[test]
fn templates_from_a_directory_override_the_embedded_ones() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("my-templates");
    std::fs::create_dir(&templates).unwrap();
    let original = std::fs::read_to_string(root().join("templates/order-frame.md")).unwrap();
    let changed = original.replace(
        "Контроль исполнения приказа оставляю за собой.",
        "Контроль исполнения приказа возложить на куратора ЦМН.",
    );
    assert_ne!(original, changed);
    std::fs::write(templates.join("order-frame.md"), changed).unwrap();
    let sample = root().join("samples/school9-2020.yaml");
    let render = |extra: &[&str]| {
        let mut args = vec![
            "render",
            sample.to_str().unwrap(),
            "--format",
            "typ",
            "--output",
            "-",
        ];
        args.extend_from_slice(extra);
        let o = nastavnik(&args, dir.path());
        assert!(o.status.success(), "{}", stderr(&o));
        String::from_utf8(o.stdout).unwrap()
    };
    let embedded = render(&[]);
    let overridden = render(&["--templates", templates.to_str().unwrap()]);
    assert!(embedded.contains("Контроль исполнения приказа оставляю за собой."));
    assert!(overridden.contains("Контроль исполнения приказа возложить на куратора ЦМН."));
    assert!(!overridden.contains("оставляю за собой"));
    // Only that sentence changed.
    let differing: Vec<_> = embedded
        .lines()
        .zip(overridden.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(differing.len(), 1, "{differing:?}");
    // The roadmap template was not overridden, so the embedded one serves.
    let roadmap = nastavnik(
        &[
            "render",
            sample.to_str().unwrap(),
            "--doc",
            "roadmap",
            "--format",
            "typ",
            "--output",
            "-",
            "--templates",
            templates.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(roadmap.status.success(), "{}", stderr(&roadmap));
}

#[test]
fn a_broken_template_is_named_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let sample = root().join("samples/school9-2020.yaml");
    let render_with = |name: &str, template: &str| {
        std::fs::write(dir.path().join(name), template).unwrap();
        let o = nastavnik(
            &[
                "render",
                sample.to_str().unwrap(),
                "--templates",
                dir.path().to_str().unwrap(),
                "--output",
                "x.pdf",
            ],
            dir.path(),
        );
        std::fs::remove_file(dir.path().join(name)).unwrap();
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(!dir.path().join("x.pdf").exists());
        stderr(&o)
    };
    let err = render_with(
        "order-implementation.md",
        "{{ requisites(kind=\"ПРИКАЗ\", date=\"x\", number=\"y\") }}\n\nТекст.\n{% if order.number %}\n{{ order.nonexistent.field }}\n{% endif %}\n",
    );
    assert!(
        err.contains("ошибка шаблона: шаблон order-implementation.md, строка 5"),
        "{err}"
    );
    let err = render_with("order-implementation.md", "Текст.\n{{ no_such_block() }}\n");
    assert!(
        err.contains("шаблон order-implementation.md, строка 2: неизвестная функция; компоненты: requisites,"),
        "{err}"
    );
    // A missing argument, an unknown one, a wrong type: the call's own line.
    let err = render_with(
        "order-implementation.md",
        "Текст.\n\n{{ signature(position=\"Директор\") }}\n",
    );
    assert!(
        err.contains("строка 3: signature: не указан аргумент «name»"),
        "{err}"
    );
    let err = render_with(
        "order-implementation.md",
        "{{ signature(position=\"Директор\", name=\"А.В. Уханов\", size=3) }}\n",
    );
    assert!(
        err.contains(
            "строка 1: signature: неизвестный аргумент «size»; компонент принимает: position, name"
        ),
        "{err}"
    );
    let err = render_with(
        "order-implementation.md",
        "{{ acquaintance(label=\"С приказом ознакомлены:\", names=\"Е.В. Шевчук\") }}\n",
    );
    assert!(
        err.contains("acquaintance: аргумент «names» должен быть списком строк, а здесь строка"),
        "{err}"
    );
    let err = render_with(
        "order-implementation.md",
        "{{ roadmap_table(headers=[\"№\", \"Мероприятие\"]) }}\n",
    );
    assert!(
        err.contains("roadmap_table: заголовков столбцов 2, а столбцов в таблице 5"),
        "{err}"
    );
    // A mistake in the frame is the frame's, not the child's that extends it.
    let frame = nastavnik_gen::templates::EMBEDDED
        .iter()
        .find(|(n, _)| *n == "order-frame.md")
        .unwrap()
        .1
        .replace("name=head.initials_surname", "nom=head.initials_surname");
    let line = frame.lines().position(|l| l.contains("nom=")).unwrap() + 1;
    let err = render_with("order-frame.md", &frame);
    assert!(
        err.contains(&format!(
            "шаблон order-frame.md, строка {line}: signature: не указан аргумент «name»"
        )),
        "{err}"
    );
    // The old way of writing components is refused with a hint.
    let err = render_with("order-implementation.md", "Текст.\n@[no-such-block]\n");
    assert!(
        err.contains("записан по-старому: вызовите функцию {{ no_such_block(…) }}"),
        "{err}"
    );
}

#[test]
fn check_reports_every_problem_with_the_lines_around_it() {
    let dir = tempfile::tempdir().unwrap();
    let clean = nastavnik(
        &[
            "check",
            root().join("samples/school9-2020.yaml").to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(clean.status.code(), Some(0), "{}", stderr(&clean));
    assert!(String::from_utf8_lossy(&clean.stdout).contains("ошибок нет"));

    std::fs::write(dir.path().join("школа.yaml"), "kind: school\nname: Школа\nhead: Иванов И.И.\ncurator: petrova\nforms: [ученик – учнеик]\n").unwrap();
    let o = nastavnik(&["check", "школа.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains(
            "школа.yaml:4:10: ошибка: поле «curator»: человек с ключом «petrova» не найден"
        ),
        "{out}"
    );
    assert!(
        out.contains(" 4 | curator: petrova\n   |          ^"),
        "{out}"
    );
    assert!(out.contains("школа.yaml:5:9: предупреждение: поле «forms[0]»: форма «ученик – учнеик» не из перечня: возможно, вы имели в виду «ученик – ученик»"), "{out}");

    let o = nastavnik(&["check", "школа.yaml", "--format", "json"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let items = json.as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["line"], 4);
    assert_eq!(items[0]["column"], 10);
    assert_eq!(items[0]["severity"], "error");
    assert_eq!(items[0]["field"], "curator");
    assert_eq!(items[1]["severity"], "warning");
}

/// Six mistakes of five kinds (an unknown key twice), each where a reader would look for it.
const MISTAKES: &str = "kind: school
name: МБОУ СОШ № 1
adress: г. Энск
head: { surname: Иванова, name: Н., patronymic: В., position: Директор }
curator: petrova
people:
  sidorov: Сидоров С.С.
documents:
  order1: { date: 32.13.2021, number: \"12\" }
roadmap:
  subject: на 2021/2022 учебный год
  period: 2021/2022
  sections:
    - title: Подготовка
      items:
        - title: Изучение материалов
          status: готово
        - title: Приказ
          responsible: { person: sidorov }
          evidence: { document: order1, dat: 01.09.2021 }
reports:
  interim:
    period: по итогам 1 полугодия
    figures: { pupils: много }
";

#[test]
fn a_file_with_six_mistakes_of_five_kinds_gets_every_one_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("школа.yaml"), MISTAKES).unwrap();
    let o = nastavnik(&["check", "школа.yaml", "--format", "json"], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let found: Vec<(u64, u64, String, String)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            assert_eq!(d["severity"], "error", "{d}");
            (
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["field"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected = [
        (
            3,
            1,
            "adress",
            "неизвестное поле «adress»; допустимые поля: kind, name",
        ),
        (
            5,
            10,
            "curator",
            "человек с ключом «petrova» не найден в разделе people",
        ),
        (9, 19, "documents.order1.date", "«32.13.2021» — не дата"),
        (
            17,
            19,
            "roadmap.sections[0].items[0].status",
            "недопустимое значение «готово»; допустимые: done, in_progress, not_started, postponed, выполнено",
        ),
        (
            20,
            41,
            "roadmap.sections[0].items[1].evidence.dat",
            "неизвестное поле «dat»",
        ),
        (
            24,
            24,
            "reports.interim.figures.pupils",
            "неверный тип: здесь строка \"много\", а ожидается целое число",
        ),
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for ((line, column, field, message), (l, c, f, m)) in found.iter().zip(expected) {
        assert_eq!((*line, *column, field.as_str()), (l, c, f), "{found:#?}");
        assert!(message.starts_with(m), "{message}");
    }

    // The text form shows each with its lines, and counts them.
    let o = nastavnik(&["check", "школа.yaml"], dir.path());
    let out = String::from_utf8(o.stdout.clone()).unwrap();
    assert!(
        out.contains(" 24 |     figures: { pupils: много }\n    |                        ^"),
        "{out}"
    );
    assert!(stderr(&o).contains("ошибок: 6"), "{}", stderr(&o));

    // Fixed one by one, the file reads: nothing reported was an echo of another mistake.
    let fixed = MISTAKES
        .replace("adress: г. Энск\n", "")
        .replace("curator: petrova", "curator: sidorov")
        .replace("32.13.2021", "31.08.2021")
        .replace("готово", "выполнено")
        .replace(", dat: 01.09.2021", "")
        .replace("много", "400");
    std::fs::write(dir.path().join("школа.yaml"), fixed).unwrap();
    let o = nastavnik(&["check", "школа.yaml"], dir.path());
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}

#[test]
fn exported_templates_override_the_embedded_ones() {
    let dir = tempfile::tempdir().unwrap();
    let o = nastavnik(&["templates", "export", "my"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let frame = dir.path().join("my/order-frame.md");
    let text = std::fs::read_to_string(&frame).unwrap();
    assert_eq!(
        text,
        std::fs::read_to_string(root().join("templates/order-frame.md")).unwrap()
    );
    // A second export does not overwrite the school's edits without --force.
    std::fs::write(
        &frame,
        text.replace("ПРИКАЗЫВАЮ:", "ПРИКАЗЫВАЮ (по школе):"),
    )
    .unwrap();
    let o = nastavnik(&["templates", "export", "my"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    let sample = root().join("samples/school9-2020.yaml");
    let o = nastavnik(
        &[
            "render",
            sample.to_str().unwrap(),
            "--doc",
            "order-curator",
            "--format",
            "typ",
            "--output",
            "-",
            "--templates",
            "my",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let source = String::from_utf8(o.stdout).unwrap();
    // A word in capitals is marked as never hyphenated: the text runs on after it.
    assert!(
        source.contains(r#""ПРИКАЗЫВАЮ"), " (по школе):""#)
            && !source.contains(r#""ПРИКАЗЫВАЮ"), ":""#),
        "{source}"
    );
}

/// A plausible value for the `n`-th placeholder, from its hint; each
/// number is a number of its own, as a registry gives them.
fn fill(hint: &str, n: usize) -> String {
    if hint.contains("дата") {
        "29.08.2025".into()
    } else if hint.contains("номер") {
        format!("\"{}\"", 10 + n)
    } else if hint.contains("ФИО") {
        "Петрова Мария Ивановна".into()
    } else if hint.contains("наименование") {
        "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 1»".into()
    } else {
        "Иванова".into()
    }
}

#[test]
fn init_writes_a_file_check_lists_its_placeholders_and_filled_it_renders_everything() {
    let dir = tempfile::tempdir().unwrap();
    let o = nastavnik(
        &[
            "init",
            "--name",
            "МБОУ СОШ № 1",
            "--year",
            "2025",
            "--output",
            "school.yaml",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    // The later documents' sections uncommented, as a user does in time.
    let text = nastavnik_core::load::starter::uncomment_later(
        &std::fs::read_to_string(dir.path().join("school.yaml")).unwrap(),
    );
    std::fs::write(dir.path().join("school.yaml"), &text).unwrap();
    let placeholders: Vec<(usize, String)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with('#'))
        .filter_map(|(n, l)| {
            l.find("\"ЗАПОЛНИТЕ: ")
                .map(|at| (n + 1, l[at + 1..].split('"').next().unwrap().to_string()))
        })
        .collect();
    assert!(placeholders.len() >= 10);
    // check names every placeholder at its line, and nothing else.
    let o = nastavnik(&["check", "school.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(
        out.matches(": ошибка: ").count(),
        placeholders.len(),
        "{out}"
    );
    for (line, hint) in &placeholders {
        let what = hint.trim_start_matches("ЗАПОЛНИТЕ: ");
        assert!(
            out.contains(&format!("school.yaml:{line}:"))
                && out.contains(&format!("не заполнено: {what}")),
            "{line} {what}\n{out}"
        );
    }
    // Filled in, the file is clean and every public kind renders.
    let mut filled = text.clone();
    for (n, (_, hint)) in placeholders.iter().enumerate() {
        filled = filled.replacen(&format!("\"{hint}\""), &fill(hint, n), 1);
    }
    std::fs::write(dir.path().join("school.yaml"), &filled).unwrap();
    let o = nastavnik(&["check", "school.yaml"], dir.path());
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let org = nastavnik_core::load_str(&filled, "school.yaml").unwrap();
    assert!(org.warnings.is_empty(), "{:?}", org.warnings);
    // The editor's schema lies beside it, and the filled file meets it.
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("nastavnik.schema.json")).unwrap(),
    )
    .unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema=nastavnik.schema.json\n"));
    let instance: serde_json::Value =
        serde_json::to_value(serde_yaml::from_str::<serde_yaml::Value>(&filled).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let problems: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let renderer = nastavnik_gen::Renderer::new();
    // The starter has no teachers' system (a section of its own): every other public kind;
    // its order on implementation approves the положение and the программа (no orders of their own).
    for kind in nastavnik_gen::DocumentKind::ALL.into_iter().filter(|k| {
        k.is_public()
            && k.fits(org.organization.kind)
            && !k.id().starts_with("teachers-")
            && !matches!(
                k,
                nastavnik_gen::DocumentKind::OrderProvision
                    | nastavnik_gen::DocumentKind::OrderProgramme
            )
    }) {
        let doc = renderer
            .document(&org.organization, kind)
            .unwrap_or_else(|e| panic!("{}: {e}", kind.id()));
        for format in [nastavnik_gen::Format::Pdf, nastavnik_gen::Format::Docx] {
            assert!(
                renderer.write(&doc, format).is_ok(),
                "{} {format:?}",
                kind.id()
            );
        }
    }
    let roadmap = org.organization.into_organization().roadmap.unwrap();
    assert_eq!(roadmap.sections.len(), 7, "the default roadmap, filled in");
    assert!(
        text.contains("сентябрь 2025 г.") && text.contains("май 2026 г."),
        "dated for 2025/2026"
    );
}

/// A template from a user's folder that grows a value without bound (a
/// string doubled in a loop: fuel does not count its size) stops at the
/// memory ceiling with a Russian message and exit code 1, writing nothing —
/// for render and for bundle.
#[test]
fn a_template_that_grows_without_bound_stops_at_the_ceiling() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("t");
    std::fs::create_dir(&templates).unwrap();
    let original = std::fs::read_to_string(root().join("templates/order-curator.md")).unwrap();
    let doubling = original.replacen(
        "{% block purpose %}",
        "{% block purpose %}{% set ns = namespace(s=\"ab\") %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}",
        1,
    );
    assert_ne!(doubling, original, "the template has a purpose block");
    std::fs::write(templates.join("order-curator.md"), doubling).unwrap();
    let sample = root().join("samples/school9-2020.yaml");
    let out = dir.path().join("out");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_nastavnik"))
            .args(args)
            .env("NASTAVNIK_MEMORY_CEILING_MIB", "64")
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let o = run(&[
        "render",
        sample.to_str().unwrap(),
        "--doc",
        "order-curator",
        "--templates",
        templates.to_str().unwrap(),
        "--format",
        "pdf,docx",
        "--output",
        out.join("prikaz").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("заняли больше 64 МиБ памяти"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists(), "nothing is written");
    let schools = dir.path().join("schools");
    std::fs::create_dir(&schools).unwrap();
    std::fs::copy(&sample, schools.join("school9.yaml")).unwrap();
    let o = run(&[
        "bundle",
        schools.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--templates",
        templates.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!out.exists(), "the bundle writes nothing");
    // The embedded templates are not limited, and the same file renders.
    let o = nastavnik(
        &[
            "render",
            sample.to_str().unwrap(),
            "--doc",
            "order-curator",
            "--output",
            out.join("prikaz.pdf").to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
}
