//! Plans: standings, drafting, approval, revision, comparison of versions and completed
//! activities.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use qorgau_app::Acting;
use qorgau_app::safety::plans::{NewPlan, PlanDraft};
use qorgau_rules::safety::PlanChange;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::pdf;
use super::views::plans::{
    SafetyPlanRevision, SafetyPlanStanding, SafetyPlanView, SafetyRevisionDecision,
    SafetyVersionDiff,
};
use crate::AppState;
use crate::api::words::word;
use crate::auth::ApiCaller;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::i18n::Tr;
use crate::problem::Problem;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct StandingQuery {
    pub body_id: i64,
    pub year: i32,
}

/// Every body of military command under `body_id` with its Plan for `year`; late ones flagged.
#[utoipa::path(get, path = "/api/v1/safety/plans", tag = "safety", params(StandingQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<SafetyPlanStanding>), (status = 403, body = Problem)))]
pub async fn plan_standings(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<StandingQuery>,
) -> Result<Json<Vec<SafetyPlanStanding>>, Problem> {
    let standings = state
        .app
        .plan_standings(Acting::Principal(&p), query.body_id, query.year)
        .await?;
    Ok(Json(
        standings.iter().map(SafetyPlanStanding::from).collect(),
    ))
}

/// Drafts a Plan (version 1).
#[utoipa::path(post, path = "/api/v1/safety/plans", tag = "safety", request_body = NewPlan,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = SafetyPlanView), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create_plan(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiJson(body): ApiJson<NewPlan>,
) -> Result<(StatusCode, Json<SafetyPlanView>), Problem> {
    let plan = state.app.create_plan(Acting::Principal(&p), body).await?;
    Ok((StatusCode::CREATED, Json(SafetyPlanView::from(&plan))))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct VersionQuery {
    /// The version shown; the current one when absent.
    pub version: Option<i64>,
    /// pdf for the printable Plan (Appendix 1).
    pub format: Option<String>,
}

/// A Plan with one version and its activities (overdue ones flagged); as PDF with format=pdf.
#[utoipa::path(get, path = "/api/v1/safety/plans/{id}", tag = "safety",
    params(("id" = i64, Path, description = "Plan id"), VersionQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = SafetyPlanView), (status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_plan(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    tr: Tr,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<VersionQuery>,
) -> Result<Response, Problem> {
    let acting = Acting::Principal(&p);
    if query.format.as_deref() == Some("pdf") {
        return Ok(pdf(state
            .app
            .plan_pdf(acting, &tr.lang(), id, query.version)
            .await?));
    }
    let plan = state.app.plan(acting, id, query.version).await?;
    Ok(Json(SafetyPlanView::from(&plan)).into_response())
}

/// Rewrites the version being drafted (never an approved one).
#[utoipa::path(put, path = "/api/v1/safety/plans/{id}", tag = "safety",
    params(("id" = i64, Path, description = "Plan id")), request_body = PlanDraft,
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = SafetyPlanView), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn update_plan(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<PlanDraft>,
) -> Result<Json<SafetyPlanView>, Problem> {
    let plan = state
        .app
        .update_plan_draft(Acting::Principal(&p), id, body)
        .await?;
    Ok(Json(SafetyPlanView::from(&plan)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// The commander's military rank, surname and initials, as the form's "Approved" block.
    pub approver_title: String,
}

/// The body's commander approves the version being drafted.
#[utoipa::path(post, path = "/api/v1/safety/plans/{id}/approve", tag = "safety",
    params(("id" = i64, Path, description = "Plan id")), request_body = Approval,
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = SafetyPlanView), (status = 403, body = Problem), (status = 409, body = Problem)))]
pub async fn approve_plan(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<Approval>,
) -> Result<Json<SafetyPlanView>, Problem> {
    let plan = state
        .app
        .approve_plan(Acting::Principal(&p), id, &body.approver_title)
        .await?;
    Ok(Json(SafetyPlanView::from(&plan)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    /// daily_activity_conditions_changed, new_equipment_received or other.
    #[schema(schema_with = word::<PlanChange>)]
    pub change: PlanChange,
    pub reason: String,
}

/// Opens a revision of the approved Plan as a new version, with its reason; the answer carries
/// `safety.plan_revision_required`'s decision.
#[utoipa::path(post, path = "/api/v1/safety/plans/{id}/revise", tag = "safety",
    params(("id" = i64, Path, description = "Plan id")), request_body = Revision,
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = SafetyPlanRevision), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn revise_plan(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    tr: Tr,
    ApiJson(body): ApiJson<Revision>,
) -> Result<Json<SafetyPlanRevision>, Problem> {
    let (plan, decision) = state
        .app
        .revise_plan(Acting::Principal(&p), id, body.change, &body.reason)
        .await?;
    Ok(Json(SafetyPlanRevision {
        plan: SafetyPlanView::from(&plan),
        decision: SafetyRevisionDecision::new(&decision, &tr.lang()),
    }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CompareQuery {
    pub from: i64,
    pub to: i64,
}

/// What changed between two versions of a Plan.
#[utoipa::path(get, path = "/api/v1/safety/plans/{id}/compare", tag = "safety",
    params(("id" = i64, Path, description = "Plan id"), CompareQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = SafetyVersionDiff), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn compare_plan(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<CompareQuery>,
) -> Result<Json<SafetyVersionDiff>, Problem> {
    let diff = state
        .app
        .compare_plan_versions(Acting::Principal(&p), id, query.from, query.to)
        .await?;
    Ok(Json(SafetyVersionDiff::from(&diff)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Completion {
    /// Incoming, outgoing or registration number.
    pub completion_mark: String,
    pub completed_on: NaiveDate,
}

/// Marks an activity of the Plan as completed.
#[utoipa::path(post, path = "/api/v1/safety/plan-activities/{id}/complete", tag = "safety",
    params(("id" = i64, Path, description = "Activity id")), request_body = Completion,
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = SafetyPlanView), (status = 403, body = Problem), (status = 409, body = Problem)))]
pub async fn complete_activity(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<Completion>,
) -> Result<Json<SafetyPlanView>, Problem> {
    let plan = state
        .app
        .mark_plan_activity(
            Acting::Principal(&p),
            id,
            &body.completion_mark,
            body.completed_on,
        )
        .await?;
    Ok(Json(SafetyPlanView::from(&plan)))
}
