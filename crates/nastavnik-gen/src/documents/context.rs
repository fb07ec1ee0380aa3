//! What templates see: the model with the wording rules already applied.

use nastavnik_core::catalogue::acts::{self, case_after, Cited};
use nastavnik_core::grammar::{Case, Forms};
use nastavnik_core::{
    Citing, HouseStyle, ImplementationOrder, NameStyle, Order, Organization, OrganizationKind,
    Person, Roadmap, Sex, Unit,
};
use serde::Serialize;

use super::DocumentKind;

/// The organisation as templates see it.
#[derive(Serialize)]
pub struct OrgView {
    /// `school` or `authority`.
    pub kind: &'static str,
    /// Full name.
    pub name: String,
    /// Short name.
    pub short: String,
    /// The name in the genitive, for «к приказу …»: `name_genitive` when
    /// written, else the short name's genitive, «Гимназии № 5».
    pub genitive: String,
    /// «в городском округе город Шарья», or «в Гимназии № 5».
    pub territory_locative: String,
    /// «городского округа город Шарья».
    pub territory_genitive: String,
}

impl OrgView {
    /// Builds the view.
    pub fn new(org: &Organization) -> Self {
        OrgView {
            kind: match org.kind {
                OrganizationKind::School => "school",
                OrganizationKind::Authority => "authority",
            },
            name: org.name.trim().to_string(),
            short: org.short().trim().to_string(),
            genitive: org.genitive(),
            territory_locative: org.territory_locative(),
            territory_genitive: org.territory_genitive(),
        }
    }
}

/// A person as templates see them: the name in the nominative in each
/// style, and what the `case` filter needs to decline it.
#[derive(Serialize)]
pub struct PersonView {
    /// «Е.В. Шевчук».
    pub initials_surname: String,
    /// «Шевчук Е.В.».
    pub surname_initials: String,
    /// «Шевчук Елена Викторовна».
    pub full: String,
    /// «заместитель директора».
    pub position: String,
    /// «заместителя директора»: written, or given by the grammar.
    pub position_accusative: String,
    /// Фамилия.
    pub surname: String,
    /// Имя или инициал.
    pub name: String,
    /// Отчество или инициал.
    pub patronymic: String,
    /// `male`, `female`, or none when the YAML does not say.
    pub gender: Option<&'static str>,
    /// Explicit forms of the surname.
    pub forms: Option<Forms>,
}

impl PersonView {
    /// Builds the view.
    pub fn new(p: &Person) -> Self {
        PersonView {
            initials_surname: p.initials_surname(),
            surname_initials: p.surname_initials(),
            full: p.full_name(),
            position: p.position.trim().to_string(),
            position_accusative: p.position_in(Case::Accusative).text.trim().to_string(),
            surname: p.surname.trim().to_string(),
            name: p.name.trim().to_string(),
            patronymic: p.patronymic.trim().to_string(),
            gender: p.gender.map(|s| match s {
                Sex::Male => "male",
                Sex::Female => "female",
            }),
            forms: p.forms.clone(),
        }
    }
}

/// An organisation named with its head.
#[derive(Serialize)]
pub struct UnitView {
    /// Its name.
    pub name: String,
    /// «Прокофьева Н.Ю.», or empty.
    pub head: String,
}

impl UnitView {
    fn new(u: &Unit) -> Self {
        UnitView {
            name: u.name.trim().to_string(),
            head: u
                .head
                .as_ref()
                .map(Person::surname_initials)
                .unwrap_or_default(),
        }
    }
}

/// The order as templates see it.
#[derive(Serialize)]
pub struct OrderView {
    /// Registration number.
    pub number: String,
    /// ISO date; format it with the date filters.
    pub date: String,
    /// The date as the requisites write it, in the house style:
    /// «19» ноября 2020 г., 19.11.2020 or 19 ноября 2020 г.
    pub requisites_date: String,
    /// The directive word of the house style (`style.directive`); none —
    /// the template's «ПРИКАЗЫВАЮ:».
    pub directive: Option<String>,
    /// A title given in YAML.
    pub title: Option<String>,
    /// The words opening the preamble: «В соответствии с», «На основании»;
    /// empty when the preamble cites no acts.
    pub lead: String,
    /// Whether the lead takes the instrumental («В соответствии с»), as the
    /// templates' own default acts are written.
    pub lead_instrumental: bool,
    /// Citations of the acts in the preamble (`cites`, then `basis`), in
    /// the case the lead governs; empty: the template's default.
    pub basis: Vec<String>,
    /// Р-145 in the case the lead governs: the preamble's act when the
    /// order cites none and the lead is not «В соответствии с».
    pub default_act: String,
    /// The purpose closing the preamble: none — the template's default;
    /// empty — no purpose.
    pub purpose: Option<String>,
    /// ISO start date.
    pub start: Option<String>,
    /// Organisations that introduce the model.
    pub implementers: Vec<UnitView>,
    /// The organisation that supports them.
    pub methodical_support: Option<UnitView>,
    /// ISO date for publishing on the website.
    pub publish_by: Option<String>,
    /// Further points as written.
    pub extra_points: Vec<String>,
}

