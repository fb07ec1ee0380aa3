//! The document model (IR): what an official document is made of, and no more.
//!
//! Document kinds build it; backends read it. A backend never sees YAML or
//! templates, so the PDF and the DOCX of a document say the same thing.

/// A whole document: metadata and page sections.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// The title stored in the file's metadata: kind, number, date and title
    /// («Приказ от 19.11.2020 № 488 «О внедрении …»»).
    pub title: String,
    /// Who issues the document: the organisation's name, for the metadata.
    pub author: String,
    /// The document's own date (of its order or approval), for the metadata;
    /// files stay reproducible because no clock is read.
    pub date: Option<chrono::NaiveDate>,
    /// Page sections in order; each starts on a new page.
    pub sections: Vec<Section>,
}

/// A run of pages with one orientation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Section {
    /// Portrait or landscape.
    pub orientation: Orientation,
    /// The content.
    pub blocks: Vec<Block>,
}

/// Page orientation of a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Orientation {
    /// A4 upright.
    #[default]
    Portrait,
    /// A4 on its side, for wide tables such as roadmaps.
    Landscape,
}

/// A block of content.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A centred bold heading; level 1 is the document's title.
    Heading {
        /// 1 for a title, 2 for a section heading.
        level: u8,
        /// Its text.
        content: Vec<Inline>,
    },
    /// A paragraph of running text.
    Paragraph(Paragraph),
    /// Numbered clauses «1.», «1.1.» … with their text.
    Clauses(Clauses),
    /// A list with dashes.
    List(Vec<Vec<Inline>>),
    /// A table.
    Table(Table),
    /// The requisites heading an order.
    Requisites(Requisites),
    /// An annex mark or an approval stamp at the top right.
    Aside(Aside),
    /// «Position … И.О. Фамилия».
    Signature(Signature),
    /// «С приказом ознакомлены:» with a line per person.
    Acquaintance(Acquaintance),
    /// An entry of the PDF outline, invisible on the page: one per document of a bundle.
    Bookmark(String),
    /// Approvals (грифы) in a grid: «ПРИНЯТО …» on the left and «УТВЕРЖДЕНО …»
    /// on the right, or up to four in a row.
    Stamps(Stamps),
    /// A title page; the blocks after it start on the next page.
    TitlePage(TitlePage),
}

/// Inline text with emphasis. Non-breaking spaces are plain `\u{a0}` characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Text with its emphasis.
    Text {
        /// The characters, exactly as shown.
        text: String,
        /// Bold.
        bold: bool,
        /// Italic.
        italic: bool,
    },
    /// A line break inside the paragraph.
    LineBreak,
    /// A web address, shown as `text` and followed when clicked.
    Link {
        /// The address.
        url: String,
        /// What is shown.
        text: String,
    },
}

impl Inline {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Self {
        Inline::Text {
            text: text.into(),
            bold: false,
            italic: false,
        }
    }

    /// Bold text.
    pub fn bold(text: impl Into<String>) -> Self {
        Inline::Text {
            text: text.into(),
            bold: true,
            italic: false,
        }
    }
}

/// Horizontal alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// Justified, the default for running text.
    #[default]
    Justify,
    /// Flush left.
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
}

/// A paragraph.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Paragraph {
    /// The text.
    pub content: Vec<Inline>,
    /// Alignment.
    pub align: Align,
    /// Whether the first line is indented by 1.25 cm.
    pub indent: bool,
}

impl Paragraph {
    /// A justified, indented paragraph of running text.
    pub fn text(content: Vec<Inline>) -> Self {
        Paragraph {
            content,
            align: Align::Justify,
            indent: true,
        }
    }

    /// A paragraph without indent, aligned as given.
    pub fn aligned(content: Vec<Inline>, align: Align) -> Self {
        Paragraph {
            content,
            align,
            indent: false,
        }
    }
}

/// Numbered clauses; numbers come from the position: «1.», «1.1.», «1.1.1.».
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Clauses {
    /// The number of the section the clauses belong to, written before
    /// theirs: «2.» makes «2.1.», «2.2.»; empty for a plain list.
    pub prefix: String,
    /// Number of the first top-level clause.
    pub start: u32,
    /// The clauses.
    pub items: Vec<Clause>,
}

