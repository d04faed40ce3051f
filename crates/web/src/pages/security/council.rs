//! The Security Council's pages: meetings with their agendas, decisions assigned to bodies,
//! execution reports and their review, and the execution control.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use qorgau_app::security::council::{
    DecisionView, NewAgendaItem, NewDecision, NewExecutionReport, NewMeeting, ReportReview,
};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_rules::security::vocabulary::{AgendaKind, ControlStatus, DecisionKind};
use serde::Deserialize;

use super::forms::{
    Fields, after_post, body_choices, body_label, choices, field, optional_number, parse_date,
    parse_number, shown, word,
};
use crate::AppState;
use crate::i18n::Tr;
use crate::pages::layout::{Layout, PageError, parse_as_of};
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
    error: String,
    as_of: String,
    status: String,
    meetings: Vec<(i64, String, String)>,
    counts: Vec<(&'static str, String, usize)>,
    decisions: Vec<DecisionLine>,
    annual: String,
    annual_meeting: Option<i64>,
    annual_clause: &'static str,
    today: String,
    can_write: bool,
}

async fn council_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    query: ControlQuery,
    error: String,
) -> Response {
    let acting = Acting::Principal(&session.principal);
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
            error: error.clone(),
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
            today: state.app.clock().today().to_string(),
            can_write: session.principal.can(Permission::WriteCouncil),
        })
    }
    .await;
    shown(tr, session, "council-title", error, page)
}

pub async fn council(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<ControlQuery>,
) -> Response {
    council_page(&state, &tr, &session, query, String::new()).await
}

pub async fn create_meeting(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<Fields>,
) -> Response {
    let result = async {
        let new = NewMeeting {
            held_on: parse_date("held_on", field(&form, "held_on"))?,
            title: field(&form, "title").to_owned(),
        };
        state
            .app
            .create_meeting(Acting::Principal(&session.principal), new)
            .await
    }
    .await;
    after_post(
        result,
        |id| format!("/council/meetings/{id}"),
        &tr,
        &session,
        |e| council_page(&state, &tr, &session, ControlQuery::default(), e),
    )
    .await
}

struct AgendaLine {
    id: i64,
    position: i64,
    kind: String,
    title: String,
    body: String,
}

