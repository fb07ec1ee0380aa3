//! The documents of the Р-145 mentoring model, as PDF and DOCX.
//!
//! A [`Renderer`] turns an [`Organization`](nastavnik_core::Organization) and
//! a [`DocumentKind`] into bytes. On the way, the document kind renders its
//! minijinja template, the output is read into the document model ([`ir`]),
//! and a backend writes the model as Typst (compiled in-process to PDF) or
//! as DOCX. Both backends read the same model, so the two files agree.
//!
//! ```no_run
//! use nastavnik_gen::{DocumentKind, Format, Renderer};
//! let org = nastavnik_core::from_path("samples/sharya-2020.yaml".as_ref()).unwrap();
//! let renderer = Renderer::new();
//! let pdf = renderer.render(&org, DocumentKind::OrderImplementation, Format::Pdf).unwrap();
//! assert!(pdf.bytes.starts_with(b"%PDF"));
//! ```

pub mod backend;
pub mod bundle;
pub mod documents;
pub mod grammar_filters;
pub mod ir;
pub mod markup;
pub mod templates;
pub mod text;

use std::path::PathBuf;
use std::sync::Arc;

use nastavnik_core::{Diagnostic, Prepared};

pub use backend::typst::{FontPolicy, Pdf, PdfStandard, TypstDiagnostic, TypstEngine, TypstError};
pub use documents::DocumentKind;
pub use templates::{TemplateError, Templates};

/// Why a document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum GenError {
    /// The YAML lacks what the document needs.
    #[error("не хватает данных: {0}")]
    MissingData(String),
    /// A template failed: its name, line and minijinja's error.
    #[error("ошибка шаблона: {0}")]
    Template(#[from] TemplateError),
    /// Typst could not compile the generated source (a bug, a broken font, or
    /// an error in a region's `nastavnik.typ`); its diagnostics, placed.
    #[error("ошибка вёрстки PDF: {0}")]
    Typst(TypstError),
    /// The DOCX could not be written.
    #[error("ошибка записи DOCX: {0}")]
    Docx(String),
}

impl GenError {
    /// A template error with no template position: a message of our own.
    pub fn template_message(message: impl Into<String>) -> Self {
        GenError::Template(TemplateError {
            template: None,
            line: None,
            message: message.into(),
            source: None,
        })
    }
}

/// Drops Typst's memoized results that were not used recently, so memory
/// stays bounded over thousands of documents in one process. Call it between
/// batches (a bundle calls it after each organisation).
pub fn evict_caches() {
    // Keep what the last few compilations used: fonts, the library, shared styles.
    typst::comemo::evict(4);
}

/// Drops every memoized Typst result (for measurements that must start cold).
pub fn evict_all_caches() {
    typst::comemo::evict(0);
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// PDF, compiled by Typst.
    Pdf,
    /// Word document.
    Docx,
    /// The Typst source the PDF is compiled from.
    Typ,
}

impl Format {
    /// The file extension: `pdf`, `docx`, `typ`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Typ => "typ",
        }
    }

    /// The format with this name or extension.
    pub fn from_name(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "pdf" => Some(Format::Pdf),
            "docx" => Some(Format::Docx),
            "typ" | "typst" => Some(Format::Typ),
            _ => None,
        }
    }
}

/// Renders documents. Create one and reuse it: fonts and the Typst library
/// are loaded once and shared; a renderer may be used from many threads.
///
/// Load a school from YAML text, check it, render any kind in any format:
///
/// ```
/// use nastavnik_gen::{DocumentKind, Format, Renderer};
/// let yaml = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/sharya-2020.yaml")).unwrap();
/// let loaded = nastavnik_core::load_str(&yaml, "sharya-2020.yaml").expect("a valid file");
/// assert!(loaded.warnings.is_empty());
/// let renderer = Renderer::new();
/// let docx = renderer.render(&loaded.organization, DocumentKind::OrderImplementation, Format::Docx).unwrap();
/// assert!(docx.bytes.starts_with(b"PK"));
/// ```
///
/// A file that fails names the place and field, in Russian:
///
/// ```
/// let err = nastavnik_core::load_str("kind: school\nname: Школа\nhead: Иванов И.И.\ncurator: petrova\n", "s.yaml").unwrap_err();
/// assert_eq!(err.diagnostics()[0].line, 4);
/// assert_eq!(err.diagnostics()[0].field, "curator");
/// ```
///
/// One renderer serves many threads:
///
/// ```
/// use nastavnik_gen::{DocumentKind, Format, Renderer};
/// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/school9-2020.yaml");
/// let school = nastavnik_core::from_path(path.as_ref()).unwrap();
/// let renderer = Renderer::new();
/// let kinds = [DocumentKind::OrderCurator, DocumentKind::Provision, DocumentKind::Roadmap];
/// let pdfs: Vec<Vec<u8>> = std::thread::scope(|s| {
///     let handles: Vec<_> = kinds.iter().map(|k| s.spawn(|| renderer.render(&school, *k, Format::Pdf).unwrap().bytes)).collect();
///     handles.into_iter().map(|h| h.join().unwrap()).collect()
/// });
/// assert!(pdfs.iter().all(|pdf| pdf.starts_with(b"%PDF")));
/// ```
///
/// A school built in code needs no file at all: see `examples/school_in_code.rs`.
pub struct Renderer {
    templates: Templates,
    engine: Arc<TypstEngine>,
    fonts: FontPolicy,
    font_paths: Vec<PathBuf>,
    standard: Option<PdfStandard>,
}

