//! The analysis of a body for a period, the analyst's conclusions, and the analyses due.

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use qorgau_app::Acting;
use qorgau_app::safety::analysis::AnalysisKey;
use qorgau_rules::safety::PeriodKind;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::views::analysis::{
    SafetyAnalysisConclusions, SafetyAnalysisReport, SafetyScheduledAnalysis,
};
use super::{BodyQuery, pdf};
use crate::AppState;
use crate::api::words::word;
use crate::auth::ApiCaller;
use crate::extract::{ApiJson, ApiQuery};
use crate::i18n::Tr;
use crate::problem::Problem;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AnalysisQuery {
    pub body_id: i64,
    /// month, quarter, half_year, year, winter_training, summer_training or academic_year.
    #[param(value_type = String)]
    pub kind: PeriodKind,
    /// The year the period is named by (for a period spanning New Year, the year it begins).
    pub year: i32,
    /// The month, quarter or half; 1 for the other kinds.
    pub number: Option<u32>,
    /// pdf for the printable report.
    pub format: Option<String>,
}

/// The analysis of a body for a period against the same period last year: rates per 1,000,
/// units ranked, the unfavourable named, deficiencies and causes.
#[utoipa::path(get, path = "/api/v1/safety/analysis", tag = "safety", params(AnalysisQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = SafetyAnalysisReport), (status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn analysis(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    tr: Tr,
    ApiQuery(query): ApiQuery<AnalysisQuery>,
) -> Result<Response, Problem> {
    let acting = Acting::Principal(&p);
    let number = query.number.unwrap_or(1);
    if query.format.as_deref() == Some("pdf") {
        return Ok(pdf(state
            .app
            .analysis_pdf(
                acting,
                &tr.lang(),
                query.body_id,
                query.kind,
                query.year,
                number,
            )
            .await?));
    }
    let report = state
        .app
        .safety_analysis(acting, query.body_id, query.kind, query.year, number)
        .await?;
    Ok(Json(SafetyAnalysisReport::new(&report, &tr.lang())).into_response())
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Conclusions {
    pub body_id: i64,
    #[schema(schema_with = word::<PeriodKind>)]
    pub kind: PeriodKind,
    pub year: i32,
    #[serde(default)]
    pub number: Option<u32>,
    pub conclusions: String,
    pub measures: String,
}

/// Writes the analyst's conclusions and proposed measures for a period (para 19).
#[utoipa::path(post, path = "/api/v1/safety/analysis", tag = "safety", request_body = Conclusions,
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = SafetyAnalysisConclusions), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn complete_analysis(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiJson(body): ApiJson<Conclusions>,
) -> Result<Json<SafetyAnalysisConclusions>, Problem> {
    let analysis = state
        .app
        .complete_analysis(
            Acting::Principal(&p),
            AnalysisKey {
                body_id: body.body_id,
                kind: body.kind,
                year: body.year,
                number: body.number.unwrap_or(1),
            },
            &body.conclusions,
            &body.measures,
        )
        .await?;
    Ok(Json(SafetyAnalysisConclusions::from(&analysis)))
}

/// The analyses the body and the bodies directly below it owe (para 20): deadlines and which
/// are late.
#[utoipa::path(get, path = "/api/v1/safety/analysis-schedule", tag = "safety", params(BodyQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<SafetyScheduledAnalysis>), (status = 403, body = Problem)))]
pub async fn analysis_schedule(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<BodyQuery>,
) -> Result<Json<Vec<SafetyScheduledAnalysis>>, Problem> {
    let schedule = state
        .app
        .analysis_schedule(Acting::Principal(&p), query.body_id)
        .await?;
    Ok(Json(
        schedule.iter().map(SafetyScheduledAnalysis::from).collect(),
    ))
}
