//! Training (paras 7-11): special exercises and month or decade campaigns recorded against the
//! Plan, and reminders of the exercise `safety.exercise_due` requires before each training
//! period.

use chrono::{Datelike, Duration, NaiveDate};
use qorgau_i18n::Message;
use qorgau_rules::safety::{
    self as rules, Activity, Period, PeriodKind, TrainingCalendar, TrainingKind,
};
use qorgau_rules::{Decision, TypedRule};
use qorgau_store::safety::{self as repo, Training};
use serde::{Deserialize, Serialize};

use super::{is_command_body, records, word};
use crate::audit::{AuditAction, Change};
use crate::validation::{date, text};
use crate::{Acting, App, AppError, Permission, Scope, authorize};

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewTraining {
    pub unit_id: i64,
    /// special_exercise, month_campaign or decade_campaign.
    pub kind: String,
    /// For a special exercise: the activity it prepares (training_period, field_exercise,
    /// troop_movement, weapons_and_equipment_work, daily_duty).
    #[serde(default)]
    pub activity: Option<String>,
    pub title: String,
    pub starts_on: String,
    pub ends_on: String,
    #[serde(default)]
    pub held: bool,
}

/// The exercise a body owes before the next training period.
#[derive(Debug, Clone, Serialize)]
pub struct ExerciseReminder {
    pub unit_id: i64,
    pub unit_name: String,
    /// winter_training or summer_training.
    pub period: PeriodKind,
    pub period_starts: NaiveDate,
    pub due_by: NaiveDate,
    pub days_left: i64,
    /// Whether a special exercise for the training period is recorded in the 90 days before it.
    pub recorded: bool,
    #[serde(skip)]
    pub decision: Decision<rules::ExerciseOutcome>,
}

/// The start of the next training period after `today` (today included).
pub fn next_training_period(today: NaiveDate, calendar: &TrainingCalendar) -> Option<Period> {
    let mut candidates = Vec::new();
    for year in [today.year() - 1, today.year(), today.year() + 1] {
        for kind in [PeriodKind::WinterTraining, PeriodKind::SummerTraining] {
            if let Ok(p) = Period::new(kind, year, 1, calendar) {
                candidates.push(p);
            }
        }
    }
    candidates
        .into_iter()
        .filter(|p| p.start >= today)
        .min_by_key(|p| p.start)
}

impl App {
    pub async fn record_training(
        &self,
        acting: Acting<'_>,
        new: NewTraining,
    ) -> Result<Training, AppError> {
        let unit = self
            .unit_in_scope(acting, Permission::WriteSafety, new.unit_id)
            .await?;
        let kind: TrainingKind = word("kind", &new.kind)?;
        let activity: Option<Activity> = match (kind, new.activity.as_deref().map(str::trim)) {
            (TrainingKind::SpecialExercise, Some(a)) if !a.is_empty() => Some(word("activity", a)?),
            (TrainingKind::SpecialExercise, _) => {
                return Err(AppError::invalid(
                    "activity",
                    Message::new("invalid-required"),
                ));
            }
            _ => None,
        };
        let starts_on = date("starts_on", &new.starts_on)?;
        let ends_on = date("ends_on", &new.ends_on)?;
        if ends_on < starts_on {
            return Err(AppError::invalid(
                "ends_on",
                Message::new("invalid-period-order"),
            ));
        }
        let title = text("title", &new.title, 300)?;
        let mut w = self
            .write(acting, Permission::WriteSafety, Scope::Unit(&unit.path))
            .await?;
        let mut training = Training {
            id: 0,
            unit_id: unit.id,
            kind,
            activity,
            title,
            starts_on,
            ends_on,
            held: new.held,
            created_by: w.actor_name(),
            created_at: w.at(),
        };
        training.id = repo::insert_training(w.conn(), &training).await?;
        w.audit(Change {
            action: AuditAction::SafetyTrainingRecord,
            entity: "safety_training",
            entity_id: training.id.to_string(),
            before: None,
            after: Some(records::training(&training)),
        })
        .await?;
        w.commit().await?;
        Ok(training)
    }

    /// Training events of the subtree of `body_id` that end on or after `from`.
    pub async fn trainings(
        &self,
        acting: Acting<'_>,
        body_id: i64,
        from: NaiveDate,
    ) -> Result<Vec<Training>, AppError> {
        let tree = self.tree().await?;
        let body = tree.get(body_id)?;
        authorize(acting, Permission::ReadSafety, Scope::Unit(&body.path))?;
        let mut conn = self.store().pool().acquire().await?;
        Ok(repo::trainings_from(&mut conn, from)
            .await?
            .into_iter()
            .filter(|t| {
                tree.units
                    .get(&t.unit_id)
                    .is_some_and(|u| u.path.starts_with(&body.path))
            })
            .collect())
    }

    /// For each body of military command under `body_id`: the exercise due before the next
    /// training period, and whether it is recorded.
    pub async fn exercise_reminders(
        &self,
        acting: Acting<'_>,
        body_id: i64,
    ) -> Result<Vec<ExerciseReminder>, AppError> {
        let tree = self.tree().await?;
        let body = tree.get(body_id)?;
        authorize(acting, Permission::ReadSafety, Scope::Unit(&body.path))?;
        let today = self.clock().today();
        let calendar = TrainingCalendar::default();
        let Some(period) = next_training_period(today, &calendar) else {
            return Ok(Vec::new());
        };
        let decision = rules::ExerciseDue.decision(
            rules::ExerciseFacts {
                activity: Activity::TrainingPeriod,
                starts_on: period.start,
            },
            today,
        )?;
        let window_start = period.start - Duration::days(90);
        let trainings = {
            let mut conn = self.store().pool().acquire().await?;
            repo::trainings_from(&mut conn, window_start).await?
        };
        let due_by = period.start.pred_opt().unwrap_or(period.start);
        let mut out = Vec::new();
        for id in tree.subtree(body_id) {
            if !is_command_body(tree.kind(id)) {
                continue;
            }
            let recorded = trainings.iter().any(|t| {
                t.unit_id == id
                    && t.kind == TrainingKind::SpecialExercise
                    && t.activity == Some(Activity::TrainingPeriod)
                    && t.ends_on < period.start
            });
            out.push(ExerciseReminder {
                unit_id: id,
                unit_name: tree.units[&id].name.clone(),
                period: period.kind,
                period_starts: period.start,
                due_by,
                days_left: (due_by - today).num_days(),
                recorded,
                decision: decision.clone(),
            });
        }
        Ok(out)
    }
}
