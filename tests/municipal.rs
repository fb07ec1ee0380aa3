//! The municipal level: an authority's analytic report summed from its
//! schools' own files, and the kinds an authority issues.

use crate::common::*;
use nastavnik_core::Prepared;
use nastavnik_gen::{DocumentKind, Format, GenError};

fn load(path: &str) -> Prepared {
    nastavnik_core::from_path(&root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn schools() -> Vec<Prepared> {
    [
        "samples/municipal/schools/sosh1-zarechny.yaml",
        "samples/municipal/schools/gimnaziya2-zarechny.yaml",
        "samples/municipal/schools/olkhovka-zarechny.yaml",
    ]
    .into_iter()
    .map(load)
    .collect()
}

#[test]
fn the_analytic_report_sums_the_schools_files() {
    let authority = load("samples/municipal/zarechny-2025.yaml");
    let schools = schools();
    let refs: Vec<&Prepared> = schools.iter().collect();
    let doc = renderer().municipal_report(&authority, &refs).unwrap();
    let docx = renderer().write(&doc, Format::Docx).unwrap().bytes;
    let text = docx_text(&docx);
    let phrases = strings(&[
        "Аналитическая справка",
        "о реализации целевой модели наставничества в Заречном муниципальном округе по итогам 2024–2025 учебного года",
        "В мониторинге участвовали 3 образовательные организации.",
        // 205 + 164 + 1 of 640 + 812 (the third school gives no total: left out of the share).
        "Охват наставничеством и выполнение дорожных карт",
        "МБОУ «СОШ № 1 г. Заречного»",
        "МАОУ «Гимназия № 2»",
        "МКОУ «Ольховская ООШ»",
        "Итого",
        "369 из 1452 (25,4 %)",
        "Наставнические пары и группы по формам наставничества",
        "Выводы",
        "Справку подготовила главный специалист управления образования Н.В. Лапина",
    ]);
    assert_phrases_in_order(&text, &phrases, "DOCX");
    let pdf = renderer().write(&doc, Format::Pdf).unwrap().bytes;
    let Some(pdf_text) = pdf_text(&pdf) else {
        return;
    };
    let hay = reading_text(&pdf_text, &[]);
    assert_phrases_in(&hay, &pdf_text, &phrases, "PDF");
}

#[test]
fn without_schools_the_report_says_how_to_give_them() {
    let authority = load("samples/municipal/zarechny-2025.yaml");
    match renderer().document(&authority, DocumentKind::MunicipalReport) {
        Err(GenError::MissingData(m)) => assert!(m.contains("--schools КАТАЛОГ"), "{m}"),
        other => panic!("{other:?}"),
    }
    // A school has no municipal report of its own.
    let school = load("samples/municipal/schools/sosh1-zarechny.yaml");
    let refs = [&school];
    match renderer().municipal_report(&school, &refs) {
        Err(GenError::MissingData(m)) => assert!(
            m.contains("пишет орган управления образованием (kind: authority)"),
            "{m}"
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_command_line_reads_the_schools_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("spravka.docx");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_nastavnik"))
        .current_dir(root())
        .args([
            "render",
            "samples/municipal/zarechny-2025.yaml",
            "--doc",
            "municipal-report",
            "--schools",
            "samples/municipal",
            "--format",
            "docx",
            "--output",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // The authority's own file in the folder is not counted as a school.
    let text = docx_text(&std::fs::read(&out).unwrap());
    assert!(
        squeeze(&text).contains(&squeeze(
            "В мониторинге участвовали 3 образовательные организации."
        )),
        "{text}"
    );
    // --schools belongs to the analytic report only.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_nastavnik"))
        .current_dir(root())
        .args([
            "render",
            "samples/school9-2020.yaml",
            "--doc",
            "order-curator",
            "--schools",
            "samples/municipal",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--doc municipal-report"));
}

#[test]
fn the_authoritys_order_charges_its_methodical_service_in_the_dative() {
    let authority = load("samples/municipal/zarechny-2025.yaml");
    let text = renderer()
        .document(&authority, DocumentKind::OrderImplementation)
        .unwrap()
        .plain_text()
        .replace('\u{a0}', " ");
    assert!(
        text.contains(
            "Муниципальной методической службе (Лапина Н.В.) обеспечить методическое сопровождение"
        ),
        "{text}"
    );
    assert!(
        text.contains("Руководителям МБОУ «СОШ № 1 г. Заречного» (Юдин П.А.), МАОУ «Гимназия № 2» (Белякова И.Г.), МКОУ «Ольховская ООШ» (Соловьёв И.В.) обеспечить"),
        "{text}"
    );
}
