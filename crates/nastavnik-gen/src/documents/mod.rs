//! Document kinds: each builds IR from the model through its template.

pub mod approvals;
pub mod components;
pub mod context;
pub mod edits;
pub mod issuers;
pub mod municipal;
pub mod municipal_provision;
pub mod order_set;
pub mod order_text;
pub mod participants;
pub mod report;
pub mod roadmap_table;
pub mod teachers;

use minijinja::Value;
use nastavnik_core::grammar::{self, Case, Gender, Number};
use nastavnik_core::{NameStyle, Order, Organization, Person, Responsible};
use serde::Serialize;

use crate::grammar_filters::{lower_first, position_and_name, upper_first};
use crate::ir::{Document, TextKind};
use crate::markup::to_draft;
use crate::templates::Templates;
use crate::GenError;
use context::{OrderView, OrgView, PersonView, RoadmapView};
use nastavnik_core::russian::numbers;

/// Declares the document kinds from one table: the enum, [`DocumentKind::ALL`]
/// and each kind's identifier, Russian name and template. Adding a kind is
/// one row here and one template in `templates/`.
macro_rules! document_kinds {
    ($($(#[$doc:meta])* $kind:ident => ($id:literal, $title:literal, $template:literal),)*) => {
        /// A kind of document nastavnik writes.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum DocumentKind {
            $($(#[$doc])* $kind,)*
        }

        /// (kind, id, Russian name, template), in the order `nastavnik list` shows them.
        const KINDS: &[(DocumentKind, &str, &str, &str)] =
            &[$((DocumentKind::$kind, $id, $title, $template),)*];

        impl DocumentKind {
            /// Every kind, in the order `nastavnik list` shows them.
            pub const ALL: [DocumentKind; [$(stringify!($kind)),*].len()] =
                [$(DocumentKind::$kind,)*];
        }
    };
}

document_kinds! {
    /// Приказ о внедрении целевой модели наставничества, with the roadmap annexed.
    OrderImplementation => ("order-implementation", "Приказ о внедрении целевой модели наставничества (с дорожной картой в приложении)", "order-implementation.md"),
    /// Приказ о назначении куратора.
    OrderCurator => ("order-curator", "Приказ о назначении куратора внедрения целевой модели наставничества", "order-curator.md"),
    /// Приказ об утверждении наставнических пар / групп.
    OrderPairs => ("order-pairs", "Приказ об утверждении наставнических пар (групп)", "order-pairs.md"),
    /// Приказ о поощрении участников наставнической деятельности.
    OrderRewards => ("order-rewards", "Приказ о поощрении участников наставнической деятельности", "order-rewards.md"),
    /// Приказ о проведении итогового мероприятия.
    OrderFinalEvent => ("order-final-event", "Приказ о проведении итогового мероприятия", "order-final-event.md"),
    /// Приказ об утверждении положения о программе наставничества, the положение annexed.
    OrderProvision => ("order-provision", "Приказ об утверждении положения о программе наставничества (положение в приложении)", "order-provision.md"),
    /// Приказ об утверждении программы наставничества, the программа annexed.
    OrderProgramme => ("order-programme", "Приказ об утверждении программы наставничества (программа в приложении)", "order-programme.md"),
    /// Положение о программе наставничества.
    Provision => ("provision", "Положение о программе наставничества", "provision.md"),
    /// Программа наставничества.
    Programme => ("programme", "Программа наставничества", "programme.md"),
    /// План мероприятий (дорожная карта) as a standalone document.
    Roadmap => ("roadmap", "План мероприятий (дорожная карта)", "roadmap.md"),
    /// Справка о промежуточных результатах реализации целевой модели.
    ReportInterim => ("report-interim", "Справка о промежуточных результатах реализации целевой модели наставничества", "report.md"),
    /// Справка об итоговых результатах реализации целевой модели.
    ReportFinal => ("report-final", "Справка об итоговых результатах реализации целевой модели наставничества", "report.md"),
    /// Аналитическая справка органа управления образованием по данным его школ.
    MunicipalReport => ("municipal-report", "Аналитическая справка о реализации целевой модели наставничества по данным образовательных организаций", "municipal-report.md"),
    /// Положение органа управления образованием о муниципальной системе (целевой модели) наставничества.
    MunicipalProvision => ("municipal-provision", "Положение о муниципальной системе (целевой модели) наставничества", "municipal-provision.md"),
    /// Индивидуальные планы развития наставляемых.
    DevelopmentPlan => ("development-plan", "Индивидуальные планы развития наставляемых", "development-plan.md"),
    /// База наставников: personal data, only when asked for by name.
    MentorBase => ("mentor-base", "База наставников (персональные данные: только по запросу)", "participants-base.md"),
    /// База наставляемых: personal data of minors, only when asked for by name.
    MenteeBase => ("mentee-base", "База наставляемых (персональные данные: только по запросу)", "participants-base.md"),
    /// Положение о системе наставничества педагогических работников.
    TeachersProvision => ("teachers-provision", "Положение о системе наставничества педагогических работников", "teachers-provision.md"),
    /// Дорожная карта по реализации положения о наставничестве педагогов.
    TeachersRoadmap => ("teachers-roadmap", "Дорожная карта (план мероприятий) по реализации Положения о системе наставничества педагогических работников", "teachers-roadmap.md"),
    /// Приказ об утверждении положения и дорожной карты, о назначении куратора.
    TeachersOrder => ("teachers-order", "Приказ об утверждении Положения о системе наставничества педагогических работников и дорожной карты, о назначении куратора", "teachers-order.md"),
    /// Приказ о закреплении наставнических пар (групп) педагогов.
    TeachersPairs => ("teachers-pairs", "Приказ о закреплении наставников за педагогами (пары и группы)", "teachers-pairs.md"),
    /// Персонализированные программы наставничества, по одной на наставляемого.
    TeachersProgramme => ("teachers-programme", "Персонализированные программы наставничества педагогов", "teachers-programme.md"),
}

impl DocumentKind {
    fn entry(self) -> &'static (DocumentKind, &'static str, &'static str, &'static str) {
        KINDS
            .iter()
            .find(|k| k.0 == self)
            .expect("every kind is listed")
    }

    /// The identifier used on the command line: `order-implementation`.
    pub fn id(self) -> &'static str {
        self.entry().1
    }

    /// The Russian name of the kind.
    pub fn title(self) -> &'static str {
        self.entry().2
    }

    fn template(self) -> &'static str {
        self.entry().3
    }

    /// Whether the kind may go into a bundle by default. The bases hold
    /// personal data (of minors, too) and are made only when named.
    pub fn is_public(self) -> bool {
        !matches!(self, DocumentKind::MentorBase | DocumentKind::MenteeBase)
    }

    /// The kind with this identifier.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == id)
    }

    /// The report this kind renders, if it is a report and the YAML has it.
    pub fn report(self, org: &Organization) -> Option<&nastavnik_core::Report> {
        match self {
            DocumentKind::ReportInterim => org.reports.interim.as_ref(),
            DocumentKind::ReportFinal => org.reports.final_.as_ref(),
            DocumentKind::MunicipalReport => org.reports.municipal.as_ref(),
            _ => None,
        }
    }

    /// The order this kind renders, and its field in YAML.
    fn order(self, org: &Organization) -> Option<(Option<&Order>, &'static str)> {
        let o = &org.orders;
        Some(match self {
            DocumentKind::OrderImplementation => {
                (o.implementation.as_ref(), "orders.implementation")
            }
            DocumentKind::OrderCurator => (o.curator.as_ref(), "orders.curator"),
            DocumentKind::OrderPairs => (o.pairs.as_ref(), "orders.pairs"),
            DocumentKind::OrderRewards => (o.rewards.as_ref(), "orders.rewards"),
            DocumentKind::OrderFinalEvent => (o.final_event.as_ref(), "orders.final_event"),
            DocumentKind::OrderProvision => (o.provision.as_ref(), "orders.provision"),
            DocumentKind::OrderProgramme => (o.programme.as_ref(), "orders.programme"),
            _ => return None,
        })
    }
}