fn iso(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

impl OrderView {
    /// Builds the view of an order of `org`.
    pub fn new(o: &ImplementationOrder, org: &Organization) -> Self {
        let style = o.style.over(&org.style);
        let lead = match o.lead.as_deref() {
            Some(lead) => lead.trim().to_string(),
            None => "В соответствии с".to_string(),
        };
        let case = case_after(&lead);
        let cited = acts::choose(Some(&o.cites), &[], &o.basis, None);
        OrderView {
            number: o.number.trim().to_string(),
            date: iso(o.date),
            requisites_date: style.order_date.unwrap_or_default().format(o.date),
            directive: style
                .directive
                .as_deref()
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map(str::to_string),
            title: o.title.clone(),
            lead_instrumental: case == Case::Instrumental,
            basis: if lead.is_empty() {
                Vec::new()
            } else {
                cited.iter().map(|c| c.inline(case)).collect()
            },
            default_act: acts::find("r-145")
                .map(|a| a.inline(case))
                .unwrap_or_default(),
            lead,
            purpose: o.purpose.as_ref().map(|p| p.trim().to_string()),
            start: o.start.map(iso),
            implementers: o.implementers.iter().map(UnitView::new).collect(),
            methodical_support: o.methodical_support.as_ref().map(UnitView::new),
            publish_by: o.publish_by.map(iso),
            extra_points: o.extra_points.clone(),
        }
    }
}

/// The order a kind of document is, if it is one.
fn order_of(org: &Organization, kind: DocumentKind) -> Option<&Order> {
    let o = &org.orders;
    match kind {
        DocumentKind::OrderImplementation => o.implementation.as_ref(),
        DocumentKind::OrderCurator => o.curator.as_ref(),
        DocumentKind::OrderPairs => o.pairs.as_ref(),
        DocumentKind::OrderRewards => o.rewards.as_ref(),
        DocumentKind::OrderFinalEvent => o.final_event.as_ref(),
        DocumentKind::OrderProvision => o.provision.as_ref(),
        DocumentKind::OrderProgramme => o.programme.as_ref(),
        _ => None,
    }
}

/// The house style of a document: its order's `style` over the organisation's.
pub fn house_style(org: &Organization, kind: DocumentKind) -> HouseStyle {
    match order_of(org, kind) {
        Some(order) => order.style.over(&org.style),
        None => org.style.clone(),
    }
}

/// The house style as templates see it (`house`): the case filter names
/// people in `names` unless a template says otherwise.
#[derive(Serialize)]
pub struct HouseView {
    /// `initials_surname`, `surname_initials` or `full`.
    pub names: &'static str,
    /// `inline` or `list`: how acts are cited.
    pub acts: &'static str,
    /// Whether free text is printed as written.
    pub text_as_written: bool,
}

impl HouseView {
    /// Builds the view.
    pub fn new(style: &HouseStyle) -> Self {
        HouseView {
            names: match style.name_style() {
                NameStyle::InitialsSurname => "initials_surname",
                NameStyle::SurnameInitials => "surname_initials",
                NameStyle::Full => "full",
            },
            acts: match style.acts.unwrap_or_default() {
                Citing::Inline => "inline",
                Citing::List => "list",
            },
            text_as_written: style.keeps_text(),
        }
    }
}

/// A period as the house style writes it: «2021/2022 учебный год» or
/// «2021–2022 учебный год».
pub fn period_in_style(period: &nastavnik_core::Period, style: &HouseStyle) -> String {
    if period.academic {
        let first = period.first_year();
        format!("{} учебный год", style.academic_year(first))
    } else {
        period.describe()
    }
}

/// The acts a положение or a программа cites (`acts`): in force on its
/// date, in the instrumental for «в соответствии с …» and in the nominative
/// with the date in words for a dash list.
#[derive(Serialize, Default)]
pub struct ActsView {
    /// `inline` or `list`.
    pub style: &'static str,
    /// «Федеральным законом от 29.12.2012 № 273-ФЗ «…»», …
    pub inline: Vec<String>,
    /// «Федеральный закон от 29 декабря 2012 года № 273-ФЗ «…»», …
    pub listed: Vec<String>,
}

impl ActsView {
    /// The acts `kind` cites: the organisation's choice (`acts.cite`) or the
    /// document's default, then `acts.regional`, then the acts of the order
    /// approving it (`orders.provision` / `orders.programme`: `cites`
    /// replaces the choice, `basis` is added); the положение falls back on
    /// the implementation order's `basis`.
    pub fn new(org: &Organization, kind: DocumentKind) -> Self {
        let o = &org.orders;
        let (approving, defaults) = match kind {
            DocumentKind::Provision => (o.provision.as_ref(), acts::PROVISION_DEFAULT),
            DocumentKind::Programme => (o.programme.as_ref(), acts::PROGRAMME_DEFAULT),
            _ => {
                return ActsView {
                    style: "inline",
                    ..ActsView::default()
                }
            }
        };
        // The document's date: its approving order's, the implementation
        // order's, or the council's that adopted it; undated, it cites what
        // is in force today.
        let date = approving
            .or(o.implementation.as_ref())
            .map(|x| x.date)
            .or(org.council.as_ref().map(|c| c.date));
        let chosen = match approving.filter(|a| !a.cites.is_empty()) {
            Some(a) => Some(&a.cites[..]),
            None => org.acts.cite.as_deref(),
        };
        let order_basis = match approving.filter(|a| !a.basis.is_empty()) {
            Some(a) => &a.basis[..],
            None if kind == DocumentKind::Provision => o
                .implementation
                .as_ref()
                .map(|i| &i.basis[..])
                .unwrap_or_default(),
            None => &[],
        };
        let cited: Vec<Cited> = acts::choose(
            chosen,
            defaults,
            org.acts.regional.iter().chain(order_basis),
            date,
        );
        let style = house_style(org, kind);
        ActsView {
            style: match style.acts.unwrap_or_default() {
                Citing::Inline => "inline",
                Citing::List => "list",
            },
            inline: cited.iter().map(|c| c.inline(Case::Instrumental)).collect(),
            listed: cited.iter().map(Cited::listed).collect(),
        }
    }
}

/// The roadmap's names as templates see them.
#[derive(Serialize)]
pub struct RoadmapView {
    /// `sections`, `stages` or `strategies`.
    pub layout: &'static str,
    /// Lines of the annex mark of a standalone roadmap.
    pub mark: Vec<String>,
    /// Whether the YAML gives the standalone roadmap's approvals (`roadmap.approvals`).
    pub approvals: bool,
    /// «План мероприятий (дорожная карта) …».
    pub title: String,
    /// «плана мероприятий (дорожной карты) …» for «реализации …».
    pub genitive: String,
    /// The headers of the table's columns, from the data (one per column).
    pub headers: Vec<String>,
}

impl RoadmapView {
    /// Builds the view.
    pub fn new(r: &Roadmap) -> Self {
        let genitive = crate::grammar_filters::lower_first(
            &nastavnik_core::grammar::inflect_phrase(&r.title(), Case::Genitive).text,
        );
        let layout = match r.layout() {
            nastavnik_core::RoadmapLayout::Sections => "sections",
            nastavnik_core::RoadmapLayout::Stages => "stages",
            nastavnik_core::RoadmapLayout::Strategies => "strategies",
        };
        RoadmapView {
            layout,
            mark: r.mark.clone(),
            approvals: !r.approvals.is_empty(),
            title: r.title(),
            genitive,
            headers: crate::documents::roadmap_table::roadmap_headers(r),
        }
    }
}

/// What each variable a template receives means, in Russian, by its path
/// (`order.basis`; `pairs[].mentor` for the items of a list).
const DESCRIPTIONS: &[(&str, &str)] = &[
    ("org", "организация"),
    (
        "org.kind",
        "вид: school (школа) или authority (орган управления образованием)",
    ),
    ("org.name", "полное наименование"),
    (
        "org.short",
        "краткое наименование; в предложении — через фильтры case и locative",
    ),
    ("org.genitive", "наименование для «к приказу …»"),
    (
        "org.territory_locative",
        "«в городском округе …» или «в Гимназии № 5»",
    ),
    ("org.territory_genitive", "«городского округа …»"),
    (
        "head",
        "руководитель; имя в падеже — {{ head | case(\"dative\") }}",
    ),
    ("curator", "куратор (нет, если не указан)"),
    (".initials_surname", "«Е.В. Шевчук»"),
    (".surname_initials", "«Шевчук Е.В.»"),
    (".full", "«Шевчук Елена Викторовна»"),
    (".position", "должность в именительном падеже"),
    (".position_accusative", "должность в винительном падеже"),
    (".surname", "фамилия"),
    (".name", "имя или инициал (у организации — наименование)"),
    (".patronymic", "отчество или инициал"),
    (".gender", "male, female или нет"),
    (".forms", "падежи, заданные в YAML"),
    (
        "forms",
        "формы наставничества организации: title, goal, tasks, variations …",
    ),
    (
        "order",
        "приказ этого вида (у других документов — приказ о внедрении)",
    ),
    (
        "order.number",
        "номер приказа; со знаком — фильтр number_sign",
    ),
    (
        "order.date",
        "дата ГГГГ-ММ-ДД; фильтры date_numeric, date_long, date_words, date_quoted",
    ),
    (
        "order.requisites_date",
        "дата для реквизитов в фирменном стиле (style.order_date)",
    ),
    (
        "order.directive",
        "«ПРИКАЗЫВАЮ:» или слово из style.directive",
    ),
    ("order.title", "заголовок из YAML, если задан"),
    (
        "order.lead",
        "начало преамбулы: «В соответствии с», «На основании»; пусто — без актов",
    ),
    (
        "order.lead_instrumental",
        "начало преамбулы требует творительного падежа («с …»)",
    ),
    (
        "order.basis",
        "акты преамбулы (cites и basis) в падеже, которого требует начало",
    ),
    (
        "order.default_act",
        "Р-145 в нужном падеже: акт преамбулы, если приказ других не называет",
    ),
    (
        "order.purpose",
        "цель преамбулы; нет — цель шаблона, пустая строка — без цели",
    ),
    ("order.start", "дата начала внедрения ГГГГ-ММ-ДД"),
    (
        "order.implementers",
        "организации, которым поручено внедрение (name, head)",
    ),
    (
        "order.methodical_support",
        "методическое сопровождение (name, head)",
    ),
    ("order.publish_by", "срок размещения на сайте ГГГГ-ММ-ДД"),
    ("order.extra_points", "дополнительные пункты, как написаны"),
    ("roadmap", "дорожная карта"),
    ("roadmap.layout", "sections, stages или strategies"),
    (
        "roadmap.mark",
        "строки отметки «Приложение …» отдельной дорожной карты",
    ),
    (
        "roadmap.approvals",
        "есть ли в YAML грифы отдельной дорожной карты (roadmap.approvals): тогда их печатает approvals(document=\"roadmap\", …)",
    ),
    (
        "roadmap.title",
        "заголовок дорожной карты в именительном падеже",
    ),
    (
        "roadmap.genitive",
        "заголовок в родительном падеже со строчной буквы",
    ),
    (
        "acquainted",
        "кто расписывается «С приказом ознакомлены:», в фирменном стиле имён",
    ),
    ("header_lines", "строки над наименованием органа управления"),
    ("report", "справка этого вида"),
    (
        "roadmap_period",
        "период дорожной карты словами, учебный год в фирменном стиле",
    ),
    ("pairs", "наставнические пары и группы"),
    ("plans", "то же, для индивидуальных планов"),
    ("pairs_period", "общий срок пар, если он у всех один"),
    ("rewards", "поощрения приказа о поощрении"),
    ("event", "итоговое мероприятие"),
    (
        "event.programme",
        "пункты программы мероприятия (что проводится), для нумерованного списка",
    ),
    (
        "event.programme_table",
        "программа таблицей (headers, rows, widths), если у пунктов есть время, место или ответственные",
    ),
    ("programme", "программа наставничества: срок, календарный план, показатели"),
    (
        "programme.period",
        "срок реализации: «2021–2023 годы», «2024/2025 учебный год»",
    ),
    (
        "programme.calendar",
        "календарный план из дорожной карты (headers, rows, widths)",
    ),
    (
        "programme.results",
        "таблица «Форма | Ожидаемые результаты | Показатели» (headers, rows, widths)",
    ),
    ("programme.indicators", "показатели форм наставничества, без повторов"),
    ("programme.target", "целевой охват обучающихся из справки: «70 %»"),
    ("plan", "индивидуальный план развития: дата и гриф"),
    ("plan.date", "дата составления планов"),
    ("plan.approved", "есть ли у планов гриф"),
    ("forms[].indicators", "показатели мониторинга формы"),
    ("rewards[].amount", "сумма выплаты: «в размере 5 000 (пяти тысяч) рублей»"),
    ("rewards[].source", "источник средств выплаты"),
    (
        "rewards[].details",
        "за что, сумма и источник — через пробел, без точки в конце",
    ),
    (
        "approving",
        "приказ, утвердивший положение или программу (date, number)",
    ),
    ("council", "протокол педагогического совета (date, number)"),
    (
        "basis",
        "акты приказа о внедрении (прежний способ; в положении — acts)",
    ),
    ("base", "mentors или mentees — какая база"),
    ("house", "фирменный стиль документа"),
    (
        "house.names",
        "стиль имён: initials_surname, surname_initials, full",
    ),
    ("house.acts", "как ссылаться на акты: inline или list"),
    (
        "house.text_as_written",
        "свободный текст печатается как написан",
    ),
    (
        "acts",
        "акты, на которые ссылается положение или программа (действующие на их дату)",
    ),
    (
        "acts.style",
        "inline — в предложении, list — списком через тире",
    ),
    (
        "acts.inline",
        "в творительном падеже: «Федеральным законом от 29.12.2012 № 273-ФЗ «…»»",
    ),
    (
        "acts.listed",
        "в именительном, даты словами: «Федеральный закон от 29 декабря 2012 года …»",
    ),
    ("grammar_forms", "служебное: падежи из YAML для фильтров"),
];

fn description(path: &str) -> Option<&'static str> {
    // An exact path, else a field of any person: «.surname».
    let last = path.rfind('.').map(|at| &path[at..]);
    DESCRIPTIONS
        .iter()
        .find(|(p, _)| *p == path)
        .or_else(|| last.and_then(|l| DESCRIPTIONS.iter().find(|(p, _)| *p == l)))
        .map(|(_, d)| *d)
}

