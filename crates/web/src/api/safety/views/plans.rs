//! Plans: their versions, activities, standings, comparisons and revisions.

use chrono::{DateTime, NaiveDate, Utc};
use qorgau_app::safety::plans::{ActivityView, PlanStanding, PlanStatus, PlanView, VersionDiff};
use qorgau_i18n::Lang;
use qorgau_rules::Decision;
use qorgau_rules::safety::{PlanChange, RevisionOutcome};
use qorgau_store::safety::{Plan, PlanVersion};
use serde::Serialize;
use utoipa::ToSchema;

use crate::api::words::{optional_word, word};

/// A body's Plan for a year: which version is worked on and which is in force.
#[derive(Serialize, ToSchema)]
pub struct SafetyPlan {
    pub id: i64,
    pub unit_id: i64,
    pub year: i64,
    pub current_version: i64,
    /// The approved version in force; absent until the first approval.
    pub approved_version: Option<i64>,
    pub created_at: DateTime<Utc>,
}

impl From<&Plan> for SafetyPlan {
    fn from(p: &Plan) -> Self {
        Self {
            id: p.id,
            unit_id: p.unit_id,
            year: p.year,
            current_version: p.current_version,
            approved_version: p.approved_version,
            created_at: p.created_at,
        }
    }
}

/// One version of a Plan: its texts, the reason for a revision, and its approval.
#[derive(Serialize, ToSchema)]
pub struct SafetyPlanVersion {
    pub plan_id: i64,
    pub version: i64,
    pub goals: String,
    pub tasks: String,
    pub requirements: String,
    /// The change that called for the revision.
    #[schema(schema_with = optional_word::<PlanChange>)]
    pub revision_change: Option<PlanChange>,
    pub revision_reason: Option<String>,
    pub drafted_by: String,
    pub drafted_at: DateTime<Utc>,
    pub approved_by: Option<String>,
    pub approver_title: Option<String>,
    pub approved_at: Option<DateTime<Utc>>,
}

impl From<&PlanVersion> for SafetyPlanVersion {
    fn from(v: &PlanVersion) -> Self {
        Self {
            plan_id: v.plan_id,
            version: v.version,
            goals: v.goals.clone(),
            tasks: v.tasks.clone(),
            requirements: v.requirements.clone(),
            revision_change: v.revision_change,
            revision_reason: v.revision_reason.clone(),
            drafted_by: v.drafted_by.clone(),
            drafted_at: v.drafted_at,
            approved_by: v.approved_by.clone(),
            approver_title: v.approver_title.clone(),
            approved_at: v.approved_at,
        }
    }
}

/// An activity of the Plan (the columns of Appendix 1) with whether it is overdue.
#[derive(Serialize, ToSchema)]
pub struct SafetyPlanActivity {
    pub id: i64,
    pub plan_id: i64,
    pub version: i64,
    pub item_no: i64,
    pub name: String,
    pub responsible: String,
    pub monitoring: String,
    /// The term of completion.
    pub term: NaiveDate,
    pub completion_form: String,
    /// Incoming, outgoing or registration number, once completed.
    pub completion_mark: Option<String>,
    pub completed_on: Option<NaiveDate>,
    /// Past its term without a completion mark.
    pub overdue: bool,
}

impl From<&ActivityView> for SafetyPlanActivity {
    fn from(view: &ActivityView) -> Self {
        let a = &view.activity;
        Self {
            id: a.id,
            plan_id: a.plan_id,
            version: a.version,
            item_no: a.item_no,
            name: a.name.clone(),
            responsible: a.responsible.clone(),
            monitoring: a.monitoring.clone(),
            term: a.term,
            completion_form: a.completion_form.clone(),
            completion_mark: a.completion_mark.clone(),
            completed_on: a.completed_on,
            overdue: view.overdue,
        }
    }
}

