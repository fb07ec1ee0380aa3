//! The roadmap as a table. One model, three layouts (numbered sections with
//! rows across the table; stages with spanning stage cells; strategies with
//! spanning strategy cells), and in each the columns the data chooses
//! ([`Roadmap::columns`]): which fields, in what order, under what headers,
//! with what list style inside the cells.

use nastavnik_core::catalogue::default_roadmap::steps_of;
use nastavnik_core::{
    Column, ColumnField, ListStyle, Organization, Responsible, Roadmap, RoadmapItem, RoadmapLayout,
    RoadmapSection, Step,
};

use crate::ir::{Align, Block, Cell, Inline, Paragraph, Row, Table};

/// How wide a landscape roadmap is, in characters of its 12 pt text: the
/// measure the column widths are fitted to.
const LANDSCAPE_CHARS: f32 = 130.0;

/// The headers of the roadmap's columns, as the table will show them.
pub fn roadmap_headers(roadmap: &Roadmap) -> Vec<String> {
    roadmap.columns().into_iter().map(|c| c.header).collect()
}

/// Builds the roadmap's table. `headers`, when given, replace the columns'
/// own headers one for one (the caller has checked their number).
pub fn roadmap_table(org: &Organization, roadmap: &Roadmap, headers: Option<&[String]>) -> Table {
    let mut columns = roadmap.columns();
    if let Some(headers) = headers {
        for (column, header) in columns.iter_mut().zip(headers) {
            column.header = header.clone();
        }
    }
    let builder = Builder {
        org,
        layout: roadmap.layout(),
        has_content: columns.iter().any(|c| c.field == ColumnField::Content),
        has_result: columns.iter().any(|c| c.field == ColumnField::Result),
        columns: &columns,
    };
    let mut header = vec![Row {
        cells: columns
            .iter()
            .map(|c| Cell::text(c.header.clone()).bold().centered())
            .collect(),
    }];
    if roadmap.numbering_row() {
        header.push(Row {
            cells: (1..=columns.len())
                .map(|n| Cell::text(n.to_string()).centered())
                .collect(),
        });
    }
    let mut rows = Vec::new();
    for (i, section) in roadmap.sections.iter().enumerate() {
        match builder.layout {
            RoadmapLayout::Sections => builder.section_rows(i, section, &mut rows),
            _ => builder.group_rows(i, section, &mut rows),
        }
    }
    let mut table = Table {
        columns: vec![1.0; columns.len()],
        header,
        rows,
    };
    table.fit_columns(LANDSCAPE_CHARS);
    table
}

/// Which rows a cell belongs to: the whole section, an item, or one step.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Section,
    Item,
    Step,
}

struct Builder<'a> {
    org: &'a Organization,
    layout: RoadmapLayout,
    columns: &'a [Column],
    has_content: bool,
    has_result: bool,
}

/// Where a row stands: its section, its item and step, and which of them it
/// opens (a spanning cell is written in the first row it covers only).
struct Place<'a> {
    section_number: usize,
    section: &'a RoadmapSection,
    section_rows: usize,
    item: Option<(&'a str, usize, &'a RoadmapItem)>,
    steps: usize,
    step: Option<(&'a Step, bool)>,
    first_of_section: bool,
    first_of_item: bool,
}

