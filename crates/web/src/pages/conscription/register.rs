//! The citizen register: search, the CSV import, and a citizen's card with statuses and
//! summonses.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use qorgau_app::conscription::ImportSummary;
use qorgau_app::{Acting, AppError, Permission};
use qorgau_rules::conscription::{Purpose, TrainingEligible};
use qorgau_rules::{DecisionView, TypedRule};
use qorgau_store::conscription::{Campaign, Citizen};
use serde::Deserialize;

use super::campaigns::CampaignForm;
use super::{AsOfQuery, SummonsRow, as_of, fail, layout, number, row};
use crate::AppState;
use crate::i18n::Tr;
use crate::pages::form::{Filled, refuse};
use crate::pages::layout::{Layout, render};
use crate::pages::session::{PageForm, PageSession};

#[derive(Template)]
#[template(path = "conscription.html")]
struct RegisterPage {
    layout: Layout,
    q: String,
    searched: bool,
    citizens: Vec<Citizen>,
    campaigns: Vec<CampaignRow>,
    can_write: bool,
    units: Vec<(i64, String)>,
    /// (word, label) of every purpose a campaign may have.
    purposes: Vec<(&'static str, String)>,
    campaign_form: Filled<CampaignForm>,
    import_form: Filled<ImportForm>,
    imported: Option<ImportSummary>,
}

/// The forms of the register page: the refused one carries its error, the others are new.
pub(super) struct RegisterForms {
    pub(super) campaign: Filled<CampaignForm>,
    pub(super) import: Filled<ImportForm>,
}

impl RegisterForms {
    /// No form posted yet.
    pub(super) fn new() -> Self {
        Self {
            campaign: Filled::new(CampaignForm::blank()),
            import: Filled::new(ImportForm::default()),
        }
    }

    /// The status of the page: the refused form's, or 200.
    fn status(&self) -> StatusCode {
        self.campaign
            .status
            .or(self.import.status)
            .unwrap_or(StatusCode::OK)
    }
}

/// A campaign as the register page lists it: its purpose and status by their labels.
struct CampaignRow {
    id: i64,
    title: String,
    purpose: String,
    status: String,
}

impl CampaignRow {
    fn new(tr: &Tr, campaign: Campaign) -> Self {
        Self {
            id: campaign.id,
            purpose: tr.t(campaign.purpose.message_id()),
            status: tr.t(campaign.status.message_id()),
            title: campaign.title,
        }
    }
}

#[derive(Deserialize)]
pub struct SearchQuery {
    q: Option<String>,
}

pub(super) async fn register_page(
    state: &AppState,
    tr: &Tr,
    session: &PageSession,
    q: String,
    forms: RegisterForms,
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
            forms.status(),
            &RegisterPage {
                layout: layout(tr, session),
                searched: !q.trim().is_empty(),
                q,
                citizens,
                campaigns: campaigns
                    .into_iter()
                    .map(|c| CampaignRow::new(tr, c))
                    .collect(),
                can_write: session.principal.can(Permission::WriteConscription),
                units: units.into_iter().map(|u| (u.id, u.name)).collect(),
                purposes: Purpose::ALL
                    .iter()
                    .map(|p| (p.as_str(), tr.t(p.message_id())))
                    .collect(),
                campaign_form: forms.campaign,
                import_form: forms.import,
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
    register_page(&state, &tr, &session, q, RegisterForms::new(), None).await
}

/// The import form as posted: the CSV as pasted, so a refused one is shown again unchanged.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ImportForm {
    // Numbers arrive as text: the form envelope flattens fields, which loses their types.
    unit_id: String,
    csv: String,
}

/// An import as the workflow takes it: the CSV is read from the form, not copied.
struct Import<'a> {
    unit_id: i64,
    csv: &'a str,
}

impl<'a> TryFrom<&'a ImportForm> for Import<'a> {
    type Error = AppError;

    fn try_from(form: &'a ImportForm) -> Result<Self, AppError> {
        Ok(Import {
            unit_id: number("unit_id", &form.unit_id)?,
            csv: &form.csv,
        })
    }
}

/// An import answers with its summary on the register page (rejected rows listed), so it is
/// not sent elsewhere like other forms; a refusal goes the one way of every form.
pub async fn import(
    State(state): State<AppState>,
    tr: Tr,
    PageForm { session, form }: PageForm<ImportForm>,
) -> Response {
    let acting = Acting::Principal(&session.principal);
    let result = match Import::try_from(&form) {
        Ok(input) => {
            state
                .app
                .import_citizens(acting, input.unit_id, input.csv)
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
                RegisterForms::new(),
                Some(summary),
            )
            .await
        }
        Err(error) => {
            refuse(&tr, &session, "conscription", form, error, |import| {
                let forms = RegisterForms {
                    import,
                    ..RegisterForms::new()
                };
                register_page(&state, &tr, &session, String::new(), forms, None)
            })
            .await
        }
    }
}

#[derive(Template)]
#[template(path = "citizen.html")]
struct CitizenPage {
    layout: Layout,
    citizen: Citizen,
    /// The citizen's sex by its label.
    sex: String,
    as_of: String,
    statuses: Vec<(String, DecisionView)>,
    summonses: Vec<SummonsRow>,
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
                        (
                            tr.t("citizen-training"),
                            DecisionView::of(
                                TrainingEligible::ID,
                                card.as_of,
                                &card.training,
                                &lang,
                            ),
                        ),
                    ],
                    sex: tr.t(card.citizen.sex.message_id()),
                    citizen: card.citizen,
                    summonses: summonses.into_iter().map(|s| row(&tr, s)).collect(),
                },
            )
        }
        Err(e) => fail(e, &tr, &session),
    }
}
