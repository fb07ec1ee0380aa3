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
        let lines: Vec<&str> = text.lines().collect();
        self.with_lines(&lines)
    }

    /// As [`Diagnostic::with_source`], from the file's lines split once (a
    /// caller printing many diagnostics of one file splits it once, not once
    /// per diagnostic). A long line shows only the stretch around the spot,
    /// «…» marking what is cut, so a minified line is not echoed whole.
    pub fn with_lines(&self, lines: &[&str]) -> String {
        let mut out = self.to_string();
        if self.line == 0 {
            return out;
        }
        let first = self.line.saturating_sub(2).max(1);
        let last = (self.line + 1).min(lines.len());
        let width = last.to_string().len();
        for n in first..=last {
            let Some(line) = lines.get(n - 1) else { break };
            let spot = if n == self.line {
                self.column.saturating_sub(1)
            } else {
                0
            };
            let (shown, pad_chars) = window(line, spot);
            out.push_str(&format!("\n {n:>width$} | {}", visible(&shown)));
            if n == self.line {
                let pad: String = shown
                    .chars()
                    .take(pad_chars)
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
/// At most this many characters of a source line are shown.
const SHOWN_CHARS: usize = 100;

/// The part of `line` shown around the character at `spot`, and how many of
/// the shown characters stand before the spot.
fn window(line: &str, spot: usize) -> (std::borrow::Cow<'_, str>, usize) {
    let count = line.chars().take(SHOWN_CHARS + 1).count();
    if count <= SHOWN_CHARS {
        return (line.into(), spot);
    }
    let start = spot.saturating_sub(SHOWN_CHARS * 2 / 3);
    let body: String = line.chars().skip(start).take(SHOWN_CHARS).collect();
    let more = line.chars().nth(start + SHOWN_CHARS).is_some();
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.push_str(&body);
    if more {
        shown.push('…');
    }
    (shown.into(), spot - start + usize::from(start > 0))
}

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

#[cfg(test)]
mod window_tests {
    use super::*;

    #[test]
    fn a_long_line_is_shown_around_the_spot() {
        let line = format!("items: {}", "[".repeat(80_000));
        let d = Diagnostic::error("f.yaml", (2, 263), "items", "вложенность");
        let shown = d.with_source(&format!("name: x\n{line}\n"));
        assert!(shown.len() < 1_000, "{shown}");
        let lines: Vec<&str> = shown.lines().collect();
        let text = lines[2];
        let caret = lines[3];
        assert!(text.contains('…'));
        // The caret stands under the 263rd character of the line.
        let col = caret.chars().position(|c| c == '^').unwrap();
        let prefix: String = text.chars().take(col).collect();
        assert!(prefix.ends_with("[["), "{text}\n{caret}");
        assert_eq!(text.chars().nth(col), Some('['));
    }

    #[test]
    fn a_short_line_is_shown_whole() {
        let d = Diagnostic::error("f.yaml", (1, 10), "curator", "нет");
        let shown = d.with_source("curator: petrova\n");
        assert!(
            shown.ends_with(" 1 | curator: petrova\n   |          ^"),
            "{shown}"
        );
    }
}
