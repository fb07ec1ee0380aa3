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

use std::collections::HashMap;
use std::fmt::Write as _;

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

/// Joins the documents' PDFs into one; `metadata` is a PDF written by
/// `typst-pdf` with the bundle's title, author, date and identifier, whose
/// document information, XMP and file identifier the bundle takes.
pub fn join(parts: &[JoinPart<'_>], metadata: &[u8]) -> Result<Vec<u8>, JoinError> {
    if parts.is_empty() {
        return refuse("no documents");
    }
    let meta = File::parse(metadata)?;
    let meta_catalog = meta.dict(meta.root)?;

    // The bundle's own objects come first.
    const CATALOG: u32 = 1;
    const PAGES: u32 = 2;
    const STRUCT_ROOT: u32 = 3;
    const DOCUMENT: u32 = 4;
    const OUTLINES: u32 = 5;
    const INFO: u32 = 6;
    const XMP: u32 = 7;
    let first_entry = 8;
    let mut next = first_entry + parts.len() as u32;

    let mut out: Vec<(u32, Obj, Option<Vec<u8>>)> = Vec::new();
    let mut kids = Vec::new();
    let mut struct_kids = Vec::new();
    let mut role_map: Vec<(Vec<u8>, Obj)> = Vec::new();
    let mut parent_tree: Vec<Obj> = Vec::new();
    let mut id_tree: Vec<(Vec<u8>, u32)> = Vec::new();
    let mut key_offset = 0i64;
    let mut tagged = false;

    for (index, part) in parts.iter().enumerate() {
        let file = File::parse(part.pdf)?;
        let catalog = file.dict(file.root)?;
        let pages_root = get_ref(catalog, b"Pages")?;
        let outlines = get_opt_ref(catalog, b"Outlines")?;
        let struct_root = get_opt_ref(catalog, b"StructTreeRoot")?;
        if get(catalog, b"OutputIntents").is_some() || get(catalog, b"Names").is_some() {
            return refuse("output intents or names");
        }
        let mut dropped = vec![file.root, pages_root];
        dropped.extend(file.info);
        dropped.extend(get_opt_ref(catalog, b"Metadata")?);
        dropped.extend(outlines);
        dropped.extend(struct_root);
        if let Some(root) = struct_root {
            if let Some(Obj::Ref(n)) = get(file.dict(root)?, b"ParentTree") {
                dropped.push(*n);
            }
        }

        // New numbers for every object kept.
        let mut map: HashMap<u32, u32> = HashMap::new();
        for object in &file.objects {
            if !dropped.contains(&object.num) {
                map.insert(object.num, next);
                next += 1;
            }
        }
        let renumber = |n: u32| -> Result<u32, JoinError> {
            map.get(&n)
                .copied()
                .ok_or_else(|| JoinError(format!("reference to dropped object {n}")))
        };

        // Pages, in order.
        let page_refs: Vec<u32> = match get(file.dict(pages_root)?, b"Kids") {
            Some(Obj::Array(items)) => items
                .iter()
                .map(|o| match o {
                    Obj::Ref(n) => Ok(*n),
                    _ => refuse("page tree kid"),
                })
                .collect::<Result<_, _>>()?,
            _ => return refuse("page tree without kids"),
        };
        let first_page = *page_refs
            .first()
            .ok_or_else(|| JoinError("no pages".into()))?;
        for &p in &page_refs {
            if name(get(file.dict(p)?, b"Type")) != Some(b"Page".as_slice()) {
                return refuse("nested page tree");
            }
            kids.push(Obj::Ref(renumber(p)?));
        }

        // The structure tree: its top elements become parts of the bundle's.
        let prefix = format!("d{index:04}-").into_bytes();
        let mut tops = Vec::new();
        // This document's marked-content keys follow the previous documents'.
        let structure_offset = key_offset;
        if let Some(root) = struct_root {
            tagged = true;
            let root = file.dict(root)?;
            match get(root, b"K") {
                Some(Obj::Array(items)) => {
                    for item in items {
                        match item {
                            Obj::Ref(n) => tops.push(*n),
                            _ => return refuse("structure root kid"),
                        }
                    }
                }
                Some(Obj::Ref(n)) => tops.push(*n),
                None => {}
                Some(_) => return refuse("structure root kids"),
            }
            if let Some(Obj::Dict(map)) = get(root, b"RoleMap") {
                for (k, v) in map {
                    if !role_map.iter().any(|(key, _)| key == k) {
                        role_map.push((k.clone(), v.clone()));
                    }
                }
            }
            let tree = match get(root, b"ParentTree") {
                Some(Obj::Ref(n)) => file.dict(*n)?,
                Some(Obj::Dict(d)) => d,
                _ => return refuse("parent tree"),
            };
            if get(tree, b"Kids").is_some() {
                return refuse("parent tree with kids");
            }
            let mut max_key = -1;
            if let Some(Obj::Array(nums)) = get(tree, b"Nums") {
                for pair in nums.chunks(2) {
                    let [Obj::Int(k), value] = pair else {
                        return refuse("parent tree entry");
                    };
                    max_key = max_key.max(*k);
                    parent_tree.push(Obj::Int(k + structure_offset));
                    parent_tree.push(value.renumbered(&renumber)?);
                }
            }
            let next_key = match get(root, b"ParentTreeNextKey") {
                Some(Obj::Int(k)) => *k,
                _ => max_key + 1,
            };
            match get(root, b"IDTree") {
                None => {}
                Some(Obj::Dict(tree)) if get(tree, b"Kids").is_none() => {
                    if let Some(Obj::Array(names)) = get(tree, b"Names") {
                        for pair in names.chunks(2) {
                            let [Obj::Str(key), Obj::Ref(n)] = pair else {
                                return refuse("identifier tree entry");
                            };
                            id_tree.push((
                                [prefix.as_slice(), &decode_string(key)?].concat(),
                                renumber(*n)?,
                            ));
                        }
                    }
                }
                Some(_) => return refuse("identifier tree"),
            }
            key_offset += next_key.max(max_key + 1);
            for &t in &tops {
                struct_kids.push(Obj::Ref(renumber(t)?));
            }
        }
        // The outline: this document's entry, its own outline below.
        let entry = first_entry + index as u32;
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
                Some(Obj::Int(c)) => c.abs(),
                _ => outline_tops.len() as i64,
            };
        }
        let mut entry_dict: Dict = vec![
            (b"Title".to_vec(), Obj::Str(text_string(part.title))),
            (b"Parent".to_vec(), Obj::Ref(OUTLINES)),
        ];
        if index > 0 {
            entry_dict.push((b"Prev".to_vec(), Obj::Ref(entry - 1)));
        }
        if index + 1 < parts.len() {
            entry_dict.push((b"Next".to_vec(), Obj::Ref(entry + 1)));
        }
        if let (Some(first), Some(last)) = (outline_tops.first(), outline_tops.last()) {
            entry_dict.push((b"First".to_vec(), Obj::Ref(renumber(*first)?)));
            entry_dict.push((b"Last".to_vec(), Obj::Ref(renumber(*last)?)));
            entry_dict.push((b"Count".to_vec(), Obj::Int(-outline_count)));
        }
        let page_top = match get(file.dict(first_page)?, b"MediaBox") {
            Some(Obj::Array(b)) if b.len() == 4 => b[3].clone(),
            _ => Obj::Int(842),
        };
        entry_dict.push((
            b"Dest".to_vec(),
            Obj::Array(vec![
                Obj::Ref(renumber(first_page)?),
                Obj::Name(b"XYZ".to_vec()),
                Obj::Int(0),
                page_top,
                Obj::Int(0),
            ]),
        ));
        out.push((entry, Obj::Dict(entry_dict), None));

        // Every object kept, renumbered and tied to the bundle.
        for object in &file.objects {
            if dropped.contains(&object.num) {
                continue;
            }
            // Only the keys set anew below may point at a dropped object.
            let tied = page_refs.contains(&object.num)
                || outline_tops.contains(&object.num)
                || tops.contains(&object.num);
            let mut value = object
                .value
                .renumbered_skipping(&renumber, if tied { &dropped } else { &[] })?;
            if let Obj::Dict(d) = &mut value {
                if page_refs.contains(&object.num) {
                    set(d, b"Parent", Obj::Ref(PAGES));
                }
                if outline_tops.contains(&object.num) {
                    set(d, b"Parent", Obj::Ref(entry));
                }
                if tops.contains(&object.num) {
                    set(d, b"P", Obj::Ref(DOCUMENT));
                    if name(get(d, b"S")) == Some(b"Document".as_slice()) {
                        set(d, b"S", Obj::Name(b"Part".to_vec()));
                    }
                }
                for key in [b"StructParents".as_slice(), b"StructParent"] {
                    if let Some(Obj::Int(k)) = get(d, key) {
                        let k = *k + structure_offset;
                        set(d, key, Obj::Int(k));
                    }
                }
                if name(get(d, b"Type")) == Some(b"StructElem".as_slice()) {
                    own_identifiers(d, &prefix)?;
                }
            }
            out.push((map[&object.num], value, object.stream.clone()));
        }
    }

    // The bundle's page tree, structure tree and outline.
    let page_count = kids.len();
    out.push((
        PAGES,
        Obj::Dict(vec![
            (b"Type".to_vec(), Obj::Name(b"Pages".to_vec())),
            (b"Count".to_vec(), Obj::Int(page_count as i64)),
            (b"Kids".to_vec(), Obj::Array(kids)),
        ]),
        None,
    ));
    let last_entry = first_entry + parts.len() as u32 - 1;
    out.push((
        OUTLINES,
        Obj::Dict(vec![
            (b"Type".to_vec(), Obj::Name(b"Outlines".to_vec())),
            (b"First".to_vec(), Obj::Ref(first_entry)),
            (b"Last".to_vec(), Obj::Ref(last_entry)),
            (b"Count".to_vec(), Obj::Int(parts.len() as i64)),
        ]),
        None,
    ));
    if tagged {
        out.push((
            DOCUMENT,
            Obj::Dict(vec![
                (b"Type".to_vec(), Obj::Name(b"StructElem".to_vec())),
                (b"S".to_vec(), Obj::Name(b"Document".to_vec())),
                (b"P".to_vec(), Obj::Ref(STRUCT_ROOT)),
                (b"K".to_vec(), Obj::Array(struct_kids)),
            ]),
            None,
        ));
        id_tree.sort();
        let mut root: Dict = vec![
            (b"Type".to_vec(), Obj::Name(b"StructTreeRoot".to_vec())),
            (b"K".to_vec(), Obj::Array(vec![Obj::Ref(DOCUMENT)])),
            (
                b"ParentTree".to_vec(),
                Obj::Dict(vec![(b"Nums".to_vec(), Obj::Array(parent_tree))]),
            ),
            (b"ParentTreeNextKey".to_vec(), Obj::Int(key_offset)),
        ];
        if !role_map.is_empty() {
            root.push((b"RoleMap".to_vec(), Obj::Dict(role_map)));
        }
        if !id_tree.is_empty() {
            let names = id_tree
                .into_iter()
                .flat_map(|(k, n)| [Obj::Str(literal_string(&k)), Obj::Ref(n)])
                .collect();
            root.push((
                b"IDTree".to_vec(),
                Obj::Dict(vec![(b"Names".to_vec(), Obj::Array(names))]),
            ));
        }
        out.push((STRUCT_ROOT, Obj::Dict(root), None));
    }

    // The metadata: the one-page PDF's, with the bundle's page count.
    let info = meta
        .info
        .ok_or_else(|| JoinError("metadata without information".into()))?;
    out.push((INFO, meta.object(info)?.value.clone(), None));
    let xmp_ref = get_ref(meta_catalog, b"Metadata")?;
    let xmp = meta.object(xmp_ref)?;
    let packet = xmp
        .stream
        .as_deref()
        .ok_or_else(|| JoinError("XMP without a stream".into()))?;
    let packet = set_page_count(packet, page_count)?;
    let mut xmp_dict = match &xmp.value {
        Obj::Dict(d) => d.clone(),
        _ => return refuse("XMP dictionary"),
    };
    if get(&xmp_dict, b"Filter").is_some() {
        return refuse("compressed XMP");
    }
    set(&mut xmp_dict, b"Length", Obj::Int(packet.len() as i64));
    out.push((XMP, Obj::Dict(xmp_dict), Some(packet)));

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
    if tagged {
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
    out.push((CATALOG, Obj::Dict(catalog), None));

    out.sort_by_key(|(n, _, _)| *n);
    let id = get(&meta.trailer, b"ID").cloned();
    Ok(write_file(&out, next, id))
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
    let Some(start) = find(packet, OPEN) else {
        return Ok(packet.to_vec());
    };
    let from = start + OPEN.len();
    let Some(len) = find(&packet[from..], CLOSE) else {
        return refuse("XMP page count");
    };
    Ok([
        &packet[..from],
        pages.to_string().as_bytes(),
        &packet[from + len..],
    ]
    .concat())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

// ------------------------------------------------------------------ objects

/// A PDF object, as far as joining needs: strings keep their written form.
#[derive(Debug, Clone, PartialEq)]
enum Obj {
    Null,
    Bool(bool),
    Int(i64),
    /// A real number as written.
    Real(Vec<u8>),
    /// A name without its slash, as written (escapes kept).
    Name(Vec<u8>),
    /// A string as written, with its delimiters: `(…)` or `<…>`.
    Str(Vec<u8>),
    Array(Vec<Obj>),
    Dict(Dict),
    Ref(u32),
}

type Dict = Vec<(Vec<u8>, Obj)>;

fn get<'a>(d: &'a Dict, key: &[u8]) -> Option<&'a Obj> {
    d.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn set(d: &mut Dict, key: &[u8], value: Obj) {
    match d.iter_mut().find(|(k, _)| k == key) {
        Some((_, v)) => *v = value,
        None => d.push((key.to_vec(), value)),
    }
}

