//! Typed deadlines of roadmap items and the Russian wording they render to.
//!
//! People write deadlines in many shapes («до 03.06.2020», «август – декабрь
//! 2020 г.», «2 раза в год» …). Each shape becomes a variant of [`When`], so
//! that checks and reports can compare dates; a [`Deadline`] keeps the
//! wording as written beside it and prints that («IV квартал 2023 г.», «до
//! 25 числа каждого месяца»), unless the house style asks for the canonical
//! wording (`style.deadlines: normalised`, see [`Deadline::normalise`]).

use std::fmt;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::russian::{self, month_genitive, month_nominative, parse_month, EN_DASH, NBSP};

/// A month of a year: «июнь 2020 г.».
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// The year, e.g. 2020.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
}

/// How often a recurring activity happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rhythm {
    /// «еженедельно»
    Weekly,
    /// «ежемесячно»
    Monthly,
    /// «ежеквартально»
    Quarterly,
    /// «ежегодно»
    Yearly,
    /// «2 раза в год», «1 раз в четверть».
    TimesPer {
        /// How many times.
        times: u32,
        /// Within which period.
        per: RhythmPeriod,
    },
}

/// The period of a «N раз в …» rhythm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RhythmPeriod {
    /// «в неделю»
    Week,
    /// «в месяц»
    Month,
    /// «в четверть»
    Term,
    /// «в полугодие»
    HalfYear,
    /// «в год»
    Year,
}

/// When a roadmap item is due, as written: the wording it prints and what
/// the wording means.
///
/// ```
/// use nastavnik_core::{Deadline, When};
/// let d: Deadline = "август-декабрь 2020 г.".parse().unwrap();
/// assert_eq!(d.to_string(), "август-декабрь 2020 г.");
/// assert_eq!(d.normalised(), "август – декабрь 2020\u{a0}г.");
/// assert!(matches!(d.when, When::MonthRange { .. }));
/// assert_eq!(d.normalise().to_string(), "август – декабрь 2020\u{a0}г.");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// What the wording means, for checks and reports.
    pub when: When,
    /// The wording as the YAML gives it, runs of spaces and line breaks made
    /// one space; `None`: the canonical wording of `when`.
    written: Option<String>,
}

impl Deadline {
    /// The earliest day the deadline allows, when it names one.
    pub fn first_day(&self) -> Option<NaiveDate> {
        self.when.first_day()
    }

    /// The last day the deadline allows, when it names one.
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.when.last_day()
    }

    /// The wording as written, when the deadline was read from text.
    pub fn written(&self) -> Option<&str> {
        self.written.as_deref()
    }

    /// The canonical wording: «до 01.09.2021», «сентябрь 2021\u{a0}г.».
    pub fn normalised(&self) -> String {
        self.when.to_string()
    }

    /// The same deadline printing its canonical wording.
    pub fn normalise(self) -> Deadline {
        Deadline::from(self.when)
    }
}

impl From<When> for Deadline {
    /// A deadline built in code prints its canonical wording.
    fn from(when: When) -> Self {
        Deadline {
            when,
            written: None,
        }
    }
}

/// What a deadline's wording means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    /// «до 03.06.2020»
    By(NaiveDate),
    /// «15.09.2020»
    On(NaiveDate),
    /// «июнь 2020 г.»
    Month(YearMonth),
    /// «август – декабрь 2020 г.»
    MonthRange {
        /// First month.
        from: YearMonth,
        /// Last month, inclusive.
        to: YearMonth,
    },
    /// «с 1 по 15 сентября 2020 г.»
    DayRange {
        /// First day.
        from: NaiveDate,
        /// Last day, inclusive.
        to: NaiveDate,
    },
    /// «2022 г.»
    Year(i32),
    /// «в течение всего периода», with what follows: «реализации ЦМН».
    WholePeriod {
        /// The words after «в течение всего периода», if any.
        of: Option<String>,
    },
    /// «ежеквартально», «2 раза в год».
    Recurring(Rhythm),
    /// Several deadlines at once: «2022 г., 2024 г.».
    Several(Vec<When>),
    /// Anything else, kept as written: «по отдельному графику».
    Text(String),
}

