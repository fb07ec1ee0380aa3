//! The package around docx-rs's parts: which parts go in, what they are,
//! the styles, the settings and the metadata, zipped with fixed timestamps.
//!
//! docx-rs writes the body, the numbering and the headers; it also writes
//! parts nobody references (comments, footnotes, custom properties), core
//! properties of «unknown» dated 1970-01-01, a settings part with a
//! compatibility value newer than the Open XML SDK knows, and styles that
//! cannot say `suppressAutoHyphens` or an outline level. Those parts are
//! small and do not depend on the document's content beyond its metadata, so
//! they are written here, whole.

use std::io::{Cursor, Write};

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use super::xml::{self, Element, Node};
use super::{xml_safe, BODY_SIZE, FONT, HEADER_ROW_MARKER, INDENT, TABLE_SIZE};
use crate::ir::Document;
use crate::GenError;

const CT_MAIN: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const CT_STYLES: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";
const CT_SETTINGS: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml";
const CT_FONTS: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";
const CT_NUMBERING: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml";
const CT_HEADER: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
const CT_CORE: &str = "application/vnd.openxmlformats-package.core-properties+xml";
const CT_APP: &str = "application/vnd.openxmlformats-officedocument.extended-properties+xml";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/// What the body needs from the package.
pub(super) struct Expect {
    /// Header rows marked while building; each must be found.
    pub header_rows: usize,
    /// Sections ended by a paragraph of their own (all but the last).
    pub section_breaks: usize,
}

/// Writes the package from docx-rs's parts and the document's metadata.
pub(super) fn package(
    raw: docx_rs::XMLDocx,
    doc: &Document,
    expect: Expect,
) -> Result<Vec<u8>, GenError> {
    let (rels, targets) = document_rels(&raw.document_rels)?;
    // docx-rs writes some parts whether or not the body refers to them
    // (numbering without clauses): a part goes in only if a relationship names it.
    let referenced = |name: &str| targets.iter().any(|t| t == name);
    let mut word: Vec<(String, Vec<u8>, &str)> = vec![
        (
            "document.xml".into(),
            body(&raw.document, &expect)?,
            CT_MAIN,
        ),
        ("styles.xml".into(), styles().into_bytes(), CT_STYLES),
        (
            "settings.xml".into(),
            SETTINGS.as_bytes().to_vec(),
            CT_SETTINGS,
        ),
        ("fontTable.xml".into(), raw.font_table.clone(), CT_FONTS),
    ];
    if referenced("numbering.xml") {
        word.push((
            "numbering.xml".into(),
            ordered("word/numbering.xml", &raw.numberings)?,
            CT_NUMBERING,
        ));
    }
    for (i, header) in raw.headers.iter().enumerate() {
        let name = format!("header{}.xml", i + 1);
        if referenced(&name) {
            let data = header_part(&format!("word/{name}"), header)?;
            word.push((name, data, CT_HEADER));
        }
    }
    for (i, rels) in raw.header_rels.iter().enumerate() {
        // Our headers hold a page number and nothing that needs a relationship.
        let name = format!("word/_rels/header{}.xml.rels", i + 1);
        let mut nodes = xml::parse(&name, rels)?;
        if xml::root_mut(&name, &mut nodes)?
            .elements()
            .next()
            .is_some()
        {
            return Err(GenError::Docx(format!(
                "{name}: a header with relationships is not expected"
            )));
        }
    }
    for target in &targets {
        if !word.iter().any(|(name, _, _)| name == target) {
            return Err(GenError::Docx(format!(
                "word/_rels/document.xml.rels: {target} is named but not written"
            )));
        }
    }

    let mut overrides: Vec<(String, &str)> = word
        .iter()
        .map(|(name, _, ct)| (format!("/word/{name}"), *ct))
        .collect();
    overrides.push(("/docProps/core.xml".into(), CT_CORE));
    overrides.push(("/docProps/app.xml".into(), CT_APP));
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), content_types(&overrides)?),
        ("_rels/.rels".into(), ROOT_RELS.as_bytes().to_vec()),
        ("docProps/core.xml".into(), core_properties(doc)?),
        ("docProps/app.xml".into(), APP.as_bytes().to_vec()),
        ("word/_rels/document.xml.rels".into(), rels),
    ];
    parts.extend(
        word.into_iter()
            .map(|(name, data, _)| (format!("word/{name}"), data)),
    );
    zip(parts)
}

