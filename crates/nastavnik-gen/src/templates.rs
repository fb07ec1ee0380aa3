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

use crate::documents::components::{self, Collected, Component};
use crate::markup::escape_markdown;
use crate::GenError;

/// A template that failed: where, and why, in Russian; minijinja's own error
/// is kept as the source.
#[derive(Debug)]
pub struct TemplateError {
    /// The template file: `order-frame.md`.
    pub template: Option<String>,
    /// The line in that file, from 1.
    pub line: Option<usize>,
    /// What went wrong.
    pub message: String,
    /// minijinja's error, if it came from minijinja.
    pub source: Option<Error>,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.template, self.line) {
            (Some(name), Some(line)) => write!(f, "шаблон {name}, строка {line}: ")?,
            (Some(name), None) => write!(f, "шаблон {name}: ")?,
            _ => {}
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for TemplateError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// What a template produced: Markdown with component markers, and the
/// components in the order they were called.
#[derive(Debug)]
pub struct Rendered {
    /// The text.
    pub text: String,
    /// The components its markers stand for.
    pub components: Vec<Component>,
}

/// The templates shipped with nastavnik: (name, text), every file of
/// `templates/`, embedded by the build script.
pub const EMBEDDED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

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
            return Err(GenError::template_message(format!(
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
        components::register(&mut env);
        env.add_filter("number_sign", |v: String| russian::number_sign(&v));
        env.add_filter("quoted", |v: String| russian::guillemets(&v));
        crate::grammar_filters::register(&mut env);
        Templates { env, layout: None }
    }

    /// Renders a template with a context. The output is bounded (size,
    /// list nesting, list items): a template from `--templates` that writes
    /// without end fails with a Russian message naming it.
    pub fn render(&self, name: &str, context: Value) -> Result<Rendered, GenError> {
        let template = self.env.get_template(name).map_err(template_error)?;
        let mut out = Bounded {
            text: Vec::new(),
            over: false,
        };
        let captured = template.render_captured_to(context, &mut out);
        if out.over {
            return Err(output_error(
                name,
                format!(
                    "шаблон выводит больше {} МБ текста (бесконечное удвоение строки?)",
                    MAX_OUTPUT_BYTES / 1024 / 1024
                ),
            ));
        }
        let captured = captured.map_err(template_error)?;
        let components = Collected::of(captured.state());
        let text = String::from_utf8(out.text).map_err(|_| {
            output_error(name, "шаблон вывел текст не в кодировке UTF-8".to_string())
        })?;
        check_shape(name, &text)?;
        Ok(Rendered { text, components })
    }
}

/// Most bytes one template may write.
pub const MAX_OUTPUT_BYTES: usize = 16 * 1024 * 1024;
/// Deepest nesting of Markdown lists (and quotes) in a template's output.
pub const MAX_LIST_DEPTH: usize = 16;
/// Most list items (clauses) in a template's output.
pub const MAX_LIST_ITEMS: usize = 10_000;

/// A writer that refuses past [`MAX_OUTPUT_BYTES`].
struct Bounded {
    text: Vec<u8>,
    over: bool,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.text.len() + buf.len() > MAX_OUTPUT_BYTES {
            self.over = true;
            return Err(std::io::Error::other("too much output"));
        }
        self.text.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn output_error(name: &str, message: String) -> GenError {
    GenError::Template(TemplateError {
        template: Some(name.to_string()),
        line: None,
        message,
        source: None,
    })
}

/// How deep a line of Markdown nests lists and quotes: its indentation (by
/// two spaces) and the markers that open it, «- - 1. x» being three.
fn list_depth(line: &str) -> (usize, bool) {
    let trimmed = line.trim_start_matches([' ', '\t']);
    let indent = (line.len() - trimmed.len()) / 2;
    let mut rest = trimmed;
    let mut markers = 0;
    loop {
        let next = if let Some(r) = rest
            .strip_prefix("- ")
            .or_else(|| rest.strip_prefix("* "))
            .or_else(|| rest.strip_prefix("+ "))
            .or_else(|| rest.strip_prefix("> "))
        {
            Some(r)
        } else {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            (digits > 0 && digits < 10)
                .then(|| {
                    rest[digits..]
                        .strip_prefix(". ")
                        .or_else(|| rest[digits..].strip_prefix(") "))
                })
                .flatten()
        };
        match next {
            Some(r) => {
                markers += 1;
                rest = r.trim_start_matches(' ');
            }
            None => break,
        }
    }
    (indent + markers, markers > 0)
}

/// The output's shape within bounds: list nesting and the number of items.
fn check_shape(name: &str, text: &str) -> Result<(), GenError> {
    let mut items = 0usize;
    for (n, line) in text.lines().enumerate() {
        let (depth, item) = list_depth(line);
        if item && depth > MAX_LIST_DEPTH {
            return Err(output_error(
                name,
                format!(
                    "вывод шаблона, строка {}: списки вложены глубже {MAX_LIST_DEPTH} уровней",
                    n + 1
                ),
            ));
        }
        items += usize::from(item);
        if items > MAX_LIST_ITEMS {
            return Err(output_error(
                name,
                format!("шаблон выводит больше {MAX_LIST_ITEMS} пунктов списков"),
            ));
        }
    }
    Ok(())
}

/// A region's layout library, under the rules for templates: a plain file,
/// not a link.
fn read_layout_library(dir: &Path) -> Result<Option<(PathBuf, String)>, GenError> {
    let path = dir.join(LAYOUT_LIBRARY_NAME);
    let Ok(meta) = std::fs::symlink_metadata(&path) else {
        return Ok(None);
    };
    if meta.file_type().is_symlink() {
        return Err(GenError::template_message(format!(
            "{} — символическая ссылка; положите в каталог шаблонов сам файл",
            path.display()
        )));
    }
    if !meta.is_file() {
        return Ok(None);
    }
    std::fs::read_to_string(&path)
        .map(|text| Some((path.clone(), text)))
        .map_err(|e| {
            GenError::template_message(format!(
                "не удалось прочитать {}: {}",
                path.display(),
                nastavnik_core::russian::io_error(&e)
            ))
        })
}

fn date_filter(value: &str, format: fn(NaiveDate) -> String) -> Result<String, Error> {
    nastavnik_core::russian::dates::parse_date(value)
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

/// The text of the expression an undefined-value error points at: «order.titel».
fn undefined_expression(err: &Error) -> Option<String> {
    let source = err.template_source()?;
    let expr = source.get(err.range()?)?.trim();
    (!expr.is_empty() && expr.len() <= 80 && !expr.contains('\n')).then(|| expr.to_string())
}

/// An invalid operation told in Russian: ours as written (they are Russian),
/// minijinja's by what it means, never in its English.
fn invalid_operation(detail: Option<&str>) -> String {
    let detail = detail.unwrap_or_default();
    if detail
        .chars()
        .any(|c| matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё'))
    {
        return detail.to_string();
    }
    let meaning = if detail.contains("too large") || detail.contains("too long") {
        "значение получается слишком большим"
    } else if detail.contains("unsupported types") || detail.contains("cannot") {
        "операция над значениями неподходящего рода"
    } else if detail.contains("overflow")
        || detail.contains("divide")
        || detail.contains("division")
    {
        "арифметическая ошибка (переполнение или деление на ноль)"
    } else {
        "недопустимая операция"
    };
    meaning.to_string()
}

fn template_error(err: Error) -> GenError {
    let kind = match err.kind() {
        // Our own messages (components, filters) are Russian already;
        // minijinja's own are not, and are told in Russian here.
        ErrorKind::InvalidOperation => invalid_operation(err.detail()),
        ErrorKind::SyntaxError => "синтаксическая ошибка шаблона".into(),
        ErrorKind::TemplateNotFound => "шаблон не найден".into(),
        ErrorKind::UndefinedError => match undefined_expression(&err) {
            Some(expr) => format!(
                "«{expr}» не определено: такой переменной или поля шаблон не получает (их список: nastavnik templates vars ВИД)"
            ),
            None => "обращение к неопределённому значению (переменной или полю, которых нет)".into(),
        },
        ErrorKind::UnknownFilter => "неизвестный фильтр".into(),
        ErrorKind::UnknownTest => "неизвестная проверка".into(),
        ErrorKind::UnknownFunction => format!(
            "неизвестная функция; компоненты: {}",
            components::names().collect::<Vec<_>>().join(", ")
        ),
        ErrorKind::UnknownMethod => "неизвестный метод".into(),
        ErrorKind::TooManyArguments => "слишком много аргументов".into(),
        ErrorKind::MissingArgument => "не хватает аргумента".into(),
        ErrorKind::OutOfFuel => "шаблон выполняется слишком долго (бесконечный цикл?)".into(),
        ErrorKind::BadInclude => "не удалось подключить шаблон".into(),
        ErrorKind::UnknownBlock => "неизвестный блок".into(),
        ErrorKind::CannotUnpack => "не удалось разобрать значение на части".into(),
        ErrorKind::NonPrimitive | ErrorKind::NonKey => "значение не того рода".into(),
        _ => "ошибка выполнения шаблона".into(),
    };
    GenError::Template(TemplateError {
        template: err.name().map(str::to_string),
        line: err.line(),
        message: kind,
        source: Some(err),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// minijinja's own failures reach a user in Russian, with no English word.
    #[test]
    fn minijinja_failures_are_told_in_russian() {
        for source in [
            r#"{{ "ab" * 100000000000 }}"#,
            r#"{{ 1 + "a" }}"#,
            r#"{{ 1 // 0 }}"#,
            r#"{{ [1] - 2 }}"#,
        ] {
            let env = minijinja::Environment::new();
            let err = env.render_str(source, ()).expect_err(source);
            let GenError::Template(t) = template_error(err) else {
                panic!("{source}: a template error")
            };
            assert!(
                !t.message.chars().any(|c| c.is_ascii_alphabetic()),
                "{source}: {}",
                t.message
            );
        }
    }
}
