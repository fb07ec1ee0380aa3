//! Every DOCX the samples produce passes Microsoft's Open XML SDK validator
//! (the reference for what Word accepts) with no error.
//!
//! The validator runs from `tools/oxsdk/` (set up by `tools/oxsdk/setup.sh`,
//! which `.ci/run` calls). Without it the test fails on CI and says SKIPPED
//! elsewhere.

use std::path::{Path, PathBuf};
use std::process::Command;

use nastavnik_gen::ir::{Block, Document, Inline, Orientation, Paragraph, Section};
use nastavnik_gen::{DocumentKind, Format, GenError, Renderer};

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Where `tools/oxsdk/setup.sh` put the validator, if it did.
fn validator() -> Option<PathBuf> {
    let dir = std::env::var_os("NASTAVNIK_OXSDK")
        .map(PathBuf::from)
        .or_else(|| {
            let cache = std::env::var_os("XDG_CACHE_HOME")
                .map(PathBuf::from)
                .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache")))?;
            Some(cache.join("nastavnik-oxsdk"))
        });
    let ready = dir
        .as_ref()
        .is_some_and(|d| d.join("ready").exists() && d.join("venv/bin/python").exists());
    if ready {
        return dir;
    }
    let message = format!(
        "the Open XML SDK validator is not set up in {} (run tools/oxsdk/setup.sh)",
        dir.map_or("$HOME/.cache/nastavnik-oxsdk".into(), |d| d
            .display()
            .to_string())
    );
    if std::env::var_os("CI").is_some() {
        panic!("{message}");
    }
    eprintln!("SKIPPED: {message}");
    None
}

/// Validates files; returns the validator's error lines.
fn validate(sdk: &Path, files: &[PathBuf]) -> String {
    let out = Command::new(sdk.join("venv/bin/python"))
        .arg(repository().join("tools/oxsdk/validate.py"))
        .arg("--sdk")
        .arg(sdk)
        .args(files)
        .output()
        .expect("the validator runs");
    let errors = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success() || !errors.is_empty(),
        "the validator failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    errors
}

/// Documents no sample holds: text shaped like the writer's own ids, links
/// with control characters and schemes that must not become links.
fn hostile_documents() -> Vec<(String, Document)> {
    let link = |url: &str, text: &str| Inline::Link {
        url: url.into(),
        text: text.into(),
    };
    let doc = Document {
        title: "Приказ rIdHyperlink42 \u{7}\u{fffe}".into(),
        author: "Школа «№ 1» & <сад>".into(),
        date: chrono::NaiveDate::from_ymd_opt(2024, 9, 1),
        sections: vec![Section {
            orientation: Orientation::Portrait,
            blocks: vec![
                Block::Heading {
                    level: 1,
                    content: vec![Inline::plain("rIdHyperlink42 w14:paraId=\"1\"")],
                },
                Block::Paragraph(Paragraph::text(vec![
                    link("http://example.org/\u{1}x", "ссылка\u{7}с управляющим"),
                    link("javascript:alert(1)", "не ссылка"),
                    link("https://example.org/a?b=1&c=<2>", "амперсанд"),
                    link("mailto:school@example.org", "почта"),
                    Inline::plain("\u{0}\u{1f}\u{fffe}\u{ffff}"),
                ])),
            ],
        }],
    };
    vec![("hostile".into(), doc)]
}

#[test]
fn every_docx_is_valid_for_word() {
    let renderer = Renderer::new();
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    // The schools' samples and the authorities' (with their schools) alike.
    let mut samples: Vec<PathBuf> = ["samples", "samples/municipal", "samples/municipal/schools"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(repository().join(dir)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    samples.sort();
    assert!(samples.len() >= 5, "the samples are there");
    for sample in &samples {
        let org = nastavnik_core::from_path(sample).expect("sample loads");
        let name = sample.file_stem().unwrap().to_string_lossy().into_owned();
        for kind in DocumentKind::ALL {
            let docx = match renderer.render(&org, kind, Format::Docx) {
                Ok(rendered) => rendered.bytes,
                // The sample has no data for this kind: nothing to validate.
                Err(GenError::MissingData(_)) => continue,
                Err(e) => panic!("{name} {}: {e}", kind.id()),
            };
            let again = renderer.render(&org, kind, Format::Docx).unwrap().bytes;
            assert!(
                docx == again,
                "{name} {}: the same input gives other bytes",
                kind.id()
            );
            let path = dir.path().join(format!("{name}--{}.docx", kind.id()));
            std::fs::write(&path, docx).unwrap();
            files.push(path);
        }
    }
    // The five reference samples render 22 documents (the two authorities have no положение or программа); fewer means kinds stopped rendering.
    assert!(files.len() >= 22, "only {} documents rendered", files.len());
    for (name, doc) in hostile_documents() {
        let path = dir.path().join(format!("{name}.docx"));
        let docx = renderer.write(&doc, Format::Docx).unwrap().bytes;
        std::fs::write(&path, docx).unwrap();
        files.push(path);
    }

    let Some(sdk) = validator() else { return };
    let errors = validate(&sdk, &files);
    assert!(
        errors.is_empty(),
        "the Open XML SDK validator found errors in {} files:\n{errors}",
        files.len()
    );
}
