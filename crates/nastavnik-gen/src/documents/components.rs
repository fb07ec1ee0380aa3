//! Components: the structured blocks a template places by calling a function
//! with keyword arguments — `{{ requisites(kind="ПРИКАЗ", date=…, number=…) }}`.
//!
//! Why functions and not text: a call is checked while the template runs, so
//! an unknown, missing or ill-typed argument is a template error that names
//! the template file and line where the call stands (minijinja's own error).
//! The call is recorded as a typed [`Component`] and leaves a marker line in
//! the output; the marker cannot come from a value, because values are
//! escaped (`@` and `[` gain a backslash). Once the template has run, each
//! marker is replaced by the blocks its component builds from the model.

use std::sync::Mutex;

use minijinja::value::{Kwargs, Object, Value};
use minijinja::{Environment, Error, ErrorKind, State};
use nastavnik_core::{Organization, Report};

use crate::documents::approvals::{self, Approved};
use crate::documents::roadmap_table::roadmap_table;
use crate::ir::{
    Acquaintance, Align, Aside, AsideKind, Block, Inline, Orientation, Paragraph, Requisites,
    Signature, Stamps,
};
use crate::GenError;

/// Which base of participants a table shows. Both hold personal data (of
/// minors, for mentees), so the template must name the one it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// База наставников.
    Mentors,
    /// База наставляемых.
    Mentees,
}

/// A structured block a template asked for, with its arguments checked.
#[derive(Debug, Clone, PartialEq)]
pub enum Component {
    /// The requisites of an order: issuer from the model, kind, date, number.
    Requisites {
        /// «ПРИКАЗ».
        kind: String,
        /// The date as printed.
        date: String,
        /// The number with its sign.
        number: String,
    },
    /// A short unindented line: «ПРИКАЗЫВАЮ:», «Наставник: …».
    Directive {
        /// Its text.
        text: String,
    },
    /// A bold unindented line: a warning above personal data.
    Notice {
        /// Its text.
        text: String,
    },
    /// Position on the left, name at the right margin.
    Signature {
        /// «Директор».
        position: String,
        /// «А.В. Уханов».
        name: String,
    },
    /// «С приказом ознакомлены:» and a line per person.
    Acquaintance {
        /// The lead words.
        label: String,
        /// Names as printed.
        names: Vec<String>,
    },
    /// Lines at the top right: an annex mark or an approval stamp.
    Aside {
        /// Which of the two.
        kind: AsideKind,
        /// Its lines.
        lines: Vec<String>,
    },
    /// Two stamps side by side.
    Stamps {
        /// Lines of the left stamp.
        left: Vec<String>,
        /// Lines of the right stamp.
        right: Vec<String>,
    },
    /// The approvals (грифы) of the положение, the программа or the roadmap, from the model.
    Approvals {
        /// Whose approvals: the order under `orders` that holds them.
        document: Approved,
        /// The document's title word the participles agree with: «Положение».
        noun: String,
    },
    /// The title page of the положение or the программа, when its order has
    /// one; else its approvals.
    TitlePage {
        /// Whose title page.
        document: Approved,
        /// The title word the participles agree with.
        noun: String,
        /// The title's lines unless the YAML gives its own.
        title: Vec<String>,
    },
    /// A new page section.
    Section {
        /// Its orientation.
        orientation: Orientation,
    },
    /// The roadmap in its layout.
    RoadmapTable {
        /// Column headers instead of the roadmap's own, one per column.
        headers: Option<Vec<String>>,
    },
    /// The справка's monitoring table.
    MonitoringTable {
        /// Four column headers.
        headers: Vec<String>,
    },
    /// A table of text given in the template: figures, portraits.
    SimpleTable {
        /// Column headers; they set the number of columns.
        headers: Vec<String>,
        /// Rows, a cell per column.
        rows: Vec<Vec<String>>,
        /// Relative column widths, one per column.
        widths: Vec<f32>,
    },
    /// The pairs annexed to an order.
    PairsTable {
        /// Five column headers.
        headers: Vec<String>,
    },
    /// A base of participants: personal data.
    ParticipantsTable {
        /// Which base.
        base: Base,
        /// Eight column headers.
        headers: Vec<String>,
    },
    /// The development plan of one pair.
    PlanTable {
        /// The pair's number, from 1.
        pair: usize,
        /// Six column headers.
        headers: Vec<String>,
    },
}