impl Builder<'_> {
    fn level(&self, field: ColumnField) -> Level {
        match (self.layout, field) {
            (RoadmapLayout::Sections, ColumnField::Number | ColumnField::Title) => Level::Item,
            (_, ColumnField::Number | ColumnField::Section) => Level::Section,
            (_, ColumnField::Title) => Level::Item,
            _ => Level::Step,
        }
    }

    /// A section row across the table, then its items depth first.
    fn section_rows(&self, i: usize, section: &RoadmapSection, rows: &mut Vec<Row>) {
        let n = self.columns.len() as u16;
        let title = section.title.trim();
        let cells = if self.columns.first().map(|c| c.field) == Some(ColumnField::Number) && n > 1 {
            vec![
                Cell::text(format!("{}.", i + 1)).bold(),
                Cell::text(title).bold().spanning(n - 1),
            ]
        } else {
            vec![Cell::text(format!("{}. {title}", i + 1)).bold().spanning(n)]
        };
        rows.push(Row { cells });
        self.item_rows(i, section, &(i + 1).to_string(), &section.items, rows);
    }

    fn item_rows(
        &self,
        i: usize,
        section: &RoadmapSection,
        prefix: &str,
        items: &[RoadmapItem],
        rows: &mut Vec<Row>,
    ) {
        for (k, item) in items.iter().enumerate() {
            let number = format!("{prefix}.{}", k + 1);
            let explicit = !item.steps.is_empty();
            let steps = steps_of(item);
            for (s, step) in steps.iter().enumerate() {
                let place = Place {
                    section_number: i + 1,
                    section,
                    section_rows: 1,
                    item: Some((&number, k, item)),
                    steps: steps.len(),
                    step: Some((step, explicit)),
                    first_of_section: false,
                    first_of_item: s == 0,
                };
                rows.push(self.row(&place, &mut 0));
            }
            self.item_rows(i, section, &number, &item.items, rows);
        }
    }

    /// The rows of a stage or a strategy: its cells span all of them.
    fn group_rows(&self, i: usize, section: &RoadmapSection, rows: &mut Vec<Row>) {
        let activities: Vec<(&RoadmapItem, Vec<Step>)> = section
            .items
            .iter()
            .map(|item| (item, steps_of(item)))
            .collect();
        let section_rows = activities
            .iter()
            .map(|(_, steps)| steps.len())
            .sum::<usize>()
            .max(1);
        if activities.is_empty() {
            let place = Place {
                section_number: i + 1,
                section,
                section_rows,
                item: None,
                steps: 1,
                step: None,
                first_of_section: true,
                first_of_item: true,
            };
            rows.push(self.row(&place, &mut 0));
            return;
        }
        let mut first_of_section = true;
        for (k, (item, steps)) in activities.iter().enumerate() {
            let explicit = !item.steps.is_empty();
            let number = format!("{}.{}", i + 1, k + 1);
            let mut counter = 0usize;
            for (s, step) in steps.iter().enumerate() {
                let place = Place {
                    section_number: i + 1,
                    section,
                    section_rows,
                    item: Some((&number, k, item)),
                    steps: steps.len(),
                    step: Some((step, explicit)),
                    first_of_section,
                    first_of_item: s == 0,
                };
                rows.push(self.row(&place, &mut counter));
                first_of_section = false;
            }
        }
    }

    /// One row: a cell per column, less those covered by a span from above.
    fn row(&self, place: &Place, counter: &mut usize) -> Row {
        let mut cells = Vec::new();
        for column in self.columns {
            let cell = match self.level(column.field) {
                Level::Section if !place.first_of_section => continue,
                Level::Section => {
                    spanning_rows(self.cell(column, place, counter), place.section_rows)
                }
                Level::Item if !place.first_of_item => continue,
                Level::Item => spanning_rows(self.cell(column, place, counter), place.steps),
                Level::Step => self.cell(column, place, counter),
            };
            cells.push(cell);
        }
        Row { cells }
    }

    fn cell(&self, column: &Column, place: &Place, counter: &mut usize) -> Cell {
        let item = place.item.map(|(_, _, item)| item);
        match column.field {
            ColumnField::Number => match (self.layout, place.item) {
                (RoadmapLayout::Sections, Some((number, _, _))) => Cell::text(number),
                _ => {
                    let number = format!("{}.", place.section_number);
                    continued(Cell::text(number.clone()), number)
                }
            },
            ColumnField::Section => {
                let title = place.section.title.trim();
                continued(Cell::text(title), format!("{title} (продолжение)"))
            }
            ColumnField::Title => {
                let Some((_, k, item)) = place.item else {
                    return Cell::text("");
                };
                let title = if self.layout == RoadmapLayout::Strategies {
                    format!("{}. {}", k + 1, item.title.trim())
                } else {
                    item.title.trim().to_string()
                };
                let mut blocks = Vec::new();
                if !item.title.trim().is_empty() {
                    blocks.push(left(vec![Inline::plain(title)]));
                }
                // Details stand under the title unless a content column shows them.
                if !self.has_content {
                    blocks.extend(list(&item.details, column.list, &mut 0));
                }
                // With no column for a step's points, the title lists them.
                if !self.has_content && !self.has_result {
                    let style = self.layout.default_list(ColumnField::Content);
                    for step in &item.steps {
                        blocks.extend(self.step_points(step, style, &mut 0));
                    }
                }
                cell_of(blocks)
            }
            ColumnField::Content => {
                let mut blocks = Vec::new();
                let columns_have_title = self.columns.iter().any(|c| c.field == ColumnField::Title);
                if let (Some(item), true, false) = (item, place.first_of_item, columns_have_title) {
                    if !item.title.trim().is_empty() {
                        blocks.push(left(vec![Inline::plain(item.title.trim())]));
                    }
                }

                if let Some((step, _)) = place.step {
                    blocks.extend(self.step_points(step, column.list, counter));
                    if !self.has_result {
                        blocks.extend(list(&step.result, ListStyle::None, &mut 0));
                    }
                }
                cell_of(blocks)
            }
            ColumnField::Deadline => Cell::text(
                place
                    .step
                    .and_then(|(s, _)| s.deadline.as_ref())
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            ),
            ColumnField::Responsible => match place.step {
                Some((step, _)) => responsible_cell(self.org, &step.responsible),
                None => Cell::text(""),
            },
            ColumnField::Result => {
                let Some((step, explicit)) = place.step else {
                    return Cell::text("");
                };
                let mut blocks = Vec::new();
                // A step's own points show here when no column holds them.
                if explicit && !self.has_content {
                    let style = self.layout.default_list(ColumnField::Content);
                    blocks.extend(self.step_points(step, style, &mut 0));
                }
                blocks.extend(list(&step.result, column.list, &mut 0));
                cell_of(blocks)
            }
        }
    }

    /// A step's bold name, then its points in `style` (numbers continue
    /// through an activity's steps).
    fn step_points(&self, step: &Step, style: ListStyle, counter: &mut usize) -> Vec<Block> {
        let mut blocks = Vec::new();
        if let Some(title) = &step.title {
            blocks.push(left(vec![Inline::bold(title.trim())]));
        }
        blocks.extend(list(&step.points, style, counter));
        blocks
    }
}