/// Builds the document model of `kind` for `org`.
pub fn build(
    org: &Organization,
    kind: DocumentKind,
    templates: &Templates,
) -> Result<Document, GenError> {
    build_with(org, kind, templates, None)
}

/// Builds the authority's analytic report from its schools' files.
pub fn build_municipal(
    authority: &Organization,
    schools: &[&Organization],
    templates: &Templates,
) -> Result<Document, GenError> {
    build_with(
        authority,
        DocumentKind::MunicipalReport,
        templates,
        Some(schools),
    )
}

fn build_with(
    org: &Organization,
    kind: DocumentKind,
    templates: &Templates,
    schools: Option<&[&Organization]>,
) -> Result<Document, GenError> {
    issuers::refuse_unfit(kind, org.kind)?;
    let mut context = context(org, kind)?;
    if kind == DocumentKind::MunicipalReport {
        let Some(schools) = schools.filter(|s| !s.is_empty()) else {
            return Err(missing(
                "аналитическая справка собирается из файлов школ: укажите их каталог (nastavnik render управление.yaml --doc municipal-report --schools КАТАЛОГ)",
            ));
        };
        let report = kind.report(org).ok_or_else(|| {
            missing("в файле нет раздела reports.municipal (период справки, кто её подготовил)")
        })?;
        let view = municipal::MunicipalView::new(report, schools);
        context = minijinja::value::merge_maps([
            minijinja::context! { municipal => Value::from_serialize(&view) },
            context,
        ]);
    }
    let rendered = templates.render(kind.template(), context)?;
    let report = kind.report(org);
    let edits = edits_for(org, kind)?;
    let sections = to_draft(&rendered.text, &rendered.components, &mut |c| {
        components::resolve(org, report, c)
    })
    .and_then(|draft| edits::apply(draft, &edits))
    .map_err(|e| match e {
        GenError::Template(mut t) if t.template.is_none() => {
            t.template = Some(kind.template().to_string());
            GenError::Template(t)
        }
        other => other,
    })?;
    let sections = embed_approved(org, kind, templates, sections, &edits)?;
    let title = sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            crate::ir::Block::Heading { content, .. } => Some(
                content
                    .iter()
                    .filter_map(|i| match i {
                        crate::ir::Inline::Text { text, .. } => Some(text.as_str()),
                        _ => None,
                    })
                    .collect::<String>(),
            ),
            _ => None,
        })
        .unwrap_or_else(|| kind.title().to_string());
    let mut document = Document {
        title,
        author: org.name.trim().to_string(),
        date: document_date(org, kind),
        sections,
    };
    // One pass over every text, whatever it came from: the typography rules
    // for words, and printable characters everywhere (addresses included).
    let as_written = context::house_style(org, kind).keeps_text();
    document.walk_text_mut(&mut |kind, text| {
        *text = match kind {
            TextKind::Words if as_written => crate::text::printable(text),
            TextKind::Words => crate::text::printable(&crate::grammar_filters::single_period(
                &nastavnik_core::russian::hereinafter_in_one_bracket(
                    &nastavnik_core::russian::polish(text),
                ),
            )),
            TextKind::Url => crate::text::printable(text),
        }
    });
    Ok(document)
}

