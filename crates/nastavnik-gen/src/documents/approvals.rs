//! Approvals (грифы) and title pages of the положение and the программа,
//! and the approvals of the standalone roadmap, built from the model: the
//! YAML's list under `orders.provision.approvals`, `orders.programme.approvals`
//! or `roadmap.approvals`, or by default the two stamps «ПРИНЯТО
//! педагогическим советом …» and «УТВЕРЖДЕНО приказом …» (the roadmap: the
//! one «УТВЕРЖДЕН приказом …» of the implementation order).

use nastavnik_core::grammar::{participle, phrase_agreement, Case, Participle};
use nastavnik_core::russian::{date_numeric, date_quoted, number_sign};
use nastavnik_core::{
    Approval, ApprovalKind, Order, Organization, Person, Responsible, MAX_APPROVAL_COLUMNS,
};

use crate::grammar_filters::upper_first;
use crate::ir::{Stamps, TitlePage};

/// Which approved document: where its approvals live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approved {
    /// The положение: `orders.provision`.
    Provision,
    /// The программа: `orders.programme`.
    Programme,
    /// The standalone roadmap: `roadmap.approvals`, approved by the
    /// implementation order.
    Roadmap,
    /// The individual development plans: `participants.plans`, resting on
    /// the order on the pairs.
    Plans,
    /// An education authority's положение о муниципальной системе
    /// (целевой модели) наставничества: `orders.provision`; by default only
    /// «УТВЕРЖДЕНО приказом …» — no council adopts it.
    MunicipalProvision,
}

impl Approved {
    /// Reads a template's `document=` argument.
    pub fn from_key(key: &str) -> Option<Self> {
        match key {
            "provision" => Some(Approved::Provision),
            "programme" => Some(Approved::Programme),
            "roadmap" => Some(Approved::Roadmap),
            "plans" => Some(Approved::Plans),
            "municipal-provision" => Some(Approved::MunicipalProvision),
            _ => None,
        }
    }

    /// The order under `orders` that holds its approvals and title page
    /// (none for the roadmap: its approvals are its own).
    fn own_order(self, org: &Organization) -> Option<&Order> {
        match self {
            Approved::Provision | Approved::MunicipalProvision => org.orders.provision.as_ref(),
            Approved::Programme => org.orders.programme.as_ref(),
            Approved::Roadmap | Approved::Plans => None,
        }
    }

    /// The order that approves it: its own, or the implementation order;
    /// for the plans, the order on the pairs.
    fn approving_order(self, org: &Organization) -> Option<&Order> {
        if self == Approved::Plans {
            return org.orders.pairs.as_ref();
        }
        self.own_order(org).or(org.orders.implementation.as_ref())
    }

    /// The approvals the YAML gives — `None` when it gives none (the
    /// defaults then stand), `Some([])` for «no approvals» (the plans) — and
    /// how many stand in a row.
    fn given(self, org: &Organization) -> (Option<&[Approval]>, Option<u8>) {
        match self {
            Approved::Roadmap => org
                .roadmap
                .as_ref()
                .map(|r| (listed(&r.approvals), r.approval_columns))
                .unwrap_or_default(),
            Approved::Plans => (
                org.participants
                    .plans
                    .as_ref()
                    .and_then(|p| p.approvals.as_deref()),
                None,
            ),
            _ => self
                .own_order(org)
                .map(|o| (listed(&o.approvals), o.approval_columns))
                .unwrap_or_default(),
        }
    }

    /// The approvals a document has when the YAML gives none: «ПРИНЯТО» and
    /// «УТВЕРЖДЕНО»; the roadmap: «УТВЕРЖДЕН» by the implementation order; a
    /// plan: «УТВЕРЖДАЮ» signed by the curator (or the head).
    fn defaults(self, org: &Organization) -> Vec<Approval> {
        let stamp = |kind| Approval {
            kind,
            ..Approval::default()
        };
        match self {
            // No council adopts the roadmap or an authority's положение.
            Approved::Roadmap | Approved::MunicipalProvision => vec![stamp(ApprovalKind::Approved)],
            Approved::Plans => vec![Approval {
                kind: ApprovalKind::Approve,
                person: Some(
                    org.curator
                        .clone()
                        .filter(|k| org.people.contains_key(k))
                        .unwrap_or_else(|| "head".into()),
                ),
                ..Approval::default()
            }],
            _ => vec![stamp(ApprovalKind::Adopted), stamp(ApprovalKind::Approved)],
        }
    }
}

