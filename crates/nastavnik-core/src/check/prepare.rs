//! Preparing a model for rendering: the one door between an [`Organization`]
//! — read from YAML or built in code — and the documents.

use std::fmt;
use std::ops::Deref;

use crate::check::diagnostic::{Diagnostic, Severity};
use crate::check::Problem;
use crate::Organization;

/// An organisation that went through everything loading runs: the default
/// roadmap expanded and dated, the limits and the cross-checks passed. Only
/// [`prepare`] (and the loader, which calls it) makes one, so a renderer
/// never sees a model that skipped a step.
#[derive(Debug, Clone)]
pub struct Prepared {
    organization: Organization,
    warnings: Vec<Diagnostic>,
}

impl Prepared {
    /// The organisation, ready to render.
    pub fn organization(&self) -> &Organization {
        &self.organization
    }

    /// What looks wrong but does not stop rendering.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// The organisation, to change it (and prepare it again).
    pub fn into_organization(self) -> Organization {
        self.organization
    }

    pub(crate) fn new(organization: Organization, warnings: Vec<Diagnostic>) -> Self {
        Prepared {
            organization,
            warnings,
        }
    }
}

impl Deref for Prepared {
    type Target = Organization;

    fn deref(&self) -> &Organization {
        &self.organization
    }
}

/// The problems of a model that could not be prepared, errors first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// Runs what every model needs before rendering, in place, and returns its
/// problems with their fields (no positions: the loader places them).
pub(crate) fn run(org: &mut Organization) -> Vec<Problem> {
    let mut problems = crate::catalogue::default_roadmap::expand(org);
    crate::model::style::apply_deadline_style(org);
    problems.extend(crate::check::limits::check(org));
    problems.extend(crate::check::validate(org));
    problems.extend(crate::check::values::check(org));
    problems.extend(crate::check::guesses::check(org));
    problems
}

/// Prepares a model built in code exactly as loading prepares a file: the
/// default roadmap is expanded, limits and cross-checks run. Problems name
/// their fields; the file is «<модель>» and there is no line.
///
/// ```
/// use nastavnik_core::{prepare, Organization, OrganizationKind, Person, Period, Roadmap};
/// let org = Organization {
///     kind: OrganizationKind::School,
///     name: "Гимназия № 5".into(),
///     head: Person::new("Петрова", "Анна", "Сергеевна").with_position("Директор"),
///     roadmap: Some(Roadmap {
///         from_default: true,
///         period: Some(Period::parse("2026/2027").unwrap()),
///         ..Default::default()
///     }),
///     ..Default::default()
/// };
/// let prepared = prepare(org).unwrap();
/// // The default roadmap of the seven stages, dated for the period.
/// assert_eq!(prepared.roadmap.as_ref().unwrap().sections.len(), 7);
/// ```
pub fn prepare(mut org: Organization) -> Result<Prepared, Diagnostics> {
    let problems = run(&mut org);
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = problems
        .into_iter()
        .map(|p| Diagnostic {
            severity: p.severity,
            file: "<модель>".into(),
            line: 0,
            column: 0,
            field: p.field,
            message: p.message,
        })
        .partition(|d| d.severity == Severity::Error);
    if errors.is_empty() {
        Ok(Prepared::new(org, warnings))
    } else {
        Err(Diagnostics(errors.into_iter().chain(warnings).collect()))
    }
}
