//! Noun phrases: positions, roles, organisations, document titles, places
//! and territories, written in the nominative, put in any case.
//!
//! The phrase is read from the left: adjectives and participles, then the
//! head noun. They decline and agree; everything after the head stays as it
//! is (a genitive tail «директора по учебно-воспитательной работе», a number
//! «№ 5», a quoted name «Лицей № 2», a proper name after «город»), except a
//! parenthesised apposition «(дорожная карта)», which takes the same case.
//! A phrase led by an abbreviation («МБОУ СОШ № 7») stays whole.

use super::guess::{guess_adjective, guess_noun};
use super::lexicon::{key, Slot, LEXICON};
use super::{Case, Forms, Gender, Inflected, Number};

/// Gender and number of a phrase's head, for the words that agree with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Agreement {
    /// The head's gender (for a plural head, the gender of its singular).
    pub gender: Gender,
    /// The head's number.
    pub number: Number,
    /// False when the head was not in the dictionary, or the phrase is led
    /// by an abbreviation the grammar does not know.
    pub confident: bool,
}

/// Puts a phrase written in the nominative into a case.
///
/// ```
/// use nastavnik_core::grammar::{inflect_phrase, Case};
/// let r = inflect_phrase("заместитель директора по учебно-воспитательной работе", Case::Instrumental);
/// assert_eq!(r.text, "заместителем директора по учебно-воспитательной работе");
/// assert!(r.confident);
/// assert_eq!(inflect_phrase("план мероприятий (дорожная карта)", Case::Accusative).text,
///            "план мероприятий (дорожную карту)");
/// assert_eq!(inflect_phrase("МБОУ СОШ № 7", Case::Genitive).text, "МБОУ СОШ № 7");
/// ```
pub fn inflect_phrase(text: &str, case: Case) -> Inflected {
    if case == Case::Nominative || text.trim().is_empty() {
        return Inflected::unchanged(text, None);
    }
    run(text, case, false)
}

fn run(text: &str, case: Case, locative: bool) -> Inflected {
    if text.trim().is_empty() {
        return Inflected::unchanged(text, None);
    }
    let mut tokens = tokenize(text);
    let outcome = inflect_tokens(&mut tokens, case, locative);
    let text: String = tokens.into_iter().map(|t| t.text).collect();
    let confident = outcome.guessed.is_empty() && outcome.note.is_none();
    Inflected {
        text,
        confident,
        guessed: outcome.guessed,
        note: outcome.note.or(outcome.remark),
    }
}

/// The phrase after «в» or «на» (the locative): the prepositional, except
/// that a noun with a second prepositional takes it: «в Детском саду № 3»,
/// «в Гимназии № 5».
///
/// ```
/// use nastavnik_core::grammar::{locative, inflect_phrase, Case};
/// assert_eq!(locative("Детский сад № 3 «Солнышко»").text, "Детском саду № 3 «Солнышко»");
/// assert_eq!(inflect_phrase("Детский сад № 3", Case::Prepositional).text, "Детском саде № 3");
/// assert_eq!(locative("актовый зал").text, "актовом зале");
/// ```
pub fn locative(text: &str) -> Inflected {
    run(text, Case::Prepositional, true)
}

/// [`inflect_phrase`], unless `forms` gives the form for the case: an
/// explicit form is used as written and is certain.
///
/// ```
/// use nastavnik_core::grammar::{inflect_with, Case, Forms};
/// let forms = Forms { genitive: Some("Дома детского творчества".into()), ..Forms::default() };
/// let r = inflect_with(Some(&forms), "Дом детского творчества", Case::Genitive);
/// assert_eq!((r.text.as_str(), r.confident), ("Дома детского творчества", true));
/// ```
pub fn inflect_with(forms: Option<&Forms>, text: &str, case: Case) -> Inflected {
    match forms.and_then(|f| f.get(case)) {
        Some(form) => Inflected::unchanged(form, None),
        None => inflect_phrase(text, case),
    }
}

