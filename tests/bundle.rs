//! `nastavnik bundle`: a folder per organisation with every public document,
//! a merged PDF with bookmarks, a manifest; failures isolated; shards stable;
//! PDF/A on request; the same bytes every time.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::*;

fn bundle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nastavnik"))
        .arg("bundle")
        .args(args)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file under `dir` with its bytes, by relative path.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.insert(
                    path.strip_prefix(root).unwrap().to_path_buf(),
                    std::fs::read(&path).unwrap(),
                );
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn folder_of(out: &Path, stem: &str) -> PathBuf {
    std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().ends_with(stem))
        .unwrap_or_else(|| panic!("no folder for {stem}"))
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The YAML files under `samples/`, at any depth: one organisation each.
fn sample_files() -> usize {
    fn walk(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                if p.is_dir() {
                    walk(&p)
                } else {
                    usize::from(p.extension().is_some_and(|e| e == "yaml"))
                }
            })
            .sum()
    }
    walk(&root().join("samples"))
}

#[test]
fn a_bundle_per_school_with_manifest_and_bookmarks_the_same_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    let samples = root().join("samples");
    // Two runs, on one worker and on two: the same bytes.
    for (out, jobs) in [(&a, "1"), (&b, "2")] {
        let o = bundle(&[
            samples.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
            "--format",
            "pdf,docx",
            "--jobs",
            jobs,
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        let n = sample_files();
        assert!(
            stderr(&o).contains(&format!("организаций: {n}, готово: {n}, с ошибками: 0")),
            "{}",
            stderr(&o)
        );
    }
    let (ta, tb) = (tree(&a), tree(&b));
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
    for (path, bytes) in &ta {
        assert!(
            bytes == &tb[path],
            "{} differs between a run on one worker and one on two",
            path.display()
        );
    }

    let school = folder_of(&a, "school9-2020");
    for kind in nastavnik_gen::DocumentKind::ALL
        .into_iter()
        .filter(|k| k.is_public() && k.fits(nastavnik_core::OrganizationKind::School))
    {
        if matches!(
            kind,
            nastavnik_gen::DocumentKind::ReportInterim
                | nastavnik_gen::DocumentKind::ReportFinal
                // its положение is annex 2 of the order on implementation
                | nastavnik_gen::DocumentKind::OrderProvision
        ) || kind.id().starts_with("teachers-")
        {
            continue; // school 9 has no report data: skipped, and said so in the manifest
        }
        for ext in ["pdf", "docx"] {
            assert!(
                school.join(format!("{}.{ext}", kind.id())).exists(),
                "{} {ext}",
                kind.id()
            );
        }
    }
    assert!(
        !school.join("mentor-base.pdf").exists() && !school.join("mentee-base.pdf").exists(),
        "bases only by name"
    );

    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(school.join("manifest.json")).unwrap()).unwrap();
    let files = manifest["files"].as_array().unwrap();
    let mut pages_of_documents = 0;
    for f in files {
        let name = f["file"].as_str().unwrap();
        let bytes = std::fs::read(school.join(name)).unwrap();
        assert_eq!(f["sha256"].as_str().unwrap(), sha256_hex(&bytes), "{name}");
        if name.ends_with(".pdf") {
            let pages = f["pages"].as_u64().unwrap() as usize;
            if let Some(counted) = pdf_pages(&bytes) {
                assert_eq!(pages, counted, "{name}");
            }
            if name != "bundle.pdf" {
                pages_of_documents += pages;
            }
        }
    }
    let skipped: Vec<&str> = manifest["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        skipped,
        ["order-provision", "report-interim", "report-final"]
    );
    let bundle_pdf = std::fs::read(school.join("bundle.pdf")).unwrap();
    if let Some(pages) = pdf_pages(&bundle_pdf) {
        assert_eq!(
            pages, pages_of_documents,
            "the bundle is all the documents' pages"
        );
    }
    // One bookmark per document, in order.
    if tool_available("pdftohtml", "poppler-utils") {
        let path = school.join("bundle.pdf");
        let o = Command::new("pdftohtml")
            .args(["-i", "-xml", "-stdout"])
            .arg(&path)
            .output()
            .unwrap();
        let xml = String::from_utf8_lossy(&o.stdout);
        // Top-level items: each document's own headings nest below its bookmark.
        let mut depth = 0;
        let mut items = 0;
        let mut rest = xml.as_ref();
        while let Some(i) = rest.find('<') {
            rest = &rest[i..];
            if rest.starts_with("<outline>") {
                depth += 1;
            } else if rest.starts_with("</outline>") {
                depth -= 1;
            } else if rest.starts_with("<item ") && depth == 1 {
                items += 1;
            }
            rest = &rest[1..];
        }
        assert_eq!(
            items,
            files
                .iter()
                .filter(|f| f["file"].as_str().unwrap().ends_with(".pdf"))
                .count()
                - 1,
            "{xml}"
        );
        assert!(xml.contains("Положение о программе наставничества"));
    }
}

