//! People named in documents: the head, the curator, responsible persons.

use serde::{de, Deserialize, Serialize};

use crate::grammar::{self, Case, Forms, Gender, Inflected, InflectedPerson};
use crate::russian::NBSP;

/// A person as documents name them.
///
/// Only the surname is required: school paperwork often knows a colleague by
/// initials alone, so `name` and `patronymic` may be full («Елена») or an
/// initial («Е.» or «Е»).
///
/// ```
/// use nastavnik_core::Person;
/// let p = Person::new("Шевчук", "Елена", "Викторовна");
/// assert_eq!(p.initials_surname(), "Е.В.\u{a0}Шевчук");
/// assert_eq!(p.surname_initials(), "Шевчук\u{a0}Е.В.");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Person {
    /// Фамилия.
    pub surname: String,
    /// Имя или его инициал.
    #[serde(default)]
    pub name: String,
    /// Отчество или его инициал.
    #[serde(default)]
    pub patronymic: String,
    /// Должность в именительном падеже: «заместитель директора».
    #[serde(default)]
    pub position: String,
    /// Должность в винительном падеже, для фраз «назначить … заместителя директора».
    /// Optional: the grammar gives it; when written, it wins.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub position_accusative: String,
    /// The gender, when the name does not tell it (initials only, a rare name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Sex>,
    /// Explicit forms of the surname, where the grammar would guess.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forms: Option<Forms>,
    /// Explicit forms of the position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position_forms: Option<Forms>,
}

/// A person's gender as YAML writes it: `male`/`female` or «м»/«ж».
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// Мужской.
    #[serde(alias = "м", alias = "мужской", alias = "m")]
    Male,
    /// Женский.
    #[serde(alias = "ж", alias = "женский", alias = "f")]
    Female,
}

impl From<Sex> for Gender {
    fn from(s: Sex) -> Gender {
        match s {
            Sex::Male => Gender::Masculine,
            Sex::Female => Gender::Feminine,
        }
    }
}

/// How a document writes a person's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameStyle {
    /// «Е.В. Шевчук»: in sentences and signatures.
    InitialsSurname,
    /// «Шевчук Е.В.»: in lists and tables.
    SurnameInitials,
    /// «Шевчук Елена Викторовна».
    Full,
}

impl NameStyle {
    /// Reads `initials_surname`, `surname_initials` or `full`.
    pub fn from_name(name: &str) -> Option<NameStyle> {
        Some(match name.trim() {
            "initials_surname" => NameStyle::InitialsSurname,
            "surname_initials" => NameStyle::SurnameInitials,
            "full" | "full_name" => NameStyle::Full,
            _ => return None,
        })
    }
}

/// The fields of a person as YAML writes them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonFields {
    surname: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    patronymic: String,
    #[serde(default)]
    position: String,
    #[serde(default)]
    position_accusative: String,
    #[serde(default)]
    gender: Option<Sex>,
    #[serde(default)]
    forms: Option<Forms>,
    #[serde(default)]
    position_forms: Option<Forms>,
}