/// What a component turns into.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Blocks in the current section.
    Block(Block),
    /// A new page section with this orientation.
    NewSection(Orientation),
}

/// The name of the temp under which a render collects its components.
const COLLECTED: &str = "nastavnik.components";

/// The components one render called, in order; a marker names its index.
#[derive(Debug, Default)]
pub struct Collected(Mutex<Vec<Component>>);

impl Object for Collected {}

impl Collected {
    /// Takes the components out.
    pub fn take(&self) -> Vec<Component> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// The components a finished render called.
    pub fn of(state: &State) -> Vec<Component> {
        state
            .get_temp(COLLECTED)
            .and_then(|v| v.downcast_object_ref::<Collected>().map(Collected::take))
            .unwrap_or_default()
    }
}

/// The marker line of component `index`: `@[#index]`.
pub fn marker(index: usize) -> String {
    format!("@[#{index}]")
}

/// Reads a marker line back: the index, if the line is exactly a marker.
pub fn parse_marker(line: &str) -> Option<usize> {
    line.trim()
        .strip_prefix("@[#")?
        .strip_suffix(']')?
        .parse()
        .ok()
}

fn record(state: &State, component: Component) -> Value {
    let collected = state.get_or_set_temp_object(COLLECTED, Collected::default);
    let mut list = collected.0.lock().unwrap_or_else(|e| e.into_inner());
    list.push(component);
    // On a line of its own, whatever surrounds the call.
    Value::from_safe_string(format!("\n{}\n", marker(list.len() - 1)))
}

/// The keyword arguments of one call, read by name with Russian errors.
struct Args<'a> {
    component: &'static str,
    kwargs: &'a Kwargs,
    allowed: Vec<&'static str>,
}

fn invalid(message: String) -> Error {
    Error::new(ErrorKind::InvalidOperation, message)
}

impl<'a> Args<'a> {
    fn new(component: &'static str, kwargs: &'a Kwargs) -> Self {
        Args {
            component,
            kwargs,
            allowed: Vec::new(),
        }
    }

    fn value(&mut self, name: &'static str) -> Result<Option<Value>, Error> {
        self.allowed.push(name);
        let value: Option<Value> = self.kwargs.get(name).map_err(|_| {
            invalid(format!(
                "{}: аргумент «{name}» не удалось прочитать",
                self.component
            ))
        })?;
        Ok(value.filter(|v| !v.is_undefined()))
    }

    fn required(&mut self, name: &'static str) -> Result<Value, Error> {
        self.value(name)?
            .ok_or_else(|| invalid(format!("{}: не указан аргумент «{name}»", self.component)))
    }

    fn as_text(&self, name: &str, value: &Value) -> Result<String, Error> {
        if value.is_none() {
            return Ok(String::new());
        }
        if let Some(s) = value.as_str() {
            return Ok(s.to_string());
        }
        if value.is_integer() {
            return Ok(value.to_string());
        }
        Err(invalid(format!(
            "{}: аргумент «{name}» должен быть строкой, а здесь {}",
            self.component,
            kind_of(value)
        )))
    }

    fn text(&mut self, name: &'static str) -> Result<String, Error> {
        let value = self.required(name)?;
        self.as_text(name, &value)
    }

    fn lines(&mut self, name: &'static str) -> Result<Vec<String>, Error> {
        let value = self.required(name)?;
        self.list(name, &value)
    }

