//! The register of deaths and injuries.

use chrono::NaiveDate;
use qorgau_app::safety::incidents::IncidentView;
use qorgau_rules::safety::{Cause, IncidentActivity, IncidentKind, PeriodKind};
use serde::Serialize;
use utoipa::ToSchema;

use crate::api::words::word;

/// A death or injury as the register shows it.
#[derive(Serialize, ToSchema)]
pub struct SafetyIncident {
    pub id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub occurred_on: NaiveDate,
    #[schema(schema_with = word::<IncidentKind>)]
    pub kind: IncidentKind,
    /// In performance of military service duties.
    pub in_duty: bool,
    #[schema(schema_with = word::<Cause>)]
    pub cause: Cause,
    #[schema(schema_with = word::<IncidentActivity>)]
    pub activity: IncidentActivity,
    /// The training period of the date: winter_training or summer_training.
    #[schema(schema_with = word::<PeriodKind>)]
    pub season: PeriodKind,
    pub description: String,
    pub recorded_by: String,
}

impl From<IncidentView> for SafetyIncident {
    fn from(i: IncidentView) -> Self {
        Self {
            id: i.id,
            unit_id: i.unit_id,
            unit_name: i.unit_name,
            occurred_on: i.occurred_on,
            kind: i.kind,
            in_duty: i.in_duty,
            cause: i.cause,
            activity: i.activity,
            season: i.season,
            description: i.description,
            recorded_by: i.recorded_by,
        }
    }
}
