//! The Security Council's answers: meetings with their agendas, decisions with their execution
//! reports and `security.decision_control` on each, and the control of every decision.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use qorgau_app::security::council::{AnnualHearing, ControlSummary, DecisionView, MeetingView};
use qorgau_i18n::Lang;
use qorgau_rules::security::vocabulary::{AgendaKind, ControlStatus, DecisionKind, Review};
use qorgau_rules::security::{ControlOutcome, DecisionControl};
use qorgau_rules::{Decision, TypedRule};
use qorgau_store::security::council::{AgendaItem, ExecutionReport, Meeting};
use serde::Serialize;
use utoipa::ToSchema;

use crate::api::words::word;

/// A meeting of the Security Council.
#[derive(Debug, Serialize, ToSchema)]
pub struct CouncilMeeting {
    pub id: i64,
    pub held_on: NaiveDate,
    pub title: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

impl From<&Meeting> for CouncilMeeting {
    fn from(m: &Meeting) -> Self {
        Self {
            id: m.id,
            held_on: m.held_on,
            title: m.title.clone(),
            created_by: m.created_by.clone(),
            created_at: m.created_at,
        }
    }
}

/// An item of a meeting's agenda.
#[derive(Debug, Serialize, ToSchema)]
pub struct CouncilAgendaItem {
    pub id: i64,
    pub meeting_id: i64,
    pub position: i64,
    #[schema(schema_with = word::<AgendaKind>)]
    pub kind: AgendaKind,
    pub title: String,
    /// The body heard (a point of Art. 15.1), for a hearing of a head of a body.
    pub body: Option<i64>,
}

impl From<&AgendaItem> for CouncilAgendaItem {
    fn from(a: &AgendaItem) -> Self {
        Self {
            id: a.id,
            meeting_id: a.meeting_id,
            position: a.position,
            kind: a.kind,
            title: a.title.clone(),
            body: a.body,
        }
    }
}

/// A body's report on the execution of a decision, with the secretariat's review.
#[derive(Debug, Serialize, ToSchema)]
pub struct CouncilExecutionReport {
    pub id: i64,
    pub decision_id: i64,
    pub reported_on: NaiveDate,
    pub text: String,
    pub reported_by: String,
    pub recorded_at: DateTime<Utc>,
    #[schema(schema_with = word::<Review>)]
    pub review: Review,
    pub review_note: String,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<DateTime<Utc>>,
}

impl From<&ExecutionReport> for CouncilExecutionReport {
    fn from(r: &ExecutionReport) -> Self {
        Self {
            id: r.id,
            decision_id: r.decision_id,
            reported_on: r.reported_on,
            text: r.text.clone(),
            reported_by: r.reported_by.clone(),
            recorded_at: r.recorded_at,
            review: r.review,
            review_note: r.review_note.clone(),
            reviewed_by: r.reviewed_by.clone(),
            reviewed_at: r.reviewed_at,
        }
    }
}

fn control_outcome() -> utoipa::openapi::Ref {
    super::rule_outcome(DecisionControl::ID)
}

/// What `security.decision_control` decided of a decision.
#[derive(Debug, Serialize, ToSchema)]
pub struct CouncilControlDecision {
    pub rule: String,
    pub as_of: NaiveDate,
    #[schema(schema_with = control_outcome)]
    pub outcome: ControlOutcome,
    pub citations: Vec<String>,
    pub explanation: Vec<String>,
}

impl CouncilControlDecision {
    pub fn new(decision: &Decision<ControlOutcome>, lang: &Lang) -> Self {
        Self {
            rule: decision.rule.to_owned(),
            as_of: decision.as_of,
            outcome: decision.outcome,
            citations: super::citations(decision),
            explanation: super::explanation(decision, lang),
        }
    }
}

/// A decision or recommendation assigned to a body, with its reports and its control on the
/// day read.
#[derive(Debug, Serialize, ToSchema)]
pub struct CouncilDecision {
    pub id: i64,
    pub meeting_id: i64,
    pub agenda_item_id: Option<i64>,
    #[schema(schema_with = word::<DecisionKind>)]
    pub kind: DecisionKind,
    pub text: String,
    /// The body it is assigned to (a point of Art. 15.1).
    pub body: i64,
    pub deadline: NaiveDate,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub body_name: String,
    #[schema(schema_with = word::<ControlStatus>)]
    pub status: ControlStatus,
    pub days_overdue: i64,
    pub reported_late: bool,
    pub reports: Vec<CouncilExecutionReport>,
    pub control: CouncilControlDecision,
}

impl CouncilDecision {
    pub fn new(view: &DecisionView, lang: &Lang) -> Self {
        let d = &view.decision;
        Self {
            id: d.id,
            meeting_id: d.meeting_id,
            agenda_item_id: d.agenda_item_id,
            kind: d.kind,
            text: d.text.clone(),
            body: d.body,
            deadline: d.deadline,
            created_by: d.created_by.clone(),
            created_at: d.created_at,
            body_name: view.body_name.clone(),
            status: view.status,
            days_overdue: view.days_overdue,
            reported_late: view.reported_late,
            reports: view
                .reports
                .iter()
                .map(CouncilExecutionReport::from)
                .collect(),
            control: CouncilControlDecision::new(&view.control, lang),
        }
    }
}

/// A meeting with its agenda and its decisions under control.
#[derive(Debug, Serialize, ToSchema)]
pub struct CouncilMeetingDetail {
    #[serde(flatten)]
    pub meeting: CouncilMeeting,
    pub agenda: Vec<CouncilAgendaItem>,
    pub decisions: Vec<CouncilDecision>,
}

impl CouncilMeetingDetail {
    pub fn new(view: &MeetingView, lang: &Lang) -> Self {
        Self {
            meeting: CouncilMeeting::from(&view.meeting),
            agenda: view.agenda.iter().map(CouncilAgendaItem::from).collect(),
            decisions: view
                .decisions
                .iter()
                .map(|d| CouncilDecision::new(d, lang))
                .collect(),
        }
    }
}

/// The hearing of the Government's annual report (004, function 5) in the year of the day read.
#[derive(Debug, Serialize, ToSchema)]
pub struct CouncilAnnualHearing {
    pub year: i32,
    /// The day of the meeting that heard it in that year, if one did.
    pub heard_on: Option<NaiveDate>,
    pub meeting_id: Option<i64>,
    /// The day of the last hearing before that year, if any.
    pub previous: Option<NaiveDate>,
    pub clause: String,
}

impl From<&AnnualHearing> for CouncilAnnualHearing {
    fn from(h: &AnnualHearing) -> Self {
        Self {
            year: h.year,
            heard_on: h.heard_on,
            meeting_id: h.meeting_id,
            previous: h.previous,
            clause: h.clause.to_owned(),
        }
    }
}

/// The execution control of every decision on a day.
#[derive(Debug, Serialize, ToSchema)]
pub struct CouncilControl {
    pub as_of: NaiveDate,
    pub annual_report: CouncilAnnualHearing,
    /// How many decisions are in each control status.
    pub counts: BTreeMap<String, usize>,
    pub decisions: Vec<CouncilDecision>,
}

impl CouncilControl {
    pub fn new(summary: &ControlSummary, lang: &Lang) -> Self {
        Self {
            as_of: summary.as_of,
            annual_report: CouncilAnnualHearing::from(&summary.annual_report),
            counts: summary
                .counts
                .iter()
                .map(|(status, count)| (status.as_str().to_owned(), *count))
                .collect(),
            decisions: summary
                .decisions
                .iter()
                .map(|d| CouncilDecision::new(d, lang))
                .collect(),
        }
    }
}

/// The review just given to an execution report.
#[derive(Debug, Serialize, ToSchema)]
pub struct CouncilReview {
    pub report: i64,
    #[schema(schema_with = word::<Review>)]
    pub review: Review,
}