/// A Plan with one of its versions and that version's activities.
#[derive(Serialize, ToSchema)]
pub struct SafetyPlanView {
    pub plan: SafetyPlan,
    pub unit_name: String,
    #[schema(schema_with = word::<PlanStatus>)]
    pub status: PlanStatus,
    /// The last day to approve (24 December of the year before).
    pub due: NaiveDate,
    /// Whether the due day passed with no approved version.
    pub late: bool,
    pub versions: Vec<SafetyPlanVersion>,
    /// The version being shown (the current one unless another was asked for).
    pub version: SafetyPlanVersion,
    pub activities: Vec<SafetyPlanActivity>,
    /// Activities past their term without a completion mark.
    pub overdue: usize,
}

impl From<&PlanView> for SafetyPlanView {
    fn from(view: &PlanView) -> Self {
        Self {
            plan: SafetyPlan::from(&view.plan),
            unit_name: view.unit_name.clone(),
            status: view.status,
            due: view.due,
            late: view.late,
            versions: view.versions.iter().map(SafetyPlanVersion::from).collect(),
            version: SafetyPlanVersion::from(&view.version),
            activities: view
                .activities
                .iter()
                .map(SafetyPlanActivity::from)
                .collect(),
            overdue: view.overdue,
        }
    }
}

/// One body's Plan for a year, for the overview.
#[derive(Serialize, ToSchema)]
pub struct SafetyPlanStanding {
    pub unit_id: i64,
    pub unit_name: String,
    /// Depth below the body asked for.
    pub depth: usize,
    pub plan_id: Option<i64>,
    /// Absent when the body has no Plan for the year.
    #[schema(schema_with = optional_word::<PlanStatus>)]
    pub status: Option<PlanStatus>,
    pub due: NaiveDate,
    /// The due day passed and no version is approved: flagged to the body above.
    pub late: bool,
}

impl From<&PlanStanding> for SafetyPlanStanding {
    fn from(s: &PlanStanding) -> Self {
        Self {
            unit_id: s.unit_id,
            unit_name: s.unit_name.clone(),
            depth: s.depth,
            plan_id: s.plan_id,
            status: s.status,
            due: s.due,
            late: s.late,
        }
    }
}

/// What changed between two versions of a Plan.
#[derive(Serialize, ToSchema)]
pub struct SafetyVersionDiff {
    pub from: i64,
    pub to: i64,
    /// goals, tasks or requirements when their text differs.
    pub changed_texts: Vec<String>,
    /// Item numbers added, removed and changed.
    pub added: Vec<i64>,
    pub removed: Vec<i64>,
    pub changed: Vec<i64>,
    #[schema(schema_with = optional_word::<PlanChange>)]
    pub revision_change: Option<PlanChange>,
    pub revision_reason: Option<String>,
}

impl From<&VersionDiff> for SafetyVersionDiff {
    fn from(d: &VersionDiff) -> Self {
        Self {
            from: d.from,
            to: d.to,
            changed_texts: d.changed_texts.clone(),
            added: d.added.clone(),
            removed: d.removed.clone(),
            changed: d.changed.clone(),
            revision_change: d.revision_change,
            revision_reason: d.revision_reason.clone(),
        }
    }
}

fn revision_outcome() -> utoipa::openapi::Ref {
    super::rule_outcome("safety.plan_revision_required")
}

/// What `safety.plan_revision_required` decided of the change.
#[derive(Serialize, ToSchema)]
pub struct SafetyRevisionDecision {
    pub rule: String,
    pub as_of: NaiveDate,
    #[schema(schema_with = revision_outcome)]
    pub outcome: RevisionOutcome,
    pub citations: Vec<String>,
    pub explanation: Vec<String>,
}

impl SafetyRevisionDecision {
    pub fn new(decision: &Decision<RevisionOutcome>, lang: &Lang) -> Self {
        Self {
            rule: decision.rule.to_owned(),
            as_of: decision.as_of,
            outcome: decision.outcome,
            citations: super::citations(decision),
            explanation: super::explanation(decision, lang),
        }
    }
}

/// A revision opened: the Plan with its new version, and whether the change obliged it.
#[derive(Serialize, ToSchema)]
pub struct SafetyPlanRevision {
    pub plan: SafetyPlanView,
    pub decision: SafetyRevisionDecision,
}
