//! `bundle.pdf` joined from the PDFs of its documents, so that every page of
//! a bundle is written once.
//!
//! The documents of a bundle are laid out once, and each is written as a PDF
//! of its own; `bundle.pdf` is those PDFs one after another. Writing it anew
//! from the layout would write every page a second time (font subsets,
//! content streams, compression, tags). Instead their objects are taken as
//! they are, renumbered, and tied together:
//!
//! - one page tree holding every document's pages, in order;
//! - one outline: an entry per document (its title, at its first page) with
//!   that document's own outline below it;
//! - one structure tree: a `Document` holding each document's tree as a
//!   `Part`, its marked-content keys moved past the previous documents'
//!   and the identifiers of its table headers made its own;
//! - the bundle's metadata (title, author, dates, XMP, file identifier),
//!   taken from a one-page PDF Typst writes with the bundle's metadata.
//!
//! It reads only what `typst-pdf` writes: a classic cross-reference table,
//! direct stream lengths, a flat page tree and flat number and name trees.
//! Anything else is refused with a [`JoinError`], and the caller writes the
//! bundle from the layout instead, as before.

mod syntax;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use syntax::{
    decode_string, get, get_opt_ref, get_ref, literal_string, name, set, text_string, write_file,
    Dict, File, Obj, Written,
};

/// Why the PDFs could not be joined (never shown to a user: the bundle is
/// then written from the layout).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinError(String);

impl std::fmt::Display for JoinError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn refuse<T>(why: impl Into<String>) -> Result<T, JoinError> {
    Err(JoinError(why.into()))
}

/// One document of the bundle: its PDF and the title of its outline entry.
#[derive(Debug, Clone, Copy)]
pub struct JoinPart<'a> {
    /// The document's own PDF, as `typst-pdf` wrote it.
    pub pdf: &'a [u8],
    /// Its entry in the bundle's outline.
    pub title: &'a str,
}

// The bundle's own objects come first; the outline entries of the
// documents follow, then every document's objects.
const CATALOG: u32 = 1;
const PAGES: u32 = 2;
const STRUCT_ROOT: u32 = 3;
const DOCUMENT: u32 = 4;
const OUTLINES: u32 = 5;
const INFO: u32 = 6;
const XMP: u32 = 7;
const FIRST_ENTRY: u32 = 8;

/// Joins the documents' PDFs into one; `metadata` is a PDF written by
/// `typst-pdf` with the bundle's title, author, date and identifier, whose
/// document information, XMP and file identifier the bundle takes.
pub fn join(parts: &[JoinPart<'_>], metadata: &[u8]) -> Result<Vec<u8>, JoinError> {
    if parts.is_empty() {
        return refuse("no documents");
    }
    let meta = File::parse(metadata)?;
    let lang = get(meta.dict(meta.root)?, b"Lang");
    let files = parts
        .iter()
        .map(|p| File::parse(p.pdf))
        .collect::<Result<Vec<_>, _>>()?;
    let mut bundle = Bundle::new(parts.len());
    for (index, (part, file)) in parts.iter().zip(&files).enumerate() {
        // The bundle has one language: a document in another would lose its own.
        if get(file.dict(file.root)?, b"Lang") != lang {
            return refuse("a document in another language");
        }
        bundle.add(index, part.title, file)?;
    }
    bundle.finish(&meta)
}

/// The bundle being joined: the objects written so far and what ties them.
struct Bundle<'a> {
    documents: usize,
    /// The next free object number.
    next: u32,
    objects: Vec<Written<'a>>,
    /// Every page, in order.
    kids: Vec<Obj>,
    /// The documents' top structure elements, the parts of the bundle's.
    parts: Vec<Obj>,
    role_map: Dict,
    /// `/Nums` of the bundle's parent tree.
    parent_tree: Vec<Obj>,
    /// The bundle's identifiers (table headers) and their elements.
    ids: Vec<(Vec<u8>, u32)>,
    /// The first marked-content key of the next document.
    next_key: i64,
    tagged: bool,
}

