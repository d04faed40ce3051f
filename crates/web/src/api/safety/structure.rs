//! The command structure and unit strength, with their CSV imports.

use axum::Json;
use axum::extract::State;
use qorgau_app::Acting;
use qorgau_app::safety::structure::{ImportReport, StrengthPoint};
use serde::Deserialize;
use utoipa::IntoParams;

use super::views::structure::SafetyUnit;
use crate::AppState;
use crate::auth::ApiCaller;
use crate::extract::{ApiPath, ApiQuery};
use crate::problem::Problem;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct StructureQuery {
    /// The unit whose subtree is listed; every subtree the caller may read when absent.
    pub root_id: Option<i64>,
}

/// The command structure in tree order, with each unit's echelon and latest strength.
#[utoipa::path(get, path = "/api/v1/safety/structure", tag = "safety", params(StructureQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<SafetyUnit>), (status = 403, body = Problem)))]
pub async fn structure(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<StructureQuery>,
) -> Result<Json<Vec<SafetyUnit>>, Problem> {
    let nodes = state
        .app
        .safety_structure(Acting::Principal(&p), query.root_id)
        .await?;
    Ok(Json(nodes.into_iter().map(SafetyUnit::from).collect()))
}

/// Imports units (`key,parent,name,kind`; parent is an earlier key or `id:N`): all or nothing.
#[utoipa::path(post, path = "/api/v1/safety/structure/import", tag = "safety",
    request_body(content = String, content_type = "text/csv"),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = ImportReport), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn import_structure(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    body: String,
) -> Result<Json<ImportReport>, Problem> {
    Ok(Json(
        state
            .app
            .import_structure(Acting::Principal(&p), &body)
            .await?,
    ))
}

/// A unit's strength figures, newest first.
#[utoipa::path(get, path = "/api/v1/safety/units/{id}/strength", tag = "safety",
    params(("id" = i64, Path, description = "Unit id")),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<StrengthPoint>), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn unit_strength(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<StrengthPoint>>, Problem> {
    Ok(Json(
        state.app.unit_strength(Acting::Principal(&p), id).await?,
    ))
}

/// Imports strength figures (`unit_id,month,personnel`); refused rows are reported.
#[utoipa::path(post, path = "/api/v1/safety/strength/import", tag = "safety",
    request_body(content = String, content_type = "text/csv"),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = ImportReport), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn import_strength(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    body: String,
) -> Result<Json<ImportReport>, Problem> {
    Ok(Json(
        state
            .app
            .import_strength(Acting::Principal(&p), &body)
            .await?,
    ))
}
