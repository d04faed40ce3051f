//! The Security Council's work (004): meetings and their agendas, decisions and
//! recommendations assigned to bodies with deadlines, execution reports, and the execution
//! control of `security.decision_control`. Every change is audited.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use qorgau_i18n::Message;
use qorgau_rules::security as rules;
use qorgau_rules::security::vocabulary::{AgendaKind, ControlStatus, DecisionKind, Review};
use qorgau_rules::{Decision, TypedRule};
use qorgau_store::security::council as store;
use serde::Deserialize;

use super::monitoring::{body, check_body};
use crate::audit::{AuditAction, Change};
use crate::security::{allowed, records, word};
use crate::validation::{optional_text, text};
use crate::{Acting, App, AppError, Permission};

/// The reviews the secretariat gives a pending report.
const VERDICTS: [Review; 2] = [Review::Accepted, Review::Returned];

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewMeeting {
    pub held_on: NaiveDate,
    pub title: String,
}

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewAgendaItem {
    #[schema(schema_with = crate::words::word::<AgendaKind>)]
    pub kind: AgendaKind,
    pub title: String,
    /// The body whose head is heard (a point of Art. 15.1); required for head_hearing.
    pub body: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewDecision {
    #[schema(schema_with = crate::words::word::<DecisionKind>)]
    pub kind: DecisionKind,
    pub text: String,
    /// The body it is assigned to (a point of Art. 15.1).
    pub body: i64,
    pub deadline: NaiveDate,
    /// The agenda item it was taken on, if any.
    pub agenda_item_id: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct NewExecutionReport {
    pub reported_on: NaiveDate,
    pub text: String,
}

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct ReportReview {
    /// accepted or returned.
    #[schema(schema_with = crate::words::word::<Review>)]
    pub review: Review,
    #[serde(default)]
    pub note: String,
}

/// A decision with its execution control on the date read.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionView {
    pub decision: store::CouncilDecision,
    pub body_name: String,
    pub status: ControlStatus,
    pub days_overdue: i64,
    pub reported_late: bool,
    pub reports: Vec<store::ExecutionReport>,
    /// `security.decision_control` on the decision.
    pub control: Decision<rules::ControlOutcome>,
}

/// A meeting with its agenda and its decisions under control.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingView {
    pub meeting: store::Meeting,
    pub agenda: Vec<store::AgendaItem>,
    pub decisions: Vec<DecisionView>,
}

/// The hearing of the Government's annual report (function 5 of 004) in the year of a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnualHearing {
    pub year: i32,
    /// The day of the meeting that heard it in that year, if one did.
    pub heard_on: Option<NaiveDate>,
    pub meeting_id: Option<i64>,
    /// The day of the last hearing before that year, if any.
    pub previous: Option<NaiveDate>,
    pub clause: &'static str,
}

/// The execution control of every decision on a date.
#[derive(Debug, Clone, PartialEq)]
pub struct ControlSummary {
    pub as_of: NaiveDate,
    pub annual_report: AnnualHearing,
    /// Counts by status.
    pub counts: HashMap<ControlStatus, usize>,
    pub decisions: Vec<DecisionView>,
}

fn body_name(number: i64) -> String {
    body(number).map(|e| e.name.clone()).unwrap_or_default()
}

/// The facts of `security.decision_control` for a decision and its reports, oldest first.
fn control_facts(
    decision: &store::CouncilDecision,
    reports: &[store::ExecutionReport],
) -> rules::ControlFacts {
    rules::ControlFacts {
        deadline: decision.deadline,
        latest_report: reports.last().map(|r| rules::LatestReport {
            reported_on: r.reported_on,
            review: r.review,
        }),
    }
}

fn control(
    decision: &store::CouncilDecision,
    reports: &[store::ExecutionReport],
    as_of: NaiveDate,
) -> Result<Decision<rules::ControlOutcome>, AppError> {
    Ok(rules::DecisionControl.decision(control_facts(decision, reports), as_of)?)
}

