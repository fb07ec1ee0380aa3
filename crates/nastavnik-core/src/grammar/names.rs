//! People's names in any case, by the rules of the Petrovich project.
//!
//! Petrovich's rules (`petrovich` crate) follow the reference books
//! (Розенталь, Грамота.ру): a woman's surname ending in a consonant stays
//! («Шевчук»), a man's declines («Шевчука»); «-их/-ых» and «-ко/-енко» stay
//! for both; foreign surnames on a stressed vowel («Дюма», «Гюго») stay;
//! double surnames decline part by part. This module adds the gender from
//! the patronymic or the given name, keeps initials as they are, builds the
//! three name styles and says when a form is a guess.

use petrovich::Gender as PGender;

use super::phrase::restore;
use super::{Case, Forms, Gender};
use crate::russian::NBSP;

/// The gender of a person as the name tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenderGuess {
    /// The gender, when the name tells it at all.
    pub gender: Option<Gender>,
    /// Where it came from: «patronymic», «name» or «surname».
    pub source: Option<&'static str>,
}

/// A person's name put in a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InflectedPerson {
    /// The surname in the case.
    pub surname: String,
    /// The given name in the case, or its initial as written.
    pub name: String,
    /// The patronymic in the case, or its initial as written.
    pub patronymic: String,
    /// The gender used, if known.
    pub gender: Option<Gender>,
    /// True when the forms follow certainly from the rules; false when the
    /// gender is unknown or the surname is of a kind the rules only guess.
    pub confident: bool,
    /// Why the result is not certain.
    pub note: Option<String>,
    /// The initials as written: «Е.В.»; empty when none are known.
    initials: String,
}

impl InflectedPerson {
    /// «Е.В.»: the initials, the same in every case.
    pub fn initials(&self) -> &str {
        &self.initials
    }

    /// A warning for `check` when the surname's form is a guess, with the
    /// YAML override to write.
    ///
    /// ```
    /// use nastavnik_core::grammar::{inflect_person, Case};
    /// let p = inflect_person("Кравец", "Пётр", "Ильич", Case::Genitive, None);
    /// let w = p.warning(Case::Genitive).unwrap();
    /// assert!(w.starts_with("форма угадана: «Кравца»"));
    /// assert!(w.contains("forms: {genitive: …}"));
    /// ```
    pub fn warning(&self, case: Case) -> Option<String> {
        super::guess_warning(self.confident, &self.surname, self.note.as_deref(), case)
    }

    /// «Е.В. Шевчук» (non-breaking space), as in signatures and sentences.
    ///
    /// ```
    /// use nastavnik_core::grammar::{inflect_person, Case};
    /// let p = inflect_person("Петров", "Иван", "Сергеевич", Case::Dative, None);
    /// assert_eq!(p.initials_surname(), "И.С.\u{a0}Петрову");
    /// assert_eq!(p.surname_initials(), "Петрову\u{a0}И.С.");
    /// assert_eq!(p.full_name(), "Петрову Ивану Сергеевичу");
    /// ```
    pub fn initials_surname(&self) -> String {
        if self.initials.is_empty() {
            self.surname.clone()
        } else {
            format!("{}{NBSP}{}", self.initials, self.surname)
        }
    }

    /// «Шевчук Е.В.» (non-breaking space), as in lists and parentheses.
    pub fn surname_initials(&self) -> String {
        if self.initials.is_empty() {
            self.surname.clone()
        } else {
            format!("{}{NBSP}{}", self.surname, self.initials)
        }
    }

    /// «Шевчук Елена Викторовна»: the parts that are known, in the case.
    pub fn full_name(&self) -> String {
        full_name(&self.surname, &self.name, &self.patronymic)
    }
}

/// Whether a part is an initial («Е.», «Е») rather than a name.
fn is_initial(part: &str) -> bool {
    let letters = part.chars().filter(|c| c.is_alphabetic()).count();
    letters <= 1 || (part.trim().ends_with('.') && letters <= 2)
}

/// Whether the patronymic is a patronymic and not a second given name.
fn patronymic_gender(patronymic: &str) -> Option<Gender> {
    let p = patronymic.trim().to_lowercase();
    let words: Vec<&str> = p.split_whitespace().collect();
    let last = *words.last()?;
    if matches!(last, "оглы" | "улы" | "уулу") || p.ends_with("вич") || p.ends_with("ич")
    {
        Some(Gender::Masculine)
    } else if matches!(last, "кызы" | "гызы") || p.ends_with("вна") || p.ends_with("чна")
    {
        Some(Gender::Feminine)
    } else {
        None
    }
}

