//! Tests of the module beside this file.

use super::*;
use crate::ir::{Row, Section};
use std::io::{Cursor, Read};

fn document_xml(doc: &Document) -> String {
    let bytes = to_docx(doc).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn spans_become_real_merges_and_headers_repeat() {
    let mut stage = Cell::text("Этап 1");
    stage.row_span = 2;
    let table = Table {
        columns: vec![1.0, 1.0, 1.0],
        header: vec![Row {
            cells: vec![Cell::text("A"), Cell::text("B"), Cell::text("C")],
        }],
        rows: vec![
            Row {
                cells: vec![Cell::text("Раздел").spanning(3)],
            },
            Row {
                cells: vec![stage, Cell::text("b1"), Cell::text("c1")],
            },
            Row {
                cells: vec![Cell::text("b2"), Cell::text("c2")],
            },
        ],
    };
    let doc = Document {
        title: "t".into(),
        author: String::new(),
        date: None,
        sections: vec![Section {
            orientation: Orientation::Landscape,
            blocks: vec![Block::Table(table)],
        }],
    };
    let xml = document_xml(&doc);
    assert_eq!(xml.matches(r#"<w:gridSpan w:val="3" />"#).count(), 1);
    assert_eq!(xml.matches(r#"<w:vMerge w:val="restart" />"#).count(), 1);
    assert_eq!(xml.matches(r#"<w:vMerge w:val="continue" />"#).count(), 1);
    assert_eq!(xml.matches("<w:tblHeader />").count(), 1);
    // The continuation cell stands first in the last row, before b2.
    let last_row = xml.rfind("<w:tr>").unwrap();
    let tail = &xml[last_row..];
    assert!(tail.find("continue").unwrap() < tail.find("b2").unwrap());
    assert!(xml.contains(r#"w:orient="landscape""#));
}

#[test]
fn text_is_data_in_xml() {
    let doc = Document {
        title: "t".into(),
        author: String::new(),
        date: None,
        sections: vec![Section {
            orientation: Orientation::Portrait,
            blocks: vec![Block::Paragraph(Paragraph::text(vec![Inline::plain(
                "<w:p>]]> & \"x\"",
            )]))],
        }],
    };
    let xml = document_xml(&doc);
    assert!(
        xml.contains("&lt;w:p&gt;]]&gt; &amp; &quot;x&quot;")
            || xml.contains("&lt;w:p>]]> &amp; \"x\""),
        "{xml}"
    );
}

fn part(doc: &Document, name: &str) -> String {
    let bytes = to_docx(doc).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
    xml
}

fn one_section(blocks: Vec<Block>) -> Document {
    Document {
        title: "Приказ".into(),
        author: "Школа".into(),
        date: chrono::NaiveDate::from_ymd_opt(2020, 11, 19),
        sections: vec![Section {
            orientation: Orientation::Portrait,
            blocks,
        }],
    }
}

/// Every element of a part, read with quick-xml: the part is well-formed.
fn names(xml: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                out.push(String::from_utf8_lossy(e.name().as_ref()).into_owned())
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn text_shaped_like_our_ids_comes_out_literally() {
    let mut doc = one_section(vec![
        Block::Heading {
            level: 1,
            content: vec![Inline::plain("О rIdHyperlink42 и w14:paraId=\"7\"")],
        },
        Block::Paragraph(Paragraph::text(vec![Inline::Link {
            url: "https://example.org/rIdHyperlink42".into(),
            text: "rIdHyperlink42".into(),
        }])),
    ]);
    doc.title = "Приказ rIdHyperlink42".into();
    let body = part(&doc, "word/document.xml");
    assert!(
        body.contains("О rIdHyperlink42 и w14:paraId=&quot;7&quot;")
            || body.contains("О rIdHyperlink42 и w14:paraId=\"7\""),
        "{body}"
    );
    assert!(body.contains(">rIdHyperlink42</w:t>"), "{body}");
    assert!(body.contains(r#"r:id="rIdLink1""#), "{body}");
    let rels = part(&doc, "word/_rels/document.xml.rels");
    assert!(
        rels.contains(r#"Id="rIdLink1""#) && rels.contains("https://example.org/rIdHyperlink42"),
        "{rels}"
    );
    let core = part(&doc, "docProps/core.xml");
    assert!(
        core.contains("<dc:title>Приказ rIdHyperlink42</dc:title>"),
        "{core}"
    );
    assert!(
        core.contains("2020-11-19T00:00:00Z") && core.contains("<dc:language>ru-RU</dc:language>"),
        "{core}"
    );
}

#[test]
fn control_characters_never_reach_the_xml() {
    let mut doc = one_section(vec![Block::Paragraph(Paragraph::text(vec![
        Inline::Link {
            url: "http://example.org/\u{7}".into(),
            text: "ссылка\u{7}".into(),
        },
        Inline::Link {
            url: "javascript:alert(1)".into(),
            text: "скрипт".into(),
        },
        Inline::plain("\u{0}\u{fffe}\u{ffff}"),
    ]))]);
    doc.title = "заголовок\u{1b}".into();
    let bytes = to_docx(&doc).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    for i in 0..zip.len() {
        let mut xml = String::new();
        let mut file = zip.by_index(i).unwrap();
        let name = file.name().to_string();
        file.read_to_string(&mut xml).unwrap();
        assert!(
            !xml.chars()
                .any(|c| (c.is_control() && c != '\n' && c != '\r' && c != '\t')
                    || c == '\u{fffe}'
                    || c == '\u{ffff}'),
            "{name}: {xml:?}"
        );
        names(&xml);
    }
    let body = part(&doc, "word/document.xml");
    assert!(
        body.contains(r"ссылка\x07") && body.contains(r"\x00\uFFFE\uFFFF"),
        "{body}"
    );
    // Neither the control character's address nor a script is a link.
    assert!(!body.contains("<w:hyperlink"), "{body}");
    assert!(body.contains(">скрипт</w:t>"));
    assert!(part(&doc, "docProps/core.xml").contains(r"заголовок\x1B"));
}

#[test]
fn header_rows_are_marked_on_their_own_table() {
    let plain = |t: &str| Table {
        columns: vec![1.0, 1.0],
        header: vec![],
        rows: vec![Row {
            cells: vec![Cell::text(t), Cell::text("x")],
        }],
    };
    let mut headed = plain("данные");
    headed.header = vec![
        Row {
            cells: vec![Cell::text("Шапка 1").bold(), Cell::text("Ш").bold()],
        },
        Row {
            cells: vec![Cell::text("Шапка 2").bold(), Cell::text("Ш").bold()],
        },
    ];
    let doc = one_section(vec![
        Block::Stamps(crate::ir::Stamps::pair(
            vec!["ПРИНЯТО".into()],
            vec!["УТВЕРЖДЕНО".into()],
        )),
        Block::Table(plain("первая")),
        Block::Paragraph(Paragraph::text(vec![Inline::plain("между")])),
        Block::Table(plain("вторая")),
        Block::Paragraph(Paragraph::text(vec![Inline::plain("между")])),
        Block::Table(headed),
    ]);
    let body = part(&doc, "word/document.xml");
    let tables: Vec<&str> = body.split("<w:tbl>").skip(1).collect();
    assert_eq!(tables.len(), 4);
    for t in &tables[..3] {
        assert!(!t.contains("tblHeader"), "{t}");
    }
    let rows: Vec<&str> = tables[3].split("<w:tr>").skip(1).collect();
    assert_eq!(rows.len(), 3);
    assert!(rows[0].contains("<w:tblHeader />") && rows[0].contains("Шапка 1"));
    assert!(rows[1].contains("<w:tblHeader />") && rows[1].contains("Шапка 2"));
    assert!(!rows[2].contains("tblHeader"));
    assert!(
        !body.contains(HEADER_ROW_MARKER) && !body.contains("bookmark"),
        "{body}"
    );
}

#[test]
fn a_missing_marker_is_an_error() {
    let doc = one_section(vec![Block::Paragraph(Paragraph::text(vec![
        Inline::plain("x"),
    ]))]);
    let mut writer = Writer {
        numbering_ids: FIRST_NUMBERING,
        header_rows: 0,
        paragraphs: 0,
        links: 0,
        docx: base_docx(),
    };
    writer.write_section(&doc.sections[0], true, true);
    // A header row the writer thinks it marked but the body does not hold.
    let err = package::package(
        writer.docx.build(),
        &doc,
        package::Expect {
            header_rows: 1,
            section_breaks: 0,
        },
    )
    .unwrap_err();
    assert!(
        matches!(err, GenError::Docx(ref m) if m.contains("header rows")),
        "{err}"
    );
}

#[test]
fn properties_are_in_schema_order_and_output_is_deterministic() {
    let doc = one_section(vec![
        Block::Heading {
            level: 2,
            content: vec![Inline::plain("1. Раздел")],
        },
        Block::Clauses(crate::ir::Clauses {
            prefix: "1.".into(),
            start: 1,
            items: vec![crate::ir::Clause {
                content: vec![Inline::bold("пункт")],
                children: vec![],
            }],
        }),
    ]);
    assert_eq!(to_docx(&doc).unwrap(), to_docx(&doc).unwrap());
    // Sections end with a paragraph docx-rs numbers when it writes it.
    let mut two = doc.clone();
    two.sections.push(two.sections[0].clone());
    two.sections[1].orientation = Orientation::Landscape;
    let first = to_docx(&two).unwrap();
    assert_eq!(first, to_docx(&two).unwrap());
    assert!(part(&two, "word/document.xml").contains(r#"w14:paraId="7F000001""#));
    let body = part(&doc, "word/document.xml");
    let n = names(&body);
    let at = |name: &str| n.iter().position(|x| x == name).unwrap();
    assert!(at("w:ilvl") < at("w:numId"));
    assert!(at("w:pStyle") < at("w:numPr"));
    assert!(body.contains(r#"<w:pStyle w:val="Heading2" />"#), "{body}");
    // headerReference before pgSz in the section properties.
    assert!(at("w:headerReference") < at("w:pgSz"));
    let ids: Vec<&str> = body
        .match_indices("w14:paraId=\"")
        .map(|(i, _)| &body[i + 13..i + 21])
        .collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "{ids:?}");
    let numbering = part(&doc, "word/numbering.xml");
    names(&numbering);
    for level in numbering.split("<w:lvl ").skip(1) {
        if let (Some(suff), Some(text)) = (level.find("<w:suff"), level.find("<w:lvlText")) {
            assert!(suff < text, "{level}");
        }
    }
    let styles = part(&doc, "word/styles.xml");
    assert!(styles.contains("Heading2") && styles.contains("<w:outlineLvl w:val=\"1\"/>"));
}
