//! Cited acts and house style, proved on a school the samples do not
//! contain: an order «На основании» a regional act with no purpose, the date
//! in the requisites «19.11.2020», «ПРИКАЗЫВАЮ» without a colon, names
//! «Фамилия И.О.», a положение of 2020 citing acts as a dash list and never
//! the Концепция of 2025 — asserted in the PDF and in the DOCX.

use crate::common::*;
use nastavnik_core::Prepared;
use nastavnik_gen::{DocumentKind, Format};

/// МАОУ СШ № 41 of an invented town, with its house style.
fn school(extra: &str) -> Prepared {
    let yaml = format!(
        r#"kind: school
name: Муниципальное автономное общеобразовательное учреждение «Средняя школа № 41» города Зареченска
short_name: МАОУ СШ № 41
place: г. Зареченск
head: {{ surname: Ларионова, name: Татьяна, patronymic: Сергеевна, position: Директор }}
people:
  orlov: {{ surname: Орлов, name: Игорь, patronymic: Юрьевич, gender: male, position: заместитель директора по учебной работе }}
curator: orlov
style:
  names: surname_initials
  order_date: numeric
  directive: ПРИКАЗЫВАЮ
  acts: list
acts:
  regional:
    - reference: приказом комитета образования Зареченской области
      name: приказ комитета образования Зареченской области
      date: 02.10.2020
      number: "181/1"
      title: О внедрении целевой модели наставничества в Зареченской области
orders:
  implementation:
    number: 77-од
    date: 19.11.2020
    start: 01.12.2020
    lead: На основании
    purpose: ""
    basis:
      - reference: приказом комитета образования Зареченской области
        date: 02.10.2020
        number: "181/1"
        title: О внедрении целевой модели наставничества в Зареченской области
roadmap:
  from_default: true
  period: 2020/2021
{extra}"#
    );
    nastavnik_core::from_yaml_str(&yaml, "school41.yaml").expect("the invented school loads")
}

/// The text a reader sees in the PDF and in the DOCX, squeezed.
fn both(org: &Prepared, kind: DocumentKind) -> Vec<(&'static str, String)> {
    let mut out = vec![(
        "docx",
        squeeze(&docx_text(&render(org, kind, Format::Docx))),
    )];
    if tool_available("pdftotext", "poppler-utils") {
        let pdf = render(org, kind, Format::Pdf);
        out.push(("pdf", squeeze(&pdf_text(&pdf).expect("pdftotext reads it"))));
    }
    out
}

#[test]
fn an_order_on_the_basis_of_a_regional_act_in_the_house_style() {
    let org = school("");
    for (format, text) in both(&org, DocumentKind::OrderImplementation) {
        for phrase in [
            "19.11.2020№77-од",
            "г.Зареченск",
            "Наоснованииприказакомитетаобразования Зареченскойобластиот02.10.2020№181/1«Овнедрениицелевоймоделинаставничествав Зареченскойобласти»ПРИКАЗЫВАЮ1.",
            "ОрловаИ.Ю.",
        ] {
            assert!(text.contains(&squeeze(phrase)), "{format}: no «{phrase}» in {text}");
        }
        for absent in [
            "И.Ю..",
            "ПРИКАЗЫВАЮ:",
            "вцелях",
            "Всоответствиис",
            "«19»ноября",
        ] {
            assert!(!text.contains(absent), "{format}: «{absent}» in {text}");
        }
    }
}

#[test]
fn a_provision_of_2020_lists_the_acts_in_force_and_the_regional_one() {
    let org = school("");
    for (format, text) in both(&org, DocumentKind::Provision) {
        for phrase in [
            "разработановсоответствиисоследующимидокументами:",
            "—Федеральныйзаконот29декабря2012года№273-ФЗ«ОбобразованиивРоссийскойФедерации»;",
            "—распоряжениеМинистерствапросвещенияРоссийскойФедерацииот25декабря2019года№Р-145",
            "—приказкомитетаобразованияЗареченскойобластиот2октября2020года№181/1",
            "—уставобразовательнойорганизации.",
        ] {
            assert!(text.contains(phrase), "{format}: no «{phrase}» in {text}");
        }
        assert!(
            !text.contains("1264-р"),
            "{format}: a 2020 document cites the 2025 Концепция"
        );
        // The regional act is written once, though the order cites it too.
        assert_eq!(text.matches("№181/1").count(), 1, "{format}");
    }
}

