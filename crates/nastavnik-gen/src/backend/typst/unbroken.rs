//! What the PDF never hyphenates and never splits, marked in the source
//! instead of by show rules: abbreviations («МБОУ», «ЦМН»), names with their
//! initials («Е.В. Шевчук», «Шевчук Е.В.») and full names with a patronymic
//! («Петрова Мария Ивановна») are set with `hyphenate: false`; a range with
//! an en dash («2020–2027») is boxed, so the line never breaks inside it.
//!
//! Typst applies a `show regex(…)` rule to every piece of text of the
//! document: four of them took a sixth of the layout time. Here each text
//! is scanned once, when its source is written, and only what matches is
//! wrapped; the text itself is unchanged (still a string literal, escaped).

use std::sync::LazyLock;

use nastavnik_core::russian::is_word_char as word_char;
use regex::Regex;

/// How a piece of text is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece {
    /// As the paragraph sets it.
    Plain,
    /// Never hyphenated (may still wrap between its words).
    NoHyphen,
    /// Never broken at all.
    Whole,
}

/// «Е.В. Шевчук», «Е. В. Шевчук» (the surname after a no-break space).
static INITIALS_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Lu}\.\s?\p{Lu}\.\u{a0}\p{Lu}[\p{Ll}\-]+").expect("a valid pattern")
});
/// «Шевчук Е.В.» (the initials after a no-break space).
static SURNAME_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\p{Lu}[\p{Ll}\-]+\u{a0}\p{Lu}\.\s?\p{Lu}\.").expect("a valid pattern")
});
/// «Петрова Мария Ивановна», «Орлов Денис Сергеевич»; the word must end
/// there (checked by hand: a Unicode `\b` makes the search slow).
static FULL_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\p{Lu}[\p{Ll}\-]+\s\p{Lu}\p{Ll}+\s\p{Lu}\p{Ll}+(?:ович|евич|ич|овна|евна|ична|инична)",
    )
    .expect("a valid pattern")
});

/// `text` cut into pieces in order; joined, they are `text` again.
pub(crate) fn pieces(text: &str) -> Vec<(Piece, &str)> {
    let mut spans: Vec<(usize, usize, Piece)> = Vec::new();
    abbreviations(text, &mut spans);
    ranges(text, &mut spans);
    if text.contains('\u{a0}') && text.contains('.') {
        for re in [&*INITIALS_FIRST, &*SURNAME_FIRST] {
            spans.extend(
                re.find_iter(text)
                    .map(|m| (m.start(), m.end(), Piece::NoHyphen)),
            );
        }
    }
    if text.contains("ич") || text.contains("вна") || text.contains("чна") {
        spans.extend(
            FULL_NAME
                .find_iter(text)
                .filter(|m| !text[m.end()..].chars().next().is_some_and(word_char))
                .map(|m| (m.start(), m.end(), Piece::NoHyphen)),
        );
    }
    if spans.is_empty() {
        return vec![(Piece::Plain, text)];
    }
    spans.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
    let mut out: Vec<(Piece, &str)> = Vec::new();
    let mut at = 0;
    for (start, end, piece) in spans {
        if start < at {
            // Overlapping a piece already taken: a name over an
            // abbreviation is one unhyphenated piece; a range is whole.
            if let Some((last, text_so_far)) = out.last_mut() {
                if *last == Piece::NoHyphen && piece == Piece::NoHyphen && end > at {
                    let from = at - text_so_far.len();
                    *text_so_far = &text[from..end];
                    at = end;
                }
            }
            continue;
        }
        if start > at {
            out.push((Piece::Plain, &text[at..start]));
        }
        out.push((piece, &text[start..end]));
        at = end;
    }
    if at < text.len() {
        out.push((Piece::Plain, &text[at..]));
    }
    out
}

/// Typst hyphenates Russian leaving at least two letters on each side: a
/// word shorter than this is never hyphenated, and is left unmarked.
const SHORTEST_HYPHENATED: usize = 4;

