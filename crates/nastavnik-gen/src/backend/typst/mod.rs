//! The Typst backend: IR → Typst source → PDF, compiled in-process.
//!
//! The layout is a Typst library, `templates/nastavnik.typ`, embedded in the
//! binary (a `--templates` folder may hold a region's copy). The generated
//! document imports it and calls its functions with string literals only, so
//! no character a user types can turn into markup or code. The compiler sees
//! only the [`DocumentWorld`]: the document, the library, the engine's fonts,
//! a fixed date; no other file, no packages, no network.
//!
//! Fonts: Liberation Serif (SIL OFL 1.1, four faces) is embedded and is the
//! only font by default, so a PDF has the same bytes on every machine.
//! System fonts are read only when asked for ([`FontPolicy::System`]).

mod join;
mod source;
pub mod timing;
mod unbroken;
mod world;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use typst::diag::SourceDiagnostic;
use typst::foundations::{Bytes, Datetime, Smart};
use typst::foundations::{Label, NativeElement, Selector, StyleChain};
use typst::introspection::{Introspector, Location};
use typst::layout::FrameItem;
use typst::model::{Document as _, DocumentInfo, HeadingElem};
use typst::syntax::{DiagSpan, FileId, Source};
use typst::text::Font;
use typst::utils::{LazyHash, PicoStr};
use typst::{Library, LibraryExt, World, WorldExt};
use typst_kit::fonts::FontStore;
use typst_layout::{Page, PagedDocument};

use crate::GenError;

pub use source::{
    literal, to_bundle_typst, to_typst, typeset_text, Bookmarks, MAX_COMBINING_MARKS,
};
pub use world::DocumentWorld;

/// The layout library shipped with nastavnik (`nastavnik.typ`).
pub const LAYOUT_LIBRARY: &str = include_str!("../../../../../templates/nastavnik.typ");

/// The embedded family: Liberation Serif, metric-compatible with Times New Roman.
pub const EMBEDDED_FAMILY: &str = "Liberation Serif";

/// The embedded faces: regular, bold, italic, bold italic (SIL OFL 1.1, see `fonts/LICENSE-OFL.txt`).
const EMBEDDED_FONTS: [&[u8]; 4] = [
    include_bytes!("../../../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../../fonts/LiberationSerif-BoldItalic.ttf"),
];

/// Serif families preferred when system fonts or font folders are allowed,
/// in order; the embedded Liberation Serif is always there.
pub const FONT_FAMILIES: [&str; 4] = [
    "Times New Roman",
    "PT Astra Serif",
    "Liberation Serif",
    "PT Serif",
];

/// Which fonts the PDF may be set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FontPolicy {
    /// Only the embedded Liberation Serif (and folders given explicitly):
    /// the same PDF on every machine. The default.
    #[default]
    Embedded,
    /// The system's fonts too: the first of [`FONT_FAMILIES`] installed is used.
    System,
}

/// The Typst standard library and a font set, loaded once and shared by every
/// compilation in the process, across threads.
pub struct TypstEngine {
    library: LazyHash<Library>,
    fonts: FontStore,
    family: &'static str,
    /// The layout library last compiled with, parsed: every document imports
    /// it, and parsing it anew each time is work thrown away.
    layout: Mutex<Option<Source>>,
}

impl TypstEngine {
    /// An engine with the embedded fonts, the system fonts if the policy
    /// allows, and the fonts under `font_paths`. Only [`FontPolicy::System`]
    /// makes it look at the system's font folders.
    pub fn new(policy: FontPolicy, font_paths: &[PathBuf]) -> Self {
        let mut fonts = FontStore::new();
        // Typst takes the first face of a family it meets: what the user
        // asked for comes before the embedded faces.
        if policy == FontPolicy::System {
            fonts.extend(typst_kit::fonts::system());
        }
        for path in font_paths {
            fonts.extend(typst_kit::fonts::scan(path));
        }
        for data in EMBEDDED_FONTS {
            fonts.extend(Font::iter(Bytes::new(data)).map(|font| {
                let info = font.info().clone();
                (font, info)
            }));
        }
        let family = if policy == FontPolicy::Embedded && font_paths.is_empty() {
            EMBEDDED_FAMILY
        } else {
            FONT_FAMILIES
                .iter()
                .find(|f| fonts.book().contains_family(&f.to_lowercase()))
                .copied()
                .unwrap_or(EMBEDDED_FAMILY)
        };
        TypstEngine {
            library: LazyHash::new(Library::builder().build()),
            fonts,
            family,
            layout: Mutex::new(None),
        }
    }

