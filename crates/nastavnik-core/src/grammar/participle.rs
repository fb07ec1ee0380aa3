//! Participles that agree with a document or a person: the approval stamp
//! «УТВЕРЖДЕНА» over «Дорожная карта», «назначенная» of a woman.

use super::{Gender, Number};

/// A participle documents use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Participle {
    /// «утверждён»: УТВЕРЖДЕНО / УТВЕРЖДЕНА / УТВЕРЖДЕН / УТВЕРЖДЕНЫ (short form).
    Approved,
    /// «принят»: ПРИНЯТО / ПРИНЯТА / ПРИНЯТ / ПРИНЯТЫ (short form).
    Accepted,
    /// «согласован»: СОГЛАСОВАНО / СОГЛАСОВАНА / СОГЛАСОВАН / СОГЛАСОВАНЫ (short form).
    Agreed,
    /// «назначенный»: назначенный / назначенная / назначенное / назначенные (full form).
    Appointed,
}

/// The participle agreeing in gender and number, in capitals when `upper`
/// (a stamp), else in small letters. Short forms are written with «е», as
/// stamps are: «УТВЕРЖДЕН».
///
/// ```
/// use nastavnik_core::grammar::{participle, phrase_agreement, Gender, Number, Participle};
/// let (g, n) = phrase_agreement("Дорожная карта");
/// assert_eq!(participle(Participle::Approved, g, n, true), "УТВЕРЖДЕНА");
/// assert_eq!(participle(Participle::Accepted, Gender::Neuter, Number::Singular, true), "ПРИНЯТО");
/// assert_eq!(participle(Participle::Appointed, Gender::Feminine, Number::Singular, false), "назначенная");
/// ```
pub fn participle(which: Participle, gender: Gender, number: Number, upper: bool) -> String {
    let (stem, endings): (&str, [&str; 4]) = match which {
        Participle::Approved => ("утвержден", ["", "а", "о", "ы"]),
        Participle::Accepted => ("принят", ["", "а", "о", "ы"]),
        Participle::Agreed => ("согласован", ["", "а", "о", "ы"]),
        Participle::Appointed => ("назначенн", ["ый", "ая", "ое", "ые"]),
    };
    let ending = match (number, gender) {
        (Number::Plural, _) => endings[3],
        (Number::Singular, Gender::Masculine) => endings[0],
        (Number::Singular, Gender::Feminine) => endings[1],
        (Number::Singular, Gender::Neuter) => endings[2],
    };
    let word = format!("{stem}{ending}");
    if upper {
        word.to_uppercase()
    } else {
        word
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_participle_in_every_gender_and_number() {
        let all = |p| {
            [
                participle(p, Gender::Neuter, Number::Singular, true),
                participle(p, Gender::Feminine, Number::Singular, true),
                participle(p, Gender::Masculine, Number::Singular, true),
                participle(p, Gender::Masculine, Number::Plural, true),
            ]
        };
        assert_eq!(
            all(Participle::Approved),
            ["УТВЕРЖДЕНО", "УТВЕРЖДЕНА", "УТВЕРЖДЕН", "УТВЕРЖДЕНЫ"]
        );
        assert_eq!(
            all(Participle::Accepted),
            ["ПРИНЯТО", "ПРИНЯТА", "ПРИНЯТ", "ПРИНЯТЫ"]
        );
        assert_eq!(
            all(Participle::Agreed),
            ["СОГЛАСОВАНО", "СОГЛАСОВАНА", "СОГЛАСОВАН", "СОГЛАСОВАНЫ"]
        );
        assert_eq!(
            participle(Participle::Appointed, Gender::Neuter, Number::Plural, false),
            "назначенные"
        );
        assert_eq!(
            participle(
                Participle::Appointed,
                Gender::Masculine,
                Number::Singular,
                false
            ),
            "назначенный"
        );
    }
}
