//! Russian grammar for the sentences documents build: cases, gender and
//! number, people's names and noun phrases in any case, participles that
//! agree with a title.
//!
//! * People: [`inflect_person`] declines surname, given name and patronymic
//!   by the rules of the Petrovich project (the `petrovich` crate), with the
//!   gender taken from the patronymic or the given name ([`person_gender`]),
//!   and gives the three name styles documents use.
//! * Noun phrases: [`inflect_phrase`] declines the head noun of a position,
//!   organisation, document title or territory and the adjectives agreeing
//!   with it, and leaves the genitive tail, quoted names, numbers and
//!   abbreviations alone. Its words come from a compact dictionary generated
//!   from OpenCorpora (`data/grammar/lexicon.tsv`, read once, lazily); a word
//!   the dictionary lacks is declined by rule and reported as guessed.
//! * Agreement: [`phrase_agreement`] and [`participle`].
//!
//! Every result says whether it is certain ([`Inflected::confident`]), so that
//! `check` can ask for an explicit form ([`Forms`]) where it is not.
//!
//! ```
//! use nastavnik_core::grammar::{inflect_phrase, inflect_person, Case};
//! assert_eq!(
//!     inflect_phrase("Гимназия № 5", Case::Prepositional).text,
//!     "Гимназии № 5"
//! );
//! let curator = inflect_person("Сидорова", "Ольга", "Ивановна", Case::Accusative, None);
//! assert_eq!(curator.initials_surname(), "О.И.\u{a0}Сидорову");
//! ```

#![warn(missing_docs)]

mod guess;
mod lexicon;
mod names;
mod participle;
mod phrase;

pub use names::{
    full_name, inflect_person, inflect_person_with, person_gender, GenderGuess, InflectedPerson,
};
pub use participle::{participle, Participle};
pub use phrase::{agreement, inflect_phrase, inflect_with, locative, phrase_agreement, Agreement};

use serde::{Deserialize, Serialize};

/// A grammatical case (падеж).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Case {
    /// Именительный: кто? что?
    Nominative,
    /// Родительный: кого? чего?
    Genitive,
    /// Дательный: кому? чему?
    Dative,
    /// Винительный: кого? что?
    Accusative,
    /// Творительный: кем? чем?
    Instrumental,
    /// Предложный: о ком? о чём? (and the locative «в ком? в чём?»)
    Prepositional,
}

impl Case {
    /// All six cases in the school order.
    pub const ALL: [Case; 6] = [
        Case::Nominative,
        Case::Genitive,
        Case::Dative,
        Case::Accusative,
        Case::Instrumental,
        Case::Prepositional,
    ];

    /// Reads a case's English or Russian name, in any letter case:
    /// `"genitive"`, `"родительный"`; `"locative"` and `"местный"` mean the
    /// prepositional.
    ///
    /// ```
    /// use nastavnik_core::grammar::Case;
    /// assert_eq!(Case::from_name("Dative"), Some(Case::Dative));
    /// assert_eq!(Case::from_name("творительный"), Some(Case::Instrumental));
    /// assert_eq!(Case::from_name("locative"), Some(Case::Prepositional));
    /// assert_eq!(Case::from_name("vocative"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Case> {
        let name = name.trim().to_lowercase();
        Some(match name.as_str() {
            "nominative" | "именительный" => Case::Nominative,
            "genitive" | "родительный" => Case::Genitive,
            "dative" | "дательный" => Case::Dative,
            "accusative" | "винительный" => Case::Accusative,
            "instrumental" | "творительный" => Case::Instrumental,
            "prepositional" | "предложный" | "locative" | "местный" => {
                Case::Prepositional
            }
            _ => return None,
        })
    }

    /// The English name as [`Case::from_name`] reads it and [`Forms`] keys it:
    /// `"genitive"`.
    pub fn name(self) -> &'static str {
        match self {
            Case::Nominative => "nominative",
            Case::Genitive => "genitive",
            Case::Dative => "dative",
            Case::Accusative => "accusative",
            Case::Instrumental => "instrumental",
            Case::Prepositional => "prepositional",
        }
    }

    /// The Russian name: «родительный».
    pub fn russian_name(self) -> &'static str {
        match self {
            Case::Nominative => "именительный",
            Case::Genitive => "родительный",
            Case::Dative => "дательный",
            Case::Accusative => "винительный",
            Case::Instrumental => "творительный",
            Case::Prepositional => "предложный",
        }
    }

    /// The position in [`Case::ALL`], which is also the order of forms in
    /// the dictionary.
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// Grammatical gender (род).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Мужской.
    Masculine,
    /// Женский.
    Feminine,
    /// Средний.
    Neuter,
}

/// Grammatical number (число).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Number {
    /// Единственное.
    Singular,
    /// Множественное.
    Plural,
}

