//! From template output to IR: restrained Markdown plus named components.
//!
//! Prose is CommonMark read by pulldown-cmark: paragraphs, `#` headings,
//! `**bold**`, `*italic*`, ordered lists (numbered clauses, nested for
//! «1.1.») and dash lists. A line of the form `@[name arg|arg]` is a
//! component: a structured block the document kind builds from the model
//! (requisites, a roadmap table, a signature). Values from YAML reach the
//! text escaped (see [`escape_markdown`]), so they can neither open a
//! component nor change the Markdown structure.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::ir::{Align, Block, Clause, Clauses, Inline, Orientation, Paragraph, Section};
use crate::GenError;

/// A component line: `@[name arg1|arg2]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Component {
    /// Its name: `requisites`, `roadmap-table` …
    pub name: String,
    /// Its arguments, unescaped.
    pub args: Vec<String>,
    /// 1-based line in the template output, for errors.
    pub line: usize,
}

impl Component {
    /// The argument at `i`, or an empty string.
    pub fn arg(&self, i: usize) -> &str {
        self.args.get(i).map(String::as_str).unwrap_or("")
    }
}

/// What a component turns into.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Blocks in the current section.
    Block(Block),
    /// A new page section with this orientation.
    NewSection(Orientation),
}

/// Escapes a value for Markdown: every ASCII punctuation character gets a
/// backslash and line breaks become spaces, so the value reads as plain text
/// wherever the template puts it.
///
/// ```
/// use nastavnik_gen::markup::escape_markdown;
/// assert_eq!(escape_markdown("# 1. *a*"), r"\# 1\. \*a\*");
/// ```
pub fn escape_markdown(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.trim().chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Splits a component's argument text on unescaped `|` and removes escapes.
fn component_args(text: &str) -> Vec<String> {
    let mut args = vec![String::new()];
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    if let Some(a) = args.last_mut() {
                        a.push(next)
                    }
                }
            }
            '|' => args.push(String::new()),
            c => {
                if let Some(a) = args.last_mut() {
                    a.push(c)
                }
            }
        }
    }
    args.into_iter().map(|a| a.trim().to_string()).collect()
}

fn parse_component(line: &str, number: usize) -> Option<Component> {
    let body = line.trim().strip_prefix("@[")?.strip_suffix(']')?;
    let (name, rest) = body.split_once(' ').unwrap_or((body, ""));
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return None;
    }
    let args = if rest.trim().is_empty() {
        Vec::new()
    } else {
        component_args(rest)
    };
    Some(Component {
        name: name.to_string(),
        args,
        line: number,
    })
}

/// Reads template output into page sections, asking `resolve` for components.
pub fn to_sections(
    text: &str,
    resolve: &mut dyn FnMut(&Component) -> Result<Vec<Piece>, GenError>,
) -> Result<Vec<Section>, GenError> {
    let mut sections = vec![Section::default()];
    let mut prose = String::new();
    let flush = |prose: &mut String, sections: &mut Vec<Section>| {
        if !prose.trim().is_empty() {
            let blocks = markdown_blocks(prose);
            if let Some(s) = sections.last_mut() {
                s.blocks.extend(blocks)
            }
        }
        prose.clear();
    };
    for (i, line) in text.lines().enumerate() {
        match parse_component(line, i + 1) {
            Some(component) => {
                flush(&mut prose, &mut sections);
                for piece in resolve(&component)? {
                    match piece {
                        Piece::Block(b) => {
                            sections.last_mut().map(|s| s.blocks.push(b)).unwrap_or(())
                        }
                        Piece::NewSection(orientation) => {
                            if sections.last().is_some_and(|s| s.blocks.is_empty()) {
                                if let Some(s) = sections.last_mut() {
                                    s.orientation = orientation;
                                }
                            } else {
                                sections.push(Section {
                                    orientation,
                                    blocks: Vec::new(),
                                });
                            }
                        }
                    }
                }
            }
            None => {
                prose.push_str(line);
                prose.push('\n');
            }
        }
    }
    flush(&mut prose, &mut sections);
    Ok(sections)
}

struct ListFrame {
    ordered: bool,
    start: u32,
    items: Vec<Clause>,
}