fn get_ref(d: &Dict, key: &[u8]) -> Result<u32, JoinError> {
    get_opt_ref(d, key)?.ok_or_else(|| {
        JoinError(format!(
            "missing reference {}",
            String::from_utf8_lossy(key)
        ))
    })
}

fn get_opt_ref(d: &Dict, key: &[u8]) -> Result<Option<u32>, JoinError> {
    match get(d, key) {
        None => Ok(None),
        Some(Obj::Ref(n)) => Ok(Some(*n)),
        Some(_) => refuse(format!(
            "{} is not a reference",
            String::from_utf8_lossy(key)
        )),
    }
}

fn name(o: Option<&Obj>) -> Option<&[u8]> {
    match o {
        Some(Obj::Name(n)) => Some(n),
        _ => None,
    }
}

impl Obj {
    fn renumbered(&self, map: &dyn Fn(u32) -> Result<u32, JoinError>) -> Result<Obj, JoinError> {
        self.renumbered_skipping(map, &[])
    }

    /// The object with its references renumbered; references to `dropped`
    /// objects are allowed only where the join sets the key anew
    /// (`/Parent` of pages and outline entries, `/P` of the top elements).
    fn renumbered_skipping(
        &self,
        map: &dyn Fn(u32) -> Result<u32, JoinError>,
        dropped: &[u32],
    ) -> Result<Obj, JoinError> {
        Ok(match self {
            Obj::Ref(n) => Obj::Ref(map(*n)?),
            Obj::Array(items) => Obj::Array(
                items
                    .iter()
                    .map(|i| i.renumbered_skipping(map, dropped))
                    .collect::<Result<_, _>>()?,
            ),
            Obj::Dict(d) => Obj::Dict(
                d.iter()
                    .map(|(k, v)| {
                        let value = match v {
                            Obj::Ref(n)
                                if dropped.contains(n)
                                    && matches!(k.as_slice(), b"Parent" | b"P") =>
                            {
                                Obj::Null
                            }
                            v => v.renumbered_skipping(map, dropped)?,
                        };
                        Ok((k.clone(), value))
                    })
                    .collect::<Result<_, JoinError>>()?,
            ),
            other => other.clone(),
        })
    }

