//! Security of military service: strength, Plans, training events, Acts, incidents, analyses.
//!
//! The rows hold facts; coverage, rates, retention and lateness are decided by the rules.

mod acts;
mod analyses;
mod incidents;
mod plans;
mod rollups;
mod strength;
mod training;

pub use acts::{
    Act, CategoryCount, OverdueViolation, Violation, acknowledge_act, act, acts_between,
    acts_ended_by, delete_act, eliminate_violation, insert_act, inspected_units,
    overdue_violations, violation, violation_counts, violations,
};
pub use analyses::{Analysis, analyses_from, analysis, upsert_analysis};
pub use incidents::{Incident, incidents_between, insert_incident, insert_incidents};
pub use plans::{
    Plan, PlanActivity, PlanVersion, activities, activity, approve_version, insert_plan,
    insert_version, mark_activity, plan, plans_of_unit, plans_of_year, replace_activities,
    set_plan_versions, update_version_text, version, versions,
};
pub use rollups::{
    IncidentRollup, StrengthRollup, add_incident_rollups, add_strength_rollups,
    all_incident_rollups, all_strength_rollups, clear_rollups, incident_counts_by_unit,
    incident_rollups, strength_of_units, strength_rollups,
};
pub use strength::{Strength, strength_between, strength_of_unit, upsert_strength};
pub use training::{Training, insert_training, trainings_from};

use crate::StoreError;

fn not_found(entity: &'static str, id: impl ToString) -> StoreError {
    StoreError::NotFound {
        entity,
        id: id.to_string(),
    }
}