fn left(content: Vec<Inline>) -> Block {
    Block::Paragraph(Paragraph::aligned(content, Align::Left))
}

/// Lines set in a list style; numbers continue from `counter`.
fn list(lines: &[String], style: ListStyle, counter: &mut usize) -> Vec<Block> {
    if lines.is_empty() {
        return Vec::new();
    }
    match style {
        ListStyle::Dashes => vec![Block::List(
            lines
                .iter()
                .map(|l| vec![Inline::plain(l.trim())])
                .collect(),
        )],
        ListStyle::Numbers => lines
            .iter()
            .map(|l| {
                *counter += 1;
                left(vec![Inline::plain(format!("{counter}. {}", l.trim()))])
            })
            .collect(),
        ListStyle::None => lines
            .iter()
            .map(|l| left(vec![Inline::plain(l.trim())]))
            .collect(),
    }
}

fn cell_of(blocks: Vec<Block>) -> Cell {
    let mut cell = Cell::text("");
    cell.blocks = blocks;
    cell
}

fn responsible_cell(org: &Organization, list: &[Responsible]) -> Cell {
    Cell::text(
        list.iter()
            .map(|r| responsible_text(org, r))
            .collect::<Vec<_>>()
            .join(", "),
    )
}

fn spanning_rows(mut cell: Cell, rows: usize) -> Cell {
    cell.row_span = rows.max(1) as u16;
    cell
}

/// A group's cell says what it is again on a page the group continues on.
fn continued(mut cell: Cell, label: String) -> Cell {
    if !label.trim().is_empty() {
        cell.continued = Some(label);
    }
    cell
}

/// «Куратор ЦМН – заместитель директора Е.В. Шевчук», «наставники».
pub fn responsible_text(org: &Organization, r: &Responsible) -> String {
    match r {
        Responsible::Text(t) => t.trim().to_string(),
        Responsible::Person { person, role, note } => {
            let Some(p) = org.people.get(person) else {
                return person.clone();
            };
            let role = role.as_deref().unwrap_or(&p.position).trim();
            let mut out = if role.is_empty() {
                p.initials_surname()
            } else {
                format!("{role} {}", p.initials_surname())
            };
            if let Some(note) = note {
                out.push(' ');
                out.push_str(note.trim());
            }
            out
        }
    }
}
