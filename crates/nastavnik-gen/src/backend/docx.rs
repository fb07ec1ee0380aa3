//! The DOCX backend: IR → Office Open XML with docx-rs.
//!
//! Text is passed to docx-rs as data and escaped by its XML writer. What
//! docx-rs cannot say (the document language, repeated header rows) is added
//! to its XML afterwards, and the package is re-zipped with fixed timestamps
//! so that the same document always gives the same bytes.

use std::io::{Cursor, Read, Write};
use std::sync::LazyLock;

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, Header, Hyperlink, HyperlinkType,
    IndentLevel, Level, LevelJc, LevelOverride, LevelSuffixType, LevelText, LineSpacing,
    NumberFormat, Numbering, NumberingId, PageMargin, PageNum, PageOrientationType,
    Paragraph as DocxParagraph, Run, RunFonts, Section as DocxSection, SpecialIndentType, Start,
    Tab, TabValueType, Table as DocxTable, TableCell, TableLayoutType, TableRow, VMergeType,
    WidthType,
};
use regex::Regex;

use crate::ir::{
    Acquaintance, Align, Aside, Block, Cell, Document, Inline, Orientation, Paragraph, Requisites,
    Section, Signature, Table,
};
use crate::GenError;

/// The font written into every rFonts slot, so Cyrillic never falls back.
pub const FONT: &str = "Times New Roman";

const A4_SHORT: u32 = 11906;
const A4_LONG: u32 = 16838;
const MARGIN_LEFT: i32 = 1701; // 30 mm
const MARGIN_RIGHT: i32 = 567; // 10 mm
const MARGIN_TOP: i32 = 1134; // 20 mm
const MARGIN_BOTTOM: i32 = 1134; // 20 mm
const INDENT: i32 = 709; // 1.25 cm
const BODY_SIZE: usize = 28; // 14 pt in half-points
const TABLE_SIZE: usize = 24; // 12 pt
/// Ids of our numbering; docx-rs itself defines abstract numbering 1 and numbering 1.
const CLAUSES_ABSTRACT: usize = 100;
const FIRST_NUMBERING: usize = 100;

fn text_width(o: Orientation) -> usize {
    let page = match o {
        Orientation::Portrait => A4_SHORT,
        Orientation::Landscape => A4_LONG,
    };
    (page as i32 - MARGIN_LEFT - MARGIN_RIGHT) as usize
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT)
}

/// Writes a document as DOCX bytes.
pub fn to_docx(doc: &Document) -> Result<Vec<u8>, GenError> {
    let mut writer = Writer {
        numbering_ids: FIRST_NUMBERING,
        header_rows: Vec::new(),
        docx: base_docx(),
    };
    let last = doc.sections.len().saturating_sub(1);
    for (i, section) in doc.sections.iter().enumerate() {
        if i == last {
            writer.docx = std::mem::take(&mut writer.docx);
            writer.write_last_section(section, i == 0);
        } else {
            writer.write_section(section, i == 0);
        }
    }
    let mut raw = Cursor::new(Vec::new());
    writer
        .docx
        .build()
        .pack(&mut raw)
        .map_err(|e| GenError::Docx(e.to_string()))?;
    repack(raw.into_inner(), &writer.header_rows)
}

/// Clause numbering «1.», «1.1.», «1.1.1.», after a section prefix such as «2.».
fn clause_numbering(id: usize, prefix: &str) -> AbstractNumbering {
    let clause_levels = ["%1.", "%1.%2.", "%1.%2.%3."];
    let mut abstract_numbering = AbstractNumbering::new(id);
    for (level, text) in clause_levels.iter().enumerate() {
        abstract_numbering = abstract_numbering.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new("decimal"),
                LevelText::new(format!("{prefix}{text}")),
                LevelJc::new("left"),
            )
            .indent(
                Some(0),
                Some(SpecialIndentType::FirstLine(INDENT)),
                None,
                None,
            )
            .suffix(LevelSuffixType::Space),
        );
    }
    abstract_numbering
}

