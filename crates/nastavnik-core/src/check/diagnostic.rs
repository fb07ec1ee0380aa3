//! Diagnostics: what is wrong in a YAML file, where, and how to fix it, in Russian.

use std::fmt;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The file cannot be used until it is fixed.
    Error,
    /// The file can be used, but something looks wrong.
    Warning,
}

/// One problem in an input file, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file as the user named it, or a label such as «<строка>».
    pub file: String,
    /// 1-based line; 0 when unknown.
    pub line: usize,
    /// 1-based column; 0 when unknown.
    pub column: usize,
    /// The field's path: «roadmap.sections[0].items[2].deadline».
    pub field: String,
    /// What is wrong and how to fix it, in Russian.
    pub message: String,
}

impl Diagnostic {
    /// An error at a place in a file.
    pub fn error(
        file: &str,
        (line, column): (usize, usize),
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            line,
            column,
            field: field.into(),
            message: message.into(),
        }
    }
}

impl Diagnostic {
    /// The diagnostic followed by the lines of YAML around it, the spot marked:
    ///
    /// ```text
    /// школа.yaml:4:10: ошибка: поле «curator»: …
    ///    3 | head: Иванов И.И.
    ///    4 | curator: petrova
    ///      |          ^
    /// ```
    pub fn with_source(&self, text: &str) -> String {
        let mut out = self.to_string();
        if self.line == 0 {
            return out;
        }
        let lines: Vec<&str> = text.lines().collect();
        let first = self.line.saturating_sub(2).max(1);
        let last = (self.line + 1).min(lines.len());
        let width = last.to_string().len();
        for n in first..=last {
            let Some(line) = lines.get(n - 1) else { break };
            out.push_str(&format!("\n {n:>width$} | {}", visible(line)));
            if n == self.line {
                let pad: String = line
                    .chars()
                    .take(self.column.saturating_sub(1))
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                out.push_str(&format!("\n {:>width$} | {pad}^", ""));
            }
        }
        out
    }

    /// The diagnostic as JSON, for other tools.
    pub fn to_json(&self) -> String {
        fn quote(s: &str) -> String {
            let mut out = String::from("\"");
            for c in s.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        }
        format!(
            "{{\"file\": {}, \"line\": {}, \"column\": {}, \"severity\": {}, \"field\": {}, \"message\": {}}}",
            quote(&self.file),
            self.line,
            self.column,
            quote(match self.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            }),
            quote(&self.field),
            quote(&self.message)
        )
    }
}

/// Text safe to print on a terminal: a control character (an escape
/// sequence from a YAML value could recolour the screen or fake a line)
/// is written out as `\x1B`.
fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                format!("\\x{:02X}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

impl fmt::Display for Diagnostic {
    /// `file:line:column: ошибка: поле «path»: message`, control characters
    /// written out.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "ошибка",
            Severity::Warning => "предупреждение",
        };
        let file = visible(&self.file);
        if self.line == 0 {
            write!(f, "{file}: {level}")?;
        } else {
            write!(f, "{file}:{}:{}: {level}", self.line, self.column)?;
        }
        if !self.field.is_empty() {
            write!(f, ": поле «{}»", visible(&self.field))?;
        }
        write!(f, ": {}", visible(&self.message))
    }
}

/// Puts serde's English wording into Russian.
pub(crate) fn translate(message: &str) -> String {
    let quoted = |s: &str| -> String {
        s.split('`')
            .skip(1)
            .step_by(2)
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("не указано обязательное поле «{}»", rest.trim_matches('`'));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, expected) = rest.split_once(", expected").unwrap_or((rest, ""));
        let allowed = quoted(expected);
        let field = field.trim_matches('`');
        return if allowed.is_empty() {
            format!("неизвестное поле «{field}»: здесь полей не ожидается")
        } else {
            format!("неизвестное поле «{field}»; допустимые поля: {allowed}")
        };
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (value, expected) = rest.split_once(", expected").unwrap_or((rest, ""));
        return format!(
            "недопустимое значение «{}»; допустимые: {}",
            value.trim_matches('`'),
            quoted(expected)
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "неверный тип: здесь {}, а ожидается {}",
            kind(found),
            kind(expected)
        );
    }
    if let Some(syntax) = translate_syntax(message, "") {
        return syntax;
    }
    if message.starts_with("duplicate field") || message.contains("duplicate entry") {
        return format!("поле указано дважды ({message})");
    }
    if message
        .chars()
        .any(|c| ('а'..='я').contains(&c) || ('А'..='Я').contains(&c))
    {
        message.to_string()
    } else {
        // Nothing above knew this message: say so in Russian and keep the original for support.
        format!("ошибка в файле: {message}")
    }
}

