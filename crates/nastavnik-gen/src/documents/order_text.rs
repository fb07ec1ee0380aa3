//! The parts of an order's text the YAML shapes beyond its points: the word
//! naming the person in charge, the working group, the annexes and their
//! numbers. Templates see them as `role`, `working_group`, `annexes` and
//! `annex_no`; the edits see the annex numbers for a point's `annex:`.

use std::collections::BTreeMap;

use nastavnik_core::grammar::{Case, Gender};
use nastavnik_core::{Annex, Order, Organization, OrganizationKind, RoleWord, TextBlock};
use serde::Serialize;

use crate::documents::report::TextBlockView;
use crate::documents::DocumentKind;
use crate::grammar_filters::{lower_first, position_and_name};
use crate::GenError;

/// The word for the person in charge, in the forms the orders need.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct RoleView {
    /// `куратор`, `координатор` or `ответственный`.
    pub word: &'static str,
    /// After «Назначить»: «куратором внедрения целевой модели наставничества».
    pub appoint: String,
    /// After «далее —»: «куратор ЦМН», «ответственная за внедрение ЦМН».
    pub short: String,
    /// At the start of a point: «Куратору ЦМН», «Ответственной за внедрение ЦМН».
    pub short_dative: String,
    /// After «на»: «куратора ЦМН».
    pub short_accusative: String,
    /// At the start of a point of an order that does not introduce «ЦМН»:
    /// «Куратору внедрения целевой модели наставничества».
    pub full_dative: String,
    /// In a title after «О назначении»: «куратора внедрения целевой модели наставничества».
    pub title_genitive: String,
    /// The role as the положение's clauses name it, in the generic masculine.
    pub noun: RoleNoun,
}

/// The role in the положение's clauses, in each case they use: «куратор»,
/// «координатор», «ответственный за реализацию программы наставничества».
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct RoleNoun {
    /// «куратор».
    pub nominative: String,
    /// At the start of a sentence: «Куратор».
    pub capital: String,
    /// «куратора».
    pub genitive: String,
    /// «куратору».
    pub dative: String,
    /// «куратором».
    pub instrumental: String,
}

impl RoleNoun {
    /// The forms of `word`: a noun takes the case ending, «ответственный»
    /// declines as an adjective and keeps «за реализацию программы наставничества».
    pub fn new(word: RoleWord) -> Self {
        let [nominative, genitive, dative, instrumental] = match word {
            RoleWord::Curator | RoleWord::Coordinator => {
                let w = if word == RoleWord::Curator {
                    "куратор"
                } else {
                    "координатор"
                };
                [
                    w.to_string(),
                    format!("{w}а"),
                    format!("{w}у"),
                    format!("{w}ом"),
                ]
            }
            RoleWord::Responsible => [
                "ответственный",
                "ответственного",
                "ответственному",
                "ответственным",
            ]
            .map(|w| format!("{w} за реализацию программы наставничества")),
        };
        RoleNoun {
            capital: crate::grammar_filters::upper_first(&nominative),
            nominative,
            genitive,
            dative,
            instrumental,
        }
    }
}

impl RoleView {
    /// The forms of `word`; «ответственный» agrees with the person's gender.
    pub fn new(word: RoleWord, gender: Option<Gender>) -> Self {
        let model = "целевой модели наставничества";
        let noun = RoleNoun::new(word);
        match word {
            RoleWord::Curator | RoleWord::Coordinator => {
                let (w, word) = if word == RoleWord::Curator {
                    ("куратор", "куратор")
                } else {
                    ("координатор", "координатор")
                };
                RoleView {
                    word: w,
                    appoint: format!("{word}ом внедрения {model}"),
                    short: format!("{word} ЦМН"),
                    short_dative: format!("{}у ЦМН", crate::grammar_filters::upper_first(word)),
                    short_accusative: format!("{word}а ЦМН"),
                    full_dative: format!(
                        "{}у внедрения {model}",
                        crate::grammar_filters::upper_first(word)
                    ),
                    title_genitive: format!("{word}а внедрения {model}"),
                    noun,
                }
            }
            RoleWord::Responsible => {
                let feminine = gender == Some(Gender::Feminine);
                let (ins, nom, dat, acc) = if feminine {
                    (
                        "ответственной",
                        "ответственная",
                        "Ответственной",
                        "ответственную",
                    )
                } else {
                    (
                        "ответственным",
                        "ответственный",
                        "Ответственному",
                        "ответственного",
                    )
                };
                RoleView {
                    word: "ответственный",
                    appoint: format!("{ins} за внедрение {model}"),
                    short: format!("{nom} за внедрение ЦМН"),
                    short_dative: format!("{dat} за внедрение ЦМН"),
                    short_accusative: format!("{acc} за внедрение ЦМН"),
                    full_dative: format!("{dat} за внедрение {model}"),
                    title_genitive: format!("ответственного за внедрение {model}"),
                    noun,
                }
            }
        }
    }
}

