//! The only door between the Typst compiler and the world.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use super::TypstEngine;

fn file_id(path: &str) -> FileId {
    let path = VirtualPath::new(path).expect("a valid virtual path");
    FileId::new(RootedPath::new(VirtualRoot::Project, path))
}

/// `/main.typ`: the generated document.
pub(crate) fn main_id() -> FileId {
    static MAIN: OnceLock<FileId> = OnceLock::new();
    *MAIN.get_or_init(|| file_id("/main.typ"))
}

/// `/nastavnik.typ`: the layout library the document imports.
pub(crate) fn library_id() -> FileId {
    static LIBRARY: OnceLock<FileId> = OnceLock::new();
    *LIBRARY.get_or_init(|| file_id("/nastavnik.typ"))
}

/// What the compiler may read: the generated document, the layout library,
/// the engine's fonts and a fixed date. No other file, no packages, no network.
pub struct DocumentWorld<'a> {
    engine: &'a TypstEngine,
    main: Source,
    library: Source,
}

impl<'a> DocumentWorld<'a> {
    /// A world whose files are `source` (`/main.typ`) and the layout library
    /// `library` (`/nastavnik.typ`).
    pub fn new(engine: &'a TypstEngine, source: &str, library: &str) -> Self {
        DocumentWorld {
            engine,
            main: Source::new(main_id(), source.to_string()),
            library: engine.layout_source(library),
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
        } else if id == self.library.id() {
            Ok(self.library.clone())
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