/// A deadline that looks like a date but is not one: «до 31.02.2020».
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct DeadlineError(pub String);

impl When {
    /// The earliest day the deadline allows, when it names one.
    pub fn first_day(&self) -> Option<NaiveDate> {
        match self {
            When::By(d) | When::On(d) => Some(*d),
            When::Month(m) => ym_first(*m),
            When::MonthRange { from, .. } => ym_first(*from),
            When::DayRange { from, .. } => Some(*from),
            When::Year(y) => NaiveDate::from_ymd_opt(*y, 1, 1),
            When::Several(all) => all.iter().filter_map(When::first_day).min(),
            _ => None,
        }
    }

    /// The last day the deadline allows, when it names one.
    pub fn last_day(&self) -> Option<NaiveDate> {
        match self {
            When::By(d) | When::On(d) => Some(*d),
            When::Month(m) => ym_last(*m),
            When::MonthRange { to, .. } => ym_last(*to),
            When::DayRange { to, .. } => Some(*to),
            When::Year(y) => NaiveDate::from_ymd_opt(*y, 12, 31),
            When::Several(all) => all.iter().filter_map(When::last_day).max(),
            _ => None,
        }
    }
}

fn ym_first(m: YearMonth) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(m.year, m.month, 1)
}

fn ym_last(m: YearMonth) -> Option<NaiveDate> {
    let next = if m.month == 12 {
        NaiveDate::from_ymd_opt(m.year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(m.year, m.month + 1, 1)
    };
    next?.pred_opt()
}

fn year_mark(year: i32) -> String {
    format!("{year}{NBSP}г.")
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::By(d) => write!(f, "до {}", russian::date_numeric(*d)),
            When::On(d) => write!(f, "{}", russian::date_numeric(*d)),
            When::Month(m) => write!(
                f,
                "{} {}",
                month_nominative(m.month).unwrap_or_default(),
                year_mark(m.year)
            ),
            When::MonthRange { from, to } if from.year == to.year => write!(
                f,
                "{} {EN_DASH} {} {}",
                month_nominative(from.month).unwrap_or_default(),
                month_nominative(to.month).unwrap_or_default(),
                year_mark(to.year)
            ),
            When::MonthRange { from, to } => write!(
                f,
                "{} {} {EN_DASH} {} {}",
                month_nominative(from.month).unwrap_or_default(),
                year_mark(from.year),
                month_nominative(to.month).unwrap_or_default(),
                year_mark(to.year)
            ),
            When::DayRange { from, to } => {
                if from.year() != to.year() {
                    write!(
                        f,
                        "с {} по {}",
                        russian::date_long(*from),
                        russian::date_long(*to)
                    )
                } else if from.month() != to.month() {
                    write!(
                        f,
                        "с {}{NBSP}{} по {}",
                        from.day(),
                        month_genitive(from.month()).unwrap_or_default(),
                        russian::date_long(*to)
                    )
                } else {
                    write!(f, "с {} по {}", from.day(), russian::date_long(*to))
                }
            }
            When::Year(y) => write!(f, "{}", year_mark(*y)),
            When::WholePeriod { of: None } => write!(f, "в течение всего периода"),
            When::WholePeriod { of: Some(of) } => write!(f, "в течение всего периода {of}"),
            When::Recurring(r) => write!(f, "{r}"),
            When::Several(all) => {
                for (i, d) in all.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{d}")?;
                }
                Ok(())
            }
            When::Text(t) => write!(f, "{t}"),
        }
    }
}

