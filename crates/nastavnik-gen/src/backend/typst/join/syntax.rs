//! PDF syntax as `typst-pdf` writes it, as far as joining needs: objects
//! read from a classic cross-reference table and written back.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::{refuse, JoinError};

pub(super) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

// ------------------------------------------------------------------ objects

/// A PDF object, as far as joining needs: strings keep their written form.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Obj {
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

pub(super) type Dict = Vec<(Vec<u8>, Obj)>;

pub(super) fn get<'a>(d: &'a Dict, key: &[u8]) -> Option<&'a Obj> {
    d.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

pub(super) fn set(d: &mut Dict, key: &[u8], value: Obj) {
    match d.iter_mut().find(|(k, _)| k == key) {
        Some((_, v)) => *v = value,
        None => d.push((key.to_vec(), value)),
    }
}

pub(super) fn get_ref(d: &Dict, key: &[u8]) -> Result<u32, JoinError> {
    get_opt_ref(d, key)?.ok_or_else(|| {
        JoinError(format!(
            "missing reference {}",
            String::from_utf8_lossy(key)
        ))
    })
}

pub(super) fn get_opt_ref(d: &Dict, key: &[u8]) -> Result<Option<u32>, JoinError> {
    match get(d, key) {
        None => Ok(None),
        Some(Obj::Ref(n)) => Ok(Some(*n)),
        Some(_) => refuse(format!(
            "{} is not a reference",
            String::from_utf8_lossy(key)
        )),
    }
}

pub(super) fn name(o: Option<&Obj>) -> Option<&[u8]> {
    match o {
        Some(Obj::Name(n)) => Some(n),
        _ => None,
    }
}

impl Obj {
    pub fn renumbered(
        &self,
        map: &dyn Fn(u32) -> Result<u32, JoinError>,
    ) -> Result<Obj, JoinError> {
        self.renumbered_skipping(map, &[])
    }

    /// The object with its references renumbered; references to `dropped`
    /// objects are allowed only where the join sets the key anew
    /// (`/Parent` of pages and outline entries, `/P` of the top elements).
    pub fn renumbered_skipping(
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

    pub fn has_refs(&self) -> bool {
        match self {
            Obj::Ref(_) => true,
            Obj::Array(items) => items.iter().any(Obj::has_refs),
            Obj::Dict(d) => d.iter().any(|(_, v)| v.has_refs()),
            _ => false,
        }
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        match self {
            Obj::Null => out.extend_from_slice(b"null"),
            Obj::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
            Obj::Int(i) => {
                let _ = write!(Bytes(out), "{i}");
            }
            Obj::Real(r) => out.extend_from_slice(r),
            Obj::Name(n) => {
                out.push(b'/');
                out.extend_from_slice(n);
            }
            Obj::Str(s) => out.extend_from_slice(s),
            Obj::Ref(n) => {
                let _ = write!(Bytes(out), "{n} 0 R");
            }
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

/// An object to write: its number, value and stream bytes.
pub(super) struct Written<'a> {
    pub num: u32,
    pub value: Obj,
    pub stream: Option<std::borrow::Cow<'a, [u8]>>,
}

/// A PDF text string: UTF-16BE with its byte order mark, in hexadecimal.
pub(super) fn text_string(text: &str) -> Vec<u8> {
    let mut s = String::from("<FEFF");
    for unit in text.encode_utf16() {
        let _ = write!(s, "{unit:04X}");
    }
    s.push('>');
    s.into_bytes()
}

/// A byte string written as a literal string, escaped.
pub(super) fn literal_string(bytes: &[u8]) -> Vec<u8> {
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
pub(super) fn decode_string(raw: &[u8]) -> Result<Vec<u8>, JoinError> {
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
pub(super) struct Indirect<'a> {
    pub num: u32,
    pub value: Obj,
    /// A stream's bytes, as written (still compressed).
    pub stream: Option<&'a [u8]>,
}

/// A PDF as `typst-pdf` writes it: every object, the catalog, the
/// document information and the trailer.
pub(super) struct File<'a> {
    pub objects: Vec<Indirect<'a>>,
    pub index: HashMap<u32, usize>,
    /// The catalog.
    pub root: u32,
    /// The document information.
    pub info: Option<u32>,
    pub trailer: Dict,
}

impl<'a> File<'a> {
    pub fn parse(bytes: &'a [u8]) -> Result<File<'a>, JoinError> {
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
                    let num = first
                        .checked_add(i)
                        .and_then(|n| u32::try_from(n).ok())
                        .ok_or_else(|| JoinError("cross-reference number".into()))?;
                    offsets.push((num, offset));
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
                Some(data)
            } else {
                None
            };
            lexer.skip_ws();
            if !lexer.keyword(b"endobj") {
                return refuse("object end");
            }
            objects.push(Indirect { num, value, stream });
        }
        let index: HashMap<u32, usize> = objects
            .iter()
            .enumerate()
            .map(|(i, o)| (o.num, i))
            .collect();
        if index.len() != objects.len() {
            return refuse("an object number used twice");
        }
        Ok(File {
            objects,
            index,
            root,
            info,
            trailer,
        })
    }

    pub fn object(&self, num: u32) -> Result<&Indirect<'a>, JoinError> {
        self.index
            .get(&num)
            .map(|&i| &self.objects[i])
            .ok_or_else(|| JoinError(format!("no object {num}")))
    }

    pub fn dict(&self, num: u32) -> Result<&Dict, JoinError> {
        match &self.object(num)?.value {
            Obj::Dict(d) => Ok(d),
            _ => refuse(format!("object {num} is not a dictionary")),
        }
    }
}

pub(super) struct Lexer<'a> {
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
    pub fn new(s: &'a [u8]) -> Self {
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

    pub fn object(&mut self) -> Result<Obj, JoinError> {
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

/// A whole PDF: the objects (in order of their numbers), a cross-reference
/// table with a free entry for every number not used, and a trailer with
/// `/Size` and the entries given (`/Root`, `/Info`, `/ID`).
pub(super) fn write_file(objects: &[Written<'_>], trailer: Dict) -> Vec<u8> {
    let size = objects.iter().map(|o| o.num + 1).max().unwrap_or(1);
    let mut out = b"%PDF-1.7\n%\x80\x80\x80\x80\n\n".to_vec();
    let mut offsets = vec![None; size as usize];
    for Written { num, value, stream } in objects {
        offsets[*num as usize] = Some(out.len());
        let _ = writeln!(Bytes(&mut out), "{num} 0 obj");
        value.write(&mut out);
        if let Some(data) = stream {
            out.extend_from_slice(b"\nstream\n");
            out.extend_from_slice(data);
            out.extend_from_slice(b"\nendstream");
        }
        out.extend_from_slice(b"\nendobj\n\n");
    }
    let xref = out.len();
    let _ = write!(Bytes(&mut out), "xref\n0 {size}\n");
    for offset in &offsets {
        match offset {
            Some(o) => {
                let _ = write!(Bytes(&mut out), "{o:010} 00000 n\r\n");
            }
            None => out.extend_from_slice(b"0000000000 65535 f\r\n"),
        }
    }
    let mut entries: Dict = vec![(b"Size".to_vec(), Obj::Int(size as i64))];
    entries.extend(trailer);
    out.extend_from_slice(b"trailer\n");
    Obj::Dict(entries).write(&mut out);
    let _ = write!(Bytes(&mut out), "\nstartxref\n{xref}\n%%EOF");
    out
}

/// Formatted text into a byte buffer.
struct Bytes<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for Bytes<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}
