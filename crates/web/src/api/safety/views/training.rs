//! Training events and the exercise reminders.

use chrono::{DateTime, NaiveDate, Utc};
use qorgau_app::safety::training::ExerciseReminder;
use qorgau_rules::safety::{Activity, PeriodKind, TrainingKind};
use qorgau_store::safety::Training;
use serde::Serialize;
use utoipa::ToSchema;

use crate::api::words::{optional_word, word};

/// A special exercise or a month or decade campaign (para 11).
#[derive(Serialize, ToSchema)]
pub struct SafetyTraining {
    pub id: i64,
    pub unit_id: i64,
    #[schema(schema_with = word::<TrainingKind>)]
    pub kind: TrainingKind,
    /// For a special exercise: the activity it prepares.
    #[schema(schema_with = optional_word::<Activity>)]
    pub activity: Option<Activity>,
    pub title: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub held: bool,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

impl From<&Training> for SafetyTraining {
    fn from(t: &Training) -> Self {
        Self {
            id: t.id,
            unit_id: t.unit_id,
            kind: t.kind,
            activity: t.activity,
            title: t.title.clone(),
            starts_on: t.starts_on,
            ends_on: t.ends_on,
            held: t.held,
            created_by: t.created_by.clone(),
            created_at: t.created_at,
        }
    }
}

/// The exercise a body owes before the next training period (`safety.exercise_due`).
#[derive(Serialize, ToSchema)]
pub struct SafetyExerciseReminder {
    pub unit_id: i64,
    pub unit_name: String,
    /// winter_training or summer_training.
    #[schema(schema_with = word::<PeriodKind>)]
    pub period: PeriodKind,
    pub period_starts: NaiveDate,
    pub due_by: NaiveDate,
    pub days_left: i64,
    /// Whether a special exercise for the training period is recorded in the 90 days before it.
    pub recorded: bool,
}

impl From<&ExerciseReminder> for SafetyExerciseReminder {
    fn from(r: &ExerciseReminder) -> Self {
        Self {
            unit_id: r.unit_id,
            unit_name: r.unit_name.clone(),
            period: r.period,
            period_starts: r.period_starts,
            due_by: r.due_by,
            days_left: r.days_left,
            recorded: r.recorded,
        }
    }
}
