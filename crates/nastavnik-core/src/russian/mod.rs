//! Russian writing rules for official documents, in one place.
//!
//! Dates, month names, initials, the number sign, ranges and quotation marks
//! follow ГОСТ Р 7.0.97-2016 (its 2025 edition took effect 18.08.2025) and the
//! habits of Russian school paperwork: «05.06.2016» or «5 июня 2016 г.»;
//! a non-breaking space after «№», between initials and surname, before
//! «г.»; «ёлочки» outside and „лапки“ inside; an en dash in ranges. Every
//! document kind writes through these functions, so a rule changes in one spot.

pub mod dates;
pub mod numbers;

use std::borrow::Cow;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

/// A non-breaking space: keeps «№ 488», «Е.В. Шевчук» and «2020 г.» on one line.
pub const NBSP: char = '\u{a0}';
/// The en dash used in ranges: «2021–2024», «август – декабрь».
pub const EN_DASH: char = '–';
/// The em dash used in prose: «куратор — заместитель директора».
pub const EM_DASH: char = '—';

/// Month names in the genitive, as a date writes them: «19 ноября 2020».
pub(crate) const GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const NOMINATIVE: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];

/// The month (1–12) in the genitive case, as in «19 ноября».
///
/// ```
/// assert_eq!(nastavnik_core::russian::month_genitive(11), Some("ноября"));
/// ```
pub fn month_genitive(month: u32) -> Option<&'static str> {
    GENITIVE.get(month.checked_sub(1)? as usize).copied()
}

/// The month (1–12) in the nominative case, as in «июнь 2020 г.».
///
/// ```
/// assert_eq!(nastavnik_core::russian::month_nominative(6), Some("июнь"));
/// ```
pub fn month_nominative(month: u32) -> Option<&'static str> {
    NOMINATIVE.get(month.checked_sub(1)? as usize).copied()
}

/// Months in the prepositional case, as in «в июне 2020 г.».
const PREPOSITIONAL: [&str; 12] = [
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
];

/// Reads a month name in any case Russian documents use («июнь», «июня»,
/// «Июне» …) and returns its number. Every deadline of a roadmap passes
/// here: the word is compared letter by letter, lower-cased and with «ё» as
/// «е», without a copy.
pub fn parse_month(word: &str) -> Option<u32> {
    let is = |form: &str| {
        word.chars()
            .flat_map(char::to_lowercase)
            .map(|c| if c == 'ё' { 'е' } else { c })
            .eq(form.chars())
    };
    (0..12)
        .find(|&i| is(NOMINATIVE[i]) || is(GENITIVE[i]) || is(PREPOSITIONAL[i]))
        .map(|i| i as u32 + 1)
}

/// «19.11.2020»: digits with leading zeros, no «г.» (ГОСТ Р 7.0.97).
///
/// ```
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2020, 11, 19).unwrap();
/// assert_eq!(nastavnik_core::russian::date_numeric(d), "19.11.2020");
/// ```
pub fn date_numeric(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// «19 ноября 2020 г.»: day without a leading zero, month in the genitive.
///
/// ```
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2020, 6, 5).unwrap();
/// assert_eq!(nastavnik_core::russian::date_long(d), "5\u{a0}июня 2020\u{a0}г.");
/// ```
pub fn date_long(date: NaiveDate) -> String {
    format!(
        "{}{NBSP}{} {}{NBSP}г.",
        date.day(),
        month_genitive(date.month()).unwrap_or_default(),
        date.year()
    )
}

/// «23 ноября 2020 года»: the long form written out, as in running text.
pub fn date_long_words(date: NaiveDate) -> String {
    format!(
        "{}{NBSP}{} {}{NBSP}года",
        date.day(),
        month_genitive(date.month()).unwrap_or_default(),
        date.year()
    )
}

/// «"19" ноября 2020 г.» as schools write it, with «ёлочки» around the day.
///
/// ```
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2020, 11, 19).unwrap();
/// assert_eq!(nastavnik_core::russian::date_quoted(d), "«19»\u{a0}ноября 2020\u{a0}г.");
/// ```
pub fn date_quoted(date: NaiveDate) -> String {
    format!(
        "«{:02}»{NBSP}{} {}{NBSP}г.",
        date.day(),
        month_genitive(date.month()).unwrap_or_default(),
        date.year()
    )
}

/// «№ 488»: the number sign joined to the number by a non-breaking space.
///
/// ```
/// assert_eq!(nastavnik_core::russian::number_sign("14-а"), "№\u{a0}14-а");
/// ```
pub fn number_sign(number: &str) -> String {
    format!("№{NBSP}{}", number.trim())
}

