use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use qorgau_app::Acting;
use qorgau_app::org::{NewUnitInput, UnitView};

use crate::AppState;
use crate::auth::ApiCaller;
use crate::extract::{ApiJson, ApiPath};
use crate::problem::Problem;

/// The units in the caller's scope, parents before children.
#[utoipa::path(get, path = "/api/v1/org/units", tag = "org", security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<UnitView>), (status = 401, body = Problem)))]
pub async fn list_units(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
) -> Result<Json<Vec<UnitView>>, Problem> {
    Ok(Json(state.app.list_units(Acting::Principal(&p)).await?))
}

/// Adds a unit under an existing one.
#[utoipa::path(post, path = "/api/v1/org/units", tag = "org", request_body = NewUnitInput,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = UnitView), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create_unit(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiJson(body): ApiJson<NewUnitInput>,
) -> Result<(StatusCode, Json<UnitView>), Problem> {
    Ok((
        StatusCode::CREATED,
        Json(state.app.create_unit(Acting::Principal(&p), body).await?),
    ))
}

/// One unit.
#[utoipa::path(get, path = "/api/v1/org/units/{id}", tag = "org", params(("id" = i64, Path, description = "Unit id")),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = UnitView), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_unit(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<UnitView>, Problem> {
    Ok(Json(state.app.get_unit(Acting::Principal(&p), id).await?))
}