    fn list(&self, name: &str, value: &Value) -> Result<Vec<String>, Error> {
        let not_list = || {
            invalid(format!(
                "{}: аргумент «{name}» должен быть списком строк, а здесь {}",
                self.component,
                kind_of(value)
            ))
        };
        if value.as_str().is_some() {
            return Err(not_list());
        }
        let items = value.try_iter().map_err(|_| not_list())?;
        items.map(|item| self.as_text(name, &item)).collect()
    }

    fn headers(&mut self, columns: usize) -> Result<Vec<String>, Error> {
        let headers = self.lines("headers")?;
        if headers.len() != columns {
            return Err(invalid(format!(
                "{}: заголовков столбцов {}, а столбцов в таблице {columns}",
                self.component,
                headers.len()
            )));
        }
        Ok(headers)
    }

    /// Fails on an argument the component does not take.
    fn finish(self) -> Result<(), Error> {
        for name in self.kwargs.args() {
            if !self.allowed.contains(&name) {
                return Err(invalid(format!(
                    "{}: неизвестный аргумент «{name}»; компонент принимает: {}",
                    self.component,
                    self.allowed.join(", ")
                )));
            }
        }
        Ok(())
    }
}

fn kind_of(value: &Value) -> &'static str {
    use minijinja::value::ValueKind;
    match value.kind() {
        ValueKind::Undefined | ValueKind::None => "пустое значение",
        ValueKind::Bool => "логическое значение",
        ValueKind::Number => "число",
        ValueKind::String => "строка",
        ValueKind::Seq | ValueKind::Iterable => "список",
        ValueKind::Map => "словарь",
        _ => "значение другого рода",
    }
}

/// The `document` argument of `approvals` and `title_page`.
fn approved_document(a: &mut Args) -> Result<Approved, Error> {
    let key = a.text("document")?;
    Approved::from_key(&key).ok_or_else(|| {
        invalid(format!(
            "{}: документа «{key}» нет; пишите document=\"provision\", document=\"programme\", document=\"roadmap\", document=\"plans\" или document=\"municipal-provision\"",
            a.component
        ))
    })
}

/// A component function: reads its arguments into a [`Component`].
type Reader = fn(&State, &mut Args) -> Result<Component, Error>;

