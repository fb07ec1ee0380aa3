//! The roadmap as a table, in the three layouts real roadmaps use. One model,
//! three views: numbered sections (a school plan, a municipal order's annex),
//! the seven stages with spanning stage cells, programme strategies.

use nastavnik_core::catalogue::default_roadmap::steps_of;
use nastavnik_core::{Organization, Responsible, Roadmap, RoadmapItem, RoadmapLayout, Step};

use crate::ir::{Align, Block, Cell, Inline, Paragraph, Row, Table};

/// How many columns a roadmap layout has (`sections`, `stages`, `strategies`).
pub fn roadmap_columns(layout: &str) -> usize {
    match layout {
        "stages" | "strategies" => 6,
        _ => 5,
    }
}

/// Builds the roadmap's table; `headers` are the column titles.
pub fn roadmap_table(org: &Organization, roadmap: &Roadmap, headers: &[String]) -> Table {
    match roadmap.layout() {
        RoadmapLayout::Sections => sections_table(org, roadmap, headers),
        RoadmapLayout::Stages => stages_table(org, roadmap, headers),
        RoadmapLayout::Strategies => strategies_table(org, roadmap, headers),
    }
}

fn header_row(headers: &[String], columns: usize) -> Row {
    Row {
        cells: (0..columns)
            .map(|i| {
                Cell::text(headers.get(i).cloned().unwrap_or_default())
                    .bold()
                    .centered()
            })
            .collect(),
    }
}

fn paragraphs(lines: &[String]) -> Vec<Block> {
    lines
        .iter()
        .map(|l| {
            Block::Paragraph(Paragraph::aligned(
                vec![Inline::plain(l.trim())],
                Align::Left,
            ))
        })
        .collect()
}

fn cell_of(blocks: Vec<Block>) -> Cell {
    let mut cell = Cell::text("");
    cell.blocks = blocks;
    cell
}

fn dashes(lines: &[String]) -> Block {
    Block::List(
        lines
            .iter()
            .map(|d| vec![Inline::plain(d.trim())])
            .collect(),
    )
}

