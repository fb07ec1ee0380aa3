//! Loading an [`Organization`](crate::Organization) from YAML, keeping positions for diagnostics.

pub mod de;
pub mod schema;
pub mod starter;
pub mod tree;
pub mod validate;

use std::collections::HashMap;
use std::path::Path;

use crate::check::diagnostic::{Diagnostic, Severity};
use crate::check::prepare::Prepared;
use crate::Organization;
use tree::{Kind, Node, TreeError};
use validate::{Found, Mistake, Shape};

/// Why a file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("не удалось прочитать файл {path}: {}", crate::russian::io_error(.source))]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The file was read but is not a valid description.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Diagnostic>),
}

impl LoadError {
    /// The diagnostics, if the file was read.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            LoadError::Invalid(d) => d,
            LoadError::Io { .. } => &[],
        }
    }
}

/// Where every field of a YAML document starts, by its path.
#[derive(Debug, Default)]
pub struct PositionIndex {
    positions: HashMap<String, (usize, usize)>,
    keys: HashMap<String, (usize, usize)>,
    paths: HashMap<(usize, usize), String>,
}

impl PositionIndex {
    /// Indexes `text`; a text that does not parse gives an empty index.
    pub fn new(text: &str) -> Self {
        match tree::parse(text) {
            Ok(tree::Tree {
                root: Some(root), ..
            }) => PositionIndex::of(&root),
            _ => PositionIndex::default(),
        }
    }

    /// Indexes a parsed document.
    pub fn of(root: &Node) -> Self {
        let mut index = PositionIndex::default();
        // Iteratively: the tree is at most `tree::MAX_DEPTH` deep, but no recursion is needed.
        let mut stack: Vec<(&Node, String)> = vec![(root, String::new())];
        while let Some((node, path)) = stack.pop() {
            index.positions.entry(path.clone()).or_insert(node.at());
            index.paths.entry(node.at()).or_insert_with(|| path.clone());
            match &node.kind {
                Kind::Scalar { .. } => {}
                Kind::List(items) => {
                    for (i, item) in items.iter().enumerate().rev() {
                        stack.push((item, format!("{path}[{i}]")));
                    }
                }
                Kind::Map(entries) => {
                    for (key, value) in entries.iter().rev() {
                        let Some(k) = key.text() else { continue };
                        let p = if path.is_empty() {
                            k.to_string()
                        } else {
                            format!("{path}.{k}")
                        };
                        index.keys.entry(p.clone()).or_insert(key.at());
                        if !matches!(value.kind, Kind::Scalar { .. }) {
                            // A list or map is shown at its key, as the author sees it.
                            index.positions.entry(p.clone()).or_insert(key.at());
                        }
                        stack.push((value, p));
                    }
                }
            }
        }
        index
    }

    /// The field whose value starts on `line` nearest before `column`.
    pub fn path_at(&self, line: usize, column: usize) -> Option<String> {
        self.positions
            .iter()
            .filter(|(_, (l, c))| *l == line && *c <= column)
            .max_by_key(|(path, (_, c))| (*c, path.len()))
            .map(|(path, _)| path.clone())
    }

    /// The path of the value that starts exactly at `at`.
    pub fn path_of(&self, at: (usize, usize)) -> Option<&str> {
        self.paths.get(&at).map(String::as_str)
    }

    /// Line and column (1-based) of the key of the field at `path`.
    pub fn key(&self, path: &str) -> Option<(usize, usize)> {
        self.keys.get(path).copied()
    }

    /// Line and column (1-based) of exactly the field at `path`.
    pub fn get(&self, path: &str) -> Option<(usize, usize)> {
        self.positions.get(path).copied()
    }

    /// Line and column (1-based) of the field at `path`, or of its nearest
    /// ancestor that is in the file.
    pub fn locate(&self, path: &str) -> (usize, usize) {
        let mut p = path.to_string();
        loop {
            if let Some(pos) = self.positions.get(&p) {
                return *pos;
            }
            match p.rfind(['.', '[']) {
                Some(i) => p.truncate(i),
                None => return self.positions.get("").copied().unwrap_or((1, 1)),
            }
        }
    }
}