impl fmt::Display for Rhythm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rhythm::Weekly => write!(f, "еженедельно"),
            Rhythm::Monthly => write!(f, "ежемесячно"),
            Rhythm::Quarterly => write!(f, "ежеквартально"),
            Rhythm::Yearly => write!(f, "ежегодно"),
            Rhythm::TimesPer { times, per } => {
                let word = match (times % 100, times % 10) {
                    (11..=14, _) => "раз",
                    (_, 2..=4) => "раза",
                    _ => "раз",
                };
                let per = match per {
                    RhythmPeriod::Week => "неделю",
                    RhythmPeriod::Month => "месяц",
                    RhythmPeriod::Term => "четверть",
                    RhythmPeriod::HalfYear => "полугодие",
                    RhythmPeriod::Year => "год",
                };
                write!(f, "{times} {word} в {per}")
            }
        }
    }
}

// «года» before «г»: the first alternative that matches wins, and «г» alone
// would leave «ода» behind.
const YEAR: &str = r"([0-9]{4})\s*(?:года?|гг\.?|г\.?)?";

static BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i)до\s+([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})(?:\s*г(?:\.|ода)?)?").unwrap()
});
static ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})(?:\s*г(?:\.|ода)?)?").unwrap()
});
static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})").unwrap());
static DAY_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?i)с\s+([0-9]{{1,2}})\s+(?:([а-яё]+)\s+)?(?:{YEAR}\s+)?по\s+([0-9]{{1,2}})\s+([а-яё]+)\s+{YEAR}"
    ))
    .unwrap()
});
static MONTH_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?i)([а-яё]+)(?:\s+{YEAR})?\s*[–—-]\s*([а-яё]+)\s+{YEAR}"
    ))
    .unwrap()
});
static MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?i)([а-яё]+)\s+{YEAR}")).unwrap());
static YEAR_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{4})\s*(?:года?|г\.?)").unwrap());
static WHOLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i)в\s+течение\s+всего\s+периода(.*)$").unwrap());
static EVERY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i)(еженедельно|ежемесячно|ежеквартально|ежегодно)").unwrap());
static TIMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i)(?:([0-9]+|[а-яё]+)\s+раза?|(дважды|трижды|четырежды))\s+в\s+(неделю|месяц|четверть|полугодие|год)").unwrap()
});

/// Years a deadline of a mentoring programme can fall in.
pub const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// A year as written, if plausible.
fn year(text: &str, raw: &str) -> Result<i32, DeadlineError> {
    match text.parse::<i32>() {
        Ok(y) if YEARS.contains(&y) => Ok(y),
        _ => Err(DeadlineError(format!(
            "в сроке «{raw}» год {text} невозможен: годы программы — от {} до {}",
            YEARS.start(),
            YEARS.end()
        ))),
    }
}

/// How many times «два раза», «дважды», «3 раза» say.
fn times(number: &str) -> Option<u32> {
    if let Ok(n) = number.parse::<u32>() {
        return Some(n);
    }
    if number.bytes().all(|b| b.is_ascii_digit()) {
        return Some(u32::MAX); // more digits than any count: refused below
    }
    Some(match number.to_lowercase().as_str() {
        "один" | "одного" => 1,
        "два" | "две" | "дважды" => 2,
        "три" | "трижды" => 3,
        "четыре" | "четырежды" => 4,
        "пять" => 5,
        "шесть" => 6,
        "семь" => 7,
        "восемь" => 8,
        "девять" => 9,
        "десять" => 10,
        "двенадцать" => 12,
        _ => return None,
    })
}

fn date(day: &str, month: u32, year_text: &str, raw: &str) -> Result<NaiveDate, DeadlineError> {
    let y = year(year_text, raw)?;
    let d: u32 = day.parse().unwrap_or(0);
    NaiveDate::from_ymd_opt(y, month, d).ok_or_else(|| {
        DeadlineError(format!(
            "в сроке «{raw}» нет такой даты: {d:02}.{month:02}.{y}"
        ))
    })
}

