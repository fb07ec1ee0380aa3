//! Hostile and broken input: every case gets an exact answer — the error
//! with its position, or the literal rendering — and never a panic, a hang or
//! a broken file.

use std::path::Path;
use std::process::Command;

use crate::common::*;
use nastavnik_core::{load_path, load_str, Organization};
use nastavnik_gen::{DocumentKind, Format};

fn corpus(name: &str) -> std::path::PathBuf {
    root().join("tests/corpus/malformed").join(name)
}

/// Loads a corpus file and returns its first diagnostic as printed.
fn first_error(path: &Path) -> String {
    let err = load_path(path).expect_err("the file must be refused");
    err.diagnostics().first().expect("a diagnostic").to_string()
}

/// Each malformed file and the exact start of the answer: position, field, message.
const REFUSED: &[(&str, &str)] = &[
    ("tabs.yaml", "tabs.yaml:4:1: ошибка: поле «head»: ошибка синтаксиса YAML: в отступе стоит символ табуляции: YAML допускает только пробелы"),
    ("mixed-indentation.yaml", "mixed-indentation.yaml:5:8: ошибка: поле «head»: ошибка синтаксиса YAML: лишнее двоеточие или неверный отступ"),
    ("duplicate-key.yaml", "duplicate-key.yaml:3:7: ошибка: поле «name»: поле «name» указано дважды: оставьте одно"),
    ("empty.yaml", "empty.yaml:1:1: ошибка: файл пуст"),
    ("only-comments.yaml", "only-comments.yaml:1:1: ошибка: файл пуст"),
    ("control-character.yaml", "control-character.yaml:2:12: ошибка: ошибка синтаксиса YAML: в тексте есть управляющий (невидимый) символ"),
    ("unclosed-quote.yaml", "unclosed-quote.yaml:2:7: ошибка: поле «name»: ошибка синтаксиса YAML: YAML не разобран: проверьте кавычки, скобки и отступы"),
    ("billion-laughs.yaml", "billion-laughs.yaml:15:39: ошибка: поле «roadmap.sections[0].items[6].items[1]»: ссылки (&якорь и *ссылка) раскрываются в слишком большой документ (больше 1000000 значений)"),
    ("deep-nesting.yaml", "deep-nesting.yaml:4:72: ошибка: поле «header»: вложенность глубже 64 уровней"),
];

#[test]
fn malformed_files_get_a_clear_answer_with_a_position() {
    for (name, expected) in REFUSED {
        let message = first_error(&corpus(name));
        let shown = message.replace(
            &format!("{}/", root().join("tests/corpus/malformed").display()),
            "",
        );
        assert!(
            shown.starts_with(expected),
            "{name}:\n got: {shown}\nwant: {expected}"
        );
    }
}

#[test]
fn bom_and_windows_line_endings_are_read_correctly() {
    for name in ["bom.yaml", "windows-line-endings.yaml"] {
        let org = load_path(&corpus(name))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .organization;
        assert!(org.name.starts_with("Школа с "), "{name}: {:?}", org.name);
        assert!(!org.name.contains('\r') && !org.name.contains('\u{feff}'));
        let docx = render(&org, DocumentKind::Roadmap, Format::Docx);
        assert!(docx_text(&docx).contains("Пункт"));
    }
    let org = load_path(&corpus("windows-line-endings.yaml"))
        .unwrap()
        .organization;
    let item = &org.into_organization().roadmap.unwrap().sections[0].items[0];
    assert_eq!(item.deadline.as_ref().unwrap().to_string(), "до 01.06.2024");
}

#[test]
fn non_utf8_and_oversized_files_are_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.yaml");
    std::fs::write(&latin1, b"kind: school\nname: \xc8\xea\xee\xeb\xe0\n").unwrap();
    let message = first_error(&latin1);
    assert!(message.ends_with("latin1.yaml:2:7: ошибка: файл не в кодировке UTF-8: сохраните его как «UTF-8» в редакторе"), "{message}");

    let big = dir.path().join("big.yaml");
    let mut text = String::from("kind: school\nname: Школа\nhead: Иванов И.И.\n# ");
    text.push_str(&"x".repeat(50 * 1024 * 1024));
    std::fs::write(&big, &text).unwrap();
    let message = first_error(&big);
    assert!(message.ends_with("big.yaml:1:1: ошибка: файл слишком большой: 50,0 МБ при пределе 4 МБ; разделите его на несколько (например, по организациям)"), "{message}");
    let err = load_str(&text, "big.yaml").unwrap_err().to_string();
    assert!(err.contains("файл слишком большой"));
}

