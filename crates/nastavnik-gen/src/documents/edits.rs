//! The YAML's edits of a document's default text, applied to the document
//! model after the template has run: points and clauses dropped, replaced,
//! inserted and reordered by key, sections likewise; then numbers.
//!
//! A template names its points and sections with keys (`1. @[key=curator] …`,
//! `## @[key=goals] …`, see [`crate::markup`]); a point without a key is named
//! by its number in the default text («3.2»). Everything the YAML adds is
//! plain text in the model, never Markdown, so it cannot change the
//! document's structure. Numbers of keyed sections («2.») and of their
//! clauses («2.1.») are computed here, after the edits.

use std::collections::{BTreeMap, HashMap};

use nastavnik_core::{NewSection, Point, PointEdits, SectionEdits};

use crate::ir::{Block, Clause, Clauses, Inline, Paragraph, Section};
use crate::markup::{DraftSection, Tagged};
use crate::GenError;

/// Which lists of clauses a document's point edits reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    /// The first numbered list: an order's points (annexes keep theirs).
    #[default]
    FirstList,
    /// Every numbered list: the clauses of a положение or a программа.
    All,
}

/// The edits one document gets, with the YAML fields they come from.
#[derive(Debug, Clone, Default)]
pub struct Edits<'a> {
    /// Changes to points, and the field they were written in.
    pub points: Option<(&'a PointEdits, String)>,
    /// Which lists the point edits reach.
    pub scope: Scope,
    /// Changes to sections, and their field.
    pub sections: Option<(&'a SectionEdits, String)>,
    /// Numbers of annexes by key, for a point's `annex:`.
    pub annexes: BTreeMap<String, usize>,
}

fn invalid(field: impl Into<String>, message: impl Into<String>) -> GenError {
    GenError::InvalidData {
        field: field.into(),
        message: message.into(),
    }
}

/// Applies `edits` to a draft and numbers it: the document's page sections.
pub fn apply(mut draft: Vec<DraftSection>, edits: &Edits) -> Result<Vec<Section>, GenError> {
    number(&mut draft, false);
    if let Some((points, field)) = &edits.points {
        if !points.is_empty() {
            edit_points(&mut draft, points, field, edits)?;
            for section in &mut draft {
                for (block, _) in &mut section.blocks {
                    if let Block::Clauses(clauses) = block {
                        clauses.items.iter_mut().for_each(list_stops);
                    }
                }
            }
        }
    }
    if let Some((sections, field)) = &edits.sections {
        if !sections.is_empty() {
            edit_sections(&mut draft, sections, field, edits)?;
        }
    }
    number(&mut draft, true);
    Ok(draft
        .into_iter()
        .map(|s| Section {
            orientation: s.orientation,
            blocks: s.blocks.into_iter().map(|(b, _)| b).collect(),
        })
        .collect())
}

/// Numbers keyed headings («2.», «6.1.») and sets the prefix of the clauses
/// under them. Without `final_pass`, headings keep their text and every
/// clause without a key is given its default number as its address.
fn number(draft: &mut [DraftSection], final_pass: bool) {
    for section in draft {
        let top = section
            .blocks
            .iter()
            .filter_map(|(b, key)| match (b, key) {
                (Block::Heading { level, .. }, Some(_)) => Some(*level),
                _ => None,
            })
            .min();
        let mut counters = [0u32; 8];
        let mut current: Option<String> = None;
        for (block, key) in &mut section.blocks {
            match block {
                Block::Heading { level, content } => {
                    let (Some(top), Some(_)) = (top, key.as_ref()) else {
                        current = None;
                        continue;
                    };
                    let level = usize::from(*level).clamp(1, 7);
                    if level < usize::from(top) {
                        current = None;
                        continue;
                    }
                    counters[level] += 1;
                    counters[level + 1..].iter_mut().for_each(|c| *c = 0);
                    let number: String = counters[usize::from(top)..=level]
                        .iter()
                        .map(|n| format!("{n}."))
                        .collect();
                    if final_pass {
                        match content.first_mut() {
                            Some(Inline::Text { text, .. }) => {
                                text.insert_str(0, &format!("{number} "))
                            }
                            _ => content.insert(0, Inline::plain(format!("{number} "))),
                        }
                    }
                    current = Some(number);
                }
                Block::Clauses(clauses) => {
                    if let Some(number) = &current {
                        clauses.prefix = number.clone();
                    }
                    if !final_pass {
                        address(clauses);
                    }
                }
                _ => {}
            }
        }
    }
}

/// Gives every clause without a key its number as its address: «3.2».
fn address(clauses: &mut Clauses) {
    let numbers: Vec<String> = clauses
        .numbered()
        .into_iter()
        .map(|(n, _, _)| n.trim_end_matches('.').to_string())
        .collect();
    let mut numbers = numbers.into_iter();
    // The same depth-first order as `numbered`.
    let mut stack: Vec<&mut Clause> = clauses.items.iter_mut().rev().collect();
    while let Some(clause) = stack.pop() {
        let number = numbers.next();
        if clause.key.is_none() {
            clause.key = number;
        }
        stack.extend(clause.children.iter_mut().rev());
    }
}

/// A point of the YAML as a clause: plain text, sub-points below.
fn clause_of(
    point: &Point,
    key: Option<String>,
    field: &str,
    edits: &Edits,
) -> Result<Clause, GenError> {
    let mut text = point.text.trim().to_string();
    if text.is_empty() {
        return Err(invalid(field, "текст пункта пуст: напишите его в text"));
    }
    if let Some(annex) = &point.annex {
        let Some(n) = edits.annexes.get(annex.trim()) else {
            let known: Vec<&String> = edits.annexes.keys().collect();
            return Err(invalid(
                format!("{field}.annex"),
                format!(
                    "приложения «{annex}» у документа нет; {}",
                    if known.is_empty() {
                        "приложений с ключами нет: дайте приложению key в annexes".to_string()
                    } else {
                        hint(annex, known.into_iter())
                    }
                ),
            ));
        };
        let reference = format!(" (приложение {n})");
        match text.char_indices().last() {
            Some((i, '.' | ';' | ':' | ',')) => text.insert_str(i, &reference),
            _ => text.push_str(&reference),
        }
    }
    let mut children = Vec::with_capacity(point.points.len());
    for (i, sub) in point.points.iter().enumerate() {
        children.push(clause_of(
            sub,
            None,
            &format!("{field}.points[{i}]"),
            edits,
        )?);
    }
    Ok(Clause {
        key,
        content: vec![Inline::plain(text)],
        children,
    })
}

/// The few known keys closest to `key`, or all of them when they are few.
fn hint<'a>(key: &str, known: impl Iterator<Item = &'a String>) -> String {
    let known: Vec<&String> = known.collect();
    if known.len() <= 12 {
        let all: Vec<&str> = known.iter().map(|k| k.as_str()).collect();
        let near = closest(key, &known);
        let near = if near.is_empty() {
            String::new()
        } else {
            format!("может быть, {}? ", near.join(", "))
        };
        return format!("{near}есть: {}", all.join(", "));
    }
    let near = closest(key, &known);
    let shown: Vec<&str> = if near.is_empty() {
        known.iter().take(5).map(|k| k.as_str()).collect()
    } else {
        near
    };
    format!(
        "может быть, {}? (всего ключей {})",
        shown.join(", "),
        known.len()
    )
}