    fn has_refs(&self) -> bool {
        match self {
            Obj::Ref(_) => true,
            Obj::Array(items) => items.iter().any(Obj::has_refs),
            Obj::Dict(d) => d.iter().any(|(_, v)| v.has_refs()),
            _ => false,
        }
    }

    fn write(&self, out: &mut Vec<u8>) {
        match self {
            Obj::Null => out.extend_from_slice(b"null"),
            Obj::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
            Obj::Int(i) => out.extend_from_slice(i.to_string().as_bytes()),
            Obj::Real(r) => out.extend_from_slice(r),
            Obj::Name(n) => {
                out.push(b'/');
                out.extend_from_slice(n);
            }
            Obj::Str(s) => out.extend_from_slice(s),
            Obj::Ref(n) => out.extend_from_slice(format!("{n} 0 R").as_bytes()),
            Obj::Array(items) => {
                out.push(b'[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(b' ');
                    }
                    item.write(out);
                }
                out.push(b']');
            }
            Obj::Dict(d) => {
                out.extend_from_slice(b"<<");
                for (k, v) in d {
                    out.push(b'/');
                    out.extend_from_slice(k);
                    out.push(b' ');
                    v.write(out);
                }
                out.extend_from_slice(b">>");
            }
        }
    }
}

/// A PDF text string: UTF-16BE with its byte order mark, in hexadecimal.
fn text_string(text: &str) -> Vec<u8> {
    let mut s = String::from("<FEFF");
    for unit in text.encode_utf16() {
        let _ = write!(s, "{unit:04X}");
    }
    s.push('>');
    s.into_bytes()
}