/// Parses one deadline at the start of `s`; returns it and the bytes consumed.
fn parse_one(s: &str, raw: &str) -> Result<Option<(When, usize)>, DeadlineError> {
    // Each shape is anchored at the start and begins with a digit or with a
    // letter: only the shapes that can match are tried.
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        return parse_from_digit(s, raw);
    }
    if let Some(c) = BY.captures(s) {
        let m: u32 = c[2].parse().unwrap_or(0);
        return Ok(Some((When::By(date(&c[1], m, &c[3], raw)?), c[0].len())));
    }
    if let Some(c) = DAY_RANGE.captures(s) {
        let to_month = parse_month(&c[5]);
        let from_month = match c.get(2) {
            Some(w) => parse_month(w.as_str()),
            None => to_month,
        };
        if let (Some(fm), Some(tm)) = (from_month, to_month) {
            let from_year = c.get(3).map_or(&c[6], |m| m.as_str());
            let from = date(&c[1], fm, from_year, raw)?;
            let to = date(&c[4], tm, &c[6], raw)?;
            if from > to {
                return Err(DeadlineError(format!(
                    "в сроке «{raw}» начало позже окончания"
                )));
            }
            return Ok(Some((When::DayRange { from, to }, c[0].len())));
        }
    }
    if let Some(c) = MONTH_RANGE.captures(s) {
        if let (Some(fm), Some(tm)) = (parse_month(&c[1]), parse_month(&c[3])) {
            let to_year = year(&c[4], raw)?;
            let from_year = match c.get(2) {
                Some(y) => year(y.as_str(), raw)?,
                None => to_year,
            };
            let from = YearMonth {
                year: from_year,
                month: fm,
            };
            let to = YearMonth {
                year: to_year,
                month: tm,
            };
            if from > to {
                return Err(DeadlineError(format!(
                    "в сроке «{raw}» начало позже окончания"
                )));
            }
            return Ok(Some((When::MonthRange { from, to }, c[0].len())));
        }
    }
    if let Some(c) = MONTH.captures(s) {
        if let Some(month) = parse_month(&c[1]) {
            let year = year(&c[2], raw)?;
            return Ok(Some((When::Month(YearMonth { year, month }), c[0].len())));
        }
    }
    if let Some(c) = WHOLE.captures(s) {
        let of = c[1].trim();
        let of = (!of.is_empty()).then(|| of.to_string());
        return Ok(Some((When::WholePeriod { of }, c[0].len())));
    }
    if let Some(c) = EVERY.captures(s) {
        let rhythm = match c[1].to_lowercase().as_str() {
            "еженедельно" => Rhythm::Weekly,
            "ежемесячно" => Rhythm::Monthly,
            "ежеквартально" => Rhythm::Quarterly,
            _ => Rhythm::Yearly,
        };
        return Ok(Some((When::Recurring(rhythm), c[0].len())));
    }
    times_per(s, raw)
}

/// The shapes that begin with a digit: a date, an ISO date, a year, «2 раза в месяц».
fn parse_from_digit(s: &str, raw: &str) -> Result<Option<(When, usize)>, DeadlineError> {
    if let Some(c) = ON.captures(s) {
        let m: u32 = c[2].parse().unwrap_or(0);
        return Ok(Some((When::On(date(&c[1], m, &c[3], raw)?), c[0].len())));
    }
    if let Some(c) = ISO.captures(s) {
        let m: u32 = c[2].parse().unwrap_or(0);
        return Ok(Some((When::On(date(&c[3], m, &c[1], raw)?), c[0].len())));
    }
    if let Some(c) = YEAR_ONLY.captures(s) {
        return Ok(Some((When::Year(year(&c[1], raw)?), c[0].len())));
    }
    times_per(s, raw)
}