/// A list of approvals, `None` when empty (the defaults then stand).
fn listed(approvals: &[Approval]) -> Option<&[Approval]> {
    Some(approvals).filter(|a| !a.is_empty())
}

/// A document a stamp cites: an order, a protocol, a registered document.
struct Cited {
    /// «приказом директора школы» (instrumental), when the YAML says.
    reference: Option<String>,
    /// «протокол заседания Управляющего совета» (nominative), when the YAML says.
    name: Option<String>,
    date: chrono::NaiveDate,
    number: String,
}

impl Cited {
    fn of_order(o: &Order) -> Self {
        Cited {
            reference: None,
            name: None,
            date: o.date,
            number: o.number.trim().to_string(),
        }
    }

    fn of_document(d: &nastavnik_core::IssuedDocument) -> Self {
        let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        Cited {
            reference: text(&d.reference),
            name: d.name.as_deref().and_then(text),
            date: d.date,
            number: d.number.trim().to_string(),
        }
    }

    /// «от 01.06.2020 № 47».
    fn dated_number(&self) -> String {
        format!(
            "от {} {}",
            date_numeric(self.date),
            number_sign(&self.number)
        )
    }
}

/// The document behind a key: an order, `council`, or a `documents` key.
fn cited_by_key(org: &Organization, key: &str) -> Option<Cited> {
    let o = &org.orders;
    let order = match key {
        "council" => return org.council.as_ref().map(Cited::of_document),
        "implementation" => o.implementation.as_ref(),
        "curator" => o.curator.as_ref(),
        "pairs" => o.pairs.as_ref(),
        "rewards" => o.rewards.as_ref(),
        "final_event" => o.final_event.as_ref(),
        "provision" => o.provision.as_ref(),
        "programme" => o.programme.as_ref(),
        _ => return org.documents.get(key).map(Cited::of_document),
    };
    order.map(Cited::of_order)
}

/// The person behind a key: under `people`, or `head`.
fn person<'a>(org: &'a Organization, key: &str) -> Option<&'a Person> {
    org.people
        .get(key)
        .or_else(|| (key == "head").then_some(&org.head))
}

const BLANK_NUMBER: &str = "от __________ № ____";
const BLANK_PROTOCOL: &str = "(протокол от __________ № ____)";
const BLANK_DATE: &str = "«___» __________ 20___ г.";
const SIGN_LINE: &str = "____________";

