//! Helpers for the end-to-end tests: render samples, read PDF and DOCX text
//! the way a reader sees it.
#![allow(dead_code)]

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use nastavnik_core::{Organization, Prepared};
use nastavnik_gen::{DocumentKind, Format, Renderer};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A sample, loaded.
pub fn sample(name: &str) -> Prepared {
    nastavnik_core::from_path(&root().join("samples").join(name)).expect("sample loads")
}

/// A sample's model, to change before preparing it again.
pub fn sample_model(name: &str) -> Organization {
    sample(name).into_organization()
}

/// A model prepared as loading prepares a file.
pub fn prepared(org: Organization) -> Prepared {
    nastavnik_core::prepare(org).expect("the model prepares")
}

/// One renderer for the whole test binary, as an embedder would keep it.
pub fn renderer() -> &'static Renderer {
    static R: OnceLock<Renderer> = OnceLock::new();
    R.get_or_init(Renderer::new)
}

/// Renders a document to bytes.
pub fn render(org: &Prepared, kind: DocumentKind, format: Format) -> Vec<u8> {
    renderer()
        .render(org, kind, format)
        .expect("document renders")
        .bytes
}

/// Whether an external program is installed. Missing tools fail the test on
/// CI (which installs them) and are reported and skipped elsewhere.
pub fn tool_available(program: &str, package: &str) -> bool {
    let found = Command::new(program).arg("--version").output().is_ok()
        || Command::new(program).arg("-v").output().is_ok();
    if !found {
        if std::env::var_os("CI").is_some() {
            panic!("{program} is missing: install the Debian package {package}");
        }
        eprintln!("SKIPPED: {program} is not installed (apt-get install {package})");
    }
    found
}

/// A PDF written to a temporary folder for a tool to read: the folder
/// (removed when dropped) and the file's path.
pub fn pdf_file(pdf: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    (dir, path)
}

/// The text of a PDF in content order (`pdftotext -raw`).
pub fn pdf_text(pdf: &[u8]) -> Option<String> {
    pdftotext(pdf, None)
}

/// `pdftotext -raw` of one page of a PDF (1-based), or of all of them.
fn pdftotext(pdf: &[u8], page: Option<usize>) -> Option<String> {
    if !tool_available("pdftotext", "poppler-utils") {
        return None;
    }
    let (_dir, path) = pdf_file(pdf);
    let mut command = Command::new("pdftotext");
    command.arg("-raw");
    if let Some(page) = page {
        let page = page.to_string();
        command.args(["-f", &page, "-l", &page]);
    }
    let out = command.arg(&path).arg("-").output().unwrap();
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

/// What `qpdf --check` finds wrong in a PDF's syntax, cross-references and
/// streams (`None` when it finds nothing or is not installed).
pub fn pdf_syntax_problems(pdf: &[u8]) -> Option<String> {
    if !tool_available("qpdf", "qpdf") {
        return None;
    }
    let (_dir, path) = pdf_file(pdf);
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(&path)
        .output()
        .unwrap();
    (!out.status.success()).then(|| {
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
    })
}

/// Every page of a PDF as a small grey image (`pdftoppm`, 24 dpi), in order.
pub fn page_images(pdf: &[u8]) -> Option<Vec<Vec<u8>>> {
    if !tool_available("pdftoppm", "poppler-utils") {
        return None;
    }
    let (dir, path) = pdf_file(pdf);
    let out = Command::new("pdftoppm")
        .args(["-r", "24", "-gray"])
        .arg(&path)
        .arg(dir.path().join("page"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pdftoppm failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pgm"))
        .collect();
    // page-01.pgm … page-59.pgm: the same width, so they sort in order.
    pages.sort();
    Some(pages.iter().map(|p| std::fs::read(p).unwrap()).collect())
}

/// The number of pages of a PDF, from `pdfinfo`.
pub fn pdf_pages(pdf: &[u8]) -> Option<usize> {
    if !tool_available("pdfinfo", "poppler-utils") {
        return None;
    }
    let (_dir, path) = pdf_file(pdf);
    let out = Command::new("pdfinfo").arg(&path).output().unwrap();
    let info = String::from_utf8_lossy(&out.stdout);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse().unwrap())
}

/// An XML part of a DOCX package.
pub fn docx_part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).expect("DOCX is a zip");
    let mut part = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("DOCX has {name}"));
    let mut xml = String::new();
    part.read_to_string(&mut xml).unwrap();
    xml
}

