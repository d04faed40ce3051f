//! National-security monitoring: the organisation graph and commissions, the threat register,
//! measures of Art. 18.3, and strategic documents with their indicators.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::NaiveDate;
use qorgau_app::Acting;
use qorgau_app::security::monitoring::{
    NewAssessment, NewCommission, NewDocument, NewIndicator, NewIndicatorValue, NewMeasure,
    NewMeasureReport,
};
use serde::Deserialize;
use utoipa::IntoParams;

use super::views::monitoring::{
    SecurityAssessment, SecurityBodyDetail, SecurityBodyGraph, SecurityDocument, SecurityMeasure,
    SecurityMeasureDetail, SecurityThreatHistory, SecurityThreatRegister,
};
use super::views::{SecurityCreated, SecurityMembership};
use crate::AppState;
use crate::auth::ApiCaller;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::i18n::Tr;
use crate::problem::Problem;

fn created(id: i64) -> (StatusCode, Json<SecurityCreated>) {
    (StatusCode::CREATED, Json(SecurityCreated { id }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AsOfQuery {
    /// The day read; today in Asia/Almaty when absent.
    pub as_of: Option<NaiveDate>,
}

/// The 30 bodies of Art. 15.1 with how each stands to the President and the areas it leads,
/// and the interagency commissions with their heads and members.
#[utoipa::path(get, path = "/api/v1/security/bodies", tag = "security",
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = SecurityBodyGraph), (status = 403, body = Problem)))]
pub async fn bodies(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
) -> Result<Json<SecurityBodyGraph>, Problem> {
    let graph = state.app.body_graph(Acting::Principal(&p)).await?;
    Ok(Json(SecurityBodyGraph::from(&graph)))
}

/// One body of Art. 15.1 with its text, relations, commissions, and the measures and Security
/// Council decisions assigned to it (with their control on the day read).
#[utoipa::path(get, path = "/api/v1/security/bodies/{number}", tag = "security",
    params(("number" = i64, Path, description = "The point of Art. 15.1 (1-30)"), AsOfQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = SecurityBodyDetail), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn body(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    tr: Tr,
    ApiPath(number): ApiPath<i64>,
    ApiQuery(q): ApiQuery<AsOfQuery>,
) -> Result<Json<SecurityBodyDetail>, Problem> {
    let detail = state
        .app
        .body_detail(Acting::Principal(&p), number, q.as_of)
        .await?;
    Ok(Json(SecurityBodyDetail::new(&detail, &tr.lang())))
}

/// Creates an interagency commission for an area (Art. 18.4); its head is the body that leads
/// coordination in the area.
#[utoipa::path(post, path = "/api/v1/security/commissions", tag = "security",
    request_body = NewCommission, security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = SecurityCreated), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create_commission(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiJson(body): ApiJson<NewCommission>,
) -> Result<(StatusCode, Json<SecurityCreated>), Problem> {
    Ok(created(
        state
            .app
            .create_commission(Acting::Principal(&p), body)
            .await?,
    ))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct NewMember {
    /// A point of Art. 15.1.
    pub body: i64,
}

/// Adds a body to a commission.
#[utoipa::path(post, path = "/api/v1/security/commissions/{id}/members", tag = "security",
    params(("id" = i64, Path)), request_body = NewMember,
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = SecurityMembership), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn add_member(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<NewMember>,
) -> Result<Json<SecurityMembership>, Problem> {
    state
        .app
        .add_commission_member(Acting::Principal(&p), id, body.body)
        .await?;
    Ok(Json(SecurityMembership {
        commission: id,
        body: body.body,
    }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct RegisterQuery {
    pub as_of: Option<NaiveDate>,
    /// An area key such as `information`.
    #[param(schema_with = crate::api::words::word::<qorgau_rules::security::vocabulary::Area>)]
    pub area: Option<String>,
    /// An endangered interest: a point of Art. 5.1 or an addition (`a3`).
    pub interest: Option<String>,
}

/// The threat register on a day: each main threat with its latest assessment, and the heat map
/// (`heat[impact-1][likelihood-1]`), filtered by area and interest.
#[utoipa::path(get, path = "/api/v1/security/threats", tag = "security", params(RegisterQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = SecurityThreatRegister), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn threats(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(q): ApiQuery<RegisterQuery>,
) -> Result<Json<SecurityThreatRegister>, Problem> {
    let register = state
        .app
        .threat_register(
            Acting::Principal(&p),
            q.as_of,
            q.area.as_deref(),
            q.interest.as_deref(),
        )
        .await?;
    Ok(Json(SecurityThreatRegister::from(&register)))
}

/// One threat with every assessment up to the day read: the trend over time and who assessed it.
#[utoipa::path(get, path = "/api/v1/security/threats/{key}", tag = "security",
    params(("key" = String, Path, description = "A point of Art. 6.1 or an addition (a3)"), AsOfQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = SecurityThreatHistory), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn threat(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(key): ApiPath<String>,
    ApiQuery(q): ApiQuery<AsOfQuery>,
) -> Result<Json<SecurityThreatHistory>, Problem> {
    let history = state
        .app
        .threat_history(Acting::Principal(&p), &key, q.as_of)
        .await?;
    Ok(Json(SecurityThreatHistory::from(&history)))
}

/// Records an assessment of a main threat (likelihood and impact 1-5, trend, narrative,
/// evidence, endangered interests).
#[utoipa::path(post, path = "/api/v1/security/assessments", tag = "security",
    request_body = NewAssessment, security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = SecurityAssessment), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn assess(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiJson(body): ApiJson<NewAssessment>,
) -> Result<(StatusCode, Json<SecurityAssessment>), Problem> {
    let view = state.app.assess_threat(Acting::Principal(&p), body).await?;
    Ok((StatusCode::CREATED, Json(SecurityAssessment::from(&view))))
}

/// Every measure with its threats, responsible bodies and overdue flag on the day read.
#[utoipa::path(get, path = "/api/v1/security/measures", tag = "security", params(AsOfQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<SecurityMeasure>), (status = 403, body = Problem)))]
pub async fn measures(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(q): ApiQuery<AsOfQuery>,
) -> Result<Json<Vec<SecurityMeasure>>, Problem> {
    let measures = state.app.measures(Acting::Principal(&p), q.as_of).await?;
    Ok(Json(measures.iter().map(SecurityMeasure::from).collect()))
}

/// Records a measure of Art. 18.3 (its kind is a point of Art. 18.3).
#[utoipa::path(post, path = "/api/v1/security/measures", tag = "security",
    request_body = NewMeasure, security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = SecurityCreated), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create_measure(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiJson(body): ApiJson<NewMeasure>,
) -> Result<(StatusCode, Json<SecurityCreated>), Problem> {
    Ok(created(
        state
            .app
            .create_measure(Acting::Principal(&p), body)
            .await?,
    ))
}