/// Reads a piece of Markdown prose into blocks.
pub fn markdown_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut inline: Vec<Inline> = Vec::new();
    let mut lists: Vec<ListFrame> = Vec::new();
    let (mut bold, mut italic) = (0u32, 0u32);
    let mut heading: Option<u8> = None;
    // An ordered list under a numbered heading («2. Цели и задачи») is
    // numbered within it: 2.1., 2.2. …
    let mut prefix = String::new();

    fn flush_into_item(lists: &mut [ListFrame], inline: &mut Vec<Inline>) {
        if inline.is_empty() {
            return;
        }
        if let Some(item) = lists.last_mut().and_then(|f| f.items.last_mut()) {
            if !item.content.is_empty() {
                item.content.push(Inline::LineBreak);
            }
            item.content.append(inline);
        }
    }

    for event in Parser::new_ext(text, Options::empty()) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some(match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    _ => 3,
                });
            }
            Event::End(TagEnd::Heading(_)) => {
                let content = std::mem::take(&mut inline);
                prefix = section_number(&content).unwrap_or_default();
                blocks.push(Block::Heading {
                    level: heading.take().unwrap_or(1),
                    content,
                });
            }
            Event::End(TagEnd::Paragraph) => {
                if lists.is_empty() {
                    let content = std::mem::take(&mut inline);
                    blocks.push(Block::Paragraph(Paragraph::text(content)));
                } else {
                    flush_into_item(&mut lists, &mut inline);
                }
            }
            Event::Start(Tag::List(start)) => {
                flush_into_item(&mut lists, &mut inline);
                lists.push(ListFrame {
                    ordered: start.is_some(),
                    start: start.unwrap_or(1) as u32,
                    items: Vec::new(),
                });
            }
            Event::Start(Tag::Item) => {
                if let Some(frame) = lists.last_mut() {
                    frame.items.push(Clause::default());
                }
            }
            Event::End(TagEnd::Item) => flush_into_item(&mut lists, &mut inline),
            Event::End(TagEnd::List(_)) => {
                flush_into_item(&mut lists, &mut inline);
                let Some(frame) = lists.pop() else { continue };
                if let Some(parent) = lists.last_mut().and_then(|f| f.items.last_mut()) {
                    parent.children.extend(frame.items);
                } else if frame.ordered {
                    blocks.push(Block::Clauses(Clauses {
                        prefix: prefix.clone(),
                        start: frame.start,
                        items: frame.items,
                    }));
                } else {
                    blocks.push(Block::List(
                        frame.items.into_iter().map(|c| c.content).collect(),
                    ));
                }
            }
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic = italic.saturating_sub(1),
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                push_text(&mut inline, &t, bold > 0, italic > 0)
            }
            Event::SoftBreak => push_text(&mut inline, " ", bold > 0, italic > 0),
            Event::HardBreak => inline.push(Inline::LineBreak),
            _ => {}
        }
    }
    if !inline.is_empty() {
        blocks.push(Block::Paragraph(Paragraph {
            content: inline,
            align: Align::Justify,
            indent: true,
        }));
    }
    blocks
}

/// «2.» for a heading «2. Цели и задачи».
fn section_number(content: &[Inline]) -> Option<String> {
    let Some(Inline::Text { text, .. }) = content.first() else {
        return None;
    };
    let (number, rest) = text.split_once(". ")?;
    (!number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) && !rest.is_empty())
        .then(|| format!("{number}."))
}

/// Appends text, merging it with the previous run when the emphasis matches.
fn push_text(inline: &mut Vec<Inline>, text: &str, bold: bool, italic: bool) {
    if let Some(Inline::Text {
        text: prev,
        bold: b,
        italic: i,
    }) = inline.last_mut()
    {
        if *b == bold && *i == italic {
            prev.push_str(text);
            return;
        }
    }
    inline.push(Inline::Text {
        text: text.to_string(),
        bold,
        italic,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_values_stay_text() {
        let hostile = "# * _ [ ] $ < > & \" \\ @ { } %\n= x\n- y\n1. z @[roadmap-table]";
        let text = format!("Слова {} конец.\n", escape_markdown(hostile));
        let blocks = markdown_blocks(&text);
        assert_eq!(blocks.len(), 1, "{blocks:?}");
        let Block::Paragraph(p) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        let Inline::Text { text, .. } = &p.content[0] else {
            panic!()
        };
        assert_eq!(
            text,
            "Слова # * _ [ ] $ < > & \" \\ @ { } % = x - y 1. z @[roadmap-table] конец."
        );
        assert!(parse_component(&escape_markdown("@[roadmap-table]"), 1).is_none());
    }

    #[test]
    fn nested_ordered_lists_are_clauses() {
        let blocks =
            markdown_blocks("1. Первый\n2. Второй\n   1. Вложенный\n\nТекст **жирный**.\n");
        let Block::Clauses(c) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        let numbers: Vec<_> = c.numbered().into_iter().map(|(n, _, _)| n).collect();
        assert_eq!(numbers, ["1.", "2.", "2.1."]);
        let Block::Paragraph(p) = &blocks[1] else {
            panic!()
        };
        assert_eq!(p.content[1], Inline::bold("жирный"));
    }

    #[test]
    fn lists_under_numbered_headings_are_numbered_within_them() {
        let blocks =
            markdown_blocks("## 2. Цели и задачи\n\n1. Первый\n2. Второй\n   1. Вложенный\n");
        let Block::Clauses(c) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        let numbers: Vec<_> = c.numbered().into_iter().map(|(n, _, _)| n).collect();
        assert_eq!(numbers, ["2.1.", "2.2.", "2.2.1."]);
    }

    #[test]
    fn components_split_prose_and_take_escaped_args() {
        let text = format!(
            "До.\n@[aside Приложение 1|{}]\nПосле.\n",
            escape_markdown("к приказу | ] №")
        );
        let mut seen = Vec::new();
        let sections = to_sections(&text, &mut |c| {
            seen.push(c.clone());
            Ok(vec![])
        })
        .unwrap();
        assert_eq!(seen[0].args, ["Приложение 1", "к приказу | ] №"]);
        assert_eq!(sections[0].blocks.len(), 2);
    }
}