fn closest<'a>(key: &str, known: &[&'a String]) -> Vec<&'a str> {
    let key: Vec<char> = key.to_lowercase().chars().collect();
    let mut scored: Vec<(usize, &str)> = known
        .iter()
        .map(|k| {
            (
                distance(&key, &k.to_lowercase().chars().collect::<Vec<_>>()),
                k.as_str(),
            )
        })
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take_while(|(d, _)| *d <= (key.len() / 3).max(2))
        .take(3)
        .map(|(_, k)| k)
        .collect()
}

/// Levenshtein distance of short keys.
fn distance(a: &[char], b: &[char]) -> usize {
    if a.len() > 64 || b.len() > 64 {
        return usize::MAX;
    }
    nastavnik_core::check::edit_distance(a, b)
}

/// Where a clause stands: its list (by index among the lists in scope) and
/// the path of indices down to it.
type Place = (usize, Vec<usize>);

fn find(lists: &[Vec<Clause>], name: &str) -> Option<Place> {
    let mut stack: Vec<(usize, Vec<usize>)> = Vec::new();
    for (l, list) in lists.iter().enumerate().rev() {
        for i in (0..list.len()).rev() {
            stack.push((l, vec![i]));
        }
    }
    while let Some((l, path)) = stack.pop() {
        let clause = at(lists, l, &path);
        if clause.key.as_deref() == Some(name) {
            return Some((l, path));
        }
        for i in (0..clause.children.len()).rev() {
            let mut child = path.clone();
            child.push(i);
            stack.push((l, child));
        }
    }
    None
}

