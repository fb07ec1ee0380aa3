//! The Typst backend: IR → Typst source → PDF, compiled in-process.
//!
//! Every piece of text from the IR becomes a Typst string literal, so no
//! character a user types can turn into markup or code. The compiler sees
//! only the [`DocumentWorld`]: one source file, the shared fonts and library,
//! a fixed date, and no files, packages or network.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::fonts::FontStore;
use typst_layout::PagedDocument;

use crate::ir::{
    Acquaintance, Align, Aside, Block, Cell, Document, Inline, Orientation, Paragraph, Requisites,
    Signature, Table,
};
use crate::GenError;

/// Serif families in order of preference; the embedded Libertinus Serif
/// (which has Cyrillic) is always there as the last resort.
pub const FONT_FAMILIES: [&str; 5] = [
    "Times New Roman",
    "PT Astra Serif",
    "Liberation Serif",
    "PT Serif",
    "Libertinus Serif",
];

/// The Typst standard library and a font set, loaded once and shared by every
/// compilation in the process, across threads.
pub struct TypstEngine {
    library: LazyHash<Library>,
    fonts: FontStore,
}

impl TypstEngine {
    /// Loads the embedded fonts, the system fonts and those under `font_paths`.
    pub fn new(font_paths: &[PathBuf]) -> Self {
        let mut fonts = FontStore::new();
        // System fonts first: Typst picks the first face of a family it meets.
        fonts.extend(typst_kit::fonts::system());
        for path in font_paths {
            fonts.extend(typst_kit::fonts::scan(path));
        }
        fonts.extend(typst_kit::fonts::embedded());
        TypstEngine {
            library: LazyHash::new(Library::builder().build()),
            fonts,
        }
    }

    /// The process-wide engine with system and embedded fonts.
    pub fn shared() -> Arc<TypstEngine> {
        static SHARED: OnceLock<Arc<TypstEngine>> = OnceLock::new();
        SHARED
            .get_or_init(|| Arc::new(TypstEngine::new(&[])))
            .clone()
    }

    /// The family the documents are set in on this machine.
    pub fn body_family(&self) -> &'static str {
        FONT_FAMILIES
            .iter()
            .find(|f| self.fonts.book().contains_family(&f.to_lowercase()))
            .copied()
            .unwrap_or("Libertinus Serif")
    }

    /// Compiles Typst source to PDF bytes.
    pub fn compile_pdf(&self, source: &str, ident: &str) -> Result<Vec<u8>, GenError> {
        self.compile(source, ident, None).map(|pdf| pdf.bytes)
    }

    /// Compiles Typst source to a PDF, conforming to a PDF/A level when asked.
    pub fn compile(
        &self,
        source: &str,
        ident: &str,
        standard: Option<PdfStandard>,
    ) -> Result<Pdf, GenError> {
        let world = DocumentWorld::new(self, source);
        let warned = typst::compile::<PagedDocument>(&world);
        let document = warned.output.map_err(|errors| typst_error(&errors))?;
        let standards = match standard {
            Some(s) => typst_pdf::PdfStandards::new(&[s.typst()])
                .map_err(|e| GenError::Typst(e.message().to_string()))?,
            None => typst_pdf::PdfStandards::default(),
        };
        let options = typst_pdf::PdfOptions {
            ident: Smart::Custom(ident.to_string()),
            creator: Smart::Custom(Some("nastavnik".into())),
            timestamp: standard.map(|_| fixed_timestamp()),
            standards,
            ..Default::default()
        };
        let bytes = typst_pdf::pdf(&document, &options).map_err(|errors| typst_error(&errors))?;
        Ok(Pdf {
            bytes,
            pages: document.pages().len(),
        })
    }
}

/// A compiled PDF and its page count.
#[derive(Debug, Clone)]
pub struct Pdf {
    /// The file.
    pub bytes: Vec<u8>,
    /// How many pages it has.
    pub pages: usize,
}

/// The PDF/A levels Typst can enforce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfStandard {
    /// PDF/A-2b: visual reproduction, for archives.
    A2b,
    /// PDF/A-2u: A-2b with Unicode text.
    A2u,
    /// PDF/A-2a: A-2u, tagged.
    A2a,
    /// PDF/A-3b.
    A3b,
    /// PDF/A-3u.
    A3u,
    /// PDF/A-3a.
    A3a,
    /// PDF/A-4.
    A4,
}