/// Reads an organisation from YAML text. `origin` names the text in
/// diagnostics (a file path, or «<строка>»). Schema errors are reported with
/// line, column and field; references are then checked by [`crate::check`].
///
/// ```
/// let yaml = "kind: school\nname: МБОУ СОШ № 1\nhead: Иванов И.И.\n";
/// let org = nastavnik_core::from_yaml_str(yaml, "школа.yaml").unwrap();
/// assert_eq!(org.head.initials_surname(), "И.И.\u{a0}Иванов");
///
/// let err = nastavnik_core::from_yaml_str("kind: school\nhead: Иванов И.И.\n", "школа.yaml").unwrap_err();
/// assert!(err.to_string().contains("школа.yaml:1:1"), "{err}");
/// assert!(err.to_string().contains("не указано обязательное поле «name»"), "{err}");
/// ```
pub fn from_yaml_str(text: &str, origin: &str) -> Result<Prepared, LoadError> {
    load_str(text, origin).map(|loaded| loaded.organization)
}

/// An organisation read from YAML, with the warnings found on the way.
#[derive(Debug)]
pub struct Loaded {
    /// The organisation, prepared as [`crate::prepare`] prepares a model.
    pub organization: Prepared,
    /// What looks wrong but does not stop rendering, placed in the file.
    pub warnings: Vec<Diagnostic>,
}

