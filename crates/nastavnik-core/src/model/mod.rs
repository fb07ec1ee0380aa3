//! The model of Р-145: the organisation, its people and participants, the
//! orders it issues, the roadmap with typed deadlines, and reports.

pub mod approval;
pub mod deadline;
pub mod edits;
pub mod municipal;
pub mod order;
pub mod organization;
pub mod participants;
pub mod person;
pub mod progress;
pub mod report;
pub mod roadmap;
pub mod style;
pub mod teachers;