/// What a document's catalog points at, and which of its objects the bundle
/// replaces with its own.
struct Anchors {
    pages: Vec<u32>,
    outline_tops: Vec<u32>,
    outline_count: i64,
    struct_tops: Vec<u32>,
    dropped: Vec<u32>,
}

impl<'a> Bundle<'a> {
    fn new(documents: usize) -> Self {
        Bundle {
            documents,
            next: FIRST_ENTRY + documents as u32,
            objects: Vec::new(),
            kids: Vec::new(),
            parts: Vec::new(),
            role_map: Vec::new(),
            parent_tree: Vec::new(),
            ids: Vec::new(),
            next_key: 0,
            tagged: false,
        }
    }

    /// Adds a document: its objects renumbered, its pages, outline and
    /// structure tied to the bundle's.
    fn add(&mut self, index: usize, title: &str, file: &File<'a>) -> Result<(), JoinError> {
        let anchors = anchors(file)?;
        // Membership by hash: a school at the limits has ~10⁵ objects and
        // hundreds of pages.
        let dropped: HashSet<u32> = anchors.dropped.iter().copied().collect();
        let pages: HashSet<u32> = anchors.pages.iter().copied().collect();
        let outline_tops: HashSet<u32> = anchors.outline_tops.iter().copied().collect();
        let struct_tops: HashSet<u32> = anchors.struct_tops.iter().copied().collect();
        let mut map: HashMap<u32, u32> = HashMap::new();
        for object in &file.objects {
            if !dropped.contains(&object.num) {
                map.insert(object.num, self.next);
                self.next += 1;
            }
        }
        let renumber = |n: u32| {
            map.get(&n)
                .copied()
                .ok_or_else(|| JoinError(format!("reference to dropped object {n}")))
        };
        for &p in &anchors.pages {
            self.kids.push(Obj::Ref(renumber(p)?));
        }
        // This document's marked-content keys follow the previous documents'.
        let key_offset = self.next_key;
        let prefix = format!("d{index:04}-").into_bytes();
        self.structure(file, &prefix, &renumber)?;
        for &t in &anchors.struct_tops {
            self.parts.push(Obj::Ref(renumber(t)?));
        }
        let entry = FIRST_ENTRY + index as u32;
        self.outline_entry(index, title, file, &anchors, &renumber)?;

        for object in &file.objects {
            if dropped.contains(&object.num) {
                continue;
            }
            // Only the keys set anew below may point at a dropped object.
            let page = pages.contains(&object.num);
            let outline_top = outline_tops.contains(&object.num);
            let struct_top = struct_tops.contains(&object.num);
            let dropped: &[u32] = if page || outline_top || struct_top {
                &anchors.dropped
            } else {
                &[]
            };
            let mut value = object.value.renumbered_skipping(&renumber, dropped)?;
            move_keys(&mut value, key_offset)?;
            if let Obj::Dict(d) = &mut value {
                if page {
                    set(d, b"Parent", Obj::Ref(PAGES));
                }
                if outline_top {
                    set(d, b"Parent", Obj::Ref(entry));
                }
                if struct_top {
                    set(d, b"P", Obj::Ref(DOCUMENT));
                    if name(get(d, b"S")) == Some(b"Document".as_slice()) {
                        set(d, b"S", Obj::Name(b"Part".to_vec()));
                    }
                }
                if name(get(d, b"Type")) == Some(b"StructElem".as_slice()) {
                    own_identifiers(d, &prefix)?;
                }
            }
            self.objects.push(Written {
                num: map[&object.num],
                value,
                stream: object.stream.map(Cow::Borrowed),
            });
        }
        Ok(())
    }

