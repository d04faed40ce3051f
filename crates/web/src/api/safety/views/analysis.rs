//! The analysis of a body for a period, its conclusions, and the analyses due.

use chrono::{DateTime, NaiveDate, Utc};
use qorgau_app::safety::analysis::{
    AnalysisReport, Figures, MonthPoint, RankedUnit, ScheduledAnalysis, Tally,
};
use qorgau_i18n::Lang;
use qorgau_rules::safety::{Cause, Echelon, Period, PeriodKind, ScheduleStatus, ViolationCategory};
use qorgau_store::safety::Analysis;
use serde::Serialize;
use utoipa::ToSchema;

use crate::api::words::word;

/// One concrete period: its kind, the year it is named by, its number within the year (month,
/// quarter or half; 1 otherwise) and its first and last day.
#[derive(Serialize, ToSchema)]
pub struct SafetyPeriod {
    #[schema(schema_with = word::<PeriodKind>)]
    pub kind: PeriodKind,
    pub year: i32,
    pub number: u32,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl From<&Period> for SafetyPeriod {
    fn from(p: &Period) -> Self {
        Self {
            kind: p.kind,
            year: p.year,
            number: p.number,
            start: p.start,
            end: p.end,
        }
    }
}

/// A subordinate unit in the ranking.
#[derive(Serialize, ToSchema)]
pub struct SafetyRankedUnit {
    pub unit_id: i64,
    pub unit_name: String,
    pub current: Figures,
    pub previous: Figures,
    /// The change of the rate since the same period last year.
    pub change: Option<f64>,
    pub unfavourable: bool,
    /// Why it is unfavourable, in the caller's language.
    pub reason_texts: Vec<String>,
}

impl SafetyRankedUnit {
    fn new(unit: &RankedUnit, lang: &Lang) -> Self {
        Self {
            unit_id: unit.unit_id,
            unit_name: unit.unit_name.clone(),
            current: unit.current,
            previous: unit.previous,
            change: unit.change,
            unfavourable: unit.unfavourable,
            reason_texts: unit.reasons.iter().map(|m| m.render(lang)).collect(),
        }
    }
}

/// A violation category and how often the Acts of the period found it.
#[derive(Serialize, ToSchema)]
pub struct SafetyDeficiency {
    #[schema(schema_with = word::<ViolationCategory>)]
    pub key: ViolationCategory,
    pub count: i64,
}

impl From<&Tally<ViolationCategory>> for SafetyDeficiency {
    fn from(t: &Tally<ViolationCategory>) -> Self {
        Self {
            key: t.key,
            count: t.count,
        }
    }
}

/// A cause and how many deaths and injuries in performance of duty it had.
#[derive(Serialize, ToSchema)]
pub struct SafetyCauseCount {
    #[schema(schema_with = word::<Cause>)]
    pub key: Cause,
    pub count: i64,
}

impl From<&Tally<Cause>> for SafetyCauseCount {
    fn from(t: &Tally<Cause>) -> Self {
        Self {
            key: t.key,
            count: t.count,
        }
    }
}

/// The analyst's conclusions and proposed measures for a body and period (para 19).
#[derive(Serialize, ToSchema)]
pub struct SafetyAnalysisConclusions {
    pub id: i64,
    pub body_id: i64,
    #[schema(schema_with = word::<PeriodKind>)]
    pub kind: PeriodKind,
    pub year: i64,
    pub number: i64,
    pub conclusions: String,
    pub measures: String,
    pub completed_by: String,
    pub completed_at: DateTime<Utc>,
}

impl From<&Analysis> for SafetyAnalysisConclusions {
    fn from(a: &Analysis) -> Self {
        Self {
            id: a.id,
            body_id: a.body_id,
            kind: a.kind,
            year: a.year,
            number: a.number,
            conclusions: a.conclusions.clone(),
            measures: a.measures.clone(),
            completed_by: a.completed_by.clone(),
            completed_at: a.completed_at,
        }
    }
}

/// The analysis of a body for a period against the same period last year.
#[derive(Serialize, ToSchema)]
pub struct SafetyAnalysisReport {
    pub body_id: i64,
    pub body_name: String,
    pub period: SafetyPeriod,
    pub previous_period: SafetyPeriod,
    pub current: Figures,
    pub previous: Figures,
    pub change_deaths_per_1000: Option<f64>,
    pub change_injuries_per_1000: Option<f64>,
    pub ranking: Vec<SafetyRankedUnit>,
    pub monthly: Vec<MonthPoint>,
    /// The most frequent violation categories in the Acts of the period (para 16.2).
    pub deficiencies: Vec<SafetyDeficiency>,
    /// The causes of deaths and injuries in performance of duty (para 16.2).
    pub causes: Vec<SafetyCauseCount>,
    /// The clauses the analysis rests on.
    pub citations: Vec<String>,
    /// The criterion of unfavourable units, in the caller's language.
    pub criterion_text: String,
    pub conclusions: Option<SafetyAnalysisConclusions>,
}

impl SafetyAnalysisReport {
    pub fn new(report: &AnalysisReport, lang: &Lang) -> Self {
        Self {
            body_id: report.body_id,
            body_name: report.body_name.clone(),
            period: SafetyPeriod::from(&report.period),
            previous_period: SafetyPeriod::from(&report.previous_period),
            current: report.current,
            previous: report.previous,
            change_deaths_per_1000: report.change_deaths_per_1000,
            change_injuries_per_1000: report.change_injuries_per_1000,
            ranking: report
                .ranking
                .iter()
                .map(|unit| SafetyRankedUnit::new(unit, lang))
                .collect(),
            monthly: report.monthly.clone(),
            deficiencies: report
                .deficiencies
                .iter()
                .map(SafetyDeficiency::from)
                .collect(),
            causes: report.causes.iter().map(SafetyCauseCount::from).collect(),
            citations: report.citations.clone(),
            criterion_text: report.criterion.render(lang),
            conclusions: report
                .conclusions
                .as_ref()
                .map(SafetyAnalysisConclusions::from),
        }
    }
}

/// One analysis a body owes (para 20), with its deadline and where it stands.
#[derive(Serialize, ToSchema)]
pub struct SafetyScheduledAnalysis {
    pub body_id: i64,
    pub body_name: String,
    #[schema(schema_with = word::<Echelon>)]
    pub echelon: Echelon,
    #[schema(schema_with = word::<PeriodKind>)]
    pub kind: PeriodKind,
    pub year: i32,
    pub number: u32,
    pub period_end: NaiveDate,
    pub deadline: NaiveDate,
    #[schema(schema_with = word::<ScheduleStatus>)]
    pub status: ScheduleStatus,
}

impl From<&ScheduledAnalysis> for SafetyScheduledAnalysis {
    fn from(s: &ScheduledAnalysis) -> Self {
        Self {
            body_id: s.body_id,
            body_name: s.body_name.clone(),
            echelon: s.echelon,
            kind: s.kind,
            year: s.year,
            number: s.number,
            period_end: s.period_end,
            deadline: s.deadline,
            status: s.status,
        }
    }
}