/// «2 раза в месяц», «дважды в год».
fn times_per(s: &str, raw: &str) -> Result<Option<(When, usize)>, DeadlineError> {
    if let Some(c) = TIMES.captures(s) {
        let number = c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str());
        let Some(times) = times(number) else {
            return Ok(None);
        };
        let per = match c[3].to_lowercase().as_str() {
            "неделю" => RhythmPeriod::Week,
            "месяц" => RhythmPeriod::Month,
            "четверть" => RhythmPeriod::Term,
            "полугодие" => RhythmPeriod::HalfYear,
            _ => RhythmPeriod::Year,
        };
        let most = match per {
            RhythmPeriod::Week => 7,
            RhythmPeriod::Month => 31,
            RhythmPeriod::Term => 92,
            RhythmPeriod::HalfYear => 184,
            RhythmPeriod::Year => 366,
        };
        if times == 0 || times > most {
            return Err(DeadlineError(format!(
                "в сроке «{raw}» число раз {number} невозможно: напишите от 1 до {most} или опишите срок словами"
            )));
        }
        return Ok(Some((
            When::Recurring(Rhythm::TimesPer { times, per }),
            c[0].len(),
        )));
    }
    Ok(None)
}

impl std::str::FromStr for When {
    type Err = DeadlineError;

    /// Reads the wording of a deadline. What is not recognised is kept as
    /// [`When::Text`]; a recognised shape with an impossible date is an error.
    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        let text: String = raw
            .replace(NBSP, " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut rest = text.as_str();
        let mut parts = Vec::new();
        while !rest.is_empty() {
            let Some((deadline, used)) = parse_one(rest, &text)? else {
                return Ok(When::Text(text.clone()));
            };
            rest = &rest[used..];
            // A pattern must end at a word boundary: «2020 года» is not «2020 г» + «ода».
            let separated =
                rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == ';');
            if separated.len() < rest.len() {
                rest = separated;
            } else if rest.is_empty() || rest.starts_with(['.', ')']) {
                rest = rest.trim_start_matches(['.', ')']);
                if !rest.is_empty() {
                    return Ok(When::Text(text.clone()));
                }
            } else {
                return Ok(When::Text(text.clone()));
            }
            parts.push(deadline);
        }
        Ok(match parts.len() {
            0 => When::Text(String::new()),
            1 => parts.pop().unwrap_or(When::Text(String::new())),
            _ => When::Several(parts),
        })
    }
}

impl std::str::FromStr for Deadline {
    type Err = DeadlineError;

    /// Reads the wording of a deadline and keeps it as written: runs of
    /// spaces and line breaks become one space, non-breaking spaces stay.
    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        let when: When = raw.parse()?;
        let written = raw
            .split(|c: char| c.is_whitespace() && c != NBSP)
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        Ok(Deadline {
            when,
            written: Some(written),
        })
    }
}

impl fmt::Display for Deadline {
    /// The wording as written, or the canonical one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.written {
            Some(w) => f.write_str(w),
            None => write!(f, "{}", self.when),
        }
    }
}

