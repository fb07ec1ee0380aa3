//! An event-based XML rewriter (quick-xml) for the parts docx-rs writes.
//!
//! docx-rs writes property elements in its own order, while Word and the
//! Open XML SDK read them as the sequences of ECMA-376 (`w:rPr` first in a
//! `w:pPr` makes Word drop the run properties of the paragraph mark). A part
//! is read into a small tree, the children of every property container are
//! put into their schema order, and what docx-rs cannot say is written at
//! explicit markers. Text is never touched: only element names and their
//! attributes are looked at.

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};

use crate::GenError;

/// An element with its children, or another event kept as read.
#[derive(Debug, Clone)]
pub(super) enum Node {
    Element(Element),
    Other(Event<'static>),
}

/// An element: its start tag (name and attributes as read) and children.
#[derive(Debug, Clone)]
pub(super) struct Element {
    pub start: BytesStart<'static>,
    pub children: Vec<Node>,
}

impl Element {
    /// A new element without attributes, written `<w:name />` when empty.
    pub fn new(name: &str) -> Self {
        // The trailing space keeps docx-rs's `<w:x />` spelling in new elements too.
        Element {
            start: BytesStart::from_content(format!("{name} "), name.len()),
            children: Vec::new(),
        }
    }

    pub fn name(&self) -> &[u8] {
        self.start.name().into_inner()
    }

    pub fn is(&self, name: &str) -> bool {
        self.name() == name.as_bytes()
    }

    pub fn attr(&self, name: &str) -> Option<String> {
        self.start
            .attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name.as_bytes())
            .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
    }

    /// Sets an attribute, replacing its old value.
    pub fn set_attr(&mut self, name: &str, value: &str) {
        self.remove_attr(name);
        self.start.push_attribute((name, value));
    }

    /// The same element without an attribute.
    pub fn remove_attr(&mut self, name: &str) {
        let name_len = self.name().len();
        let tag = String::from_utf8_lossy(self.name()).into_owned();
        let kept: Vec<(Vec<u8>, Vec<u8>)> = self
            .start
            .attributes()
            .flatten()
            .filter(|a| a.key.as_ref() != name.as_bytes())
            .map(|a| (a.key.as_ref().to_vec(), a.value.to_vec()))
            .collect();
        let mut start = BytesStart::from_content(tag, name_len);
        for (k, v) in &kept {
            start.push_attribute((k.as_slice(), v.as_slice()));
        }
        self.start = start.into_owned();
    }

    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Other(_) => None,
        })
    }

    pub fn elements_mut(&mut self) -> impl Iterator<Item = &mut Element> {
        self.children.iter_mut().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Other(_) => None,
        })
    }
}

fn xml_error(part: &str, e: impl std::fmt::Display) -> GenError {
    GenError::Docx(format!("{part}: {e}"))
}

/// Reads a part into its top-level nodes (declaration and root element).
pub(super) fn parse(part: &str, xml: &[u8]) -> Result<Vec<Node>, GenError> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().trim_text(false);
    let mut stack: Vec<Element> = Vec::new();
    let mut top: Vec<Node> = Vec::new();
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(part, e))?
            .into_owned();
        let node = match event {
            Event::Eof => break,
            Event::Start(start) => {
                stack.push(Element {
                    start,
                    children: Vec::new(),
                });
                buf.clear();
                continue;
            }
            Event::End(_) => {
                let done = stack
                    .pop()
                    .ok_or_else(|| xml_error(part, "an end tag without a start"))?;
                Node::Element(done)
            }
            Event::Empty(start) => Node::Element(Element {
                start,
                children: Vec::new(),
            }),
            other => Node::Other(other),
        };
        match stack.last_mut() {
            Some(parent) => parent.children.push(node),
            None => top.push(node),
        }
        buf.clear();
    }
    if !stack.is_empty() {
        return Err(xml_error(part, "an element is not closed"));
    }
    Ok(top)
}

