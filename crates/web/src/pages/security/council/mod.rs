//! The Security Council's pages: meetings with their agendas, decisions assigned to bodies,
//! execution reports and their review, and the execution control.

mod decision;
mod meeting;

pub use decision::{decision, report_execution, review_report};
pub use meeting::{add_agenda_item, create_decision, meeting};

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use qorgau_app::security::council::{DecisionView, NewMeeting};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_rules::security::vocabulary::ControlStatus;
use serde::Deserialize;

use super::forms::{body_label, parse_date, rendered};
use crate::AppState;
use crate::i18n::Tr;
use crate::pages::form::{Filled, submit};
use crate::pages::layout::{Layout, parse_as_of};
use crate::pages::session::{PageForm, PageSession};

struct DecisionLine {
    id: i64,
    meeting_id: i64,
    kind: String,
    text: String,
    body: String,
    deadline: String,
    status_key: &'static str,
    status: String,
    days_overdue: i64,
    reported_late: bool,
}

fn decision_line(tr: &Tr, d: &DecisionView) -> DecisionLine {
    DecisionLine {
        id: d.decision.id,
        meeting_id: d.decision.meeting_id,
        kind: tr.t(d.decision.kind.message_id()),
        text: d.decision.text.clone(),
        body: body_label(d.decision.body),
        deadline: d.decision.deadline.to_string(),
        status_key: d.status.as_str(),
        status: tr.t(d.status.message_id()),
        days_overdue: d.days_overdue,
        reported_late: d.reported_late,
    }
}

#[derive(Deserialize, Default)]
pub struct ControlQuery {
    as_of: Option<String>,
    status: Option<String>,
}

#[derive(Template)]
#[template(path = "council.html")]
struct CouncilPage {
    layout: Layout,
    form: Filled<MeetingForm>,
    as_of: String,
    status: String,
    meetings: Vec<(i64, String, String)>,
    counts: Vec<(&'static str, String, usize)>,
    decisions: Vec<DecisionLine>,
    annual: String,
    annual_meeting: Option<i64>,
    annual_clause: &'static str,
    can_write: bool,
}

async fn council_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    query: ControlQuery,
    form: Option<Filled<MeetingForm>>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    // A new meeting is held today; a refused one keeps what was typed.
    let form = form.unwrap_or_else(|| {
        Filled::new(MeetingForm {
            held_on: state.app.clock().today().to_string(),
            ..MeetingForm::default()
        })
    });
    let status_code = form.status();
    let page = async {
        let as_of = parse_as_of(query.as_of.as_deref())?;
        let status = query.status.clone().unwrap_or_default();
        let summary = state
            .app
            .execution_control(acting, as_of, Some(status.as_str()))
            .await?;
        let meetings = state.app.meetings(acting).await?;
        let hearing = &summary.annual_report;
        let year = hearing.year.to_string();
        let annual = match (hearing.heard_on, hearing.previous) {
            (Some(on), _) => tr.t2(
                "council-annual-heard",
                "year",
                &year,
                "date",
                &on.to_string(),
            ),
            (None, Some(previous)) => tr.t2(
                "council-annual-not-heard-since",
                "year",
                &year,
                "date",
                &previous.to_string(),
            ),
            (None, None) => tr.t1("council-annual-never", "year", &year),
        };
        Ok::<_, AppError>(CouncilPage {
            annual,
            annual_meeting: hearing.meeting_id,
            annual_clause: hearing.clause,
            layout: Layout::signed_in(tr, session, "security", "council-title"),
            form,
            as_of: query.as_of.clone().unwrap_or_default(),
            counts: ControlStatus::ALL
                .iter()
                .map(|s| {
                    (
                        s.as_str(),
                        tr.t(s.message_id()),
                        summary.counts.get(s).copied().unwrap_or(0),
                    )
                })
                .collect(),
            status,
            meetings: meetings
                .into_iter()
                .map(|m| (m.id, m.held_on.to_string(), m.title))
                .collect(),
            decisions: summary
                .decisions
                .iter()
                .map(|d| decision_line(tr, d))
                .collect(),
            can_write: session.principal.can(Permission::WriteCouncil),
        })
    }
    .await;
    rendered(tr, session, "council-title", status_code, page)
}

pub async fn council(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<ControlQuery>,
) -> Response {
    council_page(&state, &tr, &session, query, None).await
}

/// A meeting of the Council as posted.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct MeetingForm {
    held_on: String,
    title: String,
}

impl TryFrom<&MeetingForm> for NewMeeting {
    type Error = AppError;

    fn try_from(form: &MeetingForm) -> Result<Self, AppError> {
        Ok(NewMeeting {
            held_on: parse_date("held_on", &form.held_on)?,
            title: form.title.trim().to_owned(),
        })
    }
}

pub async fn create_meeting(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<MeetingForm>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        "security",
        form,
        |new: NewMeeting| state.app.create_meeting(acting, new),
        |id| format!("/council/meetings/{id}"),
        |filled| council_page(&state, &tr, &session, ControlQuery::default(), Some(filled)),
    )
    .await
}
