//! Summons campaigns: creating one, its page with the funnel, planning, sending, and the
//! officers' records of what happened.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDate, NaiveDateTime};
use qorgau_app::conscription::{CampaignView, NewCampaign, OfficerFact, Selection};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_i18n::Message;
use qorgau_rules::conscription::{CampaignStatus, Purpose, Sex};
use serde::Deserialize;

use super::register::register_page;
use super::{AsOfQuery, SummonsRow, as_of, fail, layout, local, number, row};
use crate::AppState;
use crate::i18n::Tr;
use crate::pages::layout::{Layout, describe, render};
use crate::pages::session::{PageForm, PageSession};

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
        let purpose = form.purpose.trim().parse::<Purpose>().map_err(|_| {
            let allowed: Vec<&str> = Purpose::ALL.iter().map(|p| p.as_str()).collect();
            AppError::invalid(
                "purpose",
                Message::new("invalid-campaign-purpose").arg("allowed", allowed.join(", ")),
            )
        })?;
        state
            .app
            .create_campaign(
                Acting::Principal(&session.principal),
                NewCampaign {
                    unit_id: number("unit_id", &form.unit_id)?,
                    title: form.title.clone(),
                    purpose,
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
    /// The campaign may be planned (again): it is a draft or planned.
    can_plan: bool,
    /// The campaign may be released: it is planned.
    can_send: bool,
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
                    purpose: tr.t(c.purpose.message_id()),
                    appearance: local(c.appearance_at),
                    status: tr.t(c.status.message_id()),
                    can_plan: matches!(c.status, CampaignStatus::Draft | CampaignStatus::Planned),
                    can_send: c.status == CampaignStatus::Planned,
                    refresh: c.status == CampaignStatus::Sending,
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

/// The sex the plan form asks for: none when it is left at everyone.
fn plan_sex(text: &str) -> Result<Option<Sex>, AppError> {
    match text.trim() {
        "" => Ok(None),
        word => word.parse::<Sex>().map(Some).map_err(|_| {
            AppError::invalid("sex", Message::new("invalid-csv-sex").arg("value", word))
        }),
    }
}

pub async fn plan(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<PlanForm>,
) -> Response {
    let result = match plan_sex(&form.sex) {
        Ok(sex) => {
            let selection = Selection {
                sex,
                registration_required: form.registration_required.map(|_| true),
                ..Selection::default()
            };
            state
                .app
                .plan_campaign(Acting::Principal(&session.principal), id, selection)
                .await
                .map(|_| ())
        }
        Err(error) => Err(error),
    };
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