/// Reads an organisation from YAML text, keeping the warnings.
///
/// In phases: the text is parsed once into a positioned tree within budgets
/// ([`tree`]); the whole tree is checked against the schema, every mistake
/// at once ([`validate`]); the model is read from the tree ([`de`]); then the
/// default roadmap and the cross-checks of [`crate::check`]. When the file
/// has structural mistakes, the cross-checks still run on the tree with the
/// wrong values taken out, so that one `check` shows everything.
/// Errors stop it; warnings come back with the organisation.
pub fn load_str(text: &str, origin: &str) -> Result<Loaded, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let whole_file =
        |message: String| LoadError::Invalid(vec![Diagnostic::error(origin, (1, 1), "", message)]);
    if text.len() > crate::check::limits::MAX_FILE_BYTES {
        return Err(whole_file(crate::check::limits::too_big(text.len())));
    }
    if text.trim().is_empty()
        || text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(whole_file(
            "файл пуст: опишите организацию — kind, name, head и остальные разделы (образец: samples/school9-2020.yaml)".into(),
        ));
    }
    let controls = control_characters(text, origin);
    if !controls.is_empty() {
        return Err(LoadError::Invalid(capped(controls)));
    }
    let parsed = match tree::parse(text) {
        Ok(parsed) => parsed,
        Err(e) => return Err(LoadError::Invalid(vec![tree_diagnostic(&e, origin)])),
    };
    let Some(root) = parsed.root else {
        return Err(whole_file(
            "файл пуст: опишите организацию — kind, name, head и остальные разделы (образец: samples/school9-2020.yaml)".into(),
        ));
    };
    // Positions are needed only to place a problem: most files have none.
    let index = std::cell::LazyCell::new(|| PositionIndex::of(&root));
    // Values still to be filled: every one is an error at its place.
    let placeholders = placeholder_diagnostics(text, &index, origin);
    let filled_later: Vec<String> = placeholders.iter().map(|d| d.field.clone()).collect();
    let under_placeholder = |field: &str| {
        filled_later.iter().any(|s| {
            field == s || field.starts_with(&format!("{s}.")) || field.starts_with(&format!("{s}["))
        })
    };
    let mut errors = placeholders.clone();
    for d in &parsed.duplicates {
        errors.push(Diagnostic::error(
            origin,
            d.at,
            d.field.clone(),
            format!("поле «{}» указано дважды: оставьте одно", d.key),
        ));
    }
    let long_lists = crate::check::limits::check_tree(&root);
    if !long_lists.is_empty() {
        // Read no further: the limit is there so that such a file costs nothing more.
        let mut errors: Vec<Diagnostic> = long_lists
            .into_iter()
            .map(|(field, at, message)| Diagnostic::error(origin, at, field, message))
            .collect();
        errors.sort_by_key(|d| (d.line, d.column));
        return Err(LoadError::Invalid(capped(errors)));
    }
    // A file whose shapes are right is read at once; only a file that does
    // not read is walked again, reading by hand every deadline, period and
    // person, so that each wrong one is named at its place.
    let mut first_reading = validate::validate_shapes(&root)
        .is_empty()
        .then(|| de::from_node::<Organization>(&root));
    let found: Vec<Found> = match &first_reading {
        Some(Ok(_)) => Vec::new(),
        _ => validate::validate(&root)
            .into_iter()
            .filter(|f| !under_placeholder(&f.field))
            .collect(),
    };
    errors.extend(
        found
            .iter()
            .map(|f| Diagnostic::error(origin, f.at, f.field.clone(), f.mistake.russian())),
    );
    if !errors.is_empty() && !placeholders.is_empty() {
        // Cross-checks of a file still being filled in would only repeat the placeholders.
        errors.sort_by_key(|d| (d.line, d.column));
        return Err(LoadError::Invalid(capped(errors)));
    }
    // The model, from the tree as written or with the wrong values taken out.
    let (reading, mended) = if found.is_empty() {
        let reading = first_reading
            .take()
            .unwrap_or_else(|| de::from_node::<Organization>(&root));
        (reading, Vec::new())
    } else {
        let mut mended_root = root.clone();
        let mended = mend(&mut mended_root, &found);
        (de::from_node::<Organization>(&mended_root), mended)
    };
    let mut org = match reading {
        Ok(org) => org,
        Err(e) if found.is_empty() => {
            // The schema let it through and the model did not: still a placed error.
            let at = e.at.unwrap_or((1, 1));
            let field = index.path_of(at).unwrap_or_default().to_string();
            errors.push(Diagnostic::error(origin, at, field, e.russian()));
            errors.sort_by_key(|d| (d.line, d.column));
            return Err(LoadError::Invalid(capped(errors)));
        }
        Err(_) => {
            errors.sort_by_key(|d| (d.line, d.column));
            return Err(LoadError::Invalid(capped(errors)));
        }
    };
    let mended_index = if mended.is_empty() {
        None
    } else {
        let mut mended_root = root.clone();
        mend(&mut mended_root, &found);
        Some(PositionIndex::of(&mended_root))
    };
    let problems = crate::check::prepare::run(&mut org);
    let (checked, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = problems
        .into_iter()
        .filter_map(|p| {
            let (line, column, field) = match &mended_index {
                None => {
                    let (line, column) = index.locate(&p.field);
                    (line, column, p.field)
                }
                Some(m) => {
                    // The mended tree's path, back to the author's.
                    let at = m.locate(&p.field);
                    let own = index.path_of(at).map(str::to_string);
                    let field = if m.get(&p.field) == Some(at) {
                        own.unwrap_or(p.field)
                    } else {
                        p.field
                    };
                    (at.0, at.1, field)
                }
            };
            // A problem where the file was mended is the mending's, not the author's.
            let ours = mended.iter().any(|m| {
                field == *m
                    || field.starts_with(&format!("{m}."))
                    || field.starts_with(&format!("{m}["))
            });
            (!ours).then(|| Diagnostic {
                severity: p.severity,
                file: origin.to_string(),
                line,
                column,
                field,
                message: p.message,
            })
        })
        .partition(|d| d.severity == Severity::Error);
    errors.extend(checked);
    // In the order of the file, as the author reads it.
    errors.sort_by_key(|d| (d.line, d.column));
    if errors.is_empty() {
        Ok(Loaded {
            organization: Prepared::new(org, warnings.clone()),
            warnings,
        })
    } else {
        // Every problem at once: the warnings too, after the errors.
        Err(LoadError::Invalid(capped(
            errors.into_iter().chain(warnings).collect(),
        )))
    }
}