/// A byte string written as a literal string, escaped.
fn literal_string(bytes: &[u8]) -> Vec<u8> {
    let mut out = vec![b'('];
    for &b in bytes {
        match b {
            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', b]),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\n' => out.extend_from_slice(b"\\n"),
            _ => out.push(b),
        }
    }
    out.push(b')');
    out
}

/// The bytes of a string as written (`(…)` with escapes, or `<…>`).
fn decode_string(raw: &[u8]) -> Result<Vec<u8>, JoinError> {
    match raw.first() {
        Some(b'<') => {
            let digits: Vec<u8> = raw[1..raw.len() - 1]
                .iter()
                .copied()
                .filter(|b| !b.is_ascii_whitespace())
                .collect();
            let mut out = Vec::with_capacity(digits.len() / 2 + 1);
            for pair in digits.chunks(2) {
                let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
                let hi = hex(pair[0]).ok_or_else(|| JoinError("hex string".into()))?;
                let lo = match pair.get(1) {
                    Some(&b) => hex(b).ok_or_else(|| JoinError("hex string".into()))?,
                    None => 0,
                };
                out.push(hi << 4 | lo);
            }
            Ok(out)
        }
        Some(b'(') => {
            let body = &raw[1..raw.len() - 1];
            let mut out = Vec::with_capacity(body.len());
            let mut i = 0;
            while i < body.len() {
                let b = body[i];
                i += 1;
                if b != b'\\' {
                    out.push(b);
                    continue;
                }
                let Some(&e) = body.get(i) else { break };
                i += 1;
                match e {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(8),
                    b'f' => out.push(12),
                    b'0'..=b'7' => {
                        let mut v = (e - b'0') as u32;
                        for _ in 0..2 {
                            match body.get(i) {
                                Some(&d @ b'0'..=b'7') => {
                                    v = v * 8 + (d - b'0') as u32;
                                    i += 1;
                                }
                                _ => break,
                            }
                        }
                        out.push(v as u8);
                    }
                    b'\r' => {
                        if body.get(i) == Some(&b'\n') {
                            i += 1;
                        }
                    }
                    b'\n' => {}
                    other => out.push(other),
                }
            }
            Ok(out)
        }
        _ => refuse("not a string"),
    }
}

