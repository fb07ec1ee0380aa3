//! The справка: interim and final reports built from the roadmap's progress.

use nastavnik_core::catalogue::default_roadmap::steps_of;
use nastavnik_core::model::progress::{is_overdue, percent};
use nastavnik_core::{Organization, Report, RoadmapItem, TextBlock};
use serde::Serialize;

use crate::documents::roadmap_table::responsible_text;
use crate::ir::{Align, Block, Cell, Inline, Paragraph, Row, Table};

/// Every task of the roadmap in report order: sections flattened, sub-items
/// after their item, numbered 1, 2, 3 …
pub fn tasks(org: &Organization) -> Vec<&RoadmapItem> {
    fn walk<'a>(items: &'a [RoadmapItem], out: &mut Vec<&'a RoadmapItem>) {
        for item in items {
            out.push(item);
            walk(&item.items, out);
        }
    }
    let mut out = Vec::new();
    for section in org.roadmap.iter().flat_map(|r| &r.sections) {
        walk(&section.items, &mut out);
    }
    out
}

/// Whether anything has been recorded for an item.
fn has_progress(item: &RoadmapItem) -> bool {
    item.status.is_some()
        || !item.evidence.is_empty()
        || item
            .steps
            .iter()
            .any(|s| s.status.is_some() || !s.evidence.is_empty())
}

/// Numbers of the tasks overdue on the report's date.
pub fn overdue_tasks(org: &Organization, report: &Report) -> Vec<usize> {
    let Some(as_of) = report.as_of else {
        return Vec::new();
    };
    tasks(org)
        .iter()
        .enumerate()
        .filter(|(_, item)| {
            steps_of(item)
                .iter()
                .any(|s| is_overdue(s.deadline.as_ref(), s.status, as_of))
        })
        .map(|(i, _)| i + 1)
        .collect()
}

/// A block of the school's own text as templates see it.
#[derive(Serialize)]
pub struct TextBlockView {
    /// `paragraph`, `list` or `numbered`.
    pub kind: &'static str,
    /// The paragraph's text.
    pub text: String,
    /// The list's items.
    pub items: Vec<String>,
}

/// One figure: a key the template names, and its value as printed.
#[derive(Serialize)]
pub struct FigureView {
    /// `mentors`, `pupils_share`, `form` …
    pub key: &'static str,
    /// For `form`: the form's name.
    pub form: String,
    /// The value: «15», «72,5 %», «5 пар, 1 группа».
    pub value: String,
}

/// The report as templates see it.
#[derive(Serialize)]
pub struct ReportView {
    /// `interim` or `final`.
    pub kind: &'static str,
    /// «по итогам 1 полугодия 2021–2022 учебного года».
    pub period: String,
    /// ISO date of «по состоянию на».
    pub as_of: Option<String>,
    /// The goal sentence, when the YAML gives one.
    pub goal: Option<String>,
    /// Titles of the first section's tasks with progress recorded.
    pub prepared: Vec<String>,
    /// The school's own text.
    pub text: Vec<TextBlockView>,
    /// Figures, only those the data gives.
    pub figures: Vec<FigureView>,
    /// The target share, printed: «70 %».
    pub target: String,
    /// Numbers of overdue tasks.
    pub overdue: Vec<usize>,
    /// Who prepared it.
    pub prepared_by: Vec<String>,
}

impl ReportView {
    /// Builds the view.
    pub fn new(org: &Organization, report: &Report, kind: &'static str) -> Self {
        let prepared = org
            .roadmap
            .iter()
            .flat_map(|r| r.sections.first())
            .flat_map(|s| &s.items)
            .filter(|item| has_progress(item))
            .map(|item| item.title.trim().to_string())
            .collect();
        let text = report
            .text
            .iter()
            .map(|b| match b {
                TextBlock::Paragraph(t) => TextBlockView {
                    kind: "paragraph",
                    text: t.clone(),
                    items: vec![],
                },
                TextBlock::List(items) => TextBlockView {
                    kind: "list",
                    text: String::new(),
                    items: items.clone(),
                },
                TextBlock::Numbered(items) => TextBlockView {
                    kind: "numbered",
                    text: String::new(),
                    items: items.clone(),
                },
            })
            .collect();
        let target_value = report
            .figures
            .as_ref()
            .and_then(|f| f.target)
            .unwrap_or(70.0);
        ReportView {
            kind,
            period: report.period.trim().to_string(),
            as_of: report.as_of.map(|d| d.format("%Y-%m-%d").to_string()),
            goal: report.goal.clone(),
            prepared,
            text,
            figures: figures(report),
            target: percent(target_value, 100.0).unwrap_or_default(),
            overdue: overdue_tasks(org, report),
            prepared_by: report
                .prepared_by
                .iter()
                .map(|r| responsible_text(org, r))
                .collect(),
        }
    }
}

