//! The first phase of reading: the YAML text parsed once into a tree whose
//! every node knows its line and column, within budgets.
//!
//! The budgets bound what a small file can make the tool hold: aliases are
//! charged the size they expand to (not one jump each), and nesting, scalars
//! and lists have their ceilings. Going over one stops the reading with a
//! typed [`TreeError`], never a panic or an exhausted memory.

use std::collections::{HashMap, HashSet};

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// Deepest nesting of lists and maps (a description needs about ten).
pub const MAX_DEPTH: usize = 64;
/// Longest single value, in bytes.
pub const MAX_SCALAR_BYTES: usize = 256 * 1024;
/// Most nodes (values, lists, maps), aliases counted at their expanded size.
pub const MAX_NODES: usize = 1_000_000;
/// Most bytes of text, aliases counted at their expanded size.
pub const MAX_EXPANDED_BYTES: usize = 32 * 1024 * 1024;
/// Most list elements in the whole file, aliases counted at their expanded size.
pub const MAX_LIST_ELEMENTS: usize = 400_000;

/// One value of the YAML, with where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What the value is.
    pub kind: Kind,
}

/// The shape of a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A scalar as written; `plain` when unquoted (then `~`, `true` or `12` may be read as such).
    Scalar {
        /// The text, after quotes and escapes are resolved.
        text: String,
        /// Unquoted and not a block scalar.
        plain: bool,
    },
    /// A list.
    List(Vec<Node>),
    /// A map, keys in the order written.
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The position as (line, column).
    pub fn at(&self) -> (usize, usize) {
        (self.line, self.column)
    }

    /// The text of a scalar.
    pub fn text(&self) -> Option<&str> {
        match &self.kind {
            Kind::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// Whether this is YAML's empty value: `~`, `null`, or nothing.
    pub fn is_null(&self) -> bool {
        matches!(&self.kind, Kind::Scalar { text, plain: true } if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }
}

/// Which budget a file went over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Budget {
    /// [`MAX_NODES`].
    Nodes,
    /// [`MAX_EXPANDED_BYTES`].
    Bytes,
    /// [`MAX_LIST_ELEMENTS`].
    ListElements,
}

/// A YAML syntax mistake, by its usual cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// A tab in the indentation.
    Tab,
    /// A colon where a value was expected, or a key indented wrongly.
    ColonInValue,
    /// A key without its colon.
    MissingColon,
    /// An unclosed bracket or quote, or indentation that does not line up.
    Unclosed,
    /// A character a value cannot start with.
    BadStart,
    /// An alias to an anchor that is not declared above.
    UnknownAnchor,
    /// A bad escape in a double-quoted string.
    BadEscape,
    /// Anything else the parser refused.
    Other,
}

/// Why the text could not become a tree.
#[derive(Debug, Clone, PartialEq)]
pub enum TreeError {
    /// YAML syntax.
    Syntax {
        /// The usual cause.
        kind: Syntax,
        /// Where the parser stopped.
        at: (usize, usize),
        /// The field being read there.
        field: String,
    },
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep {
        /// The list or map that goes too deep.
        at: (usize, usize),
        /// The top-level field it is in.
        field: String,
    },
    /// A value longer than [`MAX_SCALAR_BYTES`].
    ScalarTooLong {
        /// The value.
        at: (usize, usize),
        /// Its field.
        field: String,
        /// Its length in bytes.
        bytes: usize,
    },
    /// The document, aliases expanded, is over a budget.
    TooBig {
        /// The node that went over.
        at: (usize, usize),
        /// Its field.
        field: String,
        /// Which budget.
        budget: Budget,
        /// Whether an alias took it over.
        alias: bool,
    },
    /// More than one document (`---`) in the file.
    SeveralDocuments {
        /// The second document's start.
        at: (usize, usize),
    },
}

