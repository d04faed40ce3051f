//! The citizen register, summons campaigns, officers' records and the channels' webhook.

mod views;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use qorgau_app::Acting;
use qorgau_app::conscription::{
    EventBatch, ImportSummary, IngestReport, NewCampaign, OfficerFact, PlanSummary, Selection,
};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::AppState;
use crate::auth::ApiCaller;
use crate::extract::{ApiJson, ApiPath, ApiQuery};
use crate::i18n::Tr;
use crate::problem::Problem;
use views::{
    CampaignDetailView, CampaignView, CitizenCardView, CitizenView, SummonsRecordView,
    SummonsStatusView,
};

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ImportQuery {
    /// The unit whose register receives the citizens.
    pub unit_id: i64,
}

/// Imports citizens from CSV (the body). Rejected rows are listed with their line and reason;
/// the others are written in one transaction.
#[utoipa::path(post, path = "/api/v1/conscription/citizens/import", tag = "conscription",
    params(ImportQuery), request_body(content = String, content_type = "text/csv"),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = ImportSummary), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn import_citizens(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    tr: Tr,
    ApiQuery(query): ApiQuery<ImportQuery>,
    body: String,
) -> Result<Json<ImportSummary>, Problem> {
    let mut summary = state
        .app
        .import_citizens(Acting::Principal(&p), query.unit_id, &body)
        .await?;
    // Each refusal is explained in the reader's language.
    for row in &mut summary.rejected {
        row.message = tr.message(&row.reason);
    }
    Ok(Json(summary))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SearchQuery {
    /// The start of an IIN, a surname or a given name.
    #[serde(default)]
    pub q: String,
}

/// Citizens whose IIN or name starts with `q` (at most 100).
#[utoipa::path(get, path = "/api/v1/conscription/citizens", tag = "conscription",
    params(SearchQuery), security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<CitizenView>), (status = 403, body = Problem)))]
pub async fn search_citizens(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiQuery(query): ApiQuery<SearchQuery>,
) -> Result<Json<Vec<CitizenView>>, Problem> {
    let found = state
        .app
        .search_citizens(Acting::Principal(&p), &query.q, 100)
        .await?;
    Ok(Json(found.iter().map(CitizenView::from).collect()))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AsOfQuery {
    /// The date statuses are derived for (YYYY-MM-DD); today in Asia/Almaty when absent.
    pub as_of: Option<NaiveDate>,
}

/// A citizen's card: the register entry, the registration and training statuses the rules derive
/// on `as_of` (with explanations and citations) and the summons history.
#[utoipa::path(get, path = "/api/v1/conscription/citizens/{id}", tag = "conscription",
    params(("id" = i64, Path, description = "Citizen id"), AsOfQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = CitizenCardView), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_citizen(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    tr: Tr,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<AsOfQuery>,
) -> Result<Json<CitizenCardView>, Problem> {
    let as_of = query.as_of.unwrap_or_else(|| state.app.clock().today());
    let acting = Acting::Principal(&p);
    let card = state.app.citizen_card(acting, id, as_of).await?;
    let summonses = state.app.citizen_summonses(acting, id, as_of).await?;
    Ok(Json(CitizenCardView::new(&card, &summonses, &tr)))
}

/// Campaigns in the caller's scope, newest first.
#[utoipa::path(get, path = "/api/v1/conscription/campaigns", tag = "conscription",
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = Vec<CampaignView>), (status = 403, body = Problem)))]
pub async fn list_campaigns(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
) -> Result<Json<Vec<CampaignView>>, Problem> {
    let campaigns = state.app.campaigns(Acting::Principal(&p)).await?;
    Ok(Json(campaigns.iter().map(CampaignView::from).collect()))
}

/// Creates a campaign in draft.
#[utoipa::path(post, path = "/api/v1/conscription/campaigns", tag = "conscription",
    request_body = NewCampaign, security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = CampaignView), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create_campaign(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiJson(body): ApiJson<NewCampaign>,
) -> Result<(StatusCode, Json<CampaignView>), Problem> {
    let campaign = state
        .app
        .create_campaign(Acting::Principal(&p), body)
        .await?;
    Ok((StatusCode::CREATED, Json(CampaignView::from(&campaign))))
}

/// A campaign with its funnel and every summons' derived status on `as_of`.
#[utoipa::path(get, path = "/api/v1/conscription/campaigns/{id}", tag = "conscription",
    params(("id" = i64, Path, description = "Campaign id"), AsOfQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = CampaignDetailView), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_campaign(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    tr: Tr,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<AsOfQuery>,
) -> Result<Json<CampaignDetailView>, Problem> {
    let as_of = query.as_of.unwrap_or_else(|| state.app.clock().today());
    let (view, summonses) = state.app.campaign(Acting::Principal(&p), id, as_of).await?;
    Ok(Json(CampaignDetailView::new(view, as_of, &summonses, &tr)))
}

/// Selects citizens and plans one summons each: channel by `conscription.summons_channel`,
/// appearance that passes `conscription.summons_timing_valid`.
#[utoipa::path(post, path = "/api/v1/conscription/campaigns/{id}/plan", tag = "conscription",
    params(("id" = i64, Path, description = "Campaign id")), request_body = Selection,
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = PlanSummary), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn plan_campaign(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<Selection>,
) -> Result<Json<PlanSummary>, Problem> {
    Ok(Json(
        state
            .app
            .plan_campaign(Acting::Principal(&p), id, body)
            .await?,
    ))
}