/// One clause and its sub-clauses.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Clause {
    /// Its text.
    pub content: Vec<Inline>,
    /// Sub-clauses, numbered under this one.
    pub children: Vec<Clause>,
}

impl Clauses {
    /// Every clause with its number, depth first: («1.», depth 0, clause) …
    pub fn numbered(&self) -> Vec<(String, usize, &Clause)> {
        let mut out = Vec::new();
        // (number prefix, depth, the clauses left at this level, next number)
        let mut stack: Vec<(String, usize, std::slice::Iter<'_, Clause>, u32)> =
            vec![(self.prefix.clone(), 0, self.items.iter(), self.start.max(1))];
        while let Some((prefix, depth, items, next)) = stack.last_mut() {
            let Some(clause) = items.next() else {
                stack.pop();
                continue;
            };
            let number = format!("{prefix}{next}.");
            *next += 1;
            let depth = *depth;
            out.push((number.clone(), depth, clause));
            if !clause.children.is_empty() {
                stack.push((number, depth + 1, clause.children.iter(), 1));
            }
        }
        out
    }
}

impl Drop for Clause {
    /// Drops nested clauses one by one: a deep nesting must not exhaust the stack.
    fn drop(&mut self) {
        let mut stack = std::mem::take(&mut self.children);
        while let Some(mut clause) = stack.pop() {
            stack.append(&mut clause.children);
        }
    }
}

/// A table with relative column widths and optional repeated header rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Relative widths of the columns.
    pub columns: Vec<f32>,
    /// Header rows, repeated on every page.
    pub header: Vec<Row>,
    /// Body rows.
    pub rows: Vec<Row>,
}

/// A table row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    /// Its cells; a cell covered by a span from above or the left is omitted.
    pub cells: Vec<Cell>,
}

/// Rows with less text than this stay on one page, so that a short row is
/// never cut into two slivers; longer rows break, rather than leave half a
/// page empty (or not fit a page at all).
const KEEP_TOGETHER_CHARS: usize = 400;

impl Row {
    /// Whether the row should be kept on one page.
    pub fn keep_together(&self) -> bool {
        let mut text = String::new();
        for c in &self.cells {
            for b in &c.blocks {
                block_text(b, &mut text);
            }
        }
        text.chars().count() < KEEP_TOGETHER_CHARS
    }
}

/// A table cell that may span rows and columns and holds paragraphs and lists.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Paragraphs and lists (no nested tables).
    pub blocks: Vec<Block>,
    /// Columns covered, at least 1.
    pub col_span: u16,
    /// Rows covered, at least 1.
    pub row_span: u16,
    /// Bold text throughout (header and section rows).
    pub bold: bool,
    /// Alignment of every paragraph of the cell; `None` keeps each paragraph's own.
    pub align: Option<Align>,
}

impl Cell {
    /// A cell with one left-aligned paragraph of plain text (empty text gives an empty cell).
    pub fn text(text: impl Into<String>) -> Self {
        let text = text.into();
        let blocks = if text.is_empty() {
            Vec::new()
        } else {
            vec![Block::Paragraph(Paragraph::aligned(
                vec![Inline::plain(text)],
                Align::Left,
            ))]
        };
        Cell {
            blocks,
            col_span: 1,
            row_span: 1,
            bold: false,
            align: None,
        }
    }

    /// The same cell spanning `n` columns.
    pub fn spanning(mut self, n: u16) -> Self {
        self.col_span = n.max(1);
        self
    }

    /// The same cell in bold.
    pub fn bold(mut self) -> Self {
        self.bold = true;
        self
    }

    /// The same cell centred.
    pub fn centered(mut self) -> Self {
        self.align = Some(Align::Center);
        for b in &mut self.blocks {
            if let Block::Paragraph(p) = b {
                p.align = Align::Center;
            }
        }
        self
    }
}

