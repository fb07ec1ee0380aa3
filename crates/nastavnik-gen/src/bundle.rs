//! Bundles: every public document of an organisation, laid out once as one
//! Typst document, written as one merged PDF with a bookmark per document and
//! as a PDF per document cut from the same layout.
//!
//! ```
//! use nastavnik_gen::{bundle, Renderer};
//! let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/sosh19-2021.yaml");
//! let school = nastavnik_core::from_path(path.as_ref()).unwrap();
//! let renderer = Renderer::new();
//! let (docs, _skipped) = bundle::documents(&renderer, &school, &[]).unwrap();
//! let laid_out = bundle::pdfs(&renderer, school.short(), &docs).unwrap();
//! assert_eq!(laid_out.documents.len(), docs.len());
//! let pages: usize = laid_out.documents.iter().map(|pdf| pdf.pages).sum();
//! assert_eq!(laid_out.bundle.pages, pages);
//! ```

use nastavnik_core::Prepared;

use crate::backend::typst::{to_bundle_typst, Bookmarks, Layout, PdfMeta};
use crate::ir::{Block, Document, Section};
use crate::{DocumentKind, GenError, Pdf, Renderer};

/// The documents of an organisation that have data: every public kind, and
/// the private kinds named in `include`. Kinds the YAML has no data for are
/// skipped and returned apart, with the reason.
#[allow(clippy::type_complexity)]
pub fn documents(
    renderer: &Renderer,
    org: &Prepared,
    include: &[DocumentKind],
) -> Result<(Vec<(DocumentKind, Document)>, Vec<(DocumentKind, String)>), GenError> {
    let mut made = Vec::new();
    let mut skipped = Vec::new();
    for kind in DocumentKind::ALL {
        if (!kind.is_public() && !include.contains(&kind)) || !kind.applies_to(org) {
            continue;
        }
        match renderer.document(org, kind) {
            Ok(doc) => made.push((kind, doc)),
            Err(GenError::MissingData(reason)) => skipped.push((kind, reason)),
            Err(other) => return Err(other),
        }
    }
    Ok((made, skipped))
}

/// One document holding all of `docs` in order, each starting on a new page
/// under a bookmark with its title; the bookmark also starts the document's
/// own page numbering.
pub fn merge(title: &str, docs: &[(DocumentKind, Document)]) -> Document {
    let mut sections: Vec<Section> = Vec::new();
    for (kind, doc) in docs {
        for (i, section) in doc.sections.iter().enumerate() {
            let mut section = section.clone();
            if i == 0 {
                section
                    .blocks
                    .insert(0, Block::Bookmark(kind.title().to_string()));
            }
            sections.push(section);
        }
    }
    Document {
        title: title.to_string(),
        author: docs
            .first()
            .map(|(_, d)| d.author.clone())
            .unwrap_or_default(),
        date: docs.iter().filter_map(|(_, d)| d.date).max(),
        sections,
    }
}

/// An organisation's documents laid out once.
#[derive(Debug, Clone)]
pub struct LaidOut {
    /// `bundle.pdf`: every document in order, a bookmark per document, each
    /// numbering its own pages.
    pub bundle: Pdf,
    /// Each document's pages as a PDF of its own, with the document's title,
    /// author and date, in the order given: the same pages and text as a
    /// document rendered alone.
    pub documents: Vec<Pdf>,
}

/// Lays out `docs` once, as one Typst document titled `title`, and writes
/// the bundle and every document's PDF from that one layout.
pub fn pdfs(
    renderer: &Renderer,
    title: &str,
    docs: &[(DocumentKind, Document)],
) -> Result<LaidOut, GenError> {
    let merged = merge(title, docs);
    let bookmarks = match renderer.standard {
        Some(standard) if standard.checks_heading_levels() => Bookmarks::Flat,
        _ => Bookmarks::Nested,
    };
    let source = to_bundle_typst(&merged, renderer.engine.body_family(), bookmarks);
    drop(merged);
    let layout = Layout {
        text: renderer.templates.layout_library(),
        origin: renderer.templates.layout_library_path(),
    };
    let parts: Vec<PdfMeta<'_>> = docs
        .iter()
        .map(|(_, doc)| PdfMeta {
            ident: &doc.title,
            author: &doc.author,
            date: doc.date,
        })
        .collect();
    let (bundle, documents) =
        renderer
            .engine
            .compile_bundle(&source, &layout, title, &parts, renderer.standard)?;
    Ok(LaidOut { bundle, documents })
}