fn at<'a>(lists: &'a [Vec<Clause>], list: usize, path: &[usize]) -> &'a Clause {
    let mut clause = &lists[list][path[0]];
    for &i in &path[1..] {
        clause = &clause.children[i];
    }
    clause
}

/// The list that holds the clause at `path`.
fn siblings<'a>(lists: &'a mut [Vec<Clause>], list: usize, path: &[usize]) -> &'a mut Vec<Clause> {
    let mut siblings = &mut lists[list];
    for &i in &path[..path.len() - 1] {
        siblings = &mut siblings[i].children;
    }
    siblings
}

fn all_keys(lists: &[Vec<Clause>]) -> Vec<String> {
    let mut keys = Vec::new();
    let mut stack: Vec<&Clause> = lists.iter().rev().flat_map(|l| l.iter().rev()).collect();
    while let Some(c) = stack.pop() {
        if let Some(k) = &c.key {
            if !k.starts_with('\u{0}') {
                keys.push(k.clone());
            }
        }
        stack.extend(c.children.iter().rev());
    }
    keys
}

fn edit_points(
    draft: &mut [DraftSection],
    points: &PointEdits,
    field: &str,
    edits: &Edits,
) -> Result<(), GenError> {
    // Take the lists in scope out of the document, edit, put them back.
    let mut places: Vec<(usize, usize)> = Vec::new();
    let mut lists: Vec<Vec<Clause>> = Vec::new();
    'sections: for (s, section) in draft.iter_mut().enumerate() {
        for (b, (block, _)) in section.blocks.iter_mut().enumerate() {
            if let Block::Clauses(c) = block {
                places.push((s, b));
                lists.push(std::mem::take(&mut c.items));
                if edits.scope == Scope::FirstList {
                    break 'sections;
                }
            }
        }
    }
    let result = edit_lists(&mut lists, points, field, edits);
    for ((s, b), items) in places.into_iter().zip(lists) {
        if let (Block::Clauses(c), _) = &mut draft[s].blocks[b] {
            c.items = items;
        }
    }
    result
}

fn not_found(lists: &[Vec<Clause>], name: &str, field: String) -> GenError {
    let keys = all_keys(lists);
    if keys.is_empty() {
        return invalid(
            field,
            format!("пункта «{name}» нет: в документе нет пунктов"),
        );
    }
    invalid(
        field,
        format!(
            "пункта «{name}» в документе нет; {}",
            hint(name, keys.iter())
        ),
    )
}

