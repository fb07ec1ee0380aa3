//! The join's tests: PDF syntax read and written back, hand-made PDFs
//! joined and refused, and a real school's bundle tied into one file.

use super::syntax::*;
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
                            (b"Headers" | b"ID", Obj::Array(items)) => items.iter().for_each(|i| {
                                if let Obj::Str(s) = i {
                                    f(s)
                                }
                            }),
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
    let packet = String::from_utf8(xmp.stream.unwrap().to_vec()).unwrap();
    assert!(packet.contains(&format!("<xmpTPg:NPages>{total}</xmpTPg:NPages>")));
}

/// A PDF of the given objects (`n` → its dictionary), its catalog 1 and
/// information 5, written by the join's own writer.
fn pdf_of(objects: &[(u32, &str)]) -> Vec<u8> {
    let written: Vec<Written<'_>> = objects
        .iter()
        .map(|(num, text)| {
            let (dict, stream) = match text.split_once(" stream ") {
                Some((d, s)) => (d, Some(Cow::Owned(s.as_bytes().to_vec()))),
                None => (*text, None),
            };
            Written {
                num: *num,
                value: Lexer::new(dict.as_bytes()).object().unwrap(),
                stream,
            }
        })
        .collect();
    write_file(
        &written,
        vec![
            (b"Root".to_vec(), Obj::Ref(1)),
            (b"Info".to_vec(), Obj::Ref(5)),
        ],
    )
}

const XMP_PACKET: &str = "<xmpTPg:NPages>1</xmpTPg:NPages>";

/// An XMP stream object holding [`XMP_PACKET`], for [`pdf_of`].
fn xmp_object() -> String {
    format!(
        "<</Type/Metadata/Subtype/XML/Length {}>> stream {XMP_PACKET}",
        XMP_PACKET.len()
    )
}

/// The same PDF as two documents of a bundle.
fn twice(pdf: &[u8]) -> [JoinPart<'_>; 2] {
    [
        JoinPart {
            pdf,
            title: "Первый",
        },
        JoinPart {
            pdf,
            title: "Второй",
        },
    ]
}