/// Every component a template can call: (function name, reader).
const COMPONENTS: &[(&str, Reader)] = &[
    ("requisites", |_, a| {
        Ok(Component::Requisites {
            kind: a.text("kind")?,
            date: a.text("date")?,
            number: a.text("number")?,
        })
    }),
    ("directive", |_, a| {
        Ok(Component::Directive {
            text: a.text("text")?,
        })
    }),
    ("notice", |_, a| {
        Ok(Component::Notice {
            text: a.text("text")?,
        })
    }),
    ("signature", |_, a| {
        Ok(Component::Signature {
            position: a.text("position")?,
            name: a.text("name")?,
        })
    }),
    ("acquaintance", |_, a| {
        Ok(Component::Acquaintance {
            label: a.text("label")?,
            names: a.lines("names")?,
        })
    }),
    ("annex_mark", |_, a| {
        Ok(Component::Aside {
            kind: AsideKind::AnnexMark,
            lines: a.lines("lines")?,
        })
    }),
    ("approval_stamp", |_, a| {
        Ok(Component::Aside {
            kind: AsideKind::ApprovalStamp,
            lines: a.lines("lines")?,
        })
    }),
    ("stamps", |_, a| {
        Ok(Component::Stamps {
            left: a.lines("left")?,
            right: a.lines("right")?,
        })
    }),
    ("approvals", |_, a| {
        Ok(Component::Approvals {
            document: approved_document(a)?,
            noun: a.text("noun")?,
        })
    }),
    ("title_page", |_, a| {
        Ok(Component::TitlePage {
            document: approved_document(a)?,
            noun: a.text("noun")?,
            title: a.lines("title")?,
        })
    }),
    ("section", |_, a| {
        let orientation = match a.text("orientation")?.as_str() {
            "portrait" => Orientation::Portrait,
            "landscape" => Orientation::Landscape,
            other => {
                return Err(invalid(format!(
                    "section: ориентация «{other}» не бывает; пишите portrait или landscape"
                )))
            }
        };
        Ok(Component::Section { orientation })
    }),
    ("roadmap_table", |state, a| {
        let columns = state
            .lookup("roadmap")
            .and_then(|r| r.get_attr("headers").ok())
            .and_then(|h| h.len())
            .ok_or_else(|| invalid("roadmap_table: в этом документе нет дорожной карты".into()))?;
        // Headers are the roadmap's own (its data); a template may rename
        // them, one for each column.
        let headers = match a.value("headers")? {
            Some(_) => Some(a.headers(columns)?),
            None => None,
        };
        Ok(Component::RoadmapTable { headers })
    }),
    ("monitoring_table", |state, a| {
        if state.lookup("report").is_none_or(|r| r.is_none()) {
            return Err(invalid(
                "monitoring_table: таблица мониторинга бывает только в справке".into(),
            ));
        }
        Ok(Component::MonitoringTable {
            headers: a.headers(4)?,
        })
    }),
    ("simple_table", |_, a| {
        let headers = a.lines("headers")?;
        let columns = headers.len();
        let bad_rows = || {
            invalid(format!(
                "simple_table: «rows» — список строк таблицы, в каждой {columns} ячеек (по числу заголовков)"
            ))
        };
        let rows = a
            .required("rows")?
            .try_iter()
            .map_err(|_| bad_rows())?
            .map(|row| {
                let cells = a.list("rows", &row)?;
                (cells.len() == columns)
                    .then_some(cells)
                    .ok_or_else(bad_rows)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let widths = match a.value("widths")? {
            None => vec![1.0; columns],
            Some(w) => {
                let bad = || {
                    invalid(format!(
                        "simple_table: «widths» — {columns} положительных чисел, по одному на столбец"
                    ))
                };
                let widths = w
                    .try_iter()
                    .map_err(|_| bad())?
                    .map(|v| f64::try_from(v).ok().filter(|x| x.is_finite() && *x > 0.0))
                    .collect::<Option<Vec<f64>>>()
                    .ok_or_else(bad)?;
                if widths.len() != columns {
                    return Err(bad());
                }
                widths.into_iter().map(|x| x as f32).collect()
            }
        };
        Ok(Component::SimpleTable {
            headers,
            rows,
            widths,
        })
    }),
    ("pairs_table", |_, a| {
        Ok(Component::PairsTable {
            headers: a.headers(5)?,
        })
    }),
    ("participants_table", |_, a| {
        let base = match a.text("base")?.as_str() {
            "mentors" => Base::Mentors,
            "mentees" => Base::Mentees,
            other => {
                return Err(invalid(format!(
                    "participants_table: базы «{other}» нет; пишите base=\"mentors\" или base=\"mentees\""
                )))
            }
        };
        Ok(Component::ParticipantsTable {
            base,
            headers: a.headers(8)?,
        })
    }),
    ("plan_table", |state, a| {
        let value = a.required("pair")?;
        let pairs = state.lookup("plans").and_then(|p| p.len()).unwrap_or(0);
        let pair = usize::try_from(value.clone())
            .ok()
            .filter(|n| (1..=pairs).contains(n))
            .ok_or_else(|| {
                invalid(format!(
                    "plan_table: пары № {value} нет; пары нумеруются с 1 до {pairs}"
                ))
            })?;
        Ok(Component::PlanTable {
            pair,
            headers: a.headers(6)?,
        })
    }),
];

/// Adds every component function to a template environment.
pub fn register(env: &mut Environment<'_>) {
    for &(name, read) in COMPONENTS {
        env.add_function(name, move |state: &State, kwargs: Kwargs| {
            let mut args = Args::new(name, &kwargs);
            let component = read(state, &mut args)?;
            args.finish()?;
            Ok(record(state, component))
        });
    }
}

/// The names of the component functions, for documentation and errors.
pub fn names() -> impl Iterator<Item = &'static str> {
    COMPONENTS.iter().map(|(name, _)| *name)
}

/// Builds what a component stands for from the model.
pub fn resolve(
    org: &Organization,
    report: Option<&Report>,
    component: &Component,
) -> Result<Piece, GenError> {
    let block = |b: Block| Ok(Piece::Block(b));
    let line = |text: &str, bold: bool| {
        Block::Paragraph(Paragraph::aligned(
            vec![if bold {
                Inline::bold(text)
            } else {
                Inline::plain(text)
            }],
            Align::Left,
        ))
    };
    match component {
        Component::Requisites { kind, date, number } => block(Block::Requisites(Requisites {
            header_lines: org.header.clone(),
            issuer: org.name.trim().to_string(),
            kind: kind.clone(),
            date: date.clone(),
            number: number.clone(),
            place: org.place.clone(),
        })),
        Component::Directive { text } => block(line(text, false)),
        Component::Notice { text } => block(line(text, true)),
        // The position opens the signature's line: «директор» prints «Директор».
        Component::Signature { position, name } => block(Block::Signature(Signature {
            position: crate::grammar_filters::upper_first(position),
            name: name.clone(),
        })),
        Component::Acquaintance { label, names } => block(Block::Acquaintance(Acquaintance {
            label: label.clone(),
            names: names.iter().filter(|n| !n.is_empty()).cloned().collect(),
        })),
        Component::Aside { kind, lines } => block(Block::Aside(Aside {
            kind: *kind,
            lines: lines.iter().filter(|l| !l.is_empty()).cloned().collect(),
        })),
        Component::Stamps { left, right } => {
            block(Block::Stamps(Stamps::pair(left.clone(), right.clone())))
        }
        Component::Approvals { document, noun } => {
            block(Block::Stamps(approvals::stamps(org, *document, noun)))
        }
        Component::TitlePage {
            document,
            noun,
            title,
        } => block(match approvals::title_page(org, *document, noun, title) {
            Some(page) => Block::TitlePage(page),
            None => Block::Stamps(approvals::stamps(org, *document, noun)),
        }),
        Component::Section { orientation } => Ok(Piece::NewSection(*orientation)),
        Component::RoadmapTable { headers } => {
            let roadmap = org.roadmap.as_ref().ok_or_else(|| {
                GenError::MissingData("в файле нет раздела roadmap (дорожная карта)".into())
            })?;
            block(Block::Table(roadmap_table(
                org,
                roadmap,
                headers.as_deref(),
            )))
        }
        Component::MonitoringTable { headers } => {
            let report = report.ok_or_else(|| {
                GenError::MissingData("в файле нет раздела reports (справка)".into())
            })?;
            block(Block::Table(crate::documents::report::monitoring_table(
                org, report, headers,
            )))
        }
        Component::SimpleTable {
            headers,
            rows,
            widths,
        } => block(Block::Table(crate::documents::report::simple_table(
            headers, rows, widths,
        ))),
        Component::PairsTable { headers } => block(Block::Table(
            crate::documents::participants::pairs_table(org, headers),
        )),
        Component::ParticipantsTable { base, headers } => block(Block::Table(
            crate::documents::participants::participants_table(org, *base, headers),
        )),
        Component::PlanTable { pair, headers } => {
            let table = crate::documents::participants::plan_table(org, *pair - 1, headers)
                .ok_or_else(|| {
                    GenError::MissingData(format!("в participants.pairs нет пары № {pair}"))
                })?;
            block(Block::Table(table))
        }
    }
}