/// Word's list numbering of a DOCX: for each `numId`, the level texts
/// («%1.», «2.%1.») and the start of level 0.
fn docx_numbering(docx: &[u8]) -> std::collections::HashMap<String, (Vec<String>, u32)> {
    use quick_xml::events::Event;
    use std::collections::HashMap;
    let Ok(xml) = std::panic::catch_unwind(|| docx_part(docx, "word/numbering.xml")) else {
        return HashMap::new();
    };
    let attr = |e: &quick_xml::events::BytesStart, name: &[u8]| {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name)
            .map(|a| String::from_utf8_lossy(&a.value).into_owned())
    };
    let mut abstracts: HashMap<String, Vec<String>> = HashMap::new();
    let mut nums: HashMap<String, (String, u32)> = HashMap::new();
    let (mut current_abstract, mut current_num) = (None::<String>, None::<String>);
    let mut reader = quick_xml::Reader::from_str(&xml);
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"w:abstractNum" => current_abstract = attr(&e, b"w:abstractNumId"),
                b"w:lvlText" => {
                    if let (Some(a), Some(v)) = (&current_abstract, attr(&e, b"w:val")) {
                        abstracts.entry(a.clone()).or_default().push(v);
                    }
                }
                b"w:num" => {
                    current_abstract = None;
                    current_num = attr(&e, b"w:numId");
                }
                b"w:abstractNumId" => {
                    if let (Some(n), Some(v)) = (&current_num, attr(&e, b"w:val")) {
                        nums.insert(n.clone(), (v, 1));
                    }
                }
                b"w:startOverride" => {
                    if let (Some(n), Some(v)) = (&current_num, attr(&e, b"w:val")) {
                        if let Some(entry) = nums.get_mut(n) {
                            entry.1 = v.parse().unwrap_or(1);
                        }
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    nums.into_iter()
        .map(|(n, (a, start))| (n, (abstracts.get(&a).cloned().unwrap_or_default(), start)))
        .collect()
}

/// The text of a DOCX body as Word shows it: paragraphs on lines, tabs kept,
/// list numbers («1.», «2.1.») computed from numbering.xml as Word would.
pub fn docx_text(docx: &[u8]) -> String {
    use quick_xml::events::Event;
    use std::collections::HashMap;
    let numbering = docx_numbering(docx);
    let mut counters: HashMap<String, Vec<u32>> = HashMap::new();
    let xml = docx_part(docx, "word/document.xml");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut text = String::new();
    let mut paragraph = String::new();
    let mut in_text = false;
    let (mut num_id, mut level) = (None::<String>, 0usize);
    let attr = |e: &quick_xml::events::BytesStart, name: &[u8]| {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name)
            .map(|a| String::from_utf8_lossy(&a.value).into_owned())
    };
    loop {
        match reader.read_event().expect("well-formed document.xml") {
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            Event::Empty(e) if e.name().as_ref() == b"w:numId" => num_id = attr(&e, b"w:val"),
            Event::Empty(e) if e.name().as_ref() == b"w:ilvl" => {
                level = attr(&e, b"w:val").and_then(|v| v.parse().ok()).unwrap_or(0)
            }
            Event::End(e) if e.name().as_ref() == b"w:p" => {
                if let Some(id) = num_id.take() {
                    if let Some((levels, start)) = numbering.get(&id) {
                        let c = counters.entry(id.clone()).or_insert_with(|| vec![0; 9]);
                        c[level] += 1;
                        for deeper in c.iter_mut().skip(level + 1) {
                            *deeper = 0;
                        }
                        let mut label = levels.get(level).cloned().unwrap_or_default();
                        for l in 0..=level {
                            let value = if l == 0 { c[0] + start - 1 } else { c[l] };
                            label = label.replace(&format!("%{}", l + 1), &value.to_string());
                        }
                        text.push_str(&label);
                        text.push(' ');
                    }
                }
                level = 0;
                text.push_str(&paragraph);
                text.push('\n');
                paragraph.clear();
            }
            Event::Empty(e) if e.name().as_ref() == b"w:tab" => paragraph.push('\t'),
            Event::Empty(e) if e.name().as_ref() == b"w:br" => paragraph.push('\n'),
            Event::Text(t) if in_text => paragraph.push_str(&t.unescape().unwrap()),
            Event::Eof => break,
            _ => {}
        }
    }
    text
}

/// Converts a DOCX to PDF with LibreOffice, as a user opening it would.
pub fn docx_to_pdf(docx: &[u8]) -> Option<Vec<u8>> {
    if !tool_available("soffice", "libreoffice-writer") {
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.docx");
    std::fs::write(&path, docx).unwrap();
    let out = Command::new("soffice")
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&path)
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = std::fs::read(dir.path().join("doc.pdf")).expect("soffice wrote the PDF");
    Some(pdf)
}

/// Text with hyphenation undone and all white space removed, so that
/// line breaks and page layout do not matter when looking for a phrase.
pub fn squeeze(text: &str) -> String {
    text.replace("\u{ad}\n", "")
        .replace('\u{ad}', "")
        .chars()
        // A word joiner keeps «2020–2027» on one line and is not seen.
        .filter(|c| !c.is_whitespace() && *c != '\u{2060}')
        .collect()
}