/// Untagged one-page PDFs join into one of two pages, each document an
/// outline entry; a page tree with a level between it and its pages
/// (which `typst-pdf` does not write) is refused, so that the bundle is
/// then written from the layout.
#[test]
fn pdfs_join_and_a_shape_not_understood_is_refused() {
    let metadata = xmp_object();
    let flat = pdf_of(&[
        (
            1,
            "<</Type/Catalog/Pages 2 0 R/Metadata 6 0 R/Lang(ru-RU)>>",
        ),
        (2, "<</Type/Pages/Count 1/Kids[3 0 R]>>"),
        (
            3,
            "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595.28 841.89]/Contents 4 0 R>>",
        ),
        (4, "<</Length 3>> stream q Q"),
        (5, "<</Title<FEFF0410>/Creator(nastavnik)>>"),
        (6, &metadata),
    ]);
    let parts = twice(&flat);
    let joined = join(&parts, &flat).unwrap();
    let file = File::parse(&joined).unwrap();
    let catalog = file.dict(file.root).unwrap();
    let pages = file.dict(get_ref(catalog, b"Pages").unwrap()).unwrap();
    assert_eq!(array(pages, b"Kids").len(), 2);
    let outlines = file.dict(get_ref(catalog, b"Outlines").unwrap()).unwrap();
    let first = file.dict(get_ref(outlines, b"First").unwrap()).unwrap();
    let Some(Obj::Str(title)) = get(first, b"Title") else {
        panic!()
    };
    assert_eq!(text_of(title), "Первый");
    assert_eq!(
        get(catalog, b"StructTreeRoot"),
        None,
        "untagged stays untagged"
    );
    let xmp = file.object(get_ref(catalog, b"Metadata").unwrap()).unwrap();
    assert_eq!(xmp.stream.unwrap(), b"<xmpTPg:NPages>2</xmpTPg:NPages>");
    for object in &file.objects {
        if let Some(data) = object.stream {
            assert!(
                data == b"q Q" || data.starts_with(b"<xmp"),
                "streams as they were"
            );
        }
    }

    let nested = pdf_of(&[
        (
            1,
            "<</Type/Catalog/Pages 2 0 R/Metadata 6 0 R/Lang(ru-RU)>>",
        ),
        (2, "<</Type/Pages/Count 1/Kids[7 0 R]>>"),
        (7, "<</Type/Pages/Count 1/Parent 2 0 R/Kids[3 0 R]>>"),
        (3, "<</Type/Page/Parent 7 0 R/MediaBox[0 0 595.28 841.89]>>"),
        (5, "<</Title<FEFF0410>>>"),
        (6, &metadata),
    ]);
    let labelled = pdf_of(&[
        (
            1,
            "<</Type/Catalog/Pages 2 0 R/Metadata 6 0 R/Lang(ru-RU)/PageLabels<</Nums[0<</S/D>>]>>>>",
        ),
        (2, "<</Type/Pages/Count 1/Kids[3 0 R]>>"),
        (3, "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595.28 841.89]>>"),
        (5, "<</Title<FEFF0410>>>"),
        (6, &metadata),
    ]);
    for (pdf, title, refused) in [
        (&nested, "Вложенный", "nested page tree"),
        (&labelled, "С метками страниц", "catalog entry PageLabels"),
    ] {
        let parts = [JoinPart { pdf, title }];
        assert_eq!(join(&parts, &flat), Err(JoinError(refused.into())));
    }
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

/// What the bundle would lose or get wrong is refused (the bundle is then
/// written from the layout): attributes the pages inherit from the page tree
/// root, structure-tree entries it does not make anew, a document in another
/// language, an object number used twice, keys that overflow. A tagged
/// document's keys move past the previous one's, also in an annotation
/// written inside its page.
#[test]
fn what_the_bundle_would_lose_is_refused() {
    let metadata = xmp_object();
    let catalog = "<</Type/Catalog/Pages 2 0 R/Metadata 6 0 R/Lang(ru-RU)/StructTreeRoot 7 0 R>>";
    let page = "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595.28 841.89]/StructParents 0/Annots[<</Type/Annot/Subtype/Link/Rect[0 0 1 1]/StructParent 1>>]>>";
    let root = "<</Type/StructTreeRoot/K[8 0 R]/ParentTree<</Nums[0[8 0 R] 1 8 0 R]>>/ParentTreeNextKey 2>>";
    let tagged = |catalog: &str, pages: &str, page: &str, root: &str| {
        pdf_of(&[
            (1, catalog),
            (2, pages),
            (3, page),
            (5, "<</Title<FEFF0410>>>"),
            (6, &metadata),
            (7, root),
            (8, "<</Type/StructElem/S/Document/P 7 0 R/K[0]/Pg 3 0 R>>"),
        ])
    };
    let pages = "<</Type/Pages/Count 1/Kids[3 0 R]>>";
    let good = tagged(catalog, pages, page, root);
    let parts = twice(&good);
    let joined = join(&parts, &good).unwrap();
    let file = File::parse(&joined).unwrap();
    let mut keys = Vec::new();
    for object in &file.objects {
        let Obj::Dict(d) = &object.value else {
            continue;
        };
        if name(get(d, b"Type")) == Some(b"Page".as_slice()) {
            let Some(Obj::Int(k)) = get(d, b"StructParents") else {
                panic!()
            };
            let Obj::Dict(annot) = &array(d, b"Annots")[0] else {
                panic!()
            };
            let Some(Obj::Int(a)) = get(annot, b"StructParent") else {
                panic!()
            };
            keys.push((*k, *a));
        }
    }
    assert_eq!(
        keys,
        [(0, 1), (2, 3)],
        "the second document's keys follow the first's"
    );

    let refused = |pdf: Vec<u8>| {
        join(
            &[JoinPart {
                pdf: &pdf,
                title: "Т",
            }],
            &good,
        )
        .unwrap_err()
        .0
    };
    assert_eq!(
        refused(tagged(
            catalog,
            "<</Type/Pages/Count 1/Kids[3 0 R]/Rotate 90>>",
            page,
            root
        )),
        "page tree entry Rotate"
    );
    assert_eq!(
        refused(tagged(
            catalog,
            pages,
            page,
            "<</Type/StructTreeRoot/K[8 0 R]/ParentTree<</Nums[]>>/ClassMap<<>>>>"
        )),
        "structure tree entry ClassMap"
    );
    assert_eq!(
        refused(tagged(
            &catalog.replace("ru-RU", "en-US"),
            pages,
            page,
            root
        )),
        "a document in another language"
    );
    assert_eq!(
        refused(tagged(
            catalog,
            pages,
            page,
            "<</Type/StructTreeRoot/K[8 0 R]/ParentTree<</Nums[9223372036854775807[8 0 R]]>>>>"
        )),
        "parent tree key"
    );
    let mut twice = good.clone();
    let xref = syntax::find(&twice, b"xref\n0 9\n").unwrap() + b"xref\n0 9\n".len();
    // A second subsection listing object 3 again.
    let entry3 = twice[xref + 3 * 20..xref + 4 * 20].to_vec();
    let trailer = syntax::find(&twice, b"trailer").unwrap();
    twice.splice(trailer..trailer, [b"3 1\n".as_slice(), &entry3].concat());
    assert_eq!(
        File::parse(&twice).err(),
        Some(JoinError("an object number used twice".into()))
    );
}
