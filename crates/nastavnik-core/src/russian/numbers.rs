//! Numbers as an order writes a sum of money: digits grouped by thousands
//! with a no-break space, then the number in words in the genitive, as after
//! «в размере»: «5 000 (пяти тысяч) рублей».

use super::NBSP;

const UNITS_MASCULINE: [&str; 10] = [
    "",
    "одного",
    "двух",
    "трех",
    "четырех",
    "пяти",
    "шести",
    "семи",
    "восьми",
    "девяти",
];
const UNITS_FEMININE: [&str; 10] = [
    "",
    "одной",
    "двух",
    "трех",
    "четырех",
    "пяти",
    "шести",
    "семи",
    "восьми",
    "девяти",
];
const TEENS: [&str; 10] = [
    "десяти",
    "одиннадцати",
    "двенадцати",
    "тринадцати",
    "четырнадцати",
    "пятнадцати",
    "шестнадцати",
    "семнадцати",
    "восемнадцати",
    "девятнадцати",
];
const TENS: [&str; 10] = [
    "",
    "",
    "двадцати",
    "тридцати",
    "сорока",
    "пятидесяти",
    "шестидесяти",
    "семидесяти",
    "восьмидесяти",
    "девяноста",
];
const HUNDREDS: [&str; 10] = [
    "",
    "ста",
    "двухсот",
    "трехсот",
    "четырехсот",
    "пятисот",
    "шестисот",
    "семисот",
    "восьмисот",
    "девятисот",
];

/// Digits grouped by thousands with a no-break space: «1 000», «101 000».
///
/// ```
/// use nastavnik_core::russian::numbers::grouped;
/// assert_eq!(grouped(2500), "2\u{a0}500");
/// assert_eq!(grouped(999), "999");
/// ```
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(NBSP);
        }
        out.push(c);
    }
    out
}

/// Whether the last word of `n` in words is «один» (одного, одной): the noun
/// after it is then singular — «двадцати одного рубля», «пяти рублей».
fn ends_in_one(n: u64) -> bool {
    n % 10 == 1 && n % 100 != 11
}

/// One group of three digits in the genitive, in the gender of its noun.
fn triple(n: u64, feminine: bool, out: &mut Vec<&'static str>) {
    let units = if feminine {
        &UNITS_FEMININE
    } else {
        &UNITS_MASCULINE
    };
    let (h, rest) = ((n / 100) as usize, n % 100);
    if h > 0 {
        out.push(HUNDREDS[h]);
    }
    match rest {
        0 => {}
        10..=19 => out.push(TEENS[(rest - 10) as usize]),
        _ => {
            let (t, u) = ((rest / 10) as usize, (rest % 10) as usize);
            if t > 0 {
                out.push(TENS[t]);
            }
            if u > 0 {
                out.push(units[u]);
            }
        }
    }
}

/// A number in words in the genitive (masculine, as rubles count):
/// «пяти тысяч», «двадцати одного», «ста одной тысячи».
///
/// ```
/// use nastavnik_core::russian::numbers::genitive_words;
/// assert_eq!(genitive_words(2500), "двух тысяч пятисот");
/// assert_eq!(genitive_words(0), "нуля");
/// ```
pub fn genitive_words(n: u64) -> String {
    if n == 0 {
        return "нуля".into();
    }
    // (scale, feminine, singular, plural) in the genitive.
    const SCALES: [(u64, bool, &str, &str); 4] = [
        (1_000_000_000_000, false, "триллиона", "триллионов"),
        (1_000_000_000, false, "миллиарда", "миллиардов"),
        (1_000_000, false, "миллиона", "миллионов"),
        (1_000, true, "тысячи", "тысяч"),
    ];
    let mut words = Vec::new();
    let mut rest = n;
    for (scale, feminine, singular, plural) in SCALES {
        let count = rest / scale;
        rest %= scale;
        if count == 0 {
            continue;
        }
        // Above a trillion the count itself is large: say it in digits.
        if count >= 1000 {
            return grouped(n);
        }
        triple(count, feminine, &mut words);
        words.push(if ends_in_one(count) { singular } else { plural });
    }
    triple(rest, false, &mut words);
    words.join(" ")
}

/// A sum in rubles after «в размере»: «5 000 (пяти тысяч) рублей»,
/// «21 (двадцати одного) рубля».
///
/// ```
/// use nastavnik_core::russian::numbers::rubles_genitive;
/// assert_eq!(rubles_genitive(5000), "5\u{a0}000 (пяти тысяч) рублей");
/// ```
pub fn rubles_genitive(n: u64) -> String {
    let noun = if ends_in_one(n) {
        "рубля"
    } else {
        "рублей"
    };
    format!("{} ({}) {noun}", grouped(n), genitive_words(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_in_words_in_the_genitive() {
        let cases = [
            (1, "1 (одного) рубля"),
            (2, "2 (двух) рублей"),
            (5, "5 (пяти) рублей"),
            (11, "11 (одиннадцати) рублей"),
            (21, "21 (двадцати одного) рубля"),
            (1_000, "1 000 (одной тысячи) рублей"),
            (2_500, "2 500 (двух тысяч пятисот) рублей"),
            (10_000, "10 000 (десяти тысяч) рублей"),
            (101_000, "101 000 (ста одной тысячи) рублей"),
            (111_000, "111 000 (ста одиннадцати тысяч) рублей"),
            (21_001, "21 001 (двадцати одной тысячи одного) рубля"),
            (
                1_234_567,
                "1 234 567 (одного миллиона двухсот тридцати четырех тысяч пятисот шестидесяти семи) рублей",
            ),
            (40_090, "40 090 (сорока тысяч девяноста) рублей"),
        ];
        for (n, want) in cases {
            assert_eq!(rubles_genitive(n).replace(NBSP, " "), want, "{n}");
        }
        assert_eq!(grouped(1000), "1\u{a0}000");
    }
}
