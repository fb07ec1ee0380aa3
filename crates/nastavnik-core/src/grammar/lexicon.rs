//! The compact dictionary: nouns and adjectives of school documents with all
//! their forms, generated from OpenCorpora by `data/grammar/generate_lexicon.py`
//! and read once, on the first phrase inflected.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::{Gender, Number};

/// The generated dictionary, built into the binary (about 170 KB).
const DATA: &str = include_str!("../../data/grammar/lexicon.tsv");

/// A noun's paradigm: six singular and six plural forms in [`super::Case::ALL`] order.
#[derive(Debug)]
pub(crate) struct Noun {
    pub gender: Gender,
    pub animate: bool,
    pub singular: [&'static str; 6],
    pub plural: [&'static str; 6],
    /// The second prepositional (locative) «в саду», when the noun has one.
    pub locative: Option<&'static str>,
}

/// An adjective's (or participle's) paradigm: masculine, feminine, neuter and
/// plural, six forms each; the masculine and plural accusative are those
/// that go with an inanimate noun.
#[derive(Debug)]
pub(crate) struct Adjective {
    pub forms: [[&'static str; 6]; 4],
}

/// Where an adjective's nominative form points: which of its four columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    /// A singular form of a gender.
    Singular(Gender),
    /// The plural.
    Plural,
}

impl Slot {
    /// The column of [`Adjective::forms`].
    pub fn column(self) -> usize {
        match self {
            Slot::Singular(Gender::Masculine) => 0,
            Slot::Singular(Gender::Feminine) => 1,
            Slot::Singular(Gender::Neuter) => 2,
            Slot::Plural => 3,
        }
    }
}

/// The dictionary with its nominative forms indexed.
pub(crate) struct Lexicon {
    pub nouns: Vec<Noun>,
    pub adjectives: Vec<Adjective>,
    noun_index: HashMap<Cow<'static, str>, Vec<(usize, Number)>>,
    adjective_index: HashMap<Cow<'static, str>, Vec<(usize, Slot)>>,
    /// Every form of every word, to tell an oblique form («библиотекой»)
    /// from an unknown nominative.
    all_forms: HashSet<Cow<'static, str>>,
}

/// Lower case with «ё» written «е», as the index keys are.
pub(crate) fn key(word: &str) -> String {
    word.to_lowercase().replace('ё', "е")
}

/// [`key`] for the dictionary's own forms, which are in small letters:
/// borrowed unless they hold a «ё».
fn data_key(form: &'static str) -> Cow<'static, str> {
    if form.contains('ё') {
        Cow::Owned(form.replace('ё', "е"))
    } else {
        Cow::Borrowed(form)
    }
}

fn six(field: &'static str) -> Option<[&'static str; 6]> {
    let forms: Vec<&'static str> = field.split(',').collect();
    forms.try_into().ok()
}

impl Lexicon {
    fn parse(data: &'static str) -> Lexicon {
        let mut lexicon = Lexicon {
            nouns: Vec::new(),
            adjectives: Vec::new(),
            noun_index: HashMap::new(),
            adjective_index: HashMap::new(),
            all_forms: HashSet::new(),
        };
        for line in data.lines().filter(|l| !l.starts_with('#')) {
            let fields: Vec<&'static str> = line.split('\t').collect();
            match fields.as_slice() {
                ["N", _, gender, animacy, singular, plural, rest @ ..] => {
                    let (Some(singular), Some(plural)) = (six(singular), six(plural)) else {
                        continue;
                    };
                    let gender = match *gender {
                        "f" => Gender::Feminine,
                        "n" => Gender::Neuter,
                        _ => Gender::Masculine,
                    };
                    lexicon
                        .all_forms
                        .extend(singular.iter().chain(&plural).map(|f| data_key(f)));
                    let i = lexicon.nouns.len();
                    lexicon.nouns.push(Noun {
                        gender,
                        animate: *animacy == "a",
                        singular,
                        plural,
                        locative: rest.first().filter(|l| **l != "-").copied(),
                    });
                    lexicon
                        .noun_index
                        .entry(data_key(singular[0]))
                        .or_default()
                        .push((i, Number::Singular));
                    let others = rest.get(1).filter(|o| **o != "-").map(|o| o.split(','));
                    for form in std::iter::once(plural[0]).chain(others.into_iter().flatten()) {
                        if data_key(form) != data_key(singular[0]) {
                            lexicon
                                .noun_index
                                .entry(data_key(form))
                                .or_default()
                                .push((i, Number::Plural));
                        }
                    }
                }
                ["A", _, m, f, n, pl] => {
                    let (Some(m), Some(f), Some(n), Some(pl)) = (six(m), six(f), six(n), six(pl))
                    else {
                        continue;
                    };
                    lexicon
                        .all_forms
                        .extend([m, f, n, pl].iter().flatten().map(|f| data_key(f)));
                    let i = lexicon.adjectives.len();
                    lexicon.adjectives.push(Adjective {
                        forms: [m, f, n, pl],
                    });
                    for (form, slot) in [
                        (m[0], Slot::Singular(Gender::Masculine)),
                        (f[0], Slot::Singular(Gender::Feminine)),
                        (n[0], Slot::Singular(Gender::Neuter)),
                        (pl[0], Slot::Plural),
                    ] {
                        lexicon
                            .adjective_index
                            .entry(data_key(form))
                            .or_default()
                            .push((i, slot));
                    }
                }
                _ => {}
            }
        }
        lexicon
    }

    /// The nouns whose nominative (singular or plural) is this word.
    pub fn nouns(&self, word: &str) -> &[(usize, Number)] {
        self.noun_index
            .get(key(word).as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The adjectives whose nominative in some gender or the plural is this word.
    pub fn adjectives(&self, word: &str) -> &[(usize, Slot)] {
        self.adjective_index
            .get(key(word).as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Whether the word is a form the dictionary knows, but not a nominative
    /// one: «библиотекой», «директора».
    pub fn is_oblique(&self, word: &str) -> bool {
        let k = key(word);
        self.all_forms.contains(k.as_str()) && !self.knows(&k)
    }

    /// Whether the dictionary knows the word as a nominative noun or adjective.
    pub fn knows(&self, word: &str) -> bool {
        !self.nouns(word).is_empty() || !self.adjectives(word).is_empty()
    }
}

/// The dictionary, parsed on first use.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(DATA));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generated_dictionary_reads_whole() {
        let lines = DATA.lines().filter(|l| !l.starts_with('#')).count();
        assert_eq!(LEXICON.nouns.len() + LEXICON.adjectives.len(), lines);
        let (i, number) = LEXICON.nouns("Заместитель")[0];
        assert_eq!(number, Number::Singular);
        let noun = &LEXICON.nouns[i];
        assert!(noun.animate);
        assert_eq!(noun.singular[4], "заместителем");
        assert_eq!(LEXICON.nouns("руководители")[0].1, Number::Plural);
        assert_eq!(
            LEXICON.nouns("учителя")[0].1,
            Number::Plural,
            "«учителя» beside «учители»"
        );
        assert!(
            LEXICON.knows("отчет"),
            "«ё» and «е» are one letter for lookup"
        );
        let (a, slot) = LEXICON.adjectives("средняя")[0];
        assert_eq!(slot, Slot::Singular(Gender::Feminine));
        assert_eq!(LEXICON.adjectives[a].forms[1][3], "среднюю");
    }
}