fn kind(english: &str) -> String {
    let e = english.trim();
    let word = if e.starts_with("a sequence") || e.starts_with("sequence") {
        "список"
    } else if e.starts_with("a map") || e.starts_with("map") || e.starts_with("struct") {
        "набор полей (ключ: значение)"
    } else if e.starts_with("a string") || e.starts_with("string") {
        "строка"
    } else if e.starts_with("integer") || e.starts_with("u32") || e.starts_with("i32") {
        "число"
    } else if e.starts_with("boolean") || e.starts_with("a boolean") {
        "да/нет (true/false)"
    } else if e.starts_with("unit") {
        "пустое значение"
    } else {
        return e.to_string();
    };
    match e.split_once(' ') {
        Some((_, rest)) if e.starts_with("string") || e.starts_with("integer") => {
            format!("{word} {rest}")
        }
        _ => word.to_string(),
    }
}

/// Puts YAML's own complaints into Russian, with the usual cause and fix.
pub(crate) fn translate_syntax(message: &str, line: &str) -> Option<String> {
    let leading = &line[..line.len() - line.trim_start().len()];
    let hint = if leading.contains('\t') {
        "в отступе стоит символ табуляции: YAML допускает только пробелы — замените табуляцию пробелами"
    } else if message.contains("mapping values are not allowed") {
        "лишнее двоеточие или неверный отступ: значение с двоеточием возьмите в кавычки, а вложенные поля сдвиньте одинаковым числом пробелов"
    } else if message.contains("could not find expected ':'") {
        "в этой строке или строкой выше после ключа нет двоеточия: напишите «ключ: значение», а текст с переносом строки возьмите в кавычки целиком"
    } else if message.contains("did not find expected")
        || message.contains("could not find expected")
    {
        "неверный отступ или незакрытая скобка или кавычка: проверьте эту строку и строку выше"
    } else if message.contains("found character that cannot start any token") {
        "символ, с которого не может начинаться значение (например, @ или `): возьмите значение в кавычки"
    } else if message.contains("found undefined alias") || message.contains("unknown anchor") {
        "ссылка *имя на якорь &имя, который не объявлен выше: объявите якорь или уберите ссылку"
    } else if message.contains("repetition limit exceeded")
        || message.contains("recursion limit exceeded")
    {
        "ссылки (&якорь и *ссылка) раскрываются в слишком большой документ — файл похож на «YAML-бомбу»; раскройте ссылки вручную"
    } else if message.contains("control characters are not allowed") {
        "в тексте есть управляющий (невидимый) символ: удалите его или перепечатайте строку"
    } else if message.contains("while scanning")
        || message.contains("while parsing")
        || message.contains("found unexpected end of stream")
        || message.contains("found unknown escape character")
    {
        "YAML не разобран: проверьте кавычки, скобки и отступы в этой строке"
    } else {
        return None;
    };
    Some(format!("ошибка синтаксиса YAML: {hint}"))
}

#[cfg(test)]
mod visible_tests {
    use super::*;

    #[test]
    fn escape_sequences_are_written_out() {
        let d = Diagnostic::error(
            "a.yaml",
            (1, 2),
            "name",
            "неизвестное поле «\u{1b}[2J ошибок нет»",
        );
        assert_eq!(
            d.to_string(),
            "a.yaml:1:2: ошибка: поле «name»: неизвестное поле «\\x1B[2J ошибок нет»"
        );
    }
}
