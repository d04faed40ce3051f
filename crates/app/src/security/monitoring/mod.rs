//! National-security monitoring (002 Arts. 5, 6, 15, 18; 004 function 3): the organisation
//! graph of the bodies with their interagency commissions, the threat register, the measures of
//! Art. 18.3, and strategic documents with their target indicators.

mod graph;
mod measures;
mod strategy;
mod threats;

pub use graph::{BodyGraph, BodyNode, CommissionView, LeadArea, NewCommission};
pub use measures::{
    MeasureDetail, MeasureView, NewMeasure, NewMeasureReport, reference_measure_kind,
};
pub use strategy::{DocumentView, IndicatorView, NewDocument, NewIndicator, NewIndicatorValue};
pub use threats::{AssessmentView, NewAssessment, SCALE, ThreatHistory, ThreatRegister, ThreatRow};

use chrono::NaiveDate;
use qorgau_i18n::Message;
use qorgau_law::reference::{self, Entry};
use qorgau_rules::security::vocabulary::ListKind;

use crate::{Acting, App, AppError};

/// The public bodies of Art. 15.1, read from the corpus once: pages name a body per row.
pub fn public_bodies() -> &'static [Entry] {
    static BODIES: std::sync::OnceLock<Vec<Entry>> = std::sync::OnceLock::new();
    BODIES.get_or_init(reference::public_bodies)
}

/// A public body of Art. 15.1 by its point number.
pub fn body(number: i64) -> Option<&'static Entry> {
    usize::try_from(number)
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|n| public_bodies().get(n))
}

pub(crate) fn check_body(field: &'static str, number: i64) -> Result<i64, AppError> {
    body(number).map(|_| number).ok_or_else(|| {
        AppError::invalid(
            field,
            Message::new("invalid-body").arg("value", number.to_string()),
        )
    })
}

/// An entry of a list that may be supplemented (main threats, national interests): the point
/// of the law ("7") or an addition by a later act ("a3").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedEntry {
    pub key: String,
    pub name: String,
    /// The clause for an entry of the law; the adding act for an addition.
    pub source: String,
    /// For an addition: the day from which it counts.
    pub added_from: Option<NaiveDate>,
}

fn listed(
    entries: Vec<Entry>,
    additions: &[qorgau_store::security::ListAddition],
    list: ListKind,
) -> Vec<ListedEntry> {
    let mut out: Vec<ListedEntry> = entries
        .into_iter()
        .map(|e| ListedEntry {
            key: e.number.clone(),
            name: e.name,
            source: e.clause.to_string(),
            added_from: None,
        })
        .collect();
    out.extend(
        additions
            .iter()
            .filter(|a| a.list == list)
            .map(|a| ListedEntry {
                key: format!("a{}", a.id),
                name: reference::short_name(&a.text),
                source: a.added_by_act.clone(),
                added_from: Some(a.effective_from),
            }),
    );
    out
}

/// The main threats and national interests in force on `as_of`, read on `conn`.
async fn catalogue_in(
    conn: &mut qorgau_store::Conn,
    as_of: NaiveDate,
) -> Result<(Vec<ListedEntry>, Vec<ListedEntry>), AppError> {
    let additions = qorgau_store::security::additions_on(conn, as_of).await?;
    Ok((
        listed(reference::main_threats(), &additions, ListKind::MainThreats),
        listed(
            reference::national_interests(),
            &additions,
            ListKind::NationalInterests,
        ),
    ))
}

impl App {
    /// The main threats and national interests in force on `as_of` (the law's and later acts'),
    /// for whoever may read the reference lists.
    pub async fn threats_and_interests(
        &self,
        acting: Acting<'_>,
        as_of: NaiveDate,
    ) -> Result<(Vec<ListedEntry>, Vec<ListedEntry>), AppError> {
        self.read_reference(acting)?;
        self.catalogue(as_of).await
    }

    async fn catalogue(
        &self,
        as_of: NaiveDate,
    ) -> Result<(Vec<ListedEntry>, Vec<ListedEntry>), AppError> {
        let mut conn = self.store().pool().acquire().await?;
        catalogue_in(&mut conn, as_of).await
    }
}
