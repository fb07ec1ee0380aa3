//! The Р-145 target model of mentoring (целевая модель наставничества).
//!
//! This crate knows the domain and nothing of documents: the organisation and
//! its people, the roadmap with typed deadlines, issued documents that others
//! cite, Russian writing rules, and loading from YAML with positions so that
//! every mistake is reported as `file:line:column` with the field's path.
//!
//! ```
//! let yaml = r#"
//! kind: school
//! name: Муниципальное бюджетное общеобразовательное учреждение средняя школа № 9
//! short_name: МБОУ средняя школа № 9
//! head: { surname: Уханов, name: А., patronymic: В., position: Директор }
//! "#;
//! let school = nastavnik_core::from_yaml_str(yaml, "school9.yaml").unwrap();
//! assert_eq!(school.head.initials_surname(), "А.В.\u{a0}Уханов");
//! ```

pub mod dates;
pub mod deadline;
pub mod default_roadmap;
pub mod diagnostic;
pub mod forms;
pub mod grammar;
pub mod limits;
pub mod load;
mod mend;
pub mod order;
pub mod organization;
pub mod participants;
pub mod person;
pub mod progress;
pub mod report;
pub mod roadmap;
pub mod russian;
pub mod schema;
pub mod starter;
pub mod validate;

pub use deadline::{Deadline, Rhythm, RhythmPeriod, YearMonth};
pub use diagnostic::{Diagnostic, Severity};
pub use load::{from_path, from_yaml_str, load_path, load_str, LoadError, Loaded, PositionIndex};
pub use order::{Event, ImplementationOrder, Order, Reward, Unit};
pub use organization::{IssuedDocument, Orders, Organization, OrganizationKind, Territory};
pub use person::Person;
pub use progress::{Evidence, Status};
pub use report::{Figures, FormCount, Report, Reports, TextBlock};
pub use roadmap::{
    Addition, Period, Responsible, Roadmap, RoadmapItem, RoadmapLayout, RoadmapSection, Step,
};