#[test]
fn limits_are_reported() {
    let mut yaml = String::from("kind: school\nname: Школа\nroadmap:\n  subject: на год\n  sections:\n    - title: Раздел\n      items:\n");
    for i in 0..1001 {
        yaml.push_str(&format!("        - title: П{i}\n"));
    }
    let err = load_str(&yaml, "many.yaml").unwrap_err().to_string();
    assert!(err.contains("many.yaml:3:1: ошибка: поле «roadmap»: пунктов дорожной карты: 1001, а можно не больше 1000"), "{err}");
}

const HOSTILE: &[&str] = &[
    "#import \"@preview/x:1.0.0\": * #read(\"/etc/passwd\") #set page(paper: \"a0\")",
    "{{ 7*7 }} {% for x in range(10) %}x{% endfor %} {# comment #}",
    "]]> <w:p><w:r><w:t>инъекция</w:t></w:r></w:p> &amp; <!-- -->",
    "# Заголовок *курсив* _подчёркнут_ [ссылка](http://x) `код` $x^2$ \\ @[roadmap-table]",
    "звонок\u{7} escape\u{1b}[31m нуль\u{1}",
    "\u{200f}метка справа\u{200e} и \u{202e}перевёрнуто\u{202c}",
];

fn poison_everything(mut org: Organization) -> Organization {
    let long_word = "Наставничество".repeat(40);
    let long_title = "Очень длинное название организации ".repeat(290);
    assert!(long_title.chars().count() > 10_000);
    let h = |i: usize| HOSTILE[i % HOSTILE.len()].to_string();
    org.name = long_title.clone();
    org.short_name = Some(format!("МБОУ {} {}", h(0), h(4)));
    org.head.position = format!("Директор {}", h(1));
    org.head.surname = format!("Иванов{}", h(2));
    let roadmap = org.roadmap.as_mut().unwrap();
    roadmap.subject = format!("{} {}", h(3), long_word);
    for (s, section) in roadmap.sections.iter_mut().enumerate() {
        section.title = format!("{} {}", h(s), h(s + 1));
        for (i, item) in section.items.iter_mut().enumerate() {
            item.title = format!("{} {}", h(i + s), if i == 0 { &long_word } else { "" });
            item.result = vec![h(i + 2)];
            item.details = vec![h(i + 3)];
        }
    }
    org
}

/// Characters XML 1.0 cannot hold: a DOCX with them does not open.
fn has_xml_forbidden(xml: &str) -> bool {
    xml.chars()
        .any(|c| matches!(c as u32, 0..=8 | 0xb | 0xc | 0xe..=0x1f | 0xfffe | 0xffff))
}

#[test]
fn hostile_text_renders_literally_and_the_layout_survives() {
    let org = prepared(poison_everything(sample_model("school9-2020.yaml")));
    for kind in DocumentKind::ALL {
        let doc = match renderer().document(&org, kind) {
            Ok(doc) => doc,
            // The sample has no reports and no teachers' system: the only kinds it cannot make.
            Err(nastavnik_gen::GenError::MissingData(_))
                if matches!(
                    kind,
                    DocumentKind::ReportInterim
                        | DocumentKind::ReportFinal
                        | DocumentKind::MunicipalReport
                        | DocumentKind::MunicipalProvision
                        // its положение is annex 2 of the order on implementation
                        | DocumentKind::OrderProvision
                ) || kind.id().starts_with("teachers-") =>
            {
                continue
            }
            Err(other) => panic!("{}: {other}", kind.id()),
        };
        let text = doc.plain_text();
        assert!(
            !text.contains("49"),
            "{}: a template expression in data was evaluated",
            kind.id()
        );
        let docx = render(&org, kind, Format::Docx);
        for part in ["word/document.xml", "word/styles.xml"] {
            assert!(
                !has_xml_forbidden(&docx_part(&docx, part)),
                "{} {part}",
                kind.id()
            );
        }
        let pdf = render(&org, kind, Format::Pdf);
        assert!(pdf.starts_with(b"%PDF"));
    }
    // The order shows every hostile string as written: control characters as their pictures.
    let kind = DocumentKind::OrderImplementation;
    let docx = docx_text(&render(&org, kind, Format::Docx));
    let pdf = pdf_text(&render(&org, kind, Format::Pdf));
    for hostile in HOSTILE {
        let shown = nastavnik_gen::text::printable(hostile);
        assert!(
            squeeze(&docx).contains(&squeeze(&shown)),
            "DOCX lost {hostile:?}"
        );
        if let Some(pdf) = &pdf {
            if hostile.contains('\u{202e}') {
                // A right-to-left override shows the word backwards: either order is the word.
                let have = squeeze(pdf);
                assert!(have.contains("меткасправа"), "PDF lost the marked text");
                assert!(
                    have.contains("перевёрнуто") || have.contains("отунрёвереп"),
                    "PDF lost the overridden text"
                );
                continue;
            }
            let want: String = squeeze(&shown)
                .chars()
                .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202c}' | '\u{202e}'))
                .collect();
            let have: String = squeeze(pdf)
                .chars()
                .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202c}' | '\u{202e}'))
                .collect();
            assert!(have.contains(&want), "PDF lost {hostile:?}");
        }
    }
    assert!(
        squeeze(&docx).contains("звонок\\x07"),
        "a control character is written out"
    );
    // A 560-letter word wraps inside its cell instead of widening the table beyond the page.
    if let Some(pages) = pdf_pages(&render(&org, DocumentKind::Roadmap, Format::Pdf)) {
        assert!(pages < 40, "{pages} pages");
    }
    if let Some(pdf) = pdf {
        assert!(
            squeeze(&pdf).contains(&"Наставничество".repeat(3)),
            "the long word is there, whole"
        );
    }
}