/// The requisites of an order: who issues it, its kind, date, number, place.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Requisites {
    /// Lines above the issuer's name: «РОССИЙСКАЯ ФЕДЕРАЦИЯ», the region.
    pub header_lines: Vec<String>,
    /// The issuer's full name.
    pub issuer: String,
    /// «ПРИКАЗ».
    pub kind: String,
    /// The date as printed: «"19" ноября 2020 г.».
    pub date: String,
    /// The number with its sign: «№ 488».
    pub number: String,
    /// Place of issue, if printed.
    pub place: Option<String>,
}

/// What an aside block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AsideKind {
    /// «Приложение 1 к приказу …».
    AnnexMark,
    /// «УТВЕРЖДЕНО приказом …».
    ApprovalStamp,
}

/// A block of short lines at the top right.
#[derive(Debug, Clone, PartialEq)]
pub struct Aside {
    /// Annex mark or approval stamp.
    pub kind: AsideKind,
    /// Its lines.
    pub lines: Vec<String>,
}

/// Approvals (грифы) in a grid of equal columns, filled row by row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stamps {
    /// Stamps in a row.
    pub columns: usize,
    /// The cells in reading order, each the lines of one stamp; an empty
    /// cell keeps its place (a lone stamp at the right).
    pub cells: Vec<Vec<String>>,
}

impl Stamps {
    /// Two stamps side by side.
    pub fn pair(left: Vec<String>, right: Vec<String>) -> Self {
        Stamps {
            columns: 2,
            cells: vec![left, right],
        }
    }
}

/// A title page: the organisation at the top, the approvals, the title in
/// the middle, the compilers at the right, place and year at the foot.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TitlePage {
    /// The founder's and the organisation's lines, centred.
    pub top: Vec<String>,
    /// The approvals under them.
    pub stamps: Option<Stamps>,
    /// The title's lines, bold.
    pub title: Vec<String>,
    /// Lines under the title: «на 2021–2022 учебный год».
    pub subtitle: Vec<String>,
    /// «Составители:» and a line per compiler, at the right.
    pub compilers: Vec<String>,
    /// Place and year at the foot of the page.
    pub foot: Vec<String>,
}

impl TitlePage {
    fn texts_mut(&mut self) -> impl Iterator<Item = &mut String> {
        let stamps = self
            .stamps
            .iter_mut()
            .flat_map(|s| s.cells.iter_mut().flatten());
        self.top
            .iter_mut()
            .chain(stamps)
            .chain(self.title.iter_mut())
            .chain(self.subtitle.iter_mut())
            .chain(self.compilers.iter_mut())
            .chain(self.foot.iter_mut())
    }

    /// Every line in reading order.
    pub fn lines(&self) -> impl Iterator<Item = &String> {
        let stamps = self.stamps.iter().flat_map(|s| s.cells.iter().flatten());
        self.top
            .iter()
            .chain(stamps)
            .chain(&self.title)
            .chain(&self.subtitle)
            .chain(&self.compilers)
            .chain(&self.foot)
    }
}

/// A signature: position on the left, name at the right margin.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Signature {
    /// «Начальник управления образования».
    pub position: String,
    /// «О.В. Махова».
    pub name: String,
}

/// «С приказом ознакомлены:» and a line per person.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Acquaintance {
    /// The lead words.
    pub label: String,
    /// Names as printed: «Е.В. Шевчук».
    pub names: Vec<String>,
}

/// What a piece of text is, for a pass over every text of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// Words a reader reads: body, headings, cells, stamps, metadata.
    Words,
    /// A web address behind a link: printable, but never retypeset.
    Url,
}