/// Gender and number of a phrase's head, for a participle or a verb that
/// agrees with it; see [`agreement`] for how sure it is.
///
/// ```
/// use nastavnik_core::grammar::{phrase_agreement, Gender, Number};
/// assert_eq!(phrase_agreement("Дорожная карта"), (Gender::Feminine, Number::Singular));
/// assert_eq!(phrase_agreement("Положение о программе наставничества"), (Gender::Neuter, Number::Singular));
/// assert_eq!(phrase_agreement("Методические рекомендации"), (Gender::Feminine, Number::Plural));
/// ```
pub fn phrase_agreement(text: &str) -> (Gender, Number) {
    let a = agreement(text);
    (a.gender, a.number)
}

/// Gender and number of a phrase's head with whether they are certain.
/// A phrase led by an abbreviation agrees with the word the abbreviation
/// stands for: «МБОУ» (учреждение) is neuter, «СОШ» (школа) feminine,
/// «ЦМН» (центр) masculine.
///
/// ```
/// use nastavnik_core::grammar::{agreement, Gender};
/// assert_eq!(agreement("МБОУ СОШ № 7").gender, Gender::Neuter);
/// assert!(!agreement("Хрюмзель").confident);
/// ```
pub fn agreement(text: &str) -> Agreement {
    let tokens = tokenize(text);
    let fallback = Agreement {
        gender: Gender::Masculine,
        number: Number::Singular,
        confident: false,
    };
    let Some(first) = tokens.iter().position(|t| t.word) else {
        return fallback;
    };
    if is_abbreviation(&tokens[first].text) {
        return abbreviation_agreement(&tokens[first].text).unwrap_or(fallback);
    }
    match analyse(&tokens, first) {
        Some(a) => Agreement {
            gender: a.head.gender,
            number: a.head.number,
            confident: a.head.known,
        },
        None => fallback,
    }
}

/// A piece of the phrase: a word (letters with inner hyphens) or anything
/// else, one character or a run of spaces.
#[derive(Debug, Clone)]
struct Token {
    text: String,
    word: bool,
}

fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens: Vec<Token> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphabetic() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphabetic()
                    || (chars[i] == '-' && i + 1 < chars.len() && chars[i + 1].is_alphabetic()))
            {
                i += 1;
            }
            tokens.push(Token {
                text: chars[start..i].iter().collect(),
                word: true,
            });
        } else {
            tokens.push(Token {
                text: c.to_string(),
                word: false,
            });
            i += 1;
        }
    }
    tokens
}

/// All capitals (at least two letters) and not a word the dictionary knows
/// written in capitals: «МБОУ», «СОШ», «ЦМН», but not «ПОЛОЖЕНИЕ».
fn is_abbreviation(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let has_lower = word.chars().any(char::is_lowercase);
    if letters < 2 || has_lower {
        return false;
    }
    let a_word_in_capitals = word
        .split('-')
        .any(|part| LEXICON.knows(part) || guess_adjective(&key(part)).is_some());
    !a_word_in_capitals
}

/// The gender of the word an abbreviation stands for, where it is clear.
fn abbreviation_agreement(abbr: &str) -> Option<Agreement> {
    let upper = abbr.to_uppercase();
    let gender = if upper.ends_with('У') {
        Gender::Neuter // …учреждение
    } else if upper.ends_with("Ш") || upper.ends_with("ШИ") || upper.ends_with('Я') {
        Gender::Feminine // …школа, …школа искусств, …гимназия
    } else if upper.starts_with('Ц') || upper.starts_with("ДД") || upper.starts_with("ДЮЦ") {
        Gender::Masculine // центр …, дом детского творчества
    } else {
        return None;
    };
    Some(Agreement {
        gender,
        number: Number::Singular,
        confident: true,
    })
}

/// What the head of a phrase is.
#[derive(Debug, Clone, Copy)]
struct Head {
    gender: Gender,
    number: Number,
    animate: bool,
    /// Whether the dictionary knows the head word.
    known: bool,
}

