//! Acts of control, their violations, coverage and retention.

use chrono::{DateTime, NaiveDate, Utc};
use qorgau_app::safety::acts::{ActView, CoverageView};
use qorgau_i18n::Lang;
use qorgau_rules::Decision;
use qorgau_rules::safety::{CoverageOutlook, RetentionOutcome, ViolationCategory};
use qorgau_store::safety::{Act, OverdueViolation, Violation};
use serde::Serialize;
use utoipa::ToSchema;

use crate::api::words::word;

/// An Act of control with every field of Appendix 2.
#[derive(Serialize, ToSchema)]
pub struct SafetyAct {
    pub id: i64,
    /// The body whose commission inspected.
    pub body_id: i64,
    /// The unit, department or service inspected.
    pub unit_id: i64,
    pub grounds: String,
    pub chair: String,
    /// One member per line.
    pub members: String,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub proposals: String,
    pub report_by: NaiveDate,
    pub acknowledged_by: Option<String>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

impl From<&Act> for SafetyAct {
    fn from(a: &Act) -> Self {
        Self {
            id: a.id,
            body_id: a.body_id,
            unit_id: a.unit_id,
            grounds: a.grounds.clone(),
            chair: a.chair.clone(),
            members: a.members.clone(),
            period_from: a.period_from,
            period_to: a.period_to,
            proposals: a.proposals.clone(),
            report_by: a.report_by,
            acknowledged_by: a.acknowledged_by.clone(),
            acknowledged_at: a.acknowledged_at,
            created_by: a.created_by.clone(),
            created_at: a.created_at,
        }
    }
}

/// A violation an Act found.
#[derive(Serialize, ToSchema)]
pub struct SafetyViolation {
    pub id: i64,
    pub act_id: i64,
    #[schema(schema_with = word::<ViolationCategory>)]
    pub category: ViolationCategory,
    pub description: String,
    /// When it was eliminated; absent while it is open.
    pub eliminated_on: Option<NaiveDate>,
}

impl From<&Violation> for SafetyViolation {
    fn from(v: &Violation) -> Self {
        Self {
            id: v.id,
            act_id: v.act_id,
            category: v.category,
            description: v.description.clone(),
            eliminated_on: v.eliminated_on,
        }
    }
}

fn retention_outcome() -> utoipa::openapi::Ref {
    super::rule_outcome("safety.act_retention_until")
}

/// What `safety.act_retention_until` decided of an Act.
#[derive(Serialize, ToSchema)]
pub struct SafetyRetentionDecision {
    pub rule: String,
    pub as_of: NaiveDate,
    #[schema(schema_with = retention_outcome)]
    pub outcome: RetentionOutcome,
    pub citations: Vec<String>,
    pub explanation: Vec<String>,
}

impl SafetyRetentionDecision {
    pub fn new(decision: &Decision<RetentionOutcome>, lang: &Lang) -> Self {
        Self {
            rule: decision.rule.to_owned(),
            as_of: decision.as_of,
            outcome: decision.outcome,
            citations: super::citations(decision),
            explanation: super::explanation(decision, lang),
        }
    }
}

/// An Act as shown, with its violations and the day it may be deleted from.
#[derive(Serialize, ToSchema)]
pub struct SafetyActView {
    pub act: SafetyAct,
    pub body_name: String,
    pub unit_name: String,
    pub violations: Vec<SafetyViolation>,
    /// Violations not eliminated although the report-by date has passed.
    pub overdue: usize,
    /// The day from which the Act may be deleted (para 15).
    pub kept_until: NaiveDate,
    /// The retention decision, in the answer for one Act.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retention: Option<SafetyRetentionDecision>,
}

impl From<&ActView> for SafetyActView {
    fn from(view: &ActView) -> Self {
        Self {
            act: SafetyAct::from(&view.act),
            body_name: view.body_name.clone(),
            unit_name: view.unit_name.clone(),
            violations: view.violations.iter().map(SafetyViolation::from).collect(),
            overdue: view.overdue,
            kept_until: view.kept_until,
            retention: None,
        }
    }
}

impl SafetyActView {
    /// The view with the retention decision explained in `lang`.
    pub fn with_retention(view: &ActView, lang: &Lang) -> Self {
        Self {
            retention: Some(SafetyRetentionDecision::new(&view.retention, lang)),
            ..Self::from(view)
        }
    }
}

/// A violation not eliminated although its Act's report-by date has passed.
#[derive(Serialize, ToSchema)]
pub struct SafetyOverdueViolation {
    pub id: i64,
    pub act_id: i64,
    /// The unit the Act inspected.
    pub unit_id: i64,
    #[schema(schema_with = word::<ViolationCategory>)]
    pub category: ViolationCategory,
    pub description: String,
    pub report_by: NaiveDate,
}

impl From<&OverdueViolation> for SafetyOverdueViolation {
    fn from(v: &OverdueViolation) -> Self {
        Self {
            id: v.id,
            act_id: v.act_id,
            unit_id: v.unit_id,
            category: v.category,
            description: v.description.clone(),
            report_by: v.report_by,
        }
    }
}

/// The coverage of departments and services of one body in one quarter.
#[derive(Serialize, ToSchema)]
pub struct SafetyCoverage {
    pub body_id: i64,
    pub body_name: String,
    pub year: i32,
    pub quarter: u32,
    pub departments_and_services: u32,
    pub inspected: u32,
    /// Inspections the quarter needs (a quarter of the total, rounded up).
    pub required: u32,
    #[schema(schema_with = word::<CoverageOutlook>)]
    pub outlook: CoverageOutlook,
}

impl From<&CoverageView> for SafetyCoverage {
    fn from(c: &CoverageView) -> Self {
        Self {
            body_id: c.body_id,
            body_name: c.body_name.clone(),
            year: c.year,
            quarter: c.quarter,
            departments_and_services: c.departments_and_services,
            inspected: c.inspected,
            required: c.required,
            outlook: c.outlook,
        }
    }
}