impl PdfStandard {
    /// Reads `a-2b`, `a-3u`, `a-4` …
    pub fn from_name(name: &str) -> Option<Self> {
        Some(
            match name
                .trim()
                .to_ascii_lowercase()
                .replace(['/', '_'], "-")
                .trim_start_matches("pdf-")
            {
                "a-2b" => PdfStandard::A2b,
                "a-2u" => PdfStandard::A2u,
                "a-2a" => PdfStandard::A2a,
                "a-3b" => PdfStandard::A3b,
                "a-3u" => PdfStandard::A3u,
                "a-3a" => PdfStandard::A3a,
                "a-4" => PdfStandard::A4,
                _ => return None,
            },
        )
    }

    fn typst(self) -> typst_pdf::PdfStandard {
        match self {
            PdfStandard::A2b => typst_pdf::PdfStandard::A_2b,
            PdfStandard::A2u => typst_pdf::PdfStandard::A_2u,
            PdfStandard::A2a => typst_pdf::PdfStandard::A_2a,
            PdfStandard::A3b => typst_pdf::PdfStandard::A_3b,
            PdfStandard::A3u => typst_pdf::PdfStandard::A_3u,
            PdfStandard::A3a => typst_pdf::PdfStandard::A_3a,
            PdfStandard::A4 => typst_pdf::PdfStandard::A_4,
        }
    }
}

/// PDF/A wants a creation date; a fixed one keeps the output reproducible.
fn fixed_timestamp() -> typst_pdf::Timestamp {
    let datetime = Datetime::from_ymd_hms(2000, 1, 1, 0, 0, 0).expect("a valid date");
    typst_pdf::Timestamp::new_utc(datetime)
}

fn typst_error(errors: &[typst::diag::SourceDiagnostic]) -> GenError {
    GenError::Typst(
        errors
            .iter()
            .map(|e| e.message.to_string())
            .collect::<Vec<_>>()
            .join("; "),
    )
}

/// The only door between the Typst compiler and the world: one source file.
pub struct DocumentWorld<'a> {
    engine: &'a TypstEngine,
    main: Source,
}

impl<'a> DocumentWorld<'a> {
    /// A world whose only file is `source`.
    pub fn new(engine: &'a TypstEngine, source: &str) -> Self {
        static MAIN: OnceLock<FileId> = OnceLock::new();
        let id = *MAIN.get_or_init(|| {
            let path = VirtualPath::new("/main.typ").expect("a valid virtual path");
            FileId::new(RootedPath::new(VirtualRoot::Project, path))
        });
        DocumentWorld {
            engine,
            main: Source::new(id, source.to_string()),
        }
    }
}

impl World for DocumentWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.engine.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.engine.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, _id: FileId) -> FileResult<Bytes> {
        Err(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.engine.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // A fixed date keeps output reproducible; documents carry their own dates.
        Datetime::from_ymd(2000, 1, 1)
    }
}

/// A Typst string literal holding `text` exactly.
pub fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes the Typst source of a document.
pub fn to_typst(doc: &Document, engine: &TypstEngine) -> String {
    let mut out = String::new();
    let fonts: Vec<String> = FONT_FAMILIES.iter().map(|f| literal(f)).collect();
    let _ = writeln!(
        out,
        "// Generated by nastavnik from the document model; do not edit."
    );
    let _ = writeln!(
        out,
        "#set document(title: {}, date: auto)",
        literal(&doc.title)
    );
    let _ = writeln!(
        out,
        "#set page(paper: \"a4\", margin: (left: 30mm, right: 10mm, top: 20mm, bottom: 20mm),\n  header: context {{ let n = counter(page).get().first(); if n > 1 {{ align(center, text(size: 12pt, str(n))) }} }})"
    );
    let _ = writeln!(
        out,
        "#set text(font: ({}), size: 14pt, lang: \"ru\", region: \"RU\", hyphenate: true)",
        fonts.join(", ")
    );
    let _ = writeln!(
        out,
        "#set par(justify: true, leading: 0.5em, spacing: 0.6em, first-line-indent: 0pt)"
    );
    let _ = writeln!(
        out,
        "#show table.cell: set text(size: 12pt, hyphenate: true)"
    );
    let _ = writeln!(
        out,
        "#show table.cell: set par(justify: false, leading: 0.4em, spacing: 0.4em)"
    );
    let _ = writeln!(out, "// body set in: {}", engine.body_family());
    for (i, section) in doc.sections.iter().enumerate() {
        let flipped = section.orientation == Orientation::Landscape;
        if i > 0 || flipped {
            let _ = writeln!(out, "#set page(flipped: {flipped})");
        }
        if i > 0 {
            let _ = writeln!(out, "#pagebreak(weak: true)");
        }
        for block in &section.blocks {
            write_block(&mut out, block);
            out.push('\n');
        }
    }
    out
}