fn view(
    decision: store::CouncilDecision,
    reports: Vec<store::ExecutionReport>,
    as_of: NaiveDate,
) -> Result<DecisionView, AppError> {
    let control = control(&decision, &reports, as_of)?;
    Ok(DecisionView {
        body_name: body_name(decision.body),
        days_overdue: control.outcome.days_overdue,
        reported_late: control.outcome.reported_late,
        status: control.outcome.status,
        decision,
        reports,
        control,
    })
}

impl App {
    /// Records a meeting of the Security Council; audited.
    pub async fn create_meeting(
        &self,
        acting: Acting<'_>,
        new: NewMeeting,
    ) -> Result<i64, AppError> {
        let national = self
            .authorize_national(acting, Permission::WriteCouncil)
            .await?;
        let title = text("title", &new.title, 300)?;
        let mut w = self
            .write(acting, Permission::WriteCouncil, national.scope())
            .await?;
        let meeting = store::Meeting {
            id: 0,
            held_on: new.held_on,
            title,
            created_by: w.actor_name(),
            created_at: w.at(),
        };
        let id = store::insert_meeting(w.conn(), &meeting).await?;
        w.audit(Change::recorded(
            AuditAction::CouncilMeetingCreate,
            "council_meeting",
            id,
            records::meeting(&meeting),
        ))
        .await?;
        w.commit().await?;
        Ok(id)
    }

    /// Appends an item to a meeting's agenda; audited.
    pub async fn add_agenda_item(
        &self,
        acting: Acting<'_>,
        meeting: i64,
        new: NewAgendaItem,
    ) -> Result<i64, AppError> {
        let national = self
            .authorize_national(acting, Permission::WriteCouncil)
            .await?;
        let kind = new.kind;
        let body = new.body.map(|b| check_body("body", b)).transpose()?;
        if kind == AgendaKind::HeadHearing && body.is_none() {
            return Err(AppError::invalid(
                "body",
                Message::new("invalid-hearing-body"),
            ));
        }
        let item = store::AgendaItem {
            id: 0,
            meeting_id: meeting,
            position: 0,
            kind,
            title: text("title", &new.title, 500)?,
            body,
        };
        let mut w = self
            .write(acting, Permission::WriteCouncil, national.scope())
            .await?;
        store::meeting(w.conn(), meeting).await?;
        let id = store::insert_agenda_item(w.conn(), &item).await?;
        w.audit(Change::recorded(
            AuditAction::CouncilAgendaAdd,
            "council_meeting",
            meeting,
            records::agenda_item(&item),
        ))
        .await?;
        w.commit().await?;
        Ok(id)
    }

    /// Records a decision or recommendation assigned to a body with a deadline; audited.
    pub async fn create_decision(
        &self,
        acting: Acting<'_>,
        meeting: i64,
        new: NewDecision,
    ) -> Result<i64, AppError> {
        let national = self
            .authorize_national(acting, Permission::WriteCouncil)
            .await?;
        let kind = new.kind;
        let text = text("text", &new.text, 5000)?;
        let body = check_body("body", new.body)?;
        let mut w = self
            .write(acting, Permission::WriteCouncil, national.scope())
            .await?;
        let decision = store::CouncilDecision {
            id: 0,
            meeting_id: meeting,
            agenda_item_id: new.agenda_item_id,
            kind,
            text,
            body,
            deadline: new.deadline,
            created_by: w.actor_name(),
            created_at: w.at(),
        };
        let held = store::meeting(w.conn(), meeting).await?;
        if decision.deadline < held.held_on {
            return Err(AppError::invalid(
                "deadline",
                Message::new("invalid-deadline-before-meeting")
                    .arg("held_on", held.held_on.to_string()),
            ));
        }
        if let Some(item) = new.agenda_item_id
            && !store::agenda(w.conn(), meeting)
                .await?
                .iter()
                .any(|i| i.id == item)
        {
            return Err(AppError::invalid(
                "agenda_item_id",
                Message::new("invalid-agenda-item").arg("value", item.to_string()),
            ));
        }
        let id = store::insert_decision(w.conn(), &decision).await?;
        w.audit(Change::recorded(
            AuditAction::CouncilDecisionCreate,
            "council_decision",
            id,
            records::decision(&decision),
        ))
        .await?;
        w.commit().await?;
        Ok(id)
    }

