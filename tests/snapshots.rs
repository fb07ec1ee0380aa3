//! Snapshots of what every sample makes: the plain text and the Typst source
//! of each kind. A change of wording or layout shows in review as a diff
//! under `tests/snapshots/`; accept a deliberate one with
//! `INSTA_UPDATE=always cargo test snapshots` (or `cargo insta review`). On CI
//! a missing or different snapshot fails.

use crate::common::*;
use nastavnik_gen::{DocumentKind, Format, GenError};

const SAMPLES: [&str; 5] = [
    "school9-2020",
    "sharya-2020",
    "sosh19-2021",
    "terengul-lyceum-2023",
    "novoshakhtinsk-2022",
];

#[test]
fn every_sample_and_kind_reads_as_approved() {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        let mut unrendered = String::new();
        for name in SAMPLES {
            let org = sample(&format!("{name}.yaml"));
            for kind in DocumentKind::ALL {
                let doc = match renderer().document(&org, kind) {
                    Ok(doc) => doc,
                    Err(GenError::MissingData(reason)) => {
                        unrendered.push_str(&format!("{name} {}: {reason}\n", kind.id()));
                        continue;
                    }
                    Err(other) => panic!("{name} {}: {other}", kind.id()),
                };
                insta::assert_snapshot!(format!("{name}__{}__text", kind.id()), doc.plain_text());
                let typ = renderer().write(&doc, Format::Typ).expect("Typst source");
                insta::assert_snapshot!(
                    format!("{name}__{}__typ", kind.id()),
                    String::from_utf8(typ.bytes).expect("UTF-8")
                );
            }
        }
        // What each sample cannot make, and why: a kind that stops rendering shows here.
        insta::assert_snapshot!("unrendered", unrendered);
    });
}