/// What the template of `kind` receives for `org`: the context, for
/// `nastavnik templates vars` ([`context::variables`]).
pub fn template_context(org: &Organization, kind: DocumentKind) -> Result<Value, GenError> {
    context(org, kind)
}

/// The template file of a kind: `order-implementation.md`.
pub fn template_name(kind: DocumentKind) -> &'static str {
    kind.template()
}

/// The положение or the программа as an annex of the order that approves
/// it (the order on implementation, or the order on the document itself):
/// its text, from its title on (its own stamps and title page give way to
/// the annex mark), goes after the mark of its annex.
fn embed_approved(
    org: &Organization,
    kind: DocumentKind,
    templates: &Templates,
    mut sections: Vec<crate::ir::Section>,
    edits: &edits::Edits,
) -> Result<Vec<crate::ir::Section>, GenError> {
    use crate::ir::{Aside, AsideKind, Block};
    let approved: &[(&str, DocumentKind)] = match kind {
        DocumentKind::OrderImplementation => &[
            ("provision", DocumentKind::Provision),
            ("programme", DocumentKind::Programme),
        ],
        DocumentKind::OrderProvision => &[("provision", DocumentKind::Provision)],
        DocumentKind::OrderProgramme => &[("programme", DocumentKind::Programme)],
        _ => return Ok(sections),
    };
    for (key, document) in approved {
        let Some(number) = edits.annexes.get(*key) else {
            continue;
        };
        let built = build(org, *document, templates)?;
        let body: Vec<Block> = built
            .sections
            .into_iter()
            .flat_map(|s| s.blocks)
            .skip_while(|b| !matches!(b, Block::Heading { level: 1, .. }))
            .collect();
        let mark = format!("Приложение {number}");
        if let Some(section) = sections.iter_mut().find(|s| {
            s.blocks.iter().any(|b| {
                matches!(b, Block::Aside(Aside { kind: AsideKind::AnnexMark, lines })
                    if lines.first() == Some(&mark))
            })
        }) {
            section.blocks.extend(body);
        }
    }
    Ok(sections)
}

/// The YAML's edits of the document of `kind`: an order's points, or the
/// sections and clauses of a положение or a программа (written in the order
/// that approves it).
fn edits_for(org: &Organization, kind: DocumentKind) -> Result<edits::Edits<'_>, GenError> {
    if let Some((order, field)) = kind.order(org) {
        let annexes = order_text::annexes(org, kind, order, field)?;
        // In the orders on the положение and the программа, `points` edit
        // the approved document's clauses, not the order's points.
        let approves = matches!(
            kind,
            DocumentKind::OrderProvision | DocumentKind::OrderProgramme
        );
        return Ok(edits::Edits {
            points: order
                .and_then(|o| o.points.as_ref())
                .filter(|_| !approves)
                .map(|p| (p, format!("{field}.points"))),
            scope: edits::Scope::FirstList,
            sections: None,
            annexes: order_text::numbers(&annexes),
        });
    }
    let (order, field) = match kind {
        DocumentKind::Provision | DocumentKind::MunicipalProvision => {
            (org.orders.provision.as_ref(), "orders.provision")
        }
        DocumentKind::Programme => (org.orders.programme.as_ref(), "orders.programme"),
        _ => return Ok(edits::Edits::default()),
    };
    Ok(edits::Edits {
        points: order
            .and_then(|o| o.points.as_ref())
            .map(|p| (p, format!("{field}.points"))),
        scope: edits::Scope::All,
        sections: order
            .and_then(|o| o.sections.as_ref())
            .map(|s| (s, format!("{field}.sections"))),
        annexes: Default::default(),
    })
}

/// The date a document carries: its order's, or for an approved document the
/// approving order's.
fn document_date(org: &Organization, kind: DocumentKind) -> Option<chrono::NaiveDate> {
    if let Some(date) = teachers::date(org, kind) {
        return Some(date);
    }
    if let Some((order, _)) = kind.order(org) {
        return order.map(|o| o.date);
    }
    let o = &org.orders;
    match kind {
        DocumentKind::Provision | DocumentKind::MunicipalProvision => {
            o.provision.as_ref().or(o.implementation.as_ref())
        }
        DocumentKind::Programme => o.programme.as_ref().or(o.implementation.as_ref()),
        _ => o.implementation.as_ref(),
    }
    .map(|o| o.date)
}

fn missing(what: &str) -> GenError {
    GenError::MissingData(what.to_string())
}

#[derive(Serialize)]
struct PairView {
    index: usize,
    mentor: String,
    mentor_sign: String,
    mentees: Vec<String>,
    mentees_sign: Vec<String>,
    form: String,
    period: Option<String>,
}