// ------------------------------------------------------------------ reading

/// An indirect object: its number, value and, for a stream, its bytes.
#[derive(Debug, Clone)]
struct Indirect {
    num: u32,
    value: Obj,
    stream: Option<Vec<u8>>,
}

/// A PDF as `typst-pdf` writes it: every object, the catalog, the
/// document information and the trailer.
struct File {
    objects: Vec<Indirect>,
    index: HashMap<u32, usize>,
    root: u32,
    info: Option<u32>,
    trailer: Dict,
}

impl File {
    fn parse(bytes: &[u8]) -> Result<File, JoinError> {
        let tail = &bytes[bytes.len().saturating_sub(64)..];
        let at = find(tail, b"startxref").ok_or_else(|| JoinError("no startxref".into()))?;
        let mut lexer = Lexer::new(&tail[at + b"startxref".len()..]);
        let Obj::Int(xref) = lexer.object()? else {
            return refuse("startxref offset");
        };
        let xref = usize::try_from(xref).map_err(|_| JoinError("startxref".into()))?;
        let mut lexer = Lexer::at(bytes, xref);
        if !lexer.keyword(b"xref") {
            return refuse("not a cross-reference table");
        }
        let mut offsets = Vec::new();
        loop {
            lexer.skip_ws();
            if lexer.keyword(b"trailer") {
                break;
            }
            let (Obj::Int(first), Obj::Int(count)) = (lexer.object()?, lexer.object()?) else {
                return refuse("cross-reference section");
            };
            for i in 0..count {
                lexer.skip_ws();
                let entry = lexer
                    .s
                    .get(lexer.i..lexer.i + 18)
                    .ok_or_else(|| JoinError("cross-reference entry".into()))?;
                if entry[17] == b'n' {
                    let offset: usize = std::str::from_utf8(&entry[..10])
                        .ok()
                        .and_then(|s| s.parse().ok())
                        .ok_or_else(|| JoinError("cross-reference offset".into()))?;
                    offsets.push(((first + i) as u32, offset));
                }
                lexer.i += 18;
            }
        }
        let Obj::Dict(trailer) = lexer.object()? else {
            return refuse("trailer");
        };
        let root = get_ref(&trailer, b"Root")?;
        let info = get_opt_ref(&trailer, b"Info")?;
        let mut objects = Vec::with_capacity(offsets.len());
        for (num, offset) in offsets {
            let mut lexer = Lexer::at(bytes, offset);
            let (Obj::Int(n), Obj::Int(_)) = (lexer.object()?, lexer.object()?) else {
                return refuse("object header");
            };
            if n != num as i64 || !lexer.keyword(b"obj") {
                return refuse("object header");
            }
            let value = lexer.object()?;
            lexer.skip_ws();
            let stream = if lexer.keyword(b"stream") {
                match lexer.s.get(lexer.i) {
                    Some(b'\r') if lexer.s.get(lexer.i + 1) == Some(&b'\n') => lexer.i += 2,
                    Some(b'\n') => lexer.i += 1,
                    _ => return refuse("stream start"),
                }
                let Obj::Dict(d) = &value else {
                    return refuse("stream dictionary");
                };
                let Some(Obj::Int(len)) = get(d, b"Length") else {
                    return refuse("stream length");
                };
                let len = usize::try_from(*len).map_err(|_| JoinError("stream length".into()))?;
                let data = lexer
                    .s
                    .get(lexer.i..lexer.i + len)
                    .ok_or_else(|| JoinError("stream beyond the file".into()))?;
                lexer.i += len;
                lexer.skip_ws();
                if !lexer.keyword(b"endstream") {
                    return refuse("stream end");
                }
                Some(data.to_vec())
            } else {
                None
            };
            lexer.skip_ws();
            if !lexer.keyword(b"endobj") {
                return refuse("object end");
            }
            objects.push(Indirect { num, value, stream });
        }
        let index = objects
            .iter()
            .enumerate()
            .map(|(i, o)| (o.num, i))
            .collect();
        Ok(File {
            objects,
            index,
            root,
            info,
            trailer,
        })
    }

    fn object(&self, num: u32) -> Result<&Indirect, JoinError> {
        self.index
            .get(&num)
            .map(|&i| &self.objects[i])
            .ok_or_else(|| JoinError(format!("no object {num}")))
    }

    fn dict(&self, num: u32) -> Result<&Dict, JoinError> {
        match &self.object(num)?.value {
            Obj::Dict(d) => Ok(d),
            _ => refuse(format!("object {num} is not a dictionary")),
        }
    }
}

struct Lexer<'a> {
    s: &'a [u8],
    i: usize,
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | 0 | 12)
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

impl<'a> Lexer<'a> {
    fn new(s: &'a [u8]) -> Self {
        Lexer { s, i: 0 }
    }

    fn at(s: &'a [u8], i: usize) -> Self {
        Lexer { s, i }
    }

