//! Grammar in templates: filters that put names, positions, organisations
//! and titles in a case, and participles that agree with them.
//!
//! | filter | on | gives |
//! |---|---|---|
//! | `case("genitive")` | a string (position, organisation, title) | the phrase in the case: «Гимназии № 5» |
//! | `case("accusative", style="surname_initials")` | a person (`head`, `curator`) | the name in the case and style (`initials_surname` by default, `surname_initials`, `full`): «О.И. Сидорову» |
//! | `locative` | a string | the form after «в»: «Гимназии № 5», «актовом зале», «Детском саду № 3» |
//! | `approved`, `accepted` | a title or a person | the stamp's participle in capitals: УТВЕРЖДЕНА, ПРИНЯТО |
//! | `appointed` | a person or a title | «назначенный», «назначенная» |
//! | `lower_first` | a string | the first letter small, unless the first word is an abbreviation |
//! | `upper_first` | a string | the first letter capital |
//!
//! Case names: `nominative`, `genitive`, `dative`, `accusative`,
//! `instrumental`, `prepositional` (or `locative`), English or Russian.
//! Forms written in the YAML (`forms`, `position_forms`, `short_name_forms`,
//! `position_accusative`, `name_genitive`) win over the dictionary: the
//! context carries them in `grammar_forms`, by the nominative text.
//! Every filter returns a plain string, which the Markdown formatter escapes.

use std::collections::BTreeMap;

use minijinja::value::{Kwargs, Value};
use minijinja::{Environment, Error, ErrorKind, State};
use nastavnik_core::grammar::{
    self, participle, phrase_agreement, Case, Forms, Gender, Number, Participle,
};
use nastavnik_core::model::organization::locative_with;
use nastavnik_core::{NameStyle, Organization, Person, Sex};

/// The context variable holding the explicit forms, by nominative text.
pub const FORMS_VARIABLE: &str = "grammar_forms";

/// Registers the grammar filters.
pub fn register(env: &mut Environment<'_>) {
    env.add_filter("case", case_filter);
    env.add_filter(
        "locative",
        |state: &State, value: Value| -> Result<String, Error> {
            let text = value.to_string();
            Ok(locative_with(forms_of(state, &text).as_ref(), &text).text)
        },
    );
    env.add_filter("approved", |v: Value| agree(&v, Participle::Approved, true));
    env.add_filter("accepted", |v: Value| agree(&v, Participle::Accepted, true));
    env.add_filter("appointed", |v: Value| {
        agree(&v, Participle::Appointed, false)
    });
    env.add_filter("lower_first", |v: String| lower_first(&v));
    env.add_filter("upper_first", |v: String| upper_first(&v));
}

/// The first letter small, unless the first word is an abbreviation
/// («МБОУ», «ЦМН») or a single capital letter: «Директор» → «директор».
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let second = chars.clone().next();
    if second.is_some_and(|c| c.is_uppercase()) {
        return text.to_string();
    }
    first.to_lowercase().chain(chars).collect()
}

