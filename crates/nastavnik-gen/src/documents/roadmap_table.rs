//! The roadmap as a table of numbered sections and items (seeds 000 and 004).

use nastavnik_core::{Organization, Responsible, Roadmap, RoadmapItem};

use crate::ir::{Align, Block, Cell, Inline, Paragraph, Row, Table};

/// Relative widths of «№ · мероприятие · срок · ответственный · результат».
const WIDTHS: [f32; 5] = [7.0, 37.0, 15.0, 20.0, 21.0];

/// Builds the five-column table; `headers` are the column titles.
pub fn roadmap_table(org: &Organization, roadmap: &Roadmap, headers: &[String]) -> Table {
    let header = Row {
        cells: (0..WIDTHS.len())
            .map(|i| {
                Cell::text(headers.get(i).cloned().unwrap_or_default())
                    .bold()
                    .centered()
            })
            .collect(),
    };
    let mut rows = Vec::new();
    for (i, section) in roadmap.sections.iter().enumerate() {
        rows.push(Row {
            cells: vec![
                Cell::text(format!("{}.", i + 1)).bold(),
                Cell::text(section.title.trim()).bold().spanning(4),
            ],
        });
        item_rows(org, &(i + 1).to_string(), &section.items, &mut rows);
    }
    Table {
        columns: WIDTHS.to_vec(),
        header: vec![header],
        rows,
    }
}

fn item_rows(org: &Organization, prefix: &str, items: &[RoadmapItem], rows: &mut Vec<Row>) {
    for (i, item) in items.iter().enumerate() {
        let number = format!("{prefix}.{}", i + 1);
        let mut title = Cell::text(item.title.trim());
        if !item.details.is_empty() {
            title.blocks.push(Block::List(
                item.details
                    .iter()
                    .map(|d| vec![Inline::plain(d.trim())])
                    .collect(),
            ));
        }
        let deadline = item
            .deadline
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        let responsible = item
            .responsible
            .iter()
            .map(|r| responsible_text(org, r))
            .collect::<Vec<_>>()
            .join(", ");
        let mut result = Cell::text("");
        result.blocks = item
            .result
            .iter()
            .map(|r| {
                Block::Paragraph(Paragraph::aligned(
                    vec![Inline::plain(r.trim())],
                    Align::Left,
                ))
            })
            .collect();
        rows.push(Row {
            cells: vec![
                Cell::text(number.clone()),
                title,
                Cell::text(deadline),
                Cell::text(responsible),
                result,
            ],
        });
        item_rows(org, &number, &item.items, rows);
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
