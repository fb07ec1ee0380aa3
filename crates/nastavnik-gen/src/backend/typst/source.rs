//! IR → Typst source: an import of the layout library and calls with literal
//! arguments. Every text is a string literal; the layout lives in
//! `templates/nastavnik.typ`, not here.

use std::fmt::Write as _;

use super::unbroken::{self, Piece};
use crate::ir::{
    Acquaintance, Align, Aside, Block, Cell, Document, Inline, Orientation, Paragraph, Requisites,
    Signature, Stamps, Table, TitlePage,
};

/// More combining marks than this after one base character are dropped: no
/// script needs more, and thousands of them make Typst's layout crawl.
pub const MAX_COMBINING_MARKS: usize = 8;

/// A lead-in or a table's title shorter than this keeps with what follows.
const KEEP_WITH_NEXT_CHARS: usize = 300;

/// A Typst string literal holding `text` exactly.
pub fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text as Typst should set it: runs of combining marks capped; a dash in
/// prose bound to the word before it (no line starts with «–»). Ranges
/// («2020–2027») are kept whole by the layout library, so the PDF's text
/// stays what the document says.
pub fn typeset_text(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut marks = 0usize;
    for (i, &c) in chars.iter().enumerate() {
        if unicode_normalization::char::is_combining_mark(c) {
            marks += 1;
            if marks > MAX_COMBINING_MARKS {
                continue;
            }
        } else {
            marks = 0;
        }
        let next = chars.get(i + 1).copied();
        match c {
            ' ' if matches!(next, Some('–' | '—'))
                && matches!(chars.get(i + 2), Some(' ') | None) =>
            {
                out.push('\u{a0}')
            }
            c => out.push(c),
        }
    }
    out
}

fn lit(text: &str) -> String {
    literal(&typeset_text(text))
}

/// Running text as a Typst value: one string literal, or — when it holds
/// abbreviations, names or ranges ([`unbroken`]) — those pieces wrapped in
/// `text(hyphenate: false, …)` or `box(…)` and joined. Every piece is a
/// string literal.
fn running(text: &str) -> String {
    let text = typeset_text(text);
    let pieces = unbroken::pieces(&text);
    if let [(Piece::Plain, one)] = pieces.as_slice() {
        return literal(one);
    }
    let items: Vec<String> = pieces
        .iter()
        .map(|(piece, s)| match piece {
            Piece::Plain => literal(s),
            Piece::NoHyphen => format!("text(hyphenate: false, {})", literal(s)),
            Piece::Whole => format!("box({})", literal(s)),
        })
        .collect();
    match items.as_slice() {
        [one] => one.clone(),
        many => format!("({}).join()", many.join(", ")),
    }
}

