//! A school's YAML file rendered as a methodist would: load (every mistake
//! with its line, in Russian), then one document as PDF and DOCX.
//!
//! ```sh
//! cargo run -p nastavnik-gen --example render_yaml -- samples/school9-2020.yaml order-implementation out
//! ```

use nastavnik_gen::{DocumentKind, Format, Renderer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let file = args
        .next()
        .unwrap_or_else(|| "samples/school9-2020.yaml".into());
    let kind = args.next().unwrap_or_else(|| "order-implementation".into());
    let out = std::path::PathBuf::from(args.next().unwrap_or_else(|| "out".into()));
    let kind = DocumentKind::from_id(&kind).ok_or(format!("нет такого документа: {kind}"))?;

    let loaded = match nastavnik_core::load_path(file.as_ref()) {
        Ok(loaded) => loaded,
        Err(err) => {
            // Each diagnostic names file:line:column and the field.
            eprintln!("{err}");
            std::process::exit(1);
        }
    };
    for warning in &loaded.warnings {
        eprintln!("{warning}");
    }
    std::fs::create_dir_all(&out)?;
    let renderer = Renderer::new();
    for format in [Format::Pdf, Format::Docx] {
        let rendered = renderer.render(&loaded.organization, kind, format)?;
        let path = out.join(format!("{}.{}", kind.id(), format.extension()));
        std::fs::write(&path, &rendered.bytes)?;
        match rendered.pages {
            Some(pages) => println!("{} ({pages} с.)", path.display()),
            None => println!("{}", path.display()),
        }
    }
    Ok(())
}
