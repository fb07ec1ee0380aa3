//! What the model knows before any file is read: the forms of mentoring and
//! the default roadmap, kept as data files embedded in the crate.

pub mod acts;
pub mod default_roadmap;
pub mod forms;
pub mod teachers;
