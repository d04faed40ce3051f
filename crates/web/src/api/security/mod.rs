//! Institutions and competences: who is responsible, and the reference lists of the texts.
//! The monitoring of bodies, threats, measures and strategy, and the Security Council, are its
//! submodules.

pub mod council;
pub mod monitoring;
pub mod views;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::NaiveDate;
use qorgau_app::Acting;
use serde::Deserialize;
use utoipa::IntoParams;

use self::views::{
    SecurityListAddition, SecurityReferenceList, SecurityScreening, SecurityScreeningSummary,
    SecurityWho,
};
use crate::AppState;
use crate::auth::ApiCaller;
use crate::extract::ApiQuery;
use crate::i18n::Tr;
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
    responses((status = 200, body = SecurityWho), (status = 422, body = Problem)))]
pub async fn who(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    tr: Tr,
    ApiQuery(query): ApiQuery<WhoQuery>,
) -> Result<Json<SecurityWho>, Problem> {
    let answer = state
        .app
        .who(Acting::Principal(&p), &query.q, query.as_of)
        .await?;
    Ok(Json(SecurityWho::new(&answer, &tr.lang())))
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
    responses((status = 200, body = Vec<SecurityReferenceList>)))]
pub async fn reference(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<ReferenceQuery>,
) -> Result<Json<Vec<SecurityReferenceList>>, Problem> {
    let lists = state
        .app
        .reference_lists_on(Acting::Principal(&p), query.as_of)
        .await?;
    Ok(Json(
        lists.iter().map(SecurityReferenceList::from).collect(),
    ))
}

/// Records a national interest or main threat added by a later act (Art. 5.2, 6.2).
#[utoipa::path(post, path = "/api/v1/security/reference/additions", tag = "security",
    request_body = qorgau_app::security::NewAddition,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = SecurityListAddition), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn add_entry(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    crate::extract::ApiJson(body): crate::extract::ApiJson<qorgau_app::security::NewAddition>,
) -> Result<(StatusCode, Json<SecurityListAddition>), Problem> {
    let addition = state
        .app
        .add_list_entry(Acting::Principal(&p), body)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(SecurityListAddition::from(&addition)),
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
    responses((status = 200, body = SecurityScreening), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn screen(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    tr: Tr,
    crate::extract::ApiPath(code): crate::extract::ApiPath<String>,
    ApiQuery(query): ApiQuery<ScreeningQuery>,
) -> Result<Json<SecurityScreening>, Problem> {
    let (organisation, decision) = state
        .app
        .screen_organisation(Acting::Principal(&p), &code, query.as_of)
        .await?;
    Ok(Json(SecurityScreening::new(
        &organisation,
        &decision,
        &tr.lang(),
    )))
}

/// Screens every organisation of the graph at once.
#[utoipa::path(get, path = "/api/v1/security/screening", tag = "security",
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = SecurityScreeningSummary), (status = 403, body = Problem)))]
pub async fn screen_all(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
) -> Result<Json<SecurityScreeningSummary>, Problem> {
    let summary = state.app.screen_all(Acting::Principal(&p)).await?;
    Ok(Json(SecurityScreeningSummary::from(&summary)))
}