fn str_array(items: &[String]) -> String {
    match items {
        [] => "()".to_string(),
        [one] => format!("({},)", lit(one)),
        many => format!(
            "({})",
            many.iter().map(|s| lit(s)).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// Writes the Typst source of a document set in `font`.
pub fn to_typst(doc: &Document, font: &str) -> String {
    write_typst(doc, font, Bookmarks::Nested)
}

/// How a document with bundle bookmarks ([`Block::Bookmark`]) places its own
/// headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bookmarks {
    /// One level below the bookmarks: in the PDF outline each document's
    /// headings sit under its bookmark.
    Nested,
    /// At their own levels, beside the bookmarks. For PDF/UA: a hidden
    /// bookmark is not tagged, so the first tagged heading of the bundle and
    /// of each document cut from it must be the document's own level 1.
    Flat,
}

/// Writes the Typst source of a bundle (a document holding
/// [`Block::Bookmark`]s) set in `font`, its headings placed as `bookmarks` says.
pub fn to_bundle_typst(doc: &Document, font: &str, bookmarks: Bookmarks) -> String {
    write_typst(doc, font, bookmarks)
}

fn write_typst(doc: &Document, font: &str, bookmarks: Bookmarks) -> String {
    let mut out = String::new();
    out.push_str("// Made by nastavnik from the document model. The layout is in nastavnik.typ,\n");
    out.push_str("// built into nastavnik (`--templates DIR` may hold a region's copy).\n");
    out.push_str("#import \"nastavnik.typ\": *\n");
    out.push_str("#show: official-document.with(\n");
    if !doc.title.is_empty() {
        let _ = writeln!(out, "  title: {},", lit(&doc.title));
    }
    if !doc.author.is_empty() {
        let _ = writeln!(out, "  author: {},", lit(&doc.author));
    }
    if let Some(date) = doc.date {
        use chrono::Datelike;
        let _ = writeln!(
            out,
            "  date: datetime(year: {}, month: {}, day: {}),",
            date.year(),
            date.month(),
            date.day()
        );
    }
    let _ = writeln!(out, "  lang: \"ru\",\n  font: {},", literal(font));
    let bookmarked = doc
        .sections
        .iter()
        .any(|s| s.blocks.iter().any(|b| matches!(b, Block::Bookmark(_))));
    if bookmarked {
        out.push_str(match bookmarks {
            Bookmarks::Nested => "  bookmarked: true,\n",
            Bookmarks::Flat => "  bookmarked: \"flat\",\n",
        });
    }
    out.push_str(")\n");

    // Sections of one orientation follow each other with a page break only;
    // a landscape run is one scoped `landscape[…]`. Nothing chains `set page`,
    // so thousands of sections nest no deeper than one.
    let mut i = 0;
    while i < doc.sections.len() {
        let orientation = doc.sections[i].orientation;
        let run_end = doc.sections[i..]
            .iter()
            .position(|s| s.orientation != orientation)
            .map_or(doc.sections.len(), |n| i + n);
        let landscape = orientation == Orientation::Landscape;
        if landscape {
            out.push_str("#landscape[\n");
        }
        for (k, section) in doc.sections[i..run_end].iter().enumerate() {
            if k > 0 {
                out.push_str("#pagebreak(weak: true)\n");
            }
            blocks(&mut out, &section.blocks);
        }
        if landscape {
            out.push_str("]\n");
        }
        i = run_end;
    }
    out
}

fn blocks(out: &mut String, list: &[Block]) {
    for (i, block) in list.iter().enumerate() {
        let next = list.get(i + 1);
        out.push('#');
        write_block(out, block, next);
        out.push('\n');
    }
}

/// Inline runs as a Typst value: one string literal for plain text, else an
/// array of strings and `strong`/`emph`/`link`/`linebreak` calls.
fn runs(content: &[Inline]) -> String {
    let items: Vec<String> = content
        .iter()
        .map(|inline| match inline {
            Inline::Text { text, bold, italic } => {
                let mut expr = running(text);
                if *italic {
                    expr = format!("emph({expr})");
                }
                if *bold {
                    expr = format!("strong({expr})");
                }
                expr
            }
            Inline::LineBreak => "linebreak()".to_string(),
            // An empty address is no link: show the text.
            Inline::Link { url, text } if url.trim().is_empty() => lit(text),
            Inline::Link { url, text } => format!("link({}, {})", literal(url), lit(text)),
        })
        .collect();
    match items.as_slice() {
        [] => "\"\"".to_string(),
        [one] => one.clone(),
        many => format!("({})", many.join(", ")),
    }
}

fn plain(content: &[Inline]) -> String {
    content
        .iter()
        .map(|i| match i {
            Inline::Text { text, .. } | Inline::Link { text, .. } => text.as_str(),
            Inline::LineBreak => " ",
        })
        .collect()
}

/// A lead-in ending in a colon keeps with what follows it.
fn leads_in(content: &[Inline]) -> bool {
    let text = plain(content);
    text.trim_end().ends_with(':') && text.chars().count() < KEEP_WITH_NEXT_CHARS
}

fn align_value(align: Align) -> &'static str {
    match align {
        Align::Justify | Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
    }
}

fn paragraph(out: &mut String, p: &Paragraph, keep: bool) {
    let _ = write!(out, "para({}", runs(&p.content));
    if p.align != Align::Justify {
        let _ = write!(out, ", align: {}", align_value(p.align));
    }
    if !p.indent {
        out.push_str(", indent: false");
    }
    if keep {
        out.push_str(", keep: true");
    }
    out.push(')');
}

fn write_block(out: &mut String, block: &Block, next: Option<&Block>) {
    // The signature never opens a page alone: the last line before it stays with it.
    let before_signature = matches!(next, Some(Block::Signature(_)));
    match block {
        Block::Heading { level, content } => {
            let _ = write!(out, "headline({}, {})", level.max(&1), runs(content));
        }
        Block::Paragraph(p) => {
            let title_of_table = matches!(next, Some(Block::Table(_)))
                && plain(&p.content).chars().count() < KEEP_WITH_NEXT_CHARS;
            let keep =
                before_signature || next.is_some() && (title_of_table || leads_in(&p.content));
            paragraph(out, p, keep);
        }
        Block::Clauses(clauses) => {
            let numbered = clauses.numbered();
            let last = numbered.len().saturating_sub(1);
            for (i, (number, _depth, clause)) in numbered.iter().enumerate() {
                if i > 0 {
                    out.push_str("\n#");
                }
                let keep = (i < last || next.is_some()) && leads_in(&clause.content)
                    || i == last && before_signature;
                let _ = write!(out, "clause({}, {}", lit(number), runs(&clause.content));
                if keep {
                    out.push_str(", keep: true");
                }
                out.push(')');
            }
        }
        Block::List(items) => {
            let last = items.len().saturating_sub(1);
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str("\n#");
                }
                let keep =
                    (i < last || next.is_some()) && leads_in(item) || i == last && before_signature;
                let _ = write!(out, "dash({}", runs(item));
                if keep {
                    out.push_str(", keep: true");
                }
                out.push(')');
            }
        }
        Block::Table(t) => table(out, t),
        Block::Requisites(r) => requisites(out, r),
        Block::Aside(a) => aside(out, a),
        Block::Signature(s) => signature(out, s),
        Block::Acquaintance(a) => acquaintance(out, a),
        Block::Bookmark(title) => {
            let _ = write!(out, "bookmark({})", lit(title));
        }
        Block::Stamps(s) => {
            let _ = write!(out, "stamps({})", stamp_cells(s));
        }
        Block::TitlePage(t) => title_page(out, t),
    }
}