#[test]
fn bases_come_only_when_named() {
    let dir = tempfile::tempdir().unwrap();
    let sample = root().join("samples/school9-2020.yaml");
    let o = bundle(&[
        sample.to_str().unwrap(),
        "--output",
        dir.path().to_str().unwrap(),
        "--include",
        "mentor-base,mentee-base",
        "--quiet",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).is_empty(),
        "--quiet says nothing: {}",
        stderr(&o)
    );
    let school = folder_of(dir.path(), "school9-2020");
    assert!(school.join("mentor-base.pdf").exists() && school.join("mentee-base.pdf").exists());
}

#[test]
fn a_broken_school_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::copy(
        root().join("samples/sharya-2020.yaml"),
        inputs.join("a-sharya.yaml"),
    )
    .unwrap();
    std::fs::write(
        inputs.join("b-broken.yaml"),
        "kind: school\nname: Школа\nhead:\n\tsurname: Иванов\n",
    )
    .unwrap();
    std::fs::copy(
        root().join("samples/terengul-lyceum-2023.yaml"),
        inputs.join("c-terengul.yaml"),
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = bundle(&[
        inputs.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--jobs",
        "2",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("организаций: 3, готово: 2, с ошибками: 1"),
        "{err}"
    );
    assert!(err.contains("b-broken.yaml:4:1: ошибка: поле «head»: ошибка синтаксиса YAML: в отступе стоит символ табуляции"), "{err}");
    assert!(folder_of(&out, "a-sharya").join("bundle.pdf").exists());
    assert!(folder_of(&out, "c-terengul").join("bundle.pdf").exists());
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        2,
        "nothing written for the broken school"
    );
}