    fn skip_ws(&mut self) {
        while let Some(&b) = self.s.get(self.i) {
            if is_white(b) {
                self.i += 1;
            } else if b == b'%' {
                while self
                    .s
                    .get(self.i)
                    .is_some_and(|&b| b != b'\n' && b != b'\r')
                {
                    self.i += 1;
                }
            } else {
                break;
            }
        }
    }

    /// Consumes a keyword if it is next.
    fn keyword(&mut self, word: &[u8]) -> bool {
        self.skip_ws();
        let end = self.i + word.len();
        let follows = self
            .s
            .get(end)
            .is_none_or(|&b| is_white(b) || is_delimiter(b));
        if self.s.get(self.i..end) == Some(word) && follows {
            self.i = end;
            true
        } else {
            false
        }
    }

    fn object(&mut self) -> Result<Obj, JoinError> {
        self.object_at(0)
    }

    fn object_at(&mut self, depth: usize) -> Result<Obj, JoinError> {
        if depth > 64 {
            return refuse("nesting");
        }
        self.skip_ws();
        let Some(&b) = self.s.get(self.i) else {
            return refuse("end of file");
        };
        match b {
            b'<' if self.s.get(self.i + 1) == Some(&b'<') => {
                self.i += 2;
                let mut dict = Vec::new();
                loop {
                    self.skip_ws();
                    if self.s.get(self.i..self.i + 2) == Some(b">>") {
                        self.i += 2;
                        return Ok(Obj::Dict(dict));
                    }
                    let Obj::Name(key) = self.object_at(depth + 1)? else {
                        return refuse("dictionary key");
                    };
                    let value = self.object_at(depth + 1)?;
                    dict.push((key, value));
                }
            }
            b'<' => {
                let start = self.i;
                let len = self.s[start..]
                    .iter()
                    .position(|&b| b == b'>')
                    .ok_or_else(|| JoinError("hex string".into()))?;
                self.i = start + len + 1;
                Ok(Obj::Str(self.s[start..self.i].to_vec()))
            }
            b'(' => {
                let start = self.i;
                let mut depth = 0usize;
                loop {
                    let Some(&c) = self.s.get(self.i) else {
                        return refuse("string");
                    };
                    self.i += 1;
                    match c {
                        b'\\' => self.i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                Ok(Obj::Str(self.s[start..self.i].to_vec()))
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_ws();
                    if self.s.get(self.i) == Some(&b']') {
                        self.i += 1;
                        return Ok(Obj::Array(items));
                    }
                    items.push(self.object_at(depth + 1)?);
                }
            }
            b'/' => {
                self.i += 1;
                let start = self.i;
                while self
                    .s
                    .get(self.i)
                    .is_some_and(|&b| !is_white(b) && !is_delimiter(b))
                {
                    self.i += 1;
                }
                Ok(Obj::Name(self.s[start..self.i].to_vec()))
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                let start = self.i;
                self.i += 1;
                while self
                    .s
                    .get(self.i)
                    .is_some_and(|&b| b.is_ascii_digit() || b == b'.')
                {
                    self.i += 1;
                }
                let token = &self.s[start..self.i];
                if token.contains(&b'.') {
                    return Ok(Obj::Real(token.to_vec()));
                }
                let value: i64 = std::str::from_utf8(token)
                    .ok()
                    .and_then(|t| t.parse().ok())
                    .ok_or_else(|| JoinError("number".into()))?;
                // «n g R»: a reference.
                let save = self.i;
                self.skip_ws();
                let gen_start = self.i;
                while self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
                    self.i += 1;
                }
                if self.i > gen_start && self.keyword(b"R") {
                    let num = u32::try_from(value).map_err(|_| JoinError("reference".into()))?;
                    return Ok(Obj::Ref(num));
                }
                self.i = save;
                Ok(Obj::Int(value))
            }
            _ => {
                if self.keyword(b"true") {
                    Ok(Obj::Bool(true))
                } else if self.keyword(b"false") {
                    Ok(Obj::Bool(false))
                } else if self.keyword(b"null") {
                    Ok(Obj::Null)
                } else {
                    refuse(format!("unexpected byte {b}"))
                }
            }
        }
    }
}

// ------------------------------------------------------------------ writing