/// Text without page furniture: lines holding only a page number, and the
/// repeated header rows of tables (given as `furniture`, matched without spaces).
pub fn reading_text(text: &str, furniture: &[&str]) -> String {
    // Page numbers run 2, 3, 4 … from the second page: drop a line holding
    // just the next of them, and keep other numbers (a figure in a table).
    let mut next_page = 2;
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| {
            if l.trim() == next_page.to_string() {
                next_page += 1;
                false
            } else {
                true
            }
        })
        .collect();
    let mut squeezed = squeeze(&kept.join("\n"));
    for f in furniture {
        let f = squeeze(f);
        // The first occurrence is the real header row; later ones repeat it.
        if let Some(first) = squeezed.find(&f) {
            let (head, tail) = squeezed.split_at(first + f.len());
            squeezed = format!("{head}{}", tail.replace(&f, ""));
        }
    }
    squeezed
}

/// Asserts that every phrase occurs in `text`, in the given order.
///
/// A phrase is found as one run of characters (white space and hyphenation
/// aside); a phrase a page break split inside a table row, where the other
/// cells' text comes between, is found word by word, still in order.
pub fn assert_phrases_in_order(text: &str, phrases: &[String], what: &str) {
    let hay = reading_text(text, &[]);
    assert_phrases_in(&hay, text, phrases, what)
}

/// Like [`assert_phrases_in_order`], on text already read with [`reading_text`].
pub fn assert_phrases_in(hay: &str, original: &str, phrases: &[String], what: &str) {
    let mut from = 0;
    for phrase in phrases {
        let needle = squeeze(phrase);
        if let Some(i) = hay[from..].find(&needle) {
            from += i + needle.len();
            continue;
        }
        // Word by word within a window: a row split over two pages.
        let window_end = (from + needle.len() * 4 + 2000).min(hay.len());
        let window_end = (window_end..=hay.len())
            .find(|i| hay.is_char_boundary(*i))
            .unwrap_or(hay.len());
        let mut at = from;
        let mut ok = true;
        for word in phrase.split_whitespace() {
            let w = squeeze(word);
            match hay[at..window_end].find(&w) {
                Some(i) => at += i + w.len(),
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            from = at;
            continue;
        }
        let anywhere = hay.contains(&needle);
        panic!(
            "{what}: «{phrase}» {}\n--- text ---\n{original}",
            if anywhere {
                "is out of order"
            } else {
                "is missing"
            }
        );
    }
}

/// Asserts that table rows occur in order and that each row's cells occur
/// near its start. A row is a list of cell texts, the first being its number
/// and title. A row split by a page break puts the rest of its cells after
/// the next page's header, so cells are looked for from the row's start, not
/// one after another.
pub fn assert_rows_in(hay: &str, original: &str, rows: &[Vec<String>], what: &str) {
    let mut from = 0;
    for row in rows {
        let start = squeeze(&row[0]);
        let Some(i) = hay[from..].find(&start) else {
            panic!(
                "{what}: row «{}» is missing or out of order\n--- text ---\n{original}",
                row[0]
            );
        };
        let row_start = from + i;
        for cell in &row[1..] {
            assert_phrases_in(
                &hay[row_start..],
                original,
                std::slice::from_ref(cell),
                &format!("{what}, row «{}»", row[0]),
            );
        }
        from = row_start + start.len();
    }
}

/// The text of one page of a PDF.
pub fn pdf_page_text(pdf: &[u8], page: usize) -> Option<String> {
    pdftotext(pdf, Some(page))
}

/// Owned strings from literals.
pub fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// The responsible cell as a reader sees it: each party, joined by commas.
pub fn responsible_line(org: &Organization, list: &[nastavnik_core::Responsible]) -> String {
    list.iter()
        .map(|r| nastavnik_gen::documents::roadmap_table::responsible_text(org, r))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The text of every heading of a document model, in order.
pub fn heading_texts(doc: &nastavnik_gen::ir::Document) -> Vec<String> {
    doc.sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            nastavnik_gen::ir::Block::Heading { content, .. } => Some(
                content
                    .iter()
                    .map(|i| match i {
                        nastavnik_gen::ir::Inline::Text { text, .. }
                        | nastavnik_gen::ir::Inline::Link { text, .. } => text.as_str(),
                        nastavnik_gen::ir::Inline::LineBreak => " ",
                    })
                    .collect::<String>(),
            ),
            _ => None,
        })
        .collect()
}

/// The reading text of a document in PDF (when pdftotext is installed) and
/// in DOCX, each with its format's name, for phrase checks on both.
pub fn both(org: &Prepared, kind: DocumentKind) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    if let Some(text) = pdf_text(&render(org, kind, Format::Pdf)) {
        out.push((text, "PDF"));
    }
    out.push((docx_text(&render(org, kind, Format::Docx)), "DOCX"));
    out
}