fn edit_lists(
    lists: &mut [Vec<Clause>],
    points: &PointEdits,
    field: &str,
    edits: &Edits,
) -> Result<(), GenError> {
    for (i, name) in points.drop.iter().enumerate() {
        let name = name.trim();
        let (l, path) = find(lists, name)
            .ok_or_else(|| not_found(lists, name, format!("{field}.drop[{i}]")))?;
        let index = *path.last().unwrap_or(&0);
        siblings(lists, l, &path).remove(index);
    }
    for (name, point) in &points.replace {
        let here = format!("{field}.replace.{name}");
        let name = name.trim();
        let (l, path) = find(lists, name).ok_or_else(|| not_found(lists, name, here.clone()))?;
        let new = clause_of(point, Some(name.to_string()), &here, edits)?;
        let index = *path.last().unwrap_or(&0);
        siblings(lists, l, &path)[index] = new;
    }
    // Several insertions after one point keep their order.
    let mut last_after: HashMap<String, String> = HashMap::new();
    for (i, insertion) in points.insert.iter().enumerate() {
        let here = format!("{field}.insert[{i}]");
        let internal = format!("\u{0}{i}");
        let key = insertion.key.as_ref().map(|k| k.trim().to_string());
        if let Some(k) = &key {
            if find(lists, k).is_some() {
                return Err(invalid(
                    format!("{here}.key"),
                    format!("ключ «{k}» уже есть у другого пункта: выберите другой"),
                ));
            }
        }
        let clause = clause_of(
            &insertion.point(),
            Some(key.clone().unwrap_or_else(|| internal.clone())),
            &here,
            edits,
        )?;
        let (anchor, after) = match (&insertion.after, &insertion.before) {
            (Some(_), Some(_)) => {
                return Err(invalid(
                    here,
                    "укажите что-то одно: after (после какого пункта) или before (перед каким)",
                ))
            }
            (Some(a), None) => (Some((a.trim().to_string(), format!("{here}.after"))), true),
            (None, Some(b)) => (
                Some((b.trim().to_string(), format!("{here}.before"))),
                false,
            ),
            (None, None) => (None, false),
        };
        let place = match &anchor {
            Some((name, anchor_field)) => {
                let target = if after {
                    last_after
                        .get(name)
                        .cloned()
                        .unwrap_or_else(|| name.clone())
                } else {
                    name.clone()
                };
                let (l, mut path) = find(lists, &target)
                    .ok_or_else(|| not_found(lists, name, anchor_field.clone()))?;
                if after {
                    if let Some(last) = path.last_mut() {
                        *last += 1;
                    }
                    last_after.insert(name.clone(), clause.key.clone().unwrap_or_default());
                }
                (l, path)
            }
            // Before the closing point of an order, else at the end.
            None => match find(lists, "control") {
                Some(place) => place,
                None => {
                    let l = lists.len().saturating_sub(1);
                    if lists.is_empty() {
                        return Err(invalid(
                            here,
                            "в документе нет пунктов, куда вставить новый",
                        ));
                    }
                    (l, vec![lists[l].len()])
                }
            },
        };
        let (l, path) = place;
        let index = *path.last().unwrap_or(&0);
        siblings(lists, l, &path).insert(index, clause);
    }
    if !points.order.is_empty() {
        let mut found: Vec<Place> = Vec::new();
        for (i, name) in points.order.iter().enumerate() {
            let name = name.trim();
            let place = find(lists, name)
                .ok_or_else(|| not_found(lists, name, format!("{field}.order[{i}]")))?;
            if found.contains(&place) {
                return Err(invalid(
                    format!("{field}.order[{i}]"),
                    format!("пункт «{name}» назван в order дважды"),
                ));
            }
            if let Some((l0, p0)) = found.first() {
                if *l0 != place.0 || p0[..p0.len() - 1] != place.1[..place.1.len() - 1] {
                    return Err(invalid(
                        format!("{field}.order[{i}]"),
                        format!(
                            "пункт «{name}» стоит на другом уровне или в другом разделе, чем «{}»: в order называют пункты одного уровня",
                            points.order[0].trim()
                        ),
                    ));
                }
            }
            found.push(place);
        }
        let (l, first) = found[0].clone();
        let mut slots: Vec<usize> = found.iter().map(|(_, p)| *p.last().unwrap_or(&0)).collect();
        let wanted = slots.clone();
        slots.sort_unstable();
        let list = siblings(lists, l, &first);
        let mut taken: Vec<Option<Clause>> = list.drain(..).map(Some).collect();
        let moved: Vec<Clause> = wanted.iter().filter_map(|&i| taken[i].take()).collect();
        for (slot, clause) in slots.into_iter().zip(moved) {
            taken[slot] = Some(clause);
        }
        list.extend(taken.into_iter().flatten());
    }
    // Internal keys of insertions are no addresses.
    let mut stack: Vec<&mut Clause> = lists.iter_mut().flat_map(|l| l.iter_mut()).collect();
    while let Some(c) = stack.pop() {
        if c.key.as_deref().is_some_and(|k| k.starts_with('\u{0}')) {
            c.key = None;
        }
        stack.extend(c.children.iter_mut());
    }
    Ok(())
}

/// A section's blocks: its keyed heading first.
struct Part {
    key: String,
    blocks: Vec<Tagged>,
}

fn section_blocks(
    level: u8,
    key: &str,
    section: &NewSection,
    field: &str,
    edits: &Edits,
) -> Result<Vec<Tagged>, GenError> {
    let title = section.title.trim();
    if title.is_empty() {
        return Err(invalid(
            format!("{field}.title"),
            "у раздела нет названия: напишите его в title",
        ));
    }
    let mut blocks: Vec<Tagged> = vec![(
        Block::Heading {
            level,
            content: vec![Inline::plain(title)],
        },
        Some(key.to_string()),
    )];
    for paragraph in &section.text {
        blocks.push((
            Block::Paragraph(Paragraph::text(vec![Inline::plain(paragraph.trim())])),
            None,
        ));
    }
    let mut items = Vec::with_capacity(section.clauses.len());
    for (i, point) in section.clauses.iter().enumerate() {
        items.push(clause_of(
            point,
            None,
            &format!("{field}.clauses[{i}]"),
            edits,
        )?);
    }
    if !items.is_empty() {
        blocks.push((
            Block::Clauses(Clauses {
                prefix: String::new(),
                start: 1,
                items,
            }),
            None,
        ));
    }
    Ok(blocks)
}