/// Anything a walk can reach that holds text: a block or a clause.
enum Node<'a> {
    Block(&'a mut Block),
    Clause(&'a mut Clause),
}

fn inlines_mut(content: &mut [Inline], f: &mut dyn FnMut(TextKind, &mut String)) {
    for inline in content {
        match inline {
            Inline::Text { text, .. } => f(TextKind::Words, text),
            Inline::Link { url, text } => {
                f(TextKind::Url, url);
                f(TextKind::Words, text);
            }
            Inline::LineBreak => {}
        }
    }
}

impl Document {
    /// Visits every piece of text in the document — metadata, headings,
    /// paragraphs, clauses, lists, every table cell, requisites, stamps,
    /// signatures, links and their addresses — with its kind, and lets `f`
    /// change it. The walk keeps its own stack, so no depth of nesting can
    /// exhaust the thread's.
    pub fn walk_text_mut(&mut self, f: &mut dyn FnMut(TextKind, &mut String)) {
        f(TextKind::Words, &mut self.title);
        f(TextKind::Words, &mut self.author);
        let mut stack: Vec<Node> = Vec::new();
        for section in self.sections.iter_mut().rev() {
            stack.extend(section.blocks.iter_mut().rev().map(Node::Block));
        }
        while let Some(node) = stack.pop() {
            let block = match node {
                Node::Clause(c) => {
                    inlines_mut(&mut c.content, f);
                    stack.extend(c.children.iter_mut().rev().map(Node::Clause));
                    continue;
                }
                Node::Block(b) => b,
            };
            let lines = |lines: &mut Vec<String>, f: &mut dyn FnMut(TextKind, &mut String)| {
                lines.iter_mut().for_each(|l| f(TextKind::Words, l))
            };
            match block {
                Block::Heading { content, .. } => inlines_mut(content, f),
                Block::Paragraph(p) => inlines_mut(&mut p.content, f),
                Block::Clauses(c) => {
                    f(TextKind::Words, &mut c.prefix);
                    stack.extend(c.items.iter_mut().rev().map(Node::Clause));
                }
                Block::List(items) => items.iter_mut().for_each(|i| inlines_mut(i, f)),
                Block::Table(t) => {
                    for row in t.header.iter_mut().chain(t.rows.iter_mut()).rev() {
                        for cell in row.cells.iter_mut().rev() {
                            stack.extend(cell.blocks.iter_mut().rev().map(Node::Block));
                        }
                    }
                }
                Block::Requisites(r) => {
                    lines(&mut r.header_lines, f);
                    for text in [&mut r.issuer, &mut r.kind, &mut r.date, &mut r.number] {
                        f(TextKind::Words, text);
                    }
                    if let Some(place) = &mut r.place {
                        f(TextKind::Words, place);
                    }
                }
                Block::Aside(a) => lines(&mut a.lines, f),
                Block::Signature(s) => {
                    f(TextKind::Words, &mut s.position);
                    f(TextKind::Words, &mut s.name);
                }
                Block::Acquaintance(a) => {
                    f(TextKind::Words, &mut a.label);
                    lines(&mut a.names, f);
                }
                Block::Stamps(s) => s.cells.iter_mut().for_each(|c| lines(c, f)),
                Block::TitlePage(t) => t.texts_mut().for_each(|l| f(TextKind::Words, l)),
                Block::Bookmark(title) => f(TextKind::Words, title),
            }
        }
    }

    /// Applies `f` to every piece of words in the document (not to link
    /// addresses: see [`Document::walk_text_mut`]).
    pub fn map_text(&mut self, f: &dyn Fn(&str) -> String) {
        self.walk_text_mut(&mut |kind, text| {
            if kind == TextKind::Words {
                *text = f(text);
            }
        });
    }

    /// The document's text in reading order, one block per line; numbers of
    /// clauses included. Tests and `--format txt` read documents through this.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for s in &self.sections {
            for b in &s.blocks {
                block_text(b, &mut out);
            }
        }
        out
    }
}

fn inline_text(content: &[Inline]) -> String {
    content
        .iter()
        .map(|i| match i {
            Inline::Text { text, .. } | Inline::Link { text, .. } => text.as_str(),
            Inline::LineBreak => "\n",
        })
        .collect()
}

