//! No user string can change a document's structure, in any backend.

use crate::common::*;
use nastavnik_core::Organization;
use nastavnik_gen::ir::{Block, Document};
use nastavnik_gen::{DocumentKind, Format};

const HOSTILE: &str = "# * _ [ ] $ < > & \" \\ @ { } % #import \"x\": * {{ 7*7 }} {% if true %} ]]> <w:p> @[roadmap-table] `code`\n= Заголовок\n- пункт\n1. перечисление";

/// The structure of a document: block kinds, clause counts, table sizes.
fn shape(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for s in &doc.sections {
        out.push(format!("section {:?}", s.orientation));
        for b in &s.blocks {
            out.push(match b {
                Block::Heading { level, .. } => format!("heading {level}"),
                Block::Paragraph(p) => format!("paragraph {:?} {}", p.align, p.indent),
                Block::Clauses(c) => format!("clauses {}", c.numbered().len()),
                Block::List(items) => format!("list {}", items.len()),
                Block::Table(t) => format!(
                    "table {}x{} {:?}",
                    t.header.len() + t.rows.len(),
                    t.columns.len(),
                    t.rows.iter().map(|r| r.cells.len()).collect::<Vec<_>>()
                ),
                Block::Requisites(r) => format!("requisites {}", r.header_lines.len()),
                Block::Aside(a) => format!("aside {:?} {}", a.kind, a.lines.len()),
                Block::Signature(_) => "signature".into(),
                Block::Acquaintance(a) => format!("acquaintance {}", a.names.len()),
                Block::Stamps(s) => format!(
                    "stamps {} {:?}",
                    s.columns,
                    s.cells.iter().map(Vec::len).collect::<Vec<_>>()
                ),
                Block::TitlePage(t) => format!("title page {}", t.lines().count()),
                Block::Bookmark(_) => "bookmark".into(),
            });
        }
    }
    out
}

fn poison(mut org: Organization) -> Organization {
    org.name = format!("Школа {HOSTILE}");
    org.short_name = Some(format!("МБОУ {HOSTILE}"));
    org.name_genitive = Some(format!("школы {HOSTILE}"));
    if let Some(t) = org.territory.as_mut() {
        t.locative = format!("в округе {HOSTILE}");
        t.genitive = format!("округа {HOSTILE}");
    }
    org.head.position = format!("Директор {HOSTILE}");
    let roadmap = org.roadmap.as_mut().unwrap();
    roadmap.subject = format!("на год {HOSTILE}");
    roadmap.sections[0].title = format!("Раздел {HOSTILE}");
    roadmap.sections[0].items[0].title = format!("Мероприятие {HOSTILE}");
    roadmap.sections[0].items[0].result = vec![format!("Итог {HOSTILE}")];
    org
}

/// The hostile text as a reader should see it, whitespace aside.
fn literal() -> String {
    HOSTILE.replace('\n', " ")
}

fn check(sample_name: &str) {
    let benign = sample(sample_name);
    let hostile = prepared(poison(benign.clone().into_organization()));
    let r = renderer();
    for kind in [DocumentKind::OrderImplementation, DocumentKind::Roadmap] {
        let plain = r.document(&benign, kind).unwrap();
        let poisoned = r.document(&hostile, kind).unwrap();
        assert_eq!(
            shape(&plain),
            shape(&poisoned),
            "{sample_name} {kind:?}: structure changed"
        );
        let ir_text = squeeze(&poisoned.plain_text());
        assert!(
            ir_text.contains(&squeeze(&literal())),
            "{sample_name} {kind:?}: IR lost the text"
        );
        assert!(
            !ir_text.contains("49"),
            "a template expression in data was evaluated"
        );

        let docx = render(&hostile, kind, Format::Docx);
        let docx_plain = squeeze(&docx_text(&docx));
        assert!(
            docx_plain.contains(&squeeze(&literal())),
            "{sample_name} {kind:?}: DOCX lost the text"
        );
        assert_eq!(
            docx_part(&docx, "word/document.xml")
                .matches("<w:tbl>")
                .count(),
            1,
            "DOCX has exactly the roadmap table"
        );

        let pdf = render(&hostile, kind, Format::Pdf);
        if let Some(text) = pdf_text(&pdf) {
            let text = squeeze(&text);
            let expected = squeeze(&literal());
            assert!(
                text.contains(&expected),
                "{sample_name} {kind:?}: PDF lost the text:\n{text}"
            );
            let (benign_pdf, poisoned_pdf) = (render(&benign, kind, Format::Pdf), pdf);
            assert!(pdf_pages(&poisoned_pdf).unwrap() >= pdf_pages(&benign_pdf).unwrap());
        }
    }
}

#[test]
fn authority_order_renders_hostile_text_literally() {
    check("sharya-2020.yaml");
}

#[test]
fn school_order_renders_hostile_text_literally() {
    check("school9-2020.yaml");
}

/// A link's address and text go through the same pass as every other text:
/// a title that looks like a DOCX relationship id comes out literally in a
/// valid DOCX, and a link holding a control character or another scheme is
/// refused at its line (the DOCX writer defends itself too: see its tests).
#[test]
fn hostile_links_and_relationship_lookalikes_stay_literal() {
    let text = std::fs::read_to_string(root().join("samples/sosh19-2021.yaml")).unwrap();
    let site = "link: &site http://kna-s19.edu.27.ru/index.php?id=nastavnichestvo";
    let line = text.lines().position(|l| l.contains(site)).unwrap() + 1;
    for bad in [
        "\"http://kna-s19.edu.27.ru/\\u0007x\"",
        "javascript:alert(1)",
        "file://host/share",
        "\"\"",
    ] {
        let hostile = text.replacen(site, &format!("link: &site {bad}"), 1);
        let err = nastavnik_core::load_str(&hostile, "sosh19.yaml").unwrap_err();
        let d = &err.diagnostics()[0];
        assert_eq!(d.line, line, "{bad}: {err}");
        assert!(d.field.ends_with(".link"), "{bad}: {err}");
    }
    let text = text
        .replacen(
            site,
            "link: &site http://kna-s19.edu.27.ru/index.php?id=rIdHyperlink42",
            1,
        )
        .replacen(
            "period: по итогам 1 полугодия 2021–2022 учебного года",
            "period: по итогам rIdHyperlink42 и rIdHyperlink1",
            1,
        );
    let org = nastavnik_core::load_str(&text, "sosh19.yaml")
        .expect("the file loads")
        .organization;
    let kind = DocumentKind::ReportInterim;
    let doc = renderer().document(&org, kind).unwrap();
    let plain = doc.plain_text();
    assert!(
        plain.contains("по итогам rIdHyperlink42 и rIdHyperlink1"),
        "{plain}"
    );
    assert!(plain.contains("index.php?id=rIdHyperlink42"), "{plain}");
    let docx = render(&org, kind, Format::Docx);
    let body = docx_part(&docx, "word/document.xml");
    assert!(
        squeeze(&docx_text(&docx)).contains(&squeeze("по итогам rIdHyperlink42 и rIdHyperlink1"))
    );
    let mut reader = quick_xml::Reader::from_str(&body);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("document.xml is not well-formed: {e}"),
        }
    }
}