    /// Takes a document's structure tree: its role map, its parent tree
    /// (keys moved past the previous documents') and its identifiers
    /// (prefixed with the document's own).
    fn structure(
        &mut self,
        file: &File<'a>,
        prefix: &[u8],
        renumber: &dyn Fn(u32) -> Result<u32, JoinError>,
    ) -> Result<(), JoinError> {
        let Some(root) = get_opt_ref(file.dict(file.root)?, b"StructTreeRoot")? else {
            return Ok(());
        };
        self.tagged = true;
        let root = file.dict(root)?;
        // What the bundle's root makes anew; anything else (class map,
        // namespaces…) it would lose.
        only_keys(
            root,
            &[
                b"Type",
                b"K",
                b"ParentTree",
                b"ParentTreeNextKey",
                b"RoleMap",
                b"IDTree",
            ],
            "structure tree entry",
        )?;
        match get(root, b"RoleMap") {
            None => {}
            Some(Obj::Dict(roles)) => {
                for (k, v) in roles {
                    if !self.role_map.iter().any(|(key, _)| key == k) {
                        self.role_map.push((k.clone(), v.clone()));
                    }
                }
            }
            Some(_) => return refuse("role map"),
        }
        let tree = match get(root, b"ParentTree") {
            Some(Obj::Ref(n)) => file.dict(*n)?,
            Some(Obj::Dict(d)) => d,
            _ => return refuse("parent tree"),
        };
        if get(tree, b"Kids").is_some() {
            return refuse("parent tree with kids");
        }
        let offset = self.next_key;
        let mut next_key = match get(root, b"ParentTreeNextKey") {
            Some(Obj::Int(k)) => *k,
            _ => 0,
        };
        if let Some(Obj::Array(nums)) = get(tree, b"Nums") {
            for pair in nums.chunks(2) {
                let [Obj::Int(k), value] = pair else {
                    return refuse("parent tree entry");
                };
                let (Some(after), Some(moved)) = (k.checked_add(1), k.checked_add(offset)) else {
                    return refuse("parent tree key");
                };
                next_key = next_key.max(after);
                self.parent_tree.push(Obj::Int(moved));
                self.parent_tree.push(value.renumbered(renumber)?);
            }
        }
        self.next_key = offset
            .checked_add(next_key)
            .ok_or_else(|| JoinError("parent tree key".into()))?;
        match get(root, b"IDTree") {
            None => Ok(()),
            Some(Obj::Dict(tree)) if get(tree, b"Kids").is_none() => {
                if let Some(Obj::Array(names)) = get(tree, b"Names") {
                    for pair in names.chunks(2) {
                        let [Obj::Str(key), Obj::Ref(n)] = pair else {
                            return refuse("identifier tree entry");
                        };
                        let id = [prefix, &decode_string(key)?].concat();
                        self.ids.push((id, renumber(*n)?));
                    }
                }
                Ok(())
            }
            Some(_) => refuse("identifier tree"),
        }
    }

    /// The document's entry in the bundle's outline: its title, at the top
    /// of its first page, its own outline below it (closed).
    fn outline_entry(
        &mut self,
        index: usize,
        title: &str,
        file: &File<'a>,
        anchors: &Anchors,
        renumber: &dyn Fn(u32) -> Result<u32, JoinError>,
    ) -> Result<(), JoinError> {
        let entry = FIRST_ENTRY + index as u32;
        let mut dict: Dict = vec![
            (b"Title".to_vec(), Obj::Str(text_string(title))),
            (b"Parent".to_vec(), Obj::Ref(OUTLINES)),
        ];
        if index > 0 {
            dict.push((b"Prev".to_vec(), Obj::Ref(entry - 1)));
        }
        if index + 1 < self.documents {
            dict.push((b"Next".to_vec(), Obj::Ref(entry + 1)));
        }
        if let (Some(first), Some(last)) =
            (anchors.outline_tops.first(), anchors.outline_tops.last())
        {
            dict.push((b"First".to_vec(), Obj::Ref(renumber(*first)?)));
            dict.push((b"Last".to_vec(), Obj::Ref(renumber(*last)?)));
            dict.push((b"Count".to_vec(), Obj::Int(-anchors.outline_count)));
        }
        let first_page = anchors.pages[0];
        let top = match get(file.dict(first_page)?, b"MediaBox") {
            Some(Obj::Array(b)) if b.len() == 4 => b[3].clone(),
            _ => return refuse("page without a media box"),
        };
        dict.push((
            b"Dest".to_vec(),
            Obj::Array(vec![
                Obj::Ref(renumber(first_page)?),
                Obj::Name(b"XYZ".to_vec()),
                Obj::Int(0),
                top,
                Obj::Int(0),
            ]),
        ));
        self.objects.push(Written {
            num: entry,
            value: Obj::Dict(dict),
            stream: None,
        });
        Ok(())
    }

