//! The DOCX backend: IR → Office Open XML.
//!
//! The body, the numbering and the page headers are built with docx-rs;
//! text is passed to it as data and escaped by its XML writer. What docx-rs
//! cannot say is said elsewhere, never by editing text:
//! - styles, settings, metadata and the package's own parts are written
//!   whole in [`package`] (they depend on nothing but the metadata);
//! - repeated header rows are written at explicit markers (a hidden
//!   bookmark in the row), and the property elements docx-rs writes out of
//!   the schema's order are put in order, by the event-based rewriter in
//!   [`xml`]. A marker that is not found is an error.
//!
//! Paragraph ids and hyperlink ids are set here, in document order, so the
//! same document always gives the same bytes.

mod package;
mod xml;

use std::borrow::Cow;

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, Header, Hyperlink, HyperlinkData,
    HyperlinkType, IndentLevel, Level, LevelJc, LevelOverride, LevelSuffixType, LevelText,
    LineSpacing, NumberFormat, Numbering, NumberingId, PageMargin, PageNum, PageOrientationType,
    Paragraph as DocxParagraph, ParagraphChild, Run, Section as DocxSection, SpecialIndentType,
    Start, Tab, TabValueType, Table as DocxTable, TableCell, TableCellContent, TableChild,
    TableLayoutType, TableRow, TableRowChild, VMergeType, WidthType,
};

use crate::ir::{
    Acquaintance, Align, Aside, Block, Cell, Document, Inline, Orientation, Paragraph, Requisites,
    Section, Signature, Stamps, Table, TitlePage,
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
/// Space above and below a table: 0.8 em of 14 pt, as in the PDF.
const TABLE_GAP: u32 = 224;
/// Ids of our numbering; docx-rs itself defines abstract numbering 1 and numbering 1.
const CLAUSES_ABSTRACT: usize = 100;
const FIRST_NUMBERING: usize = 100;
/// The name of the hidden bookmark that marks a table's header row while
/// docx-rs writes it; the package writer turns it into `w:tblHeader`.
const HEADER_ROW_MARKER: &str = "_nastavnik_header_row";

/// Paragraph styles (defined in [`package`]).
mod style {
    pub const BODY: &str = "BodyText";
    pub const TITLE: &str = "Title";
    pub const REQUISITES: &str = "Requisites";
    pub const ASIDE: &str = "Aside";
    pub const SIGNATURE: &str = "Signature";
    pub const ACQUAINTANCE: &str = "Acquaintance";
    pub const TABLE_TEXT: &str = "TableText";
    pub const TABLE_HEADING: &str = "TableHeading";
    pub const HEADER: &str = "Header";
    pub const HYPERLINK: &str = "Hyperlink";
    pub const TABLE: &str = "TableGrid";

    pub fn heading(level: u8) -> &'static str {
        match level {
            0 | 1 => "Heading1",
            2 => "Heading2",
            _ => "Heading3",
        }
    }
}

fn text_width(o: Orientation) -> usize {
    let page = match o {
        Orientation::Portrait => A4_SHORT,
        Orientation::Landscape => A4_LONG,
    };
    (page as i32 - MARGIN_LEFT - MARGIN_RIGHT) as usize
}

/// Text as XML 1.0 can hold it: a control character (and U+FFFE, U+FFFF)
/// is written out visibly as `\x07` or `\uFFFE`, never raw. The IR's text
/// is cleaned before it gets here; this is the writer's own defence.
pub(crate) fn xml_safe(text: &str) -> Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
    };
    if !text.chars().any(bad) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !bad(c) {
            out.push(c);
        } else if (c as u32) < 0x100 {
            out.push_str(&format!("\\x{:02X}", c as u32));
        } else {
            out.push_str(&format!("\\u{:04X}", c as u32));
        }
    }
    Cow::Owned(out)
}