/// Most diagnostics shown for one file; the rest are counted.
pub const MAX_DIAGNOSTICS: usize = 200;

/// The first [`MAX_DIAGNOSTICS`], and «и ещё N» for the rest.
fn capped(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if diagnostics.len() <= MAX_DIAGNOSTICS {
        return diagnostics;
    }
    let rest = diagnostics.len() - MAX_DIAGNOSTICS;
    let file = diagnostics[0].file.clone();
    diagnostics.truncate(MAX_DIAGNOSTICS);
    diagnostics.push(Diagnostic::error(
        &file,
        (1, 1),
        "",
        format!(
            "и ещё {rest} {}: исправьте показанные и запустите check снова",
            match (rest % 100, rest % 10) {
                (11..=14, _) | (_, 0 | 5..=9) => "сообщений",
                (_, 1) => "сообщение",
                _ => "сообщения",
            }
        ),
    ));
    diagnostics
}

/// Where a mistake is shown: an unknown key at the key, the rest at the value.
/// Takes the wrong values out of the tree (or puts a harmless stand-in in),
/// so that the model can be read for the cross-checks. Returns the author's
/// paths touched: problems found there later are the mending's.
fn mend(root: &mut Node, found: &[Found]) -> Vec<String> {
    let mut order: Vec<&Found> = found.iter().collect();
    // Last first: taking out a list element does not move the ones before it.
    order.sort_by_key(|f| std::cmp::Reverse(f.at));
    let mut touched = Vec::new();
    for f in order {
        let (target, stand_in) = match &f.mistake {
            Mistake::Missing { .. } => (parent(&f.field), None),
            Mistake::UnknownValue { allowed, .. } => (f.field.clone(), allowed.first().cloned()),
            Mistake::WrongType { expected, .. } => (
                f.field.clone(),
                match expected.first() {
                    Some(Shape::Text) => Some(String::new()),
                    Some(Shape::Integer | Shape::Number) => Some("0".into()),
                    _ => None,
                },
            ),
            Mistake::Value(_)
                if f.field.ends_with("date")
                    || f.field.ends_with(".from")
                    || f.field.ends_with(".to") =>
            {
                (f.field.clone(), Some("2000-01-01".into()))
            }
            _ => (f.field.clone(), None),
        };
        let done = match stand_in {
            Some(text) => replace(root, &target, text),
            None => remove(root, &target),
        };
        if done {
            touched.push(target);
        }
    }
    touched
}

/// The path without its last step.
fn parent(path: &str) -> String {
    match path.rfind(['.', '[']) {
        Some(i) => path[..i].to_string(),
        None => String::new(),
    }
}

/// Follows `path` from `node`: the node's parent and the last step.
fn walk_to<'n>(node: &'n mut Node, path: &str) -> Option<&'n mut Node> {
    let mut here = node;
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('[') {
            let (n, after) = r.split_once(']')?;
            let i: usize = n.parse().ok()?;
            let Kind::List(items) = &mut here.kind else {
                return None;
            };
            here = items.get_mut(i)?;
            rest = after.strip_prefix('.').unwrap_or(after);
            continue;
        }
        let Kind::Map(entries) = &mut here.kind else {
            return None;
        };
        // The longest key that the path starts with (keys may hold dots).
        let (i, len) = entries
            .iter()
            .enumerate()
            .filter_map(|(i, (k, _))| {
                let k = k.text()?;
                let after = rest.strip_prefix(k)?;
                (after.is_empty() || after.starts_with(['.', '['])).then_some((i, k.len()))
            })
            .max_by_key(|(_, len)| *len)?;
        here = &mut entries[i].1;
        let after = &rest[len..];
        rest = after.strip_prefix('.').unwrap_or(after);
    }
    Some(here)
}

