//! Property-based fuzzing of the whole path: YAML bytes → load → validate →
//! IR → Typst source → PDF and DOCX. Whatever the input, nothing panics and
//! every failure is a diagnostic or a typed error.
//!
//! The test suite runs a few dozen cases; a long run is
//! `PROPTEST_CASES=3000 cargo test -p nastavnik-cli --test nastavnik fuzz`.
//! The loader alone runs more (256 by default); a long run of it is
//! `NASTAVNIK_FUZZ_CASES=200000 cargo test -p nastavnik-cli --test nastavnik fuzz::the_loader`.

use crate::common::*;
use nastavnik_gen::{DocumentKind, Format};
use proptest::prelude::*;

fn samples() -> &'static [String] {
    static SAMPLES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    SAMPLES.get_or_init(read_samples)
}

fn read_samples() -> Vec<String> {
    [
        "sharya-2020.yaml",
        "school9-2020.yaml",
        "terengul-lyceum-2023.yaml",
        "novoshakhtinsk-2022.yaml",
        "sosh19-2021.yaml",
    ]
    .iter()
    .map(|n| std::fs::read_to_string(root().join("samples").join(n)).unwrap())
    .collect()
}

/// Text people and hostile tools put into YAML.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\t".to_string()),
        Just(": ".to_string()),
        Just("- ".to_string()),
        Just("\n  ".to_string()),
        Just("&a ".to_string()),
        Just("*a".to_string()),
        Just("\"".to_string()),
        Just("{{ x }}".to_string()),
        Just("#import".to_string()),
        Just("до 31.02.2020".to_string()),
        Just("\u{feff}".to_string()),
        Just("\r\n".to_string()),
        Just("[".to_string()),
        Just("]]>".to_string()),
        "[\\PC]{0,12}",
        any::<String>(),
    ]
}

/// One edit of a sample: insert, delete, or duplicate a piece.
#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, String),
    Delete(usize, usize),
    DuplicateLine(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), fragment()).prop_map(|(at, s)| Edit::Insert(at, s)),
        (any::<usize>(), 0usize..40).prop_map(|(at, n)| Edit::Delete(at, n)),
        any::<usize>().prop_map(Edit::DuplicateLine),
    ]
}

fn apply(text: &str, edit: &Edit) -> String {
    let boundary = |at: usize| {
        (0..=at.min(text.len()))
            .rev()
            .find(|i| text.is_char_boundary(*i))
            .unwrap_or(0)
    };
    match edit {
        Edit::Insert(at, s) => {
            let at = boundary(at % (text.len() + 1));
            format!("{}{}{}", &text[..at], s, &text[at..])
        }
        Edit::Delete(at, n) => {
            let from = boundary(at % (text.len() + 1));
            let to = boundary((from + n).min(text.len()));
            format!("{}{}", &text[..from], &text[to.max(from)..])
        }
        Edit::DuplicateLine(at) => {
            let lines: Vec<&str> = text.lines().collect();
            let i = at % lines.len().max(1);
            let mut out: Vec<&str> = lines.clone();
            if let Some(line) = lines.get(i) {
                out.insert(i, line);
            }
            out.join("\n")
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn no_input_makes_the_pipeline_panic(which in 0usize..5, edits in proptest::collection::vec(edit(), 1..6), kind_index in 0usize..13) {
        let base = &samples()[which];
        let text = edits.iter().fold(base.clone(), |t, e| apply(&t, e));
        match nastavnik_core::load_str(&text, "fuzz.yaml") {
            Err(err) => {
                // Refused: with at least one diagnostic in Russian that has a position.
                let diagnostics = err.diagnostics();
                prop_assert!(!diagnostics.is_empty());
                for d in diagnostics {
                    prop_assert!(d.line >= 1 && d.column >= 1, "{d}");
                    prop_assert!(d.message.chars().any(|c| ('а'..='я').contains(&c)), "{d}");
                }
            }
            Ok(loaded) => {
                let kind = DocumentKind::ALL[kind_index];
                match renderer().document(&loaded.organization, kind) {
                    Ok(doc) => {
                        for format in [Format::Typ, Format::Docx, Format::Pdf] {
                            let bytes = renderer().write(&doc, format);
                            prop_assert!(bytes.is_ok(), "{kind:?} {format:?}: {:?}", bytes.err());
                        }
                    }
                    // A file that loads may lack what one kind needs: that, and only that, is refused.
                    Err(nastavnik_gen::GenError::MissingData(reason)) => {
                        prop_assert!(reason.chars().any(|c| ('а'..='я').contains(&c)), "{reason}");
                    }
                    Err(other) => prop_assert!(false, "{kind:?}: {other}"),
                }
            }
        }
    }
}

/// Cases for the loader's own fuzzing: `NASTAVNIK_FUZZ_CASES`, else 256.
fn loader_cases() -> u32 {
    std::env::var("NASTAVNIK_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

/// Hostile YAML built from pieces: anchors and aliases, deep flow and
/// block nesting, long values, duplicate keys, odd scalars.
fn hostile_yaml() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("kind: school\n".to_string()),
        Just("name: Школа\n".to_string()),
        Just("head: Иванов И.И.\n".to_string()),
        Just("name: &a Школа\n".to_string()),
        Just("header: [*a, *a, *a]\n".to_string()),
        Just("people: {a: &p {surname: X}, b: *p}\n".to_string()),
        Just("roadmap: {period: 2020, from_default: true}\n".to_string()),
        Just("roadmap:\n  subject: s\n  sections:\n    - title: t\n      items:\n        - title: x\n          deadline: 99999999999 раза в год\n".to_string()),
        Just("forms: [ученик-ученик, ~, 12, .nan, true]\n".to_string()),
        Just("documents: {d: {date: ２０２０-01-01, number: 1}}\n".to_string()),
        (1usize..300).prop_map(|n| format!("header: {}{}\n", "[".repeat(n), "]".repeat(n))),
        (1usize..100).prop_map(|n| {
            let mut s = String::from("header:\n");
            for d in 1..=n {
                s.push_str(&format!("{}- \n", "  ".repeat(d)));
            }
            s
        }),
        "[a-z_]{1,8}: [\\PC]{0,16}\n",
        any::<String>(),
    ];
    proptest::collection::vec(piece, 1..8).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: loader_cases(), ..ProptestConfig::default() })]

    /// The loader alone: whatever the text, an organisation or placed
    /// Russian diagnostics, a bounded number of them, and never a panic.
    #[test]
    fn the_loader_answers_every_text_with_a_place(
        which in 0usize..5,
        edits in proptest::collection::vec(edit(), 0..6),
        hostile in hostile_yaml(),
        mix in 0u8..3,
    ) {
        let text = match mix {
            0 => edits.iter().fold(samples()[which].clone(), |t, e| apply(&t, e)),
            1 => hostile,
            _ => format!("{}{hostile}", edits.iter().fold(samples()[which].clone(), |t, e| apply(&t, e))),
        };
        let lines = text.lines().count() + 1;
        if let Err(err) = nastavnik_core::load_str(&text, "fuzz.yaml") {
            let diagnostics = err.diagnostics();
            prop_assert!(!diagnostics.is_empty());
            prop_assert!(diagnostics.len() <= nastavnik_core::load::MAX_DIAGNOSTICS + 1);
            for d in diagnostics {
                prop_assert!(d.line >= 1 && d.column >= 1 && d.line <= lines, "{d}");
                prop_assert!(d.message.chars().any(|c| ('а'..='я').contains(&c)), "{d}");
            }
        }
    }
}