/// The address a link may point to: web and mail only, and nothing a
/// relationship's target cannot hold. Anything else is shown as text.
fn link_target(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let scheme_ok = ["http://", "https://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s) && lower.len() > s.len());
    let clean = !url.chars().any(|c| {
        c.is_control()
            || c.is_whitespace()
            || matches!(
                c,
                '\u{fffe}' | '\u{ffff}' | '<' | '>' | '"' | '`' | '{' | '}' | '|' | '\\' | '^'
            )
    });
    (scheme_ok && clean).then_some(url)
}

/// Writes a document as DOCX bytes.
pub fn to_docx(doc: &Document) -> Result<Vec<u8>, GenError> {
    let mut writer = Writer {
        numbering_ids: FIRST_NUMBERING,
        header_rows: 0,
        paragraphs: 0,
        links: 0,
        docx: base_docx(),
    };
    let last = doc.sections.len().saturating_sub(1);
    for (i, section) in doc.sections.iter().enumerate() {
        writer.write_section(section, i == 0, i == last);
    }
    let expect = package::Expect {
        header_rows: writer.header_rows,
        section_breaks: doc.sections.len().saturating_sub(1),
    };
    package::package(writer.docx.build(), doc, expect)
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
    Docx::new().add_abstract_numbering(clause_numbering(CLAUSES_ABSTRACT, ""))
}

struct Writer {
    numbering_ids: usize,
    /// Header rows marked so far.
    header_rows: usize,
    /// Paragraphs numbered so far (their `w14:paraId`).
    paragraphs: u32,
    /// Hyperlinks numbered so far (their relationship ids).
    links: usize,
    docx: Docx,
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
    /// The next paragraph id: unique in the package, in document order.
    fn para_id(&mut self) -> String {
        self.paragraphs += 1;
        format!("{:08X}", self.paragraphs)
    }

    /// Page numbers from page 2, centred at the top; the first page's header is empty.
    fn headers(&mut self) -> (Header, Header) {
        let numbered = Header::new().add_paragraph(
            DocxParagraph::new()
                .id(self.para_id())
                .style(style::HEADER)
                .add_page_num(PageNum::new()),
        );
        // Word wants a paragraph in every header part, even an empty one.
        let first = Header::new()
            .add_paragraph(DocxParagraph::new().id(self.para_id()).style(style::HEADER));
        (numbered, first)
    }

    fn write_section(&mut self, section: &Section, first: bool, last: bool) {
        let (w, h, orient) = page_geometry(section.orientation);
        let (numbered, first_header) = self.headers();
        let mut children = self.children(section);
        for child in &mut children {
            self.number(child);
        }
        if last {
            // The body's own sectPr describes the last section.
            let mut docx = std::mem::take(&mut self.docx)
                .page_size(w, h)
                .page_orient(orient)
                .page_margin(margins())
                .header(numbered);
            if first {
                docx = docx.first_header(first_header);
            }
            for child in children {
                docx = match child {
                    Child::Paragraph(p) => docx.add_paragraph(*p),
                    Child::Table(t) => docx.add_table(*t),
                };
            }
            self.docx = docx;
        } else {
            let mut s = DocxSection::new()
                .page_size(docx_rs::PageSize::new().size(w, h).orient(orient))
                .page_margin(margins())
                .page_orient(orient)
                .header(numbered);
            if first {
                s = s.first_header(first_header).title_pg();
            }
            for child in children {
                s = match child {
                    Child::Paragraph(p) => s.add_paragraph(*p),
                    Child::Table(t) => s.add_table(*t),
                };
            }
            self.docx = std::mem::take(&mut self.docx).add_section(s);
        }
    }

    /// Sets paragraph ids and hyperlink relationship ids in document order.
    fn number(&mut self, child: &mut Child) {
        match child {
            Child::Paragraph(p) => self.number_paragraph(p),
            Child::Table(t) => self.number_table(t),
        }
    }

    fn number_paragraph(&mut self, p: &mut DocxParagraph) {
        p.id = self.para_id();
        for c in p.children.iter_mut() {
            if let ParagraphChild::Hyperlink(h) = c {
                if let HyperlinkData::External { rid, .. } = &mut h.link {
                    self.links += 1;
                    *rid = format!("rIdLink{}", self.links);
                }
            }
        }
    }

    fn number_table(&mut self, t: &mut DocxTable) {
        for TableChild::TableRow(row) in t.rows.iter_mut() {
            for TableRowChild::TableCell(cell) in row.cells.iter_mut() {
                for content in cell.children.iter_mut() {
                    match content {
                        TableCellContent::Paragraph(p) => self.number_paragraph(p),
                        TableCellContent::Table(t) => self.number_table(t),
                        _ => {}
                    }
                }
            }
        }
    }

    fn children(&mut self, section: &Section) -> Vec<Child> {
        let mut out = Vec::new();
        for block in &section.blocks {
            self.block(block, section.orientation, &mut out);
        }
        space_around_tables(&mut out);
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
                let p = runs(DocxParagraph::new(), content).style(style::heading(*level));
                out.push(Child::paragraph(p));
            }
            Block::Paragraph(p) => out.push(Child::paragraph(paragraph(p))),
            Block::Clauses(clauses) => {
                let id = self.new_numbering(clauses.start, &clauses.prefix);
                for (_number, depth, clause) in clauses.numbered() {
                    let p = runs(DocxParagraph::new(), &clause.content)
                        .style(style::BODY)
                        .numbering(NumberingId::new(id), IndentLevel::new(depth.min(2)));
                    out.push(Child::paragraph(p));
                }
            }
            Block::List(items) => {
                for item in items {
                    let mut content = vec![Inline::plain("– ")];
                    content.extend(item.iter().cloned());
                    out.push(Child::paragraph(paragraph(&Paragraph::text(content))));
                }
            }
            Block::Table(t) => {
                let table = self.table(t, width);
                out.push(Child::Table(Box::new(table)));
            }
            Block::Requisites(r) => requisites(r, width, out),
            Block::Aside(a) => out.push(Child::paragraph(aside(a, width))),
            Block::Signature(s) => {
                // The signature never opens a page alone: the last line before it stays with it.
                if let Some(Child::Paragraph(p)) = out.last_mut() {
                    **p = std::mem::take(&mut **p).keep_next(true);
                }
                out.push(Child::paragraph(signature(s, width)))
            }
            Block::Acquaintance(a) => acquaintance(a, width, out),
            // A bundle's outline is a PDF matter; Word builds its own from the headings.
            Block::Bookmark(_) => {}
            Block::Stamps(s) => out.push(Child::Table(Box::new(stamps(s, width)))),
            Block::TitlePage(t) => title_page(t, width, out),
        }
    }

    /// Lays out rows on the grid: spanned columns get `gridSpan`, cells covered
    /// by a row span from above get a `vMerge` continuation.
    fn table(&mut self, t: &Table, width: usize) -> DocxTable {
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
        // Word cannot repeat a merged cell's label on the next page, so a
        // short group (a stage, a strategy) is kept on one page, as the PDF
        // keeps it: every paragraph of its rows but the last keeps with the
        // next, and no row splits.
        let keep_with_next = t.keep_with_next();
        for (index, row) in t.header.iter().chain(&t.rows).enumerate() {
            let header = index < header_count;
            let keep_next = !header && keep_with_next[index - header_count];
            let mut cells = Vec::new();
            let mut col = 0usize;
            let mut source = row.cells.iter();
            while col < ncols {
                if pending[col].0 > 0 {
                    let span = pending[col].1;
                    pending[col].0 -= 1;
                    let mut c = TableCell::new()
                        .vertical_merge(VMergeType::Continue)
                        .add_paragraph(kept(empty_cell_paragraph(header), keep_next));
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
                            .add_paragraph(kept(empty_cell_paragraph(header), keep_next))
                            .width(grid[col], WidthType::Dxa),
                    );
                    col += 1;
                    continue;
                };
                let span = cell.col_span.max(1).min((ncols - col) as u16);
                let mut c = TableCell::new();
                for p in cell_content(cell, header) {
                    c = c.add_paragraph(kept(p, keep_next));
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
            if header {
                self.mark_header_row(&mut cells);
            }
            let mut r = TableRow::new(cells);
            if header || keep_next || row.keep_together() {
                r = r.cant_split();
            }
            rows.push(r);
        }
        DocxTable::new(rows)
            .style(style::TABLE)
            .set_grid(grid)
            .width(width, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
    }

    /// Marks a header row with a hidden bookmark in its first paragraph;
    /// the package writer makes the row repeat (`w:tblHeader`) and removes it.
    fn mark_header_row(&mut self, cells: &mut [TableCell]) {
        let Some(TableCellContent::Paragraph(p)) =
            cells.first_mut().and_then(|c| c.children.first_mut())
        else {
            return;
        };
        self.header_rows += 1;
        let id = self.header_rows;
        **p = std::mem::take(&mut **p)
            .add_bookmark_start(id, HEADER_ROW_MARKER)
            .add_bookmark_end(id);
    }
}

/// 0.8 em above and below every table, as the PDF has it: on the paragraphs
/// next to it (a table has no spacing of its own); the paragraph before a
/// table is kept with it.
fn space_around_tables(out: &mut [Child]) {
    let tables: Vec<bool> = out.iter().map(|c| matches!(c, Child::Table(_))).collect();
    for (i, child) in out.iter_mut().enumerate() {
        let Child::Paragraph(p) = child else { continue };
        let after_table = i > 0 && tables[i - 1];
        let before_table = tables.get(i + 1).copied().unwrap_or(false);
        if !(after_table || before_table) {
            continue;
        }
        let mut spacing = LineSpacing::new();
        if after_table {
            spacing = spacing.before(TABLE_GAP);
        }
        if before_table {
            spacing = spacing.after(TABLE_GAP);
        }
        let mut paragraph = std::mem::take(&mut **p).line_spacing(spacing);
        if before_table {
            // What leads into a table (its title, «…:») stays with its first row.
            paragraph = paragraph.keep_next(true);
        }
        **p = paragraph;
    }
}

/// The paragraph, kept with the next when `keep`.
fn kept(p: DocxParagraph, keep: bool) -> DocxParagraph {
    if keep {
        p.keep_next(true)
    } else {
        p
    }
}

fn empty_cell_paragraph(header: bool) -> DocxParagraph {
    DocxParagraph::new().style(if header {
        style::TABLE_HEADING
    } else {
        style::TABLE_TEXT
    })
}

fn run(text: &str, bold: bool, italic: bool) -> Run {
    let mut r = Run::new().add_text(xml_safe(text));
    if bold {
        r = r.bold();
    }
    if italic {
        r = r.italic();
    }
    r
}

fn runs(mut p: DocxParagraph, content: &[Inline]) -> DocxParagraph {
    for inline in content {
        p = match inline {
            Inline::Text { text, bold, italic } => p.add_run(run(text, *bold, *italic)),
            Inline::LineBreak => p.add_run(Run::new().add_break(BreakType::TextWrapping)),
            Inline::Link { url, text } => match link_target(url) {
                // The relationship id is set in document order by `Writer::number`.
                Some(url) => p.add_hyperlink(
                    Hyperlink::new(url, HyperlinkType::External)
                        .add_run(run(text, false, false).style(style::HYPERLINK)),
                ),
                None => p.add_run(run(text, false, false)),
            },
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

/// Running text: the body style is justified with a first-line indent;
/// other paragraphs say how they differ.
fn paragraph(p: &Paragraph) -> DocxParagraph {
    let mut out = runs(DocxParagraph::new(), &p.content).style(style::BODY);
    if p.align != Align::Justify {
        out = out.align(alignment(p.align));
    }
    if !p.indent {
        out = out.indent(None, Some(SpecialIndentType::FirstLine(0)), None, None);
    }
    out
}

fn lines_paragraph(lines: &[String], bold: bool) -> DocxParagraph {
    let mut p = DocxParagraph::new();
    for (i, line) in lines.iter().enumerate() {
        let mut r = run(line, bold, false);
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
                .style(style::REQUISITES)
                .line_spacing(LineSpacing::new().after(120)),
        ));
    }
    out.push(Child::paragraph(
        lines_paragraph(std::slice::from_ref(&r.issuer), true)
            .style(style::REQUISITES)
            .line_spacing(LineSpacing::new().after(240)),
    ));
    out.push(Child::paragraph(
        DocxParagraph::new()
            .style(style::TITLE)
            .add_run(run(&r.kind, false, false)),
    ));
    out.push(Child::paragraph(
        DocxParagraph::new()
            .style(style::REQUISITES)
            .align(AlignmentType::Left)
            .add_tab(Tab::new().val(TabValueType::Right).pos(width))
            .add_run(run(&r.date, false, false))
            .add_run(Run::new().add_tab())
            .add_run(run(&r.number, false, false)),
    ));
    if let Some(place) = &r.place {
        out.push(Child::paragraph(
            DocxParagraph::new()
                .style(style::REQUISITES)
                .add_run(run(place, false, false)),
        ));
    }
    out.push(Child::paragraph(DocxParagraph::new()));
}

fn aside(a: &Aside, width: usize) -> DocxParagraph {
    let left = (width as f32 * 0.55) as i32;
    lines_paragraph(&a.lines, false)
        .style(style::ASIDE)
        .indent(Some(left), None, None, None)
}

fn signature(s: &Signature, width: usize) -> DocxParagraph {
    DocxParagraph::new()
        .style(style::SIGNATURE)
        .add_tab(Tab::new().val(TabValueType::Right).pos(width))
        .add_run(run(&s.position, false, false))
        .add_run(Run::new().add_tab())
        .add_run(run(&s.name, false, false))
}

/// «С приказом ознакомлены:» and the names, kept together on one page.
fn acquaintance(a: &Acquaintance, width: usize, out: &mut Vec<Child>) {
    out.push(Child::paragraph(
        DocxParagraph::new()
            .style(style::ACQUAINTANCE)
            .keep_next(!a.names.is_empty())
            .line_spacing(LineSpacing::new().before(360).after(120))
            .add_run(run(&a.label, false, false)),
    ));
    for (i, name) in a.names.iter().enumerate() {
        out.push(Child::paragraph(
            DocxParagraph::new()
                .style(style::ACQUAINTANCE)
                .keep_next(i + 1 < a.names.len())
                .add_tab(Tab::new().val(TabValueType::Left).pos(width * 2 / 5))
                .add_tab(Tab::new().val(TabValueType::Right).pos(width))
                .add_run(run(name, false, false))
                .add_run(Run::new().add_tab())
                .add_run(run("____________", false, false))
                .add_run(Run::new().add_tab())
                .add_run(run("«___» __________ 20__ г.", false, false)),
        ));
    }
}

/// Approvals in a grid: a table without borders, filled row by row.
fn stamps(s: &Stamps, width: usize) -> DocxTable {
    let columns = s.columns.max(1);
    let cell_width = width / columns;
    // Three or four in a row are set at 12 pt, as in the PDF.
    let size = if columns > 2 { TABLE_SIZE } else { BODY_SIZE };
    let cell = |lines: &[String]| {
        let mut p = DocxParagraph::new().style(style::ASIDE);
        for (i, line) in lines.iter().enumerate() {
            let mut r = run(line, false, false);
            if size != BODY_SIZE {
                r = r.size(size);
            }
            if i + 1 < lines.len() {
                r = r.add_break(BreakType::TextWrapping);
            }
            p = p.add_run(r);
        }
        TableCell::new()
            .add_paragraph(p)
            .width(cell_width, WidthType::Dxa)
            .clear_all_border()
    };
    let rows: Vec<TableRow> = s
        .cells
        .chunks(columns)
        .map(|row| {
            let mut cells: Vec<TableCell> = row.iter().map(|c| cell(c)).collect();
            while cells.len() < columns {
                cells.push(cell(&[]));
            }
            TableRow::new(cells)
        })
        .collect();
    DocxTable::without_borders(rows)
        .set_grid(vec![cell_width; columns])
        .width(width, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// A title page: centred lines at the top, the approvals, the title in the
/// middle, the compilers at the right, place and year in a frame at the foot
/// of the page, then a page break.
fn title_page(t: &TitlePage, width: usize, out: &mut Vec<Child>) {
    let centred = |lines: &[String], bold: bool, size: usize| {
        let mut p = DocxParagraph::new()
            .style(style::REQUISITES)
            .align(AlignmentType::Center);
        for (i, line) in lines.iter().enumerate() {
            let mut r = run(line, bold, false).size(size);
            if i + 1 < lines.len() {
                r = r.add_break(BreakType::TextWrapping);
            }
            p = p.add_run(r);
        }
        p
    };
    out.push(Child::paragraph(
        centred(&t.top, true, BODY_SIZE).line_spacing(LineSpacing::new().after(480)),
    ));
    if let Some(s) = &t.stamps {
        out.push(Child::Table(Box::new(stamps(s, width))));
        // The paragraph after a table gets the table's gap; this empty one
        // takes it, so the title keeps its own space above.
        out.push(Child::paragraph(DocxParagraph::new()));
    }
    out.push(Child::paragraph(
        centred(&t.title, true, 36).line_spacing(LineSpacing::new().before(2400).after(160)),
    ));
    if !t.subtitle.is_empty() {
        out.push(Child::paragraph(centred(&t.subtitle, false, BODY_SIZE)));
    }
    if !t.compilers.is_empty() {
        out.push(Child::paragraph(
            lines_paragraph(&t.compilers, false)
                .style(style::ASIDE)
                .indent(Some((width as f32 * 0.4) as i32), None, None, None)
                .line_spacing(LineSpacing::new().before(1440)),
        ));
    }
    if !t.foot.is_empty() {
        out.push(Child::paragraph(
            centred(&t.foot, false, BODY_SIZE)
                .h_anchor("margin")
                .v_anchor("margin")
                .x_align("center")
                .y_align("bottom")
                .wrap("around"),
        ));
    }
    out.push(Child::paragraph(
        DocxParagraph::new().add_run(Run::new().add_break(BreakType::Page)),
    ));
}

fn cell_content(cell: &Cell, header: bool) -> Vec<DocxParagraph> {
    let cell_style = if header {
        style::TABLE_HEADING
    } else {
        style::TABLE_TEXT
    };
    let mut out = Vec::new();
    for block in &cell.blocks {
        match block {
            Block::Paragraph(p) => {
                let align = cell.align.unwrap_or(p.align);
                let content: Vec<Inline> = if cell.bold {
                    p.content.iter().cloned().map(embolden).collect()
                } else {
                    p.content.clone()
                };
                let mut out_p = runs(DocxParagraph::new(), &content).style(cell_style);
                // The cell styles align headers centred and other cells left.
                let style_align = if header { Align::Center } else { Align::Left };
                if align != style_align {
                    out_p = out_p.align(alignment(align));
                }
                out.push(out_p);
            }
            Block::List(items) => {
                for item in items {
                    let mut content = vec![Inline::plain("– ")];
                    content.extend(item.iter().cloned());
                    out.push(
                        runs(DocxParagraph::new(), &content)
                            .style(cell_style)
                            .align(AlignmentType::Left),
                    );
                }
            }
            _ => {}
        }
    }
    if out.is_empty() {
        out.push(empty_cell_paragraph(header));
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

fn span_width(grid: &[usize], col: usize, span: u16) -> usize {
    grid[col..(col + span as usize).min(grid.len())]
        .iter()
        .sum()
}

#[cfg(test)]
mod tests;
