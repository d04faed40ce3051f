//! `safety.exercise_due`: the special exercise required before an activity.
//!
//! > 11. Special exercises and activities include: 1) complex tactical and combat exercises on
//! > the scale of military command and control bodies ... - before the start of the winter and
//! > summer period of training and similar exercises in units and services - before
//! > conducting classes (trainings) with access to training grounds (to the areas of
//! > operations), exercises and other events related to the movement of troops (forces), the
//! > performance of work on weapons, military and special equipment, as well as in the
//! > preparation of the military personnel to serve in a daily dress; (001, para 11, item 1)
//!
//! Reading: "before" is read as no later than the day before the activity starts.

use chrono::NaiveDate;
use qorgau_i18n::Message;
use serde::{Deserialize, Serialize};

use crate::{Decision, RuleError, TypedRule, cite};

pub struct ExerciseDue;

qorgau_i18n::vocabulary! {
    /// The activity an exercise must precede.
    #[derive(Debug, schemars::JsonSchema)]
    pub enum Activity: "activity-" {
        /// The start of the winter or summer training period.
        TrainingPeriod = "training_period",
        /// Classes with access to training grounds or areas of operations, and exercises.
        FieldExercise = "field_exercise",
        TroopMovement = "troop_movement",
        WeaponsAndEquipmentWork = "weapons_and_equipment_work",
        /// Preparing personnel to serve in a daily duty detail.
        DailyDuty = "daily_duty",
    }
}

qorgau_i18n::vocabulary! {
    /// The exercise para 11 requires.
    #[derive(Debug, schemars::JsonSchema)]
    pub enum Exercise: "exercise-" {
        /// A complex tactical and combat exercise on the scale of the body.
        ComplexTacticalExercise = "complex_tactical_exercise",
        /// A similar exercise in the units and services concerned.
        UnitSafetyExercise = "unit_safety_exercise",
    }
}

/// The exercise `activity` needs.
pub fn exercise_for(activity: Activity) -> Exercise {
    match activity {
        Activity::TrainingPeriod => Exercise::ComplexTacticalExercise,
        _ => Exercise::UnitSafetyExercise,
    }
}

/// The facts of `safety.exercise_due`.
#[derive(Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExerciseFacts {
    /// training_period, field_exercise, troop_movement, weapons_and_equipment_work or
    /// daily_duty.
    pub activity: Activity,
    /// The first day of the activity (of the training period for training_period).
    pub starts_on: NaiveDate,
}

impl TypedRule for ExerciseDue {
    type Facts = ExerciseFacts;
    type Outcome = ExerciseOutcome;
    const ID: &'static str = "safety.exercise_due";
    const TITLE: &'static str = "rule-safety-exercise-title";
    const CITATIONS: &'static [&'static str] = &["kz-2020-mod-738/para_11__point_1"];
    const IN_FORCE_FROM: (i32, u32, u32) = super::IN_FORCE_FROM;

    fn decide(
        &self,
        facts: ExerciseFacts,
        as_of: NaiveDate,
    ) -> Result<Decision<ExerciseOutcome>, RuleError> {
        let due_by = facts
            .starts_on
            .pred_opt()
            .ok_or_else(|| RuleError::InvalidFact {
                rule: Self::ID,
                fact: "starts_on",
                message: Message::new("fact-exercise-no-day-before")
                    .arg("starts_on", facts.starts_on.to_string()),
            })?;
        let exercise = exercise_for(facts.activity);
        let days_left = (due_by - as_of).num_days();
        let explanation = vec![
            Message::new(match exercise {
                Exercise::ComplexTacticalExercise => "rule-safety-exercise-period",
                Exercise::UnitSafetyExercise => "rule-safety-exercise-unit",
            })
            .arg("starts_on", facts.starts_on.to_string())
            .arg("due_by", due_by.to_string()),
            if days_left >= 0 {
                Message::new("rule-safety-exercise-remaining")
                    .arg("as_of", as_of.to_string())
                    .arg("days", days_left)
            } else {
                Message::new("rule-safety-exercise-passed")
                    .arg("as_of", as_of.to_string())
                    .arg("days", -days_left)
            },
        ];
        Ok(Decision {
            rule: Self::ID,
            as_of,
            outcome: ExerciseOutcome {
                exercise,
                due_by,
                days_left,
            },
            citations: cite(Self::CITATIONS),
            explanation,
        })
    }
}

/// The outcome of `safety.exercise_due`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ExerciseOutcome {
    pub exercise: Exercise,
    /// The last day the exercise may be held.
    pub due_by: NaiveDate,
    pub days_left: i64,
}