fn edit_sections(
    draft: &mut [DraftSection],
    edits_of: &SectionEdits,
    field: &str,
    edits: &Edits,
) -> Result<(), GenError> {
    let Some(page) = draft.iter_mut().find(|s| {
        s.blocks
            .iter()
            .any(|(b, k)| matches!(b, Block::Heading { .. }) && k.is_some())
    }) else {
        return Err(invalid(field, "в документе нет разделов с ключами"));
    };
    let top = page
        .blocks
        .iter()
        .filter_map(|(b, k)| match (b, k) {
            (Block::Heading { level, .. }, Some(_)) => Some(*level),
            _ => None,
        })
        .min()
        .unwrap_or(2);
    // Split: what precedes the sections, the sections, what follows them.
    let mut head: Vec<Tagged> = Vec::new();
    let mut parts: Vec<Part> = Vec::new();
    let mut tail: Vec<Tagged> = Vec::new();
    for (block, key) in std::mem::take(&mut page.blocks) {
        let level = match &block {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        };
        match (level, &key) {
            (Some(l), Some(k)) if l == top && tail.is_empty() => parts.push(Part {
                key: k.clone(),
                blocks: vec![(block, key)],
            }),
            (Some(l), None) if l <= top && !parts.is_empty() => tail.push((block, key)),
            _ if !tail.is_empty() => tail.push((block, key)),
            _ => match parts.last_mut() {
                Some(part) => part.blocks.push((block, key)),
                None => head.push((block, key)),
            },
        }
    }
    let result = edit_parts(&mut parts, top, edits_of, field, edits);
    page.blocks = head
        .into_iter()
        .chain(parts.into_iter().flat_map(|p| p.blocks))
        .chain(tail)
        .collect();
    result
}

fn edit_parts(
    parts: &mut Vec<Part>,
    level: u8,
    edits_of: &SectionEdits,
    field: &str,
    edits: &Edits,
) -> Result<(), GenError> {
    let missing = |parts: &[Part], name: &str, field: String| {
        let keys: Vec<String> = parts.iter().map(|p| p.key.clone()).collect();
        invalid(
            field,
            format!(
                "раздела «{name}» в документе нет; {}",
                hint(name, keys.iter())
            ),
        )
    };
    let position = |parts: &[Part], name: &str| parts.iter().position(|p| p.key == name);
    for (i, name) in edits_of.drop.iter().enumerate() {
        let name = name.trim();
        let at = position(parts, name)
            .ok_or_else(|| missing(parts, name, format!("{field}.drop[{i}]")))?;
        parts.remove(at);
    }
    for (name, section) in &edits_of.replace {
        let here = format!("{field}.replace.{name}");
        let name = name.trim();
        let at = position(parts, name).ok_or_else(|| missing(parts, name, here.clone()))?;
        parts[at].blocks = section_blocks(level, name, section, &here, edits)?;
    }
    let mut last_after: HashMap<String, String> = HashMap::new();
    for (i, insertion) in edits_of.insert.iter().enumerate() {
        let here = format!("{field}.insert[{i}]");
        let key = match &insertion.key {
            Some(k) => k.trim().to_string(),
            None => format!("\u{0}{i}"),
        };
        if position(parts, &key).is_some() {
            return Err(invalid(
                format!("{here}.key"),
                format!("ключ «{key}» уже есть у другого раздела: выберите другой"),
            ));
        }
        let blocks = section_blocks(level, &key, &insertion.section(), &here, edits)?;
        let at =
            match (&insertion.after, &insertion.before) {
                (Some(_), Some(_)) => return Err(invalid(
                    here,
                    "укажите что-то одно: after (после какого раздела) или before (перед каким)",
                )),
                (Some(a), None) => {
                    let a = a.trim();
                    let target = last_after.get(a).cloned().unwrap_or_else(|| a.to_string());
                    let at = position(parts, &target)
                        .ok_or_else(|| missing(parts, a, format!("{here}.after")))?;
                    last_after.insert(a.to_string(), key.clone());
                    at + 1
                }
                (None, Some(b)) => position(parts, b.trim())
                    .ok_or_else(|| missing(parts, b.trim(), format!("{here}.before")))?,
                (None, None) => parts.len(),
            };
        parts.insert(at, Part { key, blocks });
    }
    if !edits_of.order.is_empty() {
        let mut wanted: Vec<usize> = Vec::new();
        for (i, name) in edits_of.order.iter().enumerate() {
            let name = name.trim();
            let at = position(parts, name)
                .ok_or_else(|| missing(parts, name, format!("{field}.order[{i}]")))?;
            if wanted.contains(&at) {
                return Err(invalid(
                    format!("{field}.order[{i}]"),
                    format!("раздел «{name}» назван в order дважды"),
                ));
            }
            wanted.push(at);
        }
        let mut slots = wanted.clone();
        slots.sort_unstable();
        let mut taken: Vec<Option<Part>> = parts.drain(..).map(Some).collect();
        let moved: Vec<Part> = wanted.iter().filter_map(|&i| taken[i].take()).collect();
        for (slot, part) in slots.into_iter().zip(moved) {
            taken[slot] = Some(part);
        }
        parts.extend(taken.into_iter().flatten());
    }
    Ok(())
}