    /// The bundle's page tree, outline, structure tree, metadata and
    /// catalog, and the whole file.
    fn finish(mut self, meta: &File<'_>) -> Result<Vec<u8>, JoinError> {
        let page_count = self.kids.len();
        let mut own = vec![
            (
                PAGES,
                Obj::Dict(vec![
                    (b"Type".to_vec(), Obj::Name(b"Pages".to_vec())),
                    (b"Count".to_vec(), Obj::Int(page_count as i64)),
                    (b"Kids".to_vec(), Obj::Array(std::mem::take(&mut self.kids))),
                ]),
            ),
            (
                OUTLINES,
                Obj::Dict(vec![
                    (b"Type".to_vec(), Obj::Name(b"Outlines".to_vec())),
                    (b"First".to_vec(), Obj::Ref(FIRST_ENTRY)),
                    (
                        b"Last".to_vec(),
                        Obj::Ref(FIRST_ENTRY + self.documents as u32 - 1),
                    ),
                    (b"Count".to_vec(), Obj::Int(self.documents as i64)),
                ]),
            ),
        ];
        if self.tagged {
            own.push((
                DOCUMENT,
                Obj::Dict(vec![
                    (b"Type".to_vec(), Obj::Name(b"StructElem".to_vec())),
                    (b"S".to_vec(), Obj::Name(b"Document".to_vec())),
                    (b"P".to_vec(), Obj::Ref(STRUCT_ROOT)),
                    (b"K".to_vec(), Obj::Array(std::mem::take(&mut self.parts))),
                ]),
            ));
            own.push((STRUCT_ROOT, self.struct_root()));
        }

        // The metadata: the one-page PDF's, with the bundle's page count.
        let meta_catalog = meta.dict(meta.root)?;
        let info = meta
            .info
            .ok_or_else(|| JoinError("metadata without information".into()))?;
        own.push((INFO, meta.object(info)?.value.clone()));
        let xmp = meta.object(get_ref(meta_catalog, b"Metadata")?)?;
        let (Obj::Dict(xmp_dict), Some(packet)) = (&xmp.value, xmp.stream) else {
            return refuse("XMP");
        };
        if get(xmp_dict, b"Filter").is_some() {
            return refuse("compressed XMP");
        }
        let packet = set_page_count(packet, page_count)?;
        let mut xmp_dict = xmp_dict.clone();
        set(&mut xmp_dict, b"Length", Obj::Int(packet.len() as i64));
        self.objects.push(Written {
            num: XMP,
            value: Obj::Dict(xmp_dict),
            stream: Some(Cow::Owned(packet)),
        });

        let mut catalog: Dict = vec![
            (b"Type".to_vec(), Obj::Name(b"Catalog".to_vec())),
            (b"Pages".to_vec(), Obj::Ref(PAGES)),
            (b"Metadata".to_vec(), Obj::Ref(XMP)),
        ];
        for key in [b"Lang".as_slice(), b"ViewerPreferences"] {
            if let Some(v) = get(meta_catalog, key) {
                if v.has_refs() {
                    return refuse("catalog entry with references");
                }
                catalog.push((key.to_vec(), v.clone()));
            }
        }
        if self.tagged {
            catalog.push((b"StructTreeRoot".to_vec(), Obj::Ref(STRUCT_ROOT)));
            catalog.push((
                b"MarkInfo".to_vec(),
                Obj::Dict(vec![
                    (b"Marked".to_vec(), Obj::Bool(true)),
                    (b"Suspects".to_vec(), Obj::Bool(false)),
                ]),
            ));
        }
        catalog.push((b"Outlines".to_vec(), Obj::Ref(OUTLINES)));
        own.push((CATALOG, Obj::Dict(catalog)));

        self.objects
            .extend(own.into_iter().map(|(num, value)| Written {
                num,
                value,
                stream: None,
            }));
        self.objects.sort_by_key(|o| o.num);
        let mut trailer: Dict = vec![
            (b"Root".to_vec(), Obj::Ref(CATALOG)),
            (b"Info".to_vec(), Obj::Ref(INFO)),
        ];
        if let Some(id) = get(&meta.trailer, b"ID") {
            trailer.push((b"ID".to_vec(), id.clone()));
        }
        Ok(write_file(&self.objects, trailer))
    }

