//! Summons campaigns: creating one, its page with the funnel, planning, sending, and the
//! officers' records of what happened.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use qorgau_app::conscription::{CampaignView, NewCampaign, OfficerFact, Selection};
use qorgau_app::{Acting, AppError, Permission};
use qorgau_i18n::Message;
use qorgau_rules::conscription::{AbsenceReason, CampaignStatus, ExcuseFinding, Purpose, Sex};
use qorgau_store::conscription::Summons;
use serde::Deserialize;

use super::register::{RegisterForms, register_page};
use super::{AsOfQuery, SummonsRow, as_of, fail, layout, local, number, row};
use crate::AppState;
use crate::i18n::Tr;
use crate::pages::form::{Filled, choices, submit, word};
use crate::pages::layout::{Layout, render};
use crate::pages::session::{PageForm, PageSession};

/// The new-campaign form as posted: text as typed, so a refused form shows it again unchanged.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CampaignForm {
    pub(super) unit_id: String,
    pub(super) title: String,
    pub(super) purpose: String,
    pub(super) place: String,
    pub(super) date: String,
    pub(super) time: String,
}

impl CampaignForm {
    /// A new form: appearance at nine in the morning.
    pub(super) fn blank() -> Self {
        Self {
            time: "09:00".to_owned(),
            ..Self::default()
        }
    }
}

impl TryFrom<&CampaignForm> for NewCampaign {
    type Error = AppError;

    /// The appearance is the date and time of day in Almaty.
    fn try_from(form: &CampaignForm) -> Result<Self, AppError> {
        let unit_id = number("unit_id", &form.unit_id)?;
        let purpose = form.purpose.trim().parse::<Purpose>().map_err(|_| {
            let allowed: Vec<&str> = Purpose::ALL.iter().map(|p| p.as_str()).collect();
            AppError::invalid(
                "purpose",
                Message::new("invalid-campaign-purpose").arg("allowed", allowed.join(", ")),
            )
        })?;
        let date: NaiveDate = form.date.trim().parse().map_err(|_| {
            AppError::invalid(
                "date",
                Message::new("invalid-date").arg("value", form.date.as_str()),
            )
        })?;
        // A time input sends "HH:MM"; anything else is a time not given.
        let time = NaiveTime::parse_from_str(form.time.trim(), "%H:%M")
            .map_err(|_| AppError::invalid("time", Message::new("invalid-required")))?;
        let appearance_at = date
            .and_time(time)
            .and_local_timezone(qorgau_rules::almaty())
            .single()
            .ok_or_else(|| AppError::invalid("time", Message::new("invalid-required")))?;
        Ok(NewCampaign {
            unit_id,
            title: form.title.clone(),
            purpose,
            appearance_place: form.place.clone(),
            appearance_at,
        })
    }
}

pub async fn create_campaign(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<CampaignForm>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        "conscription",
        form,
        |input: NewCampaign| state.app.create_campaign(acting, input),
        |campaign| format!("/conscription/campaigns/{}", campaign.id),
        |campaign| {
            let forms = RegisterForms {
                campaign,
                ..RegisterForms::new()
            };
            register_page(&state, &tr, &session, String::new(), forms, None)
        },
    )
    .await
}

/// The forms of a campaign's page: the refused one carries its error, the others are new.
struct CampaignForms {
    plan: Filled<PlanForm>,
    send: Filled<EmptyForm>,
    record: Filled<RecordForm>,
    /// The summons whose record form was posted (0: none), to show it again in its row.
    record_row: i64,
}

impl CampaignForms {
    /// No form posted yet: planning starts with those subject to registration.
    fn new() -> Self {
        Self {
            plan: Filled::new(PlanForm {
                sex: String::new(),
                registration_required: "yes".to_owned(),
            }),
            send: Filled::new(EmptyForm {}),
            record: Filled::new(RecordForm::default()),
            record_row: 0,
        }
    }