/// A reward as a point of the order: «Объявить благодарность Кузнецовой
/// М.П., учителю математики, за …».
#[derive(Serialize)]
struct RewardView {
    /// «Кузнецова М.П., учитель математики», as written in lists.
    who: String,
    /// The reward as written: «объявить благодарность».
    reward: String,
    /// The point's verb phrase, capitalised: «Объявить благодарность».
    action: String,
    /// The person in the case the verb takes: «Кузнецовой М.П.».
    whom: String,
    /// The role in that case: «учителю математики», or empty.
    role: String,
    reason: Option<String>,
    /// A payment's sum: «в размере 5 000 (пяти тысяч) рублей», or empty.
    amount: String,
    /// A payment's source of funds, as written: «за счет …», or empty.
    source: String,
    /// What follows the person: the reason, the sum and the source, with
    /// no closing punctuation (the point adds it).
    details: String,
}

#[derive(Serialize)]
struct EventView {
    title: String,
    date: String,
    place: Option<String>,
    /// «в актовом зале».
    place_locative: Option<String>,
    /// What happens, item by item (for a numbered list).
    programme: Vec<String>,
    /// The programme as a table when some item has a time, a place or a
    /// responsible: only the columns some item fills.
    programme_table: Option<TableView>,
    /// In the accusative, for «назначить ответственными …»: «куратора ЦМН О.И. Сидорову».
    responsible: String,
    /// «ответственным», «ответственной» or «ответственными», agreeing with them.
    responsible_word: &'static str,
}

/// A table a template hands to `simple_table`: headers, rows, widths.
#[derive(Serialize)]
struct TableView {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    widths: Vec<f32>,
}

#[derive(Serialize)]
struct FormView {
    title: String,
    goal: Option<String>,
    tasks: Vec<String>,
    mentor_portrait: String,
    mentee_portrait: String,
    variations: Vec<String>,
    result: String,
    /// Показатели мониторинга формы.
    indicators: Vec<String>,
}

#[derive(Serialize)]
struct DocRef {
    date: String,
    number: String,
}

