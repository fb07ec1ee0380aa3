//! Who issues what: a school writes its положение, programme, pairs and
//! bases; an education authority writes its order on implementation, its
//! roadmap and its own events. A kind that does not fit the organisation is
//! refused with the kinds that do, never rendered with a school's text
//! under an authority's name.

use nastavnik_core::OrganizationKind;

use crate::documents::DocumentKind;
use crate::GenError;

impl DocumentKind {
    /// Whether an organisation of `issuer` kind issues documents of this kind.
    ///
    /// ```
    /// use nastavnik_core::OrganizationKind;
    /// use nastavnik_gen::DocumentKind;
    /// assert!(DocumentKind::Roadmap.fits(OrganizationKind::Authority));
    /// assert!(!DocumentKind::Provision.fits(OrganizationKind::Authority));
    /// assert!(DocumentKind::Provision.fits(OrganizationKind::School));
    /// assert!(!DocumentKind::MunicipalReport.fits(OrganizationKind::School));
    /// assert!(DocumentKind::MunicipalProvision.fits(OrganizationKind::Authority));
    /// assert!(!DocumentKind::MunicipalProvision.fits(OrganizationKind::School));
    /// // The orders on a school's положение and programme are a school's.
    /// assert!(DocumentKind::OrderProvision.fits(OrganizationKind::School));
    /// assert!(!DocumentKind::OrderProgramme.fits(OrganizationKind::Authority));
    /// ```
    pub fn fits(self, issuer: OrganizationKind) -> bool {
        let both = matches!(
            self,
            DocumentKind::OrderImplementation
                | DocumentKind::OrderFinalEvent
                | DocumentKind::Roadmap
        );
        let authority_only = matches!(
            self,
            DocumentKind::MunicipalReport | DocumentKind::MunicipalProvision
        );
        match issuer {
            OrganizationKind::School => !authority_only,
            OrganizationKind::Authority => both || authority_only,
        }
    }
}

impl DocumentKind {
    /// A document of the mentoring system of pedagogical workers (`teachers:`).
    pub fn is_teachers(self) -> bool {
        matches!(
            self,
            DocumentKind::TeachersProvision
                | DocumentKind::TeachersRoadmap
                | DocumentKind::TeachersOrder
                | DocumentKind::TeachersPairs
                | DocumentKind::TeachersProgramme
        )
    }

    /// Whether the kind belongs to what the file describes: the organisation
    /// issues it, and for the teachers' kinds the file keeps that system. A
    /// bundle and `check`'s list of documents offer only these; asked for by
    /// name, any other kind says what it lacks.
    ///
    /// ```
    /// use nastavnik_gen::DocumentKind;
    /// let school = nastavnik_core::Organization::default();
    /// assert!(DocumentKind::OrderPairs.applies_to(&school));
    /// assert!(!DocumentKind::TeachersOrder.applies_to(&school));
    /// ```
    pub fn applies_to(self, org: &nastavnik_core::Organization) -> bool {
        self.fits(org.kind) && (!self.is_teachers() || org.teachers.is_some())
    }
}

/// Refuses a kind the organisation does not issue, naming the ones it does.
pub(crate) fn refuse_unfit(kind: DocumentKind, issuer: OrganizationKind) -> Result<(), GenError> {
    if kind.fits(issuer) {
        return Ok(());
    }
    let word = |k: OrganizationKind| match k {
        OrganizationKind::School => "образовательная организация (kind: school)",
        OrganizationKind::Authority => "орган управления образованием (kind: authority)",
    };
    // Whom the file describes: the accusative.
    let whom = |k: OrganizationKind| match k {
        OrganizationKind::School => "образовательную организацию (kind: school)",
        OrganizationKind::Authority => "орган управления образованием (kind: authority)",
    };
    let author = [OrganizationKind::School, OrganizationKind::Authority]
        .into_iter()
        .find(|k| kind.fits(*k))
        .map_or("другая организация", word);
    let fitting: Vec<&str> = DocumentKind::ALL
        .iter()
        .filter(|k| k.fits(issuer))
        .map(|k| k.id())
        .collect();
    Err(GenError::MissingData(format!(
        "документ «{}» пишет {author}, а этот файл описывает {}; для него есть: {}",
        kind.title(),
        whom(issuer),
        fitting.join(", ")
    )))
}