fn inlines(content: &[Inline]) -> String {
    let mut out = String::new();
    for inline in content {
        match inline {
            Inline::Text { text, bold, italic } => {
                let mut expr = literal(text);
                if *italic {
                    expr = format!("emph({expr})");
                }
                if *bold {
                    expr = format!("strong({expr})");
                }
                let _ = write!(out, "#({expr})");
            }
            Inline::LineBreak => out.push_str("#linebreak()"),
            // Typst breaks a link's text at slashes and the like, so a long
            // address wraps inside a narrow cell.
            Inline::Link { url, text } => {
                let _ = write!(out, "#link({})[#({})]", literal(url), literal(text));
            }
        }
    }
    out
}

fn align_name(align: Align) -> &'static str {
    match align {
        Align::Justify | Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
    }
}

fn paragraph(out: &mut String, p: &Paragraph) {
    let indent = if p.indent { "1.25cm" } else { "0pt" };
    let justify = p.align == Align::Justify;
    let _ = write!(
        out,
        "#align({}, par(justify: {justify}, first-line-indent: (amount: {indent}, all: true))[{}])",
        align_name(p.align),
        inlines(&p.content)
    );
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Heading { level, content } => {
            let (above, below) = if *level == 1 {
                ("1.2em", "1.2em")
            } else {
                ("1em", "0.8em")
            };
            let _ = write!(
                out,
                "#block(width: 100%, above: {above}, below: {below}, align(center, text(hyphenate: false, par(justify: false)[#strong[{}]])))",
                inlines(content)
            );
        }
        Block::Paragraph(p) => paragraph(out, p),
        Block::Clauses(clauses) => {
            for (number, _depth, clause) in clauses.numbered() {
                let mut content = vec![Inline::plain(format!("{number} "))];
                content.extend(clause.content.iter().cloned());
                paragraph(out, &Paragraph::text(content));
                out.push('\n');
            }
        }
        Block::List(items) => {
            for item in items {
                let mut content = vec![Inline::plain("– ")];
                content.extend(item.iter().cloned());
                paragraph(out, &Paragraph::text(content));
                out.push('\n');
            }
        }
        Block::Table(t) => table(out, t),
        Block::Requisites(r) => requisites(out, r),
        Block::Aside(a) => aside(out, a),
        Block::Signature(s) => signature(out, s),
        Block::Acquaintance(a) => acquaintance(out, a),
        Block::Bookmark(title) => {
            let _ = write!(
                out,
                "#place(hide(heading(level: 1, numbering: none, outlined: true, bookmarked: true)[#({})]))",
                literal(title)
            );
        }
        Block::Stamps { left, right } => {
            let _ = write!(
                out,
                "#block(below: 1.2em, grid(columns: (1fr, 1fr), column-gutter: 2em, align(left, text(hyphenate: false, par(justify: false)[{}])), align(left, text(hyphenate: false, par(justify: false)[{}]))))",
                lines(left, false),
                lines(right, false)
            );
        }
    }
}

fn cell_body(cell: &Cell) -> String {
    let mut body = String::new();
    for b in &cell.blocks {
        match b {
            Block::Paragraph(p) => {
                let _ = write!(
                    body,
                    "#align({}, par[{}])",
                    align_name(cell.align.unwrap_or(p.align)),
                    inlines(&p.content)
                );
            }
            Block::List(items) => {
                for item in items {
                    let _ = write!(body, "#par[#(\"– \"){}]", inlines(item));
                }
            }
            other => write_block(&mut body, other),
        }
    }
    if cell.bold {
        body = format!("#text(weight: \"bold\")[{body}]");
    }
    body
}