/// A range of plain numbers or years with an unspaced en dash: «2021–2024».
pub fn range(from: impl std::fmt::Display, to: impl std::fmt::Display) -> String {
    format!("{from}{EN_DASH}{to}")
}

/// A range of words with a spaced en dash: «август – декабрь».
pub fn word_range(from: &str, to: &str) -> String {
    format!("{from} {EN_DASH} {to}")
}

/// Puts text in «ёлочки»; quotation marks already inside become „лапки“.
///
/// ```
/// use nastavnik_core::russian::guillemets;
/// assert_eq!(guillemets("Школа «Успех»"), "«Школа „Успех“»");
/// ```
pub fn guillemets(text: &str) -> String {
    let inner: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '«' => '„',
            '»' => '“',
            other => other,
        })
        .collect();
    format!("«{inner}»")
}

/// Turns straight double quotes typed in YAML into «ёлочки», pairing them
/// from left to right; text without straight quotes is returned unchanged.
pub fn typographic_quotes(text: &str) -> String {
    if !text.contains('"') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut open = false;
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if c == '"' {
            let opening = !open && prev.is_none_or(|p| p.is_whitespace() || "([«„-–—".contains(p));
            if opening {
                out.push('«');
                open = true;
            } else if open {
                out.push('»');
                open = false;
            } else {
                out.push(c);
            }
        } else {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

static NUMBER_SIGN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"([№§])[ \t]*(\S)").unwrap());
// The word boundaries of INITIALS_FIRST and DAY_MONTH are checked by hand
// (`at_word_edges`): a Unicode `\b` keeps the regex engine off its fast path.
static INITIALS_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([А-ЯЁ]\.)[ \t]?([А-ЯЁ]\.)[ \t]*([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)").unwrap()
});
static SURNAME_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)[ \t]+([А-ЯЁ]\.)[ \t]?([А-ЯЁ]\.)").unwrap()
});
static YEAR_MARK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d)[ \t]+(гг?\.)").unwrap());
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,2})[ \t]+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)").unwrap()
});

/// Applies the non-breaking rules to running text: «№ 9», «§ 2»,
/// «Е.В. Шевчук», «Шевчук Е.В.», «2020 г.», «15 сентября» stay on one line.
/// Only spaces change; every other character is kept as typed.
///
/// ```
/// use nastavnik_core::russian::polish;
/// assert_eq!(polish("школа №9, А.В.Уханов, 2020 г."), "школа №\u{a0}9, А.В.\u{a0}Уханов, 2020\u{a0}г.");
/// ```
pub fn polish(text: &str) -> String {
    // Every text of a document passes here, most of them with none of the
    // cases: each rule runs only where what it needs is in the text.
    let digit = text.bytes().any(|b| b.is_ascii_digit());
    let sign = text.contains(['№', '§']);
    let initial = has_initial(text);
    if !(digit || sign || initial) {
        return text.to_string();
    }
    let mut text = Cow::Borrowed(text);
    if digit {
        text = changed(text, |t| {
            replace_words(&DAY_MONTH, t, true, |c| format!("{}\u{a0}{}", &c[1], &c[2]))
        });
    }
    if sign {
        text = changed(text, |t| NUMBER_SIGN.replace_all(t, "$1\u{a0}$2"));
    }
    if initial {
        text = changed(text, |t| {
            replace_words(&INITIALS_FIRST, t, false, |c| {
                format!("{}{}\u{a0}{}", &c[1], &c[2], &c[3])
            })
        });
        text = changed(text, |t| SURNAME_FIRST.replace_all(t, "$1\u{a0}$2$3"));
    }
    if digit {
        text = changed(text, |t| YEAR_MARK.replace_all(t, "$1\u{a0}$2"));
    }
    text.into_owned()
}

/// `text` after a rule, copied only when the rule changed it.
fn changed<'t>(text: Cow<'t, str>, rule: impl FnOnce(&str) -> Cow<'_, str>) -> Cow<'t, str> {
    let new = match rule(&text) {
        Cow::Owned(new) => Some(new),
        Cow::Borrowed(_) => None,
    };
    new.map_or(text, Cow::Owned)
}

/// Whether `text` has an initial — a capital Cyrillic letter and a full
/// stop — which both rules on names need.
fn has_initial(text: &str) -> bool {
    let mut previous = ' ';
    text.chars().any(|c| {
        let initial = c == '.' && matches!(previous, 'А'..='Я' | 'Ё');
        previous = c;
        initial
    })
}