/// The variables a template receives, one per line, in Russian: the path,
/// what it means and its value in this file (shortened); a list shows its
/// first item's fields under `name[]`.
pub fn variables(context: &minijinja::Value) -> String {
    let mut out = String::new();
    let mut keys: Vec<minijinja::Value> =
        context.try_iter().map(|i| i.collect()).unwrap_or_default();
    keys.sort_by_key(|k| k.to_string());
    for key in keys {
        let name = key.to_string();
        if name == "grammar_forms" {
            continue;
        }
        let value = context.get_item(&key).unwrap_or_default();
        walk(&name, &value, 0, &mut out);
    }
    out
}

fn walk(path: &str, value: &minijinja::Value, depth: usize, out: &mut String) {
    use minijinja::value::ValueKind;
    use std::fmt::Write as _;
    let indent = "  ".repeat(depth);
    let meaning = description(path).unwrap_or("");
    let shown = match value.kind() {
        ValueKind::Map => "{…}".to_string(),
        ValueKind::Seq | ValueKind::Iterable => format!("список из {}", value.len().unwrap_or(0)),
        ValueKind::None | ValueKind::Undefined => "нет".to_string(),
        ValueKind::Bool if value.is_true() => "да".to_string(),
        ValueKind::Bool => "нет".to_string(),
        _ => {
            let text = value.to_string();
            let short: String = text.chars().take(60).collect();
            if short.len() < text.len() {
                format!("{short}…")
            } else {
                short
            }
        }
    };
    let _ = writeln!(
        out,
        "{indent}{path} = {shown}{}",
        if meaning.is_empty() {
            String::new()
        } else {
            format!(" — {meaning}")
        }
    );
    if depth > 3 {
        return;
    }
    match value.kind() {
        ValueKind::Map => {
            let mut keys: Vec<minijinja::Value> =
                value.try_iter().map(|i| i.collect()).unwrap_or_default();
            keys.sort_by_key(|k| k.to_string());
            for key in keys {
                let child = value.get_item(&key).unwrap_or_default();
                walk(&format!("{path}.{key}"), &child, depth + 1, out);
            }
        }
        ValueKind::Seq => {
            if let Ok(first) = value.get_item(&minijinja::Value::from(0)) {
                if first.kind() == ValueKind::Map {
                    walk(&format!("{path}[]"), &first, depth + 1, out);
                }
            }
        }
        _ => {}
    }
}