fn deadline_cell(step: &Step) -> Cell {
    Cell::text(
        step.deadline
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
    )
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

/// «№ п/п · мероприятие · срок · ответственный · результат».
fn sections_table(org: &Organization, roadmap: &Roadmap, headers: &[String]) -> Table {
    let mut rows = Vec::new();
    for (i, section) in roadmap.sections.iter().enumerate() {
        rows.push(Row {
            cells: vec![
                Cell::text(format!("{}.", i + 1)).bold(),
                Cell::text(section.title.trim()).bold().spanning(4),
            ],
        });
        section_items(org, &(i + 1).to_string(), &section.items, &mut rows);
    }
    Table {
        columns: vec![7.0, 37.0, 15.0, 20.0, 21.0],
        header: vec![header_row(headers, 5)],
        rows,
    }
}

fn section_items(org: &Organization, prefix: &str, items: &[RoadmapItem], rows: &mut Vec<Row>) {
    for (i, item) in items.iter().enumerate() {
        let number = format!("{prefix}.{}", i + 1);
        let mut title = Cell::text(item.title.trim());
        if !item.details.is_empty() {
            title.blocks.push(dashes(&item.details));
        }
        let steps = if item.steps.is_empty() {
            Vec::new()
        } else {
            item.steps.clone()
        };
        if steps.is_empty() {
            let step = &steps_of(item)[0];
            rows.push(Row {
                cells: vec![
                    Cell::text(number.clone()),
                    title,
                    deadline_cell(step),
                    responsible_cell(org, &step.responsible),
                    cell_of(paragraphs(&step.result)),
                ],
            });
        } else {
            // Each step is a row; the number and title span them.
            for (k, step) in steps.iter().enumerate() {
                let mut cells = Vec::new();
                if k == 0 {
                    cells.push(spanning_rows(Cell::text(number.clone()), steps.len()));
                    cells.push(spanning_rows(title.clone(), steps.len()));
                }
                cells.push(deadline_cell(step));
                cells.push(responsible_cell(org, &step.responsible));
                let mut result = step_blocks(step, None);
                result.extend(paragraphs(&step.result));
                cells.push(cell_of(result));
                rows.push(Row { cells });
            }
        }
        section_items(org, &number, &item.items, rows);
    }
}

/// The points of a step: a bold name, then numbered points (continuing from
/// `numbered` when given) or dashes.
fn step_blocks(step: &Step, numbered: Option<&mut usize>) -> Vec<Block> {
    let mut blocks = Vec::new();
    if let Some(title) = &step.title {
        blocks.push(Block::Paragraph(Paragraph::aligned(
            vec![Inline::bold(title.trim())],
            Align::Left,
        )));
    }
    match numbered {
        Some(counter) => {
            for point in &step.points {
                *counter += 1;
                blocks.push(Block::Paragraph(Paragraph::aligned(
                    vec![Inline::plain(format!("{}. {}", counter, point.trim()))],
                    Align::Left,
                )));
            }
        }
        None if !step.points.is_empty() => blocks.push(dashes(&step.points)),
        None => {}
    }
    blocks
}

/// «№ · этап · мероприятия · содержание деятельности · сроки · ответственные»:
/// the stage spans the rows of its activities, an activity spans its steps.
fn stages_table(org: &Organization, roadmap: &Roadmap, headers: &[String]) -> Table {
    let mut rows = Vec::new();
    for (i, stage) in roadmap.sections.iter().enumerate() {
        let activities: Vec<(&RoadmapItem, Vec<Step>)> = stage
            .items
            .iter()
            .map(|item| (item, steps_of(item)))
            .collect();
        let stage_rows: usize = activities
            .iter()
            .map(|(_, steps)| steps.len())
            .sum::<usize>()
            .max(1);
        let stage_cells = vec![
            spanning_rows(Cell::text(format!("{}.", i + 1)), stage_rows),
            spanning_rows(Cell::text(stage.title.trim()), stage_rows),
        ];
        if activities.is_empty() {
            let mut cells = stage_cells;
            cells.extend((0..4).map(|_| Cell::text("")));
            rows.push(Row { cells });
            continue;
        }
        let mut first_of_stage = true;
        for (item, steps) in &activities {
            let mut counter = 0usize;
            for (k, step) in steps.iter().enumerate() {
                let mut cells = Vec::new();
                if first_of_stage {
                    cells.extend(stage_cells.iter().cloned());
                    first_of_stage = false;
                }
                if k == 0 {
                    cells.push(spanning_rows(Cell::text(item.title.trim()), steps.len()));
                }
                let mut content = step_blocks(step, Some(&mut counter));
                content.extend(paragraphs(&step.result));
                cells.push(cell_of(content));
                cells.push(deadline_cell(step));
                cells.push(responsible_cell(org, &step.responsible));
                rows.push(Row { cells });
            }
        }
    }
    Table {
        columns: vec![5.0, 15.0, 20.0, 34.0, 11.0, 15.0],
        header: vec![header_row(headers, 6)],
        rows,
    }
}

/// «№ п/п · стратегии · механизмы · результаты · сроки · ответственные» with
/// the numbered row «1 … 6» under the header; a strategy spans its mechanisms.
fn strategies_table(org: &Organization, roadmap: &Roadmap, headers: &[String]) -> Table {
    let numbers = Row {
        cells: (1..=6)
            .map(|n| Cell::text(n.to_string()).centered())
            .collect(),
    };
    let mut rows = Vec::new();
    for (i, strategy) in roadmap.sections.iter().enumerate() {
        let count = strategy.items.len().max(1);
        let mut strategy_cells = vec![
            spanning_rows(Cell::text(format!("{}.", i + 1)), count),
            spanning_rows(Cell::text(strategy.title.trim()), count),
        ];
        if strategy.items.is_empty() {
            strategy_cells.extend((0..4).map(|_| Cell::text("")));
            rows.push(Row {
                cells: strategy_cells,
            });
            continue;
        }
        for (k, item) in strategy.items.iter().enumerate() {
            let mut cells = if k == 0 {
                std::mem::take(&mut strategy_cells)
            } else {
                Vec::new()
            };
            let mut mechanism = vec![Block::Paragraph(Paragraph::aligned(
                vec![Inline::plain(format!("{}. {}", k + 1, item.title.trim()))],
                Align::Left,
            ))];
            if !item.details.is_empty() {
                mechanism.push(dashes(&item.details));
            }
            cells.push(cell_of(mechanism));
            cells.push(cell_of(paragraphs(&item.result)));
            cells.push(Cell::text(
                item.deadline
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            ));
            cells.push(responsible_cell(org, &item.responsible));
            rows.push(Row { cells });
        }
    }
    Table {
        columns: vec![5.0, 17.0, 34.0, 16.0, 12.0, 16.0],
        header: vec![header_row(headers, 6), numbers],
        rows,
    }
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
