//! The PDF as a reader sees it: the text of the document model, an outline
//! of its headings, metadata, one font on every machine, hostile text shown
//! literally, and a region's layout library. Self-contained: reads the PDF
//! with poppler's tools (`pdftotext`, `pdftohtml`, `pdfinfo`).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::pdf_file;

use nastavnik_gen::ir::{Block, Document, Inline, Paragraph, Section};
use nastavnik_gen::{DocumentKind, FontPolicy, Format, GenError, Renderer, Templates, TypstEngine};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn school(name: &str) -> nastavnik_core::Prepared {
    nastavnik_core::from_path(&repo().join("samples").join(name)).expect("a valid sample")
}

/// Runs a poppler tool on a PDF; `None` (said aloud, and a failure on CI)
/// when the tool is missing.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> Option<String> {
    let (_dir, path) = pdf_file(pdf);
    let mut command = Command::new(tool);
    command.args(args).arg(&path);
    if tool == "pdftotext" {
        command.arg("-");
    }
    match command.output() {
        Ok(out) => {
            assert!(out.status.success(), "{tool} failed");
            Some(String::from_utf8_lossy(&out.stdout).into_owned())
        }
        Err(e) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "{tool} is missing on CI: install poppler-utils ({e})"
            );
            eprintln!("SKIPPED: {tool} is not installed (poppler-utils): {e}");
            None
        }
    }
}

/// Text compared across layouts: no whitespace, no hyphens (Typst's
/// hyphenation adds them at line ends), no invisible joiners.
fn normalised(text: &str) -> String {
    // Page numbers in the header («\x0c2») are no part of the text.
    let text: String = text
        .lines()
        .filter(|l| {
            let l = l.trim().trim_start_matches('\x0c');
            l.is_empty() || !l.chars().all(|c| c.is_ascii_digit())
        })
        .collect();
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{ad}' | '\u{2060}' | '\u{200b}'))
        .collect()
}

#[test]
fn the_pdf_shows_the_text_of_the_document_model() {
    let renderer = Renderer::new();
    for (sample, kind) in [
        ("sharya-2020.yaml", DocumentKind::OrderImplementation),
        ("school9-2020.yaml", DocumentKind::Provision),
        ("school9-2020.yaml", DocumentKind::OrderCurator),
        ("sosh19-2021.yaml", DocumentKind::ReportInterim),
    ] {
        let doc = renderer.document(&school(sample), kind).unwrap();
        let pdf = renderer.write(&doc, Format::Pdf).unwrap().bytes;
        let Some(text) = poppler("pdftotext", &["-raw"], &pdf) else {
            return;
        };
        let text = normalised(&text);
        for line in doc.plain_text().lines().filter(|l| !l.contains(" | ")) {
            assert!(
                text.contains(&normalised(line)),
                "{sample} {kind:?}: the PDF lacks «{line}»"
            );
        }
    }
}

#[test]
fn a_single_document_has_an_outline_of_its_headings() {
    let renderer = Renderer::new();
    let doc = renderer
        .document(&school("school9-2020.yaml"), DocumentKind::Provision)
        .unwrap();
    let headings = crate::common::heading_texts(&doc);
    assert!(headings.len() > 3, "a provision has sections");
    let pdf = renderer.write(&doc, Format::Pdf).unwrap().bytes;
    let Some(xml) = poppler("pdftohtml", &["-xml", "-i", "-stdout"], &pdf) else {
        return;
    };
    let outline = &xml[xml.find("<outline>").expect("the PDF has an outline")..];
    let outline = normalised(outline);
    for heading in &headings {
        let words: String = normalised(heading).chars().take(20).collect();
        assert!(outline.contains(&words), "the outline lacks «{heading}»");
    }
    // Nested by level: the title at the top, sections inside it.
    assert!(outline.contains("<outline><item"), "{outline}");
}

#[test]
fn the_metadata_name_the_document_and_its_author() {
    let renderer = Renderer::new();
    let doc = renderer
        .document(
            &school("sharya-2020.yaml"),
            DocumentKind::OrderImplementation,
        )
        .unwrap();
    let pdf = renderer.write(&doc, Format::Pdf).unwrap().bytes;
    let Some(info) = poppler("pdfinfo", &[], &pdf) else {
        return;
    };
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    assert_eq!(
        normalised(&field("Title:")),
        normalised(&doc.title),
        "{info}"
    );
    if !doc.author.is_empty() {
        assert_eq!(
            normalised(&field("Author:")),
            normalised(&doc.author),
            "{info}"
        );
    }
}

