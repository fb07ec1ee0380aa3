//! Loading an [`Organization`](crate::Organization) from YAML, keeping positions for diagnostics.

mod mend;
pub mod schema;
pub mod starter;

use std::collections::HashMap;
use std::path::Path;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

use crate::check::diagnostic::{translate, Diagnostic, Severity};
use crate::check::prepare::Prepared;

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
    duplicates: HashMap<String, (usize, usize)>,
}

impl PositionIndex {
    /// Indexes `text`; a text that does not parse gives an empty index.
    pub fn new(text: &str) -> Self {
        let mut walker = Walker::default();
        let _ = Parser::new_from_str(text).load(&mut walker, false);
        PositionIndex {
            positions: walker.positions,
            keys: walker.keys,
            duplicates: walker.duplicates,
        }
    }

    /// The field whose value starts on `line` nearest before `column`.
    pub fn path_at(&self, line: usize, column: usize) -> Option<String> {
        self.positions
            .iter()
            .filter(|(_, (l, c))| *l == line && *c <= column)
            .max_by_key(|(path, (_, c))| (*c, path.len()))
            .map(|(path, _)| path.clone())
    }

    /// Where a key stands a second time in its mapping, if it does.
    pub fn duplicate(&self, path: &str) -> Option<(usize, usize)> {
        self.duplicates.get(path).copied()
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

enum Frame {
    Map { key: Option<String>, path: String },
    Seq { index: usize, path: String },
}

#[derive(Default)]
struct Walker {
    stack: Vec<Frame>,
    positions: HashMap<String, (usize, usize)>,
    /// Where each key of a mapping stands.
    keys: HashMap<String, (usize, usize)>,
    /// Keys met a second time in the same mapping, with where.
    duplicates: HashMap<String, (usize, usize)>,
}

impl Walker {
    /// The path of the value that starts now, and advances the parent.
    fn next_value_path(&mut self) -> Option<String> {
        match self.stack.last_mut() {
            None => Some(String::new()),
            Some(Frame::Map { key, path }) => {
                let k = key.take()?;
                Some(if path.is_empty() {
                    k
                } else {
                    format!("{path}.{k}")
                })
            }
            Some(Frame::Seq { index, path }) => {
                let p = format!("{path}[{index}]");
                *index += 1;
                Some(p)
            }
        }
    }
}

impl MarkedEventReceiver for Walker {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        let pos = (mark.line(), mark.col() + 1);
        match ev {
            Event::Scalar(value, ..) => {
                if let Some(Frame::Map {
                    key: key @ None,
                    path,
                }) = self.stack.last_mut()
                {
                    let p = if path.is_empty() {
                        value.clone()
                    } else {
                        format!("{path}.{value}")
                    };
                    self.positions.entry(p.clone()).or_insert(pos);
                    self.keys.entry(p).or_insert(pos);
                    *key = Some(value);
                } else if let Some(p) = self.next_value_path() {
                    // A scalar value is pointed at itself, not at its key.
                    self.positions.insert(p, pos);
                }
            }
            Event::Alias(_) => {
                self.next_value_path();
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let path = self.next_value_path().unwrap_or_default();
                self.positions.entry(path.clone()).or_insert(pos);
                self.stack.push(if matches!(ev, Event::MappingStart(..)) {
                    Frame::Map { key: None, path }
                } else {
                    Frame::Seq { index: 0, path }
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
            }
            _ => {}
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

/// Reads an organisation from YAML text, keeping the warnings: the schema,
/// then the default roadmap, then the cross-checks of [`crate::check`].
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
    // Values still to be filled: every one is an error at its place.
    let placeholders = placeholder_diagnostics(text, origin);
    let filled_later: std::collections::HashSet<String> =
        placeholders.iter().map(|d| d.field.clone()).collect();
    // Every structural mistake, then — if the file could be read — the cross-checks.
    let reading = crate::load::mend::read(text, origin, &filled_later);
    let mut errors: Vec<Diagnostic> = placeholders;
    errors.extend(reading.errors);
    errors.sort_by_key(|d| (d.line, d.column));
    let Some(mut org) = reading.organization else {
        return Err(LoadError::Invalid(errors));
    };
    if !errors.is_empty() && !filled_later.is_empty() {
        // Cross-checks of a file still being filled in would only repeat the placeholders.
        return Err(LoadError::Invalid(errors));
    }
    let mended = reading.mended;
    let mut problems = crate::check::prepare::run(&mut org);
    // The index re-reads the text: only build it when there is something to place.
    // A problem where the file was mended is the mending's, not the author's.
    problems.retain(|p| {
        !mended.iter().any(|m| {
            p.field == *m
                || p.field.starts_with(&format!("{m}."))
                || p.field.starts_with(&format!("{m}["))
        })
    });
    let index = if problems.is_empty() {
        PositionIndex::default()
    } else {
        PositionIndex::new(text)
    };
    let (checked, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = problems
        .into_iter()
        .map(|p| {
            let (line, column) = index.locate(&p.field);
            Diagnostic {
                severity: p.severity,
                file: origin.to_string(),
                line,
                column,
                field: p.field,
                message: p.message,
            }
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
        Err(LoadError::Invalid(
            errors.into_iter().chain(warnings).collect(),
        ))
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
fn placeholder_diagnostics(text: &str, origin: &str) -> Vec<Diagnostic> {
    let marker = crate::load::starter::PLACEHOLDER;
    if !text.contains(marker) {
        return Vec::new();
    }
    let index = PositionIndex::new(text);
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

/// A diagnostic for serde's first mistake in `text`, at `field` (the path
/// serde stopped at, in the author's file). `located`: whether serde's own
/// position is one in the author's file; when it is not, the index places it.
pub(crate) fn schema_diagnostic(
    err: &serde_path_to_error::Error<serde_yaml::Error>,
    text: &str,
    index: &PositionIndex,
    origin: &str,
    mut field: String,
    located: bool,
) -> Diagnostic {
    let inner = err.inner();
    let location = inner.location().filter(|_| located);
    let raw = inner.to_string();
    // serde_yaml appends « at line L column C»; the position is reported apart.
    let message = match raw.find(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw.clone(),
    };
    // serde_yaml names its own idea of the path first: «head: unknown field …».
    let message = match message.split_once(": ") {
        Some((path, rest)) if !path.is_empty() && !path.contains(' ') => rest.to_string(),
        _ => message,
    };
    for prefix in ["missing field `", "unknown field `"] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let name = rest.split('`').next().unwrap_or_default();
            if !field.ends_with(name) {
                field = if field.is_empty() {
                    name.to_string()
                } else {
                    format!("{field}.{name}")
                };
            }
        }
    }
    // The value itself when the index knows it, else where serde_yaml stopped.
    let unknown_key = message.starts_with("unknown field");
    if let Some(name) = message
        .strip_prefix("duplicate field `")
        .and_then(|r| r.split('`').next())
    {
        let path = if field.is_empty() {
            name.to_string()
        } else {
            format!("{field}.{name}")
        };
        let (line, column) = index
            .duplicate(&path)
            .or_else(|| index.get(&path))
            .unwrap_or((1, 1));
        return Diagnostic::error(
            origin,
            (line, column),
            path,
            format!("поле «{name}» указано дважды: оставьте одно"),
        );
    }
    // «control characters are not allowed at position N»: N counts bytes.
    let control_at = message
        .strip_prefix("control characters are not allowed at position ")
        .and_then(|n| n.trim().parse::<usize>().ok())
        .map(|n| {
            let end = (0..=n.min(text.len()))
                .rev()
                .find(|i| text.is_char_boundary(*i))
                .unwrap_or(0);
            let before = &text[..end];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            (line, column)
        });
    // A syntax error is where the parser stopped, not where its field began.
    let syntax = location.as_ref().and_then(|loc| {
        let source_line = text.lines().nth(loc.line().saturating_sub(1)).unwrap_or("");
        crate::check::diagnostic::translate_syntax(&message, source_line).map(|m| (m, loc))
    });
    if let Some((message, loc)) = syntax {
        let (line, column) = control_at.unwrap_or((loc.line(), loc.column()));
        return Diagnostic::error(origin, (line, column), field, message);
    }
    // An unknown key is pointed at itself, not at its value.
    let key = index.key(&field).filter(|_| unknown_key);
    let (line, column) = match (index.get(&field), location) {
        _ if control_at.is_some() => control_at.unwrap_or((1, 1)),
        (_, Some(loc)) if unknown_key => (loc.line(), loc.column()),
        (_, None) if key.is_some() => key.unwrap_or((1, 1)),
        (Some(pos), _) => pos,
        (None, Some(loc)) => (loc.line(), loc.column()),
        (None, None) => index.locate(&field),
    };
    let message = translate(&message);
    Diagnostic::error(origin, (line, column), field, message)
}