/// A key met twice in one map: reported, the reading goes on.
#[derive(Debug, Clone, PartialEq)]
pub struct Duplicate {
    /// The key.
    pub key: String,
    /// The second occurrence.
    pub at: (usize, usize),
    /// The field's path.
    pub field: String,
}

/// The parsed text: the root (none for a file without a document) and the
/// keys written twice.
#[derive(Debug)]
pub struct Tree {
    /// The document.
    pub root: Option<Node>,
    /// Keys repeated in a map.
    pub duplicates: Vec<Duplicate>,
}

/// What the budgets have counted so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Cost {
    nodes: usize,
    bytes: usize,
    elements: usize,
}

impl Cost {
    fn minus(self, before: Cost) -> Cost {
        Cost {
            nodes: self.nodes - before.nodes,
            bytes: self.bytes - before.bytes,
            elements: self.elements - before.elements,
        }
    }
}

enum FrameKind {
    List(Vec<Node>),
    Map {
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
        seen: HashSet<String>,
        /// The pending key was met before: its value is reported, then dropped.
        again: bool,
    },
}

struct Frame {
    node_at: (usize, usize),
    anchor: usize,
    cost_before: Cost,
    kind: FrameKind,
}

struct Builder {
    stack: Vec<Frame>,
    anchors: HashMap<usize, (Node, Cost)>,
    cost: Cost,
    duplicates: Vec<Duplicate>,
    root: Option<Node>,
}

fn position(mark: &Marker) -> (usize, usize) {
    (mark.line(), mark.col() + 1)
}

