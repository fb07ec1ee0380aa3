//! The house style of an organisation: how its documents write names, dates
//! of orders, the directive word, cited acts, free text and deadlines. Set
//! once under `style:` and overridden per order under `orders.<kind>.style`
//! (deadlines: the organisation's `style` only, as the roadmap is shared).

use serde::{Deserialize, Serialize};

use crate::model::roadmap::RoadmapSection;
use crate::{Deadline, NameStyle, Organization};

/// Whether a value is its type's default: such a section is not written back.
pub fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// The house style: every field optional, so an order's style overrides only
/// what it says ([`HouseStyle::over`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct HouseStyle {
    /// How running text names people: «Е.В. Шевчук», «Шевчук Е.В.» or in full.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub names: Option<Names>,
    /// The date in an order's requisites: «"19" ноября 2020 г.», «19.11.2020», «19 ноября 2020 г.».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_date: Option<DateStyle>,
    /// The directive word of an order: «ПРИКАЗЫВАЮ:», «ПРИКАЗЫВАЮ», «п р и к а з ы в а ю:».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub directive: Option<String>,
    /// How acts are cited: in a sentence, or as a dash list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acts: Option<Citing>,
    /// Free text as written («И. Ю.», «№181/1») or with the typography rules applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<TextStyle>,
    /// Academic years «2021/2022» or «2021–2022».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub academic_year: Option<AcademicYear>,
    /// Deadlines as written in the YAML (the default) or in one wording:
    /// «до 1.09.2021 г.» → «до 01.09.2021».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadlines: Option<DeadlineStyle>,
}

impl HouseStyle {
    /// This style over `base`: what this one says wins, the rest comes from `base`.
    pub fn over(&self, base: &HouseStyle) -> HouseStyle {
        HouseStyle {
            names: self.names.or(base.names),
            order_date: self.order_date.or(base.order_date),
            directive: self.directive.clone().or_else(|| base.directive.clone()),
            acts: self.acts.or(base.acts),
            text: self.text.or(base.text),
            academic_year: self.academic_year.or(base.academic_year),
            deadlines: self.deadlines.or(base.deadlines),
        }
    }

    /// The name style, «Е.В. Шевчук» unless said otherwise.
    pub fn name_style(&self) -> NameStyle {
        match self.names.unwrap_or_default() {
            Names::InitialsSurname => NameStyle::InitialsSurname,
            Names::SurnameInitials => NameStyle::SurnameInitials,
            Names::Full => NameStyle::Full,
        }
    }

    /// The directive word, «ПРИКАЗЫВАЮ:» unless said otherwise.
    pub fn directive_word(&self) -> String {
        match self.directive.as_deref().map(str::trim) {
            Some(d) if !d.is_empty() => d.to_string(),
            _ => "ПРИКАЗЫВАЮ:".to_string(),
        }
    }

    /// Whether free text keeps its spelling (no typography rules).
    pub fn keeps_text(&self) -> bool {
        self.text == Some(TextStyle::AsWritten)
    }

    /// An academic year in the house style: «2021/2022» or «2021–2022».
    pub fn academic_year(&self, first: i32) -> String {
        match self.academic_year.unwrap_or_default() {
            AcademicYear::Slash => format!("{first}/{}", first + 1),
            AcademicYear::Dash => format!("{first}–{}", first + 1),
        }
    }
}

/// How running text names people.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Names {
    /// «Е.В. Шевчук».
    #[default]
    InitialsSurname,
    /// «Шевчук Е.В.».
    SurnameInitials,
    /// «Шевчук Елена Викторовна».
    Full,
}

/// How the requisites of an order write its date.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum DateStyle {
    /// «"19" ноября 2020 г.» (with «ёлочки»: «19» ноября 2020 г.).
    #[default]
    Quoted,
    /// «19.11.2020».
    Numeric,
    /// «19 ноября 2020 г.».
    Long,
}