fn context(org: &Organization, kind: DocumentKind) -> Result<Value, GenError> {
    // What `nastavnik check` says the document lacks, and nothing else, stops it.
    if let Some(m) = nastavnik_core::check::needs::missing(org, kind.id()).first() {
        return Err(missing(&m.to_string()));
    }
    if let Some(context) = teachers::context(org, kind)? {
        return Ok(context);
    }
    if let Some(context) = municipal_provision::context(org, kind)? {
        return Ok(context);
    }
    let roadmap = org.roadmap.as_ref().map(RoadmapView::new);
    // The order of this kind; documents that are not orders see the
    // implementation order (it dates the roadmap's approval stamp).
    let order = match kind.order(org) {
        Some((Some(order), _)) => Some(order),
        Some((None, field)) => {
            return Err(missing(&format!(
                "в файле нет раздела {field} (номер, дата и содержание приказа)"
            )))
        }
        // A development plan rests on the order that formed its pair.
        None if kind == DocumentKind::DevelopmentPlan => org.orders.pairs.as_ref(),
        None => org.orders.implementation.as_ref(),
    };
    let names = context::house_style(org, kind).name_style();
    let acquainted: Vec<String> = match order.and_then(|o| o.acquainted.clone()) {
        Some(keys) => keys
            .iter()
            .filter_map(|k| org.people.get(k))
            .map(|p| p.styled(Case::Nominative, names))
            .collect(),
        None => order_set::named(org, kind, order)
            .into_iter()
            .map(|p| p.styled(Case::Nominative, names))
            .fold(Vec::new(), |mut out, name| {
                if !out.contains(&name) {
                    out.push(name);
                }
                out
            }),
    };
    let p = &org.participants;
    let name_of = |id: &str| {
        p.get(id)
            .map(|x| x.with_role())
            .unwrap_or_else(|| id.to_string())
    };
    let sign_of = |id: &str| {
        p.get(id)
            .map(|x| x.name.initials_surname())
            .unwrap_or_else(|| id.to_string())
    };
    match kind {
        DocumentKind::Roadmap if roadmap.is_none() => {
            return Err(missing("в файле нет раздела roadmap (дорожная карта)"))
        }
        DocumentKind::ReportInterim | DocumentKind::ReportFinal if roadmap.is_none() => {
            return Err(missing("справка строится по дорожной карте, а в файле нет раздела roadmap"))
        }
        DocumentKind::OrderCurator if org.curator().is_none() => {
            return Err(missing("приказ назначает куратора: укажите curator — ключ человека из раздела people"))
        }
        DocumentKind::OrderPairs | DocumentKind::DevelopmentPlan if p.pairs.is_empty() => {
            return Err(missing("в файле нет наставнических пар: заполните participants.pairs"))
        }
        DocumentKind::OrderRewards if order.is_some_and(|o| o.rewards.is_empty()) => {
            return Err(missing("в приказе о поощрении нет ни одного поощрения: заполните orders.rewards.rewards"))
        }
        DocumentKind::OrderFinalEvent if order.is_some_and(|o| o.event.is_none()) => {
            return Err(missing("в приказе об итоговом мероприятии нет мероприятия: заполните orders.final_event.event"))
        }
        DocumentKind::MentorBase if p.mentors.is_empty() => {
            return Err(missing("в файле нет наставников: заполните participants.mentors"))
        }
        DocumentKind::MenteeBase if p.mentees.is_empty() => {
            return Err(missing("в файле нет наставляемых: заполните participants.mentees"))
        }
        _ => {}
    }
    let report = match (kind, kind.report(org)) {
        (
            DocumentKind::ReportInterim | DocumentKind::ReportFinal | DocumentKind::MunicipalReport,
            None,
        ) => {
            return Err(missing(&format!(
                "в файле нет раздела reports.{} (период справки, кто её подготовил)",
                match kind {
                    DocumentKind::ReportInterim => "interim",
                    DocumentKind::MunicipalReport => "municipal",
                    _ => "final",
                }
            )))
        }
        (_, Some(r)) => Some(Value::from_serialize(report::ReportView::new(
            org,
            r,
            if kind == DocumentKind::ReportInterim {
                "interim"
            } else {
                "final"
            },
        ))),
        (_, None) => None,
    };
    let roadmap_period = org
        .roadmap
        .as_ref()
        .and_then(|r| r.period)
        .map(|p| context::period_in_style(&p, &context::house_style(org, kind)));
    let pairs: Vec<PairView> = p
        .pairs
        .iter()
        .enumerate()
        .map(|(i, pair)| PairView {
            index: i + 1,
            mentor: name_of(&pair.mentor),
            mentor_sign: sign_of(&pair.mentor),
            mentees: pair.mentees.iter().map(|m| name_of(m)).collect(),
            mentees_sign: pair.mentees.iter().map(|m| sign_of(m)).collect(),
            form: pair.form.0.clone(),
            period: pair.period.as_ref().map(ToString::to_string),
        })
        .collect();
    let rewards: Vec<RewardView> = order
        .map(|o| &o.rewards[..])
        .unwrap_or_default()
        .iter()
        .map(|r| {
            let (action, case) = reward_action(&r.reward);
            let (person, role) = match (p.get(&r.who), org.people.get(&r.who)) {
                (Some(x), _) => (Some(x.name.clone()), x.role.clone()),
                (None, Some(x)) => (Some(x.clone()), Some(x.position.clone())),
                _ => (None, None),
            };
            let whom = match &person {
                Some(x) => x.styled(case, NameStyle::SurnameInitials),
                None => r.who.clone(),
            };
            let role = match (&person, role) {
                (Some(x), Some(role)) if !role.trim().is_empty() => role_in(x, &role, case),
                _ => String::new(),
            };
            RewardView {
                who: p
                    .get(&r.who)
                    .map(|x| x.with_role())
                    .or_else(|| {
                        org.people
                            .get(&r.who)
                            .map(|x| format!("{}, {}", x.surname_initials(), x.position))
                    })
                    .unwrap_or_else(|| r.who.clone()),
                reward: r.reward.trim().to_string(),
                action,
                whom,
                role,
                details: [
                    r.reason.as_deref().map(closing_trimmed).unwrap_or_default(),
                    r.amount
                        .map(|a| format!("в размере {}", numbers::rubles_genitive(a)))
                        .unwrap_or_default(),
                    r.source.as_deref().map(closing_trimmed).unwrap_or_default(),
                ]
                .into_iter()
                .filter(|x| !x.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
                reason: r.reason.as_deref().map(closing_trimmed),
                amount: r
                    .amount
                    .map(|a| format!("в размере {}", numbers::rubles_genitive(a)))
                    .unwrap_or_default(),
                source: r.source.as_deref().map(closing_trimmed).unwrap_or_default(),
            }
        })
        .collect();
    let event = order.and_then(|o| o.event.as_ref()).map(|e| EventView {
        title: e.title.trim().to_string(),
        date: e.date.format("%Y-%m-%d").to_string(),
        place: e.place.clone(),
        place_locative: e.place.as_deref().map(place_locative),
        programme: e
            .programme
            .iter()
            .map(|i| closing_trimmed(i.title()))
            .collect(),
        programme_table: e
            .programme_is_timed()
            .then(|| event_programme_table(org, e)),
        responsible: e
            .responsible
            .iter()
            .map(|r| responsible_in(org, r, Case::Accusative))
            .collect::<Vec<_>>()
            .join(", "),
        responsible_word: responsible_word(org, &e.responsible),
    });
    let forms: Vec<FormView> = org
        .forms
        .iter()
        .map(|name| match name.form() {
            Some(f) => FormView {
                title: f.title.clone(),
                goal: Some(f.goal.clone()),
                tasks: f.tasks.clone(),
                mentor_portrait: f.mentor_portrait.clone(),
                mentee_portrait: f.mentee_portrait.clone(),
                variations: f.variations.clone(),
                result: f.result.clone(),
                indicators: f.indicators.clone(),
            },
            None => FormView {
                title: name.0.clone(),
                goal: None,
                tasks: vec![],
                mentor_portrait: String::new(),
                mentee_portrait: String::new(),
                variations: vec![],
                result: String::new(),
                indicators: vec![],
            },
        })
        .collect();
    let programme = (kind == DocumentKind::Programme)
        .then(|| ProgrammeView::new(org, kind, &forms))
        .map(Value::from_serialize);
    let plan = (kind == DocumentKind::DevelopmentPlan).then(|| {
        let frame = p.plans.as_ref();
        Value::from_serialize(PlanView {
            date: frame
                .and_then(|f| f.date)
                .or(org.orders.pairs.as_ref().map(|o| o.date))
                .map(|d| d.format("%Y-%m-%d").to_string()),
            approved: frame
                .and_then(|f| f.approvals.as_ref())
                .is_none_or(|a| !a.is_empty()),
        })
    });
    let doc_ref = |d: &chrono::NaiveDate, n: &str| DocRef {
        date: d.format("%Y-%m-%d").to_string(),
        number: n.to_string(),
    };
    let approving = match kind {
        DocumentKind::Provision => org
            .orders
            .provision
            .as_ref()
            .or(org.orders.implementation.as_ref()),
        DocumentKind::Programme => org
            .orders
            .programme
            .as_ref()
            .or(org.orders.implementation.as_ref()),
        _ => None,
    }
    .map(|o| doc_ref(&o.date, &o.number));
    let council = org.council.as_ref().map(|c| doc_ref(&c.date, &c.number));
    let pairs_period = {
        let periods: Vec<String> = p
            .pairs
            .iter()
            .filter_map(|x| x.period.as_ref().map(ToString::to_string))
            .collect();
        match periods.first() {
            Some(first) if periods.iter().all(|x| x == first) => Some(first.clone()),
            _ => roadmap_period.clone(),
        }
    };
    let basis: Vec<String> = org
        .orders
        .implementation
        .iter()
        .flat_map(|o| &o.basis)
        .map(|b| b.citation())
        .collect();
    let annexes = match kind.order(org) {
        Some((order, field)) => order_text::annexes(org, kind, order, field)?,
        None => Vec::new(),
    };
    let document_title = match kind {
        DocumentKind::Provision => org.orders.provision.as_ref(),
        DocumentKind::Programme => org.orders.programme.as_ref(),
        _ => None,
    }
    .and_then(|o| o.document_title.as_deref())
    .map(|t| t.trim().to_string())
    .filter(|t| !t.is_empty());
    let provision_title = org
        .orders
        .provision
        .as_ref()
        .and_then(|o| o.document_title.as_deref())
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    let programme_title = org
        .orders
        .programme
        .as_ref()
        .and_then(|o| o.document_title.as_deref())
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    Ok(minijinja::context! {
        provision_title => provision_title,
        programme_title => programme_title,
        curator_order => order_set::curator_order(org, kind).map(Value::from_serialize),
        role_full_dative => order_set::role_dative_full(&order_text::role(org, order)),
        repeals => order.map(order_set::repeals).unwrap_or_default(),
        role => Value::from_serialize(order_text::role(org, order)),
        working_group => order_text::working_group(org, order).map(Value::from_serialize),
        annex_no => Value::from_serialize(order_text::numbers(&annexes)),
        annexes => Value::from_serialize(&annexes),
        document_title => document_title,
        grammar_forms => Value::from_serialize(crate::grammar_filters::explicit_forms(org)),
        org => Value::from_serialize(OrgView::new(org)),
        head => Value::from_serialize(PersonView::new(&org.head)),
        curator => org.curator().map(|p| Value::from_serialize(PersonView::new(p))),
        order => order.map(|o| Value::from_serialize(OrderView::new(o, org))),
        house => Value::from_serialize(context::HouseView::new(&context::house_style(org, kind))),
        acts => Value::from_serialize(context::ActsView::new(org, kind)),
        roadmap => roadmap.map(Value::from_serialize),
        acquainted => acquainted,
        header_lines => org.header.clone(),
        report => report,
        roadmap_period => roadmap_period,
        pairs => Value::from_serialize(&pairs),
        plans => Value::from_serialize(&pairs),
        pairs_period => pairs_period,
        rewards => Value::from_serialize(&rewards),
        event => event.map(Value::from_serialize),
        forms => Value::from_serialize(&forms),
        programme => programme,
        plan => plan,
        approving => approving.map(Value::from_serialize),
        council => council.map(Value::from_serialize),
        basis => basis,
        base => match kind {
            DocumentKind::MentorBase => "mentors",
            DocumentKind::MenteeBase => "mentees",
            _ => "",
        },
    })
}

/// The reward's verb phrase, capitalised, and the case of the person it
/// governs: «объявить благодарность» (кому — dative), «наградить грамотой»
/// (кого — accusative). A bare noun gets its verb: «благодарность» →
/// «Объявить благодарность», «почетная грамота» → «Наградить почетной грамотой».
fn reward_action(reward: &str) -> (String, Case) {
    let reward = reward.trim();
    let first = reward
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let accusative_verbs = [
        "наградить",
        "поощрить",
        "премировать",
        "отметить",
        "направить",
    ];
    if first.ends_with("ть") || first.ends_with("ти") {
        let case = if accusative_verbs.contains(&first.as_str()) {
            Case::Accusative
        } else {
            Case::Dative
        };
        return (upper_first(reward), case);
    }
    if first.starts_with("благодарност") {
        return (format!("Объявить {}", lower_first(reward)), Case::Dative);
    }
    let instrumental = grammar::inflect_phrase(&lower_first(reward), Case::Instrumental).text;
    (format!("Наградить {instrumental}"), Case::Accusative)
}

/// A participant's role in a case: «учителю математики»; a pupil's class
/// «10 «А» класс» becomes «обучающемуся 10 «А» класса».
fn role_in(person: &Person, role: &str, case: Case) -> String {
    let role = role.trim();
    if role.starts_with(|c: char| c.is_ascii_digit()) {
        // «10 «А» класс» → «10 «А» класса»; a class written otherwise stays.
        let class = match role.strip_suffix("класс") {
            Some(stem) => format!("{stem}класса"),
            None => role.to_string(),
        };
        let feminine = person.gender() == Some(Gender::Feminine);
        let pupil = match (case, feminine) {
            (Case::Nominative, false) => "обучающийся",
            (Case::Nominative, true) => "обучающаяся",
            (Case::Genitive | Case::Accusative, false) => "обучающегося",
            (Case::Accusative, true) => "обучающуюся",
            (Case::Dative, false) => "обучающемуся",
            (Case::Instrumental, false) => "обучающимся",
            (Case::Prepositional, false) => "обучающемся",
            (_, true) => "обучающейся",
        };
        return format!("{pupil} {class}");
    }
    lower_first(&grammar::inflect_phrase(role, case).text)
}

/// What the программа says beyond its fixed text: its period, the calendar
/// plan from the roadmap, results and indicators by form, the target.
#[derive(Serialize)]
struct ProgrammeView {
    /// «2021–2023 годы», «2024/2025 учебный год»: `orders.programme.period`
    /// or the roadmap's.
    period: Option<String>,
    /// «№ п/п | Мероприятие | Сроки | Ответственные» from the roadmap.
    calendar: Option<TableView>,
    /// «Форма наставничества | Ожидаемые результаты | Показатели».
    results: Option<TableView>,
    /// Every indicator of the forms in use, once.
    indicators: Vec<String>,
    /// The target share of pupils covered, «70 %», from a report's figures.
    target: Option<String>,
}

impl ProgrammeView {
    fn new(org: &Organization, kind: DocumentKind, forms: &[FormView]) -> Self {
        let style = context::house_style(org, kind);
        let period = org
            .orders
            .programme
            .as_ref()
            .and_then(|o| o.period)
            .or(org.roadmap.as_ref().and_then(|r| r.period))
            .map(|p| context::period_in_style(&p, &style));
        let calendar = org.roadmap.as_ref().map(|r| calendar_table(org, r));
        let described: Vec<&FormView> = forms.iter().filter(|f| f.goal.is_some()).collect();
        let sentence = |items: &[String]| {
            let text = items
                .iter()
                .map(|x| closing_trimmed(x))
                .collect::<Vec<_>>()
                .join("; ");
            if text.is_empty() {
                text
            } else {
                format!("{}.", upper_first(&text))
            }
        };
        let results = (!described.is_empty()).then(|| TableView {
            headers: vec![
                "Форма наставничества".into(),
                "Ожидаемые результаты".into(),
                "Показатели".into(),
            ],
            rows: described
                .iter()
                .map(|f| {
                    vec![
                        format!("«{}»", f.title),
                        sentence(std::slice::from_ref(&f.result)),
                        sentence(&f.indicators),
                    ]
                })
                .collect(),
            widths: vec![1.9, 3.0, 3.0],
        });
        let mut indicators: Vec<String> = Vec::new();
        for i in described.iter().flat_map(|f| &f.indicators) {
            let i = closing_trimmed(i);
            if !indicators.contains(&i) {
                indicators.push(i);
            }
        }
        let target = [&org.reports.final_, &org.reports.interim]
            .into_iter()
            .flatten()
            .find_map(|r| r.figures.as_ref().and_then(|f| f.target))
            .filter(|t| t.is_finite() && (0.0..=100.0).contains(t))
            .map(|t| {
                let t = (t * 10.0).round() / 10.0;
                let number = if t.fract() == 0.0 {
                    format!("{t:.0}")
                } else {
                    format!("{t:.1}").replace('.', ",")
                };
                format!("{number}{}%", nastavnik_core::russian::NBSP)
            });
        ProgrammeView {
            period,
            calendar,
            results,
            indicators,
            target,
        }
    }
}

/// The calendar plan of a программа: a row per roadmap item (sub-items
/// too), with its deadlines and responsible as the roadmap writes them.
fn calendar_table(org: &Organization, roadmap: &nastavnik_core::Roadmap) -> TableView {
    let rows = roadmap
        .numbered_items()
        .into_iter()
        .map(|(number, item)| {
            let steps = nastavnik_core::catalogue::default_roadmap::steps_of(item);
            let mut deadlines: Vec<String> = Vec::new();
            let mut responsible: Vec<String> = Vec::new();
            for step in &steps {
                if let Some(d) = &step.deadline {
                    let d = d.to_string();
                    if !deadlines.contains(&d) {
                        deadlines.push(d);
                    }
                }
                for r in &step.responsible {
                    let r = roadmap_table::responsible_text(org, r);
                    if !responsible.contains(&r) {
                        responsible.push(r);
                    }
                }
            }
            let title = match item.title.trim() {
                "" => upper_first(
                    &steps
                        .iter()
                        .flat_map(|s| s.title.iter().chain(&s.points))
                        .map(|t| closing_trimmed(t))
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                // «Завершение наставничества:» leads into details the plan leaves out.
                t => t.strip_suffix(':').unwrap_or(t).trim_end().to_string(),
            };
            vec![
                format!("{number}."),
                title,
                deadlines.join("; "),
                responsible.join(", "),
            ]
        })
        .collect();
    TableView {
        headers: vec![
            "№ п/п".into(),
            "Мероприятие".into(),
            "Сроки".into(),
            "Ответственные".into(),
        ],
        rows,
        widths: vec![0.8, 3.8, 2.2, 2.4],
    }
}

/// What a development plan carries above its table.
#[derive(Serialize)]
struct PlanView {
    /// The date the plans are drawn up (ISO): `participants.plans.date` or
    /// the order on the pairs.
    date: Option<String>,
    /// Whether the plans carry approvals (not `approvals: []`).
    approved: bool,
}

/// Text as written without the punctuation that closes it: a point of a
/// list gets its own «;» or «.».
fn closing_trimmed(text: &str) -> String {
    text.trim()
        .trim_end_matches([';', '.', ',', ':'])
        .trim_end()
        .to_string()
}

/// The programme of an event as a table «Время | Мероприятие | Место
/// проведения | Ответственные»: only the columns some item fills.
fn event_programme_table(org: &Organization, e: &nastavnik_core::Event) -> TableView {
    use nastavnik_core::model::order::ProgrammeItem;
    /// Time, title, place and responsible of an item.
    type Slot<'a> = (Option<&'a str>, &'a str, Option<&'a str>, &'a [Responsible]);
    let slots: Vec<Slot> = e
        .programme
        .iter()
        .map(|i| match i {
            ProgrammeItem::Text(t) => (None, t.as_str(), None, &[][..]),
            ProgrammeItem::Slot(s) => (
                s.time.as_deref(),
                s.title.as_str(),
                s.place.as_deref(),
                &s.responsible[..],
            ),
        })
        .collect();
    let has_time = slots.iter().any(|s| s.0.is_some());
    let has_place = slots.iter().any(|s| s.2.is_some());
    let has_responsible = slots.iter().any(|s| !s.3.is_empty());
    let mut headers = Vec::new();
    let mut widths = Vec::new();
    let mut column = |on: bool, header: &str, width: f32| {
        if on {
            headers.push(header.to_string());
            widths.push(width);
        }
    };
    column(has_time, "Время", 1.3);
    column(true, "Мероприятие", 3.2);
    column(has_place, "Место проведения", 1.7);
    column(has_responsible, "Ответственные", 2.3);
    let rows = slots
        .iter()
        .map(|(time, title, place, responsible)| {
            let mut row = Vec::new();
            if has_time {
                row.push(time.unwrap_or_default().trim().to_string());
            }
            row.push(closing_trimmed(title));
            if has_place {
                row.push(place.map(|p| upper_first(p.trim())).unwrap_or_default());
            }
            if has_responsible {
                row.push(
                    responsible
                        .iter()
                        .map(|r| match r {
                            // A bare key of `people` names that person.
                            Responsible::Text(k) if org.people.contains_key(k.trim()) => {
                                roadmap_table::responsible_text(
                                    org,
                                    &Responsible::Person {
                                        person: k.trim().to_string(),
                                        role: None,
                                        note: None,
                                    },
                                )
                            }
                            r => roadmap_table::responsible_text(org, r),
                        })
                        .collect::<Vec<_>>()
                        .join(", "),
                );
            }
            row
        })
        .collect();
    TableView {
        headers,
        rows,
        widths,
    }
}

/// Where an event takes place, after «в»: «актовый зал» → «в актовом зале»;
/// a place written with its preposition stays.
fn place_locative(place: &str) -> String {
    let place = place.trim();
    let lower = place.to_lowercase();
    if ["в ", "во ", "на ", "по "]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return place.to_string();
    }
    format!("в {}", grammar::locative(place).text)
}

/// A responsible in a case: «куратора ЦМН О.И. Сидорову»; a text is
/// declined when the grammar is sure of it, else kept as written.
fn responsible_in(org: &Organization, r: &Responsible, case: Case) -> String {
    match r {
        Responsible::Text(t) => {
            let inflected = grammar::inflect_phrase(t.trim(), case);
            if inflected.confident {
                lower_first(&inflected.text)
            } else {
                t.trim().to_string()
            }
        }
        Responsible::Person { person, role, note } => {
            let Some(p) = org.people.get(person) else {
                return person.clone();
            };
            let mut out = position_and_name(p, role.as_deref(), case);
            if let Some(note) = note {
                out.push(' ');
                out.push_str(note.trim());
            }
            out
        }
    }
}

/// «ответственным», «ответственной» or «ответственными», agreeing with
/// the people appointed.
fn responsible_word(org: &Organization, all: &[Responsible]) -> &'static str {
    match all {
        [Responsible::Person { person, .. }] => {
            match org.people.get(person).and_then(Person::gender) {
                Some(Gender::Feminine) => "ответственной",
                _ => "ответственным",
            }
        }
        [Responsible::Text(t)] => match grammar::phrase_agreement(t) {
            (Gender::Feminine, Number::Singular) => "ответственной",
            (_, Number::Singular) => "ответственным",
            _ => "ответственными",
        },
        _ => "ответственными",
    }
}
