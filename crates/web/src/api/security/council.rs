//! The Security Council: meetings, agendas, decisions assigned to bodies, execution reports and
//! their review, and the execution control.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::NaiveDate;
use qorgau_app::security::council::{
    DecisionView, NewAgendaItem, NewDecision, NewExecutionReport, NewMeeting, ReportReview,
};
use qorgau_app::{Acting, AppError};
use qorgau_i18n::Lang;
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::IntoParams;

use crate::AppState;
use crate::auth::ApiCaller;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::problem::Problem;

fn created(id: i64) -> (StatusCode, Json<Value>) {
    (StatusCode::CREATED, Json(json!({ "id": id })))
}

/// A decision with its control decision (`security.decision_control`) in words.
fn decision_value(d: &DecisionView) -> Result<Value, Problem> {
    let mut value =
        serde_json::to_value(d).map_err(|e| Problem::from(AppError::Internal(e.to_string())))?;
    value["control"] = serde_json::to_value(d.control.view(&Lang::english()))
        .map_err(|e| Problem::from(AppError::Internal(e.to_string())))?;
    Ok(value)
}

/// Every meeting, newest first.
#[utoipa::path(get, path = "/api/v1/council/meetings", tag = "council",
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<Object>), (status = 403, body = Problem)))]
pub async fn meetings(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
) -> Result<Json<Value>, Problem> {
    Ok(Json(json!(
        state.app.meetings(Acting::Principal(&p)).await?
    )))
}

/// Records a meeting.
#[utoipa::path(post, path = "/api/v1/council/meetings", tag = "council",
    request_body = NewMeeting, security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = Object), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create_meeting(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiJson(body): ApiJson<NewMeeting>,
) -> Result<(StatusCode, Json<Value>), Problem> {
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
    responses((status = 200, body = Object), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn meeting(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(q): ApiQuery<AsOfQuery>,
) -> Result<Json<Value>, Problem> {
    let meeting = state
        .app
        .meeting(Acting::Principal(&p), id, q.as_of)
        .await?;
    let mut value = serde_json::to_value(&meeting)
        .map_err(|e| Problem::from(AppError::Internal(e.to_string())))?;
    value["decisions"] = Value::Array(
        meeting
            .decisions
            .iter()
            .map(decision_value)
            .collect::<Result<_, _>>()?,
    );
    Ok(Json(value))
}

/// Appends an item to the agenda (the Government's annual report hearing, a hearing of a head
/// of a body, a review of a draft law or programme, or another item).
#[utoipa::path(post, path = "/api/v1/council/meetings/{id}/agenda", tag = "council",
    params(("id" = i64, Path)), request_body = NewAgendaItem,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = Object), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn add_agenda_item(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<NewAgendaItem>,
) -> Result<(StatusCode, Json<Value>), Problem> {
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
    responses((status = 201, body = Object), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn create_decision(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<NewDecision>,
) -> Result<(StatusCode, Json<Value>), Problem> {
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
    pub status: Option<String>,
}

/// The execution control of every decision on a day: counts by status and the decisions.
#[utoipa::path(get, path = "/api/v1/council/decisions", tag = "council", params(ControlQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Object), (status = 403, body = Problem)))]
pub async fn control(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(q): ApiQuery<ControlQuery>,
) -> Result<Json<Value>, Problem> {
    let summary = state
        .app
        .execution_control(Acting::Principal(&p), q.as_of, q.status.as_deref())
        .await?;
    Ok(Json(json!({
        "as_of": summary.as_of,
        "annual_report": summary.annual_report,
        "counts": summary.counts,
        "decisions": summary.decisions.iter().map(decision_value).collect::<Result<Vec<_>, _>>()?,
    })))
}

/// One decision with its execution reports and its control.
#[utoipa::path(get, path = "/api/v1/council/decisions/{id}", tag = "council",
    params(("id" = i64, Path), AsOfQuery), security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Object), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn decision(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(q): ApiQuery<AsOfQuery>,
) -> Result<Json<Value>, Problem> {
    let d = state
        .app
        .council_decision(Acting::Principal(&p), id, q.as_of)
        .await?;
    Ok(Json(decision_value(&d)?))
}

/// Records the body's report on the execution of a decision; it then awaits review.
#[utoipa::path(post, path = "/api/v1/council/decisions/{id}/reports", tag = "council",
    params(("id" = i64, Path)), request_body = NewExecutionReport,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = Object), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn report_execution(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<NewExecutionReport>,
) -> Result<(StatusCode, Json<Value>), Problem> {
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
    responses((status = 200, body = Object), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn review_report(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<ReportReview>,
) -> Result<Json<Value>, Problem> {
    let review = body.review.clone();
    state
        .app
        .review_execution(Acting::Principal(&p), id, body)
        .await?;
    Ok(Json(json!({ "report": id, "review": review })))
}