#[test]
fn templates_cannot_reach_outside_their_directory() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("t");
    std::fs::create_dir(&templates).unwrap();
    let secret = dir.path().join("secret.md");
    std::fs::write(&secret, "СЕКРЕТ").unwrap();
    // A template that includes a file outside, by a relative and an absolute path.
    std::fs::write(
        templates.join("roadmap.md"),
        "{% include \"../secret.md\" %}\n",
    )
    .unwrap();
    let custom = nastavnik_gen::Templates::with_overrides(&templates).unwrap();
    let org = sample("school9-2020.yaml");
    let r = nastavnik_gen::Renderer::new().with_templates(custom);
    let err = r
        .document(&org, DocumentKind::Roadmap)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("шаблон roadmap.md") && !err.contains("СЕКРЕТ"),
        "{err}"
    );
    std::fs::write(
        templates.join("roadmap.md"),
        format!("{{% include \"{}\" %}}\n", secret.display()),
    )
    .unwrap();
    let r = nastavnik_gen::Renderer::new()
        .with_templates(nastavnik_gen::Templates::with_overrides(&templates).unwrap());
    assert!(r.document(&org, DocumentKind::Roadmap).is_err());
    // A symlink in the template directory is refused, not followed.
    #[cfg(unix)]
    {
        std::fs::remove_file(templates.join("roadmap.md")).unwrap();
        std::os::unix::fs::symlink(&secret, templates.join("roadmap.md")).unwrap();
        let r = nastavnik_gen::Renderer::new()
            .with_templates(nastavnik_gen::Templates::with_overrides(&templates).unwrap());
        let err = r
            .document(&org, DocumentKind::Roadmap)
            .unwrap_err()
            .to_string();
        assert!(err.contains("символическая ссылка"), "{err}");
    }
    // A template that loops forever runs out of fuel.
    std::fs::write(
        templates.join("roadmap.md"),
        "{% for i in range(1000000) %}{% for j in range(1000000) %}x{% endfor %}{% endfor %}",
    )
    .unwrap_or(());
    let _ = std::fs::remove_file(templates.join("roadmap.md"));
    std::fs::write(
        templates.join("roadmap.md"),
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    )
    .unwrap();
    let r = nastavnik_gen::Renderer::new()
        .with_templates(nastavnik_gen::Templates::with_overrides(&templates).unwrap());
    // Fuel bounds the work, not a clock: the render stops with the template named.
    let err = r
        .document(&org, DocumentKind::Roadmap)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("шаблон roadmap.md") && err.contains("слишком долго"),
        "{err}"
    );
}

