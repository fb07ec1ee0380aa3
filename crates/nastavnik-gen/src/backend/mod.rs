//! Backends: each reads only the IR and writes one format.

pub mod docx;
pub mod typst;