fn figures(report: &Report) -> Vec<FigureView> {
    let Some(f) = &report.figures else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut push = |key: &'static str, value: Option<String>| {
        if let Some(value) = value {
            out.push(FigureView {
                key,
                form: String::new(),
                value,
            });
        }
    };
    push("mentors", f.mentors.map(|n| n.to_string()));
    push("mentees", f.mentees.map(|n| n.to_string()));
    push("pupils", f.pupils.map(|n| n.to_string()));
    push("pupils_mentored", f.pupils_mentored.map(|n| n.to_string()));
    push(
        "pupils_share",
        f.pupils_mentored
            .zip(f.pupils)
            .and_then(|(part, whole)| percent(part.into(), whole.into())),
    );
    push("young_teachers", f.young_teachers.map(|n| n.to_string()));
    push(
        "young_teachers_mentored",
        f.young_teachers_mentored.map(|n| n.to_string()),
    );
    push(
        "young_teachers_share",
        f.young_teachers_mentored
            .zip(f.young_teachers)
            .and_then(|(part, whole)| percent(part.into(), whole.into())),
    );
    for form in &f.by_form {
        out.push(FigureView {
            key: "form",
            form: form.form.trim().to_string(),
            value: format!("{} / {}", form.pairs, form.groups),
        });
    }
    out
}

/// «№ п/п · Задача · Мероприятия · Отметка о выполнении»: a row per task,
/// its activities numbered inside; a task whose steps were marked apart
/// spans their rows.
pub fn monitoring_table(org: &Organization, report: &Report, headers: &[String]) -> Table {
    let header = Row {
        cells: (0..4)
            .map(|i| {
                Cell::text(headers.get(i).cloned().unwrap_or_default())
                    .bold()
                    .centered()
            })
            .collect(),
    };
    let mut rows = Vec::new();
    for (n, item) in tasks(org).into_iter().enumerate() {
        let steps = steps_of(item);
        let total_points: usize = steps.iter().map(|s| s.points.len()).sum();
        let mut counter = 0;
        for (k, step) in steps.iter().enumerate() {
            let mut cells = Vec::new();
            if k == 0 {
                let mut number = Cell::text(format!("{}.", n + 1));
                number.row_span = steps.len() as u16;
                let mut title = Cell::text(item.title.trim());
                title.row_span = steps.len() as u16;
                cells.push(number);
                cells.push(title);
            }
            let activities: Vec<Block> = step
                .points
                .iter()
                .map(|p| {
                    let text = if total_points > 1 {
                        counter += 1;
                        format!("{counter}. {}", p.trim())
                    } else {
                        p.trim().to_string()
                    };
                    Block::Paragraph(Paragraph::aligned(vec![Inline::plain(text)], Align::Left))
                })
                .collect();
            let mut activities_cell = Cell::text("");
            activities_cell.blocks = activities;
            cells.push(activities_cell);
            cells.push(mark_cell(org, report, step));
            rows.push(Row { cells });
        }
    }
    Table {
        columns: vec![8.0, 27.0, 35.0, 30.0],
        header: vec![header],
        rows,
    }
}

fn mark_cell(org: &Organization, report: &Report, step: &nastavnik_core::Step) -> Cell {
    let mut blocks = Vec::new();
    for evidence in &step.evidence {
        let line = evidence.line(org);
        let mut content = Vec::new();
        if !line.text.is_empty() {
            content.push(Inline::plain(line.text));
        }
        if let Some(url) = line.link {
            if !content.is_empty() {
                content.push(Inline::plain(" "));
            }
            content.push(Inline::Link {
                text: url.clone(),
                url,
            });
        }
        blocks.push(Block::Paragraph(Paragraph::aligned(content, Align::Left)));
    }
    if step.evidence.is_empty() {
        if let Some(status) = step.status {
            blocks.push(Block::Paragraph(Paragraph::aligned(
                vec![Inline::plain(status.word())],
                Align::Left,
            )));
        }
    }
    if let Some(as_of) = report.as_of {
        if is_overdue(step.deadline.as_ref(), step.status, as_of) {
            let deadline = step
                .deadline
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            blocks.push(Block::Paragraph(Paragraph::aligned(
                vec![Inline::bold(format!("не выполнено в срок ({deadline})"))],
                Align::Left,
            )));
        }
    }
    let mut cell = Cell::text("");
    cell.blocks = blocks;
    cell
}

/// A table of text: headers, rows of as many cells, relative widths.
pub fn simple_table(headers: &[String], rows: &[Vec<String>], widths: &[f32]) -> Table {
    let header = Row {
        cells: headers
            .iter()
            .map(|h| Cell::text(h.clone()).bold().centered())
            .collect(),
    };
    let rows = rows
        .iter()
        .map(|cells| Row {
            cells: cells.iter().map(|c| Cell::text(c.clone())).collect(),
        })
        .collect();
    Table {
        columns: widths.to_vec(),
        header: vec![header],
        rows,
    }
}