/// YAML may hold a person as a map of fields, or as one string such as
/// «Прокофьева Н.Ю.», «Н.Ю. Прокофьева» or «Шевчук Елена Викторовна».
impl<'de> Deserialize<'de> for Person {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Person;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("«Фамилия И.О.» или поля surname, name, patronymic, position")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Person, E> {
                Person::parse(s).ok_or_else(|| {
                    E::custom(format!(
                        "не удалось прочитать имя «{s}»: напишите «Фамилия И.О.» или укажите поля surname, name, patronymic"
                    ))
                })
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Person, A::Error> {
                let f = PersonFields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Person {
                    surname: f.surname,
                    name: f.name,
                    patronymic: f.patronymic,
                    position: f.position,
                    position_accusative: f.position_accusative,
                    gender: f.gender,
                    forms: f.forms,
                    position_forms: f.position_forms,
                })
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl Person {
    /// Reads «Прокофьева Н.Ю.», «Н.Ю. Прокофьева» or «Прокофьева Наталья Юрьевна».
    ///
    /// ```
    /// use nastavnik_core::Person;
    /// let p = Person::parse("Н.Ю. Прокофьева").unwrap();
    /// assert_eq!(p.surname_initials(), "Прокофьева\u{a0}Н.Ю.");
    /// ```
    pub fn parse(text: &str) -> Option<Person> {
        let text = text.replace(NBSP, " ");
        let words: Vec<&str> = text.split_whitespace().collect();
        let initials = |w: &str| -> Vec<String> {
            w.split('.')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        };
        let (surname, given): (&str, Vec<String>) = match words.as_slice() {
            [one] if !one.contains('.') => (one, Vec::new()),
            [first, rest @ ..] if first.contains('.') && !rest.is_empty() => (
                rest.last()?,
                words[..words.len() - 1]
                    .iter()
                    .flat_map(|w| initials(w))
                    .collect(),
            ),
            [surname, rest @ ..] if !rest.is_empty() => {
                (surname, rest.iter().flat_map(|w| initials(w)).collect())
            }
            _ => return None,
        };
        if given.len() > 2 || surname.is_empty() {
            return None;
        }
        Some(Person {
            surname: surname.to_string(),
            name: given.first().cloned().unwrap_or_default(),
            patronymic: given.get(1).cloned().unwrap_or_default(),
            ..Person::default()
        })
    }

    /// A person with surname, name and patronymic and no position.
    pub fn new(surname: &str, name: &str, patronymic: &str) -> Self {
        Person {
            surname: surname.into(),
            name: name.into(),
            patronymic: patronymic.into(),
            ..Person::default()
        }
    }

    /// The same person with a position.
    pub fn with_position(mut self, position: &str) -> Self {
        self.position = position.into();
        self
    }

    /// «Е.В.»: the initials, or an empty string when none are known.
    pub fn initials(&self) -> String {
        [&self.name, &self.patronymic]
            .iter()
            .filter_map(|part| part.trim().chars().next())
            .map(|c| format!("{c}."))
            .collect()
    }

    /// «Е.В. Шевчук» with a non-breaking space, as in signatures.
    pub fn initials_surname(&self) -> String {
        let initials = self.initials();
        if initials.is_empty() {
            self.surname.trim().to_string()
        } else {
            format!("{initials}{NBSP}{}", self.surname.trim())
        }
    }

    /// «Шевчук Е.В.» with a non-breaking space, as in lists and parentheses.
    pub fn surname_initials(&self) -> String {
        let initials = self.initials();
        if initials.is_empty() {
            self.surname.trim().to_string()
        } else {
            format!("{}{NBSP}{initials}", self.surname.trim())
        }
    }

    /// «Шевчук Елена Викторовна» when the full name is known.
    pub fn full_name(&self) -> String {
        crate::grammar::full_name(&self.surname, &self.name, &self.patronymic)
    }

    /// The position for «назначить …»: the accusative form when given,
    /// otherwise the one the grammar gives.
    pub fn position_for_appointment(&self) -> String {
        self.position_in(Case::Accusative).text
    }

    /// The name in a case, by the grammar, with the explicit `forms` of the
    /// surname and the `gender` when given.
    ///
    /// ```
    /// use nastavnik_core::{grammar::Case, Person};
    /// let p = Person::new("Сидорова", "Ольга", "Ивановна");
    /// assert_eq!(p.in_case(Case::Accusative).initials_surname(), "О.И.\u{a0}Сидорову");
    /// ```
    pub fn in_case(&self, case: Case) -> InflectedPerson {
        grammar::inflect_person_with(
            self.forms.as_ref(),
            &self.surname,
            &self.name,
            &self.patronymic,
            case,
            self.gender.map(Gender::from),
        )
    }

    /// The name in a case, written in a style.
    pub fn styled(&self, case: Case, style: NameStyle) -> String {
        let p = self.in_case(case);
        match style {
            NameStyle::InitialsSurname => p.initials_surname(),
            NameStyle::SurnameInitials => p.surname_initials(),
            NameStyle::Full => p.full_name(),
        }
    }

    /// The gender: as given, else as the name tells it.
    pub fn gender(&self) -> Option<Gender> {
        self.gender
            .map(Gender::from)
            .or_else(|| grammar::person_gender(&self.surname, &self.name, &self.patronymic).gender)
    }

    /// The position in a case: an explicit form (`position_forms`, or
    /// `position_accusative` for the accusative) wins over the grammar.
    ///
    /// ```
    /// use nastavnik_core::{grammar::Case, Person};
    /// let p = Person::new("Сидорова", "О.", "И.").with_position("заместитель директора по учебно-воспитательной работе");
    /// assert_eq!(p.position_in(Case::Accusative).text, "заместителя директора по учебно-воспитательной работе");
    /// ```
    pub fn position_in(&self, case: Case) -> Inflected {
        let position = self.position.trim();
        if case == Case::Accusative && !self.position_accusative.trim().is_empty() {
            return grammar::inflect_with(
                Some(&Forms {
                    accusative: Some(self.position_accusative.trim().to_string()),
                    ..Forms::default()
                }),
                position,
                case,
            );
        }
        grammar::inflect_with(self.position_forms.as_ref(), position, case)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_from_full_names_and_initials() {
        let full = Person::new("Махова", "Ольга", "Васильевна");
        assert_eq!(full.initials_surname(), "О.В.\u{a0}Махова");
        let short = Person::new("Уханов", "А.", "В");
        assert_eq!(short.initials_surname(), "А.В.\u{a0}Уханов");
        let bare = Person::new("Иванов", "", "");
        assert_eq!(bare.initials_surname(), "Иванов");
        assert_eq!(full.full_name(), "Махова Ольга Васильевна");
    }
}