fn base_docx() -> Docx {
    Docx::new()
        .default_fonts(fonts())
        .default_size(BODY_SIZE)
        .default_line_spacing(LineSpacing::new().before(0).after(0).line(264))
        .add_abstract_numbering(clause_numbering(CLAUSES_ABSTRACT, ""))
}

struct Writer {
    numbering_ids: usize,
    /// Header rows of each table, in document order.
    header_rows: Vec<usize>,
    docx: Docx,
}

fn page_number_header() -> Header {
    Header::new().add_paragraph(
        DocxParagraph::new()
            .align(AlignmentType::Center)
            .add_page_num(PageNum::new())
            .size(TABLE_SIZE),
    )
}

fn page_geometry(o: Orientation) -> (u32, u32, PageOrientationType) {
    match o {
        Orientation::Portrait => (A4_SHORT, A4_LONG, PageOrientationType::Portrait),
        Orientation::Landscape => (A4_LONG, A4_SHORT, PageOrientationType::Landscape),
    }
}

fn margins() -> PageMargin {
    PageMargin::new()
        .top(MARGIN_TOP)
        .bottom(MARGIN_BOTTOM)
        .left(MARGIN_LEFT)
        .right(MARGIN_RIGHT)
        .header(567)
        .footer(567)
}

enum Child {
    Paragraph(Box<DocxParagraph>),
    Table(Box<DocxTable>),
}

impl Child {
    fn paragraph(p: DocxParagraph) -> Self {
        Child::Paragraph(Box::new(p))
    }
}

impl Writer {
    fn write_section(&mut self, section: &Section, first: bool) {
        let (w, h, orient) = page_geometry(section.orientation);
        let mut s = DocxSection::new()
            .page_size(docx_rs::PageSize::new().size(w, h).orient(orient))
            .page_margin(margins())
            .page_orient(orient)
            .header(page_number_header());
        if first {
            s = s.first_header(Header::new()).title_pg();
        }
        for child in self.children(section) {
            s = match child {
                Child::Paragraph(p) => s.add_paragraph(*p),
                Child::Table(t) => s.add_table(*t),
            };
        }
        self.docx = std::mem::take(&mut self.docx).add_section(s);
    }

    fn write_last_section(&mut self, section: &Section, first: bool) {
        let (w, h, orient) = page_geometry(section.orientation);
        let mut docx = std::mem::take(&mut self.docx)
            .page_size(w, h)
            .page_orient(orient)
            .page_margin(margins())
            .header(page_number_header());
        if first {
            docx = docx.first_header(Header::new());
        }
        self.docx = docx;
        for child in self.children(section) {
            self.docx = match child {
                Child::Paragraph(p) => std::mem::take(&mut self.docx).add_paragraph(*p),
                Child::Table(t) => std::mem::take(&mut self.docx).add_table(*t),
            };
        }
    }

    fn children(&mut self, section: &Section) -> Vec<Child> {
        let mut out = Vec::new();
        for block in &section.blocks {
            self.block(block, section.orientation, &mut out);
        }
        out
    }

    fn new_numbering(&mut self, start: u32, prefix: &str) -> usize {
        self.numbering_ids += 1;
        let id = self.numbering_ids;
        let abstract_id = if prefix.is_empty() {
            CLAUSES_ABSTRACT
        } else {
            // A section's clauses «2.1.» need their own level texts.
            let abstract_id = CLAUSES_ABSTRACT + id;
            self.docx = std::mem::take(&mut self.docx)
                .add_abstract_numbering(clause_numbering(abstract_id, prefix));
            abstract_id
        };
        self.docx = std::mem::take(&mut self.docx).add_numbering(
            Numbering::new(id, abstract_id)
                .add_override(LevelOverride::new(0).start(start.max(1) as usize)),
        );
        id
    }