/// How one word of the declining part declines.
#[derive(Debug, Clone)]
enum Paradigm {
    /// A dictionary noun, by index; or, for a hyphenated compound, one per part
    /// (`None` for a part that stays).
    Noun(Vec<Option<NounForms>>),
    /// An adjective: four columns of six forms.
    Adjective(Box<[[String; 6]; 4]>),
}

/// Twelve forms of a noun.
#[derive(Debug, Clone)]
pub(super) struct NounForms {
    /// The six cases in the singular.
    pub(super) singular: [String; 6],
    /// The six cases in the plural.
    pub(super) plural: [String; 6],
    /// «саду» for «в саду», when it differs from the prepositional.
    pub(super) locative: Option<String>,
}

/// The declining part of a phrase: its words and their paradigms, and the head.
struct Analysis {
    /// (token index, paradigm) for each modifier and the head.
    words: Vec<(usize, Paradigm)>,
    head: Head,
    head_token: usize,
    guessed: Vec<String>,
    note: Option<String>,
}

/// The first word after `i` if only spaces stand between.
fn next_word(tokens: &[Token], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < tokens.len() {
        if tokens[j].word {
            return Some(j);
        }
        if !tokens[j].text.trim().is_empty() {
            return None;
        }
        j += 1;
    }
    None
}

/// Compounds whose first part never declines.
const FIXED_FIRST: &[&str] = &["мастер-класс"];

fn owned(forms: [&'static str; 6]) -> [String; 6] {
    forms.map(String::from)
}

/// A noun from the dictionary, the whole word or a hyphenated compound part
/// by part: (gender, number, animate, forms).
fn known_noun(word: &str) -> Option<(Gender, Number, bool, Vec<Option<NounForms>>)> {
    let entry = |w: &str| {
        LEXICON.nouns(w).first().map(|&(i, number)| {
            let n = &LEXICON.nouns[i];
            (
                n.gender,
                number,
                n.animate,
                NounForms {
                    singular: owned(n.singular),
                    plural: owned(n.plural),
                    locative: n.locative.map(String::from),
                },
            )
        })
    };
    if let Some((g, n, a, f)) = entry(word) {
        return Some((g, n, a, vec![Some(f)]));
    }
    let parts: Vec<&str> = word.split('-').collect();
    if parts.len() < 2 {
        return None;
    }
    let fixed_first = FIXED_FIRST.contains(&key(word).as_str());
    let found: Vec<_> = parts.iter().map(|p| entry(p)).collect();
    // The first part that declines (or the last one) gives the agreement.
    let lead = if found.iter().all(Option::is_some) && !fixed_first {
        found[0].clone()
    } else {
        found.last().cloned().flatten()
    }?;
    let forms = found
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let stays = i + 1 < parts.len() && (fixed_first || f.is_none());
            if stays {
                None
            } else {
                f.map(|(_, _, _, forms)| forms)
            }
        })
        .collect::<Vec<_>>();
    if forms.iter().all(Option::is_none) {
        return None;
    }
    Some((lead.0, lead.1, lead.2, forms))
}

/// An adjective from the dictionary (the last part of a hyphenated one).
fn known_adjective(word: &str) -> Option<(Slot, [[String; 6]; 4])> {
    let last = word.rsplit('-').next().unwrap_or(word);
    LEXICON.adjectives(last).first().map(|&(i, slot)| {
        let a = &LEXICON.adjectives[i];
        (slot, a.forms.map(owned))
    })
}

