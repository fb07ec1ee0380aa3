//! Components the templates place with `@[name args]`: structured blocks
//! built from the model rather than from prose.

use nastavnik_core::{Organization, Report};

use crate::documents::roadmap_table::roadmap_table;
use crate::ir::{
    Acquaintance, Align, Aside, AsideKind, Block, Inline, Orientation, Paragraph, Requisites,
    Signature,
};
use crate::markup::{Component, Piece};
use crate::GenError;

/// Resolves the components every document kind shares.
pub fn resolve(
    org: &Organization,
    report: Option<&Report>,
    c: &Component,
) -> Result<Vec<Piece>, GenError> {
    let block = |b: Block| Ok(vec![Piece::Block(b)]);
    match c.name.as_str() {
        "requisites" => block(Block::Requisites(Requisites {
            header_lines: org.header.clone(),
            issuer: org.name.trim().to_string(),
            kind: c.arg(0).to_string(),
            date: c.arg(1).to_string(),
            number: c.arg(2).to_string(),
            place: org.place.clone(),
        })),
        "directive" => block(Block::Paragraph(Paragraph {
            content: vec![Inline::plain(c.args.join(" "))],
            align: Align::Left,
            indent: false,
        })),
        "signature" => block(Block::Signature(Signature {
            position: c.arg(0).to_string(),
            name: c.arg(1).to_string(),
        })),
        "acquaintance" => block(Block::Acquaintance(Acquaintance {
            label: c.arg(0).to_string(),
            names: c
                .args
                .iter()
                .skip(1)
                .filter(|n| !n.is_empty())
                .cloned()
                .collect(),
        })),
        "annex-mark" | "approval-stamp" => block(Block::Aside(Aside {
            kind: if c.name == "annex-mark" {
                AsideKind::AnnexMark
            } else {
                AsideKind::ApprovalStamp
            },
            lines: c.args.iter().filter(|l| !l.is_empty()).cloned().collect(),
        })),
        "section" => Ok(vec![Piece::NewSection(match c.arg(0) {
            "landscape" => Orientation::Landscape,
            _ => Orientation::Portrait,
        })]),
        "roadmap-table" => {
            let roadmap = org.roadmap.as_ref().ok_or_else(|| {
                GenError::MissingData("в файле нет раздела roadmap (дорожная карта)".into())
            })?;
            block(Block::Table(roadmap_table(org, roadmap, &c.args)))
        }
        "monitoring-table" => {
            let report = report.ok_or_else(|| {
                GenError::Template(format!(
                    "строка {}: таблица мониторинга бывает только в справке",
                    c.line
                ))
            })?;
            block(Block::Table(crate::documents::report::monitoring_table(
                org, report, &c.args,
            )))
        }
        "pairs-table" => block(Block::Table(crate::documents::report::two_columns(
            &c.args,
            [70.0, 30.0],
        ))),
        "portrait-table" => block(Block::Table(crate::documents::report::two_columns(
            &c.args,
            [50.0, 50.0],
        ))),
        "stamps" => {
            let split = c
                .args
                .iter()
                .position(String::is_empty)
                .unwrap_or(c.args.len());
            block(Block::Stamps {
                left: c.args[..split].to_vec(),
                right: c.args.get(split + 1..).unwrap_or_default().to_vec(),
            })
        }
        "notice" => block(Block::Paragraph(Paragraph {
            content: vec![Inline::bold(c.args.join(" "))],
            align: Align::Left,
            indent: false,
        })),
        "pairs-list" => block(Block::Table(crate::documents::participants::pairs_table(
            org, &c.args,
        ))),
        "participants-table" => block(Block::Table(
            crate::documents::participants::participants_table(
                org,
                c.arg(0),
                c.args.get(1..).unwrap_or_default(),
            ),
        )),
        "plan-table" => block(Block::Table(crate::documents::participants::plan_table(
            org,
            c.arg(0).parse::<usize>().unwrap_or(1).saturating_sub(1),
            c.args.get(1..).unwrap_or_default(),
        ))),
        other => Err(GenError::Template(format!(
            "строка {}: неизвестный компонент @[{other}]",
            c.line
        ))),
    }
}
