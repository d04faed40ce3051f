//! Acts of control with their violations, retention and purge, overdue eliminations and
//! quarterly coverage.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use qorgau_app::Acting;
use qorgau_app::safety::acts::{NewAct, PurgeReport};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::views::acts::{SafetyActView, SafetyCoverage, SafetyOverdueViolation};
use super::{BodyQuery, RangeQuery, pdf, range};
use crate::AppState;
use crate::auth::ApiCaller;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::i18n::Tr;
use crate::problem::Problem;

/// Acts whose control ended in the range, inside the body's subtree.
#[utoipa::path(get, path = "/api/v1/safety/acts", tag = "safety", params(RangeQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<SafetyActView>), (status = 403, body = Problem)))]
pub async fn list_acts(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<RangeQuery>,
) -> Result<Json<Vec<SafetyActView>>, Problem> {
    let (from, to) = range(&state, &query);
    let acts = state
        .app
        .acts(Acting::Principal(&p), query.body_id, from, to)
        .await?;
    Ok(Json(acts.iter().map(SafetyActView::from).collect()))
}

/// Records an Act of control with every field of Appendix 2.
#[utoipa::path(post, path = "/api/v1/safety/acts", tag = "safety", request_body = NewAct,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = SafetyActView), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn record_act(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiJson(body): ApiJson<NewAct>,
) -> Result<(StatusCode, Json<SafetyActView>), Problem> {
    let act = state.app.record_act(Acting::Principal(&p), body).await?;
    Ok((StatusCode::CREATED, Json(SafetyActView::from(&act))))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct FormatQuery {
    /// pdf for the printable document.
    pub format: Option<String>,
}

/// An Act with its violations and its retention (`safety.act_retention_until`); as PDF in the
/// layout of Appendix 2 with format=pdf.
#[utoipa::path(get, path = "/api/v1/safety/acts/{id}", tag = "safety",
    params(("id" = i64, Path, description = "Act id"), FormatQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = SafetyActView), (status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_act(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    tr: Tr,
    ApiQuery(query): ApiQuery<FormatQuery>,
) -> Result<Response, Problem> {
    let acting = Acting::Principal(&p);
    if query.format.as_deref() == Some("pdf") {
        return Ok(pdf(state.app.act_pdf(acting, &tr.lang(), id).await?));
    }
    let act = state.app.act(acting, id).await?;
    Ok(Json(SafetyActView::with_retention(&act, &tr.lang())).into_response())
}

/// Deletes an Act whose five years of retention have passed; refused before, naming the day.
#[utoipa::path(delete, path = "/api/v1/safety/acts/{id}", tag = "safety",
    params(("id" = i64, Path, description = "Act id")),
    security(("bearer" = []), ("session" = [])),
    responses((status = 204), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn delete_act(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, Problem> {
    state.app.delete_act(Acting::Principal(&p), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Acknowledgement {
    /// The unit commander's military rank, surname and initials.
    pub commander: String,
}

/// The unit's commander acknowledges having read the Act.
#[utoipa::path(post, path = "/api/v1/safety/acts/{id}/acknowledge", tag = "safety",
    params(("id" = i64, Path, description = "Act id")), request_body = Acknowledgement,
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = SafetyActView), (status = 403, body = Problem), (status = 409, body = Problem)))]
pub async fn acknowledge_act(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<Acknowledgement>,
) -> Result<Json<SafetyActView>, Problem> {
    let act = state
        .app
        .acknowledge_act(Acting::Principal(&p), id, &body.commander)
        .await?;
    Ok(Json(SafetyActView::from(&act)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Elimination {
    pub eliminated_on: NaiveDate,
}

/// Records that a violation was eliminated.
#[utoipa::path(post, path = "/api/v1/safety/violations/{id}/eliminate", tag = "safety",
    params(("id" = i64, Path, description = "Violation id")), request_body = Elimination,
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = SafetyActView), (status = 403, body = Problem), (status = 409, body = Problem)))]
pub async fn eliminate_violation(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<Elimination>,
) -> Result<Json<SafetyActView>, Problem> {
    let act = state
        .app
        .eliminate_violation(Acting::Principal(&p), id, body.eliminated_on)
        .await?;
    Ok(Json(SafetyActView::from(&act)))
}

/// Deletes every Act in the caller's scope whose retention has expired, each audited.
#[utoipa::path(post, path = "/api/v1/safety/acts/purge-expired", tag = "safety",
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = PurgeReport), (status = 403, body = Problem)))]
pub async fn purge_expired(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
) -> Result<Json<PurgeReport>, Problem> {
    Ok(Json(
        state.app.purge_expired_acts(Acting::Principal(&p)).await?,
    ))
}

/// Violations past their report-by date without an elimination.
#[utoipa::path(get, path = "/api/v1/safety/overdue-violations", tag = "safety", params(BodyQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<SafetyOverdueViolation>), (status = 403, body = Problem)))]
pub async fn overdue_violations(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<BodyQuery>,
) -> Result<Json<Vec<SafetyOverdueViolation>>, Problem> {
    let overdue = state
        .app
        .overdue_violations(Acting::Principal(&p), query.body_id)
        .await?;
    Ok(Json(
        overdue.iter().map(SafetyOverdueViolation::from).collect(),
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CoverageQuery {
    pub body_id: i64,
    pub year: i32,
    /// 1 to 4.
    pub quarter: u32,
}

/// Quarterly coverage of departments and services (`safety.quarterly_coverage`) for the body
/// and the bodies below it, with the outlook while the quarter runs.
#[utoipa::path(get, path = "/api/v1/safety/coverage", tag = "safety", params(CoverageQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<SafetyCoverage>), (status = 403, body = Problem)))]
pub async fn coverage(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<CoverageQuery>,
) -> Result<Json<Vec<SafetyCoverage>>, Problem> {
    let coverage = state
        .app
        .coverage(
            Acting::Principal(&p),
            query.body_id,
            query.year,
            query.quarter,
        )
        .await?;
    Ok(Json(coverage.iter().map(SafetyCoverage::from).collect()))
}