fn block_text(b: &Block, out: &mut String) {
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    match b {
        Block::Heading { content, .. } => line(&inline_text(content)),
        Block::Paragraph(p) => line(&inline_text(&p.content)),
        Block::Clauses(c) => {
            for (n, _, clause) in c.numbered() {
                line(&format!("{n} {}", inline_text(&clause.content)));
            }
        }
        Block::List(items) => {
            for i in items {
                line(&format!("– {}", inline_text(i)));
            }
        }
        Block::Table(t) => {
            for row in t.header.iter().chain(&t.rows) {
                let cells: Vec<String> = row
                    .cells
                    .iter()
                    .map(|c| {
                        let mut s = String::new();
                        for b in &c.blocks {
                            block_text(b, &mut s);
                        }
                        s.trim_end().replace('\n', " ")
                    })
                    .collect();
                line(&cells.join(" | "));
            }
        }
        Block::Requisites(r) => {
            for l in &r.header_lines {
                line(l);
            }
            line(&r.issuer);
            line(&r.kind);
            line(&format!("{} {}", r.date, r.number));
            if let Some(p) = &r.place {
                line(p);
            }
        }
        Block::Aside(a) => {
            for l in &a.lines {
                line(l);
            }
        }
        Block::Signature(s) => line(&format!("{} {}", s.position, s.name)),
        Block::Acquaintance(a) => {
            line(&a.label);
            for n in &a.names {
                line(n);
            }
        }
        Block::Stamps(s) => s.cells.iter().flatten().for_each(|l| line(l)),
        Block::TitlePage(t) => t.lines().for_each(|l| line(l)),
        Block::Bookmark(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_numbers_nest() {
        let leaf = |t: &str| Clause {
            content: vec![Inline::plain(t)],
            children: vec![],
        };
        let c = Clauses {
            prefix: String::new(),
            start: 1,
            items: vec![
                leaf("a"),
                Clause {
                    content: vec![Inline::plain("b")],
                    children: vec![leaf("c"), leaf("d")],
                },
            ],
        };
        let n: Vec<_> = c.numbered().into_iter().map(|(n, d, _)| (n, d)).collect();
        assert_eq!(
            n,
            [
                ("1.".into(), 0),
                ("2.".into(), 0),
                ("2.1.".into(), 1),
                ("2.2.".into(), 1)
            ]
        );
    }

    #[test]
    fn the_walk_reaches_every_text_and_deep_nesting_costs_no_stack() {
        let link = Inline::Link {
            url: "https://x.ru/\u{7}".into(),
            text: "сайт\u{7}".into(),
        };
        let mut cell = Cell::text("ячейка");
        cell.blocks
            .push(Block::Paragraph(Paragraph::text(vec![link])));
        // Clauses nested far deeper than any recursion could follow.
        let mut deep = Clause {
            content: vec![Inline::plain("лист")],
            children: vec![],
        };
        for _ in 0..200_000 {
            deep = Clause {
                content: vec![Inline::plain("узел")],
                children: vec![deep],
            };
        }
        let mut doc = Document {
            title: "Заголовок".into(),
            author: "Школа".into(),
            date: None,
            sections: vec![Section {
                orientation: Orientation::Portrait,
                blocks: vec![
                    Block::Table(Table {
                        columns: vec![1.0],
                        header: vec![],
                        rows: vec![Row { cells: vec![cell] }],
                    }),
                    Block::Clauses(Clauses {
                        prefix: String::new(),
                        start: 1,
                        items: vec![deep],
                    }),
                ],
            }],
        };
        let mut seen = Vec::new();
        doc.walk_text_mut(&mut |kind, text| {
            if text != "узел" {
                seen.push((kind, text.clone()));
            }
        });
        assert_eq!(
            seen,
            [
                (TextKind::Words, "Заголовок".to_string()),
                (TextKind::Words, "Школа".to_string()),
                (TextKind::Words, "ячейка".to_string()),
                (TextKind::Url, "https://x.ru/\u{7}".to_string()),
                (TextKind::Words, "сайт\u{7}".to_string()),
                (TextKind::Words, String::new()),
                (TextKind::Words, "лист".to_string()),
            ]
        );
        drop(doc);
        // Numbers grow with depth, so number a nesting of reasonable depth.
        let mut deep = Clause::default();
        for _ in 0..2_000 {
            deep = Clause {
                content: vec![],
                children: vec![deep, Clause::default()],
            };
        }
        let clauses = Clauses {
            prefix: "2.".into(),
            start: 1,
            items: vec![deep],
        };
        let numbered = clauses.numbered();
        assert_eq!(numbered.len(), 4_001);
        assert_eq!(numbered[2].0, "2.1.1.1.");
        assert_eq!(numbered.last().unwrap().0, "2.1.2.");
    }
}
