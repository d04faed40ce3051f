//! Conscription pages: the register (search, import), a citizen's card, campaigns with their
//! funnel, officers' records, and the referral list.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDate, NaiveDateTime};
use qorgau_app::conscription::{
    CampaignView, ImportSummary, NewCampaign, OfficerFact, PURPOSES, Selection, SummonsView,
};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_i18n::Message;
use qorgau_rules::DecisionView;
use qorgau_store::conscription::{Campaign, Citizen};
use serde::Deserialize;

use super::layout::{Layout, PageError, describe, render};
use crate::AppState;
use crate::auth::{PageForm, PageSession};
use crate::i18n::Tr;

fn number(field: &'static str, text: &str) -> Result<i64, AppError> {
    text.trim()
        .parse()
        .map_err(|_| AppError::invalid(field, Message::new("invalid-number").arg("value", text)))
}

fn layout(tr: &Tr, session: &PageSession) -> Layout {
    Layout::signed_in(tr, session, "conscription", "citizens-title")
}

fn fail(error: AppError, tr: &Tr, session: &PageSession) -> Response {
    PageError::new(error, tr, Some(layout(tr, session))).into_response()
}

#[derive(Template)]
#[template(path = "conscription.html")]
struct RegisterPage {
    layout: Layout,
    q: String,
    searched: bool,
    citizens: Vec<Citizen>,
    campaigns: Vec<Campaign>,
    can_write: bool,
    units: Vec<(i64, String)>,
    purposes: Vec<(&'static str, String)>,
    error: String,
    imported: Option<ImportSummary>,
}

#[derive(Deserialize)]
pub struct SearchQuery {
    q: Option<String>,
}

async fn register_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    q: String,
    status: StatusCode,
    error: String,
    imported: Option<ImportSummary>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let result = async {
        let citizens = if q.trim().is_empty() {
            Vec::new()
        } else {
            state.app.search_citizens(acting, &q, 100).await?
        };
        let campaigns = state.app.campaigns(acting).await?;
        let units = state.app.list_units(acting).await?;
        Ok::<_, AppError>((citizens, campaigns, units))
    }
    .await;
    match result {
        Ok((citizens, campaigns, units)) => render(
            status,
            &RegisterPage {
                layout: layout(tr, session),
                searched: !q.trim().is_empty(),
                q,
                citizens,
                campaigns,
                can_write: session.principal.can(Permission::WriteConscription),
                units: units.into_iter().map(|u| (u.id, u.name)).collect(),
                purposes: PURPOSES
                    .iter()
                    .map(|p| (*p, tr.t(&format!("purpose-{}", p.replace('_', "-")))))
                    .collect(),
                error,
                imported,
            },
        ),
        Err(e) => fail(e, tr, session),
    }
}

pub async fn register(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Query(query): Query<SearchQuery>,
) -> Response {
    let q = query.q.unwrap_or_default();
    register_page(
        &state,
        &tr,
        &session,
        q,
        StatusCode::OK,
        String::new(),
        None,
    )
    .await
}

#[derive(Deserialize)]
pub struct ImportForm {
    // Numbers arrive as text: the form envelope flattens fields, which loses their types.
    unit_id: String,
    csv: String,
}