#[test]
fn shards_split_the_inputs_stably() {
    let samples = root().join("samples");
    let mut seen = Vec::new();
    for shard in ["1/2", "2/2"] {
        let dir = tempfile::tempdir().unwrap();
        let o = bundle(&[
            samples.to_str().unwrap(),
            "--output",
            dir.path().to_str().unwrap(),
            "--shard",
            shard,
            "--quiet",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(!names.is_empty());
        seen.extend(names);
    }
    seen.sort();
    let before = seen.len();
    seen.dedup();
    assert_eq!(before, seen.len(), "shards do not overlap");
    assert_eq!(
        seen.len(),
        sample_files(),
        "together they cover every sample"
    );
    let o = bundle(&[
        samples.to_str().unwrap(),
        "--output",
        "/tmp/x",
        "--shard",
        "3/2",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn pdf_a_bundles_pass_typst_checks() {
    let dir = tempfile::tempdir().unwrap();
    let sample = root().join("samples/school9-2020.yaml");
    let o = bundle(&[
        sample.to_str().unwrap(),
        "--output",
        dir.path().to_str().unwrap(),
        "--pdf-standard",
        "a-2b",
        "--quiet",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = std::fs::read(folder_of(dir.path(), "school9-2020").join("bundle.pdf")).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    assert!(
        text.contains("pdfaid:part") && text.contains("pdfaid:conformance"),
        "XMP names the PDF/A level"
    );
    let o = bundle(&[
        sample.to_str().unwrap(),
        "--output",
        dir.path().to_str().unwrap(),
        "--pdf-standard",
        "a-9z",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

/// Two files of the same name in two folders are two schools in two folders;
/// a re-run that no longer includes the bases takes them away; a link out of
/// the input tree is skipped without naming its target.
#[test]
fn no_school_is_lost_no_stale_personal_data_stays_nothing_outside_is_read() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let sample = std::fs::read_to_string(root().join("samples/school9-2020.yaml")).unwrap();
    for sub in ["a", "b"] {
        std::fs::create_dir(input.path().join(sub)).unwrap();
        std::fs::write(input.path().join(sub).join("sosh1.yaml"), &sample).unwrap();
    }
    let secret = tempfile::tempdir().unwrap();
    std::fs::write(secret.path().join("token.yaml"), "token: SECRET-42\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        secret.path().join("token.yaml"),
        input.path().join("link.yaml"),
    )
    .unwrap();
    let args = |include: bool| {
        let mut a = vec![
            input.path().to_str().unwrap().to_string(),
            "--output".into(),
            out.path().to_str().unwrap().to_string(),
            "--quiet".into(),
        ];
        if include {
            a.extend(["--include".into(), "mentee-base".into()]);
        }
        a
    };
    let run = |include: bool| {
        let a = args(include);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        bundle(&a)
    };
    let o = run(true);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("SECRET"), "{}", stderr(&o));
    let mut folders: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    assert_eq!(folders.len(), 2, "{folders:?}");
    assert!(
        folders[0].ends_with("-a-sosh1") && folders[1].ends_with("-b-sosh1"),
        "{folders:?}"
    );
    let base = out.path().join(&folders[0]).join("mentee-base.pdf");
    assert!(base.exists());

    let o = run(false);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        !base.exists(),
        "the base of minors stayed after a run without it"
    );
    let manifest =
        std::fs::read_to_string(out.path().join(&folders[0]).join("manifest.json")).unwrap();
    let listed: usize = manifest.matches("\"file\":").count();
    let present = std::fs::read_dir(out.path().join(&folders[0]))
        .unwrap()
        .count()
        - 1;
    assert_eq!(listed, present, "every file listed, none unlisted");
    let hidden = std::fs::read_dir(out.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with('.')
        })
        .count();
    assert_eq!(hidden, 0, "nothing left aside");
}

/// `pdfinfo`'s title, author, creation date and page count of a PDF.
fn pdf_info(pdf: &[u8]) -> Option<Vec<String>> {
    if !tool_available("pdfinfo", "poppler-utils") {
        return None;
    }
    let (_dir, path) = pdf_file(pdf);
    let out = Command::new("pdfinfo").arg(&path).output().unwrap();
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| {
                ["Title:", "Author:", "CreationDate:", "Pages:"]
                    .iter()
                    .any(|k| l.starts_with(k))
            })
            .map(str::to_string)
            .collect(),
    )
}

/// The organisation's documents are laid out once; each document's PDF is cut
/// from that layout and reads as the document rendered alone: the same text
/// (page numbers included: each document numbers its own pages), the same
/// pages, title, author and date. bundle.pdf is their pages in order. Shown
/// on two samples (orders, roadmaps in landscape, a справка) and on a school
/// the samples do not hold (the default roadmap for 2025/2026).
#[test]
fn each_pdf_of_a_bundle_reads_as_the_document_rendered_alone() {
    let input = tempfile::tempdir().unwrap();
    for name in ["school9-2020.yaml", "sosh19-2021.yaml"] {
        std::fs::copy(root().join("samples").join(name), input.path().join(name)).unwrap();
    }
    std::fs::write(
        input.path().join("gymnasium3.yaml"),
        r#"kind: school
name: Муниципальное автономное общеобразовательное учреждение «Гимназия № 3»
short_name: МАОУ «Гимназия № 3»
head: { surname: Кравец, name: Ольга, patronymic: Петровна, position: Директор }
people:
  lebedeva: { surname: Лебедева, name: Анна, patronymic: Сергеевна, position: заместитель директора }
curator: lebedeva
orders:
  implementation: { number: "12-о", date: 2025-09-01, start: 2025-09-01, acquainted: [lebedeva] }
  curator: { number: "13-о", date: 2025-09-01, acquainted: [lebedeva] }
roadmap:
  from_default: true
  period: 2025/2026
"#,
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = bundle(&[
        input.path().to_str().unwrap(),
        "--output",
        out.path().to_str().unwrap(),
        "--quiet",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut compared = 0;
    for stem in ["school9-2020", "sosh19-2021", "gymnasium3"] {
        let folder = folder_of(out.path(), stem);
        let school = nastavnik_core::from_path(&input.path().join(format!("{stem}.yaml"))).unwrap();
        let manifest: serde_json::Value =
            serde_json::from_slice(&std::fs::read(folder.join("manifest.json")).unwrap()).unwrap();
        let mut texts = String::new();
        for f in manifest["files"].as_array().unwrap() {
            let name = f["file"].as_str().unwrap();
            if name == "bundle.pdf" {
                continue;
            }
            let kind = nastavnik_gen::DocumentKind::from_id(f["kind"].as_str().unwrap()).unwrap();
            let cut = std::fs::read(folder.join(name)).unwrap();
            let alone = render(&school, kind, nastavnik_gen::Format::Pdf);
            let Some(text) = pdf_text(&cut) else { return };
            assert_eq!(text, pdf_text(&alone).unwrap(), "{stem}: {name}: text");
            assert_eq!(
                pdf_info(&cut),
                pdf_info(&alone),
                "{stem}: {name}: metadata and pages"
            );
            texts.push_str(&text);
            compared += 1;
        }
        let bundle_pdf = std::fs::read(folder.join("bundle.pdf")).unwrap();
        let whole = pdf_text(&bundle_pdf).unwrap();
        assert_eq!(
            whole, texts,
            "{stem}: bundle.pdf is the documents' pages in order"
        );
        // bundle.pdf is joined from the documents' PDFs: a sound file whose
        // pages look exactly as theirs.
        assert_eq!(pdf_syntax_problems(&bundle_pdf), None, "{stem}: bundle.pdf");
        if let Some(whole) = page_images(&bundle_pdf) {
            let mut pages = Vec::new();
            for f in manifest["files"].as_array().unwrap() {
                let name = f["file"].as_str().unwrap();
                if name != "bundle.pdf" {
                    pages.extend(page_images(&std::fs::read(folder.join(name)).unwrap()).unwrap());
                }
            }
            assert_eq!(whole.len(), pages.len(), "{stem}: pages");
            for (i, (a, b)) in whole.iter().zip(&pages).enumerate() {
                assert!(
                    a == b,
                    "{stem}: page {} of bundle.pdf looks otherwise",
                    i + 1
                );
            }
        }
    }
    assert!(compared >= 15, "{compared}");
}

/// `--pdf-standard ua-1`: the bundle passes Typst's PDF/UA-1 checks (its
/// hidden bookmarks are not tagged, so each document's headings keep their
/// own levels), and so does each document's PDF cut from it; the pages read
/// as without the standard, each document numbering its own. Shown on a
/// sample and on a school the samples do not hold. (A table whose group of
/// rows spans pages fails PDF/UA-1 in a document rendered alone too: that is
/// the layout library's tables, not the bundle's.)
#[test]
fn pdf_ua_bundles_pass_typst_checks() {
    let input = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("samples/school9-2020.yaml"),
        input.path().join("school9-2020.yaml"),
    )
    .unwrap();
    std::fs::write(
        input.path().join("lyceum7.yaml"),
        r#"kind: school
name: Муниципальное бюджетное общеобразовательное учреждение «Лицей № 7»
short_name: МБОУ «Лицей № 7»
head: { surname: Зайцева, name: Марина, patronymic: Игоревна, position: Директор }
people:
  orlov: { surname: Орлов, name: Денис, patronymic: Сергеевич, position: заместитель директора }
curator: orlov
orders:
  implementation: { number: "41-о", date: 2025-09-02, start: 2025-09-02, acquainted: [orlov] }
  curator: { number: "42-о", date: 2025-09-02, acquainted: [orlov] }
roadmap:
  subject: внедрения целевой модели наставничества на 2025/2026 учебный год
  sections:
    - title: Подготовка условий
      items:
        - { title: Издание приказа о внедрении целевой модели, deadline: сентябрь 2025 г., responsible: { person: orlov }, result: Приказ }
        - { title: Анкетирование педагогов и обучающихся, deadline: октябрь 2025 г., responsible: { person: orlov }, result: Аналитическая справка }
"#,
    )
    .unwrap();
    let (ua, plain) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for (out, standard) in [(&ua, Some("ua-1")), (&plain, None)] {
        let mut args = vec![
            input.path().to_str().unwrap(),
            "--output",
            out.path().to_str().unwrap(),
            "--quiet",
        ];
        args.extend(
            standard
                .map(|s| ["--pdf-standard", s])
                .into_iter()
                .flatten(),
        );
        let o = bundle(&args);
        assert!(o.status.success(), "{standard:?}: {}", stderr(&o));
    }
    let mut pdfs = 0;
    for stem in ["school9-2020", "lyceum7"] {
        let (a, b) = (folder_of(ua.path(), stem), folder_of(plain.path(), stem));
        for entry in std::fs::read_dir(&a).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "pdf") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                String::from_utf8_lossy(&bytes).contains("pdfuaid:part"),
                "{stem}: {name}: XMP names PDF/UA"
            );
            let Some(text) = pdf_text(&bytes) else { return };
            let without = pdf_text(&std::fs::read(b.join(&name)).unwrap()).unwrap();
            assert_eq!(text, without, "{stem}: {name}: the same pages");
            pdfs += 1;
        }
    }
    assert!(pdfs >= 6, "{pdfs}");
}