    fn block(&mut self, block: &Block, orientation: Orientation, out: &mut Vec<Child>) {
        let width = text_width(orientation);
        match block {
            Block::Heading { level, content } => {
                let space = if *level == 1 { 240 } else { 200 };
                let p = runs(DocxParagraph::new(), content, None)
                    .align(AlignmentType::Center)
                    .line_spacing(LineSpacing::new().before(space).after(space))
                    .keep_next(true);
                out.push(Child::paragraph(bold_all(p)));
            }
            Block::Paragraph(p) => out.push(Child::paragraph(paragraph(p, None))),
            Block::Clauses(clauses) => {
                let id = self.new_numbering(clauses.start, &clauses.prefix);
                for (_number, depth, clause) in clauses.numbered() {
                    let p = runs(DocxParagraph::new(), &clause.content, None)
                        .align(AlignmentType::Both)
                        .numbering(NumberingId::new(id), IndentLevel::new(depth.min(2)));
                    out.push(Child::paragraph(p));
                }
            }
            Block::List(items) => {
                for item in items {
                    let mut content = vec![Inline::plain("– ")];
                    content.extend(item.iter().cloned());
                    out.push(Child::paragraph(paragraph(&Paragraph::text(content), None)));
                }
            }
            Block::Table(t) => {
                self.header_rows.push(t.header.len());
                out.push(Child::Table(Box::new(table(t, width))));
            }
            Block::Requisites(r) => requisites(r, width, out),
            Block::Aside(a) => out.push(Child::paragraph(aside(a, width))),
            Block::Signature(s) => out.push(Child::paragraph(signature(s, width))),
            Block::Acquaintance(a) => acquaintance(a, width, out),
            // A bundle's outline is a PDF matter; Word builds its own navigation.
            Block::Bookmark(_) => {}
            Block::Stamps { left, right } => {
                out.push(Child::Table(Box::new(stamps(left, right, width))))
            }
        }
    }
}

fn bold_all(mut p: DocxParagraph) -> DocxParagraph {
    for child in p.children.iter_mut() {
        if let docx_rs::ParagraphChild::Run(run) = child {
            run.run_property = run.run_property.clone().bold();
        }
    }
    p
}

fn run(text: &str, bold: bool, italic: bool, size: Option<usize>) -> Run {
    let mut r = Run::new().add_text(text);
    if bold {
        r = r.bold();
    }
    if italic {
        r = r.italic();
    }
    if let Some(size) = size {
        r = r.size(size);
    }
    r
}

fn runs(mut p: DocxParagraph, content: &[Inline], size: Option<usize>) -> DocxParagraph {
    for inline in content {
        p = match inline {
            Inline::Text { text, bold, italic } => p.add_run(run(text, *bold, *italic, size)),
            Inline::LineBreak => p.add_run(Run::new().add_break(BreakType::TextWrapping)),
            Inline::Link { url, text } => p.add_hyperlink(
                Hyperlink::new(url, HyperlinkType::External).add_run(
                    run(text, false, false, size)
                        .color("0563C1")
                        .underline("single"),
                ),
            ),
        };
    }
    p
}

fn alignment(a: Align) -> AlignmentType {
    match a {
        Align::Justify => AlignmentType::Both,
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
    }
}

fn paragraph(p: &Paragraph, size: Option<usize>) -> DocxParagraph {
    let mut out = runs(DocxParagraph::new(), &p.content, size).align(alignment(p.align));
    if p.indent {
        out = out.indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None);
    }
    out
}

fn lines_paragraph(lines: &[String], bold: bool) -> DocxParagraph {
    let mut p = DocxParagraph::new();
    for (i, line) in lines.iter().enumerate() {
        let mut r = run(line, bold, false, None);
        if i + 1 < lines.len() {
            r = r.add_break(BreakType::TextWrapping);
        }
        p = p.add_run(r);
    }
    p
}

