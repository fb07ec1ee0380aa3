//! Dates in YAML: «2020-11-19» or «19.11.2020».

use chrono::NaiveDate;

/// Reads «2020-11-19», «19.11.2020» or «19 ноября 2020» (with an optional «г.»).
///
/// ```
/// use nastavnik_core::russian::dates::parse_date;
/// assert_eq!(parse_date("19.11.2020 г."), parse_date("2020-11-19"));
/// assert_eq!(parse_date("19 ноября 2020 г."), parse_date("2020-11-19"));
/// assert!(parse_date("31.02.2020").is_err());
/// assert!(parse_date("31 февраля 2020").is_err());
/// ```
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let t = text.trim().trim_end_matches("г.").trim();
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%d.%m.%Y"))
        .ok()
        .or_else(|| in_words(t))
        .ok_or_else(|| {
            format!("«{text}» — не дата: напишите её как ДД.ММ.ГГГГ (19.11.2020), ГГГГ-ММ-ДД (2020-11-19) или «19 ноября 2020»")
        })
}

/// «19 ноября 2020».
fn in_words(text: &str) -> Option<NaiveDate> {
    let words: Vec<String> = text.split_whitespace().map(|w| w.to_lowercase()).collect();
    let [day, month, year] = words.as_slice() else {
        return None;
    };
    let month = crate::russian::GENITIVE.iter().position(|m| m == month)? as u32 + 1;
    NaiveDate::from_ymd_opt(year.parse().ok()?, month, day.parse().ok()?)
}

/// Serde adapter for a required date.
pub mod iso_or_russian {
    use chrono::NaiveDate;
    use serde::{de, Deserialize, Deserializer, Serializer};

    /// Writes the date as «2020-11-19».
    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&date.format("%Y-%m-%d").to_string())
    }

    /// Reads «2020-11-19» or «19.11.2020».
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)?;
        super::parse_date(&text).map_err(de::Error::custom)
    }
}

/// Serde adapter for an optional date.
pub mod option_iso_or_russian {
    use chrono::NaiveDate;
    use serde::{de, Deserialize, Deserializer, Serializer};

    /// Writes the date as «2020-11-19».
    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.serialize_str(&d.format("%Y-%m-%d").to_string()),
            None => s.serialize_none(),
        }
    }

    /// Reads «2020-11-19» or «19.11.2020», or nothing.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(text) => super::parse_date(&text)
                .map(Some)
                .map_err(de::Error::custom),
            None => Ok(None),
        }
    }
}