/// One measure with its reports.
#[utoipa::path(get, path = "/api/v1/security/measures/{id}", tag = "security",
    params(("id" = i64, Path), AsOfQuery), security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = SecurityMeasureDetail), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn measure(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(q): ApiQuery<AsOfQuery>,
) -> Result<Json<SecurityMeasureDetail>, Problem> {
    let detail = state
        .app
        .measure(Acting::Principal(&p), id, q.as_of)
        .await?;
    Ok(Json(SecurityMeasureDetail::from(&detail)))
}

/// Reports on a measure; the report sets its status.
#[utoipa::path(post, path = "/api/v1/security/measures/{id}/reports", tag = "security",
    params(("id" = i64, Path)), request_body = NewMeasureReport,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = SecurityCreated), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn report_measure(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<NewMeasureReport>,
) -> Result<(StatusCode, Json<SecurityCreated>), Problem> {
    Ok(created(
        state
            .app
            .report_measure(Acting::Principal(&p), id, body)
            .await?,
    ))
}

/// The Security Council's monitoring view (004, function 3): strategic documents, their target
/// indicators with measured values, and `security.indicator_status` for each, its rule stated.
#[utoipa::path(get, path = "/api/v1/security/strategy", tag = "security", params(AsOfQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<SecurityDocument>), (status = 403, body = Problem)))]
pub async fn strategy(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    tr: Tr,
    ApiQuery(q): ApiQuery<AsOfQuery>,
) -> Result<Json<Vec<SecurityDocument>>, Problem> {
    let documents = state
        .app
        .strategy_monitoring(Acting::Principal(&p), q.as_of)
        .await?;
    let lang = tr.lang();
    Ok(Json(
        documents
            .iter()
            .map(|d| SecurityDocument::new(d, &lang))
            .collect(),
    ))
}

/// Records a strategic document.
#[utoipa::path(post, path = "/api/v1/security/documents", tag = "security",
    request_body = NewDocument, security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = SecurityCreated), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create_document(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiJson(body): ApiJson<NewDocument>,
) -> Result<(StatusCode, Json<SecurityCreated>), Problem> {
    Ok(created(
        state
            .app
            .create_document(Acting::Principal(&p), body)
            .await?,
    ))
}

/// Records a target indicator of a document (baseline, target, unit, deadline).
#[utoipa::path(post, path = "/api/v1/security/indicators", tag = "security",
    request_body = NewIndicator, security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = SecurityCreated), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn create_indicator(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiJson(body): ApiJson<NewIndicator>,
) -> Result<(StatusCode, Json<SecurityCreated>), Problem> {
    Ok(created(
        state
            .app
            .create_indicator(Acting::Principal(&p), body)
            .await?,
    ))
}

/// Records a measured value of an indicator (one per day).
#[utoipa::path(post, path = "/api/v1/security/indicators/{id}/values", tag = "security",
    params(("id" = i64, Path)), request_body = NewIndicatorValue,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = SecurityCreated), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn record_value(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<NewIndicatorValue>,
) -> Result<(StatusCode, Json<SecurityCreated>), Problem> {
    Ok(created(
        state
            .app
            .record_indicator_value(Acting::Principal(&p), id, body)
            .await?,
    ))
}