fn cell(out: &mut String, c: &Cell, keep: bool) {
    let _ = write!(
        out,
        "table.cell(colspan: {}, rowspan: {}, breakable: {})[{}]",
        c.col_span,
        c.row_span,
        // A cell spanning rows must let them break, or a long stage could not fit.
        !keep || c.row_span > 1,
        cell_body(c)
    );
}

fn table(out: &mut String, t: &Table) {
    let columns: Vec<String> = t.columns.iter().map(|w| format!("{w}fr")).collect();
    let _ = writeln!(
        out,
        "#block(above: 0.8em, below: 0.8em, table(columns: ({},), stroke: 0.5pt, inset: (x: 4pt, y: 3pt), align: left + top,",
        columns.join(", ")
    );
    if !t.header.is_empty() {
        out.push_str("  table.header(repeat: true,\n");
        for row in &t.header {
            for c in &row.cells {
                out.push_str("    ");
                cell(out, c, true);
                out.push_str(",\n");
            }
        }
        out.push_str("  ),\n");
    }
    for row in &t.rows {
        let keep = row.keep_together();
        for c in &row.cells {
            out.push_str("  ");
            cell(out, c, keep);
            out.push_str(",\n");
        }
    }
    out.push_str("))");
}

fn lines(items: &[String], bold: bool) -> String {
    items
        .iter()
        .map(|l| {
            if bold {
                format!("#strong({})", literal(l))
            } else {
                format!("#({})", literal(l))
            }
        })
        .collect::<Vec<_>>()
        .join("#linebreak()")
}

fn requisites(out: &mut String, r: &Requisites) {
    if !r.header_lines.is_empty() {
        let _ = writeln!(
            out,
            "#align(center, text(hyphenate: false, par(justify: false)[{}]))",
            lines(&r.header_lines, true)
        );
        out.push_str("#v(0.4em)\n");
    }
    let _ = writeln!(
        out,
        "#align(center, text(hyphenate: false, par(justify: false)[{}]))",
        lines(std::slice::from_ref(&r.issuer), true)
    );
    out.push_str("#v(0.8em)\n");
    let _ = writeln!(
        out,
        "#align(center, text(size: 16pt, weight: \"bold\", tracking: 0.15em)[#({})])",
        literal(&r.kind)
    );
    out.push_str("#v(0.6em)\n");
    let _ = writeln!(
        out,
        "#grid(columns: (1fr, 1fr), align(left)[#({})], align(right)[#({})])",
        literal(&r.date),
        literal(&r.number)
    );
    if let Some(place) = &r.place {
        let _ = writeln!(out, "#align(center)[#({})]", literal(place));
    }
    out.push_str("#v(0.6em)");
}

fn aside(out: &mut String, a: &Aside) {
    let _ = write!(
        out,
        "#align(right, block(width: 45%, below: 1em, align(left, text(hyphenate: false, par(justify: false)[{}]))))",
        lines(&a.lines, false)
    );
}

fn signature(out: &mut String, s: &Signature) {
    let _ = write!(
        out,
        "#v(2em)\n#grid(columns: (1fr, auto), column-gutter: 1em, align: (left + bottom, right + bottom), par(justify: false)[#({})], [#({})])",
        literal(&s.position),
        literal(&s.name)
    );
}

fn acquaintance(out: &mut String, a: &Acquaintance) {
    let _ = writeln!(out, "#v(1.5em)\n#par[#({})]", literal(&a.label));
    let rows: Vec<String> = a
        .names
        .iter()
        .map(|n| {
            format!(
                "[#({})], [#(\"____________\")], [#(\"«___» __________ 20__ г.\")]",
                literal(n)
            )
        })
        .collect();
    let _ = write!(
        out,
        "#grid(columns: (1fr, auto, auto), column-gutter: 1em, row-gutter: 0.8em, {})",
        rows.join(", ")
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_escape_everything_typst_reads() {
        assert_eq!(literal(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(literal("x\u{1}y\n"), "\"x\\u{1}y\\n\"");
        assert_eq!(literal("#import \"x\": *"), "\"#import \\\"x\\\": *\"");
    }
}