/// A phrase put in a case, with how sure the grammar is of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inflected {
    /// The phrase in the case asked for.
    pub text: String,
    /// True when every changed word came from the dictionary or a certain
    /// rule (or from an explicit form); false when something was guessed.
    pub confident: bool,
    /// The words (as written) whose forms were guessed.
    pub guessed: Vec<String>,
    /// Why the result is not certain, or what was left unchanged and why.
    pub note: Option<String>,
}

impl Inflected {
    /// The text unchanged, certainly right.
    pub(crate) fn unchanged(text: &str, note: Option<&str>) -> Self {
        Inflected {
            text: text.to_string(),
            confident: true,
            guessed: Vec::new(),
            note: note.map(String::from),
        }
    }

    /// A warning for `check` when the form was guessed, with the YAML
    /// override to write: «форма угадана: …».
    ///
    /// ```
    /// use nastavnik_core::grammar::{inflect_phrase, Case};
    /// let r = inflect_phrase("Гимназия № 5", Case::Genitive);
    /// assert!(r.confident && r.warning(Case::Genitive).is_none());
    /// let r = inflect_phrase("Хрюмзель", Case::Genitive);
    /// assert!(r.warning(Case::Genitive).unwrap().contains("forms: {genitive:"));
    /// ```
    pub fn warning(&self, case: Case) -> Option<String> {
        guess_warning(self.confident, &self.text, self.note.as_deref(), case)
    }
}

/// The warning for a guessed form: the form, why it is a guess, and the
/// override that fixes it; `None` when the form is certain.
pub(crate) fn guess_warning(
    confident: bool,
    form: &str,
    note: Option<&str>,
    case: Case,
) -> Option<String> {
    if confident {
        return None;
    }
    let why = note.map(|n| format!(" ({n})")).unwrap_or_default();
    Some(format!(
        "форма угадана: «{form}»{why} — если неверно, укажите forms: {{{}: …}}",
        case.name()
    ))
}

/// Формы, заданные вручную: они заменяют угаданные. Пишутся у человека,
/// должности, организации или территории, когда автоматическое склонение
/// ошибается: `forms: {genitive: Гимназии № 5, prepositional: Гимназии № 5}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Forms {
    /// Родительный падеж (кого? чего?): «заместителя директора».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub genitive: Option<String>,
    /// Дательный падеж (кому? чему?): «заместителю директора».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dative: Option<String>,
    /// Винительный падеж (кого? что?): «назначить заместителя директора».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accusative: Option<String>,
    /// Творительный падеж (кем? чем?): «заместителем директора».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instrumental: Option<String>,
    /// Предложный падеж (о ком? о чём? где?): «в Гимназии № 5».
    #[serde(default, skip_serializing_if = "Option::is_none", alias = "locative")]
    pub prepositional: Option<String>,
}

impl Forms {
    /// The explicit form for a case, if one is given (never for the
    /// nominative, which is the text itself).
    ///
    /// ```
    /// use nastavnik_core::grammar::{Case, Forms};
    /// let f = Forms { genitive: Some("Гимназии № 5".into()), ..Forms::default() };
    /// assert_eq!(f.get(Case::Genitive), Some("Гимназии № 5"));
    /// assert_eq!(f.get(Case::Dative), None);
    /// ```
    pub fn get(&self, case: Case) -> Option<&str> {
        let form = match case {
            Case::Nominative => None,
            Case::Genitive => self.genitive.as_ref(),
            Case::Dative => self.dative.as_ref(),
            Case::Accusative => self.accusative.as_ref(),
            Case::Instrumental => self.instrumental.as_ref(),
            Case::Prepositional => self.prepositional.as_ref(),
        };
        form.map(|s| s.trim()).filter(|s| !s.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_names_round_trip() {
        for case in Case::ALL {
            assert_eq!(Case::from_name(case.name()), Some(case));
            assert_eq!(Case::from_name(case.russian_name()), Some(case));
            assert_eq!(Case::ALL[case.index()], case);
        }
        assert_eq!(Case::from_name(" РОДИТЕЛЬНЫЙ "), Some(Case::Genitive));
        assert_eq!(Case::from_name(""), None);
    }

    #[test]
    fn forms_reject_unknown_keys_and_read_locative() {
        let f: Forms = serde_yaml::from_str("{genitive: Лицея № 2, locative: Лицее № 2}").unwrap();
        assert_eq!(f.get(Case::Prepositional), Some("Лицее № 2"));
        assert!(serde_yaml::from_str::<Forms>("{genetive: x}").is_err());
        let empty = Forms {
            dative: Some("  ".into()),
            ..Forms::default()
        };
        assert_eq!(empty.get(Case::Dative), None);
    }

    #[test]
    fn forms_have_a_schema_with_russian_descriptions() {
        let schema = serde_json::to_string(&schemars::schema_for!(Forms)).unwrap();
        assert!(schema.contains("Родительный падеж"));
        assert!(schema.contains("\"additionalProperties\":false"));
    }
}
