//! A bundle as a CI job makes it, through the library: every public document
//! of each school in a folder as PDF and DOCX, and one merged PDF with a
//! bookmark per document; the PDFs come from one layout per school.
//! (The `nastavnik bundle` command adds manifests, shards and atomic folders.)
//!
//! ```sh
//! cargo run -p nastavnik-gen --example bundle -- samples out/bundles
//! ```

use nastavnik_gen::{bundle, Format, Renderer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| "samples".into()));
    let out = std::path::PathBuf::from(args.next().unwrap_or_else(|| "out/bundles".into()));
    let renderer = Renderer::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    for file in files {
        let org = match nastavnik_core::load_path(&file) {
            Ok(loaded) => loaded.organization,
            Err(err) => {
                // One school's mistakes do not stop the others.
                eprintln!("{err}");
                continue;
            }
        };
        let folder = out.join(file.file_stem().unwrap_or_default());
        std::fs::create_dir_all(&folder)?;
        let (docs, skipped) = bundle::documents(&renderer, &org, &[])?;
        for (kind, reason) in skipped {
            eprintln!("{}: {} пропущен: {reason}", file.display(), kind.id());
        }
        // One layout of all the documents: bundle.pdf and each document's PDF.
        let laid_out = bundle::pdfs(&renderer, org.short(), &docs)?;
        for ((kind, doc), pdf) in docs.iter().zip(&laid_out.documents) {
            std::fs::write(folder.join(format!("{}.pdf", kind.id())), &pdf.bytes)?;
            let docx = renderer.write(doc, Format::Docx)?;
            std::fs::write(folder.join(format!("{}.docx", kind.id())), &docx.bytes)?;
        }
        std::fs::write(folder.join("bundle.pdf"), &laid_out.bundle.bytes)?;
        println!(
            "{}: {} документов, bundle.pdf — {} с.",
            folder.display(),
            docs.len(),
            laid_out.bundle.pages
        );
    }
    Ok(())
}
