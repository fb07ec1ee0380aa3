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
