//! Rules of the security of military service (corpus document 001, Order No. 738).

mod coverage;
mod exercise;
mod periods;
mod plan_due;
mod plan_revision;
mod rates;
mod retention;
mod schedule;
mod unfavourable;
pub mod vocabulary;

pub use coverage::{
    CoverageFacts, CoverageOutcome, CoverageOutlook, QuarterlyCoverage, coverage_met,
    coverage_outlook, required_inspections,
};
pub use exercise::{Activity, Exercise, ExerciseDue, ExerciseFacts, ExerciseOutcome, exercise_for};
pub use periods::{
    ComparisonFacts, ComparisonOutcome, ComparisonPeriod, MonthDay, Period, PeriodError,
    PeriodKind, TrainingCalendar,
};
pub use plan_due::{PlanDue, PlanDueFacts, PlanDueOutcome, plan_last_day};
pub use plan_revision::{PlanChange, PlanRevisionFacts, PlanRevisionRequired, RevisionOutcome};
pub use rates::{Rates, RatesFacts, RatesOutcome, per_thousand, round_rate};
pub use retention::{
    ActRetentionUntil, RETENTION_YEARS, RetentionFacts, RetentionOutcome, kept_until,
};
pub use schedule::{
    AnalysisSchedule, Echelon, ScheduleFacts, ScheduleOutcome, analyses_due, analysis_deadline,
    periods_ending_on,
};
pub use unfavourable::{UNFAVOURABLE_CLAUSE, UnitRates, unfavourable};
pub use vocabulary::{
    Cause, IncidentActivity, IncidentKind, PlanStatus, ScheduleStatus, TrainingKind,
    ViolationCategory,
};

/// The act every rule of this module cites.
pub const ACT: &str = "kz-2020-mod-738";
/// The Rules apply from 4 January 2021: ten calendar days after the order's first official
/// publication, read from its date of 25 December 2020 (the corpus states the reading).
pub const IN_FORCE_FROM: (i32, u32, u32) = (2021, 1, 4);