fn zip(parts: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>, GenError> {
    let err = |e: &dyn std::fmt::Display| GenError::Docx(e.to_string());
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (name, data) in parts {
        out.start_file(name, options).map_err(|e| err(&e))?;
        out.write_all(&data).map_err(|e| err(&e))?;
    }
    Ok(out.finish().map_err(|e| err(&e))?.into_inner())
}

/// A part with its property elements in schema order.
fn ordered(name: &str, data: &[u8]) -> Result<Vec<u8>, GenError> {
    let mut nodes = xml::parse(name, data)?;
    xml::order(name, xml::root_mut(name, &mut nodes)?, "")?;
    xml::write(name, &nodes)
}

fn header_part(name: &str, data: &[u8]) -> Result<Vec<u8>, GenError> {
    let mut nodes = xml::parse(name, data)?;
    let root = xml::root_mut(name, &mut nodes)?;
    // Word refuses a header part without a block.
    if !root.elements().any(|e| e.is("w:p") || e.is("w:tbl")) {
        return Err(GenError::Docx(format!(
            "{name}: a header without a paragraph"
        )));
    }
    xml::order(name, root, "")?;
    xml::write(name, &nodes)
}

/// The body: header rows marked, grid columns as the schema has them, properties in order.
fn body(data: &[u8], expect: &Expect) -> Result<Vec<u8>, GenError> {
    const NAME: &str = "word/document.xml";
    let mut nodes = xml::parse(NAME, data)?;
    let root = xml::root_mut(NAME, &mut nodes)?;
    let mut marked = 0usize;
    let mut breaks = 0usize;
    xml::walk_mut(root, &mut |el| {
        if el.is("w:tr") && xml::take_bookmarks(el, HEADER_ROW_MARKER) > 0 {
            marked += 1;
            if !el.elements().any(|c| c.is("w:trPr")) {
                el.children.insert(0, Node::Element(Element::new("w:trPr")));
            }
            if let Some(tr_pr) = el.elements_mut().find(|c| c.is("w:trPr")) {
                tr_pr
                    .children
                    .push(Node::Element(Element::new("w:tblHeader")));
            }
        } else if el.is("w:p") && is_section_break(el) {
            // docx-rs numbers the paragraph that ends a section from a
            // thread-wide counter when it writes it: give it an id of its own range.
            breaks += 1;
            el.set_attr(
                "w14:paraId",
                &format!("{:08X}", SECTION_BREAK_IDS + breaks as u32),
            );
        } else if el.is("w:gridCol") {
            // CT_TblGridCol has only w:w; docx-rs adds a w:type.
            el.remove_attr("w:type");
        }
    });
    if marked != expect.header_rows {
        return Err(GenError::Docx(format!(
            "{NAME}: {} header rows marked, {marked} found",
            expect.header_rows
        )));
    }
    if breaks != expect.section_breaks {
        return Err(GenError::Docx(format!(
            "{NAME}: {} section breaks written, {breaks} found",
            expect.section_breaks
        )));
    }
    xml::order(NAME, root, "")?;
    xml::write(NAME, &nodes)
}

/// Ids of the paragraphs that end sections, far above any content paragraph's.
const SECTION_BREAK_IDS: u32 = 0x7F00_0000;

fn is_section_break(p: &Element) -> bool {
    p.elements()
        .filter(|c| c.is("w:pPr"))
        .any(|ppr| ppr.elements().any(|c| c.is("w:sectPr")))
}

/// The body's relationships: only to parts in the package, sorted by id;
/// with the internal targets they name.
fn document_rels(data: &[u8]) -> Result<(Vec<u8>, Vec<String>), GenError> {
    const NAME: &str = "word/_rels/document.xml.rels";
    const KEPT: [&str; 6] = [
        "styles",
        "fontTable",
        "settings",
        "numbering",
        "header",
        "hyperlink",
    ];
    let mut nodes = xml::parse(NAME, data)?;
    let root = xml::root_mut(NAME, &mut nodes)?;
    let mut rels: Vec<(String, u64, Node)> = Vec::new();
    let mut targets = Vec::new();
    for node in std::mem::take(&mut root.children) {
        let Node::Element(el) = &node else { continue };
        let kind = el.attr("Type").unwrap_or_default();
        let kind = kind.strip_prefix(REL).unwrap_or(&kind);
        if !KEPT.contains(&kind) {
            continue;
        }
        if el.attr("TargetMode").as_deref() != Some("External") {
            targets.push(el.attr("Target").unwrap_or_default());
        }
        let id = el.attr("Id").unwrap_or_default();
        let digits = id.trim_start_matches(|c: char| !c.is_ascii_digit());
        let prefix = id[..id.len() - digits.len()].to_string();
        rels.push((prefix, digits.parse().unwrap_or(0), node));
    }
    rels.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    root.children = rels.into_iter().map(|(_, _, n)| n).collect();
    Ok((xml::write(NAME, &nodes)?, targets))
}

fn content_types(overrides: &[(String, &str)]) -> Result<Vec<u8>, GenError> {
    let mut w = Writer::new(Vec::new());
    let io = |e: std::io::Error| GenError::Docx(format!("[Content_Types].xml: {e}"));
    w.write_event(Event::Decl(BytesDecl::new(
        "1.0",
        Some("UTF-8"),
        Some("yes"),
    )))
    .map_err(io)?;
    let types = BytesStart::new("Types").with_attributes([(
        "xmlns",
        "http://schemas.openxmlformats.org/package/2006/content-types",
    )]);
    w.write_event(Event::Start(types)).map_err(io)?;
    for (ext, ct) in [
        (
            "rels",
            "application/vnd.openxmlformats-package.relationships+xml",
        ),
        ("xml", "application/xml"),
    ] {
        let d =
            BytesStart::new("Default").with_attributes([("Extension", ext), ("ContentType", ct)]);
        w.write_event(Event::Empty(d)).map_err(io)?;
    }
    for (part, ct) in overrides {
        let o = BytesStart::new("Override")
            .with_attributes([("PartName", part.as_str()), ("ContentType", *ct)]);
        w.write_event(Event::Empty(o)).map_err(io)?;
    }
    w.write_event(Event::End(BytesEnd::new("Types")))
        .map_err(io)?;
    Ok(w.into_inner())
}

const ROOT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
    r#"</Relationships>"#
);

