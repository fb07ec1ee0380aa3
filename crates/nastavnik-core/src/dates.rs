//! Dates in YAML: «2020-11-19» or «19.11.2020».

use chrono::NaiveDate;

/// Reads «2020-11-19» or «19.11.2020» (with an optional «г.»).
///
/// ```
/// use nastavnik_core::dates::parse_date;
/// assert_eq!(parse_date("19.11.2020 г."), parse_date("2020-11-19"));
/// assert!(parse_date("31.02.2020").is_err());
/// ```
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let t = text.trim().trim_end_matches("г.").trim();
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%d.%m.%Y"))
        .map_err(|_| {
            format!("«{text}» — не дата: напишите её как ГГГГ-ММ-ДД (2020-11-19) или ДД.ММ.ГГГГ (19.11.2020)")
        })
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
