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
    /// ```
    pub fn fits(self, issuer: OrganizationKind) -> bool {
        let both = matches!(
            self,
            DocumentKind::OrderImplementation
                | DocumentKind::OrderFinalEvent
                | DocumentKind::Roadmap
        );
        let authority_only = matches!(self, DocumentKind::MunicipalReport);
        match issuer {
            OrganizationKind::School => !authority_only,
            OrganizationKind::Authority => both || authority_only,
        }
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