/// Finds the modifiers and the head from the word at `first`.
fn analyse(tokens: &[Token], first: usize) -> Option<Analysis> {
    let mut words: Vec<(usize, Paradigm)> = Vec::new();
    let mut guessed = Vec::new();
    let mut note = None;
    let mut modifier_slot: Option<Slot> = None;
    let mut i = first;
    loop {
        let word = &tokens[i].text;
        let lower = key(word);
        let following = next_word(tokens, i);
        let adjective = known_adjective(word);
        let noun = known_noun(word);
        if let (Some((slot, forms)), Some(next)) = (&adjective, following) {
            if nominal(&tokens[next].text) && modifies(*slot, forms, &tokens[next].text) {
                modifier_slot.get_or_insert(*slot);
                words.push((i, Paradigm::Adjective(Box::new(forms.clone()))));
                i = next;
                continue;
            }
        }
        if let Some((gender, number, animate, forms)) = noun {
            let head = Head {
                gender,
                number,
                animate,
                known: true,
            };
            words.push((i, Paradigm::Noun(forms)));
            return Some(Analysis {
                words,
                head,
                head_token: i,
                guessed,
                note,
            });
        }
        if let Some((slot, forms)) = adjective {
            // An adjective with no noun after it is the head itself:
            // «заведующий», «ответственные».
            words.push((i, Paradigm::Adjective(Box::new(forms))));
            return Some(Analysis {
                words,
                head: head_of_slot(slot, true),
                head_token: i,
                guessed,
                note,
            });
        }
        let last = lower.rsplit('-').next().unwrap_or(&lower).to_string();
        if let Some((slot, forms, ambiguous)) = guess_adjective(&last) {
            let prefix = &lower[..lower.len() - last.len()];
            let forms = forms.map(|col| col.map(|f| format!("{prefix}{f}")));
            if ambiguous {
                guessed.push(word.clone());
            }
            words.push((i, Paradigm::Adjective(Box::new(forms))));
            match following.filter(|&next| nominal(&tokens[next].text)) {
                Some(next) => {
                    modifier_slot.get_or_insert(slot);
                    i = next;
                    continue;
                }
                None => {
                    if !ambiguous {
                        guessed.push(word.clone());
                    }
                    note = Some(format!("слова «{word}» нет в словаре"));
                    return Some(Analysis {
                        words,
                        head: head_of_slot(slot, true),
                        head_token: i,
                        guessed,
                        note,
                    });
                }
            }
        }
        // A head noun the dictionary does not know: declined by its ending,
        // agreeing with the modifiers before it when there are any.
        let (gender, number, animate, forms) = guess_noun(&lower, modifier_slot)?;
        guessed.push(word.clone());
        note = Some(format!("слова «{word}» нет в словаре"));
        words.push((i, Paradigm::Noun(vec![Some(forms)])));
        return Some(Analysis {
            words,
            head: Head {
                gender,
                number,
                animate,
                known: false,
            },
            head_token: i,
            guessed,
            note,
        });
    }
}

/// Words that never begin a noun phrase: prepositions and conjunctions.
const FUNCTION_WORDS: &[&str] = &[
    "по",
    "за",
    "о",
    "об",
    "обо",
    "в",
    "во",
    "на",
    "с",
    "со",
    "к",
    "ко",
    "у",
    "из",
    "от",
    "до",
    "для",
    "при",
    "и",
    "или",
    "а",
    "но",
    "без",
    "под",
    "над",
    "через",
    "между",
    "про",
    "перед",
];

/// Whether a word may be the noun (or another adjective) an adjective
/// before it agrees with: «ответственный за …» has none, and is a head.
fn nominal(word: &str) -> bool {
    !FUNCTION_WORDS.contains(&key(word).as_str()) && !LEXICON.is_oblique(word)
}

/// Adjectives that are nouns themselves in school documents: «заведующий
/// хозяйством», «исполняющий обязанности директора», «ответственный за …».
const SUBSTANTIVES: &[&str] = &[
    "заведующий",
    "ответственный",
    "наставляемый",
    "обучающийся",
    "учащийся",
    "управляющий",
    "исполняющий",
    "дежурный",
    "вожатый",
    "уполномоченный",
];