#[derive(Template)]
#[template(path = "council_meeting.html")]
struct MeetingPage {
    layout: Layout,
    error: String,
    id: i64,
    held_on: String,
    title: String,
    agenda: Vec<AgendaLine>,
    decisions: Vec<DecisionLine>,
    agenda_kinds: Vec<(&'static str, String)>,
    decision_kinds: Vec<(&'static str, String)>,
    body_choices: Vec<(i64, String)>,
    can_write: bool,
}

async fn meeting_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: i64,
    error: String,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let page = async {
        let view = state.app.meeting(acting, id, None).await?;
        Ok::<_, AppError>(MeetingPage {
            layout: Layout::signed_in(tr, session, "security", "council-meeting-title"),
            error: error.clone(),
            id,
            held_on: view.meeting.held_on.to_string(),
            title: view.meeting.title,
            agenda: view
                .agenda
                .into_iter()
                .map(|a| AgendaLine {
                    id: a.id,
                    position: a.position,
                    kind: tr.t(a.kind.message_id()),
                    title: a.title,
                    body: a.body.map(body_label).unwrap_or_default(),
                })
                .collect(),
            decisions: view
                .decisions
                .iter()
                .map(|d| decision_line(tr, d))
                .collect(),
            agenda_kinds: choices::<AgendaKind>(tr),
            decision_kinds: choices::<DecisionKind>(tr),
            body_choices: body_choices(),
            can_write: session.principal.can(Permission::WriteCouncil),
        })
    }
    .await;
    shown(tr, session, "council-meeting-title", error, page)
}

pub async fn meeting(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
) -> Response {
    meeting_page(&state, &tr, &session, id, String::new()).await
}

pub async fn add_agenda_item(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<Fields>,
) -> Response {
    let result = async {
        let new = NewAgendaItem {
            kind: word("kind", field(&form, "kind"))?,
            title: field(&form, "title").to_owned(),
            body: optional_number("body", field(&form, "body"))?,
        };
        state
            .app
            .add_agenda_item(Acting::Principal(&session.principal), id, new)
            .await
    }
    .await;
    after_post(
        result,
        |_| format!("/council/meetings/{id}"),
        &tr,
        &session,
        |e| meeting_page(&state, &tr, &session, id, e),
    )
    .await
}

pub async fn create_decision(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<Fields>,
) -> Response {
    let result = async {
        let new = NewDecision {
            kind: word("kind", field(&form, "kind"))?,
            text: field(&form, "text").to_owned(),
            body: parse_number("body", field(&form, "body"))?,
            deadline: parse_date("deadline", field(&form, "deadline"))?,
            agenda_item_id: optional_number("agenda_item_id", field(&form, "agenda_item_id"))?,
        };
        state
            .app
            .create_decision(Acting::Principal(&session.principal), id, new)
            .await
    }
    .await;
    after_post(
        result,
        |decision| format!("/council/decisions/{decision}"),
        &tr,
        &session,
        |e| meeting_page(&state, &tr, &session, id, e),
    )
    .await
}

struct ReportLine {
    id: i64,
    reported_on: String,
    text: String,
    by: String,
    review_key: String,
    review: String,
    note: String,
    reviewed_by: String,
}

#[derive(Template)]
#[template(path = "council_decision.html")]
struct DecisionPage {
    layout: Layout,
    error: String,
    decision: DecisionLine,
    explanation: Vec<String>,
    citations: Vec<String>,
    reports: Vec<ReportLine>,
    today: String,
    can_report: bool,
    can_review: bool,
}

async fn decision_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: i64,
    error: String,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let page = async {
        let d = state.app.council_decision(acting, id, None).await?;
        let view = d.control.view(&tr.lang());
        Ok::<_, AppError>(DecisionPage {
            layout: Layout::signed_in(tr, session, "security", "council-decision-title"),
            error: error.clone(),
            decision: decision_line(tr, &d),
            explanation: view.explanation,
            citations: view.citations.iter().map(|c| c.to_string()).collect(),
            reports: d
                .reports
                .iter()
                .map(|r| ReportLine {
                    id: r.id,
                    reported_on: r.reported_on.to_string(),
                    text: r.text.clone(),
                    by: r.reported_by.clone(),
                    review_key: r.review.as_str().to_owned(),
                    review: tr.t(r.review.message_id()),
                    note: r.review_note.clone(),
                    reviewed_by: r.reviewed_by.clone().unwrap_or_default(),
                })
                .collect(),
            today: state.app.clock().today().to_string(),
            can_report: session.principal.can(Permission::WriteSecurity)
                && matches!(
                    d.status,
                    ControlStatus::Open | ControlStatus::Overdue | ControlStatus::Returned
                ),
            can_review: session.principal.can(Permission::WriteCouncil),
        })
    }
    .await;
    shown(tr, session, "council-decision-title", error, page)
}

pub async fn decision(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
) -> Response {
    decision_page(&state, &tr, &session, id, String::new()).await
}

pub async fn report_execution(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<Fields>,
) -> Response {
    let result = async {
        let new = NewExecutionReport {
            reported_on: parse_date("reported_on", field(&form, "reported_on"))?,
            text: field(&form, "text").to_owned(),
        };
        state
            .app
            .report_execution(Acting::Principal(&session.principal), id, new)
            .await
    }
    .await;
    after_post(
        result,
        |_| format!("/council/decisions/{id}"),
        &tr,
        &session,
        |e| decision_page(&state, &tr, &session, id, e),
    )
    .await
}

pub async fn review_report(
    State(state): State<AppState>,
    tr: Tr,
    Path(report): Path<i64>,
    PageForm { session, form }: PageForm<Fields>,
) -> Response {
    let decision: i64 = match parse_number("decision_id", field(&form, "decision_id")) {
        Ok(id) => id,
        Err(e) => {
            return PageError::new(
                e,
                &tr,
                Some(Layout::signed_in(
                    &tr,
                    &session,
                    "security",
                    "council-title",
                )),
            )
            .into_response();
        }
    };
    let result = async {
        let review = ReportReview {
            review: word("review", field(&form, "review"))?,
            note: field(&form, "note").to_owned(),
        };
        state
            .app
            .review_execution(Acting::Principal(&session.principal), report, review)
            .await
    }
    .await;
    after_post(
        result,
        |_| format!("/council/decisions/{decision}"),
        &tr,
        &session,
        |e| decision_page(&state, &tr, &session, decision, e),
    )
    .await
}