    /// The process-wide engine with the embedded font only.
    pub fn shared() -> Arc<TypstEngine> {
        static SHARED: OnceLock<Arc<TypstEngine>> = OnceLock::new();
        SHARED
            .get_or_init(|| Arc::new(TypstEngine::new(FontPolicy::Embedded, &[])))
            .clone()
    }

    /// The process-wide engine for a policy (system fonts are scanned once).
    pub fn shared_for(policy: FontPolicy) -> Arc<TypstEngine> {
        static SYSTEM: OnceLock<Arc<TypstEngine>> = OnceLock::new();
        match policy {
            FontPolicy::Embedded => Self::shared(),
            FontPolicy::System => SYSTEM
                .get_or_init(|| Arc::new(TypstEngine::new(FontPolicy::System, &[])))
                .clone(),
        }
    }

    /// The layout library `text` parsed, from the engine's cache when it is
    /// the one compiled with last.
    fn layout_source(&self, text: &str) -> Source {
        let mut cached = self.layout.lock().unwrap_or_else(|e| e.into_inner());
        match cached.as_ref() {
            Some(source) if source.text() == text => source.clone(),
            _ => {
                let source = Source::new(world::library_id(), text.to_string());
                *cached = Some(source.clone());
                source
            }
        }
    }

    /// The family the documents are set in.
    pub fn body_family(&self) -> &'static str {
        self.family
    }

    /// Every font family the engine can use, in the order loaded.
    pub fn families(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .fonts
            .book()
            .families()
            .map(|(name, _)| name.to_string())
            .collect();
        names.dedup();
        names
    }

    /// Compiles Typst source to PDF bytes with the embedded layout library.
    pub fn compile_pdf(&self, source: &str, ident: &str) -> Result<Vec<u8>, GenError> {
        self.compile(source, ident, None).map(|pdf| pdf.bytes)
    }

    /// Compiles Typst source (which imports the embedded layout library) to a
    /// PDF, conforming to a PDF standard when asked.
    pub fn compile(
        &self,
        source: &str,
        ident: &str,
        standard: Option<PdfStandard>,
    ) -> Result<Pdf, GenError> {
        self.compile_with(source, &Layout::embedded(), ident, standard)
    }

    /// Compiles Typst source that imports `layout` as `nastavnik.typ`.
    pub fn compile_with(
        &self,
        source: &str,
        layout: &Layout<'_>,
        ident: &str,
        standard: Option<PdfStandard>,
    ) -> Result<Pdf, GenError> {
        let world = DocumentWorld::new(self, source, layout.text);
        let warned = timing::LAYOUT.time(|| typst::compile::<PagedDocument>(&world));
        let document = warned
            .output
            .map_err(|errors| TypstError::from_diagnostics(&world, layout.origin, &errors))?;
        let bytes = export(&world, layout.origin, &document, ident, standard)?;
        Ok(Pdf {
            bytes,
            pages: document.pages().len(),
        })
    }

    /// Compiles the source of several documents laid out one after another
    /// (a bundle, see [`crate::bundle`]) once, and writes the whole layout as
    /// one PDF and each document's pages as a PDF of its own, with its own
    /// title, author, date and outline: one layout instead of one per
    /// document and another for the bundle.
    ///
    /// Each document must start on a page of its own with a bookmark (a
    /// level-1 heading, `bookmark()` in the layout library), and its own
    /// headings must sit below level 1: the bookmarks tell where each
    /// document starts. `parts` gives the metadata of each document in order.
    pub fn compile_bundle(
        &self,
        source: &str,
        layout: &Layout<'_>,
        ident: &str,
        parts: &[PdfMeta<'_>],
        standard: Option<PdfStandard>,
    ) -> Result<(Pdf, Vec<Pdf>), GenError> {
        let world = DocumentWorld::new(self, source, layout.text);
        let warned = timing::LAYOUT.time(|| typst::compile::<PagedDocument>(&world));
        let document = warned
            .output
            .map_err(|errors| TypstError::from_diagnostics(&world, layout.origin, &errors))?;
        let starts = bookmarks(&document);
        if starts.len() != parts.len()
            || starts.first().is_some_and(|(page, _)| *page != 0)
            || starts.windows(2).any(|w| w[0].0 >= w[1].0)
        {
            return Err(GenError::Typst(TypstError {
                diagnostics: vec![TypstDiagnostic {
                    message: format!(
                        "в общем PDF не найдено начало каждого документа: закладок {}, документов {} (bookmark() в nastavnik.typ должна ставить заголовок уровня 1)",
                        starts.len(),
                        parts.len()
                    ),
                    ..TypstDiagnostic::default()
                }],
            }));
        }
        let pages = document.pages().len();
        let info = document.info().clone();
        let mut pdfs = Vec::with_capacity(parts.len());
        for (i, part) in parts.iter().enumerate() {
            let (first, bookmark) = starts[i];
            let end = starts.get(i + 1).map_or(pages, |(page, _)| *page);
            let mut own: Vec<Page> = document.pages()[first..end].to_vec();
            // The bundle's bookmark belongs to the bundle: without it the
            // document's outline is its own headings, as when rendered alone.
            own[0].frame.retain(|item| keep_item(item, bookmark));
            let alone = timing::CUT
                .time(|| PagedDocument::new(own.into_iter().collect(), part.info(&info)));
            let bytes = export(&world, layout.origin, &alone, part.ident, standard)?;
            pdfs.push(Pdf {
                bytes,
                pages: alone.pages().len(),
            });
        }
        // The whole layout keeps the metadata its source sets. Without a
        // PDF standard it is joined from the documents' PDFs, each page
        // written once; Typst checks a standard on the whole layout, so
        // then (or if the PDFs cannot be joined) it is written from it.
        let joined = standard
            .is_none()
            .then(|| join_bundle(&world, layout.origin, &document, ident, &starts, &pdfs))
            .flatten();
        let bytes = match joined {
            Some(bytes) => bytes,
            None => export(&world, layout.origin, &document, ident, standard)?,
        };
        Ok((Pdf { bytes, pages }, pdfs))
    }
}