/// `nastavnik render INPUT --doc roadmap --output OUT`.
fn render_roadmap(input: &Path, out: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_nastavnik"))
        .args([
            "render",
            input.to_str().unwrap(),
            "--doc",
            "roadmap",
            "--output",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap()
}

#[test]
fn a_failed_render_keeps_the_old_file_and_a_missing_directory_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("a/b/c/karta.pdf");
    let o = render_roadmap(&root().join("samples/school9-2020.yaml"), &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let good = std::fs::read(&out).unwrap();
    let o = render_roadmap(&corpus("tabs.yaml"), &out);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        std::fs::read(&out).unwrap(),
        good,
        "the old file is untouched"
    );
    let leftovers: Vec<_> = std::fs::read_dir(out.parent().unwrap()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left behind");
}

/// The default roadmap runs September to May: a period inside one calendar
/// year, in any of the forms a period takes, is a mistake at `period`, never a panic.
#[test]
fn a_default_roadmap_within_one_year_is_a_mistake_not_a_crash() {
    for (period, shown) in [
        ("2022", "2022 год"),
        ("2020", "2020 год"),
        ("{from: 2022-01-10, to: 2022-05-30}", ""),
    ] {
        let text = format!(
            "kind: school\nname: Школа № 1\nhead: Иванов Иван Иванович\nroadmap: {{from_default: true, period: {period}}}\n"
        );
        let err = load_str(&text, "p.yaml").unwrap_err();
        let d = err.diagnostics();
        assert_eq!(d.len(), 1, "{err}");
        assert_eq!(
            (d[0].line, d[0].field.as_str()),
            (4, "roadmap.period"),
            "{err}"
        );
        assert!(
            d[0].message.contains(shown)
                && d[0].message.contains("умещается в один календарный год"),
            "{err}"
        );
    }
    let ok = "kind: school\nname: Школа № 1\nhead: Иванов Иван Иванович\nroadmap: {from_default: true, period: 2022/2023}\n";
    assert!(load_str(ok, "p.yaml").is_ok());
}

/// Every structural mistake is found; past the cap the list counts the rest.
#[test]
fn every_mistake_is_found_and_the_list_is_capped() {
    let cap = nastavnik_core::load::MAX_DIAGNOSTICS;
    let mut text = String::from("kind: school\nname: Школа\nhead: Иванов Иван Иванович\n");
    for i in 0..80 {
        text.push_str(&format!("unknown{i}: 1\n"));
    }
    let err = load_str(&text, "many.yaml").unwrap_err();
    let d = err.diagnostics();
    assert_eq!(d.len(), 80, "{err}");
    assert_eq!(
        (d[79].line, d[79].column, d[79].field.as_str()),
        (83, 1, "unknown79")
    );
    for i in 80..cap + 123 {
        text.push_str(&format!("unknown{i}: 1\n"));
    }
    let err = load_str(&text, "many.yaml").unwrap_err();
    let d = err.diagnostics();
    assert_eq!(d.len(), cap + 1, "{err}");
    assert_eq!(
        d[cap].to_string(),
        "many.yaml:1:1: ошибка: и ещё 123 сообщения: исправьте показанные и запустите check снова"
    );
}

/// Templates from `--templates` that write without bound fail with the
/// template named: output size, list nesting and list items are bounded.
#[test]
fn template_output_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let org = sample("school9-2020.yaml");
    let fails = |template: &str| -> String {
        std::fs::write(dir.path().join("roadmap.md"), template).unwrap();
        let r = nastavnik_gen::Renderer::new()
            .with_templates(nastavnik_gen::Templates::with_overrides(dir.path()).unwrap());
        r.document(&org, DocumentKind::Roadmap)
            .expect_err("the template must fail")
            .to_string()
    };
    // 100 000 nested list markers on one line.
    assert_eq!(
        fails("{% for i in range(100000) %}- {% endfor %}x\n"),
        "ошибка шаблона: шаблон roadmap.md: вывод шаблона, строка 1: списки вложены глубже 16 уровней"
    );
    // 20 000 numbered lines.
    assert_eq!(
        fails("{% for i in range(20000) %}1. пункт\n{% endfor %}"),
        "ошибка шаблона: шаблон roadmap.md: шаблон выводит больше 10000 пунктов списков"
    );
    // A doubled string written again and again: stopped at the output bound.
    assert_eq!(
        fails("{% set ns = namespace(s=\"ab\") %}{% for i in range(22) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{% for i in range(100) %}{{ ns.s }}{% endfor %}"),
        "ошибка шаблона: шаблон roadmap.md: шаблон выводит больше 16 МБ текста (бесконечное удвоение строки?)"
    );
}
