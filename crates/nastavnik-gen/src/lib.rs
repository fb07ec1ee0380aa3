pub use typst; pub use typst_pdf; pub use typst_kit; pub use docx_rs; pub use minijinja; pub use pulldown_cmark;