fn requisites(r: &Requisites, width: usize, out: &mut Vec<Child>) {
    if !r.header_lines.is_empty() {
        out.push(Child::paragraph(
            lines_paragraph(&r.header_lines, true)
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().after(120)),
        ));
    }
    out.push(Child::paragraph(
        lines_paragraph(std::slice::from_ref(&r.issuer), true)
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().after(240)),
    ));
    out.push(Child::paragraph(
        DocxParagraph::new()
            .add_run(run(&r.kind, true, false, Some(32)).character_spacing(40))
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().after(200)),
    ));
    out.push(Child::paragraph(
        DocxParagraph::new()
            .add_tab(Tab::new().val(TabValueType::Right).pos(width))
            .add_run(run(&r.date, false, false, None))
            .add_run(Run::new().add_tab())
            .add_run(run(&r.number, false, false, None)),
    ));
    if let Some(place) = &r.place {
        out.push(Child::paragraph(
            DocxParagraph::new()
                .align(AlignmentType::Center)
                .add_run(run(place, false, false, None)),
        ));
    }
    out.push(Child::paragraph(DocxParagraph::new()));
}

fn aside(a: &Aside, width: usize) -> DocxParagraph {
    let left = (width as f32 * 0.55) as i32;
    lines_paragraph(&a.lines, false)
        .align(AlignmentType::Left)
        .indent(Some(left), None, None, None)
        .line_spacing(LineSpacing::new().after(240))
}

fn signature(s: &Signature, width: usize) -> DocxParagraph {
    DocxParagraph::new()
        .add_tab(Tab::new().val(TabValueType::Right).pos(width))
        .line_spacing(LineSpacing::new().before(480))
        .add_run(run(&s.position, false, false, None))
        .add_run(Run::new().add_tab())
        .add_run(run(&s.name, false, false, None))
}

fn acquaintance(a: &Acquaintance, width: usize, out: &mut Vec<Child>) {
    out.push(Child::paragraph(
        DocxParagraph::new()
            .line_spacing(LineSpacing::new().before(360).after(120))
            .add_run(run(&a.label, false, false, None)),
    ));
    for name in &a.names {
        out.push(Child::paragraph(
            DocxParagraph::new()
                .add_tab(Tab::new().val(TabValueType::Left).pos(width * 2 / 5))
                .add_tab(Tab::new().val(TabValueType::Right).pos(width))
                .line_spacing(LineSpacing::new().after(160))
                .add_run(run(name, false, false, None))
                .add_run(Run::new().add_tab())
                .add_run(run("____________", false, false, None))
                .add_run(Run::new().add_tab())
                .add_run(run("«___» __________ 20__ г.", false, false, None)),
        ));
    }
}

