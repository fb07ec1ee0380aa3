//! Property-based fuzzing of the whole path: YAML bytes → load → validate →
//! IR → Typst source → PDF and DOCX. Whatever the input, nothing panics and
//! every failure is a diagnostic or a typed error.
//!
//! The test suite runs a few dozen cases; a long run is
//! `PROPTEST_CASES=3000 cargo test --release -p nastavnik-cli --test nastavnik fuzz`.

use crate::common::*;
use nastavnik_gen::{DocumentKind, Format};
use proptest::prelude::*;

fn samples() -> Vec<String> {
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
