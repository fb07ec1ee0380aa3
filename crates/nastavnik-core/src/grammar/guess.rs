//! Forms of words the lexicon lacks, guessed from their endings: the
//! endings of Russian adjectives are regular; nouns follow their declension
//! type. Every guess says whether it is certain.

use super::lexicon::Slot;
use super::phrase::NounForms;
use super::{Gender, Number};

/// Letters after which «ы» is written «и» and unstressed «о» is written «е».
const VELAR: &[char] = &['к', 'г', 'х'];
const HUSHING: &[char] = &['ж', 'ш', 'ч', 'щ'];

/// An adjective (or participle) the dictionary lacks, by its nominative
/// ending: (slot, forms, whether the type is ambiguous). The endings of
/// Russian adjectives are regular, so only «-шая»/«-жая» and the like, which
/// may be stressed («большая») or not («хорошая»), are uncertain.
pub(super) fn guess_adjective(word: &str) -> Option<(Slot, [[String; 6]; 4], bool)> {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 4 {
        return None;
    }
    let n = chars.len();
    let ending: String = chars[n - 2..].iter().collect();
    let stem: String = chars[..n - 2].iter().collect();
    let before = chars[n - 3];
    let slot = match ending.as_str() {
        "ый" | "ий" | "ой" => Slot::Singular(Gender::Masculine),
        "ая" | "яя" => Slot::Singular(Gender::Feminine),
        "ое" | "ее" => Slot::Singular(Gender::Neuter),
        "ые" => Slot::Plural,
        "ие" if VELAR.contains(&before) || HUSHING.contains(&before) => Slot::Plural,
        _ => return None,
    };
    let velar = VELAR.contains(&before);
    let hushing = HUSHING.contains(&before);
    // «-ой» and «-ое» after a hushing letter are stressed: «большой», «большое».
    let stressed = ending == "ой" || (ending == "ое" && hushing);
    let soft = match ending.as_str() {
        "яя" => true,
        "ий" | "ее" => !velar && !hushing,
        _ => false,
    };
    let o = if soft || (hushing && !stressed) {
        "е"
    } else {
        "о"
    };
    let y = if soft || velar || hushing { "и" } else { "ы" };
    // «хорошая» (-ей) or «большая» (-ой): the stress decides, and it is unknown.
    let ambiguous = hushing && matches!(ending.as_str(), "ая" | "ие");
    let m_nom = if stressed {
        "ой".to_string()
    } else {
        format!("{y}й")
    };
    let (f_nom, f_acc) = if soft {
        ("яя", "юю")
    } else {
        ("ая", "ую")
    };
    let m = [
        m_nom.clone(),
        format!("{o}го"),
        format!("{o}му"),
        m_nom,
        format!("{y}м"),
        format!("{o}м"),
    ];
    let f = [
        f_nom.to_string(),
        format!("{o}й"),
        format!("{o}й"),
        f_acc.to_string(),
        format!("{o}й"),
        format!("{o}й"),
    ];
    let n_nom = format!("{o}е");
    let neuter = [
        n_nom.clone(),
        format!("{o}го"),
        format!("{o}му"),
        n_nom,
        format!("{y}м"),
        format!("{o}м"),
    ];
    let pl = [
        format!("{y}е"),
        format!("{y}х"),
        format!("{y}м"),
        format!("{y}е"),
        format!("{y}ми"),
        format!("{y}х"),
    ];
    let add = |col: [String; 6]| col.map(|e| format!("{stem}{e}"));
    Some((slot, [add(m), add(f), add(neuter), add(pl)], ambiguous))
}