    /// The bundle's structure tree root: one `Document` of the documents'
    /// parts, every parent-tree key and identifier of theirs.
    fn struct_root(&mut self) -> Obj {
        self.ids.sort();
        let mut root: Dict = vec![
            (b"Type".to_vec(), Obj::Name(b"StructTreeRoot".to_vec())),
            (b"K".to_vec(), Obj::Array(vec![Obj::Ref(DOCUMENT)])),
            (
                b"ParentTree".to_vec(),
                Obj::Dict(vec![(
                    b"Nums".to_vec(),
                    Obj::Array(std::mem::take(&mut self.parent_tree)),
                )]),
            ),
            (b"ParentTreeNextKey".to_vec(), Obj::Int(self.next_key)),
        ];
        if !self.role_map.is_empty() {
            root.push((
                b"RoleMap".to_vec(),
                Obj::Dict(std::mem::take(&mut self.role_map)),
            ));
        }
        if !self.ids.is_empty() {
            let names = std::mem::take(&mut self.ids)
                .into_iter()
                .flat_map(|(k, n)| [Obj::Str(literal_string(&k)), Obj::Ref(n)])
                .collect();
            root.push((
                b"IDTree".to_vec(),
                Obj::Dict(vec![(b"Names".to_vec(), Obj::Array(names))]),
            ));
        }
        Obj::Dict(root)
    }
}

/// Finds a document's pages, outline and structure tree, and the objects the
/// bundle replaces: catalog, information, XMP, page tree root, outline root,
/// structure tree root and parent tree.
fn anchors(file: &File<'_>) -> Result<Anchors, JoinError> {
    let catalog = file.dict(file.root)?;
    // What the bundle makes anew or takes from its metadata; anything else
    // (output intents, named destinations, page labels…) it would lose.
    only_keys(
        catalog,
        &[
            b"Type",
            b"Pages",
            b"Metadata",
            b"Lang",
            b"StructTreeRoot",
            b"MarkInfo",
            b"ViewerPreferences",
            b"Outlines",
        ],
        "catalog entry",
    )?;
    let pages_root = get_ref(catalog, b"Pages")?;
    let outlines = get_opt_ref(catalog, b"Outlines")?;
    let struct_root = get_opt_ref(catalog, b"StructTreeRoot")?;
    let mut dropped = vec![file.root, pages_root];
    dropped.extend(file.info);
    dropped.extend(get_opt_ref(catalog, b"Metadata")?);
    dropped.extend(outlines);
    dropped.extend(struct_root);

    let root_pages = file.dict(pages_root)?;
    // Attributes the pages inherit from the root would be lost with it.
    only_keys(root_pages, &[b"Type", b"Kids", b"Count"], "page tree entry")?;
    let Some(Obj::Array(kids)) = get(root_pages, b"Kids") else {
        return refuse("page tree without kids");
    };
    let mut pages = Vec::with_capacity(kids.len());
    for kid in kids {
        let Obj::Ref(p) = kid else {
            return refuse("page tree kid");
        };
        if name(get(file.dict(*p)?, b"Type")) != Some(b"Page".as_slice()) {
            return refuse("nested page tree");
        }
        pages.push(*p);
    }
    if pages.is_empty() {
        return refuse("no pages");
    }

    let mut outline_tops = Vec::new();
    let mut outline_count = 0;
    if let Some(o) = outlines {
        let root = file.dict(o)?;
        let mut item = get_opt_ref(root, b"First")?;
        while let Some(n) = item {
            if outline_tops.contains(&n) {
                return refuse("outline loop");
            }
            outline_tops.push(n);
            item = get_opt_ref(file.dict(n)?, b"Next")?;
        }
        outline_count = match get(root, b"Count") {
            Some(Obj::Int(c)) => c
                .checked_abs()
                .ok_or_else(|| JoinError("outline count".into()))?,
            _ => outline_tops.len() as i64,
        };
    }

    let mut struct_tops = Vec::new();
    if let Some(root) = struct_root {
        let root = file.dict(root)?;
        if let Some(Obj::Ref(n)) = get(root, b"ParentTree") {
            dropped.push(*n);
        }
        match get(root, b"K") {
            Some(Obj::Array(items)) => {
                for item in items {
                    let Obj::Ref(n) = item else {
                        return refuse("structure root kid");
                    };
                    struct_tops.push(*n);
                }
            }
            Some(Obj::Ref(n)) => struct_tops.push(*n),
            None => {}
            Some(_) => return refuse("structure root kids"),
        }
    }
    Ok(Anchors {
        pages,
        outline_tops,
        outline_count,
        struct_tops,
        dropped,
    })
}