/// Writes nodes back as XML.
pub(super) fn write(part: &str, nodes: &[Node]) -> Result<Vec<u8>, GenError> {
    fn node<W: std::io::Write>(w: &mut Writer<W>, n: &Node) -> std::io::Result<()> {
        match n {
            Node::Other(e) => w.write_event(e.borrow()),
            Node::Element(e) if e.children.is_empty() => {
                w.write_event(Event::Empty(e.start.borrow()))
            }
            Node::Element(e) => {
                w.write_event(Event::Start(e.start.borrow()))?;
                for c in &e.children {
                    node(w, c)?;
                }
                w.write_event(Event::End(e.start.to_end()))
            }
        }
    }
    let mut w = Writer::new(Vec::new());
    for n in nodes {
        node(&mut w, n).map_err(|e| xml_error(part, e))?;
    }
    Ok(w.into_inner())
}

/// The root element of a part.
pub(super) fn root_mut<'a>(part: &str, nodes: &'a mut [Node]) -> Result<&'a mut Element, GenError> {
    nodes
        .iter_mut()
        .find_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Other(_) => None,
        })
        .ok_or_else(|| xml_error(part, "no root element"))
}

/// Any other element at this place in a sequence: content of a cell, rows of a table.
const ANY: &str = "*";

const PPR: &[&str] = &[
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
];
/// `CT_PPrGeneral`: paragraph properties of a style, a default or a numbering level.
const PPR_GENERAL: &[&str] = &[
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "pPrChange",
];
/// Run properties in the order of ECMA-376 1st edition and the Open XML SDK
/// (Word's own order; ISO 29500 transitional allows any).
const RPR: &[&str] = &[
    "ins",
    "del",
    "moveFrom",
    "moveTo",
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
    "rPrChange",
];
const TBLPR: &[&str] = &[
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
    "tblPrChange",
];
const TRPR: &[&str] = &[
    "cnfStyle",
    "divId",
    "gridBefore",
    "gridAfter",
    "wBefore",
    "wAfter",
    "cantSplit",
    "trHeight",
    "tblHeader",
    "tblCellSpacing",
    "jc",
    "hidden",
    "ins",
    "del",
    "trPrChange",
];
const TCPR: &[&str] = &[
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
    "headers",
    "cellIns",
    "cellDel",
    "cellMerge",
    "tcPrChange",
];
/// Header and footer references come first, in any order among themselves.
const SECTPR: &[&str] = &[
    "headerReference|footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
];
const NUMPR: &[&str] = &["ilvl", "numId", "numberingChange", "ins"];
const LVL: &[&str] = &[
    "start",
    "numFmt",
    "lvlRestart",
    "pStyle",
    "isLgl",
    "suff",
    "lvlText",
    "lvlPicBulletId",
    "legacy",
    "lvlJc",
    "pPr",
    "rPr",
];
const BORDERS: &[&str] = &[
    "top", "left", "start", "bottom", "right", "end", "insideH", "insideV", "tl2br", "tr2bl",
];
const MARGINS: &[&str] = &["top", "left", "start", "bottom", "right", "end"];
const PBDR: &[&str] = &["top", "left", "bottom", "right", "between", "bar"];
const ABSTRACT_NUM: &[&str] = &[
    "nsid",
    "multiLevelType",
    "tmpl",
    "name",
    "styleLink",
    "numStyleLink",
    "lvl",
];
const NUMBERING: &[&str] = &["numPicBullet", "abstractNum", "num", "numIdMacAtCleanup"];
const NUM: &[&str] = &["abstractNumId", "lvlOverride"];
const LVL_OVERRIDE: &[&str] = &["startOverride", "lvl"];
const TBL: &[&str] = &["tblPr", "tblGrid", ANY];
const TR: &[&str] = &["tblPrEx", "trPr", ANY];
const TC: &[&str] = &["tcPr", ANY];
const P: &[&str] = &["pPr", ANY];
const R: &[&str] = &["rPr", ANY];
const BODY: &[&str] = &[ANY, "sectPr"];