    /// The status of the page: the refused form's, or 200.
    fn status(&self) -> StatusCode {
        self.plan
            .status
            .or(self.send.status)
            .or(self.record.status)
            .unwrap_or(StatusCode::OK)
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
    funnel: Vec<(&'static str, String, String)>,
    summonses: Vec<SummonsRow>,
    can_write: bool,
    /// The campaign may be planned (again): it is a draft or planned.
    can_plan: bool,
    /// The campaign may be released: it is planned.
    can_send: bool,
    refresh: bool,
    plan: Filled<PlanForm>,
    send: Filled<EmptyForm>,
    record: Filled<RecordForm>,
    record_row: i64,
    /// The reasons of 003 para 9 and "other", for the record form.
    reasons: Vec<(&'static str, String)>,
    /// An officer's findings on another reason.
    findings: Vec<(&'static str, String)>,
}

async fn campaign_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    id: i64,
    date: Option<NaiveDate>,
    forms: CampaignForms,
) -> Response {
    let date = date.unwrap_or_else(|| state.app.clock().today());
    match state
        .app
        .campaign(Acting::Principal(&session.principal), id, date)
        .await
    {
        Ok((view, summonses)) => {
            let f = &view.funnel;
            let funnel: Vec<(&'static str, String, String)> = [
                ("planned", tr.t("funnel-planned"), f.planned),
                ("sent", tr.t("funnel-sent"), f.sent),
                ("delivered", tr.t("funnel-delivered"), f.delivered),
                ("read", tr.t("funnel-read"), f.read),
                ("notified", tr.t("funnel-notified"), f.notified),
                ("appeared", tr.t("funnel-appeared"), f.appeared),
                ("excused", tr.t("funnel-excused"), f.excused),
                (
                    "awaiting-excuse-decision",
                    tr.t("funnel-awaiting-excuse-decision"),
                    f.awaiting_excuse_decision,
                ),
                ("referred", tr.t("funnel-referred"), f.referred),
            ]
            .into_iter()
            .map(|(key, label, count)| (key, label, tr.number(count as i64)))
            .collect();
            let c = &view.campaign;
            let status = forms.status();
            render(
                status,
                &CampaignPage {
                    purpose: tr.t(c.purpose.message_id()),
                    appearance: local(c.appearance_at),
                    status: tr.t(c.status.message_id()),
                    can_plan: matches!(c.status, CampaignStatus::Draft | CampaignStatus::Planned),
                    can_send: c.status == CampaignStatus::Planned,
                    refresh: c.status == CampaignStatus::Sending
                        && summonses.iter().any(|r| in_flight(&r.summons)),
                    layout: layout(tr, session),
                    as_of: date.to_string(),
                    funnel,
                    summonses: summonses.into_iter().map(|s| row(tr, s)).collect(),
                    can_write: session.principal.can(Permission::WriteConscription),
                    plan: forms.plan,
                    send: forms.send,
                    record: forms.record,
                    record_row: forms.record_row,
                    reasons: choices::<AbsenceReason>(tr),
                    findings: choices::<ExcuseFinding>(tr),
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
            campaign_page(&state, &tr, &session, id, Some(date), CampaignForms::new()).await
        }
        Err(e) => fail(e, &tr, &session),
    }
}

/// The plan form as posted; an unchecked box is absent, so empty.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PlanForm {
    #[serde(default)]
    sex: String,
    #[serde(default)]
    registration_required: String,
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

impl TryFrom<&PlanForm> for Selection {
    type Error = AppError;

    fn try_from(form: &PlanForm) -> Result<Self, AppError> {
        Ok(Selection {
            sex: plan_sex(&form.sex)?,
            registration_required: (!form.registration_required.is_empty()).then_some(true),
            ..Selection::default()
        })
    }
}

pub async fn plan(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<PlanForm>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        "conscription",
        form,
        |selection: Selection| state.app.plan_campaign(acting, id, selection),
        |_| format!("/conscription/campaigns/{id}"),
        |plan| {
            let forms = CampaignForms {
                plan,
                ..CampaignForms::new()
            };
            campaign_page(&state, &tr, &session, id, None, forms)
        },
    )
    .await
}

/// A form with nothing to fill in: its button is the whole of it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct EmptyForm {}

impl TryFrom<&EmptyForm> for () {
    type Error = AppError;

    fn try_from(_: &EmptyForm) -> Result<Self, AppError> {
        Ok(())
    }
}

pub async fn send(
    State(state): State<AppState>,
    tr: Tr,
    Path(id): Path<i64>,
    PageForm { session, form }: PageForm<EmptyForm>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    submit(
        &tr,
        &session,
        "conscription",
        form,
        |(): ()| state.app.release_campaign(acting, id),
        |_| format!("/conscription/campaigns/{id}"),
        |send| {
            let forms = CampaignForms {
                send,
                ..CampaignForms::new()
            };
            campaign_page(&state, &tr, &session, id, None, forms)
        },
    )
    .await
}

/// A summons' record form as posted; `campaign_id` is hidden, the page to show again.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RecordForm {
    campaign_id: String,
    fact: String,
    /// The reported reason, a word of [`AbsenceReason`].
    #[serde(default)]
    reason: String,
    /// The citizen's words, for another reason.
    #[serde(default)]
    text: String,
    /// Who delivered a paper summons.
    #[serde(default)]
    delivered_by: String,
    /// An officer's finding on another reason, a word of [`ExcuseFinding`].
    #[serde(default)]
    finding: String,
}

/// What an officer records, as the form names it; its instant is the moment of recording.
enum Recorded {
    Signed(String),
    RefusalNoted(String),
    Appeared,
    Excuse(AbsenceReason, Option<String>),
    Finding(ExcuseFinding),
}

impl Recorded {
    fn at(self, now: DateTime<FixedOffset>) -> OfficerFact {
        match self {
            Recorded::Signed(delivered_by) => OfficerFact::Signed {
                at: now,
                delivered_by,
            },
            Recorded::RefusalNoted(delivered_by) => OfficerFact::RefusalNoted {
                at: now,
                delivered_by,
            },
            Recorded::Appeared => OfficerFact::Appeared { at: now },
            Recorded::Excuse(reason, text) => OfficerFact::Excuse { reason, text },
            Recorded::Finding(finding) => OfficerFact::ExcuseDecision { finding },
        }
    }
}

impl TryFrom<&RecordForm> for Recorded {
    type Error = AppError;

    fn try_from(form: &RecordForm) -> Result<Self, AppError> {
        let text = Some(form.text.trim().to_owned()).filter(|t| !t.is_empty());
        match form.fact.trim() {
            "signed" => Ok(Recorded::Signed(form.delivered_by.clone())),
            "refusal_noted" => Ok(Recorded::RefusalNoted(form.delivered_by.clone())),
            "appeared" => Ok(Recorded::Appeared),
            "excuse" => Ok(Recorded::Excuse(word("reason", &form.reason)?, text)),
            "excuse_decision" => Ok(Recorded::Finding(word("finding", &form.finding)?)),
            other => Err(AppError::invalid(
                "fact",
                Message::new("invalid-fact-kind").arg("value", other),
            )),
        }
    }
}

pub async fn record(
    State(state): State<AppState>,
    tr: Tr,
    Path(summons_id): Path<i64>,
    PageForm { session, form }: PageForm<RecordForm>,
) -> Response {
    // The page to come back to is a hidden field: a wrong one is a broken form, not a refusal.
    let campaign_id = match number("campaign_id", &form.campaign_id) {
        Ok(id) => id,
        Err(e) => return fail(e, &tr, &session),
    };
    let acting = Acting::Principal(&session.principal);
    let now = state
        .app
        .clock()
        .now()
        .with_timezone(&qorgau_rules::almaty())
        .fixed_offset();
    submit(
        &tr,
        &session,
        "conscription",
        form,
        |fact: Recorded| {
            state
                .app
                .record_summons_fact(acting, summons_id, fact.at(now))
        },
        |_| format!("/conscription/campaigns/{campaign_id}"),
        |record| {
            let forms = CampaignForms {
                record,
                record_row: summons_id,
                ..CampaignForms::new()
            };
            campaign_page(&state, &tr, &session, campaign_id, None, forms)
        },
    )
    .await
}

/// Whether a summons still waits on the channel: an electronic one not yet accepted by the
/// gateway, or accepted without its delivery report. Paper summonses wait on people, not on
/// the channel; a failed one, or one kept back as too late, waits on the officer.
fn in_flight(summons: &Summons) -> bool {
    summons.channel.is_electronic()
        && summons.failed_at.is_none()
        && !summons.kept_back()
        && (summons.sent_at.is_none() || summons.delivery_report_at.is_none())
}