    /// Records the body's report on the execution of a decision; audited. A report is refused
    /// while an earlier one awaits review, and once the decision is done.
    pub async fn report_execution(
        &self,
        acting: Acting<'_>,
        decision: i64,
        new: NewExecutionReport,
    ) -> Result<i64, AppError> {
        let national = self
            .authorize_national(acting, Permission::WriteSecurity)
            .await?;
        let text = text("text", &new.text, 5000)?;
        if new.reported_on > self.clock().today() {
            return Err(AppError::invalid(
                "reported_on",
                Message::new("invalid-future-date"),
            ));
        }
        let mut w = self
            .write(acting, Permission::WriteSecurity, national.scope())
            .await?;
        let stored = store::decision(w.conn(), decision).await?;
        let held = store::meeting(w.conn(), stored.meeting_id).await?;
        if new.reported_on < held.held_on {
            return Err(AppError::invalid(
                "reported_on",
                Message::new("invalid-report-before-meeting")
                    .arg("held_on", held.held_on.to_string()),
            ));
        }
        let reports = store::reports(w.conn(), Some(decision)).await?;
        match reports.last().map(|r| r.review) {
            Some(Review::Pending) => {
                return Err(AppError::Conflict(
                    "an execution report awaiting review".into(),
                ));
            }
            Some(Review::Accepted) => {
                return Err(AppError::Conflict(
                    "an accepted execution report (the decision is done)".into(),
                ));
            }
            Some(Review::Returned) | None => {}
        }
        let report = store::ExecutionReport {
            id: 0,
            decision_id: decision,
            reported_on: new.reported_on,
            text,
            reported_by: w.actor_name(),
            recorded_at: w.at(),
            review: Review::Pending,
            review_note: String::new(),
            reviewed_by: None,
            reviewed_at: None,
        };
        let id = store::insert_report(w.conn(), &report).await?;
        w.audit(Change::recorded(
            AuditAction::CouncilDecisionReport,
            "council_decision",
            decision,
            records::execution_report(&report),
        ))
        .await?;
        w.commit().await?;
        Ok(id)
    }

    /// The secretariat accepts or returns a pending execution report; audited.
    pub async fn review_execution(
        &self,
        acting: Acting<'_>,
        report: i64,
        review: ReportReview,
    ) -> Result<(), AppError> {
        let national = self
            .authorize_national(acting, Permission::WriteCouncil)
            .await?;
        let verdict = review.review;
        if !VERDICTS.contains(&verdict) {
            return Err(AppError::invalid(
                "review",
                Message::new("invalid-choice").arg("allowed", allowed(&VERDICTS)),
            ));
        }
        let note = optional_text("note", &review.note, 2000)?;
        if verdict == Review::Returned && note.is_empty() {
            return Err(AppError::invalid(
                "note",
                Message::new("invalid-return-needs-note"),
            ));
        }
        let mut w = self
            .write(acting, Permission::WriteCouncil, national.scope())
            .await?;
        let by = w.actor_name();
        let reviewed_at = w.at_text();
        let before = store::report(w.conn(), report).await?;
        if !store::review_report(w.conn(), report, verdict, &note, &by, &reviewed_at).await? {
            return Err(AppError::Conflict("a review of this report".into()));
        }
        // The decision's control state after the review is what the secretariat acts on.
        let decision = store::decision(w.conn(), before.decision_id).await?;
        let reports = store::reports(w.conn(), Some(before.decision_id)).await?;
        let (_, receipt) = rules::DecisionControl
            .decision_with_receipt(control_facts(&decision, &reports), w.today())?;
        w.receipt(
            &receipt,
            "council_decision",
            &before.decision_id.to_string(),
        )
        .await?;
        w.audit(Change {
            action: AuditAction::CouncilReportReview,
            entity: "council_decision",
            entity_id: before.decision_id.to_string(),
            before: Some(records::execution_report(&before)),
            after: Some(serde_json::json!({ "review": verdict, "note": note })),
        })
        .await?;
        w.commit().await?;
        Ok(())
    }