/// Releases a planned campaign: its electronic summonses go out through the gateways.
#[utoipa::path(post, path = "/api/v1/conscription/campaigns/{id}/send", tag = "conscription",
    params(("id" = i64, Path, description = "Campaign id")),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = CampaignView), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn send_campaign(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<CampaignView>, Problem> {
    let campaign = state
        .app
        .release_campaign(Acting::Principal(&p), id)
        .await?;
    Ok(Json(CampaignView::from(&campaign)))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ReferralQuery {
    pub as_of: Option<NaiveDate>,
    /// json (default), csv or pdf.
    pub format: Option<String>,
}

/// The referral list for the internal affairs body: duly notified citizens who did not appear
/// without a valid reason (`conscription.non_appearance_action`).
#[utoipa::path(get, path = "/api/v1/conscription/campaigns/{id}/referrals", tag = "conscription",
    params(("id" = i64, Path, description = "Campaign id"), ReferralQuery),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, description = "The list as JSON (the default), CSV or PDF, as `format` asks", content(
            (Vec<SummonsStatusView> = "application/json"),
            (String = "text/csv"),
            (Vec<u8> = "application/pdf"))),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn referrals(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    tr: Tr,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<ReferralQuery>,
) -> Result<Response, Problem> {
    let as_of = query.as_of.unwrap_or_else(|| state.app.clock().today());
    let list = state
        .app
        .referrals(Acting::Principal(&p), id, as_of)
        .await?;
    match query.format.as_deref() {
        Some("pdf") => Ok((
            [(header::CONTENT_TYPE, "application/pdf")],
            state
                .app
                .referrals_pdf(Acting::Principal(&p), &tr.lang(), id, as_of)
                .await?,
        )
            .into_response()),
        Some("csv") => Ok((
            [(header::CONTENT_TYPE, "text/csv; charset=utf-8")],
            qorgau_app::conscription::referrals_csv(&list),
        )
            .into_response()),
        None | Some("json") => Ok(Json(SummonsStatusView::list(&list, &tr)).into_response()),
        Some(other) => Err(qorgau_app::AppError::invalid(
            "format",
            qorgau_i18n::Message::new("invalid-format").arg("value", other),
        )
        .into()),
    }
}

/// Records what an officer observed: a paper summons signed or refused, the citizen's
/// appearance, or the reason they gave for not appearing.
#[utoipa::path(post, path = "/api/v1/conscription/summonses/{id}/facts", tag = "conscription",
    params(("id" = i64, Path, description = "Summons id")), request_body = OfficerFact,
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, body = SummonsRecordView), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn record_fact(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<OfficerFact>,
) -> Result<Json<SummonsRecordView>, Problem> {
    let summons = state
        .app
        .record_summons_fact(Acting::Principal(&p), id, body)
        .await?;
    Ok(Json(SummonsRecordView::from(&summons)))
}

/// The webhook of the SMS gateway and the e-Gov portal: delivery reports and read receipts,
/// signed with HMAC-SHA256 over the body in `X-Qorgau-Signature: sha256=<hex>`, idempotent by
/// event id.
#[utoipa::path(post, path = "/api/v1/channels/events", tag = "conscription",
    request_body = EventBatch,
    responses((status = 200, body = IngestReport), (status = 401, body = Problem), (status = 422, body = Problem)))]
pub async fn channel_events(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<IngestReport>, Problem> {
    let signature = headers
        .get("x-qorgau-signature")
        .and_then(|v| v.to_str().ok());
    Ok(Json(
        state
            .app
            .ingest_channel_events(state.config.webhook_secret.as_bytes(), signature, &body)
            .await?,
    ))
}

/// The campaign's paper summonses as a printable PDF, one page each, with the address, a
/// signature line and room for the deliverer's note of a refusal.
#[utoipa::path(get, path = "/api/v1/conscription/campaigns/{id}/paper-summonses", tag = "conscription",
    params(("id" = i64, Path, description = "Campaign id")),
    security(("bearer" = []), ("session" = [])),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn paper_summonses(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    tr: Tr,
    ApiPath(id): ApiPath<i64>,
) -> Result<Response, Problem> {
    let pdf = state
        .app
        .paper_summonses_pdf(Acting::Principal(&p), &tr.lang(), id)
        .await?;
    Ok(([(header::CONTENT_TYPE, "application/pdf")], pdf).into_response())
}

/// A paper summons handed to a citizen at the local military authority, with appearance later
/// the same day or the next (`conscription.summons_timing_valid`); recorded as received.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HandOver {
    pub citizen_id: i64,
    #[schema(value_type = String)]
    pub appearance_at: chrono::DateTime<chrono::FixedOffset>,
}

/// Hands a paper summons over at the authority.
#[utoipa::path(post, path = "/api/v1/conscription/campaigns/{id}/hand-over", tag = "conscription",
    params(("id" = i64, Path, description = "Campaign id")), request_body = HandOver,
    security(("bearer" = []), ("session" = [])),
    responses((status = 201, body = SummonsRecordView), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn hand_over(
    State(state): State<AppState>,
    ApiCaller(p): ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<HandOver>,
) -> Result<(StatusCode, Json<SummonsRecordView>), Problem> {
    let summons = state
        .app
        .hand_at_authority(
            Acting::Principal(&p),
            id,
            body.citizen_id,
            body.appearance_at,
        )
        .await?;
    Ok((StatusCode::CREATED, Json(SummonsRecordView::from(&summons))))
}