/// The edits of `org` that name what its documents do not have, as
/// (field, message): every document whose YAML edits its text is built
/// with `templates`, and each refused edit is reported. `nastavnik check`
/// places them in the file.
pub fn problems(
    org: &nastavnik_core::Organization,
    templates: &crate::templates::Templates,
) -> Vec<(String, String)> {
    use crate::documents::DocumentKind;
    let edited = |o: Option<&nastavnik_core::Order>| {
        o.is_some_and(|o| o.points.is_some() || o.sections.is_some() || o.annexes.is_some())
    };
    let o = &org.orders;
    let kinds = [
        (DocumentKind::OrderImplementation, o.implementation.as_ref()),
        (DocumentKind::OrderCurator, o.curator.as_ref()),
        (DocumentKind::OrderPairs, o.pairs.as_ref()),
        (DocumentKind::OrderRewards, o.rewards.as_ref()),
        (DocumentKind::OrderFinalEvent, o.final_event.as_ref()),
        (DocumentKind::Provision, o.provision.as_ref()),
        (DocumentKind::Programme, o.programme.as_ref()),
        (DocumentKind::OrderProvision, o.provision.as_ref()),
        (DocumentKind::OrderProgramme, o.programme.as_ref()),
        (DocumentKind::MunicipalProvision, o.provision.as_ref()),
    ];
    let mut found: Vec<(String, String)> = Vec::new();
    for (kind, order) in kinds {
        if !edited(order) || !kind.fits(org.kind) {
            continue;
        }
        if let Err(GenError::InvalidData { field, message }) =
            crate::documents::build(org, kind, templates)
        {
            // The положение and the order that annexes it read the same edits.
            if !found.iter().any(|(f, m)| *f == field && *m == message) {
                found.push((field, message));
            }
        }
    }
    found
}

/// After points are dropped, inserted or reordered, a list of sub-points in
/// lower case ends each item with «;» and the last with «.» again: dropping
/// the last point must not leave the list ending with «;».
fn list_stops(clause: &mut Clause) {
    clause.children.iter_mut().for_each(list_stops);
    let items = &mut clause.children;
    let starts_lower = |c: &Clause| {
        let text: String = c.content.iter().map(inline_text).collect();
        text.trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    };
    let ends = |c: &Clause| {
        let text: String = c.content.iter().map(inline_text).collect();
        text.trim_end().chars().last()
    };
    if items.is_empty()
        || !items.iter().all(starts_lower)
        || !items.iter().any(|c| ends(c) == Some(';'))
    {
        return;
    }
    let last = items.len() - 1;
    for (i, item) in items.iter_mut().enumerate() {
        let want = if i == last { '.' } else { ';' };
        if let Some(Inline::Text { text, .. }) = item.content.last_mut() {
            let trimmed = text.trim_end().len();
            let last_word = text[..trimmed].rsplit(' ').next().unwrap_or_default();
            // «и т.д.», «и др.»: an abbreviation's stop stays.
            let abbreviation = last_word.matches('.').count() > 1 || last_word.chars().count() <= 3;
            if let Some(stop @ (';' | '.')) = text[..trimmed].chars().last() {
                if stop != want && !(stop == '.' && abbreviation) {
                    text.truncate(trimmed - stop.len_utf8());
                    text.push(want);
                }
            }
        }
    }
}

fn inline_text(inline: &Inline) -> &str {
    match inline {
        Inline::Text { text, .. } | Inline::Link { text, .. } => text,
        Inline::LineBreak => "",
    }
}