const APP: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" "#,
    r#"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#,
    r#"<Application>nastavnik</Application></Properties>"#
);

/// Title, author and language from the document; its own date as the
/// creation date (no clock is read, so the bytes stay the same).
fn core_properties(doc: &Document) -> Result<Vec<u8>, GenError> {
    let io = |e: std::io::Error| GenError::Docx(format!("docProps/core.xml: {e}"));
    let mut w = Writer::new(Vec::new());
    w.write_event(Event::Decl(BytesDecl::new(
        "1.0",
        Some("UTF-8"),
        Some("yes"),
    )))
    .map_err(io)?;
    let root = BytesStart::new("cp:coreProperties").with_attributes([
        (
            "xmlns:cp",
            "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        ),
        ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
        ("xmlns:dcterms", "http://purl.org/dc/terms/"),
        ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
    ]);
    w.write_event(Event::Start(root)).map_err(io)?;
    let mut text = |name: &str, value: &str, attrs: &[(&str, &str)]| -> Result<(), GenError> {
        if value.is_empty() {
            return Ok(());
        }
        let start = BytesStart::new(name).with_attributes(attrs.iter().copied());
        w.write_event(Event::Start(start)).map_err(io)?;
        w.write_event(Event::Text(BytesText::new(&xml_safe(value))))
            .map_err(io)?;
        w.write_event(Event::End(BytesEnd::new(name))).map_err(io)?;
        Ok(())
    };
    text("dc:title", doc.title.trim(), &[])?;
    text("dc:creator", doc.author.trim(), &[])?;
    text("cp:lastModifiedBy", doc.author.trim(), &[])?;
    text("dc:language", "ru-RU", &[])?;
    if let Some(date) = doc.date {
        let stamp = format!("{}T00:00:00Z", date.format("%Y-%m-%d"));
        let w3c = [("xsi:type", "dcterms:W3CDTF")];
        text("dcterms:created", &stamp, &w3c)?;
        text("dcterms:modified", &stamp, &w3c)?;
    }
    w.write_event(Event::End(BytesEnd::new("cp:coreProperties")))
        .map_err(io)?;
    Ok(w.into_inner())
}

/// Hyphenation on, as in the PDF, except in words in capitals (abbreviations);
/// paragraph styles turn it off where the PDF does not hyphenate.
const SETTINGS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:zoom w:percent="100"/>"#,
    r#"<w:defaultTabStop w:val="709"/>"#,
    r#"<w:autoHyphenation/>"#,
    r#"<w:doNotHyphenateCaps/>"#,
    r#"<w:characterSpacingControl w:val="doNotCompress"/>"#,
    // A line ended by a manual break in justified text is not stretched (lists of acts).
    r#"<w:compat><w:doNotExpandShiftReturn/><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#,
    r#"<w:themeFontLang w:val="ru-RU"/>"#,
    r#"<w:decimalSymbol w:val=","/>"#,
    r#"<w:listSeparator w:val=";"/>"#,
    r#"</w:settings>"#
);