impl Builder {
    /// The path of the value about to be placed, for messages.
    fn path(&self) -> String {
        let mut out = String::new();
        for frame in &self.stack {
            match &frame.kind {
                FrameKind::List(items) => out.push_str(&format!("[{}]", items.len())),
                FrameKind::Map { key: Some(k), .. } => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k.text().unwrap_or("?"));
                }
                FrameKind::Map { key: None, .. } => {}
            }
        }
        out
    }

    /// The top-level field being read.
    fn top_field(&self) -> String {
        match self.stack.first().map(|f| &f.kind) {
            Some(FrameKind::Map { key: Some(k), .. }) => k.text().unwrap_or("").to_string(),
            _ => String::new(),
        }
    }

    fn charge(&mut self, add: Cost, at: (usize, usize), alias: bool) -> Result<(), TreeError> {
        self.cost.nodes += add.nodes;
        self.cost.bytes += add.bytes;
        self.cost.elements += add.elements;
        let budget = if self.cost.nodes > MAX_NODES {
            Budget::Nodes
        } else if self.cost.bytes > MAX_EXPANDED_BYTES {
            Budget::Bytes
        } else if self.cost.elements > MAX_LIST_ELEMENTS {
            Budget::ListElements
        } else {
            return Ok(());
        };
        Err(TreeError::TooBig {
            at,
            field: self.path(),
            budget,
            alias,
        })
    }

    /// Places a finished node in its parent.
    fn place(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame {
                kind: FrameKind::List(items),
                ..
            }) => items.push(node),
            Some(Frame {
                kind:
                    FrameKind::Map {
                        entries,
                        key,
                        seen,
                        again,
                    },
                ..
            }) => match key.take() {
                None => {
                    if let Kind::Scalar { text, .. } = &node.kind {
                        *again = !seen.insert(text.clone());
                    }
                    *key = Some(node);
                }
                Some(k) if *again => {
                    // The first value stays; the second is the mistake, shown at itself.
                    *again = false;
                    let name = k.text().unwrap_or_default().to_string();
                    let at = node.at();
                    *key = Some(k);
                    let field = self.path();
                    if let Some(Frame {
                        kind: FrameKind::Map { key, .. },
                        ..
                    }) = self.stack.last_mut()
                    {
                        *key = None;
                    }
                    self.duplicates.push(Duplicate {
                        key: name,
                        at,
                        field,
                    });
                }
                Some(k) => entries.push((k, node)),
            },
        }
    }

    fn list_element(&self) -> usize {
        usize::from(matches!(
            self.stack.last(),
            Some(Frame {
                kind: FrameKind::List(_),
                ..
            })
        ))
    }

    fn event(&mut self, event: Event, mark: Marker) -> Result<bool, TreeError> {
        let at = position(&mark);
        match event {
            Event::Scalar(text, style, anchor, _) => {
                if text.len() > MAX_SCALAR_BYTES {
                    return Err(TreeError::ScalarTooLong {
                        at,
                        field: self.path(),
                        bytes: text.len(),
                    });
                }
                let cost = Cost {
                    nodes: 1,
                    bytes: text.len(),
                    elements: self.list_element(),
                };
                self.charge(cost, at, false)?;
                let node = Node {
                    line: at.0,
                    column: at.1,
                    kind: Kind::Scalar {
                        text,
                        plain: style == TScalarStyle::Plain,
                    },
                };
                if anchor != 0 {
                    self.anchors.insert(anchor, (node.clone(), cost));
                }
                self.place(node);
            }
            Event::Alias(id) => {
                let Some(mut cost) = self.anchors.get(&id).map(|(_, c)| *c) else {
                    return Err(TreeError::Syntax {
                        kind: Syntax::UnknownAnchor,
                        at,
                        field: self.path(),
                    });
                };
                // The anchored node's own place was or was not an element; this one's is.
                cost.elements = cost.elements.saturating_sub(1) + self.list_element();
                // Charged before it is copied: a copy never outgrows the budget.
                self.charge(cost, at, true)?;
                if let Some((node, _)) = self.anchors.get(&id) {
                    let node = Node {
                        line: at.0,
                        column: at.1,
                        kind: node.kind.clone(),
                    };
                    self.place(node);
                }
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if self.stack.len() >= MAX_DEPTH {
                    return Err(TreeError::TooDeep {
                        at,
                        field: self.top_field(),
                    });
                }
                let cost_before = self.cost;
                self.charge(
                    Cost {
                        nodes: 1,
                        bytes: 0,
                        elements: self.list_element(),
                    },
                    at,
                    false,
                )?;
                let kind = if matches!(event, Event::SequenceStart(..)) {
                    FrameKind::List(Vec::new())
                } else {
                    FrameKind::Map {
                        entries: Vec::new(),
                        key: None,
                        seen: HashSet::new(),
                        again: false,
                    }
                };
                self.stack.push(Frame {
                    node_at: at,
                    anchor,
                    cost_before,
                    kind,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = self.stack.pop() else {
                    return Ok(true);
                };
                let mut at = frame.node_at;
                let kind = match frame.kind {
                    FrameKind::List(items) => Kind::List(items),
                    FrameKind::Map { entries, .. } => {
                        // A block map's start event is marked after its first key: the key is where it starts.
                        if let Some((first, _)) = entries.first() {
                            at = at.min(first.at());
                        }
                        Kind::Map(entries)
                    }
                };
                let node = Node {
                    line: at.0,
                    column: at.1,
                    kind,
                };
                if frame.anchor != 0 {
                    let cost = self.cost.minus(frame.cost_before);
                    self.anchors.insert(frame.anchor, (node.clone(), cost));
                }
                self.place(node);
            }
            Event::DocumentStart if self.root.is_some() => {
                return Err(TreeError::SeveralDocuments { at });
            }
            Event::StreamEnd => return Ok(true),
            _ => {}
        }
        Ok(false)
    }
}

/// Where, on the `line` the scanner gave up, the flow brackets pass
/// [`MAX_DEPTH`]: the 1-based line and column of that bracket (quoted text
/// skipped), if it is on that line. `open` holds the places of the
/// collections open when it gave up; the brackets of that line among them are
/// counted again from the line's start.
fn too_deep_bracket(text: &str, line: usize, open: &[(usize, usize)]) -> Option<(usize, usize)> {
    let row = text.lines().nth(line.checked_sub(1)?)?;
    let bracket_at = |column: usize| {
        column
            .checked_sub(1)
            .and_then(|i| row.chars().nth(i))
            .is_some_and(|c| c == '[' || c == '{')
    };
    let mut depth = open
        .iter()
        .filter(|&&(l, c)| !(l == line && bracket_at(c)))
        .count();
    let mut quote: Option<char> = None;
    for (i, c) in row.chars().enumerate() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '[' | '{') => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some((line, i + 1));
                }
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            (None, '#') => break,
            _ => {}
        }
    }
    None
}

