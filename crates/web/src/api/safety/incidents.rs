//! Incidents: the list, recording one, and the CSV import.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use qorgau_app::Acting;
use qorgau_app::safety::incidents::NewIncident;
use qorgau_app::safety::structure::ImportReport;

use super::views::incidents::SafetyIncident;
use super::{RangeQuery, range};
use crate::AppState;
use crate::auth::ApiCaller;
use crate::extract::{ApiJson, ApiQuery};
use crate::problem::Problem;

/// Incidents in the range inside the body's subtree (at most 500, newest first).
#[utoipa::path(get, path = "/api/v1/safety/incidents", tag = "safety", params(RangeQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<SafetyIncident>), (status = 403, body = Problem)))]
pub async fn list_incidents(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<RangeQuery>,
) -> Result<Json<Vec<SafetyIncident>>, Problem> {
    let (from, to) = range(&state, &query);
    let incidents = state
        .app
        .incidents(Acting::Principal(&p), query.body_id, from, to)
        .await?;
    Ok(Json(
        incidents.into_iter().map(SafetyIncident::from).collect(),
    ))
}

/// Records a death or injury.
#[utoipa::path(post, path = "/api/v1/safety/incidents", tag = "safety", request_body = NewIncident,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = SafetyIncident), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn record_incident(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiJson(body): ApiJson<NewIncident>,
) -> Result<(StatusCode, Json<SafetyIncident>), Problem> {
    let incident = state
        .app
        .record_incident(Acting::Principal(&p), body)
        .await?;
    Ok((StatusCode::CREATED, Json(SafetyIncident::from(incident))))
}

/// Imports incidents (`unit_id,occurred_on,kind,in_duty,cause,activity,description`).
#[utoipa::path(post, path = "/api/v1/safety/incidents/import", tag = "safety",
    request_body(content = String, content_type = "text/csv"),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = ImportReport), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn import_incidents(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    body: String,
) -> Result<Json<ImportReport>, Problem> {
    Ok(Json(
        state
            .app
            .import_incidents(Acting::Principal(&p), &body)
            .await?,
    ))
}