#[test]
fn the_organisation_chooses_its_acts_and_a_later_document_cites_the_concept() {
    let org = school("  # \n");
    let mut model = org.into_organization();
    model.acts.cite = Some(
        ["decree-94", "r-145", "concept-2030"]
            .map(|id| nastavnik_core::catalogue::acts::ActId(id.into()))
            .to_vec(),
    );
    model.style.acts = Some(nastavnik_core::Citing::Inline);
    model.orders.implementation.as_mut().unwrap().date =
        chrono::NaiveDate::from_ymd_opt(2025, 9, 1).unwrap();
    let org = prepared(model);
    for (format, text) in both(&org, DocumentKind::Provision) {
        for phrase in [
            "разработановсоответствиисУказомПрезидентаРоссийскойФедерацииот02.03.2018№94«Обучреждениизнакаотличия„Занаставничество“»,распоряжениемМинистерствапросвещения",
            "распоряжениемПравительстваРоссийскойФедерацииот21.05.2025№1264-р",
            "приказомкомитетаобразованияЗареченскойобластиот02.10.2020№181/1",
            ",уставомобразовательнойорганизации.",
        ] {
            assert!(text.contains(phrase), "{format}: no «{phrase}» in {text}");
        }
        assert!(!text.contains("273-ФЗ"), "{format}: the law was not chosen");
    }
}

#[test]
fn free_text_as_written_and_a_preamble_without_acts() {
    let mut model = school("").into_organization();
    let order = model.orders.implementation.as_mut().unwrap();
    order.lead = Some(String::new());
    order.purpose = Some("в целях развития наставничества".into());
    order.extra_points = vec!["Ответственный — И. Ю. Орлов, приказ №181/1.".into()];
    order.style.text = Some(nastavnik_core::TextStyle::AsWritten);
    order.style.order_date = Some(nastavnik_core::DateStyle::Long);
    order.style.directive = Some("п р и к а з ы в а ю:".into());
    let org = prepared(model);
    let doc = renderer()
        .document(&org, DocumentKind::OrderImplementation)
        .unwrap();
    let plain = doc.plain_text();
    assert!(plain.contains("И. Ю. Орлов, приказ №181/1."), "{plain}");
    for (format, text) in both(&org, DocumentKind::OrderImplementation) {
        for phrase in [
            "19ноября2020г.",
            "Вцеляхразвитиянаставничествап р и к а з ы в а ю:",
            "И.Ю.Орлов,приказ№181/1.",
        ] {
            assert!(
                text.contains(&squeeze(phrase)),
                "{format}: no «{phrase}» in {text}"
            );
        }
        assert!(!text.contains("Наоснован"), "{format}");
    }
}