/// Parses `text` into a tree within the budgets.
pub fn parse(text: &str) -> Result<Tree, TreeError> {
    let mut parser = Parser::new_from_str(text);
    let mut builder = Builder {
        stack: Vec::new(),
        anchors: HashMap::new(),
        cost: Cost::default(),
        duplicates: Vec::new(),
        root: None,
    };
    loop {
        match parser.next_token() {
            Ok((event, mark)) => {
                if builder.event(event, mark)? {
                    break;
                }
            }
            Err(e) => {
                let mut at = position(e.marker());
                if e.info() == "recursion limit exceeded" {
                    // The scanner's own ceiling on flow nesting, met before
                    // ours while it looked ahead: point at the bracket that
                    // passes ours, as a shallower nesting is pointed at.
                    let open: Vec<(usize, usize)> =
                        builder.stack.iter().map(|f| f.node_at).collect();
                    let at = too_deep_bracket(text, at.0, &open).unwrap_or(at);
                    return Err(TreeError::TooDeep {
                        at,
                        field: builder.top_field(),
                    });
                }
                let kind = syntax_kind(e.info(), text, at);
                if kind == Syntax::Tab {
                    at = tab_at(text, at.0).unwrap_or(at);
                }
                return Err(TreeError::Syntax {
                    kind,
                    at,
                    field: builder.path(),
                });
            }
        }
    }
    Ok(Tree {
        root: builder.root,
        duplicates: builder.duplicates,
    })
}

/// The usual cause of a syntax error: a tab in the indentation is seen in
/// the text itself; otherwise the parser's fixed complaint is matched whole
/// against the few that have a cause worth naming.
fn syntax_kind(info: &str, text: &str, (line, _): (usize, usize)) -> Syntax {
    let tab_near = text
        .lines()
        .skip(line.saturating_sub(2))
        .take(2)
        .any(|l| l[..l.len() - l.trim_start().len()].contains('\t'));
    if tab_near {
        return Syntax::Tab;
    }
    match info {
        "mapping values are not allowed in this context"
        | "illegal placement of ':' indicator"
        | "invalid indentation" => Syntax::ColonInValue,
        "simple key expect ':'"
        | "while parsing a block mapping, did not find expected key"
        | "did not find expected next token" => Syntax::MissingColon,
        "while scanning a quoted scalar, found unexpected end of stream"
        | "while parsing a flow sequence, expected ',' or ']'"
        | "while parsing a flow mapping, did not find expected ',' or '}'"
        | "while parsing a block collection, did not find expected '-' indicator"
        | "invalid indentation in flow construct"
        | "invalid indentation in quoted scalar"
        | "unexpected eof" => Syntax::Unclosed,
        "while parsing a node, did not find expected node content" => Syntax::BadStart,
        "while parsing node, found unknown anchor" => Syntax::UnknownAnchor,
        "while parsing a quoted scalar, found unknown escape character"
        | "while parsing a quoted scalar, found invalid Unicode character escape code"
        | "while parsing a quoted scalar, did not find expected hexadecimal number" => {
            Syntax::BadEscape
        }
        _ if info.starts_with("unexpected character") => Syntax::BadStart,
        _ => Syntax::Other,
    }
}

