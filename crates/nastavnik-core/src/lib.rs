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

pub mod catalogue;
pub mod check;
pub mod grammar;
pub mod load;
pub mod model;
pub mod russian;

pub use check::diagnostic::{Diagnostic, Severity};
pub use check::prepare::{prepare, Diagnostics, Prepared};
pub use load::{from_path, from_yaml_str, load_path, load_str, LoadError, Loaded, PositionIndex};
pub use model::approval::{Approval, ApprovalKind, TitlePage, MAX_APPROVAL_COLUMNS};
pub use model::deadline::{Deadline, Rhythm, RhythmPeriod, When, YearMonth};
pub use model::edits::{
    Annex, Insertion, NewSection, Point, PointEdits, RoleWord, SectionEdits, SectionInsertion,
    TextAnnex, WorkingGroup,
};
pub use model::order::{Event, ImplementationOrder, Order, Reward, Unit};
pub use model::organization::{IssuedDocument, Orders, Organization, OrganizationKind, Territory};
pub use model::person::{NameStyle, Person, Sex};
pub use model::progress::{Evidence, Status};
pub use model::report::{Figures, FormCount, Report, Reports, TextBlock};
pub use model::roadmap::{
    Addition, Column, ColumnField, ListStyle, Period, Responsible, Roadmap, RoadmapColumn,
    RoadmapItem, RoadmapLayout, RoadmapSection, Step,
};
pub use model::style::{AcademicYear, Citing, DateStyle, HouseStyle, Names, TextStyle};