impl Default for Renderer {
    fn default() -> Self {
        Self::new()
    }
}

impl Renderer {
    /// A renderer with the embedded templates and the process-wide fonts.
    pub fn new() -> Self {
        Renderer {
            templates: Templates::embedded(),
            engine: TypstEngine::shared(),
            fonts: FontPolicy::Embedded,
            font_paths: Vec::new(),
            standard: None,
        }
    }

    /// The same renderer with other templates.
    pub fn with_templates(mut self, templates: Templates) -> Self {
        self.templates = templates;
        self
    }

    /// The same renderer writing PDFs that conform to a PDF standard (PDF/A, PDF/UA-1).
    pub fn with_pdf_standard(mut self, standard: Option<PdfStandard>) -> Self {
        self.standard = standard;
        self
    }

    /// A document model as PDF, with its page count.
    pub fn pdf(&self, doc: &ir::Document) -> Result<Pdf, GenError> {
        let source = backend::typst::to_typst(doc, self.engine.body_family());
        let layout = backend::typst::Layout {
            text: self.templates.layout_library(),
            origin: self.templates.layout_library_path(),
        };
        self.engine
            .compile_with(&source, &layout, &doc.title, self.standard)
    }

    /// The same renderer with fonts from these directories added.
    pub fn with_font_paths(mut self, paths: &[PathBuf]) -> Self {
        self.font_paths = paths.to_vec();
        self.engine = self.make_engine();
        self
    }

    /// The same renderer with a font policy: by default only the embedded
    /// Liberation Serif, so a PDF has the same bytes on every machine;
    /// [`FontPolicy::System`] lets the system's fonts in.
    pub fn with_font_policy(mut self, policy: FontPolicy) -> Self {
        self.fonts = policy;
        self.engine = self.make_engine();
        self
    }

    fn make_engine(&self) -> Arc<TypstEngine> {
        if self.font_paths.is_empty() {
            TypstEngine::shared_for(self.fonts)
        } else {
            Arc::new(TypstEngine::new(self.fonts, &self.font_paths))
        }
    }

    /// The font family PDFs are set in: «Liberation Serif» unless system
    /// fonts or font folders brought a preferred one.
    pub fn font_family(&self) -> &str {
        self.engine.body_family()
    }

    /// The document model of a document.
    pub fn document(&self, org: &Prepared, kind: DocumentKind) -> Result<ir::Document, GenError> {
        documents::build(org, kind, &self.templates)
    }

    /// The authority's analytic report (`municipal-report`) summed from its
    /// schools' files: pairs and groups by form, coverage against the target,
    /// roadmap completion, a row per school and the totals.
    pub fn municipal_report(
        &self,
        authority: &Prepared,
        schools: &[&Prepared],
    ) -> Result<ir::Document, GenError> {
        let schools: Vec<&nastavnik_core::Organization> = schools.iter().map(|s| &***s).collect();
        documents::build_municipal(authority, &schools, &self.templates)
    }

    /// A document in a format: its bytes, page count and the warnings that
    /// came with the model.
    pub fn render(
        &self,
        org: &Prepared,
        kind: DocumentKind,
        format: Format,
    ) -> Result<Rendered, GenError> {
        let doc = self.document(org, kind)?;
        let mut rendered = self.write(&doc, format)?;
        rendered.warnings = org.warnings().to_vec();
        Ok(rendered)
    }

    /// Writes a document model in a format.
    pub fn write(&self, doc: &ir::Document, format: Format) -> Result<Rendered, GenError> {
        let (bytes, pages) = match format {
            Format::Typ => (
                backend::typst::to_typst(doc, self.engine.body_family()).into_bytes(),
                None,
            ),
            Format::Pdf => {
                let pdf = self.pdf(doc)?;
                (pdf.bytes, Some(pdf.pages))
            }
            Format::Docx => (backend::docx::to_docx(doc)?, None),
        };
        Ok(Rendered {
            bytes,
            pages,
            warnings: Vec::new(),
        })
    }
}

/// A rendered document.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Pages, for a PDF.
    pub pages: Option<usize>,
    /// What looked wrong in the model but did not stop the document.
    pub warnings: Vec<Diagnostic>,
}

/// The README's examples run as doctests, so the README cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