fn replace(root: &mut Node, path: &str, text: String) -> bool {
    match walk_to(root, path) {
        Some(node) => {
            node.kind = Kind::Scalar { text, plain: true };
            true
        }
        None => false,
    }
}

fn remove(root: &mut Node, path: &str) -> bool {
    if path.is_empty() {
        return false;
    }
    let Some(i) = path.rfind(['.', '[']) else {
        return remove_step(root, path);
    };
    let (up, step) = path.split_at(i);
    let step = step.strip_prefix('.').unwrap_or(step);
    match walk_to(root, up) {
        Some(node) => remove_step(node, step),
        None => false,
    }
}

fn remove_step(node: &mut Node, step: &str) -> bool {
    match &mut node.kind {
        Kind::List(items) => {
            let Some(i) = step
                .strip_prefix('[')
                .and_then(|s| s.strip_suffix(']'))
                .and_then(|n| n.parse::<usize>().ok())
            else {
                return false;
            };
            if i < items.len() {
                items.remove(i);
                true
            } else {
                false
            }
        }
        Kind::Map(entries) => {
            let before = entries.len();
            entries.retain(|(k, _)| k.text() != Some(step));
            entries.len() != before
        }
        Kind::Scalar { .. } => false,
    }
}

/// A raw control character (an invisible one, or an escape sequence) in the text.
fn control_characters(text: &str, origin: &str) -> Vec<Diagnostic> {
    // Most files have none: their bytes tell at once. A control character is
    // a byte below 0x20 (but tab and line ends), DEL, or U+0080…U+009F
    // (0xC2 0x80…0x9F in UTF-8).
    let bytes = text.as_bytes();
    let suspect = bytes.iter().enumerate().any(|(i, &b)| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    });
    if !suspect {
        return Vec::new();
    }
    let lines = tree::LineIndex::new(text);
    text.char_indices()
        .filter(|(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{85}'))
        .map(|(i, _)| {
            Diagnostic::error(
                origin,
                lines.place(text, i),
                "",
                "ошибка синтаксиса YAML: в тексте есть управляющий (невидимый) символ: удалите его или перепечатайте строку",
            )
        })
        .collect()
}

/// What stopped the parsing, in Russian.
fn tree_diagnostic(e: &TreeError, origin: &str) -> Diagnostic {
    use tree::{Budget, Syntax};
    match e {
        TreeError::Syntax { kind, at, field } => {
            let hint = match kind {
                Syntax::Tab => "в отступе стоит символ табуляции: YAML допускает только пробелы — замените табуляцию пробелами",
                Syntax::ColonInValue => "лишнее двоеточие или неверный отступ: значение с двоеточием возьмите в кавычки, а вложенные поля сдвиньте одинаковым числом пробелов",
                Syntax::MissingColon => "в этой строке или строкой выше после ключа нет двоеточия: напишите «ключ: значение», а текст с переносом строки возьмите в кавычки целиком",
                Syntax::Unclosed => "YAML не разобран: проверьте кавычки, скобки и отступы в этой строке и строкой выше — похоже, что-то не закрыто",
                Syntax::BadStart => "символ, с которого не может начинаться значение (например, @, ` или %): возьмите значение в кавычки",
                Syntax::UnknownAnchor => "ссылка *имя на якорь &имя, который не объявлен выше: объявите якорь или уберите ссылку",
                Syntax::BadEscape => "в строке в двойных кавычках неверная последовательность с «\\»: удвойте обратную косую черту или возьмите строку в одинарные кавычки",
                Syntax::Other => "YAML не разобран: проверьте кавычки, скобки и отступы в этой строке",
            };
            Diagnostic::error(origin, *at, field.clone(), format!("ошибка синтаксиса YAML: {hint}"))
        }
        TreeError::TooDeep { at, field } => Diagnostic::error(
            origin,
            *at,
            field.clone(),
            format!(
                "вложенность глубже {} уровней: в описании организации столько не бывает — проверьте скобки [ ] и {{ }} и отступы",
                tree::MAX_DEPTH
            ),
        ),
        TreeError::ScalarTooLong { at, field, bytes } => Diagnostic::error(
            origin,
            *at,
            field.clone(),
            format!(
                "значение слишком длинное: {} КБ при пределе {} КБ",
                bytes / 1024,
                tree::MAX_SCALAR_BYTES / 1024
            ),
        ),
        TreeError::TooBig {
            at,
            field,
            budget,
            alias,
        } => {
            let what = match budget {
                Budget::Nodes => format!("больше {} значений", tree::MAX_NODES),
                Budget::Bytes => format!("больше {} МБ текста", tree::MAX_EXPANDED_BYTES / 1024 / 1024),
                Budget::ListElements => format!("больше {} элементов списков", tree::MAX_LIST_ELEMENTS),
            };
            let message = if *alias {
                format!("ссылки (&якорь и *ссылка) раскрываются в слишком большой документ ({what}) — файл похож на «YAML-бомбу»; раскройте ссылки вручную")
            } else {
                format!("описание слишком большое ({what}); разделите файл на несколько")
            };
            Diagnostic::error(origin, *at, field.clone(), message)
        }
        TreeError::SeveralDocuments { at } => Diagnostic::error(
            origin,
            *at,
            "",
            "в файле несколько документов (второй начинается с «---»): опишите одну организацию в одном файле",
        ),
    }
}

/// Reads an organisation from a YAML file.
pub fn from_path(path: &Path) -> Result<Prepared, LoadError> {
    load_path(path).map(|loaded| loaded.organization)
}

/// Reads an organisation from a YAML file, keeping the warnings.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    let text = read_source(path)?;
    load_str(&text, &path.display().to_string())
}