/// The schema sequence of an element's children, by its name and its parent's.
fn sequence(name: &str, parent: &str) -> Option<&'static [&'static str]> {
    Some(match name {
        "pPr" if matches!(parent, "style" | "pPrDefault" | "lvl") => PPR_GENERAL,
        "pPr" => PPR,
        "rPr" => RPR,
        "tblPr" => TBLPR,
        "trPr" => TRPR,
        "tcPr" => TCPR,
        "sectPr" => SECTPR,
        "numPr" => NUMPR,
        "lvl" => LVL,
        "tblBorders" | "tcBorders" => BORDERS,
        "tblCellMar" | "tcMar" => MARGINS,
        "pBdr" => PBDR,
        "abstractNum" => ABSTRACT_NUM,
        "numbering" => NUMBERING,
        "num" => NUM,
        "lvlOverride" => LVL_OVERRIDE,
        "tbl" => TBL,
        "tr" => TR,
        "tc" => TC,
        "p" => P,
        "r" => R,
        "body" => BODY,
        _ => return None,
    })
}

fn local(name: &[u8]) -> &str {
    let name = std::str::from_utf8(name).unwrap_or("");
    name.strip_prefix("w:").unwrap_or(name)
}

/// Puts the children of every container in `el` (and `el` itself) into
/// schema order; drops the empty `w:rPr` docx-rs writes where the schema
/// allows none. A child the table does not know is an error: the writer
/// produced something this module was not taught.
pub(super) fn order(part: &str, el: &mut Element, parent: &str) -> Result<(), GenError> {
    let name = local(el.name()).to_string();
    for child in el.elements_mut() {
        order(part, child, &name)?;
    }
    let Some(seq) = sequence(&name, parent) else {
        return Ok(());
    };
    if seq == PPR_GENERAL {
        // docx-rs writes `<w:rPr />` inside these; the schema has no place for it.
        let mut stray = None;
        el.children.retain(|n| match n {
            Node::Element(c) if c.is("w:rPr") => {
                if !c.children.is_empty() {
                    stray = Some(());
                }
                false
            }
            _ => true,
        });
        if stray.is_some() {
            return Err(xml_error(
                part,
                format!("run properties inside w:pPr of w:{parent} have no place in the schema"),
            ));
        }
    }
    let any = seq.iter().position(|s| *s == ANY);
    let mut ranked = Vec::with_capacity(el.children.len());
    // Text and other events between elements keep the rank of the element before them.
    let mut last = 0usize;
    for node in std::mem::take(&mut el.children) {
        let rank = match &node {
            Node::Element(c) => {
                let child = local(c.name());
                let found = seq
                    .iter()
                    .position(|s| s.split('|').any(|alt| alt == child))
                    .or(any);
                match found {
                    Some(r) => r,
                    None => {
                        return Err(xml_error(
                            part,
                            format!("w:{child} is not known as a child of w:{name}"),
                        ))
                    }
                }
            }
            Node::Other(_) => last,
        };
        last = rank;
        ranked.push((rank, node));
    }
    ranked.sort_by_key(|(rank, _)| *rank);
    el.children = ranked.into_iter().map(|(_, n)| n).collect();
    Ok(())
}

/// Visits every element below `el`, depth first, parents before children.
pub(super) fn walk_mut(el: &mut Element, f: &mut dyn FnMut(&mut Element)) {
    f(el);
    for c in el.elements_mut() {
        walk_mut(c, f);
    }
}

/// Removes, anywhere below `el`, the bookmark named `name` (start and end);
/// returns how many were removed.
pub(super) fn take_bookmarks(el: &mut Element, name: &str) -> usize {
    let mut ids = Vec::new();
    fn starts(el: &mut Element, name: &str, ids: &mut Vec<String>) {
        el.children.retain(|n| match n {
            Node::Element(c)
                if c.is("w:bookmarkStart") && c.attr("w:name").as_deref() == Some(name) =>
            {
                ids.push(c.attr("w:id").unwrap_or_default());
                false
            }
            _ => true,
        });
        for c in el.elements_mut() {
            starts(c, name, ids);
        }
    }
    fn ends(el: &mut Element, ids: &[String]) {
        el.children.retain(|n| match n {
            Node::Element(c) if c.is("w:bookmarkEnd") => {
                !ids.contains(&c.attr("w:id").unwrap_or_default())
            }
            _ => true,
        });
        for c in el.elements_mut() {
            ends(c, ids);
        }
    }
    starts(el, name, &mut ids);
    ends(el, &ids);
    ids.len()
}