/// Two stamps side by side, in a table without borders.
fn stamps(left: &[String], right: &[String], width: usize) -> DocxTable {
    let half = width / 2;
    let cell = |lines: &[String]| {
        TableCell::new()
            .add_paragraph(
                lines_paragraph(lines, false).line_spacing(LineSpacing::new().after(240)),
            )
            .width(half, WidthType::Dxa)
            .clear_all_border()
    };
    DocxTable::without_borders(vec![TableRow::new(vec![cell(left), cell(right)])])
        .set_grid(vec![half, half])
        .width(width, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

fn cell_content(cell: &Cell) -> Vec<DocxParagraph> {
    let mut out = Vec::new();
    for block in &cell.blocks {
        match block {
            Block::Paragraph(p) => {
                let mut p = p.clone();
                p.indent = false;
                if let Some(align) = cell.align {
                    p.align = align;
                }
                if cell.bold {
                    p.content = p.content.into_iter().map(embolden).collect();
                }
                out.push(paragraph(&p, Some(TABLE_SIZE)));
            }
            Block::List(items) => {
                for item in items {
                    let mut content = vec![Inline::plain("– ")];
                    content.extend(item.iter().cloned());
                    out.push(paragraph(
                        &Paragraph::aligned(content, Align::Left),
                        Some(TABLE_SIZE),
                    ));
                }
            }
            _ => {}
        }
    }
    if out.is_empty() {
        out.push(DocxParagraph::new().size(TABLE_SIZE));
    }
    out
}

fn embolden(i: Inline) -> Inline {
    match i {
        Inline::Text { text, italic, .. } => Inline::Text {
            text,
            bold: true,
            italic,
        },
        other => other,
    }
}

/// Lays out rows on the grid: spanned columns get `gridSpan`, cells covered
/// by a row span from above get a `vMerge` continuation.
fn table(t: &Table, width: usize) -> DocxTable {
    let total: f32 = t.columns.iter().sum::<f32>().max(f32::EPSILON);
    let grid: Vec<usize> = t
        .columns
        .iter()
        .map(|c| (c / total * width as f32) as usize)
        .collect();
    let ncols = grid.len();
    // Remaining rows of an active row span, per grid column, with its width in columns.
    let mut pending: Vec<(u16, u16)> = vec![(0, 1); ncols];
    let mut rows = Vec::new();
    let header_count = t.header.len();
    for (index, row) in t.header.iter().chain(&t.rows).enumerate() {
        let mut cells = Vec::new();
        let mut col = 0usize;
        let mut source = row.cells.iter();
        while col < ncols {
            if pending[col].0 > 0 {
                let span = pending[col].1;
                pending[col].0 -= 1;
                let mut c = TableCell::new()
                    .vertical_merge(VMergeType::Continue)
                    .add_paragraph(DocxParagraph::new());
                if span > 1 {
                    c = c.grid_span(span as usize);
                }
                cells.push(c.width(span_width(&grid, col, span), WidthType::Dxa));
                col += span as usize;
                continue;
            }
            let Some(cell) = source.next() else {
                // A short row: fill the rest with empty cells.
                cells.push(
                    TableCell::new()
                        .add_paragraph(DocxParagraph::new())
                        .width(grid[col], WidthType::Dxa),
                );
                col += 1;
                continue;
            };
            let span = cell.col_span.max(1).min((ncols - col) as u16);
            let mut c = TableCell::new();
            for p in cell_content(cell) {
                c = c.add_paragraph(p);
            }
            if span > 1 {
                c = c.grid_span(span as usize);
            }
            if cell.row_span > 1 {
                c = c.vertical_merge(VMergeType::Restart);
                pending[col] = (cell.row_span - 1, span);
            }
            cells.push(c.width(span_width(&grid, col, span), WidthType::Dxa));
            col += span as usize;
        }
        let mut r = TableRow::new(cells);
        if index < header_count || row.keep_together() {
            r = r.cant_split();
        }
        rows.push(r);
    }
    DocxTable::new(rows)
        .set_grid(grid)
        .width(width, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

fn span_width(grid: &[usize], col: usize, span: u16) -> usize {
    grid[col..(col + span as usize).min(grid.len())]
        .iter()
        .sum()
}

static TAB_STOP_SETTING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<w:defaultTabStop [^>]*/>"#).unwrap());
static HYPERLINK_RID: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"rIdHyperlink\d+").unwrap());
static PARA_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"w14:paraId="[0-9A-Fa-f]+""#).unwrap());

/// Rewrites what docx-rs leaves varying or unsaid, and zips again with fixed
/// timestamps: sequential paragraph ids, the Russian language, header rows.
fn repack(raw: Vec<u8>, header_rows: &[usize]) -> Result<Vec<u8>, GenError> {
    let err = |e: &dyn std::fmt::Display| GenError::Docx(e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(raw)).map_err(|e| err(&e))?;
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).map_err(|e| err(&e))?;
        if file.is_dir() {
            continue;
        }
        let mut data = Vec::new();
        file.read_to_end(&mut data).map_err(|e| err(&e))?;
        parts.push((file.name().to_string(), data));
    }
    // docx-rs numbers hyperlinks from a process-wide counter: renumber them in
    // order of appearance, in the body and in its relationships alike.
    let mut link_ids: Vec<String> = Vec::new();
    if let Some((_, body)) = parts.iter().find(|(n, _)| n == "word/document.xml") {
        for m in HYPERLINK_RID.find_iter(&String::from_utf8_lossy(body)) {
            if !link_ids.iter().any(|id| id == m.as_str()) {
                link_ids.push(m.as_str().to_string());
            }
        }
    }
    let renumber_links = |text: &str| -> String {
        HYPERLINK_RID
            .replace_all(text, |c: &regex::Captures| {
                let n = link_ids
                    .iter()
                    .position(|id| id == &c[0])
                    .map_or(0, |p| p + 1);
                format!("rIdHyperlink{n}")
            })
            .into_owned()
    };

    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let mut para_ids = 0u32;
    for (name, mut data) in parts {
        if name.starts_with("word/") && name.ends_with(".xml") {
            // docx-rs numbers paragraphs from a thread-wide counter: renumber per package.
            let text = String::from_utf8_lossy(&data);
            let text = PARA_ID.replace_all(&text, |_: &regex::Captures| {
                para_ids += 1;
                format!("w14:paraId=\"{para_ids:08X}\"")
            });
            data = text.into_owned().into_bytes();
        }
        if name == "word/document.xml" {
            let text = renumber_links(&String::from_utf8_lossy(&data));
            data = mark_header_rows(&text, header_rows).into_bytes();
        } else if name == "word/_rels/document.xml.rels" {
            data =
                sort_relationships(&renumber_links(&String::from_utf8_lossy(&data))).into_bytes();
        } else if name == "word/settings.xml" {
            // Russian text in narrow table cells needs hyphenation, as in the PDF.
            let text = String::from_utf8_lossy(&data);
            data = TAB_STOP_SETTING
                .replace(&text, "$0<w:autoHyphenation />")
                .into_owned()
                .into_bytes();
        } else if name == "word/styles.xml" {
            let text = String::from_utf8_lossy(&data);
            let lang = r#"<w:lang w:val="ru-RU" w:eastAsia="ru-RU" w:bidi="ar-SA" />"#;
            let text = text.replacen(
                "</w:rPr></w:rPrDefault>",
                &format!("{lang}</w:rPr></w:rPrDefault>"),
                1,
            );
            data = text.into_bytes();
        }
        out.start_file(name, options).map_err(|e| err(&e))?;
        out.write_all(&data).map_err(|e| err(&e))?;
    }
    Ok(out.finish().map_err(|e| err(&e))?.into_inner())
}