pub async fn import(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<ImportForm>,
) -> Response {
    let result = match number("unit_id", &form.unit_id) {
        Ok(unit_id) => {
            state
                .app
                .import_citizens(Acting::Principal(&session.principal), unit_id, &form.csv)
                .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(mut summary) => {
            for row in &mut summary.rejected {
                row.message = tr.message(&row.reason);
            }
            register_page(
                &state,
                &tr,
                &session,
                String::new(),
                StatusCode::OK,
                String::new(),
                Some(summary),
            )
            .await
        }
        Err(error @ AppError::Forbidden { .. }) => fail(error, &tr, &session),
        Err(error) => {
            let message = describe(&error, &tr);
            register_page(
                &state,
                &tr,
                &session,
                String::new(),
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
                None,
            )
            .await
        }
    }
}

#[derive(Template)]
#[template(path = "citizen.html")]
struct CitizenPage {
    layout: Layout,
    citizen: Citizen,
    as_of: String,
    statuses: Vec<(String, DecisionView)>,
    summonses: Vec<SummonsRow>,
}

/// A summons as a table row shows it.
struct SummonsRow {
    view: SummonsView,
    channel: String,
    appearance: String,
    notified: String,
    explanation: String,
    action: String,
}

fn local(stored: &str) -> String {
    let (date, time) = qorgau_app::conscription::documents::in_almaty(stored);
    format!("{date} {time}").trim().to_owned()
}

fn row(tr: &Tr, view: SummonsView) -> SummonsRow {
    SummonsRow {
        channel: tr.t(&format!(
            "channel-{}",
            view.summons.channel.replace('_', "-")
        )),
        appearance: local(&view.summons.appearance_at),
        notified: tr.t(&format!(
            "summons-notified-{}",
            view.notified.as_str().replace('_', "-")
        )),
        explanation: tr.t(view.notified_message),
        action: tr.t(&format!(
            "summons-action-{}",
            view.action.as_str().replace('_', "-")
        )),
        view,
    }
}

#[derive(Deserialize)]
pub struct AsOfQuery {
    as_of: Option<String>,
}

fn as_of(state: &AppState, query: &AsOfQuery) -> Result<NaiveDate, AppError> {
    Ok(super::layout::parse_as_of(query.as_of.as_deref())?
        .unwrap_or_else(|| state.app.clock().today()))
}

pub async fn citizen(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
    Query(query): Query<AsOfQuery>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let result = async {
        let date = as_of(&state, &query)?;
        let card = state.app.citizen_card(acting, id, date).await?;
        let summonses = state.app.citizen_summonses(acting, id, date).await?;
        Ok::<_, AppError>((date, card, summonses))
    }
    .await;
    match result {
        Ok((date, card, summonses)) => {
            let lang = tr.lang();
            render(
                StatusCode::OK,
                &CitizenPage {
                    layout: layout(&tr, &session),
                    as_of: date.to_string(),
                    statuses: vec![
                        (tr.t("citizen-registration"), card.registration.view(&lang)),
                        (tr.t("citizen-training"), card.training.view(&lang)),
                    ],
                    citizen: card.citizen,
                    summonses: summonses.into_iter().map(|s| row(&tr, s)).collect(),
                },
            )
        }
        Err(e) => fail(e, &tr, &session),
    }
}

#[derive(Deserialize)]
pub struct CampaignForm {
    unit_id: String,
    title: String,
    purpose: String,
    place: String,
    date: String,
    time: String,
}

pub async fn create_campaign(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<CampaignForm>,
) -> Response {
    let result = async {
        let local = NaiveDateTime::parse_from_str(
            &format!("{} {}", form.date.trim(), form.time.trim()),
            "%Y-%m-%d %H:%M",
        )
        .map_err(|_| {
            AppError::invalid(
                "appearance_at",
                Message::new("invalid-date").arg("value", form.date.as_str()),
            )
        })?;
        let appearance_at = local
            .and_local_timezone(qorgau_rules::almaty())
            .single()
            .ok_or_else(|| AppError::invalid("appearance_at", Message::new("invalid-required")))?;
        state
            .app
            .create_campaign(
                Acting::Principal(&session.principal),
                NewCampaign {
                    unit_id: number("unit_id", &form.unit_id)?,
                    title: form.title.clone(),
                    purpose: form.purpose.clone(),
                    appearance_place: form.place.clone(),
                    appearance_at,
                },
            )
            .await
    }
    .await;
    match result {
        Ok(campaign) => {
            Redirect::to(&format!("/conscription/campaigns/{}", campaign.id)).into_response()
        }
        Err(error @ AppError::Forbidden { .. }) => fail(error, &tr, &session),
        Err(error) => {
            let message = describe(&error, &tr);
            register_page(
                &state,
                &tr,
                &session,
                String::new(),
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
                None,
            )
            .await
        }
    }
}

#[derive(Template)]
#[template(path = "campaign.html")]
struct CampaignPage {
    layout: Layout,
    view: CampaignView,
    purpose: String,
    appearance: String,
    status: String,
    as_of: String,
    /// (id, label, count) in funnel order.
    funnel: Vec<(&'static str, String, u64)>,
    summonses: Vec<SummonsRow>,
    can_write: bool,
    refresh: bool,
    error: String,
}

async fn campaign_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: i64,
    date: Option<NaiveDate>,
    status: StatusCode,
    error: String,
) -> Response {
    let date = date.unwrap_or_else(|| state.app.clock().today());
    match state
        .app
        .campaign(Acting::Principal(&session.principal), id, date)
        .await
    {
        Ok((view, summonses)) => {
            let f = &view.funnel;
            let funnel = vec![
                ("planned", tr.t("funnel-planned"), f.planned),
                ("sent", tr.t("funnel-sent"), f.sent),
                ("delivered", tr.t("funnel-delivered"), f.delivered),
                ("read", tr.t("funnel-read"), f.read),
                ("notified", tr.t("funnel-notified"), f.notified),
                ("appeared", tr.t("funnel-appeared"), f.appeared),
                ("excused", tr.t("funnel-excused"), f.excused),
                ("referred", tr.t("funnel-referred"), f.referred),
            ];
            let c = &view.campaign;
            render(
                status,
                &CampaignPage {
                    purpose: tr.t(&format!("purpose-{}", c.purpose.replace('_', "-"))),
                    appearance: local(&c.appearance_at),
                    status: tr.t(&format!("campaign-status-{}", c.status)),
                    refresh: c.status == "sending",
                    layout: layout(tr, session),
                    as_of: date.to_string(),
                    funnel,
                    summonses: summonses.into_iter().map(|s| row(tr, s)).collect(),
                    can_write: session.principal.can(Permission::WriteConscription),
                    error,
                    view,
                },
            )
        }
        Err(e) => fail(e, tr, session),
    }
}

pub async fn campaign(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
    Query(query): Query<AsOfQuery>,
) -> Response {
    match as_of(&state, &query) {
        Ok(date) => {
            campaign_page(
                &state,
                &tr,
                &session,
                id,
                Some(date),
                StatusCode::OK,
                String::new(),
            )
            .await
        }
        Err(e) => fail(e, &tr, &session),
    }
}

#[derive(Deserialize)]
pub struct PlanForm {
    #[serde(default)]
    sex: String,
    #[serde(default)]
    registration_required: Option<String>,
}

/// Runs a campaign action and shows the campaign again, with the error if there was one.
async fn after_action(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: i64,
    result: Result<(), AppError>,
) -> Response {
    match result {
        Ok(()) => Redirect::to(&format!("/conscription/campaigns/{id}")).into_response(),
        Err(error @ AppError::Forbidden { .. }) => fail(error, tr, session),
        Err(error) => {
            let message = describe(&error, tr);
            campaign_page(
                state,
                tr,
                session,
                id,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
            )
            .await
        }
    }
}

pub async fn plan(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<PlanForm>,
) -> Response {
    let selection = Selection {
        sex: Some(form.sex.trim().to_owned()).filter(|s| !s.is_empty()),
        registration_required: form.registration_required.map(|_| true),
        ..Selection::default()
    };
    let result = state
        .app
        .plan_campaign(Acting::Principal(&session.principal), id, selection)
        .await
        .map(|_| ());
    after_action(&state, &tr, &session, id, result).await
}

#[derive(Deserialize)]
pub struct EmptyForm {}

pub async fn send(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm {
        session,
        form: EmptyForm {},
    }: PageForm<EmptyForm>,
) -> Response {
    let result = state
        .app
        .release_campaign(Acting::Principal(&session.principal), id)
        .await
        .map(|_| ());
    after_action(&state, &tr, &session, id, result).await
}

#[derive(Deserialize)]
pub struct RecordForm {
    campaign_id: String,
    fact: String,
    #[serde(default)]
    reason: String,
}

pub async fn record(
    State(state): State<AppState>,
    tr: Tr,
    Path(summons_id): Path<i64>,
    PageForm { session, form }: PageForm<RecordForm>,
) -> Response {
    let now = state
        .app
        .clock()
        .now()
        .with_timezone(&qorgau_rules::almaty())
        .fixed_offset();
    let fact = match form.fact.as_str() {
        "signed" => Ok(OfficerFact::Signed { at: now }),
        "refusal_noted" => Ok(OfficerFact::RefusalNoted { at: now }),
        "appeared" => Ok(OfficerFact::Appeared { at: now }),
        "excuse" => Ok(OfficerFact::Excuse {
            reason: form.reason.clone(),
        }),
        other => Err(AppError::invalid(
            "fact",
            Message::new("invalid-fact-kind").arg("value", other),
        )),
    };
    let result = match fact {
        Ok(fact) => state
            .app
            .record_summons_fact(Acting::Principal(&session.principal), summons_id, fact)
            .await
            .map(|_| ()),
        Err(e) => Err(e),
    };
    match number("campaign_id", &form.campaign_id) {
        Ok(campaign_id) => after_action(&state, &tr, &session, campaign_id, result).await,
        Err(e) => fail(e, &tr, &session),
    }
}

#[derive(Template)]
#[template(path = "referrals.html")]
struct ReferralsPage {
    layout: Layout,
    campaign: Campaign,
    as_of: String,
    rows: Vec<SummonsRow>,
}

pub async fn referrals(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
    Query(query): Query<AsOfQuery>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let result = async {
        let date = as_of(&state, &query)?;
        let (view, _) = state.app.campaign(acting, id, date).await?;
        let list = state.app.referrals(acting, id, date).await?;
        Ok::<_, AppError>((date, view.campaign, list))
    }
    .await;
    match result {
        Ok((date, campaign, list)) => render(
            StatusCode::OK,
            &ReferralsPage {
                layout: layout(&tr, &session),
                campaign,
                as_of: date.to_string(),
                rows: list.into_iter().map(|s| row(&tr, s)).collect(),
            },
        ),
        Err(e) => fail(e, &tr, &session),
    }
}

fn pdf_response(bytes: Vec<u8>, name: &str) -> Response {
    (
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/pdf".to_owned(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

pub async fn paper_pdf(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
) -> Response {
    match state
        .app
        .paper_summonses_pdf(Acting::Principal(&session.principal), id)
        .await
    {
        Ok(bytes) => pdf_response(bytes, &format!("summonses-{id}.pdf")),
        Err(e) => fail(e, &tr, &session),
    }
}

pub async fn referrals_pdf(
    State(state): State<AppState>,
    tr: Tr,
    session: PageSession,
    Path(id): Path<i64>,
    Query(query): Query<AsOfQuery>,
) -> Response {
    let result = match as_of(&state, &query) {
        Ok(date) => {
            state
                .app
                .referrals_pdf(Acting::Principal(&session.principal), id, date)
                .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(bytes) => pdf_response(bytes, &format!("referrals-{id}.pdf")),
        Err(e) => fail(e, &tr, &session),
    }
}
