//! The template environment: wording in minijinja templates, embedded in the
//! binary and overridable from a directory.
//!
//! Every value a template prints is escaped for Markdown unless a filter
//! marked it safe, so text from YAML can never change a document's structure.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, Output, State};
use nastavnik_core::russian;

use crate::markup::escape_markdown;
use crate::GenError;

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../../templates/", $name)))),*]
    };
}

/// The templates shipped with nastavnik: (name, text).
pub const EMBEDDED: &[(&str, &str)] = embedded![
    "order-frame.md",
    "order-implementation.md",
    "order-curator.md",
    "order-pairs.md",
    "order-rewards.md",
    "order-final-event.md",
    "provision.md",
    "programme.md",
    "participants-base.md",
    "development-plan.md",
    "roadmap.md",
    "report.md",
];

/// A configured template environment, and the Typst layout library.
pub struct Templates {
    env: Environment<'static>,
    /// A region's `nastavnik.typ` and where it was read from.
    layout: Option<(PathBuf, String)>,
}

/// The name of the Typst layout library in a templates folder.
pub const LAYOUT_LIBRARY_NAME: &str = "nastavnik.typ";

impl Templates {
    /// The embedded templates only.
    pub fn embedded() -> Self {
        Self::build(None)
    }

    /// Templates from `dir` where present, the embedded ones otherwise.
    /// Only plain names inside `dir` are read: no `..`, no absolute paths.
    pub fn with_overrides(dir: &Path) -> Result<Self, GenError> {
        if !dir.is_dir() {
            return Err(GenError::Template(format!(
                "каталог шаблонов {} не найден",
                dir.display()
            )));
        }
        let mut templates = Self::build(Some(dir.to_path_buf()));
        templates.layout = read_layout_library(dir)?;
        Ok(templates)
    }

    /// The Typst layout library: `nastavnik.typ` from the templates folder
    /// if it has one, else the embedded one.
    pub fn layout_library(&self) -> &str {
        match &self.layout {
            Some((_, text)) => text,
            None => crate::backend::typst::LAYOUT_LIBRARY,
        }
    }

    /// Where the layout library was read from, if not embedded.
    pub fn layout_library_path(&self) -> Option<&Path> {
        self.layout.as_ref().map(|(path, _)| path.as_path())
    }

    fn build(dir: Option<PathBuf>) -> Self {
        let mut env = Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        env.set_fuel(Some(5_000_000));
        env.set_auto_escape_callback(|_| AutoEscape::Custom("markdown"));
        env.set_formatter(markdown_formatter);
        env.set_loader(move |name| {
            if name.contains("..") || name.starts_with('/') || name.contains('\\') {
                return Ok(None);
            }
            if let Some(dir) = &dir {
                let path = dir.join(name);
                if let Ok(meta) = std::fs::symlink_metadata(&path) {
                    if meta.file_type().is_symlink() {
                        // A link could lead anywhere on the disk: templates are plain files.
                        return Err(Error::new(
                            ErrorKind::InvalidOperation,
                            format!("шаблон {name} — символическая ссылка; положите в каталог шаблонов сам файл"),
                        ));
                    }
                    if meta.is_file() {
                        return std::fs::read_to_string(&path).map(Some).map_err(|e| {
                            Error::new(
                                ErrorKind::InvalidOperation,
                                format!("не удалось прочитать шаблон {name}: {e}"),
                            )
                        });
                    }
                }
            }
            Ok(EMBEDDED
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| t.to_string()))
        });
        env.add_filter("date_numeric", |v: String| {
            date_filter(&v, russian::date_numeric)
        });
        env.add_filter("date_long", |v: String| date_filter(&v, russian::date_long));
        env.add_filter("date_words", |v: String| {
            date_filter(&v, russian::date_long_words)
        });
        env.add_filter("date_quoted", |v: String| {
            date_filter(&v, russian::date_quoted)
        });
        env.add_filter("number_sign", |v: String| russian::number_sign(&v));
        env.add_filter("quoted", |v: String| russian::guillemets(&v));
        env.add_filter("lower_first", |v: String| {
            let mut chars = v.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => String::new(),
            }
        });
        Templates { env, layout: None }
    }

    /// Renders a template with a context.
    pub fn render(&self, name: &str, context: Value) -> Result<String, GenError> {
        let template = self.env.get_template(name).map_err(template_error)?;
        template.render(context).map_err(template_error)
    }
}

/// A region's layout library, under the rules for templates: a plain file,
/// not a link.
fn read_layout_library(dir: &Path) -> Result<Option<(PathBuf, String)>, GenError> {
    let path = dir.join(LAYOUT_LIBRARY_NAME);
    let Ok(meta) = std::fs::symlink_metadata(&path) else {
        return Ok(None);
    };
    if meta.file_type().is_symlink() {
        return Err(GenError::Template(format!(
            "{} — символическая ссылка; положите в каталог шаблонов сам файл",
            path.display()
        )));
    }
    if !meta.is_file() {
        return Ok(None);
    }
    std::fs::read_to_string(&path)
        .map(|text| Some((path.clone(), text)))
        .map_err(|e| GenError::Template(format!("не удалось прочитать {}: {e}", path.display())))
}

fn date_filter(value: &str, format: fn(NaiveDate) -> String) -> Result<String, Error> {
    nastavnik_core::dates::parse_date(value)
        .map(format)
        .map_err(|e| Error::new(ErrorKind::InvalidOperation, e))
}

fn markdown_formatter(out: &mut Output, state: &State, value: &Value) -> Result<(), Error> {
    if value.is_none() || value.is_undefined() {
        return Ok(());
    }
    if value.is_safe() || !matches!(state.auto_escape(), AutoEscape::Custom("markdown")) {
        return write!(out, "{value}").map_err(Error::from);
    }
    write!(out, "{}", escape_markdown(&value.to_string())).map_err(Error::from)
}

fn template_error(err: Error) -> GenError {
    let place = match (err.name(), err.line()) {
        (Some(name), Some(line)) => format!("шаблон {name}, строка {line}: "),
        (Some(name), None) => format!("шаблон {name}: "),
        _ => String::new(),
    };
    let detail = err
        .detail()
        .map(str::to_string)
        .unwrap_or_else(|| err.kind().to_string());
    GenError::Template(format!("{place}{detail}"))
}