/// A «далее —» right after a bracket of the name's own goes into that
/// bracket: «Центр (ММЦ) (далее — методическая служба)» reads «Центр (ММЦ;
/// далее — методическая служба)», not two brackets in a row.
///
/// ```
/// use nastavnik_core::russian::hereinafter_in_one_bracket;
/// assert_eq!(
///     hereinafter_in_one_bracket("центр (ММЦ) (далее — служба)"),
///     "центр (ММЦ; далее — служба)"
/// );
/// assert_eq!(hereinafter_in_one_bracket("школа (далее — Школа)"), "школа (далее — Школа)");
/// ```
pub fn hereinafter_in_one_bracket(text: &str) -> std::borrow::Cow<'_, str> {
    const LEAD: &str = "(далее";
    if !text.contains(LEAD) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(LEAD) {
        let before = &rest[..at];
        let closed = before.trim_end_matches([' ', NBSP]);
        if closed.ends_with(')') && closed.len() < before.len() {
            out.push_str(&closed[..closed.len() - 1]);
            out.push_str("; далее");
        } else {
            out.push_str(before);
            out.push_str(LEAD);
        }
        rest = &rest[at + LEAD.len()..];
    }
    out.push_str(rest);
    out.into()
}

/// A character of a word, as a regular expression's `\w` reads it (letters,
/// digits, `_`, combining marks). Latin and Cyrillic are answered without
/// the Unicode tables: every text of a document passes here.
pub fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric() || c == '_',
        // Cyrillic letters and its combining marks; U+0482 «҂» is a sign.
        '\u{400}'..='\u{4ff}' => c != '\u{482}',
        // Combining diacritical marks (a stress mark over a vowel).
        '\u{300}'..='\u{36f}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// `re` replaced where its match starts a word (and, if `ends_word`, ends
/// one): what `\b…` and `…\b` in the pattern would say.
fn replace_words<'t>(
    re: &Regex,
    text: &'t str,
    ends_word: bool,
    with: impl Fn(&regex::Captures) -> String,
) -> std::borrow::Cow<'t, str> {
    re.replace_all(text, |c: &regex::Captures| {
        let m = c.get(0).expect("the whole match");
        let starts = !text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(is_word_char);
        let ends = !ends_word || !text[m.end()..].chars().next().is_some_and(is_word_char);
        if starts && ends {
            with(c)
        } else {
            m.as_str().to_string()
        }
    })
}

