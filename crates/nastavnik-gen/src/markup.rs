//! From template output to IR: restrained Markdown plus component markers.
//!
//! Prose is CommonMark read by pulldown-cmark: paragraphs, `#` headings,
//! `**bold**`, `*italic*`, ordered lists (numbered clauses, nested for
//! «1.1.») and dash lists. A line `@[#N]` is the marker a component function
//! left (see [`crate::documents::components`]): it is replaced by the blocks
//! of the N-th component the template called. Values from YAML reach the text
//! escaped (see [`escape_markdown`]), so they can neither forge a marker nor
//! change the Markdown structure.
//!
//! A numbered point or a heading may begin with a key, `1. @[key=curator] …`
//! or `## @[key=goals] Цели и задачи`: the key names the point or section for
//! the YAML's edits (see [`crate::documents::edits`]), and a keyed heading is
//! numbered automatically («2.»), its clauses within it («2.1.»). Only the
//! template can write a key: a value's `@` and `[` are escaped.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use std::collections::HashMap;

use crate::documents::components::{parse_marker, Component, Piece};
use crate::ir::{Align, Block, Clause, Clauses, Inline, Orientation, Paragraph, Section};
use crate::GenError;

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

/// The name of a component written the old way, `@[name args]`, which
/// templates no longer use: such a line is an error, not text.
fn legacy_component(line: &str) -> Option<&str> {
    let body = line.trim().strip_prefix("@[")?.strip_suffix(']')?;
    let name = body.split(' ').next()?;
    (!name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
    .then_some(name)
}

/// A block and, for a keyed heading, its key.
pub type Tagged = (Block, Option<String>);

/// A page section as read from a template, before edits and numbering: a
/// keyed heading still carries its key and no number.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DraftSection {
    /// Portrait or landscape.
    pub orientation: Orientation,
    /// The blocks, each with the key of a keyed heading.
    pub blocks: Vec<Tagged>,
}

/// Reads template output into page sections, asking `resolve` for the
/// blocks of each component whose marker stands on a line; keyed headings
/// are numbered, and no edits are applied.
pub fn to_sections(
    text: &str,
    components: &[Component],
    resolve: &mut dyn FnMut(&Component) -> Result<Piece, GenError>,
) -> Result<Vec<Section>, GenError> {
    crate::documents::edits::apply(
        to_draft(text, components, resolve)?,
        &crate::documents::edits::Edits::default(),
    )
}

/// Reads template output into draft page sections (see [`to_sections`]).
pub fn to_draft(
    text: &str,
    components: &[Component],
    resolve: &mut dyn FnMut(&Component) -> Result<Piece, GenError>,
) -> Result<Vec<DraftSection>, GenError> {
    let mut sections = vec![DraftSection::default()];
    let mut prose = String::new();
    let flush = |prose: &mut String, sections: &mut Vec<DraftSection>| {
        if !prose.trim().is_empty() {
            let blocks = keyed_blocks(prose);
            if let Some(s) = sections.last_mut() {
                s.blocks.extend(blocks)
            }
        }
        prose.clear();
    };
    for line in text.lines() {
        if let Some(index) = parse_marker(line) {
            let component = components.get(index).ok_or_else(|| {
                GenError::template_message(format!(
                    "строка «{}» похожа на метку компонента, но компонента № {index} не было",
                    line.trim()
                ))
            })?;
            flush(&mut prose, &mut sections);
            match resolve(component)? {
                Piece::Block(b) => sections
                    .last_mut()
                    .map(|s| s.blocks.push((b, None)))
                    .unwrap_or(()),
                Piece::NewSection(orientation) => {
                    if sections.last().is_some_and(|s| s.blocks.is_empty()) {
                        if let Some(s) = sections.last_mut() {
                            s.orientation = orientation;
                        }
                    } else {
                        sections.push(DraftSection {
                            orientation,
                            blocks: Vec::new(),
                        });
                    }
                }
            }
            continue;
        }
        if let Some(name) = legacy_component(line) {
            return Err(GenError::template_message(format!(
                "компонент «@[{name} …]» записан по-старому: вызовите функцию {{{{ {}(…) }}}} с именованными аргументами",
                name.replace('-', "_")
            )));
        }
        prose.push_str(line);
        prose.push('\n');
    }
    flush(&mut prose, &mut sections);
    Ok(sections)
}

struct ListFrame {
    ordered: bool,
    start: u32,
    items: Vec<Clause>,
}

/// Reads a piece of Markdown prose into blocks (keys are dropped).
pub fn markdown_blocks(text: &str) -> Vec<Block> {
    keyed_blocks(text).into_iter().map(|(b, _)| b).collect()
}

/// The key a template wrote at the start of a point or heading line, and the
/// line without it: `1. @[key=curator] Назначить` → `curator`, `1. Назначить`.
fn line_key(line: &str) -> Option<(String, String)> {
    let body = line.trim_start();
    let indent = &line[..line.len() - body.len()];
    let marker_len = if body.starts_with('#') {
        body.chars().take_while(|&c| c == '#').count()
    } else {
        let digits = body.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 || !matches!(body[digits..].chars().next(), Some('.' | ')')) {
            return None;
        }
        digits + 1
    };
    let (marker, rest) = body.split_at(marker_len);
    let rest = rest.strip_prefix(' ')?.trim_start();
    let tail = rest.strip_prefix("@[key=")?;
    let end = tail.find(']')?;
    let key = &tail[..end];
    let valid = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    valid.then(|| {
        (
            key.to_string(),
            format!("{indent}{marker} {}", tail[end + 1..].trim_start()),
        )
    })
}