impl Serialize for Deadline {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Deadline {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Deadline;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("срок строкой, например «до 03.06.2020» или «июнь 2020 г.»")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Deadline, E> {
                v.parse().map_err(|e: DeadlineError| E::custom(e.0))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Deadline, E> {
                self.visit_str(&format!("{v} г."))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_ascii_digits_are_digits() {
        // Full-width and Arabic-Indic digits are text kept as written, never year 0.
        for raw in ["до 03.06.２０２０", "до ٠٣.٠٦.٢٠٢٠", "２０２２ г."] {
            let d: Deadline = raw.parse().unwrap();
            assert_eq!(d.when, When::Text(raw.to_string()), "{raw}");
            assert!(!d.to_string().contains("0000"));
        }
    }

    #[test]
    fn implausible_years_are_errors() {
        for (raw, year) in [
            ("до 03.06.0000", "0000"),
            ("июнь 9999 г.", "9999"),
            ("1200 г.", "1200"),
            ("август – декабрь 3020 г.", "3020"),
            ("2020-01-01", "2020"),
        ] {
            match raw.parse::<Deadline>() {
                Err(DeadlineError(m)) => {
                    assert_eq!(m, format!("в сроке «{raw}» год {year} невозможен: годы программы — от 1990 до 2100"))
                }
                Ok(d) => assert_eq!(year, "2020", "{raw}: {d:?}"),
            }
        }
    }

    #[test]
    fn several_deadlines_mix_words_and_digits() {
        let when: When = "май 2020, 03.06.2020; 2021 год;  2 раза в год, 2020-09-01"
            .parse()
            .unwrap();
        let When::Several(parts) = &when else {
            panic!("{when:?}")
        };
        assert!(
            matches!(
                parts.as_slice(),
                [
                    When::Month(_),
                    When::On(_),
                    When::Year(_),
                    When::Recurring(_),
                    When::On(_)
                ]
            ),
            "{when:?}"
        );
        // A month in the prepositional case, May as well as June.
        for (raw, month) in [("мае 2021 г.", 5), ("июне 2021 г.", 6)] {
            assert_eq!(
                raw.parse::<When>(),
                Ok(When::Month(YearMonth { year: 2021, month })),
                "{raw}"
            );
        }
        // A shape that does not end at a word's edge is text, as written.
        assert_eq!(
            "2020 годами".parse::<When>(),
            Ok(When::Text("2020 годами".into()))
        );
    }

    #[test]
    fn frequencies_are_kept_or_refused_never_changed() {
        for (raw, shown) in [
            ("2 раза в год", "2 раза в год"),
            ("два раза в год", "2 раза в год"),
            ("дважды в год", "2 раза в год"),
            ("один раз в месяц", "1 раз в месяц"),
            ("Три раза в четверть", "3 раза в четверть"),
            ("11 раз в год", "11 раз в год"),
            ("22 раза в год", "22 раза в год"),
        ] {
            assert_eq!(roundtrip(raw, shown).to_string().replace(NBSP, " "), shown);
        }
        for (raw, number, most) in [
            ("99999999999 раза в год", "99999999999", 366),
            ("0 раз в месяц", "0", 31),
            ("8 раз в неделю", "8", 7),
        ] {
            assert_eq!(
                raw.parse::<Deadline>(),
                Err(DeadlineError(format!("в сроке «{raw}» число раз {number} невозможно: напишите от 1 до {most} или опишите срок словами")))
            );
        }
        // A word that is not a number: the deadline is kept as written.
        assert_eq!(
            "много раз в год".parse::<Deadline>().map(|d| d.when),
            Ok(When::Text("много раз в год".into()))
        );
    }

    /// Reads `input`, checks its canonical wording and that the canonical
    /// wording reads back to the same meaning; returns the meaning.
    fn roundtrip(input: &str, expected: &str) -> When {
        let d: Deadline = input.parse().unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(
            d.normalised().replace(NBSP, " "),
            expected,
            "{input} → {d:?}"
        );
        let again: Deadline = d.normalised().parse().unwrap();
        assert_eq!(again.when, d.when, "re-reading {expected}");
        d.when
    }

    #[test]
    fn shapes_of_the_seeds() {
        assert!(matches!(
            roundtrip("до 03.06.2020", "до 03.06.2020"),
            When::By(_)
        ));
        assert!(matches!(
            roundtrip("до 25.11.2020 г.", "до 25.11.2020"),
            When::By(_)
        ));
        assert!(matches!(
            roundtrip("июнь 2020 г.", "июнь 2020 г."),
            When::Month(_)
        ));
        assert!(matches!(
            roundtrip("август – декабрь\n2020 г.", "август – декабрь 2020 г."),
            When::MonthRange { .. }
        ));
        assert!(matches!(
            roundtrip("с 1 по 15 сентября 2020 г.", "с 1 по 15 сентября 2020 г."),
            When::DayRange { .. }
        ));
        assert!(matches!(
            roundtrip("с 1 по 15 октября 2023 года", "с 1 по 15 октября 2023 г."),
            When::DayRange { .. }
        ));
        roundtrip("май 2024 года", "май 2024 г.");
        roundtrip("2024 года", "2024 г.");
        assert!(matches!(
            roundtrip(
                "с 1 июня по 31 декабря 2020 г.",
                "с 1 июня по 31 декабря 2020 г."
            ),
            When::DayRange { .. }
        ));
        assert!(matches!(
            roundtrip("в течение всего периода", "в течение всего периода"),
            When::WholePeriod { of: None }
        ));
        roundtrip(
            "в течение всего периода реализации ЦМН",
            "в течение всего периода реализации ЦМН",
        );
        assert!(matches!(
            roundtrip("ежеквартально", "ежеквартально"),
            When::Recurring(Rhythm::Quarterly)
        ));
        roundtrip("2 раза в год", "2 раза в год");
        roundtrip("5 раз в год", "5 раз в год");
        let several = roundtrip("2022 г. 2024 г.", "2022 г., 2024 г.");
        assert_eq!(
            several,
            When::Several(vec![When::Year(2022), When::Year(2024)])
        );
        roundtrip(
            "ноябрь 2020 г. в течение всего периода",
            "ноябрь 2020 г., в течение всего периода",
        );
        assert!(matches!(
            roundtrip("по отдельному графику", "по отдельному графику"),
            When::Text(_)
        ));
        assert!(matches!(
            roundtrip(
                "в соответствии со сроками реализации программ наставничества или май 2021 г.",
                "в соответствии со сроками реализации программ наставничества или май 2021 г."
            ),
            When::Text(_)
        ));
        roundtrip(
            "сентябрь 2020 г. – май 2021 г.",
            "сентябрь 2020 г. – май 2021 г.",
        );
    }

    #[test]
    fn impossible_dates_are_errors() {
        let err = "до 31.02.2020".parse::<Deadline>().unwrap_err();
        assert!(err.0.contains("нет такой даты"), "{err}");
        assert!("с 15 по 1 сентября 2020 г.".parse::<Deadline>().is_err());
    }

    #[test]
    fn bounds() {
        let d: Deadline = "август – декабрь 2020 г.".parse().unwrap();
        assert_eq!(d.first_day(), NaiveDate::from_ymd_opt(2020, 8, 1));
        assert_eq!(d.last_day(), NaiveDate::from_ymd_opt(2020, 12, 31));
        let text: Deadline = "по отдельному графику".parse().unwrap();
        assert_eq!(text.last_day(), None);
    }

    #[test]
    fn a_deadline_prints_as_written_and_normalises_on_request() {
        for (raw, written, normalised) in [
            ("до 1.09.2021 г.", "до 1.09.2021 г.", "до 01.09.2021"),
            ("Сентябрь 2021", "Сентябрь 2021", "сентябрь 2021\u{a0}г."),
            ("дважды в год", "дважды в год", "2 раза в год"),
            (
                "2022 г. 2024 г.",
                "2022 г. 2024 г.",
                "2022\u{a0}г., 2024\u{a0}г.",
            ),
            (
                "IV квартал\n  2023 г.",
                "IV квартал 2023 г.",
                "IV квартал 2023 г.",
            ),
            ("до\u{a0}25 числа", "до\u{a0}25 числа", "до 25 числа"),
        ] {
            let d: Deadline = raw.parse().unwrap();
            assert_eq!(d.to_string(), written, "{raw}");
            assert_eq!(d.written(), Some(written));
            assert_eq!(d.normalised(), normalised, "{raw}");
            assert_eq!(d.clone().normalise().to_string(), normalised);
            // Written back to YAML, it reads the same.
            let back: Deadline = serde_yaml::from_str(&serde_yaml::to_string(&d).unwrap()).unwrap();
            assert_eq!(back, d);
        }
        let dated: Deadline = "до 1.09.2021 г.".parse().unwrap();
        assert_eq!(dated.last_day(), NaiveDate::from_ymd_opt(2021, 9, 1));
        let built = Deadline::from(When::Year(2024));
        assert_eq!(built.to_string(), "2024\u{a0}г.");
        assert_eq!(built.written(), None);
    }
}
