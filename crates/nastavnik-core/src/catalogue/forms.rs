//! The forms of mentoring: a catalogue as data, and spellings normalised to
//! one canonical name with a spaced en dash: «ученик – ученик».

use std::fmt;
use std::sync::LazyLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The catalogue shipped with nastavnik: the five forms of Р-145 and
/// «учитель – ученик».
pub const CATALOGUE_YAML: &str = include_str!("../../data/forms.yaml");

/// A form of mentoring with the texts a programme says of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    /// «учитель – учитель».
    pub title: String,
    /// Who mentors: «учитель».
    pub mentor: String,
    /// Who is mentored: «ученик».
    pub mentee: String,
    /// Other names of the same form: «педагог – педагог».
    #[serde(default)]
    pub synonyms: Vec<String>,
    /// Цель формы.
    pub goal: String,
    /// Задачи.
    pub tasks: Vec<String>,
    /// Портрет наставника.
    pub mentor_portrait: String,
    /// Портрет наставляемого.
    pub mentee_portrait: String,
    /// Вариации ролевых моделей.
    pub variations: Vec<String>,
    /// Ожидаемый результат.
    pub result: String,
    /// Показатели, по которым мониторинг судит о результате формы.
    #[serde(default)]
    pub indicators: Vec<String>,
}

/// The catalogue of forms.
pub fn catalogue() -> &'static [Form] {
    static FORMS: LazyLock<Vec<Form>> = LazyLock::new(|| {
        serde_yaml::from_str(CATALOGUE_YAML).expect("the shipped forms are valid")
    });
    &FORMS
}

/// Puts a spelling into canonical shape: lower case, «е» for «ё», one spaced
/// en dash between the roles.
///
/// ```
/// use nastavnik_core::catalogue::forms::normalize;
/// assert_eq!(normalize("Ученик-ученик"), "ученик – ученик");
/// assert_eq!(normalize("учитель — ученик"), "учитель – ученик");
/// ```
pub fn normalize(text: &str) -> String {
    let lower = text.trim().to_lowercase().replace('ё', "е");
    let parts: Vec<&str> = lower
        .split(['-', '–', '—', '−'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() == 2 {
        format!("{} – {}", parts[0], parts[1])
    } else {
        lower.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// The catalogue's form for a spelling, synonyms included.
pub fn find(text: &str) -> Option<&'static Form> {
    let wanted = normalize(text);
    catalogue()
        .iter()
        .find(|f| f.title == wanted || f.synonyms.iter().any(|s| normalize(s) == wanted))
}

/// The catalogue form whose name is closest to an unknown spelling, for
/// «возможно, вы имели в виду …».
pub fn closest(text: &str) -> Option<&'static Form> {
    let wanted = normalize(text);
    catalogue()
        .iter()
        .map(|f| (edit_distance(&wanted, &f.title), f))
        .filter(|(d, _)| *d <= 4)
        .min_by_key(|(d, _)| *d)
        .map(|(_, f)| f)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    crate::check::edit_distance(&a, &b)
}

/// A form's name as the YAML writes it, normalised on reading: a synonym
/// becomes the catalogue's name; an unknown form keeps its (normalised) name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FormName(pub String);

impl FormName {
    /// Reads and normalises a spelling.
    pub fn new(text: &str) -> Self {
        match find(text) {
            Some(form) => FormName(form.title.clone()),
            None => FormName(normalize(text)),
        }
    }

    /// The catalogue entry, when the form is known.
    pub fn form(&self) -> Option<&'static Form> {
        find(&self.0)
    }
}

impl fmt::Display for FormName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for FormName {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for FormName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Ok(FormName::new(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_meet_in_one_form() {
        for spelling in [
            "ученик-ученик",
            "Ученик – ученик",
            "ученик — ученик",
            "УЧЕНИК - УЧЕНИК",
        ] {
            assert_eq!(FormName::new(spelling).0, "ученик – ученик", "{spelling}");
        }
        assert_eq!(FormName::new("педагог – педагог").0, "учитель – учитель");
        assert_eq!(FormName::new("студент – студент").0, "студент – студент");
        assert!(FormName::new("студент – студент").form().is_none());
        assert_eq!(catalogue().len(), 6);
        assert_eq!(closest("ученик – учнеик").unwrap().title, "ученик – ученик");
    }

    /// A role model is «наставник – наставляемый»: one dash, two sides, none
    /// split at a comma of its own (a YAML flow list splits «педагог, испытывающий
    /// проблемы» into two items unless quoted).
    #[test]
    fn every_role_model_has_two_sides() {
        for form in catalogue() {
            assert!(!form.variations.is_empty(), "{}", form.title);
            for variation in &form.variations {
                let sides: Vec<&str> = variation.split(" – ").collect();
                assert_eq!(sides.len(), 2, "{}: «{variation}»", form.title);
                assert!(sides.iter().all(|s| !s.trim().is_empty()), "«{variation}»");
            }
        }
    }

    /// Each form names the indicators its monitoring counts, whole phrases.
    #[test]
    fn every_form_has_indicators() {
        for form in catalogue() {
            assert!(!form.indicators.is_empty(), "{}", form.title);
            for i in &form.indicators {
                assert!(i.chars().count() > 10, "{}: «{i}»", form.title);
                assert!(!i.ends_with([';', '.']), "{}: «{i}»", form.title);
            }
        }
    }
}
