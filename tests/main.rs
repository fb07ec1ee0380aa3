//! The end-to-end tests, in one binary: each links Typst, so one binary
//! builds and links once. A module per area; `common` reads documents the
//! way a reader sees them.

mod common;

mod approvals;
mod bundle;
mod cli;
mod consistency;
mod content;
mod deadlines_as_written;
mod documents;
mod docx_valid;
mod fuzz;
mod grammar_documents;
mod house_style;
mod injection;
mod loader;
mod municipal;
mod municipal_provision;
mod order_set;
mod page_breaks;
mod points;
mod provision_role;
mod reports;
mod roadmap_approvals;
mod roadmap_columns;
mod roadmaps;
mod robustness;
mod samples;
mod schema;
mod snapshots;
mod teachers;
mod typst_layout;