/// An operating-system error told in Russian, for messages that name a path:
/// the system's own text is English and never reaches a user.
///
/// ```
/// let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
/// assert_eq!(nastavnik_core::russian::io_error(&e), "нет прав доступа");
/// ```
pub fn io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let text = match e.kind() {
        K::NotFound => "файл или каталог не найден",
        K::PermissionDenied => "нет прав доступа",
        K::AlreadyExists => "файл уже существует",
        K::IsADirectory => "это каталог, а не файл",
        K::NotADirectory => "часть пути — не каталог",
        K::StorageFull => "на диске нет места",
        K::QuotaExceeded => "превышена квота диска",
        K::ReadOnlyFilesystem => "файловая система только для чтения",
        K::DirectoryNotEmpty => "каталог не пуст",
        K::CrossesDevices => "перенос между разными дисками невозможен",
        K::InvalidFilename => "недопустимое имя файла",
        K::FileTooLarge => "файл слишком большой",
        K::BrokenPipe => "получатель вывода закрыл канал",
        K::Interrupted => "операция прервана",
        K::InvalidData => "данные повреждены или не в той кодировке",
        K::UnexpectedEof => "файл оборвался",
        K::OutOfMemory => "не хватило памяти",
        K::WouldBlock | K::TimedOut => "файл не отвечает (канал или устройство?)",
        K::ResourceBusy | K::ExecutableFileBusy => "файл занят другой программой",
        _ => {
            return match e.raw_os_error() {
                Some(code) => format!("ошибка ввода-вывода (код системы {code})"),
                None => "ошибка ввода-вывода".to_string(),
            }
        }
    };
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_all_three_styles() {
        assert_eq!(date_numeric(d(2020, 6, 3)), "03.06.2020");
        assert_eq!(date_long(d(2020, 11, 19)), "19\u{a0}ноября 2020\u{a0}г.");
        assert_eq!(date_long(d(2021, 3, 1)), "1\u{a0}марта 2021\u{a0}г.");
        assert_eq!(
            date_quoted(d(2023, 8, 30)),
            "«30»\u{a0}августа 2023\u{a0}г."
        );
        assert_eq!(
            date_long_words(d(2020, 11, 23)),
            "23\u{a0}ноября 2020\u{a0}года"
        );
    }

    #[test]
    fn months_both_cases_and_back() {
        for m in 1..=12 {
            let gen = month_genitive(m).unwrap();
            let nom = month_nominative(m).unwrap();
            assert_eq!(parse_month(gen), Some(m), "{gen}");
            assert_eq!(parse_month(nom), Some(m), "{nom}");
        }
        assert_eq!(parse_month("Мая"), Some(5));
        // The prepositional case, «в мае» too (it was built from the
        // genitive by cutting «я» and «а», which left «ме»).
        for (m, prep) in (1..).zip(PREPOSITIONAL) {
            assert_eq!(parse_month(prep), Some(m), "{prep}");
            assert_eq!(parse_month(&prep.to_uppercase()), Some(m), "{prep}");
        }
        assert_eq!(parse_month("мае"), Some(5));
        assert_eq!(parse_month("ме"), None);
        assert_eq!(parse_month("ИЮНЁ"), Some(6));
        assert_eq!(parse_month("ма"), None);
        assert_eq!(parse_month(""), None);
        assert_eq!(parse_month("маяк"), None);
        assert_eq!(month_genitive(13), None);
        assert_eq!(month_nominative(0), None);
    }

    #[test]
    fn number_sign_and_ranges() {
        assert_eq!(number_sign(" 181/1 "), "№\u{a0}181/1");
        assert_eq!(range(2021, 2024), "2021–2024");
        assert_eq!(word_range("август", "декабрь"), "август – декабрь");
    }

    #[test]
    fn polish_joins_what_must_not_break() {
        assert_eq!(
            polish("МБОУ средняя школа № 9"),
            "МБОУ средняя школа №\u{a0}9"
        );
        assert_eq!(
            polish("Куратор ЦМН - заместитель директора Е. В. Шевчук"),
            "Куратор ЦМН - заместитель директора Е.В.\u{a0}Шевчук"
        );
        assert_eq!(polish("(Прокофьева Н.Ю.)"), "(Прокофьева\u{a0}Н.Ю.)");
        assert_eq!(polish("2020-2027 гг."), "2020-2027\u{a0}гг.");
        assert_eq!(
            polish("с 1 по 15 сентября 2023 года, до 25 числа"),
            "с 1 по 15\u{a0}сентября 2023 года, до 25 числа"
        );
        assert_eq!(polish("без правил"), "без правил");
        // Each rule alone, with nothing the others need in the text.
        assert_eq!(polish("§ II"), "§\u{a0}II");
        assert_eq!(polish("Е.В. Шевчук"), "Е.В.\u{a0}Шевчук");
        assert_eq!(polish("Шевчук Е.В."), "Шевчук\u{a0}Е.В.");
        assert_eq!(polish("Итоги года. Планы."), "Итоги года. Планы.");
        assert_eq!(
            polish("Е. В. Шевчук, № 5, 5 мая 2020 г."),
            "Е.В.\u{a0}Шевчук, №\u{a0}5, 5\u{a0}мая 2020\u{a0}г."
        );
        assert_eq!(
            hereinafter_in_one_bracket(
                "Центр (ММЦ)\u{a0}(далее — ММС), школа (далее — Школа) и (А)(далее — Б)"
            ),
            "Центр (ММЦ; далее — ММС), школа (далее — Школа) и (А)(далее — Б)"
        );
        // Only whole words: not inside a number or a word.
        assert_eq!(
            polish("в 123 сентября и 1 сентябрям"),
            "в 123 сентября и 1 сентябрям"
        );
        assert_eq!(polish("ЯА.В.Уханов, 2 мая"), "ЯА.В.Уханов, 2\u{a0}мая");
        // Nothing but spaces changes.
        let hostile = "# * _ [ ] $ < > & \" \\ @ { } %";
        assert_eq!(polish(hostile), hostile);
    }

    #[test]
    fn quotes_nest_as_lapki() {
        assert_eq!(guillemets("О внедрении"), "«О внедрении»");
        assert_eq!(
            guillemets("МБУ ДО ЦДО «Восхождение»"),
            "«МБУ ДО ЦДО „Восхождение“»"
        );
        assert_eq!(
            typographic_quotes("лицей \"Успех\" и \"Старт\""),
            "лицей «Успех» и «Старт»"
        );
        assert_eq!(typographic_quotes("без кавычек"), "без кавычек");
    }
}