/// The lines of one approval of a document whose title is `noun`
/// («Положение», «Программа»: the participle agrees with it).
/// `narrow`: three or four stamps in a row, where the signature's line and
/// the name do not fit on one line.
fn lines(org: &Organization, of: Approved, noun: &str, a: &Approval, narrow: bool) -> Vec<String> {
    let (gender, number) = phrase_agreement(noun);
    let word = |p: Participle| participle(p, gender, number, true);
    let heading = a.heading.clone().unwrap_or_else(|| match a.kind {
        ApprovalKind::Approve => "УТВЕРЖДАЮ".into(),
        ApprovalKind::Approved => word(Participle::Approved),
        ApprovalKind::Adopted => word(Participle::Accepted),
        ApprovalKind::Agreed => word(Participle::Agreed),
        ApprovalKind::Annex => "Приложение".into(),
    });
    let inline = match (&a.number, a.date) {
        (Some(n), Some(date)) => Some(Cited {
            reference: None,
            name: None,
            date,
            number: n.trim().to_string(),
        }),
        _ => None,
    };
    let cited = a
        .document
        .as_deref()
        .and_then(|k| cited_by_key(org, k))
        .or(inline)
        .or_else(|| match a.kind {
            ApprovalKind::Approved | ApprovalKind::Annex => {
                of.approving_order(org).map(Cited::of_order)
            }
            ApprovalKind::Adopted => org.council.as_ref().map(Cited::of_document),
            ApprovalKind::Approve | ApprovalKind::Agreed => None,
        });
    let by =
        a.by.as_deref()
            .map(str::trim)
            .filter(|b| !b.is_empty())
            .map(str::to_string);
    let org_genitive = || org.short_in(Case::Genitive).text.trim().to_string();
    let mut out = vec![heading];
    match a.kind {
        ApprovalKind::Approved | ApprovalKind::Annex => {
            let lead = if a.kind == ApprovalKind::Approved {
                "приказом"
            } else {
                "к приказу"
            };
            out.push(by.unwrap_or_else(|| {
                cited
                    .as_ref()
                    .and_then(|c| c.reference.clone())
                    .filter(|_| a.kind == ApprovalKind::Approved)
                    .unwrap_or_else(|| format!("{lead} {}", issuer_genitive(org, of)))
            }));
            out.extend(signature(org, a, false, narrow));
            out.push(
                cited
                    .as_ref()
                    .map(Cited::dated_number)
                    .unwrap_or_else(|| BLANK_NUMBER.into()),
            );
        }
        ApprovalKind::Adopted => {
            match by {
                Some(by) => out.push(by),
                None => {
                    let body = org
                        .council
                        .as_ref()
                        .map(|c| c.reference.trim())
                        .filter(|r| !r.is_empty())
                        .unwrap_or("педагогическим советом");
                    out.push(body.to_string());
                    out.push(org_genitive());
                }
            }
            out.extend(signature(org, a, false, narrow));
            out.push(
                cited
                    .as_ref()
                    .map(|c| format!("(протокол {})", c.dated_number()))
                    .unwrap_or_else(|| BLANK_PROTOCOL.into()),
            );
        }
        ApprovalKind::Approve | ApprovalKind::Agreed => {
            out.extend(by);
            let default_signer = a.kind == ApprovalKind::Approve;
            out.extend(signature(org, a, default_signer, narrow));
            match &cited {
                Some(c) => {
                    let name = c.name.clone().unwrap_or_else(|| {
                        if a.kind == ApprovalKind::Approve
                            && a.document.as_deref() != Some("council")
                        {
                            "приказ".into()
                        } else {
                            "протокол".into()
                        }
                    });
                    out.push(format!("{} {}", upper_first(&name), c.dated_number()));
                }
                None => match a.date {
                    Some(d) => out.push(date_quoted(d)),
                    None if a.kind == ApprovalKind::Approve => out.push(BLANK_DATE.into()),
                    None => {}
                },
            }
        }
    }
    out
}

/// The issuer after «приказом» / «к приказу»: an authority's own положение
/// names the authority in full («Отдела образования администрации …
/// района»), other documents as [`Organization::genitive`] does.
fn issuer_genitive(org: &Organization, of: Approved) -> String {
    match of {
        Approved::MunicipalProvision => org.name_in(Case::Genitive).text.trim().to_string(),
        _ => org.genitive(),
    }
}

/// The position line and the signature line of an approval's signer.
/// `default_head`: without `person`, the head signs («УТВЕРЖДАЮ»).
fn signature(org: &Organization, a: &Approval, default_head: bool, narrow: bool) -> Vec<String> {
    let key = a.person.as_deref().or(default_head.then_some("head"));
    let signer = key.and_then(|k| person(org, k));
    let mut out = Vec::new();
    match (&a.position, signer) {
        (Some(p), _) if !p.trim().is_empty() => out.push(p.trim().to_string()),
        (_, Some(p)) if !p.position.trim().is_empty() => out.push(format!(
            "{} {}",
            upper_first(p.position.trim()),
            org.short_in(Case::Genitive).text.trim()
        )),
        _ => {}
    }
    if let Some(p) = signer {
        let name = format!("/{}/", p.initials_surname());
        if narrow {
            out.push(SIGN_LINE.into());
            out.push(name);
        } else {
            out.push(format!("{SIGN_LINE} {name}"));
        }
    }
    out
}

/// The approvals of a document in their grid.
pub fn stamps(org: &Organization, of: Approved, noun: &str) -> Stamps {
    let (given, columns) = of.given(org);
    let defaults;
    let list: &[Approval] = match given {
        Some(given) => given,
        None => {
            defaults = of.defaults(org);
            &defaults
        }
    };
    let columns = columns
        .map(usize::from)
        .unwrap_or_else(|| {
            list.iter()
                .filter_map(|a| a.column)
                .map(usize::from)
                .max()
                .unwrap_or(0)
                .max(2)
        })
        .clamp(1, usize::from(MAX_APPROVAL_COLUMNS));
    let placed: Vec<(Option<usize>, Vec<String>)> = list
        .iter()
        .map(|a| {
            (
                a.column.map(|c| usize::from(c).clamp(1, columns) - 1),
                lines(org, of, noun, a, columns > 2),
            )
        })
        .collect();
    Stamps {
        columns,
        cells: grid(placed, columns),
    }
}

