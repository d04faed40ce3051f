//! Institutions and competences: who is responsible, and the reference lists of the texts.
//! The monitoring of bodies, threats, measures and strategy, and the Security Council, are its
//! submodules.

pub mod council;
pub mod monitoring;

use axum::Json;
use axum::extract::State;
use chrono::NaiveDate;
use qorgau_app::Acting;
use qorgau_app::security::ReferenceList;
use qorgau_i18n::Lang;
use serde::Deserialize;
use serde_json::Value;
use utoipa::IntoParams;

use crate::AppState;
use crate::auth::ApiCaller;
use crate::extract::ApiQuery;
use crate::problem::Problem;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct WhoQuery {
    /// The question in words, such as "who approves the rules of physical training".
    pub q: String,
    /// The date to read the law on; today in Asia/Almaty when absent.
    pub as_of: Option<NaiveDate>,
}

/// The functions and competences that answer a question, best first, each with its holder,
/// clause and status on `as_of`; with `defense.function_holder`'s decision.
#[utoipa::path(get, path = "/api/v1/security/who", tag = "security", params(WhoQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Object), (status = 422, body = Problem)))]
pub async fn who(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<WhoQuery>,
) -> Result<Json<Value>, Problem> {
    let answer = state
        .app
        .who(Acting::Principal(&p), &query.q, query.as_of)
        .await?;
    let mut value = serde_json::to_value(&answer)
        .map_err(|e| Problem::from(qorgau_app::AppError::Internal(e.to_string())))?;
    value["function_holder"] = serde_json::to_value(answer.function_holder.view(&Lang::english()))
        .map_err(|e| Problem::from(qorgau_app::AppError::Internal(e.to_string())))?;
    Ok(Json(value))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ReferenceQuery {
    /// The date the lists are read on (additions by later acts count from their date).
    pub as_of: Option<NaiveDate>,
}

/// The reference lists read from the corpus, each entry with its clause, and the interests and
/// threats added by later acts in force on `as_of`.
#[utoipa::path(get, path = "/api/v1/security/reference", tag = "security", params(ReferenceQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<ReferenceList>)))]
pub async fn reference(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<ReferenceQuery>,
) -> Result<Json<Vec<ReferenceList>>, Problem> {
    Ok(Json(
        state
            .app
            .reference_lists_on(Acting::Principal(&p), query.as_of)
            .await?,
    ))
}

/// Records a national interest or main threat added by a later act (Art. 5.2, 6.2).
#[utoipa::path(post, path = "/api/v1/security/reference/additions", tag = "security",
    request_body = qorgau_app::security::NewAddition,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = Object), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn add_entry(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    crate::extract::ApiJson(body): crate::extract::ApiJson<qorgau_app::security::NewAddition>,
) -> Result<(axum::http::StatusCode, Json<Value>), Problem> {
    let addition = state
        .app
        .add_list_entry(Acting::Principal(&p), body)
        .await?;
    Ok((
        axum::http::StatusCode::CREATED,
        Json(serde_json::json!(addition)),
    ))
}

/// Imports organisations and persons from CSV
/// (`code,name,foreign,activities,trunk_lines_run_by_foreigners,control_centre_abroad`).
#[utoipa::path(post, path = "/api/v1/security/organisations/import", tag = "security",
    request_body(content = String, content_type = "text/csv"),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = qorgau_app::csv_import::ImportReport), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn import_organisations(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    body: String,
) -> Result<Json<qorgau_app::csv_import::ImportReport>, Problem> {
    Ok(Json(
        state
            .app
            .import_organisations(Acting::Principal(&p), &body)
            .await?,
    ))
}

/// Imports holdings from CSV (`owner,owned,share`, by code, share in percent).
#[utoipa::path(post, path = "/api/v1/security/holdings/import", tag = "security",
    request_body(content = String, content_type = "text/csv"),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = qorgau_app::csv_import::ImportReport), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn import_holdings(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    body: String,
) -> Result<Json<qorgau_app::csv_import::ImportReport>, Problem> {
    Ok(Json(
        state
            .app
            .import_holdings(Acting::Principal(&p), &body)
            .await?,
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ScreeningQuery {
    pub as_of: Option<NaiveDate>,
}

/// `security.ownership_screening` of one organisation: its effective foreign share, the chains
/// that make it up, cycles, and the limits of Art. 23.6 it breaks.
#[utoipa::path(get, path = "/api/v1/security/organisations/{code}/screening", tag = "security",
    params(("code" = String, Path, description = "Organisation code"), ScreeningQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Object), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn screen(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    crate::extract::ApiPath(code): crate::extract::ApiPath<String>,
    ApiQuery(query): ApiQuery<ScreeningQuery>,
) -> Result<Json<Value>, Problem> {
    let (organisation, decision) = state
        .app
        .screen_organisation(Acting::Principal(&p), &code, query.as_of)
        .await?;
    Ok(Json(serde_json::json!({
        "organisation": organisation,
        "decision": decision.view(&Lang::english()),
    })))
}

/// Screens every organisation of the graph at once.
#[utoipa::path(get, path = "/api/v1/security/screening", tag = "security",
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = qorgau_app::security::ScreeningSummary), (status = 403, body = Problem)))]
pub async fn screen_all(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
) -> Result<Json<qorgau_app::security::ScreeningSummary>, Problem> {
    Ok(Json(state.app.screen_all(Acting::Principal(&p)).await?))
}