#[test]
fn the_default_engine_reads_no_system_font() {
    // Only the embedded Liberation Serif, whatever this machine has installed.
    assert_eq!(TypstEngine::shared().families(), ["Liberation Serif"]);
    let renderer = Renderer::new();
    assert_eq!(renderer.font_family(), "Liberation Serif");
    let org = school("school9-2020.yaml");
    let pdf = renderer
        .render(&org, DocumentKind::OrderCurator, Format::Pdf)
        .unwrap()
        .bytes;
    // With system fonts allowed, a machine with fonts-liberation2 and no
    // preferred family sets the same font from another file: same bytes.
    let system = Renderer::new().with_font_policy(FontPolicy::System);
    if system.font_family() == "Liberation Serif" {
        let from_system = system
            .render(&org, DocumentKind::OrderCurator, Format::Pdf)
            .unwrap()
            .bytes;
        assert!(pdf == from_system, "same font, same bytes");
    } else {
        eprintln!(
            "NOTE: system fonts bring {}: only the default engine was checked",
            system.font_family()
        );
    }
    // And the Typst source names the font, not the host.
    let typ = renderer
        .render(&org, DocumentKind::OrderCurator, Format::Typ)
        .unwrap()
        .bytes;
    let typ = String::from_utf8(typ).unwrap();
    assert!(typ.contains("font: \"Liberation Serif\""));
}

#[test]
fn hostile_text_prints_literally() {
    let hostile = "#set page(paper: \"a5\")] $x^2$ <label> @ref *b* _i_ `raw` \\ // /* #import \"/etc/passwd\": *";
    let doc = Document {
        title: hostile.to_string(),
        author: hostile.to_string(),
        date: None,
        sections: vec![Section {
            blocks: vec![
                Block::Heading {
                    level: 1,
                    content: vec![Inline::plain(hostile)],
                },
                Block::Paragraph(Paragraph::text(vec![Inline::plain(hostile)])),
            ],
            ..Section::default()
        }],
    };
    let renderer = Renderer::new();
    let pdf = renderer.write(&doc, Format::Pdf).unwrap().bytes;
    let Some(text) = poppler("pdftotext", &["-raw"], &pdf) else {
        return;
    };
    assert_eq!(
        normalised(&text).matches(&normalised(hostile)).count(),
        2,
        "heading and paragraph, literally:\n{text}"
    );
}

#[test]
fn a_region_replaces_the_layout_library() {
    let dir = tempfile::tempdir().unwrap();
    let renderer =
        |dir: &Path| Renderer::new().with_templates(Templates::with_overrides(dir).unwrap());
    let org = school("school9-2020.yaml");

    // A working copy with a smaller body size gives a PDF, and a different one.
    let library = Templates::embedded().layout_library().to_string();
    assert!(library.contains("#let body-size = 14pt"));
    std::fs::write(
        dir.path().join("nastavnik.typ"),
        library.replace("#let body-size = 14pt", "#let body-size = 10pt"),
    )
    .unwrap();
    let ours = Renderer::new()
        .render(&org, DocumentKind::Provision, Format::Pdf)
        .unwrap()
        .bytes;
    let theirs = renderer(dir.path())
        .render(&org, DocumentKind::Provision, Format::Pdf)
        .unwrap()
        .bytes;
    assert!(theirs.starts_with(b"%PDF") && ours != theirs);

    // A mistake in it is reported in that file, at its line.
    let broken = format!("{library}\n#let broken = (1 +)\n");
    let line = broken.lines().count();
    let path = dir.path().join("nastavnik.typ");
    std::fs::write(&path, &broken).unwrap();
    let err = renderer(dir.path())
        .render(&org, DocumentKind::Provision, Format::Pdf)
        .unwrap_err();
    let GenError::Typst(err) = err else {
        panic!("a Typst error, not {err}");
    };
    let first = &err.diagnostics[0];
    assert_eq!(
        first.file.as_deref(),
        Some(path.display().to_string().as_str())
    );
    assert_eq!(first.line, Some(line));
    assert!(err.to_string().contains(&path.display().to_string()));
}
