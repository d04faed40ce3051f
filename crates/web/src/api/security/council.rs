//! The Security Council: meetings, agendas, decisions assigned to bodies, execution reports and
//! their review, and the execution control.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::NaiveDate;
use qorgau_app::Acting;
use qorgau_app::security::council::{
    NewAgendaItem, NewDecision, NewExecutionReport, NewMeeting, ReportReview,
};
use serde::Deserialize;
use utoipa::IntoParams;

use super::views::SecurityCreated;
use super::views::council::{
    CouncilControl, CouncilDecision, CouncilMeeting, CouncilMeetingDetail, CouncilReview,
};
use crate::AppState;
use crate::auth::ApiCaller;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::i18n::Tr;
use crate::problem::Problem;

fn created(id: i64) -> (StatusCode, Json<SecurityCreated>) {
    (StatusCode::CREATED, Json(SecurityCreated { id }))
}

/// Every meeting, newest first.
#[utoipa::path(get, path = "/api/v1/council/meetings", tag = "council",
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<CouncilMeeting>), (status = 403, body = Problem)))]
pub async fn meetings(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
) -> Result<Json<Vec<CouncilMeeting>>, Problem> {
    let meetings = state.app.meetings(Acting::Principal(&p)).await?;
    Ok(Json(meetings.iter().map(CouncilMeeting::from).collect()))
}

/// Records a meeting.
#[utoipa::path(post, path = "/api/v1/council/meetings", tag = "council",
    request_body = NewMeeting, security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = SecurityCreated), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create_meeting(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiJson(body): ApiJson<NewMeeting>,
) -> Result<(StatusCode, Json<SecurityCreated>), Problem> {
    Ok(created(
        state
            .app
            .create_meeting(Acting::Principal(&p), body)
            .await?,
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AsOfQuery {
    /// The day the control is read on; today in Asia/Almaty when absent.
    pub as_of: Option<NaiveDate>,
}

/// One meeting with its agenda and its decisions under control.
#[utoipa::path(get, path = "/api/v1/council/meetings/{id}", tag = "council",
    params(("id" = i64, Path), AsOfQuery), security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = CouncilMeetingDetail), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn meeting(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    tr: Tr,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(q): ApiQuery<AsOfQuery>,
) -> Result<Json<CouncilMeetingDetail>, Problem> {
    let meeting = state
        .app
        .meeting(Acting::Principal(&p), id, q.as_of)
        .await?;
    Ok(Json(CouncilMeetingDetail::new(&meeting, &tr.lang())))
}

/// Appends an item to the agenda (the Government's annual report hearing, a hearing of a head
/// of a body, a review of a draft law or programme, or another item).
#[utoipa::path(post, path = "/api/v1/council/meetings/{id}/agenda", tag = "council",
    params(("id" = i64, Path)), request_body = NewAgendaItem,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = SecurityCreated), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn add_agenda_item(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<NewAgendaItem>,
) -> Result<(StatusCode, Json<SecurityCreated>), Problem> {
    Ok(created(
        state
            .app
            .add_agenda_item(Acting::Principal(&p), id, body)
            .await?,
    ))
}

/// Records a decision or recommendation of the meeting, assigned to a body with a deadline.
#[utoipa::path(post, path = "/api/v1/council/meetings/{id}/decisions", tag = "council",
    params(("id" = i64, Path)), request_body = NewDecision,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = SecurityCreated), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn create_decision(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<NewDecision>,
) -> Result<(StatusCode, Json<SecurityCreated>), Problem> {
    Ok(created(
        state
            .app
            .create_decision(Acting::Principal(&p), id, body)
            .await?,
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ControlQuery {
    pub as_of: Option<NaiveDate>,
    /// open, overdue, awaiting_review, returned or done.
    #[param(schema_with = crate::api::words::word::<qorgau_rules::security::vocabulary::ControlStatus>)]
    pub status: Option<String>,
}

/// The execution control of every decision on a day: counts by status and the decisions.
#[utoipa::path(get, path = "/api/v1/council/decisions", tag = "council", params(ControlQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = CouncilControl), (status = 403, body = Problem)))]
pub async fn control(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    tr: Tr,
    ApiQuery(q): ApiQuery<ControlQuery>,
) -> Result<Json<CouncilControl>, Problem> {
    let summary = state
        .app
        .execution_control(Acting::Principal(&p), q.as_of, q.status.as_deref())
        .await?;
    Ok(Json(CouncilControl::new(&summary, &tr.lang())))
}

/// One decision with its execution reports and its control.
#[utoipa::path(get, path = "/api/v1/council/decisions/{id}", tag = "council",
    params(("id" = i64, Path), AsOfQuery), security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = CouncilDecision), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn decision(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    tr: Tr,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(q): ApiQuery<AsOfQuery>,
) -> Result<Json<CouncilDecision>, Problem> {
    let d = state
        .app
        .council_decision(Acting::Principal(&p), id, q.as_of)
        .await?;
    Ok(Json(CouncilDecision::new(&d, &tr.lang())))
}

/// Records the body's report on the execution of a decision; it then awaits review.
#[utoipa::path(post, path = "/api/v1/council/decisions/{id}/reports", tag = "council",
    params(("id" = i64, Path)), request_body = NewExecutionReport,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = SecurityCreated), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn report_execution(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<NewExecutionReport>,
) -> Result<(StatusCode, Json<SecurityCreated>), Problem> {
    Ok(created(
        state
            .app
            .report_execution(Acting::Principal(&p), id, body)
            .await?,
    ))
}

/// The secretariat accepts or returns a pending execution report.
#[utoipa::path(post, path = "/api/v1/council/reports/{id}/review", tag = "council",
    params(("id" = i64, Path)), request_body = ReportReview,
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = CouncilReview), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn review_report(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<ReportReview>,
) -> Result<Json<CouncilReview>, Problem> {
    let review = body.review;
    state
        .app
        .review_execution(Acting::Principal(&p), id, body)
        .await?;
    Ok(Json(CouncilReview { report: id, review }))
}