/// A cell's content: a string for one plain paragraph in the cell's
/// alignment, else an array of `cell-par`/`cell-dash` calls.
fn cell_body(cell: &Cell, cell_align: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    for b in &cell.blocks {
        match b {
            Block::Paragraph(p) => {
                let align = align_value(cell.align.unwrap_or(p.align));
                let body = runs(&p.content);
                if align == cell_align && body.starts_with('"') {
                    parts.push(body);
                } else {
                    parts.push(format!("cell-par({body}, align: {align})"));
                }
            }
            Block::List(items) => {
                for item in items {
                    parts.push(format!("cell-dash({})", runs(item)));
                }
            }
            other => {
                let mut s = String::new();
                write_block(&mut s, other, None);
                parts.push(s.replace("\n#", ", "));
            }
        }
    }
    match parts.as_slice() {
        [] => "\"\"".to_string(),
        [one] if one.starts_with('"') => one.clone(),
        [one] => format!("({one},)"),
        many => format!("({})", many.join(", ")),
    }
}

/// What a body cell adds for a group broken over pages: the label its
/// spanning cell repeats (with the group's id), or the ids of the groups
/// whose rows it opens.
#[derive(Default)]
struct Continuation {
    label: Option<(usize, String)>,
    /// `None`: the row needs no mark (its table breaks no labelled group).
    rows_of: Option<Vec<usize>>,
}

fn cell(out: &mut String, c: &Cell, header: bool, keep_row: bool, more: &Continuation) {
    // The alignment most of the cell's paragraphs share.
    let cell_align = align_value(c.align.unwrap_or_else(|| {
        c.blocks
            .iter()
            .find_map(|b| match b {
                Block::Paragraph(p) => Some(p.align),
                _ => None,
            })
            .unwrap_or(Align::Left)
    }));
    let _ = write!(
        out,
        "{}({}",
        if header { "th" } else { "td" },
        cell_body(c, cell_align)
    );
    if c.col_span > 1 {
        let _ = write!(out, ", colspan: {}", c.col_span);
    }
    if c.row_span > 1 {
        let _ = write!(out, ", rowspan: {}", c.row_span);
    }
    if !header && !keep_row {
        out.push_str(", keep: false");
    }
    if c.bold {
        out.push_str(", bold: true");
    }
    if cell_align != "left" {
        let _ = write!(out, ", align: {cell_align}");
    }
    if let Some((id, label)) = &more.label {
        let _ = write!(out, ", continued: ({id}, {})", lit(label));
    }
    if let Some(rows_of) = &more.rows_of {
        let ids: Vec<String> = rows_of.iter().map(|i| format!("{i}, ")).collect();
        let _ = write!(out, ", rows-of: ({})", ids.concat().trim_end());
    }
    out.push(')');
}