/// The gender a person's name shows: from the patronymic («-вич», «-вна»,
/// «-ична», «оглы», «кызы»), else from the given name (Petrovich's list and
/// endings), else from a surname of a gendered kind («-ова», «-ский»).
///
/// ```
/// use nastavnik_core::grammar::{person_gender, Gender};
/// assert_eq!(person_gender("Шевчук", "Е.", "Викторовна").gender, Some(Gender::Feminine));
/// assert_eq!(person_gender("Шевчук", "Елена", "").gender, Some(Gender::Feminine));
/// assert_eq!(person_gender("Сидорова", "О.", "И.").gender, Some(Gender::Feminine));
/// assert_eq!(person_gender("Шевчук", "Е.", "В.").gender, None);
/// ```
pub fn person_gender(surname: &str, name: &str, patronymic: &str) -> GenderGuess {
    let found = |gender, source| GenderGuess {
        gender: Some(gender),
        source: Some(source),
    };
    if !is_initial(patronymic) {
        if let Some(g) = patronymic_gender(patronymic) {
            return found(g, "patronymic");
        }
    }
    if !is_initial(name) {
        let first = name.split_whitespace().next().unwrap_or(name);
        match petrovich::detect_gender(None, Some(first), None) {
            PGender::Male => return found(Gender::Masculine, "name"),
            PGender::Female => return found(Gender::Feminine, "name"),
            PGender::Androgynous => {}
        }
    }
    let s = surname.trim().to_lowercase();
    let s = s.rsplit('-').next().unwrap_or(&s);
    if ["ова", "ева", "ёва", "ина", "ына", "ская", "цкая"]
        .iter()
        .any(|e| s.ends_with(e))
    {
        return found(Gender::Feminine, "surname");
    }
    if ["ов", "ев", "ёв", "ин", "ын", "ский", "цкий"]
        .iter()
        .any(|e| s.ends_with(e))
    {
        return found(Gender::Masculine, "surname");
    }
    GenderGuess {
        gender: None,
        source: None,
    }
}

fn petrovich_case(case: Case) -> Option<petrovich::Case> {
    Some(match case {
        Case::Nominative => return None,
        Case::Genitive => petrovich::Case::Genitive,
        Case::Dative => petrovich::Case::Dative,
        Case::Accusative => petrovich::Case::Accusative,
        Case::Instrumental => petrovich::Case::Instrumental,
        Case::Prepositional => petrovich::Case::Prepositional,
    })
}

fn petrovich_gender(gender: Option<Gender>) -> PGender {
    match gender {
        Some(Gender::Masculine) => PGender::Male,
        Some(Gender::Feminine) => PGender::Female,
        _ => PGender::Androgynous,
    }
}

/// Whether the rules are certain of this surname's forms for this gender:
/// Russian types («-ов», «-ин», «-ский», «-ых», «-енко»), a woman's surname
/// on a consonant, a man's on a consonant without a fleeting vowel; not a
/// surname on «-а»/«-я» outside the Russian types («Кваша» declines, «Дюма»
/// does not: the stress and origin decide), nor «-ец»/«-ок» («Кравец»:
/// «Кравца» or «Кравеца»).
fn surname_certain(surname: &str, gender: Gender) -> bool {
    surname.split('-').all(|part| {
        let s = part.to_lowercase();
        let ends = |list: &[&str]| list.iter().any(|e| s.ends_with(e));
        let last = s.chars().last().unwrap_or(' ');
        if ends(&[
            "ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ёва", "ина", "ына",
        ]) {
            return true;
        }
        if ends(&["ый", "ий", "ой", "ая", "яя", "ых", "их"]) {
            return true;
        }
        if "оеиуюэы".contains(last) {
            return true;
        }
        if "ая".contains(last) {
            return false;
        }
        match gender {
            Gender::Feminine => true,
            _ => !ends(&["ец", "ек", "ёк", "ок", "ей"]),
        }
    })
}