impl DateStyle {
    /// The date in this style.
    pub fn format(self, date: chrono::NaiveDate) -> String {
        match self {
            DateStyle::Quoted => crate::russian::date_quoted(date),
            DateStyle::Numeric => crate::russian::date_numeric(date),
            DateStyle::Long => crate::russian::date_long(date),
        }
    }
}

/// How a document cites acts.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Citing {
    /// In the sentence, in the case the sentence needs: «в соответствии с
    /// Федеральным законом от 29.12.2012 № 273-ФЗ «…»».
    #[default]
    Inline,
    /// A dash list in the nominative, dates in words: «— Указ Президента
    /// Российской Федерации от 2 марта 2018 года № 94 «…»;».
    List,
}

/// Free text as written or typeset.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum TextStyle {
    /// Non-breaking spaces after «№», initials joined: «Е.В.\u{a0}Шевчук».
    #[default]
    Typography,
    /// As written in the YAML: «И. Ю. Фамилия», «№181/1».
    AsWritten,
}

/// How an academic year is written.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum AcademicYear {
    /// «2021/2022».
    #[default]
    Slash,
    /// «2021–2022».
    Dash,
}

/// How deadlines are printed.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineStyle {
    /// As the YAML writes them: «IV квартал 2023 г.», «до 1.09.2021 г.».
    #[default]
    AsWritten,
    /// In one wording: «до 01.09.2021», «сентябрь 2021 г.», «2 раза в год»;
    /// what is not a recognised shape stays as written.
    Normalised,
}

/// Applies the organisation's deadline style: with `normalised`, every
/// deadline of the model prints its canonical wording.
pub fn apply_deadline_style(org: &mut Organization) {
    if org.style.deadlines != Some(DeadlineStyle::Normalised) {
        return;
    }
    let normalise = |d: &mut Option<Deadline>| {
        if let Some(taken) = d.take() {
            *d = Some(taken.normalise());
        }
    };
    if let Some(roadmap) = org.roadmap.as_mut() {
        normalise_roadmap(&mut roadmap.sections);
    }
    for pair in &mut org.participants.pairs {
        normalise(&mut pair.period);
        for task in &mut pair.plan {
            normalise(&mut task.deadline);
        }
    }
    if let Some(teachers) = org.teachers.as_mut() {
        for pair in &mut teachers.pairs {
            normalise(&mut pair.period);
            for activity in pair
                .programme
                .iter_mut()
                .flat_map(|p| p.activities.iter_mut())
            {
                normalise(&mut activity.deadline);
            }
        }
        for item in teachers.roadmap.iter_mut().flat_map(|r| r.items.iter_mut()) {
            normalise(&mut item.deadline);
        }
    }
}

/// Every deadline of the roadmap's items and steps in its canonical wording
/// (the roadmap shipped with nastavnik speaks canonically).
pub fn normalise_roadmap(sections: &mut [RoadmapSection]) {
    let normalise = |d: &mut Option<Deadline>| {
        if let Some(taken) = d.take() {
            *d = Some(taken.normalise());
        }
    };
    for item in sections.iter_mut().flat_map(|s| s.items.iter_mut()) {
        normalise(&mut item.deadline);
        for step in &mut item.steps {
            normalise(&mut step.deadline);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_order_style_overrides_only_what_it_says() {
        let org = HouseStyle {
            names: Some(Names::SurnameInitials),
            directive: Some("ПРИКАЗЫВАЮ".into()),
            ..Default::default()
        };
        let order = HouseStyle {
            order_date: Some(DateStyle::Numeric),
            ..Default::default()
        };
        let both = order.over(&org);
        assert_eq!(both.name_style(), NameStyle::SurnameInitials);
        assert_eq!(both.directive_word(), "ПРИКАЗЫВАЮ");
        assert_eq!(both.order_date, Some(DateStyle::Numeric));
        assert_eq!(HouseStyle::default().directive_word(), "ПРИКАЗЫВАЮ:");
        assert_eq!(HouseStyle::default().academic_year(2021), "2021/2022");
    }
}