/// Words of capitals only, long enough to be hyphenated («МБОУ», «ГБУДО»;
/// «СОШ», «ЦМН» are too short to need a mark).
fn abbreviations(text: &str, spans: &mut Vec<(usize, usize, Piece)>) {
    let mut start: Option<usize> = None;
    let mut capitals = true;
    let mut count = 0;
    let mut close = |start: usize, end: usize, capitals: bool, count: usize| {
        if capitals && count >= SHORTEST_HYPHENATED {
            spans.push((start, end, Piece::NoHyphen));
        }
    };
    for (i, c) in text.char_indices() {
        if word_char(c) {
            if start.is_none() {
                start = Some(i);
                capitals = true;
                count = 0;
            }
            capitals = capitals && c.is_uppercase();
            count += 1;
        } else if let Some(s) = start.take() {
            close(s, i, capitals, count);
        }
    }
    if let Some(s) = start {
        close(s, text.len(), capitals, count);
    }
}

/// Digits, an en dash, digits («2020–2027»).
fn ranges(text: &str, spans: &mut Vec<(usize, usize, Piece)>) {
    if !text.contains('–') {
        return;
    }
    let digits_before = |end: usize| {
        text[..end]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit())
            .last()
            .map(|(i, _)| i)
    };
    let digits_after = |start: usize| {
        let n: usize = text[start..]
            .chars()
            .take_while(char::is_ascii_digit)
            .map(char::len_utf8)
            .sum();
        (n > 0).then_some(start + n)
    };
    let mut from = 0;
    while let Some(found) = text[from..].find('–') {
        let dash = from + found;
        let after = dash + '–'.len_utf8();
        if let (Some(start), Some(end)) = (digits_before(dash), digits_after(after)) {
            spans.push((start, end, Piece::Whole));
            from = end;
        } else {
            from = after;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> String {
        pieces(text)
            .into_iter()
            .map(|(piece, s)| match piece {
                Piece::Plain => s.to_string(),
                Piece::NoHyphen => format!("[{s}]"),
                Piece::Whole => format!("{{{s}}}"),
            })
            .collect()
    }

    #[test]
    fn abbreviations_are_whole_words_of_capitals() {
        assert_eq!(
            marked("в МБОУ СОШ № 9 и ГБУДО."),
            "в [МБОУ] СОШ № 9 и [ГБУДО]."
        );
        assert_eq!(marked("МБОУ-МАОУ"), "[МБОУ]-[МАОУ]");
        // Capitals inside a word are no abbreviation; three letters are
        // never hyphenated anyway.
        assert_eq!(marked("Я и МБОУшка, ГОСТ7"), "Я и МБОУшка, ГОСТ7");
        assert_eq!(marked("«ЦДО» и ЦМН"), "«ЦДО» и ЦМН");
    }

    #[test]
    fn ranges_are_kept_whole() {
        assert_eq!(marked("на 2020–2027 годы"), "на {2020–2027} годы");
        assert_eq!(marked("1–4 и 5–9 классы"), "{1–4} и {5–9} классы");
        // A dash between words or with spaces is no range.
        assert_eq!(marked("2020 – 2027, а–б, –5"), "2020 – 2027, а–б, –5");
    }

    #[test]
    fn names_are_not_hyphenated() {
        assert_eq!(
            marked("куратор Е.В.\u{a0}Шевчук и Шевчук\u{a0}Е.\u{a0}В."),
            "куратор [Е.В.\u{a0}Шевчук] и [Шевчук\u{a0}Е.\u{a0}В.]"
        );
        assert_eq!(
            marked("наставник Петрова Мария Ивановна, Орлов Денис Сергеевич"),
            "наставник [Петрова Мария Ивановна], [Орлов Денис Сергеевич]"
        );
        // A patronymic must end its word.
        assert_eq!(
            marked("с Петровым Иваном Ивановичем"),
            "с Петровым Иваном Ивановичем"
        );
    }

    #[test]
    fn overlapping_marks_make_one_piece_and_the_text_is_kept() {
        let texts = [
            "ИВАНОВ Иван Иванович",
            "Директор МБОУ СОШ № 9 А.В.\u{a0}Уханов, 2020–2027",
            "# * _ [ ] $ < > & \" \\ @ { } % МБОУ",
            "",
            "–",
            "9–",
            "ЯЯ",
        ];
        for text in texts {
            let joined: String = pieces(text).iter().map(|(_, s)| *s).collect();
            assert_eq!(joined, text);
        }
        assert_eq!(marked("ИВАНОВ Иван Иванович"), "[ИВАНОВ] Иван Иванович");
    }
}