/// Space between paragraphs of running text, as measured in the PDF: Typst
/// lines stand 16.2 pt apart and paragraphs 17.6 pt, so 1.4 pt more.
const PARAGRAPH_GAP: u32 = 28;

/// The styles: the font, size and language once, in the defaults; every
/// kind of paragraph the writer uses as a named style.
fn styles() -> String {
    let no_hyphens = "<w:suppressAutoHyphens/>";
    let para = |id: &str, name: &str, ppr: &str, rpr: &str| {
        let ppr = if ppr.is_empty() {
            String::new()
        } else {
            format!("<w:pPr>{ppr}</w:pPr>")
        };
        let rpr = if rpr.is_empty() {
            String::new()
        } else {
            format!("<w:rPr>{rpr}</w:rPr>")
        };
        format!(
            r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:qFormat/>{ppr}{rpr}</w:style>"#
        )
    };
    let heading = |level: u8, before: u32, after: u32| {
        format!(
            r#"<w:style w:type="paragraph" w:styleId="Heading{level}"><w:name w:val="heading {level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>{no_hyphens}<w:spacing w:before="{before}" w:after="{after}"/><w:jc w:val="center"/><w:outlineLvl w:val="{}"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>"#,
            level - 1
        )
    };
    let table_size = format!(r#"<w:sz w:val="{TABLE_SIZE}"/><w:szCs w:val="{TABLE_SIZE}"/>"#);
    let mut s = String::new();
    s.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#);
    s.push_str(
        r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    );
    s.push_str(&format!(
        r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{FONT}" w:eastAsia="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/><w:sz w:val="{BODY_SIZE}"/><w:szCs w:val="{BODY_SIZE}"/><w:lang w:val="ru-RU" w:eastAsia="ru-RU" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="242" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#
    ));
    s.push_str(r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl/></w:pPr></w:style>"#);
    s.push_str(r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#);
    s.push_str(r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#);
    s.push_str(r#"<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#);
    // The kind of document in the requisites: «ПРИКАЗ».
    s.push_str(&format!(
        r#"<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:keepNext/>{no_hyphens}<w:spacing w:after="200"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:bCs/><w:spacing w:val="40"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>"#
    ));
    s.push_str(&heading(1, 240, 240));
    s.push_str(&heading(2, 200, 200));
    s.push_str(&heading(3, 160, 120));
    s.push_str(&para(
        "BodyText",
        "Body Text",
        &format!(r#"<w:spacing w:after="{PARAGRAPH_GAP}"/><w:ind w:firstLine="{INDENT}"/><w:jc w:val="both"/>"#),
        "",
    ));
    s.push_str(&para(
        "Requisites",
        "Requisites",
        &format!(r#"{no_hyphens}<w:jc w:val="center"/>"#),
        "",
    ));
    s.push_str(&para(
        "Aside",
        "Stamp",
        &format!(r#"{no_hyphens}<w:spacing w:after="240"/><w:jc w:val="left"/>"#),
        "",
    ));
    s.push_str(&para(
        "Signature",
        "Signature",
        &format!(r#"<w:keepLines/>{no_hyphens}<w:spacing w:before="480"/><w:jc w:val="left"/>"#),
        "",
    ));
    s.push_str(&para(
        "Acquaintance",
        "Acquaintance",
        &format!(r#"<w:keepLines/>{no_hyphens}<w:spacing w:after="160"/><w:jc w:val="left"/>"#),
        "",
    ));
    s.push_str(&para(
        "TableText",
        "Table Text",
        r#"<w:jc w:val="left"/>"#,
        &table_size,
    ));
    s.push_str(&para(
        "TableHeading",
        "Table Heading",
        &format!(r#"<w:keepNext/>{no_hyphens}<w:jc w:val="center"/>"#),
        &format!("<w:b/><w:bCs/>{table_size}"),
    ));
    s.push_str(&format!(
        r#"<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr>{no_hyphens}<w:jc w:val="center"/></w:pPr><w:rPr>{table_size}</w:rPr></w:style>"#
    ));
    s.push_str(r#"<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>"#);
    // Cell padding of ГОСТ habit: about 1 mm above and below, 1.5 mm at the sides.
    s.push_str(r#"<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="221" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#);
    s.push_str("</w:styles>");
    s
}