/// The metadata of a PDF written from a bundle's layout.
#[derive(Debug, Clone, Copy)]
pub struct PdfMeta<'a> {
    /// The title (`/Title`) and the identifier the PDF's ID is made from.
    pub ident: &'a str,
    /// The author, if any.
    pub author: &'a str,
    /// The document's date, if any.
    pub date: Option<chrono::NaiveDate>,
}

impl PdfMeta<'_> {
    /// The metadata `official-document` sets in a document of its own: the
    /// layout's (its language) with this title, author and date.
    fn info(&self, layout: &DocumentInfo) -> DocumentInfo {
        use chrono::Datelike;
        let mut info = layout.clone();
        info.title = (!self.ident.is_empty()).then(|| typeset_text(self.ident).into());
        info.author = if self.author.is_empty() {
            Vec::new()
        } else {
            vec![typeset_text(self.author).into()]
        };
        info.date = match self.date {
            Some(d) => Smart::Custom(Datetime::from_ymd(d.year(), d.month() as u8, d.day() as u8)),
            None => Smart::Auto,
        };
        info
    }
}

/// The label of a bundle's bookmarks (`bookmark()` in the layout library).
const BOOKMARK_LABEL: &str = "nastavnik-bookmark";

/// The bookmarks of a bundle's layout, in order: the page index each is on
/// and its location. A bookmark is a heading labelled `<nastavnik-bookmark>`;
/// a region's layout library from before the label has its bookmarks as the
/// only level-1 headings.
fn bookmarks(document: &PagedDocument) -> Vec<(usize, Location)> {
    let introspector = document.introspector();
    let label = Label::new(PicoStr::intern(BOOKMARK_LABEL)).map(Selector::Label);
    let labelled = label.map(|l| introspector.query(&l)).unwrap_or_default();
    let by_label = !labelled.is_empty();
    let headings = if by_label {
        labelled
    } else {
        introspector.query(&HeadingElem::ELEM.select())
    };
    headings
        .iter()
        .filter_map(|elem| {
            let heading = elem.to_packed::<HeadingElem>()?;
            if !by_label && heading.resolve_level(StyleChain::default()).get() != 1 {
                return None;
            }
            let location = elem.location()?;
            let page = introspector.page(location)?;
            Some((page.get() - 1, location))
        })
        .collect()
}