/// The role word an order uses: its own, else the implementation order's.
pub fn role(org: &Organization, order: Option<&Order>) -> RoleView {
    let word = order
        .and_then(|o| o.role)
        .or_else(|| org.orders.implementation.as_ref().and_then(|o| o.role))
        .unwrap_or_default();
    RoleView::new(word, org.curator().and_then(|p| p.gender()))
}

/// A member of the working group.
#[derive(Serialize, Debug, Clone)]
pub struct MemberView {
    /// «Шевчук Елена Викторовна».
    pub full: String,
    /// «Е.В. Шевчук».
    pub initials_surname: String,
    /// «заместитель директора».
    pub position: String,
    /// Whether the member heads the group.
    pub head: bool,
}

/// The working group as templates see it.
#[derive(Serialize, Debug, Clone)]
pub struct WorkingGroupView {
    /// After «рабочую группу»: «по внедрению целевой модели наставничества».
    pub purpose: String,
    /// The head in the accusative with position: «заместителя директора Е.В. Шевчук».
    pub head_accusative: Option<String>,
    /// Members, the head first.
    pub members: Vec<MemberView>,
    /// The annex table's rows: number, full name, position, role in the group.
    pub rows: Vec<Vec<String>>,
}

/// The order's working group, its people looked up (`check` has made sure
/// they exist).
pub fn working_group(org: &Organization, order: Option<&Order>) -> Option<WorkingGroupView> {
    let group = order?.working_group.as_ref()?;
    let mut keys: Vec<&String> = group.head.iter().collect();
    keys.extend(
        group
            .members
            .iter()
            .filter(|k| Some(*k) != group.head.as_ref()),
    );
    let members: Vec<MemberView> = keys
        .into_iter()
        .filter_map(|k| org.people.get(k.trim()).map(|p| (k, p)))
        .map(|(k, p)| MemberView {
            full: p.full_name(),
            initials_surname: p.initials_surname(),
            position: p.position.trim().to_string(),
            head: group.head.as_deref().map(str::trim) == Some(k.trim()),
        })
        .collect();
    Some(WorkingGroupView {
        purpose: group
            .purpose
            .as_deref()
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| "по внедрению целевой модели наставничества".into()),
        head_accusative: group
            .head
            .as_deref()
            .and_then(|k| org.people.get(k.trim()))
            .map(|p| lower_first(&position_and_name(p, None, Case::Accusative))),
        rows: members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                vec![
                    format!("{}.", i + 1),
                    m.full.clone(),
                    m.position.clone(),
                    if m.head {
                        "руководитель рабочей группы".into()
                    } else {
                        "член рабочей группы".into()
                    },
                ]
            })
            .collect(),
        members,
    })
}

/// An annex as templates see it.
#[derive(Serialize)]
pub struct AnnexView {
    /// Its number, from 1.
    pub number: usize,
    /// `roadmap`, `provision`, `pairs`, `programme`, `working_group` or `text`.
    pub kind: &'static str,
    /// Its key: the kind for a built annex, the YAML's key (or none) for a text.
    pub key: Option<String>,
    /// A text annex's heading.
    pub title: String,
    /// A text annex's paragraphs and lists.
    pub text: Vec<TextBlockView>,
}