/// The text of a YAML file. Only a regular file is read (a device, a pipe or
/// a directory is refused before reading), never more than the size limit
/// whatever the file claims, and only UTF-8.
pub fn read_source(path: &Path) -> Result<String, LoadError> {
    use std::io::Read;
    let shown = path.display().to_string();
    let whole_file =
        |message: String| LoadError::Invalid(vec![Diagnostic::error(&shown, (1, 1), "", message)]);
    let io = |source: std::io::Error| LoadError::Io {
        path: shown.clone(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(whole_file(
            "это каталог, а не файл: укажите файл YAML (каталог целиком читает nastavnik bundle)"
                .into(),
        ));
    }
    if !meta.is_file() {
        return Err(whole_file(
            "это не обычный файл (устройство или канал): укажите файл YAML".into(),
        ));
    }
    let limit = crate::check::limits::MAX_FILE_BYTES;
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(limit as u64 + 1).read_to_end(&mut bytes))
        .map_err(io)?;
    if bytes.len() > limit {
        let size = usize::try_from(meta.len())
            .unwrap_or(usize::MAX)
            .max(bytes.len());
        return Err(whole_file(crate::check::limits::too_big(size)));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        LoadError::Invalid(vec![Diagnostic::error(
            &shown,
            (line, column),
            "",
            "файл не в кодировке UTF-8: сохраните его как «UTF-8» в редакторе",
        )])
    })?;
    Ok(text)
}

/// «ЗАПОЛНИТЕ: …» left in the file, as errors with their fields.
fn placeholder_diagnostics(
    text: &str,
    index: &std::cell::LazyCell<PositionIndex, impl FnOnce() -> PositionIndex>,
    origin: &str,
) -> Vec<Diagnostic> {
    let marker = crate::load::starter::PLACEHOLDER;
    if !text.contains(marker) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let Some(byte) = line.find(marker) else {
            continue;
        };
        if line[..byte].trim_start().starts_with('#') {
            continue; // a comment explaining the marker
        }
        let column = line[..byte].chars().count();
        let rest = &line[byte + marker.len()..];
        let what = rest.split(['"', '#']).next().unwrap_or("").trim();
        let field = index.path_at(n + 1, column + 1).unwrap_or_default();
        out.push(Diagnostic::error(
            origin,
            (n + 1, column),
            field,
            format!("не заполнено: {what}"),
        ));
    }
    out
}