/// The bundle's PDF joined from its documents' PDFs ([`join`]), with the
/// metadata of the whole layout; `None` if they cannot be joined.
fn join_bundle(
    world: &DocumentWorld<'_>,
    origin: Option<&Path>,
    document: &PagedDocument,
    ident: &str,
    starts: &[(usize, Location)],
    pdfs: &[Pdf],
) -> Option<Vec<u8>> {
    // Typst writes the metadata (information, XMP, identifier) on one empty page.
    let mut blank = document.pages()[0].clone();
    blank.frame.clear();
    let metadata = timing::CUT
        .time(|| PagedDocument::new(std::iter::once(blank).collect(), document.info().clone()));
    let metadata = export(world, origin, &metadata, ident, None).ok()?;
    let introspector = document.introspector();
    let titles: Vec<String> = starts
        .iter()
        .map(|(_, location)| {
            introspector
                .query_first(&Selector::Location(*location))
                .and_then(|elem| {
                    elem.to_packed::<HeadingElem>()
                        .map(|h| h.body.plain_text().to_string())
                })
                .unwrap_or_default()
        })
        .collect();
    let parts: Vec<join::JoinPart<'_>> = pdfs
        .iter()
        .zip(&titles)
        .map(|(pdf, title)| join::JoinPart {
            pdf: &pdf.bytes,
            title,
        })
        .collect();
    timing::EXPORT.time(|| join::join(&parts, &metadata)).ok()
}

/// Keeps every item of a frame but the tags of the element at `location`,
/// looking into groups.
fn keep_item(item: &mut FrameItem, location: Location) -> bool {
    match item {
        FrameItem::Tag(tag) => tag.location() != location,
        FrameItem::Group(group) => {
            group.frame.retain(|inner| keep_item(inner, location));
            true
        }
        _ => true,
    }
}

/// Writes a laid-out document as PDF.
fn export(
    world: &DocumentWorld<'_>,
    origin: Option<&Path>,
    document: &PagedDocument,
    ident: &str,
    standard: Option<PdfStandard>,
) -> Result<Vec<u8>, GenError> {
    let standards = match standard {
        Some(s) => typst_pdf::PdfStandards::new(&[s.typst()]).map_err(|e| {
            GenError::Typst(TypstError {
                diagnostics: vec![TypstDiagnostic {
                    message: e.message().to_string(),
                    hints: e.hints().iter().map(|h| h.to_string()).collect(),
                    ..TypstDiagnostic::default()
                }],
            })
        })?,
        None => typst_pdf::PdfStandards::default(),
    };
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        creator: Smart::Custom(Some("nastavnik".into())),
        // Used only when the document has no date of its own.
        timestamp: standard.map(|_| fixed_timestamp()),
        standards,
        ..Default::default()
    };
    timing::EXPORT
        .time(|| typst_pdf::pdf(document, &options))
        .map_err(|errors| TypstError::from_diagnostics(world, origin, &errors))
}