/// A starting file with its placeholders filled by plausible values.
fn filled(yaml: &str) -> String {
    let mut out = String::new();
    for line in yaml.lines() {
        let line = match line.find("\"ЗАПОЛНИТЕ: ") {
            Some(at) if !line.trim_start().starts_with('#') => {
                let hint = line[at + 1..].split('"').next().unwrap();
                let value = if hint.contains("дата") {
                    "13.08.2025"
                } else if hint.contains("номер") {
                    "\"15-од\""
                } else if hint.contains("родительном") {
                    "Управления образования администрации города Озёрска"
                } else if hint.contains("органа управления") {
                    "Управление образования администрации города Озёрска"
                } else if hint.contains("наименование") {
                    "Муниципальное бюджетное общеобразовательное учреждение «Школа № 3»"
                } else if hint.contains("субъект") {
                    "ЧЕЛЯБИНСКАЯ ОБЛАСТЬ"
                } else if hint.contains("место") {
                    "г. Озёрск"
                } else if hint.contains("территория") {
                    "Миасский городской округ"
                } else if hint.contains("творительный") {
                    "приказом Министерства образования Челябинской области"
                } else if hint.contains("заголовок") {
                    "О внедрении целевой модели наставничества"
                } else if hint.contains("методическая служба") {
                    "МКУ «Методический центр»"
                } else if hint.contains("Фамилия И.О.") {
                    "Громова Л.А."
                } else if hint.contains("фамилия") {
                    "Зайцева"
                } else if hint.contains("имя") {
                    "Вера"
                } else {
                    "Павловна"
                };
                line.replacen(&format!("\"{hint}\""), value, 1)
            }
            _ => line.to_string(),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[test]
fn a_new_school_renders_its_first_order_before_it_has_pairs_or_a_council() {
    use nastavnik_core::check::needs;
    use nastavnik_core::load::starter::starter_yaml;
    let yaml = starter_yaml(
        "МБОУ «Школа № 3»",
        nastavnik_core::OrganizationKind::School,
        2025,
    );
    let errors = nastavnik_core::load_str(&yaml, "school.yaml").unwrap_err();
    assert!(errors.diagnostics().len() <= 8, "{errors}");
    let org = nastavnik_core::from_yaml_str(&filled(&yaml), "school.yaml").unwrap();
    assert!(needs::missing(&org, "order-implementation").is_empty());
    let text = docx_text(&render(
        &org,
        DocumentKind::OrderImplementation,
        Format::Docx,
    ));
    assert!(
        squeeze(&text).contains("ВнедритьцелевуюмодельнаставничествавМБОУ«Школа№3»"),
        "{text}"
    );
    // The later documents say what they lack, and render refuses them for that.
    let missing = needs::missing(&org, "order-pairs");
    assert_eq!(missing[0].field, "orders.pairs");
    let err = renderer()
        .document(&org, DocumentKind::OrderPairs)
        .unwrap_err();
    assert!(err.to_string().contains("orders.pairs"), "{err}");
}

#[test]
fn an_authority_starts_with_its_own_file() {
    use nastavnik_core::load::starter::starter_yaml;
    let yaml = starter_yaml(
        "Управление образования",
        nastavnik_core::OrganizationKind::Authority,
        2025,
    );
    for absent in ["council", "participants", "mentees", "acquainted"] {
        assert!(!yaml.contains(absent), "{absent} in an authority's file");
    }
    let org = nastavnik_core::from_yaml_str(&filled(&yaml), "authority.yaml")
        .unwrap_or_else(|e| panic!("{e}"));
    for (format, text) in both(&org, DocumentKind::OrderImplementation) {
        for phrase in [
            "РОССИЙСКАЯФЕДЕРАЦИЯ",
            "ЧЕЛЯБИНСКАЯОБЛАСТЬ",
            "г.Озёрск",
            "ВсоответствиисприказомМинистерстваобразованияЧелябинскойобластиот13.08.2025№15-од",
            "вМиасскомгородскомокруге",
            "РуководителямМуниципальногобюджетногообщеобразовательногоучреждения«Школа№3»(ГромоваЛ.А.)",
            "МКУ«Методическийцентр»(ГромоваЛ.А.)обеспечитьметодическоесопровождение",
        ] {
            assert!(text.contains(phrase), "{format}: no «{phrase}» in {text}");
        }
    }
}

/// Nothing `check` accepts is refused by `render`: every kind of every
/// sample, and of samples with sections taken away, renders exactly when
/// `needs` finds nothing missing.
#[test]
fn what_check_accepts_render_makes() {
    let samples = [
        "school9-2020.yaml",
        "sharya-2020.yaml",
        "sosh19-2021.yaml",
        "terengul-lyceum-2023.yaml",
        "novoshakhtinsk-2022.yaml",
    ];
    type Cut = fn(&mut nastavnik_core::Organization);
    let cuts: [(&str, Cut); 7] = [
        ("nothing", |_| {}),
        ("pairs", |o| o.participants.pairs.clear()),
        ("council", |o| o.council = None),
        ("orders", |o| o.orders = Default::default()),
        ("roadmap", |o| o.roadmap = None),
        ("curator", |o| o.curator = None),
        ("reports and participants", |o| {
            o.reports = Default::default();
            o.participants = Default::default();
        }),
    ];
    for sample_name in samples {
        for (cut_name, cut) in &cuts {
            let mut model = sample_model(sample_name);
            cut(&mut model);
            let Ok(org) = nastavnik_core::prepare(model) else {
                continue;
            };
            // Kinds the organisation does not issue are not offered by `check`;
            // the analytic report needs the schools' files besides this one.
            for kind in DocumentKind::ALL
                .into_iter()
                .filter(|k| k.fits(org.kind) && *k != DocumentKind::MunicipalReport)
            {
                let missing = nastavnik_core::check::needs::missing(&org, kind.id());
                let result = renderer().document(&org, kind);
                assert_eq!(
                    missing.is_empty(),
                    result.is_ok(),
                    "{sample_name} without {cut_name}, {}: needs {missing:?}, render {:?}",
                    kind.id(),
                    result.err().map(|e| e.to_string())
                );
            }
        }
    }
}

#[test]
fn template_authors_see_their_variables_and_an_undefined_one_is_named() {
    let org = sample("school9-2020.yaml");
    let context =
        nastavnik_gen::documents::template_context(&org, DocumentKind::OrderImplementation)
            .unwrap();
    let listing = nastavnik_gen::documents::context::variables(&context);
    for line in [
        "order.lead = В соответствии с — начало преамбулы",
        "order.requisites_date = «01» июня 2020 г. — дата для реквизитов",
        "curator.surname_initials = Шевчук Е.В.",
        "house.names = initials_surname — стиль имён",
    ] {
        assert!(
            listing.replace('\u{a0}', " ").contains(line),
            "no «{line}» in\n{listing}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("order-curator.md"),
        "{% extends \"order-frame.md\" %}\n{% block title %}О {{ order.titel }}{% endblock %}\n",
    )
    .unwrap();
    let renderer = nastavnik_gen::Renderer::new()
        .with_templates(nastavnik_gen::Templates::with_overrides(dir.path()).unwrap());
    let err = renderer
        .document(&org, DocumentKind::OrderCurator)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("order-curator.md, строка 2") && err.contains("«order.titel» не определено"),
        "{err}"
    );
}