/// Reads a piece of Markdown prose into blocks, with the keys the template
/// wrote on headings (returned beside them) and points (in [`Clause::key`]).
pub fn keyed_blocks(text: &str) -> Vec<Tagged> {
    // Keys by line, taken out of the text before Markdown reads it.
    let mut keys: HashMap<usize, String> = HashMap::new();
    let mut source = String::with_capacity(text.len());
    for (n, line) in text.lines().enumerate() {
        match line_key(line) {
            Some((key, rest)) => {
                keys.insert(n, key);
                source.push_str(&rest);
            }
            None => source.push_str(line),
        }
        source.push('\n');
    }
    let text = source.as_str();
    // A heading or a point finds its line at once, not by counting from the
    // start (a long provision has hundreds).
    let lines = nastavnik_core::load::tree::LineIndex::new(text);
    let line_of = |offset: usize| lines.line_of(offset);
    let mut heading_key: Option<String> = None;
    let mut blocks: Vec<Tagged> = Vec::new();
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

    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading_key = keys.get(&line_of(range.start)).cloned();
                heading = Some(match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    _ => 3,
                });
            }
            Event::End(TagEnd::Heading(_)) => {
                let content = std::mem::take(&mut inline);
                prefix = section_number(&content).unwrap_or_default();
                blocks.push((
                    Block::Heading {
                        level: heading.take().unwrap_or(1),
                        content,
                    },
                    heading_key.take(),
                ));
            }
            Event::End(TagEnd::Paragraph) => {
                if lists.is_empty() {
                    let content = std::mem::take(&mut inline);
                    blocks.push((Block::Paragraph(Paragraph::text(content)), None));
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
                    frame.items.push(Clause {
                        key: keys.get(&line_of(range.start)).cloned(),
                        content: Vec::new(),
                        children: Vec::new(),
                    });
                }
            }
            Event::End(TagEnd::Item) => flush_into_item(&mut lists, &mut inline),
            Event::End(TagEnd::List(_)) => {
                flush_into_item(&mut lists, &mut inline);
                let Some(frame) = lists.pop() else { continue };
                if let Some(parent) = lists.last_mut().and_then(|f| f.items.last_mut()) {
                    parent.children.extend(frame.items);
                } else if frame.ordered {
                    blocks.push((
                        Block::Clauses(Clauses {
                            prefix: prefix.clone(),
                            start: frame.start,
                            items: frame.items,
                        }),
                        None,
                    ));
                } else {
                    blocks.push((
                        Block::List(
                            frame
                                .items
                                .into_iter()
                                .map(|mut c| std::mem::take(&mut c.content))
                                .collect(),
                        ),
                        None,
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
        blocks.push((
            Block::Paragraph(Paragraph {
                content: inline,
                align: Align::Justify,
                indent: true,
            }),
            None,
        ));
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
        assert!(parse_marker(&escape_markdown("@[#1]")).is_none());
        assert!(legacy_component(&escape_markdown("@[roadmap-table]")).is_none());
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
    fn keys_name_points_and_headings_and_escaped_keys_stay_text() {
        let text = format!(
            "## @[key=goals] Цели\n\n1. @[key=start] Первый\n   1. Вложенный\n2. {}\n",
            escape_markdown("@[key=forged] Второй")
        );
        let blocks = keyed_blocks(&text);
        let (Block::Heading { content, .. }, Some(key)) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(
            (key.as_str(), content[0].clone()),
            ("goals", Inline::plain("Цели"))
        );
        let (Block::Clauses(c), None) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(c.items[0].key.as_deref(), Some("start"));
        assert_eq!(c.items[0].content, [Inline::plain("Первый")]);
        assert_eq!(c.items[0].children[0].key, None);
        assert_eq!(c.items[1].key, None);
        assert_eq!(c.items[1].content, [Inline::plain("@[key=forged] Второй")]);
        assert_eq!(line_key("1. @[key=bad key] x"), None);
    }

    #[test]
    fn markers_become_blocks_and_forged_markers_stay_text() {
        let components = vec![Component::Directive {
            text: "ПРИКАЗЫВАЮ:".into(),
        }];
        let text = format!("До.\n@[#0]\nПосле {}.\n", escape_markdown("@[#0]"));
        let mut seen = Vec::new();
        let sections = to_sections(&text, &components, &mut |c| {
            seen.push(c.clone());
            Ok(Piece::Block(Block::Bookmark(String::new())))
        })
        .unwrap();
        assert_eq!(seen, components);
        assert_eq!(sections[0].blocks.len(), 3);
        let err = to_sections("@[#5]\n", &components, &mut |_| unreachable!()).unwrap_err();
        assert!(err.to_string().contains("компонента № 5"), "{err}");
        let err = to_sections("@[roadmap-table a|b]\n", &[], &mut |_| unreachable!()).unwrap_err();
        assert!(err.to_string().contains("roadmap_table"), "{err}");
    }
}