/// The layout library a document is compiled with.
#[derive(Debug, Clone, Copy)]
pub struct Layout<'a> {
    /// Its Typst source.
    pub text: &'a str,
    /// The file it was read from, when a region replaced the embedded one;
    /// errors in it name this file.
    pub origin: Option<&'a Path>,
}

impl Layout<'static> {
    /// The library shipped with nastavnik.
    pub fn embedded() -> Self {
        Layout {
            text: LAYOUT_LIBRARY,
            origin: None,
        }
    }
}

/// Why Typst could not make a PDF: its diagnostics, each placed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TypstError {
    /// What Typst reported, in its order.
    pub diagnostics: Vec<TypstDiagnostic>,
}

/// One of Typst's error messages and where it points.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TypstDiagnostic {
    /// Typst's message (in English).
    pub message: String,
    /// Typst's hints.
    pub hints: Vec<String>,
    /// The file: the overriding `nastavnik.typ`'s path, `nastavnik.typ` for
    /// the embedded library, `main.typ` for the generated document.
    pub file: Option<String>,
    /// Line, from 1.
    pub line: Option<usize>,
    /// Column, from 1.
    pub column: Option<usize>,
}

impl fmt::Display for TypstDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{file}")?;
            if let Some(line) = self.line {
                write!(f, ", строка {line}")?;
                if let Some(column) = self.column {
                    write!(f, ", столбец {column}")?;
                }
            }
            write!(f, ": ")?;
        }
        write!(f, "{}", self.message)?;
        for hint in &self.hints {
            write!(f, " (подсказка: {hint})")?;
        }
        Ok(())
    }
}

impl fmt::Display for TypstError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                write!(f, "; ")?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for TypstError {}

impl TypstError {
    fn from_diagnostics(
        world: &DocumentWorld<'_>,
        origin: Option<&Path>,
        errors: &[SourceDiagnostic],
    ) -> GenError {
        let place = |span: DiagSpan| -> (Option<String>, Option<usize>, Option<usize>) {
            let Some(id) = span.id() else {
                return (None, None, None);
            };
            let file = file_name(id, origin);
            let position = world.range(span).and_then(|range| {
                let source = world.source(id).ok()?;
                source.lines().byte_to_line_column(range.start)
            });
            match position {
                Some((line, column)) => (file, Some(line + 1), Some(column + 1)),
                None => (file, None, None),
            }
        };
        GenError::Typst(TypstError {
            diagnostics: errors
                .iter()
                .map(|e| {
                    let (file, line, column) = place(e.span);
                    TypstDiagnostic {
                        message: e.message.to_string(),
                        hints: e.hints.iter().map(|h| h.v.to_string()).collect(),
                        file,
                        line,
                        column,
                    }
                })
                .collect(),
        })
    }
}

fn file_name(id: FileId, origin: Option<&Path>) -> Option<String> {
    if id == world::library_id() {
        Some(match origin {
            Some(path) => path.display().to_string(),
            None => "nastavnik.typ".to_string(),
        })
    } else if id == world::main_id() {
        Some("main.typ".to_string())
    } else {
        None
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

/// The PDF standards Typst can enforce: PDF/A levels for archives, PDF/UA-1
/// for accessibility.
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
    /// PDF/UA-1: tagged and checked for accessibility by Typst.
    Ua1,
}

impl PdfStandard {
    /// Reads `a-2b`, `a-3u`, `a-4`, `ua-1` …
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
                "ua-1" | "ua1" => PdfStandard::Ua1,
                _ => return None,
            },
        )
    }

    /// Whether Typst checks the levels of the tagged headings (the first of
    /// level 1, none skipped): PDF/UA-1.
    pub fn checks_heading_levels(self) -> bool {
        self == PdfStandard::Ua1
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
            PdfStandard::Ua1 => typst_pdf::PdfStandard::Ua_1,
        }
    }
}