/// Whether a known adjective in `slot` modifies the next word: it does
/// unless the next word is a dictionary noun of another gender or number
/// («исполняющий обязанности»), or the adjective is one used as a noun and
/// the next word is not a nominative the dictionary knows («заведующий
/// хозяйством»).
fn modifies(slot: Slot, forms: &[[String; 6]; 4], next: &str) -> bool {
    let nouns = LEXICON.nouns(next);
    if !nouns.is_empty() {
        return nouns.iter().any(|&(i, number)| match (number, slot) {
            (Number::Plural, Slot::Plural) => true,
            (Number::Singular, Slot::Singular(g)) => LEXICON.nouns[i].gender == g,
            _ => false,
        });
    }
    let substantive = SUBSTANTIVES.contains(&forms[0][0].as_str());
    !substantive || known_adjective(next).is_some()
}

fn head_of_slot(slot: Slot, animate: bool) -> Head {
    let (gender, number) = match slot {
        Slot::Singular(g) => (g, Number::Singular),
        Slot::Plural => (Gender::Masculine, Number::Plural),
    };
    Head {
        gender,
        number,
        animate,
        known: true,
    }
}

/// What [`inflect_tokens`] found besides the new forms.
struct Outcome {
    guessed: Vec<String>,
    /// Why the result is uncertain.
    note: Option<String>,
    /// What stayed unchanged and why, when that is certainly right.
    remark: Option<String>,
}

fn inflect_tokens(tokens: &mut [Token], case: Case, locative: bool) -> Outcome {
    let Some(first) = tokens.iter().position(|t| t.word) else {
        return Outcome {
            guessed: Vec::new(),
            note: None,
            remark: Some("нет слов".into()),
        };
    };
    if is_abbreviation(&tokens[first].text) {
        return Outcome {
            guessed: Vec::new(),
            note: None,
            remark: Some("начинается с сокращения и не склоняется".into()),
        };
    }
    if tokens[..first].iter().any(|t| !t.text.trim().is_empty()) {
        return Outcome {
            guessed: Vec::new(),
            note: Some("не найдено главное слово: оставлено как есть".into()),
            remark: None,
        };
    }
    let Some(analysis) = analyse(tokens, first) else {
        return Outcome {
            guessed: vec![tokens[first].text.clone()],
            note: Some("не найдено главное слово: оставлено как есть".into()),
            remark: None,
        };
    };
    let head = analysis.head;
    for (i, paradigm) in &analysis.words {
        let original = tokens[*i].text.clone();
        tokens[*i].text = decline(&original, paradigm, head, case, locative);
    }
    let mut guessed = analysis.guessed;
    let mut note = analysis.note;
    // A parenthesised apposition after the head takes the same case.
    let mut j = analysis.head_token + 1;
    let mut quotes = 0i32;
    while j < tokens.len() {
        match tokens[j].text.as_str() {
            "«" => quotes += 1,
            "»" => quotes -= 1,
            "(" if quotes == 0 => {
                let Some(close) = tokens[j..].iter().position(|t| t.text == ")") else {
                    break;
                };
                let close = j + close;
                let inner = &mut tokens[j + 1..close];
                let starts = inner
                    .iter()
                    .find(|t| t.word)
                    .map(|t| key(&t.text))
                    .unwrap_or_default();
                let apposition = !matches!(starts.as_str(), "далее" | "именуемый" | "именуемая")
                    && inner.iter().find(|t| t.word).is_some_and(|t| {
                        known_noun(&t.text).is_some()
                            || known_adjective(&t.text).is_some()
                            || guess_adjective(&key(&t.text)).is_some()
                    });
                if apposition {
                    let inner_outcome = inflect_tokens(inner, case, locative);
                    guessed.extend(inner_outcome.guessed);
                    note = note.or(inner_outcome.note);
                }
                // Only the first parenthesis can be the head's apposition:
                // a later one sits in the genitive tail, already declined
                // («внедрения методологии (целевой модели)»).
                break;
            }
            "—" | "–" if quotes == 0 => {
                // «Ханты-Мансийский автономный округ — Югра»: a one-word
                // name after a dash at the end is an apposition and agrees.
                let rest: Vec<usize> = (j + 1..tokens.len())
                    .filter(|&k| !tokens[k].text.trim().is_empty())
                    .collect();
                if let [k] = rest.as_slice() {
                    let word = tokens[*k].text.clone();
                    let capital = word.chars().next().is_some_and(char::is_uppercase);
                    if tokens[*k].word && capital && !is_abbreviation(&word) {
                        let (appo, known) = match known_noun(&word) {
                            Some((g, n, a, forms)) => (Some((g, n, a, forms)), true),
                            None => (
                                guess_noun(&key(&word), None)
                                    .map(|(g, n, a, f)| (g, n, a, vec![Some(f)])),
                                false,
                            ),
                        };
                        if let Some((gender, number, animate, forms)) = appo {
                            let head = Head {
                                gender,
                                number,
                                animate,
                                known,
                            };
                            tokens[*k].text =
                                decline(&word, &Paradigm::Noun(forms), head, case, locative);
                            if !known {
                                guessed.push(word.clone());
                                note = note.or(Some(format!("слова «{word}» нет в словаре")));
                            }
                        }
                    }
                }
                break;
            }
            _ => {}
        }
        j += 1;
    }
    Outcome {
        guessed,
        note,
        remark: None,
    }
}