/// A given name (or each of several: «Мария Луиза», «Анна-Мария») in a case.
fn given_name(name: &str, gender: PGender, case: petrovich::Case) -> String {
    name.split(' ')
        .map(|w| {
            if w.is_empty() || is_initial(w) {
                w.to_string()
            } else {
                w.split('-')
                    .map(|part| restore(part, &first_name_part(part, gender, case)))
                    .collect::<Vec<_>>()
                    .join("-")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One given name by Petrovich's rules, except names on «-ия» («Мария»,
/// «Ксения», «Виктория»): the rules the crate ships give them «-ем» in the
/// instrumental and prepositional («Марием»), where Зализняк has «Марией»,
/// «о Марии».
fn first_name_part(name: &str, gender: PGender, case: petrovich::Case) -> String {
    let lower = name.to_lowercase();
    if lower.chars().count() > 2 && lower.ends_with("ия") {
        let stem: String = {
            let chars: Vec<char> = name.chars().collect();
            chars[..chars.len() - 1].iter().collect()
        };
        let ending = match case {
            petrovich::Case::Genitive | petrovich::Case::Dative => "и",
            petrovich::Case::Accusative => "ю",
            petrovich::Case::Instrumental => "ей",
            petrovich::Case::Prepositional => "и",
        };
        return format!("{stem}{ending}");
    }
    petrovich::firstname(gender, name, case)
}

/// Puts a person's name in a case: surname, given name and patronymic as
/// plain strings, any of them possibly an initial («Е.» or «Е»), which
/// stays. `gender` overrides the gender the name shows ([`person_gender`]).
///
/// ```
/// use nastavnik_core::grammar::{inflect_person, Case, Gender};
/// let woman = inflect_person("Шевчук", "Елена", "Викторовна", Case::Genitive, None);
/// assert_eq!(woman.full_name(), "Шевчук Елены Викторовны");
/// let man = inflect_person("Шевчук", "Е.", "В.", Case::Genitive, Some(Gender::Masculine));
/// assert_eq!(man.initials_surname(), "Е.В.\u{a0}Шевчука");
/// assert!(man.confident);
/// let unknown = inflect_person("Шевчук", "Е.", "В.", Case::Genitive, None);
/// assert_eq!(unknown.surname, "Шевчук");
/// assert!(!unknown.confident, "a man's «Шевчук» would decline");
/// ```
pub fn inflect_person(
    surname: &str,
    name: &str,
    patronymic: &str,
    case: Case,
    gender: Option<Gender>,
) -> InflectedPerson {
    inflect_person_with(None, surname, name, patronymic, case, gender)
}

/// [`inflect_person`], with explicit forms of the surname where the rules
/// would guess: `forms` gives the surname in each case («Гюго» when a rule
/// would decline it, «Кравца» or «Кравеца»); an explicit form is certain.
///
/// ```
/// use nastavnik_core::grammar::{inflect_person_with, Case, Forms};
/// let forms = Forms { dative: Some("Кравецу".into()), ..Forms::default() };
/// let p = inflect_person_with(Some(&forms), "Кравец", "Пётр", "Ильич", Case::Dative, None);
/// assert_eq!(p.surname_initials(), "Кравецу\u{a0}П.И.");
/// assert!(p.confident);
/// ```
pub fn inflect_person_with(
    forms: Option<&Forms>,
    surname: &str,
    name: &str,
    patronymic: &str,
    case: Case,
    gender: Option<Gender>,
) -> InflectedPerson {
    let (surname, name, patronymic) = (surname.trim(), name.trim(), patronymic.trim());
    let guess = person_gender(surname, name, patronymic);
    let gender = gender.or(guess.gender);
    let initials: String = name
        .split_whitespace()
        .chain(patronymic.split_whitespace().take(1))
        .filter_map(|part| part.chars().next())
        .map(|c| format!("{c}."))
        .collect();
    let mut person = InflectedPerson {
        surname: surname.to_string(),
        name: name.to_string(),
        patronymic: patronymic.to_string(),
        gender,
        confident: true,
        note: None,
        initials,
    };
    let Some(pcase) = petrovich_case(case) else {
        return person;
    };
    let pg = petrovich_gender(gender);
    let explicit = forms.and_then(|f| f.get(case));
    person.surname = match explicit {
        Some(form) => form.to_string(),
        None => restore(surname, &petrovich::lastname(pg, surname, pcase)),
    };
    person.name = given_name(name, pg, pcase);
    person.patronymic = if is_initial(patronymic) {
        patronymic.to_string()
    } else if patronymic_gender(patronymic).is_some() {
        let words: Vec<&str> = patronymic.split(' ').collect();
        if words.len() > 1 {
            // «Али оглы», «Ахмед кызы»: Turkic patronymics stay.
            patronymic.to_string()
        } else {
            restore(patronymic, &petrovich::middlename(pg, patronymic, pcase))
        }
    } else {
        // Not a patronymic: a second given name («Мария Луиза»).
        given_name(patronymic, pg, pcase)
    };
    if explicit.is_none() {
        match gender {
            // «Черных», «Шевченко», «Дюма»: the same for a man and a woman.
            None if [Gender::Masculine, Gender::Feminine].iter().all(|&g| {
                surname_certain(surname, g)
                    && petrovich::lastname(petrovich_gender(Some(g)), surname, pcase)
                        == person.surname
            }) => {}
            None => {
                person.confident = false;
                person.note = Some(format!(
                    "не ясно, мужчина это или женщина: фамилия «{surname}» оставлена как есть; \
                     укажите имя и отчество полностью"
                ));
            }
            Some(g) if !surname_certain(surname, g) => {
                person.confident = false;
                person.note = Some(format!(
                    "склонение фамилии «{surname}» угадано по окончанию"
                ));
            }
            Some(_) => {}
        }
    }
    person
}

/// «Шевчук Елена Викторовна»: the parts that are known, in order.
pub fn full_name(surname: &str, name: &str, patronymic: &str) -> String {
    [surname, name, patronymic]
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn surname(s: &str, g: Gender, case: Case) -> String {
        inflect_person(s, "", "", case, Some(g)).surname
    }

    #[test]
    fn indeclinable_surnames_stay() {
        for s in ["Черных", "Долгих", "Шевченко", "Дюма", "Гюго"] {
            for g in [Gender::Masculine, Gender::Feminine] {
                assert_eq!(surname(s, g, Case::Dative), s, "{s} {g:?}");
            }
        }
        assert_eq!(
            surname("Шевчук", Gender::Feminine, Case::Instrumental),
            "Шевчук"
        );
        assert_eq!(
            surname("Шевчук", Gender::Masculine, Case::Instrumental),
            "Шевчуком"
        );
    }

    #[test]
    fn double_surnames_decline_part_by_part() {
        assert_eq!(
            surname("Петров-Водкин", Gender::Masculine, Case::Genitive),
            "Петрова-Водкина"
        );
        assert_eq!(
            surname("Римская-Корсакова", Gender::Feminine, Case::Dative),
            "Римской-Корсаковой"
        );
    }

    #[test]
    fn initials_stay_and_styles_are_built() {
        let p = inflect_person("Сидорова", "О.", "И.", Case::Accusative, None);
        assert_eq!(p.initials_surname(), "О.И.\u{a0}Сидорову");
        assert_eq!(p.full_name(), "Сидорову О. И.");
        let bare = inflect_person("Иванов", "", "", Case::Genitive, None);
        assert_eq!(bare.initials_surname(), "Иванова");
        assert!(bare.confident);
    }

    #[test]
    fn second_given_name_is_not_a_patronymic() {
        let p = inflect_person("Гонсалес", "Мария", "Луиза", Case::Genitive, None);
        assert_eq!(p.full_name(), "Гонсалес Марии Луизы");
        assert_eq!(p.initials(), "М.Л.");
    }

    #[test]
    fn turkic_patronymics() {
        let p = inflect_person("Мамедов", "Эльдар", "Али оглы", Case::Dative, None);
        assert_eq!(p.gender, Some(Gender::Masculine));
        assert_eq!(p.full_name(), "Мамедову Эльдару Али оглы");
        assert_eq!(p.initials(), "Э.А.");
    }

    #[test]
    fn guesses_are_flagged() {
        assert!(!inflect_person("Кравец", "Пётр", "Ильич", Case::Dative, None).confident);
        assert!(!inflect_person("Кваша", "Игорь", "Ильич", Case::Dative, None).confident);
        assert!(inflect_person("Иванова", "Анна", "Петровна", Case::Dative, None).confident);
    }
}