/// PDF/A wants a creation date; a document without a date of its own gets a
/// fixed one, which keeps the output reproducible.
fn fixed_timestamp() -> typst_pdf::Timestamp {
    let datetime = Datetime::from_ymd_hms(2000, 1, 1, 0, 0, 0).expect("a valid date");
    typst_pdf::Timestamp::new_utc(datetime)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Block, Document, Inline, Orientation, Paragraph, Section};

    fn doc(sections: Vec<Section>) -> Document {
        Document {
            title: "Приказ от 19.11.2020 № 488".into(),
            author: "Школа".into(),
            date: chrono::NaiveDate::from_ymd_opt(2020, 11, 19),
            sections,
        }
    }

    fn section(orientation: Orientation, text: &str) -> Section {
        Section {
            orientation,
            blocks: vec![
                Block::Heading {
                    level: 1,
                    content: vec![Inline::plain(text)],
                },
                Block::Paragraph(Paragraph::text(vec![Inline::plain(text)])),
            ],
        }
    }

    #[test]
    fn marked_abbreviations_names_and_ranges_compile_wherever_text_runs() {
        use crate::ir::{Cell, Row, Signature, Table};
        let texts = [
            "МБОУ",
            "2020–2027",
            "Петрова Мария Ивановна",
            "в МБОУ СОШ № 9 на 2020–2027 годы, куратор Е.В.\u{a0}Шевчук",
            "\"#МБОУ\" $x$ ]2020–2027[",
        ];
        let mut blocks = Vec::new();
        for text in texts {
            blocks.push(Block::Heading {
                level: 2,
                content: vec![Inline::plain(text)],
            });
            blocks.push(Block::Paragraph(Paragraph::text(vec![
                Inline::plain(text),
                Inline::bold(text),
            ])));
            blocks.push(Block::List(vec![vec![Inline::plain(text)]]));
            blocks.push(Block::Table(Table {
                columns: vec![1.0, 1.0],
                header: vec![Row {
                    cells: vec![Cell::text(text), Cell::text(text).bold()],
                }],
                rows: vec![Row {
                    cells: vec![Cell::text(text), Cell::text(text)],
                }],
            }));
        }
        blocks.push(Block::Signature(Signature {
            position: "Директор МБОУ СОШ № 9".into(),
            name: "А.В.\u{a0}Уханов".into(),
        }));
        let document = doc(vec![Section {
            orientation: Orientation::Portrait,
            blocks,
        }]);
        let source = to_typst(&document, EMBEDDED_FAMILY);
        assert!(
            source.contains(r#"text(hyphenate: false, "МБОУ")"#),
            "{source}"
        );
        assert!(source.contains(r#"box("2020–2027")"#), "{source}");
        assert!(source.contains(r#"text(hyphenate: false, "Петрова Мария Ивановна")"#));
        // Quotes and markup inside stay in string literals.
        assert!(source.contains(r##""\"#""##), "{source}");
        let pdf = TypstEngine::shared()
            .compile(&source, "test", None)
            .expect("compiles");
        assert!(pdf.pages >= 1);
    }

    #[test]
    fn literals_escape_everything_typst_reads() {
        assert_eq!(literal(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(literal("x\u{1}y\n"), "\"x\\u{1}y\\n\"");
        assert_eq!(literal("#import \"x\": *"), "\"#import \\\"x\\\": *\"");
    }

    #[test]
    fn combining_marks_are_capped_and_ranges_bound() {
        let zalgo = format!("a{}b", "\u{301}".repeat(1000));
        let capped = typeset_text(&zalgo);
        assert_eq!(
            capped.chars().filter(|c| *c == '\u{301}').count(),
            MAX_COMBINING_MARKS
        );
        assert!(capped.starts_with('a') && capped.ends_with('b'));
        // A few marks, as real text has, stay.
        assert_eq!(typeset_text("й\u{301}"), "й\u{301}");
        assert_eq!(typeset_text("2020–2027"), "2020–2027");
        assert_eq!(typeset_text("ученик – ученик"), "ученик\u{a0}– ученик");
    }

    #[test]
    fn the_default_engine_has_only_the_embedded_font() {
        let engine = TypstEngine::shared();
        assert_eq!(engine.body_family(), EMBEDDED_FAMILY);
        assert_eq!(engine.families(), ["Liberation Serif"]);
        let book = engine.fonts.book();
        assert!(
            book.info(3).is_some() && book.info(4).is_none(),
            "four faces"
        );
    }

    #[test]
    fn source_has_no_host_dependent_text() {
        let d = doc(vec![section(Orientation::Portrait, "Текст")]);
        let source = to_typst(&d, TypstEngine::shared().body_family());
        assert!(source.starts_with("// Made by nastavnik"));
        assert!(source.contains("#import \"nastavnik.typ\": *"));
        assert!(source.contains("font: \"Liberation Serif\""));
        assert!(source.contains("date: datetime(year: 2020, month: 11, day: 19)"));
        assert!(!source.contains("body set in"));
        assert!(
            !source.contains("#set"),
            "no set rules in the document:\n{source}"
        );
    }

    #[test]
    fn sections_do_not_chain_page_rules() {
        let d = doc(vec![
            section(Orientation::Portrait, "a"),
            section(Orientation::Portrait, "b"),
            section(Orientation::Landscape, "c"),
            section(Orientation::Landscape, "d"),
            section(Orientation::Portrait, "e"),
        ]);
        let source = to_typst(&d, EMBEDDED_FAMILY);
        assert_eq!(source.matches("#landscape[").count(), 1, "{source}");
        assert_eq!(
            source.matches("#pagebreak(weak: true)").count(),
            2,
            "{source}"
        );
        let pdf = TypstEngine::shared().compile(&source, "t", None).unwrap();
        assert_eq!(pdf.pages, 5);
    }

    #[test]
    fn two_thousand_sections_compile_without_overflowing_the_stack() {
        let sections = (0..2000)
            .map(|i| {
                let orientation = if i % 3 == 0 {
                    Orientation::Landscape
                } else {
                    Orientation::Portrait
                };
                section(orientation, &format!("План {i}"))
            })
            .collect();
        let source = to_typst(&doc(sections), EMBEDDED_FAMILY);
        // Typst's own threads have large stacks; ours keep the default 2 MiB,
        // as a bundle's workers do.
        let pdf = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || {
                TypstEngine::shared()
                    .compile(&source, "t", None)
                    .map(|p| p.pages)
            })
            .unwrap()
            .join()
            .unwrap()
            .unwrap();
        assert_eq!(pdf, 2000);
    }

    #[test]
    fn errors_in_the_layout_library_name_its_file_and_line() {
        let broken = format!("{LAYOUT_LIBRARY}\n#let oops = (1 +)\n");
        let lines = broken.lines().count();
        let path = Path::new("/region/nastavnik.typ");
        let layout = Layout {
            text: &broken,
            origin: Some(path),
        };
        let source = to_typst(&doc(vec![]), EMBEDDED_FAMILY);
        let Err(GenError::Typst(err)) =
            TypstEngine::shared().compile_with(&source, &layout, "t", None)
        else {
            panic!("a broken library must fail");
        };
        let first = &err.diagnostics[0];
        assert_eq!(
            first.file.as_deref(),
            Some("/region/nastavnik.typ"),
            "{err}"
        );
        assert_eq!(first.line, Some(lines), "{err}");
        assert!(
            err.to_string().contains("/region/nastavnik.typ, строка"),
            "{err}"
        );
    }

    #[test]
    fn pdf_ua_and_pdf_a_compile_with_the_document_date() {
        let d = doc(vec![section(Orientation::Portrait, "Текст")]);
        let source = to_typst(&d, EMBEDDED_FAMILY);
        for standard in [PdfStandard::Ua1, PdfStandard::A2b] {
            let pdf = TypstEngine::shared()
                .compile(&source, "t", Some(standard))
                .unwrap_or_else(|e| panic!("{standard:?}: {e}"));
            let text = String::from_utf8_lossy(&pdf.bytes);
            assert!(text.contains("2020-11-19"), "{standard:?}: XMP date");
        }
        assert_eq!(PdfStandard::from_name("ua-1"), Some(PdfStandard::Ua1));
    }
}