/// One word in a case, agreeing with the head, in the word's own letter case.
fn decline(original: &str, paradigm: &Paradigm, head: Head, case: Case, locative: bool) -> String {
    let c = case.index();
    let noun_form = |f: &NounForms| -> String {
        match head.number {
            Number::Singular if locative => f.locative.clone().unwrap_or(f.singular[c].clone()),
            Number::Singular => f.singular[c].clone(),
            Number::Plural => f.plural[c].clone(),
        }
    };
    match paradigm {
        Paradigm::Noun(parts) if parts.len() == 1 => match &parts[0] {
            Some(f) => restore(original, &noun_form(f)),
            None => original.to_string(),
        },
        Paradigm::Noun(parts) => {
            let originals: Vec<&str> = original.split('-').collect();
            let mut out = Vec::new();
            for (k, part) in originals.iter().enumerate() {
                let forms = parts.get(k).cloned().flatten();
                out.push(match forms {
                    Some(f) => restore(part, &noun_form(&f)),
                    None => part.to_string(),
                });
            }
            out.join("-")
        }
        Paradigm::Adjective(columns) => {
            let column = match head.number {
                Number::Plural => Slot::Plural,
                Number::Singular => Slot::Singular(head.gender),
            }
            .column();
            let masculine_or_plural = column == 0 || column == 3;
            let c = if case == Case::Accusative && head.animate && masculine_or_plural {
                Case::Genitive.index()
            } else {
                c
            };
            let form = &columns[column][c];
            // Only the last part of «учебно-воспитательный» declines.
            match original.rfind('-') {
                Some(h) => {
                    let (prefix, last) = (&original[..h + 1], &original[h + 1..]);
                    let stem_prefix = form.rfind('-').map(|p| &form[p + 1..]).unwrap_or(form);
                    format!("{prefix}{}", restore(last, stem_prefix))
                }
                None => restore(original, form),
            }
        }
    }
}

/// The form written like the original: capitals kept («Гимназии»,
/// «ДОРОЖНУЮ»), and «е» for «ё» unless the original wrote «ё».
pub(crate) fn restore(original: &str, form: &str) -> String {
    let (parts, form_parts) = (original.split('-').count(), form.split('-').count());
    if parts > 1 && parts == form_parts {
        // «IT-куб» → «IT-куба»: each part keeps its own capitals.
        return original
            .split('-')
            .zip(form.split('-'))
            .map(|(o, f)| restore(o, f))
            .collect::<Vec<_>>()
            .join("-");
    }
    let form = if original.contains(['ё', 'Ё']) {
        form.to_string()
    } else {
        form.replace('ё', "е")
    };
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return form.to_uppercase();
    }
    let mut chars = form.chars();
    match (original.chars().next(), chars.next()) {
        (Some(o), Some(f)) if o.is_uppercase() => f.to_uppercase().chain(chars).collect(),
        _ => form.to_lowercase(),
    }
}

#[cfg(test)]
#[path = "phrase_tests.rs"]
mod tests;