/// A noun the dictionary lacks, by its ending; with modifiers before it, the
/// gender they show wins. Always a guess.
pub(super) fn guess_noun(
    word: &str,
    modifiers: Option<Slot>,
) -> Option<(Gender, Number, bool, NounForms)> {
    let chars: Vec<char> = word.chars().collect();
    let last = *chars.last()?;
    let n = chars.len();
    let stem = |k: usize| chars[..n - k].iter().collect::<String>();
    let before = if n >= 2 { chars[n - 2] } else { ' ' };
    let person_like = ["ист", "лог", "тор", "ник", "тель", "ант", "ент", "ер", "ец"]
        .iter()
        .any(|s| word.ends_with(s));
    let i_or_y = |c: char| {
        if VELAR.contains(&c) || HUSHING.contains(&c) {
            "и"
        } else {
            "ы"
        }
    };
    let make = |s: &str, sg: [&str; 6], pl: [&str; 6]| NounForms {
        singular: sg.map(|e| format!("{s}{e}")),
        plural: pl.map(|e| format!("{s}{e}")),
        locative: None,
    };
    let plural_modifier = modifiers == Some(Slot::Plural);
    if plural_modifier {
        return None;
    }
    let feminine_modifier = modifiers == Some(Slot::Singular(Gender::Feminine));
    Some(match last {
        'а' => {
            let s = stem(1);
            let y = i_or_y(before);
            (
                Gender::Feminine,
                Number::Singular,
                false,
                make(
                    &s,
                    ["а", y, "е", "у", "ой", "е"],
                    [y, "", "ам", y, "ами", "ах"],
                ),
            )
        }
        'я' if word.ends_with("ия") => {
            let s = stem(2);
            (
                Gender::Feminine,
                Number::Singular,
                false,
                make(
                    &s,
                    ["ия", "ии", "ии", "ию", "ией", "ии"],
                    ["ии", "ий", "иям", "ии", "иями", "иях"],
                ),
            )
        }
        'я' => {
            let s = stem(1);
            (
                Gender::Feminine,
                Number::Singular,
                false,
                make(
                    &s,
                    ["я", "и", "е", "ю", "ей", "е"],
                    ["и", "ь", "ям", "и", "ями", "ях"],
                ),
            )
        }
        'о' => {
            let s = stem(1);
            (
                Gender::Neuter,
                Number::Singular,
                false,
                make(
                    &s,
                    ["о", "а", "у", "о", "ом", "е"],
                    ["а", "", "ам", "а", "ами", "ах"],
                ),
            )
        }
        'е' if word.ends_with("ие") => {
            let s = stem(2);
            (
                Gender::Neuter,
                Number::Singular,
                false,
                make(
                    &s,
                    ["ие", "ия", "ию", "ие", "ием", "ии"],
                    ["ия", "ий", "иям", "ия", "иями", "иях"],
                ),
            )
        }
        'е' => {
            let s = stem(1);
            (
                Gender::Neuter,
                Number::Singular,
                false,
                make(
                    &s,
                    ["е", "я", "ю", "е", "ем", "е"],
                    ["я", "ей", "ям", "я", "ями", "ях"],
                ),
            )
        }
        'ь' if feminine_modifier || word.ends_with("сть") || word.ends_with("знь") => {
            let s = stem(1);
            (
                Gender::Feminine,
                Number::Singular,
                false,
                make(
                    &s,
                    ["ь", "и", "и", "ь", "ью", "и"],
                    ["и", "ей", "ям", "и", "ями", "ях"],
                ),
            )
        }
        'ь' => {
            let s = stem(1);
            let acc = if person_like { "я" } else { "ь" };
            let acc_pl = if person_like { "ей" } else { "и" };
            (
                Gender::Masculine,
                Number::Singular,
                person_like,
                make(
                    &s,
                    ["ь", "я", "ю", acc, "ем", "е"],
                    ["и", "ей", "ям", acc_pl, "ями", "ях"],
                ),
            )
        }
        'й' if word.ends_with("ий") => {
            let s = stem(2);
            (
                Gender::Masculine,
                Number::Singular,
                false,
                make(
                    &s,
                    ["ий", "ия", "ию", "ий", "ием", "ии"],
                    ["ии", "иев", "иям", "ии", "иями", "иях"],
                ),
            )
        }
        'й' => {
            let s = stem(1);
            (
                Gender::Masculine,
                Number::Singular,
                false,
                make(
                    &s,
                    ["й", "я", "ю", "й", "ем", "е"],
                    ["и", "ев", "ям", "и", "ями", "ях"],
                ),
            )
        }
        c if c.is_alphabetic() && !"еёиоуыэюяъ".contains(c) => {
            let s = word.to_string();
            let y = i_or_y(c);
            let acc = if person_like { "а" } else { "" };
            let gen_pl = if HUSHING.contains(&c) { "ей" } else { "ов" };
            let acc_pl = if person_like { gen_pl } else { y };
            (
                Gender::Masculine,
                Number::Singular,
                person_like,
                make(
                    &s,
                    ["", "а", "у", acc, "ом", "е"],
                    [y, gen_pl, "ам", acc_pl, "ами", "ах"],
                ),
            )
        }
        // Indeclinable: «-и», «-у», «-ю», «-э».
        _ => {
            let all = [""; 6];
            (
                if feminine_modifier {
                    Gender::Feminine
                } else {
                    Gender::Neuter
                },
                Number::Singular,
                false,
                make(word, all, all),
            )
        }
    })
}
