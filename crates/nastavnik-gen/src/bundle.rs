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

/// Runs `worker` on up to `jobs` threads at once, never more threads than
/// `organisations`, and returns when every worker has returned. Each worker
/// takes organisations from a shared queue until it is empty.
///
/// Each thread gets a Rayon pool of its own, and Typst's parallel work (page
/// runs laid out side by side, PDF streams compressed while the next page is
/// written) goes to that pool: with as many organisations as threads, each
/// thread lays out its own school from start to end and no thread waits on
/// work another thread took, which over a region is faster than one pool
/// for all. With fewer organisations than `jobs`, their threads share the
/// spare ones (one school on two cores: a pool of two).
///
/// A pool that cannot be made (the system refuses threads) is an error and
/// nothing has run; a thread that cannot be started leaves its share to
/// the others.
///
/// ```
/// use std::sync::atomic::{AtomicUsize, Ordering};
/// let next = AtomicUsize::new(0);
/// let done = AtomicUsize::new(0);
/// nastavnik_gen::bundle::in_parallel(2, 5, || {
///     while next.fetch_add(1, Ordering::SeqCst) < 5 {
///         done.fetch_add(1, Ordering::SeqCst);
///     }
/// })
/// .unwrap();
/// assert_eq!(done.into_inner(), 5);
/// ```
pub fn in_parallel(
    jobs: usize,
    organisations: usize,
    worker: impl Fn() + Sync,
) -> Result<(), std::io::Error> {
    let threads = jobs.clamp(1, organisations.max(1));
    let per_thread = (jobs / threads).max(1);
    let pools = (0..threads)
        .map(|n| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(per_thread)
                .thread_name(move |i| format!("nastavnik-{n}-{i}"))
                .build()
                .map_err(std::io::Error::other)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let worker = &worker;
    std::thread::scope(|scope| {
        for pool in &pools[1..] {
            // A thread refused by the system: the others take its share.
            let _ = std::thread::Builder::new().spawn_scoped(scope, move || pool.install(worker));
        }
        pools[0].install(worker);
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::in_parallel;

    /// The threads each worker's Typst may use, one entry per worker.
    fn pools(jobs: usize, organisations: usize) -> Vec<usize> {
        let seen = Mutex::new(Vec::new());
        in_parallel(jobs, organisations, || {
            seen.lock().unwrap().push(rayon::current_num_threads());
        })
        .unwrap();
        let mut seen = seen.into_inner().unwrap();
        seen.sort();
        seen
    }

    #[test]
    fn threads_go_to_organisations_first_and_spare_ones_to_their_layouts() {
        // A region: a thread per organisation, each laying out alone.
        assert_eq!(pools(2, 200), [1, 1]);
        assert_eq!(pools(4, 3), [1, 1, 1]);
        // One school: all the threads for its layout.
        assert_eq!(pools(2, 1), [2]);
        assert_eq!(pools(6, 2), [3, 3]);
        // Nothing to do: one worker with the threads asked for.
        assert_eq!(pools(2, 0), [2]);
        // No thread asked for: one worker, one thread.
        assert_eq!(pools(0, 5), [1]);
    }
}