    /// Every meeting, newest first.
    pub async fn meetings(&self, acting: Acting<'_>) -> Result<Vec<store::Meeting>, AppError> {
        self.authorize_national(acting, Permission::ReadSecurity)
            .await?;
        let mut conn = self.store().pool().acquire().await?;
        Ok(store::meetings(&mut conn).await?)
    }

    /// One meeting with its agenda and decisions under control on `as_of`.
    pub async fn meeting(
        &self,
        acting: Acting<'_>,
        id: i64,
        as_of: Option<NaiveDate>,
    ) -> Result<MeetingView, AppError> {
        self.authorize_national(acting, Permission::ReadSecurity)
            .await?;
        let as_of = as_of.unwrap_or_else(|| self.clock().today());
        let mut conn = self.store().pool().acquire().await?;
        let meeting = store::meeting(&mut conn, id).await?;
        let agenda = store::agenda(&mut conn, id).await?;
        let mut decisions = Vec::new();
        for d in store::decisions(&mut conn, Some(id)).await? {
            let reports = store::reports(&mut conn, Some(d.id)).await?;
            decisions.push(view(d, reports, as_of)?);
        }
        Ok(MeetingView {
            meeting,
            agenda,
            decisions,
        })
    }

    /// One decision with its reports and control on `as_of`.
    pub async fn council_decision(
        &self,
        acting: Acting<'_>,
        id: i64,
        as_of: Option<NaiveDate>,
    ) -> Result<DecisionView, AppError> {
        self.authorize_national(acting, Permission::ReadSecurity)
            .await?;
        let as_of = as_of.unwrap_or_else(|| self.clock().today());
        let mut conn = self.store().pool().acquire().await?;
        let decision = store::decision(&mut conn, id).await?;
        let reports = store::reports(&mut conn, Some(id)).await?;
        view(decision, reports, as_of)
    }

    /// The execution control of every decision on `as_of`, optionally of one status only.
    pub async fn execution_control(
        &self,
        acting: Acting<'_>,
        as_of: Option<NaiveDate>,
        status: Option<&str>,
    ) -> Result<ControlSummary, AppError> {
        self.authorize_national(acting, Permission::ReadSecurity)
            .await?;
        let status = status
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| word::<ControlStatus>("status", s))
            .transpose()?;
        let as_of = as_of.unwrap_or_else(|| self.clock().today());
        let mut conn = self.store().pool().acquire().await?;
        let mut reports: HashMap<i64, Vec<store::ExecutionReport>> = HashMap::new();
        for r in store::reports(&mut conn, None).await? {
            reports.entry(r.decision_id).or_default().push(r);
        }
        let year = as_of.year();
        let annual = AgendaKind::GovernmentAnnualReport;
        let hearings: Vec<(i64, NaiveDate)> = store::meetings_with_item(&mut conn, annual)
            .await?
            .into_iter()
            .filter(|(_, held_on)| *held_on <= as_of)
            .collect();
        let in_year = hearings
            .iter()
            .rev()
            .find(|(_, held_on)| held_on.year() == year);
        let annual_report = AnnualHearing {
            year,
            heard_on: in_year.map(|(_, d)| *d),
            meeting_id: in_year.map(|(id, _)| *id),
            previous: hearings
                .iter()
                .rev()
                .find(|(_, held_on)| held_on.year() < year)
                .map(|(_, d)| *d),
            clause: annual.clause().unwrap_or_default(),
        };
        let mut counts = HashMap::new();
        let mut decisions = Vec::new();
        for d in store::decisions(&mut conn, None).await? {
            let id = d.id;
            let v = view(d, reports.remove(&id).unwrap_or_default(), as_of)?;
            *counts.entry(v.status).or_insert(0) += 1;
            if status.is_none_or(|s| s == v.status) {
                decisions.push(v);
            }
        }
        Ok(ControlSummary {
            as_of,
            annual_report,
            counts,
            decisions,
        })
    }
}