fn table(out: &mut String, t: &Table) {
    let columns: Vec<String> = t.columns.iter().map(|w| format!("{w}")).collect();
    let columns = match columns.as_slice() {
        [one] => format!("({one},)"),
        many => format!("({})", many.join(", ")),
    };
    let _ = writeln!(out, "data-table(\n  columns: {columns},");
    if !t.header.is_empty() {
        out.push_str("  header: (\n");
        for row in &t.header {
            out.push_str("    ");
            for c in &row.cells {
                cell(out, c, true, true, &Continuation::default());
                out.push_str(", ");
            }
            out.truncate(out.trim_end().len());
            out.push('\n');
        }
        out.push_str("  ),\n");
    }
    let chars: Vec<usize> = t.rows.iter().map(crate::ir::Row::text_chars).collect();
    // Groups broken over pages whose label repeats: the rows each one covers
    // after its first. An id is the offset of its cell in the source: unique
    // in a document, the same for the same input.
    let mut rows_of: Vec<Vec<usize>> = vec![Vec::new(); t.rows.len()];
    // Every row of a table that breaks a labelled group is marked, so a label
    // knows where the next group starts and never runs into it.
    let marked = t.rows.iter().enumerate().any(|(r, row)| {
        row.cells.iter().any(|c| {
            let end = (r + c.row_span as usize).min(chars.len());
            c.continued.is_some()
                && c.row_span > 1
                && chars[r..end].iter().sum::<usize>() >= crate::ir::KEEP_GROUP_CHARS
        })
    });
    for (r, row) in t.rows.iter().enumerate() {
        let keep = row.keep_together();
        out.push_str("  ");
        for (k, c) in row.cells.iter().enumerate() {
            // A cell spanning rows keeps them on one page when they are short
            // together; a long stage must break, or it could not fit.
            let keep = if c.row_span > 1 {
                let end = (r + c.row_span as usize).min(chars.len());
                chars[r..end].iter().sum::<usize>() < crate::ir::KEEP_GROUP_CHARS
            } else {
                keep
            };
            let mut more = Continuation::default();
            if let (Some(label), false, true) = (&c.continued, keep, c.row_span > 1) {
                let id = out.len();
                more.label = Some((id, label.clone()));
                let end = (r + c.row_span as usize).min(t.rows.len());
                for covered in &mut rows_of[r + 1..end] {
                    covered.push(id);
                }
            }
            // The row's last cell spans no rows (a spanning cell may be laid
            // out from the page before), so its mark is where the row starts.
            if marked && k + 1 == row.cells.len() {
                more.rows_of = Some(std::mem::take(&mut rows_of[r]));
            }
            cell(out, c, false, keep, &more);
            out.push_str(", ");
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
    }
    out.push(')');
}

fn requisites(out: &mut String, r: &Requisites) {
    out.push_str("requisites(\n");
    if !r.header_lines.is_empty() {
        let _ = writeln!(out, "  header: {},", str_array(&r.header_lines));
    }
    let _ = writeln!(out, "  issuer: {},", lit(&r.issuer));
    let _ = writeln!(out, "  kind: {},", lit(&r.kind));
    let _ = writeln!(out, "  date: {},", lit(&r.date));
    let _ = writeln!(out, "  number: {},", lit(&r.number));
    if let Some(place) = &r.place {
        let _ = writeln!(out, "  place: {},", lit(place));
    }
    out.push(')');
}

/// The arguments of `stamps`: `columns:` when the cells are not one row,
/// then an array of lines per cell.
fn stamp_cells(s: &Stamps) -> String {
    let mut args: Vec<String> = Vec::new();
    if s.columns != s.cells.len() {
        args.push(format!("columns: {}", s.columns));
    }
    args.extend(s.cells.iter().map(|c| str_array(c)));
    args.join(", ")
}

fn title_page(out: &mut String, t: &TitlePage) {
    out.push_str("title-page(\n");
    let _ = writeln!(out, "  top: {},", str_array(&t.top));
    if let Some(s) = &t.stamps {
        let cells: String = s.cells.iter().map(|c| str_array(c) + ", ").collect();
        let _ = writeln!(out, "  approvals: ({cells}),");
        let _ = writeln!(out, "  approval-columns: {},", s.columns);
    }
    let _ = writeln!(out, "  title: {},", str_array(&t.title));
    let _ = writeln!(out, "  subtitle: {},", str_array(&t.subtitle));
    let _ = writeln!(out, "  compilers: {},", str_array(&t.compilers));
    let _ = writeln!(out, "  foot: {},", str_array(&t.foot));
    out.push(')');
}

fn aside(out: &mut String, a: &Aside) {
    let _ = write!(out, "aside({})", str_array(&a.lines));
}

fn signature(out: &mut String, s: &Signature) {
    let _ = write!(out, "signature({}, {})", running(&s.position), lit(&s.name));
}

fn acquaintance(out: &mut String, a: &Acquaintance) {
    let _ = write!(
        out,
        "acquaintance({}, {})",
        running(&a.label),
        str_array(&a.names)
    );
}