fn write_file(objects: &[(u32, Obj, Option<Vec<u8>>)], size: u32, id: Option<Obj>) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\x80\x80\x80\x80\n\n".to_vec();
    let mut offsets = vec![None; size as usize];
    for (num, value, stream) in objects {
        offsets[*num as usize] = Some(out.len());
        out.extend_from_slice(format!("{num} 0 obj\n").as_bytes());
        value.write(&mut out);
        if let Some(data) = stream {
            out.extend_from_slice(b"\nstream\n");
            out.extend_from_slice(data);
            out.extend_from_slice(b"\nendstream");
        }
        out.extend_from_slice(b"\nendobj\n\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {size}\n").as_bytes());
    for offset in &offsets {
        match offset {
            Some(o) => out.extend_from_slice(format!("{o:010} 00000 n\r\n").as_bytes()),
            None => out.extend_from_slice(b"0000000000 65535 f\r\n"),
        }
    }
    let mut trailer: Dict = vec![
        (b"Size".to_vec(), Obj::Int(size as i64)),
        (b"Root".to_vec(), Obj::Ref(1)),
        (b"Info".to_vec(), Obj::Ref(6)),
    ];
    if let Some(id) = id {
        trailer.push((b"ID".to_vec(), id));
    }
    out.extend_from_slice(b"trailer\n");
    Obj::Dict(trailer).write(&mut out);
    out.extend_from_slice(format!("\nstartxref\n{xref}\n%%EOF").as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_read_and_write_back() {
        let text = b"<</Type/Page/A[<</O/Table/Headers[(U1x0y0)]>>]/T<FEFF0041>/N 1.5/R 12 0 R/K[3 4 5 0 R]/L(a\\)b(c))>>";
        let obj = Lexer::new(text).object().unwrap();
        let Obj::Dict(d) = &obj else { panic!() };
        assert_eq!(get(d, b"R"), Some(&Obj::Ref(12)));
        assert_eq!(
            get(d, b"K"),
            Some(&Obj::Array(vec![Obj::Int(3), Obj::Int(4), Obj::Ref(5)]))
        );
        assert_eq!(get(d, b"L"), Some(&Obj::Str(b"(a\\)b(c))".to_vec())));
        let mut out = Vec::new();
        obj.write(&mut out);
        assert_eq!(Lexer::new(&out).object().unwrap(), obj);
    }

    #[test]
    fn strings_decode_and_escape() {
        assert_eq!(
            decode_string(b"<FEFF0041>").unwrap(),
            vec![0xfe, 0xff, 0, 0x41]
        );
        assert_eq!(
            decode_string(b"(a\\(b\\051\\\\)").unwrap(),
            b"a(b)\\".to_vec()
        );
        assert_eq!(literal_string(b"a(b)"), b"(a\\(b\\))".to_vec());
        assert_eq!(text_string("Ая"), b"<FEFF0410044F>".to_vec());
    }

    #[test]
    fn the_page_count_of_the_xmp_is_set() {
        let packet = b"<x><xmpTPg:NPages>1</xmpTPg:NPages></x>";
        assert_eq!(
            set_page_count(packet, 59).unwrap(),
            b"<x><xmpTPg:NPages>59</xmpTPg:NPages></x>".to_vec()
        );
    }

    /// A PDF text string's text.
    fn text_of(raw: &[u8]) -> String {
        let bytes = decode_string(raw).unwrap();
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|p| u16::from_be_bytes([p[0], p[1]]))
            .collect();
        String::from_utf16(&units).unwrap()
    }

    fn refs(o: &Obj, out: &mut Vec<u32>) {
        match o {
            Obj::Ref(n) => out.push(*n),
            Obj::Array(items) => items.iter().for_each(|i| refs(i, out)),
            Obj::Dict(d) => d.iter().for_each(|(_, v)| refs(v, out)),
            _ => {}
        }
    }

    fn array<'a>(d: &'a Dict, key: &[u8]) -> &'a [Obj] {
        match get(d, key) {
            Some(Obj::Array(items)) => items,
            other => panic!("{}: {other:?}", String::from_utf8_lossy(key)),
        }
    }

    /// A school with tables in several documents (their header cells have
    /// identifiers), joined: one page tree, outline and structure tree, every
    /// reference resolved, every key and identifier once, the bundle's
    /// metadata; and the same bytes every time.
    #[test]
    fn a_joined_bundle_ties_its_documents_into_one_file() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../samples/sosh19-2021.yaml"
        );
        let org = nastavnik_core::from_path(path.as_ref()).unwrap();
        let renderer = crate::Renderer::new();
        let (docs, _) = crate::bundle::documents(&renderer, &org, &[]).unwrap();
        let laid = crate::bundle::pdfs(&renderer, "МБОУ СОШ № 19", &docs).unwrap();
        assert_eq!(
            crate::bundle::pdfs(&renderer, "МБОУ СОШ № 19", &docs)
                .unwrap()
                .bundle
                .bytes,
            laid.bundle.bytes,
            "the same bytes every time"
        );
        let file = File::parse(&laid.bundle.bytes).expect("a joined bundle, not written anew");
        // Written by the join: the bundle's objects come first.
        assert_eq!(file.root, 1);
        for object in &file.objects {
            let mut to = Vec::new();
            refs(&object.value, &mut to);
            for n in to {
                assert!(
                    file.index.contains_key(&n),
                    "object {} points at {n}",
                    object.num
                );
            }
        }
        let catalog = file.dict(file.root).unwrap();

        // Pages: every document's, in order.
        let pages = file.dict(get_ref(catalog, b"Pages").unwrap()).unwrap();
        let kids = array(pages, b"Kids");
        let total: usize = laid.documents.iter().map(|d| d.pages).sum();
        assert_eq!(kids.len(), total);
        assert_eq!(get(pages, b"Count"), Some(&Obj::Int(total as i64)));
        assert_eq!(laid.bundle.pages, total);

        // The outline: an entry per document, titled as it, at its first page.
        let outlines = file.dict(get_ref(catalog, b"Outlines").unwrap()).unwrap();
        let mut entry = get_opt_ref(outlines, b"First").unwrap();
        let mut first_page = 0;
        for ((kind, _), pdf) in docs.iter().zip(&laid.documents) {
            let e = file.dict(entry.expect("an entry per document")).unwrap();
            let Some(Obj::Str(title)) = get(e, b"Title") else {
                panic!()
            };
            assert_eq!(text_of(title), super::super::typeset_text(kind.title()));
            assert_eq!(array(e, b"Dest")[0], kids[first_page]);
            first_page += pdf.pages;
            entry = get_opt_ref(e, b"Next").unwrap();
        }
        assert_eq!(entry, None);

        // The structure tree: a document of parts, keys and identifiers once.
        let root = file
            .dict(get_ref(catalog, b"StructTreeRoot").unwrap())
            .unwrap();
        let [Obj::Ref(document)] = array(root, b"K") else {
            panic!()
        };
        let parts = array(file.dict(*document).unwrap(), b"K");
        assert_eq!(parts.len(), docs.len());
        for part in parts {
            let Obj::Ref(p) = part else { panic!() };
            let p = file.dict(*p).unwrap();
            assert_eq!(name(get(p, b"S")), Some(b"Part".as_slice()));
            assert_eq!(get(p, b"P"), Some(&Obj::Ref(*document)));
        }
        let Some(Obj::Dict(tree)) = get(root, b"ParentTree") else {
            panic!()
        };
        let nums = array(tree, b"Nums");
        let keys: Vec<i64> = nums
            .chunks(2)
            .map(|p| match p[0] {
                Obj::Int(k) => k,
                _ => panic!(),
            })
            .collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "keys once, in order");
        assert_eq!(
            get(root, b"ParentTreeNextKey"),
            Some(&Obj::Int(keys[keys.len() - 1] + 1))
        );
        for kid in kids {
            let Obj::Ref(page) = kid else { panic!() };
            let Some(Obj::Int(k)) = get(file.dict(*page).unwrap(), b"StructParents") else {
                panic!()
            };
            assert!(keys.contains(k), "page {page}: key {k}");
        }
        let Some(Obj::Dict(ids)) = get(root, b"IDTree") else {
            panic!("tables have header identifiers")
        };
        let ids: Vec<Vec<u8>> = array(ids, b"Names")
            .chunks(2)
            .map(|p| match &p[0] {
                Obj::Str(s) => decode_string(s).unwrap(),
                _ => panic!(),
            })
            .collect();
        assert!(
            ids.windows(2).all(|w| w[0] < w[1]),
            "identifiers once, in order"
        );
        let tables_in = ids
            .iter()
            .map(|id| id.split(|&b| b == b'-').next().unwrap().to_vec())
            .collect::<std::collections::BTreeSet<_>>();
        assert!(tables_in.len() > 1, "tables of several documents");
        let mut headers = 0;
        for object in &file.objects {
            fn each_header(o: &Obj, f: &mut dyn FnMut(&[u8])) {
                match o {
                    Obj::Dict(d) => {
                        for (k, v) in d {
                            match (k.as_slice(), v) {
                                (b"Headers" | b"ID", Obj::Array(items)) => {
                                    items.iter().for_each(|i| {
                                        if let Obj::Str(s) = i {
                                            f(s)
                                        }
                                    })
                                }
                                (b"ID", Obj::Str(s)) => f(s),
                                _ => each_header(v, f),
                            }
                        }
                    }
                    Obj::Array(items) => items.iter().for_each(|i| each_header(i, f)),
                    _ => {}
                }
            }
            each_header(&object.value, &mut |s| {
                headers += 1;
                assert!(
                    ids.contains(&decode_string(s).unwrap()),
                    "{}",
                    String::from_utf8_lossy(s)
                );
            });
        }
        assert!(headers > ids.len());

        // The bundle's metadata.
        let info = file.dict(file.info.unwrap()).unwrap();
        let Some(Obj::Str(title)) = get(info, b"Title") else {
            panic!()
        };
        assert_eq!(text_of(title).replace('\u{a0}', " "), "МБОУ СОШ № 19");
        let xmp = file.object(get_ref(catalog, b"Metadata").unwrap()).unwrap();
        let packet = String::from_utf8(xmp.stream.clone().unwrap()).unwrap();
        assert!(packet.contains(&format!("<xmpTPg:NPages>{total}</xmpTPg:NPages>")));
    }

    #[test]
    fn what_is_not_a_pdf_is_refused() {
        assert!(File::parse(b"%PDF-1.7\nnothing here").is_err());
        assert!(join(
            &[JoinPart {
                pdf: b"x",
                title: "t"
            }],
            b"y"
        )
        .is_err());
        assert!(join(&[], b"y").is_err());
    }
}
