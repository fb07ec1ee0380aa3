//! Bundles: every public document of an organisation, and one merged PDF
//! with a bookmark per document.

use nastavnik_core::Prepared;

use crate::ir::{Block, Document, Section};
use crate::{DocumentKind, GenError, Renderer};

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
        if (!kind.is_public() && !include.contains(&kind)) || !kind.fits(org.kind) {
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
/// under a bookmark with its title.
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
