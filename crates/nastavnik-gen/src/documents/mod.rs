//! Document kinds: each builds IR from the model through its template.

pub mod components;
pub mod context;
pub mod report;
pub mod roadmap_table;

use minijinja::Value;
use nastavnik_core::Organization;

use crate::ir::Document;
use crate::markup::to_sections;
use crate::templates::Templates;
use crate::GenError;
use context::{OrderView, OrgView, PersonView, RoadmapView};

/// A kind of document nastavnik writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// Приказ о внедрении целевой модели наставничества, with the roadmap annexed.
    OrderImplementation,
    /// План мероприятий (дорожная карта) as a standalone document.
    Roadmap,
    /// Справка о промежуточных результатах реализации целевой модели.
    ReportInterim,
    /// Справка об итоговых результатах реализации целевой модели.
    ReportFinal,
}

impl DocumentKind {
    /// Every kind, in the order `nastavnik list` shows them.
    pub const ALL: [DocumentKind; 4] = [
        DocumentKind::OrderImplementation,
        DocumentKind::Roadmap,
        DocumentKind::ReportInterim,
        DocumentKind::ReportFinal,
    ];

    /// The identifier used on the command line: `order-implementation`.
    pub fn id(self) -> &'static str {
        match self {
            DocumentKind::OrderImplementation => "order-implementation",
            DocumentKind::Roadmap => "roadmap",
            DocumentKind::ReportInterim => "report-interim",
            DocumentKind::ReportFinal => "report-final",
        }
    }

    /// The Russian name of the kind.
    pub fn title(self) -> &'static str {
        match self {
            DocumentKind::OrderImplementation => {
                "Приказ о внедрении целевой модели наставничества (с дорожной картой в приложении)"
            }
            DocumentKind::Roadmap => "План мероприятий (дорожная карта)",
            DocumentKind::ReportInterim => {
                "Справка о промежуточных результатах реализации целевой модели наставничества"
            }
            DocumentKind::ReportFinal => {
                "Справка об итоговых результатах реализации целевой модели наставничества"
            }
        }
    }

    /// The kind with this identifier.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == id)
    }

    /// The report this kind renders, if it is a report and the YAML has it.
    pub fn report(self, org: &Organization) -> Option<&nastavnik_core::Report> {
        match self {
            DocumentKind::ReportInterim => org.reports.interim.as_ref(),
            DocumentKind::ReportFinal => org.reports.final_.as_ref(),
            _ => None,
        }
    }

    fn template(self) -> &'static str {
        match self {
            DocumentKind::OrderImplementation => "order-implementation.md",
            DocumentKind::Roadmap => "roadmap.md",
            DocumentKind::ReportInterim | DocumentKind::ReportFinal => "report.md",
        }
    }
}

/// Builds the document model of `kind` for `org`.
pub fn build(
    org: &Organization,
    kind: DocumentKind,
    templates: &Templates,
) -> Result<Document, GenError> {
    let context = context(org, kind)?;
    let text = templates.render(kind.template(), context)?;
    let report = kind.report(org);
    let sections =
        to_sections(&text, &mut |c| components::resolve(org, report, c)).map_err(|e| match e {
            GenError::Template(m) => GenError::Template(format!("шаблон {}: {m}", kind.template())),
            other => other,
        })?;
    let title = sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            crate::ir::Block::Heading { content, .. } => Some(
                content
                    .iter()
                    .filter_map(|i| match i {
                        crate::ir::Inline::Text { text, .. } => Some(text.as_str()),
                        _ => None,
                    })
                    .collect::<String>(),
            ),
            _ => None,
        })
        .unwrap_or_else(|| kind.title().to_string());
    let mut document = Document { title, sections };
    // One place for the non-breaking rules, whatever the text came from.
    document.map_text(&nastavnik_core::russian::polish);
    Ok(document)
}

fn context(org: &Organization, kind: DocumentKind) -> Result<Value, GenError> {
    let roadmap = org.roadmap.as_ref().map(RoadmapView::new);
    let order = org.orders.implementation.as_ref().map(OrderView::new);
    let acquainted: Vec<String> = match org
        .orders
        .implementation
        .as_ref()
        .and_then(|o| o.acquainted.clone())
    {
        Some(keys) => keys
            .iter()
            .filter_map(|k| org.people.get(k))
            .map(|p| p.initials_surname())
            .collect(),
        None => org
            .curator()
            .map(|p| p.initials_surname())
            .into_iter()
            .collect(),
    };
    match kind {
        DocumentKind::OrderImplementation => {
            if order.is_none() {
                return Err(GenError::MissingData(
                    "в файле нет раздела orders.implementation (номер, дата и содержание приказа)"
                        .into(),
                ));
            }
            if roadmap.is_none() {
                return Err(GenError::MissingData(
                    "приказ утверждает дорожную карту, но в файле нет раздела roadmap".into(),
                ));
            }
        }
        DocumentKind::Roadmap => {
            if roadmap.is_none() {
                return Err(GenError::MissingData(
                    "в файле нет раздела roadmap (дорожная карта)".into(),
                ));
            }
        }
        DocumentKind::ReportInterim | DocumentKind::ReportFinal => {
            if roadmap.is_none() {
                return Err(GenError::MissingData(
                    "справка строится по дорожной карте, а в файле нет раздела roadmap".into(),
                ));
            }
        }
    }
    let report = match (kind, kind.report(org)) {
        (DocumentKind::ReportInterim, None) | (DocumentKind::ReportFinal, None) => {
            return Err(GenError::MissingData(format!(
                "в файле нет раздела reports.{} (период справки, кто её подготовил)",
                if kind == DocumentKind::ReportInterim {
                    "interim"
                } else {
                    "final"
                }
            )))
        }
        (_, Some(r)) => Some(Value::from_serialize(report::ReportView::new(
            org,
            r,
            if kind == DocumentKind::ReportInterim {
                "interim"
            } else {
                "final"
            },
        ))),
        (_, None) => None,
    };
    let roadmap_period = org
        .roadmap
        .as_ref()
        .and_then(|r| r.period)
        .map(|p| p.describe());
    Ok(minijinja::context! {
        org => Value::from_serialize(OrgView::new(org)),
        head => Value::from_serialize(PersonView::new(&org.head)),
        curator => org.curator().map(|p| Value::from_serialize(PersonView::new(p))),
        order => order.map(Value::from_serialize),
        roadmap => roadmap.map(Value::from_serialize),
        acquainted => acquainted,
        header_lines => org.header.clone(),
        report => report,
        roadmap_period => roadmap_period,
    })
}
