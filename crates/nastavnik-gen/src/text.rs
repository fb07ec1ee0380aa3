//! Text that any backend can show: control characters made visible, words
//! too long for a line given places to break.

/// Words longer than this get break opportunities; no Russian word comes close.
const LONGEST_WORD: usize = 60;
/// How often a break opportunity is offered inside an overlong word.
const BREAK_EVERY: usize = 24;
const ZERO_WIDTH_SPACE: char = '\u{200b}';

/// Makes text printable in every backend: a control character (which XML
/// cannot hold and fonts do not draw) is written out as `\x07`,
/// and a word longer than any real one gets invisible break points so it
/// wraps inside a table cell instead of running off the page.
///
/// ```
/// use nastavnik_gen::text::printable;
/// assert_eq!(printable("a\u{7}b"), "a\\x07b");
/// assert_eq!(printable("обычный текст"), "обычный текст");
/// assert!(printable(&"x".repeat(100)).contains('\u{200b}'));
/// ```
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = 0usize;
    for c in text.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.push_str(&format!("\\x{:02X}", c as u32));
            run += 4;
            continue;
        }
        if c.is_whitespace() {
            run = 0;
        } else {
            run += 1;
            if run > LONGEST_WORD && run.is_multiple_of(BREAK_EVERY) {
                out.push(ZERO_WIDTH_SPACE);
            }
        }
        out.push(c);
    }
    out
}