/// Refuses a dictionary with a key not in `known`: the join would drop it
/// (`what` names the place in the refusal).
fn only_keys(d: &Dict, known: &[&[u8]], what: &str) -> Result<(), JoinError> {
    match d.iter().find(|(k, _)| !known.contains(&k.as_slice())) {
        Some((key, _)) => refuse(format!("{what} {}", String::from_utf8_lossy(key))),
        None => Ok(()),
    }
}

/// Moves the marked-content keys of a page (`/StructParents`) or an
/// annotation (`/StructParent`), wherever they are in the object, past the
/// previous documents'.
fn move_keys(value: &mut Obj, offset: i64) -> Result<(), JoinError> {
    match value {
        Obj::Dict(d) => {
            for (k, v) in d.iter_mut() {
                match (k.as_slice(), &mut *v) {
                    (b"StructParents" | b"StructParent", Obj::Int(key)) => {
                        *key = key
                            .checked_add(offset)
                            .ok_or_else(|| JoinError("structure key".into()))?;
                    }
                    _ => move_keys(v, offset)?,
                }
            }
            Ok(())
        }
        Obj::Array(items) => items.iter_mut().try_for_each(|i| move_keys(i, offset)),
        _ => Ok(()),
    }
}

/// Makes the identifiers of a structure element (`/ID`, and the `/Headers`
/// of its table attributes) the document's own.
fn own_identifiers(d: &mut Dict, prefix: &[u8]) -> Result<(), JoinError> {
    if let Some(Obj::Str(s)) = get(d, b"ID") {
        let owned = literal_string(&[prefix, &decode_string(s)?].concat());
        set(d, b"ID", Obj::Str(owned));
    }
    fn headers(attr: &mut Obj, prefix: &[u8]) -> Result<(), JoinError> {
        match attr {
            Obj::Dict(a) => {
                if let Some((_, Obj::Array(ids))) = a.iter_mut().find(|(k, _)| k == b"Headers") {
                    for id in ids {
                        if let Obj::Str(s) = id {
                            *s = literal_string(&[prefix, &decode_string(s)?].concat());
                        }
                    }
                }
                Ok(())
            }
            Obj::Array(items) => items.iter_mut().try_for_each(|i| headers(i, prefix)),
            _ => Ok(()),
        }
    }
    if let Some((_, a)) = d.iter_mut().find(|(k, _)| k == b"A") {
        headers(a, prefix)?;
    }
    Ok(())
}

/// The XMP packet with `xmpTPg:NPages` set to the bundle's page count.
fn set_page_count(packet: &[u8], pages: usize) -> Result<Vec<u8>, JoinError> {
    const OPEN: &[u8] = b"<xmpTPg:NPages>";
    const CLOSE: &[u8] = b"</xmpTPg:NPages>";
    let Some(start) = syntax::find(packet, OPEN) else {
        return Ok(packet.to_vec());
    };
    let from = start + OPEN.len();
    let Some(len) = syntax::find(&packet[from..], CLOSE) else {
        return refuse("XMP page count");
    };
    Ok([
        &packet[..from],
        pages.to_string().as_bytes(),
        &packet[from + len..],
    ]
    .concat())
}

#[cfg(test)]
mod tests;