/// The annexes one order kind can build from the data, in their default
/// order, and those it builds only when `annexes` lists them.
fn built(
    org: &Organization,
    kind: DocumentKind,
    order: &Order,
) -> (Vec<&'static str>, Vec<&'static str>) {
    let mut out = Vec::new();
    let mut on_request = Vec::new();
    if kind == DocumentKind::OrderImplementation && org.kind == OrganizationKind::School {
        // The положение and the программа are its annexes when listed, or
        // when their own order is this very one (same number and date).
        if org.roadmap.is_some() {
            out.push("roadmap");
        }
        for document in ["provision", "programme"] {
            let own = nastavnik_core::check::consistency::approved_order(org, document);
            if own.is_some_and(|o| nastavnik_core::check::consistency::same_order(o, order)) {
                out.push(document);
            } else {
                on_request.push(document);
            }
        }
    }
    match kind {
        DocumentKind::OrderImplementation if org.kind == OrganizationKind::School => {}
        DocumentKind::OrderImplementation if org.roadmap.is_some() => out.push("roadmap"),
        DocumentKind::OrderProvision => out.push("provision"),
        DocumentKind::OrderProgramme => out.push("programme"),
        DocumentKind::OrderPairs => out.push("pairs"),
        DocumentKind::OrderFinalEvent
            if order
                .event
                .as_ref()
                .is_some_and(|e| !e.programme.is_empty()) =>
        {
            out.push("programme")
        }
        _ => {}
    }
    if order.working_group.is_some() {
        out.push("working_group");
    }
    (out, on_request)
}

/// The annexes of the order of `kind`, numbered: those the YAML lists in
/// `annexes`, or by default those the data builds.
pub fn annexes(
    org: &Organization,
    kind: DocumentKind,
    order: Option<&Order>,
    field: &str,
) -> Result<Vec<AnnexView>, GenError> {
    let Some(order) = order else {
        return Ok(Vec::new());
    };
    let (by_default, on_request) = built(org, kind, order);
    let available: Vec<&'static str> = by_default.iter().chain(&on_request).copied().collect();
    let view = |number: usize, kind: &'static str| AnnexView {
        number,
        kind,
        key: Some(kind.to_string()),
        title: String::new(),
        text: Vec::new(),
    };
    let Some(listed) = &order.annexes else {
        return Ok(by_default
            .iter()
            .enumerate()
            .map(|(i, k)| view(i + 1, k))
            .collect());
    };
    let mut out: Vec<AnnexView> = Vec::new();
    for (i, annex) in listed.iter().enumerate() {
        let here = format!("{field}.annexes[{i}]");
        match annex {
            Annex::Built(name) => {
                let Some(kind) = available.iter().find(|k| **k == name.trim()) else {
                    let message = if available.is_empty() {
                        format!("приложения «{name}» у этого приказа быть не может: данные для него не заданы; свои приложения пишутся как {{title: …, text: […]}}")
                    } else {
                        format!(
                            "приложения «{name}» у этого приказа нет; можно: {} или {{title: …, text: […]}}",
                            available.join(", ")
                        )
                    };
                    return Err(GenError::InvalidData {
                        field: here,
                        message,
                    });
                };
                if out.iter().any(|a| a.key.as_deref() == Some(*kind)) {
                    return Err(GenError::InvalidData {
                        field: here,
                        message: format!("приложение «{kind}» названо дважды"),
                    });
                }
                out.push(view(out.len() + 1, kind));
            }
            Annex::Text(text) => {
                if text.title.trim().is_empty() {
                    return Err(GenError::InvalidData {
                        field: format!("{here}.title"),
                        message: "у приложения нет заголовка: напишите его в title".into(),
                    });
                }
                let key = text.key.as_ref().map(|k| k.trim().to_string());
                if let Some(k) = &key {
                    if out.iter().any(|a| a.key.as_ref() == Some(k)) {
                        return Err(GenError::InvalidData {
                            field: format!("{here}.key"),
                            message: format!("ключ «{k}» уже есть у другого приложения"),
                        });
                    }
                }
                out.push(AnnexView {
                    number: out.len() + 1,
                    kind: "text",
                    key,
                    title: text.title.trim().to_string(),
                    text: text.text.iter().map(text_view).collect(),
                });
            }
        }
    }
    Ok(out)
}

/// Annex numbers by key, for templates (`annex_no.roadmap`) and points.
pub fn numbers(annexes: &[AnnexView]) -> BTreeMap<String, usize> {
    annexes
        .iter()
        .filter_map(|a| a.key.clone().map(|k| (k, a.number)))
        .collect()
}

fn text_view(block: &TextBlock) -> TextBlockView {
    let (kind, text, items) = match block {
        TextBlock::Paragraph(t) => ("paragraph", t.clone(), Vec::new()),
        TextBlock::List(items) => ("list", String::new(), items.clone()),
        TextBlock::Numbered(items) => ("numbered", String::new(), items.clone()),
    };
    TextBlockView { kind, text, items }
}
