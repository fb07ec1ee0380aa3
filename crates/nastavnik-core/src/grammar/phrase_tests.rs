//! Tests of the module beside this file.

use super::*;

#[test]
fn only_the_first_parenthesis_is_an_apposition() {
    assert_eq!(
        g(
            "План мероприятий (дорожная карта) внедрения методологии (целевой модели) наставничества",
            Case::Accusative
        ),
        "План мероприятий (дорожную карту) внедрения методологии (целевой модели) наставничества"
    );
}

fn g(text: &str, case: Case) -> String {
    inflect_phrase(text, case).text
}

#[test]
fn positions_decline_their_head_only() {
    let p = "заместитель директора по учебно-воспитательной работе";
    assert_eq!(
        g(p, Case::Dative),
        "заместителю директора по учебно-воспитательной работе"
    );
    assert_eq!(g("педагог-психолог", Case::Genitive), "педагога-психолога");
    assert_eq!(
        g("Педагог-психолог", Case::Instrumental),
        "Педагогом-психологом"
    );
    assert_eq!(g("мастер-класс", Case::Genitive), "мастер-класса");
}

#[test]
fn adjectives_agree_with_animate_and_plural_heads() {
    assert_eq!(
        g("классные руководители", Case::Accusative),
        "классных руководителей"
    );
    assert_eq!(g("актовый зал", Case::Accusative), "актовый зал");
    assert_eq!(g("актовый зал", Case::Prepositional), "актовом зале");
    assert_eq!(
        g("старший воспитатель", Case::Accusative),
        "старшего воспитателя"
    );
    assert_eq!(
        g("заведующий хозяйством", Case::Dative),
        "заведующему хозяйством"
    );
    assert_eq!(
        g("исполняющий обязанности директора", Case::Accusative),
        "исполняющего обязанности директора"
    );
    assert_eq!(
        g("заведующая библиотекой", Case::Instrumental),
        "заведующей библиотекой"
    );
}

#[test]
fn capitals_and_yo_are_kept() {
    assert_eq!(g("ДОРОЖНАЯ КАРТА", Case::Accusative), "ДОРОЖНУЮ КАРТУ");
    assert_eq!(g("Отчёт", Case::Genitive), "Отчёта");
    assert_eq!(g("Отчет", Case::Genitive), "Отчета");
    assert_eq!(restore("IT-куб", "it-куба"), "IT-куба");
    assert_eq!(
        restore("Ханты-Мансийский", "ханты-мансийского"),
        "Ханты-Мансийского"
    );
}

#[test]
fn unknown_words_are_reported() {
    let r = inflect_phrase("Хрюмзель", Case::Genitive);
    assert!(!r.confident);
    assert_eq!(r.guessed, vec!["Хрюмзель".to_string()]);
    let r = inflect_phrase("Костромская область", Case::Genitive);
    assert_eq!(r.text, "Костромской области");
    assert!(
        r.confident,
        "a regular adjective ending is a rule, not a guess"
    );
}

#[test]
fn guessed_adjectives_follow_spelling_rules() {
    let forms = |w: &str| guess_adjective(w).unwrap().1;
    assert_eq!(forms("шарьинский")[0][1], "шарьинского");
    assert_eq!(forms("шарьинский")[3][4], "шарьинскими");
    assert_eq!(forms("синий")[1][3], "синюю");
    assert_eq!(forms("синий")[0][4], "синим");
    assert_eq!(forms("ломоносовский")[2][5], "ломоносовском");
    assert_eq!(forms("городской")[0][1], "городского");
    assert_eq!(forms("городской")[3][0], "городские");
    assert_eq!(forms("тверская")[1][1], "тверской");
    assert_eq!(forms("новый")[1][3], "новую");
    assert_eq!(forms("общий")[0][5], "общем");
    assert!(guess_adjective("положение").is_none());
}

#[test]
fn tokens_rejoin_to_the_text() {
    let text = "Детский сад № 3 «Солнышко» (филиал)";
    let joined: String = tokenize(text).into_iter().map(|t| t.text).collect();
    assert_eq!(joined, text);
}

#[test]
fn abbreviations() {
    assert!(is_abbreviation("МБОУ"));
    assert!(is_abbreviation("ЦМН"));
    assert!(!is_abbreviation("ПОЛОЖЕНИЕ"));
    assert!(!is_abbreviation("Лицей"));
    assert_eq!(agreement("СОШ № 1").gender, Gender::Feminine);
    assert_eq!(agreement("ЦМН").gender, Gender::Masculine);
}