/// Places stamps row by row: each in its column if given (a new row when
/// that column is taken), else in the next free one. A last row that is not
/// full and names no column moves to the right, where stamps stand.
fn grid(stamps: Vec<(Option<usize>, Vec<String>)>, columns: usize) -> Vec<Vec<String>> {
    let mut rows: Vec<(Vec<Option<Vec<String>>>, bool)> = Vec::new();
    let mut next = columns; // the next free column of the last row
    for (column, lines) in stamps {
        let at = column.unwrap_or(next);
        if at < next || at >= columns || rows.is_empty() {
            rows.push((vec![None; columns], false));
        }
        let at = if at >= columns { 0 } else { at };
        let (row, explicit) = rows.last_mut().expect("a row was pushed");
        row[at] = Some(lines);
        *explicit |= column.is_some();
        next = at + 1;
    }
    if let Some((row, false)) = rows.last_mut() {
        let used = row.iter().filter(|c| c.is_some()).count();
        row.rotate_right(columns - used);
    }
    rows.into_iter()
        .flat_map(|(row, _)| row)
        .map(Option::unwrap_or_default)
        .collect()
}

/// The title page of a document, when its order asks for one: `title` are
/// the template's title lines, used unless the YAML gives its own.
pub fn title_page(
    org: &Organization,
    of: Approved,
    noun: &str,
    title: &[String],
) -> Option<TitlePage> {
    let own = of.own_order(org)?;
    let page = own.title_page.as_ref()?;
    let mut top: Vec<String> = page.founder.iter().map(|l| l.trim().to_string()).collect();
    top.push(
        page.organization
            .as_deref()
            .unwrap_or(&org.name)
            .trim()
            .to_string(),
    );
    let compilers: Vec<String> = page
        .compilers
        .iter()
        .map(|c| match c {
            Responsible::Text(text) => text.trim().to_string(),
            Responsible::Person {
                person: key, role, ..
            } => {
                let Some(p) = person(org, key) else {
                    return key.clone();
                };
                let role = role.as_deref().unwrap_or(&p.position).trim();
                if role.is_empty() {
                    p.full_name()
                } else {
                    format!("{}, {role}", p.full_name())
                }
            }
        })
        .collect();
    let compilers = match compilers.len() {
        0 => compilers,
        n => std::iter::once(
            if n == 1 {
                "Составитель:"
            } else {
                "Составители:"
            }
            .to_string(),
        )
        .chain(compilers)
        .collect(),
    };
    let place = page
        .place
        .as_deref()
        .or(org.place.as_deref())
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty());
    let year = page.year.or_else(|| {
        of.approving_order(org)
            .map(|o| chrono::Datelike::year(&o.date))
    });
    Some(TitlePage {
        top,
        stamps: Some(stamps(org, of, noun)),
        title: if page.title.is_empty() {
            title.to_vec()
        } else {
            page.title.iter().map(|l| l.trim().to_string()).collect()
        },
        subtitle: page.subtitle.iter().map(|s| s.trim().to_string()).collect(),
        compilers,
        foot: place
            .into_iter()
            .chain(year.map(|y| y.to_string()))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::grid;

    fn cells(n: usize, columns: usize, at: &[Option<usize>]) -> Vec<bool> {
        let stamps = (0..n)
            .map(|i| (at.get(i).copied().flatten(), vec![i.to_string()]))
            .collect();
        grid(stamps, columns)
            .iter()
            .map(|c| !c.is_empty())
            .collect()
    }

    #[test]
    fn stamps_fill_rows_and_a_short_last_row_moves_right() {
        assert_eq!(cells(2, 2, &[]), [true, true]);
        assert_eq!(cells(1, 2, &[]), [false, true]);
        assert_eq!(cells(3, 2, &[]), [true, true, false, true]);
        assert_eq!(cells(4, 2, &[]), [true; 4]);
        assert_eq!(cells(3, 3, &[]), [true; 3]);
        // Both on the right, one under the other.
        assert_eq!(cells(2, 2, &[Some(1), Some(1)]), [false, true, false, true]);
        // A named first column keeps the stamp on the left.
        assert_eq!(cells(1, 2, &[Some(0)]), [true, false]);
    }
}