/// One period where a name in the style «Орлов И.Ю.» ends a sentence:
/// «Орлова И.Ю..» → «Орлова И.Ю.»; an ellipsis «...» stays.
pub fn single_period(text: &str) -> String {
    if !text.contains("..") {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|c| **c == '.').count();
        if run == 2 {
            out.push('.');
            i += 2;
        } else if run > 0 {
            out.extend(&chars[i..i + run]);
            i += run;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// The first letter capital: «объявить благодарность» → «Объявить благодарность».
pub fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn bad(message: String) -> Error {
    Error::new(ErrorKind::InvalidOperation, message)
}

fn case_filter(state: &State, value: Value, case: String, kwargs: Kwargs) -> Result<String, Error> {
    let case = Case::from_name(&case).ok_or_else(|| {
        bad(format!(
            "case: неизвестный падеж «{case}»; пишите genitive, dative, accusative, instrumental, prepositional (или locative)"
        ))
    })?;
    let style: Option<String> = kwargs.get("style")?;
    kwargs.assert_all_used()?;
    if let Some(person) = person_of(&value) {
        // The house style (`house.names`) unless the template says.
        let style = style.or_else(|| {
            state
                .lookup("house")
                .and_then(|h| h.get_attr("names").ok())
                .and_then(|n| n.as_str().map(str::to_string))
        });
        let style = match style.as_deref() {
            None => NameStyle::InitialsSurname,
            Some(s) => NameStyle::from_name(s).ok_or_else(|| {
                bad(format!(
                    "case: неизвестный стиль имени «{s}»; пишите initials_surname, surname_initials или full"
                ))
            })?,
        };
        return Ok(person.styled(case, style));
    }
    let text = value.to_string();
    Ok(grammar::inflect_with(forms_of(state, &text).as_ref(), &text, case).text)
}

fn agree(value: &Value, which: Participle, upper: bool) -> Result<String, Error> {
    let (gender, number) = match person_of(value) {
        Some(p) => (p.gender().unwrap_or(Gender::Masculine), Number::Singular),
        None => phrase_agreement(&value.to_string()),
    };
    Ok(participle(which, gender, number, upper))
}

fn text_attr(value: &Value, name: &str) -> Option<String> {
    value
        .get_attr(name)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
}

fn forms_value(value: &Value) -> Option<Forms> {
    if value.is_undefined() || value.is_none() {
        return None;
    }
    let get = |case: &str| text_attr(value, case);
    Some(Forms {
        genitive: get("genitive"),
        dative: get("dative"),
        accusative: get("accusative"),
        instrumental: get("instrumental"),
        prepositional: get("prepositional"),
    })
}

/// A person view (a map with `surname`) read back into a person.
fn person_of(value: &Value) -> Option<Person> {
    let surname = text_attr(value, "surname")?;
    Some(Person {
        surname,
        name: text_attr(value, "name").unwrap_or_default(),
        patronymic: text_attr(value, "patronymic").unwrap_or_default(),
        gender: match text_attr(value, "gender").as_deref() {
            Some("male") => Some(Sex::Male),
            Some("female") => Some(Sex::Female),
            _ => None,
        },
        forms: value.get_attr("forms").ok().and_then(|f| forms_value(&f)),
        ..Person::default()
    })
}

fn forms_of(state: &State, text: &str) -> Option<Forms> {
    let table = state.lookup(FORMS_VARIABLE)?;
    let forms = table.get_item(&Value::from(text.trim())).ok()?;
    forms_value(&forms)
}

/// The explicit forms the YAML gives, by the nominative text they belong to:
/// positions, the organisation's names and the territory.
pub fn explicit_forms(org: &Organization) -> BTreeMap<String, Forms> {
    let mut table: BTreeMap<String, Forms> = BTreeMap::new();
    let mut add = |text: &str, forms: Forms| {
        let text = text.trim();
        if text.is_empty() || forms == Forms::default() {
            return;
        }
        let entry = table.entry(text.to_string()).or_default();
        for case in Case::ALL {
            if let Some(form) = forms.get(case) {
                let slot = match case {
                    Case::Genitive => &mut entry.genitive,
                    Case::Dative => &mut entry.dative,
                    Case::Accusative => &mut entry.accusative,
                    Case::Instrumental => &mut entry.instrumental,
                    Case::Prepositional => &mut entry.prepositional,
                    Case::Nominative => continue,
                };
                slot.get_or_insert_with(|| form.to_string());
            }
        }
    };
    for p in std::iter::once(&org.head).chain(org.people.values()) {
        let mut forms = p.position_forms.clone().unwrap_or_default();
        if !p.position_accusative.trim().is_empty() {
            forms.accusative = Some(p.position_accusative.trim().to_string());
        }
        add(&p.position, forms);
    }
    if let Some(short) = &org.short_name {
        add(short, org.short_name_forms.clone().unwrap_or_default());
    }
    let mut name_forms = org.name_forms.clone().unwrap_or_default();
    if let Some(g) = org
        .name_genitive
        .as_deref()
        .filter(|g| !g.trim().is_empty())
    {
        name_forms.genitive = Some(g.trim().to_string());
    }
    add(&org.name, name_forms);
    if let Some(t) = &org.territory {
        add(&t.name, t.forms.clone().unwrap_or_default());
    }
    table
}

/// A person with the position before the name, in a case:
/// «заместителя директора О.И. Сидорову»; `role` replaces the position.
pub fn position_and_name(p: &Person, role: Option<&str>, case: Case) -> String {
    let position = match role {
        Some(role) => grammar::inflect_phrase(role.trim(), case).text,
        None => p.position_in(case).text,
    };
    let name = p.styled(case, NameStyle::InitialsSurname);
    let position = lower_first(position.trim());
    if position.is_empty() {
        name
    } else {
        format!("{position} {name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_ending_a_sentence_has_one_period() {
        assert_eq!(single_period("работе Орлова И.Ю.."), "работе Орлова И.Ю.");
        assert_eq!(single_period("и т. д..."), "и т. д...");
    }

    #[test]
    fn lower_first_keeps_abbreviations() {
        assert_eq!(lower_first("Директор"), "директор");
        assert_eq!(lower_first("МБОУ СОШ № 7"), "МБОУ СОШ № 7");
        assert_eq!(lower_first(""), "");
        assert_eq!(upper_first("объявить"), "Объявить");
    }

    fn render(template: &str, ctx: minijinja::Value) -> Result<String, Error> {
        let mut env = Environment::new();
        register(&mut env);
        env.render_str(template, ctx)
    }

    #[test]
    fn filters_decline_people_phrases_and_agree() {
        let curator = minijinja::Value::from_serialize(crate::documents::context::PersonView::new(
            &Person::new("Сидорова", "Ольга", "Ивановна"),
        ));
        let ctx = minijinja::context! {
            curator => curator,
            short => "Гимназия № 5",
            title => "Дорожная карта по реализации программы",
            grammar_forms => minijinja::Value::from_serialize(std::collections::BTreeMap::from([(
                "Лицей № 2",
                Forms { genitive: Some("Лицея номер два".into()), ..Forms::default() },
            )])),
        };
        let t = |s: &str| render(s, ctx.clone()).unwrap();
        assert_eq!(
            t("{{ curator | case('accusative') }}"),
            "О.И.\u{a0}Сидорову"
        );
        assert_eq!(
            t("{{ curator | case('dative', style='surname_initials') }}"),
            "Сидоровой\u{a0}О.И."
        );
        assert_eq!(
            t("{{ curator | case('dative', style='full') }}"),
            "Сидоровой Ольге Ивановне"
        );
        assert_eq!(
            t("{{ short | case('genitive') }} / {{ short | locative }}"),
            "Гимназии № 5 / Гимназии № 5"
        );
        assert_eq!(t("{{ 'Лицей № 2' | case('genitive') }}"), "Лицея номер два");
        assert_eq!(
            t("{{ title | case('accusative') | lower_first }}"),
            "дорожную карту по реализации программы"
        );
        assert_eq!(
            t("{{ title | approved }} {{ curator | appointed }}"),
            "УТВЕРЖДЕНА назначенная"
        );
        assert_eq!(t("{{ 'Положение' | accepted }}"), "ПРИНЯТО");
        let err = render("{{ short | case('vocative') }}", ctx.clone()).unwrap_err();
        assert!(
            err.to_string().contains("неизвестный падеж «vocative»"),
            "{err}"
        );
        let err = render("{{ curator | case('dative', style='fio') }}", ctx).unwrap_err();
        assert!(err.to_string().contains("неизвестный стиль имени"), "{err}");
    }

    #[test]
    fn a_person_with_a_position_in_the_accusative() {
        let p = Person::new("Сидорова", "Ольга", "Ивановна")
            .with_position("Заместитель директора по учебно-воспитательной работе");
        assert_eq!(
            position_and_name(&p, None, Case::Accusative),
            "заместителя директора по учебно-воспитательной работе О.И.\u{a0}Сидорову"
        );
    }
}