static RELATIONSHIP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<Relationship Id="([A-Za-z]+)(\d*)"[^>]*/>"#).unwrap());

/// docx-rs lists hyperlink relationships in no fixed order: sort them all by id.
fn sort_relationships(xml: &str) -> String {
    let mut found: Vec<(String, u64, String)> = RELATIONSHIP
        .captures_iter(xml)
        .map(|c| {
            (
                c[1].to_string(),
                c[2].parse().unwrap_or(0),
                c[0].to_string(),
            )
        })
        .collect();
    let (Some(first), Some(last)) = (RELATIONSHIP.find(xml), RELATIONSHIP.find_iter(xml).last())
    else {
        return xml.to_string();
    };
    found.sort();
    let body: String = found.into_iter().map(|(_, _, element)| element).collect();
    format!("{}{}{}", &xml[..first.start()], body, &xml[last.end()..])
}

/// Adds `<w:tblHeader/>` to the first rows of each table (header rows are
/// written with `cantSplit`, which docx-rs can say, so their `trPr` exists).
fn mark_header_rows(xml: &str, header_rows: &[usize]) -> String {
    let mut out = String::with_capacity(xml.len() + 64);
    let mut rest = xml;
    for &count in header_rows {
        let Some(start) = rest.find("<w:tbl>") else {
            break;
        };
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        for _ in 0..count {
            let Some(at) = rest.find("<w:cantSplit />") else {
                break;
            };
            let end = at + "<w:cantSplit />".len();
            out.push_str(&rest[..end]);
            out.push_str("<w:tblHeader />");
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Row, Section};

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
}