/// The first tab in the indentation of line `line` or the one above.
fn tab_at(text: &str, line: usize) -> Option<(usize, usize)> {
    for n in [line, line.saturating_sub(1)] {
        let l = text.lines().nth(n.checked_sub(1)?)?;
        let indent = &l[..l.len() - l.trim_start().len()];
        if let Some(i) = indent.find('\t') {
            return Some((n, indent[..i].chars().count() + 1));
        }
    }
    None
}

/// Where each line starts: places a byte offset as line and column.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text` once.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The 0-based line of byte `offset`: how many line ends come before it.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|s| *s <= offset)
            .saturating_sub(1)
    }

    /// Line and column (1-based, column in characters) of byte `offset`.
    pub fn place(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset) + 1;
        let start = self.starts[line - 1];
        let end = (start..=offset.min(text.len()))
            .rev()
            .find(|i| text.is_char_boundary(*i))
            .unwrap_or(start);
        (line, text[start..end].chars().count() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_know_their_places() {
        let tree = parse("a: 1\nb:\n  - x\n  - {c: d}\n").unwrap();
        let Some(Node {
            kind: Kind::Map(entries),
            ..
        }) = tree.root
        else {
            panic!()
        };
        assert_eq!(entries[0].1.at(), (1, 4));
        let Kind::List(items) = &entries[1].1.kind else {
            panic!()
        };
        assert_eq!(items[1].at(), (4, 5));
    }

    #[test]
    fn an_alias_is_charged_its_expanded_size() {
        let big = "x".repeat(200_000);
        let mut text = format!("a: &s {big}\nb:\n");
        for _ in 0..400 {
            text.push_str("  - *s\n");
        }
        match parse(&text) {
            Err(TreeError::TooBig {
                budget: Budget::Bytes,
                alias: true,
                at,
                ..
            }) => assert_eq!(at.0, 2 + MAX_EXPANDED_BYTES / 200_000),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn deep_nesting_stops_at_the_budget() {
        let text = format!("a: {}{}\n", "[".repeat(80_000), "]".repeat(80_000));
        match parse(&text) {
            Err(TreeError::TooDeep { at, field }) => {
                assert_eq!(field, "a");
                // The bracket that passes the budget, as with a nesting the
                // scanner itself accepts (100 levels).
                let shallow = format!("a: {}{}\n", "[".repeat(100), "]".repeat(100));
                let Err(TreeError::TooDeep { at: expected, .. }) = parse(&shallow) else {
                    panic!("100 levels pass the budget");
                };
                assert_eq!(at, expected);
                assert_eq!(at, (1, 3 + MAX_DEPTH));
            }
            other => panic!("{other:?}"),
        }
        // Block nesting stops at ours.
        let mut text = String::from("a:\n");
        for depth in 1..100 {
            text.push_str(&format!("{}- \n", "  ".repeat(depth)));
        }
        assert!(matches!(parse(&text), Err(TreeError::TooDeep { .. })));
    }

    #[test]
    fn duplicates_are_collected() {
        let tree = parse("a: 1\nb: 2\na: 3\n").unwrap();
        assert_eq!(tree.duplicates.len(), 1);
        assert_eq!(tree.duplicates[0].at, (3, 4));
        assert_eq!(tree.duplicates[0].field, "a");
        let Some(Node {
            kind: Kind::Map(entries),
            ..
        }) = tree.root
        else {
            panic!()
        };
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].1.text(), Some("1"));
    }

    #[test]
    fn line_index_places_offsets() {
        let text = "ab\nвгд\n";
        let index = LineIndex::new(text);
        assert_eq!(index.place(text, 0), (1, 1));
        assert_eq!(index.place(text, 3 + 4), (2, 3));
        // A line end is on its own line; past the last one is the next.
        assert_eq!(
            [0, 2, 3, text.len()].map(|offset| index.line_of(offset)),
            [0, 0, 1, 2]
        );
    }
}
